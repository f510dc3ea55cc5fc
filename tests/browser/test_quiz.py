import re

from playwright.sync_api import expect

from quizzes.models import Attempt, Quiz


def answer_all(page, quiz, *, wrong_index):
    """Pick the right answer everywhere except question `wrong_index`."""
    for index, question in enumerate(quiz.questions.prefetch_related("choices")):
        choice = next(c for c in question.choices.all() if c.is_correct != (index == wrong_index))
        page.locator(f"input[name='question_{question.pk}'][value='{choice.pk}']").check()


def test_family_answers_one_wrong_sees_feedback_follows_the_link_back_and_retries(site, phone):
    quiz = Quiz.objects.get(translation_of=None, slug="oms-basics")
    questions = list(quiz.questions.all())
    phone.goto(site.url + "/")
    phone.get_by_role(
        "link", name="Check your understanding with a short quiz"
    ).click()  # the only quiz: straight to it
    expect(phone.get_by_text(f"Question 1 of {len(questions)}")).to_be_visible()

    expect(phone.locator("#quiz-progress")).to_have_text(f"0 of {len(questions)} answered")
    answer_all(phone, quiz, wrong_index=3)
    expect(phone.locator("#quiz-progress")).to_have_text(f"{len(questions)} of {len(questions)} answered")
    phone.get_by_role("button", name="See my results").click()

    total = len(questions)
    expect(phone.locator(".score")).to_have_text(
        f"{total - 1} out of {total} right ({round(100 * (total - 1) / total)}%)"
    )
    section = questions[3].section
    read_again = phone.locator(".read-again")
    expect(read_again.get_by_role("link")).to_have_text([section.heading])
    wrong = phone.locator(".result-item.wrong")
    expect(wrong).to_have_count(1)
    expect(wrong).to_contain_text(questions[3].prompt)
    expect(wrong).to_contain_text("The right answer:")
    assert Attempt.objects.count() == 1

    wrong.get_by_role("link").click()
    expect(phone).to_have_url(re.compile(rf"/topics/{section.page.slug}/#{section.anchor}$"))
    expect(phone.locator(f"#{section.anchor}")).to_be_in_viewport()

    phone.go_back()
    phone.get_by_role("link", name="Try again").click()
    expect(phone.locator("input[type=radio]:checked")).to_have_count(0)
    answer_all(phone, quiz, wrong_index=-1)
    phone.get_by_role("button", name="See my results").click()
    expect(phone.locator(".score")).to_have_text(f"{total} out of {total} right (100%)")
    assert Attempt.objects.count() == 2


def test_a_skipped_question_is_flagged_and_the_other_answers_are_kept(site, phone):
    quiz = Quiz.objects.get(translation_of=None, slug="oms-basics")
    phone.goto(site.url + f"/quiz/{quiz.slug}/")
    answer_all(phone, quiz, wrong_index=-1)
    skipped = quiz.questions.all()[2]
    phone.locator(f"input[name='question_{skipped.pk}']:checked").evaluate("el => el.checked = false")
    phone.get_by_role("button", name="See my results").click()
    expect(phone.get_by_role("alert")).to_contain_text("Question 3: please choose an answer.")
    # The flag beside the question sits under its last choice, which keeps the phone's
    # full width (it once squeezed that choice to a word or two per line).
    last_choice = phone.locator(f"#div_id_question_{skipped.pk} .form-check").last
    flag = phone.locator(f"#id_question_{skipped.pk}_error")
    label, box = last_choice.locator("label").bounding_box(), flag.bounding_box()
    assert box["y"] >= label["y"] + label["height"]
    assert label["width"] > 200
    expect(phone.locator("input[type=radio]:checked")).to_have_count(quiz.questions.count() - 1)
    phone.get_by_role("alert").get_by_role("link").click()
    expect(phone.locator(f"#id_question_{skipped.pk}_0")).to_be_in_viewport()
    assert not Attempt.objects.exists()
