#!/usr/bin/env python3
"""Time from saving a file to the new page being served by `bangvang serve`.

usage: bench/serve_latency.py SITE_ROOT FILE OLD NEW [--shown-old A --shown-new B] [--page /x/] [--runs 10]

Starts `bangvang serve --port 0` on SITE_ROOT, then, several times, replaces OLD
by NEW in FILE (and back) and waits, as an open page does, for the live-reload
event (/__bangvang/events) that follows each rebuild, then fetches the page and
checks it shows the change. Prints each latency and the median. (Polling the
page instead, every 2 ms, took a core away from the rebuild on a 2-core
machine.) The browser's reload adds the page's own load time on top (a few ms
for these pages).
"""
import argparse
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("root")
    parser.add_argument("file", help="path relative to the root")
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--page", default="/", help="the page to poll")
    parser.add_argument("--shown-old", help="what the page shows for OLD (default: OLD)")
    parser.add_argument("--shown-new", help="what the page shows for NEW (default: NEW)")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--binary", default="target/release/bangvang")
    args = parser.parse_args()

    root = Path(args.root)
    source = root / args.file
    server = subprocess.Popen(
        [args.binary, "serve", "--port", "0", "--root", str(root)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    try:
        address = None
        for line in server.stdout:
            if line.startswith("bangvang serve: "):
                address = line.split()[2].rstrip("/")
                break
        if address is None:
            print("the server did not start", file=sys.stderr)
            return 1

        def page() -> str:
            with urllib.request.urlopen(address + args.page) as response:
                return response.read().decode()

        # The live-reload stream: one `data: <generation>` line per build.
        events = urllib.request.urlopen(address + "/__bangvang/events")

        def next_build() -> None:
            for raw in events:
                if raw.startswith(b"data:"):
                    return

        next_build()  # the generation of the first build, sent at once
        latencies = []
        text = source.read_text(encoding="utf-8")
        if args.old not in text:
            print(f"{args.old!r} is not in {source}", file=sys.stderr)
            return 1
        for run in range(args.runs):
            shown_old, shown_new = args.shown_old or args.old, args.shown_new or args.new
            old, new, shown = (
                (args.old, args.new, shown_new) if run % 2 == 0 else (args.new, args.old, shown_old)
            )
            time.sleep(0.3)
            start = time.perf_counter()
            source.write_text(source.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
            deadline = start + 30
            next_build()
            while shown not in page():
                if time.perf_counter() > deadline:
                    print("timed out", file=sys.stderr)
                    return 1
                next_build()
            latencies.append((time.perf_counter() - start) * 1000)
            print(f"run {run + 1}: {latencies[-1]:.0f} ms")
        source.write_text(text, encoding="utf-8")
        print(f"median {statistics.median(latencies):.0f} ms, max {max(latencies):.0f} ms over {len(latencies)} saves")
        return 0
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
