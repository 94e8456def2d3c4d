"""Project-wide drift checks (STYLE habit 14), run with the tests so they cannot be forgotten."""

from io import StringIO

import pytest
from django.core.management import call_command


def test_system_checks_pass():
    # call_command("check") raises SystemCheckError on any error.
    call_command("check", stdout=StringIO())


@pytest.mark.django_db
def test_system_checks_for_the_database_pass():
    call_command("check", "--database", "default", stdout=StringIO())


@pytest.mark.django_db
def test_models_and_migrations_agree():
    # --check exits with status 1 when a migration is missing.
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())
