"""Every admin URL, posted to by an Editor with plausible data: nothing families see changes.

The URLs come from the URL resolver, so a new admin view, action or model
(ours or a library's) fails `test_every_admin_url_and_action_is_known` until
this file says how to post to it. Each refused payload is sent again by a
superuser and must then succeed (a redirect and a live change), which proves
the Editor was refused and not merely sent an invalid form.

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
from django.urls import URLResolver, get_resolver, reverse

from condition.models import CareAdvice, ClinicProfile, Condition, GlossaryTerm, Page, PageFeedback, Section, Source
from quizzes.models import Question, Quiz, attempt_submit
from tests.conftest import verified_login

CONTENT_APPS = ("condition", "quizzes")

# What families can see, per model (every row, unless a filter says which rows are live).
LIVE_ROWS = {
    "condition.page": {"status": "published"},
    "condition.section": {"page__status": "published"},
    "condition.careadvice": {"placements__page__status": "published"},
    "condition.pageslugredirect": {"page__status": "published"},
    "quizzes.quiz": {"status": "published"},
    "quizzes.question": {"quiz__status": "published"},
    "quizzes.choice": {"question__quiz__status": "published"},
}


# Bookkeeping, not content: any save moves the cache version on, drafts included.
NOT_CONTENT = {"condition.contentversion"}


def content_models():
    for app_label in CONTENT_APPS:
        for model in apps.get_app_config(app_label).get_models():
            if not model._meta.model_name.startswith("historical") and model._meta.label_lower not in NOT_CONTENT:
                yield model


def live_snapshot():
    snapshot = {}
    for model in content_models():
        rows = model._default_manager.filter(**LIVE_ROWS.get(model._meta.label_lower, {})).distinct().values()
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
    "autocomplete",
    "jsi18n",
    "view_on_site",
    "app_list",
    "(?P<url>.*)$",  # the admin's catch-all 404
    "second_factor",
    "second_factor_setup",
}
SITE_URLS = {
    "view_on_site": "/admin/r/1/1/",
    "app_list": "/admin/condition/",
    "(?P<url>.*)$": "/admin/no-such-page/",
}
READ_ONLY_SUFFIXES = {
    "<path:object_id>/",  # redirects to the change form
    "<path:object_id>/history/",  # the list of versions
    "<int:pk>/preview/",
    "<int:pk>/handout.pdf",
    "<int:pk>/results/",
}
WRITE_SUFFIXES = {"", "add/", "<path:object_id>/change/", "<path:object_id>/delete/", "^([^/]+)/history/([^/]+)/$"}


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


@dataclasses.dataclass
class Spec:
    target: Callable  # a live object to change, revert and delete
    # Form changes for the change and revert forms, one test each: {field: value},
    # or (another target, {field: value}).
    edits: tuple = ()
    add: dict | None = None  # the add form's fields; None: closed to everyone
    editor_may_add: bool = False  # adding one does not put it live (it starts as a draft)
    delete_target: Callable | None = None  # when the live target cannot be deleted by anyone
    closed: frozenset = frozenset()  # suffixes refused to everyone (403 for superusers too)


def _condition():
    return Condition.objects.first()


SPECS = {
    "condition.page": Spec(
        target=published_page,
        edits=({"title": "Changed by someone"}, {"sections-0-body": "Changed words."}, {"status": "draft"}),
        add={
            "condition": lambda: _condition().pk,
            "title": "A new live page",
            "slug": "a-new-live-page",
            "summary": "New.",
            "key_points": "New.",
            "order": 99,
            "status": "published",
        },
    ),
    "condition.section": Spec(
        target=published_section,
        edits=(
            {"body": "Changed words."},
            {"heading": "Changed heading"},
            (draft_section, {"page": lambda: published_page().pk}),  # into a live page
        ),
        closed=frozenset({"add/"}),
    ),
    "condition.source": Spec(
        target=lambda: Source.objects.first(),
        edits=({"url": "https://wrong.example.org/"},),
        add={"key": "newsource", "citation": "A new citation.", "url": "https://example.org/", "year": 2024},
    ),
    "condition.glossaryterm": Spec(
        target=lambda: GlossaryTerm.objects.first(),
        edits=({"definition": "A wrong definition."},),
        add={"term": "newterm", "slug": "newterm", "definition": "A new definition."},
    ),
    "condition.condition": Spec(
        target=_condition,
        edits=({"summary": "A wrong summary."},),
        add={"name": "Another condition", "slug": "another", "summary": "Another."},
        delete_target=lambda: Condition.objects.create(status="published", name="Spare", slug="spare", summary="Spare."),
    ),
    "condition.clinicprofile": Spec(
        target=ClinicProfile.load,
        edits=({"phone": "555 6666"}, {"after_hours_phone": "555 7777"}),
        closed=frozenset({"add/", "<path:object_id>/delete/", "delete_selected"}),
    ),
    "condition.careadvice": Spec(
        target=lambda: CareAdvice.objects.filter(placements__page__status=Page.Status.PUBLISHED).first(),
        edits=({"action": "Wrong advice."}, {"urgency": 3}),
        add={"title": "New advice", "key": "new-advice", "urgency": 2, "look_for": "- x", "action": "Call us."},
        editor_may_add=True,  # not live until placed on a published page
        # Advice on a page cannot be deleted (PROTECT); Editors may not delete any.
        delete_target=lambda: CareAdvice.objects.create(status="published", 
            title="Spare", key="spare", urgency=2, look_for="- x", action="Call us."
        ),
    ),
    "condition.pagefeedback": Spec(
        target=new_feedback,
        closed=frozenset({"add/", "<path:object_id>/change/"}),
    ),
    "quizzes.quiz": Spec(
        target=published_quiz,
        edits=({"status": "draft"}, {"title": "Changed title"}, {"questions-0-order": 99}),
        add={
            "title": "Another quiz",
            "slug": "another-quiz",
            "condition": lambda: _condition().pk,
            "intro": "Checks.",
            "pass_mark": 70,
            "status": "draft",
        },
        editor_may_add=True,
        delete_target=lambda: Quiz.objects.create(
            title="Spare", slug="spare", condition=_condition(), intro="x", status=Quiz.Status.PUBLISHED
        ),
    ),
    "quizzes.question": Spec(
        target=published_question,
        edits=(
            {"prompt": "Changed question?"},
            {"choices-0-text": "Changed answer"},
            {"quiz": lambda: draft_quiz().pk},  # out of the live quiz
            (draft_question, {"quiz": lambda: published_quiz().pk}),  # into the live quiz
        ),
        add={
            "quiz": lambda: published_quiz().pk,
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
# Page actions: whom each may change what families see.
ACTIONS = {
    ("condition.page", "publish"): draft_page,
    ("condition.page", "record_review"): published_page,
}
HARMLESS_ACTIONS = {("condition.page", "submit_for_review"), ("condition.page", "download_handout_pdfs")}


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
            self.inside = attrs.get("id") in (self.form_id, f"historical{self.form_id}")
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


def object_url(model, suffix, obj, version=None):
    opts = model._meta
    names = {
        "add/": "add",
        "<path:object_id>/change/": "change",
        "<path:object_id>/delete/": "delete",
        "^([^/]+)/history/([^/]+)/$": "simple_history",
        "<path:object_id>/": "change",
        "<path:object_id>/history/": "history",
        "": "changelist",
    }
    name = names.get(suffix)
    if name is None:  # a model admin's own view, e.g. <int:pk>/preview/
        route = suffix.replace("<int:pk>", str(obj.pk))
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist") + route
    args = [] if name in ("add", "changelist") else [obj.pk, version] if version else [obj.pk]
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args)
    return url[: -len("change/")] if suffix == "<path:object_id>/" else url


@dataclasses.dataclass
class Case:
    url: str
    data: dict
    expect: str  # "refused", "closed", "harmless" or "editor_may"
    deleted: object = None  # for deletes: the object the superuser's POST removes

    def __str__(self):
        return self.url


def build_case(superuser_client, label, suffix, variant):
    model = apps.get_model(label)
    spec = SPECS[label]
    if suffix in READ_ONLY_SUFFIXES:
        return Case(object_url(model, suffix, spec.target()), {"anything": "x"}, "harmless")
    if suffix in spec.closed or variant in spec.closed:
        obj = spec.target()
        data = {"action": variant, "_selected_action": [obj.pk], "post": "yes"} if variant else {"post": "yes"}
        return Case(object_url(model, suffix, obj), data, "closed")
    if suffix == "":  # an action on the changelist
        target = ACTIONS.get((label, variant)) or (spec.delete_target or spec.target)
        obj = target()
        data = {"action": variant, "_selected_action": [obj.pk], "post": "yes"}
        expect = "harmless" if (label, variant) in HARMLESS_ACTIONS else "refused"
        return Case(object_url(model, "", obj), data, expect, obj if variant == "delete_selected" else None)
    if suffix == "add/":
        if spec.add is None:
            return Case(object_url(model, suffix, None), {}, "closed")
        url = object_url(model, suffix, None)
        data = {**browser_form(superuser_client, url, model), **resolved(spec.add)}
        return Case(url, data, "editor_may" if spec.editor_may_add else "refused")
    if suffix == "<path:object_id>/delete/":
        obj = (spec.delete_target or spec.target)()
        return Case(object_url(model, suffix, obj), {"post": "yes"}, "refused", obj)
    edit = spec.edits[variant]
    target, changes = edit if isinstance(edit, tuple) else (spec.target, edit)
    obj = target()
    version = None
    if suffix == "^([^/]+)/history/([^/]+)/$":
        version = obj.history.earliest().history_id
    url = object_url(model, suffix, obj, version)
    data = {**browser_form(superuser_client, url, model), **resolved(changes)}
    return Case(url, data, "refused")


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
        elif rest in ("<path:object_id>/change/", "^([^/]+)/history/([^/]+)/$") and label in SPECS:
            for index, edit in enumerate(SPECS[label].edits):
                changes = edit[1] if isinstance(edit, tuple) else edit
                inline = any("-" in name for name in changes)
                if not (inline and rest.startswith("^")):  # the history form has no inlines
                    cases.append((label, rest, index))
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
    assert not unknown, "Admin URLs or actions this test does not know how to post to: " + ", ".join(unknown)


@pytest.fixture
def everyone(db, oms_content, editor, admin_user, client):
    from django.test import Client

    superuser_client = verified_login(Client(), admin_user)
    client.force_login(editor)
    return client, superuser_client


@pytest.mark.parametrize(("label", "rest", "variant"), case_ids(), ids=lambda v: str(v))
def test_an_editor_changes_nothing_live_through_any_admin_url(everyone, label, rest, variant):
    editor_client, superuser_client = everyone
    if label == "site":
        assert rest in SITE_VIEWS, f"unknown admin site view {rest}"
        url = SITE_URLS.get(rest) or reverse(f"admin:{rest}")
        case = Case(url, {"anything": "x"}, "harmless")
    else:
        assert label in SPECS, f"no Spec for {label}"
        assert rest in READ_ONLY_SUFFIXES | WRITE_SUFFIXES, f"unknown admin URL {label} {rest}"
        case = build_case(superuser_client, label, rest, variant)

    before = live_snapshot()
    response = editor_client.post(case.url, case.data)
    assert live_snapshot() == before, f"an Editor changed live content through POST {case.url}"
    if case.deleted is not None:
        assert type(case.deleted).objects.filter(pk=case.deleted.pk).exists(), "an Editor deleted it"
    assert response.status_code < 500
    if case.expect == "editor_may":
        assert response.status_code == 302, "an Editor may add this (it starts as a draft)"
        return

    response = superuser_client.post(case.url, case.data)
    after = live_snapshot()
    if case.expect == "refused":
        errors = re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.content.decode(), re.S)
        assert response.status_code == 302, f"the payload failed for a superuser too: {response.status_code} {errors}"
        if case.deleted is not None:
            assert not type(case.deleted).objects.filter(pk=case.deleted.pk).exists(), "the superuser's delete failed"
        else:
            assert after != before, f"the superuser's POST {case.url} changed nothing live: the payload proves nothing"
    elif case.expect == "closed":
        assert response.status_code in (200, 302, 403) and after == before, "closed to everyone"
    else:
        assert after == before, f"{case.url} is listed as writing nothing live, but it did"


def test_editor_is_refused_everywhere_outside_the_content(everyone, admin_user):
    """Users, groups, login attempts and sign-in devices: Editors hold no permission there."""
    from django.contrib.auth.models import Group
    from django_otp.plugins.otp_totp.models import TOTPDevice

    editor_client, _ = everyone
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
        url = url.replace("^([^/]+)/history/([^/]+)/$", f"{pk}/history/1/")
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
