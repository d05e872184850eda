import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from masthead.wires import parsers
from masthead.wires.models import WireFormat, WireSource, WireStatus

pytestmark = pytest.mark.django_db


def test_the_formats_are_the_parsers():
    assert tuple(WireFormat.values) == parsers.FORMATS
    assert set(WireStatus.values) == set(parsers.STATUSES)


def source(**fields) -> WireSource:
    return WireSource(name="Feed", locale=Locale.get_default(), **fields)


def test_the_poll_interval_defaults_to_the_setting(settings, home):
    settings.MASTHEAD_WIRE_POLL_SECONDS = 45
    assert source().poll_interval == 45


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://wires.example.com/feed", "Only http:// and https://"),
        ("https://user:pw@wires.example.com/", "no user name or password"),
        ("https://other.example.com/feed", "not in MASTHEAD_WIRE_HOSTS"),
        ("", "Give the feed's address."),
    ],
)
def test_an_address_must_be_on_an_allowed_host(settings, home, url, message):
    settings.MASTHEAD_WIRE_HOSTS = ["wires.example.com"]
    with pytest.raises(ValidationError, match=message):
        source(transport="http", url=url).clean()


def test_an_allowed_host_may_be_limited_to_a_port(settings, home):
    settings.MASTHEAD_WIRE_HOSTS = ["wires.example.com:8443"]
    source(transport="http", url="https://wires.example.com:8443/feed").clean()
    with pytest.raises(ValidationError):
        source(transport="http", url="https://wires.example.com/feed").clean()


def test_without_allowed_hosts_the_message_says_so(settings, home):
    settings.MASTHEAD_WIRE_HOSTS = []
    with pytest.raises(ValidationError, match="which is empty"):
        source(transport="http", url="https://wires.example.com/feed").clean()


def test_a_folder_is_normalised_and_the_address_cleared(home):
    feed = source(transport="folder", folder="afp/en/", url="https://x.example/")
    feed.clean()
    assert (feed.folder, feed.url) == ("afp/en", "")


@pytest.mark.parametrize("folder", ["/srv/wires", "a/../b", "..", ".done", "C:\\x"])
def test_a_folder_must_stay_inside_the_drop_root(home, folder):
    with pytest.raises(ValidationError):
        source(transport="folder", folder=folder).clean()
