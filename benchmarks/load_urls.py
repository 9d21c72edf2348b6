"""The site's URLs plus /bench/fixed/: a fixed 30 KB page with no database and no
templates, the ceiling of what the server stack itself can serve."""

from django.urls import path

from benchmarks.fixed_page import fixed_page
from borderblog.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("bench/fixed/", fixed_page), *site_urlpatterns]
