"""Uploaded images are stored without their metadata (GPS position, camera, author)."""

import io

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from PIL import Image, PngImagePlugin
from wagtail.images import get_image_model

from home.image_metadata import strip_metadata
from tests.editorial.conftest import make_user
from tests.home.media_files import MediaOnDisk, photo_with_gps


def stored(image):
    with image.open_file() as file:
        return file.read()


class AdminUploadTests(MediaOnDisk, TestCase):
    def test_an_editors_upload_is_stored_without_gps_camera_or_author(self):
        self.client.force_login(make_user("editor"))
        upload = SimpleUploadedFile("harbour.jpg", photo_with_gps(), content_type="image/jpeg")
        response = self.client.post(reverse("wagtailimages:add"), {"title": "Harbour", "file": upload})
        self.assertEqual(response.status_code, 302)

        image = get_image_model().objects.get(title="Harbour")
        data = stored(image)
        with Image.open(io.BytesIO(data)) as saved:
            self.assertEqual(dict(saved.getexif()), {})
            self.assertNotIn("comment", saved.info)
            self.assertEqual(saved.size, (30, 60))  # turned as the EXIF orientation said
        for text in (b"PhoneMaker", b"Jane Reporter", b"safe house", b"Exif"):
            self.assertNotIn(text, data)
        self.assertEqual((image.width, image.height, image.file_size), (30, 60, len(data)))

    def test_the_multiple_upload_strips_too(self):
        self.client.force_login(make_user("editor"))
        upload = SimpleUploadedFile("harbour.jpg", photo_with_gps(), content_type="image/jpeg")
        response = self.client.post(reverse("wagtailimages:add_multiple"), {"files[]": upload})
        self.assertEqual(response.status_code, 200, response.content[:300])
        image = get_image_model().objects.get()
        self.assertNotIn(b"PhoneMaker", stored(image))


class SavedInCodeTests(MediaOnDisk, TestCase):
    """The demo loader and the imports create images in code: the same rule applies."""

    def test_an_image_saved_in_code_is_stripped(self):
        image = get_image_model().objects.create(title="Loaded", file=ContentFile(photo_with_gps(), name="loaded.jpg"))
        self.assertNotIn(b"Jane Reporter", stored(image))
        self.assertEqual(image.file_hash, get_image_model().objects.get(pk=image.pk).file_hash)

    def test_saving_again_leaves_the_stored_file_alone(self):
        image = get_image_model().objects.create(title="Loaded", file=ContentFile(photo_with_gps(), name="loaded.jpg"))
        name = image.file.name
        image.title = "Renamed"
        image.save()
        self.assertEqual(get_image_model().objects.get(pk=image.pk).file.name, name)


class StripMetadataTests(TestCase):
    def test_png_text_chunks_and_exif_go(self):
        info = PngImagePlugin.PngInfo()
        info.add_text("Author", "Jane Reporter")
        info.add_text("Comment", "Norwich, back room")
        output = io.BytesIO()
        Image.new("RGBA", (8, 8), (0, 128, 128, 128)).save(output, "PNG", pnginfo=info)
        data = strip_metadata(output.getvalue())
        self.assertNotIn(b"Jane Reporter", data)
        with Image.open(io.BytesIO(data)) as saved:
            self.assertEqual((saved.mode, saved.text), ("RGBA", {}))

    def test_a_jpeg_keeps_its_quality(self):
        data = strip_metadata(photo_with_gps(orientation=1))
        with Image.open(io.BytesIO(photo_with_gps(orientation=1))) as original, Image.open(io.BytesIO(data)) as saved:
            self.assertEqual(saved.quantization, original.quantization)

    def test_an_image_without_metadata_is_left_as_it_is(self):
        output = io.BytesIO()
        Image.new("RGB", (8, 8), "teal").save(output, "PNG")
        self.assertIsNone(strip_metadata(output.getvalue()))
