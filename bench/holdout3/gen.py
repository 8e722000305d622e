#!/usr/bin/env python3
"""Seeded generator of taizhang holdout 3. `python3 gen.py` (needs openpyxl and soffice).
Writes files/ and answers.json. Every data row records (unit, n_measures, status category, deadline)."""
import csv, datetime as dt, io, json, os, random, shutil, subprocess, tempfile
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, Border, Side
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")
D = dt.date
LT, IMM = "LT", "IMM"
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center", horizontal="center")


def count(records, as_of):
    """records: (unit, n, cat, due) with cat in done/long/prog/not and due a date, LT or IMM."""
    res = {}
    for unit, n, cat, due in records:
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


def soffice(src, fmt, outdir):
    prof = tempfile.mkdtemp(prefix="lo3_")
    subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless", "--convert-to", fmt,
                    "--outdir", outdir, src], check=True, capture_output=True, timeout=300)
    shutil.rmtree(prof, ignore_errors=True)


def box(ws, r1, r2, ncol):
    for r in range(r1, r2 + 1):
        for c in range(1, ncol + 1):
            ws.cell(r, c).border = BOX
            ws.cell(r, c).alignment = WRAP


# ---------------------------------------------------------------- file 1: 审计整改, group with subsidiaries
def file1(rng):
    name = "华泰控股集团2024年度内部审计发现问题整改台账.xlsx"
    units = ["华泰建设工程有限公司", "华泰物流有限公司", "华泰置业有限公司", "华泰能源有限公司"]
    persons = {units[0]: ["张志强", "刘敏"], units[1]: ["陈晓东", "赵丽"], units[2]: ["孙建国", "周婷"],
               units[3]: ["吴海涛", "郑洁"]}
    probs = [
        (0, "部分工程项目未按规定履行招标程序，存在化整为零规避招标问题", ["对2023年以来未招标项目逐项复核", "修订《工程项目招标管理办法》", "对相关责任人进行约谈"]),
        (0, "工程款支付审批手续不全，个别项目超合同进度付款", ["清理超进度付款项目并追回多付款项", "建立工程款支付联审机制"]),
        (0, "分包单位资质审查不严", ["对在建项目分包单位资质开展全面排查"]),
        (1, "车辆燃油费报销缺少行驶记录，费用核算不规范", ["安装车辆GPS定位系统并与报销挂钩", "规范燃油费报销审批流程"]),
        (1, "应收账款清收不力，三年以上应收款占比偏高", ["成立应收账款清收专班", "对账龄三年以上款项逐笔制定清收方案", "将清收成效纳入绩效考核"]),
        (2, "部分商品房销售价格低于备案价且未经集体决策", ["补充履行集体决策程序并说明情况", "完善销售定价管理制度"]),
        (2, "土地增值税清算资料不完整", ["补齐清算资料并报税务机关审核"]),
        (2, "闲置资产长期未处置", ["制定闲置资产盘活处置方案", "定期报告资产处置进展"]),
        (3, "安全生产费用提取不足、使用不规范", ["按标准补提安全生产费用", "建立安全生产费用使用台账"]),
        (3, "大宗物资采购比价不充分", ["推行大宗物资集中采购平台", "建立供应商动态评价机制"]),
    ]
    # (status text, cat)
    sts = [("已完成", "done"), ("已整改完成", "done"), ("整改中", "prog"), ("部分完成", "prog"),
           ("长期坚持", "long"), ("未启动", "not"), ("已完成，已形成制度文件", "done")]
    # (cell value, number_format or None, resolved)
    dls = [(dt.datetime(2024, 11, 30), "yyyy\"年\"m\"月\"d\"日\"", D(2024, 11, 30)),
           ("2024年12月底前", None, D(2024, 12, 31)),
           ("2025年第一季度", None, D(2025, 3, 31)),
           (dt.datetime(2025, 2, 28), "yyyy-mm-dd", D(2025, 2, 28)),
           ("2025年6月30日前", None, D(2025, 6, 30)),
           ("长期坚持", None, LT),
           ("2024年10月", None, D(2024, 10, 31))]
    wb = Workbook(); ws = wb.active; ws.title = "整改台账"
    hdr = ["序号", "审计发现问题", "整改措施", "责任主体", None, "整改时限", "整改进展", "完成时间", "备注"]
    ws.merge_cells("A1:I1"); ws["A1"] = "华泰控股集团有限公司2024年度内部审计发现问题整改台账"
    ws["A1"].font = Font(size=16, bold=True); ws["A1"].alignment = Alignment(horizontal="center")
    ws["A2"] = "填报单位：集团审计部（盖章）"; ws["G2"] = "截止日期：2025年2月28日"
    for i, h in enumerate(hdr, 1):
        if h: ws.cell(3, i, h)
    ws.cell(4, 4, "责任单位"); ws.cell(4, 5, "责任人")
    ws.merge_cells("D3:E3")
    for c in "ABCFGHI":
        ws.merge_cells(f"{c}3:{c}4")
    r = 5; recs = []; seq = 0
    for ui, ptxt, ms in probs:
        seq += 1; u = units[ui]; start = r
        for m in ms:
            st, cat = rng.choice(sts)
            dv, nf, due = rng.choice(dls)
            if due == LT and cat not in ("long", "done"):
                st, cat = "长期坚持", "long"
            ws.cell(r, 3, m); ws.cell(r, 4, u); ws.cell(r, 5, rng.choice(persons[u]))
            c = ws.cell(r, 6, dv)
            if nf: c.number_format = nf
            ws.cell(r, 7, st)
            if cat == "done":
                fin = min((due if isinstance(due, D) else D(2024, 12, 20)) - dt.timedelta(days=rng.randint(3, 40)),
                          D(2025, 2, 25) - dt.timedelta(days=rng.randint(0, 20)))
                ws.cell(r, 8, dt.datetime(fin.year, fin.month, fin.day)).number_format = "yyyy-mm-dd"
            recs.append((u, 1, cat, due)); r += 1
        ws.cell(start, 1, seq); ws.cell(start, 2, ptxt)
        if r - 1 > start:
            ws.merge_cells(f"A{start}:A{r-1}"); ws.merge_cells(f"B{start}:B{r-1}")
    box(ws, 3, r - 1, 9)
    ws.cell(r + 1, 1, "填报人：李文静        审核人：王德明        联系电话：0371-65582317")
    for i, w in enumerate([6, 34, 34, 20, 10, 16, 16, 13, 10], 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A5"
    wb.save(os.path.join(OUT, name))
    return dict(file=name, kind="state-owned group 审计整改台账, two-row header (责任主体 over 责任单位/责任人), merged problem blocks, xlsx",
                producer="集团审计部(Excel手工, openpyxl)", as_of=["2024-11-30", "2025-03-01"],
                sheets={"整改台账": dict(header_row="3-4 (two rows)", data_rows=r - 5,
                        columns=dict(problem="B", measure="C", deadline="F", status="G", unit="D (责任单位)",
                                     person="E", department="D", completed_on="H"))},
                status_map={"已完成 / 已整改完成 / 已完成，…": "done", "长期坚持": "long-term", "整改中 / 部分完成": "in progress",
                            "未启动": "not started"},
                notes="units = subsidiaries in 责任单位; the 填报单位 meta row names the compiling department, not a unit; one row = one measure; real date cells and text deadlines; 第一季度 = 03-31; footer is not data",
                recs=recs, unit_sheets={u: ["整改台账"] for u in units})


# ---------------------------------------------------------------- file 2: 安全生产隐患 register, xls
def file2(rng):
    base = "滨江经济开发区2025年二季度安全生产隐患排查整改台账"
    ents = ["滨江精密机械有限公司", "恒远化工科技有限公司", "瑞丰食品有限公司", "佳成物流仓储有限公司", "新诚电子科技有限公司"]
    hz = [("配电室", "配电箱未张贴警示标识，柜前绝缘垫缺失", "张贴警示标识，铺设绝缘垫", "用电安全"),
          ("生产车间", "冲压设备防护罩缺失", "加装防护罩并开展班前检查", "设备设施"),
          ("仓库", "消防通道堆放杂物", "清理通道杂物，划定禁止堆放区", "消防安全"),
          ("危化品库", "危险化学品未分类存放", "按性质分区分类存放，完善出入库登记", "危化品"),
          ("厂区", "灭火器压力不足", "更换失效灭火器", "消防安全"),
          ("食堂", "燃气管道未安装泄漏报警装置", "安装燃气泄漏报警装置", "燃气安全"),
          ("车间二楼", "安全出口指示灯损坏", "更换安全出口指示灯", "消防安全"),
          ("叉车作业区", "叉车司机无证上岗", "组织司机参加培训取证，未取证前停止作业", "特种作业"),
          ("办公楼", "应急预案未组织演练", "制定演练计划并组织一次综合演练", "应急管理"),
          ("锅炉房", "压力表超期未检验", "送检压力表，建立检验台账", "特种设备")]
    sts = [("已整改", "done"), ("已整改", "done"), ("整改中", "prog"), ("已销号", "done"), ("正在整改", "prog"), ("未开始", "not")]
    dls = [("2025-05-10", D(2025, 5, 10)), ("2025-05-15", D(2025, 5, 15)), ("2025-05-31", D(2025, 5, 31)),
           ("2025-06-20", D(2025, 6, 20)), ("2025-06-30", D(2025, 6, 30)), ("2025-07-15", D(2025, 7, 15)),
           ("立即整改", IMM), (dt.datetime(2025, 4, 30), D(2025, 4, 30))]
    wb = Workbook(); ws = wb.active; ws.title = "隐患台账"
    hdr = ["序号", "企业名称", "隐患部位", "隐患描述", "隐患类别", "隐患等级", "整改措施", "整改责任人", "整改期限",
           "整改状态", "复查人", "复查日期"]
    ws.merge_cells("A1:L1"); ws["A1"] = base; ws["A1"].font = Font(size=15, bold=True)
    ws["A2"] = "排查时间：2025年4月"; ws["J2"] = "填表日期：2025年5月"
    for i, h in enumerate(hdr, 1): ws.cell(3, i, h)
    r = 4; recs = []; n = 0
    counts = [5, 6, 4, 5, 6]
    for e, k in zip(ents, counts):
        for h in rng.sample(hz, k):
            n += 1
            st, cat = rng.choice(sts); dv, due = rng.choice(dls)
            lvl = "重大隐患" if rng.random() < 0.12 else "一般隐患"
            vals = [n, e, h[0], h[1], h[3], lvl, h[2], rng.choice(["刘洋", "高峰", "何静", "马骏", "宋佳"]), dv, st,
                    "开发区安监办" if cat == "done" else "", ("2025-05-%02d" % rng.randint(5, 12)) if cat == "done" else ""]
            for i, v in enumerate(vals, 1):
                c = ws.cell(r, i, v)
                if isinstance(v, dt.datetime): c.number_format = "yyyy/m/d"
            recs.append((e, 1, cat, due)); r += 1
    box(ws, 3, r - 1, 12)
    ws.cell(r, 1, "检查人员：王磊、陈静                企业负责人（签字）："); ws.merge_cells(f"A{r}:L{r}")
    ws2 = wb.create_sheet("隐患分级标准")
    ws2["A1"] = "隐患等级"; ws2["B1"] = "判定标准"
    ws2["A2"] = "一般隐患"; ws2["B2"] = "危害和整改难度较小，发现后能够立即整改排除的隐患"
    ws2["A3"] = "重大隐患"; ws2["B3"] = "危害和整改难度较大，需要全部或者局部停产停业的隐患"
    tmp = tempfile.mkdtemp(prefix="h3_"); src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    soffice(src, "xls", OUT); shutil.rmtree(tmp, ignore_errors=True)
    return dict(file=base + ".xls", kind="development zone 安全生产隐患排查整改台账, one row per hazard, enterprise column, xls",
                producer="开发区安监办(Excel手工 → LibreOffice 'xls' BIFF8)", as_of=["2025-05-15", "2025-06-30"],
                sheets={"隐患台账": dict(header_row=3, data_rows=r - 4, columns=dict(problem="D", measure="G", deadline="I",
                        status="J", unit="B (企业名称)", person="H", department=None, completed_on="L (复查日期)"))},
                status_map={"已整改 / 已销号": "done", "整改中 / 正在整改": "in progress", "未开始": "not started"},
                notes="units = enterprises of 企业名称; one hazard = one measure; 立即整改 not done is overdue on both dates; sheet 隐患分级标准 is not a ledger; footer row is not data; deadline on the as-of day is not overdue",
                recs=recs, unit_sheets={e: ["隐患台账"] for e in ents})


# ---------------------------------------------------------------- file 3: 督查督办, ods
def file3(rng):
    base = "2025年市政府重点工作督查督办事项台账"
    units = ["市发展和改革委员会", "市住房和城乡建设局", "市自然资源和规划局", "市交通运输局", "市教育局"]
    items = [
        (0, "推进重大项目建设", ["完成年度重大项目清单编制", "组织二季度重大项目集中开工", "建立重大项目要素保障调度机制"]),
        (0, "优化营商环境", ["开展营商环境第三方评估", "清理妨碍统一市场的政策文件"]),
        (1, "老旧小区改造", ["完成120个老旧小区改造开工", "完成加装电梯80部", "建立小区长效管理机制"]),
        (1, "城市燃气安全整治", ["完成老旧燃气管网更新改造60公里"]),
        (2, "保障重点项目用地", ["完成年度建设用地报批", "盘活批而未供土地3000亩"]),
        (2, "耕地保护", ["落实田长制巡查制度", "完成违法占用耕地问题整改"]),
        (3, "城区交通拥堵治理", ["优化调整公交线路10条", "新增公共停车泊位2000个", "完成主干道信号灯智能化改造"]),
        (3, "农村公路建设", ["新改建农村公路150公里"]),
        (4, "新建改扩建中小学校", ["新建学校4所秋季投入使用", "完成校舍安全隐患排查整改"]),
        (4, "课后服务提质", ["实现义务教育学校课后服务全覆盖", "建立课后服务经费保障机制"]),
    ]
    sts = [("已办结", "done"), ("正在办理", "prog"), ("长期推进", "long"), ("未启动", "not"), ("序时推进", "prog"),
           ("进度滞后", "prog"), ("已办结", "done")]
    dls = [("2025年6月底前", D(2025, 6, 30)), ("2025年上半年", D(2025, 6, 30)), ("2025年三季度", D(2025, 9, 30)),
           ("2025年10月至12月", D(2025, 12, 31)), ("2025年底前", D(2025, 12, 31)), ("常态化", LT),
           ("2025年9月30日", D(2025, 9, 30)), ("2025年5月", D(2025, 5, 31)), ("2025年8月15日前", D(2025, 8, 15))]
    coop = ["市财政局", "市生态环境局", "各区县政府", "市城市管理局、市公安局", "市人力资源和社会保障局", ""]
    wb = Workbook(); ws = wb.active; ws.title = "督办台账"
    hdr = ["序号", "督办事项", "具体工作任务", "主办单位", "协办单位", "办结时限", "办理状态", "推进情况", "备注"]
    ws.merge_cells("A1:I1"); ws["A1"] = base; ws["A1"].font = Font(size=16, bold=True)
    ws.merge_cells("A2:I2"); ws["A2"] = "市政府督查室                                      更新时间：2025年7月"
    for i, h in enumerate(hdr, 1): ws.cell(3, i, h)
    r = 4; recs = []; seq = 0
    prog_txt = ["已召开专题推进会，正在按计划实施", "已完成前期手续，部分工程已开工", "已拟定工作方案，待市政府常务会研究",
                "相关工作已全部完成，资料已报督查室", "按月调度，持续推进"]
    for ui, it, tasks in items:
        seq += 1; start = r; u = units[ui]
        for t in tasks:
            st, cat = rng.choice(sts); dv, due = rng.choice(dls)
            if due == LT and cat != "done": st, cat = "长期推进", "long"
            if cat == "long" and due != LT: dv, due = "常态化", LT
            txt = prog_txt[3] if cat == "done" else rng.choice([prog_txt[0], prog_txt[1], prog_txt[2], prog_txt[4]])
            if cat == "not": txt = "受前期手续影响，暂未启动"
            for i, v in enumerate([None, None, t, u, rng.choice(coop), dv, st, txt, None], 1):
                if v is not None: ws.cell(r, i, v)
            recs.append((u, 1, cat, due)); r += 1
        ws.cell(start, 1, seq); ws.cell(start, 2, it)
        if r - 1 > start:
            ws.merge_cells(f"A{start}:A{r-1}"); ws.merge_cells(f"B{start}:B{r-1}")
    box(ws, 3, r - 1, 9)
    ws2 = wb.create_sheet("填表说明")
    for i, t in enumerate(["1.办理状态按“已办结、序时推进、进度滞后、正在办理、未启动、长期推进”填写。",
                           "2.每月25日前报市政府督查室。", "3.协办单位配合主办单位推进，不单独填报。"], 1):
        ws2.cell(i, 1, t)
    tmp = tempfile.mkdtemp(prefix="h3_"); src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    soffice(src, "ods", OUT); shutil.rmtree(tmp, ignore_errors=True)
    return dict(file=base + ".ods", kind="city government 督查督办事项台账, 主办/协办 in separate columns, item merged over its tasks, ods",
                producer="市政府督查室(Excel手工 → LibreOffice ods)", as_of=["2025-06-30", "2025-09-30"],
                sheets={"督办台账": dict(header_row=3, data_rows=r - 4, columns=dict(problem="B", measure="C", deadline="F",
                        status="G", unit="D (主办单位)", person=None, department="D", completed_on=None))},
                status_map={"已办结": "done", "长期推进": "long-term", "正在办理 / 序时推进 / 进度滞后": "in progress", "未启动": "not started"},
                notes="unit = 主办单位; 协办单位 get nothing; one task row = one measure; 推进情况 is narrative, 办理状态 is the status; 上半年 = 06-30, 三季度 = 09-30, 10月至12月 = 12-31, 常态化 = long-term; 填表说明 sheet is not a ledger",
                recs=recs, unit_sheets={u: ["督办台账"] for u in units})


# ---------------------------------------------------------------- file 4: 12345 export CSV GBK
def file4(rng):
    name = "12345热线工单明细导出_20250315.csv"
    units = ["城南街道办事处", "城北街道办事处", "区市场监督管理局", "区住房和城乡建设局"]
    topics = [("噪音扰民", "小区附近工地夜间施工噪音扰民，影响休息"), ("占道经营", "路口流动摊贩占道经营，影响通行"),
              ("物业管理", "小区物业不作为，楼道垃圾长期无人清理"), ("食品安全", "购买的熟食有异味，要求核查商家"),
              ("价格投诉", "超市标价与结算价不一致"), ("房屋维修", "楼顶漏水，多次联系无人处理"),
              ("供暖问题", "家中暖气不热，室温不达标"), ("路灯故障", "小区门口路灯损坏多日未修")]
    sts = [("已办结", "done"), ("已办结", "done"), ("已归档", "done"), ("办理中", "prog"), ("重办中", "prog"),
           ("待签收", "not")]
    rows = []; recs = []
    for i in range(32):
        u = units[i % 4] if i < 28 else units[rng.randrange(4)]
        acc = dt.datetime(2025, 2, 10, 8, 0) + dt.timedelta(hours=rng.randint(0, 24 * 32))
        due_dt = (acc + dt.timedelta(days=rng.choice([3, 5, 7, 15, 20]))).replace(hour=rng.choice([17, 18]), minute=0, second=0)
        st, cat = rng.choice(sts)
        if cat == "done":
            fin = min(acc + dt.timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 8)), dt.datetime(2025, 3, 15, 9, 30))
            fin_s = fin.strftime("%Y-%m-%d %H:%M:%S"); sat = rng.choice(["满意", "基本满意", "不满意", ""])
        else:
            fin_s = ""; sat = ""
        t = rng.choice(topics)
        rows.append([str(i + 1), "GD2025%02d%02d%04d" % (acc.month, acc.day, 100 + i), acc.strftime("%Y-%m-%d %H:%M:%S"),
                     rng.choice(["投诉", "求助", "咨询", "建议"]), t[0], t[1], u, due_dt.strftime("%Y-%m-%d %H:%M:%S"), st, fin_s, sat])
        recs.append((u, 1, cat, due_dt.date()))
    hdr = ["序号", "工单编号", "受理时间", "诉求类型", "诉求标题", "诉求内容", "承办单位", "办理时限", "工单状态", "办结时间", "满意度"]
    buf = io.StringIO(); w = csv.writer(buf, lineterminator="\r\n"); w.writerow(hdr); w.writerows(rows)
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(buf.getvalue().encode("gbk"))
    return dict(file=name, kind="12345 hotline ticket export, one row per ticket, CSV GBK CRLF",
                producer="区12345热线工单管理系统(导出CSV, GBK)", as_of=["2025-03-15", "2025-04-01"],
                sheets={name[:-4]: dict(header_row=1, data_rows=len(rows), columns=dict(problem="F (or E 诉求标题)", measure="F (one ticket = one item)",
                        deadline="H", status="I", unit="G", person=None, department="G", completed_on="J"))},
                status_map={"已办结 / 已归档": "done", "办理中 / 重办中": "in progress", "待签收": "not started"},
                notes="one ticket = one measure; 办理时限 is a date-time compared by its day; 诉求类型/满意度 are not statuses or units",
                recs=recs, unit_sheets={u: [name[:-4]] for u in units})


# ---------------------------------------------------------------- file 5: 巡视整改, bureau, many measures per problem
def file5(rng):
    base = "滨海市水利局党组落实省委巡视反馈意见整改台账"
    unit = "滨海市水利局"
    # (category, problem, [(measure cell, n_items)], )
    P = [
        ("贯彻落实党的路线方针政策方面", "落实河湖长制不到位，部分河段“清四乱”问题反弹",
         [("1.开展河湖“清四乱”专项行动；2.建立问题清单逐项销号；3.将河湖长履职纳入年度考核", 3)]),
        ("贯彻落实党的路线方针政策方面", "水资源刚性约束落实不力，取水许可管理不规范",
         [("一是全面排查取水许可证照；二是对无证取水行为依法查处", 2), ("修订《取用水管理办法》", 1)]),
        ("全面从严治党方面", "党组主体责任压得不实，“一岗双责”落实不到位",
         [("①制定党组落实全面从严治党主体责任清单；②每季度专题研究党风廉政建设；③开展班子成员述责述廉", 3)]),
        ("全面从严治党方面", "工程建设领域廉政风险防控薄弱",
         [("(1)梳理工程建设廉政风险点；(2)建立重点岗位轮岗制度", 2), ("对近三年工程项目开展专项审计", 1)]),
        ("全面从严治党方面", "违规发放津贴补贴问题时有发生",
         [("立即清退违规发放的津贴补贴", 1), ("健全财务内控制度，严格审批程序", 1)]),
        ("落实中央八项规定精神方面", "公务用车管理不规范",
         [("1、建立公务用车使用登记制度；2、安装车载定位终端", 2)]),
        ("基层党组织建设方面", "部分基层党支部组织生活不规范，“三会一课”流于形式",
         [("一是开展支部书记轮训；二是建立组织生活纪实制度；三是每半年开展一次督导检查；四是评选表彰示范支部", 4)]),
        ("巡视巡察整改方面", "上轮巡视反馈问题整改不彻底",
         [("对上轮巡视整改情况开展“回头看”", 1), ("建立整改长效机制，常态化跟踪问效", 1)]),
    ]
    sts = [("已完成", "done"), ("已完成", "done"), ("正在推进", "prog"), ("长期坚持", "long"), ("已完成并长期坚持", "long"),
           ("未完成", "prog"), ("未开始", "not")]
    dls = [("立行立改", IMM), ("2025年6月底前", D(2025, 6, 30)), ("2025.09.30", D(2025, 9, 30)),
           ("长期坚持", LT), ("2025年三季度末", D(2025, 9, 30)), ("2025年7月1日", D(2025, 7, 1)),
           ("2025年12月底前", D(2025, 12, 31)), ("2025年5月", D(2025, 5, 31))]
    wb = Workbook(); ws = wb.active; ws.title = "Sheet1"
    hdr = ["序号", "问题类别", "巡视反馈问题", "整改措施", "责任领导", "责任处室", "责任人", "整改时限", "整改进展", "备注"]
    ws.merge_cells("A1:J1"); ws["A1"] = base; ws["A1"].font = Font(size=16, bold=True)
    ws["A2"] = "填报单位：滨海市水利局（盖章）"; ws["H2"] = "填报时间：2025年  月  日"
    for i, h in enumerate(hdr, 1): ws.cell(3, i, h)
    leaders = ["局党组书记、局长 周国平", "党组成员、副局长 黄建华", "党组成员、纪检组长 林晓", "党组成员、副局长 沈涛"]
    depts = ["河湖管理处", "水资源管理处", "机关党委", "建设管理处", "财务审计处", "办公室"]
    r = 4; recs = []; seq = 0; cat_start = None; prev_cat = None
    for catg, prob, ms in P:
        seq += 1; start = r
        for mtxt, k in ms:
            st, cat = rng.choice(sts); dv, due = rng.choice(dls)
            if due == LT and cat not in ("done", "long"): st, cat = "长期坚持", "long"
            if mtxt.startswith("立即"): dv, due = "立行立改", IMM
            vals = [None, None, None, mtxt, rng.choice(leaders), rng.choice(depts), rng.choice(["钱勇", "许丹", "冯刚", "韩雪"]), dv, st, None]
            for i, v in enumerate(vals, 1):
                if v is not None: ws.cell(r, i, v)
            recs.append((unit, k, cat, due)); r += 1
        ws.cell(start, 1, seq); ws.cell(start, 2, catg); ws.cell(start, 3, prob)
        if r - 1 > start:
            for c in "ABC": ws.merge_cells(f"{c}{start}:{c}{r-1}")
    box(ws, 3, r - 1, 10)
    ws.cell(r + 1, 1, "注：整改进展按“已完成、正在推进、未开始、长期坚持”填写。")
    tmp = tempfile.mkdtemp(prefix="h3_"); src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    soffice(src, "xlsx:Calc MS Excel 2007 XML", tmp + "/lo")
    shutil.copy(os.path.join(tmp, "lo", base + ".xlsx"), os.path.join(OUT, base + ".xlsx")); shutil.rmtree(tmp, ignore_errors=True)
    return dict(file=base + ".xlsx", kind="bureau 巡视整改台账, problems with several measures, enumerated measure cells, xlsx re-saved by LibreOffice",
                producer="市水利局办公室(Excel手工, openpyxl → LibreOffice Calc xlsx)", as_of=["2025-07-01", "2025-10-15"],
                sheets={"Sheet1": dict(header_row=3, data_rows=r - 4, columns=dict(problem="C", measure="D", deadline="H", status="I",
                        unit="(meta row 2: 填报单位：滨海市水利局)", person="G", department="F", completed_on=None))},
                status_map={"已完成": "done", "长期坚持": "long-term", "已完成并长期坚持": "long-term (longer word wins)",
                            "正在推进 / 未完成": "in progress", "未开始": "not started"},
                notes="one unit from the meta row; enumerated measure cells (1.…；2.…, 一是…二是…, ①②, (1)(2), 1、2、) count one measure per item, each with the row's deadline and status; 立行立改 not done is overdue on both dates; 2025年7月1日 on as-of 2025-07-01 is not overdue; sheet named Sheet1; 注 footer is not data",
                recs=recs, unit_sheets={unit: ["Sheet1"]})


def main():
    if os.path.isdir(OUT): shutil.rmtree(OUT)
    os.makedirs(OUT)
    rng = random.Random(20251207)
    out = []
    for f in (file1, file2, file3, file4, file5):
        a = f(rng)
        recs = a.pop("recs"); us = a.pop("unit_sheets")
        a["units"] = count(recs, a["as_of"]); a["unit_sheets"] = us
        out.append(a)
    with open(os.path.join(HERE, "answers.json"), "w", encoding="utf-8") as fh:
        json.dump(out, fh, ensure_ascii=False, indent=1)
    for a in out:
        print(a["file"], {u: [tuple(v[d].values()) for d in a["as_of"]] for u, v in a["units"].items()})


if __name__ == "__main__":
    main()
