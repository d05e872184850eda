"""Every page type of every edition is valid HTML, by the Nu HTML Checker."""

from collections import Counter
from pathlib import Path

from .tools import summarise, validate_html, write_report

# Pages in a state the inventory's addresses do not show.
EXTRA_STATES = {
    "section-page-2": ("get", "{section}?page=2", None),
    "contact-errors": ("post", "{contact}", {"name": "", "email": "not-an-address"}),
    "search-empty": ("get", "/search/", None),
    "search-no-results": ("get", "/search/?q=zzqqxx", None),
}


def test_every_page_type_is_valid_html(vnu, client, newsroom, tmp_path):
    documents: dict[str, str] = {}
    for edition, pages in newsroom.items():
        for page_type, path in pages.items():
            documents[f"{edition}-{page_type}"] = path
    english = newsroom["en"]
    files: dict[str, Path] = {}
    for name, path in documents.items():
        files[name] = save(tmp_path, name, client.get(path))
    for name, (method, template, data) in EXTRA_STATES.items():
        path = template.format(**english)
        response = getattr(client, method)(path, data or {})
        files[f"en-{name}"] = save(tmp_path, f"en-{name}", response)

    messages = validate_html(vnu, list(files.values()))

    by_file = {f"file:{path}": name for name, path in files.items()}
    report = [
        {
            "page": by_file.get(message.get("url"), message.get("url")),
            "type": message["type"],
            "subType": message.get("subType", ""),
            "message": message["message"],
            "line": message.get("lastLine"),
            "extract": message.get("extract", ""),
        }
        for message in messages
    ]
    write_report("vnu-report.json", report)
    errors = [item for item in report if item["type"] != "info"]
    warnings = [item for item in report if item["subType"] == "warning"]
    summarise(
        f"vnu: {len(files)} documents, {len(errors)} errors, {len(warnings)} "
        "warnings (test-results/vnu-report.json)"
    )
    for message, count in Counter(w["message"] for w in warnings).most_common(5):
        summarise(f"  warning x{count}: {message}")
    assert not errors, describe(errors)


def describe(errors: list[dict]) -> str:
    """One line per kind of error: how often, where first, and the source."""
    kinds: dict[str, list[dict]] = {}
    for error in errors:
        kinds.setdefault(error["message"], []).append(error)
    return "\n".join(
        f"{len(found)}x {message} (first: {found[0]['page']} line "
        f"{found[0]['line']}: {found[0]['extract']!r})"
        for message, found in sorted(kinds.items(), key=lambda kind: -len(kind[1]))
    )


def save(folder: Path, name: str, response) -> Path:
    assert response.status_code < 500, name
    path = folder / f"{name}.html"
    path.write_bytes(response.content)
    return path
