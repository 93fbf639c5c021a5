"""Changes of position: a party's stances compared on the same instrument over time, or across a series.

Two stances on different texts are no change of position ("signed the joint mission
statement, then declined the Paris declaration" says nothing). A change is either:

- **on the same instrument**: every source giving the earlier stance is dated before every
  source giving the later one (declined in February, signed in March); sources that disagree
  over the same period are a conflict, not a change;
- **across a series**: the principal instruments of a series' editions, in order (the Bletchley
  Declaration, the Seoul Declaration, the Paris Statement, the New Delhi Declaration for the
  AI summits), where the party's stance on one edition's text differs from the previous one's.

Each change says which.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from accord.query.common import Source
from accord.resolve.registry import Registry


@dataclass
class PositionChange:
    basis: str  # "same instrument" or "series"
    series: str | None  # the series' name, for a change across a series
    before: str
    after: str
    before_agreement: str
    after_agreement: str
    before_agreement_id: int
    after_agreement_id: int
    before_date: str | None
    after_date: str | None

    def line(self) -> str:
        if self.basis == "same instrument":
            return (
                f"{self.after_agreement}: {self.before} ({self.before_date or 'undated'}), "
                f"then {self.after} ({self.after_date or 'undated'}) — same instrument"
            )
        return (
            f"{self.before} {self.before_agreement} ({self.before_date or 'undated'}), then {self.after} "
            f"{self.after_agreement} ({self.after_date or 'undated'}) — across the series {self.series}"
        )


@dataclass
class SeriesStep:
    edition: int | None
    event: str
    event_id: int | None
    agreement: str
    agreement_id: int | None
    registry_id: str
    date: str | None
    stance: str | None  # None: no source says


@dataclass
class SeriesRecord:
    """A party across the editions of a series: its stance on each edition's principal text."""

    series: str
    name: str
    steps: list[SeriesStep] = field(default_factory=list)


def same_instrument_change(
    agreement: str, agreement_id: int, sources: Sequence[Source]
) -> PositionChange | None:
    """A change on one instrument: all sources of one stance dated before all of the other's."""
    dated: dict[str, list[str]] = {"signed": [], "declined": []}
    for source in sources:
        if source.value in dated and source.date:
            dated[source.value].append(source.date)
    signed, declined = dated["signed"], dated["declined"]
    if not signed or not declined:
        return None
    for before, after, first, then in (
        ("signed", "declined", signed, declined),
        ("declined", "signed", declined, signed),
    ):
        if max(first) < min(then):
            return PositionChange(
                "same instrument", None, before, after, agreement, agreement, agreement_id, agreement_id,
                max(first), min(then),
            )  # fmt: skip
    return None


def series_records(
    registry: Registry, stances: dict[str, tuple[str, int, str]], stored: dict[str, tuple[int, str]]
) -> list[SeriesRecord]:
    """The party's stance on each edition of every series it took a stance in.

    `stances` maps a registry instrument id to (stance, agreement entity id, name); `stored`
    maps registry ids of events and instruments the store has to (entity id, name).
    """
    out = []
    touched = {
        registry.events[e].series
        for instrument_id in stances
        for e in registry.instruments[instrument_id].events
        if registry.instruments[instrument_id].principal and registry.events[e].series
    }
    for series_id in sorted(s for s in touched if s):
        record = SeriesRecord(series_id, registry.series[series_id].name)
        for event_id in registry.events_of_series[series_id]:
            event = registry.events[event_id]
            principal = next(
                (
                    registry.instruments[i]
                    for i in registry.instruments_at.get(event_id, ())
                    if registry.instruments[i].principal
                ),
                None,
            )
            if principal is None:
                continue
            stance = stances.get(principal.id)
            stored_event = stored.get(event_id)
            stored_agreement = stored.get(principal.id)
            record.steps.append(
                SeriesStep(
                    edition=event.edition,
                    event=stored_event[1] if stored_event else event.name,
                    event_id=stored_event[0] if stored_event else None,
                    agreement=stance[2]
                    if stance
                    else (stored_agreement[1] if stored_agreement else principal.name),
                    agreement_id=stance[1] if stance else (stored_agreement[0] if stored_agreement else None),
                    registry_id=principal.id,
                    date=principal.date or event.start,
                    stance=stance[0] if stance else None,
                )
            )
        out.append(record)
    return out


def series_changes(records: Sequence[SeriesRecord]) -> list[PositionChange]:
    """Consecutive editions with a known, undisputed stance that differs from the previous one's."""
    out = []
    for record in records:
        previous: SeriesStep | None = None
        for step in record.steps:
            if step.stance not in ("signed", "declined"):
                continue
            if previous is not None and previous.stance != step.stance:
                out.append(
                    PositionChange(
                        "series",
                        record.name,
                        str(previous.stance),
                        str(step.stance),
                        previous.agreement,
                        step.agreement,
                        previous.agreement_id or 0,
                        step.agreement_id or 0,
                        previous.date,
                        step.date,
                    )
                )
            previous = step
    return out
