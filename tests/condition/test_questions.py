"""Questions for your care team: suggested by staff, ticked by families, printed; nothing stored."""

import pytest
from django.urls import reverse
from django.utils import translation

from condition import shipped
from condition.models import Page, SuggestedQuestion
from tests.admin_forms import inline_rows
from tests.condition.test_admin import page_form_data
from tests.factories import PageFactory, SectionFactory

QUESTIONS = shipped.content("en").questions

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    page = PageFactory(slug="treatment", title="Treatment")
    SectionFactory(page=page)
    for order, text in enumerate(["How long will treatment last?", "What side effects?", "<b>Bold?</b>"]):
        SuggestedQuestion.objects.create(page=page, text=text, order=order)
    return page


def test_the_topic_page_offers_its_questions_as_a_get_form(client, page):
    html = client.get(page.get_absolute_url()).content.decode()
    assert "Questions for your care team" in html
    assert f'<form method="get" action="{reverse("condition:questions", args=[page.slug])}">' in html
    assert html.count('type="checkbox" ') == 3
    assert "&lt;b&gt;Bold?&lt;/b&gt;" in html


def test_the_list_shows_only_the_ticked_questions_with_space_for_answers(client, page, django_assert_num_queries):
    first, _, third = page.suggested_questions.all()
    url = reverse("condition:questions", args=[page.slug])
    with django_assert_num_queries(3):  # the page, its questions, the clinic footer
        response = client.get(url, {"q": [first.pk, third.pk]})
    html = response.content.decode()
    assert response.status_code == 200
    assert "How long will treatment last?" in html and "&lt;b&gt;Bold?&lt;/b&gt;" in html
    assert "What side effects?" not in html
    assert html.count('<textarea class="answer-space"') >= 2
    assert '<meta name="robots" content="noindex">' in html
    assert "csrfmiddlewaretoken" not in html and not response.cookies  # nothing kept about the family


@pytest.mark.parametrize("ticks", [[], ["x"], ["-1"], ["99999999999999"], ["١"], ["1" * 5000]])
def test_no_or_odd_ticks_ask_again_without_an_error(client, page, ticks):
    response = client.get(reverse("condition:questions", args=[page.slug]), {"q": ticks})
    assert response.status_code == 200
    assert "No questions were ticked" in response.content.decode()


def test_questions_of_another_page_are_not_listed(client, page):
    other = PageFactory()
    foreign = SuggestedQuestion.objects.create(page=other, text="Somebody else's question?")
    html = client.get(reverse("condition:questions", args=[page.slug]), {"q": [foreign.pk]}).content.decode()
    assert "Somebody else" not in html


def test_an_unpublished_page_has_no_question_list(client):
    draft = PageFactory(status=Page.Status.DRAFT)
    assert client.get(reverse("condition:questions", args=[draft.slug])).status_code == 404


def test_editing_a_question_shows_on_the_cached_page_at_once(client, page):
    client.get(page.get_absolute_url())
    question = page.suggested_questions.first()
    question.text = "A clearer question?"
    question.save()
    assert "A clearer question?" in client.get(page.get_absolute_url()).content.decode()


def _form_with_questions(page, rows):
    data = page_form_data(page)
    data.update(inline_rows("suggested_questions", rows, initial=page.suggested_questions.count()))
    return data


def test_an_editor_adds_questions_to_a_draft_page_inline(editor_client):
    page = PageFactory(status=Page.Status.DRAFT)
    data = _form_with_questions(page, [{"page": page.pk, "text": "What happens next?", "order": 1}])
    response = editor_client.post(reverse("admin:condition_page_change", args=[page.pk]), data)
    assert response.status_code == 302
    assert list(page.suggested_questions.values_list("text", flat=True)) == ["What happens next?"]


def test_an_editor_cannot_change_the_questions_of_a_published_page(editor_client, page):
    question = page.suggested_questions.first()
    rows = [{"id": q.pk, "page": page.pk, "text": "Sneaky?", "order": q.order} for q in page.suggested_questions.all()]
    response = editor_client.post(
        reverse("admin:condition_page_change", args=[page.pk]), _form_with_questions(page, rows)
    )
    assert response.status_code == 403
    question.refresh_from_db()
    assert question.text == "How long will treatment last?"


def test_approving_a_draft_changes_the_questions_of_a_published_page_keeping_their_ids(
    editor_client, editor, reviewer, page
):
    from condition import drafts

    ids = list(page.suggested_questions.values_list("pk", flat=True))
    editor_client.post(reverse("admin:condition_page_workflow", args=[page.pk, "draft"]))
    draft = page.drafts.get()
    rows = [
        {"id": q.pk, "page": draft.pk, "text": f"Better {q.order}?", "order": q.order}
        for q in draft.suggested_questions.all()
    ]
    response = editor_client.post(
        reverse("admin:condition_page_change", args=[draft.pk]), _form_with_questions(draft, rows)
    )
    assert response.status_code == 302
    assert page.suggested_questions.first().text == "How long will treatment last?"  # live until approved
    drafts.submit(draft, editor)
    drafts.approve(draft, reviewer)
    assert page.suggested_questions.first().text == "Better 0?"
    assert list(page.suggested_questions.values_list("pk", flat=True)) == ids


def test_every_default_page_gets_three_to_five_questions(oms_content):
    for page in Page.objects.all():
        count = page.suggested_questions.count()
        assert 3 <= count <= 5, page.slug
    assert set(QUESTIONS) == set(Page.objects.values_list("slug", flat=True))


def test_loading_again_leaves_staff_edits_alone(oms_content):
    question = SuggestedQuestion.objects.filter(page__slug="treatment").first()
    question.text = "Edited by staff?"
    question.save()
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("load_oms_content", stdout=out)
    assert "kept     questions for treatment" in out.getvalue()
    assert "created" not in out.getvalue()
    question.refresh_from_db()
    assert question.text == "Edited by staff?"


def test_a_spanish_reader_gets_the_spanish_questions_they_ticked_in_one_more_query(
    client, oms_content, django_assert_num_queries
):
    english = Page.objects.live().get(slug="treatment")
    spanish = Page.objects.live("es").get(translation_of=english)
    first, second, *_ = spanish.suggested_questions.all()
    # override() puts the test's language back after the request, as LocaleMiddleware does not.
    with translation.override("es"), django_assert_num_queries(4):  # page, translation, its questions, footer
        response = client.get(f"/es/topics/{english.slug}/questions/", {"q": [first.pk, second.pk]})
    html = response.content.decode()
    assert response.status_code == 200
    assert first.text in html and second.text in html
    assert f"Sobre: {spanish.title}" in html and "No marcó ninguna pregunta" not in html
    assert not any(question.text in html for question in english.suggested_questions.all())


def test_the_feedback_steps_name_the_page_in_the_readers_language(client, oms_content):
    spanish = Page.objects.live("es").get(translation_of__slug="treatment")
    with translation.override("es"):
        asked = client.get("/es/topics/treatment/feedback/?helpful=yes").content.decode()
        thanks = client.get("/es/topics/treatment/feedback/thanks/").content.decode()
    assert f"“{spanish.title}”" in asked and f"“{spanish.title}”" in thanks
    assert "“Treatment”" not in asked + thanks
