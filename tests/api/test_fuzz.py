"""A bounded fuzz run: Schemathesis generates requests from the OpenAPI document, valid and
invalid, sends them to the Django WSGI app in-process and checks that none is a server
error, every response matches the document, every request the document says is valid is
accepted (no 400: the parameter schemas are no looser than the server) and every invalid one
is refused (they are no stricter).

Bounded and repeatable: a fixed number of examples per operation, derandomised, no example
database; well under a minute per database.
"""

from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

EXAMPLES = {GenerationMode.POSITIVE: 20, GenerationMode.NEGATIVE: 15}
CHECKS = {
    GenerationMode.POSITIVE: [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
        positive_data_acceptance,
    ],
    # Invalid input must be refused with a 4xx (and a documented JSON error).
    GenerationMode.NEGATIVE: [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
        negative_data_rejection,
    ],
}


def fuzz(operation, mode):
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES[mode],
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        case.validate_response(case.call(), checks=CHECKS[mode])

    run()


def test_fuzzing_the_api_finds_no_server_error(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 20
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            fuzz(operation, mode)
