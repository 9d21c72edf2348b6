"""The site's URLs plus /bench/fixed/: a fixed 30 KB page with no database and no
templates, the ceiling of what the server stack itself can serve."""

from django.http import HttpResponse
from django.urls import path

from borderblog.urls import urlpatterns as site_urlpatterns

FIXED_PAGE = (
    "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>fixed</title></head><body>"
    + "<p>" + "x" * 96 + "</p>\n" * 300
    + "</body></html>"
).encode()  # fmt: skip


def fixed_page(request):
    return HttpResponse(FIXED_PAGE)


urlpatterns = [path("bench/fixed/", fixed_page), *site_urlpatterns]
