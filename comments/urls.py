from django.urls import path

from . import feeds, views

app_name = "comments"

urlpatterns = [
    path("policy/", views.PolicyView.as_view(), name="policy"),
    path("comments/<int:pk>/report/", views.ReportCommentView.as_view(), name="report"),
    path("feeds/comments/", feeds.LatestCommentsFeed(), name="feed"),
    path("feeds/comments/<int:pk>/", feeds.PostCommentsFeed(), name="post-feed"),
]
