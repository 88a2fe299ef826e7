"""The embedding model loads from site-packages and puts paraphrases closer than unrelated sentences."""

import numpy as np
import pytest

from frontline.embed import DIMENSIONS, Embedder


@pytest.fixture(scope="session")
def embedder():
    return Embedder()


def test_paraphrase_is_closer_than_unrelated_sentence(embedder):
    v = embedder.encode(["Russian forces shelled Kharkiv overnight.", "Moscow's troops bombarded Kharkiv at night.",
                         "Peace talks resumed in Istanbul."])
    assert v.shape == (3, DIMENSIONS)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > 0.6 > v[0] @ v[2]


def test_empty_input_gives_empty_matrix(embedder):
    assert embedder.encode([]).shape == (0, DIMENSIONS)
