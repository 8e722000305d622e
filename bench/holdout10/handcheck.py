#!/usr/bin/env python3
"""Independent read-back of holdout 10 (imports nothing from gen.py). Reopens every written file — the .xls and the
.ods through a LibreOffice round trip to xlsx in a temp dir, the CSV as UTF-8 with BOM — finds the columns by their
header words, recounts per unit by hand-written per-file rules and compares with answers.json. Prints MATCH per file
and, last, `ALL 8 MATCH` when every file matches."""
import csv, datetime, json, os, re, shutil, subprocess, sys, tempfile
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")
LAST_DAY = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}  # 2025
QUARTER_END = {"一": (3, 31), "二": (6, 30), "三": (9, 30), "四": (12, 31)}


def roundtrip(path, tmp):
    prof = tempfile.mkdtemp(prefix="h10rb_")
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
    """-> ('day', date) | ('long',) | ('now',). Every year is 2025 (titles, 说明/备注 and the as-of dates say so)."""
    if isinstance(v, datetime.datetime):
        return ("day", v.date())
    s = str(v).strip()
    if s in ("长期坚持", "长期", "常态化"):
        return ("long",)
    if s in ("立行立改", "立即整改", "即查即改"):
        return ("now",)
    for pat in (r"2025年(\d{1,2})月(\d{1,2})日前?", r"2025\.(\d{1,2})\.(\d{1,2})", r"2025-(\d{2})-(\d{2})",
                r"(\d{1,2})月(\d{1,2})日前?"):
        m = re.fullmatch(pat, s)
        if m:
            return ("day", datetime.date(2025, int(m.group(1)), int(m.group(2))))
    m = re.fullmatch(r"(?:2025年)?(\d{1,2})月(底前|底|)", s)
    if m:
        mo = int(m.group(1))
        return ("day", datetime.date(2025, mo, LAST_DAY[mo]))
    m = re.fullmatch(r"2025年([一二三四])季度", s)
    if m:
        return ("day", datetime.date(2025, *QUARTER_END[m.group(1)]))
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


def states(done, long_, not_):
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
    k = len(re.findall(r"（[1-9]）", str(text)))
    return k if k >= 2 and str(text).startswith("（1）") else 1


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


# ---------------------------------------------------------------- per-file readers
def r1(path, tmp):
    wb = openpyxl.load_workbook(path); g, nr, nc = sheet_grid(wb["整改台账"])
    assert str(g.get((3, 3))) == "检查发现问题" and str(g.get((4, 4))) == "存在问题"
    cu, cd, cs = find(g, 3, "单位", nc), find(g, 3, "完成时限", nc), find(g, 3, "整改情况", nc)
    st = states({"已整改"}, {"长期坚持"}, {"正在整改", "未整改"})
    rows = [r for r in range(5, nr + 1) if is_num(g.get((r, 1)))]
    assert any(g.get((r, 1)) == "合计" for r in range(5, nr + 1))
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in rows]


def r2(path, tmp):
    wb = openpyxl.load_workbook(roundtrip(path, tmp)); g, nr, nc = sheet_grid(wb["执法检查问题整改"])
    cu, cd, cs = find(g, 3, "司法所", nc), find(g, 3, "整改时限", nc), find(g, 3, "整改落实情况", nc)
    st = states({"已落实"}, {"常态化开展"}, {"落实中", "未落实"})
    rows = [r for r in range(4, nr + 1) if is_num(g.get((r, 1)))]
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in rows]


def r3(path, tmp):
    wb = openpyxl.load_workbook(path); g, nr, nc = sheet_grid(wb["诉前检察建议"])
    cu, cd, cs = find(g, 2, "被建议单位", nc), find(g, 2, "回复期限", nc), find(g, 2, "整改落实情况", nc)
    st = states({"已整改到位"}, {"持续整改"}, {"部分整改", "未整改"})
    rows = [r for r in range(3, nr + 1) if is_num(g.get((r, 1)))]
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in rows]


def r4(path, tmp):
    wb = openpyxl.load_workbook(roundtrip(path, tmp))
    assert wb.sheetnames == ["隐患整改台账", "检查分组"], wb.sheetnames
    g, nr, nc = sheet_grid(wb["隐患整改台账"])
    cd, cs = find(g, 3, "整改期限", nc), find(g, 3, "整改状态", nc)
    st = states({"已整改"}, {"常态化管理"}, {"整改中", "未整改"})
    out, unit = [], None
    for r in range(4, nr + 1):
        a = g.get((r, 1))
        m = re.fullmatch(r"[一二三四五六七八九十]+、(.+)", str(a or ""))
        if m:
            unit = m.group(1)
        elif is_num(a):
            out.append((unit, 1, st(g[(r, cs)]), deadline(g[(r, cd)])))
    return out


def r5(path, tmp):
    with open(path, encoding="utf-8", newline="") as fh:
        text = fh.read()
    assert text.startswith("\ufeff")
    rows = list(csv.reader(text[1:].splitlines()))
    h = rows[2]
    cu, cd, cs = h.index("接种单位"), h.index("整改时限"), h.index("整改情况")
    st = states({"已整改"}, {"长期坚持"}, {"整改中", "未整改"})
    return [(r[cu], 1, st(r[cs]), deadline(r[cd])) for r in rows[3:] if r and r[0].strip().isdigit()]


def r6(path, tmp):
    wb = openpyxl.load_workbook(path); ws = wb["评查问题整改台账"]; g, nr, nc = sheet_grid(ws)
    assert ws.column_dimensions["B"].hidden
    assert str(g.get((3, 6))) == "整改责任"
    cu, cm = find(g, 4, "责任部门", nc), find(g, 3, "整改措施", nc)
    cd, cs = find(g, 3, "整改时限", nc), find(g, 3, "整改进展", nc)
    st = states({"已完成"}, {"长期坚持"}, {"推进中", "未启动"})
    rows = [r for r in range(5, nr + 1) if is_num(g.get((r, 1))) and g.get((r, cu))]
    return [(g[(r, cu)], measures_in(g[(r, cm)]), st(g[(r, cs)]), deadline(g[(r, cd)])) for r in rows]


def r7(path, tmp):
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["隐患整治台账", "分乡镇统计"], wb.sheetnames
    g, nr, nc = sheet_grid(wb["隐患整治台账"])
    cu, cd, cs = find(g, 3, "所属乡镇", nc), find(g, 3, "整治时限", nc), find(g, 3, "整治进展", nc)
    st = states({"已销号"}, {"长期管控"}, {"整治中", "未整治"})
    rows = [r for r in range(4, nr + 1) if is_num(g.get((r, 1)))]
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in rows]


def r8(path, tmp):
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "质控汇总"
    st = states({"已改进"}, {"长期坚持"}, {"部分改进", "未改进"})
    out = []
    for name in wb.sheetnames[1:]:
        g, nr, nc = sheet_grid(wb[name])
        assert str(g.get((1, 1))).endswith(f"（{name}）")
        cd, cs = find(g, 3, "完成时限", nc), find(g, 3, "追踪评价", nc)
        out += [(name, 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in range(4, nr + 1) if is_num(g.get((r, 1)))]
    return out


RULES = {"青溪县人民武装部2025年度民兵整组检查验收发现问题整改台账.xlsx": r1,
         "青溪县司法局2025年社区矫正执法检查问题整改台账.xls": r2,
         "检察业务应用系统_诉前检察建议跟踪监督_导出20250430.xlsx": r3,
         "临江大学2025年春季学期实验室安全检查隐患整改台账.ods": r4,
         "青溪县疾控中心2025年第一季度预防接种门诊督导检查问题整改台账.csv": r5,
         "青溪县人民法院2025年第一季度案件质量评查发现问题整改台账.xlsx": r6,
         "青溪县铁路沿线安全环境隐患排查整治台账（2025年）.xlsx": r7,
         "青溪县人民医院护理部2025年3月护理质量检查问题整改追踪表.xlsx": r8}


def main():
    answers = json.load(open(os.path.join(HERE, "answers.json"), encoding="utf-8"))
    assert sorted(a["file"] for a in answers) == sorted(RULES) == sorted(os.listdir(FILES))
    ok_n = 0
    tmp = tempfile.mkdtemp(prefix="h10hc_")
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
