"""Keep the agreements, events and initiatives of AI or technology governance, and what hangs on them.

A share plan, a credit agreement, a securities act, a "forward-looking statement" or an earnings
call is never governance, whatever article names it (`never_governance` in the relevance
vocabulary), nor is anything named in a sentence of safe-harbour boilerplate (the risks a
company lists, Congress and regulators among them). Beyond that, what an article in scope
names is taken as its subject's: the gold annotations of AI-governance articles count the G20
Leaders' Summit, the UN Charter or the Seoul Declaration among their facts even where the
sentence never says "AI". In an article the
relevance gate judged out of scope and that was extracted on request, a thing is kept only when
it is in the registry of instruments, or when its name or its sentence says AI or technology
governance: an AI term with a governance term or an authority ("AI Action Summit", "a
declaration on artificial intelligence"), or with an instrument that a state or an authority is
party to ("the U.S.-UAE AI agreement"); or a technology term with a governance term ("export
controls on semiconductors"), since industry "technology summits" and "technology partnerships"
abound in business news.

Facts that hang on a thing dropped go with it: stances, signatory counts and adoption events of
an agreement; places, dates, chairs, sequences, participants and themes of an event.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any

from accord.relevance.terms import compile_terms
from accord.relevance.vocabulary import Terms, load_vocabulary

Fact = dict[str, Any]
Registered = Callable[[str], bool]
THING_KINDS = ("agreement", "event", "initiative")
# The fields by which other facts name an agreement or an event.
_REFERENCES = {"agreement": ("agreement",), "event": ("event", "previous")}


def scoped_facts(
    facts: Iterable[Fact], *, article_in_scope: bool = True, registered: Registered | None = None
) -> list[Fact]:
    """The facts without things outside governance, nor the facts that name those things.

    `registered(name)` tells a name of the registry of instruments (accord.resolve.registry),
    which is governance wherever it is named.
    """
    facts = list(facts)
    dropped: dict[str, set[str]] = {kind: set() for kind in THING_KINDS}
    for fact in facts:
        kind = fact.get("kind")
        if kind in THING_KINDS and not is_governance_thing(
            fact, article_in_scope=article_in_scope, registered=registered
        ):
            dropped[kind].add(fact[kind])
    if not any(dropped.values()):
        return facts
    kept = []
    for fact in facts:
        if fact.get("kind") in THING_KINDS and fact[fact["kind"]] in dropped[fact["kind"]]:
            continue
        if any(fact.get(key) in dropped[kind] for kind, keys in _REFERENCES.items() for key in keys):
            if fact.get("kind") != "initiative":
                continue
            fact = {key: value for key, value in fact.items() if key != "event"}
        kept.append(fact)
    return kept


def is_governance_thing(
    fact: Mapping[str, Any], *, article_in_scope: bool = True, registered: Registered | None = None
) -> bool:
    """Whether an agreement, event or initiative fact may stand (see the module's docstring)."""
    names = [fact[fact["kind"]], *(fact.get("aliases") or ())]
    sentence = (fact.get("evidence") or {}).get("text", "")
    if any(_patterns()["never"].search(name) for name in names) or _patterns()["boilerplate"].search(
        sentence
    ):
        return False
    if article_in_scope or (registered is not None and any(registered(name) for name in names)):
        return True
    return any(says_technology_governance(text) for text in (*names, sentence))


def says_technology_governance(text: str) -> bool:
    """Whether a name or a sentence joins AI or technology with governance (a passage, on a string)."""
    patterns = _patterns()
    governance = patterns["governance"].search(text)
    if patterns["ai"].search(text):
        if governance or patterns["authorities"].search(text):
            return True
        return bool(patterns["instruments"].search(text) and patterns["parties"].search(text))
    return bool(governance and patterns["technology"].search(text))


@cache
def _patterns() -> dict[str, Any]:
    from accord.relevance.gate import country_names

    v = load_vocabulary()
    return {
        "never": compile_terms(v.never_governance),
        "boilerplate": compile_terms(v.boilerplate),
        "ai": compile_terms(v.ai),
        "technology": compile_terms(v.technology),
        "governance": compile_terms(v.governance),
        "authorities": compile_terms(v.authorities),
        "instruments": compile_terms(v.instruments),
        "parties": compile_terms(v.authorities, Terms(country_names(), ())),
    }
