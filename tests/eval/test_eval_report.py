"""Unit tests for pooling document scores and rendering the report."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console

from accord.eval import EvalReport, Share, Tally, format_report, render_report, report_as_json, score_document
from accord.eval.render import KEY_WORDS_LABEL

PLACE = {"kind": "event_place", "event": "AI Action Summit", "country": "FR", "city": "Paris"}
CHAIR = {"kind": "event_chair", "event": "AI Action Summit", "chair": "Emmanuel Macron"}
TEXT = "Emmanuel Macron chaired the AI Action Summit in Paris, France."


def evidence(piece: str) -> dict[str, object]:
    return {"start": TEXT.index(piece), "end": TEXT.index(piece) + len(piece), "text": piece}


@pytest.fixture
def report() -> EvalReport:
    first = score_document(
        {"facts": [PLACE, CHAIR]},
        {"document": {"text": TEXT}, "facts": [{**PLACE, "city": "Lyon", "evidence": evidence(TEXT)}]},
        TEXT,
    )
    second = score_document(
        {"facts": [CHAIR]},
        {
            "document": {"text": "Macron spoke."},
            "facts": [
                {**CHAIR, "evidence": {"start": 0, "end": 6, "text": "Macron"}},
                {**CHAIR, "chair": "FR"},
            ],
        },
        None,
    )
    return EvalReport({"first": first, "second": second}, ("third",))


def test_tally_figures() -> None:
    tally = Tally(tp=3, fp=1, fn=2)
    assert tally.precision == 0.75
    assert tally.recall == 0.6
    assert tally.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert (Tally().precision, Tally().recall, Tally().f1) == (0.0, 0.0, 0.0)
    assert Tally(1, 2, 3) + Tally(1, 1, 1) == Tally(2, 3, 4)


def test_share_value_is_none_when_nothing_checked() -> None:
    assert Share().value is None
    assert (Share(1, 4) + Share(2, 4)).value == 0.375


def test_report_pools_documents(report: EvalReport) -> None:
    assert report.kinds == {"event_place": Tally(1, 0, 0), "event_chair": Tally(1, 1, 1)}
    assert report.micro == Tally(2, 1, 1)
    assert (report.attributes.hits, report.attributes.total) == (0, 1)
    assert (report.evidence.hits, report.evidence.total) == (2, 3)
    assert (report.key_words.hits, report.key_words.total) == (1, 3)


def test_report_as_json_has_the_referees_figures(report: EvalReport) -> None:
    figures = report_as_json(report)
    assert figures["documents"] == 2
    assert figures["missing_records"] == ["third"]
    assert figures["micro"] == {"precision": 0.667, "recall": 0.667, "f1": 0.667, "tp": 2, "fp": 1, "fn": 1}
    assert list(figures["kinds"]) == ["event_place", "event_chair"]
    assert figures["attribute_accuracy"] == 0.0
    assert figures["evidence_valid"] == 0.667
    assert figures["accord"] == {"evidence_key_words": 0.333}
    json.dumps(figures)


def test_report_as_json_of_nothing_scored() -> None:
    figures = report_as_json(EvalReport({"empty": score_document({"facts": []}, {}, None)}))
    assert figures["kinds"] == {}
    assert figures["attribute_accuracy"] is None
    assert figures["evidence_valid"] is None


def test_format_report_lays_out_the_referees_table(report: EvalReport) -> None:
    lines = format_report(report, show_errors=False).splitlines()
    assert lines[0].split() == ["kind", "P", "R", "F1", "tp", "fp", "fn"]
    assert lines[1] == "event_place        1.000  1.000  1.000     1     0     0"
    assert lines[3].split() == ["micro", "0.667", "0.667", "0.667", "2", "1", "1"]
    assert lines[4] == "attribute accuracy 0.0  evidence valid 0.667  documents 2  missing records 1"
    assert lines[5] == f"{KEY_WORDS_LABEL}: 0.333"
    assert lines[-1] == "micro F1 0.667"
    assert not any(line.startswith("==") for line in lines)


def test_format_report_lists_missed_and_spurious_per_document(report: EvalReport) -> None:
    text = format_report(report, show_errors=True)
    assert (
        "== first\n"
        '  missed {"kind": "event_chair", "event": "AI Action Summit", "chair": "Emmanuel Macron"}\n'
        "== second\n"
        '  spurious {"kind": "event_chair", "event": "AI Action Summit", "chair": "FR"}\n'
    ) in text


def test_render_report_prints_rich_tables(report: EvalReport) -> None:
    out = io.StringIO()
    render_report(report, Console(file=out, width=140, color_system=None), show_errors=True)
    shown = out.getvalue()
    assert "event_chair" in shown
    assert "0.667" in shown
    assert KEY_WORDS_LABEL in shown
    assert '{"kind": "event_chair", "event": "AI Action Summit", "chair": "FR"}' in shown
    assert "third" in shown


def test_render_report_hides_errors_unless_asked(report: EvalReport) -> None:
    out = io.StringIO()
    render_report(report, Console(file=out, width=140, color_system=None), show_errors=False)
    assert "spurious" not in out.getvalue()
    assert "micro" in out.getvalue()
