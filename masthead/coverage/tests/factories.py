import factory
import wagtail_factories

from masthead.coverage.models import CoverageIndexPage, CoveragePage


class CoverageIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoverageIndexPage

    title = "Coverage"
    slug = "coverage"


class CoveragePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoveragePage

    title = factory.Sequence(lambda n: f"Ongoing story {n}")
    intro = "Every development as it happens."
