"""A tagged PDF's structure tree, read with pypdf: what the kit's tests and its benchmark count."""

from __future__ import annotations

from collections import Counter

from pypdf import PdfReader


def structure_counts(reader: PdfReader) -> Counter:
    """How many structure elements of each type (``H1``, ``L``, ``TH``...) the PDF's tree holds."""
    counts: Counter = Counter()
    root = reader.trailer["/Root"]
    stack = [root["/StructTreeRoot"]] if "/StructTreeRoot" in root else []
    while stack:
        node = stack.pop().get_object()
        if isinstance(node, list):
            stack.extend(node)
        elif hasattr(node, "get"):
            if "/S" in node:
                counts[str(node["/S"]).lstrip("/")] += 1
            kids = node.get("/K")
            if kids is not None:
                stack.extend(kids if isinstance(kids, list) else [kids])
    return counts
