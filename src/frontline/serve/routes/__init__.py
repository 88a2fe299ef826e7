"""The REST API's routes, one module per resource; ``ROUTERS`` in the order the app includes them."""

from __future__ import annotations

from typing import Final

from frontline.serve.routes import articles, coverage, events, fused, ingest, meta, places, stats

__all__ = ["ROUTERS"]

# The order of the OpenAPI schema's paths: events, articles (read, then write), fused, stats, places, coverage.
ROUTERS: Final = (events.router, articles.router, ingest.router, fused.router, stats.router, places.router,
                  coverage.router, meta.router)
