"""What the site's log must not say."""

import logging

from django.urls import reverse


class QuietTipLine(logging.Filter):
    """Drops Django's warnings about refused tip-line requests (a form refused, a wrong
    receipt code, a rate limit, a failed CSRF check): with the log collector's times,
    they would be a record of sources' attempts that nothing else keeps. Errors stay,
    so that a broken tip line is still noticed."""

    def filter(self, record):
        request = getattr(record, "request", None)
        if record.levelno >= logging.ERROR or request is None:
            return True
        return not request.path_info.startswith(reverse("tips:submit"))
