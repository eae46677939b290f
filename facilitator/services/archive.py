"""Setting up the secretariat's archive: its schema, its roles and policies
(facilitator.dialects.pg_security), and who is reader, rapporteur or
administrator. Run by the archive's administrator, on a connection with the
right to create roles (`--admin-url`)."""

from __future__ import annotations

from pydantic import BaseModel
from sqlalchemy import Engine, text

from .. import dialects
from ..dialects import pg_security
from ..errors import DatabaseError, InvalidInput, NotFound
from ._db import reading, transaction
from .meetings import resolve_meeting


def _require_archive(engine: Engine) -> None:
    if not dialects.is_postgresql(engine):
        raise InvalidInput("An archive is a PostgreSQL database: give a postgresql:// URL.")


def init_archive(engine: Engine) -> None:
    """Roles, bookkeeping and row-level security; safe to run again (after an upgrade, it must be)."""
    _require_archive(engine)
    with transaction(engine) as session:
        conn = session.connection()
        for statement in pg_security.init_statements():
            conn.exec_driver_sql(statement)


class Grant(BaseModel):
    user: str
    role: str
    created: bool
    meetings: list[str] = []


def grant(engine: Engine, user: str, role: str, *, meetings: list[str] = (), password: str | None = None) -> Grant:
    """Make `user` (created when missing, with `password`) a reader, rapporteur or administrator;
    a rapporteur of the meetings named."""
    _require_archive(engine)
    user = pg_security.check_user_name(user)
    group = pg_security.ROLES.get(role)
    if group is None:
        raise InvalidInput(f"Unknown archive role {role!r}; use one of: {', '.join(pg_security.ROLES)}.")
    if meetings and role != "rapporteur":
        raise InvalidInput("--meeting is for a rapporteur: the meetings whose raw notes they may read and write.")
    ids = [resolve_meeting(engine, ref).id for ref in meetings]
    with transaction(engine) as session:
        conn = session.connection()
        if not pg_security.is_initialised(conn):
            raise DatabaseError("This archive has no roles yet: run `facilitator archive init --admin-url URL` first.")
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :u"), {"u": user}).first() is not None
        if not exists:
            conn.exec_driver_sql(f"CREATE ROLE {user} LOGIN")
        if password is not None:
            conn.execute(text("SELECT set_config('facilitator.password', :p, true)"), {"p": password})
            # ALTER ROLE takes no bound parameter: the password goes through a setting, never into the SQL text.
            conn.exec_driver_sql(f"DO $$ BEGIN EXECUTE 'ALTER ROLE {user} PASSWORD ' "
                                 "|| quote_literal(current_setting('facilitator.password')); END $$")
        conn.exec_driver_sql(f"GRANT {group} TO {user}")
        for meeting_id in ids:
            conn.execute(text(f"INSERT INTO {pg_security.SCHEMA}.rapporteur (meeting_id, role) VALUES (:m, :u) "
                              "ON CONFLICT DO NOTHING"), {"m": meeting_id, "u": user})
    return Grant(user=user, role=role, created=not exists, meetings=ids)


def revoke(engine: Engine, user: str, role: str, *, meetings: list[str] = ()) -> None:
    """Take a role away, or (with meetings) a rapporteur's meetings."""
    _require_archive(engine)
    user = pg_security.check_user_name(user)
    group = pg_security.ROLES.get(role)
    if group is None:
        raise InvalidInput(f"Unknown archive role {role!r}; use one of: {', '.join(pg_security.ROLES)}.")
    ids = [resolve_meeting(engine, ref).id for ref in meetings]
    with transaction(engine) as session:
        conn = session.connection()
        if ids:
            for meeting_id in ids:
                conn.execute(text(f"DELETE FROM {pg_security.SCHEMA}.rapporteur WHERE meeting_id = :m AND role = :u"),
                             {"m": meeting_id, "u": user})
            return
        if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :u"), {"u": user}).first() is None:
            raise NotFound(f"The archive's server has no user {user}.")
        conn.exec_driver_sql(f"REVOKE {group} FROM {user}")


class Member(BaseModel):
    user: str
    roles: list[str]
    meetings: list[str]


def members(engine: Engine) -> list[Member]:
    """Who holds which archive role, and the meetings each rapporteur has."""
    _require_archive(engine)
    with reading(engine) as session:
        conn = session.connection()
        rows = conn.execute(text(
            "SELECT m.rolname, g.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
            "JOIN pg_roles m ON m.oid = a.member WHERE g.rolname = ANY(:groups) AND m.rolname <> ALL(:groups) "
            "ORDER BY 1, 2"), {"groups": list(pg_security.ROLES.values())}).all()
        assigned = conn.execute(text(f"SELECT role, meeting_id FROM {pg_security.SCHEMA}.rapporteur ORDER BY 1, 2")
                                ).all() if pg_security.is_initialised(conn) else []
    out: dict[str, Member] = {}
    names = {v: k for k, v in pg_security.ROLES.items()}
    for user, group in rows:
        out.setdefault(user, Member(user=user, roles=[], meetings=[])).roles.append(names[group])
    for user, meeting_id in assigned:
        out.setdefault(user, Member(user=user, roles=[], meetings=[])).meetings.append(meeting_id)
    return sorted(out.values(), key=lambda m: m.user)
