#!/usr/bin/env python3
"""Generator of taizhang holdout 15. `python3 gen.py` (needs openpyxl; soffice for the .xls and the .ods).

Every data row is written out by hand in the tables below: unit, problem, measure, deadline and state exactly as
the office writes them. Filler (people, phones, codes, check days, update times) comes from
random.Random(15202504), so the files are deterministic. Beside each unit's rows is its hand count
(`# HAND m done long not overdue@0430 overdue@1031`, with each row's truth at its end: state / due), gathered in a
F*_HAND table per file; main() recounts every file from its row table and stops, writing no answers, unless the
recount equals the hand count. Writes files/ and answers.json."""
import calendar, csv, datetime as dt, json, os, re, shutil, subprocess, sys, tempfile
import random
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")
AS_OF = ["2025-04-30", "2025-10-31"]
D = dt.date
S = Side(style="thin")
BOX = Border(left=S, right=S, top=S, bottom=S)
AL = Alignment(wrap_text=True, vertical="center")
CN = Alignment(horizontal="center", vertical="center", wrap_text=True)
R = random.Random(15202504)
SURN = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志海峰林辉波斌宇浩凯鹏飞云燕琳"


def person():
    return R.choice(SURN) + "".join(R.choice(GIVEN) for _ in range(R.choice([1, 2, 2])))


def phone():
    return "1" + R.choice("358") + "".join(str(R.randint(0, 9)) for _ in range(9))


# ------------------------------------------------------------------ recount (gen side)
def due_of(t):
    """Deadline (text or date) -> date / 'LT' / 'IMM'. Every file that writes a deadline without a year says 2025
    in its title, and both as-of dates are in 2025, so a missing year is 2025."""
    if isinstance(t, D):
        return t
    t = t.strip()
    if t in ("长期坚持", "长期", "常态化"):
        return "LT"
    if t in ("立行立改", "立即整改"):
        return "IMM"
    m = (re.fullmatch(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日前?", t)
         or re.fullmatch(r"(\d{4})[./-](\d{1,2})[./-](\d{1,2})", t))
    if m:
        return D(int(m[1] or 2025), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(?:(\d{4})年)?(\d{1,2})月(?:底|末)前?", t)
    if m:
        y, mo = int(m[1] or 2025), int(m[2])
        return D(y, mo, calendar.monthrange(y, mo)[1])
    m = re.fullmatch(r"(\d{4})年([一二三四])季度末?", t)
    if m:
        q = "一二三四".index(m[2]) + 1
        return D(int(m[1]), 3 * q, calendar.monthrange(int(m[1]), 3 * q)[1])
    m = re.fullmatch(r"(\d{4})年上半年", t)
    if m:
        return D(int(m[1]), 6, 30)
    m = re.fullmatch(r"(\d{4})年底前?", t)
    if m:
        return D(int(m[1]), 12, 31)
    raise SystemExit(f"gen.py: no rule for deadline {t!r}")


def n_items(measure):
    """A measure cell enumerating 1.…；2.… holds that many measures; else one."""
    k = len(re.findall(r"(?:^|；)\d\.", measure))
    return k if k >= 2 else 1


def recount(rows, smap):
    """rows: (unit, measure, deadline, state) -> {unit: (m, done, long, not, overdue@d1, overdue@d2)}"""
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
    prof = tempfile.mkdtemp(prefix="h15lo_")
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
        if w is None:
            continue
        c = ws.cell(row, start + i, w)
        c.font = Font(bold=True)
        c.alignment = CN


def merge_down(ws, col, r1, r2, value):
    ws.cell(r1, col, value)
    if r2 > r1:
        ws.merge_cells(start_row=r1, end_row=r2, start_column=col, end_column=col)


def band(ws, row, spec, ncol):
    """Two-row header: spec is a list of (word, subwords or None); single words merged down over both rows."""
    c = 1
    for word, subs in spec:
        if subs:
            ws.merge_cells(start_row=row, end_row=row, start_column=c, end_column=c + len(subs) - 1)
            ws.cell(row, c, word)
            for i, s in enumerate(subs):
                ws.cell(row + 1, c + i, s)
            c += len(subs)
        else:
            ws.merge_cells(start_row=row, end_row=row + 1, start_column=c, end_column=c)
            ws.cell(row, c, word)
            c += 1
    for r in (row, row + 1):
        for k in range(1, ncol + 1):
            ws.cell(r, k).font = Font(bold=True)
            ws.cell(r, k).alignment = CN


# ================================================================== 1. 退役军人服务站 规范化建设 评估 (openpyxl xlsx, one sheet per 乡镇)
F1 = "岚溪县乡镇（街道）退役军人服务站规范化建设评估反馈问题整改台账.xlsx"
# each sheet is written by its own 乡镇 with its own words; the state vocabulary is the union
F1_STATE = {"已完成": "done", "正在整改": "not", "长期坚持": "long",
            "已整改": "done", "推进中": "not", "未启动": "not", "常态化推进": "long",
            "完成": "done", "未完成": "not",
            "是": "done", "否": "not"}
# (unit = sheet, problem, measure, deadline, state)   # truth: state / due
F1_ROWS = [
    # HAND 城关镇: m6 done2 long1 not3 overdue@0430 1 overdue@1031 3
    ("城关镇", "服务站未悬挂统一标识牌", "按省厅统一样式制作并悬挂标识牌", "立行立改", "已完成"),                   # done / IMM
    ("城关镇", "专职工作人员仅1名，未达到不少于2名的要求", "协调镇编办调剂1名专职工作人员", "2025年6月底前", "正在整改"),  # not / 06-30
    ("城关镇", "退役军人信息采集更新不及时，系统数据与实际不符", "逐村开展信息核对，更新信息采集系统", "2025年4月15日前", "正在整改"),  # not / 04-15
    ("城关镇", "走访慰问记录不全，重点对象未做到每季度走访", "建立走访慰问台账，每季度走访一次", "长期坚持", "长期坚持"),  # long
    ("城关镇", "服务站场所面积不足，未设置独立接待室", "在便民服务中心调整场地，设置独立接待室", "2025年9月30日前", "正在整改"),  # not / 09-30
    ("城关镇", "政策宣传资料陈旧未及时更新", "更新政策宣传栏和资料架", "2025年3月31日前", "已完成"),              # done / 03-31
    # HAND 青石镇: m5 done1 long1 not3 overdue@0430 1 overdue@1031 3
    ("青石镇", "服务站档案管理不规范，“一人一档”资料缺失", "补齐“一人一档”资料并装盒归档", D(2025, 5, 31), "推进中"),  # not / 05-31 (date cell)
    ("青石镇", "未建立困难退役军人帮扶援助台账", "建立帮扶援助台账，动态更新", D(2025, 3, 31), "已整改"),      # done
    ("青石镇", "村级服务站工作人员未参加业务培训", "组织村级服务站工作人员集中培训", "2025.7.31", "未启动"),      # not / 07-31
    ("青石镇", "涉军矛盾纠纷排查化解机制不健全", "每月开展一次涉军矛盾纠纷排查", "常态化", "常态化推进"),      # long
    ("青石镇", "光荣牌悬挂信息登记不全", "逐户核对光荣牌悬挂信息并补登", D(2025, 4, 20), "推进中"),            # not / 04-20
    # HAND 白沙乡: m4 done2 long0 not2 overdue@0430 0 overdue@1031 2
    ("白沙乡", "服务站未落实首问负责制", "制定首问负责、一次性告知制度并上墙", "4月10日前", "完成"),            # done / 04-10 (year in title)
    ("白沙乡", "退役军人优待证办理进度滞后", "集中办理，每周上报办理进度", "4月30日前", "未完成"),            # not / 04-30: not overdue at 04-30
    ("白沙乡", "未开展退役军人就业创业政策宣传", "联合人社所开展专场招聘和政策宣传", "6月底前", "未完成"),      # not / 06-30
    ("白沙乡", "服务站工作经费使用无明细台账", "建立经费使用明细台账", "3月31日前", "完成"),                  # done
    # HAND 河东街道: m5 done2 long0 not3 overdue@0430 1 overdue@1031 3
    ("河东街道", "党群服务中心未单独设置退役军人服务窗口", "在党群服务中心设置专门服务窗口", "2025年4月30日", "是"),    # done
    ("河东街道", "3个社区服务站“五有”标准落实不到位", "对照“五有”标准逐一补齐", "2025年8月31日", "否"),           # not / 08-31
    ("河东街道", "退役军人思想政治工作开展不经常", "每半年召开一次退役军人座谈会", "2025年6月30日", "否"),         # not / 06-30
    ("河东街道", "服务对象满意度回访未开展", "建立回访制度，按月电话回访", "2025年3月31日", "是"),                # done
    ("河东街道", "临时救助申请流程不清晰，群众反映多次跑腿", "制定临时救助工作流程图并公示", "2025年4月20日", "否"),  # not / 04-20
]
F1_HAND = {"城关镇": (6, 2, 1, 3, 1, 3), "青石镇": (5, 1, 1, 3, 1, 3), "白沙乡": (4, 2, 0, 2, 0, 2),
           "河东街道": (5, 2, 0, 3, 1, 3)}
F1_DEPT = {"党群服务中心未单独设置退役军人服务窗口": "社会事务办", "3个社区服务站“五有”标准落实不到位": "退役军人服务站",
           "退役军人思想政治工作开展不经常": "党建办", "服务对象满意度回访未开展": "退役军人服务站",
           "临时救助申请流程不清晰，群众反映多次跑腿": "社会事务办"}


def f1():
    wb = Workbook()
    s0 = wb.active; s0.title = "汇总"
    title(s0, "A1:E1", "岚溪县乡镇（街道）退役军人服务站规范化建设评估反馈问题整改情况汇总表", 14)
    header(s0, 2, ["乡镇（街道）", "反馈问题数", "已整改", "评估等次", "备注"])
    for i, u in enumerate(F1_HAND):
        rows = [x for x in F1_ROWS if x[0] == u]
        s0.cell(3 + i, 1, u); s0.cell(3 + i, 2, len(rows))
        s0.cell(3 + i, 3, sum(F1_STATE[x[4]] == "done" for x in rows))
        s0.cell(3 + i, 4, R.choice(["合格", "基本合格"]))
    s0.cell(8, 1, "注：各乡镇（街道）整改台账见后附工作表，由各乡镇（街道）填报，县退役军人事务局汇总。")
    frame(s0, 2, 6, 5); widths(s0, [16, 12, 10, 12, 20])

    # 城关镇: plain one-row header
    ws = wb.create_sheet("城关镇")
    title(ws, "A1:G1", "城关镇退役军人服务站规范化建设评估反馈问题整改台账")
    ws.merge_cells("A2:G2"); ws["A2"] = "填报单位：城关镇（盖章）　　　　　　　　　　填报时间：2025年4月27日"
    header(ws, 3, ["序号", "评估反馈问题", "整改措施", "责任人", "完成时限", "整改情况", "备注"])
    r = 4
    for k, (_, p, m, dl, st) in enumerate([x for x in F1_ROWS if x[0] == "城关镇"], 1):
        for c, v in enumerate([k, p, m, person(), dl, st, ""], 1):
            ws.cell(r, c, v)
        r += 1
    frame(ws, 3, r - 1, 7)
    ws.cell(r + 1, 1, f"填报人：{person()}　　　联系电话：{phone()}　　　分管领导：{person()}")
    widths(ws, [6, 34, 34, 10, 16, 12, 10])

    # 青石镇: 分管领导/经办人, date cells
    ws = wb.create_sheet("青石镇")
    title(ws, "A1:H1", "青石镇关于退役军人服务站规范化建设评估反馈问题的整改落实台账")
    ws["A2"] = "填报单位：青石镇人民政府"; ws["F2"] = "2025年4月28日"
    header(ws, 3, ["序号", "存在问题", "整改举措", "分管领导", "经办人", "整改期限", "进展情况", "备注"])
    r = 4; lead = person()
    for k, (_, p, m, dl, st) in enumerate([x for x in F1_ROWS if x[0] == "青石镇"], 1):
        for c, v in enumerate([k, p, m, lead, person(), dl, st, "已上传佐证" if st == "已整改" else ""], 1):
            ws.cell(r, c, v)
        if isinstance(dl, D):
            ws.cell(r, 6).number_format = "yyyy/m/d"
        r += 1
    frame(ws, 3, r - 1, 8)
    ws.cell(r, 1, "审核：" + person()); ws.cell(r, 5, "填表：" + person())
    widths(ws, [6, 34, 34, 10, 10, 12, 12, 12])

    # 白沙乡: group header 整改落实 over 整改措施/时限/完成情况, deadlines without a year (year in the title)
    ws = wb.create_sheet("白沙乡")
    title(ws, "A1:G1", "白沙乡2025年退役军人服务站规范化建设评估问题整改台账")
    ws.merge_cells("A2:G2"); ws["A2"] = "填报单位：白沙乡退役军人服务站　　　联系人：" + person() + "　　电话：" + phone()
    band(ws, 3, [("序号", None), ("问题", None), ("整改落实", ["整改措施", "时限", "完成情况"]), ("责任人", None), ("备注", None)], 7)
    r = 5
    for k, (_, p, m, dl, st) in enumerate([x for x in F1_ROWS if x[0] == "白沙乡"], 1):
        for c, v in enumerate([k, p, m, dl, st, person(), ""], 1):
            ws.cell(r, c, v)
        r += 1
    frame(ws, 3, r - 1, 7)
    widths(ws, [6, 34, 34, 12, 10, 10, 10])

    # 河东街道: 是否完成 是/否, 责任科室 (sections of the 街道), 完成时间
    ws = wb.create_sheet("河东街道")
    title(ws, "A1:I1", "河东街道退役军人服务站规范化建设评估反馈问题整改清单")
    ws["A2"] = "单位：河东街道办事处"; ws["G2"] = "截至2025年4月29日"
    header(ws, 3, ["编号", "问题描述", "整改措施", "责任科室", "责任人", "整改时限", "是否完成", "完成时间", "备注"])
    r = 4
    for k, (_, p, m, dl, st) in enumerate([x for x in F1_ROWS if x[0] == "河东街道"], 1):
        fin = "" if st == "否" else f"2025.{R.choice([3, 4])}.{R.randint(2, 25)}"
        for c, v in enumerate([f"HD-{k:02d}", p, m, F1_DEPT[p], person(), dl, st, fin, ""], 1):
            ws.cell(r, c, v)
        r += 1
    frame(ws, 3, r - 1, 9)
    ws.cell(r + 1, 1, "注：“是否完成”栏填“是”或“否”，已完成的填写完成时间。")
    widths(ws, [8, 34, 34, 14, 10, 14, 10, 12, 8])
    wb.save(os.path.join(OUT, F1))
    sheets = {"汇总": dict(header_row=2, data_rows=4, columns=None, note="not a ledger: the 事务局's summary of the four sheets"),
              "城关镇": dict(header_row=3, data_rows=6, columns=dict(problem="B (评估反馈问题)", measure="C (整改措施)",
                          deadline="E (完成时限)", status="F (整改情况)", unit=None, person="D (责任人)", department=None, completed_on=None)),
              "青石镇": dict(header_row=3, data_rows=5, columns=dict(problem="B (存在问题)", measure="C (整改举措)",
                          deadline="F (整改期限; date cells and 2025.7.31 / 常态化)", status="G (进展情况)", unit=None,
                          leader="D (分管领导)", person="E (经办人)", department=None, completed_on=None)),
              "白沙乡": dict(header_row="3-4 (group 整改落实 over 整改措施/时限/完成情况)", data_rows=4, columns=dict(
                  problem="B (问题)", measure="C (整改措施)", deadline="D (时限; no year, title says 2025)", status="E (完成情况)",
                  unit=None, person="F (责任人)", department=None, completed_on=None)),
              "河东街道": dict(header_row=3, data_rows=5, columns=dict(problem="B (问题描述)", measure="C (整改措施)",
                           deadline="F (整改时限)", status="G (是否完成: 是/否)", unit=None, person="E (责任人)",
                           department="D (责任科室: the 街道's own offices, not units)", completed_on="H (完成时间)"))}
    return dict(
        file=F1, kind="退役军人服务站 规范化建设 评估 反馈问题 整改台账 over 乡镇（街道）, one sheet per 乡镇 each in its own words, 汇总 sheet first",
        producer="县退役军人事务局 collecting the 乡镇 sheets (Excel手工, openpyxl xlsx)", as_of=AS_OF, sheets=sheets,
        status_map={"已完成 / 已整改 / 完成 / 是": "done", "正在整改 / 推进中 / 未完成 / 否": "in progress",
                    "未启动": "not started", "长期坚持 / 常态化推进": "long-term (deadline 长期坚持 / 常态化)"},
        notes="units = the four sheets, one per 乡镇（街道）, each named by its sheet and its own title/填报单位 (城关镇, 青石镇, 白沙乡, 河东街道 — "
              "the 填报单位 may add 人民政府/办事处/退役军人服务站, the unit is the 乡镇（街道）); the first sheet 汇总 is a summary, not a ledger; "
              "河东街道's 责任科室 (社会事务办, 退役军人服务站, 党建办) are its own offices, not units; 是否完成 是 = done, 否 = not done; "
              "白沙乡 writes deadlines without a year (its title says 2025年); 4月30日前 not done is not overdue at 2025-04-30; "
              "青石镇's deadlines are date cells except 2025.7.31 and 常态化",
        counts=recount([(x[0], x[2], x[3], x[4]) for x in F1_ROWS], F1_STATE), hand=F1_HAND,
        unit_sheets={u: [u] for u in F1_HAND})


# ================================================================== 2. 松材线虫病 疫情防控 督导检查 (LibreOffice .xls, units only in section rows)
F2 = "岚溪县2025年松材线虫病疫情防控督导检查发现问题整改台账.xls"
F2_STATE = {"已整改": "done", "正在整改": "not", "未整改": "not", "长期坚持": "long"}
# (unit = section row, problem, place, measure, deadline, state)
F2_ROWS = [
    # HAND 黄岭镇: m4 done2 long1 not1 overdue@0430 1 overdue@1031 1
    ("黄岭镇", "枯死松木清理不彻底，山场遗留疫木12株", "12林班3小班", "组织除治队伍补伐清理，就地粉碎", "2025年3月31日前", "已整改"),  # done
    ("黄岭镇", "除治伐桩高度超过5厘米且未做药物处理", "12林班5小班", "对超高伐桩逐一降桩并施药覆膜", "2025年4月15日前", "正在整改"),  # not / 04-15
    ("黄岭镇", "镇级疫情监测人员不足，网格化监测未落实", "全镇", "落实护林员网格监测责任，每月上报监测结果", "长期坚持", "长期坚持"),  # long
    ("黄岭镇", "疫木除治作业现场无监理记录", "14林班", "补齐除治作业监理日志", "立即整改", "已整改"),  # done / IMM
    # HAND 双溪乡: m5 done1 long1 not3 overdue@0430 0 overdue@1031 3
    ("双溪乡", "木材加工经营户未建立松木进出台账", "乡集镇2家木材加工厂", "督促经营户建立台账，林业站每月检查", "2025.4.30", "正在整改"),  # not / 04-30
    ("双溪乡", "松木包装材料检疫复检未开展", "工业园区", "联合林业站开展复检", "2025年二季度末", "未整改"),  # not / 06-30
    ("双溪乡", "疫点枯死松树标记不全", "7林班2小班", "逐株编号标记，建立除治档案", "2025.3.20", "已整改"),  # done
    ("双溪乡", "山场存在私自采伐松枝作燃料现象", "全乡", "加强宣传和巡查", "长期坚持", "长期坚持"),  # long
    ("双溪乡", "疫木粉碎后的木片未及时处理", "8林班", "对木片进行焚烧或运往电厂处理", "2025.5.31", "正在整改"),  # not / 05-31
    # HAND 石门镇: m4 done2 long1 not1 overdue@0430 1 overdue@1031 1
    ("石门镇", "电力、通信施工涉及松木未经检疫调运", "石门至上坪线路工程", "约谈施工单位，补办检疫手续", "立即整改", "未整改"),  # not / IMM
    ("石门镇", "除治质量抽查不合格（伐桩未处理）", "3林班", "返工处理", "2025年4月20日前", "已整改"),  # done
    ("石门镇", "疫情小班未设置警示牌", "3林班、4林班", "在疫情小班入口设置警示牌", "2025年5月20日前", "已整改"),  # done
    ("石门镇", "镇防控指挥部未定期召开调度会", "—", "每月召开一次防控调度会", "长期坚持", "长期坚持"),  # long
    # HAND 岚溪县国有岚峰林场: m5 done1 long1 not3 overdue@0430 1 overdue@1031 2
    ("岚溪县国有岚峰林场", "林场疫木除治进度滞后，完成率仅68%", "岚峰分场", "增加除治队伍，确保3月底前全部除治", "2025年3月31日前", "正在整改"),  # not / 03-31
    ("岚溪县国有岚峰林场", "诱捕器悬挂密度不足", "各分场", "按每100亩1套补挂诱捕器", "2025年二季度末", "已整改"),  # done
    ("岚溪县国有岚峰林场", "疫木除治采伐审批手续不规范", "—", "规范采伐审批程序，补办手续", "2025年底前", "正在整改"),  # not / 12-31
    ("岚溪县国有岚峰林场", "重点区域古松、景观松未打孔注药", "林场场部周边", "对重点区域古松、景观松打孔注药", "2025年6月底前", "未整改"),  # not / 06-30
    ("岚溪县国有岚峰林场", "护林员巡查APP轨迹缺失", "各管护站", "每日巡山打卡上传轨迹", "长期坚持", "长期坚持"),  # long
]
F2_HAND = {"黄岭镇": (4, 2, 1, 1, 1, 1), "双溪乡": (5, 1, 1, 3, 0, 3), "石门镇": (4, 2, 1, 1, 1, 1),
           "岚溪县国有岚峰林场": (5, 1, 1, 3, 1, 2)}


def f2():
    base = F2[:-4]
    wb = Workbook(); ws = wb.active; ws.title = "整改台账"
    ncol = 8
    title(ws, "A1:H1", "岚溪县2025年松材线虫病疫情防控督导检查发现问题整改台账")
    ws.merge_cells("A2:H2")
    ws["A2"] = "督导单位：岚溪县林业局森林病虫害防治检疫站　　督导时间：2025年2月24日—3月7日　　填报时间：2025年4月25日"
    header(ws, 3, ["序号", "督导发现问题", "所在位置（林班/小班）", "整改措施", "整改时限", "责任人", "整改进展", "备注"])
    r = 4; total = 0; done = 0
    for si, unit in enumerate(F2_HAND):
        rows = [x for x in F2_ROWS if x[0] == unit]
        ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
        ws.cell(r, 1, f"{'一二三四'[si]}、{unit}（{len(rows)}个）").font = Font(bold=True)
        r += 1
        for k, (_, p, place, m, dl, st) in enumerate(rows, 1):
            for c, v in enumerate([k, p, place, m, dl, person(), st, ""], 1):
                ws.cell(r, c, v)
            total += 1; done += F2_STATE[st] == "done"
            r += 1
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=2)
    ws.cell(r, 1, "合计"); ws.cell(r, 3, f"{total}个"); ws.cell(r, 7, f"已整改{done}个")
    frame(ws, 3, r, ncol)
    ws.merge_cells(start_row=r + 1, end_row=r + 1, start_column=1, end_column=ncol)
    ws.cell(r + 1, 1, "备注：长期性工作填“长期坚持”；整改完成后请附除治前后照片及验收单。")
    ws.cell(r + 2, 1, f"填表人：{person()}"); ws.cell(r + 2, 5, f"审核：{person()}")
    widths(ws, [6, 32, 16, 32, 16, 9, 11, 8])
    tmp = tempfile.mkdtemp(prefix="h15x_")
    src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    lo_convert(src, "xls:MS Excel 97", OUT); shutil.rmtree(tmp)
    return dict(
        file=F2, kind="林业局 松材线虫病 疫情防控 督导检查 发现问题整改台账 over 乡镇/国有林场, units only in section rows (一、黄岭镇（4个）), seq restarts, 合计 row, xls",
        producer="县林业局森防站(Excel → LibreOffice BIFF8 xls)", as_of=AS_OF,
        sheets={"整改台账": dict(header_row=3, data_rows=len(F2_ROWS), columns=dict(
            problem="B (督导发现问题)", measure="D (整改措施)", deadline="E (整改时限)", status="G (整改进展)",
            unit="section rows 一、…（N个） merged across A:H", person="F (责任人)", department=None, completed_on=None))},
        status_map={"已整改": "done", "正在整改": "in progress", "未整改": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="units = the four section rows (黄岭镇, 双溪乡, 石门镇, 岚溪县国有岚峰林场), the count in brackets is not part of the name; "
              "序号 restarts at 1 in each section; 所在位置 (林班/小班, works) is not a unit; the 森防站 in the meta row is the inspector; "
              "the 合计 row and the 备注/填表人 footer are not data; 立即整改 not done is overdue at both dates; 2025.4.30 not done is not overdue "
              "at 2025-04-30; 2025年二季度末 = 06-30",
        counts=recount([(x[0], x[3], x[4], x[5]) for x in F2_ROWS], F2_STATE), hand=F2_HAND,
        unit_sheets={u: ["整改台账"] for u in F2_HAND})


# ================================================================== 3. 成品油零售 加油站 安全检查 (openpyxl xlsx, inspectors beside the inspected)
F3 = "岚溪县2025年成品油零售企业安全生产检查问题整改台账.xlsx"
F3_STATE = {"已整改": "done", "整改中": "not", "未整改": "not", "长期坚持": "long"}
# (加油站名称, problem, measure, deadline, state)
F3_ROWS = [
    # HAND 中石化岚溪城南加油站: m5 done3 long0 not2 overdue@0430 1 overdue@1031 2
    ("中石化岚溪城南加油站", "卸油区静电接地报警仪故障", "维修静电接地报警仪", "立行立改", "已整改"),  # done
    ("中石化岚溪城南加油站", "加油岛防撞柱缺失", "加装防撞柱", "2025.4.15", "已整改"),  # done
    ("中石化岚溪城南加油站", "站内未设置禁止吸烟、禁止使用手机警示标志", "补设安全警示标志", "立行立改", "已整改"),  # done
    ("中石化岚溪城南加油站", "油罐液位仪数据与实际偏差较大", "委托计量机构校准液位仪", "2025.5.31", "整改中"),  # not / 05-31
    ("中石化岚溪城南加油站", "从业人员安全培训记录不全", "组织全员安全培训并建档", "2025.4.25", "整改中"),  # not / 04-25
    # HAND 中石油岚溪北环加油站: m4 done2 long0 not2 overdue@0430 1 overdue@1031 2
    ("中石油岚溪北环加油站", "消防沙池沙量不足", "补足消防沙", "立行立改", "已整改"),  # done
    ("中石油岚溪北环加油站", "罩棚下违规堆放桶装润滑油", "清理堆放物，润滑油入库存放", "立行立改", "未整改"),  # not / IMM
    ("中石油岚溪北环加油站", "油气回收系统未定期检测", "委托第三方检测油气回收系统", "2025.6.30", "整改中"),  # not / 06-30
    ("中石油岚溪北环加油站", "应急预案未修订报备", "修订应急预案并报县商务局备案", "2025.4.30", "已整改"),  # done
    # HAND 岚溪县金桥加油站: m6 done2 long1 not3 overdue@0430 0 overdue@1031 2
    ("岚溪县金桥加油站", "埋地油罐为单层罐，未进行防渗改造", "改造为双层罐或设置防渗池", "2025.12.31", "整改中"),  # not / 12-31
    ("岚溪县金桥加油站", "灭火器过期3具", "更换过期灭火器", "立行立改", "已整改"),  # done
    ("岚溪县金桥加油站", "便利店违规销售散装汽油", "停止销售散装汽油，严格实名登记", "立行立改", "已整改"),  # done
    ("岚溪县金桥加油站", "安全生产责任制未明确到岗位", "修订全员安全生产责任制", "2025.5.10", "整改中"),  # not / 05-10
    ("岚溪县金桥加油站", "日常安全检查记录流于形式", "落实班前班后安全检查并留痕", "长期坚持", "长期坚持"),  # long
    ("岚溪县金桥加油站", "站长未取得安全管理人员考核合格证", "参加培训考核取证", "2025.8.31", "未整改"),  # not / 08-31
]
F3_HAND = {"中石化岚溪城南加油站": (5, 3, 0, 2, 1, 2), "中石油岚溪北环加油站": (4, 2, 0, 2, 1, 2),
           "岚溪县金桥加油站": (6, 2, 1, 3, 0, 2)}


def f3():
    wb = Workbook(); ws = wb.active; ws.title = "问题整改台账"
    ncol = 12
    title(ws, "A1:L1", "岚溪县2025年成品油零售企业安全生产检查问题整改台账")
    ws.merge_cells("A2:L2")
    ws["A2"] = "检查单位：岚溪县商务局（会同县应急管理局、县消防救援大队）　　　　检查时间：2025年3月　　　　更新日期：2025年4月28日"
    header(ws, 3, ["序号", "加油站名称", "统一社会信用代码", "检查日期", "检查人员", "站方陪同人员", "检查发现问题",
                   "整改措施", "整改时限", "整改结果", "复查人", "备注"])
    r = 4
    for unit in F3_HAND:
        rows = [x for x in F3_ROWS if x[0] == unit]
        code = "91361129" + "".join(R.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(10))
        day = D(2025, 3, R.randint(10, 20))
        team = f"{person()}、{person()}（专家）"
        host = f"{person()}（站长）"
        for (_, p, m, dl, st) in rows:
            for c, v in enumerate([r - 3, unit, code, day, team, host, p, m, dl, st,
                                   person() if st == "已整改" else "", ""], 1):
                ws.cell(r, c, v)
            ws.cell(r, 4).number_format = "yyyy.m.d"
            r += 1
    frame(ws, 3, r - 1, ncol)
    ws.column_dimensions["C"].hidden = True
    ws.cell(r + 1, 1, f"填报人：{person()}　　　审核人：{person()}　　　联系电话：0795-{R.randint(7100000, 7199999)}")
    widths(ws, [6, 22, 20, 11, 20, 14, 30, 30, 12, 10, 9, 8])
    ws.column_dimensions["C"].hidden = True
    ws.freeze_panes = "C4"
    wb.save(os.path.join(OUT, F3))
    return dict(
        file=F3, kind="商务局 成品油零售企业（加油站） 安全生产检查 问题整改台账 over 加油站, inspectors (检查人员) and the station's 陪同人员 beside the station, hidden 信用代码 column, xlsx",
        producer="县商务局(Excel手工, openpyxl xlsx)", as_of=AS_OF,
        sheets={"问题整改台账": dict(header_row=3, data_rows=len(F3_ROWS), columns=dict(
            problem="G (检查发现问题)", measure="H (整改措施)", deadline="I (整改时限)", status="J (整改结果)",
            unit="B (加油站名称, on every row)", person="F (站方陪同人员; E 检查人员 are the inspectors)", department=None,
            completed_on=None))},
        status_map={"已整改": "done", "整改中": "in progress", "未整改": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="units = the three 加油站 of 加油站名称; 检查人员 (商务局 staff and an 专家) are inspectors, 站方陪同人员 (站长) and 复查人 are persons — "
              "none is a unit; column C 统一社会信用代码 is hidden; the meta row's 商务局/应急管理局/消防救援大队 are the inspectors; "
              "立行立改 not done is overdue at both dates; 2025.4.30 is done anyway; 2025.12.31 never overdue here",
        counts=recount([(x[0], x[2], x[3], x[4]) for x in F3_ROWS], F3_STATE), hand=F3_HAND,
        unit_sheets={u: ["问题整改台账"] for u in F3_HAND})


# ================================================================== 4. 人民币现金服务 检查 over 银行 (CSV UTF-8 BOM, bank names written two ways)
F4 = "岚溪县银行业金融机构人民币现金服务检查问题整改台账.csv"
F4_STATE = {"已整改": "done", "整改中": "not", "未整改": "not", "长期坚持": "long"}
# (unit, 被检查机构 as written, 网点, problem, measure, deadline, state)
F4_ROWS = [
    # HAND 中国工商银行岚溪县支行: m4 done2 long0 not2 overdue@0430 0 overdue@1031 2
    ("中国工商银行岚溪县支行", "中国工商银行岚溪县支行", "城关支行营业室", "未在营业场所显著位置公示残损人民币兑换服务", "在网点公示兑换标准和服务承诺", "2025年4月15日", "已整改"),  # done
    ("中国工商银行岚溪县支行", "中国工商银行岚溪县支行", "城关支行营业室", "现金收付柜台未张贴拒收现金举报电话", "张贴举报电话", "立行立改", "已整改"),  # done
    ("中国工商银行岚溪县支行", "中国工商银行岚溪县支行", "东门分理处", "取款机具未具备冠字号码记录功能", "升级改造机具", "2025年6月30日", "整改中"),  # not / 06-30
    ("中国工商银行岚溪县支行", "中国工商银行岚溪县支行", "东门分理处", "2名柜员反假货币上岗资格证书过期", "组织参加反假货币培训考试", "2025年5月31日", "整改中"),  # not / 05-31
    # HAND 中国农业银行岚溪县支行: m5 done2 long1 not2 overdue@0430 1 overdue@1031 2
    ("中国农业银行岚溪县支行", "中国农业银行岚溪县支行", "营业部", "对大额现金取款设置不合理限制", "取消不合理限制，规范大额现金预约", "立行立改", "已整改"),  # done
    ("中国农业银行岚溪县支行", "农行岚溪县支行", "营业部", "未开展小面额人民币零钱包兑换", "设置零钱包兑换服务并公示", "2025年4月20日", "未整改"),  # not / 04-20
    ("中国农业银行岚溪县支行", "中国农业银行岚溪县支行", "青石分理处", "现金服务投诉处理记录不完整", "完善现金服务投诉台账", "2025年5月31日", "已整改"),  # done
    ("中国农业银行岚溪县支行", "中国农业银行岚溪县支行", "青石分理处", "现金服务宣传开展不经常", "常态化开展现金服务宣传", "长期", "长期坚持"),  # long
    ("中国农业银行岚溪县支行", "中国农业银行岚溪县支行", "青石分理处", "外币兑换服务标识不规范", "更换外币兑换标识", "2025年9月30日", "整改中"),  # not / 09-30
    # HAND 中国邮政储蓄银行岚溪县支行: m4 done1 long0 not3 overdue@0430 1 overdue@1031 2
    ("中国邮政储蓄银行岚溪县支行", "中国邮政储蓄银行岚溪县支行", "城关营业所", "自助设备存款功能长期停用", "维修自助存款设备", "2025年4月10日", "已整改"),  # done
    ("中国邮政储蓄银行岚溪县支行", "邮储银行岚溪县支行", "城关营业所", "拒收老年客户硬币存款", "开展员工教育，规范硬币收付", "立行立改", "整改中"),  # not / IMM
    ("中国邮政储蓄银行岚溪县支行", "中国邮政储蓄银行岚溪县支行", "白沙营业所", "残损人民币兑换登记簿缺失", "建立兑换登记簿", "2025年4月30日", "整改中"),  # not / 04-30
    ("中国邮政储蓄银行岚溪县支行", "中国邮政储蓄银行岚溪县支行", "白沙营业所", "现金收付设备未按期升级", "升级现金收付设备", "2025年12月31日", "未整改"),  # not / 12-31
    # HAND 岚溪农村商业银行: m5 done2 long0 not3 overdue@0430 1 overdue@1031 2
    ("岚溪农村商业银行", "岚溪农村商业银行", "营业部", "营业网点未设置现金服务监督员", "设置现金服务监督员并公示", "2025年4月15日", "已整改"),  # done
    ("岚溪农村商业银行", "岚溪农村商业银行", "黄岭支行", "农村现金服务点未公示兑换服务", "补充公示兑换服务内容", "2025年5月15日", "已整改"),  # done
    ("岚溪农村商业银行", "岚溪农商行", "黄岭支行", "现金服务应急预案未组织演练", "组织开展应急演练", "2025年6月30日", "整改中"),  # not / 06-30
    ("岚溪农村商业银行", "岚溪农村商业银行", "双溪支行", "员工对拒收现金相关规定知晓率低", "开展专题培训并考试", "2025年3月31日", "整改中"),  # not / 03-31
    ("岚溪农村商业银行", "岚溪农村商业银行", "双溪支行", "硬币兑换机具配置不足", "增配硬币清分机具", "2025年10月31日", "未整改"),  # not / 10-31: never overdue here
]
F4_HAND = {"中国工商银行岚溪县支行": (4, 2, 0, 2, 0, 2), "中国农业银行岚溪县支行": (5, 2, 1, 2, 1, 2),
           "中国邮政储蓄银行岚溪县支行": (4, 1, 0, 3, 1, 2), "岚溪农村商业银行": (5, 2, 0, 3, 1, 2)}


def f4():
    ncol = 11
    lines = [["岚溪县银行业金融机构人民币现金服务检查问题整改台账"] + [""] * (ncol - 1),
             ["检查单位：中国人民银行岚山市分行货币金银科　　检查时间：2025年3月10日至3月21日　　填报日期：2025年4月29日"] + [""] * (ncol - 1),
             ["序号", "被检查机构", "网点名称", "检查时间", "检查人员", "发现问题", "整改措施", "整改期限", "整改情况", "整改责任人", "备注"]]
    for k, (_, written, site, p, m, dl, st) in enumerate(F4_ROWS, 1):
        lines.append([str(k), written, site, f"2025/3/{R.randint(10, 21)}", f"{person()}、{person()}", p, m, dl, st, person(),
                      "已提交整改报告" if st == "已整改" else ""])
    lines.append([""] * ncol)
    lines.append(["说明：整改期限为“长期”的事项按常态化工作推进；整改情况分为“已整改”“整改中”“未整改”“长期坚持”。"] + [""] * (ncol - 1))
    lines.append([f"填表人：{person()}", "", "", f"联系电话：0795-{R.randint(7100000, 7199999)}"] + [""] * (ncol - 4))
    with open(os.path.join(OUT, F4), "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(lines)
    return dict(
        file=F4, kind="人民银行 人民币现金服务（整治拒收现金）检查 问题整改台账 over 银行县支行, 网点 in a column, bank names written two ways, CSV",
        producer="人民银行市分行货币金银科(Excel → CSV UTF-8 with BOM, CRLF)", as_of=AS_OF,
        sheets={"岚溪县银行业金融机构人民币现金服务检查问题整改台账": dict(header_row=3, data_rows=len(F4_ROWS), columns=dict(
            problem="F (发现问题)", measure="G (整改措施)", deadline="H (整改期限)", status="I (整改情况)",
            unit="B (被检查机构; written two ways for three banks)", person="J (整改责任人)", department=None, completed_on=None))},
        status_map={"已整改": "done", "整改中": "in progress", "未整改": "not started", "长期坚持": "long-term (deadline 长期)"},
        notes="units = the four banks' county branches of 被检查机构; three of them are once written short (农行岚溪县支行 = 中国农业银行岚溪县支行, "
              "邮储银行岚溪县支行 = 中国邮政储蓄银行岚溪县支行, 岚溪农商行 = 岚溪农村商业银行) and are the same unit, named here as most of their rows "
              "write them; 网点名称 (营业部, 分理处, 营业所, 支行 under the 农商行) are outlets of the unit, not units; 检查人员 are the inspectors "
              "(the 人民银行 in the meta row), 整改责任人 persons; the blank row, 说明 and 填表人 lines are not data; 立行立改 not done is overdue "
              "at both dates; 2025年4月30日 and 2025年10月31日 are not overdue on their own day",
        counts=recount([(x[0], x[4], x[5], x[6]) for x in F4_ROWS], F4_STATE), hand=F4_HAND,
        unit_sheets={u: ["岚溪县银行业金融机构人民币现金服务检查问题整改台账"] for u in F4_HAND})


# ================================================================== 5. 农药经营 监督检查 (system export xlsx, codes, export date in the name)
F5 = "农药经营监管平台_监督检查问题整改_导出20250430.xlsx"
F5_STATE = {"已销号": "done", "整改中": "not", "待核查": "not", "未整改": "not"}
# (经营单位名称, 所属乡镇, problem, 整改要求, deadline, state)
F5_ROWS = [
    # HAND 岚溪县丰收农资经营部: m4 done3 long0 not1 overdue@0430 1 overdue@1031 1
    ("岚溪县丰收农资经营部", "城关镇", "未建立农药进货查验记录", "建立进货查验台账，如实记录", "2025-03-20", "已销号"),  # done
    ("岚溪县丰收农资经营部", "城关镇", "限制使用农药未实行定点经营", "下架限制使用农药，申请定点经营资格", "2025-03-15", "已销号"),  # done
    ("岚溪县丰收农资经营部", "城关镇", "销售台账未记录购买人信息", "完善销售台账，记录购买人及用途", "2025-04-25", "待核查"),  # not / 04-25
    ("岚溪县丰收农资经营部", "城关镇", "农药与食品、日用品混放", "分区存放，设置隔离设施", "2025-04-10", "已销号"),  # done
    # HAND 岚溪县绿源农资有限公司: m5 done1 long0 not4 overdue@0430 1 overdue@1031 4
    ("岚溪县绿源农资有限公司", "青石镇", "经营场所与许可证载明地址不符", "办理农药经营许可证变更", "2025-05-30", "整改中"),  # not / 05-30
    ("岚溪县绿源农资有限公司", "青石镇", "销售过期农药2个批次", "下架封存过期农药，依法处置", "2025-03-10", "已销号"),  # done
    ("岚溪县绿源农资有限公司", "青石镇", "未配备农药专业技术人员", "聘用具有农学、植保专业背景人员", "2025-06-30", "未整改"),  # not / 06-30
    ("岚溪县绿源农资有限公司", "青石镇", "仓储场所无通风设施", "加装通风设施", "2025-04-15", "整改中"),  # not / 04-15
    ("岚溪县绿源农资有限公司", "青石镇", "农药废弃包装物回收台账缺失", "建立废弃包装物回收台账", "2025-04-30", "待核查"),  # not / 04-30
    # HAND 岚溪县黄岭镇惠农农资店: m4 done3 long0 not1 overdue@0430 0 overdue@1031 0
    ("岚溪县黄岭镇惠农农资店", "黄岭镇", "未在经营场所公示农药经营许可证", "悬挂许可证正本", "2025-03-25", "已销号"),  # done
    ("岚溪县黄岭镇惠农农资店", "黄岭镇", "推荐农药超登记范围使用", "加强从业人员培训，按标签推荐用药", "2025-05-15", "已销号"),  # done
    ("岚溪县黄岭镇惠农农资店", "黄岭镇", "门店无农药中毒急救措施说明", "张贴农药中毒急救说明", "2025-04-05", "已销号"),  # done
    ("岚溪县黄岭镇惠农农资店", "黄岭镇", "标签不规范农药产品仍在销售", "下架标签不规范产品并退货", "2025-11-30", "整改中"),  # not / 11-30
    # HAND 岚溪县益农植保服务部: m4 done2 long0 not2 overdue@0430 1 overdue@1031 2
    ("岚溪县益农植保服务部", "双溪乡", "未取得农药经营许可证从事农药经营", "停止经营，申办农药经营许可证", "2025-03-31", "整改中"),  # not / 03-31
    ("岚溪县益农植保服务部", "双溪乡", "植保服务作业记录不全", "完善统防统治作业记录", "2025-08-31", "未整改"),  # not / 08-31
    ("岚溪县益农植保服务部", "双溪乡", "飞防作业使用禁用农药", "立即停用，封存剩余药剂", "2025-03-12", "已销号"),  # done
    ("岚溪县益农植保服务部", "双溪乡", "作业人员无有效防护用品", "配齐防护用品", "2025-04-20", "已销号"),  # done
]
F5_HAND = {"岚溪县丰收农资经营部": (4, 3, 0, 1, 1, 1), "岚溪县绿源农资有限公司": (5, 1, 0, 4, 1, 4),
           "岚溪县黄岭镇惠农农资店": (4, 3, 0, 1, 0, 0), "岚溪县益农植保服务部": (4, 2, 0, 2, 1, 2)}


def f5():
    wb = Workbook(); ws = wb.active; ws.title = "检查问题整改"
    hdr = ["记录ID", "检查编号", "经营单位名称", "统一社会信用代码", "农药经营许可证号", "所属乡镇", "检查日期", "检查人员",
           "问题代码", "问题描述", "整改要求", "整改期限", "整改状态", "销号日期", "录入人", "更新时间"]
    ws.append(hdr)
    rid = 20250000 + R.randint(1000, 3000)
    for unit in F5_HAND:
        rows = [x for x in F5_ROWS if x[0] == unit]
        code = "92361129MA" + "".join(R.choice("0123456789ABCDEFGHJK") for _ in range(8))
        lic = f"农药经许（赣）36112{R.randint(9000000, 9999999)}"
        day = D(2025, 3, R.randint(3, 9))
        chk = f"NYJ-2025-{R.randint(100, 999)}"
        team = f"{person()},{person()}"
        for k, (_, town, p, req, dl, st) in enumerate(rows, 1):
            rid += R.randint(1, 9)
            upd = dt.datetime(2025, R.choice([3, 4]), R.randint(1, 28), R.randint(8, 17), R.randint(0, 59), R.randint(0, 59))
            off = f"2025-{R.choice(['03', '04'])}-{R.randint(10, 28):02d}" if st == "已销号" else ""
            ws.append([str(rid), chk, unit, code, lic, town, day.isoformat(), team, f"NY{R.choice(['01', '02', '03', '05'])}{k:03d}",
                       p, req, dl, st, off, "nyj_" + R.choice(["liuj", "chenm", "zhaoh"]), upd.strftime("%Y-%m-%d %H:%M:%S")])
    q = wb.create_sheet("查询条件")
    for row in (["导出时间", "2025-04-30 16:02:11"], ["导出人", "岚溪县农业农村局 nyj_chenm"], ["检查年度", "2025"],
                ["检查类型", "农药经营监督检查"], ["整改状态", "全部"], ["记录数", str(len(F5_ROWS))]):
        q.append(row)
    wb.save(os.path.join(OUT, F5))
    return dict(
        file=F5, kind="农业农村局 农药经营 监督检查 问题整改 system export over 农药经营单位, record IDs and codes, export date in the file name, 查询条件 sheet",
        producer="农药经营监管平台(导出 xlsx, header in row 1, no title, all cells text)", as_of=AS_OF,
        sheets={"检查问题整改": dict(header_row=1, data_rows=len(F5_ROWS), columns=dict(
            problem="J (问题描述)", measure="K (整改要求; one row = one item)", deadline="L (整改期限, ISO text)",
            status="M (整改状态)", unit="C (经营单位名称)", person="O (录入人, a login)", department=None,
            completed_on="N (销号日期)")),
                "查询条件": dict(header_row=None, data_rows=0, columns=None, note="export parameters, not a ledger")},
        status_map={"已销号": "done", "整改中": "in progress", "待核查": "not done (reported, awaiting the bureau's check)",
                    "未整改": "not started"},
        notes="units = the four pesticide dealers of 经营单位名称; 所属乡镇 (城关镇, 青石镇, 黄岭镇, 双溪乡) is where a dealer sits, not a unit; "
              "检查人员 are the inspectors; 检查编号/问题代码/记录ID are codes; 更新时间 is not a deadline; 20250430 in the file name is the "
              "export date; 2025-04-30 not done is not overdue at 2025-04-30; the second sheet 查询条件 holds the export's parameters",
        counts=recount([(x[0], x[3], x[4], x[5]) for x in F5_ROWS], F5_STATE), hand=F5_HAND,
        unit_sheets={u: ["检查问题整改"] for u in F5_HAND})


# ================================================================== 6. 烟草 内部专卖管理监督 检查 (LibreOffice .ods, one 县局, units = its 部门)
F6 = "岚溪县烟草专卖局（营销部）2025年内部专卖管理监督检查发现问题整改台账.ods"
F6_STATE = {"已完成": "done", "整改中": "not", "未完成": "not", "长期坚持": "long"}
# (seq, problem, category, measure, 责任部门 = unit, deadline, state); problems merged over their measure rows
F6_ROWS = [
    (1, "专卖许可证核发存在超时办结情况", "专卖管理", "1.梳理许可证办理流程，压缩办结时限；2.建立许可办理超时预警机制", "专卖管理股", "2025年5月底前", "整改中"),  # 2 items not / 05-31
    (1, "专卖许可证核发存在超时办结情况", "专卖管理", "对超时办结的3户零售户逐户回访说明", "专卖管理股", "立行立改", "已完成"),  # done
    (2, "案件卷宗归档不及时，部分文书签章不全", "专卖管理", "对2024年案卷逐卷复查，补正文书", "专卖管理股", "2025年3月底前", "已完成"),  # done
    (2, "案件卷宗归档不及时，部分文书签章不全", "专卖管理", "落实案卷质量每月评查制度", "专卖管理股", "长期坚持", "长期坚持"),  # long
    (3, "卷烟货源投放执行不规范，存在人情货源风险", "营销管理", "修订卷烟货源投放管理办法", "市场营销部", "2025年6月底前", "整改中"),  # not / 06-30
    (3, "卷烟货源投放执行不规范，存在人情货源风险", "营销管理", "每月抽查客户经理订单异常数据", "市场营销部", "长期坚持", "长期坚持"),  # long
    (3, "卷烟货源投放执行不规范，存在人情货源风险", "营销管理", "对相关人员进行约谈提醒", "综合办公室", "立行立改", "已完成"),  # done
    (4, "客户经理走访记录与系统定位不一致", "营销管理", "开展客户经理走访真实性核查", "市场营销部", "2025年4月20日前", "未完成"),  # not / 04-20
    (5, "零售户诚信等级评价结果运用不充分", "营销管理", "将诚信等级与货源投放挂钩", "市场营销部", "2025年7月底前", "未完成"),  # not / 07-31
    (6, "送货车辆GPS监控存在断点", "物流管理", "维修更换车载终端", "物流配送中心", "2025年4月15日前", "已完成"),  # done
    (6, "送货车辆GPS监控存在断点", "物流管理", "建立监控断点日报告制度", "物流配送中心", "2025年三季度", "整改中"),  # not / 09-30
    (7, "仓库卷烟盘点账实差异未及时查明原因", "物流管理", "查明差异原因并调整账务", "物流配送中心", "2025年4月底前", "未完成"),  # not / 04-30
    (8, "分拣线安全防护装置缺失", "物流管理", "加装分拣线急停按钮和防护栏", "物流配送中心", "2025年3月31日前", "已完成"),  # done
    (9, "内管监督工作会议记录不完整", "内部管理", "规范内管工作会议记录", "综合办公室", "2025年上半年", "整改中"),  # not / 06-30
    (9, "内管监督工作会议记录不完整", "内部管理", "将内管检查结果纳入部门绩效考核", "综合办公室", "2025年底前", "整改中"),  # not / 12-31
    (10, "廉政风险点排查不全面", "内部管理", "重新梳理岗位廉政风险点", "综合办公室", "2025年4月10日前", "已完成"),  # done
]
# HAND 专卖管理股: rows 1-4 = items 2 not(05-31) + done + done + long: m5 done2 long1 not2 overdue@0430 0 overdue@1031 2
# HAND 市场营销部: not(06-30), long, not(04-20), not(07-31): m4 done0 long1 not3 overdue@0430 1 overdue@1031 3
# HAND 综合办公室: done, not(06-30), not(12-31), done: m4 done2 long0 not2 overdue@0430 0 overdue@1031 1
# HAND 物流配送中心: done, not(09-30), not(04-30), done: m4 done2 long0 not2 overdue@0430 0 overdue@1031 2
F6_HAND = {"专卖管理股": (5, 2, 1, 2, 0, 2), "市场营销部": (4, 0, 1, 3, 1, 3), "综合办公室": (4, 2, 0, 2, 0, 1),
           "物流配送中心": (4, 2, 0, 2, 0, 2)}


def f6():
    base = F6[:-4]
    wb = Workbook(); ws = wb.active; ws.title = "问题整改台账"
    ncol = 9
    title(ws, "A1:I1", "岚溪县烟草专卖局（营销部）2025年内部专卖管理监督检查发现问题整改台账")
    ws.merge_cells("A2:I2")
    ws["A2"] = "检查单位：岚山市烟草专卖局（公司）内部专卖管理监督办公室　　　被检查单位：岚溪县烟草专卖局（营销部）　　　检查时间：2025年3月"
    band(ws, 3, [("序号", None), ("检查发现问题", None), ("问题类别", None), ("整改措施", None),
                 ("整改责任", ["责任部门", "责任人"]), ("完成时限", None), ("整改进展", None), ("佐证材料", None)], ncol)
    heads = {u: person() for u in F6_HAND}
    r = 5
    for seq in sorted({x[0] for x in F6_ROWS}):
        rows = [x for x in F6_ROWS if x[0] == seq]
        start = r
        for (_, _, _, m, dept, dl, st) in rows:
            ws.cell(r, 4, m); ws.cell(r, 5, dept); ws.cell(r, 6, heads[dept]); ws.cell(r, 7, dl); ws.cell(r, 8, st)
            ws.cell(r, 9, "见附件" if st == "已完成" else "")
            r += 1
        merge_down(ws, 1, start, r - 1, seq); merge_down(ws, 2, start, r - 1, rows[0][1]); merge_down(ws, 3, start, r - 1, rows[0][2])
    frame(ws, 3, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "说明：本台账由县局（营销部）内管办牵头汇总，各责任部门对本部门承担的整改事项负责，每月25日前更新整改进展。")
    ws.cell(r + 1, 1, f"县局内管办：{person()}"); ws.cell(r + 1, 5, f"分管领导：{person()}"); ws.cell(r + 1, 7, "2025年4月25日")
    widths(ws, [6, 30, 10, 36, 14, 9, 15, 11, 10])
    tmp = tempfile.mkdtemp(prefix="h15o_")
    src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    lo_convert(src, "ods", OUT); shutil.rmtree(tmp)
    return dict(
        file=F6, kind="烟草专卖 内部专卖管理监督检查 发现问题整改台账 of one 县局, units = its own 部门 (责任部门), problems merged over measures, two-row band, ods",
        producer="县烟草专卖局内管办(Excel → LibreOffice ods)", as_of=AS_OF,
        sheets={"问题整改台账": dict(header_row="3-4 (group 整改责任 over 责任部门/责任人)", data_rows=len(F6_ROWS), columns=dict(
            problem="B (检查发现问题, merged over its measures)", measure="D (整改措施)", deadline="G (完成时限)",
            status="H (整改进展)", unit="E (责任部门)", person="F (责任人)", department="E (责任部门 = the unit)", completed_on=None))},
        status_map={"已完成": "done", "整改中": "in progress", "未完成": "not done", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="the ledger is of one 县局 (title, 被检查单位); the 说明 says each 责任部门 answers for its own items, so units = the four 责任部门 "
              "(专卖管理股, 市场营销部, 物流配送中心, 综合办公室); the inspecting 市局内管办 and the 县局 itself are not units; problem 3 has measures "
              "of two 部门; the first measure cell enumerates 1.…；2.… = two measures (16 rows, 17 items); 2025年三季度 = 09-30, 2025年上半年 = 06-30, "
              "2025年4月底前 not done is not overdue at 2025-04-30",
        counts=recount([(x[4], x[3], x[5], x[6]) for x in F6_ROWS], F6_STATE), hand=F6_HAND,
        unit_sheets={u: ["问题整改台账"] for u in F6_HAND})


# ================================================================== 7. 机动车维修企业 检查 (openpyxl xlsx, group headers, hidden column, 合计, 名单 sheet)
F7 = "岚溪县2025年机动车维修企业安全生产和经营行为检查问题整改台账.xlsx"
F7_STATE = {"已整改": "done", "整改中": "not", "未整改": "not", "长期坚持": "long"}
# (企业名称, 检查项目, problem, measure, deadline, state)
F7_ROWS = [
    # HAND 岚溪县顺达汽车维修有限公司: m5 done2 long1 not2 overdue@0430 1 overdue@1031 2
    ("岚溪县顺达汽车维修有限公司", "安全生产", "烤漆房电气线路未穿管保护", "整改电气线路，穿管敷设", "2025年4月15日前", "已整改"),  # done
    ("岚溪县顺达汽车维修有限公司", "安全生产", "维修车间消防通道被待修车辆占用", "清理通道并划线管理", "立行立改", "已整改"),  # done
    ("岚溪县顺达汽车维修有限公司", "环保管理", "废机油等危险废物未规范贮存转移", "设置危废贮存间，与有资质单位签订处置协议", "2025年5月底前", "整改中"),  # not / 05-31
    ("岚溪县顺达汽车维修有限公司", "经营行为", "汽车维修电子健康档案未按规定上传", "按要求实时上传维修记录", "长期坚持", "长期坚持"),  # long
    ("岚溪县顺达汽车维修有限公司", "设施设备", "举升机未定期检验", "委托检验并建立设备台账", "2025年4月20日前", "整改中"),  # not / 04-20
    # HAND 岚溪县路通汽车服务有限公司: m4 done1 long0 not3 overdue@0430 1 overdue@1031 3
    ("岚溪县路通汽车服务有限公司", "经营行为", "未公示维修工时定额和收费标准", "在接待大厅公示", "立行立改", "已整改"),  # done
    ("岚溪县路通汽车服务有限公司", "人员管理", "质量检验员未取得相应资格", "组织参加培训考试", "2025年二季度末", "未整改"),  # not / 06-30
    ("岚溪县路通汽车服务有限公司", "经营行为", "竣工出厂合格证管理不规范", "规范合格证领用登记", "2025年4月30日前", "整改中"),  # not / 04-30
    ("岚溪县路通汽车服务有限公司", "安全生产", "乙炔、氧气气瓶混存", "分开存放并设置防倾倒装置", "立行立改", "整改中"),  # not / IMM
    # HAND 岚溪县宏远汽车修理厂: m5 done3 long0 not2 overdue@0430 0 overdue@1031 1
    ("岚溪县宏远汽车修理厂", "经营行为", "经营场所与备案地址不一致", "办理备案变更", "2025年6月底", "未整改"),  # not / 06-30
    ("岚溪县宏远汽车修理厂", "设施设备", "维修车间照明不足", "增设照明设施", "2025年3月底前", "已整改"),  # done
    ("岚溪县宏远汽车修理厂", "安全生产", "未建立全员安全生产责任制", "建立全员安全生产责任制", "2025年4月10日前", "已整改"),  # done
    ("岚溪县宏远汽车修理厂", "安全生产", "员工未配备劳动防护用品", "配齐劳动防护用品", "立行立改", "已整改"),  # done
    ("岚溪县宏远汽车修理厂", "经营行为", "维修配件采购台账不全", "建立配件采购和使用台账", "2025年11月30日前", "整改中"),  # not / 11-30
]
F7_HAND = {"岚溪县顺达汽车维修有限公司": (5, 2, 1, 2, 1, 2), "岚溪县路通汽车服务有限公司": (4, 1, 0, 3, 1, 3),
           "岚溪县宏远汽车修理厂": (5, 3, 0, 2, 0, 1)}
F7_KIND = {"岚溪县顺达汽车维修有限公司": "一类", "岚溪县路通汽车服务有限公司": "二类", "岚溪县宏远汽车修理厂": "三类"}


def f7():
    wb = Workbook(); ws = wb.active; ws.title = "整改台账"
    ncol = 11
    title(ws, "A1:K1", "岚溪县2025年机动车维修企业安全生产和经营行为检查问题整改台账")
    ws.merge_cells("A2:K2")
    ws["A2"] = "填报单位：岚溪县交通运输综合行政执法大队　　　　　　　　填报时间：2025年4月28日"
    band(ws, 3, [("序号", None), ("企业信息", ["企业名称", "备案编号", "维修类别"]), ("检查情况", ["检查项目", "存在问题"]),
                 ("整改落实", ["整改措施", "整改时限", "企业责任人", "整改情况"]), ("备注", None)], ncol)
    r = 5; done = 0
    for unit in F7_HAND:
        rows = [x for x in F7_ROWS if x[0] == unit]
        start = r; boss = person()
        for (_, item, p, m, dl, st) in rows:
            ws.cell(r, 1, r - 4)
            for c, v in ((5, item), (6, p), (7, m), (8, dl), (9, boss), (10, st)):
                ws.cell(r, c, v)
            done += F7_STATE[st] == "done"
            r += 1
        merge_down(ws, 2, start, r - 1, unit)
        merge_down(ws, 3, start, r - 1, f"3611290{R.randint(10000, 99999)}")
        merge_down(ws, 4, start, r - 1, F7_KIND[unit])
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=5)
    ws.cell(r, 1, "合计"); ws.cell(r, 6, f"发现问题{r - 5}个"); ws.cell(r, 10, f"已整改{done}个")
    frame(ws, 3, r, ncol)
    ws.merge_cells(start_row=r + 1, end_row=r + 1, start_column=1, end_column=ncol)
    ws.cell(r + 1, 1, "注：整改情况填写“已整改”“整改中”“未整改”“长期坚持”；已整改的须附整改前后对比照片。")
    ws.cell(r + 2, 1, f"填表人：{person()}"); ws.cell(r + 2, 6, f"审核人：{person()}")
    widths(ws, [6, 24, 14, 8, 10, 30, 30, 16, 10, 10, 8])
    ws.column_dimensions["C"].hidden = True
    ws.freeze_panes = "A5"
    s2 = wb.create_sheet("检查企业名单")
    s2.append(["序号", "企业名称", "经营地址", "维修类别", "检查日期", "检查人员", "检查结论"])
    for i, u in enumerate(F7_HAND, 1):
        s2.append([i, u, f"岚溪县{R.choice(['城南大道', '工业大道', '北环路', '迎宾大道'])}{R.randint(1, 300)}号", F7_KIND[u],
                   f"2025.3.{R.randint(5, 25)}", f"{person()}、{person()}", "限期整改"])
    s2.append([4, "岚溪县捷安汽车美容店", "岚溪县滨江路18号", "三类", "2025.3.20", f"{person()}、{person()}", "未发现问题"])
    widths(s2, [6, 28, 26, 10, 12, 16, 12])
    wb.save(os.path.join(OUT, F7))
    return dict(
        file=F7, kind="交通运输 机动车维修企业 安全生产和经营行为检查 问题整改台账 over 维修企业, group headers 企业信息/检查情况/整改落实, hidden 备案编号, 合计 row, 检查企业名单 sheet, xlsx",
        producer="县交通运输综合行政执法大队(Excel手工, openpyxl xlsx)", as_of=AS_OF,
        sheets={"整改台账": dict(header_row="3-4 (groups 企业信息 / 检查情况 / 整改落实 over their sub-headers)", data_rows=len(F7_ROWS),
                               columns=dict(problem="F (存在问题)", measure="G (整改措施)", deadline="H (整改时限)", status="J (整改情况)",
                                            unit="B (企业名称, merged down)", person="I (企业责任人)", department=None, completed_on=None)),
                "检查企业名单": dict(header_row=1, data_rows=4, columns=None,
                               note="list of the enterprises checked (one without problems), not a ledger")},
        status_map={"已整改": "done", "整改中": "in progress", "未整改": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="units = the three enterprises of 企业名称 (merged down with the hidden 备案编号 and 维修类别); the filing 执法大队 is not a unit; "
              "the second sheet 检查企业名单 lists four checked enterprises, one of them (捷安汽车美容店) with no problem and no ledger row — not a unit; "
              "the 合计 row and the 注/填表人 footer are not data; 立行立改 not done is overdue at both dates; 2025年二季度末 = 06-30; "
              "2025年4月30日前 not done is not overdue at 2025-04-30",
        counts=recount([(x[0], x[3], x[4], x[5]) for x in F7_ROWS], F7_STATE), hand=F7_HAND,
        unit_sheets={u: ["整改台账"] for u in F7_HAND})


# ================================================================== 8. 人工影响天气 作业站点 安全检查 (openpyxl xlsx, blank rows between units, no-year deadlines)
F8 = "岚溪县气象局2025年人工影响天气作业站点安全检查隐患整改台账.xlsx"
F8_STATE = {"已整改": "done", "正在整改": "not", "未整改": "not", "长期坚持": "long"}
# (管理单位, 作业站点, hazard, measure, deadline (no year; the title says 2025), state)
F8_ROWS = [
    # HAND 龙潭镇人民政府: m5 done2 long1 not2 overdue@0430 0 overdue@1031 2
    ("龙潭镇人民政府", "龙潭镇1号固定作业点", "弹药库未安装视频监控", "安装视频监控并接入县人影指挥平台", "5月31日前", "正在整改"),  # not / 05-31
    ("龙潭镇人民政府", "龙潭镇1号固定作业点", "作业点防雷装置未经检测", "委托防雷检测", "4月20日前", "已整改"),  # done
    ("龙潭镇人民政府", "龙潭镇1号固定作业点", "1名作业人员上岗证过期", "参加培训取证，取证前不得上岗", "立行立改", "已整改"),  # done
    ("龙潭镇人民政府", "龙潭镇流动作业点", "火箭发射架锈蚀", "除锈维护或更换发射架", "6月30日前", "未整改"),  # not / 06-30
    ("龙潭镇人民政府", "龙潭镇流动作业点", "作业空域申请记录不全", "规范空域申请及作业记录", "长期坚持", "长期坚持"),  # long
    # HAND 高桥乡人民政府: m4 done0 long1 not3 overdue@0430 2 overdue@1031 3
    ("高桥乡人民政府", "高桥乡固定作业点", "弹药存放未做到人弹分离", "设置独立弹药储存室", "立行立改", "正在整改"),  # not / IMM
    ("高桥乡人民政府", "高桥乡固定作业点", "作业点围墙破损", "修复围墙", "4月15日前", "正在整改"),  # not / 04-15
    ("高桥乡人民政府", "高桥乡固定作业点", "值班值守记录不完整", "落实作业期间24小时值班制度", "长期坚持", "长期坚持"),  # long
    ("高桥乡人民政府", "高桥乡固定作业点", "作业点安全射界图未更新", "重新测绘安全射界图并报备", "9月30日前", "未整改"),  # not / 09-30
    # HAND 上坪镇人民政府: m4 done2 long0 not2 overdue@0430 0 overdue@1031 1
    ("上坪镇人民政府", "上坪镇固定作业点", "灭火器材配备不足", "配齐灭火器材", "4月10日前", "已整改"),  # done
    ("上坪镇人民政府", "上坪镇固定作业点", "作业人员意外伤害保险未续保", "为作业人员续保", "4月30日前", "正在整改"),  # not / 04-30
    ("上坪镇人民政府", "上坪镇固定作业点", "作业点进场道路损毁，车辆无法通行", "修复进场道路", "10月31日前", "正在整改"),  # not / 10-31
    ("上坪镇人民政府", "上坪镇固定作业点", "弹药出入库登记不规范", "规范弹药出入库登记", "3月31日前", "已整改"),  # done
]
F8_HAND = {"龙潭镇人民政府": (5, 2, 1, 2, 0, 2), "高桥乡人民政府": (4, 0, 1, 3, 2, 3), "上坪镇人民政府": (4, 2, 0, 2, 0, 1)}


def f8():
    wb = Workbook(); ws = wb.active; ws.title = "隐患整改台账"
    ncol = 10
    title(ws, "A1:J1", "岚溪县气象局2025年人工影响天气作业站点安全检查隐患整改台账")
    ws.merge_cells("A2:J2")
    ws["A2"] = "检查时间：2025年3月17日—3月21日　　检查组：县气象局、县公安局治安大队、县应急管理局　　统计截至：4月28日"
    header(ws, 3, ["序号", "管理单位", "作业站点", "检查人", "隐患描述", "整改措施", "整改时限", "作业点负责人", "整改情况", "备注"])
    r = 4; n = 0
    for ui, unit in enumerate(F8_HAND):
        if ui:
            r += 1  # a blank row between the 乡镇
        rows = [x for x in F8_ROWS if x[0] == unit]
        ustart = r
        sites = []
        for x in rows:
            if x[1] not in sites:
                sites.append(x[1])
        for s in sites:
            sstart = r
            insp = f"{person()}（县气象局）、{person()}（治安大队）"
            boss = person()
            for (_, _, h, m, dl, st) in [x for x in rows if x[1] == s]:
                n += 1
                for c, v in ((1, n), (5, h), (6, m), (7, dl), (8, boss), (9, st)):
                    ws.cell(r, c, v)
                r += 1
            merge_down(ws, 3, sstart, r - 1, s); merge_down(ws, 4, sstart, r - 1, insp)
        merge_down(ws, 2, ustart, r - 1, unit)
        frame(ws, ustart, r - 1, ncol)
    frame(ws, 3, 3, ncol)
    ws.cell(r + 1, 1, "说明：整改时限均为2025年；弹药库、炮库类隐患须由县气象局、县公安局复查后销号。")
    ws.cell(r + 2, 1, f"填报人：{person()}　　　　联系电话：{phone()}")
    widths(ws, [6, 16, 18, 24, 28, 28, 12, 11, 10, 8])
    ws.freeze_panes = "A4"
    wb.save(os.path.join(OUT, F8))
    return dict(
        file=F8, kind="气象局 人工影响天气 作业站点 安全检查 隐患整改台账 over 管理单位（乡镇人民政府）, inspectors (检查人) beside the sites, blank rows between units, no-year deadlines, xlsx",
        producer="县气象局人影办(Excel手工, openpyxl xlsx)", as_of=AS_OF,
        sheets={"隐患整改台账": dict(header_row=3, data_rows=len(F8_ROWS), columns=dict(
            problem="E (隐患描述)", measure="F (整改措施)", deadline="G (整改时限; no year, title and 说明 say 2025)",
            status="I (整改情况)", unit="B (管理单位, merged down over its sites)", person="H (作业点负责人)", department=None,
            completed_on=None))},
        status_map={"已整改": "done", "正在整改": "in progress", "未整改": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="units = the three 管理单位 (乡镇人民政府, merged down); 作业站点 (merged, named after the 乡镇) are the things inspected, not units; "
              "检查人 (气象局/治安大队 staff, merged per site) are inspectors and 作业点负责人 persons; a blank row separates the units; "
              "deadlines have no year (title, 说明: 2025); 立行立改 not done is overdue at both dates; 4月30日前 / 10月31日前 not done are "
              "not overdue on their own day",
        counts=recount([(x[0], x[3], x[4], x[5]) for x in F8_ROWS], F8_STATE), hand=F8_HAND,
        unit_sheets={u: ["隐患整改台账"] for u in F8_HAND})


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
    print(f"{len(out)} files, {nu} units, {2 * nu} pairs, {ni} items; recount = hand count for every unit")


if __name__ == "__main__":
    main()
