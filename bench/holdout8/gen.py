#!/usr/bin/env python3
"""Generator of taizhang holdout 8. `python3 gen.py` (needs openpyxl; soffice for the .xls and the .ods).

Every data row is written out by hand in the tables below: unit, problem, measure, deadline and state exactly as
the office writes them. Filler (people, phones, codes, inspection days) comes from random.Random(820251207), so
the files are deterministic. Beside each unit's rows is its hand count (`# HAND m done long not overdue@0430
overdue@1031`), gathered in a *_HAND table per file; main() recounts every file from its row table and stops
unless the recount equals the hand count. Writes files/ and answers.json."""
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
R = random.Random(820251207)
SURN = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志海峰林军辉波斌宇浩凯鹏飞云燕琳"


def person():
    return R.choice(SURN) + "".join(R.choice(GIVEN) for _ in range(R.choice([1, 2, 2])))


def phone():
    return "1" + R.choice("358") + "".join(str(R.randint(0, 9)) for _ in range(9))


# ------------------------------------------------------------------ recount (gen side)
def due_of(t):
    """Deadline text -> date / 'LT' (long-term) / 'IMM' (immediate). Every as-of date is in 2025, and every title
    that writes a deadline without a year says 2025, so a missing year is 2025."""
    t = t.strip()
    if t in ("长期坚持", "长期", "常态化"):
        return "LT"
    if t in ("立行立改", "立即整改"):
        return "IMM"
    m = re.fullmatch(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日前?", t) or re.fullmatch(r"(\d{4})[./-](\d{1,2})[./-](\d{1,2})", t)
    if m:
        return D(int(m[1] or 2025), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月(?:底|末)前?", t)
    if m:
        y, mo = int(m[1]), int(m[2])
        return D(y, mo, calendar.monthrange(y, mo)[1])
    m = re.fullmatch(r"(?:(\d{4})年)?([一二三四])季度末", t)
    if m:
        q = "一二三四".index(m[2]) + 1
        y = int(m[1] or 2025)
        return D(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
    m = re.fullmatch(r"(\d{4})年底前?", t)
    if m:
        return D(int(m[1]), 12, 31)
    raise SystemExit(f"gen.py: no rule for deadline {t!r}")


def n_items(measure):
    """A measure cell enumerating 1.…；2.… holds that many measures; else one."""
    k = len(re.findall(r"(?:^|；)\d\.", measure))
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
    prof = tempfile.mkdtemp(prefix="h8lo_")
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


# ================================================================== 1. 非煤矿山 安全生产 执法检查 隐患整改 (openpyxl xlsx)
F1 = "青溪县应急管理局2025年非煤矿山安全生产执法检查隐患整改台账.xlsx"
F1_STATE = {"已整改": "done", "已整改到位": "done", "整改中（完成60%）": "not", "整改中（完成30%）": "not",
            "整改中（完成40%）": "not", "整改中（完成80%）": "not", "已制定方案": "not", "未整改": "not", "长期坚持": "long"}
# (企业名称, 矿山类别, 隐患内容, 隐患级别, 整改措施, 整改期限, 整改情况, 行政处罚)
F1_ROWS = [
    # HAND 青溪县鑫达石料有限公司: m5 done2 long1 not2 overdue@0430 0 overdue@1031 2
    ("青溪县鑫达石料有限公司", "露天（建筑石料）", "采场边坡台阶高度超过设计，局部形成伞檐", "一般", "按设计削坡减载，清除伞檐浮石", "2025年5月31日", "整改中（完成60%）", "不涉及"),
    ("青溪县鑫达石料有限公司", "露天（建筑石料）", "爆破作业未设置警戒人员", "一般", "立即停止违规作业，完善爆破警戒制度", "立行立改", "已整改", "罚款2万元"),
    ("青溪县鑫达石料有限公司", "露天（建筑石料）", "排土场未设置截排水沟", "一般", "修建截排水沟", "2025.4.15", "已整改", "不涉及"),
    ("青溪县鑫达石料有限公司", "露天（建筑石料）", "主要负责人、安全管理人员未按规定参加安全培训", "一般", "组织参加培训并考核合格", "2025年6月底前", "已制定方案", "不涉及"),
    ("青溪县鑫达石料有限公司", "露天（建筑石料）", "全员安全生产责任制未覆盖到岗位", "一般", "修订全员安全生产责任制并落实到岗", "长期坚持", "长期坚持", "不涉及"),
    # HAND 青溪县红岩矿业有限公司: m4 done1 long0 not3 overdue@0430 1 overdue@1031 2
    ("青溪县红岩矿业有限公司", "地下（铁矿）", "井下避灾路线标识不清", "一般", "重新设置避灾路线指示标识", "2025.3.31", "已整改", "不涉及"),
    ("青溪县红岩矿业有限公司", "地下（铁矿）", "局部通风机未安装开停传感器", "重大", "安装开停传感器并接入监测监控系统", "2025年4月20日", "未整改", "已立案"),
    ("青溪县红岩矿业有限公司", "地下（铁矿）", "主井提升机制动系统未按期检测检验", "一般", "委托有资质机构检测检验", "2025年7月31日", "整改中（完成30%）", "不涉及"),
    ("青溪县红岩矿业有限公司", "地下（铁矿）", "年度应急救援预案未组织演练", "一般", "组织开展应急救援演练", "2025年10月31日", "已制定方案", "不涉及"),
    # HAND 青溪县金山萤石矿业有限公司: m6 done3 long1 not2 overdue@0430 0 overdue@1031 1
    ("青溪县金山萤石矿业有限公司", "地下（萤石）", "采空区未按设计进行充填", "重大", "编制采空区治理方案并实施充填", "2025年12月31日", "整改中（完成40%）", "已立案"),
    ("青溪县金山萤石矿业有限公司", "地下（萤石）", "井下作业人员未随身携带自救器", "一般", "配齐自救器，入井前逐人检查", "立行立改", "已整改", "不涉及"),
    ("青溪县金山萤石矿业有限公司", "地下（萤石）", "地表塌陷区未设置警示标志和围栏", "一般", "设置警示标志和围栏", "2025.4.10", "已整改到位", "不涉及"),
    ("青溪县金山萤石矿业有限公司", "地下（萤石）", "爆炸物品储存库视频监控存在盲区", "一般", "增设监控摄像头，消除盲区", "2025年5月15日", "已整改", "不涉及"),
    ("青溪县金山萤石矿业有限公司", "地下（萤石）", "2名特种作业人员操作证过期", "一般", "重新培训取证，证件过期人员停止作业", "2025年4月30日", "未整改", "罚款1万元"),
    ("青溪县金山萤石矿业有限公司", "地下（萤石）", "隐患排查治理制度落实不到位", "一般", "每月开展隐患自查并建立排查台账", "长期坚持", "长期坚持", "不涉及"),
    # HAND 青溪县龙泉硅砂有限公司: m3 done2 long0 not1 overdue@0430 0 overdue@1031 1
    ("青溪县龙泉硅砂有限公司", "尾矿库（四等）", "尾矿库排洪设施淤堵", "一般", "清淤疏通排洪设施", "2025年6月底前", "已整改", "不涉及"),
    ("青溪县龙泉硅砂有限公司", "尾矿库（四等）", "尾矿库在线监测系统数据中断", "一般", "维修在线监测系统，恢复数据上传", "2025.5.20", "整改中（完成80%）", "不涉及"),
    ("青溪县龙泉硅砂有限公司", "尾矿库（四等）", "破碎车间皮带机防护罩缺失", "一般", "加装防护罩", "2025年3月31日", "已整改", "不涉及"),
]
F1_HAND = {"青溪县鑫达石料有限公司": (5, 2, 1, 2, 0, 2), "青溪县红岩矿业有限公司": (4, 1, 0, 3, 1, 2),
           "青溪县金山萤石矿业有限公司": (6, 3, 1, 2, 0, 1), "青溪县龙泉硅砂有限公司": (3, 2, 0, 1, 0, 1)}


def f1():
    wb = Workbook(); ws = wb.active; ws.title = "隐患整改台账"
    ncol = 12
    title(ws, "A1:L1", "青溪县应急管理局2025年非煤矿山安全生产执法检查隐患整改台账")
    ws.merge_cells("A2:L2")
    ws["A2"] = "填报单位：青溪县应急管理局非煤矿山安全监督管理股　　　　　　　　截至日期：2025年4月25日"
    header(ws, 3, ["序号", "企业名称", "矿山类别", "检查时间", "隐患内容", "隐患级别", "整改措施", "整改期限",
                   "企业责任人", "整改情况", "行政处罚", "备注"])
    r = 4; done = 0
    for unit in F1_HAND:
        rows = [x for x in F1_ROWS if x[0] == unit]
        start = r
        boss = person(); day = D(2025, 3, R.randint(3, 20))
        for (_, kind, prob, lvl, meas, dl, st, pen) in rows:
            ws.cell(r, 1, r - 3).alignment = CN
            ws.cell(r, 4, day).number_format = 'yyyy"年"m"月"d"日"'
            ws.cell(r, 5, prob); ws.cell(r, 6, lvl); ws.cell(r, 7, meas); ws.cell(r, 8, dl)
            ws.cell(r, 9, boss if R.random() < 0.6 else person()); ws.cell(r, 10, st); ws.cell(r, 11, pen)
            done += F1_STATE[st] == "done"
            r += 1
        merge_down(ws, 2, start, r - 1, unit); merge_down(ws, 3, start, r - 1, rows[0][1])
        merge_down(ws, 4, start, r - 1, day)
        ws.cell(start, 4).number_format = 'yyyy"年"m"月"d"日"'
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=4)
    ws.cell(r, 1, "合计").alignment = CN
    ws.cell(r, 5, f"共排查隐患{r - 4}项（重大隐患2项）"); ws.cell(r, 10, f"已整改{done}项")
    frame(ws, 3, r, ncol)
    ws.merge_cells(start_row=r + 1, end_row=r + 1, start_column=1, end_column=ncol)
    ws.cell(r + 1, 1, "说明：1.整改情况填写“已整改”“整改中（注明完成比例）”“已制定方案”“未整改”“长期坚持”；“已制定方案”指企业已报送整改方案、"
                      "整改尚未完成。2.行政处罚栏填写对该隐患的立案处罚情况，“不涉及”指未予处罚，与整改是否完成无关。")
    ws.cell(r + 2, 1, f"填表人：{person()}　　　　审核人：{person()}　　　　联系电话：0793-{R.randint(5100000, 5199999)}")
    widths(ws, [6, 18, 12, 14, 30, 8, 30, 14, 10, 16, 10, 8])
    ws.row_dimensions[1].height = 30
    ws.freeze_panes = "A4"
    ws.page_setup.orientation = "landscape"
    wb.save(os.path.join(OUT, F1))
    return dict(
        file=F1, kind="非煤矿山 安全生产 执法检查 隐患整改台账 over 矿山企业, enterprise cells merged down, 合计 row, 说明/填表人 footer",
        producer="县应急管理局非煤矿山股(Excel手工, openpyxl xlsx)", as_of=AS_OF,
        sheets={"隐患整改台账": dict(header_row=3, data_rows=len(F1_ROWS), columns=dict(
            problem="E (隐患内容)", measure="G (整改措施; one hazard = one item)", deadline="H (整改期限)",
            status="J (整改情况)", unit="B (企业名称, merged down)", person="I (企业责任人)", department=None,
            completed_on=None))},
        status_map={"已整改": "done", "已整改到位": "done", "整改中（完成N%）": "in progress", "已制定方案": "in progress (plan filed, not rectified; 说明)",
                    "未整改": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="units = the four mining enterprises of 企业名称 (merged down with 矿山类别 and 检查时间); the filing 股 in the meta row is not a unit; "
              "企业责任人 are persons; 行政处罚 (不涉及 / 已立案 / 罚款…) is not a state (说明); the 合计 row and the 说明/填表人 footer are not data; "
              "立行立改 rows are all 已整改; 2025年4月30日 not done is not overdue at 2025-04-30, overdue at 2025-10-31; 2025年10月31日 is never overdue here",
        counts=recount([(x[0], x[4], x[5], x[6]) for x in F1_ROWS], F1_STATE), hand=F1_HAND,
        unit_sheets={u: ["隐患整改台账"] for u in F1_HAND})


# ================================================================== 2. 渔业船舶 安全检查 (LibreOffice .ods)
F2 = "青溪县2025年渔业船舶安全生产大检查隐患整改台账.ods"
F2_STATE = {"已整改": "done", "待复查": "not", "整改中": "not", "未整改": "not", "长期坚持": "long"}
# (所属合作社（公司）, 船名号, 存在问题, 整改要求, 整改时限, 整改情况)
F2_ROWS = [
    # HAND 青溪县海丰渔业专业合作社: m4 done2 long0 not2 overdue@0430 0 overdue@1031 2
    ("青溪县海丰渔业专业合作社", "青渔01023", "救生衣配备数量少于核定船员数", "按核定船员数配齐救生衣", "立行立改", "已整改"),
    ("青溪县海丰渔业专业合作社", "青渔01023", "AIS防碰撞设备未保持开启", "保持AIS设备全程正常开启", "立行立改", "已整改"),
    ("青溪县海丰渔业专业合作社", "青渔01057", "手提式灭火器超过有效期", "更换灭火器", "5月15日前", "待复查"),
    ("青溪县海丰渔业专业合作社", "青渔01088", "2名船员未取得渔业船员证书", "组织船员参加培训取证，未取证前不得出海", "6月30日前", "整改中"),
    # HAND 青溪县东港远洋渔业有限公司: m5 done2 long1 not2 overdue@0430 1 overdue@1031 2
    ("青溪县东港远洋渔业有限公司", "青渔02101", "北斗卫星船载终端故障", "维修船载终端，恢复定位", "4月20日前", "已整改"),
    ("青溪县东港远洋渔业有限公司", "青渔02101", "机舱油污水直接排放，无收集装置", "加装油污水收集装置", "4月25日前", "未整改"),
    ("青溪县东港远洋渔业有限公司", "青渔02135", "气胀式救生筏未按期检修", "送具备资质的检修站检修", "5月31日前", "待复查"),
    ("青溪县东港远洋渔业有限公司", "青渔02135", "船舶安全操作规程未张贴", "完善并在驾驶台张贴操作规程", "立行立改", "已整改"),
    ("青溪县东港远洋渔业有限公司", "青渔02178", "公司未配备专职安全管理人员，日常检查不到位", "配备专职安全员，每航次出海前开展安全检查", "长期坚持", "长期坚持"),
    # HAND 青溪县渔家乐捕捞专业合作社: m3 done1 long0 not2 overdue@0430 0 overdue@1031 1
    ("青溪县渔家乐捕捞专业合作社", "青渔03011", "捕捞渔船违规搭载游客出海", "严禁渔船载客，约谈船东并签订承诺书", "立行立改", "已整改"),
    ("青溪县渔家乐捕捞专业合作社", "青渔03011", "航行信号灯损坏", "更换航行信号灯", "三季度末", "整改中"),
    ("青溪县渔家乐捕捞专业合作社", "青渔03046", "船体锈蚀严重，船舶检验证书过期", "进坞检修并申请船舶检验", "11月30日前", "未整改"),
]
F2_HAND = {"青溪县海丰渔业专业合作社": (4, 2, 0, 2, 0, 2), "青溪县东港远洋渔业有限公司": (5, 2, 1, 2, 1, 2),
           "青溪县渔家乐捕捞专业合作社": (3, 1, 0, 2, 0, 1)}


def f2():
    base = F2[:-4]
    wb = Workbook(); ws = wb.active; ws.title = "渔船检查整改台账"
    ncol = 11
    title(ws, "A1:K1", "青溪县2025年渔业船舶安全生产大检查隐患整改台账")
    ws.merge_cells("A2:K2")
    ws["A2"] = "检查单位：青溪县渔业行政执法大队　　　　　检查时间：2025年3月　　　　　填报时间：2025年4月28日"
    header(ws, 3, ["序号", "所属合作社（公司）", "船名号", "船长", "检查日期", "存在问题", "整改要求", "整改时限",
                   "整改情况", "复查人", "备注"])
    r = 4
    for unit in F2_HAND:
        rows = [x for x in F2_ROWS if x[0] == unit]
        ustart = r
        ships = []
        for x in rows:
            if x[1] not in ships:
                ships.append(x[1])
        for ship in ships:
            srows = [x for x in rows if x[1] == ship]
            sstart = r
            cap = person(); day = f"2025.3.{R.randint(5, 28)}"
            for (_, _, prob, req, dl, st) in srows:
                ws.cell(r, 1, r - 3).alignment = CN
                ws.cell(r, 6, prob); ws.cell(r, 7, req); ws.cell(r, 8, dl); ws.cell(r, 9, st)
                ws.cell(r, 10, "" if st in ("未整改", "整改中") else person())
                r += 1
            merge_down(ws, 3, sstart, r - 1, ship); merge_down(ws, 4, sstart, r - 1, f"{cap}（{phone()}）")
            merge_down(ws, 5, sstart, r - 1, day)
        merge_down(ws, 2, ustart, r - 1, unit)
    frame(ws, 3, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "说明：整改时限未注明年份的均为2025年；整改情况为“待复查”的，须经执法大队复查合格后方可销号。")
    ws.cell(r + 1, 1, f"填表人：{person()}"); ws.cell(r + 1, 6, f"审核人：{person()}"); ws.cell(r + 1, 8, "2025年4月28日")
    widths(ws, [6, 22, 12, 20, 11, 28, 30, 12, 10, 9, 8])
    tmp = tempfile.mkdtemp(prefix="h8o_")
    src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    lo_convert(src, "ods", OUT); shutil.rmtree(tmp)
    return dict(
        file=F2, kind="渔业船舶 安全生产大检查 隐患整改台账 over 渔业合作社/船东公司, owner and ship cells merged down, ods",
        producer="县渔业行政执法大队(Excel → LibreOffice ods)", as_of=AS_OF,
        sheets={"渔船检查整改台账": dict(header_row=3, data_rows=len(F2_ROWS), columns=dict(
            problem="F (存在问题)", measure="G (整改要求; one row = one item)", deadline="H (整改时限)",
            status="I (整改情况)", unit="B (所属合作社（公司）, merged down)", person="D (船长, with phone)", department=None,
            completed_on=None))},
        status_map={"已整改": "done", "待复查": "not done (说明: closed only after the 执法大队 re-checks)", "整改中": "in progress",
                    "未整改": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="units = the three cooperatives/companies of 所属合作社（公司） (merged down); 船名号 (ships, merged down) are not units, "
              "船长 and 复查人 are persons; the inspecting 执法大队 in the meta row is not a unit; deadlines without a year are 2025 "
              "(title and 说明); 三季度末 = 2025-09-30; 待复查 is not done (说明); footer rows are not data",
        counts=recount([(x[0], x[3], x[4], x[5]) for x in F2_ROWS], F2_STATE), hand=F2_HAND,
        unit_sheets={u: ["渔船检查整改台账"] for u in F2_HAND})


# ================================================================== 3. 宗教活动场所 消防安全 检查 (LibreOffice .xls)
F3 = "青溪县宗教活动场所消防安全检查问题整改台账.xls"
F3_STATE = {"已完成": "done", "整改中": "not", "未整改": "not", "已制定方案": "not", "长期坚持": "long"}
# (场所名称, 宗教类别, 存在问题, 整改措施, 整改时限, 整改进度)
F3_ROWS = [
    # HAND 青溪县慈云寺: m5 done2 long1 not2 overdue@0430 1 overdue@1031 2
    ("青溪县慈云寺", "佛教", "大雄宝殿内香烛摆放靠近帷幔等可燃物", "调整香烛摆放位置，与可燃物保持安全距离", "立行立改", "已完成"),
    ("青溪县慈云寺", "佛教", "殿堂电气线路私拉乱接，未穿管保护", "聘请专业电工对殿堂线路进行穿管改造", "2025年5月底", "整改中"),
    ("青溪县慈云寺", "佛教", "寮房内使用电热毯等大功率电器", "清理大功率电器，加强夜间巡查", "立行立改", "已完成"),
    ("青溪县慈云寺", "佛教", "室外消火栓无水", "联系供水单位恢复供水，修复消火栓", "2025.4.15", "未整改"),
    ("青溪县慈云寺", "佛教", "香会期间人员密集，消防安全管理措施不足", "重大节日、香会期间安排专人值守，常态化开展防火巡查", "长期坚持", "长期坚持"),
    # HAND 青溪县玉虚观: m4 done2 long0 not2 overdue@0430 0 overdue@1031 1
    ("青溪县玉虚观", "道教", "木结构古建筑未安装电气火灾监控装置", "安装电气火灾监控系统", "2025年10月31日", "已制定方案"),
    ("青溪县玉虚观", "道教", "部分灭火器压力不足", "更换灭火器", "2025.3.31", "已完成"),
    ("青溪县玉虚观", "道教", "消防车通道堆放杂物", "清理杂物，保持通道畅通", "立行立改", "已完成"),
    ("青溪县玉虚观", "道教", "未建立消防安全管理制度和防火巡查记录", "制定消防安全管理制度，建立巡查记录", "2025年6月30日", "整改中"),
    # HAND 青溪县城关基督教堂: m3 done2 long0 not1 overdue@0430 0 overdue@1031 0
    ("青溪县城关基督教堂", "基督教", "聚会期间安全出口上锁", "聚会期间安全出口保持畅通，专人负责开启", "立行立改", "已完成"),
    ("青溪县城关基督教堂", "基督教", "应急照明灯和疏散指示标志损坏", "更换应急照明灯和疏散指示标志", "2025年5月底", "已完成"),
    ("青溪县城关基督教堂", "基督教", "义工未接受消防安全培训", "组织义工参加消防安全培训", "2025年底前", "未整改"),
    # HAND 青溪县白石天主堂: m4 done2 long0 not2 overdue@0430 1 overdue@1031 2
    ("青溪县白石天主堂", "天主教", "厨房液化气钢瓶与灶具未分隔放置", "设置独立气瓶间", "2025.4.20", "整改中"),
    ("青溪县白石天主堂", "天主教", "钟楼防雷设施未按期检测", "委托有资质单位检测防雷设施", "2025年8月31日", "已完成"),
    ("青溪县白石天主堂", "天主教", "未建立微型消防站", "建立微型消防站，配备消防器材", "2025年9月30日", "已制定方案"),
    ("青溪县白石天主堂", "天主教", "电动自行车在堂内停放充电", "设置室外充电区域，严禁室内停放充电", "立行立改", "已完成"),
]
F3_HAND = {"青溪县慈云寺": (5, 2, 1, 2, 1, 2), "青溪县玉虚观": (4, 2, 0, 2, 0, 1),
           "青溪县城关基督教堂": (3, 2, 0, 1, 0, 0), "青溪县白石天主堂": (4, 2, 0, 2, 1, 2)}


def f3():
    base = F3[:-4]
    wb = Workbook(); ws = wb.active; ws.title = "检查整改台账"
    ncol = 10
    title(ws, "A1:J1", "青溪县宗教活动场所消防安全检查问题整改台账")
    ws.merge_cells("A2:J2")
    ws["A2"] = "检查单位：县民族宗教事务局、县消防救援大队联合检查组　　　　检查时间：2025年3月10日至3月21日"
    ws.merge_cells("A3:J3")
    ws["A3"] = "填报单位：青溪县民族宗教事务局　　　　　　　　　　　　　　　　填报日期：2025年4月29日"
    for col, txt in (("A", "序号"), ("E", "存在问题"), ("F", "整改措施"), ("G", "整改时限"), ("H", "整改进度"),
                     ("I", "场所联系人"), ("J", "备注")):
        ws.merge_cells(f"{col}4:{col}5"); ws[f"{col}4"] = txt
    ws.merge_cells("B4:D4"); ws["B4"] = "场所基本情况"
    header(ws, 5, ["场所名称", "宗教类别", "场所负责人"], start=2)
    for c in range(1, ncol + 1):
        ws.cell(4, c).font = Font(bold=True); ws.cell(4, c).alignment = CN
    r = 6
    for unit in F3_HAND:
        boss = person() if unit != "青溪县慈云寺" else "释" + R.choice("明觉慧净法") + R.choice("空真圆宏")
        contact = f"{person()} {phone()}"
        for (_, rel, prob, meas, dl, st) in [x for x in F3_ROWS if x[0] == unit]:
            ws.cell(r, 1, r - 5).alignment = CN
            ws.cell(r, 2, unit); ws.cell(r, 3, rel); ws.cell(r, 4, boss); ws.cell(r, 5, prob); ws.cell(r, 6, meas)
            ws.cell(r, 7, dl); ws.cell(r, 8, st); ws.cell(r, 9, contact)
            r += 1
    frame(ws, 4, r - 1, ncol)
    ws.cell(r, 1, "说明：整改进度填“已完成”“整改中”“已制定方案”“未整改”“长期坚持”，“已制定方案”的按未完成统计。")
    ws.cell(r + 1, 1, f"填表人：{person()}"); ws.cell(r + 1, 5, f"审核人：{person()}"); ws.cell(r + 1, 7, f"联系电话：{phone()}")
    widths(ws, [6, 18, 8, 10, 30, 32, 14, 12, 20, 8])
    tmp = tempfile.mkdtemp(prefix="h8x_")
    src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    lo_convert(src, "xls", OUT); shutil.rmtree(tmp)
    return dict(
        file=F3, kind="宗教活动场所 消防安全 联合检查 问题整改台账 over 场所 (寺/观/堂), two-row header band, xls (BIFF8)",
        producer="县民族宗教事务局(Excel → LibreOffice 'MS Excel 97')", as_of=AS_OF,
        sheets={"检查整改台账": dict(header_row="4-5 (merged group 场所基本情况 over 场所名称/宗教类别/场所负责人)", data_rows=len(F3_ROWS),
                                   columns=dict(problem="E (存在问题)", measure="F (整改措施; one row = one item)", deadline="G (整改时限)",
                                                status="H (整改进度)", unit="B (场所名称)", person="D (场所负责人) / I (场所联系人)",
                                                department=None, completed_on=None))},
        status_map={"已完成": "done", "整改中": "in progress", "已制定方案": "in progress (说明: counted as not done)",
                    "未整改": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="units = the four 场所 of 场所名称 (寺/观/堂, written on every row); 宗教类别, 场所负责人 and 场所联系人 are not units; "
              "the 民宗局, 消防救援大队 and 填报单位 in the meta rows are not units; 2025年5月底 = 05-31; 2025年底前 = 12-31; "
              "2025年10月31日 is not overdue at 2025-10-31; 说明/填表人 footer rows are not data",
        counts=recount([(x[0], x[3], x[4], x[5]) for x in F3_ROWS], F3_STATE), hand=F3_HAND,
        unit_sheets={u: ["检查整改台账"] for u in F3_HAND})


# ================================================================== 4. 电动自行车 集中充电场所 排查整治 (CSV GB18030)
F4 = "城关街道电动自行车集中充电场所排查整治台账.csv"
F4_STATE = {"已整治": "done", "整治中": "not", "未整治": "not", "常态化推进": "long"}
# (所属社区, 充电场所名称 ('' = same place as the row above, as WPS writes a merged cell to CSV), 排查发现问题, 整治措施, 整治时限, 整治情况)
F4_ROWS = [
    # HAND 东关社区: m4 done2 long1 not1 overdue@0430 0 overdue@1031 1
    ("东关社区", "东关小区3号楼南侧充电棚", "充电棚下堆放纸箱等可燃物", "清理可燃物", "立即整改", "已整治"),
    ("东关社区", "", "未配备灭火器", "配备4具干粉灭火器", "2025/4/15", "已整治"),
    ("东关社区", "东关农贸市场后院充电点", "充电线路裸露，未安装漏电保护装置", "更换线路，加装漏电保护装置", "2025/5/31", "整治中"),
    ("东关社区", "", "充电点无人管理", "明确市场物业专人巡查", "常态化", "常态化推进"),
    # HAND 西街社区: m5 done2 long0 not3 overdue@0430 1 overdue@1031 2
    ("西街社区", "西街老旧小区1号楼楼道", "居民飞线充电、楼道内停放电动自行车", "清理楼道车辆，劝导至集中充电点充电", "立即整改", "整治中"),
    ("西街社区", "西街商业街集中充电点", "充电区域与商铺之间未设置防火分隔", "设置防火隔墙", "2025-06-30", "未整治"),
    ("西街社区", "", "未安装充满自动断电的智能充电设施", "更换为智能充电桩", "2025-09-30", "已整治"),
    ("西街社区", "金桂苑小区地下车库充电点", "充电点设置在地下车库内", "迁移至地面开阔区域", "2025-10-31", "未整治"),
    ("西街社区", "", "充电区域视频监控未覆盖", "增设视频监控", "2025-04-25", "已整治"),
    # HAND 南苑社区: m3 done1 long0 not2 overdue@0430 1 overdue@1031 1
    ("南苑社区", "南苑新村集中充电棚", "充电棚顶棚为易燃彩钢板", "更换为不燃材料顶棚", "2025年5月15日前", "已整治"),
    ("南苑社区", "", "充电插座老化破损", "更换充电插座", "2025年4月10日前", "整治中"),
    ("南苑社区", "南苑幼儿园东侧临时充电点", "临时充电点距幼儿园围墙不足10米", "拆除临时充电点，另行选址", "2025年12月31日前", "未整治"),
    # HAND 北塘社区: m4 done2 long1 not1 overdue@0430 0 overdue@1031 1
    ("北塘社区", "北塘村委会充电车棚", "灭火器失效", "更换灭火器", "2025/3/31", "已整治"),
    ("北塘社区", "", "未张贴充电安全提示", "张贴安全提示和操作规程", "立即整改", "已整治"),
    ("北塘社区", "北塘物流园外卖车辆充电点", "外卖电动自行车集中充电，电池来源不明", "督促企业统一采购合格电池", "2025/8/31", "整治中"),
    ("北塘社区", "", "夜间无人值守", "落实夜间值守和巡查", "常态化", "常态化推进"),
]
F4_HAND = {"东关社区": (4, 2, 1, 1, 0, 1), "西街社区": (5, 2, 0, 3, 1, 2), "南苑社区": (3, 1, 0, 2, 1, 1),
           "北塘社区": (4, 2, 1, 1, 0, 1)}


def f4():
    ncol = 12
    pad = lambda xs: xs + [""] * (ncol - len(xs))
    rows = [pad(["城关街道电动自行车集中充电场所排查整治台账"]),
            pad(["填报单位：城关街道平安建设办公室", "", "", "", "", "", "", "", "填报时间：2025年4月28日"]),
            ["序号", "所属社区", "充电场所名称", "场所类型", "充电端口数", "排查发现问题", "整治措施", "整治时限", "整治情况",
             "社区责任人", "联系电话", "备注"]]
    n = 0
    for unit in F4_HAND:
        boss, tel = person(), phone()
        for (_, place, prob, meas, dl, st) in [x for x in F4_ROWS if x[0] == unit]:
            n += 1
            kind = ("" if not place else
                    "小区车棚" if "棚" in place else "楼道" if "楼道" in place else "地下车库" if "车库" in place else "露天场地")
            ports = "" if not place else str(R.choice([8, 10, 12, 16, 20, 24]))
            rows.append([str(n), unit, place, kind, ports, prob, meas, dl, st, boss, tel, ""])
    rows.append(pad(["说明：1.整治情况填“已整治”“整治中”“未整治”“常态化推进”，“常态化推进”为需长期巡查管理的事项，整治时限填“常态化”；"
                     "2.同一充电场所有多个问题的，场所名称只填第一行。"]))
    rows.append(pad([f"填表人：{person()}", "", "", "", "", f"审核人：{person()}", "", "", "", "", "", ""]))
    with open(os.path.join(OUT, F4), "w", encoding="gb18030", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(rows)
    return dict(
        file=F4, kind="电动自行车 集中充电场所 排查整治台账 over 社区, 充电场所 names in another column, CSV GB18030 (WPS)",
        producer="城关街道平安办(WPS 另存为 CSV, GB18030, CRLF)", as_of=AS_OF,
        sheets={F4[:-4]: dict(header_row=3, data_rows=len(F4_ROWS), columns=dict(
            problem="F (排查发现问题)", measure="G (整治措施; one row = one item)", deadline="H (整治时限)",
            status="I (整治情况)", unit="B (所属社区)", person="J (社区责任人)", department=None, completed_on=None))},
        status_map={"已整治": "done", "整治中": "in progress", "未整治": "not started", "常态化推进": "long-term (deadline 常态化)"},
        notes="units = the four 社区 of 所属社区 (written on every row); 充电场所名称 (charging places, blank on a place's second row) are not units; "
              "社区责任人 is a person; the 街道 平安办 in the meta row is not a unit; 立即整改 not done (西街社区) is overdue at both dates; "
              "2025-10-31 not done is not overdue at 2025-10-31; title, meta, 说明 and 填表人 rows are not data",
        counts=recount([(x[0], x[3], x[4], x[5]) for x in F4_ROWS], F4_STATE), hand=F4_HAND,
        unit_sheets={u: [F4[:-4]] for u in F4_HAND})


# ================================================================== 5. 工程建设项目 招标投标 专项检查 (openpyxl xlsx, hidden columns)
F5 = "青溪县2025年工程建设项目招标投标领域专项检查问题整改台账.xlsx"
F5_STATE = {"已整改": "done", "整改中": "not", "已制定方案": "not", "未整改": "not", "长期坚持": "long"}
# (招标人, 项目名称, 检查发现问题, 问题类型, 整改措施, 整改期限, 整改完成情况, 处理意见)
F5_ROWS = [
    # HAND 青溪县教育局: m5 done2 long1 not2 overdue@0430 1 overdue@1031 2
    ("青溪县教育局", "青溪县第二实验小学新建工程", "招标文件设置不合理的业绩门槛，排斥潜在投标人", "招标文件", "修订招标文件，取消不合理限制条件", "2025.5.31", "已整改", "责令改正"),
    ("青溪县教育局", "青溪县第二实验小学新建工程", "评标委员会专家未从专家库随机抽取", "开标评标", "严格从综合评标专家库随机抽取专家", "立行立改", "已整改", "约谈"),
    ("青溪县教育局", "青溪县城关中学运动场改造工程", "中标通知书发出后超过30日签订合同", "合同签订", "完善合同管理制度，按期签订合同", "2025年6月底前", "整改中", "不涉及"),
    ("青溪县教育局", "青溪县城关中学运动场改造工程", "未按规定公示中标候选人", "开标评标", "补充公示，规范公示程序", "2025.4.20", "未整改", "责令改正"),
    ("青溪县教育局", "青溪县城关中学运动场改造工程", "招标人代表与投标人存在利害关系未回避", "开标评标", "建立招标人代表回避制度并严格执行", "长期坚持", "长期坚持", "不涉及"),
    # HAND 青溪县城市建设投资有限公司: m6 done3 long0 not3 overdue@0430 0 overdue@1031 2
    ("青溪县城市建设投资有限公司", "城东片区道路提升改造工程", "将依法必须招标的项目化整为零规避招标", "规避招标", "对拆分项目合并后重新依法招标", "2025年二季度末", "已制定方案", "移送纪委监委"),
    ("青溪县城市建设投资有限公司", "城东片区道路提升改造工程", "招标代理机构选取程序不规范", "招标代理", "制定招标代理机构选取办法", "2025.4.30", "已整改", "不涉及"),
    ("青溪县城市建设投资有限公司", "城东片区道路提升改造工程", "投标保证金退还不及时", "保证金", "全额退还保证金及银行同期存款利息", "2025.3.31", "已整改", "不涉及"),
    ("青溪县城市建设投资有限公司", "青溪河综合治理工程", "资格审查标准不明确，自由裁量空间大", "招标文件", "修订资格审查办法，量化审查标准", "2025年9月底前", "整改中", "不涉及"),
    ("青溪县城市建设投资有限公司", "青溪河综合治理工程", "招标公告未在指定媒介发布", "信息公开", "补发公告，规范发布渠道", "立行立改", "已整改", "责令改正"),
    ("青溪县城市建设投资有限公司", "青溪河综合治理工程", "重大设计变更未履行审批程序", "合同履约", "补办设计变更审批手续", "2025年12月底前", "未整改", "不涉及"),
    # HAND 青溪县人民医院: m4 done2 long0 not2 overdue@0430 1 overdue@1031 2
    ("青溪县人民医院", "县人民医院住院部改扩建工程", "暂估价专业工程未依法招标", "规避招标", "对暂估价专业工程依法组织招标", "2025年7月31日", "整改中", "责令改正"),
    ("青溪县人民医院", "县人民医院住院部改扩建工程", "评标报告存在计分错误", "开标评标", "复核评标报告，追究代理机构责任", "2025年4月15日", "已整改", "不涉及"),
    ("青溪县人民医院", "县人民医院住院部改扩建工程", "两家投标文件异常一致未作认定", "串通投标", "移交行政监督部门调查处理", "2025年4月25日", "已制定方案", "移送公安"),
    ("青溪县人民医院", "县人民医院门诊楼消防改造工程", "达到招标规模标准的工程直接发包", "规避招标", "严格执行招标制度，开展自查", "2025年10月31日", "已整改", "约谈"),
]
F5_HAND = {"青溪县教育局": (5, 2, 1, 2, 1, 2), "青溪县城市建设投资有限公司": (6, 3, 0, 3, 0, 2),
           "青溪县人民医院": (4, 2, 0, 2, 1, 2)}


def f5():
    wb = Workbook(); ws = wb.active; ws.title = "问题整改台账"
    ncol = 14
    title(ws, "A1:N1", "青溪县2025年工程建设项目招标投标领域专项检查问题整改台账")
    ws.merge_cells("A2:N2")
    ws["A2"] = "牵头单位：青溪县发展和改革局（县公共资源交易监督管理办公室）　　　　　　截至：2025年4月30日"
    header(ws, 3, ["序号", "招标人", "项目名称", "项目编号", "中标单位", "中标金额（万元）", "检查发现问题", "问题类型",
                   "整改措施", "整改期限", "招标人责任人", "整改完成情况", "处理意见", "备注"])
    agents = ["江西诚信招标代理有限公司", "青溪县正源工程咨询有限公司", "华建项目管理有限公司"]
    winners = ["青溪建工集团有限公司", "赣东路桥建设有限公司", "鸿达建设工程有限公司", "中赣水利水电工程有限公司"]
    r = 4; codes = {}
    for unit in F5_HAND:
        boss = person()
        for (_, proj, prob, kind, meas, dl, st, opin) in [x for x in F5_ROWS if x[0] == unit]:
            if proj not in codes:
                codes[proj] = (f"QX-JSGC-2024-{R.randint(100, 999)}", R.choice(winners), round(R.uniform(300, 9000), 2))
            code, win, amt = codes[proj]
            ws.cell(r, 1, r - 3).alignment = CN
            for c, v in enumerate([unit, proj, code, win, amt, prob, kind, meas, dl, boss, st, opin,
                                   "代理：" + R.choice(agents) if R.random() < 0.3 else ""], 2):
                ws.cell(r, c, v)
            ws.cell(r, 6).number_format = "#,##0.00"
            r += 1
    frame(ws, 3, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "注：1.处理意见为对招标人或相关责任人的处理，“不涉及”指未作处理；2.整改完成情况以行业监督部门复核为准。")
    ws.cell(r + 1, 1, f"填表人：{person()}　　　　审核人：{person()}　　　　填表日期：2025年4月30日")
    widths(ws, [6, 18, 26, 18, 20, 12, 32, 10, 30, 14, 10, 12, 12, 16])
    for col in ("D", "E", "F"):
        ws.column_dimensions[col].hidden = True
    ws.freeze_panes = "C4"
    wb.save(os.path.join(OUT, F5))
    return dict(
        file=F5, kind="工程建设项目 招标投标 专项检查 问题整改台账 over 招标人, project names in another column, hidden columns, xlsx",
        producer="县发改局公管办(Excel手工, openpyxl xlsx; columns D-F hidden)", as_of=AS_OF,
        sheets={"问题整改台账": dict(header_row=3, data_rows=len(F5_ROWS), columns=dict(
            problem="G (检查发现问题)", measure="I (整改措施; one row = one item)", deadline="J (整改期限)",
            status="L (整改完成情况)", unit="B (招标人)", person="K (招标人责任人)", department=None, completed_on=None))},
        status_map={"已整改": "done", "整改中": "in progress", "已制定方案": "in progress (plan only)", "未整改": "not started",
                    "长期坚持": "long-term (deadline 长期坚持)"},
        notes="units = the three 招标人; 项目名称 (projects; one 招标人 has two) are not units; hidden columns D-F (项目编号, 中标单位, 中标金额) "
              "hold no state and no unit; 处理意见 (责令改正 / 约谈 / 不涉及 / 移送…) is not a state (注); the 发改局 in the meta row is not a unit; "
              "2025年二季度末 = 06-30; 2025.4.30 done; 2025年10月31日 is done anyway",
        counts=recount([(x[0], x[4], x[5], x[6]) for x in F5_ROWS], F5_STATE), hand=F5_HAND,
        unit_sheets={u: ["问题整改台账"] for u in F5_HAND})


# ================================================================== 6. 住房公积金 管理中心 内部审计 问题整改 (openpyxl xlsx)
F6 = "临江市住房公积金管理中心2024年度内部审计发现问题整改台账.xlsx"
F6_STATE = {"已完成": "done", "正在整改": "not", "整改中（完成60%）": "not", "已制定方案": "not", "长期坚持": "long"}
# (问题序号, 审计发现问题, 问题类别, 整改措施, 牵头科室, 整改时限, 整改进展情况)
F6_ROWS = [
    # HAND 归集管理科: m4 done1 long1 not2 overdue@0430 0 overdue@1031 2   (the first row enumerates two measures)
    (1, "部分缴存单位缴存基数未按规定年度调整", "归集管理", "1.对缴存基数异常的单位逐户核查；2.督促单位按规定调整缴存基数并补缴差额", "归集管理科", "2025年6月30日前", "整改中（完成60%）"),
    (1, "部分缴存单位缴存基数未按规定年度调整", "归集管理", "建立缴存基数年度核定机制", "归集管理科", "长期坚持", "长期坚持"),
    (2, "提取审核不严，个别提取业务资料不全即予办理", "归集管理", "对2024年全部提取业务开展倒查，追回违规提取资金", "归集管理科", "2025年3月31日前", "已完成"),
    # HAND 贷款管理科: m5 done2 long0 not3 overdue@0430 0 overdue@1031 2
    (3, "个人住房贷款逾期催收不及时", "贷款管理", "建立逾期贷款分级催收制度", "贷款管理科", "2025年4月30日前", "已完成"),
    (3, "个人住房贷款逾期催收不及时", "贷款管理", "对逾期3期以上贷款逐户上门催收", "贷款管理科", "2025年三季度末", "正在整改"),
    (4, "部分贷款抵押登记手续不完备", "贷款管理", "补充完善抵押登记手续", "贷款管理科", "2025年5月31日前", "已制定方案"),
    (4, "部分贷款抵押登记手续不完备", "贷款管理", "与不动产登记中心建立抵押信息共享机制", "贷款管理科", "2025年12月31日前", "正在整改"),
    (4, "部分贷款抵押登记手续不完备", "贷款管理", "开展贷款档案专项检查", "贷款管理科", "立行立改", "已完成"),
    # HAND 财务会计科: m4 done1 long1 not2 overdue@0430 1 overdue@1031 1
    (5, "增值收益分配核算不规范", "财务管理", "按规定重新核算2024年度增值收益分配", "财务会计科", "2025年3月31日前", "已完成"),
    (5, "增值收益分配核算不规范", "财务管理", "修订住房公积金财务核算办法", "财务会计科", "2025年4月20日前", "正在整改"),
    (6, "受托银行专户数量多，闲置专户未及时清理", "资金管理", "清理归并受托银行专户", "财务会计科", "2025.12.31", "正在整改"),
    (6, "受托银行专户数量多，闲置专户未及时清理", "资金管理", "按月与受托银行对账", "财务会计科", "长期坚持", "长期坚持"),
    # HAND 信息技术科: m3 done2 long0 not1 overdue@0430 0 overdue@1031 1
    (7, "业务系统权限管理不规范，离岗人员账号未及时注销", "信息安全", "注销离岗人员账号", "信息技术科", "立行立改", "已完成"),
    (7, "业务系统权限管理不规范，离岗人员账号未及时注销", "信息安全", "建立账号权限季度复核机制", "信息技术科", "2025年6月30日前", "已完成"),
    (8, "业务数据备份未异地存放", "信息安全", "建设异地灾备系统", "信息技术科", "2025年三季度末", "已制定方案"),
]
F6_HAND = {"归集管理科": (4, 1, 1, 2, 0, 2), "贷款管理科": (5, 2, 0, 3, 0, 2), "财务会计科": (4, 1, 1, 2, 1, 1),
           "信息技术科": (3, 2, 0, 1, 0, 1)}


def f6():
    wb = Workbook(); ws = wb.active; ws.title = "整改台账"
    ncol = 10
    title(ws, "A1:J1", "临江市住房公积金管理中心2024年度内部审计发现问题整改台账")
    ws.merge_cells("A2:J2")
    ws["A2"] = "审计部门：稽核审计科　　　审计期间：2024年1月1日至2024年12月31日　　　整改责任主体：各牵头科室"
    ws.merge_cells("A3:J3"); ws["A3"] = "报送时间：2025年4月28日"
    for col, txt in (("A", "序号"), ("B", "审计发现问题"), ("C", "问题类别"), ("D", "整改措施"), ("H", "整改时限"),
                     ("I", "整改进展情况"), ("J", "备注")):
        ws.merge_cells(f"{col}4:{col}5"); ws[f"{col}4"] = txt
    ws.merge_cells("E4:G4"); ws["E4"] = "整改责任"
    header(ws, 5, ["牵头科室", "分管领导", "具体责任人"], start=5)
    for c in range(1, ncol + 1):
        ws.cell(4, c).font = Font(bold=True); ws.cell(4, c).alignment = CN
    leaders = {"归集管理科": "副主任 " + person(), "贷款管理科": "副主任 " + person(), "财务会计科": "副主任 " + person(),
               "信息技术科": "副主任 " + person()}
    heads = {k: person() for k in leaders}
    r = 6
    for seq in sorted({x[0] for x in F6_ROWS}):
        rows = [x for x in F6_ROWS if x[0] == seq]
        start = r
        for (_, prob, cat, meas, dept, dl, st) in rows:
            ws.cell(r, 4, meas); ws.cell(r, 5, dept); ws.cell(r, 6, leaders[dept]); ws.cell(r, 7, heads[dept])
            ws.cell(r, 8, dl); ws.cell(r, 9, st)
            r += 1
        merge_down(ws, 1, start, r - 1, seq); ws.cell(start, 1).alignment = CN
        merge_down(ws, 2, start, r - 1, rows[0][1]); merge_down(ws, 3, start, r - 1, rows[0][2])
    frame(ws, 4, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "说明：本台账按牵头科室分解落实，各科室对本科室牵头事项的整改负责；整改进展情况填“已完成”“正在整改”（可注明完成比例）"
                  "“已制定方案”“长期坚持”；稽核审计科负责跟踪督办。")
    ws.cell(r + 1, 1, f"填报人：{person()}"); ws.cell(r + 1, 4, f"审核人：{person()}"); ws.cell(r + 1, 8, "中心主任：" + person())
    widths(ws, [6, 28, 10, 36, 12, 14, 10, 16, 16, 8])
    ws.freeze_panes = "A6"
    wb.save(os.path.join(OUT, F6))
    return dict(
        file=F6, kind="住房公积金 管理中心 内部审计 发现问题整改台账 of one 中心, units = its 牵头科室, problems merged over measures, two-row band, xlsx",
        producer="市住房公积金管理中心稽核审计科(Excel手工, openpyxl xlsx)", as_of=AS_OF,
        sheets={"整改台账": dict(header_row="4-5 (merged group 整改责任 over 牵头科室/分管领导/具体责任人)", data_rows=len(F6_ROWS),
                               columns=dict(problem="B (审计发现问题, merged over its measures)", measure="D (整改措施)",
                                            deadline="H (整改时限)", status="I (整改进展情况)", unit="E (牵头科室)",
                                            person="G (具体责任人)", department="E (牵头科室 = the unit)", completed_on=None))},
        status_map={"已完成": "done", "正在整改": "in progress", "整改中（完成60%）": "in progress", "已制定方案": "in progress (plan only)",
                    "长期坚持": "long-term (deadline 长期坚持)"},
        notes="the ledger is of one 中心 (title); its meta row says 整改责任主体：各牵头科室 and the 说明 says each 科室 answers for its own items, "
              "so units = the four 牵头科室; the auditing 稽核审计科 (meta and 说明) and the 中心 itself are not units; 分管领导/具体责任人 are persons; "
              "problems 1-8 are merged over their measure rows; the first measure cell of problem 1 enumerates 1.…；2.… = two measures "
              "(归集管理科 has 3 rows, 4 measures; 15 rows, 16 measures in all); 2025年三季度末 = 09-30; 2025年4月30日前 is done anyway",
        counts=recount([(x[4], x[3], x[5], x[6]) for x in F6_ROWS], F6_STATE), hand=F6_HAND,
        unit_sheets={u: ["整改台账"] for u in F6_HAND})


# ================================================================== 7. 体育场馆 安全运营 检查 (openpyxl xlsx, extra 汇总 sheet)
F7 = "青溪县2025年体育场馆安全运营专项检查问题整改台账.xlsx"
F7_STATE = {"已整改": "done", "整改中": "not", "未整改": "not", "待复查": "not", "长期坚持": "long"}
# (运营单位, 场馆名称, 检查项目, 存在问题, 整改措施, 整改时限, 整改状态)
F7_ROWS = [
    # HAND 青溪县体育中心管理有限公司: m6 done3 long1 not2 overdue@0430 1 overdue@1031 2
    ("青溪县体育中心管理有限公司", "县体育馆", "消防设施", "看台区域部分喷淋头被广告牌遮挡", "拆除遮挡物", "立行立改", "已整改"),
    ("青溪县体育中心管理有限公司", "县体育馆", "疏散通道", "大型活动期间安全出口被临时摊位占用", "清理占用，活动期间安排专人值守出口", "4月15日前", "已整改"),
    ("青溪县体育中心管理有限公司", "县体育馆", "设施设备", "二层看台栏杆松动", "加固看台栏杆", "5月31日前", "整改中"),
    ("青溪县体育中心管理有限公司", "县游泳馆", "救生管理", "救生员配备人数不足", "按水面面积配齐持证救生员", "立行立改", "已整改"),
    ("青溪县体育中心管理有限公司", "县游泳馆", "水质管理", "水质检测记录不全", "每日检测并公示水质", "长期坚持", "长期坚持"),
    ("青溪县体育中心管理有限公司", "县游泳馆", "设施设备", "池岸防滑垫破损", "更换防滑垫", "4月20日前", "待复查"),
    # HAND 青溪悦动体育文化发展有限公司: m4 done1 long0 not3 overdue@0430 0 overdue@1031 2
    ("青溪悦动体育文化发展有限公司", "青溪县全民健身中心", "消防设施", "应急照明灯不亮", "更换应急照明灯", "4月10日前", "已整改"),
    ("青溪悦动体育文化发展有限公司", "青溪县全民健身中心", "设施设备", "健身器材无定期维护保养记录", "建立器材维护保养台账", "6月30日前", "未整改"),
    ("青溪悦动体育文化发展有限公司", "青溪县全民健身中心", "人员管理", "持证社会体育指导员不足", "组织人员培训取证", "2025.9.30", "整改中"),
    ("青溪悦动体育文化发展有限公司", "青溪县全民健身中心", "安全管理", "未制定突发事件应急预案", "编制应急预案并组织演练", "2025.11.30", "整改中"),
    # HAND 青溪县城投物业管理有限公司: m3 done2 long0 not1 overdue@0430 0 overdue@1031 1
    ("青溪县城投物业管理有限公司", "滨河体育公园", "设施设备", "篮球架底座锈蚀", "更换篮球架", "5月31日前", "待复查"),
    ("青溪县城投物业管理有限公司", "滨河体育公园", "安全管理", "夜间照明不足", "增设照明设施", "4月30日前", "已整改"),
    ("青溪县城投物业管理有限公司", "滨河体育公园", "安全管理", "公园水域周边未设置警示标志", "设置警示标志和救生圈", "立行立改", "已整改"),
]
F7_HAND = {"青溪县体育中心管理有限公司": (6, 3, 1, 2, 1, 2), "青溪悦动体育文化发展有限公司": (4, 1, 0, 3, 0, 2),
           "青溪县城投物业管理有限公司": (3, 2, 0, 1, 0, 1)}


def f7():
    wb = Workbook()
    s0 = wb.active; s0.title = "汇总"
    ws = wb.create_sheet("整改台账")
    ncol = 10
    title(ws, "A1:J1", "青溪县2025年体育场馆安全运营专项检查问题整改台账")
    ws.merge_cells("A2:J2")
    ws["A2"] = "检查单位：青溪县文化广电旅游体育局　　　检查时间：2025年3月18日—3月28日　　　更新时间：2025年4月29日"
    header(ws, 3, ["序号", "运营单位", "场馆名称", "检查项目", "存在问题", "整改措施", "整改时限", "责任人", "整改状态", "备注"])
    r = 4
    for unit in F7_HAND:
        rows = [x for x in F7_ROWS if x[0] == unit]
        ustart = r
        venues = []
        for x in rows:
            if x[1] not in venues:
                venues.append(x[1])
        for v in venues:
            vstart = r
            boss = person()
            for (_, _, item, prob, meas, dl, st) in [x for x in rows if x[1] == v]:
                ws.cell(r, 1, r - 3).alignment = CN
                ws.cell(r, 4, item); ws.cell(r, 5, prob); ws.cell(r, 6, meas); ws.cell(r, 7, dl)
                ws.cell(r, 8, boss); ws.cell(r, 9, st)
                r += 1
            merge_down(ws, 3, vstart, r - 1, v)
        merge_down(ws, 2, ustart, r - 1, unit)
    frame(ws, 3, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "说明：整改时限未注明年份的为2025年；“待复查”指运营单位已报告整改、检查组尚未复查，不计入已整改。")
    ws.cell(r + 1, 1, f"填表人：{person()}"); ws.cell(r + 1, 5, f"审核人：{person()}")
    widths(ws, [6, 22, 14, 10, 30, 30, 12, 9, 10, 8])
    ws.freeze_panes = "A4"
    # 汇总 sheet (a summary table, not a ledger)
    title(s0, "A1:F1", "体育场馆安全运营专项检查问题整改情况汇总", 14)
    header(s0, 2, ["运营单位", "检查场馆数", "发现问题（项）", "已整改（项）", "长期坚持（项）", "整改率"])
    row = 3; tot = [0, 0, 0, 0]
    for unit in F7_HAND:
        rows = [x for x in F7_ROWS if x[0] == unit]
        nv = len({x[1] for x in rows}); n = len(rows)
        nd = sum(F7_STATE[x[6]] == "done" for x in rows); nl = sum(F7_STATE[x[6]] == "long" for x in rows)
        for c, v in enumerate([unit, nv, n, nd, nl, f"{round(100 * nd / n)}%"], 1):
            s0.cell(row, c, v)
        tot = [tot[0] + nv, tot[1] + n, tot[2] + nd, tot[3] + nl]
        row += 1
    for c, v in enumerate(["合计"] + tot + [f"{round(100 * tot[2] / tot[1])}%"], 1):
        s0.cell(row, c, v).font = Font(bold=True)
    frame(s0, 2, row, 6)
    widths(s0, [30, 12, 14, 12, 14, 10])
    wb.save(os.path.join(OUT, F7))
    return dict(
        file=F7, kind="体育场馆 安全运营 专项检查 问题整改台账 over 场馆运营单位, operator and venue cells merged down, extra 汇总 sheet first, xlsx",
        producer="县文广旅体局(Excel手工, openpyxl xlsx)", as_of=AS_OF,
        sheets={"整改台账": dict(header_row=3, data_rows=len(F7_ROWS), columns=dict(
            problem="E (存在问题)", measure="F (整改措施; one row = one item)", deadline="G (整改时限)",
            status="I (整改状态)", unit="B (运营单位, merged down)", person="H (责任人)", department=None, completed_on=None)),
                "汇总": dict(header_row=2, data_rows=4, columns=None, note="not a ledger: per-operator summary table with a 合计 row")},
        status_map={"已整改": "done", "整改中": "in progress", "未整改": "not started",
                    "待复查": "not done (说明: reported but not re-checked, not counted as rectified)", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="units = the three 运营单位 (merged down); 场馆名称 (venues, merged down; one operator runs two) are not units; 责任人 are persons; "
              "the 文广旅体局 in the meta row is not a unit; the first sheet 汇总 is a summary, not a ledger, and adds nothing; deadlines without a "
              "year are 2025 (title, 说明); 4月30日前 is done anyway",
        counts=recount([(x[0], x[4], x[5], x[6]) for x in F7_ROWS], F7_STATE), hand=F7_HAND,
        unit_sheets={u: ["整改台账"] for u in F7_HAND})


# ================================================================== 8. 民办幼儿园 年检 整改 (system export xlsx)
F8 = "民办幼儿园年检管理系统_年检问题整改情况导出_20250430.xlsx"
F8_STATE = {"已销号": "done", "整改中": "not", "待审核": "not", "未整改": "not", "持续整改": "long"}
# (幼儿园名称, 问题类别, 问题描述, 整改要求, 整改期限, 整改状态)
F8_ROWS = [
    # HAND 青溪县童心幼儿园: m4 done2 long0 not2 overdue@0430 1 overdue@1031 2
    ("青溪县童心幼儿园", "办园条件", "户外活动场地生均面积不足", "调整班额，扩大户外活动场地", "2025-08-31", "整改中"),
    ("青溪县童心幼儿园", "安全管理", "未配备专职保安人员", "配备持证专职保安", "2025-03-31", "已销号"),
    ("青溪县童心幼儿园", "保育教育", "存在“小学化”倾向", "停止教授小学课程内容，按指南开展游戏活动", "2025-03-15", "已销号"),
    ("青溪县童心幼儿园", "卫生保健", "保健人员未取得培训合格证", "保健人员参加培训取证", "2025-04-20", "待审核"),
    # HAND 青溪县启智幼儿园: m5 done2 long1 not2 overdue@0430 0 overdue@1031 1
    ("青溪县启智幼儿园", "师资队伍", "部分教师未取得幼儿园教师资格证", "无证人员调离教学岗位，督促考取资格证", "2025-06-30", "整改中"),
    ("青溪县启智幼儿园", "卫生保健", "食堂食品经营许可证过期", "办理食品经营许可证延续", "2025-05-31", "已销号"),
    ("青溪县启智幼儿园", "财务管理", "收费项目和标准未公示", "在园所显著位置公示收费项目和标准", "2025-03-31", "已销号"),
    ("青溪县启智幼儿园", "财务管理", "未按规定足额缴纳办学风险保证金", "足额缴纳风险保证金", "2025-12-31", "未整改"),
    ("青溪县启智幼儿园", "安全管理", "安全隐患排查未常态化开展", "每周开展安全隐患排查并记录", "长期", "持续整改"),
    # HAND 青溪县金色摇篮幼儿园: m3 done1 long0 not2 overdue@0430 1 overdue@1031 1
    ("青溪县金色摇篮幼儿园", "办园条件", "楼梯未设置幼儿扶手", "加装幼儿扶手", "2025-04-15", "已销号"),
    ("青溪县金色摇篮幼儿园", "卫生保健", "晨午检记录不完整", "规范晨午检制度和记录", "2025-04-10", "整改中"),
    ("青溪县金色摇篮幼儿园", "办园条件", "园舍未办理消防验收手续", "办理消防验收（备案）手续", "2025-10-31", "未整改"),
    # HAND 青溪县小天使双语幼儿园: m4 done2 long0 not2 overdue@0430 0 overdue@1031 2
    ("青溪县小天使双语幼儿园", "办园行为", "园名使用“双语”字样不符合规定", "申请变更园所名称", "2025-09-30", "待审核"),
    ("青溪县小天使双语幼儿园", "保育教育", "使用未经审定的境外教材", "停止使用境外教材", "2025-03-31", "已销号"),
    ("青溪县小天使双语幼儿园", "师资队伍", "外籍教师聘用手续不全", "补办外国人工作许可", "2025-07-31", "整改中"),
    ("青溪县小天使双语幼儿园", "安全管理", "视频监控录像保存不足30天", "扩容监控存储设备", "2025-04-30", "已销号"),
]
F8_HAND = {"青溪县童心幼儿园": (4, 2, 0, 2, 1, 2), "青溪县启智幼儿园": (5, 2, 1, 2, 0, 1),
           "青溪县金色摇篮幼儿园": (3, 1, 0, 2, 1, 1), "青溪县小天使双语幼儿园": (4, 2, 0, 2, 0, 2)}


def f8():
    wb = Workbook(); ws = wb.active; ws.title = "年检问题整改"
    hdr = ["序号", "园所代码", "幼儿园名称", "举办者", "办学许可证号", "年检年度", "年检结论", "问题编码", "问题类别", "问题描述",
           "整改要求", "整改期限", "整改状态", "状态更新时间", "审核意见", "经办人"]
    ws.append(hdr)
    n = 0
    for ui, unit in enumerate(F8_HAND):
        code = f"36112{R.randint(1000, 9999)}"
        owner = R.choice(["青溪县", "江西"]) + R.choice(["启航", "博雅", "童乐", "育才"]) + "教育咨询有限公司" if R.random() < 0.6 else person()
        lic = f"教民1361123{R.randint(10000000, 99999999)}号"
        rows = [x for x in F8_ROWS if x[0] == unit]
        verdict = "基本合格" if ui != 2 else "不合格"
        clerk = "jyj_" + R.choice(["zhangl", "wangf", "liuy"])
        for k, (_, cat, prob, req, dl, st) in enumerate(rows, 1):
            n += 1
            upd = dt.datetime(2025, R.choice([3, 4]), R.randint(1, 28), R.randint(8, 17), R.randint(0, 59), R.randint(0, 59))
            opin = {"已销号": "经核查已整改到位，同意销号", "待审核": "", "整改中": "", "未整改": "", "持续整改": "纳入日常监管"}[st]
            ws.append([n, code, unit, owner, lic, "2024", verdict, f"NJ2024{code[-4:]}{k:02d}", cat, prob, req, dl, st,
                       upd.strftime("%Y-%m-%d %H:%M:%S"), opin, clerk])
    wb.save(os.path.join(OUT, F8))
    return dict(
        file=F8, kind="民办幼儿园 年检 问题整改 system export over 幼儿园, codes (园所代码/问题编码), export date in the file name, xlsx",
        producer="民办幼儿园年检管理系统(导出 xlsx, header in row 1, no title)", as_of=AS_OF,
        sheets={"年检问题整改": dict(header_row=1, data_rows=len(F8_ROWS), columns=dict(
            problem="J (问题描述)", measure="K (整改要求; one row = one item)", deadline="L (整改期限, ISO text)",
            status="M (整改状态)", unit="C (幼儿园名称)", person="P (经办人, a system login)", department=None,
            completed_on="N (状态更新时间, the time the state was last changed; not a completion date)"))},
        status_map={"已销号": "done", "整改中": "in progress", "待审核": "not done (submitted, awaiting the bureau's review)",
                    "未整改": "not started", "持续整改": "long-term (deadline 长期)"},
        notes="units = the four kindergartens of 幼儿园名称 (园所代码 is their code); 举办者 (a company or a person) is not a unit; "
              "年检结论 (基本合格/不合格) is the inspection verdict of the kindergarten, not an item's state; 审核意见 is the bureau's note; "
              "the export date 20250430 in the file name is not a deadline; 2025-04-30 done; 2025-10-31 not done is not overdue at 2025-10-31",
        counts=recount([(x[0], x[3], x[4], x[5]) for x in F8_ROWS], F8_STATE), hand=F8_HAND,
        unit_sheets={u: ["年检问题整改"] for u in F8_HAND})


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
    for a in out:
        print(a["file"], {u: [tuple(v[d].values()) for d in AS_OF] for u, v in a["units"].items()})
    print(f"{len(out)} files, {nu} units, {2 * nu} pairs, {ni} items; recount = hand count for every unit")


if __name__ == "__main__":
    main()
