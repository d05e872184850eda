import shutil

import pytest

from masthead.articles.tests.factories import ArticlePageFactory, paragraphs
from masthead.front.setup import ensure_edition_home
from masthead.sections.tests.factories import SectionPageFactory

REQUIRED = ("espeak-ng", "ffmpeg", "ffprobe")

# Real stories of the demo's length would take seconds each; these are a few
# sentences in each edition's language.
STORIES = {
    "en": (
        "Ministers agree to widen energy talks",
        "Officials from both countries met in Tehran on Tuesday to discuss trade, "
        "energy and regional security.",
        [
            "The talks opened on 2026-12-01 and covered $5bn of projects.",
            "A further round will follow in Moscow next month, officials said.",
        ],
    ),
    "ar": (
        "الوزراء يتفقون على توسيع محادثات الطاقة",
        "التقى مسؤولون من البلدين في طهران يوم الثلاثاء لبحث التجارة والطاقة والأمن "
        "الإقليمي.",
        [
            "بدأت المحادثات في ١ ديسمبر وشملت مشاريع بقيمة ٥ مليارات دولار.",
            "وقال المسؤولون إن جولة أخرى ستعقد في موسكو الشهر المقبل.",
        ],
    ),
    "es": (
        "Los ministros acuerdan ampliar las conversaciones sobre energía",
        "Funcionarios de ambos países se reunieron el martes en Teherán para hablar "
        "de comercio, energía y seguridad regional.",
        [
            "Las conversaciones comenzaron el 01/12/2026 y abarcaron 5 M€.",
            "Otra ronda se celebrará en Moscú el mes que viene, dijeron.",
        ],
    ),
}


@pytest.fixture
def listen(settings):
    """Stories are spoken when published, by the real espeak-ng and ffmpeg."""
    missing = [tool for tool in REQUIRED if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"Listen needs {', '.join(missing)} (.ci/run installs them)")
    settings.MASTHEAD_LISTEN_ENABLED = True
    settings.MASTHEAD_LISTEN_ENGINES = ["masthead.listen.engines.espeak.EspeakEngine"]
    return settings


@pytest.fixture
def section_in(db, home):
    """The News section of an edition, made on first use."""
    made = {"en": None}

    def section(language: str):
        if made.get(language) is None:
            edition = home if language == "en" else ensure_edition_home(language)
            made[language] = SectionPageFactory(
                parent=edition, title=f"News {language}", slug=f"news-{language}"
            )
        return made[language]

    return section


@pytest.fixture
def publish_story(section_in, author, django_capture_on_commit_callbacks):
    """Publish a short story in an edition's language, running what the publish
    queues (the audio task runs inline in tests)."""

    def publish(language: str = "en", **fields):
        title, standfirst, body = STORIES[language]
        fields.setdefault("title", title)
        fields.setdefault("standfirst", standfirst)
        fields.setdefault("body", paragraphs(*body))
        section = section_in(language)
        with django_capture_on_commit_callbacks(execute=True):
            return ArticlePageFactory(parent=section, authors=[author], **fields)

    return publish


def republish(page, django_capture_on_commit_callbacks, **changes):
    page.refresh_from_db()
    for name, value in changes.items():
        setattr(page, name, value)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish(skip_permission_checks=True)
    return page
