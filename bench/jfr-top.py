#!/usr/bin/env python3
"""Top frames of a JFR recording's execution samples: python3 bench/jfr-top.py target/bench/x.jfr [filter]
Prints the leaf frames, and the first frame of each stack that belongs to the app (io.jixiao), by sample count.
With a filter (a substring, e.g. io.jixiao.workflow.CompleteTask), only stacks containing it count."""
import collections, json, subprocess, sys

path = sys.argv[1]
only = sys.argv[2] if len(sys.argv) > 2 else None
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "200", "--events", "jdk.ExecutionSample", path],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(out)["recording"]["events"]
leaf, app, incl = collections.Counter(), collections.Counter(), collections.Counter()
total = 0
for e in events:
    frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
    names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
    if only and not any(only in n for n in names):
        continue
    total += 1
    if names:
        leaf[names[0]] += 1
    first_app = next((n for n in names if n.startswith("io.jixiao.") and ".bench." not in n and ".support." not in n), None)
    if first_app:
        app[first_app] += 1
    for n in set(names):
        incl[n] += 1
print(f"{total} samples" + (f" in stacks with {only}" if only else ""))
print("\n-- leaf frames --")
for n, c in leaf.most_common(15):
    print(f"{100.0 * c / total:5.1f}%  {n}")
print("\n-- first app frame (io.jixiao) --")
for n, c in app.most_common(15):
    print(f"{100.0 * c / total:5.1f}%  {n}")
print("\n-- inclusive (any depth), selected --")
for n, c in incl.most_common(400):
    if any(k in n for k in ("io.jixiao", "jackson", "thymeleaf", "Jwt", "jose", "flowable.engine.impl.cmd", "postgresql.core.v3.QueryExecutorImpl.execute", "Session")):
        print(f"{100.0 * c / total:5.1f}%  {n}")
