"""Score a prediction (Chronique's public JSON export, as a dict) against gold, by ``gold-format.md``.

Pure functions over data: no pipeline, no store, no model. ``evaluate`` returns an ``EvalReport`` of
metrics (section, name, value or None when not available, support) plus per-article details.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import PurePath
from typing import Any

from chronique.eval.gold import (
    Gold,
    GoldArticle,
    GoldTimelineEntry,
    Span,
    Token,
    granularity_of,
    locate,
    normalise_text,
    resolve_entries,
    tokenise,
)

# A gold boilerplate line counts as removed when this share of its (non-space) characters is removed.
LINE_REMOVED_SHARE = 0.9
# A prediction matches a gold text when it covers at least this share of the gold text's words.
TEXT_OVERLAP_SHARE = 0.5

_RANK = {"unknown": 0, "year": 1, "month": 2, "day": 3}
_PREFIX = {"year": 4, "month": 7, "day": 10}
_NO_GOLD = "not annotated in gold"


# --- the report ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Metric:
    """One score: ``value`` None means "not available", and ``note`` says why."""

    section: str
    name: str
    value: float | None
    support: int
    note: str = ""


@dataclass(frozen=True)
class Detail:
    """One finding about one article (a missed line, a wrong date), for the verbose mode."""

    section: str
    file: str | None
    message: str


@dataclass
class EvalReport:
    """Every metric of one evaluation, with the details and warnings behind them."""

    metrics: list[Metric] = field(default_factory=list)
    details: list[Detail] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def metric(self, section: str, name: str) -> Metric:
        """The metric of that section and name; ``KeyError`` if there is none."""
        for m in self.metrics:
            if m.section == section and m.name == name:
                return m
        raise KeyError(f"no metric {section}/{name}")

    def get(self, section: str, name: str) -> float | None:
        """The value of a metric, None when not available."""
        return self.metric(section, name).value

    def details_for(self, file: str) -> list[Detail]:
        return [d for d in self.details if d.file == file]

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready form: the metric list, a ``{section: {name: value}}`` map, details, warnings."""
        scores: dict[str, dict[str, float | None]] = {}
        for m in self.metrics:
            scores.setdefault(m.section, {})[m.name] = m.value
        return {
            "metrics": [asdict(m) for m in self.metrics],
            "scores": scores,
            "details": [asdict(d) for d in self.details],
            "warnings": list(self.warnings),
        }


def format_table(report: EvalReport, *, verbose: bool = False) -> str:
    """The metrics as a plain-text table: section, metric, value (or n/a), support, note.

    With ``verbose``, the per-article details and the warnings follow the table.
    """
    rows = [("section", "metric", "value", "support", "note")]
    for m in report.metrics:
        value = "n/a" if m.value is None else f"{m.value:.3f}"
        rows.append((m.section, m.name, value, str(m.support), m.note))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for r in rows:
        cells = [
            r[0].ljust(widths[0]),
            r[1].ljust(widths[1]),
            r[2].rjust(widths[2]),
            r[3].rjust(widths[3]),
            r[4],
        ]
        lines.append("  ".join(cells).rstrip())
    if verbose and (report.details or report.warnings):
        lines += ["", format_details(report)]
    return "\n".join(lines)


def format_details(report: EvalReport) -> str:
    """The details grouped by article, then the warnings, as plain text (the verbose mode)."""
    out: list[str] = []
    files = sorted({d.file or "" for d in report.details})
    for file in files:
        out.append(file or "(corpus)")
        out.extend(f"  {d.section}: {d.message}" for d in report.details if (d.file or "") == file)
    if report.warnings:
        out.append("warnings")
        out.extend(f"  {w}" for w in report.warnings)
    return "\n".join(out)


# --- the prediction, read defensively from the export --------------------------------------------


@dataclass(frozen=True)
class _Quote:
    span: Span
    text: str
    speakers: tuple[str, ...]  # the predicted speaker's name and its entity's name, when given


@dataclass(frozen=True)
class _Timex:
    span: Span
    text: str
    value: str | None
    type: str = "DATE"


@dataclass(frozen=True)
class _Article:
    id: str
    file: str
    raw_text: str
    text: str
    date: str | None
    granularity: str
    removed: tuple[tuple[int, int, str], ...]
    quotes: tuple[_Quote, ...]
    timexes: tuple[_Timex, ...]
    story_id: str | None = None
    event_id: str | None = None


@dataclass(frozen=True)
class _Entity:
    name: str
    forms: frozenset[str]  # normalised name, aliases and linked mention texts


@dataclass(frozen=True)
class _Event:
    date: str | None
    granularity: str
    text: str
    files: frozenset[str]


@dataclass(frozen=True)
class _Passage:
    source: str
    target: str
    source_span: Span | None
    target_span: Span | None
    text: str


@dataclass
class _Prediction:
    articles: dict[str, _Article]
    entities: list[_Entity]
    events: list[_Event]
    passages: list[_Passage]
    any_quotes: bool
    any_timexes: bool
    summary: list[tuple[str, list[str]]] | None = None  # a timeline's (date, sentences), oldest first

    def article(self, file: str) -> _Article | None:
        return self.articles.get(file) or self.articles.get(PurePath(file).name)


def _records(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _record(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _span(record: Mapping[str, Any], start_key: str = "start", end_key: str = "end") -> Span | None:
    start, end = record.get(start_key), record.get(end_key)
    if isinstance(start, int) and isinstance(end, int) and 0 <= start <= end:
        return (start, end)
    return None


def _span_in(record: Mapping[str, Any], text: str) -> Span:
    """A predicted span, or where its ``text`` first occurs when offsets are missing."""
    span = _span(record)
    if span is not None:
        return span
    found = locate(text, _str(record.get("text")))
    return found[0] if found else (0, 0)


def _read_prediction(export: Mapping[str, Any], warnings: list[str]) -> _Prediction:
    entity_names = {_str(e.get("id")): _str(e.get("name")) for e in _records(export.get("entities"))}
    mention_forms: dict[str, set[str]] = {}
    articles: dict[str, _Article] = {}
    files_by_id: dict[str, str] = {}
    any_quotes = any_timexes = False
    for rec in _records(export.get("articles")):
        text, raw = _str(rec.get("text")), _str(rec.get("raw_text"))
        for m in _records(rec.get("mentions")):
            if _opt_str(m.get("entity_id")):
                mention_forms.setdefault(_str(m.get("entity_id")), set()).add(name_form(_str(m.get("text"))))
        any_quotes = any_quotes or bool(_records(rec.get("quotes")))
        any_timexes = any_timexes or bool(_records(rec.get("timexes")))
        file = _opt_str(rec.get("file"))
        if file is None:
            continue
        name = PurePath(file).name
        published = _record(rec.get("published"))
        quotes = []
        for q in _records(rec.get("quotes")):
            speaker = _record(q.get("speaker"))
            names = (_str(speaker.get("name")), entity_names.get(_str(speaker.get("entity_id")), ""))
            if not speaker:  # no entity: the words that name the speaker ("les insurgés"), if any
                names = (_str(q.get("speaker_text")), "")
            quotes.append(_Quote(_span_in(q, text), _str(q.get("text")), tuple(n for n in names if n)))
        timexes = [
            _Timex(
                _span_in(t, text),
                _str(t.get("text")),
                _opt_str(t.get("value")),
                _str(t.get("type")) or "DATE",
            )
            for t in _records(rec.get("timexes"))
        ]
        removed = []
        for r in _records(rec.get("removed")):
            span = _span(r)
            if span is not None:
                removed.append((min(span[0], len(raw)), min(span[1], len(raw)), _str(r.get("reason"))))
        article = _Article(
            id=_str(rec.get("id")),
            file=name,
            raw_text=raw,
            text=text,
            date=_opt_str(published.get("value")),
            granularity=_str(published.get("granularity")) or "unknown",
            removed=tuple(removed),
            quotes=tuple(quotes),
            timexes=tuple(timexes),
            story_id=_opt_str(rec.get("story_id")),
            event_id=_opt_str(rec.get("event_id")),
        )
        if name in articles:
            warnings.append(
                f"{name}: several articles of the prediction come from this file; the first is scored"
            )
            continue
        articles[name] = article
        if file != name:
            articles.setdefault(file, article)
        files_by_id[article.id] = name

    entities = []
    for e in _records(export.get("entities")):
        forms = {name_form(_str(e.get("name")))}
        forms.update(name_form(_str(a)) for a in e.get("aliases") or [] if isinstance(a, str))
        forms.update(mention_forms.get(_str(e.get("id")), set()))
        forms.discard("")
        entities.append(_Entity(_str(e.get("name")), frozenset(forms)))

    events = []
    for ev in _records(export.get("events")):
        date = _record(ev.get("date"))
        ids = ev.get("article_ids")
        events.append(
            _Event(
                date=_opt_str(date.get("value")),
                granularity=_str(date.get("granularity")) or "unknown",
                text=f"{_str(ev.get('title'))} {_str(ev.get('summary'))}",
                files=frozenset(
                    files_by_id[i] for i in (ids if isinstance(ids, list) else []) if i in files_by_id
                ),
            )
        )

    passages = []
    for link in _records(export.get("reuse")):
        source = files_by_id.get(_str(link.get("source_id")))
        target = files_by_id.get(_str(link.get("target_id")))
        if source is None or target is None:
            continue
        for p in _records(link.get("passages")):
            passages.append(
                _Passage(
                    source,
                    target,
                    _span(p, "source_start", "source_end"),
                    _span(p, "target_start", "target_end"),
                    _str(p.get("text")),
                )
            )
    return _Prediction(articles, entities, events, passages, any_quotes, any_timexes)


# --- shared matching rules -----------------------------------------------------------------------


def date_matches(gold_value: str | None, gold_granularity: str, value: str | None, granularity: str) -> bool:
    """Equal at the gold granularity; a finer prediction inside the gold period matches, a coarser one not."""
    if gold_value is None:
        return value is None
    if value is None:
        return False
    gold_rank = _RANK.get(gold_granularity) or _RANK[granularity_of(gold_value)]
    declared = _RANK.get(granularity, 0) or _RANK[granularity_of(value)]
    if min(declared, _RANK[granularity_of(value)]) < gold_rank:
        return False
    n = _PREFIX.get(gold_granularity if gold_granularity in _PREFIX else granularity_of(gold_value), 4)
    return value[:n] == gold_value[:n]


def _year_matches(gold_value: str | None, value: str | None) -> bool:
    if gold_value is None or value is None:
        return gold_value is None and value is None
    return value[:4] == gold_value[:4]


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _bag_share(gold_text: str, predicted_text: str) -> float:
    """Share of the gold text's words found in the predicted text (as bags of words)."""
    gold = Counter(t.key for t in tokenise(gold_text))
    if not gold:
        return 0.0
    found = gold & Counter(t.key for t in tokenise(predicted_text))
    return sum(found.values()) / sum(gold.values())


def _span_share(occurrences: Sequence[Sequence[Token]], span: Span) -> float:
    """Best share, over the gold text's occurrences, of its words that the predicted span overlaps."""
    best = 0.0
    for words in occurrences:
        if words:
            best = max(best, sum(_overlaps((w.start, w.end), span) for w in words) / len(words))
    return best


def _filled(occurrences: Sequence[Sequence[Token]], span: Span) -> float:
    """Best share, over the gold text's occurrences, of the predicted span's characters it covers."""
    best = 0.0
    for words in occurrences:
        if words and span[1] > span[0]:
            inside = min(span[1], words[-1].end) - max(span[0], words[0].start)
            best = max(best, inside / (span[1] - span[0]))
    return best


def _occurrence_words(text: str, tokens: Sequence[Token], needle: str) -> list[list[Token]]:
    """The words of each occurrence of ``needle`` in ``text``."""
    return [[t for t in tokens if s <= t.start and t.end <= e] for s, e in locate(text, needle, tokens)]


def _ratio(hits: int, total: int) -> float | None:
    return hits / total if total else None


def _f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _excerpt(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


# --- the sections --------------------------------------------------------------------------------


def evaluate(
    gold: Gold, export: Mapping[str, Any], timeline: Sequence[Mapping[str, Any]] | None = None
) -> EvalReport:
    """Score ``export`` (the public JSON export shape) against ``gold``; gold articles match by file name.
    ``timeline`` (entries in the shape of ``chronique timeline --json``) is scored against the gold's
    reference timelines, when it has some (see :func:`summary_size`)."""
    report = EvalReport()
    pred = _read_prediction(export, report.warnings)
    if timeline is not None:
        pred.summary = [
            (_str(_record(e.get("date")).get("value")), [_str(x) for x in e.get("sentences") or []])
            for e in timeline
        ]
    missing = [f for f in gold.articles if pred.article(f) is None]
    if missing:
        report.warnings.append(
            f"gold articles missing from the prediction (scored as misses): {', '.join(missing)}"
        )
        report.details.extend(Detail("articles", f, "missing from the prediction") for f in missing)
    for section in (
        _boilerplate,
        _publication_date,
        _quotes,
        _timexes,
        _entities,
        _reuse,
        _clustering,
        _timeline,
        _timeline_summary,
    ):
        section(gold, pred, report)
    return report


def _not_available(report: EvalReport, section: str, names: Iterable[str], note: str) -> None:
    report.metrics.extend(Metric(section, n, None, 0, note) for n in names)


def _boilerplate(gold: Gold, pred: _Prediction, report: EvalReport) -> None:
    section = "boilerplate"
    annotated = [a for a in gold.articles.values() if a.noise_annotated]
    if not annotated:
        _not_available(report, section, ("precision", "recall"), _NO_GOLD)
        return
    removed_chars = removed_in_gold = lines = lines_removed = 0
    for ga in annotated:
        pa = pred.article(ga.file)
        if pa is None:
            lines += len(ga.boilerplate or ()) + len(ga.metadata_lines or ())
            continue
        raw = pa.raw_text
        in_gold = bytearray(len(raw))
        removed = bytearray(len(raw))
        scored = bytearray(len(raw))  # removed, and not as the title
        for start, end, reason in pa.removed:
            removed[start:end] = b"\x01" * (end - start)
            if reason != "title":
                scored[start:end] = b"\x01" * (end - start)
        fields = {
            "boilerplate": ga.boilerplate,
            "metadata_lines": ga.metadata_lines,
            "off_topic_inserts": ga.off_topic_inserts,
        }
        for name, entries in fields.items():
            for resolved in resolve_entries(entries or (), raw):
                if resolved.span is None:
                    report.warnings.append(
                        f"{ga.file}: gold {name} entry not found in the raw text ({resolved.problem}): "
                        f"{_excerpt(resolved.entry)}"
                    )
                    continue
                start, end = resolved.span
                in_gold[start:end] = b"\x01" * (end - start)
                if name == "off_topic_inserts":
                    continue
                chars = [i for i in range(start, end) if not raw[i].isspace()]
                lines += 1
                if chars and sum(removed[i] for i in chars) >= LINE_REMOVED_SHARE * len(chars):
                    lines_removed += 1
                else:
                    report.details.append(
                        Detail(section, ga.file, f"kept {name} line {_excerpt(resolved.entry)}")
                    )
        for start, end, reason in pa.removed:
            if reason == "title":
                continue
            content = [i for i in range(start, end) if not raw[i].isspace() and not in_gold[i]]
            if content:
                report.details.append(
                    Detail(
                        section,
                        ga.file,
                        f"removed {len(content)} content characters ({reason}): {_excerpt(raw[start:end])}",
                    )
                )
        for i, flag in enumerate(scored):
            if flag and not raw[i].isspace():
                removed_chars += 1
                removed_in_gold += in_gold[i]
    precision = _ratio(removed_in_gold, removed_chars)
    report.metrics.append(
        Metric(
            section,
            "precision",
            precision,
            removed_chars,
            "removed characters" if removed_chars else "nothing removed",
        )
    )
    recall = _ratio(lines_removed, lines)
    report.metrics.append(
        Metric(section, "recall", recall, lines, "gold lines" if lines else "no gold lines")
    )


def _publication_date(gold: Gold, pred: _Prediction, report: EvalReport) -> None:
    section = "publication_date"
    total = exact = year = 0
    for ga in gold.articles.values():
        gd = ga.publication_date
        if gd is None:
            continue
        total += 1
        pa = pred.article(ga.file)
        value, granularity = (pa.date, pa.granularity) if pa else (None, "unknown")
        if date_matches(gd.value, gd.granularity, value, granularity):
            exact += 1
        else:
            report.details.append(
                Detail(
                    section,
                    ga.file,
                    f"predicted {value or 'none'} ({granularity}), gold {gd.value} ({gd.granularity})",
                )
            )
        year += _year_matches(gd.value, value)
    note = "" if total else _NO_GOLD
    report.metrics.append(Metric(section, "accuracy", _ratio(exact, total), total, note))
    report.metrics.append(Metric(section, "year_accuracy", _ratio(year, total), total, note))


def _same_value(predicted: str | None, gold: str) -> bool:
    """TIMEX3 values equal, or the predicted one is the gold day with its part of the day or time
    ("mercredi matin": 2011-02-16TMO inside a gold 2011-02-16)."""
    p, g = (predicted or "").strip().upper(), gold.strip().upper()
    return p == g or (len(g) == 10 and p.startswith(g + "T"))


def _speaker_forms(gold: Gold, speaker: str) -> set[str]:
    forms = {name_form(speaker)}
    entity = (gold.entities or {}).get(speaker)
    if entity is not None:
        forms.update(name_form(a) for a in entity.aliases)
    return forms


_ARTICLE = re.compile(r"^(?:(?:les|la|le)\s+|l')(?=\S)")
_HONORIFIC = re.compile(r"^(?:m\.|mm\.|mme|mmes|mlle|mgr|me|dr\.?|pr\.?)\s+(?=\S)")


def name_form(text: str) -> str:
    """A name as entities and speakers are compared: normalised, without a leading article or
    honorific ("la CPI" is the name "CPI", "l'AFP" is "AFP", "Mgr Descubes" is "Descubes"), a handle
    without its sign ("@acarvin" is "acarvin"), a hyphen as a space ("Moreno-Ocampo" is "Moreno Ocampo")."""
    return _HONORIFIC.sub("", _ARTICLE.sub("", normalise_text(text))).removeprefix("@").replace("-", " ")


def _written_together(alias: str, forms: frozenset[str]) -> bool:
    """Whether an alias is two of an entity's forms written side by side: a role and a name ("l'avocat
    Jacques Vergès", "le vice-ministre …, Radouane Nouicer"), a name and its acronym ("le Conseil
    national de transition (CNT)") — a system that found and linked both has resolved it."""
    words = alias.split()
    for i in range(1, len(words)):
        left = name_form(" ".join(words[:i]).rstrip(","))
        right = name_form(" ".join(words[i:]).strip("()"))
        if left in forms and right in forms:
            return True
    return False


def _match_quotes(pa: _Article, ga: GoldArticle, report: EvalReport) -> dict[int, int]:
    """One-to-one gold → predicted quote matches, best overlap first; at equal overlap a required
    gold quote before an optional one (a fragment marked optional inside a quotation does not take
    the prediction its whole quotation should have), then the pair where the gold text fills more of
    the prediction."""
    tokens = tokenise(pa.text)
    candidates: list[tuple[float, bool, float, int, int]] = []
    for gi, gq in enumerate(ga.quotes or ()):
        occurrences = _occurrence_words(pa.text, tokens, gq.text)
        if not occurrences:
            report.warnings.append(
                f"{ga.file}: gold quote not found in the cleaned text, compared by words: {_excerpt(gq.text)}"
            )
        for pi, pq in enumerate(pa.quotes):
            if occurrences:
                share = _span_share(occurrences, pq.span)
            else:
                share = _bag_share(gq.text, pa.text[pq.span[0] : pq.span[1]] or pq.text)
            if share >= TEXT_OVERLAP_SHARE:
                candidates.append((-share, gq.optional, -_filled(occurrences, pq.span), gi, pi))
    matches: dict[int, int] = {}
    used: set[int] = set()
    for *_, gi, pi in sorted(candidates):
        if gi not in matches and pi not in used:
            matches[gi] = pi
            used.add(pi)
    return matches


def _quotes(gold: Gold, pred: _Prediction, report: EvalReport) -> None:
    section = "quotes"
    names = ("precision", "recall", "f1", "speaker_accuracy")
    annotated = [a for a in gold.articles.values() if a.quotes is not None]
    if not annotated:
        _not_available(report, section, names, _NO_GOLD)
        return
    if not pred.any_quotes:
        _not_available(report, section, names, "not available (no quotes extracted)")
        return
    matched = predicted = expected = speakers = speakers_right = 0
    for ga in annotated:
        gold_quotes = ga.quotes or ()
        pa = pred.article(ga.file)
        if pa is None:
            expected += sum(not q.optional for q in gold_quotes)
            continue
        matches = _match_quotes(pa, ga, report)
        predicted += len(pa.quotes)
        for gi, gq in enumerate(gold_quotes):
            if gi not in matches:
                if not gq.optional:
                    expected += 1
                    report.details.append(Detail(section, ga.file, f"missed quote {_excerpt(gq.text)}"))
                continue
            matched += 1
            expected += 1
            if gq.speaker is None:
                continue
            speakers += 1
            said = matches[gi]
            forms = _speaker_forms(gold, gq.speaker)
            if any(name_form(n) in forms for n in pa.quotes[said].speakers):
                speakers_right += 1
            else:
                given = " / ".join(pa.quotes[said].speakers) or "none"
                report.details.append(
                    Detail(
                        section, ga.file, f"speaker {given!r}, gold {gq.speaker!r}, for {_excerpt(gq.text)}"
                    )
                )
        used = set(matches.values())
        report.details.extend(
            Detail(
                section, ga.file, f"spurious quote {_excerpt(pq.text or pa.text[pq.span[0] : pq.span[1]])}"
            )
            for pi, pq in enumerate(pa.quotes)
            if pi not in used
        )
    precision, recall = _ratio(matched, predicted), _ratio(matched, expected)
    report.metrics += [
        Metric(section, "precision", precision, predicted, "" if predicted else "no quotes in gold articles"),
        Metric(section, "recall", recall, expected),
        Metric(section, "f1", _f1(precision, recall), expected),
        Metric(
            section, "speaker_accuracy", _ratio(speakers_right, speakers), speakers, "over matched quotes"
        ),
    ]


def _timexes(gold: Gold, pred: _Prediction, report: EvalReport) -> None:
    section = "timexes"
    names = ("precision", "recall", "f1", "value_accuracy")
    annotated = [a for a in gold.articles.values() if a.timexes is not None]
    if not annotated:
        _not_available(report, section, names, _NO_GOLD)
        return
    if not pred.any_timexes:
        _not_available(report, section, names, "not available (no timexes extracted)")
        return
    predicted = predicted_right = expected = found = valued = values_right = 0
    for ga in annotated:
        gold_timexes = ga.timexes or ()
        expected += len(gold_timexes)
        pa = pred.article(ga.file)
        if pa is None:
            continue
        tokens = tokenise(pa.text)
        occurrences: list[list[Span]] = []
        for gt in gold_timexes:
            spans = locate(pa.text, gt.text, tokens)
            if not spans:
                report.warnings.append(f"{ga.file}: gold timex not found in the cleaned text: {gt.text!r}")
            occurrences.append(spans)
        every_occurrence = [s for spans in occurrences for s in spans]
        # Gold that annotates no duration or set (values "P…", "XXXX-…") cannot judge predicted ones.
        judges_all = any(gt.value and gt.value.startswith(("P", "XXXX")) for gt in gold_timexes)
        judged = [pt for pt in pa.timexes if judges_all or pt.type not in {"DURATION", "SET"}]
        predicted += len(judged)
        for pt in judged:
            if any(_overlaps(pt.span, s) for s in every_occurrence):
                predicted_right += 1
            else:
                report.details.append(Detail(section, ga.file, f"spurious timex {pt.text!r} ({pt.value})"))
        for gt, spans in zip(gold_timexes, occurrences, strict=True):
            hits = [pt for pt in pa.timexes if any(_overlaps(pt.span, s) for s in spans)]
            if not hits:
                value = f" ({gt.value})" if gt.value else ""
                report.details.append(Detail(section, ga.file, f"missed timex {gt.text!r}{value}"))
                continue
            found += 1
            if gt.value is None:
                continue  # its span counts; its value was not annotated
            valued += 1
            if any(_same_value(pt.value, gt.value) for pt in hits):
                values_right += 1
            else:
                given = ", ".join(str(pt.value) for pt in hits)
                report.details.append(
                    Detail(section, ga.file, f"timex {gt.text!r} valued {given}, gold {gt.value}")
                )
    precision, recall = _ratio(predicted_right, predicted), _ratio(found, expected)
    report.metrics += [
        Metric(section, "precision", precision, predicted),
        Metric(section, "recall", recall, expected),
        Metric(section, "f1", _f1(precision, recall), expected),
        Metric(
            section, "value_accuracy", _ratio(values_right, valued), valued, "over matched valued timexes"
        ),
    ]


def _entities(gold: Gold, pred: _Prediction, report: EvalReport) -> None:
    section = "entities"
    names = ("recall", "alias_recall")
    if gold.entities is None:
        _not_available(report, section, names, _NO_GOLD)
        return
    if not pred.entities:
        _not_available(report, section, names, "not available (no entities extracted)")
        return
    found = entities_total = aliases_total = aliases_found = 0
    texts = [_words(a.raw_text) for a in pred.articles.values()]
    for canonical, ge in gold.entities.items():
        written = [a for a in ge.aliases if _written_in(a, texts)]
        if len(written) < len(ge.aliases):  # a form no article writes cannot be resolved: not scored
            absent = ", ".join(repr(a) for a in ge.aliases if a not in written)
            report.details.append(
                Detail(section, None, f"{canonical!r}: not scored, written in no article: {absent}")
            )
        aliases = [name_form(a) for a in written]
        unwritten = not _written_in(canonical, texts)
        if unwritten and not aliases:
            report.details.append(Detail(section, None, f"{canonical!r}: not scored, no name of it written"))
            continue
        entities_total += 1
        aliases_total += len(aliases)
        candidates = [e for e in pred.entities if name_form(canonical) in e.forms]
        if not candidates:  # a canonical name no article writes ("Ignazio La Russa" for "Isnazio La
            # Russa"): the entity is looked for by its aliases; one written only inside a longer name
            # ("Conseil de sécurité des Nations unies") or that no entity goes by ("CPI" for "Cour pénale
            # internationale"), by those that name it alone — not a surname another bears ("Kadhafi")
            distinctive = [
                norm
                for alias, norm in zip(written, aliases, strict=True)
                if unwritten or " " in norm or (len(alias.split()[-1]) >= 2 and alias.split()[-1].isupper())
            ]
            candidates = [e for e in pred.entities if e.forms.intersection(distinctive)]
        if not candidates:
            report.details.append(Detail(section, None, f"missed entity {canonical!r}"))
            continue
        found += 1
        best = max(candidates, key=lambda e: sum(_resolved(a, e.forms) for a in aliases))
        missed = [a for a, norm in zip(written, aliases, strict=True) if not _resolved(norm, best.forms)]
        aliases_found += len(aliases) - len(missed)
        if missed:
            report.details.append(
                Detail(section, None, f"{canonical!r} lacks aliases {', '.join(map(repr, missed))}")
            )
    report.metrics += [
        Metric(section, "recall", _ratio(found, entities_total), entities_total),
        Metric(section, "alias_recall", _ratio(aliases_found, aliases_total), aliases_total),
    ]


def _written_in(alias: str, texts: list[str]) -> bool:
    """Whether some article writes ``alias``, word for word (case, quotes and spacing aside)."""
    words = _words(alias)
    return any(words in t for t in texts)


def _words(text: str) -> str:
    return " " + " ".join(t.key for t in tokenise(text)) + " "


def _resolved(alias: str, forms: frozenset[str]) -> bool:
    return alias in forms or _written_together(alias, forms)


def bcubed(predicted: Sequence[str | None], gold: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (Bagga & Baldwin 1998): for each item, the share
    of its predicted cluster that shares its gold label, and of its gold cluster that shares its
    predicted cluster; an item with no predicted cluster is a cluster of its own."""
    n = len(gold)
    if n == 0:
        return 0.0, 0.0, 0.0
    labels = [p if p is not None else f"\0{i}" for i, p in enumerate(predicted)]
    pair = Counter(zip(labels, gold, strict=True))
    by_pred, by_gold = Counter(labels), Counter(gold)
    precision = sum(pair[(p, g)] / by_pred[p] for p, g in zip(labels, gold, strict=True)) / n
    recall = sum(pair[(p, g)] / by_gold[g] for p, g in zip(labels, gold, strict=True)) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _clustering(gold: Gold, pred: _Prediction, report: EvalReport) -> None:
    """Stories and events against gold ``story``/``event`` labels, by B-cubed."""
    for level in ("story", "event"):
        section = f"{level}_clusters"
        names = ("bcubed_precision", "bcubed_recall", "bcubed_f1")
        labelled = [(f, getattr(a, level)) for f, a in gold.articles.items() if getattr(a, level)]
        if not labelled:
            _not_available(report, section, names, _NO_GOLD)
            continue
        predicted: list[str | None] = []
        for file, _ in labelled:
            pa = pred.article(file)
            predicted.append(getattr(pa, f"{level}_id") if pa is not None else None)
        if not any(predicted):
            _not_available(report, section, names, f"not available (no {level}s in the prediction)")
            continue
        p, r, f = bcubed(predicted, [g for _, g in labelled])
        support = len(labelled)
        report.metrics += [
            Metric(section, "bcubed_precision", p, support),
            Metric(section, "bcubed_recall", r, support),
            Metric(section, "bcubed_f1", f, support),
        ]


def _passage_matches(passage: _Passage, source: str, target: str, gold_text: str, pred: _Prediction) -> bool:
    """Whether a predicted passage, linking the same two articles, overlaps the gold passage."""
    # The gold passage is located in the target's text and, failing that, in the source's.
    for file in (target, source):
        article = pred.article(file)
        spans = locate(article.text, gold_text) if article else []
        if spans:
            side = passage.target_span if passage.target == file else passage.source_span
            return side is not None and any(_overlaps(side, s) for s in spans)
    return _bag_share(gold_text, passage.text) >= TEXT_OVERLAP_SHARE


def _reuse(gold: Gold, pred: _Prediction, report: EvalReport) -> None:
    section = "reuse"
    annotated = {a.file: a for a in gold.articles.values() if a.reused_from is not None}
    if not annotated:
        _not_available(report, section, ("precision", "recall", "direction_accuracy"), _NO_GOLD)
        return
    in_scope = [
        p
        for p in pred.passages
        if (p.source in annotated or p.target in annotated)
        and p.source in gold.articles
        and p.target in gold.articles
    ]
    right: set[int] = set()
    expected = found = forward = 0
    for target, ga in annotated.items():
        for source, passages in (ga.reused_from or {}).items():
            for text in passages:
                expected += 1
                hits = [
                    i
                    for i, p in enumerate(in_scope)
                    if {p.source, p.target} == {source, target}
                    and _passage_matches(p, source, target, text, pred)
                ]
                right.update(hits)
                if not hits:
                    report.details.append(
                        Detail(section, target, f"missed passage from {source}: {_excerpt(text)}")
                    )
                    continue
                found += 1
                if any(in_scope[i].source == source for i in hits):
                    forward += 1
                else:
                    report.details.append(Detail(section, target, f"passage from {source} found reversed"))
    for i, p in enumerate(in_scope):
        if i not in right:
            report.details.append(
                Detail(section, p.target, f"spurious passage from {p.source}: {_excerpt(p.text)}")
            )
    report.metrics += [
        Metric(
            section,
            "precision",
            _ratio(len(right), len(in_scope)),
            len(in_scope),
            "" if in_scope else "no reuse detected",
        ),
        Metric(section, "recall", _ratio(found, expected), expected),
        Metric(section, "direction_accuracy", _ratio(forward, found), found, "over matched passages"),
    ]


def _same_event(entry: GoldTimelineEntry, event: _Event) -> bool:
    """A predicted event points at the gold one: shared source articles, or most of its words."""
    if set(entry.articles) & event.files:
        return True
    return bool(entry.event) and _bag_share(entry.event, event.text) >= TEXT_OVERLAP_SHARE


def _timeline(gold: Gold, pred: _Prediction, report: EvalReport) -> None:
    section = "timeline"
    names = ("recall", "date_precision")
    entries = [e for t in gold.timelines or () for e in t.entries if e.event or e.articles]
    if not entries:
        _not_available(report, section, names, _NO_GOLD)
        return
    if not pred.events:
        _not_available(report, section, names, "not available (no events extracted)")
        return
    used: set[int] = set()
    found = 0
    related: dict[int, list[GoldTimelineEntry]] = {}
    for entry in entries:
        hit = None
        for i, event in enumerate(pred.events):
            if not _same_event(entry, event):
                continue
            related.setdefault(i, []).append(entry)
            if (
                hit is None
                and i not in used
                and date_matches(entry.date, entry.granularity, event.date, event.granularity)
            ):
                hit = i
        if hit is None:
            report.details.append(
                Detail(section, None, f"missed timeline entry {entry.date}: {_excerpt(entry.event)}")
            )
        else:
            used.add(hit)
            found += 1
    dated_right = 0
    for i, linked in sorted(related.items()):
        event = pred.events[i]
        if any(date_matches(e.date, e.granularity, event.date, event.granularity) for e in linked):
            dated_right += 1
        else:
            report.details.append(
                Detail(
                    section,
                    None,
                    f"event dated {event.date or 'none'}: {_excerpt(event.text)}, gold {linked[0].date}",
                )
            )
    report.metrics += [
        Metric(section, "recall", _ratio(found, len(entries)), len(entries)),
        Metric(
            section,
            "date_precision",
            _ratio(dated_right, len(related)),
            len(related),
            "over events linked to gold",
        ),
    ]


# --- timeline summarisation ----------------------------------------------------------------------
# The measures of timeline-summarisation research (Martschat & Markert 2017; Gholipour Ghalandari &
# Ifrim 2020) against reference timelines written by journalists: Date-F1 over the days chosen, ROUGE-1
# and ROUGE-2 F1 of all the sentences together ("concat"), and the same counting only n-grams shared
# by entries of the same day ("agreement"). Several references are averaged.

_TOKEN = re.compile(r"\w+")


def _references(gold: Gold) -> list[list[GoldTimelineEntry]]:
    return [
        [e for e in t.entries if e.sentences]
        for t in gold.timelines or ()
        if any(e.sentences for e in t.entries)
    ]


def summary_size(gold: Gold) -> tuple[int, int] | None:
    """(dates, sentences per date) of a timeline to compare with the gold's references — their mean
    length and mean sentences per date, as the research does — or None without references."""
    references = _references(gold)
    if not references:
        return None
    dates = round(sum(len(r) for r in references) / len(references))
    sentences = sum(len(e.sentences) for r in references for e in r) / sum(len(r) for r in references)
    return max(1, dates), max(1, round(sentences))


def _ngrams(texts: Iterable[str], n: int) -> Counter[tuple[str, ...]]:
    grams: Counter[tuple[str, ...]] = Counter()
    for text in texts:
        words = _TOKEN.findall(text.lower())
        grams.update(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
    return grams


def _rouge(
    predicted: Mapping[str, list[str]], reference: Mapping[str, list[str]], n: int, agreement: bool
) -> float:
    pred = {d: _ngrams(s, n) for d, s in predicted.items()}
    ref = {d: _ngrams(s, n) for d, s in reference.items()}
    if agreement:
        hits = sum(sum((pred[d] & ref[d]).values()) for d in pred.keys() & ref.keys())
    else:
        hits = sum((sum(pred.values(), Counter()) & sum(ref.values(), Counter())).values())
    p_total = sum(sum(c.values()) for c in pred.values())
    r_total = sum(sum(c.values()) for c in ref.values())
    precision, recall = (hits / p_total if p_total else 0.0), (hits / r_total if r_total else 0.0)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _timeline_summary(gold: Gold, pred: _Prediction, report: EvalReport) -> None:
    section = "timeline_summary"
    names = ("date_f1", "rouge1_f1", "rouge2_f1", "agreement_rouge1_f1", "agreement_rouge2_f1")
    references = _references(gold)
    if not references:
        _not_available(report, section, names, _NO_GOLD)
        return
    if pred.summary is None:
        _not_available(report, section, names, "not available (no timeline scored)")
        return
    predicted: dict[str, list[str]] = {}
    for date, sentences in pred.summary:
        predicted.setdefault(date, []).extend(sentences)
    scores: dict[str, list[float]] = {n: [] for n in names}
    for reference in references:
        ref: dict[str, list[str]] = {}
        for e in reference:
            ref.setdefault(e.date, []).extend(e.sentences)
        shared = len(predicted.keys() & ref.keys())
        scores["date_f1"].append(2 * shared / (len(predicted) + len(ref)) if predicted or ref else 0.0)
        for n in (1, 2):
            scores[f"rouge{n}_f1"].append(_rouge(predicted, ref, n, agreement=False))
            scores[f"agreement_rouge{n}_f1"].append(_rouge(predicted, ref, n, agreement=True))
        missed = sorted(ref.keys() - predicted.keys())
        if missed:
            report.details.append(Detail(section, None, f"reference dates not chosen: {', '.join(missed)}"))
    support = sum(len(r) for r in references)
    note = f"{len(pred.summary)} dates chosen; {len(references)} reference(s)"
    report.metrics += [Metric(section, n, sum(v) / len(v), support, note) for n, v in scores.items()]
