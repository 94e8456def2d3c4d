"""gunicorn.conf.py: what production runs (README "Production")."""

import logging
import runpy
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from gunicorn.config import Config
from gunicorn.glogging import Logger

CONF = Path(__file__).resolve().parent.parent / "gunicorn.conf.py"
SERVER_ENV = ("PORT", "GUNICORN_BIND", "WEB_CONCURRENCY", "GUNICORN_THREADS", "GUNICORN_TIMEOUT", "GUNICORN_ACCESS_LOG")


@pytest.fixture
def load_conf(monkeypatch):
    """gunicorn.conf.py read as Gunicorn reads it, under the environment given; every value validated."""

    def load(**env):
        for name in SERVER_ENV:
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        namespace = runpy.run_path(str(CONF))
        config = Config()
        for name, value in namespace.items():
            if name in config.settings:
                config.set(name, value)
        return config, namespace

    return load


def test_defaults_listen_locally_with_workers_from_the_cpu_count(load_conf, monkeypatch):
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {0, 1})
    config, _ = load_conf()
    assert config.bind == ["127.0.0.1:8000"]
    assert config.workers == 5  # 2 per core plus 1
    assert config.worker_class_str == "sync"
    assert config.wsgi_app == "nasn.wsgi:application"
    assert config.preload_app is True
    assert (config.max_requests, config.max_requests_jitter) == (1000, 100)


def test_workers_are_capped_on_a_large_machine(load_conf, monkeypatch):
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: set(range(32)))
    config, _ = load_conf()
    assert config.workers == 8


def test_the_environment_sets_address_workers_threads_and_timeout(load_conf):
    config, _ = load_conf(
        GUNICORN_BIND="127.0.0.1:9000, unix:/run/nasn.sock",
        WEB_CONCURRENCY="3",
        GUNICORN_THREADS="4",
        GUNICORN_TIMEOUT="20",
    )
    assert config.bind == ["127.0.0.1:9000", "unix:/run/nasn.sock"]
    assert (config.workers, config.threads, config.timeout) == (3, 4, 20)
    assert config.worker_class_str == "gthread"


def test_port_alone_listens_on_every_interface(load_conf):
    config, _ = load_conf(PORT="5000")
    assert config.bind == ["0.0.0.0:5000"]


@pytest.mark.parametrize("value", ["0", "-2", "four", "2.5"])
def test_a_wrong_number_stops_start_up_with_its_name(load_conf, value):
    with pytest.raises(SystemExit, match=f"WEB_CONCURRENCY must be a whole number of at least 1, not '{value}'"):
        load_conf(WEB_CONCURRENCY=value)


def test_the_access_log_is_off_unless_asked_for(load_conf):
    assert load_conf()[0].accesslog is None
    assert load_conf(GUNICORN_ACCESS_LOG="-")[0].accesslog == "-"


def test_access_log_lines_name_no_visitor(load_conf, capsys):
    config, _ = load_conf(GUNICORN_ACCESS_LOG="-")
    logger = Logger(config)
    request = SimpleNamespace(headers=[("USER-AGENT", "Firefox/140"), ("REFERER", "https://example.org/")])
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/en/search/?q=my+name",
        "PATH_INFO": "/en/search/",
        "QUERY_STRING": "q=my+name",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "203.0.113.7",
        "HTTP_USER_AGENT": "Firefox/140",
        "HTTP_REFERER": "https://example.org/",
    }
    response = SimpleNamespace(status="200 OK", sent=1234, headers=[])
    logger.access(response, request, environ, timedelta(milliseconds=42))
    line = capsys.readouterr().out.strip()
    assert line.endswith('"GET /en/search/" 200 1234 42ms')
    for visitor_data in ("203.0.113.7", "Firefox", "example.org", "my+name", "q="):
        assert visitor_data not in line


@pytest.mark.parametrize("address", ["203.0.113.7", "2001:db8::7", "::1"])
def test_the_error_log_drops_the_address_of_a_malformed_request(load_conf, address):
    _, namespace = load_conf()
    record = logging.makeLogRecord({"msg": f"Invalid request from ip={address}: Invalid HTTP Version 'HTTP/9'"})
    assert namespace["scrub_visitor_data"](record) is True
    assert record.getMessage() == "Invalid request: Invalid HTTP Version 'HTTP/9'"


def test_the_error_log_drops_the_query_string_of_a_failing_request(load_conf):
    _, namespace = load_conf()
    record = logging.makeLogRecord({"msg": "Error handling request %s %s", "args": ("GET", "/en/search/?q=secret")})
    namespace["scrub_visitor_data"](record)
    assert record.getMessage() == "Error handling request GET /en/search/"
