#!/usr/bin/env python3
"""Benchmarks of taizhang merge and check against the floor, pandas and polars.

    python3 bench/run.py            # 200x500 and 10x20000, 5 runs each
    python3 bench/run.py --scale    # also 1,000 and 5,000 files of 500 rows (3 runs each,
                                    # taizhang and the floor only)
    python3 bench/run.py --runs 3 --only 200x500
    python3 bench/run.py --auditor  # the auditor's commands on consolidated workbooks of 200,
                                    # 1,000 and 5,000 files of 500 rows (3 runs each)

Builds the release binary and examples, generates the corpora (deterministic, seed 1) under
target/bench/, then runs every program on every corpus, interleaved, and reports the medians of
whole-process wall time and peak RSS, with ratios to the floor. The Python pipelines run when
pandas (with openpyxl and xlsxwriter) or polars (with fastexcel and xlsxwriter) are installed,
and are skipped with a message otherwise. Results go to stdout and to bench/last-run.md.
"""

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "target", "bench")
REL = os.path.join(ROOT, "target", "release")

SHAPES = {"200x500": (200, 500), "10x20000": (10, 20000)}
SCALE = {"1000x500": (1000, 500), "5000x500": (5000, 500)}


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def build():
    sh(["cargo", "build", "--release", "--quiet", "--bin", "taizhang",
        "--example", "gen_corpus", "--example", "floor"], cwd=ROOT)


def corpus(name, files, rows, round2=0):
    path = os.path.join(BENCH, "c" + name + (f"-r2" if round2 else ""))
    marker = os.path.join(path, ".complete")
    if not os.path.exists(marker):
        shutil.rmtree(path, ignore_errors=True)
        extra = ["--round2", str(round2)] if round2 else []
        sh([os.path.join(REL, "examples", "gen_corpus"), "--files", str(files), "--rows", str(rows),
            "--seed", "1", "--out", path] + extra, stdout=subprocess.DEVNULL)
        open(marker, "w").close()
    size = sum(os.path.getsize(os.path.join(path, f)) for f in os.listdir(path) if f.endswith(".xlsx"))
    return path, size


def python_has(*modules):
    probe = "import " + ", ".join(modules)
    return subprocess.run([sys.executable, "-c", probe], capture_output=True).returncode == 0


def measure(cmd):
    """Runs a command; returns (wall seconds, peak RSS in MiB, exit code)."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    p.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024.0, code


def programs(path, out):
    tz = os.path.join(REL, "taizhang")
    progs = [
        ("floor", [os.path.join(REL, "examples", "floor"), path, "-o", out]),
        ("taizhang merge", [tz, "merge", path, "-o", out, "--as-of", "2023-03-30"]),
        ("taizhang check", [tz, "check", path, "--as-of", "2023-03-30", "--format", "json"]),
        ("floor (streaming)", [os.path.join(REL, "examples", "floor"), path, "-o", out, "--stream"]),
    ]
    if python_has("pandas", "openpyxl", "xlsxwriter"):
        progs.append(("pandas", [sys.executable, os.path.join(ROOT, "bench", "pandas_merge.py"), path, out]))
    if python_has("polars", "fastexcel", "xlsxwriter"):
        progs.append(("polars", [sys.executable, os.path.join(ROOT, "bench", "polars_merge.py"), path, out]))
    return progs


AUDITOR = {"200x500": (200, 500), "1000x500": (1000, 500), "5000x500": (5000, 500)}


def auditor(runs):
    """The auditor's commands on the consolidated workbook a merge wrote, in the same runs as
    that merge: time as a ratio to it, and peak RSS."""
    tz = os.path.join(REL, "taizhang")
    lines = [f"Machine: {os.cpu_count()} cores, {platform.platform()}; {runs} runs each, interleaved; "
             f"date {time.strftime('%Y-%m-%d %H:%M')}.", "",
             "| corpus | command | wall s (median) | peak RSS MiB (median) | wall / merge |",
             "|---|---|---:|---:|---:|"]
    for name, (files, rows) in AUDITOR.items():
        r1, _ = corpus(name, files, rows)
        r2, _ = corpus(name, files, rows, round2=10)
        book1 = os.path.join(BENCH, f"auditor-{name}-r1.xlsx")
        book2 = os.path.join(BENCH, f"auditor-{name}-r2.xlsx")
        sh([tz, "merge", r2, "-o", book2, "--as-of", "2023-06-30"], stdout=subprocess.DEVNULL)
        cmds = [
            ("merge (writes the workbook)", [tz, "merge", r1, "-o", book1, "--as-of", "2023-06-30"]),
            ("verify", [tz, "verify", book1]),
            ("check of the workbook", [tz, "check", book1, "--as-of", "2023-06-30", "--format", "json"]),
            ("report (.docx)", [tz, "report", book1, "-o", os.path.join(BENCH, "auditor.docx"), "--as-of", "2023-06-30"]),
            ("merge of the workbook", [tz, "merge", book1, "-o", os.path.join(BENCH, "auditor-district.xlsx"), "--as-of", "2023-06-30"]),
            ("diff of two rounds", [tz, "diff", book1, book2]),
        ]
        results = {label: [] for label, _ in cmds}
        for _ in range(runs):
            for label, cmd in cmds:
                wall, rss, code = measure(cmd)
                if code not in (0, 1):
                    print(f"{label} on {name} failed with exit {code}", file=sys.stderr)
                results[label].append((wall, rss))
        merge = statistics.median(w for w, _ in results[cmds[0][0]])
        label_corpus = f"{name} ({files * rows:,} measures, {os.path.getsize(book1) / 1e6:.0f} MB workbook)"
        for label, got in results.items():
            wall = statistics.median(w for w, _ in got)
            rss = statistics.median(m for _, m in got)
            lines.append(f"| {label_corpus} | {label} | {wall:.2f} | {rss:.0f} | {wall / merge:.2f} |")
            label_corpus = ""
        print("\n".join(lines[-len(results):]), flush=True)
    text = "\n".join(lines) + "\n"
    with open(os.path.join(ROOT, "bench", "last-auditor-run.md"), "w") as f:
        f.write(text)
    print()
    print(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--scale", action="store_true", help="also 1,000 and 5,000 files")
    ap.add_argument("--only", help="one corpus, e.g. 200x500")
    ap.add_argument("--no-python", action="store_true", help="skip pandas and polars")
    ap.add_argument("--auditor", action="store_true",
                    help="the auditor's commands (verify, check, report, merge, diff) on consolidated workbooks")
    args = ap.parse_args()
    build()
    if args.auditor:
        os.makedirs(BENCH, exist_ok=True)
        auditor(min(args.runs, 3))
        return
    os.makedirs(BENCH, exist_ok=True)
    shapes = dict(SHAPES)
    if args.scale:
        shapes.update(SCALE)
    if args.only:
        shapes = {args.only: {**SHAPES, **SCALE}[args.only]}
    if not args.no_python:
        for name, mods in [("pandas", ("pandas", "openpyxl", "xlsxwriter")), ("polars", ("polars", "fastexcel", "xlsxwriter"))]:
            if not python_has(*mods):
                print(f"skipping {name}: the Python packages {', '.join(mods)} are not installed", file=sys.stderr)
    lines = []
    head = f"| corpus | program | wall s (median) | peak RSS MiB (median) | wall / floor | RSS / floor |"
    lines.append(f"Machine: {os.cpu_count()} cores, {platform.platform()}; {args.runs} runs each, interleaved; "
                 f"date {time.strftime('%Y-%m-%d %H:%M')}.")
    lines.append("")
    lines.append(head)
    lines.append("|---|---|---:|---:|---:|---:|")
    ratios = []
    for name, (files, rows) in shapes.items():
        path, size = corpus(name, files, rows)
        out = os.path.join(BENCH, f"out-{name}.xlsx")
        progs = programs(path, out)
        scale = name in SCALE
        if args.no_python or scale:
            progs = [p for p in progs if p[0] not in ("pandas", "polars")]
        results = {p[0]: [] for p in progs}
        slow = {"pandas", "polars"}
        runs = min(args.runs, 3) if scale else args.runs
        for r in range(runs):
            for label, cmd in progs:
                if label in slow and r >= 2:
                    continue  # the Python pipelines are an order slower: two runs tell enough
                wall, rss, code = measure(cmd)
                if code not in (0, 1):
                    print(f"{label} on {name} failed with exit {code}", file=sys.stderr)
                results[label].append((wall, rss))
        floor_wall = statistics.median(w for w, _ in results["floor"])
        floor_rss = statistics.median(m for _, m in results["floor"])
        corpus_label = f"{name} ({size / 1e6:.1f} MB, {files * rows:,} rows)"
        for label, runs in results.items():
            if not runs:
                continue
            wall = statistics.median(w for w, _ in runs)
            rss = statistics.median(m for _, m in runs)
            lines.append(f"| {corpus_label} | {label} | {wall:.2f} | {rss:.0f} | {wall / floor_wall:.2f} | {rss / floor_rss:.2f} |")
            corpus_label = ""
        print("\n".join(lines[-len(results):]), flush=True)
        merge = statistics.median(w for w, _ in results["taizhang merge"])
        check = statistics.median(w for w, _ in results["taizhang check"])
        ratios.append(f"- {name}: merge / check wall time = {merge / check:.2f}")
    lines.append("")
    lines.append("How much faster `check` is than `merge` (medians of the same runs):")
    lines.append("")
    lines.extend(ratios)
    text = "\n".join(lines) + "\n"
    with open(os.path.join(ROOT, "bench", "last-run.md"), "w") as f:
        f.write(text)
    print()
    print(text)


if __name__ == "__main__":
    main()
