"""Where a passphrase comes from: a file (`--passphrase-file`), the
FACILITATOR_PASSPHRASE variable, or the terminal.

A script or a scheduled job has no terminal: asking there would print
Python's GetPassWarning, echo what is typed, or wait forever. So without a
terminal, a passphrase that was not given is refused in one line saying how
to give it. The passphrase stays in this process's memory only.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .errors import InvalidInput
from .inputs import user_path

ENV_VAR = "FACILITATOR_PASSPHRASE"


def interactive() -> bool:
    """Is there a terminal to ask on?"""
    return sys.stdin.isatty()


#: Longer than any passphrase a person types or a password manager makes; what a wrong file would give.
MAX_PASSPHRASE = 1024


def read_passphrase_file(path: Path) -> str:
    """The file's first line, without its line ending (spaces count)."""
    try:
        with open(user_path(path, InvalidInput), encoding="utf-8") as fh:
            line = fh.readline(MAX_PASSPHRASE + 2)  # a line, not all of /dev/zero
    except FileNotFoundError:
        raise InvalidInput(f"Passphrase file {path}: no such file.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"Passphrase file {path}: cannot read it ({getattr(exc, 'strerror', None) or exc}).") \
            from None
    passphrase = line.rstrip("\r\n")
    if len(passphrase) > MAX_PASSPHRASE:
        raise InvalidInput(f"Passphrase file {path}: its first line is longer than {MAX_PASSPHRASE} characters; is "
                           "it the right file?")
    if not passphrase:
        raise InvalidInput(f"Passphrase file {path} is empty; put the passphrase on its first line.")
    return passphrase


def get_passphrase(prompt: str, *, file: Path | None = None, confirm: bool = False,
                   how: str = "--passphrase-file FILE") -> str:
    """From `file`, else $FACILITATOR_PASSPHRASE, else asked on the terminal."""
    if file is not None:
        return read_passphrase_file(file)
    if os.environ.get(ENV_VAR):
        return os.environ[ENV_VAR]
    if not interactive():
        raise InvalidInput(f"{prompt} needed, and there is no terminal to ask for it: give {how} or set {ENV_VAR}.")
    import typer

    return typer.prompt(prompt, hide_input=True, confirmation_prompt=confirm, err=True)


def confirm(question: str, *, option: str = "--yes") -> None:
    """Ask on the terminal; without one, refuse and name the option that answers yes."""
    if not interactive():
        raise InvalidInput(f"There is no terminal to confirm on: give {option} to go ahead.")
    import typer

    typer.confirm(question, abort=True, err=True)
