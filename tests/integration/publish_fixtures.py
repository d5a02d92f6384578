"""Test data shared by the publishers' integration tests (feed, exports): a price list whose names
are hostile (markup, spreadsheet formulas), and a helper to change one price in a sample."""


def luhn_siret(prefix13):
    """A 14-digit SIRET that passes the Luhn check, from 13 digits."""
    for last in "0123456789":
        digits = prefix13 + last
        total = 0
        for i, c in enumerate(reversed(digits)):
            d = int(c) * (2 if i % 2 else 1)
            total += d - 9 if d > 9 else d
        if total % 10 == 0:
            return digits
    raise AssertionError("unreachable")


HOSTILE_SIRET = luhn_siret("7321456780001")
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
FORMULAS = ['=HYPERLINK("http://evil.example";"clic")', "+33 5 61 00 00 00", "-2+3", "@SUM(A1:A2)"]


def hostile_price_list():
    """A csv connector price list (cooperative layout): markup and formulas in names, producer,
    commune; one normal row. Every row is valid, so every one becomes an offer."""
    rows = ["ref;produit;type;producteur;siret;adresse;code postal;commune;prix;unité;conditionnement;labels;"
            "disponible du;disponible au",
            f"H-1;{SCRIPT};Légumes;{IMG};{HOSTILE_SIRET};{SCRIPT};31000;{IMG};2,50;kg;;;;"]
    for i, formula in enumerate(FORMULAS, start=2):
        quoted = '"' + formula.replace('"', '""') + '"'
        rows.append(f"H-{i};{quoted};Légumes;{IMG};{HOSTILE_SIRET};Rue;31000;Toulouse;1,{i}0;kg;;;;")
    rows.append(f"H-9;Navets;Légumes;{IMG};{HOSTILE_SIRET};Rue;31000;Toulouse;1,95;kg;;AB;;")
    return "\n".join(rows) + "\n"


def change_price(path, reference, new_price):
    """Rewrites the 'Prix HT' of the row `reference` in a ferme-du-couserans style list."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(";")
    col = header.index("Prix HT")
    for i, line in enumerate(lines):
        cells = line.split(";")
        if cells[0] == reference:
            old = cells[col]
            cells[col] = new_price
            lines[i] = ";".join(cells)
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            return old
    raise AssertionError(f"no row {reference} in {path}")
