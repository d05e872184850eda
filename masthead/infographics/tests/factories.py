import factory
import wagtail_factories

from masthead.infographics.models import InfographicPage
from masthead.media.tests.factories import ImageFactory


class GraphicFactory(ImageFactory):
    title = factory.Sequence(lambda n: f"Chart {n}")
    description = ""
    credit = "Data desk"
    default_caption = "Rainfall by month."
    file = factory.django.ImageField(
        width=480, height=300, color="white", format="PNG", filename="chart.png"
    )


class InfographicPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = InfographicPage

    title = factory.Sequence(lambda n: f"Infographic {n}")
    standfirst = "Rain fell mostly in the winter months, the weather service says."
    graphic = factory.SubFactory(GraphicFactory)
    graphic_alt = "Bar chart of monthly rainfall in 2024"
    text_alternative = (
        "<p>Rainfall in 2024, by month:</p>"
        "<ul><li>January: 80 mm</li><li>February: 62 mm</li></ul>"
    )
