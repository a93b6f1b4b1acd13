"""Every command has help text with an example, and ``--help`` works for each."""

from __future__ import annotations

import pytest
import typer.main
from typer.testing import CliRunner

from zonekg.cli.app import app

ROOT_COMMAND = typer.main.get_command(app)


def _walk(command, path: tuple[str, ...] = ()):
    if hasattr(command, "commands"):  # a group (typer vendors its own click)
        for name, sub in sorted(command.commands.items()):
            yield from _walk(sub, (*path, name))
    else:
        yield path, command


COMMANDS = list(_walk(ROOT_COMMAND))


@pytest.mark.parametrize("path,command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_command_has_help_with_an_example(path, command):
    text = command.help or ""
    assert text.strip(), f"zonekg {' '.join(path)} has no help"
    assert "zonekg " in text, f"zonekg {' '.join(path)}: help should show an example invocation"


@pytest.mark.parametrize("path,command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_help_runs(path, command):
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
