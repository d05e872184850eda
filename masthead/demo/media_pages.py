"""The demo's videos, galleries, infographics, live blog and LIVE channel: each
app builds its own pages, in the edition's language, under the demo's sections."""

from masthead.articles.models import ArticlePage
from masthead.galleries.demo import build_demo_galleries
from masthead.galleries.models import GalleryPage
from masthead.infographics.demo import build_demo_infographics
from masthead.infographics.models import InfographicPage
from masthead.live.demo import build_demo_live_blog, build_demo_live_channel
from masthead.media.models import CustomImage
from masthead.video.demo import build_demo_videos
from masthead.video.models import VideoPage

# Pictures the galleries and posters reuse: the lead pictures of the edition's
# own stories.
PICTURES = 12


def load_media_demo(home, sections: dict, count) -> None:
    """Build every media page type of this edition once (a later run finds them
    and adds nothing); `count(kind)` tallies what was made."""
    language = home.locale.language_code
    lead_pictures = ArticlePage.objects.filter(locale=home.locale).values("lead_image")
    pictures = list(CustomImage.objects.filter(pk__in=lead_pictures)[:PICTURES])

    if not VideoPage.objects.descendant_of(sections["videos"]).exists():
        for _page in build_demo_videos(home, sections["videos"], language, pictures):
            count("videos")
    if not GalleryPage.objects.descendant_of(sections["in-pictures"]).exists():
        for _page in build_demo_galleries(
            home, sections["in-pictures"], language, pictures
        ):
            count("galleries")
    if not InfographicPage.objects.descendant_of(sections["infographs"]).exists():
        build_demo_infographics(home, sections["infographs"], language, pictures)
        count("infographics")
    build_demo_live_blog(home, sections["news"], language, pictures)
    build_demo_live_channel(home, language)
