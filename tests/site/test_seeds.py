"""The seeds are kept verbatim: the project's copies equal the team's shared originals."""

from __future__ import annotations

import pytest
from builds import ROOT

SHARED = ROOT.parent / "shared" / "seeds"  # CI clones the project with shared/ beside it
SEEDS = ROOT / "seeds"


def test_every_seed_is_in_the_project():
    names = sorted(p.name for p in SEEDS.glob("0*.txt"))
    assert len(names) == 5
    assert (SEEDS / "INDEX.md").exists()


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"no shared seeds at {SHARED}")
def test_seeds_are_byte_for_byte_the_shared_originals():
    originals = sorted(SHARED.glob("*.txt")) + [SHARED / "INDEX.md"]
    assert originals
    for original in originals:
        assert (SEEDS / original.name).read_bytes() == original.read_bytes(), original.name
