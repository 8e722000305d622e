"""The pandas pipeline of the benchmark: openpyxl reads each workbook's first sheet,
three columns are forward-filled, all rows are written with xlsxwriter."""
import os
import sys

import pandas as pd

src, out = sys.argv[1], sys.argv[2]
frames = []
for name in sorted(os.listdir(src)):
    if name.endswith(".xlsx"):
        df = pd.read_excel(os.path.join(src, name), sheet_name=0, header=None, engine="openpyxl")
        df.iloc[:, :3] = df.iloc[:, :3].ffill()
        frames.append(df)
data = pd.concat(frames, ignore_index=True)
with pd.ExcelWriter(out, engine="xlsxwriter") as w:
    for k, start in enumerate(range(0, len(data), 1_048_576)):
        data.iloc[start:start + 1_048_576].to_excel(w, sheet_name=f"Sheet{k + 1}", header=False, index=False)
