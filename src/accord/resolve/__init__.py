"""Cross-document resolution: one entity for every name a thing goes by, decided on evidence.

scispacy's three parts: `kb` (canonical entities, aliases and index words in the store),
`candidates` (mention → scored entities, found by index, names compared with rapidfuzz) and
`linker` (the decision, weighing events, places, dates and signatories). `link_record` runs
inside the store's write transaction for each new document; `rebuild` re-links a whole store.
"""

from accord.resolve.linker import RecordLinks, link_record
from accord.resolve.rebuild import RebuildSummary, rebuild

__all__ = ["RebuildSummary", "RecordLinks", "link_record", "rebuild"]
