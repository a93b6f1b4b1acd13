"""Generate, store and read the managed server's password (a file with mode 0600)."""

from __future__ import annotations

import os
import secrets

from zonekg.graph.server.paths import ServerPaths
from zonekg.schema.errors import ServerError


def read_password(paths: ServerPaths) -> str | None:
    """Return the stored password, or None when no password file exists."""
    try:
        return paths.password_file.read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None


def create_password(paths: ServerPaths) -> str:
    """Generate a random password and write it to a new file only its owner can read."""
    password = secrets.token_urlsafe(24)
    paths.root.mkdir(parents=True, exist_ok=True)
    # O_EXCL: never overwrite a password that a database already uses.
    try:
        fd = os.open(paths.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise ServerError(f"{paths.password_file}: already exists; keep it, or delete it together with {paths.data_dir}") from None
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(password + "\n")
    os.chmod(paths.password_file, 0o600)
    return password
