from django.core.management.base import BaseCommand

from comments import services


class Command(BaseCommand):
    help = (
        "Render again, from what the reader wrote, the stored HTML of comments that keep a "
        "link the sanitiser now refuses (an anchor without an address, or an address that "
        "is not an absolute http(s) one). Run once after upgrading; running it again is "
        "harmless."
    )

    def handle(self, *args, **options):
        mended = services.rerender_refused_links()
        self.stdout.write(f"{mended} comments rendered again.")
