"""The quality gate: `chronique eval` on the bundled gold, with pinned minimum scores.

A regression fails CI. Never lower a minimum without saying why in the change's note.
"""

from __future__ import annotations

import json
from pathlib import PurePath

import pytest

from chronique import evaluate
from chronique.eval import EvalReport

from .conftest import GOLD, ROOT, SAMPLES

MINIMUMS = {
    ("boilerplate", "precision"): 0.95,
    ("boilerplate", "recall"): 0.95,
    ("publication_date", "accuracy"): 1.0,
    ("publication_date", "year_accuracy"): 1.0,
    ("timexes", "f1"): 0.9,
    ("timexes", "value_accuracy"): 0.9,
    # Who said what (issue 3 asks for 0.90, 0.90, 1.0, 0.9; measured 1.0, 1.0, 1.0, 0.96).
    ("quotes", "f1"): 0.95,
    ("quotes", "speaker_accuracy"): 0.95,
    ("entities", "recall"): 1.0,
    ("entities", "alias_recall"): 0.92,
}


@pytest.fixture(scope="module")
def report() -> EvalReport:
    return evaluate(GOLD, [str(SAMPLES)])


@pytest.mark.parametrize(("section", "metric"), list(MINIMUMS))
def test_score_is_at_least_the_pinned_minimum(report: EvalReport, section: str, metric: str) -> None:
    value = report.get(section, metric)
    assert value is not None, f"{section} {metric} is not measured"
    assert value >= MINIMUMS[(section, metric)], f"{section} {metric} = {value:.3f}"


# Stories and events on RPM2 (gold story = TNN, event = TNN_CK of the file names). Issue 6 asks for
# 0.90 and 0.80; measured 0.905 and 0.665 when these pins were set (0.886 and 0.637 before clusters
# that an article bridges were merged; 0.805 and 0.597 before entity features were weighted by their
# names' idf and before dates written with another year stopped dating articles).
CLUSTER_MINIMUMS = {
    ("story_clusters", "bcubed_f1"): 0.90,
    ("event_clusters", "bcubed_f1"): 0.65,
}


@pytest.fixture(scope="module")
def clusters_report() -> EvalReport:
    return evaluate(
        ROOT / "tests" / "data" / "gold" / "rpm2-clusters.json", [str(ROOT / "data" / "rpm2" / "documents")]
    )


@pytest.mark.parametrize(("section", "metric"), list(CLUSTER_MINIMUMS))
def test_clustering_is_at_least_the_pinned_minimum(
    clusters_report: EvalReport, section: str, metric: str
) -> None:
    value = clusters_report.get(section, metric)
    assert value is not None, f"{section} {metric} is not measured"
    assert value >= CLUSTER_MINIMUMS[(section, metric)], f"{section} {metric} = {value:.3f}"


# Timeline summarisation on CL-TLS's French Libya topic against the journalists' reference timeline
# (28 dates): measured Date-F1 0.286, ROUGE-1 0.494, ROUGE-2 0.158, agreement ROUGE-1 0.060 and
# ROUGE-2 0.015 when these pins were set.
TIMELINE_MINIMUMS = {
    ("timeline_summary", "date_f1"): 0.25,
    ("timeline_summary", "rouge1_f1"): 0.45,
    ("timeline_summary", "rouge2_f1"): 0.13,
    ("timeline_summary", "agreement_rouge1_f1"): 0.045,
}


@pytest.fixture(scope="module")
def timeline_report() -> EvalReport:
    libya = ROOT / "data" / "cltls-libya"
    return evaluate(libya / "reference-timeline.json", [str(libya / "articles.jsonl")])


@pytest.mark.parametrize(("section", "metric"), list(TIMELINE_MINIMUMS))
def test_timeline_is_at_least_the_pinned_minimum(
    timeline_report: EvalReport, section: str, metric: str
) -> None:
    value = timeline_report.get(section, metric)
    assert value is not None, f"{section} {metric} is not measured"
    assert value >= TIMELINE_MINIMUMS[(section, metric)], f"{section} {metric} = {value:.3f}"


# Articles Chronique was not developed on: 16 crawled pages of CL-TLS Libya (bare text, publication
# dates held back) and the quotations of 10 RPM2 articles, annotated for development without looking
# at Chronique's output, and 10 more CL-TLS pages annotated after the changes they measure
# (tests/data/gold/README.md). Measured when these pins were first set: boilerplate precision 1.000 and
# recall 0.859 (0.680 before link runs, signatures and paywall lines), publication dates 0.375, quotes
# F1 0.860 and speakers 0.767; on RPM2, quotes F1 0.787 and speakers 0.612; held out, boilerplate
# recall 0.682 (0.264 before), quotes F1 0.719 (0.709), timexes F1 0.908 (0.877). Raised on 2026-11-24
# after the day's work measured: boilerplate recall 0.877, quotes F1 0.910, speakers 0.810; RPM2 quotes
# F1 0.817, speakers 0.704; held out, boilerplate recall 0.736, quotes F1 0.779, speakers 0.857. Raised
# on 2026-11-24 (later) when readers' comments under the article were removed: boilerplate recall 0.935
# (0.924 once only the blocks closing the page could be comments), held out 0.782, held out a second
# time 0.895 (precision 0.997). Then names went on past "al-" and other
# transliterations of a person's given names, bodies' shorter names and undated periphrases of a holder
# named by surname joined their entity: alias recall 0.401 (0.374 before) and, held out a second time,
# 0.505 (0.463); 0.495 after the review's mend (loose keys kept the syllables of the given names).
# Raised on 2026-11-24 (a later session) when roles apposed with their complements were named whole,
# an unnamed member of a named body spoke for it, posts embedded with their handle first were quoted
# and their authors became persons, names fused with a role or a body were split, calls to act and
# bare infinitives reported their content: speakers 0.833, aliases 0.429; held out, quotes F1 0.831
# and speakers 0.883; held out a second time, quotes F1 0.858, entities 0.873 (0.676), aliases 0.537,
# speakers 0.807 on the pages (0.815: a call newly found goes to the capital that issued it) and 0.833
# on RPM2; held out a third time, speakers 0.726, entities 0.912 (0.794), aliases 0.443.
UNSEEN_MINIMUMS = {
    ("cltls", "boilerplate", "precision"): 0.98,
    ("cltls", "boilerplate", "recall"): 0.92,
    ("cltls", "publication_date", "accuracy"): 0.37,
    ("cltls", "quotes", "f1"): 0.92,
    ("cltls", "quotes", "speaker_accuracy"): 0.81,
    ("cltls", "timexes", "f1"): 0.9,
    ("cltls", "entities", "alias_recall"): 0.5,
    ("rpm2", "quotes", "f1"): 0.84,
    ("rpm2", "quotes", "speaker_accuracy"): 0.82,  # 0.704 → 0.851 on 2026-11-25: a portrait's subject
    ("heldout", "boilerplate", "precision"): 0.98,
    ("heldout", "boilerplate", "recall"): 0.85,
    ("heldout", "quotes", "f1"): 0.83,
    ("heldout", "quotes", "speaker_accuracy"): 0.86,
    ("heldout", "timexes", "f1"): 0.88,
    # The three other samples (measured: quotes F1 0.967, speakers 1.0, timexes F1 1.0, boilerplate
    # recall 1.0; the Sochi article's year is nowhere in its text, so one date in three is unknown).
    ("seeds", "quotes", "f1"): 0.92,
    ("seeds", "quotes", "speaker_accuracy"): 0.9,
    ("seeds", "timexes", "f1"): 0.95,
    ("seeds", "boilerplate", "recall"): 0.95,
    ("seeds", "publication_date", "accuracy"): 0.66,
    # Held out a second time (8 more CL-TLS pages, 8 RPM2 articles of other stories), annotated while
    # the code stood at bd71214 and measured on it before any change they suggested (the code of the
    # session's start, 420a4ff, scored the same but speakers 0.714 and aliases 0.389 on the pages): on the pages, boilerplate precision 0.816 and recall 0.517, quotes F1
    # 0.621, speakers 0.755, aliases 0.463; on RPM2, quotes F1 0.867, speakers 0.775. Then the pages
    # showed that caption runs took titles into link lists, that quoted tweets were removed as links and
    # never quoted; after those fixes and the review's mend: boilerplate precision 0.994 and recall 0.674,
    # quotes F1 0.821, speakers 0.805; RPM2 quotes F1 0.876, speakers 0.780.
    ("heldout2", "boilerplate", "precision"): 0.98,
    ("heldout2", "boilerplate", "recall"): 0.87,
    ("heldout2", "quotes", "f1"): 0.83,
    ("heldout2", "quotes", "speaker_accuracy"): 0.8,
    ("heldout2", "entities", "recall"): 0.85,
    ("heldout2", "entities", "alias_recall"): 0.51,
    ("rpm2-heldout", "quotes", "f1"): 0.88,
    ("rpm2-heldout", "quotes", "speaker_accuracy"): 0.8,
    # Held out a third time (10 more CL-TLS pages, annotated on 2026-11-24 while the day's changes were
    # made, and first scored when they were done): boilerplate precision 0.999 and recall 0.752, quotes
    # F1 0.763, speakers 0.658, entities 0.794, aliases 0.369. The code of the day's start scored the
    # same but quotes F1 0.751 and speakers 0.634: the readers' comments rule found no comments
    # there (one page has some, under a share bar, but in too plain a voice). After the day's later
    # changes and the review's mend: speakers 0.671, aliases 0.385.
    ("heldout3", "boilerplate", "precision"): 0.98,
    ("heldout3", "boilerplate", "recall"): 0.78,
    ("heldout3", "quotes", "f1"): 0.79,
    ("heldout3", "quotes", "speaker_accuracy"): 0.74,
    ("heldout3", "entities", "recall"): 0.92,
    ("heldout3", "entities", "alias_recall"): 0.45,
    # The first two sets' pages with their publication dates (as a JSONL feed gives them): how well
    # "mardi", "la veille", "au début du mois de mai" resolve when the anchor is right (on the bare
    # pages, most values are wrong or unknown only because the page never says when it was published).
    # Measured on 2026-11-24: 0.968 and 0.975, then 1.000 and 0.975 once a part of a named month was
    # that month and "se prépare à" made a weekday future.
    ("cltls-dated", "timexes", "value_accuracy"): 0.97,
    ("cltls-dated", "publication_date", "accuracy"): 0.99,
    ("heldout-dated", "timexes", "value_accuracy"): 0.95,
    # Held out a fourth time (10 more CL-TLS pages with temporal expressions, annotated on 2026-11-24 by
    # reading the texts alone). The code of that session's start, 624c835, scored boilerplate precision
    # 0.987 and recall 0.852, quotes F1 0.764, speakers 0.774, entities 0.630, aliases 0.354, timex
    # values 0.898 given the publication dates; first scored once the day's first changes were made
    # (aliases 0.369, the rest the same). After the changes it then suggested and the review's mend:
    # quotes F1 0.865, speakers 0.870 (press heads' names), entities 0.864 (posts' authors), aliases 0.390.
    ("heldout4", "boilerplate", "precision"): 0.98,
    ("heldout4", "boilerplate", "recall"): 0.83,
    ("heldout4", "quotes", "f1"): 0.85,
    ("heldout4", "quotes", "speaker_accuracy"): 0.85,
    ("heldout4", "entities", "recall"): 0.92,  # 0.864 → 0.951 on 2026-11-25: groups as bodies, the eval
    ("heldout4", "entities", "alias_recall"): 0.37,
    ("heldout4-dated", "timexes", "f1"): 0.9,
    ("heldout4-dated", "timexes", "value_accuracy"): 0.87,
    # Held out a fifth time (6 CL-TLS pages of outlets the other sets barely touch — Slate, Challenges,
    # Le Monde, 20 Minutes, Libération, the Nouvel Obs — and 5 RPM2 articles of the five stories no
    # other RPM2 gold touches), annotated on 2026-11-25 by reading the texts alone and first scored on
    # the code of that session's start, 5d16822: on the pages boilerplate precision 0.837 and recall
    # 0.592 (a paragraph wrapped at a fixed width was removed as a run of headlines), quotes F1 0.754,
    # speakers 0.744, entities 0.736, aliases 0.348, temporal expressions F1 0.780 and values 0.974
    # given the publication dates; on RPM2 quotes F1 0.737, speakers 0.902, entities 0.744, aliases
    # 0.562. After the changes of that session (and an outside review's mend): on the pages boilerplate
    # precision 0.997 and recall 0.646, publication dates 4 of 4 (0.5 before), quotes F1 0.838, speakers
    # 0.833, entities 0.806, aliases 0.369, temporal expressions F1 0.854 given the dates; on RPM2 quotes
    # F1 0.759, speakers 0.907, aliases 0.609.
    ("heldout5", "boilerplate", "precision"): 0.98,
    ("heldout5", "boilerplate", "recall"): 0.77,
    ("heldout5", "publication_date", "accuracy"): 0.74,
    ("heldout5", "quotes", "f1"): 0.87,
    ("heldout5", "quotes", "speaker_accuracy"): 0.83,
    ("heldout5", "entities", "recall"): 0.88,  # 0.806 → 0.917 on 2026-11-25
    ("heldout5", "entities", "alias_recall"): 0.35,
    ("heldout5-dated", "timexes", "f1"): 0.89,
    ("heldout5-dated", "timexes", "value_accuracy"): 0.93,
    ("rpm2-heldout2", "quotes", "f1"): 0.73,
    ("rpm2-heldout2", "quotes", "speaker_accuracy"): 0.87,
    ("rpm2-heldout2", "entities", "recall"): 0.71,
    ("rpm2-heldout2", "entities", "alias_recall"): 0.58,
    ("rpm2-heldout2", "timexes", "f1"): 0.92,
    # Held out a sixth time at that session's end (5 more CL-TLS pages, 3 more RPM2 articles), annotated
    # by reading the texts alone and scored once, blind, on its final code and on the code of its start:
    # the same figures on both (that day's rules did not fire on these texts). Pages: boilerplate
    # precision 1.000 and recall 0.765, quotes F1 0.754, speakers 0.727, entities 0.562, aliases 0.451,
    # temporal expressions F1 0.919 (values 1.000 given the dates); RPM2: quotes F1 0.742, speakers 0.613,
    # entities 0.879, aliases 0.455, temporal expressions F1 0.957.
    ("heldout6", "boilerplate", "precision"): 0.98,
    ("heldout6", "boilerplate", "recall"): 0.83,
    ("heldout6", "quotes", "f1"): 0.79,  # 0.754 → 0.774 on 2026-11-25 (accusations, verbs of aspect)
    ("heldout6", "quotes", "speaker_accuracy"): 0.7,
    ("heldout6", "entities", "recall"): 0.78,  # 0.562 → 0.719 on 2026-11-25
    ("heldout6", "entities", "alias_recall"): 0.6,
    ("heldout6-dated", "timexes", "f1"): 0.93,
    ("heldout6-dated", "timexes", "value_accuracy"): 0.97,
    ("rpm2-heldout3", "quotes", "f1"): 0.75,  # 0.742 → 0.783 on 2026-11-25 (colon after a long lead)
    ("rpm2-heldout3", "quotes", "speaker_accuracy"): 0.72,  # 0.613 → 0.765: an unnamed role's "il"
    ("rpm2-heldout3", "entities", "recall"): 0.85,
    ("rpm2-heldout3", "entities", "alias_recall"): 0.43,
    ("rpm2-heldout3", "timexes", "f1"): 0.94,
    # Held out a seventh time (6 more CL-TLS pages: Le Point, Le Figaro, the Nouvel Obs, Libération, Le
    # Monde, Global Voices; 4 more RPM2 articles), annotated by two helpers from the texts alone at the
    # start of the session of 2026-11-25 and scored once, blind, at its end, on its final code and on the
    # code of its start (with the day's evaluation): the same figures on both but RPM2 entities (0.841 →
    # 0.864) and aliases (0.500 → 0.513). Pages: boilerplate precision 0.981 and recall 0.901, quotes F1
    # 0.841 (P 0.918, R 0.776), speakers 0.905, entities 0.892, aliases 0.444, temporal expressions F1
    # 0.879 (values 0.781 given the dates); RPM2: quotes F1 0.746, speakers 0.636, timexes F1 0.933.
    ("heldout7", "boilerplate", "precision"): 0.96,
    ("heldout7", "boilerplate", "recall"): 0.9,
    ("heldout7", "quotes", "f1"): 0.85,
    ("heldout7", "quotes", "speaker_accuracy"): 0.9,
    ("heldout7", "entities", "recall"): 0.86,
    ("heldout7", "entities", "alias_recall"): 0.41,
    ("heldout7-dated", "timexes", "f1"): 0.92,
    # 0.75 before "la veille" and "la matinée" took up the last day named (2026-11-25, fourth session): on one
    # page the dataset date is a day early, and the four expressions it newly finds inherit that error.
    ("heldout7-dated", "timexes", "value_accuracy"): 0.69,
    ("rpm2-heldout4", "quotes", "f1"): 0.82,
    ("rpm2-heldout4", "quotes", "speaker_accuracy"): 0.7,
    ("rpm2-heldout4", "entities", "recall"): 0.83,
    ("rpm2-heldout4", "entities", "alias_recall"): 0.52,
    ("rpm2-heldout4", "timexes", "f1"): 0.97,
    # Raised on 2026-11-25 (the day's third session) after the link runs took headlines flagged
    # "Abonnés", readers' comments right under the article went, coordinated speech verbs reported their
    # own words, untagged acronyms joined their bodies, and the evaluation matched a required quotation
    # before an optional fragment of it and found entities by a distinctive alias: boilerplate recall
    # 0.933 / 0.882 / 0.813 / 0.800 / 0.863 / 0.932 (dev, held out 1, 3, 5, 6, 7), quotes F1 0.946 /
    # 0.861 / 0.817 / 0.879 / 0.900 / 0.820 / 0.880 (dev, 1, 3, 4, 5, 6, 7), RPM2 0.865 / 0.911 / 0.857
    # (dev, held out 1 and 4).
    # Held out an eighth time (6 more CL-TLS pages: a Le Point live page, Global Voices, Le Figaro twice,
    # Libération, Le Point; 4 more RPM2 articles), annotated by two helpers from the texts alone at the
    # start of that session and scored once, blind, at its end, on its final code and on the code of its
    # start (fc9dc43, with the day's evaluation): pages boilerplate precision 1.000 and recall 0.703 →
    # 0.739, quotes F1 0.840 → 0.848 (P 0.920 → 0.939, R 0.773), speakers 0.734, entities 0.885,
    # aliases 0.495, temporal expressions F1 0.525 (the live page's clock times are no gold timexes;
    # values 1.000 given the dates); RPM2 quotes F1 0.789, speakers 0.818, entities 0.921, aliases
    # 0.409, temporal expressions F1 0.911 — the same on both. After its misses were read (no longer
    # blind): caption credits, cut-off notices, a subject before a colon, a body's role reaching its
    # cause: boilerplate recall 0.804, speakers 0.785, aliases 0.500.
    ("heldout8", "boilerplate", "precision"): 0.98,
    ("heldout8", "boilerplate", "recall"): 0.77,
    ("heldout8", "quotes", "f1"): 0.82,
    ("heldout8", "quotes", "speaker_accuracy"): 0.75,
    ("heldout8", "entities", "recall"): 0.85,
    ("heldout8", "entities", "alias_recall"): 0.46,
    ("heldout8-dated", "timexes", "f1"): 0.55,
    ("heldout8-dated", "timexes", "value_accuracy"): 0.97,
    ("rpm2-heldout5", "quotes", "f1"): 0.76,
    ("rpm2-heldout5", "quotes", "speaker_accuracy"): 0.78,
    ("rpm2-heldout5", "entities", "recall"): 0.89,
    ("rpm2-heldout5", "entities", "alias_recall"): 0.38,
    ("rpm2-heldout5", "timexes", "f1"): 0.91,
    # Held out a ninth time (6 more CL-TLS pages: Libération/AFP, Le Point/AFP, Global Voices, Le Monde, a
    # Le Figaro interview, Le Figaro; 4 more RPM2 articles), annotated by two helpers from the texts alone
    # at the start of the session of 2026-11-25 (the day's fourth) and scored blind on its starting code
    # (87893a2): pages boilerplate precision 1.000 and recall 0.957, quotes F1 0.854 (P 0.976, R 0.759),
    # speakers 0.750, entities 0.954, aliases 0.472, temporal expressions F1 0.931 (values 1.000 given the
    # dates); RPM2 quotes F1 0.762 (P 0.889, R 0.667), speakers 0.792, entities 0.880, aliases 0.539,
    # temporal expressions F1 0.717 (R 0.613). Its misses were then read (an interview printed as turns,
    # a clause with a subject of its own after "et", a future verb, "la veille" and a part of the day,
    # years with no cue): quotes F1 0.961 and 0.862, speakers 0.805 and 0.857, temporal expressions F1
    # 0.975 and 0.884 (values 0.983 given the dates).
    ("heldout9", "boilerplate", "precision"): 0.98,
    ("heldout9", "boilerplate", "recall"): 0.96,  # 0.957 blind, 0.991 after series notices and follow buttons
    ("heldout9", "quotes", "f1"): 0.93,
    ("heldout9", "quotes", "speaker_accuracy"): 0.79,
    ("heldout9", "entities", "recall"): 0.92,
    ("heldout9", "entities", "alias_recall"): 0.45,
    ("heldout9-dated", "timexes", "f1"): 0.94,
    ("heldout9-dated", "timexes", "value_accuracy"): 0.95,
    ("rpm2-heldout6", "quotes", "f1"): 0.83,
    ("rpm2-heldout6", "quotes", "speaker_accuracy"): 0.82,
    ("rpm2-heldout6", "entities", "recall"): 0.85,
    ("rpm2-heldout6", "entities", "alias_recall"): 0.52,
    ("rpm2-heldout6", "timexes", "f1"): 0.85,
}


# The CL-TLS gold sets (their pages written as bare .txt files, publication dates held back), those
# also scored with the dates (as JSONL), and the RPM2 gold sets, each under the key its pins use.
PAGE_SETS = {
    "cltls": "cltls-dev",
    "heldout": "cltls-heldout",
    "heldout2": "cltls-heldout-2",
    "heldout3": "cltls-heldout-3",
    "heldout4": "cltls-heldout-4",
    "heldout5": "cltls-heldout-5",
    "heldout6": "cltls-heldout-6",
    "heldout7": "cltls-heldout-7",
    "heldout8": "cltls-heldout-8",
    "heldout9": "cltls-heldout-9",
}
DATED_SETS = {
    "cltls-dated": "cltls-dev",
    "heldout-dated": "cltls-heldout",
    "heldout4-dated": "cltls-heldout-4",
    "heldout5-dated": "cltls-heldout-5",
    "heldout6-dated": "cltls-heldout-6",
    "heldout7-dated": "cltls-heldout-7",
    "heldout8-dated": "cltls-heldout-8",
    "heldout9-dated": "cltls-heldout-9",
}
RPM2_SETS = {
    "rpm2": "rpm2-quotes-dev",
    "rpm2-heldout": "rpm2-heldout",
    "rpm2-heldout2": "rpm2-heldout-2",
    "rpm2-heldout3": "rpm2-heldout-3",
    "rpm2-heldout4": "rpm2-heldout-4",
    "rpm2-heldout5": "rpm2-heldout-5",
    "rpm2-heldout6": "rpm2-heldout-6",
}


@pytest.fixture(scope="module")
def unseen_reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, EvalReport]:
    gold = ROOT / "tests" / "data" / "gold"

    def articles(corpus: str) -> dict[str, object]:
        return json.loads((gold / f"{corpus}.json").read_text(encoding="utf-8"))["articles"]  # type: ignore[no-any-return]

    with (ROOT / "data" / "cltls-libya" / "articles.jsonl").open(encoding="utf-8") as rows:
        pages = [json.loads(line) for line in rows]
    folders = {}
    for corpus in PAGE_SETS.values():
        names = articles(corpus)
        folders[corpus] = tmp_path_factory.mktemp(corpus)
        dated = []  # the same pages with their publication dates, as JSONL
        for row in pages:
            name = PurePath(row["file"]).name
            if name in names:
                (folders[corpus] / name).write_text(row["text"], encoding="utf-8")
                dated.append(json.dumps({**row, "file": name}, ensure_ascii=False) + "\n")
        (folders[corpus].parent / f"{corpus}.jsonl").write_text("".join(dated), encoding="utf-8")
    documents = ROOT / "data" / "rpm2" / "documents"
    return {
        **{key: evaluate(gold / f"{c}.json", [str(folders[c])]) for key, c in PAGE_SETS.items()},
        **{
            key: evaluate(gold / f"{c}.json", [str(folders[c].parent / f"{c}.jsonl")])
            for key, c in DATED_SETS.items()
        },
        **{
            key: evaluate(gold / f"{c}.json", [str(documents / name) for name in sorted(articles(c))])
            for key, c in RPM2_SETS.items()
        },
        "seeds": evaluate(gold / "seeds-rest-dev.json", [str(SAMPLES)]),
    }


@pytest.mark.parametrize(("corpus", "section", "metric"), list(UNSEEN_MINIMUMS))
def test_unseen_articles_score_at_least_the_pinned_minimum(
    unseen_reports: dict[str, EvalReport], corpus: str, section: str, metric: str
) -> None:
    value = unseen_reports[corpus].get(section, metric)
    assert value is not None, f"{corpus} {section} {metric} is not measured"
    assert value >= UNSEEN_MINIMUMS[(corpus, section, metric)], f"{corpus} {section} {metric} = {value:.3f}"
