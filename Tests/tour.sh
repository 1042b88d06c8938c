#!/usr/bin/env bash
# Runs the README's tour as written, on a fresh demo in a temporary folder: the block under
# "A short tour", with the desk line run headless (it needs a terminal) and /tmp/ paths moved into
# the folder. Any line that fails stops the run with its text.
# Usage: bash Tests/tour.sh [debug|release]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bin="$root/.build/${1:-debug}/lapor"
dir=$(mktemp -d /tmp/lapor-tour.XXXXXX)
trap '[ -n "${KEEP_TOUR:-}" ] || rm -rf "$dir"' EXIT
script="$dir/tour.sh"
{
  echo 'set -euo pipefail'
  echo "lapor() { \"$bin\" \"\$@\"; }"
  awk '/^## A short tour/ {on=1} on && /^```sh/ {inblock=1; next} inblock && /^```/ {exit} inblock {print}' README.md \
    | grep -v '^swift build' \
    | sed -e "s#/tmp/#$dir/#g" \
          -e 's#^\(lapor --as [a-z.]* desk\)\( .*\)\?$#\1 --headless --keys "?q"#'
} > "$script"
lines=$(grep -c '^lapor\|^id' "$script")
cd "$dir"
PS4='+ tour: ' bash -x "$script" > "$dir/out.log" 2> "$dir/trace.log" || {
  echo "tour: a line failed:"; grep '^+ tour:' "$dir/trace.log" | tail -1; tail -5 "$dir/trace.log"; exit 1
}
echo "tour: the README's $lines lines ran as written on a fresh demo: 1 passed, 0 failed"
