"""Hostile variants of the bundled samples for the integration tests: every text field of a CSV price
list, an Agrilocal export and a DFC catalogue carries a marker (an HTML/script payload, or bytes that
are not UTF-8), so that the tests can follow it to every place the hub shows it."""

import json
import re
import xml.sax.saxutils

from harness import SAMPLES

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = "\"><img src=x onerror=alert(1)>"
PAYLOAD = SCRIPT + ATTRIBUTE + "]]>'"
JS_URL = "javascript:alert(1)"

# A price list with every column the csv connector maps to text.
CSV_HEADER = ("ref;produit;description;type;famille;producteur;siret;adresse;code postal;commune;email;téléphone;"
              "prix;unité;conditionnement;labels;origine")
CSV_ROW = "{ref};{t}Pommes;{t}Croquantes;fruits;{t}Fruits;{t}Ferme;;{t}Rue;09000;{t}Foix;{t}@ex.fr;{t}05;{price};kg;" \
          "{t}Cagette;AB,{t};{t}Ariège"

# Agrilocal elements whose text is shown (needs, buyers, places, criteria, contracts, suppliers).
XML_TEXT_ELEMENTS = ("intitule", "nom", "produit", "rue", "commune", "contrat", "critere", "raison-sociale",
                     "designation", "description", "origine")
# DFC properties whose text is shown (names, descriptions, addresses, contacts).
DFC_TEXT_KEYS = ("dfc-b:name", "dfc-b:description", "dfc-b:hasDescription", "dfc-b:hasStreet", "dfc-b:hasCity",
                 "dfc-b:street", "dfc-b:city")


def peak_kb(pid):
    """The peak resident memory of a process, in kB (VmHWM): what a hostile input made it hold."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise AssertionError("no VmHWM in /proc/PID/status")


def csv_price_list(marker, rows=3, rejected=1):
    """`rows` good rows and `rejected` rows with a price that is not one, each carrying `marker`."""
    lines = [CSV_HEADER]
    for n in range(rows):
        lines.append(CSV_ROW.format(ref=f"H-{n}", t=marker + str(n), price="2,50"))
    for n in range(rejected):
        lines.append(CSV_ROW.format(ref=f"R-{n}", t=marker + "rejet", price=f"{marker}pas un prix"))
    return "\n".join(lines) + "\n"


def agrilocal_export(marker):
    """The Agrilocal sample with `marker` (text) before the text of every shown element."""
    text = (SAMPLES / "agrilocal-09.xml").read_text(encoding="utf-8")
    escaped = xml.sax.saxutils.escape(marker)
    pattern = re.compile(r"<(%s)((?: [^>]*)?)>([^<]+)<" % "|".join(XML_TEXT_ELEMENTS))
    return pattern.sub(lambda m: f"<{m.group(1)}{m.group(2)}>{escaped}{m.group(3)}<", text)


def dfc_catalogue(marker, website):
    """The DFC sample with `marker` before every shown text and every website set to `website`."""
    graph = json.loads((SAMPLES / "bio-ariege-garonne.jsonld").read_text(encoding="utf-8"))

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in DFC_TEXT_KEYS and isinstance(value, str):
                    node[key] = marker + value
                elif key == "dfc-b:websitePage":
                    node[key] = website
                elif key == "dfc-b:email" and isinstance(value, str):
                    node[key] = marker + value
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(graph)
    return json.dumps(graph, ensure_ascii=False, indent=1)
