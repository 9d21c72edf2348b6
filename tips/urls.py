from django.urls import path

from . import views

app_name = "tips"

urlpatterns = [
    path("tips/", views.submit_tip, name="submit"),
    path("tips/status/", views.tip_status, name="status"),
]
