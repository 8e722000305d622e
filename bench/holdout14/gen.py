#!/usr/bin/env python3
"""Generator of taizhang holdout 12. `python3 gen.py` (needs openpyxl; soffice for the .xls, the .ods and the Calc xlsx).

Every data row is written out by hand in the tables below: unit, problem, measure, deadline and state exactly as
the office or system writes them, and at the end of each row its truth as a clerk reads it:
(state category D done | L long-term | N not done, due day ISO | LT | IMM, number of measures).
Beside each unit's rows is its hand count (`# HAND m done long not overdue@0430 overdue@1031`), gathered in a
F*_HAND table per file. main() checks every row's truth against its written words (the file's state list, the
deadline reading, the enumeration rule), recounts every unit from the truths and stops, writing no answers, unless
the recount equals the hand count. Filler (people, phones, codes, times) comes from random.Random(1220251208)."""
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
R = random.Random(1220251208)
SURN = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志海峰林辉波斌宇浩凯鹏飞云燕琳"


def person():
    return R.choice(SURN) + "".join(R.choice(GIVEN) for _ in range(R.choice([1, 2, 2])))


def phone():
    return "1" + R.choice("358") + "".join(str(R.randint(0, 9)) for _ in range(9))


# ------------------------------------------------------------------ reading the written words (gen side)
def due_of(t):
    """Deadline as written -> date / 'LT' / 'IMM'. Deadlines written without a year are 2025 (the files say so)."""
    if isinstance(t, dt.datetime):
        return t.date()
    t = str(t).strip()
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
    m = re.fullmatch(r"(\d{4})年(?:第)?([一二三四])季度末?", t)
    if m:
        q = "一二三四".index(m[2]) + 1
        return D(int(m[1]), 3 * q, calendar.monthrange(int(m[1]), 3 * q)[1])
    m = re.fullmatch(r"(\d{4})年底前?", t)
    if m:
        return D(int(m[1]), 12, 31)
    raise SystemExit(f"gen.py: no rule for deadline {t!r}")


def n_items(measure):
    """A measure cell enumerating 1.…；2.… or 一是…；二是… holds that many measures; else one."""
    k = max(len(re.findall(r"(?:^|；)\d\.", measure)), len(re.findall(r"(?:^|；)[一二三四五]是", measure)))
    return k if k >= 2 else 1


def check_truth(fname, rows, smap, get):
    """rows: tuples ending with (cat, due, n); get(row) -> (unit, measure, deadline as written, state as written).
    Each truth must agree with the words; returns [(unit, cat, due, n)]."""
    out = []
    for x in rows:
        unit, meas, dl, st = get(x)
        cat, due, n = x[-3], x[-2], x[-1]
        want_due = due_of(dl)
        want_due = want_due if isinstance(want_due, str) else want_due.isoformat()
        if smap[st] != cat or want_due != due or n_items(meas) != n:
            raise SystemExit(f"gen.py: {fname}: truth {cat, due, n} of row {x[:3]} disagrees with its words "
                             f"({smap[st]}, {want_due}, {n_items(meas)})")
        out.append((unit, cat, due, n))
    return out


def recount(truths):
    out = {}
    for unit, cat, due, n in truths:
        x = out.setdefault(unit, [0] * 6)
        x[0] += n
        x[{"D": 1, "L": 2, "N": 3}[cat]] += n
        if cat == "N":
            for i, a in enumerate(AS_OF):
                if due == "IMM" or (due != "LT" and due < a):
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


def band(ws, row, singles, groups, subs):
    """two-row header: singles = {col letter: word} merged over rows row..row+1; groups = {'E:H': word}; subs = {col: word}"""
    for col, txt in singles.items():
        ws.merge_cells(f"{col}{row}:{col}{row + 1}"); ws[f"{col}{row}"] = txt
    for rng, txt in groups.items():
        a, b = rng.split(":")
        ws.merge_cells(f"{a}{row}:{b}{row}"); ws[f"{a}{row}"] = txt
    for col, txt in subs.items():
        ws[f"{col}{row + 1}"] = txt
    for r in (row, row + 1):
        for c in ws[r]:
            c.font = Font(bold=True); c.alignment = CN


# ================================================================== 1. 热力公司 采暖季 供热运行监督检查 (openpyxl xlsx)
F1 = "临江市热力有限公司2024—2025年采暖季供热运行监督检查问题整改台账.xlsx"
F1_STATE = {"已完成": "D", "正在推进": "N", "未开始": "N", "长期坚持": "L"}
# (责任单位, 问题类型, 检查发现问题, 整改措施, 完成时限, 完成情况, truth)
F1_ROWS = [
    # HAND 城东供热分公司: m5 done2 long1 not2 overdue@0430 0 overdue@1031 2
    ("城东供热分公司", "供热质量", "幸福里、纺织厂宿舍等老旧小区部分用户室温低于18℃，投诉集中", "对室温不达标小区逐户测温，加装楼栋平衡阀", "2025年10月15日前", "正在推进", "N", "2025-10-15", 1),
    ("城东供热分公司", "运行管理", "3号换热站值班记录填写不全", "规范值班记录，纳入月度考核", "立行立改", "已完成", "D", "IMM", 1),
    ("城东供热分公司", "设施设备", "一次网DN300主管道局部保温层破损", "更换破损保温层", "2025年8月底前", "未开始", "N", "2025-08-31", 1),
    ("城东供热分公司", "客户服务", "客服热线高峰时段接通率低于90%", "增加坐席，高峰时段安排双岗", "2025年3月31日前", "已完成", "D", "2025-03-31", 1),
    ("城东供热分公司", "安全管理", "供热设施安全巡检制度执行不到位", "落实日巡检、周排查制度", "长期坚持", "长期坚持", "L", "LT", 1),
    # HAND 城西供热分公司: m4 done2 long0 not2 overdue@0430 1 overdue@1031 2
    ("城西供热分公司", "设施设备", "西苑换热站循环泵无备用泵", "加装备用循环泵", "2025年9月30日", "正在推进", "N", "2025-09-30", 1),
    ("城西供热分公司", "安全管理", "2名维修人员未持证上岗", "组织参加特种作业培训取证，取证前不得独立作业", "2025年4月20日前", "正在推进", "N", "2025-04-20", 1),
    ("城西供热分公司", "客户服务", "用户报修响应超过24小时", "建立报修限时办结制度", "2025年3月15日前", "已完成", "D", "2025-03-15", 1),
    ("城西供热分公司", "客户服务", "收费大厅未公示收费标准和投诉电话", "公示收费标准和投诉电话", "立行立改", "已完成", "D", "IMM", 1),
    # HAND 开发区供热分公司: m5 done1 long0 not4 overdue@0430 1 overdue@1031 2
    ("开发区供热分公司", "运行管理", "二次网失水率偏高，补水量超标", "排查管网漏点，安装补水计量装置", "2025年10月31日", "正在推进", "N", "2025-10-31", 1),
    ("开发区供热分公司", "安全管理", "应急抢修物资储备不足", "补充抢修物资，建立物资台账", "2025年4月30日前", "未开始", "N", "2025-04-30", 1),
    ("开发区供热分公司", "设施设备", "热源厂至开发区主管线存在违章占压", "协调相关部门拆除占压建筑", "2025年12月31日前", "未开始", "N", "2025-12-31", 1),
    ("开发区供热分公司", "运行管理", "部分用户私接放水装置未查处", "开展入户检查，依规处理私放供热水行为", "立行立改", "正在推进", "N", "IMM", 1),
    ("开发区供热分公司", "安全管理", "员工安全培训记录不全", "完善安全培训档案", "2025年3月31日前", "已完成", "D", "2025-03-31", 1),
]
F1_HAND = {"城东供热分公司": (5, 2, 1, 2, 0, 2), "城西供热分公司": (4, 2, 0, 2, 1, 2),
           "开发区供热分公司": (5, 1, 0, 4, 1, 2)}


def f1():
    wb = Workbook(); ws = wb.active; ws.title = "整改台账"
    ncol = 10
    title(ws, "A1:J1", "临江市热力有限公司2024—2025年采暖季供热运行监督检查问题整改台账")
    ws.merge_cells("A2:J2")
    ws["A2"] = "检查单位：临江市城市管理局（市供热管理办公室）　　　　检查时间：2025年1月6日—1月17日　　　　填报时间：2025年4月27日"
    band(ws, 3, {"A": "序号", "B": "问题类型", "C": "检查发现问题", "D": "责任单位", "J": "备注"},
         {"E:I": "整改落实情况"}, {"E": "整改措施", "F": "责任人", "G": "完成时限", "H": "完成情况", "I": "验收人"})
    r = 5; n = 0; done = 0
    for unit in F1_HAND:
        rows = [x for x in F1_ROWS if x[0] == unit]
        start = r; boss = person()
        for (_, kind, prob, meas, dl, st, *_t) in rows:
            n += 1
            ws.cell(r, 1, n).alignment = CN
            ws.cell(r, 2, kind); ws.cell(r, 3, prob); ws.cell(r, 5, meas)
            ws.cell(r, 6, boss if R.random() < 0.7 else person()); ws.cell(r, 7, dl); ws.cell(r, 8, st)
            ws.cell(r, 9, person() if st == "已完成" else "")
            done += st == "已完成"
            r += 1
        merge_down(ws, 4, start, r - 1, unit); ws.cell(start, 4).alignment = CN
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=3)
    ws.cell(r, 1, "合计").alignment = CN
    ws.cell(r, 5, f"共{n}项问题，已完成{done}项，正在推进及未开始{n - done - 1}项，长期坚持1项")
    frame(ws, 3, r, ncol)
    ws.merge_cells(start_row=r + 1, end_row=r + 1, start_column=1, end_column=ncol)
    ws.cell(r + 1, 1, "说明：完成情况填“已完成”“正在推进”“未开始”“长期坚持”；需结合非采暖期检修完成的，完成时限不晚于2025年10月31日开栓前。")
    ws.cell(r + 2, 1, f"填表人：{person()}"); ws.cell(r + 2, 5, f"审核人：{person()}（生产运行部）")
    ws.cell(r + 2, 8, f"联系电话：0736-{R.randint(2200000, 2299999)}")
    widths(ws, [6, 10, 34, 14, 32, 9, 16, 10, 9, 8])
    ws.freeze_panes = "A5"
    ws.page_setup.orientation = "landscape"
    wb.save(os.path.join(OUT, F1))
    return dict(
        file=F1, kind="热力公司 采暖季 供热运行监督检查 问题整改台账 of one company, units = its 供热分公司 (责任单位 merged down), "
                      "two-row band 整改落实情况, 合计 row, 说明/填表人 footer, xlsx",
        producer="市热力有限公司生产运行部(Excel手工, openpyxl xlsx)", as_of=AS_OF,
        sheets={"整改台账": dict(header_row="3-4 (merged group 整改落实情况 over 整改措施/责任人/完成时限/完成情况/验收人)",
                               data_rows=len(F1_ROWS), columns=dict(
            problem="C (检查发现问题)", measure="E (整改措施; one row = one item)", deadline="G (完成时限)",
            status="H (完成情况)", unit="D (责任单位, merged down)", person="F (责任人) / I (验收人)", department=None,
            completed_on=None))},
        status_map={"已完成": "done", "正在推进": "in progress", "未开始": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="the title names one company (临江市热力有限公司); units = its three 供热分公司 of 责任单位 (merged down); the checking "
              "城市管理局/供热办 in the meta row and the 生产运行部 in the footer are not units; 责任人/验收人 are persons; the 合计 row "
              "and the 说明/填表人 footer are not data; 立行立改 正在推进 (开发区) is overdue at both dates; 2025年4月30日前 not done is "
              "overdue only at 2025-10-31; 2025年10月31日 is never overdue here",
        truths=check_truth(F1, F1_ROWS, F1_STATE, lambda x: (x[0], x[3], x[4], x[5])), hand=F1_HAND,
        unit_sheets={u: ["整改台账"] for u in F1_HAND})


# ================================================================== 2. 农商银行 营业网点 服务质量暗访 (system export xlsx)
F2 = "临江农商银行消保管理系统_服务质量暗访问题整改_导出20250430.xlsx"
F2_STATE = {"已办结": "D", "整改中": "N", "待验收": "N", "已退回": "N", "持续整改": "L"}
# (整改责任机构, 被检查网点, 问题类别, 问题描述, 整改要求, 计划完成日期, 整改状态, truth)
F2_ROWS = [
    # HAND 城关支行: m5 done2 long1 not2 overdue@0430 1 overdue@1031 2
    ("城关支行", "城关支行营业部", "服务规范", "柜员未使用文明用语，客户到柜未起身迎客", "组织柜员服务礼仪培训并考核", "2025-03-31", "已办结", "D", "2025-03-31", 1),
    ("城关支行", "城关支行营业部", "信息披露", "理财产品风险等级未在厅堂公示", "在厅堂显著位置公示代销产品风险等级", "2025-04-15", "已办结", "D", "2025-04-15", 1),
    ("城关支行", "城关支行人民路分理处", "适老服务", "未设置爱心窗口，未配备老花镜等便民设施", "设置爱心窗口，配齐便民设施", "2025-05-15", "整改中", "N", "2025-05-15", 1),
    ("城关支行", "城关支行人民路分理处", "投诉处理", "投诉处理流程及投诉电话未公示", "公示投诉处理流程及电话", "2025-04-10", "待验收", "N", "2025-04-10", 1),
    ("城关支行", "城关支行营业部", "消保宣传", "金融知识宣传未常态化开展", "每月开展金融知识进网点宣传", "长期", "持续整改", "L", "LT", 1),
    # HAND 江北支行: m4 done2 long0 not2 overdue@0430 1 overdue@1031 2
    ("江北支行", "江北支行营业部", "服务规范", "客户等候超过30分钟未启用弹性窗口", "建立弹性窗口启用机制", "2025-04-30", "整改中", "N", "2025-04-30", 1),
    ("江北支行", "江北支行滨江分理处", "环境设施", "无障碍通道被杂物占用", "清理杂物，保持无障碍通道畅通", "2025-03-20", "已办结", "D", "2025-03-20", 1),
    ("江北支行", "江北支行滨江分理处", "信息披露", "服务价格目录未及时更新", "更新服务价格目录并公示", "2025-04-05", "已退回", "N", "2025-04-05", 1),
    ("江北支行", "江北支行营业部", "个人信息保护", "客户身份证复印件随意放置在柜台", "规范客户资料保管，配备碎纸机", "2025-03-31", "已办结", "D", "2025-03-31", 1),
    # HAND 白沙支行: m4 done2 long1 not1 overdue@0430 0 overdue@1031 1
    ("白沙支行", "白沙支行营业部", "服务规范", "大堂经理未主动引导分流客户", "明确大堂经理岗位职责并纳入考核", "2025-03-31", "已办结", "D", "2025-03-31", 1),
    ("白沙支行", "白沙支行营业部", "适老服务", "办理现金业务的老年客户被引导至自助设备", "对老年客户优先提供人工柜台服务", "2025-03-31", "已办结", "D", "2025-03-31", 1),
    ("白沙支行", "白沙支行营业部", "销售行为", "代销保险产品未执行录音录像", "配备双录设备，规范代销流程", "2025-06-30", "整改中", "N", "2025-06-30", 1),
    ("白沙支行", "白沙支行营业部", "消保宣传", "反诈宣传资料摆放不足", "补充反诈宣传资料并定期更新", "长期", "持续整改", "L", "LT", 1),
    # HAND 河口支行: m5 done1 long0 not4 overdue@0430 2 overdue@1031 3
    ("河口支行", "河口支行营业部", "服务规范", "柜员离柜未放置暂停服务牌", "规范暂停服务牌使用", "2025-03-31", "已办结", "D", "2025-03-31", 1),
    ("河口支行", "河口支行石门分理处", "环境设施", "自助设备故障未及时报修", "建立自助设备日巡检制度", "2025-04-20", "待验收", "N", "2025-04-20", 1),
    ("河口支行", "河口支行石门分理处", "投诉处理", "客户意见簿留言未及时回复", "指定专人每日查看并回复", "2025-05-31", "整改中", "N", "2025-05-31", 1),
    ("河口支行", "河口支行营业部", "销售行为", "存款产品宣传使用“保本高收益”等误导性用语", "撤下违规宣传资料，开展合规培训", "2025-04-25", "已退回", "N", "2025-04-25", 1),
    ("河口支行", "河口支行营业部", "服务规范", "员工未按规定佩戴工号牌", "规范工号牌佩戴，纳入日常检查", "2025-10-31", "整改中", "N", "2025-10-31", 1),
]
F2_HAND = {"城关支行": (5, 2, 1, 2, 1, 2), "江北支行": (4, 2, 0, 2, 1, 2), "白沙支行": (4, 2, 1, 1, 0, 1),
           "河口支行": (5, 1, 0, 4, 2, 3)}


def f2():
    wb = Workbook(); ws = wb.active; ws.title = "暗访问题整改"
    ws.append(["序号", "问题编号", "暗访批次", "暗访日期", "机构号", "整改责任机构", "被检查网点", "问题类别", "问题描述",
               "扣分", "整改要求", "计划完成日期", "整改状态", "是否超期", "最后更新时间", "经办人"])
    codes = {u: f"8{R.randint(1000, 9999)}" for u in F2_HAND}
    n = 0
    for unit in F2_HAND:
        clerk = R.choice(["xb_", "kf_", "zh_"]) + R.choice(["liming", "wangfang", "zhaoyu", "chenjing"])
        for (_, site, cat, prob, req, dl, st, *_t) in [x for x in F2_ROWS if x[0] == unit]:
            n += 1
            day = D(2025, 3, R.randint(3, 12))
            over = "" if dl == "长期" else ("是" if st not in ("已办结", "持续整改") and dl < "2025-04-30" else "否")
            upd = dt.datetime(2025, 4, R.randint(1, 29), R.randint(8, 18), R.randint(0, 59), R.randint(0, 59))
            ws.append([n, f"AF2025Q1{n:04d}", "2025年第一季度", day.isoformat(), codes[unit], unit, site, cat, prob,
                       R.choice([0.5, 1, 1, 2]), req, dl, st, over, upd.strftime("%Y-%m-%d %H:%M:%S"), clerk])
    wb.save(os.path.join(OUT, F2))
    return dict(
        file=F2, kind="农商银行 营业网点 服务质量暗访 (神秘人检查) 问题整改, 消保管理系统 export over 支行, codes, export date in the name, xlsx",
        producer="临江农商银行消保管理系统(导出 xlsx, header in row 1, no title)", as_of=AS_OF,
        sheets={"暗访问题整改": dict(header_row=1, data_rows=len(F2_ROWS), columns=dict(
            problem="I (问题描述)", measure="K (整改要求; one row = one item)", deadline="L (计划完成日期, ISO text)",
            status="M (整改状态)", unit="F (整改责任机构)", person="P (经办人, a system login)", department=None,
            completed_on=None))},
        status_map={"已办结": "done", "整改中": "in progress", "待验收": "not done (submitted, awaiting the 消保部's check)",
                    "已退回": "not done (returned for re-rectification)", "持续整改": "long-term (deadline 长期)"},
        notes="units = the four 支行 of 整改责任机构 (机构号 is their code); 被检查网点 (营业部/分理处, the places inspected) are not "
              "units; 是否超期 (是/否) is the system's overdue flag at the export day, not a state (是 is not done); 扣分 is a score; "
              "the export date 20250430 in the file name is not a deadline; 2025-04-30 not done is overdue only at 2025-10-31; "
              "2025-10-31 not done is never overdue here",
        truths=check_truth(F2, F2_ROWS, F2_STATE, lambda x: (x[0], x[4], x[5], x[6])), hand=F2_HAND,
        unit_sheets={u: ["暗访问题整改"] for u in F2_HAND})


# ================================================================== 3. 高校 本科教育教学审核评估 整改 (LibreOffice .ods)
F3 = "临江师范学院本科教育教学审核评估专家反馈问题整改任务台账.ods"
F3_STATE = {"已完成": "D", "推进中": "N", "未启动": "N", "长期坚持": "L"}
# (问题序号, 专家反馈问题, 整改任务, 牵头单位, 配合单位, 完成时限, 进展情况, truth)
F3_ROWS = [
    (1, "人才培养方案修订未充分体现产出导向，课程目标与毕业要求对应关系不清", "组织各专业对标国家标准修订2025版人才培养方案", "教务处", "各二级学院", "2025年6月底前", "推进中", "N", "2025-06-30", 1),
    (1, "人才培养方案修订未充分体现产出导向，课程目标与毕业要求对应关系不清", "建立课程目标达成度评价机制", "教务处", "教学质量监控与评估中心", "2025年12月31日前", "未启动", "N", "2025-12-31", 1),
    (2, "生师比偏高，部分专业专任教师数量不足", "制定2025年专任教师招聘计划，引进博士15名", "人事处", "各二级学院", "2025年12月31日前", "推进中", "N", "2025-12-31", 1),
    (2, "生师比偏高，部分专业专任教师数量不足", "一是选聘行业企业兼职教师；二是修订兼职教师聘任管理办法", "人事处", "教务处", "2025年9月30日前", "推进中", "N", "2025-09-30", 2),
    (3, "教师教学能力培训覆盖面不足，青年教师教学基本功有待加强", "新入职教师岗前培训全覆盖", "人事处", "教师教学发展中心", "2025年3月31日前", "已完成", "D", "2025-03-31", 1),
    (3, "教师教学能力培训覆盖面不足，青年教师教学基本功有待加强", "开展青年教师教学竞赛", "教务处", "校工会", "2025年5月底前", "未启动", "N", "2025-05-31", 1),
    (4, "学生学习投入度不高，课外学习时间偏少", "开展学风建设月活动", "学生工作部", "校团委", "2025年4月15日前", "已完成", "D", "2025-04-15", 1),
    (4, "学生学习投入度不高，课外学习时间偏少", "建立学业预警和帮扶机制", "学生工作部", "教务处", "2025年4月20日前", "推进中", "N", "2025-04-20", 1),
    (4, "学生学习投入度不高，课外学习时间偏少", "加强过程性考核，提高平时成绩比重", "教务处", "各二级学院", "长期坚持", "长期坚持", "L", "LT", 1),
    (5, "专职辅导员配备未达到师生比不低于1:200的要求", "按师生比补足专职辅导员", "学生工作部", "人事处", "2025年8月31日前", "推进中", "N", "2025-08-31", 1),
    (5, "专职辅导员配备未达到师生比不低于1:200的要求", "落实辅导员职务职称“双线晋升”", "人事处", "学生工作部", "2025年底前", "未启动", "N", "2025-12-31", 1),
    (6, "部分实验室仪器设备陈旧，生均教学科研仪器设备值偏低", "编制实验室建设三年规划", "国有资产管理处", "教务处", "2025年3月31日前", "已完成", "D", "2025-03-31", 1),
    (6, "部分实验室仪器设备陈旧，生均教学科研仪器设备值偏低", "更新物理、化学基础实验室设备", "国有资产管理处", "计划财务处", "2025年10月31日前", "推进中", "N", "2025-10-31", 1),
    (6, "部分实验室仪器设备陈旧，生均教学科研仪器设备值偏低", "建立大型仪器设备开放共享平台", "国有资产管理处", "科技处", "2025年12月31日前", "未启动", "N", "2025-12-31", 1),
    (7, "教学用房面积不足，智慧教室数量偏少", "改造智慧教室20间", "国有资产管理处", "信息化建设办公室", "2025年8月31日前", "推进中", "N", "2025-08-31", 1),
    (7, "教学用房面积不足，智慧教室数量偏少", "学生自习室延长开放时间至22:30", "学生工作部", "后勤管理处", "立行立改", "已完成", "D", "IMM", 1),
    (8, "质量保障体系闭环不完善，评价结果运用不充分", "修订本科教学质量监控办法", "教务处", "教学质量监控与评估中心", "2025年4月30日前", "已完成", "D", "2025-04-30", 1),
    (8, "质量保障体系闭环不完善，评价结果运用不充分", "开展毕业生跟踪调查，形成年度质量报告", "学生工作部", "招生就业处", "长期坚持", "长期坚持", "L", "LT", 1),
]
# HAND 教务处: m5 done1 long1 not3 overdue@0430 0 overdue@1031 2        (rows 1, 2, 6, 9, 17)
# HAND 人事处: m5 done1 long0 not4 overdue@0430 0 overdue@1031 2        (rows 3, 4 = two measures, 5, 11)
# HAND 学生工作部: m5 done2 long1 not2 overdue@0430 1 overdue@1031 2    (rows 7, 8, 10, 16, 18)
# HAND 国有资产管理处: m4 done1 long0 not3 overdue@0430 0 overdue@1031 1 (rows 12, 13, 14, 15)
F3_HAND = {"教务处": (5, 1, 1, 3, 0, 2), "人事处": (5, 1, 0, 4, 0, 2), "学生工作部": (5, 2, 1, 2, 1, 2),
           "国有资产管理处": (4, 1, 0, 3, 0, 1)}


def f3():
    base = F3[:-4]
    wb = Workbook(); ws = wb.active; ws.title = "整改任务台账"
    ncol = 10
    title(ws, "A1:J1", "临江师范学院本科教育教学审核评估专家反馈问题整改任务台账")
    ws.merge_cells("A2:J2")
    ws["A2"] = "填报单位：教学质量监控与评估中心（审核评估工作办公室）　　　　　　　更新时间：2025年4月28日"
    header(ws, 3, ["序号", "专家反馈问题", "整改任务", "牵头单位", "配合单位", "责任校领导", "完成时限", "进展情况",
                   "佐证材料", "备注"])
    leaders = {"教务处": "副校长 " + person(), "人事处": "副校长 " + person(), "学生工作部": "党委副书记 " + person(),
               "国有资产管理处": "副校长 " + person()}
    r = 4
    for seq in sorted({x[0] for x in F3_ROWS}):
        rows = [x for x in F3_ROWS if x[0] == seq]
        start = r
        for (_, prob, task, lead, help_, dl, st, *_t) in rows:
            ws.cell(r, 3, task); ws.cell(r, 4, lead); ws.cell(r, 5, help_); ws.cell(r, 6, leaders[lead])
            ws.cell(r, 7, dl); ws.cell(r, 8, st)
            ws.cell(r, 9, R.choice(["会议纪要", "文件", "工作方案", "照片、签到表"]) if st == "已完成" else "")
            r += 1
        merge_down(ws, 1, start, r - 1, seq); ws.cell(start, 1).alignment = CN
        merge_down(ws, 2, start, r - 1, rows[0][1])
    frame(ws, 3, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "注：牵头单位对整改任务负总责，配合单位协助落实；进展情况填“已完成”“推进中”“未启动”“长期坚持”，每月25日前报评估办。")
    ws.cell(r + 1, 1, f"填报人：{person()}"); ws.cell(r + 1, 5, f"审核人：{person()}")
    widths(ws, [6, 30, 34, 14, 16, 16, 16, 10, 14, 8])
    ws.freeze_panes = "A4"
    s2 = wb.create_sheet("整改工作领导小组")
    title(s2, "A1:C1", "本科教育教学审核评估整改工作领导小组", 14)
    header(s2, 2, ["职务", "姓名", "单位及职务"])
    for i, (role, post) in enumerate([("组长", "党委书记"), ("组长", "校长"), ("副组长", "副校长"), ("副组长", "党委副书记"),
                                      ("成员", "教务处处长"), ("成员", "人事处处长"), ("成员", "学生工作部部长"),
                                      ("成员", "国有资产管理处处长"), ("办公室主任", "评估中心主任")], 3):
        s2.cell(i, 1, role); s2.cell(i, 2, person()); s2.cell(i, 3, post)
    widths(s2, [12, 10, 22])
    tmp = tempfile.mkdtemp(prefix="h12o_")
    src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    lo_convert(src, "ods", OUT); shutil.rmtree(tmp)
    return dict(
        file=F3, kind="高校 本科教育教学审核评估 专家反馈问题 整改任务台账 of one 学院, units = 牵头单位 (offices), problems merged over "
                      "tasks, 配合单位 beside, one 一是…二是… cell, second sheet 领导小组, ods",
        producer="学院评估办(Excel → LibreOffice ods)", as_of=AS_OF,
        sheets={"整改任务台账": dict(header_row=3, data_rows=len(F3_ROWS), columns=dict(
            problem="B (专家反馈问题, merged over its tasks)", measure="C (整改任务)", deadline="G (完成时限)",
            status="H (进展情况)", unit="D (牵头单位)", person="F (责任校领导)", department="D (牵头单位 = the unit)",
            completed_on=None)),
            "整改工作领导小组": dict(header_row=2, data_rows=9, columns=None, note="not a ledger: the steering group's members")},
        status_map={"已完成": "done", "推进中": "in progress", "未启动": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="the ledger is of one 学院 (title); units = the four 牵头单位 (注: the 牵头单位 answers for the task); 配合单位 (which "
              "names 教务处/人事处/学生工作部 too) are helpers, not units; the filing 评估中心 is not a unit; 责任校领导 are persons; "
              "problems 1-8 are merged over their tasks and a problem's tasks may have different 牵头单位; the 人事处 cell "
              "一是…；二是… is two measures (18 rows, 19 measures); 2025年4月30日前 is done anyway; 立行立改 is done; the second "
              "sheet is a member list",
        truths=check_truth(F3, F3_ROWS, F3_STATE, lambda x: (x[3], x[2], x[5], x[6])), hand=F3_HAND,
        unit_sheets={u: ["整改任务台账"] for u in F3_HAND})


# ================================================================== 4. 通信建设工程 安全生产检查 (LibreOffice .xls)
F4 = "2025年临江市通信建设工程安全生产专项检查发现问题整改台账.xls"
F4_STATE = {"已整改": "D", "整改中": "N", "未整改": "N", "长期坚持": "L"}
# (建设单位, 工程名称, 检查发现问题, 整改要求, 整改期限, 整改情况, truth)
F4_ROWS = [
    # HAND 中国移动临江分公司: m5 done2 long1 not2 overdue@0430 0 overdue@1031 2
    ("中国移动临江分公司", "临江市5G基站新建工程（城区第三批）", "登高作业人员未系挂安全带", "立即停止违规作业，配发并正确使用安全带", "立即整改", "已整改", "D", "IMM", 1),
    ("中国移动临江分公司", "临江市5G基站新建工程（城区第三批）", "施工现场未设置安全警示标志和围挡", "设置警示标志和围挡", "立即整改", "已整改", "D", "IMM", 1),
    ("中国移动临江分公司", "临江市5G基站新建工程（城区第三批）", "2名登高作业人员特种作业操作证过期", "重新培训取证，无证人员不得上岗", "5月20日前", "整改中", "N", "2025-05-20", 1),
    ("中国移动临江分公司", "临江市传输管线改造工程", "安全生产费用未单独列支", "建立安全生产费用专项台账", "6月底前", "未整改", "N", "2025-06-30", 1),
    ("中国移动临江分公司", "临江市传输管线改造工程", "对分包单位安全管理不到位", "定期对分包单位开展安全检查", "长期坚持", "长期坚持", "L", "LT", 1),
    # HAND 中国联通临江市分公司: m4 done1 long0 not3 overdue@0430 2 overdue@1031 3
    ("中国联通临江市分公司", "城区室内分布系统改造工程", "临时用电未使用三级配电箱", "整改临时用电设施", "4月15日前", "已整改", "D", "2025-04-15", 1),
    ("中国联通临江市分公司", "城区室内分布系统改造工程", "设备吊装作业未设专人指挥", "明确专人指挥，划定警戒区", "立即整改", "整改中", "N", "IMM", 1),
    ("中国联通临江市分公司", "城区室内分布系统改造工程", "施工人员进场前未进行安全技术交底", "补做安全技术交底并签字确认", "4月20日前", "未整改", "N", "2025-04-20", 1),
    ("中国联通临江市分公司", "乡镇4G基站补盲工程", "基站机房灭火器配置不足", "按规定配齐灭火器", "5月31日前", "整改中", "N", "2025-05-31", 1),
    # HAND 中国电信临江分公司: m4 done2 long0 not2 overdue@0430 0 overdue@1031 2
    ("中国电信临江分公司", "千兆光网小区接入工程", "人孔作业前未进行有毒有害气体检测", "配备气体检测仪，执行先检测后作业", "立即整改", "已整改", "D", "IMM", 1),
    ("中国电信临江分公司", "千兆光网小区接入工程", "施工车辆占道停放未设置反光锥", "配备反光锥和警示灯", "4月10日前", "已整改", "D", "2025-04-10", 1),
    ("中国电信临江分公司", "千兆光网小区接入工程", "施工现场应急预案未组织演练", "组织开展应急演练", "6月30日前", "整改中", "N", "2025-06-30", 1),
    ("中国电信临江分公司", "临江数据中心扩容工程", "动火作业未办理动火审批", "严格执行动火作业审批制度", "4月30日前", "整改中", "N", "2025-04-30", 1),
    # HAND 中国铁塔临江市分公司: m5 done2 long1 not2 overdue@0430 1 overdue@1031 2
    ("中国铁塔临江市分公司", "高铁沿线铁塔新建工程", "铁塔基础深基坑未设置临边防护", "设置临边防护栏杆", "立即整改", "已整改", "D", "IMM", 1),
    ("中国铁塔临江市分公司", "高铁沿线铁塔新建工程", "起重作业半径内有人员逗留", "设置警戒区域，专人监护", "立即整改", "已整改", "D", "IMM", 1),
    ("中国铁塔临江市分公司", "高铁沿线铁塔新建工程", "监理单位未按规定实施旁站监理", "督促监理单位落实旁站监理", "4月25日前", "未整改", "N", "2025-04-25", 1),
    ("中国铁塔临江市分公司", "存量铁塔加固改造工程", "塔身连接螺栓锈蚀未更换", "更换锈蚀螺栓", "9月30日前", "整改中", "N", "2025-09-30", 1),
    ("中国铁塔临江市分公司", "存量铁塔加固改造工程", "未建立施工安全隐患排查台账", "建立并定期更新隐患排查台账", "长期坚持", "长期坚持", "L", "LT", 1),
]
F4_HAND = {"中国移动临江分公司": (5, 2, 1, 2, 0, 2), "中国联通临江市分公司": (4, 1, 0, 3, 2, 3),
           "中国电信临江分公司": (4, 2, 0, 2, 0, 2), "中国铁塔临江市分公司": (5, 2, 1, 2, 1, 2)}
F4_BUILDERS = ["中通服建设有限公司", "江澜邮电建设工程有限公司", "华信通信工程有限公司", "润建股份有限公司"]
F4_SUPERV = ["江澜通信工程监理有限公司", "公诚管理咨询有限公司"]


def f4():
    base = F4[:-4]
    wb = Workbook(); ws = wb.active; ws.title = "问题整改台账"
    ncol = 11
    title(ws, "A1:K1", "2025年临江市通信建设工程安全生产专项检查发现问题整改台账")
    ws.merge_cells("A2:K2")
    ws["A2"] = "检查单位：江澜省通信管理局临江市通信发展管理办公室　　　检查时间：3月24日—4月3日　　　填报日期：4月29日"
    header(ws, 3, ["序号", "建设单位", "工程名称", "施工单位", "监理单位", "检查发现问题", "整改要求", "整改期限", "整改情况",
                   "复查人", "备注"])
    r = 4; n = 0
    for unit in F4_HAND:
        rows = [x for x in F4_ROWS if x[0] == unit]
        ustart = r
        projs = []
        for x in rows:
            if x[1] not in projs:
                projs.append(x[1])
        for p in projs:
            pstart = r
            for (_, _, prob, req, dl, st, *_t) in [x for x in rows if x[1] == p]:
                n += 1
                ws.cell(r, 1, n).alignment = CN
                ws.cell(r, 6, prob); ws.cell(r, 7, req); ws.cell(r, 8, dl); ws.cell(r, 9, st)
                ws.cell(r, 10, person() if st == "已整改" else "")
                r += 1
            merge_down(ws, 3, pstart, r - 1, p); merge_down(ws, 4, pstart, r - 1, R.choice(F4_BUILDERS))
            merge_down(ws, 5, pstart, r - 1, R.choice(F4_SUPERV))
        merge_down(ws, 2, ustart, r - 1, unit)
    frame(ws, 3, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "说明：1.整改期限均为2025年；2.建设单位对所建工程安全生产负总责，督促施工、监理单位落实整改；"
                  "3.整改情况填“已整改”“整改中”“未整改”“长期坚持”。")
    ws.cell(r + 1, 1, f"填表人：{person()}"); ws.cell(r + 1, 6, f"审核人：{person()}"); ws.cell(r + 1, 8, f"联系电话：{phone()}")
    widths(ws, [6, 20, 26, 20, 20, 30, 30, 11, 10, 9, 8])
    ws.column_dimensions["E"].hidden = True
    tmp = tempfile.mkdtemp(prefix="h12x_")
    src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    lo_convert(src, "xls", OUT); shutil.rmtree(tmp)
    return dict(
        file=F4, kind="通信管理局 通信建设工程 安全生产专项检查 整改台账 over 建设单位 (the four operators' branches), project/builder/"
                      "supervisor cells merged, hidden 监理单位 column, deadlines without a year, xls (BIFF8)",
        producer="通信发展管理办公室(Excel → LibreOffice 'MS Excel 97')", as_of=AS_OF,
        sheets={"问题整改台账": dict(header_row=3, data_rows=len(F4_ROWS), columns=dict(
            problem="F (检查发现问题)", measure="G (整改要求; one row = one item)", deadline="H (整改期限, no year)",
            status="I (整改情况)", unit="B (建设单位, merged down)", person="J (复查人)", department=None, completed_on=None))},
        status_map={"已整改": "done", "整改中": "in progress", "未整改": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="units = the four 建设单位 (说明: the 建设单位 answers for its works); 工程名称 (projects, merged), 施工单位 and the hidden "
              "监理单位 (companies, merged) are not units; the checking 通信发展管理办公室 is not a unit; deadlines have no year: 2025 "
              "(title, 说明); 立即整改 整改中 (联通) is overdue at both dates; 4月30日前 not done is overdue only at 2025-10-31",
        truths=check_truth(F4, F4_ROWS, F4_STATE, lambda x: (x[0], x[3], x[4], x[5])), hand=F4_HAND,
        unit_sheets={u: ["问题整改台账"] for u in F4_HAND})


# ================================================================== 5. 医院 患者投诉 整改 (CSV UTF-8 with BOM)
F5 = "临江市第一人民医院2025年第一季度患者投诉问题整改落实台账.csv"
F5_STATE = {"已落实": "D", "落实中": "N", "未落实": "N", "长期坚持": "L"}
# (被投诉科室, 投诉渠道, 投诉事由, 核实情况, 整改措施, 整改时限, 整改落实情况, truth)
F5_ROWS = [
    # HAND 急诊科: m5 done2 long1 not2 overdue@0430 1 overdue@1031 2
    ("急诊科", "12345转办", "患者候诊时间过长，分诊护士态度生硬", "属实", "优化分诊流程，开展服务礼仪培训", "2025/3/31", "已落实", "D", "2025-03-31", 1),
    ("急诊科", "现场投诉", "夜间抢救室陪护人员过多，影响抢救秩序", "部分属实", "实行抢救室陪护证管理", "立即整改", "已落实", "D", "IMM", 1),
    ("急诊科", "院长信箱", "医生开具检查前未告知费用", "属实", "落实检查项目费用告知制度", "2025/4/15", "落实中", "N", "2025-04-15", 1),
    ("急诊科", "电话投诉", "急诊留观床位不足，患者在走廊输液", "属实", "增设留观床位10张", "2025/9/30", "落实中", "N", "2025-09-30", 1),
    ("急诊科", "现场投诉", "医患沟通不到位，家属不了解病情", "部分属实", "将医患沟通纳入科室月度考核", "长期坚持", "长期坚持", "L", "LT", 1),
    # HAND 骨科: m4 done1 long0 not3 overdue@0430 2 overdue@1031 3
    ("骨科", "12345转办", "术后换药不及时", "属实", "制定术后换药时间表，责任到人", "2025/3/15", "已落实", "D", "2025-03-15", 1),
    ("骨科", "院长信箱", "使用耗材收费与术前告知不一致", "属实", "耗材使用前签署知情同意书，逐项核查收费", "2025/4/30", "落实中", "N", "2025-04-30", 1),
    ("骨科", "现场投诉", "病房卫生间长期漏水", "属实", "协调后勤保障部维修", "2025/4/10", "未落实", "N", "2025-04-10", 1),
    ("骨科", "电话投诉", "出院带药未交代用法用量", "属实", "规范出院宣教并签字确认", "立即整改", "落实中", "N", "IMM", 1),
    # HAND 门诊部: m4 done2 long1 not1 overdue@0430 0 overdue@1031 1
    ("门诊部", "12345转办", "专家号源被“黄牛”倒卖", "部分属实", "实行实名制预约挂号，联合公安打击号贩子", "2025/3/31", "已落实", "D", "2025-03-31", 1),
    ("门诊部", "现场投诉", "自助机故障无人指导", "属实", "每台自助机旁安排志愿者", "立即整改", "已落实", "D", "IMM", 1),
    ("门诊部", "院长信箱", "检验报告领取排队时间长", "属实", "开通检验报告线上查询和自助打印", "2025/6/30", "落实中", "N", "2025-06-30", 1),
    ("门诊部", "电话投诉", "部分专家迟到，开诊不准时", "属实", "落实门诊准时开诊考勤通报", "长期坚持", "长期坚持", "L", "LT", 1),
    # HAND 医学影像科: m4 done2 long0 not2 overdue@0430 0 overdue@1031 1
    ("医学影像科", "12345转办", "CT检查预约等待超过一周", "属实", "延长CT检查服务时间至21:00", "2025/4/20", "已落实", "D", "2025-04-20", 1),
    ("医学影像科", "院长信箱", "检查报告出具超时", "属实", "规范报告出具时限，普通报告24小时内出具", "2025/5/31", "落实中", "N", "2025-05-31", 1),
    ("医学影像科", "现场投诉", "检查时未注意保护患者隐私", "属实", "检查室加装隔帘，异性检查有第三人在场", "立即整改", "已落实", "D", "IMM", 1),
    ("医学影像科", "电话投诉", "磁共振检查噪音大未提前告知", "部分属实", "检查前告知并提供耳塞", "2025/10/31", "未落实", "N", "2025-10-31", 1),
]
F5_HAND = {"急诊科": (5, 2, 1, 2, 1, 2), "骨科": (4, 1, 0, 3, 2, 3), "门诊部": (4, 2, 1, 1, 0, 1), "医学影像科": (4, 2, 0, 2, 0, 1)}


def f5():
    ncol = 13
    pad = lambda xs: xs + [""] * (ncol - len(xs))
    rows = [pad(["临江市第一人民医院2025年第一季度患者投诉问题整改落实台账"]),
            pad(["填报科室：医患关系办公室（投诉管理办公室）", "", "", "", "", "", "", "", "", "填报时间：2025年4月28日"]),
            ["序号", "投诉编号", "受理日期", "投诉渠道", "被投诉科室", "投诉事由", "核实情况", "整改措施", "科室负责人",
             "整改时限", "整改落实情况", "投诉人回访", "备注"]]
    n = 0
    for unit in F5_HAND:
        boss = person()
        for (_, chan, why, verdict, meas, dl, st, *_t) in [x for x in F5_ROWS if x[0] == unit]:
            n += 1
            day = D(2025, R.randint(1, 3), R.randint(1, 28))
            back = R.choice(["满意", "基本满意", "满意"]) if st == "已落实" else R.choice(["基本满意", "不满意", "未回访"])
            rows.append([str(n), f"TS2025{day.month:02d}{R.randint(100, 999)}", f"{day.year}/{day.month}/{day.day}", chan, unit,
                         why, verdict, meas, boss, dl, st, back, ""])
    rows.append(pad(["说明：整改落实情况填“已落实”“落实中”“未落实”“长期坚持”；投诉人回访为医患办电话回访结果，不作为整改完成的依据。"]))
    rows.append(pad([f"填报人：{person()}", "", "", "", "", f"审核人：{person()}（医务部）"]))
    with open(os.path.join(OUT, F5), "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(rows)
    return dict(
        file=F5, kind="医院 医患关系办公室 患者投诉 问题整改落实台账 of one hospital, units = 被投诉科室, CSV UTF-8 with BOM",
        producer="医院医患办(Excel 另存为 CSV UTF-8, BOM, CRLF)", as_of=AS_OF,
        sheets={F5[:-4]: dict(header_row=3, data_rows=len(F5_ROWS), columns=dict(
            problem="F (投诉事由)", measure="H (整改措施; one row = one item)", deadline="J (整改时限, 2025/m/d)",
            status="K (整改落实情况)", unit="E (被投诉科室)", person="I (科室负责人)", department="E (被投诉科室 = the unit)",
            completed_on=None))},
        status_map={"已落实": "done", "落实中": "in progress", "未落实": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="the ledger is of one hospital (title); units = the four 被投诉科室; the filing 医患关系办公室 and the 医务部 in the footer "
              "are not units; 投诉渠道 (12345转办…) and 核实情况 (属实/部分属实) are not states; 投诉人回访 (满意/不满意/未回访) is not a "
              "state (说明); 受理日期 is not a deadline; 立即整改 落实中 (骨科) is overdue at both dates; 2025/4/30 not done is overdue "
              "only at 2025-10-31; 2025/10/31 never overdue here; title, meta, 说明 and 填报人 lines are not data",
        truths=check_truth(F5, F5_ROWS, F5_STATE, lambda x: (x[0], x[4], x[5], x[6])), hand=F5_HAND,
        unit_sheets={u: [F5[:-4]] for u in F5_HAND})


# ================================================================== 6. 国企集团 所属企业“三重一大” 专项检查 (openpyxl xlsx)
F6 = "临江城市发展集团有限公司所属企业“三重一大”决策制度执行情况专项检查发现问题整改台账.xlsx"
F6_STATE = {"已整改": "D", "整改中": "N", "未整改": "N", "长期坚持": "L"}
# (所属企业, 问题类型, 检查发现问题, 整改措施, 责任部门, 整改时限, 整改情况, truth)
F6_ROWS = [
    # HAND 临江城发置业有限公司: m5 done2 long1 not2 overdue@0430 0 overdue@1031 2
    ("临江城发置业有限公司", "重大决策", "2024年土地竞买事项未经党支部前置研究", "完善党组织前置研究讨论重大经营管理事项清单", "综合办公室", "2025年4月底前", "已整改", "D", "2025-04-30", 1),
    ("临江城发置业有限公司", "大额资金", "500万元以上资金支付未经集体决策", "严格执行大额资金集体决策制度，对2024年支付事项逐笔倒查", "财务部", "2025年6月30日前", "整改中", "N", "2025-06-30", 1),
    ("临江城发置业有限公司", "重要人事", "中层干部调整未按程序集体研究", "补充履行干部调整程序", "综合办公室", "立行立改", "已整改", "D", "IMM", 1),
    ("临江城发置业有限公司", "会议记录", "董事会会议记录不完整，未记录表决意见", "规范会议记录，逐人记录表决意见", "综合办公室", "长期坚持", "长期坚持", "L", "LT", 1),
    ("临江城发置业有限公司", "重大项目", "商业综合体项目可研报告未经评审即提交决策", "建立可研报告专家评审机制", "投资发展部", "2025年三季度", "未整改", "N", "2025-09-30", 1),
    # HAND 临江城发建设工程有限公司: m4 done1 long0 not3 overdue@0430 2 overdue@1031 3
    ("临江城发建设工程有限公司", "重大项目", "工程分包事项未提交总经理办公会研究", "修订“三重一大”事项清单，明确分包事项决策程序", "工程管理部", "2025年3月31日前", "已整改", "D", "2025-03-31", 1),
    ("临江城发建设工程有限公司", "大额资金", "对外出借资金未报集团审批", "限期收回借款，追究相关人员责任", "财务部", "2025年4月15日前", "整改中", "N", "2025-04-15", 1),
    ("临江城发建设工程有限公司", "会议记录", "决策事项会后未跟踪督办", "建立决策事项督办台账", "综合办公室", "2025年6月30日前", "整改中", "N", "2025-06-30", 1),
    ("临江城发建设工程有限公司", "重要人事", "项目经理聘任未经集体研究", "补充集体研究程序", "人力资源部", "立行立改", "整改中", "N", "IMM", 1),
    # HAND 临江城发物业服务有限公司: m4 done1 long1 not2 overdue@0430 0 overdue@1031 1
    ("临江城发物业服务有限公司", "大额资金", "物业专项维修资金使用未经集体决策", "规范维修资金使用审批流程", "财务部", "2025年4月30日前", "已整改", "D", "2025-04-30", 1),
    ("临江城发物业服务有限公司", "重大决策", "物业服务收费标准调整未经职工代表大会审议", "依法履行民主程序后执行", "综合办公室", "2025年底前", "未整改", "N", "2025-12-31", 1),
    ("临江城发物业服务有限公司", "会议记录", "总经理办公会议事规则未按集团要求修订", "修订总经理办公会议事规则", "综合办公室", "2025年4月底前", "整改中", "N", "2025-04-30", 1),
    ("临江城发物业服务有限公司", "制度建设", "“三重一大”制度学习培训不到位", "纳入年度学习计划，每年至少专题学习1次", "党群工作部", "长期坚持", "长期坚持", "L", "LT", 1),
    # HAND 临江城发资产运营有限公司: m5 done2 long0 not3 overdue@0430 1 overdue@1031 3
    ("临江城发资产运营有限公司", "重大决策", "国有房产出租未进场公开招租", "到期合同一律进场公开招租", "资产管理部", "2025年三季度", "整改中", "N", "2025-09-30", 1),
    ("临江城发资产运营有限公司", "大额资金", "购买银行理财产品未经董事会审议", "补充决策程序，建立资金理财审批制度", "财务部", "2025年3月31日前", "已整改", "D", "2025-03-31", 1),
    ("临江城发资产运营有限公司", "重要人事", "下属企业负责人兼职未按规定报备", "补充报备", "人力资源部", "立行立改", "已整改", "D", "IMM", 1),
    ("临江城发资产运营有限公司", "会议记录", "党支部会议研究事项与总经理办公会记录不一致", "建立会议记录交叉核对机制", "综合办公室", "2025年5月31日前", "整改中", "N", "2025-05-31", 1),
    ("临江城发资产运营有限公司", "重大项目", "停车场改造项目超概算未重新履行决策程序", "补充决策程序，追究超概算责任", "工程管理部", "2025年4月20日前", "未整改", "N", "2025-04-20", 1),
]
F6_HAND = {"临江城发置业有限公司": (5, 2, 1, 2, 0, 2), "临江城发建设工程有限公司": (4, 1, 0, 3, 2, 3),
           "临江城发物业服务有限公司": (4, 1, 1, 2, 0, 1), "临江城发资产运营有限公司": (5, 2, 0, 3, 1, 3)}
CNUM = "一二三四五六"


def f6():
    wb = Workbook(); ws = wb.active; ws.title = "整改台账"
    ncol = 9
    title(ws, "A1:I1", "临江城市发展集团有限公司所属企业“三重一大”决策制度执行情况专项检查发现问题整改台账")
    ws.merge_cells("A2:I2")
    ws["A2"] = "牵头部门：集团纪检监察室、审计法务部　　　　检查时间：2025年2月17日—3月14日　　　　报送日期：2025年4月29日"
    header(ws, 3, ["序号", "问题类型", "检查发现问题", "整改措施", "责任部门", "责任人", "整改时限", "整改情况", "问题依据"])
    r = 4
    for ui, unit in enumerate(F6_HAND):
        rows = [x for x in F6_ROWS if x[0] == unit]
        ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
        ws.cell(r, 1, f"{CNUM[ui]}、{unit}（{len(rows)}个问题）").font = Font(bold=True)
        r += 1
        for k, (_, kind, prob, meas, dept, dl, st, *_t) in enumerate(rows, 1):
            ws.cell(r, 1, k).alignment = CN
            ws.cell(r, 2, kind); ws.cell(r, 3, prob); ws.cell(r, 4, meas); ws.cell(r, 5, dept); ws.cell(r, 6, person())
            ws.cell(r, 7, dl); ws.cell(r, 8, st)
            ws.cell(r, 9, R.choice(["《临江城发集团“三重一大”决策制度实施办法》第" + str(R.randint(5, 21)) + "条",
                                    "《国有企业领导人员廉洁从业若干规定》", "集团公司《大额资金管理办法》"]))
            r += 1
        if ui < len(F6_HAND) - 1:
            r += 1  # a blank row between enterprises
    tot = len(F6_ROWS); dn = sum(x[6] == "已整改" for x in F6_ROWS)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=2)
    ws.cell(r, 1, "合计").alignment = CN
    ws.cell(r, 3, f"发现问题{tot}个"); ws.cell(r, 8, f"已整改{dn}个")
    frame(ws, 3, r, ncol)
    ws.cell(r + 1, 1, "注：责任部门为所属企业内设部门；整改情况填“已整改”“整改中”“未整改”“长期坚持”。")
    ws.cell(r + 2, 1, f"填报人：{person()}"); ws.cell(r + 2, 4, f"审核人：{person()}"); ws.cell(r + 2, 7, "集团纪检监察室（盖章）")
    widths(ws, [6, 10, 36, 36, 12, 9, 16, 10, 30])
    ws.column_dimensions["I"].hidden = True
    ws.freeze_panes = "A4"
    s2 = wb.create_sheet("检查组分工")
    title(s2, "A1:D1", "“三重一大”决策制度执行情况专项检查组分工", 14)
    header(s2, 2, ["检查组", "组长", "成员", "检查对象"])
    for i, unit in enumerate(F6_HAND, 3):
        s2.cell(i, 1, f"第{CNUM[i - 3]}检查组"); s2.cell(i, 2, person()); s2.cell(i, 3, "、".join(person() for _ in range(3)))
        s2.cell(i, 4, unit)
    widths(s2, [12, 10, 26, 30])
    wb.save(os.path.join(OUT, F6))
    return dict(
        file=F6, kind="国企集团 所属企业 “三重一大”决策制度执行情况 专项检查 整改台账 over 子公司 named in section rows, blank rows, "
                      "hidden 问题依据 column, 合计 row, second sheet 检查组分工, xlsx",
        producer="集团纪检监察室(Excel手工, openpyxl xlsx)", as_of=AS_OF,
        sheets={"整改台账": dict(header_row=3, data_rows=len(F6_ROWS), columns=dict(
            problem="C (检查发现问题)", measure="D (整改措施; one row = one item)", deadline="G (整改时限)",
            status="H (整改情况)", unit="section rows 一、…（N个问题） above each enterprise's rows (no unit column)",
            person="F (责任人)", department="E (责任部门, inside the enterprise; 注)", completed_on=None)),
            "检查组分工": dict(header_row=2, data_rows=4, columns=None, note="not a ledger: inspection teams and whom they checked")},
        status_map={"已整改": "done", "整改中": "in progress", "未整改": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="units = the four 所属企业 named in the section rows (一、临江城发置业有限公司（5个问题） …); 序号 restarts in each section; "
              "责任部门 (综合办公室/财务部 …) are departments inside each enterprise (注), not units; the group, its 纪检监察室 and "
              "审计法务部 are not units; the hidden column I 问题依据 holds rules, not states; a blank row between enterprises; the "
              "合计 row and footer are not data; 2025年三季度 = 09-30; 2025年4月底前 not done is overdue only at 2025-10-31; "
              "立行立改 整改中 (建设工程) is overdue at both dates; the second sheet lists the teams and names each enterprise again",
        truths=check_truth(F6, F6_ROWS, F6_STATE, lambda x: (x[0], x[3], x[5], x[6])), hand=F6_HAND,
        unit_sheets={u: ["整改台账"] for u in F6_HAND})


# ================================================================== 7. 税务局 税收执法督察 (openpyxl xlsx, date cells)
F7 = "国家税务总局临江市江北区税务局2025年税收执法督察发现问题整改台账.xlsx"
F7_STATE = {"已整改到位": "D", "正在整改": "N", "尚未整改": "N", "长期坚持": "L"}
# (责任单位, 督察项目, 问题描述, 涉及户次, 涉及税款（元）, 整改措施, 整改时限 (date or text), 整改结果, 整改完成时间, truth)
T = lambda y, m, d: dt.datetime(y, m, d)
F7_ROWS = [
    # HAND 第一税务所: m6 done2 long1 not3 overdue@0430 1 overdue@1031 3   (row 2 enumerates two measures)
    ("第一税务所", "税收优惠", "小型微利企业优惠备案资料审核不严", 2, 12450.00, "对享受优惠企业逐户复核，追缴少缴税款", T(2025, 4, 30), "已整改到位", T(2025, 4, 18), "D", "2025-04-30", 1),
    ("第一税务所", "发票管理", "发票增版增量审批未按规定实地核查", 5, 0, "1.对5户纳税人补充实地核查；2.修订发票审批内部流程", T(2025, 5, 31), "正在整改", None, "N", "2025-05-31", 2),
    ("第一税务所", "欠税管理", "欠税公告不及时", 3, 86200.00, "按季度发布欠税公告", "长期坚持", "长期坚持", None, "L", "LT", 1),
    ("第一税务所", "行政处罚", "逾期申报处罚裁量不统一", 12, 0, "统一执行行政处罚裁量基准", T(2025, 3, 31), "已整改到位", T(2025, 3, 28), "D", "2025-03-31", 1),
    ("第一税务所", "税源管理", "非正常户解除时未按规定补税罚款", 4, 3300.00, "补征税款、滞纳金和罚款", T(2025, 4, 15), "正在整改", None, "N", "2025-04-15", 1),
    # HAND 第二税务所: m4 done1 long0 not3 overdue@0430 1 overdue@1031 2
    ("第二税务所", "税收优惠", "安置残疾人就业增值税即征即退审核不严", 1, 45800.00, "追回多退税款", T(2025, 4, 20), "尚未整改", None, "N", "2025-04-20", 1),
    ("第二税务所", "发票管理", "异常增值税扣税凭证未及时推送处理", 7, 21600.00, "逐户核实异常凭证，督促作进项税额转出", T(2025, 6, 30), "正在整改", None, "N", "2025-06-30", 1),
    ("第二税务所", "行政处罚", "税务行政处罚决定书未在规定期限内送达", 3, 0, "规范税务文书送达", T(2025, 3, 31), "已整改到位", T(2025, 3, 20), "D", "2025-03-31", 1),
    ("第二税务所", "税源管理", "房产税、城镇土地使用税税源信息未及时更新", 15, 132000.00, "开展税源信息比对，更新税源信息", T(2025, 10, 31), "正在整改", None, "N", "2025-10-31", 1),
    # HAND 第三税务所: m4 done2 long0 not2 overdue@0430 0 overdue@1031 2
    ("第三税务所", "行政处罚", "简易处罚未告知当事人陈述申辩权利", 6, 0, "规范行政处罚告知程序", T(2025, 3, 31), "已整改到位", T(2025, 3, 25), "D", "2025-03-31", 1),
    ("第三税务所", "欠税管理", "欠税追征措施不到位", 2, 57900.00, "对欠税户依法采取强制执行措施", T(2025, 9, 30), "尚未整改", None, "N", "2025-09-30", 1),
    ("第三税务所", "税收优惠", "研发费用加计扣除后续管理缺失", 3, 0, "开展研发费用加计扣除风险核查", T(2025, 5, 31), "正在整改", None, "N", "2025-05-31", 1),
    ("第三税务所", "发票管理", "代开发票未按规定征收个人所得税", 9, 4120.00, "补征个人所得税", T(2025, 4, 10), "已整改到位", T(2025, 4, 8), "D", "2025-04-10", 1),
]
F7_HAND = {"第一税务所": (6, 2, 1, 3, 1, 3), "第二税务所": (4, 1, 0, 3, 1, 2), "第三税务所": (4, 2, 0, 2, 0, 2)}


def f7():
    wb = Workbook(); ws = wb.active; ws.title = "执法督察整改台账"
    ncol = 13
    title(ws, "A1:M1", "国家税务总局临江市江北区税务局2025年税收执法督察发现问题整改台账")
    ws.merge_cells("A2:M2")
    ws["A2"] = "督察实施部门：法制股（督察内审股）　　　　督察期间：2024年1月1日至2024年12月31日　　　　填报日期：2025年4月28日"
    header(ws, 3, ["序号", "督察项目", "问题描述", "涉及户次", "涉及税款（元）", "责任单位", "整改措施", "整改时限", "责任人",
                   "整改结果", "整改完成时间", "追责问责情况", "备注"])
    order = sorted(F7_ROWS, key=lambda x: ["税收优惠", "发票管理", "欠税管理", "行政处罚", "税源管理"].index(x[1]))
    r = 4
    for k, (unit, item, prob, hh, tax, meas, dl, st, fin, *_t) in enumerate(order, 1):
        ws.cell(r, 1, k).alignment = CN
        ws.cell(r, 2, item); ws.cell(r, 3, prob); ws.cell(r, 4, hh)
        c = ws.cell(r, 5, tax); c.number_format = "#,##0.00"
        ws.cell(r, 6, unit); ws.cell(r, 7, meas)
        c = ws.cell(r, 8, dl)
        if isinstance(dl, dt.datetime):
            c.number_format = 'yyyy"年"m"月"d"日"'
        ws.cell(r, 9, person()); ws.cell(r, 10, st)
        if fin:
            ws.cell(r, 11, fin).number_format = "yyyy-mm-dd"
        ws.cell(r, 12, R.choice(["批评教育", "约谈提醒", "无", "无"]) if tax else "无")
        r += 1
    ws.cell(r, 1, "合计").alignment = CN
    ws.cell(r, 4, sum(x[3] for x in F7_ROWS))
    c = ws.cell(r, 5, round(sum(x[4] for x in F7_ROWS), 2)); c.number_format = "#,##0.00"
    frame(ws, 3, r, ncol)
    ws.merge_cells(start_row=r + 1, end_row=r + 1, start_column=1, end_column=ncol)
    ws.cell(r + 1, 1, "备注：整改结果填“已整改到位”“正在整改”“尚未整改”“长期坚持”；已整改到位的填写整改完成时间。")
    ws.cell(r + 2, 1, f"制表人：{person()}"); ws.cell(r + 2, 6, f"审核人：{person()}")
    widths(ws, [6, 10, 30, 8, 14, 12, 34, 16, 9, 12, 13, 12, 8])
    ws.freeze_panes = "A4"
    wb.save(os.path.join(OUT, F7))
    return dict(
        file=F7, kind="税务局 税收执法督察 发现问题整改台账 of one 区局, units = its 税务所 (责任单位), rows sorted by 督察项目 (units "
                      "interleaved), deadlines as date cells, 整改完成时间, 合计 row, xlsx",
        producer="区税务局法制股(Excel手工, openpyxl xlsx)", as_of=AS_OF,
        sheets={"执法督察整改台账": dict(header_row=3, data_rows=len(F7_ROWS), columns=dict(
            problem="C (问题描述)", measure="G (整改措施)", deadline="H (整改时限, date cells; one 长期坚持 text)",
            status="J (整改结果)", unit="F (责任单位)", person="I (责任人)", department="F (责任单位 = the unit)",
            completed_on="K (整改完成时间)"))},
        status_map={"已整改到位": "done", "正在整改": "in progress", "尚未整改": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="the ledger is of one 区税务局 (title); units = the three 税务所 of 责任单位, rows interleaved (sorted by 督察项目); the "
              "督察 法制股 is not a unit; 涉及户次/涉及税款 are amounts; 追责问责情况 is not a state; the 第一税务所 cell "
              "1.…；2.… is two measures (13 rows, 14 measures); the 合计 row (sums of 户次 and 税款) and the 备注/制表人 footer are "
              "not data; 2025-04-30 done; 2025-10-31 not done is never overdue here",
        truths=check_truth(F7, F7_ROWS, F7_STATE, lambda x: (x[0], x[5], x[6], x[7])), hand=F7_HAND,
        unit_sheets={u: ["执法督察整改台账"] for u in F7_HAND})


# ================================================================== 8. 城镇污水处理厂 运营绩效考核 扣分整改 (LibreOffice Calc xlsx)
F8 = "临江市2025年第一季度城镇污水处理厂运营绩效考核扣分问题整改台账.xlsx"
F8_STATE = {"已完成整改": "D", "正在整改": "N", "未整改": "N", "长期坚持": "L"}
# (污水处理厂, 考核项目, 扣分情形, 扣分, 整改措施, 整改期限, 整改情况, truth)
F8_ROWS = [
    # HAND 城东污水处理厂: m5 done2 long1 not2 overdue@0430 1 overdue@1031 2
    ("城东污水处理厂", "出水水质", "2月3日出水总氮日均值超标", 2.0, "优化碳源投加，加强生化段工艺控制", "立行立改", "已完成整改", "D", "IMM", 1),
    ("城东污水处理厂", "污泥处置", "污泥转移联单不全", 1.0, "完善污泥转移联单管理", "2025.3.31", "已完成整改", "D", "2025-03-31", 1),
    ("城东污水处理厂", "设备运行", "1号鼓风机故障停机超过48小时未报告", 1.5, "建立设备故障报告制度，修复鼓风机", "2025.4.20", "正在整改", "N", "2025-04-20", 1),
    ("城东污水处理厂", "在线监测", "进水COD在线监测数据缺失", 1.0, "维修在线监测设备，确保数据连续上传", "2025年二季度末", "正在整改", "N", "2025-06-30", 1),
    ("城东污水处理厂", "安全管理", "有限空间作业未执行审批", 2.0, "严格执行有限空间作业审批", "长期坚持", "长期坚持", "L", "LT", 1),
    # HAND 城北污水处理厂: m4 done1 long0 not3 overdue@0430 1 overdue@1031 3
    ("城北污水处理厂", "进水浓度", "进水BOD浓度偏低，收集效能不足", 1.0, "配合排水管理处排查服务片区雨污混接", "2025年三季度", "正在整改", "N", "2025-09-30", 1),
    ("城北污水处理厂", "化验检测", "化验室未按规定频次检测", 1.0, "按规定频次开展化验检测", "2025.3.31", "已完成整改", "D", "2025-03-31", 1),
    ("城北污水处理厂", "运行台账", "运行台账填写不规范", 0.5, "规范运行台账填写", "立行立改", "正在整改", "N", "IMM", 1),
    ("城北污水处理厂", "设备运行", "除臭设施未正常运行", 1.5, "维修除臭设施", "2025年7月底前", "未整改", "N", "2025-07-31", 1),
    # HAND 临江经济开发区污水处理厂: m4 done2 long0 not2 overdue@0430 0 overdue@1031 1
    ("临江经济开发区污水处理厂", "出水水质", "3月出水氨氮超标1次", 2.0, "排查超标接管工业企业，加强进水监控", "2025.4.30", "正在整改", "N", "2025-04-30", 1),
    ("临江经济开发区污水处理厂", "应急管理", "突发环境事件应急预案未备案", 1.0, "修订应急预案并报备", "2025.4.15", "已完成整改", "D", "2025-04-15", 1),
    ("临江经济开发区污水处理厂", "污泥处置", "脱水污泥含水率超标", 1.0, "更换板框压滤机滤布，调整调理剂投加量", "2025年二季度末", "已完成整改", "D", "2025-06-30", 1),
    ("临江经济开发区污水处理厂", "安全管理", "加药间未设置洗眼器", 0.5, "加装洗眼器", "2025年10月31日前", "未整改", "N", "2025-10-31", 1),
]
F8_HAND = {"城东污水处理厂": (5, 2, 1, 2, 1, 2), "城北污水处理厂": (4, 1, 0, 3, 1, 3), "临江经济开发区污水处理厂": (4, 2, 0, 2, 0, 1)}


def f8():
    wb = Workbook(); ws = wb.active; ws.title = "扣分问题整改台账"
    ncol = 10
    title(ws, "A1:J1", "临江市2025年第一季度城镇污水处理厂运营绩效考核扣分问题整改台账")
    ws.merge_cells("A2:J2")
    ws["A2"] = "考核单位：临江市城市管理局（排水管理处）　　　　考核时间：2025年4月7日—4月11日　　　　填报时间：2025年4月25日"
    header(ws, 3, ["序号", "污水处理厂", "考核项目", "扣分情形", "扣分", "整改措施", "整改期限", "整改情况", "复核意见", "备注"])
    r = 4; n = 0
    for unit in F8_HAND:
        rows = [x for x in F8_ROWS if x[0] == unit]
        start = r
        for (_, item, why, pts, meas, dl, st, *_t) in rows:
            n += 1
            ws.cell(r, 1, n).alignment = CN
            ws.cell(r, 3, item); ws.cell(r, 4, why); ws.cell(r, 5, pts); ws.cell(r, 6, meas); ws.cell(r, 7, dl)
            ws.cell(r, 8, st); ws.cell(r, 9, "同意销号" if st == "已完成整改" else "")
            r += 1
        merge_down(ws, 2, start, r - 1, unit); ws.cell(start, 2).alignment = CN
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=4)
    ws.cell(r, 1, "合计").alignment = CN
    ws.cell(r, 5, sum(x[3] for x in F8_ROWS))
    frame(ws, 3, r, ncol)
    ws.merge_cells(start_row=r + 1, end_row=r + 1, start_column=1, end_column=ncol)
    ws.cell(r + 1, 1, "说明：扣分情形按《临江市城镇污水处理厂运营绩效考核办法》认定；整改情况由运营单位填报，排水管理处复核后销号。")
    ws.cell(r + 2, 1, f"填表人：{person()}"); ws.cell(r + 2, 4, f"审核人：{person()}"); ws.cell(r + 2, 7, f"联系电话：0736-{R.randint(2300000, 2399999)}")
    widths(ws, [6, 18, 10, 32, 7, 34, 16, 12, 10, 8])
    ws.freeze_panes = "A4"
    s2 = wb.create_sheet("考核得分")
    title(s2, "A1:E1", "2025年第一季度城镇污水处理厂运营绩效考核得分", 14)
    header(s2, 2, ["污水处理厂", "设计规模（万吨/日）", "基础分", "扣分", "考核得分"])
    for i, unit in enumerate(F8_HAND, 3):
        ded = sum(x[3] for x in F8_ROWS if x[0] == unit)
        for c, v in enumerate([unit, R.choice([2, 3, 5, 6]), 100, ded, 100 - ded], 1):
            s2.cell(i, c, v)
    widths(s2, [26, 18, 8, 8, 10])
    tmp = tempfile.mkdtemp(prefix="h12c_")
    src = os.path.join(tmp, "src.xlsx"); wb.save(src)
    os.makedirs(os.path.join(tmp, "o"))
    lo_convert(src, "xlsx:Calc MS Excel 2007 XML", os.path.join(tmp, "o"))
    shutil.move(os.path.join(tmp, "o", "src.xlsx"), os.path.join(OUT, F8)); shutil.rmtree(tmp)
    return dict(
        file=F8, kind="城镇污水处理厂 运营绩效考核 扣分问题整改台账 over 污水处理厂 (merged down), 扣分 column, 合计 row, second sheet "
                      "考核得分, LibreOffice Calc xlsx",
        producer="市城管局排水管理处(Excel → LibreOffice Calc 'Excel 2007-365' xlsx)", as_of=AS_OF,
        sheets={"扣分问题整改台账": dict(header_row=3, data_rows=len(F8_ROWS), columns=dict(
            problem="D (扣分情形)", measure="F (整改措施; one row = one item)", deadline="G (整改期限)",
            status="H (整改情况)", unit="B (污水处理厂, merged down)", person=None, department=None, completed_on=None)),
            "考核得分": dict(header_row=2, data_rows=3, columns=None, note="not a ledger: scores per plant")},
        status_map={"已完成整改": "done", "正在整改": "in progress", "未整改": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="units = the three 污水处理厂 (merged down); the assessing 城市管理局/排水管理处 is not a unit; 扣分 (points) and 复核意见 "
              "(同意销号) are not states; the 合计 row (sum of 扣分) and footer are not data; 2025年二季度末 = 06-30, 2025年三季度 = "
              "09-30; 立行立改 正在整改 (城北) is overdue at both dates; 2025.4.30 not done is overdue only at 2025-10-31; "
              "2025年10月31日前 never overdue here; the second sheet 考核得分 names the plants again",
        truths=check_truth(F8, F8_ROWS, F8_STATE, lambda x: (x[0], x[4], x[5], x[6])), hand=F8_HAND,
        unit_sheets={u: ["扣分问题整改台账"] for u in F8_HAND})


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    out = []
    bad = 0
    for f in (f1, f2, f3, f4, f5, f6, f7, f8):
        a = f()
        counts, hand = recount(a.pop("truths")), a.pop("hand")
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
    nr = sum(a["sheets"][s]["data_rows"] for a in out for s in a["sheets"] if a["sheets"][s].get("columns"))
    print(f"{len(out)} files, {nu} units, {2 * nu} pairs, {nr} data rows, {ni} items; recount = hand count for every unit")


if __name__ == "__main__":
    main()


