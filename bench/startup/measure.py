#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Times one application start on an Xvfb screen that writes its framebuffer
to a file (Xvfb -fbdir) and prints one JSON line.

first_paint: spawn → the first non-black pixel on the (black, -br) screen,
  read straight from the framebuffer every 2 ms: the same method for every
  program, needing no help from it.
settled: spawn → the last framebuffer change before 1.5 s without one
  (tiles, fade-ins, late layout), capped by --timeout.
reported: the program's own "first-frame" line, if it prints one
  (Diplomap with DIPLOMAP_REPORT_FIRST_FRAME=1), as spawn → stamp.
peak_kib: VmHWM of the program (and of its children) just before it is
  killed.
"""
import argparse, json, mmap, os, re, signal, subprocess, sys, time

p = argparse.ArgumentParser()
p.add_argument('--fb', required=True)       # Xvfb_screen0
p.add_argument('--timeout', type=float, default=12.0)
p.add_argument('cmd', nargs=argparse.REMAINDER)
a = p.parse_args()
if a.cmd[:1] == ['--']:
    a.cmd = a.cmd[1:]

f = open(a.fb, 'rb')
fb = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
header_size = int.from_bytes(fb[0:4], 'big')   # XWD header, then colormap
ncolors = int.from_bytes(fb[76:80], 'big')
start = header_size + ncolors * 12
blank = bytes(len(fb) - start)

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

env = dict(os.environ, DIPLOMAP_REPORT_FIRST_FRAME='1')
t0 = time.monotonic()
proc = subprocess.Popen(a.cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                        start_new_session=True)
os.set_blocking(proc.stderr.fileno(), False)
first_paint = settled = reported = None
last = pixels()
last_change = t0
err = b''
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
        if first_paint is None and cur != blank:
            first_paint = now - t0
    if first_paint is not None and now - last_change > 1.5:
        break
    if now - t0 > a.timeout or proc.poll() is not None:
        break
settled = (last_change - t0) if first_paint is not None else None
m = re.search(rb'first-frame -?\d+ monotonic=(\d+)', err)
if m:
    reported = int(m.group(1)) / 1e6 - t0
peak = max((hwm(p) for p in descendants(proc.pid)), default=0)
pids = descendants(proc.pid)
try:
    os.killpg(proc.pid, signal.SIGKILL)
except ProcessLookupError:
    pass
proc.wait()
print(json.dumps({'first_paint': first_paint, 'settled': settled, 'reported': reported,
                  'peak_kib': peak, 'exit': proc.returncode}))
