"""Publishing an article makes its pictures' renditions ahead of readers, unless
the caller makes them itself (a bulk load)."""

import pytest

from masthead.common.bulk import bulk_load
from masthead.media.renditions import ARTICLE_LEAD_SPECS

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def publish_story(parent, image, django_capture_on_commit_callbacks):
    story = ArticlePageFactory(parent=parent, lead_image=image)
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish(skip_permission_checks=True)
    return story


def test_publishing_makes_every_lead_rendition(
    politics, image, django_capture_on_commit_callbacks
):
    publish_story(politics, image, django_capture_on_commit_callbacks)

    specs = set(image.renditions.values_list("filter_spec", flat=True))
    assert specs == set(ARTICLE_LEAD_SPECS)


def test_a_bulk_load_makes_them_itself(
    politics, image, django_capture_on_commit_callbacks
):
    with bulk_load():
        publish_story(politics, image, django_capture_on_commit_callbacks)

    assert not image.renditions.exists()
    # Only inside the block: the next publication makes them again.
    publish_story(politics, image, django_capture_on_commit_callbacks)
    assert image.renditions.count() == len(ARTICLE_LEAD_SPECS)
