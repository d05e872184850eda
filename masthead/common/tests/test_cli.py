import subprocess
import sys


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "masthead.cli", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_help_lists_the_newsroom_commands():
    result = run_cli("--help")

    assert result.returncode == 0
    for command in ("serve", "worker", "demo-data", "ensure-admin", "migrate"):
        assert f"\n  {command}" in result.stdout


def test_friendly_names_reach_the_django_commands():
    result = run_cli("demo-data", "--help")

    assert result.returncode == 0
    assert "Load the demo newsroom" in result.stdout
    assert "--skip-renditions" in result.stdout


def test_any_manage_py_command_works():
    result = run_cli("check")

    assert result.returncode == 0
    assert "no issues" in result.stdout
