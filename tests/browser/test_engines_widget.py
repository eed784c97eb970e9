"""The password checker works on the rules page of every engine's build, in real Chromium."""

from __future__ import annotations

import pytest
from browser_gates import PASSING_FIELDS
from builds import ENGINES, serve

from checker import check

ROOT = "[data-checker]"


@pytest.mark.parametrize("engine", ENGINES)
def test_widget_checks_on_the_rules_page(engine_sites, page, engine):
    with serve(engine_sites[engine]) as url:
        page.goto(f"{url}/rules/")
        page.wait_for_selector(f"{ROOT}[data-checker-ready]")
        for field, value in PASSING_FIELDS.items():
            page.fill(f"{ROOT} input[data-field='{field}']", value)
        states = page.eval_on_selector_all(
            f"{ROOT} [data-rule]",
            "items => Object.fromEntries(items.map(i => [i.dataset.rule, i.dataset.state]))",
        )
        assert states == check(PASSING_FIELDS).states
        assert page.get_attribute(f"{ROOT} [data-verdict]", "data-state") == "pass"
        page.fill(f"{ROOT} input[data-field='password']", "short")
        page.wait_for_function(
            "() => document.querySelector('[data-checker] [data-verdict]').dataset.state === 'fail'"
        )
