#!/usr/bin/env bash
# Builds taizhang.exe for Windows (x86_64-pc-windows-gnu) from Debian's packages only, runs it
# under wine on the samples against the Linux build of the same sources, and packs the release
# folder a clerk unzips (taizhang.exe, 使用说明.txt, the samples) as dist/out/taizhang-windows.zip.
#
# Debian 12's rustc-web (bookworm-security) with its standard library's source (rust-web-src)
# builds std for the target (-Zbuild-std, allowed by RUSTC_BOOTSTRAP=1: Debian ships no
# prebuilt std for Windows); mingw-w64 links it. Wine 8.0 lacks bcryptprimitives.dll, whose
# ProcessPrng Rust's std imports (Windows 10 and later have it): a stand-in of a few lines of C
# is built here and put beside the .exe under test only, never in the release.
#
# Exits non-zero when anything fails to build or any comparison with Linux fails.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/dist/out
target=$root/target/windows
triple=x86_64-pc-windows-gnu
as_of=2023-03-30
started=$(date +%s)
lap=$started
say() { echo "windows.sh: $*"; }
timing() {
  local now
  now=$(date +%s)
  say "$1: $((now - lap)) s"
  lap=$now
}
failed=0
fail() {
  say "FAILED: $*" >&2
  failed=1
}

# 1. Debian's packages, only those missing.
packages=(rustc-web cargo-web rust-web-src gcc-mingw-w64-x86-64 wine)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    say "missing Debian packages: ${missing[*]} (run as root to install them)" >&2
    exit 2
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
timing "packages (${missing[*]:-none missing})"

# 2. taizhang.exe. Debian's cargo-web installs /usr/bin/cargo (and rustc-web /usr/bin/rustc),
# named explicitly in case a rustup toolchain comes first on PATH. Its own target folder, so
# the Linux build is not disturbed; release only.
(
  export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1
  export CARGO_TARGET_DIR=$target
  export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
  /usr/bin/cargo build --quiet --release --locked --target $triple -Zbuild-std
)
# What ships, and what is tested: without its symbols (mingw's strip, from gcc-mingw-w64's
# binutils).
exe=$target/taizhang.exe
x86_64-w64-mingw32-strip -o "$exe" "$target/$triple/release/taizhang.exe"
timing "taizhang.exe built ($(stat -c %s "$exe") bytes, stripped)"

# The Linux build of the same sources, the reference (the one `cargo test` built), and the
# example that zips the release.
cargo build --quiet --locked --bin taizhang --example zip_release
linux=${CARGO_TARGET_DIR:-$root/target}/debug/taizhang
timing "Linux build"

# 3. The stand-in bcryptprimitives.dll for wine: ProcessPrng from RtlGenRandom.
work=$(mktemp -d)
trap 'WINEPREFIX=$work/prefix wineserver -k 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/bin"
cat >"$work/prng.c" <<'EOF'
#include <windows.h>
/* RtlGenRandom, exported by advapi32 as SystemFunction036. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);
/* What Windows 10's bcryptprimitives.dll exports and Rust's std calls: fills the buffer. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
  while (length > 0) {
    ULONG n = length > 0x10000000 ? 0x10000000 : (ULONG)length;
    if (!SystemFunction036(data, n)) return FALSE;
    data += n;
    length -= n;
  }
  return TRUE;
}
EOF
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$work/bin/bcryptprimitives.dll" "$work/prng.c" -ladvapi32
cp "$exe" "$work/bin/taizhang.exe"
timing "stand-in bcryptprimitives.dll"

# 4. Under wine, in a prefix of its own; no display (console program), no Mono or Gecko.
export WINEPREFIX=$work/prefix WINEDEBUG=-all WINEARCH=win64
export WINEDLLOVERRIDES="bcryptprimitives=n;mscoree=d;mshtml=d;winebrowser.exe=d"
unset DISPLAY WAYLAND_DISPLAY
wine wineboot --init >/dev/null 2>&1 || true
timing "wine prefix"
win() { wine "$work/bin/taizhang.exe" "$@" </dev/null; }
# Both run in the same folder on a copy of the samples, with the same relative paths.
W=$work/win L=$work/linux
mkdir -p "$W" "$L" "$work/run"
cp -r samples "$work/run/samples"
cd "$work/run"

# check: the same JSON as Linux (which tests/it/samples.rs holds to samples/expected.json).
win check samples --as-of $as_of --format json >"$W/check.json" || true
"$linux" check samples --as-of $as_of --format json >"$L/check.json" || true
if cmp -s "$W/check.json" "$L/check.json" && [ -s "$W/check.json" ]; then
  say "check: the same JSON as Linux ($(stat -c %s "$W/check.json") bytes)"
else
  fail "check: Windows' JSON differs from Linux's"
  diff <(head -c 3000 "$L/check.json") <(head -c 3000 "$W/check.json") | head -20 >&2 || true
fi
# The console's words: Chinese, as on Linux.
win check samples --as-of $as_of >"$W/check.txt" || true
"$linux" check samples --as-of $as_of >"$L/check.txt" || true
if cmp -s "$W/check.txt" "$L/check.txt"; then
  say "check: the same Chinese text as Linux ($(wc -l <"$W/check.txt") lines)"
else
  fail "check: Windows' text differs from Linux's"
  diff "$L/check.txt" "$W/check.txt" | head -20 >&2 || true
fi
timing "check"

# merge: the same workbook, byte for byte (relative paths, as given).
win merge samples --as-of $as_of -o merged.xlsx >"$W/merge.txt" 2>&1 || true
mv merged.xlsx "$W/merged.xlsx" 2>/dev/null || true
"$linux" merge samples --as-of $as_of -o merged.xlsx >/dev/null 2>&1 || true
mv merged.xlsx "$L/merged.xlsx" 2>/dev/null || true
if [ -s "$W/merged.xlsx" ] && cmp -s "$W/merged.xlsx" "$L/merged.xlsx"; then
  say "merge: the same workbook as Linux ($(stat -c %s "$W/merged.xlsx") bytes); Windows said:"
  sed 's/^/    /' "$W/merge.txt"
else
  fail "merge: Windows' workbook differs from Linux's"
  cat "$W/merge.txt" >&2
fi
timing "merge"

# verify: each system's workbook on the other, with the sources.
cp "$L/merged.xlsx" linux-merged.xlsx
if win verify linux-merged.xlsx --sources samples >"$W/verify.txt" 2>&1; then
  say "verify: Windows verifies Linux's workbook: $(grep -m1 . "$W/verify.txt")"
else
  fail "verify: Windows does not verify Linux's workbook"
  cat "$W/verify.txt" >&2
fi
rm -f linux-merged.xlsx
if "$linux" verify "$W/merged.xlsx" --sources samples >"$L/verify.txt" 2>&1; then
  say "verify: Linux verifies Windows' workbook"
else
  fail "verify: Linux does not verify Windows' workbook"
  cat "$L/verify.txt" >&2
fi
timing "verify"

# report: the same draft, its chart drawn from the same fonts: the Chinese one named by
# TAIZHANG_FONT, and for the digits (Droid Sans Fallback has none) the system's DejaVu Sans,
# which Windows finds in its Fonts folder (wine's prefix has none of its own there).
font=$(ls /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf \
  /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc 2>/dev/null | head -1 || true)
if ls /usr/share/fonts/truetype/dejavu/*.ttf >/dev/null 2>&1; then
  mkdir -p "$WINEPREFIX/drive_c/windows/Fonts"
  cp /usr/share/fonts/truetype/dejavu/*.ttf "$WINEPREFIX/drive_c/windows/Fonts/"
fi
for kind in docx md; do
  TAIZHANG_FONT=$font win report samples --as-of $as_of -o "report.$kind" >/dev/null 2>&1 || true
  mv "report.$kind" "$W/report.$kind" 2>/dev/null || true
  TAIZHANG_FONT=$font "$linux" report samples --as-of $as_of -o "report.$kind" >/dev/null 2>&1 || true
  mv "report.$kind" "$L/report.$kind" 2>/dev/null || true
  if [ -s "$W/report.$kind" ] && cmp -s "$W/report.$kind" "$L/report.$kind"; then
    say "report: the same .$kind as Linux ($(stat -c %s "$W/report.$kind") bytes)"
  else
    fail "report: Windows' .$kind differs from Linux's"
  fi
done
timing "report"

# A folder dropped on the program in Explorer: Explorer passes its absolute path and gives the
# program a console of its own, as `start` does; the workbook appears beside the folder.
mkdir -p "$work/drop/cwd"
cp -r samples "$work/drop/台账"
(cd "$work/drop/cwd" && wine start /wait /unix "$work/bin/taizhang.exe" "$(winepath -w "$work/drop/台账")" \
  --as-of $as_of </dev/null >/dev/null 2>&1) || true
dropped=$work/drop/汇总_$as_of.xlsx
if [ -s "$dropped" ] && [ -z "$(ls "$work/drop/cwd")" ] &&
  "$linux" verify "$dropped" >"$L/verify-drop.txt" 2>&1; then
  say "drop: the workbook of a folder dropped is beside it, and Linux verifies it"
else
  fail "drop: no workbook beside the folder dropped, or one Linux does not verify"
  ls -R "$work/drop" >&2
  cat "$L/verify-drop.txt" >&2 || true
fi
timing "drop"

# Started without arguments (a double-click): the page, served.
win >"$W/page.txt" 2>&1 &
page_pid=$!
url=
for _ in $(seq 60); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$W/page.txt" | head -1 || true)
  [ -n "$url" ] && break
  sleep 0.5
done
if [ -n "$url" ] && curl -fsS -o "$W/page.html" "$url" && grep -q '<html' "$W/page.html"; then
  say "double-click: the page answers at $url; the console said:"
  # Without wine's lines about the browser it has not (winebrowser is disabled here).
  grep -v 'ShellExecuteEx\|Application could not be started\|^$' "$W/page.txt" | sed 's/^/    /'

else
  fail "double-click: no page"
  cat "$W/page.txt" >&2
fi
kill "$page_pid" 2>/dev/null || true
wineserver -k 2>/dev/null || true
wait "$page_pid" 2>/dev/null || true
timing "double-click"

cd "$root"

# 5. The release folder, zipped: taizhang.exe, 使用说明.txt, the samples (without Excel's lock
# file). Names in UTF-8, flagged as such, so Explorer shows them in Chinese
# (examples/zip_release.rs).
rel=$work/release/taizhang
mkdir -p "$rel/样例" "$out"
cp "$exe" "$rel/taizhang.exe"
# CRLF and a BOM, for every Notepad.
printf '\xef\xbb\xbf' >"$rel/使用说明.txt"
sed 's/$/\r/' dist/使用说明.txt >>"$rel/使用说明.txt"
for f in samples/*; do
  case "$(basename "$f")" in '~$'* | regenerate.sh | expected.json) continue ;; esac
  cp "$f" "$rel/样例/"
done
rm -f "$out/taizhang-windows.zip"
"${CARGO_TARGET_DIR:-$root/target}/debug/examples/zip_release" "$rel" "$out/taizhang-windows.zip"
say "release: $out/taizhang-windows.zip ($(stat -c %s "$out/taizhang-windows.zip") bytes)"
timing "release zip"

say "total: $(($(date +%s) - started)) s"
if [ $failed != 0 ]; then
  say "some comparisons failed" >&2
  exit 1
fi
say "all comparisons passed"
