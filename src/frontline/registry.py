"""Functions found by name: a decorator files each one, as spaCy's registry does, instead of a hand-kept map.

    rules = Registry("trigger rule", "add one with @rule(...) in frontline/triggers/rules/")

    @rules.register("combat")
    def combat(ctx): ...

    rules.get("combat")       # RegistryError for a name nobody registered

Used by the trigger rules (``frontline.triggers.rules``) and the ACLED refining rules (``frontline.export.acled``).
A registry is filled once, by the decorators of the modules that own it, as they are imported.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Generic, TypeVar

from frontline.errors import RegistryError

__all__ = ["Registry"]

F = TypeVar("F", bound=Callable[..., object])


class Registry(Generic[F]):
    """Named functions of one kind; ``what`` names the kind and ``how_to_add`` says where to register one."""

    def __init__(self, what: str, how_to_add: str) -> None:
        self._what = what
        self._how_to_add = how_to_add
        self._by_name: dict[str, F] = {}
        self.view: Mapping[str, F] = MappingProxyType(self._by_name)

    def register(self, *names: str) -> Callable[[F], F]:
        """Register the decorated function under each of ``names`` (several names may share one function).

        Raises:
            RegistryError: a name is already registered.
        """
        def add(func: F) -> F:
            for name in names:
                if name in self._by_name:
                    raise RegistryError(f"{self._what} {name!r} is registered twice ("
                                        f"{getattr(self._by_name[name], '__qualname__', '?')} and "
                                        f"{getattr(func, '__qualname__', '?')}); give one of them another name")
                self._by_name[name] = func
            return func
        return add

    def get(self, name: str) -> F:
        """The function registered under ``name``.

        Raises:
            RegistryError: nothing is registered under that name.
        """
        try:
            return self._by_name[name]
        except KeyError:
            raise RegistryError(f"no {self._what} is registered as {name!r}; {self._how_to_add} (registered: "
                                f"{', '.join(sorted(self._by_name)) or 'none'})") from None

    def names(self) -> frozenset[str]:
        """The registered names."""
        return frozenset(self._by_name)
