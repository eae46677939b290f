"""Keys of every screen, and the capture grammar."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from facilitator.capture import GRAMMAR_HELP

KEYS = """\
[b]Everywhere[/b]   F1 help · F2 search · F3 recommendation tracker · ctrl+p command palette · ctrl+q quit

[b]Meetings[/b]     n new · enter open (capture) · r review · e export · p participants · d delete

[b]Capture[/b]      enter save the line · ctrl+down / ctrl+up next / previous agenda item
             ctrl+t start/pause the item's clock · f6 give the rest of its time to the next item
             ctrl+g next breakout group · ctrl+n next speaker · ctrl+l speakers list · ctrl+y insert a phrase
             tab notes list · e edit · delete remove · ctrl+z undo delete · 1–9 tag a theme (notes list)
             ctrl+r review · ctrl+o export · escape back

[b]Speakers[/b]     a add · n call next · s mark spoken · x withdraw · shift+up/down reorder · escape back

[b]Review[/b]       e edit · delete remove · ctrl+z undo · shift+up / shift+down reorder · f filter by kind
             v other versions (⟲) · l follow-up and links · t lead/disclaimer/outlook · p participants · a audit · x export · escape back

[b]Audit[/b]        a anonymise · A anonymise all · m mark attributable · d dismiss (not identifying)
             e edit the text · escape back

[b]Search[/b]       type to search · enter open the meeting · escape back
[b]Tracker[/b]      1–5 set status (proposed, taken up, in progress, achieved, dropped) · g group · s sort
[b]Participants[/b] a add · e edit · space may be named or not · escape back
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "close", "Close", id="help.close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(KEYS, id="help-keys")
            yield Static(GRAMMAR_HELP, id="help-grammar")
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)
