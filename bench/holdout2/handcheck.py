#!/usr/bin/env python3
"""Independent read-back of all six written files (the township xlsx, (the .xls and .ods via a LibreOffice round trip to tmp/rb/, the CSV,
the multi-sheet xlsx, the LibreOffice-saved xlsx): recounts from the cells, with its own deadline/status reading, and compares to answers.json.
Shares no code with gen.py."""
import calendar, csv, datetime as dt, json, os, re, subprocess, sys
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")
ANS = {a["file"]: a for a in json.load(open(os.path.join(HERE, "answers.json"), encoding="utf-8"))}


def dl_of(v):
    if isinstance(v, dt.datetime):
        return v.date()
    s = str(v).strip()
    if s in ("长期", "长期坚持"):
        return "L"
    if s == "立行立改":
        return "I"
    m = re.match(r"(\d{4})[年./-](\d{1,2})[月./-](\d{1,2})", s)
    if m:
        return dt.date(*map(int, m.groups()))
    m = re.match(r"(\d{4})年(\d{1,2})月", s)
    if m:
        y, mo = map(int, m.groups())
        return dt.date(y, mo, calendar.monthrange(y, mo)[1])
    m = re.match(r"(\d{4})年底", s)
    if m:
        return dt.date(int(m[1]), 12, 31)
    raise ValueError(s)


def tally(rows, dates):
    """rows: (unit, n, cat, deadline)."""
    out = {}
    for u, n, cat, d in rows:
        for a in dates:
            ad = dt.date.fromisoformat(a)
            t = out.setdefault(u, {}).setdefault(a, dict(measures=0, measures_done=0, measures_long_term=0,
                                                          measures_not_done=0, overdue=0))
            t["measures"] += n
            if cat == "D":
                t["measures_done"] += n
            elif cat == "L":
                t["measures_long_term"] += n
            else:
                t["measures_not_done"] += n
                if d == "I" or (d != "L" and d < ad):
                    t["overdue"] += n
    return out


def compare(name, got):
    exp = ANS[name]["units"]
    ok = got == exp
    print(("MATCH   " if ok else "MISMATCH") + "  " + name)
    if not ok:
        for u in sorted(set(got) | set(exp)):
            if got.get(u) != exp.get(u):
                print("   ", u, "got", got.get(u), "expected", exp.get(u))
    return ok


def xls_school():
    name = [f for f in ANS if f.endswith(".xls")][0]
    rb = os.path.join(HERE, "tmp", "rb")
    os.makedirs(rb, exist_ok=True)
    subprocess.run(["soffice", "-env:UserInstallation=file:///tmp/h2lo_profile_rb", "--headless", "--convert-to",
                    "xlsx", "--outdir", rb, os.path.join(FILES, name)], check=True, capture_output=True)
    wb = openpyxl.load_workbook(os.path.join(rb, name[:-4] + ".xlsx"))
    ws = wb["隐患台账"]
    hdr = [c.value for c in ws[3]]
    ci = {h: i for i, h in enumerate(hdr)}
    merged_school = {}
    for mr in ws.merged_cells.ranges:
        if mr.min_col == 2 and mr.min_row >= 5:
            for r in range(mr.min_row, mr.max_row + 1):
                merged_school[r] = ws.cell(mr.min_row, 2).value
    rows = []
    for r in range(5, ws.max_row + 1):
        seq = ws.cell(r, 1).value
        if not isinstance(seq, (int, float)):
            continue
        school = ws.cell(r, 2).value or merged_school.get(r)
        st = ws.cell(r, ci["整改情况"] + 1).value
        cat = {"已整改": "D", "长期整改": "L", "整改中": "P", "未整改": "N"}[st]
        rows.append((school, 1, cat, dl_of(ws.cell(r, ci["整改时限"] + 1).value)))
    return compare(name, tally(rows, ANS[name]["as_of"]))


def csv_tickets():
    name = [f for f in ANS if f.endswith(".csv")][0]
    raw = open(os.path.join(FILES, name), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf")
    rd = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    m = {"已回访": "D", "已归档": "D", "待回访": "D", "办理中": "P", "退回重办": "P", "申请延期": "P", "待审核": "P",
         "待签收": "N"}
    rows = [(x["承办单位"], 1, m[x["工单状态"]], dt.date.fromisoformat(x["办理时限"][:10])) for x in rd]
    return compare(name, tally(rows, ANS[name]["as_of"]))


def xlsx_communities():
    name = [f for f in ANS if "各社区" in f][0]
    wb = openpyxl.load_workbook(os.path.join(FILES, name))
    rows = []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible" or not ws.title.endswith("社区"):
            continue
        hdr = [c.value for c in ws[2]]
        mcol = hdr.index("整改措施") if "整改措施" in hdr else hdr.index("整改举措")
        dcol = hdr.index("完成时限") if "完成时限" in hdr else hdr.index("整改时限")
        scol = hdr.index("整改情况") if "整改情况" in hdr else hdr.index("完成情况")
        for r in range(3, ws.max_row + 1):
            if not isinstance(ws.cell(r, 1).value, int):
                continue
            txt = ws.cell(r, mcol + 1).value
            n = max(len(re.findall("(?:^|[;\uff1b])(?:\\d\\.|[一二三四五]是|[①②③④⑤]|[(\uff08]\\d[)\uff09])", txt)), 1)
            st = ws.cell(r, scol + 1).value
            cat = "D" if st in ("已完成", "已整改") else "L" if st == "长期坚持" else "P"
            rows.append((ws.title, n, cat, dl_of(ws.cell(r, dcol + 1).value)))
    return compare(name, tally(rows, ANS[name]["as_of"]))


def roundtrip(name):
    rb = os.path.join(HERE, "tmp", "rb")
    os.makedirs(rb, exist_ok=True)
    subprocess.run(["soffice", "-env:UserInstallation=file:///tmp/h2lo_profile_rb", "--headless", "--convert-to",
                    "xlsx", "--outdir", rb, os.path.join(FILES, name)], check=True, capture_output=True)
    return openpyxl.load_workbook(os.path.join(rb, os.path.splitext(name)[0] + ".xlsx"))


def ods_tasks():
    name = [f for f in ANS if f.endswith(".ods")][0]
    ws = roundtrip(name)["督办台账"]
    hdr = [c.value for c in ws[3]]
    U, Dc, S = hdr.index("责任单位") + 1, hdr.index("完成时限") + 1, hdr.index("办理状态") + 1
    rows = []
    for r in range(4, ws.max_row + 1):
        if not isinstance(ws.cell(r, 1).value, (int, float)):
            continue
        u = ws.cell(r, U).value
        m = (re.match("牵头单位[:\uff1a](\\S+?)\\n", u) or re.match("(\\S+?)牵头[,\uff0c]", u)
             or re.match("(\\S+?)[(\uff08]牵头[)\uff09]", u))
        lead = m[1] if m else u
        d = ws.cell(r, Dc).value
        d = "L" if d == "长期" else dt.date(2024, 12, 31) if d == "2024年10月-12月" else \
            dt.date(2024, 9, 30) if d == "2024年第三季度" else dt.date(2024, 6, 30) if d == "2024年第二季度" else \
            dt.date(2024, 12, 31) if d == "2024年底前" else dl_of(d)
        cat = {"已完成": "D", "长期推进": "L", "按序时推进": "P", "进度滞后": "P", "未启动": "N"}[ws.cell(r, S).value]
        rows.append((lead, 1, cat, d))
    return compare(name, tally(rows, ANS[name]["as_of"]))


def env_xlsx():
    name = [f for f in ANS if "生态环境保护督察" in f][0]
    ws = openpyxl.load_workbook(os.path.join(FILES, name))["整改台账"]
    rows = []
    for r in range(4, ws.max_row + 1):
        meas, unit, d, st = ws.cell(r, 4).value, ws.cell(r, 6).value, ws.cell(r, 8).value, ws.cell(r, 9).value
        if not meas or not unit:
            continue
        n = 2 if "②" in meas else 1
        cat = {"已完成": "D", "长期坚持": "L"}.get(st, "P")
        d = dl_of(d) if d not in ("2024年第三季度",) else dt.date(2024, 9, 30)
        rows.append((unit, n, cat, d))
    return compare(name, tally(rows, ANS[name]["as_of"]))


def township():
    name = [f for f in ANS if f.startswith("青石镇")][0]
    ws = openpyxl.load_workbook(os.path.join(FILES, name))["整改台账"]
    assert ws.cell(2, 1).value == "填报单位\uff1a青石镇"
    rows = []
    for r in range(4, ws.max_row + 1):
        meas, d, st = ws.cell(r, 3).value, ws.cell(r, 7).value, ws.cell(r, 8).value
        if not meas:
            continue
        n = 2 if re.search("1\\..*[;\uff1b]2\\.", meas) else 1
        if isinstance(d, str) and re.match("\\d月底", d):
            d = "2024年" + d
        d = {"2024年上半年": dt.date(2024, 6, 30), "2024年第二季度": dt.date(2024, 6, 30)}.get(d, d)
        d = d if isinstance(d, dt.date) and not isinstance(d, dt.datetime) else dl_of(d)
        cat = "L" if st.startswith("长期坚持") or "并长期坚持" in st else "D" if st.startswith("已完成") else "P"
        rows.append(("青石镇", n, cat, d))
    return compare(name, tally(rows, ANS[name]["as_of"]))


if __name__ == "__main__":
    ok = [township(), xls_school(), csv_tickets(), xlsx_communities(), ods_tasks(), env_xlsx()]
    sys.exit(0 if all(ok) else 1)
