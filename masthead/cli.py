"""The `masthead` command: the newsroom's own commands plus everything manage.py has."""

import os
import sys

# Friendly names for the commands an operator types most; anything else is passed
# to Django's manage.py as it is.
ALIASES = {
    "serve": "serve",
    "worker": "db_worker",
    "clock": "clock",
    "roles": "newsroom_roles",
    "demo-data": "demo_data",
    "demo-setup": "demo_setup",
    "ensure-admin": "ensure_admin",
    "generate-articles": "generate_articles",
    "refresh-read-next": "refresh_read_next",
    "wire-poll": "wire_poll",
    "listen": "listen_audio",
}

HELP = """\
usage: masthead COMMAND [options]

Run a Masthead newsroom.

Commands:
  serve          serve the site with a production-grade server (HOST, PORT)
  worker         run the background task worker (renditions, purges, wire polls)
  clock          publish scheduled stories, expire, queue wire polls and audio
                 retries (every 5 s)
  demo-data      load the demo newsroom (safe to run again: adds nothing twice)
  demo-setup     migrate, load the demo newsroom, create the admin account
  ensure-admin   create the `admin` account if it is missing
  roles          create the newsroom's roles (groups per edition) and review
                 workflows
  generate-articles N
                 add N synthetic published stories (load tests, benchmarks)
  refresh-read-next
                 recompute Read Next for recent stories (run hourly)
  wire-poll [--source ID]
                 poll the wire sources now and print what came in
  listen [--now] [--page ID] [--force]
                 make the audio of published stories whose audio is missing
                 or out of date (queued for the worker, or here with --now)
  migrate        create or update the database tables

Every Django management command works too (masthead help lists them all);
`masthead COMMAND --help` describes one command.
"""


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    if len(argv) < 2 or argv[1] in {"-h", "--help"}:
        sys.stdout.write(HELP)
        return
    argv[1] = ALIASES.get(argv[1], argv[1])
    from django.core.management import execute_from_command_line

    execute_from_command_line(["masthead", *argv[1:]])


if __name__ == "__main__":
    main()
