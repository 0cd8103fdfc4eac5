"""Temporal expressions and publication dates, on hand-built sentences and articles."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from chronique import Chronique
from chronique.dates.calendar import PartialDate
from chronique.dates.corpus import Dated, refine
from chronique.dates.publication import collect_evidence, date_article
from chronique.dates.timex import find_timexes, resolve
from chronique.lang import get_language
from chronique.model import PublicationDate
from chronique.settings import Settings

from .conftest import ROOT, TODAY

FR = get_language("fr")
ANCHOR = PartialDate(2018, 7, 24)  # a Tuesday


def published(text: str) -> PublicationDate:
    """The publication date the text alone supports (no metadata)."""
    return date_article(collect_evidence(text, {}, [], FR), FR, TODAY)


def values(text: str, anchor: PartialDate = ANCHOR) -> dict[str, str | None]:
    return {m.text: resolve(m, anchor).value for m in find_timexes(text, FR)}


def test_relative_expressions_resolve_against_the_anchor() -> None:
    got = values(
        "Le sommet s'est tenu la semaine dernière, a déclaré mardi le conseiller. Jeudi dernier, il avait"
        " annoncé une visite à l'automne. Le 16 juillet, les deux hommes ont parlé. Hier, il a démenti."
    )
    assert got == {
        "la semaine dernière": "2018-W29",
        "mardi": "2018-07-24",
        "Jeudi dernier": "2018-07-19",
        "à l'automne": "2018-FA",
        "16 juillet": "2018-07-16",
        "Hier": "2018-07-23",
    }


def test_tense_gives_the_direction_of_a_bare_weekday() -> None:
    assert values("Washington a inculpé vendredi douze agents.")["vendredi"] == "2018-07-20"
    assert values("Il sera en visite vendredi à Paris.")["vendredi"] == "2018-07-27"


def test_future_month_and_year_boundaries() -> None:
    assert values("Une réunion est prévue pour août.")["pour août"] == "2018-08"
    assert (
        values("Le sommet aura lieu début janvier.", PartialDate(2018, 12, 10))["début janvier"] == "2019-01"
    )
    assert (
        values("Il avait été arrêté le 28 décembre.", PartialDate(2019, 1, 5))["28 décembre"] == "2018-12-28"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Je pense que sa décision a été prise.",
        "Il est au pouvoir depuis 18 mois.",
        "Il a vu Mars au télescope.",
    ],
)
def test_known_traps_are_not_dates(text: str) -> None:
    assert [m for m in find_timexes(text, FR, durations=True) if m.type in {"DATE", "TIME"}] == []


def test_weekday_and_day_of_month_fix_the_year() -> None:
    text = "Ils se sont rencontrés samedi 11 novembre au Vietnam, en marge du sommet de 2017."
    ev = collect_evidence(text, {}, [], FR)
    pub = date_article(ev, FR, TODAY)
    assert (pub.value, pub.granularity) == ("2017-11-11", "day")


def test_a_rights_notice_year_is_never_the_publication_year() -> None:
    # "© 2024" lives in a removed copyright span: not evidence. Nothing else dates the text.
    ev = collect_evidence("Le ministre a démissionné mardi.", {}, [], FR)
    pub = date_article(ev, FR, TODAY)
    assert pub.value is None and pub.granularity == "unknown"


def test_update_line_without_year_takes_the_date_header_year() -> None:
    ev = collect_evidence("Texte.", {"date": "2019-05", "updated": "à 08h36 le 15/05"}, [], FR)
    pub = date_article(ev, FR, TODAY)
    assert (pub.value, pub.method) == ("2019-05-15", "update-line")


def test_update_line_alone_keeps_what_it_knows() -> None:
    ev = collect_evidence("Texte sans date.", {"updated": "à 08h36 le 15/05"}, [], FR)
    pub = date_article(ev, FR, TODAY)
    assert pub.value is None and pub.partial == "XXXX-05-15"


def test_declared_date_wins() -> None:
    ev = collect_evidence(
        "Le 3 mars 2001, il a parlé.", {"date": "2018-07"}, [], FR, declared="2011-02-16T10:00"
    )
    pub = date_article(ev, FR, TODAY)
    assert (pub.value, pub.granularity, pub.method) == ("2011-02-16", "day", "declared")


@pytest.mark.parametrize("declared", ["not a date", "2018-02-30"])
def test_a_declared_date_that_is_no_date_is_said_and_the_text_dates_the_article(declared: str) -> None:
    ev = collect_evidence("Le sommet s'est tenu jeudi 12 juillet 2018.", {}, [], FR, declared=declared)
    pub = date_article(ev, FR, TODAY)
    assert pub.method == "text" and pub.value is not None and pub.value.startswith("2018-07")
    assert pub.evidence.startswith(f"declared date {declared!r} is no date; "), pub.evidence


def test_header_month_only() -> None:
    ev = collect_evidence("Il a parlé vendredi.", {"date": "2018-07"}, [], FR)
    pub = date_article(ev, FR, TODAY)
    assert (pub.value, pub.granularity) == ("2018-07", "month")


def test_relative_dates_pick_the_day_after_the_latest_dated_event() -> None:
    text = (
        "Le sommet du 16 juillet a eu lieu la semaine dernière, a déclaré mardi le porte-parole."
        " Le président avait été élu en 2016."
    )
    ev = collect_evidence(text, {}, [], FR)
    assert date_article(ev, FR, TODAY, year_hint=2018).value == "2018-07-24"


def test_corpus_lends_a_year_and_a_day_to_articles_on_the_same_event() -> None:
    texts = {
        "a": (  # month-only date header; the article reports the summit itself
            "Le sommet de Bruxelles sur la pêche en Atlantique s'est achevé sur un accord sur les quotas de"
            " thon rouge, a annoncé la commissaire européenne lors d'une conférence de presse."
        ),
        "b": (  # dates the summit, but has no year of its own
            "Les ministres ont salué l'accord sur les quotas de thon rouge conclu lors du sommet de Bruxelles"
            " sur la pêche le 12 mars, a indiqué jeudi un porte-parole."
        ),
        "c": "Le club de football de Lens a remporté son match contre Nantes samedi 9 mars devant ses supporteurs.",
    }
    meta = {"a": {"date": "2019-03"}, "b": {}, "c": {}}
    pool = []
    for key, text in texts.items():
        ev = collect_evidence(text, meta[key], [], FR)
        pool.append(Dated(key, key, text, ev, date_article(ev, FR, TODAY)))
    assert pool[0].published.value == "2019-03" and pool[1].published.value is None
    updates = refine(pool, FR, TODAY)
    assert updates["b"].value == "2019-03-14" and updates["b"].method == "corpus"  # the Thursday after
    assert updates["a"].value == "2019-03-12"
    assert "c" not in updates  # unrelated: no year is lent


def test_no_year_is_lent_across_months() -> None:
    a = "Le sommet de Bruxelles sur la pêche et les quotas de thon rouge s'est achevé sur un accord."
    b = "Après le sommet de Bruxelles sur la pêche et les quotas de thon rouge, le 15/05, un accord a été signé."
    pool = []
    for key, text, meta in (("a", a, {"date": "2019-09"}), ("b", b, {})):
        ev = collect_evidence(text, meta, [], FR)
        pool.append(Dated(key, key, text, ev, date_article(ev, FR, TODAY)))
    assert "b" not in refine(pool, FR, TODAY)


def test_reference_date_is_never_later_than_today() -> None:
    ev = collect_evidence("Le sommet aura lieu le 3 mai 2031.", {}, [], FR)
    assert date_article(ev, FR, dt.date(2026, 1, 1)).value is None


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("Date : 24/07/2018", "2018-07-24"),
        ("date 24 juillet 2018", "2018-07-24"),
        ("date 2018-07", "2018-07"),
    ],
)
def test_date_header_forms(header: str, value: str) -> None:
    from chronique.clean import clean

    cleaned = clean(f"{header}\nLe ministre a démissionné mardi, a annoncé l'Elysée dans un communiqué.", FR)
    assert cleaned.text.startswith("Le ministre")
    ev = collect_evidence(cleaned.text, cleaned.metadata, [], FR)
    assert date_article(ev, FR, TODAY).value == value


def test_a_weekday_fixes_the_year_of_its_own_mention_never_the_year_after() -> None:
    # Friday 13 June fell in 1986, 1997, 2003, 2008...: "1987" is the year after a fit, which only a
    # publication in an earlier month than the mention may take (next test). Here nothing dates it.
    text = "Le présentateur, à l'antenne depuis 1987, a été remercié vendredi 13 juin par la chaîne."
    pub = published(text)
    assert pub.value is None or not pub.value.startswith("1987"), pub


def test_a_publication_in_january_after_a_december_weekday_takes_the_next_year() -> None:
    text = "Le sommet de 2018 s'était ouvert vendredi 28 décembre à Paris."
    ev = collect_evidence(text, {"updated": "à 08h36 le 05/01"}, [], FR)
    pub = date_article(ev, FR, TODAY)
    assert (pub.value, pub.method) == ("2019-01-05", "update-line")


def test_a_date_with_its_year_beside_year_less_dates_is_history_not_the_time_of_writing() -> None:
    text = (
        "Le 15 juin 1962, la Cour internationale de justice attribuait le temple au Cambodge. "
        "Les soldats se sont affrontés jeudi 17 juillet près du temple."
    )
    pub = published(text)
    assert pub.value is None or not pub.value.startswith("1962"), pub
    alone = date_article(
        collect_evidence("Le traité a été signé le 15 juin 1962 à Genève.", {}, [], FR), FR, TODAY
    )
    assert alone.value is not None and alone.value.startswith("1962-06")  # nothing else: it is the date told


def test_a_pluperfect_dates_background_and_a_statement_keeps_its_day() -> None:
    text = "Le ministre a déclaré mardi que la réforme avait été adoptée le 5 mars."
    found = {m.text: m.anterior for m in find_timexes(text, FR)}
    assert found == {"mardi": False, "5 mars": True}
    fronted = "Le 23 août 2005, le journal L'Equipe avait révélé que le coureur avait triché."
    assert [m.anterior for m in find_timexes(fronted, FR)] == [True]


@pytest.mark.parametrize(
    "text",
    [
        # Background in the pluperfect: no time of writing.
        "Le 23 août 2005, le journal L'Equipe avait révélé que le cycliste avait utilisé de l'EPO.",
        # The start of a state that still holds.
        "L'otage était retenue dans la jungle depuis le 23 février 2002 par la guérilla.",
    ],
)
def test_background_dates_do_not_date_the_article(text: str) -> None:
    assert published(text).value is None


def test_a_weekday_year_is_never_that_of_a_pluperfects_background() -> None:
    # Sunday 7 December fell in 2003 and 2008; 2003 is the background's year, so the article is later.
    text = (
        "Dimanche 7 décembre, le président élu a annoncé avoir choisi le général Shinseki. "
        "En 2003, le général avait alerté en vain le secrétaire à la défense."
    )
    pub = published(text)
    assert pub.value is None or pub.value > "2004", pub


def test_a_weekday_takes_the_year_after_the_latest_the_text_reports() -> None:
    # Wednesday 17 December fell in 1986, 1997, 2003, 2008, 2014, 2025: after May 2007, 2008.
    text = (
        "L'Assemblée nationale a adopté, mercredi 17 décembre, la réforme de l'audiovisuel. Pour la "
        "première fois depuis l'élection du président en mai 2007, des députés de la majorité ont voté contre."
    )
    pub = published(text)
    assert pub.value is not None and pub.value.startswith("2008-12"), pub


def test_this_weekend_is_the_coming_one_unless_the_clause_tells_of_the_past() -> None:
    # The anchor is Tuesday 24 July 2018, in ISO week 30.
    assert values("La SNCF prévoit « un trafic très perturbé » ce week-end.") == {
        "ce week-end": "2018-W30-WE"
    }
    assert values("Ce week-end, le club a battu son rival.") == {"Ce week-end": "2018-W29-WE"}
    assert values("Le trafic sera perturbé le week-end prochain.") == {"le week-end prochain": "2018-W30-WE"}


def test_two_mentions_of_one_text_share_their_year() -> None:
    # Friday 14 March fell in 2008: "le 24 janvier", another mention (not the publication day), is of
    # the same year, not of the year after.
    text = (
        "Le trader a été mis en examen le 24 janvier. La banque a présenté vendredi 14 mars ses "
        "comptes de 2007."
    )
    pub = published(text)
    assert pub.value is not None and pub.value.startswith("2008-03"), pub


def test_a_signature_line_with_its_stamps_gives_the_publication_day_not_the_update() -> None:
    line = "Le Monde avec Reuters Publié le 18 mai 2011 à 22h07 - Mis à jour le 20 mai 2011 à 10h12"
    found = [(kind, m["value"]) for kind, rx in FR.metadata_lines if (m := rx.match(line))]
    assert found == [("published", "18 mai 2011 à 22h07")]
    ev = collect_evidence(
        "Les rebelles ont avancé.", {"published": "18 mai 2011 à 22h07", "updated": "20 mai"}, [], FR
    )
    assert date_article(ev, FR, TODAY).value == "2011-05-18"
    # A sentence that says something was published is content, not a stamp.
    sentence = "Le gouvernement a publié le 3 mai 2011 un rapport sur la situation à Benghazi."
    assert not any(rx.match(sentence) for _, rx in FR.metadata_lines)


def _libya(tmp_path: Path, names: list[str]) -> dict[str, tuple[str | None, str]]:
    """CL-TLS Libya articles ``names`` (ext_NN), ingested as bare text files (their publication dates
    held back): for each, the date Chronique infers and the true one."""
    rows = [
        json.loads(line) for line in (ROOT / "data" / "cltls-libya" / "articles.jsonl").open(encoding="utf-8")
    ]
    truth = {}
    folder = tmp_path / "libya"
    folder.mkdir()
    for row in rows:
        name = row["id"].rsplit("/", 1)[-1]
        if name in names:
            (folder / f"{name}.txt").write_text(row["text"], encoding="utf-8")
            truth[f"{name}.txt"] = row["published"]
    with Chronique(settings=Settings(db=str(tmp_path / "libya.db"), nlp=False)) as chq:
        chq.ingest([folder], today=TODAY)
        return {a.file or "": (a.published.value, truth[a.file or ""]) for a in chq.articles()}


def test_a_day_is_not_lent_from_one_story_week_to_another(tmp_path: Path) -> None:
    """One long story (the 2011 Libyan war): articles months apart share its words. An undated article
    must not take a day from an article of another week, nor from the weekdays of an article whose own
    date was lent (before: ext_23, ext_75 and ext_86 were each put in early July, weeks or months off)."""
    dates = _libya(tmp_path, ["ext_106", "ext_23", "ext_36", "ext_75", "ext_86"])
    assert dates["ext_106.txt"][0] == "2011-07-08"  # its own "Publié le" line
    for name in ("ext_23.txt", "ext_75.txt", "ext_86.txt"):
        value, truth = dates[name]
        # Undated is honest; a date must be the true one's week (a month must be its month).
        if value and len(value) >= 10:
            assert abs((dt.date.fromisoformat(value[:10]) - dt.date.fromisoformat(truth)).days) <= 7, (
                name,
                value,
            )
        else:
            assert value is None or truth.startswith(value), (name, value, truth)
