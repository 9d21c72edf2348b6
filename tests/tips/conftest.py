import re
from pathlib import Path

import pytest

HIDDEN_INPUT = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')
RECEIPT_CODE = re.compile(r'id="receipt-code"[^>]*>([^<]+)<')


@pytest.fixture(autouse=True)
def tips_root(settings, tmp_path):
    """The private tips storage, in a fresh folder for each test; returns that folder."""
    root = tmp_path / "tips"
    tips = settings.STORAGES["tips"]
    settings.STORAGES = {
        **settings.STORAGES,
        "tips": {**tips, "OPTIONS": {**tips.get("OPTIONS", {}), "location": root}},
    }
    return root


@pytest.fixture
def stored_files(tips_root):
    """Every file in the tips storage, as a function returning a sorted list of paths."""

    def files():
        return sorted(path for path in Path(tips_root).rglob("*") if path.is_file())

    return files


def receipt_code(response):
    """The receipt code shown on the confirmation page."""
    match = RECEIPT_CODE.search(response.content.decode())
    assert match, "the confirmation page shows no receipt code"
    return match.group(1).strip()


def send_tip(client, message="A convoy crossed at the old bridge at 3 a.m.", **fields):
    """Post the tip form as a browser would; ``attachments`` is a list of uploads."""
    data = {"message": message, "contact": fields.pop("contact", ""), **fields.pop("data", {})}
    attachments = fields.pop("attachments", [])
    if attachments:
        data["attachments"] = attachments
    return client.post("/tips/", data, **fields)


def open_tip(client, code, headers=None, **data):
    return client.post("/tips/status/", {"code": code, **data}, headers=headers)


def make_tip(message="A tip from a source.", *, attachments=(), contact="", workdir):
    """A tip stored as the form would store it; ``attachments`` are (name, bytes) pairs.

    Returns (tip, receipt code).
    """
    from tests.tips.files import upload
    from tips.cleaning import clean_upload
    from tips.services import submit_tip

    cleaned = [clean_upload(upload(name, data), workdir) for name, data in attachments]
    return submit_tip(message=message, contact=contact, cleaned_files=cleaned)
