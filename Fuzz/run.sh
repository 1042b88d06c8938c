#!/usr/bin/env bash
# Builds each libFuzzer target from the core's pure source files and fuzzes it for SECONDS,
# with a corpus seeded from ../shared/data and the tests' hostile inputs. A crash fails the run
# and leaves the input as Fuzz/crash-TARGET-*; inputs that once crashed live in Fuzz/regressions/
# and are replayed first. FUZZ_SEED fixes libFuzzer's seed (CI uses 1; 0 or unset is random).
# Usage: [FUZZ_SEED=N] Fuzz/run.sh [SECONDS=60] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}; shift || true
targets=("${@:-csv json values filter sanitize}")
read -r -a targets <<< "${targets[*]}"
core=../Sources/LaporCore
sources=("$core"/Domain/{ReportState,ReportType,Role,LifecycleAction,Lifecycle,LaporError,Channel,Trend}.swift
         "$core"/Text/{Language,Sanitizer,DisplayWidth,FastTrim}.swift "$core"/Time/DeskZone.swift
         "$core"/Import/{ByteSource,TextDecoding,CSVReader,JSONRecordReader,ImportValues}.swift
         "$core"/Filter/{FilterExpr,FilterLexer,FilterParser}.swift)
build=${TMPDIR:-/tmp}/lapor-fuzz
samples=../../shared/data; [ -f "$samples/sample.ndjson" ] || samples=../Tests/Samples
mkdir -p "$build"
for t in "${targets[@]}"; do
  corpus=$build/corpus-$t
  mkdir -p "$corpus"
  case $t in
    csv) for f in "$samples"/*.csv; do [ -f "$f" ] && head -c 4000 "$f" > "$corpus/$(basename "$f")"; done
         printf 'a;b\r\n"x;""y""";"two\nlines"\n' > "$corpus/quotes.csv" ;;
    values) printf '9 Mei 2023 10:15' > "$corpus/d1"; printf '2023-05-09T10:15:00+08:00' > "$corpus/d2"
            printf '03/01/2022 01:45' > "$corpus/d3"; printf 'Terdisposisi ke Dinas Sosial' > "$corpus/s1" ;;
    json) for f in "$samples"/*.json "$samples"/*.ndjson; do [ -f "$f" ] && head -c 4000 "$f" > "$corpus/$(basename "$f")"; done
          printf '[{"a":"x\\"}{","b":[1,{"c":null}],"d":true}\n,{"e":1.5e3}]' > "$corpus/nested.json" ;;
    filter) printf '~c kebersihan ~o !~A' > "$corpus/f1"; printf '(~s new | ~d 2024-01..2024-03) banjir' > "$corpus/f2"
            printf "'; DROP TABLE report; --" > "$corpus/f3" ;;
    sanitize) printf 'Tolong!\x1b[2J\x1b]0;DIRETAS\x07 jalan \xe9\x81\x93\xe8\xb7\xaf \xf0\x9f\x98\xa1\xc2\x9b31m' > "$corpus/h1" ;;
  esac
  # The sanitizer runtime makes ld.gold print hundreds of harmless "Cannot export local symbol"
  # lines; the build's output is shown only when it fails.
  if ! swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name LaporFuzz "${sources[@]}" "targets/$t.swift" \
      -o "$build/fuzz-$t" > "$build/build-$t.log" 2>&1; then
    cat "$build/build-$t.log"
    echo "fuzz: $t does not build"
    exit 1
  fi
  echo "fuzzing $t for $seconds s"
  log=$build/fuzz-$t.log
  extra=(); [ -d "regressions/$t" ] && extra=("regressions/$t")
  if ! "$build/fuzz-$t" "$corpus" "${extra[@]}" -seed="${FUZZ_SEED:-0}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -artifact_prefix="crash-$t-" -print_final_stats=0 > "$log" 2>&1; then
    # Say why: the sanitizer's or Swift's error, the top of the stack, and the input that did it.
    grep -E "ERROR|Fatal error|Precondition failed|SUMMARY|^ +#[0-9] " "$log" | grep -v ld.gold | head -20
    for crash in crash-"$t"-*; do [ -f "$crash" ] && { echo "input $crash ($(wc -c < "$crash") bytes):"; head -c 300 "$crash" | od -c | head -12; }; done
    echo "fuzz: $t FAILED (reproduce: $build/fuzz-$t Fuzz/crash-$t-*)"
    exit 1
  fi
  tail -1 "$log"
done
echo "fuzz: ${#targets[@]} targets × $seconds s without a crash: ${#targets[@]} passed, 0 failed"
