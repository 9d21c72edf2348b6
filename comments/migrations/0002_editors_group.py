from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = {
    "comments": [
        "view_comment", "change_comment", "moderate_comment",
        "view_moderationdecision",
        "view_policyrule", "add_policyrule", "change_policyrule",
    ],
    # Editors read the post a comment is on, but do not write posts.
    "posts": ["view_post", "view_label"],
}  # fmt: skip


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations have run; create them now
    # so that the group can be given them in the same migrate.
    for label in EDITOR_PERMISSIONS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    for label, codenames in EDITOR_PERMISSIONS.items():
        editors.permissions.add(
            *Permission.objects.filter(content_type__app_label=label, codename__in=codenames)
        )


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("posts", "0002_authors_group"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
