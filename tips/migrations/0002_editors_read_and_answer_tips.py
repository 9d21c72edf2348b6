from django.contrib.auth.management import create_permissions
from django.db import migrations

# Editors read tips (and download their files) and answer them: replying and changing
# a tip's status are changes to the tip. Deleting a tip stays with superusers.
EDITOR_PERMISSIONS = ["view_tip", "change_tip"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations have run; create them now
    # so that the group can be given them in the same migrate.
    app_config = apps.get_app_config("tips")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="tips", codename__in=EDITOR_PERMISSIONS)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for editors in Group.objects.filter(name="Editors"):
        editors.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="tips", codename__in=EDITOR_PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("tips", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
