"""The footer of every coach screen: the screen's keys, drawn as Textual's Footer draws them.

Textual's Footer is a row of widgets, one per key, rebuilt whenever the screen's bindings
change; each widget costs about as much to build as a whole bare app's screen, and a screen
refreshes its bindings several times as it starts. This footer is one widget that draws the
same line from the screen's active bindings on each paint:

| part            | drawn as                                       | style (as Footer's)        |
|-----------------|------------------------------------------------|----------------------------|
| a key           | `" " + key + " "`, then `description + " "`    | footer-key--key, --descr.. |
| a disabled key  | the same, dimmed; a click rings the bell       | `text-style: dim`          |
| the hovered key | the same, on the hover background              | `$block-hover-background`  |
| the palette key | at the right: `"▏" + key + " " + description`  | border `$foreground 20%`   |

A click on a key presses it, and hovering a key shows its tooltip, as in Footer.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.color import Color
from textual.widget import Widget


class Key(NamedTuple):
    """One key as the footer shows it, and where."""

    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str
    start: int
    end: int


class KeysFooter(Widget, can_focus=False):
    """The keys of the screen it is on, in one line at the bottom."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"footer-key--key", "footer-key--description"}
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._keys: list[Key] = []
        self._hover: int | None = None
        self._colors: dict[tuple, Color] = {}

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen) -> None:
        self.refresh()

    def _layout(self) -> tuple[list[Key], Key | None]:
        """The keys to show (as Footer: one per action, shown bindings only) and the palette
        key, placed on a line of the widget's width."""
        app = self.app
        active = self.screen.active_bindings
        keys: list[Key] = []
        seen: set[str] = set()
        x = 0
        for key, (_node, binding, enabled, tooltip) in active.items():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            display = app.get_key_display(binding)
            description = binding.description
            width = len(display) + 3 + len(description) if description else len(display)
            keys.append(Key(key, display, binding.description, enabled, tooltip, x, x + width))
            x += width
        palette = None
        if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, _tip = active[app.COMMAND_PALETTE_BINDING]
            display = app.get_key_display(binding)
            width = 1 + len(display) + 1 + len(binding.description) + 1
            end = self.size.width
            tooltip = binding.tooltip or binding.description
            palette = Key(
                binding.key, display, binding.description, enabled, tooltip, end - width, end
            )
        return keys, palette

    def render(self) -> Text:
        keys, palette = self._layout()
        self._keys = keys + ([palette] if palette else [])
        key_style = self.get_component_rich_style("footer-key--key")
        description_style = self.get_component_rich_style("footer-key--description")
        line = Text(no_wrap=True, overflow="crop")
        for index, key in enumerate(keys):
            if key.description:
                part = Text.assemble(
                    (f" {key.display} ", key_style), (f"{key.description} ", description_style)
                )
            else:  # as Footer: a key without a description has no padding either
                part = Text(key.display, key_style)
            self._finish(part, index, key)
            line.append_text(part)
        if palette is not None:
            line.append(" " * max(0, palette.start - line.cell_len))
            line.truncate(palette.start)
            border = Style(color=self._theme_color("foreground", 0.2).rich_color)
            part = Text.assemble(
                (palette.display, key_style), (f" {palette.description}", description_style), " "
            )
            self._finish(part, len(keys), palette)
            line.append("▏", border)
            line.append_text(part)
        return line

    def _finish(self, part: Text, index: int, key: Key) -> None:
        if index == self._hover:
            hover = self._theme_color("block-hover-background")
            part.stylize(Style(bgcolor=hover.rich_color))
        if not key.enabled:
            part.stylize(Style(dim=True))

    def _theme_color(self, variable: str, alpha: float | None = None) -> Color:
        """A theme colour as drawn over the footer's background (kept per theme)."""
        key = (self.app.theme, self.styles.background, variable, alpha)
        if key not in self._colors:
            # The variables the app's CSS was built with: get_css_variables() would work the
            # whole colour system out again, which costs more than drawing the footer.
            color = Color.parse(self.app.theme_variables[variable])
            if alpha is not None:
                color = color.with_alpha(alpha)
            self._colors[key] = self.styles.background + color
        return self._colors[key]

    def _key_at(self, x: int) -> int | None:
        return next((i for i, k in enumerate(self._keys) if k.start <= x < k.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._key_at(event.x)
        if index != self._hover:
            self._hover = index
            self.tooltip = self._keys[index].tooltip or None if index is not None else None
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._key_at(event.x)
        if index is None:
            return
        key = self._keys[index]
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
