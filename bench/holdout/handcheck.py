# Independent read-back of the written files; recount and compare with answers.json.
import csv, json, datetime as dt, collections, openpyxl, re, sys
A = {a["file"]: a for a in json.load(open("answers.json", encoding="utf-8"))}
def tally(items, dates):
    out = {}
    for unit, cat, due in items:
        for d in dates:
            c = out.setdefault(unit, {}).setdefault(d, dict(measures=0, measures_done=0, measures_long_term=0, measures_not_done=0, overdue=0))
            c["measures"] += 1
            if cat == "done": c["measures_done"] += 1
            elif cat == "long": c["measures_long_term"] += 1
            else:
                c["measures_not_done"] += 1
                if due and due.isoformat() < d: c["overdue"] += 1
    return out
def cmp(fn, got):
    exp = A[fn]["units"]; ok = exp == got
    print(fn, "MATCH" if ok else "DIFF")
    if not ok:
        for u in set(exp) | set(got): print(" ", u, exp.get(u), got.get(u))
# 1. CSV
fn = "区12345热线工单明细_20240506.csv"
rows = list(csv.DictReader(open("files/" + fn, encoding="gbk", newline="")))
cat = {"已回访": "done", "已办结": "done"}
items = [(r["承办单位"], cat.get(r["办理状态"], "not"), dt.date.fromisoformat(r["办理时限"][:10])) for r in rows]
cmp(fn, tally(items, A[fn]["as_of"]))
# 5. audit xlsx (merged problem cells: measures are rows with a measure in E)
fn = "区教育局2023年度预算执行审计整改台账.xlsx"
ws = openpyxl.load_workbook("files/" + fn).active
unit = re.search(r":(.+)$", ws["A2"].value).group(1)
items = []
for r in ws.iter_rows(min_row=4, values_only=True):
    if not r[4]: continue
    st, dl = r[8], r[7]
    c = {"已整改": "done", "长期坚持": "long"}.get(st, "not")
    if isinstance(dl, dt.datetime): due = dl.date()
    elif dl == "长期坚持": due = None
    else:
        m = re.match(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})日|底)", dl)
        y, mo = int(m.group(1)), int(m.group(2))
        due = dt.date(y, mo, int(m.group(3))) if m.group(3) else (dt.date(y + mo // 12, mo % 12 + 1, 1) - dt.timedelta(days=1))
    items.append((unit, c, due))
cmp(fn, tally(items, A[fn]["as_of"]))
# 4. factory ods, read from the LibreOffice round trip; monthly sheets must equal master rows
fn = "2024年一季度隐患排查治理台账.ods"
wb = openpyxl.load_workbook("tmp/rb/2024年一季度隐患排查治理台账.xlsx")
def data(ws):
    out = []
    for r in ws.iter_rows(min_row=6, values_only=True):
        if r[0] is None or not isinstance(r[0], (int, float)): break
        out.append(r)
    return out
master = data(wb["总台账"])
monthly = [r for m in ("1月", "2月", "3月") for r in data(wb[m])]
print("  master rows", len(master), "monthly rows", len(monthly),
      "monthly==master (ignoring 序号):", sorted(r[1:] for r in master) == sorted(r[1:] for r in monthly))
items = []
for r in master:
    st, dl = r[10], r[9]
    c = {"已整改": "done", "长期坚持": "long"}.get(st, "not")
    due = dl.date() if isinstance(dl, dt.datetime) else r[1].date()  # 立即整改: due on discovery
    items.append((r[7], c, due))
print("  statuses", collections.Counter(r[10] for r in master), "立即整改 rows:", [(r[10]) for r in master if r[9] == "立即整改"])
cmp(fn, tally(items, A[fn]["as_of"]))
