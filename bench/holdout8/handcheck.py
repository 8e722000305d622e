#!/usr/bin/env python3
"""Independent read-back of holdout 8 (imports nothing from gen.py). Reopens every written file — the .xls and the
.ods through a LibreOffice round trip to xlsx in a temp dir, the CSV as GB18030 — finds the columns by their header
words, recounts per unit by hand-written per-file rules and compares with answers.json. Prints MATCH per file and,
last, `ALL 8 MATCH` when every file matches."""
import csv, datetime, json, os, re, shutil, subprocess, sys, tempfile
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")
LAST_DAY = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}  # 2025
QUARTER_END = {"一": (3, 31), "二": (6, 30), "三": (9, 30), "四": (12, 31)}


def roundtrip(path, tmp):
    prof = tempfile.mkdtemp(prefix="h8rb_")
    try:
        subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless", "--convert-to", "xlsx",
                        "--outdir", tmp, path], check=True, capture_output=True, timeout=300)
    finally:
        shutil.rmtree(prof, ignore_errors=True)
    return os.path.join(tmp, os.path.splitext(os.path.basename(path))[0] + ".xlsx")


def sheet_grid(ws):
    """(row, col) -> value, every cell of a merged range given its top-left value."""
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


def find(g, row, word, ncol):
    hits = [c for c in range(1, ncol + 1) if str(g.get((row, c)) or "").strip() == word]
    if len(hits) != 1:
        raise SystemExit(f"handcheck: header {word!r} in row {row}: {hits}")
    return hits[0]


def deadline(v):
    """-> ('day', date) | ('long',) | ('now',). All years 2025 (each file's title / 说明 / as-of dates say so)."""
    s = str(v).strip()
    if s in ("长期坚持", "长期", "常态化"):
        return ("long",)
    if s in ("立行立改", "立即整改"):
        return ("now",)
    for pat in (r"(\d{4})年(\d{1,2})月(\d{1,2})日前?", r"(\d{4})\.(\d{1,2})\.(\d{1,2})", r"(\d{4})/(\d{1,2})/(\d{1,2})",
                r"(\d{4})-(\d{2})-(\d{2})"):
        m = re.fullmatch(pat, s)
        if m:
            return ("day", datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    m = re.fullmatch(r"(\d{1,2})月(\d{1,2})日前", s)
    if m:
        return ("day", datetime.date(2025, int(m.group(1)), int(m.group(2))))
    m = re.fullmatch(r"2025年(\d{1,2})月(底|底前)", s)
    if m:
        mo = int(m.group(1))
        return ("day", datetime.date(2025, mo, LAST_DAY[mo]))
    m = re.fullmatch(r"(?:2025年)?([一二三四])季度末", s)
    if m:
        return ("day", datetime.date(2025, *QUARTER_END[m.group(1)]))
    if s == "2025年底前":
        return ("day", datetime.date(2025, 12, 31))
    raise SystemExit(f"handcheck: deadline {s!r} unread")


def tally(items, dates):
    """items: (unit, n, 'done'|'long'|'not', deadline) -> {unit: {date: five numbers}}"""
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


# ---------------------------------------------------------------- hand-written state rules, one per file
def st_mine(s):
    if s in ("已整改", "已整改到位"):
        return "done"
    if s == "长期坚持":
        return "long"
    if s in ("已制定方案", "未整改") or re.fullmatch(r"整改中（完成\d+%）", s):
        return "not"
    raise SystemExit(f"mine state {s!r}")


def st_simple(done, long_, not_):
    def f(s):
        s = str(s).strip()
        if s in done:
            return "done"
        if s in long_:
            return "long"
        if s in not_:
            return "not"
        raise SystemExit(f"state {s!r}")
    return f


def measures_in(text):
    parts = [p for p in re.split(r"(?:^|[；;])\s*\d+[.．、]", str(text)) if p.strip()]
    return len(parts) if re.match(r"\s*1[.．、]", str(text)) and len(parts) >= 2 else 1


def rows_of(g, nr, first, keep):
    return [r for r in range(first, nr + 1) if keep(r)]


# ---------------------------------------------------------------- per-file readers
def r1(path, tmp):
    wb = openpyxl.load_workbook(path); g, nr, nc = sheet_grid(wb["隐患整改台账"])
    cu, cd, cs = find(g, 3, "企业名称", nc), find(g, 3, "整改期限", nc), find(g, 3, "整改情况", nc)
    rows = rows_of(g, nr, 4, lambda r: isinstance(g.get((r, 1)), int))
    assert any(g.get((r, 1)) == "合计" for r in range(4, nr + 1))
    return [(g[(r, cu)], 1, st_mine(g[(r, cs)]), deadline(g[(r, cd)])) for r in rows]


def r2(path, tmp):
    wb = openpyxl.load_workbook(roundtrip(path, tmp)); g, nr, nc = sheet_grid(wb["渔船检查整改台账"])
    cu, cd, cs = find(g, 3, "所属合作社（公司）", nc), find(g, 3, "整改时限", nc), find(g, 3, "整改情况", nc)
    st = st_simple({"已整改"}, {"长期坚持"}, {"待复查", "整改中", "未整改"})
    rows = rows_of(g, nr, 4, lambda r: isinstance(g.get((r, 1)), (int, float)))
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in rows]


def r3(path, tmp):
    wb = openpyxl.load_workbook(roundtrip(path, tmp)); g, nr, nc = sheet_grid(wb["检查整改台账"])
    cu, cd, cs = find(g, 5, "场所名称", nc), find(g, 4, "整改时限", nc), find(g, 4, "整改进度", nc)
    assert str(g.get((4, cu))) == "场所基本情况"
    st = st_simple({"已完成"}, {"长期坚持"}, {"整改中", "未整改", "已制定方案"})
    rows = rows_of(g, nr, 6, lambda r: isinstance(g.get((r, 1)), (int, float)))
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in rows]


def r4(path, tmp):
    with open(path, encoding="gb18030", newline="") as fh:
        rows = list(csv.reader(fh))
    h = rows[2]
    cu, cd, cs = h.index("所属社区"), h.index("整治时限"), h.index("整治情况")
    st = st_simple({"已整治"}, {"常态化推进"}, {"整治中", "未整治"})
    return [(r[cu], 1, st(r[cs]), deadline(r[cd])) for r in rows[3:] if r[0].strip().isdigit()]


def r5(path, tmp):
    wb = openpyxl.load_workbook(path); ws = wb["问题整改台账"]; g, nr, nc = sheet_grid(ws)
    assert [c for c in "ABCDEFGHIJKLMN" if ws.column_dimensions[c].hidden] == ["D", "E", "F"]
    cu, cd, cs = find(g, 3, "招标人", nc), find(g, 3, "整改期限", nc), find(g, 3, "整改完成情况", nc)
    st = st_simple({"已整改"}, {"长期坚持"}, {"整改中", "已制定方案", "未整改"})
    rows = rows_of(g, nr, 4, lambda r: isinstance(g.get((r, 1)), int))
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in rows]


def r6(path, tmp):
    wb = openpyxl.load_workbook(path); g, nr, nc = sheet_grid(wb["整改台账"])
    cu, cm = find(g, 5, "牵头科室", nc), find(g, 4, "整改措施", nc)
    cd, cs = find(g, 4, "整改时限", nc), find(g, 4, "整改进展情况", nc)
    st = st_simple({"已完成"}, {"长期坚持"}, {"正在整改", "整改中（完成60%）", "已制定方案"})
    rows = rows_of(g, nr, 6, lambda r: isinstance(g.get((r, 1)), int))
    return [(g[(r, cu)], measures_in(g[(r, cm)]), st(g[(r, cs)]), deadline(g[(r, cd)])) for r in rows]


def r7(path, tmp):
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["汇总", "整改台账"], wb.sheetnames
    g, nr, nc = sheet_grid(wb["整改台账"])
    cu, cd, cs = find(g, 3, "运营单位", nc), find(g, 3, "整改时限", nc), find(g, 3, "整改状态", nc)
    st = st_simple({"已整改"}, {"长期坚持"}, {"整改中", "未整改", "待复查"})
    rows = rows_of(g, nr, 4, lambda r: isinstance(g.get((r, 1)), int))
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in rows]


def r8(path, tmp):
    wb = openpyxl.load_workbook(path); g, nr, nc = sheet_grid(wb["年检问题整改"])
    cu, cd, cs = find(g, 1, "幼儿园名称", nc), find(g, 1, "整改期限", nc), find(g, 1, "整改状态", nc)
    st = st_simple({"已销号"}, {"持续整改"}, {"整改中", "待审核", "未整改"})
    rows = rows_of(g, nr, 2, lambda r: isinstance(g.get((r, 1)), int))
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in rows]


RULES = {"青溪县应急管理局2025年非煤矿山安全生产执法检查隐患整改台账.xlsx": r1,
         "青溪县2025年渔业船舶安全生产大检查隐患整改台账.ods": r2,
         "青溪县宗教活动场所消防安全检查问题整改台账.xls": r3,
         "城关街道电动自行车集中充电场所排查整治台账.csv": r4,
         "青溪县2025年工程建设项目招标投标领域专项检查问题整改台账.xlsx": r5,
         "临江市住房公积金管理中心2024年度内部审计发现问题整改台账.xlsx": r6,
         "青溪县2025年体育场馆安全运营专项检查问题整改台账.xlsx": r7,
         "民办幼儿园年检管理系统_年检问题整改情况导出_20250430.xlsx": r8}


def main():
    answers = json.load(open(os.path.join(HERE, "answers.json"), encoding="utf-8"))
    assert sorted(a["file"] for a in answers) == sorted(RULES) == sorted(os.listdir(FILES))
    ok_n = 0
    tmp = tempfile.mkdtemp(prefix="h8hc_")
    try:
        for a in answers:
            items = RULES[a["file"]](os.path.join(FILES, a["file"]), tmp)
            got = tally(items, a["as_of"])
            ok = got == a["units"]
            ok_n += ok
            print(("MATCH   " if ok else "MISMATCH"), a["file"],
                  f"{len(items)} rows, {sum(i[1] for i in items)} items, {len(got)} units")
            if not ok:
                for u in sorted(set(got) | set(a["units"])):
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
