"""What machines read about an article: canonical URL, social cards, JSON-LD."""

from dataclasses import dataclass

from django.utils.translation import get_language

from masthead.common.absolute import absolute_url
from masthead.common.structured_data import publisher
from masthead.media.renditions import SOCIAL_SPECS

from .kinds import ArticleKind

SCHEMA_TYPES = {
    ArticleKind.NEWS: "ReportageNewsArticle",
    ArticleKind.OPINION: "OpinionNewsArticle",
    ArticleKind.ANALYSIS: "AnalysisNewsArticle",
    ArticleKind.BLOG: "NewsArticle",
    ArticleKind.FEATURE: "NewsArticle",
}


@dataclass
class SocialImage:
    url: str
    width: int
    height: int


@dataclass
class ArticleMetadata:
    canonical_url: str
    images: list[SocialImage]
    json_ld: list[dict]

    @property
    def card_image(self) -> SocialImage | None:
        return self.images[0] if self.images else None


def build_metadata(page, request, *, home, section, authors, tags,
                   trail, corrections, author_urls) -> ArticleMetadata:  # fmt: skip
    canonical = absolute_url(page.get_url(request))
    images = []
    if page.lead_image:
        renditions = page.lead_image.get_renditions(*SOCIAL_SPECS)
        images = [
            SocialImage(absolute_url(r.url), r.width, r.height)
            for r in (renditions[spec] for spec in SOCIAL_SPECS)
        ]
    published = page.first_published_at
    modified = page.significant_update_at or published
    site_name = home.site_name if home else ""
    article = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(page.kind, "NewsArticle"),
        "headline": page.title[:110],
        "description": page.standfirst,
        "image": [image.url for image in images],
        "datePublished": published.isoformat() if published else None,
        "dateModified": modified.isoformat() if modified else None,
        "author": [
            {
                "@type": "Organization" if author.is_desk else "Person",
                "name": author.name,
                **(
                    {"url": absolute_url(author_urls[author.pk])}
                    if author_urls.get(author.pk)
                    else {}
                ),
            }
            for author in authors
        ],
        "publisher": publisher(home),
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "url": canonical,
        "articleSection": section.title if section else None,
        "keywords": [tag.name for tag in tags],
        "inLanguage": get_language(),
        "wordCount": page.word_count,
    }
    if corrections:
        article["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": correction.text,
                "datePublished": correction.noted_at.isoformat(),
            }
            for correction in corrections
        ]
    article = {key: value for key, value in article.items() if value not in (None, [])}
    crumbs = [*trail, page]
    breadcrumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": site_name if position == 1 else crumb.title,
                "item": absolute_url(crumb.get_url(request)),
            }
            for position, crumb in enumerate(crumbs, start=1)
        ],
    }
    return ArticleMetadata(canonical, images, [article, breadcrumbs])
