from django.urls import path

from condition import views
from condition.cache import public_page
from condition.handouts import handout_page
from condition.lastgood import last_good_copy

app_name = "condition"

urlpatterns = [
    path("", public_page(views.home), name="home"),
    path("topics/<slug:slug>/", public_page(views.PageDetailView.as_view()), name="page"),
    path("topics/<slug:slug>/feedback/", views.feedback, name="feedback"),
    path("topics/<slug:slug>/feedback/thanks/", views.feedback_thanks, name="feedback_thanks"),
    path("topics/<slug:slug>/handout/", handout_page(views.page_handout), name="page_handout"),
    path("topics/<slug:slug>/handout.pdf", views.page_handout, {"as_pdf": True}, name="page_handout_pdf"),
    # Built ahead and served from file storage (condition.handout_files).
    path("conditions/<slug:slug>/handout/", views.condition_handout, name="condition_handout"),
    path("conditions/<slug:slug>/handout.pdf", views.condition_handout, {"as_pdf": True}, name="condition_handout_pdf"),
    path("help/", last_good_copy(public_page(views.help_page)), name="help"),
    path("glossary/", public_page(views.GlossaryView.as_view()), name="glossary"),
    path("sources/", public_page(views.sources), name="sources"),
]
