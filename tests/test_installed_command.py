"""The installed `facilitator` command, run from an unrelated folder: it must
find its bundled templates without the source tree (the issue's acceptance:
new from the breakfast template, a dozen notes, a memo in Word)."""

import os
import subprocess
import sys
from pathlib import Path

from .exporting_helpers import docx_paragraphs


def run(*args, cwd, env):
    return subprocess.run([sys.executable, "-m", "facilitator", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def test_breakfast_memo_from_another_folder(tmp_path):
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {**os.environ, "FACILITATOR_DB": str(tmp_path / "db" / "f.db"), "HOME": str(tmp_path)}
    env.pop("PYTHONPATH", None)
    assert "breakfast" in run("templates", cwd=work, env=env).stdout
    created = run("new", "breakfast", "--title", "UN-civil society cooperation", "--date", "2017-09-07",
                  "--place", "New York", cwd=work, env=env)
    assert created.returncode == 0, created.stderr
    meeting = created.stdout.strip()[:8]
    notes = [("Civil society now speaks mid-programme.", "reflection", "4", "Engagement is vital."),
             ("Positions are polarising.", "reflection", "4", "State positions are shifting.")]
    notes += [(f"Recommendation number {n} for the UN.", "recommendation", "5", f"Headline {n}.") for n in range(6)]
    notes += [(f"Mobilising recommendation {n}.", "recommendation", "6", f"Mobilise {n}.") for n in range(4)]
    for text, kind, item, headline in notes:
        result = run("note", meeting, text, "--kind", kind, "--item", item, "--headline", headline, cwd=work, env=env)
        assert result.returncode == 0, result.stderr
    exported = run("export", meeting, "--style", "memo", "--format", "docx", cwd=work, env=env)
    assert exported.returncode == 0, exported.stderr
    path = Path(exported.stdout.strip())
    assert path.parent == work and path.suffix == ".docx"
    texts = [t for _, t, _ in docx_paragraphs(path.read_bytes())]
    order = [texts.index(t) for t in ("Engagement is vital.", "Headline 0.", "Headline 5.", "Mobilise 0.",
                                      "Mobilise 3.")]
    assert order == sorted(order)
    assert any(t.startswith("Recommendations for the United Nations") for t in texts)
    assert any("neither reviewed nor approved" in t for t in texts)
    # The same export again is refused rather than overwriting the rapporteur's file.
    again = run("export", meeting, "--style", "memo", "--format", "docx", cwd=work, env=env)
    assert again.returncode == 2 and "already exists" in again.stderr
