#!/usr/bin/env python3
"""Independent read-back of holdout 13 (imports nothing from gen.py). Reopens every written file — the .xls and the
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
    prof = tempfile.mkdtemp(prefix="h13rb_")
    try:
        subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless", "--convert-to", "xlsx",
                        "--outdir", tmp, path], check=True, capture_output=True, timeout=300)
    finally:
        shutil.rmtree(prof, ignore_errors=True)
    return os.path.join(tmp, os.path.splitext(os.path.basename(path))[0] + ".xlsx")


def grid(ws):
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


def col(g, row, word, ncol):
    hits = [c for c in range(1, ncol + 1) if str(g.get((row, c)) or "").strip() == word]
    if len(hits) != 1:
        raise SystemExit(f"handcheck: header {word!r} in row {row}: {hits}")
    return hits[0]


def deadline(v):
    """-> ('day', date) | ('long',) | ('now',). The year, when not written, is 2025 (titles, 说明, as-of dates)."""
    if isinstance(v, datetime.datetime):
        return ("day", v.date())
    if isinstance(v, datetime.date):
        return ("day", v)
    s = str(v).strip()
    if s in ("长期坚持", "长期"):
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
    m = re.fullmatch(r"(?:2025年)?(\d{1,2})月(底前|底|)", s)
    if m:
        mo = int(m.group(1))
        return ("day", datetime.date(2025, mo, LAST_DAY[mo]))
    m = re.fullmatch(r"2025年([一二三四])季度末?", s)
    if m:
        return ("day", datetime.date(2025, *QUARTER_END[m.group(1)]))
    if s == "2025年上半年":
        return ("day", datetime.date(2025, 6, 30))
    if s in ("2025年下半年", "2025年底前"):
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


def states(done, long_, not_, lead=False):
    """A state reader from three word lists; lead=True reads the leading word of a narrative (白沙镇)."""
    def f(s):
        s = str(s).strip()
        if lead:
            s = re.split(r"[。，,]", s)[0]
        if s in done:
            return "done"
        if s in long_:
            return "long"
        if s in not_:
            return "not"
        raise SystemExit(f"handcheck: state {s!r}")
    return f


def enumerated(text):
    """一是…；二是…(；三是…) -> that many measures, else one."""
    t = str(text)
    k = len(re.findall(r"(?:^|；)[一二三四五]是", t))
    return k if t.startswith("一是") and k >= 2 else 1


def data_rows(g, nr, first):
    return [r for r in range(first, nr + 1) if isinstance(g.get((r, 1)), (int, float))]


# ---------------------------------------------------------------- per-file readers
def r1(path, tmp):
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["汇总", "城关镇", "河口镇", "石门乡", "白沙镇", "龙潭乡"], wb.sheetnames
    items = []
    for town, hrow, first, words, st in (
            ("城关镇", 3, 4, ("整改措施", "整改时限", "整改进展"), states({"已完成"}, {"长期坚持"}, {"推进中"})),
            ("河口镇", 3, 4, ("整改措施", "完成时限", "是否完成"), states({"是"}, {"长期坚持"}, {"否"})),
            ("石门乡", 3, 5, ("整改措施", "时限", "整改情况"), states({"已整改"}, set(), {"正在整改", "未整改"})),
            ("白沙镇", 3, 4, ("整改举措", "整改期限", "进展情况"), states({"已完成"}, {"长期坚持"}, {"推进中"}, lead=True)),
            ("龙潭乡", 3, 4, ("整改措施", "整改时限", "整改进展"), states({"已完成"}, {"长期坚持"}, {"推进中", "未启动"}))):
        g, nr, nc = grid(wb[town])
        assert str(g[(1, 1)]).startswith(town)
        cm, cd, cs = (col(g, hrow, w, nc) for w in words)
        for r in data_rows(g, nr, first):
            items.append((town, enumerated(g[(r, cm)]), st(g[(r, cs)]), deadline(g[(r, cd)])))
    return items


def r2(path, tmp):
    wb = openpyxl.load_workbook(roundtrip(path, tmp)); g, nr, nc = grid(wb["整改台账"])
    cu, cm = col(g, 3, "被检察单位", nc), col(g, 3, "整改措施", nc)
    cd, cs = col(g, 3, "整改期限", nc), col(g, 3, "整改落实情况", nc)
    st = states({"已整改"}, {"长期坚持"}, {"整改中", "未整改"})
    return [(g[(r, cu)], enumerated(g[(r, cm)]), st(g[(r, cs)]), deadline(g[(r, cd)])) for r in data_rows(g, nr, 5)]


def r3(path, tmp):
    wb = openpyxl.load_workbook(path); g, nr, nc = grid(wb["数据列表"])
    assert str(g[(1, 1)]).startswith("导出时间")
    cu, cd, cs = col(g, 2, "所属派出所", nc), col(g, 2, "整改期限", nc), col(g, 2, "整改状态", nc)
    st = states({"已整改"}, set(), {"待审核", "核查中", "未处理", "退回重办"})
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in data_rows(g, nr, 3)]


def r4(path, tmp):
    wb = openpyxl.load_workbook(roundtrip(path, tmp))
    assert wb.sheetnames == ["整改台账", "暗访情况"], wb.sheetnames
    g, nr, nc = grid(wb["整改台账"])
    cu, cd, cs = col(g, 3, "责任部门", nc), col(g, 3, "计划完成时间", nc), col(g, 3, "整改进度", nc)
    st = states({"已完成"}, {"长期执行"}, {"正在整改", "未启动"})
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in data_rows(g, nr, 4)]


def r5(path, tmp):
    with open(path, encoding="gb18030", newline="") as fh:
        rows = list(csv.reader(fh))
    h = rows[2]
    cu, cd, cs = h.index("取水户名称"), h.index("整改时限"), h.index("整改情况")
    st = states({"已整改"}, {"长期坚持"}, {"整改中", "未整改"})
    return [(r[cu], 1, st(r[cs]), deadline(r[cd])) for r in rows[3:] if r[0].strip().isdigit()]


def r6(path, tmp):
    wb = openpyxl.load_workbook(path); ws = wb["化妆品检查整改"]; g, nr, nc = grid(ws)
    assert [c for c in "ABCDEFGHIJKLMN" if ws.column_dimensions[c].hidden] == ["D", "E"]
    cu, cd, cs = col(g, 3, "经营使用单位名称", nc), col(g, 3, "整改期限", nc), col(g, 3, "整改情况", nc)
    assert any(g.get((r, 1)) == "合计" for r in range(4, nr + 1))
    st = states({"已整改"}, {"长期坚持"}, {"限期整改中", "未整改"})
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in data_rows(g, nr, 4)]


def r7(path, tmp):
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["整改台账", "检查评分"], wb.sheetnames
    g, nr, nc = grid(wb["整改台账"])
    cu, cd, cs = col(g, 3, "村别", nc), col(g, 3, "整改时限", nc), col(g, 3, "整改情况", nc)
    assert str(g.get((3, col(g, 4, "包村领导", nc)))) == "整改责任人"
    st = states({"已整改"}, {"长期坚持"}, {"整改中", "未整改"})
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in data_rows(g, nr, 5)]


def r8(path, tmp):
    wb = openpyxl.load_workbook(path); g, nr, nc = grid(wb["Sheet1"])
    cd, cs = col(g, 3, "完成期限", nc), col(g, 3, "整改进展", nc)
    st = states({"已完成"}, {"长期坚持"}, {"正在推进", "未开展"})
    items, unit = [], None
    for r in range(4, nr + 1):
        a = g.get((r, 1))
        if isinstance(a, str) and re.fullmatch(r"[一二三四五]、\S+", a):
            unit = a.split("、", 1)[1]
        elif isinstance(a, (int, float)):
            items.append((unit, 1, st(g[(r, cs)]), deadline(g[(r, cd)])))
    return items


RULES = {"云川县2025年一季度平安建设考评反馈问题整改台账（各乡镇汇总）.xlsx": r1,
         "云川县人民检察院2025年看守所巡回检察发现问题整改落实台账.xls": r2,
         "人口信息管理系统_户籍数据质量问题核查整改_导出20250430.xlsx": r3,
         "青山区税务局2025年一季度纳税缴费服务明察暗访发现问题整改台账.ods": r4,
         "云川县2025年取用水管理专项整治问题整改台账.csv": r5,
         "青山区市场监督管理局2025年化妆品经营使用单位监督检查问题整改台账.xlsx": r6,
         "白沙镇2025年村务公开和民主管理专项检查问题整改台账.xlsx": r7,
         "云川县2025年乡镇综合文化站免费开放绩效评估反馈问题整改台账.xlsx": r8}


def main():
    answers = json.load(open(os.path.join(HERE, "answers.json"), encoding="utf-8"))
    assert sorted(a["file"] for a in answers) == sorted(RULES) == sorted(os.listdir(FILES))
    ok_n = 0
    tmp = tempfile.mkdtemp(prefix="h13hc_")
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
