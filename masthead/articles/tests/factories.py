import factory
import wagtail_factories
from django.utils import timezone
from wagtail.rich_text import RichText

from masthead.articles.models import ArticleAuthor, ArticlePage
from masthead.authors.tests.factories import AuthorFactory


def paragraphs(*texts: str) -> list[tuple[str, RichText]]:
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in texts]


class ArticlePageFactory(wagtail_factories.PageFactory):
    """A published article. Pass `parent=` a section and `authors=[…]` if needed."""

    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Ministers meet for talks, round {n}")
    standfirst = (
        "Ministers from both countries met on Monday to discuss trade and security."
    )
    kind = "news"
    source = "Agencies"
    first_published_at = factory.LazyFunction(timezone.now)
    body = factory.LazyFunction(
        lambda: paragraphs(
            "The talks opened in the capital on Monday morning.",
            "Officials said the meeting covered trade, energy and security.",
        )
    )

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        authors = extracted if extracted is not None else [AuthorFactory()]
        self.authors = [
            ArticleAuthor(author=author, sort_order=order)
            for order, author in enumerate(authors)
        ]
        if create:
            self.save_revision().publish(skip_permission_checks=True)
