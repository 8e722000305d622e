#!/usr/bin/env python3
"""Seeded generator of taizhang holdout 7. `python3 gen.py` (needs openpyxl; soffice for .xls/.ods/Calc xlsx).
Writes files/ and answers.json.

Every ledger's rows are written out by hand below (unit, text, deadline as written, state as written); filler
(people, phones, codes, dates of inspection) comes from random.Random(720251207). Next to each unit's rows is its
HAND count, worked out by hand before the code ran:
    (measures, done, long_term, not_done, overdue at 2025-04-30, overdue at 2025-10-31)
main() recounts every file from the row tables and asserts it equals HAND.
Counting: per LEDGER-SPEC; overdue = not done and (deadline strictly before the as-of date, or an immediate
deadline — no feedback date is configured — every immediate not-done row here was found before 2025-04-30)."""
import calendar, csv, datetime as dt, json, os, random, re, shutil, subprocess, tempfile
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")
D = dt.date
AS_OF = ["2025-04-30", "2025-10-31"]
S = Side(style="thin")
BOX = Border(left=S, right=S, top=S, bottom=S)
AL = Alignment(wrap_text=True, vertical="center")
B = Font(bold=True)
TITLE = Font(size=15, bold=True)


# ------------------------------------------------------------------ helpers
def due_of(x):
    """Deadline as written -> date, 'LT' (long-term) or 'IMM' (immediate). Only the forms these files use."""
    if isinstance(x, dt.datetime):
        return x.date()
    if isinstance(x, dt.date):
        return x
    s = str(x).strip()
    if s in ("长期", "长期坚持"):
        return "LT"
    if s in ("立行立改", "立即整改"):
        return "IMM"
    m = re.match(r"^(\d{4})[年.\-/](\d{1,2})[月.\-/](\d{1,2})", s)
    if m:
        return D(int(m[1]), int(m[2]), int(m[3]))
    m = re.match(r"^(\d{4})年(\d{1,2})月底前?$", s)
    if m:
        y, mo = int(m[1]), int(m[2])
        return D(y, mo, calendar.monthrange(y, mo)[1])
    m = re.match(r"^(\d{4})年第([一二三四])季度$", s)
    if m:
        q = "一二三四".index(m[2]) + 1
        return D(int(m[1]), 3 * q, calendar.monthrange(int(m[1]), 3 * q)[1])
    m = re.match(r"^(\d{4})年\d{1,2}月至(\d{1,2})月$", s)  # a span: the end of its last month
    if m:
        y, mo = int(m[1]), int(m[2])
        return D(y, mo, calendar.monthrange(y, mo)[1])
    m = re.search(r"(\d{1,2})月(\d{1,2})日前", s)  # 6月15日前, 汛前（5月31日前）: the ledger's year 2025
    if m:
        return D(2025, int(m[1]), int(m[2]))
    raise ValueError(s)


def cat_of(smap, st):
    s = str(st).strip()
    for word in sorted(smap, key=len, reverse=True):
        if s.startswith(word):
            return smap[word]
    raise ValueError(s)


def tally(recs):
    """recs: (unit, n, cat, due) -> {unit: {date: five numbers}}."""
    res = {}
    for unit, n, cat, due in recs:
        r = res.setdefault(unit, {d: dict(measures=0, measures_done=0, measures_long_term=0,
                                          measures_not_done=0, overdue=0) for d in AS_OF})
        for d in AS_OF:
            x = r[d]
            x["measures"] += n
            if cat == "done":
                x["measures_done"] += n
            elif cat == "long":
                x["measures_long_term"] += n
            else:
                x["measures_not_done"] += n
                if due == "IMM" or (isinstance(due, D) and due < D.fromisoformat(d)):
                    x["overdue"] += n
    return res


def hand_to_answer(hand):
    return {u: {AS_OF[0]: dict(measures=m, measures_done=dn, measures_long_term=lt, measures_not_done=nd, overdue=o1),
                AS_OF[1]: dict(measures=m, measures_done=dn, measures_long_term=lt, measures_not_done=nd, overdue=o2)}
            for u, (m, dn, lt, nd, o1, o2) in hand.items()}


def lo_convert(src, fmt, outdir):
    prof = tempfile.mkdtemp(prefix="h7lo_")
    try:
        subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless", "--convert-to", fmt,
                        "--outdir", outdir, src], check=True, capture_output=True, timeout=300)
    finally:
        shutil.rmtree(prof, ignore_errors=True)


def frame(ws, r1, r2, ncol):
    for r in range(r1, r2 + 1):
        for c in range(1, ncol + 1):
            ws.cell(r, c).border = BOX
            ws.cell(r, c).alignment = AL


def widths(ws, ws_list):
    for i, w in enumerate(ws_list, 1):
        ws.column_dimensions[get_column_letter(i)].width = w


def merge_col(ws, col, r1, r2, value):
    ws.cell(r1, col, value)
    if r2 > r1:
        ws.merge_cells(start_row=r1, end_row=r2, start_column=col, end_column=col)


def person(rng):
    return rng.choice("张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗") + rng.choice(
        ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "霞", "平", "刚", "建华", "晓东", "志强", "海燕"])


def phone(rng):
    return f"1{rng.choice([35, 37, 38, 39, 58, 59, 87, 88])}{rng.randint(10000000, 99999999)}"


# ------------------------------------------------ 1: 生态环境 排污单位 双随机 执法检查 (openpyxl xlsx), units in section rows
F1_UNITS = [
    ("永宁县华源化工有限公司", "91130529MA0A7H2Q5R001P", "2025年3月6日", [
        ("废气", "RTO焚烧炉燃烧温度记录缺失，VOCs治理设施运行不正常", [
            ("立即修复燃烧温度记录装置，恢复连续记录", "立行立改", "已完成"),
            ("委托第三方检测机构开展VOCs处理效率检测", "2025年5月31日前", "整改中。已与检测机构签订合同，计划5月中旬进场"),
            ("建立治理设施运行台账，专人每日记录", "长期坚持", "长期坚持")]),
        ("危险废物", "危险废物贮存库未设置渗漏液收集设施，标识不规范", [
            ("按规范建设导流沟和渗漏液收集池", "2025年4月30日前", "整改中"),
            ("更换危险废物贮存设施标识及包装识别标签", "2025.3.31", "已完成")]),
        ("排污许可", "未按时提交2024年度排污许可证执行报告", [
            ("在全国排污许可证管理信息平台补报年度执行报告", "立行立改", "未整改")])]),
    # HAND 华源化工: (6, 2, 1, 3, 1, 3) — not: 检测(5-31), 收集池(4-30, on the first date), 执行报告(立行立改)
    ("河北冀安丝网制品有限公司", "91130529MA0B3K8N1X001Q", "2025年3月11日", [
        ("废水", "酸洗废水处理站pH在线监测仪未定期校准", [
            ("委托有资质单位校准在线监测设备", "2025年3月底前", "已完成"),
            ("修订在线监测设备运维管理制度", "2025年4月至6月", "已完成。印发《在线监测设备运维管理制度》，明确校准周期")]),
        ("废气", "酸雾吸收塔喷淋液未及时更换，吸收效率下降", [
            ("更换喷淋液并建立更换记录", "2025年4月15日前", "整改中")]),
        ("固体废物", "一般工业固废堆场未采取防雨、防渗措施", [
            ("新建封闭式一般固废暂存间", "2025年第三季度", "整改中。已完成基础施工，主体钢结构正在安装"),
            ("加强日常巡查，做到日产日清", "长期坚持", "长期坚持")])]),
    # HAND 冀安丝网: (5, 2, 1, 2, 1, 2) — not: 喷淋液(4-15), 暂存间(三季度 = 9-30)
    ("永宁县宏达热电有限公司", "91130529MA0C9D4E6F001R", "2025年3月18日", [
        ("废气", "燃煤锅炉脱硫设施旁路烟道未拆除", [
            ("拆除脱硫旁路烟道并铅封", "2025年3月31日前", "已完成"),
            ("安装视频监控并接入生态环境部门监控平台", "2025年11月30日前", "未整改")]),
        ("扬尘", "煤场抑尘网破损，未实现全封闭", [
            ("建设全封闭储煤棚", "2025年10月31日前", "整改中"),
            ("立即更换破损抑尘网", "立行立改", "已完成")])]),
    # HAND 宏达热电: (4, 2, 0, 2, 0, 0) — not: 视频监控(11-30), 煤棚(10-31, on the second date)
    ("永宁县康泰食品有限公司", "91130529MA0D2M7P3G001S", "2025年3月25日", [
        ("废水", "污水处理站出水化学需氧量超过排放标准", [
            ("调试生化处理系统，增加曝气量", "2025.4.20", "整改中"),
            ("委托监测，达标前限产", "2025.4.30", "已完成")]),
        ("废水", "厂区雨污管网混接", [
            ("开展厂区管网排查，实施雨污分流改造", "2025年8月31日前", "整改中。管网排查已完成，改造工程正在招标")]),
        ("环境管理", "突发环境事件应急预案未备案", [
            ("修编应急预案并报分局备案", "2025年5月底前", "已完成"),
            ("每年至少开展一次突发环境事件应急演练", "长期坚持", "长期坚持")])]),
    # HAND 康泰食品: (5, 2, 1, 2, 1, 2) — not: 生化(4-20), 雨污(8-31)
]
F1_HAND = {"永宁县华源化工有限公司": (6, 2, 1, 3, 1, 3), "河北冀安丝网制品有限公司": (5, 2, 1, 2, 1, 2),
           "永宁县宏达热电有限公司": (4, 2, 0, 2, 0, 0), "永宁县康泰食品有限公司": (5, 2, 1, 2, 1, 2)}
F1_MAP = {"已完成": "done", "整改中": "not", "未整改": "not", "长期坚持": "long"}


def f1(rng):
    name = "永宁县生态环境分局2025年排污单位双随机执法检查发现问题整改台账.xlsx"
    wb = Workbook(); ws = wb.active; ws.title = "整改台账"
    nc = 10
    ws.merge_cells("A1:J1"); ws["A1"] = "永宁县生态环境分局2025年排污单位“双随机、一公开”执法检查发现问题整改台账"; ws["A1"].font = TITLE
    ws.merge_cells("A2:J2")
    ws["A2"] = "填报单位：永宁县生态环境分局综合执法大队　　　　　　　　　　　　截止时间：2025年4月30日"
    ws.merge_cells("A3:A4"); ws["A3"] = "序号"
    ws.merge_cells("B3:D3"); ws["B3"] = "检查发现问题"
    ws.merge_cells("E3:I3"); ws["E3"] = "整改落实情况"
    ws.merge_cells("J3:J4"); ws["J3"] = "备注"
    for c, h in zip("BCDEFGHI", ["检查时间", "问题类型", "存在问题", "整改措施", "整改时限", "企业责任人", "整改情况", "销号时间"]):
        ws[f"{c}4"] = h
    for rr in (3, 4):
        for c in range(1, nc + 1):
            ws.cell(rr, c).font = B
    r = 5; recs = []
    for ui, (unit, code, chk, probs) in enumerate(F1_UNITS):
        ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=nc)
        ws.cell(r, 1, f"{'一二三四五'[ui]}、{unit}（排污许可证编号：{code}）").font = B
        r += 1
        resp = f"环保专员 {person(rng)}"
        for pi, (kind, prob, meas) in enumerate(probs, 1):
            start = r
            for mtxt, due, st in meas:
                ws.cell(r, 5, mtxt); ws.cell(r, 6, due); ws.cell(r, 7, resp); ws.cell(r, 8, st)
                cat = cat_of(F1_MAP, st)
                if cat == "done":
                    dd = due_of(due)
                    sd = D(2025, 3, 28) if dd == "IMM" else min(dd, D(2025, 4, 28)) - dt.timedelta(days=rng.randint(0, 6))
                    ws.cell(r, 9, f"{sd.year}.{sd.month}.{sd.day}")
                recs.append((unit, 1, cat, due_of(due)))
                r += 1
            merge_col(ws, 1, start, r - 1, pi)
            merge_col(ws, 2, start, r - 1, chk)
            merge_col(ws, 3, start, r - 1, kind)
            merge_col(ws, 4, start, r - 1, prob)
    frame(ws, 3, r - 1, nc)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=nc)
    ws.cell(r, 1, "说明：1.整改情况填写“已完成”“整改中”“未整改”“长期坚持”，可附简要进展；2.已完成的须附整改佐证材料，由执法大队现场核查后销号；"
                  "3.本表每月底报分局。")
    ws.cell(r + 1, 1, f"填报人：{person(rng)}"); ws.cell(r + 1, 5, f"审核人：{person(rng)}"); ws.cell(r + 1, 8, "联系电话：0318-6125037")
    widths(ws, [6, 14, 10, 30, 34, 16, 14, 30, 12, 8])
    ws.freeze_panes = "A5"
    wb.save(os.path.join(OUT, name))
    return dict(file=name, kind="生态环境分局 排污单位 双随机执法检查 整改台账, units in section rows, problem merged over several measures, two-row merged header band, openpyxl xlsx",
                producer="县生态环境分局综合执法大队(Excel手工, openpyxl)", as_of=AS_OF,
                sheets={"整改台账": dict(header_row="3-4 (merged groups 检查发现问题 / 整改落实情况 over the field names)",
                                      data_rows=20, columns=dict(
                                          problem="D (存在问题, merged over its measure rows)", measure="E (整改措施)",
                                          deadline="F (整改时限)", status="H (整改情况)",
                                          unit="section rows 一、…（排污许可证编号：…） (the enterprise)", person="G (企业责任人)",
                                          department=None, completed_on="I (销号时间)"))},
                status_map={"已完成 / 已完成。…": "done", "整改中 / 整改中。…": "in progress", "未整改": "not started",
                            "长期坚持": "long-term (deadline 长期坚持)"},
                notes="units = the four 排污单位 named in the section rows (the name before the parenthesised 排污许可证编号); the 执法大队 in the meta row is the filer; 序号/检查时间/问题类型/存在问题 merged over each problem's measure rows; one measure row = one item, no enumerating cell; 说明 and signature rows are not data; 立行立改 not done is overdue on both dates; 2025年第三季度 = 09-30; the span 2025年4月至6月 = 06-30 (a done row); 2025.4.30 and 2025年4月30日前 are not overdue at 04-30, 2025年10月31日前 not at 10-31",
                recs=recs, hand=F1_HAND, unit_sheets={u[0]: ["整改台账"] for u in F1_UNITS})


# ------------------------------------------------ 2: 人社局 劳动保障监察 用人单位专项检查, one sheet per 用人单位 with a labelled form block (LibreOffice xls)
F2_UNITS = [
    ("永宁县恒达纺织有限公司", D(2025, 3, 12), "永宁县城关镇纺织路9号", [
        ("劳动合同", "12名职工未签订书面劳动合同", 12, "与全部在岗职工补签书面劳动合同", D(2025, 3, 31), "已整改"),
        ("工资支付", "未按月足额支付工资，拖欠3月份工资", 35, "立即足额补发拖欠工资", "立即整改", "已整改"),
        ("社会保险", "未为8名职工缴纳社会保险费", 8, "依法补缴社会保险费", D(2025, 4, 30), "整改中"),
        ("工作时间", "安排职工超时加班，月加班超过36小时", 40, "调整排班，控制加班时长", D(2025, 6, 30), "整改中"),
        ("规章制度", "劳动规章制度未经民主程序制定", None, "履行民主程序并向职工公示", D(2025, 5, 15), "已整改")]),
    # HAND 恒达纺织: (5, 3, 0, 2, 0, 2) — not: 社保(4-30, on the first date), 加班(6-30)
    ("永宁县鑫茂建筑劳务有限公司", D(2025, 4, 8), "永宁县经济开发区建设大街66号", [
        ("工资支付", "未建立农民工工资支付台账", None, "建立并按月更新工资支付台账", D(2025, 4, 20), "已整改"),
        ("工资支付", "农民工工资未通过工资专用账户发放", 46, "开设工资专用账户，实行代发", D(2025, 5, 31), "整改中"),
        ("劳动合同", "劳动合同未约定工资支付日期", 46, "变更劳动合同，明确工资支付日期", D(2025, 4, 25), "未整改"),
        ("工资支付", "施工现场未设置维权信息告示牌", None, "在施工现场醒目位置设置维权信息告示牌", D(2025, 7, 31), "已整改"),
        ("社会保险", "未按项目参加工伤保险", 46, "按项目参加工伤保险", D(2025, 4, 30), "已整改"),
        ("工资支付", "拖欠23名农民工工资41.6万元", 23, "限期支付拖欠工资", D(2025, 10, 31), "已立案查处")]),
    # HAND 鑫茂劳务: (6, 3, 0, 3, 1, 2) — not: 专用账户(5-31), 合同(4-25), 拖欠(10-31, on the second date)
    ("永宁县福源食品有限公司", D(2025, 3, 25), "永宁县白河镇工业园区", [
        ("特殊保护", "未成年工未进行入职健康检查", 2, "组织未成年工进行健康检查", D(2025, 4, 10), "已整改"),
        ("特殊保护", "女职工劳动保护措施不到位", 31, "落实女职工孕期、哺乳期保护规定", D(2025, 9, 30), "整改中"),
        ("用工管理", "未建立职工名册", None, "立即建立职工名册备查", "立即整改", "未整改"),
        ("工资支付", "未按规定支付延长工作时间加班费", 18, "补发加班费", D(2025, 4, 15), "已整改")]),
    # HAND 福源食品: (4, 2, 0, 2, 1, 2) — not: 女职工(9-30), 名册(立即整改, checked 3-25)
    ("永宁县安泰物业服务有限公司", D(2025, 4, 16), "永宁县城关镇迎宾路128号", [
        ("劳动合同", "6名保安员未签订劳动合同", 6, "立即补签劳动合同", "立即整改", "已整改"),
        ("工资支付", "保洁员工资低于当地最低工资标准", 9, "按最低工资标准补足差额", D(2025, 4, 30), "已整改"),
        ("社会保险", "未足额缴纳社会保险费", 15, "按实际工资基数补缴", D(2025, 5, 10), "整改中"),
        ("解除合同", "解除劳动合同未依法支付经济补偿", 3, "依法支付经济补偿", D(2025, 6, 30), "未整改"),
        ("工作时间", "保安员连续工作超过12小时", 6, "实行轮班制", D(2025, 4, 28), "已立案查处")]),
    # HAND 安泰物业: (5, 2, 0, 3, 1, 3) — not: 社保(5-10), 补偿(6-30), 轮班(4-28)
]
F2_HAND = {"永宁县恒达纺织有限公司": (5, 3, 0, 2, 0, 2), "永宁县鑫茂建筑劳务有限公司": (6, 3, 0, 3, 1, 2),
           "永宁县福源食品有限公司": (4, 2, 0, 2, 1, 2), "永宁县安泰物业服务有限公司": (5, 2, 0, 3, 1, 3)}
F2_MAP = {"已整改": "done", "整改中": "not", "未整改": "not", "已立案查处": "not"}


def f2(rng):
    base = "永宁县人力资源和社会保障局劳动保障监察专项检查问题整改台账（2025年）"
    wb = Workbook(); w0 = wb.active; w0.title = "填表说明"
    for i, t in enumerate(["填表说明", "1.每个用人单位一张表，表名为用人单位全称；",
                           "2.检查事项按劳动合同、工资支付、社会保险、工作时间、特殊保护、规章制度等填写；",
                           "3.整改结果填写“已整改”“整改中”“未整改”“已立案查处”，“已立案查处”指拒不整改、已转入立案查处程序的问题，按未整改统计；",
                           "4.整改期限为“立即整改”的，应在检查当日整改完毕；", "5.复查后由劳动保障监察员填写复查日期。"], 1):
        w0.cell(i, 1, t)
    w0["A1"].font = B; w0.column_dimensions["A"].width = 100
    recs = []
    nc = 9
    for unit, chk, addr, rows in F2_UNITS:
        ws = wb.create_sheet(unit)
        ws.merge_cells("A1:I1"); ws["A1"] = "劳动保障监察专项检查发现问题整改台账"; ws["A1"].font = TITLE
        ws["A2"] = "用人单位："; ws.merge_cells("B2:D2"); ws["B2"] = unit
        ws["E2"] = "统一社会信用代码："; ws.merge_cells("F2:I2"); ws["F2"] = f"91130529MA0{rng.randint(1000, 9999)}{rng.choice('ABCDEFGH')}{rng.randint(10, 99)}X"
        ws["A3"] = "单位地址："; ws.merge_cells("B3:D3"); ws["B3"] = addr
        ws["E3"] = "法定代表人："; ws.merge_cells("F3:I3"); ws["F3"] = f"{person(rng)}　{phone(rng)}"
        ws["A4"] = "检查日期："; ws.merge_cells("B4:D4"); ws["B4"] = f"{chk.year}年{chk.month}月{chk.day}日"
        ws["E4"] = "劳动保障监察员："; ws.merge_cells("F4:I4"); ws["F4"] = f"{person(rng)}（证号1305{rng.randint(1000, 9999)}）、{person(rng)}"
        for c in ("A2", "A3", "A4", "E2", "E3", "E4"):
            ws[c].font = B
        hdr = ["序号", "检查事项", "存在问题", "涉及人数", "整改要求", "整改期限", "整改结果", "复查日期", "备注"]
        for c, h in enumerate(hdr, 1):
            ws.cell(5, c, h).font = B
        r = 6
        for i, (kind, prob, n, req, due, st) in enumerate(rows, 1):
            ws.cell(r, 1, i); ws.cell(r, 2, kind); ws.cell(r, 3, prob); ws.cell(r, 4, n); ws.cell(r, 5, req)
            if isinstance(due, D):
                ws.cell(r, 6, due).number_format = "yyyy-mm-dd"
            else:
                ws.cell(r, 6, due)
            ws.cell(r, 7, st)
            cat = cat_of(F2_MAP, st)
            if cat == "done":
                rd = chk if not isinstance(due, D) else max(chk, min(due, D(2025, 4, 29)))
                ws.cell(r, 8, rd).number_format = "yyyy-mm-dd"
            if st == "已立案查处":
                ws.cell(r, 9, f"永人社监立字〔2025〕{rng.randint(3, 19)}号")
            recs.append((unit, 1, cat, due_of(due)))
            r += 1
        frame(ws, 5, r - 1, nc)
        ws.cell(r + 1, 1, "用人单位负责人（签字）：")
        ws.cell(r + 1, 5, "劳动保障监察员（签字）：")
        widths(ws, [6, 10, 32, 10, 32, 12, 12, 12, 22])
    tmp = tempfile.mkdtemp(prefix="h7x_")
    src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    lo_convert(src, "xls", OUT); shutil.rmtree(tmp)
    cols = dict(problem="C (存在问题)", measure="E (整改要求; one row = one item)", deadline="F (整改期限, date cells; 立即整改 text)",
                status="G (整改结果)", unit="sheet name = labelled cell B2 after 用人单位：", person=None, department=None,
                completed_on="H (复查日期)")
    return dict(file=base + ".xls",
                kind="人社局 劳动保障监察 用人单位专项检查 整改台账, one sheet per 用人单位 with a labelled form block above the table, 填表说明 sheet, LibreOffice xls",
                producer="县人社局劳动保障监察大队(Excel → LibreOffice 'xls' BIFF8)", as_of=AS_OF,
                sheets={u[0]: dict(header_row=5, data_rows=len(u[3]), columns=cols) for u in F2_UNITS} |
                {"填表说明": dict(header_row=None, data_rows=0, columns=None, note="not a ledger")},
                status_map={"已整改": "done", "整改中": "in progress", "未整改": "not started",
                            "已立案查处": "not done (refused to rectify, passed to a case; 填表说明 3 counts it as not rectified)"},
                notes="units = the four 用人单位, each on its own sheet named after it and named again in the labelled cell 用人单位：; rows 2-4 are a labelled form block (信用代码, address, 法定代表人, 检查日期, 监察员), not data; 填表说明 is not a ledger; 涉及人数 is a number column, not a count of items; one row = one item; 立即整改 is due on the sheet's 检查日期 (all before 04-30): the one not done (福源 职工名册, checked 3-25) is overdue at both dates; date cells yyyy-mm-dd, one on each as-of day not overdue; 备注 holds a case number for 已立案查处 rows; signature row not data",
                recs=recs, hand=F2_HAND, unit_sheets={u[0]: [u[0]] for u in F2_UNITS})


# ------------------------------------------------ 3: 道路交通安全隐患点 排查整治 (LibreOffice ods), 所属乡镇 merged down, 治理责任单位 a second organisation column
F3_UNITS = [
    ("城关镇", [
        ("城关镇", "G234线", "K152+300", "视距不良", "平交路口绿化遮挡视线", "清除路口遮挡绿化，设置减速带", "永宁县公路事业发展中心", "2025年4月30日前", "已完成", "4月22日完成"),
        ("城关镇", "城关大街", "永宁二中门前", "交通设施缺失", "学校门前无人行横道和警示标志", "施划人行横道，设置注意儿童标志", "永宁县公安局交通警察大队", "2025年4月15日前", "治理中", "标志已采购，人行横道待施划"),
        ("城关镇", "S231线", "K8+500", "防护设施缺失", "急弯路段外侧无防护栏", "增设波形护栏300米", "永宁县公路事业发展中心", "2025年7月至9月", "治理中", "已纳入2025年公路安全生命防护工程"),
        ("城关镇", "X012线", "K4+000—K5+200", "长下坡", "长下坡路段无避险车道", "增设避险车道1处", "永宁县交通运输局", "2025年12月31日前", "未启动", "正在编制设计方案"),
        ("城关镇", "城关大街", "农贸市场段", "人车混行", "逢集占道，人车混行", "集日实行交通管控，安排专人疏导", "城关镇人民政府", "长期", "常态化管控", "")]),
    # HAND 城关镇: (5, 1, 1, 3, 1, 2) — not: 人行横道(4-15), 护栏(7月至9月 = 9-30), 避险车道(12-31)
    ("白河镇", [
        ("白河镇", "X015线", "K3+200", "临水临崖", "临水路段无护栏", "增设钢筋混凝土护墙", "永宁县交通运输局", "2025年5月31日前", "已完成", ""),
        ("白河镇", "白河大桥", "桥头", "标志缺失", "桥梁限载标志缺失", "设置限载标志", "永宁县公路事业发展中心", "立行立改", "已完成", ""),
        ("白河镇", "Y021线", "与X015交叉口", "平交路口", "村道与县道交叉口无警示", "设置道口标桩和减速带", "白河镇人民政府", "2025年4月20日前", "未启动", ""),
        ("白河镇", "X015线", "K6+100", "路面病害", "路面坑槽较多", "修补坑槽约800平方米", "永宁县交通运输局", "2025年10月31日前", "治理中", "已完成60%")]),
    # HAND 白河镇: (4, 2, 0, 2, 1, 1) — not: 道口(4-20), 坑槽(10-31, on the second date)
    ("石门乡", [
        ("石门乡", "S231线", "K21+000", "连续弯道", "连续急弯无警示标志", "设置连续弯路标志和线形诱导标", "永宁县公路事业发展中心", "2025年4月30日前", "治理中", ""),
        ("石门乡", "Y105线", "全线", "防护设施缺失", "农村客运线路临崖路段无防护", "增设防护栏", "石门乡人民政府", "2025年6月30日前", "未启动", ""),
        ("石门乡", "S231线", "石门隧道", "照明不足", "隧道照明灯具损坏", "更换照明灯具", "永宁县公路事业发展中心", "2025年3月31日前", "已完成", ""),
        ("石门乡", "Y108线", "漫水路", "涉水路段", "漫水路无水位标尺", "设置水位标尺和警示牌", "石门乡人民政府", "2025年5月15日前", "已完成", ""),
        ("石门乡", "石门集镇", "集镇街道", "违法行为多发", "无牌无证摩托车多", "开展摩托车专项整治", "永宁县公安局交通警察大队", "长期", "常态化管控", "每月开展一次集中整治"),
        ("石门乡", "S231线", "K25+600", "路侧险要", "路侧有深沟无防护", "增设护栏", "永宁县公路事业发展中心", "2025年8月31日前", "治理中", "")]),
    # HAND 石门乡: (6, 2, 1, 3, 0, 3) — not: 弯道(4-30, on the first date), Y105(6-30), 深沟(8-31)
    ("龙泉乡", [
        ("龙泉乡", "X018线", "K2+000", "平交路口", "路口无信号灯，事故多发", "安装信号灯", "永宁县公安局交通警察大队", "2025年6月30日前", "治理中", ""),
        ("龙泉乡", "Y201线", "全线", "路面窄", "村道狭窄，会车困难", "增设错车道4处", "龙泉乡人民政府", "2025年4月25日前", "已完成", ""),
        ("龙泉乡", "X018线", "龙泉中学段", "交通设施缺失", "学校路段无减速设施", "设置减速带", "永宁县交通运输局", "立行立改", "未启动", ""),
        ("龙泉乡", "Y203线", "小河桥", "防护设施损坏", "桥梁护栏破损", "修复护栏", "龙泉乡人民政府", "2025年5月20日前", "已完成", "")]),
    # HAND 龙泉乡: (4, 2, 0, 2, 1, 2) — not: 信号灯(6-30), 减速带(立行立改, found in March)
]
F3_HAND = {"城关镇": (5, 1, 1, 3, 1, 2), "白河镇": (4, 2, 0, 2, 1, 1), "石门乡": (6, 2, 1, 3, 0, 3), "龙泉乡": (4, 2, 0, 2, 1, 2)}
F3_MAP = {"已完成": "done", "治理中": "not", "未启动": "not", "常态化管控": "long"}


def f3(rng):
    base = "永宁县道路交通安全隐患点排查整治台账（分乡镇）"
    wb = Workbook(); ws = wb.active; ws.title = "隐患点台账"
    nc = 12
    ws.merge_cells("A1:L1"); ws["A1"] = "永宁县2025年道路交通安全隐患点排查整治台账"; ws["A1"].font = TITLE
    ws.merge_cells("A2:L2"); ws["A2"] = "填报单位：永宁县道路交通安全工作联席会议办公室　　　　排查时间：2025年3月　　　　更新时间：2025年4月28日"
    for col, txt in (("A", "序号"), ("B", "所属乡镇"), ("E", "隐患类型"), ("F", "隐患描述"), ("G", "整治措施"), ("J", "整治时限")):
        ws.merge_cells(f"{col}3:{col}4"); ws[f"{col}3"] = txt
    ws.merge_cells("C3:D3"); ws["C3"] = "隐患点位"; ws["C4"] = "道路名称"; ws["D4"] = "路线编号及桩号"
    ws.merge_cells("H3:I3"); ws["H3"] = "整治责任"; ws["H4"] = "治理责任单位"; ws["I4"] = "责任人"
    ws.merge_cells("K3:L3"); ws["K3"] = "整治进展"; ws["K4"] = "完成情况"; ws["L4"] = "进展说明"
    for rr in (3, 4):
        for c in range(1, nc + 1):
            ws.cell(rr, c).font = B
    r = 5; seq = 0; recs = []
    for unit, rows in F3_UNITS:
        start = r
        for _, road, pos, kind, desc, meas, resp, due, st, prog in rows:
            seq += 1
            for c, v in enumerate([seq, None, road, pos, kind, desc, meas, resp, person(rng), due, st, prog], 1):
                if v is not None:
                    ws.cell(r, c, v)
            recs.append((unit, 1, cat_of(F3_MAP, st), due_of(due)))
            r += 1
        merge_col(ws, 2, start, r - 1, unit)
    frame(ws, 3, r - 1, nc)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=nc)
    ws.cell(r, 1, "备注：完成情况填写“已完成”“治理中”“未启动”“常态化管控”；“常态化管控”指无法一次性消除、需长期管控的隐患，整治时限填“长期”。")
    ws.cell(r + 1, 1, f"填报人：{person(rng)}"); ws.cell(r + 1, 7, f"审核人：{person(rng)}")
    widths(ws, [6, 10, 12, 16, 12, 28, 28, 24, 10, 16, 12, 26])
    tmp = tempfile.mkdtemp(prefix="h7o_")
    src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    lo_convert(src, "ods", OUT); shutil.rmtree(tmp)
    return dict(file=base + ".ods",
                kind="道路交通安全 隐患点 排查整治 台账 by road section, 所属乡镇 merged down, 治理责任单位 column of other organisations, two-row header band with three group cells, ods",
                producer="县道路交通安全工作联席会议办公室(Excel → LibreOffice ods)", as_of=AS_OF,
                sheets={"隐患点台账": dict(header_row="3-4 (group cells 隐患点位 / 整治责任 / 整治进展 over sub-headers)", data_rows=seq, columns=dict(
                    problem="F (隐患描述)", measure="G (整治措施)", deadline="J (整治时限)", status="K (完成情况; L 进展说明 is narrative)",
                    unit="B (所属乡镇, merged down) — UNCERTAIN: H (治理责任单位) is a second plausible unit column",
                    person="I (责任人)", department="H (治理责任单位)", completed_on=None))},
                status_map={"已完成": "done", "治理中": "in progress", "未启动": "not started",
                            "常态化管控": "long-term (备注 footer: hazards kept under control for good; deadline 长期)"},
                notes="UNCERTAIN FILE (a careful clerk could not be sure). Two organisation columns: 所属乡镇 (B, merged down over each town's hazard points) and 治理责任单位 (H, who must fix each point: 县公路事业发展中心, 县交通运输局, 县公安局交通警察大队, or the town government itself). Best reading, counted here: units = the four 乡镇 — the file name says 分乡镇, the rows are grouped and merged by town as units are, and road-safety hazard points are tracked per town under 属地管理; 治理责任单位 is the doer of a task. The other reading would give seven units (公路事业发展中心 6 items, 交通运输局 4, 交通警察大队 3, 石门乡人民政府 2, 龙泉乡人民政府 2, 城关镇人民政府 1, 白河镇人民政府 1). The filer 联席会议办公室 is not a unit. One row = one item; 进展说明 is narrative; 常态化管控 = long-term per the 备注 footer; 立行立改 not done (龙泉乡 减速带, found in the March check) overdue at both dates; the span 2025年7月至9月 = 09-30; 2025年4月30日前 not overdue at 04-30, 2025年10月31日前 not at 10-31",
                recs=recs, hand=F3_HAND, unit_sheets={u[0]: ["隐患点台账"] for u in F3_UNITS})


# ------------------------------------------------ 4: 农村供水工程 运行管理 问题整改, system export xlsx, unit = 乡镇 inside a 行政区划 path
F4_ROWS = [
    # (乡镇, 村 or None, 工程名称, 工程类型, 问题描述, 整改措施, 计划完成时间, 整改状态)
    ("城关镇", "东关村", "东关村单村供水工程", "单村供水", "水源井未设置防护围栏", "修建防护围栏，设置警示标志", "2025-03-31", "已销号"),
    ("城关镇", None, "城关水厂", "千吨万人", "消毒设备故障，出厂水余氯不达标", "维修次氯酸钠发生器，加密水质检测", "2025-04-15", "整改中"),
    ("城关镇", "西关村", "西关村单村供水工程", "单村供水", "管网老化，漏损率高", "更换主管网2.3公里", "2025-09-30", "整改中"),
    ("城关镇", None, "城关水厂", "千吨万人", "水质化验室未配备检测设备", "配备9项常规指标检测设备", "2025-06-30", "待整改"),
    ("城关镇", None, "城关水厂", "千吨万人", "运行管护制度不健全", "制定运行管护制度并上墙公示", "长期", "长效管护"),
    # HAND 城关镇: (5, 1, 1, 3, 1, 3) — not: 消毒(4-15), 管网(9-30), 化验室(6-30)
    ("河西镇", "王庄村", "王庄村单村供水工程", "单村供水", "蓄水池无盖板", "加装钢筋混凝土盖板", "2025-04-10", "已销号"),
    ("河西镇", None, "河西联村供水站", "联村供水", "未按规定开展水质日检", "每日检测浑浊度、余氯并记录", "2025-04-30", "已销号"),
    ("河西镇", "河西村", "河西联村供水站", "联村供水", "入户水表冻裂未及时更换", "更换冻裂水表56块", "2025-04-30", "整改中"),
    ("河西镇", None, "河西联村供水站", "联村供水", "管护人员未经培训上岗", "组织管护人员岗前培训", "2025-05-31", "已销号"),
    ("河西镇", None, "河西联村供水站", "联村供水", "水源保护区标志缺失", "设立水源保护区界标和警示牌", "2025-06-15", "待整改"),
    ("河西镇", "李家庄村", "李家庄村单村供水工程", "单村供水", "供水时段不足，群众反映用水难", "延长供水时段，实行定时供水公示", "长期", "长效管护"),
    # HAND 河西镇: (6, 3, 1, 2, 0, 2) — not: 水表(4-30, on the first date), 标志(6-15)
    ("石门乡", "石门村", "石门村引泉供水工程", "单村供水", "引泉管道冬季冻管", "管道深埋改造", "2025-10-31", "整改中"),
    ("石门乡", "前坡村", "前坡村单村供水工程", "单村供水", "水费收缴率低，维修资金不足", "建立水费收缴公示制度", "2025-12-31", "整改中"),
    ("石门乡", "后坡村", "后坡村单村供水工程", "单村供水", "消毒设施闲置未运行", "启用消毒设备，明确专人操作", "2025-04-20", "待整改"),
    ("石门乡", "石门村", "石门村引泉供水工程", "单村供水", "无维修养护经费", "将维修养护经费纳入乡财政预算", "2025-08-31", "已销号"),
    # HAND 石门乡: (4, 1, 0, 3, 1, 1) — not: 冻管(10-31, on the second date), 水费(12-31), 消毒(4-20)
    ("马坊乡", "马坊村", "马坊水厂", "千吨万人", "水厂未安装水质在线监测设备", "安装浊度、余氯在线监测仪", "2025-07-31", "整改中"),
    ("马坊乡", "东营村", "马坊水厂", "千吨万人", "管网末梢水浑浊", "冲洗末梢管网，增设排泥阀", "2025-04-05", "已销号"),
    ("马坊乡", "马坊村", "马坊水厂", "千吨万人", "水源井周边50米内有旱厕", "拆除旱厕，清理污染源", "2025-03-31", "已销号"),
    ("马坊乡", "东营村", "东营村单村供水工程", "单村供水", "供水设施产权不清，管护主体不明确", "明确产权归属和管护主体", "长期", "长效管护"),
    # HAND 马坊乡: (4, 2, 1, 1, 0, 1) — not: 在线监测(7-31)
]
F4_HAND = {"城关镇": (5, 1, 1, 3, 1, 3), "河西镇": (6, 3, 1, 2, 0, 2), "石门乡": (4, 1, 0, 3, 1, 1), "马坊乡": (4, 2, 1, 1, 0, 1)}
F4_MAP = {"已销号": "done", "整改中": "not", "待整改": "not", "长效管护": "long"}


def f4(rng):
    name = "农村供水工程问题整改台账_导出_20250430.xlsx"
    wb = Workbook(); ws = wb.active; ws.title = "问题整改台账"
    hdr = ["问题编号", "行政区划", "工程名称", "工程类型", "受益人口（人）", "问题来源", "问题类别", "问题描述", "整改措施",
           "计划完成时间", "整改状态", "实际完成时间", "填报人", "更新时间"]
    ws.append(hdr)
    rows = list(F4_ROWS)
    rng.shuffle(rows)
    recs = []
    for i, (town, vil, proj, typ, prob, meas, due, st) in enumerate(rows, 1):
        path = f"永宁县/{town}" + (f"/{vil}" if vil else "")
        cat = cat_of(F4_MAP, st)
        pop = {"千吨万人": rng.randint(12000, 30000), "联村供水": rng.randint(3000, 8000), "单村供水": rng.randint(300, 1500)}[typ]
        src = rng.choice(["2025年春季农村供水暗访", "县水利局日常检查", "12345热线转办", "2025年春季农村供水暗访"])
        kind = ("水源保护" if "水源" in prob else "水质保障" if any(w in prob for w in ("消毒", "余氯", "浑浊", "化验", "监测", "水质"))
                else "运行管理" if any(w in prob for w in ("制度", "培训", "产权", "经费", "水费", "日检")) else "工程设施")
        done_on = ""
        if cat == "done":
            dd = D.fromisoformat(due)
            done_on = (min(dd, D(2025, 4, 29)) - dt.timedelta(days=rng.randint(0, 5))).isoformat()
        upd = f"2025-04-{rng.randint(20, 30):02d} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
        ws.append([f"NS2025{i:04d}", path, proj, typ, pop, src, kind, prob, meas, due, st, done_on,
                   f"{town}水利站 {person(rng)}", upd])
        recs.append((town, 1, cat, due_of(due)))
    for c in range(1, len(hdr) + 1):
        ws.cell(1, c).font = B
    widths(ws, [12, 24, 22, 10, 12, 20, 10, 30, 30, 14, 10, 14, 20, 20])
    ws.freeze_panes = "A2"; ws.auto_filter.ref = f"A1:N{ws.max_row}"
    wb.save(os.path.join(OUT, name))
    return dict(file=name, kind="农村供水工程运行管理 问题整改 system export, unit = 乡镇 inside a 行政区划 path column, rows in system order, openpyxl xlsx",
                producer="农村供水工程运行管理信息系统(导出xlsx)", as_of=AS_OF,
                sheets={"问题整改台账": dict(header_row=1, data_rows=len(recs), columns=dict(
                    problem="H (问题描述)", measure="I (整改措施)", deadline="J (计划完成时间, ISO text; 长期)", status="K (整改状态)",
                    unit="B (行政区划 path 永宁县/乡镇[/村]: the 乡镇 level)", person="M (填报人)", department=None,
                    completed_on="L (实际完成时间)"))},
                status_map={"已销号": "done", "整改中": "in progress", "待整改": "not started", "长效管护": "long-term (deadline 长期)"},
                notes="units = the four 乡镇 (second level of the 行政区划 path 永宁县/城关镇/东关村; the 千吨万人 / 联村 works have no village level); 工程名称 (water works, some serving several villages) and 村 are not units; rows are in the system's shuffled order, one row = one item; dates ISO text; 2025-04-30 not overdue at 04-30, 2025-10-31 not at 10-31; 更新时间 and 受益人口 are not states",
                recs=recs, hand=F4_HAND, unit_sheets={u: ["问题整改台账"] for u in F4_HAND})




# ------------------------------------------------ 5: 产品质量监督抽查 不合格产品后处理 system export (CSV UTF-8 BOM), unit = 受检单位
F5_ROWS = [
    # (受检单位, 产品名称, 规格型号, 不合格项目, 后处理措施, 整改期限, 处理状态)
    ("永宁县宏利电线电缆有限公司", "聚氯乙烯绝缘电线", "BV 2.5mm²", "导体电阻", "责令停止生产销售，限期整改", "2025-03-20", "已办结"),
    ("永宁县宏利电线电缆有限公司", "聚氯乙烯绝缘电缆", "VV 3×4mm²", "绝缘最薄处厚度", "责令限期整改，整改后复查", "2025-04-15", "复查中"),
    ("永宁县宏利电线电缆有限公司", "聚氯乙烯绝缘软电线", "RVV 2×1.5mm²", "导体电阻", "责令限期整改，整改后复查", "2025-04-30", "待复查"),
    ("永宁县宏利电线电缆有限公司", "聚氯乙烯绝缘电线", "BV 4mm²", "绝缘老化前抗张强度", "责令限期整改", "2025-05-30", "已办结"),
    ("永宁县宏利电线电缆有限公司", "聚氯乙烯绝缘电线", "BV 1.5mm²", "导体电阻、标志", "立案调查，责令召回", "2025-06-30", "立案调查中"),
    # HAND 宏利电缆: (5, 2, 0, 3, 1, 3) — not: 复查中(4-15), 待复查(4-30, on the first date), 立案(6-30)
    ("永宁县金丰化肥有限公司", "复合肥料", "15-15-15", "总养分", "责令停止销售，限期整改", "2025-03-31", "已办结"),
    ("永宁县金丰化肥有限公司", "复合肥料", "17-17-17", "总养分、水溶性磷占有效磷百分率", "立案调查", "2025-04-20", "立案调查中"),
    ("永宁县金丰化肥有限公司", "有机肥料", "40kg/袋", "有机质含量", "责令限期整改，整改后复查", "2025-05-31", "待复查"),
    ("永宁县金丰化肥有限公司", "复合肥料", "20-10-10", "标识", "责令整改标识", "2025-04-10", "已办结"),
    # HAND 金丰化肥: (4, 2, 0, 2, 1, 2) — not: 立案(4-20), 有机肥(5-31)
    ("永宁县美家家具有限公司", "板式衣柜", "YG-1800", "甲醛释放量", "责令停止销售，限期整改", "2025-04-25", "已办结"),
    ("永宁县美家家具有限公司", "实木书桌", "SZ-1200", "稳定性", "责令限期整改，整改后复查", "2025-10-31", "复查中"),
    ("永宁县美家家具有限公司", "儿童床", "ET-1500", "护栏高度", "责令停止销售，限期整改", "2025-04-18", "复查中"),
    ("永宁县美家家具有限公司", "办公椅", "BY-05", "扶手强度", "责令限期整改", "2025-03-31", "已办结"),
    # HAND 美家家具: (4, 2, 0, 2, 1, 1) — not: 书桌(10-31, on the second date), 儿童床(4-18)
    ("永宁县安康防护用品有限公司", "日常防护型口罩", "17.5cm×9.5cm", "过滤效率", "责令停止生产销售，限期整改", "2025-04-05", "已办结"),
    ("永宁县安康防护用品有限公司", "防护手套", "L号", "耐磨性能", "责令限期整改，整改后复查", "2025-05-20", "待复查"),
    ("永宁县安康防护用品有限公司", "安全帽", "ABS-Ⅱ型", "冲击吸收性能", "责令限期整改", "2025-04-30", "已办结"),
    # HAND 安康防护: (3, 2, 0, 1, 0, 1) — not: 手套(5-20)
]
F5_HAND = {"永宁县宏利电线电缆有限公司": (5, 2, 0, 3, 1, 3), "永宁县金丰化肥有限公司": (4, 2, 0, 2, 1, 2),
           "永宁县美家家具有限公司": (4, 2, 0, 2, 1, 1), "永宁县安康防护用品有限公司": (3, 2, 0, 1, 0, 1)}
F5_MAP = {"已办结": "done", "复查中": "not", "待复查": "not", "立案调查中": "not"}


def f5(rng):
    name = "产品质量监督抽查后处理_不合格产品处理情况导出_20250430.csv"
    hdr = ["任务编号", "抽样单编号", "抽查类别", "产品名称", "规格型号", "生产日期/批号", "受检单位", "受检单位所在乡镇",
           "标称生产者", "检验机构", "检验结论", "不合格项目", "后处理措施", "整改期限", "复查日期", "复查结论", "处理状态", "承办人"]
    towns = {"永宁县宏利电线电缆有限公司": "永宁经济开发区", "永宁县金丰化肥有限公司": "白河镇",
             "永宁县美家家具有限公司": "城关镇", "永宁县安康防护用品有限公司": "永宁经济开发区"}
    rows = list(F5_ROWS)
    rng.shuffle(rows)
    out = [hdr]; recs = []
    for i, (unit, prod, spec, bad, meas, due, st) in enumerate(rows, 1):
        cat = cat_of(F5_MAP, st)
        task = rng.choice(["SJCC2024-Q4", "SJCC2025-Q1"])
        made = D(2024, rng.randint(8, 12), rng.randint(1, 28))
        dd = D.fromisoformat(due)
        recheck = ""
        concl = ""
        if cat == "done":
            recheck = (min(dd, D(2025, 4, 29)) - dt.timedelta(days=rng.randint(0, 6))).isoformat(); concl = "合格"
        elif st == "复查中":
            recheck = (min(dd, D(2025, 4, 29)) - dt.timedelta(days=rng.randint(0, 3))).isoformat(); concl = ""
        out.append([task, f"XC2025{rng.randint(100000, 999999)}", "生产领域", prod, spec, made.strftime("%Y%m%d") + f"/{rng.randint(1, 40):03d}",
                    unit, towns[unit], unit, rng.choice(["河北省产品质量监督检验研究院", "衡水市产品质量监督检验所"]), "不合格",
                    bad, meas, due, recheck, concl, st, f"质量股 {person(rng)}"])
        recs.append((unit, 1, cat, due_of(due)))
    with open(os.path.join(OUT, name), "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(out)
    return dict(file=name, kind="市场监管局 产品质量监督抽查 不合格产品后处理 system export, one unqualified batch per row, CSV UTF-8 BOM",
                producer="产品质量监督抽查管理系统 后处理模块(导出CSV, UTF-8 BOM, LF)", as_of=AS_OF,
                sheets={name[:-4]: dict(header_row=1, data_rows=len(recs), columns=dict(
                    problem="L (不合格项目) with D (产品名称)", measure="M (后处理措施; one batch = one item)", deadline="N (整改期限, ISO)",
                    status="Q (处理状态)", unit="G (受检单位)", person="R (承办人, the market-regulation officer)", department=None,
                    completed_on="O (复查日期)"))},
                status_map={"已办结": "done", "复查中": "in progress (re-inspection under way)", "待复查": "not done (awaiting re-inspection)",
                            "立案调查中": "not done (case opened)"},
                notes="units = the four 受检单位 (production-sphere sampling: 标称生产者 is the same enterprise); 受检单位所在乡镇, 检验机构 and 承办人 are not units; rows are in the system's shuffled order; one unqualified batch = one item; 检验结论 不合格 is the same on every row and is not a state; 复查结论 is filled only when the re-inspection is finished; 2025-04-30 not overdue at 04-30, 2025-10-31 not at 10-31; no long-term",
                recs=recs, hand=F5_HAND, unit_sheets={u: [name[:-4]] for u in F5_HAND})


# ------------------------------------------------ 6: 巩固拓展脱贫攻坚成果 考核评估 反馈问题 (Calc-written xlsx), 乡镇 merged down, problem over measures, 一是…二是… cell, column-number row
F6_UNITS = [
    ("城关镇", [
        ("防止返贫监测", "防止返贫动态监测识别不精准，2户应纳未纳", [
            ("开展防止返贫监测集中排查，符合条件的及时纳入", "副镇长 孙丽", "2025年3月31日前", "已完成"),
            ("建立部门数据比对预警机制", "副镇长 孙丽", "长期", "长期坚持")]),
        ("产业帮扶", "产业帮扶项目联农带农机制不健全", [
            ("一是完善项目联农带农协议；二是落实脱贫户收益分红；三是建立项目资产管理台账", "副镇长 周涛", "2025年4月30日前", "正在推进")]),
        ("金融帮扶", "脱贫人口小额信贷逾期率偏高", [
            ("逐户核实逾期原因，制定清收方案", "副镇长 周涛", "2025年6月底前", "已完成，已清收逾期贷款12笔"),
            ("加强贷前审核和贷后管理", "副镇长 周涛", "2025年5月31日前", "未完成")]),
        ("就业帮扶", "乡村公益岗位管理不规范，考勤记录缺失", [
            ("规范公益岗位考勤和补贴发放", "副镇长 孙丽", "2025.4.15", "正在推进")])]),
    # HAND 城关镇: (8, 2, 1, 5, 1, 5) — the 一是二是三是 cell = 3 measures (not, 4-30 on the first date); not: 贷后(5-31), 公益岗(4-15)
    ("白河镇", [
        ("住房安全", "部分脱贫户住房安全等级评定未及时更新", [
            ("开展农村低收入人口住房安全动态排查", "副镇长 郑强", "2025年4月10日前", "已完成"),
            ("完成2户C级危房加固", "副镇长 郑强", "2025年4月10日前", "已完成")]),
        ("饮水安全", "2个村存在季节性缺水", [
            ("新建蓄水池2座", "副镇长 郑强", "2025年5月底前", "正在推进")]),
        ("帮扶工作", "帮扶干部入户走访记录不实", [
            ("组织帮扶干部重新入户走访，如实填写记录", "镇党委副书记 王芳", "立行立改", "已完成")]),
        ("项目资产", "扶贫项目资产管护责任不落实", [
            ("逐项明确管护主体和管护责任", "镇党委副书记 王芳", "长期", "长期坚持"),
            ("开展扶贫项目资产清查", "镇党委副书记 王芳", "2025年9月30日前", "未完成")])]),
    # HAND 白河镇: (6, 3, 1, 2, 0, 2) — not: 蓄水池(5-31), 清查(9-30)
    ("龙泉乡", [
        ("教育保障", "教育资助政策落实不到位，1名学生漏享", [
            ("补发资助资金", "副乡长 陈刚", "2025年4月20日前", "已完成"),
            ("建立控辍保学动态监测机制", "副乡长 陈刚", "长期", "长期坚持")]),
        ("医疗保障", "脱贫人口医保参保存在漏保", [
            ("逐户排查，补录参保", "副乡长 陈刚", "2025年4月25日前", "正在推进")]),
        ("就业帮扶", "帮扶车间吸纳脱贫劳动力不足", [
            ("引导帮扶车间扩大吸纳脱贫劳动力", "副乡长 刘洋", "2025年10月31日前", "正在推进"),
            ("开展脱贫劳动力技能培训", "副乡长 刘洋", "2025年12月底前", "未完成")])]),
    # HAND 龙泉乡: (5, 1, 1, 3, 1, 1) — not: 医保(4-25), 车间(10-31, on the second date), 培训(12-31)
]
F6_HAND = {"城关镇": (8, 2, 1, 5, 1, 5), "白河镇": (6, 3, 1, 2, 0, 2), "龙泉乡": (5, 1, 1, 3, 1, 1)}
F6_MAP = {"已完成": "done", "正在推进": "not", "未完成": "not", "长期坚持": "long"}


def n_items(cell):
    parts = re.findall(r"(?:^|；)(?:\d\.|[一二三四五六七八九]是)", cell)
    return len(parts) if len(parts) >= 2 else 1


def f6(rng):
    base = "永宁县2024年度巩固拓展脱贫攻坚成果考核评估反馈问题整改台账"
    wb = Workbook(); ws = wb.active; ws.title = "整改台账"
    nc = 9
    ws.merge_cells("A1:I1"); ws["A1"] = base; ws["A1"].font = TITLE
    ws.merge_cells("A2:I2"); ws["A2"] = "反馈单位：市巩固拓展脱贫攻坚成果考核评估组　　　　填报单位：永宁县乡村振兴局　　　　填报日期：2025年4月28日"
    for col, txt in (("A", "序号"), ("B", "乡镇"), ("C", "问题类别"), ("D", "反馈问题"), ("E", "整改措施"),
                     ("H", "整改时限"), ("I", "整改进展")):
        ws.merge_cells(f"{col}3:{col}4"); ws[f"{col}3"] = txt
    ws.merge_cells("F3:G3"); ws["F3"] = "整改责任"; ws["F4"] = "责任领导"; ws["G4"] = "责任人"
    for rr in (3, 4):
        for c in range(1, nc + 1):
            ws.cell(rr, c).font = B
    for c in range(1, nc + 1):
        ws.cell(5, c, c).alignment = Alignment(horizontal="center")
    r = 6; seq = 0; recs = []
    for unit, probs in F6_UNITS:
        ustart = r
        for kind, prob, meas in probs:
            seq += 1
            pstart = r
            for mtxt, lead, due, st in meas:
                ws.cell(r, 5, mtxt); ws.cell(r, 6, lead); ws.cell(r, 7, f"{unit[:2]}乡村振兴办 {person(rng)}"); ws.cell(r, 8, due); ws.cell(r, 9, st)
                recs.append((unit, n_items(mtxt), cat_of(F6_MAP, st), due_of(due)))
                r += 1
            merge_col(ws, 1, pstart, r - 1, seq)
            merge_col(ws, 3, pstart, r - 1, kind)
            merge_col(ws, 4, pstart, r - 1, prob)
        merge_col(ws, 2, ustart, r - 1, unit)
    frame(ws, 3, r - 1, nc)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=nc)
    ws.cell(r, 1, "注：整改进展填写“已完成”“正在推进”“未完成”“长期坚持”；“长期坚持”类措施整改时限填“长期”。")
    ws.cell(r + 1, 1, f"填报人：{person(rng)}"); ws.cell(r + 1, 5, f"审核人：{person(rng)}")
    widths(ws, [6, 10, 14, 30, 44, 18, 20, 16, 24])
    ws2 = wb.create_sheet("问题统计")
    ws2.append(["乡镇", "反馈问题（个）", "整改措施（条）", "备注"])
    for unit, probs in F6_UNITS:
        ws2.append([unit, len(probs), sum(len(m) for _, _, m in probs), ""])
    tmp = tempfile.mkdtemp(prefix="h7c_")
    src = os.path.join(tmp, "in", base + ".xlsx"); os.makedirs(os.path.dirname(src)); wb.save(src)
    lo_convert(src, "xlsx:Calc MS Excel 2007 XML", tmp)
    shutil.copy(os.path.join(tmp, base + ".xlsx"), os.path.join(OUT, base + ".xlsx")); shutil.rmtree(tmp)
    return dict(file=base + ".xlsx",
                kind="乡村振兴局 巩固拓展脱贫攻坚成果 考核评估 反馈问题 整改台账 over towns, town merged down, problem merged over measures, an enumerating 一是…二是… cell, column-number row, 问题统计 side sheet, Calc-written xlsx",
                producer="县乡村振兴局(Excel → LibreOffice Calc xlsx)", as_of=AS_OF,
                sheets={"整改台账": dict(header_row="3-4 (group 整改责任 over 责任领导 / 责任人); row 5 is a column-number row 1..9, not data",
                                      data_rows=r - 6, columns=dict(
                    problem="D (反馈问题, merged over its measure rows)", measure="E (整改措施; one enumerating cell 一是…；二是…；三是… = 3 measures)",
                    deadline="H (整改时限)", status="I (整改进展)", unit="B (乡镇, merged down)", person="G (责任人)",
                    department=None, completed_on=None)),
                        "问题统计": dict(header_row=1, data_rows=3, columns=None, note="not a ledger: problems and measure rows per town")},
                status_map={"已完成 / 已完成，…": "done", "正在推进": "in progress", "未完成": "in progress (not done)",
                            "长期坚持": "long-term (deadline 长期)"},
                notes="units = the three 乡镇 of column B (merged down); the 市考核评估组 and the 县乡村振兴局 in the meta row are not units; row 5 (1..9) is a column-number row; 序号/问题类别/反馈问题 merged over each problem's measure rows; the 城关镇 产业帮扶 cell enumerates 一是…；二是…；三是… = 3 measures (all 正在推进, due 2025年4月30日前: not overdue at 04-30, 3 overdue at 10-31); 问题统计 counts measure rows, not measures, and is not a ledger; 注 and signature rows not data",
                recs=recs, hand=F6_HAND, unit_sheets={u[0]: ["整改台账"] for u in F6_UNITS})


# ------------------------------------------------ 7: 政府网站和政务新媒体 检查, one sheet per department named Sheet1..Sheet4 (+ empty Sheet5), unit in the title only
F7_UNITS = [
    ("永宁县教育局", "Sheet1", "是否完成", 3, [
        ("“永宁教育”微信公众号", "超过2周未更新", "明确专人负责，按周更新", "立行立改", "是", "已更新并建立更新台账"),
        ("永宁县教育局网站", "政策解读栏目空白", "补充发布政策解读", "2025年4月15日前", "是", "已发布政策解读4篇"),
        ("永宁县教育局网站", "存在错别字3处", "逐篇排查修改", "2025年5月31日前", "否", "已完成排查，待技术公司修改"),
        ("永宁县教育局网站", "信息发布三审制度未落实", "严格执行信息发布三审制度", "长期坚持", "长期", ""),
        ("“永宁教育”抖音号", "政务新媒体未按规定备案", "向县政府办公室备案", "2025年4月20日前", "否", "备案材料已报送")]),
    # HAND 教育局: (5, 2, 1, 2, 1, 2) — not: 错别字(5-31), 备案(4-20)
    ("永宁县卫生健康局", "Sheet2", "是否完成", 3, [
        ("永宁县卫生健康局网站", "互动回应超过规定时限", "及时答复群众留言", "2025年4月30日前", "是", "已全部答复"),
        ("永宁县卫生健康局网站", "部分外部链接失效", "清理修复失效链接", "2025年4月30日前", "否", "正在逐条核查"),
        ("“健康永宁”微信公众号", "转载信息未注明来源", "补注来源，规范转载", "2025年6月30日前", "否", ""),
        ("永宁县卫生健康局网站", "公示信息中个人身份证号未脱敏", "立即删除并脱敏处理", "立行立改", "是", "已处理")]),
    # HAND 卫生健康局: (4, 2, 0, 2, 0, 2) — not: 外链(4-30, on the first date), 转载(6-30)
    ("永宁县自然资源和规划局", "Sheet3", "完成情况", 4, [
        ("永宁县自然资源和规划局网站", "规划批前公示信息不全", "补充公示规划总平面图", "2025年5月15日前", "未完成", ""),
        ("永宁县自然资源和规划局网站", "首页“通知公告”栏目空白", "补充发布信息", "立行立改", "完成", ""),
        ("“永宁自然资源”公众号", "长期未更新的“僵尸”账号未关停", "注销账号", "2025年4月10日前", "完成", ""),
        ("永宁县自然资源和规划局网站", "信息更新不及时", "落实信息更新制度", "长期坚持", "长期", ""),
        ("永宁县自然资源和规划局网站", "2024年政府信息公开年报未发布", "编制并发布年报", "2025年7月31日前", "未完成", "正在编制"),
        ("永宁县自然资源和规划局网站", "无障碍浏览功能缺失", "开通无障碍浏览功能", "2025年4月25日前", "未完成", "已联系技术公司")]),
    # HAND 自然资源和规划局: (6, 2, 1, 3, 1, 3) — not: 公示(5-15), 年报(7-31), 无障碍(4-25)
    ("永宁县城市管理综合行政执法局", "Sheet4", "是否完成", 2, [
        ("永宁县城市管理综合行政执法局网站", "群众留言回复不及时", "3个工作日内回复留言", "2025年4月18日前", "是", ""),
        ("“永宁城管”微信公众号", "菜单栏链接失效", "修复菜单栏链接", "2025年10月31日前", "否", "新版公众号正在开发"),
        ("永宁县城市管理综合行政执法局网站", "行政执法公示信息未公开", "公开执法主体、人员、职责等信息", "2025年4月30日前", "是", "")]),
    # HAND 城管执法局: (3, 2, 0, 1, 0, 0) — not: 菜单栏(10-31, on the second date)
]
F7_HAND = {"永宁县教育局": (5, 2, 1, 2, 1, 2), "永宁县卫生健康局": (4, 2, 0, 2, 0, 2),
           "永宁县自然资源和规划局": (6, 2, 1, 3, 1, 3), "永宁县城市管理综合行政执法局": (3, 2, 0, 1, 0, 0)}
F7_MAP = {"是": "done", "否": "not", "长期": "long", "完成": "done", "未完成": "not"}
F7_SUFFIX = "政府网站和政务新媒体检查问题整改台账"


def f7(rng):
    name = "永宁县政府网站和政务新媒体2025年第一季度检查问题整改台账（各单位报送）.xlsx"
    wb = Workbook(); wb.remove(wb.active)
    recs = []
    for unit, sheet, stcol, hdr_row, rows in F7_UNITS:
        ws = wb.create_sheet(sheet)
        hdr = ["序号", "网站/新媒体名称", "检查发现问题", "整改措施", "整改时限", "责任人", stcol, "整改进展"]
        ws.merge_cells("A1:H1"); ws["A1"] = f"{unit}{F7_SUFFIX}"; ws["A1"].font = TITLE
        if hdr_row >= 3:
            ws.merge_cells("A2:H2"); ws["A2"] = f"填报日期：2025年4月{rng.randint(24, 29)}日　　　联系人：{person(rng)}　　　联系电话：{phone(rng)}"
        if hdr_row == 4:
            ws.merge_cells("A3:H3"); ws["A3"] = "检查单位：永宁县人民政府办公室（政务公开办）　　　检查时间：2025年3月下旬"
        for c, h in enumerate(hdr, 1):
            ws.cell(hdr_row, c, h).font = B
        r = hdr_row + 1
        mgr = person(rng)
        for i, (site, prob, meas, due, st, prog) in enumerate(rows, 1):
            for c, v in enumerate([i, site, prob, meas, due, f"办公室 {mgr}", st, prog], 1):
                ws.cell(r, c, v)
            recs.append((unit, 1, cat_of(F7_MAP, st), due_of(due)))
            r += 1
        frame(ws, hdr_row, r - 1, 8)
        ws.cell(r + 1, 1, "单位负责人（签字）：　　　　　　　　　（公章）")
        widths(ws, [6, 26, 30, 30, 16, 16, 10, 30])
    wb.create_sheet("Sheet5")
    wb.save(os.path.join(OUT, name))
    cols = lambda st: dict(problem="C (检查发现问题)", measure="D (整改措施)", deadline="E (整改时限)",
                           status=f"G ({st}; H 整改进展 is narrative)", unit=f"the title in row 1 (…{F7_SUFFIX})",
                           person="F (责任人)", department=None, completed_on=None)
    return dict(file=name,
                kind="政府办(政务公开办) 政府网站和政务新媒体 检查 整改台账 returned by county departments, pasted one per sheet Sheet1..Sheet4 (+ empty Sheet5), unit named only in each sheet's title, openpyxl xlsx",
                producer="县政府办公室政务公开办(汇总各单位报送表, WPS/Excel, openpyxl)", as_of=AS_OF,
                sheets={u[1]: dict(header_row=u[3], data_rows=len(u[4]), columns=cols(u[2])) for u in F7_UNITS} |
                {"Sheet5": dict(header_row=None, data_rows=0, columns=None, note="empty")},
                status_map={"是": "done", "否": "not done", "长期": "long-term (deadline 长期坚持)", "完成": "done (Sheet3)",
                            "未完成": "not done (Sheet3)"},
                notes="units = the four county departments, each named only in the title of its sheet (sheets are Sheet1..Sheet4; Sheet5 is empty); 网站/新媒体名称 (the department's website and accounts) is not a unit; the 政府办公室 in Sheet3's meta row is the inspector; header on row 3 (Sheet1, Sheet2), row 4 (Sheet3, two meta rows) or row 2 (Sheet4, no meta row); the state is 是否完成 (是/否/长期) or on Sheet3 完成情况 (完成/未完成/长期) — 整改进展 is narrative (a 否 row may begin 已完成排查…); one row = one item; signature rows not data",
                recs=recs, hand=F7_HAND, unit_sheets={u[0]: [u[1]] for u in F7_UNITS})


# ------------------------------------------------ 8: 创建国家卫生县城 暗访 问题交办 (CSV GB18030, WPS), units = 街道/开发区 in section lines
F8_UNITS = [
    ("城关街道", [
        ("农贸市场", "东关农贸市场", "活禽交易区未实行隔离宰杀", "设置独立活禽宰杀间", "2025年5月31日前", "整改中"),
        ("背街小巷", "南街小巷", "垃圾堆积，清运不及时", "清运垃圾，落实每日保洁", "立行立改", "已整改"),
        ("公共厕所", "人民公园公厕", "无洗手液，蹲位损坏", "配齐洗手液，维修蹲位", "2025年4月30日前", "已整改"),
        ("六小门店", "东关街“老李家”餐馆", "无防鼠、防蝇、防尘设施", "安装挡鼠板、纱窗和灭蝇灯", "4月20日前", "已整改")]),
    # HAND 城关街道: (4, 3, 0, 1, 0, 1) — not: 活禽(5-31)
    ("东城街道", [
        ("城中村", "东城村", "村内卫生死角多，杂物乱堆", "清理卫生死角", "2025年4月20日前", "整改中"),
        ("居民小区", "东城佳苑小区", "垃圾分类未落实", "配置分类垃圾桶，开展入户宣传", "6月15日前", "已整改"),
        ("建筑工地", "东城安置房项目工地", "围挡破损，裸土未覆盖", "修复围挡，覆盖裸土", "2025年5月15日前", "未整改"),
        ("农贸市场", "东城综合市场", "病媒生物防制设施缺失", "配备灭蝇灯、挡鼠板", "2025年5月31日前", "整改中"),
        ("主次干道", "东城大街", "路面保洁不到位", "实行道路机械化清扫", "长期", "长效管理")]),
    # HAND 东城街道: (5, 1, 1, 3, 1, 3) — not: 死角(4-20), 围挡(5-15), 病媒(5-31)
    ("西城街道", [
        ("六小门店", "西城路“时尚”理发店", "无消毒设施和消毒记录", "配备消毒设施，建立消毒记录", "立行立改", "未整改"),
        ("居民小区", "纺织厂家属院", "楼道乱贴小广告", "清除小广告", "2025年10月31日前", "整改中"),
        ("学校周边", "西城小学门前", "流动摊贩占道经营", "清理流动摊贩", "2025年4月30日前", "已整改"),
        ("河道水体", "护城河西段", "水面漂浮物较多", "落实专人打捞", "长期", "长效管理")]),
    # HAND 西城街道: (4, 1, 1, 2, 1, 1) — not: 理发店(立行立改, found 4-8..4-10), 小广告(10-31, on the second date)
    ("永宁经济开发区", [
        ("单位食堂", "开发区企业食堂", "从业人员无健康证明", "组织从业人员体检办证", "2025年6月30日前", "未整改"),
        ("主次干道", "开发区纬三路", "道路积尘严重", "增加洒水清扫频次", "2025年4月25日前", "已整改"),
        ("公共厕所", "开发区管委会东侧公厕", "无专人管理", "明确专人管理", "2025年5月31日前", "已整改")]),
    # HAND 永宁经济开发区: (3, 2, 0, 1, 0, 1) — not: 健康证(6-30)
]
F8_HAND = {"城关街道": (4, 3, 0, 1, 0, 1), "东城街道": (5, 1, 1, 3, 1, 3), "西城街道": (4, 1, 1, 2, 1, 1), "永宁经济开发区": (3, 2, 0, 1, 0, 1)}
F8_MAP = {"已整改": "done", "整改中": "not", "未整改": "not", "长效管理": "long"}


def f8(rng):
    name = "永宁县创建国家卫生县城暗访发现问题交办整改台账.csv"
    nc = 10
    pad = lambda xs: xs + [""] * (nc - len(xs))
    out = [pad(["永宁县创建国家卫生县城暗访发现问题交办整改台账"]),
           pad(["交办单位：永宁县爱国卫生运动委员会办公室", "", "", "", "", "", "", "暗访时间：2025年4月8日—10日"]),
           ["序号", "问题类别", "问题点位", "存在问题", "整改要求", "整改时限", "责任人", "整改情况", "整改后照片", "备注"]]
    recs = []; seq = 0
    for ui, (unit, rows) in enumerate(F8_UNITS):
        out.append(pad([f"{'一二三四五'[ui]}、{unit}（{len(rows)}个）"]))
        lead = person(rng)
        for kind, place, prob, meas, due, st in rows:
            seq += 1
            cat = cat_of(F8_MAP, st)
            out.append([str(seq), kind, place, prob, meas, due, ("管委会副主任 " if "开发区" in unit else "街道办事处副主任 ") + lead, st, "已上传" if cat == "done" else "", ""])
            recs.append((unit, 1, cat, due_of(due)))
    out.append(pad([f"合计：交办问题{seq}个，已整改{sum(1 for r in recs if r[2] == 'done')}个，长效管理{sum(1 for r in recs if r[2] == 'long')}个。"]))
    out.append(pad(["说明：1.整改情况填写“已整改”“整改中”“未整改”“长效管理”，“长效管理”指已完成集中整治、需长期保持的问题，整改时限填“长期”；"
                    "2.整改时限未注明年份的均为2025年；3.“立行立改”的问题须在交办当日完成。"]))
    out.append(pad(["填报人：" + person(rng), "", "", "", "审核人：" + person(rng), "", "", "联系电话：0318-6128120"]))
    with open(os.path.join(OUT, name), "w", encoding="gb18030", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(out)
    return dict(file=name, kind="爱卫办 创建国家卫生县城 暗访发现问题 交办整改台账, 街道/开发区 as section lines, 合计 and 说明 footer lines, CSV GB18030 (WPS)",
                producer="县爱国卫生运动委员会办公室(WPS 另存为 CSV, GB18030, CRLF)", as_of=AS_OF,
                sheets={name[:-4]: dict(header_row=3, data_rows=seq, columns=dict(
                    problem="D (存在问题)", measure="E (整改要求)", deadline="F (整改时限)", status="H (整改情况)",
                    unit="section lines 一、城关街道（4个） (the 街道 / 开发区)", person="G (责任人)", department=None, completed_on=None))},
                status_map={"已整改": "done", "整改中": "in progress", "未整改": "not started",
                            "长效管理": "long-term (说明 1: concentrated work done, kept up for good; deadline 长期)"},
                notes="units = the three 街道 and the 开发区 of the section lines (一、城关街道（4个）…); the 爱卫办 in the meta line is the assigning office; 问题点位 (markets, shops, streets) is not a unit; 长效管理 = long-term (说明 1); 4月20日前 / 6月15日前 (no year) = 2025 (说明 2); 立行立改 not done (西城 理发店, found 4-8..4-10) overdue at both dates; 整改后照片 is not a state; 合计, 说明 and 填报人 lines are not data",
                recs=recs, hand=F8_HAND, unit_sheets={u[0]: [name[:-4]] for u in F8_UNITS})


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    rng = random.Random(720251207)
    out = []
    for f in (f1, f2, f3, f4, f5, f6, f7, f8):
        a = f(rng)
        recs = a.pop("recs"); hand = a.pop("hand"); us = a.pop("unit_sheets")
        got = tally(recs)
        exp = hand_to_answer(hand)
        assert got == exp, (a["file"], {u: (got.get(u), exp.get(u)) for u in set(got) | set(exp) if got.get(u) != exp.get(u)})
        a["units"] = exp; a["unit_sheets"] = us
        d1, d2 = AS_OF
        assert 2 <= len(exp) <= 6 and all(3 <= v[d1]["measures"] <= 12 for v in exp.values()), a["file"]
        assert any(v[d1]["overdue"] != v[d2]["overdue"] for v in exp.values()), a["file"]
        out.append(a)
    with open(os.path.join(HERE, "answers.json"), "w", encoding="utf-8") as fh:
        json.dump(out, fh, ensure_ascii=False, indent=1)
    for a in out:
        print(a["file"], len(a["units"]), "units,", sum(v[AS_OF[0]]["measures"] for v in a["units"].values()), "items")


if __name__ == "__main__":
    main()
