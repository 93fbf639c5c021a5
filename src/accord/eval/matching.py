"""Decide whether a system value, and so a system fact, says what a gold fact says."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from accord.eval.folding import fold, folded_words, holds_words, similar_names
from accord.eval.schema import ALIASED_KINDS, KINDS, PERSON_FIELDS, Rule, rule_for

Fact = Mapping[str, Any]

# The referee's `$` also accepts one trailing newline; the optional `\n` keeps that.
_COUNTRY_KEY = re.compile(r"[A-Z]{2}\n?")


def is_country_key(value: str) -> bool:
    """Tell a country code (`US`, `EU`) from a name, since codes compare literally."""
    return _COUNTRY_KEY.fullmatch(value) is not None


class GoldNames:
    """Hold one gold document's alias sets and unambiguous surnames, which widen name matches."""

    def __init__(self, gold_facts: Iterable[Fact]) -> None:
        facts = list(gold_facts)
        self._aliases = _alias_sets(facts)
        self._surnames = _unique_surnames(facts)

    def names_match(self, field: str, system: object, gold: object) -> bool:
        """Accept a name under any spelling the gold vouches for."""
        if not isinstance(system, str) or not isinstance(gold, str):
            return False
        if is_country_key(gold):
            return system.strip().upper() == gold
        given, wanted = fold(system), fold(gold)
        accepted = self._aliases.get(wanted, {wanted})
        if given in accepted or any(similar_names(given, name) for name in accepted):
            return True
        return rule_for(field) is Rule.PERSON and self._surnames.get(given) == wanted

    def values_match(self, field: str, system: object, gold: object) -> bool:
        """Compare one field by the rule its name implies."""
        rule = rule_for(field)
        if rule is Rule.WORDS:
            return isinstance(system, str) and holds_words(system, gold)
        if rule is Rule.EXACT:
            return system is not None and fold(system) == fold(gold)
        return self.names_match(field, system, gold)

    def same_fact(self, system: Fact, gold: Fact) -> bool:
        """Require every identity field of the gold's kind to match."""
        return all(
            self.values_match(name, system.get(name), gold.get(name)) for name in KINDS[gold["kind"]].identity
        )

    def attributes_right(self, system: Fact, gold: Fact) -> int:
        """Count the gold's attributes the system fact gets right, to rank candidates and score hits."""
        return sum(
            self.values_match(name, system.get(name), gold[name])
            for name in KINDS[gold["kind"]].attributes
            if name in gold
        )


def _alias_sets(facts: list[Fact]) -> dict[str, set[str]]:
    sets: dict[str, set[str]] = {}
    for fact in facts:
        kind = fact["kind"]
        if kind in ALIASED_KINDS:
            own = fold(fact[kind])
            sets.setdefault(own, {own}).update(fold(alias) for alias in fact.get("aliases", []))
    return sets


def _unique_surnames(facts: list[Fact]) -> dict[str, str]:
    # A name's first word counts too: Chinese, Korean and Vietnamese put the family name first.
    people = {value for fact in facts for name in PERSON_FIELDS if isinstance(value := fact.get(name), str)}
    owners: dict[str, set[str]] = {}
    for person in people:
        parts = folded_words(person)
        if len(parts) > 1:
            for part in {parts[0], parts[-1]}:
                owners.setdefault(part, set()).add(fold(person))
    return {part: next(iter(names)) for part, names in owners.items() if len(names) == 1}
