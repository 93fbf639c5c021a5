"""`accord serve` (the JSON API and dashboard) and `accord token create|list|revoke` (write tokens)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from accord.api.settings import BY_NAME, SettingError, Settings
from accord.cli.common import DbOption, connected, fail, open_db

token_app = typer.Typer(help="Make, list and revoke write tokens for `accord serve`.", no_args_is_help=True)


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    private: Annotated[
        bool, typer.Option("--private", help="Reading needs a token too (sign in or a Bearer token).")
    ] = False,
    setting: Annotated[
        list[str] | None,
        typer.Option(
            "--setting",
            "-s",
            metavar="NAME=VALUE",
            help="Any setting (docs/web.md), repeatable; each also reads $ACCORD_<NAME>. "
            f"Names: {', '.join(BY_NAME)}.",
        ),
    ] = None,
) -> None:
    """Serve the JSON API (/api, described at /docs) and the dashboard pages over the store."""
    import uvicorn

    from accord.web.app import create_app

    try:
        settings = Settings.from_env(setting or [], db=db, private=private or None)
    except SettingError as error:
        fail(str(error))
    engine, _url = open_db(settings.db, linking=True)  # submitted documents are linked
    app = create_app(settings, engine=engine)
    typer.echo(f"accord: serving on http://{host}:{port} (API at /api, its description at /docs)")
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    except OSError as error:
        fail(f"cannot listen on {host}:{port}: {error.strerror or error}")


@token_app.command("create")
def token_create(
    name: Annotated[str, typer.Argument(help="Who holds the token (shown in the review audit log).")],
    db: DbOption = None,
) -> None:
    """Make a write token for NAME and print it once; only its SHA-256 is stored."""
    from accord.api.tokens import TokenError, create_token

    with connected(db) as (connection, _url):
        try:
            token = create_token(connection, name)
        except TokenError as error:
            fail(str(error))
    typer.echo(token)
    sys.stderr.write("accord: keep this token now; it cannot be shown again\n")


@token_app.command("list")
def token_list(db: DbOption = None) -> None:
    """List token holders, when each token was made and whether it was revoked (never the tokens)."""
    from accord.api.tokens import list_tokens

    with connected(db) as (connection, _url):
        found = list_tokens(connection)
    for info in found:
        revoked = f"revoked {info.revoked_at:%Y-%m-%d %H:%M}" if info.revoked_at else "live"
        typer.echo(f"{info.name}\tcreated {info.created_at:%Y-%m-%d %H:%M}\t{revoked}")


@token_app.command("revoke")
def token_revoke(
    name: Annotated[str, typer.Argument(help="The holder whose tokens stop working.")], db: DbOption = None
) -> None:
    """Revoke every live token of NAME."""
    from accord.api.tokens import revoke_tokens

    with connected(db) as (connection, _url):
        count = revoke_tokens(connection, name)
    if not count:
        fail(f"no live token named {name!r}", 1)
    typer.echo(f"revoked {count} token{'s' if count != 1 else ''} of {name}")


def register(app: typer.Typer) -> None:
    """Add `accord serve` and `accord token ...` to the app."""
    app.command("serve")(serve)
    app.add_typer(token_app, name="token")
