from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from demo.loader import DemoContentLoader
from demo.localize import LANGUAGES, load_demo_translations
from demo.values import DemoContentError
from home.progress import progress

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_EMAIL = "admin@example.org"
# A published, documented credential for local demo sites only; refused unless DEBUG is on.
DEMO_ADMIN_PASSWORD = "nasn-demo-admin"  # noqa: S105


class Command(BaseCommand):
    help = (
        "Load a complete demo site: helplines, taxonomies, organisations, images, documents, and "
        "published advice, news, service and information pages under the home page. Safe to run "
        "again: objects that already exist (matched by slug, title, name or number) are left alone. "
        "Local services are fictional demo listings."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-admin",
            action="store_true",
            help=(
                f"Also create a superuser '{DEMO_ADMIN_USERNAME}' with the password "
                f"'{DEMO_ADMIN_PASSWORD}' if it does not exist. For local use only: refused when "
                "DEBUG is off, so it cannot create a known login on a production site."
            ),
        )
        parser.add_argument(
            "--skip-translations",
            action="store_true",
            help="Load the English content only, without the demo translations (pl, ro, ar, ti) of the key pages.",
        )

    def handle(self, *args, demo_admin=False, skip_translations=False, **options):
        if demo_admin and not settings.DEBUG:
            raise CommandError("--demo-admin is refused when DEBUG is off: it creates a login with a known password.")
        loader = DemoContentLoader()
        with progress(
            self.stdout,
            "Demo content",
            total=len(loader.steps()),
            unit="steps",
            counts=("created", "already present"),
            on_interrupt="Steps loaded so far are kept (each is one transaction): run it again to load the rest.",
        ) as job:
            try:
                for result in loader.sections(step_done=job.advance):
                    job.write(f"{result.label}: {result.created} created, {result.present} already present")
                    job.advance(0, **{"created": result.created, "already present": result.present})
            except DemoContentError as error:
                raise CommandError(str(error)) from error
        self.stdout.write(job.summary())
        if not skip_translations:
            with progress(
                self.stdout,
                "Demo translations",
                total=len(LANGUAGES),
                unit="languages",
                counts=("pages", "snippets"),
                on_interrupt="Translations made so far are kept: run it again to make the rest.",
            ) as job:
                load_demo_translations(job.stream, job=job)
            self.stdout.write(job.summary())
        if demo_admin:
            self.create_demo_admin()
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))

    def create_demo_admin(self):
        user_model = get_user_model()
        if user_model.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
            self.stdout.write(f"Demo admin: '{DEMO_ADMIN_USERNAME}' already exists (password unchanged)")
            return
        user_model.objects.create_superuser(DEMO_ADMIN_USERNAME, DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD)
        self.stdout.write(
            self.style.WARNING(
                f"Demo admin: created '{DEMO_ADMIN_USERNAME}' with password '{DEMO_ADMIN_PASSWORD}'. "
                "FOR LOCAL USE ONLY: never on a site others can reach."
            )
        )
