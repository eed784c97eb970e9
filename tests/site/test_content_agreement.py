"""The guides agree with each other, read from the BUILT pages (issue 25).

- Two account terms are defined once, on the firm guide, and the upgrade, firm, MFA and account
  pages use them: a "firm-wide shared account" cannot e-file; an "attorney's own account used by
  staff" is allowed by PACER and discouraged by some courts. No sentence says an account "cannot
  be shared" without naming the firm-wide kind, so no page contradicts the staff-use term.
- MFA enrollment advice is one: enroll when PACER prompts you. No page says to set up MFA "at any
  time"; the MFA and "what changed" pages state the enroll-when-prompted fact.
- Attorney pages speak in the attorneys' voice: no "we could not read", "we do not know".
- The two new pages ("Filers who are not attorneys", "Something went wrong") are in the nav and
  linked from the start page, and every section of theirs links a source the site lists.

Each check is a function over text or a parsed page, so the tests below also prove that it
catches the sentence it exists to catch.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from sections import listed_sources, page_soup, section_links, unlink_section

TERM_FIRM_WIDE = "firm-wide shared account"
TERM_STAFF_USE = "attorney's own account used by staff"
DEFINITIONS = ("firms.md", "two-kinds-of-shared-account")
# Pages that talk about sharing an account and must use the two terms (issue 25, part 1).
TERM_PAGES = ("upgrade.md", "firms.md", "mfa.md", "account.md")
NEW_PAGES = ("other-filers.md", "troubleshooting.md")
# Every page written for attorneys (and other filers); reference, webmasters and sources are not.
ATTORNEY_PAGES = (
    "index.md", "upgrade.md", "link.md", "mfa.md", "firms.md", "account.md",
    "password-change.md", "changes.md", "rules.md", *NEW_PAGES,
)  # fmt: skip
# One generated court page: the link guide as a court reads it.
COURT_PAGE = "courts/mnd.md"

_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[A-Z\"“(])")
_SHARE = re.compile(r"\bshar(?:e|ed|es|ing)\b", re.IGNORECASE)
_DENIAL = re.compile(
    r"\b(?:cannot|can ?not|can't|can no longer|no longer|must not|may not|do not|don't"
    r"|not allowed|never)\b",
    re.IGNORECASE,
)
# Sharing a computer or a vault is another matter: the check reads sentences about accounts.
_ACCOUNT = re.compile(r"\baccounts?\b|\blog(?:ins?| in)\b", re.IGNORECASE)
_ANY_TIME_MFA = re.compile(
    r"\b(?:set up|enroll(?:ing)?(?: in)?|turn on)\b[^.]{0,60}?"
    r"\b(?:at any time|any time you like|now, before PACER asks)",
    re.IGNORECASE,
)
RESEARCH_VOICE = re.compile(
    r"\bwe (?:could not|couldn't|cannot|can't|do not|don't|did not)"
    r" (?:read|know|find|verify|confirm)|\bthat we (?:read|could find)\b|\bnot available to us\b"
    r"|\bour research\b",
    re.IGNORECASE,
)


def article_of(page: BeautifulSoup) -> BeautifulSoup:
    return page.select_one("article") or page


def text_of(page: BeautifulSoup) -> str:
    return " ".join(article_of(page).get_text(" ").split())


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


# ---- the checks ----------------------------------------------------------------------------------


def sharing_denials(text: str) -> list[str]:
    """Sentences that deny sharing an account without saying which kind: they contradict the
    'attorney's own account used by staff' term, which PACER allows."""
    return [
        s for s in sentences(text)
        if _SHARE.search(s) and _DENIAL.search(s) and _ACCOUNT.search(s)
        and TERM_FIRM_WIDE not in s.lower()
    ]  # fmt: skip


def any_time_enrollment(text: str) -> list[str]:
    """Sentences that invite enrolling in MFA whenever you like, against 'enroll when prompted'."""
    return [s for s in sentences(text) if _ANY_TIME_MFA.search(s)]


def research_voice(text: str) -> list[str]:
    return [match.group(0) for match in RESEARCH_VOICE.finditer(text)]


def definitions(page: BeautifulSoup) -> dict[str, str]:
    """Defined term (lower case) -> its definition, from the page's definition lists."""
    found = {}
    for term in article_of(page).find_all("dt"):
        description = term.find_next_sibling("dd")
        found[" ".join(term.get_text(" ").split()).lower()] = (
            " ".join(description.get_text(" ").split()) if description else ""
        )
    return found


def links_to(page: BeautifulSoup, target: str, fragment: str = "") -> bool:
    """Does the article link to ``target`` (a built page's folder, such as 'firms/')?"""
    for link in article_of(page).find_all("a", href=True):
        href = link["href"]
        path, _, anchor = href.partition("#")
        if path.rstrip("/").endswith(target.rstrip("/")) and (not fragment or anchor == fragment):
            return True
    return False


def unsourced_sections(page: BeautifulSoup, listed: set[str]) -> list[str]:
    """Sections with content that link no source the site lists."""
    return [section for section, links in section_links(page).items() if not links & listed]


# ---- the two account terms -----------------------------------------------------------------------


def test_the_two_terms_are_defined_once_on_the_firm_guide(built_site):
    page, anchor = DEFINITIONS
    defined = definitions(page_soup(built_site, page))
    assert page_soup(built_site, page).find(id=anchor), f"{page} has no #{anchor}"
    assert "cannot be used to e-file" in defined[TERM_FIRM_WIDE]
    assert "PACER allows it" in defined[TERM_STAFF_USE]
    assert "Some courts discourage it" in defined[TERM_STAFF_USE]
    elsewhere = [
        other
        for other in ATTORNEY_PAGES
        if other != page
        and {TERM_FIRM_WIDE, TERM_STAFF_USE} & definitions(page_soup(built_site, other)).keys()
    ]
    assert not elsewhere, f"the terms are defined again on {elsewhere}"


@pytest.mark.parametrize("page", TERM_PAGES)
def test_the_pages_about_sharing_use_both_terms(built_site, page):
    soup = page_soup(built_site, page)
    text = text_of(soup).lower()
    assert TERM_FIRM_WIDE in text, f"{page} does not say {TERM_FIRM_WIDE!r}"
    assert TERM_STAFF_USE in text, f"{page} does not say {TERM_STAFF_USE!r}"
    if page != DEFINITIONS[0]:
        assert links_to(soup, "firms/", DEFINITIONS[1]), f"{page} does not link the definitions"


@pytest.mark.parametrize("page", (*ATTORNEY_PAGES, COURT_PAGE))
def test_no_page_denies_sharing_without_naming_the_firm_wide_kind(built_site, page):
    found = sharing_denials(text_of(page_soup(built_site, page)))
    assert not found, f"{page} contradicts the staff-use term:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "sentence",
    [
        "After the upgrade, you can no longer share the account with other people.",
        "A shared PACER account cannot be used to e-file.",
        "Do not log in with a shared firm PACER account.",
    ],
)
def test_the_sharing_check_catches_the_old_sentences(sentence):
    assert sharing_denials(f"Select Submit. {sentence} Then go on.") == [sentence]


def test_the_sharing_check_passes_the_new_sentences():
    text = (
        "Do not use this page on a shared or public computer. "
        "A firm-wide shared account cannot be used to e-file. Staff may still share one to search. "
        "It can no longer be a firm-wide shared account. Check your state bar's rules before you "
        "share notices with any company."
    )
    assert sharing_denials(text) == []


def test_a_contradiction_injected_into_a_built_page_is_caught(built_site):
    soup = page_soup(built_site, "upgrade.md")
    assert sharing_denials(text_of(soup)) == []
    note = soup.new_tag("p")
    note.string = "After the upgrade, you can no longer share the account with other people."
    article_of(soup).append(note)
    assert sharing_denials(text_of(soup)) == [note.string]


# ---- MFA enrollment ------------------------------------------------------------------------------


def test_no_court_page_or_the_checklist_denies_sharing_or_speaks_as_researchers(built_site):
    """Every court's page and the checklist carry court notes and contacts: they use the
    firm-wide term too, and the attorneys' voice."""
    pages = sorted((built_site / "courts").glob("*/index.html"))
    assert len(pages) > 180, "the court pages are missing"
    found = {}
    for path in pages:
        text = text_of(BeautifulSoup(path.read_text(), "html.parser"))
        if problems := sharing_denials(text) + research_voice(text):
            found[path.parent.name] = problems
    assert found == {}


@pytest.mark.parametrize("page", (*ATTORNEY_PAGES, COURT_PAGE))
def test_no_page_invites_enrolling_in_mfa_at_any_time(built_site, page):
    found = any_time_enrollment(text_of(page_soup(built_site, page)))
    assert not found, f"{page}:\n" + "\n".join(found)


@pytest.mark.parametrize("page", ("mfa.md", "changes.md"))
def test_the_mfa_pages_say_enroll_when_prompted(built_site, page):
    soup = page_soup(built_site, page)
    assert soup.select('[data-fact="mfa-enroll-when-prompted"]'), page
    assert soup.select('[data-fact="mfa-who"]'), page
    assert "only when it prompts you" in text_of(soup)


def test_the_start_page_sends_notice_only_accounts_to_mfa(built_site):
    text = text_of(page_soup(built_site, "index.md"))
    assert "MFA is required for you, even if you never file" in text
    assert "MFA is optional for you" in text  # search-only accounts may opt in


@pytest.mark.parametrize(
    "sentence, caught",
    [
        ("You can still set up MFA at any time.", True),
        ("To set up MFA at any time: log in.", True),
        ("You may enroll in MFA at any time.", True),
        ("The software can then log in as you at any time.", False),
        ("If PACER has not asked you, wait for the prompt.", False),
    ],
)
def test_the_enrollment_check(sentence, caught):
    assert bool(any_time_enrollment(sentence)) is caught


# ---- voice ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", ATTORNEY_PAGES)
def test_attorney_pages_do_not_speak_in_the_research_voice(built_site, page):
    found = research_voice(text_of(page_soup(built_site, page)))
    assert not found, f"{page}: {found}"


@pytest.mark.parametrize(
    "sentence",
    [
        "We could not read that part of PACER's latest tips.",
        "So we do not know which number is current.",
        "PACER's pages that we read do not say so.",
    ],
)
def test_the_voice_check_catches_research_talk(sentence):
    assert research_voice(sentence)


def test_the_voice_check_passes_the_attorneys_voice():
    text = "PACER's pages differ: one says five, another says ten. Plan for five."
    assert research_voice(text) == []


# ---- the new pages -------------------------------------------------------------------------------


@pytest.mark.parametrize("page", NEW_PAGES)
def test_the_new_pages_are_in_the_nav(built_site, page):
    nav = page_soup(built_site, "index.md").select_one("nav.md-nav--primary")
    assert nav is not None, "the start page has no primary navigation"
    folder = page[:-3] + "/"
    hrefs = [a["href"] for a in nav.find_all("a", href=True)]
    assert any(href.rstrip("/").endswith(folder.rstrip("/")) for href in hrefs), (page, hrefs)


@pytest.mark.parametrize("page", NEW_PAGES)
def test_the_start_page_routes_to_the_new_pages(built_site, page):
    assert links_to(page_soup(built_site, "index.md"), page[:-3] + "/"), page


@pytest.mark.parametrize("page", NEW_PAGES)
def test_every_section_of_the_new_pages_links_a_listed_source(built_site, page):
    problems = unsourced_sections(page_soup(built_site, page), listed_sources(built_site))
    assert not problems, f"{page}: sections without a listed source: {problems}"


def test_a_section_without_a_source_is_caught(built_site):
    soup = page_soup(built_site, "troubleshooting.md")
    listed = listed_sources(built_site)
    assert unsourced_sections(soup, listed) == []
    unlink_section(soup, "your-account-is-locked")
    assert unsourced_sections(soup, listed) == ["your-account-is-locked"]


@pytest.mark.parametrize(
    "page, anchor",
    [
        ("link.md", "pacer-says-your-login-is-invalid"),
        ("link.md", "the-filing-menus-are-missing-after-you-link"),
        ("link.md", "you-linked-the-wrong-account"),
        ("link.md", "pacer-asks-for-a-client-code"),
        ("mfa.md", "pacer-shows-user-update-required"),
        ("mfa.md", "you-lost-your-mfa-method-and-have-no-backup-codes"),
        ("password-change.md", "pacer-says-your-account-is-disabled"),
    ],
)
def test_the_steps_link_their_answer_in_something_went_wrong(built_site, page, anchor):
    assert page_soup(built_site, "troubleshooting.md").find(id=anchor), anchor
    assert links_to(page_soup(built_site, page), "troubleshooting/", anchor), (page, anchor)
