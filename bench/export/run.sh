#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Times a 3840×2160 PNG export of the sample article:
#  1. in one process, the drawing and the PNG encoding apart (bench-export);
#  2. the whole command as a user runs it (diplomap --export), wall clock,
#     median of RUNS runs, process start and analysis included.
# Usage: bench/export/run.sh [BUILDDIR]   (default: _build)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/_build}
runs=${RUNS:-7}
article=$root/data/articles/blinken-aliyev-call.txt
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

meson compile -C "$build" diplomap bench-export >/dev/null

echo "== in-process, 3840x2160 at scale 1"
"$build/tests/bench-export" --runs "$runs" --size 3840x2160 "$article" "$out/a.png"
echo
echo "== in-process, 1920x1080 at scale 2 (same pixels, HiDPI)"
"$build/tests/bench-export" --runs "$runs" --size 1920x1080 --scale 2 "$article" "$out/b.png"
echo

echo "== diplomap --export out.png --size 3840x2160 (whole command, no display)"
times=""
i=0
while [ "$i" -lt "$runs" ]; do
  start=$(date +%s.%N)
  env -u DISPLAY -u WAYLAND_DISPLAY "$build/src/diplomap" --export "$out/c.png" \
    --size 3840x2160 "$article"
  end=$(date +%s.%N)
  t=$(echo "$end - $start" | bc -l)
  printf 'run %d: %.3f s\n' $((i + 1)) "$t"
  times="$times $t"
  i=$((i + 1))
done
echo "$times" | tr ' ' '\n' | grep . | sort -n |
  awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
                           printf "median of %d runs: %.3f s\n", NR, m }'
ls -l "$out/c.png" | awk '{ printf "file size: %.1f MB\n", $5 / 1048576 }'
