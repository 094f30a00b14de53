#!/usr/bin/env python3
"""Runs the workloads of issue 17 against bench/fake_provider.py and prints each figure beside its
target. Every run goes through ./evals (its JVM flags included) under /usr/bin/time -v.

Usage: bench/scale.py [--rounds 3] [--skip-big] [--skip-rate]
One model call per attempt (the fake answers with text, no tool call), judge off.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVALS = os.path.join(ROOT, "evals")
CASE = "flow-single-step-celsius"


class Fake:
    def __init__(self, latency, rate=0):
        self.proc = subprocess.Popen(
            [sys.executable, os.path.join(ROOT, "bench", "fake_provider.py"),
             "--latency", str(latency), "--rate", str(rate)],
            stdout=subprocess.PIPE, text=True)
        self.url = "http://127.0.0.1:%s" % self.proc.stdout.readline().strip()

    def reset(self):
        urllib.request.urlopen(urllib.request.Request(self.url + "/reset", b"", method="POST")).read()

    def stats(self):
        return json.loads(urllib.request.urlopen(self.url + "/stats").read())

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


def timed(args, env=None, cwd=None):
    """Runs a command under /usr/bin/time -v: its exit code, wall, cpu seconds, peak RSS MB."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        start = time.time()
        code = subprocess.call(["/usr/bin/time", "-v", "-o", report.name] + args,
                               env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        end = time.time()
        text = report.read()
    field = lambda name: float(re.search(re.escape(name) + r": ([\d.]+)", text).group(1))
    user, system = field("User time (seconds)"), field("System time (seconds)")
    return {"code": code, "start": start, "end": end, "wall": end - start, "cpu": user + system,
            "user": user, "system": system,
            "rss_mb": field("Maximum resident set size (kbytes)") / 1024}


def run(fake, work, attempts, concurrency, name, jvm=None):
    env = dict(os.environ, OPENAI_COMPATIBLE_BASE_URL=fake.url + "/v1")
    env.pop("JAVA_TOOL_OPTIONS", None)
    if jvm:
        env["EVALS_JAVA_OPTS"] = jvm
    fake.reset()
    out = os.path.join(work, name + ".json")
    result = timed([EVALS, "run", "flow", CASE, "--model", "openai-compatible:bench",
                    "--runs", str(attempts), "--concurrency", str(concurrency), "--judge", "off",
                    "--cases-dir", ROOT, "--output", out], env=env, cwd=work)
    stats = fake.stats()
    index = os.path.join(work, name, "index.jsonl")
    records = [json.loads(l) for l in open(index)] if os.path.exists(index) else []
    result["lost"] = attempts - sum(1 for r in records if r.get("status") == "ok")
    result["report"] = os.path.exists(os.path.join(work, name, "report.html"))
    result.update(stats)
    if stats["first_request"]:
        result["to_first"] = stats["first_request"] - result["start"]
        result["phase"] = stats["last_answer"] - stats["first_request"]
        result["after"] = result["end"] - stats["last_answer"]
        result["rate"] = stats["answered"] / (stats["last_answer"] - stats["first_request"])
    return result


def med(runs, key):
    return statistics.median(r[key] for r in runs)


def line(figure, value, target, ok):
    print("%-52s %-28s target %-18s %s" % (figure, value, target, "ok" if ok else "OVER"))


def throughput(work, rounds):
    fake = Fake(0.2)
    try:
        run(fake, work, 20, 10, "warm")
        big, one = [], []
        for i in range(rounds):  # alternated, so drift of the machine hits both alike
            big.append(run(fake, work, 1000, 50, "big%d" % i))
            one.append(run(fake, work, 1, 1, "one%d" % i))
    finally:
        fake.stop()
    wall, ideal = med(big, "wall"), 4.0
    line("1,000 attempts, c50, 200 ms: wall", "%.2f s (%.2f x ideal)" % (wall, wall / ideal),
         "<= 1.25 x", wall / ideal <= 1.25)
    line("  before the first request", "%.2f s" % med(big, "to_first"), "", True)
    phase = med(big, "phase")
    line("  attempts phase", "%.2f s (%.2f x ideal)" % (phase, phase / ideal), "<= 1.05 x",
         phase / ideal <= 1.05)
    line("  after the last answer", "%.2f s" % med(big, "after"), "", True)
    line("  requests in flight (most)", "%d" % med(big, "max_in_flight"), "50", med(big, "max_in_flight") >= 50)
    conns = med(big, "connections")
    line("  connections opened", "%d" % conns, "about 50", conns <= 60)
    line("  attempts lost", "%d" % max(r["lost"] for r in big), "0", all(r["lost"] == 0 for r in big))
    cpu = (med(big, "cpu") - med(one, "cpu")) / 999 * 1000
    line("runner CPU per attempt (1,000 minus 1)", "%.2f ms" % cpu, "<= 2 ms", cpu <= 2)
    # The kernel's share (fsync, file creation, sockets) apart from the JVM's own work.
    system = (med(big, "system") - med(one, "system")) / 999 * 1000
    line("  of which in the kernel (system time)", "%.2f ms" % system, "", True)
    line("  1-attempt run: wall, cpu", "%.2f s, %.2f s" % (med(one, "wall"), med(one, "cpu")), "", True)


def big_run(work):
    fake = Fake(0.2)
    try:
        flat = run(fake, work, 10000, 50, "ten-thousand")
        small = run(fake, work, 10000, 50, "small-heap", jvm="-Xmx256m")
    finally:
        fake.stop()
    line("peak RSS at 10,000 attempts", "%.0f MB" % flat["rss_mb"], "<= 300 MB", flat["rss_mb"] <= 300)
    line("  its wall (ideal 40 s), lost", "%.1f s, %d" % (flat["wall"], flat["lost"]), "", True)
    ok = small["code"] in (0, 1) and small["report"] and small["lost"] == 0
    line("under -Xmx256m: exit code, report, lost",
         "%d, %s, %d" % (small["code"], "written" if small["report"] else "missing", small["lost"]),
         "no OOM, 0 lost", ok)


def rate_limited(work, latency, attempts):
    fake = Fake(latency, rate=20)
    try:
        result = run(fake, work, attempts, 50, "rate-%g" % latency)
    finally:
        fake.stop()
    share = result["rate"] / 20
    line("20 req/s allowed, c50, %g s latency: rate" % latency,
         "%.1f req/s (%.0f%%), %d 429s" % (result["rate"], share * 100, result["limited"]),
         ">= 90%", share >= 0.90)
    line("  attempts lost", "%d" % result["lost"], "0", result["lost"] == 0)


def start_up(rounds):
    for args in (["cases", "flow"], ["models"]):
        runs = [timed([EVALS] + args, cwd=ROOT) for _ in range(rounds + 1)][1:]
        wall = med(runs, "wall")
        line("./evals %s" % " ".join(args), "%.2f s" % wall, "<= 0.3 s", wall <= 0.3)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-big", action="store_true", help="leave out the 10,000-attempt runs")
    parser.add_argument("--skip-rate", action="store_true", help="leave out the rate-limited runs")
    args = parser.parse_args()
    subprocess.check_call([EVALS, "--version"], stdout=subprocess.DEVNULL)  # builds on first use
    load = os.getloadavg()[0]
    print("load average at start %.2f on %d cores" % (load, os.cpu_count()))
    with tempfile.TemporaryDirectory() as work:
        start_up(max(5, args.rounds))
        throughput(work, args.rounds)
        if not args.skip_rate:
            rate_limited(work, 0.2, 400)
            rate_limited(work, 1.0, 400)
        if not args.skip_big:
            big_run(work)
    print("load average at end %.2f" % os.getloadavg()[0])


if __name__ == "__main__":
    main()
