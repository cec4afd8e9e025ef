"""A person candidate: a name span that a pattern, the model or a byline proposed, with what came with it."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Cand:
    a: int
    b: int
    source: str
    strength: int  # 3: with a position; 2: anchored by a verb or cue; 1: repeat of a found name
    title: tuple[int, int] | None = None  # token range of the position
    comma: bool = False  # name and position are set apart by a comma or cue
    cue: bool = False  # the position follows a cue word ("selaku", "yang juga")
    weak: bool = False  # found only by an action verb or a weak intro: a one-word name needs evidence
    role: str = ""
    byline: bool = False
    name: str = ""
    span: tuple[int, int] | None = None  # char span when not token based (bylines)
    title_text: str = ""  # the position when it is not one stretch of text ("pimpinan" + ORG before it)
    organization: str = ""
    alias_of: str = ""
    candidate: bool = False  # the model's name the rules turned down: only the learned person decision may take it
    signs: tuple[str, ...] = ()  # what the article says of the name (``signs.signs``), for the learned decision
    span_source: str = ""  # for a model-span candidate (source "ner"): the span's own source, the model's or a rule's

    @property
    def out_source(self) -> str:
        """The source its mention names: the span's source for a candidate from a span, else ``source``."""
        return self.span_source or self.source
