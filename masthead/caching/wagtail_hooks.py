from wagtail import hooks

from . import keys


@hooks.register("before_serve_page")
def record_served_page(page, request, serve_args, serve_kwargs):
    keys.add(keys.page(page.pk))
