"""Clean: raw text → title, content paragraphs and the auditable list of what was removed and why."""

from chronique.clean.cleaner import Cleaned, clean
from chronique.clean.learned import LineStats, article_line_keys

__all__ = ["Cleaned", "LineStats", "article_line_keys", "clean"]
