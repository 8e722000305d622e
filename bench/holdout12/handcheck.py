#!/usr/bin/env python3
"""Independent read-back of holdout 12 (imports nothing from gen.py). Reopens every written file — the .xls and the
.ods through a LibreOffice round trip to xlsx in a temp dir, the CSV as GB18030 — finds the columns by their header
words, recounts per unit by hand-written per-file rules (its own deadline reader and state lists) and compares with
answers.json. Prints MATCH per file and, last, `ALL 8 MATCH` when every file matches."""
import csv, datetime, json, os, re, shutil, subprocess, sys, tempfile
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")
MONTH_END = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}  # 2025


def roundtrip(path, tmp):
    prof = tempfile.mkdtemp(prefix="h12rb_")
    try:
        subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless", "--convert-to", "xlsx",
                        "--outdir", tmp, path], check=True, capture_output=True, timeout=300)
    finally:
        shutil.rmtree(prof, ignore_errors=True)
    return os.path.join(tmp, os.path.splitext(os.path.basename(path))[0] + ".xlsx")


def grid(ws):
    """(row, col) -> value; every cell of a merged range carries its top-left value."""
    g = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                g[(c.row, c.column)] = c.value
    for mr in ws.merged_cells.ranges:
        v = g.get((mr.min_row, mr.min_col))
        for r in range(mr.min_row, mr.max_row + 1):
            for c in range(mr.min_col, mr.max_col + 1):
                g[(r, c)] = v
    return g, ws.max_row, ws.max_column


def col(g, row, word, ncol):
    hits = [c for c in range(1, ncol + 1) if str(g.get((row, c)) or "").strip() == word]
    if len(hits) != 1:
        raise SystemExit(f"handcheck: header {word!r} in row {row}: {hits}")
    return hits[0]


def due(v):
    """-> ('day', date) | ('long',) | ('now',). Every ledger here is of 2025."""
    s = str(v).strip()
    if s in ("长期坚持", "长期", "常态化"):
        return ("long",)
    if s in ("立行立改", "立即整改"):
        return ("now",)
    for pat in (r"(2025)年(\d{1,2})月(\d{1,2})日前?", r"(2025)\.(\d{1,2})\.(\d{1,2})", r"(2025)-(\d\d)-(\d\d)"):
        m = re.fullmatch(pat, s)
        if m:
            return ("day", datetime.date(2025, int(m.group(2)), int(m.group(3))))
    m = re.fullmatch(r"(\d{1,2})月(\d{1,2})日前", s)
    if m:
        return ("day", datetime.date(2025, int(m.group(1)), int(m.group(2))))
    m = re.fullmatch(r"2025年(\d{1,2})月底前?", s)
    if m:
        return ("day", datetime.date(2025, int(m.group(1)), MONTH_END[int(m.group(1))]))
    fixed = {"2025年上半年": (6, 30), "2025年下半年": (12, 31), "2025年二季度末": (6, 30), "2025年三季度": (9, 30)}
    if s in fixed:
        return ("day", datetime.date(2025, *fixed[s]))
    raise SystemExit(f"handcheck: deadline {s!r} unread")


def tally(items, dates):
    out = {}
    for unit, n, st, dl in items:
        for d in dates:
            x = out.setdefault(unit, {}).setdefault(d, {"measures": 0, "measures_done": 0, "measures_long_term": 0,
                                                        "measures_not_done": 0, "overdue": 0})
            x["measures"] += n
            if st == "done":
                x["measures_done"] += n
            elif st == "long":
                x["measures_long_term"] += n
            elif st == "not":
                x["measures_not_done"] += n
                if dl[0] == "now" or (dl[0] == "day" and dl[1] < datetime.date.fromisoformat(d)):
                    x["overdue"] += n
            else:
                raise SystemExit(f"handcheck: state {st!r}")
    return out


def states(done, long_, not_):
    def f(s):
        s = str(s).strip()
        for cat, words in (("done", done), ("long", long_), ("not", not_)):
            if s in words:
                return cat
        raise SystemExit(f"handcheck: state {s!r}")
    return f


def isnum(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


# ---------------------------------------------------------------- per-file readers
def r1(path, tmp):
    g, nr, nc = grid(openpyxl.load_workbook(path)["整改台账"])
    assert g.get((3, 7)) == "企业整改责任" and g.get((4, 7)) == "责任部门"
    cu, cd, cs = col(g, 3, "供热企业", nc), col(g, 3, "整改时限", nc), col(g, 3, "整改情况", nc)
    st = states({"已完成"}, {"长期坚持"}, {"正在整改", "列入夏季检修计划", "未整改"})
    assert any(g.get((r, 1)) == "合计" for r in range(5, nr + 1))
    return [(g[(r, cu)], 1, st(g[(r, cs)]), due(g[(r, cd)])) for r in range(5, nr + 1) if isnum(g.get((r, 1)))]


def r2(path, tmp):
    g, nr, nc = grid(openpyxl.load_workbook(roundtrip(path, tmp))["考核问题整改"])
    cu, cd, cs = col(g, 3, "厂站名称", nc), col(g, 3, "完成期限", nc), col(g, 3, "整改进度", nc)
    st = states({"已整改"}, {"长期"}, {"整改中", "未启动"})
    return [(g[(r, cu)], 1, st(g[(r, cs)]), due(g[(r, cd)])) for r in range(4, nr + 1) if isnum(g.get((r, 1)))]


def r3(path, tmp):
    with open(path, encoding="gb18030", newline="") as fh:
        rows = list(csv.reader(fh))
    h = rows[3]
    cu, cd, cs = h.index("企业名称"), h.index("整改时限"), h.index("整改情况")
    st = states({"已整改"}, {"常态化管理"}, {"整改中", "未整改", "需协调解决"})
    return [(r[cu], 1, st(r[cs]), due(r[cd])) for r in rows[4:] if r[0].strip().isdigit()]


def r4(path, tmp):
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["问题整改跟踪", "查询条件"]
    g, nr, nc = grid(wb["问题整改跟踪"])
    cu, cd, cs = col(g, 1, "机构名称", nc), col(g, 1, "计划完成日期", nc), col(g, 1, "整改状态", nc)
    st = states({"已整改"}, {"持续整改"}, {"整改中", "待验收", "未整改"})
    return [(g[(r, cu)], 1, st(g[(r, cs)]), due(g[(r, cd)])) for r in range(2, nr + 1) if isnum(g.get((r, 1)))]


def r5(path, tmp):
    wb = openpyxl.load_workbook(path); ws = wb["巡检问题整改"]
    assert [c for c in "ABCDEFGHIJKL" if ws.column_dimensions[c].hidden] == ["D", "E"]
    g, nr, nc = grid(ws)
    cu, cd, cs = col(g, 3, "使用科室", nc), col(g, 3, "计划完成时间", nc), col(g, 3, "处置进展", nc)
    st = states({"已处理"}, {"常态化"}, {"处理中", "等待配件", "未处理"})
    return [(g[(r, cu)], 1, st(g[(r, cs)]), due(g[(r, cd)])) for r in range(4, nr + 1) if isnum(g.get((r, 1)))]


def r6(path, tmp):
    g, nr, nc = grid(openpyxl.load_workbook(roundtrip(path, tmp))["整改任务台账"])
    assert g.get((3, 5)) == "责任单位"
    cu, ct = col(g, 4, "牵头单位", nc), col(g, 3, "整改任务", nc)
    cd, cs = col(g, 3, "完成时限", nc), col(g, 3, "完成情况", nc)
    st = states({"已完成"}, {"长期坚持"}, {"推进中", "未开始"})

    def items(text):
        k = len(re.findall(r"（\d+）", str(text)))
        return k if k >= 2 else 1
    return [(g[(r, cu)], items(g[(r, ct)]), st(g[(r, cs)]), due(g[(r, cd)]))
            for r in range(5, nr + 1) if isnum(g.get((r, 1))) and g.get((r, ct))]


def r7(path, tmp):
    wb = openpyxl.load_workbook(path); ws = wb["督察问题整改台账"]
    assert ws.column_dimensions["D"].hidden
    g, nr, nc = grid(ws)
    cu, cd, cs = col(g, 4, "责任股室（分局）", nc), col(g, 4, "整改期限", nc), col(g, 4, "整改情况", nc)

    def st(s):  # leading words, a note may follow after the comma
        head = str(s).split("，")[0]
        return {"已整改到位": "done", "正在整改": "not", "尚未整改": "not", "长期坚持": "long"}[head]
    return [(g[(r, cu)], 1, st(g[(r, cs)]), due(g[(r, cd)])) for r in range(5, nr + 1) if isnum(g.get((r, 1)))]


def r8(path, tmp):
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["问题整改台账", "问题统计"]
    g, nr, nc = grid(wb["问题整改台账"])
    cd, cs = col(g, 3, "整改时限", nc), col(g, 3, "整改情况", nc)
    st = states({"已完成"}, {"常态化"}, {"整改中", "未完成"})
    out, unit = [], None
    for r in range(4, nr + 1):
        a = g.get((r, 1))
        m = re.fullmatch(r"[一二三四五六]、(.+)", str(a or ""))
        if m:
            unit = m.group(1)
        elif isnum(a):
            out.append((unit, 1, st(g[(r, cs)]), due(g[(r, cd)])))
    return out


RULES = {"临江市2024—2025年采暖季供热服务质量考核反馈问题整改台账.xlsx": r1,
         "临江市水务集团有限公司2025年第一季度城镇污水处理厂运营考核问题整改台账.xls": r2,
         "青溪县2025年通信基础设施安全生产专项检查隐患整改台账.csv": r3,
         "消保管理系统_消保检查问题整改跟踪_导出20250430.xlsx": r4,
         "青溪县人民医院2025年第一季度医疗设备巡检发现问题整改台账.xlsx": r5,
         "临江师范学院本科教育教学审核评估专家反馈问题整改任务台账.ods": r6,
         "国家税务总局青溪县税务局2025年税收执法督察发现问题整改台账.xlsx": r7,
         "临江市城市发展集团有限公司2025年一季度安全生产“四不两直”暗查暗访问题整改台账.xlsx": r8}


def main():
    answers = json.load(open(os.path.join(HERE, "answers.json"), encoding="utf-8"))
    assert sorted(a["file"] for a in answers) == sorted(RULES) == sorted(os.listdir(FILES))
    ok_n = 0
    tmp = tempfile.mkdtemp(prefix="h12hc_")
    try:
        for a in answers:
            items = RULES[a["file"]](os.path.join(FILES, a["file"]), tmp)
            got = tally(items, a["as_of"])
            ok = got == a["units"]
            ok_n += ok
            print(("MATCH   " if ok else "MISMATCH"), a["file"], f"{len(items)} rows, {sum(i[1] for i in items)} items, {len(got)} units")
            if not ok:
                for u in sorted(set(got) | set(a["units"]), key=str):
                    print("   ", u, got.get(u), a["units"].get(u))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if ok_n == len(answers) == 8:
        print("ALL 8 MATCH")
    else:
        print(f"{ok_n} of {len(answers)} MATCH")
        sys.exit(1)


if __name__ == "__main__":
    main()
