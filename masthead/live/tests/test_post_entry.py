"""Posting an entry: through `post_entry` and through the admin's short form."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import GroupPagePermission

from masthead.caching import keys
from masthead.live.actions import post_entry
from masthead.live.models import LiveBlogEntry

pytestmark = pytest.mark.django_db


def test_post_entry_publishes_at_once_without_a_revision(blog, author):
    revisions = blog.revisions.count()

    entry = post_entry(blog, body="Roads reopen.", headline="Traffic",
                       author=author, is_key_event=True)  # fmt: skip

    assert entry.pk and entry.blog == blog and entry.author == author
    assert entry.body == "<p>Roads reopen.</p>"
    assert entry.is_key_event and entry.headline == "Traffic"
    assert blog.revisions.count() == revisions


def test_plain_text_becomes_escaped_paragraphs(blog):
    entry = post_entry(blog, body="Rain < 10 mm & falling.\n\nSecond paragraph.")

    assert entry.body == (
        "<p>Rain &lt; 10 mm &amp; falling.</p>\n\n<p>Second paragraph.</p>"
    )


def test_html_is_cleaned_to_the_entry_features(blog):
    entry = post_entry(
        blog,
        body='<p onclick="x()">Calm <b>now</b><script>alert(1)</script>'
        '<a href="javascript:alert(1)">bad</a> <a href="https://example.org/">ok</a>'
        '<a linktype="page" id="3">page</a><img src="x"></p>',
    )

    assert entry.body == (
        '<p>Calm <b>now</b><a>bad</a> <a href="https://example.org/">ok</a>'
        '<a id="3" linktype="page">page</a></p>'
    )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"body": "  "}, "body"),
        ({"body": "<script>only()</script>"}, "body"),
        ({"body": "Watch.", "embed_url": "https://evil.example/video"}, "embed_url"),
        ({"body": "Watch.", "embed_url": "http://youtu.be/dQw4w9WgXcQ"}, "embed_url"),
        ({"body": "x", "headline": "h" * 161}, "headline"),
    ],
)
def test_bad_entries_are_refused_and_nothing_is_saved(blog, fields, field):
    with pytest.raises(ValidationError) as error:
        post_entry(blog, **fields)

    assert field in error.value.message_dict
    assert not LiveBlogEntry.objects.exists()


def test_an_undescribed_picture_is_refused(blog, image):
    image.description = ""
    image.save()

    with pytest.raises(ValidationError) as error:
        post_entry(blog, body="Pictured.", image=image)

    assert "image_alt" in error.value.message_dict
    assert post_entry(blog, body="Pictured.", image=image, image_alt="A flooded road")


def test_posting_purges_the_cached_page(
    client, blog, page_cache, django_capture_on_commit_callbacks
):
    client.get(blog.url)
    assert page_cache.purge({keys.page(blog.pk)}) == 1  # it was cached
    client.get(blog.url)

    with django_capture_on_commit_callbacks(execute=True):
        post_entry(blog, body="Fresh news.")

    assert page_cache.purge({keys.page(blog.pk)}) == 0  # already purged
    assert "Fresh news." in client.get(blog.url).content.decode()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        username="editor", email="editor@example.org", password="x"
    )


def post_url(blog):
    return reverse("live_admin:post", args=[blog.pk])


def test_the_admin_form_posts_an_entry(client, blog, editor, author):
    client.force_login(editor)
    form = client.get(post_url(blog))
    assert form.status_code == 200
    assert b'name="body"' in form.content and b'name="is_key_event"' in form.content

    response = client.post(
        post_url(blog),
        {
            "headline": "Bridge closed",
            "body": '{"blocks":[{"key":"a","type":"unstyled","text":"The bridge is '
            'closed.","depth":0,"inlineStyleRanges":[],"entityRanges":[]}],'
            '"entityMap":{}}',
            "author": author.pk,
            "is_key_event": "on",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == post_url(blog)
    entry = LiveBlogEntry.objects.get()
    assert entry.headline == "Bridge closed" and entry.is_key_event
    assert entry.body == "<p>The bridge is closed.</p>"
    assert entry.author == author


def test_the_admin_form_shows_mistakes(client, blog, editor):
    client.force_login(editor)

    response = client.post(
        post_url(blog), {"body": "not json", "embed_url": "https://example.org/clip"}
    )

    assert response.status_code == 200
    assert b"The update was not posted" in response.content
    assert b"Write the update, or add a picture." in response.content
    assert b"Use the address of a YouTube or Vimeo video" in response.content
    assert not LiveBlogEntry.objects.exists()


def test_editors_who_cannot_publish_the_blog_cannot_post(
    client, blog, django_user_model
):
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Writers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=blog, permission=Permission.objects.get(codename="add_page")
    )
    writer = django_user_model.objects.create_user(username="writer", password="x")
    writer.groups.add(group)
    client.force_login(writer)

    # Wagtail sends those it refuses back to the dashboard, saying why.
    assert client.get(post_url(blog))["Location"] == reverse("wagtailadmin_home")
    assert client.post(post_url(blog), {"body": "x"}).status_code == 302
    assert not LiveBlogEntry.objects.exists()


def test_an_unknown_blog_is_a_404(client, editor):
    client.force_login(editor)

    assert client.get(reverse("live_admin:post", args=[999999])).status_code == 404


def test_the_form_is_linked_from_the_page_editor_and_the_menu(client, blog, editor):
    client.force_login(editor)

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[blog.pk]))
    index = client.get(reverse("live_admin:index"))

    assert post_url(blog).encode() in edit.content
    assert reverse("live_admin:index").encode() in index.content
    assert post_url(blog).encode() in index.content
