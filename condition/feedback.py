"""'Was this page helpful?' in one tap, with an optional comment as a second step.

The topic page is cached whole and is the same for everyone, so it carries no
CSRF token. The vote form posts to `vote`, which accepts only posts the browser
says came from this very site (pagecache.posts); a refused vote links to the
token-protected feedback form. The vote stores only the page and yes/no; the
comment step that follows is an ordinary form with a CSRF token, and finds the
vote through a signed, short-lived token rather than an id the client chose.
"""

from django import forms
from django.core import signing
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from condition.forms import FeedbackForm
from condition.models import Page, PageFeedback
from condition.translations import titled
from pagecache.db import queued_write
from pagecache.posts import form_rate, same_origin_posts

VOTE_SALT = "condition.feedback.vote"
COMMENT_WINDOW = 30 * 60  # seconds a family has to add a comment to their vote


def _published(slug):
    return titled(get_object_or_404(Page.objects.live().only("title", "slug", "status", "language"), slug=slug))


def _vote_refused(request, slug):
    """A cross-site or unverifiable vote: not saved; the form with a CSRF token is offered instead."""
    return render(request, "condition/vote_refused.html", {"page": _published(slug)}, status=403)


@require_POST
@ratelimit(key="ip", rate=form_rate, method="POST", block=True)
@same_origin_posts(_vote_refused)
def vote(request, slug):
    page = _published(slug)
    answer = request.POST.get("helpful")
    if answer not in ("yes", "no"):
        return render(request, "condition/vote_refused.html", {"page": page, "bad_answer": True}, status=400)
    with queued_write():
        feedback = PageFeedback.objects.create(page=page, helpful=answer == "yes")
    token = signing.dumps(feedback.pk, salt=VOTE_SALT)
    response = redirect(reverse("condition:feedback_comment", args=[page.slug]) + f"?vote={token}")
    response.status_code = 303  # the browser fetches the comment step with GET
    return response


class CommentForm(forms.Form):
    vote = forms.CharField(widget=forms.HiddenInput, max_length=200)
    comment = FeedbackForm.base_fields["comment"]

    clean_comment = FeedbackForm.clean_comment


def _vote_for(page, token):
    """The vote a signed token names, if it is recent and belongs to this page."""
    try:
        pk = signing.loads(token or "", salt=VOTE_SALT, max_age=COMMENT_WINDOW)
    except signing.BadSignature:  # also an expired one
        return None
    return PageFeedback.objects.filter(pk=pk, page=page).only("pk", "comment").first() if isinstance(pk, int) else None


@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="ip", rate=form_rate, method="POST", block=True)
def comment(request, slug):
    """Step two: the vote is already counted; a comment is optional."""
    page = _published(slug)
    data = request.POST if request.method == "POST" else None
    token = (data or request.GET).get("vote", "")
    feedback = _vote_for(page, token)
    if feedback is None:
        return render(request, "condition/feedback_comment.html", {"page": page, "expired": True}, status=400)
    form = CommentForm(data, initial={"vote": token})
    if data is not None:
        if form.is_valid():
            if form.cleaned_data["comment"]:
                with queued_write():
                    # A vote takes one comment; a replayed token cannot overwrite it.
                    PageFeedback.objects.filter(pk=feedback.pk, comment="").update(comment=form.cleaned_data["comment"])
            return redirect("condition:feedback_thanks", slug=page.slug)
        return render(request, "condition/feedback_comment.html", {"page": page, "form": form}, status=400)
    return render(request, "condition/feedback_comment.html", {"page": page, "form": form})
