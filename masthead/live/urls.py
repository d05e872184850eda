from django.urls import path

from . import views

app_name = "live"

urlpatterns = [
    path("<int:page_id>/entries.json", views.entries, name="entries"),
]
