from django.contrib.auth.management import create_permissions
from django.db import migrations

# Editors check what an import brought over; nobody edits it by hand (blogger/admin.py).
EDITOR_PERMISSIONS = ["view_importedentry", "view_importedimage"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations have run; create the
    # blogger app's now so that the group can be given them in the same migrate.
    app_config = apps.get_app_config("blogger")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="blogger", codename__in=EDITOR_PERMISSIONS
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for editors in Group.objects.filter(name="Editors"):
        editors.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="blogger", codename__in=EDITOR_PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("blogger", "0001_initial"),
        ("comments", "0002_editors_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
