"""The header of every coach screen: Textual's Header, drawn by one widget instead of four.

| part        | cells               | as Header's                                       |
|-------------|---------------------|---------------------------------------------------|
| icon        | 8, icon at cell 1   | HeaderIcon: a click opens the command palette     |
| title       | the rest, centred   | HeaderTitle: `App.format_title(title, sub title)` |
| clock space | 10                  | HeaderClockSpace (coach shows no clock)           |

A click anywhere else makes it tall (3 lines) or short again, as Header does.
"""

from __future__ import annotations

from textual import events
from textual.color import Color
from textual.content import Content
from textual.widget import Widget

ICON_CELLS = 8
CLOCK_CELLS = 10


class TitleBar(Widget, can_focus=False):
    """The app's title and the screen's step, with the palette icon at the left."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        content-align-vertical: middle;
        text-wrap: nowrap;
    }
    TitleBar.-tall {
        height: 3;
    }
    """

    def __init__(self, icon: str) -> None:
        super().__init__()
        self.icon = icon
        self._over_icon = False

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            self.watch(node, "title", self._retitle, init=False)
            self.watch(node, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def render(self) -> Content:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        room = max(0, self.size.width - ICON_CELLS - CLOCK_CELLS)
        text = app.format_title(title, sub_title).truncate(room, ellipsis=True)
        left = (room - text.cell_length) // 2
        icon = Content.assemble(" ", self.icon, " " * (ICON_CELLS - 2 - len(self.icon)), " ")
        if self._over_icon:
            hover = Color.parse(app.theme_variables["foreground"]).with_alpha(0.1)
            icon = icon.stylize((self.styles.background + hover).css)
        return Content.assemble(
            icon,
            " " * left,
            text,
            " " * (room - left - text.cell_length),
            " " * CLOCK_CELLS,
        )

    def on_mouse_move(self, event: events.MouseMove) -> None:
        over = event.x < ICON_CELLS
        if over != self._over_icon:
            self._over_icon = over
            self.tooltip = "Open the command palette" if over else None
            self.refresh()

    def on_leave(self) -> None:
        if self._over_icon:
            self._over_icon = False
            self.tooltip = None
            self.refresh()

    async def on_click(self, event: events.Click) -> None:
        event.stop()
        if event.x < ICON_CELLS:
            await self.run_action("app.command_palette")
        else:
            self.toggle_class("-tall")
