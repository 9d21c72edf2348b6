"""HEAD answered without a body by the app itself.

Django leaves that to the server: runserver and the test client drop the body, gunicorn
drops it too but logs a warning for each HEAD, and monitors send HEAD every minute.
"""


class HeadWithoutBodyMiddleware:
    """Outermost: empties a HEAD answer's body; its headers (Content-Length, set by
    CommonMiddleware for the GET it mirrors) stay."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD" and not response.streaming:
            response.content = b""
        return response
