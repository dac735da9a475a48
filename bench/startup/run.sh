#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts Diplomap, GNOME Maps and an empty libadwaita window (the floor)
# interleaved on one Xvfb screen, N counted rounds, and prints the medians
# and spread of first paint, settled screen and peak memory, and the
# ratios.  By hand, not CI.  See README.md for the method.
#
#   bench/startup/run.sh [DIPLOMAP_COMMAND…] [-n N] [--renderer gl|cairo|default]
#                        [--before OTHER_DIPLOMAP] [--also LABEL=COMMAND]…
#                        [--no-floor] [--json FILE] [--frames DIR]
#
# DIPLOMAP_COMMAND defaults to the map-only window
# (_build/tests/bench-map-window); pass _build/src/diplomap for the full
# application.  --before adds another build of Diplomap to the same rounds
# (e.g. one of the commit before a change), so before and after see the
# same load; --also adds any program (a variant under an environment
# variable, say).  --frames saves each run's first screen changes as PNG.
# Needs xvfb, dbus, gnome-maps and libadwaita's headers (for
# the floor).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
n=9
renderer=default
floor=1
json=
frames=
before=
also=()
cmd=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) n=$2; shift 2 ;;
    --renderer) renderer=$2; shift 2 ;;
    --before) before=$2; shift 2 ;;
    --also) also+=(--program "$2"); shift 2 ;;
    --no-floor) floor=0; shift ;;
    --json) json=$2; shift 2 ;;
    --frames) frames=$(realpath "$2"); shift 2 ;;
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
command -v gnome-maps >/dev/null || { echo "run.sh: apt-get install gnome-maps" >&2; exit 1; }

tmp=$(mktemp -d)
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x1024x24 -br -fbdir "$tmp" -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT

# A build tree's diplomap is not installed: its schema is in <build>/data,
# and a memory backend gives every run the first start's settings (the
# sample article, a 1280×800 window).  Set per program, so that two build
# trees can be compared; GNOME Maps gets the memory backend too.
quote_diplomap () {
  local exe
  exe=$(realpath -m "$1")
  case "$exe" in
    */src/diplomap)
      printf 'env GSETTINGS_SCHEMA_DIR=%q ' "$(dirname "$(dirname "$exe")")/data" ;;
  esac
  printf '%q ' "$@"
}

programs=(--program "diplomap=$(quote_diplomap "${cmd[@]}")")
[ -z "$before" ] || programs+=(--program "before=$(quote_diplomap "$before")")
programs+=("${also[@]}" --program "gnome-maps=gnome-maps")
if [ "$floor" = 1 ]; then
  # Built here rather than by meson: it is no part of Diplomap.
  cc -O2 -o "$tmp/empty-window" "$here/empty-window.c" $(pkg-config --cflags --libs libadwaita-1)
  programs+=(--program "empty=$tmp/empty-window")
fi

sleep 1
export DISPLAY=$display GSETTINGS_BACKEND=memory
[ "$renderer" = default ] || export GSK_RENDERER=$renderer
echo "renderer: $renderer, $n rounds, load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# One session bus for all runs, started before any clock.
dbus-run-session -- /usr/bin/python3 "$here/measure.py" --fb "$tmp/Xvfb_screen0" \
  --runs "$n" ${json:+--json "$json"} ${frames:+--frames "$frames"} "${programs[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
