"""Rate limits on the tip line, counted in the cache under a keyed hash of the address.

Receipt-code checks have a limit per address and one for everybody together: guessing a
seven-word code is hopeless anyway, but each check costs a slow hash, and a flood of them
must not take the site down. Sources behind Tor share exit addresses, so the limits per
address are generous.

On the onion service every request comes from the local Tor daemon (borderblog.onion):
a limit per address there would be one limit for every onion source, which one person
could use up to lock all the others out. So code checks there count only towards the
limit for everybody, and new tips share a larger allowance of their own. Follow-ups are
counted per tip, wherever they come from: whoever holds the code is the one sending.
"""

from django.conf import settings

from borderblog.identity import submitter_hash
from borderblog.onion import is_onion
from borderblog.ratelimit import Limit, hit

HOUR = 3600


class TooManyAttempts(Exception):
    def __init__(self, retry_after):
        super().__init__(retry_after)
        self.retry_after = retry_after


def count_receipt_check(request):
    """Count one receipt-code check; raises TooManyAttempts over either limit."""
    if not is_onion(request):
        _count("tips-receipt", submitter_hash(request), settings.TIPS_RECEIPT_CHECKS_PER_HOUR)
    _count("tips-receipt", "everyone", settings.TIPS_RECEIPT_CHECKS_PER_HOUR_FOR_ALL)


def count_submission(request):
    """Count one new tip; raises TooManyAttempts over the limit."""
    if is_onion(request):
        _count("tips-submission", "onion", settings.TIPS_ONION_SUBMISSIONS_PER_HOUR)
    else:
        _count("tips-submission", submitter_hash(request), settings.TIPS_SUBMISSIONS_PER_HOUR)


def count_follow_up(tip):
    """Count one follow-up on ``tip``; raises TooManyAttempts over the limit."""
    _count("tips-follow-up", str(tip.pk), settings.TIPS_SUBMISSIONS_PER_HOUR)


def _count(scope, who, per_hour):
    verdict = hit(scope, who, [Limit(per_hour, HOUR)])
    if not verdict.allowed:
        raise TooManyAttempts(verdict.retry_after)
