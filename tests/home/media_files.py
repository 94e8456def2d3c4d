"""Image and document files made in the tests, and media stored on disk as in production."""

import io
import shutil
import tempfile

from django.test import override_settings
from PIL import ExifTags, Image

ON_DISK = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def photo_with_gps(size=(60, 30), orientation=6):
    """A JPEG as a phone makes it: GPS position, camera, author, a comment, turned by EXIF."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone 12"
    exif[ExifTags.Base.Artist] = "Jane Reporter"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 37.0, 48.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (1.0, 17.0, 24.0)
    output = io.BytesIO()
    Image.new("RGB", size, "teal").save(output, "JPEG", exif=exif, comment=b"taken at the safe house", quality=90)
    return output.getvalue()


class MediaOnDisk:
    """A TestCase mixin: MEDIA_ROOT is a temporary folder on disk, as in a one-server production."""

    def setUp(self):
        super().setUp()
        media_root = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, media_root)
        settings = override_settings(MEDIA_ROOT=media_root, STORAGES=ON_DISK)
        settings.enable()
        self.addCleanup(settings.disable)
