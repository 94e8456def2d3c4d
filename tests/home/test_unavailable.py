"""A database that is down or not answering: a 503 that needs no database, never a 500."""

import json
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError, connection
from django.test import RequestFactory

from home.unavailable import is_unavailable, server_error

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down():
    """Every query fails as it does when PostgreSQL refuses or drops the connection."""
    error = OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=error):
        yield


@pytest.mark.parametrize("language", ["en", "pl", "ar"])
def test_pages_answer_503_in_the_language_of_the_url_with_the_helplines(client, database_down, language):
    response = client.get(f"/{language}/")

    assert response.status_code == 503
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in html
    assert 'href="tel:999"' in html
    assert "08000 121 700" in html  # the Modern Slavery & Exploitation Helpline (DOMAIN.md)
    assert "0800 555 111" in html  # Crimestoppers
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_the_503_page_is_translated(client, database_down):
    html = client.get("/pl/advice/some-page/").content.decode()

    assert "Uzyskaj pomoc teraz" in html  # "Get help now" from the Polish catalogue


def test_the_report_form_answers_503_not_500(client, database_down):
    response = client.post("/en/report-a-concern/", {"what_seen": "Men at the car wash"})

    assert response.status_code == 503
    assert "08000 121 700" in response.content.decode()


def test_the_api_answers_a_json_503_in_its_error_shape(client, database_down):
    response = client.get("/api/v2/pages/?type=advice.AdvicePage&fields=*")

    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert set(json.loads(response.content)) == {"message"}
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]


def test_the_oruk_feed_answers_a_json_503_in_its_error_shape(client, database_down):
    response = client.get("/api/openreferral/services")

    assert response.status_code == 503
    body = json.loads(response.content)
    assert set(body) == {"status", "message"}
    assert body["status"] == 503
    assert response["Access-Control-Allow-Origin"] == "*"


def test_a_closed_connection_is_unavailable_too(client):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=InterfaceError("closed")):
        assert client.get("/en/").status_code == 503


def test_a_database_error_raised_outside_a_view_gets_the_503_page_too():
    # Django turns an exception raised in a middleware into a 500 itself, calling handler500.
    request = RequestFactory().get("/ro/")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503
    assert 'lang="ro"' in response.content.decode()


def test_other_errors_stay_500s():
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(RequestFactory().get("/en/"))
    assert response.status_code == 500
    assert "Sorry, something went wrong" in response.content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="statement_timeout is PostgreSQL's")
def test_a_statement_cancelled_by_the_statement_timeout_is_unavailable():
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = 50")
        with pytest.raises(OperationalError) as raised:
            cursor.execute("SELECT pg_sleep(2)")
    assert is_unavailable(raised.value)
