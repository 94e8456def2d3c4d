"""Throughput and latency of the site served as production serves it (BENCHMARKS.md "Serving").

Serves a PostgreSQL database with gunicorn (gunicorn.conf.py, nasn.settings.production, Redis as the
cache) on 127.0.0.1 and loads each view in turn with wrk (or, without wrk, a small Python client),
with a fixed number of connections for a fixed time, reporting requests per second and p50/p95
latency: the page cache off ("uncached", PAGE_CACHE=off) and on ("cached"), beside a static file
served by the same server (the ceiling on this machine). With --baseline-checkout, another checkout
(e.g. `git worktree add /work/wt/baseline <commit>`) is served against the same database in the same
run, with the same gunicorn.conf.py, and measured in turn with the others, view by view.

    .venv/bin/python benchmarks/load.py                                   # a fresh demo database
    .venv/bin/python benchmarks/load.py --database-url postgres://…/nasn_bench --baseline-checkout ../baseline
    .venv/bin/python benchmarks/load.py --large --keep-database           # the 10,000-page site (≈ 10 min to build)

The readership beacon (README "Readership") is measured as a view of its own, "readership beacon": a
POST of one page view as site.js sends it, answered 204 after a few cache increments and no database
write (the per-page cap is raised for the run, so every beacon is counted: the cost measured is the
counting's). Counting adds nothing to a cached page: the beacon is a separate request after the page
is shown, and no middleware of the readership app sits on the page's path; run with
--baseline-checkout (a worktree of the commit before the readership app) and
`--only "home,advice page,readership beacon"` to see the cached pages' throughput beside the
baseline's, which serves the same pages from its page cache too.

A fresh database is dropped at the end unless --keep-database; --database-url uses one as it is
(the demo site, or the large one that benchmarks/search_latency.py generates). Not part of the
test suite. Traffic goes to 127.0.0.1 only, and every load run stops after --duration seconds.
"""

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bs4 import BeautifulSoup  # noqa: E402

from tests.smoke.server import (  # noqa: E402
    ROOT,
    Server,
    collect_static,
    fresh_database,
    load_demo_site,
    log,
    production_env,
    redis_command,
    stop_on_sigterm,
)

# The setting that turns the page cache off (nasn/settings: PAGE_CACHE=off).
PAGE_CACHE_OFF = {"PAGE_CACHE": "off"}
SEARCH_QUERY = "passport"  # a word of the demo content and of the generated site
CPU_TICKS = os.sysconf("SC_CLK_TCK")

# wrk's summary as one JSON line (latencies in microseconds).
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    'WRK {"requests": %d, "seconds": %f, "p50": %d, "p95": %d, "non_2xx_3xx": %d, "errors": %d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(95),
    summary.errors.status, errors))
end
"""


# What site.js sends for a page view (readership/beacon.py), from the same origin.
BEACON_HEADERS = {
    "Content-Type": "text/plain;charset=UTF-8",
    "Sec-Fetch-Site": "same-origin",
    "Origin": "null",
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
}
# The cap on counted views per page and minute, raised so that the benchmark measures counting.
BEACON_CAP_OFF = {"READERSHIP_VIEWS_PER_PAGE_PER_MINUTE": "1000000000"}


@dataclass
class Post:
    """A POST view: its body, sent with BEACON_HEADERS."""

    body: str

    def wrk_script(self):
        headers = "".join(f'wrk.headers["{name}"] = {json.dumps(value)}\n' for name, value in BEACON_HEADERS.items())
        return f'wrk.method = "POST"\nwrk.body = {json.dumps(self.body)}\n{headers}'


@dataclass
class Result:
    view: str
    server: str
    path: str
    requests: int
    rps: float
    p50_ms: float
    p95_ms: float
    failed: int
    cache: str


def wrk_post_script(script, post):
    """The summary script plus the POST's method, body and headers, in a file beside it."""
    path = Path(script).with_suffix(".post.lua")
    path.write_text(Path(script).read_text() + post.wrk_script())
    return str(path)


def wrk(url, connections, seconds, script):
    output = subprocess.run(
        [shutil.which("wrk"), "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", script, url],
        capture_output=True,
        text=True,
        timeout=seconds + 30,
        check=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("WRK "))
    summary = json.loads(line[4:])
    return {
        "requests": summary["requests"],
        "rps": summary["requests"] / summary["seconds"],
        "p50_ms": summary["p50"] / 1000,
        "p95_ms": summary["p95"] / 1000,
        "failed": summary["non_2xx_3xx"] + summary["errors"],
    }


def send(server, path, post=None, timeout=30):
    if post is None:
        return server.get(path, timeout=timeout)
    return server.request("POST", path, body=post.body.encode(), headers=BEACON_HEADERS, timeout=timeout)


def python_client(server, path, connections, seconds, post=None):
    """wrk's job done with threads, for machines without wrk: less precise, as the client costs more CPU."""
    deadline = time.monotonic() + seconds
    latencies, failures, lock = [], [0], threading.Lock()

    def loop():
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                status = send(server, path, post, timeout=10).status
            except OSError:
                status = 0
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                failures[0] += not 200 <= status < 400

    threads = [threading.Thread(target=loop) for _ in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ordered = sorted(latencies) or [0.0]
    return {
        "requests": len(latencies),
        "rps": len(latencies) / (time.monotonic() - started),
        "p50_ms": statistics.median(ordered),
        "p95_ms": ordered[int(0.95 * (len(ordered) - 1))],
        "failed": failures[0],
    }


def warm_up(server, path, connections, post=None):
    """Two requests per connection, all at once, so that each worker has likely served the view before it is timed."""
    with ThreadPoolExecutor(max_workers=connections) as pool:
        list(pool.map(lambda _: send(server, path, post, timeout=60), range(2 * connections)))


class Load:
    def __init__(self, options, script):
        self.options = options
        self.script = script

    def measure(self, view, name, server, path, post=None):
        try:
            status = send(server, path, post).status  # also a first request of the view before the timed ones
        except OSError as error:
            status = f"no answer ({error.strerror or error})"
        if status != (200 if post is None else 204):  # shown in the table; the other views are still measured
            log(f"  {view}: {name} answers {path} with {status}")
            failure = {"requests": 0, "rps": 0, "p50_ms": 0, "p95_ms": 0, "failed": 1}
            shown = f"HTTP {status}" if isinstance(status, int) else status
            return Result(view=view, server=name, path=path, cache=shown, **failure)
        warm_up(server, path, self.options.connections, post)
        measured = self.run(server, path, self.options.duration, post)
        cache = "-" if post else server.get(path).header("X-Wagtail-Cache") or "-"
        return Result(view=view, server=name, path=path, cache=cache, **measured)

    def run(self, server, path, seconds, post=None):
        if shutil.which("wrk"):
            script = wrk_post_script(self.script, post) if post else self.script
            return wrk(server.origin + path, self.options.connections, seconds, script)
        return python_client(server, path, self.options.connections, seconds, post)


def api_items(server, query):
    response = server.get(f"/api/v2/pages/?{query}")
    if response.status != 200:
        raise RuntimeError(f"/api/v2/pages/?{query}: {response.status}")
    items = json.loads(response.body)["items"]
    if not items:
        raise RuntimeError(f"the database has no pages for ?{query}")
    return items


def views(server):
    """The views measured, as (name, path), found through the API so they fit any site in the database."""

    def first(page_type):
        item = api_items(server, f"type={page_type}&locale=en&limit=1")[0]
        return item["id"], urlsplit(item["meta"]["html_url"]).path

    advice_id, advice = first("advice.AdvicePage")
    _, directory = first("directory.DirectoryIndexPage")
    soup = BeautifulSoup(server.get(directory).text, "html.parser")
    category = soup.select('select[name="category"] option[value!=""]')[0]["value"]
    return [
        ("home", "/en/"),
        ("advice page", advice),
        ("news index", first("news.NewsIndexPage")[1]),
        ("directory", directory),
        ("directory, filtered", f"{directory}?category={category}"),
        ("service page", first("directory.ServicePage")[1]),
        ("search", f"/en/search/?q={SEARCH_QUERY}"),
        ("API listing", "/api/v2/pages/?type=advice.AdvicePage&locale=en"),
        ("API listing, fields=*", "/api/v2/pages/?type=advice.AdvicePage&locale=en&fields=*"),
        ("API detail", f"/api/v2/pages/{advice_id}/"),
        ("ORUK services", "/api/openreferral/services"),
        # A Polish reader of the English advice page (not translated): a fallback view.
        ("readership beacon", "/readership/beacon/", Post(json.dumps({"page": advice_id, "language": "pl"}))),
    ]


def static_path(server):
    soup = BeautifulSoup(server.get("/en/").text, "html.parser")
    return soup.find("link", rel="stylesheet")["href"]


def busy_ticks():
    """CPU time spent by everything on the machine, in clock ticks (from /proc/stat)."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(fields) - fields[3] - fields[4]  # minus idle and iowait


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build_large_site(env):
    """The demo site with benchmarks/search_latency.py's 10,560 pages added: the views measured are the demo's."""
    log("Loading the demo site into a fresh database…")
    load_demo_site(env)
    log("Adding the 10,000-page site with benchmarks/search_latency.py (about 10 minutes)…")
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "search_latency.py"), "--generate-only", "--add-to-existing-site"],
        env={**env, "DJANGO_SETTINGS_MODULE": "nasn.settings.test"},
        check=True,
    )


def prepare_database(options, stack):
    if options.database_url:
        return options.database_url
    if options.keep_database:
        database = stack.enter_context(fresh_database("nasn_load", drop=False))
        log(f"The database is kept: --database-url {database} --media-root {options.media_root}")
        return database
    return stack.enter_context(fresh_database("nasn_load"))


def serve_all(options, database_url, work_dir, stack):
    """Starts the servers: this checkout cached and uncached, and the baseline if asked for."""
    port = options.port
    env = production_env(database_url, options.redis_url, port, work_dir, **worker_env(options), **BEACON_CAP_OFF)
    if options.database_url:
        collect_static(env)
    elif options.large:
        build_large_site(env)  # migrates too
    else:
        log("Loading the demo site into a fresh database…")
        load_demo_site(env)
    servers = {}
    uncached_env = production_env(
        database_url, options.redis_url, port + 1, work_dir, **worker_env(options), **BEACON_CAP_OFF
    )
    if options.baseline_checkout:
        baseline = Path(options.baseline_checkout).resolve()
        baseline_env = production_env(
            database_url, options.redis_url, options.baseline_port, work_dir, **worker_env(options), **BEACON_CAP_OFF
        )
        baseline_env["STATIC_ROOT"] = str(Path(work_dir) / "baseline-static")
        collect_static(baseline_env, checkout=baseline)
        servers["baseline"] = Server(options.baseline_port, baseline_env, checkout=baseline)
    servers["uncached"] = Server(port + 1, {**uncached_env, **PAGE_CACHE_OFF})
    servers["cached"] = Server(port, env)
    for name, server in servers.items():
        server.log_path = Path(work_dir) / f"gunicorn-{name}.log"
        stack.enter_context(server)
        log(f"  {name}: {server.origin} ({server.checkout})")
    return servers


def worker_env(options):
    """What every server's environment adds: its number of workers, and where the database's images are."""
    env = {"WEB_CONCURRENCY": options.workers} if options.workers else {}
    if options.database_url or options.keep_database:  # else a fresh database's media go to the run's own folder
        env["MEDIA_ROOT"] = options.media_root
    return env


def ratio(numerator, denominator):
    return f"{numerator / denominator:.2f}×" if numerator and denominator else "–"


def table(results, static):
    by_view = {}
    for result in results:
        by_view.setdefault(result.view, {})[result.server] = result
    names = [name for name in ("baseline", "uncached", "cached") if any(name in row for row in by_view.values())]
    head = "| view |" + "".join(f" {name} req/s | p50 ms | p95 ms |" for name in names)
    head += " uncached ÷ baseline |" if "baseline" in names else ""
    head += " cached ÷ static | cache |"
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for view, row in by_view.items():
        line = f"| {view} |"
        for name in names:
            result = row.get(name)
            if result is None or not result.requests:
                line += f" {result.cache if result else ''} | | |"
            else:
                line += f" {result.rps:.0f} | {result.p50_ms:.1f} | {result.p95_ms:.1f} |"
        if "baseline" in names:
            both = "uncached" in row and "baseline" in row
            line += f" {ratio(row['uncached'].rps, row['baseline'].rps)} |" if both else " |"
        cached = row.get("cached")
        line += f" {cached.rps / static:.0%} | {cached.cache} |" if cached and static else " | |"
        lines.append(line)
    failed = [f"{r.server} {r.path}: {r.failed}" for r in results if r.failed]
    if failed:
        lines.append("\nFailed requests (not 2xx/3xx, or errors): " + "; ".join(failed))
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", help="serve this database as it is (default: a fresh demo database)")
    parser.add_argument(
        "--media-root",
        default=os.environ.get("MEDIA_ROOT") or str(ROOT / "media"),
        help="with --database-url: the folder of that database's images and documents (default: MEDIA_ROOT or media/)",
    )
    parser.add_argument("--large", action="store_true", help="a fresh database with the 10,000-page site")
    parser.add_argument("--keep-database", action="store_true", help="keep the fresh database for later runs")
    parser.add_argument("--baseline-checkout", help="also serve this checkout, e.g. a worktree of main")
    parser.add_argument("--redis-url", default=os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/5"))
    parser.add_argument("--port", type=int, default=8105, help="this checkout: PORT (cached) and PORT+1 (uncached)")
    parser.add_argument("--baseline-port", type=int, default=8115)
    parser.add_argument("--workers", type=int, help="gunicorn workers per server (default: gunicorn.conf.py's)")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections (default 8)")
    parser.add_argument("--duration", type=int, default=3, help="seconds per view and server (default 3)")
    parser.add_argument("--only", help="comma-separated view names to measure, e.g. 'home,API detail'")
    parser.add_argument("--json", help="also write the results to this file")
    options = parser.parse_args()

    redis_command(options.redis_url, "FLUSHDB")
    with (
        stop_on_sigterm(),
        ExitStack() as stack,
        tempfile.TemporaryDirectory(prefix="nasn-load-") as work_dir,
        tempfile.NamedTemporaryFile("w", suffix=".lua") as script,
    ):
        script.write(WRK_SCRIPT)
        script.flush()
        database_url = prepare_database(options, stack)
        servers = serve_all(options, database_url, work_dir, stack)
        results = measure_all(options, servers, Load(options, script.name))
    redis_command(options.redis_url, "FLUSHDB")
    if options.json:
        Path(options.json).write_text(json.dumps([asdict(result) for result in results], indent=1))


def measure_all(options, servers, load):
    measured = views(servers["uncached"])
    if options.only:
        wanted = {name.strip() for name in options.only.split(",")}
        measured = [entry for entry in measured if entry[0] in wanted]
    load_before = os.getloadavg()
    ticks_before, ours_before, started = busy_ticks(), children_cpu_seconds(), time.monotonic()
    cached = servers["cached"]
    static = static_path(cached)
    results = [load.measure("static file (first)", "cached", cached, static)]
    for view, path, *post in measured:
        for name, server in servers.items():
            results.append(load.measure(view, name, server, path, *post))
            log(f"  {view:24} {name:9} {results[-1].rps:7.0f} req/s  p50 {results[-1].p50_ms:6.1f} ms")
    results.append(load.measure("static file (last)", "cached", cached, static))
    elapsed = time.monotonic() - started
    for server in servers.values():  # their CPU time is ours once they have stopped
        server.stop()
    others = (busy_ticks() - ticks_before) / CPU_TICKS - (children_cpu_seconds() - ours_before)
    static_rps = statistics.mean(r.rps for r in results if r.view.startswith("static file"))
    print(f"\n{textwrap.fill(describe_run(options, servers), 100)}\n")
    print(table(results, static_rps))
    first, last = (r.rps for r in results if r.view.startswith("static file"))
    print(
        f"\nNoise: other processes kept {max(others, 0) / elapsed:.1f} of the {os.cpu_count()} cores busy on average "
        f"during the {elapsed:.0f} s run; load average {load_before[0]:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after; the static file gave {first:.0f} req/s first and {last:.0f} last "
        f"({abs(first - last) / max(first, last):.0%} apart)."
    )
    return results


def describe_run(options, servers):
    tool = "wrk" if shutil.which("wrk") else "a Python client (wrk is not installed)"
    workers = options.workers or "gunicorn.conf.py's default number of"
    return (
        f"{tool}, {options.connections} connections, {options.duration} s per view and server after a warm-up "
        f"of 2 requests per connection; {workers} workers per server, nasn.settings.production, PostgreSQL with kept "
        f"connections (DATABASE_CONN_MAX_AGE=60), Redis cache; servers: "
        + ", ".join(f"{name} ({server.checkout})" for name, server in servers.items())
    )


if __name__ == "__main__":
    main()
