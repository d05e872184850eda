from django.urls import path

from . import admin_views

app_name = "listen"
urlpatterns = [
    path("", admin_views.AudioListView.as_view(), name="index"),
    path("<int:page_id>/", admin_views.StoryAudioView.as_view(), name="story"),
]
