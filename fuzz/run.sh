#!/usr/bin/env bash
# Runs every fuzz target (or those named after SECONDS) for SECONDS each (default 300), seeded with the samples and, when it is
// there, the real-world corpus in ../tests/fixtures/corpus. Needs cargo-fuzz (`cargo install
# cargo-fuzz`); on a stable toolchain RUSTC_BOOTSTRAP=1 lets it use the sanitizer flags.
# Findings land in fuzz/artifacts/<target>/; a summary of executions is printed per target.
set -uo pipefail
cd "$(dirname "$0")"
secs=${1:-300}
shift || true
targets=${*:-deadline status enumeration header_grid read_xlsx read_xls read_csv}
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O || exit 1
shared=../tests/fixtures/corpus
seed() { # target, extensions...
  local t=$1; shift
  mkdir -p "corpus/$t" "seeds/$t"
  for ext in "$@"; do
    find ../samples "$shared" -type f -iname "*.$ext" -size -2M 2>/dev/null | while read -r f; do
      cp "$f" "seeds/$t/$(echo "$f" | md5sum | cut -c1-16).$ext"
    done
  done
}
seed read_xlsx xlsx xlsm
seed read_xls xls
seed read_csv csv
for t in deadline status enumeration header_grid; do mkdir -p "corpus/$t" "seeds/$t"; done
for t in $targets; do
  echo "== $t"
  cargo fuzz run -O "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 2>&1 \
    | grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|SUMMARY|ERROR|crash-|oom-|timeout-" || true
done
