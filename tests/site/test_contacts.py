"""Each court's CM/ECF help contact: a court data record taken from the court's own website.

The records (checker/site/data/court_facts.json, key "contact") are checked here as data: a source
on the court's own host, a checked_on, every phone and email in the quoted text. The importer that
merges the research files into the data, the schema's errors, and what a court page says with and
without a contact are tested on small copies of the data.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from checker.site.checks.facts_due import stale_facts_report
from checker.site.cli import main as site_main
from checker.site.courts.contacts import import_contacts
from checker.site.courts.pages import contact_html, facts_panel
from checker.site.courts.registry import (
    DEFAULT_CSV,
    CourtDataError,
    load_registry,
    on_court_host,
    site_partners,
)

DATA = DEFAULT_CSV.parent
COVERAGE_GOAL = 150  # issue 19's goal: 150 of the 188 court pages show a sourced contact
COVERAGE_FLOOR = 138  # what the data holds: raise it with the data, never lower it

MND = {
    "label": "CM/ECF Help Desk",
    "phone": ["(612) 664-5155", "(866) 325-4975"],
    "email": "ecfhelpdesk@mnd.uscourts.gov",
    "hours": "",
    "general": False,
    "seen": "",
    "source": {"title": "CM/ECF Media Accounts", "url": "https://www.mnd.uscourts.gov/ecf-media"},
    "quote": "CM/ECF Helpdesk:: 612-664-5155 or 1-866-325-4975 or ecfhelpdesk@mnd.uscourts.gov",
}


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def copy_data(folder: Path) -> Path:
    """A copy of the court data without any help contact, so a test sets the ones it needs."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("courts.csv", "courts.meta.json"):
        shutil.copy(DATA / name, folder / name)
    facts = json.loads((DATA / "court_facts.json").read_text(encoding="utf-8"))
    for court in facts["courts"].values():
        court.pop("contact", None)
    (folder / "court_facts.json").write_text(json.dumps(facts), encoding="utf-8")
    return folder / "courts.csv"


def set_contact(csv_path: Path, court_id: str, contact: dict) -> None:
    facts_path = csv_path.with_name("court_facts.json")
    facts = json.loads(facts_path.read_text(encoding="utf-8"))
    facts["courts"].setdefault(court_id, {})["contact"] = contact
    facts_path.write_text(json.dumps(facts), encoding="utf-8")


# ---- the data ------------------------------------------------------------------------------


def contacts(registry):
    return [c.facts.contact for c in registry if c.facts.contact and c.facts.contact.found]


def test_every_contact_has_a_source_on_the_courts_own_host_and_a_checked_on(registry):
    found = contacts(registry)
    for contact in found:
        court = registry.get(contact.court_id)
        host = urlsplit(contact.source.url).hostname
        assert host.rstrip(".").endswith(".uscourts.gov"), (court.id, contact.source.url)
        assert on_court_host(contact.source.url, court, site_partners(court, registry.courts))
        assert isinstance(contact.checked_on, dt.date), court.id
        assert contact.source.title.strip(), court.id
    searched = [c.facts.contact for c in registry if c.facts.contact and not c.facts.contact.found]
    assert all(isinstance(c.checked_on, dt.date) and c.none for c in searched)


def test_every_phone_and_email_appears_in_its_quote(registry):
    for contact in contacts(registry):
        quote_digits = re.sub(r"\D", "", contact.quote)
        for phone in contact.phones:
            number = re.sub(r"\D", "", phone.split(" ext.")[0])
            assert number in quote_digits, (contact.court_id, phone, contact.quote)
        if contact.email:
            assert contact.email.lower() in contact.quote.lower(), contact.court_id
        assert contact.phones or contact.email, contact.court_id


def test_no_contact_is_the_pacer_service_centers(registry):
    for contact in contacts(registry):
        assert "8006766856" not in {re.sub(r"\D", "", p) for p in contact.phones}
        assert contact.email.lower() != "pacer@psc.uscourts.gov"


def test_contact_coverage(registry, capsys):
    """Reports the coverage and fails when it falls: at least COVERAGE_FLOOR courts (the count
    the data holds now) show a sourced contact, and every other court was searched (its record
    says which queries found nothing), so no court is left out silently."""
    found = contacts(registry)
    general = sum(1 for c in found if c.general)
    searched = sum(1 for c in registry if c.facts.contact and not c.facts.contact.found)
    with capsys.disabled():
        print(
            f"\nCourt help contacts: {len(found)} of {len(registry)} courts "
            f"({general} the clerk's general line only), {searched} searched without one, "
            f"{len(registry) - len(found) - searched} not searched yet (goal: {COVERAGE_GOAL})"
        )
    assert len(found) >= COVERAGE_FLOOR, f"{len(found)} contacts; {COVERAGE_FLOOR} or more expected"
    assert len(found) + searched == len(registry), "every court without a contact was searched"


# ---- the schema -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "change, field, expected",
    [
        ({"phone": ["612-664-5155"]}, "phone[0]", "written (NNN) NNN-NNNN"),
        ({"phone": ["(800) 676-6856"], "quote": "call 800-676-6856"}, "phone[0]",
         "not the PACER Service Center's"),
        ({"email": "pacer@psc.uscourts.gov", "quote": MND["quote"] + " or pacer@psc.uscourts.gov"},
         "email", "not the PACER Service Center's"),
        ({"phone": ["(612) 664-5100"]}, "phone[0]", "a number written in the quote"),
        ({"email": "help@mnd.uscourts.gov"}, "email", "an address written in the quote"),
        ({"source": {"title": "A directory", "url": "https://www.courtdirectory.example/mnd"}},
         "source.url", "on the court's own website"),
        ({"source": {"title": "The bankruptcy court", "url": "https://www.mnb.uscourts.gov/x"}},
         "source.url", "on the court's own website"),
        ({"phone": [], "email": ""}, "phone", "a phone number or an email address"),
        ({"seen": "long ago"}, "seen", "the year an old page shows"),
        ({"general": "yes"}, "general", "true or false"),
        ({"fax": "(612) 664-5001"}, "fax", "one of the fields"),
        ({"label": ""}, "label", "a non-empty string"),
    ],
)
def test_a_bad_contact_names_the_file_the_court_and_the_field(tmp_path, change, field, expected):
    csv_path = copy_data(tmp_path)
    set_contact(csv_path, "mnd", {**MND, **change})
    with pytest.raises(CourtDataError) as caught:
        load_registry(csv_path)
    message = str(caught.value)
    assert message.startswith(f"{csv_path.with_name('court_facts.json')}, court 'mnd', "
                              f"field 'contact.{field}': expected")  # fmt: skip
    assert expected in message
    set_contact(csv_path, "mnd", MND)
    assert load_registry(csv_path).get("mnd").facts.contact.phones == tuple(MND["phone"])


def test_a_phone_with_an_extension_and_other_punctuation_is_found_in_its_quote(tmp_path):
    csv_path = copy_data(tmp_path)
    contact = {**MND, "phone": ["(612) 664-5155 ext. 4"], "email": "",
               "quote": "Call the help desk at 612.664.5155, option 4, or ext. 4."}  # fmt: skip
    set_contact(csv_path, "mnd", contact)
    assert load_registry(csv_path).get("mnd").facts.contact.phones == ("(612) 664-5155 ext. 4",)
    set_contact(csv_path, "mnd", {**contact, "quote": "Call 612.664.5155."})
    with pytest.raises(CourtDataError, match="phone\\[0\\]"):
        load_registry(csv_path)


def test_courts_that_share_a_website_may_cite_it(registry):
    arwb, areb, nmib, mnd = (registry.get(i) for i in ("arwb", "areb", "nmib", "mnd"))
    assert areb in site_partners(arwb, registry.courts)  # one website, www.arb.uscourts.gov
    partners = {c.id: site_partners(c, registry.courts) for c in (arwb, nmib, mnd)}
    assert on_court_host("http://www.areb.uscourts.gov/x", arwb, partners["arwb"])
    # The district court of the Northern Mariana Islands is its bankruptcy court too.
    assert registry.get("nmid") in partners["nmib"]
    assert on_court_host("https://www.nmid.uscourts.gov/news", nmib, partners["nmib"])
    # A state's district and bankruptcy courts are separate courts with separate help desks.
    assert registry.get("mnb") not in partners["mnd"]
    assert not on_court_host("https://www.mnb.uscourts.gov/x", mnd, partners["mnd"])
    assert not on_court_host("https://mnd.uscourts.gov.example.com/x", mnd)
    assert on_court_host("https://ecf.mnd.uscourts.gov/cgi-bin/login", mnd)


# ---- the page -------------------------------------------------------------------------------


def test_the_panel_gives_the_contact_with_its_source_and_date(tmp_path):
    csv_path = copy_data(tmp_path)
    set_contact(csv_path, "mnd", {**MND, "checked_on": "2026-12-01", "hours": "8 a.m. to 5 p.m."})
    registry = load_registry(csv_path)
    panel = facts_panel(registry.get("mnd"), registry)
    assert "<dt>Help with CM/ECF</dt>" in panel
    assert '<a href="tel:+16126645155">(612) 664-5155</a>' in panel
    assert '<a href="mailto:ecfhelpdesk@mnd.uscourts.gov">' in panel
    assert "Hours: 8 a.m. to 5 p.m." in panel
    assert 'href="https://www.mnd.uscourts.gov/ecf-media">CM/ECF Media Accounts</a>' in panel
    assert '<span data-fact="mnd.contact">December 1, 2026</span>' in panel
    assert "general line" not in panel and "out of date" not in panel
    values = registry.get("mnd").values()
    assert values["help_desk_link"].startswith("the court's CM/ECF help desk (see")
    assert 'href="#your-court"' in values["help_desk_link"]


def test_a_general_line_and_an_old_page_are_labeled(tmp_path):
    csv_path = copy_data(tmp_path)
    set_contact(csv_path, "mnd", {**MND, "label": "Clerk's Office", "general": True,
                                  "seen": "2014"})  # fmt: skip
    court = load_registry(csv_path).get("mnd")
    text = contact_html(court)
    assert "the clerk's office general line: ask for help with CM/ECF when you call." in text
    assert "From a page of 2014 on the court's website: it may be out of date." in text
    assert court.values()["help_desk_link"].startswith("the court's clerk's office")
    set_contact(csv_path, "mnd", {**MND, "seen": "undated (an old .shtml page)"})
    text = contact_html(load_registry(csv_path).get("mnd"))
    assert "From an older page with no date" in text


def test_without_a_contact_the_page_says_so_and_links_the_website(tmp_path):
    csv_path = copy_data(tmp_path)
    set_contact(csv_path, "mnd", {"none": "queries tried: ...", "checked_on": "2026-12-01"})
    registry = load_registry(csv_path)
    for court in (registry.get("mnd"), registry.get("nmid")):  # searched; never searched
        text = contact_html(court)
        assert text.startswith("This guide has no CM/ECF help contact for this court.")
        if court.web_url:
            assert f'href="{court.web_url}"' in text
        else:
            assert "Search for the court's name" in text
    assert "clerk's office" in registry.get("mnd").values()["help_desk_link"]


def test_a_contact_past_its_review_date_stops_the_build(tmp_path):
    csv_path = copy_data(tmp_path)
    set_contact(csv_path, "mnd", {**MND, "checked_on": "2026-01-01"})
    registry = load_registry(csv_path)  # no cache: the data as it is now
    stale = {item.fact.id for item in stale_facts_report(tmp_path, registry, dt.date(2026, 12, 1))}
    assert "mnd.contact" in stale
    stale = {item.fact.id for item in stale_facts_report(tmp_path, registry, dt.date(2026, 6, 1))}
    assert "mnd.contact" not in stale


# ---- the importer ---------------------------------------------------------------------------


def research(folder: Path, group: str, courts: dict, listed: list[str] | None) -> Path:
    """A research file contacts-<group>.json and, unless ``listed`` is None, its list of courts
    courts-<group>.csv."""
    folder.mkdir(parents=True, exist_ok=True)
    if listed is not None:
        with (folder / f"courts-{group}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "name", "type", "state", "web_url"])
            writer.writerows([court_id, "", "", "", ""] for court_id in listed)
    path = folder / f"contacts-{group}.json"
    path.write_text(json.dumps({"group": group, "checked_on": "2026-12-01", "courts": courts}))
    return path


NOTE = {
    "text": "The court resets a forgotten CM/ECF password by phone.",
    "source": {"title": "FAQ", "url": "https://www.mnd.uscourts.gov/faq"},
    "quote": "Call us to reset your CM/ECF password.",
}


def test_import_merges_a_complete_group_and_leaves_out_an_unfinished_one(tmp_path):
    csv_path = copy_data(tmp_path / "data")
    done = research(tmp_path / "research", "X", {
        "mnd": {"contact": MND, "notes": [NOTE]},
        "mnb": {"none": "queries tried: mnb help desk"},
    }, ["mnd", "mnb"])  # fmt: skip
    unfinished = research(tmp_path / "research", "Y", {"iasd": {"none": "tried"}}, ["iasd", "iasb"])
    reports = import_contacts([done, unfinished], csv_path)
    assert [r.skipped for r in reports][0] == ""
    assert "1 courts of its list not done yet (iasb)" in reports[1].skipped
    assert (reports[0].contacts, reports[0].none, reports[0].notes) == (1, 1, 1)
    registry = load_registry(csv_path)
    mnd = registry.get("mnd").facts
    assert mnd.contact.email == MND["email"] and mnd.contact.checked_on == dt.date(2026, 12, 1)
    assert mnd.entry_link is not None  # the court's other facts are kept
    assert [n.text for n in mnd.notes] == [NOTE["text"]]
    assert mnd.notes[0].params["quote"] == NOTE["quote"]
    assert not registry.get("mnb").facts.contact.found
    assert registry.get("iasd").facts.contact is None
    before = csv_path.with_name("court_facts.json").read_text()
    import_contacts([done], csv_path)  # importing again changes nothing
    assert csv_path.with_name("court_facts.json").read_text() == before


def test_a_supplement_updates_the_courts_it_names_after_the_groups(tmp_path):
    csv_path = copy_data(tmp_path / "data")
    group = research(tmp_path / "r", "X", {"mnd": {"none": "tried"}, "mnb": {"none": "t"}},
                     ["mnd", "mnb"])  # fmt: skip
    remark = {**NOTE, "text": "Second pass: this number replaces the first pass's."}
    supplement = research(tmp_path / "r", "X2", {"mnd": {"contact": MND, "notes": [remark]}}, None)
    reports = import_contacts([supplement, group], csv_path)  # order given does not matter
    assert [r.path.name for r in reports] == ["contacts-X.json", "contacts-X2.json"]
    assert reports[1].supplement and "a supplement" in str(reports[1])
    registry = load_registry(csv_path)
    assert registry.get("mnd").facts.contact.found
    assert not registry.get("mnb").facts.contact.found
    # A supplement's notes are remarks for a person: counted, never on the court's page.
    assert reports[1].remarks == 1 and "1 notes left unpublished" in str(reports[1])
    assert remark["text"] not in [n.text for n in registry.get("mnd").facts.notes]


def test_a_bad_record_stops_the_import_unless_told_to_skip_it(tmp_path):
    csv_path = copy_data(tmp_path / "data")
    before = csv_path.with_name("court_facts.json").read_text()
    bad = {**MND, "source": {"title": "x", "url": "https://pdf4pro.example/mnd"}}
    path = research(tmp_path / "r", "X", {"mnd": {"contact": bad}, "mnb": {"none": "t"}},
                    ["mnd", "mnb"])  # fmt: skip
    where = r"contacts-X.json, court 'mnd', field 'contact.source.url'"
    with pytest.raises(CourtDataError, match=where):
        import_contacts([path], csv_path)
    assert csv_path.with_name("court_facts.json").read_text() == before
    report = import_contacts([path], csv_path, skip_invalid=True)[0]
    assert len(report.rejected) == 1 and "pdf4pro" in report.rejected[0]
    assert load_registry(csv_path).get("mnd").facts.contact is None


def test_the_command_reports_each_file_and_the_coverage(tmp_path, capsys):
    csv_path = copy_data(tmp_path / "data")
    done = research(tmp_path / "r", "X", {"mnd": {"contact": MND}, "mnb": {"none": "t"}},
                    ["mnd", "mnb"])  # fmt: skip
    unfinished = research(tmp_path / "r", "Y", {}, ["iasd"])
    code = site_main(["courts", str(csv_path), "--import-contacts", str(done), str(unfinished)])
    out = capsys.readouterr()
    assert code == 1  # a file was left out
    assert "contacts-X.json: imported 1 contacts, 1 courts without one, 0 notes" in out.err
    assert "contacts-Y.json: not imported: 1 courts of its list not done yet (iasd)" in out.err
    assert "help contacts for 1 of 188 courts" in out.out
    assert site_main(["courts", str(csv_path), "--import-contacts", str(done)]) == 0


def test_a_note_too_long_for_the_page_is_refused(tmp_path):
    csv_path = copy_data(tmp_path / "data")
    long_note = {**NOTE, "text": " ".join(["word"] * 41) + "."}
    path = research(tmp_path / "r", "X", {"mnd": {"contact": MND, "notes": [long_note, NOTE]},
                                          "mnb": {"none": "t"}}, ["mnd", "mnb"])  # fmt: skip
    with pytest.raises(CourtDataError, match=r"'notes\[0\].text': expected a summary of at most"):
        import_contacts([path], csv_path)
    report = import_contacts([path], csv_path, skip_invalid=True)[0]
    assert report.notes == 1 and len(report.rejected) == 1
    notes = load_registry(csv_path).get("mnd").facts.notes
    assert [n.text for n in notes][-1] == NOTE["text"]
    assert load_registry(csv_path).get("mnd").facts.contact.found  # the contact still comes in


def test_hours_that_end_in_a_full_stop_get_no_second_one(tmp_path):
    csv_path = copy_data(tmp_path)
    set_contact(csv_path, "mnd", {**MND, "checked_on": "2026-12-01", "hours": "8 a.m. to 5 p.m."})
    registry = load_registry(csv_path)
    panel = facts_panel(registry.get("mnd"), registry)
    assert "Hours: 8 a.m. to 5 p.m. " in panel and "p.m.." not in panel
