"""Reading the view beacon: its body, and whether the sender is a person's browser.

The body is what `beacon.js` sends, form-encoded: `article=<page id>&token=<random
string made fresh for each page load>`. Anything else is refused before it reaches
the database.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl

# A beacon body is about 60 bytes; anything much longer is not one.
MAX_BODY_BYTES = 256
# Page ids are 32-bit; a longer number cannot name a page.
MAX_PAGE_ID = 2**31 - 1
TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
ARTICLE_ID = re.compile(r"[1-9][0-9]{0,18}")

# Crawlers, link previews, monitors, audits and scripted clients. Matching is
# case-insensitive on the User-Agent; a browser that sends none is not counted
# either.
BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|preview|headless|lighthouse|pagespeed|ptst|"
    r"curl|wget|python-requests|python-urllib|aiohttp|httpx|go-http-client|"
    r"okhttp|java/|libwww|scrapy|axios|node-fetch|undici|phantomjs|"
    r"facebookexternalhit|embedly|whatsapp|"
    r"feedfetcher|mediapartners|apis-google|google-inspectiontool|googleother|"
    r"pingdom|uptime|monitor|statuscake|validator|checker|archiver",
    re.IGNORECASE,
)


class MalformedBeacon(ValueError):
    """The body is not a beacon; the reason is safe to show the sender."""


@dataclass(frozen=True)
class Beacon:
    article_id: int
    token: str

    @property
    def may_name_a_page(self) -> bool:
        return self.article_id <= MAX_PAGE_ID


def parse_beacon(body: bytes) -> Beacon:
    """The beacon in `body`, or MalformedBeacon saying what is wrong."""
    if len(body) > MAX_BODY_BYTES:
        raise MalformedBeacon("The body is too long.")
    try:
        text = body.decode("ascii")
        fields = parse_qsl(text, keep_blank_values=True, strict_parsing=True)
    except (UnicodeDecodeError, ValueError) as error:
        raise MalformedBeacon("The body is not form-encoded ASCII.") from error
    names = [name for name, _value in fields]
    if sorted(names) != ["article", "token"]:
        raise MalformedBeacon("Send exactly one `article` and one `token`.")
    values = dict(fields)
    if not ARTICLE_ID.fullmatch(values["article"]):
        raise MalformedBeacon("`article` must be a positive whole number.")
    if not TOKEN.fullmatch(values["token"]):
        raise MalformedBeacon("`token` must be 16 to 64 letters, digits, - or _.")
    return Beacon(article_id=int(values["article"]), token=values["token"])


def is_bot(user_agent: str) -> bool:
    return not user_agent.strip() or bool(BOT_USER_AGENT.search(user_agent))
