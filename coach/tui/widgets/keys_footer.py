"""The footer of every coach screen: Textual's Footer, with less work per rebuild."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.reactive import Reactive
from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's Footer, cheaper to build; what it shows and does is the same.

    Two costs go: the Footer rebuilds all its keys each time the screen's bindings are
    refreshed, even when nothing it shows changed (a screen refreshes them several times as
    it starts: focus, stack, resize, loaded data), and each key starts in the compact style
    before its binding to the footer switches it back, which restyles it twice.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: list[tuple[Any, ...]] | None = None

    def _keys(self) -> list[tuple[Any, ...]]:
        """What the footer would show: each shown binding, enabled or not, and its tooltip."""
        palette = self.app.COMMAND_PALETTE_BINDING
        keys: list[tuple[Any, ...]] = [
            (binding, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == palette
        ]
        keys.append((self.show_command_palette, self.compact))
        return keys

    async def recompose(self) -> None:
        if not self.is_attached:  # its screen went away while the rebuild was queued
            return
        keys = self._keys()
        if keys == self._shown:
            return
        self._shown = keys
        await super().recompose()

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            compact = getattr(type(widget), "compact", None)
            # A key bound to the footer's style starts in it (the palette key keeps its own).
            if isinstance(compact, Reactive) and not widget.has_class("-command-palette"):
                widget.set_reactive(compact, self.compact)
            yield widget
