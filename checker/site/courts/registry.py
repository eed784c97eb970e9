"""The court registry: the 188 district and bankruptcy courts, validated on load.

Data lives next to this module, in ``checker/site/data/``:

- ``courts.csv``: one row per court (PACER's court data, copied unchanged from the shared data);
- ``courts.meta.json``: the CSV's as-of date and source;
- ``court_facts.json``: optional per-court facts (go-live date, the link into CM/ECF, where the link
  utility sits, the court's CM/ECF help contact, other notes), each with its source.

A help contact (``contact``) is taken from the court's own website only: its source must be on the
court's own ``*.uscourts.gov`` host, and every phone number and email address must appear in the
exact text quoted from that page, so a maintainer can find it there again. A contact that is only
the clerk's general line says so (``general``); one from an old page gives the year it shows
(``seen``). A court whose site was searched without result has ``{"none": "what was tried"}``.

A bad row raises :class:`CourtDataError` naming the file, the line, the field and what was expected,
so a typo in the data stops the site build instead of publishing a wrong address. The generator
(:mod:`checker.site.pipeline.generate`) writes the court pages from this registry;
:meth:`Court.values` gives the ``<!-- pacer:court KEY -->`` values (see
:mod:`checker.site.markdown.tailoring`).

``python -m checker.site courts [CSV]`` validates a data file and prints a summary;
``python -m checker.site courts --refresh FEED.json [CSV]`` rewrites the data from PACER's Court
CM/ECF Lookup feed (docs/webmasters.md, "Refresh the court data").
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import html
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urlsplit

from checker.facts import Fact, NotFound, Source, iso_date, parse_source, read_data_file, us_date
from checker.site.project import Project
from checker.site.screens import filing_menus

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
DEFAULT_CSV = DATA_DIR / "courts.csv"
# Lets a build (or a test) point at another copy of the data without editing the project.

COLUMNS = (
    "id",
    "name",
    "type",
    "state",
    "ecf_host",
    "pacer_court_id",
    "pacer_title",
    "software_version",
    "web_url",
)
TYPES = ("district", "bankruptcy")
ID_PATTERN = re.compile(r"[a-z]{2,6}")
PACER_ID_PATTERN = re.compile(r"[A-Z0-9]{3,8}")
FACT_KEYS = ("go_live", "entry_link", "utility", "contact", "notes")
# The kind of fact (checker.facts.REVIEW_DAYS) each key holds: how soon it must be re-checked.
FACT_KINDS = {
    "go_live": "event",
    "entry_link": "procedure",
    "utility": "procedure",
    "contact": "contact",
    "notes": "procedure",
}
PHONE_PATTERN = re.compile(r"\(\d{3}\) \d{3}-\d{4}(?: ext\. (?P<ext>\d+))?")
EMAIL_PATTERN = re.compile(r"[A-Za-z0-9._%+/=-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# "2014", "undated", or either followed by a maintainer's remark: "undated (c. 2008)".
SEEN_PATTERN = re.compile(r"(?P<year>(?:19|20)\d\d)\b.*|undated\b.*")
# The PACER Service Center's own contact: never a court's (it is PACER's, on every page already).
PSC_PHONE, PSC_EMAIL = "8006766856", "pacer@psc.uscourts.gov"
_CONTACT_KEYS = {"label", "phone", "email", "hours", "general", "seen", "source", "checked_on",
                 "quote"}  # fmt: skip


class CourtDataError(ValueError):
    """The court data breaks the schema; the message says where and what was expected."""


class UnknownCourtError(NotFound):
    """No court has this id; the message suggests close matches."""


@dataclass(frozen=True)
class Contact:
    """A court's CM/ECF help contact as its own website gives it, or why none was recorded.

    ``none`` is set (and the other fields empty) when the court's site was searched and gave no
    contact; a court never searched has no Contact at all.
    """

    court_id: str
    checked_on: dt.date
    label: str = ""
    phones: tuple[str, ...] = ()
    email: str = ""
    hours: str = ""
    general: bool = False
    seen: str = ""
    source: Source | None = None
    quote: str = ""
    none: str = ""

    @property
    def found(self) -> bool:
        return not self.none

    @property
    def seen_year(self) -> str:
        """The year of the old page the contact is from ('' when undated or current)."""
        match = SEEN_PATTERN.fullmatch(self.seen) if self.seen else None
        return (match.group("year") or "") if match else ""

    def as_fact(self) -> Fact:
        """The contact as a fact of kind ``contact``, so it goes stale like any other fact."""
        source = self.source or Source(title="the court's website (searched, no contact found)")
        return Fact(
            id=f"{self.court_id}.contact",
            kind=FACT_KINDS["contact"],
            sources=(source,),
            checked_on=self.checked_on,
            text=self.none or ", ".join([*self.phones, self.email] if self.email else self.phones),
        )


@dataclass(frozen=True)
class CourtFacts:
    go_live: Fact | None = None
    entry_link: Fact | None = None
    utility: Fact | None = None
    contact: Contact | None = None
    notes: tuple[Fact, ...] = ()

    def all(self) -> tuple[Fact, ...]:
        """Every fact the court's page states (for the review-by check)."""
        found = [f for f in (self.go_live, self.entry_link, self.utility) if f is not None]
        if self.contact is not None:
            found.append(self.contact.as_fact())
        return (*found, *self.notes)


@dataclass(frozen=True)
class Court:
    id: str
    name: str
    type: str
    state: str
    ecf_host: str
    pacer_court_id: str
    pacer_title: str
    software_version: str
    web_url: str
    facts: CourtFacts = field(default_factory=CourtFacts)

    @property
    def ecf_url(self) -> str:
        return f"https://{self.ecf_host}"

    @property
    def menus(self) -> tuple[str, str]:
        """The CM/ECF filing menus that appear after linking."""
        # Written once, in the screen records, which the drawings of the menu bar show.
        menus = filing_menus(self.type)
        return (menus[0], menus[1])

    @property
    def website_host(self) -> str:
        parts = urlsplit(self.web_url)
        return (parts.netloc + parts.path.rstrip("/")) if self.web_url else ""

    def values(self) -> dict[str, str]:
        """Values for the ``<!-- pacer:court KEY -->`` shortcodes (keys as in tailoring.GENERIC).

        Keys ending in ``_link`` are HTML (escaped here); the others are plain text, escaped by
        the shortcode renderer. A missing key falls back to the generic wording.
        """
        website = (
            f'<a href="{html.escape(self.web_url)}">{html.escape(self.website_host)}</a>'
            if self.web_url
            else "the court's website (PACER's court list gives no address for it)"
        )
        ecf_link = f'<a href="{self.ecf_url}">{self.ecf_host}</a>'
        values = {
            # A noun phrase like the generic "your court": "help desk at <!-- pacer:court name -->".
            # Without "United States", which every court shares, to keep sentences short.
            "name": "the " + self.name.removeprefix("United States "),
            "ecf_host": self.ecf_host,
            "ecf_link": ecf_link,
            "website_link": website,
            "court_type": f"{self.type} court",
            "menus": " and ".join(self.menus),
        }
        entry = self.facts.entry_link
        # Which link a court labels how is known only for some courts; name both places otherwise.
        values["entry_page_link"] = (
            f"the court's website, {website}, or its CM/ECF site, {ecf_link}"
            if self.web_url
            else f"the court's CM/ECF site, {ecf_link}"
        )
        if entry:
            values["entry_link"] = f"<strong>{html.escape(entry.params['label'])}</strong>"
            values["entry_page_link"] = (
                f"the court's CM/ECF site, {ecf_link}"
                if entry.params["on"] == "ecf"
                else f"the court's website, {website}"
            )
        values["help_desk_link"] = self._help_desk()
        if self.facts.utility:
            values["utility_menu"] = " → ".join(self.facts.utility.params["path"][:-1])
        if self.facts.go_live and self.facts.go_live.date:
            values["go_live"] = us_date(self.facts.go_live.date)
        return values

    def _help_desk(self) -> str:
        """Who to ask at the court, in a few words that point at the contact in its panel (the
        panel says how to reach them, or that the court's site gives no contact)."""
        contact = self.facts.contact
        who = (
            "the court's CM/ECF help desk"
            if contact is not None and contact.found and not contact.general
            else "the court's clerk's office"
        )
        return f'{who} (see <a href="#your-court">Your court</a>)'


@dataclass(frozen=True)
class Registry:
    courts: Mapping[str, Court]
    as_of: dt.date
    source: Source
    path: Path

    def __iter__(self) -> Iterator[Court]:
        return iter(self.courts.values())

    def __len__(self) -> int:
        return len(self.courts)

    def get(self, court_id: str) -> Court:
        """The court with this id (case-insensitive), or UnknownCourtError with suggestions."""
        key = court_id.strip().lower()
        if key in self.courts:
            return self.courts[key]
        close = difflib.get_close_matches(key, self.courts, n=3, cutoff=0.6)
        by_name = [
            c.id
            for c in self.courts.values()
            if key and len(key) > 3 and key in (c.name + " " + c.state).lower()
        ][:5]
        hints = list(dict.fromkeys(close + by_name))
        hint = (
            "Did you mean: " + ", ".join(f"{h} ({self.courts[h].name})" for h in hints) + "?"
            if hints
            else "Court ids look like 'mnd' (district) or 'mieb' (bankruptcy)."
        )
        raise UnknownCourtError(
            f"unknown court id {court_id!r} ({len(self.courts)} courts in {self.path}). {hint}"
        )

    def by_state(self) -> dict[str, list[Court]]:
        """Courts grouped by state (states sorted), each group sorted by name."""
        groups: dict[str, list[Court]] = {}
        for court in sorted(self.courts.values(), key=lambda c: (c.state, c.name)):
            groups.setdefault(court.state, []).append(court)
        return groups

    def count(self, court_type: str) -> int:
        return sum(1 for c in self.courts.values() if c.type == court_type)


# ---- schema ---------------------------------------------------------------------------------


def _http_url_or_empty(value: str, row: Mapping[str, str]) -> str | None:
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme in ("http", "https") and parts.netloc and " " not in value:
        return None
    return "an http(s) URL or nothing"


def _check_id(value: str, row: Mapping[str, str]) -> str | None:
    if not ID_PATTERN.fullmatch(value):
        return "a court id of 2 to 6 lowercase letters, for example 'mnd' or 'mieb'"
    suffix = {"district": "d", "bankruptcy": "b"}.get(row.get("type", ""))
    if suffix and not value.endswith(suffix):
        return f"an id ending in '{suffix}' for a {row['type']} court (PACER's convention)"
    return None


def _check_type(value: str, row: Mapping[str, str]) -> str | None:
    return None if value in TYPES else "one of: " + ", ".join(TYPES)


def _check_host(value: str, row: Mapping[str, str]) -> str | None:
    expected = f"ecf.{row.get('id', '')}.uscourts.gov"
    return None if value == expected else f"{expected!r} (ecf.<id>.uscourts.gov)"


def _non_empty(value: str, row: Mapping[str, str]) -> str | None:
    return None if value.strip() else "a non-empty value"


def _pacer_id(value: str, row: Mapping[str, str]) -> str | None:
    return None if PACER_ID_PATTERN.fullmatch(value) else "PACER's uppercase court code, e.g. MNDC"


# Column -> check returning None when fine, else what was expected. Order matters only for
# which error is reported first; id and type come first because other checks use them.
SCHEMA: Mapping[str, Callable[[str, Mapping[str, str]], str | None]] = {
    "type": _check_type,
    "id": _check_id,
    "name": _non_empty,
    "state": _non_empty,
    "ecf_host": _check_host,
    "pacer_court_id": _pacer_id,
    "pacer_title": _non_empty,
    "software_version": _non_empty,
    "web_url": _http_url_or_empty,
}


def _error(path: Path, line: int | None, field_name: str | None, message: str) -> CourtDataError:
    where = f"{path}" + (f", line {line} (row {line - 1})" if line else "")
    if field_name:
        where += f", field {field_name!r}"
    return CourtDataError(f"{where}: {message}")


def _read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as error:
        raise _error(path, None, None, f"cannot read the court data ({error.strerror})") from None
    with handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None or tuple(h.strip() for h in header) != COLUMNS:
            raise _error(path, 1, None, f"expected the header {','.join(COLUMNS)}, got {header!r}")
        for record in reader:
            line = reader.line_num
            if not record or all(not cell.strip() for cell in record):
                continue
            if len(record) != len(COLUMNS):
                raise _error(
                    path,
                    line,
                    None,
                    f"expected {len(COLUMNS)} fields ({','.join(COLUMNS)}), got {len(record)}",
                )
            yield line, dict(zip(COLUMNS, record, strict=True))


def load_csv(path: Path) -> dict[str, Court]:
    courts: dict[str, Court] = {}
    lines: dict[str, int] = {}
    for line, row in _read_rows(path):
        for name, check in SCHEMA.items():
            value = row[name]
            if value != value.strip():
                raise _error(path, line, name, f"expected no surrounding spaces, got {value!r}")
            expected = check(value, row)
            if expected:
                shown = repr(value) if value else "nothing"
                raise _error(path, line, name, f"expected {expected}, got {shown}")
        if row["id"] in courts:
            raise _error(
                path,
                line,
                "id",
                f"expected a unique id, got {row['id']!r} again (first on line {lines[row['id']]})",
            )
        lines[row["id"]] = line
        courts[row["id"]] = Court(**row)
    if not courts:
        raise _error(path, None, None, "expected at least one court row, got none")
    return courts


# ---- meta and facts ------------------------------------------------------------------------


def _iso_date(value: object, where: str) -> dt.date:
    day = iso_date(value) if isinstance(value, str) else None
    if day is None:
        raise CourtDataError(f"{where}: expected an ISO date (YYYY-MM-DD), got {value!r}")
    return day


def _source(raw: object, where: str) -> Source:
    """A fact's source, read by the facts' own parser; errors name the court data's place."""

    def error(field_name: str, expected: str, got: object = None) -> CourtDataError:
        place = f"{where}.source" if field_name == "source" else f"{where}.source.{field_name}"
        return CourtDataError(f"{place}: expected {expected}, got {got!r}")

    return parse_source(raw, where, error)


def court_fact(raw: object, where: str, fact_id: str, kind: str, checked_on: dt.date) -> Fact:
    if not isinstance(raw, dict):
        raise CourtDataError(f"{where}: expected an object, got {raw!r}")
    allowed = {"date", "text", "label", "on", "path", "fallback", "source", "checked_on", "quote"}
    unknown = set(raw) - allowed
    if unknown:
        raise CourtDataError(
            f"{where}: unexpected keys {sorted(unknown)}; allowed: {sorted(allowed)}"
        )
    if not isinstance(raw.get("text", ""), str):
        raise CourtDataError(f"{where}.text: expected a string")
    for key in ("path", "fallback"):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise CourtDataError(f"{where}.{key}: expected a list of menu labels, got {value!r}")
    if raw.get("on", "website") not in ("website", "ecf"):
        raise CourtDataError(f"{where}.on: expected 'website' or 'ecf', got {raw['on']!r}")
    if "checked_on" in raw:
        checked_on = _iso_date(raw["checked_on"], f"{where}.checked_on")
    return Fact(
        id=fact_id,
        kind=kind,
        sources=(_source(raw.get("source"), where),),
        checked_on=checked_on,
        text=raw.get("text", ""),
        date=_iso_date(raw["date"], f"{where}.date") if "date" in raw else None,
        params=MappingProxyType(
            {
                "label": raw.get("label", ""),
                "on": raw.get("on", ""),
                "path": tuple(raw.get("path", ())),
                "fallback": tuple(raw.get("fallback", ())),
                "quote": raw.get("quote", ""),
            }
        ),
    )


def read_courts_json(path: Path) -> tuple[dict, dt.date]:
    """The ``courts`` object and the ``checked_on`` date of a court facts file (or of a research
    file of contacts, which has the same shape)."""
    data = read_data_file(path, CourtDataError)
    entries = data.get("courts") if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        raise CourtDataError(f"{path}: expected an object with a 'courts' object")
    return entries, _iso_date(data.get("checked_on"), f"{path}, field 'checked_on'")


def load_facts(path: Path, courts: Mapping[str, Court]) -> dict[str, CourtFacts]:
    if not path.exists():
        return {}
    entries, checked_on = read_courts_json(path)
    result = {}
    for court_id, raw in entries.items():
        where = f"{path}, court {court_id!r}"
        if court_id not in courts:
            close = difflib.get_close_matches(court_id, courts, n=3)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise CourtDataError(f"{where}: expected a court id from courts.csv{hint}")
        if not isinstance(raw, dict) or set(raw) - set(FACT_KEYS):
            raise CourtDataError(f"{where}: expected an object with keys among {FACT_KEYS}")
        facts = {
            key: court_fact(
                raw[key], f"{where}.{key}", f"{court_id}.{key}", FACT_KINDS[key], checked_on
            )
            for key in ("go_live", "entry_link", "utility")
            if key in raw
        }
        if "go_live" in facts and facts["go_live"].date is None:
            raise CourtDataError(f"{where}.go_live.date: expected an ISO date (YYYY-MM-DD)")
        if "entry_link" in facts and not facts["entry_link"].params["label"]:
            raise CourtDataError(f"{where}.entry_link.label: expected the link's label")
        if "utility" in facts and len(facts["utility"].params["path"]) < 2:
            raise CourtDataError(f"{where}.utility.path: expected at least two menu labels")
        if "contact" in raw:
            court = courts[court_id]
            facts["contact"] = parse_contact(
                raw["contact"], where, court, checked_on, site_partners(court, courts)
            )
        notes = raw.get("notes", [])
        if not isinstance(notes, list):
            raise CourtDataError(f"{where}.notes: expected a list")
        result[court_id] = CourtFacts(
            **facts,
            notes=tuple(
                court_fact(
                    n, f"{where}.notes[{i}]", f"{court_id}.notes.{i}", FACT_KINDS["notes"],
                    checked_on,
                )
                for i, n in enumerate(notes)
            ),
        )
    return result


# ---- help contacts ---------------------------------------------------------------------------


def court_host_labels(court: Court) -> frozenset[str]:
    """The host names a court's own site may use under uscourts.gov: its id, the id without the
    court-type letter for a site shared by a state's courts (``id`` for idd and idb, ``mow``,
    ``txs``), and the state with the type letter (``arb`` for areb and arwb)."""
    return frozenset({court.id, court.id[:-1], court.id[:2] + court.id[-1]})


def _web_host(court: Court) -> str:
    return (urlsplit(court.web_url).hostname or "").lower() if court.web_url else ""


def site_partners(court: Court, courts: Mapping[str, Court]) -> tuple[Court, ...]:
    """Courts whose website is this court's too: those with the same website in PACER's data
    (the bankruptcy courts of eastern and western Arkansas), and a territorial district court
    whose bankruptcy division this court is, or the other way round ("District Court of Guam"
    and "District Court of Guam (bankruptcy)")."""
    host = _web_host(court)

    def shares(other: Court) -> bool:
        same_site = bool(host) and _web_host(other) == host
        division = _division_of(court) == other.name or _division_of(other) == court.name
        return other.id != court.id and (same_site or division)

    return tuple(c for c in courts.values() if shares(c))


def _division_of(court: Court) -> str:
    """The court a division belongs to, by name ('' for a court that is not a division)."""
    base, bracket, _ = court.name.partition(" (")
    return base if bracket else ""


def on_court_host(url: str, court: Court, partners: Iterable[Court] = ()) -> bool:
    """True when ``url`` is on the court's own website: a ``*.uscourts.gov`` host that is its
    website in PACER's data, or carries one of :func:`court_host_labels` (its own, or those of a
    court that shares its website)."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    if not host.endswith(".uscourts.gov"):
        return False
    if host == _web_host(court):
        return True
    labels = court_host_labels(court).union(*(court_host_labels(c) for c in partners))
    return host.removesuffix(".uscourts.gov").split(".")[-1] in labels


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def in_quote(phone: str, quote: str) -> bool:
    """Whether the phone number (punctuated any way) is written in the quote."""
    match = PHONE_PATTERN.fullmatch(phone)
    number = digits(phone.split(" ext.")[0])
    runs = (digits(run) for run in re.findall(r"\d[\d\s().\-\u2010-\u2013]*\d", quote))
    found = any(number in run for run in runs)
    ext = match.group("ext") if match else None
    return found and (ext is None or re.search(rf"\b{ext}\b", quote) is not None)


def parse_contact(
    raw: object, where: str, court: Court, checked_on: dt.date, partners: Iterable[Court] = ()
) -> Contact:
    """A ``contact`` record, validated; errors name the file and court (``where``) and the field."""

    def error(field_name: str, expected: str, got: object = None) -> CourtDataError:
        shown = "" if got is None else f", got {got!r}"
        return CourtDataError(f"{where}, field 'contact.{field_name}': expected {expected}{shown}")

    if not isinstance(raw, dict):
        raise CourtDataError(f"{where}, field 'contact': expected an object, got {raw!r}")
    if "checked_on" in raw:
        checked_on = _iso_date(raw["checked_on"], f"{where}, field 'contact.checked_on'")
    if "none" in raw:
        extra = sorted(set(raw) - {"none", "checked_on"})
        if extra:
            raise error(extra[0], "no other fields beside 'none' and 'checked_on'")
        if not isinstance(raw["none"], str) or not raw["none"].strip():
            raise error("none", "a note of what was searched", raw["none"])
        return Contact(court_id=court.id, checked_on=checked_on, none=raw["none"].strip())
    unknown = sorted(set(raw) - _CONTACT_KEYS)
    if unknown:
        raise error(unknown[0], f"one of the fields {sorted(_CONTACT_KEYS)}")
    for name in ("label", "quote"):
        if not isinstance(raw.get(name), str) or not raw[name].strip():
            raise error(name, "a non-empty string", raw.get(name))
    for name in ("email", "hours", "seen"):
        if not isinstance(raw.get(name, ""), str):
            raise error(name, "a string", raw[name])
    phones = raw.get("phone")
    if not isinstance(phones, list):
        raise error("phone", "a list of phone numbers (may be empty)", phones)
    quote, email = raw["quote"], raw.get("email", "").strip()
    for index, phone in enumerate(phones):
        if not isinstance(phone, str) or not PHONE_PATTERN.fullmatch(phone):
            raise error(f"phone[{index}]", "a number written (NNN) NNN-NNNN [ext. N]", phone)
        if digits(phone.split(" ext.")[0]) == PSC_PHONE:
            raise error(
                f"phone[{index}]", "the court's number, not the PACER Service Center's", phone
            )
        if not in_quote(phone, quote):
            raise error(f"phone[{index}]", "a number written in the quote", phone)
    if email:
        if not EMAIL_PATTERN.fullmatch(email):
            raise error("email", "an email address or nothing", email)
        if email.lower() == PSC_EMAIL:
            raise error("email", "the court's address, not the PACER Service Center's", email)
        if email.lower() not in quote.lower():
            raise error("email", "an address written in the quote", email)
    if not phones and not email:
        raise error("phone", "a phone number or an email address (both are empty)")
    if not isinstance(raw.get("general", False), bool):
        raise error("general", "true or false", raw["general"])
    seen = raw.get("seen", "").strip()
    if seen and not SEEN_PATTERN.fullmatch(seen):
        raise error("seen", "the year an old page shows, or 'undated', first, or nothing", seen)
    source = raw.get("source")
    if not isinstance(source, dict) or not source.get("url"):
        raise error("source", "an object with the 'title' and 'url' of the court's page", source)
    parsed = _source(source, f"{where}, field 'contact'")
    if not on_court_host(parsed.url, court, partners):
        raise error(
            "source.url",
            f"an address on the court's own website (a *.uscourts.gov host such as "
            f"www.{court.id}.uscourts.gov)",
            parsed.url,
        )
    return Contact(
        court_id=court.id,
        checked_on=checked_on,
        label=raw["label"].strip(),
        phones=tuple(phones),
        email=email,
        hours=raw.get("hours", "").strip(),
        general=raw.get("general", False),
        seen=seen,
        source=parsed,
        quote=quote,
    )


def load_meta(path: Path) -> tuple[dt.date, Source]:
    if not path.exists():
        raise CourtDataError(f"{path}: missing; it records the court data's as-of date and source")
    data = read_data_file(path, CourtDataError)
    return _iso_date(data.get("as_of"), f"{path}, field 'as_of'"), _source(
        data.get("source"), f"{path}, field 'source'"
    )


def load_registry(csv_path: str | os.PathLike | None = None) -> Registry:
    """Load and validate the courts; the meta and facts files sit next to the CSV.

    Without an argument, the packaged data. Loaded afresh on every call: there is no cache to
    outlive a rebuild (``mkdocs serve`` picks up an edit to the court data).
    """
    path = Path(csv_path or DEFAULT_CSV)
    courts = load_csv(path)
    as_of, source = load_meta(path.with_suffix(".meta.json"))
    facts = load_facts(path.with_name("court_facts.json"), courts)
    for court_id, court_facts in facts.items():
        courts[court_id] = Court(**{**courts[court_id].__dict__, "facts": court_facts})
    return Registry(courts=courts, as_of=as_of, source=source, path=path)


def project_registry(project: Project) -> Registry:
    """The one way a build, a kit or a command gets the courts: the project's data (its
    ``PACER_HELP_COURTS_CSV`` setting, relative to the project folder, else the packaged data)."""
    return load_registry(project.courts_csv)


# ---- refresh from PACER's feed --------------------------------------------------------------

_DIRECTIONS = ("Northern", "Southern", "Eastern", "Western", "Middle", "Central")


def _region(title: str, court_type: str) -> tuple[str, str]:
    """(state, formal name) guessed from a PACER title such as 'Alabama Middle District Court'."""
    base = re.sub(r"\s+(District Court|Bankruptcy Court|Bankruptcy)$", "", title.strip())
    words = base.split()
    direction = words.pop() if len(words) > 1 and words[-1] in _DIRECTIONS else ""
    state = " ".join(words)
    district = f"{direction} District of {state}" if direction else f"District of {state}"
    district = district.replace("District of District of", "District of")  # Columbia
    kind = "District" if court_type == "district" else "Bankruptcy"
    return state, f"United States {kind} Court for the {district}"


def rows_from_feed(feed: Mapping, current: Mapping[str, Court]) -> tuple[list[dict], list[str]]:
    """Rows for courts.csv from PACER's Court CM/ECF Lookup JSON, and notes for a person.

    Names and states of courts already in ``current`` are kept (some were set by hand); new
    courts get a name guessed from PACER's title, listed in the notes to check.
    """
    rows, notes = [], []
    for record in feed.get("data", []):
        court_type = str(record.get("type", "")).lower()
        login = str(record.get("login_url", "")).strip()
        # The feed's login_url may come with or without a scheme.
        host = urlsplit(login if "//" in login else f"//{login}").netloc.lower()
        match = re.fullmatch(r"ecf\.([a-z]+)\.uscourts\.gov", host)
        if court_type not in TYPES or not match:
            continue  # appellate and national courts, PACER Case Locator, extra databases
        court_id = match.group(1)
        known = current.get(court_id)
        state, name = (known.state, known.name) if known else _region(record["title"], court_type)
        if not known:
            notes.append(f"new court {court_id}: check name {name!r} and state {state!r}")
        rows.append(
            {
                "id": court_id,
                "name": name,
                "type": court_type,
                "state": state,
                "ecf_host": host,
                "pacer_court_id": str(record.get("court_id", "")),
                "pacer_title": str(record.get("title", "")),
                "software_version": str(record.get("software_version", "")),
                "web_url": str(record.get("web_url") or ""),
            }
        )
    gone = sorted(set(current) - {row["id"] for row in rows})
    notes += [f"court {court_id} is no longer in the feed" for court_id in gone]
    order = {court_id: index for index, court_id in enumerate(current)}
    rows.sort(key=lambda row: (order.get(row["id"], len(order)), row["id"]))
    return rows, notes


def refresh(feed_path: Path, csv_path: Path = DEFAULT_CSV) -> list[str]:
    """Rewrite ``csv_path`` and its as-of date from a downloaded feed; returns notes to review.

    The new data is validated before anything is written.
    """
    from email.utils import parsedate_to_datetime

    feed = json.loads(feed_path.read_text(encoding="utf-8"))
    current = load_csv(csv_path)
    rows, notes = rows_from_feed(feed, current)
    stamp = (feed.get("meta") or {}).get("last_updated", "")
    try:
        as_of = parsedate_to_datetime(stamp).date()
    except (TypeError, ValueError):
        raise CourtDataError(
            f"{feed_path}: expected meta.last_updated as a date, got {stamp!r}"
        ) from None
    staged = csv_path.with_name(csv_path.name + ".new")
    # Keep the file's line endings (the shared copy uses CRLF) so a refresh diffs cleanly.
    ending = "\r\n" if b"\r\n" in csv_path.read_bytes()[:4096] else "\n"
    with staged.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator=ending)
        writer.writeheader()
        writer.writerows(rows)
    try:
        load_csv(staged)
    except CourtDataError:
        staged.unlink()
        raise
    staged.replace(csv_path)
    meta_path = csv_path.with_suffix(".meta.json")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["as_of"] = as_of.isoformat()
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return notes


def summary(registry: Registry) -> str:
    """One line about a registry: where it is read from, how many courts, as of when."""
    with_facts = sum(1 for c in registry if c.facts != CourtFacts())
    return (
        f"{registry.path}: {len(registry)} courts ({registry.count('district')} district, "
        f"{registry.count('bankruptcy')} bankruptcy), as of {registry.as_of.isoformat()}; "
        f"{with_facts} with extra facts; {contact_coverage(registry)}"
    )


def contact_coverage(registry: Registry) -> str:
    """How many courts have a help contact: found, of which the general line only, searched
    without one, not searched yet."""
    contacts = [c.facts.contact for c in registry]
    found = [c for c in contacts if c is not None and c.found]
    general = sum(1 for c in found if c.general)
    searched = sum(1 for c in contacts if c is not None and not c.found)
    missing = sum(1 for c in contacts if c is None)
    return (
        f"help contacts for {len(found)} of {len(registry)} courts ({general} the clerk's "
        f"general line only); {searched} searched without a contact; {missing} not searched yet"
    )
