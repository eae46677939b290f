"""The application in a real terminal, driven through tmux: keys go in with
`send-keys`, the screen comes back as text with `capture-pane`. Nothing waits
for a fixed time: `wait_for` polls the pane until a condition holds, with a
generous deadline for a busy machine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

#: How long a condition may take before the run is declared stuck (a hang, not slowness).
PATIENCE = 120.0


def tmux_available() -> str | None:
    """None when tmux can be used here, else why not (one line, with how to install it)."""
    if shutil.which("tmux") is None:
        return "tmux is not installed: `apt-get install -y tmux` (the CI script .ci/run installs it)"
    return None


class TmuxTerminal:
    """One detached tmux session of the given size running a command; its own server socket, so that
    the test never touches a tmux the user has open."""

    def __init__(self, command: list[str], *, size: tuple[int, int] = (120, 40), env: dict[str, str] | None = None,
                 cwd: Path | None = None) -> None:
        self.socket = f"facilitator-test-{uuid.uuid4().hex[:12]}"
        self.session = "app"
        self.size = size
        environment = {**os.environ, **(env or {}), "TERM": "xterm-256color"}
        environment.pop("TMUX", None)
        self._env = environment
        shell_command = " ".join(_quote(part) for part in command)
        self._tmux("new-session", "-d", "-s", self.session, "-x", str(size[0]), "-y", str(size[1]),
                   *(["-c", str(cwd)] if cwd else []), shell_command)
        # Keep the pane after the program ends, so that its last screen (and an exit status) can be read.
        self._tmux("set-option", "-t", self.session, "remain-on-exit", "on")

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", *args], env=self._env,
                              capture_output=True, text=True, check=check, timeout=PATIENCE)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.session).stdout

    def lines(self) -> list[str]:
        return self.screen().splitlines()

    def dead(self) -> bool:
        out = self._tmux("display-message", "-p", "-t", self.session, "#{pane_dead}", check=False).stdout
        return out.strip() == "1"

    def cursor(self) -> tuple[int, int]:
        """Where the terminal's cursor is (column, row). Textual puts it in the text box that has focus."""
        out = self._tmux("display-message", "-p", "-t", self.session, "#{cursor_x} #{cursor_y}").stdout.split()
        return int(out[0]), int(out[1])

    def wait_for_focus_on(self, text: str, timeout: float = PATIENCE) -> str:
        """Wait until the text box on the row showing `text` has focus (the cursor is on that row): keys
        typed before a new screen has put its focus somewhere are lost, as they would be for anyone."""

        def focused(screen: str) -> bool:
            rows = [n for n, line in enumerate(screen.splitlines()) if text in line]
            return bool(rows) and self.cursor()[1] in rows

        return self.wait_for(focused, f"the cursor in the box showing {text!r}", timeout)

    def send(self, *keys: str) -> None:
        """tmux key names (Enter, Escape, C-n, F1 ...), each sent as a key."""
        self._tmux("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        """Literal text, as typed."""
        self._tmux("send-keys", "-t", self.session, "-l", text)

    def wait_for(self, test: Callable[[str], bool], what: str, timeout: float = PATIENCE) -> str:
        """Poll the pane until `test(screen text)` holds; return that screen."""
        deadline = time.monotonic() + timeout
        pause = 0.05
        while True:
            screen = self.screen()
            if test(screen):
                return screen
            if self.dead():
                raise RuntimeError(f"the application ended before showing {what}:\n{screen}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"{what} never appeared on screen:\n{screen}")
            time.sleep(pause)  # a poll interval, not a wait for the application
            pause = min(pause * 1.5, 0.5)

    def wait_for_text(self, text: str, timeout: float = PATIENCE) -> str:
        return self.wait_for(lambda screen: text in screen, repr(text), timeout)

    def close(self) -> None:
        self._tmux("kill-server", check=False)


def _quote(part: str) -> str:
    import shlex

    return shlex.quote(part)


def facilitator_command() -> list[str]:
    return [sys.executable, "-m", "facilitator"]
