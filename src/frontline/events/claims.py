"""Claims: who says so (``speakers``), with what modality, whose words an unattributed sentence takes (``voice``),
and whether the article itself disputes it.

A relative clause set off from its noun ('talks with the Kremlin chief, who ordered new strikes') is the writer's
aside, no one's claim. Modality comes from the verbs above the trigger (deny, threaten, will, due to, if), and a
fact negated in what someone says is his denial ('the ministry said its forces had not shelled the village');
readiness is no plan, and what a future act 'will force' another to do is hypothetical.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from frontline.events.candidate import Candidate
from frontline.events.referents import SPOKEN_FORCE
from frontline.events.speakers import (
    Context,
    according_to,
    find_narrators,
    headline_speaker,
    narrator_before,
    quote_speaker,
    shown_by,
    speaker,
    speaker_who_adds,
    stance_holder,
)
from frontline.events.voice import SUCCESS, with_voices
from frontline.events.who import opponent
from frontline.geo.starting_line import bundled_line
from frontline.mentions.actors import bare_local_office
from frontline.models import OPPOSITE_BLOC, ActorMention, Claim, Event, Modality, Party, bloc
from frontline.nlp.syntax import SPEECH_VERBS, subject
from frontline.triggers.find import denied_in_speech
from frontline.triggers.lexicon import PLANNED_CUES, THREAT_CUES
from frontline.vocab.event_types import event_type
from frontline.vocab.sides import ARMED_SIDES

_COGNITION = frozenset({"think", "believe", "hope", "assume", "imagine", "doubt", "suppose", "wonder"})
# Cues of PLANNED_CUES that make no plan of the event: an attempt ('trying to encircle', 'attempting to seize')
# is fighting that takes place, and 'could'/'may'/'might' say what is possible.
# Readiness ('the Kremlin said it was ready for a dialogue', 'willing to talk') is a stance, not a plan.
_NOT_PLANS = frozenset({"could", "may", "might", "try", "attempt", "bid", "ready", "willing"})
# An event that is only the topic of a future act ('what position he will adopt on military aid') is not planned.
_TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})
# Verbs that bring about another's act: 'X will convince / force Russia to engage in talks' hopes for the talks.
_CAUSATIVE = frozenset({"convince", "force", "compel", "persuade", "push", "make", "lead", "prompt", "bring"})
# 'in the event of a truce', 'in case of an attack': the event is a condition, not a fact.
_CONDITION = re.compile(r"in (?:the )?(?:event|case) of .+")
# Marks that set a relative clause off from its noun ('the Kremlin chief, who ordered ...', '– who ...').
_ASIDE_MARKS = frozenset({",", "—", "–", "-", "("})


def _writers_aside(node: Token) -> bool:
    """Whether a clause is a non-restrictive relative clause: set off by a comma or a dash ('talks with the Kremlin
    chief, who ordered new strikes') or hung on an apposition ('met Putin, the man who ordered them').

    Such a clause is the writer's description of the noun, even inside a reported sentence; a restrictive one
    ('said the troops that shelled the town withdrew') is part of what was said.
    """
    if node.dep_ != "relcl":
        return False
    first = node.left_edge.i
    return (first > 0 and node.doc[first - 1].text in _ASIDE_MARKS) or node.head.dep_ == "appos"


def _own_clauses(tok: Token) -> list[Token]:
    """The trigger and the words above it, up to the writer's aside that holds it (included), if any."""
    chain = []
    for node in (tok, *tok.ancestors):
        chain.append(node)
        if _writers_aside(node):
            break
    return chain


def _in_writers_aside(tok: Token) -> bool:
    """Whether the trigger sits in a writer's aside with no speech verb of its own between them."""
    chain = _own_clauses(tok)
    if any(node.lemma_.lower() in SPEECH_VERBS and node.pos_ in ("VERB", "AUX") for node in chain[1:]):
        return False
    return _writers_aside(chain[-1])


def _speech_head(tok: Token) -> tuple[Token, str] | None:
    """The nearest speech verb that governs the trigger, with the modality it lends."""
    node = tok
    for anc in tok.ancestors:
        if node.dep_ == "acl" and node != tok or _writers_aside(node):
            return None
        lemma = anc.lemma_.lower()
        if lemma in SPEECH_VERBS and anc.pos_ in ("VERB", "AUX"):
            return anc, SPEECH_VERBS[lemma]
        node = anc
    return None


def _sentence_speech_verb(tok: Token) -> tuple[Token, str] | None:
    """A speech verb that is the root of the trigger's sentence (quotes attributed after the quote: 'X, he said'),
    or that closes it with no subject of its own ('A civilian died in the shelling, reported in the DPR')."""
    root = tok.sent.root
    lemma = root.lemma_.lower()
    if lemma in SPEECH_VERBS and root != tok:
        return root, SPEECH_VERBS[lemma]
    for verb in root.children:
        # a participle or past form ('reported in the DPR'), not a gerund: 'Russia struck Kyiv, saying it hit military
        # sites' tells the strike in the writer's voice
        if verb.dep_ in ("advcl", "parataxis") and verb.i > tok.i and verb.lemma_.lower() in SPEECH_VERBS and \
                verb.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return verb, SPEECH_VERBS[verb.lemma_.lower()]
    return None


def _passive(verb: Token) -> bool:
    """Whether a speech verb is passive ('were reported', 'is said')."""
    subj = subject(verb)
    return subj is not None and subj.dep_ == "nsubjpass"


def _modality(tok: Token, attributed: str | None) -> Modality:
    """asserted / claimed / denied / threatened / planned / hypothetical for one trigger.

    Only the trigger's own clauses count: a writer's aside ends them ('will meet the envoy, who announced
    sanctions' plans no sanctions).
    """
    if denied_in_speech(tok):
        return "denied"
    chain = _own_clauses(tok)
    cued = _cued(chain, tok)
    if cued is not None:
        return cued
    if _hypothetical(tok, chain):
        return "hypothetical"
    if _planned(chain, tok):
        return "planned"
    if attributed == "denied":
        return "denied"
    return "claimed" if attributed else "asserted"


def _cued(chain: list[Token], tok: Token) -> Modality | None:
    """'threatened' or 'hypothetical' from a cue word or condition on the trigger's clauses below the speech verb."""
    for node in chain:
        lemma = node.lemma_.lower()
        if lemma in THREAT_CUES:
            return "threatened"
        if node.dep_ in ("advcl",) and any(c.lemma_.lower() in ("if", "unless") and c.dep_ == "mark"
                                           for c in node.children):
            return "hypothetical"
        if lemma in SPEECH_VERBS and node != tok:
            break
        if any(_CONDITION.fullmatch(" ".join(t.lower_ for t in c.subtree)) for c in node.children
               if c.dep_ == "prep"):
            return "hypothetical"
    return None


def _hypothetical(tok: Token, chain: list[Token]) -> bool:
    """Whether the event is only thought of: caused by a future act, conditional, 'would', or what one believes."""
    if _caused_by_future(tok):
        return True
    for c in tok.children:
        if c.dep_ == "mark" and c.lower_ in ("if", "unless"):
            return True
        if c.dep_ == "aux" and c.lower_ in ("would", "might") and not any(
                a.lemma_.lower() in SPEECH_VERBS for a in chain[1:]):
            return True
    return any(anc.lemma_.lower() in _COGNITION for anc in chain[1:4])


def _planned(chain: list[Token], tok: Token) -> bool:
    """Whether the trigger's clauses plan the event ('will', 'due to'), unless it is only a future act's topic."""
    for node in chain[:3]:
        if node.dep_ == "prep" and node.lower_ in _TOPIC_PREPS and node.head.pos_ in ("VERB", "AUX"):
            break
        for c in node.children:
            if c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "must"):
                return True
        if node.lemma_.lower() in PLANNED_CUES and node != tok and node.lemma_.lower() not in _NOT_PLANS \
                and not _causal_due(node):
            return True
        if node.lemma_.lower() in SPEECH_VERBS and node != tok:
            break
    return False


def _causal_due(node: Token) -> bool:
    """'died due to shelling', 'due to the strike': 'due to' a noun is a cause; 'due to withdraw' is a plan."""
    # the plan's 'to' is the infinitive's own (aux of 'withdraw'); the cause's is a preposition under 'due'
    return node.lower_ == "due" and (node.dep_ == "prep" or any(
        c.lower_ == "to" and c.dep_ in ("prep", "pcomp") for c in node.children))


def _caused_by_future(tok: Token) -> bool:
    """Whether the event is what something will bring another to do ('will convince Russia to engage in talks').

    Such a future is a condition of the speaker's, not a plan of anyone's: the event is hypothetical.
    """
    node = tok
    for anc in tok.ancestors:
        if node.dep_ in ("relcl", "acl", "advcl") or anc.lemma_.lower() in SPEECH_VERBS:
            return False
        if node.dep_ in ("xcomp", "ccomp") and anc.lemma_.lower() in _CAUSATIVE:
            return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "could") for c in anc.children)
        node = anc
    return False


def attribute(doc: Doc, candidates: list[Candidate], actors: list[ActorMention]) -> list[Candidate]:
    """Give each candidate its claim: the speaker, the modality and (within the article) contested.

    Args:
        doc: the parsed article.
        candidates: events from ``events.extract_events``.
        actors: actor mentions of the article.
    """
    ctx = Context.of(doc)
    narrators = find_narrators(ctx, actors)
    claims: list[Claim] = []
    paragraph_claimant: dict[int, Party] = {}
    for cand in candidates:
        tok = doc[cand.token]
        if _in_writers_aside(tok) and not ctx.inside_quote(tok.idx):
            # 'X said it was open to talks with the Kremlin chief, who ordered new strikes': no one's claim
            party, kind, head = None, None, None
        else:
            party, kind, head = _source(ctx, tok, cand, actors, narrators, paragraph_claimant)
        if party is not None:
            paragraph_claimant[cand.paragraph] = party
        # an unnamed source still makes a claim ('units were reported to be cut off'); a speech verb whose speaker
        # could not be read lends no modality, as it may not be speech about the event at all
        reported = head is not None and party is None and _passive(head[0])
        modality = _modality(tok, kind if party is not None or kind == "denied" or reported else None)
        if modality == "threatened" and party is None:
            party = cand.event.initiator     # a threat is the word of whoever makes it
        claims.append(Claim(claimed_by=party, modality=modality, contested=False))
    return mark_contested(with_voices(ctx, with_claims(candidates, claims, actors), actors), _denials(ctx, actors))


def with_claims(candidates: list[Candidate], claims: list[Claim],
                actors: Sequence[ActorMention] = ()) -> list[Candidate]:
    """Return the candidates with their claims replaced.

    ``actors``: the article's actor mentions; a claimant of no known side who reports an attack speaks for the
    side attacked (``_attacked_side``).

    A fight told in the first person by a claimant of a warring side is that side's: 'we have recovered 20
    percent', the governor said -> Ukrainian forces against Russian ones.
    """
    out = []
    for c, cl in zip(candidates, claims, strict=True):
        event = replace(c.event, claim=cl)
        claimant = cl.claimed_by
        if c.first_person and claimant is not None and event_type(event.event_type).combat and \
                bloc(claimant.side) in ("RU", "UA"):
            own = SPOKEN_FORCE[claimant.side if claimant.side in SPOKEN_FORCE else bloc(claimant.side)]
            event = replace(event, initiator=own, target=opponent(own, [], event.date.start))
        elif claimant is not None and claimant.side == "unknown":
            party = _named_nation(claimant) or _successful_side(event, claimant) or \
                _attacked_side(event, claimant, actors)
            if party.side == "unknown" and _unnamed_local_official(claimant):
                party = _holders_official(event, party)
            event = replace(event, claim=replace(cl, claimed_by=party))
        elif claimant is not None and _unnamed_local_official(claimant):
            # 'A man died under the fire of the Armed Forces of Ukraine in Donetsk, the mayor said': the mayor of
            # the place attacked, whichever side's; a mayor is Ukrainian only by default
            party = _attacked_side(event, claimant, actors)
            event = replace(event, claim=replace(cl, claimed_by=party if party != claimant else
                                                 _holders_official(event, claimant)))
        out.append(replace(c, event=event))
    return out


# A claimant named by a nation's adjective ('Russian sources', 'Ukrainian officials', 'pro-Russian media'): the
# nation's side of the war, whatever the event it tells.
_NATION_CLAIMANT = re.compile(r"(?:the )?(?P<pro>pro-)?(?P<nation>Russian|Russia's|Ukrainian|Ukraine's)\s+\w", re.I)


def _named_nation(claimant: Party) -> Party | None:
    """The claimant with the side its name's nation gives it ('According to Russian sources' speaks for Russia,
    however many Russian servicemen it counts dead), or None when its name starts with no nation."""
    m = _NATION_CLAIMANT.match(claimant.name)
    if m is None:
        return None
    russian = m["nation"].lower().startswith("russia")
    if m["pro"]:
        return replace(claimant, side="RU_aligned" if russian else "UA_aligned")
    return replace(claimant, side="RU" if russian else "UA")


# Offices of one person, who speaks for the place's administration. A body ('the city council', 'local officials')
# is left to its default: wire copy names such bodies loosely, and a report may quote both sides' in one place.
_ONE_PERSONS_OFFICE = re.compile(r"\b(?:mayor|governor|head)\b", re.I)


def _holders_official(event: Event, official: Party) -> Party:
    """A local official known only by his office ('13 killed in shelling of Donetsk - mayor') speaks for whoever
    held the place the event is at, when the starting line says (``frontline.geo.starting_line``)."""
    if not _ONE_PERSONS_OFFICE.search(official.role or ""):
        return official
    holder = bundled_line().holder(event.location, event.date.start)
    return replace(official, side=holder) if holder is not None else official  # type: ignore[arg-type]


def _unnamed_local_official(claimant: Party) -> bool:
    """Whether a claimant is a local official known only by an office of no nation ('the mayor said'): a person
    the article names keeps the side known of him."""
    role = claimant.role or ""
    return bare_local_office(role) and claimant.name.casefold() in role.casefold()


def _successful_side(event: Event, claimant: Party) -> Party | None:
    """A claimant of no known side who tells of one side's success over the other's forces speaks for that side
    ('Russian Armed Forces destroyed up to 30 Ukrainian soldiers - MO'), or None when the event is no such success
    (a strike on civilians is told by the side attacked)."""
    row = event_type(event.event_type)
    initiator, target = event.initiator, event.target
    if not row.combat or initiator is None or bloc(initiator.side) not in OPPOSITE_BLOC or \
            not SUCCESS.match(event.trigger or ""):
        return None
    if target is not None and bloc(target.side) != OPPOSITE_BLOC[bloc(initiator.side)]:
        return None
    return replace(claimant, side=bloc(initiator.side))  # type: ignore[arg-type]


def _attacked_side(event: Event, claimant: Party, actors: Sequence[ActorMention]) -> Party:
    """A claimant of no known side who tells of a strike or attack one side of the war made ('One person died
    in the shelling of Donetsk by the Armed Forces of Ukraine - mayor') speaks for the side attacked: officials
    and services report the attacks on their own people."""
    if event_type(event.event_type).family not in ("combat", "harm"):
        return claimant
    if event.initiator is not None:
        attackers = {bloc(event.initiator.side)}
    else:   # 'the shelling of Donetsk by the Armed Forces of Ukraine': the one side whose forces the sentence names
        start, end = event.evidence.char_start, event.evidence.char_end
        attackers = {bloc(a.party.side) for a in actors
                     if start <= a.start and a.end <= end and a.kind == "force" and a.party.side in ARMED_SIDES}
    side = OPPOSITE_BLOC.get(attackers.pop()) if len(attackers) == 1 else None
    return replace(claimant, side=side) if side is not None else claimant  # type: ignore[arg-type]


def _source(ctx: Context, tok: Token, cand: Candidate, actors: list[ActorMention], narrators: dict[int, Party],
            paragraph_claimant: dict[int, Party]) -> tuple[Party | None, str | None, tuple[Token, str] | None]:
    """Who says the trigger's sentence, the modality the saying lends, and the speech verb it hangs on, if any."""
    party, kind = None, None
    head = _speech_head(tok) or _sentence_speech_verb(tok)
    if head is not None:
        party = speaker(ctx, head[0], actors)
        kind = head[1]
    if party is None:
        party = according_to(tok, actors)
        kind = "claimed" if party is not None else kind
    if party is None and kind is None:
        party = stance_holder(ctx, tok, actors)
        kind = "claimed" if party is not None else None
    if party is None:
        quoted = quote_speaker(ctx, tok, actors)
        if quoted is not None:
            party, kind = quoted
        elif ctx.inside_quote(tok.idx) and cand.paragraph in paragraph_claimant:
            party, kind = paragraph_claimant[cand.paragraph], "claimed"
    if party is None and kind is None:
        party = (narrator_before(ctx, narrators, tok, actors) or speaker_who_adds(ctx, tok, actors) or
                 headline_speaker(tok, actors) or shown_by(ctx, tok, actors))
        kind = "claimed" if party is not None else None
    return party, kind, head


def _denials(ctx: Context, actors: list[ActorMention]) -> dict[int, set[str]]:
    """Sentence index -> the sides that deny something in it ('Kyiv denies', 'Moscow rejected the claim')."""
    out: dict[int, set[str]] = {}
    for number, sent in enumerate(ctx.doc.sents):
        for tok in sent:
            if SPEECH_VERBS.get(tok.lemma_.lower()) != "denied" or tok.pos_ != "VERB":
                continue
            side = _side(speaker(ctx, tok, actors))
            if side is not None:
                out.setdefault(number, set()).add(side)
    return out


def _side(party: Party | None) -> str | None:
    """The bloc (RU or UA) a party stands on, None for anyone else."""
    side = bloc(party.side) if party is not None else None
    return side if side in OPPOSITE_BLOC else None


def mark_contested(candidates: list[Candidate], denials: dict[int, set[str]] | None = None) -> list[Candidate]:
    """Mark control claims that the same article disputes.

    A capture, withdrawal or encirclement claimed by one side is contested when the article also reports, at the
    same place, fighting or a denial from the other side (or a denial at all), or when the other side denies
    something in the same or the next sentence ('Russia says it has captured Bakhmut; Kyiv denies').
    """
    denials = denials or {}
    out = list(candidates)
    for i, a in enumerate(candidates):
        ea = a.event
        if event_type(ea.event_type).control in (None, "fought") or ea.claim.modality not in ("claimed",):
            continue
        claimant = _side(ea.claim.claimed_by)
        deniers = denials.get(a.sentence, set()) | denials.get(a.sentence + 1, set())
        if claimant is not None and deniers - {claimant}:
            out[i] = replace(out[i], event=replace(out[i].event, claim=replace(out[i].event.claim, contested=True)))
        if ea.location is None:
            continue
        for j, b in enumerate(candidates):
            eb = b.event
            if i == j or eb.location is None or eb.location.name != ea.location.name:
                continue
            other = _side(eb.claim.claimed_by)
            disputes = eb.claim.modality == "denied" or (
                event_type(eb.event_type).control == "fought" and other is not None and claimant is not None and other != claimant)
            if disputes:
                out[i] = replace(out[i], event=replace(out[i].event, claim=replace(out[i].event.claim, contested=True)))
                out[j] = replace(out[j], event=replace(out[j].event, claim=replace(out[j].event.claim, contested=True)))
    return out
