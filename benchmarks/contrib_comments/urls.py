"""The article page, django_comments' own URLs (its form posts to them), /bench/fixed/ and
/healthz."""

from django.urls import include, path

from benchmarks.fixed_page import fixed_page

from . import views

urlpatterns = [
    path("articles/<slug:slug>/", views.article_detail, name="article"),
    path("comments/", include("django_comments.urls")),
    path("bench/fixed/", fixed_page),
    path("healthz", views.healthz),
]
