"""The demo stories' pictures: made once, shared between editions."""

import hashlib
import io
from functools import cached_property

from django.core.files.images import ImageFile

from masthead.media.models import CustomImage

from .images import draw_picture


def store_image(title: str, filename: str, data: bytes, **fields) -> CustomImage:
    """The picture titled `title`, stored from `data` the first time."""
    existing = CustomImage.objects.filter(title=title).first()
    if existing is not None:
        return existing
    image = CustomImage(title=title, **fields)
    image.file = ImageFile(io.BytesIO(data), name=filename)
    image.save()
    return image


class Pictures:
    """The lead pictures of one edition's stories.

    English stories each get a picture of their own. The other editions' own
    stories take an English story's picture of the same motif, as a newsroom's
    editions share their agency photographs: each picture is made and rendered
    once, not once per edition.
    """

    def __init__(self, english_stories: list[dict] | None = None):
        """`english_stories`: for another edition, the English ones to share."""
        self.english_stories = english_stories or []
        self.used: dict[str, int] = {}

    def picture_for(self, story: dict) -> CustomImage:
        motif = _motif(story)
        shared = self._english_pictures.get(motif, [])
        if shared:
            turn = self.used.get(motif, 0)
            self.used[motif] = turn + 1
            return shared[turn % len(shared)]
        picture = story["image"]
        digest = hashlib.sha256(story["slug"].encode()).hexdigest()[:12]
        return store_image(
            title=story["headline"],
            filename=f"story-{digest}.jpg",
            data=draw_picture(story["slug"], motif),
            description=picture["alt"],
            credit=picture["credit"],
            default_caption=picture["caption"],
        )

    @cached_property
    def _english_pictures(self) -> dict[str, list[CustomImage]]:
        stories = [s for s in self.english_stories if "translation_of" not in s]
        by_title = {
            image.title: image
            for image in CustomImage.objects.filter(
                title__in=[story["headline"] for story in stories]
            )
        }
        found: dict[str, list[CustomImage]] = {}
        for story in stories:
            if story["headline"] in by_title:
                found.setdefault(_motif(story), []).append(by_title[story["headline"]])
        return found


def _motif(story: dict) -> str:
    return story["image"].get("motif", "skyline")
