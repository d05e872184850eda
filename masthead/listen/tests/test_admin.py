"""The newsroom sees where every story's audio stands and can make it again."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.front.setup import ensure_edition_home
from masthead.listen.models import ArticleAudio, AudioStatus
from masthead.newsroom.roles import EDITOR, LEGAL_REVIEWER, WRITER, edition_group
from masthead.newsroom.setup import ensure_newsroom
from masthead.sections.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db

INDEX = reverse("listen:index")


def story_url(page) -> str:
    return reverse("listen:story", args=[page.pk])


@pytest.fixture
def spanish_story(home, author):
    spanish_home = ensure_edition_home("es", "Masthead en español")
    noticias = SectionPageFactory(
        parent=spanish_home, title="Noticias", slug="noticias"
    )
    return ArticlePageFactory(
        parent=noticias, title="Los ministros se reúnen", authors=[author]
    )


@pytest.fixture
def groups(home, spanish_story):
    return ensure_newsroom()


def member(django_user_model, name, group_name):
    user = django_user_model.objects.create_user(name, f"{name}@masthead.test", "pw")
    user.groups.add(edition_group(group_name, "en" if name != "editora" else "es"))
    return user


@pytest.fixture
def editor(groups, django_user_model):
    return member(django_user_model, "editor", EDITOR)


@pytest.fixture
def spanish_editor(groups, django_user_model):
    return member(django_user_model, "editora", EDITOR)


@pytest.fixture
def writer(groups, django_user_model):
    return member(django_user_model, "writer", WRITER)


def failed(page, error="espeak-ng: voice not found") -> ArticleAudio:
    return ArticleAudio.objects.create(
        page=page, status=AudioStatus.FAILED, error=error, attempts=5
    )


def test_the_listing_shows_the_editions_the_user_works_in(
    client, editor, spanish_editor, article, spanish_story
):
    failed(article, "English failure")
    failed(spanish_story, "Spanish failure")

    client.force_login(editor)
    page = client.get(INDEX).content.decode()
    assert article.title in page and "English failure" in page
    assert spanish_story.title not in page

    client.force_login(spanish_editor)
    page = client.get(INDEX).content.decode()
    assert spanish_story.title in page and article.title not in page


def test_the_listing_filters_by_status(client, editor, article, politics, author):
    failed(article)
    ready = ArticlePageFactory(
        parent=politics, title="A spoken story", authors=[author]
    )
    ArticleAudio.objects.create(page=ready, status=AudioStatus.READY, duration=30)
    client.force_login(editor)

    page = client.get(INDEX, {"status": "failed"}).content.decode()
    assert article.title in page and "A spoken story" not in page
    assert "Failed (1)" in page and "Ready (1)" in page
    # An unknown status is no filter, not an error.
    assert (
        "A spoken story" in client.get(INDEX, {"status": "nonsense"}).content.decode()
    )


def test_the_listing_costs_the_same_for_one_row_or_many(
    client, editor, article, politics, author, django_assert_max_num_queries
):
    client.force_login(editor)
    failed(article)
    client.get(INDEX)  # warm the session and permission caches
    with django_assert_max_num_queries(20) as one:
        client.get(INDEX)
    for number in range(12):
        failed(
            ArticlePageFactory(
                parent=politics, title=f"Story {number}", authors=[author]
            )
        )
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(INDEX).status_code == 200


def test_people_without_page_rights_see_no_audio(client, groups, django_user_model):
    user = django_user_model.objects.create_user("legal", "l@masthead.test", "pw")
    user.groups.set([Group.objects.get(name=LEGAL_REVIEWER.group_name())])
    client.force_login(user)
    refused = client.get(INDEX)
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert INDEX not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_story_page_shows_the_error_and_when_it_is_tried_again(
    client, editor, article
):
    failed(article, "espeak-ng: voice not found")
    client.force_login(editor)
    page = client.get(story_url(article)).content.decode()
    assert "espeak-ng: voice not found" in page
    assert "Tried 5 times; it will not be tried again by itself." in page
    assert "Regenerate" in page


def test_regenerate_makes_the_audio_again(
    client, editor, article, listen, django_capture_on_commit_callbacks
):
    failed(article)
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(story_url(article))

    assert response["Location"] == story_url(article)
    audio = ArticleAudio.objects.get(page=article)
    assert audio.status == AudioStatus.READY, audio.error
    assert audio.attempts == 0
    page = client.get(story_url(article)).content.decode()
    assert "The audio will be made again" in page
    assert audio.opus_url in page and audio.mp3_url in page


def test_only_someone_who_may_edit_the_story_regenerates_it(
    client, spanish_editor, article
):
    failed(article)
    client.force_login(spanish_editor)
    # The admin turns a refusal into a message on its home page.
    for response in (client.post(story_url(article)), client.get(story_url(article))):
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert ArticleAudio.objects.get(page=article).status == AudioStatus.FAILED


def test_an_unpublished_story_cannot_be_regenerated(client, editor, article):
    article.unpublish()
    client.force_login(editor)
    response = client.post(story_url(article), follow=True)
    assert "Only a published story has audio." in response.content.decode()
    assert not ArticleAudio.objects.filter(page=article).exists()


def test_the_story_editor_links_to_its_audio(client, editor, writer, article):
    edit = reverse("wagtailadmin_pages:edit", args=[article.pk])
    for user in (editor, writer):
        client.force_login(user)
        assert story_url(article) in client.get(edit).content.decode()


def test_the_menu_shows_story_audio_to_the_newsroom(client, writer):
    client.force_login(writer)
    assert INDEX in client.get(reverse("wagtailadmin_home")).content.decode()
