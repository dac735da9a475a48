#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Times `diplomap --analyze` on 10,000 article files of about 4 KB in nested
# folders, on the same articles as 10 RSS feeds, and on the same text in
# 1 MiB JSON Lines files, and prints the throughput of each and the ratio
# of the many small files to the 1 MiB files (the issue asks ≥ 0.5).
#
#   bench/corpus/run.sh [BUILD_DIR] [N]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/_build}
count=${2:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

meson compile -C "$build" src/diplomap >/dev/null
python3 "$here/generate.py" "$work" "$count"

best() { # best of 3 wall-clock seconds of diplomap --analyze --format json on $1
  local best=""
  for _ in 1 2 3; do
    local t0 t1 s
    t0=$(date +%s.%N)
    "$build/src/diplomap" --analyze --format json "$1" >/dev/null
    t1=$(date +%s.%N)
    s=$(echo "$t1 - $t0" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$s < $best" | bc -l)" = 1 ]; then best=$s; fi
  done
  echo "$best"
}

for set in files feeds big; do
  bytes=$(du -sb --apparent-size "$work/$set" | cut -f1)
  n=$(find "$work/$set" -type f | wc -l)
  s=$(best "$work/$set")
  printf '%-6s %6d files %7.1f MB  %6.2f s  %6.1f MB/s\n' "$set" "$n" "$(echo "$bytes / 1000000" | bc -l)" "$s" \
    "$(echo "$bytes / 1000000 / $s" | bc -l)"
  eval "secs_$set=$s"
done
printf 'ratio (4 KB files vs 1 MiB files, same articles): %.2f of the throughput\n' \
  "$(echo "$secs_big / $secs_files" | bc -l)"
