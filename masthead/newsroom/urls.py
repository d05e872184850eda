from django.urls import path

from . import admin_views

app_name = "newsroom"
urlpatterns = [
    path("embargo/<int:page_id>/", admin_views.EmbargoView.as_view(), name="embargo"),
    path(
        "translate/",
        admin_views.StoriesToTranslateView.as_view(),
        name="to_translate",
    ),
    path(
        "translate/<int:page_id>/",
        admin_views.TranslateIntoEditionView.as_view(),
        name="translate",
    ),
]
