"""Campaign (form-letter) and exact-duplicate detection, so organised campaigns count once in reports.

Exact duplicates are the same text once case, whitespace and punctuation are folded (ingest already merges
byte-identical files; this catches one text sent as a PDF and as an email). Campaigns are near-identical
copies of one form letter with small edits (salutation, a sentence added, a signed name and town).

Linear in the corpus (no all-pairs comparison), vectorised with numpy:
1. Texts under `MIN_WORDS` words never join: a few common words would make unrelated short replies alike.
2. MinHash of `SHINGLE`-word shingles: `NUM_PERM` seeded multiply-add permutations, per-text minimum.
3. LSH banding proposes candidates; within a bucket each document is checked against the bucket's first
   member only (a star, not all pairs: a bucket of 20,000 copies costs 20,000 checks, not 200 million).
   Pairs whose estimated Jaccard passes a looser linking bar are joined by union-find.
4. Single linkage chains different letters through a bridging document (half one letter, half another), so
   each component is split around seeds: the densest member (most collisions in 4-row bands, ~sum of J**4:
   many close copies beat a bridge half like everyone) takes every unassigned member with estimated
   Jaccard >= `threshold` to it; the rest try the next seed. Each member is checked against its medoid.
5. A form letter with long additions of the sender's own (Jaccard well under the threshold) still joins if
   it contains `CONTAINMENT` of the template's shingles; its additions stay visible in `added_text`.
   This pass only adds single documents to formed campaigns, so it can never merge two letters.

Per-text work (normalised words, distinct shingles, MinHash signature, exact-duplicate key) depends on the
text alone: `text_features` computes it and callers may keep it (keyed by `feature_key`), so a late batch
hashes only its own texts; the grouping over the whole corpus is then cheap array work.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import chain
from typing import TYPE_CHECKING

from respmine.records import Campaign
from respmine.structure.redact import OTHER_TOKEN, TOKENS
from respmine.versions import source_digest

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Ints = npt.NDArray[np.int64]

SHINGLE = 3  # words per shingle: a one-word edit costs a short letter fewer shingles than with 5
NUM_PERM = 128  # signature length: Jaccard estimates within about +/-0.045
MIN_WORDS = 15  # shorter texts are left to `exact_duplicates`
LINK_FACTOR = 0.8  # union-find links at 0.8 * threshold; membership is then checked at threshold
DENSITY_ROWS = 4  # rows per band when ranking seeds: favours members with many close copies
CONTAINMENT = 0.7  # share of template shingles that makes a long, personalised copy a member
TEMPLATE_SAMPLE = 1000  # members read to find a big campaign's majority sentences
FUZZY_SENTENCE = 0.6  # word-set Jaccard at which a lightly edited template sentence is not "own" text
_BATCH_WORDS = 2_000_000  # words (or shingles) hashed per numpy batch: bounds memory whatever the corpus
_WORD = re.compile(r"[^\W_]+")
_SHORT_LINE = re.compile(r"^[^\n]{0,49}\n", re.M)  # a short line stands alone; long ones are wrapped prose
_END = re.compile(r"[.!?\n][.!?\"'”’)\]]*(?=\s|$)")  # sentence end, or a newline before blank/indent


# Redaction's tokens ("[NAME]", "[ADDRESS]") are no words of a text: the same letter sent twice, once with
# "Yours faithfully,\nRobert Fenwick\n8 Brook Row" and once (a PDF) with the lines run together, was
# redacted "[NAME]\n[ADDRESS]" and "[ADDRESS]", and was no exact copy of itself
_REDACTED = re.compile("|".join(re.escape(token) for token in (*TOKENS.values(), OTHER_TOKEN)))


def words(text: str) -> list[str]:
    """Normalised words: case, width, whitespace and punctuation folded ("Education’s" == "educations")."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _WORD.findall(text.lower().replace("'", "").replace("’", "").replace("ʼ", ""))


def unredacted_words(text: str) -> list[str]:
    """`words` of a text without redaction's tokens, as exact duplicates are compared."""
    return words(_REDACTED.sub(" ", text))


@dataclass(frozen=True, eq=False)
class TextFeatures:
    """What campaign detection needs of one text, computed once per text (see `text_features`)."""

    exact: str  # digest of the normalised words; "" for a text without a word
    signature: npt.NDArray[np.uint32] | None  # MinHash (NUM_PERM values); None under MIN_WORDS words
    shingles: npt.NDArray[np.uint32] | None  # distinct shingle hashes, sorted; None under MIN_WORDS words


@cache
def features_version() -> str:
    """A hash of this module's source: any edit to the hashing invalidates kept features."""
    return source_digest(__file__)[:16]


def feature_key(text: str, seed: int = 1) -> str:
    """Key of a text's features: its content, the MinHash seed and the code that hashed it."""
    return hashlib.sha256(f"{features_version()}|{seed}|{text}".encode()).hexdigest()


def text_features(texts: Sequence[str], seed: int = 1) -> list[TextFeatures]:
    """Each text's features, in order (vectorised over the batch)."""
    import numpy as np

    shingler = _Shingler(seed)
    tokens = [words(text) for text in texts]
    found: dict[int, tuple[npt.NDArray[np.uint32] | None, npt.NDArray[np.uint32] | None]] = {}
    for positions, shingles, n_sh in shingler.batches(tokens):
        sigs = shingler.minhash(shingles, n_sh)
        labels, distinct = _distinct(np.arange(len(positions), dtype=np.int64), shingles, n_sh)
        cuts = np.searchsorted(labels, np.arange(1, len(positions)))
        found.update(zip(positions.tolist(), zip(sigs, np.split(distinct, cuts), strict=True), strict=True))
    out = []
    for pos, (text, toks) in enumerate(zip(texts, tokens, strict=True)):  # (words again only where redacted)
        key = " ".join(words(_REDACTED.sub(" ", text)) if _REDACTED.search(text) else toks)
        digest = hashlib.sha256(key.encode()).hexdigest() if key else ""
        out.append(TextFeatures(digest, *found.get(pos, (None, None))))
    return out


def complete_features(texts: Mapping[str, str], known: Mapping[str, TextFeatures] | None = None,
                      seed: int = 1) -> tuple[dict[str, TextFeatures], dict[str, TextFeatures]]:
    """(features by text id, features computed now by `feature_key`): `known` (by `feature_key`) is
    reused, the rest computed."""
    known = known or {}
    keys = {sid: feature_key(text, seed) for sid, text in texts.items()}
    todo = sorted({k for k in keys.values() if k not in known})
    by_key = {k: texts[sid] for sid, k in keys.items()}
    fresh = dict(zip(todo, text_features([by_key[k] for k in todo], seed), strict=True))
    return {sid: known.get(k) or fresh[k] for sid, k in keys.items()}, fresh


def exact_duplicates(texts: Mapping[str, str], features: Mapping[str, TextFeatures] | None = None
                     ) -> list[tuple[str, ...]]:
    """Groups (two or more ids, sorted) of texts equal once normalised; largest first (`features`: by
    text id, from `complete_features`, when the caller has them).

    Texts without a single word (failed extractions) are not grouped: they share nothing but the failure.
    """
    features = features if features is not None else complete_features(texts)[0]
    groups: dict[str, list[str]] = {}
    for sid in sorted(texts):
        if features[sid].exact:
            groups.setdefault(features[sid].exact, []).append(sid)
    return sorted((tuple(g) for g in groups.values() if len(g) > 1), key=lambda g: (-len(g), g))


def find_campaigns(
    texts: Mapping[str, str], *, threshold: float = 0.5, min_size: int = 3, seed: int = 1,
    features: Mapping[str, TextFeatures] | None = None,
) -> list[Campaign]:
    """Form-letter campaigns of at least `min_size` members, largest first, then by id.

    `threshold` is the word-shingle Jaccard similarity each member needs with its group's seed (medoid);
    `seed` fixes the MinHash permutations. Same input and seed give the same output, in any mapping order.
    The id hashes the template's normalised text, not the member ids nor the medoid: a campaign keeps its
    id when late responses join it or another copy becomes the medoid, as long as the majority text holds.
    `features` (by text id, from `complete_features` with the same seed) saves rehashing known texts.
    """
    import numpy as np

    ids = sorted(texts)
    features = features if features is not None else complete_features(texts, seed=seed)[0]
    eligible = np.array([i for i, sid in enumerate(ids) if features[sid].signature is not None],
                        dtype=np.int64)
    if len(eligible) < min_size:
        return []
    sigs = np.stack([features[ids[i]].signature for i in eligible.tolist()])  # type: ignore[misc]
    link = threshold * LINK_FACTOR
    keys, dense = _band_keys(sigs, _rows_per_band(link)), _band_keys(sigs, DENSITY_ROWS)
    cache: dict[str, str] = {}  # sentence -> key: form-letter members repeat the same sentences
    cores: list[list[str]] = []
    templates: list[tuple[str, set[str]]] = []
    for comp in _components(sigs, keys, link, min_size):
        for members, medoid in _split(comp, sigs, dense, threshold, min_size):
            core = [ids[i] for i in eligible[members].tolist()]
            template = _template(core, ids[eligible[medoid]], texts, cache)
            if len(words(template[0])) >= MIN_WORDS:  # shared text, not just "Sincerely, <town>"
                cores.append(core)
                templates.append(template)
    taken = {sid for core in cores for sid in core}
    rest = [ids[i] for i in eligible.tolist() if ids[i] not in taken]
    shingler = _Shingler(seed)
    rest_shingles = [features[sid].shingles for sid in rest]
    for pos, g in _absorb(shingler, [t for t, _ in templates], rest_shingles).items():  # type: ignore[arg-type]
        cores[g].append(rest[pos])
    campaigns = [_campaign(template, used, members, texts, cache)
                 for (template, used), members in zip(templates, cores, strict=True)]
    seen: Counter[str] = Counter()  # two groups sharing one template get "-2": every id names one campaign
    out = []
    for c in sorted(campaigns, key=lambda c: (-len(c.members), c.id)):
        seen[c.id] += 1
        out.append(c if seen[c.id] == 1 else replace(c, id=f"{c.id}-{seen[c.id]}"))
    return out


class _Shingler:
    """Seeded shingle hashing and MinHash; words hash with blake2b (Python's `hash` is salted per run)."""

    def __init__(self, seed: int) -> None:
        import numpy as np

        rng = np.random.default_rng(seed)
        self.mult = rng.integers(1, 2**32, NUM_PERM, dtype=np.uint32) | np.uint32(1)  # odd: a bijection
        self.add = rng.integers(0, 2**32, NUM_PERM, dtype=np.uint32)
        self.coef = rng.integers(1, 2**63, SHINGLE, dtype=np.uint64) | np.uint64(1)
        self.vocab: dict[str, int] = {}

    def batches(self, tokens: Sequence[list[str]]) -> Iterator[tuple[Ints, npt.NDArray[np.uint32], Ints]]:
        """(positions of texts with >= MIN_WORDS words, their shingle hashes, shingles per text) per batch
        of about _BATCH_WORDS words; `tokens`: each text's `words`."""
        import numpy as np

        for first, last in _chunks([len(t) for t in tokens], _BATCH_WORDS):
            batch = [(pos, tokens[pos]) for pos in range(first, last) if len(tokens[pos]) >= MIN_WORDS]
            if not batch:
                continue
            for _, toks in batch:
                for word in set(toks).difference(self.vocab):
                    self.vocab[word] = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest())
            lengths = np.array([len(t) for _, t in batch], dtype=np.int64)
            flat = np.fromiter(map(self.vocab.__getitem__, chain.from_iterable(t for _, t in batch)),
                               dtype=np.uint64, count=int(lengths.sum()))
            n_sh = lengths - SHINGLE + 1
            starts = np.repeat(np.cumsum(lengths) - lengths, n_sh) + _ramp(n_sh)
            combined = np.zeros(len(starts), dtype=np.uint64)
            for j in range(SHINGLE):
                combined += flat[starts + j] * self.coef[j]
            shingles = (_mix64(combined) >> np.uint64(32)).astype(np.uint32)
            yield np.array([p for p, _ in batch], dtype=np.int64), shingles, n_sh

    def minhash(self, shingles: npt.NDArray[np.uint32], n_sh: Ints) -> npt.NDArray[np.uint32]:
        """MinHash signatures (one row of NUM_PERM uint32 per text) of one batch's shingles."""
        import numpy as np

        offsets = np.cumsum(n_sh) - n_sh
        sig = np.empty((NUM_PERM, len(n_sh)), dtype=np.uint32)
        for p in range(NUM_PERM):
            sig[p] = np.minimum.reduceat(shingles * self.mult[p] + self.add[p], offsets)
        return np.ascontiguousarray(sig.T)


def _mix64(x: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """splitmix64 finaliser: spreads combined hashes over all 64 bits before they are cut."""
    import numpy as np

    x = x ^ (x >> np.uint64(30))
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _ramp(counts: Ints) -> Ints:
    """0..c-1 for each count c, concatenated (positions within each document, vectorised)."""
    import numpy as np

    ends = np.cumsum(counts)
    return np.arange(int(ends[-1]) if len(ends) else 0, dtype=np.int64) - np.repeat(ends - counts, counts)


def _rows_per_band(link: float) -> int:
    """Most rows per band (fewest chance collisions) that still pair 99% of documents at the linking bar."""
    return max([r for r in range(1, 9) if 1 - (1 - link**r) ** (NUM_PERM // r) >= 0.99], default=1)


def _band_keys(sigs: npt.NDArray[np.uint32], rows: int) -> npt.NDArray[np.uint64]:
    """One 64-bit key per (document, band): equal keys mean an equal band (collisions are re-verified)."""
    import numpy as np

    bands = NUM_PERM // rows
    wide = sigs[:, : bands * rows].astype(np.uint64).reshape(len(sigs), bands, rows)
    keys = np.zeros((len(sigs), bands), dtype=np.uint64)
    for j in range(rows):
        keys = _mix64(keys + wide[:, :, j] + np.uint64(j + 1))
    return keys


def _similarity(sigs: npt.NDArray[np.uint32], a: Ints, b: Ints) -> npt.NDArray[np.float64]:
    """Estimated Jaccard of pairs (a[i], b[i]): the share of equal MinHash values, in bounded chunks."""
    import numpy as np

    out = np.empty(len(a), dtype=np.float64)
    for s in range(0, len(a), 65_536):
        out[s : s + 65_536] = (sigs[a[s : s + 65_536]] == sigs[b[s : s + 65_536]]).mean(axis=1)
    return out


def _components(sigs: npt.NDArray[np.uint32], keys: npt.NDArray[np.uint64], link: float, min_size: int
                ) -> list[Ints]:
    """Union-find components (>= min_size) of the verified star pairs of every LSH bucket."""
    import numpy as np

    n = len(sigs)
    pairs = []
    for col in keys.T:
        order = np.argsort(col, kind="stable")
        ranked = col[order]
        starts = np.r_[True, ranked[1:] != ranked[:-1]]
        leader = order[np.maximum.accumulate(np.where(starts, np.arange(n), 0))]
        pairs.append(order[~starts] * n + leader[~starts])
    flat = np.unique(np.concatenate(pairs))
    a, b = flat // n, flat % n
    ok = _similarity(sigs, a, b) >= link
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = x = parent[parent[x]]
        return x

    for x, y in zip(a[ok].tolist(), b[ok].tolist(), strict=True):
        rx, ry = root(x), root(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)
    roots = np.array([root(i) for i in range(n)], dtype=np.int64)
    order = np.argsort(roots, kind="stable")
    return [c for c in np.split(order, np.flatnonzero(np.diff(roots[order])) + 1) if len(c) >= min_size]


def _split(comp: Ints, sigs: npt.NDArray[np.uint32], dense: npt.NDArray[np.uint64], threshold: float,
           min_size: int) -> list[tuple[Ints, int]]:
    """(members, seed) groups cut around the densest members: DENSITY_ROWS-row band collisions (~sum of J**4)
    rank a copy in a tight cluster above a bridge half like many. Seeds with under `min_size - 1` collisions
    are not tried: that bounds the work on loose components."""
    import numpy as np

    bands = dense.shape[1]
    score = np.zeros(len(comp), dtype=np.int64)
    for col in dense[comp].T:
        _, inv, cnt = np.unique(col, return_inverse=True, return_counts=True)
        score += cnt[inv.ravel()]
    free, left, groups = np.ones(len(comp), dtype=bool), len(comp), []
    for s in np.lexsort((np.arange(len(comp)), -score)).tolist():
        if score[s] < bands + min_size - 1 or left < min_size:
            break
        if free[s]:
            cand = np.flatnonzero(free)
            hit = cand[_similarity(sigs, comp[cand], np.full(len(cand), comp[s])) >= threshold]
            if len(hit) >= min_size:
                groups.append((comp[hit], int(comp[s])))
                free[hit] = False
                left -= len(hit)
    return groups


def _absorb(shingler: _Shingler, templates: Sequence[str], texts: Sequence[npt.NDArray[np.uint32]]
            ) -> dict[int, int]:
    """{text position: template index} for texts (as distinct shingles) containing >= CONTAINMENT of a
    template's shingles."""
    import numpy as np

    parts = [_distinct(*batch) for batch in shingler.batches([words(t) for t in templates])]
    if not parts or not texts:
        return {}
    t_lab, t_hash = np.concatenate([lab for lab, _ in parts]), np.concatenate([h for _, h in parts])
    size = np.bincount(t_lab, minlength=len(templates))
    order = np.argsort(t_hash, kind="stable")
    t_hash, t_lab = t_hash[order], t_lab[order]
    found: dict[int, int] = {}
    for first, last in _chunks([len(t) for t in texts], _BATCH_WORDS):
        counts = np.array([len(t) for t in texts[first:last]], dtype=np.int64)
        doc = np.repeat(np.arange(first, last, dtype=np.int64), counts)
        hashes = np.concatenate(texts[first:last])
        lo = np.searchsorted(t_hash, hashes, "left")
        cnt = np.searchsorted(t_hash, hashes, "right") - lo
        hit_lab = t_lab[np.repeat(lo, cnt) + _ramp(cnt)]
        key, n = np.unique(np.repeat(doc, cnt) * len(templates) + hit_lab, return_counts=True)
        d, g = key // len(templates), key % len(templates)
        share = n / size[g]
        best = np.lexsort((g, -share, d))  # per text: highest share first, then lowest template index
        for i in best[np.r_[True, d[best][1:] != d[best][:-1]][: len(best)]].tolist():
            if share[i] >= CONTAINMENT:
                found[int(d[i])] = int(g[i])
    return found


def _chunks(sizes: Sequence[int], budget: int) -> Iterator[tuple[int, int]]:
    """(first, last) ranges of consecutive items whose sizes add up to about `budget` (at least one)."""
    first, total = 0, 0
    for i, size in enumerate(sizes):
        if total and total + size > budget:
            yield first, i
            first, total = i, 0
        total += size
    if first < len(sizes):
        yield first, len(sizes)


def _distinct(labels: Ints, shingles: npt.NDArray[np.uint32], n_sh: Ints
              ) -> tuple[Ints, npt.NDArray[np.uint32]]:
    """(label, shingle) pairs with each shingle once per text: containment counts a set, not repeats."""
    import numpy as np

    doc = np.repeat(labels.astype(np.uint64), n_sh)
    pair = np.sort((doc << np.uint64(32)) | shingles.astype(np.uint64))  # sort + mask: np.unique is slower
    pair = pair[np.r_[True, pair[1:] != pair[:-1]]] if len(pair) else pair
    return (pair >> np.uint64(32)).astype(np.int64), (pair & np.uint64(0xFFFFFFFF)).astype(np.uint32)


def _sentences(text: str, cache: dict[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, normalised key) of each sentence, blank-line block or short line (salutation, name)."""
    cuts = {m.end() for pattern in (_END, _SHORT_LINE) for m in pattern.finditer(text)} | {len(text)}
    out, start = [], 0
    for cut in sorted(cuts):
        chunk = text[start:cut]
        body = chunk.strip()
        key = cache.get(body)
        if key is None:
            key = cache[body] = " ".join(words(body))
        if key:
            lead = len(chunk) - len(chunk.lstrip())
            out.append((start + lead, start + lead + len(body), key))
        start = cut
    return out


def _template(members: Sequence[str], medoid: str, texts: Mapping[str, str], cache: dict[str, str]
              ) -> tuple[str, set[str]]:
    """The medoid's sentences found in a majority of members, verbatim or lightly edited, each in its most
    common wording (copies with random typos would otherwise share no exact sentence), and their keys.

    Big campaigns are counted on an even sample of TEMPLATE_SAMPLE members: a majority is stable long before.
    """
    text = texts[medoid]
    base = _sentences(text, cache)
    base_keys = {k for _, _, k in base}
    base_sets = [set(k.split()) for _, _, k in base]
    variants: list[Counter[str]] = [Counter() for _ in base]
    raw: dict[str, str] = {}
    sample = members[:: -(-len(members) // TEMPLATE_SAMPLE)]
    for sid in sample:
        own = _sentences(texts[sid], cache)
        keys = {k for _, _, k in own}
        others = [(k, set(k.split()), texts[sid][s:e]) for s, e, k in own if k not in base_keys]
        for i, (_, _, key) in enumerate(base):
            if key in keys:
                variants[i][key] += 1
                continue
            near = [(k, r) for k, ws, r in others if _near(ws, [base_sets[i]])]
            if near:
                k, r = min(near)
                variants[i][k] += 1
                raw.setdefault(k, r)
    parts: list[str] = []
    used: set[str] = set()
    last = 0
    for (start, end, key), counts in zip(base, variants, strict=True):
        best = max(counts, key=lambda k: (counts[k], k == key, k), default=key)
        if 2 * sum(counts.values()) > len(sample) and best not in used:
            if parts:  # keep the medoid's own spacing (paragraph breaks, "U.S. Department")
                gap = text[last:start]
                parts.append(gap if gap.isspace() else "\n" if "\n" in gap else " ")
            parts.append(text[start:end] if best == key else raw[best])
            used.add(best)
        last = end
    return ("".join(parts), used) if parts else (text.strip(), {k for _, _, k in base})


def _campaign(template: str, used: set[str], members: Sequence[str], texts: Mapping[str, str],
              cache: dict[str, str]) -> Campaign:
    """A campaign record: each member's sentences that are not (lightly edited) template ones are its own."""
    shared = [set(key.split()) for key in used]
    added = {}
    for sid in sorted(members):
        own = [texts[sid][s:e] for s, e, key in _sentences(texts[sid], cache)
               if key not in used and not _near(set(key.split()), shared)]
        if own:
            added[sid] = " ".join(own)
    digest = hashlib.sha256(" ".join(words(template)).encode()).hexdigest()[:10]
    return Campaign(id=f"campaign-{digest}", template=template, members=tuple(sorted(members)),
                    added_text=added)


def _near(sentence: set[str], template: list[set[str]]) -> bool:
    """True if a sentence (of 4+ words) is a light edit of a template sentence, not the member's own."""
    if len(sentence) < 4:
        return False
    for other in template:
        common = len(sentence & other)
        if common and common >= FUZZY_SENTENCE * (len(sentence) + len(other) - common):
            return True
    return False
