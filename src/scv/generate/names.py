"""Person names per country, ordered by frequency, and the nickname list.

Frequency-ordered lists of real names make the common names really common (many
"John Smith", "María García"); a generated tail of plausible surnames keeps the
rest of the population from being implausibly concentrated on forty names.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

# Given names, most frequent first (adults born 1940-2006).
MALE_FIRST: dict[str, str] = {
    "GB": "John David Michael Paul Andrew Mark James Peter Richard Robert Stephen Christopher "
    "William Thomas Daniel Matthew Simon Anthony Ian Gary Steven Kevin Alan Martin Neil Graham "
    "Jonathan Edward Benjamin Samuel Joseph Alexander Nicholas Timothy Philip Stuart Craig "
    "Jamie Ryan Seán Liam Oliver",
    "DE": "Thomas Michael Andreas Stefan Peter Klaus Wolfgang Jürgen Frank Christian Markus "
    "Martin Alexander Matthias Daniel Uwe Bernd Dieter Günter Jörg Sebastian Johannes Tobias "
    "Florian Lukas Jan Tim Maximilian Hans Karl Heinz Werner Manfred Helmut Ralf Sven Mehmet "
    "Ahmet Mustafa Friedrich Björn",
    "FR": "Jean Pierre Michel Philippe Alain Patrick Nicolas Christophe Daniel Bernard Éric "
    "Frédéric Laurent Stéphane David Julien Sébastien Thomas François Olivier Pascal Jacques "
    "Antoine Guillaume Maxime Alexandre Vincent Romain Jérôme Thierry Hugo Lucas Théo Loïc "
    "Raphaël Mathieu Benoît Cédric Hervé Dominique",
    "NL": "Jan Johannes Hendrik Cornelis Pieter Willem Gerrit Jacobus Peter Mark Dennis Bart "
    "Daan Thomas Niels Ruben Stefan Jeroen Martijn Bas Sander Tim Lucas Joost Wouter Erik "
    "Maarten Jasper Thijs Koen Arjen Mohamed Sem Adrianus Robert",
    "ES": "Antonio José Manuel Francisco David Juan Javier Daniel Carlos Jesús Alejandro Miguel "
    "Rafael Pedro Pablo Ángel Sergio Fernando Jorge Luis Alberto Álvaro Diego Adrián Raúl "
    "Enrique Ramón Andrés Joaquín Iván Rubén Óscar Víctor Ignacio Guillermo Mario Marcos Hugo "
    "Jaime",
    "IT": "Giuseppe Giovanni Antonio Mario Luigi Francesco Angelo Vincenzo Pietro Salvatore Carlo "
    "Franco Domenico Bruno Paolo Michele Giorgio Sergio Luciano Marco Andrea Alessandro Roberto "
    "Stefano Luca Matteo Lorenzo Davide Simone Federico Riccardo Fabio Massimo Niccolò "
    "Gabriele Emanuele Daniele Filippo",
    "US": "James Robert John Michael William David Richard Joseph Thomas Charles Christopher "
    "Daniel Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George "
    "Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen "
    "Justin Scott Brandon José Luis Carlos",
}

FEMALE_FIRST: dict[str, str] = {
    "GB": "Sarah Susan Elizabeth Margaret Helen Emma Claire Karen Julie Jennifer Rebecca "
    "Catherine Katherine Victoria Nicola Amanda Deborah Lisa Joanne Rachel Louise Patricia "
    "Jane Anne Laura Charlotte Emily Jessica Hannah Lucy Sophie Samantha Michelle Alison "
    "Caroline Zoë Siobhán Chloë",
    "DE": "Sabine Petra Andrea Claudia Susanne Monika Birgit Stefanie Julia Anna Katharina "
    "Nicole Christina Sandra Ursula Karin Renate Gabriele Elisabeth Angelika Ingrid Heike "
    "Anja Jana Lena Laura Sarah Johanna Marie Sophie Brigitte Helga Gisela Bärbel Ayşe Elif "
    "Fatma Zeynep",
    "FR": "Marie Nathalie Isabelle Sylvie Catherine Françoise Martine Christine Monique Valérie "
    "Sandrine Stéphanie Sophie Céline Julie Aurélie Émilie Camille Léa Manon Chloé Sarah "
    "Laura Hélène Anne Claire Élodie Noémie Zoé Inès Mathilde Pauline Margaux Brigitte "
    "Véronique",
    "NL": "Maria Anna Johanna Elisabeth Cornelia Wilhelmina Linda Sandra Monique Anouk Sanne "
    "Lisa Emma Julia Sophie Lotte Fleur Eva Iris Femke Marieke Inge Ingrid Esther Petra "
    "Nicole Kim Anke Ilse Marloes Mirjam Renée Catharina",
    "ES": "María Carmen Ana Laura Isabel Josefa Marta Cristina Lucía Dolores Pilar Elena Paula "
    "Sara Concepción Raquel Manuela Rosa Mercedes Beatriz Julia Silvia Patricia Irene Andrea "
    "Nuria Rocío Alba Sofía Inés Alicia Teresa Montserrat Ángela Encarnación Claudia Marina "
    "Noelia Natalia",
    "IT": "Maria Anna Giuseppina Rosa Angela Giovanna Teresa Lucia Carmela Caterina Francesca "
    "Paola Laura Giulia Chiara Sara Valentina Federica Alessandra Silvia Elena Martina Sofia "
    "Aurora Alice Giorgia Beatrice Elisa Roberta Simona Antonella Cristina Barbara Manuela "
    "Ilaria Margherita Noemi Viola",
    "US": "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy "
    "Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa "
    "Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda "
    "Pamela Emma Nicole Helen María",
}

# Most frequent surnames, most frequent first; `|` separates names that contain spaces.
TOP_LAST: dict[str, str] = {
    "GB": "Smith|Jones|Williams|Taylor|Brown|Davies|Evans|Wilson|Thomas|Johnson|Roberts|"
    "Robinson|Thompson|Wright|Walker|White|Edwards|Hughes|Green|Hall|Lewis|Harris|Clarke|"
    "Patel|Jackson|Wood|Turner|Martin|Cooper|Hill|Ward|Morris|Moore|Clark|King|Baker|"
    "O'Brien|Murphy|Kelly|Khan|O'Connor|Smith-Jones",
    "DE": "Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|"
    "Schäfer|Koch|Bauer|Richter|Klein|Wolf|Schröder|Neumann|Schwarz|Zimmermann|Braun|Krüger|"
    "Hofmann|Hartmann|Lange|Schmitt|Werner|Schmitz|Krause|Meier|Lehmann|Köhler|Yılmaz|Kaya|"
    "Çelik|Öztürk|Şahin|Nowak",
    "FR": "Martin|Bernard|Dubois|Thomas|Robert|Richard|Petit|Durand|Leroy|Moreau|Simon|"
    "Laurent|Lefèvre|Michel|Garcia|David|Bertrand|Roux|Vincent|Fournier|Morel|Girard|André|"
    "Lefebvre|Mercier|Dupont|Lambert|Bonnet|François|Martinez|Legrand|Garnier|Faure|"
    "Rousseau|Blanc|Guérin|Muller|Henry|Chevalier|Benoît|Le Gall|N'Diaye",
    "NL": "de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|"
    "de Boer|Mulder|de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|"
    "Dijkstra|Smits|de Graaf|van der Meer|van der Linden|Kok|Jacobs|de Haan|Vermeulen|"
    "van den Heuvel|van der Veen|van den Broek|de Bruijn|van der Heijden|Schouten|van Beek|"
    "Willems|van 't Hof|Yılmaz",
    "ES": "García|Rodríguez|González|Fernández|López|Martínez|Sánchez|Pérez|Gómez|Martín|"
    "Jiménez|Ruiz|Hernández|Díaz|Moreno|Muñoz|Álvarez|Romero|Alonso|Gutiérrez|Navarro|"
    "Torres|Domínguez|Vázquez|Ramos|Gil|Ramírez|Serrano|Blanco|Molina|Morales|Suárez|Ortega|"
    "Delgado|Castro|Ortiz|Rubio|Marín|Sanz|Núñez|Iglesias|Medina",
    "IT": "Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|"
    "Gallo|Conti|De Luca|Mancini|Costa|Giordano|Rizzo|Lombardi|Moretti|Barbieri|Fontana|"
    "Santoro|Mariani|Rinaldi|Caruso|Ferrara|Galli|Martini|Leone|Longo|Gentile|Martinelli|"
    "Vitale|Lombardo|Serra|Coppola|De Santis|D'Angelo|Marchetti|Parisi|Villa",
    "US": "Smith|Johnson|Williams|Brown|Jones|Garcia|Miller|Davis|Rodriguez|Martinez|"
    "Hernandez|Lopez|Gonzalez|Wilson|Anderson|Thomas|Taylor|Moore|Jackson|Martin|Lee|Perez|"
    "Thompson|White|Harris|Sanchez|Clark|Ramirez|Lewis|Robinson|Walker|Young|Allen|King|"
    "Wright|Scott|Torres|Nguyen|Hill|Flores|Green|Adams|O'Neill|Kim|Patel",
}

# Roots and endings that compose the plausible long tail of surnames per country.
_EN_ROOTS = "Ash Brad Whit Lang Hol Chester Gold Black Bright Brook Crom Dun Fair Hart Kings Mid "
_EN_ROOTS += "North Red South Stan Sut Thorn Wake West Wood Clay Pem Rad Marl Hamp Ather"
_EN_ENDS = "ford ley field ton well wood worth by more ham wick ridge stone croft brook"
_TAIL_PARTS: dict[str, tuple[str, str, str]] = {
    # country: (prefixes, roots, endings)
    "GB": ("", _EN_ROOTS, _EN_ENDS),
    "US": ("", _EN_ROOTS, _EN_ENDS + " son"),
    "DE": (
        "",
        "Acker Berg Brand Eich Fels Gold Grün Hof Kirch Lind Mühl Ober Rosen Stein Wald Weiß "
        "Sonnen Hage Kessel Lauter Reich Sieg Fried Ehr",
        "mann er berg feld hof bach hausen thal meier huber brunner inger",
    ),
    "FR": (
        "",
        "Bon Beau Chaum Font Lamb Mar Mont Roch Vill Gir Ber Char Lar Bouch Cour Dor Fer Gal "
        "Laf Mor Pell Riv Tess Val",
        "ard eau et ier in on ot ette aine ière ault elle",
    ),
    "NL": (
        "van|van der|van den|de|ter",
        "Berg Dijk Brink Bosch Hoven Veen Meer Laan Linden Horst Beek Wal Heuvel Kamp Vliet "
        "Haar Hout Zand Wetering Geer Poel Ham Kolk Steeg Akker",
        "",
    ),
    "ES": (
        "",
        "Mont Cast Val Riv Bar Mor Herr Carr Pal Quint Ferr Vill Alm Sal Cab Mir Lan Per Sot",
        "ero ejo illo ado eda ón ales ares ino ano era",
    ),
    "IT": (
        "",
        "Bian Ross Russ Ferr Espos Rom Colomb Ric Mar Grec Brun Gall Cont Manc Cost Giord Lomb "
        "Mor Barb Font Sant Rin Car Mart Leon Long Gent Vit Serr Copp Pal Tam Zan Bon Cas",
        "i o elli etti ini one ucci azzi ardi otti ato ese ella",
    ),
}

# Share of people whose surname is one of TOP_LAST (the rest draw from the tail).
TOP_LAST_SHARE = 0.30


def _tail_surnames(country: str) -> list[str]:
    prefixes, roots, ends = _TAIL_PARTS[country]
    root_list = roots.split()
    if country == "NL":
        # Dutch surnames are mostly prefix + noun (`van der Veen`), a few Frisian `-stra`.
        names = [f"{p} {r}" for p, r in itertools.product(prefixes.split("|"), root_list)]
        return names + [r + "stra" for r in root_list[:12]] + [r + "ma" for r in root_list[:8]]
    names = [r + e for r, e in itertools.product(root_list, ends.split())]
    if country == "ES":
        names += [f"de la {x}" for x in "Fuente Torre Cruz Vega Peña Rosa Sierra Serna".split()]
        names += [f"del {x}" for x in "Río Valle Campo Pozo Olmo Pino".split()]
    return names


def first_names(country: str, gender: str) -> list[str]:
    """Given names for a country and gender ('M' or 'F'), most frequent first."""
    source = MALE_FIRST if gender == "M" else FEMALE_FIRST
    return source[country].split()


def top_surnames(country: str) -> list[str]:
    return TOP_LAST[country].split("|")


def tail_surnames(country: str) -> list[str]:
    return _tail_surnames(country)


# Formal given name -> nicknames people use for it. The project's nickname seed
# will grow from this list; it is deliberately multilingual.
NICKNAMES: dict[str, tuple[str, ...]] = {
    "William": ("Bill", "Will", "Billy", "Liam"),
    "Robert": ("Bob", "Rob", "Bobby", "Bert"),
    "Katherine": ("Kate", "Kathy", "Katie"),
    "Catherine": ("Kate", "Cathy", "Cat"),
    "Elizabeth": ("Liz", "Beth", "Lizzie", "Betty"),
    "Margaret": ("Maggie", "Peggy", "Meg"),
    "Richard": ("Rick", "Dick", "Richie"),
    "James": ("Jim", "Jimmy", "Jamie"),
    "John": ("Johnny", "Jack"),
    "Michael": ("Mike", "Mick", "Mikey"),
    "Thomas": ("Tom", "Tommy"),
    "Christopher": ("Chris", "Kit"),
    "Daniel": ("Dan", "Danny"),
    "Joseph": ("Joe", "Joey"),
    "Anthony": ("Tony",),
    "Jennifer": ("Jenny", "Jen"),
    "Alexander": ("Alex", "Sandy", "Sascha"),
    "Samuel": ("Sam",),
    "Benjamin": ("Ben",),
    "Edward": ("Ed", "Ted", "Eddie"),
    "Susan": ("Sue", "Susie"),
    "Patricia": ("Pat", "Patty", "Trish"),
    "Deborah": ("Debbie", "Deb"),
    "Rebecca": ("Becky", "Becca"),
    "Victoria": ("Vicky", "Tori"),
    "Nicholas": ("Nick",),
    "Matthew": ("Matt",),
    "Andrew": ("Andy", "Drew"),
    "Stephen": ("Steve",),
    "Steven": ("Steve",),
    "Timothy": ("Tim",),
    "Jonathan": ("Jon",),
    "Kenneth": ("Ken", "Kenny"),
    "Donald": ("Don",),
    "Ronald": ("Ron",),
    "Kimberly": ("Kim",),
    "Samantha": ("Sam",),
    "Charles": ("Charlie", "Chuck"),
    "Joshua": ("Josh",),
    "Jessica": ("Jess",),
    "José": ("Pepe",),
    "Francisco": ("Paco", "Curro"),
    "Josefa": ("Pepa",),
    "Manuel": ("Manolo",),
    "Jesús": ("Chus", "Chuy"),
    "Dolores": ("Lola",),
    "Concepción": ("Concha",),
    "Ignacio": ("Nacho",),
    "Guillermo": ("Guille",),
    "Enrique": ("Quique",),
    "Montserrat": ("Montse",),
    "Encarnación": ("Encarna",),
    "Johannes": ("Hans", "Johann", "Jan"),
    "Wolfgang": ("Wolf",),
    "Katharina": ("Kathi", "Katja"),
    "Elisabeth": ("Lisa", "Els", "Sissi"),
    "Friedrich": ("Fritz",),
    "Stefanie": ("Steffi",),
    "Gabriele": ("Gabi",),
    "Maximilian": ("Max",),
    "Matthias": ("Matze",),
    "Giuseppe": ("Peppe", "Beppe", "Pino"),
    "Giovanni": ("Gianni", "Nino"),
    "Francesco": ("Franco", "Checco"),
    "Alessandro": ("Sandro", "Ale"),
    "Antonio": ("Toni", "Totò"),
    "Salvatore": ("Totò", "Turi"),
    "Giuseppina": ("Pina",),
    "Margherita": ("Rita",),
    "Frédéric": ("Fred",),
    "Nicolas": ("Nico",),
    "Alexandre": ("Alex",),
    "Christophe": ("Chris",),
    "Dominique": ("Dom",),
    "Cornelis": ("Kees",),
    "Hendrik": ("Henk",),
    "Jacobus": ("Koos", "Jaap"),
    "Willem": ("Wim",),
    "Pieter": ("Piet",),
    "Adrianus": ("Arie",),
    "Wilhelmina": ("Mien", "Willy"),
    "Cornelia": ("Corrie", "Nel"),
    "Johanna": ("Anneke", "Jo"),
    "Catharina": ("Karin", "Toos"),
}


# --- another name pool (`--profile names`) ---------------------------------------------------
# Different given names and surnames for four countries, more compound and particle surnames,
# double given names (`José Luis`, `Hans-Peter`) and steeper frequencies, so that rules tuned
# to the lists above meet names they have never seen. Countries not listed keep the lists above.
# Every list is `|`-separated, most frequent first.
ALT_MALE_FIRST: dict[str, str] = {
    "DE": "Hans-Peter|Karl-Heinz|Klaus-Dieter|Jan-Erik|Lutz|Holger|Detlef|Rüdiger|Volker|"
    "Henning|Jens|Dirk|Timo|Kai|Nils|Malte|Jannik|Finn|Leon|Luca|Elias|Noah|Emre|Can|Burak|"
    "Yusuf|Ole|Hannes|Till|Moritz|Felix|Jonas|Paul|Ben|Anton|Emil|Konrad|Wilhelm|Gerhard|Horst",
    "NL": "Jan-Willem|Sjoerd|Bram|Geert|Hylke|Tjeerd|Wietse|Jelle|Gijs|Stijn|Teun|Luuk|Mees|"
    "Siem|Job|Floris|Reinier|Ewout|Harm|Klaas|Gert-Jan|Pim|Rutger|Olaf|Ruud|Frits|Evert|Dirk|"
    "Ahmed|Youssef|Mohammed|Sven|Milan|Finn|Jesse|Lars",
    "ES": "José Luis|Juan Carlos|José Antonio|Francisco Javier|Miguel Ángel|Juan José|"
    "José Manuel|Alfonso|Gonzalo|Rodrigo|Borja|Íñigo|Aitor|Unai|Xavier|Jordi|Pau|Marc|Oriol|"
    "Iker|Martín|Mateo|Lucas|Leo|Nicolás|Santiago|Emilio|Agustín|Tomás|Felipe|Ernesto|Rogelio",
    "US": "Michael|Christopher|Matthew|Joshua|Tyler|Brandon|DeShawn|Jamal|Tyrone|Darnell|"
    "Marquis|Hector|Jesus|Luis|Miguel|Juan|Carlos|Wei|Jin|Hyun|Minh|Duc|Raj|Arjun|Mohammed|"
    "Cody|Dustin|Travis|Chad|Bryce|Hunter|Austin|Logan|Mason|Ethan|Liam|Noah|Jackson|Aiden",
}
ALT_FEMALE_FIRST: dict[str, str] = {
    "DE": "Anna-Lena|Marie-Luise|Hannelore|Gudrun|Waltraud|Irmgard|Heidrun|Dörte|Silke|Kerstin|"
    "Meike|Wiebke|Imke|Svenja|Mandy|Peggy|Nadine|Yvonne|Lea|Mia|Hanna|Emilia|Leonie|Amelie|"
    "Clara|Greta|Frieda|Ida|Merve|Esra|Emine|Derya|Natalia|Olga|Irina|Magdalena|Theresa|"
    "Franziska",
    "NL": "Anne-Marie|Tjitske|Wietske|Sietske|Geertje|Aaltje|Hendrika|Grietje|Jannie|Riet|Ans|"
    "Truus|Marjolein|Annemiek|Willemijn|Maaike|Fenna|Noor|Tess|Saar|Roos|Isa|Lieke|Mila|Yara|"
    "Fatima|Khadija|Nadia|Loes|Jolanda|Hanneke|Ineke|Marianne",
    "ES": "María José|María del Carmen|María Ángeles|Ana María|María Teresa|Mari Carmen|Nerea|"
    "Ainhoa|Itziar|Leire|Núria|Laia|Mireia|Carla|Martina|Valeria|Daniela|Ximena|Guadalupe|"
    "Macarena|Inmaculada|Remedios|Amparo|Begoña|Yolanda|Vanesa|Estefanía|Almudena|Consuelo",
    "US": "Ashley|Jessica|Amanda|Brittany|Tiffany|Crystal|Latoya|Keisha|Shaniqua|Ebony|"
    "Guadalupe|Maria|Rosa|Yesenia|Marisol|Mei|Lin|Ji-woo|Linh|Priya|Aisha|Fatima|Kayla|Madison|"
    "Brianna|Destiny|Courtney|Heather|Amber|Megan|Olivia|Ava|Sophia|Isabella|Mia|Harper|Abigail",
}
ALT_TOP_LAST: dict[str, str] = {
    "DE": "Müller|Schmidt|Meyer-Schulz|von Bergen|Schulze|Böhm|Vogel|Friedrich|Keller|Günther|"
    "Frank|Berger|Winkler|Roth|Beck|Lorenz|Baumann|Franke|Albrecht|Schuster|Ludwig|Böttcher|"
    "Graf|Kuhn|Pohl|Engel|Horn|Busch|Bergmann|Voigt|Sauer|Arnold|Wolff|Pfeiffer|"
    "von der Heide|Schmidt-Wagner|Demir|Arslan|Kowalski|Popović",
    "NL": "de Jong|Jansen|de Vries|van der Meer|van den Bosch|Bakker|Visser|van 't Zand|"
    "in 't Veld|ter Horst|Oudejans|Zwart|van Vliet|Boersma|Hoekstra|de Ruiter|van Dam|Kuipers|"
    "Veenstra|Postma|van der Wal|de Lange|Koster|Prins|Huisman|van Wijk|Timmermans|Groen|"
    "van Rijn|Maas|El Amrani|Bouzid|van Oosterhout|Verhoeven|van der Zee|op den Akker|Wolters|"
    "ten Brink",
    "ES": "García|López|Martín|Sánchez|Pérez|Gómez|Ruiz|Díaz|Fernández|Rodríguez|Álvarez|"
    "de la Fuente|del Río|Ruiz de Alda|Puig|Ferrer|Vidal|Pujol|Soler|Roca|Mas|Font|Garrido|"
    "Cano|Prieto|Calvo|Gallego|Vicente|León|Herrero|Peña|Flores|Cabrera|Campos|Vega|Fuentes|"
    "Carrasco|Caballero|Reyes|Nieto|Aguilar|Pascual|Echeverría|Goikoetxea|Etxeberria",
    "US": "Smith|Johnson|Nguyen|Williams|Garcia|Kim|Brown|Lee|Chen|Jones|Wang|Patel|Shah|"
    "Rodriguez|Hernandez|De La Cruz|Van Buren|McDonald|MacDonald|O'Brien|O'Connor|Kowalski|"
    "Nowak|Schmidt|Washington|Jefferson|Jackson|Freeman|Banks|Rivera|Ramos|Cruz|Reyes|Morales|"
    "Ortiz|Gutierrez|Chavez|Vasquez|St. John|Smith-Johnson|Le|Tran|Pham",
}
_ALT_TAIL_PARTS: dict[str, tuple[str, str, str]] = {
    "DE": (
        "",
        "Alt Bock Dorn Eng Fuchs Haber Hein Jung Kalt Kurz Mohr Neu Ost Rot Scheu Stoll Tann "
        "Vogt Wein Zell",
        "mann er ig ke le ler ner inger städt dorf rath",
    ),
    "NL": (
        "van|van de|van der|van den|de|te|ten|ter|van 't|in 't",
        "Acker Berkel Dongen Egmond Gent Haren Holt Kessel Loon Lier Mierlo Oss Rossum Steen "
        "Tol Veld Water Weide Zwol Wouden Hove Bree Kroon Meulen",
        "",
    ),
    "ES": (
        "",
        "Alb Arr Bel Coll Esp Gar Llor Mart Nav Ols Ped Quer Rib Sab Tor Urr Vil Zam",
        "ez és o a era ado illa ueta ós ell",
    ),
    "US": (
        "",
        "Ander Christ Eric Han Johan Lar Nil Peter Sven Ols Carl Gus Hal Niel Jen Berg Lind",
        "son sen strom berg quist",
    ),
}
ALT_NICKNAMES: dict[str, tuple[str, ...]] = {
    "Hans-Peter": ("Hansi",), "Karl-Heinz": ("Kalle",), "Wilhelm": ("Willi",),
    "Gerhard": ("Gerd",), "Konrad": ("Konni",), "Franziska": ("Franzi",),
    "Magdalena": ("Lena",), "Theresa": ("Resi",), "Jan-Willem": ("Jan",), "Gert-Jan": ("Gert",),
    "Hendrika": ("Riek",), "Marjolein": ("Marjo",), "Willemijn": ("Wil",),
    "José Luis": ("Pepe", "Luis"), "Francisco Javier": ("Javi", "Paco"),
    "María José": ("Majo", "Marijo"), "María del Carmen": ("Mamen", "Maica", "Carmen"),
    "Juan Carlos": ("Juanca",), "Miguel Ángel": ("Miguel",), "Inmaculada": ("Inma",),
    "Guadalupe": ("Lupe",), "Remedios": ("Reme",), "Consuelo": ("Chelo",),
    "Michael": ("Mike",), "Christopher": ("Chris",), "Matthew": ("Matt",), "Joshua": ("Josh",),
    "Abigail": ("Abby",), "Jessica": ("Jess",), "Madison": ("Maddie",), "Isabella": ("Bella",),
    "Olivia": ("Liv",), "Jesus": ("Chuy",),
}  # fmt: skip


@dataclass(frozen=True)
class NamePool:
    """What a name book draws from: lists per country and the shape of their frequencies."""

    male: dict[str, list[str]]
    female: dict[str, list[str]]
    top_last: dict[str, list[str]]
    tail_last: dict[str, list[str]]
    first_exponent: float  # Zipf exponent of given names (higher: the top names dominate)
    last_exponent: float  # Zipf exponent of the frequent surnames
    top_last_share: float  # share of surnames drawn from the frequent list
    # country -> (share of people with two surnames, the joiner between them)
    double_surname: dict[str, tuple[float, str]]
    nicknames: dict[str, tuple[str, ...]]


def _alt_tail(country: str) -> list[str]:
    prefixes, roots, ends = _ALT_TAIL_PARTS[country]
    if country == "NL":
        return [f"{p} {r}" for p, r in itertools.product(prefixes.split("|"), roots.split())]
    return [r + e for r, e in itertools.product(roots.split(), ends.split())]


def _default_pool() -> NamePool:
    countries = tuple(TOP_LAST)
    return NamePool(
        male={cc: first_names(cc, "M") for cc in countries},
        female={cc: first_names(cc, "F") for cc in countries},
        top_last={cc: top_surnames(cc) for cc in countries},
        tail_last={cc: tail_surnames(cc) for cc in countries},
        first_exponent=0.7,
        last_exponent=0.5,
        top_last_share=TOP_LAST_SHARE,
        double_surname={"ES": (0.6, " ")},
        nicknames=NICKNAMES,
    )


def _alt_pool() -> NamePool:
    base = _default_pool()
    return NamePool(
        male={**base.male, **{cc: v.split("|") for cc, v in ALT_MALE_FIRST.items()}},
        female={**base.female, **{cc: v.split("|") for cc, v in ALT_FEMALE_FIRST.items()}},
        top_last={**base.top_last, **{cc: v.split("|") for cc, v in ALT_TOP_LAST.items()}},
        tail_last={**base.tail_last, **{cc: _alt_tail(cc) for cc in _ALT_TAIL_PARTS}},
        first_exponent=1.0,
        last_exponent=0.8,
        top_last_share=0.45,
        double_surname={"ES": (0.95, " "), "DE": (0.08, "-"), "US": (0.03, "-")},
        nicknames={**NICKNAMES, **ALT_NICKNAMES},
    )


POOLS = {"default": _default_pool, "alt": _alt_pool}
