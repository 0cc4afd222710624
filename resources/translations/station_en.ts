<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>App</name>
    <message>
        <source>无法使用数据目录 {path}：{reason}</source>
        <translation>Cannot use the data folder {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>ComplaintForm</name>
    <message>
        <source>放弃填写？</source>
        <translation>Discard entries?</translation>
    </message>
    <message>
        <source>已填写的内容还没有保存。要放弃这些内容吗？</source>
        <translation>What you entered has not been saved. Discard it?</translation>
    </message>
    <message>
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>继续填写</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>修改投诉 %1</source>
        <translation>Edit complaint %1</translation>
    </message>
    <message>
        <source>登记编号 %1，当前状态：%2。改完按“保存”。</source>
        <translation>Registration no. %1, status: %2. Press &quot;Save&quot; when done.</translation>
    </message>
    <message>
        <source>来访转为投诉</source>
        <translation>Complaint from a visit</translation>
    </message>
    <message>
        <source>由来访记录转来：请补全被投诉方、商品或服务、大类和投诉性质后保存。</source>
        <translation>From a visit: fill in the respondent, goods or service, category and nature, then save.</translation>
    </message>
    <message>
        <source>登记一件新投诉。保存后自动生成登记编号。</source>
        <translation>Register a new complaint. The registration no. is assigned when you save.</translation>
    </message>
    <message>
        <source>已登记 %1，不改就留空</source>
        <translation>%1 kept</translation>
    </message>
    <message>
        <source>保存投诉</source>
        <translation>Save complaint</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>登记投诉</source>
        <translation>Register complaint</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>登记时间 *</source>
        <translation>Received *</translation>
    </message>
    <message>
        <source>投诉渠道 *</source>
        <translation>Channel *</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>12315编号</source>
        <translation>12315 no.</translation>
    </message>
    <message>
        <source>没有可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>投诉人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>姓名 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>手机或固定电话</source>
        <translation>Mobile or landline</translation>
    </message>
    <message>
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>仅在必要时填写</source>
        <translation>Only when needed</translation>
    </message>
    <message>
        <source>所在村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>群体性投诉</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>是，人数</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <source>被投诉方</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <source>名称 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>店名、公司名或经营者姓名</source>
        <translation>Shop or trader name</translation>
    </message>
    <message>
        <source>信用代码</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <source>统一社会信用代码，没有可不填</source>
        <translation>18 chars, optional</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>商品或服务</source>
        <translation>Goods or service</translation>
    </message>
    <message>
        <source>例如：电动三轮车、化肥、宽带</source>
        <translation>e.g. fertiliser</translation>
    </message>
    <message>
        <source>大类 *</source>
        <translation>Category *</translation>
    </message>
    <message>
        <source>小类</source>
        <translation>Subcategory</translation>
    </message>
    <message>
        <source>购买日期</source>
        <translation>Bought on</translation>
    </message>
    <message>
        <source>未填写</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>购买地点</source>
        <translation>Bought at</translation>
    </message>
    <message>
        <source>购买方式</source>
        <translation>Bought via</translation>
    </message>
    <message>
        <source>例如：实体店、网购、上门推销</source>
        <translation>e.g. shop, online</translation>
    </message>
    <message>
        <source>实付金额(元)</source>
        <translation>Paid (yuan)</translation>
    </message>
    <message>
        <source>例如 1,234.50</source>
        <translation>e.g. 1,234.50</translation>
    </message>
    <message>
        <source>争议金额(元)</source>
        <translation>Disputed (yuan)</translation>
    </message>
    <message>
        <source>有争议的部分，可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>投诉内容</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>投诉性质 *</source>
        <translation>Nature *</translation>
    </message>
    <message>
        <source>事由 *</source>
        <translation>Facts *</translation>
    </message>
    <message>
        <source>何时、在哪里、买了什么、出了什么问题</source>
        <translation>When, where, what was bought, what went wrong</translation>
    </message>
    <message>
        <source>诉求</source>
        <translation>Demands</translation>
    </message>
    <message>
        <source>诉求说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>可补充具体要求，例如退款金额</source>
        <translation>Specific requests, e.g. the refund amount</translation>
    </message>
    <message>
        <source>按 Enter 保存（多行文字中按 Ctrl+Enter），按 Esc 取消。带 * 的必须填写。</source>
        <translation>Enter saves (Ctrl+Enter in multi-line text), Esc cancels. Fields marked * are required.</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ComplaintTableModel</name>
    <message>
        <source>%1 等 %2 人</source>
        <translation>%1 (group of %2)</translation>
    </message>
    <message>
        <source>登记编号</source>
        <translation>Registration no.</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>投诉人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>被投诉方</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <source>商品/服务</source>
        <translation>Goods/service</translation>
    </message>
    <message>
        <source>大类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>所在村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Officer</translation>
    </message>
</context>
<context>
    <name>ComplaintsScreen</name>
    <message>
        <source>%1年%2月</source>
        <translation>%2/%1</translation>
    </message>
    <message>
        <source>新建投诉</source>
        <translation>New complaint</translation>
    </message>
    <message>
        <source>登记一件新投诉</source>
        <translation>Register a new complaint</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>历史记录</source>
        <translation>History</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>搜索：姓名、电话、商家、商品、事由中的任意几个字</source>
        <translation>Search: part of a name, phone, business, goods or the facts</translation>
    </message>
    <message>
        <source>清空筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>大类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>所在村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>共 %1 条</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <source>还没有登记任何投诉。
点左上角的“新建投诉”，登记第一件投诉。</source>
        <translation>No complaints registered yet.
Click &quot;New complaint&quot; at the top left to register the first one.</translation>
    </message>
    <message>
        <source>没有找到符合条件的投诉。
可以少输几个字再搜索，或点“清空筛选”查看全部投诉。</source>
        <translation>No complaints match.
Search with fewer letters, or click &quot;Clear filters&quot; to see all complaints.</translation>
    </message>
    <message>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <source>删除投诉</source>
        <translation>Delete complaint</translation>
    </message>
    <message>
        <source>为什么要删除投诉 %1？（例如：重复登记）</source>
        <translation>Why delete complaint %1? (e.g. registered twice)</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>确定删除投诉 %1 吗？删除后列表中不再显示，登记编号也不会再用。</source>
        <translation>Delete complaint %1? It will no longer be listed and its registration no. will not be reused.</translation>
    </message>
    <message>
        <source>不删除</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>无法删除</source>
        <translation>Cannot delete</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>无法完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <source>知道了</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>程序出错</source>
        <translation>Program error</translation>
    </message>
    <message>
        <source>错误经过已记录在日志文件中：</source>
        <translation>What happened was written to the log file:</translation>
    </message>
    <message>
        <source>日志文件无法写入，错误经过见下方详细信息。</source>
        <translation>The log file could not be written; see the details below.</translation>
    </message>
    <message>
        <source>程序遇到意外错误，刚才的操作可能没有完成。已保存的记录不受影响。</source>
        <translation>The program hit an unexpected error, and the last action may not have finished. Records already saved are not affected.</translation>
    </message>
    <message>
        <source>请把这个文件交给县消协的技术人员，并说明出错前在做什么。</source>
        <translation>Please give this file to the county consumer association&apos;s technical staff and say what you were doing before the error.</translation>
    </message>
    <message>
        <source>详细信息</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>复制路径</source>
        <translation>Copy path</translation>
    </message>
    <message>
        <source>打开日志文件夹</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>今日登记投诉</source>
        <translation>Complaints registered today</translation>
    </message>
    <message>
        <source>件</source>
        <translation>complaint(s)</translation>
    </message>
    <message>
        <source>本月登记投诉</source>
        <translation>Complaints registered this month</translation>
    </message>
    <message>
        <source>尚未办结的投诉</source>
        <translation>Complaints not yet closed</translation>
    </message>
    <message>
        <source>今日来访咨询</source>
        <translation>Visits today</translation>
    </message>
    <message>
        <source>次</source>
        <translation>visit(s)</translation>
    </message>
    <message>
        <source>本月来访咨询</source>
        <translation>Visits this month</translation>
    </message>
    <message>
        <source>投诉</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>来访咨询</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>新建投诉</source>
        <translation>New complaint</translation>
    </message>
    <message>
        <source>登记一件新的投诉（Ctrl+N）</source>
        <translation>Register a new complaint (Ctrl+N)</translation>
    </message>
    <message>
        <source>登记来访</source>
        <translation>New visit</translation>
    </message>
    <message>
        <source>登记一次来访或咨询（Ctrl+Shift+N）</source>
        <translation>Register a visit or consultation (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>常用操作</source>
        <translation>Quick actions</translation>
    </message>
    <message>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>{year}年{month}月{day}日 {weekday}</source>
        <translation>{weekday}, {year}/{month}/{day}</translation>
    </message>
    <message>
        <source>共 {people} 人</source>
        <translation>{people} person(s)</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>首次设置</source>
        <translation>First-time setup</translation>
    </message>
    <message>
        <source>欢迎使用消费维权服务站登记系统。请先填写本服务站的编码和名称，编码由县消协统一分配，设置后不能更改。</source>
        <translation>Welcome to the Consumer Rights Station Register. First enter this station&apos;s code and name. The code is assigned by the county consumer association and cannot be changed later.</translation>
    </message>
    <message>
        <source>例如 TJ001</source>
        <translation>e.g. TJ001</translation>
    </message>
    <message>
        <source>例如 通江县诺江镇消费维权服务站</source>
        <translation>e.g. Nuojiang Town Consumer Rights Station, Tongjiang County</translation>
    </message>
    <message>
        <source>6 位数字，可不填，例如 511921</source>
        <translation>6 digits, optional, e.g. 511921</translation>
    </message>
    <message>
        <source>服务站编码：</source>
        <translation>Station code:</translation>
    </message>
    <message>
        <source>服务站名称：</source>
        <translation>Station name:</translation>
    </message>
    <message>
        <source>县级区划代码：</source>
        <translation>County region code:</translation>
    </message>
    <message>
        <source>保存并开始</source>
        <translation>Save and start</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>办理状态变更</source>
        <translation>Status changed</translation>
    </message>
    <message>
        <source>查看完整个人信息</source>
        <translation>Viewed full personal data</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>转为投诉</source>
        <translation>Converted to complaint</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>Time received</translation>
    </message>
    <message>
        <source>投诉渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Officer in charge</translation>
    </message>
    <message>
        <source>办理状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>所在村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>群体性投诉</source>
        <translation>Group complaint</translation>
    </message>
    <message>
        <source>投诉人数</source>
        <translation>Number of complainants</translation>
    </message>
    <message>
        <source>被投诉经营者</source>
        <translation>Respondent business</translation>
    </message>
    <message>
        <source>被投诉方名称</source>
        <translation>Respondent name</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>被投诉方地址</source>
        <translation>Respondent address</translation>
    </message>
    <message>
        <source>被投诉方电话</source>
        <translation>Respondent phone</translation>
    </message>
    <message>
        <source>商品或服务</source>
        <translation>Goods or service</translation>
    </message>
    <message>
        <source>大类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>小类</source>
        <translation>Subcategory</translation>
    </message>
    <message>
        <source>投诉性质</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>购买日期</source>
        <translation>Purchase date</translation>
    </message>
    <message>
        <source>购买地点</source>
        <translation>Place of purchase</translation>
    </message>
    <message>
        <source>购买方式</source>
        <translation>Bought via</translation>
    </message>
    <message>
        <source>实付金额</source>
        <translation>Amount paid</translation>
    </message>
    <message>
        <source>争议金额</source>
        <translation>Amount disputed</translation>
    </message>
    <message>
        <source>投诉事由</source>
        <translation>Facts</translation>
    </message>
    <message>
        <source>诉求</source>
        <translation>Demands</translation>
    </message>
    <message>
        <source>诉求说明</source>
        <translation>Demand details</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>办结日期</source>
        <translation>Date closed</translation>
    </message>
    <message>
        <source>挽回经济损失</source>
        <translation>Money recovered</translation>
    </message>
    <message>
        <source>加倍赔偿</source>
        <translation>Punitive compensation</translation>
    </message>
    <message>
        <source>欺诈</source>
        <translation>Fraud</translation>
    </message>
    <message>
        <source>12315编号</source>
        <translation>12315 no.</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>来访记录</source>
        <translation>Visit record</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>投诉人%1</source>
        <translation>Complainant %1</translation>
    </message>
    <message>
        <source>投诉人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>%1%2</source>
        <comment>complainant, then their field</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>、</source>
        <comment>between names in a list</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>原内容 → 新内容</source>
        <translation>Before → after</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>历史记录 %1</source>
        <translation>History of %1</translation>
    </message>
    <message>
        <source>投诉 %1 的全部登记和修改记录（共 %2 条），时间为北京时间。</source>
        <translation>Every registration and change of complaint %1 (%2 entries). Times are Beijing time.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>InstanceGuard</name>
    <message>
        <source>程序已在运行（数据目录：{data_dir}），请切换到已打开的窗口。</source>
        <translation>The program is already running (data folder: {data_dir}). Please switch to the open window.</translation>
    </message>
    <message>
        <source>消费维权服务站登记系统</source>
        <translation>Consumer Rights Station Register</translation>
    </message>
    <message>
        <source>知道了</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>投诉</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>来访咨询</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>宣传活动</source>
        <translation>Education events</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>服务站总览</source>
        <translation>Stations</translation>
    </message>
    <message>
        <source>冲突审核</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>名册</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>%1（Ctrl+%2）</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>登记(&amp;R)</source>
        <translation>&amp;Register</translation>
    </message>
    <message>
        <source>新建投诉…</source>
        <translation>New complaint…</translation>
    </message>
    <message>
        <source>新建来访…</source>
        <translation>New visit…</translation>
    </message>
    <message>
        <source>查找(&amp;S)</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>查找…</source>
        <translation>Find…</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>消费维权服务站登记系统
版本 {version}

数据目录：{data_dir}

用于农村消费维权服务站登记投诉、来访咨询，并向县消协报送。</source>
        <translation>Consumer Rights Station Register
Version {version}

Data folder: {data_dir}

For rural consumer-rights service stations: register complaints and visits/consultations and report them to the county consumer association.</translation>
    </message>
    <message>
        <source>消费维权服务站登记系统 — {name}</source>
        <translation>Consumer Rights Station Register — {name}</translation>
    </message>
    <message>
        <source>服务站：{code}  {name}</source>
        <translation>Station: {code}  {name}</translation>
    </message>
    <message>
        <source>未指定</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>当前联络员：{officer}</source>
        <translation>Liaison officer: {officer}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>保存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>无法保存文件 %1：%2</source>
        <translation>Cannot save the file %1: %2</translation>
    </message>
    <message>
        <source>打印预览 - %1</source>
        <translation>Print preview - %1</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>修改来访记录</source>
        <translation>Edit visit</translation>
    </message>
    <message>
        <source>填了电话，请也填写来访人姓名。</source>
        <translation>A phone number was entered; please enter the visitor&apos;s name too.</translation>
    </message>
    <message>
        <source>保存来访记录</source>
        <translation>Save visit</translation>
    </message>
    <message>
        <source>已保存第 %1 条。可以接着登记下一位来访人。</source>
        <translation>Saved (%1 so far). You can register the next visitor.</translation>
    </message>
    <message>
        <source>登记来访咨询</source>
        <translation>Register visit / consultation</translation>
    </message>
    <message>
        <source>来访时间 *</source>
        <translation>Time *</translation>
    </message>
    <message>
        <source>渠道 *</source>
        <translation>Channel *</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>来访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>姓名，可不填</source>
        <translation>Name, optional</translation>
    </message>
    <message>
        <source>电话，可不填</source>
        <translation>Phone, optional</translation>
    </message>
    <message>
        <source>人数 *</source>
        <translation>People *</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> person(s)</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>所在村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>咨询问题 *</source>
        <translation>Question *</translation>
    </message>
    <message>
        <source>来访人问了什么</source>
        <translation>What the visitor asked</translation>
    </message>
    <message>
        <source>答复</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>给出的答复或建议</source>
        <translation>The answer or advice given</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Officer in charge</translation>
    </message>
    <message>
        <source>按 Enter 保存（多行文字中按 Ctrl+Enter），按 Esc 取消。</source>
        <translation>Enter saves (Ctrl+Enter in multi-line text), Esc cancels.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存并继续</source>
        <translation>Save and next</translation>
    </message>
    <message>
        <source>保存后清空，接着登记下一位来访人</source>
        <translation>Save, then clear the form for the next visitor</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>来访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>所在村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Officer</translation>
    </message>
</context>
<context>
    <name>VisitsScreen</name>
    <message>
        <source>登记来访</source>
        <translation>New visit</translation>
    </message>
    <message>
        <source>快速登记一次来访或电话咨询</source>
        <translation>Quickly register a visit or phone consultation</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>转为投诉</source>
        <translation>Convert to complaint</translation>
    </message>
    <message>
        <source>把这次来访登记为一件投诉，已填内容自动带入</source>
        <translation>Register this visit as a complaint; what was entered is carried over</translation>
    </message>
    <message>
        <source>搜索：问题或答复中的任意几个字</source>
        <translation>Search: part of the question or answer</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>所在村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>共 %1 条</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <source>还没有来访咨询记录。
有人来问事或打电话咨询时，点“登记来访”记一笔。</source>
        <translation>No visits recorded yet.
When someone comes or phones with a question, click &quot;New visit&quot; to note it.</translation>
    </message>
    <message>
        <source>没有找到符合条件的来访记录。
可以少输几个字再搜索，或把月份改回“全部”。</source>
        <translation>No visits match.
Search with fewer letters, or set Month back to &quot;All&quot;.</translation>
    </message>
</context>
</TS>
