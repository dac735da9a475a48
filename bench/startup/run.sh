#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts Diplomap and GNOME Maps N times each on one Xvfb screen and prints
# the medians of first paint, settled screen and peak memory, and their
# ratios.  By hand, not CI.  See README.md for the method.
#
#   bench/startup/run.sh [DIPLOMAP_COMMAND] [-n N] [--renderer gl|cairo|default]
#
# DIPLOMAP_COMMAND defaults to the full application (_build/src/diplomap)
# when it opens a window, else to the map-only window
# (_build/tests/bench-map-window).  Needs xvfb, dbus, gnome-maps.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
n=5
renderer=default
cmd=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) n=$2; shift 2 ;;
    --renderer) renderer=$2; shift 2 ;;
    *) cmd+=("$1"); shift ;;
  esac
done
if [ ${#cmd[@]} -eq 0 ]; then
  if [ -x "$root/_build/tests/bench-map-window" ]; then
    cmd=("$root/_build/tests/bench-map-window")
  else
    cmd=("$root/_build/src/diplomap")
  fi
fi
# The build tree's application is not installed: its schema is in
# _build/data, and a memory backend gives every run the first start's
# settings (the sample article, the default window size).
case "$(realpath -m "${cmd[0]}")" in
  "$root"/_build*/src/diplomap)
    export GSETTINGS_SCHEMA_DIR="$(dirname "$(dirname "$(realpath -m "${cmd[0]}")")")/data"
    export GSETTINGS_BACKEND=memory ;;
esac
command -v gnome-maps >/dev/null || { echo "run.sh: apt-get install gnome-maps" >&2; exit 1; }

fbdir=$(mktemp -d)
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x1024x24 -br -fbdir "$fbdir" -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$fbdir"' EXIT
sleep 1

export DISPLAY=$display
[ "$renderer" = default ] || export GSK_RENDERER=$renderer

measure () {
  # one session bus for all runs, started before any clock
  dbus-run-session -- bash -c '
    fb=$1; n=$2; shift 2
    for i in $(seq "$n"); do
      /usr/bin/python3 "'"$here"'/measure.py" --fb "$fb/Xvfb_screen0" -- "$@" 2>/dev/null | tail -1
      sleep 0.5
    done' _ "$fbdir" "$n" "$@" 2>/dev/null
}

echo "renderer: $renderer, $n runs each" >&2
dm=$(measure "${cmd[@]}")
maps=$(measure gnome-maps)

/usr/bin/python3 - "$dm" "$maps" <<'PY'
import json, statistics, sys
def load(s): return [json.loads(l) for l in s.splitlines() if l.startswith('{')]
def med(runs, k):
    v = [r[k] for r in runs if r.get(k) is not None]
    return statistics.median(v) if v else None
dm, maps = load(sys.argv[1]), load(sys.argv[2])
print(f"{'':22}{'Diplomap':>12}{'GNOME Maps':>12}{'ratio':>8}")
for k, unit, scale in (('first_paint', 'ms', 1000), ('settled', 'ms', 1000),
                       ('reported', 'ms', 1000), ('peak_kib', 'MiB', 1/1024)):
    a, b = med(dm, k), med(maps, k)
    fa = f"{a*scale:.0f}" if a is not None else '-'
    fb = f"{b*scale:.0f}" if b is not None else '-'
    r = f"{a/b:.2f}" if a is not None and b else '-'
    print(f"{k+' ('+unit+')':22}{fa:>12}{fb:>12}{r:>8}")
print(f"runs: {len(dm)} / {len(maps)}")
PY
