from django.apps import AppConfig


class ConditionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "condition"
    verbose_name = "Condition pages"

    def ready(self):
        from django.db.models.signals import post_migrate

        from condition import groups, signals

        signals.connect()
        # The staff groups keep their permissions for every content model, new ones included.
        post_migrate.connect(groups.kept_after_migrate, dispatch_uid="condition-staff-permissions")
