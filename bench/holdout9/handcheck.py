#!/usr/bin/env python3
"""Independent read-back of holdout 9 (imports nothing from gen.py). Reopens every written file — the .xls and the
.ods through a LibreOffice round trip to xlsx in a temp dir, the CSV as GB18030 — finds the columns by their header
words, recounts per unit by hand-written per-file rules (its own deadline reader, state lists and measure splitter)
and compares with answers.json. Prints MATCH per file and, last, `ALL 8 MATCH` when every file matches."""
import csv, datetime, json, os, re, shutil, subprocess, sys, tempfile
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")
MONTH_END = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}  # 2025
QUARTER = {"一": 3, "二": 6, "三": 9, "四": 12}


def roundtrip(path, tmp):
    prof = tempfile.mkdtemp(prefix="h9rb_")
    try:
        subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless", "--convert-to", "xlsx",
                        "--outdir", tmp, path], check=True, capture_output=True, timeout=300)
    finally:
        shutil.rmtree(prof, ignore_errors=True)
    return os.path.join(tmp, os.path.splitext(os.path.basename(path))[0] + ".xlsx")


def grid(ws):
    """(row, col) -> value, each cell of a merged range given the range's top-left value."""
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
    """-> ('day', date) | ('long',) | ('now',). A deadline without a year is 2025 (each such file says so)."""
    if isinstance(v, datetime.datetime):
        return ("day", v.date())
    s = str(v).strip()
    if s in ("长期坚持", "长期"):
        return ("long",)
    if s in ("立行立改", "立即整改"):
        return ("now",)
    m = re.fullmatch(r"(\d{4})[.\-](\d{1,2})[.\-](\d{1,2})( 18:00:00)?", s)
    if m:
        return ("day", datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    m = re.fullmatch(r"(2025年)?(\d{1,2})月(\d{1,2})日(前)?", s)
    if m:
        return ("day", datetime.date(2025, int(m.group(2)), int(m.group(3))))
    m = re.fullmatch(r"(2025年)?(\d{1,2})月底前?", s)
    if m:
        mo = int(m.group(2))
        return ("day", datetime.date(2025, mo, MONTH_END[mo]))
    m = re.fullmatch(r"2025年([一二三四])季度", s)
    if m:
        mo = QUARTER[m.group(1)]
        return ("day", datetime.date(2025, mo, MONTH_END[mo]))
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
        raise SystemExit(f"handcheck: state {s!r} not in this file's list")
    return f


def pieces(text):
    """How many measures a cell holds: 1.…；2.… or 一是…；二是… count their items, anything else is one."""
    s = str(text)
    arabic = re.findall(r"(?:^|；)(\d)\.", s)
    chinese = re.findall(r"(?:^|；)([一二三四五])是", s)
    for found, first in ((arabic, "1"), (chinese, "一")):
        if len(found) >= 2 and found[0] == first:
            return len(found)
    return 1


def is_seq(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


# ---------------------------------------------------------------- per-file readers
def r1(path, tmp):
    wb = openpyxl.load_workbook(roundtrip(path, tmp))
    assert wb.sheetnames == ["测评问题整改台账", "定级备案系统清单"], wb.sheetnames
    g, nr, nc = grid(wb["测评问题整改台账"])
    assert g.get((3, col(g, 4, "测评结论", nc))) == "测评情况"
    cu, cd, cs = col(g, 3, "备案单位", nc), col(g, 3, "计划完成时间", nc), col(g, 3, "整改状态", nc)
    st = states({"已整改"}, {"常态化开展"}, {"整改中", "部分整改", "未整改"})
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in range(5, nr + 1) if is_seq(g.get((r, 1)))]


def r2(path, tmp):
    with open(path, encoding="gb18030", newline="") as fh:
        rows = list(csv.reader(fh))
    h = rows[2]
    cu, cd, cs = h.index("责任街道"), h.index("完成时限"), h.index("整治情况")
    st = states({"已整改"}, {"长效管理"}, {"整改中", "未整改"})
    out, unit = [], None
    for r in rows[3:]:
        if not r[0].strip().isdigit():
            continue
        unit = r[cu].strip() or unit  # merged 责任街道 saved on its first row only
        out.append((unit, 1, st(r[cs]), deadline(r[cd])))
    return out


def r3(path, tmp):
    wb = openpyxl.load_workbook(path); g, nr, nc = grid(wb["差评整改台账"])
    cu, cd, cs = col(g, 1, "部门名称", nc), col(g, 1, "整改时限", nc), col(g, 1, "整改状态", nc)
    st = states({"已办结", "已整改"}, set(), {"整改中", "待整改"})
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in range(2, nr + 1) if is_seq(g.get((r, 1)))]


def r4(path, tmp):
    wb = openpyxl.load_workbook(roundtrip(path, tmp)); g, nr, nc = grid(wb["隐患点整治台账"])
    cu = col(g, 4, "乡镇", nc)
    assert g.get((3, cu)) == "位置"
    cd, cs = col(g, 3, "完成时限", nc), col(g, 3, "进展情况", nc)
    st = states({"已完成"}, {"持续监测"}, {"正在实施", "未实施"})
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in range(5, nr + 1) if is_seq(g.get((r, 1)))]


def r5(path, tmp):
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "汇总"
    st = states({"是"}, {"长期坚持"}, {"否", "部分完成"})
    out = []
    for name in wb.sheetnames[1:]:
        g, nr, nc = grid(wb[name])
        assert name in str(g.get((1, 1))), (name, g.get((1, 1)))  # the title names the village
        cm, cd, cs = col(g, 3, "整改措施", nc), col(g, 3, "整改时限", nc), col(g, 3, "是否完成整改", nc)
        out += [(name, pieces(g[(r, cm)]), st(g[(r, cs)]), deadline(g[(r, cd)])) for r in range(4, nr + 1)
                if is_seq(g.get((r, 1)))]
    return out


def r6(path, tmp):
    wb = openpyxl.load_workbook(path); ws = wb["问题整改台账"]; g, nr, nc = grid(ws)
    assert sorted(c for c, d in ws.column_dimensions.items() if d.hidden) == ["D", "L"]
    cu, cd, cs = col(g, 3, "企业名称", nc), col(g, 3, "整改期限", nc), col(g, 3, "整改结果", nc)
    st = states({"已整改"}, {"长期坚持"}, {"整改中", "未整改"})
    assert any(g.get((r, 1)) == "合计" for r in range(4, nr + 1))
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in range(4, nr + 1) if is_seq(g.get((r, 1)))]


def r7(path, tmp):
    wb = openpyxl.load_workbook(path); g, nr, nc = grid(wb["整改台账"])
    assert g.get((3, col(g, 4, "责任科室", nc))) == "整改责任"
    cu, cm = col(g, 3, "被检查单位", nc), col(g, 3, "整改措施", nc)
    cd, cs = col(g, 3, "整改时限", nc), col(g, 3, "整改情况", nc)
    st = states({"已完成"}, {"长期坚持"}, {"正在整改", "尚未整改"})
    return [(g[(r, cu)], pieces(g[(r, cm)]), st(g[(r, cs)]), deadline(g[(r, cd)])) for r in range(5, nr + 1)
            if is_seq(g.get((r, 1)))]


def r8(path, tmp):
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["排查整治台账", "桥梁基本信息"]
    g, nr, nc = grid(wb["排查整治台账"])
    cu, cd, cs = col(g, 3, "管养单位", nc), col(g, 3, "计划完成时间", nc), col(g, 3, "完成情况", nc)
    st = states({"已完成"}, {"常态化"}, {"实施中", "未启动"})
    return [(g[(r, cu)], 1, st(g[(r, cs)]), deadline(g[(r, cd)])) for r in range(5, nr + 1) if is_seq(g.get((r, 1)))]


RULES = {"青溪县2025年网络安全等级保护测评发现问题整改台账.xls": r1,
         "青溪县2025年城区农贸市场及公共卫生间环境卫生专项整治问题清单.csv": r2,
         "政务服务好差评系统_差评整改台账_导出20250429.xlsx": r3,
         "青溪县2025年地质灾害隐患点排查整治工作台账.ods": r4,
         "白云镇2024年度村级集体经济审计发现问题整改台账.xlsx": r5,
         "临江市邮政管理局2025年青溪县寄递渠道安全检查问题整改台账.xlsx": r6,
         "青溪县2025年度机关单位保密检查发现问题整改台账.xlsx": r7,
         "青溪县2025年农村公路危旧桥梁安全隐患排查整治台账.xlsx": r8}


def main():
    answers = json.load(open(os.path.join(HERE, "answers.json"), encoding="utf-8"))
    assert sorted(a["file"] for a in answers) == sorted(RULES) == sorted(os.listdir(FILES))
    ok_n = 0
    tmp = tempfile.mkdtemp(prefix="h9hc_")
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
