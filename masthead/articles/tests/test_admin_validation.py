"""Editors get clear messages in the admin for the rules an article must keep."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from masthead.articles.models import ArticlePage

pytestmark = pytest.mark.django_db

GOOD_STANDFIRST = "Ministers from both countries met on Monday to discuss trade."


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "e@x.test", "pw")
    client.force_login(editor)
    return client


def article_form(
    author=None,
    image=None,
    standfirst=GOOD_STANDFIRST,
    alt="",
    corrections=(),
    extra_authors=(),
):
    return nested_form_data(
        {
            "title": "Talks resume in the capital",
            "slug": "talks-resume",
            "standfirst": standfirst,
            "kind": "news",
            "source": "Agencies",
            "lead_image": image.pk if image else "",
            "lead_image_alt": alt,
            "lead_image_caption": "",
            "body": streamfield(
                [("paragraph", rich_text("<p>The talks resumed.</p>"))]
            ),
            "authors": inline_formset(
                [
                    {"author": a.pk}
                    for a in ([author] if author else []) + list(extra_authors)
                ]
            ),
            "corrections": inline_formset(list(corrections)),
            "read_next_pins": inline_formset([]),
            "regions": [],
            "tags": "",
            "significant_update_at": "",
        }
    )


def submit(editor_client, section, data):
    url = reverse(
        "wagtailadmin_pages:add", args=("articles", "articlepage", section.pk)
    )
    return editor_client.post(url, data)


def publish_edit(editor_client, page, data):
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = data.copy()
    data["action-publish"] = "publish"
    return editor_client.post(url, data)


def test_a_complete_article_is_saved(editor_client, politics, author, image):
    response = submit(
        editor_client, politics, article_form(author, image, alt="Ministers at a table")
    )

    assert response.status_code == 302
    saved = ArticlePage.objects.get(slug="talks-resume")
    assert [byline.author for byline in saved.authors.all()] == [author]


def test_lead_image_needs_alt_text(editor_client, politics, author, image):
    image.description = ""
    image.save()

    response = submit(editor_client, politics, article_form(author, image, alt=""))

    assert response.status_code == 200
    assert "Describe the lead image for readers who cannot see it." in (
        response.content.decode()
    )
    assert not ArticlePage.objects.filter(slug="talks-resume").exists()


def test_images_own_description_counts_as_alt_text(
    editor_client, politics, author, image
):
    response = submit(editor_client, politics, article_form(author, image, alt=""))

    assert response.status_code == 302


@pytest.mark.parametrize(
    ("standfirst", "message"),
    [
        ("Too short.", "at least 40 characters"),
        ("x" * 301, "at most 300 characters"),
    ],
)
def test_standfirst_length_is_bounded(
    editor_client, politics, author, standfirst, message
):
    response = submit(
        editor_client, politics, article_form(author, standfirst=standfirst)
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ArticlePage.objects.filter(slug="talks-resume").exists()


def test_an_author_appears_once_in_the_byline(editor_client, politics, author):
    response = submit(
        editor_client, politics, article_form(author, extra_authors=[author])
    )

    assert response.status_code == 200
    assert "Each author can appear only once in the byline." in (
        response.content.decode()
    )


def test_an_article_needs_an_author(editor_client, politics):
    response = submit(editor_client, politics, article_form(author=None))

    assert response.status_code == 200
    assert "Add at least one author. The desk itself can be the author." in (
        response.content.decode()
    )
    assert not ArticlePage.objects.filter(slug="talks-resume").exists()


def edit_form(editor_client, page):
    """The page's edit form as the admin renders it (the body, which the admin
    builds in JavaScript, is filled in from the page)."""
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    html = editor_client.get(url).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    body = [(block.block_type, rich_text(block.value.source)) for block in page.body]
    data.update(nested_form_data({"body": streamfield(body)}))
    return data


def add_correction(data, noted_at, text):
    number = int(data["corrections-TOTAL_FORMS"])
    data[f"corrections-{number}-noted_at"] = noted_at
    data[f"corrections-{number}-text"] = text
    data[f"corrections-{number}-ORDER"] = str(number + 1)
    data[f"corrections-{number}-id"] = ""
    data["corrections-TOTAL_FORMS"] = str(number + 1)


@pytest.fixture
def corrected_article(editor_client, politics, author, image):
    submit(editor_client, politics, article_form(author, image))
    page = ArticlePage.objects.get(slug="talks-resume")
    data = edit_form(editor_client, page)
    add_correction(data, "2026-11-02 10:00", "An earlier version misspelt a name.")
    response = publish_edit(editor_client, page, data)
    assert response.status_code == 302
    return page


def test_corrections_can_be_added(corrected_article):
    assert [c.text for c in corrected_article.corrections.all()] == [
        "An earlier version misspelt a name."
    ]


@pytest.mark.parametrize("change", ["delete", "rewrite"])
def test_published_corrections_cannot_be_removed_or_rewritten(
    editor_client, corrected_article, change
):
    data = edit_form(editor_client, corrected_article)
    if change == "delete":
        data["corrections-0-DELETE"] = "1"
    else:
        data["corrections-0-text"] = "Nothing happened."

    response = publish_edit(editor_client, corrected_article, data)

    assert response.status_code == 200
    assert "Published corrections cannot be removed or rewritten." in (
        response.content.decode()
    )
    assert [c.text for c in corrected_article.corrections.all()] == [
        "An earlier version misspelt a name."
    ]


def test_a_second_correction_can_follow_the_first(editor_client, corrected_article):
    data = edit_form(editor_client, corrected_article)
    add_correction(data, "2026-11-03 09:00", "The date of the vote was wrong.")

    response = publish_edit(editor_client, corrected_article, data)

    assert response.status_code == 302
    assert [c.text for c in corrected_article.corrections.order_by("noted_at")] == [
        "An earlier version misspelt a name.",
        "The date of the vote was wrong.",
    ]
