#!/usr/bin/env python3
"""Seeded generator of taizhang holdout 5. `python3 gen.py` (needs openpyxl; soffice for .xls/.ods/Calc xlsx).
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
    prof = tempfile.mkdtemp(prefix="h5lo_")
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


def pick_cat(rng, p_done, p_long=0.0):
    x = rng.random()
    return "done" if x < p_done else ("long" if x < p_done + p_long else "not")


# ------------------------------------------------ 1: 12345 ticket export (xlsx, system export)
def f1(rng):
    name = "县政务服务便民热线_工单导出_20250421.xlsx"
    units = ["县城市管理局", "县住房和城乡建设局", "县交通运输局", "河口镇人民政府", "县自来水有限公司"]
    towns = ["河口镇", "城关镇", "白沙乡", "柳林镇", "东坪街道"]
    topics = [("路灯不亮", "小区门口路段路灯连续一周不亮，夜间出行不便"), ("占道经营", "早市摊贩占用人行道，堵塞交通"),
              ("停水无通知", "近三天每天上午停水，未提前告知"), ("公交改线", "公交8路改线后老年人乘车不便，要求恢复站点"),
              ("工地夜间施工", "在建项目夜间十一点后仍在施工，噪音扰民"), ("井盖破损", "人行道井盖破损存在安全隐患"),
              ("物业维修基金", "咨询维修基金使用流程，物业不予答复"), ("垃圾清运不及时", "垃圾桶满溢三天无人清运"),
              ("水压偏低", "六楼以上住户水压不足"), ("道路坑洼", "村道多处坑洼，雨天积水")]
    # state machine of the system: 待签收 → 办理中 → (延期审核中) → 已答复待回访 → 已归档; 退单审核中 from 办理中
    states = [("已归档", "done"), ("已答复待回访", "done"), ("办理中", "not"), ("待签收", "not"),
              ("延期审核中", "not"), ("退单审核中", "not")]
    as_of = ["2025-04-03", "2025-04-20"]
    wb = Workbook(); ws = wb.active; ws.title = "工单列表"
    hdr = ["工单编号", "受理时间", "诉求人", "联系电话", "诉求标题", "诉求详情", "事发地", "派单单位", "主办单位",
           "协办单位", "督办单位", "工单状态", "办理截止时间", "答复时间", "答复内容", "回访满意度"]
    ws.append(hdr)
    recs = []
    r = 2
    for i in range(27):
        u = units[i % 5] if i < 20 else units[rng.randrange(5)]
        t = rng.choice(topics)
        acc = dt.datetime(2025, 3, rng.randint(10, 31), rng.randint(8, 17), rng.randint(0, 59), rng.randint(0, 59))
        due = acc + dt.timedelta(days=rng.choice([5, 10, 15, 20, 30]))
        due = due.replace(hour=17, minute=30, second=0)
        st, cat = rng.choice(states) if rng.random() < 0.55 else states[rng.randrange(2)]
        if i in (3, 8):  # force a not-done ticket due between the two dates
            st, cat = "办理中", "not"; due = dt.datetime(2025, 4, 10 + i, 17, 30)
        co = rng.choice([x for x in units if x != u]) if rng.random() < 0.4 else ""
        reply = ""; rt = ""; sat = ""
        if cat == "done":
            rt = (due - dt.timedelta(days=rng.randint(0, 4))).strftime("%Y-%m-%d %H:%M:%S")
            reply = "经核实，已安排人员现场处置，问题已解决，已电话告知诉求人。"
            sat = rng.choice(["满意", "基本满意", "不满意", ""]) if st == "已归档" else ""
        elif st == "延期审核中":
            reply = "需协调多部门，申请延期办理。"
        elif st == "退单审核中":
            reply = "该事项不属我单位职责，申请退回重新派发。"
        ws.append([f"1234520250{3 if acc.month == 3 else 4}{i + 1:05d}", acc.strftime("%Y-%m-%d %H:%M:%S"),
                   rng.choice(["张女士", "李先生", "王先生", "赵女士", "匿名"]), "138****" + str(rng.randint(1000, 9999)),
                   t[0], t[1], rng.choice(towns) + rng.choice(["幸福路", "建设街", "新华村", "滨河小区"]),
                   rng.choice(["县12345热线中心", "县政府办公室"]), u, co, "县政府督查室",
                   st, due.strftime("%Y-%m-%d %H:%M:%S"), rt, reply, sat])
        recs.append((u, 1, cat, due.date()))
        r += 1
    widths(ws, [22, 20, 8, 14, 14, 36, 20, 16, 20, 20, 14, 14, 20, 20, 36, 10])
    ws.freeze_panes = "A2"; ws.auto_filter.ref = f"A1:P{r - 1}"
    wb.save(os.path.join(OUT, name))
    return dict(file=name, kind="county 12345 hotline ticket export (system xlsx), several organisation columns",
                producer="县政务服务便民热线工单系统(导出xlsx)", as_of=as_of,
                sheets={"工单列表": dict(header_row=1, data_rows=r - 2, columns=dict(
                    problem="F (诉求详情; E 诉求标题 is its title)", measure="O (答复内容; one ticket = one item)",
                    deadline="M (办理截止时间, text date-time)", status="L (工单状态)", unit="I (主办单位)",
                    person=None, department="I", completed_on="N"))},
                status_map={"已归档": "done", "已答复待回访": "done (the unit has answered; the callback is the hotline centre's step)",
                            "办理中": "in progress", "延期审核中": "in progress (extension pending)",
                            "退单审核中": "in progress (return requested, the unit still holds the ticket)",
                            "待签收": "not started"},
                notes="unit = 主办单位 only; 派单单位 (dispatcher), 协办单位 (co-handler, gets nothing), 督办单位 and 事发地 are not units; one ticket = one measure; the deadline is a text date-time compared by its day; 回访满意度 is not a status",
                recs=recs, unit_sheets={u: ["工单列表"] for u in units})


# ------------------------------------------------ 2: 应急管理局 hazard register (xls via LibreOffice)
def f2(rng):
    base = "县应急管理局工贸企业隐患排查整改台账(2025年)"
    ents = ["鑫达铸造有限公司", "恒远木业有限公司", "宏盛化工有限公司", "金桥建材有限公司"]
    hz = ["除尘器泄爆口朝向人员通道", "配电箱未上锁、未张贴警示标识", "叉车司机无特种作业操作证", "危化品仓库未设置防静电装置",
          "有限空间作业未审批", "安全出口堵塞", "消防栓被货物遮挡", "砂轮机防护罩缺失", "员工未佩戴防尘口罩",
          "应急预案未演练", "动火作业票填写不全", "行车吊钩防脱装置失效"]
    as_of = ["2025-06-03", "2025-06-30"]
    res = [("复查合格", "done"), ("已整改待复查", "not"), ("正在整改", "not"), ("未整改", "not")]
    wb = Workbook(); ws = wb.active; ws.title = "隐患整改台账"
    ws.merge_cells("A1:M1"); ws["A1"] = base.replace("(2025年)", "（2025年）"); ws["A1"].font = Font(size=16, bold=True)
    ws.merge_cells("A2:M2")
    ws["A2"] = "填报单位：县应急管理局安全生产执法大队（盖章）      填报人：孟庆华      填报日期：2025年6月3日"
    hdr = ["序号", "企业名称", "所在乡镇", "检查时间", "检查人员", "隐患内容", "隐患级别", "整改要求",
           "企业整改责任人", "限期整改日期", "复查结论", "复查时间", "执法文书编号"]
    for c, h in enumerate(hdr, 1):
        ws.cell(3, c, h).font = Font(bold=True)
    r = 4; recs = []; seq = 0
    plan = [6, 5, 7, 5]
    for ei, e in enumerate(ents):
        for k in range(plan[ei]):
            seq += 1
            chk = D(2025, 5, rng.randint(6, 28))
            if rng.random() < 0.15:
                due = IMM
            else:
                due = chk + dt.timedelta(days=rng.choice([7, 15, 30, 45]))
            txt, cat = res[0] if rng.random() < 0.5 else rng.choice(res)
            if seq == 4:
                txt, cat, due = "正在整改", "not", D(2025, 6, 18)
            if seq == 13:
                txt, cat, due = "未整改", "not", IMM
            if seq == 20:
                txt, cat, due = "已整改待复查", "not", D(2025, 6, 10)
            ws.cell(r, 1, seq); ws.cell(r, 2, e); ws.cell(r, 3, rng.choice(["城关镇", "工业园区", "柳林镇"]))
            ws.cell(r, 4, chk).number_format = "yyyy/m/d"
            ws.cell(r, 5, rng.choice(["孟庆华、刘洋", "周斌、王立新", "刘洋、陈静"]))
            ws.cell(r, 6, hz[(seq * 5) % len(hz)]); ws.cell(r, 7, "重大" if rng.random() < 0.1 else "一般")
            ws.cell(r, 8, "按要求整改到位，并报送整改照片")
            ws.cell(r, 9, rng.choice(["张建国", "李红", "吴海涛", "郑伟"]))
            if due == IMM:
                ws.cell(r, 10, "立即整改")
            else:
                ws.cell(r, 10, due).number_format = "yyyy/m/d"
            ws.cell(r, 11, txt)
            if cat == "done":
                ws.cell(r, 12, min(D(2025, 6, 2), (chk if due == IMM else due) - dt.timedelta(days=1))).number_format = "yyyy/m/d"
            ws.cell(r, 13, f"（县）应急责改〔2025〕{30 + seq}号")
            recs.append((e, 1, cat, due)); r += 1
    frame(ws, 3, r - 1, 13)
    ws.cell(r + 1, 1, "注：复查结论以执法人员现场复查为准，“已整改待复查”不视为整改完成。")
    widths(ws, [6, 20, 10, 12, 14, 30, 8, 24, 12, 14, 14, 12, 24])
    tmp = tempfile.mkdtemp(prefix="h5x_")
    src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    lo_convert(src, "xls", OUT); shutil.rmtree(tmp)
    return dict(file=base + ".xls", kind="county 应急管理局 safety-hazard register over inspected enterprises, filer meta row, xls (BIFF8)",
                producer="县应急管理局执法大队(Excel → LibreOffice 'xls')", as_of=as_of,
                sheets={"隐患整改台账": dict(header_row=3, data_rows=r - 4, columns=dict(
                    problem="F (隐患内容)", measure="H (整改要求; one hazard = one item)", deadline="J (限期整改日期)",
                    status="K (复查结论)", unit="B (企业名称)", person="I", department="B", completed_on="L (复查时间)"))},
                status_map={"复查合格": "done", "已整改待复查": "in progress (not closed until the inspector re-checks)",
                            "正在整改": "in progress", "未整改": "not started"},
                notes="units = enterprises of 企业名称; the 填报单位 meta row names the inspecting brigade, not a unit; one hazard = one measure; 立即整改 not done is overdue on both dates (no feedback date); real date cells; the 注 footer is not data",
                recs=recs, unit_sheets={e: ["隐患整改台账"] for e in ents})


# ------------------------------------------------ 3: 巡察 ledger of a county bureau, 3-row header band, enumerated cells
def f3(rng):
    name = "县林业局县委巡察反馈问题整改落实台账.xlsx"
    unit = "县林业局"
    aspects = ["党的领导弱化", "全面从严治党不力", "基层党组织建设薄弱", "巡察整改不到位"]
    probs = ["理论学习中心组学习流于形式", "“三重一大”事项集体决策记录不全", "公益林补偿资金发放审核把关不严",
             "护林员聘用管理不规范", "公务用车管理制度执行不严", "党支部“三会一课”记录不规范",
             "发展党员程序存在瑕疵", "上轮审计指出问题未全部整改", "林木采伐许可审批超时",
             "干部轮岗交流制度执行不到位", "工程项目验收把关不严", "意识形态工作责任制落实不力",
             "专项资金结余未及时清理", "廉政风险点排查不全面"]
    items = ["制定专项整改方案", "召开专题会议研究部署", "修订完善相关制度", "开展专项清查", "建立问题台账逐项销号",
             "组织集中培训", "约谈相关责任人", "追回违规资金", "补齐相关记录", "纳入年度考核"]
    as_of = ["2025-09-30", "2025-11-05"]
    sts = [("已办结销号", "done"), ("正在落实", "not"), ("长效坚持", "long"), ("尚未启动", "not")]
    wb = Workbook(); ws = wb.active; ws.title = "整改台账"
    ws.merge_cells("A1:K1"); ws["A1"] = "中共县林业局党组关于县委第二巡察组反馈意见整改落实台账"
    ws["A1"].font = Font(size=15, bold=True)
    ws.merge_cells("A2:K2"); ws["A2"] = "报送单位：县林业局（盖章）                      截至：2025年9月30日"
    ws.merge_cells("A3:D3"); ws["A3"] = "巡察反馈问题"
    ws.merge_cells("E3:K3"); ws["E3"] = "整改落实情况"
    ws.merge_cells("A4:D4"); ws["A4"] = "问题清单"
    ws["E4"] = "整改任务"
    ws.merge_cells("F4:H4"); ws["F4"] = "责任落实"
    ws.merge_cells("I4:K4"); ws["I4"] = "进度管理"
    for c, h in enumerate(["序号", "反馈方面", "问题表现", "整改目标", "整改措施", "牵头领导", "责任股室", "具体承办人",
                           "完成期限", "推进状态", "佐证材料"], 1):
        ws.cell(5, c, h)
    for rr in (3, 4, 5):
        for c in range(1, 12):
            ws.cell(rr, c).font = Font(bold=True)
    r = 6; recs = []
    dues = [D(2025, 9, 15), D(2025, 10, 31), D(2025, 12, 31), LT, IMM, D(2025, 8, 31), D(2025, 10, 20)]
    for i, p in enumerate(probs):
        n = rng.choice([1, 2, 2, 3, 3, 4])
        due = rng.choice(dues)
        st, cat = rng.choice(sts) if rng.random() < 0.6 else sts[0]
        if due == LT:
            st, cat = sts[2]
        elif cat == "long":
            st, cat = sts[0]
        if i == 5:
            due, st, cat, n = D(2025, 10, 31), "正在落实", "not", 3
        its = rng.sample(items, n)
        if n == 1:
            mtxt = its[0] + "，确保问题整改到位。"
        elif i % 2 == 0:
            mtxt = "".join("①②③④"[k] + x + "；" for k, x in enumerate(its))[:-1] + "。"
        else:
            mtxt = "\n".join(f"{k + 1}.{x}。" for k, x in enumerate(its))
        dtxt = {LT: "长期坚持", IMM: "立行立改"}.get(due) if not isinstance(due, D) else (
            f"{due.year}年{due.month}月底前" if (due + dt.timedelta(days=1)).day == 1 and rng.random() < 0.6 else f"{due.year}年{due.month}月{due.day}日")
        ws.cell(r, 1, i + 1); ws.cell(r, 2, aspects[i * len(aspects) // len(probs)]); ws.cell(r, 3, p)
        ws.cell(r, 4, "彻底整改，建立长效机制"); ws.cell(r, 5, mtxt)
        ws.cell(r, 6, rng.choice(["局长 陈国栋", "副局长 胡明", "纪检组长 杨柳"])); ws.cell(r, 7, rng.choice(["办公室", "计财股", "人事股", "资源股"]))
        ws.cell(r, 8, rng.choice(["黄磊", "孙倩", "马超", "冯娟"])); ws.cell(r, 9, dtxt); ws.cell(r, 10, st)
        ws.cell(r, 11, "会议记录、制度文件" if cat == "done" else "")
        recs.append((unit, n, cat, due)); r += 1
    frame(ws, 3, r - 1, 11)
    ws.cell(r, 1, "填表人：孙倩            审核人：胡明            联系电话：0394-5218806")
    widths(ws, [6, 14, 28, 16, 40, 14, 10, 10, 14, 12, 16])
    ws.freeze_panes = "A6"
    wb.save(os.path.join(OUT, name))
    return dict(file=name, kind="county bureau 巡察 rectification ledger, three-row header band, enumerated measure cells, xlsx",
                producer="县林业局办公室(Excel手工, openpyxl)", as_of=as_of,
                sheets={"整改台账": dict(header_row="3-5 (three rows: 巡察反馈问题/整改落实情况; 问题清单/整改任务/责任落实/进度管理; field names)",
                                      data_rows=r - 6, columns=dict(problem="C (问题表现)", measure="E (整改措施, enumerated)",
                                                                    deadline="I (完成期限)", status="J (推进状态)", unit=None,
                                                                    person="H", department="G", completed_on=None))},
                status_map={"已办结销号": "done", "正在落实": "in progress", "长效坚持": "long-term", "尚未启动": "not started"},
                notes="one unit (县林业局, title and 报送单位 meta row); one row = one problem; its 整改措施 cell enumerates ①②③④ or 1.2.3. (one item per number, an un-numbered cell is one measure); every item takes the row's deadline and status; 立行立改 not done is overdue on both dates; X月底前 = last day of the month; 长期坚持 deadline with 长效坚持 status = long-term; footer not data",
                recs=recs, unit_sheets={unit: ["整改台账"]})


# ------------------------------------------------ 4: university audit ledger, one sheet per 二级学院 (Calc xlsx)
def f4(rng):
    base = "北方工业学院2024年度院长经济责任审计整改台账"
    cols = ["机械工程学院", "外国语学院", "经济管理学院", "艺术设计学院"]
    finds = ["科研经费报销票据不合规", "劳务费发放未履行审批手续", "固定资产账实不符", "学院小金库资金未纳入预算",
             "差旅费超标准报销", "设备采购未执行政府采购程序", "合同管理不规范、未经法务审核", "学生活动经费支出依据不足",
             "对外培训收入未及时上缴", "实验耗材领用登记缺失"]
    ms = ["退回不合规报销款项", "完善学院内部报销审批流程", "开展资产清查并调整账务", "将资金全部纳入学校预算管理",
          "组织财经法规专题培训", "补办审批手续", "建立合同台账"]
    as_of = ["2025-05-31", "2025-07-15"]
    res = [("已整改到位", "done"), ("部分整改", "not"), ("尚未整改", "not"), ("长期整改", "long")]
    wb = Workbook(); w0 = wb.active; w0.title = "说明"
    w0["A1"] = "填报说明"; w0["A2"] = "1. 各学院按审计报告逐条填写，一个问题有多项措施的分行填写。"
    w0["A3"] = "2. “整改结果”只填：已整改到位、部分整改、尚未整改、长期整改。"
    w0["A4"] = "3. 审计处复核后填写复核意见，复核意见不改变学院填报的整改结果。"
    sm = wb.create_sheet("汇总")
    sm.append(["学院", "审计发现问题数", "已整改到位", "未完成", "整改率"])
    recs = []; plan = [6, 5, 7, 6]
    for ci, col in enumerate(cols):
        ws = wb.create_sheet(col)
        ws.merge_cells("A1:J1"); ws["A1"] = base; ws["A1"].font = Font(size=14, bold=True)
        ws.merge_cells("A2:J2"); ws["A2"] = f"被审计单位：{col}              审计报告文号：北工审〔2025〕{ci + 3}号"
        ws.append(["序号", "审计发现问题", "问题定性依据", "整改措施", "整改责任人", "配合职能部门", "计划完成时间",
                   "整改结果", "销号日期", "审计处复核意见"])
        r = 4; seq = 0; done_p = 0; nrows = 0
        fs = rng.sample(finds, plan[ci] - 2)
        for fi, f in enumerate(fs):
            seq += 1
            nm = 2 if fi < 2 else 1
            start = r
            for k in range(nm):
                x = rng.random()
                due = rng.choice([D(2025, 4, 30), D(2025, 6, 30), D(2025, 5, 20), D(2025, 9, 30), D(2025, 7, 10)])
                txt, cat = res[0] if x < 0.5 else rng.choice(res)
                if cat == "long":
                    due = LT
                if ci == 1 and fi == 0 and k == 1:
                    txt, cat, due = "部分整改", "not", D(2025, 6, 30)
                if k == 0:
                    ws.cell(r, 1, seq); ws.cell(r, 2, f); ws.cell(r, 3, "《高校财务制度》相关规定")
                ws.cell(r, 4, ms[(ci + fi * 3 + k) % len(ms)])
                ws.cell(r, 5, rng.choice(["院长 郭峰", "副院长 田甜", "办公室主任 宋涛"]))
                ws.cell(r, 6, rng.choice(["财务处", "国有资产管理处", "科研处", "招标采购中心"]))
                if due == LT:
                    ws.cell(r, 7, "长期")
                elif rng.random() < 0.35 and (due + dt.timedelta(days=1)).day == 1:
                    ws.cell(r, 7, f"{due.year}年{due.month}月底前")
                else:
                    ws.cell(r, 7, due).number_format = "yyyy-mm-dd"
                ws.cell(r, 8, txt)
                if cat == "done":
                    ws.cell(r, 9, D(2025, 4, rng.randint(1, 28))).number_format = "yyyy-mm-dd"
                    ws.cell(r, 10, "同意销号")
                elif rng.random() < 0.5:
                    ws.cell(r, 10, "暂缓销号，继续跟踪")
                recs.append((col, 1, cat, due)); r += 1; nrows += 1
            if nm > 1:
                for c in (1, 2, 3):
                    ws.merge_cells(start_row=start, end_row=r - 1, start_column=c, end_column=c)
        frame(ws, 3, r - 1, 10)
        ws.cell(r + 1, 1, f"学院负责人（签字）：              审计处经办人：刘敏")
        widths(ws, [6, 28, 20, 30, 14, 14, 14, 12, 12, 18])
        sm.append([col, len(fs), None, None, None])
    tmp = tempfile.mkdtemp(prefix="h5u_")
    src = os.path.join(tmp, "in", base + ".xlsx"); os.makedirs(os.path.dirname(src)); wb.save(src)
    lo_convert(src, "xlsx:Calc MS Excel 2007 XML", tmp)
    shutil.copy(os.path.join(tmp, base + ".xlsx"), os.path.join(OUT, base + ".xlsx")); shutil.rmtree(tmp)
    return dict(file=base + ".xlsx", kind="university 审计 rectification ledger, one sheet per 二级学院 (units), Calc-written xlsx",
                producer="学院审计处(Excel → LibreOffice Calc xlsx)", as_of=as_of,
                sheets={c: dict(header_row=3, data_rows=sum(1 for x in recs if x[0] == c), columns=dict(
                    problem="B (审计发现问题, merged over its measures)", measure="D (整改措施)", deadline="G (计划完成时间)",
                    status="H (整改结果)", unit="sheet / 被审计单位 meta row", person="E", department="F (配合职能部门, not the unit)",
                    completed_on="I (销号日期)")) for c in cols},
                status_map={"已整改到位": "done", "部分整改": "in progress", "尚未整改": "not started", "长期整改": "long-term"},
                notes="units = the four 二级学院 (each its own sheet, named in the 被审计单位 meta row); 配合职能部门 is not a unit; sheets 说明 and 汇总 are not ledgers; one row = one measure, a problem merged over two rows has two; 审计处复核意见 is not the status; 长期 deadline = long-term",
                recs=recs, unit_sheets={c: [c] for c in cols})


# ------------------------------------------------ 5: 信访 督办 list, monthly progress columns (CSV GB18030)
def f5(rng):
    name = "县信访联席办重点信访事项督办清单.csv"
    units = ["县人力资源和社会保障局", "县自然资源局", "县教育局", "城南街道办事处"]
    towns = ["城南街道", "城北街道", "柳林镇", "白沙乡"]
    matters = {units[0]: ["反映拖欠农民工工资", "反映养老保险补缴问题", "反映企业欠缴社保", "反映工伤认定久拖不决", "反映失业金未发放"],
               units[1]: ["反映宅基地确权纠纷", "反映征地补偿款未足额到位", "反映安置房办证难", "反映林地界址争议"],
               units[2]: ["反映民办学校退费问题", "反映教师职称评定不公", "反映学区划分不合理", "反映代课教师待遇"],
               units[3]: ["反映小区违建未处理", "反映邻里排水纠纷", "反映物业乱收费", "反映商铺油烟扰民"]}
    as_of = ["2025-05-25", "2025-06-20"]
    wb_rows = []
    wb_rows.append(["县重点信访事项化解督办清单（2025年第二批）"] + [""] * 11)
    wb_rows.append(["督办单位：县信访工作联席会议办公室", "", "", "", "", "", "", "", "更新时间：2025年5月25日", "", "", ""])
    wb_rows.append(["编号", "信访人", "信访事项", "属地", "责任单位", "包案领导", "化解措施", "办结时限",
                    "3月进展", "4月进展", "5月进展", "备注"])
    recs = []
    for i in range(17):
        u = units[i % 4]
        latest = rng.random()
        if latest < 0.4:
            cat = "done"; p5 = rng.choice(["已办结，信访人签字息诉罢访。", "已化解，款项已全部兑付到位。"])
        elif latest < 0.55:
            cat = "long"; p5 = "纳入长期稳控，包案领导每月走访一次。"
        else:
            cat = "not"; p5 = rng.choice(["化解中，已召开第二次协调会。", "正在协调，等待司法鉴定结果。", "暂无实质进展。"])
        if i == 6:
            cat = "not"; p5 = "信访人反悔，重新协调中。"
        due = LT if cat == "long" else rng.choice([D(2025, 5, 15), D(2025, 5, 31), D(2025, 6, 15), D(2025, 6, 30), D(2025, 4, 30)])
        if i in (2, 9):
            cat = "not"; due = D(2025, 6, 10); p5 = "化解中，已约谈相关当事人。"
        if due == LT:
            dtxt = "长期"
        else:
            dtxt = rng.choice([f"{due.year}.{due.month}.{due.day}", f"{due.year}年{due.month}月{due.day}日",
                               f"{due.month}月{due.day}日前"])
        p3 = "已交办，责任单位正在调查核实。"
        p4 = "已达成初步调解协议。" if i == 6 else rng.choice(["已召开协调会，信访人诉求部分合理。", "调查核实中。", "已完成初步化解方案。"])
        wb_rows.append([f"XF2025-{i + 21:03d}", rng.choice(["刘某某", "陈某", "王某等12人", "李某某"]), matters[u][i // 4 % len(matters[u])],
                        towns[(i * 3) % 4], u, rng.choice(["副县长 赵刚", "县政协副主席 钱丽", "县人大副主任 孙伟"]),
                        "落实包案责任，依法依规处理信访人合理诉求", dtxt, p3, p4, p5, ""])
        recs.append((u, 1, cat, due))
    wb_rows.append(["注：进展以最新一月为准；办结时限未写年份的均为2025年。"] + [""] * 11)
    with open(os.path.join(OUT, name), "w", encoding="gb18030", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(wb_rows)
    return dict(file=name, kind="信访 督办 list, one row per task with monthly progress columns, the latest = state, CSV GB18030",
                producer="县信访联席办(WPS 另存为 CSV, GB18030)", as_of=as_of,
                sheets={name[:-4]: dict(header_row=3, data_rows=len(recs), columns=dict(
                    problem="C (信访事项)", measure="G (化解措施; one row = one item)", deadline="H (办结时限)",
                    status="K (5月进展, the latest progress column)", unit="E (责任单位)", person="F (包案领导)",
                    department="E", completed_on=None))},
                status_map={"已办结，… / 已化解，…": "done", "纳入长期稳控，…": "long-term",
                            "化解中，… / 正在协调，… / 暂无实质进展 / 信访人反悔，重新协调中": "in progress / not done"},
                notes="unit = 责任单位; 属地 and the 督办单位 meta row are not units; the state is the 5月进展 column only (3月/4月进展 are history: a row 'agreed' in April and reopened in May is not done); deadlines 2025.5.31 / 2025年6月15日 / 6月10日前 (year 2025 from the as-of); 长期 = long-term; title, meta and 注 rows are not data",
                recs=recs, unit_sheets={u: [name[:-4]] for u in units})


# ------------------------------------------------ 6: 市场监管 food-safety inspections over shops, tick column (xlsx)
def f6(rng):
    name = "城关市场监管所餐饮食品安全检查记录台账.xlsx"
    shops = ["德顺烧烤店", "鑫源便利店", "福满楼饭店", "晨曦烘焙坊", "百味鲜生活超市"]
    probs = ["从业人员健康证过期", "冷藏柜未张贴温度记录", "生熟食品混放", "过期食品未下架", "进货查验记录缺失",
             "后厨防鼠设施缺失", "餐具消毒记录不全", "食品添加剂未专柜存放", "操作间地面积水", "未公示食品经营许可证"]
    as_of = ["2025-04-12", "2025-05-06"]
    wb = Workbook(); ws = wb.active; ws.title = "检查记录"
    ws.merge_cells("A1:L1"); ws["A1"] = "城关市场监督管理所2025年餐饮及食品销售单位日常检查问题整改台账"
    ws["A1"].font = Font(size=14, bold=True)
    hdr = ["序号", "检查日期", "经营者名称", "许可证编号", "监管所", "检查人", "检查发现问题", "整改要求",
           "整改期限", "已整改（√/×）", "复查日期", "备注"]
    for c, h in enumerate(hdr, 1):
        ws.cell(2, c, h).font = Font(bold=True)
    r = 3; recs = []; seq = 0
    for si, s in enumerate(shops):
        for k in range([5, 4, 6, 4, 5][si]):
            seq += 1
            chk = D(2025, 3, rng.randint(3, 28))
            due = chk + dt.timedelta(days=rng.choice([7, 10, 15, 20, 30, 40]))
            done = rng.random() < 0.55
            if seq in (3, 12, 19):
                done = False; due = D(2025, 4, 20 + seq % 7)
            form = rng.randrange(6)
            if form == 5:  # month-end form
                due = D(due.year, due.month, 30 if due.month == 4 else 31)
            dtxt = [f"{due.year}.{due.month}.{due.day}", f"{due.year}年{due.month}月{due.day}日", f"{due.month}月{due.day}日前",
                    f"{due.year}/{due.month}/{due.day}", due.isoformat(), f"{due.year}年{due.month}月底"][form]
            ws.cell(r, 1, seq)
            ws.cell(r, 2, rng.choice([f"{chk.year}.{chk.month}.{chk.day}", f"{chk.month}月{chk.day}日", chk.strftime("%Y/%m/%d")]))
            ws.cell(r, 3, s); ws.cell(r, 4, f"JY1{rng.randint(10**12, 10**13 - 1)}"); ws.cell(r, 5, "城关所")
            ws.cell(r, 6, rng.choice(["周敏、吴昊", "吴昊、郑丽"])); ws.cell(r, 7, probs[(seq * 3 + si) % len(probs)])
            ws.cell(r, 8, "限期整改，整改后报所里复查"); ws.cell(r, 9, dtxt)
            ws.cell(r, 10, "√" if done else "×")
            if done:
                ws.cell(r, 11, f"{due.month}月{max(1, due.day - 2)}日" if due.day > 2 else f"{due.month}月1日")
            ws.cell(r, 12, "" if done else rng.choice(["", "已下达责令改正通知书", "店主称正在采购设备"]))
            recs.append((s, 1, "done" if done else "not", due)); r += 1
    frame(ws, 2, r - 1, 12)
    ws.cell(r + 1, 1, "检查人员签字：                监管所负责人：王海涛")
    widths(ws, [6, 12, 18, 20, 8, 12, 24, 24, 14, 10, 12, 20])
    ws.freeze_panes = "A3"
    wb.save(os.path.join(OUT, name))
    return dict(file=name, kind="市场监管所 food-safety inspection register over shops, √/× tick column, text dates in several forms, xlsx",
                producer="城关市场监管所(WPS表格, openpyxl)", as_of=as_of,
                sheets={"检查记录": dict(header_row=2, data_rows=r - 3, columns=dict(
                    problem="G (检查发现问题)", measure="H (整改要求; one finding = one item)", deadline="I (整改期限, text)",
                    status="J (已整改（√/×）)", unit="C (经营者名称)", person=None, department="C", completed_on="K (复查日期)"))},
                status_map={"√": "done", "×": "not done"},
                notes="units = shops of 经营者名称; 监管所 is the inspector, not a unit; deadlines written 2025.4.10 / 2025年4月15日 / 4月20日前 (year 2025 from the as-of) / 2025/4/25 / 2025-04-30 / 2025年4月底 (= 04-30); 检查日期 and 复查日期 are text too; 备注 on × rows is not a status",
                recs=recs, unit_sheets={s: ["检查记录"] for s in shops})


# ------------------------------------------------ 7: township ledger over villages, sections, 合计, 说明 (ods)
def f7(rng):
    base = "柳林镇农村人居环境整治问题整改台账"
    vills = ["张庄村", "李家沟村", "前进村", "石桥村", "马湾村"]
    secs = [("一、环境卫生", ["村内垃圾乱堆乱放", "沟渠淤积", "柴草乱垛", "畜禽散养"]),
            ("二、基础设施", ["村道破损", "路灯损坏", "公厕无人管护", "饮水管网老化"]),
            ("三、村容村貌", ["残垣断壁未清理", "乱贴乱画", "广告牌破旧"])]
    as_of = ["2025-10-31", "2025-12-01"]
    sts = [("完成", "done"), ("正在整改", "not"), ("未开工", "not"), ("常态保持", "long")]
    wb = Workbook(); ws = wb.active; ws.title = "整改台账"
    ws.merge_cells("A1:I1"); ws["A1"] = base; ws["A1"].font = Font(size=15, bold=True)
    ws.merge_cells("A2:I2"); ws["A2"] = "填报单位：柳林镇人民政府（农业农村办）        填报时间：2025年10月"
    ws.append(["序号", "村别", "问题描述", "整改措施", "包村干部", "村级责任人", "整改时限", "进度", "备注"])
    r = 4; recs = []; seq = 0; ndone = 0
    for title, plist in secs:
        ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=9); ws.cell(r, 1, title).font = Font(bold=True)
        r += 1
        for p in plist:
            for v in rng.sample(vills, rng.choice([2, 2, 3])):
                seq += 1
                st, cat = sts[0] if rng.random() < 0.45 else rng.choice(sts)
                due = rng.choice([D(2025, 9, 30), D(2025, 10, 31), D(2025, 11, 15), D(2025, 11, 30), D(2025, 12, 31)])
                if cat == "long":
                    due = LT
                if seq in (2, 9):
                    st, cat, due = "正在整改", "not", D(2025, 11, 20)
                dtxt = "常态化" if due == LT else rng.choice([f"{due.year}年{due.month}月{due.day}日", f"{due.month}月{due.day}日前",
                                                            f"{due.year}.{due.month:02d}.{due.day:02d}"])
                ws.cell(r, 1, seq); ws.cell(r, 2, v); ws.cell(r, 3, p)
                ws.cell(r, 4, rng.choice(["组织村民集中清理", "列入项目计划实施维修", "落实专人管护", "制定村规民约约束"]))
                ws.cell(r, 5, rng.choice(["副镇长 高峰", "组织委员 杜娟", "武装部长 许强"]))
                ws.cell(r, 6, rng.choice(["支书 张永安", "主任 李广田", "支书 王春生", "主任 马建军", "支书 石磊"]))
                ws.cell(r, 7, dtxt); ws.cell(r, 8, st); ws.cell(r, 9, "")
                ndone += cat == "done"
                recs.append((v, 1, cat, due)); r += 1
    ws.cell(r, 1, "合计"); ws.cell(r, 3, f"共{seq}个问题"); ws.cell(r, 8, f"完成{ndone}个"); ws.cell(r, 9, "")
    frame(ws, 3, r, 9); r += 1
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=9)
    ws.cell(r, 1, "说明：1.进度栏填写“完成”“正在整改”“未开工”或“常态保持”；2.本表每月25日前报镇农业农村办；3.整改时限未注明年份的均为2025年。")
    widths(ws, [6, 10, 22, 24, 14, 14, 16, 10, 10])
    tmp = tempfile.mkdtemp(prefix="h5o_")
    src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    lo_convert(src, "ods", OUT); shutil.rmtree(tmp)
    return dict(file=base + ".ods", kind="township ledger over villages, section rows, 合计 row, 说明 footer, ods",
                producer="柳林镇农业农村办(Excel → LibreOffice ods)", as_of=as_of,
                sheets={"整改台账": dict(header_row=3, data_rows=seq, columns=dict(
                    problem="C (问题描述)", measure="D (整改措施)", deadline="G (整改时限)", status="H (进度)",
                    unit="B (村别)", person="F (村级责任人)", department="B", completed_on=None))},
                status_map={"完成": "done", "正在整改": "in progress", "未开工": "not started", "常态保持": "long-term"},
                notes="units = villages of 村别; the 填报单位 meta row names the township, not a unit; section rows (一、二、三、) and the 合计 row are not data; the 说明 footer is not data; one row = one measure; 常态化 deadline = long-term; 11月15日前 (no year) = 2025",
                recs=recs, unit_sheets={v: ["整改台账"] for v in vills})


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    rng = random.Random(5_20251207)
    out = []
    for f in (f1, f2, f3, f4, f5, f6, f7):
        a = f(rng)
        recs = a.pop("recs"); us = a.pop("unit_sheets")
        a["units"] = tally(recs, a["as_of"]); a["unit_sheets"] = us
        d1, d2 = a["as_of"]
        assert 3 <= len(a["units"]) <= 6 or a["file"].startswith("县林业局"), a["file"]
        assert any(v[d1]["overdue"] != v[d2]["overdue"] for v in a["units"].values()), a["file"]
        out.append(a)
    with open(os.path.join(HERE, "answers.json"), "w", encoding="utf-8") as fh:
        json.dump(out, fh, ensure_ascii=False, indent=1)
    for a in out:
        print(a["file"], {u: [tuple(v[d].values()) for d in a["as_of"]] for u, v in a["units"].items()})


if __name__ == "__main__":
    main()
