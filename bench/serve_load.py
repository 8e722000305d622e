#!/usr/bin/env python3
"""A bounded load on the page of `taizhang serve`: concurrent page sessions, each doing what the
page's script does (open the page once, then, each round, make a batch, upload the samples and
check them), and what the server answered and how long it took.

    python3 bench/serve_load.py                  # 50 sessions, 5 rounds each, release binary
    python3 bench/serve_load.py --sessions 10 --rounds 1 --bin target/debug/taizhang

Starts `taizhang serve --port 0` on 127.0.0.1 (a free port; nothing but loopback is reached),
runs the sessions in threads from one starting line, then stops the server (SIGTERM). Each
session is bounded: the page, then `--rounds` rounds of 1 + N + 1 requests (batch, N uploads, check),
each request with a 120 s timeout, and the whole run stops after `--deadline` seconds. Prints the
latency of each kind of request (p50, p95, max), of a whole round, the error count and the rate;
exits 1 if any request failed. Uses only Python's standard library.
"""

import argparse
import http.client
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "samples")


def samples():
    """The sample ledgers, as the browser test picks them."""
    out = []
    for name in sorted(os.listdir(SAMPLES)):
        if name.startswith("~$") or name.endswith((".json", ".sh")):
            continue
        with open(os.path.join(SAMPLES, name), "rb") as f:
            out.append((name, f.read()))
    return out


def start(binary):
    proc = subprocess.Popen(
        [binary, "serve", "--port", "0", "--lang", "en"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    line = proc.stdout.readline()
    m = re.search(r"http://([0-9.]+):(\d+)/", line)
    if not m:
        proc.kill()
        sys.exit(f"no address in {line!r}")
    return proc, m.group(1), int(m.group(2))


class Session:
    """One page: its token, its requests' latencies by kind, its errors."""

    def __init__(self, host, port, files, timeout):
        self.host, self.port, self.files, self.timeout = host, port, files, timeout
        self.origin = f"http://{host}:{port}"
        self.times = {}
        self.rounds = []
        self.errors = []
        self.signed = None

    def request(self, kind, method, path, body=None, headers=None):
        h = {"Host": f"{self.host}:{self.port}"}
        h.update(headers or {})
        t = time.perf_counter()
        try:
            c = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            c.request(method, path, body=body, headers=h)
            r = c.getresponse()
            data = r.read()
            c.close()
        except OSError as e:
            self.errors.append(f"{kind}: {e}")
            return None
        self.times.setdefault(kind, []).append(time.perf_counter() - t)
        if r.status != 200:
            self.errors.append(f"{kind}: {r.status} {data[:200]!r}")
            return None
        return data

    def open(self):
        """The page, as the browser opens it: its token."""
        page = self.request("page", "GET", "/")
        if page is None:
            return False
        m = re.search(rb'name="taizhang-token" content="([0-9a-f]{64})"', page)
        if not m:
            self.errors.append("page: no token")
            return False
        self.signed = {
            "Origin": self.origin,
            "Sec-Fetch-Site": "same-origin",
            "X-Taizhang-Token": m.group(1).decode(),
        }
        return True

    def round(self):
        """What a drop of the samples on the page does: a batch, the uploads, the check."""
        t = time.perf_counter()
        signed = self.signed
        job = self.request("batch", "POST", "/api/jobs?lang=en", b"", signed)
        if job is None:
            return
        jid = json.loads(job)["id"]
        for name, data in self.files:
            path = urllib.parse.quote(name, safe="")
            if self.request("upload", "PUT", f"/api/jobs/{jid}/files?kind=input&path={path}&lang=en", data, signed) is None:
                return
        check = self.request(
            "check",
            "POST",
            f"/api/jobs/{jid}/check?lang=en",
            json.dumps({"as_of": "2023-03-30"}).encode(),
            dict(signed, **{"Content-Type": "application/json"}),
        )
        if check is None:
            return
        if json.loads(check)["check"]["totals"]["measures"] <= 0:
            self.errors.append("check: no measures")
            return
        self.rounds.append(time.perf_counter() - t)


def pct(xs, p):
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = max(0, min(len(xs) - 1, round(p / 100 * (len(xs) - 1))))
    return xs[k]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "taizhang"))
    ap.add_argument("--sessions", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--deadline", type=float, default=600.0)
    args = ap.parse_args()
    if not os.path.exists(args.bin):
        sys.exit(f"{args.bin}: build it first (cargo build --release)")
    files = samples()
    proc, host, port = start(args.bin)
    sessions = [Session(host, port, files, args.timeout) for _ in range(args.sessions)]
    line = threading.Barrier(args.sessions)

    def run(s):
        line.wait()
        if s.open():
            for _ in range(args.rounds):
                s.round()

    threads = [threading.Thread(target=run, args=(s,), daemon=True) for s in sessions]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(max(0.0, args.deadline - (time.perf_counter() - t0)))
    wall = time.perf_counter() - t0
    unfinished = sum(t.is_alive() for t in threads)
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()

    print(f"taizhang serve: {args.sessions} sessions x {args.rounds} rounds, "
          f"{len(files)} sample files a round, {os.cpu_count()} cores")
    print(f"{'request':<8} {'count':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for kind in ["page", "batch", "upload", "check"]:
        xs = [x for s in sessions for x in s.times.get(kind, [])]
        print(f"{kind:<8} {len(xs):>6} {pct(xs, 50) * 1e3:>8.1f} {pct(xs, 95) * 1e3:>8.1f} "
              f"{max(xs, default=float('nan')) * 1e3:>8.1f}")
    rounds = [x for s in sessions for x in s.rounds]
    print(f"{'round':<8} {len(rounds):>6} {pct(rounds, 50) * 1e3:>8.1f} {pct(rounds, 95) * 1e3:>8.1f} "
          f"{max(rounds, default=float('nan')) * 1e3:>8.1f}")
    requests = sum(len(v) for s in sessions for v in s.times.values())
    errors = [e for s in sessions for e in s.errors]
    print(f"requests {requests}, errors {len(errors)}, unfinished sessions {unfinished}, "
          f"wall {wall:.1f} s, {requests / wall:.0f} requests/s")
    for e in errors[:10]:
        print("  ", e)
    sys.exit(1 if errors or unfinished else 0)


if __name__ == "__main__":
    main()
