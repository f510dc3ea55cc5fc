from django.urls import path

from pagecache.cache import public_page
from quizzes import views

app_name = "quizzes"

urlpatterns = [
    path("", views.index, name="index"),
    # Cached whole per choice order; answers are posted back to the same address.
    path(
        "<slug:slug>/",
        public_page(views.take, variants=views.SHUFFLES, methods=("GET", "HEAD", "POST")),
        name="take",
    ),
    path("<slug:slug>/result/<uuid:public_id>/", views.result, name="result"),
]
