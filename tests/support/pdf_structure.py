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


def figures(reader: PdfReader) -> list[tuple[str | None, list[str]]]:
    """Each ``Figure`` structure element's ``/Alt`` (``None`` without one), in document order,
    with the types of the elements beside it under the same parent (a drawing's ``Caption``)."""
    found: list[tuple[str | None, list[str]]] = []

    def walk(node, siblings: list[str]) -> None:
        node = node.get_object()
        if isinstance(node, list):
            for kid in node:
                walk(kid, siblings)
            return
        if not hasattr(node, "get"):
            return
        if str(node.get("/S", "")) == "/Figure":
            alt = node.get("/Alt")
            found.append((None if alt is None else str(alt), siblings))
        kids = node.get("/K")
        if kids is None:
            return
        kids = kids.get_object()
        kids = kids if isinstance(kids, list) else [kids]
        types = [_type(kid) for kid in kids]
        for kid in kids:
            walk(kid, types)

    root = reader.trailer["/Root"]
    if "/StructTreeRoot" in root:
        walk(root["/StructTreeRoot"], [])
    return found


def _type(node) -> str:
    node = node.get_object()
    return str(node.get("/S", "")).lstrip("/") if hasattr(node, "get") else ""
