from django.urls import path

from quizzes import views

app_name = "quizzes"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.take, name="take"),
    path("<slug:slug>/result/<uuid:public_id>/", views.result, name="result"),
]
