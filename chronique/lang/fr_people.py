"""French: the words of who-said-what — reporting verbs, titles, role nouns, press periphrases and the
holders of the offices they stand for.

Data only; ``chronique.nlp`` builds its patterns from these lists. Written from French wire copy (AFP,
Reuters France) and national dailies; extend a list, never special-case an article.
"""

from __future__ import annotations

# Reporting verbs of the first group by infinitive stem: every form a news sentence uses is generated
# (a déclaré, déclare, déclarait, déclarant, déclare-t-il, a-t-il déclaré, s'est déclaré…).
ER_VERBS: tuple[str, ...] = tuple(
    """
    déclar affirm ajout assur estim expliqu indiqu précis soulign confi annonc réitér appel propos
    rappel insist jug considér not observ avou avanc dénonc déplor regrett salu critiqu accus
    martel lanc confirm ni plaid réclam demand exig souhait espér inquiét félicit racont témoign
    tweet relev comment résum répliqu rétorqu exclam lâch gliss ironis tonn fustig signal
    tranch argument détaill jur menac concéd nuanc qualifi évoqu invit exhort implor rassur clam
    abond rapport réaffirm
    certifi garant développ supput modér justifi répét souffl insurg indign étonn alarm enchaîn
    complét corrig rectifi temporis minimis relativis soupir maugré grinc plaisant tempêt interrog
    """.split()  # noqa: SIM905 - a word list reads best as text
)
# Verbs whose forms do not follow the first group: every form listed.
IRREGULAR_FORMS: tuple[str, ...] = tuple(
    """
    dit dits dite disent disait disaient dira diront dirait disant dis-je
    écrit écrivent écrivait écrivant
    répond répondu répondent répondait répondant
    reconnaît reconnait reconnu reconnue reconnaissent reconnaissait reconnaissant
    admet admis admise admettent admettait admettant
    promet promis promise promettent promettait promettant
    soutient soutenu soutiennent soutenait soutenant
    prévient prévenu préviennent prévenait prévenant
    avertit averti avertissent avertissait avertissant
    conclut conclu concluent concluait concluant
    dément démenti démentent démentait démentant
    poursuit poursuivi poursuivent poursuivait poursuivant
    réjoui réjouit réjouie réjouis réjouissait réjouissant
    réagi réagit réagissent réagissait réagissant
    écrie écrié écriée écrient
    prédit prédisent prédisait
    maintient maintenu maintiennent maintenait
    renchérit renchéri renchérissent renchérissait renchérissant
    convient convenu
    reprend repris reprenait
    craint craignent craignait craignaient craignant
    interpelle interpellé
    enjoint enjoignent enjoignait enjoignant
    """.split()  # noqa: SIM905
)
# Their infinitives: speech only after a verb of aspect ("a tenu à prévenir", "ne cesse de dire").
IRREGULAR_INFINITIVES: tuple[str, ...] = tuple(
    """
    dire écrire répondre reconnaître admettre promettre soutenir prévenir avertir conclure démentir
    poursuivre maintenir reprendre
    """.split()  # noqa: SIM905
)
# Verbs that report speech only when a content follows (que, :, a quotation): "a lancé une offensive"
# is no quote, "a lancé : « … »" is.
WEAK_CUES: frozenset[str] = frozenset(
    {"lanc", "not", "relev", "appel", "propos", "invit", "évoqu", "annonc", "interrog"}
)
# Verbs whose object is what was said: a call to act ("a appelé le Conseil de sécurité à protéger
# Syrte", "a exhorté les Libyens à se soulever"), an accusation ("a accusé l'Otan d'avoir tenté de le
# tuer"), a denial ("a démenti l'existence d'un accord", "a nié toute implication"). Not a
# confirmation: an inquiry "a confirmé l'absence de collusion" said nothing.
DIRECTIVE_CUES: frozenset[str] = frozenset(
    {"appel", "exhort", "invit", "implor", "accus", "enjoint", "enjoignent", "enjoignait", "enjoignant"}
)  # "er" verbs by stem, others by form
# "« … », a-t-il ajouté": the pronoun goes on with the last speaker, whoever was named since.
CONTINUING_CUES: frozenset[str] = frozenset(
    {
        *("ajouté", "ajoute", "ajoutait", "ajouta", "poursuivi", "poursuit", "poursuivait", "poursuivit"),
        *("conclu", "conclut", "concluait", "renchéri", "renchérit", "enchaîné", "enchaîne", "insisté"),
        *("insiste", "insistait", "complété", "complète", "repris", "reprend", "reprenait", "continué"),
        *("continue", "continuait", "conclut-il", "enchaînait"),
    }
)
# Verbs whose content may be a bare infinitive ("Les rebelles affirment tenir leur information de …",
# "ont annoncé contrôler toute la capitale"), beyond "avoir", "être" and the modals.
BARE_INFINITIVE_CUES: frozenset[str] = frozenset(
    {
        "affirm",
        "réaffirm",
        "assur",
        "annonc",
        "déclar",
        "estim",
        "jur",
        "espér",
        "ni",
        "dit",
        "disent",
        "disait",
        "reconnaît",
        "reconnait",
        "reconnu",
        "reconnaissent",
        "promet",
        "promis",
        "promettent",
        "dément",
        "démenti",
        "démentent",
    }
)  # "er" verbs by stem, others by form; fmt: skip
OBJECT_CUES: frozenset[str] = frozenset({"ni", "dément", "démenti", "démentent", "démentait", "démentant"})

# Auxiliaries that open a compound form; reflexive ones for "s'est félicité", "s'est dit".
AUXILIARIES: tuple[str, ...] = (
    "a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "avoir", "ayant",
    "s'est", "se sont", "s'était", "s'étaient", "se serait", "s'est dit", "s'est déclaré",
)  # fmt: skip
COPULAS: tuple[str, ...] = ("est", "sont", "était", "étaient", "sera", "seront", "va", "vont", "fait", "font")
# Words allowed between an auxiliary and its participle ("a de son côté affirmé", "a-t-il tenu à
# souligner"), and before a verb's subject when inverted ("a déclaré mardi M. X").
SPEECH_FILLERS: tuple[str, ...] = (
    "de son côté", "pour sa part", "pour leur part", "à son tour", "en effet", "par ailleurs",
    "d'ailleurs", "toutefois", "cependant", "pourtant", "néanmoins", "également", "aussi", "encore",
    "notamment", "ensuite", "enfin", "alors", "déjà", "aussitôt", "lui-même", "elle-même", "encore une fois",
    "une nouvelle fois", "à nouveau", "de nouveau", "quant à lui", "quant à elle", "tenu à", "voulu",
    "simplement", "clairement", "fermement", "publiquement", "plus tard", "ainsi", "bien", "même",
    "en substance", "sur Twitter", "sur X", "dans un communiqué", "dans un tweet", "auparavant",
    "d'abord", "par exemple", "lui aussi", "elle aussi", "pour sa part", "hier", "aussi", "en revanche",
    "la veille", "le lendemain", "presque au même moment", "au même moment", "peu après", "peu avant",
)  # fmt: skip
# "selon X, …", "d'après X, …": the clause is reported speech of X.
ACCORDING_TO: tuple[str, ...] = ("selon", "d'après", "à en croire")
# "Pour X, …" attributes an opinion only at the head of a sentence, to a person, a body or a group of
# opinion holders ("Pour les analystes, …").
ACCORDING_TO_AT_START: tuple[str, ...] = ("pour",)
# Subordinators introducing reported content after a cue verb.
CONTENT_LINKS: tuple[str, ...] = ("que", "qu'")
# Object pronouns before an inverted cue: « … », leur a-t-il dit; « … », m'a-t-elle confié.
OBJECT_CLITICS: tuple[str, ...] = ("leur", "lui", "nous", "vous", "me", "te", "m'", "t'")
# Infinitive openers of reported content ("a confié avoir …", "a appelé à …", "a proposé de …").
INFINITIVE_LINKS: tuple[str, ...] = ("de", "d'", "à")
# …followed by an infinitive: its clitics and endings ("de ne pas se servir", "à le faire").
INFINITIVE_CLITICS: tuple[str, ...] = (
    "ne pas",
    "ne jamais",
    "se",
    "s'",
    "l'",
    "le",
    "la",
    "les",
    "y",
    "en",
    "lui",
    "leur",
)
INFINITIVE_ENDINGS: tuple[str, ...] = ("er", "ir", "re", "oir")
# Infinitives that open reported content by themselves ("a confié avoir …").
INFINITIVE_AUXILIARIES: tuple[str, ...] = (
    "avoir", "être", "n'avoir", "n'être", "ne pas", "ne jamais", "ne", "vouloir", "pouvoir", "devoir",
)  # fmt: skip
# Addressees skipped between a verb and its content ("a déclaré aux journalistes que").
ADDRESSEE_LINKS: tuple[str, ...] = ("à", "aux", "au", "devant", "auprès de", "auprès du", "auprès des")
# Where something was said ("a déclaré sur TF1 que", "a estimé dans un communiqué que"): skipped only
# before "que", ":" or a quotation, since "a insisté sur sa volonté d'aller" is no speech.
CHANNEL_LINKS: tuple[str, ...] = ("sur", "dans", "lors de", "lors d'", "lors du", "via", "par", "en")  # fmt: skip
# Words that end a speaker's noun phrase after an inverted verb ("a déclaré un moine aux journalistes").
NP_ENDS: tuple[str, ...] = (
    "à", "au", "aux", "en", "lors", "dans", "sur", "pour", "devant", "après", "avant", "qui", "dont",
    "que", "qu'", "lorsque", "quand", "alors", "mais", "car", "et", "depuis", "pendant", "avec", "sans",
    "auprès", "via", "cité", "citée", "interrogé", "interrogée", "joint", "jointe",
)  # fmt: skip
# Causative reporting ("a fait savoir", "fait valoir", "a laissé entendre"): the causative verb and
# the infinitive after it are the cue. The infinitives report speech only after a causative.
CAUSATIVES: tuple[str, ...] = (
    "fait", "faisait", "faisaient", "faisant", "font", "fera", "ferait",
    "laissé", "laisse", "laissent", "laissait", "laissaient", "laissant", "laissera", "laisserait",
)  # fmt: skip
# Verbs of receiving or perceiving: "X a reçu un message : « … »" gives another's words.
PERCEPTION_VERBS: frozenset[str] = frozenset(
    """
    reçu reçue reçoit reçoivent recevait découvert découverte découvre découvrent entendu entend
    entendent écouté écoute écoutent lu lit lisent vu voit voient regardé regarde diffusé diffuse
    diffusent publié publie publient affiché affiche scandait scandaient scandé scandent trouvé trouve
    brandi brandit brandissaient
    """.split()  # noqa: SIM905
)
# Verbs of aspect or manner before "de"/"à" and a speech verb's infinitive, which then reports speech
# ("ne cesse de répéter que", "s'est empressé d'ajouter", "a tenu à rappeler que").
ASPECTUALS: tuple[str, ...] = (
    "cesse", "cessent", "cessé", "cessait", "continue", "continuent", "continué", "continuait",
    "tient", "tiennent", "tenu", "tenait", "tenue", "vient", "viennent", "venait", "empresse", "empressé",
    "empressée", "empressés", "contente", "contenté", "contentée", "borne", "borné", "bornée", "prend soin",
    "pris soin",
)  # fmt: skip
CAUSATIVE_INFINITIVES: tuple[str, ...] = (
    "savoir", "valoir", "entendre", "remarquer", "observer", "comprendre",
)  # fmt: skip
# Words that follow a closing quotation mark and a comma without being a reporting verb.
NOT_INCISE_VERBS: frozenset[str] = frozenset(
    """
    et mais ou car donc puis selon pour avec dans sur qui que dont ce cette ces le la les un une des en
    au aux du de lors alors comme même si sans ni voire soit tandis parce afin après avant depuis
    pendant contre chez vers entre par plus moins très bien tout toute tous toutes aussi encore déjà
    notamment surtout ainsi enfin ensuite cependant pourtant toutefois néanmoins estiment il elle ils
    elles on nous vous je tu lui leur se sa son ses mon ma mes ton ta tes votre vos notre nos y là ici
    """.split()  # noqa: SIM905
)
# Negation around a verb: no quotation is reported by "ne lui avait pas dit que".
NEGATIONS: tuple[str, ...] = ("pas", "jamais", "rien", "guère", "point", "nullement")
NEGATIVE_SUBJECTS: tuple[str, ...] = ("personne", "nul", "aucun", "aucune", "rien")
# Passive attribution of a quoted word: "qualifié de « … » par X".
PASSIVE_CUES: tuple[str, ...] = (
    "qualifié", "qualifiée", "qualifiés", "qualifiées", "jugé", "jugée", "jugés", "jugées", "décrit",
    "décrite", "décrits", "décrites", "présenté", "présentée", "salué", "saluée", "dénoncé", "dénoncée",
    "considéré", "considérée", "estimé", "estimée",
)  # fmt: skip
# Pronoun subjects of a cue verb: resolved to the last speaker.
PRONOUNS: dict[str, str] = {"il": "m", "elle": "f", "ils": "p", "elles": "p"}

# Titles and honorifics stripped before names are compared.
TITLES: tuple[str, ...] = (
    "M.", "MM.", "Mme", "Mmes", "Mlle", "Dr", "Dr.", "Pr", "Pr.", "Me", "Mgr", "Sir", "Lord", "Lady",
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.",
    "monsieur", "madame", "général", "colonel", "cheikh", "ayatollah", "imam", "pape", "abbé", "saint",
)  # fmt: skip

# Nouns of people's roles, singular (the head of "le conseiller du Kremlin", "la porte-parole de …").
PERSON_ROLES: tuple[str, ...] = tuple(
    """
    président présidente vice-président vice-présidente conseiller conseillère ministre porte-parole
    chef cheffe dirigeant dirigeante maître locataire homologue patron patronne chancelier chancelière
    premier_ministre première_ministre secrétaire_d'État secrétaire_d'Etat secrétaire_général
    secrétaire_générale secrétaire ambassadeur ambassadrice roi reine prince princesse émir monarque
    procureur procureure juge avocat avocate député députée sénateur sénatrice maire gouverneur
    gouverneure candidat candidate leader numéro_un numéro_deux émissaire envoyé_spécial envoyée_spéciale
    assistant assistante diplomate directeur directrice commissaire négociateur négociatrice
    milliardaire ex-officier officier homme_fort femme_forte président-directeur_général PDG
    sous-secrétaire haut-commissaire chef_d'État chef_de_l'État chef_du_gouvernement médiateur
    médiatrice opposant opposante militant militante fondateur fondatrice garde_des_Sceaux
    premier_secrétaire première_secrétaire
    archevêque évêque cardinal imam rabbin pasteur général amiral colonel préfet préfète consul
    magistrat magistrate humoriste acteur actrice chanteur chanteuse écrivain écrivaine journaliste
    présentateur présentatrice animateur animatrice entraîneur sélectionneur économiste analyste
    politologue sociologue historien historienne philosophe syndicaliste guide
    """.split()  # noqa: SIM905
)
# Nouns of organisations that speak ("a répondu le ministère russe des Affaires étrangères").
ORG_ROLES: tuple[str, ...] = tuple(
    """
    ministère gouvernement présidence Kremlin Élysée Elysée Pentagone parquet armée police agence
    diplomatie administration commission parlement assemblée sénat chancellerie département
    porte-parolat état-major
    journal quotidien hebdomadaire mensuel magazine chaîne télévision radio station site blog
    groupe constructeur équipementier entreprise société firme compagnie institut organisation
    rébellion rebelles insurgés coalition autorités
    """.split()  # noqa: SIM905
)
# Groups a later bare head refers back to ("les rebelles libyens" … "les rebelles" … "la rébellion"):
# not "les autorités", which in one article are often those of several countries.
GROUP_ROLES: tuple[str, ...] = ("rébellion", "rebelles", "insurgés", "coalition")
# The press's heads: a name right after one is the medium's, even one the model took for a person's
# ("l'agence libyenne Jana", "le quotidien algérien Ennahar").
MEDIA_ROLES: tuple[str, ...] = tuple(
    """
    journal quotidien hebdomadaire mensuel magazine chaîne télévision radio station site blog agence
    """.split()  # noqa: SIM905
)
# Heads that a later bare mention uses for one another: "le quotidien britannique The Daily Telegraph"
# is "le journal" two sentences on.
ROLE_FAMILIES: tuple[tuple[str, ...], ...] = (
    ("journal", "quotidien", "hebdomadaire", "mensuel", "magazine"),
    ("chaîne", "télévision", "station"),
    ("groupe", "constructeur", "équipementier", "entreprise", "société", "firme", "compagnie"),
    GROUP_ROLES[:3],
)
# Adjectives of countries and peoples ("américain", "libyenne").
COUNTRY_ADJECTIVES: tuple[str, ...] = tuple(
    """
    russe russes américain américaine français française chinois chinoise ukrainien ukrainienne
    allemand allemande britannique italien italienne espagnol espagnole turc turque iranien iranienne
    israélien israélienne palestinien palestinienne syrien syrienne saoudien saoudienne japonais
    japonaise nord-coréen nord-coréenne sud-coréen sud-coréenne indien indienne brésilien brésilienne
    canadien canadienne mexicain mexicaine polonais polonaise européen européenne belge suisse
    finlandais finlandaise vietnamien vietnamienne biélorusse géorgien géorgienne hongrois hongroise
    grec grecque égyptien égyptienne libanais libanaise irakien irakienne afghan afghane qatari
    émirati algérien algérienne marocain marocaine tunisien tunisienne sénégalais sénégalaise malien
    malienne nigérian nigériane sud-africain sud-africaine australien australienne néerlandais
    néerlandaise suédois suédoise norvégien norvégienne danois danoise autrichien autrichienne
    portugais portugaise roumain roumaine tchèque slovaque serbe croate moldave arménien arménienne
    azerbaïdjanais azerbaïdjanaise kazakh ouzbek vénézuélien vénézuélienne colombien colombienne
    argentin argentine chilien chilienne cubain cubaine libyen libyenne yéménite bahreïni kényan
    kényane burkinabé kosovar qatarie émiratie bahreïnie koweïtien koweïtienne jordanien jordanienne
    soudanais soudanaise tchadien tchadienne nigérien nigérienne mauritanien mauritanienne somalien
    somalienne éthiopien éthiopienne
    """.split()  # noqa: SIM905
)
# Adjectives that may follow a role noun ("le procureur spécial américain").
ROLE_ADJECTIVES: tuple[str, ...] = COUNTRY_ADJECTIVES + tuple(
    """
    spécial spéciale suprême général générale adjoint adjointe fédéral fédérale national nationale
    républicain républicaine démocrate conservateur conservatrice travailliste socialiste
    fort forte sortant sortante élu élue intérimaire délégué déléguée permanent permanente
    exécutif exécutive américano-russe russo-américain communiste écologiste centriste gaulliste
    libéral libérale radical radicale insoumis insoumise frontiste souverainiste modéré modérée
    PS UMP LR RN PCF EELV LFI MoDem UDI FN
    """.split()  # noqa: SIM905
)
# Endings of the adjectives that follow a role noun ("le président mauritanien", "le Premier ministre
# écossais", "le porte-parole officiel"), for those the list above does not name.
ADJECTIVE_ENDINGS: tuple[str, ...] = (
    "ien", "ienne", "ais", "aise", "ois", "oise", "ain", "aine", "éen", "éenne", "ique", "iste", "el",
    "elle", "al", "ale", "if", "ive", "ier", "ière",
    "aux",
)  # fmt: skip
# Particles that may stand, lower-case, inside a person's name ("Charles de Gaulle", "Ould Abdel Aziz").
NAME_PARTICLES: frozenset[str] = frozenset(
    [
        "de",
        "du",
        "des",
        "d'",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "al",
        "el",
        "bin",
        "ben",
        "ibn",
        "ould",
        "abou",
        "abu",
        "da",
        "di",
        "dos",
        "das",
        "y",
        "e",
        "zu",
        "ter",
    ]
)
# Words before a role noun: determiners (kept in the mention: "le président russe") and modifiers.
ROLE_DETERMINERS: tuple[str, ...] = ("le", "la", "l'", "son", "sa", "un", "une", "leur", "notre", "du", "au")
PLURAL_DETERMINERS = frozenset({"les", "ces", "leurs", "ses", "nos"})
# A reporting verb in the future ("annoncera", "dira"): a historical future ("Kadhafi annoncera qu'il
# renonce …") reports words only with "que" or a colon; "Le gouvernement annoncera de nouvelles
# dispositions" is what someone else said.
FUTURE_ENDINGS: tuple[str, ...] = ("era", "eront", "ira", "iront")
ROLE_PREMODIFIERS: tuple[str, ...] = tuple(
    """
    ex- ancien ancienne nouveau nouvel nouvelle futur future actuel actuelle premier première
    tempétueux tempétueuse puissant puissante influent influente fidèle éternel éternelle
    """.split()  # noqa: SIM905
)
# Domains after "de la"/"du"/"des" in a role ("le chef de la diplomatie russe").
ROLE_DOMAINS: tuple[str, ...] = tuple(
    """
    diplomatie défense sécurité_nationale sécurité justice intérieur économie finances santé armée
    armées renseignement gouvernement campagne parti opposition État Etat république pays région
    sécurité_intérieure affaires_étrangères Affaires_étrangères commerce énergie transports culture
    éducation travail environnement agriculture budget police KGB FSB CIA FBI révolution
    droits_de_l'homme droits_de_l'Homme droits_de_l’homme droits_de_l’Homme droits_humains
    """.split()  # noqa: SIM905
)

# Press periphrases of offices (lowercase, without determiner) → the office they name.
OFFICE_PERIPHRASES: dict[str, str] = {
    "président russe": "président:russie", "président de la russie": "président:russie",
    "maître du kremlin": "président:russie", "homme fort du kremlin": "président:russie",
    "locataire du kremlin": "président:russie", "chef du kremlin": "président:russie",
    "dirigeant russe": "président:russie", "chef de l'état russe": "président:russie",
    "numéro un russe": "président:russie", "homologue russe": "président:russie",
    "président américain": "président:usa", "président des états-unis": "président:usa",
    "locataire de la maison blanche": "président:usa", "hôte de la maison blanche": "président:usa",
    "dirigeant américain": "président:usa", "chef de l'état américain": "président:usa",
    "homologue américain": "président:usa",
    "président français": "président:france", "président de la république": "président:france",
    "chef de l'état": "président:france", "locataire de l'élysée": "président:france",
    "hôte de l'élysée": "président:france", "chef de l'état français": "président:france",
    "président chinois": "président:chine", "dirigeant chinois": "président:chine",
    "numéro un chinois": "président:chine", "homologue chinois": "président:chine",
    "président ukrainien": "président:ukraine", "dirigeant ukrainien": "président:ukraine",
    "homologue ukrainien": "président:ukraine",
    "président turc": "président:turquie", "chancelier allemand": "chancelier:allemagne",
    "chancelière allemande": "chancelier:allemagne",
    "chef de la diplomatie russe": "affaires-étrangères:russie",
    "ministre russe des affaires étrangères": "affaires-étrangères:russie",
    "chef de la diplomatie américaine": "affaires-étrangères:usa",
    "secrétaire d'état américain": "affaires-étrangères:usa",
    "secrétaire d'etat américain": "affaires-étrangères:usa",
    "chef de la diplomatie française": "affaires-étrangères:france",
    "premier ministre": "premier-ministre:france", "premier ministre français": "premier-ministre:france",
    "chef du gouvernement": "premier-ministre:france", "locataire de matignon": "premier-ministre:france",
    "hôte de matignon": "premier-ministre:france",
    "premier ministre britannique": "premier-ministre:royaume-uni",
    "premier ministre israélien": "premier-ministre:israël",
    "dirigeant libyen": "dirigeant:libye", "leader libyen": "dirigeant:libye",
    "numéro un libyen": "dirigeant:libye", "guide libyen": "dirigeant:libye",
    "guide de la révolution libyenne": "dirigeant:libye",
    "chef de l'état libyen": "dirigeant:libye", "homme fort de tripoli": "dirigeant:libye",
    "guide suprême": "guide:iran", "guide suprême iranien": "guide:iran",
    "guide suprême de la révolution": "guide:iran",
    "premier ministre russe": "premier-ministre:russie", "chef du gouvernement russe": "premier-ministre:russie",
    "président du conseil italien": "premier-ministre:italie", "premier ministre italien": "premier-ministre:italie",
    "chef du gouvernement italien": "premier-ministre:italie",
    "chef du gouvernement espagnol": "premier-ministre:espagne", "premier ministre espagnol": "premier-ministre:espagne",
    "président du gouvernement espagnol": "premier-ministre:espagne",
    "premier ministre canadien": "premier-ministre:canada", "premier ministre indien": "premier-ministre:inde",
    "premier ministre turc": "premier-ministre:turquie",
    "secrétaire général de l'onu": "secrétaire-général:onu",
    "secrétaire général des nations unies": "secrétaire-général:onu",
    "secrétaire général de l'otan": "secrétaire-général:otan",
    "secrétaire général de l'alliance atlantique": "secrétaire-général:otan",
    "procureur de la cpi": "procureur:cpi", "procureur de la cour pénale internationale": "procureur:cpi",
    "procureure de la cpi": "procureur:cpi", "procureure de la cour pénale internationale": "procureur:cpi",
    "président de la commission européenne": "président:commission-européenne",
    "présidente de la commission européenne": "président:commission-européenne",
    "directeur général du fmi": "directeur:fmi", "directrice générale du fmi": "directeur:fmi",
    "patron du fmi": "directeur:fmi", "directeur du fmi": "directeur:fmi", "directrice du fmi": "directeur:fmi",
    "président de la bce": "président:bce", "présidente de la bce": "président:bce",
    "maire de paris": "maire:paris", "maire de la capitale": "maire:paris",
    **{
        f"{role} {adjective}": office
        for office, adjectives in (
            ("président:afrique-du-sud", ("sud-africain",)),
            ("président:égypte", ("égyptien", "egyptien")),
            ("président:syrie", ("syrien",)),
            ("président:tunisie", ("tunisien",)),
            ("président:algérie", ("algérien",)),
            ("président:iran", ("iranien",)),
            ("président:brésil", ("brésilien",)),
            ("président:palestine", ("palestinien",)),
        )
        for adjective in adjectives
        for role in ("président", "chef de l'état")
    },
    "président de l'autorité palestinienne": "président:palestine",
    "dirigeant nord-coréen": "dirigeant:corée-du-nord", "numéro un nord-coréen": "dirigeant:corée-du-nord",
    "leader nord-coréen": "dirigeant:corée-du-nord",
}  # fmt: skip
# Who held an office, from when to when (ISO dates, end exclusive; None: still in office).
OFFICE_HOLDERS: dict[str, tuple[tuple[str, str, str | None], ...]] = {
    "président:russie": (
        ("Boris Eltsine", "1991-07-10", "1999-12-31"), ("Vladimir Poutine", "1999-12-31", "2008-05-07"),
        ("Dmitri Medvedev", "2008-05-07", "2012-05-07"), ("Vladimir Poutine", "2012-05-07", None),
    ),
    "président:usa": (
        ("Bill Clinton", "1993-01-20", "2001-01-20"), ("George W. Bush", "2001-01-20", "2009-01-20"),
        ("Barack Obama", "2009-01-20", "2017-01-20"), ("Donald Trump", "2017-01-20", "2021-01-20"),
        ("Joe Biden", "2021-01-20", "2025-01-20"), ("Donald Trump", "2025-01-20", None),
    ),
    "président:france": (
        ("François Mitterrand", "1981-05-21", "1995-05-17"), ("Jacques Chirac", "1995-05-17", "2007-05-16"), ("Nicolas Sarkozy", "2007-05-16", "2012-05-15"),
        ("François Hollande", "2012-05-15", "2017-05-14"), ("Emmanuel Macron", "2017-05-14", None),
    ),
    "président:chine": (
        ("Jiang Zemin", "1993-03-27", "2003-03-15"), ("Hu Jintao", "2003-03-15", "2013-03-14"),
        ("Xi Jinping", "2013-03-14", None),
    ),
    "président:ukraine": (
        ("Viktor Iouchtchenko", "2005-01-23", "2010-02-25"), ("Viktor Ianoukovitch", "2010-02-25", "2014-02-22"),
        ("Petro Porochenko", "2014-06-07", "2019-05-20"), ("Volodymyr Zelensky", "2019-05-20", None),
    ),
    "président:turquie": (("Abdullah Gül", "2007-08-28", "2014-08-28"), ("Recep Tayyip Erdogan", "2014-08-28", None)),
    "chancelier:allemagne": (
        ("Gerhard Schröder", "1998-10-27", "2005-11-22"), ("Angela Merkel", "2005-11-22", "2021-12-08"), ("Olaf Scholz", "2021-12-08", "2025-05-06"),
        ("Friedrich Merz", "2025-05-06", None),
    ),
    "affaires-étrangères:russie": (("Sergueï Lavrov", "2004-03-09", None),),
    "affaires-étrangères:usa": (
        ("Hillary Clinton", "2009-01-21", "2013-02-01"), ("John Kerry", "2013-02-01", "2017-02-01"),
        ("Rex Tillerson", "2017-02-01", "2018-03-31"), ("Mike Pompeo", "2018-04-26", "2021-01-20"),
        ("Antony Blinken", "2021-01-26", "2025-01-20"), ("Marco Rubio", "2025-01-21", None),
    ),
    "affaires-étrangères:france": (
        ("Philippe Douste-Blazy", "2005-06-02", "2007-05-18"), ("Bernard Kouchner", "2007-05-18", "2010-11-14"),
        ("Michèle Alliot-Marie", "2010-11-14", "2011-02-27"), ("Alain Juppé", "2011-02-27", "2012-05-16"),
        ("Laurent Fabius", "2012-05-16", "2016-02-11"), ("Jean-Marc Ayrault", "2016-02-11", "2017-05-17"),
        ("Jean-Yves Le Drian", "2017-05-17", "2022-05-20"), ("Catherine Colonna", "2022-05-20", "2024-01-11"),
        ("Stéphane Séjourné", "2024-01-11", "2024-09-21"), ("Jean-Noël Barrot", "2024-09-21", None),
    ),
    "premier-ministre:france": (
        ("Lionel Jospin", "1997-06-02", "2002-05-06"), ("Jean-Pierre Raffarin", "2002-05-06", "2005-05-31"),
        ("Dominique de Villepin", "2005-05-31", "2007-05-17"), ("François Fillon", "2007-05-17", "2012-05-16"),
        ("Jean-Marc Ayrault", "2012-05-16", "2014-03-31"), ("Manuel Valls", "2014-03-31", "2016-12-06"),
        ("Bernard Cazeneuve", "2016-12-06", "2017-05-15"), ("Édouard Philippe", "2017-05-15", "2020-07-03"),
        ("Jean Castex", "2020-07-03", "2022-05-16"), ("Élisabeth Borne", "2022-05-16", "2024-01-09"),
        ("Gabriel Attal", "2024-01-09", "2024-09-05"), ("Michel Barnier", "2024-09-05", "2024-12-13"),
        ("François Bayrou", "2024-12-13", "2025-09-09"), ("Sébastien Lecornu", "2025-09-09", None),
    ),
    "premier-ministre:royaume-uni": (
        ("Tony Blair", "1997-05-02", "2007-06-27"), ("Gordon Brown", "2007-06-27", "2010-05-11"),
        ("David Cameron", "2010-05-11", "2016-07-13"), ("Theresa May", "2016-07-13", "2019-07-24"),
        ("Boris Johnson", "2019-07-24", "2022-09-06"), ("Liz Truss", "2022-09-06", "2022-10-25"),
        ("Rishi Sunak", "2022-10-25", "2024-07-05"), ("Keir Starmer", "2024-07-05", None),
    ),
    "dirigeant:libye": (("Mouammar Kadhafi", "1969-09-01", "2011-10-21"),),
    "président:afrique-du-sud": (
        ("Thabo Mbeki", "1999-06-14", "2008-09-25"), ("Kgalema Motlanthe", "2008-09-25", "2009-05-09"),
        ("Jacob Zuma", "2009-05-09", "2018-02-14"), ("Cyril Ramaphosa", "2018-02-15", None),
    ),
    "président:égypte": (
        ("Hosni Moubarak", "1981-10-14", "2011-02-11"), ("Mohamed Morsi", "2012-06-30", "2013-07-03"),
        ("Abdel Fattah al-Sissi", "2014-06-08", None),
    ),
    "président:syrie": (("Bachar al-Assad", "2000-07-17", "2024-12-08"), ("Ahmed al-Charaa", "2025-01-29", None)),
    "président:tunisie": (
        ("Zine el-Abidine Ben Ali", "1987-11-07", "2011-01-14"), ("Moncef Marzouki", "2011-12-13", "2014-12-31"),
        ("Béji Caïd Essebsi", "2014-12-31", "2019-07-25"), ("Kaïs Saïed", "2019-10-23", None),
    ),
    "président:algérie": (
        ("Abdelaziz Bouteflika", "1999-04-27", "2019-04-02"), ("Abdelmadjid Tebboune", "2019-12-19", None),
    ),
    "président:iran": (
        ("Mahmoud Ahmadinejad", "2005-08-03", "2013-08-03"), ("Hassan Rohani", "2013-08-03", "2021-08-03"),
        ("Ebrahim Raïssi", "2021-08-03", "2024-05-19"), ("Massoud Pezeshkian", "2024-07-28", None),
    ),
    "président:brésil": (
        ("Lula", "2003-01-01", "2011-01-01"), ("Dilma Rousseff", "2011-01-01", "2016-08-31"),
        ("Michel Temer", "2016-08-31", "2019-01-01"), ("Jair Bolsonaro", "2019-01-01", "2023-01-01"),
        ("Lula", "2023-01-01", None),
    ),
    "président:palestine": (("Mahmoud Abbas", "2005-01-15", None),),
    "dirigeant:corée-du-nord": (("Kim Jong-il", "1994-07-08", "2011-12-17"), ("Kim Jong-un", "2011-12-17", None)),
    "premier-ministre:russie": (
        ("Vladimir Poutine", "2008-05-08", "2012-05-07"), ("Dmitri Medvedev", "2012-05-08", "2020-01-15"),
        ("Mikhaïl Michoustine", "2020-01-16", None),
    ),
    "premier-ministre:italie": (
        ("Silvio Berlusconi", "2001-06-11", "2006-05-17"), ("Romano Prodi", "2006-05-17", "2008-05-08"),
        ("Silvio Berlusconi", "2008-05-08", "2011-11-16"), ("Mario Monti", "2011-11-16", "2013-04-28"),
        ("Enrico Letta", "2013-04-28", "2014-02-22"), ("Matteo Renzi", "2014-02-22", "2016-12-12"),
        ("Paolo Gentiloni", "2016-12-12", "2018-06-01"), ("Giuseppe Conte", "2018-06-01", "2021-02-13"),
        ("Mario Draghi", "2021-02-13", "2022-10-22"), ("Giorgia Meloni", "2022-10-22", None),
    ),
    "premier-ministre:espagne": (
        ("José Luis Rodríguez Zapatero", "2004-04-17", "2011-12-21"), ("Mariano Rajoy", "2011-12-21", "2018-06-02"),
        ("Pedro Sánchez", "2018-06-02", None),
    ),
    "premier-ministre:canada": (
        ("Stephen Harper", "2006-02-06", "2015-11-04"), ("Justin Trudeau", "2015-11-04", "2025-03-14"),
        ("Mark Carney", "2025-03-14", None),
    ),
    "premier-ministre:inde": (("Manmohan Singh", "2004-05-22", "2014-05-26"), ("Narendra Modi", "2014-05-26", None)),
    "premier-ministre:turquie": (("Recep Tayyip Erdogan", "2003-03-14", "2014-08-28"),),
    "secrétaire-général:onu": (
        ("Kofi Annan", "1997-01-01", "2007-01-01"), ("Ban Ki-moon", "2007-01-01", "2017-01-01"),
        ("António Guterres", "2017-01-01", None),
    ),
    "secrétaire-général:otan": (
        ("Jaap de Hoop Scheffer", "2004-01-01", "2009-08-01"), ("Anders Fogh Rasmussen", "2009-08-01", "2014-10-01"),
        ("Jens Stoltenberg", "2014-10-01", "2024-10-01"), ("Mark Rutte", "2024-10-01", None),
    ),
    "procureur:cpi": (
        ("Luis Moreno Ocampo", "2003-06-16", "2012-06-15"), ("Fatou Bensouda", "2012-06-15", "2021-06-16"),
        ("Karim Khan", "2021-06-16", None),
    ),
    "président:commission-européenne": (
        ("José Manuel Barroso", "2004-11-22", "2014-11-01"), ("Jean-Claude Juncker", "2014-11-01", "2019-12-01"),
        ("Ursula von der Leyen", "2019-12-01", None),
    ),
    "directeur:fmi": (
        ("Dominique Strauss-Kahn", "2007-11-01", "2011-05-19"), ("Christine Lagarde", "2011-07-05", "2019-09-12"),
        ("Kristalina Georgieva", "2019-10-01", None),
    ),
    "président:bce": (
        ("Jean-Claude Trichet", "2003-11-01", "2011-11-01"), ("Mario Draghi", "2011-11-01", "2019-11-01"),
        ("Christine Lagarde", "2019-11-01", None),
    ),
    "maire:paris": (
        ("Jean Tiberi", "1995-05-22", "2001-03-25"), ("Bertrand Delanoë", "2001-03-25", "2014-04-05"),
        ("Anne Hidalgo", "2014-04-05", None),
    ),
    "guide:iran": (("Rouhollah Khomeini", "1979-12-03", "1989-06-04"), ("Ali Khamenei", "1989-06-04", None)),
    "premier-ministre:israël": (
        ("Ehud Olmert", "2006-04-14", "2009-03-31"), ("Benjamin Netanyahu", "2009-03-31", "2021-06-13"),
        ("Naftali Bennett", "2021-06-13", "2022-06-30"), ("Yaïr Lapid", "2022-07-01", "2022-12-29"),
        ("Benjamin Netanyahu", "2022-12-29", None),
    ),
}  # fmt: skip
# Epithets the press gives one person (lowercase, without determiner) and the years they were used.
PERSON_EPITHETS: dict[str, tuple[str, str, str | None]] = {
    "ex-officier du kgb": ("Vladimir Poutine", "1999-08-09", None),
    "ancien officier du kgb": ("Vladimir Poutine", "1999-08-09", None),
    "tempétueux milliardaire américain": ("Donald Trump", "2015-06-16", None),
    "milliardaire républicain": ("Donald Trump", "2015-06-16", None),
    "magnat de l'immobilier": ("Donald Trump", "2015-06-16", None),
}  # fmt: skip
# Bodies known by several names: the usual one (an acronym, mostly) → the others, written in full.
NAME_SYNONYMS: dict[str, tuple[str, ...]] = {
    "OTAN": ("Alliance atlantique", "Organisation du traité de l'Atlantique nord", "NATO"),
    "ONU": ("Nations unies", "Organisation des Nations unies"),
    "AFP": ("Agence France-Presse", "Agence France Presse"),
    "AP": ("Associated Press",),
    "UE": ("Union européenne",),
    "CPI": ("Cour pénale internationale",),
    "CIJ": ("Cour internationale de justice",),
    "FMI": ("Fonds monétaire international",),
    "BCE": ("Banque centrale européenne",),
    "OMS": ("Organisation mondiale de la santé",),
    "OMC": ("Organisation mondiale du commerce",),
    "UA": ("Union africaine",),
    "OPEP": ("Organisation des pays exportateurs de pétrole",),
    "CNT": ("Conseil national de transition",),
    "HRW": ("Human Rights Watch",),
    "CICR": ("Comité international de la Croix-Rouge",),
    "HCR": ("Haut-Commissariat des Nations unies pour les réfugiés",),
    "Unesco": ("Organisation des Nations unies pour l'éducation, la science et la culture",),
    "OSCE": ("Organisation pour la sécurité et la coopération en Europe",),
    "AIEA": ("Agence internationale de l'énergie atomique",),
}  # fmt: skip

# Capitalised words that are never an entity on their own (sentence openers, leftovers of layouts).
NOT_NAMES: frozenset[str] = frozenset(
    """
    m. mme m mm. parquet etat état gouvernement président presidente présidente selon pour alors
    mais et le la les un une des ce cette il elle ils elles on nous vous je tu qui que quoi dont où
    lire voir aussi partager photo vidéo video crédit source abonnez-vous
    dernières nouvelles live direct edito éditorial tribune interview
    prie priee pries interroge interrogee interroges questionne questionnee invite invitee sollicite
    sollicitee contacte contactee joint jointe internet web
    """.split()  # noqa: SIM905
)
# Quotation marks: (opening, closing). A straight double quote opens and closes.
QUOTE_PAIRS: tuple[tuple[str, str], ...] = (("«", "»"), ("“", "”"), ("„", "“"), ('"', '"'), ("‹", "›"))

# First names whose gender is unambiguous, for "il"/"elle" agreement (common in French news).
FEMININE_FIRST_NAMES: frozenset[str] = frozenset(
    """
    agnès alice amélie angela anne annie aurore barbara béatrice brigitte carla caroline catherine
    cécile chantal christine christiane claire claudine clémentine corinne delphine
    élisabeth elisabeth elizabeth emma emmanuelle éva eva fadela fatima fatna florence françoise
    frédérique geneviève giorgia hélène hillary ingrid isabelle jacqueline jeanne josiane julia julie
    karine kamala laura laurence léa lucie marie marine marion marisol martine michèle michelle
    monique nadine nathalie nicole ursula patricia pascale rachida rama ségolène simone sophie sylvie
    valérie véronique yasmina yolande zineb najat roselyne  éliane evelyne évelyne
    angélique myriam sarah theresa liz condoleezza nancy aung marina yulia ioulia svetlana olga victoria
    """.split()  # noqa: SIM905
)
MASCULINE_FIRST_NAMES: frozenset[str] = frozenset(
    """
    alain alexandre alexis antoine arnaud bernard benoît benjamin bertrand bruno charles christian
    christophe claude daniel david didier dmitri donald édouard emmanuel éric eric étienne françois
    frédéric gabriel georges gérard gilles guillaume henri hervé jacques jean jean-claude jean-françois
    jean-louis jean-luc jean-marc jean-marie jean-michel jean-noël jean-pierre jean-yves jérôme joe john
    joseph julien laurent lionel louis luc manuel marc marcel martin mathieu maurice michel mike
    mohamed mohammed nicolas olivier pascal patrick paul philippe pierre raymond rémi richard robert
    roger serge sergueï sergei stéphane thierry thomas vincent vladimir xavier yves barack george bill
    boris tony gordon silvio recep ali ahmed ehud  hu xi kim lance iouri youri sergueï
    volodymyr petro viktor alexeï alexei  hamid omar hassan hosni mouammar bachar
    """.split()  # noqa: SIM905
)

# Nouns of those who can be a source in "selon X" when X names no one: "selon une source proche du
# dossier", "selon les militaires colombiens" (role nouns and bodies count too).
SOURCE_NOUNS: tuple[str, ...] = tuple(
    """
    source sources proche proches entourage témoin témoins habitant habitants responsable responsables
    expert experts analyste analystes observateur observateurs militaire militaires policier policiers
    enquêteur enquêteurs médecin médecins secouriste secouristes diplomate diplomates officiel officiels
    autorités autorité organisateurs organisateur syndicat syndicats association associations
    communiqué communiqués déclaration rapport étude sondage enquête bilan chiffres estimation estimations
    informations accusation défense secours parquet documents images décompte témoignages
    médias agence presse journal quotidien chaîne télévision radio site opposition rebelles insurgés régime gouvernement
    manifestants militants élus élu député sénateur maire famille avocat avocats lui elle eux
    commandant commandants membre membres représentant représentants cadre cadres fonctionnaire
    fonctionnaires négociateur négociateurs émissaire émissaires envoyé envoyés
    """.split()  # noqa: SIM905
)
# Those whose view "Pour les X, …" gives: "Pour les analystes, il sera essentiel de …" is their
# opinion; "Pour les médecins, la consultation passera à 23 euros" is what applies to them.
OPINION_HOLDERS: tuple[str, ...] = (
    "analystes", "experts", "observateurs", "spécialistes", "économistes", "commentateurs", "politologues",
    "historiens", "juristes", "éditorialistes", "chercheurs", "diplomates", "sondés", "syndicats",
    "enquêteurs", "rebelles", "insurgés", "opposants", "autorités",
)  # fmt: skip
# A speaker's words about themselves: a paragraph of quoted words in the first person, with no one to
# carry it from, is the article's main person's.
FIRST_PERSON: tuple[str, ...] = ("je", "j'", "me", "m'", "moi", "mon", "ma", "mes")
# "Le procureur X est alors intervenu. « … », a-t-il dit": X takes the floor, and the pronoun is X.
TAKES_THE_FLOOR: tuple[str, ...] = (
    "est intervenu", "est intervenue", "intervient", "a pris la parole", "prend la parole", "a réagi",
    "réagit", "s'exprimer", "s'est exprimé", "s'est exprimée", "s'exprime",
)  # fmt: skip
# Common nouns a name is apposed to ("la famille Kadhafi", "la victime Tristane Banon", "l'affaire
# Bettencourt"): after a role's complement ending on one, the name is the noun's, not the role's.
NAME_NOUNS: tuple[str, ...] = (
    "famille", "clan", "tribu", "dynastie", "victime", "affaire", "dossier", "procès", "cas", "otage",
    "veuve", "épouse", "femme", "mari", "enfant", "fils", "fille", "frère", "sœur", "père", "mère", "neveu",
    "nièce", "cousin", "cousine", "oncle", "tante", "client", "cliente", "patient", "patiente",
)  # fmt: skip
# Sources close to a body but not of it: "une source proche de la Société Générale" does not speak for it.
OUTSIDER_NOUNS: tuple[str, ...] = (
    "proche", "proches", "entourage", "témoin", "témoins", "habitant", "habitants", "expert", "experts",
    "analyste", "analystes", "observateur", "observateurs", "spécialiste", "spécialistes",
)  # fmt: skip
