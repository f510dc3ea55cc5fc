"""Every public page is well-formed HTML5: the parser reports no errors."""

import html5lib
import pytest

from tests.browser.test_accessibility import PUBLIC_PATHS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", PUBLIC_PATHS + ["/topics/symptoms/feedback/"])
def test_public_pages_parse_as_html5_without_errors(client, oms_content, path):
    response = client.get(path, follow=True)
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(response.content)  # raises ParseError on the first error
    assert parser.errors == []


def test_the_quiz_result_page_parses_without_errors(client, oms_content):
    from quizzes.models import Quiz

    quiz = Quiz.objects.get(slug="oms-basics")
    data = {f"question_{q.pk}": q.choices.first().pk for q in quiz.questions.all()}
    result = client.get(client.post("/quiz/oms-basics/", data)["Location"])
    html5lib.HTMLParser(strict=True).parse(result.content)
