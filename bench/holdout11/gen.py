#!/usr/bin/env python3
"""Generator of taizhang holdout 11. `python3 gen.py` (needs openpyxl; soffice for the .xls and the .ods).

Every data row is written out by hand in the tables below: unit, problem, measure, deadline and state exactly as
the office writes them, and at the end of each row its truth as a clerk reads it: (state category, due day or 'LT'
long-term or 'IMM' immediate, number of measures in the row). Beside each unit's rows is its hand count
(`# HAND m done long not overdue@0430 overdue@1031`), gathered in a F*_HAND table per file. main() checks every
row's truth against the written words (state list, deadline reading, enumeration), recounts every unit from the
truths and stops, writing no answers, unless the recount equals the hand count. Filler (people, phones, codes,
times) comes from random.Random(1120251207), so the files are deterministic. Writes files/ and answers.json."""
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
R = random.Random(1120251207)
SURN = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志海峰林辉波斌宇浩凯鹏飞云燕琳"
LT, IMM = "LT", "IMM"


def person():
    return R.choice(SURN) + "".join(R.choice(GIVEN) for _ in range(R.choice([1, 2, 2])))


def phone():
    return "1" + R.choice("358") + "".join(str(R.randint(0, 9)) for _ in range(9))


# ------------------------------------------------------------------ reading the written words (gen side)
def due_of(t):
    """Deadline as written -> date / LT / IMM. Every file is of 2025 (title, 说明 or export date), so a deadline
    written without a year is 2025."""
    if isinstance(t, dt.datetime):
        return t.date()
    t = str(t).strip()
    if t in ("长期坚持", "长期", "常态化"):
        return LT
    if t in ("立行立改", "立即整改"):
        return IMM
    m = (re.fullmatch(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日前?", t)
         or re.fullmatch(r"(\d{4})[./-](\d{1,2})[./-](\d{1,2})", t))
    if m:
        return D(int(m[1] or 2025), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(?:(\d{4})年)?(\d{1,2})月(?:底|末)前?", t)
    if m:
        y, mo = int(m[1] or 2025), int(m[2])
        return D(y, mo, calendar.monthrange(y, mo)[1])
    m = re.fullmatch(r"(\d{4})年第?([一二三四])季度末?", t)
    if m:
        q = "一二三四".index(m[2]) + 1
        return D(int(m[1]), 3 * q, calendar.monthrange(int(m[1]), 3 * q)[1])
    m = re.fullmatch(r"(\d{4})年年?底前?", t)
    if m:
        return D(int(m[1]), 12, 31)
    m = re.fullmatch(r"(\d{4})年上半年", t)
    if m:
        return D(int(m[1]), 6, 30)
    raise SystemExit(f"gen.py: no rule for deadline {t!r}")


def n_items(measure):
    """A measure cell enumerating 1.…；2.… or 一是…；二是… holds that many measures; else one."""
    k = max(len(re.findall(r"(?:^|；)\d\.", measure)), len(re.findall(r"(?:^|；)[一二三四五]是", measure)))
    return k if k >= 2 else 1


def truth(d):
    return d if isinstance(d, str) else d.isoformat()


def recount(rows, smap, fname):
    """rows: (unit, measure, deadline as written, state as written, (cat, due, n) by hand)
    -> {unit: (m, done, long, not, overdue@d1, overdue@d2)}; stops if a hand truth disagrees with the words."""
    out = {}
    for unit, meas, dl, st, (cat, due, n) in rows:
        if smap[st] != cat or due_of(dl) != (due if due in (LT, IMM) else D.fromisoformat(due)) or n_items(meas) != n:
            raise SystemExit(f"gen.py: {fname}: row truth {(cat, due, n)} differs from the words "
                             f"{(smap[st], truth(due_of(dl)), n_items(meas))}: {unit} {meas!r}")
        x = out.setdefault(unit, [0] * 6)
        x[0] += n
        x[{"done": 1, "long": 2, "not": 3}[cat]] += n
        if cat == "not":
            for i, a in enumerate(AS_OF):
                if due == IMM or (due != LT and D.fromisoformat(due) < D.fromisoformat(a)):
                    x[4 + i] += n
    return {u: tuple(v) for u, v in out.items()}


def answers_units(counts):
    return {u: {a: dict(measures=v[0], measures_done=v[1], measures_long_term=v[2], measures_not_done=v[3],
                        overdue=v[4 + i]) for i, a in enumerate(AS_OF)} for u, v in counts.items()}


def lo_convert(src, fmt, outdir):
    prof = tempfile.mkdtemp(prefix="h11lo_")
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


def band(ws, r, single, groups, sub):
    """Two-row header: `single` {col letter: word} merged over rows r..r+1; `groups` {range: word} in row r;
    `sub` {col number: word} in row r+1."""
    for col, txt in single.items():
        ws.merge_cells(f"{col}{r}:{col}{r + 1}"); ws[f"{col}{r}"] = txt
    for rng, txt in groups.items():
        ws.merge_cells(rng); ws[rng.split(":")[0]] = txt
    for c, txt in sub.items():
        ws.cell(r + 1, c, txt)
    for rr in (r, r + 1):
        for c in range(1, ws.max_column + 1):
            ws.cell(rr, c).font = Font(bold=True); ws.cell(rr, c).alignment = CN


# ================================================================== 1. 反洗钱 执法检查 (openpyxl xlsx)
F1 = "中国人民银行澧州市分行2024年度反洗钱执法检查发现问题整改台账（桐川县辖内机构）.xlsx"
F1_STATE = {"已整改": "done", "已整改到位": "done", "整改中": "not", "未整改": "not", "持续整改": "long"}
# (被检查机构, 问题类别, 检查发现问题, 整改措施, 整改期限, 整改责任部门, 整改情况, truth)
F1_ROWS = [
    # HAND 桐川农村商业银行股份有限公司: m5 done2 long1 not2 overdue@0430 1 overdue@1031 2
    ("桐川农村商业银行股份有限公司", "客户身份识别", "部分对公客户未识别受益所有人", "对存量对公客户开展受益所有人信息补录", "2025年6月30日", "公司业务部", "整改中", ("not", "2025-06-30", 1)),
    ("桐川农村商业银行股份有限公司", "大额和可疑交易报告", "可疑交易报告要素不完整，分析流于形式", "修订可疑交易监测分析操作规程，开展专项培训", "2025年3月31日", "合规部", "已整改", ("done", "2025-03-31", 1)),
    ("桐川农村商业银行股份有限公司", "客户身份资料和交易记录保存", "部分开户资料缺失客户身份证件影印件", "补齐缺失资料", "立行立改", "运营管理部", "已整改", ("done", IMM, 1)),
    ("桐川农村商业银行股份有限公司", "洗钱风险自评估", "机构洗钱风险自评估未覆盖新产品、新业务", "建立新产品新业务上线前洗钱风险评估机制", "长期坚持", "合规部", "持续整改", ("long", LT, 1)),
    ("桐川农村商业银行股份有限公司", "内部控制制度", "反洗钱内控制度未根据新规及时修订", "对照新修订的客户尽职调查管理办法修订内控制度", "2025年4月15日", "合规部", "未整改", ("not", "2025-04-15", 1)),
    # HAND 中国邮政储蓄银行股份有限公司桐川县支行: m4 done2 long0 not2 overdue@0430 0 overdue@1031 2
    ("中国邮政储蓄银行股份有限公司桐川县支行", "客户身份识别", "代理他人开立个人账户未核实代理关系", "对代理开户业务逐笔倒查，补充核实代理关系", "2025年5月31日", "个人金融部", "已整改", ("done", "2025-05-31", 1)),
    ("中国邮政储蓄银行股份有限公司桐川县支行", "大额和可疑交易报告", "大额交易报告存在漏报", "补报漏报数据，优化系统抓取规则", "2025.4.30", "运营管理部", "整改中", ("not", "2025-04-30", 1)),
    ("中国邮政储蓄银行股份有限公司桐川县支行", "客户身份识别", "高风险客户未按规定采取强化识别措施", "对高风险客户开展重新识别，按季复核", "2025.9.30", "个人金融部", "整改中", ("not", "2025-09-30", 1)),
    ("中国邮政储蓄银行股份有限公司桐川县支行", "内部控制制度", "反洗钱培训覆盖面不足，部分柜员未参加培训", "制定年度反洗钱培训计划并组织全员培训", "2025年3月31日", "综合管理部", "已整改到位", ("done", "2025-03-31", 1)),
    # HAND 桐川沅澧村镇银行有限责任公司: m6 done3 long1 not2 overdue@0430 0 overdue@1031 1
    ("桐川沅澧村镇银行有限责任公司", "客户身份识别", "个人客户身份信息不完整，职业、住址等要素缺失", "开展存量客户身份信息治理", "2025年12月31日", "运营管理部", "整改中", ("not", "2025-12-31", 1)),
    ("桐川沅澧村镇银行有限责任公司", "大额和可疑交易报告", "未建立可疑交易监测指标体系", "建设反洗钱监测系统并上线运行", "2025年6月底前", "信息科技部", "未整改", ("not", "2025-06-30", 1)),
    ("桐川沅澧村镇银行有限责任公司", "客户身份资料和交易记录保存", "交易记录保存期限不足5年", "调整系统数据保存策略", "2025.3.31", "信息科技部", "已整改", ("done", "2025-03-31", 1)),
    ("桐川沅澧村镇银行有限责任公司", "洗钱风险自评估", "未开展年度洗钱风险自评估", "开展2024年度自评估并按时报送", "立行立改", "风险合规部", "已整改", ("done", IMM, 1)),
    ("桐川沅澧村镇银行有限责任公司", "内部控制制度", "反洗钱岗位人员配备不足", "配备专职反洗钱岗位人员", "2025年4月20日", "综合管理部", "已整改", ("done", "2025-04-20", 1)),
    ("桐川沅澧村镇银行有限责任公司", "内部控制制度", "反洗钱工作未纳入内部审计", "将反洗钱工作纳入年度内部审计计划", "长期坚持", "审计部", "持续整改", ("long", LT, 1)),
    # HAND 中国人寿保险股份有限公司桐川县支公司: m3 done1 long0 not2 overdue@0430 2 overdue@1031 2
    ("中国人寿保险股份有限公司桐川县支公司", "客户身份识别", "保单退保时未重新识别客户身份", "规范退保环节客户身份识别流程", "2025年5月31日", "运营部", "已整改", ("done", "2025-05-31", 1)),
    ("中国人寿保险股份有限公司桐川县支公司", "大额和可疑交易报告", "可疑交易人工分析记录缺失", "完善可疑交易人工分析留痕", "2025年4月25日", "运营部", "整改中", ("not", "2025-04-25", 1)),
    ("中国人寿保险股份有限公司桐川县支公司", "内部控制制度", "代理人反洗钱培训未纳入岗前培训", "将反洗钱内容纳入代理人岗前培训课程", "立行立改", "个险销售部", "整改中", ("not", IMM, 1)),
]
F1_HAND = {"桐川农村商业银行股份有限公司": (5, 2, 1, 2, 1, 2), "中国邮政储蓄银行股份有限公司桐川县支行": (4, 2, 0, 2, 0, 2),
           "桐川沅澧村镇银行有限责任公司": (6, 3, 1, 2, 0, 1), "中国人寿保险股份有限公司桐川县支公司": (3, 1, 0, 2, 2, 2)}


def f1():
    wb = Workbook(); ws = wb.active; ws.title = "整改台账"
    ncol = 12
    title(ws, "A1:L1", "中国人民银行澧州市分行2024年度反洗钱执法检查发现问题整改台账")
    ws.merge_cells("A2:L2"); ws["A2"] = "（桐川县辖内机构）"; ws["A2"].alignment = CN
    ws.merge_cells("A3:F3"); ws["A3"] = "填报部门：反洗钱科"
    ws.merge_cells("G3:L3"); ws["G3"] = "数据截至：2025年4月28日"
    band(ws, 4, {"A": "序号", "B": "被检查机构", "C": "检查方式", "D": "问题类别", "E": "检查发现问题", "L": "备注"},
         {"F4:K4": "整改落实情况"}, {6: "整改措施", 7: "整改期限", 8: "整改责任部门", 9: "责任人", 10: "整改情况", 11: "佐证材料"})
    r = 6; n = 0
    for unit in F1_HAND:
        rows = [x for x in F1_ROWS if x[0] == unit]
        start = r
        for (_, cat, prob, meas, dl, dept, st, _t) in rows:
            n += 1
            ws.cell(r, 1, n).alignment = CN
            for c, v in enumerate([cat, prob, meas, dl, dept, person(), st,
                                   "" if st in ("整改中", "未整改") else R.choice(["制度文件", "整改报告", "系统截图", "培训签到表"])], 4):
                ws.cell(r, c, v)
            r += 1
        merge_down(ws, 2, start, r - 1, unit); merge_down(ws, 3, start, r - 1, "现场检查")
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=4)
    ws.cell(r, 1, "合计").alignment = CN
    nd = sum(F1_STATE[x[6]] == "done" for x in F1_ROWS)
    ws.cell(r, 5, f"发现问题{n}个"); ws.cell(r, 10, f"已整改{nd}个")
    frame(ws, 4, r, ncol)
    ws.merge_cells(start_row=r + 1, end_row=r + 1, start_column=1, end_column=ncol)
    ws.cell(r + 1, 1, "注：1.整改情况填写“已整改”“整改中”“未整改”“持续整改”，“持续整改”指需建立长效机制、长期坚持的事项；"
                      "2.整改责任部门为被检查机构内设部门；3.行政处罚情况见“行政处罚情况”表。")
    ws.cell(r + 2, 1, f"填报人：{person()}"); ws.cell(r + 2, 5, f"复核人：{person()}"); ws.cell(r + 2, 7, f"联系电话：0736-{R.randint(7200000, 7299999)}")
    widths(ws, [6, 20, 10, 14, 30, 32, 14, 12, 9, 10, 12, 8])
    ws.freeze_panes = "C6"
    ws.print_title_rows = "4:5"
    s2 = wb.create_sheet("行政处罚情况")
    header(s2, 1, ["序号", "被处罚机构", "行政处罚决定书文号", "机构罚款（万元）", "个人罚款（万元）", "处罚日期"])
    for i, unit in enumerate(F1_HAND, 1):
        s2.append([i, unit, f"澧银罚决字〔2025〕第{R.randint(3, 40)}号", R.choice([20, 35, 42.5, 61]), R.choice([1.5, 2, 3.5]),
                   f"2025年{R.choice([2, 3])}月{R.randint(1, 28)}日"])
    widths(s2, [6, 36, 28, 14, 14, 14])
    wb.save(os.path.join(OUT, F1))
    return dict(
        file=F1, kind="人民银行 反洗钱 执法检查 发现问题整改台账 over 金融机构, bank cells merged down, 整改落实情况 band, 合计 row, second sheet 行政处罚情况",
        producer="人民银行市分行反洗钱科(Excel手工, openpyxl xlsx)", as_of=AS_OF,
        sheets={"整改台账": dict(header_row="4-5 (merged group 整改落实情况 over 整改措施/整改期限/整改责任部门/责任人/整改情况/佐证材料)",
                              data_rows=len(F1_ROWS), columns=dict(
            problem="E (检查发现问题)", measure="F (整改措施; one row = one item)", deadline="G (整改期限)",
            status="J (整改情况)", unit="B (被检查机构, merged down)", person="I (责任人)",
            department="H (整改责任部门: a department inside the bank, not a unit)", completed_on=None)),
                "行政处罚情况": dict(header_row=1, data_rows=4, columns=None, note="not a ledger: fines per bank")},
        status_map={"已整改": "done", "已整改到位": "done", "整改中": "in progress", "未整改": "not started",
                    "持续整改": "long-term (注: 长效机制; deadline 长期坚持)"},
        notes="units = the four financial institutions of 被检查机构 (merged down with 检查方式); 整改责任部门 are the banks' own "
              "departments, not units; the 人民银行 分行/反洗钱科 in title and meta rows is the inspector, not a unit; 合计 row and 注/填报人 "
              "footer are not data; the second sheet lists fines, not items; 2025.4.30 not done is not overdue at 2025-04-30; 立行立改 not "
              "done (中国人寿) is overdue at both dates",
        counts=recount([(x[0], x[3], x[4], x[6], x[7]) for x in F1_ROWS], F1_STATE, F1), hand=F1_HAND,
        unit_sheets={u: ["整改台账"] for u in F1_HAND})


# ================================================================== 2. 政府采购 监督检查 (LibreOffice .xls)
F2 = "桐川县财政局2025年政府采购监督检查发现问题整改台账.xls"
F2_STATE = {"已整改到位": "done", "正在整改": "not", "尚未整改": "not", "长期坚持": "long"}
# (采购人, 项目名称, 采购方式, 存在问题, 整改要求, 完成期限, 整改结果, truth)
F2_ROWS = [
    # HAND 桐川县教育体育局: m5 done2 long1 not2 overdue@0430 0 overdue@1031 2   (row 3 enumerates 一是…二是… = 2 measures)
    ("桐川县教育体育局", "2024年中小学课桌椅采购项目", "公开招标", "采购需求中指定品牌，限制潜在供应商", "规范采购需求编制，不得指定品牌", "立行立改", "已整改到位", ("done", IMM, 1)),
    ("桐川县教育体育局", "2024年中小学课桌椅采购项目", "公开招标", "政府采购合同未在签订后2个工作日内公告", "补充公告采购合同", "4月15日前", "已整改到位", ("done", "2025-04-15", 1)),
    ("桐川县教育体育局", "2024年学校食堂设备采购项目", "竞争性磋商", "履约验收流于形式，验收报告无验收人员签字", "一是重新组织履约验收；二是制定本单位履约验收管理办法", "6月30日前", "正在整改", ("not", "2025-06-30", 2)),
    ("桐川县教育体育局", "2024年学校食堂设备采购项目", "竞争性磋商", "采购意向未按规定提前30日公开", "严格执行采购意向公开制度", "长期", "长期坚持", ("long", LT, 1)),
    # HAND 桐川县卫生健康委员会: m3 done1 long0 not2 overdue@0430 1 overdue@1031 2
    ("桐川县卫生健康委员会", "2024年乡镇卫生院医疗设备采购项目", "公开招标", "将同一品目设备拆分采购，规避公开招标", "约谈相关责任人，今后严格按品目合并采购", "立行立改", "已整改到位", ("done", IMM, 1)),
    ("桐川县卫生健康委员会", "2024年乡镇卫生院医疗设备采购项目", "公开招标", "采购文件发布前未经采购人书面确认", "完善采购文件确认内控流程", "4月20日前", "尚未整改", ("not", "2025-04-20", 1)),
    ("桐川县卫生健康委员会", "2024年县人民医院信息系统运维服务", "单一来源", "单一来源采购方式未按规定公示", "补充说明情况，今后按规定公示", "5月31日前", "正在整改", ("not", "2025-05-31", 1)),
    # HAND 桐川县城市管理局: m4 done1 long0 not3 overdue@0430 0 overdue@1031 2
    ("桐川县城市管理局", "2024年城区环卫保洁服务外包项目", "公开招标", "评审因素未细化量化", "修订评审办法，细化量化评审因素", "9月30日前", "正在整改", ("not", "2025-09-30", 1)),
    ("桐川县城市管理局", "2024年城区环卫保洁服务外包项目", "公开招标", "未按合同约定期限支付采购资金", "按合同约定及时支付资金", "4月30日前", "尚未整改", ("not", "2025-04-30", 1)),
    ("桐川县城市管理局", "2024年路灯维修材料采购项目", "询价", "询价小组成员不足3人", "规范询价小组组成", "3月31日前", "已整改到位", ("done", "2025-03-31", 1)),
    ("桐川县城市管理局", "2024年路灯维修材料采购项目", "询价", "政府采购内部控制制度不健全", "建立健全政府采购内部控制制度", "12月31日前", "正在整改", ("not", "2025-12-31", 1)),
]
F2_HAND = {"桐川县教育体育局": (5, 2, 1, 2, 0, 2), "桐川县卫生健康委员会": (3, 1, 0, 2, 1, 2), "桐川县城市管理局": (4, 1, 0, 3, 0, 2)}


def f2():
    base = F2[:-4]
    wb = Workbook(); ws = wb.active; ws.title = "问题整改台账"
    ncol = 11
    title(ws, "A1:K1", "桐川县财政局2025年政府采购监督检查发现问题整改台账")
    ws.merge_cells("A2:E2"); ws["A2"] = "填报单位（盖章）：桐川县财政局政府采购监督管理股"
    ws.merge_cells("F2:H2"); ws["F2"] = f"联系人：{person()}"
    ws.merge_cells("I2:K2"); ws["I2"] = "填报时间：2025年4月29日"
    header(ws, 3, ["序号", "采购人", "项目名称", "采购方式", "代理机构", "存在问题", "整改要求", "完成期限", "整改结果", "处理处罚", "备注"])
    agents = ["澧州诚信招标代理有限公司", "桐川县正信工程咨询有限公司", "湘澧项目管理有限公司"]
    r = 4; n = 0; first = True
    for unit in F2_HAND:
        if not first:
            r += 1  # a blank row between purchasers, as the clerk left it
        first = False
        ag = R.choice(agents)
        for (_, proj, way, prob, req, dl, st, _t) in [x for x in F2_ROWS if x[0] == unit]:
            n += 1
            for c, v in enumerate([n, unit, proj, way, "" if way == "询价" else ag, prob, req, dl, st,
                                   R.choice(["责令限期改正", "不涉及", "通报批评"]), ""], 1):
                ws.cell(r, c, v)
            ws.cell(r, 1).alignment = CN
            r += 1
    frame(ws, 3, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "说明：1.完成期限未注明年份的均为2025年；2.整改结果填写“已整改到位”“正在整改”“尚未整改”“长期坚持”；"
                  "3.代理机构存在的问题另行处理，不列入本台账。")
    ws.cell(r + 1, 1, f"审核人：{person()}"); ws.cell(r + 1, 6, f"填表人：{person()}")
    widths(ws, [6, 18, 26, 10, 22, 30, 30, 12, 12, 12, 8])
    tmp = tempfile.mkdtemp(prefix="h11x_")
    src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    lo_convert(src, "xls", OUT); shutil.rmtree(tmp)
    return dict(
        file=F2, kind="财政局 政府采购 监督检查 发现问题整改台账 over 采购人, blank rows between purchasers, deadlines without a year, xls (BIFF8)",
        producer="县财政局政府采购监督管理股(Excel → LibreOffice 'MS Excel 97')", as_of=AS_OF,
        sheets={"问题整改台账": dict(header_row=3, data_rows=len(F2_ROWS), columns=dict(
            problem="F (存在问题)", measure="G (整改要求; one item per row, except 一是…二是… = two)", deadline="H (完成期限)",
            status="I (整改结果)", unit="B (采购人)", person=None, department=None, completed_on=None))},
        status_map={"已整改到位": "done", "正在整改": "in progress", "尚未整改": "not started", "长期坚持": "long-term (deadline 长期)"},
        notes="units = the three 采购人 (written on every row); 项目名称 and 代理机构 are not units (说明: agencies are handled elsewhere); "
              "处理处罚 (责令限期改正/不涉及/通报批评) is not a state; blank rows separate purchasers; deadlines without a year are 2025 "
              "(title, 说明); the 教育体育局 row with 一是…；二是… holds two measures (11 rows, 12 items); 4月30日前 not done is not overdue "
              "at 2025-04-30; the 财政局 股 in the meta row is not a unit",
        counts=recount([(x[0], x[4], x[5], x[6], x[7]) for x in F2_ROWS], F2_STATE, F2), hand=F2_HAND,
        unit_sheets={u: ["问题整改台账"] for u in F2_HAND})


# ================================================================== 3. 职业卫生 监督检查 (CSV GB18030)
F3 = "桐川县2025年用人单位职业卫生监督检查问题整改台账.csv"
F3_STATE = {"已整改（复查合格）": "done", "已整改": "done", "已整改待复查": "not", "整改中": "not", "未整改": "not", "长期坚持": "long"}
# (用人单位, 主要职业病危害因素, 检查发现问题, 整改意见, 整改期限, 整改情况, truth)
F3_ROWS = [
    # HAND 桐川县宏远家具有限公司: m4 done2 long0 not2 overdue@0430 1 overdue@1031 2
    ("桐川县宏远家具有限公司", "木粉尘、苯、噪声", "未按规定开展职业病危害因素定期检测", "委托有资质的技术服务机构开展定期检测", "2025/5/31", "已整改（复查合格）", ("done", "2025-05-31", 1)),
    ("桐川县宏远家具有限公司", "木粉尘、苯、噪声", "喷漆房局部排风设施损坏", "维修局部排风设施", "立即整改", "已整改", ("done", IMM, 1)),
    ("桐川县宏远家具有限公司", "木粉尘、苯、噪声", "接触噪声劳动者未配发护听器", "配发护听器并督促正确佩戴", "立即整改", "整改中", ("not", IMM, 1)),
    ("桐川县宏远家具有限公司", "木粉尘、苯、噪声", "未组织接触职业病危害劳动者进行在岗期间职业健康检查", "组织在岗期间职业健康检查", "2025/6/30", "未整改", ("not", "2025-06-30", 1)),
    # HAND 桐川县华立铸造有限公司: m5 done2 long1 not2 overdue@0430 1 overdue@1031 2
    ("桐川县华立铸造有限公司", "矽尘、高温、噪声", "职业病危害项目未申报", "在职业病危害项目申报系统完成申报", "2025/3/31", "已整改（复查合格）", ("done", "2025-03-31", 1)),
    ("桐川县华立铸造有限公司", "矽尘、高温、噪声", "工作场所未设置职业病危害警示标识和告知卡", "在造型、清砂岗位设置警示标识和告知卡", "2025/4/15", "已整改待复查", ("not", "2025-04-15", 1)),
    ("桐川县华立铸造有限公司", "矽尘、高温、噪声", "职业卫生管理档案不全", "建立健全职业卫生管理档案", "2025/5/15", "整改中", ("not", "2025-05-15", 1)),
    ("桐川县华立铸造有限公司", "矽尘、高温、噪声", "劳动者职业健康监护档案管理不规范", "专人管理职业健康监护档案", "长期坚持", "长期坚持", ("long", LT, 1)),
    ("桐川县华立铸造有限公司", "矽尘、高温、噪声", "主要负责人未参加职业卫生培训", "参加职业卫生培训", "2025/4/30", "已整改", ("done", "2025-04-30", 1)),
    # HAND 桐川县金石石材加工厂: m3 done2 long0 not1 overdue@0430 0 overdue@1031 1
    ("桐川县金石石材加工厂", "矽尘、噪声", "石材切割工序未采取湿式作业", "切割设备改造为湿式作业", "2025/7/31", "整改中", ("not", "2025-07-31", 1)),
    ("桐川县金石石材加工厂", "矽尘、噪声", "未为劳动者配备防尘口罩", "配发KN95及以上防尘口罩", "立即整改", "已整改", ("done", IMM, 1)),
    ("桐川县金石石材加工厂", "矽尘、噪声", "未建立职业卫生管理制度和操作规程", "制定职业卫生管理制度和岗位操作规程", "2025/4/20", "已整改（复查合格）", ("done", "2025-04-20", 1)),
    # HAND 桐川县恒通蓄电池有限公司: m4 done1 long0 not3 overdue@0430 0 overdue@1031 2
    ("桐川县恒通蓄电池有限公司", "铅烟、铅尘、硫酸", "熔铅工序铅烟净化设施效率低，浓度超标", "改造铅烟净化设施", "2025/8/31", "整改中", ("not", "2025-08-31", 1)),
    ("桐川县恒通蓄电池有限公司", "铅烟、铅尘、硫酸", "未设置应急撤离通道和泄险区", "设置应急撤离通道和泄险区", "2025/5/31", "已整改待复查", ("not", "2025-05-31", 1)),
    ("桐川县恒通蓄电池有限公司", "铅烟、铅尘、硫酸", "劳动合同未载明职业病危害及其后果", "补签职业病危害告知书", "2025/4/10", "已整改", ("done", "2025-04-10", 1)),
    ("桐川县恒通蓄电池有限公司", "铅烟、铅尘、硫酸", "更衣室未实行清洁区与污染区分隔", "改造更衣室，设置分隔", "2025/11/30", "未整改", ("not", "2025-11-30", 1)),
]
F3_HAND = {"桐川县宏远家具有限公司": (4, 2, 0, 2, 1, 2), "桐川县华立铸造有限公司": (5, 2, 1, 2, 1, 2),
           "桐川县金石石材加工厂": (3, 2, 0, 1, 0, 1), "桐川县恒通蓄电池有限公司": (4, 1, 0, 3, 0, 2)}


def f3():
    ncol = 11
    pad = lambda xs: xs + [""] * (ncol - len(xs))
    rows = [pad(["桐川县2025年用人单位职业卫生监督检查问题整改台账"]),
            pad(["执法单位：桐川县卫生健康综合监督执法局", "", "", "", "", "检查时间：2025年3月", "", "", "更新时间：2025年4月29日"]),
            ["序号", "用人单位", "所属行业", "主要职业病危害因素", "检查发现问题", "整改意见", "整改期限", "整改情况", "复查日期", "监督员", "备注"]]
    trades = {"桐川县宏远家具有限公司": "家具制造业", "桐川县华立铸造有限公司": "金属铸造", "桐川县金石石材加工厂": "非金属矿物制品业",
              "桐川县恒通蓄电池有限公司": "电池制造"}
    n = 0
    for unit in F3_HAND:
        pair = f"{person()}、{person()}"
        for (_, hz, prob, req, dl, st, _t) in [x for x in F3_ROWS if x[0] == unit]:
            n += 1
            chk = f"2025/4/{R.randint(18, 28)}" if st == "已整改（复查合格）" else ""
            rows.append([str(n), unit, trades[unit], hz, prob, req, dl, st, chk, pair, ""])
    rows.append(pad(["说明：整改情况为“已整改待复查”的，用人单位已报告整改，监督员尚未复查，按未完成统计；“复查日期”为监督员现场复查日期。"]))
    rows.append(pad([f"填表人：{person()}", "", "", "", f"审核人：{person()}", "", "", f"联系电话：0736-{R.randint(7300000, 7399999)}"]))
    with open(os.path.join(OUT, F3), "w", encoding="gb18030", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(rows)
    return dict(
        file=F3, kind="卫生健康综合监督执法局 用人单位 职业卫生 监督检查 问题整改台账 over 企业, CSV GB18030 (WPS)",
        producer="县卫生健康综合监督执法局(WPS 另存为 CSV, GB18030, CRLF)", as_of=AS_OF,
        sheets={F3[:-4]: dict(header_row=3, data_rows=len(F3_ROWS), columns=dict(
            problem="E (检查发现问题)", measure="F (整改意见; one row = one item)", deadline="G (整改期限)",
            status="H (整改情况)", unit="B (用人单位)", person="J (监督员, inspectors)", department=None,
            completed_on="I (复查日期, the re-check day)"))},
        status_map={"已整改（复查合格）": "done", "已整改": "done", "已整改待复查": "not done (说明: not yet re-checked, counted as not done)",
                    "整改中": "in progress", "未整改": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="units = the four 用人单位 (written on every row); 所属行业 and 主要职业病危害因素 are not units; 监督员 are the inspectors "
              "(persons); the 执法局 in the meta row is not a unit; 已整改待复查 is not done (说明); 立即整改 not done (宏远) is overdue at both "
              "dates; 2025/4/30 is done anyway; title, meta, 说明 and 填表人 lines are not data",
        counts=recount([(x[0], x[3], x[4], x[5], x[6]) for x in F3_ROWS], F3_STATE, F3), hand=F3_HAND,
        unit_sheets={u: [F3[:-4]] for u in F3_HAND})


# ================================================================== 4. 律师事务所 年度检查考核 (LibreOffice .ods)
F4 = "桐川县司法局2024年度律师事务所年度检查考核发现问题整改台账.ods"
F4_STATE = {"已完成": "done", "部分完成": "not", "未完成": "not", "长期坚持": "long"}
# (律师事务所, 考核项目, 存在问题, 整改措施, 整改时限, 整改完成情况, truth)
F4_ROWS = [
    # HAND 桐川正言律师事务所: m4 done2 long1 not1 overdue@0430 0 overdue@1031 1
    ("桐川正言律师事务所", "执业管理", "个别律师未按规定统一收案、统一收费", "开展收案收费专项清理", "2025年5月底前", "已完成", ("done", "2025-05-31", 1)),
    ("桐川正言律师事务所", "财务管理", "律师费发票开具不及时", "修订财务管理制度，规范开票", "2025年4月底前", "已完成", ("done", "2025-04-30", 1)),
    ("桐川正言律师事务所", "党建工作", "党支部组织生活不规范", "严格落实“三会一课”制度", "长期坚持", "长期坚持", ("long", LT, 1)),
    ("桐川正言律师事务所", "档案管理", "部分已结案件卷宗未及时归档", "清理未归档案卷，按季度归档", "2025年三季度", "部分完成", ("not", "2025-09-30", 1)),
    # HAND 桐川明理律师事务所: m5 done1 long0 not4 overdue@0430 1 overdue@1031 3
    ("桐川明理律师事务所", "执业管理", "存在律师私自收案收费现象", "对涉事律师批评教育并责令退还费用", "立行立改", "已完成", ("done", IMM, 1)),
    ("桐川明理律师事务所", "内部管理", "未建立律师执业风险防范制度", "制定执业风险防范和投诉处理制度", "2025年3月底前", "未完成", ("not", "2025-03-31", 1)),
    ("桐川明理律师事务所", "内部管理", "未按规定为部分律师缴纳社会保险", "为全部执业律师补缴社会保险", "2025年6月底前", "部分完成", ("not", "2025-06-30", 1)),
    ("桐川明理律师事务所", "档案管理", "业务档案未按规定立卷", "规范业务档案立卷归档", "2025年二季度", "未完成", ("not", "2025-06-30", 1)),
    ("桐川明理律师事务所", "公益服务", "律师年度公益法律服务时长不足", "安排律师参与法律援助值班", "2025年底前", "部分完成", ("not", "2025-12-31", 1)),
    # HAND 澧衡律师事务所桐川分所: m3 done1 long1 not1 overdue@0430 0 overdue@1031 1
    ("澧衡律师事务所桐川分所", "分所管理", "分所负责人未实际驻所执业", "落实分所负责人驻所执业", "2025年4月底前", "已完成", ("done", "2025-04-30", 1)),
    ("澧衡律师事务所桐川分所", "执业管理", "利益冲突审查记录不全", "建立利益冲突审查登记制度", "2025年5月底前", "未完成", ("not", "2025-05-31", 1)),
    ("澧衡律师事务所桐川分所", "年度考核", "律师年度考核材料报送不及时", "按时报送年度考核材料", "长期坚持", "长期坚持", ("long", LT, 1)),
]
F4_HAND = {"桐川正言律师事务所": (4, 2, 1, 1, 0, 1), "桐川明理律师事务所": (5, 1, 0, 4, 1, 3), "澧衡律师事务所桐川分所": (3, 1, 1, 1, 0, 1)}
F4_GRADE = {"桐川正言律师事务所": "合格", "桐川明理律师事务所": "基本合格", "澧衡律师事务所桐川分所": "合格"}


def f4():
    base = F4[:-4]
    wb = Workbook(); ws = wb.active; ws.title = "整改台账"
    ncol = 10
    title(ws, "A1:J1", "桐川县司法局2024年度律师事务所年度检查考核发现问题整改台账")
    ws.merge_cells("A2:J2")
    ws["A2"] = "报送单位：桐川县司法局律师工作股　　　　　　　　　　　　　　　　　　　　报送时间：2025年4月27日"
    band(ws, 3, {"A": "序号", "B": "律师事务所", "C": "考核等次", "F": "整改措施", "G": "整改时限", "H": "主任（负责人）",
                 "I": "整改完成情况", "J": "备注"},
         {"D3:E3": "检查考核情况"}, {4: "考核项目", 5: "存在问题"})
    r = 5; n = 0
    for unit in F4_HAND:
        rows = [x for x in F4_ROWS if x[0] == unit]
        start = r; boss = person()
        for (_, item, prob, meas, dl, st, _t) in rows:
            n += 1
            ws.cell(r, 1, n).alignment = CN
            for c, v in enumerate([item, prob, meas, dl], 4):
                ws.cell(r, c, v)
            ws.cell(r, 9, st)
            r += 1
        merge_down(ws, 2, start, r - 1, unit); merge_down(ws, 3, start, r - 1, F4_GRADE[unit])
        merge_down(ws, 8, start, r - 1, boss)
    frame(ws, 3, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "备注：考核等次为2024年度检查考核结果；整改完成情况填“已完成”“部分完成”“未完成”“长期坚持”。")
    ws.cell(r + 1, 1, f"填表人：{person()}"); ws.cell(r + 1, 6, f"股室负责人：{person()}")
    widths(ws, [6, 22, 10, 12, 32, 32, 14, 12, 14, 8])
    s2 = wb.create_sheet("考核结果")
    title(s2, "A1:E1", "2024年度律师事务所年度检查考核结果", 14)
    header(s2, 2, ["序号", "律师事务所", "执业律师人数", "考核等次", "发现问题数"])
    for i, unit in enumerate(F4_HAND, 1):
        s2.append([i, unit, R.randint(4, 15), F4_GRADE[unit], sum(1 for x in F4_ROWS if x[0] == unit)])
    widths(s2, [6, 28, 14, 12, 12])
    tmp = tempfile.mkdtemp(prefix="h11o_")
    src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    lo_convert(src, "ods", OUT); shutil.rmtree(tmp)
    return dict(
        file=F4, kind="司法局 律师事务所 年度检查考核 发现问题整改台账 over 律所, firm/grade/主任 merged down, 检查考核情况 band, second sheet 考核结果, ods",
        producer="县司法局律师工作股(Excel → LibreOffice ods)", as_of=AS_OF,
        sheets={"整改台账": dict(header_row="3-4 (merged group 检查考核情况 over 考核项目/存在问题)", data_rows=len(F4_ROWS), columns=dict(
            problem="E (存在问题)", measure="F (整改措施; one row = one item)", deadline="G (整改时限)",
            status="I (整改完成情况)", unit="B (律师事务所, merged down)", person="H (主任（负责人）, merged down)", department=None,
            completed_on=None)),
                "考核结果": dict(header_row=2, data_rows=3, columns=None, note="not a ledger: grade per firm")},
        status_map={"已完成": "done", "部分完成": "in progress", "未完成": "not started / not done", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="units = the three law firms of 律师事务所 (merged down with 考核等次 and 主任); 考核等次 (合格/基本合格) is the firm's annual "
              "grade, not a state; 主任 is a person; the 司法局 股 in the meta row is not a unit; the second sheet 考核结果 is not a ledger; "
              "2025年三季度 = 09-30, 2025年二季度 = 06-30, 2025年4月底前 = 04-30 (both such rows are done)",
        counts=recount([(x[0], x[3], x[4], x[5], x[6]) for x in F4_ROWS], F4_STATE, F4), hand=F4_HAND,
        unit_sheets={u: ["整改台账"] for u in F4_HAND})


# ================================================================== 5. 驾培 监管服务平台 检查问题 (system export xlsx)
F5 = "驾培监管服务平台_检查问题整改记录_导出20250430.xlsx"
F5_STATE = {"已闭环": "done", "已整改待审核": "not", "整改中": "not", "待整改": "not"}
# (培训机构名称, 问题类型, 问题描述, 整改要求, 整改截止日期, 整改状态, truth)
F5_ROWS = [
    # HAND 桐川县安顺机动车驾驶员培训有限公司: m4 done2 long0 not2 overdue@0430 1 overdue@1031 2
    ("桐川县安顺机动车驾驶员培训有限公司", "教学车辆", "2台教练车计时终端不能正常上传学时", "维修计时终端，恢复学时上传", "2025-04-15", "已闭环", ("done", "2025-04-15", 1)),
    ("桐川县安顺机动车驾驶员培训有限公司", "教学管理", "教学日志填写不完整", "规范填写教学日志", "2025-05-10", "整改中", ("not", "2025-05-10", 1)),
    ("桐川县安顺机动车驾驶员培训有限公司", "安全管理", "训练场未设置限速标志", "设置限速标志", "2025-04-10", "已整改待审核", ("not", "2025-04-10", 1)),
    ("桐川县安顺机动车驾驶员培训有限公司", "人员管理", "1名教练员未办理备案", "办理教练员备案", "2025-03-31", "已闭环", ("done", "2025-03-31", 1)),
    # HAND 桐川县通达驾校有限公司: m3 done1 long0 not2 overdue@0430 0 overdue@1031 2
    ("桐川县通达驾校有限公司", "收费管理", "培训收费标准未公示", "在经营场所公示收费项目和标准", "2025-03-20", "已闭环", ("done", "2025-03-20", 1)),
    ("桐川县通达驾校有限公司", "教学车辆", "3台教练车未按期进行安全技术检验", "完成安全技术检验", "2025-05-31", "待整改", ("not", "2025-05-31", 1)),
    ("桐川县通达驾校有限公司", "学时管理", "存在学时数据异常（同一教练员同时段多车培训）", "核查异常学时并作废", "2025-04-30", "整改中", ("not", "2025-04-30", 1)),
    # HAND 桐川县鑫安驾驶员培训学校: m5 done2 long0 not3 overdue@0430 1 overdue@1031 3
    ("桐川县鑫安驾驶员培训学校", "安全管理", "未开展教练员安全教育培训", "组织教练员安全教育培训", "2025-04-20", "已闭环", ("done", "2025-04-20", 1)),
    ("桐川县鑫安驾驶员培训学校", "教学场地", "训练场地面积与备案不符", "按备案面积恢复训练场地", "2025-09-30", "整改中", ("not", "2025-09-30", 1)),
    ("桐川县鑫安驾驶员培训学校", "教学管理", "未按规定开展结业考核", "规范结业考核程序", "2025-04-25", "整改中", ("not", "2025-04-25", 1)),
    ("桐川县鑫安驾驶员培训学校", "档案管理", "学员培训档案不全", "补全学员培训档案", "2025-05-15", "已整改待审核", ("not", "2025-05-15", 1)),
    ("桐川县鑫安驾驶员培训学校", "收费管理", "未签订培训合同即收取费用", "统一签订培训合同", "2025-03-31", "已闭环", ("done", "2025-03-31", 1)),
    # HAND 桐川县畅行驾驶培训有限公司: m4 done2 long0 not2 overdue@0430 0 overdue@1031 1
    ("桐川县畅行驾驶培训有限公司", "教学车辆", "教练车副制动装置失效", "立即维修副制动装置", "2025-04-08", "已闭环", ("done", "2025-04-08", 1)),
    ("桐川县畅行驾驶培训有限公司", "人员管理", "安全员未持证上岗", "安全员参加培训取证", "2025-06-30", "整改中", ("not", "2025-06-30", 1)),
    ("桐川县畅行驾驶培训有限公司", "安全管理", "办公区消防器材过期", "更换消防器材", "2025-04-15", "已闭环", ("done", "2025-04-15", 1)),
    ("桐川县畅行驾驶培训有限公司", "教学管理", "理论教室多媒体教学设备损坏", "维修多媒体教学设备", "2025-11-15", "待整改", ("not", "2025-11-15", 1)),
]
F5_HAND = {"桐川县安顺机动车驾驶员培训有限公司": (4, 2, 0, 2, 1, 2), "桐川县通达驾校有限公司": (3, 1, 0, 2, 0, 2),
           "桐川县鑫安驾驶员培训学校": (5, 2, 0, 3, 1, 3), "桐川县畅行驾驶培训有限公司": (4, 2, 0, 2, 0, 1)}


def f5():
    wb = Workbook(); ws = wb.active; ws.title = "检查问题整改记录"
    hdr = ["序号", "问题编号", "机构编码", "培训机构名称", "经营备案编号", "机构等级", "所属区县", "检查日期", "检查类别", "问题类型",
           "问题描述", "整改要求", "整改截止日期", "整改状态", "整改反馈时间", "审核人", "审核时间"]
    ws.append(hdr)
    n = 0
    for ui, unit in enumerate(F5_HAND):
        code = f"4307{R.randint(20, 29)}{R.randint(1000, 9999)}"
        rec = f"湘驾培备{R.randint(100000, 999999)}号"
        grade = R.choice(["一级", "二级", "三级"])
        day = D(2025, 3, R.randint(3, 14))
        kind_chk = R.choice(["日常检查", "专项检查", "质量信誉考核"])
        for k, (_, kind, prob, req, dl, st, _t) in enumerate([x for x in F5_ROWS if x[0] == unit], 1):
            n += 1
            fbt = dt.datetime(2025, 4, R.randint(1, 20), R.randint(8, 18), R.randint(0, 59), R.randint(0, 59))
            fb = "" if st == "待整改" else fbt.strftime("%Y-%m-%d %H:%M:%S")
            audit = st == "已闭环"
            at = (fbt + dt.timedelta(days=R.randint(1, 8), hours=R.randint(0, 5))).strftime("%Y-%m-%d %H:%M:%S") if audit else ""
            ws.append([n, f"WT{day:%Y%m%d}{code[-4:]}{k:03d}", code, unit, rec, grade, "桐川县", day.isoformat(),
                       kind_chk, kind, prob, req, dl, st, fb, "ysj_" + R.choice(["lihua", "zhoup", "chenm"]) if audit else "", at])
    wb.save(os.path.join(OUT, F5))
    return dict(
        file=F5, kind="交通运输局 机动车驾驶员培训机构 检查问题整改 system export over 驾校, codes, export date in the file name, xlsx",
        producer="驾培监管服务平台(导出 xlsx, header in row 1, no title)", as_of=AS_OF,
        sheets={"检查问题整改记录": dict(header_row=1, data_rows=len(F5_ROWS), columns=dict(
            problem="K (问题描述)", measure="L (整改要求; one row = one item)", deadline="M (整改截止日期, ISO text)",
            status="N (整改状态)", unit="D (培训机构名称)", person="P (审核人, a system login)", department=None,
            completed_on="O (整改反馈时间: when the school reported, not a completion)"))},
        status_map={"已闭环": "done", "已整改待审核": "not done (reported, awaiting the bureau's review)", "整改中": "in progress",
                    "待整改": "not started"},
        notes="units = the four driving schools of 培训机构名称 (机构编码 is their code); 所属区县 (桐川县 on every row) is not a unit; "
              "机构等级 is the school's grade, not a state; the export date 20250430 in the file name is not a deadline; 2025-04-30 "
              "not done is not overdue at 2025-04-30; no long-term items",
        counts=recount([(x[0], x[3], x[4], x[5], x[6]) for x in F5_ROWS], F5_STATE, F5), hand=F5_HAND,
        unit_sheets={u: ["检查问题整改记录"] for u in F5_HAND})


# ================================================================== 6. 危险废物 规范化环境管理评估 (openpyxl xlsx, date cells, hidden columns)
F6 = "桐川县2025年危险废物规范化环境管理评估问题整改台账.xlsx"
F6_STATE = {"已完成": "done", "推进中": "not", "未启动": "not", "常态化": "long"}
T = lambda y, m, d: dt.datetime(y, m, d)
# (企业名称, 评估指标, 存在问题, 整改措施, 完成时限 (a date cell or text), 整改进展, truth)
F6_ROWS = [
    # HAND 桐川县德信化工有限公司: m5 done3 long1 not1 overdue@0430 0 overdue@1031 1
    ("桐川县德信化工有限公司", "标识制度", "危险废物贮存库标签信息不全，未按新标准设置", "按新标准更换危险废物标签", T(2025, 4, 15), "已完成", ("done", "2025-04-15", 1)),
    ("桐川县德信化工有限公司", "管理计划", "2025年度危险废物管理计划未备案", "在固体废物管理信息系统完成备案", T(2025, 3, 31), "已完成", ("done", "2025-03-31", 1)),
    ("桐川县德信化工有限公司", "贮存设施", "贮存库防渗层破损，导流沟堵塞", "修复防渗层，疏通导流沟", T(2025, 5, 31), "推进中", ("not", "2025-05-31", 1)),
    ("桐川县德信化工有限公司", "转移联单", "部分电子转移联单未及时确认接收", "逐单核对确认", "立行立改", "已完成", ("done", IMM, 1)),
    ("桐川县德信化工有限公司", "污染环境防治责任制度", "危险废物出入库台账记录不连续", "明确台账记录责任人，每日记录出入库情况", "长期坚持", "常态化", ("long", LT, 1)),
    # HAND 桐川县新源电镀有限公司: m4 done1 long0 not3 overdue@0430 1 overdue@1031 3
    ("桐川县新源电镀有限公司", "源头分类", "含铬污泥与一般污泥混合贮存", "分类收集、分区贮存", "立行立改", "推进中", ("not", IMM, 1)),
    ("桐川县新源电镀有限公司", "贮存设施", "部分危险废物贮存时间超过一年", "委托有资质单位利用处置", T(2025, 6, 30), "推进中", ("not", "2025-06-30", 1)),
    ("桐川县新源电镀有限公司", "应急预案", "突发环境事件应急预案未备案", "修订应急预案并报备案", T(2025, 4, 30), "未启动", ("not", "2025-04-30", 1)),
    ("桐川县新源电镀有限公司", "业务培训", "危险废物管理人员未经培训", "组织管理人员参加培训", T(2025, 4, 20), "已完成", ("done", "2025-04-20", 1)),
    # HAND 桐川县绿洲汽车维修服务有限公司: m3 done1 long0 not2 overdue@0430 1 overdue@1031 2
    ("桐川县绿洲汽车维修服务有限公司", "申报登记", "废机油、废铅蓄电池产生量申报不实", "据实申报危险废物产生量", T(2025, 3, 31), "已完成", ("done", "2025-03-31", 1)),
    ("桐川县绿洲汽车维修服务有限公司", "贮存设施", "废机油桶露天堆放", "建设规范化危险废物贮存间", T(2025, 8, 31), "未启动", ("not", "2025-08-31", 1)),
    ("桐川县绿洲汽车维修服务有限公司", "标识制度", "未设置危险废物识别标志", "设置危险废物识别标志", T(2025, 4, 10), "推进中", ("not", "2025-04-10", 1)),
]
F6_HAND = {"桐川县德信化工有限公司": (5, 3, 1, 1, 0, 1), "桐川县新源电镀有限公司": (4, 1, 0, 3, 1, 3),
           "桐川县绿洲汽车维修服务有限公司": (3, 1, 0, 2, 1, 2)}
F6_WASTE = {"桐川县德信化工有限公司": ("HW11精（蒸）馏残渣 900-013-11；HW49 900-041-49", 36.5),
            "桐川县新源电镀有限公司": ("HW17表面处理废物 336-054-17", 58.2),
            "桐川县绿洲汽车维修服务有限公司": ("HW08废矿物油 900-214-08；HW31含铅废物 900-052-31", 4.3)}


def f6():
    wb = Workbook(); ws = wb.active; ws.title = "问题整改台账"
    ncol = 11
    title(ws, "A1:K1", "桐川县2025年危险废物规范化环境管理评估问题整改台账")
    ws.merge_cells("A2:K2")
    ws["A2"] = "填报单位：澧州市生态环境局桐川分局固体废物与化学品管理股　　　　评估时间：2025年3月　　　　填报日期：2025年4月28日"
    header(ws, 3, ["序号", "企业名称", "危险废物类别及代码", "年产生量（吨）", "评估指标", "存在问题", "整改措施", "完成时限",
                   "整改进展", "企业环保负责人", "备注"])
    r = 4; n = 0
    for unit in F6_HAND:
        rows = [x for x in F6_ROWS if x[0] == unit]
        start = r; boss = person()
        for (_, ind, prob, meas, dl, st, _t) in rows:
            n += 1
            ws.cell(r, 1, n).alignment = CN
            for c, v in enumerate([ind, prob, meas, dl, st], 5):
                ws.cell(r, c, v)
            if isinstance(dl, dt.datetime):
                ws.cell(r, 8).number_format = "yyyy/m/d"
            r += 1
        merge_down(ws, 2, start, r - 1, unit); merge_down(ws, 3, start, r - 1, F6_WASTE[unit][0])
        merge_down(ws, 4, start, r - 1, F6_WASTE[unit][1]); merge_down(ws, 10, start, r - 1, boss)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=4)
    ws.cell(r, 1, "合计").alignment = CN
    ws.cell(r, 6, f"{n}个问题"); ws.cell(r, 9, f"已完成{sum(F6_STATE[x[5]] == 'done' for x in F6_ROWS)}个")
    frame(ws, 3, r, ncol)
    ws.cell(r + 1, 1, "注：整改进展填“已完成”“推进中”“未启动”“常态化”；常态化事项完成时限填“长期坚持”。")
    ws.cell(r + 2, 1, f"审核：{person()}"); ws.cell(r + 2, 6, f"填表：{person()}")
    widths(ws, [6, 22, 26, 10, 14, 30, 30, 12, 10, 12, 8])
    for col in ("C", "D"):
        ws.column_dimensions[col].hidden = True
    ws.freeze_panes = "C4"
    s2 = wb.create_sheet("评估得分")
    header(s2, 1, ["企业名称", "评估得分", "评估结果", "评估人员"])
    for unit in F6_HAND:
        sc = R.randint(62, 88)
        s2.append([unit, sc, "达标" if sc >= 80 else "基本达标" if sc >= 70 else "不达标", f"{person()}、{person()}"])
    widths(s2, [32, 10, 10, 16])
    wb.save(os.path.join(OUT, F6))
    return dict(
        file=F6, kind="生态环境分局 危险废物 规范化环境管理评估 问题整改台账 over 产废企业, date cells, hidden columns, 合计 row, second sheet 评估得分, xlsx",
        producer="市生态环境局县分局固废股(Excel手工, openpyxl xlsx; columns C-D hidden)", as_of=AS_OF,
        sheets={"问题整改台账": dict(header_row=3, data_rows=len(F6_ROWS), columns=dict(
            problem="F (存在问题)", measure="G (整改措施; one row = one item)", deadline="H (完成时限, date cells or text)",
            status="I (整改进展)", unit="B (企业名称, merged down)", person="J (企业环保负责人, merged down)", department=None,
            completed_on=None)),
                "评估得分": dict(header_row=1, data_rows=3, columns=None, note="not a ledger: score per enterprise")},
        status_map={"已完成": "done", "推进中": "in progress", "未启动": "not started", "常态化": "long-term (deadline 长期坚持)"},
        notes="units = the three waste-producing enterprises of 企业名称 (merged down with hidden C-D 危险废物类别/年产生量 and 环保负责人); "
              "评估指标 is the assessment item, not a unit; the 生态环境 分局 股 in the meta row is not a unit; 合计 row and 注/审核 footer are "
              "not data; the second sheet 评估得分 is not a ledger; 立行立改 not done (新源电镀) is overdue at both dates; the 2025-04-30 date "
              "cell not done is not overdue at 2025-04-30",
        counts=recount([(x[0], x[3], x[4], x[5], x[6]) for x in F6_ROWS], F6_STATE, F6), hand=F6_HAND,
        unit_sheets={u: ["问题整改台账"] for u in F6_HAND})


# ================================================================== 7. 城区窨井盖 安全隐患 排查整治 (openpyxl xlsx, rows by road, units interleaved)
F7 = "桐川县2025年城区窨井盖安全隐患排查整治台账.xlsx"
F7_STATE = {"已整治": "done", "整治中": "not", "未整治": "not", "常态化巡查": "long"}
# (道路名称, 具体位置, 井盖类型, 权属单位, 隐患类型, 整治措施, 整治时限, 整治情况, truth)
F7_ROWS = [
    ("人民路", "人民路与解放路交叉口东侧", "给水阀门井", "桐川县自来水有限公司", "井盖缺失", "立即补装井盖并设置警示围挡", "立行立改", "已整治", ("done", IMM, 1)),
    ("人民路", "人民路88号门前", "燃气阀门井", "桐川华润燃气有限公司", "井盖破损", "更换井盖", "5月15日前", "已整治", ("done", "2025-05-15", 1)),
    ("人民路", "人民路县人民医院门口", "通信井", "中国电信股份有限公司桐川分公司", "井盖沉降，与路面高差超过2厘米", "调整井框高程", "5月底前", "整治中", ("not", "2025-05-31", 1)),
    ("解放路", "解放路农贸市场北门", "给水检查井", "桐川县自来水有限公司", "井盖松动异响", "加装防震胶圈", "5月底前", "整治中", ("not", "2025-05-31", 1)),
    ("解放路", "解放路与建设路交叉口", "通信井", "中国电信股份有限公司桐川分公司", "井盖缺失", "立即补装井盖", "立行立改", "已整治", ("done", IMM, 1)),
    ("解放路", "解放路126号", "燃气阀门井", "桐川华润燃气有限公司", "井盖与井座不匹配", "更换配套井盖井座", "2025.4.20", "未整治", ("not", "2025-04-20", 1)),
    ("建设路", "建设路实验小学门口", "给水阀门井", "桐川县自来水有限公司", "未安装防坠网", "加装防坠网", "2025.4.20", "已整治", ("done", "2025-04-20", 1)),
    ("建设路", "建设路与滨江路交叉口", "通信井", "中国电信股份有限公司桐川分公司", "井盖破损", "更换井盖", "6月30日前", "未整治", ("not", "2025-06-30", 1)),
    ("建设路", "建设路沿线（12座）", "燃气阀门井", "桐川华润燃气有限公司", "未纳入日常巡查", "建立井盖巡查制度，每周巡查一次", "常态化", "常态化巡查", ("long", LT, 1)),
    ("滨江路", "滨江路滨江公园南门", "给水检查井", "桐川县自来水有限公司", "井盖破损", "更换球墨铸铁井盖", "4月25日前", "整治中", ("not", "2025-04-25", 1)),
    ("滨江路", "滨江路沿线（8座）", "给水阀门井", "桐川县自来水有限公司", "井盖无权属标识", "加装权属标识", "6月30日前", "已整治", ("done", "2025-06-30", 1)),
    ("滨江路", "滨江路198号", "通信井", "中国电信股份有限公司桐川分公司", "井周路面破损", "修复井周路面", "9月30日前", "整治中", ("not", "2025-09-30", 1)),
]
# HAND 桐川县自来水有限公司: m5 done3 long0 not2 overdue@0430 1 overdue@1031 2
# HAND 桐川华润燃气有限公司: m3 done1 long1 not1 overdue@0430 1 overdue@1031 1
# HAND 中国电信股份有限公司桐川分公司: m4 done1 long0 not3 overdue@0430 0 overdue@1031 3
F7_HAND = {"桐川县自来水有限公司": (5, 3, 0, 2, 1, 2), "桐川华润燃气有限公司": (3, 1, 1, 1, 1, 1),
           "中国电信股份有限公司桐川分公司": (4, 1, 0, 3, 0, 3)}


def f7():
    wb = Workbook(); ws = wb.active; ws.title = "排查整治台账"
    ncol = 12
    title(ws, "A1:L1", "桐川县2025年城区窨井盖安全隐患排查整治台账")
    ws.merge_cells("A2:L2")
    ws["A2"] = "填报单位：桐川县城市管理局市政设施管理所　　　　排查时间：2025年4月1日—4月10日　　　　填报时间：2025年4月29日"
    band(ws, 3, {"A": "序号", "D": "井盖类型", "F": "隐患类型", "G": "整治措施", "H": "整治时限", "I": "整治情况", "K": "整治后照片",
                 "L": "备注"},
         {"B3:C3": "隐患位置"}, {2: "道路名称", 3: "具体位置", 5: "权属单位"})
    ws["E3"] = "整治责任"
    ws["E3"].font = Font(bold=True); ws["E3"].alignment = CN
    ws.merge_cells("J3:J4"); ws["J3"] = "权属单位联系人"
    ws["J3"].font = Font(bold=True); ws["J3"].alignment = CN
    contacts = {u: f"{person()} {phone()}" for u in F7_HAND}
    r = 5; n = 0
    roads = []
    for x in F7_ROWS:
        if x[0] not in roads:
            roads.append(x[0])
    for road in roads:
        start = r
        for (_, loc, kind, unit, hz, meas, dl, st, _t) in [x for x in F7_ROWS if x[0] == road]:
            n += 1
            ws.cell(r, 1, n).alignment = CN
            for c, v in enumerate([loc, kind, unit, hz, meas, dl, st, contacts[unit], "有" if st == "已整治" else ""], 3):
                ws.cell(r, c, v)
            r += 1
        merge_down(ws, 2, start, r - 1, road)
    frame(ws, 3, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "说明：1.整治时限未注明年份的均为2025年；2.窨井盖整治由权属单位负责，市政设施管理所负责督促和验收；"
                  "3.井盖缺失、移位等危及安全的隐患立行立改。")
    ws.cell(r + 1, 1, f"填表人：{person()}"); ws.cell(r + 1, 7, f"所长：{person()}")
    widths(ws, [6, 10, 24, 12, 26, 18, 26, 12, 10, 22, 10, 8])
    ws.freeze_panes = "A5"
    wb.save(os.path.join(OUT, F7))
    return dict(
        file=F7, kind="城管局 市政设施管理所 城区窨井盖 安全隐患 排查整治台账 over 权属单位, rows grouped by road (road merged down), units interleaved, 隐患位置/整治责任 band, xlsx",
        producer="县城市管理局市政设施管理所(Excel手工, openpyxl xlsx)", as_of=AS_OF,
        sheets={"排查整治台账": dict(header_row="3-4 (merged groups 隐患位置 over 道路名称/具体位置, 整治责任 over 权属单位)",
                                   data_rows=len(F7_ROWS), columns=dict(
            problem="F (隐患类型)", measure="G (整治措施; one row = one item)", deadline="H (整治时限)",
            status="I (整治情况)", unit="E (权属单位; rows are ordered by road, so a unit's rows are not together)",
            person="J (权属单位联系人)", department=None, completed_on=None))},
        status_map={"已整治": "done", "整治中": "in progress", "未整治": "not started", "常态化巡查": "long-term (deadline 常态化)"},
        notes="units = the three 权属单位 (owners of the manhole covers; 说明: the owner rectifies) in column E, interleaved across roads; "
              "道路名称 (merged down) and 具体位置 are places, not units; the 市政设施管理所 (filer, supervises) is not a unit; deadlines "
              "without a year are 2025 (title, 说明); 井盖缺失 rows are 立行立改 and done; 整治后照片 (有/blank) is not a state",
        counts=recount([(x[3], x[5], x[6], x[7], x[8]) for x in F7_ROWS], F7_STATE, F7), hand=F7_HAND,
        unit_sheets={u: ["排查整治台账"] for u in F7_HAND})


# ================================================================== 8. 双拥模范县 复查 反馈问题 整改任务 (openpyxl xlsx, section rows, problems merged)
F8 = "桐川县创建省级双拥模范县复查反馈问题整改任务台账.xlsx"
F8_STATE = {"已办结": "done", "正在推进": "not", "未启动": "not", "长期推进": "long"}
# (section, 问题序号, 反馈问题, 整改任务, 牵头单位, 配合单位, 完成时限, 办理状态, 进展情况, truth)
F8_ROWS = [
    ("一、拥军优属政策落实方面", 1, "军人军属优待政策落实不到位，随军家属就业安置、军人子女入学等优待措施不够具体",
     "1.全面落实随军家属就业安置政策；2.建立随军家属就业需求台账，实行动态管理", "县人力资源和社会保障局", "县退役军人事务局", "2025年6月底前", "正在推进",
     "已摸排随军家属就业需求17人，已安置9人", ("not", "2025-06-30", 2)),
    ("一、拥军优属政策落实方面", 1, "", "落实军人子女入学优待政策，制定实施细则", "县教育体育局", "县退役军人事务局", "2025年5月31日前", "已办结",
     "已印发《桐川县军人子女教育优待实施细则》", ("done", "2025-05-31", 1)),
    ("一、拥军优属政策落实方面", 1, "", "落实军人及家属就医优先政策，二级以上医院设置“军人优先”窗口", "县卫生健康局", "", "2025年上半年", "正在推进",
     "县人民医院已设置，县中医医院正在设置", ("not", "2025-06-30", 1)),
    ("一、拥军优属政策落实方面", 2, "双拥宣传氛围不够浓厚，城区公共场所双拥宣传标识少",
     "在城区主要街道、公园设置双拥宣传标识", "县住房和城乡建设局", "县城市管理局", "2025年4月15日前", "未启动", "", ("not", "2025-04-15", 1)),
    ("一、拥军优属政策落实方面", 2, "", "常态化开展双拥宣传进学校、进社区活动", "县教育体育局", "各乡镇（街道）", "长期坚持", "长期推进",
     "已开展国防教育进校园活动6场", ("long", LT, 1)),
    ("二、退役军人服务保障方面", 3, "退役军人创业就业扶持力度不够", "举办退役军人专场招聘会", "县人力资源和社会保障局", "县退役军人事务局",
     "2025年4月20日前", "已办结", "4月12日举办专场招聘会，达成就业意向42人", ("done", "2025-04-20", 1)),
    ("二、退役军人服务保障方面", 3, "", "将退役军人纳入职业技能培训补贴范围", "县人力资源和社会保障局", "县财政局", "2025年年底前", "正在推进",
     "已起草补贴办法", ("not", "2025-12-31", 1)),
    ("二、退役军人服务保障方面", 4, "重点优抚对象医疗保障存在短板", "为重点优抚对象开展免费健康体检", "县卫生健康局", "县退役军人事务局",
     "2025年3月31日前", "已办结", "已完成体检326人", ("done", "2025-03-31", 1)),
    ("二、退役军人服务保障方面", 4, "", "建立重点优抚对象家庭医生签约服务机制", "县卫生健康局", "", "2025年9月30日前", "正在推进",
     "签约率61%", ("not", "2025-09-30", 1)),
    ("二、退役军人服务保障方面", 4, "", "推进县光荣院医疗康复设施改造", "县卫生健康局", "县住建局", "2025年4月25日前", "未启动", "",
     ("not", "2025-04-25", 1)),
    ("三、军地共建方面", 5, "军地共建基础设施不够完善", "推进驻县部队营区周边道路改造", "县住房和城乡建设局", "县交通运输局",
     "2025年年底前", "正在推进", "已完成设计", ("not", "2025-12-31", 1)),
    ("三、军地共建方面", 5, "", "建设双拥主题公园", "县住房和城乡建设局", "", "2025年10月31日前", "正在推进", "主体工程完成60%",
     ("not", "2025-10-31", 1)),
    ("三、军地共建方面", 5, "", "落实随军家属公共租赁住房优先配租", "县住房和城乡建设局", "", "立行立改", "已办结", "已配租5套",
     ("done", IMM, 1)),
    ("三、军地共建方面", 6, "驻县部队官兵子女入托难问题未有效解决", "协调解决驻县部队官兵子女入托问题", "县教育体育局", "",
     "2025年3月31日前", "已办结", "已安排11名幼儿入托", ("done", "2025-03-31", 1)),
]
# HAND 县人力资源和社会保障局: m4 done1 long0 not3 overdue@0430 0 overdue@1031 2   (its first task enumerates 1.…；2.… = 2 measures)
# HAND 县教育体育局: m3 done2 long1 not0 overdue@0430 0 overdue@1031 0
# HAND 县卫生健康局: m4 done1 long0 not3 overdue@0430 1 overdue@1031 3
# HAND 县住房和城乡建设局: m4 done1 long0 not3 overdue@0430 1 overdue@1031 1
F8_HAND = {"县人力资源和社会保障局": (4, 1, 0, 3, 0, 2), "县教育体育局": (3, 2, 1, 0, 0, 0), "县卫生健康局": (4, 1, 0, 3, 1, 3),
           "县住房和城乡建设局": (4, 1, 0, 3, 1, 1)}


def f8():
    wb = Workbook()
    s0 = wb.active; s0.title = "填报说明"
    ws = wb.create_sheet("整改任务台账")
    s2 = wb.create_sheet("进度统计")
    for i, t in enumerate(["填报说明", "1.本台账由各牵头单位每月25日前更新“进展情况”“办理状态”，报县双拥办汇总。",
                           "2.办理状态填写：已办结、正在推进、未启动、长期推进（需长期坚持的任务）。",
                           "3.配合单位配合牵头单位完成整改任务，进展由牵头单位统一填报。",
                           "4.完成时限以县双拥工作领导小组印发的整改方案为准。"], 1):
        s0.cell(i, 1, t)
    s0.column_dimensions["A"].width = 90
    ncol = 10
    title(ws, "A1:J1", "桐川县创建省级双拥模范县复查反馈问题整改任务台账")
    ws.merge_cells("A2:J2")
    ws["A2"] = "桐川县双拥工作领导小组办公室　　　　　　　　　　　　　　　　　　　　　　　　　更新至2025年4月28日"
    header(ws, 3, ["序号", "反馈问题", "整改任务", "牵头单位", "配合单位", "完成时限", "进展情况", "办理状态", "县级责任领导", "备注"])
    r = 4; sec = None; k = 0
    leaders = {u: "副县长 " + person() for u in F8_HAND}
    blocks = []
    for x in F8_ROWS:
        if x[0] != sec:
            sec = x[0]
            ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
            ws.cell(r, 1, sec).font = Font(bold=True)
            r += 1
        if x[2]:
            blocks.append([x[1], x[2], r, r])
        else:
            blocks[-1][3] = r
        k += 1
        for c, v in enumerate([x[3], x[4], x[5], x[6], x[8], x[7], leaders[x[4]]], 3):
            ws.cell(r, c, v)
        r += 1
    for seq, prob, a, b in blocks:
        merge_down(ws, 1, a, b, seq); ws.cell(a, 1).alignment = CN
        merge_down(ws, 2, a, b, prob)
    frame(ws, 3, r - 1, ncol)
    ws.cell(r, 1, f"县双拥办联系人：{person()}　　电话：0736-{R.randint(7400000, 7499999)}")
    widths(ws, [6, 30, 34, 18, 16, 14, 26, 10, 14, 8])
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    header(s2, 1, ["牵头单位", "任务数", "已办结", "正在推进", "未启动", "长期推进"])
    for unit in F8_HAND:
        rows = [x for x in F8_ROWS if x[4] == unit]
        s2.append([unit, len(rows)] + [sum(1 for x in rows if x[7] == s) for s in ("已办结", "正在推进", "未启动", "长期推进")])
    s2.append(["合计", len(F8_ROWS)] + [sum(1 for x in F8_ROWS if x[7] == s) for s in ("已办结", "正在推进", "未启动", "长期推进")])
    widths(s2, [26, 8, 8, 10, 8, 10])
    wb.save(os.path.join(OUT, F8))
    return dict(
        file=F8, kind="双拥办 创建省级双拥模范县 复查反馈问题 整改任务台账 over 牵头单位 (county bureaus), section rows, problems merged over tasks, 填报说明 and 进度统计 sheets, xlsx",
        producer="县双拥工作领导小组办公室(Excel手工, openpyxl xlsx)", as_of=AS_OF,
        sheets={"整改任务台账": dict(header_row=3, data_rows=len(F8_ROWS), columns=dict(
            problem="B (反馈问题, merged over its tasks)", measure="C (整改任务; one item per row, 1.…；2.… = two)",
            deadline="F (完成时限)", status="H (办理状态)", unit="D (牵头单位)", person="I (县级责任领导)",
            department="D (牵头单位 = the unit); E 配合单位 are not units", completed_on=None)),
                "填报说明": dict(header_row=None, data_rows=0, columns=None, note="text only"),
                "进度统计": dict(header_row=1, data_rows=5, columns=None, note="not a ledger: counts of tasks per 牵头单位 (tasks, not measures) with a 合计 row")},
        status_map={"已办结": "done", "正在推进": "in progress", "未启动": "not started", "长期推进": "long-term (填报说明; deadline 长期坚持)"},
        notes="units = the four 牵头单位 (county bureaus); 配合单位 (退役军人事务局, 财政局, 城市管理局, 交通运输局, 住建局 short form, 各乡镇) "
              "are not units (填报说明: the lead unit reports); the 双拥办 in the meta row is not a unit; section rows 一、二、三、 are not data; "
              "the state is 办理状态 (H), not the narrative 进展情况 (G); the first 人社局 task enumerates 1.…；2.… = two measures (14 rows, "
              "15 items); 2025年上半年 = 06-30; 2025年10月31日前 not done is not overdue at 2025-10-31; the 进度统计 sheet counts tasks, not items",
        counts=recount([(x[4], x[3], x[6], x[7], x[9]) for x in F8_ROWS], F8_STATE, F8), hand=F8_HAND,
        unit_sheets={u: ["整改任务台账"] for u in F8_HAND})


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
