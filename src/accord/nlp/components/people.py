"""Know who is who in a document: full names, the short forms that point to them, and their offices.

A name is kept whole (particles, hyphenated given names, "Jr."), without the honorifics, owners
and headline verbs the model folds into it, and one person keeps one name across the forms a
text gives ("Joe Biden", "Joseph R. Biden Jr.", "President Biden"). Offices are read by
`offices.OfficeReader`.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from accord.nlp.cache import doc_tokens
from accord.nlp.components.offices import (
    DETERMINERS,
    NATIONAL_OFFICE,
    TITLE_MODIFIERS,
    OfficeReader,
    Role,
    caption_marker_end,
    entity_at,
    has_title,
    is_plural_title,
    is_title_token,
)
from accord.nlp.components.offices import opens_title as opens_title  # read by other modules from here
from accord.nlp.data import lexicon
from accord.nlp.gazetteer import load_gazetteer
from accord.nlp.headlines import VerbForms, is_title_case
from accord.nlp.lexicon import (
    cities,
    json_data,
    lexicon_setting,
    official_by_surname,
    officials,
    organisations,
    word_set,
)

_NAME_PARTICLES = lexicon.words("people.json", "name_particles")
# 'Salman bin Hamad' + 'Al Khalifa': a patronymic chain, then the family name after its article.
_PATRONYMIC = lexicon.words("people.json", "patronymic_particles")
_FAMILY_ARTICLES = frozenset(json_data("people.json")["family_articles"])
_WORLD_REGIONS = frozenset(r.lower() for r in json_data("names.json")["world_regions"])
_NAME_SUFFIXES = lexicon.words("people.json", "name_suffixes")

if not Doc.has_extension("people"):
    Doc.set_extension("people", default=None)


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


@Language.factory(
    "accord_people",
    assigns=["doc._.people", "doc.ents", "token.ent_type", "token.ent_iob"],
    requires=["doc.ents", "token.dep"],
    default_config={"honorifics": lexicon_setting("honorifics.txt")},
)
def make_people(nlp: Language, name: str, honorifics: Sequence[Sequence[str]]) -> PeopleFinder:
    return PeopleFinder(VerbForms(nlp), frozenset(row[0].strip().lower() for row in honorifics))


def adjacent_persons_joined(doc: Doc) -> list[Span]:
    """The model's person entities, two that touch made one: it cuts 'Shri Harsh Rameshbhai
    Sanghavi' into 'Shri Harsh' and 'Rameshbhai Sanghavi', and two people are never named side by
    side without a comma or a conjunction between them."""
    joined: list[Span] = []
    for ent in (e for e in doc.ents if e.label_ == "PERSON"):
        if joined and joined[-1].end == ent.start and doc[ent.start].sent.start == joined[-1].sent.start:
            joined[-1] = Span(doc, joined[-1].start, ent.end, label=ent.label)
        else:
            joined.append(ent)
    return joined


class PeopleFinder(OfficeReader):
    """Collect the people of a document with their offices into `doc._.people`."""

    def __init__(self, verb_forms: VerbForms | None = None, honorifics: frozenset[str] = frozenset()) -> None:
        self.verb_forms = verb_forms
        self.honorifics = honorifics
        self.gazetteer = load_gazetteer()
        self.organisations = organisations()
        self.taken: set[int] = set()

    @property
    def verbs(self) -> frozenset[str]:
        """The words the model's lemmatizer knows only as verbs."""
        return self.verb_forms.verbs if self.verb_forms is not None else frozenset()

    def __call__(self, doc: Doc) -> Doc:
        # The tokens a name has taken are one document's state: they live on a reader made for
        # the document, so the component itself holds only its lexicons.
        return copy.copy(self).read(doc)

    def read(self, doc: Doc) -> Doc:
        people = People()
        self.taken = set()
        stripped = [self.strip_titles(e) for e in adjacent_persons_joined(doc)]
        found = [s for s in stripped if s is not None] + self.honorific_mentions(doc)
        found += self.names_beside_offices(doc, found)
        found += surnames_after_portfolios(doc, {i for span in found for i in range(span.start, span.end)})
        spans = [
            join_given_name(
                join_hyphenated_given_name(
                    join_name_before_initial(
                        join_initial(self.join_suffixes(self.join_particles(self.join_surname(s))))
                    )
                )
            )
            for s in found
        ]
        quoted = quoted_tokens(doc)
        spans = [s for s in spans if self.plausible_name(s) and not (len(s) == 1 and s.start in quoted)]
        spans = self.drop_headline_verbs(spans)
        self.mend_entities(doc, spans)
        forms = same_person_forms({self.name_of(s) for s in spans if len(self.name_of(s).split()) > 1})
        for span in sorted(spans, key=lambda s: s.start):
            name = self.canonical(self.name_of(span), forms)
            short = self.name_of(span)
            if " " not in short and name != short and span.start > 0 and is_title_token(doc[span.start - 1]):
                # 'President Trump' in a story that names only Melania Trump in full: an office
                # before the surname of a known office holder is that holder, not the namesake
                holder = official_by_surname().get(short)
                name = short if holder and holder != name and name not in officials() else name
            self.add_mention(people, name, span)
        self.find_surname_mentions(doc, people)
        self.taken = set(people.by_token)
        for person in people.persons.values():
            for span in person.mentions:
                roles = (
                    self.role_before(span),
                    *self.roles_after(span),
                    self.role_as_head(span),
                    self.role_as_predicate(span),
                    self.role_of_a_listed_holder(span),
                )
                for role in roles:
                    if role and not any(r.title == role.title and r.of == role.of for r in person.roles):
                        person.roles.append(role)
        self.share_plural_offices(doc, people)
        for person in people.persons.values():
            for role in person.roles:
                if role.of is None and NATIONAL_OFFICE.search(role.title.lower()):
                    # the country named before the office holder ('Britain, whose delegation …
                    # Prime Minister Keir Starmer'), not one named after ('Canada's presidency')
                    here = [s for s in person.mentions if s.sent.start == role.sentence.start]
                    limit = min((own_phrase_end(s) for s in here), default=role.sentence.end)
                    role.of = self.sole_country(role.sentence, before=limit)
        doc._.people = people
        return doc

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
        if len(span) == 1 and span[0].pos_ != "PROPN" and not surname_in_capitals(span.doc, span.start):
            return False
        if (
            len(span) == 1
            and span.start > 1
            and doc_tokens(span.doc)[span.start - 1].lower_ in ("and", "of", "for", "&")
            and span.doc[span.start - 2].is_title
            and span.doc[span.start - 2].ent_type_ != "PERSON"
        ):
            return False  # 'Center for AI Ethics and Governance': the end of a body's name
        if span[-1].lower_ in word_set("organisation_words.txt") or span[0].text in _NOT_FIRST_NAMES:
            return False  # 'Project Nimbus', 'Operation Sindoor': a programme, not a person
        if any(t.pos_ == "ADP" and t.is_stop and t.lower_ not in _NAME_PARTICLES for t in span[1:]):
            return False  # a headline's 'Consensus-Building Among Countries' is no person
        doc = span.doc
        if len(span) == 1 and span.start > 0 and doc[span.start - 1].lower_ == "member":
            return False  # 'EU Member States'

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
        # A surname in capitals ('Prime Minister KISHIDA', as Japanese releases write it) is the
        # person 'Kishida' elsewhere in the text; initials ('JD Vance', 'MBS', 'AOC') stay.
        return " ".join(w.title() if w.isalpha() and w.isupper() and len(w) > 3 else w for w in text.split())

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
        if not matches and " " not in name and "-" not in name:
            # 'Gheit' for 'Ahmed Aboul-Gheit': the last part of a hyphenated family name
            matches = {person for form, person in forms.items() if form.endswith("-" + name)}
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
            or doc[start].lower_ in DETERMINERS
            or (end - start > 2 and doc[start].is_upper and doc[start].lower_ in word_set("portfolios.txt"))
            or (end - start > 1 and ends_a_portfolio_list(doc, start))
        ):
            start += 1  # '… for Electronics and IT Jitin Prasada': the portfolio ends the office
        while end > start and doc[end - 1].text in ("'s", "’s", "'", "’"):
            end -= 1
        while (
            end - start > 2
            and end < len(doc)
            and doc[end - 1].is_upper
            and doc[end - 1].lower_ in word_set("portfolios.txt")
            and is_title_token(doc[end])
        ):
            end -= 1  # 'Evan Solomon AI Minister': the portfolio of the office after the name
        return Span(doc, start, end, label="PERSON") if end > start else None

    @staticmethod
    def mend_entities(doc: Doc, persons: list[Span]) -> None:
        """Let mended names replace the fragments the model tagged ('Leyen' as a place), and a
        body the model took for a person be a body again."""
        taken = {i for p in persons for i in range(p.start, p.end)}
        others = [
            e for e in doc.ents if e.label_ != "PERSON" and not any(i in taken for i in range(e.start, e.end))
        ]
        bodies = [
            Span(doc, e.start, e.end, label="ORG")
            for e in doc.ents
            if e.label_ == "PERSON"
            and not any(i in taken for i in range(e.start, e.end))
            and len(e) > 1
            and e[-1].is_title
            and e[-1].lower_ in word_set("organisation_words.txt")
        ]  # 'the Freedom Online Coalition' tagged as a person is a body
        doc.ents = filter_spans(others + bodies + [p for p in persons])

    def drop_headline_verbs(self, spans: list[Span]) -> list[Span]:
        """Cut a headline's verb the model read as part of a name ('President Trump Signs …').

        The last word goes only when it is a verb's third-person form and the rest is a name
        the document gives elsewhere, so a surname that is also a verb ('Burns') stays.
        """
        names = {self.name_of(s) for s in spans}
        kept = []
        for span in spans:
            verb = next((t.i for t in span[1:] if t.is_title and self.is_verb_form(t.lower_)), None)
            if verb is not None:
                rest = span.doc[span.start : verb]
                rest_name = self.name_of(rest)
                others = names - {self.name_of(span)}
                words = {w for n in others if len(n.split()) > 1 for w in (n.split()[0], n.split()[-1])}
                # in a title-case headline the verb ends the name ('Ana Ruiz Announces New …')
                if rest_name in others or rest_name in words or is_title_case(span.sent):
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
        next word is a name word the parser makes the head of the first name. A given name the
        model left out before the span, or a hyphenated surname after it, is mended the same way
        ('Luís' + 'Miguel Sousa' + '-Pinto')."""
        doc = span.doc
        end = span.end
        if (
            end < len(doc)
            and span[-1].dep_ == "compound"
            and span[-1].head.i == end
            and (doc[end].ent_type_ in ("", "PERSON") or one_word_organisation(doc, end))
            and self.name_token(doc[end])
        ):
            return Span(doc, span.start, end + 1, label="PERSON")  # 'Arnoldo André' + 'Tinoco'
        first = doc[span.start - 1] if span.start > 0 else None
        if (
            first is not None
            and first.dep_ == "compound"
            and span.start <= first.head.i < span.end
            and first.ent_type_ == ""
            and self.name_token(first)
            and (
                span.start - 1 == first.sent.start
                or (
                    not doc[span.start - 2].is_title
                    and doc[span.start - 2].pos_ in ("PUNCT", "VERB", "AUX", "CCONJ", "SCONJ")
                )
            )
        ):
            span = Span(doc, span.start - 1, end, label="PERSON")  # 'Luís' + 'Miguel Sousa-Pinto'
        head = span[-1].head
        if (
            span[-1].dep_ == "compound"
            and head.i == end + 2
            and doc[end + 1].text in ("-", "‐")
            and not doc[end].whitespace_
            and not doc[end + 1].whitespace_
            and all(t.ent_type_ in ("", "PERSON") and self.name_token(t) for t in (doc[end], head))
        ):
            return Span(doc, span.start, head.i + 1, label="PERSON")  # 'José Pedro' + 'Aguiar-Branco'
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
        """Mend names the model cut at a particle ('Ursula von' + 'der Leyen', 'Salman bin Hamad' +
        'Al Khalifa')."""
        doc = span.doc
        end = span.end
        while end < len(doc) and doc[end].lower_ in _NAME_PARTICLES and doc[end].is_lower:
            end += 1
        mended = end > span.end or span[-1].lower_ in _NAME_PARTICLES
        if mended and end < len(doc) and doc[end].is_title:
            end += 1
        elif not mended:
            end = span.end
        else:
            return span
        start = span.start
        while start >= 2 and doc[start - 1].lower_ in _PATRONYMIC and doc[start - 1].is_lower:
            if not (doc[start - 2].is_title and doc[start - 2].is_alpha):
                break
            start -= 2  # 'Dhabia bint' + 'Ahmed Al-Buainain': the given name before the patronymic
        if start < span.start:
            span = Span(doc, start, span.end, label="PERSON")
        patronymic = any(t.lower_ in _PATRONYMIC for t in doc[span.start : end])
        family = end + 1 < len(doc) and doc[end].text in _FAMILY_ARTICLES and doc[end + 1].is_title
        if patronymic and family:
            end += 2  # 'Salman bin Hamad' + 'Al Khalifa'
        return Span(doc, span.start, end, label="PERSON") if end > span.end else span

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
        # '… Secretary of State for Digitization Mathieu Michel': the office's last word is no name's first
        is_name = [self.name_token(token) and not ends_a_portfolio_list(doc, token.i) for token in tokens]
        found = []
        i = 0
        while i < len(tokens):
            end = i
            while end < len(tokens) and end - i < 4 and is_name[end] and end not in taken:
                end += 1
            before = tokens[i - 1] if i > 0 else None
            # one word is a name only right after a capitalised office: 'Vice-Premier Zhang'
            one_word_ok = (
                before is not None
                and before.is_title
                and is_title_token(before)
                and before.lower_ != "member"  # 'Member States'
                and tokens[i].tag_ == "NNP"
            )
            if end - i < (1 if one_word_ok else 2) or (i > 0 and is_name[i - 1]):
                i = max(end, i + 1)
                continue
            before2 = tokens[i - 2] if i > 1 else None
            office_start = self.premodifier_start(doc, self.skip_honorifics(doc, i, 0), 0) if i else i
            vouched = (
                (
                    before is not None
                    and (is_title_token(before) or is_plural_title(before))
                    and (before.is_title or (end - i >= 2 and not is_plural_title(before)))
                )
                or (before is not None and before.is_title and has_title(doc[office_start:i]))
                or (
                    before is not None
                    and before.text == ","
                    and before2 is not None
                    and is_title_token(before2)
                )
                or self.office_after(doc, end)
                or (before is not None and before.text == "," and office_before(doc, i - 1))
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
            or token.lower_ in TITLE_MODIFIERS
            or token.lower_ in self.honorifics
            or is_plural_title(token)
            or token.lower_ in word_set("portfolios.txt")
            or token.lower_ in word_set("organisation_words.txt")
        ):
            return False
        # the model calls some names buildings ('Masashi Adachi' FAC) or places ('Kamel Galal' GPE,
        # no place the gazetteers know); an office beside vouches for them
        if token.ent_type_ == "GPE":
            return not self.known_place(token)
        if token.ent_type_ == "LOC":
            # 'Crystal Rugege' LOC: a name, unless the place is a region the gazetteer knows
            place = entity_at(token)
            return (
                place is not None and place.text.lower() not in _WORLD_REGIONS and not self.known_place(token)
            )
        return token.ent_type_ not in ("NORP", "DATE", "EVENT", "AGREEMENT")

    def known_place(self, token: Token) -> bool:
        place = entity_at(token)
        text = place.text if place is not None else token.text
        return text in cities() or self.gazetteer.country(text, capitals=True) is not None

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
                last = parts[-1].rsplit("-", 1)[-1]  # 'Gheit' of 'Ahmed Aboul-Gheit'
                for part in dict.fromkeys((parts[0], parts[-1], last)):
                    short[part] = name if part not in short else ""
        for name in people.persons:
            # 'Lula' of 'Luiz Inácio Lula da Silva': a middle word no name starts or ends with
            for part in name.split()[1:-1]:
                if part[:1].isupper() and len(part) > 2 and part.lower() not in _NAME_PARTICLES:
                    short.setdefault(part, name)
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


QUOTE_MARKS = {'"', "“", "”", "«", "»"}


# Nouns a leader's name modifies to name their government or camp, not the person: "the Macron
# government", "the Biden administration", "the Trump campaign".
_GOVERNMENT_NOUNS = lexicon.words("people.json", "government_nouns")
_NOT_FIRST_NAMES = lexicon.words("people.json", "not_first_names")


def ends_a_portfolio_list(doc: Doc, i: int) -> bool:
    """'Minister for Internal Affairs and Communications Matsumoto': a portfolio after 'and' (or
    'of', 'for') that an office's words lead to is the office's last word, not the name's first."""
    portfolios = word_set("portfolios.txt")
    if i < 2 or doc[i].lower_ not in portfolios:
        return False
    before = doc[i - 1]
    joined = before.lower_ in ("and", "&", "of", "for") or (before.is_title and before.lower_ in portfolios)
    return joined and office_leads_to(doc, i - 1)  # '… of Digital Transformation Oleksandr Bornyakov'


def office_leads_to(doc: Doc, i: int) -> bool:
    """Whether a title opens the words up to token i ('Minister of Foreign Affairs …')."""
    return any(is_title_token(t) for t in doc[max(0, i - 8) : i + 1])


def surnames_after_portfolios(doc: Doc, taken: set[int]) -> list[Span]:
    """'Minister for Digital Transformation KONO, …', 'Minister of Foreign Affairs KAMIKAWA and …': a
    word in capitals between an office's last word and a comma, 'and' or the sentence's end is the
    office holder's surname, as government releases write their ministers. (A capitalised word
    there may as well end the office: 'Minister for Digital Transformation, Masaaki Taira'.)"""
    return [
        Span(doc, token.i, token.i + length, label="PERSON")
        for token in doc_tokens(doc)
        if token.is_upper and token.i not in taken and (length := surname_in_capitals(doc, token.i))
    ]


def surname_in_capitals(doc: Doc, i: int) -> int:
    """How many words a name in a government release's style takes at i, after an office: the
    surname in capitals ('Minister KONO,', 'Vice Minister IMAGAWA stated'), with the given name
    after it ('Vice Minister HORIUCHI Noriko attended'); 0 when none stands there."""
    token = doc[i]
    if i < 2 or i + 1 >= len(doc) or not (token.is_upper and token.is_alpha and len(token) > 2):
        return 0
    if token.ent_type_ in ("GPE", "NORP", "LOC") or token.lower_ in word_set("portfolios.txt"):
        return 0
    if token.text in organisations() or load_gazetteer().country(token.text, capitals=True):
        return 0  # 'Secretary General of NATO', 'Minister of Trade UAE'
    before, after = doc[i - 1], doc[i + 1]
    courtesy = before.lower_ in word_set("honorifics.txt")  # 'Mr. TSUJI Kiyoto, State Minister …'
    if not (courtesy or (before.is_title and office_leads_to(doc, before.i))):
        return 0
    if not courtesy and (after.text in (",", ";", ".", ")") or after.lower_ in ("and", "&")):
        return 1
    if not courtesy and after.pos_ in ("VERB", "AUX") and after.is_lower:
        return 1  # 'Vice Minister IMAGAWA stated'
    given = after.is_title and after.is_alpha and not after.is_upper and i + 2 < len(doc)
    then = doc[i + 2] if given else None
    if then is not None and (
        then.text in (",", ".", ";")
        or (then.pos_ in ("VERB", "AUX") and then.is_lower)
        or (then.pos_ == "ADP" and then.is_lower)
    ):
        return 2  # 'Vice Minister HORIUCHI Noriko attended', 'State Minister TSUJI Kiyoto in …'
    return 0


def join_hyphenated_given_name(span: Span) -> Span:
    """Mend a given name the model cut at its hyphen: 'François-Philippe Champagne', 'Jean-Yves Le
    Drian' (the tokenizer splits 'François', '-', 'Philippe' when no space stands around it)."""
    doc = span.doc
    start = span.start
    while (
        start >= 2
        and doc[start - 1].text in ("-", "‐")
        and not doc[start - 2].whitespace_
        and not doc[start - 1].whitespace_
        and doc[start - 2].is_title
        and doc[start - 2].is_alpha
    ):
        start -= 2
    return span if start == span.start else Span(doc, start, span.end, label=span.label_)


def join_given_name(span: Span) -> Span:
    """Mend a name whose first word the model took for a place: 'Shaza' of 'Federal Minister for
    IT, Shaza Fatima Khawaja'. The word must open the name right after an office (its comma or
    its title) and be no country, city or people the gazetteer knows."""
    doc = span.doc
    start = span.start
    if start < 2:
        return span
    word, before = doc[start - 1], doc[start - 2]
    if not (word.is_title and word.is_alpha and word.ent_type_ in ("GPE", "NORP", "LOC")):
        return span
    if load_gazetteer().country(word.text, capitals=True) or word.text in cities():
        return span
    office = doc[max(before.sent.start, start - 9) : start - 2]
    after_office = is_title_token(before) or (before.text == "," and has_title(office))
    return Span(doc, start - 1, span.end, label="PERSON") if after_office else span


def join_initial(span: Span) -> Span:
    """Mend a name the model took without its initial written bare ('S' of 'S Krishnan'), as
    Indian and Malaysian names often are; 'A' and 'I' are words, not initials."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if (
        before is not None
        and len(before.text) == 1
        and before.is_upper
        and before.text not in ("A", "I")
        and before.whitespace_
    ):
        return Span(doc, span.start - 1, span.end, label="PERSON")
    return span


def join_name_before_initial(span: Span) -> Span:
    """Mend a name the model began at its middle initial ('J. Blinken' of 'Secretary of State
    Antony J. Blinken'): the capitalised word before the initial is the given name, unless it
    is an office's word, a portfolio or a place."""
    doc = span.doc
    if span.start < 1 or not _INITIAL.match(span[0].text):
        return span
    given = doc[span.start - 1]
    if not (given.is_title and given.is_alpha and given.pos_ == "PROPN") or is_title_token(given):
        return span
    if given.lower_ in word_set("portfolios.txt") or given.lower_ in word_set("organisation_words.txt"):
        return span
    if load_gazetteer().country(given.text, capitals=True) or given.text in cities():
        return span
    return Span(doc, span.start - 1, span.end, label="PERSON")


_INITIAL = re.compile(r"^[A-Z]\.$")


def office_before(doc: Doc, comma: int) -> bool:
    """Tell whether an office phrase ends at a comma before a name, set off by the comma or the
    sentence's start before it ('the head of the Council of Europe, Ana Ruiz')."""
    start = comma
    sent_start = doc[comma].sent.start
    while start - 1 >= sent_start and comma - start < 14:
        token = doc[start - 1]
        if token.text in (",", ";", ":", "--", "—") or token.pos_ in ("VERB", "AUX"):
            break
        start -= 1
    phrase = doc[start:comma]
    bounded = start == sent_start or doc[start - 1].text in (",", ";", ":", "--", "—")
    return (bounded and len(phrase) > 1 and has_title(phrase)) or _envoy_to_place(doc, comma)


def _envoy_to_place(doc: Doc, comma: int) -> bool:
    """Tell whether an office sent to a place or body ends at the comma ('… in the presence of
    Egypt's Ambassador to India, Kamel Galal'): the office's word stands right before 'to'."""
    place = entity_at(doc[comma - 1]) if comma > 0 else None
    if place is None or place.label_ not in ("GPE", "ORG") or place.start < 2:
        return False
    return doc[place.start - 1].lower_ == "to" and is_title_token(doc[place.start - 2])


def names_a_government(doc: Doc, i: int) -> bool:
    """Tell whether the word at i makes the name before it a government ('the Macron government')."""
    return i < len(doc) and doc[i].lower_ in _GOVERNMENT_NOUNS and (doc[i].is_lower or doc[i].is_title)


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
            # an opening mark typed where a closing one belongs ('the theme “Our Future.“ The …')
            typed_closing = (
                inside
                and i > 0
                and not doc[i - 1].whitespace_
                and (
                    i + 1 == len(doc)
                    or bool(doc[i].whitespace_)
                    or doc[i + 1].is_space
                    or doc[i + 1].is_punct
                )
            )
            inside = not typed_closing
        elif orth in closers:
            inside = False
        elif orth == straight:
            inside = not inside
        elif inside:
            found.add(i)
    return found


def own_phrase_end(mention: Span) -> int:
    """Where a name's own phrase ends: after 'of Thailand' in 'Paetongtarn Shinawatra of Thailand'."""
    doc = mention.doc
    end = mention.end
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return end
    end += 2 if doc[end + 1].lower_ == "the" else 1
    if end < len(doc) and doc[end].ent_iob_ == "B":
        end += 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    return end


def one_word_organisation(doc: Doc, i: int) -> bool:
    """A one-word organisation the model made of a surname ('Tinoco' after 'Arnoldo André')."""
    ends = i + 1 >= len(doc) or doc[i + 1].ent_iob_ != "I"
    starts = doc[i].ent_type_ == "ORG" and doc[i].ent_iob_ == "B"
    return starts and ends and doc[i].text not in organisations()
