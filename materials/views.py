from home import views as home_views

from .files import FORMAT_NAMES

# /<language>/<material's path>/poster.pdf (nasn/urls.py): Wagtail's page URLs end in a slash, so
# the material's routable page answers it as the route "poster.pdf/".
PDF_PATH = r"^((?:[\w\-]+/)+)(" + "|".join(FORMAT_NAMES) + r")\.pdf$"


def material_pdf(request, path, format_name):
    return home_views.serve(request, f"{path}{format_name}.pdf/")
