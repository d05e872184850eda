from django.urls import path

from . import views

app_name = "breaking"

urlpatterns = [
    path("live.json", views.live_items, name="live"),
]
