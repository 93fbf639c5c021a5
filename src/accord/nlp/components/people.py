"""Know who is who in a document: full names, the short forms that point to them, and their offices.

Offices are read from the two places English puts them: before the name as a
pre-modifier ("French President Emmanuel Macron") and beside it as an apposition
("Linda Griffin, vice president of public policy at Mozilla"; "Morocco's ambassador,
Omar Hilale"). Each office keeps the sentence it came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from accord.nlp.cache import doc_tokens
from accord.nlp.gazetteer import load_gazetteer
from accord.nlp.headlines import VerbForms, is_title_case
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
_NAME_SUFFIXES = {"Jr", "Sr", "II", "III", "IV"}
_BODY_PREPOSITIONS = {"at", "of", "to", "for", "with"}

if not Doc.has_extension("people"):
    Doc.set_extension("people", default=None)


@dataclass
class Role:
    """An office as the text gives it, with what it is an office of."""

    title: str
    of: str | None
    sentence: Span
    shared: bool = False  # a plural office before a list of names ('Vice Presidents A and B')


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


def _name_words(name: str) -> list[str]:
    """A name's words without a generational suffix ('Joseph R. Biden Jr.' → Joseph, R., Biden)."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1].rstrip(".") in _NAME_SUFFIXES:
        words = words[:-1]
    return words


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if c.isalnum())


def same_person_forms(full: set[str]) -> dict[str, str]:
    """Map each full name to the fullest form the document gives of the same person.

    'Joe Biden' and 'Joseph R. Biden Jr.' share a surname and an initial; 'Marija Pejčinović' is
    the start of 'Marija Pejcinovic Buric'. Forms merge only when one person can be meant: two
    people sharing a surname with the same initial stay apart.
    """
    names = sorted(full, key=lambda n: (-len(_name_words(n)), -len(n), n))
    forms: dict[str, str] = {}
    for name in names:
        words = [_fold(w) for w in _name_words(name)]
        fuller = [
            other
            for other in names
            if forms.get(other) == other and _same_person(words, [_fold(w) for w in _name_words(other)])
        ]
        forms[name] = fuller[0] if len(fuller) == 1 else name
    return forms


def _same_person(short: list[str], long: list[str]) -> bool:
    if len(short) > len(long) or not short or not long:
        return False
    if long[: len(short)] == short or (len(short) > 1 and long[-len(short) :] == short):
        return True  # 'Marija Pejčinović' of 'Marija Pejčinović Burić'; 'Van Overstraeten' of 'Tanguy …'

    first, other = short[0], long[0]
    compatible = first[:2] == other[:2] or (min(len(first), len(other)) == 1 and first[:1] == other[:1])
    return short[-1] == long[-1] and compatible and len(short) < len(long)


def title_words() -> frozenset[str]:
    return word_set("titles.txt")


def is_title_token(token: Token) -> bool:
    """Tell whether a token is the head of an office name: 'President', 'minister', 'co-founder'."""
    return token.lower_ in _title_heads() or ("-" in token.lower_ and token.lower_ in title_words())


def is_plural_title(token: Token) -> bool:
    """Tell whether a capitalised token is an office in the plural ('Presidents', 'Ministers'),
    as before a list of names: 'Foreign Ministers Ana Lind and Eva Berg'."""
    lower = token.lower_
    return token.is_title and lower.endswith("s") and len(lower) > 4 and lower[:-1] in _title_heads()


def entity_at(token: Token) -> Span | None:
    """The entity a token belongs to, if any."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and token.ent_iob_ != "B" and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


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
    return is_title_token(token) or token.lower_ in _TITLE_MODIFIERS


@lru_cache(maxsize=1)
def _title_heads() -> frozenset[str]:
    """The head nouns of the offices: the last word before any 'of/to/for' ('Secretary' of State,
    'Assistant' to the President, Chief Technology 'Officer'), with the parts of a hyphenated one."""
    heads = set()
    for title in title_words():
        head = re.split(r" (?:of|to|for) ", title)[0].split()[-1]
        heads.update(head.split("-"))
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
    return PeopleFinder(VerbForms(nlp).verbs)


class PeopleFinder:
    """Collect the people of a document with their offices into `doc._.people`."""

    def __init__(self, verbs: frozenset[str] = frozenset()) -> None:
        self.verbs = verbs
        self.honorifics = word_set("honorifics.txt")
        self.gazetteer = load_gazetteer()
        self.organisations = organisations()
        self.taken: set[int] = set()

    def __call__(self, doc: Doc) -> Doc:
        people = People()
        self.taken = set()
        stripped = [self.strip_titles(e) for e in doc.ents if e.label_ == "PERSON"]
        found = [s for s in stripped if s is not None] + self.honorific_mentions(doc)
        found += self.names_beside_offices(doc, found)
        spans = [self.join_suffixes(self.join_particles(self.join_surname(s))) for s in found]
        quoted = quoted_tokens(doc)
        spans = [s for s in spans if self.plausible_name(s) and not (len(s) == 1 and s.start in quoted)]
        spans = self.drop_headline_verbs(spans)
        self.mend_entities(doc, spans)
        forms = same_person_forms({self.name_of(s) for s in spans if len(self.name_of(s).split()) > 1})
        for span in sorted(spans, key=lambda s: s.start):
            name = self.canonical(self.name_of(span), forms)
            self.add_mention(people, name, span)
        self.find_surname_mentions(doc, people)
        self.taken = set(people.by_token)
        for person in people.persons.values():
            for span in person.mentions:
                for role in (self.role_before(span), self.role_after(span), self.role_as_head(span)):
                    if role and not any(r.title == role.title and r.of == role.of for r in person.roles):
                        person.roles.append(role)
        self.share_plural_offices(doc, people)
        for person in people.persons.values():
            for role in person.roles:
                if role.of is None and _NATIONAL_OFFICE.search(role.title.lower()):
                    role.of = self.sole_country(role.sentence)
        doc._.people = people
        return doc

    @staticmethod
    def share_plural_offices(doc: Doc, people: People) -> None:
        """Give the office of 'Foreign Ministers Ana Lind and Eva Berg' to Eva Berg as well."""
        for person in people.persons.values():
            for span in person.mentions:
                if span.start < 2 or doc[span.start - 1].lower_ not in ("and", "&"):
                    continue
                other = people.at(span.start - 2)
                if other is None or other == person.name:
                    continue
                for role in people.persons[other].roles:
                    if role.shared and role.sentence.start == span.sent.start and role not in person.roles:
                        person.roles.append(role)

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
        if any(i in people.by_token for i in range(span.start, span.end)):
            return
        person = people.persons.setdefault(name, Person(name))
        person.mentions.append(span)
        for i in range(span.start, span.end):
            people.by_token[i] = name

    def plausible_name(self, span: Span) -> bool:
        text = self.name_of(span)
        if not text or not text[0].isupper() or text in self.organisations:
            return False
        if len(span) == 1 and span[0].pos_ != "PROPN":
            return False
        if (
            len(span) == 1
            and span.start > 1
            and doc_tokens(span.doc)[span.start - 1].lower_ in ("and", "of", "for", "&")
            and span.doc[span.start - 2].is_title
            and span.doc[span.start - 2].ent_type_ != "PERSON"
        ):
            return False  # 'Center for AI Ethics and Governance': the end of a body's name
        if span[-1].lower_ in word_set("organisation_words.txt"):
            return False
        doc = span.doc
        if names_a_government(doc, span.end):
            return False
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
    def canonical(name: str, forms: dict[str, str]) -> str:
        """Resolve a short form to the one full name it is part of ('Macron', 'Yoon', 'von der Leyen').

        A word in the middle counts only when no full name starts or ends with it ('Lula' of
        'Luiz Inácio Lula da Silva'); a name in capitals ('SUNAK', a transcript's speaker label)
        is read as the name it spells.
        """
        if name in forms:
            return forms[name]
        if name.isupper() and len(name) > 3:
            spelled = " ".join(w.capitalize() for w in name.split())
            found = PeopleFinder.canonical(spelled, forms)
            return found if found != spelled else name
        matches = {
            person
            for form, person in forms.items()
            if form.endswith(" " + name)
            or form.startswith(name + " ")
            or (" " not in name and name in (_name_words(form)[0], _name_words(form)[-1]))
        }
        if not matches and " " not in name and name.lower() not in _NAME_PARTICLES:
            matches = {person for form, person in forms.items() if name in _name_words(form)[1:-1]}
        return matches.pop() if len(matches) == 1 else name

    def strip_titles(self, span: Span) -> Span | None:
        """Cut an office or an owner the model folded into a name ('Federal Councillor Ignazio Cassis',
        "Anthropic's Priya Raman")."""
        start, end = span.start, span.end
        doc = span.doc
        possessives = [t.i for t in span[:-1] if t.text in ("'s", "’s")]
        if possessives:
            start = possessives[-1] + 1
        heads = [
            t.i for t in span[:-1] if is_title_token(t) or t.lower_ in word_set("organisation_words.txt")
        ]
        if heads and heads[-1] + 1 < end:
            start = heads[-1] + 1  # 'Space Council Maya Lind': the name follows its office's body
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

    def drop_headline_verbs(self, spans: list[Span]) -> list[Span]:
        """Cut a headline's verb the model read as part of a name ('President Trump Signs …').

        The last word goes only when it is a verb's third-person form and the rest is a name
        the document gives elsewhere, so a surname that is also a verb ('Burns') stays.
        """
        names = {self.name_of(s) for s in spans}
        kept = []
        for span in spans:
            last = span[-1]
            if len(span) > 1 and last.is_title and self.is_verb_form(last.lower_):
                rest = span[:-1]
                rest_name = self.name_of(rest)
                others = names - {self.name_of(span)}
                words = {w for n in others if len(n.split()) > 1 for w in (n.split()[0], n.split()[-1])}
                if rest_name in others or rest_name in words:
                    span = Span(span.doc, rest.start, rest.end, label="PERSON")
            kept.append(span)
        return kept

    def is_verb_form(self, word: str) -> bool:
        """Tell whether a word is a verb's third-person singular ('signs', 'promotes', 'says')."""
        if not word.endswith("s") or len(word) < 4:
            return False
        stems = {word[:-1], word[:-2], word[:-3] + "y" if word.endswith("ies") else ""}
        return any(stem in self.verbs for stem in stems if stem)

    def join_surname(self, span: Span) -> Span:
        """Mend a first name the model tagged without its surname ('David' of 'David Sacks'): the
        next word is a name word the parser makes the head of the first name."""
        doc = span.doc
        end = span.end
        if (
            end < len(doc)
            and span[-1].dep_ == "compound"
            and span[-1].head.i == end
            and doc[end].ent_type_ in ("", "PERSON")
            and self.name_token(doc[end])
        ):
            return Span(doc, span.start, end + 1, label="PERSON")
        return span

    @staticmethod
    def join_suffixes(span: Span) -> Span:
        """Mend names the tokenizer or the model cut at a hyphen or before a suffix.

        'Yoon Suk-yeol' keeps its hyphenated given name; 'Joseph R. Biden, Jr.' its 'Jr.'.
        """
        doc = span.doc
        end = span.end
        while (
            end + 1 < len(doc)
            and doc[end].text == "-"
            and not doc[end - 1].whitespace_
            and not doc[end].whitespace_
            and doc[end + 1].is_alpha
        ):
            end += 2
        at = end + 1 if end < len(doc) and doc[end].text == "," else end
        if at < len(doc) and doc[at].text.rstrip(".") in _NAME_SUFFIXES:
            end = at + 1
        return Span(doc, span.start, end, label="PERSON") if end > span.end else span

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
                if nxt.lower_ in self.honorifics or nxt.ent_type_ == "PERSON":
                    continue  # 'H.H. Sheikh …': the last honorific reads the name, or the model has it
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
            office_start = self.premodifier_start(doc, self.skip_honorifics(doc, i, 0), 0) if i else i
            vouched = (
                (
                    before is not None
                    and (is_title_token(before) or is_plural_title(before))
                    and before.is_title
                )
                or (before is not None and before.is_title and has_title(doc[office_start:i]))
                or (
                    before is not None
                    and before.text == ","
                    and before2 is not None
                    and is_title_token(before2)
                )
                or self.office_after(doc, end)
            )
            if vouched and not is_title_case(tokens[i].sent):
                # in a headline every word is capitalised: 'EU Member States Face Funding Shortages'
                found.append(Span(doc, i, end, label="PERSON"))
            i = end
        return found

    def name_token(self, token: Token) -> bool:
        if (
            not token.is_title
            or token.pos_ != "PROPN"
            or is_title_token(token)
            or token.lower_ in _TITLE_MODIFIERS
            or token.lower_ in self.honorifics
            or is_plural_title(token)
            or token.lower_ in word_set("portfolios.txt")
            or token.lower_ in word_set("organisation_words.txt")
        ):
            return False
        return token.ent_type_ not in ("GPE", "NORP", "DATE", "EVENT", "AGREEMENT", "LOC", "FAC")

    def office_after(self, doc: Doc, end: int) -> bool:
        """Tell whether ', <office>' follows a name, past a caption marker ('Eva Berg (R), Secretary …')."""
        comma = caption_marker_end(doc, end)
        return comma < len(doc) and doc[comma].text == "," and self.office_follows(doc, comma + 1)

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
                and not names_a_government(doc, token.i + 1)
                and self.gazetteer.country(token.text, capitals=True) is None
                and token.text not in self.organisations
            ):
                self.add_mention(people, full_name, doc[token.i : token.i + 1])

    # Offices -----------------------------------------------------------------------------

    def role_before(self, span: Span) -> Role | None:
        """Read a pre-modifier office: 'US Vice President JD Vance', 'Tesla chief executive Elon Musk'.

        The office may hold connectors ('Assistant to the President and Director of the …'),
        a portfolio list ('Minister of Science, Information, and Communication Technology') and
        an honorific before the name ('President H.H. Sheikh …'), but never ends in a connector:
        'Foreign Minister and Maria Lopez' is a list of two people.
        """
        doc = span.doc
        end = self.skip_honorifics(doc, span.start, span.sent.start)
        start = self.premodifier_start(doc, end, span.sent.start)
        if start == end:
            return None
        return self.parse_office(doc[start:end], span.sent, before_name=True)

    def skip_honorifics(self, doc: Doc, end: int, low: int) -> int:
        """Step back over honorifics before a name ('President H.H. Sheikh …'), not into an office
        ('First Lady Ana Ruiz')."""
        while end - 1 >= low and doc[end - 1].lower_ in self.honorifics and doc[end - 1].is_title:
            if end - 2 >= low and f"{doc[end - 2].lower_} {doc[end - 1].lower_}" in title_words():
                break
            end -= 1
        return end

    def premodifier_start(self, doc: Doc, end: int, low: int) -> int:
        """Where an office written before a name begins (end when there is none)."""
        k = end - 1
        start = end
        while k >= low:
            token = doc[k]
            if token.ent_type_ == "PERSON" or token.i in self.taken:
                break
            if token.text == "," and k < end - 1 and self.in_portfolio_list(doc, k, low):
                k -= 1
                continue
            if token.is_punct and token.text != "-":
                break
            if token.lower_ in _DETERMINERS:
                if token.lower_ == "the" and k - 1 >= low and doc[k - 1].lower_ in ("of", "to", "for"):
                    k -= 1
                    continue
                break
            if token.lower_ in _TITLE_CONNECTORS or token.lower_ == "to":
                if k == end - 1 or k - 1 < low:
                    break
                previous = doc[k - 1]
                # 'co-founder and CEO' joins office words in any case; 'adviser for European
                # Parliament Member X' is an adviser of the member, not one office.
                joins = token.lower_ in ("and", "&", "-")
                if previous.ent_type_ != "PERSON" and (
                    previous.is_title
                    or previous.is_upper
                    or (joins and _title_like(previous))
                    or (previous.text == "," and self.in_portfolio_list(doc, k - 1, low))
                ):
                    start = k
                    k -= 1
                    continue
                break
            if (
                opens_title(token)
                or token.is_title
                or token.is_upper
                or token.lower_ in word_set("portfolios.txt")
            ):
                start = k  # 'UK technology minister X': a portfolio written small belongs to the office
                k -= 1
                continue
            if token.text in ("'s", "’s") and k - 1 >= low:
                start = k
                k -= 1
                continue
            break
        while start < end and doc[start].lower_ in _TITLE_CONNECTORS | {"to"}:
            start += 1
        return start

    def in_portfolio_list(self, doc: Doc, comma: int, low: int) -> bool:
        """Tell whether a comma parts the portfolios of one office ('Minister of Science, Information …')."""
        k = comma - 1
        while k >= max(low, comma - 8):
            token = doc[k]
            if token.ent_type_ == "PERSON" or token.i in self.taken:
                return False
            if token.lower_ in ("of", "for"):
                return k - 1 >= low and is_title_token(doc[k - 1])
            if not (token.is_title or token.is_upper or token.lower_ in ("and", "&", ",")):
                return False
            k -= 1
        return False

    def role_after(self, span: Span) -> Role | None:
        """Read an apposition: 'Nick Reiners, senior analyst on geopolitical technology at Eurasia Group'.

        A photo caption's marker between name and office ('Maria Lopez (R), Secretary General')
        is skipped; 'X, who remains the chair of …' gives the office after the verb; the office
        ends where another person and their own office begin.
        """
        doc = span.doc
        comma = caption_marker_end(doc, span.end)
        if comma >= span.sent.end - 1 or doc[comma].text != ",":
            return None
        following = doc[comma + 1]
        if following.lower_ == "who":
            return self.role_in_relative(span, comma + 1)
        if following.lower_ in ("and", "or", "&") or self.starts_other_person(doc, comma + 1, span):
            return None
        appos = [
            t
            for t in doc[comma + 1 : span.sent.end]
            if t.dep_ == "appos" and t.head.i in range(span.start, span.end)
        ]
        if appos:
            end = max(a.right_edge.i for a in appos) + 1
            while end < span.sent.end and doc[end].pos_ in ("NOUN", "PROPN", "ADJ") and end not in self.taken:
                end += 1  # '…, co-founder of prominent AI startup Anthropic': the parser stopped short
            phrase = doc[min(a.left_edge.i for a in appos) : end]
            cut = next(
                (t.i for t in phrase if t.lower_ in ("who", "whose", "which") or t.dep_ == "relcl"), None
            )
            if cut is not None:
                phrase = doc[phrase.start : cut]
        if not appos or len(phrase) > 20:
            # no apposition, or one the parser ran on into a second one: up to the next comma
            stop = comma + 1
            while (
                stop < span.sent.end
                and doc[stop].text not in (",", ".", ";", ":", "(", ")")
                and doc[stop].pos_ not in ("VERB", "AUX")
            ):
                stop += 1
            phrase = doc[comma + 1 : stop]
        if phrase.start != comma + 1 or len(phrase) == 0 or len(phrase) > 20:
            return None
        phrase = self.before_next_person(phrase, span)
        if len(phrase) == 0:
            return None
        return self.parse_office(phrase, span.sent)

    def role_in_relative(self, span: Span, who: int) -> Role | None:
        """Read 'X, who remains the chair of the institute': an office given by a copular verb."""
        doc = span.doc
        verb = doc[who + 1] if who + 1 < span.sent.end else None
        if verb is None or verb.lemma_.lower() not in ("be", "remain", "serve", "become"):
            return None
        start = who + 2
        if start < span.sent.end and doc[start].lower_ == "as":
            start += 1
        stop = start
        while (
            stop < span.sent.end
            and doc[stop].text not in (",", ".", ";", ":", "(", ")")
            and doc[stop].pos_ not in ("VERB", "AUX")
        ):
            stop += 1
        if stop == start or stop - start > 15:
            return None
        phrase = self.before_next_person(doc[start:stop], span)
        return self.parse_office(phrase, span.sent) if len(phrase) else None

    def starts_other_person(self, doc: Doc, i: int, span: Span) -> bool:
        """Tell whether another person's name starts at token i (known, or two name-like words)."""
        if i >= len(doc) or i in range(span.start, span.end):
            return False
        if i in self.taken or doc[i].ent_type_ == "PERSON":
            return not self.owner_person(doc, i)
        return (
            i + 1 < len(doc)
            and self.name_token(doc[i])
            and self.name_token(doc[i + 1])
            and doc[i].ent_type_ != "ORG"
            and doc[i + 1].ent_type_ != "ORG"
        )

    def owner_person(self, doc: Doc, i: int) -> bool:
        """Tell whether the name at token i is an owner ("Macron's special envoy"), not a new person."""
        end = i + 1
        while (
            end < len(doc)
            and doc[end].ent_iob_ != "B"
            and (end in self.taken or doc[end].ent_type_ == "PERSON")
        ):
            end += 1
        return end < len(doc) and doc[end].text in ("'s", "’s", "'", "’")

    def before_next_person(self, phrase: Span, span: Span) -> Span:
        """End an apposition where the next person of a list begins, with the office before their name.

        'Kai Moser, adviser to the committee chair Ana Lind' keeps 'adviser to the committee chair'
        minus Lind's own office; 'Ana Ruiz, Foreign Minister and Eva Berg (R), …' keeps 'Foreign Minister'.
        """
        doc = span.doc
        cut = None
        for token in phrase:
            if token.i in range(span.start, span.end):
                continue
            if (token.i in self.taken or token.ent_type_ == "PERSON") and not self.owner_person(doc, token.i):
                cut = token.i
                break
            if token.lower_ in ("and", "&") and self.starts_other_person(doc, token.i + 1, span):
                cut = token.i
                break
        if cut is None:
            return phrase
        if doc[cut].lower_ not in ("and", "&"):
            name_start = self.skip_honorifics(doc, cut, phrase.start)
            cut = max(phrase.start, self.premodifier_start(doc, name_start, phrase.start))
        joints = _TITLE_CONNECTORS | {"to"}
        while cut > phrase.start and (doc[cut - 1].is_punct or doc[cut - 1].lower_ in joints):
            cut -= 1
        return doc[phrase.start : cut]

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

    def parse_office(self, phrase: Span, sentence: Span, before_name: bool = False) -> Role | None:
        """Split an office phrase into the title and what it is an office of."""
        tokens = [t for t in phrase if not (t.i == phrase.start and t.lower_ in _DETERMINERS)]
        for idx, token in enumerate(tokens):
            if token.lower_ in ("who", "whose", "which", "that") and idx > 0:
                tokens = tokens[:idx]
                break
        while tokens and tokens[-1].text in (",", "-", "and"):
            tokens = tokens[:-1]
        if not tokens or not (has_title(tokens) or (before_name and is_plural_title(tokens[-1]))):
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
            portfolios = word_set("portfolios.txt")
            while opener > 0 and (
                tokens[opener - 1].lower_ in portfolios
                or (
                    tokens[opener - 1].lower_ in ("and", "&")
                    and opener > 1
                    and tokens[opener - 2].lower_ in portfolios
                )
            ):
                opener -= 1  # "Electronics and IT Minister": the portfolio belongs to the office
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
            body_words = word_set("organisation_words.txt")
            whole_body = any(t.lower_ in body_words for t in tokens[lead_end:opener])
            if (lead_end == 0 or whole_body) and opener > 0 and self.names_a_body(tokens[:opener]):
                # "Mistral co-founder", "White House Office of Science and Technology Policy Director":
                # a body whose name starts with a place is the owner, not the place
                of, lead_end = " ".join(t.text for t in tokens[:opener]), opener
        rest, of = self.split_body(tokens[lead_end:], of)
        rest = self.keep_title_conjuncts(rest)
        title = _join(rest)
        plural = before_name and bool(rest) and is_plural_title(rest[-1])
        if not title or not (has_title(rest) or plural):
            return None
        if plural:
            title = title[:-1]  # 'Executive Vice Presidents Ana Lind and Eva Berg': each a Vice President
        return Role(title=title, of=of, sentence=sentence, shared=plural)

    def names_a_body(self, tokens: list[Token]) -> bool:
        """Tell whether the words before an office name its owner: capitalised words, no office."""
        if not tokens[0].is_title or (not tokens[-1].is_title and not tokens[-1].is_upper):
            return False
        for token in tokens:
            if token.lower_ in ("of", "and", "&", "for"):
                continue
            if (
                not (token.is_title or token.is_upper)
                or opens_title(token)
                or token.ent_type_ in ("NORP", "PERSON")
            ):
                return False
        return True

    def split_body(self, rest: list[Token], of: str | None) -> tuple[list[Token], str | None]:
        """Cut a trailing body off an office: 'at Mozilla', 'of the European Commission', 'with law
        firm Linklaters', 'of prominent AI startup Anthropic', 'of the institute'.

        A portfolio stays in the office ('Under Secretary of Commerce', 'Minister for Foreign
        Affairs', 'Minister of State for IT'); so does a fixed office ('Secretary of State').
        """
        portfolios = word_set("portfolios.txt")
        for idx, token in enumerate(rest):
            preposition = token.lower_
            if idx == 0 or preposition not in _BODY_PREPOSITIONS or not has_title(rest[:idx]):
                continue
            following = rest[idx + 1].lower_ if idx + 1 < len(rest) else ""
            if preposition == "of" and f"{rest[idx - 1].lower_} of {following}" in title_words():
                continue
            if preposition == "to" and of is not None:
                # "Spain's ambassador to the United Nations": the office stays whole, the owner is Spain.
                break
            tail = rest[idx + 1 :]
            determined = bool(tail) and tail[0].lower_ in _DETERMINERS
            if determined:
                tail = tail[1:]
            if not tail:
                break
            if preposition in ("of", "for") and not determined and tail[0].lower_ in portfolios:
                continue
            tail_text = " ".join(t.text for t in tail)
            last = entity_at(tail[-1])
            body: str | None = None
            if self.gazetteer.country(tail_text) or tail_text in self.organisations:
                body = tail_text
            elif preposition == "for" and not determined:
                continue
            elif tail[0].ent_type_ in ("ORG", "GPE", "NORP", "FAC") or (
                preposition in ("at", "with") and tail[0].is_title
            ):
                body = tail_text
            elif (
                last is not None
                and last.label_ == "ORG"
                and last.end - 1 == tail[-1].i
                and not any(t.pos_ == "ADP" for t in tail if t.i < last.start)
            ):
                body = last.text  # 'of prominent AI startup Anthropic'
            elif (
                all(t.is_title or t.lower_ in ("of", "for", "and", "&") for t in tail)
                and tail[-1].lower_ in word_set("organisation_words.txt")
                and tail[-1].ent_type_ != "EVENT"
            ):
                # 'of the National Space Council' is a named body; 'President of the General
                # Assembly' presides over a meeting and keeps it in the office.
                body = tail_text
            elif (
                len(tail) > 1
                and tail[-1].pos_ == "PROPN"
                and tail[-1].is_title
                and tail[-2].is_lower
                and not any(t.pos_ == "ADP" for t in tail)
            ):
                body = tail[-1].text  # 'of prominent AI startup Anthropic': a kind of body, then its name
            elif (
                determined
                and preposition == "of"
                and tail[-1].is_lower
                and tail[-1].lower_ in word_set("organisation_words.txt")
            ):
                return rest[:idx], of  # 'chair of the institute': a body the phrase does not name
            if body is not None:
                return rest[:idx], self.owner_key(body) or of
        return rest, of

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
                and left[-1].pos_ == "NOUN"
                and left[-1].is_lower
            ):
                return right  # 'AI and Crypto Czar' shares one head and stays whole
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


# Nouns a leader's name modifies to name their government or camp, not the person: "the Macron
# government", "the Biden administration", "the Trump campaign".
_GOVERNMENT_NOUNS = {"government", "administration", "cabinet", "campaign", "presidency", "era", "regime"}


def names_a_government(doc: Doc, i: int) -> bool:
    """Tell whether the word at i makes the name before it a government ('the Macron government')."""
    return i < len(doc) and doc[i].lower_ in _GOVERNMENT_NOUNS and (doc[i].is_lower or doc[i].is_title)


_CAPTION_MARKERS = {"r", "l", "c", "left", "right", "centre", "center", "front", "back"}


def caption_marker_end(doc: Doc, i: int) -> int:
    """Skip a photo caption's position marker after a name ('(R)', '(2nd L)', '(left)')."""
    if i + 2 < len(doc) and doc[i].text == "(":
        close = next((j for j in range(i + 1, min(len(doc), i + 5)) if doc[j].text == ")"), None)
        if close is not None and doc[close - 1].lower_.rstrip(".") in _CAPTION_MARKERS:
            return close + 1
    return i


def _title_like(token: Token) -> bool:
    """A word that can sit inside an office's name: capitalised, an acronym, or an office word."""
    return token.is_title or token.is_upper or is_title_token(token) or token.lower_ in _TITLE_MODIFIERS


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
