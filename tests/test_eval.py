"""The scorer behind ``chronique eval``: gold loading, entry resolution and every metric, on hand-built data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from chronique.errors import GoldError
from chronique.eval import EvalReport, evaluate, format_table, load_gold
from chronique.eval.gold import Gold, locate, normalise_text, parse_gold, resolve_entries
from chronique.eval.score import date_matches

REPO = Path(__file__).parent.parent
SAMPLES = REPO / "samples"
GOLD_DEV = Path(__file__).parent / "data" / "gold" / "seeds-dev.json"

TITLE = "Sommet à Helsinki"
RAW = (
    f"{TITLE}\n"
    "Par\u00a0AFP\n"
    "Partager cet article\n"
    "Le président russe a déclaré « nous sommes très contents de cette rencontre » mardi.\n"
    "M. Trump a salué un grand succès.\n"
    "Partager cet article\n"
    "Tous droits réservés. Toutes les informations sont protégées\n"
)
CONTENT = (
    "Le président russe a déclaré « nous sommes très contents de cette rencontre » mardi.\n"
    "M. Trump a salué un grand succès."
)
OTHER_TEXT = "Selon l'AFP, M. Trump a salué un grand succès. Rien d'autre."
FILE, OTHER = "a.txt", "b.txt"


def span_of(text: str, part: str, occurrence: int = 0) -> tuple[int, int]:
    """Offsets of the n-th occurrence of ``part`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def gold_dict() -> dict[str, Any]:
    return {
        "articles": {
            FILE: {
                "story": "helsinki",
                "event": "summit",
                "publication_date": {"value": "2018-07-24", "granularity": "day"},
                "title": TITLE,
                "boilerplate": [
                    "Partager cet article",
                    "Partager cet article",
                    "Tous droits réservés. Toutes (...)",
                ],
                "metadata_lines": ["Par AFP"],
                "quotes": [
                    {
                        "text": "nous sommes très contents de cette rencontre",
                        "speaker": "Vladimir Poutine",
                        "kind": "direct",
                        "cue": "a déclaré",
                    },
                    {"text": "un grand succès", "speaker": "Donald Trump", "kind": "mixed", "optional": True},
                ],
                "timexes": [{"text": "mardi", "value": "2018-07-24"}],
            },
            OTHER: {
                "story": "helsinki",
                "event": "reaction",
                "publication_date": {"value": "2018-07", "granularity": "month"},
                "reused_from": {FILE: ["M. Trump a salué un grand succès."]},
            },
        },
        "entities": {
            "Vladimir Poutine": {"type": "PER", "aliases": ["M. Poutine", "le président russe"]},
            "Donald Trump": {"type": "PER", "aliases": ["M. Trump"]},
        },
        "timelines": [
            {
                "story": "Sommet",
                "entries": [
                    {
                        "date": "2018-07-24",
                        "event": "Réaction russe",
                        "articles": [FILE],
                        "sentences": ["Le Kremlin salue la rencontre."],
                    }
                ],
            }
        ],
    }


def removed(raw: str, part: str, reason: str, occurrence: int = 0) -> dict[str, Any]:
    start, end = span_of(raw, part, occurrence)
    return {"start": start, "end": end, "reason": reason, "text": raw[start:end]}


def quote(text: str, part: str, speaker: str | None) -> dict[str, Any]:
    start, end = span_of(text, part)
    return {
        "start": start,
        "end": end,
        "text": part,
        "kind": "direct",
        "cue": "",
        "speaker": None if speaker is None else {"entity_id": None, "name": speaker},
        "confidence": 1.0,
    }


def perfect_export() -> dict[str, Any]:
    """A prediction that gets everything in ``gold_dict`` right."""
    mardi = span_of(CONTENT, "mardi")
    article = {
        "id": "A",
        "file": FILE,
        "url": None,
        "title": TITLE,
        "source": None,
        "language": "fr",
        "published": {"value": "2018-07-24", "granularity": "day", "evidence": "header"},
        "text": CONTENT,
        "raw_text": RAW,
        "removed": [
            removed(RAW, TITLE, "title"),
            removed(RAW, "Par\u00a0AFP", "byline"),
            removed(RAW, "Partager cet article", "share"),
            removed(RAW, "Partager cet article", "share", 1),
            removed(RAW, "Tous droits réservés. Toutes les informations sont protégées", "rights"),
        ],
        "quotes": [
            quote(CONTENT, "nous sommes très contents de cette rencontre", "M. Poutine"),
            quote(CONTENT, "un grand succès", "Donald Trump"),
        ],
        "timexes": [
            {"start": mardi[0], "end": mardi[1], "text": "mardi", "type": "DATE", "value": "2018-07-24"}
        ],
        "mentions": [],
        "event_id": "E1",
        "story_id": "S1",
    }
    other = {
        "id": "B",
        "story_id": "S1",
        "event_id": "E2",
        "file": OTHER,
        "published": {"value": "2018-07-25", "granularity": "day", "evidence": ""},
        "text": OTHER_TEXT,
        "raw_text": OTHER_TEXT,
        "removed": [],
        "quotes": [],
        "timexes": [],
    }
    src = span_of(CONTENT, "M. Trump a salué un grand succès.")
    tgt = span_of(OTHER_TEXT, "M. Trump a salué un grand succès.")
    return {
        "articles": [article, other],
        "entities": [
            {
                "id": "P1",
                "name": "Vladimir Poutine",
                "type": "PER",
                "aliases": ["M. Poutine", "le président russe"],
            },
            {"id": "P2", "name": "Donald Trump", "type": "PER", "aliases": ["M. Trump"]},
        ],
        "events": [
            {
                "id": "E1",
                "date": {"value": "2018-07-24", "granularity": "day"},
                "title": "Réaction russe au sommet",
                "summary": "",
                "article_ids": ["A"],
                "story_id": "S1",
            }
        ],
        "stories": [],
        "reuse": [
            {
                "source_id": "A",
                "target_id": "B",
                "passages": [
                    {
                        "source_start": src[0],
                        "source_end": src[1],
                        "target_start": tgt[0],
                        "target_end": tgt[1],
                        "text": "M. Trump a salué un grand succès.",
                    }
                ],
            }
        ],
    }


PERFECT_TIMELINE = [
    {"date": {"value": "2018-07-24", "granularity": "day"}, "sentences": ["Le Kremlin salue la rencontre."]}
]


def score(
    gold: dict[str, Any] | None = None,
    export: dict[str, Any] | None = None,
    timeline: list[dict[str, Any]] | None = None,
) -> EvalReport:
    return evaluate(parse_gold(gold or gold_dict()), export or perfect_export(), timeline or PERFECT_TIMELINE)


def first_article(export: dict[str, Any]) -> dict[str, Any]:
    article: dict[str, Any] = export["articles"][0]
    return article


# --- a perfect prediction ------------------------------------------------------------------------


def test_perfect_prediction_scores_one_everywhere() -> None:
    report = score()
    for metric in report.metrics:
        assert metric.value == pytest.approx(1.0), metric
    assert not report.warnings
    assert report.get("boilerplate", "recall") == 1.0
    assert report.metric("quotes", "recall").support == 2  # the optional quote was found, so it counts


def test_report_exports_json_and_a_table() -> None:
    report = score()
    data = json.loads(json.dumps(report.as_dict()))
    assert data["scores"]["quotes"]["f1"] == 1.0
    table = format_table(report)
    assert table.splitlines()[0].split() == ["section", "metric", "value", "support", "note"]
    assert "publication_date  accuracy" in table
    assert "1.000" in table


def test_metric_names_are_stable() -> None:
    names = {(m.section, m.name) for m in score().metrics}
    assert {
        ("boilerplate", "precision"),
        ("boilerplate", "recall"),
        ("publication_date", "accuracy"),
        ("publication_date", "year_accuracy"),
        ("quotes", "precision"),
        ("quotes", "recall"),
        ("quotes", "f1"),
        ("quotes", "speaker_accuracy"),
        ("timexes", "f1"),
        ("timexes", "value_accuracy"),
        ("entities", "recall"),
        ("entities", "alias_recall"),
        ("reuse", "precision"),
        ("reuse", "recall"),
        ("reuse", "direction_accuracy"),
        ("timeline", "recall"),
        ("timeline", "date_precision"),
        ("timeline_summary", "date_f1"),
        ("timeline_summary", "rouge1_f1"),
        ("timeline_summary", "rouge2_f1"),
        ("timeline_summary", "agreement_rouge1_f1"),
        ("timeline_summary", "agreement_rouge2_f1"),
    } <= names


# --- boilerplate ---------------------------------------------------------------------------------


def test_a_kept_boilerplate_line_lowers_recall_by_its_share() -> None:
    export = perfect_export()
    article = first_article(export)
    article["removed"] = [r for r in article["removed"] if r["reason"] != "rights"]
    report = score(export=export)
    assert report.get("boilerplate", "recall") == pytest.approx(3 / 4)
    assert report.get("boilerplate", "precision") == 1.0
    assert any("Tous droits" in d.message for d in report.details_for(FILE))


def test_a_line_mostly_removed_counts_as_removed() -> None:
    export = perfect_export()
    article = first_article(export)
    line = "Tous droits réservés. Toutes les informations sont protégées"
    start, end = span_of(RAW, line)
    kept = int(len(line.replace(" ", "")) * 0.05)  # 5% of the line kept
    article["removed"][-1].update(start=start, end=end - kept)
    assert score(export=export).get("boilerplate", "recall") == 1.0
    article["removed"][-1].update(start=start, end=end - 4 * kept)  # 20% kept
    assert score(export=export).get("boilerplate", "recall") == pytest.approx(3 / 4)


def test_removing_content_lowers_precision_by_characters() -> None:
    export = perfect_export()
    article = first_article(export)
    article["removed"] = [removed(RAW, "Par\u00a0AFP", "byline"), removed(RAW, "M. Trump", "junk")]
    report = score(export=export)
    # "ParAFP" (6 non-space characters) is gold, "M.Trump" (7) is content.
    assert report.get("boilerplate", "precision") == pytest.approx(6 / 13)
    assert report.metric("boilerplate", "precision").support == 13
    assert any("content characters" in d.message for d in report.details_for(FILE))


def test_title_spans_count_neither_for_nor_against_precision() -> None:
    export = perfect_export()
    article = first_article(export)
    article["removed"] = [removed(RAW, "Par\u00a0AFP", "byline"), removed(RAW, "Le président russe", "title")]
    report = score(export=export)
    assert report.get("boilerplate", "precision") == 1.0
    assert report.metric("boilerplate", "precision").support == len("ParAFP")


def test_off_topic_inserts_count_for_precision() -> None:
    gold = gold_dict()
    gold["articles"][FILE]["off_topic_inserts"] = ["M. Trump a salué un grand succès."]
    export = perfect_export()
    first_article(export)["removed"].append(removed(RAW, "M. Trump a salué un grand succès.", "off-topic"))
    report = score(gold, export)
    assert report.get("boilerplate", "precision") == 1.0
    assert report.metric("boilerplate", "recall").support == 4  # inserts are not boilerplate lines


def test_nothing_removed_makes_precision_not_available() -> None:
    export = perfect_export()
    first_article(export)["removed"] = []
    report = score(export=export)
    assert report.get("boilerplate", "precision") is None
    assert report.metric("boilerplate", "precision").note == "nothing removed"
    assert report.get("boilerplate", "recall") == 0.0


def test_entry_conventions_resolve_to_the_right_spans() -> None:
    raw = (
        "Titre répété\n"
        "Titre répété\n"
        "Lire aussi : un autre article, avec un long titre\n"
        "Texte. Partager\n"
        "Partager\n"
        "corps\n"
        "Partager\n"
        "Partager\n"
    )
    entries = ["Titre répété (second copy)", "Lire aussi : (...)", "Partager", "Partager"]
    spans = [r.span for r in resolve_entries(entries, raw)]
    # "Partager" listed twice: the first two whole lines "Partager", not the end of "Texte. Partager".
    partager = [span_of(raw, "\nPartager\n", n) for n in (0, 1)]
    assert spans == [
        span_of(raw, "Titre répété", 1),
        span_of(raw, "Lire aussi : un autre article, avec un long titre"),
        *[(start + 1, end - 1) for start, end in partager],
    ]


def test_entries_match_across_nbsp_case_and_quotes() -> None:
    raw = "Par\u00a0AFP\nMIS À JOUR « le 3 mai »\n"
    resolved = resolve_entries(["Par AFP", 'mis à jour "le 3 mai"'], raw)
    assert [r.span for r in resolved] == [
        span_of(raw, "Par\u00a0AFP"),
        span_of(raw, "MIS À JOUR « le 3 mai »"),
    ]


def test_entry_inside_a_line_resolves_to_the_passage() -> None:
    raw = ' date 2018-07 "Bonjour", a-t-il dit.\n'
    [resolved] = resolve_entries(["date 2018-07"], raw)
    assert resolved.span == span_of(raw, "date 2018-07")


def test_unresolvable_entries_are_reported_not_raised() -> None:
    raw = "Partager\nTexte\n"
    resolved = resolve_entries(["Introuvable", "Partager (second copy)"], raw)
    assert [r.span for r in resolved] == [None, None]
    assert resolved[0].problem == "not found"
    assert "1 occurrence" in resolved[1].problem
    gold = gold_dict()
    gold["articles"][FILE]["boilerplate"].append("Cette ligne n'existe pas")
    report = score(gold)
    assert any("Cette ligne" in w for w in report.warnings)
    assert report.get("boilerplate", "recall") == 1.0


# --- publication dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "granularity", "value", "predicted_granularity", "expected"),
    [
        ("2018-07-24", "day", "2018-07-24", "day", True),
        ("2018-07-24", "day", "2018-07-23", "day", False),
        ("2018-07-24", "day", "2018-07", "month", False),  # coarser than gold
        ("2018-07", "month", "2018-07-03", "day", True),  # a day inside the gold month
        ("2018-07", "month", "2018-08-03", "day", False),
        ("2018-07", "month", "2018", "year", False),
        ("2018", "year", "2018-12-31", "day", True),
        ("2018-07-24", "day", None, "unknown", False),
    ],
)
def test_date_matching_rules(
    gold: str, granularity: str, value: str | None, predicted_granularity: str, expected: bool
) -> None:
    assert date_matches(gold, granularity, value, predicted_granularity) is expected


def test_publication_date_accuracy_and_year_accuracy() -> None:
    export = perfect_export()
    first_article(export)["published"] = {"value": "2018-07", "granularity": "month", "evidence": ""}
    report = score(export=export)
    # a.txt: a month for a gold day is wrong; b.txt: a day inside the gold month is right.
    assert report.get("publication_date", "accuracy") == 0.5
    assert report.get("publication_date", "year_accuracy") == 1.0
    assert any("2018-07 (month)" in d.message for d in report.details_for(FILE))


# --- quotes --------------------------------------------------------------------------------------


def quote_gold(
    text: str, *, optional: bool = False, speaker: str | None = "Vladimir Poutine"
) -> dict[str, Any]:
    gold = gold_dict()
    gold["articles"][FILE]["quotes"] = [
        {"text": text, "speaker": speaker, "kind": "direct", "optional": optional}
    ]
    return gold


def export_with_quotes(*quotes: dict[str, Any]) -> dict[str, Any]:
    export = perfect_export()
    first_article(export)["quotes"] = list(quotes)
    return export


@pytest.mark.parametrize(
    ("predicted", "matches"),
    [
        ("sommes très", False),  # 2 of the 6 gold words: just under half
        ("sommes très contents", True),  # 3 of 6: half
        ("nous sommes très contents", True),
        ("de cette rencontre", True),
        ("cette rencontre", False),
        ("nous sommes très contents de cette rencontre", True),
    ],
)
def test_quote_overlap_threshold_is_half_the_gold_words(predicted: str, matches: bool) -> None:
    gold = quote_gold("sommes très contents de cette rencontre")
    report = score(gold, export_with_quotes(quote(CONTENT, predicted, "M. Poutine")))
    assert report.get("quotes", "recall") == (1.0 if matches else 0.0)
    assert report.get("quotes", "precision") == (1.0 if matches else 0.0)


def test_quotes_match_one_to_one() -> None:
    export = export_with_quotes(
        quote(CONTENT, "nous sommes très contents", "M. Poutine"),
        quote(CONTENT, "contents de cette rencontre", "M. Poutine"),
    )
    report = score(quote_gold("nous sommes très contents de cette rencontre"), export)
    assert report.get("quotes", "recall") == 1.0
    assert report.get("quotes", "precision") == 0.5
    assert report.get("quotes", "f1") == pytest.approx(2 / 3)


def test_an_optional_fragment_does_not_take_the_prediction_of_its_whole_quotation() -> None:
    # The optional fragment comes first in the gold and is as wholly covered as the quotation.
    gold = quote_gold("de cette rencontre", optional=True)
    whole = {
        "text": "nous sommes très contents de cette rencontre",
        "speaker": "Vladimir Poutine",
        "kind": "direct",
    }
    gold["articles"][FILE]["quotes"].append({**whole, "optional": False})
    report = score(gold, export_with_quotes(quote(CONTENT, whole["text"], "M. Poutine")))
    assert report.get("quotes", "recall") == 1.0 and report.get("quotes", "precision") == 1.0


def test_optional_quotes_count_only_when_found() -> None:
    gold = gold_dict()
    export = export_with_quotes(quote(CONTENT, "nous sommes très contents de cette rencontre", "M. Poutine"))
    report = score(gold, export)
    assert report.get("quotes", "recall") == 1.0
    assert report.metric("quotes", "recall").support == 1
    gold["articles"][FILE]["quotes"][1]["optional"] = False
    assert score(gold, export).get("quotes", "recall") == 0.5


@pytest.mark.parametrize(
    ("speaker", "right"),
    [
        ("Vladimir Poutine", True),
        ("M. Poutine", True),
        ("  LE PRÉSIDENT   russe ", True),
        ("M. Trump", False),
        (None, False),
    ],
)
def test_speaker_accuracy_accepts_gold_aliases(speaker: str | None, right: bool) -> None:
    export = export_with_quotes(quote(CONTENT, "nous sommes très contents de cette rencontre", speaker))
    report = score(quote_gold("nous sommes très contents de cette rencontre"), export)
    assert report.get("quotes", "speaker_accuracy") == (1.0 if right else 0.0)
    assert report.metric("quotes", "speaker_accuracy").support == 1


def test_speaker_accuracy_ignores_quotes_without_gold_speaker() -> None:
    export = export_with_quotes(quote(CONTENT, "nous sommes très contents de cette rencontre", None))
    report = score(quote_gold("nous sommes très contents de cette rencontre", speaker=None), export)
    assert report.get("quotes", "recall") == 1.0
    assert report.get("quotes", "speaker_accuracy") is None


def test_no_quotes_at_all_is_not_available() -> None:
    report = score(export=export_with_quotes())
    for name in ("precision", "recall", "f1", "speaker_accuracy"):
        metric = report.metric("quotes", name)
        assert metric.value is None
        assert metric.note == "not available (no quotes extracted)"
    assert "n/a" in format_table(report)


def test_gold_quote_text_with_straight_quotes_matches_curly_text() -> None:
    text = "Il a jugé le sommet «\u00a0mieux que super\u00a0», selon lui."
    gold = quote_gold('le sommet "mieux que super"')
    export = export_with_quotes(quote(text, "le sommet «\u00a0mieux que super\u00a0»", "M. Poutine"))
    first_article(export)["text"] = text
    first_article(export)["timexes"] = []
    report = score(gold, export)
    assert report.get("quotes", "recall") == 1.0
    assert not [w for w in report.warnings if "quote" in w]


# --- timexes, entities, reuse, timeline ----------------------------------------------------------


def test_timex_span_and_value() -> None:
    export = perfect_export()
    first_article(export)["timexes"][0]["value"] = "2018-07-17"
    mardi = span_of(CONTENT, "mardi")
    first_article(export)["timexes"].append(
        {"start": 0, "end": 2, "text": "Le", "type": "DATE", "value": "2018"}
    )
    report = score(export=export)
    assert report.get("timexes", "recall") == 1.0
    assert report.get("timexes", "precision") == 0.5
    assert report.get("timexes", "f1") == pytest.approx(2 / 3)
    assert report.get("timexes", "value_accuracy") == 0.0
    first_article(export)["timexes"] = [{"start": mardi[0] - 3, "end": mardi[0] + 2, "value": "2018-07-24"}]
    assert score(export=export).get("timexes", "f1") == 1.0


def test_a_gold_timex_without_a_value_counts_for_its_span_only() -> None:
    # An article whose publication date is unknown: the annotator marks "mardi" but cannot value it.
    gold = gold_dict()
    del gold["articles"][FILE]["timexes"][0]["value"]
    export = perfect_export()
    first_article(export)["timexes"][0]["value"] = "2018-07-17"
    report = score(gold, export)
    assert report.get("timexes", "f1") == 1.0
    assert report.get("timexes", "value_accuracy") is None  # nothing to judge a value by
    assert "2018-07-24" not in str(report.details)


def test_durations_are_judged_only_by_gold_that_annotates_durations() -> None:
    export = perfect_export()
    first_article(export)["timexes"].append(
        {"start": 0, "end": 2, "text": "Le", "type": "DURATION", "value": "P2D"}
    )
    assert score(export=export).get("timexes", "precision") == 1.0  # the gold has no "P…" value
    first_article(export)["timexes"][-1]["type"] = "DATE"
    assert score(export=export).get("timexes", "precision") == 0.5


def test_entity_recall_and_alias_recall() -> None:
    export = perfect_export()
    export["entities"] = [
        {"id": "P1", "name": "Poutine", "type": "PER", "aliases": ["Vladimir Poutine"]},
        {"id": "X", "name": "Kremlin", "type": "ORG", "aliases": []},
    ]
    first_article(export)["mentions"] = [
        {"start": 0, "end": 18, "text": "Le président russe", "entity_id": "P1"}
    ]
    report = score(export=export)
    assert report.get("entities", "recall") == 0.5
    # "le président russe" comes from a linked mention; "M. Trump" is missing; "M. Poutine" is written
    # in no article, so it is not scored.
    assert report.get("entities", "alias_recall") == pytest.approx(1 / 2)


def test_an_entity_whose_canonical_name_no_article_writes_is_found_by_its_written_names() -> None:
    gold = gold_dict()
    gold["entities"] = {
        "Donald J. Trump": {"type": "PER", "aliases": ["M. Trump"]},  # the texts never write this name
        "Vladimir V. Poutine": {"type": "PER", "aliases": ["V. V. Poutine"]},  # nor any of these
        "@Kremlin": {"type": "ORG", "aliases": []},  # a handle, compared without its sign
    }
    export = perfect_export()
    export["entities"] = [
        {"id": "P2", "name": "Trump", "type": "PER", "aliases": ["M. Trump"]},
        {"id": "K", "name": "Kremlin", "type": "ORG", "aliases": []},
    ]
    first_article(export)["raw_text"] += " Le Kremlin a répondu."
    report = score(gold, export)
    assert report.get("entities", "recall") == 1.0  # two scored, two found
    assert report.metric("entities", "recall").support == 2
    assert any("no name of it written" in d.message for d in report.details)
    export["entities"] = [{"id": "K", "name": "Kremlin", "type": "ORG", "aliases": []}]
    assert score(gold, export).get("entities", "recall") == 0.5


def test_an_entity_whose_canonical_name_only_a_longer_name_writes_is_found_by_an_alias() -> None:
    gold = gold_dict()
    gold["entities"] = {  # "Kremlin" is written inside "Kremlin de Moscou", no entity goes by it alone
        "Kremlin": {"type": "ORG", "aliases": ["le Kremlin de Moscou"]},
    }
    export = perfect_export()
    export["entities"] = [{"id": "K", "name": "Kremlin de Moscou", "type": "ORG", "aliases": []}]
    first_article(export)["raw_text"] += " Le Kremlin de Moscou a répondu."
    report = score(gold, export)
    assert report.get("entities", "recall") == 1.0 and report.get("entities", "alias_recall") == 1.0
    export["entities"] = [{"id": "M", "name": "Moscou", "type": "LOC", "aliases": []}]
    assert score(gold, export).get("entities", "recall") == 0.0
    # An acronym names the body alone; a surname another person bears does not find the person.
    gold["entities"] = {
        "Cour pénale internationale": {"type": "ORG", "aliases": ["la CPI"]},
        "Mouammar Kadhafi": {"type": "PER", "aliases": ["Kadhafi"]},
    }
    first_article(export)["raw_text"] += " La Cour pénale internationale (la CPI) vise Mouammar Kadhafi."
    export["entities"] = [
        {"id": "C", "name": "CPI", "type": "ORG", "aliases": []},
        {"id": "S", "name": "Saïf al-Islam Kadhafi", "type": "PER", "aliases": ["Kadhafi"]},
    ]
    assert score(gold, export).get("entities", "recall") == 0.5


def test_reuse_direction_and_spurious_passages() -> None:
    export = perfect_export()
    link = export["reuse"][0]
    link["source_id"], link["target_id"] = "B", "A"
    passage = link["passages"][0]
    passage["source_start"], passage["target_start"] = passage["target_start"], passage["source_start"]
    passage["source_end"], passage["target_end"] = passage["target_end"], passage["source_end"]
    report = score(export=export)
    assert report.get("reuse", "recall") == 1.0
    assert report.get("reuse", "direction_accuracy") == 0.0
    export["reuse"][0]["passages"].append(
        {"source_start": 0, "source_end": 10, "target_start": 0, "target_end": 10, "text": "Selon l'AF"}
    )
    assert score(export=export).get("reuse", "precision") == 0.5


def test_timeline_entries_match_by_date_and_sources() -> None:
    export = perfect_export()
    export["events"][0]["date"] = {"value": "2018-07", "granularity": "month"}
    report = score(export=export)
    assert report.get("timeline", "recall") == 0.0
    assert report.get("timeline", "date_precision") == 0.0
    export["events"][0]["article_ids"] = []
    export["events"][0]["date"] = {"value": "2018-07-24", "granularity": "day"}
    assert score(export=export).get("timeline", "recall") == 1.0  # matched by its text


def test_timeline_summary_date_f1_and_rouge_by_hand() -> None:
    reference = [
        {"date": "2011-02-15", "sentences": ["A b c d."]},
        {"date": "2011-02-17", "sentences": ["e f"]},
    ]
    gold = parse_gold(reference)  # the shape of CL-TLS and timeline17 reference timelines
    assert gold.articles == {} and gold.timelines is not None and len(gold.timelines[0].entries) == 2
    predicted = [
        {"date": {"value": "2011-02-15", "granularity": "day"}, "sentences": ["a B x"]},
        {"date": {"value": "2011-03-01", "granularity": "day"}, "sentences": ["e f"]},
    ]
    report = evaluate(gold, {"articles": []}, predicted)
    # One date of two on each side; unigrams a b e f shared of 5 and 6; bigrams (a b) (e f) of 3 and 4;
    # on the shared date only a b, and (a b).
    expected = {"date_f1": 0.5, "rouge1_f1": 2 * 0.8 * 4 / 6 / (0.8 + 4 / 6), "rouge2_f1": 4 / 7}
    expected["agreement_rouge1_f1"] = 2 * (2 / 5) * (2 / 6) / (2 / 5 + 2 / 6)
    expected["agreement_rouge2_f1"] = 2 * (1 / 3) * (1 / 4) / (1 / 3 + 1 / 4)
    for name, value in expected.items():
        assert report.get("timeline_summary", name) == pytest.approx(value), name
    assert report.get("timeline", "recall") is None  # sentence-only entries are not events to find
    assert any("2011-02-17" in d.message for d in report.details)
    assert evaluate(gold, {"articles": []}).get("timeline_summary", "date_f1") is None


def test_missing_article_scores_as_misses() -> None:
    export = perfect_export()
    export["articles"] = export["articles"][1:]
    export["reuse"] = []
    report = score(export=export)
    assert report.get("boilerplate", "recall") == 0.0
    assert report.get("publication_date", "accuracy") == 0.5
    assert any("missing" in w for w in report.warnings)


def test_sections_without_gold_are_not_available() -> None:
    report = evaluate(parse_gold({"articles": {FILE: {"title": TITLE}}}), perfect_export())
    assert report.get("boilerplate", "recall") is None
    assert report.metric("entities", "recall").note == "not annotated in gold"


# --- loading gold --------------------------------------------------------------------------------


def test_load_gold_reads_the_format(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold_dict()), encoding="utf-8")
    gold = load_gold(path)
    article = gold.articles[FILE]
    assert article.boilerplate == (
        "Partager cet article",
        "Partager cet article",
        "Tous droits réservés. Toutes (...)",
    )
    assert article.off_topic_inserts is None  # not annotated, which is not "none"
    assert article.quotes is not None and article.quotes[1].optional
    assert gold.entities is not None and gold.entities["Donald Trump"].aliases == ("M. Trump",)
    assert gold.timelines is not None and gold.timelines[0].entries[0].granularity == "day"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "invalid JSON at line 1"),
        ("[]", "the top level: expected an object"),
        ('{"articles": {"a.txt": {"quotes": {}}}}', "articles['a.txt'].quotes: expected a list"),
        ('{"articles": {"a.txt": {"quotes": [{"speaker": null}]}}}', "quotes[0].text: expected a string"),
        ('{"articles": {"a.txt": {"publication_date": {"value": "24/07/2018"}}}}', "expected a date"),
        (
            '{"articles": {"a.txt": {"publication_date": {"value": "2018", "granularity": "day"}}}}',
            "does not have granularity",
        ),
        ('{"entities": {"X": {"aliases": "Y"}}}', "entities['X'].aliases: expected a list"),
    ],
)
def test_broken_gold_raises_gold_error_naming_the_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError) as info:
        load_gold(path)
    assert str(path) in str(info.value)
    assert message in str(info.value)


def test_unreadable_gold_raises_gold_error(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="cannot read"):
        load_gold(tmp_path / "absent.json")


def test_normalisation_and_locate() -> None:
    assert normalise_text("  «Bonjour»\u00a0L’AMI ") == '"bonjour" l\'ami'
    assert locate("a b. A  B", "a b") == [(0, 3), (5, 9)]


# --- the real gold file --------------------------------------------------------------------------


def test_every_dev_gold_entry_resolves_in_its_sample() -> None:
    gold: Gold = load_gold(GOLD_DEV)
    assert gold.articles
    for name, article in gold.articles.items():
        raw = (SAMPLES / name).read_text(encoding="utf-8")
        for field in (article.boilerplate, article.metadata_lines, article.off_topic_inserts):
            resolved = resolve_entries(field or (), raw)
            assert all(r.span is not None for r in resolved), [r for r in resolved if r.span is None]
            spans = [r.span for r in resolved]
            assert len(set(spans)) == len(spans), f"{name}: two entries resolve to one span"


def test_verbose_table_lists_the_details() -> None:
    export = perfect_export()
    first_article(export)["removed"] = first_article(export)["removed"][:-1]
    report = score(export=export)
    assert "Tous droits" not in format_table(report)
    verbose = format_table(report, verbose=True)
    assert f"{FILE}\n  boilerplate: kept boilerplate line 'Tous droits réservés. Toutes (...)'" in verbose


def test_bcubed_scores_clusters_against_gold_labels() -> None:
    from chronique.eval.score import bcubed

    assert bcubed(["x", "x", "y"], ["a", "a", "b"]) == (1.0, 1.0, 1.0)
    p, r, f = bcubed(["x", "x", "x", "x"], ["a", "a", "b", "b"])  # everything in one cluster
    assert (p, r) == (0.5, 1.0) and f == pytest.approx(2 / 3)
    p, r, _ = bcubed([None, None], ["a", "a"])  # unclustered items are singletons
    assert (p, r) == (1.0, 0.5)


@pytest.mark.parametrize(
    ("words", "right"), [("le président russe", True), ("un diplomate", False), (None, False)]
)
def test_a_quote_given_to_no_entity_is_judged_by_the_words_naming_its_speaker(
    words: str | None, right: bool
) -> None:
    said = quote(CONTENT, "nous sommes très contents de cette rencontre", None)
    said["speaker_text"] = words
    report = score(quote_gold("nous sommes très contents de cette rencontre"), export_with_quotes(said))
    assert report.get("quotes", "speaker_accuracy") == (1.0 if right else 0.0)


def test_a_time_of_day_refines_a_gold_day_but_another_day_does_not() -> None:
    export = perfect_export()
    for value, right in (("2018-07-24TMO", True), ("2018-07-24T10:00", True), ("2018-07-23TMO", False)):
        first_article(export)["timexes"][0]["value"] = value
        assert score(export=export).get("timexes", "value_accuracy") == (1.0 if right else 0.0), value


def test_an_alias_is_the_same_name_with_or_without_its_article() -> None:
    export = perfect_export()
    export["entities"] = [
        {"id": "P1", "name": "Vladimir Poutine", "type": "PER", "aliases": ["président russe"]}
    ]
    first_article(export)["mentions"] = [{"start": 0, "end": 7, "text": "Poutine", "entity_id": "P1"}]
    # The gold's "le président russe" is the entity's "président russe"; Donald Trump's "M. Trump" is
    # missing ("M. Poutine", written in no article, is not scored).
    assert score(export=export).get("entities", "alias_recall") == pytest.approx(1 / 2)


def test_an_alias_written_as_a_role_and_a_name_needs_both_linked() -> None:
    export = perfect_export()
    text = "Le président russe Vladimir Poutine a parlé. M. Trump a répondu."
    first_article(export)["text"] = first_article(export)["raw_text"] = text
    gold = gold_dict()
    gold["entities"] = {
        "Vladimir Poutine": {"type": "PER", "aliases": ["le président russe Vladimir Poutine"]},
        "Donald Trump": {"type": "PER", "aliases": ["M. Trump"]},
    }
    export["entities"] = [
        {"id": "P1", "name": "Vladimir Poutine", "type": "PER", "aliases": []},
        {"id": "P2", "name": "Trump", "type": "PER", "aliases": []},
        {"id": "P3", "name": "Donald Trump", "type": "PER", "aliases": []},
    ]
    first_article(export)["mentions"] = [
        {"start": 0, "end": 18, "text": "Le président russe", "entity_id": "P1"},
        {"start": 46, "end": 54, "text": "M. Trump", "entity_id": "P2"},
    ]
    report = score(gold, export)
    # Role and name linked to one entity resolve the alias that writes them together; "M. Trump" is
    # the name "Trump" with its honorific, but of another entity than the gold's "Donald Trump".
    assert report.get("entities", "alias_recall") == pytest.approx(1 / 2)
    first_article(export)["mentions"][0]["entity_id"] = "P3"  # the role now names someone else
    assert score(gold, export).get("entities", "alias_recall") == 0.0


def test_name_forms_drop_only_a_real_article() -> None:
    from chronique.eval.score import name_form

    assert name_form("Luis Moreno-Ocampo") == name_form("Luis Moreno Ocampo") == "luis moreno ocampo"
    assert name_form("@acarvin") == "acarvin"
    assert [name_form(t) for t in ("les insurgés", "l'AFP", "la CPI", "Laurent Fabius", "Lagarde")] == [
        "insurgés", "afp", "cpi", "laurent fabius", "lagarde",
    ]  # fmt: skip
    assert [name_form(t) for t in ("Mgr Descubes", "M. Koussa", "Me Tarbel", "Mehdi", "Mme")] == [
        "descubes", "koussa", "tarbel", "mehdi", "mme",
    ]  # fmt: skip
