"""Every admin view opens for a superuser: each model's, for an English and a Spanish item, live and draft.

The views come from the admin's own registry: admin.site.get_urls() and each
ModelAdmin's get_urls(), so a new view (ours or a library's) or a new model
fails `test_every_admin_view_is_known` until this file says how it answers.
Each GET view must answer 200, or what ANSWERS below says it answers by
design, with the reason.
"""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import URLResolver

from condition import drafts
from condition.models import Page, PageFeedback
from quizzes.models import Quiz, attempt_submit

pytestmark = pytest.mark.django_db

# How each model admin route is opened; every route any ModelAdmin has must be here.
OBJECT, NO_OBJECT = "object", "no object"
ROUTES = {
    "": NO_OBJECT,  # the list
    "add/": NO_OBJECT,
    "<path:object_id>/": OBJECT,
    "<path:object_id>/change/": OBJECT,
    "<path:object_id>/history/": OBJECT,
    "<path:object_id>/delete/": OBJECT,
    "<int:pk>/preview/": OBJECT,
    "<int:pk>/handout.pdf": OBJECT,
    "<int:pk>/review/": OBJECT,
    "<int:pk>/workflow/<slug:action>/": OBJECT,
    "<int:pk>/results/": OBJECT,
    "<int:pk>/config/": OBJECT,  # django-otp: a device's settings
    "<int:pk>/qrcode/": OBJECT,  # django-otp: a device's QR code
    "<id>/password/": OBJECT,  # Django: set a user's password
}

# Answers other than 200, by design: {(model label or "*", route, which item or "*"): (status, why)}.
LIVE_IS_TAKEN_DOWN = (403, "a live item is taken off the site through review, never deleted")
NO_ROWS_IN_TRANSLATIONS = (403, "rows are never added to or removed from a translation: they follow the original")
WRITTEN_BY_FAMILIES = (403, "families write these; staff only read them")
ANSWERS = {
    ("*", "<path:object_id>/", "*"): (302, "Django's short address for an item redirects to its change form"),
    ("*", "<int:pk>/workflow/<slug:action>/", "*"): (405, "workflow steps are POST only (a form on the change form)"),
    ("*", "<path:object_id>/delete/", "English live"): LIVE_IS_TAKEN_DOWN,
    ("*", "<path:object_id>/delete/", "Spanish live"): LIVE_IS_TAKEN_DOWN,
    ("condition.section", "<path:object_id>/delete/", "Spanish draft"): NO_ROWS_IN_TRANSLATIONS,
    ("quizzes.question", "<path:object_id>/delete/", "Spanish draft"): NO_ROWS_IN_TRANSLATIONS,
    ("condition.sectionimage", "<path:object_id>/delete/", "Spanish draft"): NO_ROWS_IN_TRANSLATIONS,
    ("condition.sectionimage", "add/", "-"): (403, "a picture is added on its section's form, in a page's draft"),
    ("condition.section", "add/", "-"): (403, "a section is added on its page's form, where the page is a draft"),
    ("condition.clinicprofile", "add/", "-"): (403, "there is one clinic profile, made at set-up"),
    ("condition.pagefeedback", "add/", "-"): WRITTEN_BY_FAMILIES,
    ("quizzes.attempt", "add/", "-"): WRITTEN_BY_FAMILIES,
    ("axes.accessattempt", "add/", "-"): (403, "django-axes writes its sign-in records itself"),
    ("axes.accesslog", "add/", "-"): (403, "django-axes writes its sign-in records itself"),
    ("axes.accessfailurelog", "add/", "-"): (403, "django-axes writes its sign-in records itself"),
}

# The admin site's own views: {name: (address, status, why)}; every one must be here.
SITE_VIEWS = {
    "index": ("/admin/", 200, ""),
    "app_list": ("/admin/condition/", 200, ""),
    "login": ("/admin/login/", 302, "someone signed in is sent on to the admin home"),
    "second_factor": ("/admin/sign-in/code/", 302, "a session that gave its code is sent on"),
    "second_factor_setup": ("/admin/sign-in/set-up/", 302, "only before a sign-in app is set up"),
    "second_factor_link": (
        "/admin/sign-in/set-up/" + "x" * 43 + "/",
        410,
        "a set-up link no administrator issued (run out, used, or never made)",
    ),
    "logout": ("/admin/logout/", 405, "signing out is a POST (Django's admin)"),
    "password_change": ("/admin/password_change/", 200, ""),
    "your_language": ("/admin/your-language/", 200, ""),
    "password_change_done": ("/admin/password_change/done/", 200, ""),
    "autocomplete": (
        "/admin/autocomplete/?app_label=quizzes&model_name=question&field_name=section&term=eye",
        200,
        "(a question's section)",
    ),
    "jsi18n": ("/admin/jsi18n/", 200, ""),
    "view_on_site": (
        lambda: f"/admin/r/{ContentType.objects.get_for_model(Page).pk}/{Page.objects.live().first().pk}/",
        302,
        "to the page families read",
    ),
    "(?P<url>.*)$": ("/admin/no-such-page/", 404, "the admin's answer for an address it does not have"),
}


def model_routes(model_admin):
    return [str(pattern.pattern) for pattern in model_admin.get_urls()]


def site_routes():
    """The admin site's own views, without the model admins' (each is listed by its own get_urls())."""
    own = []
    for pattern in admin.site.get_urls():
        if isinstance(pattern, URLResolver):
            continue  # a model admin's include
        own.append((str(pattern.pattern), pattern.name or str(pattern.pattern)))
    return own


# --- the items to open --------------------------------------------------------------


def _owner_path(model):
    """The lookup from a DraftChild row to its content item ("section__page")."""
    path, current = [], model
    while issubclass(current, drafts.DraftChild):
        path.append(current.parent_field)
        current = current._meta.get_field(current.parent_field).related_model
    return "__".join(path), current


def content_items(model, user):
    """{"English live": item, "English draft": ..., "Spanish live": ..., "Spanish draft": ...} of a content item model."""
    items = {}
    for language, name in (("en", "English"), ("es", "Spanish")):
        live = model.objects.originals().filter(language=language, status=model.Status.PUBLISHED).first()
        if live is None:
            continue
        items[f"{name} live"] = live
        items[f"{name} draft"] = drafts.start_draft(live, user)
    return items


def rows_of(model, user):
    """The same four for a row of content (a section, a question, a picture), found through its item."""
    path, _item_model = _owner_path(model)
    items = {}
    for language, name in (("en", "English"), ("es", "Spanish")):
        live = {f"{path}__language": language, f"{path}__status": "published", f"{path}__draft_of": None}
        row = model.objects.filter(**live).first()
        if row is None:
            continue
        items[f"{name} live"] = row
        draft = drafts.start_draft(drafts.owning_item(row), user)
        items[f"{name} draft"] = draft_row(row, draft)
    return items


def draft_row(row, draft):
    """`row`'s copy in the draft of its item (each level of rows points to the one it was copied from)."""
    levels = []
    while isinstance(row, drafts.DraftChild):
        levels.append(row)
        row = getattr(row, row.parent_field)
    copy = draft
    for original in reversed(levels):
        copy = type(original).objects.get(origin=original, **{original.parent_field: copy})
    return copy


def other_items(model, admin_user):
    """One row of a model that is not content (feedback, attempts, staff accounts, sign-in records)."""
    label = model._meta.label_lower
    if label == "auth.user":
        return {"a superuser": admin_user}
    if label == "auth.group":
        return {"the Editors": Group.objects.get(name="Editors")}
    if label == "condition.pagefeedback":
        return {"a comment": PageFeedback.objects.create(page=Page.objects.live().first(), helpful=False, comment="?")}
    if label == "quizzes.attempt":
        quiz = Quiz.objects.live().first()
        question = quiz.questions.first()
        return {"an attempt": attempt_submit(quiz=quiz, answers=[(question, question.choices.first())])}
    row = model.objects.first()
    if row is None:
        row = MAKERS[label](admin_user)
    return {"one": row}


def _access_attempt(user):
    from axes.models import AccessAttempt

    return AccessAttempt.objects.create(username="guess", ip_address="192.0.2.1", failures_since_start=2)


def _access_log(user):
    from axes.models import AccessLog

    return AccessLog.objects.create(username=user.username, ip_address="192.0.2.1")


def _access_failure(user):
    from axes.models import AccessFailureLog

    return AccessFailureLog.objects.create(username="guess", ip_address="192.0.2.1", locked_out=False)


def _static_device(user):
    from django_otp.plugins.otp_static.models import StaticDevice

    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    device.token_set.create(token="abcd2345")
    return device


MAKERS = {
    "axes.accessattempt": _access_attempt,
    "axes.accesslog": _access_log,
    "axes.accessfailurelog": _access_failure,
    "otp_static.staticdevice": _static_device,
}


def items_of(model, admin_user):
    if issubclass(model, drafts.Content):
        return content_items(model, admin_user)
    if issubclass(model, drafts.DraftChild):
        return rows_of(model, admin_user)
    return other_items(model, admin_user)


def expected(label, route, which):
    for key in ((label, route, which), (label, route, "*"), ("*", route, which), ("*", route, "*")):
        if key in ANSWERS:
            return ANSWERS[key]
    return 200, ""


def address(model, route, item):
    opts = model._meta
    url = f"/admin/{opts.app_label}/{opts.model_name}/{route}"
    if item is not None:
        for placeholder in ("<path:object_id>", "<int:pk>", "<id>"):
            url = url.replace(placeholder, str(item.pk))
        url = url.replace("<slug:action>", "submit")
    return url


# --- the tests -----------------------------------------------------------------------


def test_every_admin_view_is_known():
    unknown = [
        f"{model._meta.label_lower} {route}"
        for model, model_admin in admin.site._registry.items()
        for route in model_routes(model_admin)
        if route not in ROUTES
    ]
    unknown += [f"site {name}" for _route, name in site_routes() if name not in SITE_VIEWS]
    assert not unknown, "Admin views this test does not know how to open: " + ", ".join(unknown)


@pytest.fixture
def superuser(admin_client, admin_user):
    admin_client.raise_request_exception = False  # a 500 is reported with the others, not raised
    return admin_client, admin_user


# The apps whose admin views need the default content (pages, quizzes, feedback, attempts) to open.
CONTENT_APPS = {"condition", "quizzes"}


@pytest.mark.parametrize("label", sorted(model._meta.label_lower for model in admin.site._registry), ids=str)
def test_every_view_of_every_model_opens_for_a_superuser(request, superuser, label):
    client, user = superuser
    if label.split(".")[0] in CONTENT_APPS:
        request.getfixturevalue("oms_content")
    model = apps.get_model(label)
    model_admin = admin.site._registry[model]
    items = items_of(model, user)
    assert items, f"no {label} to open"
    if drafts.is_content(model):
        item_model = _owner_path(model)[1]
        languages = {"English live", "English draft"}
        if item_model.translated_fields:  # translated content: the Spanish item too
            languages |= {"Spanish live", "Spanish draft"}
        assert set(items) == languages, f"{label}: found {sorted(items)}"
    wrong = []
    for route in model_routes(model_admin):
        assert route in ROUTES, f"{label} {route}: unknown (see test_every_admin_view_is_known)"
        targets = items.items() if ROUTES[route] == OBJECT else [("-", None)]
        for which, item in targets:
            url = address(model, route, item)
            status, why = expected(label, route, which)
            response = client.get(url)
            if response.status_code != status:
                wrong.append(f"{which}: GET {url} answered {response.status_code}, expected {status} {why}")
    assert not wrong, "\n".join(wrong)


def test_every_admin_site_view_opens_for_a_superuser(superuser, oms_content):
    client, _user = superuser
    wrong = []
    for _route, name in site_routes():
        url, status, why = SITE_VIEWS[name]
        url = url() if callable(url) else url
        response = client.get(url)
        if response.status_code != status:
            wrong.append(f"GET {url} ({name}) answered {response.status_code}, expected {status} {why}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("label", ["condition.page", "condition.careadvice"], ids=str)
def test_a_taken_down_item_and_its_translation_open_before_and_after_put_back(superuser, oms_content, label):
    """Content a reviewer may take down: its change form and review, compared with the version that came down."""
    client, user = superuser
    model = apps.get_model(label)
    english = model.objects.originals().filter(language="en", status="published", translations__isnull=False).first()
    spanish = english.translations.originals().get(language="es")
    drafts.take_down(english, user, "Wrong advice found.")
    opts = model._meta

    def open_all():
        for item in (english, spanish):
            for view in ("change", "review"):
                response = client.get(f"/admin/{opts.app_label}/{opts.model_name}/{item.pk}/{view}/")
                assert response.status_code == 200, f"{item.language} {view}: {response.status_code}"

    open_all()
    response = client.post(f"/admin/{opts.app_label}/{opts.model_name}/{english.pk}/workflow/put-back/")
    assert response.status_code == 302
    open_all()
