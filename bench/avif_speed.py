"""The AVIF encoder's speed setting: CPU time and bytes for one story's renditions.

    .venv/bin/python bench/avif_speed.py [--rounds 3]

Encodes the five AVIF renditions a story's lead picture gets (masthead/media/
renditions.py) from a demo picture, at Pillow's default speed (6) and at the
speeds around Masthead's default (IMAGE_AVIF_SPEED, 8), and prints the CPU seconds
and the bytes of each as a ratio to speed 6, measured in the same run.
"""

import argparse
import io
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image, ImageOps

from masthead.demo.images import draw_picture
from masthead.media.renditions import CARD, LEAD

SPEEDS = (6, 7, 8, 9)


def sizes() -> list[tuple[int, int]]:
    return [tuple(int(n) for n in re.findall(r"\d+", spec)) for spec in (*LEAD, *CARD)]


def encode_all(picture: Image.Image, speed: int) -> tuple[float, int]:
    """CPU seconds and bytes for every AVIF size at `speed`."""
    crops = [ImageOps.fit(picture, size) for size in sizes()]
    started = time.process_time()
    total = 0
    for crop in crops:
        output = io.BytesIO()
        # Wagtail's default AVIF quality; one thread, so CPU time is the cost.
        crop.save(output, "AVIF", quality=61, speed=speed, max_threads=1)
        total += output.tell()
    return time.process_time() - started, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    picture = Image.open(io.BytesIO(draw_picture("bench-avif", "skyline")))
    picture.load()
    results = {}
    for speed in SPEEDS:
        runs = [encode_all(picture, speed) for _ in range(args.rounds)]
        results[speed] = (min(cpu for cpu, _ in runs), runs[0][1])
    base_cpu, base_bytes = results[6]
    print(f"one story's {len(sizes())} AVIF renditions, best of {args.rounds}")
    print("speed  CPU s   vs 6    bytes     vs 6")
    for speed, (cpu, size) in results.items():
        print(
            f"{speed:>5}  {cpu:5.2f}  {cpu / base_cpu:5.2f}x  {size:>8,}  "
            f"{size / base_bytes:5.2f}x"
        )


if __name__ == "__main__":
    main()
