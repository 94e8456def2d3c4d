"""Uploaded images lose their metadata (EXIF with GPS position and camera, XMP, IPTC, comments,
PNG text chunks) before the original is stored, whoever saves them: the admin's single and
multiple upload, the demo loader, an import.

Hand-written on Pillow (already the imaging library): the kept libraries that strip metadata
either only read it (exif), are unmaintained (piexif) or need an outside binary (exiftool).
The image is re-encoded only when it carries something to strip; a JPEG keeps its quantisation
tables and subsampling (its quality), and its colour profile, which identifies no one.

The stored name starts with a digest of the stored bytes. Wagtail names renditions after the
original's name, so without it an image deleted and uploaded again under the same name would get
renditions at the old URLs, which browsers and CDNs keep for a year (home/media.py).
"""

import hashlib
import io
import os

from django.core.files.base import ContentFile
from django.db.models.signals import pre_save
from PIL import Image, ImageOps, JpegImagePlugin

# im.info keys that carry identifying metadata, by format (PNG text chunks are in im.text).
METADATA_KEYS = {"exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc", "mp"}
# JPEG segments that hold metadata: APP1 (EXIF, XMP), APP13 (IPTC), COM (comments).
JPEG_METADATA_SEGMENTS = {"APP1", "APP13", "COM"}
ANIMATED_FORMATS = {"GIF", "WEBP", "PNG"}


def has_metadata(image):
    if any(key in image.info for key in METADATA_KEYS) or getattr(image, "text", None):
        return True
    applist = getattr(image, "applist", [])
    return any(marker in JPEG_METADATA_SEGMENTS for marker, _data in applist)


def encoder_options(image):
    """Options that keep the stored image as close to the upload as Pillow allows, minus metadata."""
    options = {}
    if image.info.get("icc_profile"):
        options["icc_profile"] = image.info["icc_profile"]
    if image.format == "JPEG":
        options["qtables"] = image.quantization
        options["subsampling"] = JpegImagePlugin.get_sampling(image)
        options["progressive"] = "progressive" in image.info or "progression" in image.info
    elif image.format == "WEBP":
        # Pillow cannot tell a lossless WebP from a lossy one; 90 keeps photos visually intact.
        options["quality"] = 90
    elif image.format == "PNG":
        options["optimize"] = True
    if "transparency" in image.info:
        options["transparency"] = image.info["transparency"]
    if image.format in ANIMATED_FORMATS and getattr(image, "n_frames", 1) > 1:
        options.update(save_all=True, duration=image.info.get("duration"), loop=image.info.get("loop", 0))
    return options


def strip_metadata(data):
    """The image bytes without metadata (orientation applied first), or None if there is none to strip."""
    with Image.open(io.BytesIO(data)) as image:
        if not has_metadata(image):
            return None
        image_format = image.format
        options = encoder_options(image)
        if not options.get("save_all"):
            # Turn the pixels the way the EXIF orientation says, since the orientation tag goes.
            oriented = ImageOps.exif_transpose(image)
            image = oriented if oriented is not None else image
        for key in METADATA_KEYS:
            image.info.pop(key, None)
        output = io.BytesIO()
        image.save(output, format=image_format, **options)
    return output.getvalue()


def prepare_uploaded_image(sender, instance, **kwargs):
    """pre_save: replace a new, not yet stored file by its stripped copy, named by its content."""
    file = instance.file
    if not file or getattr(file, "_committed", True):
        return  # no new upload: the stored file was prepared when it was saved
    file.open("rb")
    file.seek(0)
    try:
        data = file.read()
    finally:
        file.seek(0)
    content = strip_metadata(data) or data
    digest = hashlib.sha256(content).hexdigest()[:10]
    # Assigning a new file makes Django's ImageField read the width and height again.
    instance.file = ContentFile(content, name=f"{digest}_{os.path.basename(file.name)}")
    instance.file_size = len(content)
    instance._set_file_hash()


def connect(image_model):
    pre_save.connect(prepare_uploaded_image, sender=image_model, dispatch_uid="nasn_strip_image_metadata")
