from django.core.management.base import BaseCommand

from comments.notifications import alert_editors_if_needed, reasons_to_alert


class Command(BaseCommand):
    help = (
        "Mail the Editors group if too many comments are pending or the oldest has waited "
        "too long (MODERATION_ALERT_PENDING, MODERATION_ALERT_AGE_HOURS). Run it from cron, "
        "e.g. every 15 minutes; it sends at most one mail an hour."
    )

    def handle(self, *args, **options):
        count, reasons = reasons_to_alert()
        if alert_editors_if_needed():
            self.stdout.write(f"Alerted the editors: {count} pending. " + " ".join(reasons))
        elif reasons:
            self.stdout.write("The queue needs attention, but an alert went out within the hour.")
        else:
            self.stdout.write(f"Queue fine: {count} pending.")
