from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import Article


def healthz(request):
    # A body of its own, so the runner can tell this server from another one on the port.
    return HttpResponse(b"contrib_comments", content_type="text/plain")


def article_detail(request, slug):
    article = get_object_or_404(Article, slug=slug)
    return render(request, "contrib_comments/article.html", {"article": article})
