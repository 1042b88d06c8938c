#!/usr/bin/env python3
"""The national calendar the desk ships, checked day by day against an independent source: the
`holidays` package from PyPI (Indonesia, categories public and government, i.e. libur nasional and
cuti bersama). Every shipped year must agree exactly; a difference fails with both lists.

    python3 -m pip install holidays && python3 Tests/calendar/crosscheck.py
"""
import csv
import pathlib
import sys

import holidays

shipped = pathlib.Path(__file__).resolve().parents[2] / "Sources/LaporCore/Resources/holidays-id.csv"
ours = {r["date"]: r["name"] for r in csv.DictReader(open(shipped, encoding="utf-8")) if r["calendar"] == "national"}
years = sorted({int(d[:4]) for d in ours})
theirs = {d.isoformat(): name for d, name in
          holidays.country_holidays("ID", years=years, categories=("public", "government")).items()}
only_ours = sorted(d for d in ours if d not in theirs)
only_theirs = sorted(d for d in theirs if d not in ours)
if only_ours or only_theirs:
    print("calendar: the shipped calendar differs from holidays", holidays.__version__)
    for d in only_theirs:
        print(f"  missing here: {d} {theirs[d]}")
    for d in only_ours:
        print(f"  only here:    {d} {ours[d]}")
    sys.exit(1)
print(f"calendar: {len(ours)} national days of {years[0]}–{years[-1]} match holidays {holidays.__version__}"
      " (public + government): 1 passed, 0 failed")
