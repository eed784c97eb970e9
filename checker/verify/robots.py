"""robots.txt as RFC 9309 reads it, for one crawler: which paths it may request, how long it
should wait between requests (the Crawl-delay extension), and the sitemaps the file names.

The standard library's ``urllib.robotparser`` takes the first rule in the file that matches a
path, and reads ``*`` and ``$`` as plain characters; RFC 9309 takes the longest matching rule
(an Allow wins a tie) and gives both characters their meaning. A Drupal site's robots.txt uses
both, and "Allow: /" before "Disallow: /private/" would let the standard parser request
/private/. So this module, about 100 lines, reads the file as the RFC does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote

# RFC 9309 2.5: a crawler must read at least 500 KiB of the file.
MAX_ROBOTS_BYTES = 500 * 1024


@dataclass(frozen=True)
class Rule:
    allow: bool
    path: str
    pattern: re.Pattern


@dataclass
class Robots:
    """The rules of the group that applies to one crawler (or none: everything is allowed)."""

    rules: list[Rule] = field(default_factory=list)
    crawl_delay: float | None = None
    sitemaps: list[str] = field(default_factory=list)
    disallow_all: bool = False  # the file could not be fetched for a server error

    def allows(self, path: str) -> bool:
        """Whether a crawler may request ``path`` (the path and query of a URL)."""
        if self.disallow_all:
            return False
        if path == "/robots.txt":
            return True
        target = _normal(path)
        best: Rule | None = None
        for rule in self.rules:
            if not rule.pattern.match(target):
                continue
            longer = best is None or len(rule.path) > len(best.path)
            if longer or (len(rule.path) == len(best.path) and rule.allow):
                best = rule
        return best is None or best.allow


def parse(text: str, agent: str) -> Robots:
    """The rules in ``text`` for the crawler whose product token is ``agent``.

    Groups start at one or more ``User-agent`` lines. Every group naming ``agent`` applies, merged;
    if none does, every ``*`` group does. ``Sitemap`` lines apply to all.
    """
    token = agent.split("/")[0].strip().lower()
    groups: list[tuple[set[str], list[tuple[str, str]]]] = []
    sitemaps: list[str] = []
    in_agents = False
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        key, colon, value = line.partition(":")
        if not colon:
            continue
        key, value = key.strip().lower(), value.strip()
        if key == "sitemap":
            if value:
                sitemaps.append(value)
        elif key == "user-agent":
            if not in_agents:
                groups.append((set(), []))
            groups[-1][0].add(value.split("/")[0].strip().lower())
            in_agents = True
        elif groups and key in ("allow", "disallow", "crawl-delay"):
            groups[-1][1].append((key, value))
            in_agents = False
    chosen = [lines for agents, lines in groups if token in agents]
    if not chosen:
        chosen = [lines for agents, lines in groups if "*" in agents]
    robots = Robots(sitemaps=sitemaps)
    for lines in chosen:
        for key, value in lines:
            if key == "crawl-delay":
                robots.crawl_delay = robots.crawl_delay or _seconds(value)
            elif value:  # "Disallow:" with no path disallows nothing
                robots.rules.append(Rule(key == "allow", value, _compile(value)))
    return robots


def _compile(path: str) -> re.Pattern:
    """A rule's path as a pattern: ``*`` any characters, a final ``$`` the end of the path."""
    end = path.endswith("$")
    body = _normal(path[:-1] if end else path)
    pattern = ".*".join(re.escape(part) for part in body.split("*"))
    return re.compile(pattern + (r"\Z" if end else ""), re.DOTALL)


def _normal(path: str) -> str:
    """Percent-encoding decoded, so "/a%7Eb" and "/a~b" compare equal (RFC 9309 2.2.2)."""
    return unquote(path) if "%" in path else path


def _seconds(value: str) -> float | None:
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if seconds >= 0 else None
