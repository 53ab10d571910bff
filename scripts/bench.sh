#!/usr/bin/env bash
# Times Handbook, Hugo and raw cmark on the same generated handbook and prints
# the median wall time of each, the ratios, Handbook's peak memory and output
# size, and the cost of broken links. Machines here are shared and noisy:
# compare the ratios, not the absolute times.
#
#   scripts/bench.sh [PAGES] [RUNS]      (defaults: 1000 pages, 5 runs)
#
# Hugo runs with a bare layout (no navigation: Hugo re-renders a section's
# list for every page, which makes it quadratic); HUGO_SIDEBAR=1 also times
# the generator's layout with a section sidebar.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-1000}
runs=${2:-5}
handbook=.build/release/handbook
generator=../shared/bench/gen_corpus.py
corpus=${BENCH_DIR:-/tmp/handbook-bench-$pages}
broken=${BENCH_DIR:-/tmp/handbook-bench-$((pages / 2))}-broken
clean=${BENCH_DIR:-/tmp/handbook-bench-$((pages / 2))}-clean
out=$(mktemp -d /tmp/handbook-bench-out.XXXXXX)
trap 'rm -rf "$out"' EXIT

[ -x "$handbook" ] || { echo "build the release binary first: swift build -c release" >&2; exit 2; }
missing=()
command -v hugo >/dev/null || missing+=(hugo)
command -v cmark >/dev/null || missing+=(cmark)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
[ -f "$generator" ] || { echo "corpus generator not found at $generator" >&2; exit 2; }
[ -d "$corpus/content" ] || python3 "$generator" "$pages" "$corpus" --hugo >/dev/null
[ -d "$broken/content" ] || python3 "$generator" $((pages / 2)) "$broken" --broken 0.1 >/dev/null
[ -d "$clean/content" ] || python3 "$generator" $((pages / 2)) "$clean" >/dev/null
# Hugo without the sidebar: the same pages and content templates, a bare base layout.
bare="$corpus/hugo-bare"
if [ ! -d "$bare" ]; then
  cp -R "$corpus/hugo" "$bare"
  printf '%s\n' '<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>{{ block "main" . }}{{ end }}</main></body></html>' \
    > "$bare/layouts/_default/baseof.html"
fi
find "$corpus/content" -name '*.md' -print0 | sort -z | xargs -0 cat > "$out/all.md"

# Median wall time in milliseconds of running "$@" $runs times (after one warm-up).
median_ms() {
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

files=$(find "$corpus/content" -name '*.md' | wc -l)
echo "corpus: $files pages, $(( $(wc -c < "$out/all.md") / 1024 )) KiB of Markdown in $corpus ($(nproc) cores, $runs runs each)"
t_handbook=$(median_ms "$handbook" build --site "$corpus" --output "$out/handbook" --quiet)
t_hugo=$(median_ms hugo --source "$bare" --destination "$out/hugo" --quiet)
t_cmark=$(median_ms cmark --smart "$out/all.md")
rss=$(/usr/bin/time -f %M "$handbook" build --site "$corpus" --output "$out/handbook" --quiet 2>&1 >/dev/null | tail -1)
size=$(du -sm "$out/handbook" | cut -f1)
printf '%-32s %8s ms\n' "handbook build" "$t_handbook" "hugo $(hugo version | awk '{print $2}') (bare layout)" "$t_hugo" \
  "raw cmark (one core)" "$t_cmark"
if [ "${HUGO_SIDEBAR:-0}" = 1 ]; then
  printf '%-32s %8s ms\n' "hugo (section sidebar)" "$(runs=1 median_ms hugo --source "$corpus/hugo" --destination "$out/hugo-nav" --quiet)"
fi
awk -v h="$t_handbook" -v g="$t_hugo" -v c="$t_cmark" 'BEGIN {
  printf "handbook / cmark: %.2f (target <= 2)\n", h / (c > 0 ? c : 1)
  printf "hugo / handbook:  %.2f (target >= 4)\n", g / (h > 0 ? h : 1)
}'
echo "handbook peak memory: $((rss / 1024)) MB; output: $size MB ($(( size * 1024 / files )) KB a page)"

# Broken links: the same number of pages with and without 10% of links broken.
t_clean=$(median_ms "$handbook" build --site "$clean" --output "$out/clean" --quiet)
t_broken=$(median_ms "$handbook" build --site "$broken" --output "$out/broken" --quiet)
warnings=$("$handbook" check --site "$broken" 2>/dev/null | tail -1 || true)
printf '%-32s %8s ms\n' "$((pages / 2)) pages" "$t_clean" "$((pages / 2)) pages, 10% links broken" "$t_broken"
awk -v b="$t_broken" -v c="$t_clean" 'BEGIN { printf "broken / clean:   %.2f (target <= 1.3)\n", b / (c > 0 ? c : 1) }'
echo "check on the broken corpus: $warnings"
