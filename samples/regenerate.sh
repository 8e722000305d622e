#!/usr/bin/env bash
# Regenerates the sample ledgers. The .xlsx and .csv files are written by
# examples/make_samples.rs; the .xls and .ods files are converted from .xlsx by LibreOffice
# (Debian package libreoffice-calc), which only this script needs — tests read the committed files.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --quiet --example make_samples
src=target/sample-sources
if command -v soffice >/dev/null; then
  soffice --headless --convert-to xls --outdir samples "$src/自强社区整改台账.xlsx" >/dev/null
  soffice --headless --convert-to ods --outdir samples "$src/重庆路南社区整改台账.xlsx" >/dev/null
else
  echo "soffice not found: samples/*.xls and samples/*.ods were left as they are" >&2
fi
ls -l samples
