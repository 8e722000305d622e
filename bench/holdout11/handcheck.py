#!/usr/bin/env python3
"""Independent read-back of holdout 11 (imports nothing from gen.py). Reopens every written file — the .xls and the
.ods through a LibreOffice round trip to xlsx in a temp dir, the CSV as GB18030 — finds the columns by their header
words, recounts per unit by hand-written per-file rules (its own deadline reader, its own state lists, its own
enumeration rule) and compares with answers.json. Prints MATCH per file and, last, `ALL 8 MATCH` when every file
matches."""
import csv, datetime, json, os, re, shutil, subprocess, sys, tempfile
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")
MONTH_END = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}  # 2025
QUARTER = {"一": 3, "二": 6, "三": 9, "四": 12}
CN_NUM = "一二三四五六七八九"


def roundtrip(path, tmp):
    prof = tempfile.mkdtemp(prefix="h11rb_")
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
    """-> ('day', date) | ('long',) | ('now',). The year, when missing, is 2025 (each file says so)."""
    if isinstance(v, datetime.datetime):
        return ("day", v.date())
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
    m = re.fullmatch(r"(?:2025年)?(\d{1,2})月底前?", s)
    if m:
        mo = int(m.group(1))
        return ("day", datetime.date(2025, mo, MONTH_END[mo]))
    m = re.fullmatch(r"2025年([一二三四])季度", s)
    if m:
        mo = QUARTER[m.group(1)]
        return ("day", datetime.date(2025, mo, MONTH_END[mo]))
    if s in ("2025年底前", "2025年年底前"):
        return ("day", datetime.date(2025, 12, 31))
    if s == "2025年上半年":
        return ("day", datetime.date(2025, 6, 30))
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
        for cat, words in (("done", done), ("long", long_), ("not", not_)):
            if s in words:
                return cat
        raise SystemExit(f"handcheck: state {s!r} in no list")
    return f


def enumerated(text):
    """Number of measures in a cell: `1.…；2.…` or `一是…；二是…` with at least two items, else 1."""
    s = str(text)
    arabic = [int(k) for k in re.findall(r"(?:^|；)(\d)\.", s)]
    chinese = [CN_NUM.index(k) + 1 for k in re.findall(r"(?:^|；)([一二三四五六七八九])是", s)]
    for seq in (arabic, chinese):
        if len(seq) >= 2 and seq == list(range(1, len(seq) + 1)):
            return len(seq)
    return 1


def numbered(g, nr, first, c=1):
    return [r for r in range(first, nr + 1) if isinstance(g.get((r, c)), (int, float)) and not isinstance(g.get((r, c)), bool)]


# ---------------------------------------------------------------- per-file readers
def r1(path, tmp):
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["整改台账", "行政处罚情况"], wb.sheetnames
    g, nr, nc = grid(wb["整改台账"])
    assert g.get((4, col(g, 5, "整改情况", nc))) == "整改落实情况"
    cu, cd, cs = col(g, 4, "被检查机构", nc), col(g, 5, "整改期限", nc), col(g, 5, "整改情况", nc)
    st = states({"已整改", "已整改到位"}, {"持续整改"}, {"整改中", "未整改"})
    rows = numbered(g, nr, 6)
    assert any(g.get((r, 1)) == "合计" for r in range(6, nr + 1))
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in rows]


def r2(path, tmp):
    wb = openpyxl.load_workbook(roundtrip(path, tmp)); g, nr, nc = grid(wb["问题整改台账"])
    cu, cm = col(g, 3, "采购人", nc), col(g, 3, "整改要求", nc)
    cd, cs = col(g, 3, "完成期限", nc), col(g, 3, "整改结果", nc)
    st = states({"已整改到位"}, {"长期坚持"}, {"正在整改", "尚未整改"})
    rows = numbered(g, nr, 4)
    return [(g[(r, cu)], enumerated(g[(r, cm)]), st(g[(r, cs)]), deadline(g[(r, cd)])) for r in rows]


def r3(path, tmp):
    with open(path, encoding="gb18030", newline="") as fh:
        rows = list(csv.reader(fh))
    h = rows[2]
    cu, cd, cs = h.index("用人单位"), h.index("整改期限"), h.index("整改情况")
    st = states({"已整改（复查合格）", "已整改"}, {"长期坚持"}, {"已整改待复查", "整改中", "未整改"})
    return [(r[cu], 1, st(r[cs]), deadline(r[cd])) for r in rows[3:] if r[0].strip().isdigit()]


def r4(path, tmp):
    wb = openpyxl.load_workbook(roundtrip(path, tmp))
    assert wb.sheetnames == ["整改台账", "考核结果"], wb.sheetnames
    g, nr, nc = grid(wb["整改台账"])
    cu, cd, cs = col(g, 3, "律师事务所", nc), col(g, 3, "整改时限", nc), col(g, 3, "整改完成情况", nc)
    assert col(g, 4, "存在问题", nc) and g.get((3, col(g, 4, "存在问题", nc))) == "检查考核情况"
    st = states({"已完成"}, {"长期坚持"}, {"部分完成", "未完成"})
    rows = numbered(g, nr, 5)
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in rows]


def r5(path, tmp):
    wb = openpyxl.load_workbook(path); g, nr, nc = grid(wb["检查问题整改记录"])
    cu, cd, cs = col(g, 1, "培训机构名称", nc), col(g, 1, "整改截止日期", nc), col(g, 1, "整改状态", nc)
    st = states({"已闭环"}, set(), {"已整改待审核", "整改中", "待整改"})
    rows = numbered(g, nr, 2)
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in rows]


def r6(path, tmp):
    wb = openpyxl.load_workbook(path); ws = wb["问题整改台账"]; g, nr, nc = grid(ws)
    assert [c for c in "ABCDEFGHIJK" if ws.column_dimensions[c].hidden] == ["C", "D"]
    cu, cd, cs = col(g, 3, "企业名称", nc), col(g, 3, "完成时限", nc), col(g, 3, "整改进展", nc)
    st = states({"已完成"}, {"常态化"}, {"推进中", "未启动"})
    rows = numbered(g, nr, 4)
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in rows]


def r7(path, tmp):
    wb = openpyxl.load_workbook(path); g, nr, nc = grid(wb["排查整治台账"])
    cu, cd, cs = col(g, 4, "权属单位", nc), col(g, 3, "整治时限", nc), col(g, 3, "整治情况", nc)
    st = states({"已整治"}, {"常态化巡查"}, {"整治中", "未整治"})
    rows = numbered(g, nr, 5)
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in rows]


def r8(path, tmp):
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["填报说明", "整改任务台账", "进度统计"], wb.sheetnames
    ws = wb["整改任务台账"]; g, nr, nc = grid(ws)
    cu, cm = col(g, 3, "牵头单位", nc), col(g, 3, "整改任务", nc)
    cd, cs = col(g, 3, "完成时限", nc), col(g, 3, "办理状态", nc)
    st = states({"已办结"}, {"长期推进"}, {"正在推进", "未启动"})
    # a data row has its own task cell; section rows (一、…) are one merged cell whose top-left is column A
    rows = [r for r in range(4, nr + 1) if ws.cell(r, cm).value not in (None, "") and ws.cell(r, cu).value]
    return [(g[(r, cu)], enumerated(g[(r, cm)]), st(g[(r, cs)]), deadline(g[(r, cd)])) for r in rows]


RULES = {"中国人民银行澧州市分行2024年度反洗钱执法检查发现问题整改台账（桐川县辖内机构）.xlsx": r1,
         "桐川县财政局2025年政府采购监督检查发现问题整改台账.xls": r2,
         "桐川县2025年用人单位职业卫生监督检查问题整改台账.csv": r3,
         "桐川县司法局2024年度律师事务所年度检查考核发现问题整改台账.ods": r4,
         "驾培监管服务平台_检查问题整改记录_导出20250430.xlsx": r5,
         "桐川县2025年危险废物规范化环境管理评估问题整改台账.xlsx": r6,
         "桐川县2025年城区窨井盖安全隐患排查整治台账.xlsx": r7,
         "桐川县创建省级双拥模范县复查反馈问题整改任务台账.xlsx": r8}


def main():
    answers = json.load(open(os.path.join(HERE, "answers.json"), encoding="utf-8"))
    assert sorted(a["file"] for a in answers) == sorted(RULES) == sorted(os.listdir(FILES))
    ok_n = 0
    tmp = tempfile.mkdtemp(prefix="h11hc_")
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
