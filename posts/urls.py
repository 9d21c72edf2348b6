from django.urls import path

from . import feeds, views

app_name = "posts"

urlpatterns = [
    path("", views.PostIndexView.as_view(), name="index"),
    path("<yyyy:year>/", views.PostYearArchiveView.as_view(), name="year"),
    path("<yyyy:year>/<mm:month>/", views.PostMonthArchiveView.as_view(), name="month"),
    path("<yyyy:year>/<mm:month>/<slug:slug>/", views.PostDetailView.as_view(), name="detail"),
    path("label/<slug:slug>/", views.LabelView.as_view(), name="label"),
    path("pages/<slug:slug>/", views.PageDetailView.as_view(), name="page"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("feeds/posts/", feeds.LatestPostsFeed(), name="feed"),
    path("feeds/label/<slug:slug>/", feeds.LabelFeed(), name="label-feed"),
]
