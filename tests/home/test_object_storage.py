"""Media in an S3-compatible bucket (nasn/settings/storage.py), against moto's S3 server on
127.0.0.1: renditions are public, originals and documents private, documents served by
Wagtail's view."""

import socket
import urllib.error
import urllib.request
import uuid

import boto3
import pytest
from django.core.files.storage import storages
from moto.server import ThreadedMotoServer
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from nasn.settings.storage import RENDITION_CACHE_CONTROL, s3_storages
from tests.factories import DocumentFactory, ImageFactory
from tests.home.media_files import photo_with_gps

REGION = "eu-west-2"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, monkeypatch, settings):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "nasn-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "nasn-test-secret")
    name = f"nasn-media-{uuid.uuid4().hex[:8]}"
    environ = {"AWS_STORAGE_BUCKET_NAME": name, "AWS_S3_ENDPOINT_URL": s3_endpoint, "AWS_S3_REGION_NAME": REGION}
    s3 = boto3.client("s3", endpoint_url=s3_endpoint, region_name=REGION)
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
    settings.STORAGES = {**settings.STORAGES, **s3_storages(environ)}
    settings.WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
    # Wagtail reads WAGTAILIMAGES_RENDITION_STORAGE once, when the Rendition model is defined.
    monkeypatch.setattr(
        get_image_model().get_rendition_model()._meta.get_field("file"), "storage", storages["renditions"]
    )
    return f"{s3_endpoint}/{name}"


def anonymous_get(url):
    """Status, headers and body of a plain GET with no credentials, as a visitor's browser makes it."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 -- a local test server
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, b""


@pytest.mark.django_db
def test_renditions_are_public_and_originals_private(bucket):
    image = ImageFactory(file__from_file=None, file__data=photo_with_gps(), file__filename="harbour.jpg")
    rendition = image.get_rendition("max-1200x1200|format-webp")

    assert rendition.url.startswith(f"{bucket}/images/")
    status, headers, body = anonymous_get(rendition.url)
    assert (status, headers["Content-Type"], headers["Cache-Control"]) == (200, "image/webp", RENDITION_CACHE_CONTROL)
    assert body[:4] == b"RIFF"

    assert image.file.name.startswith("original_images/")
    assert anonymous_get(f"{bucket}/{image.file.name}")[0] == 403
    with image.open_file() as stored:
        assert b"PhoneMaker" not in stored.read()  # stripped in the bucket too


@pytest.mark.django_db
def test_documents_are_served_by_wagtail_and_private_in_the_bucket(bucket, client):
    document = DocumentFactory(file__filename="leaflet.pdf", file__data=b"%PDF-1.4 public leaflet")
    assert anonymous_get(f"{bucket}/{document.file.name}")[0] == 403
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 public leaflet"
    assert (response["Content-Type"], response["Content-Disposition"]) == ("application/pdf", "inline")
    assert response["Cache-Control"] == "public, max-age=3600"


@pytest.mark.django_db
def test_a_private_document_stays_private(bucket, client):
    partners = Collection.get_first_root_node().add_child(name="Partners only")
    CollectionViewRestriction.objects.create(collection=partners, restriction_type=CollectionViewRestriction.LOGIN)
    document = DocumentFactory(collection=partners, file__data=b"%PDF-1.4 minutes")
    assert client.get(document.url).status_code == 302
    assert anonymous_get(f"{bucket}/{document.file.name}")[0] == 403


def test_without_a_bucket_media_stays_on_this_server():
    assert s3_storages({}) == {}


def test_a_bucket_keeps_originals_private_and_renditions_public_behind_the_cdn():
    storages_settings = s3_storages({"AWS_STORAGE_BUCKET_NAME": "nasn", "AWS_S3_CUSTOM_DOMAIN": "media.nasn.org.uk"})
    private, public = storages_settings["default"]["OPTIONS"], storages_settings["renditions"]["OPTIONS"]
    assert (private["default_acl"], private["querystring_auth"], private.get("custom_domain")) == (
        "private",
        True,
        None,
    )
    assert (public["default_acl"], public["querystring_auth"], public["custom_domain"]) == (
        "public-read",
        False,
        "media.nasn.org.uk",
    )
    assert private["file_overwrite"] is public["file_overwrite"] is False


def test_documents_always_go_through_wagtails_view(settings):
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
