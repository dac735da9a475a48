#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/core/summarize.py SIZE ROUND_FILE...: the table of bench/core/run.sh.
#
# Each round file holds "grep CPU_S WALL_S", then bench-core's
# "STAGE CPU_S MB/S WALL_S" lines and "peak_rss_ratio R".  A stage's ratio
# to grep is taken within its round, and the round with the median
# whole-analysis ratio is the one shown; the spread of that ratio over the
# rounds is printed under the table.  "gazetteer WHAT MEDIAN MIN MAX" lines
# (milliseconds) give the gazetteer's load, shown as ratios to json-glib's
# parse of the same file and to the reference gazetteer, taken within each
# round.  Exits 1 when a target is missed.
import statistics
import sys

size = int(sys.argv[1])
rounds = []
for path in sys.argv[2:]:
    stages, rss, gaz = {}, None, {}
    for line in open(path):
        fields = line.split()
        if not fields or fields[0].startswith('#'):
            continue
        if fields[0] == 'gazetteer':
            gaz[fields[1]] = float(fields[2])
        elif fields[0] == 'peak_rss_ratio':
            rss = float(fields[1])
        elif fields[0] == 'grep':
            stages['grep'] = (float(fields[1]), float(fields[2]))
        else:
            stages[fields[0]] = (float(fields[1]), float(fields[3]))
    rounds.append((stages, rss, gaz))


def ratio(stages, stage):
    # throughput ratio = grep's time / the stage's time
    return stages['grep'][0] / max(stages[stage][0], 1e-9)


rounds.sort(key=lambda r: ratio(r[0], 'whole'))
stages, rss, gaz = rounds[len(rounds) // 2]
print()
print(f"{'stage':<10} {'cpu s':>8} {'MB/s':>9} {'x grep':>8} {'wall s':>8}")
for name in ['grep', 'load', 'segment', 'match', 'scan', 'extract', 'analysis', 'whole']:
    cpu, wall = stages[name]
    print(f"{name:<10} {cpu:8.3f} {size / 1e6 / max(cpu, 1e-9):9.2f} {ratio(stages, name):8.3f} {wall:8.3f}")
wholes = [ratio(r[0], 'whole') for r in rounds]
print(f"\n{len(rounds)} rounds, the median one shown; whole analysis {min(wholes):.3f}-{max(wholes):.3f}x grep"
      f" (median {statistics.median(wholes):.3f}x)")


def spread(values):
    return f"{statistics.median(values):.2f}x (rounds: {min(values):.2f}-{max(values):.2f})"


if 'load' in gaz:
    loads = [r[2]['load'] / r[2]['json'] for r in rounds]
    print(f"\ngazetteer load {gaz['load']:.2f} ms = {spread(loads)} json-glib's parse of the same JSON"
          f" ({gaz['json']:.2f} ms); matcher {gaz['matcher']:.2f} ms")
    if 'ref_load' in gaz:
        ref_loads = [r[2]['load'] / r[2]['ref_load'] for r in rounds]
        totals = [(r[2]['load'] + r[2]['matcher']) / (r[2]['ref_load'] + r[2]['ref_matcher']) for r in rounds]
        print(f"reference gazetteer: load {gaz['ref_load']:.2f} ms (its JSON {gaz['ref_json']:.2f} ms),"
              f" matcher {gaz['ref_matcher']:.2f} ms; load {spread(ref_loads)} the reference's,"
              f" load + matcher {spread(totals)}")

status = 0
for what, value, ok in [
    ('whole analysis {:.3f}x grep >= 0.25x', ratio(stages, 'whole'), ratio(stages, 'whole') >= 0.25),
    ('matching {:.3f}x grep >= 1x', ratio(stages, 'match'), ratio(stages, 'match') >= 1),
    ('peak memory {:.3f}x the input <= 3x', rss, rss <= 3),
]:
    print(('target met:    ' if ok else 'target MISSED: ') + what.format(value))
    status |= not ok
sys.exit(status)
