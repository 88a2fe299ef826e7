"""Uses of a trigger word that report no occurrence of an event.

Possible ('the risk of strikes'), a summary of the war ('a conflict that has killed thousands', 'the war has
displaced millions'), the fighting as the setting of another event ('fled because of the fighting'), wished,
refused or counterfactual ('refused to fight'), a quoted word. ``reports_no_occurrence`` and ``backdrop``
are what ``find.find_triggers`` asks.
"""

from __future__ import annotations

from spacy.tokens import Token

from frontline.nlp.syntax import subject
from frontline.triggers.lexicon import TRIGGERS

_HYPOTHETICAL_HEADS = frozenset({"risk", "threat", "fear", "danger", "possibility", "prospect", "chance",
                                 "likelihood", "spectre", "specter", "ability"})

_BACKGROUND_HEADS = frozenset({"conflict", "war", "invasion", "struggle"})

_IDIOM_HEADS = frozenset({"heat", "fog"})        # 'in the heat of battle', 'the fog of war'

_MEANS_HEADS = frozenset({"way", "means", "capacity", "capability", "strength", "right", "need", "reason"})


def _not_an_occurrence(tok: Token) -> bool:
    """Uses of a trigger word that report no event.

    'the risk of strikes', 'prospects for peace talks' (a possibility, not an occurrence); 'a conflict that has
    killed thousands' (a summary of the war, not an event of its own); 'Withdrawing from a few battles does not
    mean ...' (a generic statement: the trigger heads, or sits inside, a clausal subject).
    """
    node = tok
    for _ in range(3):
        if node.dep_ == "csubj" and node.head.pos_ in ("VERB", "AUX") and \
                node.head.lemma_.lower() not in _HARM_VERBS | _ONGOING_VERBS:
            # ... but 'Shelling in Donetsk kills four civilians' reports one, and a caption the model hangs on its
            # last name ('Shelling of X, Kharkiv Oblast', with 'Oblast' as the root) is no clausal subject
            return True
        head = node.head
        if head == node:
            break
        if node.dep_ in ("pobj", "prep") and head.lemma_.lower() in _HYPOTHETICAL_HEADS | _IDIOM_HEADS:
            return True
        if node.dep_ == "relcl" and head.lemma_.lower() in _BACKGROUND_HEADS and not _starts_war(node):
            return True     # ... but 'the war Russia unleashed in 2022' tells its start
        if node.dep_ in ("relcl", "acl") and head.lemma_.lower() in _HYPOTHETICAL_HEADS | _MEANS_HEADS and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            return True     # 'no other way to fight', 'the ability to strike': a means, not an occurrence
        node = head
    return False


def _starts_war(verb: Token) -> bool:
    """Whether a verb is one that launches a war ('launched', 'unleashed')."""
    rule = TRIGGERS.get(verb.lemma_.lower())
    return rule is not None and rule.rule == "launched"


# Verbs that tell what an attack named as their clausal subject did: 'Shelling in Horlivka kills two'.
_HARM_VERBS = frozenset({"kill", "injure", "wound", "hurt", "claim", "leave", "damage", "destroy", "hit"})

# Verbs that say fighting named as their clausal subject goes on: 'Fighting in Bakhmut continues'.
_ONGOING_VERBS = frozenset({"continue", "rage", "persist", "resume", "intensify", "escalate", "erupt", "flare"})

# The war itself as the doer ('the war has displaced millions'), and number words that count only roughly
# ('thousands', 'tens of thousands', 'millions'): the war's running toll, not an occurrence of its own.
_WAR_NOUNS = _BACKGROUND_HEADS | {"aggression"}

_ROUND_NUMBERS = frozenset({"dozen", "hundred", "thousand", "million", "billion", "ten", "score"})

ROUGH_AMOUNTS = frozenset({"many", "countless", "numerous", "untold", "innumerable"})

_RELATIVE_PRONOUNS = frozenset({"that", "which", "who"})


def _rough_count(noun: Token) -> bool:
    """'thousands', 'tens of thousands of civilians', 'millions of people', 'countless lives': a number no one
    counted. '9,614 civilians' and 'two million people' are counts."""
    node: Token | None = noun
    while node is not None:
        if any(c.lower_ in ROUGH_AMOUNTS and c.dep_ in ("amod", "det") for c in node.children) or \
                node.lower_ in ROUGH_AMOUNTS:
            return True
        if node.lemma_.lower() in _ROUND_NUMBERS and node.tag_ == "NNS" and \
                not any(c.dep_ in ("nummod", "compound") and c.like_num for c in node.children):
            return True
        node = next((o for c in node.children if c.dep_ == "prep" and c.lower_ == "of"
                     for o in c.children if o.dep_ == "pobj"), None)
    return False


def _war_toll(tok: Token) -> bool:
    """'the war has displaced millions', 'millions were uprooted by the invasion', 'a conflict that has killed
    thousands, uprooted millions': what the war has done so far, counted roughly, is no event of its own.

    A counted toll ('the UN said the war has killed 9,614 civilians') stays: a figure someone stands behind is
    the one way such a toll reaches the data, and it carries its source.
    """
    if tok.pos_ != "VERB":
        return False
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    counted = [subject(tok)] if passive else [c for c in tok.children if c.dep_ == "dobj"]
    if not any(c is not None and _rough_count(c) for c in counted):
        return False
    # in a list of what the war did ('has killed thousands, uprooted millions') the parser may hang the later
    # verbs on another clause: the first verb of the list names the doer
    verbs = [tok, *([first] if (first := _earlier_in_list(tok)) is not None else [])]
    return any(d.lemma_.lower() in _WAR_NOUNS for v in verbs for d in _doers(v))


def _doers(verb: Token) -> list[Token]:
    """Who or what does a verb's action: its subject, the head of its relative clause, or its 'by' agent."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    subj = subject(verb)
    if subj is not None and subj.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        subj = verb.head
    return [subj] if subj is not None else []


def _earlier_in_list(tok: Token) -> Token | None:
    """The verb of the item before this one in a comma list ('killed thousands, uprooted millions')."""
    i = tok.left_edge.i - 1
    doc = tok.doc
    if i < tok.sent.start + 1 or doc[i].text != ",":
        return None
    node = doc[i - 1]
    while node.pos_ not in ("VERB", "AUX") and node.head != node:
        node = node.head
    return node if node.pos_ == "VERB" and node != tok else None


# Nouns of fighting that, definite and bare ('the fighting', 'the fights'), name the war's fighting already told,
# and the words that make them a cause or a circumstance ('fled because of the fighting', 'amid the clashes').
_FIGHT_NOUNS = frozenset({"fight", "fighting", "battle", "clash", "combat", "hostility", "hostilities", "war",
                          "skirmish", "firefight"})

_CIRCUMSTANCE_WORDS = frozenset({"because", "due", "owing", "result", "amid", "amidst", "despite", "during",
                                 "thanks"})

_DEFINITE = frozenset({"the", "these", "those", "this", "that"})


def backdrop(tok: Token, others: set[int]) -> bool:
    """'the next main focus of the fights', 'fled because of the fighting', 'was wounded in the fighting': the
    fighting as the setting of something else, not a new event.

    Only a bare definite noun goes: one with a place, an actor, a count or a clause of its own ('the battle for
    Avdiivka', 'the fighting near Siversk', 'the clashes that broke out on Monday') is told anew. It must be the object
    of a preposition under another noun, in a causal or circumstantial phrase, or under another trigger of the
    sentence (``others``: token indices), so that the sentence's own event carries the report.
    """
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _FIGHT_NOUNS or tok.dep_ != "pobj":
        return False
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children):
        return False
    if any(c.dep_ not in ("det", "amod", "punct") or c.ent_type_ for c in tok.children):
        return False        # 'the battle for Avdiivka', 'the Ukrainian clashes', 'the fighting there'
    prep = tok.head
    governor = prep.head
    return prep.lower_ in _CIRCUMSTANCE_WORDS or governor.lower_ in _CIRCUMSTANCE_WORDS or \
        governor.i in others or governor.pos_ in ("NOUN", "PROPN")


# Verbs and adjectives whose complement did not happen: 'refuse to fight', 'wanted to occupy', 'are prepared to
# surrender', 'advised them to surrender', 'thought they would surrender', 'closer to taking control'. Offers
# ('ready for a dialogue') are events of their own for the types in _OFFER_TYPES; plans ('expected to
# withdraw') keep their planned modality.
_NON_FACTIVE = frozenset({"refuse", "avoid", "want", "wish", "hope", "dream", "prepared", "ready", "willing", "volunteer",
                          "afraid", "hesitate", "advise", "urge", "ask", "think", "believe", "imagine", "close",
                          "closer", "verge", "brink"})

# Verbs whose object did not happen or is not an event of its own: 'escape fighting', 'prevent an encirclement',
# 'abandoned an advance on Kyiv' (the withdrawal is the event).
_BLOCKING = frozenset({"avoid", "escape", "prevent", "abandon"})

_OFFER_TYPES = frozenset({"negotiation", "aid", "sanction", "mobilization"})

_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "advcl", "acomp", "pobj", "pcomp", "prep", "conj"})


def _unreal(tok: Token, etype: str) -> bool:
    """A use that reports no event in the world: wished, refused, counterfactual or a label.

    Conditions ('if Russia attacks Kyiv') stay here: they are events of hypothetical modality (a condition with
    no place, date or count of its own is dropped later, as a description: ``events._drop_descriptive``).
    Dropped: 'would have refused' (counterfactual), 'it would be considered desertion' (a label), 'refuse to
    return to fight' and 'escape fighting' (the complement of a non-factive verb), 'mount assaults on X to take
    control of it' (a purpose: the assault is the event).
    """
    if tok.dep_ == "oprd" and tok.pos_ == "NOUN":
        return True
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _BLOCKING:
        return True
    if any(c.dep_ == "amod" and c.lower_ in ("possible", "potential", "eventual", "future") for c in tok.children):
        return True     # 'negotiations on a possible surrender': the talks happened, the surrender did not
    node = tok
    for _ in range(4):
        children = list(node.children)
        auxes = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
        if {"would", "have"} <= auxes:
            return True
        head = node.head
        if head == node or node.dep_ not in _COMPLEMENT_DEPS:
            return False
        if head.lemma_.lower() in _NON_FACTIVE and etype not in _OFFER_TYPES and \
                not (etype == "armed_clash" and head.lemma_.lower() == "want" and node is tok) and \
                not _believed_done(node, head, auxes):
            return True     # 'the Russians want to break through at Bakhmut' reports an offensive under way
        if node is tok and tok.dep_ == "advcl" and "to" in auxes and names_event(head) and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in children):
            return True
        node = head
    return False


def _believed_done(node: Token, head: Token, auxes: set[str]) -> bool:
    """'A journalist believed killed near X', 'two soldiers thought dead': a bare participle after 'believed' or
    'thought' reports a death or a loss not yet confirmed, not a belief that it will happen ('believe they will
    attack', 'thought to attack')."""
    return head.lemma_.lower() in ("believe", "think") and node.tag_ == "VBN" and node.dep_ in ("xcomp", "oprd") \
        and "to" not in auxes


def names_event(tok: Token) -> bool:
    """Whether a word, or its object, is itself a trigger word (the event a purpose clause belongs to).

    Generic words ('war', 'landing') name an event in one construction only: 'victims of the war' are no toll.
    """
    words = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    return any((rule := TRIGGERS.get(w.lemma_.lower())) is not None and w.pos_ in rule.pos and not rule.generic
               for w in words)


_QUOTES = frozenset("'\"‘’“”«»")


def _quoted_word(tok: Token) -> bool:
    """'‘liberation’ is a word that keeps the country afloat': the word quoted, not an event."""
    doc = tok.doc
    before = doc[tok.i - 1].text if tok.i > 0 else ""
    after = doc[tok.i + 1].text if tok.i + 1 < len(doc) else ""
    return bool(before) and bool(after) and before[-1] in _QUOTES and after[0] in _QUOTES


def reports_no_occurrence(tok: Token, etype: str) -> bool:
    """Whether this use of a trigger of type ``etype`` reports no event: possible, a summary of the war, unreal
    (wished, refused, counterfactual, a label) or a quoted word."""
    return _not_an_occurrence(tok) or _war_toll(tok) or _quoted_word(tok) or _unreal(tok, etype)
