#!/usr/bin/env python3
"""Independent read-back of holdout 5: reopens every file in files/ (the .xls and .ods through a LibreOffice
round trip to xlsx in a temporary directory), recounts each unit from the written cells by hand-written
per-file rules, and compares with answers.json. Prints MATCH or MISMATCH per file. Shares no code with gen.py."""
import calendar, collections, csv, datetime, json, os, re, shutil, subprocess, sys, tempfile
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")
NEVER, NOW = "never", "now"     # long-term deadline, immediate deadline


def to_xlsx(path, tmp):
    prof = os.path.join(tmp, "profile")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", "xlsx",
                    "--outdir", tmp, path], check=True, capture_output=True, timeout=300)
    return os.path.join(tmp, os.path.splitext(os.path.basename(path))[0] + ".xlsx")


def grid(ws):
    return [[c for c in row] for row in ws.iter_rows(values_only=True)]


def txt(v):
    return "" if v is None else str(v).strip()


def read_deadline(v, year):
    if isinstance(v, datetime.datetime):
        return v.date()
    if isinstance(v, datetime.date):
        return v
    s = txt(v).replace(" ", "")
    if s in ("立即整改", "立行立改"):
        return NOW
    if s in ("长期", "长期坚持", "常态化"):
        return NEVER
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月(底|底前)", s)
    if m:
        y, mo = int(m[1]), int(m[2])
        return datetime.date(y, mo, calendar.monthrange(y, mo)[1])
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日前?", s)
    if m:
        return datetime.date(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{1,2})月(\d{1,2})日前?", s)
    if m:
        return datetime.date(year, int(m[1]), int(m[2]))
    m = re.fullmatch(r"(\d{4})[./-](\d{1,2})[./-](\d{1,2})(\d{2}:\d{2}:\d{2})?", s)
    if m:
        return datetime.date(int(m[1]), int(m[2]), int(m[3]))
    raise ValueError(f"unreadable deadline {v!r}")


class Count:
    def __init__(self):
        self.rows = []   # (unit, n, kind, deadline) kind in done/long/open

    def add(self, unit, n, kind, due):
        assert kind in ("done", "long", "open"), kind
        self.rows.append((unit.strip(), n, kind, due))

    def numbers(self, asof):
        day = datetime.date.fromisoformat(asof)
        out = collections.OrderedDict()
        for unit, n, kind, due in self.rows:
            d = out.setdefault(unit, dict(measures=0, measures_done=0, measures_long_term=0, measures_not_done=0, overdue=0))
            d["measures"] += n
            if kind == "done":
                d["measures_done"] += n
            elif kind == "long":
                d["measures_long_term"] += n
            else:
                d["measures_not_done"] += n
                if due == NOW or (isinstance(due, datetime.date) and due < day):
                    d["overdue"] += n
        return out


def hotline(path, year):
    g = grid(openpyxl.load_workbook(path)["工单列表"])
    h = [txt(x) for x in g[0]]
    iu, ist, idl = h.index("主办单位"), h.index("工单状态"), h.index("办理截止时间")
    c = Count()
    for row in g[1:]:
        if not txt(row[0]):
            continue
        st = txt(row[ist])
        kind = "done" if st in ("已归档", "已答复待回访") else "open"
        assert st in ("已归档", "已答复待回访", "办理中", "待签收", "延期审核中", "退单审核中"), st
        c.add(txt(row[iu]), 1, kind, read_deadline(row[idl], year))
    return c


def hazards(path, year):
    g = grid(openpyxl.load_workbook(path)["隐患整改台账"])
    hr = next(i for i, r in enumerate(g) if txt(r[0]) == "序号")
    h = [txt(x) for x in g[hr]]
    c = Count()
    for row in g[hr + 1:]:
        if not isinstance(row[0], (int, float)):
            continue
        st = txt(row[h.index("复查结论")])
        assert st in ("复查合格", "已整改待复查", "正在整改", "未整改"), st
        c.add(txt(row[h.index("企业名称")]), 1, "done" if st == "复查合格" else "open",
              read_deadline(row[h.index("限期整改日期")], year))
    return c


def enumerated(cell):
    s = txt(cell)
    circ = sum(s.count(ch) for ch in "①②③④⑤⑥⑦⑧⑨")
    if circ >= 2:
        return circ
    nums = re.findall(r"(?m)^\s*(\d+)\.", s)
    if len(nums) >= 2:
        assert nums == [str(i) for i in range(1, len(nums) + 1)], nums
        return len(nums)
    return 1


def inspection(path, year):
    g = grid(openpyxl.load_workbook(path)["整改台账"])
    names = [txt(x) for x in g[4]]
    assert names[4] == "整改措施" and names[9] == "推进状态", names
    c = Count()
    for row in g[5:]:
        if not isinstance(row[0], (int, float)):
            continue
        st = txt(row[9])
        kind = {"已办结销号": "done", "长效坚持": "long", "正在落实": "open", "尚未启动": "open"}[st]
        c.add("县林业局", enumerated(row[4]), kind, read_deadline(row[8], year))
    return c


def university(path, year):
    wb = openpyxl.load_workbook(path)
    c = Count()
    for ws in wb.worksheets:
        g = grid(ws)
        if len(g) < 3 or txt(g[2][0]) != "序号":
            continue
        m = re.search(r"被审计单位：(\S+)", txt(g[1][0]))
        unit = m[1]
        assert unit == ws.title
        for row in g[3:]:
            if not txt(row[3]):
                continue
            st = txt(row[7])
            kind = {"已整改到位": "done", "长期整改": "long", "部分整改": "open", "尚未整改": "open"}[st]
            c.add(unit, 1, kind, read_deadline(row[6], year))
    return c


def petitions(path, year):
    with open(path, encoding="gb18030", newline="") as fh:
        rows = list(csv.reader(fh))
    hr = next(i for i, r in enumerate(rows) if r and r[0] == "编号")
    h = rows[hr]
    months = [i for i, x in enumerate(h) if re.fullmatch(r"\d+月进展", x)]
    last = max(months, key=lambda i: int(h[i][:-3]))
    c = Count()
    for r in rows[hr + 1:]:
        if not r or not r[0].startswith("XF"):
            continue
        s = r[last]
        if s.startswith(("已办结", "已化解")):
            kind = "done"
        elif s.startswith("纳入长期稳控"):
            kind = "long"
        else:
            kind = "open"
        c.add(r[h.index("责任单位")], 1, kind, read_deadline(r[h.index("办结时限")], year))
    return c


def foodshops(path, year):
    g = grid(openpyxl.load_workbook(path)["检查记录"])
    hr = next(i for i, r in enumerate(g) if txt(r[0]) == "序号")
    h = [txt(x) for x in g[hr]]
    tick = next(i for i, x in enumerate(h) if x.startswith("已整改"))
    c = Count()
    for row in g[hr + 1:]:
        if not isinstance(row[0], (int, float)):
            continue
        t = txt(row[tick])
        assert t in ("√", "×"), t
        c.add(txt(row[h.index("经营者名称")]), 1, "done" if t == "√" else "open", read_deadline(row[h.index("整改期限")], year))
    return c


def villages(path, year):
    g = grid(openpyxl.load_workbook(path)["整改台账"])
    hr = next(i for i, r in enumerate(g) if txt(r[0]) == "序号")
    c = Count()
    for row in g[hr + 1:]:
        if not txt(row[1]).endswith("村"):
            continue   # section, 合计 and 说明 rows
        kind = {"完成": "done", "常态保持": "long", "正在整改": "open", "未开工": "open"}[txt(row[7])]
        c.add(txt(row[1]), 1, kind, read_deadline(row[6], year))
    return c


READERS = [("热线", hotline), ("应急管理局", hazards), ("林业局", inspection), ("审计", university),
           ("信访", petitions), ("市场监管", foodshops), ("柳林镇", villages)]


def main():
    answers = json.load(open(os.path.join(HERE, "answers.json"), encoding="utf-8"))
    tmp = tempfile.mkdtemp(prefix="h5hc_")
    bad = 0
    try:
        for ans in answers:
            path = os.path.join(FILES, ans["file"])
            reader = next(f for key, f in READERS if key in ans["file"])
            if path.endswith((".xls", ".ods")):
                sub = tempfile.mkdtemp(dir=tmp)
                path = to_xlsx(path, sub)
            ok = True
            for d in ans["as_of"]:
                got = reader(path, int(d[:4])).numbers(d)
                exp = ans["units"]
                if set(got) != set(exp) or any(got[u] != exp[u][d] for u in exp):
                    ok = False
                    print(f"  {d}: expected {exp} got {dict(got)}")
            print(("MATCH    " if ok else "MISMATCH ") + ans["file"])
            bad += not ok
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
