"""Settings come from the environment; each case runs in a fresh interpreter."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

PRINT_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "debug": settings.DEBUG,
    "secret_key": settings.SECRET_KEY,
    "allowed_hosts": settings.ALLOWED_HOSTS,
    "db_engine": settings.DATABASES["default"]["ENGINE"],
    "db_name": str(settings.DATABASES["default"]["NAME"]),
    "db_host": settings.DATABASES["default"].get("HOST", ""),
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"].get("LOCATION", ""),
    "base_url": settings.MASTHEAD_BASE_URL,
    "time_zone": settings.TIME_ZONE,
}))
"""


def load_settings(tmp_path, **env):
    environment = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "masthead.settings",
        "MASTHEAD_VAR_DIR": str(tmp_path / "var"),
        **env,
    }
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    return result


def settings_of(tmp_path, **env) -> dict:
    result = load_settings(tmp_path, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_defaults_need_no_service(tmp_path):
    values = settings_of(tmp_path)

    assert values["debug"] is False
    assert values["db_engine"] == "django.db.backends.sqlite3"
    assert values["db_name"] == str(tmp_path / "var" / "masthead.sqlite3")
    assert values["cache"].endswith("LocMemCache")
    assert values["time_zone"] == "UTC"
    assert values["base_url"] == "http://127.0.0.1:8000"


def test_the_base_url_follows_where_the_site_is_served(tmp_path):
    assert settings_of(tmp_path, PORT="8765")["base_url"] == "http://127.0.0.1:8765"
    assert (
        settings_of(tmp_path, HOST="0.0.0.0", PORT="80")["base_url"]  # noqa: S104
        == "http://127.0.0.1:80"
    )
    explicit = settings_of(
        tmp_path, MASTHEAD_BASE_URL="https://news.example/", PORT="1"
    )
    assert explicit["base_url"] == "https://news.example"


def test_secret_key_is_generated_once_and_kept(tmp_path):
    first = settings_of(tmp_path)["secret_key"]
    second = settings_of(tmp_path)["secret_key"]

    assert len(first) >= 50
    assert first == second
    assert (tmp_path / "var" / "secret_key").read_text() == first


def test_environment_overrides(tmp_path):
    values = settings_of(
        tmp_path,
        SECRET_KEY="from-the-environment",
        DATABASE_URL="postgres://news:pw@db.internal:5432/masthead",
        REDIS_URL="redis://cache.internal:6379/2",
        ALLOWED_HOSTS="news.example, www.news.example",
        MASTHEAD_BASE_URL="https://news.example/",
        TIME_ZONE="Asia/Beirut",
        DEBUG="true",
    )

    assert values["secret_key"] == "from-the-environment"
    assert values["db_engine"] == "django.db.backends.postgresql"
    assert values["db_host"] == "db.internal"
    assert values["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert values["cache_location"] == "redis://cache.internal:6379/2"
    assert values["allowed_hosts"] == ["news.example", "www.news.example"]
    assert values["base_url"] == "https://news.example"
    assert values["time_zone"] == "Asia/Beirut"
    assert values["debug"] is True
    assert not (tmp_path / "var" / "secret_key").exists()


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"ALLOWED_HOSTS": "news.example"}, "SECRET_KEY must be set in production"),
        ({"SECRET_KEY": "k"}, "ALLOWED_HOSTS must be set in production"),
        (
            {"SECRET_KEY": "k", "ALLOWED_HOSTS": "news.example", "DEBUG": "1"},
            "DEBUG must be off in production",
        ),
    ],
)
def test_production_refuses_to_start_unconfigured(tmp_path, env, message):
    result = load_settings(tmp_path, MASTHEAD_ENV="production", **env)

    assert result.returncode != 0
    assert message in result.stderr
    assert not (tmp_path / "var" / "secret_key").exists()
