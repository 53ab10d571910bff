#!/usr/bin/env bash
# Times Handbook, Hugo and raw cmark on the same generated handbook and prints
# the median wall time of each and the ratios. Machines here are shared and
# noisy: compare the ratios, not the absolute times.
#
#   scripts/bench.sh [PAGES] [RUNS]      (defaults: 1000 pages, 5 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-1000}
runs=${2:-5}
handbook=.build/release/handbook
generator=../shared/bench/gen_corpus.py
corpus=${BENCH_DIR:-/tmp/handbook-bench-$pages}
out=$(mktemp -d /tmp/handbook-bench-out.XXXXXX)
trap 'rm -rf "$out"' EXIT

[ -x "$handbook" ] || { echo "build the release binary first: swift build -c release" >&2; exit 2; }
missing=()
command -v hugo >/dev/null || missing+=(hugo)
command -v cmark >/dev/null || missing+=(cmark)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
if [ ! -d "$corpus/content" ]; then
  [ -f "$generator" ] || { echo "corpus generator not found at $generator" >&2; exit 2; }
  python3 "$generator" "$pages" "$corpus" --hugo >/dev/null
fi
# The generator marks pages `kind: role|process|ladder` without the keys those
# kinds require (a role's track, a ladder's levels), which Handbook rejects.
# Handbook builds a copy where every page is `kind: page`: the same Markdown.
site="$corpus/handbook-site"
if [ ! -d "$site/content" ]; then
  mkdir -p "$site"
  cp -R "$corpus/content" "$site/content"
  find "$site/content" -name '*.md' -exec sed -i 's/^kind: .*/kind: page/' {} +
fi

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

raw_cmark() { find "$corpus/content" -name '*.md' -print0 | sort -z | xargs -0 cat | cmark --smart >/dev/null; }

files=$(find "$corpus/content" -name '*.md' | wc -l)
bytes=$(find "$corpus/content" -name '*.md' -print0 | xargs -0 cat | wc -c)
echo "corpus: $files pages, $((bytes / 1024)) KiB of Markdown in $corpus ($(nproc) cores, $runs runs each)"
t_handbook=$(median_ms "$handbook" build --site "$site" --output "$out/handbook" --quiet)
t_hugo=$(median_ms hugo --source "$corpus/hugo" --destination "$out/hugo" --quiet)
t_cmark=$(median_ms raw_cmark)
printf '%-28s %8s ms\n' "handbook build" "$t_handbook" "hugo ($(hugo version | awk '{print $2}'))" "$t_hugo" "raw cmark (one core)" "$t_cmark"
awk -v h="$t_handbook" -v g="$t_hugo" -v c="$t_cmark" 'BEGIN {
  printf "handbook / hugo:  %.2f\n", h / (g > 0 ? g : 1)
  printf "handbook / cmark: %.2f\n", h / (c > 0 ? c : 1)
}'
