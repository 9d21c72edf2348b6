from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("policy/", views.PolicyView.as_view(), name="policy"),
    path("comments/<int:pk>/report/", views.ReportCommentView.as_view(), name="report"),
]
