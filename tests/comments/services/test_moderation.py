import pytest

from comments.models import Comment, ModerationDecision
from comments.services import moderation
from tests.builders import make_comment

Status = Comment.Status


ALL_PAIRS = [(a, b) for a in Status for b in Status if a != b]


@pytest.mark.parametrize(("from_status", "to_status"), ALL_PAIRS)
def test_every_transition_is_either_recorded_or_refused(post, editor, rule, from_status, to_status):
    comment = make_comment(post, status=from_status)
    cited = rule if to_status == Status.REJECTED else None
    if not moderation.can_transition(from_status, to_status):
        with pytest.raises(moderation.InvalidTransition):
            moderation.decide(comment, to_status, editor=editor, rule=cited)
        assert Comment.objects.get(pk=comment.pk).status == from_status
        assert not ModerationDecision.objects.exists()
        return
    decision = moderation.decide(comment, to_status, editor=editor, rule=cited)
    assert Comment.objects.get(pk=comment.pk).status == to_status
    assert (decision.from_status, decision.to_status, decision.editor) == (
        from_status,
        to_status,
        editor,
    )


def test_only_leaving_the_queue_for_pending_is_impossible():
    refused = [pair for pair in ALL_PAIRS if not moderation.can_transition(*pair)]
    assert refused == [(a, Status.PENDING) for a in Status if a != Status.PENDING]


def test_approving_counts_the_comment_on_its_post(post, editor):
    comment = make_comment(post)
    moderation.approve(comment, editor=editor)
    post.refresh_from_db()
    assert post.comment_count == 1


def test_taking_down_an_approved_comment_uncounts_it(post, editor, rule):
    comment = make_comment(post, status=Status.APPROVED)
    moderation.reject(comment, editor=editor, rule=rule)
    post.refresh_from_db()
    assert post.comment_count == 0


def test_rejecting_without_a_rule_is_refused(post, editor):
    comment = make_comment(post)
    with pytest.raises(moderation.RuleRequired):
        moderation.decide(comment, Status.REJECTED, editor=editor)
    assert Comment.objects.get(pk=comment.pk).status == Status.PENDING


def test_rejection_records_the_rule_and_note(post, editor, rule):
    comment = make_comment(post)
    decision = moderation.reject(comment, editor=editor, rule=rule, note="names a witness")
    assert (decision.rule, decision.note) == (rule, "names a witness")


def test_a_stale_decision_loses_to_the_one_that_came_first(post, editor):
    comment = make_comment(post)
    stale_copy = Comment.objects.get(pk=comment.pk)
    moderation.approve(comment, editor=editor)
    with pytest.raises(moderation.AlreadyDecided):
        moderation.mark_spam(stale_copy, editor=editor)
    assert Comment.objects.get(pk=comment.pk).status == Status.APPROVED
    assert ModerationDecision.objects.count() == 1


def test_history_keeps_every_decision_in_order(post, editor, rule):
    comment = make_comment(post)
    moderation.approve(comment, editor=editor)
    moderation.reject(comment, editor=editor, rule=rule)
    moderation.approve(comment, editor=editor)
    steps = list(comment.decisions.values_list("from_status", "to_status"))
    assert steps == [("pending", "approved"), ("approved", "rejected"), ("rejected", "approved")]
    post.refresh_from_db()
    assert post.comment_count == 1


def test_decisions_are_announced_after_commit(post, editor, django_capture_on_commit_callbacks):
    from comments.signals import comment_moderated

    heard = []

    def listener(**kwargs):
        heard.append(kwargs["decision"].to_status)

    comment_moderated.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            moderation.approve(make_comment(post), editor=editor)
            assert heard == []
        assert len(callbacks) == 1
        assert heard == ["approved"]
    finally:
        comment_moderated.disconnect(listener)
