#!/usr/bin/env python3
"""Generator of taizhang holdout 12. `python3 gen.py` (needs openpyxl; soffice for the .xls and the .ods).

Eight ledgers kept by enterprises and public services (heating, sewage plants, telecoms, a rural bank, a hospital,
a university, a tax bureau, a state-owned group). Every data row is written out by hand in the tables below, as the
office or system writes it; beside each row its truth (`# D` done, `# L` long-term, `# P`/`# N` not done, with the due
day or IMM), and above each unit its hand count (`# HAND m done long not overdue@0430 overdue@1031`), gathered in a
*_HAND table per file. main() recounts every file from its row table and writes no answers unless the recount equals
the hand count. Filler (people, phones, codes, times) comes from random.Random(12202512); answers.json is
deterministic."""
import calendar, csv, datetime as dt, json, os, re, shutil, subprocess, sys, tempfile
import random
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side, PatternFill
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")
AS_OF = ["2025-04-30", "2025-10-31"]
D = dt.date
S = Side(style="thin")
BOX = Border(left=S, right=S, top=S, bottom=S)
AL = Alignment(wrap_text=True, vertical="center")
CN = Alignment(horizontal="center", vertical="center", wrap_text=True)
R = random.Random(12202512)
SURN = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志海峰林辉波斌宇浩凯鹏飞云燕琳"


def person():
    return R.choice(SURN) + "".join(R.choice(GIVEN) for _ in range(R.choice([1, 2, 2])))


def phone():
    return "1" + R.choice("358") + "".join(str(R.randint(0, 9)) for _ in range(9))


# ------------------------------------------------------------------ recount (gen side)
def due_of(t):
    """Deadline text -> date / 'LT' / 'IMM'. Every file is of 2025 (title, meta or 说明 says so)."""
    t = t.strip()
    if t in ("长期坚持", "长期", "常态化"):
        return "LT"
    if t in ("立行立改", "立即整改"):
        return "IMM"
    m = (re.fullmatch(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日前?", t)
         or re.fullmatch(r"(\d{4})[./-](\d{1,2})[./-](\d{1,2})", t))
    if m:
        return D(int(m[1] or 2025), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月底前?", t)
    if m:
        y, mo = int(m[1]), int(m[2])
        return D(y, mo, calendar.monthrange(y, mo)[1])
    m = re.fullmatch(r"(\d{4})年([一二三四])季度末?", t)
    if m:
        q = "一二三四".index(m[2]) + 1
        return D(int(m[1]), 3 * q, calendar.monthrange(int(m[1]), 3 * q)[1])
    m = re.fullmatch(r"(\d{4})年([上下])半年", t)
    if m:
        return D(int(m[1]), 6, 30) if m[2] == "上" else D(int(m[1]), 12, 31)
    raise SystemExit(f"gen.py: no rule for deadline {t!r}")


def n_items(measure):
    """A measure cell enumerating （1）…（2）… holds that many measures; else one."""
    k = len(re.findall(r"（\d）", measure))
    return k if k >= 2 else 1


def recount(rows, smap):
    """rows: (unit, measure, deadline text, state text) -> {unit: (m, done, long, not, overdue@d1, overdue@d2)}"""
    out = {}
    for unit, meas, dl, st in rows:
        n = n_items(meas)
        cat = smap[st]
        d = due_of(dl)
        x = out.setdefault(unit, [0] * 6)
        x[0] += n
        x[{"done": 1, "long": 2, "not": 3}[cat]] += n
        if cat == "not":
            for i, a in enumerate(AS_OF):
                if d == "IMM" or (isinstance(d, D) and d < D.fromisoformat(a)):
                    x[4 + i] += n
    return {u: tuple(v) for u, v in out.items()}


def answers_units(counts):
    return {u: {a: dict(measures=v[0], measures_done=v[1], measures_long_term=v[2], measures_not_done=v[3],
                        overdue=v[4 + i]) for i, a in enumerate(AS_OF)} for u, v in counts.items()}


def lo_convert(src, fmt, outdir):
    prof = tempfile.mkdtemp(prefix="h12lo_")
    try:
        subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless", "--convert-to", fmt,
                        "--outdir", outdir, src], check=True, capture_output=True, timeout=300)
    finally:
        shutil.rmtree(prof, ignore_errors=True)


def frame(ws, r1, r2, ncol):
    for r in range(r1, r2 + 1):
        for c in range(1, ncol + 1):
            ws.cell(r, c).border = BOX
            if ws.cell(r, c).alignment != CN:
                ws.cell(r, c).alignment = AL


def widths(ws, ws_list):
    for i, w in enumerate(ws_list, 1):
        ws.column_dimensions[get_column_letter(i)].width = w


def title(ws, ref, text, size=16):
    ws.merge_cells(ref)
    c = ws[ref.split(":")[0]]
    c.value = text
    c.font = Font(name="方正小标宋简体", size=size)
    c.alignment = CN


def header(ws, row, words, start=1):
    for i, w in enumerate(words):
        c = ws.cell(row, start + i, w)
        c.font = Font(bold=True)
        c.alignment = CN


def merge_down(ws, col, r1, r2, value):
    ws.cell(r1, col, value)
    if r2 > r1:
        ws.merge_cells(start_row=r1, end_row=r2, start_column=col, end_column=col)


# ================================================================== 1. 供热 采暖季 供热服务质量考核 (openpyxl xlsx)
F1 = "临江市2024—2025年采暖季供热服务质量考核反馈问题整改台账.xlsx"
F1_STATE = {"已完成": "done", "正在整改": "not", "列入夏季检修计划": "not", "未整改": "not", "长期坚持": "long"}
# (供热企业, 问题类别, 考核发现问题, 整改措施, 整改时限, 企业内部责任部门, 整改情况)
F1_ROWS = [
    # HAND 临江市热力有限责任公司: m6 done3 long1 not2 overdue@0430 0 overdue@1031 2
    ("临江市热力有限责任公司", "管网设施", "城西片区部分老旧小区二次管网失修，末端用户室温不达标", "对城西片区12个老旧小区二次管网实施改造", "2025年10月15日前", "工程管理部", "正在整改"),  # P 2025-10-15
    ("临江市热力有限责任公司", "客户服务", "客服热线高峰时段接通率低于90%", "增加客服坐席，高峰期实行24小时值守", "立行立改", "客户服务中心", "已完成"),  # D
    ("临江市热力有限责任公司", "客户服务", "室温投诉处理超时，个别投诉72小时未上门", "建立投诉限时办结制度，24小时内上门测温", "2025年3月31日前", "客户服务中心", "已完成"),  # D
    ("临江市热力有限责任公司", "运行管理", "换热站无人值守改造滞后，远程监控覆盖率不足60%", "完成18座换热站自控改造", "2025年9月底前", "生产运行部", "列入夏季检修计划"),  # P 2025-09-30
    ("临江市热力有限责任公司", "客户服务", "计划停热未提前24小时告知用户", "规范停热告知程序，通过短信、公众号提前告知", "立行立改", "客户服务中心", "已完成"),  # D
    ("临江市热力有限责任公司", "收费管理", "既有建筑热计量收费推进缓慢", "分年度推进热计量改造和按热计量收费", "长期坚持", "经营管理部", "长期坚持"),  # L
    # HAND 临江华能热电有限公司: m4 done2 long0 not2 overdue@0430 0 overdue@1031 1
    ("临江华能热电有限公司", "热源保障", "供热首站备用能力不足，单台循环泵故障时无法满负荷运行", "新增一台热网循环泵", "2025年9月底前", "设备部", "正在整改"),  # P 2025-09-30
    ("临江华能热电有限公司", "运行管理", "初寒期供热参数调整不及时", "建立与热力公司的气温联动调度机制", "2025年3月31日前", "发电部", "已完成"),  # D
    ("临江华能热电有限公司", "运行管理", "热网补水水质化验记录不全", "每班化验补水水质并记录", "立行立改", "化学车间", "已完成"),  # D
    ("临江华能热电有限公司", "环保设施", "煤场扬尘防治措施不到位", "建设全封闭煤棚", "2025年12月31日前", "燃料部", "未整改"),  # N 2025-12-31
    # HAND 临江市城投供热有限公司: m5 done2 long0 not3 overdue@0430 2 overdue@1031 3
    ("临江市城投供热有限公司", "收费管理", "新并网小区供热面积核定不准，存在多收热费", "重新测量核定供热面积，退还多收热费", "2025年4月20日前", "营业收费部", "正在整改"),  # P 2025-04-20
    ("临江市城投供热有限公司", "应急保障", "应急抢修队伍人员不足", "充实抢修队伍至30人，配齐抢修车辆和机具", "2025年6月30日前", "安全生产部", "已完成"),  # D
    ("临江市城投供热有限公司", "环保设施", "南区锅炉房脱硫设施运行不稳定", "更换脱硫塔喷淋层", "2025年8月31日前", "生产运行部", "列入夏季检修计划"),  # P 2025-08-31
    ("临江市城投供热有限公司", "客户服务", "上门测温未留存室温测量记录", "配备室温采集终端，测温记录由用户签字确认", "立行立改", "客户服务部", "未整改"),  # N IMM
    ("临江市城投供热有限公司", "客户服务", "供热服务承诺未向社会公开", "在营业厅和公司网站公开服务承诺", "2025年3月31日前", "客户服务部", "已完成"),  # D
    # HAND 临江市宏远供热有限公司: m4 done1 long1 not2 overdue@0430 0 overdue@1031 2
    ("临江市宏远供热有限公司", "管网设施", "一级管网漏点较多，失水率偏高", "对漏点集中管段进行更换", "2025年9月底前", "管网部", "已完成"),  # D
    ("临江市宏远供热有限公司", "客户服务", "客服人员接待用户态度生硬", "开展服务礼仪培训，服务评价纳入绩效考核", "长期坚持", "综合部", "长期坚持"),  # L
    ("临江市宏远供热有限公司", "收费管理", "收费票据开具不规范", "统一使用电子发票", "2025年5月31日前", "财务部", "正在整改"),  # P 2025-05-31
    ("临江市宏远供热有限公司", "运行管理", "供热期间换热站值班记录缺失", "完善值班制度，实行交接班签字", "2025年4月30日前", "运行部", "未整改"),  # N 2025-04-30
]
F1_HAND = {"临江市热力有限责任公司": (6, 3, 1, 2, 0, 2), "临江华能热电有限公司": (4, 2, 0, 2, 0, 1),
           "临江市城投供热有限公司": (5, 2, 0, 3, 2, 3), "临江市宏远供热有限公司": (4, 1, 1, 2, 0, 2)}


def f1():
    wb = Workbook(); ws = wb.active; ws.title = "整改台账"
    ncol = 10
    title(ws, "A1:J1", "临江市2024—2025年采暖季供热服务质量考核反馈问题整改台账")
    ws.merge_cells("A2:J2")
    ws["A2"] = "填报单位：临江市城市管理局（市供热管理办公室）　　　　　考核时间：2025年3月17日—3月28日　　　　　填报时间：2025年4月28日"
    for col, txt in (("A", "序号"), ("B", "供热企业"), ("C", "问题类别"), ("D", "考核发现问题"), ("E", "整改措施"),
                     ("F", "整改时限"), ("I", "整改情况"), ("J", "备注")):
        ws.merge_cells(f"{col}3:{col}4"); ws[f"{col}3"] = txt
    ws.merge_cells("G3:H3"); ws["G3"] = "企业整改责任"
    header(ws, 4, ["责任部门", "责任人"], start=7)
    for c in range(1, ncol + 1):
        ws.cell(3, c).font = Font(bold=True); ws.cell(3, c).alignment = CN
    r = 5; seq = 0; done = 0
    for unit in F1_HAND:
        rows = [x for x in F1_ROWS if x[0] == unit]
        start = r
        bosses = {}
        for (_, cat, prob, meas, dl, dept, st) in rows:
            seq += 1
            ws.cell(r, 1, seq).alignment = CN
            bosses.setdefault(dept, person())
            ws.cell(r, 3, cat); ws.cell(r, 4, prob); ws.cell(r, 5, meas); ws.cell(r, 6, dl)
            ws.cell(r, 7, dept); ws.cell(r, 8, bosses[dept]); ws.cell(r, 9, st)
            done += F1_STATE[st] == "done"
            r += 1
        merge_down(ws, 2, start, r - 1, unit)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=3)
    ws.cell(r, 1, "合计").alignment = CN
    ws.cell(r, 4, f"共{seq}个问题"); ws.cell(r, 9, f"已完成{done}个")
    frame(ws, 3, r, ncol)
    ws.merge_cells(start_row=r + 1, end_row=r + 1, start_column=1, end_column=ncol)
    ws.cell(r + 1, 1, "说明：1.整改情况填“已完成”“正在整改”“列入夏季检修计划”“未整改”“长期坚持”，“列入夏季检修计划”的须在下一采暖季开始前完成，"
                      "未完成前按未整改统计；2.责任部门为供热企业内部部门。")
    ws.row_dimensions[r + 1].height = 36
    ws.cell(r + 2, 1, f"填表人：{person()}"); ws.cell(r + 2, 4, f"审核人：{person()}"); ws.cell(r + 2, 6, f"联系电话：0795-{R.randint(6100000, 6199999)}")
    widths(ws, [6, 20, 10, 34, 34, 16, 12, 9, 14, 8])
    ws.freeze_panes = "A5"
    ws.print_title_rows = "3:4"
    ws.page_setup.orientation = "landscape"
    wb.save(os.path.join(OUT, F1))
    return dict(
        file=F1, kind="供热 采暖季 供热服务质量考核 反馈问题整改台账 over 供热企业 (热力/热电/供热公司), company cells merged down, 企业整改责任 band, 合计 row",
        producer="市城市管理局供热办(Excel手工, openpyxl xlsx)", as_of=AS_OF,
        sheets={"整改台账": dict(header_row="3-4 (merged group 企业整改责任 over 责任部门/责任人)", data_rows=len(F1_ROWS), columns=dict(
            problem="D (考核发现问题)", measure="E (整改措施; one row = one item)", deadline="F (整改时限)",
            status="I (整改情况)", unit="B (供热企业, merged down)", person="H (责任人)",
            department="G (责任部门, the company's own department, not the unit)", completed_on=None))},
        status_map={"已完成": "done", "正在整改": "in progress", "列入夏季检修计划": "not done (说明: counted as not rectified until done)",
                    "未整改": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="units = the four 供热企业 of column B (merged down over their rows); the 城市管理局/供热办 in the meta row is the filer; "
              "责任部门 (工程管理部, 客户服务中心 …) are departments inside each company (说明 2), 责任人 persons; the 合计 row and the "
              "说明/填表人 rows are not data; 2025年9月底前 = 09-30; 2025年10月15日前 not done is overdue at 2025-10-31; "
              "立行立改 not done (城投供热) is overdue at both dates; 2025年4月30日前 not done is overdue only at 2025-10-31",
        counts=recount([(x[0], x[3], x[4], x[6]) for x in F1_ROWS], F1_STATE), hand=F1_HAND,
        unit_sheets={u: ["整改台账"] for u in F1_HAND})


# ================================================================== 2. 污水处理厂 运营考核 (LibreOffice .xls)
F2 = "临江市水务集团有限公司2025年第一季度城镇污水处理厂运营考核问题整改台账.xls"
F2_STATE = {"已整改": "done", "整改中": "not", "未启动": "not", "长期": "long"}
# (厂站名称, 考核项目, 扣分, 存在问题, 整改措施, 完成期限, 整改进度)
F2_ROWS = [
    # HAND 城东污水处理厂: m5 done2 long1 not2 overdue@0430 1 overdue@1031 2
    ("城东污水处理厂", "出水水质", 2, "3月份出水总氮有2天超过一级A标准", "优化生化池曝气，调整碳源投加量", "2025.5.31", "整改中"),  # P 2025-05-31
    ("城东污水处理厂", "在线监测", 1, "在线监测设备比对监测未按月开展", "每月开展一次比对监测并留存报告", "立即整改", "已整改"),  # D
    ("城东污水处理厂", "污泥处置", 1, "污泥转运联单与台账记录不一致", "完善污泥产生、转运、处置联单台账", "2025.3.31", "已整改"),  # D
    ("城东污水处理厂", "进水水质", 0, "进水COD浓度偏低，服务片区存在雨污混接", "配合排水公司排查片区雨污混接点", "长期", "长期"),  # L
    ("城东污水处理厂", "设备运行", 1, "格栅间除臭设施损坏停用", "更换除臭设备", "2025.4.15", "未启动"),  # N 2025-04-15
    # HAND 城西污水处理厂: m4 done3 long0 not1 overdue@0430 0 overdue@1031 1
    ("城西污水处理厂", "设备运行", 1, "2#二沉池刮泥机故障", "维修刮泥机", "2025.4.10", "已整改"),  # D
    ("城西污水处理厂", "化验检测", 1, "化验室未按规范开展平行样和加标回收质控", "按规范开展质控检测并记录", "立即整改", "已整改"),  # D
    ("城西污水处理厂", "设备运行", 2, "厂区雨水管与污水管存在混接", "改造厂区雨污管线", "2025.9.30", "整改中"),  # P 2025-09-30
    ("城西污水处理厂", "安全管理", 0.5, "重点岗位安全操作规程未上墙", "在鼓风机房、加药间等岗位张贴操作规程", "2025.5.15", "已整改"),  # D
    # HAND 临江经济开发区污水处理厂: m5 done2 long0 not3 overdue@0430 1 overdue@1031 2
    ("临江经济开发区污水处理厂", "进水水质", 3, "部分工业废水进水指标超过纳管标准", "会同园区管委会对排水企业开展联合排查", "2025.6.30", "整改中"),  # P 2025-06-30
    ("临江经济开发区污水处理厂", "安全管理", 2, "应急事故池容量不足", "扩建应急事故池", "2025.12.31", "未启动"),  # N 2025-12-31
    ("临江经济开发区污水处理厂", "安全管理", 2, "有限空间作业审批不规范，未检测即作业", "严格执行有限空间作业审批和“先通风、再检测、后作业”", "立即整改", "整改中"),  # P IMM
    ("临江经济开发区污水处理厂", "污泥处置", 1, "脱水污泥含水率超过80%", "更换板框压滤机滤布，调整调理药剂", "2025.4.30", "已整改"),  # D
    ("临江经济开发区污水处理厂", "运行管理", 0.5, "运行日报填写不规范", "规范填写运行日报，实行班长审核", "2025.3.31", "已整改"),  # D
    # HAND 青山镇污水处理站: m4 done1 long1 not2 overdue@0430 1 overdue@1031 1
    ("青山镇污水处理站", "运行管理", 1, "进水量不足设计规模40%，设备长期低负荷运行", "配合镇政府完善配套管网，提高收集率", "长期", "长期"),  # L
    ("青山镇污水处理站", "化验检测", 1, "未配备专职化验人员", "委托第三方检测机构按月检测", "2025.6.30", "已整改"),  # D
    ("青山镇污水处理站", "出水水质", 2, "出水氨氮超标", "生化池增设生物填料", "2025.4.20", "整改中"),  # P 2025-04-20
    ("青山镇污水处理站", "设备运行", 0.5, "紫外消毒模块灯管损坏", "更换紫外灯管", "2025.10.31", "未启动"),  # N 2025-10-31
]
F2_HAND = {"城东污水处理厂": (5, 2, 1, 2, 1, 2), "城西污水处理厂": (4, 3, 0, 1, 0, 1),
           "临江经济开发区污水处理厂": (5, 2, 0, 3, 1, 2), "青山镇污水处理站": (4, 1, 1, 2, 1, 1)}


def f2():
    base = F2[:-4]
    wb = Workbook(); ws = wb.active; ws.title = "考核问题整改"
    ncol = 10
    title(ws, "A1:J1", "临江市水务集团有限公司2025年第一季度城镇污水处理厂运营考核问题整改台账")
    ws.merge_cells("A2:J2")
    ws["A2"] = "考核单位：临江市水务局　　　　填报单位：水务集团生产运营部　　　　填报日期：2025年4月27日"
    header(ws, 3, ["序号", "厂站名称", "考核项目", "扣分（分）", "存在问题", "整改措施", "完成期限", "厂站责任人", "整改进度", "备注"])
    r = 4; seq = 0
    for i, unit in enumerate(F2_HAND):
        if i:
            r += 1  # a blank row between plants
        boss = person()
        for (_, item, pts, prob, meas, dl, st) in [x for x in F2_ROWS if x[0] == unit]:
            seq += 1
            ws.cell(r, 1, seq).alignment = CN
            for c, v in enumerate([unit, item, pts, prob, meas, dl, boss, st, ""], 2):
                ws.cell(r, c, v)
            r += 1
    frame(ws, 3, r - 1, ncol)
    ws.cell(r, 1, f"扣分合计：{sum(x[2] for x in F2_ROWS)}分")
    ws.cell(r + 1, 1, "注：整改进度填“已整改”“整改中”“未启动”“长期”；厂站为集团所属生产单位，对本厂站问题整改负责。")
    ws.cell(r + 2, 1, f"填报人：{person()}"); ws.cell(r + 2, 5, f"部门负责人：{person()}"); ws.cell(r + 2, 7, f"电话：{phone()}")
    widths(ws, [6, 22, 10, 8, 32, 34, 12, 10, 10, 8])
    tmp = tempfile.mkdtemp(prefix="h12x_")
    src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    lo_convert(src, "xls", OUT); shutil.rmtree(tmp)
    return dict(
        file=F2, kind="水务集团 城镇污水处理厂 运营考核 问题整改台账 of one group, units = its 厂站 (column), blank rows between plants, xls (BIFF8)",
        producer="市水务集团生产运营部(Excel → LibreOffice 'MS Excel 97')", as_of=AS_OF,
        sheets={"考核问题整改": dict(header_row=3, data_rows=len(F2_ROWS), columns=dict(
            problem="E (存在问题)", measure="F (整改措施; one row = one item)", deadline="G (完成期限)",
            status="I (整改进度)", unit="B (厂站名称, written on every row)", person="H (厂站责任人)", department=None,
            completed_on=None))},
        status_map={"已整改": "done", "整改中": "in progress", "未启动": "not started", "长期": "long-term (deadline 长期)"},
        notes="the title names one company (水务集团); the 注 says each 厂站 answers for its own problems, so units = the four 厂站 of column B "
              "(three 污水处理厂 and one 镇污水处理站); the 水务局 (考核单位) and 生产运营部 (填报单位) are not units; 扣分 is a score, not a "
              "count; one blank row between plants; the 扣分合计, 注 and 填报人 rows are not data; 2025.10.31 not done is not overdue at "
              "2025-10-31; 立即整改 not done (开发区厂) is overdue at both dates",
        counts=recount([(x[0], x[4], x[5], x[6]) for x in F2_ROWS], F2_STATE), hand=F2_HAND,
        unit_sheets={u: ["考核问题整改"] for u in F2_HAND})


# ================================================================== 3. 通信基础设施 安全生产 检查 (CSV GB18030)
F3 = "青溪县2025年通信基础设施安全生产专项检查隐患整改台账.csv"
F3_STATE = {"已整改": "done", "整改中": "not", "未整改": "not", "需协调解决": "not", "常态化管理": "long"}
# (企业名称, 站点名称 ('' = same site as the row above), 隐患描述, 隐患等级, 整改措施, 整改时限, 整改情况)
F3_ROWS = [
    # HAND 中国移动青溪分公司: m5 done2 long0 not3 overdue@0430 1 overdue@1031 3
    ("中国移动青溪分公司", "城关新华路基站", "机房蓄电池组漏液", "一般", "更换蓄电池组", "5月31日前", "已整改"),  # D
    ("中国移动青溪分公司", "青山高岭基站", "抱杆锈蚀严重", "一般", "更换抱杆并做防腐处理", "6月30日前", "整改中"),  # P 2025-06-30
    ("中国移动青溪分公司", "", "防雷接地电阻超标", "较大", "重新敷设接地网并复测", "4月25日前", "整改中"),  # P 2025-04-25
    ("中国移动青溪分公司", "城关汽车站基站", "机房灭火器过期", "一般", "更换灭火器", "立即整改", "已整改"),  # D
    ("中国移动青溪分公司", "白马村基站", "基站围墙局部倒塌", "一般", "修复围墙，设置警示标志", "9月30日前", "未整改"),  # N 2025-09-30
    # HAND 中国联通青溪分公司: m4 done2 long1 not1 overdue@0430 0 overdue@1031 1
    ("中国联通青溪分公司", "城关人民路机房", "机房空调故障，室温超过30℃", "一般", "维修空调，增设温度告警", "立即整改", "已整改"),  # D
    ("中国联通青溪分公司", "县道X012线杆路", "架空光缆跨越道路净空高度不足", "较大", "抬高光缆或改为管道敷设", "6月30日前", "需协调解决"),  # P 2025-06-30
    ("中国联通青溪分公司", "", "部分电杆倾斜", "一般", "扶正电杆，加装拉线", "5月15日前", "已整改"),  # D
    ("中国联通青溪分公司", "代维单位", "代维人员未持证登高作业", "一般", "代维单位组织登高作业培训取证，无证人员不得登高", "常态化", "常态化管理"),  # L
    # HAND 中国电信青溪分公司: m4 done1 long0 not3 overdue@0430 1 overdue@1031 2
    ("中国电信青溪分公司", "县委大院基站", "室外配电箱未接地", "一般", "配电箱接地改造", "4月20日前", "已整改"),  # D
    ("中国电信青溪分公司", "青山镇区通信管道", "人井井盖缺失", "较大", "补装井盖，设置警示标志", "立即整改", "整改中"),  # P IMM
    ("中国电信青溪分公司", "青溪大道光交箱", "光交箱门锁损坏", "一般", "更换门锁", "5月31日前", "未整改"),  # N 2025-05-31
    ("中国电信青溪分公司", "代维单位", "安全生产责任制未覆盖代维单位", "一般", "与代维单位签订安全生产管理协议", "11月30日前", "整改中"),  # P 2025-11-30
    # HAND 中国铁塔青溪分公司: m5 done2 long0 not3 overdue@0430 0 overdue@1031 2
    ("中国铁塔青溪分公司", "城关东门铁塔", "塔身螺栓松动、缺失", "较大", "紧固、补齐螺栓", "4月30日前", "整改中"),  # P 2025-04-30
    ("中国铁塔青溪分公司", "白马乡政府铁塔", "铁塔与10kV线路安全距离不足", "重大", "铁塔迁改", "10月31日前", "需协调解决"),  # P 2025-10-31
    ("中国铁塔青溪分公司", "青山中学铁塔", "油机发电期间无人值守", "一般", "发电期间安排专人值守", "立即整改", "已整改"),  # D
    ("中国铁塔青溪分公司", "", "外市电引入线路老化", "一般", "更换外市电线路", "6月30日前", "已整改"),  # D
    ("中国铁塔青溪分公司", "城关西山铁塔", "塔身爬梯防坠落装置缺失", "一般", "加装防坠落装置", "8月31日前", "整改中"),  # P 2025-08-31
]
F3_HAND = {"中国移动青溪分公司": (5, 2, 0, 3, 1, 3), "中国联通青溪分公司": (4, 2, 1, 1, 0, 1),
           "中国电信青溪分公司": (4, 1, 0, 3, 1, 2), "中国铁塔青溪分公司": (5, 2, 0, 3, 0, 2)}


def f3():
    ncol = 12
    pad = lambda xs: xs + [""] * (ncol - len(xs))
    rows = [pad(["青溪县2025年通信基础设施安全生产专项检查隐患整改台账"]),
            pad(["检查单位：青溪县通信发展办公室（县工业和信息化局）", "", "", "", "", "", "", "", "填报时间：2025年4月29日"]),
            pad(["说明：整改时限未注明年份的均为2025年。"]),
            ["序号", "企业名称", "站点名称", "站址编码", "隐患描述", "隐患等级", "整改措施", "整改时限", "整改情况", "企业负责人",
             "联系电话", "备注"]]
    n = 0
    for unit in F3_HAND:
        boss, tel = person(), phone()
        for (_, site, prob, lvl, meas, dl, st) in [x for x in F3_ROWS if x[0] == unit]:
            n += 1
            code = "" if not site or "代维" in site or "杆路" in site or "管道" in site else f"36112{R.randint(100, 999)}{R.randint(1000, 9999)}"
            rows.append([str(n), unit, site, code, prob, lvl, meas, dl, st, boss, tel, ""])
    rows.append(pad(["合计", "", "", "", f"隐患{n}处", "", "", "", f"已整改{sum(F3_STATE[x[6]] == 'done' for x in F3_ROWS)}处"]))
    rows.append(pad(["注：“需协调解决”指隐患整改需县直部门或乡镇协调，尚未整改；“常态化管理”为需长期坚持的事项。"]))
    rows.append(pad([f"填表人：{person()}", "", "", "", f"审核人：{person()}"]))
    with open(os.path.join(OUT, F3), "w", encoding="gb18030", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(rows)
    return dict(
        file=F3, kind="通信发展办 通信基础设施 安全生产 专项检查 隐患整改台账 over 基础电信企业/铁塔 县分公司, CSV GB18030 (WPS)",
        producer="县通信发展办(WPS 另存为 CSV, GB18030, CRLF)", as_of=AS_OF,
        sheets={F3[:-4]: dict(header_row=4, data_rows=len(F3_ROWS), columns=dict(
            problem="E (隐患描述)", measure="G (整改措施; one row = one item)", deadline="H (整改时限, no year)",
            status="I (整改情况)", unit="B (企业名称, written on every row)", person="J (企业负责人)", department=None,
            completed_on=None))},
        status_map={"已整改": "done", "整改中": "in progress", "未整改": "not started",
                    "需协调解决": "not done (注: waits for coordination, not rectified)", "常态化管理": "long-term (deadline 常态化)"},
        notes="units = the four county branches of 企业名称 (移动, 联通, 电信, 铁塔); 站点名称 (sites; blank on a site's second row) are not "
              "units; 企业负责人 a person; the 通信发展办 in the meta row is not a unit; deadlines have no year: the 说明 row says 2025; "
              "the 说明, 合计, 注 and 填表人 rows are not data; 立即整改 not done (电信) is overdue at both dates; 4月30日前 and 10月31日前 not "
              "done are not overdue on those days",
        counts=recount([(x[0], x[4], x[5], x[6]) for x in F3_ROWS], F3_STATE), hand=F3_HAND,
        unit_sheets={u: [F3[:-4]] for u in F3_HAND})


# ================================================================== 4. 农商银行 消费者权益保护 检查 (system export xlsx)
F4 = "消保管理系统_消保检查问题整改跟踪_导出20250430.xlsx"
F4_STATE = {"已整改": "done", "整改中": "not", "待验收": "not", "未整改": "not", "持续整改": "long"}
# (机构名称, 问题类别, 问题描述, 整改措施, 计划完成日期, 整改状态)
F4_ROWS = [
    # HAND 青溪农商银行营业部: m5 done3 long1 not1 overdue@0430 0 overdue@1031 1
    ("青溪农商银行营业部", "产品营销宣传", "代销理财产品宣传折页未充分提示风险", "重新印制宣传材料，增加风险提示内容", "2025-03-31", "已整改"),  # D
    ("青溪农商银行营业部", "适当性管理", "部分客户风险承受能力评估问卷由柜员代填", "对相关客户重新评估，开展员工适当性培训", "2025-05-31", "整改中"),  # P 2025-05-31
    ("青溪农商银行营业部", "投诉处理", "投诉登记不完整，个别投诉未在规定时限内回复", "完善投诉登记簿，实行限时回复", "2025-04-15", "已整改"),  # D
    ("青溪农商银行营业部", "信息披露", "营业厅未公示服务收费价目", "在营业厅显著位置公示服务价目表", "2025-03-20", "已整改"),  # D
    ("青溪农商银行营业部", "适老化服务", "适老化服务设施不完善", "增设爱心座椅、老花镜等便民设施", "长期", "持续整改"),  # L
    # HAND 青溪农商银行城关支行: m4 done1 long0 not3 overdue@0430 1 overdue@1031 3
    ("青溪农商银行城关支行", "个人信息保护", "留存的客户身份证复印件未加注用途", "规范身份证复印件留存和使用", "2025-04-10", "整改中"),  # P 2025-04-10
    ("青溪农商银行城关支行", "投诉处理", "未设置投诉公示牌", "设置投诉公示牌，公布投诉渠道", "2025-03-31", "已整改"),  # D
    ("青溪农商银行城关支行", "产品营销宣传", "存款产品宣传材料使用“保本高收益”字样", "撤下违规宣传材料，对责任人批评教育", "2025-04-30", "待验收"),  # P 2025-04-30
    ("青溪农商银行城关支行", "教育培训", "员工消保培训覆盖率不足80%", "组织全员参加消保培训并考试", "2025-06-30", "未整改"),  # N 2025-06-30
    # HAND 青溪农商银行青山支行: m4 done2 long0 not2 overdue@0430 1 overdue@1031 2
    ("青溪农商银行青山支行", "服务收费", "贷款发放时捆绑销售意外险", "退还保费，问责相关客户经理", "2025-04-20", "已整改"),  # D
    ("青溪农商银行青山支行", "适老化服务", "老年客户办理业务等候时间长", "开设老年客户优先窗口", "2025-05-31", "已整改"),  # D
    ("青溪农商银行青山支行", "服务收费", "向小微企业收取资信证明费", "清退违规收费", "2025-03-31", "待验收"),  # P 2025-03-31
    ("青溪农商银行青山支行", "个人信息保护", "客户征信查询授权书要素不全", "补签征信查询授权书", "2025-09-30", "整改中"),  # P 2025-09-30
    # HAND 青溪农商银行白马支行: m4 done1 long1 not2 overdue@0430 0 overdue@1031 1
    ("青溪农商银行白马支行", "投诉处理", "投诉处理未形成闭环，无回访记录", "建立投诉回访制度", "2025-06-30", "整改中"),  # P 2025-06-30
    ("青溪农商银行白马支行", "信息披露", "利率公示牌未及时更新", "及时更新存贷款利率公示", "2025-03-15", "已整改"),  # D
    ("青溪农商银行白马支行", "教育培训", "网点消保专员未参加总行培训", "参加总行消保专员培训", "2025-10-31", "未整改"),  # N 2025-10-31
    ("青溪农商银行白马支行", "金融知识宣传", "金融知识宣传进村入户不够", "每月开展一次金融知识进村宣传", "长期", "持续整改"),  # L
]
F4_HAND = {"青溪农商银行营业部": (5, 3, 1, 1, 0, 1), "青溪农商银行城关支行": (4, 1, 0, 3, 1, 3),
           "青溪农商银行青山支行": (4, 2, 0, 2, 1, 2), "青溪农商银行白马支行": (4, 1, 1, 2, 0, 1)}


def f4():
    wb = Workbook(); ws = wb.active; ws.title = "问题整改跟踪"
    hdr = ["序号", "机构号", "机构名称", "检查编号", "检查类型", "检查日期", "问题编号", "问题类别", "问题描述", "整改措施",
           "计划完成日期", "实际完成日期", "整改状态", "整改责任人", "录入人", "最后更新时间"]
    ws.append(hdr)
    n = 0
    for ui, unit in enumerate(F4_HAND):
        org = f"8011{R.randint(10, 99)}{ui + 1:02d}"
        chk = f"XBJC2025{R.randint(1000, 9999)}"
        day = D(2025, 3, R.randint(3, 14))
        boss = person()
        for k, (_, cat, prob, meas, dl, st) in enumerate([x for x in F4_ROWS if x[0] == unit], 1):
            n += 1
            finished = ""
            if st == "已整改":
                finished = (day + dt.timedelta(days=R.randint(5, 30))).isoformat()
            upd = dt.datetime(2025, 4, R.randint(1, 29), R.randint(8, 17), R.randint(0, 59), R.randint(0, 59))
            ws.append([n, org, unit, chk, "消保专项检查", day.isoformat(), f"{chk}-{k:03d}", cat, prob, meas, dl, finished, st,
                       boss, "xb_" + R.choice(["liuy", "chenj", "wangm"]), upd.strftime("%Y-%m-%d %H:%M:%S")])
    q = wb.create_sheet("查询条件")
    for row in (["导出时间", "2025-04-30 09:12:45"], ["检查年度", "2025"], ["检查类型", "消保专项检查"],
                ["机构范围", "青溪农商银行（全辖）"], ["整改状态", "全部"], ["导出人", "xb_liuy"]):
        q.append(row)
    wb.save(os.path.join(OUT, F4))
    return dict(
        file=F4, kind="农商银行 消费者权益保护 专项检查 问题整改跟踪 over 网点 (营业部/支行), system export with codes, export date in the file name, second sheet 查询条件",
        producer="农商银行消保管理系统(导出 xlsx, header in row 1, no title)", as_of=AS_OF,
        sheets={"问题整改跟踪": dict(header_row=1, data_rows=len(F4_ROWS), columns=dict(
            problem="I (问题描述)", measure="J (整改措施; one row = one item)", deadline="K (计划完成日期, ISO text)",
            status="M (整改状态)", unit="C (机构名称; 机构号 in B)", person="N (整改责任人)", department=None,
            completed_on="L (实际完成日期, filled on 已整改 rows only)")),
                "查询条件": dict(header_row=None, data_rows=0, columns=None, note="export query parameters, not a ledger")},
        status_map={"已整改": "done", "整改中": "in progress", "待验收": "not done (reported, awaiting the head office's check)",
                    "未整改": "not started", "持续整改": "long-term (计划完成日期 长期)"},
        notes="units = the four 网点 of 机构名称 (营业部 and three 支行); the bank itself (查询条件: 全辖) is not a unit; 录入人 is a system "
              "login, 整改责任人 a person; 检查编号/问题编号 are codes; the export date 20250430 in the file name is not a deadline; "
              "2025-04-30 待验收 is not overdue at 2025-04-30; 2025-10-31 未整改 is not overdue at 2025-10-31",
        counts=recount([(x[0], x[3], x[4], x[5]) for x in F4_ROWS], F4_STATE), hand=F4_HAND,
        unit_sheets={u: ["问题整改跟踪"] for u in F4_HAND})


# ================================================================== 5. 医院 医学装备部 医疗设备巡检 (openpyxl xlsx, hidden columns)
F5 = "青溪县人民医院2025年第一季度医疗设备巡检发现问题整改台账.xlsx"
F5_STATE = {"已处理": "done", "处理中": "not", "等待配件": "not", "未处理": "not", "常态化": "long"}
# (使用科室, 设备名称, 巡检发现问题, 处置措施, 计划完成时间, 处置进展)
F5_ROWS = [
    # HAND 放射科: m5 done2 long1 not2 overdue@0430 1 overdue@1031 2
    ("放射科", "64排CT", "球管散热风扇异响", "联系厂家工程师更换散热风扇", "2025年4月15日", "已处理"),  # D
    ("放射科", "DR摄影系统", "机房防护门闭门器损坏，门不能自动关闭", "更换防护门闭门器", "2025年4月10日", "等待配件"),  # P 2025-04-10
    ("放射科", "1.5T磁共振", "液氦水平低于60%", "联系厂家补充液氦", "2025年5月31日", "处理中"),  # P 2025-05-31
    ("放射科", "个人剂量计", "个人剂量计未按季度送检", "按季度送检并建立档案", "立行立改", "已处理"),  # D
    ("放射科", "移动DR", "床旁使用后未登记使用记录", "规范填写设备使用登记本", "常态化", "常态化"),  # L
    # HAND 检验科: m4 done2 long0 not2 overdue@0430 0 overdue@1031 2
    ("检验科", "全自动生化分析仪", "未按期进行年度校准", "委托市计量所校准", "2025年4月30日", "已处理"),  # D
    ("检验科", "Ⅱ级生物安全柜", "高效过滤器超期未更换", "更换高效过滤器并检测", "2025年6月30日", "处理中"),  # P 2025-06-30
    ("检验科", "试剂冷藏冰箱", "温度记录不连续，周末无记录", "安装温湿度自动监测系统", "2025年9月30日", "未处理"),  # N 2025-09-30
    ("检验科", "高速离心机", "离心机盖锁失灵", "维修盖锁", "立行立改", "已处理"),  # D
    # HAND 手术室: m5 done2 long1 not2 overdue@0430 1 overdue@1031 2
    ("手术室", "麻醉机", "部分麻醉机使用前未做开机自检", "每台手术前开机自检并记录", "常态化", "常态化"),  # L
    ("手术室", "高频电刀", "负极板回路报警失灵", "返厂维修，期间启用备用机", "2025年4月20日", "处理中"),  # P 2025-04-20
    ("手术室", "手术无影灯", "3号手术间无影灯部分灯泡损坏", "更换灯泡", "立行立改", "已处理"),  # D
    ("手术室", "除颤仪", "电池老化，充电后不能维持工作", "更换电池", "2025年5月10日", "等待配件"),  # P 2025-05-10
    ("手术室", "层流净化机组", "初效过滤网积尘严重", "清洗、更换初效过滤网", "2025年3月31日", "已处理"),  # D
    # HAND 重症医学科: m4 done2 long0 not2 overdue@0430 1 overdue@1031 1
    ("重症医学科", "呼吸机", "2台呼吸机未按期做预防性维护", "完成预防性维护并贴标识", "2025年4月25日", "已处理"),  # D
    ("重症医学科", "多参数监护仪", "血氧探头破损", "更换血氧探头", "立行立改", "处理中"),  # P IMM
    ("重症医学科", "输液泵", "1台输液泵流速误差超标", "送检校准", "2025年10月31日", "未处理"),  # N 2025-10-31
    ("重症医学科", "设备带", "负压吸引压力不足", "检修中心负压吸引系统", "2025年5月31日", "已处理"),  # D
]
F5_HAND = {"放射科": (5, 2, 1, 2, 1, 2), "检验科": (4, 2, 0, 2, 0, 2), "手术室": (5, 2, 1, 2, 1, 2),
           "重症医学科": (4, 2, 0, 2, 1, 1)}


def f5():
    wb = Workbook(); ws = wb.active; ws.title = "巡检问题整改"
    ncol = 12
    title(ws, "A1:L1", "青溪县人民医院2025年第一季度医疗设备巡检发现问题整改台账")
    ws.merge_cells("A2:L2")
    ws["A2"] = "填报科室：医学装备部　　　　巡检时间：2025年3月3日—3月21日　　　　报送时间：2025年4月25日"
    header(ws, 3, ["序号", "使用科室", "设备名称", "设备编号", "规格型号", "巡检发现问题", "处置措施", "计划完成时间",
                   "科室设备管理员", "工程师", "处置进展", "备注"])
    r = 4
    models = ["GE", "西门子", "飞利浦", "迈瑞", "深圳安科", "日立", "德尔格", "贝朗"]
    for unit in F5_HAND:
        admin = person()
        for (_, dev, prob, meas, dl, st) in [x for x in F5_ROWS if x[0] == unit]:
            ws.cell(r, 1, r - 3).alignment = CN
            for c, v in enumerate([unit, dev, f"QXRMYY-{R.randint(2012, 2024)}-{R.randint(100, 999)}",
                                   f"{R.choice(models)} {R.choice('ABCDMS')}{R.randint(100, 990)}", prob, meas, dl, admin,
                                   person(), st, ""], 2):
                ws.cell(r, c, v)
            r += 1
    frame(ws, 3, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "说明：处置进展填“已处理”“处理中”“等待配件”“未处理”“常态化”；“等待配件”的设备已停用或启用备用设备，处置未完成。"
                  "各使用科室对本科室设备问题的整改负责，医学装备部负责跟踪复核。")
    ws.row_dimensions[r].height = 32
    ws.cell(r + 1, 1, f"填报人：{person()}"); ws.cell(r + 1, 6, f"医学装备部负责人：{person()}")
    widths(ws, [6, 12, 16, 18, 16, 30, 30, 14, 12, 9, 11, 8])
    for col in ("D", "E"):
        ws.column_dimensions[col].hidden = True
    ws.freeze_panes = "C4"
    s2 = wb.create_sheet("巡检计划")
    s2.append(["2025年第一季度医疗设备巡检计划"])
    s2.append(["科室", "巡检日期", "巡检设备（台）", "巡检工程师", "备注"])
    for i, u in enumerate(["放射科", "检验科", "手术室", "重症医学科", "超声科", "血液净化中心"]):
        s2.append([u, f"2025年3月{3 + 3 * i}日", R.randint(8, 40), person(), ""])
    widths(s2, [14, 16, 14, 12, 8])
    wb.save(os.path.join(OUT, F5))
    return dict(
        file=F5, kind="医院 医学装备部 医疗设备巡检 发现问题整改台账 of one 医院, units = 使用科室 (column), hidden 设备编号/规格型号, second sheet 巡检计划",
        producer="县人民医院医学装备部(Excel手工, openpyxl xlsx; columns D-E hidden)", as_of=AS_OF,
        sheets={"巡检问题整改": dict(header_row=3, data_rows=len(F5_ROWS), columns=dict(
            problem="F (巡检发现问题)", measure="G (处置措施; one row = one item)", deadline="H (计划完成时间)",
            status="K (处置进展)", unit="B (使用科室)", person="I (科室设备管理员) / J (工程师)", department="B (使用科室 = the unit)",
            completed_on=None)),
                "巡检计划": dict(header_row=2, data_rows=6, columns=None, note="inspection plan per department, not a ledger (超声科, 血液净化中心 have no problems)")},
        status_map={"已处理": "done", "处理中": "in progress", "等待配件": "not done (说明: waiting for parts, not finished)",
                    "未处理": "not started", "常态化": "long-term (deadline 常态化)"},
        notes="the title names one hospital; the 说明 says each 使用科室 answers for its own equipment, so units = the four 使用科室 of column B; "
              "医学装备部 (filer and follow-up) is not a unit; 设备名称 are things inspected; 科室设备管理员 and 工程师 are persons; hidden D-E "
              "hold codes and models; the second sheet 巡检计划 is a plan, not a ledger; 立行立改 not done (重症医学科) is overdue at both "
              "dates; 2025年10月31日 not done is not overdue at 2025-10-31",
        counts=recount([(x[0], x[3], x[4], x[5]) for x in F5_ROWS], F5_STATE), hand=F5_HAND,
        unit_sheets={u: ["巡检问题整改"] for u in F5_HAND})


# ================================================================== 6. 高校 本科教育教学审核评估 整改任务 (LibreOffice .ods)
F6 = "临江师范学院本科教育教学审核评估专家反馈问题整改任务台账.ods"
F6_STATE = {"已完成": "done", "推进中": "not", "未开始": "not", "长期坚持": "long"}
# (问题序号, 问题类别, 专家反馈问题, 整改任务, 牵头单位, 配合单位, 完成时限, 完成情况)
# HAND 教务处: m5 done2 long1 not2 overdue@0430 0 overdue@1031 1   (one task cell enumerates two: （1）…（2）…)
# HAND 人事处: m4 done1 long0 not3 overdue@0430 0 overdue@1031 2
# HAND 学生工作部（处）: m4 done1 long1 not2 overdue@0430 0 overdue@1031 1
# HAND 国有资产与实验室管理处: m4 done2 long0 not2 overdue@0430 1 overdue@1031 2
P1 = "部分专业人才培养方案课程体系对毕业要求的支撑关系不清晰"
P2 = "生师比偏高，部分新办专业专任教师不足"
P3 = "课堂教学质量监控闭环不足，督导意见反馈不及时"
P4 = "学生学习成效跟踪评价不足，毕业生跟踪调查覆盖面窄"
P5 = "实验室仪器设备更新慢，部分专业实验开出率不足"
P6 = "自习室、研讨室等学习空间不足"
F6_ROWS = [
    (1, "培养目标与培养方案", P1, "组织各专业修订2025版人才培养方案", "教务处", "各学院", "2025年7月底", "推进中"),  # 教务处 P 2025-07-31
    (1, "培养目标与培养方案", P1, "建立人才培养方案年度评价与动态调整机制", "教务处", "评估与质量监控中心", "长期坚持", "长期坚持"),  # 教务处 L
    (2, "师资队伍", P2, "制定2025年高层次人才引进和专任教师招聘计划", "人事处", "各学院", "2025年上半年", "已完成"),  # 人事处 D
    (2, "师资队伍", P2, "引进和招聘专任教师不少于40人", "人事处", "各学院", "2025年12月底前", "推进中"),  # 人事处 P 2025-12-31
    (2, "师资队伍", P2, "完善教师分类评价和职称评审办法", "人事处", "教务处", "2025年4月30日前", "推进中"),  # 人事处 P 2025-04-30
    (3, "质量保障", P3, "（1）修订教学督导工作办法；（2）建立督导意见48小时内反馈教师机制", "教务处", "评估与质量监控中心", "2025年4月30日前", "已完成"),  # 教务处 D x2
    (3, "质量保障", P3, "开展青年教师教学能力提升专题培训", "人事处", "教师发展中心", "2025年上半年", "未开始"),  # 人事处 N 2025-06-30
    (4, "学生发展", P4, "开展毕业生中长期发展跟踪调查", "学生工作部（处）", "招生就业处", "2025年12月底前", "推进中"),  # 学工 P 2025-12-31
    (4, "学生发展", P4, "建立在校生学习投入度年度调查制度", "学生工作部（处）", "教务处", "2025年7月底", "未开始"),  # 学工 N 2025-07-31
    (4, "学生发展", P4, "完善学业预警与帮扶工作机制", "学生工作部（处）", "各学院", "长期坚持", "长期坚持"),  # 学工 L
    (5, "教学资源", P5, "编制2025年教学实验设备购置计划", "国有资产与实验室管理处", "财务处", "2025年3月底", "已完成"),  # 国资 D
    (5, "教学资源", P5, "完成基础化学、大学物理实验室设备更新", "国有资产与实验室管理处", "化学与材料学院、物理与电子工程学院", "2025年9月底前", "推进中"),  # 国资 P 2025-09-30
    (5, "教学资源", P5, "建立实验室安全准入制度", "国有资产与实验室管理处", "各学院", "2025年4月20日前", "推进中"),  # 国资 P 2025-04-20
    (5, "教学资源", P5, "各专业实验开出率达到100%", "教务处", "国有资产与实验室管理处", "2025年下半年", "推进中"),  # 教务处 P 2025-12-31
    (6, "学习环境", P6, "改造图书馆二层为智慧学习空间", "国有资产与实验室管理处", "图书馆", "2025年8月底", "已完成"),  # 国资 D
    (6, "学习环境", P6, "考试周期间开放夜间自习教室", "学生工作部（处）", "教务处", "立行立改", "已完成"),  # 学工 D
]
F6_HAND = {"教务处": (5, 2, 1, 2, 0, 1), "人事处": (4, 1, 0, 3, 0, 2), "学生工作部（处）": (4, 1, 1, 2, 0, 1),
           "国有资产与实验室管理处": (4, 2, 0, 2, 1, 2)}


def f6():
    base = F6[:-4]
    wb = Workbook(); ws = wb.active; ws.title = "整改任务台账"
    ncol = 10
    title(ws, "A1:J1", "临江师范学院本科教育教学审核评估专家反馈问题整改任务台账")
    ws.merge_cells("A2:J2")
    ws["A2"] = "牵头部门：评估与质量监控中心　　　　专家进校考察时间：2024年11月18日—21日　　　　更新时间：2025年4月28日"
    for col, txt in (("A", "序号"), ("B", "问题类别"), ("C", "专家反馈问题"), ("D", "整改任务"), ("G", "完成时限"),
                     ("H", "完成情况"), ("I", "佐证材料"), ("J", "备注")):
        ws.merge_cells(f"{col}3:{col}4"); ws[f"{col}3"] = txt
    ws.merge_cells("E3:F3"); ws["E3"] = "责任单位"
    header(ws, 4, ["牵头单位", "配合单位"], start=5)
    for c in range(1, ncol + 1):
        ws.cell(3, c).font = Font(bold=True); ws.cell(3, c).alignment = CN
    r = 5
    for seq in sorted({x[0] for x in F6_ROWS}):
        rows = [x for x in F6_ROWS if x[0] == seq]
        start = r
        for (_, cat, prob, task, lead, co, dl, st) in rows:
            ws.cell(r, 4, task); ws.cell(r, 5, lead); ws.cell(r, 6, co); ws.cell(r, 7, dl); ws.cell(r, 8, st)
            ws.cell(r, 9, "已上传" if st == "已完成" else "")
            r += 1
        merge_down(ws, 1, start, r - 1, seq); ws.cell(start, 1).alignment = CN
        merge_down(ws, 2, start, r - 1, rows[0][1]); merge_down(ws, 3, start, r - 1, rows[0][2])
    frame(ws, 3, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "说明：1.整改任务由牵头单位负总责，配合单位协同落实；2.完成情况填“已完成”“推进中”“未开始”“长期坚持”，已完成的须上传佐证材料。")
    ws.cell(r + 1, 1, f"填报人：{person()}"); ws.cell(r + 1, 4, f"审核人：{person()}")
    widths(ws, [6, 14, 32, 36, 18, 20, 14, 10, 10, 8])
    s2 = wb.create_sheet("整改任务分解统计")
    s2.append(["牵头单位", "整改任务（项）", "已完成（项）", "推进中（项）", "未开始（项）", "长期坚持（项）"])
    for u in F6_HAND:
        rows = [x for x in F6_ROWS if x[4] == u]
        s2.append([u, len(rows)] + [sum(x[7] == w for x in rows) for w in ("已完成", "推进中", "未开始", "长期坚持")])
    s2.append(["合计", len(F6_ROWS)] + [sum(x[7] == w for x in F6_ROWS) for w in ("已完成", "推进中", "未开始", "长期坚持")])
    widths(s2, [24, 14, 12, 12, 12, 14])
    tmp = tempfile.mkdtemp(prefix="h12o_")
    src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    lo_convert(src, "ods", OUT); shutil.rmtree(tmp)
    return dict(
        file=F6, kind="高校 本科教育教学审核评估 专家反馈问题 整改任务台账 over 牵头单位 (职能处室), problems merged over tasks, 责任单位 band with 配合单位, second sheet 分解统计, ods",
        producer="学院评估与质量监控中心(Excel → LibreOffice ods)", as_of=AS_OF,
        sheets={"整改任务台账": dict(header_row="3-4 (merged group 责任单位 over 牵头单位/配合单位)", data_rows=len(F6_ROWS), columns=dict(
            problem="C (专家反馈问题, merged over its tasks)", measure="D (整改任务)", deadline="G (完成时限)",
            status="H (完成情况)", unit="E (牵头单位)", person=None, department="E (牵头单位 = the unit; F 配合单位 helps, not a unit)",
            completed_on=None)),
                "整改任务分解统计": dict(header_row=1, data_rows=5, columns=None,
                                  note="per-unit count of task rows (counts the （1）（2） row once), 合计 row; not a ledger")},
        status_map={"已完成": "done", "推进中": "in progress", "未开始": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="units = the four 牵头单位 of column E (the college's offices); 配合单位 (各学院, 评估与质量监控中心 …) are not units; the college "
              "itself and the 评估与质量监控中心 in the meta row are not units; problems 1-6 are merged over their task rows; one task cell "
              "of 教务处 enumerates （1）…（2）… = two measures (16 rows, 17 measures); 2025年7月底 = 07-31; 2025年上半年 = 06-30; "
              "2025年下半年 = 12-31; 2025年4月30日前 not done (人事处) is overdue only at 2025-10-31; 佐证材料 is not a state",
        counts=recount([(x[4], x[3], x[6], x[7]) for x in F6_ROWS], F6_STATE), hand=F6_HAND,
        unit_sheets={u: ["整改任务台账"] for u in F6_HAND})


F7 = "国家税务总局青溪县税务局2025年税收执法督察发现问题整改台账.xlsx"
F7_STATE = {"已整改到位": "done", "已整改到位，已对12户企业完成发票核查": "done", "正在整改": "not",
            "正在整改，已追缴税款3.2万元，滞纳金待入库": "not", "尚未整改": "not", "长期坚持": "long"}
# (督察事项, 问题描述, 涉及户数, 整改措施, 责任股室（分局）, 整改期限, 整改情况)
F7_ROWS = [
    # HAND 第一税务分局: m5 done1 long1 not3 overdue@0430 1 overdue@1031 3
    ("发票管理", "对走逃失联企业已开发票核查不及时", 12, "对12户走逃失联企业开展发票协查", "第一税务分局", "2025年5月31日前", "已整改到位，已对12户企业完成发票核查"),  # D
    ("税收优惠", "个别企业不符合小型微利企业条件仍享受税收优惠", 3, "追缴税款并加收滞纳金", "第一税务分局", "立行立改", "正在整改，已追缴税款3.2万元，滞纳金待入库"),  # P IMM
    ("欠税管理", "欠税公告不及时", 7, "按季度公告欠税信息", "第一税务分局", "2025年三季度", "尚未整改"),  # N 2025-09-30
    ("注销管理", "简易注销审核把关不严", 5, "对2024年简易注销户开展复查", "第一税务分局", "2025年6月30日前", "正在整改"),  # P 2025-06-30
    ("风险应对", "风险任务应对不到位，应对报告过于简单", 9, "规范风险应对流程，实行应对报告复核", "第一税务分局", "长期坚持", "长期坚持"),  # L
    # HAND 征收管理股: m4 done2 long0 not2 overdue@0430 1 overdue@1031 1
    ("非正常户管理", "非正常户认定和解除程序不规范", 21, "清理非正常户档案，补齐认定文书", "征收管理股", "2025年4月15日前", "已整改到位"),  # D
    ("核定征收", "定期定额户定额调整不及时", 36, "开展定额核定调整", "征收管理股", "2025年6月30日前", "已整改到位"),  # D
    ("文书送达", "税务文书送达回证填写不规范", 14, "规范文书送达程序，统一送达回证", "征收管理股", "2025年4月20日前", "正在整改"),  # P 2025-04-20
    ("社保费征收", "社保费欠费清理不彻底", 11, "开展社保费欠费专项清缴", "征收管理股", "2025年12月31日前", "尚未整改"),  # N 2025-12-31
    # HAND 法制股: m4 done2 long1 not1 overdue@0430 0 overdue@1031 1
    ("行政处罚", "行政处罚裁量基准适用不准确", 6, "对2024年行政处罚案件逐案复核", "法制股", "2025年5月31日前", "正在整改"),  # P 2025-05-31
    ("执法公示", "行政执法信息未在规定时限内公示", 0, "规范执法公示，7个工作日内公示", "法制股", "立行立改", "已整改到位"),  # D
    ("重大执法决定", "重大执法决定法制审核记录缺失", 2, "补齐法制审核记录", "法制股", "2025年4月30日前", "已整改到位"),  # D
    ("执法监督", "执法过错责任追究不到位", 0, "健全执法监督和过错责任追究机制", "法制股", "长期坚持", "长期坚持"),  # L
]
F7_HAND = {"第一税务分局": (5, 1, 1, 3, 1, 3), "征收管理股": (4, 2, 0, 2, 1, 1), "法制股": (4, 2, 1, 1, 0, 1)}


def f7():
    wb = Workbook(); ws = wb.active; ws.title = "督察问题整改台账"
    ncol = 11
    title(ws, "A1:K1", "国家税务总局青溪县税务局2025年税收执法督察发现问题整改台账")
    ws.merge_cells("A2:K2")
    ws["A2"] = "督察单位：国家税务总局临江市税务局督察内审科　　　　督察时间：2025年3月　　　　填报单位：青溪县税务局督察内审股　　　　填报时间：2025年4月29日"
    for col, txt in (("A", "序号"), ("K", "备注")):
        ws.merge_cells(f"{col}3:{col}4"); ws[f"{col}3"] = txt
    ws.merge_cells("B3:E3"); ws["B3"] = "督察发现问题"
    ws.merge_cells("F3:J3"); ws["F3"] = "整改落实情况"
    header(ws, 4, ["督察事项", "问题描述", "涉及纳税人识别号", "涉及户数", "整改措施", "责任股室（分局）", "责任人", "整改期限", "整改情况"], start=2)
    for c in range(1, ncol + 1):
        ws.cell(3, c).font = Font(bold=True); ws.cell(3, c).alignment = CN
    r = 5
    for unit in F7_HAND:
        boss = person()
        for (item, prob, nhu, meas, _, dl, st) in [x for x in F7_ROWS if x[4] == unit]:
            ids = "、".join(f"91361123MA{R.randint(10, 99)}{''.join(R.choice('ABCDEFGHJKLMNPQRTUWXY0123456789') for _ in range(6))}"
                           for _ in range(min(nhu, 2))) + ("等" if nhu > 2 else "")
            ws.cell(r, 1, r - 4).alignment = CN
            for c, v in enumerate([item, prob, ids, nhu if nhu else "—", meas, unit, boss, dl, st, ""], 2):
                ws.cell(r, c, v)
            r += 1
    frame(ws, 3, r - 1, ncol)
    ws.cell(r + 1, 1, f"填表人：{person()}　　　　督察内审股负责人：{person()}　　　　分管局领导：{person()}")
    widths(ws, [6, 12, 30, 24, 8, 32, 16, 9, 16, 22, 8])
    ws.column_dimensions["D"].hidden = True
    ws.freeze_panes = "A5"
    s2 = wb.create_sheet("填报说明")
    for line in ["填报说明",
                 "1.本台账由各责任股室（分局）按月更新整改情况，督察内审股汇总后报市局督察内审科。",
                 "2.整改情况填“已整改到位”“正在整改”“尚未整改”“长期坚持”，可在其后简要说明进展。",
                 "3.整改期限为“立行立改”的，须在督察反馈后立即整改。",
                 "4.涉及纳税人识别号一栏为内部核查使用，打印时隐藏。"]:
        s2.append([line])
    s2.column_dimensions["A"].width = 90
    wb.save(os.path.join(OUT, F7))
    return dict(
        file=F7, kind="县税务局 税收执法督察 发现问题整改台账 of one 税务局, units = 责任股室（分局）, 督察发现问题/整改落实情况 bands, hidden 纳税人识别号 column, second sheet 填报说明",
        producer="县税务局督察内审股(Excel手工, openpyxl xlsx; column D hidden)", as_of=AS_OF,
        sheets={"督察问题整改台账": dict(header_row="3-4 (merged groups 督察发现问题 over B-E, 整改落实情况 over F-J)", data_rows=len(F7_ROWS),
                                     columns=dict(problem="C (问题描述)", measure="F (整改措施; one row = one item)", deadline="I (整改期限)",
                                                  status="J (整改情况, leading words then a note)", unit="G (责任股室（分局）)",
                                                  person="H (责任人)", department="G (责任股室（分局） = the unit)", completed_on=None)),
                "填报说明": dict(header_row=None, data_rows=0, columns=None, note="filling instructions, not a ledger")},
        status_map={"已整改到位…": "done", "正在整改…": "in progress", "尚未整改": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="the title names one 县税务局; its 责任股室（分局） (第一税务分局, 征收管理股, 法制股) are the units (填报说明 1); the 市局督察内审科 "
              "(督察单位) and the 督察内审股 (填报单位) are not units; 督察事项 is a category; 涉及户数 and the hidden 涉及纳税人识别号 are not "
              "counts of items; two 整改情况 cells carry a note after the state word (已整改到位，… done; 正在整改，… not done); 2025年三季度 = "
              "09-30; 立行立改 not done (第一税务分局) is overdue at both dates",
        counts=recount([(x[4], x[3], x[5], x[6]) for x in F7_ROWS], F7_STATE), hand=F7_HAND,
        unit_sheets={u: ["督察问题整改台账"] for u in F7_HAND})


# ================================================================== 8. 国企集团 安全生产 四不两直 暗查暗访 (openpyxl xlsx, section rows)
F8 = "临江市城市发展集团有限公司2025年一季度安全生产“四不两直”暗查暗访问题整改台账.xlsx"
F8_STATE = {"已完成": "done", "整改中": "not", "未完成": "not", "常态化": "long"}
# (子公司, 检查点位, 发现问题, 整改措施, 整改时限, 责任部门, 整改情况)
F8_ROWS = [
    # HAND 临江公交集团有限公司: m5 done2 long1 not2 overdue@0430 1 overdue@1031 2
    ("临江公交集团有限公司", "城北公交场站", "新能源车充电区域未配置消防沙箱和灭火毯", "配置消防沙箱、灭火毯", "立行立改", "安全技术部", "已完成"),  # D
    ("临江公交集团有限公司", "城北公交场站", "维修车间氧气瓶与乙炔瓶混放", "气瓶分类存放，设置专用气瓶间", "2025年4月15日前", "保修分公司", "整改中"),  # P 2025-04-15
    ("临江公交集团有限公司", "3路公交车", "驾驶员行车中使用手机", "约谈驾驶员，加强车载视频监控抽查", "常态化", "营运分公司", "常态化"),  # L
    ("临江公交集团有限公司", "12路公交车", "车厢内安全锤缺失2个", "补齐安全锤，每日出车前检查", "立行立改", "营运分公司", "已完成"),  # D
    ("临江公交集团有限公司", "客运总站", "进站安检仪故障未及时维修", "维修安检仪，故障期间人工检查", "2025年6月底前", "客运站", "整改中"),  # P 2025-06-30
    # HAND 临江市城发物业服务有限公司: m4 done2 long0 not2 overdue@0430 0 overdue@1031 2
    ("临江市城发物业服务有限公司", "锦绣花园小区", "消防控制室值班人员无证上岗", "安排持证人员双人值班", "2025年5月31日前", "锦绣花园项目部", "已完成"),  # D
    ("临江市城发物业服务有限公司", "锦绣花园小区", "地下车库消防车通道堆放杂物", "清理杂物，划设禁停标线", "立行立改", "锦绣花园项目部", "已完成"),  # D
    ("临江市城发物业服务有限公司", "市民中心", "电梯维保记录不全", "督促维保单位补齐维保记录", "2025年4月30日前", "市民中心项目部", "未完成"),  # N 2025-04-30
    ("临江市城发物业服务有限公司", "滨江苑小区", "消防水泵不能自动启动", "维修消防水泵控制柜", "2025年二季度末", "工程部", "整改中"),  # P 2025-06-30
    # HAND 临江市城发燃气有限公司: m5 done1 long1 not3 overdue@0430 0 overdue@1031 2
    ("临江市城发燃气有限公司", "东郊门站", "调压器前后压力表超期未检定", "压力表送检", "2025年4月20日前", "输配运行部", "已完成"),  # D
    ("临江市城发燃气有限公司", "东郊门站", "巡检记录存在代签", "加强巡检管理，启用电子巡检系统", "常态化", "输配运行部", "常态化"),  # L
    ("临江市城发燃气有限公司", "城南CNG加气站", "加气机拉断阀未定期检查", "建立拉断阀定期检查制度", "2025年5月15日前", "加气站", "整改中"),  # P 2025-05-15
    ("临江市城发燃气有限公司", "老城区中压管网", "部分管线标志桩缺失", "补设管线标志桩", "2025年9月底前", "管网所", "未完成"),  # N 2025-09-30
    ("临江市城发燃气有限公司", "客户服务中心", "居民用户入户安检率偏低", "开展入户安检专项行动", "2025年12月底前", "客户服务中心", "整改中"),  # P 2025-12-31
]
F8_HAND = {"临江公交集团有限公司": (5, 2, 1, 2, 1, 2), "临江市城发物业服务有限公司": (4, 2, 0, 2, 0, 2),
           "临江市城发燃气有限公司": (5, 1, 1, 3, 0, 2)}


def f8():
    wb = Workbook(); ws = wb.active; ws.title = "问题整改台账"
    ncol = 10
    title(ws, "A1:J1", "临江市城市发展集团有限公司2025年一季度安全生产“四不两直”暗查暗访问题整改台账")
    ws.merge_cells("A2:J2")
    ws["A2"] = "填报部门：集团安全生产管理部　　　　检查时间：2025年3月10日—3月14日　　　　填报时间：2025年4月29日"
    header(ws, 3, ["序号", "检查点位", "发现问题", "整改措施", "整改时限", "责任部门", "责任人", "整改情况", "复核人", "备注"])
    r = 4
    cn = "一二三四五"
    grey = PatternFill("solid", fgColor="D9D9D9")
    for ui, unit in enumerate(F8_HAND):
        ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
        ws.cell(r, 1, f"{cn[ui]}、{unit}").font = Font(bold=True)
        ws.cell(r, 1).fill = grey
        r += 1
        rows = [x for x in F8_ROWS if x[0] == unit]
        k = 0; prev = None; pstart = r
        for (_, spot, prob, meas, dl, dept, st) in rows:
            k += 1
            ws.cell(r, 1, k).alignment = CN
            ws.cell(r, 3, prob); ws.cell(r, 4, meas); ws.cell(r, 5, dl); ws.cell(r, 6, dept); ws.cell(r, 7, person())
            ws.cell(r, 8, st); ws.cell(r, 9, person() if st == "已完成" else "")
            if spot != prev:
                if prev is not None:
                    merge_down(ws, 2, pstart, r - 1, prev)
                prev, pstart = spot, r
            r += 1
        merge_down(ws, 2, pstart, r - 1, prev)
    frame(ws, 3, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "说明：各子公司为整改责任主体，责任部门为子公司内设部门或项目部；整改情况填“已完成”“整改中”“未完成”“常态化”，"
                  "已完成的由集团安全生产管理部复核。")
    ws.cell(r + 1, 1, f"填表人：{person()}"); ws.cell(r + 1, 4, f"部门负责人：{person()}"); ws.cell(r + 1, 7, "2025年4月29日")
    widths(ws, [6, 16, 32, 32, 16, 16, 9, 10, 9, 8])
    ws.freeze_panes = "A4"
    s2 = wb.create_sheet("问题统计")
    s2.append(["子公司", "检查点位（个）", "发现问题（项）", "已完成（项）", "整改中/未完成（项）", "常态化（项）"])
    for u in F8_HAND:
        rows = [x for x in F8_ROWS if x[0] == u]
        s2.append([u, len({x[1] for x in rows}), len(rows), sum(F8_STATE[x[6]] == "done" for x in rows),
                   sum(F8_STATE[x[6]] == "not" for x in rows), sum(F8_STATE[x[6]] == "long" for x in rows)])
    s2.append(["合计", "=SUM(B2:B4)", "=SUM(C2:C4)", "=SUM(D2:D4)", "=SUM(E2:E4)", "=SUM(F2:F4)"])
    widths(s2, [30, 14, 14, 12, 18, 12])
    wb.save(os.path.join(OUT, F8))
    return dict(
        file=F8, kind="国企集团 安全生产 四不两直 暗查暗访 问题整改台账 over 子公司 (公交, 物业, 燃气), units named only in section rows, check points merged, second sheet 问题统计",
        producer="市城发集团安全生产管理部(Excel手工, openpyxl xlsx)", as_of=AS_OF,
        sheets={"问题整改台账": dict(header_row=3, data_rows=len(F8_ROWS), columns=dict(
            problem="C (发现问题)", measure="D (整改措施; one row = one item)", deadline="E (整改时限)",
            status="H (整改情况)", unit="section rows 一、… 二、… 三、… (merged across A-J) above each company's rows",
            person="G (责任人) / I (复核人)", department="F (责任部门, inside the subsidiary)", completed_on=None)),
                "问题统计": dict(header_row=1, data_rows=4, columns=None, note="per-subsidiary summary with =SUM 合计, not a ledger")},
        status_map={"已完成": "done", "整改中": "in progress", "未完成": "not done", "常态化": "long-term (deadline 常态化)"},
        notes="units = the three subsidiaries named in the section rows (一、临江公交集团有限公司 …), each followed by its rows numbered from 1; "
              "the group (title) and its 安全生产管理部 (filer, 复核) are not units; 检查点位 (场站, 车辆, 小区, 门站 …; merged down) are "
              "places; 责任部门 are departments or 项目部 inside the subsidiary (说明); the second sheet 问题统计 is a summary; "
              "2025年二季度末 = 06-30; 2025年6月底前 = 06-30; 2025年4月30日前 not done is overdue only at 2025-10-31",
        counts=recount([(x[0], x[3], x[4], x[6]) for x in F8_ROWS], F8_STATE), hand=F8_HAND,
        unit_sheets={u: ["问题整改台账"] for u in F8_HAND})


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    out = []
    bad = 0
    for f in (f1, f2, f3, f4, f5, f6, f7, f8):
        a = f()
        counts, hand = a.pop("counts"), a.pop("hand")
        if counts != hand:
            bad += 1
            print("HAND COUNT DIFFERS", a["file"])
            for u in sorted(set(counts) | set(hand)):
                print("   ", u, "recount", counts.get(u), "hand", hand.get(u))
        us = a.pop("unit_sheets")
        a["units"] = answers_units(counts)
        a["unit_sheets"] = us
        assert 2 <= len(a["units"]) <= 6, a["file"]
        assert any(v[AS_OF[0]]["overdue"] != v[AS_OF[1]]["overdue"] for v in a["units"].values()), a["file"]
        out.append(a)
    if bad:
        sys.exit(f"gen.py: {bad} file(s) whose recount differs from the hand count; answers.json not written")
    with open(os.path.join(HERE, "answers.json"), "w", encoding="utf-8") as fh:
        json.dump(out, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    nu = sum(len(a["units"]) for a in out)
    ni = sum(v[AS_OF[0]]["measures"] for a in out for v in a["units"].values())
    nr = sum(a["sheets"][next(iter(a["sheets"]))]["data_rows"] for a in out)
    print(f"{len(out)} files, {nu} units, {2 * nu} pairs, {nr} data rows, {ni} items; recount = hand count for every unit")


if __name__ == "__main__":
    main()
