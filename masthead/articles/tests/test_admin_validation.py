"""Editors get clear messages in the admin for the rules an article must keep."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
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


def article_form(author=None, image=None, standfirst=GOOD_STANDFIRST, alt=""):
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
            "authors": inline_formset([{"author": author.pk}] if author else []),
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


def test_an_article_needs_an_author(editor_client, politics):
    response = submit(editor_client, politics, article_form(author=None))

    assert response.status_code == 200
    assert "Add at least one author. The desk itself can be the author." in (
        response.content.decode()
    )
    assert not ArticlePage.objects.filter(slug="talks-resume").exists()
