"""Demo galleries for one edition, made from pictures the demo already has."""

from itertools import cycle, islice

from .models import GalleryPage, GalleryPicture

DAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
           "Sunday"],
    "ar": ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"],
    "es": ["Lunes", "Martes", "Miércoles", "Jueves", "Viernes", "Sábado", "Domingo"],
}  # fmt: skip

GALLERIES = {
    "en": [
        {
            "slug": "the-week-in-pictures",
            "title": "The week in pictures",
            "standfirst": "Seven days of news seen through the lenses of our "
            "photographers and the agencies we work with.",
            "caption": "{day}: one of the scenes our photographers recorded on "
            "assignment, chosen by the photo desk for this week's selection.",
            "count": 7,
        },
        {
            "slug": "photographers-choice",
            "title": "Photographers' choice: the month's most striking frames",
            "standfirst": "Each of our photographers picked the one picture of "
            "the month they would keep. These are their choices.",
            "caption": "Frame {number} of {total}, picked by the photographer who "
            "took it as the image of the month they would keep.",
            "count": 9,
        },
    ],
    "ar": [
        {
            "slug": "الأسبوع-بالصور",
            "title": "الأسبوع بالصور",
            "standfirst": "سبعة أيام من الأخبار بعدسات مصورينا ومصوري الوكالات "
            "التي نتعاون معها.",
            "caption": "{day}: من المشاهد التي وثّقها مصورونا خلال عملهم الميداني، "
            "اختارها قسم التصوير ضمن مختارات هذا الأسبوع.",
            "count": 7,
        },
        {
            "slug": "اختيار-المصورين",
            "title": "اختيار المصورين: أبرز لقطات الشهر",
            "standfirst": "اختار كل مصور من مصورينا صورة واحدة من عمله هذا الشهر "
            "يرى أنها الأجدر بالبقاء. هذه اختياراتهم.",
            "caption": "اللقطة {number} من {total}، اختارها المصور الذي التقطها "
            "بوصفها صورة الشهر التي يودّ الاحتفاظ بها.",
            "count": 9,
        },
    ],
    "es": [
        {
            "slug": "la-semana-en-imagenes",
            "title": "La semana en imágenes",
            "standfirst": "Siete días de noticias vistos por el objetivo de "
            "nuestros fotógrafos y de las agencias con las que trabajamos.",
            "caption": "{day}: una de las escenas que nuestros fotógrafos "
            "registraron en su trabajo, elegida por la mesa de fotografía para "
            "la selección de esta semana.",
            "count": 7,
        },
        {
            "slug": "la-eleccion-de-los-fotografos",
            "title": "La elección de los fotógrafos: las imágenes del mes",
            "standfirst": "Cada uno de nuestros fotógrafos eligió la única "
            "imagen del mes que conservaría. Estas son sus elecciones.",
            "caption": "Imagen {number} de {total}, elegida por el fotógrafo que "
            "la tomó como la foto del mes que conservaría.",
            "count": 9,
        },
    ],
}


def build_demo_galleries(home, section, language_code, pictures) -> list[GalleryPage]:
    """Two published galleries under `section` in the edition's language, reusing
    `pictures` (CustomImage objects with descriptions); existing ones are kept."""
    if not pictures:
        return []
    made = []
    entries = GALLERIES.get(language_code, GALLERIES["en"])
    days = DAYS.get(language_code, DAYS["en"])
    for offset, entry in enumerate(entries):
        existing = GalleryPage.objects.child_of(section).filter(slug=entry["slug"])
        if existing.exists():
            made.append(existing.get())
            continue
        # Each gallery starts further along the list, so the two differ.
        chosen = list(islice(cycle(pictures[offset * 3 :] + pictures[: offset * 3]),
                             entry["count"]))  # fmt: skip
        total = len(chosen)
        page = GalleryPage(
            title=entry["title"],
            slug=entry["slug"],
            standfirst=entry["standfirst"],
            lead_image=chosen[0],
            locale=section.locale,
            pictures=[
                GalleryPicture(
                    image=image,
                    sort_order=number,
                    caption=entry["caption"].format(
                        day=days[number % len(days)], number=number + 1, total=total
                    ),
                )
                for number, image in enumerate(chosen)
            ],
        )
        section.add_child(instance=page)
        page.save_revision().publish(skip_permission_checks=True)
        made.append(page)
    return made
