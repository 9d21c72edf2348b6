"""The demo content as plain values, read from the files in demo/data/.

posts.json lists the posts; a post's body is posts/<slug>.md and its comments, if it has
any, comments/<slug>.json; policy.json holds the comment policy. Times in the files are
wall-clock times in the site's time zone (settings.TIME_ZONE), because that is how
readers see them: the seed's comment 11 answers comment 7 "@ 3:40", and that must stay
true on the page.
"""

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from django.utils import timezone

DATA_DIR = Path(__file__).resolve().parent / "data"

# A rejected comment would need a cited rule and spam a reason; the demo shows neither.
COMMENT_STATUSES = {"approved", "pending"}

# The post modelled on the real page (SPEC, "Demo content"): tests and docs point at it.
SEED_SLUG = "wikileaks-cables-us-mexico-drugs-war-fears-revealed"


@dataclass(frozen=True)
class DemoComment:
    number: int
    author: str
    at: datetime
    body: str
    status: str


@dataclass(frozen=True)
class DemoPost:
    slug: str
    title: str
    byline: str
    language: str
    status: str
    publish_at: datetime
    labels: tuple[str, ...]
    body: str
    image_caption: str
    image_alt: str
    comments: tuple[DemoComment, ...]

    @property
    def has_image(self):
        return bool(self.image_caption)


@dataclass(frozen=True)
class DemoRule:
    number: int
    title: str
    text: str


def local_time(text: str) -> datetime:
    """An ISO wall-clock time from the data files, made aware in the site's time zone."""
    return timezone.make_aware(datetime.fromisoformat(text), timezone.get_default_timezone())


def _read_json(relative):
    return json.loads((DATA_DIR / relative).read_text(encoding="utf-8"))


def _comments(slug):
    path = Path("comments") / f"{slug}.json"
    if not (DATA_DIR / path).exists():
        return ()
    entries = sorted(_read_json(path), key=lambda entry: entry["number"])
    for entry in entries:
        if entry.get("status", "approved") not in COMMENT_STATUSES:
            raise ValueError(f"{path}: comment {entry['number']} has an unsupported status.")
    return tuple(
        DemoComment(
            number=entry["number"],
            author=entry["author"],
            at=local_time(entry["time"]),
            body=entry["body"],
            status=entry.get("status", "approved"),
        )
        for entry in entries
    )


def _publish_at(entry):
    # A schedule must stay in the future however late the demo is loaded, so it is
    # given relative to now rather than as a date.
    if "publish_in_days" in entry:
        return timezone.now() + timedelta(days=entry["publish_in_days"])
    return local_time(entry["publish_at"])


def posts() -> list[DemoPost]:
    """Every demo post, in the order of posts.json (oldest first)."""
    result = []
    for entry in _read_json("posts.json"):
        slug = entry["slug"]
        image = entry.get("image", {})
        result.append(
            DemoPost(
                slug=slug,
                title=entry["title"],
                byline=entry.get("byline", ""),
                language=entry["language"],
                status=entry.get("status", "published"),
                publish_at=_publish_at(entry),
                labels=tuple(entry["labels"]),
                body=(DATA_DIR / "posts" / f"{slug}.md").read_text(encoding="utf-8"),
                image_caption=image.get("caption", ""),
                image_alt=image.get("alt", ""),
                comments=_comments(slug),
            )
        )
    return result


def policy_rules() -> list[DemoRule]:
    """The comment policy, in rule order."""
    rules = [DemoRule(**entry) for entry in _read_json("policy.json")]
    return sorted(rules, key=lambda rule: rule.number)
