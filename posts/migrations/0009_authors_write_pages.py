from django.contrib.auth.management import create_permissions
from django.db import migrations

# Authors write pages as they write posts; editors read them, as they read posts.
GRANTS = {
    "Authors": ["add_page", "change_page", "delete_page", "view_page"],
    "Editors": ["view_page"],
}


def grant(apps, schema_editor):
    # Page's permissions are created after all migrations have run; create them now so
    # that the groups can be given them in the same migrate.
    app_config = apps.get_app_config("posts")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="posts", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label="posts", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("posts", "0008_pages_html_bodies_optional_author"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
