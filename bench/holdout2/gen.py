#!/usr/bin/env python3
"""Second holdout set for taizhang: writes files/ and answers.json.

    python3 gen.py            (needs openpyxl and LibreOffice `soffice` on PATH)

Seeded and deterministic apart from LibreOffice's own metadata.  Every row written is also kept as a
record (unit, number of measures, status category, deadline meaning); answers.json is counted from those
records with the rules of LEDGER-SPEC (done / long_term / not done; overdue = deadline strictly before the
as-of date, status neither done nor long_term; a long-term deadline is never overdue; 立行立改 not done is
overdue).  handcheck.py recounts two of the written files from their cells.
"""
import csv, datetime as dt, json, os, random, shutil, subprocess, tempfile
import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")
D = dt.date
LONG, IMM = "LONG", "IMM"
DONE, LT, IP, NS = "done", "long_term", "in_progress", "not_started"
ANSWERS = []
thin = Side(style="thin")
BOX = Border(left=thin, right=thin, top=thin, bottom=thin)
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


FW = {ord(","): "\uff0c", ord(";"): "\uff1b", ord(":"): "\uff1a", ord("("): "\uff08", ord(")"): "\uff09",
      ord("!"): "\uff01", ord("?"): "\uff1f"}


def Z(v):
    """Chinese office text uses full-width punctuation: convert , ; : ( ) ! ? in any string holding CJK."""
    if isinstance(v, str) and any("\u4e00" <= ch <= "\u9fff" for ch in v):
        return v.translate(FW)
    return v


def fw_workbook(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    c.value = Z(c.value)


def count(records, as_of_dates):
    """records: dicts with unit, n (measures), cat, dl (date | LONG | IMM)."""
    units = {}
    for r in records:
        units.setdefault(r["unit"], [])
        units[r["unit"]].append(r)
    res = {}
    for u, rs in units.items():
        res[u] = {}
        for a in as_of_dates:
            ad = D.fromisoformat(a)
            m = sum(r["n"] for r in rs)
            done = sum(r["n"] for r in rs if r["cat"] == DONE)
            lt = sum(r["n"] for r in rs if r["cat"] == LT)
            od = 0
            for r in rs:
                if r["cat"] in (DONE, LT) or r["dl"] == LONG:
                    continue
                if r["dl"] == IMM or r["dl"] < ad:
                    od += r["n"]
            res[u][a] = dict(measures=m, measures_done=done, measures_long_term=lt,
                             measures_not_done=m - done - lt, overdue=od)
    return res


def box(ws, r1, r2, c1, c2):
    for r in range(r1, r2 + 1):
        for c in range(c1, c2 + 1):
            ws.cell(r, c).border = BOX
            if ws.cell(r, c).alignment.wrap_text is not True:
                ws.cell(r, c).alignment = WRAP


def soffice(src, fmt, outdir):
    prof = "file://" + os.path.join(tempfile.gettempdir(), "h2lo_profile")
    subprocess.run(["soffice", f"-env:UserInstallation={prof}", "--headless", "--convert-to", fmt,
                    "--outdir", outdir, src], check=True, capture_output=True, timeout=300)


def cn(d):
    return f"{d.year}年{d.month}月{d.day}日"


# ---------------------------------------------------------------------------------------------------
# 1. township 巡察整改台账, openpyxl xlsx, section rows, merged problems, several measures per problem
# ---------------------------------------------------------------------------------------------------
def f1():
    rng = random.Random(101)
    name = "青石镇落实县委巡察反馈意见整改台账.xlsx"
    asof = ["2024-05-31", "2024-07-01"]
    unit = "青石镇"
    leaders = ["张建国(党委书记)", "刘志强(镇长)", "陈红梅(党委副书记)", "赵文斌(纪委书记)", "孙立新(组织委员)", "周海(副镇长)"]
    depts = {"党政综合办公室": ["王丽", "郑晓"], "党建工作办公室": ["李娜", "吴涛"], "经济发展办公室": ["马骏", "黄磊"],
             "财政所": ["杨芳", "何静"], "社会事务办公室": ["高峰", "林燕"], "纪委": ["罗明"], "综合行政执法队": ["谢军"]}
    # (section, problem, [(measure, dept, leader_idx, deadline_spec, status_spec)])
    # deadline_spec: date | text | LONG-word | IMM; status_spec: category (text chosen below) or explicit text
    S1 = "一、贯彻落实党的理论和路线方针政策及党中央决策部署方面"
    S2 = "二、落实全面从严治党战略部署方面"
    S3 = "三、落实新时代党的组织路线方面"
    S4 = "四、落实巡察、审计等监督发现问题整改方面"
    P = [
        (S1, "理论学习中心组学习流于形式,学习计划不具体,研讨交流质量不高,以读文件代替研讨。", [
            ("修订党委理论学习中心组学习制度,制定年度学习计划,明确每次学习的主题和重点发言人。", "党建工作办公室", 2, ("t", "2024年3月底前"), DONE),
            ("每季度至少开展1次专题研讨,班子成员围绕分管工作撰写研讨材料,会前审核把关。", "党建工作办公室", 0, ("L", "长期坚持"), LT),
            ("建立学习档案,如实记录学习内容、参加人员和研讨发言情况。", "党政综合办公室", 2, ("d", D(2024, 4, 30)), DONE),
        ]),
        (S1, "乡村振兴项目推进缓慢,部分衔接资金项目未按期开工,资金支付进度滞后。", [
            ("对2023年度衔接资金项目逐一梳理,建立项目推进清单,明确开工、完工时间节点。", "经济发展办公室", 5, ("t", "2024年4月底前"), DONE),
            ("加快石门村、后沟村两个产业项目建设进度,督促施工单位倒排工期。", "经济发展办公室", 5, ("t", "2024年6月30日前"), IP),
            ("项目完工后及时组织验收,按合同约定支付工程款。", "财政所", 1, ("t", "2024年9月底前"), IP),
        ]),
        (S1, "安全生产“大排查大整治”工作不深入,对辖区小作坊、出租房屋排查存在盲区。", [
            ("立即组织对辖区小作坊、出租房屋开展拉网式排查,建立问题隐患清单。", "综合行政执法队", 5, ("I", "立行立改"), DONE),
            ("对排查发现的隐患逐一落实整改责任人和整改时限,实行销号管理。", "综合行政执法队", 5, ("t", "2024年5月31日前"), IP),
            ("将安全生产排查纳入网格员日常巡查内容,每月汇总上报。", "社会事务办公室", 1, ("L", "长期坚持"), LT),
        ]),
        (S2, "党委履行主体责任不到位,专题研究党风廉政建设次数不足。", [
            ("党委每半年至少专题研究1次党风廉政建设工作,形成会议纪要。", "纪委", 0, ("L", "长期坚持"), "已完成并长期坚持"),
            ("制定党委班子成员“一岗双责”责任清单,签订党风廉政建设责任书。", "纪委", 3, ("d", D(2024, 3, 15)), DONE),
        ]),
        (S2, "公务接待管理不规范,部分接待无公函、无清单,存在超标准接待现象。", [
            ("对2022年以来公务接待费用开展自查,超标准部分由相关责任人退赔。", "财政所", 3, ("I", "立行立改"), IP),
            ("修订《镇公务接待管理办法》,严格执行“一函一单一票”制度。", "党政综合办公室", 1, ("t", "2024年3月31日"), DONE),
            ("纪委每半年对公务接待执行情况开展1次专项检查。", "纪委", 3, ("L", "长期"), LT),
        ]),
        (S2, "村级“三资”管理存在漏洞,个别村集体资产出租合同到期未续签,租金收缴不及时。", [
            ("1.全面清查各村集体资产出租合同,建立合同管理台账;2.对到期未续签的合同依法重新签订或收回资产。", "经济发展办公室", 5, ("t", "6月底前"), IP),
            ("追缴拖欠租金,对确有困难的制定分期缴纳计划。", "财政所", 1, ("d", D(2024, 5, 31)), IP),
            ("将村集体资产管理纳入村级财务季度审计内容。", "财政所", 3, ("t", "2024年上半年"), DONE),
        ]),
        (S3, "基层党组织建设薄弱,个别村党支部“三会一课”制度落实不到位,会议记录不规范。", [
            ("开展村党支部“三会一课”落实情况专项检查,对发现的问题下发整改通知书。", "党建工作办公室", 4, ("t", "2024.4.30"), DONE),
            ("组织村党支部书记、支部委员开展组织生活制度专题培训。", "党建工作办公室", 4, ("t", "2024年5月底前"), DONE),
            ("统一印制组织生活记录本,规范会议记录内容。", "党建工作办公室", 4, ("t", "2024年5月底前"), NS),
        ]),
        (S3, "发展党员工作不规范,部分发展对象培养考察材料缺失。", [
            ("对近三年发展党员档案逐一审查,补齐缺失材料,对程序不规范的严肃处理。", "党建工作办公室", 4, ("d", D(2024, 7, 31)), IP),
            ("严格执行发展党员工作规程,实行发展党员全程纪实。", "党建工作办公室", 2, ("L", "长期坚持"), LT),
        ]),
        (S3, "干部队伍作风不实,个别站所干部上班期间脱岗、办事拖拉。", [
            ("修订机关考勤管理制度,每月通报考勤情况。", "党政综合办公室", 1, ("t", "2024/3/31"), DONE),
            ("纪委不定期开展作风纪律明察暗访,对发现问题的干部进行约谈。", "纪委", 3, ("L", "长期坚持"), LT),
            ("开展“便民服务提质”行动,梳理公开办事流程和承诺时限。", "社会事务办公室", 1, ("t", "2024年6月底前"), DONE),
        ]),
        (S4, "上轮巡察反馈的个别问题整改不彻底,整改台账销号把关不严。", [
            ("对上轮巡察反馈问题整改情况进行“回头看”,对整改不彻底的重新制定措施。", "纪委", 3, ("t", "2024年6月30日"), IP),
            ("建立整改销号审核制度,销号须经分管领导和主要领导签字确认。", "党政综合办公室", 0, ("d", D(2024, 4, 15)), DONE),
        ]),
        (S4, "审计指出的专项资金滞留问题未整改到位。", [
            ("对滞留的专项资金逐笔核实,按规定拨付或上缴县财政。", "财政所", 1, ("t", "2024年第二季度"), DONE),
            ("建立专项资金拨付进度月报制度。", "财政所", 1, ("t", "2024年12月底前"), NS),
        ]),
    ]
    st_text = {DONE: ["已完成", "已完成", "已完成。相关佐证材料已归档。", "已完成,已报县委巡察办备案。"],
               LT: ["长期坚持"], IP: ["正在推进", "推进中", "未完成,正在推进"], NS: ["未开始"]}
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    hdr = ["序号", "反馈问题", "整改措施", "责任领导", "责任科室", "责任人", "整改时限", "整改进展", "完成时间", "备注"]
    ncol = len(hdr)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws.cell(1, 1, "中共青石镇委员会落实县委第二巡察组反馈意见整改台账").font = Font(name="方正小标宋简体", size=16)
    ws.cell(1, 1).alignment = CENTER
    ws.row_dimensions[1].height = 36
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=5)
    ws.cell(2, 1, "填报单位:青石镇")
    ws.merge_cells(start_row=2, start_column=7, end_row=2, end_column=ncol)
    ws.cell(2, 7, "截至时间:2024年5月31日")
    for i, h in enumerate(hdr, 1):
        c = ws.cell(3, i, h)
        c.font = Font(name="黑体", bold=True)
        c.alignment = CENTER
    r = 4
    recs = []
    cur = None
    seq = 0
    data_rows = 0
    for sec, prob, ms in P:
        if sec != cur:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
            ws.cell(r, 1, sec).font = Font(bold=True)
            cur = sec
            r += 1
        seq += 1
        r0 = r
        for (mtxt, dept, li, dls, sts) in ms:
            kind, val = dls
            if kind == "d":
                ws.cell(r, 7, dt.datetime.combine(val, dt.time())).number_format = 'yyyy"年"m"月"d"日"'
                dl = val
            elif kind == "t":
                ws.cell(r, 7, val)
                dl = parse_cn_deadline(val, 2024)
            elif kind == "L":
                ws.cell(r, 7, val)
                dl = LONG
            else:
                ws.cell(r, 7, val)
                dl = IMM
            if sts in (DONE, LT, IP, NS):
                cat = sts
                txt = rng.choice(st_text[sts])
            else:
                txt = sts
                cat = LT  # 已完成并长期坚持: the longer word wins (LEDGER-SPEC 2.2)
            ws.cell(r, 3, mtxt)
            ws.cell(r, 4, leaders[li].split("(")[0])
            ws.cell(r, 5, dept)
            ws.cell(r, 6, rng.choice(depts[dept]))
            ws.cell(r, 8, txt)
            if cat == DONE:
                fin = min(dl if isinstance(dl, D) else D(2024, 3, 20), D(2024, 5, 30)) - dt.timedelta(days=rng.randint(0, 12))
                ws.cell(r, 9, dt.datetime.combine(fin, dt.time())).number_format = "yyyy-mm-dd"
            if "1." in mtxt and "2." in mtxt:
                n = 2
            else:
                n = 1
            recs.append(dict(unit=unit, n=n, cat=cat, dl=dl))
            r += 1
            data_rows += 1
        ws.cell(r0, 1, seq)
        ws.cell(r0, 2, prob)
        if r - 1 > r0:
            ws.merge_cells(start_row=r0, start_column=1, end_row=r - 1, end_column=1)
            ws.merge_cells(start_row=r0, start_column=2, end_row=r - 1, end_column=2)
    box(ws, 3, r - 1, 1, ncol)
    for c in (1, 7, 8, 9):
        for rr in range(4, r):
            ws.cell(rr, c).alignment = CENTER
    r += 1
    ws.cell(r, 1, "填报人:王丽            审核人:刘志强            联系电话:0357-6821035")
    ws.cell(r + 1, 1, "注:整改进展栏填写“已完成”“正在推进”“长期坚持”;已完成的须填写完成时间并附佐证材料。")
    for i, w in enumerate([6, 34, 44, 10, 16, 9, 16, 20, 13, 10], 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A4"
    ws.page_setup.orientation = "landscape"
    ws.print_title_rows = "3:3"
    fw_workbook(wb)
    wb.save(os.path.join(OUT, name))
    ANSWERS.append(dict(
        file=name, kind="township 巡察整改台账, xlsx, section rows, merged problem cells, several measures per problem",
        producer="镇党政办(Excel手工, openpyxl)", as_of=asof,
        sheets={"整改台账": dict(header_row=3, data_rows=data_rows, columns=dict(
            problem="B", measure="C", deadline="G", status="H", unit="(meta row 2: 填报单位:青石镇)", person="F",
            department="E", completed_on="I"))},
        status_map={"已完成 (also with a narrative after it)": "done", "长期坚持": "long-term",
                    "已完成并长期坚持": "long-term (longer word wins)", "正在推进 / 推进中 / 未完成,正在推进": "in progress",
                    "未开始": "not started"},
        notes="one unit (the township, from the meta row); rows spanning the whole width that start 一、二、… are section "
              "headings, not data; one row = one measure, except one measure cell enumerating 1.…2.… = 2 measures; "
              "'6月底前' (no year) read in the ledger's year 2024 = the as-of year; 立行立改 not done is overdue",
        units=count(recs, asof), unit_sheets={unit: ["整改台账"]}))


def parse_cn_deadline(s, year):
    import calendar, re
    s = s.strip()
    m = re.match(r"^(\d{4})[年.\-/](\d{1,2})[月.\-/](\d{1,2})", s)
    if m:
        return D(int(m[1]), int(m[2]), int(m[3]))
    m = re.match(r"^(\d{4})年(\d{1,2})月", s)
    if m:
        y, mo = int(m[1]), int(m[2])
        return D(y, mo, calendar.monthrange(y, mo)[1])
    m = re.match(r"^(\d{1,2})月(底|末)", s)
    if m:
        mo = int(m[1])
        return D(year, mo, calendar.monthrange(year, mo)[1])
    m = re.match(r"^(\d{4})年(年底|底|末)", s)
    if m:
        return D(int(m[1]), 12, 31)
    m = re.match(r"^(\d{4})年上半年", s)
    if m:
        return D(int(m[1]), 6, 30)
    m = re.match(r"^(\d{4})年下半年", s)
    if m:
        return D(int(m[1]), 12, 31)
    m = re.match(r"^(\d{4})年第?([一二三四])季度", s)
    if m:
        q = "一二三四".index(m[2]) + 1
        mo = q * 3
        return D(int(m[1]), mo, calendar.monthrange(int(m[1]), mo)[1])
    raise ValueError(s)


# ---------------------------------------------------------------------------------------------------
# 2. county schools' 安全隐患排查整改台账 -> .xls via LibreOffice
# ---------------------------------------------------------------------------------------------------
def f2(tmp):
    rng = random.Random(202)
    name = Z("平川县中小学校园安全隐患排查整改台账(2024年秋季开学).xls")
    asof = ["2024-09-10", "2024-10-31"]
    schools = ["平川县城关第一小学", "平川县第二中学", "平川县实验幼儿园", "平川县石桥镇中心小学", "平川县职业中等专业学校",
               "平川县东坪乡九年一贯制学校"]
    hz = [
        ("消防安全", "教学楼二楼", "走廊灭火器压力不足,部分过期未检测", "更换过期灭火器,委托有资质单位检测维保", 0.3),
        ("消防安全", "学生宿舍", "宿舍楼安全出口指示标志损坏、应急照明灯不亮", "维修更换疏散指示标志和应急照明灯", 0.2),
        ("消防安全", "食堂操作间", "燃气管道未安装泄漏报警装置", "安装可燃气体泄漏报警装置并与切断阀联动", 1.2),
        ("消防安全", "图书室", "室内消火栓箱被杂物遮挡,水带老化", "清理杂物,更换消防水带和水枪", 0.1),
        ("校舍安全", "综合楼", "外墙瓷砖空鼓,存在脱落风险", "设置警戒区域,对空鼓瓷砖进行铲除修复", 3.5),
        ("校舍安全", "围墙", "东侧围墙局部开裂倾斜", "拆除重建开裂段围墙,施工期间设置隔离", 6.0),
        ("校舍安全", "风雨操场", "屋面彩钢板锈蚀漏雨", "更换锈蚀彩钢板,做防水处理", 8.0),
        ("用电安全", "计算机教室", "电源插座私拉乱接,线路老化", "重新敷设线路,规范安装插座", 0.8),
        ("用电安全", "配电室", "配电柜无绝缘垫,未上锁", "铺设绝缘垫,配电室上锁并张贴警示标识", 0.1),
        ("食品安全", "学生食堂", "食品留样冰箱温度不达标,留样记录不全", "更换留样冰箱,规范留样记录", 0.4),
        ("食品安全", "学生食堂", "部分从业人员健康证过期", "组织从业人员体检,办理健康证前暂停上岗", 0.0),
        ("交通安全", "校门口", "校门口缺少减速带和警示标志", "协调交警部门设置减速带、警示标志和护学岗", 0.6),
        ("交通安全", "校车停靠点", "校车停靠点无候车设施", "设置校车停靠站牌和候车区", 0.5),
        ("设施设备", "操场", "篮球架底座锈蚀松动", "加固或更换篮球架", 0.9),
        ("设施设备", "实验室", "危化品柜未实行双人双锁管理", "落实双人双锁管理,建立危化品出入库台账", 0.2),
        ("周边环境", "学校周边", "校园周边存在流动摊贩占道经营", "联合市场监管、城管部门开展校园周边环境整治", 0.0),
        ("安全管理", "门卫室", "门卫室防护器材配备不足,来访登记不规范", "补充配备钢叉、防割手套等器材,规范来访登记", 0.3),
        ("校舍安全", "教学楼楼梯", "楼梯扶手高度不足、栏杆间距过大", "加装扶手护栏,栏杆间距改造至规范要求", 1.5),
        ("消防安全", "学生宿舍", "宿舍内学生使用大功率电器", "开展宿舍安全检查,收缴违规电器,安装限流装置", 0.6),
        ("校舍安全", "旧教学楼", "旧教学楼经鉴定为C级危房", "停止使用并设置隔离,纳入校舍改造计划", 0.0),
    ]
    people = ["李建华", "王志刚", "赵敏", "刘海涛", "陈晓燕", "杨帆", "郭伟", "周雪", "马强", "韩冬", "张莉", "孙鹏"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "隐患台账"
    hdr = ["序号", "学校名称", "隐患类别", "隐患部位", "隐患描述", "隐患等级", "整改措施", "整改责任人", "整改时限",
           "整改资金(万元)", "整改情况", "销号日期", "备注"]
    nc = len(hdr)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=nc)
    ws.cell(1, 1, "平川县中小学校(幼儿园)安全隐患排查整改台账").font = Font(size=18, bold=True)
    ws.cell(1, 1).alignment = CENTER
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=nc)
    ws.cell(2, 1, "填报单位:平川县教育和体育局(盖章)                                        填报日期:2024年9月10日")
    for i, h in enumerate(hdr, 1):
        ws.cell(3, i, h).font = Font(bold=True)
        ws.cell(3, i).alignment = CENTER
        ws.cell(4, i, i).alignment = CENTER
    r = 5
    recs = []
    seq = 0
    plan = [5, 4, 3, 6, 5, 4]  # hazards per school
    # deadlines around the as-of dates
    dpool = [D(2024, 8, 31), D(2024, 9, 5), D(2024, 9, 9), D(2024, 9, 10), D(2024, 9, 15), D(2024, 9, 30),
             D(2024, 10, 15), D(2024, 10, 30), D(2024, 10, 31), D(2024, 11, 30), D(2024, 12, 31), D(2025, 6, 30)]
    for si, sch in enumerate(schools):
        r0 = r
        picks = rng.sample(range(len(hz)), plan[si])
        for k, hi in enumerate(picks):
            cat_, place, desc, meas, money = hz[hi]
            seq += 1
            level = "重大隐患" if money >= 3 or "危房" in desc else "一般隐患"
            if "C级危房" in desc:
                dl, dtext, cat, st = LONG, "长期", LT, "长期整改"
            else:
                dl = rng.choice(dpool)
                p = rng.random()
                if dl <= D(2024, 9, 5):
                    cat = DONE if p < 0.75 else IP
                else:
                    cat = DONE if p < 0.35 else (IP if p < 0.8 else NS)
                st = {DONE: "已整改", IP: "整改中", NS: "未整改"}[cat]
                dtext = None
                if rng.random() < 0.3:
                    import calendar
                    last = calendar.monthrange(dl.year, dl.month)[1]
                    dtext = f"{dl.year}年{dl.month}月底前" if dl.day == last else f"{dl.year}.{dl.month:02d}.{dl.day:02d}"
            ws.cell(r, 1, seq)
            ws.cell(r, 3, cat_)
            ws.cell(r, 4, place)
            ws.cell(r, 5, desc)
            ws.cell(r, 6, level)
            ws.cell(r, 7, meas)
            ws.cell(r, 8, rng.choice(people))
            if dl == LONG:
                ws.cell(r, 9, dtext)
            elif dtext:
                ws.cell(r, 9, dtext)
            else:
                ws.cell(r, 9, dt.datetime.combine(dl, dt.time())).number_format = "yyyy/m/d"
            ws.cell(r, 10, money if money else None)
            ws.cell(r, 11, st)
            if cat == DONE:
                fin = min(dl, D(2024, 9, 9)) - dt.timedelta(days=rng.randint(0, 6))
                ws.cell(r, 12, dt.datetime.combine(fin, dt.time())).number_format = "yyyy/m/d"
            if "C级危房" in desc:
                ws.cell(r, 13, "已停用,拟列入2025年校舍维修改造计划")
            elif cat == IP and money >= 3:
                ws.cell(r, 13, "资金已申报")
            recs.append(dict(unit=sch, n=1, cat=cat, dl=dl))
            r += 1
        ws.cell(r0, 2, sch)
        ws.merge_cells(start_row=r0, start_column=2, end_row=r - 1, end_column=2)
    box(ws, 3, r - 1, 1, nc)
    last_data = r - 1
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=nc)
    ws.cell(r, 1, "说明:1.隐患等级分为一般隐患和重大隐患,重大隐患须附整改方案;2.整改情况填写“已整改”“整改中”“未整改”;"
                  "3.已整改的隐患须填写销号日期并附整改前后照片;4.本表每月10日前报县教体局安全股。")
    ws.cell(r, 1).alignment = WRAP
    ws.row_dimensions[r].height = 40
    ws.cell(r + 1, 1, "填表人:郭伟")
    ws.cell(r + 1, 5, "审核人:李建华")
    ws.cell(r + 1, 9, "联系电话:0359-5523317")
    for i, w in enumerate([6, 22, 10, 12, 30, 10, 32, 10, 13, 10, 10, 12, 20], 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws2 = wb.create_sheet("统计")
    ws2.append(["学校名称", "排查隐患(处)", "已整改(处)", "整改率"])
    for sch in schools:
        rs = [x for x in recs if x["unit"] == sch]
        d_ = sum(1 for x in rs if x["cat"] == DONE)
        ws2.append([sch, len(rs), d_, f"{d_ / len(rs) * 100:.1f}%"])
    src = os.path.join(tmp, name.replace(".xls", ".xlsx"))
    fw_workbook(wb)
    wb.save(src)
    soffice(src, "xls", OUT)
    ANSWERS.append(dict(
        file=name, kind="county schools' 安全隐患排查整改台账, one row per hazard, school merged over its rows, xls",
        producer="县教体局安全股(Excel手工 → LibreOffice 'xls' BIFF8)", as_of=asof,
        sheets={"隐患台账": dict(header_row="3 (row 4 = column numbers)", data_rows=last_data - 4, columns=dict(
            problem="E", measure="G", deadline="I", status="K", unit="B (学校名称, merged over each school's rows)",
            person="H", department=None, completed_on="L"))},
        status_map={"已整改": "done", "长期整改": "long-term", "整改中": "in progress", "未整改": "not started"},
        notes="units = the schools of 学校名称 (the 填报单位 meta row names the bureau that compiled the register, "
              "not a unit of rows); one hazard row = one measure; sheet 统计 is a summary, not a ledger; the 说明 "
              "footer row is not data; 整改资金(万元) is money",
        units=count(recs, asof), unit_sheets={s: ["隐患台账"] for s in schools}))


# ---------------------------------------------------------------------------------------------------
# 3. 12345 hotline ticket export, CSV UTF-8 with BOM
# ---------------------------------------------------------------------------------------------------
def f3():
    rng = random.Random(303)
    name = "市民热线工单导出_承办单位_20240620.csv"
    asof = ["2024-06-20", "2024-07-15"]
    export = D(2024, 6, 20)
    units = ["河西街道办事处", "滨江街道办事处", "区城市管理和综合执法局", "区生态环境分局", "区交通运输局", "区水务局"]
    topics = {
        "河西街道办事处": [("城乡建设", "小区楼道堆放杂物", "反映河西街道锦绣苑小区3号楼楼道长期堆放杂物,存在消防隐患,希望清理。"),
                     ("民政", "高龄津贴未发放", "来电人父亲年满80周岁,高龄津贴至今未发放,咨询办理进度。"),
                     ("城乡建设", "老旧小区改造施工扰民", "反映纺织厂宿舍老旧小区改造夜间施工噪音大,影响休息。"),
                     ("社区管理", "物业不作为", "反映和平里小区物业不清运垃圾,小区环境脏乱。")],
        "滨江街道办事处": [("城乡建设", "违章搭建", "反映滨江花园8栋一楼住户私自搭建阳光房,占用公共绿地。"),
                     ("社区管理", "广场舞噪音扰民", "反映滨江公园广场舞音响音量过大,晚上十点后仍未停止。"),
                     ("民政", "低保办理咨询", "咨询低保申请所需材料及办理流程。"),
                     ("卫生健康", "小区蚊虫多", "反映江景小区绿化带积水,蚊虫滋生,希望消杀。")],
        "区城市管理和综合执法局": [("城市管理", "占道经营", "反映人民路与解放路交叉口流动摊贩占道经营,影响通行。"),
                        ("城市管理", "路灯不亮", "反映建设北路中段多盏路灯不亮,夜间出行不便。"),
                        ("城市管理", "垃圾清运不及时", "反映新华街垃圾桶满溢,环卫未及时清运。"),
                        ("城市管理", "井盖缺失", "反映文化路口一处窨井盖缺失,存在安全隐患。")],
        "区生态环境分局": [("环境保护", "餐饮油烟扰民", "反映楼下烧烤店油烟直排,影响居民开窗。"),
                     ("环境保护", "企业夜间排放异味", "反映工业园区某企业夜间排放刺鼻气味。"),
                     ("环境保护", "河道排污", "反映沙河桥下有排污口向河道排放污水。"),
                     ("环境保护", "工地扬尘", "反映东环路某工地未覆盖裸土,扬尘严重。")],
        "区交通运输局": [("交通运输", "公交线路调整", "建议增开至区人民医院的公交线路。"),
                    ("交通运输", "出租车拒载", "反映出租车在火车站拒载、不打表。"),
                    ("交通运输", "道路坑洼", "反映乡道X203线多处坑洼,车辆通行困难。"),
                    ("交通运输", "公交站牌信息错误", "反映3路公交站牌发车时间与实际不符。")],
        "区水务局": [("水务", "停水未通知", "反映金地小区突然停水,事先未发布通知。"),
                 ("水务", "自来水浑浊", "反映自来水发黄浑浊,不能饮用。"),
                 ("水务", "排水管道堵塞", "反映雨后商业街排水不畅,路面积水。"),
                 ("水务", "水表计量异常", "反映本月水费异常偏高,怀疑水表故障。")],
    }
    n_per = [15, 13, 18, 12, 11, 14]
    states = [("待签收", NS), ("办理中", IP), ("退回重办", IP), ("申请延期", IP), ("待审核", IP),
              ("待回访", DONE), ("已回访", DONE), ("已归档", DONE)]
    weights = [0.07, 0.17, 0.05, 0.05, 0.06, 0.12, 0.33, 0.15]
    rows = []
    recs = []
    for ui, u in enumerate(units):
        for k in range(n_per[ui]):
            typ, title, content = rng.choice(topics[u])
            st, cat = rng.choices(states, weights)[0]
            if cat == DONE:
                acc = dt.datetime(2024, rng.randint(4, 6), rng.randint(1, 28), rng.randint(8, 20), rng.randint(0, 59), rng.randint(0, 59))
                if acc.date() > D(2024, 6, 15):
                    acc = acc.replace(month=5)
            elif st == "待签收":
                acc = dt.datetime(2024, 6, rng.randint(14, 19), rng.randint(8, 20), rng.randint(0, 59), rng.randint(0, 59))
            else:
                acc = dt.datetime(2024, rng.choice([5, 6, 6]), rng.randint(1, 19), rng.randint(8, 20), rng.randint(0, 59), rng.randint(0, 59))
            disp = acc + dt.timedelta(minutes=rng.randint(20, 300))
            days = rng.choice([3, 5, 7, 15, 15, 20]) if typ != "民政" or "咨询" not in title else 3
            if st == "申请延期":
                days += 15
            due = dt.datetime.combine(disp.date() + dt.timedelta(days=days), dt.time(17, 30))
            if cat == DONE:
                fin = dt.datetime.combine(disp.date() + dt.timedelta(days=rng.randint(1, days + 3)),
                                          dt.time(rng.randint(8, 18), rng.randint(0, 59), rng.randint(0, 59)))
                if fin.date() > D(2024, 6, 19):
                    fin = dt.datetime(2024, 6, 19, 16, 12, 5)
            else:
                fin = None
            recs.append(dict(unit=u, n=1, cat=cat, dl=due.date()))
            late = "是" if ((fin and fin > due) or (not fin and due.date() < export)) else "否"
            if cat == DONE:
                res = rng.choice(["经核实,已联系相关责任方处理完毕,并电话告知来电人。", "已安排工作人员现场处置,问题已解决。",
                                  "已向来电人做好政策解释,来电人表示理解。", "已责令整改,后续将加强巡查。"])
                sat = rng.choice(["满意", "满意", "基本满意", "不满意", ""]) if st != "待回访" else ""
            elif st == "待审核":
                res = "已现场核实并处置,办理结果已提交,待热线中心审核。"
                sat = ""
            elif st == "退回重办":
                res = "回复内容与诉求不符,热线中心退回重新办理。"
                sat = ""
            elif st == "申请延期":
                res = "涉及多部门协调,已申请延期办理。"
                sat = ""
            elif st == "办理中":
                res = rng.choice(["正在协调处理中。", "已派员核实,正在处理。", ""])
                sat = ""
            else:
                res = ""
                sat = ""
            rows.append([None, acc, rng.choice(["12345电话", "12345电话", "网站", "微信小程序", "政务服务平台"]),
                         "咨询" if "咨询" in title else "建议" if "建议" in content[:2] else rng.choice(["投诉", "投诉", "求助"]),
                         typ, title, content, u, disp, due, st, fin, res, sat, late,
                         rng.choice(["一般", "一般", "一般", "紧急"])])
    rows.sort(key=lambda x: x[1])
    for i, row in enumerate(rows):
        row[0] = f"GD{row[1]:%Y%m%d}{i + 1:05d}"
    hdr = ["工单编号", "受理时间", "来源渠道", "诉求类型", "业务分类", "诉求标题", "诉求内容", "承办单位", "派单时间",
           "办理时限", "工单状态", "办结时间", "办理结果", "回访满意度", "是否超期", "紧急程度"]
    f = lambda v: v.strftime("%Y-%m-%d %H:%M:%S") if isinstance(v, dt.datetime) else ("" if v is None else v)
    with open(os.path.join(OUT, name), "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow(hdr)
        for row in rows:
            w.writerow([Z(f(v)) for v in row])
    ANSWERS.append(dict(
        file=name, kind="市民热线 (12345) ticket export, one row one ticket, CSV UTF-8 with BOM",
        producer="区12345政务服务便民热线工单系统(导出CSV)", as_of=asof,
        sheets={name[:-4]: dict(header_row=1, data_rows=len(rows), columns=dict(
            problem="G (or F 诉求标题)", measure="M (办理结果; one ticket = one item)", deadline="J", status="K", unit="H",
            person=None, department="H", completed_on="L"))},
        status_map={"已回访": "done", "已归档": "done", "待回访": "done (unit has 办结, 办结时间 filled; waits for the "
                    "centre's call-back)", "办理中": "in progress", "退回重办": "in progress (returned by the centre)",
                    "申请延期": "in progress (extension asked; 办理时限 already the asked date)",
                    "待审核": "in progress (reply submitted, centre has not accepted it)", "待签收": "not started"},
        notes="one ticket = one problem = one measure; 办理时限 is a date-time, compared by its day; 是否超期 is the system's "
              "flag at export time (是/否), not a status; 回访满意度 is not a status; 诉求类型/业务分类 are categories, not units",
        units=count(recs, asof), unit_sheets={u: [name[:-4]] for u in units}))


# ---------------------------------------------------------------------------------------------------
# 4. 督查督办 task list, lead + cooperating units in one cell -> .ods via LibreOffice
# ---------------------------------------------------------------------------------------------------
def f4(tmp):
    rng = random.Random(404)
    name = "2024年县政府重点工作督查督办台账.ods"
    asof = ["2024-08-31", "2024-09-30"]
    L = ["王副县长", "李副县长", "陈副县长", "赵县长助理"]
    # (事项, [(任务, lead, coop, leader, deadline text, status text)])
    T = [
        ("推进县城老旧小区改造", [
            ("完成2024年度12个老旧小区改造项目开工建设", "县住建局", ["县财政局", "城关镇"], 0, "2024年6月底前", "已完成"),
            ("完成改造小区雨污分流和管网更新", "县住建局", ["县水务局"], 0, "2024年10月底前", "按序时推进"),
            ("建立改造后小区长效管理机制", "县住建局", ["城关镇"], 0, "长期", "长期推进"),
        ]),
        ("优化营商环境", [
            ("企业开办时间压缩至1个工作日以内", "县市场监管局", ["县行政审批局", "县税务局"], 1, "2024年3月31日", "已完成"),
            ("开展涉企违规收费专项整治", "县市场监管局", ["县发改局", "县财政局"], 1, "2024年8月31日", "进度滞后"),
            ("清理拖欠民营企业账款", "县财政局", ["县工信局"], 1, "2024年9月30日", "按序时推进"),
            ("常态化开展“政企面对面”活动", "县发改局", ["县工信局", "县工商联"], 1, "长期", "长期推进"),
        ]),
        ("乡村振兴重点项目", [
            ("完成高标准农田建设3万亩", "县农业农村局", ["县财政局", "县自然资源局", "各乡镇"], 2, "2024年第三季度", "按序时推进"),
            ("建成冷链物流集配中心", "县农业农村局", ["县商务局"], 2, "2024年12月底前", "未启动"),
            ("完成农村户厕问题摸排整改", "县农业农村局", ["县卫健局", "各乡镇"], 2, "2024年8月底前", "已完成"),
        ]),
        ("教育医疗民生实事", [
            ("新建县第三幼儿园并投入使用", "县教育局", ["县住建局", "县自然资源局"], 3, "2024年9月1日前", "已完成"),
            ("县医院新住院楼主体封顶", "县卫健局", ["县住建局"], 3, "2024年9月30日", "进度滞后"),
            ("推进紧密型县域医共体建设", "县卫健局", ["县医保局", "县财政局"], 3, "2024年底前", "按序时推进"),
            ("改造提升乡镇卫生院5所", "县卫健局", ["县发改局"], 3, "2024年8月31日", "按序时推进"),
        ]),
        ("生态环境综合治理", [
            ("完成沙河流域排污口整治", "县生态环境分局", ["县水务局", "沿河乡镇"], 0, "2024年7月", "已完成"),
            ("淘汰燃煤小锅炉", "县生态环境分局", ["县市场监管局"], 0, "2024年9月底", "进度滞后"),
            ("开展秋冬季大气污染防治攻坚", "县生态环境分局", ["县住建局", "县交通局", "县公安局"], 0, "2024年10月-12月", "未启动"),
            ("巩固河湖长制工作成效", "县水务局", ["各乡镇"], 0, "长期", "长期推进"),
        ]),
        ("重大项目建设", [
            ("完成工业园区标准化厂房二期征地", "县自然资源局", ["城关镇", "县工业园区管委会"], 1, "2024年5月31日", "已完成"),
            ("新能源产业园项目开工建设", "县发改局", ["县自然资源局", "县住建局"], 1, "2024年6月30日", "进度滞后"),
            ("争取地方政府专项债券项目入库", "县发改局", ["县财政局"], 1, "2024年第二季度", "已完成"),
            ("完成县城东环路改造工程", "县住建局", ["县交通局", "县公安局交警大队"], 2, "2024年11月30日", "按序时推进"),
        ]),
    ]
    cat_of = {"已完成": DONE, "按序时推进": IP, "进度滞后": IP, "未启动": NS, "长期推进": LT}
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "督办台账"
    hdr = ["序号", "督办事项", "具体任务", "牵头县领导", "责任单位", "完成时限", "进展情况", "办理状态", "备注"]
    nc = len(hdr)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=nc)
    ws.cell(1, 1, "2024年县政府重点工作督查督办台账").font = Font(size=16, bold=True)
    ws.cell(1, 1).alignment = CENTER
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=nc)
    ws.cell(2, 1, "(截至2024年8月31日)").alignment = CENTER
    for i, h in enumerate(hdr, 1):
        ws.cell(3, i, h).font = Font(bold=True)
        ws.cell(3, i).alignment = CENTER
    r = 4
    recs = []
    seq = 0
    prog = {"已完成": ["已全部完成并通过验收。", "已完成,相关材料已报县督查室备案。"],
            "按序时推进": ["正在按计划推进,完成序时进度。", "已完成招投标,正在施工。"],
            "进度滞后": ["受资金、用地等因素影响,进度滞后,已约谈相关负责人。", "前期手续办理缓慢,进度滞后于计划。"],
            "未启动": ["前期方案正在论证,尚未启动实施。"], "长期推进": ["已建立工作机制,常态化开展。"]}
    units = []
    for ev, ts in T:
        r0 = r
        for (task, lead, coop, li, dtext, st) in ts:
            seq += 1
            ws.cell(r, 1, seq)
            ws.cell(r, 3, task)
            ws.cell(r, 4, L[li])
            style = rng.randrange(3)
            if not coop:
                ucell = lead
            elif style == 0:
                ucell = f"{lead}牵头,{'、'.join(coop)}配合"
            elif style == 1:
                ucell = f"牵头单位:{lead}\n配合单位:{'、'.join(coop)}"
            else:
                ucell = f"{lead}(牵头)、{'、'.join(coop)}"
            ws.cell(r, 5, ucell)
            ws.cell(r, 6, dtext)
            ws.cell(r, 7, rng.choice(prog[st]))
            ws.cell(r, 8, st)
            if dtext == "长期":
                dl = LONG
            elif "-" in dtext and "月-" in dtext:
                dl = D(2024, 12, 31)
            else:
                dl = parse_cn_deadline(dtext, 2024)
            recs.append(dict(unit=lead, n=1, cat=cat_of[st], dl=dl))
            if lead not in units:
                units.append(lead)
            r += 1
        ws.cell(r0, 2, ev)
        if r - 1 > r0:
            ws.merge_cells(start_row=r0, start_column=2, end_row=r - 1, end_column=2)
    box(ws, 3, r - 1, 1, nc)
    last = r - 1
    ws.cell(r + 1, 1, "县政府督查室制表            联系人:周敏            电话:0359-7021168")
    for i, w in enumerate([6, 18, 36, 12, 34, 14, 36, 12, 14], 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws2 = wb.create_sheet("填表说明")
    for line in ["1.“办理状态”按“已完成”“按序时推进”“进度滞后”“未启动”“长期推进”填写。",
                 "2.责任单位排在首位的为牵头单位,牵头单位对任务完成负总责。",
                 "3.每月25日前由牵头单位报送进展情况,县政府督查室汇总通报。"]:
        ws2.append([line])
    ws2.column_dimensions["A"].width = 90
    src = os.path.join(tmp, name.replace(".ods", ".xlsx"))
    fw_workbook(wb)
    wb.save(src)
    soffice(src, "ods", OUT)
    ANSWERS.append(dict(
        file=name, kind="县政府督查督办 task list, lead and cooperating units in one cell, ods",
        producer="县政府督查室(Excel手工 → LibreOffice ods)", as_of=asof,
        sheets={"督办台账": dict(header_row=3, data_rows=last - 3, columns=dict(
            problem="B (督办事项, merged over its tasks)", measure="C (具体任务; one task = one item)", deadline="F",
            status="H", unit="E (the lead unit: first named / marked 牵头)", person=None, department="E",
            completed_on=None))},
        status_map={"已完成": "done", "长期推进": "long-term", "按序时推进": "in progress (on schedule)",
                    "进度滞后": "in progress (behind)", "未启动": "not started"},
        notes="unit = the lead unit (牵头) of 责任单位 written three ways: 'X牵头,Y、Z配合', '牵头单位:X\\n配合单位:Y', "
              "'X(牵头)、Y、Z'; cooperating units get nothing; '2024年10月-12月' = end of the range 2024-12-31; "
              "'2024年9月1日前' = 2024-09-01; 进展情况 is narrative, 办理状态 the state; sheet 填表说明 is not a ledger",
        units=count(recs, asof), unit_sheets={u: ["督办台账"] for u in units}))


# ---------------------------------------------------------------------------------------------------
# 5. 环保督察 rectification ledger, two-row header, mixed deadlines -> xlsx re-saved by LibreOffice
# ---------------------------------------------------------------------------------------------------
def f5(tmp):
    rng = random.Random(505)
    name = "云岭县省生态环境保护督察反馈问题整改台账.xlsx"
    asof = ["2024-06-30", "2024-12-31"]
    # (problem, goal, [(measure, unit, deadline_cell, status)])  deadline_cell: str or date
    P = [
        ("县城污水处理厂超负荷运行,雨季溢流直排沙河。", "污水处理能力满足需求,杜绝溢流直排。", [
            ("实施县城污水处理厂扩容提标改造工程,新增处理能力2万吨/日。", "县住建局", "2024年12月31日前", "达到序时进度"),
            ("对溢流口安装在线监测设备,纳入生态环境部门监控平台。", "县生态环境分局", "2024.06.30", "已完成"),
            ("①排查县城建成区雨污混接点并建立清单;②对混接点逐一实施改造。", "县住建局", "2024年6月底", "未达到序时进度"),
        ]),
        ("部分矿山企业未按要求开展生态修复,历史遗留矿山治理进度缓慢。", "完成历史遗留矿山生态修复任务。", [
            ("编制历史遗留矿山生态修复实施方案,明确修复时序。", "县自然资源局", D(2024, 3, 31), "已完成"),
            ("完成7处历史遗留矿山生态修复治理。", "县自然资源局", "2025年6月底前", "达到序时进度"),
            ("督促在产矿山企业落实“边开采、边治理”要求。", "县自然资源局", "长期坚持", "长期坚持"),
        ]),
        ("畜禽养殖废弃物资源化利用水平不高,部分养殖场粪污直排。", "规模养殖场粪污处理设施装备配套率达到100%。", [
            ("立即对直排的养殖场下达整改通知,责令停止直排。", "县农业农村局", "立行立改", "已完成"),
            ("对未配套粪污处理设施的规模养殖场逐一建档,限期配套到位。", "县农业农村局", "2024.09.30", "未达到序时进度"),
            ("开展畜禽粪污资源化利用整县推进项目。", "县农业农村局", "2024年底前", "达到序时进度"),
            ("对拒不整改的养殖场依法查处。", "县生态环境分局", "立行立改", "达到序时进度"),
        ]),
        ("饮用水水源保护区内仍有违规建筑和农家乐。", "完成水源地保护区内违规问题清理整治。", [
            ("对一级保护区内违规建筑依法拆除并实施生态恢复。", "石岭镇", "2024年5月31日", "已完成"),
            ("关停二级保护区内排放污水的农家乐。", "石岭镇", D(2024, 6, 30), "未达到序时进度"),
            ("设置保护区界标、警示牌和隔离防护设施。", "县水利局", "2024.06.29", "未达到序时进度"),
        ]),
        ("河道采砂管理不规范,非法采砂屡禁不止。", "建立河道采砂长效监管机制。", [
            ("开展非法采砂专项整治行动,依法查处非法采砂行为。", "县水利局", "立行立改", "已完成"),
            ("编制河道采砂规划,实行采砂许可管理。", "县水利局", "2024年第三季度", "达到序时进度"),
            ("落实河长巡河制度,将采砂监管纳入巡河内容。", "县水利局", "长期", "长期坚持"),
        ]),
        ("建筑工地扬尘管控不到位,“六个百分之百”落实不严。", "建筑工地扬尘防治措施落实到位。", [
            ("①对全县在建工地开展扬尘专项检查;②对不达标工地责令停工整改。", "县住建局", "2024年4月底", "已完成"),
            ("在规模以上工地安装扬尘在线监测和视频监控设备。", "县住建局", "2024.07.31", "达到序时进度"),
            ("将扬尘管控纳入建筑企业信用评价。", "县住建局", "长期坚持", "已完成"),
        ]),
        ("工业园区环境基础设施建设滞后,集中式污水处理设施未建成。", "园区污水集中收集处理。", [
            ("建成工业园区集中式污水处理厂并投入运行。", "县生态环境分局", "2024年12月底前", "未达到序时进度"),
            ("开展园区企业环境风险排查,完善突发环境事件应急预案。", "县生态环境分局", D(2024, 6, 15), "已完成"),
            ("加强园区企业排污许可证后监管。", "县生态环境分局", "长期坚持", "长期坚持"),
        ]),
        ("秸秆露天焚烧现象时有发生。", "杜绝秸秆露天焚烧。", [
            ("落实秸秆禁烧网格化管理责任,实行镇、村、组三级包片。", "石岭镇", "长期坚持", "长期坚持"),
            ("推进秸秆综合利用,建设秸秆收储点2个。", "县农业农村局", "2024年10月底", "未达到序时进度"),
        ]),
    ]
    cat_of = {"已完成": DONE, "达到序时进度": IP, "未达到序时进度": IP, "长期坚持": LT}
    people = {"县住建局": ["刘昌平"], "县生态环境分局": ["张瑜"], "县自然资源局": ["何光明"], "县农业农村局": ["曹志勇"],
              "石岭镇": ["罗春生"], "县水利局": ["邓建军"]}
    leaders = {"县住建局": "杨副县长", "县生态环境分局": "林副县长", "县自然资源局": "杨副县长", "县农业农村局": "吴副县长",
               "石岭镇": "林副县长", "县水利局": "吴副县长"}
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    nc = 10
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=nc)
    ws.cell(1, 1, "云岭县贯彻落实省第三生态环境保护督察组督察反馈意见整改任务台账").font = Font(size=16, bold=True)
    ws.cell(1, 1).alignment = CENTER
    top = ["序号", "督察反馈问题", "整改目标", "整改措施", "责任主体", None, None, "整改时限", "整改情况", None]
    sub = [None, None, None, None, "牵头领导", "责任单位", "责任人", None, "完成情况", "进展说明"]
    for i, (a, b) in enumerate(zip(top, sub), 1):
        if a:
            ws.cell(2, i, a)
        if b:
            ws.cell(3, i, b)
    for c in (1, 2, 3, 4, 8):
        ws.merge_cells(start_row=2, start_column=c, end_row=3, end_column=c)
    ws.merge_cells(start_row=2, start_column=5, end_row=2, end_column=7)
    ws.merge_cells(start_row=2, start_column=9, end_row=2, end_column=10)
    for rr in (2, 3):
        for c in range(1, nc + 1):
            ws.cell(rr, c).font = Font(bold=True)
            ws.cell(rr, c).alignment = CENTER
    r = 4
    recs = []
    units = []
    note = {"已完成": "已完成整改,待县整改办组织验收销号。", "达到序时进度": "正在实施,达到序时进度要求。",
            "未达到序时进度": "受资金和征地影响,未达到序时进度,已督促加快。", "长期坚持": "已建立长效机制,持续巩固。"}
    for seq, (prob, goal, ms) in enumerate(P, 1):
        r0 = r
        for (mt, u, dlc, st) in ms:
            ws.cell(r, 4, mt)
            ws.cell(r, 5, leaders[u])
            ws.cell(r, 6, u)
            ws.cell(r, 7, people[u][0])
            if isinstance(dlc, D):
                ws.cell(r, 8, dt.datetime.combine(dlc, dt.time())).number_format = "yyyy-mm-dd"
                dl = dlc
            elif dlc in ("长期", "长期坚持"):
                ws.cell(r, 8, dlc)
                dl = LONG
            elif dlc == "立行立改":
                ws.cell(r, 8, dlc)
                dl = IMM
            else:
                ws.cell(r, 8, dlc)
                dl = parse_cn_deadline(dlc, 2024)
            ws.cell(r, 9, st)
            ws.cell(r, 10, note[st])
            n = 2 if ("①" in mt and "②" in mt) else 1
            recs.append(dict(unit=u, n=n, cat=cat_of[st], dl=dl))
            if u not in units:
                units.append(u)
            r += 1
        ws.cell(r0, 1, seq)
        ws.cell(r0, 2, prob)
        ws.cell(r0, 3, goal)
        if r - 1 > r0:
            for c in (1, 2, 3):
                ws.merge_cells(start_row=r0, start_column=c, end_row=r - 1, end_column=c)
    box(ws, 2, r - 1, 1, nc)
    last = r - 1
    ws.cell(r, 1, "注:“完成情况”按“已完成”“达到序时进度”“未达到序时进度”“长期坚持”填写。")
    ws.cell(r + 1, 1, "县生态环境保护督察整改工作领导小组办公室                2024年6月")
    for i, w in enumerate([6, 30, 22, 40, 12, 16, 10, 14, 14, 30], 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A4"
    d2 = os.path.join(tmp, "f5")
    os.makedirs(d2, exist_ok=True)
    src = os.path.join(d2, name)
    fw_workbook(wb)
    wb.save(src)
    soffice(src, "xlsx:Calc MS Excel 2007 XML", OUT)
    ANSWERS.append(dict(
        file=name, kind="环保督察 rectification ledger, two-row header (责任主体 / 整改情况 groups), mixed deadlines, xlsx",
        producer="县督察整改办(Excel手工 → re-saved by LibreOffice Calc as xlsx)", as_of=asof,
        sheets={"整改台账": dict(header_row="2-3 (group header over sub-columns)", data_rows=last - 3, columns=dict(
            problem="B", measure="D", deadline="H", status="I (完成情况 under 整改情况)", unit="F (责任单位 under 责任主体)",
            person="G", department="F", completed_on=None))},
        status_map={"已完成": "done", "长期坚持": "long-term", "达到序时进度": "in progress (on schedule)",
                    "未达到序时进度": "in progress (behind)"},
        notes="units = 责任单位 (one unit per row); problems merged over their measures, which may go to different units; "
              "a measure cell enumerating ①…②… = 2 measures; 整改目标 is a target, not a measure; 立行立改 not done is "
              "overdue at any as-of date; 长期/长期坚持 deadlines are never overdue; '长期坚持' deadline with status 已完成 is "
              "done (status decides the category)",
        units=count(recs, asof), unit_sheets={u: ["整改台账"] for u in units}))


# ---------------------------------------------------------------------------------------------------
# 6. sub-district workbook: summary sheet + one ledger sheet per community (+ hidden template)
# ---------------------------------------------------------------------------------------------------
def f6():
    rng = random.Random(606)
    name = "东城街道各社区巡察整改台账汇总.xlsx"
    asof = ["2024-03-31", "2024-06-30"]
    comms = ["东风社区", "光明社区", "新华社区", "建设社区"]
    # one row per problem; measures enumerated in the cell; numbering style per community
    probs = [
        ("社区党委落实“三会一课”制度不严格,党员大会召开次数不足。", ["严格落实“三会一课”制度,制定年度组织生活计划", "建立组织生活纪实台账", "街道党工委定期检查通报"]),
        ("居务公开不及时,公开栏内容长期未更新。", ["规范居务公开内容和程序", "按季度更新公开栏并留存影像资料"]),
        ("网格员队伍管理松散,入户走访记录不真实。", ["修订网格员考核办法", "开展网格员业务培训", "社区书记每月抽查入户走访记录"]),
        ("社区专项经费使用不规范,部分支出票据不全。", ["对专项经费支出逐笔清查,补齐票据", "严格执行社区财务报销审批制度"]),
        ("矛盾纠纷排查化解不及时,信访问题反复发生。", ["建立矛盾纠纷排查化解台账", "落实社区领导接访包案制度"]),
        ("党员教育管理不到位,流动党员底数不清。", ["全面摸排流动党员底数,建立联系台账", "通过线上方式组织流动党员参加组织生活"]),
        ("老旧小区物业管理缺位,居民投诉较多。", ["推动成立业主委员会或引入物业服务", "组织开展小区环境集中整治"]),
        ("为民服务事项办理效率不高,群众满意度较低。", ["梳理社区为民服务事项清单并公开", "推行“首问负责”和“一次性告知”制度", "开展群众满意度回访"]),
        ("社区“两委”班子议事决策不规范,“四议两公开”执行不到位。", ["规范“四议两公开”工作程序", "完善会议记录和决策档案"]),
        ("安全生产和消防隐患排查流于形式。", ["开展辖区“九小场所”消防安全排查", "建立隐患整改销号台账"]),
    ]
    styles = {"东风社区": "num_dot", "光明社区": "yishi", "新华社区": "circle", "建设社区": "paren"}
    ch = "一二三四五"

    def enum(items, style):
        if len(items) == 1:
            return items[0] + "。"
        if style == "num_dot":
            return ";".join(f"{i}.{t}" for i, t in enumerate(items, 1)) + "。"
        if style == "yishi":
            return ";".join(f"{ch[i]}是{t}" for i, t in enumerate(items)) + "。"
        if style == "circle":
            return "".join(f"{'①②③④⑤'[i]}{t};" for i, t in enumerate(items))[:-1] + "。"
        return "".join(f"({i}){t};" for i, t in enumerate(items, 1))[:-1] + "。"

    wb = openpyxl.Workbook()
    summ = wb.active
    summ.title = "汇总"
    recs = []
    people = ["孙桂兰", "刘建军", "马丽", "赵志华", "周涛", "冯晓", "吴桂芳", "郑强"]
    dpool_early = ["2024年1月底前", "2024年2月底前", "2024年3月31日前", "立行立改"]
    dpool = ["2024年3月底前", "2024年4月30日前", "2024年5月底前", "2024年6月30日前", "2024年6月底前", "2024年9月底前",
             "2024年底前", "长期坚持"]
    sheet_stats = {}
    for ci, c in enumerate(comms):
        ws = wb.create_sheet(c)
        layout_b = (c == "新华社区")  # this community moved columns around and named them differently
        hdr = ["序号", "存在问题", "整改措施", "责任人", "完成时限", "整改情况", "备注"] if not layout_b else \
              ["序号", "巡察反馈问题", "整改举措", "整改时限", "责任人", "完成情况", "备注"]
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(hdr))
        ws.cell(1, 1, f"{c}落实街道党工委巡察反馈意见整改台账").font = Font(size=15, bold=True)
        ws.cell(1, 1).alignment = CENTER
        for i, h in enumerate(hdr, 1):
            ws.cell(2, i, h).font = Font(bold=True)
            ws.cell(2, i).alignment = CENTER
        chosen = rng.sample(range(len(probs)), rng.choice([6, 7, 8]))
        r = 3
        for k, pi in enumerate(chosen, 1):
            ptxt, items = probs[pi]
            its = items if rng.random() < 0.8 else items[:1]
            n = len(its)
            dtext = rng.choice(dpool + dpool_early if k <= 3 else dpool)
            if dtext == "长期坚持":
                dl = LONG
                cat = LT
                st = "长期坚持"
            elif dtext == "立行立改":
                dl = IMM
                cat = DONE if rng.random() < 0.7 else IP
                st = "已完成" if cat == DONE else "整改中"
            else:
                dl = parse_cn_deadline(dtext, 2024)
                p = rng.random()
                if dl <= D(2024, 3, 31):
                    cat = DONE if p < 0.7 else IP
                else:
                    cat = DONE if p < 0.3 else (IP if p < 0.85 else NS)
                st = {DONE: rng.choice(["已完成", "已完成", "已整改"]), IP: rng.choice(["整改中", "正在整改", "部分完成"]),
                      NS: "未开始"}[cat]
            vals = [k, ptxt, enum(its, styles[c]), rng.choice(people), dtext, st, ""]
            if layout_b:
                vals = [k, ptxt, enum(its, styles[c]), dtext, vals[3], st, ""]
            for i, v in enumerate(vals, 1):
                ws.cell(r, i, v)
            recs.append(dict(unit=c, n=n, cat=cat, dl=dl, np=1))
            r += 1
        box(ws, 2, r - 1, 1, len(hdr))
        ws.cell(r, 1, f"填报人:{rng.choice(people)}        社区书记(签字):                 填报时间:2024年3月28日")
        for i, w in enumerate([6, 36, 52, 14, 14, 12, 12], 1):
            ws.column_dimensions[get_column_letter(i)].width = w
        sheet_stats[c] = r - 3
    # summary (not a ledger): numbers as of the workbook's date, typed in by the sub-district clerk
    summ.merge_cells("A1:G1")
    summ["A1"] = "东城街道社区巡察整改进度汇总表"
    summ["A1"].font = Font(size=15, bold=True)
    summ["A1"].alignment = CENTER
    summ.append(["社区", "反馈问题(个)", "已整改问题(个)", "整改措施(项)", "已完成(项)", "长期坚持(项)", "完成率"])
    for c in comms:
        rs = [x for x in recs if x["unit"] == c]
        m = sum(x["n"] for x in rs)
        dn = sum(x["n"] for x in rs if x["cat"] == DONE)
        lt = sum(x["n"] for x in rs if x["cat"] == LT)
        pd = sum(1 for x in rs if x["cat"] in (DONE, LT))
        summ.append([c, len(rs), pd, m, dn, lt, f"{(dn + lt) / m * 100:.0f}%"])
    summ.append(["合计", sum(len([x for x in recs if x["unit"] == c]) for c in comms), None,
                 sum(x["n"] for x in recs), None, None, None])
    summ.append([])
    summ.append(["备注:各社区台账见后附工作表。"])
    for col, w in zip("ABCDEFG", [14, 14, 16, 14, 12, 14, 10]):
        summ.column_dimensions[col].width = w
    tpl = wb.create_sheet("模板")
    tpl.append(["XX社区落实街道党工委巡察反馈意见整改台账"])
    tpl.append(["序号", "存在问题", "整改措施", "责任人", "完成时限", "整改情况", "备注"])
    tpl.sheet_state = "hidden"
    fw_workbook(wb)
    wb.save(os.path.join(OUT, name))
    ANSWERS.append(dict(
        file=name, kind="sub-district workbook: summary sheet + one ledger sheet per community (one row per problem, "
                        "measures enumerated in the cell) + hidden template, xlsx",
        producer="街道党建办(Excel手工, openpyxl)", as_of=asof,
        sheets={**{c: dict(header_row=2, data_rows=sheet_stats[c], columns=dict(
            problem="B", measure="C (enumerated: one item = one measure)",
            deadline="D" if c == "新华社区" else "E", status="F", unit=f"(title / sheet name: {c})",
            person="E" if c == "新华社区" else "D", department=None, completed_on=None)) for c in comms},
                "汇总": dict(not_a_ledger=True), "模板": dict(hidden=True, not_a_ledger="header only, no data")},
        status_map={"已完成 / 已整改": "done", "长期坚持": "long-term", "整改中 / 正在整改 / 部分完成": "in progress",
                    "未开始": "not started"},
        notes="units = the communities (one sheet each); measures counted per enumerated item (1.… / 一是… / ①… / (1)…), "
              "a cell without numbering = 1; every item inherits its row's deadline and status; 汇总 is a typed summary "
              "and the hidden 模板 sheet is an empty template — neither is a unit; 新华社区 uses its own header words and "
              "column order",
        units=count(recs, asof), unit_sheets={c: [c] for c in comms}))


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    with tempfile.TemporaryDirectory() as tmp:
        f1()
        f2(tmp)
        f3()
        f4(tmp)
        f5(tmp)
        f6()
    with open(os.path.join(HERE, "answers.json"), "w", encoding="utf-8") as fh:
        json.dump(ANSWERS, fh, ensure_ascii=False, indent=1)
    for a in ANSWERS:
        print(a["file"], len(a["units"]), "units")


if __name__ == "__main__":
    main()
