from django.apps import AppConfig


class ConditionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "condition"
    verbose_name = "Condition pages"

    def ready(self):
        from condition import signals

        signals.connect()
