"""One way to put an exercise on a page: a view, and :func:`mount`.

A view (an :class:`ExerciseView`) only knows its widgets and its answer: it builds
``widget``, returns its answer as a typed model from ``state()`` and shows a saved one
in ``restore(answer)``. When the participant changes something it calls
``self.changed()`` (a click: ``self.changed(immediate=True)``).

:func:`mount` does the rest, the same way for every exercise: it finds the saved answer
(migrated to the current version, see :mod:`workbook.answers`), restores it with saving
switched off, makes the :class:`~workbook.autosave.Autosaver`, and puts the status line
("Bewaard om ...") under the view. A module page is a :class:`Page`: its widget plus the
mounted exercises by name.

A new exercise type is one answer model (:mod:`workbook.answers`), one view here in
``workbook/ui/views/`` and one entry in :mod:`workbook.registry`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, ClassVar, Concatenate, Generic, ParamSpec, Protocol, TypeVar, runtime_checkable

import ipywidgets as widgets

from workbook import answers, content, registry
from workbook.answers import Answer
from workbook.autosave import Autosaver
from workbook.ui.common import PageContext, Shows, error_box, page_context, save_status, session_bar, style

__all__ = ["ExerciseView", "Exercise", "ItemExercise", "Mounted", "mount", "Page", "ModulePage", "module_page"]

A = TypeVar("A", bound=Answer)
V = TypeVar("V", bound="Exercise[Any]")


@runtime_checkable
class ExerciseView(Protocol):
    """What :func:`mount` needs from a view."""

    model: ClassVar[type[Answer]]
    widget: widgets.Widget

    def state(self) -> Answer:
        """Return the answer as it is on screen now."""
        ...

    def restore(self, state: Answer) -> None:
        """Show a saved answer (called with saving switched off)."""
        ...


class Exercise(Generic[A]):
    """Base class of the views: the link to the mount that saves them.

    Subclasses set ``model`` (their answer class), build ``widget`` and implement
    :meth:`state` and :meth:`restore`. They call :meth:`changed` after every change and
    :meth:`flush` before something that must come after the save (a download).
    """

    model: ClassVar[type[Answer]] = Answer
    widget: widgets.Widget
    _mounted: Mounted[Any] | None = None
    _quiet: int = 0

    def state(self) -> A:
        """Return the answer as it is on screen now."""
        raise NotImplementedError

    def restore(self, state: A) -> None:
        """Show a saved answer."""
        raise NotImplementedError

    @property
    def loading(self) -> bool:
        """Whether the view itself is filling its widgets (a restore, or :meth:`quietly`).

        Widget callbacks return at once while this is true: what the program puts in a
        field is not something the participant typed.
        """
        return self._quiet > 0 or (self._mounted is not None and self._mounted.loading)

    @contextmanager
    def quietly(self) -> Iterator[None]:
        """Fill widgets without their callbacks treating it as the participant's input."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def changed(self, immediate: bool = False) -> None:
        """Save the current state: after a short pause, or now (``immediate``, for clicks)."""
        if self._mounted is not None and not self.loading:
            self._mounted.save(immediate=immediate)

    def flush(self) -> bool:
        """Save what is pending now; returns whether everything is stored."""
        return self._mounted.flush() if self._mounted is not None else True

    def switch(self, exercise_id: str) -> None:
        """Save, then continue as another exercise (a different scenario in the same view)."""
        if self._mounted is not None:
            self._mounted.switch(exercise_id)


class Item(Protocol):
    """A content item an exercise is done once per (a scenario, a conversation script)."""

    @property
    def id(self) -> str:
        """The item's id (its file name)."""
        ...

    @property
    def titel(self) -> str:
        """The item's Dutch title."""
        ...


ItemT = TypeVar("ItemT", bound=Item)


class ItemExercise(Exercise[A], Generic[A, ItemT]):
    """An exercise done once per content item, chosen in a dropdown and saved per item.

    Subclasses call :meth:`_choose` first in their constructor; choosing another item saves
    the current one and restores the other (:meth:`Exercise.switch`).
    """

    items: dict[str, ItemT]
    choice: widgets.Dropdown

    def _choose(
        self,
        items: list[ItemT],
        label: str,
        css: str,
        exercise_for: Callable[[str], str],
        describe: Callable[[ItemT], str] = lambda item: item.titel,
    ) -> None:
        self.items = {i.id: i for i in items}
        self.choice = widgets.Dropdown(
            options=[(describe(i), i.id) for i in items], description=label, layout=widgets.Layout(width="520px")
        )
        self.choice.add_class(css)
        self.choice.observe(lambda _c: self.switch(exercise_for(self.item.id)), names="value")

    @property
    def item(self) -> ItemT:
        """Return the item chosen."""
        return self.items[self.choice.value]


@dataclass
class Mounted(Generic[V]):
    """A view on a page, with its saver and status line.

    Attributes
    ----------
    exercise_id : str
        The id answers are stored under.
    view : Exercise
        The view.
    ctx : PageContext
        Who is working and where it is stored.
    status : ipywidgets.HTML
        The save status line under the view.
    widget : ipywidgets.VBox
        The view's widget with the status line: what the page shows.
    """

    exercise_id: str
    view: V
    ctx: PageContext
    status: widgets.HTML
    widget: widgets.VBox
    saver: Autosaver | None = None
    loading: bool = False

    @contextmanager
    def restoring(self) -> Iterator[None]:
        """Switch saving off while a saved answer is put on screen."""
        self.loading = True
        try:
            yield
        finally:
            self.loading = False

    def save(self, immediate: bool = False) -> None:
        """Hand the view's current answer to the saver."""
        if self.saver is not None:
            self.saver.change(self.view.state().dump(), immediate=immediate)

    def flush(self) -> bool:
        """Save what is pending now."""
        return self.saver.flush() if self.saver is not None else True

    def load(self, fresh: bool) -> None:
        """Make the saver for :attr:`exercise_id` and show its saved answer.

        With ``fresh`` the view is reset to an empty answer when nothing is saved (used when
        the view switches to another exercise); otherwise it keeps what it was built with.
        """
        _check_kind(self.exercise_id, self.view)
        self.saver = self.ctx.autosaver(self.exercise_id, self.status)
        answer = answers.parse(self.view.model, self.saver.load())
        if answer is None and fresh:
            answer = self.view.model()
        if answer is not None:
            with self.restoring():
                self.view.restore(answer)

    def discard(self) -> None:
        """Drop what is pending without saving it (the exercise was just deleted)."""
        if self.saver is not None:
            self.saver.discard()

    def switch(self, exercise_id: str) -> None:
        """Save the current exercise, then load another one into the same view."""
        self.flush()
        if self.saver is not None:
            self.saver.close()
        self.exercise_id = exercise_id
        self.load(fresh=True)


def _check_kind(exercise_id: str, view: Exercise[Any]) -> None:
    kind = registry.kind_of(exercise_id)
    if kind is not None and kind != view.model.kind:
        raise TypeError(f"{exercise_id} saves {kind!r} answers, but {type(view).__name__} makes {view.model.kind!r}")


def mount(ctx: PageContext, exercise_id: str, view: V) -> Mounted[V]:
    """Put ``view`` on a page as exercise ``exercise_id``: restore, save, show the status.

    Parameters
    ----------
    ctx : PageContext
        The page's store and session.
    exercise_id : str
        From :mod:`workbook.registry` (``registry.exercise_id(module, name)``).
    view : Exercise
        A freshly built view.

    Returns
    -------
    Mounted
        Its ``widget`` goes on the page.
    """
    status = save_status()
    mounted = Mounted(exercise_id, view, ctx, status, widgets.VBox([view.widget, status]))
    view._mounted = mounted
    mounted.load(fresh=False)
    return mounted


@dataclass
class Page(Shows):
    """A module page: the widget to show and the exercises mounted on it, by short name.

    In a notebook the page displays as its widget.
    """

    widget: widgets.Widget
    exercises: dict[str, Mounted[Any]] = field(default_factory=dict)
    parts: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:  # noqa: ANN401 - views of different classes, by name
        """Return the view of the exercise ``name``, or another named part of the page."""
        if name in self.exercises:
            return self.exercises[name].view
        return self.parts[name]


class ModulePage:
    """Builds a module page: loads content, mounts exercises, lays out the tabs.

    Parameters
    ----------
    module_id : str
        The module's id in :mod:`workbook.registry`.
    ctx : PageContext, optional
        Store and session (found from the page when ``None``).
    """

    def __init__(self, module_id: str, ctx: PageContext | None = None) -> None:
        spec = registry.by_id(module_id)
        if spec is None:
            raise KeyError(f"no module {module_id!r} in the registry")
        self.spec = spec
        self.ctx = ctx or page_context()
        self.exercises: dict[str, Mounted[Any]] = {}
        self.parts: dict[str, Any] = {}
        self.problems: list[widgets.Widget] = []

    def mount(self, name: str, view: Exercise[Any], item: str | None = None, key: str | None = None) -> widgets.Widget:
        """Mount ``view`` as the module's exercise ``name`` (of content ``item``); returns its widget.

        The page lists it under ``key`` (default: the item, else the name).
        """
        mounted = mount(self.ctx, self.spec.exercise_id(name, item), view)
        self.exercises[key or item or name] = mounted
        return mounted.widget

    def exercise_for(self, name: str) -> Callable[[str], str]:
        """Return item id → exercise id, for a view that switches between items."""
        return lambda item: self.spec.exercise_id(name, item)

    def folder(self, folder: str) -> list[Any]:
        """Return the valid items of ``exercises/<folder>/``; broken files are shown above the page."""
        items, errors = content.load_folder(folder)
        self.problems += [error_box(e) for e in errors]
        return list(items)

    def tabs(self, *pages: tuple[str, widgets.Widget]) -> widgets.Tab:
        """Return a tab per ``(title, widget)``."""
        tabs = widgets.Tab(children=[w for _title, w in pages])
        tabs.titles = tuple(title for title, _w in pages)
        return tabs

    def done(self, *children: widgets.Widget) -> Page:
        """Return the finished page: stylesheet, session bar, problems, then ``children``."""
        box = widgets.VBox([style(), session_bar(self.ctx), *self.problems, *children])
        return Page(box, self.exercises, self.parts)

    def failed(self, err: content.ContentError) -> Page:
        """Return the page that explains, in Dutch, why the module cannot be shown."""
        try:
            bar = session_bar(self.ctx)
        except content.ContentError:  # the session bar's words come from teksten.yaml, which may be the broken file
            bar = widgets.HTML()
        return Page(widgets.VBox([style(), bar, error_box(err)]), {}, {})


P = ParamSpec("P")


def module_page(module_id: str) -> Callable[[Callable[Concatenate[ModulePage, P], Page]], Callable[..., Page]]:
    """Turn ``build(page, ...)`` into a module builder ``module(ctx=None, ...)``.

    A content problem anywhere in the build (a broken or incomplete YAML file) gives the
    page with its Dutch explanation instead of an exception.
    """

    def wrap(build: Callable[Concatenate[ModulePage, P], Page]) -> Callable[..., Page]:
        @functools.wraps(build)
        def module(ctx: PageContext | None = None, *args: P.args, **kwargs: P.kwargs) -> Page:
            page = ModulePage(module_id, ctx)
            try:
                return build(page, *args, **kwargs)
            except content.ContentError as err:
                return page.failed(err)

        return module

    return wrap
