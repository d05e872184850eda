"""Each role's rights, edition by edition."""

import pytest
from wagtail.models import GroupPagePermission

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.newsroom.roles import (
    ADMINISTRATOR,
    LEGAL_REVIEWER,
    PHOTO_EDITOR,
    edition_group,
)
from masthead.newsroom.setup import ensure_newsroom

from .conftest import member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish_story(spanish, article):
    copy = article.copy_for_translation(spanish)
    copy.save_revision().publish(skip_permission_checks=True)
    return copy


def rights(user, page) -> dict:
    permissions = page.permissions_for_user(user)
    return {
        "edit": permissions.can_edit(),
        "publish": permissions.can_publish(),
        # Stories take no children: "add" is adding a story beside this one.
        "add": page.get_parent().permissions_for_user(user).can_add_subpage(),
    }


def test_every_role_has_its_group(groups):
    assert set(groups) == {
        "English writers", "English editors", "English translators",
        "Spanish writers", "Spanish editors", "Spanish translators",
        "Photo editors", "Legal reviewers", "Administrators",
    }  # fmt: skip


def test_writers_write_but_do_not_publish(writer, article, politics):
    assert rights(writer, article) == {"edit": True, "publish": False, "add": True}
    assert rights(writer, politics)["add"]
    assert writer.has_perm("wires.add_wireuse")
    assert not writer.has_perm("breaking.add_breakingitem")


def test_editors_publish_in_their_edition_only(
    editor, spanish_editor, article, spanish_story
):
    assert rights(editor, article) == {"edit": True, "publish": True, "add": True}
    assert rights(editor, spanish_story) == {
        "edit": False,
        "publish": False,
        "add": False,
    }
    assert rights(spanish_editor, spanish_story)["publish"]
    assert not rights(spanish_editor, article)["edit"]
    assert editor.has_perm("breaking.add_breakingitem")
    assert editor.has_perm("newsroom.add_embargo")


def test_a_spanish_translator_cannot_publish_in_english(
    spanish_translator, article, spanish_story
):
    assert rights(spanish_translator, article) == {
        "edit": False,
        "publish": False,
        "add": False,
    }
    assert rights(spanish_translator, spanish_story) == {
        "edit": True,
        "publish": False,
        "add": True,
    }
    assert spanish_translator.has_perm("simple_translation.submit_translation")


def test_photo_editors_manage_pictures_and_no_pages(groups, django_user_model, article):
    photo_editor = member_of(django_user_model, "photo", groups[PHOTO_EDITOR.label])
    assert photo_editor.has_perms(
        ["wagtailimages.change_image", "wagtailimages.delete_image"]
    )
    assert rights(photo_editor, article) == {
        "edit": False,
        "publish": False,
        "add": False,
    }


def test_legal_reviewers_have_no_page_rights_of_their_own(
    groups, django_user_model, article
):
    lawyer = member_of(django_user_model, "lawyer", groups[LEGAL_REVIEWER.label])
    assert lawyer.has_perm("wagtailadmin.access_admin")
    assert not rights(lawyer, article)["edit"]


def test_administrators_may_do_everything_in_every_edition(
    groups, django_user_model, article, spanish_story
):
    admin = member_of(django_user_model, "admin2", groups[ADMINISTRATOR.label])
    assert not admin.is_superuser
    assert admin.has_perms(["users.add_user", "auth.change_group"])
    for page in (article, spanish_story):
        assert rights(admin, page) == {"edit": True, "publish": True, "add": True}
    assert page.permissions_for_user(admin).can_delete()


def test_running_it_again_changes_nothing(groups, home):
    before = GroupPagePermission.objects.count()
    again = ensure_newsroom()
    assert set(again) == set(groups)
    assert GroupPagePermission.objects.count() == before


def test_a_new_story_in_one_edition_is_out_of_reach_of_the_others(
    spanish_translator, politics
):
    story = ArticlePageFactory(parent=politics)
    assert not rights(spanish_translator, story)["edit"]
    assert edition_group  # the role lookup used by the fixtures
