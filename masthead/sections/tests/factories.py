import factory
import wagtail_factories

from masthead.sections.models import SectionPage


class SectionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SectionPage

    title = factory.Sequence(lambda n: f"Section {n}")
    show_in_menus = True
