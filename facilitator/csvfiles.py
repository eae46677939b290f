"""CSV in and out.

Reading participant and speaker lists, all or nothing: the whole file is
checked before anything is written: a wrong header, bad encoding, an empty
file, a duplicate row or a bad value anywhere means nothing is imported, and
the error names the file and the line of every bad row (the first few, in one
line).

Writing (`write_csv`): every CSV the program writes goes through it, so that
no cell can run as a spreadsheet formula — a cell beginning with `=`, `+`,
`-`, `@`, a tab or a carriage return gets a leading apostrophe, as OWASP's
advice on CSV injection has it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .errors import InvalidInput
from .inputs import check_regular, user_path

MAX_CSV_BYTES = 5 * 1024 * 1024
#: What a spreadsheet reads as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_REPORTED = 5
TRUE = {"yes", "y", "true", "1", "x"}
FALSE = {"no", "n", "false", "0", ""}


@dataclass(frozen=True)
class Column:
    name: str
    required: bool = False
    aliases: tuple[str, ...] = ()


def _key(value: str) -> str:
    return value.strip().lower().replace(" ", "_").replace("-", "_")


def read_rows(path: Path, columns: list[Column]) -> list[tuple[int, dict[str, str]]]:
    """Rows as (line number, {column: value}); raises InvalidInput naming the file."""
    path = user_path(path, InvalidInput)
    name = path.name
    check_regular(path, "The CSV file", InvalidInput)
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise InvalidInput(f"{name}: {size // 2**20} MB is larger than the {MAX_CSV_BYTES // 2**20} MB a list "
                               "may be; nothing was imported.")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"{name}: no such file.") from None
    except IsADirectoryError:
        raise InvalidInput(f"{name}: is a folder, not a CSV file.") from None
    except OSError as exc:
        raise InvalidInput(f"{name}: cannot read it ({exc.strerror}).") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InvalidInput(f"{name}:{line}: not UTF-8 text (save it as 'CSV UTF-8'); nothing was imported.") from None
    if "\x00" in text:
        raise InvalidInput(f"{name}: contains NUL bytes; not a CSV file. Nothing was imported.")
    if not text.strip():
        raise InvalidInput(f"{name}: the file is empty; nothing was imported.")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise InvalidInput(f"{name}:1: {exc}; nothing was imported.") from None
    lookup = {}
    for column in columns:
        for alias in (column.name, *column.aliases):
            lookup[_key(alias)] = column.name
    fields = []
    for cell in header:
        key = _key(cell)
        if key not in lookup:
            known = ", ".join(c.name for c in columns)
            raise InvalidInput(f"{name}:1: unknown column {cell.strip()!r} (columns: {known}); nothing was imported.")
        if lookup[key] in fields:
            raise InvalidInput(f"{name}:1: column {cell.strip()!r} appears twice; nothing was imported.")
        fields.append(lookup[key])
    missing = [c.name for c in columns if c.required and c.name not in fields]
    if missing:
        raise InvalidInput(f"{name}:1: missing column(s) {', '.join(missing)}; nothing was imported.")
    rows: list[tuple[int, dict[str, str]]] = []
    errors: list[str] = []
    try:
        for values in reader:
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(fields):
                errors.append(f"line {line}: {len(values)} values for {len(fields)} columns")
                continue
            rows.append((line, {f: v.strip() for f, v in zip(fields, values)}))
    except csv.Error as exc:
        errors.append(f"line {reader.line_num}: {exc}")
    if not rows and not errors:
        raise InvalidInput(f"{name}: a header but no rows; nothing was imported.")
    if errors:
        raise_errors(name, errors)
    return rows


def raise_errors(name: str, errors: list[str]) -> None:
    shown = "; ".join(errors[:MAX_REPORTED])
    more = f" (and {len(errors) - MAX_REPORTED} more)" if len(errors) > MAX_REPORTED else ""
    raise InvalidInput(f"{name}: {len(errors)} bad row(s), nothing was imported — {shown}{more}.")


def parse_bool(value: str) -> bool | None:
    key = value.strip().lower()
    return True if key in TRUE else False if key in FALSE else None


def safe_cell(value: object) -> str:
    """A cell that a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def write_csv(header: list[str] | tuple[str, ...], rows) -> str:
    """CSV text (header first) with every cell made safe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([safe_cell(c) for c in header])
    writer.writerows([safe_cell(c) for c in row] for row in rows)
    return out.getvalue()
