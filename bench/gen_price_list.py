#!/usr/bin/python3
"""Generates a large, realistic French price list ("mercuriale") for the csv connector benchmarks.

The output is deterministic for a given seed and row count: ';'-separated UTF-8, decimal comma, the
headers the csv connector recognizes, a few thousand producers with Luhn-valid SIRETs in Occitanie,
varied product names, units and packagings, labels and availability windows.

Two options derive a second file from the same rows, so that a benchmark can measure what a sync
does with a small change:
  --change-prices F   raises the price of a fraction F of the rows (same rows otherwise);
  --bad-fraction F    spoils a fraction F of the rows (invalid SIRET, unreadable price, unknown
                      unit, inverted dates...) so that the reject path is exercised too.
Both draw from their own random streams, so the untouched rows stay byte-identical.

Standard library only; about 4-6 s per million rows.
"""

import argparse
import random
import sys

HEADER = ("Référence;Produit;Catégorie;Producteur;SIRET;Code postal;Commune;"
          "Prix HT;Unité;Conditionnement;TVA;Labels;Disponible du;Disponible au")

# (postcode, commune) in the 13 départements of Occitanie.
COMMUNES = [
    ("09000", "Foix"), ("09100", "Pamiers"), ("09200", "Saint-Girons"), ("09300", "Lavelanet"),
    ("09500", "Mirepoix"), ("09700", "Saverdun"), ("11000", "Carcassonne"), ("11100", "Narbonne"),
    ("11300", "Limoux"), ("11400", "Castelnaudary"), ("11500", "Quillan"), ("11200", "Lézignan-Corbières"),
    ("12000", "Rodez"), ("12100", "Millau"), ("12200", "Villefranche-de-Rouergue"), ("12300", "Decazeville"),
    ("12500", "Espalion"), ("12400", "Saint-Affrique"), ("30000", "Nîmes"), ("30100", "Alès"),
    ("30200", "Bagnols-sur-Cèze"), ("30120", "Le Vigan"), ("30170", "Saint-Hippolyte-du-Fort"),
    ("31000", "Toulouse"), ("31200", "Toulouse"), ("31250", "Revel"), ("31290", "Villefranche-de-Lauragais"),
    ("31560", "Nailloux"), ("31600", "Muret"), ("31800", "Saint-Gaudens"), ("31370", "Rieumes"),
    ("32000", "Auch"), ("32100", "Condom"), ("32200", "Gimont"), ("32300", "Mirande"), ("32500", "Fleurance"),
    ("32700", "Lectoure"), ("34000", "Montpellier"), ("34500", "Béziers"), ("34120", "Pézenas"),
    ("34400", "Lunel"), ("34700", "Lodève"), ("34800", "Clermont-l'Hérault"), ("46000", "Cahors"),
    ("46100", "Figeac"), ("46200", "Souillac"), ("46300", "Gourdon"), ("46500", "Gramat"),
    ("48000", "Mende"), ("48100", "Marvejols"), ("48200", "Saint-Chély-d'Apcher"), ("48400", "Florac"),
    ("65000", "Tarbes"), ("65100", "Lourdes"), ("65200", "Bagnères-de-Bigorre"), ("65300", "Lannemezan"),
    ("65500", "Vic-en-Bigorre"), ("66000", "Perpignan"), ("66200", "Elne"), ("66300", "Thuir"),
    ("66500", "Prades"), ("66400", "Céret"), ("81000", "Albi"), ("81100", "Castres"), ("81200", "Mazamet"),
    ("81500", "Lavaur"), ("81600", "Gaillac"), ("81440", "Lautrec"), ("82000", "Montauban"),
    ("82100", "Castelsarrasin"), ("82200", "Moissac"), ("82300", "Caussade"), ("82500", "Beaumont-de-Lomagne"),
]

FORMS = ["Ferme", "GAEC", "EARL", "Domaine", "Mas", "Les Jardins", "Bergerie", "Rucher", "Le Potager",
         "Chèvrerie", "Vergers", "SCEA", "Moulin"]
PLACES = ["de la Borde", "du Moulin", "des Cèdres", "de l'Aiguillon", "du Pech", "de Lasserre", "des Trois Chênes",
          "de Capelle", "du Bousquet", "de la Fontaine", "des Coteaux", "de Peyrelade", "du Ségala", "de Bordeneuve",
          "de la Garrigue", "du Lauragais", "des Palanques", "de Montfort", "du Causse", "de la Combe", "d'En Bartas",
          "de Naudy", "du Sarrat", "de Lacoste", "des Aulnes", "de Barrau", "de la Serre", "du Couserans"]
FAMILIES = ["Martin", "Bernard", "Roux", "Fabre", "Vidal", "Garcia", "Bonnet", "Rouquette", "Cazals", "Andrieu",
            "Fournier", "Combes", "Marty", "Bousquet", "Teulière", "Castan", "Alibert", "Pujol", "Sabatier",
            "Soulié", "Calmettes", "Astruc", "Bonnafous", "Escande", "Lacombe", "Maurel", "Rigal", "Salvan",
            "Tournier", "Vaysse"]

# Unit specs: (Unité, Conditionnement, lowest price in cents, highest price in cents).
VEG = [("kg", "", 150, 650), ("500 g", "", 120, 400), ("pièce", "", 60, 350), ("botte", "", 120, 350),
       ("barquette", "500 g", 200, 550), ("colis", "5 kg", 900, 2800)]
FRUIT = [("kg", "", 220, 900), ("barquette", "250 g", 250, 650), ("500 g", "", 180, 500),
         ("cagette", "3 kg", 800, 2400)]
CHEESE = [("kg", "", 1400, 3200), ("pièce", "", 250, 900), ("250 g", "", 400, 950)]
MEAT = [("kg", "", 900, 3600), ("colis", "5 kg", 6500, 14500), ("barquette", "500 g", 600, 1800),
        ("pièce", "", 900, 2500)]
JAR = [("pot", "250 g", 350, 900), ("pot", "500 g", 600, 1500), ("bocal", "350 g", 450, 1100)]
DRINK = [("bouteille", "75 cl", 450, 1800), ("l", "", 250, 900), ("bouteille", "1 l", 300, 900)]
YOGURT = [("pot", "125 g", 45, 120), ("pot", "500 g", 220, 480)]
MILK = [("l", "", 110, 290), ("bouteille", "1 l", 120, 300)]
BUTTER = [("pièce", "250 g", 260, 480), ("kg", "", 1000, 1900)]
CREAM = [("pot", "250 g", 250, 520), ("l", "", 600, 1200)]
GROCERY = [("kg", "", 250, 1400), ("sachet", "500 g", 200, 700), ("sachet", "1 kg", 350, 1200)]
BREAD = [("pièce", "", 120, 650), ("kg", "", 450, 1100)]
EGGS = [("douzaine", "", 380, 650), ("boîte", "6 pièces", 200, 360), ("pièce", "", 35, 60)]

# (base name, Catégorie, varieties, unit specs, TVA, labels beyond AB).
PRODUCTS = [
    ("Tomate", "Légumes", ["cœur de bœuf", "cerise", "ancienne", "grappe", "noire de Crimée", "Marmande"], VEG, "5,5", ["HVE"]),
    ("Carotte", "Légumes", ["des sables", "nouvelle", "jaune", "violette", ""], VEG, "5,5", ["HVE"]),
    ("Pomme de terre", "Légumes", ["Charlotte", "Agata", "Bintje", "nouvelle", "Roseval"], VEG, "5,5", ["Label Rouge"]),
    ("Courgette", "Légumes", ["verte", "jaune", "ronde de Nice", ""], VEG, "5,5", ["HVE"]),
    ("Aubergine", "Légumes", ["violette", "graffiti", ""], VEG, "5,5", []),
    ("Poireau", "Légumes", ["d'hiver", "primeur", ""], VEG, "5,5", []),
    ("Oignon", "Légumes", ["jaune", "rouge", "doux des Cévennes", "blanc"], VEG, "5,5", ["AOP"]),
    ("Ail", "Légumes", ["rose de Lautrec", "blanc de Lomagne", "violet de Cadours"], VEG, "5,5", ["Label Rouge", "IGP"]),
    ("Chou", "Légumes", ["vert", "rouge", "frisé", "de Milan"], VEG, "5,5", []),
    ("Chou-fleur", "Légumes", [""], VEG, "5,5", []),
    ("Épinard", "Légumes", ["en branches", "jeunes pousses"], VEG, "5,5", []),
    ("Haricot vert", "Légumes", ["extra-fin", "beurre", ""], VEG, "5,5", []),
    ("Courge", "Légumes", ["butternut", "musquée", "spaghetti", "Potimarron"], VEG, "5,5", []),
    ("Radis", "Légumes", ["rose", "noir", "de dix-huit jours"], VEG, "5,5", []),
    ("Navet", "Légumes", ["violet", "boule d'or", ""], VEG, "5,5", []),
    ("Betterave", "Légumes", ["rouge", "crue", "cuite", "chioggia"], VEG, "5,5", []),
    ("Poivron", "Légumes", ["rouge", "vert", "jaune"], VEG, "5,5", []),
    ("Fenouil", "Légumes", [""], VEG, "5,5", []),
    ("Asperge", "Légumes", ["verte", "blanche"], VEG, "5,5", ["IGP"]),
    ("Salade", "Légumes", ["batavia", "feuille de chêne", "laitue", "scarole", "mesclun"], VEG, "5,5", []),
    ("Blette", "Légumes", ["", "à côtes rouges"], VEG, "5,5", []),
    ("Panais", "Légumes", [""], VEG, "5,5", []),
    ("Champignon", "Légumes", ["de Paris", "pleurote", "shiitake"], VEG, "5,5", []),
    ("Pomme", "Fruits", ["Golden", "Reinette grise", "Gala", "Pink Lady", "Chantecler", "Canada"], FRUIT, "5,5", ["HVE"]),
    ("Poire", "Fruits", ["Williams", "Conférence", "Comice"], FRUIT, "5,5", []),
    ("Pêche", "Fruits", ["jaune", "blanche", "de vigne"], FRUIT, "5,5", []),
    ("Abricot", "Fruits", ["Bergeron", "Rouge du Roussillon"], FRUIT, "5,5", ["AOP"]),
    ("Cerise", "Fruits", ["Burlat", "Bigarreau", "de Céret"], FRUIT, "5,5", []),
    ("Prune", "Fruits", ["reine-claude", "d'Ente", "mirabelle"], FRUIT, "5,5", []),
    ("Raisin de table", "Fruits", ["Chasselas de Moissac", "Muscat"], FRUIT, "5,5", ["AOP"]),
    ("Fraise", "Fruits", ["Gariguette", "Ciflorette", "Mara des bois"], FRUIT, "5,5", []),
    ("Framboise", "Fruits", [""], FRUIT, "5,5", []),
    ("Melon", "Fruits", ["charentais", "du Quercy"], FRUIT, "5,5", ["IGP", "Label Rouge"]),
    ("Kiwi", "Fruits", ["de l'Adour", ""], FRUIT, "5,5", ["IGP"]),
    ("Figue", "Fruits", ["violette", "blanche"], FRUIT, "5,5", []),
    ("Noix", "Fruits secs", ["du Périgord", "cerneaux", "fraîches"], GROCERY, "5,5", ["AOP"]),
    ("Châtaigne", "Fruits secs", ["", "d'Ardèche"], GROCERY, "5,5", []),
    ("Tomme des Pyrénées", "Fromage", ["au lait cru", "de brebis", "de vache", "de chèvre"], CHEESE, "5,5", ["IGP", "Fermier"]),
    ("Roquefort", "Fromage", [""], CHEESE, "5,5", ["AOP"]),
    ("Pélardon", "Fromage", ["affiné", "frais"], CHEESE, "5,5", ["AOP", "Fermier"]),
    ("Rocamadour", "Fromage", [""], CHEESE, "5,5", ["AOP", "Fermier"]),
    ("Laguiole", "Fromage", [""], CHEESE, "5,5", ["AOP"]),
    ("Fromage de chèvre", "Fromage", ["frais", "cendré", "sec", "à l'ail"], CHEESE, "5,5", ["Fermier"]),
    ("Fromage blanc", "Produits laitiers", ["battu", "en faisselle"], YOGURT, "5,5", ["Fermier"]),
    ("Yaourt", "Produits laitiers", ["nature", "à la vanille", "aux fruits", "au lait de brebis"], YOGURT, "5,5", ["Fermier"]),
    ("Lait", "Produits laitiers", ["entier cru", "demi-écrémé", "de chèvre"], MILK, "5,5", ["Fermier"]),
    ("Beurre", "Produits laitiers", ["doux", "demi-sel"], BUTTER, "5,5", ["Fermier"]),
    ("Crème fraîche", "Produits laitiers", ["épaisse", "liquide"], CREAM, "5,5", ["Fermier"]),
    ("Œufs", "Oeufs", ["plein air", "de poules élevées au sol", "extra-frais"], EGGS, "5,5", ["Label Rouge", "Fermier"]),
    ("Viande de bœuf", "Viande", ["Aubrac", "Gasconne", "steak haché", "à bourguignon", "entrecôte"], MEAT, "5,5", ["Label Rouge", "IGP"]),
    ("Veau", "Viande", ["d'Aveyron et du Ségala", "sous la mère", "escalope"], MEAT, "5,5", ["Label Rouge", "IGP"]),
    ("Agneau", "Viande", ["fermier du Quercy", "gigot", "côtelettes", "des Pyrénées"], MEAT, "5,5", ["Label Rouge", "IGP"]),
    ("Porc", "Viande", ["noir de Bigorre", "côtes", "rôti", "échine"], MEAT, "5,5", ["AOP", "Label Rouge"]),
    ("Poulet", "Volaille", ["fermier", "jaune du Gers", "découpé", "blanc"], MEAT, "5,5", ["Label Rouge", "IGP", "Fermier"]),
    ("Canard", "Volaille", ["magret", "cuisses confites", "aiguillettes"], MEAT, "5,5", ["IGP", "Label Rouge"]),
    ("Pintade", "Volaille", ["fermière", ""], MEAT, "5,5", ["Label Rouge"]),
    ("Saucisse de Toulouse", "Charcuterie", ["", "fumée"], MEAT, "5,5", ["Label Rouge", "IGP"]),
    ("Jambon", "Charcuterie", ["de Bayonne", "sec", "de pays", "cuit"], MEAT, "5,5", ["IGP"]),
    ("Pâté", "Charcuterie", ["de campagne", "au piment d'Espelette", "de foie"], JAR, "5,5", []),
    ("Rillettes", "Charcuterie", ["de canard", "de porc"], JAR, "5,5", []),
    ("Miel", "Miel", ["de châtaignier", "de lavande", "toutes fleurs", "d'acacia", "de montagne"], JAR, "5,5", ["IGP"]),
    ("Confiture", "Épicerie", ["de figues", "d'abricots", "de fraises", "de cerises noires"], JAR, "5,5", []),
    ("Farine de blé", "Épicerie", ["T65", "T80", "T110", "de seigle", "d'épeautre"], GROCERY, "5,5", []),
    ("Lentilles", "Épicerie", ["vertes", "blondes de Saint-Flour", "corail"], GROCERY, "5,5", ["Label Rouge", "IGP"]),
    ("Haricots", "Légumes secs", ["tarbais", "lingots", "cocos"], GROCERY, "5,5", ["Label Rouge", "IGP"]),
    ("Pois chiches", "Légumes secs", [""], GROCERY, "5,5", []),
    ("Huile d'olive", "Épicerie", ["vierge extra", "de Nîmes"], DRINK, "5,5", ["AOP"]),
    ("Pain", "Boulangerie", ["de campagne", "complet", "au levain", "de seigle"], BREAD, "5,5", []),
    ("Fouace", "Boulangerie", ["aveyronnaise", ""], BREAD, "5,5", []),
    ("Jus de pomme", "Boissons", ["", "pétillant"], DRINK, "5,5", []),
    ("Vin rouge", "Boissons", ["Gaillac", "Fronton", "Cahors", "Corbières", "Minervois"], DRINK, "20", ["AOP", "IGP"]),
    ("Vin blanc", "Boissons", ["Gaillac perlé", "Limoux", "Picpoul de Pinet"], DRINK, "20", ["AOP", "IGP"]),
    ("Bière", "Boissons", ["blonde", "ambrée", "blanche"], DRINK, "20", []),
]

# Mostly no availability window; else a season between two month starts/ends.
MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def luhn_siret(rng, used):
    """A 14-digit SIRET whose Luhn sum is a multiple of 10 (never La Poste's SIREN)."""
    while True:
        body = [rng.randrange(10) for _ in range(13)]
        if body[0] == 0:
            body[0] = rng.randrange(1, 10)
        total = 0
        # Digits counted from the right: the check digit is position 0, so body[-1] is position 1 (doubled).
        for i, d in enumerate(reversed(body)):
            if i % 2 == 0:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        check = (10 - total % 10) % 10
        siret = "".join(map(str, body)) + str(check)
        if siret[:9] != "356000000" and siret not in used:
            used.add(siret)
            return siret


def make_producers(rng, count):
    used_sirets = set()
    used_names = set()
    producers = []
    for i in range(count):
        postcode, commune = rng.choice(COMMUNES)
        form = rng.choice(FORMS)
        if rng.random() < 0.45:
            name = f"{form} {rng.choice(FAMILIES)}"
        else:
            name = f"{form} {rng.choice(PLACES)}"
        if name in used_names:
            name = f"{name} ({commune})"
        if name in used_names:
            name = f"{name} {i}"
        used_names.add(name)
        code = f"P{i:04d}"
        producers.append((code, name, luhn_siret(rng, used_sirets), postcode, commune))
    return producers


def make_windows(rng, count):
    """A pool of availability windows (from, to); many empty."""
    windows = []
    for _ in range(count):
        roll = rng.random()
        year = rng.choice((2025, 2026))
        start = rng.randrange(1, 13)
        length = rng.randrange(1, 7)
        end = min(12, start + length)
        frm = f"{year}-{start:02d}-01"
        to = f"{year}-{end:02d}-{MONTH_DAYS[end - 1]:02d}"
        if roll < 0.6:
            windows.append(("", ""))
        elif roll < 0.85:
            windows.append((frm, to))
        elif roll < 0.93:
            windows.append((frm, ""))
        else:
            windows.append(("", to))
    return windows


def label_choices(extra):
    """Weighted label texts for one product: mostly none, often AB."""
    pool = [""] * 10 + ["AB"] * 5
    for label in extra:
        pool += [label] * 2 + [f"AB, {label}"]
    return pool


def price_text(cents):
    return f"{cents // 100},{cents % 100:02d}"


BAD_KINDS = ("siret", "price", "negative", "unit", "dates", "name", "vat")


def spoil(fields, rng):
    """Makes one row wrong in one of the ways a real price list is wrong."""
    kind = rng.choice(BAD_KINDS)
    if kind == "siret":
        s = fields[4]
        fields[4] = s[:-1] + str((int(s[-1]) + 1) % 10)  # breaks the Luhn key
    elif kind == "price":
        fields[7] = fields[7].replace("0", "O") if "0" in fields[7] else "sur demande"
    elif kind == "negative":
        fields[7] = "-" + fields[7]
    elif kind == "unit":
        fields[8] = "brouette"
    elif kind == "dates":
        fields[12], fields[13] = "2026-09-30", "2026-03-01"
    elif kind == "name":
        fields[1] = ""
    else:
        fields[10] = "cinq"


def generate(out, rows, seed, producers_count, bad_fraction, change_fraction):
    rng = random.Random(seed)
    producers = make_producers(rng, producers_count)
    # A few producers are big (cooperatives), most are small farms.
    weighted = []
    for idx in range(len(producers)):
        weighted += [idx] * (1 + (rng.random() < 0.05) * 20)
    windows = make_windows(rng, 997)

    # Each product variant with its unit specs and label pool, flattened for fast choice().
    variants = []
    for base, category, varieties, units, vat, extra in PRODUCTS:
        labels = label_choices(extra)
        for v in varieties:
            name = f"{base} {v}" if v else base
            variants.append((name, category, units, vat, labels))

    change_rng = random.Random(seed * 7919 + 1)
    bad_rng = random.Random(seed * 104729 + 2)
    choice = rng.choice
    rand = rng.random
    randrange = rng.randrange

    out.write(HEADER + "\n")
    chunk = []
    for i in range(rows):
        code, pname, siret, postcode, commune = producers[choice(weighted)]
        name, category, units, vat, labels = choice(variants)
        unit, packaging, lo, hi = choice(units)
        cents = randrange(lo, hi + 1)
        if change_fraction and change_rng.random() < change_fraction:
            cents += max(5, cents // 20)  # a 5 % rise, at least 5 cents
        frm, to = windows[int(rand() * 997)]
        fields = [f"{code}-{i:07d}", name, category, pname, siret, postcode, commune, price_text(cents),
                  unit, packaging, vat, choice(labels), frm, to]
        if bad_fraction and bad_rng.random() < bad_fraction:
            spoil(fields, bad_rng)
        chunk.append(";".join(fields))
        if len(chunk) >= 20000:
            chunk.append("")
            out.write("\n".join(chunk))
            chunk = []
    if chunk:
        chunk.append("")
        out.write("\n".join(chunk))


def main():
    parser = argparse.ArgumentParser(description="Generate a deterministic French price list for benchmarks.")
    parser.add_argument("-n", "--rows", type=int, default=1_000_000, help="data rows (default 1,000,000)")
    parser.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--producers", type=int, default=0,
                        help="producer count (default: 3000, or rows/20 when smaller, at least 5)")
    parser.add_argument("--bad-fraction", type=float, default=0.0,
                        help="fraction of rows spoiled on purpose (default 0)")
    parser.add_argument("--change-prices", type=float, default=0.0,
                        help="fraction of rows whose price rises by 5%% (default 0)")
    args = parser.parse_args()
    if args.rows < 0 or not 0 <= args.bad_fraction <= 1 or not 0 <= args.change_prices <= 1:
        parser.error("rows must be >= 0 and fractions within [0, 1]")
    producers = args.producers or max(5, min(3000, args.rows // 20))

    if args.output == "-":
        generate(sys.stdout, args.rows, args.seed, producers, args.bad_fraction, args.change_prices)
    else:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            generate(out, args.rows, args.seed, producers, args.bad_fraction, args.change_prices)


if __name__ == "__main__":
    main()
