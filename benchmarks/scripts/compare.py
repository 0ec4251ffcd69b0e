#!/usr/bin/env python3
"""Whole-program comparison: busybox workloads under emu.jar, under qemu-user, and natively.

Runs each workload several times per runner, one after another in one run, and writes a
Markdown table of median wall times, the ratios emu/qemu and emu/native, and peak RSS to
docs/performance.md (or --out). Needs the fixtures (scripts/fixtures.sh) and a built emu.jar
(mvn -q -DskipTests package).

    python3 benchmarks/scripts/compare.py [--runs 5] [--arch arm64] [--java /path/to/java] [--scale 1.0]
"""
import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
QEMU_NAMES = {"arm64": "aarch64", "amd64": "x86_64", "armhf": "arm", "armel": "arm", "ppc64el": "ppc64le",
              "s390x": "s390x", "mipsel": "mipsel", "mips64el": "mips64el", "i386": "i386"}


def sizes(scale):
    """The issue's sizes (64 MB, 16 MB, 300,000) times scale."""
    return max(1, int(64 * scale)), max(1, int(16 * scale)), max(1000, int(300000 * scale))


def workloads(data, scale):
    mb, text_mb, loop = sizes(scale)
    return [
        ("uname -a (start-up)", ["uname", "-a"], None),
        (f"sha256sum {mb} MB", ["sha256sum", f"{data}/blob"], None),
        (f"gzip -1 {text_mb} MB text", ["gzip", "-1", "-c", f"{data}/text"], None),
        (f"bzip2 {text_mb} MB text", ["bzip2", "-c", f"{data}/text"], None),
        ("awk arithmetic loop", ["awk", f"BEGIN{{s=0; for(i=0;i<{loop * 10};i++) s+=i%7*1.5; print s}}"], None),
        ("ash while loop", ["ash", "-c", f"i=0; while [ $i -lt {loop} ]; do i=$((i+1)); done; echo $i"], None),
        (f"sort -n {loop} lines", ["sort", "-n", f"{data}/numbers"], None),
    ]


def make_data(d, scale):
    mb, text_mb, lines = sizes(scale)
    with open(f"{d}/blob", "wb") as f:
        f.write(os.urandom(mb << 20))
    words = ["lorem", "ipsum", "dolor", "sit", "amet", "emulator", "guest", "block", "java", "page"]
    import random
    rnd = random.Random(1)
    with open(f"{d}/text", "w") as f:
        size = 0
        while size < text_mb << 20:
            line = " ".join(rnd.choice(words) for _ in range(12)) + "\n"
            f.write(line)
            size += len(line)
    with open(f"{d}/numbers", "w") as f:
        for _ in range(lines):
            f.write(f"{rnd.randint(-10**9, 10**9)}\n")


def run_once(cmd):
    """Wall seconds, exit status and stderr of one child."""
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    return wall, p.returncode, p.stderr.decode(errors="replace")


def measure(cmd, runs):
    # GNU time reports the peak RSS of this one child (getrusage would give the largest so far)
    timer = "/usr/bin/time"
    walls, rss = [], []
    for _ in range(runs):
        with tempfile.NamedTemporaryFile("r") as tf:
            full = [timer, "-f", "%M", "-o", tf.name] + cmd
            wall, status, err = run_once(full)
            if status != 0:
                return None, None, f"exit {status}: {err.strip().splitlines()[-1] if err.strip() else ''}"
            walls.append(wall)
            rss.append(int(tf.read().strip().splitlines()[-1]))
    return statistics.median(walls), max(rss), None


def row(name, native, qemu, emu):
    """One table line from three (median seconds, peak RSS KB, error) results."""
    (n, n_rss, n_err), (q, q_rss, q_err), (e, e_rss, e_err) = native, qemu, emu

    def fmt(v, err):
        return f"{v:.3f} s" if v is not None else f"fails ({err})"
    ratio_q = f"{e / q:.2f}" if e and q else "-"
    ratio_n = f"{e / n:.1f}" if e and n else "-"
    rss = " / ".join(str(r // 1024) if r else "-" for r in (n_rss, q_rss, e_rss))
    return f"| {name} | {fmt(n, n_err)} | {fmt(q, q_err)} | {fmt(e, e_err)} | {ratio_q} | {ratio_n} | {rss} |"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--arch", action="append", help="Debian arch of the guest busybox (default: arm64)")
    ap.add_argument("--java", default=shutil.which("java"))
    ap.add_argument("--scale", type=float, default=1.0,
                    help="input sizes relative to the issue's (64 MB, 16 MB, 300,000 lines); 0.02 checks the script")
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "performance.md"))
    args = ap.parse_args()
    arches = args.arch or ["arm64"]
    fixtures = os.environ.get("EMU_FIXTURES", os.path.join(ROOT, ".fixtures"))
    emu_jar = os.path.join(ROOT, "emu.jar")
    bench_jar = os.path.join(ROOT, "benchmarks", "target", "benchmarks.jar")
    native_bb = os.path.join(fixtures, "busybox", "amd64", "busybox")
    for need in (emu_jar, native_bb, "/usr/bin/time"):
        if not os.path.exists(need):
            sys.exit(f"compare.py: missing {need} (emu.jar: mvn -q -DskipTests package; fixtures: "
                     f"scripts/fixtures.sh; /usr/bin/time: apt-get install time)")
    java_version = subprocess.run([args.java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    out = [f"## {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: {java_version}",
           "",
           f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}. "
           f"Median of {args.runs} runs; RSS is the peak of any run; input scale {args.scale}.",
           ""]
    with tempfile.TemporaryDirectory() as data:
        make_data(data, args.scale)
        if os.path.exists(bench_jar):
            hello, hello_rss, _ = measure([args.java, "-cp", bench_jar, "dev.emu.bench.Hello"], args.runs)
            out.append(f"Bare JVM printing \"hello\": {hello:.3f} s, {hello_rss // 1024} MB peak RSS.")
            out.append("")
        for arch in arches:
            guest_bb = os.path.join(fixtures, "busybox", arch, "busybox")
            qemu = os.path.join(fixtures, "qemu", f"qemu-{QEMU_NAMES[arch]}-static")
            out += [f"### {arch} busybox", "",
                    "| workload | native | qemu-user | emu | emu/qemu | emu/native | RSS native / qemu / emu (MB) |",
                    "|---|---|---|---|---|---|---|"]
            for name, argv, _ in workloads(data, args.scale):
                n, n_rss, n_err = measure([native_bb] + argv, args.runs)
                q, q_rss, q_err = measure([qemu, guest_bb] + argv, args.runs)
                emu = [args.java, "-jar", emu_jar, guest_bb] + argv
                out.append(row(name, (n, n_rss, n_err), (q, q_rss, q_err), measure(emu, args.runs)))
                print(out[-1], flush=True)
                if argv == ["uname", "-a"]:
                    # start-up again, with the class-data-sharing archive that scripts/emu makes and maps
                    archive = os.path.join(data, f"emu-{arch}.jsa")
                    quiet = "-Xlog:cds=off,cds+dynamic=off"
                    subprocess.run([args.java, f"-XX:ArchiveClassesAtExit={archive}", quiet] + emu[1:],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    cds = [args.java, f"-XX:SharedArchiveFile={archive}", quiet] + emu[1:]
                    out.append(row(name + ", CDS archive (scripts/emu)", (n, n_rss, n_err), (q, q_rss, q_err),
                                   measure(cds, args.runs)))
                    print(out[-1], flush=True)
            out.append("")
    text = "\n".join(out) + "\n"
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    header = "# Performance\n\nProduced by `benchmarks/scripts/compare.py`; newest run first.\n\n"
    old = ""
    if os.path.exists(args.out):
        with open(args.out) as f:
            old = f.read()
        if old.startswith(header):
            old = old[len(header):]
    with open(args.out, "w") as f:
        f.write(header + text + "\n" + old)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
