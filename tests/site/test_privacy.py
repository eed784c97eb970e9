"""The built site republishes none of the seeds' personal data and loads nothing from other hosts.

The personal data is read out of the seeds themselves (the screens they show), so this file does
not repeat it and a new seed with the same screens is covered too.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"

# Screen rows in the seeds that hold a person's details: (seed, pattern, what it is).
PERSONAL_ROWS = [
    ("000_7f599267b7c4a986.txt", r"Welcome, ([A-Za-z]+ [A-Za-z]+)", "employee's name"),
    ("000_7f599267b7c4a986.txt", r"Welcome, [A-Za-z]+ ([A-Za-z]+)", "employee's surname"),
    ("000_7f599267b7c4a986.txt", r"^Username[ \t]+(\w+)\s*$", "employee's username"),
    ("000_7f599267b7c4a986.txt", r"^Email \*\s+(\S+@\S+)", "employee's email"),
    ("000_7f599267b7c4a986.txt", r"^Primary Phone \*\s+(\S+)", "employee's phone"),
    ("000_7f599267b7c4a986.txt", r"^Address \*\s+(.+?)\s*$", "example street address"),
    ("001_b4daaf97f7450cb4.txt", r"^Account Number\s+(\d+)", "example account number"),
    ("001_b4daaf97f7450cb4.txt", r"^Username[ \t]+(\w+)\s*$", "example username"),
    ("001_b4daaf97f7450cb4.txt", r"^Address \*\s+(.+?)\s*$", "example street address"),
    ("001_b4daaf97f7450cb4.txt", r"^Primary Phone \*\s+(\S+)", "example phone"),
]

# Elements and attributes that make a browser fetch something.
ASSET_ATTRIBUTES = {
    "script": "src",
    "link": "href",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "object": "data",
}
CSS_REMOTE = re.compile(
    r"""@import\s+(?:url\()?\s*['"]?\s*((?:https?:)?//[^'")\s;]+)"""
    r"""|url\(\s*['"]?\s*((?:https?:)?//[^'")\s]+)""",
    re.IGNORECASE,
)


def personal_data() -> dict[str, str]:
    """Each personal value found in the seeds, with what it is."""
    found: dict[str, str] = {}
    for seed, pattern, label in PERSONAL_ROWS:
        text = (SEEDS / seed).read_text(encoding="utf-8")
        values = re.findall(pattern, text, flags=re.MULTILINE)
        assert values, f"{label}: pattern {pattern!r} no longer matches {seed}"
        for value in values:
            found[value.strip()] = label
    return found


def _site_host() -> str:
    """The host the build publishes as its own (site_url, after SITE_URL is applied)."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return urlsplit(config.site_url or "").netloc


def _is_remote(url: str, own_host: str) -> bool:
    parts = urlsplit(url.strip())
    if parts.scheme in ("", "data", "blob"):
        return url.strip().startswith("//") and parts.netloc != own_host
    return parts.scheme in ("http", "https") and parts.netloc != own_host


def _files(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*") if path.is_file())


def test_the_seeds_still_yield_personal_data():
    data = personal_data()
    labels = set(data.values())
    assert {"employee's name", "employee's email", "example account number"} <= labels
    assert len(data) >= 10


def personal_data_hits(site: Path) -> list[str]:
    """Each file under ``site`` that holds a personal value from the seeds, with what it holds."""
    data = personal_data()
    # Phone numbers may be written with other separators: compare their digits.
    phones = {re.sub(r"\D", "", v): label for v, label in data.items() if "phone" in label}
    hits = []
    for path in _files(site):
        text = path.read_bytes().decode("utf-8", errors="ignore")
        lowered = text.lower()
        for value, label in data.items():
            if value.lower() in lowered:
                hits.append(f"{path.relative_to(site)}: {label}")
        digits = re.sub(r"[\s().-]", "", text)
        for number, label in phones.items():
            if number in digits:
                hits.append(f"{path.relative_to(site)}: {label}")
    return sorted(set(hits))


def test_built_site_has_no_personal_data_from_the_seeds(built_site):
    hits = personal_data_hits(built_site)
    assert not hits, "personal data from the seeds on the site:\n" + "\n".join(hits)


def test_the_personal_data_check_can_fail(tmp_path):
    """A page quoting the seed's e-mail, or its phone number with other separators, is caught."""
    data = personal_data()
    email = next(v for v, label in data.items() if label == "employee's email")
    phone = next(v for v, label in data.items() if label == "employee's phone")
    (tmp_path / "a.html").write_text(f"<p>Write to {email.upper()}</p>", encoding="utf-8")
    spaced = "(" + phone.replace("-", ") ", 1)  # 555-555-0100 as (555) 555-0100
    (tmp_path / "b.json").write_text(f'{{"t": "{spaced}"}}', encoding="utf-8")
    (tmp_path / "c.html").write_text("<p>Jane Doe, jane.doe@lawfirm.example</p>", encoding="utf-8")
    hits = personal_data_hits(tmp_path)
    assert {"a.html: employee's email", "b.json: employee's phone"} <= set(hits)
    assert not [hit for hit in hits if hit.startswith("c.html")]


def test_built_pages_load_no_assets_from_other_hosts(built_site):
    own_host = _site_host()
    remote = []
    for path in _files(built_site):
        name = str(path.relative_to(built_site))
        if path.suffix == ".html":
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for tag, attribute in ASSET_ATTRIBUTES.items():
                for element in soup.find_all(tag):
                    url = element.get(attribute) or ""
                    if _is_remote(url, own_host):
                        remote.append(f"{name}: <{tag} {attribute}={url!r}>")
                    for candidate in (element.get("srcset") or "").split(","):
                        url = candidate.strip().split(" ")[0]
                        if url and _is_remote(url, own_host):
                            remote.append(f"{name}: <{tag} srcset={url!r}>")
            css = " ".join(s.get_text() for s in soup.find_all("style"))
            css += " ".join(e["style"] for e in soup.find_all(style=True))
        elif path.suffix == ".css":
            css = path.read_text(encoding="utf-8", errors="ignore")
        else:
            continue
        for match in CSS_REMOTE.finditer(css):
            url = match.group(1) or match.group(2)
            if _is_remote(url, own_host):
                remote.append(f"{name}: CSS {url!r}")
    assert not remote, "assets from other hosts:\n" + "\n".join(remote)


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ('<script src="https://cdn.example.org/x.js"></script>', True),
        ('<link rel="stylesheet" href="//fonts.example.com/a.css">', True),
        ('<img src="assets/logo.png">', False),
        ('<link rel="canonical" href="http://127.0.0.1:8000/upgrade/">', False),
    ],
)
def test_the_remote_asset_check_can_fail(snippet, expected):
    soup = BeautifulSoup(snippet, "html.parser")
    element = soup.find(True)
    url = element.get(ASSET_ATTRIBUTES[element.name]) or ""
    assert _is_remote(url, "127.0.0.1:8000") is expected


def test_the_css_check_can_fail():
    css = (
        "@import url('https://fonts.example.com/x.css');"
        " a { background: url(//cdn.example/x.png) }"
        " b { background: url(data:image/png;base64,AAAA) }"
    )
    found = [m.group(1) or m.group(2) for m in CSS_REMOTE.finditer(css)]
    assert found == ["https://fonts.example.com/x.css", "//cdn.example/x.png"]
