#!/usr/bin/env bash
# mangerbio benchmark: how long `recolte sync` takes to land a big Socleo catalogue export, beside
# the floor of landing the same bytes in SQLite with the sqlite3 shell, measured in the same run.
#
#   bench/mangerbio_bench.sh                   # 100,000 rows
#   ROWS=20000 bench/mangerbio_bench.sh        # quick check
#
# Environment: ROWS (default 100000), BUILD (default build-bench; needs bin/recolte and the
# mangerbio plugin: `cmake --build build-bench -j2 --target recolte recolte_connector_mangerbio`),
# OUT (work folder, default bench/out/mangerbio-ROWS), RESULTS (default
# bench/results/mangerbio-YYYYMMDD.md, with -ROWSrows appended when ROWS is not the default),
# SEED (default 42).
#
# The input is what Socleo writes: Windows-1252, CRLF, ';', Socleo's headers and codes (U/K, TVA
# codes, B/C2, [EU][AB] logos, EAN-13 with their check digit), a few hundred producers, some with a
# SIRET column filled and some without. Every row is valid, so accepted = read.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
ROWS=${ROWS:-100000}
SEED=${SEED:-42}
BUILD=${BUILD:-$ROOT/build-bench}
RECOLTE=$BUILD/bin/recolte
PLUGIN=$BUILD/lib/recolte/plugins/libmangerbio.so
OUT=${OUT:-$BENCH_DIR/out/mangerbio-$ROWS}
STAMP=$(date +%Y%m%d)
if [[ -z "${RESULTS:-}" ]]; then
    RESULTS=$BENCH_DIR/results/mangerbio-$STAMP.md
    [[ "$ROWS" == 100000 ]] || RESULTS=$BENCH_DIR/results/mangerbio-$STAMP-${ROWS}rows.md
fi
PY=/usr/bin/python3

[[ -x "$RECOLTE" ]] || { echo "missing $RECOLTE: build it first (see bench/README.md)" >&2; exit 1; }
[[ -f "$PLUGIN" ]] || { echo "missing $PLUGIN: cmake --build $BUILD -j2 --target recolte_connector_mangerbio" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "missing sqlite3 (apt-get install sqlite3)" >&2; exit 1; }

rm -rf "$OUT"
mkdir -p "$OUT" "$(dirname "$RESULTS")"

source "$BENCH_DIR/lib.sh"  # timed, fail

echo "== generating $ROWS Socleo rows (seed $SEED) into $OUT/catalogue.csv"
"$PY" - "$ROWS" "$SEED" "$OUT/catalogue.csv" <<'EOF'
import random, sys

rows, seed, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(seed)
HEADER = ["Référence", "Code Producteur", "Libellé Producteur", "SIRET", "Adresse", "Code postal", "Ville",
          "Type produit", "Famille", "Code Agriculture", "Libellé Agriculture", "Désignation", "Prix",
          "Unité de prix", "TVA", "Référence EAN 13", "Unité de gestion", "Colisage",
          "Délai de commande (jours)", "Quantité disponible", "Logos", "Origine production"]
PLACES = [("09000", "Foix", "Ariège"), ("09100", "Pamiers", "Ariège"), ("09200", "Saint-Girons", "Ariège"),
          ("09500", "Mirepoix", "Ariège"), ("31560", "Nailloux", "Haute-Garonne"), ("31250", "Revel", "Haute-Garonne"),
          ("31800", "Saint-Gaudens", "Haute-Garonne"), ("11300", "Limoux", "Aude"), ("11400", "Castelnaudary", "Aude"),
          ("11270", "Fanjeaux", "Aude"), ("32000", "Auch", "Gers"), ("81000", "Albi", "Tarn"), ("82000", "Montauban", "Tarn-et-Garonne")]
# (type, family, name, unit, handling unit, colisage, TVA code)
PRODUCTS = [("Légumes", "Légumes racines", "Carottes", "K", "Cagette", "10", "1"),
            ("Légumes", "Légumes fruits", "Courgettes", "K", "Cagette", "6", "1"),
            ("Légumes", "Salades", "Salade batavia", "U", "Colis", "12", "1"),
            ("Légumes", "Pommes de terre", "Pommes de terre", "K", "Sac", "25", "1"),
            ("Fruits", "Pommes", "Pommes Golden", "K", "Cagette", "6", "1"),
            ("Fruits", "Poires", "Poires Conférence", "K", "Cagette", "6", "1"),
            ("Produits laitiers", "Fromages", "Tomme des Pyrénées", "K", "Pièce", "", "1"),
            ("Produits laitiers", "Yaourts", "Yaourt nature 125 g", "U", "Colis", "12", "1"),
            ("Produits laitiers", "Beurre", "Beurre doux", "U", "Plaquette 250 g", "", "1"),
            ("Légumes secs", "Lentilles", "Lentilles vertes", "K", "Sac", "5", "1"),
            ("Épicerie", "Miels", "Miel toutes fleurs", "U", "Pot 500 g", "", "1"),
            ("Épicerie", "Huiles", "Huile de tournesol", "U", "Bouteille 1 L", "", "1"),
            ("Boissons", "Jus de fruits", "Jus de pomme", "U", "Carton", "6", "1"),
            ("Boissons", "Vins", "Vin rouge", "U", "Carton", "6", "3"),
            ("Viande", "Veau", "Sauté de veau", "K", "Colis", "5", "1"),
            ("Œufs", "Œufs", "Boîte de 6 œufs", "U", "Boîte", "", "1")]
VARIETIES = ["", " bio", " extra", " de plein champ", " fermier", " du Lauragais", " des Pyrénées", " d'Ariège"]

def luhn_siret(prefix13):
    for d in "0123456789":
        s = prefix13 + d
        total = 0
        for i, ch in enumerate(reversed(s)):
            n = int(ch) * (2 if i % 2 else 1)
            total += n - 9 if n > 9 else n
        if total % 10 == 0:
            return s

def ean13(p12):
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(p12))
    return p12 + str((10 - s % 10) % 10)

producers = []
for k in range(max(1, min(600, rows // 150))):
    place = rng.choice(PLACES)
    siret = luhn_siret(str(rng.randrange(100000000, 999999999)) + "0001") if rng.random() < 0.7 else ""
    producers.append((f"P{k:04d}", f"Ferme {k:04d} de {place[1]}", siret, f"{rng.randrange(1, 90)} chemin des Prés", place))

with open(path, "w", encoding="cp1252", newline="") as out:
    out.write(";".join(HEADER) + "\r\n")
    for i in range(rows):
        code, name, siret, street, (postcode, city, origin) = producers[rng.randrange(len(producers))]
        ptype, family, product, unit, handling, colisage, vat = PRODUCTS[rng.randrange(len(PRODUCTS))]
        organic = rng.random() < 0.6
        agri = ("B", "Biologique", "[EU][AB]") if organic else (("C2", "Conversion", "") if rng.random() < 0.2
                                                                 else ("", "Conventionnelle", rng.choice(["", "[LR]", "[IGP]"])))
        price = f"{rng.randrange(50, 3000) / 100:.2f}".replace(".", ",")
        ean = ean13(f"376{rng.randrange(10**8, 10**9)}") if rng.random() < 0.3 else ""
        row = [f"MB-{i:07d}", code, name, siret, street, postcode, city, ptype, family, agri[0], agri[1],
               product + rng.choice(VARIETIES), price, unit, vat, ean, handling, colisage,
               str(rng.randrange(1, 8)), str(rng.randrange(0, 500)), agri[2], origin]
        out.write(";".join(row) + "\r\n")
EOF
FILE_MB=$(awk -v b="$(stat -c %s "$OUT/catalogue.csv")" 'BEGIN { printf "%.1f", b / 1048576 }')
echo "   $FILE_MB MB"

# (a) The floor: the sqlite3 shell landing the same bytes in a fresh database.
echo "== (a) sqlite3 .import"
timed sqlite_import sqlite3 "$OUT/floor.db" -cmd ".mode csv" -cmd ".separator ;" ".import $OUT/catalogue.csv t" \
    || fail "sqlite3 import" sqlite_import
imported=$(sqlite3 "$OUT/floor.db" "SELECT count(*) FROM t")
[[ "$imported" == "$ROWS" ]] || { echo "sqlite3 imported $imported rows, expected $ROWS" >&2; exit 1; }

# (b) recolte sync into a fresh store, (c) the same file again (the bookmark says unchanged).
cat >"$OUT/recolte.yaml" <<EOF
http: {bind: 127.0.0.1, port: 0}
store: {sqlite: $OUT/hub.db}
log: {level: warn}
sources:
  - {name: big, connector: mangerbio, path: $OUT/catalogue.csv}
EOF
for step in sync_fresh sync_unchanged; do
    echo "== $step"
    timed "$step" "$RECOLTE" sync --config "$OUT/recolte.yaml" big || fail "recolte sync ($step)" "$step"
    grep -E '^big: ' "$OUT/$step.out" || { cat "$OUT/$step.out"; fail "no result line ($step)" "$step"; }
done

"$PY" - "$OUT" "$ROWS" "$RESULTS" "$FILE_MB" <<'EOF'
import datetime, os, re, subprocess, sys
out, rows, results, file_mb = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

def timing(label):
    wall, rss = open(os.path.join(out, label + ".time")).read().split()[-2:]
    return float(wall), int(rss) / 1024

def sync_line(label):
    for line in open(os.path.join(out, label + ".out"), encoding="utf-8"):
        if line.startswith("big: "):
            return line.strip()
    return ""

floor_s, _ = timing("sqlite_import")
table = ["| step | records | seconds | records/s | peak RSS MB | × sqlite import | sync counts |",
         "|---|---:|---:|---:|---:|---:|---|"]
for label, title in [("sqlite_import", "(a) sqlite3 .import (floor)"),
                     ("sync_fresh", "(b) recolte sync, fresh store"),
                     ("sync_unchanged", "(c) recolte sync, unchanged file")]:
    wall, rss = timing(label)
    counts = dict(re.findall(r"(read|accepted|rejected|added|changed|removed|unchanged) (\d+)", sync_line(label)))
    shown = ", ".join(f"{k} {counts[k]}" for k in ("read", "accepted", "rejected", "added", "unchanged") if k in counts)
    rate = rows / wall if wall > 0 else float("inf")
    table.append(f"| {title} | {rows:,} | {wall:.2f} | {rate:,.0f} | {rss:.0f} | {wall / floor_s:.2f} | {shown} |")

def cmd(args):
    try:
        return subprocess.run(args, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
report = [
    f"# mangerbio benchmark, {datetime.date.today().isoformat()}",
    "",
    f"Machine: {os.cpu_count()} CPUs ({cpu}), load average before the table: {os.getloadavg()[0]:.2f}. "
    f"sqlite3 {cmd(['sqlite3', '--version']).split(' ')[0]}.",
    f"Input: a generated Socleo catalogue export, {rows:,} rows ({file_mb} MB, Windows-1252, CRLF, ';'), "
    "every row valid; `bench/mangerbio_bench.sh` holds the generator.",
    "",
    *table,
    "",
    "(b) includes decoding Windows-1252, mapping Socleo's codes, normalizing and storing every offer and its "
    "producer; (c) fetches and hashes the file, finds the bookmark unchanged and emits nothing. Ratios divide "
    "by the wall time of (a), measured in the same run: compare ratios between runs, not seconds.",
    "",
    "Result lines printed by `recolte sync`:",
    "",
    "```",
    *(sync_line(l) for l in ("sync_fresh", "sync_unchanged")),
    "```",
    "",
]
text = "\n".join(report)
print()
print(text)
with open(results, "w", encoding="utf-8") as f:
    f.write(text)
print(f"written to {results}")
EOF
