from django.contrib import admin
from django.urls import include, path

from omsportal import views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", views.favicon),
    path("quiz/", include("quizzes.urls")),
    path("", include("condition.urls")),
]

handler400 = "omsportal.views.bad_request"
handler404 = "omsportal.views.page_not_found"
handler500 = "omsportal.views.server_error"
