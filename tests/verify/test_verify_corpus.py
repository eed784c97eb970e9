"""Recall and precision of the verifier on how courts really write the rules (the corpus)."""

from __future__ import annotations

import copy

import pytest
import yaml
from verify_corpus import CORPUS, HELDOUT, KINDS, CorpusError, load, score


def test_corpus_is_large_and_varied():
    cases = load()
    assert len(cases) >= 300
    assert len({case.source for case in cases}) >= 100
    stale = [c for c in cases if any(c.expect.values())]
    true = [c for c in cases if not all(c.expect.values()) and "none" not in c.kinds]
    non_rules = [c for c in cases if c.kinds == ("none",)]
    assert len(stale) >= 20 and len(true) >= 20 and len(non_rules) >= 15
    assert {kind for c in cases for kind in c.kinds} == set(KINDS)


def test_recall_and_precision_are_100_percent_per_kind(capsys):
    result = score(load())
    with capsys.disabled():
        print(f"\nverify corpus ({CORPUS.name}): recall = stale caught, precision = true passed")
        print(result.table())
    assert result.wrong == []
    for kind in KINDS:
        assert result.caught[kind] == result.stale[kind], kind
        assert result.passed[kind] == result.true[kind], kind
    assert sum(result.stale.values()) > 0 and sum(result.true.values()) > 0


def test_heldout_set_is_valid_and_its_score_is_printed(capsys):
    """The held-apart set only measures: its score is printed, never asserted (nor tuned on)."""
    cases = load(HELDOUT)
    assert len(cases) >= 60
    assert len({case.source for case in cases}) >= 30
    result = score(cases)
    wrong_cases = {line.split(" under ")[0] for line in result.wrong}
    with capsys.disabled():
        print(f"\nheld-apart set ({HELDOUT.name}): recall = stale caught, precision = true passed")
        print(result.table())
        print(
            f"cases read wholly right under both rule sets: {len(cases) - len(wrong_cases)}"
            f" of {len(cases)}"
        )


def test_heldout_set_and_corpus_share_no_text_and_no_source():
    heldout, corpus = load(HELDOUT), load()
    assert not {case.text for case in heldout} & {case.text for case in corpus}
    assert not {case.source for case in heldout} & {case.source for case in corpus}
    assert not {case.id for case in heldout} & {case.id for case in corpus}


def test_a_wrong_expectation_is_reported(tmp_path):
    raw = yaml.safe_load(CORPUS.read_text())
    first = copy.deepcopy(raw[0])
    first["expect"]["pacer-2025"] = ["password.length"]  # the case is true under pacer-2025
    path = tmp_path / "c.yml"
    path.write_text(yaml.safe_dump([first]))
    result = score(load(path))
    assert len(result.wrong) == 1 and result.caught["length"] < result.stale["length"]


@pytest.mark.parametrize(
    "change, message",
    [
        ({"format": "pdf"}, "format must be one of"),
        ({"kinds": ["spelling"]}, "kinds must be"),
        ({"expect": {"pacer-2025": []}}, "expect must name exactly"),
        ({"expect": {"pacer-2021": ["password.size"], "pacer-2025": []}}, "rule ids"),
        ({"source": "somewhere"}, "source must be"),
        ({"text": ""}, "text must be"),
    ],
)
def test_a_bad_case_is_refused_naming_it(tmp_path, change, message):
    case = {**yaml.safe_load(CORPUS.read_text())[0], **change}
    path = tmp_path / "c.yml"
    path.write_text(yaml.safe_dump([case]))
    with pytest.raises(CorpusError, match=message) as error:
        load(path)
    assert "pacer-2025-bullets" in str(error.value)


def test_the_webmasters_page_gives_the_corpus_figures():
    page = (CORPUS.parents[2] / "docs" / "webmasters.md").read_text(encoding="utf-8")
    cases = load()
    pages = len({case.source for case in cases})
    assert f"on {len(cases)} statements of rules from {pages} pages" in page


def test_the_pre_scan_lets_every_stale_case_through():
    """The pre-scan skips a page only when it cannot state a rule: every case the verifier must
    flag passes it, read as a whole page (HTML) or a whole file (text)."""
    from checker.verify import may_state_rules

    stopped = [
        case.id for case in load()
        if any(case.expect.values()) and not may_state_rules(case.text, case.format == "html")
    ]  # fmt: skip
    assert stopped == []
