"""The channel's hls.js is the release package.json pins, served from the site."""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
VENDORED = ROOT / "masthead/live/static/live/hls.min.js"
PACKAGE = ROOT / "node_modules/hls.js"


def without_source_map(text: str) -> list[str]:
    # The map file is not shipped, so the copy drops the line that names it.
    return [line for line in text.splitlines() if "sourceMappingURL" not in line]


def test_the_served_copy_is_the_pinned_release():
    if not PACKAGE.exists():
        pytest.skip("npm packages are not installed (make tools)")
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["hls.js"]
    installed = json.loads((PACKAGE / "package.json").read_text())["version"]

    assert installed == pinned
    assert without_source_map(VENDORED.read_text()) == without_source_map(
        (PACKAGE / "dist/hls.min.js").read_text()
    )
