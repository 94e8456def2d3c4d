"""StreamField blocks shared by every page type.

A block whose ``get_api_representation`` returns a shape of its own says what it is in
``api_schema(builder)``, for the OpenAPI document (home/api/openapi.py); the others are
described from their child blocks.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .api.fields import responsive_image, responsive_image_properties
from .api.schema import BOOLEAN, INTEGER, STRING, closed_object, nullable
from .request_cache import memo

# A small, accessible feature set: no headings inside rich text (the heading block sets the
# outline), no embeds, no colours.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"
        preview_value = {"text": "What to do if you are worried", "level": "h2"}
        description = _("A section heading. Use sub-headings only under a section heading.")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"
        description = _("An image with required alternative text and an optional caption.")

    def get_api_representation(self, value, context=None):
        if not value or not value.get("image"):
            return None
        return {**responsive_image(value["image"]), "alt": value["alt_text"], "caption": value["caption"]}

    def api_schema(self, builder):
        return nullable(
            closed_object(
                {**responsive_image_properties(), "alt": STRING, "caption": STRING},
                description="The image as WebP renditions for srcset (the largest, 1200px wide, as `url`) "
                "and a JPEG or PNG fallback.",
            )
        )


class CalloutBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("warning", _("Warning")), ("urgent", _("Urgent"))],
        default="info",
    )
    title = blocks.CharBlock(max_length=120, required=False)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "blocks/callout.html"
        preview_value = {
            "style": "urgent",
            "title": "In danger now?",
            "text": "<p>Call 999. If you cannot speak, stay on the line and press 55.</p>",
        }
        description = _("A highlighted box: information, a warning, or something urgent.")


def helpline_api_representation(helpline):
    return {
        "id": helpline.pk,
        "name": helpline.name,
        "number": helpline.display_number,
        "tel": helpline.tel_uri,
        "hours": helpline.hours,
        "is_free": helpline.is_free,
        "description": helpline.description,
    }


class HelplineBlock(blocks.StructBlock):
    helpline = SnippetChooserBlock("home.Helpline")

    class Meta:
        icon = "mobile-alt"
        label = _("Helpline")
        template = "blocks/helpline.html"
        description = _("A helpline card with its number, hours and cost.")

    def get_api_representation(self, value, context=None):
        helpline = value.get("helpline")
        if helpline is None:
            return None
        helpline = helpline.localized
        # A few helplines recur on many pages of a listing: each is formatted once a request.
        return dict(memo(("helpline_api", helpline.pk), lambda: helpline_api_representation(helpline)))

    def api_schema(self, builder):
        properties = {
            "id": INTEGER,
            "name": STRING,
            "number": STRING,
            "tel": {"type": "string", "pattern": "^tel:"},
            "hours": STRING,
            "is_free": BOOLEAN,
            "description": STRING,
        }
        return nullable(
            closed_object(properties, description="The helpline, translated into the page's language where it is.")
        )


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=250)
    answer = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question and answer")


class FAQBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, required=False)
    items = blocks.ListBlock(QuestionAnswerBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Questions and answers")
        template = "blocks/faq.html"
        preview_value = {
            "title": "Common questions",
            "items": [
                {
                    "question": "Will I be deported if I ask for help?",
                    "answer": "<p>Helplines are confidential. You can ask for advice first.</p>",
                }
            ],
        }
        description = _("A list of questions, each with its answer.")


class SignsChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    signs = blocks.ListBlock(blocks.CharBlock(max_length=250), min_num=1)
    advice = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        required=False,
        help_text=_("What to do if you notice these signs."),
    )

    class Meta:
        icon = "tasks"
        label = _("Signs to look for")
        template = "blocks/signs_checklist.html"
        preview_value = {
            "title": "Signs of labour exploitation",
            "signs": [
                "Someone else holds their passport or ID",
                "Picked up very early and dropped off late",
            ],
        }
        description = _("A checklist of signs of exploitation.")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(max_length=120, required=False, help_text=_("Defaults to the document's title."))
    description = blocks.TextBlock(required=False, max_length=500)

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "blocks/document.html"
        description = _("A document to download, with its type and size.")

    def get_api_representation(self, value, context=None):
        document = value.get("document")
        if document is None:
            return None
        return {
            "id": document.pk,
            "title": value["title"] or document.title,
            "description": value["description"],
            "url": document.url,
            "file_extension": document.file_extension,
        }

    def api_schema(self, builder):
        properties = {"id": INTEGER, "title": STRING, "description": STRING, "url": STRING, "file_extension": STRING}
        return nullable(closed_object(properties))


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=1000)
    attribution = blocks.CharBlock(max_length=120, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"
        preview_value = {
            "quote": "I did not know there was help. Now I have a safe place to live.",
            "attribution": "A survivor supported in Norfolk",
        }
        description = _("A quotation with an optional attribution.")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        label=_("Text"),
        template="blocks/text.html",
        preview_value="<p>Modern slavery is when someone is forced to work or is controlled.</p>",
        description=_("Paragraphs, lists and links."),
    )
    image = ImageBlock()
    callout = CalloutBlock()
    helpline = HelplineBlock()
    faq = FAQBlock()
    signs = SignsChecklistBlock()
    document = DocumentBlock()
    quote = QuoteBlock()
