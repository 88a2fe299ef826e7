"""Clauses: whether a place or date mention belongs to the trigger's clause or to another one of its sentence."""

from __future__ import annotations

from spacy.tokens import Token

from frontline.nlp.syntax import LOCATIVE_PREPOSITIONS

_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "conj", "csubj"})


# 'Two killed in Kherson shelling': a clause telling the toll of the trigger's event is not another event's.
_TOLL_LEMMAS = frozenset({"kill", "injure", "wound", "die", "hurt"})
# 'Explosions reported in Melitopol', 'shelling recorded in X': a participle that says the event was reported or
# witnessed, hung on the event's own noun, tells where the event was, not another clause.
_WITNESS_LEMMAS = frozenset({"report", "hear", "see", "record", "observe", "spot", "film", "register", "note"})


def owned_elsewhere(mention_tok: Token, trigger: Token, triggers: list[Token]) -> bool:
    """True when a mention belongs to another clause than the trigger's.

    Walking up from the mention to the lowest common ancestor with the trigger, meeting another trigger or the
    head of a separate clause means the mention describes that one: in 'occupied by Moscow forces ..., then
    recaptured by the Ukrainian army in the fall of 2022' the date belongs to 'recaptured', not 'occupied'.
    """
    # A name right after a verb trigger is its object whatever the parse says: the small model reads 'encircle
    # Lysychansk and mount assaults' as 'Lysychansk and mount' modifying 'assaults'.
    before = mention_tok.doc[mention_tok.i - 1] if mention_tok.i > 0 else None
    if before is not None and before.pos_ == "VERB" and before.i in {t.i for t in triggers}:
        if before == trigger:
            return False
        if trigger.pos_ != "VERB":      # a conjoined verb shares the object ('entered Hirske and surrounded')
            return True
    trigger_line = {trigger.i, *(a.i for a in trigger.ancestors)}
    trigger_indices = {t.i for t in triggers}
    node = mention_tok
    while node.i not in trigger_line:
        if node != mention_tok and (node.i in trigger_indices or
                                        (node.dep_ in _CLAUSE_DEPS and node.pos_ in ("VERB", "AUX")
                                         and node.lemma_.lower() not in _TOLL_LEMMAS
                                         and not _witnessed(node, trigger))):
            return True
        if node.head == node:
            return False
        node = node.head
    # 'Ukraine gains ground in X, and Russians refuse to fight': a conjoined clause with a subject of its own
    # does not share the first clause's place ('entered Hirske and surrounded ...' shares it)
    return node != trigger and _own_subject_below(trigger, node)


def shared_by_conjuncts(mention_tok: Token, trigger: Token) -> bool:
    """Whether a later verb conjunct's place is the trigger's too ('killed a woman and injured two in Kherson').

    Coordinated verbs without subjects of their own tell one scene: 'troops stormed and captured Klishchiivka'
    stormed it. The place is shared only when the verb on the trigger's line has no word of the same role as the
    place's (an object for an object; a preposition or a named object for a locative phrase): 'invaded Ukraine
    and captured Bakhmut' did not invade Bakhmut.
    """
    trigger_line = {trigger.i, *(a.i for a in trigger.ancestors)}
    path = [mention_tok]
    while path[-1].head.i not in trigger_line:
        if path[-1].head == path[-1]:
            return False
        path.append(path[-1].head)
    anchor = path[-1].head
    conjuncts = 0
    while path and path[-1].dep_ == "conj" and path[-1].pos_ in ("VERB", "AUX") and \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in path[-1].children):
        conjuncts += 1
        path.pop()
    if not conjuncts or not path or anchor.pos_ not in ("VERB", "AUX"):
        return False
    if any(n.dep_ in _CLAUSE_DEPS and n.pos_ in ("VERB", "AUX") for n in path[:-1]):
        return False        # 'injured two who fled to Kherson': the place of another clause below
    # a locative phrase is the scene wherever the parse hangs it ('injured [two children in Kherson]')
    if any(n.dep_ == "prep" and n.lower_ in LOCATIVE_PREPOSITIONS for n in path):
        return not any(c.dep_ == "prep" or c.dep_ == "dobj" and c.pos_ == "PROPN" for c in anchor.children)
    return path[-1].dep_ == "dobj" and not any(c.dep_ == "dobj" for c in anchor.children)


def _own_subject_below(trigger: Token, top: Token) -> bool:
    """Whether a conjunct between the trigger and ``top`` (inclusive of the trigger) has a subject of its own."""
    node = trigger
    while node != top and node.head != node:
        if node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return True
        node = node.head
    return False


def _witnessed(verb: Token, trigger: Token) -> bool:
    """Whether a verb is a participle of reporting or witnessing on the trigger's own noun ('explosions reported')."""
    return verb.dep_ == "acl" and verb.head == trigger and verb.lemma_.lower() in _WITNESS_LEMMAS
