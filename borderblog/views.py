from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def healthz(request):
    """200 "ok" when the app can reach its database; 503 otherwise, for the proxy."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


def handed_back(data) -> dict[str, str]:
    """What a page refusing a reader's form hands back to them (includes/_handed_back.html):
    the comment's or the tip's words, and the name the commenter gave."""
    return {
        "submitted_text": data.get("body", "") or data.get("message", ""),
        "submitted_name": data.get("author_name", ""),
    }


def csrf_failure(request, reason=""):
    """A refused form, with the reader's words handed back so nothing they wrote is lost.

    Usually the page sat open for a long time or cookies are blocked; the fix is to reload
    the page and send again.
    """
    return render(request, "403_csrf.html", handed_back(request.POST), status=403)


@require_safe
def robots_txt(request):
    """Crawlers may read the site, not its forms, searches or the newsroom's admin."""
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /comments/",
        "Disallow: /tips/status/",
        "Disallow: /*?replyto=",
        f"Sitemap: {sitemap}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
