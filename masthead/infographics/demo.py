"""A demo infographic for one edition: a bar chart drawn with Pillow, stored as a
library image, with its figures written out as the text version."""

import hashlib
import io

from django.core.files.images import ImageFile
from django.utils.html import escape

from masthead.media.models import CustomImage

from .chart import Chart, draw_bar_chart
from .models import InfographicPage

FIGURES = [78, 71, 92, 64, 55]  # households with broadband, per cent
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

CONTENT = {
    "en": {
        "slug": "broadband-by-region",
        "title": "Broadband reaches nine in ten homes in the capital, half in the "
        "interior",
        "standfirst": "The share of households with a fixed broadband connection "
        "still varies widely between regions, a household survey shows.",
        "regions": ["North", "Coast", "Capital", "South", "Interior"],
        "chart_title": "Households with fixed broadband, 2024",
        "axis": "Share of households, per cent",
        "source": "Source: household survey, 2024 (illustrative figures)",
        "alt": "Bar chart of the share of households with fixed broadband in five "
        "regions in 2024",
        "intro": "Share of households with a fixed broadband connection in 2024, "
        "by region:",
        "item": "{region}: {value}%",
        "outro": "The capital leads with 92%; the interior trails at 55%, a gap of "
        "37 percentage points.",
        "caption": "Fixed broadband connections by region.",
        "credit": "Data desk",
    },
    "ar": {
        "slug": "الإنترنت-السريع-حسب-المنطقة",
        "title": "الإنترنت السريع يصل إلى تسعة من كل عشرة منازل في العاصمة ونصفها في "
        "الداخل",
        "standfirst": "لا تزال نسبة الأسر المشتركة في خدمة الإنترنت الثابت السريع "
        "تتفاوت كثيراً بين المناطق، بحسب مسح للأسر.",
        "regions": ["الشمال", "الساحل", "العاصمة", "الجنوب", "الداخل"],
        "chart_title": "الأسر المشتركة في الإنترنت الثابت السريع، ٢٠٢٤",
        "axis": "نسبة الأسر بالمئة",
        "source": "المصدر مسح الأسر لعام ٢٠٢٤، والأرقام توضيحية",
        "alt": "رسم بياني بالأعمدة لنسبة الأسر المشتركة في الإنترنت الثابت السريع في "
        "خمس مناطق عام ٢٠٢٤",
        "intro": "نسبة الأسر المشتركة في خدمة الإنترنت الثابت السريع عام ٢٠٢٤ حسب "
        "المنطقة:",
        "item": "{region}: {value}٪",
        "outro": "تتصدر العاصمة بنسبة ٩٢٪، وتأتي المناطق الداخلية أخيراً بنسبة ٥٥٪، "
        "بفارق ٣٧ نقطة مئوية.",
        "caption": "اشتراكات الإنترنت الثابت السريع حسب المنطقة.",
        "credit": "قسم البيانات",
    },
    "es": {
        "slug": "banda-ancha-por-region",
        "title": "La banda ancha llega a nueve de cada diez hogares en la capital y "
        "a la mitad en el interior",
        "standfirst": "La proporción de hogares con conexión fija de banda ancha "
        "sigue variando mucho entre regiones, según una encuesta de hogares.",
        "regions": ["Norte", "Costa", "Capital", "Sur", "Interior"],
        "chart_title": "Hogares con banda ancha fija, 2024",
        "axis": "Porcentaje de hogares",
        "source": "Fuente: encuesta de hogares, 2024 (cifras ilustrativas)",
        "alt": "Gráfico de barras del porcentaje de hogares con banda ancha fija en "
        "cinco regiones en 2024",
        "intro": "Porcentaje de hogares con conexión fija de banda ancha en 2024, "
        "por región:",
        "item": "{region}: {value} %",
        "outro": "La capital encabeza la lista con un 92 %; el interior queda "
        "último con un 55 %, una diferencia de 37 puntos porcentuales.",
        "caption": "Conexiones fijas de banda ancha por región.",
        "credit": "Mesa de datos",
    },
}


def _graphic(content: dict, language_code: str) -> CustomImage:
    title = content["chart_title"]
    existing = CustomImage.objects.filter(title=title).first()
    if existing is not None:
        return existing
    chart = Chart(
        title=title,
        axis_label=content["axis"],
        source=content["source"],
        bars=list(zip(content["regions"], FIGURES, strict=True)),
        right_to_left=language_code == "ar",
        digits=ARABIC_DIGITS if language_code == "ar" else None,
    )
    digest = hashlib.sha256(title.encode()).hexdigest()[:12]
    image = CustomImage(
        title=title,
        description=content["alt"],
        credit=content["credit"],
        default_caption=content["caption"],
    )
    image.file = ImageFile(
        io.BytesIO(draw_bar_chart(chart)), name=f"chart-{digest}.png"
    )
    image.save()
    return image


def _text_version(content: dict, language_code: str) -> str:
    digits = ARABIC_DIGITS if language_code == "ar" else {}
    items = "".join(
        "<li>"
        + escape(
            content["item"].format(region=region, value=str(value).translate(digits))
        )
        + "</li>"
        for region, value in zip(content["regions"], FIGURES, strict=True)
    )
    return (
        f"<p>{escape(content['intro'])}</p><ul>{items}</ul>"
        f"<p>{escape(content['outro'])}</p><p>{escape(content['source'])}</p>"
    )


def build_demo_infographics(home, section, language_code, pictures):
    """One published infographic under `section` in the edition's language; the
    chart is drawn here, so `pictures` is not needed. Kept if it exists."""
    content = CONTENT.get(language_code, CONTENT["en"])
    existing = InfographicPage.objects.child_of(section).filter(slug=content["slug"])
    if existing.exists():
        return [existing.get()]
    graphic = _graphic(content, language_code)
    page = InfographicPage(
        title=content["title"],
        slug=content["slug"],
        standfirst=content["standfirst"],
        graphic=graphic,
        graphic_alt=content["alt"],
        text_alternative=_text_version(content, language_code),
        locale=section.locale,
    )
    section.add_child(instance=page)
    page.save_revision().publish(skip_permission_checks=True)
    return [page]
