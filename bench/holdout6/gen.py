#!/usr/bin/env python3
"""Seeded generator of taizhang holdout 6. `python3 gen.py` (needs openpyxl; soffice for .xls/.ods/Calc xlsx).
Writes files/ and answers.json. Every data row records (unit, n_measures, category, due) where category is
done / long / not and due is a date, LT (no date) or IMM (immediate, no feedback date)."""
import csv, datetime as dt, json, os, random, shutil, subprocess, tempfile
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")
D = dt.date
LT, IMM = "LT", "IMM"
S = Side(style="thin")
BOX = Border(left=S, right=S, top=S, bottom=S)
AL = Alignment(wrap_text=True, vertical="center")


def tally(recs, as_of):
    res = {}
    for unit, n, cat, due in recs:
        r = res.setdefault(unit, {d: dict(measures=0, measures_done=0, measures_long_term=0,
                                          measures_not_done=0, overdue=0) for d in as_of})
        for d in as_of:
            x = r[d]
            x["measures"] += n
            if cat == "done":
                x["measures_done"] += n
            elif cat == "long":
                x["measures_long_term"] += n
            else:
                x["measures_not_done"] += n
                if due == IMM or (isinstance(due, D) and due < D.fromisoformat(d)):
                    x["overdue"] += n
    return res


def lo_convert(src, fmt, outdir):
    prof = tempfile.mkdtemp(prefix="h6lo_")
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


def month_end(d):
    return (d + dt.timedelta(days=1)).day == 1


def cn_date(rng, d, forms=("ymd", "dot", "md_qian", "ym_di")):
    f = rng.choice([x for x in forms if x != "ym_di" or month_end(d)])
    return {"ymd": f"{d.year}年{d.month}月{d.day}日", "dot": f"{d.year}.{d.month}.{d.day}",
            "md_qian": f"{d.month}月{d.day}日前", "ym_di": f"{d.year}年{d.month}月底前",
            "ymd_qian": f"{d.year}年{d.month}月{d.day}日前", "iso": d.isoformat(), "slash": f"{d.year}/{d.month}/{d.day}"}[f]


# ------------------------------------------------ 1: 省生态环境保护督察 交办信访件 rectification list (xlsx)
def f1(rng):
    name = "安平县第三轮省生态环境保护督察交办信访件办理整改台账.xlsx"
    units = ["城关镇", "河西镇", "石门乡", "安平经济开发区"]
    plan = [6, 5, 7, 5]
    bureaus = ["县生态环境局", "县住房和城乡建设局", "县农业农村局", "县自然资源局", "县水利局", "县城市管理局"]
    cases = [("大气", "某砖厂夜间生产烟尘大，周边村民晾晒衣物发黑"), ("噪声", "沥青搅拌站夜间生产噪声扰民"),
             ("水", "养殖场粪污直排村边沟渠，气味刺鼻"), ("土壤", "废弃厂区堆放不明废渣，雨后渗滤液外流"),
             ("大气", "餐饮街油烟未经净化直排"), ("水", "污水处理厂出水发黑发臭"), ("大气", "石料加工厂无组织排放粉尘"),
             ("固废", "河道边倾倒建筑垃圾"), ("噪声", "商砼站车辆夜间运输噪声"), ("大气", "秸秆露天焚烧"),
             ("水", "洗砂场废水排入白河"), ("固废", "塑料颗粒厂废料露天堆放")]
    as_of = ["2025-08-20", "2025-09-30"]
    sts = [("已办结", "done"), ("阶段性办结", "long"), ("未办结", "not")]
    wb = Workbook(); ws = wb.active; ws.title = "交办件台账"
    ncol = 13
    ws.merge_cells("A1:M1"); ws["A1"] = "安平县第三轮省生态环境保护督察交办信访件办理整改台账"
    ws["A1"].font = Font(size=15, bold=True)
    ws.merge_cells("A2:M2")
    ws["A2"] = "填报单位：安平县生态环境保护督察整改工作领导小组办公室（属地负责、行业监管）　　　　统计截至：2025年8月20日"
    for col, txt in (("A", "序号"), ("E", "属地"), ("F", "行业主管部门"), ("M", "备注")):
        ws.merge_cells(f"{col}3:{col}4"); ws[f"{col}3"] = txt
    ws.merge_cells("B3:D3"); ws["B3"] = "交办情况"
    ws.merge_cells("G3:L3"); ws["G3"] = "办理情况"
    for c, h in zip("BCDGHIJKL", ["交办编号", "信访内容", "污染类型", "调查核实情况", "整改措施", "整改时限", "办理状态",
                                  "属地责任人", "是否公开"]):
        ws[f"{c}4"] = h
    for rr in (3, 4):
        for c in range(1, ncol + 1):
            ws.cell(rr, c).font = Font(bold=True)
    order = [u for u, n in zip(units, plan) for _ in range(n)]
    rng.shuffle(order)
    batches = [("第一批（2025年7月8日交办）", D(2025, 7, 8), order[:8]), ("第二批（2025年7月15日交办）", D(2025, 7, 15), order[8:16]),
               ("第三批（2025年7月22日交办）", D(2025, 7, 22), order[16:])]
    r = 5; recs = []; seq = 0
    forced = {3: ("未办结", "not", D(2025, 9, 15)), 11: ("未办结", "not", D(2025, 8, 31)), 17: ("未办结", "not", IMM),
              19: ("未办结", "not", D(2025, 9, 30))}
    for title, bday, us in batches:
        ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
        ws.cell(r, 1, title).font = Font(bold=True); r += 1
        for k, u in enumerate(us):
            seq += 1
            st, cat = rng.choice(sts) if rng.random() < 0.6 else sts[0]
            due = rng.choice([D(2025, 7, 31), D(2025, 8, 15), D(2025, 8, 31), D(2025, 9, 15), D(2025, 10, 31), D(2025, 12, 31)])
            if rng.random() < 0.12:
                due = IMM
            if cat == "long":
                due = LT
            if seq in forced:
                st, cat, due = forced[seq]
            kind, txt = cases[(seq * 5) % len(cases)]
            real = rng.choice(["属实", "属实", "部分属实", "不属实"])
            if due == LT:
                dtxt = "长期坚持"
            elif due == IMM:
                dtxt = "立行立改"
            else:
                dtxt = cn_date(rng, due, ("ymd", "ym_di", "dot", "ymd_qian"))
            ws.cell(r, 1, seq); ws.cell(r, 2, f"X3SC{bday.strftime('%Y%m%d')}{k + 1:03d}"); ws.cell(r, 3, txt)
            ws.cell(r, 4, kind); ws.cell(r, 5, u); ws.cell(r, 6, rng.choice(bureaus)); ws.cell(r, 7, real)
            ws.cell(r, 8, "责令停产整治，完善污染防治设施，加强日常巡查" if real != "不属实" else "向信访人做好解释说明，加强日常监管")
            ws.cell(r, 9, dtxt); ws.cell(r, 10, st)
            ws.cell(r, 11, rng.choice(["副镇长 王磊", "副乡长 刘芳", "副主任 赵军", "镇长 孙建"]))
            ws.cell(r, 12, "是" if rng.random() < 0.8 else "否"); ws.cell(r, 13, "")
            recs.append((u, 1, cat, due)); r += 1
    frame(ws, 3, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "说明：1.办理状态分为“已办结”“阶段性办结”“未办结”三类，“阶段性办结”指已完成阶段性整改任务、剩余任务须长期坚持的交办件，"
                  "其整改时限填“长期坚持”；2.“是否公开”指办理结果是否已在县政府网站公开，不代表办结。")
    ws.cell(r + 1, 1, "填表人：陈晓　　　审核人：李国平　　　联系电话：0318-7521066")
    widths(ws, [6, 20, 34, 8, 14, 16, 10, 30, 14, 12, 14, 8, 8])
    ws.freeze_panes = "A5"
    wb.save(os.path.join(OUT, name))
    return dict(file=name, kind="省生态环境保护督察 交办信访件 list over 属地 units, two-row merged header band, batch section rows, xlsx",
                producer="县督察整改办(Excel手工, openpyxl)", as_of=as_of,
                sheets={"交办件台账": dict(header_row="3-4 (merged groups 交办情况 / 办理情况 over the field names)", data_rows=seq,
                                       columns=dict(problem="C (信访内容)", measure="H (整改措施; one 交办件 = one item)",
                                                    deadline="I (整改时限)", status="J (办理状态)", unit="E (属地)",
                                                    person="K (属地责任人)", department="F (行业主管部门, not the unit)",
                                                    completed_on=None))},
                status_map={"已办结": "done", "阶段性办结": "long-term (说明 footer; deadline 长期坚持)", "未办结": "not done"},
                notes="units = 属地 (three towns and the development zone); 行业主管部门 and the filer in the meta row are not units; batch section rows (第一批…) are not data; one 交办件 = one measure; 阶段性办结 = long-term per the 说明 footer; 是否公开 is not a status; 立行立改 not done is overdue on both dates; 2025年9月底前 = 09-30",
                recs=recs, unit_sheets={u: ["交办件台账"] for u in units})


# ------------------------------------------------ 2: 人大代表建议 handling tracker, system export CSV UTF-8 BOM
def f2(rng):
    name = "建议提案办理系统_代表建议办理情况导出_20250615.csv"
    units = ["县教育局", "县卫生健康局", "县交通运输局", "县农业农村局", "县城市管理局"]
    plan = [6, 5, 7, 4, 6]
    titles = {units[0]: ["关于解决城区学校大班额问题的建议", "关于加强农村学校心理健康教育的建议", "关于规范校外培训机构的建议",
                         "关于改善乡村教师住房条件的建议", "关于增设城东片区公办幼儿园的建议", "关于开展课后延时服务的建议", "关于校车安全管理的建议"],
              units[1]: ["关于提升乡镇卫生院服务能力的建议", "关于加强家庭医生签约服务的建议", "关于建设县域医共体的建议",
                         "关于解决村医待遇偏低问题的建议", "关于开展老年人免费体检的建议"],
              units[2]: ["关于开通城乡公交环线的建议", "关于改造G234线危险路段的建议", "关于增设农村客运招呼站的建议",
                         "关于加强超限超载治理的建议", "关于修缮石门乡通村公路的建议", "关于规范网约车管理的建议", "关于新建城西客运站的建议",
                         "关于开通高铁站接驳公交的建议"],
              units[3]: ["关于扶持设施农业发展的建议", "关于加强高标准农田管护的建议", "关于推进农村厕所改造的建议", "关于发展庭院经济的建议"],
              units[4]: ["关于治理背街小巷路灯不亮的建议", "关于规范早市摊点经营的建议", "关于增设城区公共停车位的建议",
                         "关于建设垃圾分类示范小区的建议", "关于加强渣土车管理的建议", "关于改造老旧小区排水管网的建议"]}
    as_of = ["2025-06-15", "2025-07-05"]
    states = [("已办结", "done"), ("已答复", "done"), ("办理中", "not"), ("待签收", "not"), ("申请调整中", "not")]
    hdr = ["建议号", "建议标题", "领衔代表", "代表团", "附议人数", "建议类别", "交办日期", "主办单位", "会办单位",
           "办理期限", "办理状态", "答复日期", "答复类别", "代表满意度"]
    rows = [hdr]; recs = []
    order = [u for u, n in zip(units, plan) for _ in range(n)]
    rng.shuffle(order)
    seen = {u: 0 for u in units}
    for i, u in enumerate(order):
        t = titles[u][seen[u]]; seen[u] += 1
        jb = rng.choice([D(2025, 3, 10), D(2025, 3, 20), D(2025, 4, 8)])
        due = rng.choice([D(2025, 6, 10), D(2025, 6, 20), D(2025, 6, 30), D(2025, 7, 10), D(2025, 6, 5)])
        st, cat = rng.choice(states) if rng.random() < 0.55 else states[rng.randrange(2)]
        if i in (4, 13, 22):
            st, cat, due = "办理中", "not", D(2025, 6, 20 + (i % 3) * 5)
        co = "、".join(rng.sample([x for x in units if x != u], rng.choice([0, 0, 1, 2])))
        reply = (due - dt.timedelta(days=rng.randint(1, 20))).isoformat() if cat == "done" else ""
        cls = rng.choice(["A", "A", "B", "C"]) if cat == "done" else ""
        sat = rng.choice(["满意", "基本满意", ""]) if st == "已办结" else ""
        rows.append([f"2025{i + 31:04d}", t, rng.choice(["张卫东", "李秀兰", "王海", "赵淑芬", "刘建平", "周明"]),
                     rng.choice(["城关镇代表团", "河西镇代表团", "石门乡代表团", "县直代表团"]), str(rng.randint(0, 9)),
                     rng.choice(["教科文卫", "城建环保", "农业农村", "财政经济"]), jb.strftime("%Y-%m-%d 09:00:00"),
                     u, co, due.isoformat(), st, reply, cls, sat])
        recs.append((u, 1, cat, due))
    with open(os.path.join(OUT, name), "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(rows)
    return dict(file=name, kind="人大代表建议 handling tracker, one suggestion per row, system export CSV UTF-8 BOM",
                producer="建议提案网上办理系统(导出CSV, UTF-8 BOM)", as_of=as_of,
                sheets={name[:-4]: dict(header_row=1, data_rows=len(recs), columns=dict(
                    problem="B (建议标题)", measure="B (one suggestion = one item; there is no measure column)",
                    deadline="J (办理期限)", status="K (办理状态)", unit="H (主办单位)", person=None,
                    department="H", completed_on="L (答复日期)"))},
                status_map={"已办结": "done", "已答复": "done (the unit has replied; 答复类别 A/B/C is the kind of reply, not a state)",
                            "办理中": "in progress", "待签收": "not started", "申请调整中": "in progress (the unit asked to pass it on; it still holds it)"},
                notes="unit = 主办单位 only; 会办单位 (one or two other units' names) get nothing; 代表团 is not a unit; one suggestion = one measure; 答复类别 B or C still counts done when the state is 已答复/已办结; 办理期限 ISO dates",
                recs=recs, unit_sheets={u: [name[:-4]] for u in units})


# ------------------------------------------------ 3: 河长制 河湖四乱 problem list, merged unit cells, column-number row (ods)
def f3(rng):
    base = "安平县河湖四乱问题清理整治台账"
    units = ["城关镇人民政府", "河西镇人民政府", "石门乡人民政府", "白河镇人民政府"]
    plan = [5, 6, 4, 7]
    rivers = {units[0]: [("白河", "城关段", "镇长 孙建")], units[1]: [("白河", "河西段", "镇长 吴涛"), ("小清河", "河西段", "副镇长 周红")],
              units[2]: [("石门河", "石门乡段", "乡长 马力")], units[3]: [("白河", "白河镇段", "镇长 高远"), ("沙河", "白河镇段", "副镇长 邓平")]}
    kinds = [("乱占", "河道管理范围内违规种植高秆作物"), ("乱采", "河道内非法采砂形成砂坑"), ("乱堆", "河岸堆放建筑垃圾约200方"),
             ("乱建", "河道管理范围内违建看护房"), ("乱堆", "河滩堆放生活垃圾"), ("乱占", "围河养殖"), ("乱建", "违规修建漫水路阻水")]
    meas = {"乱占": "清除阻水作物，恢复河道行洪断面", "乱采": "回填砂坑，依法查处采砂行为", "乱堆": "清运垃圾，设置警示牌",
            "乱建": "依法拆除违建，恢复原貌"}
    as_of = ["2025-06-30", "2025-08-10"]
    sts = [("已销号", "done"), ("整改中", "not"), ("未启动", "not"), ("长效管护", "long")]
    wb = Workbook(); ws = wb.active; ws.title = "四乱问题台账"
    ncol = 12
    ws.merge_cells("A1:L1"); ws["A1"] = "安平县河湖“四乱”问题清理整治台账（2025年第二季度）"; ws["A1"].font = Font(size=15, bold=True)
    ws.merge_cells("A2:L2"); ws["A2"] = "填报单位：安平县河长制办公室　　　　　　填报日期：2025年6月30日"
    hdr = ["序号", "责任单位", "河湖名称", "河段", "河段长", "问题类型", "问题描述", "整改措施", "整改时限", "整改进展", "销号时间", "备注"]
    for c, h in enumerate(hdr, 1):
        ws.cell(3, c, h).font = Font(bold=True)
        ws.cell(4, c, c).alignment = Alignment(horizontal="center")
    r = 5; recs = []; seq = 0
    forced = {2: ("整改中", "not", D(2025, 7, 31)), 9: ("未启动", "not", D(2025, 7, 15)), 18: ("整改中", "not", D(2025, 8, 10))}
    for ui, u in enumerate(units):
        start = r
        for k in range(plan[ui]):
            seq += 1
            st, cat = sts[0] if rng.random() < 0.45 else rng.choice(sts)
            due = rng.choice([D(2025, 5, 31), D(2025, 6, 30), D(2025, 7, 31), D(2025, 8, 31), D(2025, 9, 30)])
            if cat == "long":
                due = LT
            if seq in forced:
                st, cat, due = forced[seq]
            rv, seg, chief = rng.choice(rivers[u])
            kd, desc = kinds[(seq * 3 + ui) % len(kinds)]
            dtxt = "长期" if due == LT else cn_date(rng, due, ("ymd", "dot", "ym_di"))
            ws.cell(r, 1, seq); ws.cell(r, 3, rv); ws.cell(r, 4, seg); ws.cell(r, 5, chief); ws.cell(r, 6, kd)
            ws.cell(r, 7, desc); ws.cell(r, 8, meas[kd]); ws.cell(r, 9, dtxt); ws.cell(r, 10, st)
            if cat == "done":
                ws.cell(r, 11, f"{due.year}.{due.month}.{max(1, due.day - 5)}")
            ws.cell(r, 12, "")
            recs.append((u, 1, cat, due)); r += 1
        ws.cell(start, 2, u)
        ws.merge_cells(start_row=start, end_row=r - 1, start_column=2, end_column=2)
    frame(ws, 3, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "说明：问题类型填乱占、乱采、乱堆、乱建；整改进展填“已销号”“整改中”“未启动”“长效管护”，长效管护类问题整改时限填“长期”。")
    widths(ws, [6, 16, 10, 10, 12, 8, 28, 28, 14, 10, 12, 8])
    tmp = tempfile.mkdtemp(prefix="h6o_")
    src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    lo_convert(src, "ods", OUT); shutil.rmtree(tmp)
    return dict(file=base + ".ods", kind="河长制 河湖四乱 problem list, unit cells merged down, column-number row, ods",
                producer="县河长办(Excel → LibreOffice ods)", as_of=as_of,
                sheets={"四乱问题台账": dict(header_row="3 (row 4 is the column-number row 1..12, not data)", data_rows=seq, columns=dict(
                    problem="G (问题描述)", measure="H (整改措施)", deadline="I (整改时限)", status="J (整改进展)",
                    unit="B (责任单位, merged down over its rows)", person="E (河段长)", department="B", completed_on="K (销号时间)"))},
                status_map={"已销号": "done", "整改中": "in progress", "未启动": "not started", "长效管护": "long-term (deadline 长期)"},
                notes="units = the four town governments of 责任单位, each cell merged down over its rows; the 河长办 in the meta row is not a unit; 河段长 names a person; row 4 (1..12) is a column-number row; one row = one measure; 说明 footer not data; 2025年X月底前 = last day",
                recs=recs, unit_sheets={u: ["四乱问题台账"] for u in units})


# ------------------------------------------------ 4: 自然资源 违法用地 图斑 整改 list, three-row band, 合计 (xls)
def f4(rng):
    base = "安平县2024年度卫片执法违法用地图斑整改台账"
    towns = ["城关镇", "河西镇", "石门乡", "白河镇", "马坊乡"]
    plan = [5, 4, 6, 4, 5]
    vill = {"城关镇": ["东关村", "西关村", "南街村"], "河西镇": ["河西村", "王庄村"], "石门乡": ["石门村", "前坡村", "后坡村"],
            "白河镇": ["白河村", "沙窝村"], "马坊乡": ["马坊村", "东营村"]}
    as_of = ["2025-04-15", "2025-06-01"]
    sts = [("已整改销号", "done"), ("整改中", "not"), ("未整改", "not"), ("已立案查处待执行", "not")]
    wb = Workbook(); ws = wb.active; ws.title = "图斑整改台账"
    ncol = 13
    ws.merge_cells("A1:M1"); ws["A1"] = base; ws["A1"].font = Font(size=15, bold=True)
    ws.merge_cells("A2:M2"); ws["A2"] = "填报单位：安平县自然资源和规划局执法监察大队　　　　截至2025年4月15日　　　　面积单位：亩"
    ws.merge_cells("A3:A5"); ws["A3"] = "序号"
    ws.merge_cells("B3:G3"); ws["B3"] = "图斑基本信息"
    ws.merge_cells("H3:I3"); ws["H3"] = "违法用地情况"
    ws.merge_cells("J3:M3"); ws["J3"] = "整改落实情况"
    for c, h in (("B", "图斑编号"), ("H", "用地主体"), ("I", "违法类型"), ("J", "整改方式"), ("K", "整改时限"), ("L", "整改状态"), ("M", "销号日期")):
        ws.merge_cells(f"{c}4:{c}5"); ws[f"{c}4"] = h
    ws.merge_cells("C4:D4"); ws["C4"] = "所在位置"
    ws.merge_cells("E4:G4"); ws["E4"] = "面积"
    for c, h in (("C", "乡镇"), ("D", "村"), ("E", "监测面积"), ("F", "其中耕地"), ("G", "其中永久基本农田")):
        ws[f"{c}5"] = h
    for rr in (3, 4, 5):
        for c in range(1, ncol + 1):
            ws.cell(rr, c).font = Font(bold=True)
    r = 6; recs = []; seq = 0; tot = [0.0, 0.0, 0.0]
    forced = {3: ("整改中", "not", D(2025, 5, 31)), 11: ("未整改", "not", D(2025, 4, 30)), 20: ("已立案查处待执行", "not", D(2025, 5, 20))}
    for ti, t in enumerate(towns):
        for k in range(plan[ti]):
            seq += 1
            st, cat = sts[0] if rng.random() < 0.5 else rng.choice(sts)
            due = rng.choice([D(2025, 3, 31), D(2025, 4, 30), D(2025, 5, 31), D(2025, 6, 30)])
            if seq in forced:
                st, cat, due = forced[seq]
            area = round(rng.uniform(0.5, 12), 2); crop = round(area * rng.uniform(0, 1), 2); perm = round(crop * rng.choice([0, 0, 0.5, 1]), 2)
            tot = [tot[0] + area, tot[1] + crop, tot[2] + perm]
            ws.cell(r, 1, seq); ws.cell(r, 2, f"TB1311{ti + 21:02d}2024{seq:04d}"); ws.cell(r, 3, t); ws.cell(r, 4, rng.choice(vill[t]))
            ws.cell(r, 5, area); ws.cell(r, 6, crop); ws.cell(r, 7, perm)
            ws.cell(r, 8, rng.choice(["村民 张某", "安平宏达物流有限公司", "村委会", "村民 李某", "安平县鑫磊石材厂"]))
            ws.cell(r, 9, rng.choice(["未批先建", "超面积占地", "非法占用耕地建房", "擅自改变用途"]))
            ws.cell(r, 10, rng.choice(["拆除复耕", "补办用地手续", "没收地上建筑物", "拆除复绿"]))
            ws.cell(r, 11, due).number_format = "yyyy/m/d"
            ws.cell(r, 12, st)
            if cat == "done":
                ws.cell(r, 13, due - dt.timedelta(days=rng.randint(3, 20))).number_format = "yyyy/m/d"
            recs.append((t, 1, cat, due)); r += 1
    ws.cell(r, 1, "合计"); ws.cell(r, 2, f"{seq}个图斑")
    for i, v in enumerate(tot):
        ws.cell(r, 5 + i, round(v, 2))
    frame(ws, 3, r, ncol); r += 1
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "说明：1.整改状态以县局验收为准，“已整改销号”为完成；2.“已立案查处待执行”指已下达行政处罚决定书、尚未执行到位的图斑；3.本表每半月更新一次。")
    widths(ws, [6, 22, 10, 10, 10, 10, 12, 22, 16, 14, 12, 18, 12])
    tmp = tempfile.mkdtemp(prefix="h6x_")
    src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    lo_convert(src, "xls", OUT); shutil.rmtree(tmp)
    return dict(file=base + ".xls", kind="自然资源 卫片 违法用地 图斑 rectification list over towns, three-row header band, 合计 row, xls (BIFF8)",
                producer="县自然资源和规划局执法监察大队(Excel → LibreOffice 'xls')", as_of=as_of,
                sheets={"图斑整改台账": dict(header_row="3-5 (three rows: groups; 所在位置 / 面积 sub-groups; leaf names in row 5)",
                                         data_rows=seq, columns=dict(problem="I (违法类型) with B (图斑编号)", measure="J (整改方式; one 图斑 = one item)",
                                                                     deadline="K (整改时限, date cells)", status="L (整改状态)", unit="C (乡镇)",
                                                                     person=None, department="C", completed_on="M (销号日期)"))},
                status_map={"已整改销号": "done", "整改中": "in progress", "未整改": "not started", "已立案查处待执行": "in progress (not done)"},
                notes="units = the towns of 乡镇 (row-5 leaf under 所在位置); 村 and 用地主体 are not units; the 执法监察大队 meta row is the filer; one 图斑 = one measure; the 合计 row (number of 图斑, summed areas) and the 说明 footer are not data; no long-term",
                recs=recs, unit_sheets={t: ["图斑整改台账"] for t in towns})


# ------------------------------------------------ 5: 消防救援大队 inspection register, one sheet per month, 统计 sheet (Calc xlsx)
def f5(rng):
    base = "安平县消防救援大队2025年消防监督检查火灾隐患整改台账"
    venues = ["安平国际大酒店", "金色年华KTV", "夕阳红老年公寓", "万家福购物广场"]
    vkind = {venues[0]: "宾馆饭店", venues[1]: "公共娱乐场所", venues[2]: "养老机构", venues[3]: "商场市场"}
    plan = {"4月": [4, 3, 2, 3], "5月": [3, 2, 4, 3]}
    hz = ["疏散通道堆放杂物", "安全出口上锁", "应急照明灯损坏", "消防控制室值班人员无证上岗", "自动喷水灭火系统末端试水压力不足",
          "防火门闭门器损坏", "灭火器压力不足", "疏散指示标志被遮挡", "电气线路私拉乱接", "火灾自动报警系统故障未修复",
          "厨房燃气报警装置失效", "室内消火栓箱内水带缺失"]
    as_of = ["2025-05-20", "2025-06-15"]
    res = [("已改正", "done"), ("未改正", "not"), ("部分改正", "not"), ("待复查", "not")]
    wb = Workbook(); st0 = wb.active; st0.title = "统计"
    st0.append(["月份", "检查单位数", "发现隐患（处）", "已改正（处）", "下发法律文书（份）"])
    recs = []; seq_all = 0
    forced = {("4月", 5): ("未改正", "not", D(2025, 5, 10)), ("5月", 2): ("部分改正", "not", D(2025, 6, 5)),
              ("5月", 7): ("待复查", "not", D(2025, 6, 12)), ("5月", 10): ("已改正", "done", D(2025, 6, 1))}
    for mon, counts in plan.items():
        ws = wb.create_sheet(mon)
        ws.merge_cells("A1:J1"); ws["A1"] = f"{base}（2025年{mon}）"; ws["A1"].font = Font(size=14, bold=True)
        ws.append(["序号", "检查日期", "单位名称", "场所类别", "监督员", "发现的火灾隐患和消防安全违法行为", "法律文书文号",
                   "责令改正期限", "复查情况", "复查日期"])
        for c in range(1, 11):
            ws.cell(2, c).font = Font(bold=True)
        r = 3; seq = 0; nh = 0; nd = 0
        m = 4 if mon == "4月" else 5
        for vi, v in enumerate(venues):
            chk = D(2025, m, rng.randint(3, 20))
            wen = f"安消限字〔2025〕第{rng.randint(10, 99)}号"
            for k in range(counts[vi]):
                seq += 1; seq_all += 1
                if rng.random() < 0.15:
                    due = IMM; txt, cat = "已改正", "done"
                else:
                    due = chk + dt.timedelta(days=rng.choice([7, 10, 15, 20, 30]))
                    txt, cat = res[0] if rng.random() < 0.5 else rng.choice(res)
                if (mon, seq) in forced:
                    txt, cat, due = forced[(mon, seq)]
                ws.cell(r, 1, seq); ws.cell(r, 2, chk).number_format = "yyyy年m月d日"; ws.cell(r, 3, v); ws.cell(r, 4, vkind[v])
                ws.cell(r, 5, rng.choice(["张明、李强", "王磊、赵宇"])); ws.cell(r, 6, hz[(seq_all * 7) % len(hz)])
                ws.cell(r, 7, "当场改正，未下发文书" if due == IMM else wen)
                if due == IMM:
                    ws.cell(r, 8, "当场改正")
                else:
                    ws.cell(r, 8, due).number_format = "yyyy年m月d日"
                ws.cell(r, 9, txt)
                if cat == "done":
                    ws.cell(r, 10, chk if due == IMM else due - dt.timedelta(days=rng.randint(0, 3))).number_format = "yyyy年m月d日"
                nh += 1; nd += cat == "done"
                recs.append((v, 1, cat, due)); r += 1
        frame(ws, 2, r - 1, 10)
        ws.cell(r + 1, 1, "大队负责人：刘建军　　　　制表：王磊")
        widths(ws, [6, 16, 18, 12, 12, 34, 24, 16, 10, 16])
        st0.append([mon, len(venues), nh, nd, len(venues)])
    tmp = tempfile.mkdtemp(prefix="h6c_")
    src = os.path.join(tmp, "in", base + ".xlsx"); os.makedirs(os.path.dirname(src)); wb.save(src)
    lo_convert(src, "xlsx:Calc MS Excel 2007 XML", tmp)
    shutil.copy(os.path.join(tmp, base + ".xlsx"), os.path.join(OUT, base + ".xlsx")); shutil.rmtree(tmp)
    cols = dict(problem="F (发现的火灾隐患和消防安全违法行为)", measure="F (one hazard = one item; there is no measure column)",
                deadline="H (责令改正期限, date cells; 当场改正 = fixed on the spot)", status="I (复查情况)", unit="C (单位名称)",
                person="E (监督员, the inspectors)", department="C", completed_on="J (复查日期)")
    return dict(file=base + ".xlsx", kind="消防救援大队 fire-safety inspection register over venues, one sheet per month + 统计 sheet, Calc-written xlsx",
                producer="县消防救援大队(Excel → LibreOffice Calc xlsx)", as_of=as_of,
                sheets={"4月": dict(header_row=2, data_rows=sum(plan["4月"]), columns=cols),
                        "5月": dict(header_row=2, data_rows=sum(plan["5月"]), columns=cols)},
                status_map={"已改正": "done", "未改正": "not done", "部分改正": "not done", "待复查": "not done (not yet re-checked)"},
                notes="units = the four venues of 单位名称, each on both month sheets (numbers add up over 4月 and 5月); the 统计 sheet is not a ledger; one hazard = one measure; 当场改正 rows are all 已改正 (done), never overdue; the footer is not data",
                recs=recs, unit_sheets={v: ["4月", "5月"] for v in venues})


# ------------------------------------------------ 6: 医保基金 飞行检查 problem list over hospitals, merged unit cells, amounts, 合计 (xlsx)
def f6(rng):
    name = "安平县医疗保障局2025年医保基金飞行检查反馈问题整改台账.xlsx"
    hosp = ["安平县人民医院", "安平县中医医院", "安平县妇幼保健院", "安平仁济医院"]
    plan = [7, 6, 5, 5]
    probs = [("重复收费", "静脉输液重复收取注射费"), ("超标准收费", "超标准收取护理费"), ("串换项目", "将普通B超串换为彩超收费"),
             ("分解住院", "同一患者15日内二次入院"), ("过度检查", "无指征开展肿瘤标志物检查"), ("虚记费用", "住院患者虚记康复治疗次数"),
             ("超限定用药", "超医保限定支付范围使用药品"), ("不合理诊疗", "无指征使用高档耗材"), ("挂床住院", "患者住院期间不在床")]
    as_of = ["2025-07-10", "2025-08-05"]
    sts = [("已整改到位", "done"), ("正在整改", "not"), ("未整改", "not"), ("持续整改", "long")]
    wb = Workbook(); ws = wb.active; ws.title = "整改台账"
    ncol = 11
    ws.merge_cells("A1:K1"); ws["A1"] = "安平县2025年医保基金飞行检查反馈问题整改台账"; ws["A1"].font = Font(size=15, bold=True)
    ws.merge_cells("A2:K2"); ws["A2"] = "反馈单位：省医疗保障局飞行检查组　　反馈时间：2025年5月20日　　填报单位：安平县医疗保障局　　填报时间：2025年7月10日"
    for col, txt in (("A", "序号"), ("B", "定点医疗机构"), ("C", "问题类别"), ("D", "问题描述"), ("G", "整改措施"),
                     ("J", "整改时限"), ("K", "整改进展")):
        ws.merge_cells(f"{col}3:{col}4"); ws[f"{col}3"] = txt
    ws.merge_cells("E3:F3"); ws["E3"] = "违规金额（元）"; ws["E4"] = "涉及金额"; ws["F4"] = "已退回金额"
    ws.merge_cells("H3:I3"); ws["H3"] = "整改责任"; ws["H4"] = "责任科室"; ws["I4"] = "责任人"
    for rr in (3, 4):
        for c in range(1, ncol + 1):
            ws.cell(rr, c).font = Font(bold=True)
    r = 5; recs = []; seq = 0; ts = [0.0, 0.0]
    forced = {4: ("正在整改", "not", D(2025, 7, 31)), 12: ("未整改", "not", D(2025, 7, 20)), 19: ("正在整改", "not", D(2025, 8, 5))}
    for hi, h in enumerate(hosp):
        start = r
        for k in range(plan[hi]):
            seq += 1
            st, cat = sts[0] if rng.random() < 0.45 else rng.choice(sts)
            due = rng.choice([D(2025, 6, 30), D(2025, 7, 31), D(2025, 9, 30), D(2025, 6, 20)])
            if cat == "long":
                due = LT
            if seq in forced:
                st, cat, due = forced[seq]
            cat_p, desc = probs[(seq * 4 + hi) % len(probs)]
            amt = round(rng.uniform(800, 90000), 2); back = amt if cat == "done" else (round(amt * rng.choice([0, 0.5]), 2))
            ts = [ts[0] + amt, ts[1] + back]
            dtxt = "长期坚持" if due == LT else cn_date(rng, due, ("ymd_qian", "ym_di", "ymd"))
            ws.cell(r, 1, seq); ws.cell(r, 3, cat_p); ws.cell(r, 4, desc); ws.cell(r, 5, amt); ws.cell(r, 6, back)
            ws.cell(r, 7, "退回违规基金，开展自查自纠，完善收费内控制度")
            ws.cell(r, 8, rng.choice(["医保办", "财务科", "医务科", "护理部"])); ws.cell(r, 9, rng.choice(["刘洋", "陈静", "杨帆", "吴敏"]))
            ws.cell(r, 10, dtxt); ws.cell(r, 11, st)
            for c in (5, 6):
                ws.cell(r, c).number_format = "#,##0.00"
            recs.append((h, 1, cat, due)); r += 1
        ws.cell(start, 2, h)
        ws.merge_cells(start_row=start, end_row=r - 1, start_column=2, end_column=2)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=4); ws.cell(r, 1, "合计")
    ws.cell(r, 5, round(ts[0], 2)); ws.cell(r, 6, round(ts[1], 2)); ws.cell(r, 11, f"共{seq}个问题")
    for c in (5, 6):
        ws.cell(r, c).number_format = "#,##0.00"
    frame(ws, 3, r, ncol)
    ws.cell(r + 1, 1, "填报人：孟丽　　　　审核人：郭志强　　　　联系电话：0318-7829011")
    widths(ws, [6, 18, 12, 30, 12, 12, 30, 10, 8, 16, 12])
    ws.freeze_panes = "C5"
    wb.save(os.path.join(OUT, name))
    return dict(file=name, kind="医保基金 飞行检查 problem list over hospitals, hospital cells merged down, money group header, 合计 row, xlsx",
                producer="县医疗保障局基金监管股(Excel手工, openpyxl)", as_of=as_of,
                sheets={"整改台账": dict(header_row="3-4 (merged groups 违规金额（元） / 整改责任 over sub-headers)", data_rows=seq, columns=dict(
                    problem="D (问题描述)", measure="G (整改措施; one problem = one item)", deadline="J (整改时限)",
                    status="K (整改进展)", unit="B (定点医疗机构, merged down)", person="I", department="H (责任科室, inside the hospital)",
                    completed_on=None))},
                status_map={"已整改到位": "done", "正在整改": "in progress", "未整改": "not started", "持续整改": "long-term (deadline 长期坚持)"},
                notes="units = the four hospitals of 定点医疗机构 (merged down); the 省医保局 检查组 and the 县医保局 in the meta row are not units; 责任科室 is a department of the hospital; the 合计 row (amounts, 共N个问题) and footer are not data; 2025年6月底前 = 06-30",
                recs=recs, unit_sheets={h: ["整改台账"] for h in hosp})


# ------------------------------------------------ 7: 住建局 工程质量安全 整改通知单 register over contractors (CSV GB18030)
def f7(rng):
    name = "县住建局工程质量安全整改通知单台账.csv"
    cons = {"安平建工集团有限公司": ["安平县第二中学教学楼工程", "城东安置小区三期"],
            "中恒建设有限公司": ["白河湾花园8#-12#楼"],
            "华兴建筑工程有限公司": ["县人民医院门诊综合楼", "经开区标准化厂房二期"],
            "冀安路桥建设有限公司": ["滨河路改造提升工程"]}
    plan = [6, 5, 7, 5]
    owners = {"安平县第二中学教学楼工程": "安平县教育局", "城东安置小区三期": "安平县城投公司", "白河湾花园8#-12#楼": "安平金地置业有限公司",
              "县人民医院门诊综合楼": "安平县人民医院", "经开区标准化厂房二期": "安平经开区建投公司", "滨河路改造提升工程": "安平县住房和城乡建设局"}
    sup = ["安平正信工程监理有限公司", "华誉建设监理有限公司"]
    probs = [("外脚手架连墙件缺失", "按方案补设连墙件"), ("临边防护不到位", "立即设置防护栏杆"), ("塔吊限位装置失灵", "停止使用，维修合格后方可使用"),
             ("钢筋保护层厚度不足", "返工整改并报监理验收"), ("施工用电未做到一机一闸一漏", "整改配电箱"), ("混凝土试块未见证取样", "补做实体检测"),
             ("特种作业人员无证上岗", "立即清退无证人员"), ("基坑周边堆载超限", "清理堆载，加强监测"), ("高支模专项方案未论证", "停止施工，组织专家论证")]
    as_of = ["2025-07-15", "2025-07-31"]
    res = [("合格", "done"), ("不合格", "not"), ("未复查", "not")]
    rows = [["安平县建设工程质量安全监督站整改通知单跟踪台账"] + [""] * 11,
            ["签发单位：安平县建设工程质量安全监督站", "", "", "", "", "", "", "", "统计截至：2025年7月15日", "", "", ""],
            ["通知单编号", "签发日期", "工程名称", "建设单位", "施工单位", "监理单位", "检查发现问题", "整改要求", "整改期限",
             "整改回复", "复查结论", "复查人"]]
    recs = []; n = 0
    forced = {2: ("不合格", "not", D(2025, 7, 20)), 9: ("未复查", "not", D(2025, 7, 25)), 15: ("未复查", "not", IMM),
              20: ("不合格", "not", D(2025, 7, 31))}
    for ci, (c, projs) in enumerate(cons.items()):
        for k in range(plan[ci]):
            n += 1
            p = projs[k % len(projs)]
            issued = D(2025, 6, rng.randint(5, 30)) if rng.random() < 0.7 else D(2025, 7, rng.randint(1, 10))
            if rng.random() < 0.15:
                due = IMM
            else:
                due = issued + dt.timedelta(days=rng.choice([5, 7, 10, 15]))
            txt, cat = res[0] if rng.random() < 0.5 else rng.choice(res)
            if n in forced:
                txt, cat, due = forced[n]
            if due == IMM:
                dtxt = "立即整改"
            else:
                dtxt = cn_date(rng, due, ("dot", "ymd", "md_qian"))
            reply = "已回复" if cat == "done" or txt == "不合格" or rng.random() < 0.5 else "未回复"
            pb, rq = probs[(n * 2 + ci) % len(probs)]
            rows.append([f"安建监改〔2025〕{30 + n}号", f"{issued.year}.{issued.month}.{issued.day}", p, owners[p], c,
                         rng.choice(sup), pb, rq, dtxt, reply, txt, "" if txt == "未复查" else rng.choice(["郑伟", "韩冰"])])
            recs.append((c, 1, cat, due))
    rows.append(["注：1.复查结论为“合格”的方可销项，“不合格”的须重新整改；2.整改期限为“立即整改”的须当日完成；3.整改期限未写年份的均为2025年。"] + [""] * 11)
    rows.append(["制表：韩冰", "", "", "", "", "", "", "", "审核：郑伟", "", "", ""])
    with open(os.path.join(OUT, name), "w", encoding="gb18030", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(rows)
    return dict(file=name, kind="住建局 工程质量安全 整改通知单 register over contractors, title/meta/footer rows, CSV GB18030",
                producer="县质量安全监督站(WPS 另存为 CSV, GB18030)", as_of=as_of,
                sheets={name[:-4]: dict(header_row=3, data_rows=len(recs), columns=dict(
                    problem="G (检查发现问题)", measure="H (整改要求; one row = one item)", deadline="I (整改期限)",
                    status="K (复查结论)", unit="E (施工单位)", person="L (复查人, the inspector)", department="E",
                    completed_on=None))},
                status_map={"合格": "done", "不合格": "not done (re-rectify)", "未复查": "not done"},
                notes="units = the four contractors of 施工单位 (a contractor may have two projects); 建设单位, 监理单位, 工程名称 and the 签发单位 meta row are not units; 整改回复 (已回复/未回复) is not the state — 复查结论 is (注 footer); 立即整改 not done is overdue on both dates; 7月25日前 (no year) = 2025; title, meta, 注 and 制表 rows are not data",
                recs=recs, unit_sheets={c: [name[:-4]] for c in cons})


# ------------------------------------------------ 8: 国企 巡视 问题清单 / 任务清单 / 责任清单 (xlsx)
def f8(rng):
    name = "安平投资集团有限公司市委巡视反馈意见整改三张清单.xlsx"
    depts = ["党委办公室", "财务管理部", "人力资源部", "投资发展部", "审计风控部"]
    plan = [5, 6, 4, 7, 5]
    probs = [("党的领导", "落实“第一议题”制度不到位"), ("党的领导", "“三重一大”决策前未充分论证"), ("全面从严治党", "公务接待超标准"),
             ("全面从严治党", "子公司财务管理松散，大额资金支付审批缺失"), ("全面从严治党", "对外投资项目后评价缺失"),
             ("选人用人", "选人用人程序不规范"), ("选人用人", "干部档案审核不严"), ("巡视审计整改", "上轮审计发现问题整改不到位"),
             ("全面从严治党", "工程招标存在规避公开招标现象"), ("党的领导", "国有资产保值增值意识不强")]
    tasks = ["修订完善制度", "开展专项清查", "组织专题学习", "建立整改台账", "追缴违规资金", "开展警示教育", "完善审批流程",
             "开展项目后评价", "补齐档案材料", "约谈责任人"]
    as_of = ["2025-10-31", "2025-12-10"]
    sts = [("已完成", "done"), ("序时推进", "not"), ("滞后", "not"), ("长期坚持", "long")]
    wb = Workbook()
    w1 = wb.active; w1.title = "问题清单"
    w1.merge_cells("A1:E1"); w1["A1"] = "市委第四巡视组反馈问题清单"; w1["A1"].font = Font(size=14, bold=True)
    w1.append(["问题编号", "问题类别", "巡视反馈问题", "牵头领导", "对应整改任务数"])
    w2 = wb.create_sheet("任务清单")
    w2.merge_cells("A1:H1"); w2["A1"] = "安平投资集团有限公司市委巡视反馈意见整改任务清单"; w2["A1"].font = Font(size=14, bold=True)
    w2.merge_cells("A2:H2"); w2["A2"] = "整改责任主体：安平投资集团有限公司党委　　　　　　更新日期：2025年10月31日"
    for col, txt in (("A", "任务编号"), ("B", "问题编号"), ("C", "整改任务"), ("F", "完成时限")):
        w2.merge_cells(f"{col}3:{col}4"); w2[f"{col}3"] = txt
    w2.merge_cells("D3:E3"); w2["D3"] = "责任分工"; w2["D4"] = "牵头部门"; w2["E4"] = "配合部门"
    w2.merge_cells("G3:H3"); w2["G3"] = "推进情况"; w2["G4"] = "完成状态"; w2["H4"] = "进展说明"
    for rr in (3, 4):
        for c in range(1, 9):
            w2.cell(rr, c).font = Font(bold=True)
    w3 = wb.create_sheet("责任清单")
    w3.merge_cells("A1:F1"); w3["A1"] = "整改责任清单"; w3["A1"].font = Font(size=14, bold=True)
    w3.append(["任务编号", "整改任务", "责任领导", "牵头部门", "部门负责人", "具体责任人"])
    order = [d for d, n in zip(depts, plan) for _ in range(n)]
    rng.shuffle(order)
    pcount = {}
    r = 5; recs = []
    forced = {3: ("序时推进", "not", D(2025, 11, 30)), 10: ("滞后", "not", D(2025, 9, 30)), 16: ("序时推进", "not", D(2025, 12, 10)),
              22: ("滞后", "not", D(2025, 12, 5))}
    heads = {d: h for d, h in zip(depts, ["王志刚", "李慧", "赵云", "陈锋", "周平"])}
    for i, d in enumerate(order):
        tno = i + 1
        pi = i * len(probs) // len(order)
        pcount[pi] = pcount.get(pi, 0) + 1
        st, cat = rng.choice(sts) if rng.random() < 0.6 else sts[0]
        due = rng.choice([D(2025, 9, 30), D(2025, 10, 31), D(2025, 11, 30), D(2025, 12, 31), D(2026, 6, 30)])
        if cat == "long":
            due = LT
        if tno in forced:
            st, cat, due = forced[tno]
        dtxt = "长期坚持" if due == LT else cn_date(rng, due, ("ymd", "ym_di"))
        task = tasks[(i * 3) % len(tasks)] + "，" + rng.choice(["形成制度成果", "逐项销号", "确保整改见底", "防止问题反弹"])
        w2.cell(r, 1, f"RW{tno:02d}"); w2.cell(r, 2, f"WT{pi + 1:02d}"); w2.cell(r, 3, task); w2.cell(r, 4, d)
        w2.cell(r, 5, "、".join(rng.sample([x for x in depts if x != d], rng.choice([0, 1, 2])))); w2.cell(r, 6, dtxt)
        w2.cell(r, 7, st)
        w2.cell(r, 8, {"done": "已印发制度文件，材料已报巡视整改办", "long": "已建立长效机制，持续跟踪",
                       "not": "正在推进，按计划节点落实"}[cat] if st != "滞后" else "受外部审批影响，进度滞后")
        w3.append([f"RW{tno:02d}", task, rng.choice(["党委书记 刘振华", "总经理 孙伟", "纪委书记 张敏"]), d, heads[d],
                   rng.choice(["郑洁", "冯涛", "韩雪", "马超", "何斌"])])
        recs.append((d, 1, cat, due)); r += 1
    for pi, (k, p) in enumerate(probs):
        w1.append([f"WT{pi + 1:02d}", k, p, rng.choice(["党委书记 刘振华", "总经理 孙伟", "纪委书记 张敏"]), pcount.get(pi, 0)])
    frame(w1, 2, w1.max_row, 5); frame(w2, 3, r - 1, 8); frame(w3, 2, w3.max_row, 6)
    w2.cell(r + 1, 1, "注：完成状态分“已完成”“序时推进”“滞后”“长期坚持”四类；问题清单、责任清单不填进度，进度以本表为准。")
    widths(w1, [10, 14, 40, 18, 14]); widths(w2, [10, 10, 36, 14, 22, 16, 12, 30]); widths(w3, [10, 36, 18, 14, 12, 12])
    wb.save(os.path.join(OUT, name))
    return dict(file=name, kind="国企 巡视 整改 三张清单: 问题清单 / 任务清单 / 责任清单 sheets, units = 牵头部门 on 任务清单, xlsx",
                producer="集团巡视整改办(Excel手工, openpyxl)", as_of=as_of,
                sheets={"任务清单": dict(header_row="3-4 (merged groups 责任分工 / 推进情况)", data_rows=len(recs), columns=dict(
                    problem="B (问题编号, the text is on 问题清单)", measure="C (整改任务; one task = one item)", deadline="F (完成时限)",
                    status="G (完成状态)", unit="D (牵头部门)", person=None, department="D", completed_on=None)),
                        "问题清单": dict(header_row=2, data_rows=len(probs), columns=None, note="not counted: problems, no state"),
                        "责任清单": dict(header_row=2, data_rows=len(recs), columns=None, note="not counted: who answers for each task, no state")},
                status_map={"已完成": "done", "序时推进": "in progress (on schedule)", "滞后": "in progress (behind)", "长期坚持": "long-term (deadline 长期坚持)"},
                notes="units = the five 牵头部门 of the 任务清单 sheet; 配合部门 get nothing; 问题清单 (the problems) and 责任清单 (the same tasks with their people) are not counted — the 注 says progress is on 任务清单 only; one task = one measure; 2025年11月底前 = 11-30; 2026 deadlines never overdue here",
                recs=recs, unit_sheets={d: ["任务清单"] for d in depts})


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    rng = random.Random(6_20251207)
    out = []
    for f in (f1, f2, f3, f4, f5, f6, f7, f8):
        a = f(rng)
        recs = a.pop("recs"); us = a.pop("unit_sheets")
        a["units"] = tally(recs, a["as_of"]); a["unit_sheets"] = us
        d1, d2 = a["as_of"]
        assert 3 <= len(a["units"]) <= 6, a["file"]
        assert all(4 <= v[d1]["measures"] <= 8 for v in a["units"].values()), (a["file"], {u: v[d1]["measures"] for u, v in a["units"].items()})
        assert any(v[d1]["overdue"] != v[d2]["overdue"] for v in a["units"].values()), a["file"]
        out.append(a)
    with open(os.path.join(HERE, "answers.json"), "w", encoding="utf-8") as fh:
        json.dump(out, fh, ensure_ascii=False, indent=1)
    for a in out:
        print(a["file"], {u: [tuple(v[d].values()) for d in a["as_of"]] for u, v in a["units"].items()})


if __name__ == "__main__":
    main()
