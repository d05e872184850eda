"""Listen: what the spoken version of a story costs to make, per engine and per
minute of audio, how many stories an hour the task worker makes on this machine,
and what the files weigh and how loud they are.

A scratch newsroom is made (migrated SQLite under a temporary MASTHEAD_VAR_DIR;
English, Arabic and Spanish editions, a News section in each) and --stories
stories are created in it, cycling through --languages. Each story is a demo
story of its language (masthead/demo/content/<lang>/articles.json, laid out as
the demo loader lays it out: a quote before the third paragraph, a subheading
before the fourth) followed by paragraphs of the next demo story until it has
about 600 words, as long stories run. They are created inside `bulk_load()`, so
publishing queues no audio: the bench makes it. Then, each in a child process
with Django on the scratch database:

  engines   the first story of each language, its text from `spoken_script`:
            for every engine in MASTHEAD_LISTEN_ENGINES that has a voice for
            the language (Piper only when MASTHEAD_LISTEN_PIPER_VOICES names a
            model file and `piper` is installed; otherwise "not configured"),
            `engine.synthesise` to a WAV and `encode_speech` of that WAV to
            loudness-normalised Opus and MP3. CPU seconds are user + sys of the
            child processes (espeak-ng, piper, ffmpeg, ffprobe), from
            getrusage(RUSAGE_CHILDREN) deltas, per minute of audio, with the
            real-time factor (CPU seconds / audio seconds) and wall seconds.
            The encoding's ffmpeg passes are counted (loudness measurements and
            the final two-file encode; ffprobe is the rest). Baselines, on the
            same WAV, in the same run: ffmpeg decoding it to null, one ebur128
            loudness pass, a plain MP3 encode and a plain Opus + MP3 encode
            with the same output settings and no loudness work. Each is done
            --repeat times; medians are printed.
  worker    `build_audio`, the whole job of the `build_story_audio` task (speak,
            encode, store both files, write the ArticleAudio row, purge), over
            every story in one process, one story after another, as the single
            task worker runs them: articles an hour. Then every story again
            (force=True) shared between two such processes at once (the machine
            has two cores; measured, not estimated; --workers lists the worker
            counts to run, the first on fresh stories). A worker's clock starts
            once Django is up and every worker is ready. The machine's load
            average is printed beside each run, and the CPU-bound ceiling
            (3600 / CPU seconds a story, per core) as an estimate.
  files     of the single worker's run: bytes per minute of audio of the Opus
            and MP3 files, and their loudness as ffmpeg's ebur128 (peak=true)
            measures it: integrated loudness and true peak, against the target
            (MASTHEAD_LISTEN_LOUDNESS, -16 LUFS by default, within 1 LU) and
            a true-peak ceiling: -1 dBTP for the MP3, which podcast apps get
            (AES TD1004), and full scale less a margin (-0.3 dBTP) for the Opus
            file, which only our player decodes, in floating point (the encoder
            limits to -3.5 dBTP before the lossy encodes, which overshoot).

About 11 CPU seconds a story: the default run needs about 8 minutes on an idle
two-core machine (longer when it is shared); `--stories 6 --repeat 1` about 3.

Usage: .venv/bin/python bench/listen.py [--stories 12] [--repeat 3]
                                        [--languages en ar es] [--workers 1 2]
"""

import argparse
import functools
import itertools
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import PYTHON, ROOT, Scratch

TARGET_WORDS = 600  # a long story: the figures are per minute, but files are real
MAX_WORDS = 700
LOUDNESS_TOLERANCE = 1.0  # LU
PEAK_CEILINGS = {"mp3": -1.0, "opus": -0.3}  # dBTP
FFMPEG = "/usr/bin/ffmpeg"
FFPROBE = "/usr/bin/ffprobe"
LANGUAGE_NAMES = {"en": "English", "ar": "Arabic", "es": "Spanish"}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def last_json(output: str):
    return json.loads(output.strip().splitlines()[-1])


# --- Stories (in the scratch newsroom's process) -------------------------------------


def words_of(text: str) -> int:
    return len(text.split())


def demo_layout(story: dict) -> list[tuple[str, object]]:
    """A demo story's body blocks as the demo loader lays them out."""
    blocks: list[tuple[str, object]] = []
    for number, paragraph in enumerate(story["body"]):
        if number == 3 and story.get("subheading"):
            blocks.append(("subheading", story["subheading"]))
        if number == 2 and story.get("quote"):
            blocks.append(("quote", dict(story["quote"])))
        blocks.append(("paragraph", paragraph))
    return blocks


def block_words(block: tuple[str, object]) -> int:
    kind, value = block
    if kind == "quote":
        return words_of(value["text"]) + words_of(value.get("attribution", ""))
    return words_of(value)


def compose(stories: list[dict], number: int) -> dict:
    """Demo story `number` (cycling), then the next one's paragraphs until the
    whole has about TARGET_WORDS words (never over MAX_WORDS, if it can help it)."""
    first = stories[number % len(stories)]
    blocks = demo_layout(first)
    total = words_of(first["headline"]) + words_of(first["standfirst"])
    total += sum(block_words(block) for block in blocks)
    following = 1
    while total < TARGET_WORDS and following < len(stories):
        more = stories[(number + following) % len(stories)]
        extra = [("subheading", more["headline"])] + [
            ("paragraph", paragraph) for paragraph in more["body"]
        ]
        for block in extra:
            if total >= TARGET_WORDS or total + block_words(block) > MAX_WORDS:
                break
            blocks.append(block)
            total += block_words(block)
        following += 1
    return {
        "title": first["headline"],
        "standfirst": first["standfirst"],
        "slug": f"listen-bench-{number}-{first['slug']}"[:80],
        "blocks": blocks,
    }


def create_stories(count: int, languages: list[str]) -> dict:
    from html import escape

    from wagtail.rich_text import RichText

    from masthead.articles.models import ArticlePage
    from masthead.common.bulk import bulk_load
    from masthead.demo.loader import read_json
    from masthead.front.setup import ensure_edition_home
    from masthead.listen.script import spoken_script
    from masthead.sections.models import SectionPage

    demo = {language: read_json(language, "articles") for language in languages}
    sections = {}
    ensure_edition_home("en")  # the default edition: the others translate its home
    for language in languages:
        home = ensure_edition_home(language)
        section = SectionPage.objects.filter(locale=home.locale, slug="news").first()
        if section is None:
            section = home.add_child(
                instance=SectionPage(title="News", slug="news", locale=home.locale)
            )
            section.save_revision().publish(skip_permission_checks=True)
        sections[language] = section
    made = []
    with bulk_load():  # publishing queues no audio: the bench makes it
        for number in range(count):
            language = languages[number % len(languages)]
            story = compose(demo[language], number // len(languages))
            body = [
                (kind, RichText(f"<p>{escape(value)}</p>"))
                if kind == "paragraph"
                else (kind, value)
                for kind, value in story["blocks"]
            ]
            page = sections[language].add_child(
                instance=ArticlePage(
                    title=story["title"],
                    slug=story["slug"],
                    standfirst=story["standfirst"],
                    kind="news",
                    source="Agencies",
                    body=body,
                    locale=sections[language].locale,
                )
            )
            page.save_revision().publish(skip_permission_checks=True)
            page = ArticlePage.objects.get(pk=page.pk)
            made.append(
                {
                    "id": page.pk,
                    "language": language,
                    "words": spoken_script(page).words,
                    "written_words": page.word_count,
                }
            )
    return {"stories": made}


# --- Engines and encoding (in a child process) ---------------------------------------


def why_no_voice(engine, language: str) -> str:
    from masthead.listen.engines.piper import PiperEngine

    if isinstance(engine, PiperEngine):
        model = engine.voices.get(language) or engine.voices.get(language.split("-")[0])
        if not engine.voices:
            return "not configured (MASTHEAD_LISTEN_PIPER_VOICES is empty)"
        if not model:
            return f"not configured for {language!r}"
        if not Path(model).is_file():
            return f"model file missing: {model}"
        return f"{engine.program!r} is not installed"
    return "no voice"


def timed_children(function) -> tuple[float, float]:
    """CPU seconds of the child processes `function` ran, and wall seconds."""
    cpu, started = children_cpu(), time.perf_counter()
    function()
    return children_cpu() - cpu, time.perf_counter() - started


def instrumented_encode(wav: Path, work: Path) -> dict:
    """`encode_speech` with each of its ffmpeg runs counted and timed."""
    from masthead.listen import encoding

    runs = []
    real = encoding.run_tool

    def counted(arguments, timeout, **options):
        cpu, started = children_cpu(), time.perf_counter()
        result = real(arguments, timeout, **options)
        kind = "loudness" if any("ebur128" in a for a in arguments) else "encode"
        runs.append((kind, children_cpu() - cpu, time.perf_counter() - started))
        return result

    encoding.run_tool = counted
    try:
        cpu, started = children_cpu(), time.perf_counter()
        encoded = encoding.encode_speech(wav, work)
        cpu, wall = children_cpu() - cpu, time.perf_counter() - started
    finally:
        encoding.run_tool = real
    loudness = [run for run in runs if run[0] == "loudness"]
    final = [run for run in runs if run[0] == "encode"]
    return {
        "cpu": cpu,
        "wall": wall,
        "duration": encoded.duration,
        "loudness_passes": len(loudness),
        "loudness_cpu": sum(run[1] for run in loudness),
        "final_cpu": sum(run[1] for run in final),
        "probe_cpu": cpu - sum(run[1] for run in runs),
        "opus_bytes": encoded.opus.stat().st_size,
        "mp3_bytes": encoded.mp3.stat().st_size,
    }


def baselines(wav: Path, work: Path) -> dict:
    """Plain ffmpeg passes over the same WAV, with the encoder's output settings
    and no loudness work."""
    from masthead.listen import encoding as e

    head = [FFMPEG, "-nostdin", "-hide_banner", "-v", "error", "-y", "-i", str(wav)]
    mp3 = [
        "-ac", "1", "-ar", str(e.SAMPLE_RATE), "-c:a", "libmp3lame",
        "-b:a", e.MP3_BITRATE, "-compression_level", e.MP3_EFFORT,
        "-map_metadata", "-1", "-f", "mp3",
    ]  # fmt: skip
    opus = [
        "-ac", "1", "-ar", str(e.OPUS_SAMPLE_RATE), "-c:a", "libopus",
        "-b:a", e.OPUS_BITRATE, "-application", "audio", "-vbr", "constrained",
        "-compression_level", e.OPUS_EFFORT, "-map_metadata", "-1", "-f", "ogg",
    ]  # fmt: skip
    commands = {
        "decode": [*head, "-f", "null", "-"],
        "ebur128": [*head, "-af", "ebur128", "-f", "null", "-"],
        "mp3": [*head, *mp3, str(work / "plain.mp3")],
        "opus+mp3": [
            *head,
            "-map", "0:a", *opus, str(work / "plain.opus"),
            "-map", "0:a", *mp3, str(work / "plain-both.mp3"),
        ],
    }  # fmt: skip
    results = {}
    for name, command in commands.items():
        cpu, wall = timed_children(
            lambda command=command: subprocess.run(command, check=True)
        )
        results[name] = {"cpu": cpu, "wall": wall}
    return results


def measure_engines(story_ids: dict[str, int], repeat: int) -> dict:
    from masthead.articles.models import ArticlePage
    from masthead.common.ffmpeg import probe
    from masthead.listen.engines import configured_engines
    from masthead.listen.script import spoken_script

    results = {"engines": [], "languages": {}}
    engines = configured_engines()
    results["engines"] = [engine.name for engine in engines]
    for language, page_id in story_ids.items():
        page = ArticlePage.objects.select_related("locale").get(pk=page_id)
        script = spoken_script(page)
        rows = []
        for engine in engines:
            voice = engine.voice_for(language)
            if not voice:
                rows.append(
                    {"engine": engine.name, "missing": why_no_voice(engine, language)}
                )
                continue
            runs = []
            for attempt in range(repeat):
                log(f"  {language}, {engine.name}, run {attempt + 1} of {repeat}")
                with tempfile.TemporaryDirectory(prefix="masthead-listen-bench-") as f:
                    work = Path(f)
                    wav = work / "speech.wav"
                    synth_cpu, synth_wall = timed_children(
                        functools.partial(engine.synthesise, script.text, language, wav)
                    )
                    audio = probe(wav)
                    run = {
                        "audio": audio.duration,
                        "wav_rate": audio.sample_rate,
                        "synth_cpu": synth_cpu,
                        "synth_wall": synth_wall,
                        "encode": instrumented_encode(wav, work),
                        "baselines": baselines(wav, work),
                    }
                runs.append(run)
            rows.append(
                {"engine": engine.name, "voice": Path(voice).name, "runs": runs}
            )
        results["languages"][language] = {
            "words": script.words,
            "page_id": page_id,
            "rows": rows,
        }
    return results


# --- The worker (in one child process per worker) ------------------------------------


def run_worker(ids: list[int], force: bool, sync: Path, number: int) -> dict:
    """`build_audio` over `ids`, one after another, once every worker is ready."""
    setup_django()
    from masthead.listen.building import build_audio

    (sync / f"ready-{number}").touch()
    while not (sync / "go").exists():
        time.sleep(0.01)
    started_at, self_cpu, cpu = time.time(), own_cpu(), children_cpu()
    stories = []
    for page_id in ids:
        story_cpu, story_self, started = children_cpu(), own_cpu(), time.perf_counter()
        audio = build_audio(page_id, force=force)
        stories.append(
            {
                "id": page_id,
                "wall": time.perf_counter() - started,
                "tools_cpu": children_cpu() - story_cpu,
                "python_cpu": own_cpu() - story_self,
                "status": audio.status,
                "error": audio.error,
                "language": audio.language,
                "words": audio.words,
                "engine": audio.engine,
                "duration": audio.duration,
                "loudness": audio.loudness,
                "opus": audio.opus.path if audio.opus else "",
                "mp3": audio.mp3.path if audio.mp3 else "",
                "opus_bytes": audio.opus_bytes,
                "mp3_bytes": audio.mp3_bytes,
            }
        )
    return {
        "started_at": started_at,
        "ended_at": time.time(),
        "python_cpu": own_cpu() - self_cpu,
        "tools_cpu": children_cpu() - cpu,
        "stories": stories,
    }


def run_workers(scratch: Scratch, ids: list[int], workers: int, force: bool) -> dict:
    """`workers` worker processes at once, the stories dealt round-robin."""
    sync = Path(tempfile.mkdtemp(prefix="go-", dir=scratch.path))
    shares = [ids[n::workers] for n in range(workers)]
    processes = []
    for number, share in enumerate(shares):
        command = [PYTHON, __file__, "--worker", str(number), str(sync)]
        command += ["--force"] if force else []
        command += ["--ids", *map(str, share)]
        processes.append(
            subprocess.Popen(
                command, cwd=ROOT, env=scratch.env, stdout=subprocess.PIPE, text=True
            )
        )
    deadline = time.monotonic() + 120
    while not all((sync / f"ready-{n}").exists() for n in range(workers)):
        if any(p.poll() is not None for p in processes):
            raise SystemExit("a worker process ended before it was ready")
        if time.monotonic() > deadline:
            raise SystemExit("the workers were not ready after 120 s")
        time.sleep(0.05)
    load_before = os.getloadavg()[0]
    (sync / "go").touch()
    reports = []
    for process in processes:
        output, _ = process.communicate()
        if process.returncode:
            raise SystemExit(f"a worker failed ({process.returncode})")
        reports.append(last_json(output))
    span = max(r["ended_at"] for r in reports) - min(r["started_at"] for r in reports)
    return {
        "workers": workers,
        "span": span,
        "load": (load_before, os.getloadavg()[0]),
        "python_cpu": sum(r["python_cpu"] for r in reports),
        "tools_cpu": sum(r["tools_cpu"] for r in reports),
        "stories": [story for r in reports for story in r["stories"]],
    }


# --- Files (in the bench's own process) ----------------------------------------------

INTEGRATED = re.compile(r"Integrated loudness:\s+I:\s+(-?[\d.]+|-inf) LUFS")
TRUE_PEAK = re.compile(r"True peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS")


def measured_loudness(path: str) -> tuple[float, float]:
    """Integrated loudness (LUFS) and true peak (dBTP) of the file at `path`."""
    stderr = subprocess.run(
        [FFMPEG, "-nostdin", "-hide_banner", "-nostats", "-i", path,
         "-af", "ebur128=peak=true", "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    ).stderr  # fmt: skip
    summary = stderr[stderr.rfind("Summary:") :]
    return (
        float(INTEGRATED.search(summary).group(1)),
        float(TRUE_PEAK.search(summary).group(1)),
    )


def file_duration(path: str) -> float:
    return float(
        subprocess.run(
            [FFPROBE, "-v", "error", "-show_entries", "format=duration",
             "-of", "default=noprint_wrappers=1:nokey=1", path],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
    )  # fmt: skip


def measure_files(stories: list[dict]) -> list[dict]:
    rows = []
    for story in stories:
        if story["status"] != "ready":
            continue
        row = {"language": story["language"], "recorded_loudness": story["loudness"]}
        for kind in ("opus", "mp3"):
            path = story[kind]
            seconds = file_duration(path)
            integrated, peak = measured_loudness(path)
            row[kind] = {
                "bytes_per_minute": os.path.getsize(path) / (seconds / 60),
                "kbps": os.path.getsize(path) * 8 / seconds / 1000,
                "lufs": integrated,
                "peak": peak,
            }
        rows.append(row)
    return rows


# --- Report --------------------------------------------------------------------------


def median(values) -> float:
    return statistics.median(values)


def print_engines(results: dict, repeat: int) -> None:
    print(
        f"\n1. Making the audio of one story, per engine (median of {repeat} runs;"
        " CPU = user + sys of the child processes, RUSAGE_CHILDREN):"
    )
    print(f"   configured engines, in order: {', '.join(results['engines'])}")
    print(
        f"   {'language':9} {'engine':10} {'voice':7} {'words':>5} {'audio s':>7}"
        f" {'stage':10} {'CPU s':>6} {'CPU s/min':>9} {'RTF':>6} {'wall s':>6}"
        f" {'x plain MP3':>11}"
    )
    for language, entry in results["languages"].items():
        name = LANGUAGE_NAMES.get(language, language)
        for row in entry["rows"]:
            if "missing" in row:
                print(f"   {name:9} {row['engine']:10} {row['missing']}")
                continue
            runs = row["runs"]
            audio = median(r["audio"] for r in runs)
            plain = median(r["baselines"]["mp3"]["cpu"] for r in runs)
            stages = (
                ("synthesis", [r["synth_cpu"] for r in runs], [r["synth_wall"] for r in runs]),
                ("encoding", [r["encode"]["cpu"] for r in runs], [r["encode"]["wall"] for r in runs]),
                (
                    "total",
                    [r["synth_cpu"] + r["encode"]["cpu"] for r in runs],
                    [r["synth_wall"] + r["encode"]["wall"] for r in runs],
                ),
            )  # fmt: skip
            for index, (stage, cpus, walls) in enumerate(stages):
                cpu = median(cpus)
                lead = (
                    f"{name:9} {row['engine']:10} {row['voice'][:7]:7}"
                    f" {entry['words']:5d} {audio:7.1f}"
                    if index == 0
                    else " " * 42
                )
                print(
                    f"   {lead} {stage:10} {cpu:6.2f} {cpu / audio * 60:9.2f}"
                    f" {cpu / audio:6.3f} {median(walls):6.2f} {cpu / plain:10.1f}x"
                )
    print(
        "   CPU s/min: CPU seconds per minute of audio; RTF: CPU seconds / audio"
        " seconds;\n   x plain MP3: against a plain MP3 encode of the same WAV"
        " (table 2), in the same run."
    )


def print_baselines(results: dict) -> None:
    print(
        "\n2. Encoding against plain ffmpeg passes over the same WAV (median CPU s;"
        " x = encode_speech / that pass):"
    )
    print(
        f"   {'language':9} {'engine':10} {'decode':>7} {'ebur128':>8} {'MP3':>6}"
        f" {'Opus+MP3':>9} {'encode_speech':>14} {'x decode':>9} {'x MP3':>6}"
        f" {'x Opus+MP3':>10}  {'passes':>6} {'loudness':>8} {'final':>6}"
        f" {'probes':>6}"
    )
    for language, entry in results["languages"].items():
        name = LANGUAGE_NAMES.get(language, language)
        for row in entry["rows"]:
            if "missing" in row:
                continue
            runs = row["runs"]

            def base(key, runs=runs):
                return median(r["baselines"][key]["cpu"] for r in runs)

            def enc(key, runs=runs):
                return median(r["encode"][key] for r in runs)

            encode = enc("cpu")
            print(
                f"   {name:9} {row['engine']:10} {base('decode'):7.2f}"
                f" {base('ebur128'):8.2f} {base('mp3'):6.2f} {base('opus+mp3'):9.2f}"
                f" {encode:14.2f} {encode / base('decode'):8.0f}x"
                f" {encode / base('mp3'):5.1f}x {encode / base('opus+mp3'):9.1f}x"
                f"  {enc('loudness_passes'):6.0f} {enc('loudness_cpu'):8.2f}"
                f" {enc('final_cpu'):6.2f} {enc('probe_cpu'):6.2f}"
            )
    wav_rates = {
        run["wav_rate"]
        for entry in results["languages"].values()
        for row in entry["rows"]
        for run in row.get("runs", [])
    }
    print(
        "   decode: WAV to null; ebur128: one loudness measurement; MP3 / Opus+MP3:"
        " the same output\n   settings as the real files, no loudness work."
        " passes: ebur128 runs inside encode_speech\n   (measure, gain"
        " corrections, check of the Opus file); loudness / final / probes: their"
        " CPU s,\n   the final two-file encode's, and ffprobe's."
        f" Engine WAV sample rate(s): {sorted(wav_rates)} Hz."
    )


def print_workers(runs: list[dict], stories: list[dict]) -> None:
    words = [s["words"] for s in stories]
    print(
        f"\n3. Worker throughput: build_audio over {len(stories)} stories"
        f" ({min(words)}-{max(words)} spoken words, languages"
        f" {' '.join(sorted({s['language'] for s in stories}))}), SQLite, file"
        " storage (measured):"
    )
    print(
        f"   {'workers':7} {'stories':>7} {'failed':>6} {'span s':>7} {'articles/h':>10}"
        f" {'vs first':>8} {'audio min/h':>11} {'s/story p50':>11} {'tools CPU':>9}"
        f" {'worker CPU':>10} {'cores used':>10} {'load 1m':>11}"
    )
    first = None
    for run in runs:
        made = run["stories"]
        failed = sum(1 for s in made if s["status"] != "ready")
        per_hour = len(made) / run["span"] * 3600
        first = first or per_hour
        audio = sum(s["duration"] or 0 for s in made) / 60
        load = f"{run['load'][0]:.1f}->{run['load'][1]:.1f}"
        print(
            f"   {run['workers']:7d} {len(made):7d} {failed:6d} {run['span']:7.1f}"
            f" {per_hour:10.0f} {per_hour / first:7.2f}x"
            f" {audio / run['span'] * 3600:11.0f}"
            f" {median(s['wall'] for s in made):11.2f}"
            f" {run['tools_cpu'] / len(made):9.2f}"
            f" {run['python_cpu'] / len(made):10.2f}"
            f" {(run['tools_cpu'] + run['python_cpu']) / run['span']:10.2f} {load:>11}"
        )
        for story in made:
            if story["status"] != "ready":
                print(f"     story {story['id']}: {story['status']}: {story['error']}")
    single = runs[0]
    cpu = (single["tools_cpu"] + single["python_cpu"]) / len(single["stories"])
    cores = os.cpu_count() or 1
    for run in runs:
        used = (run["tools_cpu"] + run["python_cpu"]) / run["span"]
        if used < 0.8 * min(run["workers"], cores):
            print(
                f"   warning: the {run['workers']}-worker run got only {used:.2f} of"
                f" {min(run['workers'], cores)} cores (other work on the machine):"
                " its articles/h is low."
            )
    print(
        f"   CPU-bound ceiling (estimated, not measured): {cpu:.2f} CPU s a story"
        f" -> {3600 / cpu:.0f} articles/h a core,\n   {3600 / cpu * cores:.0f} on"
        f" this machine's {cores} cores if nothing else ran."
    )
    print(
        "   Each worker is a process running build_audio story after story (runs"
        " after the first rebuild\n   the same stories with force=True); span:"
        " first start to last end; tools CPU / worker CPU: a\n   story's"
        " espeak-ng, ffmpeg and ffprobe (RUSAGE_CHILDREN) / the Python process"
        " itself (RUSAGE_SELF);\n   cores used: (tools + worker CPU) / span;"
        " load 1m: the machine's 1-minute load average"
        " before -> after (other people's work included)."
    )


def print_files(rows: list[dict], target: float) -> None:
    print(
        f"\n4. The files of the 1-worker run: size and loudness (ffmpeg ebur128,"
        f" peak=true; target {target:g} LUFS ±{LOUDNESS_TOLERANCE:g} LU, true peak"
        f" <= {PEAK_CEILINGS['mp3']:g} dBTP for MP3, {PEAK_CEILINGS['opus']:g} for"
        " Opus):"
    )
    print(
        f"   {'language':9} {'file':5} {'files':>5} {'KB/min':>7} {'kbit/s':>7}"
        f" {'LUFS p50':>8} {'LUFS min':>8} {'LUFS max':>8} {'TP p50':>7} {'TP max':>7}"
        "  target"
    )
    languages = sorted(
        {row["language"] for row in rows}, key=list(LANGUAGE_NAMES).index
    )
    for language in [*languages, "all"]:
        chosen = [r for r in rows if language in ("all", r["language"])]
        for kind in ("opus", "mp3"):
            values = [r[kind] for r in chosen]
            lufs = [v["lufs"] for v in values]
            peaks = [v["peak"] for v in values]
            peak = max(peaks)
            level = all(abs(value - target) <= LOUDNESS_TOLERANCE for value in lufs)
            verdict = (
                f"LUFS {'met' if level else 'MISSED'},"
                f" peak {'met' if peak <= PEAK_CEILINGS[kind] else 'MISSED'}"
            )
            name = (
                "all" if language == "all" else LANGUAGE_NAMES.get(language, language)
            )
            print(
                f"   {name:9} {kind:5} {len(values):5d}"
                f" {median(v['bytes_per_minute'] for v in values) / 1024:7.1f}"
                f" {median(v['kbps'] for v in values):7.1f}"
                f" {median(lufs):8.1f} {min(lufs):8.1f} {max(lufs):8.1f}"
                f" {median(peaks):7.1f} {peak:7.1f}  {verdict}"
            )
    recorded = [r["recorded_loudness"] for r in rows]
    print(
        f"   ArticleAudio.loudness (what encode_speech recorded, Opus): p50"
        f" {median(recorded):.1f}, {min(recorded):.1f} to {max(recorded):.1f} LUFS."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--languages", nargs="+", default=["en", "ar", "es"])
    parser.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--create", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--engines", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--force", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--ids", nargs="*", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.create:
        setup_django()
        print(json.dumps(create_stories(options.stories, options.languages)))
        return
    if options.engines:
        setup_django()
        first = dict(zip(options.languages, options.ids, strict=True))
        print(json.dumps(measure_engines(first, options.repeat)))
        return
    if options.worker:
        number, sync = options.worker
        print(
            json.dumps(run_worker(options.ids, options.force, Path(sync), int(number)))
        )
        return

    unknown = set(options.languages) - set(LANGUAGE_NAMES)
    if unknown:
        parser.error(f"no demo stories in {', '.join(sorted(unknown))}")
    options.stories = max(options.stories, len(options.languages))
    started = time.monotonic()
    phases: dict[str, float] = {}

    def phase(name: str) -> None:
        phases[name] = time.monotonic()

    scratch = Scratch()
    scratch.env.update(LOG_LEVEL="WARNING")
    try:
        phase("setup")
        log(f"Migrating a scratch database in {scratch.path}…")
        scratch.masthead("migrate", "--noinput")
        log(f"Creating {options.stories} stories…")
        output = subprocess.run(
            [PYTHON, __file__, "--create", "--stories", str(options.stories),
             "--languages", *options.languages],
            cwd=ROOT, env=scratch.env, stdout=subprocess.PIPE, text=True, check=True,
        ).stdout  # fmt: skip
        stories = last_json(output)["stories"]
        first = {}
        for story in stories:
            first.setdefault(story["language"], story["id"])
        log("Measuring the engines and the encoding…")
        phase("engines")
        output = subprocess.run(
            [PYTHON, __file__, "--engines", "--repeat", str(options.repeat),
             "--languages", *first, "--ids", *map(str, first.values())],
            cwd=ROOT, env=scratch.env, stdout=subprocess.PIPE, text=True, check=True,
        ).stdout  # fmt: skip
        engines = last_json(output)
        ids = [story["id"] for story in stories]
        runs, files = [], []
        for number, workers in enumerate(options.workers):
            log(f"build_audio over {len(ids)} stories, {workers} worker(s)…")
            phase(f"{workers} worker{'s' if workers > 1 else ''}")
            runs.append(run_workers(scratch, ids, workers, force=number > 0))
            if number == 0:
                log("Measuring the files…")
                phase("files")
                files = measure_files(runs[0]["stories"])
        target = float(os.environ.get("MASTHEAD_LISTEN_LOUDNESS", "-16"))
        phase("end")
    finally:
        scratch.cleanup()
    print_engines(engines, options.repeat)
    print_baselines(engines)
    print_workers(runs, stories)
    if files:
        print_files(files, target)
    names = list(phases)
    spent = ", ".join(
        f"{name} {phases[after] - phases[name]:.0f} s"
        for name, after in itertools.pairwise(names)
    )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"\n(The bench took {time.monotonic() - started:.0f} s: {spent}."
        f" Load average at the end: {load}.)"
    )


if __name__ == "__main__":
    main()
