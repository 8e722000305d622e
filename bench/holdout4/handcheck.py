#!/usr/bin/env python3
"""Independent read-back of holdout 4: re-reads every file in files/ from its cells (the .xls and .ods through a
LibreOffice round trip to .xlsx in a temporary directory), recounts per unit and as-of date, and compares
with answers.json.  Shares no code with gen.py.  Prints MATCH or MISMATCH per file."""
import calendar, csv, datetime as dt, json, os, re, shutil, subprocess, sys, tempfile
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")
FIELDS = ["measures", "measures_done", "measures_long_term", "measures_not_done", "overdue"]
CN_Q = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}


def month_end(y, m):
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def read_due(v):
    """-> date, 'long' or 'now'."""
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    s = str(v).strip()
    if s in ("长期坚持", "长期", "常态化"):
        return "long"
    if s in ("立行立改", "立即整改"):
        return "now"
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?: \d{1,2}:\d{2}(?::\d{2})?)?", s)
    if m:
        return dt.date(*map(int, m.groups()))
    m = re.fullmatch(r"(\d{4})[./](\d{1,2})[./](\d{1,2})", s)
    if m:
        return dt.date(*map(int, m.groups()))
    m = re.fullmatch(r"(\d{4})\.(\d{1,2})", s)
    if m:
        return month_end(int(m[1]), int(m[2]))
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日前?", s)
    if m:
        return dt.date(*map(int, m.groups()))
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月(?:底|末)?前?", s)
    if m:
        return month_end(int(m[1]), int(m[2]))
    m = re.fullmatch(r"(\d{4})年(?:年)?(?:底|末)前?", s)
    if m:
        return dt.date(int(m[1]), 12, 31)
    m = re.fullmatch(r"(\d{4})年第?([一二三四1-4])季度(?:末)?", s)
    if m:
        return month_end(int(m[1]), CN_Q[m[2]])
    raise ValueError("unread deadline " + repr(s))


def enumerated(text):
    s = str(text)
    for pat in (r"(?:^|[；;。\n])\s*(\d+)[.．](?!\d)", r"(?:^|[；;。\n])\s*(\d+)、", r"[（(](\d+)[）)]"):
        nums = [int(x) for x in re.findall(pat, s)]
        if len(nums) >= 2 and nums == list(range(1, len(nums) + 1)):
            return len(nums)
    c = [ch for ch in s if ch in "①②③④⑤⑥⑦⑧⑨⑩"]
    if len(c) >= 2:
        return len(c)
    return 1


def lo_to_xlsx(path, tmp):
    prof = tempfile.mkdtemp(prefix="hc4_")
    subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless", "--convert-to", "xlsx",
                    "--outdir", tmp, path], check=True, capture_output=True, timeout=300)
    shutil.rmtree(prof, ignore_errors=True)
    return os.path.join(tmp, os.path.splitext(os.path.basename(path))[0] + ".xlsx")


def grid(ws):
    """cell values with merged ranges filled from their top-left cell."""
    g = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    for rng in ws.merged_cells.ranges:
        v = ws.cell(rng.min_row, rng.min_col).value
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if r - 1 < len(g) and c - 1 < len(g[r - 1]):
                    g[r - 1][c - 1] = v
    return g


def squash(v):
    return re.sub(r"\s+", "", str(v)) if v is not None else ""


def find_cols(g, header_words, rows=2):
    """first row holding all header_words (possibly split over that row and the next) -> (row index, {word: col})."""
    for i in range(len(g)):
        cols = {}
        for k in range(rows):
            if i + k >= len(g):
                break
            for j, v in enumerate(g[i + k]):
                w = squash(v)
                for hw in header_words:
                    if w == hw and hw not in cols:
                        cols[hw] = j
        if len(cols) == len(header_words):
            return i, cols
    raise ValueError("header not found: " + ",".join(header_words))


def add(res, unit, n, cat, due, dates):
    per = res.setdefault(unit, {d: [0, 0, 0, 0, 0] for d in dates})
    for d in dates:
        x = per[d]
        x[0] += n
        if cat == "done":
            x[1] += n
        elif cat == "long":
            x[2] += n
        else:
            x[3] += n
            if due == "now" or (isinstance(due, dt.date) and due < dt.date.fromisoformat(d)):
                x[4] += n


def ledger(g, words, unit_of, status_of, dates, res, start_after=1, measure_col=None, stop=("说明", "注", "填", "编制", "备注：")):
    hr, cols = find_cols(g, words)
    st_c, dl_c = cols[words[0]], cols[words[1]]
    for row in g[hr + start_after:]:
        if all(v is None or str(v).strip() == "" for v in row):
            continue
        first = str(row[0] or "")
        if any(first.startswith(s) for s in stop):
            continue
        if all(isinstance(v, (int, float)) for v in row if v is not None) and row[0] == 1 and row[1] == 2:
            continue  # column-number row
        if row[st_c] is None or squash(row[st_c]) in [squash(w) for w in words]:
            continue
        unit = unit_of(row, cols)
        n = enumerated(row[cols[measure_col]]) if measure_col else 1
        add(res, unit, n, status_of(squash(row[st_c])), read_due(row[dl_c]), dates)


def status_table(table):
    def f(s):
        for word in sorted(table, key=len, reverse=True):
            if s.startswith(word):
                return table[word]
        raise ValueError("unread status " + s)
    return f


def check(a, tmp):
    path = os.path.join(FILES, a["file"])
    dates = a["as_of"]
    res = {}
    name = a["file"]
    if name.endswith(".csv"):
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
        h = rows[0]
        st = status_table({"已答复待回访": "done", "回访完成": "done", "已办结": "done", "已归档": "done", "处理中": "prog",
                           "退回待审": "prog", "延期申请中": "prog", "重新交办": "prog", "待签收": "not", "待处理": "not"})
        for r in rows[1:]:
            add(res, r[h.index("承办单位")], 1, st(r[h.index("工单状态")]), read_due(r[h.index("办理时限")]), dates)
    else:
        if name.endswith((".xls", ".ods")):
            path = lo_to_xlsx(path, tmp)
        wb = openpyxl.load_workbook(path)
        if "教育和体育局" in name:
            g = grid(wb["隐患整改台账"])
            st = status_table({"已整改": "done", "已消除": "done", "正在整改": "prog", "整改中": "prog", "未整改": "not"})
            ledger(g, ["整改落实情况", "整改时限", "学校（单位）名称"], lambda r, c: squash(r[c["学校（单位）名称"]]), st, dates, res)
        elif "督查督办" in name:
            g = grid(wb.worksheets[0])
            st = status_table({"已办结": "done", "正常推进": "prog", "进度滞后": "prog", "未启动": "not", "常态化推进": "long"})

            def lead(r, c):
                s = str(r[c["责任单位"]]).strip()
                m = re.match(r"牵头单位[:：](.+?)\n", s)
                if m:
                    return m[1].strip()
                m = re.match(r"(.+?)（牵头）", s)
                if m:
                    return m[1]
                m = re.match(r"(.+?)牵头[，,]", s)
                if m:
                    return m[1]
                return s.split("\n")[0].strip()
            ledger(g, ["办理状态", "办结时限", "责任单位"], lead, st, dates, res)
        elif "内部审计" in name:
            g = grid(wb.worksheets[0])
            st = status_table({"已整改到位": "done", "已整改": "done", "整改推进中": "prog", "尚未整改": "not", "持续整改": "long"})
            ledger(g, ["整改状态", "计划完成时间", "责任单位"], lambda r, c: squash(r[c["责任单位"]]), st, dates, res, start_after=2)
        elif "生态环境保护督察" in name:
            g = grid(wb.worksheets[0])
            st = status_table({"已完成": "done", "达到序时进度": "prog", "滞后序时进度": "prog", "长期坚持": "long", "未启动": "not"})
            ledger(g, ["整改状态", "整改时限", "牵头单位"], lambda r, c: squash(r[c["牵头单位"]]), st, dates, res, start_after=2)
        elif "枫林街道" in name:
            st = status_table({"已完成": "done", "正在推进": "prog", "推进中": "prog", "长期坚持": "long", "未开始": "not"})
            for ws in wb.worksheets:
                if ws.sheet_state != "visible" or ws.title == "汇总":
                    continue
                g = grid(ws)
                label = str(g[1][0] or "")
                unit = label.split("：", 1)[1].strip() if "：" in label else ws.title
                ledger(g, ["整改情况", "完成时限", "整改措施（逐条列明）"], lambda r, c, u=unit: u, st, dates, res,
                       measure_col="整改措施（逐条列明）")
        elif "煤矿" in name:
            g = grid(wb.worksheets[0])
            st = status_table({"已整改": "done", "已验收": "done", "整改中": "prog", "待整改": "not", "逾期未改": "not"})
            ledger(g, ["整改状态", "整改期限", "责任部门"], lambda r, c: [p.strip() for p in str(r[c["责任部门"]]).split(">")][1],
                   st, dates, res)
        else:
            raise ValueError("no reader for " + name)
    got = {u: {d: dict(zip(FIELDS, v)) for d, v in per.items()} for u, per in res.items()}
    return got


def main():
    answers = json.load(open(os.path.join(HERE, "answers.json"), encoding="utf-8"))
    tmp = tempfile.mkdtemp(prefix="hc4rb_")
    bad = 0; pairs = 0
    try:
        for a in answers:
            got = check(a, tmp)
            ok = got == a["units"]
            pairs += len(a["units"]) * len(a["as_of"])
            print(("MATCH    " if ok else "MISMATCH ") + a["file"] + f"  ({len(got)} units)")
            if not ok:
                bad += 1
                for u in sorted(set(got) | set(a["units"])):
                    if got.get(u) != a["units"].get(u):
                        print("   ", u, "read", got.get(u), "\n     answers", a["units"].get(u))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{len(answers) - bad}/{len(answers)} files match, {pairs} unit-date pairs")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
