"""The registry file: the bundled one is valid and large enough, bad entries are refused, users extend it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.record.names import fold_name
from accord.resolve.registry import (
    EVENT_TYPES,
    INSTRUMENT_TYPES,
    RegistryError,
    build,
    default_registry,
    extra_paths,
    load_registry,
    valid_country,
    valid_date,
    validate,
)

MINI = Path(__file__).parent / "data" / "registry.json"


def test_bundled_registry_is_valid_and_covers_the_field() -> None:
    registry = load_registry()
    assert validate(registry) == []
    assert len(registry) >= 40
    ids = set(registry.events) | set(registry.instruments)
    # The summits since Bletchley, the UN, Council of Europe, OECD, UNESCO, G7/G20, GPAI, REAIM,
    # the military-AI declaration and a regional body each have an entry.
    for wanted in (
        "ai-safety-summit-2023",
        "ai-seoul-summit-2024",
        "ai-action-summit-2025",
        "ai-impact-summit-2026",
        "unga-res-78-265",
        "coe-framework-convention-ai",
        "oecd-ai-recommendation",
        "unesco-ai-ethics-recommendation",
        "hiroshima-code-of-conduct",
        "g20-ai-principles",
        "gpai-new-delhi-declaration",
        "reaim-blueprint-for-action",
        "political-declaration-military-ai",
        "eu-ai-act",
    ):
        assert wanted in ids, wanted


def test_every_bundled_entry_has_a_checked_source_and_valid_fields() -> None:
    registry = load_registry()
    for entry in [*registry.events.values(), *registry.instruments.values()]:
        assert entry.source.startswith(("https://", "http://")), entry.id
        assert entry.checked, entry.id
    for event in registry.events.values():
        assert event.type in EVENT_TYPES
        assert event.start and valid_date(event.start) and (event.end is None or valid_date(event.end))
        assert event.country and valid_country(event.country)
        assert all(valid_country(h) for h in event.hosts)
    for instrument in registry.instruments.values():
        assert instrument.type in INSTRUMENT_TYPES
        assert instrument.date and valid_date(instrument.date)
        assert all(e in registry.events for e in instrument.events)


def test_names_and_aliases_are_unique_per_kind() -> None:
    registry = load_registry()
    for kind, entries in (("event", registry.events.values()), ("instrument", registry.instruments.values())):
        owners: dict[str, str] = {}
        for entry in entries:
            for name in entry.names:
                key = fold_name(name)
                assert owners.setdefault(key, entry.id) == entry.id, f"{kind} name {name!r}"
    symbols = [i.symbol for i in registry.instruments.values() if i.symbol]
    assert len(symbols) == len(set(symbols))
    assert "A/RES/78/265" in symbols and "CETS No. 225" in symbols


def _document(**changes: object) -> dict:
    data = json.loads(MINI.read_text(encoding="utf-8"))
    data.update(changes)
    return data


def test_validation_names_each_problem() -> None:
    data = _document()
    data["events"][0]["start"] = "2023-02-30"
    data["events"][1]["country"] = "XX"
    data["instruments"][0]["source"] = ""
    data["instruments"][1]["aliases"] = ["Lisbon Declaration"]  # another entry's short form
    data["instruments"][2]["events"] = ["no-such-event"]
    _registry, problems = build([("test", data)])
    text = "\n".join(problems)
    assert "event ocean-ai-2023: start '2023-02-30' is not a date" in text
    assert "event ocean-ai-2024: country 'XX' is not an ISO 3166-1 alpha-2 code" in text
    assert "instrument lisbon-declaration: no source URL" in text
    assert "'Lisbon Declaration' also names instrument lisbon-declaration" in text
    assert "instrument nairobi-drones-declaration: unknown event 'no-such-event'" in text


def test_a_bad_file_is_refused_with_one_line_per_problem(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(RegistryError, match="is not JSON"):
        load_registry([broken])
    data = _document()
    data["events"][0]["end"] = "2023-02-01"
    ended_early = tmp_path / "early.json"
    ended_early.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RegistryError) as raised:
        load_registry([ended_early], bundled=False)
    assert str(raised.value) == "event ocean-ai-2023: ends (2023-02-01) before it starts (2023-03-01)"


def test_users_extend_the_registry_and_replace_entries_by_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = {
        "instruments": [
            {
                "id": "paris-statement",
                "name": "Statement on Inclusive and Sustainable Artificial Intelligence for People and the "
                "Planet",
                "short": "Paris Statement",
                "type": "statement",
                "date": "2025-02-11",
                "events": ["ai-action-summit-2025"],
                "principal": True,
                "source": "https://example.org/our-own-check",
                "checked": "our office's copy of the text",
            },
            {
                "id": "lima-ai-accord",
                "name": "Lima Accord on Andean AI Cooperation",
                "type": "other",
                "date": "2026-03-01",
                "source": "https://example.org/lima",
                "checked": "the accord's text",
            },
        ]
    }
    path = tmp_path / "ours.json"
    path.write_text(json.dumps(extra), encoding="utf-8")
    monkeypatch.setenv("ACCORD_REGISTRY", str(path))
    assert extra_paths() == [path]
    registry = default_registry()
    assert registry.instruments["paris-statement"].source == "https://example.org/our-own-check"
    assert "lima-ai-accord" in registry.instruments
    assert len(registry.instruments) == len(load_registry().instruments) + 1
    assert registry.fingerprint != load_registry().fingerprint
