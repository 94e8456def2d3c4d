"""Gunicorn's settings for production: `make serve` runs `gunicorn -c gunicorn.conf.py` (README "Production").

Settings only, read from the environment: importing this file starts nothing. Any other Gunicorn
setting can be given in GUNICORN_CMD_ARGS, e.g. GUNICORN_CMD_ARGS="--timeout 60".
"""

import os
import re
from pathlib import Path

wsgi_app = "nasn.wsgi:application"  # nasn.settings.production unless DJANGO_SETTINGS_MODULE says otherwise
proc_name = "nasn"


def _positive_int(name, default):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) < 1:
        raise SystemExit(f"{name} must be a whole number of at least 1, not {value!r}")
    return int(value)


def _cpu_count():
    # The CPUs this process may run on (a container's cpuset), not every CPU of the host.
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# Where to listen: GUNICORN_BIND (comma-separated, e.g. "127.0.0.1:8000,unix:/run/nasn.sock"), or
# every interface on PORT as platforms that set PORT expect, or 127.0.0.1:8000.
if os.environ.get("GUNICORN_BIND"):
    bind = [address.strip() for address in os.environ["GUNICORN_BIND"].split(",") if address.strip()]
elif os.environ.get("PORT"):
    bind = [f"0.0.0.0:{_positive_int('PORT', 8000)}"]
else:
    bind = ["127.0.0.1:8000"]

# Processes: Gunicorn's advice of 2 per core plus 1, at most 8 (each worker holds the site in memory
# and its own database connection). WEB_CONCURRENCY sets the number exactly.
workers = _positive_int("WEB_CONCURRENCY", min(2 * _cpu_count() + 1, 8))
# One thread per worker (the sync worker) unless GUNICORN_THREADS asks for more (the gthread
# worker, which also keeps client connections open between requests).
threads = _positive_int("GUNICORN_THREADS", 1)

# A request still running after `timeout` seconds gets its worker killed and restarted. The
# database's own connect and statement timeouts are shorter, so a slow database yields the site's
# 503 page before this. On a restart (SIGHUP) or stop (SIGTERM), a worker finishes its requests
# within graceful_timeout seconds.
timeout = _positive_int("GUNICORN_TIMEOUT", 30)
graceful_timeout = 30
keepalive = 5  # seconds an idle client connection stays open (gthread only), above a proxy's usual idle time

# Each worker is replaced after about 1,000 requests (at staggered times), so memory that grows
# slowly is returned, without all workers restarting at once.
max_requests = 1000
max_requests_jitter = 100

# The app is loaded once, before the workers fork: they share its memory and a replaced worker
# starts at once instead of importing Django and Wagtail again. A deploy therefore needs a restart
# (SIGTERM and start, or `systemctl restart`), not a SIGHUP, to run new code.
preload_app = True

# The heartbeat file in memory: on a disk-backed /tmp a busy disk can stall workers.
worker_tmp_dir = "/dev/shm" if Path("/dev/shm").is_dir() else None  # noqa: S108 -- a fixed system directory

# Proxies trusted for X-Forwarded-Proto (https): the addresses of the load balancer in front.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# No control socket: gunicornc is not used here, and every instance on a host would share its
# default path ($HOME/.gunicorn/gunicorn.ctl).
control_socket_disable = True

# Logging. Errors go to stderr. The access log is off unless GUNICORN_ACCESS_LOG names a file
# ("-" for stdout); it then holds the time, method, path without query string, status, bytes and
# milliseconds: no client address, user agent, referrer or query string, so no line can point at
# a visitor or a reporter.
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'

# Gunicorn's own error log names the client of a malformed request ("Invalid request from
# ip=…") and logs a failing request's full URL; both are cut before the line is written.
_CLIENT_ADDRESS = re.compile(r" from ip=\S*?: ")


def scrub_visitor_data(record):
    if isinstance(record.msg, str) and "from ip=" in record.msg:
        record.msg = _CLIENT_ADDRESS.sub(": ", record.msg, count=1)
    if isinstance(record.msg, str) and record.msg.startswith("Error handling request") and record.args:
        record.args = tuple(arg.split("?", 1)[0] if isinstance(arg, str) else arg for arg in record.args)
    return True


def on_starting(server):
    import logging

    logging.getLogger("gunicorn.error").addFilter(scrub_visitor_data)


def when_ready(server):
    """In the master, after the app is loaded and before any worker is forked."""
    if not server.cfg.preload_app:
        return
    import gc

    from django.conf import settings
    from django.db import connections
    from django.urls import get_resolver
    from django.utils import translation

    # What every worker's first request would otherwise load on its own (about a second here):
    # the URL configuration with every view, and the interface translations of every language.
    get_resolver().url_patterns  # noqa: B018 -- loads them
    for language_code, _name in settings.LANGUAGES:
        translation.activate(language_code)
    translation.deactivate()
    # Nothing should have opened a database connection while the app loaded; if anything did, the
    # forked workers must not share it.
    connections.close_all()
    # The loaded app's objects are left out of the workers' garbage collections (Python's advice
    # for processes that fork): workers keep sharing their memory, and a worker stopping no longer
    # spends seconds of CPU collecting them (measured: 1.5 s each, 8 s to stop 5 workers).
    gc.freeze()
