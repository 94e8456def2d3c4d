"""Open Referral UK 3.0 API: /api/openreferral/ (directory/oruk/)."""

from django.urls import path, re_path
from wagtail.utils.urlpatterns import decorate_urlpatterns

from directory.oruk import views as oruk
from directory.oruk.serializers import utc_offset
from home.page_cache import content_conditional

app_name = "openreferral"


def oruk_conditional(view):
    # Public and revalidated with ETags like the API (home/page_cache.py). Schedules carry
    # London's current UTC offset, so the ETag changes with it (at the BST/GMT change) too.
    return content_conditional(view, variant=lambda request: utc_offset())


urlpatterns = decorate_urlpatterns(
    decorate_urlpatterns(
        [
            path("", oruk.root, name="root"),
            path("services", oruk.services, name="services"),
            path("services/<str:service_id>", oruk.service_detail, name="service"),
            path("taxonomies", oruk.taxonomies, name="taxonomies"),
            path("taxonomies/<str:taxonomy_id>", oruk.taxonomy_detail, name="taxonomy"),
            path("taxonomy_terms", oruk.taxonomy_terms, name="taxonomy_terms"),
            path("taxonomy_terms/<str:term_id_>", oruk.taxonomy_term_detail, name="taxonomy_term"),
            path("service_at_locations", oruk.service_at_locations, name="service_at_locations"),
            path("service_at_locations/<str:sal_id>", oruk.service_at_location_detail, name="service_at_location"),
        ],
        oruk_conditional,
    )
    + [re_path(r"^(?P<path>.+)$", oruk.not_found)],
    oruk.oruk_endpoint,
)
