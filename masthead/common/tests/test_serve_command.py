"""What `masthead serve` asks granian for."""

from masthead.common.management.commands.serve import Command


def granian_arguments(argv: list[str]) -> dict[str, str]:
    """The value after each option of the granian command line."""
    parser = Command().create_parser("masthead", "serve")
    command = Command().server_command(vars(parser.parse_args(argv)))
    return {
        flag: command[index + 1]
        for index, flag in enumerate(command[:-1])
        if flag.startswith("--") and not command[index + 1].startswith("--")
    }


def test_threads_come_from_the_option_or_the_environment(monkeypatch):
    monkeypatch.delenv("SERVER_THREADS", raising=False)
    assert granian_arguments([])["--blocking-threads"] == "4"
    assert granian_arguments(["--threads", "2"])["--blocking-threads"] == "2"
    monkeypatch.setenv("SERVER_THREADS", "8")
    assert granian_arguments([])["--blocking-threads"] == "8"


def test_workers_and_address_reach_granian(monkeypatch):
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    arguments = granian_arguments(["--host", "0.0.0.0", "--port", "9000"])  # noqa: S104
    assert arguments["--workers"] == "3"
    assert (arguments["--host"], arguments["--port"]) == ("0.0.0.0", "9000")  # noqa: S104
