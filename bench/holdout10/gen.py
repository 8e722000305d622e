#!/usr/bin/env python3
"""Generator of taizhang holdout 10. `python3 gen.py` (needs openpyxl; soffice for the .xls and the .ods).

Every data row is written out by hand in the tables below: unit, problem, measure, deadline and state exactly as
the office writes them. Filler (people, phones, codes, days) comes from random.Random(1020251207), so the files are
deterministic. Beside each unit's rows is its hand count (`# HAND m done long not overdue@0430 overdue@1031`),
gathered in a F*_HAND table per file; main() recounts every file from its row table and stops, writing no answers,
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
R = random.Random(1020251207)
SURN = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志海峰林军辉波斌宇浩凯鹏飞云燕琳"


def person():
    return R.choice(SURN) + "".join(R.choice(GIVEN) for _ in range(R.choice([1, 2, 2])))


def phone():
    return "1" + R.choice("358") + "".join(str(R.randint(0, 9)) for _ in range(9))


# ------------------------------------------------------------------ recount (gen side)
def due_of(t):
    """Deadline (text or date) -> date / 'LT' (long-term) / 'IMM' (immediate). Both as-of dates are in 2025 and every
    file that writes a deadline without a year says 2025 (title or 说明), so a missing year is 2025."""
    if isinstance(t, dt.datetime):
        return t.date()
    if isinstance(t, D):
        return t
    t = t.strip()
    if t in ("长期坚持", "长期", "常态化"):
        return "LT"
    if t in ("立行立改", "立即整改", "即查即改"):
        return "IMM"
    m = re.fullmatch(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日前?", t) or re.fullmatch(r"(\d{4})[./-](\d{1,2})[./-](\d{1,2})", t)
    if m:
        return D(int(m[1] or 2025), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(?:(\d{4})年)?(\d{1,2})月(?:底|末)?前?", t)
    if m:
        y, mo = int(m[1] or 2025), int(m[2])
        return D(y, mo, calendar.monthrange(y, mo)[1])
    m = re.fullmatch(r"(\d{4})年([一二三四])季度末?", t)
    if m:
        q = "一二三四".index(m[2]) + 1
        y = int(m[1])
        return D(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
    raise SystemExit(f"gen.py: no rule for deadline {t!r}")


def n_items(measure):
    """A measure cell enumerating （1）…；（2）… holds that many measures; else one."""
    k = len(re.findall(r"（\d）", measure))
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
    prof = tempfile.mkdtemp(prefix="h10lo_")
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


def cols(**kw):
    base = dict(problem=None, measure=None, deadline=None, status=None, unit=None, person=None, department=None,
                completed_on=None)
    base.update(kw)
    return base


# ================================================================== 1. 人武部 民兵整组 检查验收 (openpyxl xlsx)
F1 = "青溪县人民武装部2025年度民兵整组检查验收发现问题整改台账.xlsx"
F1_STATE = {"已整改": "done", "正在整改": "not", "未整改": "not", "长期坚持": "long"}
# (单位, 问题类别, 存在问题, 整改措施, 完成时限, 整改情况)
F1_ROWS = [
    # HAND 城关镇武装部: m5 done2 long1 not2 overdue@0430 1 overdue@1031 2
    ("城关镇武装部", "组织整顿", "基干民兵中2人外出务工超过半年，未及时调整出队", "调整出队并按编制补充编组", "2025年5月31日前", "已整改"),
    ("城关镇武装部", "组织整顿", "民兵应急连编组岗位与所学专业不对口", "按专业对口原则重新编组", "2025年6月底前", "正在整改"),
    ("城关镇武装部", "政治审查", "部分新编民兵政治考核登记表签字不全", "补齐政治考核签字手续", "立行立改", "已整改"),
    ("城关镇武装部", "装备管理", "应急装备器材库温湿度记录不全", "落实器材库每日温湿度记录制度", "长期坚持", "长期坚持"),
    ("城关镇武装部", "档案资料", "民兵花名册与实有人员不一致", "逐人核对，更新民兵花名册", "2025年4月15日前", "未整改"),
    # HAND 白沙镇武装部: m4 done1 long0 not3 overdue@0430 1 overdue@1031 3
    ("白沙镇武装部", "组织整顿", "村（社区）民兵连长配备不全，2个村空缺", "选配村民兵连长", "2025年6月底前", "已整改"),
    ("白沙镇武装部", "训练落实", "基干民兵年度训练时间未达到规定要求", "组织未达标人员集中补训", "2025年9月30日前", "正在整改"),
    ("白沙镇武装部", "阵地建设", "民兵之家学习资料未及时更新", "更新民兵之家学习资料和制度牌", "立行立改", "正在整改"),
    ("白沙镇武装部", "档案资料", "民兵整组工作资料未按要求装订归档", "按整组档案规范整理归档", "2025年5月15日前", "未整改"),
    # HAND 龙口乡武装部: m4 done1 long1 not2 overdue@0430 1 overdue@1031 1
    ("龙口乡武装部", "政治审查", "新编入民兵未全部进行政治审查", "对新编入人员补做政治审查", "2025年4月30日前", "已整改"),
    ("龙口乡武装部", "装备管理", "部分应急装备器材未登记造册", "登记造册，建立装备器材台账", "2025年4月20日前", "正在整改"),
    ("龙口乡武装部", "训练落实", "未按规定组织民兵点验", "组织开展民兵点验", "2025年10月31日前", "未整改"),
    ("龙口乡武装部", "组织整顿", "退役军人编入基干民兵比例偏低", "优先将退役军人编入基干民兵", "长期坚持", "长期坚持"),
    # HAND 东坪街道武装部: m5 done3 long1 not1 overdue@0430 0 overdue@1031 1
    ("东坪街道武装部", "组织整顿", "街道民兵营未按规定配备副营长", "按规定配齐民兵营干部", "2025年6月底前", "已整改"),
    ("东坪街道武装部", "组织整顿", "驻街企业民兵组织建设滞后", "在2家规模以上企业建立民兵排", "2025年8月31日前", "正在整改"),
    ("东坪街道武装部", "档案资料", "民兵整组“一图一表”未上墙", "制作并张贴编组图、人员表", "立行立改", "已整改"),
    ("东坪街道武装部", "阵地建设", "民兵之家值班制度落实不到位", "落实民兵之家值班制度", "长期坚持", "长期坚持"),
    ("东坪街道武装部", "训练落实", "专业分队年度训练计划未制定", "制定专业分队年度训练计划", "2025年4月10日前", "已整改"),
]
F1_HAND = {"城关镇武装部": (5, 2, 1, 2, 1, 2), "白沙镇武装部": (4, 1, 0, 3, 1, 3),
           "龙口乡武装部": (4, 1, 1, 2, 1, 1), "东坪街道武装部": (5, 3, 1, 1, 0, 1)}


def f1():
    wb = Workbook(); ws = wb.active; ws.title = "整改台账"
    ncol = 9
    title(ws, "A1:I1", "青溪县人民武装部2025年度民兵整组检查验收发现问题整改台账")
    ws.merge_cells("A2:I2")
    ws["A2"] = "填报单位：青溪县人民武装部军事科　　　检查验收时间：2025年3月　　　填报时间：2025年4月28日"
    for col, txt in (("A", "序号"), ("B", "单位"), ("E", "整改措施"), ("F", "完成时限"), ("G", "专武干部"),
                     ("H", "整改情况"), ("I", "备注")):
        ws.merge_cells(f"{col}3:{col}4"); ws[f"{col}3"] = txt
    ws.merge_cells("C3:D3"); ws["C3"] = "检查发现问题"
    header(ws, 4, ["问题类别", "存在问题"], start=3)
    for c in range(1, ncol + 1):
        ws.cell(3, c).font = Font(bold=True); ws.cell(3, c).alignment = CN
    r = 5; n = 0; done = 0
    for unit in F1_HAND:
        rows = [x for x in F1_ROWS if x[0] == unit]
        start = r; cadre = person()
        for (_, cat, prob, meas, dl, st) in rows:
            n += 1
            ws.cell(r, 1, n).alignment = CN
            ws.cell(r, 3, cat); ws.cell(r, 4, prob); ws.cell(r, 5, meas); ws.cell(r, 6, dl); ws.cell(r, 8, st)
            done += F1_STATE[st] == "done"
            r += 1
        merge_down(ws, 2, start, r - 1, unit); merge_down(ws, 7, start, r - 1, cadre)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=3)
    ws.cell(r, 1, "合计").alignment = CN
    ws.cell(r, 4, f"共{n}个问题"); ws.cell(r, 8, f"已整改{done}个")
    frame(ws, 3, r, ncol)
    ws.merge_cells(start_row=r + 1, end_row=r + 1, start_column=1, end_column=ncol)
    ws.cell(r + 1, 1, "说明：各乡镇（街道）武装部对照问题清单逐项整改，整改情况按“已整改”“正在整改”“未整改”“长期坚持”填写，"
                      "于每月25日前报县人武部军事科。")
    ws.cell(r + 2, 1, f"制表：{person()}"); ws.cell(r + 2, 5, f"审核：{person()}")
    widths(ws, [6, 16, 10, 32, 30, 16, 10, 12, 8])
    ws.freeze_panes = "A5"
    ws.page_setup.orientation = "landscape"
    wb.save(os.path.join(OUT, F1))
    return dict(
        file=F1, kind="人武部 民兵整组 检查验收 发现问题整改台账 over 乡镇（街道）武装部, unit cells merged down, two-row header band, 合计 row",
        producer="县人民武装部军事科(Excel手工, openpyxl xlsx)", as_of=AS_OF,
        sheets={"整改台账": dict(header_row="3-4 (merged group 检查发现问题 over 问题类别/存在问题)", data_rows=len(F1_ROWS),
                               columns=cols(problem="D (存在问题)", measure="E (整改措施; one row = one item)",
                                            deadline="F (完成时限)", status="H (整改情况)",
                                            unit="B (单位, merged down)", person="G (专武干部, merged down)"))},
        status_map={"已整改": "done", "正在整改": "in progress", "未整改": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="units = the four 乡镇（街道）武装部 of 单位 (merged down over their rows); the inspecting 县人武部军事科 in the meta row "
              "is not a unit; 专武干部 (merged down) are persons; the 合计 row and the 说明/制表 footer are not data; 立行立改 not done "
              "(白沙镇) is overdue at both dates; 2025年4月30日前 is done anyway; 2025年10月31日前 not done is not overdue at 2025-10-31",
        counts=recount([(x[0], x[3], x[4], x[5]) for x in F1_ROWS], F1_STATE), hand=F1_HAND,
        unit_sheets={u: ["整改台账"] for u in F1_HAND})


# ================================================================== 2. 司法局 社区矫正 执法检查 (LibreOffice .xls)
F2 = "青溪县司法局2025年社区矫正执法检查问题整改台账.xls"
F2_STATE = {"已落实": "done", "落实中": "not", "未落实": "not", "常态化开展": "long"}
# (司法所, 检查发现问题, 涉及矫正对象, 整改措施, 整改时限, 整改落实情况)
F2_ROWS = [
    # HAND 城关镇司法所: m6 done3 long1 not2 overdue@0430 0 overdue@1031 2
    ("城关镇司法所", "矫正对象报到后未在3日内组建矫正小组", "1人", "补建矫正小组，明确小组成员职责", "立行立改", "已落实"),
    ("城关镇司法所", "个别矫正对象电子定位信息未每日查看", "2人", "落实每日核查定位信息制度", "常态化", "常态化开展"),
    ("城关镇司法所", "2名矫正对象每月教育学习时间不足8小时", "2人", "组织补学并建立教育学习台账", "5月31日前", "落实中"),
    ("城关镇司法所", "矫正档案中调查评估意见书缺失", "1人", "向委托机关调取补齐", "4月30日前", "未落实"),
    ("城关镇司法所", "请假审批手续不规范，未附证明材料", "3人", "规范请假审批流程，补齐证明材料", "4月15日前", "已落实"),
    ("城关镇司法所", "解除矫正宣告未通知村（居）委会参加", "1人", "完善解矫宣告程序", "6月30日前", "已落实"),
    # HAND 白沙镇司法所: m5 done1 long1 not3 overdue@0430 1 overdue@1031 3
    ("白沙镇司法所", "未按规定开展矫正对象心理评估", "全部", "联系心理咨询机构开展心理评估", "6月30日前", "落实中"),
    ("白沙镇司法所", "社区服务记录不完整", "4人", "完善社区服务记录", "立行立改", "落实中"),
    ("白沙镇司法所", "矫正小组成员未定期走访", "全部", "矫正小组每月走访并记录", "常态化", "常态化开展"),
    ("白沙镇司法所", "警示教育未按期开展", "—", "组织开展警示教育", "4月20日前", "已落实"),
    ("白沙镇司法所", "矫正对象分类管理等级未及时调整", "3人", "按考核结果调整管理等级", "9月30日前", "未落实"),
    # HAND 龙口乡司法所: m4 done2 long0 not2 overdue@0430 1 overdue@1031 1
    ("龙口乡司法所", "社区矫正工作人员不足，仅1名专职人员", "—", "协调乡政府配备社区矫正社会工作者", "10月31日前", "未落实"),
    ("龙口乡司法所", "矫正档案装订不规范", "全部", "按档案规范重新装订", "5月15日前", "已落实"),
    ("龙口乡司法所", "未建立矫正对象外出审批台账", "—", "建立外出审批台账", "立行立改", "已落实"),
    ("龙口乡司法所", "集中教育未做签到记录", "全部", "完善集中教育签到记录", "4月25日前", "落实中"),
]
F2_HAND = {"城关镇司法所": (6, 3, 1, 2, 0, 2), "白沙镇司法所": (5, 1, 1, 3, 1, 3), "龙口乡司法所": (4, 2, 0, 2, 1, 1)}


def f2():
    base = F2[:-4]
    wb = Workbook(); ws = wb.active; ws.title = "执法检查问题整改"
    ncol = 9
    title(ws, "A1:I1", "青溪县司法局2025年社区矫正执法检查问题整改台账")
    ws.merge_cells("A2:I2")
    ws["A2"] = "检查单位：县司法局社区矫正管理局　　　检查时间：2025年3月17日至3月21日　　　填报日期：2025年4月25日"
    header(ws, 3, ["序号", "司法所", "检查发现问题", "涉及矫正对象", "整改措施", "整改时限", "整改落实情况", "所长", "备注"])
    r = 4; n = 0
    for unit in F2_HAND:
        head = person()
        for (_, prob, who, meas, dl, st) in [x for x in F2_ROWS if x[0] == unit]:
            n += 1
            for c, v in enumerate([n, unit, prob, who, meas, dl, st, head, ""], 1):
                ws.cell(r, c, v)
            ws.cell(r, 1).alignment = CN
            r += 1
    frame(ws, 3, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "说明：1.整改时限均为2025年；2.整改落实情况填“已落实”“落实中”“未落实”，需长期坚持的填“常态化开展”；"
                  "3.涉及矫正对象只填人数，不填姓名。")
    ws.cell(r + 1, 1, f"填表人：{person()}"); ws.cell(r + 1, 5, f"联系电话：0793-{R.randint(5100000, 5199999)}")
    widths(ws, [6, 14, 32, 10, 32, 12, 12, 9, 8])
    tmp = tempfile.mkdtemp(prefix="h10x_")
    src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    lo_convert(src, "xls", OUT); shutil.rmtree(tmp)
    return dict(
        file=F2, kind="司法局 社区矫正 执法检查 问题整改台账 over 司法所, deadlines without a year (说明: 2025), xls (BIFF8)",
        producer="县司法局社区矫正管理局(Excel → LibreOffice 'MS Excel 97')", as_of=AS_OF,
        sheets={"执法检查问题整改": dict(header_row=3, data_rows=len(F2_ROWS), columns=cols(
            problem="C (检查发现问题)", measure="E (整改措施; one row = one item)", deadline="F (整改时限)",
            status="G (整改落实情况)", unit="B (司法所)", person="H (所长)"))},
        status_map={"已落实": "done", "落实中": "in progress", "未落实": "not started", "常态化开展": "long-term (deadline 常态化)"},
        notes="units = the three 司法所 of column B (written on every row); the inspecting 社区矫正管理局 in the meta row is not a unit; "
              "所长 is a person; 涉及矫正对象 is a head count, not a unit; deadlines without a year are 2025 (说明 1); "
              "4月30日前 not done is not overdue at 2025-04-30, overdue at 2025-10-31; 10月31日前 not done is never overdue here; "
              "立行立改 not done (白沙镇) is overdue at both dates; 说明/填表人 rows are not data",
        counts=recount([(x[0], x[3], x[4], x[5]) for x in F2_ROWS], F2_STATE), hand=F2_HAND,
        unit_sheets={u: ["执法检查问题整改"] for u in F2_HAND})


# ================================================================== 3. 检察院 行政公益诉讼 诉前检察建议 跟踪 (system export xlsx)
F3 = "检察业务应用系统_诉前检察建议跟踪监督_导出20250430.xlsx"
F3_STATE = {"已整改到位": "done", "部分整改": "not", "未整改": "not", "持续整改": "long"}
# (被建议单位, 建议书文号, 发出日期, 回复期限, 检察建议事项, 整改落实情况)
F3_ROWS = [
    # HAND 青溪县自然资源局: m4 done1 long1 not2 overdue@0430 1 overdue@1031 2
    ("青溪县自然资源局", "青检行公建〔2025〕1号", "2025-01-10", "2025-03-10", "对城关镇违法占用耕地建房问题依法查处", "已整改到位"),
    ("青溪县自然资源局", "青检行公建〔2025〕1号", "2025-01-10", "2025-03-10", "督促违法行为人恢复耕地种植条件", "部分整改"),
    ("青溪县自然资源局", "青检行公建〔2025〕1号", "2025-01-10", "2025-03-10", "建立耕地保护动态巡查机制", "持续整改"),
    ("青溪县自然资源局", "青检行公建〔2025〕6号", "2025-03-20", "2025-05-20", "对白沙镇河道非法采砂点依法处置", "未整改"),
    # HAND 青溪县市场监督管理局: m5 done2 long1 not2 overdue@0430 0 overdue@1031 2
    ("青溪县市场监督管理局", "青检行公建〔2025〕2号", "2025-01-15", "2025-03-15", "对校园周边销售“三无”食品的经营户依法查处", "已整改到位"),
    ("青溪县市场监督管理局", "青检行公建〔2025〕2号", "2025-01-15", "2025-03-15", "开展校园周边食品安全专项检查", "已整改到位"),
    ("青溪县市场监督管理局", "青检行公建〔2025〕2号", "2025-01-15", "2025-03-15", "建立校园周边食品安全常态化监管机制", "持续整改"),
    ("青溪县市场监督管理局", "青检行公建〔2025〕9号", "2025-04-08", "2025-06-08", "对未按规定公示收费标准的停车场依法处理", "部分整改"),
    ("青溪县市场监督管理局", "青检行公建〔2025〕9号", "2025-04-08", "2025-06-08", "督促停车场经营者规范明码标价", "未整改"),
    # HAND 青溪县城市管理局: m3 done1 long0 not2 overdue@0430 2 overdue@1031 2
    ("青溪县城市管理局", "青检行公建〔2025〕4号", "2025-02-12", "2025-04-12", "对城区餐饮油烟直排问题依法处理", "部分整改"),
    ("青溪县城市管理局", "青检行公建〔2025〕4号", "2025-02-12", "2025-04-12", "督促餐饮经营者安装油烟净化设施", "已整改到位"),
    ("青溪县城市管理局", "青检行公建〔2025〕4号", "2025-02-12", "2025-04-12", "清理城区主干道占道经营", "未整改"),
    # HAND 白沙镇人民政府: m4 done1 long1 not2 overdue@0430 0 overdue@1031 2
    ("白沙镇人民政府", "青检行公建〔2025〕7号", "2025-03-25", "2025-05-25", "清理白沙河河道内生活垃圾", "已整改到位"),
    ("白沙镇人民政府", "青检行公建〔2025〕7号", "2025-03-25", "2025-05-25", "对河道沿岸非正规垃圾堆放点进行整治", "部分整改"),
    ("白沙镇人民政府", "青检行公建〔2025〕7号", "2025-03-25", "2025-05-25", "建立河道保洁长效机制", "持续整改"),
    ("白沙镇人民政府", "青检行公建〔2025〕7号", "2025-03-25", "2025-05-25", "对沿河养殖场畜禽粪污直排问题依法处置", "未整改"),
]
F3_HAND = {"青溪县自然资源局": (4, 1, 1, 2, 1, 2), "青溪县市场监督管理局": (5, 2, 1, 2, 0, 2),
           "青溪县城市管理局": (3, 1, 0, 2, 2, 2), "白沙镇人民政府": (4, 1, 1, 2, 0, 2)}
F3_CASE = {"1": "青溪县自然资源局怠于履行耕地保护监管职责案", "6": "青溪县自然资源局怠于履行矿产资源监管职责案",
           "2": "校园周边食品安全行政公益诉讼案", "9": "城区停车场价格违法行政公益诉讼案",
           "4": "城区大气污染防治行政公益诉讼案", "7": "白沙河水污染防治行政公益诉讼案"}


def f3():
    wb = Workbook(); ws = wb.active; ws.title = "诉前检察建议"
    hdr = ["序号", "统一受案号", "案件名称", "检察建议书文号", "被建议单位", "发出日期", "回复期限", "事项序号", "检察建议事项",
           "回复情况", "回复日期", "整改落实情况", "跟进调查日期", "承办检察官", "案件类别"]
    ws.merge_cells(start_row=1, end_row=1, start_column=1, end_column=len(hdr))
    ws.cell(1, 1, "诉前检察建议跟踪监督台账　　导出时间：2025-04-30 09:12:41　　导出人：qxjc_gsk01")
    ws.append(hdr)
    n = 0; seen = {}
    for (unit, doc, sent, due, item, st) in F3_ROWS:
        n += 1
        no = re.search(r"〕(\d+)号", doc)[1]
        if doc not in seen:
            seen[doc] = [f"36112320250{R.randint(10000, 99999)}", 0, person() + "、" + person()]
        seen[doc][1] += 1
        replied = D.fromisoformat(due) < D(2025, 4, 30)
        rdate = (D.fromisoformat(due) - dt.timedelta(days=R.randint(1, 9))).isoformat() if replied else ""
        fday = D.fromisoformat(due) + dt.timedelta(days=R.randint(10, 30))
        follow = fday.isoformat() if replied and fday < D(2025, 4, 30) else ""
        ws.append([n, seen[doc][0], F3_CASE[no], doc, unit, sent, due, seen[doc][1], item,
                   "已书面回复" if replied else "未到回复期限", rdate, st, follow, seen[doc][2], "行政公益诉讼"])
    widths(ws, [6, 22, 30, 22, 20, 12, 12, 8, 36, 12, 12, 12, 12, 16, 12])
    wb.save(os.path.join(OUT, F3))
    return dict(
        file=F3, kind="检察院 行政公益诉讼 诉前检察建议 跟踪监督 over 被建议单位 (行政机关), one row per 建议事项, system export with codes, export date in the file name",
        producer="检察业务应用系统(导出 xlsx; one merged export line, header in row 2, dates as ISO text)", as_of=AS_OF,
        sheets={"诉前检察建议": dict(header_row=2, data_rows=len(F3_ROWS), columns=cols(
            problem="C (案件名称) / I (检察建议事项)", measure="I (检察建议事项; one row = one item)",
            deadline="G (回复期限: the two-month term to act and reply)", status="L (整改落实情况)",
            unit="E (被建议单位)", person="N (承办检察官)"))},
        status_map={"已整改到位": "done", "部分整改": "in progress", "未整改": "not started", "持续整改": "long-term (a standing mechanism)"},
        notes="units = the four 被建议单位 (the administrative bodies the procuratorate's 检察建议 go to, who must act); the procuratorate "
              "(export line, 承办检察官) is not a unit; one row per 建议事项; 回复情况 (已书面回复 / 未到回复期限) says whether the body "
              "replied, not whether it rectified, and is not the state; 回复期限 is the deadline; 持续整改 is long-term though its "
              "row carries a date; 发出日期/回复日期/跟进调查日期 are not deadlines; the export date in the file name is not a deadline",
        counts=recount([(x[0], x[4], x[3], x[5]) for x in F3_ROWS], F3_STATE), hand=F3_HAND,
        unit_sheets={u: ["诉前检察建议"] for u in F3_HAND})


# ================================================================== 4. 高校 实验室安全检查 (LibreOffice .ods, units in section rows)
F4 = "临江大学2025年春季学期实验室安全检查隐患整改台账.ods"
F4_STATE = {"已整改": "done", "整改中": "not", "未整改": "not", "常态化管理": "long"}
# (学院, 楼宇及房间号, 隐患类别, 隐患描述, 整改措施, 整改期限, 整改状态)
F4_ROWS = [
    # HAND 化学化工学院: m5 done2 long1 not2 overdue@0430 1 overdue@1031 2
    ("化学化工学院", "化学楼A213", "危化品", "易制毒化学品未落实双人双锁管理", "配置双锁保险柜，落实双人双锁", "立即整改", "已整改"),
    ("化学化工学院", "化学楼A215", "气瓶", "氢气钢瓶未固定，无防倾倒装置", "加装气瓶固定架", "2025.4.20", "整改中"),
    ("化学化工学院", "化学楼B106", "实验废弃物", "实验废液未分类收集，标签不全", "分类收集并规范张贴标签", "2025.5.10", "已整改"),
    ("化学化工学院", "化学楼B110", "通风", "通风橱面风速不达标", "报修更换通风橱风机", "2025.6.30", "整改中"),
    ("化学化工学院", "化学楼A213", "安全管理", "实验室安全准入考试未覆盖全部新进研究生", "新进人员全部参加准入考试后方可进入实验室", "长期", "常态化管理"),
    # HAND 生命科学学院: m4 done2 long0 not2 overdue@0430 1 overdue@1031 2
    ("生命科学学院", "生科楼305", "生物安全", "生物安全柜超期未检测", "委托有资质机构检测", "2025.5.31", "未整改"),
    ("生命科学学院", "生科楼312", "用电安全", "冰箱与烘箱共用一个插线板", "增设专用插座", "立即整改", "已整改"),
    ("生命科学学院", "生科楼210", "危化品", "实验室超量存放无水乙醇", "清理超量试剂，按需领用", "2025.4.15", "已整改"),
    ("生命科学学院", "生科楼305", "个人防护", "实验人员未穿实验服、未戴手套", "加强日常巡查，违者暂停准入", "立即整改", "整改中"),
    # HAND 材料科学与工程学院: m4 done2 long0 not2 overdue@0430 0 overdue@1031 2
    ("材料科学与工程学院", "材料楼102", "消防安全", "马弗炉周边堆放纸箱", "清理可燃物", "立即整改", "已整改"),
    ("材料科学与工程学院", "材料楼104", "特种设备", "压力容器操作人员无证上岗", "组织操作人员培训取证", "2025.9.30", "整改中"),
    ("材料科学与工程学院", "材料楼201", "消防安全", "灭火器超过有效期", "更换灭火器", "2025.4.10", "已整改"),
    ("材料科学与工程学院", "材料楼203", "用电安全", "设备电源线老化破损", "更换电源线", "2025.4.30", "整改中"),
    # HAND 物理与电子信息学院: m4 done2 long1 not1 overdue@0430 0 overdue@1031 0
    ("物理与电子信息学院", "理科楼C401", "安全标识", "激光实验室未张贴警示标识", "张贴激光警示标识", "2025.4.25", "已整改"),
    ("物理与电子信息学院", "理科楼C405", "用电安全", "大功率设备无人值守过夜运行", "制定设备运行值守制度", "长期", "常态化管理"),
    ("物理与电子信息学院", "理科楼C310", "消防安全", "实验室门口堆放杂物堵塞通道", "清理杂物，保持通道畅通", "立即整改", "已整改"),
    ("物理与电子信息学院", "理科楼C402", "辐射安全", "放射源使用登记不全", "完善放射源领用、使用登记", "2025.11.30", "未整改"),
]
F4_HAND = {"化学化工学院": (5, 2, 1, 2, 1, 2), "生命科学学院": (4, 2, 0, 2, 1, 2),
           "材料科学与工程学院": (4, 2, 0, 2, 0, 2), "物理与电子信息学院": (4, 2, 1, 1, 0, 0)}
F4_LAB = {"化学楼A213": "有机合成实验室", "化学楼A215": "催化实验室", "化学楼B106": "分析化学实验室", "化学楼B110": "无机化学实验室",
          "生科楼305": "微生物学实验室", "生科楼312": "细胞生物学实验室", "生科楼210": "生物化学实验室",
          "材料楼102": "热处理实验室", "材料楼104": "材料合成实验室", "材料楼201": "材料表征实验室", "材料楼203": "金相实验室",
          "理科楼C401": "激光物理实验室", "理科楼C405": "半导体器件实验室", "理科楼C310": "电子技术实验室", "理科楼C402": "核物理实验室"}


def f4():
    base = F4[:-4]
    wb = Workbook(); ws = wb.active; ws.title = "隐患整改台账"
    ncol = 11
    title(ws, "A1:K1", "临江大学2025年春季学期实验室安全检查隐患整改台账")
    ws.merge_cells("A2:K2")
    ws["A2"] = "检查单位：实验室与设备管理处、保卫处　　　检查时间：2025年3月24日—4月3日　　　统计截至：2025年4月29日"
    header(ws, 3, ["序号", "楼宇及房间号", "实验室名称", "隐患类别", "隐患描述", "整改措施", "整改期限", "实验室安全责任人",
                   "整改状态", "复查人", "复查日期"])
    r = 4
    for k, unit in enumerate(F4_HAND):
        ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
        ws.cell(r, 1, "一二三四"[k] + "、" + unit).font = Font(bold=True)
        r += 1
        n = 0; checker = person()
        for (_, room, cat, prob, meas, dl, st) in [x for x in F4_ROWS if x[0] == unit]:
            n += 1
            done = F4_STATE[st] == "done"
            for c, v in enumerate([n, room, F4_LAB[room], cat, prob, meas, dl, person(), st,
                                   checker if done else "", f"2025.4.{R.randint(8, 28)}" if done else ""], 1):
                ws.cell(r, c, v)
            ws.cell(r, 1).alignment = CN
            r += 1
    frame(ws, 3, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "说明：整改状态填“已整改”“整改中”“未整改”；需长期坚持的管理类事项整改期限填“长期”，整改状态填“常态化管理”。"
                  "已整改的由检查组复查并填写复查人、复查日期。")
    ws.cell(r + 1, 1, f"实验室与设备管理处　　制表：{person()}　　审核：{person()}")
    widths(ws, [6, 14, 18, 10, 30, 30, 12, 14, 10, 9, 11])
    ws.freeze_panes = "A4"
    s2 = wb.create_sheet("检查分组")
    header(s2, 1, ["检查组", "组长", "成员", "检查学院", "检查时间"])
    for k, unit in enumerate(F4_HAND):
        s2.append([f"第{k + 1}组", person(), "、".join(person() for _ in range(3)), unit, f"2025年3月{24 + k}日"])
    widths(s2, [8, 10, 26, 20, 14])
    tmp = tempfile.mkdtemp(prefix="h10o_")
    src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    lo_convert(src, "ods", OUT); shutil.rmtree(tmp)
    return dict(
        file=F4, kind="高校 实验室安全检查 隐患整改台账 over 学院, each 学院 named in a full-width section row (一、…) above its rows, second sheet 检查分组, ods",
        producer="临江大学实验室与设备管理处(Excel → LibreOffice ods)", as_of=AS_OF,
        sheets={"隐患整改台账": dict(header_row=3, data_rows=len(F4_ROWS), columns=cols(
            problem="E (隐患描述)", measure="F (整改措施; one row = one item)", deadline="G (整改期限)", status="I (整改状态)",
            unit="none: the 学院 is the section row 一、/二、/三、/四、 merged across A:K above its rows (序号 restarts at 1)",
            person="H (实验室安全责任人)")),
                "检查分组": dict(header_row=1, data_rows=4, columns=None, note="not a ledger: inspection groups per 学院")},
        status_map={"已整改": "done", "整改中": "in progress", "未整改": "not started",
                    "常态化管理": "long-term (说明; deadline 长期)"},
        notes="units = the four 学院 named in the section rows (一、化学化工学院 …), not a column; rooms and laboratories (楼宇及房间号, "
              "实验室名称) are the things inspected, not units; 实验室安全责任人 and 复查人 are persons; the 实验室与设备管理处/保卫处 "
              "are the inspectors; 2025.4.30 not done is not overdue at 2025-04-30; 立即整改 not done (生命科学学院) is overdue at "
              "both dates; 复查日期 is not a deadline; the second sheet 检查分组 is not a ledger",
        counts=recount([(x[0], x[4], x[5], x[6]) for x in F4_ROWS], F4_STATE), hand=F4_HAND,
        unit_sheets={u: ["隐患整改台账"] for u in F4_HAND})


# ================================================================== 5. 疾控 预防接种门诊 督导检查 (CSV UTF-8 with BOM)
F5 = "青溪县疾控中心2025年第一季度预防接种门诊督导检查问题整改台账.csv"
F5_STATE = {"已整改": "done", "整改中": "not", "未整改": "not", "长期坚持": "long"}
# (接种单位, 督导内容, 发现问题, 整改要求, 整改时限, 整改情况)
F5_ROWS = [
    # HAND 城关镇中心卫生院: m5 done3 long0 not2 overdue@0430 1 overdue@1031 2
    ("城关镇中心卫生院", "冷链管理", "冰箱温度每日仅记录1次", "每日上、下午各记录1次冷链温度", "即查即改", "已整改"),
    ("城关镇中心卫生院", "疫苗管理", "疫苗出入库记录与信息系统库存不一致", "逐批次核对，查明原因并更正", "2025年4月15日", "整改中"),
    ("城关镇中心卫生院", "接种实施", "接种前告知后未签署知情同意书", "规范接种前知情告知程序", "即查即改", "已整改"),
    ("城关镇中心卫生院", "AEFI监测", "疑似预防接种异常反应未在规定时限内报告", "组织AEFI监测报告培训", "2025年5月底", "已整改"),
    ("城关镇中心卫生院", "门诊建设", "留观区面积不足", "调整门诊功能分区，扩大留观区", "2025年9月底", "整改中"),
    # HAND 白沙镇卫生院: m4 done0 long1 not3 overdue@0430 1 overdue@1031 3
    ("白沙镇卫生院", "人员资质", "1名接种人员未取得预防接种培训合格证", "参加县级预防接种培训并取证", "2025年6月底", "整改中"),
    ("白沙镇卫生院", "冷链管理", "冷链设备未配备温度自动监测装置", "安装冷链温度自动监测设备", "2025年5月底", "未整改"),
    ("白沙镇卫生院", "信息管理", "儿童预防接种信息录入不及时", "当日接种当日录入", "长期", "长期坚持"),
    ("白沙镇卫生院", "疫苗管理", "过期疫苗未及时登记处置", "登记并按规定处置过期疫苗", "即查即改", "整改中"),
    # HAND 龙口乡卫生院: m4 done2 long0 not2 overdue@0430 0 overdue@1031 1
    ("龙口乡卫生院", "门诊建设", "接种门诊未设置预防接种宣传栏", "设置预防接种宣传栏", "2025年4月20日", "已整改"),
    ("龙口乡卫生院", "接种实施", "接种台未配备急救药品", "配齐急救药品和器械", "即查即改", "已整改"),
    ("龙口乡卫生院", "档案管理", "入托入学预防接种证查验资料未归档", "整理查验资料并归档", "2025年4月30日", "整改中"),
    ("龙口乡卫生院", "信息管理", "预防接种证补证记录不全", "完善补证登记", "2025年10月31日", "未整改"),
    # HAND 东坪街道社区卫生服务中心: m4 done2 long1 not1 overdue@0430 1 overdue@1031 1
    ("东坪街道社区卫生服务中心", "冷链管理", "冷链设备未定期除霜", "建立冰箱除霜记录", "长期", "长期坚持"),
    ("东坪街道社区卫生服务中心", "疫苗管理", "非免疫规划疫苗未公示品种和价格", "公示疫苗品种及价格", "即查即改", "已整改"),
    ("东坪街道社区卫生服务中心", "接种实施", "同时接种多种疫苗未分部位登记", "规范接种部位登记", "2025年4月10日", "已整改"),
    ("东坪街道社区卫生服务中心", "AEFI监测", "部分受种者留观时间不足30分钟", "落实30分钟留观制度", "2025年3月31日", "整改中"),
]
F5_HAND = {"城关镇中心卫生院": (5, 3, 0, 2, 1, 2), "白沙镇卫生院": (4, 0, 1, 3, 1, 3),
           "龙口乡卫生院": (4, 2, 0, 2, 0, 1), "东坪街道社区卫生服务中心": (4, 2, 1, 1, 1, 1)}


def f5():
    ncol = 11
    pad = lambda xs: xs + [""] * (ncol - len(xs))
    rows = [pad(["青溪县疾控中心2025年第一季度预防接种门诊督导检查问题整改台账"]),
            pad(["填报单位：青溪县疾病预防控制中心免疫规划科", "", "", "", "", "", "", "填报日期：2025-04-28"]),
            ["序号", "接种单位", "督导日期", "督导内容", "发现问题", "整改要求", "整改时限", "整改情况", "门诊负责人", "联系电话", "备注"]]
    n = 0
    for unit in F5_HAND:
        boss, tel = person(), phone()
        day = f"2025-03-{R.randint(10, 27):02d}"
        for (_, item, prob, req, dl, st) in [x for x in F5_ROWS if x[0] == unit]:
            n += 1
            rows.append([str(n), unit, day, item, prob, req, dl, st, boss, tel, ""])
    rows.append(pad(["注：1.整改时限为“即查即改”的须在督导现场或督导后3日内完成；2.整改情况填“已整改”“整改中”“未整改”“长期坚持”；"
                     "3.请各接种单位于每月5日前将整改佐证材料报免疫规划科。"]))
    rows.append(pad([f"填表人：{person()}", "", "", "", f"审核人：{person()}"]))
    with open(os.path.join(OUT, F5), "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(rows)
    return dict(
        file=F5, kind="疾控中心 预防接种门诊 督导检查 问题整改台账 over 接种单位 (卫生院/社区卫生服务中心), CSV UTF-8 with BOM",
        producer="县疾控中心免疫规划科(WPS 另存为 CSV UTF-8, BOM, CRLF)", as_of=AS_OF,
        sheets={F5[:-4]: dict(header_row=3, data_rows=len(F5_ROWS), columns=cols(
            problem="E (发现问题)", measure="F (整改要求; one row = one item)", deadline="G (整改时限)", status="H (整改情况)",
            unit="B (接种单位)", person="I (门诊负责人)"))},
        status_map={"已整改": "done", "整改中": "in progress", "未整改": "not started", "长期坚持": "long-term (deadline 长期)"},
        notes="units = the four 接种单位 of column B; the 疾控中心免疫规划科 (filer, inspector) is not a unit; 门诊负责人 is a person; "
              "督导日期 is the inspection day, not a deadline; 即查即改 = immediate (注 1): not done (白沙镇卫生院) is overdue at both "
              "dates; 2025年5月底 = 05-31, 2025年9月底 = 09-30; 2025年4月30日 not done is not overdue at 2025-04-30; "
              "2025年10月31日 not done is not overdue at 2025-10-31; title, meta, 注 and 填表人 rows are not data",
        counts=recount([(x[0], x[3], x[4], x[5]) for x in F5_ROWS], F5_STATE), hand=F5_HAND,
        unit_sheets={u: [F5[:-4]] for u in F5_HAND})


# ================================================================== 6. 法院 案件质量评查 (openpyxl xlsx, one 法院 and its 庭/局)
F6 = "青溪县人民法院2025年第一季度案件质量评查发现问题整改台账.xlsx"
F6_STATE = {"已完成": "done", "推进中": "not", "未启动": "not", "长期坚持": "long"}
# (问题序号, 评查发现问题, 问题类型, 整改措施, 责任部门, 整改时限, 整改进展)
F6_ROWS = [
    # HAND 执行局: m4 done1 long0 not3 overdue@0430 0 overdue@1031 3   (its second measure cell enumerates two measures)
    (1, "部分执行案件未在立案后10日内发出执行通知书", "程序问题", "对在办案件逐案排查，补发执行通知书", "执行局", "立行立改", "已完成"),
    (1, "部分执行案件未在立案后10日内发出执行通知书", "程序问题", "在审判管理系统设置执行通知节点提醒", "执行局", "2025.5.31", "推进中"),
    (2, "终结本次执行程序案件财产调查不到位", "实体问题", "（1）对2024年终本案件开展财产复查；（2）对发现财产线索的案件及时恢复执行", "执行局", "2025年6月", "推进中"),
    # HAND 民事审判庭: m4 done1 long1 not2 overdue@0430 1 overdue@1031 2
    (3, "简易程序转普通程序审批手续不全", "程序问题", "补齐程序转换审批手续", "民事审判庭", "2025年3月", "已完成"),
    (3, "简易程序转普通程序审批手续不全", "程序问题", "规范程序转换审批流程", "民事审判庭", "长期坚持", "长期坚持"),
    (4, "部分裁判文书存在文字、数字错误", "文书问题", "对2024年裁判文书开展交叉校对", "民事审判庭", "2025年4月", "推进中"),
    (4, "部分裁判文书存在文字、数字错误", "文书问题", "对相关承办法官进行提醒谈话", "民事审判庭", "立行立改", "未启动"),
    # HAND 立案庭: m4 done1 long1 not2 overdue@0430 1 overdue@1031 2
    (5, "诉讼费退费不及时", "管理问题", "清理应退未退诉讼费", "立案庭", "2025年三季度", "推进中"),
    (5, "诉讼费退费不及时", "管理问题", "修订诉讼费退费工作流程", "立案庭", "2025.3.31", "已完成"),
    (6, "诉前调解案件超期未转立案", "程序问题", "每月通报诉前调解超期案件", "立案庭", "长期坚持", "长期坚持"),
    (6, "诉前调解案件超期未转立案", "程序问题", "清理超期诉前调解案件", "立案庭", "2025年4月15日", "推进中"),
    # HAND 刑事审判庭: m4 done2 long0 not2 overdue@0430 0 overdue@1031 1
    (7, "涉案财物移送、处置不规范", "管理问题", "组织涉案财物管理专题培训", "刑事审判庭", "2025.4.20", "已完成"),
    (7, "涉案财物移送、处置不规范", "管理问题", "对在库涉案财物开展清理", "刑事审判庭", "2025年6月", "已完成"),
    (8, "部分庭审笔录未经当事人签字确认", "程序问题", "补正庭审笔录签字", "刑事审判庭", "2025年二季度", "推进中"),
    (8, "部分庭审笔录未经当事人签字确认", "程序问题", "推行庭审录音录像替代庭审笔录", "刑事审判庭", "2025年10月", "未启动"),
]
F6_HAND = {"执行局": (4, 1, 0, 3, 0, 3), "民事审判庭": (4, 1, 1, 2, 1, 2), "立案庭": (4, 1, 1, 2, 1, 2),
           "刑事审判庭": (4, 2, 0, 2, 0, 1)}


def f6():
    wb = Workbook(); ws = wb.active; ws.title = "评查问题整改台账"
    ncol = 11
    title(ws, "A1:K1", "青溪县人民法院2025年第一季度案件质量评查发现问题整改台账")
    ws.merge_cells("A2:K2")
    ws["A2"] = "评查组织：审判管理办公室（研究室）　　评查范围：2024年度已结案件　　报送日期：2025年4月28日"
    for col, txt in (("A", "序号"), ("B", "评查案号"), ("C", "评查发现问题"), ("D", "问题类型"), ("E", "整改措施"),
                     ("I", "整改时限"), ("J", "整改进展"), ("K", "备注")):
        ws.merge_cells(f"{col}3:{col}4"); ws[f"{col}3"] = txt
    ws.merge_cells("F3:H3"); ws["F3"] = "整改责任"
    header(ws, 4, ["责任部门", "分管院领导", "责任人"], start=6)
    for c in range(1, ncol + 1):
        ws.cell(3, c).font = Font(bold=True); ws.cell(3, c).alignment = CN
    court = {"执行局": "执", "民事审判庭": "民初", "立案庭": "民诉前调", "刑事审判庭": "刑初"}
    lead = {k: "副院长 " + person() for k in court}
    head = {k: person() for k in court}
    r = 5
    for seq in sorted({x[0] for x in F6_ROWS}):
        rows = [x for x in F6_ROWS if x[0] == seq]
        start = r
        dept = rows[0][4]
        cases = "、".join(f"（2024）赣0123{court[dept]}{R.randint(100, 2999)}号" for _ in range(R.choice([1, 2, 3])))
        for (_, prob, kind, meas, dep, dl, st) in rows:
            ws.cell(r, 5, meas); ws.cell(r, 6, dep); ws.cell(r, 7, lead[dep]); ws.cell(r, 8, head[dep])
            ws.cell(r, 9, dl); ws.cell(r, 10, st)
            r += 1
        merge_down(ws, 1, start, r - 1, seq); ws.cell(start, 1).alignment = CN
        merge_down(ws, 2, start, r - 1, cases)
        merge_down(ws, 3, start, r - 1, rows[0][1]); merge_down(ws, 4, start, r - 1, rows[0][2])
    frame(ws, 3, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "说明：各责任部门对本部门牵头的问题逐项整改，整改进展填“已完成”“推进中”“未启动”“长期坚持”；"
                  "审判管理办公室每月跟踪通报。")
    ws.cell(r + 1, 1, f"填报人：{person()}"); ws.cell(r + 1, 5, f"审核人：{person()}")
    widths(ws, [6, 24, 28, 10, 36, 12, 14, 9, 14, 10, 8])
    ws.column_dimensions["B"].hidden = True
    ws.freeze_panes = "C5"
    wb.save(os.path.join(OUT, F6))
    return dict(
        file=F6, kind="法院 案件质量评查 发现问题整改台账 of one 法院, units = its 责任部门 (庭/局), problems merged over measures, hidden 评查案号 column, two-row band",
        producer="县人民法院审判管理办公室(Excel手工, openpyxl xlsx; column B hidden)", as_of=AS_OF,
        sheets={"评查问题整改台账": dict(header_row="3-4 (merged group 整改责任 over 责任部门/分管院领导/责任人)", data_rows=len(F6_ROWS),
                                     columns=cols(problem="C (评查发现问题, merged over its measures)", measure="E (整改措施)",
                                                  deadline="I (整改时限)", status="J (整改进展)", unit="F (责任部门)",
                                                  person="H (责任人)", department="F (责任部门 = the unit)"))},
        status_map={"已完成": "done", "推进中": "in progress", "未启动": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="the ledger is of one 法院 (title); the 说明 says each 责任部门 answers for its own problems, so units = the four 责任部门 "
              "(执行局, 民事审判庭, 立案庭, 刑事审判庭); the 审判管理办公室 (meta, 说明) is the reviewer, not a unit; 分管院领导/责任人 are "
              "persons; hidden column B (评查案号, case numbers merged over each problem) holds no unit and no state; the measure cell "
              "of problem 2 enumerates （1）…；（2）… = two measures (执行局 has 3 rows, 4 measures; 15 rows, 16 measures in all); "
              "2025年6月 = 06-30, 2025年4月 = 04-30 (not overdue at 2025-04-30), 2025年10月 = 10-31 (not overdue at 2025-10-31), "
              "2025年三季度 = 09-30, 2025年二季度 = 06-30; 立行立改 not done (民事审判庭) is overdue at both dates",
        counts=recount([(x[4], x[3], x[5], x[6]) for x in F6_ROWS], F6_STATE), hand=F6_HAND,
        unit_sheets={u: ["评查问题整改台账"] for u in F6_HAND})


# ================================================================== 7. 铁路沿线 安全环境隐患 排查整治 (openpyxl xlsx, date cells, 统计 sheet)
F7 = "青溪县铁路沿线安全环境隐患排查整治台账（2025年）.xlsx"
F7_STATE = {"已销号": "done", "整治中": "not", "未整治": "not", "长期管控": "long"}
# (所属乡镇, 线路名称, 里程, 隐患类型, 隐患具体情况, 产权单位（人）, 整治措施, 整治时限 (a date = a date cell), 整治进展)
F7_ROWS = [
    # HAND 城关镇: m5 done2 long1 not2 overdue@0430 1 overdue@1031 2
    ("城关镇", "沪昆铁路", "K612+300", "彩钢瓦", "线路右侧80米处厂房彩钢瓦屋顶未加固", "青溪县宏达建材厂", "拆除或加固彩钢瓦屋顶", D(2025, 4, 15), "已销号"),
    ("城关镇", "沪昆铁路", "K613+100", "塑料薄膜", "线路左侧蔬菜大棚塑料薄膜未固定", "城关镇东门村村民", "加固大棚薄膜并定期巡查", "长期", "长期管控"),
    ("城关镇", "沪昆铁路", "K614+050", "违章建筑", "铁路线路安全保护区内搭建简易棚", "个人", "依法拆除", D(2025, 6, 30), "整治中"),
    ("城关镇", "青溪支线", "K8+200", "非法穿越", "护网破损，行人穿越线路", "青溪车务段", "修复护网，设置警示牌", "立行立改", "已销号"),
    ("城关镇", "青溪支线", "K9+500", "树木超高", "线路旁杨树超高，倒伏危及行车", "城关镇西郊村", "砍伐超高树木", D(2025, 3, 31), "整治中"),
    # HAND 白沙镇: m5 done1 long1 not3 overdue@0430 1 overdue@1031 3
    ("白沙镇", "沪昆铁路", "K620+400", "垃圾堆放", "铁路桥下堆放生活垃圾", "白沙镇白沙村", "清运垃圾，设置禁倒标志", D(2025, 4, 10), "已销号"),
    ("白沙镇", "沪昆铁路", "K621+000", "取土挖沙", "铁路线路安全保护区内取土", "个人", "停止取土并回填", "立行立改", "整治中"),
    ("白沙镇", "沪昆铁路", "K622+700", "道口", "机耕道口警示标志缺失", "白沙镇人民政府", "设置警示标志和限高架", D(2025, 5, 20), "未整治"),
    ("白沙镇", "沪昆铁路", "K623+150", "彩钢瓦", "养殖场彩钢瓦屋顶距线路不足100米", "青溪县绿源养殖场", "加固彩钢瓦屋顶", D(2025, 8, 31), "未整治"),
    ("白沙镇", "沪昆铁路", "K620+900", "放牧", "沿线放养牲畜", "白沙镇上坪村村民", "加强宣传劝导，落实看管", "长期", "长期管控"),
    # HAND 龙口乡: m4 done2 long0 not2 overdue@0430 0 overdue@1031 1
    ("龙口乡", "青溪支线", "K15+300", "塑料薄膜", "线路旁农田废旧地膜散落", "龙口乡龙口村", "清理废旧地膜", D(2025, 4, 30), "已销号"),
    ("龙口乡", "青溪支线", "K16+800", "树木超高", "线路旁竹林超高", "龙口乡石门村", "砍伐超高竹木", D(2025, 4, 30), "整治中"),
    ("龙口乡", "青溪支线", "K17+050", "违章建筑", "安全保护区内新建生猪养殖棚", "个人", "依法拆除", D(2025, 10, 31), "未整治"),
    ("龙口乡", "青溪支线", "K18+200", "排水", "线路侧沟被农田排水堵塞", "龙口乡石门村", "疏通排水沟", D(2025, 3, 20), "已销号"),
]
F7_HAND = {"城关镇": (5, 2, 1, 2, 1, 2), "白沙镇": (5, 1, 1, 3, 1, 3), "龙口乡": (4, 2, 0, 2, 0, 1)}


def f7():
    wb = Workbook(); ws = wb.active; ws.title = "隐患整治台账"
    ncol = 13
    title(ws, "A1:M1", "青溪县铁路沿线安全环境隐患排查整治台账（2025年）")
    ws.merge_cells("A2:M2")
    ws["A2"] = "填报单位：青溪县铁路护路联防工作领导小组办公室　　　　　　　　截至：2025年4月29日"
    header(ws, 3, ["序号", "线路名称", "里程（公里标）", "隐患类型", "隐患具体情况", "所属乡镇", "产权单位（人）", "整治措施",
                   "整治时限", "整治进展", "包保责任人", "发现时间", "备注"])
    r = 4
    for unit in F7_HAND:
        boss = person()
        for (_, line, km, kind, prob, owner, meas, dl, st) in [x for x in F7_ROWS if x[0] == unit]:
            for c, v in enumerate([r - 3, line, km, kind, prob, unit, owner, meas, dl, st, boss,
                                   D(2025, R.choice([2, 3]), R.randint(1, 28)), ""], 1):
                ws.cell(r, c, v)
            ws.cell(r, 1).alignment = CN
            for c in (9, 12):
                if isinstance(ws.cell(r, c).value, D):
                    ws.cell(r, c).number_format = "yyyy/m/d"
            r += 1
    frame(ws, 3, r - 1, ncol)
    ws.cell(r, 1, "注：隐患经路地双方联合复查合格后方可销号；长期管控类隐患由属地乡镇落实常态化巡查。")
    ws.cell(r + 1, 1, f"填表人：{person()}"); ws.cell(r + 1, 6, f"联系电话：{phone()}")
    widths(ws, [6, 10, 12, 10, 30, 10, 18, 24, 11, 10, 10, 11, 8])
    ws.freeze_panes = "A4"
    s2 = wb.create_sheet("分乡镇统计")
    header(s2, 1, ["乡镇", "排查隐患数", "已销号", "整治中", "未整治", "长期管控", "销号率"])
    tot = [0] * 5
    for i, unit in enumerate(F7_HAND, 2):
        sts = [x[8] for x in F7_ROWS if x[0] == unit]
        v = [len(sts)] + [sts.count(k) for k in ("已销号", "整治中", "未整治", "长期管控")]
        tot = [a + b for a, b in zip(tot, v)]
        s2.append([unit] + v + [f"{round(100 * v[1] / v[0])}%"])
    s2.append(["合计"] + tot + [f"{round(100 * tot[1] / tot[0])}%"])
    widths(s2, [10, 12, 8, 8, 8, 10, 8])
    wb.save(os.path.join(OUT, F7))
    return dict(
        file=F7, kind="铁路护路联防 铁路沿线安全环境隐患 排查整治台账 over 所属乡镇 (unit column in the middle), deadlines as date cells, second sheet 分乡镇统计",
        producer="县铁路护路联防办(Excel手工, openpyxl xlsx)", as_of=AS_OF,
        sheets={"隐患整治台账": dict(header_row=3, data_rows=len(F7_ROWS), columns=cols(
            problem="E (隐患具体情况)", measure="H (整治措施; one row = one item)", deadline="I (整治时限, date cells; 长期/立行立改 text)",
            status="J (整治进展)", unit="F (所属乡镇)", person="K (包保责任人)")),
                "分乡镇统计": dict(header_row=1, data_rows=4, columns=None, note="not a ledger: per-town counts with a 合计 row")},
        status_map={"已销号": "done", "整治中": "in progress", "未整治": "not started", "长期管控": "long-term (deadline 长期)"},
        notes="units = the three 所属乡镇 (column F); 线路名称/里程 (railway lines, mileposts) are the things inspected, 产权单位（人） "
              "(owners, including 青溪车务段 and a 镇人民政府 as owner of a crossing) are not units, 包保责任人 are persons; the 护路联防办 "
              "(filer) is not a unit; 发现时间 is a date cell but not a deadline; deadline date cells 2025-04-30 not done (龙口乡) are "
              "not overdue at 2025-04-30; 2025-10-31 not done is not overdue at 2025-10-31; 立行立改 not done (白沙镇) is overdue at "
              "both dates; the second sheet is a summary, not a ledger",
        counts=recount([(x[0], x[6], x[7], x[8]) for x in F7_ROWS], F7_STATE), hand=F7_HAND,
        unit_sheets={u: ["隐患整治台账"] for u in F7_HAND})


# ================================================================== 8. 医院护理部 护理质量检查 (openpyxl xlsx, one sheet per 护理单元)
F8 = "青溪县人民医院护理部2025年3月护理质量检查问题整改追踪表.xlsx"
F8_STATE = {"已改进": "done", "部分改进": "not", "未改进": "not", "长期坚持": "long"}
# (科室, 检查项目, 存在问题, 原因分析, 整改措施, 完成时限, 追踪评价)
F8_ROWS = [
    # HAND 心血管内科: m4 done2 long1 not1 overdue@0430 0 overdue@1031 1
    ("心血管内科", "护理文书", "护理记录单与医嘱执行时间不一致", "低年资护士书写不规范", "组织护理文书书写培训，护士长每日抽查", "4月15日前", "已改进"),
    ("心血管内科", "病区管理", "抢救车药品效期标识不清", "未落实每周清点", "落实抢救车每周清点并登记", "立即整改", "已改进"),
    ("心血管内科", "专科护理", "心衰患者24小时出入量记录不准确", "专科培训不到位", "开展心衰专科护理培训及考核", "4月底前", "部分改进"),
    ("心血管内科", "患者安全", "高危跌倒患者床头未悬挂警示标识", "入院评估不到位", "落实跌倒风险评估及警示标识", "长期", "长期坚持"),
    # HAND 普通外科: m4 done0 long1 not3 overdue@0430 2 overdue@1031 3
    ("普通外科", "院感防控", "手卫生依从性仅75%", "手卫生意识不足", "每周手卫生督查并通报", "长期", "长期坚持"),
    ("普通外科", "管道护理", "引流管标识不全", "管道标识材料不足", "统一管道标识", "4月10日前", "部分改进"),
    ("普通外科", "护理文书", "术前访视记录缺失", "访视流程不清", "规范术前访视流程", "5月31日前", "未改进"),
    ("普通外科", "病区管理", "治疗室无菌物品与清洁物品混放", "物品布局不合理", "调整治疗室物品放置", "立即整改", "未改进"),
    # HAND 儿科: m4 done3 long0 not1 overdue@0430 0 overdue@1031 1
    ("儿科", "用药安全", "高警示药品未单独存放", "专柜不足", "设置高警示药品专柜", "4月20日前", "已改进"),
    ("儿科", "患者安全", "部分患儿腕带信息不全", "身份核对不到位", "落实患者身份识别制度", "立即整改", "已改进"),
    ("儿科", "专科护理", "新生儿暖箱清洁消毒记录不全", "制度落实不到位", "完善暖箱清洁消毒记录", "4月30日前", "已改进"),
    ("儿科", "护理人员", "2名低年资护士儿科急救技能考核不合格", "培训不足", "组织急救技能培训及复考", "6月30日前", "未改进"),
]
F8_HAND = {"心血管内科": (4, 2, 1, 1, 0, 1), "普通外科": (4, 0, 1, 3, 2, 3), "儿科": (4, 3, 0, 1, 0, 1)}


def f8():
    wb = Workbook()
    s0 = wb.active; s0.title = "质控汇总"
    title(s0, "A1:E1", "2025年3月护理质量检查得分汇总", 14)
    header(s0, 2, ["护理单元", "护士长", "检查得分", "问题数", "备注"])
    ncol = 10
    for k, unit in enumerate(F8_HAND):
        rows = [x for x in F8_ROWS if x[0] == unit]
        ws = wb.create_sheet(unit)
        nurse = person()
        title(ws, "A1:J1", f"青溪县人民医院护理质量检查问题整改追踪表（{unit}）", 14)
        ws.merge_cells("A2:J2")
        ws["A2"] = f"检查时间：2025年3月{R.randint(24, 28)}日　　检查人：护理部质控组　　护士长：{nurse}"
        header(ws, 3, ["序号", "检查项目", "存在问题", "原因分析", "整改措施", "完成时限", "责任人", "追踪评价", "追踪人", "追踪日期"])
        r = 4
        for i, (_, item, prob, why, meas, dl, st) in enumerate(rows, 1):
            tr = F8_STATE[st] != "not" or st == "部分改进"
            for c, v in enumerate([i, item, prob, why, meas, dl, R.choice([nurse, person()]), st,
                                   person() if tr else "", f"4月{R.randint(8, 28)}日" if tr else ""], 1):
                ws.cell(r, c, v)
            ws.cell(r, 1).alignment = CN
            r += 1
        frame(ws, 3, r - 1, ncol)
        ws.cell(r, 1, "备注：完成时限均为2025年；追踪评价填“已改进”“部分改进”“未改进”，需持续执行的填“长期坚持”。")
        ws.cell(r + 1, 1, f"护士长签名：{nurse}"); ws.cell(r + 1, 6, f"质控组：{person()}")
        widths(ws, [6, 10, 28, 16, 28, 12, 9, 10, 9, 10])
        s0.append([unit, nurse, round(R.uniform(86, 96), 1), len(rows), ""])
    frame(s0, 2, 2 + len(F8_HAND), 5)
    widths(s0, [14, 10, 10, 8, 10])
    wb.save(os.path.join(OUT, F8))
    sheets = {"质控汇总": dict(header_row=2, data_rows=3, columns=None, note="not a ledger: scores and problem counts per 护理单元")}
    for unit in F8_HAND:
        sheets[unit] = dict(header_row=3, data_rows=sum(x[0] == unit for x in F8_ROWS), columns=cols(
            problem="C (存在问题)", measure="E (整改措施; one row = one item)", deadline="F (完成时限, no year)",
            status="H (追踪评价)", unit="none: the sheet name and the title's （科室） name the 护理单元", person="G (责任人)"))
    return dict(
        file=F8, kind="医院护理部 护理质量检查 问题整改追踪表 of one 医院, one sheet per 护理单元 (科室) + 质控汇总 sheet first, PDCA columns (原因分析/追踪评价)",
        producer="县人民医院护理部(Excel手工, openpyxl xlsx)", as_of=AS_OF, sheets=sheets,
        status_map={"已改进": "done", "部分改进": "in progress", "未改进": "not started", "长期坚持": "long-term (deadline 长期)"},
        notes="units = the three 科室 (护理单元), one sheet each, named by the sheet name and the title's （…）; the 医院 and its 护理部 "
              "(质控组, the inspectors) are not units; 护士长, 责任人, 追踪人 are persons; deadlines have no year: 2025 (备注 and the file "
              "name); 4月底前 = 04-30 (not overdue at 2025-04-30); 立即整改 not done (普通外科) is overdue at both dates; 追踪日期 is "
              "not a deadline; the first sheet 质控汇总 is not a ledger",
        counts=recount([(x[0], x[4], x[5], x[6]) for x in F8_ROWS], F8_STATE), hand=F8_HAND,
        unit_sheets={u: [u] for u in F8_HAND})


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
