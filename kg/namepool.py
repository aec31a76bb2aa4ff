"""Name typing, second pass: one decision per unknown (NIL) name of an article, from all
its mentions and from the entities the linker resolved around it (see kg/nametype.py for
the evidence and the first pass, which reads each mention where it stands)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from kg.addresses import ADDRESS_KNOWN, ADDRESS_UNKNOWN, address_areas
from kg.cueweights import LIST_KNOWN, LIST_UNKNOWN
from kg.listgaps import list_runs
from kg.nametype import Evidence, TypeDecision
from kg.types import Mention


@dataclass
class Resolved:
    """What :func:`pooled_types` needs of one resolved mention."""

    mention: Mention
    key: str  # the name it is grouped under (folded)
    type: str  # the type the linker gave it
    known: bool  # linked to the knowledge base
    joined: str | None = None  # the longer name it joined, when it joined one


def pooled_types(resolved: list[Resolved], decisions: dict[int, TypeDecision], text: str) -> dict[str, TypeDecision]:
    """One decision per unknown name of the article (by key), from all its mentions:
    the model's labels of the name count once (averaged: the model repeats itself),
    every cue counts; known entities in the same list count for their type."""
    by_key: dict[str, list[Resolved]] = defaultdict(list)
    for r in resolved:
        if not r.known:
            by_key[r.key].append(r)
    # Twice: an unknown neighbour of a list counts for the type all its mentions give it
    # ("between Aboi and Mohung", Aboi a place "near Aboi" earlier), not for the type its
    # mention in the list alone gives it.
    addressed = address_areas([(r.mention, r.type, r.known) for r in resolved], text)
    first = _pool(by_key, decisions, _list_neighbours(resolved, text, lambda r: r.type), addressed)
    return _pool(by_key, decisions, _list_neighbours(resolved, text, lambda r: first[r.key].type or r.type if r.key in first else r.type), addressed)


def _pool(
    by_key: dict[str, list[Resolved]],
    decisions: dict[int, TypeDecision],
    neighbours: dict[int, list[tuple[str, str, bool]]],
    addressed: dict[int, tuple[str, bool]],
) -> dict[str, TypeDecision]:
    out: dict[str, TypeDecision] = {}
    for key, rs in by_key.items():
        labels: list[Evidence] = []
        pooled: list[Evidence] = []
        fallback: Counter = Counter()
        for r in rs:
            if r.joined is not None:
                pooled.append(Evidence(r.type, 1.0, "article", f"joins {r.joined!r} ({r.type})"))
                fallback[r.type] += 1
                continue
            d = decisions.get(id(r.mention))
            fallback[r.type] += 1
            if d is None:
                pooled.append(Evidence(r.type, 1.0, "article", "typed by the linker"))
                continue
            labels += [e for e in d.evidence if e.kind == "label"]
            pooled += [e for e in d.evidence if e.kind != "label"]
            if id(r.mention) in addressed:
                place, known = addressed[id(r.mention)]
                pooled.append(Evidence("Place", ADDRESS_KNOWN if known else ADDRESS_UNKNOWN, "article", f"followed by ', {place}' (a place in its area)"))
            for t, name, known in neighbours.get(id(r.mention), []):
                pooled.append(Evidence(t, LIST_KNOWN if known else LIST_UNKNOWN, "list", f"in a list with the {'known' if known else 'unknown'} {t} {name!r}"))
        n = sum(1 for r in rs if r.joined is None and id(r.mention) in decisions) or 1
        merged: dict[tuple[str, str], float] = defaultdict(float)
        for e in labels:
            merged[(e.type, e.reason)] += e.weight / n
        averaged = [Evidence(t, round(w, 3), "label", reason + (f" ({n} mentions, averaged)" if n > 1 else "")) for (t, reason), w in merged.items()]
        out[key] = TypeDecision(averaged + pooled, fallback.most_common(1)[0][0])
    return out


def _list_neighbours(resolved: list[Resolved], text: str, type_of: Callable[[Resolved], str]) -> dict[int, list[tuple[str, str, bool]]]:
    """For each unknown mention in a list, the knowledge-base entities of the same list
    (type, name, True), or else its other unknown names (type, name, False), two at most."""
    mentions = [r.mention for r in resolved]
    by_id = {id(r.mention): r for r in resolved}
    out: dict[int, list[tuple[str, str, bool]]] = {}
    for run in list_runs(mentions, text):
        known = [by_id[id(m)] for m in run if by_id[id(m)].known]
        for m in run:
            r = by_id[id(m)]
            if not r.known:
                others = known or [o for o in map(by_id.get, map(id, run)) if o is not None and o.key != r.key and o.joined is None]
                out[id(m)] = [(k.type if k.known else type_of(k), k.mention.text, k.known) for k in others][:2]
    return out


