"""A compact newsroom with one page of every public type in each edition.

English is built first; the Arabic and Spanish editions translate its home,
sections, pages and stories with Wagtail's `copy_for_translation`, as editors do,
and get their own authors, region and tags. One picture serves every story, so its
renditions are made once. `build_newsroom()` returns the inventory the quality
tests walk: {edition: {page type: address}}.
"""

from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import quote

from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from masthead.articles.models import ArticleAuthor, ArticlePage
from masthead.authors.models import Author, AuthorIndexPage
from masthead.breaking.actions import publish_breaking_item
from masthead.coverage.models import CoverageIndexPage, CoveragePage, CoveragePin
from masthead.discovery.demo import load_discovery_demo
from masthead.front.setup import ensure_edition_home
from masthead.galleries.demo import build_demo_galleries
from masthead.infographics.demo import build_demo_infographics
from masthead.live.demo import build_demo_live_blog, build_demo_live_channel
from masthead.media.tests.factories import ImageFactory
from masthead.pages.models import ContactPage, StandardPage
from masthead.regions.models import Region
from masthead.sections.models import SectionPage
from masthead.video.demo import CONTENT as VIDEO_TEXT
from masthead.video.demo import EXPLAINER_LINK
from masthead.video.models import SeriesPage, VideoPage

EDITIONS = ("en", "ar", "es")
ARTICLE_KINDS = ("news", "opinion", "analysis", "blog", "feature")
PAGE_TYPES = (
    "home",
    "section",
    "regions",
    "region",
    "tag",
    "author",
    "authors",
    "coverage",
    *(f"article-{kind}" for kind in ARTICLE_KINDS),
    "page",
    "contact",
    "video",
    "series",
    "gallery",
    "infographic",
    "live-blog",
    "live",
    "search",
    "not-found",
)
# Enough extra stories in the English politics section for a second page.
FILLER_STORIES = 17


@dataclass(frozen=True)
class Story:
    title: str
    slug: str
    standfirst: str
    paragraphs: tuple[str, ...]


TEXT = {
    "en": {
        "site": ("The Masthead", "News from every region, in three languages"),
        "news": ("News", "news"),
        "politics": ("Politics", "politics"),
        "videos": ("Videos", "videos"),
        "authors": ("Authors", "authors", "The people who report and edit."),
        "author": (
            "Lina Haddad",
            "lina-haddad",
            "Middle East correspondent",
            "Covers politics and diplomacy from Beirut.",
        ),
        "region": ("Middle East", "middle-east"),
        "tag": "Diplomacy",
        "coverage": ("Coverage", "coverage", "Ongoing stories, followed day by day."),
        "hub": ("Talks in Cairo", "talks-in-cairo", "Every round of the talks."),
        "about": ("About Us", "about-us", "Who we are and how we work."),
        "contact": ("Contact Us", "contact-us", "Write to the newsroom."),
        "search": "ministers",
        "breaking": "Ministers agree to resume talks on Monday",
        "picture": "Two ministers shake hands in front of flags",
        "caption": "The ministers at the start of the talks.",
        "related": "Related News",
        "quote": ("We will meet again within a week.", "A senior official"),
        "subheading": "What comes next",
        "filler": "Ministers meet for talks, round {n}",
        "stories": {
            "news": Story(
                "Ministers resume talks in Cairo after a month of silence",
                "ministers-resume-talks",
                "Ministers from both countries met on Monday to discuss trade, "
                "energy and security.",
                (
                    "The talks opened in the capital on Monday morning.",
                    "Officials said the meeting covered trade, energy and security.",
                ),
            ),
            "opinion": Story(
                "The talks will fail unless they face the hard questions",
                "talks-must-face-hard-questions",
                "A month of silence shows how little trust is left; the next "
                "round has to start with it.",
                ("Trust is the first casualty of a long silence.",),
            ),
            "analysis": Story(
                "Why both sides need a deal before the winter",
                "why-both-sides-need-a-deal",
                "Energy prices and an election calendar push the two governments "
                "towards a compromise.",
                ("Gas storage is low on both sides of the border.",),
            ),
            "blog": Story(
                "Notes from the press room on the second day",
                "notes-from-the-press-room",
                "Coffee, rumours and a long wait for a statement that came late "
                "in the evening.",
                ("The statement was read at nine in the evening.",),
            ),
            "feature": Story(
                "The negotiators who spend their lives on the road",
                "negotiators-on-the-road",
                "Three diplomats describe a working life of hotel rooms, night "
                "flights and long tables.",
                ("She has slept in forty hotels this year.",),
            ),
        },
    },
    "ar": {
        "site": ("ذا ماستهيد", "أخبار من كل منطقة بثلاث لغات"),
        "news": ("أخبار", "أخبار"),
        "politics": ("سياسة", "سياسة"),
        "videos": ("فيديو", "فيديو"),
        "authors": ("الكتّاب", "الكتاب", "الصحفيون والمحررون."),
        "author": (
            "لينا حداد",
            "لينا-حداد",
            "مراسلة الشرق الأوسط",
            "تغطي السياسة والدبلوماسية من بيروت.",
        ),
        "region": ("الشرق الأوسط", "الشرق-الأوسط"),
        "tag": "دبلوماسية",
        "coverage": ("تغطيات", "تغطيات", "قصص متواصلة نتابعها يوماً بيوم."),
        "hub": ("محادثات القاهرة", "محادثات-القاهرة", "كل جولات المحادثات."),
        "about": ("من نحن", "من-نحن", "من نحن وكيف نعمل."),
        "contact": ("اتصل بنا", "اتصل-بنا", "راسلوا غرفة الأخبار."),
        "search": "الوزراء",
        "breaking": "الوزراء يتفقون على استئناف المحادثات يوم الاثنين",
        "picture": "وزيران يتصافحان أمام الأعلام",
        "caption": "الوزيران في بداية المحادثات.",
        "related": "أخبار ذات صلة",
        "quote": ("سنلتقي مجدداً خلال أسبوع.", "مسؤول رفيع"),
        "subheading": "ماذا بعد",
        "stories": {
            "news": Story(
                "الوزراء يستأنفون المحادثات في القاهرة بعد شهر من الصمت",
                "الوزراء-يستأنفون-المحادثات",
                "التقى الوزراء من البلدين يوم الاثنين لبحث التجارة والطاقة والأمن.",
                (
                    "افتتحت المحادثات في العاصمة صباح الاثنين.",
                    "قال المسؤولون إن الاجتماع تناول التجارة والطاقة والأمن.",
                ),
            ),
            "opinion": Story(
                "المحادثات ستفشل ما لم تواجه الأسئلة الصعبة",
                "المحادثات-والأسئلة-الصعبة",
                "شهر من الصمت يبيّن كم تبقّى من الثقة، والجولة المقبلة يجب أن تبدأ منها.",
                ("الثقة أول ضحايا الصمت الطويل.",),
            ),
            "analysis": Story(
                "لماذا يحتاج الطرفان إلى اتفاق قبل الشتاء",
                "لماذا-يحتاج-الطرفان-إلى-اتفاق",
                "أسعار الطاقة والمواعيد الانتخابية تدفع الحكومتين نحو تسوية قريبة.",
                ("مخزون الغاز منخفض على جانبي الحدود.",),
            ),
            "blog": Story(
                "ملاحظات من قاعة الصحافة في اليوم الثاني",
                "ملاحظات-من-قاعة-الصحافة",
                "قهوة وشائعات وانتظار طويل لبيان صدر في وقت متأخر من المساء.",
                ("تُلي البيان في التاسعة مساءً.",),
            ),
            "feature": Story(
                "المفاوضون الذين يقضون حياتهم على الطريق",
                "المفاوضون-على-الطريق",
                "ثلاثة دبلوماسيين يروون حياة عمل بين غرف الفنادق ورحلات الليل "
                "والطاولات الطويلة.",
                ("نامت في أربعين فندقاً هذا العام.",),
            ),
        },
    },
    "es": {
        "site": ("The Masthead en Español", "Noticias de cada región, en tres idiomas"),
        "news": ("Noticias", "noticias"),
        "politics": ("Política", "politica"),
        "videos": ("Vídeos", "videos"),
        "authors": ("Autores", "autores", "Quienes informan y editan."),
        "author": (
            "Lucía Gómez",
            "lucia-gomez",
            "Corresponsal en Bogotá",
            "Cubre la política andina desde Bogotá.",
        ),
        "region": ("Oriente Medio", "oriente-medio"),
        "tag": "Diplomacia",
        "coverage": ("Coberturas", "coberturas", "Historias que seguimos a diario."),
        "hub": ("Diálogo en El Cairo", "dialogo-en-el-cairo", "Cada ronda."),
        "about": ("Quiénes somos", "quienes-somos", "Quiénes somos y cómo trabajamos."),
        "contact": ("Contacto", "contacto", "Escriba a la redacción."),
        "search": "ministros",
        "breaking": "Los ministros acuerdan reanudar el diálogo el lunes",
        "picture": "Dos ministros se dan la mano ante las banderas",
        "caption": "Los ministros al comienzo del diálogo.",
        "related": "Noticias relacionadas",
        "quote": ("Volveremos a reunirnos en una semana.", "Un alto funcionario"),
        "subheading": "Qué viene ahora",
        "stories": {
            "news": Story(
                "Los ministros reanudan el diálogo en El Cairo tras un mes de silencio",
                "ministros-reanudan-dialogo",
                "Los ministros de ambos países se reunieron el lunes para hablar de "
                "comercio, energía y seguridad.",
                (
                    "El diálogo se abrió en la capital el lunes por la mañana.",
                    "Según los funcionarios, la reunión trató comercio y energía.",
                ),
            ),
            "opinion": Story(
                "El diálogo fracasará si no afronta las preguntas difíciles",
                "preguntas-dificiles",
                "Un mes de silencio muestra cuánta confianza queda; la próxima "
                "ronda debe empezar por ahí.",
                ("La confianza es la primera víctima de un largo silencio.",),
            ),
            "analysis": Story(
                "Por qué ambas partes necesitan un acuerdo antes del invierno",
                "por-que-necesitan-un-acuerdo",
                "Los precios de la energía y el calendario electoral empujan a los "
                "dos gobiernos hacia un pacto.",
                ("Las reservas de gas son bajas a ambos lados de la frontera.",),
            ),
            "blog": Story(
                "Notas desde la sala de prensa en el segundo día",
                "notas-desde-la-sala-de-prensa",
                "Café, rumores y una larga espera por un comunicado que llegó "
                "tarde por la noche.",
                ("El comunicado se leyó a las nueve de la noche.",),
            ),
            "feature": Story(
                "Los negociadores que viven en la carretera",
                "negociadores-en-la-carretera",
                "Tres diplomáticos describen una vida de habitaciones de hotel, "
                "vuelos nocturnos y mesas largas.",
                ("Ha dormido en cuarenta hoteles este año.",),
            ),
        },
    },
}


def build_newsroom() -> dict[str, dict[str, str]]:
    """Build every edition and return {edition: {page type: address}}."""
    picture = ImageFactory(
        title="Ministers shake hands",
        description=TEXT["en"]["picture"],
        file__width=1600,
        file__height=900,
    )
    english = _Edition("en", picture, original=None)
    english.build()
    inventory = {"en": english.inventory()}
    for language in EDITIONS[1:]:
        edition = _Edition(language, picture, original=english)
        edition.build()
        inventory[language] = edition.inventory()
    return inventory


def _publish(page: Page) -> Page:
    page.save_revision().publish(skip_permission_checks=True)
    return page


class _Edition:
    def __init__(self, language: str, picture, original: "_Edition | None"):
        self.language = language
        self.text = TEXT[language]
        self.picture = picture
        self.original = original
        self.locale, _ = Locale.objects.get_or_create(language_code=language)
        self.stories: dict[str, ArticlePage] = {}

    def page(self, parent: Page, model, name: str, **fields):
        """This edition's page `name`: new in English, elsewhere a translation of
        the English edition's page of that name."""
        english = self.from_original(name)
        if english is not None:
            page = english.copy_for_translation(self.locale)
            for name, value in fields.items():
                setattr(page, name, value)
            page.draft_title = page.title
            page.save()
        else:
            page = parent.add_child(instance=model(locale=self.locale, **fields))
        return _publish(page)

    def from_original(self, attribute: str):
        return getattr(self.original, attribute) if self.original else None

    def build(self) -> None:
        text = self.text
        site_name, slogan = text["site"]
        self.home = ensure_edition_home(self.language, site_name, slogan)
        self.home.refresh_from_db()
        if self.language == "ar":
            self.home.digits = "arabic-indic"
            self.home.date_format = "j F Y"
        self.home.site_name, self.home.slogan = site_name, slogan
        _publish(self.home)

        title, slug = text["news"]
        self.news = self.page(
            self.home, SectionPage, "news",
            title=title, slug=slug, show_in_menus=True,
        )  # fmt: skip
        title, slug = text["politics"]
        self.politics = self.page(
            self.news, SectionPage, "politics",
            title=title, slug=slug, show_in_menus=True,
        )  # fmt: skip
        title, slug = text["videos"]
        self.videos = self.page(
            self.home, SectionPage, "videos",
            title=title, slug=slug, show_in_menus=True, front_layout="strip",
        )  # fmt: skip
        title, slug, intro = text["authors"]
        self.authors_index = self.page(
            self.home, AuthorIndexPage, "authors_index",
            title=title, slug=slug, intro=intro, show_in_menus=True,
        )  # fmt: skip
        title, slug, intro = text["about"]
        self.about = self.page(
            self.home, StandardPage, "about",
            title=title, slug=slug, intro=intro, show_in_menus=True,
            body=f"<h2>{title}</h2><p>{intro}</p><ul><li>{intro}</li></ul>",
        )  # fmt: skip
        title, slug, intro = text["contact"]
        self.contact = self.page(
            self.home, ContactPage, "contact",
            title=title, slug=slug, intro=intro, show_in_menus=True,
            body=f"<p>{intro}</p>",
        )  # fmt: skip
        title, slug, intro = text["coverage"]
        self.coverage_index = self.page(
            self.home, CoverageIndexPage, "coverage_index",
            title=title, slug=slug, intro=intro,
        )  # fmt: skip

        title, slug, intro = text["hub"]
        self.hub = self.page(
            self.coverage_index, CoveragePage, "hub",
            title=title, slug=slug, intro=intro, lead_image=self.picture,
            lead_image_alt=text["picture"],
        )  # fmt: skip
        self.author = self.snippet(Author, "author")
        self.region = self.snippet(Region, "region")
        self.build_stories()
        self.hub.pins = [CoveragePin(story=self.stories["analysis"], sort_order=0)]
        _publish(self.hub)

        publish_breaking_item(
            locale=self.locale, text=text["breaking"], story=self.stories["news"]
        )
        load_discovery_demo(self.locale)
        self.build_media()

    def build_media(self) -> None:
        """One page of each media type, in this edition's language: videos from a
        YouTube link (no transcoding), the demo's galleries, infographic, live blog
        and LIVE channel."""
        text = VIDEO_TEXT[self.language]
        title, summary = text["explainer"]
        self.video = _publish(
            self.videos.add_child(
                instance=VideoPage(
                    title=title, summary_text=summary, kind="explainer",
                    video_link=EXPLAINER_LINK, duration=596,
                    lead_image=self.picture, lead_image_alt=self.text["picture"],
                )
            )
        )  # fmt: skip
        title, intro = text["series"]
        self.series = _publish(
            self.videos.add_child(
                instance=SeriesPage(
                    title=title, intro=intro, kind="tv", lead_image=self.picture,
                    lead_image_alt=self.text["picture"],
                )
            )
        )  # fmt: skip
        for number in (1, 2):
            _publish(
                self.series.add_child(
                    instance=VideoPage(
                        title=text["episode"].format(number=number),
                        summary_text=text["episode_summary"].format(number=number),
                        kind="tv_episode", episode_number=number, season_number=1,
                        video_link=EXPLAINER_LINK, duration=1500,
                    )
                )
            )  # fmt: skip
        pictures = [self.picture]
        self.gallery = build_demo_galleries(
            self.home, self.politics, self.language, pictures
        )[0]
        self.infographic = build_demo_infographics(
            self.home, self.politics, self.language, pictures
        )[0]
        self.live_blog = build_demo_live_blog(
            self.home, self.politics, self.language, pictures
        )
        self.live = build_demo_live_channel(self.home, self.language, seconds=8)

    def snippet(self, model, key: str):
        english = self.from_original(key)
        if model is Author:
            name, slug, role, bio = self.text[key]
            fields = {"name": name, "slug": slug, "role": role, "bio": bio}
            fields["photo"] = self.picture
        else:
            name, slug = self.text[key]
            fields = {"name": name, "slug": slug}
        if english is not None:
            item = english.copy_for_translation(self.locale)
            for name, value in fields.items():
                setattr(item, name, value)
            item.save()
            return item
        return model.objects.create(locale=self.locale, **fields)

    def build_stories(self) -> None:
        text = self.text
        now = timezone.now()
        for hours, kind in enumerate(ARTICLE_KINDS):
            story = text["stories"][kind]
            parent = self.videos if kind == "feature" else self.politics
            english = self.original.stories[kind] if self.original else None
            body = [
                ("paragraph", RichText(f"<p>{story.paragraphs[0]}</p>")),
                ("quote", {"text": text["quote"][0], "attribution": text["quote"][1]}),
                ("subheading", text["subheading"]),
                *(("paragraph", RichText(f"<p>{p}</p>")) for p in story.paragraphs),
            ]
            if kind == "news":
                body.append(
                    (
                        "image",
                        {
                            "image": self.picture,
                            "alt_text": text["picture"],
                            "caption": story.standfirst,
                        },
                    )
                )
            if kind != "news":
                body.append(
                    (
                        "related",
                        {
                            "heading": text["related"],
                            "stories": [self.stories["news"]],
                        },
                    )
                )
            fields = {
                "title": story.title,
                "slug": story.slug,
                "standfirst": story.standfirst,
                "kind": kind,
                "source": text["site"][0] if kind == "news" else "",
                "lead_image": self.picture,
                "lead_image_alt": text["picture"],
                "lead_image_caption": text["caption"],
                "body": body,
                "first_published_at": now - timedelta(hours=hours + 1),
            }
            if english is not None:
                page = english.copy_for_translation(self.locale)
                for name, value in fields.items():
                    setattr(page, name, value)
                page.draft_title = page.title
            else:
                page = ArticlePage(locale=self.locale, **fields)
            page.tags.set([text["tag"]])
            page.regions.set([self.region])
            page.coverage.set([self.hub])
            page.authors = [ArticleAuthor(author=self.author, sort_order=0)]
            if page.pk:
                page.save()
            else:
                parent.add_child(instance=page)
            self.stories[kind] = _publish(page)

        if self.language == "en":
            for number in range(FILLER_STORIES):
                page = ArticlePage(
                    locale=self.locale,
                    title=text["filler"].format(n=number + 1),
                    slug=f"round-{number + 1}",
                    standfirst=text["stories"]["news"].standfirst,
                    body=[("paragraph", RichText("<p>The talks went on.</p>"))],
                    first_published_at=now - timedelta(days=2, hours=number),
                )
                page.authors = [ArticleAuthor(author=self.author, sort_order=0)]
                self.politics.add_child(instance=page)
                _publish(page)

    def inventory(self) -> dict[str, str]:
        prefix = "" if self.language == "en" else f"/{self.language}"
        home_url = self.home.url
        urls = {
            "home": home_url,
            "section": self.politics.url,
            "regions": f"{home_url}regions/",
            "region": f"{home_url}regions/{quote(self.region.slug)}/",
            "tag": f"{home_url}tags/{quote(self.stories['news'].tags.get().slug)}/",
            "author": self.authors_index.url_for_author(self.author),
            "authors": self.authors_index.url,
            "coverage": self.hub.url,
            **{f"article-{kind}": self.stories[kind].url for kind in ARTICLE_KINDS},
            "page": self.about.url,
            "contact": self.contact.url,
            "video": self.video.url,
            "series": self.series.url,
            "gallery": self.gallery.url,
            "infographic": self.infographic.url,
            "live-blog": self.live_blog.url,
            "live": self.live.url,
            "search": f"{prefix}/search/?q={quote(self.text['search'])}",
            "not-found": f"{prefix}/no-such-page/",
        }
        assert tuple(urls) == PAGE_TYPES
        return urls
