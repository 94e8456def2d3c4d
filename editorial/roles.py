"""The editorial roles: Wagtail groups with the least privilege each job needs.

One table says what each group may do; `sync_roles` makes the database match it, and
`grant_section_permissions` gives a page that starts a section (a home page, an index page,
a top-level standard page) its groups' permissions as soon as it is created — the demo content,
wagtail-localize's translations and editors create those pages long after migrations ran.

Every function takes the app registry, so the data migration runs the same code on historical
models; only model fields and plain queries are used, never model methods.

Wagtail's page permissions apply to a page and everything below it. Each locale has its own
home page under the root, so "English only" and "translations only" are page grants on the
right home pages, and "advice, news and standard pages but not services" are grants on the
sections that hold them.
"""

from django.apps import apps as global_apps
from django.conf import settings
from wagtail.models import Page  # for its tree's step length only

EDITORS = "Editors"
MODERATORS = "Moderators"
TRANSLATORS = "Translators"
DIRECTORY_MAINTAINERS = "Directory maintainers"
# Created by reports/migrations/0002 with the report permissions only; not managed here.
SAFEGUARDING_LEADS = "Safeguarding leads"

MANAGED_GROUPS = [EDITORS, MODERATORS, TRANSLATORS, DIRECTORY_MAINTAINERS]

ACCESS_ADMIN = "wagtailadmin.access_admin"
SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"
TRANSLATABLE_SNIPPETS = [
    "home.helpline",
    "advice.advicetopic",
    "directory.servicecategory",
    "directory.area",
    "directory.organisation",
]
DIRECTORY_SNIPPETS = ["directory.servicecategory", "directory.area", "directory.organisation", "directory.language"]


def _model_permissions(labels, actions):
    """["app.model"], ["add"] -> ["app.add_model"]"""
    return [f"{label.replace('.', f'.{action}_')}" for label in labels for action in actions]


# Django model permissions: admin access, snippets, translation requests. Deleting snippets,
# site settings, users, groups, workflows, sites and locales are left to superusers.
MODEL_PERMISSIONS = {
    EDITORS: [
        ACCESS_ADMIN,
        SUBMIT_TRANSLATION,  # send new English pages to the translators
        *_model_permissions(["advice.advicetopic"], ["add", "change", "view"]),
        "home.view_helpline",  # to choose helplines in page content
        "search.view_searchlog",  # Reports → Search terms: what visitors could not find
        "readership.view_pageviews",  # Reports → Readership: what is read, what to translate next
    ],
    MODERATORS: [
        ACCESS_ADMIN,
        SUBMIT_TRANSLATION,
        *_model_permissions(["home.helpline", "advice.advicetopic"], ["add", "change", "view"]),
        *_model_permissions(DIRECTORY_SNIPPETS, ["view"]),
        "search.view_searchlog",
        "search.export_searchlog",  # downloading the log is theirs alone
        "readership.view_pageviews",
        # Editors' picks in site search.
        *_model_permissions(["wagtailsearchpromotions.searchpromotion"], ["add", "change", "delete"]),
    ],
    TRANSLATORS: [
        ACCESS_ADMIN,
        SUBMIT_TRANSLATION,
        # wagtail-localize lets whoever may change a snippet model edit its translations. The
        # permission is per model, not per locale: the `before_edit_snippet` hook in
        # wagtail_hooks.py keeps translators off the English originals.
        *_model_permissions(TRANSLATABLE_SNIPPETS, ["change", "view"]),
        "readership.view_pageviews",  # which untranslated pages their readers need most
    ],
    DIRECTORY_MAINTAINERS: [
        ACCESS_ADMIN,
        *_model_permissions(DIRECTORY_SNIPPETS, ["add", "change", "view"]),
    ],
}

# Image and document permissions on the root collection (Wagtail checks these, not model
# ones). For images and documents Wagtail treats deleting as changing: whoever may change any
# may delete any; whoever may only add may change and delete what they uploaded themselves.
IMAGES_AND_DOCUMENTS = ["wagtailimages.{}_image", "wagtaildocs.{}_document"]
COLLECTION_PERMISSIONS = {
    EDITORS: [name.format(action) for name in IMAGES_AND_DOCUMENTS for action in ("add", "choose")],
    # Moderators look after the whole library, e.g. a photo that must come down quickly for
    # someone's safety.
    MODERATORS: [name.format(action) for name in IMAGES_AND_DOCUMENTS for action in ("add", "change", "choose")],
    # Translators choose images in translated content and upload translated leaflets.
    TRANSLATORS: ["wagtailimages.choose_image", "wagtaildocs.add_document", "wagtaildocs.choose_document"],
    DIRECTORY_MAINTAINERS: [],
}

ALL_LOCALES = "all"
SOURCE_LOCALE = "source"  # English, settings.LANGUAGE_CODE
TRANSLATED_LOCALES = "translations"

# Page permissions, granted on every page that starts a section:
# (page type, in which locales, parent type or None for any, group, Wagtail page permissions).
SECTIONS = [
    ("home.homepage", ALL_LOCALES, None, MODERATORS, ["add", "change", "publish", "lock", "unlock"]),
    ("home.homepage", TRANSLATED_LOCALES, None, TRANSLATORS, ["change", "publish"]),
    # No publish: advice goes live only through the moderators' review (editorial/workflow.py).
    ("advice.adviceindexpage", SOURCE_LOCALE, None, EDITORS, ["add", "change"]),
    ("news.newsindexpage", SOURCE_LOCALE, None, EDITORS, ["add", "change", "publish"]),
    # Top-level standard pages (About, Privacy, For professionals…) and what is below them.
    # Creating a new top-level page is a moderator's call: it changes the site's navigation.
    ("home.standardpage", SOURCE_LOCALE, "home.homepage", EDITORS, ["add", "change", "publish"]),
    ("directory.directoryindexpage", SOURCE_LOCALE, None, DIRECTORY_MAINTAINERS, ["add", "change", "publish"]),
]
SECTION_PAGE_TYPES = sorted({page_type for page_type, *_rest in SECTIONS})


def _content_type(apps, label, create=False):
    ContentType = apps.get_model("contenttypes", "ContentType")
    app_label, model = label.split(".")
    if create:
        return ContentType.objects.get_or_create(app_label=app_label, model=model)[0]
    return ContentType.objects.filter(app_label=app_label, model=model).first()


def _permission(apps, dotted_name):
    """The Permission row for "app_label.codename", created if Django has not made it yet.

    Django creates model permissions after all migrations have run, so a data migration on a
    fresh database must create them, named as Django would so it adds no duplicates later.
    """
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted_name.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
    if permission is None:
        action, _sep, model_name = codename.partition("_")
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            # An app whose model an earlier migration does not know yet (readership for
            # editorial 0001 on a fresh database): the migration that follows it syncs again.
            return None
        permission = Permission.objects.create(
            content_type=_content_type(apps, f"{app_label}.{model_name}", create=True),
            codename=codename,
            name=f"Can {action} {model._meta.verbose_name_raw}",
        )
    return permission


def _page_permission(apps, action):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")


def _locale_matches(scope, language_code):
    if scope == SOURCE_LOCALE:
        return language_code == settings.LANGUAGE_CODE
    if scope == TRANSLATED_LOCALES:
        return language_code != settings.LANGUAGE_CODE
    return True


def _parent_path(page):
    return page["path"][: -Page.steplen]


def _section_grants(apps, pages):
    """{(group name, page id, action)} for the given pages (dicts of Page fields)."""
    PageModel = apps.get_model("wagtailcore", "Page")
    type_labels = {}
    for label in SECTION_PAGE_TYPES:
        content_type = _content_type(apps, label)
        if content_type is not None:
            type_labels[content_type.pk] = label
    parent_paths = {_parent_path(page) for page in pages if page["depth"] > 1}
    parent_types = {
        parent["path"]: type_labels.get(parent["content_type_id"])
        for parent in PageModel.objects.filter(path__in=parent_paths).values("path", "content_type_id")
    }
    grants = set()
    for page in pages:
        label = type_labels.get(page["content_type_id"])
        for page_type, scope, parent_type, group, actions in SECTIONS:
            if label != page_type or not _locale_matches(scope, page["locale__language_code"]):
                continue
            if parent_type and parent_types.get(_parent_path(page)) != parent_type:
                continue
            grants.update((group, page["id"], action) for action in actions)
    return grants


PAGE_FIELDS = ["id", "path", "depth", "content_type_id", "locale__language_code"]


def grant_section_permissions(page_id, apps=global_apps):
    """Give a newly created page the section permissions its type, place and locale call for."""
    PageModel = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Group = apps.get_model("auth", "Group")
    grants = _section_grants(apps, list(PageModel.objects.filter(pk=page_id).values(*PAGE_FIELDS)))
    for group_name, grant_page_id, action in grants:
        group, _created = Group.objects.get_or_create(name=group_name)
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=grant_page_id, permission=_page_permission(apps, action)
        )
    return grants


def sync_roles(apps=global_apps):
    """Make the managed groups' permissions exactly those above; idempotent.

    Permissions an administrator added to these groups by hand are removed: change this table
    (and the tests) instead.
    """
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    PageModel = apps.get_model("wagtailcore", "Page")

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in MANAGED_GROUPS}
    for name, group in groups.items():
        permissions = [_permission(apps, dotted) for dotted in MODEL_PERMISSIONS[name]]
        group.permissions.set([permission for permission in permissions if permission is not None])

    root_collection = Collection.objects.filter(depth=1).first()
    for name, group in groups.items():
        wanted = {_permission(apps, dotted).pk for dotted in COLLECTION_PERMISSIONS[name]}
        GroupCollectionPermission.objects.filter(group=group).exclude(
            collection=root_collection, permission_id__in=wanted
        ).delete()
        for permission_id in wanted:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission_id=permission_id
            )

    section_types = [_content_type(apps, label) for label in SECTION_PAGE_TYPES]
    pages = list(
        PageModel.objects.filter(content_type__in=[ct for ct in section_types if ct is not None]).values(*PAGE_FIELDS)
    )
    wanted = {
        (groups[group_name].pk, page_id, _page_permission(apps, action).pk)
        for group_name, page_id, action in _section_grants(apps, pages)
    }
    existing = GroupPagePermission.objects.filter(group__in=groups.values())
    for grant in existing:
        if (grant.group_id, grant.page_id, grant.permission_id) not in wanted:
            grant.delete()
    have = set(existing.values_list("group_id", "page_id", "permission_id"))
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group_id=group_id, page_id=page_id, permission_id=permission_id)
        for group_id, page_id, permission_id in wanted - have
    )
