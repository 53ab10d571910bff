#!/usr/bin/env bash
# Runs Handbook's libFuzzer targets, one after the other, each for SECONDS
# (default 60), with AddressSanitizer, and prints how many inputs each ran.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]   (make fuzz SECONDS=1800)
#
# Targets: markdown, front-matter, links, templates (Sources/HandbookFuzz).
# Seeds come from the bundled handbook, the built-in theme and, when present,
# ../shared/real-handbooks; the corpus grows in .build-fuzz/corpus/TARGET and
# is kept between runs. A crash is saved in .build-fuzz/crashes/ and the run
# stops with exit 1; replay it with a normal build:
#   swift build --product HandbookFuzz && .build/debug/HandbookFuzz TARGET FILE
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(markdown front-matter links templates)
scratch=.build-fuzz
# Instrumented for libFuzzer by hand rather than with -sanitize=fuzzer: that
# flag links libFuzzer's own main, which collides with the entry point SwiftPM
# gives an executable target (the fuzz program's main calls libFuzzer's
# driver instead; see Sources/HandbookFuzz/Entry.swift).
clang_lib=$(dirname "$(command -v swiftc)")/../lib/clang
libfuzzer=$(ls "$clang_lib"/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a 2>/dev/null | head -1)
[ -n "$libfuzzer" ] || { echo "fuzz.sh: libFuzzer (libclang_rt.fuzzer_no_main) not found under $clang_lib" >&2; exit 2; }
swift build -c release --scratch-path "$scratch" --product HandbookFuzz \
  -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
  -Xswiftc -DFUZZING -Xlinker "$libfuzzer" -Xlinker -lstdc++ 2>&1 | grep -E "error|warning: unre" >&2 || true
[ -x "$scratch/release/HandbookFuzz" ] || { echo "fuzz.sh: the fuzz program did not build" >&2; exit 2; }
fuzzer="$scratch/release/HandbookFuzz"
seeds="$scratch/seeds"
real=../shared/real-handbooks

# Seeds: Markdown files as they are; small sites made of the files of one
# folder (`@@ path` before each); the built-in templates, alone and together.
rm -rf "$seeds"
mkdir -p "$seeds"/{markdown,front-matter,links,templates} "$scratch/crashes"
n=0
while IFS= read -r -d '' file; do
  n=$((n + 1))
  cp "$file" "$seeds/markdown/$n.md"
  cp "$file" "$seeds/front-matter/$n.md"
done < <(find content "$real" scripts/fuzz/seeds -name '*.md' -size -64k -print0 2>/dev/null)
while IFS= read -r -d '' folder; do
  n=$((n + 1))
  for file in $(find "$folder" -maxdepth 1 -name '*.md' -size -16k | sort | head -6); do
    printf '@@ %s\n' "${file#"$folder"/}"
    cat "$file"
  done > "$seeds/links/$n.txt"
done < <(find content "$real" -type d -print0 2>/dev/null)
theme=Sources/HandbookRender/Theme
for file in "$theme"/*.mustache; do cp "$file" "$seeds/templates/$(basename "$file" .mustache).txt"; done
for file in "$theme"/*.mustache; do printf '@@ %s\n' "$(basename "$file" .mustache)"; cat "$file"; done > "$seeds/templates/all.txt"

# The Swift runtime's own crash backtracer would race AddressSanitizer's report.
# Leak checking is off: Swift keeps flags in the spare bits of pointers inside
# enums, which LeakSanitizer cannot follow, so every long-lived tree (the
# theme's parsed templates) would be reported as leaked.
export SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0
fuzz_one() {
  local target=$1 corpus="$scratch/corpus/$1" log="$scratch/$1.log" result runs
  mkdir -p "$corpus"
  if HANDBOOK_FUZZ_TARGET=$target "$fuzzer" "$corpus" "$seeds/$target" \
      -dict="scripts/fuzz/$target.dict" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -detect_leaks=0 -artifact_prefix="$scratch/crashes/$target-" -print_final_stats=1 >"$log" 2>&1; then
    result=ok
  else
    result="CRASH (see $log and $scratch/crashes/)"
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  echo "  $target: $result, $runs inputs run in ${seconds}s, corpus $(ls "$corpus" | wc -l) files"
  [ "$result" = ok ]
}

# FUZZ_JOBS targets at a time (default: one per core).
jobs=${FUZZ_JOBS:-$(nproc)}
status=0
pids=()
for target in "${targets[@]}"; do
  echo "fuzzing $target for ${seconds}s (log: $scratch/$target.log)"
  fuzz_one "$target" &
  pids+=($!)
  if [ ${#pids[@]} -ge "$jobs" ]; then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
  fi
done
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
exit $status
