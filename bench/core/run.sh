#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/core/run.sh: the core pipeline's throughput against grep, by hand.
#
#   bench/core/run.sh [BUILD_DIR] [bench-core options, e.g. --part-kb 64]
#
# Builds bench/corpus-100mb.txt if it is missing (make-corpus.py), dumps
# the built-in gazetteer's aliases, times `grep -F -o -f aliases corpus`
# (median of 3, in C.UTF-8) as the baseline, runs bench-core pinned to one core and
# prints each stage's MB/s and its ratio to grep's, then checks the
# targets: whole analysis >= 0.25x grep, matching >= 0.5x grep, peak
# memory <= 3x the input.  Exits 1 when a target is missed.
set -euo pipefail
cd "$(dirname "$0")/../.."

build_dir=${1:-_build}
[ $# -gt 0 ] && shift
corpus=${CORPUS:-bench/corpus-100mb.txt}
bench=$build_dir/bench/core/bench-core

if [ ! -f "$build_dir/build.ninja" ]; then
  meson setup "$build_dir" > /dev/null
fi
meson compile -C "$build_dir" bench/core/bench-core > /dev/null
[ -f "$corpus" ] || /usr/bin/python3 bench/core/make-corpus.py "$corpus"

work=$(mktemp -d "${TMPDIR:-/tmp}/diplomap-bench-run.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$bench" --dump-aliases > "$work/aliases"
size=$(stat -c %s "$corpus")
pin=()
command -v taskset > /dev/null && pin=(taskset -c 0)

# Warm the page cache, then grep three times.  Its output goes to a file:
# GNU grep writing to /dev/null stops at the first match, as with -q.  As
# for bench-core, the figure is CPU time (user + system): the machine may
# be shared.
cat "$corpus" > /dev/null
TIMEFORMAT='%U %S %R'
for i in 1 2 3; do
  { time LC_ALL=C.UTF-8 "${pin[@]}" grep -F -o -f "$work/aliases" "$corpus" > "$work/grep.out" || true; } 2>&1 \
    | awk '{ printf "%.3f %.3f\n", $1 + $2, $3 }'
done | sort -n > "$work/grep-times"
grep_s=$(sed -n '2p' "$work/grep-times" | cut -d' ' -f1)
grep_wall=$(sed -n '2p' "$work/grep-times" | cut -d' ' -f2)
grep_mbs=$(echo "$size / 1000000 / $grep_s" | bc -l)

"${pin[@]}" "$bench" "$@" "$corpus" > "$work/bench.out"
grep '^# ' "$work/bench.out" | grep -v '^# stage'
echo "# grep -F -o: $(wc -l < "$work/grep.out") matches, median of 3"

echo
printf "%-10s %8s %9s %8s %8s\n" stage "cpu s" "MB/s" "x grep" "wall s"
printf "%-10s %8.3f %9.2f %8.3f %8.3f\n" grep "$grep_s" "$grep_mbs" 1 "$grep_wall"
while read -r stage seconds mbs wall; do
  case "$stage" in '#'*|peak_rss_ratio) continue ;; esac
  printf "%-10s %8.3f %9.2f %8.3f %8.3f\n" "$stage" "$seconds" "$mbs" "$(echo "$mbs / $grep_mbs" | bc -l)" "$wall"
done < "$work/bench.out"

whole=$(awk '$1 == "whole" { print $3 }' "$work/bench.out")
match=$(awk '$1 == "match" { print $3 }' "$work/bench.out")
rss=$(awk '$1 == "peak_rss_ratio" { print $2 }' "$work/bench.out")
status=0
check () {
  local what=$1 ok=$2
  if [ "$ok" -eq 1 ]; then echo "target met:    $what"; else echo "target MISSED: $what"; status=1; fi
}
echo
check "whole analysis $(printf %.3f "$(echo "$whole / $grep_mbs" | bc -l)")x grep >= 0.25x" \
  "$(echo "$whole / $grep_mbs >= 0.25" | bc -l)"
check "matching $(printf %.3f "$(echo "$match / $grep_mbs" | bc -l)")x grep >= 0.5x" \
  "$(echo "$match / $grep_mbs >= 0.5" | bc -l)"
check "peak memory ${rss}x the input <= 3x" "$(echo "$rss <= 3" | bc -l)"
exit $status
