#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders every tile over the South Caucasus (36–52°E, 36–45°N, zooms 4–9)
# with Diplomap's basemap and with Mapnik, one after the other in the same
# run, and prints both medians per tile and their ratio.
#
#   bench/basemap/run.sh [BUILD_DIR] [--write DIR]
#
# Needs `build-aux/install-deps bench` (python3-mapnik).  Mapnik's Python
# module loads only in Debian's /usr/bin/python3.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/_build}
write=()
[ "${2:-}" = "--write" ] && write=("$3")
min_zoom=4
max_zoom=9

meson compile -C "$build" tests/bench-basemap >/dev/null

ours=$("$build/tests/bench-basemap" ${write:+--write "${write[0]}"} $min_zoom $max_zoom)
echo "$ours"
theirs=$(/usr/bin/python3 "$here/mapnik-tiles.py" "$root/data/geo" $min_zoom $max_zoom ${write:+"${write[0]}"})
echo "$theirs"

median() { sed -n "s/^$1 $2x: .*median \([0-9.]*\) ms.*/\1/p" <<<"$3"; }
for scale in 1 2; do
  a=$(median diplomap $scale "$ours")
  b=$(median mapnik $scale "$theirs")
  awk -v a="$a" -v b="$b" -v s="$scale" \
    'BEGIN { printf "%sx: diplomap %.3f ms, mapnik %.3f ms, mapnik / diplomap = %.1f\n", s, a, b, b / a }'
done
