#!/usr/bin/env python3
"""Generator of taizhang holdout 9. `python3 gen.py` (needs openpyxl; soffice for the .xls and the .ods).

Every data row is written out by hand in the tables below: unit, problem, measure, deadline and state exactly as
the office or system writes them. Filler (people, phones, codes, times) comes from random.Random(920251207), so the
files are deterministic. Beside each unit's rows is its hand count (`# HAND m done long not overdue@0430
overdue@1031`), gathered in a F*_HAND table per file; main() recounts every file from its row table and stops,
writing no answers.json, unless the recount equals the hand count. Writes files/ and answers.json."""
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
R = random.Random(920251207)
SURN = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志海峰林辉波斌宇浩凯鹏飞云燕琳"


def person():
    return R.choice(SURN) + "".join(R.choice(GIVEN) for _ in range(R.choice([1, 2, 2])))


def phone():
    return "1" + R.choice("358") + "".join(str(R.randint(0, 9)) for _ in range(9))


# ------------------------------------------------------------------ recount (gen side)
QEND = {"一": (3, 31), "二": (6, 30), "三": (9, 30), "四": (12, 31)}


def due_of(t):
    """Deadline as written -> date / 'LT' (long-term) / 'IMM' (immediate). Both as-of dates are in 2025, and every
    file that writes a deadline without a year says 2025 elsewhere (title, meta or 说明), so a missing year is 2025."""
    t = str(t).strip()
    if t in ("长期坚持", "长期"):
        return "LT"
    if t in ("立行立改", "立即整改"):
        return "IMM"
    m = (re.fullmatch(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日前?", t)
         or re.fullmatch(r"(\d{4})[./-](\d{1,2})[./-](\d{1,2})(?: \d{2}:\d{2}:\d{2})?", t))
    if m:
        return D(int(m[1] or 2025), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(?:(\d{4})年)?(\d{1,2})月(?:底|末)前?", t)
    if m:
        y, mo = int(m[1] or 2025), int(m[2])
        return D(y, mo, calendar.monthrange(y, mo)[1])
    m = re.fullmatch(r"(\d{4})年([一二三四])季度(?:末)?", t)
    if m:
        return D(int(m[1]), *QEND[m[2]])
    m = re.fullmatch(r"(\d{4})年上半年", t)
    if m:
        return D(int(m[1]), 6, 30)
    raise SystemExit(f"gen.py: no rule for deadline {t!r}")


def n_items(measure):
    """A measure cell enumerating 1.…；2.… or 一是…；二是… holds that many measures; else one."""
    k = len(re.findall(r"(?:^|；)\d\.", measure))
    if k < 2:
        k = len(re.findall(r"(?:^|；)[一二三四五]是", measure))
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
    prof = tempfile.mkdtemp(prefix="h9lo_")
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


def band(ws, row, singles, groups, ncol):
    """Two-row header: singles {col letter: word} merged over both rows; groups [(first col, last col, word, [subs])]."""
    for col, txt in singles.items():
        ws.merge_cells(f"{col}{row}:{col}{row + 1}"); ws[f"{col}{row}"] = txt
    for c1, c2, txt, subs in groups:
        ws.merge_cells(f"{c1}{row}:{c2}{row}"); ws[f"{c1}{row}"] = txt
        start = ws[f"{c1}{row}"].column
        for i, s in enumerate(subs):
            ws.cell(row + 1, start + i, s)
    for r in (row, row + 1):
        for c in range(1, ncol + 1):
            ws.cell(r, c).font = Font(bold=True); ws.cell(r, c).alignment = CN


def blocks(rows, key):
    """consecutive runs of rows with the same key -> [(key, [rows])]"""
    out = []
    for x in rows:
        if out and out[-1][0] == key(x):
            out[-1][1].append(x)
        else:
            out.append((key(x), [x]))
    return out


# ================================================================== 1. 网络安全等级保护 测评 整改 (LibreOffice .xls)
F1 = "青溪县2025年网络安全等级保护测评发现问题整改台账.xls"
F1_STATE = {"已整改": "done", "整改中": "not", "部分整改": "not", "未整改": "not", "常态化开展": "long"}
# (备案单位, 系统名称, 保护等级, 安全类别, 问题描述, 风险等级, 整改措施, 计划完成时间, 整改状态)
F1_ROWS = [
    # HAND 青溪县人民医院: m6 done2 long1 not3 overdue@0430 1 overdue@1031 3
    ("青溪县人民医院", "医院信息系统（HIS）", "第三级", "安全计算环境", "数据库管理员账户使用弱口令", "高", "修改口令并启用口令复杂度策略", "立行立改", "已整改"),
    ("青溪县人民医院", "医院信息系统（HIS）", "第三级", "安全计算环境", "未对重要业务数据进行异地备份", "中", "建设异地备份，每日增量备份、每周全量备份", "2025.6.30", "整改中"),
    ("青溪县人民医院", "医院信息系统（HIS）", "第三级", "安全区域边界", "互联网边界未部署入侵防范设备", "高", "采购部署入侵防御系统（IPS）", "2025.4.15", "部分整改"),
    ("青溪县人民医院", "医院信息系统（HIS）", "第三级", "安全管理制度", "未定期开展网络安全自查", "低", "每季度开展一次网络安全自查并形成报告", "长期坚持", "常态化开展"),
    ("青溪县人民医院", "影像归档和通信系统（PACS）", "第二级", "安全计算环境", "服务器操作系统未及时安装安全补丁", "中", "安装安全补丁，建立补丁管理机制", "2025.3.31", "已整改"),
    ("青溪县人民医院", "影像归档和通信系统（PACS）", "第二级", "安全通信网络", "远程运维采用Telnet明文协议", "中", "关闭Telnet，改用SSH并经堡垒机运维", "2025.5.31", "未整改"),
    # HAND 青溪县不动产登记中心: m5 done2 long0 not3 overdue@0430 0 overdue@1031 2
    ("青溪县不动产登记中心", "不动产登记信息管理平台", "第三级", "安全物理环境", "机房未配备气体灭火装置", "中", "机房加装七氟丙烷气体灭火系统", "2025.9.30", "未整改"),
    ("青溪县不动产登记中心", "不动产登记信息管理平台", "第三级", "安全计算环境", "未启用数据库审计功能", "中", "部署数据库审计系统", "2025.4.30", "整改中"),
    ("青溪县不动产登记中心", "不动产登记信息管理平台", "第三级", "安全管理中心", "未对设备日志进行集中收集分析", "中", "部署日志审计系统，日志留存不少于6个月", "2025.3.31", "已整改"),
    ("青溪县不动产登记中心", "不动产登记信息管理平台", "第三级", "安全建设管理", "外包开发单位未签订保密协议", "低", "与开发单位补签保密协议", "立行立改", "已整改"),
    ("青溪县不动产登记中心", "不动产登记信息管理平台", "第三级", "安全运维管理", "未制定网络安全事件应急预案", "低", "制定应急预案并每年至少演练一次", "2025.11.30", "整改中"),
    # HAND 青溪县社会保险事业管理中心: m4 done1 long1 not2 overdue@0430 1 overdue@1031 2
    ("青溪县社会保险事业管理中心", "社会保险经办管理信息系统", "第三级", "安全区域边界", "业务内网与互联网之间未有效隔离", "高", "部署网闸，实现内外网逻辑隔离", "2025.5.31", "已整改"),
    ("青溪县社会保险事业管理中心", "社会保险经办管理信息系统", "第三级", "安全计算环境", "未启用登录失败处理功能", "中", "配置登录失败锁定和超时自动退出策略", "立行立改", "整改中"),
    ("青溪县社会保险事业管理中心", "社会保险经办管理信息系统", "第三级", "安全计算环境", "参保人身份证号等个人信息明文存储", "高", "对敏感字段加密存储", "2025.8.31", "整改中"),
    ("青溪县社会保险事业管理中心", "社会保险经办管理信息系统", "第三级", "安全管理人员", "未对运维人员开展安全意识培训", "低", "每年组织网络安全培训不少于2次", "长期坚持", "常态化开展"),
    # HAND 青溪县教育体育局: m4 done2 long0 not2 overdue@0430 0 overdue@1031 1
    ("青溪县教育体育局", "青溪县教育资源公共服务平台", "第二级", "安全计算环境", "门户网站存在SQL注入漏洞", "高", "修复漏洞并部署Web应用防火墙", "立行立改", "已整改"),
    ("青溪县教育体育局", "青溪县教育资源公共服务平台", "第二级", "安全通信网络", "网站未启用HTTPS加密传输", "中", "部署SSL证书，启用HTTPS", "2025.4.20", "已整改"),
    ("青溪县教育体育局", "青溪县教育资源公共服务平台", "第二级", "安全计算环境", "后台管理员权限未分离", "中", "设置系统管理员、审计管理员、安全管理员三员分立", "2025.5.31", "部分整改"),
    ("青溪县教育体育局", "青溪县教育资源公共服务平台", "第二级", "安全运维管理", "未建立信息资产清单", "低", "建立信息资产清单并定期更新", "2025.12.31", "未整改"),
]
F1_HAND = {"青溪县人民医院": (6, 2, 1, 3, 1, 3), "青溪县不动产登记中心": (5, 2, 0, 3, 0, 2),
           "青溪县社会保险事业管理中心": (4, 1, 1, 2, 1, 2), "青溪县教育体育局": (4, 2, 0, 2, 0, 1)}


def f1():
    base = F1[:-4]
    wb = Workbook(); ws = wb.active; ws.title = "测评问题整改台账"
    ncol = 14
    title(ws, "A1:N1", "青溪县2025年网络安全等级保护测评发现问题整改台账")
    ws.merge_cells("A2:N2")
    ws["A2"] = "填报单位：青溪县公安局网络安全保卫大队　　　　　　　　　　　　填报时间：2025年4月28日"
    band(ws, 3, {"A": "序号", "B": "备案单位", "C": "系统名称", "D": "保护等级", "H": "安全类别", "I": "问题描述",
                 "J": "风险等级", "K": "整改措施", "L": "计划完成时间", "M": "整改状态", "N": "备注"},
         [("E", "G", "测评情况", ["测评机构", "测评结论", "测评得分"])], ncol)
    orgs = ["江西赣安信息安全测评有限公司", "临江信息安全测评中心"]
    r = 5
    for unit, urows in blocks(F1_ROWS, lambda x: x[0]):
        ustart = r
        for sysname, srows in blocks(urows, lambda x: x[1]):
            sstart = r
            score = round(R.uniform(68, 79), 2)
            for x in srows:
                ws.cell(r, 1, r - 4).alignment = CN
                for c, v in zip(range(8, 14), x[3:9]):
                    ws.cell(r, c, v)
                r += 1
            merge_down(ws, 3, sstart, r - 1, sysname); merge_down(ws, 4, sstart, r - 1, srows[0][2])
            merge_down(ws, 5, sstart, r - 1, R.choice(orgs)); merge_down(ws, 6, sstart, r - 1, "基本符合")
            merge_down(ws, 7, sstart, r - 1, score)
        merge_down(ws, 2, ustart, r - 1, unit)
    frame(ws, 3, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "说明：1.整改状态填写“已整改”“部分整改”“整改中”“未整改”，制度执行类事项填“常态化开展”；2.测评结论、测评得分为系统整体测评结果，"
                  "不代表单项问题整改情况；3.各备案单位对本单位系统问题整改负责，整改完成后报网安大队复核。")
    ws.cell(r + 1, 1, f"填表人：{person()}"); ws.cell(r + 1, 9, f"审核人：{person()}"); ws.cell(r + 1, 12, f"联系电话：0793-{R.randint(5200000, 5299999)}")
    widths(ws, [6, 18, 20, 8, 18, 10, 8, 12, 30, 8, 32, 12, 10, 8])
    # second sheet: the list of filed systems (not a ledger)
    s2 = wb.create_sheet("定级备案系统清单")
    title(s2, "A1:F1", "青溪县重要信息系统定级备案情况", 14)
    header(s2, 2, ["序号", "备案单位", "系统名称", "保护等级", "备案证明编号", "备案时间"])
    k = 3
    for unit, urows in blocks(F1_ROWS, lambda x: x[0]):
        for sysname, srows in blocks(urows, lambda x: x[1]):
            for c, v in enumerate([k - 2, unit, sysname, srows[0][2], f"36112{R.randint(10000, 99999)}-{R.randint(10000, 99999)}",
                                   f"{R.choice([2021, 2022, 2023])}年{R.randint(1, 12)}月"], 1):
                s2.cell(k, c, v)
            k += 1
    frame(s2, 2, k - 1, 6); widths(s2, [6, 26, 30, 10, 22, 12])
    tmp = tempfile.mkdtemp(prefix="h9x_")
    src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    lo_convert(src, "xls", OUT); shutil.rmtree(tmp)
    return dict(
        file=F1, kind="网络安全等级保护 测评发现问题 整改台账 over 备案单位, unit and system cells merged down, 测评情况 group band, "
                      "second sheet 定级备案系统清单, xls (BIFF8)",
        producer="县公安局网安大队(Excel → LibreOffice 'MS Excel 97')", as_of=AS_OF,
        sheets={"测评问题整改台账": dict(header_row="3-4 (merged group 测评情况 over 测评机构/测评结论/测评得分; the rest merged over both rows)",
                                         data_rows=len(F1_ROWS), columns=dict(
                problem="I (问题描述)", measure="K (整改措施; one row = one item)", deadline="L (计划完成时间)",
                status="M (整改状态)", unit="B (备案单位, merged down)", person=None, department=None, completed_on=None)),
                "定级备案系统清单": dict(header_row=2, data_rows=5, columns=None, note="not a ledger: list of filed systems")},
        status_map={"已整改": "done", "部分整改": "not done (in progress)", "整改中": "in progress", "未整改": "not started",
                    "常态化开展": "long-term (deadline 长期坚持; 说明: 制度执行类事项)"},
        notes="units = the four 备案单位 (merged down); 系统名称 (systems, merged down; the hospital has two) are not units; 测评机构 (the assessor), "
              "测评结论 基本符合 and 测评得分 are the system's assessment, not an item's state (说明 2); the 网安大队 in the meta row is the filer, "
              "not a unit; second sheet 定级备案系统清单 is a list, not a ledger; deadlines 2025.M.D text; 2025.4.30 not done is not overdue at "
              "2025-04-30; 立行立改 not done (社保中心) is overdue at both dates; 说明/填表人 rows are not data",
        counts=recount([(x[0], x[6], x[7], x[8]) for x in F1_ROWS], F1_STATE), hand=F1_HAND,
        unit_sheets={u: ["测评问题整改台账"] for u in F1_HAND})


# ================================================================== 2. 农贸市场 公共卫生间 环境卫生整治 (CSV GB18030)
F2 = "青溪县2025年城区农贸市场及公共卫生间环境卫生专项整治问题清单.csv"
F2_STATE = {"已整改": "done", "整改中": "not", "未整改": "not", "长效管理": "long"}
# (责任街道, 点位类型, 点位名称, 存在问题, 整治措施, 完成时限, 整治情况)
F2_ROWS = [
    # HAND 凤山街道: m5 done2 long1 not2 overdue@0430 1 overdue@1031 2
    ("凤山街道", "农贸市场", "凤山农贸市场", "市场内地面积水，污水横流", "疏通排水沟，每日冲洗地面", "立行立改", "已整改"),
    ("凤山街道", "农贸市场", "凤山农贸市场", "活禽宰杀区与销售区未隔离", "设置隔离设施，实行分区经营", "5月31日前", "整改中"),
    ("凤山街道", "农贸市场", "凤山农贸市场", "防鼠、防蝇设施缺失", "配齐防鼠板、灭蝇灯", "4月20日前", "整改中"),
    ("凤山街道", "公共卫生间", "凤山公园公厕", "无障碍厕位扶手损坏", "维修更换扶手", "4月25日前", "已整改"),
    ("凤山街道", "公共卫生间", "凤山公园公厕", "保洁不及时，有异味", "落实专人保洁，每日保洁不少于4次", "长期", "长效管理"),
    # HAND 滨江街道: m4 done2 long0 not2 overdue@0430 1 overdue@1031 2
    ("滨江街道", "农贸市场", "滨江综合市场", "市场周边占道经营", "清理占道摊点，规范经营秩序", "立行立改", "整改中"),
    ("滨江街道", "农贸市场", "滨江综合市场", "垃圾收集容器不足且未分类", "增设分类垃圾桶", "5月15日前", "已整改"),
    ("滨江街道", "公共卫生间", "滨江路3号公厕", "未配备洗手液、厕纸", "配齐洗手液、厕纸", "立行立改", "已整改"),
    ("滨江街道", "公共卫生间", "滨江路3号公厕", "公厕导向指示牌缺失", "在主要路口设置公厕导向牌", "6月30日前", "未整改"),
    # HAND 河东街道: m5 done1 long1 not3 overdue@0430 0 overdue@1031 2
    ("河东街道", "农贸市场", "河东菜市场", "顶棚破损漏雨", "维修更换顶棚", "9月30日前", "整改中"),
    ("河东街道", "农贸市场", "河东菜市场", "水产区地面破损积水", "重新铺设防滑地砖", "12月底前", "未整改"),
    ("河东街道", "农贸市场", "河东菜市场", "市场管理制度未上墙", "制定并公示市场管理制度", "4月15日前", "已整改"),
    ("河东街道", "公共卫生间", "河东汽车站公厕", "蹲位隔板损坏", "更换蹲位隔板", "4月30日前", "整改中"),
    ("河东街道", "公共卫生间", "河东汽车站公厕", "夜间不开放", "开放时间延长至22时", "长期", "长效管理"),
]
F2_HAND = {"凤山街道": (5, 2, 1, 2, 1, 2), "滨江街道": (4, 2, 0, 2, 1, 2), "河东街道": (5, 1, 1, 3, 0, 2)}


def f2():
    ncol = 11
    pad = lambda xs: xs + [""] * (ncol - len(xs))
    rows = [pad(["青溪县2025年城区农贸市场及公共卫生间环境卫生专项整治问题清单"]),
            pad(["牵头单位：县城市管理局（县爱卫办）", "", "", "", "", "", "", "填报时间：2025年4月29日"]),
            ["序号", "责任街道", "点位类型", "点位名称", "存在问题", "整治措施", "完成时限", "整治情况", "街道责任人", "联系电话", "备注"]]
    n = 0
    for unit, urows in blocks(F2_ROWS, lambda x: x[0]):
        boss, tel = person(), phone()
        first_u = True
        for place, prows in blocks(urows, lambda x: x[2]):
            first_p = True
            for (_, kind, _, prob, meas, dl, st) in prows:
                n += 1
                # the sheet had 责任街道 / 点位 / 责任人 merged down; WPS writes a merged cell's value on its first row only
                rows.append([str(n), unit if first_u else "", kind if first_p else "", place if first_p else "", prob, meas,
                             dl, st, boss if first_u else "", tel if first_u else "", ""])
                first_u = first_p = False
    done = sum(F2_STATE[x[6]] == "done" for x in F2_ROWS)
    rows.append(pad(["合计", "", "", "", f"共{n}个问题", "", "", f"已整改{done}个"]))
    rows.append(pad(["说明：1.完成时限均为2025年；2.整治情况填“已整改”“整改中”“未整改”，需长期保持的填“长效管理”；"
                     "3.各街道对辖区点位问题整治负总责，市场开办方、公厕管理单位具体落实。"]))
    rows.append(pad([f"填报人：{person()}", "", "", "", f"审核人：{person()}", "", "", f"联系电话：{phone()}"]))
    with open(os.path.join(OUT, F2), "w", encoding="gb18030", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(rows)
    return dict(
        file=F2, kind="农贸市场 及 公共卫生间 环境卫生 专项整治 问题清单 over 街道 (属地), CSV GB18030 (WPS) with merged cells written on "
                      "their first row only",
        producer="县城市管理局/县爱卫办(WPS 另存为 CSV, GB18030, CRLF)", as_of=AS_OF,
        sheets={F2[:-4]: dict(header_row=3, data_rows=len(F2_ROWS), columns=dict(
            problem="E (存在问题)", measure="F (整治措施; one row = one item)", deadline="G (完成时限, no year)",
            status="H (整治情况)", unit="B (责任街道; written on each 街道's first row only, blank below = same 街道)",
            person="I (街道责任人)", department=None, completed_on=None))},
        status_map={"已整改": "done", "整改中": "in progress", "未整改": "not started", "长效管理": "long-term (deadline 长期; 说明)"},
        notes="units = the three 责任街道 (说明 3: each 街道 answers for its points); the column is filled on a 街道's first row only "
              "(merged cells saved by WPS), so the blank 责任街道 cells below belong to the 街道 above; 点位名称 (markets, public toilets) "
              "are the places inspected, not units; 市场开办方/公厕管理单位 (说明) are not units; the 城管局/爱卫办 of the meta row is not a unit; "
              "完成时限 without a year are 2025 (title, 说明 1); 12月底前 = 2025-12-31; 4月30日前 not done is not overdue at 2025-04-30; "
              "立行立改 not done (滨江街道) overdue at both dates; the 合计, 说明 and 填报人 lines are not data",
        counts=recount([(x[0], x[4], x[5], x[6]) for x in F2_ROWS], F2_STATE), hand=F2_HAND,
        unit_sheets={u: [F2[:-4]] for u in F2_HAND})


# ================================================================== 3. 政务服务 好差评 差评整改 (system export xlsx)
F3 = "政务服务好差评系统_差评整改台账_导出20250429.xlsx"
F3_STATE = {"已办结": "done", "已整改": "done", "整改中": "not", "待整改": "not"}
# (部门名称, 评价时间, 事项名称, 差评内容, 整改措施, 整改时限, 整改状态)
F3_ROWS = [
    # HAND 青溪县市场监督管理局: m5 done2 long0 not3 overdue@0430 1 overdue@1031 3
    ("青溪县市场监督管理局", "2025-03-12 10:21:37", "个体工商户设立登记", "窗口人员态度生硬，解释不耐心", "对当事窗口人员批评教育，开展服务礼仪培训", "2025-03-19 18:00:00", "已办结"),
    ("青溪县市场监督管理局", "2025-04-08 15:02:11", "食品经营许可", "要求提供法定以外的材料", "清理申请材料清单，取消兜底条款", "2025-04-15 18:00:00", "已办结"),
    ("青溪县市场监督管理局", "2025-04-22 09:47:55", "企业变更登记", "网上办理系统频繁卡顿，提交失败", "报请省级系统运维单位优化系统性能", "2025-04-29 18:00:00", "整改中"),
    ("青溪县市场监督管理局", "2025-04-25 16:30:02", "股权出质登记", "一次性告知不清楚，来回跑了三趟", "修订办事指南，落实一次性告知", "2025-05-06 18:00:00", "待整改"),
    ("青溪县市场监督管理局", "2025-04-28 11:12:45", "个体工商户注销登记", "办理时间超出承诺时限", "查明超期原因，督促限时办结", "2025-05-08 18:00:00", "待整改"),
    # HAND 青溪县人力资源和社会保障局: m4 done2 long0 not2 overdue@0430 1 overdue@1031 2
    ("青溪县人力资源和社会保障局", "2025-03-05 14:18:20", "失业保险金申领", "申领流程复杂，材料多", "优化流程，推行免申即享", "2025-03-12 18:00:00", "已办结"),
    ("青溪县人力资源和社会保障局", "2025-03-27 10:05:49", "职业技能等级证书查询打印", "工作时间窗口无人", "落实AB岗制度，窗口不空岗", "2025-04-03 18:00:00", "已整改"),
    ("青溪县人力资源和社会保障局", "2025-04-16 09:33:16", "社会保障卡申领", "制卡周期长", "设立即时制卡窗口", "2025-04-23 18:00:00", "整改中"),
    ("青溪县人力资源和社会保障局", "2025-04-27 17:40:58", "就业登记", "线上提交后长时间无人审核", "明确网上办件审核时限，专人每日审核", "2025-05-07 18:00:00", "整改中"),
    # HAND 青溪县住房和城乡建设局: m4 done3 long0 not1 overdue@0430 0 overdue@1031 1
    ("青溪县住房和城乡建设局", "2025-02-20 10:44:03", "商品房预售许可", "审批时间过长", "压缩审批时限至5个工作日", "2025-02-27 18:00:00", "已办结"),
    ("青溪县住房和城乡建设局", "2025-03-18 15:27:31", "建筑工程施工许可证核发", "要求重复提交已有材料", "共享调用已有材料，不再要求重复提交", "2025-03-25 18:00:00", "已办结"),
    ("青溪县住房和城乡建设局", "2025-04-10 11:06:22", "商品房买卖合同网签备案", "咨询电话长时间无人接听", "公布咨询电话，安排专人接听", "2025-04-17 18:00:00", "已整改"),
    ("青溪县住房和城乡建设局", "2025-04-24 16:51:40", "物业服务企业备案", "窗口工作人员擅自离岗", "严格执行首问负责和离岗告知制度", "2025-05-02 18:00:00", "待整改"),
    # HAND 青溪县医疗保障局: m4 done2 long0 not2 overdue@0430 1 overdue@1031 2
    ("青溪县医疗保障局", "2025-03-03 09:15:27", "异地就医备案", "线上备案未通过且未告知原因", "完善审核意见反馈功能", "2025-03-10 18:00:00", "已办结"),
    ("青溪县医疗保障局", "2025-04-02 10:38:14", "门诊慢特病待遇认定", "认定结果等待时间长", "由每月集中认定改为每周认定", "2025-04-09 18:00:00", "整改中"),
    ("青溪县医疗保障局", "2025-04-14 14:22:09", "零星医疗费用报销", "乡镇与县级报销材料要求不一致", "统一报销材料清单", "2025-04-21 18:00:00", "已整改"),
    ("青溪县医疗保障局", "2025-04-29 08:58:36", "参保信息变更", "窗口排队时间长", "增设综合窗口，推行预约办理", "2025-05-09 18:00:00", "待整改"),
]
F3_HAND = {"青溪县市场监督管理局": (5, 2, 0, 3, 1, 3), "青溪县人力资源和社会保障局": (4, 2, 0, 2, 1, 2),
           "青溪县住房和城乡建设局": (4, 3, 0, 1, 0, 1), "青溪县医疗保障局": (4, 2, 0, 2, 1, 2)}


def f3():
    wb = Workbook(); ws = wb.active; ws.title = "差评整改台账"
    hdr = ["序号", "评价编号", "评价时间", "评价渠道", "评价等级", "事项名称", "事项编码", "办件编号", "部门名称", "部门编码",
           "差评内容", "核实情况", "整改措施", "整改时限", "整改状态", "回访时间", "回访结果", "处理人"]
    ws.append(hdr)
    chans = ["PC端", "移动端（赣服通）", "窗口评价器", "二维码评价", "12345热线"]
    dcode = {}
    for n, (unit, t, item, bad, meas, dl, st) in enumerate(F3_ROWS, 1):
        if unit not in dcode:
            dcode[unit] = f"11361123{R.randint(100000, 999999)}{R.choice('ABCDEFGH')}"
        day = t[:10].replace("-", "")
        done = F3_STATE[st] == "done"
        back = dt.datetime.fromisoformat(dl) + dt.timedelta(days=R.randint(-3, -1)) if done else None
        ws.append([n, f"HCP{day}{R.randint(100000, 999999)}", t, R.choice(chans), R.choice(["不满意", "非常不满意", "不满意"]),
                   item, f"{R.randint(10, 99)}0{R.randint(1000000, 9999999)}", f"{day}{R.randint(1000000000, 9999999999)}",
                   unit, dcode[unit], bad, "经核实，差评属实", meas, dl, st,
                   back.strftime("%Y-%m-%d %H:%M:%S") if back else "", R.choice(["满意", "基本满意", "满意"]) if back else "未回访",
                   "hcp_" + R.choice(["wangxm", "liujh", "chenyl", "zhaoqf"])])
    wb.save(os.path.join(OUT, F3))
    return dict(
        file=F3, kind="政务服务 好差评 差评整改 system export over 部门, codes (评价编号/事项编码/办件编号/部门编码), export date in the "
                      "file name, xlsx",
        producer="政务服务好差评系统(导出 xlsx, header in row 1, no title, datetimes as text)", as_of=AS_OF,
        sheets={"差评整改台账": dict(header_row=1, data_rows=len(F3_ROWS), columns=dict(
            problem="K (差评内容)", measure="M (整改措施; one 差评 = one item)", deadline="N (整改时限, text 'YYYY-MM-DD 18:00:00')",
            status="O (整改状态)", unit="I (部门名称; J 部门编码 its code)", person="R (处理人, a system login)", department=None,
            completed_on=None))},
        status_map={"已办结": "done (rectified and called back)", "已整改": "done", "整改中": "in progress", "待整改": "not started"},
        notes="units = the four 部门 of 部门名称; 事项名称 (services) and 评价渠道 are not units; 评价等级 (不满意/非常不满意), 核实情况 and "
              "回访结果 (满意/基本满意/未回访) are not states; 评价时间 and 回访时间 are not deadlines; the export date 20250429 in the file name is "
              "not a deadline; the deadline is the date part of 整改时限 (no deadline falls on an as-of day); no long-term items",
        counts=recount([(x[0], x[4], x[5], x[6]) for x in F3_ROWS], F3_STATE), hand=F3_HAND,
        unit_sheets={u: ["差评整改台账"] for u in F3_HAND})


# ================================================================== 4. 地质灾害隐患点 排查整治 (LibreOffice .ods)
F4 = "青溪县2025年地质灾害隐患点排查整治工作台账.ods"
F4_STATE = {"已完成": "done", "正在实施": "not", "未实施": "not", "持续监测": "long"}
# (乡镇, 隐患点名称, 村（组）, 灾害类型, 规模, 存在问题, 整治措施, 完成时限, 进展情况)
F4_ROWS = [
    # HAND 龙潭镇: m5 done2 long1 not2 overdue@0430 1 overdue@1031 2
    ("龙潭镇", "枫树下滑坡", "枫树村3组", "滑坡", "中型", "坡体后缘出现拉张裂缝", "设置截排水沟，裂缝夯填封闭", "2025年5月底前", "正在实施"),
    ("龙潭镇", "枫树下滑坡", "枫树村3组", "滑坡", "中型", "未安装专业监测设备", "安装裂缝计、雨量计等普适型监测设备", "2025年4月20日", "已完成"),
    ("龙潭镇", "洞口组崩塌", "洞口村1组", "崩塌", "小型", "危岩体悬空", "清除危岩体", "2025年4月15日", "正在实施"),
    ("龙潭镇", "洞口组崩塌", "洞口村1组", "崩塌", "小型", "坡脚居民未落实避险措施", "汛期落实“三查”和提前避险转移", "长期坚持", "持续监测"),
    ("龙潭镇", "塘背泥石流", "塘背村", "泥石流", "小型", "沟道堆积物堵塞", "清理沟道堆积物", "2025年3月31日", "已完成"),
    # HAND 白沙乡: m4 done1 long1 not2 overdue@0430 0 overdue@1031 2
    ("白沙乡", "上坪滑坡", "上坪村", "滑坡", "中型", "威胁户数多，工程治理难度大", "实施避险搬迁（8户32人）", "2025年三季度", "正在实施"),
    ("白沙乡", "上坪滑坡", "上坪村", "滑坡", "中型", "警示标志损毁", "重新设置警示牌", "立行立改", "已完成"),
    ("白沙乡", "坳头地面塌陷", "坳头村2组", "地面塌陷", "小型", "塌陷坑未回填", "回填塌陷坑并设置围挡", "2025年6月30日", "未实施"),
    ("白沙乡", "坳头地面塌陷", "坳头村2组", "地面塌陷", "小型", "群测群防员未做巡查记录", "汛期每日巡查并记录", "长期坚持", "持续监测"),
    # HAND 石门镇: m4 done2 long0 not2 overdue@0430 1 overdue@1031 1
    ("石门镇", "鹅公岭崩塌", "鹅公村", "崩塌", "小型", "坡面浮石松动", "设置主动防护网", "2025年4月30日", "已完成"),
    ("石门镇", "鹅公岭崩塌", "鹅公村", "崩塌", "小型", "切坡建房，坡脚距房屋不足3米", "坡脚砌筑挡土墙", "2025年10月31日", "正在实施"),
    ("石门镇", "上湾滑坡", "上湾村5组", "滑坡", "小型", "坡体后缘积水", "开挖排水沟排除积水", "立行立改", "未实施"),
    ("石门镇", "上湾滑坡", "上湾村5组", "滑坡", "小型", "未编制隐患点应急预案", "编制应急预案，发放防灾明白卡", "2025年4月10日", "已完成"),
    # HAND 高岭乡: m4 done1 long1 not2 overdue@0430 1 overdue@1031 1
    ("高岭乡", "茶园滑坡", "茶园村", "滑坡", "中型", "县道边坡失稳", "削坡减载并挂网喷浆", "2025年12月31日", "未实施"),
    ("高岭乡", "茶园滑坡", "茶园村", "滑坡", "中型", "监测预警设备离线", "维修监测设备，恢复数据传输", "2025年4月25日", "正在实施"),
    ("高岭乡", "下村泥石流", "下村", "泥石流", "小型", "沟口有居民居住", "落实汛期“三查”和雨中巡查", "长期坚持", "持续监测"),
    ("高岭乡", "下村泥石流", "下村", "泥石流", "小型", "拦挡坝淤满", "拦挡坝清淤", "2025年5月31日", "已完成"),
]
F4_HAND = {"龙潭镇": (5, 2, 1, 2, 1, 2), "白沙乡": (4, 1, 1, 2, 0, 2), "石门镇": (4, 2, 0, 2, 1, 1), "高岭乡": (4, 1, 1, 2, 1, 1)}


def f4():
    base = F4[:-4]
    wb = Workbook(); ws = wb.active; ws.title = "隐患点整治台账"
    ncol = 15
    title(ws, "A1:O1", "青溪县2025年地质灾害隐患点排查整治工作台账")
    ws.merge_cells("A2:O2")
    ws["A2"] = "填报单位：青溪县自然资源局（地质灾害防治股）　　　　　　　截至：2025年4月28日"
    band(ws, 3, {"A": "序号", "B": "统一编号", "C": "隐患点名称", "F": "灾害类型", "G": "规模等级", "J": "存在问题",
                 "K": "整治措施", "L": "完成时限", "M": "进展情况", "N": "群测群防员", "O": "备注"},
         [("D", "E", "位置", ["乡镇", "村（组）"]), ("H", "I", "威胁对象", ["户数", "人数"])], ncol)
    r = 5; k = 0
    for unit, urows in blocks(F4_ROWS, lambda x: x[0]):
        ustart = r
        for pt, prows in blocks(urows, lambda x: x[1]):
            k += 1; pstart = r
            hh = R.randint(2, 12)
            for x in prows:
                ws.cell(r, 1, r - 4).alignment = CN
                for c, v in zip(range(10, 14), x[5:9]):
                    ws.cell(r, c, v)
                r += 1
            code = f"361123{R.randint(100000, 999999)}"
            merge_down(ws, 2, pstart, r - 1, code); merge_down(ws, 3, pstart, r - 1, pt)
            merge_down(ws, 5, pstart, r - 1, prows[0][2]); merge_down(ws, 6, pstart, r - 1, prows[0][3])
            merge_down(ws, 7, pstart, r - 1, prows[0][4]); merge_down(ws, 8, pstart, r - 1, hh)
            merge_down(ws, 9, pstart, r - 1, hh * R.randint(3, 5))
            merge_down(ws, 14, pstart, r - 1, f"{person()}\n{phone()}")
        merge_down(ws, 4, ustart, r - 1, unit)
    frame(ws, 3, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "说明：1.本表由各乡镇人民政府负责整治落实并按月更新，县自然资源局汇总；2.进展情况填“已完成”“正在实施”“未实施”，"
                  "汛期巡查监测等长期性工作填“持续监测”。")
    ws.cell(r + 1, 1, f"填表人：{person()}"); ws.cell(r + 1, 10, f"审核人：{person()}"); ws.cell(r + 1, 12, "2025年4月28日")
    widths(ws, [6, 14, 14, 9, 12, 9, 8, 7, 7, 26, 30, 14, 10, 14, 8])
    ws.freeze_panes = "A5"
    tmp = tempfile.mkdtemp(prefix="h9o_")
    src = os.path.join(tmp, base + ".xlsx"); wb.save(src)
    lo_convert(src, "ods", OUT); shutil.rmtree(tmp)
    return dict(
        file=F4, kind="地质灾害隐患点 排查整治 工作台账 over 乡镇, 位置/威胁对象 group bands, town and point cells merged down, ods",
        producer="县自然资源局地灾股(Excel → LibreOffice ods)", as_of=AS_OF,
        sheets={"隐患点整治台账": dict(header_row="3-4 (merged groups 位置 over 乡镇/村（组）, 威胁对象 over 户数/人数)",
                                        data_rows=len(F4_ROWS), columns=dict(
                problem="J (存在问题)", measure="K (整治措施; one row = one item)", deadline="L (完成时限)",
                status="M (进展情况)", unit="D (乡镇, under 位置, merged down)", person="N (群测群防员, name and phone)",
                department=None, completed_on=None))},
        status_map={"已完成": "done", "正在实施": "in progress", "未实施": "not started",
                    "持续监测": "long-term (deadline 长期坚持; 说明 2)"},
        notes="units = the four 乡镇 (sub-header 乡镇 under the group 位置; merged down; 说明 1 says the 乡镇 governments rectify); "
              "隐患点名称/统一编号 (hazard points, merged down) and 村（组） are not units; 户数/人数 under 威胁对象 are numbers, not data "
              "to count; 群测群防员 are persons; the 自然资源局 of the meta row is the compiler, not a unit; 2025年三季度 = 09-30; "
              "2025年5月底前 = 05-31; 2025年10月31日 not done is not overdue at 2025-10-31; 立行立改 not done (石门镇) overdue at both",
        counts=recount([(x[0], x[6], x[7], x[8]) for x in F4_ROWS], F4_STATE), hand=F4_HAND,
        unit_sheets={u: ["隐患点整治台账"] for u in F4_HAND})


# ================================================================== 5. 农村集体经济 审计 (三资) 问题整改 (openpyxl xlsx, one sheet per village)
F5 = "白云镇2024年度村级集体经济审计发现问题整改台账.xlsx"
F5_STATE = {"是": "done", "否": "not", "部分完成": "not", "长期坚持": "long"}
# (村, 问题类型, 审计发现问题, 涉及金额（元）, 整改措施, 整改时限, 是否完成整改)
F5_ROWS = [
    # HAND 东山村: m6 done2 long1 not3 overdue@0430 0 overdue@1031 3   (row 3 enumerates two measures)
    ("东山村", "财务管理", "白条入账3笔", 6800, "补齐合规票据，无法补齐的由经手人退回款项", "2025年5月31日前", "否"),
    ("东山村", "资金管理", "村会计兼任出纳", None, "会计、出纳分设", "立行立改", "是"),
    ("东山村", "资产管理", "村集体店面出租未经民主程序", 24000, "1.重新履行“四议两公开”程序；2.店面租赁合同报镇农经站备案", "2025年6月30日前", "部分完成"),
    ("东山村", "资源管理", "集体山林发包合同未备案", None, "补办合同备案手续", "2025年3月31日前", "是"),
    ("东山村", "财务公开", "财务公开不及时、不规范", None, "每季度公开一次财务收支明细", "长期坚持", "长期坚持"),
    # HAND 西坑村: m6 done3 long0 not3 overdue@0430 1 overdue@1031 2   (row 3 enumerates three measures)
    ("西坑村", "资金管理", "大额现金支付", 15000, "严格执行非现金结算", "立行立改", "否"),
    ("西坑村", "债权债务", "应收款长期挂账未清收", 32000, "逐笔清理，落实清收责任人", "2025年12月31日前", "否"),
    ("西坑村", "工程项目", "村级工程项目未按规定比选", 86000, "1.补充项目验收资料；2.修订村级小微工程管理办法；3.严格执行比选程序", "2025年4月20日前", "是"),
    ("西坑村", "资产管理", "固定资产未登记入账", None, "全面清查并登记入账", "2025年4月30日前", "否"),
    # HAND 南岭村: m4 done2 long1 not1 overdue@0430 0 overdue@1031 1
    ("南岭村", "财务管理", "会计凭证附件不全", None, "补齐会计凭证附件", "2025年3月31日前", "是"),
    ("南岭村", "资源管理", "集体土地发包价格偏低，承包期限超过法定期限", 12000, "与承包方协商变更承包合同", "2025年9月30日前", "否"),
    ("南岭村", "民主管理", "村务监督委员会未履行监督职责", None, "村务监督委员会每月审核票据并签字", "长期坚持", "长期坚持"),
    ("南岭村", "资金管理", "专项资金用于日常开支", 20000, "归还专项资金", "2025年4月15日前", "是"),
]
F5_HAND = {"东山村": (6, 2, 1, 3, 0, 3), "西坑村": (6, 3, 0, 3, 1, 2), "南岭村": (4, 2, 1, 1, 0, 1)}


def f5():
    wb = Workbook()
    s0 = wb.active; s0.title = "汇总"
    title(s0, "A1:F1", "白云镇2024年度村级集体经济审计发现问题整改情况汇总表", 14)
    s0.merge_cells("A2:F2"); s0["A2"] = "填报单位：白云镇农村经营管理站　　　　截至：2025年4月25日"
    header(s0, 3, ["序号", "村名", "发现问题（个）", "涉及金额（元）", "已完成整改（个）", "整改率"])
    ncol = 10
    row = 4; tot = [0, 0, 0]
    for i, (unit, urows) in enumerate(blocks(F5_ROWS, lambda x: x[0]), 1):
        n = len(urows); amt = sum(x[3] or 0 for x in urows); nd = sum(x[6] == "是" for x in urows)
        for c, v in enumerate([i, unit, n, amt, nd, f"{round(100 * nd / n)}%"], 1):
            s0.cell(row, c, v)
        tot = [tot[0] + n, tot[1] + amt, tot[2] + nd]; row += 1
        ws = wb.create_sheet(unit)
        title(ws, "A1:J1", f"白云镇{unit}2024年度村级集体经济审计发现问题整改台账", 14)
        ws.merge_cells("A2:J2")
        ws["A2"] = f"被审计单位：{unit}股份经济合作社　　　审计单位：白云镇农村经营管理站　　　审计期间：2024年1月1日至2024年12月31日"
        header(ws, 3, ["序号", "问题类型", "审计发现问题", "涉及金额（元）", "整改措施", "责任人", "整改时限", "是否完成整改",
                       "整改佐证材料", "备注"])
        secretary, acct = person(), person()
        r = 4
        for k, (_, kind, prob, amt1, meas, dl, st) in enumerate(urows, 1):
            for c, v in enumerate([k, kind, prob, amt1, meas, secretary if R.random() < 0.5 else acct, dl, st,
                                   {"是": R.choice(["收据、整改报告", "会议记录、公示照片", "合同备案回执"]), "否": "",
                                    "部分完成": "村民代表会议记录", "长期坚持": "公示照片"}[st], ""], 1):
                ws.cell(r, c, v)
            ws.cell(r, 4).number_format = "#,##0"
            ws.cell(r, 1).alignment = CN
            r += 1
        ws.cell(r, 1, "合计"); ws.cell(r, 3, f"{len(urows)}个问题")
        ws.cell(r, 4, f"=SUM(D4:D{r - 1})"); ws.cell(r, 4).number_format = "#,##0"
        frame(ws, 3, r, ncol)
        ws.cell(r + 1, 1, f"村党组织书记：{secretary}　　　　村报账员：{acct}　　　　镇包村干部：{person()}")
        widths(ws, [6, 10, 28, 12, 36, 9, 16, 12, 16, 8])
        ws.freeze_panes = "A4"
    for c, v in enumerate(["合计", "", tot[0], tot[1], tot[2], f"{round(100 * tot[2] / tot[0])}%"], 1):
        s0.cell(row, c, v).font = Font(bold=True)
    frame(s0, 3, row, 6); widths(s0, [6, 12, 14, 14, 16, 10])
    s0.cell(row + 1, 1, "注：各村台账见分表；“是否完成整改”填“是”“否”“部分完成”，需长期执行的填“长期坚持”。")
    wb.save(os.path.join(OUT, F5))
    unit_sheet = {u: u for u in F5_HAND}
    return dict(
        file=F5, kind="村级集体经济 审计发现问题 整改台账 of one 镇, one sheet per 村 (unit = the sheet, named in its title) plus a 汇总 "
                      "sheet first, enumerated measure cells, 合计 row with a SUM formula, xlsx",
        producer="白云镇农村经营管理站(Excel手工, openpyxl xlsx, 4 sheets)", as_of=AS_OF,
        sheets={**{u: dict(header_row=3, data_rows=sum(x[0] == u for x in F5_ROWS), columns=dict(
            problem="C (审计发现问题)", measure="E (整改措施; 1.…；2.… = several)", deadline="G (整改时限)",
            status="H (是否完成整改)", unit=f"none: the sheet {u} (title 白云镇{u}…台账, meta 被审计单位：{u}股份经济合作社)",
            person="F (责任人)", department=None, completed_on=None)) for u in F5_HAND},
            "汇总": dict(header_row=3, data_rows=3, columns=None, note="not a ledger: per-village summary with a 合计 row")},
        status_map={"是": "done", "否": "not done", "部分完成": "not done (in part)", "长期坚持": "long-term (deadline 长期坚持; 注)"},
        notes="units = the three 村, one per sheet (sheet name and title; the meta row names the village's 股份经济合作社, the same "
              "unit); the 镇 and its 农村经营管理站 (the auditor/compiler) are not units; 责任人/书记/报账员/包村干部 are persons; 汇总 is a summary "
              "sheet, not a ledger; enumerated measure cells: 东山村 row 3 = 2 measures (both 部分完成 → not done), 西坑村 row 3 = 3 measures "
              "(是); 13 rows, 16 items; 合计 rows (with =SUM) and the signature rows are not data; 2025年4月30日前 not done (西坑村) is not "
              "overdue at 2025-04-30; 立行立改 not done (西坑村) overdue at both",
        counts=recount([(x[0], x[4], x[5], x[6]) for x in F5_ROWS], F5_STATE), hand=F5_HAND,
        unit_sheets={u: [unit_sheet[u]] for u in F5_HAND})


# ================================================================== 6. 寄递渠道 安全检查 (openpyxl xlsx, hidden columns, 合计)
F6 = "临江市邮政管理局2025年青溪县寄递渠道安全检查问题整改台账.xlsx"
F6_STATE = {"已整改": "done", "整改中": "not", "未整改": "not", "长期坚持": "long"}
# (企业名称, 网点名称, 问题类型, 存在问题, 整改要求, 整改期限, 整改结果)
F6_ROWS = [
    # HAND 中国邮政集团有限公司青溪县分公司: m4 done2 long0 not2 overdue@0430 1 overdue@1031 2
    ("中国邮政集团有限公司青溪县分公司", "城关营业部", "收寄验视", "未严格执行收寄验视制度", "落实开箱验视，验视后加贴验视标识", "立即整改", "已整改"),
    ("中国邮政集团有限公司青溪县分公司", "城关营业部", "实名收寄", "部分协议客户未登记实名信息", "补录协议客户实名信息", "5月31日前", "整改中"),
    ("中国邮政集团有限公司青溪县分公司", "河东揽投部", "过机安检", "X光安检机未开机使用", "安排专人操作安检机，做到逢包必检", "立即整改", "整改中"),
    ("中国邮政集团有限公司青溪县分公司", "河东揽投部", "从业人员", "新入职人员未参加安全培训", "开展岗前安全培训", "4月20日前", "已整改"),
    # HAND 临江市顺达速递有限公司青溪分公司: m5 done2 long1 not2 overdue@0430 1 overdue@1031 2
    ("临江市顺达速递有限公司青溪分公司", "滨江网点", "实名收寄", "未使用实名收寄信息系统录入寄件人信息", "使用实名收寄信息系统录入", "4月15日前", "未整改"),
    ("临江市顺达速递有限公司青溪分公司", "滨江网点", "禁寄物品", "收寄含锂电池物品未按规定处理", "开展禁限寄物品识别培训", "4月15日前", "已整改"),
    ("临江市顺达速递有限公司青溪分公司", "凤山网点", "场地安全", "分拣场地堆放杂物，消防通道堵塞", "清理杂物，保持通道畅通", "立即整改", "已整改"),
    ("临江市顺达速递有限公司青溪分公司", "凤山网点", "场地安全", "电动三轮车在室内充电", "设置室外集中充电区域", "6月30日前", "整改中"),
    ("临江市顺达速递有限公司青溪分公司", "凤山网点", "从业人员", "安全教育培训流于形式", "每月开展一次安全教育并留存记录", "长期", "长期坚持"),
    # HAND 青溪县韵通快递有限公司: m4 done1 long0 not3 overdue@0430 1 overdue@1031 2
    ("青溪县韵通快递有限公司", "城关网点", "过机安检", "未配备安检设备", "购置安检机或委托第三方安检", "8月31日前", "未整改"),
    ("青溪县韵通快递有限公司", "城关网点", "信息安全", "快递面单未对个人信息作隐藏处理", "使用隐私面单", "5月31日前", "已整改"),
    ("青溪县韵通快递有限公司", "城关网点", "经营许可", "末端网点未备案", "办理末端网点备案", "11月30日前", "整改中"),
    ("青溪县韵通快递有限公司", "城关网点", "收寄验视", "验视登记记录不全", "规范收寄验视登记", "4月25日前", "整改中"),
]
F6_HAND = {"中国邮政集团有限公司青溪县分公司": (4, 2, 0, 2, 1, 2), "临江市顺达速递有限公司青溪分公司": (5, 2, 1, 2, 1, 2),
           "青溪县韵通快递有限公司": (4, 1, 0, 3, 1, 2)}


def f6():
    wb = Workbook(); ws = wb.active; ws.title = "问题整改台账"
    ncol = 13
    title(ws, "A1:M1", "临江市邮政管理局2025年青溪县寄递渠道安全检查问题整改台账")
    ws.merge_cells("A2:M2")
    ws["A2"] = "检查单位：临江市邮政管理局　　　检查时间：2025年3月17日至3月21日　　　更新日期：2025年4月28日"
    header(ws, 3, ["序号", "企业名称", "网点名称", "网点地址", "检查日期", "问题类型", "存在问题", "整改要求", "整改期限",
                   "整改结果", "企业联系人", "联系电话", "备注"])
    r = 4
    roads = ["城关镇解放路", "城关镇人民路", "滨江大道", "凤山路", "河东大道"]
    for unit, urows in blocks(F6_ROWS, lambda x: x[0]):
        ustart = r
        contact, tel = person(), phone()
        for net, nrows in blocks(urows, lambda x: x[1]):
            nstart = r
            addr = f"{R.choice(roads)}{R.randint(1, 300)}号"; day = f"2025.3.{R.randint(17, 21)}"
            for x in nrows:
                ws.cell(r, 1, r - 3).alignment = CN
                for c, v in zip(range(6, 11), x[2:7]):
                    ws.cell(r, c, v)
                r += 1
            merge_down(ws, 3, nstart, r - 1, net); merge_down(ws, 4, nstart, r - 1, addr); merge_down(ws, 5, nstart, r - 1, day)
        merge_down(ws, 2, ustart, r - 1, unit); merge_down(ws, 11, ustart, r - 1, contact); merge_down(ws, 12, ustart, r - 1, tel)
    done = sum(F6_STATE[x[6]] == "done" for x in F6_ROWS)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=5)
    ws.cell(r, 1, "合计").alignment = CN
    ws.cell(r, 7, f"检查发现问题{len(F6_ROWS)}个"); ws.cell(r, 10, f"已整改{done}个")
    frame(ws, 3, r, ncol)
    ws.merge_cells(start_row=r + 1, end_row=r + 1, start_column=1, end_column=ncol)
    ws.cell(r + 1, 1, "备注：整改期限均为2025年；“立即整改”事项应在检查当日整改到位；寄递企业对所属网点问题整改负主体责任，"
                      "整改完成后将佐证材料报市局寄递渠道安全监管科。")
    ws.cell(r + 2, 1, f"经办人：{person()}"); ws.cell(r + 2, 7, f"科室负责人：{person()}")
    widths(ws, [6, 26, 12, 20, 11, 10, 30, 30, 12, 10, 10, 14, 8])
    for col in ("D", "L"):
        ws.column_dimensions[col].hidden = True
    ws.freeze_panes = "C4"
    ws.auto_filter.ref = f"A3:M{r - 1}"
    wb.save(os.path.join(OUT, F6))
    return dict(
        file=F6, kind="邮政管理 寄递渠道 安全检查 问题整改台账 over 寄递企业, enterprise and outlet cells merged down, hidden columns "
                      "(网点地址, 联系电话), 合计 row, xlsx",
        producer="市邮政管理局寄递渠道安全监管科(Excel手工, openpyxl xlsx; columns D and L hidden)", as_of=AS_OF,
        sheets={"问题整改台账": dict(header_row=3, data_rows=len(F6_ROWS), columns=dict(
            problem="G (存在问题)", measure="H (整改要求; one row = one item)", deadline="I (整改期限, no year)",
            status="J (整改结果)", unit="B (企业名称, merged down)", person="K (企业联系人)", department=None, completed_on=None))},
        status_map={"已整改": "done", "整改中": "in progress", "未整改": "not started", "长期坚持": "long-term (deadline 长期)"},
        notes="units = the three 寄递企业 of 企业名称 (merged down; 备注 says the enterprise answers for its outlets); 网点名称 (outlets, "
              "merged down) are the places inspected, not units; the 邮政管理局 of the title/meta is the inspector, not a unit; "
              "deadlines without a year are 2025 (title, meta, 备注); 立即整改 not done (邮政 河东揽投部) overdue at both dates; the "
              "合计, 备注 and 经办人 rows are not data",
        counts=recount([(x[0], x[4], x[5], x[6]) for x in F6_ROWS], F6_STATE), hand=F6_HAND,
        unit_sheets={u: ["问题整改台账"] for u in F6_HAND})


# ================================================================== 7. 保密检查 问题整改 (openpyxl xlsx, 整改责任 band with 责任科室)
F7 = "青溪县2025年度机关单位保密检查发现问题整改台账.xlsx"
F7_STATE = {"已完成": "done", "正在整改": "not", "尚未整改": "not", "长期坚持": "long"}
# (被检查单位, 问题类别, 存在问题, 整改措施, 责任科室, 整改时限, 整改情况)
F7_ROWS = [
    # HAND 青溪县发展和改革局: m6 done3 long1 not2 overdue@0430 1 overdue@1031 2   (row 2 enumerates two measures)
    ("青溪县发展和改革局", "涉密载体管理", "部分涉密文件未按规定登记", "建立涉密载体台账，逐件登记", "办公室", "立行立改", "已完成"),
    ("青溪县发展和改革局", "涉密计算机管理", "1台涉密计算机曾违规连接互联网", "一是立即断网并送县保密局技术核查；二是对相关责任人批评教育", "办公室", "立行立改", "已完成"),
    ("青溪县发展和改革局", "定密管理", "部分文件未标注密级和保密期限", "对2024年以来定密文件进行复核", "办公室", "2025年6月底前", "正在整改"),
    ("青溪县发展和改革局", "宣传教育", "保密教育培训次数不足", "每半年至少开展一次全员保密教育", "机关党委", "长期坚持", "长期坚持"),
    ("青溪县发展和改革局", "网络管理", "用非涉密办公设备处理涉密信息", "清理办公设备存储信息，设置专机专用", "信息中心", "2025年4月25日前", "正在整改"),
    # HAND 青溪县财政局: m5 done2 long0 not3 overdue@0430 0 overdue@1031 3   (row 3 enumerates two measures)
    ("青溪县财政局", "保密制度", "保密工作责任制未落实到人", "与涉密人员逐一签订保密责任书", "办公室", "2025年3月底前", "已完成"),
    ("青溪县财政局", "涉密人员管理", "涉密人员离岗未办理脱密期管理手续", "补办脱密期管理手续", "人事股", "2025年5月底前", "尚未整改"),
    ("青溪县财政局", "网络管理", "门户网站发布信息未经保密审查", "一是建立信息公开保密审查制度；二是对已发布信息全面排查", "办公室", "2025年上半年", "正在整改"),
    ("青溪县财政局", "涉密载体管理", "使用普通U盘存储工作资料", "统一配发登记U盘", "信息中心", "2025年4月20日前", "已完成"),
    # HAND 青溪县自然资源局: m4 done1 long1 not2 overdue@0430 1 overdue@1031 2
    ("青溪县自然资源局", "涉密载体管理", "涉密测绘成果资料保管不规范", "设立涉密测绘成果专柜，专人管理", "测绘地理信息股", "2025年三季度", "正在整改"),
    ("青溪县自然资源局", "涉密人员管理", "涉密人员未签订保密承诺书", "补签保密承诺书", "人事股", "立行立改", "尚未整改"),
    ("青溪县自然资源局", "宣传教育", "新进人员未进行保密教育", "新进人员上岗前开展保密教育", "办公室", "长期坚持", "长期坚持"),
    ("青溪县自然资源局", "保密检查", "未定期开展保密自查", "每季度开展一次保密自查", "办公室", "2025年4月30日前", "已完成"),
]
F7_HAND = {"青溪县发展和改革局": (6, 3, 1, 2, 1, 2), "青溪县财政局": (5, 2, 0, 3, 0, 3), "青溪县自然资源局": (4, 1, 1, 2, 1, 2)}


def f7():
    wb = Workbook(); ws = wb.active; ws.title = "整改台账"
    ncol = 11
    title(ws, "A1:K1", "青溪县2025年度机关单位保密检查发现问题整改台账")
    ws.merge_cells("A2:K2")
    ws["A2"] = f"检查单位：青溪县国家保密局　　　　填报时间：2025年4月29日　　　　联系人：{person()}　　联系电话：0793-{R.randint(5300000, 5399999)}"
    band(ws, 3, {"A": "序号", "B": "被检查单位", "C": "问题类别", "D": "存在问题", "E": "整改措施", "I": "整改时限",
                 "J": "整改情况", "K": "备注"}, [("F", "H", "整改责任", ["责任领导", "责任科室", "责任人"])], ncol)
    r = 5; seq = 0
    for unit, urows in blocks(F7_ROWS, lambda x: x[0]):
        ustart = r
        lead = "副局长 " + person()
        heads = {}
        for (_, cat, prob, meas, dept, dl, st) in urows:
            seq += 1
            ws.cell(r, 1, seq).alignment = CN
            heads.setdefault(dept, person())
            for c, v in zip(range(3, 11), [cat, prob, meas, lead, dept, heads[dept], dl, st]):
                ws.cell(r, c, v)
            r += 1
        merge_down(ws, 2, ustart, r - 1, unit)
    frame(ws, 3, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "注：1.被检查单位为整改责任主体，责任科室为单位内部具体承办科室；2.整改情况填“已完成”“正在整改”“尚未整改”，"
                  "需长期坚持的填“长期坚持”；3.涉及国家秘密的具体内容不在本表填写。")
    ws.cell(r + 1, 1, f"填表人：{person()}"); ws.cell(r + 1, 5, f"审核人：{person()}")
    widths(ws, [6, 20, 14, 28, 36, 14, 14, 9, 14, 10, 8])
    ws.freeze_panes = "A5"
    ws.print_title_rows = "3:4"
    ws.page_setup.orientation = "landscape"
    wb.save(os.path.join(OUT, F7))
    return dict(
        file=F7, kind="保密检查 发现问题 整改台账 over 机关单位 (被检查单位), 整改责任 band over 责任领导/责任科室/责任人, enumerated "
                      "一是…二是… measures, xlsx",
        producer="县国家保密局(Excel手工, openpyxl xlsx)", as_of=AS_OF,
        sheets={"整改台账": dict(header_row="3-4 (merged group 整改责任 over 责任领导/责任科室/责任人)", data_rows=len(F7_ROWS),
                                 columns=dict(problem="D (存在问题)", measure="E (整改措施; 一是…；二是… = several)",
                                              deadline="I (整改时限)", status="J (整改情况)", unit="B (被检查单位, merged down)",
                                              person="H (责任人) / F (责任领导)", department="G (责任科室: a 科室 inside the unit, NOT the unit)",
                                              completed_on=None))},
        status_map={"已完成": "done", "正在整改": "in progress", "尚未整改": "not started", "长期坚持": "long-term (deadline 长期坚持)"},
        notes="units = the three 被检查单位 (merged down; 注 1 says they are the 整改责任主体 and 责任科室 are their own offices), so "
              "责任科室 (办公室, 信息中心, 人事股 …) are not units; 责任领导/责任人 are persons; the 保密局 of the meta row is the inspector, "
              "not a unit; enumerated cells: 发改局 row 2 (2 measures, 已完成) and 财政局 row 3 (2 measures, 正在整改, due 2025年上半年 = "
              "06-30); 13 rows, 15 items; 2025年三季度 = 09-30; 2025年3月底前 = 03-31; 立行立改 not done (自然资源局) overdue at both dates",
        counts=recount([(x[0], x[3], x[5], x[6]) for x in F7_ROWS], F7_STATE), hand=F7_HAND,
        unit_sheets={u: ["整改台账"] for u in F7_HAND})


# ================================================================== 8. 农村公路 危旧桥梁 排查整治 (openpyxl xlsx, date cells, 2 sheets)
F8 = "青溪县2025年农村公路危旧桥梁安全隐患排查整治台账.xlsx"
F8_STATE = {"已完成": "done", "实施中": "not", "未启动": "not", "常态化": "long"}
# (管养单位, 路线编号, 桥梁名称, 技术状况等级, 隐患描述, 处置措施, 计划完成时间 (ISO = a date cell), 完成情况)
F8_ROWS = [
    # HAND 青溪县公路事业发展中心: m5 done3 long1 not1 overdue@0430 0 overdue@1031 1
    ("青溪县公路事业发展中心", "X012", "青溪大桥", "四类", "主梁横向裂缝宽度超限", "主梁粘贴钢板加固", "2025-09-30", "实施中"),
    ("青溪县公路事业发展中心", "X012", "青溪大桥", "四类", "伸缩缝破损", "更换伸缩缝", "2025-04-20", "已完成"),
    ("青溪县公路事业发展中心", "X015", "杨家渡桥", "三类", "桥面铺装破损", "重铺桥面铺装", "2025-05-31", "已完成"),
    ("青溪县公路事业发展中心", "X015", "杨家渡桥", "三类", "限载标志缺失", "设置限载、限高标志", "立行立改", "已完成"),
    ("青溪县公路事业发展中心", "X015", "杨家渡桥", "三类", "汛期未落实巡查", "汛期每日巡查，洪水过后开展特殊检查", "长期坚持", "常态化"),
    # HAND 桃溪镇人民政府: m4 done1 long0 not3 overdue@0430 2 overdue@1031 2
    ("桃溪镇人民政府", "Y023", "桃溪桥", "五类", "桥墩基础冲刷掏空", "拆除重建", "2025-12-31", "未启动"),
    ("桃溪镇人民政府", "Y023", "桃溪桥", "五类", "危桥未封闭交通", "设置硬隔离封闭交通，设置绕行标志", "立行立改", "实施中"),
    ("桃溪镇人民政府", "C105", "上坊桥", "三类", "护栏缺失", "增设钢筋混凝土护栏", "2025-04-15", "实施中"),
    ("桃溪镇人民政府", "C105", "上坊桥", "三类", "泄水孔堵塞", "疏通泄水孔", "2025-03-31", "已完成"),
    # HAND 金坑乡人民政府: m4 done1 long0 not3 overdue@0430 0 overdue@1031 2
    ("金坑乡人民政府", "Y031", "金坑桥", "四类", "拱圈渗水、风化", "拱圈加固并做防水处理", "2025年三季度", "实施中"),
    ("金坑乡人民政府", "Y031", "金坑桥", "四类", "桥头跳车", "处治桥头跳车", "2025-06-30", "未启动"),
    ("金坑乡人民政府", "C210", "石背桥", "三类", "桥梁未建立技术档案", "建立桥梁档案，纳入养护管理系统", "2025-04-30", "已完成"),
    ("金坑乡人民政府", "C210", "石背桥", "三类", "护栏锈蚀", "护栏除锈防腐", "2025-10-31", "实施中"),
]
F8_HAND = {"青溪县公路事业发展中心": (5, 3, 1, 1, 0, 1), "桃溪镇人民政府": (4, 1, 0, 3, 2, 2), "金坑乡人民政府": (4, 1, 0, 3, 0, 2)}


def f8():
    wb = Workbook(); ws = wb.active; ws.title = "排查整治台账"
    ncol = 13
    title(ws, "A1:M1", "青溪县2025年农村公路危旧桥梁安全隐患排查整治台账")
    ws.merge_cells("A2:M2")
    ws["A2"] = "填报单位：青溪县交通运输局（公路管理股）　　　　　　　　填报日期：2025.4.28"
    band(ws, 3, {"A": "序号", "F": "管养单位", "G": "隐患描述", "H": "处置措施", "I": "计划完成时间", "J": "完成情况",
                 "K": "责任人", "L": "联系电话", "M": "备注"},
         [("B", "E", "桥梁信息", ["路线编号", "桥梁名称", "桥梁编码", "技术状况等级"])], ncol)
    r = 5
    bridges = []
    for unit, urows in blocks(F8_ROWS, lambda x: x[0]):
        ustart = r
        boss, tel = person(), phone()
        for br, brows in blocks(urows, lambda x: x[2]):
            bstart = r
            code = f"{brows[0][1]}361123L{R.randint(1000, 9999)}"
            bridges.append((brows[0][1], br, code, brows[0][3], unit, round(R.uniform(18, 160), 1), R.choice([1978, 1985, 1992, 1996, 2003])))
            for x in brows:
                ws.cell(r, 1, r - 4).alignment = CN
                ws.cell(r, 7, x[4]); ws.cell(r, 8, x[5])
                if re.fullmatch(r"\d{4}-\d{2}-\d{2}", x[6]):
                    ws.cell(r, 9, dt.datetime.fromisoformat(x[6])).number_format = "yyyy.m.d"
                else:
                    ws.cell(r, 9, x[6])
                ws.cell(r, 10, x[7])
                r += 1
            merge_down(ws, 2, bstart, r - 1, brows[0][1]); merge_down(ws, 3, bstart, r - 1, br)
            merge_down(ws, 4, bstart, r - 1, code); merge_down(ws, 5, bstart, r - 1, brows[0][3])
        merge_down(ws, 6, ustart, r - 1, unit); merge_down(ws, 11, ustart, r - 1, boss); merge_down(ws, 12, ustart, r - 1, tel)
    frame(ws, 3, r - 1, ncol)
    ws.merge_cells(start_row=r, end_row=r, start_column=1, end_column=ncol)
    ws.cell(r, 1, "说明：县道桥梁由县公路事业发展中心负责，乡道、村道桥梁由所在乡镇人民政府负责；完成情况填“已完成”“实施中”“未启动”，"
                  "日常巡查类填“常态化”。")
    ws.cell(r + 1, 1, f"填报人：{person()}"); ws.cell(r + 1, 7, f"审核人：{person()}")
    widths(ws, [6, 9, 12, 22, 10, 22, 26, 30, 13, 10, 9, 14, 8])
    ws.freeze_panes = "A5"
    s2 = wb.create_sheet("桥梁基本信息")
    header(s2, 1, ["路线编号", "桥梁名称", "桥梁编码", "技术状况等级", "管养单位", "桥长（米）", "建成年份"])
    for i, b in enumerate(bridges, 2):
        for c, v in enumerate(b, 1):
            s2.cell(i, c, v)
    frame(s2, 1, len(bridges) + 1, 7); widths(s2, [10, 12, 22, 12, 24, 10, 10])
    wb.save(os.path.join(OUT, F8))
    return dict(
        file=F8, kind="农村公路 危旧桥梁 安全隐患 排查整治台账 over 管养单位, 桥梁信息 group band, bridge and unit cells merged down, "
                      "real date cells, second sheet 桥梁基本信息, xlsx",
        producer="县交通运输局公路管理股(Excel手工, openpyxl xlsx)", as_of=AS_OF,
        sheets={"排查整治台账": dict(header_row="3-4 (merged group 桥梁信息 over 路线编号/桥梁名称/桥梁编码/技术状况等级)",
                                      data_rows=len(F8_ROWS), columns=dict(
                problem="G (隐患描述)", measure="H (处置措施; one row = one item)", deadline="I (计划完成时间: date cells yyyy.m.d, or text)",
                status="J (完成情况)", unit="F (管养单位, merged down)", person="K (责任人)", department=None, completed_on=None)),
                "桥梁基本信息": dict(header_row=1, data_rows=6, columns=None, note="not a ledger: the bridges' register")},
        status_map={"已完成": "done", "实施中": "in progress", "未启动": "not started", "常态化": "long-term (deadline 长期坚持)"},
        notes="units = the three 管养单位 (merged down; 说明 says who answers for which bridges); 桥梁 (names, codes, 技术状况等级 四类/五类) "
              "are the things inspected, not units; 责任人 are persons; the 交通运输局 of the meta row is the filer, not a unit; 2025年三季度 "
              "= 09-30; 2025-10-31 not done (金坑乡) is not overdue at 2025-10-31; 2025-04-30 is done anyway; 立行立改 not done (桃溪镇) "
              "overdue at both dates; second sheet 桥梁基本信息 is a register, not a ledger",
        counts=recount([(x[0], x[5], x[6], x[7]) for x in F8_ROWS], F8_STATE), hand=F8_HAND,
        unit_sheets={u: ["排查整治台账"] for u in F8_HAND})


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
    nr = sum(len(t) for t in (F1_ROWS, F2_ROWS, F3_ROWS, F4_ROWS, F5_ROWS, F6_ROWS, F7_ROWS, F8_ROWS))
    for a in out:
        print(a["file"], {u: [tuple(v[d].values()) for d in AS_OF] for u, v in a["units"].items()})
    print(f"{len(out)} files, {nu} units, {2 * nu} pairs, {nr} rows, {ni} items; recount = hand count for every unit")


if __name__ == "__main__":
    main()
