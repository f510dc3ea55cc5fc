import functools

from django.http import Http404
from django.urls import path
from django.utils.translation import get_language_from_path
from django.views.decorators.http import require_http_methods

from condition import feedback, image_views, offline, questions_views, views
from condition.handouts import PAPERS
from condition.search.views import search_page
from pagecache.cache import public_page
from pagecache.lastgood import last_good_copy

app_name = "condition"

# Handout PDFs are downloads: GET and HEAD only (a POST is 405).
read_only = require_http_methods(["GET", "HEAD"])


def unprefixed(view):
    """Files the same in every language (pictures, the service worker) answer only at their one address.

    The public site sits under i18n_patterns (omsportal/urls.py); /es/sw.js would
    register a second worker, /es/media/ a second copy of every picture.
    Their addresses are reversed in the default language (condition.languages.default_url).
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if get_language_from_path(request.path_info):
            raise Http404("Not under a language prefix")
        return view(request, *args, **kwargs)

    return wrapper  # functools.wraps keeps public_page (the page cache's mark)


urlpatterns = [
    path("", public_page(views.home), name="home"),
    path("topics/<slug:slug>/", public_page(views.PageDetailView.as_view()), name="page"),
    path("topics/<slug:slug>/feedback/", views.feedback, name="feedback"),
    path("topics/<slug:slug>/vote/", feedback.vote, name="vote"),
    path("topics/<slug:slug>/feedback/comment/", feedback.comment, name="feedback_comment"),
    path("topics/<slug:slug>/questions/", questions_views.questions_list, name="questions"),
    path("search/", search_page, name="search"),
    path("topics/<slug:slug>/feedback/thanks/", views.feedback_thanks, name="feedback_thanks"),
    path("topics/<slug:slug>/handout/", public_page(views.page_handout, params={"paper": PAPERS}), name="page_handout"),
    path("topics/<slug:slug>/handout.pdf", read_only(views.page_handout), {"as_pdf": True}, name="page_handout_pdf"),
    # Built ahead and served from file storage (condition.handout_files).
    path("conditions/<slug:slug>/handout/", read_only(views.condition_handout), name="condition_handout"),
    path(
        "conditions/<slug:slug>/handout.pdf",
        read_only(views.condition_handout),
        {"as_pdf": True},
        name="condition_handout_pdf",
    ),
    path("help/", last_good_copy(public_page(views.help_page)), name="help"),
    path("glossary/", public_page(views.GlossaryView.as_view()), name="glossary"),
    path("sources/", public_page(views.sources), name="sources"),
    # Pictures from file storage, under the names condition.images gave them.
    path("media/<path:name>", unprefixed(image_views.picture), name="image"),
    # The service worker for reading offline: at the root, so it may serve every page.
    path("sw.js", unprefixed(public_page(offline.service_worker)), name="service_worker"),
]
