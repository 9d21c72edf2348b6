from django.core.management.base import BaseCommand

from demo.content import SEED_SLUG
from demo.loader import load_demo
from demo.users import DEMO_USERS

KINDS = ["accounts", "policy rules", "labels", "posts", "images", "comments"]


class Command(BaseCommand):
    help = (
        "Load the demo content: the seed post modelled on a real border-reporting page "
        f"({SEED_SLUG}) with its 15 comments and placeholder lead image, a dozen other "
        "posts in English and Spanish (one draft, one scheduled a year ahead), a few "
        "comments waiting for moderation, and the comment policy. "
        "Safe to run again: posts and labels are keyed by slug, rules by number, and "
        "nothing already there is changed or duplicated; a post gets its demo comments "
        "only while it has none. "
        f"Also creates the staff accounts {', '.join(DEMO_USERS)} if missing, with no usable "
        "password: posts need an author, and the demo approvals are recorded as decisions "
        "of the 'editor' account, as a real editor's would be. Run demo_logins to give "
        "both accounts passwords."
    )

    def handle(self, *args, **options):
        tally = load_demo()
        self.stdout.write("Demo content:")
        for kind in KINDS:
            created, present = tally.created[kind], tally.present[kind]
            line = f"  {kind:<13} {created:>3} created, {present:>3} already present"
            self.stdout.write(self.style.SUCCESS(line) if created else line)
