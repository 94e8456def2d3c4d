"""Smoke test of the production service, as a visitor would use it (README "Production"; run by .ci/run).

Builds a fresh PostgreSQL database with the demo content, serves it with gunicorn
(gunicorn.conf.py, 4 workers, nasn.settings.production, Redis as the cache) on 127.0.0.1, and
checks pages in three languages, an image, a document, the directory, search, the APIs, the
health check, a report sent through the real form, the report rate limit across workers, and a
cached page that a publish purges. Prints PASS or FAIL per check and exits 1 if any failed. The
database, the Redis database and the server are removed or stopped at the end, whatever happens.

    .venv/bin/python tests/smoke/run_smoke.py

Environment: SMOKE_POSTGRES_URL (a PostgreSQL server URL with the right to create databases;
postgres://postgres@127.0.0.1:5432/postgres), SMOKE_REDIS_URL (a Redis database the test may
empty; redis://127.0.0.1:6379/5), SMOKE_PORT (a free port by default).
"""

import json
import os
import re
import secrets
import socket
import sys
import tempfile
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.smoke.server import (  # noqa: E402
    ROOT,
    Server,
    fresh_database,
    load_demo_site,
    log,
    manage,
    production_env,
    query_one,
    redis_command,
    stop_on_sigterm,
)

REDIS_URL = os.environ.get("SMOKE_REDIS_URL", "redis://127.0.0.1:6379/5")
RATE_LIMIT = 3
MIN_FILL_SECONDS = 1


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Checks:
    def __init__(self):
        self.passed, self.failed = [], []

    def run(self, name, check, *args):
        """Runs one check: it returns a detail to show, or raises AssertionError (or anything) to fail."""
        started = time.monotonic()
        try:
            detail = check(*args)
        except Exception as error:  # a broken check is a failed check, and the others still run
            message = str(error) if isinstance(error, AssertionError) else traceback.format_exc(limit=3)
            self.failed.append(name)
            log(f"FAIL  {name}: {message.strip()}")
            return None
        self.passed.append(name)
        log(f"PASS  {name}{f': {detail}' if detail else ''} ({time.monotonic() - started:.1f} s)")
        return detail


class Visitor:
    """What a browser does here: GET and POST, keep the CSRF cookie, read pages and JSON."""

    def __init__(self, server, client_address):
        self.server = server
        # The server reads the client address from this header (CLIENT_IP_HEADER), as behind a proxy:
        # each visitor here has an address of its own (documentation addresses, RFC 5737).
        self.headers = {"X-Forwarded-For": client_address}

    def get(self, path, expect=200, **headers):
        response = self.server.get(path, headers={**self.headers, **headers})
        assert response.status == expect, f"GET {path}: {response.status}, expected {expect}"
        return response

    def page(self, path):
        return BeautifulSoup(self.get(path).text, "html.parser")

    def json(self, path):
        response = self.get(path)
        assert response.header("Content-Type").startswith("application/json"), f"{path}: not JSON"
        return json.loads(response.body)

    def open_form(self, path):
        """The report form's fields, and its CSRF cookie (sent back by hand: the cookie is Secure-only)."""
        response = self.get(path)
        cookie = re.search(r"csrftoken=([^;]+)", response.header("Set-Cookie"))
        assert cookie, f"{path}: no CSRF cookie"
        form = BeautifulSoup(response.text, "html.parser").find("form", method=re.compile("post", re.I))
        assert form is not None, f"{path}: no form"
        fields = {field["name"]: field.get("value", "") for field in form.find_all("input", type="hidden")}
        assert fields.get("token") and fields.get("csrfmiddlewaretoken"), f"{path}: no form token"
        return fields, cookie.group(1)

    def post_form(self, path, fields, cookie):
        headers = {
            **self.headers,
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookie}",
        }
        return self.server.request("POST", path, body=urlencode(fields), headers=headers)


def path_of(url):
    return urlsplit(url).path


def first_page_of_type(visitor, page_type, language="en"):
    items = visitor.json(f"/api/v2/pages/?type={page_type}&locale={language}&limit=50")["items"]
    assert items, f"no {page_type} in {language}"
    return items


def check_home(visitor, language, direction):
    html = visitor.page(f"/{language}/").html
    assert (html.get("lang"), html.get("dir")) == (language, direction), f"<html lang={html.get('lang')} dir=…>"
    return f'<html lang="{language}" dir="{direction}">'


def check_no_cookie(visitor):
    response = visitor.get("/en/")
    assert not response.header("Set-Cookie"), f"the home page sets a cookie: {response.header('Set-Cookie')}"


def check_static_file(visitor):
    stylesheet = visitor.page("/en/").find("link", rel="stylesheet")["href"]
    response = visitor.get(stylesheet)
    assert response.header("Content-Type").startswith("text/css"), response.header("Content-Type")
    return f"{stylesheet}, {response.header('Cache-Control')}"


def check_image(visitor):
    for item in first_page_of_type(visitor, "advice.AdvicePage"):
        path = path_of(item["meta"]["html_url"])
        image = visitor.page(path).select_one("main img")
        if image is not None:
            response = visitor.server.get(image["src"])
            assert response.status == 200, f"{path}: <img src={image['src']}> answers {response.status}"
            content_type = response.header("Content-Type")
            assert content_type.startswith("image/"), f"{image['src']}: {content_type}"
            return f"{path} → {image['src']} ({content_type}, {len(response.body)} bytes)"
    raise AssertionError("no advice page shows an image")


def check_document(visitor):
    documents = visitor.json("/api/v2/documents/")["items"]
    assert documents, "no documents"
    path = path_of(documents[0]["meta"]["download_url"])
    response = visitor.get(path)
    assert response.body, f"{path}: empty"
    return f"{path} ({response.header('Content-Type')}, {len(response.body)} bytes)"


def service_links(soup, directory_path):
    links = {a["href"] for a in soup.select(f'main a[href^="{directory_path}"]')}
    return {link for link in links if link != directory_path and "?" not in link}


def check_directory(visitor):
    directory = path_of(first_page_of_type(visitor, "directory.DirectoryIndexPage")[0]["meta"]["html_url"])
    everything = service_links(visitor.page(directory), directory)
    assert everything, f"{directory}: lists no services"
    category = visitor.page(directory).select('select[name="category"] option[value!=""]')[0]["value"]
    filtered_page = visitor.page(f"{directory}?category={category}")
    filtered = service_links(filtered_page, directory)
    assert filtered_page.select_one(f'option[value="{category}"][selected]'), "the filter is not shown as chosen"
    shown = f"?category={category}: {len(filtered)} of {len(everything)} services"
    assert filtered and len(filtered) < len(everything), shown
    return f"{directory}: {len(everything)} services; ?category={category}: {len(filtered)}"


def check_search(visitor):
    soup = visitor.page("/en/search/?q=passport")
    results = [a["href"] for a in soup.select("main a[href^='/en/']") if "/search/" not in a["href"]]
    assert results, "no results for “passport”"
    return f"{len(results)} result links"


def check_api(visitor):
    listing = visitor.json("/api/v2/pages/?type=advice.AdvicePage&fields=*&locale=en")
    assert listing["items"], "empty listing"
    first = listing["items"][0]
    detail = visitor.json(f"/api/v2/pages/{first['id']}/")
    assert detail["id"] == first["id"] and detail["title"] == first["title"], "detail differs from listing"
    return f"{listing['meta']['total_count']} advice pages; detail of {first['id']}"


def check_oruk(visitor):
    services = visitor.json("/api/openreferral/services")
    assert services["contents"] and services["total_items"] > 0, "no services"
    return f"{services['total_items']} services"


def check_healthz(visitor):
    response = visitor.get("/healthz")
    health = json.loads(response.body)
    assert health.get("status") == "ok", f"/healthz: {health}"
    assert not response.header("Set-Cookie"), "/healthz sets a cookie"
    return json.dumps(health)


def report_page(visitor):
    return path_of(first_page_of_type(visitor, "reports.ReportPage")[0]["meta"]["html_url"])


def count_reports(database_url, text):
    return query_one(database_url, "SELECT count(*) FROM reports_report WHERE what_seen LIKE %s", (text + "%",))


def check_report(visitor, database_url):
    path = report_page(visitor)
    fields, cookie = visitor.open_form(path)
    text = f"Smoke test report {secrets.token_hex(4)}: a van collects workers at 5am."
    time.sleep(MIN_FILL_SECONDS + 0.2)
    sent = {**fields, "what_seen": text, "location": "Norwich", "who_affected": "someone_else"}
    response = visitor.post_form(path, sent, cookie)
    assert response.status == 303, f"POST {path}: {response.status}"
    thanks = visitor.get(path_of(response.header("Location")))
    assert thanks.status == 200
    replay = visitor.post_form(path, sent, cookie)  # the same form sent again (Reload, a double click)
    assert replay.status == 303, f"second POST: {replay.status}"
    stored = count_reports(database_url, text)
    assert stored == 1, f"stored {stored} times"
    return f"{path}: 303 → {response.header('Location')}; stored once, also when sent twice"


def check_rate_limit(visitor, database_url, attempts):
    """More reports than the limit from one client, all at once: exactly the limit is stored."""
    path = report_page(visitor)
    prefix = f"Smoke test rate limit {secrets.token_hex(4)}"
    forms = [visitor.open_form(path) for _ in range(attempts)]
    time.sleep(MIN_FILL_SECONDS + 0.2)

    def send(number):
        fields, cookie = forms[number]
        return visitor.post_form(path, {**fields, "what_seen": f"{prefix} {number}"}, cookie).status

    with ThreadPoolExecutor(max_workers=attempts) as pool:
        statuses = list(pool.map(send, range(attempts)))
    stored = count_reports(database_url, prefix)
    accepted = statuses.count(303)
    assert stored == RATE_LIMIT and accepted == RATE_LIMIT, (
        f"{attempts} sent at once with REPORTS_RATE_LIMIT={RATE_LIMIT}: {accepted} accepted, {stored} stored"
    )
    return f"{attempts} sent at once: {accepted} accepted and stored, the others shown the form again"


PUBLISH = """
from wagtail.models import Page
page = Page.objects.get(pk={pk}).specific
page.title = {title!r}
page.save_revision().publish()
"""


def check_cache_purge(visitor, env):
    item = first_page_of_type(visitor, "advice.AdvicePage")[-1]
    path = path_of(item["meta"]["html_url"])
    visitor.get(path)
    second = visitor.get(path)
    cache_header = second.header("X-Wagtail-Cache") or "(none)"
    assert cache_header == "hit", f"{path} fetched twice: X-Wagtail-Cache {cache_header}, expected hit"
    title = f"Smoke test title {secrets.token_hex(3)}"
    manage(ROOT, env, "shell", "-c", PUBLISH.format(pk=item["id"], title=title))  # an editor, elsewhere
    after = visitor.page(path)
    assert title in after.title.get_text(), f"after publishing, {path} still shows “{after.title.get_text()}”"
    return f"{path}: second fetch a cache hit; after a publish elsewhere it shows the new title"


def run_checks(server, env, database_url):
    checks = Checks()
    visitor = Visitor(server, "192.0.2.10")
    for language, direction in (("en", "ltr"), ("pl", "ltr"), ("ar", "rtl")):
        checks.run(f"home page in {language}", check_home, visitor, language, direction)
    checks.run("no cookie for a visitor", check_no_cookie, visitor)
    checks.run("static file", check_static_file, visitor)
    checks.run("advice page image loads", check_image, visitor)
    checks.run("document download", check_document, visitor)
    checks.run("directory, and a filter", check_directory, visitor)
    checks.run("search", check_search, visitor)
    checks.run("API listing (fields=*) and detail", check_api, visitor)
    checks.run("Open Referral UK services", check_oruk, visitor)
    checks.run("/healthz", check_healthz, visitor)
    checks.run("a report sent through the form, stored once", check_report, visitor, database_url)
    checks.run(
        f"report rate limit across {env['WEB_CONCURRENCY']} workers",
        check_rate_limit,
        Visitor(server, "192.0.2.20"),
        database_url,
        RATE_LIMIT * 3,
    )
    checks.run("cached page, purged by a publish", check_cache_purge, visitor, env)
    return checks


def main():
    if not __debug__:
        sys.exit("Run the smoke test without -O: its checks are assert statements.")
    started = time.monotonic()
    port = int(os.environ.get("SMOKE_PORT") or free_port())
    redis_command(REDIS_URL, "PING")
    redis_command(REDIS_URL, "FLUSHDB")
    with (
        stop_on_sigterm(),
        tempfile.TemporaryDirectory(prefix="nasn-smoke-") as work_dir,
        fresh_database("nasn_smoke") as database_url,
    ):
        env = production_env(
            database_url,
            REDIS_URL,
            port,
            work_dir,
            WEB_CONCURRENCY=4,
            CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR",
            REPORTS_RATE_LIMIT=RATE_LIMIT,
            REPORTS_MIN_FILL_SECONDS=MIN_FILL_SECONDS,
        )
        log(f"Database {urlsplit(database_url).path[1:]}, Redis {REDIS_URL}: loading the demo site…")
        load_demo_site(env)
        server = Server(port, env, log_path=Path(work_dir) / "gunicorn.log")
        checks = None
        try:
            with server:
                log(f"gunicorn (4 workers, production settings) at {server.origin}")
                checks = run_checks(server, env, database_url)
        finally:
            if checks is not None and checks.failed:
                log(f"--- gunicorn's log (last lines) ---\n{server.log_tail()}")
            redis_command(REDIS_URL, "FLUSHDB")
    log(f"Smoke test finished in {time.monotonic() - started:.0f} s")
    if checks.failed:
        log("Failed: " + "; ".join(checks.failed))
    log(f"smoke: {len(checks.passed)} passed, {len(checks.failed)} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
