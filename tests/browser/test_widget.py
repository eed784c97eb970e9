"""The widget's DOM contract, accessibility and fallbacks, with real key presses in Chromium."""

from __future__ import annotations

import pytest
from browser_gates import PASSING_FIELDS

from checker import check
from checker.engine import MAX_FIELD_LENGTH
from checker.rulesets import DEFAULT_RULESET, RULESETS
from checker.widget import bundle

ROOT = "[data-checker]"
PASSWORD = f"{ROOT} input[data-field='password']"
CONFIRM = f"{ROOT} input[data-field='confirm']"
FIELDS = ("username", "password", "confirm", "first_name", "last_name", "email")


@pytest.fixture
def rules_page(page, site_url):
    page.goto(f"{site_url}/rules/")
    page.wait_for_selector(f"{ROOT}[data-checker-ready]")
    return page


def dom_states(page) -> dict[str, str]:
    return page.eval_on_selector_all(
        f"{ROOT} [data-rule]",
        "items => Object.fromEntries(items.map(i => [i.dataset.rule, i.dataset.state]))",
    )


def verdict(page) -> str:
    return page.get_attribute(f"{ROOT} [data-verdict]", "data-state")


def assert_matches_python(page, values: dict[str, str], ruleset: str = DEFAULT_RULESET) -> None:
    report = check(values, ruleset=ruleset)
    assert page.get_attribute(ROOT, "data-ruleset") == ruleset
    assert dom_states(page) == report.states
    assert verdict(page) == ("pass" if report.ok else "fail")


def test_dom_contract_on_the_rules_page(rules_page):
    page = rules_page
    assert page.locator(ROOT).count() == 1
    fields = page.eval_on_selector_all(
        f"{ROOT} input[data-field]", "i => i.map(x => x.dataset.field)"
    )
    assert sorted(fields) == sorted(FIELDS)
    ids = page.eval_on_selector_all(f"{ROOT} [data-rule]", "i => i.map(x => x.dataset.rule)")
    assert ids == list(RULESETS[DEFAULT_RULESET].rule_ids)
    assert page.locator(f"{ROOT} [data-verdict]").count() == 1
    assert_matches_python(page, {})


def test_every_key_press_updates_the_states(rules_page):
    page = rules_page
    page.click(f"{ROOT} input[data-field='last_name']")
    page.keyboard.type("Doe")
    typed = ""
    for key in "xDOEaaa!Zq":
        page.click(PASSWORD)
        page.keyboard.press("End")
        page.keyboard.type(key)
        typed += key
        assert_matches_python(page, {"last_name": "Doe", "password": typed})
    for _ in range(4):
        page.keyboard.press("Backspace")
        typed = typed[:-1]
        assert_matches_python(page, {"last_name": "Doe", "password": typed})


def test_filled_values_match_python_pass_and_fail(rules_page):
    page = rules_page
    passing = PASSING_FIELDS
    for field, value in passing.items():
        page.fill(f"{ROOT} input[data-field='{field}']", value)
    assert_matches_python(page, passing)
    assert verdict(page) == "pass"
    page.fill(CONFIRM, "Blue-Harbor-Lamp-43")
    assert_matches_python(page, {**passing, "confirm": "Blue-Harbor-Lamp-43"})
    assert verdict(page) == "fail"


def test_rule_set_switch(rules_page):
    page = rules_page
    page.fill(PASSWORD, "Short!Aa1")
    assert_matches_python(page, {"password": "Short!Aa1"})
    assert dom_states(page)["password.length"] == "fail"

    page.check(f"{ROOT} input[type=radio][value='pacer-2021']")
    assert_matches_python(page, {"password": "Short!Aa1"}, "pacer-2021")
    assert dom_states(page)["password.length"] == "pass"
    texts = page.eval_on_selector_all(
        f"{ROOT} [data-rule] .pacer-checker-text", "i => i.map(x => x.textContent)"
    )
    assert texts == [rule.text() for rule in RULESETS["pacer-2021"].rules]
    # The fields keep what was typed, and typing goes on checking against the chosen set.
    page.fill(f"{ROOT} input[data-field='first_name']", "Aa1")
    assert_matches_python(page, {"password": "Short!Aa1", "first_name": "Aa1"}, "pacer-2021")

    page.check(f"{ROOT} input[type=radio][value='{DEFAULT_RULESET}']")
    assert_matches_python(page, {"password": "Short!Aa1", "first_name": "Aa1"})


def test_inputs_carry_the_bound_and_invite_no_password_saving(rules_page):
    page = rules_page
    attrs = page.eval_on_selector_all(
        f"{ROOT} input[data-field]",
        """inputs => Object.fromEntries(inputs.map(i => [i.dataset.field, {
               type: i.type, autocomplete: i.getAttribute('autocomplete'),
               maxlength: i.maxLength, name: i.hasAttribute('name'), form: i.form !== null,
               spellcheck: i.getAttribute('spellcheck'),
               ignored: ['data-1p-ignore', 'data-lpignore', 'data-bwignore', 'data-form-type']
                   .filter(a => i.hasAttribute(a)).length}]))""",
    )
    no_save = {"autocomplete": "off", "ignored": 4}
    expected = {
        "username": {"type": "text", **no_save},
        "password": {"type": "password", **no_save},
        "confirm": {"type": "password", **no_save},
        "first_name": {"type": "text", "autocomplete": "given-name", "ignored": 0},
        "last_name": {"type": "text", "autocomplete": "family-name", "ignored": 0},
        "email": {"type": "email", "autocomplete": "email", "ignored": 0},
    }
    common = {"maxlength": MAX_FIELD_LENGTH, "name": False, "form": False, "spellcheck": "false"}
    assert attrs == {field: {**want, **common} for field, want in expected.items()}
    # Nothing can be submitted: no form around or inside the widget, no submit control.
    assert page.locator(f"{ROOT} form, form {ROOT}").count() == 0
    assert page.locator(f"{ROOT} [type=submit], {ROOT} button:not([type=button])").count() == 0
    page.fill(PASSWORD, "Tr1cky!Passw0rdz")
    page.press(PASSWORD, "Enter")
    assert page.input_value(PASSWORD) == "Tr1cky!Passw0rdz", "Enter submitted or reloaded"


def test_typing_stops_at_the_bound_and_a_longer_value_is_cut(rules_page):
    page = rules_page
    page.fill(PASSWORD, "")
    page.click(PASSWORD)
    page.keyboard.insert_text("Ab1!" * MAX_FIELD_LENGTH)  # a paste four times the bound
    assert len(page.input_value(PASSWORD)) == MAX_FIELD_LENGTH
    assert_matches_python(page, {"password": page.input_value(PASSWORD)})
    # A script (or a form filler) can set more than maxlength: the widget cuts it the same way.
    page.eval_on_selector(
        PASSWORD,
        """(i, n) => { i.value = 'x'.repeat(n);
                       i.dispatchEvent(new Event('input', {bubbles: true})) }""",
        MAX_FIELD_LENGTH * 256,
    )
    assert page.input_value(PASSWORD) == "x" * MAX_FIELD_LENGTH
    assert_matches_python(page, {"password": "x" * MAX_FIELD_LENGTH})


def test_show_hide_button(rules_page):
    page = rules_page
    button = page.locator(f"{ROOT} button[aria-controls]").first
    controlled = button.get_attribute("aria-controls")
    assert page.get_attribute(f"#{controlled}", "data-field") == "password"
    assert button.get_attribute("type") == "button"
    page.fill(PASSWORD, "Secret!Value1")
    assert page.get_attribute(PASSWORD, "type") == "password"
    assert button.inner_text() == "Show password"
    button.click()
    assert page.get_attribute(PASSWORD, "type") == "text"
    assert button.inner_text() == "Hide password"
    assert page.input_value(PASSWORD) == "Secret!Value1"
    button.focus()
    page.keyboard.press("Enter")
    assert page.get_attribute(PASSWORD, "type") == "password"
    page.keyboard.press("Space")
    assert page.get_attribute(PASSWORD, "type") == "text"


def test_rules_come_first_and_describe_the_password(rules_page):
    page = rules_page
    described = page.get_attribute(PASSWORD, "aria-describedby")
    assert described
    inside = page.eval_on_selector_all(
        f"#{described} [data-rule]", "items => items.map(i => i.dataset.rule)"
    )
    assert inside == list(RULESETS[DEFAULT_RULESET].rule_ids)
    before = page.evaluate(
        """([list, input]) => Boolean(document.getElementById(list).compareDocumentPosition(
               document.querySelector(input)) & Node.DOCUMENT_POSITION_FOLLOWING)""",
        [described, PASSWORD],
    )
    assert before
    labels = page.eval_on_selector_all(
        f"{ROOT} input[data-field]", "i => i.map(x => x.labels.length && x.labels[0].innerText)"
    )
    assert all(labels)


def test_states_are_words_and_icons_not_colour_alone(rules_page):
    page = rules_page
    page.fill(PASSWORD, "aaa")
    words = page.eval_on_selector_all(
        f"{ROOT} [data-rule]",
        """items => items.map(i => [i.dataset.state,
               i.querySelector('.pacer-checker-state').textContent,
               i.querySelector('[aria-hidden=true]').textContent])""",
    )
    seen = {state: (word, icon) for state, word, icon in words}
    assert set(seen) == {"pass", "fail", "skip"}
    assert len({word for word, _ in seen.values()}) == 3
    assert len({icon for _, icon in seen.values()}) == 3
    assert all(word.strip() and icon.strip() for word, icon in seen.values())


def test_one_polite_live_region_after_a_pause(page, site_url):
    page.clock.install()
    page.goto(f"{site_url}/rules/")
    page.wait_for_selector(f"{ROOT}[data-checker-ready]")
    live = page.locator(f"{ROOT} [aria-live]")
    assert live.count() == 1
    assert live.get_attribute("aria-live") == "polite"
    assert live.get_attribute("role") == "status"
    pause = page.evaluate("PacerChecker.pauseMs")
    page.clock.run_for(pause + 100)
    first = live.text_content()
    assert first == "", "nothing is announced before the reader does anything"

    page.click(PASSWORD)
    for key in "Tr1cky!":
        page.keyboard.type(key)
        # Keys closer together than the pause: nothing is announced yet.
        page.clock.run_for(pause // 2)
        assert live.text_content() == first
    page.clock.run_for(pause)
    announced = live.text_content()
    assert announced != first
    states = check({"password": "Tr1cky!"}).states
    met = sum(state == "pass" for state in states.values())
    assert f"{met} of {len(states)} rules met" in announced


def test_keyboard_only(rules_page):
    page = rules_page
    page.focus(f"{ROOT} input[type=radio]:checked")
    page.keyboard.press("ArrowDown")
    assert page.get_attribute(ROOT, "data-ruleset") == "pacer-2021"
    order = []
    for _ in range(8):
        page.keyboard.press("Tab")
        order.append(page.evaluate(
            "() => document.activeElement.dataset.field || document.activeElement.dataset.toggle"
        ))
    assert order == ["username", "password", "password", "confirm", "confirm", "first_name",
                     "last_name", "email"]
    page.keyboard.press("Shift+Tab")
    page.keyboard.type("Doe")
    for _ in range(5):
        page.keyboard.press("Shift+Tab")
    assert page.evaluate("() => document.activeElement.dataset.field") == "password"
    page.keyboard.type("xdoeX!yy")
    assert_matches_python(page, {"last_name": "Doe", "password": "xdoeX!yy"}, "pacer-2021")
    assert dom_states(page)["password.name"] == "fail"


def test_without_javascript_the_rules_show_as_text(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/rules/")
        root = page.locator(ROOT)
        assert root.is_visible()
        text = root.inner_text()
        for rule in RULESETS[DEFAULT_RULESET].rules:
            assert rule.text() in text
        assert "JavaScript" in text
        assert page.locator(f"{ROOT} input").count() == 0
        # Fallback sentences are prose (data-rule without data-state), for the drift verifier.
        assert page.locator(f"{ROOT} [data-rule][data-state]").count() == 0
    finally:
        context.close()


def test_prose_rule_spans_never_carry_a_state(rules_page):
    page = rules_page
    outside = page.eval_on_selector_all(
        "[data-rule]", "items => items.filter(i => !i.closest('[data-checker]'))"
        ".map(i => i.hasAttribute('data-state'))",
    )
    assert outside and not any(outside)
    inside = page.eval_on_selector_all(
        f"{ROOT} [data-rule]", "items => items.map(i => i.hasAttribute('data-state'))"
    )
    assert inside and all(inside)


def test_webmaster_snippet_works_offline(page):
    """The snippet from docs/webmasters.md on a page with no server at all."""
    page.set_content('<main><div data-checker data-ruleset="pacer-2021"></div></main>')
    page.add_script_tag(content=bundle())
    page.wait_for_selector(f"{ROOT}[data-checker-ready]")
    assert page.locator(f"{ROOT} input[data-field]").count() == len(FIELDS)
    page.fill(PASSWORD, "Short!Aa1")
    assert_matches_python(page, {"password": "Short!Aa1"}, "pacer-2021")
    # Setting up twice (as instant navigation may) does not duplicate the widget.
    page.evaluate("PacerChecker.initAll()")
    assert page.locator(f"{ROOT} input[data-field='password']").count() == 1


def test_two_widgets_on_one_page_stay_independent(page):
    page.set_content("<div id=a data-checker></div><div id=b data-checker></div>")
    page.add_script_tag(content=bundle())
    page.fill("#a input[data-field='password']", "Tr1cky!Passw0rdz")
    assert page.get_attribute("#a [data-verdict]", "data-state") == "pass"
    assert page.get_attribute("#b [data-verdict]", "data-state") == "fail"
    ids = page.eval_on_selector_all("[id]", "els => els.map(e => e.id)")
    assert len(ids) == len(set(ids))


def _rule_values() -> tuple[set[int], set[str]]:
    numbers, texts = set(), set()
    for ruleset in RULESETS.values():
        for rule in ruleset.rules:
            texts.add(rule.text())
            for value in rule.params.values():
                if isinstance(value, bool):
                    continue
                if isinstance(value, int):
                    numbers.add(value)
                elif isinstance(value, str) and len(value) > 1:
                    texts.add(value)
    return numbers, texts


def test_widget_js_holds_no_rule():
    """Numbers, character sets and sentences reach the script only through the rules JSON."""
    import re

    from checker.widget import SCRIPT

    source = SCRIPT.read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", source, flags=re.S)
    literals = {int(n, 0) for n in re.findall(r"\b(?:0x[0-9a-f]+|\d+)\b", code, flags=re.I)}
    numbers, texts = _rule_values()
    assert numbers, "the rule sets have numeric parameters"
    assert not literals & numbers, sorted(literals & numbers)
    assert not [text for text in texts if text in source]
    assert '"@@PACER_RULES@@"' in source
