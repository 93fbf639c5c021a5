"""Initiatives: programmes, partnerships, funds, networks and bodies launched or announced."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from accord.extract.common import Fact, country_of_text, data, entity_of, fact
from accord.extract.data import lexicon
from accord.extract.quotes import apposed_to
from accord.nlp.cache import doc_text, doc_tokens
from accord.nlp.components.names import (
    AGREEMENT,
    EVENT,
    INITIATIVE,
    event_heads,
    is_name_word,
    joins_hyphenated,
)
from accord.nlp.components.people import is_title_token
from accord.nlp.headlines import in_headline
from accord.nlp.lexicon import json_data, organisations

_LAUNCH = lexicon.words("initiatives.json", "launch")
# Nouns that tell of a launch: 'the creation of the X Alliance', 'announced the launch of a Y'.
_LAUNCH_NOUNS = lexicon.words("initiatives.json", "launch_nouns")
# What founds a standing body or process, so that even a name read as an event's is an
# initiative: 'to launch a Global Dialogue on AI Governance', 'the establishment of …'.
_FOUNDING = lexicon.words("initiatives.json", "founding")
# Verbs under which a launch is only attempted, planned or awaited: 'trying to establish an
# evaluation programme', 'look forward to the launch of …'. A pledge or a decision to set
# something up is a fact of its own and counts.
_INTENTIONS = lexicon.words("initiatives.json", "intentions")
# Heads that name an initiative wherever they stand; the others (alliances, funds, networks,
# partnerships) are as often bodies named as partners or funders, and count when the text
# says they were launched, calls them new, or an apposition says what they are.
_ALWAYS = lexicon.words("initiatives.json", "always")
_BODIES = lexicon.words("initiatives.json", "bodies")
# An executive order is signed or issued into being.
_ORDER_VERBS = lexicon.words("initiatives.json", "order_verbs")
# Agreement heads of a government's own instruments, which are initiatives when it issues or
# launches them ('issuing the first-ever National Security Memorandum'), with their type.
_INSTRUMENTS = lexicon.table("initiatives.json", "instruments")
_INSTRUMENT_VERBS = lexicon.words("initiatives.json", "instrument_verbs")
_KIND_NOUNS = lexicon.words("initiatives.json", "kind_nouns")
_DESCRIBED_HEADS = lexicon.table("initiatives.json", "described_heads")
_BODY_KINDS = _BODIES | {"platform"}


def extract_initiatives(doc: Doc) -> list[Fact]:
    """Named initiatives, and the objects of launching verbs whose head says they are one."""
    reader = InitiativeReader(doc)
    reader.read_names()
    reader.read_launches()
    reader.read_orders()
    reader.read_apposed_kinds()
    reader.read_named_kinds()
    launched = {f["initiative"].lower() for f in reader.facts.values()}
    for item in reader.facts.values():
        if str(item.get("event", "")).lower() in launched:
            del item["event"]  # launched together, not at one another
    return list(reader.facts.values())


class InitiativeReader:
    """The initiatives of one document, found by name, by launch and by what an apposition calls them."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.heads = {k.lower(): v for k, v in json_data("names.json")["initiative_heads"].items()}
        self.described_heads = described_heads()
        self.orgs = organisations()
        self.events = doc._.events
        self.main = self.events.main()
        self.facts: dict[str, Fact] = {}
        self.covered: set[int] = set()
        self.name_at: dict[int, str] = {}  # token → the key of the initiative whose name holds it

    def add(self, name: str, kind: str | None, where: Span, span: Span | None = None) -> None:
        name = " ".join(name.split())
        if span is not None:
            self.covered.update(range(span.start, span.end))
            self.name_at.update(dict.fromkeys(range(span.start, span.end), name.lower()))
        name = re.sub(r"^(?:the|a|an|its|their|his|her)\s+", "", name.strip(' ,."“”:'), flags=re.I)
        name = re.sub(r"\s+of\s+(?:its|their|his|her)\s+own$", "", name)
        if not name or name in self.orgs or name.lower() in self.facts or country_of_text(name):
            return
        if any(shorter_form(name, f["initiative"]) for f in self.facts.values()):
            return  # 'the Advisory Body' after 'his High-Level Advisory Body on Artificial Intelligence'
        if name.isupper() and any(initials(f["initiative"]) == name for f in self.facts.values()):
            return  # 'the NSM' after 'the National Security Memorandum (NSM)'
        if " and the " in name:
            first, second = name.split(" and the ", 1)
            if any(w.lower() in head_words() for w in first.split()) and second[:1].isupper():
                # 'the X Panel on AI and the Global Dialogue on AI Governance': two things
                self.add(first, kind, where)
                self.add(second, None, where)
                return
        # a body launched under a name the text also gives an event is not launched at itself
        in_sentence = [t for t in self.events.in_span(where) if t.name.lower() != name.lower()]
        launched = any(t.lemma_.lower() in _LAUNCH for t in where)
        main = self.main if self.main is not None and self.main.name.lower() != name.lower() else None
        event = in_sentence[0].name if in_sentence else (main.name if main and launched else None)
        self.facts[name.lower()] = fact("initiative", where, 0.6, initiative=name, type=kind, event=event)

    def read_names(self) -> None:
        """Names grown from an initiative head ('Global Biofuels Alliance'), and a government's own
        instruments it issues ('National Security Memorandum')."""
        for span in self.doc.spans.get("accord_names", []):
            heads = [t.lower_ for t in reversed(span) if t.lower_ in self.heads]
            if span.label_ in (AGREEMENT, INITIATIVE) and self.own_instrument(span):
                # names.py labels a government's own plan or order an initiative already
                self.add(span.text, _INSTRUMENTS[instrument_word(span) or ""], span.sent, span)
            elif span.label_ == INITIATIVE and not modifies_a_name(span):
                head = heads[0] if heads else ""
                kind = appositive_kind(span)
                called = (
                    kind in _KIND_NOUNS
                )  # 'X, an initiative to …'; 'X, an alliance of 29 members' is a body
                if head in _ALWAYS or called or launched_object(span) or (head in _BODIES and is_new(span)):
                    self.add(span.text, kind or self.heads.get(head), span.sent, span)

    @staticmethod
    def own_instrument(span: Span) -> bool:
        """Tell whether an agreement name is a government's own instrument it issues or launches
        ('issuing the first-ever National Security Memorandum', 'the creation of a Framework to …')."""
        return (
            instrument_word(span) is not None and not joint(span) and launched_object(span, _INSTRUMENT_VERBS)
        )

    def read_launches(self) -> None:
        """The objects of launching verbs and nouns: proper names, quoted names, and descriptions
        whose head is an initiative's ('a joint benchmarking taskforce', 'a new fund at the World Bank')."""
        doc = self.doc
        people = doc._.people
        for token in doc_tokens(doc):
            lemma = token.lemma_.lower()
            launching = token.pos_ == "VERB" and lemma in _LAUNCH and with_particle(token)
            if launching and not only_intended(token):
                objects = launch_objects(token)
                if in_headline(token):
                    objects = [o for o in objects if self.named_in_body(o)]
            elif token.pos_ == "NOUN" and lemma in _LAUNCH_NOUNS and not only_intended(token):
                objects = [
                    c for p in token.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"
                ]
                objects += [c for obj in objects for c in obj.children if c.dep_ == "conj"]
                objects += [c for obj in objects for c in coordinated_names(obj)]
            else:
                continue
            title = quoted_title(token)
            if title is not None:
                self.add(title[0], title[1], token.sent)
                continue
            for obj in objects:
                if obj.i in self.covered or names_a_place_or_person(obj) or self.acronym_of_named(obj):
                    continue
                if is_title_token(obj) and any(
                    people.at(t.i) or t.ent_type_ == "PERSON" for t in apposed_to(obj)
                ):
                    continue  # '…, announced Minister of Trade, Ana Ruiz,': who announced, inverted
                if not self.joins_named(obj):
                    self.read_object(token, obj)

    def named_in_body(self, obj: Token) -> bool:
        """Tell whether a headline's capitalised object is a name: the body writes it so too
        ('UN Announces Two New Mechanisms' is told as 'two new mechanisms')."""
        doc = self.doc
        phrase = doc[obj.left_edge.i : obj.i + 1].text
        headline_end = obj.sent.end_char
        return phrase in doc_text(doc)[headline_end:]

    def acronym_of_named(self, obj: Token) -> bool:
        """Tell whether an object is the bracketed acronym of a name just read ('… Memorandum (NSM)')."""
        doc = self.doc
        return obj.i >= 2 and doc[obj.i - 1].text == "(" and (obj.i - 2) in self.covered

    def joins_named(self, obj: Token) -> bool:
        """Join a bare conjunct to the launched name it completes ('launched a Public Interest AI
        Platform and Incubator'): one capitalised word with nothing of its own."""
        doc = self.doc
        key = self.name_at.get(obj.head.i) if obj.dep_ == "conj" else None
        if (
            key is None
            or key not in self.facts
            or not obj.is_title
            or obj.left_edge != obj
            or obj.right_edge != obj
        ):
            return False
        if obj.i - 1 < 0 or doc[obj.i - 1].lower_ not in ("and", "&") or obj.i - 2 not in self.name_at:
            return False
        item = self.facts.pop(key)
        item["initiative"] = f"{item['initiative']} and {obj.text}"
        self.facts[item["initiative"].lower()] = item
        self.name_at.update(dict.fromkeys(range(obj.i - 1, obj.i + 1), item["initiative"].lower()))
        self.covered.update((obj.i - 1, obj.i))
        return True

    def read_object(self, verb: Token, obj: Token) -> None:
        founding = verb.lemma_.lower() in _FOUNDING
        named = quoted_after(obj) or quoted_or_named(obj, allow_events=founding)
        if named:
            self.add(named[0], named[1], verb.sent)
            return
        if (
            obj.lower_ in self.described_heads
            and obj.is_lower
            and not any(c.lower_ == "own" for c in obj.children)
            and not is_headline(verb.sent)
        ):
            phrase = described(obj)
            content = [t for t in phrase if t.dep_ not in ("det", "poss")]
            if len(content) >= 3 and len(phrase) <= 12:
                self.add(phrase.text, self.described_heads[obj.lower_], verb.sent)

    def read_orders(self) -> None:
        """Executive orders signed, issued or introduced: 'signed an executive order', 'the executive
        order that President X signed', 'the AI Executive Order, introduced in November'."""
        doc = self.doc
        for token in doc_tokens(doc):
            if token.lower_ != "order" or token.i == 0 or doc[token.i - 1].lower_ != "executive":
                continue
            if token.i in self.covered or not order_launched(token):
                continue
            start = token.i - 1
            while (
                start > 0
                and doc[start - 1].dep_ in ("compound", "amod", "nmod")
                and doc[start - 1].head.i == token.i
            ):
                start -= 1
            end = token.i + 1
            if end + 1 < len(doc) and doc[end].lower_ == "on" and is_name_word(doc[end + 1]):
                end = doc[end].right_edge.i + 1
            self.add(doc[start:end].text, "executive order", token.sent)

    def read_named_kinds(self) -> None:
        """A name an initiative noun follows: 'the Fostering the Future Together global initiative'."""
        doc = self.doc
        for token in doc_tokens(doc):
            if token.lower_ not in _KIND_NOUNS or not token.is_lower or token.i in self.covered:
                continue
            name = name_before(token)
            if (
                name is not None
                and not any(i in self.covered for i in range(name.start, name.end))
                and not doc._.agreements.in_span(name)
                and not doc._.events.in_span(name)
                and not all(t.ent_type_ in ("GPE", "NORP", "ORG") for t in name)
            ):
                kind = " ".join(t.text for t in doc[name.end : token.i + 1])
                self.add(name.text, kind, token.sent, name)

    def read_apposed_kinds(self) -> None:
        """A name an apposition calls an initiative: 'The Tech Corps: A new initiative of …',
        'Current AI, a public-interest partnership'."""
        doc = self.doc
        for token in doc_tokens(doc):
            if not token.is_lower or not (
                token.lower_ in _KIND_NOUNS
                or (token.lower_ in _BODY_KINDS and any(c.lower_ == "new" for c in token.children))
            ):
                continue
            article = token.left_edge
            if (
                article.lower_ not in ("a", "an")
                or article.i < 2
                or doc[article.i - 1].text not in (":", ",")
            ):
                continue
            end = article.i - 1
            start = end
            while start > token.sent.start and (
                is_name_word(doc[start - 1]) or doc[start - 1].lower_ in ("of", "for", "on", "and", "-", "&")
            ):
                start -= 1
            while start < end and not is_name_word(doc[start]):
                start += 1
            name = doc[start:end]
            if (
                len(name) >= 2
                and not any(i in self.covered for i in range(start, end))
                and not doc._.agreements.in_span(name)
                and not doc._.events.in_span(name)
            ):
                self.add(name.text, token.lower_, token.sent)


def quoted_title(verb: Token) -> tuple[str, str | None] | None:
    """A quoted instrument's title right after its launching verb: 'released "Winning the Race:
    America's AI Action Plan"'."""
    doc = verb.doc
    if verb.pos_ != "VERB" or verb.i + 1 >= len(doc) or doc[verb.i + 1].text not in ("“", '"'):
        return None
    title = re.match(r"[\"“]([^\"”]{3,120})[\"”]", doc_text(doc)[doc[verb.i + 1].idx :])
    if title is None:
        return None
    word = next((w for w in reversed(title.group(1).lower().split()) if w in _INSTRUMENTS), None)
    return (title.group(1), _INSTRUMENTS[word]) if word else None


def name_before(noun: Token) -> Span | None:
    """The capitalised name that modifies a common noun, past lower-case words between them: 'the
    Fostering the Future Together global initiative' → 'Fostering the Future Together'."""
    doc = noun.doc
    end = noun.i
    while end > noun.left_edge.i and doc[end - 1].is_lower and doc[end - 1].pos_ in ("ADJ", "NOUN"):
        end -= 1
    start = end
    while start > noun.left_edge.i and (
        is_name_word(doc[start - 1]) or doc[start - 1].lower_ in ("the", "of", "and", "for")
    ):
        start -= 1
    while start < end and not is_name_word(doc[start]):
        start += 1
    if end - start < 2 or doc[start - 1].lower_ != "the":
        return None
    return doc[start:end]


def described(obj: Token) -> Span:
    """A launched description with its tail: 'an international panel on risk', 'a new fund at the
    World Bank'. A relative clause is not part of it, and a place or an event after 'at/in/during'
    is where it was launched, not its name; a body after 'at' is where it sits."""
    doc = obj.doc
    end = obj.i + 1
    for child in sorted(obj.children, key=lambda c: c.i):
        infinitive = child.dep_ == "acl" and child.left_edge.lower_ == "to"  # 'a strategy to promote X'
        if child.i > obj.i and child.dep_ in ("relcl", "acl", "advcl", "punct") and not infinitive:
            break
        if child.i > obj.i:
            end = child.right_edge.i + 1
    while (
        end < len(doc)
        and doc[end].lower_ in ("on", "for", "of", "at")
        and doc[end].head.i in (obj.i, obj.head.i)
    ):
        if doc[end].lower_ == "at" and not hosts(doc[end]):
            break
        if end + 1 < len(doc) and doc[end + 1].ent_type_ in ("DATE", "TIME"):
            break  # 'a new fund for ocean research on Monday': when, not what
        end = doc[end].right_edge.i + 1
    phrase = doc[obj.left_edge.i : end]
    for t in phrase:
        if t.i > obj.i and t.lower_ in ("at", "in", "during") and not hosts(t):
            return doc[phrase.start : t.i]
    return phrase


def hosts(preposition: Token) -> bool:
    """Tell whether 'at X' names a body that holds the thing ('at the World Bank'), not a place or event."""
    doc = preposition.doc
    target = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    return (
        preposition.lower_ == "at"
        and target is not None
        and target.ent_type_ == "ORG"
        and not doc._.events.in_span(doc[preposition.i : target.i + 1])
    )


def is_headline(sent: Span) -> bool:
    """Tell whether a sentence is a text's headline: its first line, with no full stop. A headline's
    description ('UN to create AI science panel') shortens a name the body gives."""
    return sent.start == 0 and not sent.text.rstrip().endswith(".")


def is_new(span: Span) -> bool:
    """Tell whether a name is called new ('a new Global Fund for …')."""
    doc = span.doc
    return any(t.lower_ in ("new", "newly") for t in doc[max(span.sent.start, span.start - 3) : span.start])


def names_a_place_or_person(obj: Token) -> bool:
    """Tell whether a launched object is wholly a place, a nation or a person ('establishing Europe
    as a leader'), not a name that holds one ('Stargate UAE')."""
    if any(c.dep_ == "appos" and c.lower_ in _KIND_NOUNS | _BODY_KINDS for c in obj.children):
        return False  # 'unveil InvestAI, an initiative to …', whatever the model took it for
    ent = entity_of(obj)
    start = obj.left_edge.i
    while start < obj.i and obj.doc[start].pos_ == "DET":
        start += 1
    return ent is not None and ent.label_ in ("GPE", "LOC", "NORP", "PERSON") and ent.start <= start


def modifies_a_name(span: Span) -> bool:
    """Tell whether an initiative head only modifies a longer name ('the CHIPS Program Office')."""
    doc = span.doc
    return (
        span.end < len(doc) and is_name_word(doc[span.end]) and doc[span.end].ent_type_ not in ("GPE", "DATE")
    )


def instrument_word(span: Span) -> str | None:
    """The head of a government instrument's name: 'Memorandum', 'Framework', 'Plan', 'Order'."""
    return next((t.lower_ for t in span if t.is_title and t.lower_ in _INSTRUMENTS), None)


def joint(span: Span) -> bool:
    """Tell whether a name makes an instrument joint ('U.S.-EU Joint …', 'Memorandum of Understanding')."""
    return any(t.text in ("Joint", "Bilateral", "Understanding") for t in span)


@cache
def head_words() -> frozenset[str]:
    """The words that head an initiative's or a government instrument's name."""
    return frozenset(k.lower() for k in json_data("names.json")["initiative_heads"]) | frozenset(_INSTRUMENTS)


@cache
def described_heads() -> dict[str, str]:
    """The heads of a launched description: an initiative's, and the bodies a launch may describe
    in lower case only ('the establishment of a council on …'); written as a name, a council or a
    committee is a meeting or an organisation."""
    named = {k.lower(): v for k, v in json_data("names.json")["initiative_heads"].items()}
    return {**named, **_DESCRIBED_HEADS}


def initials(name: str) -> str:
    """The initials of a name's capitalised words: 'National Security Memorandum' → 'NSM'."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def only_intended(word: Token) -> bool:
    """Tell whether a launch is only tried, planned or awaited: 'trying to establish …', 'plans to
    launch …', 'look forward to the launch of …'."""
    node = word
    for _ in range(3):
        if node.head == node:
            return False
        if node.dep_ in ("xcomp", "pobj", "pcomp", "prep") and node.head.lemma_.lower() in _INTENTIONS:
            return True
        node = node.head
    return False


def order_launched(order: Token) -> bool:
    node = order
    while node.dep_ in ("conj", "appos", "compound") and node.head != node:
        node = node.head
    if node.dep_ in ("dobj", "nsubjpass") and node.head.lemma_.lower() in _ORDER_VERBS:
        return True
    return any(
        c.dep_ in ("relcl", "acl") and c.lemma_.lower() in _ORDER_VERBS
        for c in [*order.children, *node.children]
    )


def launched_object(span: Span, verbs: frozenset[str] = _LAUNCH) -> bool:
    """Tell whether a name is what a launching verb or noun launched ('set up its own AI Safety
    Institute', 'the creation of the Global Biofuels Alliance', 'the X Partnership announced last
    week', 'a Global Network of A alongside a Global Network of B')."""
    doc = span.doc
    head_word = next((t for t in span if t.lower_ in head_words() and t.is_title), span.root)
    node = head_word
    while node.head != node and (
        node.dep_ in ("conj", "appos", "compound")
        or (node.dep_ == "pobj" and node.head.lower_ in ("alongside", "with") and node.head.head != node.head)
    ):
        node = node.head.head if node.dep_ == "pobj" else node.head
    head = node.head
    if node.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in verbs and not only_intended(head):
        return True
    if node.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _LAUNCH_NOUNS:
        return not only_intended(head.head)
    if any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in verbs for c in head_word.children):
        return True
    # 'the X Partnership announced during the visit': a participle the parser took for a verb
    after = doc[span.end] if span.end < len(doc) else None
    return (
        after is not None
        and after.lemma_.lower() in verbs
        and after.tag_ in ("VBN", "VBD")
        and span.end + 1 < len(doc)
        and doc[span.end + 1].pos_ == "ADP"
    )


_PARTICLES: dict[str, str] = data("initiatives.json")["launch_particles"]


def with_particle(verb: Token) -> bool:
    """Tell whether a phrasal launching verb has its particle: 'set up' a fund, not 'is set to visit'."""
    particle = _PARTICLES.get(verb.lemma_.lower())
    return particle is None or any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children)


def launch_objects(verb: Token) -> list[Token]:
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    for obj in list(objects):
        objects.extend(c for c in obj.children if c.dep_ == "conj")
    if any(obj.tag_ == "NNS" for obj in objects):
        objects.extend(listed_after_colon(verb))
    return objects


def coordinated_names(obj: Token) -> list[Token]:
    """'the establishment of the X Panel on AI and the Global Dialogue on AI Governance': the name
    joined to a launched one by 'and (the)', which the parser hangs on the first name's tail."""
    doc = obj.doc
    names = list(doc.spans.get("accord_names", []))
    own = next((s for s in names if s.start <= obj.i < s.end), None)
    if own is None or own.end + 1 >= len(doc) or doc[own.end].lower_ != "and":
        return []
    start = own.end + 2 if doc[own.end + 1].lower_ == "the" else own.end + 1
    other = next((s for s in names if s.start == start and s.label_ in (INITIATIVE, EVENT)), None)
    return [head_of_name(other)] if other is not None else []


def head_of_name(span: Span) -> Token:
    return next((t for t in span if t.lower_ in head_words() and t.is_title), span.root)


def listed_after_colon(verb: Token) -> list[Token]:
    """'Two new bodies were launched to guide the process: the A and the B': the names a colon
    lists after a plural object are what was launched."""
    sent = verb.sent
    colon = next((t.i for t in sent if t.text == ":" and t.i > verb.i), None)
    if colon is None:
        return []
    names = verb.doc.spans.get("accord_names", [])
    listed = [s for s in names if colon < s.start < sent.end and s.label_ in (INITIATIVE, EVENT)]
    return [head_of_name(s) for s in listed]


def appositive_kind(span: Span) -> str | None:
    """Read 'InvestAI, an initiative to …' / 'the Global AI Governance Initiative, a framework that …'."""
    doc = span.doc
    if span.end + 2 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lower_ in ("a", "an"):
        for token in doc[span.end + 2 : min(len(doc), span.end + 6)]:
            if token.pos_ == "NOUN":
                return token.lower_
    return None


def quoted_after(obj: Token) -> tuple[str, str | None] | None:
    """Read the quoted name after the noun: 'the public-private partnership initiative "Current AI"'."""
    doc = obj.doc
    after = doc_text(doc)[obj.idx + len(obj.text) :]
    # 'a new international body called the "World AI Cooperation Organization"'
    after = re.sub(r"^\s*(?:called|named|dubbed|known as)(?:\s+the)?(?=\s*[\"“])", "", after)
    match = re.match(r"\s*[\"“]([^\"”]{2,80})[\"”]", after)
    if not match:
        return None
    kind_tokens = [
        t for t in doc[obj.left_edge.i : obj.i] if t.dep_ not in ("det", "poss") and t.pos_ != "DET"
    ]
    kind = " ".join(t.text for t in kind_tokens if t.lower_ not in ("global", "new", "international")) or None
    return match.group(1), kind.replace(" - ", "-") if kind else None


def shorter_form(name: str, other: str) -> bool:
    """Whether a name is a shorter form of another that ends in the same head ('AI Advisory Body'
    of 'High-Level Advisory Body on Artificial Intelligence')."""
    words = _name_words(name)
    others = _name_words(other)
    if "artificial" in others and "intelligence" in others:
        others |= {"ai"}
    head = name.split()[-1].lower()
    return len(words) < len(others) and words <= others and head in others


def _name_words(name: str) -> set[str]:
    return {w for w in re.split(r"[\s-]+", name.lower()) if w}


def quoted_or_named(obj: Token, allow_events: bool = False) -> tuple[str, str | None] | None:
    """A proper name launched, with the kind its apposition gives: 'Current AI, a public-interest
    partnership'; 'the Testing Risks of AI for National Security Taskforce'."""
    doc = obj.doc
    span: Span | None = None
    if obj.pos_ == "PROPN" and is_name_word(obj):
        left = obj.left_edge.i
        while left < obj.i and doc[left].pos_ == "DET":
            left += 1
        words = doc[left : obj.i + 1]
        if all(is_name_word(t) or t.lower_ in ("of", "for", "on", "and", "the", "-") for t in words):
            span = words
        else:
            start = obj.i
            while start > 0 and doc[start - 1].dep_ in ("compound", "amod") and is_name_word(doc[start - 1]):
                start -= 1
            while start > 1 and joins_hyphenated(doc, start - 1) and is_name_word(doc[start - 2]):
                start -= 2  # 'his High-Level Advisory Body': the word the hyphen joins is the name's
            span = doc[start : obj.i + 1]
    else:
        ent = entity_of(obj)
        if ent is not None and ent.label_ in ("ORG", "PRODUCT", "WORK_OF_ART") and ent.end - 1 == obj.i:
            span = ent
    if span is None:
        return None
    end = span.end
    while (
        end + 1 < len(doc)
        and doc[end].lower_ in ("of", "for", "on", "and")
        and is_name_word(doc[end + 1])
        and doc[end + 1].ent_type_ not in ("DATE", "TIME")  # '… on Data Ethics on Monday'
    ):
        end += 2
        while end < len(doc) and is_name_word(doc[end]):
            end += 1
    span = doc[span.start : end]
    if doc._.agreements.in_span(span) or (doc._.events.in_span(span) and not allow_events):
        return None
    if doc._.events.in_span(span) and span[-1].text in event_heads() and met_as_told(span):
        return None  # 'the launch of its first National AI Summit, held on July 1': a gathering
    if len(span) == 1 and not span[0].ent_type_:
        return None
    return span.text, appositive_noun(obj)


_MET_PARTICIPLES = lexicon.words("initiatives.json", "met_participles")


def met_as_told(span: Span) -> bool:
    """'… Summit, held on July 1 in Rabat': the name of a gathering that met, told by a participle."""
    return any(
        c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _MET_PARTICIPLES for c in span.root.children
    )


def appositive_noun(obj: Token) -> str | None:
    """The kind an apposition gives a name: 'a public-interest partnership'."""
    for child in obj.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            words = [
                t
                for t in child.subtree
                if t.i <= child.i
                and t.pos_ in ("ADJ", "NOUN", "PUNCT")
                and t.ent_type_ != "MONEY"
                and t.text != ","
            ]
            text = "".join(t.text_with_ws for t in words).strip().replace(" - ", "-").replace(" -", "-")
            return text or None
    return None
