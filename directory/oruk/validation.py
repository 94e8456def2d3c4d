"""Checking an incoming ORUK 3.0 service against the ORUK schema (schemas/service.json)."""

import json
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from jsonschema import Draft202012Validator, FormatChecker

SCHEMAS = Path(__file__).resolve().parent / "schemas"
MAX_PROBLEMS = 5
FORMATS = {"uuid": "a UUID", "uri": "a web address", "email": "an email address", "date-time": "a date-time"}
TYPES = {"string": "text", "number": "a number", "integer": "a whole number", "array": "a list", "object": "an object"}

format_checker = FormatChecker()  # jsonschema's own checks (uuid, date, …), and:


# Web and email addresses as the pages' URLField and EmailField accept them (jsonschema checks
# "uri" only with an extra package, and "email" only for an @).
@format_checker.checks("uri", raises=ValidationError)
def is_web_address(value):
    if isinstance(value, str):
        URLValidator()(value)
    return True


@format_checker.checks("email", raises=ValidationError)
def is_email_address(value):
    if isinstance(value, str):
        validate_email(value)
    return True


@cache
def validator(name="service.json"):
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=format_checker)


def location(path):
    """A JSON path as people read it: ``schedules[0].opens_at``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else part
    return text


def describe(error):
    where = location(error.absolute_path)
    if error.validator == "required":
        missing = [name for name in error.validator_value if name not in error.instance]
        return "; ".join(f"{location([*error.absolute_path, name])} is missing" for name in missing)
    where = where or "the record"
    if error.validator == "format":
        return f"{where} must be {FORMATS.get(error.validator_value, error.validator_value)}"
    if error.validator == "enum":
        return f"{where} must be one of: {', '.join(map(str, error.validator_value))}"
    if error.validator == "type" and isinstance(error.validator_value, str):
        return f"{where} must be {TYPES.get(error.validator_value, error.validator_value)}"
    return f"{where}: {error.message}"


def service_problems(record):
    """What makes ``record`` not a valid ORUK 3.0 service, in words (at most MAX_PROBLEMS)."""
    problems = [describe(error) for error in validator().iter_errors(record)]
    if len(problems) > MAX_PROBLEMS:
        problems = [*problems[:MAX_PROBLEMS], f"and {len(problems) - MAX_PROBLEMS} more"]
    return problems
