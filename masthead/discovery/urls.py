from django.urls import path

from . import views

app_name = "discovery"

urlpatterns = [
    path("views/", views.record_view, name="record-view"),
]
