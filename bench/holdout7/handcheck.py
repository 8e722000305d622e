#!/usr/bin/env python3
"""Independent read-back of holdout 7 (shares no code with gen.py and does not import it). Reopens every written
file — .xls and .ods through a LibreOffice round trip to xlsx in a temp dir, CSV in its own encoding — finds the
columns by their header words, recounts per unit by hand-written per-file rules (the reading the notes of
answers.json describe) and compares with answers.json. Prints MATCH per file and a last line ALL n MATCH."""
import calendar, csv, datetime, json, os, re, shutil, subprocess, sys, tempfile
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")
YEAR = 2025


def to_xlsx(path, tmp):
    prof = tempfile.mkdtemp(prefix="h7rb_")
    try:
        subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless", "--convert-to", "xlsx",
                        "--outdir", tmp, path], check=True, capture_output=True, timeout=300)
    finally:
        shutil.rmtree(prof, ignore_errors=True)
    return os.path.join(tmp, os.path.splitext(os.path.basename(path))[0] + ".xlsx")


def grid(ws):
    """(row, col) -> value with every merged range filled from its top-left cell."""
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


def text(v):
    return "" if v is None else str(v).strip()


def find_col(g, row, word, ncol):
    hits = [c for c in range(1, ncol + 1) if text(g.get((row, c))) == word]
    assert len(hits) == 1, (row, word, hits)
    return hits[0]


def deadline(v):
    """-> ('date', d) | ('long',) | ('now',)"""
    if isinstance(v, datetime.datetime):
        return ("date", v.date())
    if isinstance(v, datetime.date):
        return ("date", v)
    s = text(v)
    if s in ("长期", "长期坚持"):
        return ("long",)
    if s in ("立行立改", "立即整改"):
        return ("now",)
    if s.startswith("汛前"):  # 说明 of the 防汛 file: 汛前 = 2025年5月31日前
        return ("date", datetime.date(YEAR, 5, 31))
    m = (re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日前?", s) or re.fullmatch(r"(\d{4})\.(\d{1,2})\.(\d{1,2})", s)
         or re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?: \d{2}:\d{2}(?::\d{2})?)?", s))
    if m:
        return ("date", datetime.date(int(m[1]), int(m[2]), int(m[3])))
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月底前?", s)
    if m:
        y, mo = int(m[1]), int(m[2])
        return ("date", datetime.date(y, mo, calendar.monthrange(y, mo)[1]))
    m = re.fullmatch(r"(\d{4})年第(一|二|三|四)季度", s)
    if m:
        mo = {"一": 3, "二": 6, "三": 9, "四": 12}[m[2]]
        return ("date", datetime.date(int(m[1]), mo, calendar.monthrange(int(m[1]), mo)[1]))
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月至(\d{1,2})月", s)
    if m:
        y, mo = int(m[1]), int(m[3])
        return ("date", datetime.date(y, mo, calendar.monthrange(y, mo)[1]))
    m = re.fullmatch(r"(\d{1,2})月(\d{1,2})日前", s)
    if m:
        return ("date", datetime.date(YEAR, int(m[1]), int(m[2])))
    raise ValueError(f"unread deadline {s!r}")


def state(table, v):
    """Exact word, or the word before the first 。/，(a state followed by narrative)."""
    s = text(v)
    head = re.split(r"[。，,]", s, maxsplit=1)[0]
    if head not in table:
        raise ValueError(f"unknown state {s!r}")
    return table[head]


def count(items, dates):
    out = {}
    for unit, n, st, due in items:
        for d in dates:
            x = out.setdefault(unit, {}).setdefault(d, dict(measures=0, measures_done=0, measures_long_term=0,
                                                            measures_not_done=0, overdue=0))
            x["measures"] += n
            if st == "done":
                x["measures_done"] += n
            elif st == "long":
                x["measures_long_term"] += n
            else:
                x["measures_not_done"] += n
                if due[0] == "now" or (due[0] == "date" and due[1] < datetime.date.fromisoformat(d)):
                    x["overdue"] += n
    return out


def enumerated(cell):
    parts = [p for p in text(cell).split("；") if p]
    numbered = [p for p in parts if re.match(r"(\d+\.|[一二三四五六七八九十]是)", p)]
    return len(numbered) if len(numbered) >= 2 and len(numbered) == len(parts) else 1


# ---------------------------------------------------------------- per-file rules
def r_paiwu(path, tmp):
    g, nr, nc = grid(openpyxl.load_workbook(path)["整改台账"])
    cd, cs = find_col(g, 4, "整改时限", nc), find_col(g, 4, "整改情况", nc)
    m = {"已完成": "done", "整改中": "not", "未整改": "not", "长期坚持": "long"}
    unit, out = None, []
    for r in range(5, nr + 1):
        a = text(g.get((r, 1)))
        sec = re.match(r"^[一二三四五六七八九十]+、(.+?)（排污许可证编号", a)
        if sec:
            unit = sec[1]
        elif a.isdigit():
            out.append((unit, 1, state(m, g[(r, cs)]), deadline(g[(r, cd)])))
    return out


def r_laodong(path, tmp):
    wb = openpyxl.load_workbook(to_xlsx(path, tmp))
    m = {"已整改": "done", "整改中": "not", "未整改": "not", "已立案查处": "not"}
    out = []
    for ws in wb.worksheets:
        g, nr, nc = grid(ws)
        labels = [(r, c) for r in range(1, 6) for c in range(1, nc + 1) if text(g.get((r, c))) == "用人单位："]
        if not labels:
            assert ws.title == "填表说明", ws.title
            continue
        r0, c0 = labels[0]
        unit = text(g[(r0, c0 + 1)])
        assert unit == ws.title, (unit, ws.title)
        h = [r for r in range(1, 10) if text(g.get((r, 1))) == "序号"][0]
        cd, cs = find_col(g, h, "整改期限", nc), find_col(g, h, "整改结果", nc)
        out += [(unit, 1, state(m, g[(r, cs)]), deadline(g[(r, cd)]))
                for r in range(h + 1, nr + 1) if isinstance(g.get((r, 1)), (int, float))]
    return out


def r_daolu(path, tmp):
    g, nr, nc = grid(openpyxl.load_workbook(to_xlsx(path, tmp))["隐患点台账"])
    cu, cd, cs = find_col(g, 3, "所属乡镇", nc), find_col(g, 3, "整治时限", nc), find_col(g, 4, "完成情况", nc)
    m = {"已完成": "done", "治理中": "not", "未启动": "not", "常态化管控": "long"}
    return [(text(g[(r, cu)]), 1, state(m, g[(r, cs)]), deadline(g[(r, cd)]))
            for r in range(5, nr + 1) if isinstance(g.get((r, 1)), (int, float))]


def r_gongshui(path, tmp):
    ws = openpyxl.load_workbook(path).worksheets[0]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    h = [text(x) for x in rows[0]]
    cu, cd, cs = h.index("行政区划"), h.index("计划完成时间"), h.index("整改状态")
    m = {"已销号": "done", "整改中": "not", "待整改": "not", "长效管护": "long"}
    out = []
    for r in rows[1:]:
        if not text(r[0]):
            continue
        path_parts = text(r[cu]).split("/")
        assert path_parts[0] == "永宁县" and len(path_parts) in (2, 3), path_parts
        out.append((path_parts[1], 1, state(m, r[cs]), deadline(r[cd])))
    return out


def r_chouzha(path, tmp):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    h = rows[0]
    cu, cd, cs = h.index("受检单位"), h.index("整改期限"), h.index("处理状态")
    m = {"已办结": "done", "复查中": "not", "待复查": "not", "立案调查中": "not"}
    return [(r[cu], 1, state(m, r[cs]), deadline(r[cd])) for r in rows[1:] if r and r[0].startswith("SJCC")]


def r_tuopin(path, tmp):
    g, nr, nc = grid(openpyxl.load_workbook(path)["整改台账"])
    cu, cm, cd, cs = (find_col(g, 3, "乡镇", nc), find_col(g, 3, "整改措施", nc), find_col(g, 3, "整改时限", nc),
                      find_col(g, 3, "整改进展", nc))
    m = {"已完成": "done", "正在推进": "not", "未完成": "not", "长期坚持": "long"}
    assert [g.get((5, c)) for c in range(1, nc + 1)] == list(range(1, nc + 1)), "column-number row"
    return [(text(g[(r, cu)]), enumerated(g[(r, cm)]), state(m, g[(r, cs)]), deadline(g[(r, cd)]))
            for r in range(6, nr + 1) if isinstance(g.get((r, 1)), (int, float))]


def r_wangzhan(path, tmp):
    wb = openpyxl.load_workbook(path)
    m = {"是": "done", "否": "not", "长期": "long", "完成": "done", "未完成": "not"}
    out = []
    for ws in wb.worksheets:
        g, nr, nc = grid(ws)
        title = text(g.get((1, 1)))
        if not title:
            assert ws.max_row <= 1, ws.title
            continue
        suffix = "政府网站和政务新媒体检查问题整改台账"
        assert title.endswith(suffix), title
        unit = title[: -len(suffix)]
        h = [r for r in range(1, 8) if text(g.get((r, 1))) == "序号"][0]
        heads = [text(g.get((h, c))) for c in range(1, nc + 1)]
        cs = heads.index("是否完成" if "是否完成" in heads else "完成情况") + 1
        cd = heads.index("整改时限") + 1
        out += [(unit, 1, state(m, g[(r, cs)]), deadline(g[(r, cd)]))
                for r in range(h + 1, nr + 1) if isinstance(g.get((r, 1)), (int, float))]
    return out


def r_chuangwei(path, tmp):
    with open(path, encoding="gb18030", newline="") as fh:
        rows = list(csv.reader(fh))
    h = rows[2]
    cd, cs = h.index("整改时限"), h.index("整改情况")
    m = {"已整改": "done", "整改中": "not", "未整改": "not", "长效管理": "long"}
    unit, out = None, []
    for r in rows[3:]:
        sec = re.match(r"^[一二三四五六七八九十]+、(.+?)（\d+个）$", r[0])
        if sec:
            unit = sec[1]
        elif r[0].isdigit():
            out.append((unit, 1, state(m, r[cs]), deadline(r[cd])))
    return out


RULES = {"永宁县生态环境分局2025年排污单位双随机执法检查发现问题整改台账.xlsx": r_paiwu,
         "永宁县人力资源和社会保障局劳动保障监察专项检查问题整改台账（2025年）.xls": r_laodong,
         "永宁县道路交通安全隐患点排查整治台账（分乡镇）.ods": r_daolu,
         "农村供水工程问题整改台账_导出_20250430.xlsx": r_gongshui,
         "产品质量监督抽查后处理_不合格产品处理情况导出_20250430.csv": r_chouzha,
         "永宁县2024年度巩固拓展脱贫攻坚成果考核评估反馈问题整改台账.xlsx": r_tuopin,
         "永宁县政府网站和政务新媒体2025年第一季度检查问题整改台账（各单位报送）.xlsx": r_wangzhan,
         "永宁县创建国家卫生县城暗访发现问题交办整改台账.csv": r_chuangwei}



def main():
    answers = json.load(open(os.path.join(HERE, "answers.json"), encoding="utf-8"))
    assert sorted(a["file"] for a in answers) == sorted(RULES) == sorted(os.listdir(FILES))
    bad = 0
    tmp = tempfile.mkdtemp(prefix="h7hc_")
    try:
        for a in answers:
            items = RULES[a["file"]](os.path.join(FILES, a["file"]), tmp)
            got = count(items, a["as_of"])
            ok = got == a["units"]
            bad += not ok
            print(("MATCH   " if ok else "MISMATCH"), a["file"], f"{sum(i[1] for i in items)} items, {len(got)} units")
            if not ok:
                for u in sorted(set(got) | set(a["units"])):
                    print("   ", u, got.get(u), a["units"].get(u))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"ALL {len(answers)} MATCH" if not bad else f"{bad} of {len(answers)} MISMATCH")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
