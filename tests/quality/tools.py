"""Where the quality gates find their tools: axe-core and the Nu HTML Checker come
from `npm ci` (package.json at the repository root), the checker runs on Java."""

import json
import shutil
import subprocess
from pathlib import Path

from tests.conftest import skip_or_fail

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
RESULTS = ROOT / "test-results"
INSTALL_HINT = "run `npm ci` at the repository root"


def axe_source() -> str:
    if not AXE.exists():
        skip_or_fail(f"axe-core not found at {AXE}: skipped ({INSTALL_HINT})")
    return AXE.read_text(encoding="utf-8")


def vnu_command() -> list[str]:
    java = shutil.which("java")
    if java is None:
        skip_or_fail(
            "java not found: HTML validation skipped (install the Debian package "
            "`default-jre-headless`)"
        )
    if not VNU.exists():
        skip_or_fail(f"vnu.jar not found at {VNU}: skipped ({INSTALL_HINT})")
    return [java, "-Xss2m", "-jar", str(VNU)]


def validate_html(vnu: list[str], files: list[Path]) -> list[dict]:
    """The Nu HTML Checker's messages for `files`, each with its "url"."""
    command = [*vnu, "--format", "json", "--stdout", "--exit-zero-always"]
    result = subprocess.run(
        [*command, *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(result.stdout)["messages"]


def write_report(name: str, data) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / name
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


# Lines for the end of the test run's output (see conftest.pytest_terminal_summary).
SUMMARY: list[str] = []


def summarise(line: str) -> None:
    SUMMARY.append(line)
