"""The editors' inbox: reading tips, their files, replying, and who may do which."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from tests.builders import make_user
from tests.tips import files
from tests.tips.conftest import make_tip
from tips.models import Attachment, Tip, TipMessage

pytestmark = pytest.mark.django_db

INBOX = "/admin/tips/tip/"


def tip_page(tip):
    return f"/admin/tips/tip/{tip.pk}/change/"


def download_url(attachment):
    return f"/admin/tips/tip/attachment/{attachment.pk}/download/"


@pytest.fixture
def photo_tip(tmp_path):
    tip, _code = make_tip(
        "Photo of the checkpoint.",
        attachments=[("IMG_0001.jpg", files.jpeg_with_gps_and_xmp())],
        workdir=tmp_path,
    )
    return tip


def test_editors_group_may_read_and_answer_tips_but_not_delete_them():
    codenames = set(
        Group.objects.get(name="Editors")
        .permissions.filter(content_type__app_label="tips")
        .values_list("codename", flat=True)
    )

    assert {"view_tip", "change_tip"} <= codenames
    assert "delete_tip" not in codenames


def test_inbox_lists_the_latest_word_from_sources_first(editor_client, tmp_path):
    older, _ = make_tip("Older tip.", workdir=tmp_path)
    newer, _ = make_tip("Newer tip.", workdir=tmp_path)
    Tip.objects.filter(pk=older.pk).update(source_wrote_at=timezone.now() - timedelta(days=1))

    response = editor_client.get(INBOX)

    assert response.status_code == 200
    listed = [tip.pk for tip in response.context["cl"].result_list]
    assert listed == [newer.pk, older.pk]


def test_inbox_filters_by_status(editor_client, tmp_path):
    _new, _ = make_tip("New one.", workdir=tmp_path)
    handled, _ = make_tip("Handled one.", workdir=tmp_path)
    Tip.objects.filter(pk=handled.pk).update(status=Tip.Status.HANDLED)

    response = editor_client.get(INBOX, {"status__exact": "handled"})

    assert [tip.pk for tip in response.context["cl"].result_list] == [handled.pk]


def test_opening_a_new_tip_marks_it_read(editor_client, photo_tip):
    editor_client.get(tip_page(photo_tip))

    photo_tip.refresh_from_db()
    assert photo_tip.status == Tip.Status.READ


def test_tip_page_shows_messages_thumbnails_and_download_links(editor_client, photo_tip):
    attachment = Attachment.objects.get()

    page = editor_client.get(tip_page(photo_tip)).content.decode()

    assert "Photo of the checkpoint." in page
    assert f'src="/admin/tips/tip/attachment/{attachment.pk}/thumbnail/"' in page
    assert f'href="{download_url(attachment)}"' in page


def test_download_is_an_attachment_with_nosniff_and_a_name_of_ours(editor_client, photo_tip):
    attachment = Attachment.objects.get()

    response = editor_client.get(download_url(attachment))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"] == (
        f'attachment; filename="tip-{photo_tip.pk}-file-{attachment.pk}.jpg"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert files.CAMERA.encode() not in b"".join(response.streaming_content)


def test_thumbnail_is_served_to_editors(editor_client, photo_tip):
    attachment = Attachment.objects.get()

    response = editor_client.get(f"/admin/tips/tip/attachment/{attachment.pk}/thumbnail/")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"


def test_anonymous_download_is_refused(client, photo_tip):
    attachment = Attachment.objects.get()

    response = client.get(download_url(attachment))

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert not getattr(response, "streaming", False)


def test_staff_without_view_tip_cannot_download(client, photo_tip):
    staff = make_user(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_comment"))
    client.force_login(staff)
    attachment = Attachment.objects.get()

    assert client.get(download_url(attachment)).status_code == 403
    assert client.get(f"/admin/tips/tip/attachment/{attachment.pk}/thumbnail/").status_code == 403
    assert client.get(tip_page(photo_tip)).status_code == 403


def test_reply_from_the_tip_page_is_stored_for_the_source(editor_client, editor, photo_tip):
    response = editor_client.post(
        tip_page(photo_tip), {"status": "read", "reply": "Thank you. Which day was this?"}
    )

    assert response.status_code == 302
    reply = photo_tip.messages.get(sender=TipMessage.Sender.NEWSROOM)
    assert reply.body == "Thank you. Which day was this?"
    assert reply.editor == editor


def test_saving_the_status_keeps_a_follow_up_that_arrived_meanwhile(editor_client, photo_tip):
    wrote_at = timezone.now() + timedelta(minutes=5)
    Tip.objects.filter(pk=photo_tip.pk).update(source_wrote_at=wrote_at)

    editor_client.post(tip_page(photo_tip), {"status": "handled", "reply": ""})

    photo_tip.refresh_from_db()
    assert photo_tip.status == Tip.Status.HANDLED
    assert photo_tip.source_wrote_at == wrote_at


def test_editor_who_may_only_read_gets_no_reply_box(client, photo_tip):
    reader = make_user(is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_tip"))
    client.force_login(reader)

    page = client.get(tip_page(photo_tip)).content.decode()

    assert "Photo of the checkpoint." in page
    assert 'name="reply"' not in page
    client.post(tip_page(photo_tip), {"status": "handled", "reply": "Sneaky"})
    assert not TipMessage.objects.filter(body="Sneaky").exists()


def test_mark_handled_action(editor_client, photo_tip):
    editor_client.post(
        INBOX, {"action": "mark_handled", "_selected_action": [photo_tip.pk], "index": 0}
    )

    photo_tip.refresh_from_db()
    assert photo_tip.status == Tip.Status.HANDLED


def test_tips_cannot_be_added_in_the_admin(editor_client):
    assert editor_client.get("/admin/tips/tip/add/").status_code == 403


def test_deleting_a_tip_deletes_its_files_once_committed(
    admin_client, photo_tip, stored_files, django_capture_on_commit_callbacks
):
    assert len(stored_files()) == 2

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/tips/tip/{photo_tip.pk}/delete/", {"post": "yes"})

    assert not Tip.objects.exists()
    assert stored_files() == []


def test_bulk_delete_from_the_inbox_deletes_the_files_too(
    admin_client, photo_tip, stored_files, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            INBOX,
            {"action": "delete_selected", "_selected_action": [photo_tip.pk], "post": "yes"},
        )

    assert not Tip.objects.exists()
    assert stored_files() == []
