#!/usr/bin/env python3
"""Seeded generator of taizhang holdout 4.  `python3 gen.py` (needs openpyxl and soffice).

Writes files/ and answers.json.  Every data row appends its truth to `truth`:
(unit, number_of_measures, category, due) with category in done/long/prog/not and due a date,
"LT" (long-term, never overdue) or "NOW" (immediate: not done = overdue on every date)."""
import csv, datetime as dt, io, json, os, random, shutil, subprocess, tempfile
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")
D = dt.date
LT, NOW = "LT", "NOW"
_S = Side(style="thin")
GRID = Border(left=_S, right=_S, top=_S, bottom=_S)
MID = Alignment(wrap_text=True, vertical="center", horizontal="center")
LEFT = Alignment(wrap_text=True, vertical="center", horizontal="left")


def tally(truth, dates):
    out = {}
    for unit, n, cat, due in truth:
        per = out.setdefault(unit, {d: dict(measures=0, measures_done=0, measures_long_term=0,
                                            measures_not_done=0, overdue=0) for d in dates})
        for d in dates:
            x = per[d]
            x["measures"] += n
            if cat == "done":
                x["measures_done"] += n
            elif cat == "long":
                x["measures_long_term"] += n
            else:
                x["measures_not_done"] += n
                if due == NOW or (isinstance(due, D) and due < D.fromisoformat(d)):
                    x["overdue"] += n
    return out


def lo_convert(src, target, outdir):
    prof = tempfile.mkdtemp(prefix="lo4_")
    subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless", "--convert-to", target,
                    "--outdir", outdir, src], check=True, capture_output=True, timeout=300)
    shutil.rmtree(prof, ignore_errors=True)


def via_lo(wb, base, ext, target):
    tmp = tempfile.mkdtemp(prefix="h4_")
    src = os.path.join(tmp, base + ".xlsx")
    wb.save(src)
    os.makedirs(tmp + "/o")
    lo_convert(src, target, tmp + "/o")
    shutil.copy(os.path.join(tmp, "o", base + "." + ext), os.path.join(OUT, base + "." + ext))
    shutil.rmtree(tmp, ignore_errors=True)


def frame(ws, r1, r2, c2, left_cols=()):
    for r in range(r1, r2 + 1):
        for c in range(1, c2 + 1):
            cell = ws.cell(r, c)
            cell.border = GRID
            cell.alignment = LEFT if c in left_cols else MID


def widths(ws, ws_w):
    for i, w in enumerate(ws_w, 1):
        ws.column_dimensions[get_column_letter(i)].width = w


def xdt(d):
    return dt.datetime(d.year, d.month, d.day)


# ------------------------------------------------------------------ 1: county education bureau, schools merged, .xls
def f1(rng, truth):
    base = "安平县教育和体育局2025年秋季学期校园安全隐患排查整改台账"
    schools = {
        "安平县第一中学": [("学生宿舍楼", "三楼楼道应急照明灯不亮", "更换应急照明灯具并逐层检测"),
                      ("实验楼", "化学实验室危化品柜未双人双锁", "加装双锁，落实双人保管"),
                      ("操场", "看台栏杆锈蚀松动", "对栏杆除锈加固"),
                      ("食堂", "留样冰箱温度记录不全", "补齐记录，指定专人每日登记"),
                      ("校门", "防冲撞设施缺失", "在校门口设置防冲撞隔离桩")],
        "安平县实验小学": [("教学楼", "部分教室插座无防护盖", "加装儿童安全插座防护盖"),
                      ("围墙", "东侧围墙局部开裂", "委托施工单位修补加固"),
                      ("配电房", "配电房无挡鼠板", "安装挡鼠板"),
                      ("校车", "校车随车照管员未持证", "组织照管员参加培训并取得上岗证")],
        "城南镇中心小学": [("厨房", "燃气软管老化", "更换燃气金属软管并安装报警器"),
                      ("教学楼", "消防栓箱内水带缺失", "补配水带、水枪"),
                      ("宿舍", "私拉电线为手机充电", "拆除私拉电线，设置集中充电柜"),
                      ("门卫室", "监控录像保存不足30天", "更换硬盘，录像保存不少于30天"),
                      ("体育器材室", "单杠底座松动", "重新浇筑固定底座")],
        "安平县职业技术教育中心": [("实训车间", "车床防护罩缺失", "加装防护罩，张贴操作规程"),
                          ("实训车间", "焊接工位通风不良", "安装局部排风设施"),
                          ("学生公寓", "疏散指示标志损坏", "更换疏散指示标志"),
                          ("图书馆", "灭火器过期", "更换过期灭火器"),
                          ("食堂", "从业人员健康证过期", "督促办理健康证，未办理前暂停上岗")],
        "安平县第二幼儿园": [("活动室", "窗户无防护栏", "加装防护栏"),
                       ("户外场地", "滑梯螺丝外露", "更换螺丝并加装防护帽"),
                       ("厨房", "生熟刀具未分开", "生熟刀具分开存放并标识")],
    }
    sts = [("已整改", "done"), ("已整改", "done"), ("已消除", "done"), ("正在整改", "prog"), ("整改中", "prog"),
           ("未整改", "not"), ("已整改待验收", "done")]
    # (cell value, number_format, resolved due)
    dls = [(dt.datetime(2025, 9, 15), "yyyy/m/d", D(2025, 9, 15)), ("2025.9.30", None, D(2025, 9, 30)),
           ("2025年10月底前", None, D(2025, 10, 31)), ("立即整改", None, NOW),
           (dt.datetime(2025, 10, 20), "yyyy\"年\"m\"月\"d\"日\"", D(2025, 10, 20)),
           ("2025年11月30日前", None, D(2025, 11, 30)), ("2025年9月", None, D(2025, 9, 30))]
    wb = Workbook(); ws = wb.active; ws.title = "隐患整改台账"
    hdr = ["序号", "学校（单位）名称", "隐患部位", "隐患具体情况", "整改措施", "校级责任人", "整改时限", "整改落实情况", "备注"]
    n = len(hdr)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    ws["A1"] = base; ws["A1"].font = Font(size=15, bold=True); ws["A1"].alignment = MID
    ws["A2"] = "填报单位：安平县教育和体育局（盖章）"
    ws["G2"] = "填报时间：2025年9月8日"
    for i, h in enumerate(hdr, 1):
        ws.cell(3, i, h).font = Font(bold=True)
    for i in range(1, n + 1):
        ws.cell(4, i, i)
    heads = {"安平县第一中学": ["王立新", "赵春梅"], "安平县实验小学": ["刘海燕"], "城南镇中心小学": ["孙国庆", "马丽"],
             "安平县职业技术教育中心": ["高建军", "周平"], "安平县第二幼儿园": ["李娟"]}
    r = 5; seq = 0
    for school, items in schools.items():
        seq += 1; top = r
        for place, issue, fix in items:
            st, cat = rng.choice(sts)
            v, nf, due = rng.choice(dls)
            ws.cell(r, 3, place); ws.cell(r, 4, issue); ws.cell(r, 5, fix)
            ws.cell(r, 6, rng.choice(heads[school]))
            c = ws.cell(r, 7, v)
            if nf: c.number_format = nf
            ws.cell(r, 8, st)
            if st == "已整改待验收": ws.cell(r, 9, "待教体局复查")
            truth.append((school, 1, cat, due)); r += 1
        ws.cell(top, 1, seq); ws.cell(top, 2, school)
        ws.merge_cells(f"A{top}:A{r-1}"); ws.merge_cells(f"B{top}:B{r-1}")
    frame(ws, 3, r - 1, n, left_cols=(4, 5))
    ws.cell(r, 1, "说明：1.本表由各学校每月5日前报县教体局安全股；2.整改落实情况按“已整改、正在整改、未整改”填写；3.重大隐患须同时附整改方案。")
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=n)
    ws.cell(r + 1, 1, "填表人：韩雪    审核人：张国栋    联系电话：0318-7821056")
    widths(ws, [6, 18, 12, 28, 30, 10, 14, 14, 12])
    ws.freeze_panes = "A5"
    via_lo(wb, base, "xls", "xls:MS Excel 97")
    return dict(file=base + ".xls", kind="county education bureau 校园安全隐患 register, school merged down, column-number row, .xls",
                producer="县教体局安全股(Excel手工, openpyxl → LibreOffice BIFF8 .xls)", as_of=["2025-09-20", "2025-11-10"],
                sheets={"隐患整改台账": dict(header_row=3, data_rows=r - 5,
                        columns=dict(problem="D", measure="E", deadline="G", status="H", unit="B (学校名称, merged down)",
                                     person="F", department="B", completed_on=None))},
                status_map={"已整改 / 已消除 / 已整改待验收": "done", "正在整改 / 整改中": "in progress", "未整改": "not started"},
                notes="units = schools (merged down over their rows); the 填报单位 meta row names the bureau (filer), not a unit; row 4 holds column numbers 1..9 and is not data; 说明/填表人 footer is not data; one row = one measure; 立即整改 not done is overdue on both dates; 2025年9月 = 09-30",
                unit_sheets={u: ["隐患整改台账"] for u in schools})


# ------------------------------------------------------------------ 2: 12345 ticket export, CSV UTF-8 BOM
def f2(rng, truth):
    name = "12345工单导出_承办明细_20250328.csv"
    units = {
        "桐河县住房和城乡建设局": ("城乡建设", ["小区楼道灯长期不亮", "老旧小区改造施工噪音扰民", "物业不作为，化粪池外溢",
                                 "小区电梯频繁故障", "公租房漏水无人维修", "建筑垃圾随意堆放"]),
        "桐河县市场监督管理局": ("市场监管", ["超市销售过期食品", "预付卡商家跑路", "农贸市场缺斤短两", "网购家电拒不退货",
                                "餐馆后厨卫生差"]),
        "桐河县交通运输局": ("交通运输", ["公交车不按站停靠", "出租车拒载", "乡村道路坑洼", "客运站售票窗口开放少"]),
        "桐河县自来水有限公司": ("水电气暖", ["小区停水未提前通知", "自来水浑浊有异味", "水表计量异常", "管道破裂漏水"]),
        "柳湾镇人民政府": ("农业农村", ["村道路灯损坏", "土地流转费用未兑付", "秸秆焚烧烟雾大", "村内排水沟堵塞",
                         "养殖场异味扰民", "低保申请无人受理"]),
    }
    # state, category
    states = [("待签收", "not"), ("待处理", "not"), ("处理中", "prog"), ("处理中", "prog"), ("退回待审", "prog"),
              ("延期申请中", "prog"), ("重新交办", "prog"), ("已答复待回访", "done"), ("回访完成", "done"),
              ("已办结", "done"), ("已办结", "done"), ("已归档", "done")]
    kinds = ["投诉", "求助", "咨询", "建议", "举报"]
    towns = ["城关镇", "柳湾镇", "石桥乡", "河口镇", "新城街道"]
    hdr = ["工单编号", "受理时间", "受理渠道", "来电人", "联系电话", "是否保密", "问题分类", "诉求类型", "诉求标题", "诉求内容",
           "事发地址", "所属乡镇", "承办单位", "派单时间", "办理时限", "工单状态", "签收时间", "办结时间", "办理结果",
           "是否延期", "超期状态", "回访方式", "满意度", "重复来电次数", "督办等级"]
    rows = []; k = 0
    start = dt.datetime(2025, 2, 20, 8, 30)
    for unit, (field, issues) in units.items():
        for issue in issues:
            k += 1
            t0 = start + dt.timedelta(days=rng.randint(0, 30), hours=rng.randint(0, 9), minutes=rng.randint(0, 59))
            due_dt = (t0 + dt.timedelta(days=rng.choice([3, 5, 7, 15]))).replace(hour=rng.choice([17, 18, 23]),
                                                                                  minute=rng.choice([0, 30, 59]), second=0)
            st, cat = rng.choice(states)
            done = cat == "done"
            fin = (t0 + dt.timedelta(days=rng.randint(1, 6), hours=3)) if done else None
            if st == "延期申请中": ext = "是"
            else: ext = "否"
            town = rng.choice(towns)
            if unit.startswith("柳湾镇"): town = "柳湾镇"
            result = ""
            if done:
                result = f"经核实，{issue}情况属实，已于{fin.month}月{fin.day}日处理完毕，并电话告知来电人。"
            elif st == "处理中":
                result = "已派员现场核实，正在协调处理。"
            elif st == "退回待审":
                result = "该诉求不属于我单位职责范围，申请退回。"
            overdue_flag = "已超期" if (not done and due_dt < dt.datetime(2025, 3, 28, 9, 0)) else "未超期"
            sat = rng.choice(["满意", "基本满意", "不满意"]) if st in ("回访完成", "已办结", "已归档") else ""
            rows.append([
                f"TH2025{(t0.month):02d}{(t0.day):02d}{k:04d}", t0.strftime("%Y-%m-%d %H:%M:%S"),
                rng.choice(["12345电话", "网站", "微信公众号", "市长信箱"]), rng.choice(["王先生", "李女士", "张先生", "刘女士", "匿名"]),
                f"13{rng.randint(100000000, 999999999)}", rng.choice(["是", "否"]), field, rng.choice(kinds), issue,
                f"来电人反映：{town}{issue}，希望尽快解决。", f"{town}{rng.choice(['幸福路', '建设街', '人民路', '滨河路'])}{rng.randint(1, 200)}号",
                town, unit, (t0 + dt.timedelta(minutes=40)).strftime("%Y-%m-%d %H:%M:%S"), due_dt.strftime("%Y-%m-%d %H:%M:%S"),
                st, "" if st == "待签收" else (t0 + dt.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M:%S"),
                fin.strftime("%Y-%m-%d %H:%M:%S") if fin else "", result, ext, overdue_flag,
                "电话回访" if sat else "", sat, str(rng.randint(0, 3)), rng.choice(["", "一般督办", "重点督办"])])
            truth.append((unit, 1, cat, due_dt.date()))
    rng.shuffle(rows)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(hdr); w.writerows(rows)
    with open(os.path.join(OUT, name), "w", encoding="utf-8-sig", newline="") as fh:
        fh.write(buf.getvalue())
    sheet = name[:-4]
    return dict(file=name, kind="12345 hotline ticket export, one row per ticket, 25 columns, CSV UTF-8 BOM CRLF",
                producer="县12345政务服务热线工单系统(导出CSV)", as_of=["2025-03-10", "2025-03-28"],
                sheets={sheet: dict(header_row=1, data_rows=len(rows),
                        columns=dict(problem="J (诉求内容; I 诉求标题)", measure="S (办理结果; one ticket = one item)", deadline="O",
                                     status="P", unit="M (承办单位)", person=None, department="M", completed_on="R"))},
                status_map={"已答复待回访 / 回访完成 / 已办结 / 已归档": "done",
                            "处理中 / 退回待审 / 延期申请中 / 重新交办": "in progress",
                            "待签收 / 待处理": "not started"},
                notes="one ticket = one measure; 问题分类 (fields of work) and 诉求类型 are not units; 超期状态 is the system's flag at export time, not a status; 满意度 is not a status; 办理时限 date-time compared by its day (deadline day itself not overdue)",
                unit_sheets={u: [sheet] for u in units})


# ------------------------------------------------------------------ 3: county 督查督办, lead+coop in one cell, .ods
def f3(rng, truth):
    base = "青岚县2025年县政府重点工作督查督办台账"
    # (督办事项, [(task, lead, coops)])
    items = [
        ("推进县城老旧小区改造", [("完成12个老旧小区改造开工", "县住建局", ["县财政局", "城关镇"]),
                           ("同步实施雨污分流管网改造", "县住建局", ["县水利局"]),
                           ("建立改造后长效管护机制", "县住建局", ["城关镇", "县城管局"])]),
        ("争取中央预算内投资项目", [("谋划储备项目不少于30个", "县发改局", ["县财政局"]),
                             ("完成项目前期手续办理", "县发改局", ["县自然资源局", "县生态环境分局"])]),
        ("高标准农田建设", [("新建高标准农田2万亩", "县农业农村局", ["县财政局", "县水利局"]),
                        ("完成项目竣工验收", "县农业农村局", ["县审计局"]),
                        ("落实建后管护责任", "县农业农村局", ["各乡镇"])]),
        ("文旅融合发展", [("创建省级全域旅游示范区", "县文广旅局", ["县发改局", "县住建局"]),
                      ("举办青岚山乡村旅游节", "县文广旅局", ["青岚山镇"]),
                      ("完善景区标识导览系统", "县文广旅局", ["县交通局"])]),
        ("稳就业促增收", [("城镇新增就业三千人", "县人社局", ["各乡镇"]),
                      ("开展职业技能培训", "县人社局", ["县教体局", "县农业农村局"]),
                      ("根治欠薪专项行动", "县人社局", ["县住建局", "县交通局"])]),
        ("农村公路提档升级", [("完成县乡道改造", "县交通局", ["县财政局"]),
                         ("实施危桥改造", "县交通局", ["县应急局"]),
                         ("常态化开展路域环境整治", "县交通局", ["各乡镇", "县公安局"])]),
        ("优化营商环境", [("推行企业开办一日办结", "县发改局", ["县市场监管局", "县政务服务中心"]),
                      ("清理拖欠企业账款", "县发改局", ["县财政局", "县工信局"])]),
    ]

    def cell_text(lead, coops, form):
        co = "、".join(coops)
        if form == 0: return f"牵头单位：{lead}\n配合单位：{co}"
        if form == 1: return f"{lead}（牵头）、{co}"
        if form == 2: return f"{lead}牵头，{co}配合"
        return f"{lead}\n{co}"

    leaders = {"县住建局": "副县长 杨帆", "县发改局": "常务副县长 许国华", "县农业农村局": "副县长 唐明",
               "县文广旅局": "副县长 邱丽萍", "县人社局": "副县长 邱丽萍", "县交通局": "副县长 杨帆"}
    sts = [("已办结", "done"), ("已办结", "done"), ("正常推进", "prog"), ("正常推进", "prog"), ("进度滞后", "prog"),
           ("未启动", "not"), ("常态化推进", "long")]
    dls = [("2025年6月底前", D(2025, 6, 30)), ("2025年三季度", D(2025, 9, 30)), ("2025年12月31日", D(2025, 12, 31)),
           ("2025年10月", D(2025, 10, 31)), ("常态化", LT), ("2025年5月20日前", D(2025, 5, 20)), ("2025年底前", D(2025, 12, 31))]
    wb = Workbook(); ws = wb.active; ws.title = "督办事项"
    hdr = ["序号", "督办事项", "具体任务", "责任单位", "县领导", "办结时限", "当前进展", "办理状态", "备注"]
    ws.merge_cells("A1:I1"); ws["A1"] = base; ws["A1"].font = Font(size=16, bold=True); ws["A1"].alignment = MID
    ws["A2"] = "县政府督查室                                   更新日期：2025年7月1日"
    for i, h in enumerate(hdr, 1): ws.cell(3, i, h).font = Font(bold=True)
    r = 4; no = 0; forms = [0, 1, 2, 3]
    for title, tasks in items:
        no += 1; top = r
        for task, lead, coops in tasks:
            form = forms[(r) % 4] if rng.random() < 0.7 else rng.choice(forms)
            st, cat = rng.choice(sts); v, due = rng.choice(dls)
            if due == LT and cat not in ("done", "long"): st, cat = "常态化推进", "long"
            if task.startswith("常态化"): v, due, st, cat = "常态化", LT, "常态化推进", "long"
            prog = {"done": "已完成全部任务，相关资料已归档。", "prog": "按计划推进，已完成年度任务的" + rng.choice(["四成", "六成", "七成", "一半"]) + "。",
                    "not": "前期对接中。", "long": "纳入日常工作，按月调度。"}[cat]
            if st == "进度滞后": prog = "受资金到位影响，进度慢于序时。"
            for c, val in ((3, task), (4, cell_text(lead, coops, form)), (5, leaders[lead]), (6, v), (7, prog), (8, st)):
                ws.cell(r, c, val)
            truth.append((lead, 1, cat, due)); r += 1
        ws.cell(top, 1, no); ws.cell(top, 2, title)
        if r - 1 > top:
            ws.merge_cells(f"A{top}:A{r-1}"); ws.merge_cells(f"B{top}:B{r-1}")
    frame(ws, 3, r - 1, 9, left_cols=(3, 4, 7))
    ws.cell(r + 1, 1, "注：责任单位中第一个单位为牵头单位，负责汇总报送进展；办理状态按“已办结、正常推进、进度滞后、未启动、常态化推进”填写。")
    widths(ws, [6, 20, 28, 30, 16, 16, 30, 12, 8])
    via_lo(wb, base, "ods", "ods")
    leads = sorted({t[1] for _, ts in items for t in ts}, key=lambda x: [t[1] for _, ts in items for t in ts].index(x))
    return dict(file=base + ".ods", kind="county government 督查督办台账, lead and cooperating units in one cell written four ways, .ods",
                producer="县政府督查室(Excel手工 → LibreOffice .ods)", as_of=["2025-07-01", "2025-10-08"],
                sheets={"督办事项": dict(header_row=3, data_rows=r - 4,
                        columns=dict(problem="B", measure="C", deadline="F", status="H", unit="D (the lead unit inside the cell)",
                                     person=None, department="D", completed_on=None))},
                status_map={"已办结": "done", "常态化推进": "long-term", "正常推进 / 进度滞后": "in progress", "未启动": "not started"},
                notes="unit = the lead (牵头) unit of the 责任单位 cell, written as `牵头单位：X\\n配合单位：Y、Z`, `X（牵头）、Y、Z`, `X牵头，Y、Z配合` or `X\\nY、Z` (first line = lead); cooperating units get nothing; one task row = one measure; 当前进展 is narrative; 三季度 = 09-30, 2025年10月 = 10-31, 常态化 = long-term",
                unit_sheets={u: ["督办事项"] for u in leads})


# ------------------------------------------------------------------ 4: group internal audit, two-row header, xlsx
def f4(rng, truth):
    name = "远通交通投资集团2024年度内部审计问题整改落实台账.xlsx"
    subs = ["远通高速公路运营管理有限公司", "远通城乡客运有限公司", "远通路桥建设有限公司", "远通资产经营有限公司",
            "远通智慧交通科技有限公司"]
    ppl = {subs[0]: (["副总经理 黄涛"], ["邓凯", "林雪"]), subs[1]: (["副总经理 罗斌"], ["秦岭", "叶芳"]),
           subs[2]: (["总经理 宋志远", "总会计师 何静"], ["江涛", "苗苗"]), subs[3]: (["副总经理 贺明"], ["蒋勇"]),
           subs[4]: (["副总经理 谭晓"], ["柯宇", "程程"])}
    P = [("经济责任审计", 0, "收费站票据管理不规范，部分通行费票据未及时核销", ["对全部收费站票据开展清点核销", "修订通行费票据管理细则"]),
         ("经济责任审计", 0, "养护工程结算审核不严，存在多计工程量", ["委托第三方复核结算并追回多付款", "对结算审核人员进行约谈"]),
         ("专项审计", 1, "客运车辆报废更新未履行集体决策程序", ["补充履行党委会、总经理办公会决策程序", "完善车辆购置决策制度"]),
         ("专项审计", 1, "票务收入未按日解缴", ["落实票款日清日缴", "建立票务收入稽核台账", "纳入月度经营考核"]),
         ("工程审计", 2, "部分项目未办理施工许可即开工", ["补办施工许可手续", "建立开工前手续核查清单"]),
         ("工程审计", 2, "分包管理混乱，存在以包代管", ["清理分包合同，解除违规分包", "加强现场管理人员配备"]),
         ("工程审计", 2, "安全生产费用计提不足", ["按规定补提安全生产费用"]),
         ("资产审计", 3, "出租房产租金标准偏低且未公开招租", ["对到期租赁合同实行公开招租", "重新评估租金标准"]),
         ("资产审计", 3, "部分闲置土地长期未盘活", ["制定闲置土地盘活方案", "定期向集团报告盘活进展"]),
         ("信息化审计", 4, "信息系统采购未进行比价", ["补充比价资料，完善采购档案", "制定信息化采购管理办法"]),
         ("信息化审计", 4, "数据安全管理制度缺失", ["建立数据分级分类管理制度", "开展数据安全培训"])]
    sts = [("已整改到位", "done"), ("已整改到位", "done"), ("整改推进中", "prog"), ("整改推进中", "prog"), ("尚未整改", "not"),
           ("持续整改", "long"), ("已整改并建立长效机制", "done")]
    dls = [(dt.datetime(2025, 3, 31), "yyyy-mm-dd", D(2025, 3, 31)), ("2025年3月末", None, D(2025, 3, 31)),
           ("2025年一季度", None, D(2025, 3, 31)), ("2025年二季度", None, D(2025, 6, 30)), ("长期", None, LT),
           (dt.datetime(2025, 5, 15), "yyyy\"年\"m\"月\"d\"日\"", D(2025, 5, 15)), ("2025年5月底前", None, D(2025, 5, 31)),
           (dt.datetime(2025, 2, 28), "yyyy/mm/dd", D(2025, 2, 28))]
    wb = Workbook(); ws = wb.active; ws.title = "整改落实台账"
    ws.merge_cells("A1:L1"); ws["A1"] = "远通交通投资集团有限公司2024年度内部审计发现问题整改落实台账"
    ws["A1"].font = Font(size=16, bold=True); ws["A1"].alignment = MID
    ws["A2"] = "编制单位：集团审计部"; ws["I2"] = "编制日期：2025年4月10日"
    top_hdr = {1: "序号", 2: "审计类型", 3: "审计发现问题", 4: "整改措施", 5: "整改责任", 8: "计划完成时间", 9: "整改状态",
               10: "实际完成日期", 11: "佐证材料", 12: "备注"}
    for c, h in top_hdr.items(): ws.cell(3, c, h).font = Font(bold=True)
    for c, h in ((5, "责任单位"), (6, "分管领导"), (7, "经办人")): ws.cell(4, c, h).font = Font(bold=True)
    ws.merge_cells("E3:G3")
    for c in (1, 2, 3, 4, 8, 9, 10, 11, 12):
        L = get_column_letter(c); ws.merge_cells(f"{L}3:{L}4")
    r = 5; seq = 0
    for kind, ui, prob, ms in P:
        seq += 1; top = r; u = subs[ui]
        for m in ms:
            st, cat = rng.choice(sts); v, nf, due = rng.choice(dls)
            if due == LT and cat not in ("done", "long"): st, cat = "持续整改", "long"
            ws.cell(r, 4, m); ws.cell(r, 5, u); ws.cell(r, 6, rng.choice(ppl[u][0])); ws.cell(r, 7, rng.choice(ppl[u][1]))
            c = ws.cell(r, 8, v)
            if nf: c.number_format = nf
            ws.cell(r, 9, st)
            if cat == "done":
                fd = (due if isinstance(due, D) else D(2025, 3, 20)) - dt.timedelta(days=rng.randint(2, 30))
                ws.cell(r, 10, xdt(fd)).number_format = "yyyy-mm-dd"
                ws.cell(r, 11, rng.choice(["整改报告", "制度文件", "会议纪要", "银行回单"]))
            truth.append((u, 1, cat, due)); r += 1
        ws.cell(top, 1, seq); ws.cell(top, 2, kind); ws.cell(top, 3, prob)
        if r - 1 > top:
            for L in "ABC": ws.merge_cells(f"{L}{top}:{L}{r-1}")
    frame(ws, 3, r - 1, 12, left_cols=(3, 4))
    ws.cell(r + 1, 1, "编制人：周丽华                复核人：陈建平                审计部负责人：郭振东")
    widths(ws, [6, 12, 32, 30, 24, 16, 10, 14, 18, 13, 12, 8])
    ws.freeze_panes = "A5"
    wb.save(os.path.join(OUT, name))
    return dict(file=name, kind="enterprise group internal-audit rectification ledger, two-row header (整改责任 over 责任单位/分管领导/经办人), problems merged over measures, xlsx",
                producer="集团审计部(Excel手工, openpyxl)", as_of=["2025-03-31", "2025-06-01"],
                sheets={"整改落实台账": dict(header_row="3-4 (two rows)", data_rows=r - 5,
                        columns=dict(problem="C", measure="D", deadline="H", status="I", unit="E (责任单位 under 整改责任)",
                                     person="G", department="E", completed_on="J"))},
                status_map={"已整改到位 / 已整改并建立长效机制": "done", "持续整改": "long-term", "整改推进中": "in progress",
                            "尚未整改": "not started"},
                notes="units = subsidiaries in 责任单位; the 编制单位：集团审计部 meta row is the filer, not a unit; 审计类型 and 审计发现问题 merged over measure rows; one row = one measure; 一季度/3月末 = 03-31, 二季度 = 06-30, 长期 = long-term; 2025-03-31 due on as-of 2025-03-31 not overdue",
                unit_sheets={u: ["整改落实台账"] for u in subs})


# ------------------------------------------------------------------ 5: 生态环境保护督察, 责任单位 over 牵头/配合, LO xlsx
def f5(rng, truth):
    base = "澄江市第二轮省生态环境保护督察反馈问题整改落实台账"
    P = [("城区污水管网建设滞后，雨污混流问题突出", "污水收集率达到省定目标",
          [("实施城区雨污分流改造工程", "市住房和城乡建设局", "市水务局、各区政府"),
           ("开展排水管网排查检测", "市住房和城乡建设局", "市水务局"),
           ("建立管网运维长效机制", "市住房和城乡建设局", "市财政局")]),
         ("部分河段水质不能稳定达标", "国省考断面水质稳定达标",
          [("开展入河排污口排查整治", "市生态环境局", "市水务局、市农业农村局"),
           ("落实河长制巡河责任", "市水务局", "各区政府"),
           ("实施河道清淤及生态修复", "市水务局", "市自然资源和规划局")]),
         ("畜禽养殖污染治理不到位", "规模养殖场粪污处理设施配套率100%",
          [("对禁养区内养殖场依法关停搬迁", "市农业农村局", "市生态环境局、相关镇街"),
           ("完善粪污资源化利用设施", "市农业农村局", "市财政局"),
           ("开展养殖污染执法检查", "市生态环境局", "市农业农村局")]),
         ("矿山生态修复进展缓慢", "完成历史遗留矿山修复任务",
          [("编制历史遗留矿山生态修复方案", "市自然资源和规划局", "市生态环境局"),
           ("实施废弃矿山复绿工程", "市自然资源和规划局", "市林业局、相关区政府")]),
         ("工业园区VOCs治理不到位", "重点企业VOCs排放达标",
          [("对涉VOCs企业开展一企一策治理", "市工业和信息化局", "市生态环境局"),
           ("推进园区集中喷涂中心建设", "市工业和信息化局", "高新区管委会"),
           ("加强企业在线监测监管", "市生态环境局", "市工业和信息化局")]),
         ("建筑工地扬尘管控不严", "扬尘污染问题有效遏制",
          [("落实工地六个百分之百措施", "市住房和城乡建设局", "市城市管理局"),
           ("对违规工地立行立改并通报", "市住房和城乡建设局", "市城市管理局、市生态环境局")])]
    sts = [("已完成", "done"), ("已完成", "done"), ("达到序时进度", "prog"), ("达到序时进度", "prog"), ("滞后序时进度", "prog"),
           ("长期坚持", "long"), ("未启动", "not")]
    dls = [("2024年底前", D(2024, 12, 31)), ("2024.12", D(2024, 12, 31)), ("长期坚持", LT), ("立行立改", NOW),
           ("2025年6月底前", D(2025, 6, 30)), ("2025.3.31", D(2025, 3, 31)), ("2025年10月", D(2025, 10, 31))]
    wb = Workbook(); ws = wb.active; ws.title = "整改台账"
    ws.merge_cells("A1:K1"); ws["A1"] = base; ws["A1"].font = Font(size=16, bold=True); ws["A1"].alignment = MID
    ws["A2"] = "市生态环境保护督察整改工作领导小组办公室                      截至时间：2025年3月31日"
    top = {1: "序号", 2: "督察反馈问题", 3: "整改目标", 4: "整改措施", 5: "责任单位", 7: "责任领导", 8: "整改时限",
           9: "整改状态", 10: "工作进展", 11: "备注"}
    for c, h in top.items(): ws.cell(3, c, h).font = Font(bold=True)
    ws.cell(4, 5, "牵头单位").font = Font(bold=True); ws.cell(4, 6, "配合单位").font = Font(bold=True)
    ws.merge_cells("E3:F3")
    for c in (1, 2, 3, 4, 7, 8, 9, 10, 11):
        L = get_column_letter(c); ws.merge_cells(f"{L}3:{L}4")
    leaders = ["副市长 沈建", "副市长 韦红", "市政府秘书长 袁清"]
    r = 5; seq = 0; leads = []
    for prob, goal, ms in P:
        seq += 1; t = r
        for m, lead, co in ms:
            st, cat = rng.choice(sts); v, due = rng.choice(dls)
            if due == LT and cat not in ("done", "long"): st, cat = "长期坚持", "long"
            if "立行立改" in m: v, due = "立行立改", NOW
            if "长效" in m: v, due, st, cat = "长期坚持", LT, "长期坚持", "long"
            note = {"done": "已完成整改，资料已报市督察办备案。", "prog": "工程正在实施中。", "not": "",
                    "long": "已建立长效机制，持续巩固。"}[cat]
            if st == "滞后序时进度": note = "受征地影响，进度滞后。"
            for c, val in ((4, m), (5, lead), (6, co), (7, rng.choice(leaders)), (8, v), (9, st), (10, note)):
                ws.cell(r, c, val)
            if lead not in leads: leads.append(lead)
            truth.append((lead, 1, cat, due)); r += 1
        ws.cell(t, 1, seq); ws.cell(t, 2, prob); ws.cell(t, 3, goal)
        if r - 1 > t:
            for L in "ABC": ws.merge_cells(f"{L}{t}:{L}{r-1}")
    frame(ws, 3, r - 1, 11, left_cols=(2, 3, 4, 10))
    ws.cell(r + 1, 1, "备注：整改状态分为“已完成、达到序时进度、滞后序时进度、未启动、长期坚持”五类。")
    widths(ws, [6, 28, 20, 30, 18, 22, 14, 14, 14, 24, 8])
    via_lo(wb, base, "xlsx", "xlsx:Calc MS Excel 2007 XML")
    return dict(file=base + ".xlsx", kind="生态环境保护督察 rectification ledger, two-row header (责任单位 over 牵头单位/配合单位), mixed deadlines, xlsx re-saved by LibreOffice",
                producer="市督察整改办(Excel手工, openpyxl → LibreOffice Calc xlsx)", as_of=["2024-12-31", "2025-04-01"],
                sheets={"整改台账": dict(header_row="3-4 (two rows)", data_rows=r - 5,
                        columns=dict(problem="B", measure="D", deadline="H", status="I", unit="E (牵头单位 under 责任单位)",
                                     person=None, department="E", completed_on=None))},
                status_map={"已完成": "done", "长期坚持": "long-term", "达到序时进度 / 滞后序时进度": "in progress", "未启动": "not started"},
                notes="unit = 牵头单位; 配合单位 (F) get nothing; 整改目标 and 工作进展 are not measures/status; problem merged over measure rows; 2024年底前 and 2024.12 = 2024-12-31 (not overdue on 2024-12-31); 立行立改 not done overdue on both dates; 长期坚持 deadline never overdue",
                unit_sheets={u: ["整改台账"] for u in leads})


# ------------------------------------------------------------------ 6: 街道 workbook, 汇总 + one sheet per community + hidden 模板
def f6(rng, truth):
    name = "枫林街道2025年巡察反馈问题整改台账（各社区）.xlsx"
    comms = {
        "松林社区": [("党组织会议记录不规范", ["补齐近一年会议记录", "规范记录格式", "由社区书记每月审核"]),
                  ("居务公开不及时", ["按季度更新公开栏", "同步在居民微信群公开"]),
                  ("网格员走访流于形式", ["修订网格员考核办法"]),
                  ("低保动态管理不到位", ["开展低保对象全面复核", "清退不符合条件对象", "建立定期复核制度"]),
                  ("党员发展程序不严", ["对近三年发展党员档案逐一检查", "补正缺失材料"])],
        "桥东社区": [("财务报销手续不全", ["补齐报销单据审批签字", "严格执行财务报销制度"]),
                  ("小区消防隐患排查不彻底", ["联合物业开展消防隐患大排查", "建立隐患整改台账", "组织一次消防演练"]),
                  ("意识形态工作责任落实不到位", ["每半年专题研究意识形态工作", "加强宣传阵地管理"]),
                  ("居民议事会作用发挥不够", ["完善议事规则", "每月召开议事会"])],
        "桥西社区": [("三会一课落实不到位", ["制定年度三会一课计划", "党支部书记每季度讲党课"]),
                  ("社区用房出租未经集体决策", ["补充履行居民代表会议决策程序", "规范出租合同", "租金全部纳入账户管理"]),
                  ("信访矛盾化解不及时", ["建立矛盾纠纷排查台账"]),
                  ("志愿服务活动记录缺失", ["建立志愿服务积分台账", "每月汇总上报"]),
                  ("固定资产账实不符", ["开展资产清查盘点", "对报废资产履行处置手续"])],
        "新华社区": [("为民服务事项办理拖沓", ["实行首问负责制", "建立办事限时承诺", "开展群众满意度回访"]),
                  ("党费收缴不及时", ["逐人核对党费收缴情况", "按月足额收缴"]),
                  ("物业矛盾长期未解决", ["召开物业矛盾协调会", "推动成立业主委员会"]),
                  ("防汛物资储备不足", ["补充防汛物资并建立台账"])],
    }
    styles = ["dot", "dun", "paren", "circle", "dotnl"]
    circ = "①②③④⑤"

    def enum(ms, sty):
        if len(ms) == 1: return ms[0] + "。"
        if sty == "dot": return "".join(f"{i}.{m}；" for i, m in enumerate(ms, 1))
        if sty == "dotnl": return "\n".join(f"{i}.{m}。" for i, m in enumerate(ms, 1))
        if sty == "dun": return "".join(f"{i}、{m}；" for i, m in enumerate(ms, 1))
        if sty == "paren": return "".join(f"（{i}）{m}；" for i, m in enumerate(ms, 1))
        return "".join(f"{circ[i]}{m}；" for i, m in enumerate(ms))

    sts = [("已完成", "done"), ("已完成", "done"), ("已完成", "done"), ("正在推进", "prog"), ("推进中", "prog"),
           ("长期坚持", "long"), ("未开始", "not")]
    dls = [("2025年5月底前", D(2025, 5, 31)), ("2025年6月30日前", D(2025, 6, 30)), ("长期坚持", LT), ("立行立改", NOW),
           ("2025年8月", D(2025, 8, 31)), ("2025年第三季度", D(2025, 9, 30)), ("2025.7.15", D(2025, 7, 15))]
    hdr = ["序号", "反馈问题", "整改措施（逐条列明）", "责任人", "完成时限", "整改情况", "备注"]
    wb = Workbook(); summ = wb.active; summ.title = "汇总"
    summary = {}
    for comm, probs in comms.items():
        ws = wb.create_sheet(comm)
        ws.merge_cells("A1:G1"); ws["A1"] = f"枫林街道{comm}巡察反馈问题整改落实台账"
        ws["A1"].font = Font(size=14, bold=True); ws["A1"].alignment = MID
        ws["A2"] = f"社区（盖章）：{comm}"; ws["E2"] = "报送时间：2025年6月5日"
        for i, h in enumerate(hdr, 1): ws.cell(3, i, h).font = Font(bold=True)
        r = 4; s = summary.setdefault(comm, [0, 0, 0, 0])
        for k, (prob, ms) in enumerate(probs, 1):
            st, cat = rng.choice(sts); v, due = rng.choice(dls)
            if due == LT and cat not in ("done", "long"): st, cat = "长期坚持", "long"
            for c, val in ((1, k), (2, prob), (3, enum(ms, rng.choice(styles))),
                           (4, rng.choice(["社区书记 周敏", "副书记 蔡勇", "委员 许静", "网格长 冯军"])), (5, v), (6, st)):
                ws.cell(r, c, val)
            truth.append((comm, len(ms), cat, due))
            s[0] += 1; s[1] += len(ms); s[2] += len(ms) if cat == "done" else 0; s[3] += 0 if cat == "done" else len(ms)
            r += 1
        frame(ws, 3, r - 1, 7, left_cols=(2, 3))
        ws.cell(r + 1, 1, "填报人：            社区书记签字：")
        widths(ws, [6, 26, 46, 16, 16, 12, 10])
    summ.merge_cells("A1:F1"); summ["A1"] = "枫林街道巡察反馈问题整改进度汇总表"; summ["A1"].font = Font(size=14, bold=True)
    for i, h in enumerate(["社区", "反馈问题数", "整改措施数", "已完成", "未完成", "完成率"], 1): summ.cell(2, i, h)
    r = 3; tot = [0, 0, 0, 0]
    for comm, s in summary.items():
        vals = [comm] + s + [f"{s[2] / s[1] * 100:.1f}%"]
        for i, v in enumerate(vals, 1): summ.cell(r, i, v)
        tot = [a + b for a, b in zip(tot, s)]; r += 1
    for i, v in enumerate(["合计"] + tot + [f"{tot[2] / tot[1] * 100:.1f}%"], 1): summ.cell(r, i, v)
    frame(summ, 2, r, 6)
    widths(summ, [14, 12, 12, 10, 10, 10])
    tpl = wb.create_sheet("模板")
    tpl.merge_cells("A1:G1"); tpl["A1"] = "枫林街道××社区巡察反馈问题整改落实台账"
    for i, h in enumerate(hdr, 1): tpl.cell(3, i, h)
    tpl.sheet_state = "hidden"
    wb.save(os.path.join(OUT, name))
    return dict(file=name, kind="sub-district workbook: 汇总 summary sheet, one ledger sheet per community, hidden 模板 sheet; one row per problem with enumerated measures, xlsx",
                producer="街道党政办(Excel手工, openpyxl)", as_of=["2025-06-05", "2025-09-01"],
                sheets={c: dict(header_row=3, data_rows=len(p), columns=dict(problem="B", measure="C (enumerated)", deadline="E",
                                status="F", unit="(sheet name / title / 社区（盖章） meta row)", person="D", department=None,
                                completed_on=None)) for c, p in comms.items()},
                status_map={"已完成": "done", "长期坚持": "long-term", "正在推进 / 推进中": "in progress", "未开始": "not started"},
                notes="units = the four community sheets; 汇总 is a summary (not counted), 模板 is hidden and empty; a measure cell enumerates 1.…；2.… / 1、… / （1）… / ①… (or one sentence = one measure), each item inherits the row's deadline and status; 立行立改 not done overdue on both dates; 第三季度 = 09-30, 2025年8月 = 08-31",
                unit_sheets={c: [c] for c in comms})


# ------------------------------------------------------------------ 7: coal mine hazard system export, dept paths
def f7(rng, truth):
    name = "鑫源煤矿隐患排查治理信息系统_隐患台账导出_20250415.xlsx"
    mine = "鑫源煤矿"
    teams = {"综采一队": ["检修班", "生产一班", "生产二班"], "掘进二队": ["掘进一班", "掘进二班"],
             "机电运输队": ["皮带班", "机修班", "提升班"], "通风队": ["瓦检班", "防突班"], "地测防治水科": ["探放水班"]}
    hz = {"综采一队": [("1302工作面", "液压支架立柱漏液", "采煤", "更换立柱密封件"),
                    ("1302工作面", "刮板输送机机头护罩缺失", "机电", "补装机头护罩"),
                    ("1302运输顺槽", "顺槽积水超过0.3米", "采煤", "安装潜水泵排水"),
                    ("1302工作面", "煤壁片帮未及时护帮", "采煤", "及时伸出护帮板并加强支护"),
                    ("采区变电所", "高压开关柜闭锁失效", "机电", "修复闭锁装置")],
           "掘进二队": [("2205掘进面", "临时支护不到位", "掘进", "严格执行前探梁临时支护"),
                    ("2205掘进面", "局部通风机未挂牌管理", "通风", "挂牌并指定专人管理"),
                    ("2205回风巷", "锚杆托盘松动", "掘进", "重新紧固锚杆托盘"),
                    ("2205掘进面", "综掘机喷雾装置损坏", "掘进", "修复内外喷雾装置")],
           "机电运输队": [("主斜井", "皮带跑偏保护失效", "运输", "调整并试验跑偏保护"),
                     ("主斜井", "托辊损坏异响", "运输", "更换损坏托辊"),
                     ("副立井", "提升机制动闸间隙超限", "机电", "调整闸间隙并做制动试验"),
                     ("井底车场", "信号装置不清晰", "运输", "更换声光信号装置"),
                     ("中央变电所", "接地电阻未定期测试", "机电", "测试并建立接地电阻台账"),
                     ("大巷", "架空乘人装置越位保护失灵", "运输", "修复越位保护")],
           "通风队": [("1302回风隅角", "瓦斯传感器位置不符合规定", "通风", "按规定调整传感器吊挂位置"),
                   ("总回风巷", "风门闭锁失效", "通风", "修复风门闭锁"),
                   ("2205掘进面", "瓦斯检查记录不全", "通风", "补全记录并加强瓦检员考核"),
                   ("采区", "防尘管路阀门缺失", "通风", "补装阀门并定期冲洗巷道")],
           "地测防治水科": [("1302工作面", "探放水钻孔数量不足", "地测防治水", "补打探放水钻孔"),
                      ("井下水仓", "水仓清挖不及时", "地测防治水", "组织清挖水仓"),
                      ("地面观测孔", "水位观测记录不连续", "地测防治水", "恢复自动观测并每日记录")]}
    sts = [("待整改", "not"), ("整改中", "prog"), ("整改中", "prog"), ("已整改", "done"), ("已验收", "done"),
           ("已验收", "done"), ("逾期未改", "not")]
    narr = {"待整改": ["已下达隐患整改通知单，待队组安排。", "待配件到货后整改。"],
            "整改中": ["已采购配件，正在安装调试。", "已完成部分整改，剩余工作检修班跟进。", "已整改一半，预计近日完成。"],
            "已整改": ["已整改完毕，待安检科复查验收。", "整改完成，已提交验收申请。"],
            "已验收": ["已整改，经安检科现场复查验收合格。", "整改到位，复查合格，闭环销号。"],
            "逾期未改": ["超过整改期限仍未整改，已纳入考核。", "因停产检修推迟，尚未整改。"]}
    hdr = ["序号", "隐患编号", "排查日期", "排查类型", "排查人", "隐患地点", "隐患描述", "隐患等级", "隐患专业", "责任部门",
           "整改负责人", "整改措施", "整改期限", "整改资金（元）", "整改状态", "整改情况说明", "验收人", "验收日期"]
    wb = Workbook(); ws = wb.active; ws.title = "隐患台账"
    for i, h in enumerate(hdr, 1):
        c = ws.cell(1, i, h); c.font = Font(bold=True); c.fill = PatternFill("solid", fgColor="DDEBF7")
    rows = []
    for team, items in hz.items():
        for place, desc, prof, fix in items:
            st, cat = rng.choice(sts)
            found = D(2025, 3, 1) + dt.timedelta(days=rng.randint(0, 40))
            due = found + dt.timedelta(days=rng.choice([1, 3, 5, 7, 10, 15, 30]))
            if st == "逾期未改" and due >= D(2025, 4, 15): st = "待整改"
            path = f"{mine} > {team}" + (f" > {rng.choice(teams[team])}" if rng.random() < 0.75 else "")
            rows.append((found, team, place, desc, prof, fix, st, cat, due, path))
            truth.append((team, 1, cat, due))
    rows.sort(key=lambda x: x[0])
    for k, (found, team, place, desc, prof, fix, st, cat, due, path) in enumerate(rows, 1):
        r = k + 1
        vals = [k, f"YH-{found:%Y%m%d}-{k:03d}", xdt(found), rng.choice(["日常排查", "专项排查", "月度排查", "安监巡查"]),
                rng.choice(["安检员 白雪松", "安检员 卢刚", "副总工 严明"]), place, desc, rng.choice(["一般隐患C级", "一般隐患B级", "一般隐患A级"]),
                prof, path, rng.choice(["队长 史磊", "副队长 熊波", "技术员 田甜", "班长 钟亮"]), fix,
                dt.datetime(due.year, due.month, due.day, 18, 0), rng.choice([0, 200, 500, 1500, 3000]), st, rng.choice(narr[st]),
                "安检科 卢刚" if st == "已验收" else "", xdt(due - dt.timedelta(days=rng.randint(0, 2))) if st == "已验收" else None]
        for i, v in enumerate(vals, 1):
            c = ws.cell(r, i, v)
            if i == 3 or i == 18: c.number_format = "yyyy-mm-dd"
            if i == 13: c.number_format = "yyyy-mm-dd hh:mm"
    widths(ws, [6, 18, 12, 10, 14, 14, 26, 12, 10, 30, 12, 26, 17, 10, 10, 30, 12, 12])
    ws.freeze_panes = "A2"; ws.auto_filter.ref = f"A1:R{len(rows) + 1}"
    wb.save(os.path.join(OUT, name))
    return dict(file=name, kind="coal-mine hazard register exported from a system, 责任部门 as department path 矿 > 队 > 班, xlsx",
                producer="隐患排查治理信息系统(导出xlsx)", as_of=["2025-03-25", "2025-04-15"],
                sheets={"隐患台账": dict(header_row=1, data_rows=len(rows),
                        columns=dict(problem="G", measure="L", deadline="M", status="O", unit="J (second segment of the path: the 队/科)",
                                     person="K", department="J", completed_on="R (验收日期)"))},
                status_map={"已整改 / 已验收": "done", "整改中": "in progress", "待整改 / 逾期未改": "not started"},
                notes="unit = the 队/科 level of the 责任部门 path (second segment: 综采一队, 掘进二队, 机电运输队, 通风队, 地测防治水科), the mine is not a unit and 班 rows roll up to their 队; one hazard = one measure; 整改情况说明 is narrative (status column decides); 整改期限 is a date-time compared by its day",
                unit_sheets={t: ["隐患台账"] for t in teams})


def main():
    if os.path.isdir(OUT): shutil.rmtree(OUT)
    os.makedirs(OUT)
    rng = random.Random(4042026)
    answers = []
    for f in (f1, f2, f3, f4, f5, f6, f7):
        truth = []
        a = f(rng, truth)
        us = a.pop("unit_sheets")
        a["units"] = tally(truth, a["as_of"])
        assert set(a["units"]) == set(us), (a["file"], set(a["units"]) ^ set(us))
        a["unit_sheets"] = us
        answers.append(a)
    with open(os.path.join(HERE, "answers.json"), "w", encoding="utf-8") as fh:
        json.dump(answers, fh, ensure_ascii=False, indent=1)
    for a in answers:
        print(a["file"])
        for u, v in a["units"].items():
            print("   ", u, [tuple(v[d].values()) for d in a["as_of"]])


if __name__ == "__main__":
    main()
