"""Where uploaded media is stored (README "Media in production"): MEDIA_ROOT on this server, or
an S3-compatible bucket (django-storages) when AWS_STORAGE_BUCKET_NAME is set.

In a bucket, original images and documents are private objects: staff get short-lived signed
URLs for originals, and everyone gets documents through Wagtail's view, which checks
collection privacy. Renditions are public objects with a year-long Cache-Control, served from
the bucket or from AWS_S3_CUSTOM_DOMAIN (a CDN in front of it). Credentials come from the
standard AWS variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) or the machine's role.
"""

S3_BACKEND = "storages.backends.s3.S3Storage"
RENDITION_CACHE_CONTROL = "public, max-age=31536000, immutable"


def s3_storages(environ):
    """STORAGES entries for a bucket ("default" private, "renditions" public), or {} without one."""
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "")
    if not bucket:
        return {}
    common = {
        "bucket_name": bucket,
        "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": environ.get("AWS_S3_REGION_NAME") or None,
        "file_overwrite": False,  # a second upload named like the first gets a name of its own
    }
    private = {**common, "default_acl": "private", "querystring_auth": True, "querystring_expire": 600}
    # Empty AWS_S3_RENDITIONS_ACL: no ACL is sent, for buckets with ACLs disabled, where a bucket
    # policy lets anyone read images/* instead.
    renditions_acl = environ.get("AWS_S3_RENDITIONS_ACL", "public-read")
    public = {
        **common,
        "default_acl": renditions_acl or None,
        "querystring_auth": False,
        "custom_domain": environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
        "object_parameters": {"CacheControl": RENDITION_CACHE_CONTROL},
    }
    return {
        "default": {"BACKEND": S3_BACKEND, "OPTIONS": private},
        "renditions": {"BACKEND": S3_BACKEND, "OPTIONS": public},
    }
