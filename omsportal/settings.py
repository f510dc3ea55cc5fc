"""Settings for the OMS family education portal.

Everything that differs between a laptop and production comes from the
environment; docs/operations.md lists every variable.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        # A missing key in production would sign sessions with a known value.
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=true for development).")
    SECRET_KEY = "development-only-key-not-for-production-use-0123456789abcdef"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # The admin with a second sign-in step for reviewers (accounts/).
    "accounts.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "accounts.apps.SignInAttemptsConfig",  # axes, named for staff
    "csp",
    "django_otp",
    "accounts.apps.AuthenticatorAppsConfig",  # django_otp's TOTP devices, named for staff
    "accounts.apps.RecoveryCodesConfig",  # django_otp's static codes, named for staff
    "accounts.apps.AccountsConfig",
    "condition",
    "quizzes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Right after SecurityMiddleware so static files skip the rest of the stack.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # TRACE and other methods the portal never answers: 405 before anything runs.
    "omsportal.middleware.KnownMethodsMiddleware",
    # The language from the address, and a first visit to "/" sent to the
    # browser's language, before a cached page is answered.
    "omsportal.middleware.LanguageMiddleware",
    # A cached public page is answered here, with the headers the stack below
    # gave it when it was built, skipping sessions, CSRF, auth and CSP.
    "pagecache.cache.PublicPageMiddleware",
    # Permissions-Policy, COOP and the CSP header, built once (django-csp's policy).
    "omsportal.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language from the address (/es/...), English without a prefix.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): has this session given a one-time code (accounts/).
    "django_otp.middleware.OTPMiddleware",
    # Under /admin/ only: the language the staff member chose for themselves (accounts/); families' pages
    # keep the language of their address.
    "accounts.middleware.AdminLanguageMiddleware",
    # A body past its form's limit: a 400 before it is read (family forms 256 KB; signed-in staff in the
    # admin 8 MB, for pictures). Here, once the user is known; nothing above reads the body.
    "omsportal.middleware.BodySizeMiddleware",
    # Who is writing, for the record of who changed each draft (the two-person rule).
    "condition.contributors.WhoIsWritingMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Turns a rate-limit hit into RATELIMIT_VIEW's friendly 429.
    "django_ratelimit.middleware.RatelimitMiddleware",
    # Last, so it sees the outcome of authentication (django-axes docs).
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "omsportal.urls"
WSGI_APPLICATION = "omsportal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "condition.context_processors.clinic",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's backend, but a database file that vanished is never re-created empty.
    DATABASES["default"]["ENGINE"] = "omsportal.sqlite"
    # WAL lets readers and one writer work at once; the busy timeout makes
    # concurrent writers wait instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The interface languages. Another language is one line here plus
# its catalogue in locale/<code>/LC_MESSAGES/django.po (docs/staff-guide.md); content
# in other languages is translated through review (condition.translations).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates in each language's own words ("26 de noviembre de 2026"): templates use
# date:"DATE_FORMAT"; English keeps the clinic's "26 November 2026" (omsportal/formats/en).
FORMAT_MODULE_PATH = ["omsportal.formats"]
# The family's own pick in the language switcher; a year, like the choice it keeps.
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files made at run time that families receive (handouts built ahead) go
# through the storage API, so several app servers can share them: a shared
# folder by default, S3-compatible object storage when DJANGO_S3_BUCKET is set.
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "media/"
DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
if os.environ.get("DJANGO_S3_BUCKET"):
    # django-storages; credentials come from the usual AWS_* variables or the instance's role.
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["DJANGO_S3_BUCKET"],
            "endpoint_url": os.environ.get("DJANGO_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("DJANGO_S3_REGION") or None,
            "location": os.environ.get("DJANGO_S3_PREFIX", "omsportal"),
            "default_acl": "private",
            "file_overwrite": True,
        },
    }
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# A body far larger than any quiz or feedback form is refused with a 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 400
# The admin's posts, file parts included: a picture (condition.images.MAX_BYTES) with its form.
ADMIN_UPLOAD_MAX_SIZE = 8 * 1024 * 1024 + DATA_UPLOAD_MAX_MEMORY_SIZE

# --- Security -------------------------------------------------------------
HTTPS = env_bool("DJANGO_HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS and env_bool("DJANGO_SSL_REDIRECT", True)
# Load balancers often poll over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
# How many proxies of ours append to X-Forwarded-For; the client is that many from the right.
PROXY_HOPS = max(1, int(os.environ.get("DJANGO_PROXY_HOPS", "1")))
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
# Only staff have sessions; a shared clinic computer should not stay signed in for weeks.
SESSION_COOKIE_AGE = 60 * 60 * 12
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 31536000 if HTTPS else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "omsportal.views.csrf_failure"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        # The offline reading service worker, served by the portal at /sw.js.
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# The same client address as the rate limits, behind a proxy too (omsportal.proxy).
AXES_CLIENT_IP_CALLABLE = "omsportal.proxy.client_ip"

# The page cache and rate-limit counters are best effort (pagecache.backends):
# when the cache is down pages render uncached and posts are not limited.
CACHE_URL = os.environ.get("DJANGO_CACHE_URL", "")
if CACHE_URL:
    # Several app servers: one Redis shared by all. Short timeouts,
    # so a Redis that hangs costs a page a fraction of a second, not a worker;
    # after one, each process leaves that Redis alone for `retry_after` seconds
    # (pagecache.backends: a circuit breaker) instead of waiting on every call.
    _redis = {
        "BACKEND": "pagecache.backends.SharedRedisCache",
        "LOCATION": CACHE_URL,
        "OPTIONS": {
            "socket_connect_timeout": 0.25,
            "socket_timeout": 0.5,
            "retry_after": float(os.environ.get("DJANGO_CACHE_RETRY_AFTER", "10")),
        },
    }
    CACHES = {
        "default": {**_redis, "TIMEOUT": 60 * 60 * 24, "KEY_PREFIX": "oms"},
        "ratelimit": {**_redis, "KEY_PREFIX": "oms-ratelimit"},
    }
else:
    CACHES = {
        # One machine: a folder every worker process shares, no extra server.
        "default": {
            "BACKEND": "pagecache.backends.FileCache",
            "LOCATION": os.environ.get("DJANGO_CACHE_DIR", str(BASE_DIR / "var" / "cache")),
            "TIMEOUT": 60 * 60 * 24,
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
        # Rate-limit counters in a folder too, counted under a lock (omsportal.counters),
        # so the limit holds whichever worker process takes a post.
        "ratelimit": {
            "BACKEND": "omsportal.counters.CounterFileCache",
            "LOCATION": os.path.join(os.environ.get("DJANGO_CACHE_DIR", str(BASE_DIR / "var" / "cache")), "counters"),
            "TIMEOUT": 60 * 60,
            "OPTIONS": {"MAX_ENTRIES": 10000},
        },
    }
RATELIMIT_USE_CACHE = "ratelimit"
# Each server's last good copy of the help page, served when the database is down (pagecache.lastgood).
LAST_GOOD_DIR = Path(os.environ.get("DJANGO_LAST_GOOD_DIR", BASE_DIR / "var" / "last-good"))

# Rate limits for the family forms (django-ratelimit), per client address.
RATELIMIT_ENABLE = env_bool("DJANGO_RATELIMIT", True)
RATELIMIT_VIEW = "omsportal.views.rate_limited"
# A counter the cache cannot give (Redis away) lets the post through: never a 429 for that.
RATELIMIT_FAIL_OPEN = True
# The client's address behind a proxy too (omsportal.proxy).
RATELIMIT_IP_META_KEY = "omsportal.proxy.client_ip"
FORM_RATE = os.environ.get("DJANGO_FORM_RATE", "30/m")

# Feedback is kept this long (manage.py purge_feedback, from a daily timer), and
# only this many comment texts per page: older ones lose the text, keep the vote.
FEEDBACK_RETENTION_DAYS = int(os.environ.get("DJANGO_FEEDBACK_RETENTION_DAYS", "365"))
FEEDBACK_COMMENTS_PER_PAGE = int(os.environ.get("DJANGO_FEEDBACK_COMMENTS_PER_PAGE", "200"))
# Searches that found nothing (counts per day, language and query; condition.search.misses): kept this
# many days, and at most this many different queries a day.
SEARCH_MISS_RETENTION_DAYS = int(os.environ.get("DJANGO_SEARCH_MISS_RETENTION_DAYS", "90"))
SEARCH_MISSES_PER_DAY = int(os.environ.get("DJANGO_SEARCH_MISSES_PER_DAY", "500"))

# The site address printed on handouts and encoded in QR codes.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "").rstrip("/")
if not SITE_URL and not DEBUG:
    # One canonical address in production: handouts never print (nor are built and kept for) whatever
    # Host header a request sent (each "localhost:<port>" built and kept a whole guide).
    _first_host = ALLOWED_HOSTS[0] if ALLOWED_HOSTS else ""
    if not _first_host or _first_host.startswith(".") or "*" in _first_host:
        raise ImproperlyConfigured(
            "Set DJANGO_SITE_URL (e.g. https://oms.example-clinic.org): handouts and QR codes print it. "
            "It can be left out only when the first of DJANGO_ALLOWED_HOSTS is the site's own host name."
        )
    SITE_URL = f"{'https' if HTTPS else 'http'}://{_first_host}"

# The number families call when a child's life is in danger, so every emergency line is a tap-to-call
# link from the first start; the clinic profile's emergency number overrides it. Only numbers we are sure
# of: a country not listed must give its number in DJANGO_EMERGENCY_NUMBER rather than get a wrong one.
# The default is the United States (911), where the shipped content is written for (US words, °F).
EU_COUNTRIES = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
EMERGENCY_NUMBERS = {"US": "911", "CA": "911", "MX": "911", "GB": "999", "AU": "000", "NZ": "111", "EU": "112"}
EMERGENCY_NUMBERS |= dict.fromkeys(EU_COUNTRIES, "112")
COUNTRY = os.environ.get("DJANGO_COUNTRY", "US").strip().upper()
EMERGENCY_NUMBER = os.environ.get("DJANGO_EMERGENCY_NUMBER", "").strip() or EMERGENCY_NUMBERS.get(COUNTRY, "")
if not EMERGENCY_NUMBER:
    raise ImproperlyConfigured(
        f"No emergency number is known for DJANGO_COUNTRY={COUNTRY!r}: set DJANGO_EMERGENCY_NUMBER "
        "to the local emergency number (or DJANGO_COUNTRY to one of " + ", ".join(sorted(EMERGENCY_NUMBERS)) + ")."
    )

# A clinical reviewer may approve a draft they wrote themselves only in a clinic of one.
OMS_ALLOW_SELF_APPROVAL = env_bool("DJANGO_ALLOW_SELF_APPROVAL", False)

# Mail (review reminders). Development prints mail to the console.
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "oms-guide@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The name authenticator apps show beside the code.
OTP_TOTP_ISSUER = os.environ.get("DJANGO_OTP_ISSUER", "OMS family guide")
# Wrong one-time codes slow down whoever sends them, never the device (accounts.second_factor): each
# session waits 1 s after its first wrong code, doubling up to 5 minutes; one client address gets 30
# wrong codes in 15 minutes. django-otp's own per-device wait is off: it locked the owner out too.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
OMS_WRONG_CODE_WAIT = 1
OMS_WRONG_CODE_MAX_WAIT = 300
OMS_WRONG_CODES_PER_ADDRESS = 30
OMS_WRONG_CODE_WINDOW = 15 * 60
# A sign-in app is set up only through a one-time link an administrator issues (accounts.models.SetUpLink).
OMS_SET_UP_LINK_LIFETIME = datetime.timedelta(days=1)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
