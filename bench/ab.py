#!/usr/bin/env python3
"""Two taizhang binaries compared, their runs interleaved: before and after a change.

    python3 bench/ab.py BEFORE AFTER [--runs 5] [--corpus 1000x500] [--auditor]

BEFORE and AFTER are release binaries (copy the first aside before building the second).
The corpora are those of bench/run.py (target/bench/, generated there by `run.py` or by
`target/release/examples/gen_corpus`). Each run times every command with both binaries, the
order of the two alternating from run to run, under /usr/bin/time -v: wall, CPU (user +
system) and peak RSS. Prints the medians and after / before. Every output of both binaries
is written to target/bench/ab/ and compared byte for byte (the workbooks' and reports' zips
carry no dates; standard output is compared with the file names made the same), so a
change that moves an output is seen here too.
"""

import argparse
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "target", "bench")
OUT = os.path.join(BENCH, "ab")
AS_OF = "2023-06-30"


def timed(cmd, out):
    """(wall s, CPU s, peak RSS MiB) of one run, its stdout to `out`."""
    with open(out, "wb") as f:
        p = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=f, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed: {p.stderr.decode(errors='replace')[-2000:]}")
    got = {}
    for line in p.stderr.decode(errors="replace").splitlines():
        key, _, value = line.strip().rpartition(": ")
        got[key] = value
    h, m, s = (["0"] + got["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":"))[-3:]
    wall = int(h) * 3600 + int(m) * 60 + float(s)
    cpu = float(got["User time (seconds)"]) + float(got["System time (seconds)"])
    return wall, cpu, int(got["Maximum resident set size (kbytes)"]) / 1024


def commands(tz, tag, corpus, auditor):
    o = lambda name: os.path.join(OUT, f"{tag}-{name}")
    c = os.path.join(BENCH, "c" + corpus)
    cmds = [
        ("merge", [tz, "merge", c, "-o", o("merge.xlsx"), "--as-of", AS_OF], o("merge.out")),
        ("check", [tz, "check", c, "--as-of", AS_OF, "--format", "json"], o("check.json")),
    ]
    if auditor:
        book1 = os.path.join(BENCH, f"ab-{corpus}-r1.xlsx")
        book2 = os.path.join(BENCH, f"ab-{corpus}-r2.xlsx")
        cmds += [
            ("verify", [tz, "verify", book1, "--format", "json"], o("verify.json")),
            ("check of the workbook", [tz, "check", book1, "--as-of", AS_OF, "--format", "json"],
             o("check-book.json")),
            ("report (.docx)", [tz, "report", book1, "-o", o("report.docx"), "--as-of", AS_OF],
             o("report.out")),
            ("diff of two rounds", [tz, "diff", book1, book2, "--format", "json"], o("diff.json")),
        ]
    return cmds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--corpus", default="1000x500")
    ap.add_argument("--auditor", action="store_true",
                    help="also verify, check, report and diff of the merged workbook")
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    if args.auditor:
        # The workbooks the auditor's commands read, written once by the binary before.
        for r, src in (("r1", "c" + args.corpus), ("r2", "c" + args.corpus + "-r2")):
            book = os.path.join(BENCH, f"ab-{args.corpus}-{r}.xlsx")
            if not os.path.exists(book):
                subprocess.run([args.before, "merge", os.path.join(BENCH, src), "-o", book,
                                "--as-of", AS_OF], check=True, stdout=subprocess.DEVNULL)
    bins = {"before": args.before, "after": args.after}
    plan = {tag: commands(b, tag, args.corpus, args.auditor) for tag, b in bins.items()}
    got = {(tag, label): [] for tag in bins for label, _, _ in plan[tag]}
    for run in range(args.runs):
        for k in range(len(plan["before"])):
            order = ["before", "after"] if (run + k) % 2 == 0 else ["after", "before"]
            for tag in order:
                label, cmd, out = plan[tag][k]
                got[(tag, label)].append(timed(cmd, out))
        print(f"run {run + 1} of {args.runs} done", file=sys.stderr)
    print(f"{args.corpus}, {args.runs} runs each, interleaved; medians")
    print()
    print("| command | wall s before | after | CPU s before | after | peak RSS MiB before | after |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, _, _ in plan["before"]:
        b = [statistics.median(x[i] for x in got[("before", label)]) for i in range(3)]
        a = [statistics.median(x[i] for x in got[("after", label)]) for i in range(3)]
        print(f"| {label} | {b[0]:.2f} | {a[0]:.2f} ({a[0] / b[0] - 1:+.1%}) | {b[1]:.2f} | "
              f"{a[1]:.2f} ({a[1] / b[1] - 1:+.1%}) | {b[2]:.0f} | {a[2]:.0f} ({a[2] / b[2] - 1:+.1%}) |")
    same = True
    for (_, cb, ob), (_, ca, oa) in zip(plan["before"], plan["after"]):
        # Its stdout, and the file it writes (after -o).
        pairs = [(ob, oa)] + ([(cb[cb.index("-o") + 1], ca[ca.index("-o") + 1])] if "-o" in cb else [])
        for x, y in pairs:
            # Standard output names the file written: the same but for before-/after-.
            bx = open(x, "rb").read().replace(b"/before-", b"/-")
            by = open(y, "rb").read().replace(b"/after-", b"/-")
            if bx != by:
                print(f"differs: {x} {y}")
                same = False
    print()
    print("outputs byte-identical" if same else "OUTPUTS DIFFER")


if __name__ == "__main__":
    main()
