#!/usr/bin/env python3
"""Independent read-back of holdout 12 (imports nothing from gen.py). Reopens every written file — the .xls and the
.ods through a LibreOffice round trip to xlsx in a temp dir, the CSV as UTF-8 with BOM — finds the columns by their
header words, fills merged cells from their top-left cell, recounts per unit by hand-written per-file rules (its own
deadline reader, state lists and enumeration rule) and compares with answers.json. Prints MATCH per file and, last,
`ALL 8 MATCH` when every file matches."""
import csv, datetime, json, os, re, shutil, subprocess, sys, tempfile
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")
MONTH_END = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}  # 2025
QUARTER_END = {"一": (3, 31), "二": (6, 30), "三": (9, 30), "四": (12, 31)}


def roundtrip(path, tmp):
    prof = tempfile.mkdtemp(prefix="h12rb_")
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
    """-> ('day', date) | ('long',) | ('now',). Every year here is 2025 or written."""
    if isinstance(v, datetime.datetime):
        return ("day", v.date())
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
    m = re.fullmatch(r"(?:2025年)?(\d{1,2})月底前?", s)
    if m:
        mo = int(m.group(1))
        return ("day", datetime.date(2025, mo, MONTH_END[mo]))
    m = re.fullmatch(r"2025年([一二三四])季度末?", s)
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


def states(done, long_, not_):
    def f(s):
        s = str(s).strip()
        for cat, words in (("done", done), ("long", long_), ("not", not_)):
            if s in words:
                return cat
        raise SystemExit(f"handcheck: state {s!r}")
    return f


def count_measures(text):
    """1.…；2.… or 一是…；二是… is that many measures; anything else one."""
    t = str(text)
    nums = re.findall(r"(?:^|；)(\d)\.", t)
    cn = re.findall(r"(?:^|；)([一二三四五])是", t)
    for seq, first in ((nums, "1"), (cn, "一")):
        if len(seq) >= 2 and seq[0] == first:
            return len(seq)
    return 1


def numbered(g, nr, first):
    return [r for r in range(first, nr + 1) if isinstance(g.get((r, 1)), (int, float)) and not isinstance(g.get((r, 1)), bool)]


# ---------------------------------------------------------------- per-file readers
def r1(path, tmp):  # 热力: two-row band, unit merged down
    g, nr, nc = grid(openpyxl.load_workbook(path)["整改台账"])
    assert g.get((3, 5)) == "整改落实情况"
    cu, cd, cs = col(g, 3, "责任单位", nc), col(g, 4, "完成时限", nc), col(g, 4, "完成情况", nc)
    st = states({"已完成"}, {"长期坚持"}, {"正在推进", "未开始"})
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in numbered(g, nr, 5)]


def r2(path, tmp):  # bank export
    g, nr, nc = grid(openpyxl.load_workbook(path)["暗访问题整改"])
    cu, cd, cs = col(g, 1, "整改责任机构", nc), col(g, 1, "计划完成日期", nc), col(g, 1, "整改状态", nc)
    st = states({"已办结"}, {"持续整改"}, {"整改中", "待验收", "已退回"})
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in numbered(g, nr, 2)]


def r3(path, tmp):  # university ods: rows are numbered by merged 序号 (problem), every task row has a 牵头单位
    wb = openpyxl.load_workbook(roundtrip(path, tmp))
    assert wb.sheetnames == ["整改任务台账", "整改工作领导小组"], wb.sheetnames
    g, nr, nc = grid(wb["整改任务台账"])
    cu, cm = col(g, 3, "牵头单位", nc), col(g, 3, "整改任务", nc)
    cd, cs = col(g, 3, "完成时限", nc), col(g, 3, "进展情况", nc)
    st = states({"已完成"}, {"长期坚持"}, {"推进中", "未启动"})
    rows = [r for r in numbered(g, nr, 4) if g.get((r, cu))]
    return [(g[(r, cu)], count_measures(g[(r, cm)]), st(g[(r, cs)]), deadline(g[(r, cd)])) for r in rows]


def r4(path, tmp):  # telecom xls
    ws = openpyxl.load_workbook(roundtrip(path, tmp))["问题整改台账"]
    assert ws.column_dimensions["E"].hidden, "监理单位 column should be hidden"
    g, nr, nc = grid(ws)
    cu, cd, cs = col(g, 3, "建设单位", nc), col(g, 3, "整改期限", nc), col(g, 3, "整改情况", nc)
    st = states({"已整改"}, {"长期坚持"}, {"整改中", "未整改"})
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in numbered(g, nr, 4)]


def r5(path, tmp):  # hospital CSV
    with open(path, "rb") as fh:
        assert fh.read(3) == b"\xef\xbb\xbf"
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    h = rows[2]
    cu, cd, cs = h.index("被投诉科室"), h.index("整改时限"), h.index("整改落实情况")
    st = states({"已落实"}, {"长期坚持"}, {"落实中", "未落实"})
    return [(r[cu], 1, st(r[cs]), deadline(r[cd])) for r in rows[3:] if r[0].strip().isdigit()]


def r6(path, tmp):  # SOE: units in section rows 一、name（N个问题）
    wb = openpyxl.load_workbook(path)
    ws = wb["整改台账"]
    assert ws.column_dimensions["I"].hidden
    g, nr, nc = grid(ws)
    cd, cs = col(g, 3, "整改时限", nc), col(g, 3, "整改情况", nc)
    st = states({"已整改"}, {"长期坚持"}, {"整改中", "未整改"})
    items, unit, seen = [], None, 0
    for r in range(4, nr + 1):
        a = g.get((r, 1))
        m = re.fullmatch(r"[一二三四五六]、(.+?)（(\d+)个问题）", str(a or ""))
        if m:
            unit, want = m.group(1), int(m.group(2)); seen = 0
            continue
        if isinstance(a, int):
            seen += 1
            assert seen <= want
            items.append((unit, 1, st(g[(r, cs)]), deadline(g[(r, cd)])))
    return items


def r7(path, tmp):  # tax: date cells, units interleaved, an enumerated cell
    g, nr, nc = grid(openpyxl.load_workbook(path)["执法督察整改台账"])
    cu, cm = col(g, 3, "责任单位", nc), col(g, 3, "整改措施", nc)
    cd, cs = col(g, 3, "整改时限", nc), col(g, 3, "整改结果", nc)
    st = states({"已整改到位"}, {"长期坚持"}, {"正在整改", "尚未整改"})
    return [(g[(r, cu)], count_measures(g[(r, cm)]), st(g[(r, cs)]), deadline(g[(r, cd)])) for r in numbered(g, nr, 4)]


def r8(path, tmp):  # sewage Calc xlsx
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["扣分问题整改台账", "考核得分"], wb.sheetnames
    g, nr, nc = grid(wb["扣分问题整改台账"])
    cu, cd, cs = col(g, 3, "污水处理厂", nc), col(g, 3, "整改期限", nc), col(g, 3, "整改情况", nc)
    st = states({"已完成整改"}, {"长期坚持"}, {"正在整改", "未整改"})
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in numbered(g, nr, 4)]


RULES = {"临江市热力有限公司2024—2025年采暖季供热运行监督检查问题整改台账.xlsx": r1,
         "临江农商银行消保管理系统_服务质量暗访问题整改_导出20250430.xlsx": r2,
         "临江师范学院本科教育教学审核评估专家反馈问题整改任务台账.ods": r3,
         "2025年临江市通信建设工程安全生产专项检查发现问题整改台账.xls": r4,
         "临江市第一人民医院2025年第一季度患者投诉问题整改落实台账.csv": r5,
         "临江城市发展集团有限公司所属企业“三重一大”决策制度执行情况专项检查发现问题整改台账.xlsx": r6,
         "国家税务总局临江市江北区税务局2025年税收执法督察发现问题整改台账.xlsx": r7,
         "临江市2025年第一季度城镇污水处理厂运营绩效考核扣分问题整改台账.xlsx": r8}


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
