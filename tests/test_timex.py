"""The French temporal tagger: expressions in sentences, anchored on a publication date, to TIMEX3.

Each row is a sentence as a news article would write it, the anchor (publication date), and what the
tagger must find in it: the span, the TIMEX3 type and value. The anchor is Tuesday 24 July 2018 unless
a row says otherwise.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronique.dates.calendar import PartialDate
from chronique.dates.timex import TYPES, Timex, _Finder, find_timexes, resolve, resolve_all, resolve_value
from chronique.lang import get_language

FR = get_language("fr")
TUESDAY = PartialDate(2018, 7, 24)
NOVEMBER = PartialDate(2018, 11, 20)
DECEMBER = PartialDate(2018, 12, 10)
JANUARY = PartialDate(2019, 1, 5)


def tag(text: str, anchor: PartialDate = TUESDAY) -> list[Timex]:
    return resolve_all(find_timexes(text, FR, durations=True), anchor)


def found(text: str, span: str, anchor: PartialDate = TUESDAY) -> Timex:
    hits = [t for t in tag(text, anchor) if t.text == span]
    assert hits, f"{span!r} not found in {text!r}: {[t.text for t in tag(text, anchor)]}"
    return hits[0]


# (sentence, span, type, value[, anchor])
# fmt: off
ROWS: list[tuple[Any, ...]] = [
    # Relative to the publication day, direction from cue words or tense.
    ("Il a démissionné hier.", "hier", "DATE", "2018-07-23"),
    ("Il est arrivé avant-hier à Paris.", "avant-hier", "DATE", "2018-07-22"),
    ("Il partira demain.", "demain", "DATE", "2018-07-25"),
    ("Il partira après-demain pour Rome.", "après-demain", "DATE", "2018-07-26"),
    ("Il l'a annoncé aujourd'hui.", "aujourd'hui", "DATE", "2018-07-24"),
    ("Lundi dernier, le conseil s'est réuni.", "Lundi dernier", "DATE", "2018-07-23"),
    ("Il viendra mardi prochain.", "mardi prochain", "DATE", "2018-07-31"),
    ("Le match a eu lieu ce dimanche.", "ce dimanche", "DATE", "2018-07-22"),
    ("Le match aura lieu ce dimanche.", "ce dimanche", "DATE", "2018-07-29"),
    ("Il a été arrêté jeudi.", "jeudi", "DATE", "2018-07-19"),
    ("Il sera jugé jeudi.", "jeudi", "DATE", "2018-07-26"),
    ("La Cour se prépare à trancher lundi sur son sort.", "lundi", "DATE", "2018-07-30"),
    ("Les rebelles s'apprêtent à entrer samedi dans la ville.", "samedi", "DATE", "2018-07-28"),
    ("Les rebelles s’apprêtent à entrer samedi.", "samedi", "DATE", "2018-07-28"),
    ("Les rebelles se préparent à un assaut depuis samedi.", "samedi", "DATE", "2018-07-21"),
    ("Jeudi, le président a reçu les syndicats.", "Jeudi", "DATE", "2018-07-19"),
    ("Il est parti il y a trois jours.", "il y a trois jours", "DATE", "2018-07-21"),
    ("Il reviendra dans deux semaines.", "dans deux semaines", "DATE", "2018-W32"),
    ("Il a quitté le pays il y a 18 mois.", "il y a 18 mois", "DATE", "2017-01"),
    ("Il y a un an, il avait été élu.", "Il y a un an", "DATE", "2017"),
    ("La décision sera connue d'ici deux ans.", "d'ici deux ans", "DATE", "2020"),
    ("Il y a quelques jours, il a démissionné.", "Il y a quelques jours", "DATE", "PAST_REF"),
    ("Le chômage a baissé ces derniers mois.", "ces derniers mois", "DATE", "PAST_REF"),
    ("Le sommet s'est tenu la semaine dernière.", "la semaine dernière", "DATE", "2018-W29"),
    ("Le vote aura lieu la semaine prochaine.", "la semaine prochaine", "DATE", "2018-W31"),
    ("Il viendra cette semaine.", "cette semaine", "DATE", "2018-W30"),
    ("Les prix ont augmenté le mois dernier.", "le mois dernier", "DATE", "2018-06"),
    ("Le rapport sera publié le mois prochain.", "le mois prochain", "DATE", "2018-08"),
    ("Les ventes ont chuté ce mois-ci.", "ce mois-ci", "DATE", "2018-07"),
    ("L'an dernier, il avait perdu.", "L'an dernier", "DATE", "2017"),
    ("L’année dernière, il avait perdu.", "L’année dernière", "DATE", "2017"),
    ("Le texte sera examiné l'an prochain.", "l'an prochain", "DATE", "2019"),
    ("Cette année, la récolte a été bonne.", "Cette année", "DATE", "2018"),
    ("La fête a eu lieu le week-end dernier.", "le week-end dernier", "DATE", "2018-W29-WE"),
    ("Ce week-end, il a plu sur Paris.", "Ce week-end", "DATE", "2018-W29-WE"),
    ("Il partira ce week-end.", "ce week-end", "DATE", "2018-W30-WE"),
    # Absolute.
    ("Le traité a été signé le 3 mai 2019.", "3 mai 2019", "DATE", "2019-05-03"),
    ("La loi entrera en vigueur le 1er janvier 2020.", "1er janvier 2020", "DATE", "2020-01-01"),
    ("Il est né le premier mai 1960.", "premier mai 1960", "DATE", "1960-05-01"),
    ("L'accord a été conclu le 3 sept. 2015 à Genève.", "3 sept. 2015", "DATE", "2015-09-03"),
    ("Le contrat a été signé le 15/05/2019.", "15/05/2019", "DATE", "2019-05-15"),
    ("Photo prise le 20-2-2011 à Benghazi.", "20-2-2011", "DATE", "2011-02-20"),
    ("Mis à jour le 15.05.2019.", "15.05.2019", "DATE", "2019-05-15"),
    ("Il a été élu en 2016.", "2016", "DATE", "2016"),
    ("Le texte date de juin 1999.", "juin 1999", "DATE", "1999-06"),
    ("Dans les années 1990, le pays était pauvre.", "les années 1990", "DATE", "199"),
    ("Dans les années 80, le pays était pauvre.", "les années 80", "DATE", "198"),
    # Partial: the granularity the text gives, the rest from the anchor.
    ("Le 16 juillet, les deux hommes ont parlé.", "16 juillet", "DATE", "2018-07-16"),
    ("Il a été publié le 15/05.", "15/05", "DATE", "2018-05-15"),
    ("En mai, il avait démissionné.", "En mai", "DATE", "2018-05"),
    ("Il viendra au mois de juin.", "au mois de juin", "DATE", "2019-06"),
    ("Le G20 aura lieu fin novembre.", "fin novembre", "DATE", "2018-11"),
    ("Mi-mai, il avait démissionné.", "Mi-mai", "DATE", "2018-05"),
    ("Le vote est prévu début décembre.", "début décembre", "DATE", "2018-12"),
    ("Il a été arrêté à la mi-juillet.", "à la mi-juillet", "DATE", "2018-07"),
    ("Il a démissionné fin 2016.", "fin 2016", "DATE", "2016"),
    ("Il a été arrêté le 3 mai dernier.", "3 mai dernier", "DATE", "2018-05-03"),
    ("Il avait été élu le 19 août dernier.", "19 août dernier", "DATE", "2017-08-19"),
    ("Il avait été élu en juillet dernier.", "en juillet dernier", "DATE", "2017-07"),
    ("Il partira en janvier prochain.", "en janvier prochain", "DATE", "2019-01"),
    ("Le projet sera lancé à la fin de l'année.", "à la fin de l'année", "DATE", "2018"),
    ("Le projet sera lancé en fin d'année.", "en fin d'année", "DATE", "2018"),
    ("Le projet sera lancé au début de l'année prochaine.", "au début de l'année prochaine", "DATE", "2019"),
    ("Le chantier doit finir d'ici la fin du mois.", "d'ici la fin du mois", "DATE", "2018-07"),
    # A part of a named month is that month, not the current one.
    ("Au début du mois de mai, il avait démissionné.", "Au début du mois de mai", "DATE", "2018-05"),
    ("Il a fui à la fin du mois d'août.", "à la fin du mois d'août", "DATE", "2018-08", NOVEMBER),
    # Intervals (the value is the first end; see test_intervals_expose_both_ends).
    ("Le G20 aura lieu fin novembre-début décembre.", "fin novembre-début décembre", "DATE", "2018-11"),
    ("Le festival s'est tenu du 3 au 5 mai.", "du 3 au 5 mai", "DATE", "2018-05-03"),
    ("Il a été maire entre 2015 et 2017.", "entre 2015 et 2017", "DATE", "2015"),
    ("Il a dirigé la firme de 2008 à 2012.", "de 2008 à 2012", "DATE", "2008"),
    ("Les soldes se tiendront de janvier à mars.", "de janvier à mars", "DATE", "2019-01"),
    # Seasons.
    ("Il viendra à l'automne.", "à l'automne", "DATE", "2018-FA"),
    ("L'été dernier, il a plu.", "L'été dernier", "DATE", "2017-SU"),
    ("L'été dernier, il a plu.", "L'été dernier", "DATE", "2018-SU", NOVEMBER),
    ("Il reviendra au printemps prochain.", "au printemps prochain", "DATE", "2019-SP"),
    ("Il avait été élu au printemps 2016.", "au printemps 2016", "DATE", "2016-SP"),
    ("Les travaux finiront à la fin de l'été.", "à la fin de l'été", "DATE", "2018-SU"),
    ("Il a neigé en hiver.", "en hiver", "DATE", "2018-WI"),
    # Times of day.
    ("Le train est parti à 08h36.", "08h36", "TIME", "XXXX-XX-XXT08:36"),
    ("La réunion a commencé à 8 h 30.", "8 h 30", "TIME", "XXXX-XX-XXT08:30"),
    ("Il est arrivé mardi à 14h.", "mardi à 14h", "TIME", "2018-07-24T14:00"),
    ("Il partira jeudi à 9h15.", "jeudi à 9h15", "TIME", "2018-07-26T09:15"),
    ("Le conseil se réunira vers 14 heures.", "vers 14 heures", "TIME", "XXXX-XX-XXT14:00"),
    ("Il s'est levé à huit heures et demie.", "huit heures et demie", "TIME", "XXXX-XX-XXT08:30"),
    ("Ils sont debout depuis cinq heures du matin.", "cinq heures du matin", "TIME", "XXXX-XX-XXT05:00"),
    ("Il rentre à 8 heures du soir.", "8 heures du soir", "TIME", "XXXX-XX-XXT20:00"),
    ("Il a parlé à midi.", "midi", "TIME", "XXXX-XX-XXT12:00"),
    ("L'incendie s'est déclaré peu après minuit.", "peu après minuit", "TIME", "XXXX-XX-XXT24:00"),
    ("Ce matin, il a plu.", "Ce matin", "TIME", "2018-07-24TMO"),
    ("Ce soir, il parlera.", "Ce soir", "TIME", "2018-07-24TEV"),
    ("Cette nuit, un incendie a éclaté.", "Cette nuit", "TIME", "2018-07-24TNI"),
    ("La nuit dernière, un incendie a éclaté.", "La nuit dernière", "TIME", "2018-07-23TNI"),
    ("Dans la nuit de mardi à mercredi, un incendie a éclaté.", "Dans la nuit de mardi à mercredi", "TIME", "2018-07-24TNI"),
    ("Il a été vu dimanche soir.", "dimanche soir", "TIME", "2018-07-22TEV"),
    ("Hier soir, il a parlé.", "Hier soir", "TIME", "2018-07-23TEV"),
    ("Il viendra demain matin.", "demain matin", "TIME", "2018-07-25TMO"),
    ("Il a été vu lundi soir vers 22h.", "lundi soir vers 22h", "TIME", "2018-07-23T22:00"),
    ("Dernière mise à jour à 08h36 le 15/05", "08h36 le 15/05", "TIME", "2018-05-15T08:36"),
    ("La séance a été levée le 10 juin à 16 h 30.", "10 juin à 16 h 30", "TIME", "2018-06-10T16:30"),
    # Durations.
    ("Il est au pouvoir depuis 18 mois.", "18 mois", "DURATION", "P18M"),
    ("Il a parlé pendant deux heures.", "deux heures", "DURATION", "PT2H"),
    ("Le procès a duré trois jours.", "trois jours", "DURATION", "P3D"),
    ("Il a passé une semaine à Paris.", "une semaine", "DURATION", "P1W"),
    ("Il a attendu quelques jours.", "quelques jours", "DURATION", "PXD"),
    ("Il a été condamné à vingt-quatre mois de prison.", "vingt-quatre mois", "DURATION", "P24M"),
    ("Les négociations ont duré environ deux heures.", "environ deux heures", "DURATION", "PT2H"),
    ("Il a purgé deux ans et demi de prison.", "deux ans et demi", "DURATION", "P2.5Y"),
    ("Il vit ici depuis plus de trente ans.", "plus de trente ans", "DURATION", "P30Y"),
    ("Le record tient depuis cent ans.", "cent ans", "DURATION", "P100Y"),
    ("Il a couru pendant 1h30.", "1h30", "DURATION", "PT1H30M"),
    ("La garde à vue a été prolongée de 48h.", "48h", "DURATION", "PT48H"),
    ("Les ventes ont chuté sur les 12 derniers mois.", "12 derniers mois", "DURATION", "P12M"),
    # Sets.
    ("Chaque mardi, il se rend à Paris.", "Chaque mardi", "SET", "XXXX-WXX-2"),
    ("Il joue tous les mardis.", "tous les mardis", "SET", "XXXX-WXX-2"),
    ("Le festival a lieu tous les ans.", "tous les ans", "SET", "P1Y"),
    ("Le rapport est publié chaque année.", "chaque année", "SET", "P1Y"),
    ("Le scrutin a lieu tous les deux ans.", "tous les deux ans", "SET", "P2Y"),
    ("Il s'entraîne deux fois par semaine.", "deux fois par semaine", "SET", "P1W"),
    ("Il court chaque matin.", "chaque matin", "SET", "XXXX-XX-XXTMO"),
    ("La fête est célébrée chaque 14 juillet.", "chaque 14 juillet", "SET", "XXXX-07-14"),
    # Year boundaries: the nearest year in the direction of the clause.
    ("Le sommet aura lieu début janvier.", "début janvier", "DATE", "2019-01", DECEMBER),
    ("Il viendra le 3 janvier.", "3 janvier", "DATE", "2019-01-03", DECEMBER),
    ("Il avait été arrêté le 28 décembre.", "28 décembre", "DATE", "2018-12-28", JANUARY),
    ("Les soldes ont commencé du 28 décembre au 3 janvier.", "du 28 décembre au 3 janvier", "DATE", "2018-12-28", JANUARY),
    # A weekday and a day of the month that disagree in the anchor's year: the neighbouring year.
    ("Ils se sont rencontrés samedi 11 novembre au Vietnam.", "samedi 11 novembre", "DATE", "2017-11-11"),
    ("Ils se sont rencontrés samedi 11 novembre à 8h.", "samedi 11 novembre à 8h", "TIME", "2017-11-11T08:00"),
    ("Il sera reçu lundi 11 novembre 2019.", "lundi 11 novembre 2019", "DATE", "2019-11-11"),
    # Traps.
    ("Washington a inculpé vendredi douze agents.", "vendredi", "DATE", "2018-07-20"),
    ("Il a sept ans.", "sept ans", "DURATION", "P7Y"),
    ("La ville est à deux heures de route.", "deux heures", "DURATION", "PT2H"),
    ("JEUDI 12 AVRIL 2018", "JEUDI 12 AVRIL 2018", "DATE", "2018-04-12"),
]
# fmt: on


def _row_id(row: tuple[Any, ...]) -> str:
    return f"{row[1]}@{row[4].value()}" if len(row) > 4 else str(row[1])


@pytest.mark.parametrize("row", ROWS, ids=[_row_id(r) for r in ROWS])
def test_expression_in_a_sentence(row: tuple[Any, ...]) -> None:
    text, span, type_, value, *anchor = row
    t = found(text, span, *anchor)
    assert (t.type, t.value) == (type_, value)
    assert text[t.start : t.end] == span


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je pense que sa décision a été prise.", []),  # "Je", "sa" are no weekdays, "a été" no summer
        ("Il a vu Mars au télescope.", []),  # the planet
        ("La maison du maire est fermée en semaine.", []),  # "mai" inside words
        ("Le printemps arabe a commencé en Tunisie.", []),
        ("Un jour, il reviendra.", []),  # someday, not a day long
        ("Le Midi libre a publié l'article.", []),
        ("Il est au pouvoir depuis 18 mois.", [("18 mois", "DURATION", "P18M")]),  # no date
        ("Washington a inculpé vendredi douze agents.", [("vendredi", "DATE", "2018-07-20")]),  # not the 12th
        ("Les deux hommes se sont parlé.", []),
        ("Il est entré en sept catégories.", []),  # "sept" the number, not September
        ("Le score était de 2-1.", []),  # dashes make a date only with a year
        ("Appelez le 01-45-67-89.", []),
        # A cue after "fin" is no part of the month ("fin en juin" is not the end of June).
        ("La mission prend fin en juin.", [("en juin", "DATE", "2018-06")]),
        ("Cette semaine de mars, il a plu.", [("Cette semaine", "DATE", "2018-W30")]),
    ],
)
def test_traps(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.type, t.value) for t in tag(text)] == expected


def test_every_type_is_a_timex3_type() -> None:
    text = " ".join(r[0] for r in ROWS)
    types = {t.type for t in tag(text)}
    assert types <= set(TYPES) and types == {"DATE", "TIME", "DURATION", "SET"}


def test_intervals_expose_both_ends() -> None:
    got = {t.text: (t.value, t.end_value) for t in tag(
        "Le G20, qui aura lieu fin novembre-début décembre, a été annoncé. Il a été maire entre 2015 et"
        " 2017. Le festival s'est tenu du 3 au 5 mai. Les soldes ont eu lieu du 28 décembre 2017 au 3 janvier."
    )}  # fmt: skip
    assert got == {
        "fin novembre-début décembre": ("2018-11", "2018-12"),
        "entre 2015 et 2017": ("2015", "2017"),
        "du 3 au 5 mai": ("2018-05-03", "2018-05-05"),
        "du 28 décembre 2017 au 3 janvier": ("2017-12-28", "2018-01-03"),
    }
    night = found(
        "Il a gagné dans la nuit du mardi 4 au mercredi 5 novembre 2008.",
        "dans la nuit du mardi 4 au mercredi 5 novembre 2008",
    )
    assert (night.type, night.value, night.end_value) == ("TIME", "2008-11-04TNI", "2008-11-05")
    ends = found(
        "La collecte a lieu de fin décembre à début janvier.", "de fin décembre à début janvier", DECEMBER
    )
    assert (ends.value, ends.end_value, ends.mod) == ("2018-12", "2019-01", "END")


def test_points_give_each_end_of_an_interval_as_its_own_date() -> None:
    (m,) = find_timexes("Les faits ont eu lieu entre le 1er août 2005 et le 23 janvier 2008.", FR)
    first, last = m.points()
    assert (first.kind, first.partial.value(), last.partial.value()) == ("date", "2005-08-01", "2008-01-23")
    assert last.direction == m.direction and last.text == "23 janvier 2008"


def test_modifiers_and_frequencies_are_exported() -> None:
    text = "Fin novembre, il a parlé environ deux heures, deux fois par jour."
    by_text = {t.text: t.as_dict() for t in tag(text)}
    assert by_text["Fin novembre"]["mod"] == "END"
    assert by_text["environ deux heures"]["mod"] == "APPROX"
    start = text.index("deux fois")
    assert by_text["deux fois par jour"] == {
        "start": start, "end": start + 18, "text": "deux fois par jour", "type": "SET", "value": "P1D", "freq": "2X",
    }  # fmt: skip
    plain = found("Il a démissionné hier.", "hier").as_dict()
    assert set(plain) == {"start", "end", "text", "type", "value"}  # optional attributes only when set


def test_durations_only_when_asked() -> None:
    text = "Il est au pouvoir depuis 18 mois et a parlé mardi pendant deux heures."
    assert [m.text for m in find_timexes(text, FR)] == ["mardi"]
    assert [m.text for m in find_timexes(text, FR, durations=True)] == ["18 mois", "mardi", "deux heures"]


def test_a_coarse_anchor_gives_no_value_rather_than_a_guess() -> None:
    month_only = PartialDate(2018, 7)
    assert found("Il a parlé mardi à 14h.", "mardi à 14h", month_only).value is None
    assert found("Il a parlé mardi.", "mardi", month_only).value is None
    assert found("Il a parlé hier soir.", "hier soir", month_only).value is None
    assert found("Il partira en mai.", "en mai", PartialDate()).value is None
    # What the text itself gives stays: a month is never made a day, a year stays a year.
    assert found("Il est parti fin mai.", "fin mai", month_only).value == "2018-05"
    assert found("Il partira fin mai.", "fin mai", month_only).value == "2019-05"  # the next May
    assert found("Il a été élu en 2016.", "2016", PartialDate()).value == "2016"


def test_resolve_value_is_the_day_and_resolve_adds_the_clock() -> None:
    """Publication dating reads resolve_value as an ISO date: a TIME's clock is only in Timex.value."""
    (m,) = find_timexes("Il est arrivé mardi à 14h.", FR)
    assert resolve_value(m, TUESDAY) == "2018-07-24"
    assert resolve(m, TUESDAY).value == "2018-07-24T14:00"
    assert (m.kind, m.weekday, m.hour) == ("weekday", 1, 14)  # still a weekday to publication dating


def test_an_inconsistent_weekday_keeps_the_date_as_written() -> None:
    # 4 November is a Tuesday in neither 2017, 2018 nor 2019: the anchor's year is kept.
    assert found("Il a parlé mardi 4 novembre.", "mardi 4 novembre").value == "2018-11-04"


def test_cue_words_give_the_direction_whatever_the_tense() -> None:
    (m,) = find_timexes("Il a annoncé qu'il viendrait mardi prochain.", FR)
    assert m.direction == 1
    (m,) = find_timexes("Il sera jugé pour les faits commis hier.", FR)
    assert m.direction == -1


def test_a_month_in_an_untensed_clause_is_the_nearest_past_unless_it_comes_soon() -> None:
    march = PartialDate(2011, 3, 10)
    assert found("Le premier avion est livrable en avril.", "en avril", march).value == "2011-04"
    assert found("Les travaux commencent en septembre.", "en septembre", march).value == "2010-09"
    assert found("En décembre, le pays compte trois millions de chômeurs.", "En décembre", march).value == (
        "2010-12"
    )
    assert found("En avril, la ville a été reprise.", "En avril", march).value == "2010-04"
    assert found("Il a promis des élections en février.", "en février", NOVEMBER).value == "2018-02"
    assert found("Les élections se tiennent en février.", "en février", NOVEMBER).value == "2019-02"
    # A month opening its sentence sets a narrative's scene: a year in review is in the past.
    review = "Rétrospective : en février, Moubarak quitte le pouvoir. En janvier, Ben Ali fuit la Tunisie."
    december = PartialDate(2011, 12, 28)
    assert [t.value for t in tag(review, december)] == ["2011-02", "2011-01"]


WORDS = st.sampled_from([
    "mardi", "Mardi", "soir", "à", "14h", "8 h 30", "vers", "midi", "après-midi", "fin", "début", "mi-", "mai",
    "novembre", "-", "du", "au", "3", "5", "entre", "et", "2015", "2017", "de", "il y a", "trois", "jours",
    "dans", "deux", "semaines", "chaque", "tous les", "ans", "fois par", "semaine", "la", "dernière", "prochain",
    "l'été", "été", "a", "ce", "cette", "année", "l'an", "hier", "15/05", "depuis", "18", "mois", "heures", "du soir",
    "les années", "1990", "le", "week-end", "nuit", "dans la", "quelques", "environ", " ", " ", " ", ", ", ".",
    "au large des côtes bretonnes, la tempête a emporté plusieurs bateaux de pêche",  # longer than REACH
])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(WORDS, st.sampled_from([r[0] for r in ROWS])), max_size=30).map(" ".join))
def test_keyword_windows_find_what_a_full_scan_finds(text: str) -> None:
    """The tagger only searches a family's pattern near its keywords: the same result as everywhere."""

    def full_scan(self: _Finder, name: str) -> object:
        return self.p.families[name].finditer(self.text)

    windowed = find_timexes(text, FR, durations=True)
    original = _Finder.scan
    try:
        _Finder.scan = full_scan  # type: ignore[assignment,method-assign]
        everywhere = find_timexes(text, FR, durations=True)
    finally:
        _Finder.scan = original  # type: ignore[method-assign]
    assert windowed == everywhere


def test_spans_never_overlap_and_stay_in_the_text() -> None:
    text = " ".join(r[0] for r in ROWS)
    matches = find_timexes(text, FR, durations=True)
    for a, b in itertools.pairwise(matches):
        assert a.end <= b.start
    assert all(text[m.start : m.end] == m.text for m in matches)
    assert all(re.fullmatch(r"\S(?:.*\S)?", m.text, re.S) for m in matches)  # no edge spaces


def test_a_day_told_before_is_taken_up_by_the_eve_the_morrow_and_the_parts_of_the_day() -> None:
    text = (
        "Samedi, les rebelles ont pris la ville. La veille, ils avaient été repoussés. Le lendemain, l'Otan a"
        " frappé. En fin d'après-midi, le calme est revenu. Le 3 mars, rien. Le même jour, Paris a parlé;"
        " la matinée avait été calme. Dimanche dans la soirée, ils ont fui."
    )
    got = [(t.text, t.value) for t in tag(text)]
    assert got == [
        ("Samedi", "2018-07-21"),
        ("La veille", "2018-07-20"),  # the day before the last day named
        ("Le lendemain", "2018-07-21"),  # … which is now the Friday
        ("En fin d'après-midi", "2018-07-21TAF"),
        ("3 mars", "2018-03-03"),
        ("Le même jour", "2018-03-03"),
        ("la matinée", "2018-03-03TMO"),
        ("Dimanche dans la soirée", "2018-07-22TEV"),  # a part of the day next to a day is that day's
    ]
    # With no day named before, the publication date; an event's eve is no date; a bare evening, the
    # dawn of an era and the Aube département are not days.
    got = [(t.text, t.value) for t in tag(
        "La veille, Paris a parlé. La veille du sommet, rien. Le soir, il sort. À l'aube de la révolution,"
        " dans l'Aube, il pleuvait."
    )]  # fmt: skip
    assert got == [("La veille", "2018-07-23"), ("La veille", None)]
    # the same day stays the day told, whatever follows it
    got = [(t.text, t.value) for t in tag("Samedi, il est mort, le même jour d'un de ses fils.")]
    assert got == [("Samedi", "2018-07-21"), ("le même jour", "2018-07-21")]


def test_a_sentence_is_dated_by_a_day_told_before() -> None:
    from chronique.dates.events import (
        CONFIDENCE_BACKGROUND,
        CONFIDENCE_OWN,
        CONFIDENCE_PUBLICATION,
        date_sentences,
    )

    text = "Samedi, les rebelles ont pris la ville. La veille, l'Otan avait frappé. À 14 heures, rien."
    dated = [(s.text.split(",")[0], s.value, s.confidence) for s in date_sentences(text, TUESDAY, FR)]
    assert dated == [
        ("Samedi", "2018-07-21", CONFIDENCE_OWN),
        ("La veille", "2018-07-20", CONFIDENCE_BACKGROUND),  # the day before the Saturday (a pluperfect)
        ("À 14 heures", "2018-07-24", CONFIDENCE_PUBLICATION),  # a clock time alone: the publication day
    ]


def test_a_year_without_a_cue_after_a_name_or_a_bracket_and_never_an_amount() -> None:
    got = [t.text for t in tag(
        "Armstrong, vainqueur de l'épreuve (1999 à 2005), revient pour 2009 sur le Tour de France 2009, après"
        " les Jeux de Pékin 2008. La loi de 2005 relative aux malades. Plus de 2000 manifestants ont défilé,"
        " entre 2000 et 3000 selon la police. Ils étaient 2000. La résolution 1973 de l'ONU. © 2011 Le Figaro."
        " Il a reçu 1500 euros pour 2000 km."
    )]  # fmt: skip
    assert got == ["1999", "2005", "2009", "2009", "2008", "2005"]


def test_review_mends_on_days_taken_up_years_and_amounts() -> None:
    def values(text: str) -> list[tuple[str, str | None]]:
        return [(t.text, t.value) for t in tag(text)]

    # an event's eve or morrow, whatever its article; idioms and "un jour …, le lendemain" are no day
    assert values("Samedi, ils ont pris Brega. Au lendemain des frappes, il a parlé.")[1] == (
        "Au lendemain",
        None,
    )
    assert values("Tout a changé du jour au lendemain. Un jour libéré, le lendemain reperdu.") == []
    # the day told may be a state's start, and far back: "la veille" always takes up a day told
    assert values("Ils tiennent Brega depuis jeudi. Le lendemain, ils ont reçu des renforts.")[1] == (
        "Le lendemain",
        "2018-07-20",
    )
    far = "Samedi, ils ont pris Brega. " + "Les combats ont continué dans la région, selon les témoins. " * 12
    assert values(far + "La veille, rien.")[-1] == ("La veille", "2018-07-20")
    assert values("Samedi, il a été arrêté. La veille au soir, il dînait.")[1] == (
        "La veille au soir",
        "2018-07-20TEV",
    )
    # "un jour" is a word: "selon un journaliste, le lendemain" takes up the day told
    assert values("Vendredi, il a parlé. Selon un journaliste, le lendemain, ils ont repris Brega.")[1] == (
        "le lendemain",
        "2018-07-21",
    )
    # a model's number is no year; a participle after a year does not make it an amount
    assert (
        values("Rafale et Mirage 2000, ont frappé. La Résolution 1973 autorise. Sous Windows 2000, rien.")
        == []
    )
    assert (
        values("Les élections de 2012 prévues en mai, les manifestations de 2011 réprimées.")[0][0] == "2012"
    )


def test_a_sentence_is_dated_by_a_day_with_its_part_and_by_its_own_date_first() -> None:
    from chronique.dates.events import date_sentences

    text = (
        "Les policiers sont allés vendredi en fin d'après-midi dans l'immeuble. Samedi, ils ont arrêté un"
        " suspect. Le groupe a relayé l'appel lancé la veille par le Conseil réuni à Doha mercredi."
    )
    assert [s.value for s in date_sentences(text, TUESDAY, FR)] == ["2018-07-20", "2018-07-21", "2018-07-18"]


def test_second_review_mends_on_states_amounts_and_named_editions() -> None:
    from chronique.dates.events import date_sentences

    text = "Les opérations sont gênées depuis jeudi soir par le vent, a rapporté vendredi une journaliste."
    assert [s.value for s in date_sentences(text, TUESDAY, FR)] == ["2018-07-20"]  # not the state's start
    got = [t.text for t in tag("Le bilan fait état de 2000 blessés. Au Mondial 2010, l'Espagne a gagné.")]
    assert got == ["2010"]
