"""How long `make demo` takes on a fresh clone before the home page answers.

    .venv/bin/python bench/demo_startup.py [--runs 2] [--keep]

Clones the repository's HEAD into a temporary folder and runs `make demo` there
twice: the first run creates the environment from uv's package cache (packages
already downloaded), migrates and loads the demo newsroom; the second finds
everything in place. Each run is timed from `make demo` to the first 200 from the
home page, with the time each step began (from the lines make prints), then stopped
with Ctrl-C as a person would. Targets (issue "The first hour"): the first run
<= 3 minutes, the second <= 20 s.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import ROOT, free_port, interrupt

# Lines of make's output that mark each step's start, and a name for each.
STEPS = {
    "uv sync": "install (uv sync)",
    "collectstatic": "collect static files",
    "Operations to perform": "migrate",
    "Loading the demo stories": "load the demo newsroom",
    "Admin: ": "admin account",
    "masthead serve": "start the server",
}


def home_answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def run_demo(clone: Path, timeout: float) -> tuple[float, list[tuple[float, str]]]:
    """Seconds from `make demo` to the home page's first 200, and the steps."""
    port = free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "HOST": "127.0.0.1",
        "MASTHEAD_ADMIN_PASSWORD": "bench-demo-password",
    }
    for name in ("DATABASE_URL", "REDIS_URL", "MASTHEAD_VAR_DIR", "STATIC_ROOT"):
        env.pop(name, None)
    steps: list[tuple[float, str]] = []
    started = time.monotonic()
    process = subprocess.Popen(
        ["make", "demo"],
        cwd=clone,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )

    def read_output():
        assert process.stdout is not None
        for line in process.stdout:
            for marker, name in STEPS.items():
                if marker in line and not any(name == step for _, step in steps):
                    steps.append((time.monotonic() - started, name))

    reader = threading.Thread(target=read_output, daemon=True)
    reader.start()
    url = f"http://127.0.0.1:{port}/"
    try:
        while not home_answers(url):
            if process.poll() is not None:
                raise RuntimeError(f"make demo ended with {process.returncode}")
            if time.monotonic() - started > timeout:
                raise RuntimeError(f"no answer from {url} after {timeout} s")
            time.sleep(0.25)
        return time.monotonic() - started, steps
    finally:
        interrupt(process)


def describe(steps: list[tuple[float, str]]) -> str:
    # When each step began: migrate and collectstatic run side by side (make -j2),
    # so the gaps between these are not each step's own time.
    return "\n".join(f"    {at:6.1f} s  {name}" for at, name in steps)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2, help="runs in the same clone")
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--keep", action="store_true", help="keep the clone")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="masthead-demo-"))
    clone = folder / "masthead"
    subprocess.run(
        ["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(clone)],
        check=True,
    )
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=clone,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    print(f"make demo on a fresh clone of {commit}, {os.cpu_count()} CPUs")
    try:
        for run in range(1, args.runs + 1):
            total, steps = run_demo(clone, args.timeout)
            kind = "first run (fresh clone)" if run == 1 else "run again"
            target = 180 if run == 1 else 20
            verdict = "met" if total <= target else "MISSED"
            print(
                f"{kind}: home page answered after {total:.1f} s "
                f"(target {target} s, {verdict})"
            )
            print("    began at:")
            print(describe(steps))
    finally:
        if args.keep:
            print(f"kept {clone}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
