from django.db import migrations
from django.db.models import Min, OuterRef, Subquery


def backfill(apps, schema_editor):
    """Give comments decided before these fields existed their first decision times."""
    Comment = apps.get_model("comments", "Comment")
    Decision = apps.get_model("comments", "ModerationDecision")
    decisions = Decision.objects.filter(comment=OuterRef("pk")).values("comment")
    first_decision = decisions.annotate(first=Min("decided_at")).values("first")
    first_approval = (
        decisions.filter(to_status="approved").annotate(first=Min("decided_at")).values("first")
    )
    Comment.objects.filter(decided_at__isnull=True).exclude(status="pending").update(
        decided_at=Subquery(first_decision[:1])
    )
    Comment.objects.filter(first_approved_at__isnull=True).update(
        first_approved_at=Subquery(first_approval[:1])
    )
    # Approved without any recorded decision (loaded by hand): published when written.
    for comment in Comment.objects.filter(status="approved", first_approved_at__isnull=True):
        comment.first_approved_at = comment.created_at
        comment.save(update_fields=["first_approved_at"])


class Migration(migrations.Migration):
    dependencies = [("comments", "0003_moderation_workplace")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
