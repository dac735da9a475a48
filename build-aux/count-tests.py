#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts test cases in a meson testlog.json: every TAP case of a TAP test,
one case for any other test.  Prints the reasons of skipped cases, then the
closing line "N passed, N failed[, N skipped]"; exits 1 when any failed."""
import json
import re
import sys

passed = failed = skipped = 0
reasons = []
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        test = json.loads(line)
        name = test["name"]
        out = test.get("stdout") or ""
        # meson's log does not say which tests speak TAP: a plan line does
        is_tap = re.search(r"^1\.\.\d+", out, re.M) is not None
        cases = re.findall(r"^(ok|not ok)\b[^\n]*", out, re.M) if is_tap else []
        if cases:
            for match in re.finditer(r"^(ok|not ok)\b([^\n]*)", out, re.M):
                status, rest = match.groups()
                if "# SKIP" in rest:
                    skipped += 1
                    reasons.append(f"{name}:{rest.strip()}")
                elif status == "ok" or "# TODO" in rest:
                    passed += 1
                else:
                    failed += 1
            if test["result"] in ("FAIL", "TIMEOUT", "ERROR") and "not ok" not in out:
                failed += 1  # crashed after its last case
        elif test["result"] in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif test["result"] == "SKIP":
            skipped += 1
            last = out.strip().splitlines()[-1:] or ["(no reason printed)"]
            reasons.append(f"{name}: {last[0]}")
        else:
            failed += 1

for reason in reasons:
    print(f"skipped {reason}")
summary = f"{passed} passed, {failed} failed"
if skipped:
    summary += f", {skipped} skipped"
print(summary)
sys.exit(1 if failed else 0)
