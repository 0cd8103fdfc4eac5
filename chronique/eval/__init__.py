"""``chronique eval``: score a prediction (the public JSON export) against gold annotations."""

from chronique.eval.gold import Gold, load_gold
from chronique.eval.score import Detail, EvalReport, Metric, evaluate, format_details, format_table

__all__ = [
    "Detail",
    "EvalReport",
    "Gold",
    "Metric",
    "evaluate",
    "format_details",
    "format_table",
    "load_gold",
]
