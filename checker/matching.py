"""Find whether any of several needles occurs in a haystack, in time linear in the input.

A password checked against every part of a long name would take quadratic time with one ``in``
test per part. Aho-Corasick scans the haystack once for all needles. With only a few needles (a
whole name or address: at most two per rule) one ``str.find`` per needle is the same amount of
work, done in C: CPython switches to its two-way search on long inputs, and below that size the
engine's field bound keeps even its worst case to a fraction of a millisecond. Both give the same
answer; the widget implements Aho-Corasick only.

``Meter`` counts the steps; tests use the count to show the work is linear without timing anything.
"""

from __future__ import annotations

from collections.abc import Iterable


class Meter:
    """Counts units of work done by the engine (one per character visited or transition taken)."""

    def __init__(self) -> None:
        self.steps = 0

    def add(self, steps: int) -> None:
        self.steps += steps


class _NullMeter(Meter):
    def add(self, steps: int) -> None:
        pass


NULL_METER = _NullMeter()

# Up to this many needles, one C search per needle beats building an automaton in Python.
FEW_NEEDLES = 4


def first_match(haystack: str, needles: Iterable[str], meter: Meter = NULL_METER) -> str | None:
    """The needle that ends earliest in ``haystack`` (ties: the longest), or None."""
    needles = [needle for needle in needles if needle]
    if len(needles) <= FEW_NEEDLES:
        return _by_search(haystack, needles, meter)
    return _by_automaton(haystack, needles, meter)


def _by_search(haystack: str, needles: list[str], meter: Meter) -> str | None:
    best, best_end = None, len(haystack) + 1
    for needle in needles:
        meter.add(len(haystack) + len(needle))
        start = haystack.find(needle)
        end = start + len(needle)
        if start >= 0 and (end < best_end or (end == best_end and len(needle) > len(best))):
            best, best_end = needle, end
    return best


def _by_automaton(haystack: str, needles: list[str], meter: Meter) -> str | None:
    # The trie: node 0 is the root; children[node] maps a character to the next node.
    children: list[dict[str, int]] = [{}]
    output: list[str | None] = [None]
    for needle in needles:
        node = 0
        for char in needle:
            step = children[node]
            nxt = step.get(char)
            if nxt is None:
                nxt = step[char] = len(children)
                children.append({})
                output.append(None)
            node = nxt
        output[node] = needle  # a node is one string, so only an equal needle ends there
    hops = 0

    # Breadth-first: each node's failure link points at its longest proper suffix in the trie, and
    # it inherits that suffix's output so a match is seen at the node where it ends.
    fail = [0] * len(children)
    queue = list(children[0].values())
    for node in queue:  # the loop also visits what it appends
        for char, child in children[node].items():
            queue.append(child)
            link = fail[node]
            while link and char not in children[link]:
                link = fail[link]
                hops += 1
            target = fail[child] = children[link].get(char, 0)  # child is deeper: never itself
            if output[child] is None:
                output[child] = output[target]

    # The scan is charged its full length; it can only stop earlier.
    meter.add(sum(map(len, needles)) + len(children) + len(haystack))
    node = 0
    for char in haystack:
        nxt = children[node].get(char)
        while nxt is None and node:
            node = fail[node]
            nxt = children[node].get(char)
            hops += 1
        node = nxt or 0  # the root is nobody's child, so 0 means "no edge"
        if output[node] is not None:
            meter.add(hops)
            return output[node]
    meter.add(hops)
    return None
