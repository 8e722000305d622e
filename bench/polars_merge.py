"""The polars pipeline of the benchmark: the calamine engine (fastexcel) reads each workbook's
first sheet, three columns are forward-filled, all rows are written with xlsxwriter. Mixed
columns are read as text (polars needs one type per column)."""
import os
import sys

import polars as pl

src, out = sys.argv[1], sys.argv[2]
frames = []
for name in sorted(os.listdir(src)):
    if name.endswith(".xlsx"):
        df = pl.read_excel(os.path.join(src, name), sheet_id=1, engine="calamine", has_header=False,
                           infer_schema_length=0)
        cols = df.columns[:3]
        df = df.with_columns([pl.col(c).forward_fill() for c in cols])
        frames.append(df)
data = pl.concat(frames, how="diagonal_relaxed")
data.write_excel(out, include_header=False)
