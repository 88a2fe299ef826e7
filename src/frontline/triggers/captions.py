"""Caption lines: short lines of their own (a photo's caption, a one-line bulletin, a headline), and the words
they are about.

Such lines report with noun phrases ('Damage to the X substation', 'Russian troops seen in X') that in
running prose would be descriptions; the trigger rules read ``RuleContext.caption`` to tell the two apart.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

# A caption line is short: a photo's or a video's caption, a one-line bulletin, a headline.
_CAPTION_WORDS = 25

_CAPTION_TEXT_WORDS = 40        # a whole text this short is a caption, each of its sentences a caption line

_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})

# What a caption says it shows, before what is shown: 'Video: ...', 'Footage of ...', 'Photos from ...'.
MEDIA_NOUNS = frozenset({"video", "footage", "photo", "image", "picture", "clip", "drone", "satellite", "view",
                         "imagery", "photograph"})
# 'Footage filmed in T shows a destroyed apartment block': what a photo or video is said to show
_SHOW_VERBS = frozenset({"show", "depict", "capture", "reveal", "feature"})


def is_caption_line(sent: Span) -> bool:
    """A sentence that is a short line of its own: a caption, a one-line bulletin or a headline.

    Such lines report with noun phrases ('Damage to the X substation', 'Destroyed school in X', 'Russian troops
    seen in X'), which in running prose would be descriptions, not reports.
    """
    doc = sent.doc
    if "\n" in sent.text.strip() or sum(t.is_alpha for t in sent) > _CAPTION_WORDS:
        return False
    # the line-break component ends a sentence at every newline token
    starts = sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws
    ends = sent.end >= len(doc) or "\n" in doc[sent.end - 1].text_with_ws or \
        doc[sent.end].is_space and "\n" in doc[sent.end].text
    # a caption of a few words may hold two sentences on its one line ('Location: Toretsk. Destroyed apartment
    # block'); a text of paragraphs is a story, however short
    if not (starts and ends) and not is_one_line_caption(doc):
        return False
    # A one-sentence paragraph of prose ('Russia invaded Ukraine on February 24, but ...') is no caption: a
    # caption or headline lacks the closing stop, or the finite verb with a subject.
    closed = sent.text.rstrip()[-1:] in ".!?"
    return not closed or _media_shows(sent.root) or \
        not any(t.tag_ in _FINITE_TAGS and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) for t in sent)


def is_one_line_caption(doc: Doc) -> bool:
    """Whether the whole text is one line of a few words: a photo's or a video's caption."""
    return "\n" not in doc.text.strip() and sum(t.is_alpha for t in doc) <= _CAPTION_TEXT_WORDS


def _media_shows(root: Token) -> bool:
    """'Satellite imagery shows fires at T', 'Video shows ...': the sentence says what a picture shows, as a
    caption does, though it is a full sentence."""
    return root.lemma_.lower() in _SHOW_VERBS and any(c.dep_ == "nsubj" and c.lemma_.lower() in MEDIA_NOUNS
                                                       for c in root.children)


def _caption_heads(sent: Span) -> set[int]:
    """The tokens a caption line is about: its root, the subjects, conjuncts and appositions of the root, and
    what a 'Video: ...' or 'Footage of ...' shows (the nouns under the media word, through 'of' or a participle)."""
    root = sent.root
    heads, frontier = {root.i}, [root]
    while frontier:
        node = frontier.pop()
        media = node.lemma_.lower() in MEDIA_NOUNS or node == root and _media_shows(root)
        for c in node.children:
            take = c.dep_ in ("nsubj", "nsubjpass", "conj", "appos") or \
                media and c.dep_ in ("acl", "dep", "dobj", "attr") or \
                media and c.dep_ == "prep" and c.lower_ in ("of", "from")
            if c.dep_ == "pobj" and node.dep_ == "prep" and node.head.lemma_.lower() in MEDIA_NOUNS:
                take = True
            if take and c.i not in heads:
                heads.add(c.i)
                frontier.append(c)
    return heads


def heads_caption(tok: Token) -> bool:
    """Whether the trigger is a head of its caption line, or a word describing one ('Destroyed school', 'Column
    of Russian tanks', 'Russian troops seen in X')."""
    heads = _caption_heads(tok.sent)
    if tok.i in heads:
        return True
    if tok.dep_ in ("amod", "compound", "nmod") and tok.head.i in heads:
        return True     # 'Burning Russian helicopters', 'Damaged kindergarten'
    # 'Column of Russian tanks': what the column is made of
    return tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ == "of" and tok.head.head.i in heads
