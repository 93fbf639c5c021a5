"""Score accord records against gold annotations, agreeing with the referee (shared/tools/score.py)."""

from accord.eval.alignment import Discrepancy, DocumentScore, Share, Tally, score_document
from accord.eval.errors import EvalError
from accord.eval.render import format_report, render_report, report_as_json
from accord.eval.report import EvalReport
from accord.eval.runner import GoldDocument, load_gold_folder, read_records, run_eval, score_folder

__all__ = [
    "Discrepancy",
    "DocumentScore",
    "EvalError",
    "EvalReport",
    "GoldDocument",
    "Share",
    "Tally",
    "format_report",
    "load_gold_folder",
    "read_records",
    "render_report",
    "report_as_json",
    "run_eval",
    "score_document",
    "score_folder",
]
