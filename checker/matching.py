"""Find whether any of several needles occurs in a haystack, in time linear in the input.

A password of a million characters checked against every part of a million-character name would
take quadratic time with one ``in`` test per part. Aho-Corasick scans the haystack once for all
needles. The widget implements the same algorithm, so both sides stay fast on a large paste.

``Meter`` counts the automaton's steps; tests use the count to show the work is linear without
timing anything.
"""

from __future__ import annotations

from collections import deque
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


def first_match(haystack: str, needles: Iterable[str], meter: Meter = NULL_METER) -> str | None:
    """The needle that ends earliest in ``haystack`` (ties: the longest), or None."""
    goto: list[dict[str, int]] = [{}]
    fail: list[int] = [0]
    output: list[str | None] = [None]

    for needle in needles:
        node = 0
        for char in needle:
            nxt = goto[node].get(char)
            if nxt is None:
                nxt = len(goto)
                goto[node][char] = nxt
                goto.append({})
                fail.append(0)
                output.append(None)
            node = nxt
        meter.add(len(needle) + 1)
        if needle and (output[node] is None or len(needle) > len(output[node])):
            output[node] = needle

    # Breadth-first: each node's failure link points at its longest proper suffix in the trie, and
    # it inherits that suffix's output so a match is seen at the node where it ends.
    queue = deque(goto[0].values())
    while queue:
        node = queue.popleft()
        for char, child in goto[node].items():
            queue.append(child)
            link = fail[node]
            while link and char not in goto[link]:
                link = fail[link]
                meter.add(1)
            fail[child] = goto[link].get(char, 0)  # child is deeper, so never itself
            if output[child] is None:
                output[child] = output[fail[child]]
            meter.add(1)

    node = 0
    for char in haystack:
        while node and char not in goto[node]:
            node = fail[node]
            meter.add(1)
        node = goto[node].get(char, 0)
        meter.add(1)
        if output[node] is not None:
            return output[node]
    return None
