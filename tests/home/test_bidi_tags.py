"""The `ltr` filter and block tag isolate numbers, addresses and links left to right."""

import pytest
from django.template import Context, Template
from django.utils.translation import override


def render(source, **context):
    return Template("{% load nasn_tags wagtailcore_tags %}" + source).render(Context(context))


def test_wraps_a_phone_number_in_a_left_to_right_isolate():
    assert render("{{ phone|ltr }}", phone="08000 121 700") == '<bdi dir="ltr" class="ltr">08000 121 700</bdi>'


def test_escapes_its_input():
    html = render("{{ value|ltr }}", value='<script>alert("x")</script> & 1')

    assert html == '<bdi dir="ltr" class="ltr">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 1</bdi>'


def test_escapes_a_language_code_given_as_a_variable():
    with override("ar"):
        html = render("{{ value|ltr:code }}", value="Larkspur House", code='"><script>')

    assert html == '<bdi dir="ltr" class="ltr" lang="&quot;&gt;&lt;script&gt;">Larkspur House</bdi>'


def test_does_not_escape_twice():
    assert render("{{ value|escape|ltr }}", value="A & B") == '<bdi dir="ltr" class="ltr">A &amp; B</bdi>'


def test_leaves_an_empty_value_empty():
    assert render("[{{ missing|ltr }}][{{ blank|ltr }}]", blank="") == "[][]"


def test_keeps_zero():
    assert render("{{ value|ltr }}", value=0) == '<bdi dir="ltr" class="ltr">0</bdi>'


def test_marks_the_language_on_another_languages_page():
    with override("ar"):
        html = render('{{ name|ltr:"en" }}', name="Wensum Migrant Advice Centre")

    assert html == '<bdi dir="ltr" class="ltr" lang="en">Wensum Migrant Advice Centre</bdi>'


def test_does_not_repeat_the_pages_own_language():
    with override("en"):
        html = render('{{ name|ltr:"en" }}', name="Wensum Migrant Advice Centre")

    assert html == '<bdi dir="ltr" class="ltr">Wensum Migrant Advice Centre</bdi>'


def test_fits_inside_a_translated_sentence():
    html = render(
        "{% load i18n %}{% blocktranslate with number=number|ltr trimmed %}Call {{ number }}{% endblocktranslate %}",
        number="0800 <555> 111",
    )

    assert html == 'Call <bdi dir="ltr" class="ltr">0800 &lt;555&gt; 111</bdi>'


def test_block_tag_isolates_markup_and_escapes_variables_inside():
    html = render(
        "{% ltr %}<time>{{ opens }}</time>–<time>{{ closes }}</time>{% endltr %}", opens="09:00", closes="<b>"
    )

    assert html == '<bdi dir="ltr" class="ltr"><time>09:00</time>–<time>&lt;b&gt;</time></bdi>'


def test_block_tag_with_nothing_inside_renders_nothing():
    assert render("{% ltr %}{% endltr %}") == ""


def test_ltr_numbers_isolates_each_grouped_number_in_plain_text():
    html = render("{{ text|ltr_numbers }}", text="Text relay: 18001 101, or 999. Call +44 800 555 111.")

    assert html == (
        'Text relay: <bdi dir="ltr" class="ltr ltr--number">18001 101</bdi>, or 999. '
        'Call <bdi dir="ltr" class="ltr ltr--number">+44 800 555 111</bdi>.'
    )


def test_ltr_numbers_escapes_the_text_around_and_keeps_line_breaks():
    html = render("{{ text|ltr_numbers|linebreaksbr }}", text="<b>Tom & Jerry's</b>\n0800 1111")

    assert html == '&lt;b&gt;Tom &amp; Jerry&#x27;s&lt;/b&gt;<br><bdi dir="ltr" class="ltr ltr--number">0800 1111</bdi>'


def test_ltr_numbers_leaves_text_without_grouped_numbers_alone():
    assert render("[{{ text|ltr_numbers }}][{{ missing|ltr_numbers }}]", text="Open 24/7, call 999") == (
        "[Open 24/7, call 999][]"
    )


def test_ltr_numbers_changes_rich_text_only_between_its_tags():
    from wagtail.rich_text import RichText

    text = RichText('<p data-x="1 2">Call <a href="tel:+448000121700">08000&nbsp;121 700</a> or <b>18001 101</b></p>')

    assert render("{{ text|richtext|ltr_numbers }}", text=text) == (
        '<p data-x="1 2">Call <a href="tel:+448000121700">'
        '<bdi dir="ltr" class="ltr ltr--number">08000&nbsp;121 700</bdi></a>'
        ' or <b><bdi dir="ltr" class="ltr ltr--number">18001 101</bdi></b></p>'
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Legal advice, Housing and Health"),
        ("pl", "Legal advice, Housing i Health"),
        ("ar", "Legal advice وHousing وHealth"),
        ("ti", "Legal advice፣ Housingን Healthን"),
    ],
)
def test_lists_are_joined_in_the_visitors_language(language, expected):
    template = Template("{% load nasn_tags %}{% for item in items %}{{ item }}{% list_separator forloop %}{% endfor %}")
    with override(language):
        html = template.render(Context({"items": ["Legal advice", "Housing", "Health"]}))

    assert html == expected


def test_two_items_use_the_pair_pattern():
    template = Template("{% load nasn_tags %}{% for item in items %}{{ item }}{% list_separator forloop %}{% endfor %}")
    with override("en"):
        assert template.render(Context({"items": ["A", "B"]})) == "A and B"
        assert template.render(Context({"items": ["A"]})) == "A"


NSPCC_AR = "خط المساعدة التابع لجمعية حماية الأطفال (NSPCC Helpline)"


def test_isolate_english_keeps_a_bracketed_english_name_with_its_brackets_on_a_right_to_left_page():
    with override("ar"):
        html = render("{{ name|isolate_english }}", name=NSPCC_AR)

    assert html == 'خط المساعدة التابع لجمعية حماية الأطفال <bdi dir="ltr" lang="en">(NSPCC Helpline)</bdi>'


def test_isolate_english_keeps_email_and_web_addresses_whole_and_leaves_the_full_stop_to_the_sentence():
    with override("fa"):
        html = render("{{ text|isolate_english }}", text="بنویسید help@example.org یا https://example.org/a-b.")

    assert html == (
        'بنویسید <bdi dir="ltr" lang="en">help@example.org</bdi>'
        ' یا <bdi dir="ltr" lang="en">https://example.org/a-b</bdi>.'
    )


def test_isolate_english_escapes_its_input_and_keeps_entities_inside_the_name():
    with override("ar"):
        html = render("{{ text|isolate_english }}", text="شارع Tanner's Row & <b>")

    assert (
        html == 'شارع <bdi dir="ltr" lang="en">Tanner&#x27;s Row &amp;</bdi> &lt;<bdi dir="ltr" lang="en">b</bdi>&gt;'
    )


def test_isolate_english_changes_rich_text_only_between_its_tags_and_after_ltr_numbers():
    with override("ar"):
        html = render(
            "{{ text|safe|ltr_numbers|isolate_english }}",
            text='<p>اتصل <a href="tel:+4418001101">(text relay)</a> على 18001 101</p>',
        )

    assert html == (
        '<p>اتصل <a href="tel:+4418001101"><bdi dir="ltr" lang="en">(text relay)</bdi></a>'
        ' على <bdi dir="ltr" class="ltr ltr--number">18001 101</bdi></p>'
    )


@pytest.mark.parametrize(("language", "text"), [("pl", "Infolinia (NSPCC Helpline)"), ("ar", "NSPCC Helpline")])
def test_isolate_english_leaves_left_to_right_pages_and_english_items_alone(language, text):
    with override(language):
        assert render("{{ text|isolate_english }}", text=text) == text


def test_isolate_english_leaves_an_empty_value_empty():
    assert render("[{{ missing|isolate_english }}][{{ blank|isolate_english }}]", blank="") == "[][]"


def test_a_helpline_card_isolates_the_english_name_in_an_arabic_name():
    from types import SimpleNamespace

    from django.template.loader import render_to_string

    helpline = SimpleNamespace(name=NSPCC_AR, tel_uri="tel:+448088005000", display_number="0808 800 5000")
    with override("ar"):
        html = render_to_string("includes/helpline_card.html", {"helpline": helpline})

    name = 'خط المساعدة التابع لجمعية حماية الأطفال <bdi dir="ltr" lang="en">(NSPCC Helpline)</bdi>'
    assert f'<h3 class="helpline__name">{name}</h3>' in html
