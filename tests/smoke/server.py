"""The site as production runs it, on this machine: a fresh PostgreSQL database, the demo content,
collected static files and gunicorn with gunicorn.conf.py and nasn.settings.production.

Used by tests/smoke/run_smoke.py (CI) and benchmarks/load.py. Every server listens on 127.0.0.1
only and is stopped by its process id.
"""

import http.client
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import psycopg2
from psycopg2 import sql

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
POSTGRES_URL = os.environ.get("SMOKE_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def log(message):
    print(message, flush=True)


@contextmanager
def fresh_database(prefix, admin_url=POSTGRES_URL, drop=True):
    """A new, empty PostgreSQL database with a unique name, dropped on the way out (unless drop is False)."""
    name = f"{prefix}_{os.getpid()}_{secrets.token_hex(3)}"
    parts = urlsplit(admin_url)
    _admin_sql(admin_url, sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield parts._replace(path=f"/{name}").geturl()
    finally:
        if drop:
            statement = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            _admin_sql(admin_url, statement)


def _admin_sql(admin_url, statement):
    connection = psycopg2.connect(admin_url)
    connection.autocommit = True  # CREATE/DROP DATABASE cannot run in a transaction
    try:
        with connection.cursor() as cursor:
            cursor.execute(statement)
    finally:
        connection.close()


def query_one(database_url, statement, params=()):
    connection = psycopg2.connect(database_url)
    try:
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            return cursor.fetchone()[0]
    finally:
        connection.close()


def redis_command(redis_url, *command):
    """Runs a command with redis-cli; returns its output, or raises with a clear message."""
    redis_cli = shutil.which("redis-cli")
    if redis_cli is None:
        raise RuntimeError("redis-cli is not installed (apt-get install redis-server)")
    result = subprocess.run(
        [redis_cli, "-u", redis_url, *command], capture_output=True, text=True, timeout=10, check=False
    )
    if result.returncode or result.stdout.startswith(("ERR", "Could not connect")):
        raise RuntimeError(f"redis-cli {' '.join(command)} failed at {redis_url}: {result.stdout}{result.stderr}")
    return result.stdout.strip()


def production_env(database_url, redis_url, port, work_dir, **overrides):
    """The environment of a production server on 127.0.0.1:port (plain HTTP: no TLS here)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "nasn.settings.production",
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "REDIS_URL": redis_url,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "NASN_PUBLIC_ORIGIN": f"http://127.0.0.1:{port}",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "MEDIA_ROOT": str(Path(work_dir) / "media"),
        "STATIC_ROOT": str(Path(work_dir) / "static"),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "PYTHONUNBUFFERED": "1",
    }
    env.update({name: str(value) for name, value in overrides.items()})
    return env


def manage(checkout, env, *args, settings=None, quiet=True):
    """Runs `manage.py ARGS` of a checkout; its output is shown only when it fails."""
    if settings:
        env = {**env, "DJANGO_SETTINGS_MODULE": settings}
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=checkout,
        env=env,
        capture_output=quiet,
        text=True,
        check=False,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout or ''}{result.stderr or ''}")
    return result.stdout


def load_demo_site(env, checkout=ROOT):
    """Migrates, loads the demo content and collects static files into the env's database and folders.

    Production settings do not install the demo app, so the demo loader runs with the dev settings
    against the same database; collectstatic runs beside it (its own process, the other core).
    """
    started = time.monotonic()
    manage(checkout, env, "migrate", "--noinput", "-v0")
    log(f"  migrated in {time.monotonic() - started:.0f} s")
    with ThreadPoolExecutor(max_workers=2) as pool:
        demo = pool.submit(manage, checkout, env, "load_demo_content", settings="nasn.settings.dev")
        static = pool.submit(collect_static, env, checkout)
        demo.result()
        static.result()
    log(f"  demo content loaded and static files collected in {time.monotonic() - started:.0f} s")


def collect_static(env, checkout=ROOT):
    manage(checkout, env, "collectstatic", "--noinput", "-v0")


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")

    def header(self, name, default=""):
        return self.headers.get(name, default)


@dataclass
class Server:
    """A gunicorn master process serving one checkout with the environment given."""

    port: int
    env: dict
    checkout: Path = ROOT
    log_path: Path = None
    process: subprocess.Popen = field(default=None, repr=False)

    def start(self, timeout=90):
        self.log_path = self.log_path or Path(tempfile.mkstemp(prefix="gunicorn-", suffix=".log")[1])
        log_file = self.log_path.open("ab")
        # The same gunicorn.conf.py for every checkout served, so a comparison is of the code only.
        command = [VENV_BIN / "gunicorn", "--config", ROOT / "gunicorn.conf.py", "--chdir", self.checkout]
        self.process = subprocess.Popen(
            command, cwd=self.checkout, env=self.env, stdout=log_file, stderr=subprocess.STDOUT
        )
        log_file.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                self.get("/robots.txt", timeout=5)  # any answer: the app is up
                return self
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"gunicorn did not answer within {timeout} s:\n{self.log_tail()}")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # graceful: the workers finish their requests
        try:
            self.process.wait(timeout=35)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def log_tail(self, lines=40):
        if not self.log_path or not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()

    @property
    def origin(self):
        return f"http://127.0.0.1:{self.port}"

    def request(self, method, path, body=None, headers=None, timeout=30):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return Response(response.status, response.headers, response.read())
        finally:
            connection.close()

    def get(self, path, headers=None, timeout=30):
        return self.request("GET", path, headers=headers, timeout=timeout)


@contextmanager
def stop_on_sigterm():
    """Turns SIGTERM (CI cancelling the job) into SystemExit, so `finally` blocks stop the servers."""

    def exit_now(signum, frame):
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, exit_now)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
