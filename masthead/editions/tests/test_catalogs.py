"""The Arabic and Spanish catalogs translate every string of the interface."""

import gettext
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[3]
LOCALE = ROOT / "masthead" / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]


def catalog(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language):
    po = catalog(language)

    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]

    assert untranslated == [], f"{language}: {len(untranslated)} untranslated"
    assert fuzzy == [], f"{language}: {len(fuzzy)} fuzzy"
    assert len(po) > 100


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalog_matches_its_source(language):
    po = catalog(language)
    mo_path = LOCALE / language / "LC_MESSAGES" / "django.mo"
    with open(mo_path, "rb") as handle:
        compiled = gettext.GNUTranslations(handle)

    for entry in po.translated_entries():
        if entry.msgid_plural or entry.msgctxt:
            continue
        assert compiled.gettext(entry.msgid) == entry.msgstr, (
            f"{language}: run `masthead compilemessages` ({entry.msgid!r})"
        )


def test_catalogs_cover_every_string_in_the_code(tmp_path):
    """Extract the strings afresh; the committed catalogs must already hold them."""
    if shutil.which("xgettext") is None:
        if os.environ.get("MASTHEAD_REQUIRE_GETTEXT") == "1":
            pytest.fail("xgettext (Debian package gettext) is required", pytrace=False)
        pytest.skip("xgettext is not installed (Debian package gettext)")
    scratch = tmp_path / "locale"
    shutil.copytree(LOCALE, scratch)
    subprocess.run(
        [
            sys.executable, "manage.py", "makemessages",
            *(f"-l{code}" for code in LANGUAGES),
            # Ignored so that the walk does not adopt it as the output folder.
            "--ignore=masthead/locale",
            "--ignore=.venv", "--ignore=node_modules", "--ignore=var",
            "--ignore=tests/*", "--ignore=bench/*", "--ignore=test-results",
            "--settings=tests.catalog_settings", "-v0",
        ],
        cwd=ROOT,
        env={**os.environ, "MASTHEAD_SCRATCH_LOCALE": str(scratch)},
        check=True,
    )  # fmt: skip

    for language in LANGUAGES:
        fresh = polib.pofile(str(scratch / language / "LC_MESSAGES" / "django.po"))
        committed = {(e.msgctxt, e.msgid) for e in catalog(language) if not e.obsolete}
        missing = [
            e.msgid
            for e in fresh
            if not e.obsolete and (e.msgctxt, e.msgid) not in committed
        ]
        assert missing == [], (
            f"{language}: strings not in the catalog; run `masthead makemessages "
            f"-l {language}` and translate them: {missing[:10]}"
        )
