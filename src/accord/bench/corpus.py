"""A synthetic, seeded corpus for the benchmark, recombined from the bundled example articles.

The benchmark needs hundreds of realistic, distinct news articles of a known length, and it
must not depend on data outside the repository (it never reads the project's shared folder).
`generate` builds them from `examples/corpus`:

1. every example article is read (`.txt` as written, `.html` through `accord.ingest.read_path`)
   and cut into body paragraphs, their sentences, and short subheads; headers, bylines,
   datelines and `Published:` lines are left out;
2. each generated article gets a headline, a byline and a `Published:` line, then paragraphs
   made of a run of one to four consecutive sentences of one source paragraph (so quotes and
   pronouns keep their neighbours), sometimes followed by a sentence from elsewhere, and now
   and then a subhead, one paragraph per line as in the example `.txt` files, until the
   article reaches about `words` words;
3. its entities are varied consistently within the article: country names are swapped for
   others from a small list (with "the" added or dropped as the new name needs), the people
   named in the examples' gold annotations get other names (full name and surname alone),
   years are shifted, month names permuted, days redrawn and other whole numbers rescaled.

Every article draws from its own generator seeded with `(seed, index)`, so the same
arguments give the same articles, and `generate(n)` is a prefix of `generate(n + k)`.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from accord.ingest import Document, read_path
from accord.ingest.text import document_from_text

DEFAULT_CORPUS_DIR = Path(__file__).resolve().parents[3] / "examples" / "corpus"

# Countries the examples name, and the wider list they are swapped among.
COUNTRIES = (
    "United States", "United Kingdom", "Republic of Korea", "South Korea", "Netherlands",
    "China", "India", "Japan", "France", "Germany", "Canada", "Kenya", "Singapore", "Australia",
    "Russia", "Namibia", "Brazil", "Italy", "Slovenia", "Britain", "Nigeria", "Chile", "Rwanda",
    "Indonesia", "Mexico", "Spain", "Sweden", "Egypt", "Ghana", "Norway", "Argentina", "Estonia",
    "Philippines", "Saudi Arabia", "United Arab Emirates", "Switzerland", "Israel", "Ireland",
    "Poland", "Senegal", "Viet Nam", "Colombia", "New Zealand", "Morocco", "Finland", "Austria",
)  # fmt: skip
_WITH_THE = frozenset(
    {"United States", "United Kingdom", "Republic of Korea", "Netherlands", "Philippines",
     "United Arab Emirates"}
)  # fmt: skip

# Fictional people who replace the ones the examples name.
PEOPLE = (
    "Amara Okonkwo", "Lukas Brandt", "Priya Natarajan", "Sofia Lindqvist", "Kenji Watanabe",
    "Elena Marchetti", "Tomasz Wieczorek", "Aisha Rahman", "Mateo Alvarez", "Hannah Osei",
    "Olivier Dumont", "Mei Lin Tan", "Daniel Abernathy", "Fatima Zahra Benali", "Ivan Petrovic",
    "Grace Mwangi", "Rafael Costa", "Ingrid Halvorsen", "Samuel Adeyemi", "Yuki Morimoto",
    "Clara Jensen", "Arjun Mehta", "Beatriz Santos", "Nikolai Sorensen",
)  # fmt: skip

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

_TERMINAL = tuple('.!?"”’')
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z]\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bNo\.)"
    r"(?:(?<=[.!?])|(?<=[.!?][”\"’)]))\s+(?=[“\"‘(]?[A-Z0-9])"
)
_METADATA = re.compile(r"(?:By\s|Published|Posted|Updated|Source:|URL:|News release)", re.I)


@dataclass(frozen=True, slots=True)
class Source:
    """What the generator draws from: paragraphs as sentence lists, headlines and subheads, names."""

    paragraphs: tuple[tuple[str, ...], ...]
    headlines: tuple[str, ...]
    subheads: tuple[str, ...]
    people: tuple[str, ...]


def generate(n: int, seed: int = 0, words: int = 800, corpus_dir: Path | None = None) -> list[Document]:
    """Make `n` distinct articles of about `words` words each, the same ones for the same arguments."""
    if n < 0:
        raise ValueError("n must be >= 0")
    if words < 50:
        raise ValueError("words must be >= 50")
    source = load_source(corpus_dir or DEFAULT_CORPUS_DIR)
    documents: list[Document] = []
    seen: set[str] = set()
    for index in range(n):
        attempt = 0
        while True:
            rng = random.Random(f"accord-bench:{seed}:{index}:{attempt}")
            text = _article(rng, source, words)
            if text not in seen:
                break
            attempt += 1
        seen.add(text)
        documents.append(document_from_text(text, f"bench/article-{seed}-{index:05d}.txt"))
    return documents


@lru_cache(maxsize=4)
def load_source(corpus_dir: Path) -> Source:
    """Read the example articles under `corpus_dir` into sentence pools (once per process)."""
    paths = sorted(p for p in corpus_dir.iterdir() if p.suffix in (".txt", ".html"))
    if not paths:
        raise FileNotFoundError(f"no example articles (.txt, .html) in {corpus_dir}")
    paragraphs: list[tuple[str, ...]] = []
    headlines: list[str] = []
    subheads: list[str] = []
    for path in paths:
        if path.suffix == ".txt":
            text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
            lines = [line.strip() for line in text.split("\n") if line.strip()]
            title = lines[0] if lines else None
        else:
            document = read_path(path)
            lines = [line.strip() for line in document.text.split("\n") if line.strip()]
            title = document.title
        if title:
            headlines.append(title)
        for position, line in enumerate(lines):
            if line == title or (position < 6 and _looks_like_metadata(line)):
                continue
            if line.endswith(_TERMINAL) and len(line.split()) >= 8:
                paragraphs.append(tuple(split_sentences(line)))
            elif 2 <= len(line.split()) <= 12 and not line.endswith(":") and line[0].isalnum():
                subheads.append(line)
    return Source(tuple(paragraphs), tuple(headlines), tuple(subheads), _gold_people(corpus_dir))


def split_sentences(paragraph: str) -> list[str]:
    """Cut a paragraph at sentence ends, keeping abbreviations ("U.S.", "Mr.") and quotes whole."""
    sentences: list[str] = []
    for piece in _SENTENCE_END.split(paragraph):
        if sentences and _open_quote(sentences[-1]):
            sentences[-1] += " " + piece
        elif piece.strip():
            sentences.append(piece)
    return sentences


def _open_quote(text: str) -> bool:
    """Tell whether a quotation begun in `text` is still open at its end."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _looks_like_metadata(line: str) -> bool:
    return bool(_METADATA.match(line)) or line.isupper() or ("(" in line and len(line.split()) <= 8)


def _gold_people(corpus_dir: Path) -> tuple[str, ...]:
    """The people the examples' annotations name (roles and quote speakers that read as names)."""
    people: set[str] = set()
    not_people: set[str] = set()
    for path in sorted(corpus_dir.glob("*.gold.json")):
        facts = json.loads(path.read_text(encoding="utf-8")).get("facts", [])
        for fact in facts:
            for key in ("agreement", "event", "initiative"):
                if isinstance(fact.get(key), str):
                    not_people.add(fact[key])
            for key in ("person", "speaker"):
                name = fact.get(key)
                parts = name.split() if isinstance(name, str) else []
                if 2 <= len(parts) <= 4 and all(part[:1].isupper() for part in parts):
                    people.add(" ".join(parts))
    return tuple(sorted(people - not_people))


def _article(rng: random.Random, source: Source, words: int) -> str:
    variation = _Variation(rng, source.people)
    headline = variation.apply(rng.choice(source.headlines))
    published = f"{rng.randint(2023, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    lines = [headline, f"By {rng.choice(PEOPLE)}", f"Published: {published}"]
    count = sum(len(line.split()) for line in lines)
    used: set[tuple[int, int]] = set()
    after_subhead = False
    while count < words:
        if len(lines) > 4 and not after_subhead and rng.random() < 0.08 and source.subheads:
            subhead = variation.apply(rng.choice(source.subheads))
            lines.append(subhead)
            count += len(subhead.split())
            after_subhead = True
            continue
        sentences = _paragraph_sentences(rng, source, used)
        kept: list[str] = []
        for sentence in sentences:
            sentence = variation.apply(sentence)
            size = len(sentence.split())
            # Stop at the sentence that brings the article closest to the requested length.
            if count + size > words and (count + size - words) > (words - count):
                count = words
                break
            kept.append(sentence)
            count += size
        if kept:
            lines.append(" ".join(kept))
            after_subhead = False
    return "\n".join(lines) + "\n"


def _paragraph_sentences(rng: random.Random, source: Source, used: set[tuple[int, int]]) -> list[str]:
    """A run of consecutive sentences of one source paragraph, sometimes with one from elsewhere.

    `used` holds the sentences the article already has, so none repeats (until the pool runs dry).
    """
    if len(used) >= sum(map(len, source.paragraphs)):
        used.clear()
    picks: list[tuple[int, int]] = []
    while not picks:
        p = rng.randrange(len(source.paragraphs))
        start = rng.randrange(len(source.paragraphs[p]))
        run = range(start, min(start + rng.randint(1, 4), len(source.paragraphs[p])))
        picks = [(p, i) for i in run if (p, i) not in used]
    if rng.random() < 0.3:
        p = rng.randrange(len(source.paragraphs))
        extra = (p, rng.randrange(len(source.paragraphs[p])))
        if extra not in used and extra not in picks:
            picks.append(extra)
    used.update(picks)
    return [source.paragraphs[p][i] for p, i in picks]


class _Variation:
    """One article's consistent choice of substitutes for countries, people, dates and numbers."""

    def __init__(self, rng: random.Random, people: tuple[str, ...]) -> None:
        self.rng = rng
        self.countries: dict[str, str] = {}
        self.people: dict[str, str] = {}
        self.year_shift = rng.choice((-3, -2, -1, 1, 2))
        shuffled = list(MONTHS)
        while any(a == b for a, b in zip(MONTHS, shuffled, strict=True)):
            rng.shuffle(shuffled)  # every month becomes another
        self.months = dict(zip(MONTHS, shuffled, strict=True))
        self.names = list(PEOPLE)
        rng.shuffle(self.names)
        self.source_people = people
        surnames = {name.split()[-1]: name for name in people if len(name.split()[-1]) >= 4}
        names = sorted({*people, *surnames}, key=len, reverse=True)
        self.surnames = surnames
        self.people_pattern = (
            re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b") if names else None
        )

    def apply(self, text: str) -> str:
        text = _COUNTRY.sub(self._country, text)
        if self.people_pattern is not None:
            text = self.people_pattern.sub(self._person, text)
        return _DATE_OR_NUMBER.sub(self._date_or_number, text)

    def _country(self, match: re.Match[str]) -> str:
        name = match["country"]
        if name not in self.countries:
            taken = set(self.countries.values())
            choices = [c for c in COUNTRIES if c not in taken and c != name] or list(COUNTRIES)
            self.countries[name] = self.rng.choice(choices)
        new = self.countries[name]
        if new not in _WITH_THE:
            return new  # "the United States" becomes "Kenya"
        the = match["the"] or ("The" if match.start() == 0 else "the")
        return f"{the} {new}"

    def _person(self, match: re.Match[str]) -> str:
        found = match[0]
        full = self.surnames.get(found, found)
        if full not in self.people:
            self.people[full] = self.names[len(self.people) % len(self.names)]
        new = self.people[full]
        return new if found == full else new.split()[-1]

    def _date_or_number(self, match: re.Match[str]) -> str:
        if match["iso"]:
            year = int(match["iso_year"]) + self.year_shift
            return f"{year}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
        if match["month"]:
            return self.months[match["month"]]
        if match["day"]:
            return str(self.rng.randint(1, 28))
        value = match["number"]
        number = int(value.replace(",", ""))
        if 1900 <= number <= 2099 and "," not in value:
            return str(number + self.year_shift)
        new = self.rng.randint(max(1, number // 2), number * 3 // 2 + 1)
        new = new + 1 if new == number else new
        return f"{new:,}" if "," in value else str(new)


_COUNTRY = re.compile(
    r"(?:\b(?P<the>[Tt]he) )?\b(?P<country>"
    + "|".join(map(re.escape, sorted(COUNTRIES, key=len, reverse=True)))
    + r")\b"
)
_MONTH_NAMES = "|".join(m for m in MONTHS if m != "May")
_DATE_OR_NUMBER = re.compile(
    r"(?P<iso>\b(?P<iso_year>(?:19|20)\d\d)-\d\d-\d\d\b)"
    rf"|(?P<month>\b(?:{_MONTH_NAMES})\b|\bMay\b(?=\s+\d)|(?<=\d\s)May\b)"
    rf"|(?P<day>\b(?:[1-9]|[12]\d|3[01])\b(?=(?:\s*(?:to|-|–|and)\s*\d{{1,2}})?\s+(?:{_MONTH_NAMES}|May)\b))"
    r"|(?<![\w.,-])(?P<number>\d{1,3}(?:,\d{3})+|\d+)(?![\w%]|[.,]\d)"
)
