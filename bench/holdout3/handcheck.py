#!/usr/bin/env python3
"""Independent read-back of files 1, 4 and 5 from their cells (shares no code with gen.py); prints MATCH/DIFF."""
import csv, datetime as dt, json, os, re, calendar
from openpyxl import load_workbook
H = os.path.dirname(os.path.abspath(__file__)); F = os.path.join(H, "files")
ans = {a["file"]: a for a in json.load(open(os.path.join(H, "answers.json"), encoding="utf-8"))}

def eom(y, m): return dt.date(y, m, calendar.monthrange(y, m)[1])
def due(v):
    if isinstance(v, dt.datetime): return v.date()
    s = str(v).strip()
    if s in ("长期坚持", "常态化", "长期"): return "LT"
    if s in ("立行立改", "立即整改"): return "IMM"
    m = re.match(r"(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})", s)
    if m: return dt.date(*map(int, m.groups()))
    m = re.match(r"(\d{4})年第?([一二三四])季度", s)
    if m: q = "一二三四".index(m.group(2)) + 1; return eom(int(m.group(1)), 3 * q)
    m = re.match(r"(\d{4})年(\d{1,2})月", s)
    if m: return eom(int(m.group(1)), int(m.group(2)))
    raise ValueError(s)
def cat(s):
    s = str(s)
    if s.startswith("已完成并长期坚持") or s.startswith("长期"): return "long"
    if s[:3] in ("已完成", "已整改", "已办结", "已归档"): return "done"
    if s in ("整改中", "部分完成", "正在推进", "未完成", "办理中", "重办中"): return "prog"
    if s in ("未启动", "未开始", "待签收"): return "not"
    raise ValueError(s)
def nitems(t):
    for pat in (r"(?:^|[；;])\s*\d[.、]", r"[一二三四五]是", r"[①②③④⑤]", r"[(（]\d[)）]"):
        k = len(re.findall(pat, t))
        if k >= 2: return k
    return 1
def tally(rows, dates):
    out = {}
    for u, n, c, d in rows:
        for a in dates:
            x = out.setdefault(u, {}).setdefault(a, dict(measures=0, measures_done=0, measures_long_term=0, measures_not_done=0, overdue=0))
            x["measures"] += n
            if c == "done": x["measures_done"] += n
            elif c == "long": x["measures_long_term"] += n
            else:
                x["measures_not_done"] += n
                if d == "IMM" or (isinstance(d, dt.date) and d < dt.date.fromisoformat(a)): x["overdue"] += n
    return out
def report(name, rows):
    a = ans[name]; got = tally(rows, a["as_of"])
    print("MATCH" if got == a["units"] else "DIFF", name, len(rows), "rows")
    if got != a["units"]: print(json.dumps(got, ensure_ascii=False)); print(json.dumps(a["units"], ensure_ascii=False))

# file 1: rows 5.. until footer; unit D, deadline F, status G
n1 = "华泰控股集团2024年度内部审计发现问题整改台账.xlsx"
ws = load_workbook(os.path.join(F, n1))["整改台账"]; rows = []
for r in range(5, ws.max_row + 1):
    if ws.cell(r, 3).value is None: continue
    rows.append((ws.cell(r, 4).value, 1, cat(ws.cell(r, 7).value), due(ws.cell(r, 6).value)))
report(n1, rows)
# file 4: csv gbk
n4 = "12345热线工单明细导出_20250315.csv"
rd = list(csv.DictReader(open(os.path.join(F, n4), encoding="gbk", newline="")))
report(n4, [(r["承办单位"], 1, cat(r["工单状态"]), dt.datetime.strptime(r["办理时限"], "%Y-%m-%d %H:%M:%S").date()) for r in rd])
# file 5: LO-resaved xlsx
n5 = "滨海市水利局党组落实省委巡视反馈意见整改台账.xlsx"
ws = load_workbook(os.path.join(F, n5)).worksheets[0]; rows = []
unit = re.sub(r"（.*?）", "", ws["A2"].value.split("：")[1]).strip()
for r in range(4, ws.max_row + 1):
    m = ws.cell(r, 4).value
    if not m: continue
    rows.append((unit, nitems(m), cat(ws.cell(r, 9).value), due(ws.cell(r, 8).value)))
report(n5, rows)
