"""Demo videos for one edition: short test cards made here with ffmpeg, prepared
at once, a YouTube explainer behind its facade, and a series of three episodes."""

import logging
import tempfile
from pathlib import Path

from django.core.files import File

from .actions import request_preparation
from .ffmpeg import FFMPEG, FFPROBE, render_test_pattern
from .models import SeriesPage, VideoPage
from .processing import prepare_upload
from .validators import scratch_dir

logger = logging.getLogger(__name__)

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
CLIP_SECONDS = 6
CLIP_SIZE = "480x270"
EXPLAINER_LINK = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"

CONTENT = {
    "en": {
        "clips": [
            ("Floodwater closes coastal road after overnight rain",
             "Heavy rain flooded the coastal road before dawn; crews expect to reopen "
             "it by the evening.", "news"),
            ("Inside the workshop restoring the old city's wooden doors",
             "Carpenters are rebuilding carved doors piece by piece, using the "
             "methods of the craftsmen who first made them.", "feature"),
        ],
        "explainer": ("Explained: how a country's inflation rate is measured",
                      "What goes into the basket of prices, and why the headline "
                      "figure can differ from what households feel."),
        "series": ("The Week in Review",
                   "Our correspondents look back at the stories that shaped the week."),
        "episode": "The Week in Review, episode {number}",
        "episode_summary": "The week's main stories from the region, with our "
                           "correspondents in the field (episode {number}).",
    },
    "ar": {
        "clips": [
            ("مياه الفيضانات تغلق الطريق الساحلي بعد أمطار ليلية",
             "غمرت أمطار غزيرة الطريق الساحلي قبل الفجر، وتتوقع فرق الصيانة إعادة "
             "فتحه مساءً.", "news"),
            ("داخل الورشة التي ترمم الأبواب الخشبية في المدينة القديمة",
             "يعيد النجارون بناء الأبواب المنقوشة قطعة قطعة، بأساليب الحرفيين الذين "
             "صنعوها أول مرة.", "feature"),
        ],
        "explainer": ("شرح: كيف يُقاس معدل التضخم في بلد ما",
                      "ما الذي تضمه سلة الأسعار، ولماذا قد يختلف الرقم المعلن عما "
                      "تشعر به الأسر."),
        "series": ("حصاد الأسبوع",
                   "مراسلونا يستعرضون الأحداث التي صنعت أخبار الأسبوع."),
        "episode": "حصاد الأسبوع، الحلقة {number}",
        "episode_summary": "أبرز أخبار الأسبوع في المنطقة مع مراسلينا في الميدان "
                           "(الحلقة {number}).",
    },
    "es": {
        "clips": [
            ("Las inundaciones cierran la carretera costera tras la lluvia nocturna",
             "Las fuertes lluvias anegaron la carretera costera antes del amanecer; "
             "los equipos prevén reabrirla por la tarde.", "news"),
            ("En el taller que restaura las puertas de madera del casco antiguo",
             "Los carpinteros reconstruyen pieza a pieza las puertas talladas con los "
             "métodos de los artesanos que las hicieron.", "feature"),
        ],
        "explainer": ("Explicado: cómo se mide la inflación de un país",
                      "Qué entra en la cesta de precios y por qué la cifra oficial "
                      "puede diferir de lo que perciben los hogares."),
        "series": ("La semana en resumen",
                   "Nuestros corresponsales repasan las noticias que marcaron "
                   "la semana."),
        "episode": "La semana en resumen, episodio {number}",
        "episode_summary": "Las principales noticias de la semana en la región, con "
                           "nuestros corresponsales sobre el terreno "
                           "(episodio {number}).",
    },
}  # fmt: skip


def build_demo_videos(home, section, language_code: str, pictures: list) -> list:
    """Create and publish the edition's demo videos under `section`; `pictures`
    (existing images) give the explainer and the series their posters."""
    content = CONTENT.get(language_code, CONTENT["en"])
    made = [
        _uploaded_video(section, title, summary, kind=kind)
        for title, summary, kind in content["clips"]
    ]
    explainer_title, explainer_summary = content["explainer"]
    made.append(
        _publish(
            section,
            VideoPage(
                title=explainer_title, summary_text=explainer_summary,
                kind="explainer", video_link=EXPLAINER_LINK, duration=596,
                **_poster(pictures, 0),
            ),
        )
    )  # fmt: skip
    series_title, series_intro = content["series"]
    series = _publish(
        section,
        SeriesPage(
            title=series_title, intro=series_intro, kind="tv", **_poster(pictures, 1)
        ),
    )
    made.append(series)
    made.extend(
        _uploaded_video(
            series,
            content["episode"].format(number=number),
            content["episode_summary"].format(number=number),
            kind="tv_episode",
            episode_number=number,
        )
        for number in (1, 2, 3)
    )
    return made


def _poster(pictures: list, index: int) -> dict:
    if not pictures:
        return {}
    picture = pictures[index % len(pictures)]
    return {
        "lead_image": picture,
        "lead_image_alt": picture.description or picture.title,
    }


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish(skip_permission_checks=True)
    return page


def can_encode() -> bool:
    return Path(FFMPEG).exists() and Path(FFPROBE).exists()


def _uploaded_video(parent, title: str, summary: str, **fields) -> VideoPage:
    if not can_encode():
        # A machine without Debian's ffmpeg still gets a playable demo: the clip
        # plays from the explainer's link instead of a file made here.
        logger.warning("ffmpeg not found: demo video %r plays from a link", title)
        return _publish(
            parent,
            VideoPage(
                title=title, summary_text=summary, video_link=EXPLAINER_LINK,
                duration=596, **fields,
            ),
        )  # fmt: skip
    with tempfile.TemporaryDirectory(dir=scratch_dir()) as work:
        clip = Path(work) / "clip.mkv"
        caption = Path(work) / "title.txt"
        caption.write_text(title[:60], encoding="utf-8")
        font = FONT if FONT.exists() else None
        render_test_pattern(
            clip, seconds=CLIP_SECONDS, size=CLIP_SIZE, caption_file=caption, font=font
        )
        with clip.open("rb") as handle:
            page = VideoPage(
                title=title, summary_text=summary,
                source_file=File(handle, name="demo-clip.mkv"), **fields,
            )  # fmt: skip
            parent.add_child(instance=page)
    page.save_revision().publish(skip_permission_checks=True)
    # Prepared now rather than by the worker, so the demo plays at once.
    request_preparation(page.source_file.name)
    prepare_upload(page.source_file.name)
    return page
