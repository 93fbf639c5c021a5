"""Offices: what a person is, read where English puts it.

Before the name as a pre-modifier ("French President Emmanuel Macron", "Assistant to the
President and Director of the …"), beside it as an apposition ("Linda Griffin, vice president
of public policy at Mozilla"; "X, who remains the chair of …") and as the head the name is in
apposition to ("Morocco's ambassador, Omar Hilale"). An office is split into its title and
what it is an office of: a portfolio stays in the title ("Under Secretary of Commerce"), a
country or body goes to `of`. Each office keeps the sentence it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from accord.nlp.data import lexicon
from accord.nlp.gazetteer import CountryGazetteer
from accord.nlp.lexicon import json_data, title_abbreviations, word_set

if TYPE_CHECKING:
    from accord.nlp.components.people import People

DETERMINERS = lexicon.words("offices.json", "determiners")

# Words that open an office but name none on their own ("Vice" President, "Prime" Minister).
TITLE_MODIFIERS = lexicon.words("offices.json", "title_modifiers")


_TITLE_CONNECTORS = lexicon.words("offices.json", "title_connectors")
_LIST_OPENERS = frozenset({"including", "notably", "namely"})


_BODY_PREPOSITIONS = lexicon.words("offices.json", "body_prepositions")


@dataclass
class Role:
    """An office as the text gives it, with what it is an office of."""

    title: str
    of: str | None
    sentence: Span
    shared: bool = False  # a plural office before a list of names ('Vice Presidents A and B')


def split_offices(phrase: Span) -> tuple[Span, Span | None]:
    """Cut an apposition at a comma that opens a second office ('Senior Vice President of Google,
    President for Research'): a portfolio list ('Minister of Science, Technology and Innovation')
    has no office word after its commas."""
    doc = phrase.doc
    for token in phrase:
        if token.text == "," and token.i + 1 < phrase.end and token.i > phrase.start:
            following = doc[token.i + 1]
            if following.is_title and following.lower_ in _title_heads():
                return doc[phrase.start : token.i], doc[token.i + 1 : phrase.end]
        if token.lower_ == "and" and token.i + 2 < phrase.end and token.i > phrase.start:
            # 'Crown Prince of Abu Dhabi and Chairman of the Executive Council': two offices, each of
            # its own body ('co-founder and CEO' stays one)
            following = doc[token.i + 1]
            before = doc[phrase.start : token.i]
            after = doc[token.i + 1 : phrase.end]
            owned = any(t.lower_ == "of" for t in before) and any(t.lower_ == "of" for t in after)
            if following.is_title and following.lower_ in _title_heads() and owned:
                return before, after
    return phrase, None


def written_out(title: str) -> str:
    """An office with its abbreviations written out ('MeitY Secy' -> 'MeitY Secretary')."""
    full = title_abbreviations()
    return " ".join(
        full.get(word.lower(), full.get(word.lower().rstrip("."), word)) for word in title.split()
    )


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
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in titles) + r")(?!\w)")


def has_title(tokens: list[Token] | Span) -> bool:
    """Tell whether a phrase contains an office ('Tesla chief executive', 'a senior fellow')."""
    text = " ".join(t.lower_ for t in tokens).replace(" - ", "-")
    return _title_pattern().search(text) is not None


def opens_title(token: Token) -> bool:
    """Tell whether an office name can start at this token ('Vice' President, 'Prime' Minister)."""
    return is_title_token(token) or token.lower_ in TITLE_MODIFIERS


@lru_cache(maxsize=1)
def _title_heads() -> frozenset[str]:
    """The head nouns of the offices: the last word before any 'of/to/for' ('Secretary' of State,
    'Assistant' to the President, Chief Technology 'Officer'), with the parts of a hyphenated one."""
    heads: set[str] = set()
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


NATIONAL_OFFICE = re.compile(lexicon.pattern("offices.json", "national_offices"))


_CAPTION_MARKERS = lexicon.words("offices.json", "caption_markers")


def caption_marker_end(doc: Doc, i: int) -> int:
    """Skip a photo caption's position marker after a name ('(R)', '(2nd L)', '(left)')."""
    if i + 2 < len(doc) and doc[i].text == "(":
        close = next((j for j in range(i + 1, min(len(doc), i + 5)) if doc[j].text == ")"), None)
        if close is not None and doc[close - 1].lower_.rstrip(".") in _CAPTION_MARKERS:
            return close + 1
    return i


def _title_like(token: Token) -> bool:
    """A word that can sit inside an office's name: capitalised, an acronym, or an office word."""
    return token.is_title or token.is_upper or is_title_token(token) or token.lower_ in TITLE_MODIFIERS


# Verbs that give their passive subject an office, and the styles of royalty and high office
# said before an office and a name ('His Majesty King …').
_APPOINTING = frozenset(json_data("offices.json")["appointing_verbs"])
_STYLES = frozenset(json_data("offices.json")["styles"])


_UNCLOSED_BRACKET = re.compile(r"\s*\([^)]*$")


def _body_across_and(tokens: list[Token], start: int) -> int:
    """Where a body's name begins when the model cut it at 'and': 'the Department of Communications
    and Digital Technologies spokesperson' is one department's, whose name goes on past 'of'."""
    last = start - 2
    if last < 0 or tokens[start - 1].lower_ not in ("and", "&") or tokens[last].ent_type_ != "ORG":
        return start
    first = last
    while first > 0 and tokens[first].ent_iob_ != "B" and tokens[first - 1].ent_type_ == "ORG":
        first -= 1
    return first if any(t.lower_ == "of" for t in tokens[first:last]) else start


def _join(tokens: list[Token]) -> str:
    text = "".join(t.text_with_ws for t in tokens).strip()
    return text.strip(" ,;:")


class OfficeReader:
    """Read the offices of a document's people; mixed into the people finder, whose names,
    honorifics and gazetteers it reads."""

    taken: set[int]
    honorifics: frozenset[str]
    gazetteer: CountryGazetteer
    organisations: dict[str, tuple[str, str | None]]

    def name_token(self, token: Token) -> bool:
        """Tell whether a token can be part of a person's name (the people finder's rule)."""
        raise NotImplementedError

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

    def sole_country(self, sentence: Span, before: int | None = None) -> str | None:
        """The one country a sentence names (before a token, if given), which a national office
        there belongs to ('Britain, whose delegation was led by … after Prime Minister Keir Starmer …')."""
        codes = set()
        doc = sentence.doc
        for ent in sentence.ents:
            if before is not None and ent.start >= before:
                continue
            k = ent.end
            while k < len(doc) and (doc[k].text in ("'s", "’s", "(", ")") or doc[k].ent_type_ == "GPE"):
                k += 1
            if k < len(doc) and opens_title(doc[k]):
                continue  # 'US Vice President JD Vance', "the UK's (UK) Secretary": another office's country
            if ent.label_ in ("GPE", "NORP"):
                code = self.gazetteer.country(ent.text)
                if code:
                    codes.add(code)
        return codes.pop() if len(codes) == 1 else None

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
            if token.lower_ in _STYLES:
                break  # 'His Majesty King X', 'His Royal Highness Prince Y': a style, no office's part
            if token.lower_ in DETERMINERS:
                if token.lower_ == "the" and k - 1 >= low and doc[k - 1].lower_ in ("of", "to", "for"):
                    k -= 1
                    continue
                listed = (
                    k - 2 >= low
                    and doc[k - 1].lower_ == "and"
                    and doc[k - 2].lower_ in word_set("portfolios.txt")
                )
                if token.lower_ == "the" and listed:
                    k -= 1  # 'Secretary for Information, Communications and the Digital Economy X'
                    continue
                break
            if token.lower_ in _TITLE_CONNECTORS or token.lower_ == "to":
                if k == end - 1 or k - 1 < low:
                    break
                previous = doc[k - 1]
                # 'co-founder and CEO' joins office words in any case; 'adviser for European
                # Parliament Member X' is an adviser of the member, not one office.
                joins = token.lower_ in ("and", "&", "-")
                if token.lower_ == "to" and not self.office_word(previous):
                    break  # 'According to UK tech minister X', not 'Assistant to the President'
                if previous.ent_type_ != "PERSON" and (
                    previous.is_title
                    or previous.is_upper
                    or (joins and _title_like(previous))
                    # 'the president of the European Commission Ursula von der Leyen': a name the model
                    # knows for a person's, not words after an office ('… of Sompo Japan Insurance Inc.')
                    or (token.lower_ == "of" and is_title_token(previous) and doc[end].ent_type_ == "PERSON")
                    or (previous.text == "," and self.in_portfolio_list(doc, k - 1, low))
                ):
                    start = k
                    k -= 1
                    continue
                break
            if token.pos_ == "ADP" and not token.is_title:
                break  # 'under Prime Minister Trudeau': a preposition, not 'Under Secretary'
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
        # 'Readout of President Joe Biden': a headline's word before 'of' is no part of the office
        while start + 2 < end and doc[start + 1].lower_ == "of" and not self.office_word(doc[start]):
            start += 2
        return start

    @staticmethod
    def office_word(token: Token) -> bool:
        """A word an office may open with: a title, a portfolio, or a country or body it belongs to."""
        return opens_title(token) or token.lower_ in word_set("portfolios.txt") or bool(token.ent_type_)

    def in_portfolio_list(self, doc: Doc, comma: int, low: int) -> bool:
        """Tell whether a comma parts the portfolios of one office ('Minister of Science, Information …')."""
        k = comma - 1
        while k >= max(low, comma - 8):
            token = doc[k]
            if token.ent_type_ == "PERSON" or token.i in self.taken:
                return False
            if token.lower_ in ("of", "for"):
                # 'Minister of Science, …', 'Secretary of State for Science, …'
                before = doc[k - 1] if k - 1 >= low else None
                return before is not None and (
                    is_title_token(before) or before.lower_ in word_set("portfolios.txt")
                )
            if not (token.is_title or token.is_upper or token.lower_ in ("and", "&", ",")):
                return False
            k -= 1
        return False

    def portfolio_list_end(self, doc: Doc, end: int, low: int, limit: int) -> int:
        """Carry an office over the rest of its portfolio list: 'Minister of Innovation, Science and
        Industry', 'Executive Vice-President for Tech Sovereignty, Security and Democracy' (the
        comma parts portfolios, not the office from what follows)."""
        while end < limit and doc[end].text == "," and self.in_portfolio_list(doc, end, low):
            k = end + 1
            if k < limit and doc[k].lower_ in ("and", "&"):
                k += 1
            last = k
            while last < limit and (doc[last].is_title or doc[last].lower_ in ("and", "&")):
                if doc[last].ent_type_ == "PERSON" or last in self.taken:
                    return end
                last += 1
            if last == k or last - k > 5 or doc[last - 1].lower_ in ("and", "&"):
                return end
            closing = doc[k - 1].lower_ in ("and", "&") or any(t.lower_ in ("and", "&") for t in doc[k:last])
            end = last
            if closing:
                break
        return end

    def roles_after(self, span: Span) -> list[Role]:
        """Read an apposition: 'Nick Reiners, senior analyst on geopolitical technology at Eurasia Group';
        two offices in it are two roles ('…, Senior Vice President of Google, President for Research').

        A photo caption's marker between name and office ('Maria Lopez (R), Secretary General')
        is skipped; 'X, who remains the chair of …' gives the office after the verb; the office
        ends where another person and their own office begin.
        """
        doc = span.doc
        comma = caption_marker_end(doc, span.end)
        if comma >= span.sent.end - 1 or doc[comma].text != ",":
            return []
        following = doc[comma + 1]
        if following.lower_ == "who":
            relative = self.role_in_relative(span, comma + 1)
            return [relative] if relative is not None else []
        if following.lower_ in ("and", "or", "&") or self.starts_other_person(doc, comma + 1, span):
            return []
        if following.pos_ == "ADP" and following.is_lower:
            return []  # '…, in the presence of the Council's Deputy Secretary General, B': B's office
        appos = [
            t
            for t in doc[comma + 1 : span.sent.end]
            if t.dep_ == "appos" and t.head.i in range(span.start, span.end)
        ]
        if appos:
            end = max(a.right_edge.i for a in appos) + 1
            while end < span.sent.end and doc[end].pos_ in ("NOUN", "PROPN", "ADJ") and end not in self.taken:
                end += 1  # '…, co-founder of prominent AI startup Anthropic': the parser stopped short
            if end + 1 < span.sent.end and doc[end].lower_ in ("for", "of"):
                # '…, Executive Vice-President for Tech Sovereignty', '… responsible for the Federal
                # Economic Development Agency': a portfolio the parser hung elsewhere
                after = end + 2 if doc[end + 1].lower_ == "the" and end + 2 < span.sent.end else end + 1
                if doc[after].is_title:
                    end = after
                    while end < span.sent.end and doc[end].is_title and end not in self.taken:
                        end += 1
            phrase = doc[min(a.left_edge.i for a in appos) : end]
            cut = next(
                (
                    t.i
                    for t in phrase
                    if t.lower_ in ("who", "whose", "which")
                    or t.dep_ == "relcl"
                    # '…, Chief Executive of X's Authority, shared insights': the sentence goes on
                    or (
                        t.text == ","
                        and t.i + 1 < phrase.end
                        and doc[t.i + 1].is_lower
                        and doc[t.i + 1].lower_ not in ("and", "or")
                    )
                ),
                None,
            )
            if cut is not None:
                phrase = doc[phrase.start : cut]
        if not appos or len(phrase) > 20:
            # no apposition, or one the parser ran on into a second one: up to the next comma
            stop = comma + 1
            while stop < span.sent.end and doc[stop].pos_ not in ("VERB", "AUX"):
                if doc[stop].text == "(" and stop + 2 < span.sent.end and doc[stop + 2].text == ")":
                    stop += 3  # "the United Kingdom's (UK) Secretary of State": a short form in brackets
                    continue
                if doc[stop].text in (",", ".", ";", ":", "(", ")"):
                    break
                stop += 1
            phrase = doc[comma + 1 : stop]
        if phrase.start != comma + 1 or len(phrase) == 0 or len(phrase) > 20:
            return []
        phrase = doc[phrase.start : self.portfolio_list_end(doc, phrase.end, phrase.start, span.sent.end)]
        phrase = self.before_next_person(phrase, span)
        if len(phrase) == 0 or self.person_at(doc, phrase.end):
            # 'KISHIDA, Minister of Economy, Trade and Industry SAITO, …': an office right before
            # the next name of a list is that person's own
            return []
        first, second = split_offices(phrase)
        role = self.parse_office(first, span.sent)
        if role is None or second is None:
            return [role] if role is not None else []
        other = self.parse_office(second, span.sent)
        if other is not None:
            other.of = other.of or role.of  # '…, Senior Vice President of Google, President for Research'
        return [role, other] if other is not None else [role]

    def person_at(self, doc: Doc, i: int) -> bool:
        named = i < len(doc) and (i in self.taken or doc[i].ent_type_ == "PERSON")
        return named and not self.owner_person(doc, i)

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
            and not self.person_at(doc, i + 2)  # 'Fiscal Policy SHINDO': the words of SHINDO's office
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
            # 'Tesla boss Elon Musk', 'chipmaker Nvidia's Jensen Huang': a description no office
            # list knows still starts the next person's item at the list's 'and'
            joint = next(
                (k for k in range(cut - 1, max(phrase.start, cut - 4), -1) if doc[k].lower_ in ("and", "&")),
                None,
            )
            if joint is not None and not any(is_title_token(t) for t in doc[joint + 1 : cut]):
                cut = joint
        joints = _TITLE_CONNECTORS | {"to"}
        while cut > phrase.start and (doc[cut - 1].is_punct or doc[cut - 1].lower_ in joints):
            cut -= 1
        return doc[phrase.start : cut]

    def role_as_head(self, span: Span) -> Role | None:
        """Read 'India's foreign secretary, Vikram Misri': the name in apposition to the office."""
        doc = span.doc
        comma = span.start - 1
        while comma > span.sent.start and (
            doc[comma].lower_ in self.honorifics
            or doc[comma].lower_ == "the"
            or (doc[comma].text == "." and f"{doc[comma - 1].lower_}." in self.honorifics)
        ):
            # 'the Commonwealth Secretary-General, the Rt Hon Patricia Scotland'; '…, Eng. Raafat Hindi'
            comma -= 2 if doc[comma].text == "." else 1
        if comma - 1 < span.sent.start or doc[comma].text != ",":
            return None
        end = comma
        start = end
        owned = False
        while start - 1 >= span.sent.start and end - start < 16:
            token = doc[start - 1]
            if owned and not token.ent_type_:
                break  # 'in the presence of Egypt's Ambassador …': the owner is the name before "'s"
            owned = owned or token.text in ("'s", "’s")
            if (
                token.text == ")"
                and start == end
                and start - 3 > span.sent.start
                and doc[start - 3].text == "("
            ):
                # 'the Minister for Science and ICT (MSIT), Lee Jong-Ho': the acronym is no office
                start = end = start - 3
                continue
            if (
                token.lower_ == "the"
                and start - 2 >= span.sent.start
                and doc[start - 2].lower_ in ("of", "for", "to")
            ):
                start -= 1  # 'the Commissioner for the Internal Market, Thierry Breton'
                continue
            if (
                token.text == ","
                and start < end
                and doc[start].ent_type_ not in ("GPE", "NORP")
                and self.in_portfolio_list(doc, token.i, span.sent.start)
            ):
                start -= 1  # 'Minister of Communication, Innovation and Digital Economy, Bosun Tijani'
                continue
            envoy_to = (
                token.lower_ == "to" and start - 2 >= span.sent.start and is_title_token(doc[start - 2])
            )
            if (
                token.lower_ in DETERMINERS
                or (token.is_punct and token.text != "-")
                or token.i in self.taken
                or (
                    token.pos_ in ("VERB", "AUX", "ADP")
                    and token.lower_ not in _TITLE_CONNECTORS
                    and not envoy_to
                )
            ):
                break  # 'Egypt's Ambassador to India, Kamel Galal': 'to' goes on after an office's word
            start -= 1
        phrase = doc[start:end]
        if not phrase or not (is_title_token(phrase[-1]) or any(is_title_token(t) for t in phrase)):
            return None
        after_person = start - 2 >= span.sent.start and doc[start - 2].ent_type_ == "PERSON"
        if after_person and doc[start - 1].text == ",":
            return None  # 'A, Minister for X, B, State Minister …': the office after A's comma is A's
        return self.parse_office(phrase, span.sent)

    def role_of_a_listed_holder(self, span: Span) -> Role | None:
        """Read 'Ministers of ICT including A of Rwanda, B of Togo and C of Ghana': each holder a
        plural office lists is one of them ('Minister of ICT'), of the country named after them."""
        doc = span.doc
        low = span.sent.start
        k = span.start - 1
        while k >= low and doc[k].lower_ not in _LIST_OPENERS:
            word = doc[k]
            listed = word.text in (",", "’", "'") or word.lower_ in ("and", "of")
            named = word.ent_type_ in ("GPE", "PERSON") or (word.pos_ == "PROPN" and word.is_title)
            if not (listed or named or k in self.taken):
                return None
            k -= 1
        if k < low + 1:
            return None
        start = end = k
        while start - 1 >= low and (
            doc[start - 1].is_title or doc[start - 1].is_upper or doc[start - 1].lower_ in _TITLE_CONNECTORS
        ):
            start -= 1
        plural = next((t for t in doc[start:end] if is_plural_title(t)), None)
        if plural is None:
            return None
        title = " ".join(t.text[:-1] if t.i == plural.i else t.text for t in doc[start:end])
        of = None
        if (
            span.end + 1 < span.sent.end
            and doc[span.end].lower_ == "of"
            and doc[span.end + 1].ent_type_ == "GPE"
        ):
            of = self.owner_key(doc[span.end + 1].text)
        return Role(title=written_out(title), of=of, sentence=span.sent)

    def role_as_predicate(self, span: Span) -> Role | None:
        """Read 'X has been appointed as the inaugural chief of the institute', 'X was elected
        chair of the council': the office a verb of appointing gives its subject."""
        verb = span.root.head
        if span.root.dep_ != "nsubjpass" or verb.lemma_.lower() not in _APPOINTING:
            return None
        if any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "would", "could", "may")
            for c in verb.children
        ):
            return None  # 'X will be appointed …': not yet
        office = next(
            (
                p
                for c in verb.children
                for p in ([c] if c.dep_ in ("oprd", "attr") else [g for g in c.children if g.dep_ == "pobj"])
                if c.dep_ in ("oprd", "attr") or (c.dep_ == "prep" and c.lower_ == "as")
            ),
            None,
        )
        if office is None:
            return None
        phrase = span.doc[office.left_edge.i : office.right_edge.i + 1]
        if not has_title(phrase):
            return None
        return self.parse_office(phrase, span.sent)

    def parse_office(self, phrase: Span, sentence: Span, before_name: bool = False) -> Role | None:
        """Split an office phrase into the title and what it is an office of."""
        tokens = [t for t in phrase if not (t.i == phrase.start and t.lower_ in DETERMINERS)]
        for idx, token in enumerate(tokens):
            if token.lower_ in ("who", "whose", "which", "that") and idx > 0:
                tokens = tokens[:idx]
                break
        while tokens and tokens[-1].text in (",", "-", "and", "."):
            tokens = tokens[:-1]
        if not tokens or not (has_title(tokens) or (before_name and is_plural_title(tokens[-1]))):
            return None
        of: str | None = None
        tokens, body = self.body_after_comma(tokens)
        if body:
            of = self.owner_key(body) or body
        # A leading possessive or demonym names the country or body: "Britain's", "the Dutch", "Tesla".
        lead_end = 0
        for idx, token in enumerate(tokens):
            inside_body = any(t.lower_ in ("of", "at", "for") for t in tokens[:idx])
            if token.text in ("'s", "’s") and inside_body and has_title(tokens[:idx]):
                break  # 'Chief Executive of Bahrain's Information Authority': the body's owner
            if token.text in ("'s", "’s"):
                owner = _join(tokens[:idx])
                of = None if tokens[0].ent_type_ == "PERSON" else self.owner_key(owner)
                lead_end = idx + 1
                break
        if lead_end == 0:
            opener = next((i for i, t in enumerate(tokens) if opens_title(t)), 0)
            while opener > 0 and f"{tokens[opener - 1].lower_} {tokens[opener].lower_}" in title_words():
                opener -= 1  # 'Federal Councillor' is one office, not a councillor of 'Federal'
            portfolios = word_set("portfolios.txt")
            title_opener = opener
            while opener > 0 and (
                tokens[opener - 1].lower_ in portfolios
                or (
                    tokens[opener - 1].lower_ in ("and", "&")
                    and opener > 1
                    and tokens[opener - 2].lower_ in portfolios
                )
            ):
                opener -= 1  # "Electronics and IT Minister": the portfolio belongs to the office
            if opener > 0 and tokens[opener - 1].lower_ == "of":
                opener = title_opener  # 'Ministry of Trade and Industry spokesman': the body's portfolios
            if opener > 1 and tokens[opener - 1].ent_type_ == "ORG":
                start = opener - 1
                while (
                    start > 0 and tokens[start - 1].ent_type_ == "ORG" and tokens[start - 1].ent_iob_ != "O"
                ):
                    start -= 1
                    if tokens[start].ent_iob_ == "B":
                        break
                start = _body_across_and(tokens, start)
                of, lead_end = _join(tokens[start:opener]), opener
            for width in range(min(opener, 4), 0, -1):
                lead = _join(tokens[:width])
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
                of, lead_end = _join(tokens[:opener]), opener
        if lead_end + 2 < len(tokens) and tokens[lead_end].text == "(" and tokens[lead_end + 2].text == ")":
            lead_end += 3  # "the United Kingdom's (UK) Secretary of State": the owner's short form
        rest, of = self.split_body(tokens[lead_end:], of)
        rest = self.keep_title_conjuncts(rest)
        while rest and rest[-1].pos_ == "ADP":
            rest = rest[:-1]  # 'Executive Vice-President for' once its body is cut off
        title = _join(rest)
        plural = before_name and bool(rest) and is_plural_title(rest[-1])
        if not title or not (has_title(rest) or plural):
            return None
        if plural:
            title = title[:-1]  # 'Executive Vice Presidents Ana Lind and Eva Berg': each a Vice President
        title = written_out(title)
        if of is not None:
            of = _UNCLOSED_BRACKET.sub("", of) or None  # 'Department of Fisheries (DF' cut before ')'
        return Role(title=title, of=of, sentence=sentence, shared=plural)

    def body_after_comma(self, tokens: list[Token]) -> tuple[list[Token], str | None]:
        """Part 'Additional Secretary, MeitY' and 'Vice-Minister for Policy Coordination, Ministry of
        Internal Affairs and Communications (MIC), Japan' into the office and the body it is of:
        after the office's comma, a capitalised name with no office in it. A portfolio list goes on
        across its commas ('Minister of Railways, Electronics and Information Technology')."""
        portfolios = word_set("portfolios.txt")
        for idx, token in enumerate(tokens):
            if token.text != "," or idx == 0 or idx + 1 >= len(tokens) or not has_title(tokens[:idx]):
                continue
            tail = tokens[idx + 1 :]
            first = tail[0]
            stop = next((k for k, t in enumerate(tail) if t.text in (",", "(", ";")), len(tail))
            acronym = first.text[:1].isupper() and any(c.isupper() for c in first.text[1:])  # 'MeitY'
            # 'Minister of Science, Technological Development, and Innovation': portfolios go on
            listing = any(t.lower_ in ("and", "&") for t in tail[: stop + 2]) and any(
                t.lower_ in ("of", "for") for t in tokens[:idx]
            )
            body = first.lower_ in word_set("organisation_words.txt") or (
                first.ent_type_ in ("ORG", "GPE") and not listing
            )
            if first.lower_ in portfolios or not (acronym or body):
                return tokens, None
            if any(is_title_token(t) for t in tail):
                return tokens, None  # a second office: split_offices' work
            return tokens[:idx], _join(tail[:stop]).rstrip(".") or None
        return tokens, None

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
            determined = bool(tail) and tail[0].lower_ in DETERMINERS
            if determined:
                tail = tail[1:]
            if not tail:
                break
            if preposition in ("of", "for") and not determined and tail[0].lower_ in portfolios:
                continue
            if preposition in ("of", "for") and any(t.lower_ in ("at", "with") for t in tail):
                continue  # 'President of Global Affairs at Google': the body is after 'at'
            tail_text = _join(tail)
            if preposition in ("of", "for") and any(is_title_token(t) for t in tail[1:]):
                continue  # '… of Digital Innovation and Minister responsible for …': a second office
            if (
                preposition in ("of", "for")
                and not determined
                and tail[-1].lower_ in portfolios
                and not self.gazetteer.country(tail_text)
                and tail_text not in self.organisations
            ):
                continue  # 'President of Global Affairs': a portfolio, however it opens
            last = entity_at(tail[-1])
            body: str | None = None
            known = self.gazetteer.country(tail_text) or tail_text in self.organisations
            if known:
                body = tail_text
            elif preposition == "for" and not determined:
                continue
            elif preposition == "for" and not any(
                t.lower_ in word_set("organisation_words.txt") for t in tail
            ):
                continue  # 'Commissioner for the Internal Market': a portfolio, not a body
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
                and left[-1].lower_ not in word_set("portfolios.txt")
            ):
                # 'AI and Crypto Czar', 'communications and information minister' share one head
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
