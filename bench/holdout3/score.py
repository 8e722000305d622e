#!/usr/bin/env python3
"""Score a taizhang binary on the holdout ledgers.

    python3 score.py --bin target/release/taizhang [--answers answers.json] [--files files/] [-v]

For every file of answers.json and each of its two as-of dates, runs
    BIN check FILE --as-of DATE --format json
(exit code 1 = error findings, normal) and compares, per unit, the five numbers
measures, measures_done, measures_long_term, measures_not_done (= in_progress + not_started + unknown), overdue.

A (unit, date) pair is
  right      all five numbers equal (units matched by name, whitespace ignored);
  abstained  not right, and the JSON has a finding of rule `uncertain-reading` for that unit
             (its community, or one of the unit's sheets in that file);
  wrong      otherwise: numbers differ, unit missing, or the run crashed / printed no JSON.
An extra unit (a community in the JSON whose name is not in the answers) is one more wrong pair per date.
"""
import argparse, collections, json, os, re, subprocess, sys

KEYS = ["measures", "measures_done", "measures_long_term", "measures_not_done", "overdue"]
SHORT = ["m", "done", "long", "notdone", "overdue"]


def norm(s):
    return re.sub(r"\s+", "", str(s or ""), flags=re.UNICODE).replace("\u3000", "")


def got_numbers(c):
    def g(k):
        v = c.get(k, 0)
        return v if isinstance(v, int) else 0
    return dict(measures=g("measures"), measures_done=g("measures_done"), measures_long_term=g("measures_long_term"),
                measures_not_done=g("measures_in_progress") + g("measures_not_started") + g("measures_unknown_status"),
                overdue=g("overdue"))


def fmt(d):
    return "/".join(str(d[k]) for k in KEYS) if d else "-"


def run(binary, path, date, timeout):
    """Returns (json document or None, reason)."""
    try:
        p = subprocess.run([binary, "check", path, "--as-of", date, "--format", "json"],
                           capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"timeout after {timeout}s"
    except OSError as e:
        return None, f"cannot run {binary}: {e}"
    if p.returncode not in (0, 1):
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        why = f"exit code {p.returncode}" + (f": {err[-1][:200]}" if err else "")
        try:
            doc = json.loads(p.stdout.decode("utf-8"))
            if isinstance(doc, dict) and isinstance(doc.get("communities"), list):
                return doc, why + " (JSON still read)"
        except Exception:
            pass
        return None, why
    try:
        doc = json.loads(p.stdout.decode("utf-8"))
    except Exception as e:
        return None, f"output is not JSON ({e.__class__.__name__}: {str(e)[:120]})"
    if not isinstance(doc, dict) or not isinstance(doc.get("communities"), list):
        return None, "JSON has no `communities` array"
    return doc, "ok"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--answers", default=os.path.join(here, "answers.json"))
    ap.add_argument("--files", default=os.path.join(here, "files"))
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("-v", "--verbose", action="store_true", help="print the columns read for each ledger")
    a = ap.parse_args()
    answers = json.load(open(a.answers, encoding="utf-8"))
    total = collections.Counter()
    per_file = []
    for ans in answers:
        path = os.path.join(a.files, ans["file"])
        print(f"\n=== {ans['file']}  ({ans['kind']})")
        fc = collections.Counter()
        rules_by_date = {}
        units = ans["units"]
        nunits = {norm(u): u for u in units}
        for date in ans["as_of"]:
            doc, why = run(a.bin, path, date, a.timeout)
            if doc is None:
                print(f"  as-of {date}: RUN FAILED — {why}; every unit of the file counts as wrong")
                for u in units:
                    fc["wrong"] += 1
                    print(f"  {date}  {u:<14}  expected {fmt(units[u][date]):<16} got -                 wrong (run failed)")
                rules_by_date[date] = None
                continue
            if why != "ok":
                print(f"  as-of {date}: note — {why}")
            findings = doc.get("findings") or []
            rules_by_date[date] = collections.Counter(f.get("rule", "?") for f in findings if isinstance(f, dict))
            got = {}
            for c in doc["communities"]:
                if not isinstance(c, dict):
                    continue
                n = norm(c.get("community"))
                g = got_numbers(c)
                if n in got:  # the same name twice: add up
                    got[n] = {k: got[n][k] + g[k] for k in KEYS}
                else:
                    got[n] = g
            unsure = [f for f in findings if isinstance(f, dict) and f.get("rule") == "uncertain-reading"]
            for u, per_date in units.items():
                exp = per_date[date]
                g = got.get(norm(u))
                sheets = set(ans.get("unit_sheets", {}).get(u, []))
                is_unsure = any(norm(f.get("community")) == norm(u) or
                                (f.get("sheet") in sheets and os.path.basename(str(f.get("file", ""))) in (ans["file"], ""))
                                for f in unsure)
                if g is not None and all(g[k] == exp[k] for k in KEYS):
                    verdict = "right"
                elif is_unsure:
                    verdict = "abstained"
                else:
                    verdict = "wrong" + ("" if g is not None else " (unit missing)")
                fc[verdict.split()[0]] += 1
                print(f"  {date}  {u:<14}  expected {fmt(exp):<16} got {fmt(g):<16}  {verdict}")
            for n, g in got.items():
                if n not in nunits:
                    fc["wrong"] += 1
                    fc["extra"] += 1
                    print(f"  {date}  {n:<14}  expected {'-':<16} got {fmt(g):<16}  wrong (extra unit)")
            if a.verbose and date == ans["as_of"][0]:
                exp_sheets = ans.get("sheets", {})
                for inp in doc.get("inputs", []):
                    for led in inp.get("ledgers", []) or []:
                        cols = led.get("columns") or {}
                        es = exp_sheets.get(led.get("sheet"), {}).get("columns", {})
                        parts = []
                        for fld in ("problem", "measure", "deadline", "status", "unit", "person", "department"):
                            c = cols.get(fld)
                            gc = f"{c['column']}({c.get('header', '')})" if isinstance(c, dict) else "—"
                            parts.append(f"{fld}={gc} [exp {es.get(fld) or '—'}]")
                        print(f"  columns {led.get('sheet')!r} → {led.get('community')!r}, header row {led.get('header_row')}, "
                              f"{led.get('data_rows')} rows: " + "; ".join(parts))
        n = sum(fc[k] for k in ("right", "abstained", "wrong"))
        print(f"  --> right {fc['right']} / abstained {fc['abstained']} / wrong {fc['wrong']}  of {n}"
              + (f"  ({fc['extra']} extra-unit pairs among the wrong)" if fc["extra"] else ""))
        rules = sorted({r for c in rules_by_date.values() if c for r in c})
        if rules:
            print("  findings by rule (" + " / ".join(ans["as_of"]) + "): " +
                  ", ".join(f"{r} " + "/".join(str(rules_by_date[d][r]) if rules_by_date[d] is not None else "x"
                                                for d in ans["as_of"]) for r in rules))
        total.update(fc)
        per_file.append((ans["file"], fc, n))
    print("\n=== summary (unit-date pairs: right / abstained / wrong)")
    for f, fc, n in per_file:
        print(f"  {fc['right']:>3} / {fc['abstained']:>3} / {fc['wrong']:>3}  of {n:>3}   {f}")
    n = sum(total[k] for k in ("right", "abstained", "wrong"))
    print(f"  {total['right']:>3} / {total['abstained']:>3} / {total['wrong']:>3}  of {n:>3}   TOTAL"
          + (f"  (of which {total['extra']} extra-unit pairs)" if total["extra"] else ""))


if __name__ == "__main__":
    main()
