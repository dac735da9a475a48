#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Times application starts on an Xvfb screen that writes its framebuffer
to a file (Xvfb -fbdir) and prints a table of medians and ratios.

    measure.py --fb FB [--runs N] [--warmup K] [--json FILE]
               --program LABEL=COMMAND [--program LABEL=COMMAND …]

The programs are run interleaved, one round at a time (A B C, then B C A,
then C A B…): on a shared machine the load drifts during a run, and
running all of A before all of B would charge that drift to one program.
Rotating the order gives each program every position (the one right after
GNOME Maps meets its leftovers).  The first --warmup rounds (default 1)
fill the page cache and start the session bus' services and are not
counted.  The first program is the one the others are compared with; the
ratios are printed twice: as the ratio of the medians, and as the median
(and range) of the ratios within each round, which cancels slow drifts.

Per run:
mapped: spawn → the first change of the (black, -br) screen, read straight
  from the framebuffer every 2 ms: the window exists, still black.  Only
  the fourth byte of its pixels (unused at depth 24, set for a window's
  pixels) tells it from the root window.
first_paint: spawn → the first pixel that is not black, the first frame
  the program drew: the same method for every program, needing no help
  from it.
settled: spawn → the last framebuffer change before 1.5 s without one
  (tiles, fade-ins, late layout), capped by --timeout.
reported: the program's own "first-frame" line, if it prints one
  (Diplomap with DIPLOMAP_REPORT_FIRST_FRAME=1), as spawn → stamp.
cpu, runq: the on-CPU time of all the program's threads up to first paint,
  and their time waiting for a core (schedstat): the work itself, which
  the machine's load hardly changes, and what the load added.
peak_kib: VmHWM of the program (and of its children) just before it is
  killed.
"""
import argparse, json, mmap, os, re, shlex, signal, statistics, subprocess, sys, time

p = argparse.ArgumentParser()
p.add_argument('--fb', required=True)       # Xvfb_screen0
p.add_argument('--timeout', type=float, default=12.0)
p.add_argument('--runs', type=int, default=9)
p.add_argument('--warmup', type=int, default=1)
p.add_argument('--pause', type=float, default=0.5)
p.add_argument('--json')                    # every run, one JSON line each
p.add_argument('--frames')                  # save each run's first frames here, as PNG
p.add_argument('--program', action='append', required=True)
a = p.parse_args()
programs = []
for spec in a.program:
    label, _, command = spec.partition('=')
    programs.append((label, shlex.split(command)))

f = open(a.fb, 'rb')
fb = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
header_size = int.from_bytes(fb[0:4], 'big')   # XWD header, then colormap
width = int.from_bytes(fb[16:20], 'big')
height = int.from_bytes(fb[20:24], 'big')
bytes_per_line = int.from_bytes(fb[48:52], 'big')
ncolors = int.from_bytes(fb[76:80], 'big')
start = header_size + ncolors * 12
blank = bytes(len(fb) - start)
black = bytes(len(range(0, len(blank), 4)))   # one colour channel of a black screen


def pixels():
    return fb[start:]


def descendants(pid):
    out = [pid]
    for d in os.listdir('/proc'):
        if d.isdigit():
            try:
                with open(f'/proc/{d}/stat') as s:
                    ppid = int(s.read().rsplit(')', 1)[1].split()[1])
                if ppid in out:
                    out.append(int(d))
            except OSError:
                pass
    return out


def hwm(pid):
    try:
        with open(f'/proc/{pid}/status') as s:
            m = re.search(r'VmHWM:\s+(\d+)', s.read())
            return int(m.group(1)) if m else 0
    except OSError:
        return 0


def write_png(path, data):
    # 32-bit little-endian BGRX rows (Xvfb's depth 24) to an RGB PNG; a
    # few lines rather than a dependency, and only with --frames.
    import struct, zlib
    rows = bytearray()
    for y in range(height):
        line = data[y * bytes_per_line:y * bytes_per_line + width * 4]
        rgb = bytearray(width * 3)
        rgb[0::3], rgb[1::3], rgb[2::3] = line[2::4], line[1::4], line[0::4]
        rows += b'\0' + rgb
    def chunk(kind, body):
        return (struct.pack('>I', len(body)) + kind + body
                + struct.pack('>I', zlib.crc32(kind + body)))
    with open(path, 'wb') as out:
        out.write(b'\x89PNG\r\n\x1a\n'
                  + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0))
                  + chunk(b'IDAT', zlib.compress(bytes(rows), 1)) + chunk(b'IEND', b''))


def drawn(data):
    # Any colour in any pixel: the blue, green and red bytes of BGRX.
    return any(data[i::4] != black for i in range(3))


def cpu_times(pids):
    # On-CPU and run-queue time of every live thread, in seconds
    # (/proc/PID/task/TID/schedstat, ns): how much work the start took, and
    # how long it waited for a core that another process held.
    run = wait = 0
    for pid in pids:
        try:
            tids = os.listdir(f'/proc/{pid}/task')
        except OSError:
            continue
        for tid in tids:
            try:
                with open(f'/proc/{pid}/task/{tid}/schedstat') as s:
                    r, w, _ = s.read().split()
                run += int(r)
                wait += int(w)
            except (OSError, ValueError):
                pass
    return run / 1e9, wait / 1e9


def run_once(cmd, name=None):
    # The screen must be black again: the previous program is gone.
    deadline = time.monotonic() + 5
    while pixels() != blank and time.monotonic() < deadline:
        time.sleep(0.01)
    env = dict(os.environ, DIPLOMAP_REPORT_FIRST_FRAME='1')
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    os.set_blocking(proc.stderr.fileno(), False)
    mapped = first_paint = cpu = runq = None
    last = pixels()
    last_change = t0
    err = b''
    frames = []   # (seconds, pixels) of the first changes, with --frames
    while True:
        time.sleep(0.002)
        now = time.monotonic()
        try:
            err += proc.stderr.read() or b''
        except (BlockingIOError, TypeError):
            pass
        cur = pixels()
        if cur != last:
            last = cur
            last_change = now
            if name and len(frames) < 8:
                frames.append((now - t0, cur))
            if mapped is None:
                mapped = now - t0
            if first_paint is None and drawn(cur):
                first_paint = now - t0
                cpu, runq = cpu_times(descendants(proc.pid))
        if first_paint is not None and now - last_change > 1.5:
            break
        if now - t0 > a.timeout or proc.poll() is not None:
            break
    settled = (last_change - t0) if first_paint is not None else None
    m = re.search(rb'first-frame -?\d+ monotonic=(\d+)', err)
    reported = int(m.group(1)) / 1e6 - t0 if m else None
    peak = max((hwm(p) for p in descendants(proc.pid)), default=0)
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()
    for i, (t, data) in enumerate(frames):
        write_png(os.path.join(a.frames, f'{name}-{i}-{t * 1000:.0f}ms.png'), data)
    return {'mapped': mapped, 'first_paint': first_paint, 'settled': settled, 'reported': reported,
            'cpu': cpu, 'runq': runq, 'peak_kib': peak, 'exit': proc.returncode}


results = {label: [] for label, _ in programs}
log = open(a.json, 'w') if a.json else None
k = len(programs)
for r in range(a.warmup + a.runs):
    counted = r >= a.warmup
    for j in range(k):
        label, cmd = programs[(r + j) % k]
        res = run_once(cmd, f'{label}-r{r - a.warmup}' if a.frames and counted else None)
        res.update(label=label, round=r - a.warmup)
        if counted:
            results[label].append(res)
        if log:
            print(json.dumps(res), file=log, flush=True)
        print(f"round {r - a.warmup:>2} {label:<12} "
              + ' '.join(f"{key}={res[key] * 1000:.0f}ms"
                         for key in ('mapped', 'first_paint', 'settled', 'reported', 'cpu', 'runq')
                         if res[key] is not None)
              + f" peak={res['peak_kib'] / 1024:.0f}MiB"
              + ('' if counted else ' (warm-up)'), file=sys.stderr, flush=True)
        time.sleep(a.pause)

METRICS = (('mapped', 'mapped', 'ms', 1000), ('first_paint', 'first paint', 'ms', 1000), ('settled', 'settled', 'ms', 1000),
           ('reported', 'reported frame', 'ms', 1000), ('cpu', 'cpu to paint', 'ms', 1000),
           ('runq', 'runq to paint', 'ms', 1000), ('peak_kib', 'peak memory', 'MiB', 1 / 1024))


def ok(r):
    # a run that never painted (crashed, no display) counts for nothing
    return r['first_paint'] is not None


def values(label, key):
    return [r[key] for r in results[label] if ok(r) and r.get(key) is not None]


def spread(v, scale):
    # median [min–max]: with 9–11 runs the extremes say how noisy it was
    if not v:
        return '-'
    return f"{statistics.median(v) * scale:.0f} [{min(v) * scale:.0f}–{max(v) * scale:.0f}]"


def paired(num, den, key):
    # per-round ratios: both runs of a round saw about the same load
    by_round = {r['round']: r[key] for r in results[den] if ok(r) and r.get(key)}
    return [r[key] / by_round[r['round']] for r in results[num]
            if ok(r) and r.get(key) is not None and by_round.get(r['round'])]


def print_ratio(num, den, key, name):
    vn, vd = values(num, key), values(den, key)
    pr = paired(num, den, key)
    if not vn or not vd or not pr:
        return
    print(f"  {num + ' / ' + den:<26} {name:<13} {statistics.median(vn) / statistics.median(vd):5.2f}"
          f"   {statistics.median(pr):5.2f} [{min(pr):.2f}–{max(pr):.2f}]")


RATIOS = [(key, name) for key, name, _, _ in METRICS if key not in ('mapped', 'reported', 'runq')]
ref = programs[0][0]
labels = [label for label, _ in programs]
print(f"{a.runs} counted rounds after {a.warmup} warm-up; median [min–max]")
print(f"{'':22}" + ''.join(f"{label:>22}" for label in labels))
for key, name, unit, scale in METRICS:
    row = [spread(values(label, key), scale) for label in labels]
    if all(c == '-' for c in row[1:]) and key == 'reported':
        row = row[:1] + [''] * (len(row) - 1)
    print(f"{name + ' (' + unit + ')':22}" + ''.join(f"{c:>22}" for c in row))
print()
print("ratios: of the medians; median [min–max] of the per-round ratios")
for label in labels[1:]:
    for key, name in RATIOS:
        print_ratio(ref, label, key, name)
# Every other program against GNOME Maps too: the floor's own ratio says
# how close to the target any program can come.
if 'gnome-maps' in labels:
    for label in labels[1:]:
        if label != 'gnome-maps':
            for key, name in RATIOS:
                print_ratio(label, 'gnome-maps', key, name)
print("runs that painted: " + ', '.join(f"{label} {sum(map(ok, results[label]))}/{len(results[label])}"
                                        for label in labels))
