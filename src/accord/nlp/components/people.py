"""Know who is who in a document: full names, the short forms that point to them, and their offices.

Offices are read from the two places English puts them: before the name as a
pre-modifier ("French President Emmanuel Macron") and beside it as an apposition
("Linda Griffin, vice president of public policy at Mozilla"; "Morocco's ambassador,
Omar Hilale"). Each office keeps the sentence it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from accord.nlp.cache import doc_tokens
from accord.nlp.gazetteer import load_gazetteer
from accord.nlp.lexicon import organisations, word_set

_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her"}
_NAME_PARTICLES = {
    "von",
    "van",
    "der",
    "den",
    "de",
    "da",
    "di",
    "du",
    "dos",
    "del",
    "la",
    "le",
    "bin",
    "al",
    "ter",
}
# Words that open an office but name none on their own ("Vice" President, "Prime" Minister).
_TITLE_MODIFIERS = {
    "vice",
    "deputy",
    "prime",
    "chief",
    "senior",
    "special",
    "lead",
    "national",
    "foreign",
    "defence",
    "defense",
    "lord",
    "under",
    "co",
    "executive",
    "secretary",
    "first",
    "general",
    "permanent",
    "principal",
    "former",
    "acting",
    "interim",
}
_TITLE_CONNECTORS = {"of", "for", "and", "on", "&", "-"}
_ORG_PREPOSITIONS = {"at", "of", "to"}

if not Doc.has_extension("people"):
    Doc.set_extension("people", default=None)


@dataclass
class Role:
    """An office as the text gives it, with what it is an office of."""

    title: str
    of: str | None
    sentence: Span


@dataclass
class Person:
    name: str
    mentions: list[Span] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)

    @property
    def country(self) -> str | None:
        """The country or organisation key the person's offices belong to, first stated first."""
        for role in self.roles:
            if role.of:
                return role.of
        return None


@dataclass
class People:
    """The people of one document and where each is mentioned."""

    persons: dict[str, Person] = field(default_factory=dict)
    by_token: dict[int, str] = field(default_factory=dict)

    def at(self, i: int) -> str | None:
        """Name the person a token belongs to, if any."""
        return self.by_token.get(i)

    def mentions(self) -> list[tuple[int, str]]:
        """Every person mention as (first token, canonical name), in document order."""
        firsts: dict[int, str] = {}
        for person in self.persons.values():
            for span in person.mentions:
                firsts[span.start] = person.name
        return sorted(firsts.items())


def title_words() -> frozenset[str]:
    return word_set("titles.txt")


def is_title_token(token: Token) -> bool:
    """Tell whether a token is the head of an office name: 'President', 'minister', 'spokesperson'."""
    return token.lower_ in _title_heads()


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern[str]:
    titles = sorted(title_words(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in titles) + r")\b")


def has_title(tokens: list[Token] | Span) -> bool:
    """Tell whether a phrase contains an office ('Tesla chief executive', 'a senior fellow')."""
    text = " ".join(t.lower_ for t in tokens).replace(" - ", "-")
    return _title_pattern().search(text) is not None


def opens_title(token: Token) -> bool:
    """Tell whether an office name can start at this token ('Vice' President, 'Prime' Minister)."""
    return token.lower_ in _title_heads() or token.lower_ in _TITLE_MODIFIERS


@lru_cache(maxsize=1)
def _title_heads() -> frozenset[str]:
    heads = set()
    for title in title_words():
        heads.update(title.replace("-", " ").split())
    return frozenset(
        heads
        - {
            "of",
            "state",
            "general",
            "security",
            "national",
            "senior",
            "chief",
            "special",
            "executive",
            "lead",
            "vice",
            "deputy",
            "foreign",
            "defence",
            "defense",
            "prime",
            "lord",
            "under",
            "co",
        }
    )


@Language.factory("accord_people", assigns=["doc._.people"], requires=["doc.ents", "token.dep"])
def make_people(nlp: Language, name: str) -> PeopleFinder:
    return PeopleFinder()


class PeopleFinder:
    """Collect the people of a document with their offices into `doc._.people`."""

    def __init__(self) -> None:
        self.honorifics = word_set("honorifics.txt")
        self.gazetteer = load_gazetteer()
        self.organisations = organisations()
        self.taken: set[int] = set()

    def __call__(self, doc: Doc) -> Doc:
        people = People()
        stripped = [self.strip_titles(e) for e in doc.ents if e.label_ == "PERSON"]
        found = [s for s in stripped if s is not None] + self.honorific_mentions(doc)
        found += self.names_beside_offices(doc, found)
        spans = [self.join_particles(s) for s in found]
        quoted = quoted_tokens(doc)
        spans = [s for s in spans if self.plausible_name(s) and not (len(s) == 1 and s.start in quoted)]
        self.mend_entities(doc, spans)
        full = {self.name_of(s) for s in spans if len(self.name_of(s).split()) > 1}
        for span in sorted(spans, key=lambda s: s.start):
            name = self.canonical(self.name_of(span), full)
            self.add_mention(people, name, span)
        self.find_surname_mentions(doc, people)
        self.taken = set(people.by_token)
        for person in people.persons.values():
            for span in person.mentions:
                for role in (self.role_before(span), self.role_after(span), self.role_as_head(span)):
                    if role and not any(r.title == role.title and r.of == role.of for r in person.roles):
                        person.roles.append(role)
            for role in person.roles:
                if role.of is None and _NATIONAL_OFFICE.search(role.title.lower()):
                    role.of = self.sole_country(role.sentence)
        doc._.people = people
        return doc

    def sole_country(self, sentence: Span) -> str | None:
        """The one country a sentence names, which a national office there belongs to
        ('Britain, whose delegation was led by … after Prime Minister Keir Starmer …')."""
        codes = set()
        for ent in sentence.ents:
            if ent.label_ in ("GPE", "NORP"):
                code = self.gazetteer.country(ent.text)
                if code:
                    codes.add(code)
        return codes.pop() if len(codes) == 1 else None

    def add_mention(self, people: People, name: str, span: Span) -> None:
        person = people.persons.setdefault(name, Person(name))
        if any(i in people.by_token for i in range(span.start, span.end)):
            return
        person.mentions.append(span)
        for i in range(span.start, span.end):
            people.by_token[i] = name

    def plausible_name(self, span: Span) -> bool:
        text = self.name_of(span)
        if not text or not text[0].isupper() or text in self.organisations:
            return False
        if len(span) == 1 and span[0].pos_ != "PROPN":
            return False
        if span[-1].lower_ in word_set("organisation_words.txt"):
            return False
        doc = span.doc
        if len(span) == 1 and span.end + 1 < len(doc) and doc[span.end].text in ("'s", "’s"):
            # "Anthropic's Priya Raman": an owner before a name is no person of its own.
            following = doc[span.end + 1]
            if following.pos_ == "PROPN" and following.is_title and not is_title_token(following):
                return False
        return self.gazetteer.country(text, capitals=True) is None and not any(
            is_title_token(t) for t in span
        )

    @staticmethod
    def name_of(span: Span) -> str:
        text = span.text
        for suffix in ("'s", "’s", "'", "’"):
            if text.endswith(suffix):
                text = text[: -len(suffix)]
        return " ".join(text.split())

    @staticmethod
    def canonical(name: str, full: set[str]) -> str:
        """Resolve a short form to the one full name it is part of ('Macron', 'Yoon', 'von der Leyen')."""
        if len(name.split()) > 1 and name in full:
            return name
        matches = [f for f in full if f != name and (f.endswith(" " + name) or f.startswith(name + " "))]
        return matches[0] if len(matches) == 1 else name

    def strip_titles(self, span: Span) -> Span | None:
        """Cut an office or an owner the model folded into a name ('Federal Councillor Ignazio Cassis',
        "Anthropic's Priya Raman")."""
        start, end = span.start, span.end
        doc = span.doc
        possessives = [t.i for t in span[:-1] if t.text in ("'s", "’s")]
        if possessives:
            start = possessives[-1] + 1
        heads = [t.i for t in span[:-1] if is_title_token(t)]
        if heads and heads[-1] + 1 < end:
            start = heads[-1] + 1
        while start < end and (
            is_title_token(doc[start])
            or doc[start].lower_ in self.honorifics
            or doc[start].lower_ in _DETERMINERS
        ):
            start += 1
        while end > start and doc[end - 1].text in ("'s", "’s", "'", "’"):
            end -= 1
        return Span(doc, start, end, label="PERSON") if end > start else None

    @staticmethod
    def mend_entities(doc: Doc, persons: list[Span]) -> None:
        """Let mended names replace the fragments the model tagged ('Leyen' as a place)."""
        taken = {i for p in persons for i in range(p.start, p.end)}
        others = [
            e for e in doc.ents if e.label_ != "PERSON" and not any(i in taken for i in range(e.start, e.end))
        ]
        doc.ents = filter_spans(others + [p for p in persons])

    @staticmethod
    def join_particles(span: Span) -> Span:
        """Mend names the model cut at a particle ('Ursula von' + 'der Leyen')."""
        doc = span.doc
        end = span.end
        while end < len(doc) and doc[end].lower_ in _NAME_PARTICLES and doc[end].is_lower:
            end += 1
        mended = end > span.end or span[-1].lower_ in _NAME_PARTICLES
        if mended and end < len(doc) and doc[end].is_title:
            return Span(doc, span.start, end + 1, label="PERSON")
        return span

    def honorific_mentions(self, doc: Doc) -> list[Span]:
        """Find 'Ms Donelan' and 'Mr. Macron', which the small model often misses or calls an ORG."""
        found = []
        for token in doc_tokens(doc)[:-1]:
            if token.lower_ in self.honorifics and token.is_title:
                nxt = doc[token.i + 1]
                if nxt.is_title and nxt.ent_type_ not in ("GPE", "NORP", "DATE"):
                    end = nxt.i + 1
                    while (
                        end < len(doc) and doc[end].is_title and doc[end].ent_type_ in ("PERSON", "ORG", "")
                    ):
                        end += 1
                    found.append(Span(doc, nxt.i, end, label="PERSON"))
        return found

    def names_beside_offices(self, doc: Doc, known: list[Span]) -> list[Span]:
        """Find names the model missed where an office vouches for them.

        'Foreign Minister Cho Tae-yul', 'India's foreign secretary, Vikram Misri,' and
        'Ruben Brekelmans, the Dutch defence minister' are people whatever the model says.
        """
        taken = {i for s in known for i in range(s.start, s.end)}
        tokens = doc_tokens(doc)
        is_name = [self.name_token(token) for token in tokens]
        found = []
        i = 0
        while i < len(tokens):
            end = i
            while end < len(tokens) and end - i < 4 and is_name[end] and end not in taken:
                end += 1
            if end - i < 2 or (i > 0 and is_name[i - 1]):
                i = max(end, i + 1)
                continue
            before = tokens[i - 1] if i > 0 else None
            before2 = tokens[i - 2] if i > 1 else None
            after = tokens[end] if end < len(tokens) else None
            vouched = (
                (before is not None and is_title_token(before) and before.is_title)
                or (
                    before is not None
                    and before.text == ","
                    and before2 is not None
                    and is_title_token(before2)
                )
                or (after is not None and after.text == "," and self.office_follows(doc, end + 1))
            )
            if vouched:
                found.append(Span(doc, i, end, label="PERSON"))
            i = end
        return found

    def name_token(self, token: Token) -> bool:
        if (
            not token.is_title
            or token.pos_ != "PROPN"
            or is_title_token(token)
            or token.lower_ in _TITLE_MODIFIERS
        ):
            return False
        return token.ent_type_ not in ("GPE", "NORP", "DATE", "EVENT", "AGREEMENT", "LOC", "FAC")

    @staticmethod
    def office_follows(doc: Doc, i: int) -> bool:
        """Tell whether an office phrase starts at token i ('the Dutch defence minister')."""
        for token in doc[i : min(len(doc), i + 6)]:
            if token.text in (",", ".", ";") or token.pos_ in ("VERB", "AUX"):
                return False
            if is_title_token(token):
                return True
        return False

    def find_surname_mentions(self, doc: Doc, people: People) -> None:
        """Catch the bare surnames the model did not tag ('Wu said ...')."""
        short: dict[str, str] = {}
        for name in people.persons:
            parts = name.split()
            if len(parts) > 1:
                for part in (parts[0], parts[-1]):
                    short[part] = name if part not in short else ""
        for token in doc_tokens(doc):
            if token.i in people.by_token or not token.is_title:
                continue
            full_name = short.get(token.text)
            if (
                full_name
                and token.ent_type_ not in ("EVENT", "AGREEMENT")
                and self.gazetteer.country(token.text, capitals=True) is None
                and token.text not in self.organisations
            ):
                self.add_mention(people, full_name, doc[token.i : token.i + 1])

    # Offices -----------------------------------------------------------------------------

    def role_before(self, span: Span) -> Role | None:
        """Read a pre-modifier office: 'US Vice President JD Vance', 'Tesla chief executive Elon Musk'."""
        doc = span.doc
        k = span.start - 1
        start = span.start
        while k >= span.sent.start:
            token = doc[k]
            if (
                token.lower_ in _DETERMINERS
                or (token.is_punct and token.text not in ("-",))
                or token.ent_type_ == "PERSON"
                or token.i in self.taken
            ):
                break
            if (
                opens_title(token)
                or token.is_title
                or token.is_upper
                or (
                    token.lower_ in _TITLE_CONNECTORS
                    and k - 1 >= span.sent.start
                    and doc[k - 1].is_title
                    and doc[k - 1].ent_type_ != "PERSON"
                )
            ):
                start = k
                k -= 1
                continue
            if token.text in ("'s", "’s") and k - 1 >= span.sent.start:
                start = k
                k -= 1
                continue
            break
        if start == span.start:
            return None
        return self.parse_office(doc[start : span.start], span.sent)

    def role_after(self, span: Span) -> Role | None:
        """Read an apposition: 'Nick Reiners, senior analyst on geopolitical technology at Eurasia Group'."""
        doc = span.doc
        if span.end >= span.sent.end - 1 or doc[span.end].text != ",":
            return None
        appos = [
            t
            for t in doc[span.end + 1 : span.sent.end]
            if t.dep_ == "appos" and t.head.i in range(span.start, span.end)
        ]
        if appos:
            phrase = doc[min(a.left_edge.i for a in appos) : max(a.right_edge.i for a in appos) + 1]
            cut = next(
                (t.i for t in phrase if t.lower_ in ("who", "whose", "which") or t.dep_ == "relcl"), None
            )
            if cut is not None:
                phrase = doc[phrase.start : cut]
        else:
            stop = span.end + 1
            while (
                stop < span.sent.end
                and doc[stop].text not in (",", ".", ";", ":", "(", ")")
                and doc[stop].pos_ not in ("VERB", "AUX")
            ):
                stop += 1
            phrase = doc[span.end + 1 : stop]
        if phrase.start != span.end + 1 or len(phrase) == 0 or len(phrase) > 20:
            return None
        return self.parse_office(phrase, span.sent)

    def role_as_head(self, span: Span) -> Role | None:
        """Read 'India's foreign secretary, Vikram Misri': the name in apposition to the office."""
        doc = span.doc
        if span.start - 2 < span.sent.start or doc[span.start - 1].text != ",":
            return None
        end = span.start - 1
        start = end
        while start - 1 >= span.sent.start and end - start < 10:
            token = doc[start - 1]
            if (
                token.lower_ in _DETERMINERS
                or (token.is_punct and token.text != "-")
                or token.i in self.taken
                or (token.pos_ in ("VERB", "AUX", "ADP") and token.lower_ not in _TITLE_CONNECTORS)
            ):
                break
            start -= 1
        phrase = doc[start:end]
        if not phrase or not (is_title_token(phrase[-1]) or any(is_title_token(t) for t in phrase)):
            return None
        return self.parse_office(phrase, span.sent)

    def parse_office(self, phrase: Span, sentence: Span) -> Role | None:
        """Split an office phrase into the title and what it is an office of."""
        tokens = [t for t in phrase if not (t.i == phrase.start and t.lower_ in _DETERMINERS)]
        for idx, token in enumerate(tokens):
            if token.lower_ in ("who", "whose", "which", "that") and idx > 0:
                tokens = tokens[:idx]
                break
        while tokens and tokens[-1].text in (",", "-", "and"):
            tokens = tokens[:-1]
        if not tokens or not has_title(tokens):
            return None
        of: str | None = None
        # A leading possessive or demonym names the country or body: "Britain's", "the Dutch", "Tesla".
        lead_end = 0
        for idx, token in enumerate(tokens):
            if token.text in ("'s", "’s"):
                owner = " ".join(t.text for t in tokens[:idx])
                of = None if tokens[0].ent_type_ == "PERSON" else self.owner_key(owner)
                lead_end = idx + 1
                break
        if lead_end == 0:
            opener = next((i for i, t in enumerate(tokens) if opens_title(t)), 0)
            while opener > 0 and tokens[opener - 1].lower_ in word_set("portfolios.txt"):
                opener -= 1  # "Digital Minister": the portfolio belongs to the office
            if opener > 1 and tokens[opener - 1].ent_type_ == "ORG":
                start = opener - 1
                while (
                    start > 0 and tokens[start - 1].ent_type_ == "ORG" and tokens[start - 1].ent_iob_ != "O"
                ):
                    start -= 1
                    if tokens[start].ent_iob_ == "B":
                        break
                of, lead_end = " ".join(t.text for t in tokens[start:opener]), opener
            for width in range(min(opener, 4), 0, -1):
                lead = " ".join(t.text for t in tokens[:width])
                key = self.gazetteer.country(lead) or (
                    self.organisations[lead][0] if lead in self.organisations else None
                )
                if (
                    key is None
                    and width == opener
                    and tokens[0].ent_type_ == "ORG"
                    and tokens[width - 1].ent_type_ == "ORG"
                ):
                    key = lead
                if key:
                    of, lead_end = key, width
                    break
        rest = tokens[lead_end:]
        # A trailing "at Mozilla" / "of the European Commission" names the body.
        for idx, token in enumerate(rest):
            if idx > 0 and token.lower_ in _ORG_PREPOSITIONS and not has_title(rest[:idx]):
                continue
            if (
                token.lower_ == "of"
                and idx > 0
                and f"{rest[idx - 1].lower_} of {rest[idx + 1].lower_ if idx + 1 < len(rest) else ''}"
                in title_words()
            ):
                continue
            if token.lower_ == "to" and of is not None:
                # "Spain's ambassador to the United Nations": the office stays whole, the owner is Spain.
                break
            if token.lower_ in _ORG_PREPOSITIONS and idx > 0:
                tail = [t for t in rest[idx + 1 :] if t.lower_ not in _DETERMINERS or t.i != rest[idx + 1].i]
                tail_text = " ".join(t.text for t in tail)
                tail_is_body = bool(tail) and (
                    tail[0].ent_type_ in ("ORG", "GPE", "NORP", "FAC")
                    or self.gazetteer.country(tail_text)
                    or tail_text in self.organisations
                    or (token.lower_ == "at" and tail[0].is_title)
                )
                if tail_is_body:
                    of = self.owner_key(tail_text) or of
                    rest = rest[:idx]
                    break
        rest = self.keep_title_conjuncts(rest)
        title = _join(rest)
        if not title or not has_title(rest):
            return None
        return Role(title=title, of=of, sentence=sentence)

    @staticmethod
    def keep_title_conjuncts(tokens: list[Token]) -> list[Token]:
        """Drop a conjunct that is no office ('the Turing Award winner and lead author of ...')."""
        ands = [i for i, t in enumerate(tokens) if t.lower_ == "and"]
        for i in ands:
            left, right = tokens[:i], tokens[i + 1 :]
            if (
                left
                and right
                and not any(is_title_token(t) for t in left)
                and any(is_title_token(t) for t in right)
            ):
                return right
        return tokens

    def owner_key(self, text: str) -> str | None:
        """Key a body an office belongs to: an ISO code for a country, else the organisation's name."""
        text = " ".join(text.split())
        if text.lower().startswith("the "):
            text = text[4:]
        code = self.gazetteer.country(text, capitals=True)
        if code:
            return code
        if text in self.organisations:
            return self.organisations[text][0]
        return text or None


_NATIONAL_OFFICE = re.compile(
    r"\b(?:president|prime minister|premier|chancellor|minister|secretary|ambassador|envoy)\b"
)

QUOTE_MARKS = {'"', "“", "”", "«", "»"}


_QUOTED_KEY = "accord.quoted_tokens"


def quoted_tokens(doc: Doc) -> frozenset[int]:
    """Index the tokens that stand inside quotation marks, once per document.

    Components and extractors ask for this many times per document; the text does not change
    after tokenization, so the answer is kept in `doc.user_data`.
    """
    cached = doc.user_data.get(_QUOTED_KEY)
    if cached is None:
        cached = doc.user_data[_QUOTED_KEY] = frozenset(_scan_quoted(doc))
    return cached


def _scan_quoted(doc: Doc) -> set[int]:
    # Compared as string ids from one array: reading `Token.text` per token costs more.
    strings = doc.vocab.strings
    openers = {strings.add("“"), strings.add("«")}
    closers = {strings.add("”"), strings.add("»")}
    straight = strings.add('"')
    inside = False
    found: set[int] = set()
    for i, orth in enumerate(doc.to_array(ORTH).tolist()):
        if orth in openers:
            inside = True
        elif orth in closers:
            inside = False
        elif orth == straight:
            inside = not inside
        elif inside:
            found.add(i)
    return found


def _join(tokens: list[Token]) -> str:
    text = "".join(t.text_with_ws for t in tokens).strip()
    return text.strip(" ,;:")
