"""The fact kinds the referee scores and how each field is compared: read from `accord.record.kinds`."""

from __future__ import annotations

from accord.record.kinds import KINDS, Rule, by_name

__all__ = ["ALIASED_KINDS", "KINDS", "PERSON_FIELDS", "Rule", "rule_for"]

# Kinds whose gold `aliases` stand in for their name wherever another fact names them.
ALIASED_KINDS = tuple(name for name, kind in KINDS.items() if kind.aliased)


def rule_for(field: str) -> Rule:
    """Look up a field's comparison; any field not declared holds a name."""
    declared = by_name().get(field)
    return declared.rule if declared is not None else Rule.NAME


# The fields whose gold values feed the surname table.
PERSON_FIELDS = tuple(name for name, field in by_name().items() if field.rule is Rule.PERSON)
