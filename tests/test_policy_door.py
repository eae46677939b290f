"""One door for attribution decisions (issue 22): "may this be printed, and in what form" is asked of
facilitator/policy.py only. This test reads every module of the application and fails where another one
compares attribution rules itself, reads the protected-rule constants, or works out an item's rule on its
own, so that a second copy of the rule cannot creep back in."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("facilitator", "screens", "exports")
#: The rule's own home, and the vocabulary that names the rules.
ALLOWED = {Path("facilitator/policy.py"), Path("facilitator/vocab.py")}
RULE_CONSTANTS = {"ON_THE_RECORD", "CHATHAM_HOUSE", "NOT_FOR_ATTRIBUTION"}
RULE_VALUES = {"on-the-record", "chatham-house", "not-for-attribution"}


def _modules() -> list[Path]:
    return sorted(p.relative_to(ROOT) for package in PACKAGES for p in (ROOT / package).rglob("*.py"))


def _is_rule(node: ast.AST) -> bool:
    return (isinstance(node, ast.Name) and node.id in RULE_CONSTANTS) or (
        isinstance(node, ast.Attribute) and node.attr in RULE_CONSTANTS) or (
        isinstance(node, ast.Constant) and node.value in RULE_VALUES)


def _offences(path: Path, source: str | None = None) -> list[str]:
    tree = ast.parse(source if source is not None else (ROOT / path).read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        where = f"{path}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Name) and node.id == "PROTECTED_RULES":
            found.append(f"{where}: reads PROTECTED_RULES")
        elif isinstance(node, ast.ImportFrom) and any(a.name == "PROTECTED_RULES" for a in node.names):
            found.append(f"{where}: imports PROTECTED_RULES")
        elif isinstance(node, ast.Compare) and any(_is_rule(n) for n in [node.left, *node.comparators]):
            found.append(f"{where}: compares an attribution rule")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "effective_rule":
            found.append(f"{where}: works out an item's rule itself (ask policy.rule_of)")
    return found


def test_the_scan_sees_every_package():
    modules = _modules()
    assert Path("facilitator/policy.py") in modules and Path("exports/styles/dialogue.py") in modules
    assert len(modules) > 100


def test_the_scan_finds_what_it_forbids():
    source = ("from .vocab import PROTECTED_RULES, ON_THE_RECORD\n"
              "ok = rule == ON_THE_RECORD or rule in PROTECTED_RULES or effective_rule(a, b) or r != 'chatham-house'\n")
    assert len(_offences(Path("probe.py"), source)) == 5  # the import, the name, two comparisons, the call


def test_no_module_but_the_policy_decides_attribution():
    offences = [o for path in _modules() if path not in ALLOWED for o in _offences(path)]
    assert offences == []
