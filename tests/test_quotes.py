"""Quotations and speakers on hand-built French press sentences (entities given by hand, no model),
and on bad input through the real model."""

from __future__ import annotations

import re

import pytest

from chronique.nlp.analysis import Annotations, annotate, annotate_text
from chronique.nlp.quotes import quote_spans


def ents(text: str, **labels: str) -> list[tuple[int, int, str]]:
    """Every occurrence of each name (keyword: the label, names separated by |) as an NER entity."""
    out = []
    for label, names in labels.items():
        for name in names.split("|"):
            out += [(m.start(), m.end(), label) for m in re.finditer(re.escape(name), text)]
    return sorted(out)


def run(text: str, date: str | None = "2021-03-10", **labels: str) -> Annotations:
    return annotate_text(text, ents(text, **labels), "fr", date)


def said(ann: Annotations) -> list[tuple[str, str, str | None]]:
    """(kind, text, speaker's canonical name) of each quotation."""
    out = []
    for q in ann.quotes:
        speaker = ann.entities.entities[q.speaker].name if q.speaker is not None else None
        out.append((q.kind, q.text, speaker))
    return out


def test_inverted_direct_quote_with_title_and_day() -> None:
    text = "« Nous ne reculerons pas », a déclaré lundi Mme Christine Lagarde à Francfort."
    assert said(run(text, PER="Christine Lagarde")) == [
        ("direct", "Nous ne reculerons pas", "Christine Lagarde")
    ]


def test_pronoun_inversion_takes_the_last_speaker() -> None:
    text = (
        '"La réforme sera votée", a assuré Olivier Véran. "Nous avons les voix", a-t-il ajouté.\n'
        '"Le calendrier est tenu", a-t-il poursuivi.'
    )
    got = said(run(text, PER="Olivier Véran"))
    assert [s for _, _, s in got] == ["Olivier Véran"] * 3
    assert got[1][1] == "Nous avons les voix"


def test_forward_cues_que_colon_and_infinitive() -> None:
    text = (
        "Le ministre Bruno Le Maire a affirmé mardi aux journalistes que la croissance repartirait en 2022. "
        "M. Le Maire a répondu : « Il n'y aura pas de hausse d'impôts ». "
        'Il a aussi confié avoir "hésité longtemps" avant de signer.'
    )
    got = said(run(text, PER="Bruno Le Maire|Le Maire"))
    assert got == [
        ("indirect", "la croissance repartirait en 2022", "Bruno Le Maire"),
        ("direct", "Il n'y aura pas de hausse d'impôts", "Bruno Le Maire"),
        ("mixed", 'avoir "hésité longtemps" avant de signer', "Bruno Le Maire"),
    ]


def test_selon_at_the_start_skips_the_apposition_and_at_the_end_names_the_source() -> None:
    text = (
        "Selon Karine Jean-Pierre, la porte-parole de la Maison Blanche, une rencontre est envisagée. "
        "Les négociations reprendront en avril, selon un diplomate européen."
    )
    ann = run(text, PER="Karine Jean-Pierre")
    got = said(ann)
    assert got[0] == ("indirect", "une rencontre est envisagée", "Karine Jean-Pierre")
    assert got[1][:2] == ("indirect", "Les négociations reprendront en avril") and got[1][2] is None
    assert ann.quotes[1].speaker_text == "un diplomate européen"


def test_continuation_cue_keeps_the_speaker_and_cuts_the_clause() -> None:
    text = (
        'Le chancelier Olaf Scholz a jugé que l\'accord était "solide", en précisant que '
        "la Commission devait encore le valider."
    )
    got = said(run(text, date="2022-05-02", PER="Olaf Scholz", ORG="Commission"))
    assert got == [
        ("mixed", 'l\'accord était "solide"', "Olaf Scholz"),
        ("indirect", "la Commission devait encore le valider", "Olaf Scholz"),
    ]


def test_passive_attribution_of_quoted_words() -> None:
    text = 'Jugé "historique" par Ursula von der Leyen, le texte divise pourtant les Vingt-Sept.'
    assert said(run(text, PER="Ursula von der Leyen")) == [("mixed", "historique", "Ursula von der Leyen")]


def test_periphrasis_names_the_office_holder_at_the_article_date() -> None:
    text = "« La Russie restera forte », a lancé le maître du Kremlin devant la Douma."
    old = run(text, date="2010-06-01")
    new = run(text, date="2019-06-01")
    assert said(old)[0][2] == "Dmitri Medvedev"
    assert said(new)[0][2] == "Vladimir Poutine"


def test_role_anaphora_skips_a_name_of_its_own_sentence() -> None:
    text = (
        "Le conseiller du président Alexis Kohler a rencontré le conseiller de Berlin Jens Plötner. "
        "Une réunion avec M. Plötner est prévue en mai, a précisé le conseiller."
    )
    got = said(run(text, PER="Alexis Kohler|Jens Plötner|Plötner"))
    assert got == [("indirect", "Une réunion avec M. Plötner est prévue en mai", "Alexis Kohler")]


def test_standalone_quotation_carries_the_speaker_within_its_paragraph_or_a_quote_paragraph() -> None:
    text = (
        "« Nous tiendrons », a promis Volodymyr Zelensky. « Chaque ville sera défendue jusqu'au bout. »\n"
        "« La paix est encore loin de nous tous. »\n"
        "Le front a tenu. « Personne ne viendra nous sauver de cette guerre. » Puis la nuit est tombée.\n"
        "« Les sirènes ont hurlé toute la nuit sur Kiev »"
    )
    got = said(run(text, PER="Volodymyr Zelensky"))
    assert got[1] == ("direct", "Chaque ville sera défendue jusqu'au bout", "Volodymyr Zelensky")
    assert got[2] == (
        "direct",
        "La paix est encore loin de nous tous",
        "Volodymyr Zelensky",
    )  # a quote paragraph
    assert got[3] == ("direct", "Personne ne viendra nous sauver de cette guerre", None)
    assert len(got) == 4  # the last line, unpunctuated and short, is an intertitle


def test_speaker_named_in_an_incise_inside_the_quotation_marks() -> None:
    text = "« La vraie question, résume Éric Charbonnier, est de savoir qui paiera. »"
    assert said(run(text, PER="Éric Charbonnier"))[0][2] == "Éric Charbonnier"


def test_postposed_subject_after_dates_and_outlets_and_anonymous_speakers() -> None:
    text = (
        "« C'est vrai que j'en ai envie », a déclaré mercredi 12 novembre sur TF1 Ségolène Royal. "
        "« Le gouvernement tiendra », a assuré à l'AFP François Hollande. "
        "« Le dalaï lama doit revenir », a déclaré un moine aux journalistes."
    )
    ann = run(text, PER="Ségolène Royal|François Hollande", ORG="TF1|AFP")
    assert [s for _, _, s in said(ann)] == ["Ségolène Royal", "François Hollande", None]
    assert ann.quotes[2].speaker_text == "un moine"


def test_curly_apostrophes_pour_and_narrative_infinitive() -> None:
    text = (
        "La ministre Rachida Dati assure qu’il n’y a « aucun risque ». "
        "Pour Marc Chauvelot, du SNRT CGT, « rien de ce qu’il propose ne tient debout ». "
        "Et Jean Téaldi d’ajouter : « Les consultations vont commencer. »"
    )
    got = said(run(text, PER="Rachida Dati|Marc Chauvelot|Jean Téaldi"))
    assert [(k, s) for k, _, s in got] == [
        ("mixed", "Rachida Dati"),
        ("direct", "Marc Chauvelot"),
        ("direct", "Jean Téaldi"),
    ]
    assert got[0][1] == "il n’y a « aucun risque »"


def test_negated_reporting_verbs_and_questions_report_nothing() -> None:
    text = (
        "Son amie ne lui avait pas dit que le garçon avait disparu. "
        "Alberto Contador a-t-il exigé d'avoir l'exclusivité de la course ?"
    )
    assert said(run(text, PER="Alberto Contador")) == []


def test_pronoun_finds_a_subject_that_was_not_a_speaker() -> None:
    text = (
        "Ségolène Royal a jugé hier soir bien dommage cette interruption. "
        "Elle a appelé à un nouveau vote : « Il est très important que les militants reviennent. »"
    )
    got = said(run(text, PER="Ségolène Royal"))
    assert got == [("direct", "Il est très important que les militants reviennent", "Ségolène Royal")]


def test_scare_quotes_and_weak_cues_are_not_speech() -> None:
    text = (
        "Le \"quoi qu'il en coûte\" a vécu. L'entreprise a lancé une offensive commerciale, a noté Reuters. "
        "Les deux pays ont évoqué la question, selon nos informations sans plus de détail"
    )
    got = said(run(text, ORG="Reuters"))
    assert all(kind != "direct" for kind, _, _ in got)
    assert not any(t == "quoi qu'il en coûte" for _, t, _ in got)


def test_coordinated_subjects_name_no_single_speaker() -> None:
    text = "Emmanuel Macron et Olaf Scholz ont affirmé que l'Europe devait s'armer."
    ann = run(text, PER="Emmanuel Macron|Olaf Scholz")
    assert said(ann) == [("indirect", "l'Europe devait s'armer", None)]
    assert ann.quotes[0].speaker_text == "Emmanuel Macron et Olaf Scholz"


def test_reported_speech_inside_reported_speech_stays_one_quotation() -> None:
    text = "Jean Castex a indiqué que le préfet avait déclaré à la presse que la route était fermée."
    got = said(run(text, PER="Jean Castex"))
    assert got == [
        ("indirect", "le préfet avait déclaré à la presse que la route était fermée", "Jean Castex")
    ]


def test_quotation_marks_afp_nested_padded_and_unbalanced() -> None:
    text = '" Nous avons +tout+ tenté ", a dit Ana. « Il a dit "non" hier ». Puis « rien.'
    spans = quote_spans(text)
    assert [text[a + 1 : b] for a, b in spans] == [" Nous avons +tout+ tenté ", ' Il a dit "non" hier ']
    got = said(run(text, PER="Ana"))
    assert got[0] == ("direct", "Nous avons +tout+ tenté", "Ana")


def test_offsets_point_into_the_text() -> None:
    text = (
        "« D'abord, la sécurité. Ensuite, le reste », a martelé Gérald Darmanin, selon qui "
        "« rien n'est exclu ». Il a ajouté que des renforts arriveraient."
    )
    ann = run(text, PER="Gérald Darmanin")
    assert ann.quotes
    for q in ann.quotes:
        assert text[q.start : q.end] == q.text
    for m in ann.entities.mentions:
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    [
        "Bonjour",
        '""""""""""""""""',
        "« « « » » » “ ” „ “ ‹ ›",
        '"' * 10_001,
        "« Il n'y a pas de fin, a-t-il dit. Et puis rien.",
        "\n".join(f"Paragraphe {i} : « Phrase {i} », a dit Paul Durand." for i in range(200)),
        ", a-t-il ajouté.",
        "Selon",
        "a déclaré que",
    ],
)
def test_bad_input_never_crashes_and_offsets_hold(text: str) -> None:
    (ann,) = list(annotate([(text, "fr", None)]))
    for q in ann.quotes:
        assert 0 <= q.start < q.end <= len(text) and text[q.start : q.end] == q.text
    for m in ann.entities.mentions:
        assert text[m.start : m.end] == m.text


def test_two_hundred_paragraphs_keep_every_quotation() -> None:
    text = "\n".join(f"« Réponse numéro {i} », a dit Paul Durand." for i in range(200))
    (ann,) = list(annotate([(text, "fr", None)]))
    assert len(ann.quotes) == 200
    assert {ann.entities.entities[q.speaker].name for q in ann.quotes if q.speaker is not None} == {
        "Paul Durand"
    }


def test_padded_straight_quotes_open_a_sentence_and_channels_need_que() -> None:
    text = (
        'La saison est finie. " Nous avons fait une campagne remarquable ", a-t-il ajouté après '
        "Paul Durand. Les deux dirigeants ont insisté sur leur volonté d'aller de l'avant. "
        "Marie Curie a estimé sur France Inter que la recherche manquait de moyens."
    )
    got = said(run(text, PER="Paul Durand|Marie Curie", ORG="France Inter"))
    assert got[0][:2] == ("direct", "Nous avons fait une campagne remarquable")
    assert ("indirect", "la recherche manquait de moyens", "Marie Curie") in got
    assert not any("aller de l'avant" in t for _, t, _ in got)


def test_selon_needs_someone_who_can_speak() -> None:
    text = (
        "La confusion règne dans la capitale, selon une géographie complexe. "
        "Les troupes ont reculé, selon une source proche du dossier. "
        "Selon le schéma retenu, la France paiera trois milliards."
    )
    got = said(run(text))
    assert [t for _, t, _ in got] == ["Les troupes ont reculé"]


def test_selon_a_role_that_names_no_one_known_keeps_all_its_words() -> None:
    text = (
        "Me Tarbel a été libéré sous la pression des familles, selon le quotidien Quryna. "
        "Les familles se sont rassemblées devant le poste, selon le journal en ligne Al-Manara."
    )
    ann = run(text, PER="Tarbel", ORG="Quryna")
    assert [(q.speaker_text, q.speaker is not None) for q in ann.quotes] == [
        ("le quotidien", True),
        ("le journal en ligne Al-Manara", False),  # not Quryna, named before, nor just "le journal"
    ]


def test_a_forward_cue_reaches_its_words_past_a_full_date_and_a_place() -> None:
    text = "Bruno Le Maire a déclaré mercredi 12 septembre 2018 à Paris que « la croissance sera au rendez-vous »."
    assert said(run(text, PER="Bruno Le Maire")) == [
        ("direct", "la croissance sera au rendez-vous", "Bruno Le Maire")
    ]
    later = "Le ministre a assuré le 3 mars au Caire que les négociations reprendraient bientôt."
    assert [(k, t) for k, t, _ in said(run(later))] == [
        ("indirect", "les négociations reprendraient bientôt")
    ]


def test_selon_before_an_incise_names_the_speaker_and_is_not_what_was_said() -> None:
    text = (
        "Bruno Le Maire était à Paris mercredi. Selon lui, les réformes engagées depuis l'été portent "
        "leurs fruits, a-t-il ajouté. Pour la première fois, la dette recule, a-t-il poursuivi."
    )
    assert [t for _, t, _ in said(run(text, PER="Bruno Le Maire"))] == [
        "les réformes engagées depuis l'été portent leurs fruits",
        "Pour la première fois, la dette recule",
    ]


def test_a_relative_pronoun_subject_speaks_for_its_antecedent() -> None:
    text = (
        "Roland Dumas était accompagné de l'avocat Jacques Vergès, qui a dit avoir pour but de démasquer les"
        " assassins. L'Otan, qui a reconnu avoir bombardé par erreur un quartier de Tripoli, a indiqué avoir"
        " visé un site militaire. Un habitant qui a requis l'anonymat a affirmé que la ville était calme."
    )
    got = said(run(text, PER="Roland Dumas|Jacques Vergès", ORG="L'Otan"))
    assert [(t[:30], s) for _, t, s in got] == [
        ("avoir pour but de démasquer le", "Jacques Vergès"),
        ("avoir bombardé par erreur un q", "L'Otan"),
        ("avoir visé un site militaire", "L'Otan"),
        ("la ville était calme", None),
    ]


def test_selon_lui_at_the_end_is_the_last_speaker() -> None:
    text = (
        "Le ministre Bruno Le Maire a affirmé que la croissance repartirait. "
        "Les investissements reprendront dès l'automne, selon lui."
    )
    got = said(run(text, PER="Bruno Le Maire"))
    assert got[-1] == ("indirect", "Les investissements reprendront dès l'automne", "Bruno Le Maire")


def test_the_latter_and_the_person_concerned_are_the_person_named_last() -> None:
    text = (
        "Il souhaite, comme Mohammed Moussaoui, président du CFCM, que les données soient contrôlées.\n"
        "\"Nous devons cependant attendre l'avis du Conseil d'État\", ajoute ce dernier.\n"
        "Pourquoi pas Harlem Désir ?\nL'intéressé dément : « Je ne suis pas candidat. »\n"
        "Martine Aubry a rencontré Bertrand Delanoë. Cette dernière a affirmé que l'accord était proche."
    )
    got = said(run(text, PER="Mohammed Moussaoui|Harlem Désir|Martine Aubry|Bertrand Delanoë"))
    assert [s for _, _, s in got] == ["Mohammed Moussaoui", "Harlem Désir", "Martine Aubry"]


def test_a_person_then_a_colon_then_a_quotation_ending_the_sentence_is_that_persons_words() -> None:
    text = (
        "Arnaud Montebourg est candidat. Mais il est catégorique : « Nous sommes près d'un accord avec Martine"
        " Aubry. »\nMartine Aubry dresse un constat sévère : « Nous ne sommes pas les seuls à vouloir le faire. »\n"
        "Le slogan était clair : « Libérez les prisonniers de la prison d'Abou Salim. »"
    )
    got = said(run(text, PER="Arnaud Montebourg|Martine Aubry"))
    assert got == [
        ("direct", "Nous sommes près d'un accord avec Martine Aubry", "Arnaud Montebourg"),
        ("direct", "Nous ne sommes pas les seuls à vouloir le faire", "Martine Aubry"),
    ]


def test_a_fear_is_reported_speech() -> None:
    text = "Anne-Cécile Antoni craint que la collecte de données ne porte atteinte au principe de non-discrimination."
    got = said(run(text, PER="Anne-Cécile Antoni"))
    assert got == [
        (
            "indirect",
            "la collecte de données ne porte atteinte au principe de non-discrimination",
            "Anne-Cécile Antoni",
        )
    ]


def test_a_title_given_before_a_name_names_that_person_later() -> None:
    text = (
        "L'humoriste Dieudonné est arrivé à Tripoli avec Ginette Hess-Skandrani.\n"
        "« Les Tripolitains sont sereins mais indignés par l'agression étrangère », a encore assuré l'humoriste."
    )
    got = said(run(text, PER="Dieudonné|Ginette Hess-Skandrani"))
    assert got == [
        ("direct", "Les Tripolitains sont sereins mais indignés par l'agression étrangère", "Dieudonné")
    ]


def test_an_initial_or_a_title_with_a_full_stop_does_not_end_the_speakers_name() -> None:
    text = (
        "« Le décret légalise une mise à plat de l'intimité des gens », observe quant à lui le P. Jacques"
        " Turck, directeur du Service national."
    )
    assert said(run(text, PER="Jacques Turck")) == [
        ("direct", "Le décret légalise une mise à plat de l'intimité des gens", "Jacques Turck")
    ]


def test_saying_it_of_oneself_reports_a_stance_and_a_relative_reaches_past_an_apposition() -> None:
    text = (
        "Roland Dumas s'est déclaré prêt à défendre Muammar Kadhafi devant la Cour. "
        "Angela Merkel s'est dite préoccupée par la situation en Libye.\n"
        "« Le décret légalise une mise à plat de l'intimité des gens », observe Jacques Turck, directeur du"
        " Service national pour les questions familiales, qui s'interroge : « Comment se donner les critères"
        " d'évaluation de la sûreté de l'État ? »"
    )
    got = said(run(text, PER="Roland Dumas|Muammar Kadhafi|Angela Merkel|Jacques Turck"))
    assert got == [
        ("indirect", "prêt à défendre Muammar Kadhafi devant la Cour", "Roland Dumas"),
        ("indirect", "préoccupée par la situation en Libye", "Angela Merkel"),
        ("direct", "Le décret légalise une mise à plat de l'intimité des gens", "Jacques Turck"),
        ("direct", "Comment se donner les critères d'évaluation de la sûreté de l'État", "Jacques Turck"),
    ]


def test_impersonal_il_fears_and_relative_clauses_end_where_they_should() -> None:
    text = (
        "Nicolas Sarkozy était à Benghazi. Il faut relire la résolution 1973 : « Toutes les mesures"
        " nécessaires pour protéger les civils. »\n"
        "Alain Juppé craint d'être entraîné dans une guerre longue.\n"
        "On craint que le bilan ne s'alourdisse dans les prochains jours.\n"
        "Washington, qui a affirmé que Kadhafi devait partir, prépare de nouvelles sanctions.\n"
        "François Fillon, qui a affirmé que la France ne céderait pas, était à Bruxelles.\n"
        "Martine Aubry a rencontré Bertrand Delanoë. CETTE DERNIÈRE a affirmé que l'accord était proche."
    )
    got = said(run(text, PER="Nicolas Sarkozy|Alain Juppé|François Fillon|Martine Aubry|Bertrand Delanoë",
                   LOC="Washington"))  # fmt: skip
    assert got == [
        ("indirect", "Kadhafi devait partir", "Washington"),
        ("indirect", "la France ne céderait pas", "François Fillon"),
        ("indirect", "l'accord était proche", "Martine Aubry"),
    ]


def test_a_name_the_model_took_for_a_place_is_a_person_when_it_starts_with_a_first_name() -> None:
    text = (
        "A Washington, la porte-parole du département d'Etat, Victoria Nuland, n'a pas caché son dégoût. "
        "« Je n'ai pas besoin de voir les photos », a-t-elle dit."
    )
    found = run(text, LOC="Victoria Nuland|Washington")
    quote = found.quotes[0]
    assert quote.speaker is not None and found.entities.entities[quote.speaker].name == "Victoria Nuland"
    assert found.entities.entities[quote.speaker].label == "PER"


def test_selon_les_termes_dun_communique_names_a_source() -> None:
    text = (
        "Les deux chefs d'État \"sont d'accord pour dire que le conflit en Syrie n'a pas de solution"
        " militaire\", selon les termes d'un communiqué commun."
    )
    [(_kind, quoted, speaker)] = said(run(text))
    assert "le conflit en Syrie n'a pas de solution militaire" in quoted and speaker is None


def test_a_coordinated_participle_reports_a_second_thing_said_by_the_same_subject() -> None:
    text = (
        "Vladimir Poutine et Donald Trump ont affirmé avoir longuement discuté, et annoncé qu'ils continueraient"
        " à travailler sur la cybersécurité."
    )
    got = said(run(text, PER="Vladimir Poutine|Donald Trump"))
    assert [(kind, quoted) for kind, quoted, _ in got] == [
        ("indirect", "avoir longuement discuté"),
        ("indirect", "ils continueraient à travailler sur la cybersécurité"),
    ]


def test_causative_reporting_verbs() -> None:
    text = (
        "Le ministre a fait savoir que les négociations reprendraient. "
        "Mouammar Kadhafi avait laissé entendre dans un entretien que Condoleezza Rice comptait beaucoup. "
        "Il n'a pas su entendre la colère des Français. L'équipe avait fait savoir sa colère."
    )
    got = said(run(text, PER="Mouammar Kadhafi|Condoleezza Rice"))
    assert [(t, who) for _, t, who in got] == [
        ("les négociations reprendraient", None),
        ("Condoleezza Rice comptait beaucoup", "Mouammar Kadhafi"),
    ]  # "savoir", "entendre" report nothing without "fait", "laissé"; "savoir sa colère" says no words


def test_selon_after_an_opening_adverb_still_opens_the_sentence() -> None:
    text = (
        "Toujours selon les proches du dalaï-lama, un millier de personnes auraient été blessées. "
        "Mais selon le ministre, la réforme sera votée."
    )
    ann = run(text)
    assert [(q.text, q.speaker_text) for q in ann.quotes] == [
        ("un millier de personnes auraient été blessées", "les proches du dalaï-lama"),
        ("la réforme sera votée", "le ministre"),
    ]


def test_a_quotation_after_a_verb_and_a_comma_or_after_a_leading_phrase() -> None:
    text = (
        "Bamdadi pose une question. Le blogueur ajoute, « bien sûr, avant que la guerre éclate ». "
        "Benoît Hamon répond. Candidat déclaré au poste de premier secrétaire, il est catégorique : "
        "« Nous sommes près d'un accord politique avec Martine Aubry. »"
    )
    got = said(run(text, PER="Bamdadi|Benoît Hamon|Martine Aubry"))
    assert got == [
        ("direct", "bien sûr, avant que la guerre éclate", None),
        ("direct", "Nous sommes près d'un accord politique avec Martine Aubry", "Benoît Hamon"),
    ]


def test_a_gerund_after_an_object_pronoun() -> None:
    text = (
        "Patrick Poivre d'Arvor a remercié les téléspectateurs, en les assurant « qu'on se reverra très vite ». "
        "Kadhafi s'était adressé à elle en l'appelant « Leezza », selon des collaborateurs."
    )
    got = said(run(text, PER="Patrick Poivre d'Arvor|Kadhafi"))
    assert got[0] == ("direct", "qu'on se reverra très vite", "Patrick Poivre d'Arvor")
    assert all(t != "Leezza" for _, t, _ in got)  # a name he gave her, not words he said


def test_a_named_subject_and_its_apposition_are_not_an_incise() -> None:
    text = (
        "Peter Bouckaert, de HRW, a qualifié les liens entre les deux services de « chapitre très sombre »."
    )
    got = said(run(text, PER="Peter Bouckaert", ORG="HRW"))
    assert all("Bouckaert" not in t for _, t, _ in got)


def test_infinitive_content_after_modal_and_negative_openers_and_fillers() -> None:
    text = (
        "L'Otan, qui dirige les opérations, dit ne viser que des objectifs militaires. "
        "La coalition a reconnu vouloir précipiter la chute du régime. "
        "L'Otan a indiqué en revanche avoir visé lundi un site militaire. "
        "« Il n'y a pas de forces spéciales au sol », a pourtant réaffirmé Nicolas Sarkozy jeudi. "
        "« Il veut des garanties », déclarait cette semaine une source au sein du CNT."
    )
    ann = run(text, ORG="Otan|CNT", PER="Nicolas Sarkozy")
    assert [(q.text, q.speaker_text) for q in ann.quotes] == [
        ("ne viser que des objectifs militaires", "Otan"),
        ("vouloir précipiter la chute du régime", "La coalition"),
        ("avoir visé lundi un site militaire", "Otan"),
        ("Il n'y a pas de forces spéciales au sol", "Nicolas Sarkozy"),
        ("Il veut des garanties", "une source"),
    ]


def test_a_pronoun_with_no_one_before_it_is_the_person_the_article_is_about() -> None:
    portrait = (
        "Jean Dupont quitte la présidence du club. Jean Dupont l'a annoncé jeudi. M. Dupont part sans regret. "
        "Jean Dupont a tout donné. {other}\n"
        "Les supporteurs sont tristes. Le stade est vide. Les joueurs aussi. La saison est finie.\n"
        "Il est formel : « Je ne reviendrai pas. »"
    )
    alone = portrait.format(other="")
    assert said(run(alone, PER="Jean Dupont|M. Dupont")) == [
        ("direct", "Je ne reviendrai pas", "Jean Dupont")
    ]
    shared = portrait.format(other="Paul Martin le remplace. Paul Martin hésite. Paul Martin accepte.")
    assert said(run(shared, PER="Jean Dupont|M. Dupont|Paul Martin")) == [
        ("direct", "Je ne reviendrai pas", None)
    ]  # two men the article is about: no guess


def test_a_capital_a_without_accent_is_a_preposition_and_selon_les_termes_de_names_the_source() -> None:
    text = (
        "A la Conférence des évêques, Mgr Jean Descubes, archevêque de Rouen, ne remet pas en cause "
        "la collecte, mais déclare « avoir très peur de l'informatisation ». "
        "Il faut reprendre les pourparlers, selon les termes du maire de Paris. "
        "Les réserves sont pleines, selon les termes d'un communiqué."
    )
    ann = run(text, ORG="Conférence des évêques", PER="Mgr Jean Descubes")
    assert [(q.text, q.speaker_text) for q in ann.quotes] == [
        ("avoir très peur de l'informatisation", "Mgr Jean Descubes"),
        ("Il faut reprendre les pourparlers", "maire de Paris"),
        ("Les réserves sont pleines", "les termes d'un communiqué"),
    ]


def test_a_pronoun_takes_up_a_subject_named_after_the_last_speaker() -> None:
    text = (
        "Roland Dumas était accompagné de l'avocat Jacques Vergès, qui a dit vouloir « démasquer les assassins ». "
        "Dumas n'a pas décrit le dossier. Il s'est déclaré prêt à défendre le dirigeant. "
        "Prié de dire s'il avait été payé, Roland Dumas a répondu en anglais : « Non, rien pour le moment. »"
    )
    got = said(run(text, PER="Roland Dumas|Jacques Vergès|Dumas|Prié"))
    assert [(t, who) for _, t, who in got] == [
        ("vouloir « démasquer les assassins »", "Jacques Vergès"),
        ("prêt à défendre le dirigeant", "Roland Dumas"),  # not Vergès, the last speaker
        ("Non, rien pour le moment", "Roland Dumas"),  # "Prié" opening a sentence is no one
    ]


def test_posts_on_lines_of_their_own_are_their_authors_words() -> None:
    text = (
        "Les internautes se moquent du dirigeant.\n"
        "@CurtMonash: Le magazine Soldier of Fortune vient d'élire Kadhafi le dictateur le plus sexy. #Libya\n"
        "@INTLRevolver : RT @ostha2011: Les forces de Kadhafi ont libéré le Texas #DesperateGaddafiLies\n"
        "TurksAng : Non, je ne souffre pas de paranoïa. #DesperateGaddafiLies\n"
        "Libye : les combats continuent autour de Benghazi"
    )
    ann = run(text, PER="Kadhafi")
    assert [(q.kind, q.speaker_text) for q in ann.quotes] == [
        ("direct", "@CurtMonash"),
        ("direct", "@ostha2011"),  # a retweet is its author's words
        ("direct", "TurksAng"),
    ]  # a headline "Libye : …" with no hashtag is no post
    assert ann.quotes[2].text == "Non, je ne souffre pas de paranoïa. #DesperateGaddafiLies"


def test_content_after_an_aside_between_commas_and_quoted_words_in_the_object() -> None:
    text = (
        "Le président Saleh a indiqué, lors d'une conférence de presse, qu'il ne se retirerait pas. "
        "Les comités révolutionnaires ont menacé les manifestants d'une riposte « foudroyante ». "
        "Il a lancé une « offensive » sur la ville. "
        "Il a regretté l'absence de la France lors de la réunion où fut adoptée la « déclaration de Paris »."
    )
    ann = run(text, PER="Saleh")
    assert [(q.kind, q.text) for q in ann.quotes] == [
        ("indirect", "il ne se retirerait pas"),
        ("mixed", "les manifestants d'une riposte « foudroyante »"),
    ]  # "lancé" needs a content; quoted words far into the object are not the speaker's


def test_a_weak_verb_after_a_clause_reports_speech_when_a_person_or_body_follows() -> None:
    text = (
        "21 h 40 : Les États-Unis ont lancé une première vague de missiles, a annoncé l'amiral William Gortney.\n"
        "Le ministre s'est rendu à Tripoli, a annoncé la création d'un comité et est reparti."
    )
    ann = run(text, PER="William Gortney")
    assert [(q.text, q.speaker_text) for q in ann.quotes] == [
        ("Les États-Unis ont lancé une première vague de missiles", "l'amiral"),  # no live-blog time
    ]


def test_selon_between_commas_and_quoted_words_inside_an_object() -> None:
    text = (
        "Elle est, selon certaines sources, retenue dans la prison de la capitale. "
        "Le bilan s'alourdit, selon l'AFP, qui cite des médecins. "
        "Elle détient « une partie des clefs », selon le parquet, bien qu'il n'y ait « pas de lien apparent ». "
        "Le chef de l'État a déclaré à son arrivée sa « grande émotion » de venir dans une Libye « libérée ». "
        "Le président Hugo Chavez juge « irresponsable » l'intervention armée en Libye. "
        "Il a affirmé « nous partirons » à la presse."
    )
    ann = run(text, ORG="AFP", PER="Hugo Chavez")
    assert [(q.kind, q.text) for q in ann.quotes] == [
        ("indirect", "Elle est, selon certaines sources, retenue dans la prison de la capitale"),
        ("indirect", "Le bilan s'alourdit"),
        ("mixed", "Elle détient « une partie des clefs »"),  # "bien que …" is the writer's
        ("mixed", "sa « grande émotion » de venir dans une Libye « libérée »"),
        ("mixed", "« irresponsable » l'intervention armée en Libye"),
        ("direct", "nous partirons"),
    ]


def test_review_mends_on_who_said_what() -> None:
    cases = [
        (  # a bare person's role followed by a place still refers back
            "Le ministre de la Défense, Gérard Longuet, est arrivé lundi. "
            "« Nous resterons fermes », a déclaré le ministre à Paris.",
            {"PER": "Gérard Longuet"},
            [("Nous resterons fermes", "Gérard Longuet")],
        ),
        (  # "a-t-il ajouté" continues the last speaker, whoever the narration named since
            "« Nous frapperons », a déclaré Alain Juppé. Mouammar Kadhafi refuse de partir depuis février. "
            "« Il doit partir », a-t-il ajouté.",
            {"PER": "Alain Juppé|Mouammar Kadhafi"},
            [("Nous frapperons", "Alain Juppé"), ("Il doit partir", "Alain Juppé")],
        ),
        (  # a line with a hashtag is no post when it quotes someone
            "Libye : « Kadhafi doit partir », a déclaré Nicolas Sarkozy mardi à Paris. #Libye",
            {"PER": "Nicolas Sarkozy|Kadhafi"},
            [("Kadhafi doit partir", "Nicolas Sarkozy")],
        ),
        (  # a title after a preposition is no one's words; an aside is not the content
            "Alain Juppé a estimé sur « France 2 » que Kadhafi devait partir. "
            "Alain Juppé a dénoncé dans « Le Parisien » l'attitude de Moscou. "
            "Alain Juppé a annoncé, « avec regret », que la France se retirait.",
            {"PER": "Alain Juppé|Kadhafi"},
            [("Kadhafi devait partir", "Alain Juppé"), ("la France se retirait", "Alain Juppé")],
        ),
        (  # the narrative infinitive of a verb that needs a causative otherwise
            "Et le ministre Alain Juppé d'observer : « La situation change vite. »",
            {"PER": "Alain Juppé"},
            [("La situation change vite", "Alain Juppé")],
        ),
    ]
    for text, labels, expected in cases:
        assert [(t, who) for _, t, who in said(run(text, **labels))] == expected, text


def test_selon_a_role_keeps_the_role_mention() -> None:
    ann = run("Selon le ministre de la Défense, la France interviendra.")
    assert [(q.text, q.evidence, q.speaker_start) for q in ann.quotes] == [
        ("la France interviendra", "role", 6)
    ]


def test_a_pronoun_subject_past_object_pronouns_and_a_subject_left_out_after_et() -> None:
    text = (
        "Patrick de Carolis a été reconduit à la tête de France Télévisions. "
        "Interrogé sur son successeur, Patrick Poivre d'Arvor a souri. "
        "Il lui reconnaît « du panache ». "
        "Et ajoute : « Il faut laisser aux gens compétents la possibilité de faire leur travail. »"
    )
    got = run(text, PER="Patrick de Carolis|Patrick Poivre d'Arvor")
    assert [(q.text, q.speaker_text) for q in got.quotes] == [
        ("du panache", "il"),
        ("Il faut laisser aux gens compétents la possibilité de faire leur travail", "il"),
    ]
    assert [s for _, _, s in said(got)] == ["Patrick Poivre d'Arvor"] * 2
    # With no speaker in the sentence before, the left-out subject is no one (never "Et").
    alone = run("La séance a été levée. Et ajoute : « Nous reviendrons demain. »")
    assert [(q.speaker, q.speaker_text) for q in alone.quotes] == [(None, None)]
    # A subject after the verb is no left-out subject: it is the speaker, the quotation the words.
    after = run(
        "Jean Dupont a déclaré : « Nous partons. » Et ajoute le ministre : « Nous restons. » "
        "Précise Marie Durand, la rapporteure : « Nous avons les voix. »",
        PER="Jean Dupont|Marie Durand",
    )
    assert [(q.text, q.speaker_text) for q in after.quotes] == [
        ("Nous partons", "Jean Dupont"),
        ("Nous restons", "le ministre"),
        ("Nous avons les voix", "Marie Durand"),
    ]


def test_a_subject_before_an_acronym_and_a_participles_clause_or_an_apposition() -> None:
    text = (
        "L'ONG Human Rights Watch (HRW), évoquant vingt-quatre morts jeudi, a dénoncé une répression "
        '"sauvage". En Libye, les comités révolutionnaires, pilier du régime, ont menacé les manifestants '
        'd\'une riposte "foudroyante".'
    )
    got = run(text, ORG="Human Rights Watch|HRW", LOC="Libye")
    speakers = [(q.speaker_text, q.speaker is not None) for q in got.quotes]
    assert speakers == [("Human Rights Watch", True), ("les comités révolutionnaires", False)]


def test_an_incise_inside_the_marks_may_end_a_sentence_of_the_quotation() -> None:
    text = (
        "\"Encore aujourd'hui avec le Tour, il y a des doutes, a déclaré Armstrong. Tous connaissent son "
        'importance, mais je pourrais être détourné de ma mission."'
    )
    got = said(run(text, PER="Armstrong"))
    assert got == [  # the words on each side of the incise, not the incise
        ("direct", "Encore aujourd'hui avec le Tour, il y a des doutes", "Armstrong"),
        (
            "direct",
            "Tous connaissent son importance, mais je pourrais être détourné de ma mission",
            "Armstrong",
        ),
    ]
    text = "Armstrong a parlé. « Non, dit-il, jamais de la vie. »"  # too short to split; a short verb
    assert said(run(text, PER="Armstrong")) == [("direct", "Non, dit-il, jamais de la vie", "Armstrong")]


def test_a_call_to_act_and_a_denial_report_their_object() -> None:
    text = (
        "Hillary Clinton a appelé les autorités de Bahreïn à respecter leur promesse. "
        "Nicolas Sarkozy a démenti, jeudi, l'existence d'un accord secret sur le pétrole. "
        "Mahmoud Djibril a nié toute implication dans l'affaire. "
        "Le ministre a appelé son fils Pierre. L'enquête a confirmé l'absence de toute collusion."
    )
    got = said(run(text, PER="Hillary Clinton|Nicolas Sarkozy|Mahmoud Djibril|Pierre", LOC="Bahreïn"))
    assert got == [
        ("indirect", "les autorités de Bahreïn à respecter leur promesse", "Hillary Clinton"),
        ("indirect", "l'existence d'un accord secret sur le pétrole", "Nicolas Sarkozy"),
        ("indirect", "toute implication dans l'affaire", "Mahmoud Djibril"),
    ]


def test_celui_ci_is_kept_in_words_and_a_prepositional_phrase_is_no_speaker() -> None:
    text = (
        "Le journaliste a rencontré Mouammar Kadhafi en 2009. Lorsqu'on lui présente Kadhafi, celui-ci lui "
        'dit en préambule : "Je suis au pouvoir depuis longtemps." Du côté des rebelles, le chef de la '
        "délégation à ce mini-sommet, a plaidé pour une « solution pacifique à la crise »."
    )
    got = run(text, PER="Mouammar Kadhafi|Kadhafi")
    # "celui-ci" may take up a thing ("la commission … Celle-ci a estimé"): its words, no entity.
    assert [(q.speaker_text, q.speaker) for q in got.quotes] == [("celui-ci", None), (None, None)]


def test_a_call_or_a_denial_inside_someone_elses_words_and_nouns_that_look_like_infinitives() -> None:
    text = (
        "Moscou nie toute implication dans l'attaque, a déclaré mercredi Sergueï Lavrov. "
        "Selon Dmitri Peskov, le Kremlin dément toute ingérence. "
        "Emmanuel Macron a appelé son homologue russe à quatre reprises cette semaine. "
        "Il a appelé Vladimir Poutine à l'heure du déjeuner. "
        "Le porte-parole a démenti tout en reconnaissant des difficultés."
    )
    got = said(run(text, PER="Sergueï Lavrov|Dmitri Peskov|Emmanuel Macron|Vladimir Poutine", LOC="Moscou"))
    assert got == [
        ("indirect", "Moscou nie toute implication dans l'attaque", "Sergueï Lavrov"),
        ("indirect", "le Kremlin dément toute ingérence", "Dmitri Peskov"),
    ]


def test_an_unnamed_member_of_a_named_body_speaks_for_the_body() -> None:
    text = (
        "« Nous avançons », a dit un responsable de l'Otan. « Rien ne bouge », a affirmé un porte-parole "
        "des insurgés. Selon un communiqué de l'ONU, les combats ont fait 200 morts. « La prise de risque "
        "était autorisée », a indiqué une source proche de la Société Générale. « Il viendra », a dit le "
        "porte-parole de l'Otan."
    )
    got = run(text, ORG="Otan|ONU|Société Générale")
    found = [
        (
            q.text,
            q.speaker_text,
            q.evidence,
            got.entities.entities[q.speaker].name if q.speaker is not None else None,
        )
        for q in got.quotes
    ]
    assert found[0] == ("Nous avançons", "un responsable de l'Otan", "body", "Otan")
    assert found[1][3] is None  # the insurgents are no named body
    assert found[2] == ("les combats ont fait 200 morts", "un communiqué de l'ONU", "body", "ONU")
    assert found[3][3] is None  # close to the bank, not its voice
    assert found[4][2] != "body"  # a definite role is a person, to be found


def test_calls_to_act_with_a_quantified_object_a_quoted_infinitive_or_enjoindre() -> None:
    text = (
        "Le dirigeant libyen a par ailleurs appelé tous les Libyens de toutes les régions à « libérer "
        "Tripoli ». Le dirigeant libyen avait de nouveau exhorté ses partisans à « marcher par millions ». "
        "Moustapha Abdeljalil enjoint par ailleurs les rebelles de ne pas piller."
    )
    got = [(q.cue, q.text) for q in run(text, PER="Moustapha Abdeljalil").quotes]
    assert got == [
        ("a par ailleurs appelé", "tous les Libyens de toutes les régions à « libérer Tripoli »"),
        ("avait de nouveau exhorté", "ses partisans à « marcher par millions »"),
        ("enjoint", "les rebelles de ne pas piller"),
    ]


def test_selon_then_a_plural_article_opens_the_content_and_a_periphrasis_is_not_the_son() -> None:
    text = (
        "Selon la chaîne qatarie Al-Jazira, des avions de l'Alliance ont bombardé la caserne, le complexe "
        "de Kadhafi. Les rebelles annoncent la reddition de Mohammed Kadhafi. Mouammar Kadhafi a affirmé "
        "qu'il ne se rendrait pas. Le dirigeant libyen a ajouté qu'il était « effrayé »."
    )
    got = run(text, None, ORG="Al-Jazira", PER="Mohammed Kadhafi|Mouammar Kadhafi")
    quotes = [
        (q.text, got.entities.entities[q.speaker].name if q.speaker is not None else None) for q in got.quotes
    ]
    assert quotes[0][0] == "des avions de l'Alliance ont bombardé la caserne, le complexe de Kadhafi"
    assert quotes[-1] == ("il était « effrayé »", "Mouammar Kadhafi")  # the leader, not his son


def test_posts_embedded_with_the_handle_first_are_their_authors_and_the_author_is_someone() -> None:
    text = (
        "Sur Twitter, des réactions sont apparues après ce discours.\n"
        "@gr33ndata Je suis sûre d'avoir déjà vu Saif Al-Islam quelque part avant. http://twitpic.com/420t9u "
        "10 hours ago\n"
        "@AfriNomad : Wahou, photo de gens en #Libye qui regardent le discours de Saif #Gaddafi\n"
        "@AlaaIsam renvoie, sur Twitter toujours, à une photo prise lors d'une manifestation.\n"
        "@gr33ndata Ou c'est Kadhafi, ou vous ne trouverez plus de quoi manger #Libya"
    )
    ann = run(text, PER="Saif Al-Islam|Kadhafi|Saif")
    got = [
        (q.text, ann.entities.entities[q.speaker].name if q.speaker is not None else None) for q in ann.quotes
    ]
    assert got == [
        ("Je suis sûre d'avoir déjà vu Saif Al-Islam quelque part avant", "@gr33ndata"),
        ("Wahou, photo de gens en #Libye qui regardent le discours de Saif #Gaddafi", "@AfriNomad"),
        ("Ou c'est Kadhafi, ou vous ne trouverez plus de quoi manger #Libya", "@gr33ndata"),
    ]  # "@AlaaIsam renvoie …" is narration: the handle is the verb's subject
    people = {e.name for e in ann.entities.entities if e.mentions and e.label == "PER"}
    assert {"@gr33ndata", "@AfriNomad", "@AlaaIsam"} <= people


def test_an_assertion_whose_content_is_a_bare_infinitive() -> None:
    text = (
        "Les rebelles affirment tenir leur information d'opérations d'espionnage. Les insurgés ont annoncé "
        "contrôler toute la capitale. Le ministre a déclaré hier que rien ne change. « Rien », a annoncé le "
        "conseiller du Kremlin Iouri Ouchakov."
    )
    got = [(q.cue, q.text) for q in run(text, PER="Iouri Ouchakov").quotes]
    assert got == [
        ("affirment", "tenir leur information d'opérations d'espionnage"),
        ("ont annoncé", "contrôler toute la capitale"),
        ("a déclaré", "rien ne change"),  # "hier" is no infinitive
        ("a annoncé", "Rien"),  # nor "le conseiller"
    ]


def test_review_mends_on_bodies_posts_passives_and_selon() -> None:
    text = (
        "« Les frappes ont tué mon fils », a déclaré un représentant des familles des victimes de l'Otan.\n"
        "« La direction savait tout », affirme un employé de la Société Générale.\n"
        "« Nous avançons », a dit un responsable militaire de l'Otan.\n"
        "Le ministre a été enjoint de démissionner par le président.\n"
        "Selon Daniel Cohn-Bendit, des Verts, la France doit intervenir.\n"
        "@AlaaIsam a publié sur Twitter une photo prise lors d'une manifestation."
    )
    got = run(text, ORG="Otan|Société Générale", PER="Daniel Cohn-Bendit")
    said = [
        (q.text, got.entities.entities[q.speaker].name if q.speaker is not None else None) for q in got.quotes
    ]
    assert said == [
        ("Les frappes ont tué mon fils", None),  # the victims' families' representative
        ("La direction savait tout", None),  # an employee is not the bank's voice
        ("Nous avançons", "Otan"),
        ("la France doit intervenir", "Daniel Cohn-Bendit"),
    ]  # no call in a passive, no post in a handle's narration


def test_nobody_speaks_when_the_subject_is_negative() -> None:
    text = (
        "Dans la cité, personne ne disait connaître cet enfant. Personne n'a dit que la guerre était finie. "
        "« Nous partons », a dit le ministre."
    )
    assert [q.text for q in run(text).quotes] == ["Nous partons"]


def test_an_incise_inside_a_sentence_before_a_quotation_gives_the_whole_sentence() -> None:
    text = "Elles risqueraient, dit Alain Juppé, « d'aggraver davantage la situation »."
    got = run(text, PER="Alain Juppé").quotes
    assert [(q.text, q.speaker_text) for q in got] == [
        ("Elles risqueraient, dit Alain Juppé, « d'aggraver davantage la situation »", "Alain Juppé")
    ]


def test_selon_ce_dernier_names_the_person_named_last_and_ces_derniers_is_a_source() -> None:
    text = (
        "Le port est repassé sous le contrôle des rebelles. Selon ces derniers, l'Otan a frappé pendant "
        "la nuit. Pierre Dupont est arrivé à Misrata. Selon ce dernier, la ville est calme."
    )
    got = run(text, PER="Pierre Dupont")
    said = [
        (q.text, q.speaker_text, got.entities.entities[q.speaker].name if q.speaker is not None else None)
        for q in got.quotes
    ]
    assert said == [
        ("l'Otan a frappé pendant la nuit", "ces derniers", None),
        ("la ville est calme", "ce dernier", "Pierre Dupont"),
    ]


def test_a_fear_before_a_colon_and_an_incise_leaves_the_words_to_the_incise() -> None:
    text = (
        "Les habitants craignent le pire : « Nous allons mourir ici », a déclaré Ali Mansour, "
        "un commerçant de Misrata."
    )
    assert said(run(text, PER="Ali Mansour", LOC="Misrata")) == [
        ("direct", "Nous allons mourir ici", "Ali Mansour")
    ]
    text = (  # not a statement before the colon: the agency reports the president's words
        "Le président syrien Bachar al-Assad a réaffirmé sa détermination : « La Syrie ne pliera pas », a "
        "rapporté l'agence officielle Sana."
    )
    assert said(run(text, PER="Bachar al-Assad", ORG="Sana"))[0][2] == "Bachar al-Assad"


def test_a_closing_selon_names_who_reports_the_words_not_what_was_said() -> None:
    text = (
        "La Russie s'est dite prête à négocier avec les rebelles, selon l'agence Itar-Tass. "
        "Le ministre a affirmé que la ville était tombée, d'après la télévision libyenne. "
        "Il a dit que, selon lui, la guerre durerait encore des mois. "
        "Il a ajouté que les salaires seraient augmentés, selon l'ancienneté."
    )
    found = said(run(text, LOC="Russie", ORG="Itar-Tass"))
    assert [(kind, words) for kind, words, _ in found] == [
        ("indirect", "prête à négocier avec les rebelles"),
        ("indirect", "la ville était tombée"),
        ("indirect", "selon lui, la guerre durerait encore des mois"),
        ("indirect", "les salaires seraient augmentés, selon l'ancienneté"),  # no source: what was said
    ]
    assert found[0][2] == "Russie"


def test_an_object_pronoun_before_an_inverted_cue() -> None:
    text = (
        "Nicolas Sarkozy a reçu les préfets. « La République a besoin de vous », leur a-t-il dit. "
        "« Nous restons », lui a répondu Jean Dupont."
    )
    assert said(run(text, PER="Nicolas Sarkozy|Jean Dupont")) == [
        ("direct", "La République a besoin de vous", "Nicolas Sarkozy"),
        ("direct", "Nous restons", "Jean Dupont"),
    ]


def test_a_denied_object_then_a_colon_and_the_words_and_a_message_after_a_colon() -> None:
    text = (
        "Xavier Darcos a démenti la « disparition supposée » des mathématiques : « Rien de ce qui est "
        "publié n'est définitif. » Un habitant confie ce message : « Le peuple français, comme ça ! »"
    )
    assert said(run(text, PER="Xavier Darcos")) == [
        ("mixed", "la « disparition supposée » des mathématiques", "Xavier Darcos"),
        ("direct", "Rien de ce qui est publié n'est définitif", "Xavier Darcos"),
        ("direct", "Le peuple français, comme ça", None),
    ]


def test_an_inverted_pronoun_takes_up_the_person_who_opened_a_sentence_since_the_last_quotation() -> None:
    text = (
        "« Il s'agit d'une tentative d'assassinat », a affirmé Moussa Ibrahim. Seif Al-Islam, fils du "
        "colonel Kadhafi, a qualifié le bombardement de « lâche ». « Cette attaque lâche peut faire peur "
        "aux enfants », a-t-il dit."
    )
    found = said(run(text, PER="Moussa Ibrahim|Seif Al-Islam|Kadhafi"))
    assert found[-1] == ("direct", "Cette attaque lâche peut faire peur aux enfants", "Seif Al-Islam")
    # Not someone whose sentence quotes nothing or denies: the last speaker goes on.
    people = (
        "Ségolène Royal|Dominique Strauss-Kahn|Nicolas Sarkozy|Gérard Longuet|Mouammar Kadhafi|Barack Obama"
    )
    for text in (
        "« Je suis candidate », a déclaré Ségolène Royal. Dominique Strauss-Kahn n'a pas encore annoncé sa "
        "décision. « Je serai au second tour », a-t-elle assuré.",
        "« Nous ne céderons pas », a déclaré Nicolas Sarkozy. Gérard Longuet n'a pas souhaité commenter. "
        "« La France prendra ses responsabilités », a-t-il souligné.",
        "« Je resterai », a déclaré Mouammar Kadhafi. Barack Obama a exigé mercredi son départ. « Je mourrai "
        "en martyr », a-t-il lancé.",
    ):
        first, last = said(run(text, PER=people))
        assert last[2] == first[2], text


def test_pour_a_group_of_people_is_a_source_and_a_name_apposed_to_an_inverted_subject_speaks() -> None:
    text = (
        "Pour les analystes, il sera essentiel de désarmer les milices régionales. Pour la première "
        "fois, la ville est libre. Pour les médecins, la consultation passera à 23 euros en janvier."
    )
    assert said(run(text)) == [("indirect", "il sera essentiel de désarmer les milices régionales", None)]
    assert run(text).quotes[0].speaker_text == "les analystes"
    text = (
        "« Nous allons ouvrir une ambassade à Paris », a déclaré un de ces émissaires, Ali Essaoui, "
        "« il sera installé à Benghazi »."
    )
    assert said(run(text, PER="Ali Essaoui")) == [  # one quotation on each side of the incise
        ("direct", "Nous allons ouvrir une ambassade à Paris", "Ali Essaoui"),
        ("direct", "il sera installé à Benghazi", "Ali Essaoui"),
    ]


def test_the_incise_after_a_quotation_names_an_unnamed_subject_and_not_a_named_one() -> None:
    text = (
        "Un porte-parole du gouvernement a démenti l'annonce des rebelles : « C'est une fausse "
        "information », a déclaré Moussa Ibrahim à Tripoli. Le régime libyen a indiqué avoir demandé un "
        "cessez-le-feu, a déclaré Baghdadi Al-Mahmoudi."
    )
    found = said(run(text, PER="Moussa Ibrahim|Baghdadi Al-Mahmoudi", LOC="Tripoli"))
    assert found[0] == ("direct", "C'est une fausse information", "Moussa Ibrahim")
    assert found[1][2] is None  # the regime said it; its head of government reports it


def test_a_portraits_subject_is_the_one_named_most_whoever_is_described_by_an_office() -> None:
    text = (
        "Patrick Poivre d'Arvor quitte TF1. Poivre d'Arvor a présenté son dernier journal jeudi. Nicolas "
        "Sarkozy ne l'a pas appelé. Poivre d'Arvor a écrit au président de la République. Le président "
        "de la République n'a pas répondu, et le chef de l'Etat s'est tu. Poivre d'Arvor est amer.\n\n"
        "La chaîne a perdu des téléspectateurs. Les audiences ont baissé. Le journal a changé de formule. "
        "La rédaction est inquiète. Que pense-t-il de son successeur ?\n\n"
        "Il lui reconnaît « du panache ». Et ajoute : « Il faut laisser aux gens compétents la "
        "possibilité de faire leur travail. »\n\n"
        "La rédaction se tait.\n\n« Les gens me disent qu'ils trouvent que c'est injuste. »"  # his words alone
    )
    found = said(
        run(text, "2008-07-11", PER="Patrick Poivre d'Arvor|Poivre d'Arvor|Nicolas Sarkozy", ORG="TF1")
    )
    assert [speaker for _, _, speaker in found] == ["Patrick Poivre d'Arvor"] * 3


def test_selon_and_a_pronoun_right_before_a_quotation_after_a_coordinator() -> None:
    text = (
        "Amesys a reconnu jeudi avoir fourni du « matériel d'analyse » en 2007 mais selon elle « il "
        "n'incluait ni les communications internet ni les données chiffrées »."
    )
    assert said(run(text, ORG="Amesys")) == [
        ("mixed", "avoir fourni du « matériel d'analyse » en 2007", "Amesys"),
        ("direct", "il n'incluait ni les communications internet ni les données chiffrées", "Amesys"),
    ]


def test_second_review_mends_on_portraits_incises_sources_and_the_floor() -> None:
    dsk = (
        "Dominique Strauss-Kahn a été inculpé. Dominique Strauss-Kahn nie. Dominique Strauss-Kahn est "
        "libre sous caution. Dominique Strauss-Kahn attend son procès.\n\n"
    )
    # A witness or a prosecutor introduced by a colon is not the article's main person; a slogan neither.
    for lead, words in (
        (
            "Le procureur Cyrus Vance a déclaré devant la presse :",
            "Les preuves que nous avons réunies sont solides.",
        ),
        ("Des milliers de manifestants ont défilé.", "Le peuple veut la chute du régime !"),
    ):
        found = said(run(dsk + lead + "\n\n« " + words + " »", PER="Dominique Strauss-Kahn|Cyrus Vance"))
        assert all(speaker != "Dominique Strauss-Kahn" for _, _, speaker in found), lead
    text = (  # the apposed name is not part of the words after the incise
        "« Nous ne reculerons pas devant la menace, a affirmé le ministre de l'Intérieur, Claude Guéant, "
        "tant que la sécurité des Français sera en jeu. »"
    )
    assert [words for _, words, _ in said(run(text, PER="Claude Guéant"))] == [
        "Nous ne reculerons pas devant la menace",
        "tant que la sécurité des Français sera en jeu",
    ]
    text = (  # a medium reporting a witness's words does not become the witness
        "Un habitant a raconté au téléphone : « Les snipers tirent sur tout ce qui bouge », a rapporté la "
        "chaîne Al-Jazira."
    )
    assert said(run(text, ORG="Al-Jazira"))[0][2] is None
    text = (  # a closing source is cut; a closing criterion is not; "mais selon des modalités" is content
        "Il a confié qu'il ne se représenterait pas, selon nos informations. Le ministre a annoncé que la "
        "taxe serait maintenue en 2012, mais selon des modalités différentes."
    )
    assert [words for _, words, _ in said(run(text))] == [
        "il ne se représenterait pas",
        "la taxe serait maintenue en 2012, mais selon des modalités différentes",
    ]
    text = (  # someone who takes the floor is the one the pronoun takes up
        "« Mon client est innocent », a déclaré son avocat Benjamin Brafman. Le procureur Cyrus Vance est "
        "alors intervenu. « Nous disposons de preuves solides contre lui », a-t-il affirmé."
    )
    assert said(run(text, PER="Benjamin Brafman|Cyrus Vance"))[-1][2] == "Cyrus Vance"


def test_a_colon_after_a_long_lead_closes_a_clause_whose_subject_or_agent_speaks() -> None:
    text = (
        "Sans être avare des compliments d'usage - il a salué « sa totale confiance » -, Barack Obama s'est "
        "empressé de rétablir la hiérarchie : « Je souhaite un débat vigoureux à la Maison-Blanche. Mais "
        "c'est moi qui fixe la politique. » C'est plutôt une philosophie, résumée ainsi par Joe Biden : « La "
        "force militaire doit être mariée à la puissance de nos idées. »"
    )
    found = said(run(text, PER="Barack Obama|Joe Biden"))
    assert ("direct", "Je souhaite un débat vigoureux à la Maison-Blanche. Mais c'est moi qui fixe la "
            "politique", "Barack Obama") in found  # fmt: skip
    assert ("direct", "La force militaire doit être mariée à la puissance de nos idées", "Joe Biden") in found
    text = (  # a clause with no one named at its head introduces nobody's words
        "Au terme d'une longue journée de négociations entre les délégations, dans un hôtel de Genève, "
        "une banderole résumait l'humeur : « Nous ne partirons pas sans accord. »"
    )
    assert all(speaker is None for _, _, speaker in said(run(text, LOC="Genève")))


def test_a_speech_verb_after_a_verb_of_aspect_reports_speech() -> None:
    text = (
        "Barack Obama ne cesse de répéter que les États-Unis ont « un seul président à la fois ». Le ministre "
        "Alain Juppé a tenu à rappeler que « la France sera présente ». Il s'est empressé d'ajouter : « Nous "
        "ne céderons rien. » Le ministre ne cesse de voyager."
    )
    found = said(run(text, PER="Barack Obama|Alain Juppé"))
    assert [(words, speaker) for _, words, speaker in found] == [
        ("les États-Unis ont « un seul président à la fois »", "Barack Obama"),
        ("la France sera présente", "Alain Juppé"),
        ("Nous ne céderons rien", "Alain Juppé"),
    ]


def test_a_second_verb_after_and_has_the_subject_of_the_first() -> None:
    text = (
        "Les rebelles libyens disent avoir essuyé de violentes attaques à Misrata, et continuent d'exhorter "
        "l'Otan à intensifier ses frappes pour éviter un « massacre »."
    )
    found = said(run(text, LOC="Misrata"))
    assert [speaker for _, _, speaker in found] == ["rebelles libyens", "rebelles libyens"]


def test_a_speech_verb_coordinated_with_the_first_reports_words_of_its_own() -> None:
    text = (
        "Le général Srey Deok a indiqué que les deux armées étaient d'accord pour ne pas recourir aux armes,"
        " mais a confirmé que ses troupes ne bougeraient pas. La Commission bancaire rappelle que l'ordre"
        " avait été donné de fermer le portefeuille et souligne que le trader « a clairement outrepassé cet"
        " ordre ». Fatma explique qu'elle était en Algérie ; et assure qu'elle n'avait pu emmener son fils."
    )
    assert [(t, who) for _, t, who in said(run(text, PER="Srey Deok|Fatma", ORG="Commission bancaire"))] == [
        ("les deux armées étaient d'accord pour ne pas recourir aux armes", "Srey Deok"),
        ("ses troupes ne bougeraient pas", "Srey Deok"),
        ("l'ordre avait été donné de fermer le portefeuille", "Commission bancaire"),
        ("le trader « a clairement outrepassé cet ordre »", "Commission bancaire"),
        ("elle était en Algérie", "Fatma"),
        ("elle n'avait pu emmener son fils", "Fatma"),
    ]
    # The first clause's negation is not the second verb's.
    text = "Le ministre a assuré que l'usine ne fermerait pas et a ajouté : « Nous trouverons un repreneur. »"
    assert [t for _, t, _ in said(run(text))] == ["l'usine ne fermerait pas", "Nous trouverons un repreneur"]
    # A verb in another tense is the reported words' own: the président affirmed, the experts judged.
    for text in (
        "Le ministre a indiqué que le président avait rencontré les rebelles et avait affirmé qu'il ne céderait pas.",
        "Les experts ont jugé que la zone était réalisable mais exigerait d'importantes ressources.",
    ):
        assert len(said(run(text))) == 1, text


def test_a_complement_after_en_is_part_of_what_was_said_but_a_gerund_is_the_speakers() -> None:
    text = (
        "Le CIO a rappelé que les images sont disponibles gratuitement, en bonne qualité et pour tous."
        " Le ministre a déclaré que la réforme serait appliquée, en les assurant de son soutien."
    )
    assert [t for _, t, _ in said(run(text, ORG="CIO"))] == [
        "les images sont disponibles gratuitement, en bonne qualité et pour tous",
        "la réforme serait appliquée",
    ]


def test_an_inverted_subject_before_a_colon_speaks_the_quotation_after_it() -> None:
    text = (
        'Les persécutions se poursuivent, a assuré Luis Moreno-Ocampo : "Les forces de Kadhafi préparent'
        ' des listes." Alors que 86 % des Français réclament la légalisation : « On a voulu calmer les gens'
        " »."
    )
    found = said(run(text, PER="Luis Moreno-Ocampo"))
    assert ("direct", "Les forces de Kadhafi préparent des listes", "Luis Moreno-Ocampo") in found
    assert all(who is None for _, t, who in found if t.startswith("On a voulu"))  # not "la légalisation"
    text = (  # the point of an initial is no sentence's end
        "La situation reste tendue, a assuré M. Dupont : « Nous ne céderons pas. » La guerre est finie, a"
        ' déclaré George W. Bush : "Nous avons gagné."'
    )
    found = said(run(text, PER="Dupont|George W. Bush"))
    assert ("direct", "Nous ne céderons pas", "Dupont") in found
    assert ("direct", "Nous avons gagné", "George W. Bush") in found


def test_a_pronoun_takes_up_a_speaker_only_a_role_names_rather_than_a_body_or_nobody() -> None:
    text = (
        "« Je suis heureux d'être ici », a déclaré le chef spirituel à son arrivée. Le chef spirituel, "
        "applaudi devant le Parlement européen, a insisté sur sa lutte pacifique. « Je crois de moins en "
        "moins à la volonté de négocier », a-t-il déclaré."
    )
    ann = run(text, ORG="Parlement européen")
    last = ann.quotes[-1]
    assert last.speaker is None and last.speaker_text == "le chef spirituel"
    text = (  # a person named since is the one the pronoun takes up
        "« Je suis heureux d'être ici », a déclaré le chef spirituel. Jean Dupont a pris la parole. « Nous "
        "sommes inquiets pour la suite », a-t-il déclaré."
    )
    assert said(run(text, PER="Jean Dupont"))[-1][2] == "Jean Dupont"


def test_an_accusation_reports_what_the_accused_did_and_a_bodys_role_keeps_the_person_it_names() -> None:
    text = (
        "Le gouvernement du colonel Mouammar Kadhafi a accusé samedi l'Otan de tuer des civils à Brega. Moscou "
        "avait déjà accusé l'Alliance d'avoir tué des civils à Tripoli. Le ministre accuse le coup. Accusé de "
        "corruption, le maire a démissionné."
    )
    found = said(run(text, PER="Mouammar Kadhafi", ORG="Otan", LOC="Brega|Tripoli|Moscou"))
    assert found == [
        ("indirect", "l'Otan de tuer des civils à Brega", "gouvernement du colonel Mouammar Kadhafi"),
        ("indirect", "l'Alliance d'avoir tué des civils à Tripoli", "Moscou"),
    ]


def test_an_adverb_then_the_verb_and_its_subject_introduce_the_words_after_a_comma() -> None:
    text = (
        "Toutefois, a tenu à prévenir M. Sarkozy, « nous ne pourrons pas éviter qu'il y ait des "
        "licenciements », liés à la crise. Il a refusé de dire si la réforme serait retirée. Barack Obama ne "
        "cesse de dire que « tout ira bien »."
    )
    found = said(run(text, PER="Sarkozy|Barack Obama"))
    assert found == [
        ("direct", "nous ne pourrons pas éviter qu'il y ait des licenciements", "Sarkozy"),
        ("direct", "tout ira bien", "Barack Obama"),
    ]
    text = (  # a sentence with no subject of its own goes on with the last speaker
        "« C'est un métier magique », a déclaré Patrick Poivre d'Arvor. Avant de conclure : « Je vous "
        "laisse en de bonnes mains pendant l'été. »"
    )
    assert said(run(text, PER="Patrick Poivre d'Arvor"))[-1][2] == "Patrick Poivre d'Arvor"


def test_review_mends_on_colon_leads_aspect_verbs_and_coordinated_verbs() -> None:
    for text in (  # words introduced by a colon that are not the named one's
        "Face à la fronde, une cinquantaine d'intellectuels interpellent le ministre de l'Éducation "
        "nationale, Luc Chatel : « Les suppressions de postes doivent cesser immédiatement. »",
        "Lors du salon de l'agriculture, le président Nicolas Sarkozy a été pris à partie par un visiteur : "
        "« Touche-moi pas, tu me salis, je te dis. »",
        "Dans la nuit, le député UMP Lionnel Luca a découvert un tag sur la façade de sa permanence : « Luca "
        "facho, Luca dehors, on aura ta peau. »",
        "Le film a été réalisé en 2010 par Xavier Beauvois : « Des hommes et des dieux, la vie des moines ».",
    ):
        found = said(run(text, PER="Luc Chatel|Nicolas Sarkozy|Lionnel Luca|Xavier Beauvois"))
        assert all(speaker is None for _, _, speaker in found), text
    text = (  # an adverb between the auxiliary and the verb of aspect
        "Le Premier ministre François Fillon a d'ailleurs tenu à rappeler que la France ne céderait pas. "
        "Jean-François Copé s'est aussitôt empressé d'ajouter que « tout va bien ». Le ministre Eric Woerth "
        "s'est empressé de rassurer les marchés en affirmant que « la France tiendra ses engagements »."
    )
    found = said(run(text, PER="François Fillon|Jean-François Copé|Eric Woerth"))
    assert [(words, speaker) for _, words, speaker in found] == [
        ("la France ne céderait pas", "François Fillon"),
        ("tout va bien", "Jean-François Copé"),
        ("la France tiendra ses engagements", "Eric Woerth"),  # "rassurer les marchés" is no speech
    ]
    text = (  # a plural verb after ", et" has another subject than the singular one before
        "La CGT a affirmé que les salariés de l'usine étaient épuisés, et dénonçaient « un management par "
        "la peur »."
    )
    assert said(run(text, ORG="CGT"))[-1][2] is None


def test_review_mends_on_pronouns_after_a_speaker_only_a_role_names() -> None:
    text = (  # an indefinite role introduces someone; the pronoun goes to the person the portrait is about
        "Arnaud Montebourg est arrivé à Frangy. Arnaud Montebourg a salué ses soutiens, puis Arnaud "
        "Montebourg est monté à la tribune. « Il parle vrai », a déclaré un militant. « Je suis le candidat "
        "du changement », a-t-il martelé."
    )
    assert said(run(text, PER="Arnaud Montebourg"))[-1][2] == "Arnaud Montebourg"
    text = (  # a woman opening a sentence does not stop "il" from taking up the unnamed man
        "« Je suis heureux d'être ici », a déclaré le chef spirituel. Marie Dupont l'a accueilli à "
        "l'aéroport. « Je crois de moins en moins à la volonté de négocier », a-t-il déclaré."
    )
    ann = run(text, PER="Marie Dupont")
    assert ann.quotes[-1].speaker is None and ann.quotes[-1].speaker_text == "le chef spirituel"


def test_an_accusation_of_people_introduced_by_des_reports_what_they_are_said_to_do() -> None:
    text = (
        "L'ONG a accusé dimanche des miliciens de Misrata de terroriser des habitants. Le colonel Kadhafi a "
        "ordonné à ses troupes de cesser le feu, a annoncé jeudi la télévision d'Etat. Il a demandé des "
        "précisions sur le budget. Le juge a ordonné la libération du suspect."
    )
    found = [(words, speaker) for _, words, speaker in said(run(text, LOC="Misrata", PER="Kadhafi"))]
    assert found[0] == ("des miliciens de Misrata de terroriser des habitants", None)
    assert [words for words, _ in found[1:]] == [  # an order the television reports: its words
        "Le colonel Kadhafi a ordonné à ses troupes de cesser le feu"
    ]


def test_second_review_mends_on_gerunds_and_places() -> None:
    text = (  # a gerund after a subject the rules do not know is not the last speaker's
        "« Le régime est aux abois », a estimé Alain Juppé. Une foule de manifestants s'est rassemblée place "
        "Tahrir, réclamant que Kadhafi soit jugé."
    )
    assert said(run(text, PER="Alain Juppé|Kadhafi"))[-1][2] is None
    text = (  # a capital that accused is no "il"
        "Tripoli accuse la CPI d'être une création de l'Occident. Khaled Kaïm a pris la parole. « Le but, "
        "c'est le pétrole libyen », a-t-il dit."
    )
    assert said(run(text, LOC="Tripoli", ORG="CPI", PER="Khaled Kaïm"))[-1][2] == "Khaled Kaïm"


def test_a_call_for_something_and_a_subject_with_its_relative_clause() -> None:
    text = (
        "Le pape a appelé à la retenue. L'ONU a appelé aux dons. Il a appelé Paris hier. "
        "Le « Groupe de contact sur la Libye », qui regroupe une vingtaine de pays, a insisté lors de sa "
        "réunion à Doha sur un départ de Mouammar Kadhafi."
    )
    found = said(run(text, PER="Mouammar Kadhafi", ORG="ONU", LOC="Paris|Doha"))
    assert [(words, speaker) for _, words, speaker in found] == [
        ("à la retenue", None),
        ("aux dons", "ONU"),
    ]  # a subject with its relative clause is no incise: nothing is Kadhafi's


def test_a_day_between_the_auxiliary_and_the_participle() -> None:
    text = "Ban Ki-moon avait la veille estimé que 3,6 millions de Libyens pourraient avoir besoin d'aide."
    assert said(run(text, PER="Ban Ki-moon")) == [
        ("indirect", "3,6 millions de Libyens pourraient avoir besoin d'aide", "Ban Ki-moon")
    ]


def test_an_interview_printed_as_turns_gives_each_answer_to_the_person_who_answers() -> None:
    text = (
        "Le général a reçu notre envoyé spécial à bord du porte-avions.\n\n"
        "LE FIGARO. - La guerre dure depuis quatre-vingt-dix jours. Combien de temps encore?\n\n"
        "Général Jean DUPONT. -C'est une question qu'il faut poser au régime. Ce sont eux qui doivent cesser"
        " les violences.\n\n"
        "Vous dites otages, d'autres parlent de boucliers humains…\n\n"
        "Absolument. Le régime utilise des civils pour protéger des cibles militaires.\n\n"
        "Les alliés vous donnent-ils assez de moyens?\n\n"
        'Pas du tout. Le ministre a déclaré que "la mission ira à son terme".\n\n'
        "Le général s'est ensuite rendu à Naples, où il a rencontré ses homologues.\n\n"
        "À Benghazi, les rebelles ont salué l'arrivée des hélicoptères.\n"
    )
    found = said(run(text, PER="Jean DUPONT", ORG="FIGARO"))
    answers = [(t, who) for kind, t, who in found if kind == "direct"]
    assert answers[:3] == [
        (
            "C'est une question qu'il faut poser au régime. Ce sont eux qui doivent cesser les violences",
            "Jean DUPONT",
        ),
        ("Absolument. Le régime utilise des civils pour protéger des cibles militaires", "Jean DUPONT"),
        ('Pas du tout. Le ministre a déclaré que "la mission ira à son terme"', "Jean DUPONT"),
    ]
    assert not any("Combien de temps" in t or "assez de moyens" in t for _, t, _ in found)  # questions
    assert ("direct", "la mission ira à son terme", None) in found  # what the answer reports is quoted too
    assert not any("Naples" in t or "Benghazi" in t for _, t, _ in found)  # narrative ends the interview
    # Not an interview: a labelled question with no one named to answer, or an explainer's questions.
    text = (
        "Libye : qui contrôle les opérations?\n\n"
        "Paris : La France a pris la tête de la coalition dès le premier jour.\n\n"
        "Combien coûte l'opération?\n\n"
        "Les frappes coûtent environ un million d'euros par jour, selon les experts.\n"
    )
    assert not [q for q in run(text, LOC="Paris|France").quotes if q.kind == "direct"]


def test_a_coordinated_clause_with_a_subject_of_its_own_reports_its_own_words() -> None:
    text = (
        "Ségolène Royal (PS) a estimé qu'il n'était \"plus temps de tergiverser\" et François Bayrou a dénoncé"
        ' la politique "massivement erronée" du gouvernement.'
    )
    found = said(run(text, PER="Ségolène Royal|François Bayrou", ORG="PS"))
    assert found == [
        ("mixed", 'il n\'était "plus temps de tergiverser"', "Ségolène Royal"),  # past her party's initials
        ("mixed", 'la politique "massivement erronée" du gouvernement', "François Bayrou"),
    ]
    # Half of a subject is no clause of its own: the verb is in the plural.
    text = "Le porte-parole a affirmé que le président et son ministre avaient déclaré la guerre finie."
    assert [t for _, t, _ in said(run(text))] == [
        "le président et son ministre avaient déclaré la guerre finie"
    ]


def test_a_verb_in_the_future_reports_words_only_before_que_or_a_colon() -> None:
    text = (
        'Le gouvernement annoncera "à cet égard de nouvelles dispositions" d\'ici à "la fin de la semaine", a'
        ' ajouté la présidence, sans plus de détails. Enfin, Nicolas Sarkozy annoncera "dans les prochaines'
        ' semaines" un plan de relance.'
    )
    found = said(run(text, PER="Nicolas Sarkozy"))
    assert found == [
        (
            "mixed",
            'Le gouvernement annoncera "à cet égard de nouvelles dispositions" d\'ici à "la fin de la semaine"',
            None,
        )
    ]
    text = "En 2003, Kadhafi annoncera qu'il renonce aux armes. Il dira plus tard que c'était une erreur."
    assert [(t, who) for _, t, who in said(run(text, PER="Kadhafi"))] == [
        ("il renonce aux armes", "Kadhafi"),
        ("c'était une erreur", "Kadhafi"),
    ]


def test_an_inverted_subject_is_found_past_an_adjective_and_a_longer_prepositional_phrase() -> None:
    text = (
        '« Nous ne céderons pas », s\'exclame, goguenard, Franz-Olivier Giesbert. "Le système est stable",'
        " a renchéri sur le même ton rassurant Henri de Castries."
    )
    found = said(run(text, PER="Franz-Olivier Giesbert|Henri de Castries"))
    assert found == [
        ("direct", "Nous ne céderons pas", "Franz-Olivier Giesbert"),
        ("direct", "Le système est stable", "Henri de Castries"),
    ]


def test_a_subject_with_an_operations_name_in_its_apposition_and_the_object_of_an_accusation() -> None:
    text = (
        "Le général Bouchard, commandant de l'opération «Protecteur unifié», accuse Tripoli de retenir des"
        " civils. Le général canadien Charles Bouchard a été nommé en mars."
    )
    found = said(run(text, PER="Charles Bouchard|Bouchard", LOC="Tripoli"))
    # the operation's name is no quotation of Tripoli's: Tripoli is what is accused, not who speaks
    assert found == [("indirect", "Tripoli de retenir des civils", "Charles Bouchard")]


def test_an_incise_with_a_place_inside_unquoted_words_keeps_both_sides() -> None:
    text = "Une partie de cet argent, accuse-t-on à Tripoli, aurait servi à financer les rebelles."
    assert [t for _, t, _ in said(run(text, LOC="Tripoli"))] == [
        "Une partie de cet argent, accuse-t-on à Tripoli, aurait servi à financer les rebelles"
    ]


def test_a_plural_pronoun_takes_up_the_group_that_opened_a_clause() -> None:
    text = (
        "Les rebelles libyens progressent. Au sud de Misrata, les rebelles ont consolidé leurs positions, où"
        " ils ont assuré ne plus faire face qu'à quelques poches de résistance. Les rebelles ont attaqué les"
        " forces du régime. Nicolas Sarkozy est arrivé. Ils ont affirmé que la ville était prise."
    )
    found = said(run(text, PER="Nicolas Sarkozy", LOC="Misrata"))
    assert found[0] == (
        "indirect",
        "ne plus faire face qu'à quelques poches de résistance",
        "rebelles libyens",
    )
    assert found[1][2] is None  # a person opened a clause since: "ils" is left in words


def test_second_review_mends_on_interviews_complements_futures_and_groups() -> None:
    # an answer may run over several lines between two questions; after the last, only its first line
    text = (
        "LE FIGARO. - Combien de temps durera l'opération ?\n\n"
        "Général Jean DUPONT. - C'est difficile à dire. Nous avançons.\n\n"
        "Nous avons frappé plus de mille cibles, et leurs forces sont affaiblies.\n\n"
        "Les rebelles sont-ils capables de l'emporter ?\n\n"
        "Ils progressent, mais lentement. Qui pourrait leur reprocher de prendre leur temps ?\n\n"
        "Le général s'est ensuite rendu à Naples, où il a rencontré ses homologues.\n"
    )
    answers = [t for kind, t, who in said(run(text, PER="Jean DUPONT")) if kind == "direct" and who]
    assert answers == [
        "C'est difficile à dire. Nous avançons",
        "Nous avons frappé plus de mille cibles, et leurs forces sont affaiblies",
        "Ils progressent, mais lentement. Qui pourrait leur reprocher de prendre leur temps",  # asks back
    ]
    # an adviser of the colonel speaks for himself, not for the colonel
    text = "Mouammar Kadhafi est isolé. Un conseiller du colonel Kadhafi a affirmé que le régime était prêt."
    assert said(run(text, PER="Mouammar Kadhafi"))[0][2] is None
    # a passé simple is no future; a question asks, it reports nothing
    text = "Alain Juppé soupira que rien ne changerait. Qui dira que cette guerre était juste ?"
    assert [t for _, t, _ in said(run(text, PER="Alain Juppé"))] == ["rien ne changerait"]
    # "ils" takes up no object and no group after another one took the floor
    for text in (
        "Les forces du régime ont encerclé, dimanche, les rebelles libyens. Ils ont affirmé que la ville tenait.",
        "Les rebelles libyens ont repris Brega, et des infirmières ont soigné les blessés. Elles ont raconté que"
        " la nuit avait été longue.",
    ):
        assert said(run(text))[-1][2] is None, text
