from django.contrib.auth.management import create_permissions
from django.db import migrations

AUTHOR_PERMISSIONS = [
    "add_post", "change_post", "delete_post", "view_post",
    "add_label", "change_label", "delete_label", "view_label",
]  # fmt: skip


def create_authors_group(apps, schema_editor):
    # Permissions are normally created after all migrations have run; create posts'
    # now so that the group can be given them in the same migrate.
    app_config = apps.get_app_config("posts")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    authors, _ = Group.objects.get_or_create(name="Authors")
    authors.permissions.add(
        *Permission.objects.filter(content_type__app_label="posts", codename__in=AUTHOR_PERMISSIONS)
    )


def remove_authors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Authors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("posts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_authors_group, remove_authors_group)]
