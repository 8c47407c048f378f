"""The theme stage over a run: every segment coded against the codebook, with evidence and stance.

Incremental: each segment is stamped with a hash of its text, its question and the coder (codebook
fingerprints, trained model, stance model). A rerun recodes only segments whose stamp changed, so late
submissions cost only their own segments, and a codebook edit or newly learned analyst examples recode
what they can affect.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from respmine.records import Code, SegmentStance, Span
from respmine.themes.codebook import Codebook
from respmine.topics.embed import Embedder

if TYPE_CHECKING:
    from respmine.themes.coder import ThemeCoder
    from respmine.themes.stance import StanceModel

MIN_TRAINING = 20  # analyst-reviewed segments needed before a classifier is trained from them


@dataclass(frozen=True)
class SegmentInput:
    id: str
    text: str
    question: str


@dataclass
class CodingResult:
    codes: list[Code] = field(default_factory=list)
    stances: list[SegmentStance] = field(default_factory=list)
    coded: list[str] = field(default_factory=list)  # segment ids (re)coded in this run
    skipped: int = 0  # segments whose stamp was unchanged
    version: str = ""


def code_segments(
    segments: Sequence[SegmentInput],
    codebook: Codebook,
    embedder: Embedder | None,
    *,
    previous: Mapping[str, str] | None = None,
    examples: tuple[Sequence[str], Sequence[Sequence[str]]] | None = None,
    progress: Callable[[int], object] | None = None,
    batch: int = 256,
) -> CodingResult:
    """Code segments whose stamp differs from `previous` (segment id -> stamp of its last coding)."""
    from respmine.themes.coder import ThemeCoder
    from respmine.themes.stance import StanceModel

    coder = ThemeCoder(codebook, embedder)
    if examples is not None and len(examples[0]) >= MIN_TRAINING:
        coder.fit(examples[0], examples[1])
    stance = StanceModel(embedder)
    version = f"{coder.version}+{stance.version}"
    fingerprints = hashlib.sha256(repr(sorted(codebook.fingerprints().items())).encode()).hexdigest()
    key = f"{version}|{fingerprints}|{_examples_key(examples)}"
    result = CodingResult(version=version)
    todo = []
    for seg in segments:
        stamp = hashlib.sha256(f"{key}|{seg.question}|{seg.text}".encode()).hexdigest()[:32]
        if previous is not None and previous.get(seg.id) == stamp:
            result.skipped += 1
        else:
            todo.append((seg, stamp))
    for i in range(0, len(todo), batch):
        chunk = todo[i : i + batch]
        _code_batch(chunk, coder, stance, codebook, version, result)
        if progress is not None:
            progress(len(chunk))
    return result


def _code_batch(
    chunk: Sequence[tuple[SegmentInput, str]],
    coder: ThemeCoder,
    stance: StanceModel,
    codebook: Codebook,
    version: str,
    result: CodingResult,
) -> None:
    texts = [seg.text for seg, _ in chunk]
    tags = coder.code(texts, [seg.question for seg, _ in chunk])
    overall = stance.predict(texts)
    evidence = sorted({(i, t.start, t.end) for i, row in enumerate(tags) for t in row})
    per_sentence = stance.predict([texts[i][a:b] for i, a, b in evidence])
    pairs = zip(evidence, per_sentence, strict=True)
    sentence_stance = {e: p.stance for e, p in pairs if p.stance != "neutral"}
    fingerprints = codebook.fingerprints()
    for i, (seg, stamp) in enumerate(chunk):
        result.coded.append(seg.id)
        for t in tags[i]:
            result.codes.append(
                Code(
                    segment=seg.id,
                    theme=t.theme,
                    confidence=round(float(t.confidence), 4),
                    method=t.method,
                    evidence=Span(t.start, t.end),
                    evidence_text=seg.text[t.start : t.end],
                    stance=sentence_stance.get((i, t.start, t.end)),
                    codebook=codebook.stamp,
                    fingerprint=fingerprints.get(t.theme, ""),
                    model=version,
                )
            )
        p = overall[i]
        quote = seg.text[p.evidence[0] : p.evidence[1]] if p.evidence else ""
        result.stances.append(
            SegmentStance(
                seg.id, p.stance, round(float(p.confidence), 4), quote, "zero-shot", stance.version, stamp
            )
        )


def _examples_key(examples: tuple[Sequence[str], Sequence[Sequence[str]]] | None) -> str:
    if examples is None or len(examples[0]) < MIN_TRAINING:
        return "untrained"
    digest = hashlib.sha256()
    for text, labels in zip(examples[0], examples[1], strict=True):
        digest.update(f"{text}\x1f{';'.join(sorted(labels))}\x1e".encode())
    return digest.hexdigest()[:16]
