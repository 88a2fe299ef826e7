"""What a trigger's rule reads: the word, its sentence and the words the parse puts around it, read once.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from frontline.nlp.syntax import lemma_set, subject
from frontline.triggers.captions import heads_caption, is_caption_line
from frontline.triggers.lexicon import TriggerRule


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What a trigger's rule reads: the word, its sentence, and the words the parse puts around it."""

    tok: Token
    rule: TriggerRule
    sent: Span
    has_place: bool            # the sentence names a place
    near: set[str]             # lemmas of the trigger's own clause (``_words_near``)
    sent_lemmas: set[str]
    subj: Token | None
    subj_words: set[str]       # lemmas of the subject's subtree
    objs: list[Token]          # direct, prepositional and passive-subject objects
    obj_words: set[str]        # lemmas of the objects' subtrees
    caption: bool = False      # the trigger heads a caption line (``is_caption_line``, ``heads_caption``)

    @property
    def name(self) -> str | None:
        return self.rule.rule


def rule_context(tok: Token, rule: TriggerRule, sent: Span, has_place: bool) -> RuleContext:
    """Read the trigger's context from the parse once, for whichever rule applies."""
    subj = subject(tok)
    objs = [c for c in tok.children if c.dep_ in ("dobj", "pobj", "attr", "nsubjpass")]
    obj_words = set().union(*(lemma_set(o.subtree) for o in objs)) if objs else set()
    if any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
        # 'destroyed up to a hundred Ukrainian military': the parser hangs the object off 'to'
        obj_words |= set().union(set(), *(lemma_set(c.subtree) for c in tok.children if c.dep_ == "prep"))
    if tok.dep_ == "acl":
        obj_words |= lemma_set([tok.head, *tok.head.children])     # '60 invaders liquidated in Kharkiv region'
    return RuleContext(tok=tok, rule=rule, sent=sent, has_place=has_place, near=_words_near(tok),
                       sent_lemmas=lemma_set(sent), subj=subj,
                       subj_words=lemma_set(subj.subtree) if subj is not None else set(), objs=objs,
                       obj_words=obj_words, caption=is_caption_line(sent) and heads_caption(tok))


def _words_near(tok: Token) -> set[str]:
    """Lemmas in the trigger's own clause: its subtree and its head's direct children."""
    words = lemma_set(tok.subtree)
    if tok.head != tok:
        words |= lemma_set(tok.head.children) | {tok.head.lemma_.lower()}
    return words
