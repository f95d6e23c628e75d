"""The commands of the server and its users, a thin layer over `sitrep.web.app` and `sitrep.store.review`:

    sitrep serve [--db DB] [--host 127.0.0.1] [--port 8765]
    sitrep users add NAME | list | remove NAME [--db DB]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from sitrep.settings import Settings
from sitrep.store import core

DEFAULT_HOST = "127.0.0.1"  # loopback: another machine reaches the server only when told to (--host 0.0.0.0)
DEFAULT_PORT = 8765


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"not a port number (0-65535): {value!r}")
    return port


def _db(args: argparse.Namespace, settings: Settings) -> str:
    return args.db or core.default_db(settings)


def run_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from sitrep.web.app import create_app

    app = create_app(_db(args, settings), settings)
    where = f"http://{args.host}:{args.port}/" if ":" not in args.host else f"http://[{args.host}]:{args.port}/"
    print(f"sitrep: serving {app.state.pool.location} at {where} (API docs at {where}docs; Ctrl-C stops)",
          file=sys.stderr, flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def run_users(args: argparse.Namespace, settings: Settings) -> int:
    from sitrep.store import review

    with core.open_store(_db(args, settings), settings) as store:
        if args.action == "add":
            token = review.add_user(store, args.name)
            print(token)
            print(f"sitrep: user {args.name!r} added; this is its API token, shown only now (the store keeps its "
                  "hash): send it as 'Authorization: Bearer TOKEN', or paste it into the page", file=sys.stderr)
        elif args.action == "remove":
            review.remove_user(store, args.name)
            print(f"sitrep: user {args.name!r} removed; its token no longer works", file=sys.stderr)
        else:
            for name, created in review.users(store):
                print(f"{name}\t{created.isoformat(timespec='seconds')}Z")
    return 0


def add_commands(subparsers: Any, add_settings: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add serve and users to the `sitrep` command line."""
    db_help = ("the store: a DuckDB file, or postgresql://user:pw@host/db "
               f"(default: $SITREP_DB, else <data dir>/{core.DEFAULT_DB_NAME})")
    p = subparsers.add_parser("serve", help="serve the HTTP API and the analysts' map page over the store")
    p.add_argument("--db", "--store", dest="db", metavar="DB", help=db_help)
    p.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST}: this "
                   "machine only; 0.0.0.0 for every interface)")
    p.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    add_settings(p)
    p.set_defaults(func=run_serve)

    p = subparsers.add_parser("users", help="API tokens of the analysts who may correct events")
    actions = p.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="create a user and print its API token (shown once)")
    add.add_argument("name", metavar="NAME")
    remove = actions.add_parser("remove", help="remove a user (its token stops working)")
    remove.add_argument("name", metavar="NAME")
    actions.add_parser("list", help="the users and when each was added")
    for q in (add, remove, actions.choices["list"]):
        q.add_argument("--db", "--store", dest="db", metavar="DB", help=db_help)
        q.add_argument("--data-dir", dest="data_dir", metavar="DATA_DIR",
                       help="the data folder (where the default store lives); also SITREP_DATA_DIR")
    p.set_defaults(func=run_users)
