"""Quotes: direct quotations and reported speech, each with its speaker resolved to a full name.

Direct quotes are found from their marks (straight or curly, across sentences) and
attributed to the speech verb beside them ("…," she said / said X: "…"), to a
colon-introduced frame whose subject speaks, or, for a quote standing alone, to the
speaker of the quote just before it. Reported speech is the content of a speech verb:
its that-clause ("X warned that …"), its infinitive ("urged Y not to …"), its object
("stressed the need for …") or its predicate ("called it an open treaty").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from accord.extract.common import Fact, data, fact
from accord.extract.data import lexicon
from accord.extract.speakers import person_above, resolve, sole_holder
from accord.nlp.cache import doc_sents, doc_text, doc_tokens
from accord.nlp.components.offices import is_title_token
from accord.nlp.components.things import introduces_a_title
from accord.nlp.headlines import in_headline

_OPEN = {"“": "”", "«": "»"}
_STRIP = " \t\n,.;:"
_NOT_SPEAKERS = lexicon.words("speech.json", "not_speakers")
_SPEECH_VERBS = lexicon.words("speech.json", "speech_verbs")
_QUOTE_CHARS = re.compile(r"[\"“”«»]")
_MARKS = re.compile(r"[\"“”«»‘’'\n]")


@dataclass
class Segment:
    """A stretch of quoted words: character offsets of its content."""

    start: int
    end: int
    used: bool = False
    speaker: str | None = None
    continued: bool = False  # left open at its paragraph's end, the next paragraph reopening it


def quote_segments(text: str) -> list[Segment]:
    """Pair quotation marks: curly pairs, straight marks alternating open and close, a curly
    opening closed by a straight mark ('“…,"'), and straight single marks that open at a word's
    start and close at its end ('to support this initiative,' he said)."""
    segments: list[Segment] = []
    open_at: int | None = None
    closer = ""
    # two single marks for a double one ('‘‘It will …’’'), as some outlets type them: the same
    # offsets, the inner opening and the outer closing mark read as the double one
    text = text.replace("‘‘", " “").replace("’’", "” ")
    text = _OPENING_PAIR.sub(' "', _CLOSING_PAIR.sub('" ', text))  # "''We will …,'' she said"
    for mark in _MARKS.finditer(text):  # every other character leaves the state as it is
        i, ch = mark.start(), mark.group()
        if open_at is None:
            if ch in _OPEN or ch == '"':
                open_at, closer = i, _OPEN.get(ch, '"')
            elif ch == "‘" and (i == 0 or not text[i - 1].isalnum()):
                open_at, closer = i, "’"
            elif ch == "'" and opens_single(text, i):
                open_at, closer = i, "'"
        elif closer in ("’", "'") and ch == closer and i + 1 < len(text) and text[i + 1].isalpha():
            continue  # an apostrophe inside the quotation ('don’t')
        elif closer == "'" and ch == "'" and (text[i - 1].isspace() or i == open_at + 1):
            open_at = None  # a straight mark after a space opens nothing it could close
        elif (
            ch == closer
            or (closer == '"' and ch == "”")
            or (closer == "”" and ch == '"')
            or (closer == "”" and ch == "“" and closes_as_typed(text, i))
        ):
            if i - open_at > 1:
                segments.append(Segment(open_at + 1, i))
            open_at = None
        elif ch == "\n":
            # a quotation running on over paragraphs leaves each open and reopens the next one
            if i - open_at > 1 and text[i + 1 : i + 2] in ('"', "“"):
                segments.append(Segment(open_at + 1, i, continued=True))
            elif closed_lines_later(text, i, closer):
                continue  # one quotation whose sentences the page set on lines of their own
            open_at = None
    return segments


_RUN_ON_LINES = 4


_OPENING_PAIR = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))''(?=\w)", re.M)
_CLOSING_PAIR = re.compile(r"(?<=[^\s'])''(?=[\s,.;:!?)\]]|$)", re.M)


def closed_lines_later(text: str, newline: int, closer: str) -> bool:
    """Tell whether a quotation left open at a line's end is closed a few lines on, by the first
    double mark after it, with none of the lines between opening another: '“The plan was drafted
    with industry.⏎ It is unique.⏎ It will serve as a model,” he added.'"""
    if closer not in ("”", '"', "»"):
        return False
    found = _QUOTE_CHARS.search(text, newline)
    if found is None or text.count("\n", newline, found.start()) > _RUN_ON_LINES:
        return False
    at, mark = found.start(), found.group()
    closes = mark == closer or (closer == "”" and mark == '"') or (closer == '"' and mark == "”")
    line_start = text.rfind("\n", 0, at) + 1
    # a straight mark closes after a word, not at a line's start where it would open one
    return closes and at > line_start and not text[at - 1].isspace()


def closes_as_typed(text: str, i: int) -> bool:
    """An opening curly mark typed where a closing one belongs ('the theme “Our Future.“ The …'):
    right after a word or a stop, before a space, a stop or the line's end."""
    after = text[i + 1 : i + 2]
    return i > 0 and not text[i - 1].isspace() and (after == "" or after.isspace() or after in ".,;:)")


def opens_single(text: str, i: int) -> bool:
    """Tell whether a straight single mark opens a quotation: after a space, before a letter."""
    return (i == 0 or text[i - 1].isspace()) and i + 1 < len(text) and text[i + 1].isalpha()


def extract_quotes(doc: Doc) -> list[Fact]:
    """Read every quotation and reported statement with a speaker the document lets us name."""
    reader = QuoteReader(doc)
    reader.read_reported_speech()
    reader.read_according_to()
    reader.read_quotations()
    reader.drop_headline_paraphrases()
    for speaker, start, end in transcript_turns(doc) or remarks_paragraphs(doc):
        reader.emit(
            speaker, doc_text(doc)[start:end].strip(" —–-"), True, sentence_span(doc, start, end), 0.8
        )
    return reader.facts


class QuoteReader:
    """The quotes of one document, read in two passes: speech verbs with their content, then the
    quotations no verb has claimed."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.lexicon = data("speech.json")
        self.segments = quote_segments(doc_text(doc))
        self.facts: list[Fact] = []
        self.seen: set[tuple[str, str]] = set()
        # Who spoke in reported speech, by the first token of the sentence after theirs: a
        # quotation opening that sentence goes on in their voice ('X said Y. "…"').
        self.spoke_before: dict[int, str] = {}

    def emit(self, speaker: str | None, text: str, direct: bool, where: Span, confidence: float) -> None:
        text = " ".join(_QUOTE_CHARS.sub("", text).split()).strip(_STRIP)
        if not speaker or len(text.split()) < 1:
            return
        key = (speaker, text.lower())
        if key in self.seen:
            return
        self.seen.add(key)
        self.facts.append(fact("quote", where, confidence, speaker=speaker, text=text, direct=direct))

    def drop_headline_paraphrases(self) -> None:
        """Leave out reported speech in a headline when its speaker speaks in the body: the headline
        shortens what the body reports ('All major nations have signed, says X')."""
        doc = self.doc
        first = doc_sents(doc)[0] if len(doc) else None
        if first is None or first.text.rstrip().endswith(".") or first.end >= len(doc):
            return
        headline_end = first.end_char

        def in_headline(item: Fact) -> bool:
            return not item["direct"] and item["evidence"]["end"] <= headline_end

        in_body = {f["speaker"] for f in self.facts if f["evidence"]["start"] >= headline_end}
        self.facts = [f for f in self.facts if not (in_headline(f) and f["speaker"] in in_body)]

    def read_reported_speech(self) -> None:
        """Every speech verb with a speaker and content: quoted content is a direct quote, the
        rest reported speech."""
        doc, lexicon = self.doc, self.lexicon
        quoted = {i for s in self.segments for i in range(s.start, s.end)}
        speech_verbs = frozenset(lexicon["speech_verbs"])
        for verb in doc_tokens(doc):
            if verb.lemma_.lower() not in speech_verbs or verb.pos_ != "VERB" or verb.idx in quoted:
                continue
            if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
                continue  # 'Beijing will urge the Global South to take part': not said yet
            if in_purpose(verb, speech_verbs):
                continue  # 'convened leaders to discuss risks and reaffirm the commitment': what for
            if went_on(verb, lexicon):
                continue  # '…, noting that …' after a reported clause: read with that clause
            if verb.lemma_.lower() in lexicon["clause_only"] and not any(
                c.dep_ == "ccomp" for c in verb.children
            ):
                continue  # 'revealed that …' reports words; 'revealed the plan' shows a thing
            content = speech_content(verb, lexicon)
            if content is not None and content[0].lower_ == "to" and in_headline(verb):
                continue  # 'X Announces New Initiatives to Advance …': what the initiatives are for
            speakers = self.speakers(verb) if content is not None else []
            if content is None or not speakers:
                continue
            self.read_content(verb, content, speakers)

    def speakers(self, verb: Token) -> list[str | None]:
        """Who speaks through a verb: its subject and the subject's conjuncts, all people."""
        doc = self.doc
        speaker_token = speaker_of(verb)
        if speaker_token is None and verb.i > 0 and doc._.people.at(verb.i - 1):
            speaker_token = doc[verb.i - 1]  # '…, Minister Ana Ruiz said': the parser kept no subject
        elif (
            speaker_token is None
            and verb.i > 1
            and doc[verb.i - 1].text == ","
            and doc._.people.at(verb.i - 2)
        ):
            # '…, adviser to the government, Ajay Sood, said': the parser kept no subject
            speaker_token = doc[verb.i - 2]
        if speaker_token is None:
            speaker_token = set_off_speaker(verb)
        if speaker_token is None:
            return []
        if in_headline(verb) and not doc._.people.at(speaker_token.i):
            return []  # a title-case headline's capitals make bodies of anything ('Ruiz Announces New')
        conjuncts = [c for c in speaker_token.children if c.dep_ == "conj"]
        if conjuncts and doc._.people.at(speaker_token.i) and doc[speaker_token.i + 1].text == ",":
            # 'Ana Ruiz, trade minister and chair of the meeting, said': the office the parser
            # conjoined to her name is no second speaker
            conjuncts = [c for c in conjuncts if doc._.people.at(c.i)]
        office = next((c for c in conjuncts if named_office(c)), None)
        if office is not None and not doc._.people.at(speaker_token.i):
            # 'The Department of Trade and Industry spokesperson, Ana Ruiz, said': the parser made
            # the office a conjunct of the body it belongs to; the person named beside it speaks
            speaker_token, conjuncts = office, []
        if conjuncts and not all(
            doc._.people.at(t.i) or t.lower_ in ("he", "she") for t in [speaker_token, *conjuncts]
        ):
            return []
        if (
            verb.lemma_.lower() in self.lexicon["content_as_object"]
            and not doc._.people.at(speaker_token.i)
            and speaker_token.lower_ not in ("he", "she")
            and sole_holder(speaker_token) is None
        ):
            return []
        # 'In a statement shared on X, formerly Twitter, Al Olama emphasized': not the platform
        who = [t for t in [speaker_token, *conjuncts] if doc[max(0, t.i - 1)].lower_ != "formerly"]
        return [seat_of_government(t) or sole_holder(t) or resolve(t) for t in who]

    def read_content(self, verb: Token, content: Span, speakers: list[str | None]) -> None:
        doc = self.doc
        text = doc_text(doc)
        speaker = speakers[0]
        if content.end <= verb.i and _speech_inside(content, self.lexicon):
            # 'X called on states to adopt the charter, meant to ensure "fair use of AI," the League
            # said in a statement': the source is the League's for the words it quotes, X's for the rest
            for s in self.quoted_within(content)[0]:
                if not s.used and len(text[s.start : s.end].split()) >= 3:
                    s.used, s.speaker = True, speaker
                    self.emit(speaker, text[s.start : s.end], True, sentence_span(doc, s.start, s.end), 0.8)
            return
        # Quotes that overlap the content: a quotation of several sentences whose last one the
        # parser made the verb's complement ('"A. B," she said') is quoted whole.
        inner, covered = self.quoted_within(content)
        if (
            len(inner) >= 2
            and len(content.text.split()) - covered >= 2
            and content.start_char < inner[0].start - 1
        ):
            # 'Leaders should "avoid X" and "Y," she added': quoted fragments in a clause of the
            # speaker's; what was said is the clause
            for s in inner:
                s.used, s.speaker = True, speaker
            where = sentence_span(doc, content.start_char, content.end_char)
            self.emit(speaker, clean_content(content), False, where, 0.8)
            return
        if inner and covered >= 0.6 * len(content.text.split()):
            least = 2 if verb.lemma_.lower() in self.lexicon["content_as_predicate"] else 3
            for s in inner:
                s.used, s.speaker = True, speaker
                said = text[s.start : s.end]
                # 'called the declaration a "landmark achievement"': a predicate may be two words
                if len(said.split()) >= least:
                    self.emit(speaker, said, True, sentence_span(doc, s.start, s.end), 0.9)
            return
        for s in inner:
            crossing = doc.char_span(s.start, s.end, alignment_mode="expand")
            if (
                crossing is not None
                and s.end > content.end_char
                and s.start > content.start_char
                and text[: s.start - 1].rstrip()[-1:] in (".", "!", "?")
            ):
                # A quotation the parser ran into the content ('… of AI.“We believe …”') is its own.
                content = doc[content.start : max(content.start, crossing.start - 1)]
                s.speaker = speaker
            else:
                s.used = True
        if len(content.text.split()) >= 4:
            lead_in = unquoted_lead_in(doc, content, verb, self.lexicon)
            if lead_in is not None:
                content = lead_in
            where = sentence_span(doc, content.start_char, content.end_char)
            if inside_relative(verb, content):
                return
            for one in speakers:
                self.emit(one, clean_content(content), False, where, 0.7)
            if speaker and where.end < len(doc):
                self.spoke_before[where.end] = speaker

    def quoted_within(self, content: Span) -> tuple[list[Segment], int]:
        """The quotations that overlap a stretch of content, and how many of its words they cover."""
        text = doc_text(self.doc)
        inner = [s for s in self.segments if s.start < content.end_char and s.end > content.start_char]
        covered = sum(
            len(text[max(s.start, content.start_char) : min(s.end, content.end_char)].split()) for s in inner
        )
        return inner, covered

    def read_according_to(self) -> None:
        """Read 'According to X, the talks will resume' and '…, according to X.': the clause is X's,
        in X's quoted words when marks cover most of it. A report, a statement or 'sources' are not
        speakers, nor mostly are bodies ('according to the company'): the speaker is a person. The
        clause is read only when the phrase opens or closes its sentence."""
        doc, text = self.doc, doc_text(self.doc)
        for token in doc_tokens(doc):
            if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
                continue
            source = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
            if source is None:
                continue
            content = according_content(token, source)
            if content is None:
                continue
            inner, covered = self.quoted_within(content)
            quoted = bool(inner) and covered >= 0.6 * len(content.text.split())
            if not quoted and _speech_inside(content, self.lexicon):
                continue  # 'According to X, Y said …': Y speaks; in quotation marks, the words are X's
            source = statement_author(source)
            speaker = resolve(source) if source.lower_ not in _NOT_SPEAKERS else None
            if speaker is None or speaker not in doc._.people.persons:
                continue  # 'according to the company' mostly sources a figure, not words
            if quoted:
                for s in inner:
                    s.used, s.speaker = True, speaker
                    if len(text[s.start : s.end].split()) >= 3:
                        where = sentence_span(doc, s.start, s.end)
                        self.emit(speaker, text[s.start : s.end], True, where, 0.85)
            elif len(content.text.split()) >= 4:
                for s in inner:
                    s.used, s.speaker = True, speaker
                self.emit(speaker, clean_content(content), False, content.sent, 0.7)

    def read_quotations(self) -> None:
        """Attribute the quotations no speech verb claimed: to the verb beside them, to a colon
        frame, to the speaker of the quotation before, or of the reported speech before."""
        doc, text = self.doc, doc_text(self.doc)
        previous: tuple[Segment, str] | None = None
        running_on: list[Segment] = []  # paragraphs of a quotation whose attribution comes later
        for segment in self.segments:
            if segment.continued and not segment.used:
                running_on.append(segment)
                continue
            if segment.used:
                previous = (segment, segment.speaker) if segment.speaker else None
                self.run_on(running_on, segment.speaker)
                continue
            words = text[segment.start : segment.end].split()
            opens_sentence = text[: segment.start - 1].rstrip()[-1:] in ("", ".", ":", "\n", "?", "!")
            if len(words) < 4 and not opens_sentence:
                previous = None
                continue
            if introduces_a_title(text[max(0, segment.start - 41) : segment.start - 1]) or a_title(words):
                previous = None
                continue  # 'a side event titled "Promoting …"', 'the "Summit of the Future"': a title
            speaker = attribute(doc, segment, self.lexicon)
            if speaker is None and previous is not None and continues(doc, previous[0], segment):
                speaker = previous[1]
            if speaker is None:
                speaker = segment.speaker or self.spoke_before_quote(segment)
            if speaker is None:
                previous = None
                running_on.clear()
                continue
            self.run_on(running_on, speaker)
            self.emit(
                speaker,
                text[segment.start : segment.end],
                True,
                sentence_span(doc, segment.start, segment.end),
                0.85,
            )
            previous = (segment, speaker)

    def run_on(self, paragraphs: list[Segment], speaker: str | None) -> None:
        """Give the paragraphs a quotation ran on over the speaker of the paragraph that ends it."""
        text = doc_text(self.doc)
        for segment in paragraphs:
            where = sentence_span(self.doc, segment.start, segment.end)
            self.emit(speaker, text[segment.start : segment.end], True, where, 0.8)
        paragraphs.clear()

    def spoke_before_quote(self, segment: Segment) -> str | None:
        """The speaker of reported speech in the sentence just before a quotation that opens its own."""
        doc = self.doc
        quote = doc.char_span(segment.start, segment.end, alignment_mode="expand")
        if quote is None:
            return None
        sent_start = quote[0].sent.start
        if not all(t.is_punct or t.is_space for t in doc[sent_start : quote.start]):
            return None
        return self.spoke_before.get(sent_start)


# A transcript's speaker label: a line that opens with a name in capitals and a colon
# ("PRIME MINISTER SUNAK:  Well, …"; "MS. LOPES: …").
_LABEL = re.compile(r"^([A-Z][A-Z.'’ -]{1,60}[A-Z.]):[ \t]+(\S.*)$", re.M)
_TRANSCRIPT_END = {"END", "###", "# # #"}
_MIN_TURN_WORDS = 10


_LONGEST_TITLE = 8


def a_title(words: list[str]) -> bool:
    """Tell a quoted title ('Summit of the Future') from quoted words: a few words, every one of
    four letters or more capitalised, and nothing that ends a sentence."""
    if not words or len(words) > _LONGEST_TITLE or words[-1][-1:] in ".!?,;:":
        return False
    long_words = [w for w in words if len(w) >= 4 and w[:1].isalpha()]
    return bool(long_words) and all(w[:1].isupper() for w in long_words)


def transcript_turns(doc: Doc) -> list[tuple[str, int, int]]:
    """Read the paragraphs of a transcript as its speakers' words: (speaker, start, end) per paragraph.

    A document is a transcript when at least two lines open with a speaker label whose last word
    names a person the document knows ('VICE PRESIDENT HARRIS:'); the paragraphs after a label
    without one of their own are the same speaker's. Short turns ('Thank you.') are left out.
    """
    text = doc_text(doc)
    labels = [(m, transcript_speaker(doc, m.group(1))) for m in _LABEL.finditer(text)]
    if sum(1 for _, speaker in labels if speaker) < 2:
        return []
    turns = []
    for n, (match, speaker) in enumerate(labels):
        if speaker is None:
            continue
        stop = labels[n + 1][0].start() if n + 1 < len(labels) else len(text)
        start = match.start(2)
        for line in re.finditer(r"[^\n]+", text[start:stop]):
            words = line.group().split()
            if line.group().strip() in _TRANSCRIPT_END:
                break
            if len(words) >= _MIN_TURN_WORDS:
                turns.append((speaker, start + line.start(), start + line.end()))
    return turns


_REMARKS_NOUNS = "|".join(re.escape(n) for n in lexicon.words("speech.json", "remarks_nouns"))
# 'Following are UN Secretary-General António Guterres’ remarks at the BRICS Summit, in Rio, today:'
_FOLLOWING_ARE = re.compile(
    rf"^Following (?:are|is) (?P<who>[^\n]{{3,160}}?)(?:['’]s?)? (?:{_REMARKS_NOUNS})\b[^\n]*:[ \t]*$", re.M
)
# A headline 'Remarks by Director Kratsios at the APEC Digital and AI Ministerial Meeting' (a
# 'Statement by' a spokesman is a release written about others, not a speech).
_SPOKEN_NOUNS = "|".join(re.escape(n) for n in lexicon.words("speech.json", "spoken_nouns"))
_REMARKS_BY = re.compile(
    rf"^(?:{_SPOKEN_NOUNS}) (?:by|of) (?P<who>[^\n]{{3,160}}?) (?:at|to|on|before|during)\b", re.I
)
_FUNCTION_WORDS = lexicon.words("speech.json", "english_function_words")
# 'As delivered by Ana Ruiz, Secretary General of …' near the top of a speech's own page
_AS_DELIVERED = re.compile(r"^As (?:delivered|prepared for delivery) by (?P<who>[^\n,]{3,80})[^\n]*$", re.M)
_DELIVERED_WITHIN = 600  # characters: the page's headline and that line
_CREDITED_NAME = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3}")


def remarks_paragraphs(doc: Doc) -> list[tuple[str, int, int]]:
    """Read a speech published whole as its speaker's words: (speaker, start, end) per paragraph.

    A release that introduces a speech ('Following are the Secretary-General's remarks at the
    summit, today:') or is titled as one ('Remarks by Director Kratsios at the APEC … Meeting')
    gives the speech below it in the speaker's voice, without quotation marks or labels. Short
    lines ('Thank you.') and lines in another language (a greeting to the host) are left out.
    """
    text = doc_text(doc)
    intro = _FOLLOWING_ARE.search(text)
    if intro is None:
        first_line = text.split("\n", 1)[0]
        headline = _REMARKS_BY.match(first_line)
        intro = headline if headline is not None and not _QUOTE_CHARS.search(text) else None
    if intro is None:
        intro = _AS_DELIVERED.search(text, 0, _DELIVERED_WITHIN)  # a speech's own page
    if intro is None:
        return []
    span = doc.char_span(intro.start("who"), intro.end("who"), alignment_mode="expand")
    people = doc._.people
    names = [people.at(t.i) for t in span or [] if people.at(t.i)]
    credited = intro.group("who").strip()
    if not names and intro.re is _AS_DELIVERED and _CREDITED_NAME.fullmatch(credited):
        names = [credited]  # 'As delivered by Ana Ruiz, Secretary General …': a credit line names a person
    if not names:
        return []
    speaker = names[-1]
    paragraphs = []
    for start, end in spoken_lines(text, intro.end()):
        words = text[start:end].split()
        if text[start:end].strip() in _TRANSCRIPT_END:
            break
        lowered = {w.lower().strip(",.;:") for w in words}
        if len(words) >= _MIN_TURN_WORDS and len(lowered & _FUNCTION_WORDS) >= 2:
            paragraphs.append((speaker, start, end))
    return paragraphs


def spoken_lines(text: str, begin: int) -> list[tuple[int, int]]:
    """The lines of a speech from `begin`, a line that ends on a dash run on into the next: speeches
    set out for reading aloud break a sentence at its dashes ('Harnessing AI –\nAnd mitigating
    the dangers –\nIs a defining challenge of our times.')."""
    lines: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text[begin:]):
        start, end = begin + line.start(), begin + line.end()
        if lines and text[lines[-1][0] : lines[-1][1]].rstrip().endswith(("–", "—")):
            lines[-1] = (lines[-1][0], end)
        else:
            lines.append((start, end))
    return lines


def transcript_speaker(doc: Doc, label: str) -> str | None:
    """The person a speaker label names by its last word ('PRIME MINISTER SUNAK' → Rishi Sunak)."""
    surname = label.split()[-1].strip(".").capitalize()
    if len(surname) < 2:
        return None
    names = [p for p in doc._.people.persons if p.split()[-1] == surname]
    return names[0] if len(names) == 1 else None


def sentence_span(doc: Doc, start: int, end: int) -> Span:
    """The sentences that hold a stretch of text, as evidence."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    last = doc.char_span(max(start, end - 1), end, alignment_mode="expand")
    if first is None or last is None:
        return doc[:]
    return doc[first.sent.start : last.sent.end]


_SEATS = frozenset(lexicon.words("speech.json", "seats_of_government"))


def seat_of_government(token: Token) -> str | None:
    """'The White House said …': the office speaks, named as such (a stance of the White House is
    its country's, but what it says is the office's own statement). Only the seats the word list
    names: 'Downing Street said' is read as the United Kingdom, as the annotated texts read it."""
    doc, start, end = token.doc, token.i, token.i + 1
    if token.ent_type_:
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1  # back to the entity's first token ('The White House': 'White' or 'The')
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    text = doc[start:end].text
    text = text[4:] if text.lower().startswith("the ") else text
    return text if text in _SEATS else None


def according_content(according: Token, source: Token) -> Span | None:
    """The clause an 'according to X' phrase attributes: the rest of the sentence after the phrase
    when it opens the sentence, the sentence before it when it closes it; None for a phrase inside
    the sentence, whose reach the parse does not tell."""
    doc, sent = according.doc, according.sent
    end = source.right_edge.i + 1
    tail = sent.end
    while tail > end and (doc[tail - 1].is_punct or doc[tail - 1].is_space):
        tail -= 1
    if according.i == sent.start or (according.i == sent.start + 1 and doc[sent.start].is_punct):
        if end < tail and doc[end].text == ",":
            content = doc[end + 1 : tail + 1 if tail < sent.end and doc[tail].text in '”"' else tail]
            return content if any(t.tag_ in _FINITE for t in content) else None
        return None
    if end == tail and according.i > sent.start and doc[according.i - 1].text == ",":
        content = doc[sent.start : according.i - 1]
        return content if any(t.tag_ in _FINITE for t in content) else None
    closing = according.i - 1
    if (
        end == tail
        and closing > sent.start + 1
        and doc[closing].text in _CLOSING_QUOTES
        and doc[closing - 1].text == ","
    ):
        content = doc[sent.start : closing + 1]  # '"… two new bodies," according to X': the quotation
        return content if any(t.tag_ in _FINITE for t in content) else None
    return None


_CLOSING_QUOTES = frozenset(('"', "”", "'", "’"))
_CITED_TEXTS = lexicon.words("speech.json", "cited_texts")


def statement_author(source: Token) -> Token:
    """The author of the statement a phrase cites ('according to a statement by his spokesperson X'):
    X speaks; the statement itself is no speaker."""
    if source.lower_ not in _CITED_TEXTS:
        return source
    by = next((c for c in source.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
    author = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    return author if author is not None else source


def _speech_inside(content: Span, lexicon: dict) -> bool:
    """Tell whether a clause reports speech of its own ('According to X, Y said …'): Y is the
    speaker there, and the speech verb's own reading finds Y."""
    return any(_speech(t, lexicon) and any(c.dep_ == "nsubj" for c in t.children) for t in content)


def in_purpose(verb: Token, speech_verbs: frozenset[str]) -> bool:
    """Tell whether a speech verb is an infinitive saying what something else was done for."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head  # '… to discuss risks and reaffirm …': the infinitive the verb is joined to
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
    return (
        infinitive and node.dep_ in ("advcl", "xcomp", "acl") and node.head.lemma_.lower() not in speech_verbs
    )


def named_office(token: Token) -> bool:
    """Tell whether a token is an office with its holder's name set beside it ('spokesperson, Ana Ruiz,')."""
    return is_title_token(token) and any(
        c.dep_ == "appos" and token.doc._.people.at(c.i) for c in token.children
    )


def set_off_speaker(verb: Token) -> Token | None:
    """'…, US Vice President J.D. Vance, making his international debut, said, "…"': the person
    before a clause set off by commas, when the parser left the verb no subject."""
    doc = verb.doc
    people = doc._.people
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    k = verb.i - 2
    while k > verb.sent.start and doc[k].text != ",":
        if doc[k].tag_ in ("VBD", "VBZ", "VBP", "MD") or people.at(k):
            return None  # a clause of its own, or a person inside the set-off clause
        k -= 1
    if k <= verb.sent.start or not people.at(k - 1):
        return None
    return doc[k - 1]


def apposed_to(token: Token) -> list[Token]:
    """The words set beside a noun in apposition anywhere in its phrase: the parser hangs
    'Co-Chairman of the Committee, Ana Ruiz, said' as 'Co' ← 'Chairman' ← 'Ruiz', and 'Minister of
    Trade and Industry, Ana Ruiz,' on 'Industry'. Relative clauses are not the phrase."""
    found: list[Token] = []
    stack = list(token.children)
    while stack:
        child = stack.pop()
        if child.dep_ in ("relcl", "acl", "advcl", "ccomp", "punct"):
            continue
        if child.dep_ == "appos":
            found.append(child)
        stack.extend(child.children)
    return sorted(found, key=lambda t: t.i)


def apposed_person(token: Token) -> Token | None:
    """The person an office is set beside ("South Africa's Minister of Science, Dr. A,")."""
    return next((t for t in apposed_to(token) if token.doc._.people.at(t.i)), None)


def speaker_of(verb: Token) -> Token | None:
    """The subject of a speech verb, or of the verb it hangs from ('…, calling it X')."""
    node = verb
    people = verb.doc._.people
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ == "nsubj" and c.lower_ not in _NOT_SPEAKERS]
        if subjects:
            named = next((c for c in subjects if people.at(c.i)), None)
            # "South Africa's Minister of Science, Dr. A, praised …": the office's apposed holder
            apposed = (g for g in map(apposed_person, subjects) if g is not None)
            return named or next(apposed, subjects[0])
        if node.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in node.children):
            # 'Ana Ruiz, Director General, who stressed that …': the one the clause is about
            return person_above(node.head)
        if node.dep_ in ("advcl", "xcomp", "conj", "acl") and node.head != node:
            node = node.head
            continue
        set_off = verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ","
        if set_off and node.pos_ in ("NOUN", "PROPN") and node.dep_ in ("dobj", "pobj") and node.head != node:
            # 'A emphasized the significance of the partnership, stating, "…"': the parser hangs
            # the participle on the object; the one who goes on speaking is the verb's subject
            node = node.head.head if node.dep_ == "pobj" else node.head
            continue
        break
    return None


def speech_content(verb: Token, lexicon: dict, fronted: bool = True) -> Span | None:
    """What a speech verb reports: its clause (after it, or before it when `fronted`), infinitive,
    object or predicate."""
    doc = verb.doc
    lemma = verb.lemma_.lower()
    if verb.dep_ == "parataxis" and verb.head.i > verb.i:
        sent = verb.sent
        left = doc[sent.start : verb.left_edge.i]
        right = doc[verb.right_edge.i + 1 : sent.end]
        opening = doc[verb.i + 2] if verb.i + 2 < sent.end and doc[verb.i + 1].text == "," else None
        if opening is not None and opening.is_title and opening.pos_ in ("DET", "PRON"):
            return doc[opening.i : sent.end]  # '…, Ruiz said, The era calls for trust.' lost its marks
        if len(left) and len(right):
            return doc[sent.start : sent.end]
    for child in verb.children:
        if child.dep_ == "ccomp" and child.i > verb.i:
            opening = child.left_edge
            telling_how = opening.lower_ == "how" and lemma in _OBJECT_CONTENT  # 'highlighted how X could …'
            if lemma == "ask" or (
                opening.lower_ in ("whether", "if", "what", "who", "how", "why") and not telling_how
            ):
                return None
            content = before_other_speaker(doc[opening.i + telling_how : child.right_edge.i + 1])
            return with_speaking_participle(
                cut_participles(extend_reason(with_correlative(content, verb), verb)), verb
            )
    in_message = content_of_message(verb)
    if in_message is not None:
        return with_speaking_participle(cut_participles(in_message), verb)
    before = fronted_content(verb) if fronted else None
    if before is not None:
        return before
    if lemma in lexicon["content_as_infinitive"]:
        for child in verb.children:
            if child.dep_ == "xcomp" and child.i > verb.i:
                start = child.left_edge.i
                on = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" and c.i < child.i]
                if lemma == "call" and on:
                    start = on[0].i + 1
                span = with_continuations(doc[start : child.right_edge.i + 1], verb)
                return with_verb(without_trailing_relative(span), verb)
    prepositions = lexicon["content_after_preposition"].get(lemma, [])
    for child in verb.children:
        # 'called for governments to ban X': the parser made 'for' the mark of a clause
        opening = child.left_edge
        if (
            child.dep_ == "advcl"
            and child.i > verb.i
            and opening.lower_ in prepositions
            and opening.dep_ == "mark"
            and any(c.dep_ == "nsubj" for c in child.children)
        ):
            return with_verb(extend_reason(doc[opening.i + 1 : child.right_edge.i + 1], verb), verb)
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in prepositions and child.i > verb.i:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                span = with_continuations(doc[objects[0].left_edge.i : child.right_edge.i + 1], verb)
                return with_verb(extend_reason(span, verb), verb) if len(span) >= 3 else None
    if lemma in lexicon["content_as_predicate"]:
        for child in verb.children:
            if child.dep_ in ("oprd", "xcomp") and child.i > verb.i:
                return doc[child.left_edge.i : child.right_edge.i + 1]
            if child.dep_ == "prep" and child.lower_ == "as":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return doc[objs[0].left_edge.i : objs[0].right_edge.i + 1]
    if lemma in lexicon["content_as_object"]:
        for child in verb.children:
            if child.dep_ == "dobj" and child.i > verb.i:
                if child.lemma_.lower() in _GREETED or child.ent_type_ == "PERSON":
                    return None  # 'welcomed the dignitaries and delegates': a greeting, not words
                # 'praised the convention as a robust document': what it was called goes with it
                called = called_as(verb, child.right_edge.i + 1)
                span = with_continuations(doc[child.left_edge.i : called], verb)
                # 'stressed the need for …' and 'stressed openness, safety and trust' say something;
                # 'underscored the nature of AI' names a topic
                listed = sum(t.dep_ == "conj" for t in span) >= 2
                said = with_verb(span, verb)
                full = with_speaking_participle(said, verb)
                if len(span.text.split()) < 6 and not listed and full.end == said.end:
                    # 'stressed the importance of data governance, striking a balance …': the
                    # participle says what the importance is; '…, heralding it as a beacon' says
                    # something of its own
                    return elaborating_participle(said, verb)
                if before_quoting_participle(span) is not span:
                    return None  # 'emphasised the importance of X, stating, "…"': the quotation says it
                return full
    return None


_MESSAGES = lexicon.words("speech.json", "message_nouns")


def content_of_message(verb: Token) -> Span | None:
    """'X stressed in a message delivered to the conference that …': the parser hangs the clause
    on the message, whose content it is (a 'that' marking a clause, not a relative pronoun)."""
    doc = verb.doc
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "through", "via") or prep.i < verb.i:
            continue
        for message in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in _MESSAGES):
            for clause in (
                c for c in message.subtree if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX")
            ):
                mark = clause.left_edge
                subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                # 'a message that his deputy read': the pronoun fills a gap of the relative clause
                relative = mark.dep_ in ("nsubj", "nsubjpass") or (
                    mark.dep_ == "dobj" and clause.pos_ == "VERB"
                )
                if mark.lower_ == "that" and not relative and subject is not None:
                    return doc[mark.i + 1 : clause.right_edge.i + 1]
    return None


def called_as(verb: Token, end: int) -> int:
    """Where an object ends with the 'as …' that says what the speaker called it, right after it."""
    as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i == end), None)
    return as_.right_edge.i + 1 if as_ is not None else end


_FIRST_PERSON = lexicon.words("speech.json", "first_person")
_GREETED = lexicon.words("speech.json", "greeted_nouns")
_OBJECT_CONTENT = lexicon.words("speech.json", "content_as_object")
_MODALS = lexicon.words("stances.json", "modal_words")


def without_trailing_relative(content: Span) -> Span:
    """'called on states to adopt the charter, which was endorsed last month …': a clause that
    closes the content after a comma tells of the charter in the writer's words, not the speaker's."""
    doc = content.doc
    for token in content:
        if token.text != "," or token.i + 1 >= content.end:
            continue
        pronoun = doc[token.i + 1]
        clause = pronoun.head
        if (
            pronoun.lower_ in ("which", "who")
            and clause.dep_ == "relcl"
            and clause.right_edge.i + 1 >= content.end
        ):
            return doc[content.start : token.i]
    return content


def with_verb(content: Span, verb: Token) -> Span:
    """'called for a ban on …', 'urged states to …', 'stressed the need for …': the verb says
    what kind of words they were, so the reported speech keeps it (the gold of real news does)."""
    if verb.i >= content.start or content.start - verb.i > 8:
        return content
    return verb.doc[verb.i : content.end]


def unquoted_lead_in(doc: Doc, content: Span, verb: Token, lexicon: dict) -> Span | None:
    """'These are shared values between us. The forum reminds us how much we could do. 2027 is
    the year of the sea, he said.': agency copy that lost its quotation marks. The sentences
    before the attributed one, in the same paragraph, that speak in the first person and have no
    speech verb of their own are the speaker's words too; the content then starts with them."""
    if verb.i < content.end or content.start != content.sent.start:
        return None  # only content that opens its sentence and comes before '…, he said'
    text = doc_text(doc)
    paragraph_start = text.rfind("\n", 0, content.start_char) + 1
    if _QUOTE_CHARS.search(text, paragraph_start, content.start_char):
        return None  # a paragraph with its marks says itself what is quoted
    speech_verbs = lexicon["speech_verbs"]
    start = None
    k = content.sent.start  # walk back sentence by sentence, within the paragraph only
    while k > 0 and doc[k - 1].sent.start_char >= paragraph_start:
        sent = doc[k - 1].sent
        first_person = any(t.lower_ in _FIRST_PERSON for t in sent)
        speaks = any(t.lemma_.lower() in speech_verbs and t.pos_ == "VERB" for t in sent)
        if not first_person or speaks:
            break
        start = k = sent.start
    return doc[start : content.end] if start is not None else None


def before_other_speaker(content: Span) -> Span:
    """End content where another named speaker's clause begins ('…, while Ana Ruiz argued …')."""
    doc = content.doc
    speech = _SPEECH_VERBS
    for token in content[1:]:
        if token.pos_ != "VERB" or token.lemma_.lower() not in speech:
            continue
        subjects = [
            c for c in token.children if c.dep_ == "nsubj" and (c.pos_ == "PROPN" or doc._.people.at(c.i))
        ]
        if subjects:
            comma = next(
                (t.i for t in reversed(doc[content.start : subjects[0].left_edge.i]) if t.text == ","), None
            )
            if comma is not None and comma > content.start:
                return doc[content.start : comma]
    return content


def with_correlative(content: Span, verb: Token) -> Span:
    """Keep the second half of 'not only A, but (also) B' that the parser hung on the speech verb."""
    if not any(t.lower_ == "only" and t.i > 0 and t.doc[t.i - 1].lower_ == "not" for t in content):
        return content
    for child in verb.children:
        if (
            child.dep_ == "conj"
            and child.i > content.end
            and any(c.lower_ == "but" for c in verb.children if content.end <= c.i < child.i)
        ):
            return content.doc[content.start : child.right_edge.i + 1]
    return content


def fronted_content(verb: Token) -> Span | None:
    """Read reported speech that comes before its verb: '<clause>, X said' / '<clause>, said X'.

    The clause is the verb's complement standing before it and closed by a comma or a dash;
    a dateline before a double dash ('PARIS, Feb. 11 (Xinhua) -- …') is not part of it.
    """
    doc = verb.doc
    office = clause_before_office(verb)
    if office is not None:
        return office
    for child in verb.children:
        if child.dep_ != "ccomp" or child.i > verb.i:
            continue
        end = child.right_edge.i + 1
        if end == verb.i and doc._.people.at(verb.i - 1):
            # The parser took the speaker into the clause ('…, Minister Ana Ruiz said').
            end = speaker_phrase_start(doc, verb.i - 1, child.left_edge.i) - 1
        if end >= verb.i or doc[end].text not in (",", "—", "–", "--", "-"):
            return None
        start = child.left_edge.i
        if child.left_edge.lower_ in ("whether", "if", "what", "who", "how", "why"):
            return None
        dash = next((t.i for t in doc[start:end] if t.text in ("--", "—") and t.i - start < 15), None)
        if dash is not None:
            start = dash + 1
        return doc[start:end] if end - start >= 3 else None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    misread = gerund_subject_clause(verb, subject)
    if misread is not None:
        return misread
    if verb.dep_ == "conj" and verb.head.i < verb.i and subject is not None and subject.i < verb.i:
        # '<clause>, Minister Ana Ruiz said at a briefing', parsed as two conjoined clauses.
        start = speaker_phrase_start(doc, subject.i, verb.head.left_edge.i)
        if start - 1 > verb.sent.start and doc[start - 1].text == ",":
            return doc[verb.sent.start : start - 1]
    return None


def gerund_subject_clause(verb: Token, subject: Token | None) -> Span | None:
    """Read 'Building that network will require private capital, she said': a clause whose subject
    is a gerund, which the parser hangs on the speech verb as an adverbial ('Building …') with the
    rest as its complement. The words are the speaker's when that adverbial opens the sentence, runs
    to the comma before the speaker, holds a finite verb and has no conjunction of its own ('When
    the talks opened, she said …' is when, not what)."""
    if subject is None or subject.i < 2 or verb.doc[subject.left_edge.i - 1].text != ",":
        return None
    doc, comma = verb.doc, subject.left_edge.i - 1
    for child in verb.children:
        if child.dep_ != "advcl" or child.tag_ != "VBG" or child.i > comma:
            continue
        if child.left_edge.i != verb.sent.start or child.right_edge.i + 1 != comma:
            continue
        if any(c.dep_ in ("mark", "dobj") for c in child.children):
            return None  # 'Urging the council to act, he called for …' is how, not what
        finite = any(c.dep_ == "ccomp" and c.tag_ in _FINITE | {"VB"} for c in child.children)
        if finite and not _says_after(verb) and comma - child.left_edge.i >= 4:
            return doc[child.left_edge.i : comma]
    return None


def _says_after(verb: Token) -> bool:
    """Tell whether a speech verb's words follow it ('called for a ban', 'said that …')."""
    prepositions = data("speech.json")["content_after_preposition"].get(verb.lemma_.lower(), [])
    return any(
        c.i > verb.i
        and (c.dep_ in ("dobj", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in prepositions))
        for c in verb.children
    )


def clause_before_office(verb: Token) -> Span | None:
    """Read '<clause>, <office>, <Name>, said …' along the text: the parser often makes the office
    the clause's subject ('…, Minister of State for Electronics, Ana Ruiz, said on Monday'), so the
    clause is whatever stands before the comma that opens the office."""
    doc, sent = verb.doc, verb.sent
    people = doc._.people
    name_end = verb.i - 1 if doc[verb.i - 1].text == "," else verb.i
    if name_end - 1 < sent.start or not people.at(name_end - 1):
        return None
    name_start = name_end - 1
    while name_start - 1 > sent.start and people.at(name_start - 1) == people.at(name_end - 1):
        name_start -= 1
    if doc[name_start - 1].text != ",":
        return None
    start = name_start - 1
    while start - 1 > sent.start and name_start - start < 14 and _in_office(doc[start - 1]):
        start -= 1
    if (
        start == name_start - 1
        or doc[start - 1].text != ","
        or doc[name_start - 2].pos_ not in ("NOUN", "PROPN", "PUNCT")
    ):
        return None
    clause = doc[sent.start : start - 1]
    if len(clause) < 4 or not any(t.tag_ in _FINITE for t in clause) or clause[0].pos_ == "ADP":
        return None  # 'In a statement shared on X, formerly Twitter, A said': a phrase, not what was said
    dash = next((t.i for t in clause if t.text in ("--", "—") and t.i - clause.start < 15), None)
    return doc[dash + 1 : clause.end] if dash is not None else clause


_FINITE = frozenset(("VBD", "VBZ", "VBP", "MD"))


def _in_office(token: Token) -> bool:
    """A word of an office written out before a name ('Secretary of the Ministry of Electronics
    and Information Technology (MeitY)', 'the head of the Council of Europe'): no clause."""
    return token.text not in (",", ";", ":", "--", "—") and token.pos_ not in ("VERB", "AUX", "PRON")


def speaker_phrase_start(doc: Doc, name: int, low: int) -> int:
    """Where a speaker's name with the office before it begins ('Minister of State for IT Ana Ruiz')."""
    people = doc._.people
    i = name
    while i - 1 > low and (
        people.at(i - 1) or doc[i - 1].is_title or doc[i - 1].lower_ in ("of", "for", "and", "&")
    ):
        i -= 1
    while i < name and not doc[i].is_title:
        i += 1
    return i


def with_continuations(content: Span, verb: Token) -> Span:
    """Extend content over what the parser hung on the verb after it: the rest of a list of objects
    ('welcomed A, B, and C') or of infinitives ('called on X to A, to B and C').

    The content stops before a new clause: a conjoined verb with its own subject ('…, and he
    called for …'), a participle clause, or a place or time of the speaking ('… in Paris').
    """
    doc = content.doc
    end = content.end
    siblings = sorted((c for c in verb.children if c.i >= end), key=lambda c: c.i)
    for child in siblings:
        gap = doc[end : child.left_edge.i]
        if not all(t.is_punct or t.dep_ == "cc" for t in gap):
            break
        if child.is_punct or child.dep_ == "cc":
            continue
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        listed = child.dep_ in ("conj", "advmod") and child.pos_ in ("NOUN", "PROPN", "ADJ")
        # 'urged X to deepen A and step up B': a bare infinitive after 'and' goes on with the 'to'
        infinitive = child.dep_ == "conj" and child.tag_ == "VB" and content[0].lower_ == "to"
        # 'praised A for B', 'expressed his gratitude to A for signing …': what the feeling is for
        reason = (
            child.dep_ == "prep"
            and child.lower_ in ("for", "over", "about")
            and verb.lemma_.lower() in _OBJECT_CONTENT
        )
        # 'stressed A, B, strengthening C, and ensuring D': gerunds that go on the list
        gerund = child.dep_ == "advcl" and child.tag_ == "VBG" and listed_gerund(child)
        # 'highlighted the need for collaboration to ensure that …': the parser hangs the
        # infinitive that goes on the object's noun on the verb
        purpose = (
            child.dep_ == "advcl"
            and verb.lemma_.lower() in _OBJECT_CONTENT
            and not gap
            and child.left_edge.lower_ == "to"
            and content[-1].pos_ in ("NOUN", "PROPN")
        )
        if (
            child.dep_ in ("npadvmod", "dobj", "appos", "xcomp")
            or reason
            or ((listed or infinitive or gerund or purpose) and not own_subject)
        ):
            end = child.right_edge.i + 1
            continue
        break
    return doc[content.start : end]


def inside_relative(verb: Token, content: Span) -> bool:
    """Tell whether content opens with a relative pronoun around its verb ('the advances in AI,
    which he said are outpacing our rules') or hangs in a relative clause opened by 'where' or
    'when': the words are not what was said, and the clause is part of a larger one that is."""
    in_relative = verb.dep_ == "relcl" or any(a.dep_ == "relcl" for a in verb.ancestors)
    first = content[0]
    if in_relative and first.tag_ in ("WDT", "WP") and first.i < verb.i < content.end:
        return True
    # 'four areas where he said the U.S. will focus': what was said needs the areas it is about
    opener = verb.left_edge
    return verb.dep_ == "relcl" and opener.tag_ == "WRB" and opener.i < verb.i < content.start


def went_on(verb: Token, lexicon: dict) -> bool:
    """Tell a participle that goes on from a speech verb's reported clause ('highlighted the impact
    of AI, noting that …'): its words are part of what that verb reports."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or not speaking_on(verb):
        return False
    head = verb.head
    if head.lemma_.lower() not in _SPEECH_VERBS:
        return False
    content = speech_content(head, lexicon)
    return content is not None and content.start <= verb.i < content.end


def cut_participles(content: Span) -> Span:
    """End reported content before a trailing participle clause (', noting that …') or before the
    reporter's 'as he addressed the forum', which says when the speaker spoke, not what."""
    for token in content[1:]:
        if token.lower_ == "as" and token.dep_ == "mark" and token.i + 1 < content.end:
            subject = content.doc[token.i + 1]
            if subject.lower_ in ("he", "she") and subject.dep_ == "nsubj":
                return content.doc[content.start : token.i]
        following = content.doc[token.i + 1] if token.i + 1 < content.end else None
        if (
            token.text == ","
            and following is not None
            and following.tag_ == "VBG"
            and following.dep_ == "advcl"
            and not owned_participle(following, content)
            and not listed_gerund(following)
        ):
            if speaking_on(following):
                # '…, noting that many countries have yet to benefit': the speaker goes on; what
                # is said runs to the end of the participle's clause
                return content.doc[content.start : max(content.end, following.right_edge.i + 1)]
            return content.doc[content.start : token.i]
    return content


def listed_gerund(participle: Token) -> bool:
    """Tell whether a participle after a comma is an item of a list going on ('greater investments,
    strengthening digital talent, and ensuring …'): a list's item, not a clause of the reporter's."""
    doc = participle.doc
    after = doc[participle.right_edge.i + 1 : participle.right_edge.i + 3]
    return any(t.lower_ == "and" for t in after) or any(
        c.dep_ == "conj" and c.tag_ == "VBG" for c in participle.children
    )


def before_quoting_participle(content: Span) -> Span:
    """End content before '…, stating, "…"': the participle introduces a quotation of its own."""
    doc = content.doc
    for token in content[1:]:
        if token.tag_ != "VBG" or token.lemma_.lower() not in _SPEECH_VERBS or doc[token.i - 1].text != ",":
            continue
        if any(t.is_quote for t in doc[token.i + 1 : min(len(doc), token.i + 4)]):
            return doc[content.start : token.i - 1]
    return content  # the same object when nothing is cut


def with_speaking_participle(content: Span, verb: Token) -> Span:
    """'highlighted the impact of AI, noting that many countries …': the verb's participle that goes
    on saying something runs the content on to its clause's end."""
    doc = content.doc
    k = content.end
    if k + 1 < len(doc) and doc[k].text == ",":
        following = doc[k + 1]
        if following.tag_ == "VBG" and following.head.i == verb.i and speaking_on(following):
            return doc[content.start : following.right_edge.i + 1]
    return content


def elaborating_participle(content: Span, verb: Token) -> Span | None:
    """'the importance of X, striking a balance between A and B': after an object that names what
    matters (importance, need, role), a participle clause set off by a comma says what it is."""
    doc = content.doc
    k = content.end
    noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if noun is None or noun.lemma_.lower() not in _WEIGHED or k + 1 >= len(doc) or doc[k].text != ",":
        return None
    following = doc[k + 1]
    if following.tag_ != "VBG" or following.head.i != verb.i or following.dep_ != "advcl":
        return None
    return doc[content.start : following.right_edge.i + 1]


_WEIGHED = lexicon.words("speech.json", "weighed_nouns")


def speaking_on(participle: Token) -> bool:
    """Tell a participle by which the speaker goes on saying something ('…, noting that …',
    '…, saying that …', '…, emphasizing the need …') from one that tells what else was done."""
    lemma = participle.lemma_.lower()
    # '…, adding that …' makes a statement of its own; so does '…, stating, "…"', a quotation
    quoting = any(t.is_quote for t in participle.subtree)
    return (
        lemma in _SPEECH_VERBS
        and lemma != "add"
        and not quoting
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in participle.children)
    )


def owned_participle(participle: Token, content: Span) -> bool:
    """Tell whether a participle after a comma belongs to what is said ('AI must serve humanity,
    strengthening cultural values'): it hangs on a verb of the content and is no speech verb of
    the reporter's ('…, noting that …', '…, adding …')."""
    inside = content.start <= participle.head.i < content.end and participle.head.i != participle.i
    return inside and participle.lemma_.lower() not in _SPEECH_VERBS


def extend_reason(content: Span, verb: Token) -> Span:
    """Keep a reason or contrast clause that follows the reported clause ('…, because AI will help
    …'; '…, while smaller firms will get longer'), unless someone else speaks in it."""
    doc = content.doc
    end = content.end
    sent_end = verb.sent.end
    j = end
    if j < sent_end and doc[j].text == ",":
        j += 1
    if j < sent_end and doc[j].lower_ in ("because", "since", "as", "so", "while", "whereas"):
        clause = doc[j]
        while clause.head != clause and clause.dep_ not in ("advcl",):
            clause = clause.head
        stop = max(end, clause.right_edge.i + 1, j + 1)
        while stop < sent_end and not doc[stop].is_punct:
            stop += 1
        speech = _SPEECH_VERBS
        if not any(t.lemma_.lower() in speech and t.pos_ == "VERB" for t in doc[j:stop]):
            end = stop
    return doc[content.start : end]


def clean_content(span: Span) -> str:
    """Drop the complementiser, a parenthetical attribution and trailing attributions from content."""
    text = span.text
    for token in span:
        if token.dep_ == "parataxis" and token.lemma_.lower() in _SPEECH_VERBS:
            inner = span.doc[token.left_edge.i : token.right_edge.i + 1]
            text = (
                doc_text(span.doc)[span.start_char : inner.start_char].rstrip(" ,")
                + " "
                + doc_text(span.doc)[inner.end_char : span.end_char].lstrip(" ,")
            )
            break
    text = re.sub(r"^(?:that|whether)\s+", "", text)
    for cut in data("speech.json")["clause_cuts"]:
        at = text.find(cut)
        if at > 0 and not (cut == ", but " and "not only" in text[:at]):  # 'not only A, but B'
            text = text[:at]
    return text


def attribute(doc: Doc, segment: Segment, lexicon: dict) -> str | None:
    """Find who says a quote from the speech verb around it, or a colon frame before it."""
    quote = doc.char_span(segment.start, segment.end, alignment_mode="expand")
    if quote is None:
        return None
    first, last = quote[0].sent, quote[-1].sent
    tail_end = last.end
    if last.end - quote.end <= 2 and last.end < len(doc) and doc[last.end].is_lower:
        tail_end = doc[last.end].sent.end
    ends_sentence = doc_text(doc)[segment.start : segment.end].rstrip()[-1:] in (".", "?", "!")
    after = [t for t in doc[quote.end : tail_end] if _speech(t, lexicon)]
    for verb in after[:1]:
        if introduces_next(verb) or (
            ends_sentence and speech_content(verb, lexicon, fronted=False) is not None
        ):
            break
        subject = speaker_of(verb) or named_beside(verb, quote)
        if subject is None:
            break
        if verb.i - quote.end > 12 and subject.left_edge.i - quote.end > 3:
            break
        return resolve(subject) or inverted_speaker(verb)
    if not after:
        asks_or_exclaims = doc_text(doc)[segment.start : segment.end].rstrip()[-1:] in ("?", "!")
        speaker = attribution_after(doc, quote, lexicon, bare=not asks_or_exclaims)
        if speaker is not None:
            return speaker
    before = [t for t in doc[first.start : quote.start] if _speech(t, lexicon)]
    if not before and first.start > 0 and quote.start - first.start <= 1:
        lead = doc[first.start - 1].sent  # 'Minister X said:' closing the paragraph before
        if lead.text.rstrip().endswith(":"):
            before = [t for t in lead if _speech(t, lexicon)]
    if before:
        own = clause_speaker(quote, before[-1])
        if own is not None:
            return own
        subject = speaker_of(before[-1])
        if subject is not None:
            return resolve(subject)
    frame = doc[first.start : quote.start]
    if (
        len(frame) > 1
        and frame[-1].text in ("“", '"')
        and frame[-2].text == ":"
        and first.start < quote.start
    ):
        subjects = [t for t in frame if t.dep_ == "nsubj"]
        if subjects:
            return resolve(subjects[0])
    return None


def clause_speaker(quote: Span, speech: Token) -> str | None:
    """The person who opens a clause of their own between a speech verb and a quotation: 'Truss
    urged Sunak to "reconsider" while Duncan Smith compared the move to "letting the cat in with
    canaries"' (Duncan Smith's words, not Truss's). Read along the words, for the parser often
    makes no clause of such a sentence."""
    doc = quote.doc
    people = doc._.people
    for k in range(quote.start - 1, speech.i, -1):
        if doc[k].lower_ in ("while", "whereas", "but", ";"):
            for t in doc[k + 1 : min(k + 7, quote.start)]:
                if people.at(t.i):
                    return people.at(t.i)
            return None
    return None


def inverted_speaker(verb: Token) -> str | None:
    """The person a speech verb names after itself when its subject is none ('…, asserted
    Colombia's Minister of Information Technologies, Mauricio Lizcano, on Thursday')."""
    people = verb.doc._.people
    if verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    for child in (c for c in verb.children if c.dep_ in ("dobj", "attr", "nsubj")):
        for t in child.subtree:
            if people.at(t.i):
                return people.at(t.i)
    return None


def named_beside(verb: Token, quote: Span) -> Token | None:
    """The person named right beside a speech verb after a quote, when the parser gave the verb no
    subject: '"…," added Ian Hogarth' (read as an object), '"…," Cleverly asserted' (an adverb)."""
    doc = verb.doc
    people = doc._.people
    for token in [*doc[quote.end : verb.i], *doc[verb.i + 1 : min(verb.i + 4, verb.sent.end)]]:
        if people.at(token.i):
            return token
    return None


def attribution_after(doc: Doc, quote: Span, lexicon: dict, bare: bool = False) -> str | None:
    """Find the speaker in a short sentence right after a quote that ends in '?' or '!'.

    '"…for a nurse in Kerala?" Ana Ruiz, the minister, told reporters.' The parser ends the
    sentence at the question mark, so the attribution stands alone: a speech verb with no clause
    of its own to report, whose subject opens that sentence. After a full stop (`bare`), only a
    sentence that is nothing but the attribution ('"…." Director Kratsios said.'): 'Wu spoke at
    the opening, calling for …' after a quotation is a sentence of its own, not its speaker.
    """
    start = quote.end
    while start < len(doc) and doc[start].is_punct and not doc[start].is_sent_start:
        start += 1
    if start >= len(doc) or not doc[start].is_sent_start:
        return None
    sent = doc[start].sent
    for verb in sent:
        if not _speech(verb, lexicon):
            continue
        subject = speaker_of(verb)
        if subject is None or speech_content(verb, lexicon, fronted=False) is not None:
            return None
        if subject.left_edge.i != sent.start or verb.i - sent.start > 20:
            return None
        if bare and sum(1 for t in doc[verb.i + 1 : sent.end] if not t.is_punct) > 2:
            return None
        return resolve(subject)
    return None


def introduces_next(verb: Token) -> bool:
    """Tell whether a speech verb opens the quotation that follows it ('said: "…"')."""
    doc = verb.doc
    nxt = doc[verb.i + 1 : verb.i + 3]
    return bool(nxt) and (
        nxt[0].text == ":" or (nxt[0].text == "," and len(nxt) > 1 and nxt[1].text in ("“", '"'))
    )


def _speech(token: Token, lexicon: dict) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in lexicon["speech_verbs"]


def continues(doc: Doc, previous: Segment, segment: Segment) -> bool:
    """Tell whether a bare quote goes on from the one before ('…," he told Reuters. "…')."""
    quote = doc.char_span(segment.start, segment.end, alignment_mode="expand")
    before = doc.char_span(previous.start, previous.end, alignment_mode="expand")
    if quote is None or before is None:
        return False
    opens = doc_text(doc)[: segment.start - 1].rstrip()[-1:] in ("", ".", "?", "!", "\n")
    return opens and quote[0].sent.start == before[-1].sent.end
