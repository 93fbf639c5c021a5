"""The accord record, declared once: its fact kinds and fields (`kinds`), its types (`types`) and
how the names in it are keyed (`names`). Every stage reads these instead of a copy of its own."""

from accord.record.kinds import KINDS, FactKind, Field, Role, Rule, Value
from accord.record.names import fold_name, is_country_code
from accord.record.types import RECORD_FORMAT, Evidence, Fact, Record, RecordDocument, new_fact

__all__ = [
    "KINDS",
    "RECORD_FORMAT",
    "Evidence",
    "Fact",
    "FactKind",
    "Field",
    "Record",
    "RecordDocument",
    "Role",
    "Rule",
    "Value",
    "fold_name",
    "is_country_code",
    "new_fact",
]
