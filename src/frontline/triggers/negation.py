"""Negation of a trigger: 'did not capture' reports nothing, 'Kyiv said it had not withdrawn' is a denial.
"""

from __future__ import annotations

from spacy.tokens import Token

from frontline.nlp.syntax import SPEECH_LEMMAS


def is_negated(tok: Token) -> bool:
    """Negated directly or through the verbs it complements ('could not allow them to be surrounded')."""
    node = tok
    for _ in range(3):
        if any(c.dep_ == "neg" or c.lower_ in ("longer", "more") and any(g.dep_ == "neg" for g in c.children)
               for c in node.children):
            return True     # 'did not fight', 'could no longer fight'
        if node.dep_ not in ("xcomp", "ccomp", "aux", "auxpass", "acomp") or node.head == node or \
                node.head.lemma_.lower() in SPEECH_LEMMAS:
            return False
        node = node.head
    return False


def denied_in_speech(tok: Token) -> bool:
    """A fact negated in what someone says ('the ministry said its forces had not shelled the village'): a denial.

    A negated modal ('said it would not withdraw', 'could not be taken') rules a thing out and denies nothing.
    """
    node = tok
    while not any(c.dep_ == "neg" for c in node.children):
        if node.dep_ not in ("xcomp", "aux", "auxpass", "acomp") or node.head == node:
            return False
        node = node.head
    return node.dep_ == "ccomp" and node.head.lemma_.lower() in SPEECH_LEMMAS and \
        not any(c.tag_ == "MD" for c in node.children)
