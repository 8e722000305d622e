#!/usr/bin/env python3
"""Independent read-back of holdout 15 (imports nothing from gen.py). Reopens every written file — the .xls and the
.ods through a LibreOffice round trip to xlsx in a temp dir, the CSV as UTF-8 with BOM — finds the columns by their
header words, recounts per unit by hand-written per-file rules (its own deadline reader and state lists) and compares
with answers.json. Prints MATCH per file and, last, `ALL 8 MATCH` when every file matches."""
import csv, datetime, json, os, re, shutil, subprocess, sys, tempfile
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")
MONTH_END = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}  # 2025
CN_Q = {"一": 3, "二": 6, "三": 9, "四": 12}


def roundtrip(path, tmp):
    prof = tempfile.mkdtemp(prefix="h15rb_")
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


def due(v):
    """-> ('day', date) | ('long',) | ('now',). A year left out is 2025 (the files' titles / 说明 say so)."""
    if isinstance(v, datetime.datetime):
        return ("day", v.date())
    if isinstance(v, datetime.date):
        return ("day", v)
    s = str(v).strip()
    if s in ("长期坚持", "长期", "常态化"):
        return ("long",)
    if s in ("立行立改", "立即整改"):
        return ("now",)
    m = re.fullmatch(r"(2025)(?:年|\.|-)(\d{1,2})(?:月|\.|-)(\d{1,2})日?前?", s)
    if m:
        return ("day", datetime.date(2025, int(m.group(2)), int(m.group(3))))
    m = re.fullmatch(r"(\d{1,2})月(\d{1,2})日前", s)
    if m:
        return ("day", datetime.date(2025, int(m.group(1)), int(m.group(2))))
    m = re.fullmatch(r"(?:2025年)?(\d{1,2})月底前?", s)
    if m:
        mo = int(m.group(1))
        return ("day", datetime.date(2025, mo, MONTH_END[mo]))
    m = re.fullmatch(r"2025年([一二三四])季度末?", s)
    if m:
        mo = CN_Q[m.group(1)]
        return ("day", datetime.date(2025, mo, MONTH_END[mo]))
    if s == "2025年上半年":
        return ("day", datetime.date(2025, 6, 30))
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
        if s in done:
            return "done"
        if s in long_:
            return "long"
        if s in not_:
            return "not"
        raise SystemExit(f"handcheck: state {s!r}")
    return f


def n_measures(text):
    t = str(text)
    parts = re.findall(r"(?:^|[；;])\s*(\d+)[.．、]", t)
    return len(parts) if len(parts) >= 2 and parts[0] == "1" else 1


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


# ---------------------------------------------------------------- per-file readers
def r1(path, tmp):
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["汇总", "城关镇", "青石镇", "白沙乡", "河东街道"], wb.sheetnames
    spec = {  # sheet: (header row of 时限/状态, deadline word, state word, first data row, data-row test, states)
        "城关镇": (3, "完成时限", "整改情况", 4, is_num, states({"已完成"}, {"长期坚持"}, {"正在整改"})),
        "青石镇": (3, "整改期限", "进展情况", 4, is_num, states({"已整改"}, {"常态化推进"}, {"推进中", "未启动"})),
        "白沙乡": (4, "时限", "完成情况", 5, is_num, states({"完成"}, set(), {"未完成"})),
        "河东街道": (3, "整改时限", "是否完成", 4, lambda v: bool(re.fullmatch(r"HD-\d+", str(v or ""))),
                   states({"是"}, set(), {"否"})),
    }
    items = []
    for sheet, (hr, wd, ws_, first, test, st) in spec.items():
        g, nr, nc = grid(wb[sheet])
        assert sheet in str(g.get((1, 1))) and sheet in str(g.get((2, 1))), sheet  # title and 填报单位 name the unit
        cd, cs = col(g, hr, wd, nc), col(g, hr, ws_, nc)
        for r in range(first, nr + 1):
            if test(g.get((r, 1))):
                items.append((sheet, 1, st(g[(r, cs)]), due(g[(r, cd)])))
    return items


def r2(path, tmp):
    wb = openpyxl.load_workbook(roundtrip(path, tmp)); g, nr, nc = grid(wb["整改台账"])
    cd, cs = col(g, 3, "整改时限", nc), col(g, 3, "整改进展", nc)
    st = states({"已整改"}, {"长期坚持"}, {"正在整改", "未整改"})
    items, unit, seen_total = [], None, False
    for r in range(4, nr + 1):
        a = g.get((r, 1))
        m = re.fullmatch(r"[一二三四五六七八九十]+、(.+?)（\d+个）", str(a or ""))
        if m:
            unit = m.group(1)
        elif is_num(a):
            items.append((unit, 1, st(g[(r, cs)]), due(g[(r, cd)])))
        elif a == "合计":
            seen_total = True
            break
    assert seen_total
    return items


def r3(path, tmp):
    wb = openpyxl.load_workbook(path); ws = wb["问题整改台账"]; g, nr, nc = grid(ws)
    assert ws.column_dimensions["C"].hidden and str(g[(3, 3)]) == "统一社会信用代码"
    cu, cd, cs = col(g, 3, "加油站名称", nc), col(g, 3, "整改时限", nc), col(g, 3, "整改结果", nc)
    st = states({"已整改"}, {"长期坚持"}, {"整改中", "未整改"})
    return [(g[(r, cu)], 1, st(g[(r, cs)]), due(g[(r, cd)])) for r in range(4, nr + 1) if is_num(g.get((r, 1)))]


def r4(path, tmp):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    h = rows[2]
    cu, cd, cs = h.index("被检查机构"), h.index("整改期限"), h.index("整改情况")
    same = {"农行岚溪县支行": "中国农业银行岚溪县支行", "邮储银行岚溪县支行": "中国邮政储蓄银行岚溪县支行",
            "岚溪农商行": "岚溪农村商业银行"}
    st = states({"已整改"}, {"长期坚持"}, {"整改中", "未整改"})
    return [(same.get(r[cu], r[cu]), 1, st(r[cs]), due(r[cd])) for r in rows[3:] if r and r[0].strip().isdigit()]


def r5(path, tmp):
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["检查问题整改", "查询条件"]
    g, nr, nc = grid(wb["检查问题整改"])
    cu, cd, cs = col(g, 1, "经营单位名称", nc), col(g, 1, "整改期限", nc), col(g, 1, "整改状态", nc)
    st = states({"已销号"}, set(), {"整改中", "待核查", "未整改"})
    return [(g[(r, cu)], 1, st(g[(r, cs)]), due(g[(r, cd)])) for r in range(2, nr + 1) if str(g.get((r, 1)) or "").isdigit()]


def r6(path, tmp):
    wb = openpyxl.load_workbook(roundtrip(path, tmp)); g, nr, nc = grid(wb["问题整改台账"])
    assert str(g[(3, 5)]) == "整改责任"
    cu, cm = col(g, 4, "责任部门", nc), col(g, 3, "整改措施", nc)
    cd, cs = col(g, 3, "完成时限", nc), col(g, 3, "整改进展", nc)
    st = states({"已完成"}, {"长期坚持"}, {"整改中", "未完成"})
    return [(g[(r, cu)], n_measures(g[(r, cm)]), st(g[(r, cs)]), due(g[(r, cd)]))
            for r in range(5, nr + 1) if is_num(g.get((r, 1))) and g.get((r, cm))]


def r7(path, tmp):
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["整改台账", "检查企业名单"]
    ws = wb["整改台账"]; g, nr, nc = grid(ws)
    assert ws.column_dimensions["C"].hidden
    assert [str(g[(3, c)]) for c in (2, 5, 7)] == ["企业信息", "检查情况", "整改落实"]
    cu, cd, cs = col(g, 4, "企业名称", nc), col(g, 4, "整改时限", nc), col(g, 4, "整改情况", nc)
    st = states({"已整改"}, {"长期坚持"}, {"整改中", "未整改"})
    assert any(g.get((r, 1)) == "合计" for r in range(5, nr + 1))
    return [(g[(r, cu)], 1, st(g[(r, cs)]), due(g[(r, cd)])) for r in range(5, nr + 1) if is_num(g.get((r, 1)))]


def r8(path, tmp):
    wb = openpyxl.load_workbook(path); g, nr, nc = grid(wb["隐患整改台账"])
    cu, cd, cs = col(g, 3, "管理单位", nc), col(g, 3, "整改时限", nc), col(g, 3, "整改情况", nc)
    st = states({"已整改"}, {"长期坚持"}, {"正在整改", "未整改"})
    return [(g[(r, cu)], 1, st(g[(r, cs)]), due(g[(r, cd)])) for r in range(4, nr + 1) if is_num(g.get((r, 1)))]


RULES = {"岚溪县乡镇（街道）退役军人服务站规范化建设评估反馈问题整改台账.xlsx": r1,
         "岚溪县2025年松材线虫病疫情防控督导检查发现问题整改台账.xls": r2,
         "岚溪县2025年成品油零售企业安全生产检查问题整改台账.xlsx": r3,
         "岚溪县银行业金融机构人民币现金服务检查问题整改台账.csv": r4,
         "农药经营监管平台_监督检查问题整改_导出20250430.xlsx": r5,
         "岚溪县烟草专卖局（营销部）2025年内部专卖管理监督检查发现问题整改台账.ods": r6,
         "岚溪县2025年机动车维修企业安全生产和经营行为检查问题整改台账.xlsx": r7,
         "岚溪县气象局2025年人工影响天气作业站点安全检查隐患整改台账.xlsx": r8}


def main():
    answers = json.load(open(os.path.join(HERE, "answers.json"), encoding="utf-8"))
    assert sorted(a["file"] for a in answers) == sorted(RULES) == sorted(os.listdir(FILES))
    ok_n = 0
    tmp = tempfile.mkdtemp(prefix="h15hc_")
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
