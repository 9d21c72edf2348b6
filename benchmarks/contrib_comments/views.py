from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import Article

# The same constant 30 KB page as benchmarks/load_urls.py's, copied rather than imported:
# that module imports the Border Blog's URLs.
FIXED_PAGE = (
    "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>fixed</title></head><body>"
    + "<p>" + "x" * 96 + "</p>\n" * 300
    + "</body></html>"
).encode()  # fmt: skip


def fixed_page(request):
    return HttpResponse(FIXED_PAGE)


def healthz(request):
    # A body of its own, so the runner can tell this server from another one on the port.
    return HttpResponse(b"contrib_comments", content_type="text/plain")


def article_detail(request, slug):
    article = get_object_or_404(Article, slug=slug)
    return render(request, "contrib_comments/article.html", {"article": article})
