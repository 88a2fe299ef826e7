"""Small helpers and word sets over spaCy's dependency parse, shared by the stages that read it."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

# Prepositions after which a name is where something happens ('fighting in Ukraine', 'shelling near Bakhmut').
LOCATIVE_PREPOSITIONS = frozenset({"in", "into", "inside", "across", "throughout", "within", "over", "near", "at",
                                   "outside", "around"})
# ... and, more loosely, after which a name is a place at all ('evacuation of Vuhledar', 'fled from Kramatorsk').
PLACE_PREPOSITIONS = LOCATIVE_PREPOSITIONS | {"of", "from", "to", "towards", "toward", "by"}

# The entity labels the English model gives a place: a country or town, a region or river, a named site.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# Lemmas that say who says so, and the modality they give.
SPEECH_VERBS: dict[str, str] = {
    "say": "claimed", "claim": "claimed", "report": "claimed", "announce": "claimed", "tell": "claimed",
    "state": "claimed", "add": "claimed", "write": "claimed", "insist": "claimed", "confirm": "claimed",
    "allege": "claimed", "assert": "claimed", "acknowledge": "claimed", "explain": "claimed", "declare": "claimed",
    "mention": "claimed", "post": "claimed", "accuse": "claimed", "warn": "claimed", "note": "claimed",
    "deny": "denied", "reject": "denied", "dismiss": "denied", "refute": "denied",
}

SPEECH_LEMMAS: frozenset[str] = frozenset(SPEECH_VERBS)


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency edges between two tokens of the same sentence."""
    ancestors_a = {a.i: 0}
    for depth, anc in enumerate(a.ancestors, start=1):
        ancestors_a[anc.i] = depth
    if b.i in ancestors_a:
        return ancestors_a[b.i]
    for depth, anc in enumerate([b, *b.ancestors]):
        if anc.i in ancestors_a:
            return ancestors_a[anc.i] + depth
    return 99


def token_at(doc: Doc, char: int) -> Token:
    """The token that holds character ``char`` of the text."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else doc[min(len(doc) - 1, 0)]


def subject(tok: Token) -> Token | None:
    """The subject of a verb, inherited through conjunction, complement and relative clauses."""
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return child
    if tok.dep_ in ("conj", "xcomp", "advcl", "relcl") and tok.head != tok:
        if tok.dep_ == "relcl":
            return tok.head
        return subject(tok.head)
    return None


def lemma_set(tokens: Iterable[Token]) -> set[str]:
    """Lower-cased lemmas of some tokens, with the plural forms the small model leaves unlemmatised.

    The model lemmatises 'servicemen' and 'militiamen' to themselves: the set holds 'serviceman' too.
    """
    out = set()
    for t in tokens:
        lemma = t.lemma_.lower()
        out.add(lemma)
        if lemma.endswith("men"):
            out.add(lemma[:-3] + "man")
        elif t.tag_ in _VERB_TAGS and t.is_title and not t.is_sent_start and lemma != t.lower_:
            # a name inside a line that the model takes for a verb: 'Shahed hits' lemmatised as 'shahe'
            out.add(t.lower_)
    return out


_VERB_TAGS = frozenset({"VBD", "VBN", "VBZ", "VBG"})
