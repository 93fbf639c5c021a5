"""Judge whether an article concerns AI governance from its tokens alone (no tagger, parser or NER).

An analyst skimming a wire reads an article as one about AI governance when it joins the two
subjects, AI and its governance, in its sentences, and does so more than in passing. The gate
reads it the same way, on a tokenizer-only Doc (`nlp.make_doc`) and two `PhraseMatcher`s (one
case-sensitive for acronyms and "Act", one case-blind), at about the tokenizer's own speed (and
a text that never names AI, most of a stream, is settled by one regular expression first):

1. it finds the terms of `data/vocabulary.json`: AI terms, governance terms, authorities,
   instruments and country names;
2. a **passage** is a sentence that holds an AI term and a governance term or an authority, or
   an instrument ("agreement", "standards") when a state or an authority is named in it too;
   it weighs 2 when AI and a governance term stand together ("AI Act", "AI chip export
   restrictions", "regulate AI": at most `compound_gap` tokens apart), else 1;
3. the article is in scope when its passages weigh at least `threshold` (2): one compound, or
   two sentences. A single sentence that brings AI and a regulator together in a business
   story ("features submitted to the regulator for approval") is not enough; in a text of one or
   two sentences (a brief, a news alert) it is, since it is then what the text is about. The
   sentences whose only governance word is "summit" weigh together as one: a business story that
   names an AI summit, and the summit again, is a summit story once, and its summit line is
   read as one named in passing.

"AI" inside a company's name ("ScanTech AI", "Tempus AI") is not the subject, and paragraphs of
legal boilerplate (safe-harbour notices, which name laws and regulators in every press release)
are not read. A paragraph is a line of the text; the paragraphs holding passages are the
article's in-scope paragraphs.

A **digest** (a wire's "Market Talk" roundup: a dozen independent items, each with its own time
stamp or credit line) is a bundle of articles, not one: each of its lines is judged on its own,
the digest is in scope when one of them is, and only the lines in scope are read further
(`Judgement.selected`), so the tariff and bond items around one AI-governance item give neither
cost nor facts.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
from spacy.attrs import IDX, IS_ALPHA, ORTH
from spacy.matcher import PhraseMatcher

from accord.relevance.data import lexicon
from accord.relevance.terms import compile_terms
from accord.relevance.vocabulary import FAMILIES, Vocabulary, load_vocabulary

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

Span = tuple[int, int]  # token indices, end exclusive

_NEWLINE = re.compile("\n")
_SENTENCE_ENDS = (".", "!", "?")
# A passage quoted in a reason is shown whole up to this many tokens, else as "AI … regulator".
_SNIPPET_TOKENS = 8
# A "paragraph" of more sentences than this is a whole story typed without line breaks.
_LONG_PARAGRAPH = 8
_REASON_EXAMPLES = 3
_SUMMITS = frozenset(lexicon.json("vocabulary.json")["summit_words"])


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence that joins AI and governance: the evidence of relevance, with character offsets."""

    start: int
    end: int
    text: str
    weight: int
    paragraph: tuple[int, int]
    named: bool = False  # AI inside a capitalised name: 'the AI Action Summit', 'AI Impact summit'
    # AI beside an instrument in a sentence naming a state or an authority: 'Britain and the United
    # States have agreed a technology pact to boost ties in AI'
    agreed: bool = False
    sentence: tuple[int, int] = (0, 0)  # the sentence that holds it
    # the sentence's only governance word is 'summit': an article that names a summit (or one
    # summit again and again) and AI elsewhere is a summit story only once
    summit_only: bool = False
    around: tuple[int, int] = (0, 0)  # that sentence with the one before and after, in its paragraph
    long_paragraph: bool = False  # a 'paragraph' of many sentences: a story typed as one line


@dataclass(frozen=True, slots=True)
class Judgement:
    """The gate's decision on one text, with what it rests on."""

    score: int  # a digest's is its best item's
    threshold: int
    ai_mentions: int
    passages: tuple[Passage, ...] = field(default=())
    items: int = 0  # a digest's items; 0 for an article
    sentences: int = 0

    @property
    def in_scope(self) -> bool:
        if self.score >= self.threshold:
            return True
        brief = not self.items and 0 < self.sentences <= 2 * len(self.passages)
        return brief

    @property
    def paragraphs(self) -> tuple[tuple[int, int], ...]:
        """The in-scope paragraphs (character spans, in order): those holding a passage."""
        return tuple(dict.fromkeys(p.paragraph for p in self.passages))

    @property
    def selected(self) -> tuple[tuple[int, int], ...] | None:
        """What the pipeline reads of an article in scope: None for all of it; a digest's items in scope."""
        if not self.items:
            return None
        return tuple(
            span for span, score in _paragraph_scores(self.passages).items() if score >= self.threshold
        )

    @property
    def named_in_passing(self) -> tuple[tuple[int, int], ...]:
        """What is read of an article out of scope: the paragraphs that name an AI-governance event
        or text ('…, Vance said at the AI Action Summit in Paris that …' in a stock story) or tell
        of states agreeing an instrument on AI ('Britain and the United States have agreed a
        technology pact to boost ties in AI' in a news digest). The article is not about AI
        governance, but that line's facts are facts all the same."""
        if self.in_scope:
            return ()
        return tuple(dict.fromkeys(p.paragraph for p in self.passages if p.named or p.agreed))

    @property
    def passing_reading(self) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
        """What is read of an article out of scope, and what of it counts: each paragraph that names
        an AI-governance event in passing; in a story typed as one line (a 'paragraph' of many
        sentences), the sentence naming it, read with its neighbours (for who 'it' and 'he' are)."""
        read: dict[tuple[int, int], None] = {}
        counted: dict[tuple[int, int], None] = {}
        for passage in self.passages:
            if not (passage.named or passage.agreed) or self.in_scope:
                continue
            long = passage.long_paragraph
            read[passage.around if long else passage.paragraph] = None
            counted[passage.sentence if long else passage.paragraph] = None
        return tuple(read), tuple(counted)

    @property
    def reason(self) -> str:
        """Why, in one line a user can read in a listing of skipped articles."""
        digest = f"digest of {self.items} items, " if self.items else ""
        if not self.ai_mentions:
            return f"{digest}no AI term"
        if not self.passages:
            times = "once" if self.ai_mentions == 1 else f"{self.ai_mentions} times"
            return f"{digest}AI named {times}, never in a sentence with a governance term"
        if self.items:
            chosen = self.selected or ()
            passages = [p for p in self.passages if not chosen or p.paragraph in chosen]
            digest += f"{len(chosen)} in scope, best " if chosen else "none in scope, best "
        else:
            passages = list(self.passages)
        examples = "; ".join(f"'{p.text}'" for p in _strongest(passages))
        named = len(self.named_in_passing)
        read = f"; {named} paragraph{'s' if named > 1 else ''} naming one read" if named else ""
        return f"{digest}score {self.score} ({self.threshold} needed): {examples}{read}"

    def as_record(self, *, forced: bool = False) -> dict[str, Any]:
        """The record's `relevance` object: status, score, reason and the passages it rests on."""
        status = "in_scope" if self.in_scope else "forced" if forced else "out_of_scope"
        return {
            "status": status,
            "score": self.score,
            "threshold": self.threshold,
            "reason": self.reason,
            "passages": [
                {"start": p.start, "end": p.end, "text": p.text, "weight": p.weight} for p in self.passages
            ],
            "paragraphs": [list(span) for span in self.paragraphs],
            "items": self.items,
            **({"read": [list(span) for span in self.passing_reading[1]]} if self.named_in_passing else {}),
        }


class RelevanceGate:
    """The vocabulary's terms as phrase matchers over one pipeline's tokenizer, and the decision rule."""

    def __init__(self, nlp: Language, vocabulary: Vocabulary | None = None) -> None:
        self.vocabulary = vocabulary or load_vocabulary()
        self.make_doc = nlp.make_doc
        strings = nlp.vocab.strings
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._any_case = PhraseMatcher(nlp.vocab, attr="LOWER")
        for name in FAMILIES:
            terms = self.vocabulary.family(name)
            self._add(self._exact, name, terms.exact)
            self._add(self._any_case, name, terms.any_case)
        countries, places = _places()
        self._add(self._exact, "countries", countries)
        # A state's own AI programme written as one word ('IndiaAI Mission', 'the Global IndiaAI
        # Summit') names AI as surely as 'AI' does; a company's ('OpenAI') names no state.
        self._add(self._exact, "ai", [f"{country}AI" for country in countries if country.isalpha()])
        self._label = {strings.add(name): name for name in (*FAMILIES, "countries")}
        self._modifiers = self.vocabulary.ai_modifiers | places
        self._texts_named_again = self.vocabulary.passing_texts | {"agreement", "deal", "statement"}
        # a body by its name ('EU', 'NATO'), not a word ('summit', 'officials')
        self._named_bodies = frozenset(self.vocabulary.authorities.exact)
        self._ends = np.array([strings.add(mark) for mark in _SENTENCE_ENDS], dtype=np.uint64)
        self._mentions_ai = compile_terms(self.vocabulary.ai)
        patterns = self.vocabulary.digest_patterns
        self._digest_item = re.compile("|".join(f"(?:{p})" for p in patterns), re.M) if patterns else None

    def _add(self, matcher: PhraseMatcher, label: str, terms: Iterable[str]) -> None:
        patterns = [self.make_doc(term) for term in terms if term.strip()]
        if patterns:
            matcher.add(label, patterns)

    def judge(self, text: str) -> Judgement:
        """Decide on a text (tokenized here, unless no AI term appears in it at all).

        Most of a stream never names AI: one regular expression over the raw text (the AI terms,
        as whole words) settles those without the tokenizer.
        """
        if not self._mentions_ai.search(text):
            return Judgement(0, self.vocabulary.threshold, 0)
        return self.judge_doc(self.make_doc(text), text)

    def judge_doc(self, doc: Doc, text: str | None = None) -> Judgement:
        """Decide on a Doc that needs no more than the tokenizer (`text`: its text, if at hand).

        `Doc.text` is rebuilt from every token at each access, so the text is passed when known.
        """
        if not len(doc):
            return Judgement(0, self.vocabulary.threshold, 0)
        text = doc.text if text is None else text
        layout = _Layout.of(doc, text, self._ends)
        found = self._find(doc)
        skipped = {layout.paragraph[start] for start, _ in found["boilerplate"]}
        governed = {start for name in ("governance", "authorities") for start, _ in found[name]}
        ai = [
            span
            for span in found["ai"]
            if layout.paragraph[span[0]] not in skipped
            and (span[1] in governed or not self._in_name(doc, span, layout))
        ]
        passages = self._passages(doc, text, layout, ai, found)
        items = self._digest_items(text, layout)
        # AI named again and again in a story whose headline or lede is a meeting or a text of
        # states ('EU and Canada launch digital partnership', '… skip Paris meeting') is what that
        # meeting or text is about, though no sentence joins AI to a governance word
        repeated = not passages and len(ai) >= _REPEATED_AI
        framed = bool(passages) or repeated
        headline = self._headline_passage(doc, text, layout, found) if framed and not items else None
        if headline is not None and not any(p.paragraph == headline.paragraph for p in passages):
            passages.append(replace(headline, weight=2) if repeated else headline)
        lede = (
            self._lede_passage(doc, text, layout, found)
            if framed and not items and headline is None
            else None
        )
        if lede is not None and not any(p.paragraph == lede.paragraph for p in passages):
            passages.append(replace(lede, weight=2) if repeated else lede)
        if items:
            score = max(_paragraph_scores(passages).values(), default=0)
        else:
            summits = [p.weight for p in passages if p.summit_only]
            score = sum(p.weight for p in passages if not p.summit_only) + max(summits, default=0)
        return Judgement(
            score=score,
            threshold=self.vocabulary.threshold,
            ai_mentions=len(ai),
            passages=tuple(passages),
            items=items,
            sentences=layout.sentences,
        )

    def _digest_items(self, text: str, layout: _Layout) -> int:
        """How many lines are items of a digest; 0 unless there are enough to make one."""
        if self._digest_item is None:
            return 0
        starts = [m.start() for m in self._digest_item.finditer(text)]
        lines = len(set(np.searchsorted(layout.lines, starts, side="right").tolist()))
        return lines if lines >= self.vocabulary.digest_min_items else 0

    def _find(self, doc: Doc) -> dict[str, list[Span]]:
        """Every match of both matchers, by family, in token order."""
        found: dict[str, set[Span]] = defaultdict(set)
        for matcher in (self._exact, self._any_case):
            for match_id, start, end in matcher(doc):
                found[self._label[match_id]].add((start, end))
        return defaultdict(list, {name: sorted(spans) for name, spans in found.items()})

    def _in_name(self, doc: Doc, span: Span, layout: _Layout) -> bool:
        """Whether an acronym is the tail of a company's name ("ScanTech AI"), not the subject.

        It is when the word before it is capitalised, is not the first of its sentence, and is
        neither a modifier ("Generative AI", "The AI") nor a country, demonym or city. (An acronym
        right before a governance term or an authority, as in "Nordic AI Governance Summit", is
        the subject whatever stands before it: the caller checks that first.)
        """
        start, end = span
        if end - start != 1 or start == 0 or layout.starts[start] or not doc[start].is_upper:
            return False
        before = doc[start - 1]
        return before.text[:1].isupper() and not before.is_upper and before.lower_ not in self._modifiers

    def _passages(
        self, doc: Doc, text: str, layout: _Layout, ai: list[Span], found: dict[str, list[Span]]
    ) -> list[Passage]:
        sentence = layout.sentence
        with_authority = {sentence[s] for s, _ in found["authorities"]} | {
            sentence[s] for s, _ in found["countries"]
        }
        # Each governance term with whether it may make a compound with AI: rule-making terms do
        # ("AI Act", "regulate AI"); an authority or an instrument beside AI ("officials said AI",
        # "an AI agreement") counts as a sentence, not as a compound.
        governance: dict[int, list[tuple[Span, bool]]] = defaultdict(list)
        for span in found["governance"]:
            governance[sentence[span[0]]].append((span, True))
        for span in found["authorities"]:
            governance[sentence[span[0]]].append((span, False))
        for span in found["instruments"]:
            if sentence[span[0]] in with_authority:
                governance[sentence[span[0]]].append((span, False))
        parties = Counter(sentence[s] for name in ("authorities", "countries") for s, _ in found[name])
        subjects: dict[int, list[Span]] = defaultdict(list)
        for span in ai:
            subjects[sentence[span[0]]].append(span)
        passages = []
        for key in sorted(subjects.keys() & governance.keys()):
            rank, _nearest, pair = min(
                (0 if compounds and _gap(a, g) <= self.vocabulary.compound_gap else 1, _gap(a, g), (a, g))
                for a in subjects[key]
                for g, compounds in governance[key]
            )
            passage = _passage(doc, text, layout, pair, 2 if rank == 0 else 1)
            texts = self.vocabulary.passing_texts
            named_text = any(doc[t].lower_ in texts for g, _ in governance[key] for t in range(*g))
            if parties[key] >= 2 and named_text:
                passage = replace(passage, agreed=True)  # 'Britain and the US agreed a pact … in AI'
            if all(doc[g[0]].lower_ in _SUMMITS and g[1] - g[0] == 1 for g, _ in governance[key]):
                passage = replace(passage, summit_only=True)
            passages.append(passage)
        countries = defaultdict(list)
        for span in found["countries"]:
            countries[sentence[span[0]]].append(span)
        cues = self.vocabulary.cooperation_cues
        for key in sorted(subjects.keys() - governance.keys()):
            named_again = self._text_signed_before(doc, sentence, key, countries)
            if named_again is not None:
                # 'A, B and C signed the X Declaration. The agreement focuses on … AI': the text
                # the states signed, named again beside AI
                passages.append(_passage(doc, text, layout, (subjects[key][0], named_again), 2))
                continue
            spans = countries.get(key, [])
            if len(spans) < 2 or _distinct_parties(doc, spans) < 2:
                continue
            if any(doc[int(t)].lower_ in cues for t in np.flatnonzero(sentence == key)):
                # 'how the UK and India work together on … AI': states acting together on AI
                pair = min(
                    ((a, c) for a in subjects[key] for c in countries[key]), key=lambda p: abs(_gap(*p))
                )
                passages.append(_passage(doc, text, layout, pair, 1))
        return passages

    def _text_signed_before(
        self, doc: Doc, sentence: np.ndarray, key: int, countries: dict[int, list[Span]]
    ) -> tuple[int, int] | None:
        """The noun that opens a sentence by naming again the text two states or more signed in
        the sentence before it ('The agreement', 'This declaration'), as a span of one token."""
        first = int(np.searchsorted(sentence, key, side="left"))
        if first + 1 >= len(doc) or doc[first].lower_ not in ("the", "this"):
            return None
        if doc[first + 1].lower_ not in self._texts_named_again:
            return None
        before = countries.get(key - 1, [])
        if len(before) < 2 or _distinct_parties(doc, before) < 2:
            return None
        signing = self.vocabulary.signing_words
        if not any(doc[int(t)].lower_ in signing for t in np.flatnonzero(sentence == key - 1)):
            return None
        return first + 1, first + 2

    def _lede_passage(
        self, doc: Doc, text: str, layout: _Layout, found: dict[str, list[Span]]
    ) -> Passage | None:
        """A lede that reports a meeting of two parties or more ('On the margins of the NATO Summit,
        President Biden met leaders of Korea, Japan and Australia'): what the article is about,
        when its body speaks of AI, as a headline naming that meeting would be."""
        lede = next(
            (
                p
                for p in range(1, min(len(layout.lines) + 1, _LEDE_SEARCH))
                if _words_in(layout, p) >= _LEDE_WORDS
            ),
            None,
        )
        if lede is None:
            return None
        first = int(layout.sentence[int(np.searchsorted(layout.paragraph, lede))])
        in_first = layout.sentence == first
        officials = self._officials_in(doc, np.flatnonzero(in_first))
        meetings = self._meeting_words(officials)
        meeting = next(
            (
                k
                for k in np.flatnonzero(in_first)
                if doc[int(k)].lower_ in meetings and not (k > 0 and doc[int(k) - 1].lower_ == "in")
            ),
            None,
        )  # 'Baidu is in talks with …': a firm negotiating, no meeting of states
        if meeting is None:
            return None
        parties = [span for span in found["countries"] if in_first[span[0]]] + [
            span
            for span in found["authorities"]
            if in_first[span[0]] and doc[span[0]].text in self._named_bodies
        ]
        if _distinct_parties(doc, parties) < (1 if officials else 2):
            return None
        return _passage(doc, text, layout, (parties[0], (int(meeting), int(meeting) + 1)), 1)

    def _headline_passage(
        self, doc: Doc, text: str, layout: _Layout, found: dict[str, list[Span]]
    ) -> Passage | None:
        """A headline that names a text, a governance step or a meeting of states ('Republic of Korea
        - EU Joint Statement', 'UK-India tech security initiative', 'TTC meeting: India, EU to work on
        …'): what the article is about, when its body speaks of AI."""
        headline = range(int(np.searchsorted(layout.paragraph, 1)))
        officials = self._officials_in(doc, headline)
        meetings = self._meeting_words(officials)
        in_headline = [
            span
            for name in ("governance", "instruments")
            for span in found[name]
            if layout.paragraph[span[0]] == 0
        ] + [(k, k + 1) for k in headline if doc[k].lower_ in meetings]
        parties = [span for span in found["countries"] if layout.paragraph[span[0]] == 0] + [
            span  # a body by its name ('EU', 'the African Union'), not a word ('summit', 'officials')
            for span in found["authorities"]
            if layout.paragraph[span[0]] == 0
            and (doc[span[0]].text in self._named_bodies or span[1] - span[0] > 1)
        ]
        texts = self.vocabulary.passing_texts
        # 'G20 Ministerial Declaration': one body's text, named as a headline names a release
        issued = any(doc[k].lower_ in texts for start, end in in_headline for k in range(start, end))
        if (
            not in_headline
            or _distinct_parties(doc, parties) < (1 if issued or officials else 2)
            or len(layout.lines) == 0
        ):
            # 'Apple Could Regain Share in China Thanks to Alibaba Partnership': one state's market
            return None
        return _passage(doc, text, layout, (parties[0], in_headline[0]), 1)

    def _officials_in(self, doc: Doc, tokens: Iterable[Any]) -> bool:
        """Whether office-holders ('ministers', 'President Lula', 'a delegation') stand among the
        tokens: their meeting is one of governments, though it names a single state."""
        officials = self.vocabulary.meeting_officials
        return any(doc[int(k)].lower_ in officials for k in tokens)

    def _meeting_words(self, officials: bool) -> frozenset[str]:
        """The words that name a meeting: with office-holders, a 'session' or 'convened' too."""
        meetings = self.vocabulary.headline_meetings
        return meetings | self.vocabulary.officials_meetings if officials else meetings


@dataclass(frozen=True, slots=True)
class _Layout:
    """Each token's paragraph (line) and sentence, and the character spans of the lines."""

    paragraph: np.ndarray
    sentence: np.ndarray
    starts: np.ndarray
    lines: np.ndarray  # offsets of the text's line breaks
    sentences: int  # sentences with a word in them

    @classmethod
    def of(cls, doc: Doc, text: str, ends: np.ndarray) -> _Layout:
        columns = doc.to_array([ORTH, IDX, IS_ALPHA])
        orth, idx, alpha = columns[:, 0].astype(np.uint64), columns[:, 1], columns[:, 2].astype(bool)
        lines = np.fromiter((m.start() for m in _NEWLINE.finditer(text)), dtype=np.int64)
        paragraph = np.searchsorted(lines, idx, side="right")
        starts = np.ones(len(doc), dtype=bool)
        starts[1:] = np.isin(orth[:-1], ends) | (paragraph[1:] != paragraph[:-1])
        sentence = np.cumsum(starts) - 1
        return cls(paragraph, sentence, starts, lines, len(np.unique(sentence[alpha])))

    def sentence_span(self, doc: Doc, first: int, last: int) -> tuple[int, int]:
        """The characters of sentences first to last (indices of `sentence`), as one span."""
        begin = int(np.searchsorted(self.sentence, first, side="left"))
        end = int(np.searchsorted(self.sentence, last, side="right")) - 1
        return doc[begin].idx, doc[end].idx + len(doc[end].text)

    def paragraph_span(self, index: int, length: int) -> tuple[int, int]:
        start = int(self.lines[index - 1]) + 1 if index > 0 else 0
        end = int(self.lines[index]) if index < len(self.lines) else length
        return start, end


_LEDE_SEARCH = 4  # the lede is among the first lines: headline, date line, standfirst, lede
_REPEATED_AI = 3  # AI named this often is a subject of the story, not a word in passing
_LEDE_WORDS = 12


def _words_in(layout: _Layout, paragraph: int) -> int:
    """How many tokens a paragraph has."""
    return int(np.count_nonzero(layout.paragraph == paragraph))


def _gap(a: Span, b: Span) -> int:
    """Tokens between two spans (negative when they overlap, as in "AI Office")."""
    return max(b[0] - a[1], a[0] - b[1])


def _passage(doc: Doc, text: str, layout: _Layout, pair: tuple[Span, Span], weight: int) -> Passage:
    (a_start, a_end), (g_start, g_end) = sorted(pair)
    first, last = doc[a_start:a_end], doc[g_start:g_end]
    start, end = min(a_start, g_start), max(a_end, g_end)
    snippet = doc[start:end].text if end - start <= _SNIPPET_TOKENS else f"{first.text} … {last.text}"
    sentence = int(layout.sentence[start])
    in_paragraph = layout.sentence[layout.paragraph == layout.paragraph[start]]
    opening, closing = int(in_paragraph.min()), int(in_paragraph.max())
    return Passage(
        start=doc[start].idx,
        end=doc[end - 1].idx + len(doc[end - 1].text),
        text=" ".join(snippet.split()),
        weight=weight,
        paragraph=layout.paragraph_span(int(layout.paragraph[start]), len(text)),
        named=_is_name(doc[start:end]),
        sentence=layout.sentence_span(doc, sentence, sentence),
        around=layout.sentence_span(doc, max(opening, sentence - 1), min(closing, sentence + 1)),
        long_paragraph=closing - opening + 1 > _LONG_PARAGRAPH,
    )


_NAME_JOINS = frozenset(lexicon.json("vocabulary.json")["title_joins"])
_WRITTEN_OUT = frozenset(("artificial intelligence summit", "artificial intelligence summits"))


def _is_name(words: Any) -> bool:
    """Whether AI and its authority stand in one capitalised name of three words or more ('AI
    Action Summit', 'Global AI Safety summit'): a summit or a text named in a story about
    something else."""
    alpha = [t for t in words if t.is_alpha]
    if len(alpha) == 2 and alpha[-1].lower_ in _SUMMITS:
        return alpha[0].text[:1].isupper()  # 'the AI summit': the one a story's readers know
    if " ".join(t.lower_ for t in alpha) in _WRITTEN_OUT:
        return True  # 'an artificial intelligence summit': the same, written out
    if len(alpha) < 3 or not alpha[0].text[:1].isupper() or not alpha[-1].text[:1].isalpha():
        return False
    if all(t.text[:1].isupper() for t in alpha[:-1]):
        return True
    # 'Global Summit on Artificial Intelligence': a summit's title, its head first, joins its
    # capitalised words with small ones; a list of topics in capitals ('AI in Education, Safety') does not
    return alpha[0].lower_ in _SUMMITS and all(
        t.text[:1].isupper() or t.lower_ in _NAME_JOINS for t in alpha[1:]
    )


def _paragraph_scores(passages: Iterable[Passage]) -> dict[tuple[int, int], int]:
    """The weight of each paragraph's passages, paragraphs in reading order."""
    scores: dict[tuple[int, int], int] = {}
    for passage in passages:
        scores[passage.paragraph] = scores.get(passage.paragraph, 0) + passage.weight
    return scores


def _strongest(passages: Iterable[Passage]) -> list[Passage]:
    """The passages a reason quotes: the heaviest first, then in reading order."""
    ranked = sorted(passages, key=lambda p: (-p.weight, p.start))
    return sorted(ranked[:_REASON_EXAMPLES], key=lambda p: p.start)


def _distinct_parties(doc: Doc, spans: Iterable[Span]) -> int:
    """How many different states or authorities the spans name ('Taiwan' and 'Taiwanese' are one)."""
    from accord.nlp.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    return len({gazetteer.country(doc[a:b].text) or doc[a:b].text for a, b in spans})


def country_names() -> tuple[str, ...]:
    """Country names and demonyms as written: parties that make an instrument governance."""
    return _places()[0]


@lru_cache(maxsize=1)
def _places() -> tuple[tuple[str, ...], frozenset[str]]:
    """Country names and demonyms as written (states that make an instrument governance), and
    every place name folded (words that may stand before "AI" outside a company's name)."""
    from accord.nlp.gazetteer import load_gazetteer
    from accord.nlp.lexicon import cities

    gazetteer = load_gazetteer()
    countries = tuple(sorted({*gazetteer.names, *gazetteer.demonyms} - {""}))
    places = {*countries, *gazetteer.capitals, *cities()}
    return countries, frozenset(place.lower() for place in places)


@lru_cache(maxsize=4)
def gate_for(nlp: Language) -> RelevanceGate:
    """One gate per pipeline: its matchers hold the pipeline's vocabulary."""
    return RelevanceGate(nlp)
