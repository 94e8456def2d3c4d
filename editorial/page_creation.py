"""Creating a page without autosave (included in nasn/urls.py before Wagtail's admin URLs).

Wagtail 7.4 autosaves the "add page" form too, and its first autosave creates the page: a draft
with the slug made from the title, which the editor never chose to save. An editor who abandons
that form and starts again gets "The slug … is already in use" from the draft left behind.

Wagtail has a single switch for autosave (``WAGTAIL_AUTOSAVE_INTERVAL``, 0 turns it off
everywhere). We keep autosave when editing an existing page, where it only adds revisions, and
turn it off where it would create a page: a page exists once the editor presses Save draft,
Publish or Submit. Letting abandoned drafts' slugs not count was rejected: two pages with one slug
under one parent would collide as soon as both were published.
"""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.create import CreateView
from wagtail.utils.urlpatterns import decorate_urlpatterns


class CreatePageView(CreateView):
    """Wagtail's page create view with autosave off."""

    def get_context_data(self, **kwargs):
        # The template only wires up the autosave controller when this is true.
        self.autosave_enabled = False
        return super().get_context_data(**kwargs)


# The same path as Wagtail's "wagtailadmin_pages:add" (wagtail/admin/urls/pages.py), so every
# link Wagtail makes to the add form resolves here first. A test guards the path.
urlpatterns = decorate_urlpatterns(
    [
        path(
            "pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/",
            CreatePageView.as_view(),
            name="nasn_add_page",
        )
    ],
    lambda view: never_cache(require_admin_access(view)),
)
