"""Keeping topic ids stable across refits, and saying what changed.

A refit starts from the previous topics' centres (so topics move only as far as the new data pulls them);
afterwards each new group is matched to the old topic it shares most segments with (Hungarian matching on
the overlap), inherits its id and name, and anything left over is reported as new, merged or removed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

GROWN = 1.10  # a topic that gained 10% or more is reported as grown (shrunk: lost 10% or more)


@dataclass(frozen=True)
class Previous:
    """What the last model said: each segment's topic, and each topic's name and size."""

    topics: Mapping[str, int]  # segment id -> topic id (-1: other)
    names: Mapping[int, str]
    sizes: Mapping[int, int]


def match_groups(before: Mapping[str, int], after: Mapping[str, int], min_share: float = 0.3
                 ) -> dict[int, int]:
    """New group -> old topic id, for pairs that share at least `min_share` of the smaller one's segments."""
    from scipy.optimize import linear_sum_assignment

    shared = Counter((before[s], g) for s, g in after.items() if s in before and before[s] >= 0 and g >= 0)
    if not shared:
        return {}
    olds = sorted({o for o, _ in shared})
    news = sorted({g for _, g in shared})
    overlap = np.zeros((len(olds), len(news)))
    for (o, g), n in shared.items():
        overlap[olds.index(o), news.index(g)] = n
    rows, cols = linear_sum_assignment(-overlap)
    old_total = Counter(t for s, t in before.items() if t >= 0 and s in after)
    new_total = Counter(g for s, g in after.items() if g >= 0 and s in before and before[s] >= 0)
    out = {}
    for r, c in zip(rows, cols, strict=True):
        n = overlap[r, c]
        if n > 0 and n >= min_share * min(old_total[olds[r]], new_total[news[c]]):
            out[news[c]] = olds[r]
    return out


def changes(previous: Previous, now: Mapping[str, int], names: Mapping[int, str],
            sizes: Mapping[int, int]) -> dict[str, object]:
    """New, merged, split, grown, shrunk and removed topics, and the share of earlier assignments kept."""
    old_ids = {t for t in previous.sizes if t >= 0}
    new_ids = {t for t in sizes if t >= 0}
    common = [s for s in previous.topics if s in now]
    kept = sum(previous.topics[s] == now[s] for s in common)
    out: dict[str, object] = {
        "new": [_brief(t, names, sizes) for t in sorted(new_ids - old_ids)],
        "merged": [], "split": [], "removed": [],
        "grown": [_delta(t, names, previous.sizes, sizes) for t in sorted(new_ids & old_ids)
                  if sizes[t] >= GROWN * max(1, previous.sizes[t])],
        "shrunk": [_delta(t, names, previous.sizes, sizes) for t in sorted(new_ids & old_ids)
                   if sizes[t] * GROWN <= previous.sizes[t]],
        "kept_assignments": round(kept / len(common), 4) if common else 1.0,
    }
    for t in sorted(old_ids - new_ids):  # gone: where did its segments go?
        dest = Counter(now[s] for s, o in previous.topics.items() if o == t and s in now and now[s] >= 0)
        into = dest.most_common(1)[0][0] if dest else None
        entry = {"id": t, "name": previous.names.get(t, ""), "size": previous.sizes[t], "into": into}
        (out["merged"] if into is not None else out["removed"]).append(entry)  # type: ignore[attr-defined]
    for t in sorted(new_ids - old_ids):  # new: carved out of one old topic?
        origin = Counter(previous.topics[s] for s, g in now.items() if g == t and s in previous.topics)
        source, n = origin.most_common(1)[0] if origin else (-1, 0)
        if source >= 0 and n >= 0.5 * sizes[t]:
            out["split"].append({"id": t, "name": names[t], "from": source})  # type: ignore[attr-defined]
    return out


def _brief(t: int, names: Mapping[int, str], sizes: Mapping[int, int]) -> dict[str, object]:
    return {"id": t, "name": names[t], "size": sizes[t]}


def _delta(t: int, names: Mapping[int, str], before: Mapping[int, int], after: Mapping[int, int]
           ) -> dict[str, object]:
    return {"id": t, "name": names[t], "before": before[t], "after": after[t]}


def late_changes(before: Mapping[int, int], added: Sequence[int], names: Mapping[int, str]
                 ) -> dict[str, object]:
    """What a late batch did: which topics received segments, which of them grew by 10% or more."""
    counts = Counter(added)
    received = [{"id": t, "name": names.get(t, ""), "before": before.get(t, 0), "after": before.get(t, 0) + n}
                for t, n in sorted(counts.items()) if t >= 0]
    grown = [r for r in received if int(r["after"]) >= GROWN * max(1, int(r["before"]))]  # type: ignore[call-overload]
    return {"new": [], "merged": [], "split": [], "removed": [], "shrunk": [], "grown": grown,
            "received": received, "late_assigned": len(added), "late_to_other": counts.get(-1, 0),
            "kept_assignments": 1.0}
