from django.core.management.base import BaseCommand, CommandError

from comments.notifications import alert_editors_if_needed, reasons_to_alert


class Command(BaseCommand):
    help = (
        "Mail the Editors group if too many comments are pending or the oldest has waited "
        "too long (MODERATION_ALERT_PENDING, MODERATION_ALERT_AGE_HOURS). Run it from cron, "
        "e.g. every 15 minutes; it sends at most one mail an hour, and tries again on its "
        "next run when the mail relay failed."
    )

    def handle(self, *args, **options):
        count, reasons = reasons_to_alert()
        try:
            sent = alert_editors_if_needed()
        except Exception as error:
            raise CommandError(
                f"The alert could not be sent ({type(error).__name__}: {error}); "
                "the next run tries again."
            ) from error
        if sent:
            self.stdout.write(f"Alerted the editors: {count} pending. " + " ".join(reasons))
        elif reasons:
            self.stdout.write("The queue needs attention, but an alert went out within the hour.")
        else:
            self.stdout.write(f"Queue fine: {count} pending.")
