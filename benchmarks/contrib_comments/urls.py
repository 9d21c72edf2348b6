"""The article page, django_comments' own URLs (its form posts to them), /bench/fixed/ and
/healthz."""

from django.urls import include, path

from . import views

urlpatterns = [
    path("articles/<slug:slug>/", views.article_detail, name="article"),
    path("comments/", include("django_comments.urls")),
    path("bench/fixed/", views.fixed_page),
    path("healthz", views.healthz),
]
