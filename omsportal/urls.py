from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from omsportal import views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", views.favicon),
    # The language switcher: plain links, as cached pages carry no CSRF token.
    path("language/<str:code>/", views.set_language, name="set_language"),
]

# Families' pages in every language of settings.LANGUAGES: English without a
# prefix (addresses printed in QR codes keep working), others under /es/ etc.
# /sw.js and /media/ answer only without a prefix (condition.urls.unprefixed).
urlpatterns += i18n_patterns(
    path("quiz/", include("quizzes.urls")),
    path("", include("condition.urls")),
    prefix_default_language=False,
)

handler400 = "omsportal.views.bad_request"
handler404 = "omsportal.views.page_not_found"
handler500 = "omsportal.views.server_error"
