"""The screen drawings: records, validation, rules in pictures, tailoring and accessibility."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest

from checker.rulesets import RULESETS, RuleSet
from checker.site.markdown.render import ShortcodeError
from checker.site.markdown.screens import check_steps
from checker.site.markdown.tailoring import tailor_screens
from checker.site.screens import NEUTRAL_ECF_HOST, STYLE, ScreenError, draw, figure, load
from checker.site.screens.records import SCREENS_TOML

NEW = RULESETS["pacer-2025"]
OLD = RULESETS["pacer-2021"]
ALL = tuple(load().screens)


def changed_length(rules: RuleSet, new_min: int) -> RuleSet:
    """``rules`` with the password length's minimum changed, as a record edit would."""
    changed = tuple(
        r.with_changes(params={"min": new_min}) if r.id == "password.length" else r
        for r in rules.rules
    )
    return RuleSet(name=rules.name, title=rules.title, summary=rules.summary, rules=changed)


def copy_records(tmp_path: Path, edit=None) -> Path:
    path = tmp_path / "screens.toml"
    shutil.copyfile(SCREENS_TOML, path)
    if edit:
        path.write_text(edit(path.read_text()))
    return path


# Records -------------------------------------------------------------------------------------

def test_every_record_has_a_source_and_a_check_date():
    data = tomllib.loads(SCREENS_TOML.read_text())
    for screen_id, record in data["screens"].items():
        assert "checked_on" in record, screen_id
        assert "source" in record, screen_id
    for screen in load().screens.values():
        assert str(screen.source).startswith(("seeds/", "https://")), screen.id


@pytest.mark.parametrize("screen_id", ALL)
@pytest.mark.parametrize("court_type", [None, "bankruptcy", "district"])
def test_every_screen_draws_with_real_text_and_a_name(screen_id, court_type):
    drawing = draw(screen_id, court_type=court_type)
    assert drawing.name.startswith("Drawing of ")
    assert drawing.caption.endswith(". Your screen may look different.")
    for svg in (drawing.svg, drawing.inline):
        assert 'role="img"' in svg
        assert f'aria-label="{drawing.name}"' in svg.replace("&#x27;", "'")
        assert "<text" in svg and "<image" not in svg and "href" not in svg
    assert drawing.svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "<style>" in drawing.svg and "<style>" not in drawing.inline
    # One outline and one numbered badge per highlight, numbered from 1.
    assert drawing.inline.count('class="o"') == len(drawing.highlights)
    numbers = re.findall(r'class="kn"[^>]*>(\d+)<', drawing.inline)
    assert numbers == [str(n) for n in range(1, len(drawing.highlights) + 1)]
    for label in drawing.highlights:
        assert label in drawing.controls


def test_the_security_tab_caption_and_name():
    drawing = draw("upgrade-security")
    assert drawing.caption == "Drawing of the Security tab. Your screen may look different."
    assert "1 Username" in drawing.name and "8 Submit" in drawing.name
    html = figure(drawing)
    assert html.startswith('<figure class="pacer-screen" data-screen="upgrade-security"')
    assert f"<figcaption>{drawing.caption}</figcaption>" in html
    assert "\n" not in html  # one line: a raw HTML block for Markdown


# Rules in pictures ---------------------------------------------------------------------------

def test_the_security_tab_states_the_rules_in_force():
    texts = draw("upgrade-security").texts
    length = NEW.rule("password.length").params
    assert f"Password: {length['min']}-{length['max']} characters." in texts
    old = OLD.rule("password.length").params
    assert not [t for t in texts if t.startswith(f"Password: {old['min']}-")]


def test_a_changed_rule_parameter_changes_the_security_tab_drawing():
    before = draw("upgrade-security")
    old_min = NEW.rule("password.length").params["min"]
    mutated = changed_length(NEW, old_min + 1)
    after = draw("upgrade-security", ruleset=mutated)
    new_line = f"Password: {old_min + 1}-{NEW.rule('password.length').params['max']} characters"
    assert any(t.startswith(new_line) for t in after.texts)
    assert not any(t.startswith(new_line) for t in before.texts)
    assert after.svg != before.svg
    # The password-change screen follows the same records.
    assert any(t.startswith(new_line) for t in draw("password-change", ruleset=mutated).texts)


def test_a_stale_number_typed_into_a_record_fails_naming_the_drawing(tmp_path):
    old = OLD.rule("password.length").params
    stale = f"Password: {old['min']}-{old['max']} characters."

    def edit(text: str) -> str:
        needle = '{ rules = "note" },'
        assert text.count(needle) == 1
        return text.replace(needle, f'{needle}\n  {{ note = "{stale}" }},')

    path = copy_records(tmp_path, edit)
    with pytest.raises(ScreenError) as caught:
        draw("upgrade-security", path=path)
    message = str(caught.value)
    assert "drawing 'upgrade-security'" in message
    assert "screens.toml [screens.upgrade-security]" in message
    assert stale in message
    # The same words under the old rule set are what that set says: no error.
    draw("upgrade-security", path=path, ruleset="pacer-2021")


# Tailoring -----------------------------------------------------------------------------------

def test_a_court_host_shows_in_the_address_bar_of_cm_ecf_screens_only():
    court = draw("ecf-login", host="ecf.mnd.uscourts.gov")
    assert "ecf.mnd.uscourts.gov" in court.texts
    assert NEUTRAL_ECF_HOST in draw("ecf-login").texts
    pacer = draw("pacer-login", host="ecf.mnd.uscourts.gov")
    assert "ecf.mnd.uscourts.gov" not in pacer.texts
    assert "pacer.psc.uscourts.gov" in pacer.texts


def test_the_menus_follow_the_court_type():
    district = draw("ecf-menu-after", host="ecf.mnd.uscourts.gov", court_type="district")
    bankruptcy = draw("ecf-menu-after", host="ecf.iasb.uscourts.gov", court_type="bankruptcy")
    both = draw("ecf-menu-after")
    assert {"Civil", "Criminal"} <= set(district.texts)
    assert not {"Bankruptcy", "Adversary"} & set(district.texts)
    assert {"Bankruptcy", "Adversary"} <= set(bankruptcy.texts)
    assert not {"Civil", "Criminal"} & set(bankruptcy.texts)
    assert district.highlights == ("Civil", "Criminal")
    # The generic guide: both variants, each labelled, numbered through.
    assert {"Bankruptcy courts:", "District courts:"} <= set(both.texts)
    assert both.highlights == ("Bankruptcy", "Adversary", "Civil", "Criminal")
    # A screen that looks the same for both types ignores the type.
    assert draw("ecf-login", court_type="district").svg == draw("ecf-login").svg


def test_an_unknown_court_type_or_screen_is_a_clear_error():
    with pytest.raises(ScreenError, match="court_type 'appellate'"):
        draw("ecf-login", court_type="appellate")
    with pytest.raises(ScreenError, match="no screen 'ecf-logon'; screens: pacer-home"):
        draw("ecf-logon")


# Validation: every error names the file and the key ------------------------------------------

@pytest.mark.parametrize(
    "old, new, message",
    [
        ('{ menu = ["Query"', '{ menu = ["@queries"', r"screens\.ecf-menu-before\.parts\[0\]\.menu\[0\]: unknown label '@queries'"),  # noqa: E501
        ('host = "ecf"\nhighlight = ["@utilities"]', 'host = "court"\nhighlight = ["@utilities"]', r"screens\.ecf-menu-before\.host: expected one of pacer, pacer-home, ecf"),  # noqa: E501
        ('highlight = ["@utilities"]', 'highlight = ["Search"]', r"screens\.ecf-menu-before\.highlight\[0\]: 'Search' is not a control"),  # noqa: E501
        ('{ qr = "placeholder" },', '{ qr = "otpauth://totp/x?secret=ABC" },', r"screens\.mfa-add-app\.parts\[4\]\.qr: only \"placeholder\""),  # noqa: E501
        ('{ field = "Client Code" }', '{ field = "Client Code", colour = "red" }', r"screens\.ecf-login\.parts\[4\]: field: unknown option\(s\) \['colour'\]"),  # noqa: E501
        ('seed = "002_f8ba32f901030d36.txt", step = "STEP 4"', 'seed = "009_missing.txt", step = "STEP 4"', r"screens\.ecf-menu-before\.source\.seed: no seed document"),  # noqa: E501
        ('[screens.ecf-menu-before]\n', '[screens.ecf-menu-before]\ncolour = "red"\n', r"screens\.ecf-menu-before: unknown key\(s\) \['colour'\]"),  # noqa: E501
        ('[screens.ecf-menu-before]\n', '[screens."ecf menu"]\n', r"screens\.ecf menu: an id is lower-case letters"),  # noqa: E501
    ],
    ids=["label", "host", "highlight", "qr", "option", "seed", "key", "id"],
)  # fmt: skip
def test_a_bad_record_names_the_file_and_key(tmp_path, old, new, message):
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    path = copy_records(tmp_path, edit)
    with pytest.raises(ScreenError, match=rf"^screens\.toml: {message}"):
        load(path)


def test_a_missing_checked_on_is_named(tmp_path):
    path = copy_records(tmp_path, lambda t: t.replace("checked_on = 2026-12-06\n", "", 1))
    message = r"screens\.toml: screens\.pacer-home: missing key 'checked_on'"
    with pytest.raises(ScreenError, match=message):  # noqa: E501
        load(path)


# Honest and accessible -----------------------------------------------------------------------

SEED_PERSONAL_DATA = ("Collette", "Derouen", "mx1595", "cmderouen", "mssb.uscourts.gov", "228-563")


def test_fictional_names_only():
    text = SCREENS_TOML.read_text()
    for personal in SEED_PERSONAL_DATA:
        assert personal not in text
    everything = " ".join(t for s in ALL for t in draw(s).texts)
    assert "Jane Doe" in everything and "Doe Law Office" in everything


def test_placeholders_never_carry_a_secret():
    drawing = draw("mfa-add-app")
    assert "(placeholder)" in drawing.texts
    codes = draw("mfa-backup-codes").texts
    assert [t for t in codes if "-" in t and t.replace("-", "").isalnum()] == ["XXXX-XXXX"] * 4


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_text_meets_aa_on_every_background_it_sits_on():
    rules = dict(re.findall(r"\.ps \.?([\w ]*?)\{([^}]*)\}", STYLE))
    fills = {name: re.search(r"fill:(#\w{6})", body) for name, body in rules.items()}
    text_colours = [fills[n].group(1) for n in ("text", "t", "h", "a", "lk", "hl") if fills[n]]
    shapes = ("bar", "btn", "tab", "menu", "note", "dlg")
    backgrounds = ["#ffffff"] + [fills[n].group(1) for n in shapes]
    for colour in text_colours:
        for background in backgrounds:
            assert contrast(colour, background) >= 4.5, (colour, background)
    # The badge's number on its disc, and the outline against white (non-text: 3:1).
    assert contrast("#ffffff", fills["k"].group(1)) >= 4.5
    outline = re.search(r"stroke:(#\w{6})", rules["o"]).group(1)
    assert contrast(outline, "#ffffff") >= 3
    # Black-and-white print: the outline is thick and dark, not a hue on a hue.
    assert "stroke-width:3" in rules["o"] and luminance(outline) < 0.2


def test_text_is_large_enough_at_320_px():
    # 320 units wide, drawn at most 1:1: no text under 12 px before the page scales it.
    sizes = [int(s) for s in re.findall(r"font-size:(\d+)px", STYLE)]
    assert min(sizes) >= 12
    assert all(draw(s).width == 320 for s in ALL)


# Steps and their drawings (the Markdown extension's check) -----------------------------------

STEP = """### Step 4: Open the Utilities menu

<!-- pacer:screen ecf-menu-before -->

Select **Utilities** on the menu bar.

The menu bar shows **Query**, **Reports**, **Help** and **Log Out**. Press **F5** to refresh.

??? note "An aside"

    Ask **the clerk**, or see `**Anything**` and `<!-- pacer:screen ecf-login -->`.
"""


def test_a_step_that_agrees_with_its_drawing_passes():
    check_steps(STEP)  # keys, asides and code are not the step's controls


def test_a_renamed_bold_control_is_named_with_its_drawing():
    with pytest.raises(ShortcodeError) as caught:
        check_steps(STEP.replace("**Utilities**", "**Tools**"))
    message = str(caught.value)
    assert message.startswith("line 5: step 'Step 4: Open the Utilities menu' names **Tools**")
    assert "drawing 'ecf-menu-before' does not show (screens.toml [screens.ecf-menu-before])" in (
        message
    )


def test_an_outline_the_step_does_not_name_is_named_with_the_step():
    step = STEP.replace("Select **Utilities** on the menu bar.", "Select the third menu.")
    step = step.replace("**Reports**, ", "Reports, ")
    with pytest.raises(ShortcodeError, match=(
        r"line 1: drawing 'ecf-menu-before' outlines 'Utilities', which step "
        r"'Step 4: Open the Utilities menu' does not name in bold"
    )):
        check_steps(step)


def test_a_bad_screen_shortcode_names_its_line():
    with pytest.raises(ShortcodeError, match=r"line 3: .*no screen 'ecf-menu'"):
        check_steps(STEP.replace("ecf-menu-before -->", "ecf-menu -->"))
    with pytest.raises(ShortcodeError, match=r"line 3: .*expected one screen id"):
        check_steps(STEP.replace("ecf-menu-before -->", "ecf-menu-before colour=red -->"))


def test_a_court_page_draws_its_host_and_court_type():
    markdown = (
        "<!-- pacer:screen ecf-login -->\n"
        "<!-- pacer:screen ecf-menu-after court_type=bankruptcy -->\n"
        "```\n<!-- pacer:screen ecf-login -->\n```"
    )
    tailored = tailor_screens(markdown, "ecf.mnd.uscourts.gov", "district").split("\n")
    assert tailored[0] == (
        "<!-- pacer:screen ecf-login host=ecf.mnd.uscourts.gov court_type=district -->"
    )
    assert tailored[1] == (
        "<!-- pacer:screen ecf-menu-after court_type=bankruptcy host=ecf.mnd.uscourts.gov -->"
    )
    assert tailored[3] == "<!-- pacer:screen ecf-login -->"  # an example in a fence stays


def test_rule_boxes_are_statements_the_verifier_reads_for_their_own_rule_set():
    from checker.site.screens.rulebox import lines
    from checker.verify import verify_text

    for name, rules in RULESETS.items():
        for box in ("note", "password"):
            text = lines(rules, box)
            # No lead-in: in a PDF the step's numbered actions follow the drawing's words.
            assert not [line for line in text if line.endswith(":")], (name, box)
            tail = "\n1. Enter a new username in Username.\n2. Enter your username again."
            assert verify_text("\n".join(text) + tail, box, rules) == [], (name, box)
    stale = verify_text("\n".join(lines(OLD, "note")), "note", NEW)
    assert any(m.rule_id == "password.length" for m in stale)


def test_a_label_drawn_but_never_said_is_named():
    step = STEP.replace("The menu bar shows **Query**, **Reports**, **Help** and **Log Out**.",
                        "The menu bar shows **Query**, **Reports** and **Help**.")
    with pytest.raises(ShortcodeError, match=(
        r"line 1: drawing 'ecf-menu-before' shows 'Log Out', which neither step "
        r"'Step 4: Open the Utilities menu' nor a step before it says"
    )):
        check_steps(step)
    # Said in an earlier step is enough: a reader without the picture has been told.
    check_steps("## Before\n\nThe menu bar ends with Log Out.\n\n" + step)
