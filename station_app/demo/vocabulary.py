"""Word pools for the demo data (``station_app.demo.generate``): names, businesses, complaint scenarios and
consultation topics of a rural county in north-east Sichuan (通江县, 巴中市).

Everything here is plain data. Codes refer to the shipped code lists (``resources/codes``);
a test checks that every code used here exists.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- Regions -------------------------------------------------------------------------------------

COUNTY_CODE = "511921"
COUNTY_NAME = "通江县"

# Used only when the statistics bureau's code list (shared/data/regions) is not at hand: a few
# real towns and villages of 通江县 (2021 codes): (village code, town name, village name).
FALLBACK_VILLAGES: tuple[tuple[str, str, str], ...] = (
    ("511921001001", "壁州街道", "城南社区居委会"),
    ("511921001004", "壁州街道", "南街社区居委会"),
    ("511921001201", "壁州街道", "城东村民委员会"),
    ("511921001203", "壁州街道", "西郊村民委员会"),
    ("511921100010", "诺江镇", "箭口河社区居委会"),
    ("511921100201", "诺江镇", "新华村民委员会"),
    ("511921100202", "诺江镇", "阳望山村民委员会"),
    ("511921100208", "诺江镇", "千佛村民委员会"),
    ("511921100213", "诺江镇", "高明村民委员会"),
    ("511921100219", "诺江镇", "七水村民委员会"),
    ("511921104001", "铁佛镇", "刘坪社区居委会"),
    ("511921104200", "铁佛镇", "平坝村民委员会"),
    ("511921104210", "铁佛镇", "大佛寺村民委员会"),
    ("511921104216", "铁佛镇", "凤凰村民委员会"),
    ("511921108001", "沙溪镇", "沙溪嘴社区居委会"),
    ("511921108209", "沙溪镇", "王坪村民委员会"),
    ("511921108216", "沙溪镇", "团鱼坝村民委员会"),
)

STREETS = ("正街", "新街", "老街", "河街", "滨河路", "建设路", "人民路", "中街", "上街", "下街")

# Market days (赶场): many towns of the county meet on days ending in 1, 4 and 7 (逢一四七).
MARKET_DAY_DIGITS = frozenset({1, 4, 7})

# --- People --------------------------------------------------------------------------------------

# Common surnames of 巴中 and 通江 with rough weights (苟, 母, 鲜, 岳, 蒲 are local).
SURNAMES: tuple[tuple[str, int], ...] = (
    ("王", 80), ("李", 75), ("张", 70), ("刘", 55), ("陈", 50), ("杨", 45), ("何", 38),
    ("赵", 30), ("罗", 30), ("周", 28), ("吴", 25), ("苟", 24), ("向", 22), ("岳", 20),
    ("蒲", 18), ("谢", 18), ("冯", 17), ("唐", 16), ("杜", 16), ("徐", 15), ("胡", 15),
    ("黄", 15), ("邓", 14), ("熊", 12), ("袁", 12), ("董", 11), ("孙", 11), ("马", 10),
    ("朱", 10), ("郑", 9), ("曾", 9), ("彭", 9), ("任", 9), ("文", 8), ("苏", 8), ("余", 8),
    ("付", 8), ("严", 7), ("庞", 7), ("母", 7), ("鲜", 6), ("兰", 6), ("汪", 5), ("谭", 5),
    ("尹", 5), ("侯", 4), ("龚", 4), ("牟", 4), ("贾", 3), ("寇", 3),
)  # fmt: skip

# Given names by generation: people born before 1970 and after.
GIVEN_MALE_OLD = (
    "建国", "国华", "德明", "明华", "永福", "红军", "德贵", "长春", "春林", "正清", "光辉",
    "大富", "世伦", "国强", "学文", "绍华", "开明", "玉成", "万福", "天云", "文德", "家贵",
    "成", "勇", "军", "强", "平", "刚", "华", "林", "兵", "贵", "富", "明", "忠",
)  # fmt: skip
GIVEN_FEMALE_OLD = (
    "秀英", "桂英", "玉兰", "淑芬", "翠花", "秀兰", "春梅", "桂芳", "素华", "德芳", "玉珍",
    "群英", "金秀", "秀珍", "光秀", "明英", "家碧", "正琼", "友兰", "淑华",
    "琼", "英", "珍", "芬", "兰", "菊", "萍",
)  # fmt: skip
GIVEN_MALE_YOUNG = (
    "伟", "涛", "磊", "鹏", "浩", "宇", "超", "杰", "斌", "亮", "俊杰", "家豪", "子轩",
    "浩然", "宇航", "俊", "建华", "志强", "文斌", "小龙", "海洋", "明亮", "鑫", "阳",
    "晨", "一鸣", "天宇", "博文", "思远", "泽宇",
)  # fmt: skip
GIVEN_FEMALE_YOUNG = (
    "丽", "芳", "敏", "静", "燕", "霞", "艳", "娟", "丽华", "小琴", "晓燕", "雪梅", "婷",
    "欣怡", "雨涵", "诗琪", "佳怡", "梦瑶", "倩", "露", "丹", "莉", "玲", "思雨", "紫涵",
)  # fmt: skip

# Mobile prefixes of the three operators.
MOBILE_PREFIXES = (
    "134", "135", "136", "137", "138", "139", "147", "150", "151", "152", "157", "158", "159",
    "182", "183", "184", "187", "188", "198", "130", "131", "132", "155", "156", "166", "185",
    "186", "133", "153", "173", "177", "180", "181", "189", "199",
)  # fmt: skip
LANDLINE_AREA = "0827"  # 巴中

OFFICER_ROLES = ("站长", "联络员", "联络员", "联络员", "信息员", "联络员")

# --- Businesses ----------------------------------------------------------------------------------

BRAND_WORDS = (
    "兴旺", "顺发", "利民", "惠民", "金龙", "宏达", "鑫源", "福星", "永兴", "好运", "诚信",
    "鸿运", "富民", "佳和", "聚源", "众旺", "天成", "恒通", "华丰", "丰收", "绿源", "盛达",
    "昌隆", "红星", "新星", "腾飞", "巴山", "诺江", "壁州", "川北", "家家乐", "万家", "便民",
    "红旗", "好又多", "佳佳乐", "金穗", "禾丰", "兴农", "春雨", "宏运", "安康", "康乐", "长寿",
)  # fmt: skip


@dataclass(frozen=True)
class BusinessKind:
    """A kind of local business: how such shops are named and registered."""

    key: str
    weight: int
    # name patterns; {brand} a brand word, {town} the town, {surname} the owner's surname
    shop_names: tuple[str, ...]  # for 个体工商户 and small shops
    company_names: tuple[str, ...]  # for 企业 (有限公司 and branches)
    company_share: float  # share registered as 企业
    in_village_share: float = 0.1  # share located in a village rather than the town's streets


BUSINESS_KINDS: tuple[BusinessKind, ...] = (
    BusinessKind(
        "supermarket", 30,
        ("{town}{brand}超市", "{town}{surname}记便民超市", "{brand}生活超市"),
        ("通江县{brand}商贸有限公司{town}店", "通江县{brand}超市有限公司"), 0.3, 0.3,
    ),
    BusinessKind(
        "farm_supply", 30,
        ("{town}{brand}农资经营部", "{town}{surname}家农资门市", "{brand}种子化肥店"),
        ("通江县{brand}农业科技有限公司", "通江县{brand}农资有限公司{town}门市"), 0.25, 0.25,
    ),
    BusinessKind(
        "phone_shop", 15,
        ("{town}{brand}通讯", "{brand}手机店", "{town}{surname}记手机维修"),
        ("通江县{brand}通讯器材有限公司",), 0.2,
    ),
    BusinessKind(
        "appliance", 14,
        ("{town}{brand}家电城", "{brand}电器商行", "{town}{brand}家电经营部"),
        ("通江县{brand}家用电器有限公司",), 0.3,
    ),
    BusinessKind(
        "restaurant", 16,
        ("{town}{brand}饭店", "{brand}农家乐", "{surname}记面馆", "{town}{surname}家坝坝宴承办"),
        ("通江县{brand}餐饮管理有限公司",), 0.1, 0.3,
    ),
    BusinessKind(
        "driving_school", 3, (),
        ("通江县{brand}机动车驾驶员培训有限公司", "巴中市{brand}驾校有限公司通江分校"), 1.0,
    ),
    BusinessKind(
        "renovation", 8,
        ("{town}{surname}师傅装修队", "{brand}装饰工作室"),
        ("通江县{brand}装饰工程有限公司", "巴中{brand}建筑装饰有限公司"), 0.6,
    ),
    BusinessKind(
        "courier", 8,
        ("{town}中通快递服务站", "{town}圆通快递代办点", "{town}韵达快递网点",
         "{town}极兔速递服务点", "{town}快递超市"),
        ("中国邮政集团有限公司四川省通江县{town}邮政所",), 0.2,
    ),
    BusinessKind(
        "telecom", 6, (),
        ("中国移动通信集团四川有限公司通江{town}营业厅", "中国电信股份有限公司通江{town}营业厅",
         "中国联合网络通信有限公司通江县{town}营业厅"), 1.0,
    ),
    BusinessKind(
        "health_products", 7,
        ("{brand}健康生活馆", "{town}{brand}养生堂", "{brand}保健品体验店"),
        ("通江县{brand}健康咨询服务有限公司", "四川{brand}生物科技有限公司通江分公司"), 0.4,
    ),
    BusinessKind(
        "ebike", 9,
        ("{town}{brand}电动车行", "{brand}电动车{town}专卖店", "{town}{surname}记摩托车行"),
        ("通江县{brand}车业有限公司",), 0.2,
    ),
    BusinessKind(
        "building_materials", 8,
        ("{town}{brand}建材经营部", "{brand}瓷砖店", "{town}{brand}门窗加工厂"),
        ("通江县{brand}建材有限公司",), 0.3,
    ),
    BusinessKind(
        "clothing", 8,
        ("{town}{brand}服装店", "{brand}鞋业", "{town}{surname}记童装"),
        ("通江县{brand}服饰有限公司",), 0.1,
    ),
    BusinessKind(
        "pharmacy", 6,
        ("{town}{brand}大药房", "{brand}药店"),
        ("四川{brand}大药房连锁有限公司通江{town}店",), 0.6,
    ),
    BusinessKind(
        "repair", 7,
        ("{town}{brand}汽车修理厂", "{town}{surname}记摩托车维修部", "{brand}农机维修店"),
        ("通江县{brand}汽车服务有限公司",), 0.2, 0.2,
    ),
    BusinessKind(
        "beauty", 6,
        ("{town}{brand}理发店", "{brand}美容美发会所", "{town}{surname}记发艺"),
        ("通江县{brand}美容服务有限公司",), 0.1,
    ),
    BusinessKind(
        "liquor", 6,
        ("{town}{brand}烟酒商行", "{brand}酒业经营部"),
        ("通江县{brand}酒业有限公司",), 0.2,
    ),
    BusinessKind(
        "gas", 3,
        ("{town}{brand}液化气站", "{town}{brand}燃气具店"),
        ("通江县{brand}燃气有限公司",), 0.5,
    ),
    BusinessKind(
        "training", 3,
        ("{brand}艺术培训班",),
        ("通江县{brand}教育培训学校有限公司", "通江县{brand}职业技能培训学校"), 0.8,
    ),
    BusinessKind(
        "travel", 2, (), ("巴中{brand}旅行社有限公司通江营业部", "通江县{brand}旅行社"), 1.0,
    ),
    BusinessKind(
        "farm_machinery", 5,
        ("{town}{brand}农机销售部", "{brand}农机门市"),
        ("通江县{brand}农业机械有限公司",), 0.3,
    ),
    BusinessKind(
        "feed", 4,
        ("{town}{brand}饲料经营部", "{town}{surname}家鸡苗孵化场", "{brand}兽药饲料店"),
        ("通江县{brand}养殖专业合作社",), 0.4, 0.5,
    ),
    BusinessKind(
        "utility", 2, (),
        ("通江县{brand}供水有限公司", "国网四川省电力公司通江县供电分公司{town}供电所"), 1.0,
    ),
    BusinessKind(
        "jewellery", 2, ("{town}{brand}金店", "{brand}银楼"), ("通江县{brand}珠宝有限公司",), 0.3,
    ),
)  # fmt: skip

# Respondents that are not in any roster: hawkers, door-to-door sellers, online shops.
# (name recorded as respondent, where the facts say it was bought, purchase channel, online?)
UNLISTED_RESPONDENTS: tuple[tuple[str, str, str, bool], ...] = (
    ("赶场摆摊的流动商贩（姓名不详）", "{town}赶场时一个流动摊位上", "集市", False),
    ("上门推销人员（自称{brand}公司）", "上门推销的人手里", "上门推销", False),
    ("{brand}健康讲座会销人员", "村里办的{brand}健康讲座上", "会议营销", False),
    ("开三轮车卖货的商贩（车牌不详）", "开三轮车进村卖货的商贩那里", "流动售卖", False),
    ("拼多多店铺“{brand}旗舰店”", "拼多多上的“{brand}旗舰店”", "网购", True),
    ("抖音直播间“{brand}优选”", "抖音直播间“{brand}优选”", "直播带货", True),
    ("快手主播“{brand}农资”", "快手直播间“{brand}农资”", "直播带货", True),
    ("淘宝店铺“{brand}专营店”", "淘宝“{brand}专营店”", "网购", True),
    ("微信好友“{brand}代购”", "微信上的“{brand}代购”", "微信", True),
)

# --- Complaint scenarios -------------------------------------------------------------------------

GOODS_PURCHASES = (
    "{date}，我在{shop}购买了{qty}{unit}{goods}，共付款{amount}元。",
    "我于{date}在{shop}买了{goods}{qty}{unit}，花了{amount}元，有收据。",
    "{date}在{shop}花{amount}元购买{goods}{qty}{unit}。",
    "{date}，我家在{shop}买{goods}{qty}{unit}，付了{amount}元，店家开了单子。",
)
SERVICE_PURCHASES = (
    "{date}，我在{shop}办理了{goods}，交了{amount}元。",
    "我于{date}与{shop}约定{goods}，已付{amount}元。",
    "{date}在{shop}办了{goods}，前后付了{amount}元。",
)
GROUP_OPENINGS = (
    "本村{group_size}户村民于{date}前后在{shop}购买了同一批{goods}，共计{amount}元。",
    "{date}前后，我们{group_size}户在{shop}{goods}，合计付款{amount}元。",
)
CONTACTS = (
    "我多次找商家协商",
    "我打电话给老板",
    "我拿着收据去店里找过",
    "我到店里反映过两次",
    "我向厂家客服反映过",
    "我让儿子在微信上联系过对方",
    "村干部陪我去找过店家",
)
RESPONSES = (
    "对方以已过退换期为由拒绝处理",
    "老板说是我自己使用不当，不给解决",
    "对方答应处理但一直拖着",
    "店家推给厂家，厂家又推给店家",
    "对方态度恶劣，拒不退款",
    "至今没有任何答复",
    "对方只同意退一小部分钱，我不接受",
    "对方电话打不通，微信也把我删了",
)
CLOSINGS = (
    "",
    "请服务站帮忙调解。",
    "希望消协帮我讨个说法。",
    "我年纪大了不会弄，请帮忙处理。",
    "收据和照片我都留着。",
)


@dataclass(frozen=True)
class Scenario:
    """One kind of complaint a rural station sees often."""

    key: str
    category: str  # code of goods_category / service_category
    subcategory: str | None
    weight: int
    goods: tuple[str, ...]
    unit: str  # "" for services
    qty: tuple[int, int]
    price_yuan: tuple[int, int]  # per unit
    business_kinds: tuple[str, ...]
    problems: tuple[str, ...]
    natures: tuple[str, ...]  # first ones more likely
    demands: tuple[str, ...]
    purchase_days: tuple[int, int]  # how long before the complaint the purchase was
    is_service: bool = False
    seasonal: bool = False  # farm inputs: twice as many in spring and early summer
    channel: str = "实体店"


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "seed", "G10", None, 9,
        ("玉米种子", "水稻种子", "油菜种子", "土豆种薯", "辣椒种子", "红薯种苗", "魔芋种"),
        "袋", (2, 30), (18, 85), ("farm_supply",),
        ("播下去出苗率不到三成", "种出来长势不齐，大片不结穗", "发芽率很低，耽误了农时",
         "包装上写的品种和种出来的对不上", "同一批种子邻居家也出了问题", "结的穗子又小又瘪"),
        ("quality", "counterfeit", "false_advertising"),
        ("compensation", "refund", "triple_compensation"), (30, 150), seasonal=True,
    ),
    Scenario(
        "fertiliser", "G10", None, 8,
        ("复合肥", "尿素", "有机肥", "磷肥", "钾肥", "复合肥料"),
        "袋", (2, 40), (60, 180), ("farm_supply",),
        ("肥料结块严重，撒不开", "拿去检测氮含量远低于包装标注", "施肥后庄稼烧苗发黄",
         "每袋称了只有四十五斤，说好的五十斤", "施了以后一点效果都没有，怀疑是假肥料"),
        ("quality", "counterfeit", "measurement"),
        ("compensation", "refund", "make_up_quantity"), (15, 120), seasonal=True,
    ),
    Scenario(
        "pesticide", "G10", None, 6,
        ("除草剂", "杀虫剂", "杀菌剂", "草甘膦", "吡虫啉"),
        "瓶", (2, 20), (15, 60), ("farm_supply",),
        ("按说明书兑水打了以后杂草一根没死", "喷了以后玉米苗大片枯死，出现药害",
         "瓶子上的生产日期已经过期一年多", "标签上没有农药登记证号"),
        ("quality", "safety", "counterfeit"),
        ("compensation", "refund"), (10, 90), seasonal=True,
    ),
    Scenario(
        "farm_machine", "G10", None, 4,
        ("微耕机", "打谷机", "抽水泵", "电动喷雾器", "旋耕机", "粉碎机"),
        "台", (1, 1), (300, 4800), ("farm_machinery", "farm_supply"),
        ("没用几次发动机就坏了", "三包期内坏了，商家不给修", "修了三次还是打不燃火",
         "配件和说明书都没有，合格证也没给"),
        ("quality", "after_sales"),
        ("repair", "replace", "return"), (20, 200),
    ),
    Scenario(
        "feed", "G10", None, 3,
        ("鸡苗", "鸭苗", "仔猪", "猪饲料", "鱼苗"),
        "批", (1, 3), (200, 2600), ("feed",),
        ("拿回去不到一周就死了一大半", "饲料开袋就发霉结块", "说好是良种，长了两个月明显不对"),
        ("quality", "false_advertising"),
        ("compensation", "refund"), (7, 90), seasonal=True,
    ),
    Scenario(
        "food", "G03", "G0301", 9,
        ("月饼", "纯牛奶", "方便面", "腊肉", "散装饼干", "挂面", "菜籽油", "酸奶", "火腿肠"),
        "件", (1, 6), (8, 120), ("supermarket", "restaurant"),
        ("回家发现已过保质期", "吃的时候吃出异物", "包装上没有生产日期和厂名厂址",
         "吃了以后全家拉肚子", "打开已经变质发臭", "标的是纯粮酿造，实际是勾兑的"),
        ("quality", "safety", "false_advertising"),
        ("tenfold_compensation", "refund", "return"), (0, 10),
    ),
    Scenario(
        "liquor", "G04", None, 3,
        ("白酒", "啤酒", "饮料", "散装酒", "礼盒装白酒"),
        "件", (1, 4), (30, 680), ("liquor", "supermarket"),
        ("喝起来味道不对，怀疑是假冒名牌", "瓶盖处有明显撬过的痕迹", "已过保质期还在卖"),
        ("counterfeit", "quality"),
        ("triple_compensation", "tenfold_compensation", "refund"), (0, 30),
    ),
    Scenario(
        "mobile_phone", "G01", "G0101", 7,
        ("智能手机", "老年机", "平板电脑", "手机充电器"),
        "部", (1, 1), (120, 3600), ("phone_shop", "telecom"),
        ("用了不到一个月屏幕失灵", "电池鼓包发烫", "是翻新机冒充的新机", "三包期内坏了，店家不给换",
         "店员私自给手机装了很多收费软件"),
        ("quality", "counterfeit", "after_sales"),
        ("replace", "return", "repair", "triple_compensation"), (3, 120),
    ),
    Scenario(
        "appliance", "G01", None, 7,
        ("电视机", "冰箱", "洗衣机", "热水器", "空调", "电饭煲", "电磁炉", "取暖器"),
        "台", (1, 1), (150, 4200), ("appliance", "supermarket"),
        ("制冷效果很差", "用了几天就漏水", "送货安装时另收了材料费", "维修多次仍不能正常使用",
         "通电就跳闸，差点起火", "和样机不是同一个型号"),
        ("quality", "after_sales", "safety", "price"),
        ("replace", "return", "repair", "refund"), (5, 300),
    ),
    Scenario(
        "telecom", "S06", "S0602", 6,
        ("手机套餐", "宽带", "宽带和电视套餐", "合约机套餐", "流量包"),
        "", (1, 1), (39, 1200), ("telecom",),
        ("营业员擅自给我办了增值业务，每月多扣钱", "宽带经常断网，报修没人来",
         "要销户被要求先交违约金", "说好的送话费一直没到账", "老人去交话费被换成了高价套餐"),
        ("contract", "false_advertising", "price"),
        ("refund", "other", "apology"), (10, 200), is_service=True, channel="营业厅",
    ),
    Scenario(
        "ebike", "G09", None, 6,
        ("电动车", "电动三轮车", "摩托车", "电动车电池", "电动车充电器"),
        "辆", (1, 1), (400, 6800), ("ebike",),
        ("电池充满电跑不到说的一半路程", "骑了半个月刹车失灵", "充电时充电器冒烟起火",
         "买了三个月合格证还拿不到，上不了牌", "车架焊接处开裂"),
        ("quality", "safety", "false_advertising", "contract"),
        ("replace", "repair", "return", "compensation"), (10, 240),
    ),
    Scenario(
        "renovation", "S02", None, 4,
        ("房屋装修", "卫生间防水", "厨房改造", "外墙贴砖", "吊顶安装"),
        "", (1, 1), (2000, 68000), ("renovation",),
        ("墙面大面积开裂", "防水没做好，楼下漏水", "工期拖了两个多月还没完工", "中途加项加价，比合同多收了钱",
         "用的材料和合同约定的品牌不一样"),
        ("quality", "contract", "price"),
        ("redo", "compensation", "refund"), (30, 300), is_service=True, channel="上门服务",
    ),
    Scenario(
        "building_materials", "G05", None, 3,
        ("瓷砖", "水泥", "钢筋", "铝合金门窗", "防水涂料"),
        "批", (1, 2), (300, 9000), ("building_materials",),
        ("铺上去发现色差很大", "规格和订货时说的不符", "门窗漏风漏雨", "水泥受潮结块"),
        ("quality", "contract", "measurement"),
        ("replace", "compensation", "return"), (10, 120),
    ),
    Scenario(
        "driving_school", "S11", "S1101", 3,
        ("驾驶培训", "摩托车驾照培训", "C1驾照培训"),
        "", (1, 1), (2800, 5200), ("driving_school",),
        ("交钱半年了迟迟不安排练车", "考试不过要交高额补考费", "说好的包过，现在要另外收钱", "要退学，驾校不退学费"),
        ("contract", "false_advertising", "price"),
        ("refund", "other"), (60, 300), is_service=True, channel="报名",
    ),
    Scenario(
        "prepaid_card", "S01", "S0103", 3,
        ("理发充值卡", "美容会员卡", "美发套餐卡", "烫染疗程卡"),
        "", (1, 1), (300, 5000), ("beauty",),
        ("办卡后不到两个月店就关门了", "老板换了人，不认以前的卡", "卡里的钱用不了，要求补差价"),
        ("contract", "price", "other"),
        ("refund",), (30, 300), is_service=True, channel="预付卡",
    ),
    Scenario(
        "training", "S11", "S1101", 2,
        ("课外辅导班", "舞蹈培训", "电商培训", "技能培训班"),
        "", (1, 1), (600, 6800), ("training",),
        ("上了几次课老师就换了，机构不退费", "宣传说包就业，结业后没人管", "中途退课只退三成学费"),
        ("contract", "false_advertising"),
        ("refund",), (20, 200), is_service=True, channel="报名",
    ),
    Scenario(
        "health_products", "G08", None, 5,
        ("保健品", "理疗仪", "磁疗床垫", "保健酒", "降压茶"),
        "盒", (1, 10), (98, 1980), ("health_products", "pharmacy"),
        ("对方开会送鸡蛋，说能治高血压糖尿病，吃了没效果", "免费体检后说我有病，高价卖给我",
         "宣传能包治百病，老人花了全部积蓄", "买的时候说不好可以退，现在不给退"),
        ("false_advertising", "price", "quality"),
        ("refund", "triple_compensation", "return"), (5, 90), channel="会议营销",
    ),
    Scenario(
        "medicine", "G08", None, 2,
        ("感冒药", "膏药", "降糖药", "钙片", "风湿药酒"),
        "盒", (1, 4), (12, 180), ("pharmacy",),
        ("药品已过有效期", "包装破损、药片受潮发霉", "说明书上的功效和店员说的完全不一样"),
        ("quality", "safety"),
        ("refund", "replace", "tenfold_compensation"), (1, 60),
    ),
    Scenario(
        "courier", "S05", None, 3,
        ("快递寄件", "包裹代收", "快递送货"),
        "", (1, 1), (8, 1500), ("courier",),
        ("寄的包裹丢了，只愿意按运费赔", "收到时东西已经摔坏", "取件要另收一元钱派送费",
         "没经过我同意就放到驿站，东西被人冒领"),
        ("contract", "price", "after_sales"),
        ("compensation", "apology"), (2, 40), is_service=True, channel="快递",
    ),
    Scenario(
        "online_shopping", "S13", "S1301", 4,
        ("衣服", "被子", "小家电", "护肤品", "农药", "种子"),
        "件", (1, 3), (20, 900), (),
        ("收到的货和图片完全不一样", "商家不给七天无理由退货", "直播间说是正品，收到是假货",
         "付了钱一直不发货"),
        ("false_advertising", "contract", "counterfeit"),
        ("return", "refund", "triple_compensation"), (3, 60), channel="网购",
    ),
    Scenario(
        "restaurant", "S01", "S0101", 3,
        ("酒席承办", "坝坝宴", "聚餐", "外卖"),
        "", (1, 1), (200, 18000), ("restaurant",),
        ("菜品数量比约定的少", "有几道菜已经变质", "结账时多收了服务费，菜单上没标",
         "吃完后好几个客人腹泻"),
        ("contract", "price", "safety"),
        ("refund", "compensation", "apology"), (0, 20), is_service=True, channel="实体店",
    ),
    Scenario(
        "clothing", "G02", "G0202", 3,
        ("运动鞋", "皮鞋", "羽绒服", "棉衣", "童装"),
        "双", (1, 3), (40, 600), ("clothing", "supermarket"),
        ("穿了几次就开胶", "洗一次就严重褪色", "标的是羽绒，里面是碎毛"),
        ("quality", "false_advertising"),
        ("return", "replace", "refund"), (5, 90),
    ),
    Scenario(
        "gas", "G06", "G0602", 2,
        ("液化气", "燃气灶", "燃气热水器", "减压阀"),
        "个", (1, 2), (80, 1800), ("gas",),
        ("液化气罐不满，称了少好几斤", "燃气灶安装后漏气", "减压阀是三无产品"),
        ("safety", "measurement", "quality"),
        ("make_up_quantity", "replace", "compensation"), (1, 60),
    ),
    Scenario(
        "car_repair", "S01", "S0104", 2,
        ("汽车维修", "摩托车维修", "农用车保养"),
        "", (1, 1), (80, 4800), ("repair",),
        ("换上去的是旧配件", "维修费比说好的高很多", "修好没几天又坏了"),
        ("price", "quality", "contract"),
        ("redo", "refund", "compensation"), (3, 60), is_service=True, channel="维修",
    ),
    Scenario(
        "utility", "S12", None, 2,
        ("自来水", "电费", "水表更换"),
        "", (1, 1), (30, 800), ("utility",),
        ("停水不提前通知", "水表走得特别快，水费翻倍", "电费明显比往年高"),
        ("price", "measurement", "contract"),
        ("refund", "other"), (10, 90), is_service=True, channel="公用事业",
    ),
    Scenario(
        "travel", "S03", None, 1,
        ("老年旅游团", "一日游"),
        "", (1, 1), (99, 2600), ("travel",),
        ("低价团到了景区被强制购物", "行程和合同写的不一样"),
        ("contract", "false_advertising"),
        ("refund", "compensation"), (5, 60), is_service=True, channel="旅行社",
    ),
    Scenario(
        "jewellery", "G07", None, 1,
        ("金手镯", "金项链", "银饰"),
        "件", (1, 1), (500, 12000), ("jewellery",),
        ("拿去检测成色不足", "重量比票据上的少"),
        ("quality", "measurement", "counterfeit"),
        ("refund", "triple_compensation"), (10, 200),
    ),
    Scenario(
        "insurance", "S09", None, 1,
        ("意外保险", "农房保险", "养老理财"),
        "", (1, 1), (100, 20000), ("telecom", "health_products"),
        ("推销时说随时能退，现在不给退", "出了事理赔被拒"),
        ("contract", "false_advertising"),
        ("refund", "compensation"), (30, 300), is_service=True, channel="上门推销",
    ),
)  # fmt: skip

DEMAND_PHRASES = {
    "repair": "免费维修",
    "redo": "返工重做",
    "replace": "更换合格的新品",
    "return": "退货",
    "make_up_quantity": "补足短缺的数量",
    "refund": "退还{amount}元",
    "compensation": "赔偿损失{loss}元",
    "triple_compensation": "按消法第五十五条给予三倍赔偿",
    "tenfold_compensation": "按规定给予价款十倍的赔偿",
    "apology": "赔礼道歉",
    "other": "给个说法",
}

REMARKS = (
    "当事人年龄较大，请电话联系其子女。",
    "已留存购物凭证复印件和照片。",
    "当事人要求不公开个人信息。",
    "同批次问题较多，建议关注。",
    "已告知当事人保留证据。",
)

# --- Visits (来访咨询) -------------------------------------------------------------------------


@dataclass(frozen=True)
class Topic:
    """A consultation topic: what people ask and what the officer answers."""

    key: str
    category: str
    weight: int
    questions: tuple[str, ...]
    answers: tuple[str, ...]


TOPICS: tuple[Topic, ...] = (
    Topic(
        "return_goods", "G01", 12,
        ("在{town}买的电饭煲用了三天就坏了，能不能退？", "买的洗衣机有问题，商家只肯修不肯退，怎么办？",
         "衣服买回来不合适，店家说特价不退不换，合理吗？"),
        ("根据《消费者权益保护法》第二十四条，商品不符合质量要求的，可以自收到商品之日起七日内退货；"
         "七日后符合法定解除条件的可以退货，不符合的可以要求更换、修理。建议带上购物凭证先与商家协商，"
         "协商不成可来站投诉。",
         "“特价商品不退不换”属于不公平格式条款，对有质量问题的商品无效。请保留小票和照片。"),
    ),
    Topic(
        "fake_farm_inputs", "G10", 12,
        ("想买一批复合肥，怎么辨别真假？", "种子出苗不好，是不是买到假种子了？要怎么取证？",
         "赶场时有人开车卖便宜农药，能买吗？"),
        ("看包装上的肥料登记证号、执行标准和养分含量，到证照齐全的农资店购买，索要并保存发票；"
         "种子要保留包装袋、标签和少量样品，出现问题及时请农技人员到田间查看并拍照。",
         "流动商贩卖的农资出了问题很难找人，请到正规农资店购买，保留凭证。"),
    ),
    Topic(
        "prepaid_card", "S01", 8,
        ("理发店办了一千元的卡，现在店关门了怎么办？", "健身房换老板了不认我的卡，能退钱吗？"),
        ("预付卡纠纷可凭办卡凭证、消费记录、聊天记录向经营者要求退还余额；经营者跑路的，"
         "可以向市场监管部门投诉举报，必要时报警。办卡时应选择信誉好的商家，不宜一次充值过多。",),
    ),
    Topic(
        "online_shopping", "S13", 8,
        ("网上买的衣服不合适，商家不给七天无理由退货。", "直播间买的东西是假货，能找谁？",
         "拼多多上买的种子没发芽，怎么投诉？"),
        ("根据消法第二十五条，网购商品除定作、鲜活易腐等特殊商品外，自收到之日起七日内可无理由退货。"
         "请先通过平台申请退货并保留聊天记录，平台不处理的可以投诉。",
         "请截图保存商品页面、订单和聊天记录，可以先找平台客服，也可以拨打12315或来站登记投诉。"),
    ),
    Topic(
        "health_products", "G08", 8,
        ("村里来人开会送鸡蛋，推销保健品说能治病，能买吗？", "老人花了几千元买理疗仪，家里人想退，能退吗？"),
        ("保健食品不是药物，不能治疗疾病；以赠送礼品、免费体检为名组织会议营销的多有虚假宣传，"
         "请勿轻信，不要随意透露个人信息。如已购买，保留票据和宣传材料来站投诉或拨打12315。",),
    ),
    Topic(
        "telecom", "S06", 6,
        ("手机话费无缘无故多扣了钱，怎么查？", "宽带不想用了，营业厅要收违约金，合理吗？"),
        ("可以到营业厅打印详单，查看是否被开通了增值业务；未经同意开通的可以要求退费。"
         "营业厅不处理的，可以向通信管理部门申诉或来站投诉。",),
    ),
    Topic(
        "expired_food", "G03", 7,
        ("买到过期食品能要求十倍赔偿吗？", "超市卖的腊肉有异味，怎么办？"),
        ("根据《食品安全法》第一百四十八条，经营明知不符合食品安全标准的食品，可以要求退款并支付价款十倍"
         "或者损失三倍的赔偿金，不足一千元的按一千元计。请保留商品、小票并拍照。",),
    ),
    Topic(
        "renovation", "S02", 4,
        ("装修队收了钱不干活了怎么办？", "签装修合同要注意什么？"),
        ("签合同写清楚工程项目、材料品牌、价格、工期、付款方式和违约责任，不要一次付清全款；"
         "出现纠纷保留合同、收据和现场照片。",),
    ),
    Topic(
        "driving_school", "S11", 3,
        ("驾校一直不安排考试，能退学费吗？",),
        ("可凭培训合同和缴费凭证要求驾校按约定安排培训或退还未培训部分的费用，协商不成可以投诉。",),
    ),
    Topic(
        "ebike", "G09", 5,
        ("电动车电池不经用，还在三包期内吗？", "买电动车拿不到合格证，上不了牌怎么办？"),
        ("电动自行车整车三包期一般为一年，蓄电池通常为一年，请保留发票和三包凭证。"
         "经营者应当提供车辆合格证，拒不提供的可以来站投诉。",),
    ),
    Topic(
        "courier", "S05", 3,
        ("快递丢了，快递点只肯赔运费。", "快递站取件要收钱，合理吗？"),
        ("未保价的快件丢失，可按实际损失要求赔偿，最高一般为运费的若干倍，保价的按保价金额赔偿；"
         "派件上门是快递服务的内容，另收派送费不合理，可以投诉。",),
    ),
    Topic(
        "liquor", "G04", 3,
        ("办酒买的白酒怀疑是假的，怎么鉴定？",),
        ("可以向生产厂家或品牌方申请真伪鉴定，也可以请市场监管部门抽检。请保留酒瓶、包装和购物凭证。",),
    ),
    Topic(
        "gas_safety", "G06", 3,
        ("液化气罐好像不够秤，怎么办？", "燃气灶用多久要换管子？"),
        ("可以要求液化气站当面称重，发现缺斤少两的可以向市场监管部门举报；燃气软管一般十八个月左右更换，"
         "发现漏气立即关阀开窗，不要开关电器。",),
    ),
    Topic(
        "travel", "S03", 2,
        ("老年低价旅游团能参加吗？",),
        ("低价团往往靠强制购物赚钱，请选择有资质的旅行社，签订正规旅游合同，写明行程和购物安排。",),
    ),
    Topic(
        "other_rights", "O01", 4,
        ("商家不开发票，能要求开吗？", "店里写着“最终解释权归本店所有”，有效吗？", "个人信息被泄露，老有推销电话怎么办？"),
        ("经营者提供商品或服务应当按规定出具发票等购货凭证，消费者索要的必须出具。",
         "“最终解释权归本店所有”属于排除消费者权利的格式条款，依法无效。",
         "不要随意填写个人信息，遇到骚扰电话可以向运营商投诉并举报。"),
    ),
)  # fmt: skip

VISIT_PREFIXES = (
    "",
    "",
    "",
    "村民咨询：",
    "来电咨询：",
    "{village}村民咨询：",
    "赶场时有群众咨询：",
)
