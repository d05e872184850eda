from django.urls import path
from wagtail import hooks

from .admin_views import prepare_again


@hooks.register("register_admin_urls")
def register_video_admin_urls():
    return [path("video/<int:page_id>/prepare/", prepare_again, name="video_prepare")]
