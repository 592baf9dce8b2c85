"""The footer of every coach screen: Textual's Footer, rebuilt only when its keys change."""

from __future__ import annotations

from typing import Any

from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's Footer rebuilds all its keys each time the screen's bindings are refreshed,
    even when nothing it shows changed; a screen refreshes them several times while it
    starts (focus, stack, resize, loaded data). This one skips a rebuild that would show
    the same keys, which saves whole frames of widget work before the first paint."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: list[tuple[Any, ...]] | None = None

    def _keys(self) -> list[tuple[Any, ...]]:
        """What the footer would show: each binding with its enabled state and tooltip."""
        keys = [
            (binding, enabled, tooltip)
            for (_node, binding, enabled, tooltip) in self.screen.active_bindings.values()
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
