"""Writes the demo content into the database, keeping whatever is already there.

Everything is keyed so that the next run finds it again: accounts by username, labels and
posts by slug, policy rules by number. A post that exists is left as it is (an
editor may have changed it), except that a missing lead image is drawn again. A post's
demo comments are added only while the post has no comments at all, so they are never
doubled and never mixed into a real discussion.
"""

import hashlib
import hmac
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify

from comments import services
from comments.models import Comment, PolicyRule
from posts.images import clean_lead_image
from posts.models import Label, Post

from . import content
from .placeholder import placeholder_jpeg
from .users import DEMO_USERS, ensure_demo_user

# Not a secret: it only gives the demo's fake submitter hashes the shape of real ones
# (64 hex digits) while tying them to no address at all.
DEMO_HASH_KEY = b"border-blog-demo-submitters"
DECISION_NOTE = "Approved when the demo content was loaded."
DEMO_REVIEW_DELAY = timedelta(minutes=25)


@dataclass
class Tally:
    """What a load created and what it found already there, by kind of thing."""

    created: Counter = field(default_factory=Counter)
    present: Counter = field(default_factory=Counter)

    def add(self, kind, *, created, count=1):
        (self.created if created else self.present)[kind] += count


def fake_submitter_hash(post_slug, comment):
    # A named commenter keeps one identity across comments and posts, as a returning
    # reader would; each anonymous comment stands for a different reader.
    who = comment.author or f"anonymous:{post_slug}:{comment.number}"
    return hmac.new(DEMO_HASH_KEY, who.encode(), hashlib.sha256).hexdigest()


def load_demo() -> Tally:
    """Load the demo accounts, policy, labels, posts and comments; one transaction."""
    tally = Tally()
    demo_posts = content.posts()
    with transaction.atomic():
        users = {}
        for username in DEMO_USERS:
            users[username], created = ensure_demo_user(username)
            tally.add("accounts", created=created)
        for rule in content.policy_rules():
            _, created = PolicyRule.objects.get_or_create(
                number=rule.number, defaults={"title": rule.title, "text": rule.text}
            )
            tally.add("policy rules", created=created)
        labels = _ensure_labels({name for post in demo_posts for name in post.labels}, tally)
        for demo_post in demo_posts:
            post = _ensure_post(demo_post, author=users["author"], labels=labels, tally=tally)
            _ensure_comments(post, demo_post.comments, editor=users["editor"], tally=tally)
    return tally


def _ensure_labels(names, tally):
    labels = {}
    for name in sorted(names):
        # Keyed by slug, the label's address: an editor may rename "Calderon" to
        # "Calderón" without the next load creating a second label.
        labels[name], created = Label.objects.get_or_create(
            slug=slugify(name), defaults={"name": name}
        )
        tally.add("labels", created=created)
    return labels


def _attach_placeholder(post, demo):
    # Cleaned and named as an upload in the admin is: one way into Post.image for all.
    post.image = clean_lead_image(ContentFile(placeholder_jpeg()))
    post.image_caption = demo.image_caption
    post.image_alt = demo.image_alt


def _ensure_post(demo, *, author, labels, tally):
    post = Post.objects.filter(slug=demo.slug).first()
    tally.add("posts", created=post is None)
    if post is None:
        post = Post(
            slug=demo.slug,
            title=demo.title,
            author=author,
            byline=demo.byline,
            body=demo.body,
            language=demo.language,
            status=demo.status,
            publish_at=demo.publish_at,
            comments_enabled=True,
        )
        if demo.has_image:
            _attach_placeholder(post, demo)
            tally.add("images", created=True)
        post.save()
        post.labels.set([labels[name] for name in demo.labels])
    elif demo.has_image:
        tally.add("images", created=not post.image)
        if not post.image:
            _attach_placeholder(post, demo)
            post.save()
    return post


def _ensure_comments(post, demo_comments, *, editor, tally):
    if not demo_comments:
        return
    existing = Comment.objects.for_post(post).count()
    if existing:
        tally.add("comments", created=False, count=existing)
        return
    for demo in demo_comments:
        comment = Comment.objects.create(
            post=post,
            author_name=demo.author,
            body=demo.body,
            status=Comment.Status.PENDING,
            submitter_hash=fake_submitter_hash(post.slug, demo),
        )
        # created_at is auto_now_add, so a time in the past can only be set afterwards.
        Comment.objects.filter(pk=comment.pk).update(created_at=demo.at)
        comment.created_at = demo.at
        if demo.status == Comment.Status.APPROVED:
            # Through the state machine, so the decision history and the post's
            # comment_count are exactly what an editor's approval would leave.
            services.approve(comment, editor=editor, note=DECISION_NOTE)
            # Decided when the comment was written, not when the demo was loaded: review
            # times ("most are reviewed within …") are measured from these.
            reviewed = demo.at + DEMO_REVIEW_DELAY
            Comment.objects.filter(pk=comment.pk).update(
                decided_at=reviewed, first_approved_at=reviewed
            )
            comment.decisions.update(decided_at=reviewed)
        tally.add("comments", created=True)
