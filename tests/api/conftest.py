import pytest

from tests.api.content import build_site, openapi_schema


@pytest.fixture
def site(db):
    return build_site()


@pytest.fixture
def api_schema(site):
    with openapi_schema() as schema:
        yield schema
