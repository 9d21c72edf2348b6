"""Rate limits on the tip line, counted in the cache under a keyed hash of the address.

Receipt-code checks have a limit per address and one for everybody together: guessing a
seven-word code is hopeless anyway, but each check costs a slow hash, and a flood of them
must not take the site down. Sources behind Tor share exit addresses, so the limits per
address are generous.
"""

from django.conf import settings

from borderblog.identity import submitter_hash
from borderblog.ratelimit import Limit, hit

HOUR = 3600


class TooManyAttempts(Exception):
    def __init__(self, retry_after):
        super().__init__(retry_after)
        self.retry_after = retry_after


def count_receipt_check(request):
    """Count one receipt-code check; raises TooManyAttempts over either limit."""
    _count(request, "tips-receipt", settings.TIPS_RECEIPT_CHECKS_PER_HOUR)
    _count(None, "tips-receipt", settings.TIPS_RECEIPT_CHECKS_PER_HOUR_FOR_ALL)


def count_submission(request):
    """Count one new tip or follow-up; raises TooManyAttempts over the limit."""
    _count(request, "tips-submission", settings.TIPS_SUBMISSIONS_PER_HOUR)


def _count(request, scope, per_hour):
    who = submitter_hash(request) if request is not None else "everyone"
    verdict = hit(scope, who, [Limit(per_hour, HOUR)])
    if not verdict.allowed:
        raise TooManyAttempts(verdict.retry_after)
