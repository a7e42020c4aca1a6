#!/usr/bin/env python3
"""Start-up and memory of the packaged jar (driven by bench/startup).

For each variant, in an empty scratch folder on a free port, with the JVM's default flags:
time from launch to /actuator/health UP, then one upload, then the resident set size of the
server and of each child process (Lakou's parse workers), read from /proc. The floor is a bare
Spring Boot web app (MVC + actuator, bench/startup-floor) started from the same java.
"""
import argparse
import base64
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.request
import uuid

ADMIN = ("bench-admin@lakou-bench.org", "bench-admin-password-1")


def free_port():
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port != 8080:
            return port


def http(url, data=None, headers=None, timeout=120):
    req = urllib.request.Request(url, data=data, headers=headers or {})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status, r.read()


def multipart(path):
    boundary = uuid.uuid4().hex
    with open(path, "rb") as f:
        content = f.read()
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"{os.path.basename(path)}\"\r\nContent-Type: application/octet-stream\r\n\r\n").encode()
    body += content + f"\r\n--{boundary}--\r\n".encode()
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return 0
    return 0


def cpu_seconds(pid):
    """User + system CPU of the process so far: load on a shared machine inflates it far less than wall time."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return 0.0


def children(pid):
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def wait_up(proc, port, timeout):
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"exited with {proc.returncode} before it was healthy")
        try:
            _, body = http(f"http://localhost:{port}/actuator/health", timeout=5)
            if json.loads(body).get("status") == "UP":
                return
        except Exception:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"not healthy within {timeout} s")


def stop(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def run_variant(name, cmd, upload_path, doc, args):
    scratch = tempfile.mkdtemp(prefix=f"lakou-startup-{name}-")
    port = free_port()
    env = dict(os.environ, LAKOU_ADMIN_EMAIL=ADMIN[0], LAKOU_ADMIN_PASSWORD=ADMIN[1])
    log = open(os.path.join(scratch, "out.log"), "w")
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd + [f"--server.port={port}"], cwd=scratch, env=env, stdout=log,
                            stderr=subprocess.STDOUT)
    try:
        wait_up(proc, port, args.timeout)
        up = time.monotonic() - t0
        cpu = cpu_seconds(proc.pid)
        idle_rss = rss_kb(proc.pid)
        body, headers = multipart(doc)
        if upload_path == "/api/ingest":
            token = base64.b64encode(f"{ADMIN[0]}:{ADMIN[1]}".encode()).decode()
            headers["Authorization"] = "Basic " + token
        t1 = time.monotonic()
        status, _ = http(f"http://localhost:{port}{upload_path}", data=body, headers=headers)
        upload = time.monotonic() - t1
        time.sleep(args.settle)
        kids = children(proc.pid)
        return {"variant": name, "up": up, "cpu": cpu, "upload": upload, "status": status, "idle_rss": idle_rss,
                "server_rss": rss_kb(proc.pid), "children": [rss_kb(k) for k in kids]}
    except Exception as e:
        log.flush()
        print(f"{name}: {e}; log in {scratch}/out.log")
        return None
    finally:
        stop(proc)
        log.close()
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)


def cds_command(jar, java, work):
    """Spring Boot's CDS recipe: extract the jar, one training run, then start on the archive."""
    extracted = os.path.join(work, "extracted")
    subprocess.run([java, "-Djarmode=tools", "-jar", jar, "extract", "--destination", extracted, "--force"],
                   check=True, capture_output=True)
    app = os.path.join(extracted, os.path.basename(jar))
    archive = os.path.join(extracted, "application.jsa")
    training = tempfile.mkdtemp(prefix="lakou-startup-cds-training-")
    subprocess.run([java, f"-XX:ArchiveClassesAtExit={archive}", "-Dspring.context.exit=onRefresh", "-jar", app,
                    f"--server.port={free_port()}"], cwd=training, check=True, capture_output=True, timeout=600)
    shutil.rmtree(training, ignore_errors=True)
    return [java, f"-XX:SharedArchiveFile={archive}", "-jar", app]


def mib(kb):
    return kb / 1024


def report(results, machine):
    lines = [f"Machine: {machine}", "",
             "| variant | runs | time to health UP, s (median; all) | × floor | server CPU to UP, s (median; all) "
             "| upload, s | server RSS idle, MiB "
             "| after one upload: server RSS, MiB | children (parse workers), MiB | total RSS, MiB |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    floor = [r["up"] for r in results if r["variant"].startswith("floor")]
    floor_up = statistics.median(floor) if floor else None
    for name in dict.fromkeys(r["variant"] for r in results):
        rs = [r for r in results if r["variant"] == name]
        ups = [r["up"] for r in rs]
        totals = [r["server_rss"] + sum(r["children"]) for r in rs]
        kids = "; ".join(" + ".join(f"{mib(c):.0f}" for c in r["children"]) or "none" for r in rs)
        cpus = [r["cpu"] for r in rs]
        ratio = f"{statistics.median(ups) / floor_up:.2f}" if floor_up else "n/a"
        lines.append(f"| {name} | {len(rs)} | {statistics.median(ups):.1f} ({', '.join(f'{u:.1f}' for u in ups)}) "
                     f"| {ratio} | {statistics.median(cpus):.1f} ({', '.join(f'{c:.1f}' for c in cpus)}) "
                     f"| {statistics.median([r['upload'] for r in rs]):.2f} "
                     f"| {mib(statistics.median([r['idle_rss'] for r in rs])):.0f} "
                     f"| {mib(statistics.median([r['server_rss'] for r in rs])):.0f} | {kids} "
                     f"| {mib(statistics.median(totals)):.0f} |")
    return "\n".join(lines) + "\n"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--jar", required=True)
    p.add_argument("--floor", required=True)
    p.add_argument("--doc", required=True)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--cds", action="store_true", help="also measure Lakou started on a CDS archive")
    p.add_argument("--settle", type=float, default=2.0, help="seconds between the upload and the RSS reading")
    p.add_argument("--timeout", type=float, default=900)
    p.add_argument("--keep", action="store_true")
    p.add_argument("--out", required=True)
    p.add_argument("--launcher-baseline", action="store_true",
                   help="also the same jar on Spring Boot's own class loader (-Dlakou.indexed-class-loader=false)")
    p.add_argument("--compare-jar", help="another Lakou jar (say, main's) measured in the same run, interleaved")
    args = p.parse_args()
    java = shutil.which("java")
    variants = [("floor (bare Spring Boot web app)", [java, "-jar", args.floor], "/upload"),
                ("lakou", [java, "-jar", args.jar], "/api/ingest")]
    if args.launcher_baseline:
        variants.append(("lakou, Boot's own class loader", [java, "-Dlakou.indexed-class-loader=false", "-jar", args.jar],
                         "/api/ingest"))
    if args.compare_jar:
        variants.append(("lakou, compared jar", [java, "-jar", args.compare_jar], "/api/ingest"))
    if args.cds:
        work = tempfile.mkdtemp(prefix="lakou-startup-cds-")
        try:
            variants.append(("lakou, CDS archive", cds_command(args.jar, java, work), "/api/ingest"))
        except (subprocess.SubprocessError, OSError) as e:
            print(f"CDS archive not built, variant skipped: {e}")
    results = []
    for i in range(args.runs):
        for name, cmd, path in variants:
            load = os.getloadavg()[0]
            r = run_variant(name, cmd, path, args.doc, args)
            if r:
                results.append(r)
                print(f"run {i + 1} {name}: UP in {r['up']:.1f} s, upload {r['upload']:.2f} s (HTTP {r['status']}), "
                      f"CPU {r['cpu']:.1f} s, server {mib(r['server_rss']):.0f} MiB, children {[round(mib(c)) for c in r['children']]} MiB"
                      f" (load before {load:.1f})", flush=True)
    nproc = os.cpu_count()
    machine = (f"{nproc} cores, {subprocess.run([java, '-version'], capture_output=True, text=True).stderr.splitlines()[0]}"
               f", load average at the end {os.getloadavg()[0]:.1f}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    text = report(results, machine)
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
