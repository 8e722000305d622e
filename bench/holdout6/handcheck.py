#!/usr/bin/env python3
"""Independent read-back of holdout 6 (shares no code with gen.py). Reopens every written file — .xls and .ods
through a LibreOffice round trip to xlsx in a temp dir, CSV with its own encoding — finds the columns by their
header words, recounts per unit by hand-written per-file rules and compares with answers.json. Prints MATCH per file."""
import calendar, csv, datetime, json, os, re, shutil, subprocess, sys, tempfile
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")


def to_xlsx(path, tmp):
    prof = tempfile.mkdtemp(prefix="h6rb_")
    subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless", "--convert-to", "xlsx",
                    "--outdir", tmp, path], check=True, capture_output=True, timeout=300)
    shutil.rmtree(prof, ignore_errors=True)
    return os.path.join(tmp, os.path.splitext(os.path.basename(path))[0] + ".xlsx")


def grid(ws):
    """Sheet as a dict (row, col) -> value, merged ranges filled from their top-left cell."""
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


def col_of(g, row, word, ncol):
    hits = [c for c in range(1, ncol + 1) if str(g.get((row, c)) or "").strip() == word]
    assert len(hits) == 1, (row, word, hits)
    return hits[0]


def due_of(v, year):
    """('date', d) / ('long',) / ('now',)."""
    if isinstance(v, datetime.datetime):
        return ("date", v.date())
    if isinstance(v, datetime.date):
        return ("date", v)
    s = str(v).strip()
    if s in ("长期坚持", "长期"):
        return ("long",)
    if s in ("立行立改", "立即整改", "当场改正"):
        return ("now",)
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日前?", s) or re.fullmatch(r"(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})", s)
    if m:
        return ("date", datetime.date(int(m[1]), int(m[2]), int(m[3])))
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月底前?", s)
    if m:
        y, mo = int(m[1]), int(m[2])
        return ("date", datetime.date(y, mo, calendar.monthrange(y, mo)[1]))
    m = re.fullmatch(r"(\d{1,2})月(\d{1,2})日前", s)
    if m:
        return ("date", datetime.date(year, int(m[1]), int(m[2])))
    raise ValueError(f"unread deadline {s!r}")


def count(items, dates):
    """items: (unit, state in done/long/not, due). -> {unit: {date: five numbers}}"""
    out = {}
    for unit, st, due in items:
        for d in dates:
            x = out.setdefault(unit, {}).setdefault(d, dict(measures=0, measures_done=0, measures_long_term=0,
                                                            measures_not_done=0, overdue=0))
            x["measures"] += 1
            if st == "done":
                x["measures_done"] += 1
            elif st == "long":
                x["measures_long_term"] += 1
            else:
                x["measures_not_done"] += 1
                if due[0] == "now" or (due[0] == "date" and due[1] < datetime.date.fromisoformat(d)):
                    x["overdue"] += 1
    return out


def state(map_, s):
    s = str(s).strip()
    if s not in map_:
        raise ValueError(f"unknown state {s!r}")
    return map_[s]


# ---------------------------------------------------------------- per-file rules
def r_ducha(path, tmp):
    wb = openpyxl.load_workbook(path); g, nr, nc = grid(wb["交办件台账"])
    cu, cd, cs = col_of(g, 3, "属地", nc), col_of(g, 4, "整改时限", nc), col_of(g, 4, "办理状态", nc)
    m = {"已办结": "done", "阶段性办结": "long", "未办结": "not"}
    return [(g[(r, cu)], state(m, g[(r, cs)]), due_of(g[(r, cd)], 2025))
            for r in range(5, nr + 1) if isinstance(g.get((r, 1)), int)]


def r_renda(path, tmp):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    h = rows[0]
    cu, cd, cs = h.index("主办单位"), h.index("办理期限"), h.index("办理状态")
    m = {"已办结": "done", "已答复": "done", "办理中": "not", "待签收": "not", "申请调整中": "not"}
    return [(r[cu], state(m, r[cs]), due_of(r[cd], 2025)) for r in rows[1:] if r and r[0].strip()]


def r_sil(path, tmp):
    wb = openpyxl.load_workbook(to_xlsx(path, tmp)); g, nr, nc = grid(wb["四乱问题台账"])
    cu, cd, cs = col_of(g, 3, "责任单位", nc), col_of(g, 3, "整改时限", nc), col_of(g, 3, "整改进展", nc)
    assert [g.get((4, c)) for c in range(1, nc + 1)] == list(range(1, nc + 1)), "column-number row"
    m = {"已销号": "done", "整改中": "not", "未启动": "not", "长效管护": "long"}
    return [(g[(r, cu)], state(m, g[(r, cs)]), due_of(g[(r, cd)], 2025))
            for r in range(5, nr + 1) if isinstance(g.get((r, 1)), (int, float))]


def r_tuban(path, tmp):
    wb = openpyxl.load_workbook(to_xlsx(path, tmp)); g, nr, nc = grid(wb["图斑整改台账"])
    cu, cd, cs = col_of(g, 5, "乡镇", nc), col_of(g, 5, "整改时限", nc), col_of(g, 5, "整改状态", nc)
    m = {"已整改销号": "done", "整改中": "not", "未整改": "not", "已立案查处待执行": "not"}
    return [(g[(r, cu)], state(m, g[(r, cs)]), due_of(g[(r, cd)], 2025))
            for r in range(6, nr + 1) if isinstance(g.get((r, 1)), (int, float))]


def r_xiaofang(path, tmp):
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["统计", "4月", "5月"], wb.sheetnames
    m = {"已改正": "done", "未改正": "not", "部分改正": "not", "待复查": "not"}
    out = []
    for sn in ("4月", "5月"):
        g, nr, nc = grid(wb[sn])
        cu, cd, cs = col_of(g, 2, "单位名称", nc), col_of(g, 2, "责令改正期限", nc), col_of(g, 2, "复查情况", nc)
        out += [(g[(r, cu)], state(m, g[(r, cs)]), due_of(g[(r, cd)], 2025))
                for r in range(3, nr + 1) if isinstance(g.get((r, 1)), (int, float))]
    return out


def r_yibao(path, tmp):
    wb = openpyxl.load_workbook(path); g, nr, nc = grid(wb["整改台账"])
    cu, cd, cs = col_of(g, 3, "定点医疗机构", nc), col_of(g, 3, "整改时限", nc), col_of(g, 3, "整改进展", nc)
    m = {"已整改到位": "done", "正在整改": "not", "未整改": "not", "持续整改": "long"}
    return [(g[(r, cu)], state(m, g[(r, cs)]), due_of(g[(r, cd)], 2025))
            for r in range(5, nr + 1) if isinstance(g.get((r, 1)), int)]


def r_zhujian(path, tmp):
    with open(path, encoding="gb18030", newline="") as fh:
        rows = list(csv.reader(fh))
    h = rows[2]
    cu, cd, cs = h.index("施工单位"), h.index("整改期限"), h.index("复查结论")
    m = {"合格": "done", "不合格": "not", "未复查": "not"}
    return [(r[cu], state(m, r[cs]), due_of(r[cd], 2025)) for r in rows[3:] if r[0].startswith("安建监改")]


def r_xunshi(path, tmp):
    wb = openpyxl.load_workbook(path); g, nr, nc = grid(wb["任务清单"])
    cu, cd, cs = col_of(g, 4, "牵头部门", nc), col_of(g, 3, "完成时限", nc), col_of(g, 4, "完成状态", nc)
    m = {"已完成": "done", "序时推进": "not", "滞后": "not", "长期坚持": "long"}
    return [(g[(r, cu)], state(m, g[(r, cs)]), due_of(g[(r, cd)], 2025))
            for r in range(5, nr + 1) if str(g.get((r, 1)) or "").startswith("RW")]


RULES = {"安平县第三轮省生态环境保护督察交办信访件办理整改台账.xlsx": r_ducha,
         "建议提案办理系统_代表建议办理情况导出_20250615.csv": r_renda,
         "安平县河湖四乱问题清理整治台账.ods": r_sil,
         "安平县2024年度卫片执法违法用地图斑整改台账.xls": r_tuban,
         "安平县消防救援大队2025年消防监督检查火灾隐患整改台账.xlsx": r_xiaofang,
         "安平县医疗保障局2025年医保基金飞行检查反馈问题整改台账.xlsx": r_yibao,
         "县住建局工程质量安全整改通知单台账.csv": r_zhujian,
         "安平投资集团有限公司市委巡视反馈意见整改三张清单.xlsx": r_xunshi}


def main():
    answers = json.load(open(os.path.join(HERE, "answers.json"), encoding="utf-8"))
    assert sorted(a["file"] for a in answers) == sorted(RULES) == sorted(os.listdir(FILES))
    bad = 0
    tmp = tempfile.mkdtemp(prefix="h6hc_")
    try:
        for a in answers:
            items = RULES[a["file"]](os.path.join(FILES, a["file"]), tmp)
            got = count(items, a["as_of"])
            ok = got == a["units"]
            bad += not ok
            print(("MATCH   " if ok else "MISMATCH"), a["file"], f"{len(items)} items, {len(got)} units")
            if not ok:
                for u in sorted(set(got) | set(a["units"])):
                    print("   ", u, got.get(u), a["units"].get(u))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
