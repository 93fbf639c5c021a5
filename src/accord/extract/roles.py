"""Roles: the offices people hold, as the text gives them."""

from __future__ import annotations

from spacy.tokens import Doc

from accord.extract.common import Fact, fact


def _words(text: str) -> set[str]:
    return {w.strip(",.").lower() for w in text.replace("-", " ").split()}


def extract_roles(doc: Doc) -> list[Fact]:
    """One fact per person and office; an office that is part of a fuller one of theirs is left out."""
    facts: list[Fact] = []
    for person in doc._.people.persons.values():
        roles = person.roles
        seen: set[str] = set()
        for role in sorted(roles, key=lambda r: (r.of is None, -len(r.title))):
            fuller = [r for r in roles if r is not role and _words(role.title) < _words(r.title)]
            same = " ".join(sorted(_words(role.title)))  # 'Secretary-General' is 'Secretary General'
            if fuller or same in seen:
                continue
            seen.add(same)
            facts.append(fact("role", role.sentence, 0.8, person=person.name, title=role.title, of=role.of))
    return facts
