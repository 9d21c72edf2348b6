from django.conf import settings


def site(request):
    return {"BLOG_TITLE": settings.BLOG_TITLE, "BLOG_TAGLINE": settings.BLOG_TAGLINE}
