"""The gate's word lists (`data/vocabulary.json`), read once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from accord.relevance.data import lexicon

# The term families the gate matches in a text, and those the fact-scope test reads in names.
FAMILIES = ("ai", "governance", "authorities", "instruments", "boilerplate")
NAME_FAMILIES = ("technology", "never_governance")


class VocabularyError(ValueError):
    """A vocabulary file that lacks a family or a setting, in one line."""


@dataclass(frozen=True, slots=True)
class Terms:
    """One family of terms: those matched as written and those matched in any case."""

    exact: tuple[str, ...]
    any_case: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """What the gate looks for, and how much of it makes an article relevant.

    - `ai`: the subject (AI, artificial intelligence, frontier models, deepfakes, …);
    - `governance`: rule-making and its concepts (regulation, law, treaty, export controls,
      oversight, safety, policy, …);
    - `authorities`: public bodies, office-holders and forums (government, ministers, the EU,
      the UN, summits, …);
    - `instruments`: words that are governance only when a state or an authority is party to
      them (agreement, partnership, standards, strategy, …): a company's "AI partnership" is
      business, a "U.S.-UAE AI agreement" is not;
    - `boilerplate`: markers of legal boilerplate (safe-harbour notices); their paragraphs are
      not read, since they list laws and regulators in every press release;
    - `ai_modifiers`: capitalised words that may stand before "AI" without making it part of a
      company's name ("Generative AI", "The AI project"); country names, demonyms and cities
      count as such too;
    - `digest_patterns`: what marks a line as an item of a digest (a time stamp, a credit
      line); `digest_min_items` such lines make a text a digest, whose lines are judged one by one;
    - `passing_texts`: nouns of a text states agree (pact, treaty, declaration, …): an AI term
      beside one in a sentence naming two states or authorities is read in an article otherwise
      out of scope;
    - `signing_words`: words that say states signed a text ('signed', 'endorsed'): a sentence
      after theirs that names the text again ('The agreement focuses on … AI') joins it to AI.
    - `cooperation_cues`: words that say states act together ('together', 'bilateral',
      'cooperation'): an AI term in a sentence naming two states and one of them is a passage;
    - `headline_meetings`: meetings a headline names ('talks', 'meeting', 'council'): with two states
      or authorities in it, the headline says what the article is about;
    - `meeting_officials` and `officials_meetings`: office-holders ('ministers', 'president',
      'delegation') and what only they hold ('session', 'convene'): a meeting of office-holders
      is one of governments with a single state named ('Xi holds meeting with Brazilian
      President Lula', 'Qatar takes part in session of Arab ministers');
    - `technology` and `never_governance`: for the scope of facts (`accord.extract.scope`): what
      makes a thing's name or sentence one of technology, and names that never are governance
      (securities acts, share plans, credit agreements, earnings calls).
    """

    ai: Terms
    governance: Terms
    authorities: Terms
    instruments: Terms
    boilerplate: Terms
    technology: Terms
    never_governance: Terms
    ai_modifiers: frozenset[str]
    threshold: int
    compound_gap: int
    digest_patterns: tuple[str, ...]
    digest_min_items: int
    passing_texts: frozenset[str] = frozenset()
    cooperation_cues: frozenset[str] = frozenset()
    signing_words: frozenset[str] = frozenset()
    headline_meetings: frozenset[str] = frozenset()
    meeting_officials: frozenset[str] = frozenset()
    officials_meetings: frozenset[str] = frozenset()

    def family(self, name: str) -> Terms:
        terms: Terms = getattr(self, name)
        return terms


@cache
def load_vocabulary() -> Vocabulary:
    """The vocabulary shipped beside this module."""
    return parse_vocabulary(lexicon.json("vocabulary.json"))


def parse_vocabulary(data: dict[str, Any]) -> Vocabulary:
    """Build a Vocabulary from the data file's JSON object (tests pass small ones)."""
    try:
        families = {
            name: Terms(tuple(family.get("exact", ())), tuple(family.get("any_case", ())))
            for name in (*FAMILIES, *NAME_FAMILIES)
            for family in [data[name] if name in FAMILIES else data.get(name, {})]
        }
        digest = data.get("digest_items", {})
        return Vocabulary(
            **families,
            ai_modifiers=frozenset(word.lower() for word in data.get("ai_modifiers", ())),
            threshold=int(data["threshold"]),
            compound_gap=int(data.get("compound_gap", 1)),
            digest_patterns=tuple(digest.get("patterns", ())),
            digest_min_items=int(digest.get("min_items", 3)),
            passing_texts=frozenset(word.lower() for word in data.get("passing_texts", ())),
            cooperation_cues=frozenset(word.lower() for word in data.get("cooperation_cues", ())),
            signing_words=frozenset(word.lower() for word in data.get("signing_words", ())),
            headline_meetings=frozenset(word.lower() for word in data.get("headline_meetings", ())),
            meeting_officials=frozenset(word.lower() for word in data.get("meeting_officials", ())),
            officials_meetings=frozenset(word.lower() for word in data.get("officials_meetings", ())),
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise VocabularyError(f"relevance vocabulary: missing or malformed {error}") from None
