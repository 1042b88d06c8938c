#!/usr/bin/env bash
# Workbooks the desk writes, read back by two readers nobody here wrote: Python's openpyxl (PyPI)
# and LibreOffice's headless converter (Debian). Checks the export against the desk's own CSV
# export row by row (ids as text, times as real dates, flags as booleans), the board's numbers,
# and that the synthetic LAPOR! workbook (shared strings, rich text, 1904 dates) opens in both.
# Usage: bash Tests/xlsx/outside-readers.sh [debug|release]
set -euo pipefail
cd "$(dirname "$0")/../.."
config="${1:-debug}"
lapor=".build/$config/lapor"
python3 -c 'import openpyxl' 2>/dev/null || { echo "outside-readers: openpyxl is missing (python3 -m pip install openpyxl)"; exit 1; }
command -v soffice >/dev/null || { echo "outside-readers: LibreOffice is missing (apt-get install libreoffice-calc-nogui)"; exit 1; }
dir=$(mktemp -d /tmp/lapor-xlsx-readers.XXXXXX)
trap 'rm -rf "$dir"' EXIT
export LAPOR_DB="$dir/desk.sqlite"
now=2026-11-23T09:00:00+07:00
"$lapor" --now "$now" init >/dev/null
"$lapor" sample-export "$dir/lapor.xlsx" --rows 300 --seed 4 --quirks >/dev/null
"$lapor" --now "$now" import "$dir/lapor.xlsx" >/dev/null
"$lapor" --now "$now" export --format xlsx -o "$dir/export.xlsx"
"$lapor" --now "$now" export --format csv -o "$dir/export.csv"
"$lapor" --now "$now" stats board --from 2021-01-01 --to 2024-12-31 --format xlsx -o "$dir/board.xlsx"
"$lapor" --now "$now" stats board --from 2021-01-01 --to 2024-12-31 --json > "$dir/board.json"

soffice -env:UserInstallation="file://$dir/lo-profile" --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' \
  --outdir "$dir/lo" "$dir/export.xlsx" "$dir/lapor.xlsx" >/dev/null 2>&1

python3 - "$dir" <<'PY'
import csv, json, sys, datetime, openpyxl
d = sys.argv[1]
with open(f"{d}/export.csv", newline="", encoding="utf-8") as f:
    desk = list(csv.DictReader(f))
assert len(desk) == 300, len(desk)

# openpyxl: the export, cell by cell against the desk's CSV.
ws = openpyxl.load_workbook(f"{d}/export.xlsx").active
rows = list(ws.iter_rows(values_only=True))
header, body = list(rows[0]), rows[1:]
assert header == list(desk[0].keys()), header
assert len(body) == len(desk)
for cells, want in zip(body, desk):
    got = dict(zip(header, cells))
    assert got["tracking_id"] == want["tracking_id"], (got["tracking_id"], want["tracking_id"])
    assert isinstance(got["submitted_at"], datetime.datetime)
    assert got["submitted_at"].strftime("%Y-%m-%dT%H:%M:%S") == want["submitted_at"][:19], (got["submitted_at"], want["submitted_at"])
    assert got["anonymous"] is (want["anonymous"] == "true") and got["confidential"] is (want["confidential"] == "true")
    for key in ("title", "body", "agency", "status", "category"):
        assert (got[key] or "") == want[key], (key, got[key], want[key])

# openpyxl: the board's figures are numbers equal to the JSON board.
board = json.load(open(f"{d}/board.json"))
ws = openpyxl.load_workbook(f"{d}/board.xlsx").active
lines = [r for r in ws.iter_rows(min_row=3, values_only=True) if r[0]]
by_code = {r[0]: r for r in lines[1:]}
assert len(by_code) == len(board["agencies"]), (len(by_code), len(board["agencies"]))
for a in board["agencies"]:
    r = by_code[a["agency"]]
    assert r[1] == a["counts"]["dispositioned"] and r[4] == a["counts"]["resolved"] and r[6] == a["overdue"], (r, a)

# openpyxl: the LAPOR!-shaped workbook (shared strings, rich text, 1904 dates, a notes sheet).
wb = openpyxl.load_workbook(f"{d}/lapor.xlsx")
assert wb.sheetnames == ["Catatan", "Laporan Ringkas"], wb.sheetnames
lr = list(wb["Laporan Ringkas"].iter_rows(values_only=True))
assert lr[10][0] == "Tracking ID" and len([r for r in lr[11:] if r[0] is not None]) == 300

# LibreOffice: the same export converted to CSV holds the same ids, titles and times.
with open(f"{d}/lo/export.csv", newline="", encoding="utf-8") as f:
    lo = list(csv.reader(f))
assert lo[0] == header and len(lo) == 301, (lo[0], len(lo))
for cells, want in zip(lo[1:], desk):
    assert cells[0] == want["tracking_id"] and cells[2] == want["title"], (cells[:3], want["tracking_id"])
    assert cells[1].replace(" ", "T")[:19] == want["submitted_at"][:19], (cells[1], want["submitted_at"])
with open(f"{d}/lo/lapor.csv", newline="", encoding="utf-8") as f:
    first_sheet = list(csv.reader(f))
assert first_sheet and first_sheet[0][0].startswith("Unduhan"), first_sheet[:1]
print("outside readers: openpyxl and LibreOffice read the export (300 rows), the board and the LAPOR! workbook")
PY
