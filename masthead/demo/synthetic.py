"""A synthetic corpus of published stories, for load tests and benchmarks.

`masthead generate-articles 100000` must finish in minutes, so stories are not
made one by one through Wagtail (a revision, a publish, search indexing and tree
bookkeeping each). Rows are inserted in batches instead: the page rows with
treebeard paths computed here under existing sections, then the article rows
(Django cannot bulk-create multi-table models, so they are inserted with the page
ids), then bylines, tags and regions. The stories are live but have no revisions
and are not in the search index; `masthead update_index` indexes them.

Synthetic stories are marked by their slug prefix and source, and
`delete_synthetic_articles` removes exactly those.
"""

import random
import secrets
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import escape
from taggit.models import Tag
from wagtail.models import Page

from masthead.articles.models import ArticleAuthor, ArticlePage, ArticlePageTag
from masthead.authors.models import Author
from masthead.front.models import HomePage
from masthead.media.models import CustomImage
from masthead.regions.models import Region
from masthead.sections.models import SectionPage

SLUG_PREFIX = "synthetic-"
SOURCE = "Synthetic corpus"
BATCH_SIZE = 5_000
DELETE_BATCH_SIZE = 1_000
TOPICS = 40  # distinct tags the corpus spreads over

VOCABULARY = """
    minister talks ceasefire border election parliament budget trade energy harbour
    summit drought harvest protest court ruling vote coalition envoy embassy
    sanctions convoy aid hospital school river bridge market currency inflation
    exports pipeline refinery port railway airport storm flood earthquake vaccine
    clinic stadium festival museum archive negotiations delegation agreement
    statement reform council mayor governor region city village capital coast
    desert mountain valley province district ministry
"""
WORDS = VOCABULARY.split()

Progress = Callable[[str], None]


class CorpusError(Exception):
    """The database has nothing to hang synthetic stories on."""


@dataclass
class Newsroom:
    home: HomePage
    sections: list[SectionPage]
    author_ids: list[int]
    image_ids: list[int | None]
    region_ids: list[int]
    tag_ids: list[int]


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = rng.choices(WORDS, k=rng.randint(low, high))
    return " ".join(words).capitalize()


def _newsroom(language_code: str) -> Newsroom:
    home = HomePage.objects.filter(locale__language_code=language_code).first()
    if home is None:
        raise CorpusError(f"No {language_code!r} edition: run `masthead demo-data`.")
    sections = list(SectionPage.objects.descendant_of(home).order_by("path"))
    if not sections:
        raise CorpusError("The edition has no sections: run `masthead demo-data`.")
    author_ids = list(
        Author.objects.filter(locale_id=home.locale_id).values_list("pk", flat=True)
    )
    if not author_ids:
        desk = Author.objects.create(
            locale_id=home.locale_id,
            name="Synthetic desk",
            slug=f"{SLUG_PREFIX}desk",
            is_desk=True,
        )
        author_ids = [desk.pk]
    # The pictures stories already lead with, or else any in the library.
    image_ids = list(
        ArticlePage.objects.filter(lead_image__isnull=False)
        .values_list("lead_image_id", flat=True)
        .distinct()[:50]
    ) or list(CustomImage.objects.values_list("pk", flat=True)[:50])
    tag_ids = [
        Tag.objects.get_or_create(
            slug=f"{SLUG_PREFIX}topic-{number}",
            defaults={"name": f"Synthetic topic {number}"},
        )[0].pk
        for number in range(TOPICS)
    ]
    return Newsroom(
        home=home,
        sections=sections,
        author_ids=author_ids,
        image_ids=image_ids or [None],
        region_ids=list(
            Region.objects.filter(locale_id=home.locale_id).values_list("pk", flat=True)
        ),
        tag_ids=tag_ids,
    )


def _next_steps(sections: list[SectionPage]) -> dict[int, int]:
    """For each section, the number of the next child position in the tree."""
    steps = {}
    for section in sections:
        last = (
            Page.objects.filter(path__startswith=section.path, depth=section.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        steps[section.pk] = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
    return steps


def _body(rng: random.Random) -> list[dict]:
    return [
        {
            "type": "paragraph",
            "value": f"<p>{escape(_sentence(rng, 35, 60))}.</p>",
            "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        }
        for _ in range(3)
    ]


def _insert_articles(articles: list[ArticlePage]) -> None:
    """Insert the article table's rows only: their page rows already exist."""
    fields = ArticlePage._meta.local_concrete_fields
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(ArticlePage._meta.db_table)
    rows = [
        [
            field.get_db_prep_save(field.pre_save(article, add=True), connection)
            for field in fields
        ]
        for article in articles
    ]
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({placeholders})",  # noqa: S608 (names from the model)
            rows,
        )


def _batch(newsroom, steps, rng, run, start, size, now, years) -> Counter:
    content_type_id = ContentType.objects.get_for_model(ArticlePage).pk
    added: Counter = Counter()
    pages, articles = [], []
    for number in range(start, start + size):
        section = newsroom.sections[number % len(newsroom.sections)]
        step = steps[section.pk]
        steps[section.pk] += 1
        added[section.pk] += 1
        slug = f"{SLUG_PREFIX}{run}-{number}"
        title = _sentence(rng, 6, 10)
        published = now - timedelta(seconds=rng.uniform(0, years * 365 * 86_400))
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                path=Page._get_path(section.path, section.depth + 1, step),
                depth=section.depth + 1,
                numchild=0,
                url_path=f"{section.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                content_type_id=content_type_id,
                locale_id=newsroom.home.locale_id,
                translation_key=uuid.uuid4(),
                show_in_menus=False,
            )
        )
    Page.objects.bulk_create(pages)
    for page in pages:
        body = _body(rng)
        articles.append(
            ArticlePage(
                page_ptr_id=page.pk,
                standfirst=_sentence(rng, 15, 25) + ".",
                kind="news",
                source=SOURCE,
                lead_image_id=rng.choice(newsroom.image_ids),
                body=body,
                word_count=sum(len(block["value"].split()) for block in body),
            )
        )
    _insert_articles(articles)
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(page_id=page.pk, author_id=rng.choice(newsroom.author_ids))
        for page in pages
    )
    ArticlePageTag.objects.bulk_create(
        ArticlePageTag(content_object_id=page.pk, tag_id=tag_id)
        for page in pages
        for tag_id in rng.sample(newsroom.tag_ids, 2)
    )
    if newsroom.region_ids:
        through = ArticlePage.regions.through
        through.objects.bulk_create(
            through(articlepage_id=page.pk, region_id=rng.choice(newsroom.region_ids))
            for page in pages
        )
    return added


def generate_articles(
    count: int,
    *,
    language_code: str = "en",
    years: int = 5,
    seed: int | None = None,
    progress: Progress = lambda message: None,
) -> int:
    """Create `count` published stories spread over the last `years` years."""
    newsroom = _newsroom(language_code)
    steps = _next_steps(newsroom.sections)
    rng = random.Random(seed)
    run = secrets.token_hex(3)
    now = timezone.now()
    done = 0
    while done < count:
        size = min(BATCH_SIZE, count - done)
        with transaction.atomic():
            added = _batch(newsroom, steps, rng, run, done, size, now, years)
            for section_id, number in added.items():
                Page.objects.filter(pk=section_id).update(
                    numchild=F("numchild") + number
                )
        done += size
        progress(f"{done:,}/{count:,} articles")
    return done


def synthetic_articles():
    return ArticlePage.objects.filter(slug__startswith=SLUG_PREFIX, source=SOURCE)


def delete_synthetic_articles(progress: Progress = lambda message: None) -> int:
    """Remove every synthetic story, a batch at a time, through Django's deletion
    (so whatever refers to a story goes with it) and the tree's bookkeeping."""
    total = synthetic_articles().count()
    deleted = 0
    while True:
        batch = list(
            synthetic_articles().values_list("pk", flat=True)[:DELETE_BATCH_SIZE]
        )
        if not batch:
            break
        with transaction.atomic():
            Page.objects.filter(pk__in=batch).delete()
        deleted += len(batch)
        progress(f"{deleted:,}/{total:,} articles deleted")
    Tag.objects.filter(slug__startswith=SLUG_PREFIX).exclude(
        pk__in=ArticlePageTag.objects.values("tag_id")
    ).delete()
    Author.objects.filter(slug__startswith=SLUG_PREFIX, bylines=None).delete()
    return deleted
