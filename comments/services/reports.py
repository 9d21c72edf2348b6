"""Readers reporting a published comment that breaks a rule.

A report never hides anything by itself: the comment stays published and goes back to
the editors (a count and a queue filter) until one of them decides.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

from borderblog import ratelimit

from ..models import Comment, Report


class AlreadyReported(Exception):
    pass


class TooManyReports(Exception):
    def __init__(self, retry_after):
        super().__init__(retry_after)
        self.retry_after = retry_after


def report_limits():
    return [ratelimit.Limit(settings.REPORT_RATE_PER_HOUR, 3600)]


def report_comment(comment, *, rule, note="", submitter_hash):
    """Record one reader's report of ``comment``; one per comment per reader."""
    if Report.objects.filter(comment=comment, submitter_hash=submitter_hash).exists():
        raise AlreadyReported
    verdict = ratelimit.hit("report", submitter_hash, report_limits())
    if not verdict.allowed:
        raise TooManyReports(verdict.retry_after)
    try:
        with transaction.atomic():
            report = Report.objects.create(
                comment=comment, rule=rule, note=note, submitter_hash=submitter_hash
            )
            Comment.objects.filter(pk=comment.pk).update(report_count=F("report_count") + 1)
    except IntegrityError as duplicate:  # the same reader, twice at once
        raise AlreadyReported from duplicate
    return report
