"""Modules of tests/ that benchmarks reuse, loaded by file path: tests/ is neither a package nor on sys.path."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

TESTS = Path(__file__).resolve().parent.parent / "tests"


def load(name: str) -> ModuleType:
    """``tests/<name>.py`` as a module, loaded once per process.

    Raises:
        ImportError: there is no such file.
    """
    if name in sys.modules:
        return sys.modules[name]
    path = TESTS / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None or not path.is_file():
        raise ImportError(f"no module {path}")
    module = importlib.util.module_from_spec(spec)
    # registered before it runs, as an import would: dataclasses look their module up by name
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
