"""The analysts' web page: static files served at ``/`` by the REST app (see docs/WEB.md).

The page (``static/``: plain HTML, CSS and ES modules, no build step) calls only the REST API of the same
server; its base map and front-end libraries ship in the package, so it works with no internet at all.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["SECURITY_HEADERS", "mount", "static_dir"]

# Only this server's own files and API: no inline script or style, no framing, no referrer leaks.
# Leaflet positions and colours elements through the CSSOM, which style-src 'self' allows.
SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
                                "form-action 'self'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "geolocation=(), camera=(), microphone=()",
}


def static_dir() -> Path:
    """The folder of the page's files inside the installed package."""
    return Path(str(resources.files("frontline") / "web" / "static"))


def mount(app: FastAPI) -> None:
    """Serve the page at ``/`` on ``app``, after its API routes, with strict security headers.

    Call it once the API routes are registered: a mount at ``/`` answers every path no earlier route took.
    Starlette's ``StaticFiles`` refuses paths that resolve outside the folder (``../``, encoded or not).
    """
    from starlette.staticfiles import StaticFiles

    class _Page(StaticFiles):
        async def get_response(self, path, scope):
            response = await super().get_response(path, scope)
            response.headers.update(SECURITY_HEADERS)
            # The page changes with the package, not with the data: revalidate instead of caching blindly.
            response.headers.setdefault("Cache-Control", "no-cache")
            return response

    app.mount("/", _Page(directory=static_dir(), html=True), name="web")
