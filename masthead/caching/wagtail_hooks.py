from wagtail import hooks

from . import keys
from .pages import cache_keys_for


@hooks.register("before_serve_page")
def record_served_page(page, request, serve_args, serve_kwargs):
    keys.add(*cache_keys_for(page))
