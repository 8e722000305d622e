#!/usr/bin/env python3
"""Generator of taizhang holdout 13. `python3 gen.py` (needs openpyxl; soffice for the .xls and the .ods).

Every data row is written out by hand in the tables below: unit, problem, measure, deadline and state exactly as
the office writes them. Filler (people, phones, masked ID numbers, update times) comes from random.Random(1320251208),
so the files are deterministic. Beside each unit's rows is its hand count (`# HAND m done long not overdue@0430
overdue@1031`), gathered in a *_HAND table per file; main() recounts every file from its row table and stops,
writing no answers, unless the recount equals the hand count. Writes files/ and answers.json."""
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
R = random.Random(1320251208)
SURN = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志海峰林辉波斌宇浩凯鹏飞云燕琳"


def person():
    return R.choice(SURN) + "".join(R.choice(GIVEN) for _ in range(R.choice([1, 2, 2])))


def phone():
    return "1" + R.choice("358") + "".join(str(R.randint(0, 9)) for _ in range(9))


# ------------------------------------------------------------------ recount (gen side)
CN_Q = {"一": 1, "二": 2, "三": 3, "四": 4}


def due_of(t):
    """Deadline cell -> date / 'LT' (long-term) / 'IMM' (immediate). Every as-of date and every title is 2025, so a
    deadline written without a year is 2025."""
    if isinstance(t, dt.datetime):
        return t.date()
    if isinstance(t, D):
        return t
    t = t.strip()
    if t in ("长期坚持", "长期", "常态化"):
        return "LT"
    if t in ("立行立改", "立即整改"):
        return "IMM"
    m = re.fullmatch(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日前?", t) or \
        re.fullmatch(r"(\d{4})[./-](\d{1,2})[./-](\d{1,2})前?", t)
    if m:
        return D(int(m[1] or 2025), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(?:(\d{4})年)?(\d{1,2})月(?:底|末)?前?", t)
    if m:
        y, mo = int(m[1] or 2025), int(m[2])
        return D(y, mo, calendar.monthrange(y, mo)[1])
    m = re.fullmatch(r"(\d{4})年第?([一二三四])季度末?前?", t)
    if m:
        y, q = int(m[1]), CN_Q[m[2]]
        return D(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
    m = re.fullmatch(r"(\d{4})年(上|下)半年", t)
    if m:
        return D(int(m[1]), 6, 30) if m[2] == "上" else D(int(m[1]), 12, 31)
    m = re.fullmatch(r"(\d{4})年底前?", t)
    if m:
        return D(int(m[1]), 12, 31)
    raise SystemExit(f"gen.py: no rule for deadline {t!r}")


def n_items(measure):
    """A measure cell enumerating 一是…；二是… holds that many measures; else one."""
    k = len(re.findall(r"(?:^|；)[一二三四五]是", measure))
    return k if k >= 2 else 1


def recount(rows, smap):
    """rows: (unit, measure, deadline, state text) -> {unit: (m, done, long, not, overdue@d1, overdue@d2)}"""
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
    prof = tempfile.mkdtemp(prefix="h13lo_")
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


def long_meta(ws, row, ncol, text):
    ws.merge_cells(start_row=row, end_row=row, start_column=1, end_column=ncol)
    ws.cell(row, 1, text)


# ================================================================== 1. 平安建设考评 反馈问题 (county workbook of townships, openpyxl xlsx)
F1 = "云川县2025年一季度平安建设考评反馈问题整改台账（各乡镇汇总）.xlsx"
# each township returned its own sheet in its own words; the county 平安办 pasted them behind a 汇总 sheet
F1_STATE = {"已完成": "done", "推进中": "not", "长期坚持": "long", "是": "done", "否": "not",
            "已整改": "done", "正在整改": "not", "未整改": "not", "未启动": "not",
            "已完成。4月22日全部修复上线。": "done", "推进中，已完成宣传进村12场，企业APP注册率75%。": "not",
            "长期坚持，已明确专人每日录入。": "long", "已完成。4月已联合派出所检查寄递网点8家。": "done",
            "推进中，已设置标语6处。": "not"}
# (乡镇 = sheet, 考评项目, 存在问题, 整改措施, 整改时限, 状态)
F1_ROWS = [
    # HAND 城关镇: m6 done2 long1 not3 overdue@0430 1 overdue@1031 3
    ("城关镇", "矛盾纠纷排查化解", "矛盾纠纷排查台账登记不全，部分调解案件无回访记录", "完善矛盾纠纷排查化解台账，对已调解案件逐案回访", "2025年5月31日前", "已完成"),
    ("城关镇", "社会治安防控", "城区部分老旧小区视频监控覆盖率低", "在3个老旧小区新增高清视频监控探头，接入“雪亮工程”平台", "2025年6月底前", "推进中"),
    ("城关镇", "网格化服务管理", "网格员入户走访信息采集不及时", "制定网格员考核办法，每月通报走访情况", "长期坚持", "长期坚持"),
    ("城关镇", "群众安全感满意度", "群众对平安建设知晓率偏低", "开展平安建设宣传进社区、进学校活动", "2025年4月20日前", "推进中"),
    ("城关镇", "重点人员服务管理", "社区矫正对象、刑满释放人员帮教台账不规范", "规范帮教台账，落实一人一档", "立行立改", "已完成"),
    ("城关镇", "综治中心建设", "镇综治中心规范化建设未达标，功能室不全", "按标准设置矛盾调处、视频监控等功能室", "2025年三季度", "推进中"),
    # HAND 河口镇: m5 done2 long1 not2 overdue@0430 0 overdue@1031 1
    ("河口镇", "矛盾纠纷排查化解", "“三调联动”机制运行不畅", "建立人民调解、行政调解、司法调解联动工作例会制度", D(2025, 4, 30), "否"),
    ("河口镇", "平安创建", "平安村（社区）创建覆盖率未达到90%", "组织未达标村开展平安村创建", D(2025, 12, 31), "否"),
    ("河口镇", "社会治安防控", "镇村两级巡防队伍人员不足", "充实巡防队员，每村不少于5人", D(2025, 3, 31), "是"),
    ("河口镇", "禁毒工作", "禁毒宣传阵地建设滞后", "在镇区设立禁毒宣传栏2处", D(2025, 3, 31), "是"),
    ("河口镇", "网格化服务管理", "网格事件办结率偏低", "每周调度网格事件办理情况", "长期坚持", "长期坚持"),
    # HAND 石门乡: m4 done2 long0 not2 overdue@0430 1 overdue@1031 2
    ("石门乡", "综治中心建设", "乡综治中心未配备专职工作人员", "配备2名专职工作人员", "2025.5.31", "正在整改"),
    ("石门乡", "矛盾纠纷排查化解", "乡村两级矛盾纠纷调处台账未闭环", "逐件核查调处结果，完善闭环台账", "2025.4.15", "已整改"),
    ("石门乡", "网格化服务管理", "部分村网格服务站未挂牌", "统一制作标牌，规范挂牌", "2025.4.10", "未整改"),
    ("石门乡", "校园及周边治安", "校园周边护学巡逻不到位", "会同派出所在上下学时段开展护学巡逻", "立行立改", "已整改"),
    # HAND 白沙镇: m6 done2 long1 not3 overdue@0430 1 overdue@1031 3   (row 2 enumerates 一是…；二是… = two measures)
    ("白沙镇", "社会治安防控", "“雪亮工程”前端点位部分离线", "联系运维单位修复离线点位", "4月30日前", "已完成。4月22日全部修复上线。"),
    ("白沙镇", "反电信网络诈骗", "反诈宣传覆盖面不够", "一是开展反诈宣传进村入户；二是组织辖区企业员工下载注册国家反诈中心APP", "5月31日前", "推进中，已完成宣传进村12场，企业APP注册率75%。"),
    ("白沙镇", "矛盾纠纷排查化解", "矛盾纠纷多元化解平台录入不及时", "安排专人每日录入", "长期坚持", "长期坚持，已明确专人每日录入。"),
    ("白沙镇", "重点行业场所管理", "寄递物流网点安全管理薄弱", "联合派出所开展寄递物流网点检查", "6月底前", "已完成。4月已联合派出所检查寄递网点8家。"),
    ("白沙镇", "平安宣传", "平安建设宣传氛围不浓", "在集镇主要路段设置平安建设宣传标语", "立行立改", "推进中，已设置标语6处。"),
    # HAND 龙潭乡: m4 done1 long1 not2 overdue@0430 1 overdue@1031 2
    ("龙潭乡", "群众安全感满意度", "群众安全感测评得分低于全县平均水平", "开展入户走访，收集群众意见建议", D(2025, 6, 30), "推进中"),
    ("龙潭乡", "特殊人群关爱", "农村留守老人、儿童关爱帮扶机制不健全", "建立关爱帮扶台账，落实结对帮扶", D(2025, 4, 15), "已完成"),
    ("龙潭乡", "人民调解", "村级调委会人员调整后未报备", "报县司法局备案", D(2025, 4, 25), "未启动"),
    ("龙潭乡", "特殊人群服务管理", "特殊人群服务管理信息更新不及时", "每月核对更新信息", "长期坚持", "长期坚持"),
]
F1_HAND = {"城关镇": (6, 2, 1, 3, 1, 3), "河口镇": (5, 2, 1, 2, 0, 1), "石门乡": (4, 2, 0, 2, 1, 2),
           "白沙镇": (6, 2, 1, 3, 1, 3), "龙潭乡": (4, 1, 1, 2, 1, 2)}


def f1():
    wb = Workbook()
    s0 = wb.active; s0.title = "汇总"
    day = {"城关镇": "2025年4月24日", "河口镇": "2025年4月25日", "石门乡": "2025年4月25日", "白沙镇": "2025年4月27日",
           "龙潭乡": "2025年4月28日"}
    for town in F1_HAND:
        ws = wb.create_sheet(town)
        rows = [x for x in F1_ROWS if x[0] == town]
        boss = person()
        if town in ("城关镇", "龙潭乡"):
            ncol = 9
            title(ws, "A1:I1", f"{town}2025年一季度平安建设考评反馈问题整改台账")
            long_meta(ws, 2, ncol, f"填报单位：{town}综治中心（盖章）　　　填报时间：{day[town]}　　　联系人：{person()}　{phone()}")
            header(ws, 3, ["序号", "考评项目", "存在问题", "整改措施", "责任领导", "责任人", "整改时限", "整改进展", "备注"])
            r = 4
            for i, (_, item, prob, meas, dl, st) in enumerate(rows, 1):
                for c, v in enumerate([i, item, prob, meas, boss, person(), dl, st, ""], 1):
                    ws.cell(r, c, v)
                if isinstance(dl, D):
                    ws.cell(r, 7).number_format = "yyyy/m/d"
                r += 1
            frame(ws, 3, r - 1, ncol)
            ws.cell(r + 1, 1, f"填表人：{person()}"); ws.cell(r + 1, 4, f"审核人：{person()}")
            widths(ws, [6, 16, 32, 34, 10, 10, 14, 12, 8])
        elif town == "河口镇":
            ncol = 9
            title(ws, "A1:I1", "河口镇平安建设考评扣分问题整改清单")
            long_meta(ws, 2, ncol, f"单位：河口镇人民政府　　　　　　　　　　　　　时间：{day[town]}")
            header(ws, 3, ["序号", "扣分项目", "扣分情况及存在问题", "整改措施", "牵头领导", "具体责任人", "完成时限", "是否完成", "备注"])
            r = 4
            for i, (_, item, prob, meas, dl, st) in enumerate(rows, 1):
                for c, v in enumerate([i, item, f"扣{R.choice(['0.5', '1', '1.5', '2'])}分。{prob}", meas, boss, person(), dl, st,
                                       "" if st != "长期坚持" else "长效机制"], 1):
                    ws.cell(r, c, v)
                if isinstance(dl, D):
                    ws.cell(r, 7).number_format = 'yyyy"年"m"月"d"日"'
                r += 1
            frame(ws, 3, r - 1, ncol)
            ws.cell(r, 1, "注：“是否完成”填“是”或“否”，需长期坚持的事项填“长期坚持”。")
            widths(ws, [6, 16, 36, 34, 10, 10, 16, 10, 10])
        elif town == "石门乡":
            ncol = 7
            title(ws, "A1:G1", "石门乡平安建设考评反馈问题整改台账")
            long_meta(ws, 2, ncol, f"填报单位：石门乡平安办　　　填报日期：{day[town]}")
            for col, txt in (("A", "序号"), ("B", "问题"), ("C", "整改措施"), ("F", "时限"), ("G", "整改情况")):
                ws.merge_cells(f"{col}3:{col}4"); ws[f"{col}3"] = txt
            ws.merge_cells("D3:E3"); ws["D3"] = "责任主体"
            header(ws, 4, ["责任领导", "责任人"], start=4)
            for c in range(1, ncol + 1):
                ws.cell(3, c).font = Font(bold=True); ws.cell(3, c).alignment = CN
            r = 5
            for i, (_, item, prob, meas, dl, st) in enumerate(rows, 1):
                for c, v in enumerate([i, prob, meas, boss, person(), dl, st], 1):
                    ws.cell(r, c, v)
                r += 1
            frame(ws, 3, r - 1, ncol)
            ws.cell(r + 1, 1, f"乡平安办主任：{person()}")
            widths(ws, [6, 34, 34, 10, 10, 12, 12])
        else:  # 白沙镇
            ncol = 8
            title(ws, "A1:H1", "白沙镇关于2025年一季度平安建设考评反馈问题的整改落实情况表")
            long_meta(ws, 2, ncol, f"报送单位：中共白沙镇委员会政法委员办公室　　报送时间：{day[town]}")
            header(ws, 3, ["序号", "类别", "反馈问题", "整改举措", "分管领导", "责任人", "整改期限", "进展情况"])
            r = 4
            for i, (_, item, prob, meas, dl, st) in enumerate(rows, 1):
                for c, v in enumerate([i, item, prob, meas, boss, person(), dl, st], 1):
                    ws.cell(r, c, v)
                r += 1
            frame(ws, 3, r - 1, ncol)
            ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
            ws.cell(r, 1, "说明：整改期限均为2025年。")
            widths(ws, [6, 14, 30, 36, 10, 10, 12, 30])
        ws.freeze_panes = ws.cell(5 if town == "石门乡" else 4, 1).coordinate
    # 汇总 (counts by township: not a ledger)
    title(s0, "A1:F1", "云川县2025年一季度平安建设考评反馈问题整改情况汇总表", 14)
    long_meta(s0, 2, 6, "云川县委平安办　　　　统计截至：2025年4月28日")
    header(s0, 3, ["序号", "乡镇", "反馈问题（个）", "已完成（个）", "未完成（个）", "备注"])
    r = 4; tot = [0, 0, 0]
    for i, town in enumerate(F1_HAND, 1):
        rows = [x for x in F1_ROWS if x[0] == town]
        n = len(rows); nd = sum(F1_STATE[x[5]] == "done" for x in rows); nl = sum(F1_STATE[x[5]] == "long" for x in rows)
        for c, v in enumerate([i, town, n, nd, n - nd - nl, f"长期坚持{nl}个" if nl else ""], 1):
            s0.cell(r, c, v)
        tot = [tot[0] + n, tot[1] + nd, tot[2] + n - nd - nl]
        r += 1
    s0.merge_cells(start_row=r, end_row=r, start_column=1, end_column=2)
    s0.cell(r, 1, "合计")
    for c, v in enumerate(tot, 3):
        s0.cell(r, c, v)
    frame(s0, 3, r, 6)
    widths(s0, [6, 12, 16, 14, 14, 14])
    wb.save(os.path.join(OUT, F1))
    return dict(
        file=F1, kind="平安建设（综治）考评 反馈问题 整改台账, county 平安办 workbook: 汇总 sheet + one sheet per 乡镇, each written in the "
                       "township's own words (headers, states, deadline styles differ by sheet)",
        producer="云川县委平安办(Excel 汇总, openpyxl xlsx)", as_of=AS_OF,
        sheets={"汇总": dict(header_row=3, data_rows=5, columns=None, note="not a ledger: counts per 乡镇 with a 合计 row"),
                "城关镇": dict(header_row=3, data_rows=6, columns=dict(problem="C (存在问题)", measure="D (整改措施)", deadline="G (整改时限)",
                                                                   status="H (整改进展)", unit="sheet name / title / 填报单位 (城关镇)", person="F (责任人)",
                                                                   leader="E (责任领导)", department=None, completed_on=None)),
                "河口镇": dict(header_row=3, data_rows=5, columns=dict(problem="C (扣分情况及存在问题)", measure="D (整改措施)",
                                                                   deadline="G (完成时限, date cells)", status="H (是否完成: 是/否/长期坚持)",
                                                                   unit="sheet name / title (河口镇)", person="F (具体责任人)", leader="E (牵头领导)",
                                                                   department=None, completed_on=None)),
                "石门乡": dict(header_row="3-4 (merged group 责任主体 over 责任领导/责任人)", data_rows=4, columns=dict(
                    problem="B (问题)", measure="C (整改措施)", deadline="F (时限)", status="G (整改情况)", unit="sheet name / title (石门乡)",
                    person="E (责任人)", leader="D (责任领导)", department=None, completed_on=None)),
                "白沙镇": dict(header_row=3, data_rows=5, columns=dict(problem="C (反馈问题)", measure="D (整改举措; row 2 enumerates 一是…；二是…)",
                                                                   deadline="G (整改期限, no year; 说明: 2025)", status="H (进展情况, leading word)",
                                                                   unit="sheet name / title (白沙镇)", person="F (责任人)", leader="E (分管领导)",
                                                                   department=None, completed_on=None)),
                "龙潭乡": dict(header_row=3, data_rows=4, columns=dict(problem="C (存在问题)", measure="D (整改措施)",
                                                                   deadline="G (整改时限, date cells; one text 长期坚持)", status="H (整改进展)",
                                                                   unit="sheet name / title / 填报单位 (龙潭乡)", person="F (责任人)", leader="E (责任领导)",
                                                                   department=None, completed_on=None))},
        status_map={"已完成 / 已完成。…": "done", "推进中 / 推进中，…": "in progress", "长期坚持 / 长期坚持，…": "long-term",
                    "是": "done (河口镇: 是否完成)", "否": "not done (河口镇: 是否完成)", "已整改": "done", "正在整改": "in progress",
                    "未整改": "not started", "未启动": "not started"},
        notes="units = the five 乡镇, one per sheet (sheet name = title = 填报单位); the first sheet 汇总 (the county 平安办's counts, "
              "with a 合计 row) is not a ledger and adds nothing; 综治中心/平安办/政法委员办公室 in the meta rows are the township's own "
              "offices, not units; 责任领导/责任人 are persons; 河口镇's 扣分 text (扣N分。) is part of the problem; 白沙镇's measure "
              "“一是…；二是…” is two measures (both not done, due 5月31日前 = 2025-05-31); 白沙镇 deadlines have no year (说明: 2025); "
              "2025年三季度 = 09-30; 河口镇 2025-04-30 not done is not overdue at 2025-04-30; 立行立改 not done (白沙镇) is overdue at both dates",
        counts=recount([(x[0], x[3], x[4], x[5]) for x in F1_ROWS], F1_STATE), hand=F1_HAND,
        unit_sheets={u: [u] for u in F1_HAND})


# ================================================================== 2. 检察院 看守所等 巡回检察 (LibreOffice .xls)
F2 = "云川县人民检察院2025年看守所巡回检察发现问题整改落实台账.xls"
F2_STATE = {"已整改": "done", "整改中": "not", "未整改": "not", "长期坚持": "long"}
# (被检察单位, 问题类型, 问题描述, 文书类型, 文号, 整改措施, 整改期限, 整改落实情况)
F2_ROWS = [
    # HAND 云川县看守所: m6 done2 long1 not3 overdue@0430 0 overdue@1031 3   (row 3 enumerates 一是…；二是…)
    ("云川县看守所", "监管安全", "监室视频监控存在盲区，4个监室放风场无法全覆盖", "检察建议", "云检三部建〔2025〕3号", "对监室及放风场视频监控进行升级改造，消除盲区", "2025年6月30日", "整改中"),
    ("云川县看守所", "在押人员权利保障", "在押人员投诉、控告未登记", "口头纠正", "", "建立在押人员投诉控告登记制度", "立行立改", "已整改"),
    ("云川县看守所", "刑罚执行", "余刑三个月以下罪犯留所服刑审批材料不规范", "纠正违法通知书", "云检三部纠违〔2025〕1号", "一是对2024年以来留所服刑审批材料全面自查；二是完善审批流程，审批结果报县检察院备案", "2025年4月30日", "整改中"),
    ("云川县看守所", "医疗卫生", "在押人员入所健康检查档案不全", "检察建议", "云检三部建〔2025〕3号", "补建入所健康检查档案", "2025年3月31日", "已整改"),
    ("云川县看守所", "教育管理", "在押人员法治教育、心理疏导开展不经常", "检察建议", "云检三部建〔2025〕3号", "建立常态化教育和心理疏导制度", "长期坚持", "长期坚持"),
    # HAND 云川县拘留所: m4 done2 long0 not2 overdue@0430 1 overdue@1031 2
    ("云川县拘留所", "执法规范", "被拘留人出所手续签字不全", "检察建议", "云检三部建〔2025〕5号", "规范出所手续，逐项核对签字", "2025年4月15日", "已整改"),
    ("云川县拘留所", "监管安全", "备勤警力不足，夜间值班仅1人", "检察建议", "云检三部建〔2025〕5号", "调配备勤警力，夜间值班不少于2人", "2025年5月31日", "未整改"),
    ("云川县拘留所", "被拘留人权利保障", "未按规定书面告知被拘留人权利义务", "口头纠正", "", "入所时书面告知权利义务并签字确认", "立行立改", "整改中"),
    ("云川县拘留所", "设施设备", "会见室录音录像设备故障", "检察建议", "云检三部建〔2025〕5号", "维修更换录音录像设备", "2025年3月20日", "已整改"),
    # HAND 云川县公安局执法办案管理中心: m6 done1 long1 not4 overdue@0430 1 overdue@1031 4   (row 3 enumerates 一是…二是…三是…)
    ("云川县公安局执法办案管理中心", "执法办案", "犯罪嫌疑人进出中心登记信息不全", "检察建议", "云检三部建〔2025〕7号", "完善进出中心登记系统必填项", "2025年4月20日", "整改中"),
    ("云川县公安局执法办案管理中心", "安全防范", "讯问室防撞软包破损", "检察建议", "云检三部建〔2025〕7号", "更换讯问室防撞软包", "2025年5月15日", "已整改"),
    ("云川县公安局执法办案管理中心", "涉案财物管理", "涉案财物保管室出入库登记不及时", "纠正违法通知书", "云检三部纠违〔2025〕2号", "一是对在库涉案财物全面清点；二是落实出入库即时登记；三是每季度开展一次自查", "2025年三季度末", "整改中"),
    ("云川县公安局执法办案管理中心", "同步录音录像", "部分案件讯问同步录音录像不完整", "检察建议", "云检三部建〔2025〕7号", "建立同步录音录像质量抽查制度", "长期坚持", "长期坚持"),
]
F2_HAND = {"云川县看守所": (6, 2, 1, 3, 0, 3), "云川县拘留所": (4, 2, 0, 2, 1, 2),
           "云川县公安局执法办案管理中心": (6, 1, 1, 4, 1, 4)}


def f2():
    base = F2[:-4]
    wb = Workbook(); ws = wb.active; ws.title = "整改台账"
    ncol = 11
    title(ws, "A1:K1", "云川县人民检察院2025年看守所巡回检察发现问题整改落实台账")
    long_meta(ws, 2, ncol, "巡回检察时间：2025年3月3日至3月14日　　　　填报单位：云川县人民检察院第三检察部　　　　填报日期：2025年4月28日")
    for col, txt in (("A", "序号"), ("B", "被检察单位"), ("G", "整改措施"), ("H", "整改期限"), ("I", "整改落实情况"),
                     ("J", "承办检察官"), ("K", "备注")):
        ws.merge_cells(f"{col}3:{col}4"); ws[f"{col}3"] = txt
    ws.merge_cells("C3:D3"); ws["C3"] = "发现问题"
    ws.merge_cells("E3:F3"); ws["E3"] = "检察文书"
    header(ws, 4, ["问题类型", "问题描述", "文书类型", "文号"], start=3)
    for c in range(1, ncol + 1):
        ws.cell(3, c).font = Font(bold=True); ws.cell(3, c).alignment = CN
    r = 5; n = 0
    for unit in F2_HAND:
        rows = [x for x in F2_ROWS if x[0] == unit]
        start = r
        pros = person()
        for (_, kind, prob, doc, no, meas, dl, st) in rows:
            n += 1
            for c, v in enumerate([n, None, kind, prob, doc, no, meas, dl, st, pros, ""], 1):
                if v is not None:
                    ws.cell(r, c, v)
            r += 1
        merge_down(ws, 2, start, r - 1, unit)
    frame(ws, 3, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "说明：1.整改落实情况填“已整改”“整改中”“未整改”“长期坚持”；2.被检察单位书面回复整改情况后，由承办检察官核实；"
                  "3.口头纠正事项无文号。")
    ws.cell(r + 1, 1, f"填表人：{person()}"); ws.cell(r + 1, 7, f"部门负责人：{person()}")
    widths(ws, [6, 18, 12, 30, 12, 22, 36, 14, 12, 10, 8])
    tmp = tempfile.mkdtemp(prefix="h13x_")
    src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    lo_convert(src, "xls", OUT); shutil.rmtree(tmp)
    return dict(
        file=F2, kind="检察院 看守所巡回检察 发现问题 整改落实台账 over 被检察单位 (看守所/拘留所/执法办案管理中心), unit merged down, "
                       "two header bands (发现问题, 检察文书), enumerated measures, xls (BIFF8)",
        producer="县人民检察院第三检察部(Excel → LibreOffice 'MS Excel 97')", as_of=AS_OF,
        sheets={"整改台账": dict(header_row="3-4 (groups 发现问题 over 问题类型/问题描述, 检察文书 over 文书类型/文号)", data_rows=len(F2_ROWS),
                               columns=dict(problem="D (问题描述)", measure="G (整改措施; 一是…二是… enumerates)", deadline="H (整改期限)",
                                            status="I (整改落实情况)", unit="B (被检察单位, merged down)", person="J (承办检察官, the prosecutor)",
                                            department=None, completed_on=None))},
        status_map={"已整改": "done", "整改中": "in progress", "未整改": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="units = the three 被检察单位 (merged down); the 检察院第三检察部 (meta, filer) is not a unit, 承办检察官 are persons; 文书类型/文号 "
              "(检察建议, 纠正违法通知书, 口头纠正) are not states; 一是…；二是… in 整改措施 counts as two measures (看守所 row 3, both not done, "
              "due 2025-04-30: not overdue at 04-30, overdue at 10-31), 一是…二是…三是… as three (执法办案管理中心 row 3, due 2025年三季度末 "
              "= 09-30); 立行立改 not done (拘留所) is overdue at both dates; 13 rows, 16 measures",
        counts=recount([(x[0], x[5], x[6], x[7]) for x in F2_ROWS], F2_STATE), hand=F2_HAND,
        unit_sheets={u: ["整改台账"] for u in F2_HAND})


# ================================================================== 3. 公安 户籍人口信息质量核查 (system export xlsx)
F3 = "人口信息管理系统_户籍数据质量问题核查整改_导出20250430.xlsx"
F3_STATE = {"已整改": "done", "待审核": "not", "核查中": "not", "未处理": "not", "退回重办": "not"}
REQ = {"一人多户": "核实户籍，注销重复户口", "重复身份证号": "核实身份，更正重复公民身份号码", "死亡未注销": "核实死亡信息，注销户口",
       "出生未落户": "核实出生信息，督促监护人办理出生登记", "照片缺失": "通知本人采集补录照片", "信息项错误": "核对原始档案，更正民族、文化程度等信息项"}
# (所属派出所, 问题类型, 整改期限, 整改状态)
F3_ROWS = [
    # HAND 云川县公安局城关派出所: m6 done2 long0 not4 overdue@0430 1 overdue@1031 4
    ("云川县公安局城关派出所", "一人多户", "2025-03-31", "已整改"),
    ("云川县公安局城关派出所", "死亡未注销", "2025-03-31", "已整改"),
    ("云川县公安局城关派出所", "重复身份证号", "2025-04-30", "待审核"),
    ("云川县公安局城关派出所", "照片缺失", "2025-05-31", "核查中"),
    ("云川县公安局城关派出所", "信息项错误", "2025-04-15", "退回重办"),
    ("云川县公安局城关派出所", "出生未落户", "2025-06-30", "未处理"),
    # HAND 云川县公安局河口派出所: m5 done3 long0 not2 overdue@0430 1 overdue@1031 1
    ("云川县公安局河口派出所", "死亡未注销", "2025-03-31", "已整改"),
    ("云川县公安局河口派出所", "一人多户", "2025-04-15", "已整改"),
    ("云川县公安局河口派出所", "照片缺失", "2025-04-20", "核查中"),
    ("云川县公安局河口派出所", "信息项错误", "2025-10-31", "未处理"),
    ("云川县公安局河口派出所", "死亡未注销", "2025-03-31", "已整改"),
    # HAND 云川县公安局石门派出所: m4 done2 long0 not2 overdue@0430 1 overdue@1031 2
    ("云川县公安局石门派出所", "出生未落户", "2025-05-31", "已整改"),
    ("云川县公安局石门派出所", "重复身份证号", "2025-03-31", "待审核"),
    ("云川县公安局石门派出所", "一人多户", "2025-04-30", "已整改"),
    ("云川县公安局石门派出所", "死亡未注销", "2025-06-30", "核查中"),
    # HAND 云川县公安局白沙派出所: m5 done3 long0 not2 overdue@0430 0 overdue@1031 2
    ("云川县公安局白沙派出所", "照片缺失", "2025-04-30", "已整改"),
    ("云川县公安局白沙派出所", "信息项错误", "2025-09-30", "核查中"),
    ("云川县公安局白沙派出所", "一人多户", "2025-03-31", "已整改"),
    ("云川县公安局白沙派出所", "死亡未注销", "2025-04-10", "已整改"),
    ("云川县公安局白沙派出所", "重复身份证号", "2025-05-31", "退回重办"),
]
F3_HAND = {"云川县公安局城关派出所": (6, 2, 0, 4, 1, 4), "云川县公安局河口派出所": (5, 3, 0, 2, 1, 1),
           "云川县公安局石门派出所": (4, 2, 0, 2, 1, 2), "云川县公安局白沙派出所": (5, 3, 0, 2, 0, 2)}
F3_COMM = {"云川县公安局城关派出所": ["城关镇东门社区居委会", "城关镇西街社区居委会", "城关镇南湖社区居委会"],
           "云川县公安局河口派出所": ["河口镇河口社区居委会", "河口镇新塘村民委员会"],
           "云川县公安局石门派出所": ["石门乡石门村民委员会", "石门乡高坪村民委员会"],
           "云川县公安局白沙派出所": ["白沙镇白沙村民委员会", "白沙镇新田村民委员会", "白沙镇枫树村民委员会"]}


def f3():
    wb = Workbook(); ws = wb.active; ws.title = "数据列表"
    ws.append([f"导出时间：2025-04-30 08:41:17　导出人：云川县公安局治安户政管理大队 {person()}　查询条件：核查批次=2025年第一批；所属派出所=全部"])
    hdr = ["序号", "问题编号", "问题类型", "公民身份号码", "姓名", "户籍地址", "所属派出所", "所属社区（村）", "核查要求", "整改期限",
           "整改状态", "反馈时间", "核查反馈", "审核人"]
    ws.append(hdr)
    n = 0
    for unit in F3_HAND:
        for (_, kind, dl, st) in [x for x in F3_ROWS if x[0] == unit]:
            n += 1
            comm = R.choice(F3_COMM[unit])
            idno = f"3624{R.randint(10, 99)}{R.choice(['19', '20'])}**********{R.randint(0, 9)}{R.choice('0123456789X')}"
            name = R.choice(SURN) + "*" + ("*" if R.random() < 0.5 else "")
            addr = comm.replace("居委会", "").replace("村民委员会", "村") + f"{R.randint(1, 99)}号"
            fb_time = "" if st == "未处理" else dt.datetime(2025, R.choice([3, 4]), R.randint(1, 28), R.randint(8, 17), R.randint(0, 59), R.randint(0, 59)).strftime("%Y-%m-%d %H:%M:%S")
            fb = {"已整改": "已核实并完成整改", "待审核": "已核实整改，提交审核", "核查中": "正在联系当事人核实", "未处理": "",
                  "退回重办": "整改依据不足，退回"}[st]
            aud = person() if st in ("已整改", "退回重办") else ""
            ws.append([n, f"HJZL2025{R.randint(10, 99)}{n:05d}", kind, idno, name, "江西省云川县" + addr, unit, comm, REQ[kind], dl, st,
                       fb_time, fb, aud])
    wb.save(os.path.join(OUT, F3))
    return dict(
        file=F3, kind="公安 户籍人口信息质量 问题数据核查整改, system export over 派出所, one row per problem record, masked IDs and names, "
                       "export line above the header, export date in the file name",
        producer="人口信息管理系统(导出 xlsx; row 1 export line, header row 2)", as_of=AS_OF,
        sheets={"数据列表": dict(header_row=2, data_rows=len(F3_ROWS), columns=dict(
            problem="C (问题类型) with the person's masked record D-F", measure="I (核查要求; one record = one item)",
            deadline="J (整改期限, ISO text)", status="K (整改状态)", unit="G (所属派出所)", person="N (审核人) / E (姓名 of the resident, masked)",
            department=None, completed_on="L (反馈时间, when the station last answered; not a completion date)"))},
        status_map={"已整改": "done", "待审核": "not done (submitted, awaiting the 户政大队's review)", "核查中": "in progress",
                    "未处理": "not started", "退回重办": "not done (sent back)"},
        notes="units = the four 派出所 of 所属派出所 (full names); 所属社区（村） is the resident's 户籍 community/village, not a unit; the "
              "exporting 治安户政管理大队 (row 1) is not a unit; residents (姓名, 公民身份号码) are persons; no long-term items; "
              "2025-04-30 not done (城关 待审核) is not overdue at 2025-04-30; 2025-10-31 not done (河口) is never overdue here",
        counts=recount([(x[0], REQ[x[1]], x[2], x[3]) for x in F3_ROWS], F3_STATE), hand=F3_HAND,
        unit_sheets={u: ["数据列表"] for u in F3_HAND})


# ================================================================== 4. 税务 纳税缴费服务 明察暗访 (one 区税务局, units = its 股/所; LibreOffice .ods)
F4 = "青山区税务局2025年一季度纳税缴费服务明察暗访发现问题整改台账.ods"
F4_STATE = {"已完成": "done", "正在整改": "not", "未启动": "not", "长期执行": "long"}
# (责任部门, 暗访点位, 发现问题, 整改措施, 计划完成时间, 整改进度, 完成时间)
F4_ROWS = [
    # HAND 第一税务所: m5 done2 long1 not2 overdue@0430 0 overdue@1031 2
    ("第一税务所", "城区办税服务厅", "导税台工作人员未佩戴工号牌", "严格执行着装规范，每日班前检查", "立行立改", "已完成", "2025.3.12"),
    ("第一税务所", "城区办税服务厅", "自助办税终端2台故障未及时报修", "建立自助终端日巡检制度，故障24小时内报修", "2025.4.15", "已完成", "2025.4.10"),
    ("第一税务所", "城区办税服务厅", "高峰时段纳税人等候时间超过30分钟", "增设潮汐窗口，推行预约办税", "2025年上半年", "正在整改", ""),
    ("第一税务所", "城区办税服务厅", "“一次性告知”执行不到位，纳税人多次往返", "开展一次性告知专题培训和抽查", "2025.4.30", "正在整改", ""),
    ("第一税务所", "城区办税服务厅", "窗口人员对新政策业务不熟练", "每周开展岗位练兵", "长期", "长期执行", ""),
    # HAND 第二税务所: m4 done1 long0 not3 overdue@0430 1 overdue@1031 3
    ("第二税务所", "青山镇办税服务厅", "办税服务厅未公示12366及投诉电话", "公示12366纳税缴费服务热线及投诉电话", "立行立改", "已完成", "2025.3.10"),
    ("第二税务所", "青山镇办税服务厅", "社保费缴费咨询答复不准确", "组织社保费政策专题培训", "2025.4.20", "未启动", ""),
    ("第二税务所", "青山镇办税服务厅", "首问责任制落实不到位", "完善首问责任登记，纳入绩效考核", "2025.5.31", "正在整改", ""),
    ("第二税务所", "青山镇办税服务厅", "办税服务厅无障碍设施缺失", "加装无障碍坡道和爱心座椅", "2025.9.30", "正在整改", ""),
    # HAND 纳税服务股: m4 done2 long1 not1 overdue@0430 0 overdue@1031 1
    ("纳税服务股", "12366热线（电话暗访）", "12366热线转办工单回复超时", "建立工单回复时限预警", "2025.3.31", "已完成", "2025.3.28"),
    ("纳税服务股", "网上问卷", "纳税人满意度调查问卷回收率低", "拓宽线上调查渠道", "2025年上半年", "正在整改", ""),
    ("纳税服务股", "城区办税服务厅", "办税指南更新不及时", "每季度更新办税指南", "长期", "长期执行", ""),
    ("纳税服务股", "征纳互动平台", "征纳互动平台人工坐席响应慢", "优化坐席排班，高峰时段增派人员", "2025.4.30", "已完成", "2025.4.25"),
    # HAND 征收管理股: m3 done1 long0 not2 overdue@0430 1 overdue@1031 2
    ("征收管理股", "城区办税服务厅", "部分事项仍要求纳税人报送已取消的资料", "清理报送资料清单并对外公开", "2025.4.25", "正在整改", ""),
    ("征收管理股", "城区办税服务厅", "跨区域涉税事项报验办理时间长", "优化流程，压缩办理时限", "2025.6.30", "未启动", ""),
    ("征收管理股", "青山镇办税服务厅", "非正常户解除流程不清晰", "制定非正常户解除操作指引", "2025.3.31", "已完成", "2025.3.30"),
]
F4_HAND = {"第一税务所": (5, 2, 1, 2, 0, 2), "第二税务所": (4, 1, 0, 3, 1, 3), "纳税服务股": (4, 2, 1, 1, 0, 1),
           "征收管理股": (3, 1, 0, 2, 1, 2)}


def f4():
    base = F4[:-4]
    wb = Workbook(); ws = wb.active; ws.title = "整改台账"
    ncol = 11
    title(ws, "A1:K1", "国家税务总局澜州市青山区税务局2025年一季度纳税缴费服务明察暗访发现问题整改台账")
    long_meta(ws, 2, ncol, "填报单位：区局办公室（督察内审）　　　　　　暗访时间：2025年3月5日—3月7日　　　　　　填报时间：2025年4月28日")
    header(ws, 3, ["序号", "暗访点位", "发现问题", "整改措施", "责任部门", "责任人", "计划完成时间", "整改进度", "完成时间", "局领导", "备注"])
    leads = {u: person() for u in F4_HAND}
    r = 4
    order = sorted(F4_ROWS, key=lambda x: (x[1] != "城区办税服务厅", x[1]))  # written by 暗访点位, units interleaved
    for i, (unit, place, prob, meas, dl, st, fin) in enumerate(order, 1):
        for c, v in enumerate([i, place, prob, meas, unit, person(), dl, st, fin, leads[unit], ""], 1):
            ws.cell(r, c, v)
        r += 1
    frame(ws, 3, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "说明：整改进度填“已完成”“正在整改”“未启动”“长期执行”；已完成的填写完成时间。各责任部门对本部门牵头事项负责，"
                  "办公室（督察内审）跟踪督办。")
    ws.cell(r + 1, 1, f"填报人：{person()}"); ws.cell(r + 1, 5, f"审核：{person()}")
    widths(ws, [6, 16, 30, 32, 12, 9, 14, 10, 12, 9, 8])
    s2 = wb.create_sheet("暗访情况")
    s2["A1"] = "一季度明察暗访基本情况"
    s2["A2"] = "暗访点位"; s2["B2"] = "暗访方式"; s2["C2"] = "发现问题（个）"
    places = {}
    for x in F4_ROWS:
        places[x[1]] = places.get(x[1], 0) + 1
    rr = 3
    for p, k in places.items():
        s2.cell(rr, 1, p); s2.cell(rr, 2, "电话暗访" if "电话" in p else "网上暗访" if p in ("网上问卷", "征纳互动平台") else "现场体验")
        s2.cell(rr, 3, k); rr += 1
    s2.cell(rr, 1, "合计"); s2.cell(rr, 3, len(F4_ROWS))
    tmp = tempfile.mkdtemp(prefix="h13o_")
    src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    lo_convert(src, "ods", OUT); shutil.rmtree(tmp)
    return dict(
        file=F4, kind="税务 纳税缴费服务 明察暗访 发现问题整改台账 of one 区税务局, units = its 责任部门 (税务所/股), rows ordered by 暗访点位 "
                       "with units interleaved, 完成时间 column, second sheet 暗访情况, ods",
        producer="区税务局办公室（督察内审）(Excel → LibreOffice ods)", as_of=AS_OF,
        sheets={"整改台账": dict(header_row=3, data_rows=len(F4_ROWS), columns=dict(
            problem="C (发现问题)", measure="D (整改措施; one row = one item)", deadline="G (计划完成时间)", status="H (整改进度)",
            unit="E (责任部门)", person="F (责任人)", leader="J (局领导)", department="E (责任部门 = the unit)",
            completed_on="I (完成时间)")),
                "暗访情况": dict(header_row=2, data_rows=6, columns=None, note="not a ledger: places visited and counts, 合计 row")},
        status_map={"已完成": "done", "正在整改": "in progress", "未启动": "not started", "长期执行": "long-term (deadline 长期)"},
        notes="the ledger is of one 区税务局 (title); the 说明 says each 责任部门 answers for its own items, so units = the four 责任部门 "
              "(第一税务所, 第二税务所, 纳税服务股, 征收管理股) as written; 暗访点位 (办税服务厅, 热线, 平台) are places, not units; the filing "
              "办公室（督察内审） is not a unit; 局领导/责任人 are persons; the second sheet 暗访情况 is not a ledger; 2025.4.30 not done "
              "(第一税务所) is not overdue at 2025-04-30; 2025年上半年 = 06-30",
        counts=recount([(x[0], x[3], x[4], x[5]) for x in F4_ROWS], F4_STATE), hand=F4_HAND,
        unit_sheets={u: ["整改台账"] for u in F4_HAND})


# ================================================================== 5. 水利 取用水管理专项整治 (CSV GB18030, WPS)
F5 = "云川县2025年取用水管理专项整治问题整改台账.csv"
F5_STATE = {"已整改": "done", "整改中": "not", "未整改": "not", "长期坚持": "long"}
# (取水户名称, 取水口名称, 取水口位置, 问题类型, 问题描述, 整改措施, 整改时限, 整改情况)
F5_ROWS = [
    # HAND 云川县恒丰纸业有限公司: m4 done1 long1 not2 overdue@0430 0 overdue@1031 2
    ("云川县恒丰纸业有限公司", "1号取水口", "河口镇新塘村", "未安装计量设施", "1号取水口未安装取水计量设施", "安装在线计量设施并接入省取用水监管平台", "2025/5/31", "整改中"),
    ("云川县恒丰纸业有限公司", "1号取水口", "河口镇新塘村", "超许可取水", "2024年实际取水量超许可水量12%", "申请变更许可水量，超量部分依法缴纳水资源税", "2025/6/30", "未整改"),
    ("云川县恒丰纸业有限公司", "2号取水口", "河口镇新塘村", "未经批准擅自取水", "2号取水口未办理取水许可", "立即停止取水，补办取水许可手续", "立即整改", "已整改"),
    ("云川县恒丰纸业有限公司", "2号取水口", "河口镇新塘村", "取水台账不规范", "未建立取水台账", "建立取水台账，按月报送取水量", "长期坚持", "长期坚持"),
    # HAND 云川县青龙灌区管理所: m5 done1 long1 not3 overdue@0430 1 overdue@1031 3
    ("云川县青龙灌区管理所", "青龙水库渠首", "龙潭乡青龙村", "计量设施不合格", "渠首计量设施精度不满足要求", "更换合格计量设施", "2025年9月底前", "整改中"),
    ("云川县青龙灌区管理所", "青龙水库渠首", "龙潭乡青龙村", "取水计划未报送", "未按规定报送年度取水计划", "报送2025年度取水计划", "2025/3/31", "已整改"),
    ("云川县青龙灌区管理所", "二干渠分水口", "石门乡高坪村", "取水许可过期", "取水许可证已过有效期", "办理取水许可延续", "2025/4/20", "整改中"),
    ("云川县青龙灌区管理所", "二干渠分水口", "石门乡高坪村", "标识标牌缺失", "取水口未设置标识牌", "设置取水口标识牌", "2025/4/30", "未整改"),
    ("云川县青龙灌区管理所", "二干渠分水口", "石门乡高坪村", "用水定额执行不到位", "灌溉用水超定额", "加强灌溉用水计量和定额管理", "长期坚持", "长期坚持"),
    # HAND 云川县城市供水有限公司: m4 done2 long0 not2 overdue@0430 0 overdue@1031 1
    ("云川县城市供水有限公司", "城北水厂取水泵站", "城关镇西街社区", "在线监测数据中断", "取水在线监测数据中断15天", "修复数据传输设备", "2025/4/10", "已整改"),
    ("云川县城市供水有限公司", "城北水厂取水泵站", "城关镇西街社区", "水源保护标志缺失", "水源地保护标志缺失", "补设水源地保护标志", "2025/4/30", "已整改"),
    ("云川县城市供水有限公司", "城南水厂备用取水口", "城关镇南湖社区", "未办理取水许可", "备用水源取水口未纳入许可管理", "办理备用水源取水许可", "2025年底前", "整改中"),
    ("云川县城市供水有限公司", "城南水厂备用取水口", "城关镇南湖社区", "计量设施未检定", "计量设施未定期检定", "委托有资质机构检定", "2025/5/31", "整改中"),
    # HAND 云川县龙潭山泉饮品有限公司: m3 done1 long0 not2 overdue@0430 1 overdue@1031 2
    ("云川县龙潭山泉饮品有限公司", "1号取水井", "龙潭乡龙潭村", "未安装计量设施", "取水井未安装计量设施", "安装取水计量设施", "2025/4/15", "整改中"),
    ("云川县龙潭山泉饮品有限公司", "1号取水井", "龙潭乡龙潭村", "未办理取水许可", "未取得取水许可", "补办取水许可手续", "2025年9月底前", "未整改"),
    ("云川县龙潭山泉饮品有限公司", "1号取水井", "龙潭乡龙潭村", "取水量未报送", "未按月报送取水量", "按月报送取水量", "立即整改", "已整改"),
]
F5_HAND = {"云川县恒丰纸业有限公司": (4, 1, 1, 2, 0, 2), "云川县青龙灌区管理所": (5, 1, 1, 3, 1, 3),
           "云川县城市供水有限公司": (4, 2, 0, 2, 0, 1), "云川县龙潭山泉饮品有限公司": (3, 1, 0, 2, 1, 2)}


def f5():
    ncol = 14
    pad = lambda xs: xs + [""] * (ncol - len(xs))
    rows = [pad(["云川县2025年取用水管理专项整治问题整改台账"]),
            pad(["填报单位：云川县水利局水资源股", "", "", "", "", "", "", "", "", "", "填报时间：2025年4月29日"]),
            ["序号", "取水户名称", "取水口名称", "取水口位置", "取水类型", "问题类型", "问题描述", "整改措施", "整改时限", "整改情况",
             "取水户联系人", "联系电话", "水利局包保人", "备注"]]
    kinds = {"云川县恒丰纸业有限公司": "工业取水", "云川县青龙灌区管理所": "农业灌溉", "云川县城市供水有限公司": "城乡供水",
             "云川县龙潭山泉饮品有限公司": "工业取水（矿泉水）"}
    n = 0
    for unit in F5_HAND:
        cont, tel, bb = person(), phone(), person()
        prev = None
        for (_, mouth, loc, kind, prob, meas, dl, st) in [x for x in F5_ROWS if x[0] == unit]:
            n += 1
            first = mouth != prev
            rows.append([str(n), unit, mouth if first else "", loc if first else "", kinds[unit], kind, prob, meas, dl, st,
                         cont, tel, bb, ""])
            prev = mouth
    rows.append(pad(["合计", "", "", "", "", "", f"共{n}个问题", "", "", f"已整改{sum(F5_STATE[x[7]] == 'done' for x in F5_ROWS)}个"]))
    rows.append(pad(["说明：1.整改情况填“已整改”“整改中”“未整改”“长期坚持”；2.同一取水口有多个问题的，取水口名称和位置只填第一行；"
                     "3.整改到位后经县水利局现场核查销号。"]))
    rows.append(pad([f"填表人：{person()}", "", "", "", "", "", f"审核人：{person()}"]))
    with open(os.path.join(OUT, F5), "w", encoding="gb18030", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(rows)
    return dict(
        file=F5, kind="水利局 取用水管理专项整治 问题整改台账 over 取水户, 取水口 names only on their first row, 合计 row, CSV GB18030 (WPS)",
        producer="县水利局水资源股(WPS 另存为 CSV, GB18030, CRLF)", as_of=AS_OF,
        sheets={F5[:-4]: dict(header_row=3, data_rows=len(F5_ROWS), columns=dict(
            problem="G (问题描述)", measure="H (整改措施; one row = one item)", deadline="I (整改时限)", status="J (整改情况)",
            unit="B (取水户名称, every row)", person="K (取水户联系人) / M (水利局包保人)", department=None, completed_on=None))},
        status_map={"已整改": "done", "整改中": "in progress", "未整改": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="units = the four 取水户 (written on every row); 取水口名称/取水口位置 (intakes and the villages/communities they sit in) are not "
              "units; the 水利局水资源股 (meta) and its 包保人 are not units; the 合计 row, 说明 and 填表人 lines are not data; 立即整改 rows are "
              "done; 2025年9月底前 = 09-30; 2025/4/30 not done (青龙灌区) is overdue only at 2025-10-31",
        counts=recount([(x[0], x[5], x[6], x[7]) for x in F5_ROWS], F5_STATE), hand=F5_HAND,
        unit_sheets={u: [F5[:-4]] for u in F5_HAND})


# ================================================================== 6. 区市场监管局 化妆品经营使用单位 监督检查 (openpyxl xlsx)
F6 = "青山区市场监督管理局2025年化妆品经营使用单位监督检查问题整改台账.xlsx"
F6_STATE = {"已整改": "done", "限期整改中": "not", "未整改": "not", "长期坚持": "long"}
# (经营使用单位, 所属监管所, 存在问题, 处理措施, 整改要求, 整改期限 (date cell or text), 整改情况)
F6_ROWS = [
    # HAND 澜州市青山区丽人美容会所: m5 done2 long1 not2 overdue@0430 0 overdue@1031 2
    ("澜州市青山区丽人美容会所", "城东市场监管所", "使用的2批次化妆品无中文标签", "立案调查", "停止使用并封存无中文标签化妆品", D(2025, 3, 20), "已整改"),
    ("澜州市青山区丽人美容会所", "城东市场监管所", "未建立化妆品进货查验记录制度", "责令改正", "建立进货查验记录，留存供货者资质", D(2025, 4, 30), "限期整改中"),
    ("澜州市青山区丽人美容会所", "城东市场监管所", "美容器械消毒记录缺失", "责令改正", "建立器械消毒记录", "立即整改", "已整改"),
    ("澜州市青山区丽人美容会所", "城东市场监管所", "从业人员未取得健康证明", "责令改正", "组织从业人员体检并办理健康证明", D(2025, 5, 31), "未整改"),
    ("澜州市青山区丽人美容会所", "城东市场监管所", "未向消费者告知所用产品的使用方法和注意事项", "宣传教育", "在店内公示所用产品信息，服务前逐一告知", "长期坚持", "长期坚持"),
    # HAND 澜州市青山区娇颜化妆品商行: m3 done1 long0 not2 overdue@0430 1 overdue@1031 2
    ("澜州市青山区娇颜化妆品商行", "城东市场监管所", "销售超过使用期限的化妆品", "立案调查", "下架销毁过期化妆品，建立临期商品检查制度", D(2025, 3, 15), "已整改"),
    ("澜州市青山区娇颜化妆品商行", "城东市场监管所", "部分化妆品进货票据不全", "责令改正", "补齐进货票据和供货者资质", D(2025, 4, 20), "限期整改中"),
    ("澜州市青山区娇颜化妆品商行", "城东市场监管所", "未开展化妆品不良反应监测", "约谈提醒", "指定专人负责不良反应监测和报告", D(2025, 6, 30), "限期整改中"),
    # HAND 澜州市青山区名媛美容美体中心: m5 done2 long0 not3 overdue@0430 2 overdue@1031 3
    ("澜州市青山区名媛美容美体中心", "城西市场监管所", "使用未备案的普通化妆品", "立案调查", "停止使用，退回供货商", "立即整改", "已整改"),
    ("澜州市青山区名媛美容美体中心", "城西市场监管所", "宣称祛斑美白功效的产品无特殊化妆品注册证", "立案调查", "下架涉案产品，配合调查处理", D(2025, 4, 10), "未整改"),
    ("澜州市青山区名媛美容美体中心", "城西市场监管所", "化妆品储存场所与生活区未分开", "责令改正", "设置独立储存区", D(2025, 5, 15), "已整改"),
    ("澜州市青山区名媛美容美体中心", "城西市场监管所", "未建立从业人员培训记录", "责令改正", "开展化妆品法规培训并记录", D(2025, 6, 30), "限期整改中"),
    ("澜州市青山区名媛美容美体中心", "城西市场监管所", "自行配制“院线产品”用于顾客", "立案调查", "停止使用自行配制产品", "立即整改", "限期整改中"),
    # HAND 澜州市青山区时尚造型美发店: m3 done3 long0 not0 overdue@0430 0 overdue@1031 0
    ("澜州市青山区时尚造型美发店", "城西市场监管所", "染发剂无特殊化妆品注册证", "立案调查", "下架并封存涉案染发剂", D(2025, 3, 25), "已整改"),
    ("澜州市青山区时尚造型美发店", "城西市场监管所", "进货查验记录不全", "责令改正", "补全进货查验记录", D(2025, 4, 30), "已整改"),
    ("澜州市青山区时尚造型美发店", "城西市场监管所", "产品开封后未标注开封日期", "责令改正", "规范标注开封日期", D(2025, 5, 31), "已整改"),
]
F6_HAND = {"澜州市青山区丽人美容会所": (5, 2, 1, 2, 0, 2), "澜州市青山区娇颜化妆品商行": (3, 1, 0, 2, 1, 2),
           "澜州市青山区名媛美容美体中心": (5, 2, 0, 3, 2, 3), "澜州市青山区时尚造型美发店": (3, 3, 0, 0, 0, 0)}


def f6():
    wb = Workbook(); ws = wb.active; ws.title = "化妆品检查整改"
    ncol = 14
    title(ws, "A1:N1", "青山区市场监督管理局2025年化妆品经营使用单位监督检查问题整改台账")
    long_meta(ws, 2, ncol, "填报科室：药品化妆品监督管理科　　　　检查时间：2025年3月　　　　截至：2025年4月29日")
    header(ws, 3, ["序号", "所属监管所", "经营使用单位名称", "统一社会信用代码", "经营地址", "检查日期", "存在问题", "处理措施",
                   "整改要求", "整改期限", "整改情况", "复查人", "复查日期", "备注"])
    r = 4; n = 0; done = 0
    for unit in F6_HAND:
        rows = [x for x in F6_ROWS if x[0] == unit]
        start = r
        day = D(2025, 3, R.randint(4, 14))
        for (_, office, prob, act, req, dl, st) in rows:
            n += 1
            ws.cell(r, 1, n).alignment = CN
            ws.cell(r, 7, prob); ws.cell(r, 8, act); ws.cell(r, 9, req)
            ws.cell(r, 10, dl)
            if isinstance(dl, D):
                ws.cell(r, 10).number_format = "yyyy/m/d"
            ws.cell(r, 11, st)
            if F6_STATE[st] == "done":
                ws.cell(r, 12, person())
                ws.cell(r, 13, D(2025, 4, R.randint(1, 28))).number_format = "yyyy/m/d"
            done += F6_STATE[st] == "done"
            r += 1
        merge_down(ws, 2, start, r - 1, rows[0][1]); merge_down(ws, 3, start, r - 1, unit)
        merge_down(ws, 4, start, r - 1, f"92361102MA{R.randint(10, 99)}{''.join(R.choice('0123456789ABCDEFGHJKLMNPQRTUWXY') for _ in range(6))}")
        merge_down(ws, 5, start, r - 1, f"青山区{R.choice(['解放路', '八一大道', '建设路', '滨江路'])}{R.randint(1, 300)}号")
        merge_down(ws, 6, start, r - 1, day); ws.cell(start, 6).number_format = "yyyy/m/d"
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=6)
    ws.cell(r, 1, "合计").alignment = CN
    ws.cell(r, 7, f"{n}个问题"); ws.cell(r, 11, f"已整改{done}个")
    frame(ws, 3, r, ncol)
    ws.merge_cells(start_row=r + 1, end_row=r + 1, start_column=1, end_column=ncol)
    ws.cell(r + 1, 1, "注：处理措施为对经营使用单位采取的执法措施，整改情况以监管所复查结果为准；“限期整改中”指尚在整改期限内或已超期未复查合格。")
    ws.cell(r + 2, 1, f"填表人：{person()}"); ws.cell(r + 2, 7, f"科室负责人：{person()}"); ws.cell(r + 2, 11, f"电话：0791-8{R.randint(1000000, 9999999)}")
    widths(ws, [6, 14, 24, 22, 24, 12, 32, 10, 30, 12, 12, 9, 12, 8])
    for col in ("D", "E"):
        ws.column_dimensions[col].hidden = True
    ws.freeze_panes = "D4"
    wb.save(os.path.join(OUT, F6))
    return dict(
        file=F6, kind="区市场监管局 化妆品经营使用单位 监督检查 问题整改台账 over 经营使用单位 (美容院/化妆品店/美发店), unit and 监管所 "
                       "merged down, hidden columns D-E, date-cell deadlines, 合计 row, xlsx",
        producer="区市场监管局药品化妆品监督管理科(Excel手工, openpyxl xlsx)", as_of=AS_OF,
        sheets={"化妆品检查整改": dict(header_row=3, data_rows=len(F6_ROWS), columns=dict(
            problem="G (存在问题)", measure="I (整改要求; one row = one item)", deadline="J (整改期限, date cells; text 立即整改/长期坚持)",
            status="K (整改情况)", unit="C (经营使用单位名称, merged down)", person="L (复查人)", department=None,
            completed_on="M (复查日期)"))},
        status_map={"已整改": "done", "限期整改中": "in progress (注)", "未整改": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="units = the four 经营使用单位 (merged down); 所属监管所 (城东/城西, merged down) are the supervising offices, not units; the filing "
              "科 (meta) is not a unit; hidden columns D-E (信用代码, 地址) hold no state; 处理措施 (立案调查/责令改正/约谈提醒/宣传教育) is not a "
              "state; 立即整改 not done (名媛) is overdue at both dates; 2025/4/30 not done (丽人) is overdue only at 2025-10-31; the 合计 row "
              "and the 注/填表人 footer are not data",
        counts=recount([(x[0], x[4], x[5], x[6]) for x in F6_ROWS], F6_STATE), hand=F6_HAND,
        unit_sheets={u: ["化妆品检查整改"] for u in F6_HAND})


# ================================================================== 7. 镇 村务公开和民主管理 专项检查 over 村 (openpyxl xlsx)
F7 = "白沙镇2025年村务公开和民主管理专项检查问题整改台账.xlsx"
F7_STATE = {"已整改": "done", "整改中": "not", "未整改": "not", "长期坚持": "long"}
# (村, 问题类别, 存在问题, 整改措施, 整改时限, 整改情况)
F7_ROWS = [
    # HAND 白沙村: m5 done2 long1 not2 overdue@0430 1 overdue@1031 2
    ("白沙村", "村务公开", "村务公开栏内容未按季度更新", "每季度第一个月10日前更新公开内容", "立行立改", "已整改"),
    ("白沙村", "财务公开", "2024年度财务收支未逐笔公开", "补充公开2024年度财务收支明细", "4月30日前", "整改中"),
    ("白沙村", "民主决策", "村民代表会议记录不完整，缺少表决结果", "规范会议记录，补齐表决结果", "5月底前", "已整改"),
    ("白沙村", "村务公开", "村级工程项目招投标及验收结果未公开", "补充公开项目招投标及验收结果", "4月15日前", "未整改"),
    ("白沙村", "民主决策", "“四议两公开”程序执行不规范", "严格执行“四议两公开”工作法", "长期坚持", "长期坚持"),
    # HAND 新田村: m4 done1 long1 not2 overdue@0430 0 overdue@1031 2
    ("新田村", "民主监督", "村务监督委员会未列席村“两委”会议", "村务监督委员会主任列席村“两委”会议", "长期坚持", "长期坚持"),
    ("新田村", "村务公开", "低保、临时救助对象未公示", "补充公示并接受群众监督", "立行立改", "已整改"),
    ("新田村", "财务公开", "村集体资产出租合同未公开", "公开资产出租合同及收益情况", "6月30日前", "整改中"),
    ("新田村", "档案管理", "村务公开资料未归档", "整理归档2023年以来公开资料", "9月30日前", "未整改"),
    # HAND 枫树村: m4 done2 long0 not2 overdue@0430 1 overdue@1031 2
    ("枫树村", "财务公开", "村干部报酬发放情况未公开", "公开村干部报酬发放情况", "立行立改", "整改中"),
    ("枫树村", "村务公开", "一事一议筹资筹劳项目未公示", "补充公示项目及资金使用情况", "4月20日前", "已整改"),
    ("枫树村", "民主决策", "村规民约修订未经村民会议表决", "召开村民会议表决修订后的村规民约", "6月30日前", "整改中"),
    ("枫树村", "村务公开", "公开栏设置位置偏僻，群众不便查看", "在村部广场新设公开栏", "5月底前", "已整改"),
    # HAND 上坪村: m3 done2 long0 not1 overdue@0430 0 overdue@1031 1
    ("上坪村", "民主监督", "村级财务票据审批手续不全", "规范票据审批，村务监督委员会审核签字", "4月30日前", "已整改"),
    ("上坪村", "档案管理", "未建立村务公开民主管理台账", "建立村务公开民主管理台账", "5月底前", "整改中"),
    ("上坪村", "村务公开", "村民微信群公开内容与公开栏不一致", "统一公开内容，同步更新", "立行立改", "已整改"),
]
F7_HAND = {"白沙村": (5, 2, 1, 2, 1, 2), "新田村": (4, 1, 1, 2, 0, 2), "枫树村": (4, 2, 0, 2, 1, 2), "上坪村": (3, 2, 0, 1, 0, 1)}


def f7():
    wb = Workbook(); ws = wb.active; ws.title = "整改台账"
    ncol = 10
    title(ws, "A1:J1", "白沙镇2025年村务公开和民主管理专项检查问题整改台账")
    long_meta(ws, 2, ncol, "检查单位：白沙镇纪委、镇民政办、镇农经站　　　　检查时间：2025年3月　　　　填报时间：2025年4月27日")
    for col, txt in (("A", "序号"), ("B", "村别"), ("C", "问题类别"), ("D", "存在问题"), ("E", "整改措施"), ("H", "整改时限"),
                     ("I", "整改情况"), ("J", "备注")):
        ws.merge_cells(f"{col}3:{col}4"); ws[f"{col}3"] = txt
    ws.merge_cells("F3:G3"); ws["F3"] = "整改责任人"
    header(ws, 4, ["包村领导", "村党组织书记"], start=6)
    for c in range(1, ncol + 1):
        ws.cell(3, c).font = Font(bold=True); ws.cell(3, c).alignment = CN
    r = 5; n = 0
    for unit in F7_HAND:
        rows = [x for x in F7_ROWS if x[0] == unit]
        start = r
        lead, sec = person(), person()
        for (_, cat, prob, meas, dl, st) in rows:
            n += 1
            for c, v in enumerate([n, None, cat, prob, meas, None, None, dl, st, ""], 1):
                if v is not None:
                    ws.cell(r, c, v)
            r += 1
        merge_down(ws, 2, start, r - 1, unit)
        merge_down(ws, 6, start, r - 1, lead); merge_down(ws, 7, start, r - 1, sec)
        frame(ws, start, r - 1, ncol)
        r += 1  # a blank row after each village's block
    frame(ws, 3, 4, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "说明：整改时限均为2025年；整改情况填“已整改”“整改中”“未整改”“长期坚持”，整改到位后由镇纪委会同镇民政办验收销号。")
    ws.cell(r + 1, 1, f"填表人：{person()}"); ws.cell(r + 1, 5, f"审核人：{person()}")
    widths(ws, [6, 10, 10, 32, 32, 10, 12, 12, 10, 8])
    ws.freeze_panes = "A5"
    s2 = wb.create_sheet("检查评分")
    header(s2, 1, ["村别", "村务公开（40分）", "民主决策（30分）", "民主监督（30分）", "总分", "等次"])
    for i, unit in enumerate(F7_HAND, 2):
        a, b, c = R.randint(26, 38), R.randint(18, 28), R.randint(18, 28)
        tot = a + b + c
        for k, v in enumerate([unit, a, b, c, tot, "优秀" if tot >= 90 else "良好" if tot >= 80 else "合格" if tot >= 60 else "不合格"], 1):
            s2.cell(i, k, v)
    widths(s2, [10, 16, 16, 16, 8, 8])
    wb.save(os.path.join(OUT, F7))
    return dict(
        file=F7, kind="镇 村务公开和民主管理 专项检查 问题整改台账 over 村, 村别 merged down, group 整改责任人 over 包村领导/村党组织书记, "
                       "blank row after each village, deadlines without a year, second sheet 检查评分, xlsx",
        producer="白沙镇纪委/民政办(Excel手工, openpyxl xlsx)", as_of=AS_OF,
        sheets={"整改台账": dict(header_row="3-4 (merged group 整改责任人 over 包村领导/村党组织书记)", data_rows=len(F7_ROWS), columns=dict(
            problem="D (存在问题)", measure="E (整改措施; one row = one item)", deadline="H (整改时限, no year; 说明: 2025)",
            status="I (整改情况)", unit="B (村别, merged down)", person="G (村党组织书记)", leader="F (包村领导)", department=None,
            completed_on=None)),
                "检查评分": dict(header_row=1, data_rows=4, columns=None, note="not a ledger: scores per village")},
        status_map={"已整改": "done", "整改中": "in progress", "未整改": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="units = the four 村 of 村别 (merged down); the checking 镇纪委/民政办/农经站 (meta) and the 镇 are not units; 包村领导 and 村党组织书记 "
              "are persons; blank rows between villages are not data; deadlines have no year (title and 说明: 2025); 5月底前 = 05-31; "
              "4月30日前 not done (白沙村) is overdue only at 2025-10-31; 立行立改 not done (枫树村) is overdue at both dates; 检查评分 is not a ledger",
        counts=recount([(x[0], x[3], x[4], x[5]) for x in F7_ROWS], F7_STATE), hand=F7_HAND,
        unit_sheets={u: ["整改台账"] for u in F7_HAND})


# ================================================================== 8. 乡镇综合文化站 免费开放绩效评估 (section rows name the unit, openpyxl xlsx)
F8 = "云川县2025年乡镇综合文化站免费开放绩效评估反馈问题整改台账.xlsx"
F8_STATE = {"已完成": "done", "正在推进": "not", "未开展": "not", "长期坚持": "long"}
# (乡镇, 评估指标, 存在问题, 整改措施, 完成期限, 整改进展)
F8_ROWS = [
    # HAND 城关镇: m5 done2 long1 not2 overdue@0430 0 overdue@1031 2
    ("城关镇", "设施设备", "电子阅览室电脑老化，部分无法使用", "更新电子阅览室电脑10台", "2025年6月底前", "正在推进"),
    ("城关镇", "免费开放", "开放时间未达到每周42小时", "调整开放时间，周末正常开放", "立行立改", "已完成"),
    ("城关镇", "活动开展", "全年群众文化活动少于12场", "制定年度活动计划，每月至少开展1场", "长期坚持", "长期坚持"),
    ("城关镇", "档案管理", "活动档案资料不全", "补齐活动图片、签到表等资料", "2025年4月底前", "已完成"),
    ("城关镇", "队伍建设", "文化站专职人员被借调从事其他工作", "落实专职专用，借调人员返岗", "2025年5月", "未开展"),
    # HAND 河口镇: m4 done1 long1 not2 overdue@0430 1 overdue@1031 2
    ("河口镇", "阵地建设", "多功能活动厅被挪作他用（堆放物资）", "清理物资，恢复活动厅功能", "立行立改", "正在推进"),
    ("河口镇", "免费开放", "未公示免费开放项目和时间", "在文化站门口显著位置公示", "2025年4月15日前", "已完成"),
    ("河口镇", "数字文化", "未接入县数字文化馆平台", "接入平台并上传活动信息", "2025年三季度", "正在推进"),
    ("河口镇", "总分馆制", "村级服务点图书流转不到位", "每季度流转图书一次", "长期坚持", "长期坚持"),
    # HAND 石门乡: m5 done1 long0 not4 overdue@0430 1 overdue@1031 3
    ("石门乡", "设施设备", "室外文体广场照明损坏", "维修照明设施", "2025年5月", "已完成"),
    ("石门乡", "活动开展", "“送戏下乡”场次不足", "联系县采茶剧团增加送戏下乡场次", "2025年下半年", "正在推进"),
    ("石门乡", "档案管理", "设施设备台账未建立", "建立设施设备台账", "2025年4月底前", "未开展"),
    ("石门乡", "免费开放", "文化站门口无开放时间标识", "设置开放时间标识牌", "2025年3月底前", "正在推进"),
    ("石门乡", "队伍建设", "文化志愿者队伍未建立", "招募文化志愿者不少于20人", "2025年9月", "正在推进"),
]
F8_HAND = {"城关镇": (5, 2, 1, 2, 0, 2), "河口镇": (4, 1, 1, 2, 1, 2), "石门乡": (5, 1, 0, 4, 1, 3)}


def f8():
    wb = Workbook(); ws = wb.active; ws.title = "Sheet1"
    ncol = 8
    title(ws, "A1:H1", "云川县2025年乡镇综合文化站免费开放绩效评估反馈问题整改台账")
    long_meta(ws, 2, ncol, "填报单位：云川县文化广电新闻出版旅游局公共服务股（盖章）　　评估时间：2025年3月　　填报时间：2025年4月29日")
    header(ws, 3, ["序号", "评估指标", "存在问题", "整改措施", "责任人", "完成期限", "整改进展", "备注"])
    r = 4
    for k, unit in enumerate(F8_HAND):
        ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
        ws.cell(r, 1, f"{'一二三四五'[k]}、{unit}").font = Font(bold=True)
        r += 1
        boss = person()
        for i, (_, ind, prob, meas, dl, st) in enumerate([x for x in F8_ROWS if x[0] == unit], 1):
            for c, v in enumerate([i, ind, prob, meas, f"{boss}（站长）" if i == 1 else boss, dl, st, ""], 1):
                ws.cell(r, c, v)
            r += 1
    frame(ws, 3, r - 1, ncol)
    ws.cell(r + 1, 1, "备注：评估反馈问题须于2025年9月底前全部整改到位，整改情况报县文广新旅局公共服务股。")
    ws.cell(r + 2, 1, f"填表人：{person()}"); ws.cell(r + 2, 4, f"股长：{person()}")
    widths(ws, [6, 12, 34, 34, 16, 14, 12, 8])
    ws.freeze_panes = "A4"
    s2 = wb.create_sheet("评估得分")
    header(s2, 1, ["乡镇", "综合文化站", "评估得分", "评估等级"])
    for i, unit in enumerate(F8_HAND, 2):
        sc = R.randint(68, 88)
        for c, v in enumerate([unit, f"{unit}综合文化站", sc, "二级站" if sc >= 80 else "三级站"], 1):
            s2.cell(i, c, v)
    wb.save(os.path.join(OUT, F8))
    return dict(
        file=F8, kind="文广新旅局 乡镇综合文化站 免费开放绩效评估 反馈问题整改台账 over 乡镇, units named only in section rows "
                       "(一、城关镇 …), seq restarting per section, second sheet 评估得分, xlsx",
        producer="县文广新旅局公共服务股(Excel手工, openpyxl xlsx)", as_of=AS_OF,
        sheets={"Sheet1": dict(header_row=3, data_rows=len(F8_ROWS), columns=dict(
            problem="C (存在问题)", measure="D (整改措施; one row = one item)", deadline="F (完成期限)", status="G (整改进展)",
            unit="section rows 一、城关镇 / 二、河口镇 / 三、石门乡 (merged across)", person="E (责任人)", department=None,
            completed_on=None)),
                "评估得分": dict(header_row=1, data_rows=3, columns=None, note="not a ledger: scores per 文化站")},
        status_map={"已完成": "done", "正在推进": "in progress", "未开展": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="units = the three 乡镇 named in the section rows (their 综合文化站 rectify); the filing 公共服务股 is not a unit; 责任人 (站长) "
              "are persons; 2025年5月 = 05-31, 2025年4月底前 = 04-30 (not overdue at 2025-04-30), 2025年三季度 = 09-30, 2025年9月 = 09-30, "
              "2025年下半年 = 12-31; 立行立改 not done (河口镇) is overdue at both dates; the 备注 line's 2025年9月底前 is a general instruction, "
              "not a row's deadline; footer rows are not data",
        counts=recount([(x[0], x[3], x[4], x[5]) for x in F8_ROWS], F8_STATE), hand=F8_HAND,
        unit_sheets={u: ["Sheet1"] for u in F8_HAND})


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
        for sh in a["sheets"].values():  # the dev24 column keys only: a leader column is told beside the person
            cols = sh.get("columns")
            if cols and "leader" in cols:
                cols["person"] = f"{cols['person']}; leader {cols.pop('leader')}"
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
