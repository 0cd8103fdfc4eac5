"""spaCy components: Chronique's steps inside a spaCy pipeline."""

from __future__ import annotations

import spacy

import chronique.nlp.components  # noqa: F401  (registers the factories)


def test_timex_component_sets_resolved_spans() -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe("chronique_timexes")
    doc = nlp.make_doc(
        "Jeudi dernier, il a annoncé une visite à l'automne. Washington a inculpé vendredi douze agents."
    )
    doc._.published = "2018-07-24"
    doc = nlp(doc)
    got = {(s.text, s._.timex_type, s._.timex_value) for s in doc._.timexes}
    assert got == {
        ("Jeudi dernier", "DATE", "2018-07-19"),
        ("à l'automne", "DATE", "2018-FA"),
        ("vendredi", "DATE", "2018-07-20"),
    }


def test_timex_component_without_a_publication_date_keeps_what_it_can() -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe("chronique_timexes")
    doc = nlp("Le traité de 1999 a été signé mardi.")
    values = {s.text: s._.timex_value for s in doc._.timexes}
    assert values == {"1999": "1999", "mardi": None}
