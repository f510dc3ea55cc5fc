"""Every admin URL, posted to by an Editor with plausible data: nothing families see changes.

The URLs come from the URL resolver, so a new admin view, action or model
(ours or a library's) fails `test_every_admin_url_and_action_is_known` until
this file says how to post to it.

Nobody edits a live row in the admin (condition.workflow): a change goes to a
draft that a clinical reviewer approves. So each refused edit is sent again to
the item's draft, where it must succeed (a redirect and a changed draft): that
proves the Editor was refused for the live row, not merely sent an invalid
form. The steps that do change what families see (approve, take down, record a
review) are refused to an Editor and, sent by a superuser, must change
something live.

Admins of models outside the content apps (users, groups, login attempts,
sign-in devices) hold nothing families read and grant Editors no permission:
every URL there must answer an Editor with 403 (or a redirect for a missing
object), never a form.
"""

import dataclasses
import re
from collections.abc import Callable
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.files import File
from django.urls import URLResolver, get_resolver, reverse

from condition import drafts
from condition.drafts import Content, DraftChild
from condition.models import (
    CareAdvice,
    ClinicProfile,
    Condition,
    GlossaryTerm,
    Page,
    PageFeedback,
    Section,
    SectionImage,
    Source,
)
from condition.shipped import PICTURES as PICTURE_FOLDER
from quizzes.models import Question, Quiz, attempt_submit
from tests.conftest import verified_login

CONTENT_APPS = ("condition", "quizzes")

# Bookkeeping, not content: any save moves the cache version on, drafts included, and any change to a
# draft records who made it (the two-person rule).
NOT_CONTENT = {"condition.contentversion", "condition.contributor"}


def live_filter(model):
    """The rows of `model` families can see: live items, and the rows of live items."""
    if issubclass(model, Content):
        return {"status": "published"}
    if issubclass(model, DraftChild):
        path, current = [], model
        while issubclass(current, DraftChild):
            path.append(current.parent_field)
            current = current._meta.get_field(current.parent_field).related_model
        return {"__".join([*path, "status"]): "published"}
    if model._meta.label_lower == "condition.pageslugredirect":
        return {"page__status": "published"}
    return {}


def content_models():
    for app_label in CONTENT_APPS:
        for model in apps.get_app_config(app_label).get_models():
            if model._meta.label_lower not in NOT_CONTENT:
                yield model


def live_snapshot():
    snapshot = {}
    for model in content_models():
        rows = model._default_manager.filter(**live_filter(model)).distinct().values()
        snapshot[model._meta.label_lower] = sorted(repr(sorted(row.items())) for row in rows)
    return snapshot


def draft_snapshot():
    """Every row that is not live: what an Editor's accepted edit must change."""
    snapshot = {}
    for model in content_models():
        if issubclass(model, (Content, DraftChild)):
            rows = model._default_manager.exclude(**live_filter(model)).values()
            snapshot[model._meta.label_lower] = sorted(repr(sorted(row.items())) for row in rows)
    return snapshot


# --- the inventory ---------------------------------------------------------------


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern.name


def admin_routes():
    """(route, key) for every URL under the admin, found through the project's URL resolver.

    key is ("site", name) for the admin site's own views and (model label, route
    suffix) for a model admin's views, so unnamed routes are covered too.
    """
    admin_root = next(str(p.pattern) for p in get_resolver().url_patterns if getattr(p, "namespace", None) == "admin")
    prefixes = {
        f"{admin_root}{model._meta.app_label}/{model._meta.model_name}/": model._meta.label_lower
        for model in admin.site._registry
    }
    routes = []
    for route, name in _walk(get_resolver().url_patterns):
        if not route.startswith(admin_root):
            continue
        prefix = next((p for p in prefixes if route.startswith(p)), None)
        if prefix is None:
            routes.append((route, ("site", name or route[len(admin_root) :])))
        else:
            routes.append((route, (prefixes[prefix], route[len(prefix) :])))
    return routes


def admin_actions():
    """(model label, action name) for every action any user could be offered."""
    return [
        (model._meta.label_lower, name)
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in CONTENT_APPS
        for _, name, _ in model_admin._get_base_actions()
    ]


# Views that write nothing families read, for anyone. Posted to anyway.
SITE_VIEWS = {
    "index",
    "login",
    "logout",
    "password_change",
    "password_change_done",
    "your_language",  # the staff member's own admin language
    "autocomplete",
    "jsi18n",
    "view_on_site",
    "app_list",
    "(?P<url>.*)$",  # the admin's catch-all 404
    "second_factor",
    "second_factor_setup",
    "second_factor_link",
}
SITE_URLS = {
    "second_factor_link": "/admin/sign-in/set-up/not-a-link-an-administrator-issued/",
    "view_on_site": "/admin/r/1/1/",
    "app_list": "/admin/condition/",
    "(?P<url>.*)$": "/admin/no-such-page/",
}
READ_ONLY_SUFFIXES = {
    "<path:object_id>/",  # redirects to the change form
    "<path:object_id>/history/",  # Django's log of admin actions
    "<int:pk>/preview/",
    "<int:pk>/handout.pdf",
    "<int:pk>/results/",
    "<int:pk>/review/",  # the side-by-side changes
}
WORKFLOW = "<int:pk>/workflow/<slug:action>/"
WRITE_SUFFIXES = {"", "add/", "<path:object_id>/change/", "<path:object_id>/delete/", WORKFLOW}
# Workflow steps that change what families see: refused to Editors; a superuser's must change something live.
LIVE_STEPS = {"approve", "take-down"}
# Steps on drafts only: nothing live changes, whoever sends them.
# "translate" starts (or opens) a translation's draft: a new item, not live until approved.
# "put-back" makes a taken-down item a draft of the version that came down: not live until approved.
DRAFT_STEPS = {"draft", "submit", "withdraw", "send-back", "restore", "translate", "put-back"}


# --- what to post, per content model -------------------------------------------------


def published_page():
    return Page.objects.live().first()


def published_section():
    return Section.objects.filter(page__status=Page.Status.PUBLISHED).first()


def published_quiz():
    return Quiz.objects.live().first()


def published_question():
    return Question.objects.filter(quiz__status=Quiz.Status.PUBLISHED).first()


def draft_page():
    return Page.objects.create(
        condition=Condition.objects.first(), title="Draft", slug="draft-x", summary="x", key_points="x", status="draft"
    )


def draft_section():
    return Section.objects.create(page=draft_page(), heading="Draft part", anchor="draft-part", body="Draft words.")


def published_image():
    return SectionImage.objects.filter(section__page__status=Page.Status.PUBLISHED).first()


def draft_image():
    section = draft_section()
    with (PICTURE_FOLDER / "care-for-oms.png").open("rb") as handle:
        image = SectionImage(section=section, alt="A draft picture", image=File(handle, name="draft.png"))
        image.save()
    return image


def draft_quiz():
    return Quiz.objects.create(title="Draft quiz", slug="draft-quiz", condition=Condition.objects.first(), intro="x")


def draft_question():
    question = Question.objects.create(quiz=draft_quiz(), prompt="Draft?", explanation="x")
    question.choices.create(text="Yes", is_correct=True)
    question.choices.create(text="No")
    return question


def new_feedback():
    return PageFeedback.objects.create(page=published_page(), helpful=False, comment="Unclear.")


def new_attempt():
    quiz = published_quiz()
    question = quiz.questions.prefetch_related("choices").first()
    return attempt_submit(quiz=quiz, answers=[(question, question.choices.all()[0])])


def working_copy(row, user):
    """The same row in the item's draft (a section of the page's working copy, ...)."""
    item = drafts.owning_item(row)
    draft = drafts.start_draft(item, user)
    if row is item:
        return draft
    path, current = [], row
    while current is not item:
        path.append(current)
        current = getattr(current, current.parent_field)
    copy = draft
    for original in reversed(path):
        copy = type(original).objects.get(origin=original, **{original.parent_field: copy})
    return copy


@dataclasses.dataclass
class Spec:
    target: Callable  # a live object: its change form is read-only for everyone
    # Form changes for the change form, one test each: {field: value}. Sent to the live
    # target (refused) and then to its draft (accepted).
    edits: tuple = ()
    # Changes refused to everyone: (a draft object, {field: value}), e.g. moving a section into a live page.
    never: tuple = ()
    add: dict | None = None  # the add form's fields (it makes a draft); None: closed to everyone
    closed: frozenset = frozenset()  # suffixes refused to everyone (403 for superusers too)


def _condition():
    return Condition.objects.first()


SPECS = {
    "condition.page": Spec(
        target=published_page,
        edits=({"title": "Changed by someone"}, {"sections-0-body": "Changed words."}),
        add={
            "condition": lambda: _condition().pk,
            "title": "A new page",
            "slug": "a-new-page",
            "summary": "New.",
            "key_points": "New.",
            "order": 99,
        },
    ),
    "condition.section": Spec(
        target=published_section,
        edits=({"body": "Changed words."}, {"heading": "Changed heading"}),
        never=((draft_section, {"page": lambda: published_page().pk}),),  # into a live page
        closed=frozenset({"add/"}),
    ),
    "condition.sectionimage": Spec(
        target=published_image,
        edits=({"alt": "Wrong words for the picture"}, {"caption": "A wrong caption"}),
        never=((draft_image, {"section": lambda: published_section().pk}),),  # into a live page
        closed=frozenset({"add/"}),
    ),
    "condition.source": Spec(
        target=lambda: Source.objects.live().first(),
        edits=({"url": "https://wrong.example.org/"},),
        add={"key": "newsource", "citation": "A new citation.", "url": "https://example.org/", "year": 2024},
    ),
    "condition.glossaryterm": Spec(
        target=lambda: GlossaryTerm.objects.live().first(),
        edits=({"definition": "A wrong definition."},),
        add={"term": "newterm", "slug": "newterm", "definition": "A new definition."},
    ),
    "condition.condition": Spec(
        target=_condition,
        edits=({"summary": "A wrong summary."},),
        add={"name": "Another condition", "slug": "another", "summary": "Another."},
    ),
    "condition.clinicprofile": Spec(
        target=ClinicProfile.load,
        edits=({"phone": "555 6666"}, {"after_hours_phone": "555 7777"}),
        closed=frozenset({"add/"}),
    ),
    "condition.careadvice": Spec(
        target=lambda: CareAdvice.objects.live().first(),
        edits=({"action": "Wrong advice."}, {"urgency": 3}),
        add={"title": "New advice", "key": "new-advice", "urgency": 2, "look_for": "- x", "action": "Call us."},
    ),
    "condition.pagefeedback": Spec(
        target=new_feedback,
        closed=frozenset({"add/", "<path:object_id>/change/"}),
    ),
    "quizzes.quiz": Spec(
        target=published_quiz,
        edits=({"title": "Changed title"}, {"pass_mark": 50}),
        add={"title": "Another quiz", "slug": "another-quiz", "condition": lambda: _condition().pk, "intro": "x"},
    ),
    "quizzes.question": Spec(
        target=published_question,
        edits=({"prompt": "Changed question?"}, {"choices-0-text": "Changed answer"}),
        never=(
            (published_question, {"quiz": lambda: draft_quiz().pk}),  # out of the live quiz
            (draft_question, {"quiz": lambda: published_quiz().pk}),  # into the live quiz
        ),
        add={
            "quiz": lambda: draft_quiz().pk,
            "prompt": "A new question?",
            "explanation": "Because.",
            "order": 99,
            "choices-0-text": "Right",
            "choices-0-is_correct": "on",
            "choices-1-text": "Wrong",
        },
    ),
    "quizzes.attempt": Spec(target=new_attempt, closed=frozenset({"add/", "<path:object_id>/change/"})),
}
# List actions that change what families see (refused to Editors), and harmless ones.
ACTIONS = {("condition.page", "record_review"): published_page}
HARMLESS_ACTIONS = {("condition.page", "download_handout_pdfs")}


# --- posting ----------------------------------------------------------------------


class FormFields(HTMLParser):
    """The fields a browser would send from the admin's main form."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, {}
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "__prefix__" in (attrs.get("name") or ""):
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields[name] = attrs.get("value", "on")
            else:
                self.fields[name] = attrs.get("value", "")
        elif tag == "select" and name:
            self._select = name
            self.fields.setdefault(name, None)
        elif tag == "option" and self._select:
            if self.fields[self._select] is None or "selected" in attrs:
                self.fields[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data.removeprefix("\n") if not self.fields[self._textarea] else data


def browser_form(client, url, model):
    response = client.get(url)
    assert response.status_code == 200, f"GET {url} as a superuser: {response.status_code}"
    parser = FormFields(f"{model._meta.model_name}_form")
    parser.feed(response.content.decode())
    return {name: value for name, value in parser.fields.items() if value is not None}


def resolved(values):
    return {name: value() if callable(value) else value for name, value in values.items()}


def object_url(model, suffix, obj, action=None):
    opts = model._meta
    names = {
        "add/": "add",
        "<path:object_id>/change/": "change",
        "<path:object_id>/delete/": "delete",
        "<path:object_id>/": "change",
        "<path:object_id>/history/": "history",
        "": "changelist",
        WORKFLOW: "workflow",
    }
    name = names.get(suffix)
    if name is None:  # a model admin's own view, e.g. <int:pk>/preview/
        route = suffix.replace("<int:pk>", str(obj.pk))
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist") + route
    args = [] if name in ("add", "changelist") else [obj.pk, action] if action else [obj.pk]
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args)
    return url[: -len("change/")] if suffix == "<path:object_id>/" else url


@dataclasses.dataclass
class Case:
    url: str
    data: dict
    # "refused": refused to an Editor, changes something live for a superuser;
    # "edit": refused on the live row, accepted on its draft (proof_url);
    # "closed": refused to everyone; "harmless": changes nothing live, whoever sends it;
    # "editor_may": an Editor's POST succeeds and changes nothing live (it makes a draft).
    expect: str
    proof_url: str = ""

    def __str__(self):
        return self.url


def build_case(superuser_client, editor, label, suffix, variant):
    model = apps.get_model(label)
    spec = SPECS[label]
    if suffix in READ_ONLY_SUFFIXES:
        return Case(object_url(model, suffix, spec.target()), {"anything": "x"}, "harmless")
    if suffix in spec.closed or variant in spec.closed:
        obj = spec.target()
        data = {"action": variant, "_selected_action": [obj.pk], "post": "yes"} if variant else {"post": "yes"}
        return Case(object_url(model, suffix, obj), data, "closed")
    if suffix == "":  # an action on the changelist
        obj = (ACTIONS.get((label, variant)) or spec.target)()
        data = {"action": variant, "_selected_action": [obj.pk], "post": "yes"}
        if (label, variant) in HARMLESS_ACTIONS:
            return Case(object_url(model, "", obj), data, "harmless")
        closed = variant == "delete_selected" and drafts.is_content(model)  # live rows are taken down, not deleted
        return Case(object_url(model, "", obj), data, "closed" if closed else "refused")
    if suffix == WORKFLOW:
        return workflow_case(model, spec, editor, variant)
    if suffix == "add/":
        if spec.add is None:
            return Case(object_url(model, suffix, None), {}, "closed")
        url = object_url(model, suffix, None)
        data = {**browser_form(superuser_client, url, model), **resolved(spec.add)}
        return Case(url, data, "editor_may")
    if suffix == "<path:object_id>/delete/":  # a live row is taken down, never deleted
        expect = "closed" if drafts.is_content(model) else "refused"
        return Case(object_url(model, suffix, spec.target()), {"post": "yes"}, expect)
    kind, index = variant
    target, changes = (spec.target, spec.edits[index]) if kind == "edit" else spec.never[index]
    obj = target()
    if kind == "never":
        url = object_url(model, suffix, obj)
        return Case(url, {**browser_form(superuser_client, url, model), **resolved(changes)}, "closed")
    draft = working_copy(obj, editor)
    proof_url = object_url(model, suffix, draft)
    data = {**browser_form(superuser_client, proof_url, model), **resolved(changes)}
    return Case(object_url(model, suffix, obj), data, "edit", proof_url)


def workflow_case(model, spec, editor, action):
    live = drafts.owning_item(spec.target())
    item_model = type(live)
    if action == "put-back":  # on an item taken down (with its translations) by a reviewer
        from django.contrib.auth import get_user_model

        drafts.take_down(live, get_user_model().objects.filter(is_superuser=True).first(), "Wrong advice found.")
        return Case(object_url(item_model, WORKFLOW, live, action), {}, "harmless")
    draft = drafts.start_draft(live, editor)
    if action in ("approve", "send-back", "withdraw"):
        drafts.submit(draft, editor)
    target = {"draft": live, "take-down": live, "restore": live, "translate": live}.get(action, draft)
    if action == "restore":
        revision = drafts.Revision.record(live, drafts.Revision.Action.APPROVED, None)
        data = {"revision": revision.pk}
    else:
        data = {
            "note": "Please check the numbers.",
            "reason": "Wrong advice found.",
            "seen": drafts.fingerprint(draft),
            "language": "es",
        }
    url = object_url(item_model, WORKFLOW, target, action)
    if action == "approve" or action == "take-down" and admin.site._registry[item_model].can_take_down:
        return Case(url, data, "refused")
    return Case(url, data, "closed" if action == "take-down" else "harmless")


def case_ids():
    """One test per admin URL, per action and per form change; unknown ones become failing tests."""
    cases = []
    for _route, (label, rest) in admin_routes():
        if label == "site":
            cases.append(("site", rest, None))
        elif label.split(".")[0] not in CONTENT_APPS:
            continue  # test_editor_is_refused_everywhere_outside_the_content
        elif rest == "":
            cases.extend((label, "", action) for lbl, action in admin_actions() if lbl == label)
        elif rest == "<path:object_id>/change/" and label in SPECS:
            spec = SPECS[label]
            if "<path:object_id>/change/" in spec.closed:
                cases.append((label, rest, None))
            cases.extend((label, rest, ("edit", index)) for index in range(len(spec.edits)))
            cases.extend((label, rest, ("never", index)) for index in range(len(spec.never)))
        elif rest == WORKFLOW:
            cases.extend((label, rest, action) for action in sorted(LIVE_STEPS | DRAFT_STEPS))
        else:
            cases.append((label, rest, None))
    return cases


# --- the tests -------------------------------------------------------------------------


def test_every_admin_url_and_action_is_known():
    unknown = []
    for route, (label, rest) in admin_routes():
        if label == "site":
            known = rest in SITE_VIEWS
        elif label.split(".")[0] not in CONTENT_APPS:
            known = True  # posted to in test_editor_is_refused_everywhere_outside_the_content
        else:
            known = label in SPECS and (rest in READ_ONLY_SUFFIXES or rest in WRITE_SUFFIXES)
        if not known:
            unknown.append(route)
    for label, action in admin_actions():
        if action != "delete_selected" and (label, action) not in ACTIONS | dict.fromkeys(HARMLESS_ACTIONS):
            unknown.append(f"{label} action {action}")
    for model in content_models():
        if model in admin.site._registry and model._meta.label_lower not in SPECS:
            unknown.append(f"{model._meta.label_lower}: no Spec")
    steps = {name.removeprefix("_step_").replace("_", "-") for name in dir(admin.site._registry[Page])}
    steps = {name for name in steps if not name.startswith("-")} & {
        name.removeprefix("_step_").replace("_", "-")
        for name in dir(admin.site._registry[Page])
        if name.startswith("_step_")
    }
    unknown.extend(f"workflow step {step}" for step in steps - LIVE_STEPS - DRAFT_STEPS)
    assert not unknown, "Admin URLs or actions this test does not know how to post to: " + ", ".join(unknown)


@pytest.fixture
def everyone(db, oms_content, editor, admin_user, client, settings):
    from django.test import Client

    settings.OMS_ALLOW_SELF_APPROVAL = False
    superuser_client = verified_login(Client(), admin_user)
    client.force_login(editor)
    return client, superuser_client, editor


@pytest.mark.parametrize(("label", "rest", "variant"), case_ids(), ids=lambda v: str(v))
def test_an_editor_changes_nothing_live_through_any_admin_url(everyone, label, rest, variant):
    editor_client, superuser_client, editor = everyone
    if label == "site":
        assert rest in SITE_VIEWS, f"unknown admin site view {rest}"
        url = SITE_URLS.get(rest) or reverse(f"admin:{rest}")
        case = Case(url, {"anything": "x"}, "harmless")
    else:
        assert label in SPECS, f"no Spec for {label}"
        assert rest in READ_ONLY_SUFFIXES | WRITE_SUFFIXES, f"unknown admin URL {label} {rest}"
        case = build_case(superuser_client, editor, label, rest, variant)

    before = live_snapshot()
    response = editor_client.post(case.url, case.data)
    assert live_snapshot() == before, f"an Editor changed live content through POST {case.url}"
    assert response.status_code < 500
    if case.expect == "editor_may":
        assert response.status_code == 302, "an Editor may add this (it starts as a draft)"
        return
    if case.expect == "edit":
        assert response.status_code == 403, "a live row's form is read-only"
        drafts_before = draft_snapshot()
        response = editor_client.post(case.proof_url, case.data)
        errors = re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.content.decode(), re.S)
        assert response.status_code == 302, f"the payload failed on the draft too: {response.status_code} {errors}"
        assert draft_snapshot() != drafts_before, "the payload changed nothing on the draft: it proves nothing"
        assert live_snapshot() == before
        return

    response = superuser_client.post(case.url, case.data)
    after = live_snapshot()
    if case.expect == "refused":
        assert response.status_code == 302, f"the payload failed for a superuser too: {response.status_code}"
        assert after != before, f"the superuser's POST {case.url} changed nothing live: the payload proves nothing"
    elif case.expect == "closed":
        assert response.status_code in (200, 302, 403) and after == before, "closed to everyone"
    else:
        assert after == before, f"{case.url} is listed as writing nothing live, but it did"


def test_editor_is_refused_everywhere_outside_the_content(everyone, admin_user):
    """Users, groups, login attempts and sign-in devices: Editors hold no permission there."""
    from django.contrib.auth.models import Group
    from django_otp.plugins.otp_totp.models import TOTPDevice

    editor_client, _, _ = everyone
    ids = {
        "auth.user": admin_user.pk,
        "auth.group": Group.objects.get(name="Editors").pk,
        "otp_totp.totpdevice": TOTPDevice.objects.get(user=admin_user).pk,
    }
    before = outside_snapshot()
    checked = 0
    for route, (label, _rest) in admin_routes():
        if label == "site" or label.split(".")[0] in CONTENT_APPS:
            continue
        pk = str(ids.get(label, 1))
        url = "/" + route
        for placeholder in ("<path:object_id>", "<int:pk>", "<id>"):
            url = url.replace(placeholder, pk)
        response = editor_client.post(url, {"action": "delete_selected", "_selected_action": [pk], "post": "yes"})
        assert response.status_code in (302, 403), f"POST {url} as an Editor: {response.status_code}"
        checked += 1
    assert checked >= 20
    assert outside_snapshot() == before


def outside_snapshot():
    snapshot = {}
    for model in admin.site._registry:
        if model._meta.app_label not in CONTENT_APPS:
            snapshot[model._meta.label_lower] = sorted(repr(sorted(row.items())) for row in model.objects.values())
    from django.contrib.auth.models import Group

    snapshot["group permissions"] = sorted(Group.objects.values_list("name", "permissions__codename"))
    return snapshot
