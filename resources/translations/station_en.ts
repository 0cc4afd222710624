<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AcceptDialog</name>
    <message>
        <source>受理后开始计算调解期限。受理告知书可在“打印”中打印。</source>
        <translation>Accepting starts the mediation time limit. Print the acceptance notice from “Print”.</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Date accepted</translation>
    </message>
</context>
<context>
    <name>AccessLogModel</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>服务站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>AccessLogScreen</name>
    <message>
        <source>访问日志</source>
        <translation>Access log</translation>
    </message>
    <message>
        <source>谁在何时登录、查看完整个人信息、打印文书、导出未遮蔽台账、数据包或本人信息。县消协能看到各服务站随数据包送来的记录。</source>
        <translation>Who signed in, saw personal information in full, printed papers, exported an unmasked ledger, a bundle or a person&apos;s own records, and when. The county sees the entries the stations&apos; bundles bring.</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>全部人员</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>全部服务站</source>
        <translation>All stations</translation>
    </message>
    <message>
        <source>共 %1 条。</source>
        <translation>%1 entries.</translation>
    </message>
    <message>
        <source>只显示最新的 %1 条，请缩小日期范围。</source>
        <translation>Only the latest %1 are shown; narrow the dates.</translation>
    </message>
    <message>
        <source>导出访问日志</source>
        <translation>Export the access log</translation>
    </message>
</context>
<context>
    <name>AccountsGroup</name>
    <message>
        <source>账户与锁定</source>
        <translation>Accounts and lock</translation>
    </message>
    <message>
        <source>添加账户…</source>
        <translation>Add account…</translation>
    </message>
    <message>
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>无人操作这么久后窗口自动锁定；随时可按 Ctrl+L 锁定。解锁需要密码。</source>
        <translation>The window locks itself after this long without use; press Ctrl+L to lock it at any time. Unlocking needs the password.</translation>
    </message>
    <message>
        <source>自动锁定：</source>
        <translation>Lock after:</translation>
    </message>
    <message>
        <source>保存自动锁定时间</source>
        <translation>Save the lock time</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>被代表人</source>
        <translation>Represented complainants</translation>
    </message>
    <message>
        <source>均已同意。</source>
        <translation>All have consented.</translation>
    </message>
    <message>
        <source>这是群体性投诉：代表人%1须经被代表的投诉人同意（《市场监督管理投诉举报处理办法》第十一条）。请勾选已同意的人。</source>
        <translation>This is a group complaint: the represented complainants must consent to the representatives&apos; %1 (Article 11 of the SAMR Measures for Handling Complaints and Reports). Tick those who consented.</translation>
    </message>
    <message>
        <source>同意的投诉人</source>
        <translation>Who consented</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>同意方式</source>
        <translation>Consent given</translation>
    </message>
    <message>
        <source>同意时间</source>
        <translation>Consent time</translation>
    </message>
    <message>
        <source>请问投诉人：是否同意把姓名、电话等个人信息提供给被投诉方（调解需要，须经本人单独同意）？请勾选已同意的人。</source>
        <translation>Ask the complainants: do they agree that their name, phone and other personal details go to the respondent (mediation needs it; each must agree separately)? Tick those who agreed.</translation>
    </message>
    <message>
        <source>同意的内容</source>
        <translation>What was agreed</translation>
    </message>
    <message>
        <source>例如：同意按协议退款了结</source>
        <translation>e.g. agree to settle with the refund agreed</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>%1（尾号%2）</source>
        <translation>%1 (phone ending %2)</translation>
    </message>
    <message>
        <source>%1 - 投诉 %2</source>
        <translation>%1 - complaint %2</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <source>添加账户</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>登录时选用，例如 li</source>
        <translation>Chosen at sign-in, e.g. li</translation>
    </message>
    <message>
        <source>可从名册的联络员中选，也可直接输入姓名。</source>
        <translation>Choose from the roster&apos;s officers, or type a name.</translation>
    </message>
    <message>
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>登录名：</source>
        <translation>Login:</translation>
    </message>
    <message>
        <source>角色：</source>
        <translation>Role:</translation>
    </message>
</context>
<context>
    <name>AddOfficerDialog</name>
    <message>
        <source>添加联络员</source>
        <translation>Add officer</translation>
    </message>
    <message>
        <source>名册中没有的联络员可在这里添加；县消协下发的名册中的联络员会自动列出。</source>
        <translation>Add officers who are not on the roster here; officers on the county&apos;s roster are listed automatically.</translation>
    </message>
    <message>
        <source>手机或固定电话，可不填</source>
        <translation>Mobile or landline, optional</translation>
    </message>
    <message>
        <source>例如 站长，可不填</source>
        <translation>e.g. Head of station, optional</translation>
    </message>
    <message>
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>电话：</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>职务：</source>
        <translation>Duty:</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>签订调解协议书后，投诉状态改为“协议待履行”。协议书一式三份，可在“打印”中打印。</source>
        <translation>Once the agreement is signed the complaint is “Agreement pending”. Print the agreement (three copies) from “Print”.</translation>
    </message>
    <message>
        <source>协议内容</source>
        <translation>Terms</translation>
    </message>
    <message>
        <source>例如：被投诉方于 12 月 1 日前退还货款 360 元</source>
        <translation>e.g. the business refunds 360 yuan by 1 December</translation>
    </message>
    <message>
        <source>协议金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>例如 360.00</source>
        <translation>e.g. 360.00</translation>
    </message>
    <message>
        <source>履行方式</source>
        <translation>How it is carried out</translation>
    </message>
    <message>
        <source>例如：现金退款、微信转账、更换商品</source>
        <translation>e.g. cash refund, WeChat transfer, replacement</translation>
    </message>
    <message>
        <source>签订日期</source>
        <translation>Date signed</translation>
    </message>
    <message>
        <source>履行期限</source>
        <translation>Carry out by</translation>
    </message>
    <message>
        <source>约定了履行期限</source>
        <translation>A date was agreed</translation>
    </message>
    <message>
        <source>同意调解协议内容</source>
        <translation>Agree to the terms of the mediation agreement</translation>
    </message>
</context>
<context>
    <name>AnalysisReportDialog</name>
    <message>
        <source>投诉分析报告</source>
        <translation>Complaint analysis report</translation>
    </message>
    <message>
        <source>季度报告</source>
        <translation>Quarterly report</translation>
    </message>
    <message>
        <source>年度报告</source>
        <translation>Annual report</translation>
    </message>
    <message>
        <source>第一季度</source>
        <translation>1st quarter</translation>
    </message>
    <message>
        <source>第二季度</source>
        <translation>2nd quarter</translation>
    </message>
    <message>
        <source>第三季度</source>
        <translation>3rd quarter</translation>
    </message>
    <message>
        <source>第四季度</source>
        <translation>4th quarter</translation>
    </message>
    <message>
        <source>全县报告（附各服务站情况）</source>
        <translation>County report (with a table by station)</translation>
    </message>
    <message>
        <source>本期工作的简要说明：突出问题、采取的措施、下一步工作。写入报告第七部分。</source>
        <translation>A short account of the period&apos;s work: main problems, measures taken, next steps. Printed as part 7 of the report.</translation>
    </message>
    <message>
        <source>勾选的投诉作为典型案例写入报告，只写消费者的姓氏（如“张某”），不写电话和住址。</source>
        <translation>Ticked complaints are told as typical cases, naming the consumer only by surname (e.g. &quot;Mr Zhang&quot;), never with phone or address.</translation>
    </message>
    <message>
        <source>报告期</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>工作说明</source>
        <translation>Account of work</translation>
    </message>
    <message>
        <source>典型案例</source>
        <translation>Typical cases</translation>
    </message>
    <message>
        <source>预览…</source>
        <translation>Preview…</translation>
    </message>
    <message>
        <source>保存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>本期没有办结的投诉。</source>
        <translation>No complaint was closed in this period.</translation>
    </message>
    <message>
        <source>放弃说明？</source>
        <translation>Discard the text?</translation>
    </message>
    <message>
        <source>工作说明或典型案例的改动还没有随报告保存。放弃这些改动吗？</source>
        <translation>The changes to the account of work or the typical cases have not been saved with a report. Discard them?</translation>
    </message>
    <message>
        <source>正在生成报告…</source>
        <translation>Writing the report…</translation>
    </message>
    <message>
        <source>已保存 %1，数据表 %2</source>
        <translation>Saved %1, figures in %2</translation>
    </message>
    <message>
        <source>出现意外错误，已记入日志。</source>
        <translation>An unexpected error occurred; it was written to the log.</translation>
    </message>
    <message>
        <source>无法生成报告</source>
        <translation>Cannot write the report</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>今天的自动备份没有完成：{reason}</source>
        <translation>Today&apos;s automatic backup did not complete: {reason}</translation>
    </message>
    <message>
        <source>无法使用数据目录 {path}：{reason}</source>
        <translation>Cannot use the data folder {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>CarriedOutDialog</name>
    <message>
        <source>调解协议</source>
        <translation>Mediation agreement</translation>
    </message>
    <message>
        <source>已履行</source>
        <translation>Carried out</translation>
    </message>
    <message>
        <source>未履行</source>
        <translation>Not carried out</translation>
    </message>
    <message>
        <source>履行情况</source>
        <translation>Carried out?</translation>
    </message>
    <message>
        <source>履行日期</source>
        <translation>Date carried out</translation>
    </message>
    <message>
        <source>协议履行后，请再按“办结”结束办理。</source>
        <translation>After the agreement is carried out, press “Close” to finish the case.</translation>
    </message>
    <message>
        <source>这条投诉还没有调解协议。</source>
        <translation>This complaint has no mediation agreement yet.</translation>
    </message>
    <message>
        <source>请选择调解协议。</source>
        <translation>Choose the agreement.</translation>
    </message>
</context>
<context>
    <name>ChooseFilePage</name>
    <message>
        <source>第 1 步：选择名册文件</source>
        <translation>Step 1: choose the roster file</translation>
    </message>
    <message>
        <source>选择县消协发来的名册：Excel 或 WPS 工作簿（.xlsx、.xls、.et、.ods）、CSV 文件，或放着几个 CSV 文件的文件夹。读取时不会改动本机数据。</source>
        <translation>Choose the roster the county association sent: an Excel or WPS workbook (.xlsx, .xls, .et, .ods), a CSV file, or a folder holding several CSV files. Reading it changes nothing on this computer.</translation>
    </message>
    <message>
        <source>名册文件或文件夹的位置</source>
        <translation>Location of the roster file or folder</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>名册文件：</source>
        <translation>Roster file:</translation>
    </message>
    <message>
        <source>提示：名册中有的部分以名册为准，没有的部分保持不变；名册中不再列出的服务站、联络员、村（社区）和经营者会被停用，不会删除。</source>
        <translation>Note: the parts the roster contains replace those on this computer, the parts it leaves out stay as they are; stations, officers, villages and businesses the roster no longer lists are deactivated, never deleted.</translation>
    </message>
    <message>
        <source>找不到“%1”，请重新选择。</source>
        <translation>Cannot find &quot;%1&quot;; please choose again.</translation>
    </message>
    <message>
        <source>正在读取“%1”…</source>
        <translation>Reading &quot;%1&quot;…</translation>
    </message>
    <message>
        <source>读取名册</source>
        <translation>Read roster</translation>
    </message>
    <message>
        <source>正在读取名册“%1”…</source>
        <translation>Reading the roster &quot;%1&quot;…</translation>
    </message>
    <message>
        <source>已取消读取，本机数据没有任何改动。</source>
        <translation>Reading was cancelled; nothing on this computer was changed.</translation>
    </message>
    <message>
        <source>无法打开这个文件：%1</source>
        <translation>Cannot open this file: %1</translation>
    </message>
    <message>
        <source>读取名册时程序出错。</source>
        <translation>The program failed while reading the roster.</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>撤回、不予受理、终止调解请用各自的按钮。</source>
        <translation>Withdrawal, non-acceptance and ending mediation have their own buttons.</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <source>挽回经济损失（元）</source>
        <translation>Money recovered (yuan)</translation>
    </message>
    <message>
        <source>没有填 0</source>
        <translation>0 if none</translation>
    </message>
    <message>
        <source>加倍赔偿（元）</source>
        <translation>Punitive compensation (yuan)</translation>
    </message>
    <message>
        <source>经营者有欺诈行为</source>
        <translation>The business committed fraud</translation>
    </message>
    <message>
        <source>12315 编号</source>
        <translation>12315 number</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>办结日期</source>
        <translation>Date closed</translation>
    </message>
</context>
<context>
    <name>ComplaintDetail</name>
    <message>
        <source>投诉登记表</source>
        <translation>Complaint registration form</translation>
    </message>
    <message>
        <source>受理告知书</source>
        <translation>Acceptance notice</translation>
    </message>
    <message>
        <source>不予受理告知书</source>
        <translation>Notice of non-acceptance</translation>
    </message>
    <message>
        <source>投诉调解通知书</source>
        <translation>Mediation notice</translation>
    </message>
    <message>
        <source>调解协议书</source>
        <translation>Mediation agreement</translation>
    </message>
    <message>
        <source>终止调解告知书</source>
        <translation>Notice of ending mediation</translation>
    </message>
    <message>
        <source>回访记录表</source>
        <translation>Follow-up record</translation>
    </message>
    <message>
        <source>调解记录</source>
        <translation>Mediation rounds</translation>
    </message>
    <message>
        <source>调解协议</source>
        <translation>Mediation agreement</translation>
    </message>
    <message>
        <source>转办</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>检测鉴定</source>
        <translation>Testing/appraisal</translation>
    </message>
    <message>
        <source>个人信息同意</source>
        <translation>Consent to share personal data</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Date accepted</translation>
    </message>
    <message>
        <source>不予受理情形</source>
        <translation>Ground for non-acceptance</translation>
    </message>
    <message>
        <source>调解期限起算日</source>
        <translation>Mediation counted from</translation>
    </message>
    <message>
        <source>终止调解日期</source>
        <translation>Date mediation ended</translation>
    </message>
    <message>
        <source>终止调解情形</source>
        <translation>Ground for ending mediation</translation>
    </message>
    <message>
        <source>终止告知日期</source>
        <translation>Date parties notified</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>履行情况</source>
        <translation>Carried out?</translation>
    </message>
    <message>
        <source>履行日期</source>
        <translation>Date carried out</translation>
    </message>
    <message>
        <source>答复日期</source>
        <translation>Reply date</translation>
    </message>
    <message>
        <source>答复内容</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>对方案件编号</source>
        <translation>Their case number</translation>
    </message>
    <message>
        <source>罚没款</source>
        <translation>Fine</translation>
    </message>
    <message>
        <source>撤回同意时间</source>
        <translation>Consent withdrawn at</translation>
    </message>
    <message>
        <source>同意向被投诉方提供个人信息</source>
        <translation>Agreed that personal information may go to the business</translation>
    </message>
    <message>
        <source>不同意向被投诉方提供个人信息</source>
        <translation>Did not agree that personal information may go to the business</translation>
    </message>
    <message>
        <source>同意向%1提供个人信息</source>
        <translation>Agreed that personal information may go to %1</translation>
    </message>
    <message>
        <source>不同意向%1提供个人信息</source>
        <translation>Did not agree that personal information may go to %1</translation>
    </message>
    <message>
        <source>转办至%1</source>
        <translation>Referred to %1</translation>
    </message>
    <message>
        <source>%1，调解期限暂停</source>
        <translation>%1; the mediation time limit is paused</translation>
    </message>
    <message>
        <source>打印%1</source>
        <translation>Printed %1</translation>
    </message>
    <message>
        <source>保存为 PDF：%1</source>
        <translation>Saved %1 as PDF</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <source>未知</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>no</translation>
    </message>
    <message>
        <source>办理：</source>
        <translation>Actions:</translation>
    </message>
    <message>
        <source>登记：</source>
        <translation>Record:</translation>
    </message>
    <message>
        <source>登记同意</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <source>投诉人同意把个人信息提供给被投诉方或转办单位（调解、转办前须登记）</source>
        <translation>The complainant agrees that their details go to the business or a referral body (needed before mediation or referral)</translation>
    </message>
    <message>
        <source>被代表人同意</source>
        <translation>Group consent</translation>
    </message>
    <message>
        <source>群体性投诉：被代表的投诉人同意变更、撤回投诉或达成调解协议</source>
        <translation>Group complaint: the represented complainants&apos; consent to changing the request, withdrawing the complaint or a mediation agreement</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>编辑登记信息</source>
        <translation>Edit registration</translation>
    </message>
    <message>
        <source>提供给</source>
        <translation>Shared with</translation>
    </message>
    <message>
        <source>投诉人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>答复</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>个人信息提供同意</source>
        <translation>Consent to share personal data</translation>
    </message>
    <message>
        <source>调解时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>调解人员</source>
        <translation>Mediators</translation>
    </message>
    <message>
        <source>到场人员</source>
        <translation>Who attended</translation>
    </message>
    <message>
        <source>各方意见</source>
        <translation>Positions</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>下次调解</source>
        <translation>Next round</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>协议编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>签订日期</source>
        <translation>Date signed</translation>
    </message>
    <message>
        <source>协议内容</source>
        <translation>Terms</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>履行期限</source>
        <translation>Carry out by</translation>
    </message>
    <message>
        <source>检测鉴定（期间调解期限暂停）</source>
        <translation>Testing/appraisal (mediation limit paused meanwhile)</translation>
    </message>
    <message>
        <source>转办日期</source>
        <translation>Date referred</translation>
    </message>
    <message>
        <source>去向</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <source>接收单位</source>
        <translation>Receiving body</translation>
    </message>
    <message>
        <source>交对方办理</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <source>附个人信息</source>
        <translation>With personal data</translation>
    </message>
    <message>
        <source>对方编号</source>
        <translation>Their number</translation>
    </message>
    <message>
        <source>登记转办答复</source>
        <translation>Record reply</translation>
    </message>
    <message>
        <source>回访日期</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>协议或承诺已履行</source>
        <translation>Carried out</translation>
    </message>
    <message>
        <source>回访情况</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>添加时间</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>添加附件…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <source>收据、照片、扫描件等证据</source>
        <translation>Receipts, photos, scans and other evidence</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>另存为…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>办理</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>状态变化</source>
        <translation>Status change</translation>
    </message>
    <message>
        <source>依据或结果</source>
        <translation>Ground or outcome</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>办理经过</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>全部登记和修改记录（北京时间）</source>
        <translation>Every record and change (Beijing time)</translation>
    </message>
    <message>
        <source>这条投诉已被删除。</source>
        <translation>This complaint has been deleted.</translation>
    </message>
    <message>
        <source>投诉 %1</source>
        <translation>Complaint %1</translation>
    </message>
    <message>
        <source>%1暂停：检测鉴定中，自 %2 起暂停计算，尚余 %3 天</source>
        <translation>%1 paused: testing/appraisal since %2, %3 day(s) left</translation>
    </message>
    <message>
        <source>%1：%2 前（%3）</source>
        <translation>%1: by %2 (%3)</translation>
    </message>
    <message>
        <source>登记编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>收到时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>投诉渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>被投诉方</source>
        <translation>Business complained about</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>被投诉方地址</source>
        <translation>Business address</translation>
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
        <source>（另有：%1）</source>
        <translation> (also: %1)</translation>
    </message>
    <message>
        <source>购买日期</source>
        <translation>Purchase date</translation>
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
        <translation>12315 number</translation>
    </message>
    <message>
        <source>全部投诉人</source>
        <translation>All complainants</translation>
    </message>
    <message>
        <source>代表人</source>
        <translation>Representatives</translation>
    </message>
    <message>
        <source>身份证号码</source>
        <translation>ID number</translation>
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
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>同意</source>
        <translation>Agrees</translation>
    </message>
    <message>
        <source>不同意</source>
        <translation>Refuses</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>Under way</translation>
    </message>
    <message>
        <source>未答复</source>
        <translation>No reply yet</translation>
    </message>
    <message>
        <source>登记信息</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>调解</source>
        <translation>Mediation</translation>
    </message>
    <message>
        <source>历史</source>
        <translation>History</translation>
    </message>
    <message>
        <source>县消协备注</source>
        <translation>County remarks</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>待履行</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>已履行 %1</source>
        <translation>Carried out %1</translation>
    </message>
    <message>
        <source>未履行</source>
        <translation>Not carried out</translation>
    </message>
    <message>
        <source>无法办理</source>
        <translation>Cannot do this</translation>
    </message>
    <message>
        <source>本机没有可以打开“%1”的程序。</source>
        <translation>No program on this computer can open &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <source>添加附件</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <source>投诉人：%1</source>
        <translation>Complainant: %1</translation>
    </message>
    <message>
        <source>被投诉方：%1</source>
        <translation>Business: %1</translation>
    </message>
    <message>
        <source>收到：%1</source>
        <translation>Received: %1</translation>
    </message>
    <message>
        <source>（估算：该年节假日安排尚未公布，按周一至周五计算）</source>
        <translation> (estimated: that year&apos;s holidays are not published yet, Monday to Friday counted)</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>另存附件</source>
        <translation>Save attachment</translation>
    </message>
    <message>
        <source>无法打印</source>
        <translation>Cannot print</translation>
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
        <source>代表人最多 %1 名（%2）；有代表人时，由代表人同意提供个人信息。可从表格软件复制多行后粘贴。</source>
        <translation>At most %1 representatives (%2); when there are representatives, they give the consent. Rows copied from a spreadsheet can be pasted.</translation>
    </message>
    <message>
        <source>已登记 %1，不改就留空</source>
        <translation>On file: %1; leave empty to keep it</translation>
    </message>
    <message>
        <source>保存投诉</source>
        <translation>Save complaint</translation>
    </message>
    <message>
        <source>请注意，这起纠纷可能已经登记或受理：</source>
        <translation>Note: this dispute may already be registered or accepted:</translation>
    </message>
    <message>
        <source>核实后仍要登记，请再按“仍然保存”。</source>
        <translation>If you have checked and still want to register it, press “Save anyway”.</translation>
    </message>
    <message>
        <source>仍然保存</source>
        <translation>Save anyway</translation>
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
        <source>个人信息</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <source>调解时要把投诉人的姓名、电话告诉被投诉方，须经本人单独同意（个人信息保护法）。</source>
        <translation>Mediation tells the respondent the complainant&apos;s name and phone, which needs the complainant&apos;s own consent (personal information protection law).</translation>
    </message>
    <message>
        <source>同意提供给被投诉方</source>
        <translation>Agrees to tell the respondent</translation>
    </message>
    <message>
        <source>群体性投诉</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>是，人数</source>
        <translation>Yes, number of people</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <source>本人是代表人</source>
        <translation>Is a representative</translation>
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
        <translation>e.g. electric tricycle, fertiliser, broadband</translation>
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
        <translation>e.g. shop, online, door-to-door sales</translation>
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
        <translation>The disputed part, optional</translation>
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
        <source>统计时每件投诉只计一种性质：这里选的主要性质</source>
        <translation>Statistics count each complaint under one nature only: the primary nature chosen here</translation>
    </message>
    <message>
        <source>主要性质</source>
        <translation>Primary nature</translation>
    </message>
    <message>
        <source>统计只计主要性质。不选时：只勾一项即为主要性质，勾多项计入“其他”。</source>
        <translation>Only the primary nature is counted. None chosen: a single ticked nature is primary; several count as “Other”.</translation>
    </message>
    <message>
        <source>其他性质（可多选，只作记录，不重复统计）：</source>
        <translation>Other natures (any number; recorded only, not counted again):</translation>
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
        <source>其他投诉人（群体性投诉的每一位）</source>
        <translation>Other complainants (everyone in a group complaint)</translation>
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
    <message>
        <source>匹配内容</source>
        <translation>Matched text</translation>
    </message>
    <message>
        <source>已超期 %1 个工作日</source>
        <translation>overdue by %1 working day(s)</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>due today</translation>
    </message>
    <message>
        <source>还剩 %1 个工作日</source>
        <translation>%1 working day(s) left</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>，估算</source>
        <translation>, estimated</translation>
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
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>查看和办理选中的投诉（双击或按回车也可以）</source>
        <translation>See and handle the selected complaint (or double-click, or press Enter)</translation>
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
        <source>导出12315移交表…</source>
        <translation>Export for 12315…</translation>
    </message>
    <message>
        <source>把选中的投诉按12315平台的填写项写成 Excel 表，供录入12315平台。
只写入投诉人都同意向12315提供个人信息的投诉。
按住 Ctrl 或 Shift 点击，可以选中多件投诉。</source>
        <translation>Writes the selected complaints into an Excel sheet in the fields of the 12315 platform, for entering them there.
Only complaints whose complainants all agreed to their details going to 12315 are written.
Hold Ctrl or Shift while clicking to select several complaints.</translation>
    </message>
    <message>
        <source>搜索：姓名、电话、商家、商品、事由中的任意几个字</source>
        <translation>Search: part of a name, phone, business, goods or the facts</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>3个工作日内到期</source>
        <translation>Due within 3 working days</translation>
    </message>
    <message>
        <source>只看已超过办理期限或即将到期的投诉</source>
        <translation>Only complaints past or near a time limit</translation>
    </message>
    <message>
        <source>清空筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>导出12315移交表</source>
        <translation>Export for 12315</translation>
    </message>
    <message>
        <source>12315移交表_%1.xlsx</source>
        <translation>12315_handoff_%1.xlsx</translation>
    </message>
    <message>
        <source>正在导出12315移交表…</source>
        <translation>Exporting for 12315…</translation>
    </message>
    <message>
        <source>已把 %1 件投诉写入12315移交表：
%2</source>
        <translation>%1 complaint(s) written to the 12315 hand-off sheet:
%2</translation>
    </message>
    <message>
        <source>没有一件投诉可以写入，没有生成文件。</source>
        <translation>None of the complaints could be written; no file was made.</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>以下 %1 件投诉没有写入：</source>
        <translation>These %1 complaint(s) were left out:</translation>
    </message>
    <message>
        <source>……另有 %1 件，见“详细信息”。</source>
        <translation>…and %1 more; see &quot;Show Details&quot;.</translation>
    </message>
    <message>
        <source>无法写入文件 %1：%2
如果这个文件正在 Excel 或 WPS 中打开，请先关闭。</source>
        <translation>Cannot write the file %1: %2
If the file is open in Excel or WPS, close it first.</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>知道了</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>大类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>到期提醒</source>
        <translation>Deadlines</translation>
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
Try a shorter search, or click &quot;Clear filters&quot; to see all complaints.</translation>
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
        <source>确定删除投诉 %1 吗？删除后列表中不再显示，登记编号也不会再用。</source>
        <translation>Delete complaint %1? It will no longer be listed and its registration no. will not be reused.</translation>
    </message>
    <message>
        <source>不删除</source>
        <translation>Keep</translation>
    </message>
</context>
<context>
    <name>ConflictTableModel</name>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>服务站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>数据包</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <source>发现时间</source>
        <translation>Found at</translation>
    </message>
    <message>
        <source>处理</source>
        <translation>Decision</translation>
    </message>
</context>
<context>
    <name>ConflictsScreen</name>
    <message>
        <source>服务站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>联络员</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>经营者</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>修改记录</source>
        <translation>Change log</translation>
    </message>
    <message>
        <source>来访咨询</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>宣传活动</source>
        <translation>Education event</translation>
    </message>
    <message>
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>投诉人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>办理环节</source>
        <translation>Workflow step</translation>
    </message>
    <message>
        <source>调解记录</source>
        <translation>Mediation rounds</translation>
    </message>
    <message>
        <source>调解协议</source>
        <translation>Mediation agreement</translation>
    </message>
    <message>
        <source>转办</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>调解中止</source>
        <translation>Mediation pause</translation>
    </message>
    <message>
        <source>信息使用同意</source>
        <translation>Consent to use of information</translation>
    </message>
    <message>
        <source>记录标识</source>
        <translation>Record ID</translation>
    </message>
    <message>
        <source>所属服务站</source>
        <translation>Owning station</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>修改时间（UTC）</source>
        <translation>Modified (UTC)</translation>
    </message>
    <message>
        <source>已删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>Registered at</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>被投诉方</source>
        <translation>Business complained about</translation>
    </message>
    <message>
        <source>商品/服务</source>
        <translation>Goods/service</translation>
    </message>
    <message>
        <source>事实与理由</source>
        <translation>Facts and reasons</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>挽回损失（分）</source>
        <translation>Recovered (fen)</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>来访时间</source>
        <translation>Visit time</translation>
    </message>
    <message>
        <source>咨询问题</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>答复</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>保留了本地</source>
        <translation>Kept the local version</translation>
    </message>
    <message>
        <source>采用了数据包</source>
        <translation>Took the bundle&apos;s version</translation>
    </message>
    <message>
        <source>待审核</source>
        <translation>To review</translation>
    </message>
    <message>
        <source>（本地没有这条记录）</source>
        <translation>(no such record here)</translation>
    </message>
    <message>
        <source>显示已处理的</source>
        <translation>Show resolved</translation>
    </message>
    <message>
        <source>没有待审核的冲突。</source>
        <translation>No conflicts to review.</translation>
    </message>
    <message>
        <source>只显示不同的字段</source>
        <translation>Only fields that differ</translation>
    </message>
    <message>
        <source>保留本地</source>
        <translation>Keep local</translation>
    </message>
    <message>
        <source>保留县消协库中的版本，不采用数据包中的版本</source>
        <translation>Keep the county&apos;s version and discard the bundle&apos;s</translation>
    </message>
    <message>
        <source>采用数据包</source>
        <translation>Take bundle</translation>
    </message>
    <message>
        <source>用服务站数据包中的版本替换本地版本</source>
        <translation>Replace the local version with the one from the station&apos;s bundle</translation>
    </message>
    <message>
        <source>冲突审核</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>待审核 %1 条</source>
        <translation>To review: %1</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>选择上面的一条冲突，查看两个版本的差别。</source>
        <translation>Select a conflict above to compare the two versions.</translation>
    </message>
    <message>
        <source>%1：%2。%3 个字段不同（标色）。</source>
        <translation>%1: %2. Fields that differ (highlighted): %3.</translation>
    </message>
    <message>
        <source>保留本地版本，不采用服务站数据包中的“%1”吗？</source>
        <translation>Keep the local version of &quot;%1&quot; and discard the one in the station&apos;s bundle?</translation>
    </message>
    <message>
        <source>用服务站数据包中的版本替换本地的“%1”吗？</source>
        <translation>Replace the local &quot;%1&quot; with the version in the station&apos;s bundle?</translation>
    </message>
    <message>
        <source>处理冲突</source>
        <translation>Resolve conflict</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>无法处理冲突</source>
        <translation>Cannot resolve the conflict</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>登记同意 - 投诉 %1</source>
        <translation>Record consent - complaint %1</translation>
    </message>
    <message>
        <source> 等 %1 人</source>
        <translation> and others (%1 in all)</translation>
    </message>
    <message>
        <source>依照个人信息保护法，把投诉人的姓名、电话等告诉被投诉方或转给其他单位，须经投诉人单独同意。由谁同意：%1</source>
        <translation>Under the Personal Information Protection Law, the complainant must agree separately before their name, phone and other details go to the business or another body. Who agrees: %1</translation>
    </message>
    <message>
        <source>同意提供给</source>
        <translation>Share with</translation>
    </message>
    <message>
        <source>同意</source>
        <translation>Agrees</translation>
    </message>
    <message>
        <source>不同意</source>
        <translation>Refuses</translation>
    </message>
    <message>
        <source>投诉人的答复</source>
        <translation>Complainant&apos;s answer</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>无法完成</source>
        <translation>Could not finish</translation>
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
        <source>双击打开投诉</source>
        <translation>Double-click to open the complaint</translation>
    </message>
    <message>
        <source>没有超期或3个工作日内到期的投诉。</source>
        <translation>No complaint is overdue or due within 3 working days.</translation>
    </message>
    <message>
        <source>到期提醒</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <source>到期提醒（已超期 %1 件，3个工作日内到期 %2 件）</source>
        <translation>Deadlines (%1 overdue, %2 due within 3 working days)</translation>
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
    <name>DateField</name>
    <message>
        <source>请填写日期，例如 2026-11-20</source>
        <translation>Enter a date, e.g. 2026-11-20</translation>
    </message>
    <message>
        <source>日期不能晚于 {date}</source>
        <translation>The date cannot be later than {date}</translation>
    </message>
    <message>
        <source>日期不能早于 {date}</source>
        <translation>The date cannot be earlier than {date}</translation>
    </message>
</context>
<context>
    <name>DateTimeField</name>
    <message>
        <source>请填写日期和时间，例如 2026-11-20 09:30</source>
        <translation>Enter a date and time, e.g. 2026-11-20 09:30</translation>
    </message>
</context>
<context>
    <name>DiffModel</name>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>本地</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>数据包</source>
        <translation>Bundle</translation>
    </message>
</context>
<context>
    <name>DiffTableModel</name>
    <message>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>变更</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <source>名册中已没有，将停用（不删除）</source>
        <translation>No longer in the roster: will be deactivated (not deleted)</translation>
    </message>
</context>
<context>
    <name>DueItemsModel</name>
    <message>
        <source>登记编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>%1（%2 件，其中已超期 %3 件）</source>
        <translation>%1 (%2, %3 overdue)</translation>
    </message>
</context>
<context>
    <name>EncryptDatabaseDialog</name>
    <message>
        <source>设置站长账户</source>
        <translation>Set up the station head&apos;s account</translation>
    </message>
    <message>
        <source>从这一版起，登记的个人信息加密保存，每位联络员用自己的账户和密码登录。请先设置站长账户；随后本机数据库会被加密（先做一份核对无误的加密副本，再抹掉原来的明文文件），数据不会丢失。</source>
        <translation>From this version on, the personal data registered here are stored encrypted and every officer signs in with an account and password. Set up the station head&apos;s account first; the database is then encrypted (a verified encrypted copy is made first, then the plain file is erased), and nothing is lost.</translation>
    </message>
    <message>
        <source>加密并开始</source>
        <translation>Encrypt and start</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>EndMediationDialog</name>
    <message>
        <source>按《%1》选择终止调解的情形；终止后须在规定期限内告知双方。</source>
        <translation>Choose the ground under “%1”; both parties must be told within the time limit.</translation>
    </message>
    <message>
        <source>终止情形</source>
        <translation>Ground</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>终止日期</source>
        <translation>Date ended</translation>
    </message>
</context>
<context>
    <name>EndPauseDialog</name>
    <message>
        <source>检测、鉴定结束后，调解期限从次日起继续计算。</source>
        <translation>The mediation limit runs again from the day after testing or appraisal ends.</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>检测鉴定结论</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
</context>
<context>
    <name>ErrorTableModel</name>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>（不能跳过）%1</source>
        <translation>(cannot be skipped) %1</translation>
    </message>
</context>
<context>
    <name>EventForm</name>
    <message>
        <source>修改宣传活动</source>
        <translation>Edit education event</translation>
    </message>
    <message>
        <source>检测件数</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>其中不合格</source>
        <translation>of which failed</translation>
    </message>
    <message>
        <source>发布渠道</source>
        <translation>Publishing channel</translation>
    </message>
    <message>
        <source>覆盖人数</source>
        <translation>People reached</translation>
    </message>
    <message>
        <source>免费检测计量器具</source>
        <translation>Instruments checked free</translation>
    </message>
    <message>
        <source>保存宣传活动</source>
        <translation>Save education event</translation>
    </message>
    <message>
        <source>登记宣传活动</source>
        <translation>Register education event</translation>
    </message>
    <message>
        <source>活动日期 *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <source>活动类型 *</source>
        <translation>Event type *</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <source>活动主题 *</source>
        <translation>Topic *</translation>
    </message>
    <message>
        <source>例如：识别假冒化肥、种子</source>
        <translation>e.g. how to spot fake fertiliser and seed</translation>
    </message>
    <message>
        <source>所在村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>参加人数</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <source>发放资料</source>
        <translation>Leaflets</translation>
    </message>
    <message>
        <source> 份</source>
        <translation> copies</translation>
    </message>
    <message>
        <source>现场咨询</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <source> 人次</source>
        <translation> person-times</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>按 Enter 保存（备注中按 Ctrl+Enter），按 Esc 取消。</source>
        <translation>Press Enter to save (Ctrl+Enter in the notes), Esc to cancel.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>所在村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>参加人数</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <source>发放资料</source>
        <translation>Leaflets</translation>
    </message>
    <message>
        <source>现场咨询</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Officer</translation>
    </message>
</context>
<context>
    <name>EventsScreen</name>
    <message>
        <source>新建活动</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>登记一场宣传活动：集市咨询、进村讲座、3·15宣传等</source>
        <translation>Register an education event: market-day stall, village talk, 15 March campaign and the like</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>活动类型</source>
        <translation>Event type</translation>
    </message>
    <message>
        <source>共 %1 场</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <source>还没有宣传活动记录。
办了集市咨询、进村讲座等活动后，点“新建活动”记一笔。</source>
        <translation>No education events yet.
After a market-day stall, a village talk or another event, click &quot;New event&quot; to record it.</translation>
    </message>
    <message>
        <source>没有找到符合条件的宣传活动。
可以把月份、类型或村改回“全部”。</source>
        <translation>No education events match.
Try setting month, type or village back to &quot;All&quot;.</translation>
    </message>
    <message>
        <source>删除宣传活动</source>
        <translation>Delete education event</translation>
    </message>
    <message>
        <source>为什么要删除 %1 的“%2”？（例如：重复登记）</source>
        <translation>Why delete &quot;%2&quot; held on %1? (e.g. registered twice)</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>首次设置</source>
        <translation>First-time setup</translation>
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
        <source>欢迎使用消费维权服务站登记系统。请先选择这台电脑的用途，再填写编码和名称；编码由县消协统一分配，设置后不能更改。</source>
        <translation>Welcome to the consumer-rights station registry. First choose what this computer is for, then enter its code and name; the county association assigns the codes, and a code cannot be changed once set.</translation>
    </message>
    <message>
        <source>服务站</source>
        <translation>Service station</translation>
    </message>
    <message>
        <source>县消协</source>
        <translation>County association</translation>
    </message>
    <message>
        <source>用途：</source>
        <translation>Used as:</translation>
    </message>
    <message>
        <source>站长账户</source>
        <translation>Station head&apos;s account</translation>
    </message>
    <message>
        <source>本机数据加密保存，凭账户密码打开。站长可为每位联络员添加账户；忘记密码可由站长或县消协重置。</source>
        <translation>The data on this computer are stored encrypted and opened with an account&apos;s password. The station head adds an account for each officer; a forgotten password is reset by the station head or the county.</translation>
    </message>
    <message>
        <source>汇总各服务站的数据包，审核冲突，看全县统计。</source>
        <translation>Merges the stations&apos; bundles, reviews conflicts, shows the county&apos;s statistics.</translation>
    </message>
    <message>
        <source>县消协编码：</source>
        <translation>Association code:</translation>
    </message>
    <message>
        <source>县消协名称：</source>
        <translation>Association name:</translation>
    </message>
    <message>
        <source>例如 TJXX</source>
        <translation>e.g. TJXX</translation>
    </message>
    <message>
        <source>例如 通江县消费者协会</source>
        <translation>e.g. Tongjiang County Consumer Association</translation>
    </message>
    <message>
        <source>登记投诉和来访，每月交台账，向县消协报送数据。</source>
        <translation>Registers complaints and visits, hands in the monthly ledger, reports to the county.</translation>
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
    <name>FollowUpDialog</name>
    <message>
        <source>回访方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <source>已履行</source>
        <translation>Carried out</translation>
    </message>
    <message>
        <source>未履行</source>
        <translation>Not carried out</translation>
    </message>
    <message>
        <source>不涉及</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>协议或承诺</source>
        <translation>Agreement or promise</translation>
    </message>
    <message>
        <source>回访日期</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>回访情况</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>投诉人怎么说</source>
        <translation>What the complainant said</translation>
    </message>
    <message>
        <source>问题没有解决，重新打开投诉</source>
        <translation>Not resolved: reopen the complaint</translation>
    </message>
    <message>
        <source>重新打开原因</source>
        <translation>Why reopen</translation>
    </message>
</context>
<context>
    <name>HeadAccountFields</name>
    <message>
        <source>站长姓名，记入操作日志</source>
        <translation>The station head&apos;s name, as the logs record it</translation>
    </message>
    <message>
        <source>至少 6 个字符</source>
        <translation>at least 6 characters</translation>
    </message>
    <message>
        <source>站长登录名：</source>
        <translation>Head&apos;s login:</translation>
    </message>
    <message>
        <source>站长姓名：</source>
        <translation>Head&apos;s name:</translation>
    </message>
    <message>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>再输入一次：</source>
        <translation>Again:</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>使用说明</source>
        <translation>Guide</translation>
    </message>
    <message>
        <source>目录</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>后退</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>使用说明 — %1</source>
        <translation>Guide — %1</translation>
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
        <source>导出12315移交表</source>
        <translation>Export for 12315</translation>
    </message>
    <message>
        <source>从旧台账导入</source>
        <translation>Imported from the old register</translation>
    </message>
    <message>
        <source>匿名化</source>
        <translation>Anonymised</translation>
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
        <source>主要投诉性质</source>
        <translation>Primary nature</translation>
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
        <source>是否代表人</source>
        <translation>Representative</translation>
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
        <translation>Every registration and change of complaint %1 (entries: %2). Times are Beijing time.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>HotRespondentsTab</name>
    <message>
        <source>经营者</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>投诉件数</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>前期件数</source>
        <translation>Period before</translation>
    </message>
    <message>
        <source>增减</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>涉及服务站</source>
        <translation>Stations</translation>
    </message>
    <message>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>最近投诉</source>
        <translation>Latest complaint</translation>
    </message>
    <message>
        <source>近 %1 个月</source>
        <translation>Last %1 months</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>被投诉 2 件以上的经营者，按件数排列；加粗的经营者在不止一个服务站被投诉。</source>
        <translation>Businesses with 2 or more complaints, most first; those in bold were complained about at more than one station.</translation>
    </message>
</context>
<context>
    <name>ImportHistoryModel</name>
    <message>
        <source>没有变化</source>
        <translation>No change</translation>
    </message>
    <message>
        <source>新增 %1，变更 %2，停用 %3</source>
        <translation>new %1, changed %2, deactivated %3</translation>
    </message>
    <message>
        <source>强制导入旧版本</source>
        <translation>Force import of an older version</translation>
    </message>
    <message>
        <source>跳过 %1 行</source>
        <translation>Rows skipped: %1</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>导入时间</source>
        <translation>Imported at</translation>
    </message>
    <message>
        <source>名册版本</source>
        <translation>Roster version</translation>
    </message>
    <message>
        <source>发布日期</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>Imported by</translation>
    </message>
    <message>
        <source>未注明</source>
        <translation>Not given</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>此前已导入，未改动</source>
        <translation>Imported before, nothing changed</translation>
    </message>
    <message>
        <source>未导入</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <source>待核对密钥，未合并</source>
        <translation>Key to confirm; not merged</translation>
    </message>
    <message>
        <source>数据包导入结果</source>
        <translation>Bundle import results</translation>
    </message>
    <message>
        <source>共 %1 个文件：导入 %2 个，此前已导入 %3 个，未导入 %4 个。</source>
        <translation>Files: %1. Imported: %2; imported before: %3; not imported: %4.</translation>
    </message>
    <message>
        <source>另有 %1 个等待核对服务站密钥。</source>
        <translation>%1 more wait for a station key to be confirmed.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>本年累计</source>
        <translation>Year to date</translation>
    </message>
    <message>
        <source>去年同期</source>
        <translation>Same period last year</translation>
    </message>
    <message>
        <source>增减数</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>增减%</source>
        <translation>Change %</translation>
    </message>
    <message>
        <source>%1个百分点</source>
        <translation>%1 pts</translation>
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
    <name>JobProgress</name>
    <message>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>KeyInboxModel</name>
    <message>
        <source>服务站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>数据包</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>收到时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>密钥指纹（待核对）</source>
        <translation>Key fingerprint (to confirm)</translation>
    </message>
</context>
<context>
    <name>KeyInboxPanel</name>
    <message>
        <source>下列数据包由本县尚未核对过的密钥签名，暂未合并。请打电话给该服务站，请对方打开“同步”，逐组念出“本站密钥指纹”：与这里显示的一致才点“确认”；不一致或对方没有发过，点“拒绝”。</source>
        <translation>These bundles are signed by keys the county has not confirmed yet and are not merged. Phone the station, ask them to open Sync and read their key fingerprint group by group: confirm only if it matches the one shown here; if it does not, or they sent nothing, reject it.</translation>
    </message>
    <message>
        <source>确认该密钥…</source>
        <translation>Confirm this key…</translation>
    </message>
    <message>
        <source>电话核对指纹一致后，登记该密钥并合并它签名的数据包</source>
        <translation>After checking the fingerprint by phone: register the key and merge the bundles it signed</translation>
    </message>
    <message>
        <source>拒绝…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <source>指纹不一致：删除由该密钥签名、待核对的数据包</source>
        <translation>The fingerprint does not match: delete the waiting bundles this key signed</translation>
    </message>
    <message>
        <source>待核对密钥的数据包：%1 个</source>
        <translation>Bundles waiting for key confirmation: %1</translation>
    </message>
    <message>
        <source>%1 的指纹：%2</source>
        <translation>Fingerprint of %1: %2</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请与 %1 电话核对：对方“同步”页上的本站密钥指纹，是否与下面逐组一致？

%2

确认后，该密钥签名的待核对数据包将按编号合并。</source>
        <translation>Check by phone with %1: does the key fingerprint on their Sync page match the one below, group by group?

%2

Once confirmed, the waiting bundles this key signed are merged in order.</translation>
    </message>
    <message>
        <source>确认服务站密钥</source>
        <translation>Confirm the station key</translation>
    </message>
    <message>
        <source>一致，确认</source>
        <translation>It matches: confirm</translation>
    </message>
    <message>
        <source>拒绝 %1 的密钥 %2？由它签名、待核对的数据包将被删除，不会合并。</source>
        <translation>Reject %1&apos;s key %2? The waiting bundles it signed are deleted, not merged.</translation>
    </message>
    <message>
        <source>拒绝服务站密钥</source>
        <translation>Reject the station key</translation>
    </message>
    <message>
        <source>拒绝并删除</source>
        <translation>Reject and delete</translation>
    </message>
    <message>
        <source>正在合并待核对的数据包…</source>
        <translation>Merging the waiting bundles…</translation>
    </message>
</context>
<context>
    <name>ListScreen</name>
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
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>无法删除</source>
        <translation>Cannot delete</translation>
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
        <translation>Events</translation>
    </message>
    <message>
        <source>举报</source>
        <translation>Reports</translation>
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
        <source>访问日志</source>
        <translation>Access log</translation>
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
        <source>导入旧台账…</source>
        <translation>Import old register…</translation>
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
        <source>使用说明(&amp;G)</source>
        <translation>&amp;Guide</translation>
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
        <translation>Current officer: {officer}</translation>
    </message>
</context>
<context>
    <name>MediationStepDialog</name>
    <message>
        <source>这是第一次调解：保存后投诉状态改为“调解中”。</source>
        <translation>This is the first round: the complaint will be “In mediation” after saving.</translation>
    </message>
    <message>
        <source>调解时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>调解方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>调解人员</source>
        <translation>Mediators</translation>
    </message>
    <message>
        <source>例如：王联络员、李调解员</source>
        <translation>e.g. Officer Wang, Mediator Li</translation>
    </message>
    <message>
        <source>到场人员</source>
        <translation>Who attended</translation>
    </message>
    <message>
        <source>双方各有谁到场</source>
        <translation>Who attended for each party</translation>
    </message>
    <message>
        <source>各方意见</source>
        <translation>Positions</translation>
    </message>
    <message>
        <source>各方的诉求和让步</source>
        <translation>What each side asked for and offered</translation>
    </message>
    <message>
        <source>调解结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>下次调解</source>
        <translation>Next round</translation>
    </message>
    <message>
        <source>已约定下次调解日期</source>
        <translation>Next round agreed on</translation>
    </message>
</context>
<context>
    <name>OfficerTableModel</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Duty</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>本站添加</source>
        <translation>Added here</translation>
    </message>
    <message>
        <source>县消协名册</source>
        <translation>County roster</translation>
    </message>
    <message>
        <source>在岗</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
</context>
<context>
    <name>OldRegisterDialog</name>
    <message>
        <source>导入旧台账</source>
        <translation>Import old register</translation>
    </message>
    <message>
        <source>选择本站以前用 Excel、WPS 或 CSV 记的投诉登记台账</source>
        <translation>Choose the complaint register the station kept in Excel, WPS or CSV</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>台账字段</source>
        <translation>Register field</translation>
    </message>
    <message>
        <source>文件中的列</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>列的对应（找不到的列可以手工指定）</source>
        <translation>Columns (choose any the program did not find)</translation>
    </message>
    <message>
        <source>检查结果</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>导入的投诉作为已办结的历史记录，按台账上的日期计入统计；有错误的行须先在文件中改正，全部正确才导入。同一文件再次导入不会重复。</source>
        <translation>Imported complaints become closed historical records, counted in the statistics on the register&apos;s own dates; rows with errors must be corrected in the file first, and only a file without errors is imported. Importing the same file again adds nothing.</translation>
    </message>
    <message>
        <source>选择旧台账</source>
        <translation>Choose an old register</translation>
    </message>
    <message>
        <source>表格文件 (%1)</source>
        <translation>Spreadsheets (%1)</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <source>工作表“%1”，表头在第 %2 行。</source>
        <translation>Sheet &quot;%1&quot;, header on row %2.</translation>
    </message>
    <message>
        <source>出现意外错误，已记入日志。</source>
        <translation>An unexpected error occurred; it was written to the log.</translation>
    </message>
    <message>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <source>导入 %1 件历史投诉？</source>
        <translation>Import %1 historical complaints?</translation>
    </message>
    <message>
        <source>已导入 %1 件历史投诉（已导入过 %2 件，另编新号 %3 件）。</source>
        <translation>Imported %1 historical complaints (%2 imported before, %3 given new numbers).</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>至少 6 个字符</source>
        <translation>at least 6 characters</translation>
    </message>
    <message>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>再输入一次：</source>
        <translation>Again:</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>PersonalDataGroup</name>
    <message>
        <source>个人信息保护</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <source> 年</source>
        <translation> years</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>预览匿名化…</source>
        <translation>Preview anonymisation…</translation>
    </message>
    <message>
        <source>执行匿名化</source>
        <translation>Anonymise</translation>
    </message>
    <message>
        <source>身份证号或电话</source>
        <translation>ID number or phone</translation>
    </message>
    <message>
        <source>导出本人信息 PDF…</source>
        <translation>Export a person&apos;s records as PDF…</translation>
    </message>
    <message>
        <source>保存期限由各服务站执行，匿名化的结果随数据包送达县消协。</source>
        <translation>Each station applies the retention period; the anonymised records reach the county in bundles.</translation>
    </message>
    <message>
        <source>保存期限：</source>
        <translation>Keep for:</translation>
    </message>
    <message>
        <source>办结超过保存期限的投诉，当事人的姓名、电话、身份证号、住址将被替换，统计数字保留；执行前先预览。</source>
        <translation>For complaints closed longer ago than the retention period, the people&apos;s names, phones, ID numbers and addresses are replaced; the figures are kept. Preview first.</translation>
    </message>
    <message>
        <source>本人查阅：</source>
        <translation>A person&apos;s own records:</translation>
    </message>
    <message>
        <source>保存期限已设为 %1 年。</source>
        <translation>Retention set to %1 years.</translation>
    </message>
    <message>
        <source>匿名化后无法恢复这些个人信息（备份除外）。确定执行吗？</source>
        <translation>Anonymised personal information cannot be restored (except from a backup). Go ahead?</translation>
    </message>
    <message>
        <source>执行</source>
        <translation>Go ahead</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>已匿名化 %1 条投诉的 %2 位当事人。</source>
        <translation>Anonymised %2 people of %1 complaints.</translation>
    </message>
    <message>
        <source>导出本人信息</source>
        <translation>Export a person&apos;s records</translation>
    </message>
    <message>
        <source>无法保存文件 %1：%2</source>
        <translation>Cannot save %1: %2</translation>
    </message>
    <message>
        <source>已保存 %1（%2 条投诉、%3 条来访）。</source>
        <translation>Saved %1 (%2 complaints, %3 visits).</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>第 2 步：核对将要导入的内容</source>
        <translation>Step 2: check what will be imported</translation>
    </message>
    <message>
        <source>下面列出导入后会新增、变更和停用的内容，以及名册中有错误的行。核对无误后点“导入”。</source>
        <translation>Below is what the import will add, change and deactivate, and the rows of the roster that have errors. When it is all correct, click &quot;Import&quot;.</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>跳过有错误的行（只导入没有错误的行）</source>
        <translation>Skip rows with errors (import only the rows without errors)</translation>
    </message>
    <message>
        <source>强制导入旧版本</source>
        <translation>Force import of an older version</translation>
    </message>
    <message>
        <source>这份名册的版本比本机正在使用的旧。只有县消协要求退回旧名册时才勾选。</source>
        <translation>This roster&apos;s version is older than the one in use on this computer. Tick this only when the county association asks to go back to the older roster.</translation>
    </message>
    <message>
        <source>文件：%1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>名册版本：%1</source>
        <translation>Roster version: %1</translation>
    </message>
    <message>
        <source>未注明</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>发布日期：%1</source>
        <translation>Issued on: %1</translation>
    </message>
    <message>
        <source>本机正在使用：%1</source>
        <translation>In use on this computer: %1</translation>
    </message>
    <message>
        <source>还没有导入过带版本号的名册</source>
        <translation>no roster with a version imported yet</translation>
    </message>
    <message>
        <source>这一部分没有变化。</source>
        <translation>Nothing changes in this part.</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>名册中有 %1 处错误，涉及 %2 行。</source>
        <translation>Errors in the roster: %1 (rows affected: %2).</translation>
    </message>
    <message>
        <source>没有发现错误。</source>
        <translation>No errors found.</translation>
    </message>
    <message>
        <source>保存错误清单…</source>
        <translation>Save error list…</translation>
    </message>
    <message>
        <source>把错误清单存为 Excel 工作簿，发给县消协改正</source>
        <translation>Save the error list as an Excel workbook to send to the county association for correction</translation>
    </message>
    <message>
        <source>提示：</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>错误（%1）</source>
        <translation>Errors (%1)</translation>
    </message>
    <message>
        <source>名册有 %1 处错误（%2 行），不能直接导入：请县消协改正后重新发送，或勾选“跳过有错误的行”只导入其余的行。</source>
        <translation>The roster cannot be imported as it is (errors: %1; rows affected: %2): ask the county association to correct and resend it, or tick &quot;Skip rows with errors&quot; to import only the other rows.</translation>
    </message>
    <message>
        <source>名册版本 %1 比本机正在使用的版本 %2 旧，不能导入。如县消协确实要求使用旧名册，请勾选“强制导入旧版本”。</source>
        <translation>Roster version %1 is older than version %2 in use on this computer and cannot be imported. If the county association really wants the older roster, tick &quot;Force import of an older version&quot;.</translation>
    </message>
    <message>
        <source>与本机数据相比没有变化；导入只会记下这份名册的版本。</source>
        <translation>Nothing differs from the data on this computer; importing only records this roster&apos;s version.</translation>
    </message>
    <message>
        <source>可以导入。导入是一次完成的：要么全部导入，要么什么都不改。</source>
        <translation>Ready to import. The import is done in one go: either everything is imported or nothing changes.</translation>
    </message>
    <message>
        <source>%1_错误清单.xlsx</source>
        <translation>%1_errors.xlsx</translation>
    </message>
    <message>
        <source>正在保存错误清单…</source>
        <translation>Saving the error list…</translation>
    </message>
    <message>
        <source>保存错误清单</source>
        <translation>Save the error list</translation>
    </message>
    <message>
        <source>错误清单已保存到：%1</source>
        <translation>Error list saved to: %1</translation>
    </message>
    <message>
        <source>错误清单没有保存：%1</source>
        <translation>The error list was not saved: %1</translation>
    </message>
    <message>
        <source>导入名册</source>
        <translation>Import roster</translation>
    </message>
    <message>
        <source>正在导入名册…</source>
        <translation>Importing the roster…</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>没有导入，本机数据没有改动：%1</source>
        <translation>Nothing was imported and the data on this computer was not changed: %1</translation>
    </message>
    <message>
        <source>导入时程序出错，本机数据没有改动。</source>
        <translation>The program failed while importing; the data on this computer was not changed.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>保存为 PDF…</source>
        <translation>Save as PDF…</translation>
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
    <message>
        <source>请注意：%1</source>
        <translation>Please note: %1</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>数据库文件已损坏</source>
        <translation>The database file is damaged</translation>
    </message>
    <message>
        <source>数据库文件已损坏（可能是电脑突然断电、没有正常关机，或硬盘出了问题），现在不能安全地打开。</source>
        <translation>The database file is damaged (perhaps the power failed, the computer was not shut down properly, or the disk has a fault) and cannot be opened safely.</translation>
    </message>
    <message>
        <source>可以从最近的备份恢复：选中一份备份，点“恢复”。损坏的文件不会删除，会另存在 {folder}，以后可以交给县消协的技术人员。</source>
        <translation>You can restore a recent backup: select one and click &quot;Restore&quot;. The damaged file is not deleted: it is kept in {folder} to give to the county association&apos;s technician later.</translation>
    </message>
    <message>
        <source>自动备份</source>
        <translation>Automatic backup</translation>
    </message>
    <message>
        <source>手动备份</source>
        <translation>Manual backup</translation>
    </message>
    <message>
        <source>这台电脑上没有找到备份。如果备份存在U盘里，请插上U盘后点“从其他位置选择…”；否则请联系县消协的技术人员。</source>
        <translation>No backup was found on this computer. If a backup is on a USB drive, plug it in and click &quot;Choose from another place…&quot;; otherwise contact the county association&apos;s technician.</translation>
    </message>
    <message>
        <source>检查结果：{problem}</source>
        <translation>Check result: {problem}</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>从其他位置选择…</source>
        <translation>Choose from another place…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>备份文件 (*.sqlite3)</source>
        <translation>Backup files (*.sqlite3)</translation>
    </message>
</context>
<context>
    <name>ReferDialog</name>
    <message>
        <source>连同投诉人个人信息一起转办的，须先登记投诉人对该去向的同意。</source>
        <translation>Referring with the complainant&apos;s personal data needs their consent for that body first.</translation>
    </message>
    <message>
        <source>转办去向</source>
        <translation>Refer to</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <source>接收单位</source>
        <translation>Receiving body</translation>
    </message>
    <message>
        <source>例如：通江县市场监督管理局诺江所</source>
        <translation>e.g. the town market-regulation office</translation>
    </message>
    <message>
        <source>转办日期</source>
        <translation>Date referred</translation>
    </message>
    <message>
        <source>交对方办理（投诉状态改为“已转办”）</source>
        <translation>Hand the case over (status becomes “Referred”)</translation>
    </message>
    <message>
        <source>附投诉人姓名、电话等个人信息</source>
        <translation>Include the complainant&apos;s name, phone and other details</translation>
    </message>
    <message>
        <source>转办原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>附个人信息转办的，请问投诉人：是否同意把姓名、电话等提供给所选的转办去向？请勾选同意的人（已同意过的不必再勾）。</source>
        <translation>When the referral carries personal details, ask the complainants: do they agree that their name, phone and other details go to the body chosen? Tick those who agree (those who agreed before need no tick).</translation>
    </message>
</context>
<context>
    <name>ReferViolationDialog</name>
    <message>
        <source>转交市场监管部门</source>
        <translation>Pass to market regulation</translation>
    </message>
    <message>
        <source>转交日期</source>
        <translation>Passed on</translation>
    </message>
    <message>
        <source>转交给</source>
        <translation>To</translation>
    </message>
</context>
<context>
    <name>ReferralReplyDialog</name>
    <message>
        <source>转办答复 - 投诉 %1</source>
        <translation>Referral reply - complaint %1</translation>
    </message>
    <message>
        <source>%1 转至 %2 的答复。</source>
        <translation>Reply to the referral to %2 on %1.</translation>
    </message>
    <message>
        <source>答复日期</source>
        <translation>Reply date</translation>
    </message>
    <message>
        <source>答复内容</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>对方案件编号</source>
        <translation>Their case number</translation>
    </message>
    <message>
        <source>罚没款（元）</source>
        <translation>Fine (yuan)</translation>
    </message>
    <message>
        <source>没有可不填</source>
        <translation>Leave empty if none</translation>
    </message>
</context>
<context>
    <name>RefuseDialog</name>
    <message>
        <source>按《%1》选择不予受理的情形，告知书将引用该项。</source>
        <translation>Choose the ground under “%1”; the notice will cite its item.</translation>
    </message>
    <message>
        <source>不予受理情形</source>
        <translation>Ground for non-acceptance</translation>
    </message>
    <message>
        <source>决定日期</source>
        <translation>Date decided</translation>
    </message>
</context>
<context>
    <name>RemarksTab</name>
    <message>
        <source>写下县消协的备注（不超过 %1 字）</source>
        <translation>Write the county&apos;s remark (at most %1 characters)</translation>
    </message>
    <message>
        <source>添加备注</source>
        <translation>Add remark</translation>
    </message>
    <message>
        <source>县消协的意见写在这里，随下一次回执发回服务站；服务站的记录本身不会被改动。</source>
        <translation>The county&apos;s opinion goes here and travels back to the station with the next receipt; the station&apos;s record itself is never changed.</translation>
    </message>
    <message>
        <source>县消协的备注随回执送达，导入回执后显示在这里。</source>
        <translation>The county&apos;s remarks arrive with its receipts and show here once a receipt is imported.</translation>
    </message>
    <message>
        <source>暂无县消协备注。</source>
        <translation>No county remarks yet.</translation>
    </message>
    <message>
        <source>%1  %2（%3）</source>
        <translation>%1  %2 (%3)</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>重新打开后投诉回到“调解中”，调解期限从重新打开之日重新计算。</source>
        <translation>Reopened complaints go back to “In mediation”; the mediation limit starts again from the day reopened.</translation>
    </message>
    <message>
        <source>重新打开日期</source>
        <translation>Date reopened</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>例如：经营者未按协议退款</source>
        <translation>e.g. the business did not refund as agreed</translation>
    </message>
</context>
<context>
    <name>RepinKeyDialog</name>
    <message>
        <source>重新确认服务站密钥</source>
        <translation>Confirm a station&apos;s new key</translation>
    </message>
    <message>
        <source>服务站换了电脑或重装了程序后，它的数据包会因密钥不同被拒收。请打电话给服务站，请对方打开“同步”，逐组念出“本站密钥指纹”，在下面输入。下一个用这把密钥签名的数据包到达时即可导入。</source>
        <translation>When a station gets a new computer or reinstalls the program, its bundles are refused because its key changed. Phone the station, ask them to open &quot;Sync&quot; and read out &quot;This station&apos;s key fingerprint&quot; group by group, and type it below. The next bundle signed with that key can then be imported.</translation>
    </message>
    <message>
        <source>服务站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>现登记的指纹</source>
        <translation>Registered fingerprint</translation>
    </message>
    <message>
        <source>新密钥指纹</source>
        <translation>New key fingerprint</translation>
    </message>
    <message>
        <source>确认新密钥</source>
        <translation>Confirm new key</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>（未登记）</source>
        <translation>(none registered)</translation>
    </message>
    <message>
        <source>请选择或输入服务站代码。</source>
        <translation>Choose or type a station code.</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>录入市场监管部门的答复</source>
        <translation>Enter the reply of market regulation</translation>
    </message>
    <message>
        <source>未说明</source>
        <translation>Not said</translation>
    </message>
    <message>
        <source>已立案</source>
        <translation>Case opened</translation>
    </message>
    <message>
        <source>不予立案</source>
        <translation>No case</translation>
    </message>
    <message>
        <source>答复日期</source>
        <translation>Reply date</translation>
    </message>
    <message>
        <source>答复内容</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>是否立案</source>
        <translation>Case opened?</translation>
    </message>
</context>
<context>
    <name>RepresentedConsentDialog</name>
    <message>
        <source>被代表人同意 - 投诉 %1</source>
        <translation>Consent of represented complainants - complaint %1</translation>
    </message>
    <message>
        <source>群体性投诉的代表人变更投诉请求、撤回投诉或达成调解协议，须经被代表的投诉人同意（《市场监督管理投诉举报处理办法》第十一条）。同意用于下一次这样的办理。</source>
        <translation>In a group complaint, the representatives may change the request, withdraw the complaint or reach a mediation agreement only with the consent of the represented complainants (Article 11 of the SAMR Measures for Handling Complaints and Reports). The consent counts for the next such step.</translation>
    </message>
    <message>
        <source>同意的事项</source>
        <translation>Consent to</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>被代表的投诉人</source>
        <translation>Represented complainants</translation>
    </message>
    <message>
        <source>同意</source>
        <translation>Agrees</translation>
    </message>
    <message>
        <source>不同意</source>
        <translation>Refuses</translation>
    </message>
    <message>
        <source>答复</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>同意的内容</source>
        <translation>What was agreed</translation>
    </message>
    <message>
        <source>例如：诉求由退货改为退款并赔偿损失</source>
        <translation>e.g. request changed from a return to a refund with compensation</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>账户：</source>
        <translation>Account:</translation>
    </message>
</context>
<context>
    <name>RespondentField</name>
    <message>
        <source>查找经营者</source>
        <translation>Looking up businesses</translation>
    </message>
    <message>
        <source>加入经营者名册？</source>
        <translation>Add to the business register?</translation>
    </message>
    <message>
        <source>被投诉方“%1”不在经营者名册中。加入后，下次登记时输入名称、信用代码或电话的开头就能选用。</source>
        <translation>The business “%1” is not in the business register. Once added, typing the start of its name, credit code or phone offers it at the next registration.</translation>
    </message>
    <message>
        <source>它作为本站添加的经营者，随数据包报送县消协。县消协的名册以后列入同一经营者（同一统一社会信用代码；没有代码时同名同村）时，导入名册会用名册的内容更新这一条。</source>
        <translation>It is added as this station&apos;s own business and goes to the county with the bundles. When a later county roster lists the same business (the same unified social credit code; without one, the same name and village), importing that roster updates this entry with the roster&apos;s details.</translation>
    </message>
    <message>
        <source>加入名册</source>
        <translation>Add to register</translation>
    </message>
    <message>
        <source>不加入</source>
        <translation>Don&apos;t add</translation>
    </message>
    <message>
        <source>加入经营者名册</source>
        <translation>Adding to the business register</translation>
    </message>
</context>
<context>
    <name>RosterFields</name>
    <message>
        <source>服务站编码</source>
        <translation>Station code</translation>
    </message>
    <message>
        <source>服务站名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <source>县级区划代码</source>
        <translation>County code</translation>
    </message>
    <message>
        <source>所在乡镇代码</source>
        <translation>Town code</translation>
    </message>
    <message>
        <source>所在村代码</source>
        <translation>Village code</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>所属服务站编码</source>
        <translation>Station code</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Duty</translation>
    </message>
    <message>
        <source>县（区）</source>
        <translation>County (district)</translation>
    </message>
    <message>
        <source>乡镇代码</source>
        <translation>Town code</translation>
    </message>
    <message>
        <source>乡镇（街道）</source>
        <translation>Town (subdistrict)</translation>
    </message>
    <message>
        <source>村代码</source>
        <translation>Village code</translation>
    </message>
    <message>
        <source>村（社区）</source>
        <translation>Villages</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>上级代码</source>
        <translation>Parent code</translation>
    </message>
    <message>
        <source>经营者名称</source>
        <translation>Business name</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>经营者类型</source>
        <translation>Business type</translation>
    </message>
    <message>
        <source>经营场所</source>
        <translation>Business premises</translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>代码表名</source>
        <translation>Code list</translation>
    </message>
    <message>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>节日</source>
        <translation>Holiday name</translation>
    </message>
    <message>
        <source>县</source>
        <translation>County</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>%1：%2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>RosterScreen</name>
    <message>
        <source>导入名册…</source>
        <translation>Import roster…</translation>
    </message>
    <message>
        <source>导入县消协发来的名册（Excel、WPS 或 CSV 文件）</source>
        <translation>Import a roster sent by the county association (Excel, WPS or CSV file)</translation>
    </message>
    <message>
        <source>导出当前名册…</source>
        <translation>Export current roster…</translation>
    </message>
    <message>
        <source>把本机正在使用的名册存为 Excel 工作簿</source>
        <translation>Save the roster in use on this computer as an Excel workbook</translation>
    </message>
    <message>
        <source>生成空白模板…</source>
        <translation>Blank template…</translation>
    </message>
    <message>
        <source>生成一份空白名册，供县消协填写</source>
        <translation>Write an empty roster for the county association to fill in</translation>
    </message>
    <message>
        <source>正在使用的名册</source>
        <translation>Roster in use</translation>
    </message>
    <message>
        <source>服务站</source>
        <translation>Stations</translation>
    </message>
    <message>
        <source>联络员</source>
        <translation>Officers</translation>
    </message>
    <message>
        <source>村（社区）</source>
        <translation>Villages</translation>
    </message>
    <message>
        <source>经营者</source>
        <translation>Businesses</translation>
    </message>
    <message>
        <source>导入记录</source>
        <translation>Import history</translation>
    </message>
    <message>
        <source>还没有导入过名册。
点左上角的“导入名册…”，导入县消协发来的名册。</source>
        <translation>No roster has been imported yet.
Click &quot;Import roster…&quot; at the top left to import the roster the county association sent.</translation>
    </message>
    <message>
        <source>版本：还没有导入过带版本号的名册</source>
        <translation>Version: no roster with a version has been imported yet</translation>
    </message>
    <message>
        <source>版本：%1</source>
        <translation>Version: %1</translation>
    </message>
    <message>
        <source>发布日期：%1</source>
        <translation>Issued on: %1</translation>
    </message>
    <message>
        <source>导入时间：%1</source>
        <translation>Imported at: %1</translation>
    </message>
    <message>
        <source>名册_%1.xlsx</source>
        <translation>roster_%1.xlsx</translation>
    </message>
    <message>
        <source>导出当前名册</source>
        <translation>Export the current roster</translation>
    </message>
    <message>
        <source>正在导出名册…</source>
        <translation>Exporting the roster…</translation>
    </message>
    <message>
        <source>名册已导出到：%1</source>
        <translation>Roster exported to: %1</translation>
    </message>
    <message>
        <source>生成空白模板</source>
        <translation>Write a blank template</translation>
    </message>
    <message>
        <source>名册模板.xlsx</source>
        <translation>roster_template.xlsx</translation>
    </message>
    <message>
        <source>正在生成空白模板…</source>
        <translation>Writing the blank template…</translation>
    </message>
    <message>
        <source>空白模板已保存到：%1</source>
        <translation>Blank template saved to: %1</translation>
    </message>
    <message>
        <source>文件没有保存：%1</source>
        <translation>The file was not saved: %1</translation>
    </message>
    <message>
        <source>保存文件时程序出错。</source>
        <translation>The program failed while saving the file.</translation>
    </message>
</context>
<context>
    <name>RosterWizard</name>
    <message>
        <source>服务站</source>
        <translation>Stations</translation>
    </message>
    <message>
        <source>联络员</source>
        <translation>Officers</translation>
    </message>
    <message>
        <source>行政区划</source>
        <translation>Towns and villages</translation>
    </message>
    <message>
        <source>经营者</source>
        <translation>Businesses</translation>
    </message>
    <message>
        <source>代码表</source>
        <translation>Code lists</translation>
    </message>
    <message>
        <source>节假日</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <source>新增 %1，变更 %2，未变 %3</source>
        <translation>new %1, changed %2, unchanged %3</translation>
    </message>
    <message>
        <source>，停用 %1</source>
        <translation>, deactivated %1</translation>
    </message>
    <message>
        <source>导入名册</source>
        <translation>Import roster</translation>
    </message>
    <message>
        <source>&lt; 上一步</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>下一步 &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>选择名册文件</source>
        <translation>Choose the roster file</translation>
    </message>
    <message>
        <source>名册文件 (%1);;所有文件 (*)</source>
        <translation>Roster files (%1);;All files (*)</translation>
    </message>
    <message>
        <source>选择放着名册 CSV 文件的文件夹</source>
        <translation>Choose the folder holding the roster&apos;s CSV files</translation>
    </message>
    <message>
        <source>保存错误清单</source>
        <translation>Save the error list</translation>
    </message>
</context>
<context>
    <name>SavePaths</name>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>SentBundleModel</name>
    <message>
        <source>县消协已收到（%1）</source>
        <translation>Received by the county (%1)</translation>
    </message>
    <message>
        <source>未确认</source>
        <translation>Not confirmed</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>全量</source>
        <translation>Full</translation>
    </message>
    <message>
        <source>增量</source>
        <translation>Incremental</translation>
    </message>
    <message>
        <source>记录数</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>导出时间</source>
        <translation>Exported at</translation>
    </message>
    <message>
        <source>县消协回执</source>
        <translation>County receipt</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>本站信息</source>
        <translation>This station</translation>
    </message>
    <message>
        <source>服务站编码由县消协分配，不能更改。</source>
        <translation>The station code is assigned by the county consumer association and cannot be changed.</translation>
    </message>
    <message>
        <source>6 位数字，可不填</source>
        <translation>6 digits, optional</translation>
    </message>
    <message>
        <source>保存本站信息</source>
        <translation>Save station details</translation>
    </message>
    <message>
        <source>只有站长（县消协负责人）可以修改本站信息。</source>
        <translation>Only the station head (the county association&apos;s head) may change the station&apos;s details.</translation>
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
        <translation>County code:</translation>
    </message>
    <message>
        <source>如 某某县市场监督管理局</source>
        <translation>e.g. XX County Market Regulation Administration</translation>
    </message>
    <message>
        <source>保存本站类型</source>
        <translation>Save station kind</translation>
    </message>
    <message>
        <source>本站类型：</source>
        <translation>Station kind:</translation>
    </message>
    <message>
        <source>委托机关：</source>
        <translation>Entrusting office:</translation>
    </message>
    <message>
        <source>联络员</source>
        <translation>Officers</translation>
    </message>
    <message>
        <source>当前联络员：</source>
        <translation>Officer at this computer:</translation>
    </message>
    <message>
        <source>在这台电脑上登记的记录都记在当前联络员名下。</source>
        <translation>Records entered on this computer are registered under this officer.</translation>
    </message>
    <message>
        <source>添加联络员…</source>
        <translation>Add officer…</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>添加或停用联络员须由站长（县消协负责人）操作。</source>
        <translation>Adding or deactivating officers is done by the station head (the county association&apos;s head).</translation>
    </message>
    <message>
        <source>显示</source>
        <translation>Display</translation>
    </message>
    <message>
        <source>跟随系统</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>简体中文</source>
        <translation>Simplified Chinese</translation>
    </message>
    <message>
        <source>较大字号（看得更清楚）</source>
        <translation>Larger text (easier to read)</translation>
    </message>
    <message>
        <source>重新启动后生效。</source>
        <translation>Takes effect after restarting the program.</translation>
    </message>
    <message>
        <source>界面语言：</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>名册未规定本站类型，目前按消协分会/投诉站出具文书；请站长按本站实际选择后保存。</source>
        <translation>The roster does not set this station&apos;s kind; papers are issued as a consumer association branch/complaint station for now. The station head should choose the station&apos;s actual kind and save it.</translation>
    </message>
    <message>
        <source>已登录的人；换人请锁定后由其本人登录。</source>
        <translation>The person signed in; to change, lock and let the other person sign in.</translation>
    </message>
    <message>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <source>更改…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>备份到U盘或其他文件夹…</source>
        <translation>Back up to a USB drive or another folder…</translation>
    </message>
    <message>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>备份文件夹：</source>
        <translation>Backup folder:</translation>
    </message>
    <message>
        <source>本站类型由县里的名册规定，不能在这里更改。</source>
        <translation>The county&apos;s roster sets this station&apos;s kind; it cannot be changed here.</translation>
    </message>
    <message>
        <source>名册未规定本站类型，目前按消协分会/投诉站出具文书；请按本站实际选择后保存。</source>
        <translation>The roster does not set this station&apos;s kind; papers are issued as a consumer association branch / complaint station for now. Choose what this station really is and save.</translation>
    </message>
    <message>
        <source>名册未规定本站类型，这里的选择由站长设置。</source>
        <translation>The roster does not set this station&apos;s kind; the choice here was made at this station.</translation>
    </message>
    <message>
        <source>受委托站的文书以委托机关的名义出具。</source>
        <translation>An entrusted station issues its papers in the entrusting office&apos;s name.</translation>
    </message>
    <message>
        <source>联络站只登记投诉并转交市场监管部门，不作受理决定，不组织调解。</source>
        <translation>A liaison point only registers complaints and passes them to market regulation; it makes no acceptance decisions and holds no mediation.</translation>
    </message>
    <message>
        <source>消协分会/投诉站的文书以本站名义出具，参照市场监管投诉处理办法。</source>
        <translation>A consumer association branch / complaint station issues its papers in its own name, following the SAMR complaint measures by reference.</translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <source>所选文件夹 {folder} 现在找不到（U盘未插入？），自动备份暂时存放在上面的文件夹。</source>
        <translation>The chosen folder {folder} cannot be found (is the USB drive plugged in?); automatic backups go to the folder above for now.</translation>
    </message>
    <message>
        <source>程序每天自动备份一次，保留最近 14 份。</source>
        <translation>The program backs up automatically once a day and keeps the last 14 backups.</translation>
    </message>
    <message>
        <source>最近一次备份：{when}</source>
        <translation>Last backup: {when}</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>重新启用</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <source>名册中的联络员由县消协在名册中停用。</source>
        <translation>Officers from the roster are deactivated by the county association, in the roster.</translation>
    </message>
    <message>
        <source>停用联络员</source>
        <translation>Deactivate officer</translation>
    </message>
    <message>
        <source>更改备份文件夹和从备份恢复须由站长（县消协负责人）操作。</source>
        <translation>Changing the backup folder and restoring from a backup are done by the station head (the county association&apos;s head).</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>备份文件 (*.sqlite3)</source>
        <translation>Backup files (*.sqlite3)</translation>
    </message>
    <message>
        <source>选择备份文件夹</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <source>更改备份文件夹</source>
        <translation>Change the backup folder</translation>
    </message>
    <message>
        <source>选择备份到哪里（U盘或其他文件夹）</source>
        <translation>Choose where to back up (a USB drive or another folder)</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>已备份到 {path}</source>
        <translation>Backed up to {path}</translation>
    </message>
    <message>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <source>正在检查备份文件…</source>
        <translation>Checking the backup file…</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>要用 {when} 的备份替换现在的数据吗？

这份备份里有 {complaints} 件投诉、{visits} 条来访记录。备份之后登记或修改的内容不会出现在恢复后的数据中。

现在的数据不会删除，会另存一份在 {folder}，需要时可以找回。</source>
        <translation>Replace the current data with the backup of {when}?

This backup holds complaints: {complaints}; visit records: {visits}. Anything registered or changed after the backup will not be in the restored data.

The current data is not deleted: a copy is kept in {folder} in case it is needed.</translation>
    </message>
    <message>
        <source>这份备份属于服务站 {other}，不是本站（{own}）的备份，不能恢复。</source>
        <translation>This backup belongs to station {other}, not to this station ({own}); it cannot be restored.</translation>
    </message>
    <message>
        <source>已从 {name} 恢复。原来的数据另存为 {aside}。</source>
        <translation>Restored from {name}. The previous data was kept as {aside}.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>窗口已锁定，正在填写的内容都保留着。请输入密码解锁。</source>
        <translation>The window is locked; everything being typed is kept. Enter the password to unlock.</translation>
    </message>
    <message>
        <source>消费维权服务站登记系统。请选择您的账户并输入密码。</source>
        <translation>Consumer-rights station registry. Choose your account and enter your password.</translation>
    </message>
    <message>
        <source>正在核对密码…</source>
        <translation>Checking the password…</translation>
    </message>
    <message>
        <source>忘记密码请找站长重置，或由县消协用恢复密钥重置。</source>
        <translation>Forgot the password? The station head resets it, or the county with its recovery key.</translation>
    </message>
    <message>
        <source>账户：</source>
        <translation>Account:</translation>
    </message>
    <message>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>StartMediationDialog</name>
    <message>
        <source>开始调解前须登记投诉人同意向被投诉方提供其个人信息。</source>
        <translation>Before mediation, record the complainant&apos;s consent to share their details with the business.</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
</context>
<context>
    <name>StartPauseDialog</name>
    <message>
        <source>检测、鉴定期间调解期限暂停计算，结束后请登记“检测鉴定结束”。</source>
        <translation>The mediation limit is paused during testing or appraisal; record “Testing/appraisal ended” afterwards.</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>检测鉴定机构</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
</context>
<context>
    <name>StationTableModel</name>
    <message>
        <source>%1（待确认）</source>
        <translation>%1 (pending)</translation>
    </message>
    <message>
        <source>尚未登记密钥</source>
        <translation>No key registered yet</translation>
    </message>
    <message>
        <source>密钥已确认：%1</source>
        <translation>Key confirmed: %1</translation>
    </message>
    <message>
        <source>由县消协重新登记，下一个用它签名的数据包到达时生效：%1</source>
        <translation>Re-registered by the county; takes effect when the next bundle signed with it arrives: %1</translation>
    </message>
    <message>
        <source>服务站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>最近数据包</source>
        <translation>Last bundle</translation>
    </message>
    <message>
        <source>收到时间</source>
        <translation>Last arrived</translation>
    </message>
    <message>
        <source>已收数据包</source>
        <translation>Bundles</translation>
    </message>
    <message>
        <source>缺失编号</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>未办结投诉</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>待审冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>密钥指纹</source>
        <translation>Key fingerprint</translation>
    </message>
</context>
<context>
    <name>StationsScreen</name>
    <message>
        <source>导入数据包…</source>
        <translation>Import bundles…</translation>
    </message>
    <message>
        <source>导入服务站送来的数据包文件（可一次选多个）</source>
        <translation>Import the bundle files stations sent (several at once if you like)</translation>
    </message>
    <message>
        <source>导出回执…</source>
        <translation>Export receipt…</translation>
    </message>
    <message>
        <source>写出回执文件，交回服务站，告诉它们哪些数据包已收到</source>
        <translation>Write a receipt file for the stations, telling them which bundles arrived</translation>
    </message>
    <message>
        <source>重新确认密钥…</source>
        <translation>Confirm new key…</translation>
    </message>
    <message>
        <source>服务站换了电脑后，按电话里念的指纹登记新密钥</source>
        <translation>After a station changes computer, register its new key from the fingerprint read over the phone</translation>
    </message>
    <message>
        <source>查看该站投诉</source>
        <translation>Station&apos;s complaints</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>还没有收到任何服务站的数据包。
点“导入数据包…”，导入服务站送来的文件。</source>
        <translation>No bundles received from any station yet.
Click &quot;Import bundles…&quot; to import the files the stations sent.</translation>
    </message>
    <message>
        <source>服务站总览</source>
        <translation>Stations</translation>
    </message>
    <message>
        <source>本县加密公钥指纹：%1（随名册下发给各服务站，数据包加密后只有本机能打开）</source>
        <translation>County encryption key fingerprint: %1 (sent to the stations with the roster; only this computer can open the bundles encrypted to it)</translation>
    </message>
    <message>
        <source>共 %1 个服务站</source>
        <translation>Stations: %1</translation>
    </message>
    <message>
        <source>；%1 个服务站有缺失的数据包（红色编号），请联系补送</source>
        <translation>; stations with missing bundles (numbers in red): %1. Please ask them to send those again</translation>
    </message>
    <message>
        <source>选择服务站的数据包</source>
        <translation>Choose the stations&apos; bundles</translation>
    </message>
    <message>
        <source>数据包 (*%1);;所有文件 (*)</source>
        <translation>Bundles (*%1);;All files (*)</translation>
    </message>
    <message>
        <source>正在导入 %1 个文件…</source>
        <translation>Importing files: %1…</translation>
    </message>
    <message>
        <source>导入数据包</source>
        <translation>Import bundles</translation>
    </message>
    <message>
        <source>正在导入数据包…</source>
        <translation>Importing bundles…</translation>
    </message>
    <message>
        <source>导入了 %1 个数据包</source>
        <translation>Bundles imported: %1</translation>
    </message>
    <message>
        <source>；%1 个等待核对服务站密钥（见下方“待核对”）</source>
        <translation>; %1 wait for a station key to be confirmed (see below)</translation>
    </message>
    <message>
        <source>；%1 个未导入，原因见结果</source>
        <translation>; not imported: %1 (see the results for why)</translation>
    </message>
    <message>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <source>重新确认密钥</source>
        <translation>Confirm new key</translation>
    </message>
    <message>
        <source>已登记 %1 的新密钥指纹 %2；下一个用它签名的数据包到达时即可导入。</source>
        <translation>Registered the new key fingerprint %2 for %1; the next bundle signed with it can be imported.</translation>
    </message>
    <message>
        <source>选择保存回执的文件夹（U盘）</source>
        <translation>Choose the folder (USB drive) for the receipt</translation>
    </message>
    <message>
        <source>导出回执</source>
        <translation>Export receipt</translation>
    </message>
    <message>
        <source>已写出回执：%1。请交给各服务站在“同步”中导入。</source>
        <translation>Receipt written: %1. Give it to the stations to import under &quot;Sync&quot;.</translation>
    </message>
    <message>
        <source>无法导出回执</source>
        <translation>Cannot export the receipt</translation>
    </message>
</context>
<context>
    <name>StatsScreen</name>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>服务站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>导出台账…</source>
        <translation>Export ledger…</translation>
    </message>
    <message>
        <source>把本月的月度台账（投诉、来访、宣传活动和月度统计）保存为 Excel 工作簿</source>
        <translation>Save this month&apos;s ledger (complaints, visits, education events and monthly statistics) as an Excel workbook</translation>
    </message>
    <message>
        <source>分析报告…</source>
        <translation>Analysis report…</translation>
    </message>
    <message>
        <source>写季度或年度的投诉分析报告（PDF，附图表和数据表）</source>
        <translation>Write the quarterly or annual complaint analysis report (PDF with charts and a figures workbook)</translation>
    </message>
    <message>
        <source>月度统计表</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>图表</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>热点经营者</source>
        <translation>Hot respondents</translation>
    </message>
    <message>
        <source>全部服务站</source>
        <translation>All stations</translation>
    </message>
    <message>
        <source>正在计算 %1 的统计…</source>
        <translation>Computing the statistics for %1…</translation>
    </message>
    <message>
        <source>计算月度统计</source>
        <translation>Compute monthly statistics</translation>
    </message>
    <message>
        <source>计算走势</source>
        <translation>Compute trend</translation>
    </message>
    <message>
        <source>其余大类</source>
        <translation>Other categories</translation>
    </message>
    <message>
        <source>受理投诉：按商品和服务大类（件）</source>
        <translation>Accepted complaints by goods and service category (cases)</translation>
    </message>
    <message>
        <source>件数</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>本月没有受理投诉</source>
        <translation>No complaints accepted this month</translation>
    </message>
    <message>
        <source>近12个月：登记、办结与挽回经济损失（%1—%2）</source>
        <translation>Last 12 months: registered, closed and money recovered (%1 – %2)</translation>
    </message>
    <message>
        <source>登记投诉（件）</source>
        <translation>Registered (cases)</translation>
    </message>
    <message>
        <source>办结（件）</source>
        <translation>Closed (cases)</translation>
    </message>
    <message>
        <source>挽回经济损失（万元）</source>
        <translation>Money recovered (10,000 yuan)</translation>
    </message>
    <message>
        <source>万元</source>
        <translation>10,000 yuan</translation>
    </message>
    <message>
        <source>件</source>
        <translation>cases</translation>
    </message>
    <message>
        <source>登记投诉：按主要投诉性质（件）</source>
        <translation>Complaints registered, by primary nature</translation>
    </message>
    <message>
        <source>%1月</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>导出月度台账</source>
        <translation>Export monthly ledger</translation>
    </message>
    <message>
        <source>正在导出 %1 的台账…</source>
        <translation>Exporting the ledger for %1…</translation>
    </message>
    <message>
        <source>导出台账</source>
        <translation>Export ledger</translation>
    </message>
    <message>
        <source>台账已导出到：%1（投诉 %2 件，来访 %3 次，宣传活动 %4 场）</source>
        <translation>Ledger exported to: %1 (complaints: %2, visits: %3, education events: %4)</translation>
    </message>
    <message>
        <source>已取消导出台账，原有文件未作改动。</source>
        <translation>Ledger export cancelled; the existing file was not changed.</translation>
    </message>
    <message>
        <source>磁盘空间不足，请清理磁盘或换一个位置保存</source>
        <translation>the disk is full; free some space or save it elsewhere</translation>
    </message>
    <message>
        <source>没有写入权限（文件夹只读，或文件正被 Excel/WPS 等程序打开）</source>
        <translation>no permission to write (the folder is read-only, or the file is open in Excel, WPS or another program)</translation>
    </message>
    <message>
        <source>文件夹不存在</source>
        <translation>the folder does not exist</translation>
    </message>
    <message>
        <source>无法写入台账 %1：%2。原有文件未作改动。</source>
        <translation>Cannot write the ledger %1: %2. The existing file was not changed.</translation>
    </message>
    <message>
        <source>导出台账时出错，详情已记入日志。</source>
        <translation>Exporting the ledger failed; the details are in the log.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>第 3 步：导入完成</source>
        <translation>Step 3: import finished</translation>
    </message>
    <message>
        <source>名册已导入本机。下面是这次导入的结果。</source>
        <translation>The roster has been imported. Here is what the import did.</translation>
    </message>
    <message>
        <source>与本机原有数据相比没有变化。</source>
        <translation>Nothing differed from the data on this computer.</translation>
    </message>
    <message>
        <source>有错误的 %1 行已跳过，没有导入；请县消协改正后再发。</source>
        <translation>Rows with errors skipped and not imported: %1. Ask the county association to correct and resend them.</translation>
    </message>
    <message>
        <source>这是强制导入的旧版本名册。</source>
        <translation>This was a forced import of an older roster version.</translation>
    </message>
    <message>
        <source>未注明版本（这份名册没有写版本号）</source>
        <translation>No version (this roster did not give one)</translation>
    </message>
    <message>
        <source>%1（发布日期 %2）</source>
        <translation>%1 (issued %2)</translation>
    </message>
    <message>
        <source>现在使用的名册版本：%1</source>
        <translation>Roster version now in use: %1</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>选择U盘或电脑上的一个文件夹；下次会记住</source>
        <translation>Choose a USB drive or a folder on this computer; it is remembered</translation>
    </message>
    <message>
        <source>脱敏导出</source>
        <translation>Masked export</translation>
    </message>
    <message>
        <source>全量导出</source>
        <translation>Full export</translation>
    </message>
    <message>
        <source>导出本站的全部记录，而不只是上次导出后的变更；县消协要求补发时使用</source>
        <translation>Export all of this station&apos;s records, not only the changes since the last export; use it when the county asks</translation>
    </message>
    <message>
        <source>导出数据包</source>
        <translation>Export bundle</translation>
    </message>
    <message>
        <source>把尚未发送的变更写成一个数据包文件，交给县消协</source>
        <translation>Write the unsent changes into a bundle file for the county</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>保存到：</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <source>发送到县消协</source>
        <translation>Send to the county</translation>
    </message>
    <message>
        <source>县消协确认本站密钥时，请在电话里逐组念出这串字符（只含数字 0–9 和字母 a–f）。</source>
        <translation>When the county confirms this station&apos;s key, read this out over the phone group by group (digits 0–9 and letters a–f only).</translation>
    </message>
    <message>
        <source>本站密钥指纹</source>
        <translation>This station&apos;s key fingerprint</translation>
    </message>
    <message>
        <source>导入回执…</source>
        <translation>Import receipt…</translation>
    </message>
    <message>
        <source>导入县消协发回的回执文件，标出哪些数据包已经送到</source>
        <translation>Import the county&apos;s receipt file to mark which bundles arrived</translation>
    </message>
    <message>
        <source>还没有导出过数据包。</source>
        <translation>No bundles exported yet.</translation>
    </message>
    <message>
        <source>已导出的数据包</source>
        <translation>Exported bundles</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>（尚未选择，导出时会询问）</source>
        <translation>(not chosen yet; asked at the first export)</translation>
    </message>
    <message>
        <source>数据包加密发给县消协（县消协公钥指纹：%1）</source>
        <translation>Bundles are encrypted to the county (county key fingerprint: %1)</translation>
    </message>
    <message>
        <source>姓名、电话、证件号和文字内容遮蔽后导出，不带证据文件</source>
        <translation>Export with names, phones, ID numbers and texts masked, without evidence files</translation>
    </message>
    <message>
        <source>本站还没有县消协的加密公钥（随县消协的名册下发）：只能导出脱敏数据包（姓名、电话、证件号和文字内容已遮蔽）。请向县消协要最新名册并导入。</source>
        <translation>This station does not have the county&apos;s encryption key yet (it comes with the county&apos;s roster): only masked bundles can be exported (names, phones, ID numbers and texts masked). Ask the county for the latest roster and import it.</translation>
    </message>
    <message>
        <source>没有县消协公钥时，个人信息不能明文导出</source>
        <translation>Without the county&apos;s key, personal data cannot be exported in clear</translation>
    </message>
    <message>
        <source>尚未生成（第一次导出时生成）</source>
        <translation>Not made yet (made at the first export)</translation>
    </message>
    <message>
        <source>%1 条变更尚未发送</source>
        <translation>Changes not yet sent: %1</translation>
    </message>
    <message>
        <source>所有变更都已导出</source>
        <translation>All changes exported</translation>
    </message>
    <message>
        <source>选择保存数据包的文件夹（U盘）</source>
        <translation>Choose the folder (USB drive) for bundles</translation>
    </message>
    <message>
        <source>找不到文件夹 %1。U盘插好了吗？请插好U盘，或另选一个文件夹。</source>
        <translation>Folder %1 not found. Is the USB drive plugged in? Plug it in or choose another folder.</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>正在导出数据包…</source>
        <translation>Exporting bundle…</translation>
    </message>
    <message>
        <source>已写出数据包：%1</source>
        <translation>Bundle written: %1</translation>
    </message>
    <message>
        <source>无法导出</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <source>选择县消协的回执文件</source>
        <translation>Choose the county&apos;s receipt file</translation>
    </message>
    <message>
        <source>回执文件 (*.streceipt)</source>
        <translation>Receipt files (*.streceipt)</translation>
    </message>
    <message>
        <source>导入回执</source>
        <translation>Import receipt</translation>
    </message>
    <message>
        <source>回执已导入</source>
        <translation>Receipt imported</translation>
    </message>
    <message>
        <source>无法导入回执</source>
        <translation>Cannot import the receipt</translation>
    </message>
</context>
<context>
    <name>SyncStatusCard</name>
    <message>
        <source>发送给县消协</source>
        <translation>Send to the county association</translation>
    </message>
    <message>
        <source>去同步</source>
        <translation>Go to Sync</translation>
    </message>
    <message>
        <source>打开“同步”，导出数据包交给县消协</source>
        <translation>Open &quot;Sync&quot; to export a bundle for the county</translation>
    </message>
    <message>
        <source>没有需要发送的变更</source>
        <translation>Nothing to send</translation>
    </message>
    <message>
        <source>还没有导出过数据包</source>
        <translation>No bundle exported yet</translation>
    </message>
    <message>
        <source>第 %1 号数据包县消协已收到</source>
        <translation>Bundle %1 received by the county</translation>
    </message>
    <message>
        <source>第 %1 号数据包尚未确认送到</source>
        <translation>Bundle %1 not yet confirmed as received</translation>
    </message>
</context>
<context>
    <name>TerminationNoticeDialog</name>
    <message>
        <source>终止调解告知书已送达或告知双方的日期。</source>
        <translation>The date both parties received the notice of ending mediation or were told of it.</translation>
    </message>
    <message>
        <source>告知日期</source>
        <translation>Date notified</translation>
    </message>
</context>
<context>
    <name>UploadPanel</name>
    <message>
        <source>上传到县消协</source>
        <translation>Upload to the county</translation>
    </message>
    <message>
        <source>把尚未发送的变更写成数据包并上传；没有网络时排队，联网后自动上传</source>
        <translation>Write the unsent changes into a bundle and upload it; without a network it waits and goes by itself once online</translation>
    </message>
    <message>
        <source>未设置县消协上传地址：导入带有“县消协上传地址”的名册后，即可联网上传。</source>
        <translation>No county upload address yet: import a roster that names the county&apos;s upload address to upload over the network.</translation>
    </message>
    <message>
        <source>上传地址：%1</source>
        <translation>Upload address: %1</translation>
    </message>
    <message>
        <source>正在上传…</source>
        <translation>Uploading…</translation>
    </message>
    <message>
        <source>%1 个数据包等待网络，联网后自动上传</source>
        <translation>%1 bundles wait for the network and go by themselves once online</translation>
    </message>
    <message>
        <source>导出数据包</source>
        <translation>Bundle exported</translation>
    </message>
</context>
<context>
    <name>UploadQueueModel</name>
    <message>
        <source>等待网络</source>
        <translation>Waiting for network</translation>
    </message>
    <message>
        <source>已上传</source>
        <translation>Uploaded</translation>
    </message>
    <message>
        <source>县消协已收到</source>
        <translation>Received by the county</translation>
    </message>
    <message>
        <source>县消协拒收</source>
        <translation>Refused by the county</translation>
    </message>
    <message>
        <source>%1 再试</source>
        <translation>retry at %1</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>ViolationForm</name>
    <message>
        <source>修改举报</source>
        <translation>Edit report</translation>
    </message>
    <message>
        <source>登记举报</source>
        <translation>Register a report</translation>
    </message>
    <message>
        <source>收到时间 *</source>
        <translation>Received *</translation>
    </message>
    <message>
        <source>渠道 *</source>
        <translation>Channel *</translation>
    </message>
    <message>
        <source>匿名举报（不记姓名、电话和住址）</source>
        <translation>Anonymous report (no name, phone or address kept)</translation>
    </message>
    <message>
        <source>举报人 *</source>
        <translation>Reporter *</translation>
    </message>
    <message>
        <source>被举报的经营者 *</source>
        <translation>Business reported *</translation>
    </message>
    <message>
        <source>举报内容 *</source>
        <translation>What is reported *</translation>
    </message>
    <message>
        <source>例如：短斤少两、销售过期食品、无证经营</source>
        <translation>e.g. short weight, selling expired food, no licence</translation>
    </message>
    <message>
        <source>举报事实 *</source>
        <translation>Facts *</translation>
    </message>
    <message>
        <source>举报人提供的照片、票据、录音等</source>
        <translation>Photos, receipts, recordings the reporter gave</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>所在村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <source>经营者地址</source>
        <translation>Business address</translation>
    </message>
    <message>
        <source>证据材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>保存举报</source>
        <translation>Save report</translation>
    </message>
</context>
<context>
    <name>ViolationTableModel</name>
    <message>
        <source>待转交</source>
        <translation>To pass on</translation>
    </message>
    <message>
        <source>已转交，待答复</source>
        <translation>Passed on, awaiting reply</translation>
    </message>
    <message>
        <source>已答复</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>已立案</source>
        <translation>Case opened</translation>
    </message>
    <message>
        <source>不予立案</source>
        <translation>No case</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>收到时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>举报人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>被举报的经营者</source>
        <translation>Business reported</translation>
    </message>
    <message>
        <source>举报内容</source>
        <translation>What is reported</translation>
    </message>
    <message>
        <source>办理情况</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>立案</source>
        <translation>Case</translation>
    </message>
</context>
<context>
    <name>ViolationsScreen</name>
    <message>
        <source>新建举报</source>
        <translation>New report</translation>
    </message>
    <message>
        <source>登记一件举报：有人反映经营者违法（短斤少两、假冒、过期、无照等）</source>
        <translation>Register a report: someone says a business breaks the law (short weight, fakes, expired goods, no licence …)</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>转交…</source>
        <translation>Pass on…</translation>
    </message>
    <message>
        <source>记下转交市场监管部门的日期和部门</source>
        <translation>Record when and to which office the report was passed</translation>
    </message>
    <message>
        <source>录入答复…</source>
        <translation>Enter reply…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>办理情况</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>共 %1 件</source>
        <translation>Reports: %1</translation>
    </message>
    <message>
        <source>还没有举报记录。
有人反映经营者违法时，点“新建举报”登记，再转交市场监管部门。</source>
        <translation>No reports yet.
When someone reports a business breaking the law, click New report, then pass it to market regulation.</translation>
    </message>
    <message>
        <source>没有找到符合条件的举报。
可以把月份或办理情况改回“全部”。</source>
        <translation>No report matches.
Set the month or the progress back to All.</translation>
    </message>
    <message>
        <source>录入答复</source>
        <translation>Enter reply</translation>
    </message>
    <message>
        <source>这件举报还没有转交市场监管部门，请先点“转交…”。</source>
        <translation>This report has not been passed to market regulation yet; click Pass on… first.</translation>
    </message>
    <message>
        <source>删除举报</source>
        <translation>Delete report</translation>
    </message>
    <message>
        <source>为什么要删除举报 %1？（例如：重复登记）</source>
        <translation>Why delete report %1? (e.g. registered twice)</translation>
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
Try a shorter search, or set Month back to &quot;All&quot;.</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>投诉人撤回投诉后办理结束，处理结果记为“撤回”。</source>
        <translation>Once withdrawn, handling ends with the outcome “Withdrawn”.</translation>
    </message>
    <message>
        <source>撤回日期</source>
        <translation>Date withdrawn</translation>
    </message>
    <message>
        <source>撤回原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>例如：双方已自行和解</source>
        <translation>e.g. the parties settled themselves</translation>
    </message>
    <message>
        <source>同意撤回投诉</source>
        <translation>Agree to withdraw the complaint</translation>
    </message>
</context>
<context>
    <name>WorkflowDialogs</name>
    <message>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>转办</source>
        <translation>Refer</translation>
    </message>
    <message>
        <source>开始调解</source>
        <translation>Start mediation</translation>
    </message>
    <message>
        <source>调解协议</source>
        <translation>Mediation agreement</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Close case</translation>
    </message>
    <message>
        <source>终止调解</source>
        <translation>End mediation</translation>
    </message>
    <message>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>调解记录</source>
        <translation>Mediation rounds</translation>
    </message>
    <message>
        <source>检测鉴定开始</source>
        <translation>Testing/appraisal started</translation>
    </message>
    <message>
        <source>检测鉴定结束</source>
        <translation>Testing/appraisal ended</translation>
    </message>
    <message>
        <source>协议履行</source>
        <translation>Carried out</translation>
    </message>
    <message>
        <source>终止告知</source>
        <translation>Parties notified</translation>
    </message>
    <message>
        <source>被投诉方</source>
        <translation>Business complained about</translation>
    </message>
</context>
<context>
    <name>_StepDialog</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>#错误</source>
        <translation>#ERROR</translation>
    </message>
    <message>
        <source>--certificate 与 --private-key 须同时给出。</source>
        <translation>Give --certificate and --private-key together.</translation>
    </message>
    <message>
        <source>--database 应为 postgresql://用户@主机:端口/数据库名，而不是 {url}</source>
        <translation>--database must be postgresql://user@host:port/database, not {url}</translation>
    </message>
    <message>
        <source>--database-password-file 只与 --database 一起使用。</source>
        <translation>--database-password-file goes only with --database.</translation>
    </message>
    <message>
        <source>12315 编号 {hotline} 已登记在投诉 {number}（{status}）中，这起纠纷可能已经受理，请核实后再保存。</source>
        <translation>12315 number {hotline} is already on complaint {number} ({status}); this dispute may already be accepted. Please check before saving.</translation>
    </message>
    <message>
        <source>12315 编号不能超过 40 个字符。</source>
        <translation>The 12315 number cannot be longer than 40 characters.</translation>
    </message>
    <message>
        <source>12315录入</source>
        <translation>Entered in 12315</translation>
    </message>
    <message>
        <source>12315编号</source>
        <translation>12315 number</translation>
    </message>
    <message>
        <source>citations 应是一个对象</source>
        <translation>citations should be an object</translation>
    </message>
    <message>
        <source>{bundle}与此前收到的同号数据包内容不同（服务站可能恢复过备份），已按记录逐条合并。</source>
        <translation>{bundle} differs from the bundle with the same number received before (the station may have restored a backup); it was merged record by record.</translation>
    </message>
    <message>
        <source>{bundle}此前已导入（{when} UTC），本次未作任何改动。</source>
        <translation>{bundle} was imported before ({when} UTC); nothing was changed this time.</translation>
    </message>
    <message>
        <source>{bundle}由尚未核对的密钥签名（指纹 {fingerprint}），已放入待核对收件箱，未合并；请打电话与服务站核对指纹后确认（station bundle confirm-key {code} 指纹）。</source>
        <translation>{bundle} is signed by a key not yet confirmed (fingerprint {fingerprint}); it waits in the inbox, not merged. Check the fingerprint with the station by phone, then confirm it (station bundle confirm-key {code} FINGERPRINT).</translation>
    </message>
    <message>
        <source>{code} 没有由指纹 {fingerprint} 的密钥签名、待核对的数据包。</source>
        <translation>{code} has no waiting bundle signed by the key with fingerprint {fingerprint}.</translation>
    </message>
    <message>
        <source>{count} 件举报</source>
        <translation>{count} reports of violations</translation>
    </message>
    <message>
        <source>{count} 件投诉</source>
        <translation>{count} complaints</translation>
    </message>
    <message>
        <source>{count} 场宣传活动</source>
        <translation>{count} education events</translation>
    </message>
    <message>
        <source>{count} 条记录与本库版本冲突，已另存待审核（见“冲突审核”）。</source>
        <translation>Records in conflict with the version here: {count}; set aside for review (see &quot;Conflicts&quot;).</translation>
    </message>
    <message>
        <source>{count} 次来访</source>
        <translation>{count} visits</translation>
    </message>
    <message>
        <source>{cutoff} 以前办结的投诉中，有 {complaints} 条投诉的 {people} 位当事人将匿名化（保存 {years} 年）。</source>
        <translation>Of the complaints closed before {cutoff}, {people} people of {complaints} complaints will be anonymised (kept {years} years).</translation>
    </message>
    <message>
        <source>{day} 的来访咨询记录</source>
        <translation>the visit of {day}</translation>
    </message>
    <message>
        <source>{field}：{count} 项替换。</source>
        <translation>{field}: {count} replaced.</translation>
    </message>
    <message>
        <source>{field}：{old} → {new}</source>
        <translation>{field}: {old} → {new}</translation>
    </message>
    <message>
        <source>{file} 不是回执文件。</source>
        <translation>{file} is not a receipt file.</translation>
    </message>
    <message>
        <source>{file} 不是有效的回执文件。</source>
        <translation>{file} is not a valid receipt file.</translation>
    </message>
    <message>
        <source>{file} 不是有效的回执文件：“{field}”{problem}，未导入。</source>
        <translation>{file} is not a valid receipt file: “{field}” {problem}; not imported.</translation>
    </message>
    <message>
        <source>{file} 不是本站导出的数据包，不能上传。</source>
        <translation>{file} is not a bundle this station exported; it cannot be uploaded.</translation>
    </message>
    <message>
        <source>{file} 由另一把密钥签名（指纹 {fingerprint}），与本站登记的县消协密钥不符，未导入。</source>
        <translation>{file} is signed by a different key (fingerprint {fingerprint}) from the county key registered at this station; not imported.</translation>
    </message>
    <message>
        <source>{file} 由更新版本的程序生成，请先升级程序。</source>
        <translation>{file} was made by a newer version of the program; please upgrade the program first.</translation>
    </message>
    <message>
        <source>{file} 的签名无效（文件在途中被改动），未导入。</source>
        <translation>{file} has a bad signature (the file was changed on the way); not imported.</translation>
    </message>
    <message>
        <source>{file} 过大，不是回执文件。</source>
        <translation>{file} is too large to be a receipt file.</translation>
    </message>
    <message>
        <source>{file}：{n} 行有错误，没有导入任何记录。第一处：{first}</source>
        <translation>{file}: {n} rows have errors; nothing was imported. First: {first}</translation>
    </message>
    <message>
        <source>{file}：{reason}，未导入。</source>
        <translation>{file}: {reason}; not imported.</translation>
    </message>
    <message>
        <source>{file}：{rows} 行，新导入 {new} 件，已导入过 {already} 件，有错误 {bad} 行</source>
        <translation>{file}: {rows} rows, {new} to import, {already} imported before, {bad} rows with errors</translation>
    </message>
    <message>
        <source>{file}：已取消，未导入。</source>
        <translation>{file}: cancelled, not imported.</translation>
    </message>
    <message>
        <source>{file}：无法放入待核对收件箱（{reason}），未导入。</source>
        <translation>{file}: cannot be put in the inbox ({reason}); not imported.</translation>
    </message>
    <message>
        <source>{file}：没有找到台账的表头（应有 登记日期、投诉人、被投诉方 等列）。</source>
        <translation>{file}: no register header found (a register has columns such as registration date, complainant and respondent).</translation>
    </message>
    <message>
        <source>{file}：表头下没有投诉记录。</source>
        <translation>{file}: there are no complaints under the header.</translation>
    </message>
    <message>
        <source>{file}：表头中没有 {columns} 列；可用“对应关系”指定。</source>
        <translation>{file}: the header has no column {columns}; choose one by hand.</translation>
    </message>
    <message>
        <source>{file}：超过 {limit} 行。</source>
        <translation>{file}: more than {limit} rows.</translation>
    </message>
    <message>
        <source>{first}或{then}</source>
        <translation>{first} or {then}</translation>
    </message>
    <message>
        <source>{first}；{then}</source>
        <translation>{first} {then}</translation>
    </message>
    <message>
        <source>{label}不能早于上一步办理的日期（{date}）。</source>
        <translation>{label} cannot be earlier than the date of the previous step ({date}).</translation>
    </message>
    <message>
        <source>{label}不能早于收到投诉的日期（{date}）。</source>
        <translation>{label} cannot be earlier than the date the complaint was received ({date}).</translation>
    </message>
    <message>
        <source>{label}不能晚于今天。</source>
        <translation>{label} cannot be later than today.</translation>
    </message>
    <message>
        <source>{login} 的密码：</source>
        <translation>Password of {login}: </translation>
    </message>
    <message>
        <source>{name} 不是有效的数据库文件（{error}）。</source>
        <translation>{name} is not a valid database file ({error}).</translation>
    </message>
    <message>
        <source>{name} 不是本程序的备份文件。</source>
        <translation>{name} is not a backup of this program.</translation>
    </message>
    <message>
        <source>{name} 由更新版本的程序生成，请先升级程序再恢复。</source>
        <translation>{name} was made by a newer version of the program; please upgrade the program before restoring it.</translation>
    </message>
    <message>
        <source>{name} 等{count}人</source>
        <translation>{name} and others ({count} people)</translation>
    </message>
    <message>
        <source>{name}的不合格件数不能多于检测件数。</source>
        <translation>{name}: more failed than checked.</translation>
    </message>
    <message>
        <source>{name}（{code}）第 {seq} 号数据包</source>
        <translation>bundle {seq} of {name} ({code})</translation>
    </message>
    <message>
        <source>{n} 行的登记编号已被使用，导入时另编新号。</source>
        <translation>The registration numbers of {n} rows are in use already; they get new numbers.</translation>
    </message>
    <message>
        <source>{part}：新增 {new}，变更 {changed}，未变 {unchanged}</source>
        <translation>{part}: new {new}, changed {changed}, unchanged {unchanged}</translation>
    </message>
    <message>
        <source>{part}：新增 {new}，变更 {changed}，未变 {unchanged}，停用 {gone}</source>
        <translation>{part}: new {new}, changed {changed}, unchanged {unchanged}, deactivated {gone}</translation>
    </message>
    <message>
        <source>{path}：不是 UTF-8 文本文件。</source>
        <translation>{path}: not a UTF-8 text file.</translation>
    </message>
    <message>
        <source>{reason}。</source>
        <translation>{reason}.</translation>
    </message>
    <message>
        <source>{records}有变更，尚未发送给县消协</source>
        <translation>{records} changed and not yet sent to the county association</translation>
    </message>
    <message>
        <source>{station} 的 {name}</source>
        <translation>{name} of {station}</translation>
    </message>
    <message>
        <source>{station}待核对的数据包由指纹 {theirs} 的密钥签名，与输入的 {typed} 不符；未确认任何密钥，请与服务站重新核对。</source>
        <translation>The waiting bundles of {station} are signed by the key with fingerprint {theirs}, not the {typed} entered; no key was confirmed. Check again with the station.</translation>
    </message>
    <message>
        <source>{station}：第 {numbers} 号数据包缺失</source>
        <translation>{station}: bundles missing: {numbers}</translation>
    </message>
    <message>
        <source>{status}的投诉不能直接{verb}，请先重新打开。</source>
        <translation>The complaint is “{status}”: reopen it before you {verb}.</translation>
    </message>
    <message>
        <source>{status}的投诉已经结束办理，不能{verb}。</source>
        <translation>The complaint is “{status}” and its handling has ended: you cannot {verb}.</translation>
    </message>
    <message>
        <source>{table} 的记录引用的 {parent} 记录（{uid}）既不在数据包中也不在本库中</source>
        <translation>a {table} record refers to a {parent} record ({uid}) found neither in the bundle nor in this database</translation>
    </message>
    <message>
        <source>{table} 第 {row} 行引用的 {parent} 记录不存在</source>
        <translation>row {row} of {table} refers to a {parent} record that does not exist</translation>
    </message>
    <message>
        <source>{texts}一并替换；日期、类别、金额、结果等统计数字保留。</source>
        <translation>{texts} are replaced too; dates, categories, amounts, outcomes and other figures are kept.</translation>
    </message>
    <message>
        <source>{url} 出示的证书（指纹 {shown}）不是名册登记的县消协证书，未上传；请与县消协核对。</source>
        <translation>{url} shows a certificate (fingerprint {shown}) that is not the county&apos;s certificate in the roster; nothing was uploaded. Check with the county.</translation>
    </message>
    <message>
        <source>{url} 的回答不是县消协上传服务的（HTTP {status}；可能需要先登录网络，或地址有误），稍后重试。</source>
        <translation>The answer from {url} is not the county upload service&apos;s (HTTP {status}; the network may need a sign-in, or the address is wrong); will retry.</translation>
    </message>
    <message>
        <source>{what}，不能为空</source>
        <translation>{what}, not empty</translation>
    </message>
    <message>
        <source>{what}，且须是代码表中的代码</source>
        <translation>{what}, and a code from the code list</translation>
    </message>
    <message>
        <source>“{column}”</source>
        <translation>“{column}”</translation>
    </message>
    <message>
        <source>“{column}”{reason}。</source>
        <translation>“{column}”: {reason}.</translation>
    </message>
    <message>
        <source>“{column}”不能超过 {limit} 个字。</source>
        <translation>“{column}” cannot be longer than {limit} characters.</translation>
    </message>
    <message>
        <source>“{column}”是以数字格式保存的长数字（{number}），末尾几位已丢失：请把该列设为文本格式后重新填写。</source>
        <translation>“{column}” is a long number saved in number format ({number}) and its last digits are lost: set the column to text format and type it again.</translation>
    </message>
    <message>
        <source>“{name}”不完整</source>
        <translation>&quot;{name}&quot; is truncated</translation>
    </message>
    <message>
        <source>“{name}”不是 Excel 文件，请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。</source>
        <translation>“{name}” is not an Excel file: open it in Excel or WPS, save it as .xlsx and import that.</translation>
    </message>
    <message>
        <source>“{name}”不是普通文件（是{kind}），未读取。</source>
        <translation>“{name}” is not an ordinary file (it is a {kind}); not read.</translation>
    </message>
    <message>
        <source>“{name}”不是普通文件，不能作为附件。</source>
        <translation>&quot;{name}&quot; is not an ordinary file and cannot be attached.</translation>
    </message>
    <message>
        <source>“{name}”中有一条记录过大</source>
        <translation>a record in &quot;{name}&quot; is too large</translation>
    </message>
    <message>
        <source>“{name}”中没有找到任何工作表，请检查文件后再导入。</source>
        <translation>No worksheets found in “{name}”: check the file and import it again.</translation>
    </message>
    <message>
        <source>“{name}”中没有找到名册内容：应有 {parts} 等工作表（或带这些表头的 CSV 文件）。</source>
        <translation>No roster found in “{name}”: it should have sheets such as {parts} (or CSV files with their headers).</translation>
    </message>
    <message>
        <source>“{name}”中没有数据。</source>
        <translation>“{name}” holds no data.</translation>
    </message>
    <message>
        <source>“{name}”中的“{part}”压缩比为 {ratio}:1，超过上限 {limit}:1（疑似压缩炸弹），未读取。</source>
        <translation>“{part}” in “{name}” is compressed {ratio}:1, over the limit of {limit}:1 (probably a zip bomb); not read.</translation>
    </message>
    <message>
        <source>“{name}”中的“{part}”声明的范围“{cell}”超出电子表格的上限（{rows} 行、{columns} 列），未读取。</source>
        <translation>“{part}” in “{name}” declares the range “{cell}”, beyond a spreadsheet&apos;s limits ({rows} rows, {columns} columns); not read.</translation>
    </message>
    <message>
        <source>“{name}”中的“{part}”有一段文字超过 {limit} 个字符的上限，未读取。</source>
        <translation>“{part}” in “{name}” holds a text longer than the limit of {limit} characters; not read.</translation>
    </message>
    <message>
        <source>“{name}”中的“{part}”的单元格延伸到 {cell}，超过上限（最多 {rows} 行、{columns} 列），未读取。</source>
        <translation>The cells of “{part}” in “{name}” reach {cell}, beyond the limit ({rows} rows, {columns} columns at most); not read.</translation>
    </message>
    <message>
        <source>“{name}”中的“{part}”的数据区域有 {area} 个单元格，超过上限 {limit} 个，未读取。</source>
        <translation>The data area of “{part}” in “{name}” has {area} cells, over the limit of {limit}; not read.</translation>
    </message>
    <message>
        <source>“{name}”中的“{part}”解压后有 {size} MB，超过上限 {limit} MB，未读取。</source>
        <translation>“{part}” in “{name}” is {size} MB uncompressed, over the limit of {limit} MB; not read.</translation>
    </message>
    <message>
        <source>“{name}”中的名册工作表只有表头，没有数据行。</source>
        <translation>The roster sheets in “{name}” have only headers and no data rows.</translation>
    </message>
    <message>
        <source>“{name}”包含 {count} 个内部文件，超过上限 {limit} 个，未读取。</source>
        <translation>“{name}” holds {count} files inside, over the limit of {limit}; not read.</translation>
    </message>
    <message>
        <source>“{name}”受密码保护，请去掉密码后另存再导入。</source>
        <translation>“{name}” is protected by a password: remove the password, save it again and import that.</translation>
    </message>
    <message>
        <source>“{name}”已损坏</source>
        <translation>&quot;{name}&quot; is damaged</translation>
    </message>
    <message>
        <source>“{name}”已损坏（校验失败）</source>
        <translation>&quot;{name}&quot; is damaged (the check failed)</translation>
    </message>
    <message>
        <source>“{name}”已损坏，无法读取，请重新保存或向发件人重新索取。</source>
        <translation>“{name}” is damaged and cannot be read: save it again, or ask the sender for a new copy.</translation>
    </message>
    <message>
        <source>“{name}”无法安全读取（{reason}），已停止读取，其他工作不受影响。</source>
        <translation>“{name}” cannot be read safely ({reason}); reading stopped, nothing else is affected.</translation>
    </message>
    <message>
        <source>“{name}”无法读取：{reason}。</source>
        <translation>“{name}” cannot be read: {reason}.</translation>
    </message>
    <message>
        <source>“{name}”是文件夹，不能作为附件；请选择文件夹里的文件。</source>
        <translation>&quot;{name}&quot; is a folder and cannot be attached; please choose a file inside it.</translation>
    </message>
    <message>
        <source>“{name}”是网页格式，不是 Excel 文件，请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。</source>
        <translation>“{name}” is a web page, not an Excel file: open it in Excel or WPS, save it as .xlsx and import that.</translation>
    </message>
    <message>
        <source>“{name}”有 {size} MB，超过上限 {limit} MB，未读取。</source>
        <translation>“{name}” is {size} MB, over the limit of {limit} MB; not read.</translation>
    </message>
    <message>
        <source>“{name}”的内容与清单不符（文件在途中被改动）</source>
        <translation>the content of &quot;{name}&quot; does not match the manifest (the file was changed on the way)</translation>
    </message>
    <message>
        <source>“{name}”的单元格超过上限 {limit} 个，未读取。</source>
        <translation>“{name}” has more cells than the limit of {limit}; not read.</translation>
    </message>
    <message>
        <source>“{name}”的压缩比异常（疑似压缩炸弹）</source>
        <translation>&quot;{name}&quot; has an abnormal compression ratio (suspected zip bomb)</translation>
    </message>
    <message>
        <source>“{name}”的大小与清单不符</source>
        <translation>the size of &quot;{name}&quot; does not match the manifest</translation>
    </message>
    <message>
        <source>“{name}”的记录数与清单不符</source>
        <translation>the number of records in &quot;{name}&quot; does not match the manifest</translation>
    </message>
    <message>
        <source>“{name}”第 {row} 行有一段文字超过 {limit} 个字符的上限，未读取。</source>
        <translation>Row {row} of “{name}” holds a text longer than the limit of {limit} characters; not read.</translation>
    </message>
    <message>
        <source>“{name}”解压后共 {size} MB，超过上限 {limit} MB，未读取。</source>
        <translation>“{name}” is {size} MB uncompressed in all, over the limit of {limit} MB; not read.</translation>
    </message>
    <message>
        <source>“{name}”解压后超过 {size} GB</source>
        <translation>&quot;{name}&quot; unpacks to more than {size} GB</translation>
    </message>
    <message>
        <source>“{name}”超过上限（最多 {rows} 行、{columns} 列、共 {cells} 个单元格），未读取。</source>
        <translation>“{name}” is beyond the limit ({rows} rows, {columns} columns, {cells} cells in all at most); not read.</translation>
    </message>
    <message>
        <source>“{name}”过大</source>
        <translation>&quot;{name}&quot; is too large</translation>
    </message>
    <message>
        <source>“{number}”以科学计数法显示，已丢失位数：请把该列设为文本后重新填写</source>
        <translation>“{number}” is shown in scientific notation and has lost digits: set the column to text and type the value again</translation>
    </message>
    <message>
        <source>“{part}”中同一条记录（{uid}）出现了两次</source>
        <translation>the same record ({uid}) appears twice in &quot;{part}&quot;</translation>
    </message>
    <message>
        <source>“{part}”第 {line} 行{problem}</source>
        <translation>line {line} of “{part}”: {problem}</translation>
    </message>
    <message>
        <source>“{part}”第 {line} 行的字段“{field}”无效：{problem}</source>
        <translation>line {line} of “{part}”: the field “{field}” is invalid: {problem}</translation>
    </message>
    <message>
        <source>“{path}”是文件夹，请另选一个文件名。</source>
        <translation>&quot;{path}&quot; is a folder; please choose a file name.</translation>
    </message>
    <message>
        <source>“{table}”中的记录 {uid} {reason}{owner}，{station}无权写入</source>
        <translation>record {uid} in “{table}” {reason} {owner}; {station} may not write it</translation>
    </message>
    <message>
        <source>“{table}”中的记录 {uid} 挂在{owner}的“{parent}”记录 {parent_uid} 下，{station}无权写入</source>
        <translation>record {uid} in “{table}” hangs under the “{parent}” record {parent_uid} of {owner}; {station} may not write it</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>《市场监督管理投诉举报处理办法》第十一条</source>
        <translation>Article 11 of the SAMR Measures for Handling Complaints and Reports</translation>
    </message>
    <message>
        <source>上传服务只在县消协（county 角色）的安装上运行；本机不是县消协。</source>
        <translation>The upload service runs only on a county installation (role county); this computer is not the county&apos;s.</translation>
    </message>
    <message>
        <source>上班</source>
        <translation>Workday</translation>
    </message>
    <message>
        <source>上级代码</source>
        <translation>Parent code</translation>
    </message>
    <message>
        <source>上门回访</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>下次调解日期不能早于本次。</source>
        <translation>The next mediation cannot be earlier than this one.</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <source>不支持“{name}”的文件格式（{suffix}），请另存为 .xlsx、.xls 或 .csv 后再导入。</source>
        <translation>The file format of “{name}” ({suffix}) is not supported: save it as .xlsx, .xls or .csv and import that.</translation>
    </message>
    <message>
        <source>不是 JSON 对象</source>
        <translation>not a JSON object</translation>
    </message>
    <message>
        <source>不是完整的数据包（文件已损坏或只复制了一部分）</source>
        <translation>not a complete bundle (the file is damaged or was only partly copied)</translation>
    </message>
    <message>
        <source>不是有效的 JSON（{error}）</source>
        <translation>not valid JSON ({error})</translation>
    </message>
    <message>
        <source>不是服务站数据包</source>
        <translation>not a station bundle</translation>
    </message>
    <message>
        <source>不能为空。</source>
        <translation>Must not be empty.</translation>
    </message>
    <message>
        <source>不能多于检测件数 checked</source>
        <translation>must not exceed the number checked (checked)</translation>
    </message>
    <message>
        <source>不能早于开始日期 started_on</source>
        <translation>cannot be earlier than the start date started_on</translation>
    </message>
    <message>
        <source>不能超过 {limit} 个字。</source>
        <translation>At most {limit} characters.</translation>
    </message>
    <message>
        <source>不认识的商品或服务类别“{text}”。</source>
        <translation>Unknown goods or service category &quot;{text}&quot;.</translation>
    </message>
    <message>
        <source>不认识的处理结果“{text}”。</source>
        <translation>Unknown outcome &quot;{text}&quot;.</translation>
    </message>
    <message>
        <source>不认识的投诉性质“{text}”。</source>
        <translation>Unknown complaint nature &quot;{text}&quot;.</translation>
    </message>
    <message>
        <source>不认识的渠道“{text}”。</source>
        <translation>Unknown channel &quot;{text}&quot;.</translation>
    </message>
    <message>
        <source>与 {url} 建立加密连接失败（{error}），稍后重试。</source>
        <translation>The encrypted connection to {url} failed ({error}); will retry.</translation>
    </message>
    <message>
        <source>与工作表“{other}”都是{part}，请合并为一个工作表。</source>
        <translation>This sheet and sheet “{other}” both hold {part}: merge them into one sheet.</translation>
    </message>
    <message>
        <source>与本机数据相比没有变化。</source>
        <translation>No change from the data on this computer.</translation>
    </message>
    <message>
        <source>与第 {row} 行重复（{key}），请删去一行或改正。</source>
        <translation>Repeats row {row} ({key}): delete one of the two rows or correct it.</translation>
    </message>
    <message>
        <source>与第 {row} 行重复（乡镇 {town}）。</source>
        <translation>Repeats row {row} (town {town}).</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>个人信息保存期限已设为 {years} 年。</source>
        <translation>Personal data are kept for {years} years.</translation>
    </message>
    <message>
        <source>个人信息的保存期限由各服务站执行，匿名化结果随数据包送达县消协；本机是县消协。</source>
        <translation>Each station applies the retention period and its anonymised records reach the county in bundles; this computer is the county&apos;s.</translation>
    </message>
    <message>
        <source>为站长账户设置密码：</source>
        <translation>Set the station head&apos;s password: </translation>
    </message>
    <message>
        <source>主要投诉性质是不认识的代码。</source>
        <translation>The primary nature has an unknown code.</translation>
    </message>
    <message>
        <source>举报登记</source>
        <translation>Reports of violations registered</translation>
    </message>
    <message>
        <source>举报转交市场监管部门</source>
        <translation>Reports passed to market regulation</translation>
    </message>
    <message>
        <source>乡镇代码</source>
        <translation>Town code</translation>
    </message>
    <message>
        <source>乡镇代码 {town} 不属于县级区划 {county}。</source>
        <translation>Town code {town} is not in county {county}.</translation>
    </message>
    <message>
        <source>乡镇级</source>
        <translation>township-level</translation>
    </message>
    <message>
        <source>乡镇（街道）</source>
        <translation>Town (subdistrict)</translation>
    </message>
    <message>
        <source>书面签字</source>
        <translation>Signed in writing</translation>
    </message>
    <message>
        <source>事由摘要</source>
        <translation>Summary of facts</translation>
    </message>
    <message>
        <source>事由摘要和商品/服务不能都为空。</source>
        <translation>Summary of facts and goods/service must not both be empty.</translation>
    </message>
    <message>
        <source>人</source>
        <translation>people</translation>
    </message>
    <message>
        <source>人数应在 1 到 {limit} 之间。</source>
        <translation>The number of people should be between 1 and {limit}.</translation>
    </message>
    <message>
        <source>人次</source>
        <translation>person-times</translation>
    </message>
    <message>
        <source>从宣传活动中删去</source>
        <translation>Taken off the event</translation>
    </message>
    <message>
        <source>从旧台账导入：{file} 第 {row} 行</source>
        <translation>Imported from the old register {file}, row {row}</translation>
    </message>
    <message>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>代码 {code}</source>
        <translation>code {code}</translation>
    </message>
    <message>
        <source>代码 {code} 在第 {row} 行的名称是“{name}”，与这里不同。</source>
        <translation>In row {row}, code {code} has the name “{name}”, which differs from this one.</translation>
    </message>
    <message>
        <source>代码“{code}”原属于“{parent}”，不能改属“{new_parent}”：代码不能改作他用，请另设新代码。</source>
        <translation>Code &quot;{code}&quot; belongs to &quot;{parent}&quot; and cannot move to &quot;{new_parent}&quot;: a code cannot be given a new meaning; please add a new code.</translation>
    </message>
    <message>
        <source>代码“{code}”只能由英文字母、数字和下划线组成。</source>
        <translation>Code &quot;{code}&quot; may only contain letters, digits and underscores.</translation>
    </message>
    <message>
        <source>代码“{code}”的上级代码“{parent}”在代码表“{title}”中不存在。</source>
        <translation>The parent code &quot;{parent}&quot; of code &quot;{code}&quot; is not in the code list &quot;{title}&quot;.</translation>
    </message>
    <message>
        <source>代码“{code}”的类别“{kind}”不是商品、服务或其他。</source>
        <translation>The kind &quot;{kind}&quot; of code &quot;{code}&quot; is not goods, service or other.</translation>
    </message>
    <message>
        <source>代码“{code}”的类别不能更改，请另设新代码。</source>
        <translation>The kind of code &quot;{code}&quot; cannot change; please add a new code.</translation>
    </message>
    <message>
        <source>代码表</source>
        <translation>Code lists</translation>
    </message>
    <message>
        <source>代码表“{title}”中代码“{code}”出现了两次。</source>
        <translation>Code &quot;{code}&quot; appears twice in the code list &quot;{title}&quot;.</translation>
    </message>
    <message>
        <source>代码表“{title}”中代码“{code}”缺少中文或英文名称。</source>
        <translation>Code &quot;{code}&quot; in the code list &quot;{title}&quot; has no Chinese or no English name.</translation>
    </message>
    <message>
        <source>代码表“{title}”中名称“{name}”已属于代码“{owner}”，不能再给代码“{code}”。</source>
        <translation>In the code list &quot;{title}&quot; the name &quot;{name}&quot; already belongs to code &quot;{owner}&quot; and cannot also go to code &quot;{code}&quot;.</translation>
    </message>
    <message>
        <source>代码表“{title}”中没有代码“{code}”。</source>
        <translation>The code list &quot;{title}&quot; has no code &quot;{code}&quot;.</translation>
    </message>
    <message>
        <source>代码表名</source>
        <translation>Code list</translation>
    </message>
    <message>
        <source>代码表文件 {path} 的内容不是“{name}”。</source>
        <translation>The code list file {path} does not hold &quot;{name}&quot;.</translation>
    </message>
    <message>
        <source>代码表的每一行都要有代码和名称。</source>
        <translation>Every row of a code list needs a code and a name.</translation>
    </message>
    <message>
        <source>以前月份登记、本期办理（结转）</source>
        <translation>Registered earlier, handled in the period (carried over)</translation>
    </message>
    <message>
        <source>件</source>
        <translation>cases</translation>
    </message>
    <message>
        <source>份</source>
        <translation>copies</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>作出不予受理决定</source>
        <comment>action verb</comment>
        <translation>decide not to accept it</translation>
    </message>
    <message>
        <source>使用了不支持的压缩方式</source>
        <translation>it uses an unsupported compression method</translation>
    </message>
    <message>
        <source>保存年限应为 {low} 至 {high} 年。</source>
        <translation>Keep for {low} to {high} years.</translation>
    </message>
    <message>
        <source>保存附件 {name} 失败：{reason}</source>
        <translation>Saving the attachment {name} failed: {reason}</translation>
    </message>
    <message>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <source>免费检测计量器具</source>
        <translation>Instruments checked free of charge</translation>
    </message>
    <message>
        <source>全文检索索引损坏：{error}</source>
        <translation>the full-text search index is damaged: {error}</translation>
    </message>
    <message>
        <source>共 {count} 条。</source>
        <translation>{count} entries.</translation>
    </message>
    <message>
        <source>其中不合格</source>
        <translation>of which failed</translation>
    </message>
    <message>
        <source>其中立案</source>
        <translation>of which a case was opened</translation>
    </message>
    <message>
        <source>其他商品和服务</source>
        <translation>Other goods and services</translation>
    </message>
    <message>
        <source>内部文件互相重叠（疑似压缩炸弹）</source>
        <translation>its entries overlap (suspected zip bomb)</translation>
    </message>
    <message>
        <source>再输入一次：</source>
        <translation>Again:</translation>
    </message>
    <message>
        <source>写入时与本库记录冲突（{error}）</source>
        <translation>it clashed with records in this database while writing ({error})</translation>
    </message>
    <message>
        <source>冲突 {id} 已处理过（保留了{kept}）。</source>
        <translation>Conflict {id} was already resolved (kept {kept}).</translation>
    </message>
    <message>
        <source>决定日期</source>
        <translation>Date of decision</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>删除举报记录须写明原因。</source>
        <translation>Say why the report of a violation is deleted.</translation>
    </message>
    <message>
        <source>删除宣传活动记录须写明原因。</source>
        <translation>Please give a reason for deleting the event record.</translation>
    </message>
    <message>
        <source>删除投诉须写明原因。</source>
        <translation>Please give a reason for deleting the complaint.</translation>
    </message>
    <message>
        <source>删除来访记录须写明原因。</source>
        <translation>Please give a reason for deleting the visit record.</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>办结</source>
        <comment>action verb</comment>
        <translation>close it</translation>
    </message>
    <message>
        <source>办结日期</source>
        <translation>Date closed</translation>
    </message>
    <message>
        <source>办结日期早于登记日期。</source>
        <translation>The closing date is before the registration date.</translation>
    </message>
    <message>
        <source>办结率</source>
        <translation>Closing rate</translation>
    </message>
    <message>
        <source>加倍赔偿(元)</source>
        <translation>Punitive compensation (yuan)</translation>
    </message>
    <message>
        <source>加倍赔偿不能为负数。</source>
        <translation>Punitive compensation cannot be negative.</translation>
    </message>
    <message>
        <source>加倍赔偿件数</source>
        <translation>Punitive compensation cases</translation>
    </message>
    <message>
        <source>加倍赔偿金额</source>
        <translation>Punitive compensation amount</translation>
    </message>
    <message>
        <source>加密内容已损坏或不完整</source>
        <translation>the encrypted content is damaged or incomplete</translation>
    </message>
    <message>
        <source>加密副本与原数据库不一致（{tables}），已放弃加密，原数据库未改动。</source>
        <translation>The encrypted copy differs from the database ({tables}); encryption was abandoned and the database left unchanged.</translation>
    </message>
    <message>
        <source>包含 {count} 个文件，超过上限 {limit}</source>
        <translation>it holds {count} files, more than the limit of {limit}</translation>
    </message>
    <message>
        <source>包含不认识的文件“{name}”</source>
        <translation>it holds an unknown file &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>包含加密的文件</source>
        <translation>it holds encrypted files</translation>
    </message>
    <message>
        <source>包含反斜杠路径“{name}”</source>
        <translation>it holds a path with backslashes &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>包含本程序不认识的数据表“{table}”，请先升级程序</source>
        <translation>it contains a table this program does not know (&quot;{table}&quot;); please upgrade the program first</translation>
    </message>
    <message>
        <source>包含清单未列出的文件“{name}”</source>
        <translation>it holds a file the manifest does not list: &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>包含绝对路径“{name}”</source>
        <translation>it holds an absolute path &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>包含越出目录的路径“{name}”</source>
        <translation>it holds a path escaping its folder &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>区划代码 {region} 不在名册的行政区划中，也不在本机区划中。</source>
        <translation>Region code {region} is neither in the roster&apos;s towns and villages nor among this computer&apos;s regions.</translation>
    </message>
    <message>
        <source>区划代码只能由数字组成。</source>
        <translation>A region code may only contain digits.</translation>
    </message>
    <message>
        <source>区划代码应为{wanted}位数字，现在是{count}位。</source>
        <translation>The region code should have {wanted} digits; it has {count}.</translation>
    </message>
    <message>
        <source>区划代码的前两位不是有效的省级代码，请核对。</source>
        <translation>The first two digits of the region code are not a valid province code; please check it.</translation>
    </message>
    <message>
        <source>区号应为3到4位（含开头的0），现在是{count}位。</source>
        <translation>The area code should have 3 to 4 digits (with the leading 0); it has {count}.</translation>
    </message>
    <message>
        <source>匿名</source>
        <translation>anonymous</translation>
    </message>
    <message>
        <source>协议内容过长。</source>
        <translation>The terms of the agreement are too long.</translation>
    </message>
    <message>
        <source>协议金额不能为负数。</source>
        <translation>The agreed amount cannot be negative.</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>县消协</source>
        <translation>the county association</translation>
    </message>
    <message>
        <source>县消协上传地址“{url}”无效：应以 http:// 或 https:// 开头。</source>
        <translation>The county upload address &quot;{url}&quot; is not valid: it starts with http:// or https://.</translation>
    </message>
    <message>
        <source>县消协上传地址“{value}”无效：应以 http:// 或 https:// 开头，如 https://xfx.example.cn:8443。</source>
        <translation>The county upload address &quot;{value}&quot; is not valid: it starts with http:// or https://, e.g. https://xfx.example.cn:8443.</translation>
    </message>
    <message>
        <source>县消协上传服务已启动：{url}</source>
        <translation>County upload service started: {url}</translation>
    </message>
    <message>
        <source>县消协加密公钥“{value}”无效：应为 age1 开头的 62 位公钥，请从县消协程序（station init --role county 的输出或服务站总览）原样复制。</source>
        <translation>The county encryption key &quot;{value}&quot; is not valid: it is a 62-character key starting with age1; copy it as the county&apos;s program shows it (the output of station init --role county, or the stations overview).</translation>
    </message>
    <message>
        <source>县消协加密公钥与本机已有的相同（指纹 {fingerprint}）。</source>
        <translation>The county encryption key is the one this computer has (fingerprint {fingerprint}).</translation>
    </message>
    <message>
        <source>县消协加密公钥：{recipient}（指纹 {fingerprint}），随名册下发给各服务站。</source>
        <translation>County encryption key: {recipient} (fingerprint {fingerprint}); it reaches the stations with the roster.</translation>
    </message>
    <message>
        <source>县消协只能查看、不能修改服务站的记录：{record}属于{station}，由该站办理。县消协的意见请写在“县消协备注”里，随回执发回该站。</source>
        <translation>The county may read but not change a station&apos;s records: {record} belongs to {station}, which handles it. Write the county&apos;s opinion as a county remark; it travels back to the station with the receipt.</translation>
    </message>
    <message>
        <source>县消协备注只能由县消协填写；本机是服务站。</source>
        <translation>Only the county writes county remarks; this computer is a station&apos;s.</translation>
    </message>
    <message>
        <source>县消协尚未收到第 {numbers} 号数据包，请重新送达。</source>
        <translation>Bundles the county has not received: {numbers}. Please deliver them again.</translation>
    </message>
    <message>
        <source>县消协工作人员</source>
        <translation>County clerk</translation>
    </message>
    <message>
        <source>县消协已收到</source>
        <translation>Received by the county</translation>
    </message>
    <message>
        <source>县消协已收到，待核对本站密钥指纹后导入；无需重新发送。</source>
        <translation>Received by the county; it is merged once the county has confirmed this station&apos;s key fingerprint. No need to send it again.</translation>
    </message>
    <message>
        <source>县消协拒收</source>
        <translation>Refused by the county</translation>
    </message>
    <message>
        <source>县消协收到的第 {numbers} 号数据包与本机记录的不同，请导出完整数据包（--full）送县消协。</source>
        <translation>Bundles the county received that differ from this computer&apos;s records: {numbers}. Please export a full bundle (--full) for the county.</translation>
    </message>
    <message>
        <source>县消协服务器内部错误，稍后会自动重试。</source>
        <translation>The county server had an internal error; will retry by itself.</translation>
    </message>
    <message>
        <source>县消协服务器回答 HTTP {status}。</source>
        <translation>The county server answered HTTP {status}.</translation>
    </message>
    <message>
        <source>县消协服务器没有这个数据包的记录，将重新上传。</source>
        <translation>The county server has no record of this bundle; it will be uploaded again.</translation>
    </message>
    <message>
        <source>县消协的 PostgreSQL 数据库不导出数据包：数据包由服务站从本机的数据库导出。</source>
        <translation>The county association&apos;s PostgreSQL database exports no bundles: bundles are exported by stations from their own database.</translation>
    </message>
    <message>
        <source>县消协的 PostgreSQL 数据库不生成演示数据：演示数据只生成在本机的数据库中。</source>
        <translation>No demo data is generated in the county association&apos;s PostgreSQL database: demo data is generated only in a database on this computer.</translation>
    </message>
    <message>
        <source>县消协的回执</source>
        <translation>the county&apos;s receipt</translation>
    </message>
    <message>
        <source>县消协的数据库在 PostgreSQL 服务器上（{url}）：请用 pg_dump 备份、用 PostgreSQL 自己的工具检查和恢复。</source>
        <translation>The county association&apos;s database is on a PostgreSQL server ({url}): back it up with pg_dump, and check and restore it with PostgreSQL&apos;s own tools.</translation>
    </message>
    <message>
        <source>县消协解密密钥文件 {path} 无法读取或已损坏；请从备份恢复。</source>
        <translation>The county decryption key file {path} cannot be read or is damaged; restore it from a backup.</translation>
    </message>
    <message>
        <source>县消协证书指纹“{fp}”无效：应为 64 位十六进制。</source>
        <translation>The county certificate fingerprint &quot;{fp}&quot; is not valid: it has 64 hexadecimal digits.</translation>
    </message>
    <message>
        <source>县消协证书指纹“{value}”无效：应为 64 位十六进制（可用冒号分隔）。</source>
        <translation>The county certificate fingerprint &quot;{value}&quot; is not valid: it has 64 hexadecimal digits (colons allowed).</translation>
    </message>
    <message>
        <source>县消协负责人</source>
        <translation>County head</translation>
    </message>
    <message>
        <source>县级</source>
        <translation>county-level</translation>
    </message>
    <message>
        <source>县级区划代码</source>
        <translation>County code</translation>
    </message>
    <message>
        <source>县级区划代码应为 6 位或 12 位数字。</source>
        <translation>The county region code should have 6 or 12 digits.</translation>
    </message>
    <message>
        <source>县级区划代码：{reason}</source>
        <translation>County code: {reason}</translation>
    </message>
    <message>
        <source>县（区）</source>
        <translation>County (district)</translation>
    </message>
    <message>
        <source>参加人数应在 0 到 {limit} 之间。</source>
        <translation>The number of attendees should be between 0 and {limit}.</translation>
    </message>
    <message>
        <source>发布日期：{reason}。</source>
        <translation>Issue date: {reason}.</translation>
    </message>
    <message>
        <source>发布渠道是不认识的代码。</source>
        <translation>The publishing channel is an unknown code.</translation>
    </message>
    <message>
        <source>发放宣传资料</source>
        <translation>Leaflets handed out</translation>
    </message>
    <message>
        <source>发放资料份数应在 0 到 {limit} 之间。</source>
        <translation>The number of leaflets should be between 0 and {limit}.</translation>
    </message>
    <message>
        <source>受委托站</source>
        <translation>Entrusted station</translation>
    </message>
    <message>
        <source>受委托站的文书以委托机关的名义出具：请先在“设置”中填写委托机关名称（或由县里在名册“服务站”表的“委托机关”列填写）。</source>
        <translation>An entrusted station issues its papers in the entrusting office&apos;s name: first enter the office&apos;s name in “Settings” (or the county fills in the Entrusting office column of the roster&apos;s Stations sheet).</translation>
    </message>
    <message>
        <source>受委托站的文书以委托机关的名义出具：请在“委托机关”列填写委托机关名称。</source>
        <translation>An entrusted station issues its papers in the entrusting office&apos;s name: enter the office&apos;s name in the Entrusting office column.</translation>
    </message>
    <message>
        <source>受委托站的文书以委托机关的名义出具：请填写委托机关名称，如 某某县市场监督管理局。</source>
        <translation>An entrusted station issues its papers in the entrusting office&apos;s name: enter the office&apos;s name, e.g. XX County Market Regulation Administration.</translation>
    </message>
    <message>
        <source>受理</source>
        <comment>action verb</comment>
        <translation>accept it</translation>
    </message>
    <message>
        <source>受理决定期限</source>
        <translation>Acceptance decision</translation>
    </message>
    <message>
        <source>受理投诉</source>
        <translation>Complaints accepted</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Date accepted</translation>
    </message>
    <message>
        <source>变更投诉请求</source>
        <translation>change of request</translation>
    </message>
    <message>
        <source>另有 {count} 个此前已确认。</source>
        <translation>Confirmed earlier: {count}.</translation>
    </message>
    <message>
        <source>另有 {count} 人还有较新的投诉或来访，暂不匿名化。</source>
        <translation>{count} more people have newer complaints or visits and are not anonymised yet.</translation>
    </message>
    <message>
        <source>另有 {count} 条记录本库已有相同或更新的版本，未改动。</source>
        <translation>Records left unchanged because this database already has the same or a newer version: {count}.</translation>
    </message>
    <message>
        <source>只有县消协可以写全县的分析报告（--county）。</source>
        <translation>Only the county association can write the county&apos;s report (--county).</translation>
    </message>
    <message>
        <source>只有县消协可以导出回执。</source>
        <translation>Only the county association can export receipts.</translation>
    </message>
    <message>
        <source>只有县消协（--role county）可以使用 PostgreSQL 数据库。</source>
        <translation>Only a county association (--role county) can use a PostgreSQL database.</translation>
    </message>
    <message>
        <source>只有县消协（county 角色）的安装可以导入数据包；本机是服务站。</source>
        <translation>Only a county association installation (county role) can import bundles; this one is a station.</translation>
    </message>
    <message>
        <source>只有县消协（county 角色）的安装可以核对服务站密钥。</source>
        <translation>Only a county installation (role county) confirms station keys.</translation>
    </message>
    <message>
        <source>只有受理后、调解中的投诉才能{verb}，这条投诉当前为“{status}”。</source>
        <translation>You can {verb} only for a complaint that is accepted or in mediation; this complaint is now “{status}”.</translation>
    </message>
    <message>
        <source>只有已办结的投诉才能回访，这条投诉当前为“{status}”。</source>
        <translation>Only a closed complaint can be followed up; this complaint is now “{status}”.</translation>
    </message>
    <message>
        <source>只有已办结的投诉才能重新打开，这条投诉当前为“{status}”。</source>
        <translation>Only a closed complaint can be reopened; this complaint is now “{status}”.</translation>
    </message>
    <message>
        <source>只有站长可以管理账户。</source>
        <translation>Only the station head manages accounts.</translation>
    </message>
    <message>
        <source>只有站长和县消协工作人员可以查看访问日志；{name}的角色是{role}。</source>
        <translation>Only the station head and the county association&apos;s staff may read the access log; {name}&apos;s role is {role}.</translation>
    </message>
    <message>
        <source>只有站长（县消协负责人）可以从备份恢复或修改本站信息；{name}的角色是{role}。</source>
        <translation>Only the station head (the county association&apos;s head) may restore from a backup or change the station&apos;s details; {name}&apos;s role is {role}.</translation>
    </message>
    <message>
        <source>只有站长（县消协负责人）可以处理他人的个人信息；{name}的角色是{role}。</source>
        <translation>Only the station head (the county association&apos;s head) may handle other people&apos;s personal data; {name}&apos;s role is {role}.</translation>
    </message>
    <message>
        <source>只有站长（县消协负责人）可以更改备份文件夹；{name}的角色是{role}。</source>
        <translation>Only the station head (the county association&apos;s head) may change the backup folder; {name}&apos;s role is {role}.</translation>
    </message>
    <message>
        <source>只有站长（县消协负责人）可以添加或停用联络员；{name}的角色是{role}。</source>
        <translation>Only the station head (the county association&apos;s head) may add or deactivate officers; {name}&apos;s role is {role}.</translation>
    </message>
    <message>
        <source>只有站长（县消协负责人）可以生成演示数据；{name}的角色是{role}。</source>
        <translation>Only the station head (the county association&apos;s head) may generate demonstration records; {name}&apos;s role is {role}.</translation>
    </message>
    <message>
        <source>只能导出为 .csv 或 .xlsx 文件：{file}</source>
        <translation>Export to a .csv or .xlsx file only: {file}</translation>
    </message>
    <message>
        <source>只能选择保留本库版本（mine）或服务站版本（theirs）。</source>
        <translation>Choose to keep either the county&apos;s version (mine) or the station&apos;s version (theirs).</translation>
    </message>
    <message>
        <source>合计核对不符：服务站有投诉 {their_count} 件、挽回损失 {their_yuan} 元，本库中为 {our_count} 件、{our_yuan} 元（可能有待审核的冲突）。</source>
        <translation>Control totals differ. Station: complaints {their_count}, money recovered {their_yuan} yuan; this database: complaints {our_count}, money recovered {our_yuan} yuan (there may be conflicts to review).</translation>
    </message>
    <message>
        <source>同一批代码中“{code}”出现了两次。</source>
        <translation>Code &quot;{code}&quot; appears twice in the same batch.</translation>
    </message>
    <message>
        <source>同一版本内容不同</source>
        <translation>Same version, different content</translation>
    </message>
    <message>
        <source>同意对象中有不认识的代码。</source>
        <translation>One of the recipients has an unknown code.</translation>
    </message>
    <message>
        <source>同意时间不能早于收到投诉的日期。</source>
        <translation>The time of consent cannot be earlier than the date the complaint was received.</translation>
    </message>
    <message>
        <source>同意时间不能晚于现在。</source>
        <translation>The time of consent cannot be later than now.</translation>
    </message>
    <message>
        <source>同意的内容不能超过 {limit} 个字。</source>
        <translation>What was agreed cannot be longer than {limit} characters.</translation>
    </message>
    <message>
        <source>名册“{file}”的错误清单（共 {count} 处）</source>
        <translation>Errors in roster “{file}” ({count} in all)</translation>
    </message>
    <message>
        <source>名册“{file}”：版本 {version}</source>
        <translation>Roster “{file}”: version {version}</translation>
    </message>
    <message>
        <source>名册中没有写版本号，导入后正在使用的名册版本不变。</source>
        <translation>The roster has no version number: the roster version in use stays as it is after the import.</translation>
    </message>
    <message>
        <source>名册中没有可导入的数据行。</source>
        <translation>The roster has no data rows that can be imported.</translation>
    </message>
    <message>
        <source>名册导入</source>
        <translation>roster import</translation>
    </message>
    <message>
        <source>名册带有县消协加密公钥（指纹 {fingerprint}），导入后本站的数据包将加密发给县消协；请与县消协核对指纹。</source>
        <translation>The roster carries the county&apos;s encryption key (fingerprint {fingerprint}); once imported, this station&apos;s bundles are encrypted to the county. Check the fingerprint with the county.</translation>
    </message>
    <message>
        <source>名册有 {count} 处结构错误，不能导入，请改正后重新发送。</source>
        <translation>The roster has structural errors ({count}) and cannot be imported: ask the county to correct it and send it again.</translation>
    </message>
    <message>
        <source>名册有 {count} 处错误（{rows} 行），未导入任何内容：请改正后重新导入，或选择跳过有错误的行。</source>
        <translation>The roster has errors (errors: {count}; rows affected: {rows}); nothing was imported. Correct them and import again, or choose to skip the rows with errors.</translation>
    </message>
    <message>
        <source>名册版本 {version} 早于正在使用的版本 {current}，未导入：如确需使用旧版本，请选择强制导入（--force）。</source>
        <translation>Roster version {version} is older than the version in use, {current}; not imported. If the older version is really needed, choose to force the import (--force).</translation>
    </message>
    <message>
        <source>名册版本“{version}”中没有数字，无法比较新旧。</source>
        <translation>Roster version “{version}” has no digits, so it cannot be compared with other versions.</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>名称“{name}”、所在村 {village}</source>
        <translation>name “{name}”, village {village}</translation>
    </message>
    <message>
        <source>名称不能超过 {limit} 个字。</source>
        <translation>The name cannot be longer than {limit} characters.</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>含有代码表中没有的代码</source>
        <translation>holds a code that is not in the code list</translation>
    </message>
    <message>
        <source>含有控制字符</source>
        <translation>contains a control character</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>告知日期不能早于终止调解的日期。</source>
        <translation>The notice date cannot be earlier than the date mediation ended.</translation>
    </message>
    <message>
        <source>告知日期不能晚于今天。</source>
        <translation>The notice date cannot be later than today.</translation>
    </message>
    <message>
        <source>命令行</source>
        <translation>command line</translation>
    </message>
    <message>
        <source>命名管道</source>
        <translation>named pipe</translation>
    </message>
    <message>
        <source>商品/服务</source>
        <translation>Goods/service</translation>
    </message>
    <message>
        <source>商品或服务名称不能超过 {limit} 个字。</source>
        <translation>The name of the goods or service cannot be longer than {limit} characters.</translation>
    </message>
    <message>
        <source>商品类</source>
        <translation>Goods</translation>
    </message>
    <message>
        <source>回复日期不能早于转办日期。</source>
        <translation>The date of the reply cannot be earlier than the date referred.</translation>
    </message>
    <message>
        <source>回执由服务站导入；本机是县消协。</source>
        <translation>Receipts are imported by stations; this installation is the county association.</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Followed up</translation>
    </message>
    <message>
        <source>回访</source>
        <comment>action verb</comment>
        <translation>record a follow-up</translation>
    </message>
    <message>
        <source>回访日期</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>回访日期不能早于办结日期。</source>
        <translation>The follow-up date cannot be earlier than the date closed.</translation>
    </message>
    <message>
        <source>回访期限</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>回访率</source>
        <translation>Follow-up rate</translation>
    </message>
    <message>
        <source>固定电话号码（区号后面的部分）应为7到8位。</source>
        <translation>A landline number (the part after the area code) should have 7 to 8 digits.</translation>
    </message>
    <message>
        <source>固定电话应为3到4位区号加7到8位号码，请核对。</source>
        <translation>A landline should be a 3 to 4 digit area code and a 7 to 8 digit number; please check it.</translation>
    </message>
    <message>
        <source>固定电话请带上以0开头的区号，例如 0791-88881234。</source>
        <translation>Please give a landline with its area code starting with 0, for example 0791-88881234.</translation>
    </message>
    <message>
        <source>在本库中属于</source>
        <translation>belongs here to</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>地址不能超过 {limit} 个字。</source>
        <translation>The address cannot be longer than {limit} characters.</translation>
    </message>
    <message>
        <source>场</source>
        <translation>events</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>备份到 {target} 失败（{reason}），原有数据和备份均未改动。</source>
        <translation>Backing up to {target} failed ({reason}); the data and the existing backups were not changed.</translation>
    </message>
    <message>
        <source>备份文件 {name} 已损坏：{problem}</source>
        <translation>The backup file {name} is damaged: {problem}</translation>
    </message>
    <message>
        <source>备份校验失败：{problem}</source>
        <translation>The backup failed its check: {problem}</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>备注不能超过 {limit} 个字。</source>
        <translation>A remark may not exceed {limit} characters.</translation>
    </message>
    <message>
        <source>大类/小类</source>
        <translation>Category/subcategory</translation>
    </message>
    <message>
        <source>套接字</source>
        <translation>socket</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>姓名不能超过 {limit} 个字。</source>
        <translation>The name cannot be longer than {limit} characters.</translation>
    </message>
    <message>
        <source>委托机关</source>
        <translation>Entrusting office</translation>
    </message>
    <message>
        <source>委托机关名称不能超过 {limit} 个字。</source>
        <translation>The entrusting office&apos;s name cannot be longer than {limit} characters.</translation>
    </message>
    <message>
        <source>季度“{text}”应写作 年份-Q季度，例如 2026-Q3。</source>
        <translation>Write the quarter &quot;{text}&quot; as year-Qn, e.g. 2026-Q3.</translation>
    </message>
    <message>
        <source>宣传活动参加人数</source>
        <translation>Event attendees</translation>
    </message>
    <message>
        <source>宣传活动场次</source>
        <translation>Education events</translation>
    </message>
    <message>
        <source>宣传活动现场咨询</source>
        <translation>Consultations at events</translation>
    </message>
    <message>
        <source>密码文件 {path} 不是 UTF-8 文本。</source>
        <translation>The password file {path} is not UTF-8 text.</translation>
    </message>
    <message>
        <source>密码文件 {path} 是空的。</source>
        <translation>The password file {path} is empty.</translation>
    </message>
    <message>
        <source>密码文件 {path} 过大，不像密码文件。</source>
        <translation>The password file {path} is too large to be a password file.</translation>
    </message>
    <message>
        <source>密码至少 {count} 个字符。</source>
        <translation>A password has at least {count} characters.</translation>
    </message>
    <message>
        <source>密码错误次数过多，请 {seconds} 秒后再试。</source>
        <translation>Too many wrong passwords; try again in {seconds} seconds.</translation>
    </message>
    <message>
        <source>密钥与本机数据库不符。</source>
        <translation>The key does not fit this computer&apos;s database.</translation>
    </message>
    <message>
        <source>密钥文件 {path} 已损坏，无法解锁数据库；请从备份恢复该文件。</source>
        <translation>The key file {path} is damaged and cannot unlock the database; restore it from a backup.</translation>
    </message>
    <message>
        <source>对应关系“{pair}”应写作 字段=列名 或 字段=列字母。</source>
        <translation>Write the mapping &quot;{pair}&quot; as field=column name or field=column letter.</translation>
    </message>
    <message>
        <source>对方案件编号不能超过 64 个字符。</source>
        <translation>Their case number cannot be longer than 64 characters.</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>导出12315移交表</source>
        <translation>Export for 12315</translation>
    </message>
    <message>
        <source>导出数据包</source>
        <translation>Bundle exported</translation>
    </message>
    <message>
        <source>导出未遮蔽台账</source>
        <translation>Unmasked ledger exported</translation>
    </message>
    <message>
        <source>导出本人信息</source>
        <translation>Export a person&apos;s records</translation>
    </message>
    <message>
        <source>尚未受理的投诉不能{verb}，请先作出受理决定。</source>
        <translation>The complaint has not been accepted yet: decide on acceptance before you {verb}.</translation>
    </message>
    <message>
        <source>履行方式不能超过 100 个字。</source>
        <translation>How the agreement is carried out cannot be longer than 100 characters.</translation>
    </message>
    <message>
        <source>履行日期不能早于协议签订日期。</source>
        <translation>The date carried out cannot be earlier than the date the agreement was signed.</translation>
    </message>
    <message>
        <source>履行日期不能晚于今天。</source>
        <translation>The date carried out cannot be later than today.</translation>
    </message>
    <message>
        <source>履行期限不能早于签订日期。</source>
        <translation>The deadline for carrying it out cannot be earlier than the date signed.</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>工作表“{sheet}”只有表头，没有数据行：{part}保持不变。</source>
        <translation>Sheet “{sheet}” has only a header and no data rows: {part} stay as they are.</translation>
    </message>
    <message>
        <source>工作表“{sheet}”第 {row} 行 {column} 列是错误值 {code}，请改正公式或填入实际内容。</source>
        <translation>Sheet “{sheet}”, row {row}, column {column} holds the error value {code}: correct the formula or type the real content.</translation>
    </message>
    <message>
        <source>工作表“{sheet}”第 {row} 行 {column} 列：{reason}</source>
        <translation>Sheet “{sheet}”, row {row}, column {column}: {reason}</translation>
    </message>
    <message>
        <source>工作表“{sheet}”第 {row} 行：{reason}</source>
        <translation>Sheet “{sheet}”, row {row}: {reason}</translation>
    </message>
    <message>
        <source>已上传</source>
        <translation>Uploaded</translation>
    </message>
    <message>
        <source>已写入 {path}（{n} 件投诉）</source>
        <translation>Written {path} ({n} complaints)</translation>
    </message>
    <message>
        <source>已匿名化 {complaints} 条投诉的 {people} 位当事人。</source>
        <translation>Anonymised {people} people of {complaints} complaints.</translation>
    </message>
    <message>
        <source>已取消导入；正在导入的文件未作任何改动。</source>
        <translation>Import cancelled; the file being imported was left unchanged.</translation>
    </message>
    <message>
        <source>已取消导出，没有写出数据包。</source>
        <translation>Export cancelled; no bundle was written.</translation>
    </message>
    <message>
        <source>已取消读取“{name}”。</source>
        <translation>Reading “{name}” was cancelled.</translation>
    </message>
    <message>
        <source>已导入 {n} 件历史投诉（已导入过 {already} 件，另编新号 {renumbered} 件）。</source>
        <translation>Imported {n} historical complaints ({already} imported before, {renumbered} given new numbers).</translation>
    </message>
    <message>
        <source>已导入{bundle}：其中记录均已在本库中，没有改动。</source>
        <translation>Imported {bundle}: all its records were already here; nothing changed.</translation>
    </message>
    <message>
        <source>已导入{bundle}：新增 {inserted} 条，更新 {replaced} 条。</source>
        <translation>Imported {bundle}: {inserted} new, {replaced} updated.</translation>
    </message>
    <message>
        <source>已导入{county}的回执：新确认送达 {count} 个数据包。</source>
        <translation>Imported the receipt of {county}. Bundles newly confirmed as delivered: {count}.</translation>
    </message>
    <message>
        <source>已导出 {file}，放入待上传队列。</source>
        <translation>Exported {file} and queued it for upload.</translation>
    </message>
    <message>
        <source>已强制导入旧版本 {version}（正在使用的是 {current}）。</source>
        <translation>Older version {version} imported by force (the version in use was {current}).</translation>
    </message>
    <message>
        <source>已忽略工作表“{sheet}”：不是名册的组成部分。</source>
        <translation>Sheet “{sheet}” ignored: it is not part of a roster.</translation>
    </message>
    <message>
        <source>已拒绝该密钥，删除了 {count} 个待核对的数据包。</source>
        <translation>Key rejected; {count} waiting bundles deleted.</translation>
    </message>
    <message>
        <source>已有一项检测鉴定尚未结束，请先登记它结束。</source>
        <translation>A testing or appraisal is still open: record its end first.</translation>
    </message>
    <message>
        <source>已登记{station}的签名密钥，指纹 {fingerprint}；请与服务站核对。</source>
        <translation>Registered the signing key of {station}, fingerprint {fingerprint}; please check it with the station.</translation>
    </message>
    <message>
        <source>已确认 {code} 的签名密钥。</source>
        <translation>The signing key of {code} is confirmed.</translation>
    </message>
    <message>
        <source>已终止调解的投诉不能{verb}；需要继续处理的，可以转办（如支持诉讼、诉调对接）。</source>
        <translation>Mediation of this complaint has ended: you cannot {verb}. If it needs more handling, refer it (for example lawsuit support or court-linked mediation).</translation>
    </message>
    <message>
        <source>已跳过“{sheet}”：它是图表或宏表，不是数据表。</source>
        <translation>Skipped “{sheet}”: it is a chart or macro sheet, not a data sheet.</translation>
    </message>
    <message>
        <source>已跳过隐藏的工作表“{sheet}”。</source>
        <translation>Skipped the hidden sheet “{sheet}”.</translation>
    </message>
    <message>
        <source>市场监管部门答复</source>
        <translation>Replies from market regulation</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>应为 0 或 1</source>
        <translation>should be 0 or 1</translation>
    </message>
    <message>
        <source>应为 1900–2099 年间的日期 YYYY-MM-DD</source>
        <translation>should be a date YYYY-MM-DD from 1900 to 2099</translation>
    </message>
    <message>
        <source>应为 1900–2099 年间的时间 YYYY-MM-DD HH:MM:SS</source>
        <translation>should be a time YYYY-MM-DD HH:MM:SS from 1900 to 2099</translation>
    </message>
    <message>
        <source>应为 32 位十六进制的记录标识</source>
        <translation>should be a record identifier of 32 hexadecimal digits</translation>
    </message>
    <message>
        <source>应为 32 位十六进制编号</source>
        <translation>must be a 32-digit hexadecimal number</translation>
    </message>
    <message>
        <source>应为 JSON 对象</source>
        <translation>should be a JSON object</translation>
    </message>
    <message>
        <source>应为 {low} 至 {high} 的整数</source>
        <translation>should be a whole number from {low} to {high}</translation>
    </message>
    <message>
        <source>应为不超过 {length} 字的文本</source>
        <translation>should be a text of at most {length} characters</translation>
    </message>
    <message>
        <source>应为以分计的金额（0 至 {high} 的整数）</source>
        <translation>should be an amount in fen (a whole number from 0 to {high})</translation>
    </message>
    <message>
        <source>应为列表</source>
        <translation>should be a list</translation>
    </message>
    <message>
        <source>应为十六进制</source>
        <translation>should be hexadecimal</translation>
    </message>
    <message>
        <source>应为十六进制数据</source>
        <translation>should be hexadecimal data</translation>
    </message>
    <message>
        <source>应为时间</source>
        <translation>should be a time</translation>
    </message>
    <message>
        <source>开始日期不能晚于今天。</source>
        <translation>The start date cannot be later than today.</translation>
    </message>
    <message>
        <source>开始日期应晚于上一项检测鉴定的结束日期。</source>
        <translation>The start date must be after the end of the previous testing or appraisal.</translation>
    </message>
    <message>
        <source>开始检测鉴定</source>
        <comment>action verb</comment>
        <translation>start testing or appraisal</translation>
    </message>
    <message>
        <source>当面口头</source>
        <translation>Orally in person</translation>
    </message>
    <message>
        <source>待上传的文件 {file} 已不在，请重新上传。</source>
        <translation>The queued file {file} is gone; upload again.</translation>
    </message>
    <message>
        <source>待核对：{station} 第 {seq} 号数据包（{file}），密钥指纹 {fingerprint}</source>
        <translation>Waiting: bundle {seq} of {station} ({file}), key fingerprint {fingerprint}</translation>
    </message>
    <message>
        <source>微信/网络</source>
        <translation>WeChat or online</translation>
    </message>
    <message>
        <source>微信回访</source>
        <translation>By WeChat</translation>
    </message>
    <message>
        <source>恢复失败（{reason}），当前数据未被替换。</source>
        <translation>Restoring failed ({reason}); the current data was not replaced.</translation>
    </message>
    <message>
        <source>恢复密钥文件 {path} 不是本县的恢复密钥，无法解锁。</source>
        <translation>The recovery key file {path} is not this county&apos;s recovery key and cannot unlock.</translation>
    </message>
    <message>
        <source>情形代码有重复</source>
        <translation>a ground code appears twice</translation>
    </message>
    <message>
        <source>所在乡镇代码</source>
        <translation>Town code</translation>
    </message>
    <message>
        <source>所在村代码</source>
        <translation>Village code</translation>
    </message>
    <message>
        <source>所属服务站编码</source>
        <translation>Station code</translation>
    </message>
    <message>
        <source>手机号码应为11位，现在是{count}位。</source>
        <translation>A mobile number should have 11 digits; it has {count}.</translation>
    </message>
    <message>
        <source>打印或保存文书</source>
        <translation>Paper printed or saved</translation>
    </message>
    <message>
        <source>找不到回执文件 {path}。</source>
        <translation>Receipt file {path} not found.</translation>
    </message>
    <message>
        <source>找不到备份文件 {path}。</source>
        <translation>The backup file {path} was not found.</translation>
    </message>
    <message>
        <source>找不到文件</source>
        <translation>file not found</translation>
    </message>
    <message>
        <source>找不到编号为 {id} 的冲突记录。</source>
        <translation>There is no conflict number {id}.</translation>
    </message>
    <message>
        <source>找不到该文件或文件夹</source>
        <translation>the file or folder could not be found</translation>
    </message>
    <message>
        <source>找不到这位联络员，可能已被删除。</source>
        <translation>This officer was not found; they may have been deleted.</translation>
    </message>
    <message>
        <source>投诉 {number}</source>
        <translation>complaint {number}</translation>
    </message>
    <message>
        <source>投诉 {number} 已被他人修改，请关闭后重新打开再改。</source>
        <translation>Complaint {number} was changed by someone else; please close it and open it again before editing.</translation>
    </message>
    <message>
        <source>投诉、调解和协议文字中的姓名、电话、身份证号</source>
        <translation>names, phones and ID numbers in complaint, mediation and agreement texts</translation>
    </message>
    <message>
        <source>投诉事由不能超过 {limit} 个字。</source>
        <translation>The facts cannot be longer than {limit} characters.</translation>
    </message>
    <message>
        <source>投诉人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>投诉人{names}{more}尚未同意向{recipient}提供其个人信息：请先登记同意，再{doing}。</source>
        <translation>Not every complainant has agreed that their personal information may go to {recipient} (still missing: {names}{more}). Record the consent first, then {doing}.</translation>
    </message>
    <message>
        <source>投诉人{names}{more}尚未同意向被投诉方提供其个人信息：请先登记同意，再{doing}。</source>
        <translation>Not every complainant has agreed that their personal information may go to the business (still missing: {names}{more}). Record the consent first, then {doing}.</translation>
    </message>
    <message>
        <source>投诉人{names}未同意向12315提供个人信息。</source>
        <translation>Complainant {names} has not agreed to their details going to 12315.</translation>
    </message>
    <message>
        <source>投诉人{name}在 {date} 对{respondent}的投诉 {number} 已经{status}，{days} 天内又来投诉，请核实是否为同一纠纷、重复登记。</source>
        <translation>Complainant {name} complained about {respondent} on {date} (complaint {number}, {status}) and complains again within {days} days: check whether it is the same dispute registered twice.</translation>
    </message>
    <message>
        <source>投诉人{name}对{respondent}的投诉 {number} 尚未办结（{status}），这起纠纷可能已在处理，请核实是否重复登记。</source>
        <translation>Complaint {number} by {name} against {respondent} is not closed yet ({status}); this dispute may already be in hand. Please check that it is not registered twice.</translation>
    </message>
    <message>
        <source>投诉当前为“{status}”，不能{verb}。</source>
        <translation>The complaint is now “{status}”: you cannot {verb}.</translation>
    </message>
    <message>
        <source>投诉性质</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>投诉性质中有不认识的代码。</source>
        <translation>The natures of complaint include an unknown code.</translation>
    </message>
    <message>
        <source>报告说明不能超过 {limit} 个字。</source>
        <translation>The report&apos;s text may not exceed {limit} characters.</translation>
    </message>
    <message>
        <source>指纹应为 32 位十六进制字符（可分组书写），请核对后重新输入。</source>
        <translation>A fingerprint is 32 hexadecimal characters (groups allowed); please check it and type it again.</translation>
    </message>
    <message>
        <source>按 Ctrl-C 停止。</source>
        <translation>Press Ctrl-C to stop.</translation>
    </message>
    <message>
        <source>按商品和服务大类</source>
        <translation>By goods and service category</translation>
    </message>
    <message>
        <source>按投诉性质（主要性质）</source>
        <translation>By nature (primary nature)</translation>
    </message>
    <message>
        <source>挽回经济损失(元)</source>
        <translation>Losses recovered (yuan)</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>收到举报的时间不能晚于现在。</source>
        <translation>The time the report was received cannot be in the future.</translation>
    </message>
    <message>
        <source>收到县消协备注 {count} 条。</source>
        <translation>{count} county remarks received.</translation>
    </message>
    <message>
        <source>放假</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <source>数据包不完整：只收到 {got} 字节，应为 {size} 字节，未接收。</source>
        <translation>The bundle is incomplete: {got} of {size} bytes received; not accepted.</translation>
    </message>
    <message>
        <source>数据包比声明的大小（{size} 字节）更大，未接收。</source>
        <translation>The bundle is larger than the size declared ({size} bytes); not accepted.</translation>
    </message>
    <message>
        <source>数据包由服务站上传；本机是县消协。</source>
        <translation>Bundles are uploaded by stations; this computer is the county&apos;s.</translation>
    </message>
    <message>
        <source>数据包的校验值与声明的不符（传输中损坏或不完整），未接收。</source>
        <translation>The bundle&apos;s checksum does not match the one declared (damaged or incomplete on the way); not accepted.</translation>
    </message>
    <message>
        <source>数据包过大（{size} MB），县消协服务器最多接收 {limit} MB，未接收。</source>
        <translation>The bundle is too large ({size} MB); the county server takes at most {limit} MB; not accepted.</translation>
    </message>
    <message>
        <source>数据库地址 {url} 不完整：应为 postgresql://用户@主机:端口/数据库名</source>
        <translation>The database address {url} is incomplete: it must be postgresql://user@host:port/database</translation>
    </message>
    <message>
        <source>数据库地址中不能包含密码：请去掉地址中的密码，改用 --database-password-file 或 PGPASSFILE。</source>
        <translation>The database address must not contain a password: remove it from the address and use --database-password-file or PGPASSFILE.</translation>
    </message>
    <message>
        <source>数据库已加密：请用 --password-file 指定密码文件，或在提示时输入密码。</source>
        <translation>The database is encrypted: give a password file with --password-file, or type the password when asked.</translation>
    </message>
    <message>
        <source>数据库设置文件 {path} 无法读取（{error}）。</source>
        <translation>The database settings file {path} cannot be read ({error}).</translation>
    </message>
    <message>
        <source>无法使用证书 {file}：{reason}</source>
        <translation>Cannot use the certificate {file}: {reason}</translation>
    </message>
    <message>
        <source>无法写入文件 {path}：{reason}</source>
        <translation>Cannot write {path}: {reason}</translation>
    </message>
    <message>
        <source>无法加密数据包（{reason}）。</source>
        <translation>Cannot encrypt the bundle ({reason}).</translation>
    </message>
    <message>
        <source>无法读取密码文件 {path}：{error}</source>
        <translation>Cannot read the password file {path}: {error}</translation>
    </message>
    <message>
        <source>无法读取密钥文件 {path}：{error}</source>
        <translation>Cannot read the key file {path}: {error}</translation>
    </message>
    <message>
        <source>无法读取恢复密钥文件 {path}：{error}</source>
        <translation>Cannot read the recovery key file {path}: {error}</translation>
    </message>
    <message>
        <source>无法连接县消协服务器 {url}（没有网络或服务器未开），稍后重试。</source>
        <translation>Cannot reach the county server {url} (no network, or the server is off); will retry.</translation>
    </message>
    <message>
        <source>无法连接县消协的数据库 {url}：{error}</source>
        <translation>Cannot connect to the county association&apos;s database {url}: {error}</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>时间“{time}”不存在，请检查时和分</source>
        <translation>The time “{time}” does not exist; check the hours and minutes</translation>
    </message>
    <message>
        <source>服务站版本的记录（{uid}）不属于{station}，无法采用。</source>
        <translation>The station&apos;s version of record {uid} does not belong to {station} and cannot be taken.</translation>
    </message>
    <message>
        <source>未知的角色：{role}</source>
        <translation>Unknown role: {role}</translation>
    </message>
    <message>
        <source>未设置县消协上传地址：请导入带有“县消协上传地址”的名册，或用 --url 指定（如 https://xfx.example.cn:8443）。</source>
        <translation>No county upload address: import a roster that names it, or give --url (e.g. https://xfx.example.cn:8443).</translation>
    </message>
    <message>
        <source>本库已有该站未脱敏的数据，脱敏数据包不会覆盖它们</source>
        <translation>this database holds the station&apos;s unmasked data, which a masked bundle never overwrites</translation>
    </message>
    <message>
        <source>本机已设有账户，请用已有账户登录。</source>
        <translation>This computer has accounts already; sign in with one.</translation>
    </message>
    <message>
        <source>本机数据库没有加密，还没有账户。</source>
        <translation>This computer&apos;s database is not encrypted and has no accounts yet.</translation>
    </message>
    <message>
        <source>本机没有县消协解密密钥（{path}），无法打开加密的数据包；请从备份恢复该文件（重新生成则服务站须换用新公钥）。</source>
        <translation>This computer has no county decryption key ({path}) and cannot open encrypted bundles; restore that file from a backup (a new one would mean new keys for every station).</translation>
    </message>
    <message>
        <source>本机还没有任何账户，请先设置站长账户。</source>
        <translation>This computer has no account yet; set up the station head&apos;s account first.</translation>
    </message>
    <message>
        <source>本程序未带 PostgreSQL 驱动（psycopg），无法连接县消协的数据库 {url}。</source>
        <translation>This program has no PostgreSQL driver (psycopg) and cannot connect to the county association&apos;s database {url}.</translation>
    </message>
    <message>
        <source>本站没有身份证号或电话为 {who} 的当事人。</source>
        <translation>This station has nobody with the ID number or phone {who}.</translation>
    </message>
    <message>
        <source>本站还没有县消协恢复密钥的备份（名册尚未带来县消协公钥），无法用恢复密钥重置。</source>
        <translation>This station has no copy of its key for the county&apos;s recovery key yet (no roster has brought the county&apos;s key), so the recovery key cannot reset it.</translation>
    </message>
    <message>
        <source>本站还没有县消协的加密公钥（随县消协的名册下发），含个人信息的数据包不能明文导出；请先导入县消协的最新名册，或导出脱敏数据包（station bundle export --masked）。</source>
        <translation>This station does not have the county&apos;s encryption key yet (it comes with the county&apos;s roster), and bundles with personal data cannot be exported in clear: import the county&apos;s latest roster first, or export a masked bundle (station bundle export --masked).</translation>
    </message>
    <message>
        <source>来站回访</source>
        <translation>At the station</translation>
    </message>
    <message>
        <source>查看完整个人信息</source>
        <translation>Personal information seen in full</translation>
    </message>
    <message>
        <source>检定、检验、检测</source>
        <translation>Testing or inspection</translation>
    </message>
    <message>
        <source>检测件数应在 0 到 {limit} 之间。</source>
        <translation>The number checked must be between 0 and {limit}.</translation>
    </message>
    <message>
        <source>此前以脱敏数据收到的 {count} 条记录，已换成这次收到的完整数据。</source>
        <translation>{count} records received masked before were replaced by the full data received now.</translation>
    </message>
    <message>
        <source>此同步包不是发给本县消协的：{file} 是用另一个公钥加密的（服务站的名册可能是别的县的，或已过期），本机无法解密，未导入。</source>
        <translation>This bundle is not for this county: {file} is encrypted to another key (the station&apos;s roster may be another county&apos;s, or outdated); it cannot be decrypted here and was not imported.</translation>
    </message>
    <message>
        <source>没有“{kind}”这类访问；可选：{kinds}。</source>
        <translation>There is no access kind &quot;{kind}&quot;; choose from: {kinds}.</translation>
    </message>
    <message>
        <source>没有名为“{name}”的台账字段。</source>
        <translation>There is no register field named &quot;{name}&quot;.</translation>
    </message>
    <message>
        <source>没有待上传的数据包。</source>
        <translation>No bundle waits for upload.</translation>
    </message>
    <message>
        <source>没有登录名为 {login} 的账户。</source>
        <translation>There is no account with the login {login}.</translation>
    </message>
    <message>
        <source>消费提示次数</source>
        <translation>Consumer tips</translation>
    </message>
    <message>
        <source>消费警示和提示覆盖人数</source>
        <translation>People reached by warnings and tips</translation>
    </message>
    <message>
        <source>涉及金额(元)</source>
        <translation>Amount involved (yuan)</translation>
    </message>
    <message>
        <source>清单内容不完整或无效（{field}）</source>
        <translation>the manifest is incomplete or invalid ({field})</translation>
    </message>
    <message>
        <source>挽回经济损失</source>
        <translation>Money recovered</translation>
    </message>
    <message>
        <source>挽回经济损失不能为负数。</source>
        <translation>Money recovered cannot be negative.</translation>
    </message>
    <message>
        <source>接收单位名称不能超过 200 个字。</source>
        <translation>The receiving body&apos;s name cannot be longer than 200 characters.</translation>
    </message>
    <message>
        <source>撤回</source>
        <comment>action verb</comment>
        <translation>withdraw it</translation>
    </message>
    <message>
        <source>撤回投诉</source>
        <translation>withdrawal of the complaint</translation>
    </message>
    <message>
        <source>撤回日期</source>
        <translation>Date withdrawn</translation>
    </message>
    <message>
        <source>撤回时间不能早于同意时间。</source>
        <translation>The time of withdrawal cannot be earlier than the time of consent.</translation>
    </message>
    <message>
        <source>支持诉讼</source>
        <translation>Lawsuit support</translation>
    </message>
    <message>
        <source>收到日期 {received} 早于已知的投诉处理规则（最早自 {earliest} 起施行）：请核对收到日期。</source>
        <translation>The date received, {received}, is earlier than any known complaint-handling rules (the earliest apply from {earliest}): please check the date received.</translation>
    </message>
    <message>
        <source>收到较旧的版本但修改时间更晚</source>
        <translation>Older version, but edited later</translation>
    </message>
    <message>
        <source>数据包来自数据库版本 {schema}，高于本程序的 {latest}，请先升级程序</source>
        <translation>the bundle comes from database version {schema}, newer than this program&apos;s {latest}; please upgrade the program first</translation>
    </message>
    <message>
        <source>数据包格式版本为 {version}，本程序只认识到 {known}，请先升级程序</source>
        <translation>the bundle format version is {version}, this program reads up to {known}; please upgrade the program first</translation>
    </message>
    <message>
        <source>数据库已备份为 {name}，但复制证据文件时失败（{reason}），请换一个有足够空间的位置再备份一次。</source>
        <translation>The database was backed up as {name}, but copying the evidence files failed ({reason}); please back up again to a place with enough space.</translation>
    </message>
    <message>
        <source>数据库文件 {path} 已损坏或不是本程序的数据库（{error}），请用 station restore 从备份恢复。</source>
        <translation>The database file {path} is damaged or is not a database of this program ({error}); please restore it from a backup with station restore.</translation>
    </message>
    <message>
        <source>数据库文件无法读取（{error}）</source>
        <translation>the database file cannot be read ({error})</translation>
    </message>
    <message>
        <source>数据库检查发现问题（{problem}），已停止导出，没有写出数据包；请先运行 station check。</source>
        <translation>The database check found a problem ({problem}); the export stopped and no bundle was written. Please run station check first.</translation>
    </message>
    <message>
        <source>数据库版本为 {found}，高于本程序支持的 {supported}：请安装新版程序后再打开，数据未作任何改动。</source>
        <translation>The database is version {found}, newer than version {supported} this program supports: please install the newer program and open it again. Nothing in the data was changed.</translation>
    </message>
    <message>
        <source>文件夹</source>
        <translation>folder</translation>
    </message>
    <message>
        <source>文件夹“{folder}”中没有 .xlsx、.xls 或 .csv 文件。</source>
        <translation>Folder “{folder}” has no .xlsx, .xls or .csv files.</translation>
    </message>
    <message>
        <source>文件已损坏（校验和不符，可能在复制或传送中出错）</source>
        <translation>the file is damaged (checksum mismatch, probably a copying or transfer error)</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>无法使用文件夹 {folder}：{reason}</source>
        <translation>Cannot use the folder {folder}: {reason}</translation>
    </message>
    <message>
        <source>无法写入 {folder}：{reason}</source>
        <translation>Cannot write to {folder}: {reason}</translation>
    </message>
    <message>
        <source>无法写入文件 {path}：{error}</source>
        <translation>Cannot write the file {path}: {error}</translation>
    </message>
    <message>
        <source>无法写出回执到 {folder}：{reason}</source>
        <translation>Cannot write the receipt to {folder}: {reason}</translation>
    </message>
    <message>
        <source>无法写出数据包 {file}：{reason}</source>
        <translation>Cannot write the bundle {file}: {reason}</translation>
    </message>
    <message>
        <source>无法启动读取进程：{reason}</source>
        <translation>the reading process cannot start: {reason}</translation>
    </message>
    <message>
        <source>无法打开“{name}”：{reason}。</source>
        <translation>Cannot open “{name}”: {reason}.</translation>
    </message>
    <message>
        <source>无法把附件 {name} 保存到 {path}：{reason}</source>
        <translation>Cannot save the attachment {name} to {path}: {reason}</translation>
    </message>
    <message>
        <source>无法识别“{name}”的文字编码，请另存为 UTF-8 或 GBK 编码的 CSV 再导入。</source>
        <translation>The text encoding of “{name}” is not recognised: save it as a UTF-8 or GBK CSV file and import that.</translation>
    </message>
    <message>
        <source>无法识别日期“{date}”，请写成 2020-01-01 这样的格式</source>
        <translation>date “{date}” not recognised: write it like 2020-01-01</translation>
    </message>
    <message>
        <source>无法读取附件 {name}：{reason}</source>
        <translation>Cannot read the attachment {name}: {reason}</translation>
    </message>
    <message>
        <source>无法读取（{reason}）</source>
        <translation>cannot be read ({reason})</translation>
    </message>
    <message>
        <source>无法采用服务站版本：与本库另一条记录冲突（{error}）。</source>
        <translation>Cannot use the station&apos;s version: it clashes with another record here ({error}).</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>日期 {day}</source>
        <translation>date {day}</translation>
    </message>
    <message>
        <source>日期“{date}”不存在，请检查年月日</source>
        <translation>date “{date}” does not exist: check the year, month and day</translation>
    </message>
    <message>
        <source>日期序号“{serial}”对应 1900年2月29日，这一天不存在</source>
        <translation>date serial number “{serial}” means 29 February 1900, a day that does not exist</translation>
    </message>
    <message>
        <source>日期序号“{serial}”超出范围，请写成 2020-01-01 这样的格式</source>
        <translation>date serial number “{serial}” is out of range: write the date like 2020-01-01</translation>
    </message>
    <message>
        <source>时限“{kind}”的 day_kind 应为 working 或 calendar</source>
        <translation>the day_kind of time limit “{kind}” must be working or calendar</translation>
    </message>
    <message>
        <source>时限“{kind}”的天数应为正整数</source>
        <translation>the days of time limit “{kind}” must be a positive whole number</translation>
    </message>
    <message>
        <source>时限“{kind}”的起算事件“{start}”未知</source>
        <translation>the start event “{start}” of time limit “{kind}” is unknown</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>有本表没有的字段“{field}”</source>
        <translation>has a field “{field}” this table does not have</translation>
    </message>
    <message>
        <source>服务站</source>
        <translation>Stations</translation>
    </message>
    <message>
        <source>服务站 {station} 不在本名册的“服务站”表中。</source>
        <translation>Station {station} is not in this roster&apos;s Stations sheet.</translation>
    </message>
    <message>
        <source>服务站 {station} 在“服务站”表中的那一行有错误。</source>
        <translation>The row of station {station} in the Stations sheet has errors.</translation>
    </message>
    <message>
        <source>服务站名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <source>服务站名称不能超过 {limit} 个字。</source>
        <translation>The station name cannot be longer than {limit} characters.</translation>
    </message>
    <message>
        <source>服务站有 {count} 个附件文件缺失，未随数据包送来。</source>
        <translation>Attachment files missing at the station and not sent with the bundle: {count}.</translation>
    </message>
    <message>
        <source>服务站版本</source>
        <translation>the station&apos;s version</translation>
    </message>
    <message>
        <source>服务站版本引用的记录（{uid}）不在本库中，无法采用。</source>
        <translation>The station&apos;s version refers to a record ({uid}) that is not in this database; it cannot be used.</translation>
    </message>
    <message>
        <source>服务站类型</source>
        <translation>Station kind</translation>
    </message>
    <message>
        <source>服务站类型“{value}”不认识：应为 {names}。</source>
        <translation>Station kind “{value}” is not recognised: it should be {names}.</translation>
    </message>
    <message>
        <source>服务站编码</source>
        <translation>Station code</translation>
    </message>
    <message>
        <source>服务站编码 {code}</source>
        <translation>station code {code}</translation>
    </message>
    <message>
        <source>服务站编码须为 2–32 位字母、数字或下划线，例如 TJ001。</source>
        <translation>The station code must be 2 to 32 letters, digits or underscores, for example TJ001.</translation>
    </message>
    <message>
        <source>服务类</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>未注明</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>未知的时限类型“{kind}”</source>
        <translation>unknown time limit “{kind}”</translation>
    </message>
    <message>
        <source>未知的条款用途“{purpose}”</source>
        <translation>unknown citation purpose “{purpose}”</translation>
    </message>
    <message>
        <source>本库版本</source>
        <translation>the county&apos;s version</translation>
    </message>
    <message>
        <source>本数据目录已设置为服务站 {code}（{name}），不能改为 {new_code}。</source>
        <translation>This data folder is already set up for station {code} ({name}) and cannot change to {new_code}.</translation>
    </message>
    <message>
        <source>本服务站尚未设置：请先运行 station init 或在窗口中完成首次设置。</source>
        <translation>This station is not set up yet: run station init first, or finish the first-time setup in the window.</translation>
    </message>
    <message>
        <source>本机没有编码为 {station} 的服务站。</source>
        <translation>This computer has no station with code {station}.</translation>
    </message>
    <message>
        <source>本程序没有数据表 {table}，无法采用服务站版本。</source>
        <translation>This program has no table {table}; the station&apos;s version cannot be used.</translation>
    </message>
    <message>
        <source>本站已有在岗的联络员“{name}”。</source>
        <translation>This station already has an active officer named &quot;{name}&quot;.</translation>
    </message>
    <message>
        <source>本站是联络站，只登记投诉并转交市场监督管理部门，不出具{title}。</source>
        <translation>This station is a liaison point: it only registers complaints and passes them to market regulation, and does not issue the {title}.</translation>
    </message>
    <message>
        <source>本站是联络站：只登记投诉并转交市场监督管理部门处理，不作受理或不予受理决定，也不组织调解。请用“转办”把这条投诉转给市场监管部门。</source>
        <translation>This station is a liaison point: it only registers complaints and passes them to market regulation; it neither accepts nor refuses complaints and holds no mediation. Use “Refer” to pass this complaint to market regulation.</translation>
    </message>
    <message>
        <source>本站类型由县里的名册规定为“{kind}”，不能在这里更改；如有错误，请县里改正名册后重新下发。</source>
        <translation>The county&apos;s roster sets this station&apos;s kind to “{kind}”; it cannot be changed here. If it is wrong, the county must correct the roster and send it again.</translation>
    </message>
    <message>
        <source>村代码</source>
        <translation>Village code</translation>
    </message>
    <message>
        <source>村代码 {village}</source>
        <translation>village code {village}</translation>
    </message>
    <message>
        <source>村代码 {village} 不在名册的行政区划中，也不在本机区划中。</source>
        <translation>Village code {village} is neither in the roster&apos;s towns and villages nor among this computer&apos;s regions.</translation>
    </message>
    <message>
        <source>村代码 {village} 的前 9 位与乡镇代码 {town} 不一致。</source>
        <translation>The first 9 digits of village code {village} do not match town code {town}.</translation>
    </message>
    <message>
        <source>村级</source>
        <translation>village-level</translation>
    </message>
    <message>
        <source>村（社区）</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <source>条款“{purpose}”应写明 article</source>
        <translation>the citation “{purpose}” should give its article</translation>
    </message>
    <message>
        <source>来访咨询</source>
        <translation>Visits and consultations</translation>
    </message>
    <message>
        <source>来访咨询人次</source>
        <translation>Visitors</translation>
    </message>
    <message>
        <source>来访时间不能晚于现在。</source>
        <translation>The time of the visit cannot be later than now.</translation>
    </message>
    <message>
        <source>格式版本应为 {wanted}，实际为 {found}</source>
        <translation>the format version must be {wanted}, not {found}</translation>
    </message>
    <message>
        <source>检测鉴定机构名称不能超过 200 个字。</source>
        <translation>The institution&apos;s name cannot be longer than 200 characters.</translation>
    </message>
    <message>
        <source>检测鉴定的开始日期不能早于受理日期。</source>
        <translation>Testing or appraisal cannot start before the complaint was accepted.</translation>
    </message>
    <message>
        <source>检测鉴定的结束日期 {end} 早于开始日期 {begin}：请核对。</source>
        <translation>The testing or appraisal ends on {end}, before it starts on {begin}: please check.</translation>
    </message>
    <message>
        <source>次</source>
        <translation>times</translation>
    </message>
    <message>
        <source>每种时限（accept、mediation、termination_notice、follow_up）应当恰好出现一次</source>
        <translation>each time limit (accept, mediation, termination_notice, follow_up) must appear exactly once</translation>
    </message>
    <message>
        <source>没有可用的投诉处理规则：程序文件不完整，请重新安装。</source>
        <translation>No complaint-handling rules are available: the program files are incomplete. Please reinstall.</translation>
    </message>
    <message>
        <source>没有名为“{name}”的代码表。</source>
        <translation>There is no code list named &quot;{name}&quot;.</translation>
    </message>
    <message>
        <source>没有扩展名</source>
        <translation>no extension</translation>
    </message>
    <message>
        <source>没有找到表头（应含 {columns} 等列）。</source>
        <translation>No header row found (it should have columns such as {columns}).</translation>
    </message>
    <message>
        <source>没有权限（文件可能设为只读、正被其他程序使用，或属于其他用户）</source>
        <translation>permission denied (the file may be read-only, in use by another program, or belong to another user)</translation>
    </message>
    <message>
        <source>没有编号为 {number} 的投诉。</source>
        <translation>There is no complaint numbered {number}.</translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>注明属于</source>
        <translation>is marked as belonging to</translation>
    </message>
    <message>
        <source>活动主题不能超过 {limit} 个字。</source>
        <translation>The topic cannot be longer than {limit} characters.</translation>
    </message>
    <message>
        <source>活动日期不能晚于今天。</source>
        <translation>The date of the event cannot be later than today.</translation>
    </message>
    <message>
        <source>消协分会/投诉站</source>
        <translation>Consumer association branch / complaint station</translation>
    </message>
    <message>
        <source>消费警示次数</source>
        <translation>Consumer warnings issued</translation>
    </message>
    <message>
        <source>清单不是有效的 JSON</source>
        <translation>the manifest is not valid JSON</translation>
    </message>
    <message>
        <source>清单中的密钥指纹与公钥不符</source>
        <translation>the key fingerprint in the manifest does not match the public key</translation>
    </message>
    <message>
        <source>清单列出的“{name}”不在包内</source>
        <translation>&quot;{name}&quot;, listed in the manifest, is not in the bundle</translation>
    </message>
    <message>
        <source>清单缺少数据库版本</source>
        <translation>the manifest has no database version</translation>
    </message>
    <message>
        <source>清单缺少格式版本</source>
        <translation>the manifest has no format version</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>满意率</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <source>演示数据</source>
        <translation>demo data</translation>
    </message>
    <message>
        <source>特殊文件</source>
        <translation>special file</translation>
    </message>
    <message>
        <source>现场咨询人次应在 0 到 {limit} 之间。</source>
        <translation>The number of consultations should be between 0 and {limit}.</translation>
    </message>
    <message>
        <source>现场调解</source>
        <translation>On site</translation>
    </message>
    <message>
        <source>由未登记的密钥签名（指纹 {fingerprint}，登记的是 {pinned}）；如该站确实换了电脑或重装了程序，请与服务站核对指纹后重新登记</source>
        <translation>it is signed by an unregistered key (fingerprint {fingerprint}, registered {pinned}); if the station really changed computers or reinstalled the program, check the fingerprint with the station and register it again</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>电话号码只能填数字，可用“-”分隔区号。</source>
        <translation>A phone number may only contain digits; use &quot;-&quot; to separate the area code.</translation>
    </message>
    <message>
        <source>电话回访</source>
        <translation>By phone</translation>
    </message>
    <message>
        <source>电话调解</source>
        <translation>By phone</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <source>登录名 {login} 已有账户，请换一个。</source>
        <translation>The login {login} is taken; choose another.</translation>
    </message>
    <message>
        <source>登录名或密码不正确。</source>
        <translation>Wrong login or password.</translation>
    </message>
    <message>
        <source>登录名或密码不正确；已连续错 {count} 次，请 {seconds} 秒后再试。</source>
        <translation>Wrong login or password; {count} wrong in a row, try again in {seconds} seconds.</translation>
    </message>
    <message>
        <source>登录名须为 1–32 个字符，不能有空格。</source>
        <translation>A login has 1–32 characters and no spaces.</translation>
    </message>
    <message>
        <source>登记协议履行情况</source>
        <comment>action verb</comment>
        <translation>record whether the agreement was carried out</translation>
    </message>
    <message>
        <source>登记投诉</source>
        <translation>Complaints registered</translation>
    </message>
    <message>
        <source>登记日期</source>
        <translation>Registration date</translation>
    </message>
    <message>
        <source>登记时间不能晚于现在。</source>
        <translation>The time received cannot be later than now.</translation>
    </message>
    <message>
        <source>登记终止调解告知</source>
        <comment>action verb</comment>
        <translation>record the termination notice</translation>
    </message>
    <message>
        <source>登记编号</source>
        <translation>Registration number</translation>
    </message>
    <message>
        <source>磁盘已满</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>磁盘空间不足</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>空</source>
        <translation>none</translation>
    </message>
    <message>
        <source>站长</source>
        <translation>Station head</translation>
    </message>
    <message>
        <source>第 {row} 行 {column} 列（{header}）：{message}</source>
        <translation>Row {row}, column {column} ({header}): {message}</translation>
    </message>
    <message>
        <source>第 {row} 行与第 {first} 行完全相同，只导入一次。</source>
        <translation>Row {row} is the same as row {first}; it is imported once.</translation>
    </message>
    <message>
        <source>第 {row} 行是合计行，未导入。</source>
        <translation>Row {row} is a totals row and is not imported.</translation>
    </message>
    <message>
        <source>第 {row} 行：{message}</source>
        <translation>Row {row}: {message}</translation>
    </message>
    <message>
        <source>第 {seq} 号数据包：{state}</source>
        <translation>Bundle {seq}: {state}</translation>
    </message>
    <message>
        <source>等 {count} 人</source>
        <translation> and others ({count} in all)</translation>
    </message>
    <message>
        <source>等待网络</source>
        <translation>Waiting for network</translation>
    </message>
    <message>
        <source>答复日期不能早于转交日期。</source>
        <translation>The reply cannot be dated before the report was passed on.</translation>
    </message>
    <message>
        <source>答复日期不能晚于今天。</source>
        <translation>The reply date cannot be in the future.</translation>
    </message>
    <message>
        <source>签名密钥指纹 {fingerprint} 与重新登记的指纹 {pinned} 不符</source>
        <translation>the signing key fingerprint {fingerprint} does not match the re-registered fingerprint {pinned}</translation>
    </message>
    <message>
        <source>签名密钥文件 {path} 不是 Ed25519 密钥。</source>
        <translation>The signing key file {path} is not an Ed25519 key.</translation>
    </message>
    <message>
        <source>签名密钥文件 {path} 无法读取或已损坏；请从备份恢复，或删除后重新导出（县消协需重新确认本站指纹）。</source>
        <translation>The signing key file {path} cannot be read or is damaged; restore it from a backup, or delete it and export again (the county must then confirm this station&apos;s fingerprint again).</translation>
    </message>
    <message>
        <source>签名无效（数据包在途中被改动，或不是由服务站程序生成）</source>
        <translation>bad signature (the bundle was changed on the way, or was not made by the station program)</translation>
    </message>
    <message>
        <source>签订日期</source>
        <translation>Date signed</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>类型“{text}”无法识别：只能填“放假”或“上班”。</source>
        <translation>Type “{text}” not recognised: write “holiday” or “workday”.</translation>
    </message>
    <message>
        <source>系统</source>
        <translation>the program</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>终止日期</source>
        <translation>Date ended</translation>
    </message>
    <message>
        <source>终止调解</source>
        <comment>action verb</comment>
        <translation>end mediation</translation>
    </message>
    <message>
        <source>终止调解告知已于 {date} 登记过。</source>
        <translation>The termination notice was already recorded on {date}.</translation>
    </message>
    <message>
        <source>终止调解告知期限</source>
        <translation>Termination notice</translation>
    </message>
    <message>
        <source>终止调解的处理结果应为未达成、联系不上或其他。</source>
        <translation>When mediation ends, the outcome must be “Ended without agreement”, “Complainant unreachable” or “Other”.</translation>
    </message>
    <message>
        <source>经办人不在名册中，请重新选择。</source>
        <translation>The officer is not in the roster; please choose again.</translation>
    </message>
    <message>
        <source>经营场所</source>
        <translation>Business premises</translation>
    </message>
    <message>
        <source>经营者</source>
        <translation>Businesses</translation>
    </message>
    <message>
        <source>经营者名册中已有“{name}”。</source>
        <translation>The business register already holds “{name}”.</translation>
    </message>
    <message>
        <source>经营者名称</source>
        <translation>Business name</translation>
    </message>
    <message>
        <source>经营者类型</source>
        <translation>Business type</translation>
    </message>
    <message>
        <source>经营者类型“{text}”不在代码表中，可填：{names}。</source>
        <translation>Business type “{text}” is not in the code list; use one of: {names}.</translation>
    </message>
    <message>
        <source>结束日期不能早于开始日期。</source>
        <translation>The end date cannot be earlier than the start date.</translation>
    </message>
    <message>
        <source>结束日期不能晚于今天。</source>
        <translation>The end date cannot be later than today.</translation>
    </message>
    <message>
        <source>结束检测鉴定</source>
        <comment>action verb</comment>
        <translation>end testing or appraisal</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>统一社会信用代码 {code}</source>
        <translation>unified social credit code {code}</translation>
    </message>
    <message>
        <source>统一社会信用代码应为18位，现在是{count}位。</source>
        <translation>The unified social credit code should have 18 characters; it has {count}.</translation>
    </message>
    <message>
        <source>统一社会信用代码校验位不对，请核对最后一位。</source>
        <translation>The credit code&apos;s check character is wrong; please check the last character.</translation>
    </message>
    <message>
        <source>统一社会信用代码第{position}位“{char}”不是允许的字符（只用数字和大写字母，不用I、O、S、V、Z）。</source>
        <translation>Character {position} of the credit code, &quot;{char}&quot;, is not allowed (only digits and capital letters, without I, O, S, V, Z).</translation>
    </message>
    <message>
        <source>编号与另一条记录重复</source>
        <translation>Number already used by another record</translation>
    </message>
    <message>
        <source>缺少必填列 {columns}。</source>
        <translation>Required columns missing: {columns}.</translation>
    </message>
    <message>
        <source>缺少文件校验和（不是本程序写出的数据包，或已损坏）</source>
        <translation>the file checksum is missing (not a bundle written by this program, or damaged)</translation>
    </message>
    <message>
        <source>缺少清单或签名</source>
        <translation>the manifest or the signature is missing</translation>
    </message>
    <message>
        <source>罚没款</source>
        <translation>Fines and confiscations</translation>
    </message>
    <message>
        <source>罚没款不能为负数。</source>
        <translation>Fines and confiscations cannot be negative.</translation>
    </message>
    <message>
        <source>群体性投诉</source>
        <translation>Group complaints</translation>
    </message>
    <message>
        <source>群体性投诉人数</source>
        <translation>People in group complaints</translation>
    </message>
    <message>
        <source>群体性投诉最多推选 {limit} 名代表人（{basis}），现在选了 {count} 名。</source>
        <translation>A group complaint may choose at most {limit} representatives ({basis}); {count} are chosen now.</translation>
    </message>
    <message>
        <source>群体性投诉的人数至少为 2 人。</source>
        <translation>A group complaint needs at least 2 people.</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Duty</translation>
    </message>
    <message>
        <source>职务不能超过 {limit} 个字。</source>
        <translation>The duty cannot be longer than {limit} characters.</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>联络员</source>
        <translation>Officers</translation>
    </message>
    <message>
        <source>联络员“{name}”来自县消协的名册，只能由县消协在名册中停用。</source>
        <translation>Officer &quot;{name}&quot; comes from the county association&apos;s roster; only the county association can deactivate them, in the roster.</translation>
    </message>
    <message>
        <source>联络站</source>
        <translation>Liaison point</translation>
    </message>
    <message>
        <source>自动锁定时间应在 {low}–{high} 分钟之间。</source>
        <translation>The lock time is between {low} and {high} minutes.</translation>
    </message>
    <message>
        <source>自检</source>
        <translation>self-test</translation>
    </message>
    <message>
        <source>节假日</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <source>节假日完整年份“{value}”无法识别：请写年份，如 2027；多个年份用顿号分开，如 2027、2028。</source>
        <translation>The complete holiday years “{value}” cannot be read: write a year, such as 2027; separate several years with the Chinese comma 、, as in 2027、2028.</translation>
    </message>
    <message>
        <source>节假日完整年份写了 {years} 年，但“节假日”表中没有这一年的日期：请在节假日表列出该年全部放假和调休上班日期，或删去这个年份。</source>
        <translation>The complete holiday years include {years}, but the Holidays sheet has no dates in that year: list all of that year&apos;s holidays and make-up working days in the Holidays sheet, or remove the year.</translation>
    </message>
    <message>
        <source>节假日数据中 {day} 的类型“{kind}”无法识别：只能是 holiday（放假）或 workday（调休上班）。</source>
        <translation>The kind “{kind}” of {day} in the holiday data cannot be read: it must be holiday or workday (a make-up working day).</translation>
    </message>
    <message>
        <source>节假日数据中的年份“{year}”无法识别。</source>
        <translation>The year “{year}” in the holiday data cannot be read.</translation>
    </message>
    <message>
        <source>节假日数据中的日期“{value}”无法识别：请写成 2027-01-01 这样的格式。</source>
        <translation>The date “{value}” in the holiday data cannot be read: write it like 2027-01-01.</translation>
    </message>
    <message>
        <source>节日</source>
        <translation>Holiday name</translation>
    </message>
    <message>
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>行政区划</source>
        <translation>Towns and villages</translation>
    </message>
    <message>
        <source>表头中没有“{header}”这一列（指定给“{field}”）。</source>
        <translation>The header has no column &quot;{header}&quot; (chosen for &quot;{field}&quot;).</translation>
    </message>
    <message>
        <source>被投诉方</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <source>被投诉方名称不能超过 {limit} 个字。</source>
        <translation>The name of the respondent cannot be longer than {limit} characters.</translation>
    </message>
    <message>
        <source>被投诉方地址</source>
        <translation>Respondent&apos;s address</translation>
    </message>
    <message>
        <source>被投诉经营者不在名册中，请重新选择。</source>
        <translation>The respondent business is not in the roster; please choose again.</translation>
    </message>
    <message>
        <source>要转为投诉的来访记录不存在。</source>
        <translation>The visit record to turn into a complaint does not exist.</translation>
    </message>
    <message>
        <source>覆盖人数应在 0 到 {limit} 之间。</source>
        <translation>People reached must be between 0 and {limit}.</translation>
    </message>
    <message>
        <source>规则“{title}”中没有“{kind}”这一时限。</source>
        <translation>The rules “{title}” have no time limit “{kind}”.</translation>
    </message>
    <message>
        <source>规则“{title}”中没有“{purpose}”这一条款用途。</source>
        <translation>The rules “{title}” have no citation for “{purpose}”.</translation>
    </message>
    <message>
        <source>规则“{title}”中没有代码为“{code}”的不予受理情形。</source>
        <translation>The rules “{title}” have no ground for not accepting with the code “{code}”.</translation>
    </message>
    <message>
        <source>规则“{title}”中没有代码为“{code}”的终止调解情形。</source>
        <translation>The rules “{title}” have no ground for ending mediation with the code “{code}”.</translation>
    </message>
    <message>
        <source>规则文件 {name} 内容有误：{problem}。</source>
        <translation>The rules file {name} is wrong: {problem}.</translation>
    </message>
    <message>
        <source>规则文件 {name} 无法读取：{error}</source>
        <translation>The rules file {name} cannot be read: {error}</translation>
    </message>
    <message>
        <source>角色只能是 station（服务站）或 county（县消协）。</source>
        <translation>The role can only be station or county (the county association).</translation>
    </message>
    <message>
        <source>解决</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>解决率</source>
        <translation>Resolution rate</translation>
    </message>
    <message>
        <source>解压后总大小超过 {size} GB</source>
        <translation>it unpacks to more than {size} GB in total</translation>
    </message>
    <message>
        <source>解密后超过 {size} GB</source>
        <translation>larger than {size} GB once decrypted</translation>
    </message>
    <message>
        <source>计量器具“{name}”填了两次。</source>
        <translation>The instrument &quot;{name}&quot; is entered twice.</translation>
    </message>
    <message>
        <source>记录格式无效（{error}）</source>
        <translation>a record is malformed ({error})</translation>
    </message>
    <message>
        <source>记录调解</source>
        <comment>action verb</comment>
        <translation>record a mediation round</translation>
    </message>
    <message>
        <source>设备</source>
        <translation>device</translation>
    </message>
    <message>
        <source>访问日志</source>
        <translation>Access log</translation>
    </message>
    <message>
        <source>证书指纹（写在名册“说明”页的“县消协证书指纹”）：{fp}</source>
        <translation>Certificate fingerprint (for the roster&apos;s cover, county certificate fingerprint): {fp}</translation>
    </message>
    <message>
        <source>诉求</source>
        <translation>Demands</translation>
    </message>
    <message>
        <source>诉求中有不认识的代码。</source>
        <translation>The demands include an unknown code.</translation>
    </message>
    <message>
        <source>诉调对接</source>
        <translation>Court-linked mediation</translation>
    </message>
    <message>
        <source>诉转案</source>
        <translation>Turned into enforcement cases</translation>
    </message>
    <message>
        <source>试导入：没有写入任何记录。</source>
        <translation>Dry run: nothing was written.</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>请从列表中选择咨询类别。</source>
        <translation>Please choose the consultation category from the list.</translation>
    </message>
    <message>
        <source>请先开始调解，再{verb}；这条投诉当前为“{status}”。</source>
        <translation>Start mediation before you {verb}; this complaint is now “{status}”.</translation>
    </message>
    <message>
        <source>请只填写身份证号或电话其中一项。</source>
        <translation>Give either the ID number or the phone, not both.</translation>
    </message>
    <message>
        <source>请填写“{column}”。</source>
        <translation>Fill in “{column}”.</translation>
    </message>
    <message>
        <source>请填写举报人姓名，或选择匿名举报。</source>
        <translation>Enter the reporter&apos;s name, or choose an anonymous report.</translation>
    </message>
    <message>
        <source>请填写举报的事实。</source>
        <translation>Enter what is reported.</translation>
    </message>
    <message>
        <source>请填写举报的商品、服务或行为。</source>
        <translation>Enter the goods, service or conduct reported.</translation>
    </message>
    <message>
        <source>请填写区划代码。</source>
        <translation>Please enter the region code.</translation>
    </message>
    <message>
        <source>请填写协议内容。</source>
        <translation>Enter the terms of the agreement.</translation>
    </message>
    <message>
        <source>请填写咨询的问题。</source>
        <translation>Please enter the question asked.</translation>
    </message>
    <message>
        <source>请填写商品或服务名称。</source>
        <translation>Please enter the name of the goods or service.</translation>
    </message>
    <message>
        <source>请填写回复日期，且不能晚于今天。</source>
        <translation>Enter the date of the reply; it cannot be later than today.</translation>
    </message>
    <message>
        <source>请填写备注内容。</source>
        <translation>Enter the remark.</translation>
    </message>
    <message>
        <source>请填写姓名。</source>
        <translation>Please enter the name.</translation>
    </message>
    <message>
        <source>请填写姓名（不超过 50 个字）。</source>
        <translation>Enter the name (at most 50 characters).</translation>
    </message>
    <message>
        <source>请填写投诉事由。</source>
        <translation>Please enter the facts.</translation>
    </message>
    <message>
        <source>请填写投诉人姓名。</source>
        <translation>Please enter the complainant&apos;s name.</translation>
    </message>
    <message>
        <source>请填写收到举报的时间。</source>
        <translation>Enter when the report was received.</translation>
    </message>
    <message>
        <source>请填写服务站名称。</source>
        <translation>Please enter the station name.</translation>
    </message>
    <message>
        <source>请填写村（社区）名称。</source>
        <translation>Fill in the village (community) name.</translation>
    </message>
    <message>
        <source>请填写来访时间。</source>
        <translation>Please enter the time of the visit.</translation>
    </message>
    <message>
        <source>请填写活动主题。</source>
        <translation>Please enter the topic of the event.</translation>
    </message>
    <message>
        <source>请填写活动日期。</source>
        <translation>Please enter the date of the event.</translation>
    </message>
    <message>
        <source>请填写电话号码。</source>
        <translation>Enter the phone number.</translation>
    </message>
    <message>
        <source>请填写登记时间。</source>
        <translation>Please enter the time received.</translation>
    </message>
    <message>
        <source>请填写答复的内容。</source>
        <translation>Enter the reply.</translation>
    </message>
    <message>
        <source>请填写联络员姓名。</source>
        <translation>Please enter the officer&apos;s name.</translation>
    </message>
    <message>
        <source>请填写被举报的经营者。</source>
        <translation>Enter the business reported.</translation>
    </message>
    <message>
        <source>请填写被投诉方名称。</source>
        <translation>Please enter the name of the respondent.</translation>
    </message>
    <message>
        <source>请填写调解人员。</source>
        <translation>Enter who mediated.</translation>
    </message>
    <message>
        <source>请填写调解时间。</source>
        <translation>Enter when the mediation took place.</translation>
    </message>
    <message>
        <source>请填写身份证号码。</source>
        <translation>Please enter the ID number.</translation>
    </message>
    <message>
        <source>请指定 list、add 或 password。</source>
        <translation>Say list, add or password.</translation>
    </message>
    <message>
        <source>请求缺少数据包大小（Content-Length），未接收。</source>
        <translation>The request has no bundle size (Content-Length); not accepted.</translation>
    </message>
    <message>
        <source>请求缺少数据包校验值（{header}）。</source>
        <translation>The request has no bundle checksum ({header}).</translation>
    </message>
    <message>
        <source>请求缺少有效的数据包文件名（{header}）。</source>
        <translation>The request has no valid bundle file name ({header}).</translation>
    </message>
    <message>
        <source>请求缺少有效的服务站编码（{header}）。</source>
        <translation>The request has no valid station code ({header}).</translation>
    </message>
    <message>
        <source>请用 --password-file 指定站长账户的密码文件（数据库将加密保存）。</source>
        <translation>Give the station head&apos;s password file with --password-file (the database will be encrypted).</translation>
    </message>
    <message>
        <source>请给出季度（例如 2026-Q3）或年份（例如 2026），而不是“{text}”。</source>
        <translation>Give a quarter (e.g. 2026-Q3) or a year (e.g. 2026), not &quot;{text}&quot;.</translation>
    </message>
    <message>
        <source>请至少选择一项投诉性质。</source>
        <translation>Please choose at least one nature of complaint.</translation>
    </message>
    <message>
        <source>请选择《{title}》规定的不予受理情形。</source>
        <translation>Choose a ground for not accepting from “{title}”.</translation>
    </message>
    <message>
        <source>请选择《{title}》规定的终止调解情形。</source>
        <translation>Choose a ground for ending mediation from “{title}”.</translation>
    </message>
    <message>
        <source>请选择举报渠道。</source>
        <translation>Choose how the report came in.</translation>
    </message>
    <message>
        <source>请选择同意提供个人信息的对象。</source>
        <translation>Choose who the personal information may go to.</translation>
    </message>
    <message>
        <source>请选择同意的方式（书面、口头、电话或网络）。</source>
        <translation>Choose how the consent was given (in writing, in person, by phone or online).</translation>
    </message>
    <message>
        <source>请选择商品或服务大类。</source>
        <translation>Please choose the goods or service category.</translation>
    </message>
    <message>
        <source>请选择回访方式。</source>
        <translation>Choose how the follow-up was made.</translation>
    </message>
    <message>
        <source>请选择处理结果（撤回、不予受理、终止调解请用各自的按钮）。</source>
        <translation>Choose the outcome (withdrawal, not accepting and ending mediation have their own buttons).</translation>
    </message>
    <message>
        <source>请选择投诉渠道。</source>
        <translation>Please choose the channel of the complaint.</translation>
    </message>
    <message>
        <source>请选择本站类型。</source>
        <translation>Please choose the station kind.</translation>
    </message>
    <message>
        <source>请选择来访渠道。</source>
        <translation>Please choose the channel of the visit.</translation>
    </message>
    <message>
        <source>请选择检测或鉴定。</source>
        <translation>Choose testing or appraisal.</translation>
    </message>
    <message>
        <source>请选择检测的计量器具。</source>
        <translation>Choose the instrument checked.</translation>
    </message>
    <message>
        <source>请选择活动类型。</source>
        <translation>Please choose the type of event.</translation>
    </message>
    <message>
        <source>请选择满意度。</source>
        <translation>Choose the satisfaction level.</translation>
    </message>
    <message>
        <source>请选择调解方式。</source>
        <translation>Choose how the mediation was held.</translation>
    </message>
    <message>
        <source>请选择转办去向。</source>
        <translation>Choose where to refer the complaint.</translation>
    </message>
    <message>
        <source>请选择这条投诉中被代表的投诉人。</source>
        <translation>Choose the represented complainants of this complaint.</translation>
    </message>
    <message>
        <source>请选择这条投诉的投诉人。</source>
        <translation>Choose the complainants of this complaint.</translation>
    </message>
    <message>
        <source>请选择需要同意的事项。</source>
        <translation>Choose what the consent is for.</translation>
    </message>
    <message>
        <source>读取出错：{reason}</source>
        <translation>reading failed: {reason}</translation>
    </message>
    <message>
        <source>读取进程意外退出，代码 {code}</source>
        <translation>the reading process stopped unexpectedly, code {code}</translation>
    </message>
    <message>
        <source>调解人员不能超过 200 个字。</source>
        <translation>The list of mediators cannot be longer than 200 characters.</translation>
    </message>
    <message>
        <source>调解开始日期</source>
        <translation>Mediation start date</translation>
    </message>
    <message>
        <source>调解成功</source>
        <translation>Mediated successfully</translation>
    </message>
    <message>
        <source>调解成功率</source>
        <translation>Mediation success rate</translation>
    </message>
    <message>
        <source>调解时间不能早于受理日期。</source>
        <translation>The mediation time cannot be earlier than the date accepted.</translation>
    </message>
    <message>
        <source>调解时间不能晚于现在。</source>
        <translation>The mediation time cannot be later than now.</translation>
    </message>
    <message>
        <source>调解期限</source>
        <translation>Mediation limit</translation>
    </message>
    <message>
        <source>购买日期</source>
        <translation>Purchase date</translation>
    </message>
    <message>
        <source>购买日期不能晚于登记日期。</source>
        <translation>The purchase date cannot be later than the date received.</translation>
    </message>
    <message>
        <source>超过内存上限 {limit} MB</source>
        <translation>over the memory limit of {limit} MB</translation>
    </message>
    <message>
        <source>超过时间上限 {limit} 秒</source>
        <translation>over the time limit of {limit} seconds</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>身份证号码中的出生年份早于1900年，请核对。</source>
        <translation>The year of birth in the ID number is before 1900; please check it.</translation>
    </message>
    <message>
        <source>身份证号码中的出生日期晚于今天，请核对。</source>
        <translation>The date of birth in the ID number is after today; please check it.</translation>
    </message>
    <message>
        <source>身份证号码中的出生日期（第7至14位）不是真实的日期。</source>
        <translation>The date of birth in the ID number (characters 7 to 14) is not a real date.</translation>
    </message>
    <message>
        <source>身份证号码前17位只能是数字，最后一位是数字或X。</source>
        <translation>The first 17 characters of an ID number must be digits; the last one is a digit or X.</translation>
    </message>
    <message>
        <source>身份证号码应为18位，现在是{count}位。</source>
        <translation>The ID number should have 18 characters; it has {count}.</translation>
    </message>
    <message>
        <source>身份证号码校验位不对，请核对最后一位。</source>
        <translation>The ID number&apos;s check character is wrong; please check the last character.</translation>
    </message>
    <message>
        <source>转交日期不能早于收到举报的日期。</source>
        <translation>The report cannot be passed on before it was received.</translation>
    </message>
    <message>
        <source>转交日期不能晚于今天。</source>
        <translation>The date passed on cannot be in the future.</translation>
    </message>
    <message>
        <source>转办</source>
        <translation>Referred</translation>
    </message>
    <message>
        <source>转办</source>
        <comment>action verb</comment>
        <translation>refer it</translation>
    </message>
    <message>
        <source>转办日期</source>
        <translation>Date referred</translation>
    </message>
    <message>
        <source>达成调解协议</source>
        <translation>mediation agreement</translation>
    </message>
    <message>
        <source>达成调解协议</source>
        <comment>action verb</comment>
        <translation>record a mediation agreement</translation>
    </message>
    <message>
        <source>这个数据包没有加密（服务站的程序或名册较旧）：请把带有县消协加密公钥的最新名册发给该站，并升级其程序。</source>
        <translation>This bundle is not encrypted (the station&apos;s program or roster is old): send the station the latest roster with the county&apos;s key, and upgrade its program.</translation>
    </message>
    <message>
        <source>这份调解协议不存在或已删除。</source>
        <translation>This mediation agreement does not exist or has been deleted.</translation>
    </message>
    <message>
        <source>这是15位的旧身份证号码，请填写18位的新号码。</source>
        <translation>This is an old 15-digit ID number; please enter the new 18-digit number.</translation>
    </message>
    <message>
        <source>这是一个文件夹</source>
        <translation>it is a folder</translation>
    </message>
    <message>
        <source>这是本机自己导出的数据包</source>
        <translation>this bundle was exported by this installation itself</translation>
    </message>
    <message>
        <source>这是群体性投诉：代表人{act}须经被代表的投诉人同意（{basis}），{names}{more}尚未同意。请先登记他们的同意。</source>
        <translation>This is a group complaint: the represented complainants must consent to the representatives&apos; {act} ({basis}); not yet consented: {names}{more}. Record their consent first.</translation>
    </message>
    <message>
        <source>这是脱敏数据包：其中的姓名、电话、证件号和文字内容已遮蔽。</source>
        <translation>This is a masked bundle: names, phones, ID numbers and texts are masked.</translation>
    </message>
    <message>
        <source>这是预览，没有改动任何记录；确认后加 --apply 执行。</source>
        <translation>This is a preview; nothing was changed. Add --apply to carry it out.</translation>
    </message>
    <message>
        <source>这条举报记录不存在或已删除。</source>
        <translation>This report of a violation does not exist or was deleted.</translation>
    </message>
    <message>
        <source>这条举报还没有转交市场监管部门。</source>
        <translation>This report has not been passed to market regulation yet.</translation>
    </message>
    <message>
        <source>这条同意记录不存在或已删除。</source>
        <translation>This consent record does not exist or has been deleted.</translation>
    </message>
    <message>
        <source>这条宣传活动记录不存在或已删除。</source>
        <translation>This event record does not exist or has been deleted.</translation>
    </message>
    <message>
        <source>这条投诉不存在或已删除。</source>
        <translation>This complaint does not exist or has been deleted.</translation>
    </message>
    <message>
        <source>这条投诉已经作出过处理决定（当前为“{status}”），不能再{verb}。</source>
        <translation>A decision on this complaint has already been made (it is now “{status}”): you can no longer {verb}.</translation>
    </message>
    <message>
        <source>这条投诉已经是“{status}”，不必再{verb}。</source>
        <translation>This complaint is already “{status}”: no need to {verb} again.</translation>
    </message>
    <message>
        <source>这条投诉没有终止调解，不需要{verb}。</source>
        <translation>Mediation of this complaint has not been ended: no need to {verb}.</translation>
    </message>
    <message>
        <source>这条投诉没有终止调解，不需要登记终止调解告知。</source>
        <translation>Mediation of this complaint has not been ended: there is no termination notice to record.</translation>
    </message>
    <message>
        <source>这条投诉没有被代表的投诉人，不需要登记他们的同意。</source>
        <translation>This complaint has no represented complainants; no consent of theirs is needed.</translation>
    </message>
    <message>
        <source>这条投诉没有进行中的检测鉴定。</source>
        <translation>This complaint has no testing or appraisal in progress.</translation>
    </message>
    <message>
        <source>这条投诉还没有调解协议，不能{verb}。</source>
        <translation>This complaint has no mediation agreement yet: you cannot {verb}.</translation>
    </message>
    <message>
        <source>这条来访记录不存在或已删除。</source>
        <translation>This visit record does not exist or has been deleted.</translation>
    </message>
    <message>
        <source>这条记录</source>
        <translation>this record</translation>
    </message>
    <message>
        <source>这条记录不是有效的同意，无需撤回。</source>
        <translation>This record is not a consent in force; there is nothing to withdraw.</translation>
    </message>
    <message>
        <source>这条转办记录不存在或已删除。</source>
        <translation>This referral does not exist or has been deleted.</translation>
    </message>
    <message>
        <source>这起投诉已有 12315 编号 {hotline}：消费者已在 12315 平台投诉，可能已由市场监管部门受理，请先核实处理情况。</source>
        <translation>This complaint has the 12315 number {hotline}: the consumer has complained on the 12315 platform, and market regulation may already have accepted it. Please check how it is being handled first.</translation>
    </message>
    <message>
        <source>这里需要{wanted}区划代码，填入的是{found}代码。</source>
        <translation>A {wanted} region code is needed here; this is a {found} code.</translation>
    </message>
    <message>
        <source>进入调解</source>
        <comment>action verb</comment>
        <translation>start mediation</translation>
    </message>
    <message>
        <source>远程调解（视频、微信）</source>
        <translation>Remote (video, WeChat)</translation>
    </message>
    <message>
        <source>连接县消协服务器 {url} 超时，稍后重试。</source>
        <translation>The connection to the county server {url} timed out; will retry.</translation>
    </message>
    <message>
        <source>重复包含“{name}”</source>
        <translation>it holds &quot;{name}&quot; twice</translation>
    </message>
    <message>
        <source>重新打开</source>
        <comment>action verb</comment>
        <translation>reopen it</translation>
    </message>
    <message>
        <source>重新打开投诉须写明原因。</source>
        <translation>Give the reason for reopening the complaint.</translation>
    </message>
    <message>
        <source>重新打开日期</source>
        <translation>Date reopened</translation>
    </message>
    <message>
        <source>金额不能为负数。</source>
        <translation>The amount cannot be negative.</translation>
    </message>
    <message>
        <source>金额不能是负数。</source>
        <translation>The amount cannot be negative.</translation>
    </message>
    <message>
        <source>金额最多只能有两位小数（到分）。</source>
        <translation>An amount can have at most two decimal places (fen).</translation>
    </message>
    <message>
        <source>金额格式不对，请只填数字，例如 1234.50。</source>
        <translation>The amount is not a number; please enter digits only, for example 1234.50.</translation>
    </message>
    <message>
        <source>金额超过10亿元，请核对（单位是元）。</source>
        <translation>The amount is over 1 billion yuan; please check it (the unit is yuan).</translation>
    </message>
    <message>
        <source>鉴定</source>
        <translation>Appraisal</translation>
    </message>
    <message>
        <source>错误 {count} 处，涉及 {rows} 行</source>
        <translation>Errors: {count}; rows affected: {rows}</translation>
    </message>
    <message>
        <source>错误清单</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>附件 {name} 在本机保存的文件已损坏（内容与校验值不符），请从备份或同步包恢复。</source>
        <translation>The file of the attachment {name} stored on this computer is damaged (its content does not match its checksum); please restore it from a backup or a bundle.</translation>
    </message>
    <message>
        <source>附件 {name} 是空文件（0 字节），请检查后再添加。</source>
        <translation>The attachment {name} is empty (0 bytes); please check the file before adding it.</translation>
    </message>
    <message>
        <source>附件 {name} 的文件不在本机，可能尚未同步。</source>
        <translation>The file of the attachment {name} is not on this computer; it may not have been synced yet.</translation>
    </message>
    <message>
        <source>附件 {name} 的记录有误（校验值无效），无法取出文件。</source>
        <translation>The record of the attachment {name} is faulty (invalid checksum); its file cannot be taken out.</translation>
    </message>
    <message>
        <source>附件 {name} 超过 200 MB，请压缩或拍照后再添加。</source>
        <translation>The attachment {name} is larger than 200 MB; please compress it or take a photo instead, then add it.</translation>
    </message>
    <message>
        <source>附件 {name}… 的内容与其校验值不符</source>
        <translation>the content of attachment {name}… does not match its checksum</translation>
    </message>
    <message>
        <source>附件 {sha}… 已损坏</source>
        <translation>attachment {sha}… is damaged</translation>
    </message>
    <message>
        <source>顶层应是一个对象</source>
        <translation>the top level must be an object</translation>
    </message>
    <message>
        <source>（{reason}）</source>
        <translation> ({reason})</translation>
    </message>
    <message>
        <source>（正在使用 {version}）</source>
        <translation> (in use: {version})</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>，发布日期 {date}</source>
        <translation>, issued {date}</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
</context>
</TS>
