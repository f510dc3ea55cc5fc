from django.apps import AppConfig


class QuizzesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "quizzes"
    verbose_name = "Quizzes"

    def ready(self):
        from quizzes import loading  # noqa: F401 -- registers the default quiz with condition.defaults
