"""An old Blogger link followed in Chromium, after an import: the reader lands on it."""

import re
from datetime import UTC, datetime

from playwright.sync_api import expect

from blogger.importer import import_blogger
from blogger.models import ImportedEntry
from blogger.times import epoch_milliseconds
from tests.blogger.exports import ClassicExport


def test_an_old_comment_link_lands_on_that_comment_in_its_thread(page, tmp_path):
    export = ClassicExport()
    post_id = export.post("Crossing at dawn", path="/2019/05/crossing-at-dawn.html")
    written = datetime(2019, 5, 4, 18, 0, 0, 123000, tzinfo=UTC)
    export.comment(post_id, author="Rosa", content_html="First, at the bridge.")
    comment_id = export.comment(
        post_id, author="Luz", content_html="Lines since four.", published=written
    )
    import_blogger(export.write(tmp_path))
    comment = ImportedEntry.objects.get(blogger_id=comment_id).comment

    page.goto(f"/2019/05/crossing-at-dawn.html?showComment={epoch_milliseconds(written)}")

    expect(page).to_have_url(re.compile(rf"/2019/05/crossing-at-dawn/(\?.*)?#c{comment.pk}$"))
    expect(page.locator("h1")).to_have_text("Crossing at dawn")
    target = page.locator(f"#c{comment.pk}")
    expect(target).to_be_in_viewport()
    expect(target).to_contain_text("Lines since four.")
    expect(target).to_contain_text("Luz")
