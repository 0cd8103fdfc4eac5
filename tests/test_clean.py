"""Cleaning on small hand-built pages: each kind of boilerplate, metadata lines, offsets."""

from __future__ import annotations

import datetime as dt

from chronique.clean import LineStats, article_line_keys, clean
from chronique.lang import get_language
from chronique.model import Document
from chronique.pipeline import analyse

FR = get_language("fr")
BODY = (
    "Le Premier ministre a annoncé mercredi un plan de soutien aux agriculteurs, a-t-on appris de source"
    " gouvernementale.\n\nLe texte sera présenté en conseil des ministres la semaine prochaine, selon"
    " Matignon."
)


# A site's list of links to other articles, then the article's own title.
LINKS = [
    "Printemps annonce la fermeture de sept magasins du groupe",
    "Pourquoi la lumière artificielle menace-t-elle les animaux ?",
    "Comment le confinement permet d'éviter des milliers de morts",
    "Les Césars coupent les ponts avec les membres historiques du conseil",
]
LINK_TITLE = "Libye : les rebelles continuent leur avancée vers Tripoli"


def reasons(raw: str, **kw: object) -> dict[str, str]:
    cleaned = clean(raw, FR, **kw)  # type: ignore[arg-type]
    return {r.text: r.reason for r in cleaned.removed}


def test_offsets_point_into_raw_text_and_text_keeps_paragraphs() -> None:
    raw = "Un titre court\n\nTous droits réservés\n\n" + BODY + "\n\nPartager cet article\n"
    cleaned = clean(raw, FR)
    for r in cleaned.removed:
        assert raw[r.start : r.end] == r.text
    assert cleaned.title == "Un titre court"
    assert cleaned.text == BODY
    assert cleaned.text.count("\n\n") == 1
    # every cleaned character maps back to the same raw character
    for seg in cleaned.segments:
        piece = cleaned.text[seg.text_start : seg.text_start + seg.length]
        assert raw[seg.raw_start : seg.raw_start + seg.length] == piece


def test_rights_share_subscriber_navigation() -> None:
    raw = "\n".join([
        BODY,
        "Tous droits de reproduction et de représentation réservés. © 2024 - Agence France-Presse.",
        "Partager cet articleClose Button",
        "Réservé aux abonnés",
        "Dernières nouvelles",
        "Commentaires",
    ])  # fmt: skip
    got = reasons(raw)
    assert got["Partager cet articleClose Button"] == "share"
    assert got["Réservé aux abonnés"] == "subscriber"
    assert got["Dernières nouvelles"] == "navigation"
    assert got["Commentaires"] == "share"
    assert any(v == "copyright" for v in got.values())
    assert not any(BODY.split("\n")[0] in k for k in got)


def test_related_block_removes_headlines_until_content_resumes() -> None:
    raw = "\n\n".join([
        BODY,
        "Sur le même sujet",
        "Incendie dans le Var : 300 hectares brûlés",
        "Les députés adoptent la réforme des retraites",
        "Le gouvernement a précisé jeudi que les aides seraient versées avant la fin du mois, selon un communiqué.",
    ])  # fmt: skip
    got = reasons(raw)
    assert got["Sur le même sujet"] == "related"
    assert got["Incendie dans le Var : 300 hectares brûlés"] == "related"
    assert got["Les députés adoptent la réforme des retraites"] == "related"
    assert "Le gouvernement a précisé jeudi" in clean(raw, FR).text
    # "à" written in capitals without its accent, a byline under each headline
    raw = "\n".join([BODY, "A lire également", "Libye : Younès a été assassiné", "par La Rédaction", BODY])
    assert reasons(raw)["A lire également"] == reasons(raw)["Libye : Younès a été assassiné"] == "related"
    assert (
        reasons(BODY + "\nA voir aussi : le reportage de notre envoyé spécial")[
            "A voir aussi : le reportage de notre envoyé spécial"
        ]
        == "related"
    )


def test_metadata_lines_become_metadata() -> None:
    raw = "Par Jean Dupont\nDernière mise à jour à 10h12 le 03/04\n" + BODY + "\nAvec AFP\n"
    cleaned = clean(raw, FR)
    assert cleaned.metadata["byline"] == "Jean Dupont"
    assert cleaned.metadata["credit"] == "AFP"
    assert "03/04" in cleaned.metadata["updated"]
    assert cleaned.text == BODY
    raw = "Slate.fr — 27 septembre 2011 à 18h41\nPropos recueillis par Marie Durand\n" + BODY
    cleaned = clean(raw, FR)
    assert cleaned.metadata["published"] == "27 septembre 2011 à 18h41"
    assert cleaned.metadata["byline"] == "Marie Durand"
    assert cleaned.text == BODY
    raw = "le 30.10.2011 à 20h15, mis à jour le 30.10.2011 à 20h15\n" + BODY
    assert clean(raw, FR).metadata["published"] == "30.10.2011 à 20h15"
    # Another article's teaser under this one: its stamp goes, a date in a sentence stays.
    raw = BODY + "\n\nUne ville du Kentucky élit un bulldog\n— 11 novembre 2020 — Temps de lecture : 2 min\n"
    assert reasons(raw)["— 11 novembre 2020 — Temps de lecture : 2 min"] == "navigation"
    kept = BODY + "\n\nLe 11 novembre 2020, la ville a voté."
    assert "Le 11 novembre 2020, la ville a voté." in clean(kept, FR).text


def test_date_header_glued_to_the_first_paragraph_is_cut_off() -> None:
    raw = ' date 2019-03 "Nous sommes prêts", a déclaré le ministre lundi lors d\'un point presse.'
    cleaned = clean(raw, FR)
    assert cleaned.metadata["date"] == "2019-03"
    assert cleaned.text.startswith('"Nous sommes prêts"')
    assert [r.reason for r in cleaned.removed] == ["metadata:date"]


def test_embed_caption_glued_to_a_sentence_keeps_the_sentence() -> None:
    raw = (
        BODY + "\nGreat meeting today! pic.twitter.com/AbCdEf123\n"
        "Emmanuel Macron (@EmmanuelMacron) 3 mai 2019La rencontre a duré deux heures, selon l'Elysée.\n"
    )
    cleaned = clean(raw, FR)
    got = {r.text: r.reason for r in cleaned.removed}
    assert got["Great meeting today! pic.twitter.com/AbCdEf123"] == "embed"
    assert got["Emmanuel Macron (@EmmanuelMacron) 3 mai 2019"] == "embed"
    assert "La rencontre a duré deux heures, selon l'Elysée." in cleaned.text


def test_a_repeated_title_is_removed_twice_and_taken_as_title() -> None:
    raw = "Grève à la SNCF\n\nGrève à la SNCF\n" + BODY
    cleaned = clean(raw, FR)
    assert cleaned.title == "Grève à la SNCF"
    assert [r.reason for r in cleaned.removed] == ["title", "duplicate-title"]


def test_a_sentence_first_line_is_not_a_title() -> None:
    cleaned = clean(BODY, FR)
    assert cleaned.title is None
    assert cleaned.removed == []


def test_content_starting_like_boilerplate_is_kept() -> None:
    raw = (
        "Par ailleurs, le ministre a indiqué que la réforme serait votée avant l'été.\n"
        "Partager les richesses est l'objectif affiché du texte, a-t-il dit devant les députés réunis mardi.\n"
    )
    assert clean(raw, FR).removed == []


def test_learned_boilerplate_needs_many_articles_of_the_same_source() -> None:
    footer = "Retrouvez toute l'actualité de la région sur notre application"
    stats = LineStats(min_articles=3, min_share=0.3)
    articles = [f"Article numéro {i} : la mairie a voté le budget lundi soir.\n{footer}" for i in range(4)]
    for raw in articles[:2]:
        stats.add("La Gazette", article_line_keys(raw))
    assert footer not in reasons(articles[0], source="La Gazette", stats=stats)
    stats.add("La Gazette", article_line_keys(articles[2]))
    assert reasons(articles[3], source="La Gazette", stats=stats)[footer] == "learned"
    # another source has not learned it
    assert footer not in reasons(articles[3], source="Autre Journal", stats=stats)


def test_repeated_wire_sentences_are_not_learned() -> None:
    wire = (
        "Washington a inculpé vendredi douze agents du renseignement russe soupçonnés d'être impliqués"
        " dans le piratage du parti démocrate en 2016."
    )
    stats = LineStats(min_articles=3, min_share=0.3)
    for i in range(5):
        stats.add("AFP", article_line_keys(f"Autre phrase {i} sur le sommet.\n{wire}"))
    assert wire not in reasons(f"Encore une phrase.\n{wire}", source="AFP", stats=stats)


def test_hard_wrapped_paragraphs_are_joined() -> None:
    para = (
        "Le conseil municipal a adopté lundi soir le budget primitif de la commune pour\n"
        "l'année prochaine, après un long débat sur le financement de la nouvelle école\n"
        "et sur la rénovation de la piscine municipale, fermée depuis le mois de mars.\n"
    )
    raw = "\n".join(para.replace("lundi", day) for day in ("lundi", "mardi", "jeudi"))
    cleaned = clean(raw, FR)
    assert cleaned.title is None
    assert cleaned.text.count("\n\n") == 2
    assert "pour l'année prochaine" in cleaned.text


def test_a_short_question_or_exclamation_first_line_is_a_title() -> None:
    assert clean("Armstrong au départ ?\n" + BODY, FR).title == "Armstrong au départ ?"
    assert clean("Les Jeux, c'est fini !\n\n" + BODY, FR).title == "Les Jeux, c'est fini !"


def test_a_short_first_sentence_followed_by_a_shorter_line_is_not_a_title() -> None:
    assert clean("Le conseil a voté le budget.\nIl était temps.", FR).title is None


def test_agency_dateline_stays_in_the_text() -> None:
    # "PARIS (Reuters) -" opens many agency texts: it is part of the first sentence as published.
    raw = "Moscou (AFP) - Le Kremlin a annoncé mardi un sommet à Helsinki, selon un communiqué."
    assert clean(raw, FR).text == raw


def test_tags_and_follow_us_lines() -> None:
    raw = BODY + "\nMots-clés : Russie, Etats-Unis, diplomatie\nSuivez-nous sur Facebook et Twitter"
    got = reasons(raw)
    assert got["Mots-clés : Russie, Etats-Unis, diplomatie"] == "navigation"
    assert got["Suivez-nous sur Facebook et Twitter"] == "share"


def test_a_run_of_headlines_is_a_link_list_and_the_title_under_it_stays() -> None:
    links, title = LINKS, LINK_TITLE
    raw = "\n".join([*links, title, BODY.replace("\n\n", "\n")])
    cleaned = clean(raw, FR)
    assert {r.text: r.reason for r in cleaned.removed} == {**dict.fromkeys(links, "related"), title: "title"}
    assert cleaned.title == title and cleaned.text.startswith("Le Premier ministre")
    # Three headlines are not enough to tell a list of links from a rubric, a kicker and a standfirst.
    assert "related" not in reasons("\n".join([*links[1:], title, BODY])).values()


def test_short_answers_trailing_off_are_no_list_of_links() -> None:
    portrait = [
        "Pourquoi continuer à votre âge ?",
        "Parce que je ne sais rien faire d'autre…",
        "Et le loup, vous en avez peur ?",
        "Peur, non. Mais il m'a pris douze bêtes l'an dernier…",
        "Vos enfants reprendront-ils le troupeau ?",
        "Mon fils est parti à Montpellier. Il travaille dans l'informatique…",
    ]
    raw = "\n".join([LINK_TITLE, BODY.replace("\n\n", "\n"), *portrait, BODY.replace("\n\n", "\n")])
    assert "related" not in reasons(raw).values()


def test_headlines_flagged_for_subscribers_are_links_of_the_run_they_break() -> None:
    # A site's list where some headlines carry the "Abonnés" flag, one of them a question: each flagged
    # one is a link, and so are the unflagged ones between them; the article's title stays the title.
    flagged = [f"{link} Abonnés" for link in LINKS[1:]] + [
        "Que sait-on du documentaire qui dénonce tout ? Abonnés"
    ]
    single = "Hollande à Macron : «C'est pas trop dur en ce moment ?»"
    lines = [single, flagged[0], LINKS[0], flagged[1], single.replace("Hollande", "Sarkozy"), *flagged[2:]]
    cleaned = clean("\n".join([*lines, LINK_TITLE, BODY.replace("\n\n", "\n")]), FR)
    assert {r.text: r.reason for r in cleaned.removed} == {
        **dict.fromkeys(lines, "related"),
        LINK_TITLE: "title",
    }
    assert cleaned.title == LINK_TITLE


def test_a_list_of_short_items_in_the_text_is_content() -> None:
    figures = [
        "Crédit Agricole : 3 milliards",
        "BNP Paribas : 2,55 milliards",
        "Société Générale : 1,7 milliard",
    ]
    items = [
        "- la hausse du smic de 2 %",
        "- la baisse des charges",
        "- un fonds pour les PME",
        "- un plan vélo",
    ]
    for lines in ([*figures, "Crédit Mutuel : 1,2 milliard"], items):
        raw = "\n".join(["Les aides aux banques", BODY.split("\n\n")[0], *lines, BODY.split("\n\n")[1]])
        assert set(reasons(raw).values()) == {"title"}, lines


def test_quoted_posts_are_content_and_photo_captions_are_credits() -> None:
    posts = [
        "@CurtMonash: Le magazine Soldier of Fortune vient d'élire Kadhafi le dictateur le plus sexy #Libya",
        "@defendfreespeak: Steven Spielberg a acheté les droits de mon Livre vert ! #DesperateGaddafiLies",
        "TurksAng : Vendredi dernier, les Libyens regardaient La Libye a un incroyable talent #DesperateGaddafiLies",
        "LindaBarlow : Tout ce que je veux vraiment, des places pour un concert #DesperateGaddafiLies",
    ]
    raw = "\n".join(
        ["Les internautes se moquent de Kadhafi", BODY.split("\n\n")[0], *posts, BODY.split("\n\n")[1]]
    )
    assert set(reasons(raw).values()) == {"title"}
    embedded = [  # a post embedded with its handle first and its short link kept: content
        "@ablabahrawy Un Kadhafi à mourir de rire http://t.co/LKmEHDj",
        "pic.twitter.com/AbC123",  # a bare link left by an embed: furniture
    ]
    raw = "\n".join(
        ["Les internautes se moquent de Kadhafi", BODY.split("\n\n")[0], *embedded, BODY.split("\n\n")[1]]
    )
    assert reasons(raw) == {
        "Les internautes se moquent de Kadhafi": "title",
        "pic.twitter.com/AbC123": "embed",
    }
    captions = [
        "Pendant que le sommet se prépare, les combats s'intensifient à Benghazi. Photo AFP",
        "Mouammar Kadhafi, photographié en 2004 (photo archives AFP)",
        "Les Rafale français sont impliqués dans l'opération (illustration, AFP)",
        "(Un insurgé à Ajdabiya, le 30 mars, Andrew Winning / Reuters)",
    ]
    title = "Libye : Kadhafi menace d'attaquer des objectifs en Méditerranée"
    raw = "\n".join([title, *captions, BODY])
    cleaned = clean(raw, FR)
    assert cleaned.title == title  # the captions under it are no list of links
    assert {r.text: r.reason for r in cleaned.removed} == {
        title: "title",
        **dict.fromkeys(captions, "metadata:credit"),
    }


def test_forms_legal_pages_and_account_notices_are_site_furniture() -> None:
    furniture = {
        "La rédaction vous conseille": "related",
        "Charte de modération": "navigation",
        "* Champs obligatoires": "navigation",
        "Politique de protection des données à caractère personnel": "navigation",
        "Consultez les articles de la rubrique  International,": "navigation",
        "suivez les informations en temps réel et accédez à nos analyses de l'actualité.": "navigation",
        "Les sites du Groupe Figaro": "navigation",
        "Cet article a été ajouté dans vos favoris.": "share",
        "Vous avez un compte Facebook ?  Connectez-vous plus rapidement": "subscriber",
        "Que se passera-t-il si vous continuez à lire ici ?": "subscriber",
        "Nous vous conseillons de modifier votre mot de passe.": "subscriber",
        "Ce billet fait partie de notre dossier central en anglais sur le soulèvement en Libye en 2011.": "navigation",
        "Cet article fait partie de nos dossiers sur la présidentielle.": "navigation",
        "Suivez Le Monde": "share",
    }
    content = [
        "Suivez les débats",
        "Cet article fait partie du dossier remis au juge par les avocats de la famille.",
        "Ce dossier fait partie des priorités du gouvernement, a estimé le ministre jeudi.",
        "La politique de confidentialité du gouvernement a été critiquée par la Cnil, qui réclame une enquête.",
        "Le ministre a présenté sa charte de modération des débats au Parlement, jeudi.",
        "Les sites du groupe Total en Libye ont été évacués mardi, selon la direction.",
        "La Cnil recommande de modifier votre mot de passe au plus vite après la fuite.",
        "« Si vous avez un compte Facebook, vos données ont pu être aspirées », prévient la Cnil.",
        "Politique de confidentialité : Facebook condamné à 1,2 milliard d'euros",
        "Les combats s'intensifient à Benghazi, a indiqué un porte-parole. Photo AFP",
    ]
    raw = "\n".join([BODY.split("\n\n")[0], *content, BODY.split("\n\n")[1], *furniture])
    got = reasons(raw)
    assert {k: v for k, v in got.items() if v != "title"} == furniture


def test_signatures_update_stamps_and_wire_credits_are_metadata() -> None:
    cases = {
        "Le Monde avec AFP et Reuters": "credit",
        "Le Nouvel Observateur - AFP": "credit",
        "(Nouvelobs.com avec AFP)": "credit",
        "— Mis à jour le 31/03/11 à 19h51": "updated",
        "(Avec Tarek Amara à Tunis; Version française Jean Dupont, édité par Gilles Trequesser)": "credit",
        # a photo's caption ending on its photographer and agency
        "Sur la photo : Seif el-Islam (Chris Helgren/Reuters).": "credit",
        "Un homme brandit un pistolet plaqué or (Philippe Desmazes / AFP).": "credit",
        "Mahmoud Djibril annonçant la mort de l'ex-dictateur (Li Muzi / Xinhua / Sipa).": "credit",
    }
    for line, kind in cases.items():
        assert reasons(f"Un titre\n{line}\n{BODY}")[line] == f"metadata:{kind}", line
    # A sentence naming an agency is content.
    sentence = "Le Monde a travaillé avec l'AFP et Reuters sur cette enquête."
    assert sentence not in reasons(f"Un titre\n{sentence}\n{BODY}")
    quoted = "« Nous ne partirons pas », a déclaré un porte-parole (Jean Dupont / AFP)."  # words said
    assert quoted not in reasons(f"Un titre\n{quoted}\n{BODY}")
    for sentence in (  # sources, not a photographer
        "Le bilan s'élève à cinquante morts selon les agences de presse (Reuters/AFP).",
        "Le CNT a déposé une requête auprès de l'ONU (Nations unies / AP).",
    ):
        assert sentence not in reasons(f"Un titre\n{sentence}\n{BODY}"), sentence


def test_the_start_of_a_furniture_line_cut_off_from_it_is_furniture() -> None:
    notice = [
        "Créez un compte afin d'accéder à la version numérique du magazine et à l'intégralité des contenus.",
        "Pour ce faire, renseignez",
        "votre numéro d'abonné dans les paramètres de création de compte.",
    ]
    got = reasons("\n".join([LINK_TITLE, BODY.replace("\n\n", "\n"), *notice]))
    assert got["Pour ce faire, renseignez"] == got[notice[2]] == "subscriber"
    # An op-ed's headline over its byline, between furniture, stays: a byline is no notice run on.
    oped = ["Partager cet article", "Pourquoi il faut soutenir le CNT", "par Bernard-Henri Lévy"]
    assert reasons("\n".join([*oped, BODY]))["Pourquoi il faut soutenir le CNT"] == "title"
    # An intertitle between two pieces of furniture, over the article going on, stays.
    heading = [
        "Lire aussi : Les rebelles reprennent Brega",
        "Les réactions",
        "Lire aussi : Paris salue l'accord",
    ]
    assert "Les réactions" not in reasons("\n".join([LINK_TITLE, BODY.replace("\n\n", "\n"), *heading, BODY]))
    # A notice's own question between two of its answers goes with them.
    faq = [
        "Ce message s'affichera sur l'autre appareil. Ce dernier restera connecté avec ce compte.",
        "Y a-t-il d'autres limites ?",
        "Non. Vous pouvez vous connecter avec votre compte sur autant d'appareils que vous le souhaitez.",
    ]
    got = reasons("\n".join([LINK_TITLE, BODY.replace("\n\n", "\n"), *faq]))
    assert got["Y a-t-il d'autres limites ?"] == "subscriber"
    # An article's own question between two removed lines of different kinds stays.
    between = ["Partager cet article", "Et maintenant ?", "Lire aussi : Paris salue l'accord"]
    assert "Et maintenant ?" not in reasons(
        "\n".join([LINK_TITLE, BODY.replace("\n\n", "\n"), *between, BODY])
    )


def test_a_signature_with_a_correspondents_place_is_a_byline() -> None:
    for line in (
        "Jean-Philippe Rémy(Johannesburg, correspondant régional) et  Jean-Philippe Rémy",
        "Christophe Ayad (envoyé spécial à Benghazi)",
    ):
        assert reasons(f"{LINK_TITLE}\n{BODY}\n{line}")[line] == "metadata:byline", line
    line = "Barack Obama (président des Etats-Unis) a parlé aux correspondants de presse."
    assert line not in reasons(f"{LINK_TITLE}\n{BODY}\n{line}")


def test_a_sites_services_and_paywall_notices() -> None:
    lines = {
        "4 MINUTES DE LECTURE": "navigation",
        "Newsletter Réveil Express": "navigation",
        "Code promo OUI.sncf": "navigation",
        "Découvrez l'application L'Express": "navigation",
        "» Kadhafi, introuvable, nargue les rebelles": "related",
        "» INFOGRAPHIE - Ces pays qui reconnaissent le CNT libyen... et les autres": "related",
        "Offre limitée - 2 mois pour 1€, sans engagement": "subscriber",
        "Vous ne pouvez lire Le Monde que sur un seul appareil à la fois (ordinateur, téléphone ou tablette).": (
            "subscriber"
        ),
    }
    for line, reason in lines.items():
        assert reasons(f"Un titre\n{BODY}\n{line}")[line] == reason, line


def test_a_repeated_teaser_question_is_learned_but_a_repeated_statement_is_not() -> None:
    question = "Transports, repas, plein air… quels sont les lieux les plus à risque de contamination ?"
    stats = LineStats(min_articles=3, min_share=0.3)
    for i in range(4):
        stats.add("", article_line_keys(f"Phrase {i} sur le sommet de Bruxelles.\n{question}"))
    assert reasons(f"Un titre\n{BODY}\n{question}", stats=stats)[question] == "learned"


def test_scraps_of_the_page_above_the_title_are_not_the_title() -> None:
    pages = {
        "Good luck !\nDécouvrez l'application L'Express\nactualite\n\nLibye: \"Kadhafi attaque encore les civils\"\n\n"
        + BODY: 'Libye: "Kadhafi attaque encore les civils"',
        "Discover Thomson Reuters\nIncident frontalier entre soldats tunisiens et libyens\nBy Zoubeïr Souissi\n"
        "4 MINUTES DE LECTURE\n" + BODY: "Incident frontalier entre soldats tunisiens et libyens",
        # A short title over prose stays the title.
        "Kadhafi est mort\n" + BODY: "Kadhafi est mort",
    }
    for raw, title in pages.items():
        cleaned = clean(raw, FR)
        assert cleaned.title == title
        assert cleaned.text.startswith("Le Premier ministre"), cleaned.text[:40]


def test_news_sentences_that_look_like_furniture_are_content() -> None:
    sentences = [
        "Un Mirage 2000 a ouvert le feu sur l'autre appareil, qui s'est écrasé près de Syrte.",
        "Les rebelles ont tiré sur un seul appareil de l'armée loyaliste.",
        "Jamais les Français n'avaient acheté autant d'appareils photo numériques qu'en 2010.",
        "Washington a promis une aide financière sans engagement militaire au sol.",
        "La Russie juge que l'offre limitée de gaz pèserait sur les prix de l'énergie.",
        "Kadhafi s'est entretenu avec Reuters.",
        "Avec ce roman, édité par Gallimard, il a remporté le prix Goncourt en 2010.",
    ]
    for sentence in sentences:
        assert sentence not in reasons(f"Un titre de l'article\n{sentence}\n{BODY}"), sentence
    cleaned = clean(f"Le décret publié le 18 mai 2011\n{BODY}", FR)
    assert cleaned.title == "Le décret publié le 18 mai 2011" and "published" not in cleaned.metadata


def test_a_link_run_keeps_the_title_under_it_past_a_byline_and_quotes_in_french_typography_are_prose() -> (
    None
):
    links, title = LINKS, LINK_TITLE
    for between in ("Par Jean Dupont", "Le Monde avec AFP", "4 MINUTES DE LECTURE"):
        assert clean("\n".join([*links, title, between, BODY]), FR).title == title, between
    said = [
        "Le ministre a déclaré : « Nous ne céderons pas devant la menace. »",
        "Il a ajouté : « Nous tiendrons bon jusqu'au bout de cette crise. »",
        "Elle a répondu : « Nous verrons bien ce qui arrivera demain matin. »",
        "Ils ont conclu : « Rien ne sera plus jamais comme avant la guerre. »",
    ]
    assert "related" not in reasons("\n\n".join([BODY, *said])).values()


def test_a_short_title_that_names_what_the_text_is_about_is_the_title() -> None:
    raw = "Mort de Kadhafi\nLe dictateur libyen a été tué jeudi près de Syrte\n" + BODY.replace(
        "agriculteurs", "Kadhafi"
    )
    assert clean(raw, FR).title == "Mort de Kadhafi"


# An article, its page's share bar, then what readers wrote under it.
ARTICLE = (
    "Libye : Zuma attendu lundi à Tripoli\n"
    "Le chef de l'État sud-africain Jacob Zuma se rendra lundi en Libye pour discuter avec le colonel"
    " Kadhafi d'une stratégie de sortie, a annoncé samedi la présidence sud-africaine.\n"
    "Le Conseil de sécurité de l'ONU a adopté le 17 mars une résolution qui autorise l'usage de la force"
    " en Libye pour protéger les civils. Jacob Zuma avait déjà rencontré Kadhafi en avril.\n"
    "Selon un diplomate, la visite pourrait durer deux jours. « Nous voulons une solution politique », a"
    " déclaré samedi le porte-parole de la présidence.\n"
)
SHARE_BAR = "Agrandir le texte\nRéduire le texte\nAjouter aux favoris\nEnvoyer par email\n"
COMMENTS = [
    "Ahlam, ce que tu viens de dire, c'est oui à l'impérialisme.",
    "QUI CONNAIT ZUMA VRAIMENT ?",
    "Quel stratège ! Vous mélangez tout.",
    "Il le cachait bien...",
]


def test_readers_comments_after_the_share_bar_are_removed() -> None:
    raw = ARTICLE + SHARE_BAR + "\n".join(COMMENTS) + "\nPlan du site\n"
    cleaned = clean(raw, FR)
    removed = {r.text: r.reason for r in cleaned.removed}
    assert all(removed.get(c) == "comments" for c in COMMENTS)
    assert cleaned.text.startswith("Le chef de l'État sud-africain")
    assert cleaned.text.endswith("a déclaré samedi le porte-parole de la présidence.")


def test_readers_comments_right_under_the_article_are_removed_but_not_an_op_eds_last_cries() -> None:
    # No furniture between the article and its comments: they still go, from the first that exclaims.
    comments = [
        "Quel stratège ! Vous mélangez tout.",
        "ce n'est pas nouveau, tout le monde le savait depuis des années...",
        "Il le cachait bien...",
        "Bachar c'est Kadhafi en plus cynique",
    ]
    cleaned = clean(ARTICLE + "\n".join(comments) + "\n", FR)
    assert {r.text: r.reason for r in cleaned.removed if r.reason == "comments"} == dict.fromkeys(
        comments, "comments"
    )
    assert cleaned.text.endswith("a déclaré samedi le porte-parole de la présidence.")
    # An op-ed that ends by asking and exclaiming, as an editor prints it, keeps its end.
    cries = [
        "Mais de quel peuple parle-t-on exactement ? Personne ne le dit.",
        "Quelle honte pour le pays des Lumières !",
        "Réveillez-vous, il est encore temps...",
        "Vive la paix !",
    ]
    assert not [r for r in clean(ARTICLE + "\n".join(cries) + "\n", FR).removed if r.reason == "comments"]
    # Nor a line going on in lower case under one that trails off, a brand's name, a post quoted
    # under the words that introduce it.
    for ending in (
        [
            "Nous, maires ruraux, refusons cette logique comptable !",
            "Nous demandons un moratoire immédiat sur les fermetures…",
            "et nous appelons tous les élus à signer cet appel.",
            "L'ÉCOLE DE LA RÉPUBLIQUE DOIT RESTER OUVERTE DANS CHAQUE VILLAGE DE FRANCE !",
        ],
        [
            "Parce que personne ne voulait le financer ! Les producteurs trouvaient le sujet trop sombre.",
            "Aujourd'hui, les plateformes nous obligent à nous réinventer…",
            "iPhone, tablette, télévision : peu importe l'écran, ce qui compte c'est l'histoire.",
            "Allez au cinéma ! Rien ne remplace la salle.",
        ],
        [
            "Sur Twitter, @LibyanYouth écrit à 23 heures.",
            "ils tirent sur tout ce qui bouge à Benghazi, nous avons besoin d'aide !!!",
            "Une heure plus tard, Sultan Al Qassemi s'interroge :",
            "Où est la communauté internationale ? Vous regardez et vous ne faites rien !",
        ],
    ):
        kept = clean(ARTICLE + "\n".join(ending) + "\n", FR)
        assert not [r for r in kept.removed if r.reason == "comments"], ending[0]
    # Nor is a question in a paragraph of the article the start of the readers' comments under it.
    asks = "Sa visite changera-t-elle la donne ? Ses proches en doutent, selon un conseiller.\n"
    cleaned = clean(ARTICLE + asks + "\n".join(comments) + "\n", FR)
    assert "Sa visite changera-t-elle la donne ?" in cleaned.text and comments[0] not in cleaned.text


def test_the_article_going_on_after_furniture_is_not_a_comment() -> None:
    more = (
        "La présidence n'a pas précisé qui accompagnerait Jacob Zuma.\n"
        "L'Union africaine a salué l'initiative, selon un communiqué publié dimanche.\n"
        "« Nous sommes prêts à tout pour la paix », avait déclaré Jacob Zuma en avril.\n"
    )
    kept = clean(ARTICLE + SHARE_BAR + more, FR)
    assert "L'Union africaine a salué l'initiative" in kept.text
    assert not [r for r in kept.removed if r.reason == "comments"]
    # A reporter's first-person account, each paragraph opening a quotation, is no comment either.
    account = "\n".join(f"«Nous roulons vers Syrte, je tiens la carte{'.' * (i % 2)}" for i in range(4))
    assert not [r for r in clean(ARTICLE + SHARE_BAR + account, FR).removed if r.reason == "comments"]
    # Nor is an interview going on after the furniture: questions, answers in the first person.
    interview = (
        "La Cnil a émis des réserves sur ce fichier, pourquoi ?\n"
        "Nous avons exigé sa publication, car quelques aspects nous semblaient problématiques.\n"
        "Concrètement, le fichier concerne des personnes de quel âge ?\n"
        "Je crois que treize ans, c'est excessif, et nous l'avons dit au gouvernement.\n"
    )
    assert not [r for r in clean(ARTICLE + SHARE_BAR + interview, FR).removed if r.reason == "comments"]
    # Nor is text wrapped at a fixed width that goes on in lower case after the furniture.
    wrapped = "précisant que les Libyens avaient attendu\nde leurs proches massacrés, a-t-il dit\n"
    assert not [r for r in clean(ARTICLE + SHARE_BAR + wrapped, FR).removed if r.reason == "comments"]


def test_readers_voice_right_under_the_title_is_not_taken_for_comments() -> None:
    # Comments come after the article: a page whose first block sounds like a reader keeps it.
    raw = "Tribune : pourquoi je quitte la politique\n" + "\n".join(COMMENTS) + "\n" + SHARE_BAR
    assert not [r for r in clean(raw, FR).removed if r.reason == "comments"]


def test_a_year_in_readers_comments_dates_nothing() -> None:
    # The article gives a day and a weekday, no year; a reader's "2017" would make it 11 November 2017.
    article = ARTICLE.replace("a annoncé samedi", "a annoncé samedi 11 novembre")
    comments = ["Je me souviens de 2017 !", "Vous oubliez tout, comme toujours..."]
    raw = article + SHARE_BAR + "\n".join(comments) + "\n"
    done = analyse(Document(raw_text=raw, origin="page.txt"), today=dt.date(2026, 1, 1))
    assert [r.reason for r in done.removed if "2017" in r.text] == ["comments"]
    assert done.published.value is None


def test_the_article_between_two_pieces_of_furniture_is_never_comments() -> None:
    # Furniture in the middle of the article, then more of the article, then the page's furniture.
    rest = (
        "UNE MOBILISATION SANS PRÉCÉDENT ATTENDUE\n"
        "Le ton est monté d'un cran jeudi entre les syndicats et le gouvernement.\n"
        "Jusqu'où ira le bras de fer ? Personne ne le sait !\n"
        "« Pourquoi avez-vous quitté le syndicat ? » Je ne supportais plus cette ambiance, a-t-il dit.\n"
    )
    raw = ARTICLE + "Publicité\nLire aussi : Grève à la SNCF\n" + rest + "Plan du site\nMentions légales\n"
    assert not [r for r in clean(raw, FR).removed if r.reason == "comments"]
    # A byline removed whole counts as furniture before the comments.
    raw = ARTICLE + "Publicité\nPar Jean Dupont\n" + "\n".join(COMMENTS) + "\n"
    assert [r.text for r in clean(raw, FR).removed if r.reason == "comments"] == COMMENTS


def test_a_paragraph_wrapped_at_a_fixed_width_in_a_page_of_long_lines_is_content() -> None:
    # A page of one-line paragraphs, with one paragraph wrapped at about 75 characters: its lines look
    # like a run of headlines (no full stop) but each goes on in the next; a link list still goes.
    wrapped = [
        "Au siège du Conseil national de transition, on demande du temps pour identifier les",
        "corps puisque, selon le porte-parole du Conseil militaire, «de l'acide» a été versé",
        "sur les corps pour «éliminer toute preuve de ce massacre». L'organisation a demandé",
        "que des équipes de médecins légistes réalisent les exhumations sur place. Abdelwaheb",
        "Gaïed, rare survivant, est revenu sur cette journée du 29 juin",
        "1996 où «les soldats ont tué tous les prisonniers».",
    ]
    raw = "\n".join([LINK_TITLE, "", BODY, "", *wrapped, "", "À lire aussi", *LINKS])
    cleaned = clean(raw, FR)
    assert " ".join(wrapped) in cleaned.text  # one paragraph, none of it removed
    assert all(link not in cleaned.text for link in LINKS)
    assert "Matignon." in cleaned.text


def test_headlines_with_their_stamps_are_links_and_menu_words_are_not_a_wrapped_paragraph() -> None:
    stamped = [
        "Japon : la centrale de Fukushima toujours menacée par les répliques",
        "il y a 2 heures",
        "Côte d'Ivoire : les combats reprennent à Abidjan ce matin",
        "il y a 3 heures",
        "Bahreïn : la répression se poursuit dans les villages chiites",
        "il y a 4 heures",
        "Yémen : le président Saleh prêt à partir sous conditions",
        "il y a 5 heures",
    ]
    cleaned = clean("\n".join([LINK_TITLE, "", BODY, "", *stamped]), FR)
    assert cleaned.text == BODY
    menu = ["politique", "société", "économie", "culture"]
    cleaned = clean(
        "\n".join([*menu, LINK_TITLE, "", BODY, "", "Les réactions", "à Paris, le Quai a salué."]), FR
    )
    assert "Les réactions à Paris" not in cleaned.text
    assert "culture Libye" not in cleaned.text


def test_posts_quoted_one_under_another_stay_apart_and_a_finished_sentence_ends_a_paragraph() -> None:
    posts = [
        "@AlFulani91 : Kadhafi a exécuté un officier, citant son manque de foi. #DesperateGaddafiLies",
        "wordymcwriter : Ce matin je me suis réveillé avec du sang de tigre sur mes canines #DesperateGaddafiLies",
        "ostha2011 : Kadhafi a modifié sa situation amoureuse sur Facebook. #DesperateGaddafiLies",
    ]
    comments = ["On savait bien que ces rebelles ne valent rien.", "les pays arabes sont-ils un refuge ?"]
    cleaned = clean("\n".join([LINK_TITLE, "", BODY, "", *posts, "", *comments]), FR)
    for post in posts:
        assert f"\n\n{post}" in cleaned.text
    assert comments[0] + " " + comments[1] not in cleaned.text


def test_a_readers_stamp_is_not_a_publication_date_and_a_short_line_ending_on_a_comma_goes_on() -> None:
    raw = BODY + "\n\nJean-Marc — 28 août 2011 à 09h12\nTout à fait d'accord avec vous.\n"
    assert "published" not in clean(raw, FR).metadata
    raw = BODY + "\n\n« Nous ne partirons pas »,\na déclaré le porte-parole du gouvernement, Moussa Ibrahim."
    assert "« Nous ne partirons pas », a déclaré le porte-parole" in clean(raw, FR).text


TEASED_BODY = (
    "Les insurgés ont repris jeudi le contrôle du port de Brega après trois jours de combats acharnés "
    "contre les forces loyales au colonel, selon plusieurs témoins joints sur place par téléphone.\n"
    "Le Conseil national de transition a salué une victoire décisive et appelé la population à rester "
    "calme, alors que les frappes de l'Otan se poursuivaient dans l'ouest du pays pendant la nuit.\n"
    "Les combats avaient commencé lundi à l'aube.\n"
)


def test_a_run_of_teasers_each_with_its_blurb_is_removed() -> None:
    teasers = (
        "La quotidienne de Slate\n"
        "Une sélection personnalisée des articles de Slate tous les matins dans votre boîte mail.\n"
        "Le feu d'Elsa\n"
        "A la découverte d'une célèbre inconnue : Elsa Triolet, cinquante ans après sa disparition...\n"
        "La banlieue porte plainte\n"
        "Voici un petit livre de combat pour la banlieue en général et Aubervilliers en particulier.\n"
        "Et nos frères pourtant...\n"  # a headline may trail off
        "Un appel du coeur et de la raison, signé par vingt écrivains.\n"
    )
    raw = "Les insurgés reprennent Brega\n" + TEASED_BODY + "Partager cet article\n" + teasers
    got = reasons(raw)
    assert all(got.get(line) == "related" for line in teasers.splitlines())
    assert not any(line in got for line in TEASED_BODY.splitlines())
    # not right under the article's text: an interview's questions, a live blog's entries are the article's
    raw = "Les insurgés reprennent Brega\n" + TEASED_BODY + teasers
    assert not any(v == "related" for v in reasons(raw).values())
    interview = (
        "Pourquoi parlez-vous de démondialisation ?\n"
        "Parce que le libre-échange a détruit des millions d'emplois en Europe.\n"
        "Que proposez-vous concrètement ?\n"
        "Des écluses aux frontières de l'Europe, et un protectionnisme raisonné.\n"
        "Etes-vous candidat à la primaire ?\n"
        "Oui, et je compte bien la gagner.\n"
    )
    raw = "Arnaud Montebourg : « La démondialisation »\nPropos recueillis par Jean Dupont\n" + interview
    assert not any(v == "related" for v in reasons(raw).values())
    # Two teasers are not a run; an article's own sections under short headings stay
    raw = (
        "Les insurgés reprennent Brega\n"
        + TEASED_BODY
        + "Partager cet article\n"
        + "".join(teasers.splitlines(True)[:4])
    )
    assert not any(v == "related" for v in reasons(raw).values())
    paragraphs = TEASED_BODY.splitlines()
    sections = "\n".join(
        f"{head}\n{body}"
        for head, body in zip(("L'offensive", "Réactions", "Repères"), paragraphs, strict=True)
    )
    assert reasons("Les insurgés reprennent Brega\n" + sections) == {"Les insurgés reprennent Brega": "title"}


def test_a_teaser_run_ends_above_the_articles_own_title_and_standfirst() -> None:
    raw = (
        "Accédez à l'intégralité du journal sur ordinateur, mobile et tablette pour 1 euro seulement\n"
        "Choisissez votre formule d'abonnement pour accéder en illimité à tout le journal.\n"
        "Transmettre à la rédaction des documents d'intérêt public\n"
        "Un espace sécurisé pour nos sources, chiffré de bout en bout.\n"
        "Les dix erreurs de l'Otan en Libye\n"
        "Du mythe du sauvetage de Benghazi aux choix militaires inadaptés, un ancien diplomate revient sur "
        "la guerre.\n" + TEASED_BODY
    )
    got = reasons(raw)
    assert (
        "Les dix erreurs de l'Otan en Libye" not in got
        or got["Les dix erreurs de l'Otan en Libye"] == "title"
    )
    assert not any(line.startswith("Du mythe") for line in got)
