from django import template

from ..hubs import hubs_with_latest

register = template.Library()


@register.inclusion_tag("coverage/article_hubs.html", takes_context=True)
def article_coverage(context, article):
    return {"request": context.get("request"), "hubs": hubs_with_latest(article)}
