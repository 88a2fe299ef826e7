"""frontline's exceptions, one tree.

::

    FrontlineError                 every error frontline raises on purpose
    ├── InputError                 an input cannot be read as an article (bad path, format, encoding)
    │   ├── UnsupportedInputError  the input's kind is not one frontline reads (unknown extension ...)
    │   └── FetchError             a URL cannot be fetched (refused, unreachable, too slow, too large, wrong type)
    ├── ResourceError              a model or data file that ships with frontline is missing or broken
    │   └── RegistryError          a rule is named that nobody registered, or registered twice (frontline.registry)
    ├── StageError                 a pipeline stage failed on one article (names the stage and article)
    ├── StoreError                 the store (SQLite file or PostgreSQL) cannot be opened, read or written
    ├── QueryError                 a query's filter, paging cursor or limit is not valid (the message says which)
    │   └── UnknownPlaceError      a place name the gazetteer does not know; ``suggestions`` lists close ones
    └── EvalError                  an annotation / evaluation file is malformed

Messages say what failed, for which article or file, and what to do. Third-party exceptions are
translated at the boundary, so callers only ever catch these.
"""

from __future__ import annotations

__all__ = ["FrontlineError", "InputError", "UnsupportedInputError", "ResourceError", "StageError",
           "StoreError", "QueryError", "EvalError", "FetchError", "RegistryError",
           "UnknownPlaceError"]


class FrontlineError(Exception):
    """Base class of every error frontline raises on purpose."""


class InputError(FrontlineError):
    """An input cannot be read as an article."""


class UnsupportedInputError(InputError):
    """The input's kind (extension, content type) is not one frontline reads."""


class ResourceError(FrontlineError):
    """A model or data file that frontline needs is missing or broken."""


class RegistryError(ResourceError):
    """A rule is asked for by a name nobody registered, or two rules claim one name (``frontline.registry``)."""


class StageError(FrontlineError):
    """A pipeline stage failed on one article."""

    def __init__(self, stage: str, article: str, cause: BaseException | str):
        self.stage = stage
        self.article = article
        super().__init__(f"stage '{stage}' failed on article {article}: {cause}")


class StoreError(FrontlineError):
    """The SQLite store cannot be opened, read or written."""


class QueryError(FrontlineError):
    """A query's filter, cursor or limit is not valid; the message says which and what is accepted."""


class UnknownPlaceError(QueryError):
    """A place name the gazetteer does not know: never replaced by a close one, which are in ``suggestions``."""

    def __init__(self, message: str, suggestions: tuple[str, ...] = ()):
        self.suggestions = suggestions
        super().__init__(message)


class EvalError(FrontlineError):
    """An annotation or evaluation file is malformed."""


class FetchError(InputError):
    """A URL cannot be fetched; ``url`` is the address asked for, the message says what happened and what to do."""

    def __init__(self, url: str, message: str):
        self.url = url
        super().__init__(message)
