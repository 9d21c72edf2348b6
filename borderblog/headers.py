"""Headers every answer carries that no installed middleware sets."""


class CrossOriginResourcePolicyMiddleware:
    """``Cross-Origin-Resource-Policy: same-origin`` on every answer, static files
    included: no other site's page can load the site's images, feeds or pages as
    resources, which would let it learn whether its visitor reads here (a cached
    comment avatar, a tip page's size)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
