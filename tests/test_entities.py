"""Entities: name keys, grouping within an article, linking across the corpus, the faces."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from chronique.cli import app
from chronique.lang import get_language
from chronique.nlp.mentions import find_mentions
from chronique.nlp.names import name_key
from chronique.pipeline import ingest
from chronique.report.export import export_store
from chronique.settings import Settings
from chronique.store import Store

from .conftest import SAMPLES, TODAY
from .databases import fresh_db

FR = get_language("fr")


def test_name_keys_meet_across_titles_accents_and_transliterations() -> None:
    same = [
        ("Iouri Ouchakov", "Youri Ouchakov"),
        ("Vladimir Putin", "Vladimir Poutine"),
        ("Etats-Unis", "États-Unis"),
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
        ("Sergueï Lavrov", "Sergei Lavrov"),
        ("M. Poutine", "Poutine"),
        ("Mme Angela Merkel", "Angela Merkel"),
        ("Mouammar Kadhafi", "Mouammar Khadafi"),
        ("Seif al-Islam", "Saïf al Islam"),
    ]
    for a, b in same:
        assert name_key(a, FR) == name_key(b, FR), (a, b)
    assert name_key("Marine Le Pen", FR) != name_key("Marine Tondelier", FR)


def mentions_of(text: str, date: str | None = None, **labels: str):  # type: ignore[no-untyped-def]
    ents = []
    for label, names in labels.items():
        for name in names.split("|"):
            ents += [(m.start(), m.end(), label) for m in re.finditer(re.escape(name), text)]
    return find_mentions(text, sorted(ents), FR, date)


def tagged(text: str, name: str, label: str, nth: int = 0) -> tuple[int, int, str]:
    """The model's (start, end, label) for the ``nth`` occurrence of ``name`` in ``text``."""
    start = [m.start() for m in re.finditer(re.escape(name), text)][nth]
    return (start, start + len(name), label)


def groups(found) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    out: dict[str, set[str]] = {}
    for e in found.entities:
        if e.mentions:
            out[e.name] = {found.mentions[j].text for j in e.mentions}
    return out


def test_transliterations_differing_in_the_given_names_vowels_are_one_person() -> None:
    text = (
        "Mouammar Kadhafi a reçu Ali Abdullah Saleh. Moamer Kadhafi a ensuite rencontré Ali Salah, "
        "un opposant, puis Abdoullah al-Senoussi. Ali Abdallah Saleh est reparti. "
        "Abdallah Al-Senoussi est resté."
    )
    people = "Mouammar Kadhafi|Moamer Kadhafi|Ali Abdullah Saleh|Ali Abdallah Saleh|Ali Salah"
    people += "|Abdoullah al-Senoussi|Abdallah Al-Senoussi"
    got = groups(mentions_of(text, PER=people))
    assert got["Mouammar Kadhafi"] == {"Mouammar Kadhafi", "Moamer Kadhafi"}
    assert got["Ali Abdullah Saleh"] == {"Ali Abdullah Saleh", "Ali Abdallah Saleh"}
    # "al-" in lower case is a particle of the name, not the end of it.
    assert got["Abdoullah al-Senoussi"] == {"Abdoullah al-Senoussi", "Abdallah Al-Senoussi"}
    assert "Ali Salah" in got["Ali Salah"]  # another surname: another person


def test_a_bodys_shorter_name_joins_the_name_a_country_or_a_complement_extends() -> None:
    text = (
        "Le Conseil de sécurité de l'ONU a voté. Le Conseil de sécurité se réunira encore. "
        "Le Conseil national de transition libyen a salué le vote, et le Conseil national de transition "
        "a demandé des armes. Le Parti socialiste européen et le Parti socialiste ont réagi, comme "
        "le Conseil de sécurité nationale. The Daily Telegraph et le Daily Telegraph aussi. Le Parti "
        "communiste a salué la victoire du Parti communiste portugais."
    )
    orgs = "Conseil de sécurité de l'ONU|Conseil de sécurité|Conseil national de transition libyen"
    orgs += "|Conseil national de transition|Parti socialiste européen|Parti socialiste|Daily Telegraph"
    orgs += "|Parti communiste portugais|Parti communiste"
    got = groups(mentions_of(text, ORG=orgs + "|Conseil de sécurité nationale|The Daily Telegraph"))
    together = sorted(sorted(forms) for forms in got.values())
    assert together == [
        ["Conseil de sécurité", "Conseil de sécurité de l'ONU"],
        ["Conseil de sécurité nationale"],
        ["Conseil national de transition", "Conseil national de transition libyen"],
        ["Daily Telegraph", "The Daily Telegraph"],
        ["Parti communiste"],  # named before the fuller name: another party
        ["Parti communiste portugais"],
        ["Parti socialiste"],  # "européen" makes another party
        ["Parti socialiste européen"],
    ]


def test_surnames_titles_appositions_and_roles_group_into_one_person() -> None:
    text = (
        "Le Premier ministre britannique Keir Starmer a reçu Mme Giorgia Meloni. "
        "M. Starmer a salué l'accord. Giorgia Meloni, la présidente du Conseil italien, est repartie. "
        "Le Premier ministre britannique a ensuite parlé à la presse."
    )
    got = groups(mentions_of(text, "2025-02-01", PER="Keir Starmer|Giorgia Meloni|Starmer"))
    assert got["Keir Starmer"] >= {"Keir Starmer", "M. Starmer", "Le Premier ministre britannique"}
    assert got["Giorgia Meloni"] >= {"Mme Giorgia Meloni", "la présidente du Conseil italien"}


def test_acronym_joins_its_expansion_and_its_later_uses() -> None:
    text = (
        "L'Organisation du traité de l'Atlantique Nord (OTAN) se réunit. "
        "Le sommet de l'OTAN s'ouvre à Vilnius."
    )
    got = groups(mentions_of(text, ORG="Organisation du traité de l'Atlantique Nord|OTAN", LOC="Vilnius"))
    assert got["Organisation du traité de l'Atlantique Nord"] == {
        "Organisation du traité de l'Atlantique Nord",
        "OTAN",
    }


def test_an_acronym_joins_the_body_its_initials_spell_without_a_parenthesis() -> None:
    text = (
        "L'Union nationale lycéenne a fait savoir qu'elle refusait la réforme. « Les enseignements "
        "sont fondamentaux », a ajouté l'UNL. Le Parti socialiste s'est tu, et l'UMP aussi."
    )
    got = groups(mentions_of(text, ORG="Union nationale lycéenne|UNL|Parti socialiste|UMP"))
    assert got["Union nationale lycéenne"] == {"Union nationale lycéenne", "UNL"}
    assert got["Parti socialiste"] == {"Parti socialiste"}  # PS is not UMP
    found = mentions_of(
        "Le ministre a rencontré le Conseil supérieur de la magistrature. Le CSM a rendu un avis.",
        ORG="Conseil supérieur de la magistrature", MISC="CSM",
    )  # fmt: skip
    (body,) = [e for e in found.entities if e.mentions]
    assert (body.name, body.label) == ("Conseil supérieur de la magistrature", "ORG")


def test_junk_never_becomes_an_entity() -> None:
    text = "Le Parquet a fait appel. M. a dit. Les Russes et les Américains ont voté. Selon lui, rien."
    found = mentions_of(text, PER="Parquet|M.|Selon", LOC="Russes|Américains")
    assert groups(found) == {}


def test_corpus_links_names_roles_and_quotes_across_articles(tmp_path: Path) -> None:
    settings = Settings(db=fresh_db(tmp_path, "s"))
    store = Store(settings.db)
    try:
        ingest([str(SAMPLES)], store, settings, today=TODAY)
        people = {e["name"]: e for e in store.entities(type="PER")}
        ouchakov = people["Iouri Ouchakov"]
        assert "Youri Ouchakov" in ouchakov["aliases"]  # two spellings, two articles, one person
        putin = store.entity("le maître du Kremlin")
        assert putin is not None and putin["name"] == "Vladimir Poutine"
        assert len(putin["article_ids"]) == 5
        # 004 quotes the AFP sentence without a speaker; 000 attributes it: 004's inherits it.
        inherited = [q for q in store.quotes(speaker="Vladimir Poutine") if q["evidence"] == "inherited"]
        assert [q["text"] for q in inherited] == [
            "Les pourparlers se sont tenus dans une atmosphère franche et de travail"
        ]
        assert store.get(inherited[0]["inherited_from"]).file.startswith("000_")  # type: ignore[union-attr]
        export = export_store(store)
        known = {e["id"] for e in export["entities"]}
        for article in export["articles"]:
            for q in article["quotes"]:
                assert article["text"][q["start"] : q["end"]] == q["text"]
                assert q["speaker"] is None or q["speaker"]["entity_id"] in known
            for m in article["mentions"]:
                assert article["text"][m["start"] : m["end"]] == m["text"]
    finally:
        store.close()


def test_order_of_ingest_does_not_change_who_said_what(tmp_path: Path) -> None:
    results = []
    for name, order in (
        ("a", sorted(SAMPLES.glob("*.txt"))),
        ("b", sorted(SAMPLES.glob("*.txt"), reverse=True)),
    ):
        settings = Settings(db=fresh_db(tmp_path, f"{name}"))
        store = Store(settings.db)
        try:
            for path in order:
                ingest([str(path)], store, settings, today=TODAY)
            results.append(
                sorted((q["text"], q["speaker"]["name"] if q["speaker"] else None) for q in store.quotes())
            )
        finally:
            store.close()
    assert results[0] == results[1]


def test_cli_quotes_entities_entity(tmp_path: Path) -> None:
    db = fresh_db(tmp_path, "c")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(SAMPLES), "--db", db]).exit_code == 0
    r = runner.invoke(app, ["quotes", "--speaker", "Lavrov", "--json", "--db", db])
    assert r.exit_code == 0
    lavrov = json.loads(r.stdout)
    assert {q["text"] for q in lavrov} >= {"Fantastique, mieux que super"}
    assert all(q["speaker"]["name"] == "Sergueï Lavrov" for q in lavrov)
    r = runner.invoke(app, ["quotes", "--about", "Bolton", "--json", "--db", db])
    assert any("Bolton" in q["text"] for q in json.loads(r.stdout))
    r = runner.invoke(app, ["entities", "--type", "PER", "--json", "--db", db])
    names = [e["name"] for e in json.loads(r.stdout)]
    assert names[0] == "Vladimir Poutine" and "Sarah Sanders" in names
    r = runner.invoke(app, ["entity", "le locataire de la Maison Blanche", "--db", db])
    assert r.exit_code == 0 and "Donald Trump" in r.stdout
    assert runner.invoke(app, ["entity", "Personne Inconnue", "--db", db]).exit_code == 5


def test_a_city_the_model_calls_a_person_is_a_place() -> None:
    text = "Les combats ont repris à Benghazi. Des renforts sont partis vers Benghazi. M. Poutine a parlé."
    found = mentions_of(text, PER="Benghazi|Poutine")
    labels = {
        found.mentions[j].text: found.entities[e.index].label for e in found.entities for j in e.mentions
    }
    assert labels["Benghazi"] == "LOC" and labels["M. Poutine"] == "PER"


def test_names_a_body_is_also_known_by_share_its_key() -> None:
    same = [
        ("OTAN", "Alliance atlantique"),
        ("Otan", "l'Alliance atlantique"),
        ("AFP", "Agence France-Presse"),
        ("ONU", "Nations unies"),
        ("CPI", "Cour pénale internationale"),
        ("Abdel-Hakim Belhaj", "Abdel Hakim Belhadj"),
    ]
    for a, b in same:
        assert name_key(a, FR) == name_key(b, FR), (a, b)
    assert name_key("Union européenne", FR) != name_key("Union africaine", FR)


def test_nationality_adjectives_belong_to_the_role_and_its_later_uses() -> None:
    text = (
        "Le dirigeant libyen Mouammar Kadhafi a parlé hier soir à la télévision. "
        "Le dirigeant libyen a ensuite ajouté que rien ne changerait."
    )
    got = groups(mentions_of(text, PER="Mouammar Kadhafi"))
    assert got["Mouammar Kadhafi"] == {"Mouammar Kadhafi", "Le dirigeant libyen"}


def test_a_body_role_takes_the_name_of_a_body_written_after_it() -> None:
    text = (
        "Selon le quotidien britannique The Daily Telegraph, l'agence Reuters a menti. "
        "Le journal affirme que le gouvernement Fillon le savait. La chaîne a démenti."
    )
    found = mentions_of(text, ORG="The Daily Telegraph|Reuters", PER="Fillon")
    got = groups(found)
    assert got["The Daily Telegraph"] == {"The Daily Telegraph", "le quotidien britannique", "Le journal"}
    assert got["Reuters"] == {"Reuters", "l'agence"}
    assert got["Fillon"] == {"Fillon"}  # "le gouvernement Fillon" is not the person
    chaine = next(m for m in found.mentions if m.text == "La chaîne")
    assert chaine.entity is None  # no television was named: a newspaper is not "la chaîne"


def test_a_role_followed_by_a_name_introduces_someone_new() -> None:
    text = (
        "Selon le quotidien Quryna, Me Tarbel a été libéré. "
        "Les familles se sont rassemblées, selon le journal en ligne Al-Manara."
    )
    found = mentions_of(text, ORG="Quryna", PER="Tarbel")
    journal = next(m for m in found.mentions if m.text == "le journal")
    assert journal.entity is None  # not Quryna, named before: "en ligne Al-Manara" says which


def test_periphrases_of_an_office_the_model_takes_for_a_name() -> None:
    text = (
        "Le Guide libyen a parlé. Le guide de la révolution libyenne a ensuite ajouté que rien ne changerait."
    )
    found = mentions_of(text, "2011-03-01", MISC="Guide libyen")
    kadhafi = [e for e in found.entities if e.name == "Mouammar Kadhafi"]
    assert len(kadhafi) == 1
    assert {found.mentions[j].text for j in kadhafi[0].mentions} == {
        "Le Guide libyen",
        "Le guide de la révolution libyenne",
    }
    assert not any(m.kind == "name" for m in found.mentions)  # the model's "name" was the role


def test_offices_resolve_to_their_holder_at_the_article_date() -> None:
    text = (
        "Le président sud-africain a reçu le procureur de la CPI. Le maire de Paris a salué leur rencontre."
    )

    def holders(date: str | None) -> list[str | None]:
        found = mentions_of(text, date, ORG="CPI", LOC="Paris")
        return [
            found.entities[m.entity].name if m.entity is not None else None
            for m in found.mentions
            if m.kind == "role"
        ]

    assert holders("2011-04-10") == ["Jacob Zuma", "Luis Moreno Ocampo", "Bertrand Delanoë"]
    assert holders("2023-05-02") == ["Cyril Ramaphosa", "Karim Khan", "Anne Hidalgo"]
    assert holders(None) == [None, None, None]  # undated: only a holder the article names itself
    # … also by the surname alone ("le colonel Kadhafi" is the holder "Mouammar Kadhafi").
    named = "Les forces spéciales traquent le colonel Kadhafi. Le Guide libyen serait à Syrte."
    found = mentions_of(named, None, PER="Kadhafi", LOC="Syrte")
    roles = [m for m in found.mentions if m.kind == "role" and "Guide" in m.text]
    assert roles and all(m.entity is not None and found.entities[m.entity].name == "Kadhafi" for m in roles)
    # … of the role's gender: "le chef de l'Etat" is not "Mme Chirac".
    chirac = mentions_of("Mme Chirac a accompagné jeudi le chef de l'Etat à Brive.", None, PER="Chirac")
    assert not [m for m in chirac.mentions if m.kind == "role" and m.entity is not None]


def test_initials_and_the_first_word_of_a_surname_with_a_particle_name_the_person() -> None:
    text = (
        "Patrick Poivre d'Arvor quitte TF1. PPDA a dit au revoir et Poivre est parti. "
        "Valéry Giscard d'Estaing, dit Giscard, le regrette. Charles de Gaulle et Charles Pasqua aussi. "
        "Ahmed Lamine Ibrahim rencontre Ali."
    )
    found = mentions_of(
        text,
        PER="Patrick Poivre d'Arvor|Poivre|Valéry Giscard d'Estaing|Giscard|Charles de Gaulle|Charles Pasqua|"
        "Ahmed Lamine Ibrahim",
        ORG="PPDA",
        MISC="Ali",
    )
    got = groups(found)
    assert got["Patrick Poivre d'Arvor"] == {"Patrick Poivre d'Arvor", "PPDA", "Poivre"}
    assert got["Valéry Giscard d'Estaing"] == {"Valéry Giscard d'Estaing", "Giscard"}
    assert got["Charles de Gaulle"] == {"Charles de Gaulle"}
    assert "Ali" in got  # initials count only when written in capitals


def test_review_mends_on_entities() -> None:
    from chronique.nlp.mentions import holder_of
    from chronique.nlp.names import fold

    michelin = mentions_of("Le guide Michelin a attribué trois étoiles au restaurant.", ORG="Michelin")
    assert all(found.label != "PER" for found in michelin.entities)  # a guide book, not a person
    assert holder_of(fold("guide de la révolution"), FR, "2009-06-20") is None  # Iran's as much as Libya's
    assert holder_of(fold("homologue égyptien"), FR, "2009-06-20") is None  # a minister's counterpart too
    assert holder_of(fold("président brésilien"), FR, "2009-06-20") == "Lula"
    assert holder_of(fold("président égyptien"), FR, "2009-06-20") == "Hosni Moubarak"
    text = "L'écrivain Jean-Marie d'Ormesson est venu avec sa fille. Marie, 12 ans, a souri."
    got = groups(mentions_of(text, PER="Jean-Marie d'Ormesson|Marie"))
    assert got["Marie"] == {"Marie"}  # a hyphenated first name is no surname
    text = "Bruno Le Maire a reçu les militants. Le mouvement BLM a manifesté devant Bercy."
    got = groups(mentions_of(text, PER="Bruno Le Maire", ORG="BLM"))
    assert got["Bruno Le Maire"] == {"Bruno Le Maire"}  # "le mouvement BLM" is no person's initials


def test_a_name_right_after_a_press_head_is_the_medium_even_if_tagged_a_person() -> None:
    text = (
        "Les raids ont repris, selon l'agence libyenne Jana. La frontière a rouvert, a rapporté le "
        "quotidien algérien Ennahar. Le gouvernement Fillon a démissionné. « Nous ne céderons pas », a "
        "déclaré à la télévision Moussa Ibrahim."
    )
    found = mentions_of(text, PER="Jana|Ennahar|Fillon|Moussa Ibrahim")
    got = groups(found)
    assert got["Jana"] == {"Jana", "l'agence libyenne"}
    assert got["Ennahar"] == {"Ennahar", "le quotidien algérien"}
    kinds = {e.name: e.label for e in found.entities if e.mentions}
    assert kinds["Jana"] == kinds["Ennahar"] == "ORG" and kinds["Fillon"] == "PER"
    assert kinds["Moussa Ibrahim"] == "PER"  # speaking on television, not the channel


def test_a_role_apposed_with_its_complement_is_named_whole() -> None:
    text = (
        "« C'est possible », a souligné le commissaire à la paix et à la sécurité de l'UA, Ramtane Lamamra. "
        "Selon Patrick Haimzadeh, ancien diplomate français à Tripoli, le régime tiendra. "
        "La défection de l'ambassadeur de Libye auprès de l'UE et des pays du Benelux, Hadeiba Alhadi, "
        "a surpris. « Rien », a dit le colonel Roland Lavoie, porte-parole de l'opération Unified Protector. "
        "Le chef des services de renseignements libyens Abdallah al-Senoussi est en fuite."
    )
    found = mentions_of(
        text, LOC="Ramtane Lamamra|Tripoli|Libye", ORG="UA|UE|Benelux",
        PER="Patrick Haimzadeh|Hadeiba Alhadi|Roland Lavoie|Abdallah al-Senoussi",
    )  # fmt: skip
    got = groups(found)
    assert "le commissaire à la paix et à la sécurité de l'UA" in got["Ramtane Lamamra"]  # a person now
    assert "ancien diplomate français à Tripoli" in got["Patrick Haimzadeh"]
    assert "l'ambassadeur de Libye auprès de l'UE et des pays du Benelux" in got["Hadeiba Alhadi"]
    assert "porte-parole de l'opération Unified Protector" in got["Roland Lavoie"]
    assert "Le chef des services de renseignements libyens" in got["Abdallah al-Senoussi"]
    kinds = {e.name: e.label for e in found.entities if e.mentions}
    assert kinds["Ramtane Lamamra"] == "PER"


def test_a_short_complement_ending_on_a_noun_and_a_vice_role_name_the_person_after_them() -> None:
    text = (
        "Le médiateur du crédit René Ricol est venu. Le vice-ministre de la Défense Faouzi Abou Katif "
        "a démenti. La fille du ministre de la Défense Gérard Longuet travaille chez Bull. Le ministre "
        "de la Défense de Nicolas Sarkozy se tait."
    )
    found = mentions_of(text, PER="René Ricol|Faouzi Abou Katif|Gérard Longuet|Nicolas Sarkozy", ORG="Bull")
    got = groups(found)
    assert "Le médiateur du crédit" in got["René Ricol"]
    assert "Le vice-ministre de la Défense" in got["Faouzi Abou Katif"]
    assert not any(form.startswith("La fille") for form in got["Gérard Longuet"])  # the minister's name
    assert got["Nicolas Sarkozy"] == {"Nicolas Sarkozy"}
    text = (  # a name apposed to a common noun of the complement is that noun's
        "« Nous allons porter plainte », a déclaré l'avocat de la famille Kadhafi, Marcel Ceccaldi. "
        "L'avocat de la victime Tristane Banon a porté plainte."
    )
    got = groups(mentions_of(text, PER="Kadhafi|Marcel Ceccaldi|Tristane Banon"))
    assert "l'avocat de la famille Kadhafi" in got["Marcel Ceccaldi"]
    assert got["Kadhafi"] == {"Kadhafi"} and got["Tristane Banon"] == {"Tristane Banon"}


def test_a_long_apposition_stops_at_other_people_and_other_nouns() -> None:
    text = (
        "En compagnie de l'ancien chef des services de renseignements libyens Abdallah al-Senoussi, "
        "Seif el-Islam Kadhafi aurait franchi la frontière. La France salue le Conseil, instance dirigeante "
        "de l'insurrection contre le colonel Kadhafi. Sur les rumeurs d'une intervention du président de "
        "la République en sa faveur, Laurence Ferrari répond : « Non ». "
        "L'envoyé spécial du Figaro à bord du porte-avions italien Garibaldi raconte. "
        "Le porte-parole de la coalition, qui a frappé Tripoli, Jean Dupont, a parlé."
    )
    found = mentions_of(
        text, PER="Abdallah al-Senoussi|Seif el-Islam Kadhafi|Kadhafi|Laurence Ferrari|Garibaldi|Jean Dupont",
        ORG="Figaro",
    )  # fmt: skip
    got = groups(found)
    assert not any("chef" in t for t in got["Seif el-Islam Kadhafi"])
    assert got["Laurence Ferrari"] == {"Laurence Ferrari"}  # the president is a complement of "intervention"
    assert got["Garibaldi"] == {"Garibaldi"}  # the aircraft carrier's name
    assert got["Jean Dupont"] == {"Jean Dupont"}  # a relative clause ends the noun phrase
    assert not any("dirigeante" in t for t in got.get("Kadhafi", set()) | got["Seif el-Islam Kadhafi"])


def test_a_person_the_model_fused_with_the_body_before_is_split_off() -> None:
    text = (
        "L'Otan frappe encore. « Nous protégerons les civils », a déclaré le secrétaire général de l'Otan "
        "Anders Fogh Rasmussen. Le Tour commence, et Amnesty International France proteste, comme Amnesty "
        "International et la France."
    )
    ents = [
        tagged(text, "Otan", "ORG"),
        tagged(text, "Otan Anders Fogh Rasmussen", "ORG"),
        tagged(text, "Tour", "MISC"),
        tagged(text, "Amnesty International France", "ORG"),
        tagged(text, "Amnesty International", "ORG", 1),
        tagged(text, "France", "LOC", 1),
    ]
    found = find_mentions(text, ents, FR, None)
    names = {(m.text, m.label) for m in found.mentions if m.kind == "name"}
    assert ("Anders Fogh Rasmussen", "PER") in names and ("Otan", "ORG") in names
    assert ("Amnesty International France", "ORG") in names  # its words name other bodies and places


def test_the_name_after_a_persons_role_is_a_person_whatever_the_model_did() -> None:
    text = (
        "Le Premier ministre turc Recep Tayyip Erdogan est à Tripoli. Une menace minimisée par le ministre "
        "de l'Énergie Éric Besson sur RTL. Il est directeur du Laboratoire national Lawrence Berkeley. "
        "Selon un journaliste de l'Agence France-Presse, la ville est calme."
    )
    ents = [
        tagged(
            text, "Premier ministre turc Recep Tayyip Erdogan", "MISC"
        ),  # the role read as part of the name
        tagged(text, "RTL", "ORG"),  # "Éric Besson" not tagged at all
        tagged(text, "Laboratoire national Lawrence Berkeley", "ORG"),
        tagged(text, "Agence France-Presse", "ORG"),
    ]
    found = find_mentions(text, ents, FR, None)
    people = {m.text for m in found.mentions if m.kind == "name" and m.label == "PER"}
    assert people == {"Recep Tayyip Erdogan", "Éric Besson"}
    got = groups(found)
    assert "Le Premier ministre turc" in got["Recep Tayyip Erdogan"]
    assert "le ministre de l'Énergie" in got["Éric Besson"]


def test_review_mends_on_long_appositions_fused_names_and_offices() -> None:
    text = (
        "Pour Alain Juppé, le dirigeant libyen au pouvoir depuis 1969 doit partir. "
        "Le conseiller diplomatique des présidents Jacques Chirac et Nicolas Sarkozy, Jean-David Levitte, a "
        "rencontré les rebelles. Le ministre de l'Intérieur du gouvernement de François Fillon, Claude "
        "Guéant, a parlé. En compagnie du chef des rebelles Abdel Jalil, Seif el-Islam a fui."
    )
    people = "Alain Juppé|Jacques Chirac|Nicolas Sarkozy|Jean-David Levitte|François Fillon|Claude Guéant"
    got = groups(mentions_of(text, PER=people + "|Abdel Jalil|Seif el-Islam"))
    assert got["Alain Juppé"] == {"Alain Juppé"}  # a source, then a new subject
    assert any(t.startswith("Le conseiller diplomatique") for t in got["Jean-David Levitte"])
    assert any(t.startswith("Le ministre de l'Intérieur") for t in got["Claude Guéant"])
    assert got["Seif el-Islam"] == {"Seif el-Islam"}
    text = "Les blessés sont soignés au Tripoli Medical Center. Tripoli est calme."
    start = text.index("Tripoli Medical Center")
    ents = [(start, start + 22, "LOC"), (text.rindex("Tripoli"), text.rindex("Tripoli") + 7, "LOC")]
    names = {m.text for m in find_mentions(text, ents, FR, None).mentions}
    assert "Tripoli Medical Center" in names  # no role of the body before it: no person split off
    got = groups(mentions_of(
        "Barack Hussein Obama a reçu Michelle Obama. Le président américain a ensuite parlé.", "2011-03-08",
        PER="Barack Hussein Obama|Michelle Obama",
    ))  # fmt: skip
    assert "Le président américain" in got["Barack Hussein Obama"]


def test_the_name_after_a_press_head_and_its_qualifiers_is_the_medium() -> None:
    text = (
        "Selon la chaîne d'information qatarie al-Jezira, des avions ont bombardé la caserne. Il a publié "
        "un document sur le site Internet du ministère. La télévision a montré Kadhafi."
    )
    found = mentions_of(text, PER="Kadhafi")
    names = {(m.text, m.label) for m in found.mentions if m.kind == "name"}
    assert ("al-Jezira", "ORG") in names
    assert "la chaîne" in groups(found)["al-Jezira"]
    assert not any(t in {"Internet"} for t, _ in names)  # a common noun with a capital
    assert ("Kadhafi", "PER") in names  # a verb between the head and the name: no medium


def test_a_group_named_with_a_complement_is_a_body() -> None:
    text = (
        "Les rebelles libyens ont pris Brega. Le gouvernement de Kadhafi a démenti, puis les rebelles ont "
        "reculé. La coalition internationale frappe. Les autorités ukrainiennes ont protesté. Les rebelles "
        "avancent. Au Liban, les autorités ont accueilli des réfugiés. Le régime général des retraites change."
    )
    found = mentions_of(text, PER="Kadhafi", LOC="Brega")
    got = groups(found)
    # plural adjectives after a role noun are part of it ("libyens", "ukrainiennes")
    assert got["rebelles libyens"] == {"rebelles libyens", "rebelles"}
    assert got["gouvernement de Kadhafi"] == {"Le gouvernement de Kadhafi"}
    assert not any("régime" in name for name in got)  # "régime" is as often a pension's or a diet's
    assert got["coalition internationale"] == {"La coalition internationale"}
    assert got["autorités ukrainiennes"] == {"autorités ukrainiennes"}  # not Lebanon's "les autorités"
    assert {m.text for m in found.mentions if m.text == "autorités" and m.entity is None} == {"autorités"}
    assert all(found.entities[m.entity].label == "ORG" for m in found.mentions
               if m.entity is not None and m.text.startswith(("rebelles", "autorités")))  # fmt: skip
    # a bare group with nothing to refer back to names no one: not an entity of its own
    alone = groups(mentions_of("Les rebelles ont pris Brega.", LOC="Brega"))
    assert not any("rebelles" in forms for forms in alone.values())


def test_a_relative_the_model_left_untagged_is_found_by_the_family_name() -> None:
    text = (
        "Mouammar Kadhafi a fui. Le bunker souterrain de Mouatassim Kadhafi, un des fils du dirigeant, a été "
        "ouvert. Mouatassim a été formé en Égypte. Le Colonel Kadhafi n'a rien dit."
    )
    alone = text.index("Mouatassim a")
    found = find_mentions(text, [(0, 16, "PER"), (alone, alone + 10, "PER")], FR, None)
    got = groups(found)
    assert got["Mouatassim Kadhafi"] == {"Mouatassim Kadhafi", "Mouatassim"}  # and its first name alone
    assert "Colonel Kadhafi" not in {m.text for m in found.mentions}  # a role word is no first name
    # a first name shared by two full names of the article is left alone
    got = groups(mentions_of(
        "Ali Zeidan a parlé à Ali Tarhouni. Ali a répondu.", PER="Ali Zeidan|Ali Tarhouni|Ali ",
    ))  # fmt: skip
    assert got["Ali Zeidan"] == {"Ali Zeidan"} and got["Ali Tarhouni"] == {"Ali Tarhouni"}


def test_a_title_before_the_surname_of_a_person_named_in_full_is_that_person() -> None:
    text = (
        "Le président d'Axa, Henri de Castries, était là. M. de Castries a parlé, puis M. de Castries a quitté"
        " la salle. Mme Lagarde a souri."
    )
    second = text.index("Castries a quitté")
    found = find_mentions(text, [(20, 37, "PER"), (second, second + 8, "PER")], FR, None)
    got = groups(found)
    assert got["Henri de Castries"] >= {"Henri de Castries", "M. de Castries"}  # untagged, or tagged in part
    assert [m.text for m in found.mentions if "Castries" in m.text] == [
        "Henri de Castries",
        *["M. de Castries"] * 2,
    ]
    assert not any("Lagarde" in m.text for m in found.mentions)  # no one of that name is named in full
    text = "Le général Bouchard accuse Tripoli. Le général canadien Charles Bouchard a été nommé en mars."
    full = text.index("Charles")
    got = groups(find_mentions(text, [(full, full + 16, "PER")], FR, None))
    # after a role's noun in lower case, the surname joins the person and the role stays a role
    assert {"Bouchard", "Le général"} <= got["Charles Bouchard"]
    text = (
        "Mouammar Kadhafi a parlé mardi. Le colonel Kadhafi a affirmé qu'il ne partirait pas. Le colonel a"
        " ajouté que la Libye résisterait."
    )
    got = groups(mentions_of(text, PER="Mouammar Kadhafi|Kadhafi"))
    assert {"Le colonel", "Kadhafi"} <= got["Mouammar Kadhafi"]  # "le colonel" still names him later


def test_review_mends_on_first_names_titles_and_bodies() -> None:
    text = (
        "Florence Cassez a été transférée. À Florence, des manifestants ont protesté. Abdallah Senoussi a "
        "fui. Le roi Abdallah a promis des réformes."
    )
    king = text.index("roi Abdallah") + 4
    ents = [
        tagged(text, "Florence Cassez", "PER"),
        tagged(text, "Florence", "LOC", 1),
        tagged(text, "Abdallah Senoussi", "PER"),
    ]
    got = groups(find_mentions(text, [*ents, (king, king + 8, "PER")], FR, None))
    assert got["Florence Cassez"] == {"Florence Cassez"}  # a place is no first name
    assert got["Abdallah Senoussi"] == {"Abdallah Senoussi"}  # the king is someone else
    found = mentions_of(
        "Le porte-parole de la coalition, le général Carter Ham, a parlé. La coalition indique que les "
        "frappes continuent. Le porte-parole a ajouté un mot.",
        PER="Carter Ham",
    )
    got = groups(found)
    assert "Le porte-parole de la coalition" in got["Carter Ham"]  # past the name's own title
    assert not any("indique" in m.text for m in found.mentions)  # a verb is no adjective


def test_second_review_mends_on_groups_and_first_names() -> None:
    found = mentions_of(
        "Les forces de Kadhafi tentent de reprendre aux insurgés Misrata. Les rebelles de Misrata ont "
        "résisté. A l'est, les rebelles ont reculé.",
        PER="Kadhafi", LOC="Misrata",
    )  # fmt: skip
    got = groups(found)
    assert got["Misrata"] == {"Misrata"}  # a group is not named by apposition
    assert not any(
        "rebelles" in forms and len(forms) > 1 for forms in got.values()
    )  # a part is not the whole
    got = groups(mentions_of(
        "Mouammar Kadhafi a fui. Des partisans ont défilé à Kadhafi Place Verte. Kadhafi a parlé.",
        PER="Mouammar Kadhafi|Kadhafi Place Verte|Kadhafi ",
    ))  # fmt: skip
    assert "Kadhafi" not in got.get("Kadhafi Place Verte", set())  # a surname is no first name


def test_a_first_name_after_the_title_the_full_name_had_is_that_person() -> None:
    text = (
        "Le général thaïlandais Wiboonsak Neeparn a reçu son homologue. « Les deux parties sont convenues de "
        "rester sur leurs positions », a dit le général Wiboonsak. Le roi Wiboonsak n'a rien dit."
    )
    first = text.index("général Wiboonsak.") + 8
    king = text.index("roi Wiboonsak") + 4
    ents = [(text.index("Wiboonsak Neeparn"), text.index("Wiboonsak Neeparn") + 17, "PER")]
    found = find_mentions(text, [*ents, (first, first + 9, "PER"), (king, king + 9, "PER")], FR, None)
    got = groups(found)
    assert {"Wiboonsak Neeparn", "Wiboonsak", "le général"} <= got[
        "Wiboonsak Neeparn"
    ]  # a Thai general's name
    king_mention = next(m for m in found.mentions if m.start == king)
    assert found.entities[king_mention.entity].name != "Wiboonsak Neeparn"  # another title: someone else


def test_a_body_written_with_its_article_is_the_body_of_that_name() -> None:
    # The model tags "Commission européenne" inside the role and at the sentence's start without "La":
    # the body's role-like form "La Commission européenne" is no second body.
    text = (
        "Le président de la Commission européenne José Manuel Barroso a salué l'accord. La Commission"
        " européenne a publié un communiqué."
    )
    found = mentions_of(text, ORG="Commission européenne", PER="José Manuel Barroso")
    got = groups(found)
    assert got["Commission européenne"] == {"Commission européenne", "La Commission européenne"}
    assert [e.name for e in found.entities if e.mentions and e.label == "ORG"] == ["Commission européenne"]


def test_an_acronym_the_model_left_untagged_is_the_body_whose_initials_it_spells() -> None:
    text = (
        "L'Union africaine a proposé une feuille de route. Selon l'UA, Kadhafi l'a acceptée. Le Parti"
        " socialiste a critiqué le plan, mais le PS reste divisé. AU REVOIR, a lancé un manifestant."
    )
    got = groups(mentions_of(text, ORG="Union africaine|Parti socialiste", PER="Kadhafi"))
    assert got["Union africaine"] == {"Union africaine", "UA"}
    assert got["Parti socialiste"] == {"Parti socialiste", "PS"}
    assert not any("AU" in forms for forms in got.values())  # capitals that spell no body's initials


def test_a_bodys_role_reaches_its_cause_and_names_the_body_after_it() -> None:
    text = (
        "La demande est un premier pas, a réagi l'organisation de défense des droits de l'homme Human"
        " Rights Watch."
    )
    got = groups(mentions_of(text, ORG="Human Rights Watch"))
    assert got["Human Rights Watch"] == {
        "Human Rights Watch",
        "l'organisation de défense des droits de l'homme",
    }
    # The model read the domain's last word into the name: the name is what follows the role.
    text = "L'organisation de défense des droits de l'Homme Amnesty International a dénoncé ces abus."
    got = groups(mentions_of(text, ORG="Homme Amnesty International"))
    assert got["Amnesty International"] == {
        "Amnesty International",
        "L'organisation de défense des droits de l'Homme",
    }
