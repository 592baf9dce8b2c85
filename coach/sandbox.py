"""A Jinja2 sandbox with limits, for plan templates (the user's own included).

The stock sandbox stops a template from reaching Python internals, but not from running for
ever or building a gigabyte string. This one adds, per render:

| limit                | value            | what hits it                                  |
|----------------------|------------------|-----------------------------------------------|
| render time          | MAX_SECONDS      | any loop (a timer in the main thread, and a   |
|                      |                  | check at every range step and output chunk)   |
| output size          | MAX_OUTPUT chars | the rendered text, counted as it streams      |
| one range()          | MAX_RANGE items  | `range(100000)`                               |
| all range() steps    | MAX_RANGE_STEPS  | nested loops of smaller ranges                |
| a size argument      | MAX_NUMBER       | `center(10**9)`, `indent(10**9)`, `'x'.zfill` |
| a format width       | MAX_NUMBER       | `'%1000000000s'`, `'{:>1000000000}'.format`   |
| a repeated value     | MAX_OUTPUT       | `'x' * 10**9`, `[0] * 10**9`                  |
| an exponent          | MAX_EXPONENT     | `10 ** 10**9`                                 |
| memory (user files)  | MAX_EXTRA_MEMORY | what slips past the rest (Linux, main thread) |

A size argument is one named in SIZE_PARAMETERS (a width, length, count); big numbers as
values (`{{ 10**9 }}`, `'{}'.format(10**9)`) are fine. Every limit raises TemplateLimit (a
jinja2 SecurityError) with a message saying which.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from jinja2.sandbox import SandboxedEnvironment, SecurityError

MAX_SECONDS = 5.0
MAX_OUTPUT = 5_000_000
MAX_RANGE = 10_000
MAX_RANGE_STEPS = 1_000_000
MAX_NUMBER = 100_000
MAX_EXPONENT = 64
MAX_EXTRA_MEMORY = 512 << 20
_BIG_NUMBER = re.compile(r"\d{6,}")


class TemplateLimit(SecurityError):
    """A template went past one of the sandbox's limits."""


def _check_number(value: Any, what: str) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
        raise TemplateLimit(f"{what}: {value} is too large (the limit is {MAX_NUMBER:,})")


def _check_format(text: Any, what: str) -> None:
    if isinstance(text, str) and _BIG_NUMBER.search(text):
        raise TemplateLimit(f"{what}: a width or precision over {MAX_NUMBER:,} is not allowed")


def _check_size(value: Any, what: str) -> Any:
    if isinstance(value, str | list | tuple | dict) and len(value) > MAX_OUTPUT:
        raise TemplateLimit(f"{what} builds a value over {MAX_OUTPUT:,} long")
    return value


class _Budget:
    """Time and range steps left for one render."""

    def __init__(self) -> None:
        self.deadline = time.monotonic() + MAX_SECONDS
        self.steps = 0

    def tick(self, count: int = 1) -> None:
        self.steps += count
        if self.steps > MAX_RANGE_STEPS:
            raise TemplateLimit(f"loops over range() ran more than {MAX_RANGE_STEPS:,} steps")
        if time.monotonic() > self.deadline:
            raise TemplateLimit(f"the template ran longer than {MAX_SECONDS:g} seconds")


_current = threading.local()


def _budget() -> _Budget:
    budget = getattr(_current, "budget", None)
    if budget is None:
        budget = _current.budget = _Budget()
    return budget


def bounded_range(*args: int) -> Iterator[int]:
    """range() for templates: at most MAX_RANGE items, counted against the render's budget."""
    for n in args:
        _check_number(n, "range()")
    items = range(*args)
    if len(items) > MAX_RANGE:
        raise TemplateLimit(f"range() of {len(items):,} items (the limit is {MAX_RANGE:,})")
    budget = _budget()
    for n in items:
        budget.tick()
        yield n


SIZE_PARAMETERS = frozenset({"width", "length", "slices", "linecount", "tabsize", "n", "max"})
"""Parameters (of filters, string methods and globals) that size what a call builds."""
_STAR_WIDTH = re.compile(r"%[-+ #0]*\*|%[-+ #0]*\d*\.\*")


def _check_sizes(func: Callable, args: tuple, kwargs: dict, what: str) -> None:
    """Refuse a huge number passed as a size: `center(10**9)`, `indent(width=10**9)`."""
    try:
        bound = inspect.signature(func).bind(*args, **kwargs)
    except (TypeError, ValueError):
        return  # no signature (str.format, say): format strings are checked on their own
    for name, value in bound.arguments.items():
        if name in SIZE_PARAMETERS:
            _check_number(value, what)


def _check_format_call(text: Any, args: tuple, what: str) -> None:
    _check_format(text, what)
    if isinstance(text, str) and _STAR_WIDTH.search(text):
        for value in args if isinstance(args, tuple) else (args,):
            _check_number(value, what)


def _bounded_filter(name: str, func: Callable) -> Callable:
    @functools.wraps(func)
    def checked(*args: Any, **kwargs: Any) -> Any:
        what = f"filter '{name}'"
        _check_sizes(func, args, kwargs, what)
        if name == "format":
            value = next((a for a in args if isinstance(a, str)), None)
            _check_format_call(value, args, what)
        return _check_size(func(*args, **kwargs), what)

    return checked


class BoundedSandbox(SandboxedEnvironment):
    """SandboxedEnvironment plus the limits in the module docstring."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["range"] = bounded_range
        self.bound_filters()

    def bound_filters(self) -> None:
        """Wrap every filter in the argument and size checks; call again after adding filters."""
        for name, func in list(self.filters.items()):
            if not getattr(func, "_coach_bounded", False):
                wrapped = _bounded_filter(name, func)
                wrapped._coach_bounded = True  # type: ignore[attr-defined]
                self.filters[name] = wrapped

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
            raise TemplateLimit("exponent too large in template")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                sized = isinstance(seq, str | list | tuple) and isinstance(n, int)
                if sized and len(seq) * n > MAX_OUTPUT:
                    raise TemplateLimit("template builds a value that is too large")
        if operator == "%":
            _check_format_call(left, right, "'%' formatting")
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args, **kwargs):
        target = getattr(__obj, "__wrapped__", __obj)
        owner = getattr(target, "__self__", None)
        name = getattr(target, "__name__", "a call")
        _check_sizes(target, args, kwargs, f"{name}()")
        if isinstance(owner, str):
            _check_format_call(owner, args, f"{name}()")
        return _check_size(super().call(__context, __obj, *args, **kwargs), f"{name}()")


@contextlib.contextmanager
def _timer() -> Iterator[None]:
    """Interrupt a render that runs past MAX_SECONDS (main thread only, where signals go)."""
    usable = threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGALRM")
    if not usable:
        yield
        return

    def expired(_signum, _frame):
        raise TemplateLimit(f"the template ran longer than {MAX_SECONDS:g} seconds")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, MAX_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _memory_cap() -> Iterator[None]:
    """Cap the address space at its current size plus MAX_EXTRA_MEMORY while rendering."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[0])
        used = pages * resource.getpagesize()
    except (ImportError, OSError, ValueError):
        yield
        return
    cap = used + MAX_EXTRA_MEMORY
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    if soft != resource.RLIM_INFINITY and soft < cap:
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def render_bounded(template, context: dict[str, Any], *, cap_memory: bool = False) -> str:
    """Render `template` within the limits; TemplateLimit when it goes past one."""
    _current.budget = _Budget()
    chunks: list[str] = []
    size = 0
    try:
        with contextlib.ExitStack() as stack:
            stack.enter_context(_timer())
            if cap_memory and threading.current_thread() is threading.main_thread():
                stack.enter_context(_memory_cap())
            try:
                for chunk in template.generate(context):
                    size += len(chunk)
                    if size > MAX_OUTPUT:
                        raise TemplateLimit(f"the output is over {MAX_OUTPUT:,} characters")
                    chunks.append(chunk)
                    _current.budget.tick(0)
            except MemoryError:
                chunks.clear()
                raise TemplateLimit(
                    f"the template needs more than {MAX_EXTRA_MEMORY >> 20} MB of memory"
                ) from None
    finally:
        _current.budget = None
    return "".join(chunks)
