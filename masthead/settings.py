"""Masthead settings, read from the environment in this one place.

Defaults run on SQLite with no other service. `DATABASE_URL`, `REDIS_URL` and the
front-cache settings switch to the scaled setup without code changes. See
docs/configuration.md for every variable.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from masthead.search.backends import search_backends_from_url

BASE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_mapping(name: str, default: dict[str, str]) -> dict[str, str]:
    """ "key=value,key=value" as a dict; keys not named keep their default."""
    found = dict(default)
    for item in env_list(name, []):
        key, sep, value = item.partition("=")
        if sep and key.strip():
            found[key.strip()] = value.strip()
    return found


# "production" refuses to start on generated secrets and permissive hosts; anything
# else is a local install (development, the demo, the test suite).
MASTHEAD_ENV = os.environ.get("MASTHEAD_ENV", "local").strip().lower()
PRODUCTION = MASTHEAD_ENV == "production"

VAR_DIR = Path(os.environ.get("MASTHEAD_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", default=False)


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY", "")
    if key:
        return key
    if PRODUCTION:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set in production (MASTHEAD_ENV=production)."
        )
    # A local install keeps one generated key so sessions survive restarts.
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", [] if PRODUCTION else ["localhost", "127.0.0.1", "[::1]"]
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production.")
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production.")

# Where readers reach the site; by default where `masthead serve` listens (HOST and
# PORT), so that links in the admin and in printed messages work as served.
_SERVED_HOST = os.environ.get("HOST", "127.0.0.1")
_SERVED_AT = "http://{}:{}".format(
    "127.0.0.1" if _SERVED_HOST in ("", "0.0.0.0", "::") else _SERVED_HOST,  # noqa: S104
    os.environ.get("PORT", "8000"),
)
MASTHEAD_BASE_URL = os.environ.get("MASTHEAD_BASE_URL", _SERVED_AT).rstrip("/")
WAGTAILADMIN_BASE_URL = MASTHEAD_BASE_URL
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [MASTHEAD_BASE_URL])
CSRF_FAILURE_VIEW = "masthead.front.views.csrf_failure"

INSTALLED_APPS = [
    "masthead.common",
    "masthead.users",
    "masthead.media",
    "masthead.authors",
    "masthead.regions",
    "masthead.editions",
    "masthead.sections",
    "masthead.articles",
    "masthead.coverage",
    "masthead.video",
    "masthead.galleries",
    "masthead.infographics",
    "masthead.live",
    "masthead.wires",
    "masthead.discovery",
    "masthead.pages",
    "masthead.breaking",
    "masthead.listen",
    "masthead.front",
    "masthead.newsroom",
    "masthead.search",
    "masthead.syndication",
    "masthead.caching",
    "masthead.demo",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.locales",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "masthead.caching.middleware.PageCacheMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "masthead.common.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "masthead.editions.middleware.EditionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "masthead.urls"
WSGI_APPLICATION = "masthead.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL names another server.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'masthead.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # WAL lets several server workers read while one writes; IMMEDIATE avoids
    # "database is locked" on write upgrades.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA busy_timeout=5000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "users.User"

# Cache: in-process by default; Redis, shared by every worker, when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "masthead"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "masthead",
        }
    }

# Full-page cache for anonymous readers: kept in the database, or in Redis when
# REDIS_URL is set; purged by surrogate key on every editorial change.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_STALE_WHILE_REVALIDATE = 60
PAGE_CACHE_STALE_IF_ERROR = 86400
# Breaking-news ticker: how often open pages poll, and how long the ticker's JSON
# may be kept (together they bound how soon a new item reaches readers).
MASTHEAD_TICKER_POLL_SECONDS = int(os.environ.get("MASTHEAD_TICKER_POLL_SECONDS", "2"))
MASTHEAD_TICKER_CACHE_SECONDS = int(
    os.environ.get("MASTHEAD_TICKER_CACHE_SECONDS", "1")
)

# Behind a proxy or front cache, the header it puts the client's address in (its
# right-most entry is trusted), e.g. "X-Forwarded-For"; used by rate limits.
CLIENT_ADDRESS_HEADER = os.environ.get("CLIENT_ADDRESS_HEADER", "")

# Front caches (Varnish with the xkey module) to purge by key, e.g.
# "http://127.0.0.1:6081/"; comma-separated.
FRONT_CACHE_PURGE_URLS = env_list("FRONT_CACHE_PURGE_URLS", [])

# Background work (image renditions, recommendations, purges) runs in `masthead
# worker`, reading its queue from the database.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Agency wires (docs/newsroom/wires.md). Feeds are fetched only from the hosts
# listed here (comma-separated; "host" or "host:port"); drop-folder sources read
# folders under MASTHEAD_WIRE_DROP_ROOT. The clock queues each source's poll every
# poll interval (MASTHEAD_WIRE_POLL_SECONDS unless the source says otherwise).
MASTHEAD_WIRE_HOSTS = env_list("MASTHEAD_WIRE_HOSTS", [])
MASTHEAD_WIRE_DROP_ROOT = Path(
    os.environ.get("MASTHEAD_WIRE_DROP_ROOT", VAR_DIR / "wires")
)
MASTHEAD_WIRE_POLL_SECONDS = int(os.environ.get("MASTHEAD_WIRE_POLL_SECONDS", "30"))
MASTHEAD_WIRE_TIMEOUT_SECONDS = float(
    os.environ.get("MASTHEAD_WIRE_TIMEOUT_SECONDS", "10")
)
# End of agency wires.

# Listen: every story read aloud (docs/listen.md). The engines are tried in order
# and the first with a voice for the story's language speaks it: Piper when a
# voice model is configured for the language ("en=/voices/en_GB-alan.onnx,..."),
# else espeak-ng. Audio is loudness-normalised to MASTHEAD_LISTEN_LOUDNESS LUFS.
MASTHEAD_LISTEN_ENABLED = env_bool("MASTHEAD_LISTEN_ENABLED", True)
MASTHEAD_LISTEN_ENGINES = env_list(
    "MASTHEAD_LISTEN_ENGINES",
    [
        "masthead.listen.engines.piper.PiperEngine",
        "masthead.listen.engines.espeak.EspeakEngine",
    ],
)
MASTHEAD_LISTEN_ESPEAK_VOICES = env_mapping(
    "MASTHEAD_LISTEN_ESPEAK_VOICES", {"en": "en-gb", "ar": "ar", "es": "es"}
)
MASTHEAD_LISTEN_ESPEAK_WORDS_PER_MINUTE = int(
    os.environ.get("MASTHEAD_LISTEN_ESPEAK_WORDS_PER_MINUTE", "165")
)
MASTHEAD_LISTEN_PIPER_VOICES = env_mapping("MASTHEAD_LISTEN_PIPER_VOICES", {})
MASTHEAD_LISTEN_PIPER_BINARY = os.environ.get("MASTHEAD_LISTEN_PIPER_BINARY", "piper")
MASTHEAD_LISTEN_LOUDNESS = float(os.environ.get("MASTHEAD_LISTEN_LOUDNESS", "-16"))
# A failed build is tried again after 1, 4, 16, 64 minutes, then waits for an
# editor's "Regenerate".
MASTHEAD_LISTEN_MAX_ATTEMPTS = int(os.environ.get("MASTHEAD_LISTEN_MAX_ATTEMPTS", "5"))
MASTHEAD_LISTEN_RETRY_SECONDS = float(
    os.environ.get("MASTHEAD_LISTEN_RETRY_SECONDS", "60")
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

# Editions. English is served at the root, the others under their prefix.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("ar", "العربية"),
    ("es", "Español"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# Static files and uploads.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o644

# The page types that fill two roles every layer relies on (docs/architecture.md):
# an edition's home page, whose fields are the edition's settings, and the story
# that listings, feeds and boxes show. Lower layers reach them through these names
# (masthead/common/roles.py) instead of importing the apps above them.
MASTHEAD_HOME_PAGE_MODEL = "front.HomePage"
MASTHEAD_STORY_PAGE_MODEL = "articles.ArticlePage"

# Wagtail.
WAGTAIL_SITE_NAME = "Masthead"
WAGTAILIMAGES_IMAGE_MODEL = "media.CustomImage"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
# The AVIF encoder's speed, 0 (slowest, smallest) to 10 (masthead/media/encoding.py).
IMAGE_AVIF_SPEED = min(10, max(0, int(os.environ.get("IMAGE_AVIF_SPEED", "8"))))
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
# The database's own full-text search unless SEARCH_URL names OpenSearch or
# Elasticsearch (docs/search.md).
WAGTAILSEARCH_BACKENDS = search_backends_from_url(os.environ.get("SEARCH_URL", ""))
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
# The newsroom: an approved review publishes, or under an embargo schedules for
# its end; the clock publishes what is due every few seconds.
WAGTAIL_FINISH_WORKFLOW_ACTION = "masthead.newsroom.approval.publish_when_approved"
MASTHEAD_CLOCK_SECONDS = float(os.environ.get("MASTHEAD_CLOCK_SECONDS", "5"))
WAGTAILEMBEDS_RESPONSIVE_HTML = True
TAGGIT_CASE_INSENSITIVE = True

# Security.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview uses a same-origin frame
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))

# Email: printed to the console unless EMAIL_HOST is set.
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # Wagtail keeps its own audit log of page actions in the database.
        "wagtail": {"level": "WARNING"},
    },
}
