"""What a page tells machines in its <head> and listings: feeds, the edition's
search, structured data. Built from the template context, at no query."""

from django import template
from django.conf import settings

from masthead.front.chrome import chrome_for

from .. import jsonld
from ..links import HeadLink, edition_language, head_links

register = template.Library()


@register.simple_tag(takes_context=True)
def syndication_links(context) -> list[HeadLink]:
    home = chrome_for(context.get("request"), context.get("page")).home
    return head_links(context, home)


@register.simple_tag(takes_context=True)
def listing_json_ld(context) -> list[dict]:
    return jsonld.for_listing(context, edition_language() or settings.LANGUAGE_CODE)
