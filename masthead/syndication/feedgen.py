"""RSS 2.0 and Atom writers that carry what news readers and aggregators expect
beyond Django's defaults: every byline, the full text when asked for, and the lead
picture as Media RSS (`media:content`), which most aggregators read for images.
"""

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, rfc3339_date

MEDIA_NS = "http://search.yahoo.com/mrss/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"


def _add_media(handler, image) -> None:
    if image is None:
        return
    handler.startElement(
        "media:content",
        {
            "url": image.url,
            "medium": "image",
            "type": image.mime_type,
            "width": str(image.width),
            "height": str(image.height),
            "fileSize": str(image.length),
        },
    )
    if image.description:
        handler.addQuickElement(
            "media:description", image.description, {"type": "plain"}
        )
    if image.credit:
        handler.addQuickElement("media:credit", image.credit)
    handler.endElement("media:content")


class StoryRssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:media": MEDIA_NS,
            "xmlns:content": CONTENT_NS,
            "xmlns:dc": DC_NS,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        # RSS's own <author> must be an e-mail address; names go in dc:creator.
        for name in item["authors"]:
            handler.addQuickElement("dc:creator", name)
        if item["updateddate"] is not None:
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))
        if item["content"]:
            handler.addQuickElement("content:encoded", item["content"])
        _add_media(handler, item["image"])


class StoryAtomFeed(Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")
        if item["content"]:
            handler.addQuickElement("content", item["content"], {"type": "html"})
        _add_media(handler, item["image"])


FEED_TYPES = {"rss": StoryRssFeed, "atom": StoryAtomFeed}
