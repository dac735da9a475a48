#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/core/run.sh: the core pipeline's throughput against grep, by hand.
#
#   bench/core/run.sh [BUILD_DIR] [--rounds N] [bench-core options, e.g. --part-kb 64]
#
# Builds bench/corpus-100mb.txt if it is missing (make-corpus.py), dumps
# the built-in gazetteer's aliases, then runs N rounds (default 3), each
# `grep -F -o -f aliases corpus` (in C.UTF-8) right before bench-core, both
# pinned to one core.  The machine may be shared, so each stage's ratio to
# grep is taken within its round (a busy spell slows both alike) and the
# median round is reported, with the spread.  Checks the targets: whole
# analysis >= 0.25x grep, matching >= 0.5x grep, peak memory <= 3x the
# input.  Exits 1 when a target is missed.  bench-core also times the
# gazetteer's load against json-glib's parse of the same file and against
# the 15-actor gazetteer of before the world one (commit c336701, from git;
# REFERENCE_ACTORS=FILE for another).
set -euo pipefail
cd "$(dirname "$0")/../.."

build_dir=_build
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  build_dir=$1
  shift
fi
rounds=3
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
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
reference=()
if [ -n "${REFERENCE_ACTORS:-}" ]; then
  reference=(--reference-actors "$REFERENCE_ACTORS")
elif git show c336701:data/actors.json > "$work/actors-15.json" 2> /dev/null; then
  reference=(--reference-actors "$work/actors-15.json")
fi
pin=()
command -v taskset > /dev/null && pin=(taskset -c 0)

# Warm the page cache.  grep's output goes to a file: GNU grep writing to
# /dev/null stops at the first match, as with -q.  The figure is CPU time
# (user + system), as for bench-core.
cat "$corpus" > /dev/null
TIMEFORMAT='%U %S %R'
for round in $(seq "$rounds"); do
  { time LC_ALL=C.UTF-8 "${pin[@]}" grep -F -o -f "$work/aliases" "$corpus" > "$work/grep.out" || true; } 2>&1 \
    | awk '{ printf "grep %.3f %.3f\n", $1 + $2, $3 }' > "$work/round-$round"
  "${pin[@]}" "$bench" ${reference[@]+"${reference[@]}"} ${args[@]+"${args[@]}"} "$corpus" >> "$work/round-$round"
done
grep '^# ' "$work/round-1" | grep -v '^# stage'
echo "# grep -F -o: $(wc -l < "$work/grep.out") matches"
/usr/bin/python3 bench/core/summarize.py "$(stat -c %s "$corpus")" "$work"/round-*
