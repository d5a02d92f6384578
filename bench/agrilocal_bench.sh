#!/usr/bin/env bash
# agrilocal benchmark: how long `recolte sync` takes to land a big Agrilocal XML export, beside the
# floor of a plain streaming parse of the same bytes by libxml2 (`xmllint --stream --noout`),
# measured in the same run.
#
#   bench/agrilocal_bench.sh                     # 100,000 records
#   RECORDS=20000 bench/agrilocal_bench.sh       # quick check
#
# Environment: RECORDS (default 100000), BUILD (default build-bench; needs bin/recolte and the
# agrilocal plugin: `cmake --build build-bench -j2 --target recolte recolte_connector_agrilocal`),
# OUT (work folder, default bench/out/agrilocal-RECORDS), RESULTS (default
# bench/results/agrilocal-YYYYMMDD.md, with -RECORDSrecords appended when RECORDS is not the
# default), SEED (default 42).
#
# The input is the layout of plugins/agrilocal/FORMAT.md: 60 % consultations (needs), and suppliers
# (producers) with four products (offers) each for the rest; every record is valid, so accepted =
# read = RECORDS.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
RECORDS=${RECORDS:-100000}
SEED=${SEED:-42}
BUILD=${BUILD:-$ROOT/build-bench}
RECOLTE=$BUILD/bin/recolte
PLUGIN=$BUILD/lib/recolte/plugins/libagrilocal.so
OUT=${OUT:-$BENCH_DIR/out/agrilocal-$RECORDS}
STAMP=$(date +%Y%m%d)
if [[ -z "${RESULTS:-}" ]]; then
    RESULTS=$BENCH_DIR/results/agrilocal-$STAMP.md
    [[ "$RECORDS" == 100000 ]] || RESULTS=$BENCH_DIR/results/agrilocal-$STAMP-${RECORDS}records.md
fi
PY=/usr/bin/python3

[[ -x "$RECOLTE" ]] || { echo "missing $RECOLTE: build it first (see bench/README.md)" >&2; exit 1; }
[[ -f "$PLUGIN" ]] || { echo "missing $PLUGIN: cmake --build $BUILD -j2 --target recolte_connector_agrilocal" >&2; exit 1; }
command -v xmllint >/dev/null || { echo "missing xmllint (apt-get install libxml2-utils)" >&2; exit 1; }

rm -rf "$OUT"
mkdir -p "$OUT" "$(dirname "$RESULTS")"

source "$BENCH_DIR/lib.sh"  # timed, fail

echo "== generating $RECORDS records (seed $SEED) into $OUT/export.xml"
"$PY" - "$RECORDS" "$SEED" "$OUT/export.xml" <<'EOF'
import random, sys
from xml.sax.saxutils import escape, quoteattr

records, seed, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(seed)
suppliers = max(1, (records * 2 // 5) // 5)          # each supplier: itself + 4 products
consultations = records - suppliers * 5

PLACES = [("09000", "Foix"), ("09100", "Pamiers"), ("09200", "Saint-Girons"), ("09300", "Lavelanet"),
          ("09500", "Mirepoix"), ("09700", "Saverdun"), ("31560", "Nailloux"), ("31290", "Villefranche-de-Lauragais")]
BUYERS = [("ccas", "CCAS de {}"), ("college", "Collège de {}"), ("ehpad", "EHPAD de {}"), ("commune", "Commune de {}"),
          ("lycee", "Lycée de {}"), ("ecole", "École de {}")]
# (type, designation, unit, price range in cents, packaging)
PRODUCTS = [("légumes", "Carottes", "kg", (80, 250), ""), ("légumes", "Pommes de terre", "kg", (60, 180), "sac de 25 kg"),
            ("légumes", "Poireaux", "botte", (150, 350), "botte de 1 kg"), ("fruits", "Pommes", "kg", (120, 320), ""),
            ("fromage", "Tomme des Pyrénées", "kg", (1400, 2400), ""), ("produits laitiers", "Yaourt nature", "pot", (40, 110), "125 g"),
            ("oeufs", "Œufs plein air", "douzaine", (300, 520), ""), ("viande", "Sauté de bœuf", "kg", (1200, 2200), ""),
            ("légumes secs", "Lentilles vertes", "kg", (300, 600), ""), ("boisson", "Jus de pomme", "bouteille", (180, 400), "1 l")]
STATUSES = ["ouverte"] * 6 + ["attribuee"] * 3 + ["sans-suite"]

def siret(n):
    prefix = f"{100000000 + n * 7919 % 899999999:09d}0001"
    for d in "0123456789":
        s = prefix + d
        total = 0
        for i, ch in enumerate(reversed(s)):
            v = int(ch) * (2 if i % 2 else 1)
            total += v - 9 if v > 9 else v
        if total % 10 == 0:
            return s

def day(offset):
    m, d = divmod(offset, 28)
    return f"{2027 + m // 12}-{m % 12 + 1:02d}-{d + 1:02d}"

with open(path, "w", encoding="utf-8") as out:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<export site="09" genere-le="2026-11-20T06:00:00+01:00">\n')
    out.write("  <consultations>\n")
    for i in range(consultations):
        postcode, city = rng.choice(PLACES)
        kind, buyer = rng.choice(BUYERS)
        ptype, name, unit, _, _ = rng.choice(PRODUCTS)
        start = rng.randrange(0, 200)
        status = rng.choice(STATUSES)
        reason = ' motif="Aucune offre reçue"' if status == "sans-suite" else ""
        out.write(f'    <consultation id="AGL09-{i:07d}">\n'
                  f'      <intitule>{escape(name)} pour {escape(buyer.format(city))}</intitule>\n'
                  f'      <acheteur type="{kind}"><nom>{escape(buyer.format(city))}</nom></acheteur>\n'
                  f'      <produit type={quoteattr(ptype)}>{escape(name)}</produit>\n'
                  f'      <quantite unite="{unit}">{rng.randrange(5, 2000)}</quantite>\n'
                  f'      <livraison debut="{day(start)}" fin="{day(start + rng.randrange(0, 150))}">'
                  f'<lieu><code-postal>{postcode}</code-postal><commune>{escape(city)}</commune></lieu></livraison>\n'
                  f'      <date-limite>2026-12-{rng.randrange(1, 29):02d}T12:00</date-limite>\n'
                  f'      <criteres><critere poids="40">Prix</critere><critere poids="60">Qualité</critere></criteres>\n'
                  f'      <contrat>Marché à bons de commande</contrat>\n'
                  f'      <statut{reason}>{status}</statut>\n'
                  f'    </consultation>\n')
    out.write("  </consultations>\n  <fournisseurs>\n")
    for k in range(suppliers):
        postcode, city = rng.choice(PLACES)
        out.write(f'    <fournisseur siret="{siret(k)}">\n'
                  f'      <nom>Ferme {k:06d} de {escape(city)}</nom>\n'
                  f'      <adresse><rue>{rng.randrange(1, 90)} chemin des Prés</rue><code-postal>{postcode}</code-postal>'
                  f'<commune>{escape(city)}</commune></adresse>\n'
                  f'      <points-de-vente><point-de-vente type="marché" nom="Marché de {escape(city)}"/></points-de-vente>\n'
                  f'      <produits>\n')
        for j, (ptype, name, unit, (lo, hi), packaging) in enumerate(rng.sample(PRODUCTS, 4)):
            price = f"{rng.randrange(lo, hi) / 100:.2f}".replace(".", ",")
            pack = f"<conditionnement>{escape(packaging)}</conditionnement>" if packaging else ""
            out.write(f'        <produit id="P{j}" type={quoteattr(ptype)} labels="AB"><designation>{escape(name)}</designation>'
                      f'<prix unite="{unit}" tva="5,5">{price}</prix>{pack}</produit>\n')
        out.write("      </produits>\n    </fournisseur>\n")
    out.write("  </fournisseurs>\n</export>\n")
EOF
FILE_MB=$(awk -v b="$(stat -c %s "$OUT/export.xml")" 'BEGIN { printf "%.1f", b / 1048576 }')
echo "   $FILE_MB MB"

# (a) The floor: libxml2's own streaming reader over the same bytes, nothing kept.
echo "== (a) xmllint --stream --noout"
timed xmllint_stream xmllint --stream --noout "$OUT/export.xml" || fail "xmllint --stream" xmllint_stream

# (b) recolte sync into a fresh store, (c) the same file again (the bookmark says unchanged).
cat >"$OUT/recolte.yaml" <<EOF
http: {bind: 127.0.0.1, port: 0}
store: {sqlite: $OUT/hub.db}
log: {level: warn}
sources:
  - {name: big, connector: agrilocal, path: $OUT/export.xml}
EOF
for step in sync_fresh sync_unchanged; do
    echo "== $step"
    timed "$step" "$RECOLTE" sync --config "$OUT/recolte.yaml" big || fail "recolte sync ($step)" "$step"
    grep -E '^big: ' "$OUT/$step.out" || { cat "$OUT/$step.out"; fail "no result line ($step)" "$step"; }
done
read_count=$(grep -oE 'read [0-9]+' "$OUT/sync_fresh.out" | head -1 | cut -d' ' -f2)
[[ "$read_count" == "$RECORDS" ]] || { echo "recolte read $read_count records, expected $RECORDS" >&2; exit 1; }

"$PY" - "$OUT" "$RECORDS" "$RESULTS" "$FILE_MB" <<'EOF'
import datetime, os, re, subprocess, sys
out, records, results, file_mb = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

def timing(label):
    wall, rss = open(os.path.join(out, label + ".time")).read().split()[-2:]
    return float(wall), int(rss) / 1024

def sync_line(label):
    for line in open(os.path.join(out, label + ".out"), encoding="utf-8"):
        if line.startswith("big: "):
            return line.strip()
    return ""

floor_s, _ = timing("xmllint_stream")
table = ["| step | records | seconds | records/s | peak RSS MB | × xmllint --stream | sync counts |",
         "|---|---:|---:|---:|---:|---:|---|"]
for label, title in [("xmllint_stream", "(a) xmllint --stream --noout (floor)"),
                     ("sync_fresh", "(b) recolte sync, fresh store"),
                     ("sync_unchanged", "(c) recolte sync, unchanged file")]:
    wall, rss = timing(label)
    counts = dict(re.findall(r"(read|accepted|rejected|added|changed|removed|unchanged) (\d+)", sync_line(label)))
    shown = ", ".join(f"{k} {counts[k]}" for k in ("read", "accepted", "rejected", "added", "unchanged") if k in counts)
    rate = records / wall if wall > 0 else float("inf")
    ratio = wall / floor_s if floor_s > 0 else float("inf")
    table.append(f"| {title} | {records:,} | {wall:.2f} | {rate:,.0f} | {rss:.0f} | {ratio:.2f} | {shown} |")

def cmd(args):
    try:
        return subprocess.run(args, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
xmllint = subprocess.run(["xmllint", "--version"], capture_output=True, text=True).stderr.splitlines()[0]
report = [
    f"# agrilocal benchmark, {datetime.date.today().isoformat()}",
    "",
    f"Machine: {os.cpu_count()} CPUs ({cpu}), load average before the table: {os.getloadavg()[0]:.2f}. {xmllint}.",
    f"Input: a generated Agrilocal export, {records:,} records ({file_mb} MB, UTF-8): 60 % consultations, the rest "
    "suppliers with four products each; every record valid; `bench/agrilocal_bench.sh` holds the generator.",
    "",
    *table,
    "",
    "(a) only parses: libxml2's xmlTextReader over the file, nothing kept. (b) parses with libxml2 SAX2 into one "
    "element tree per record (freed after it), maps each consultation, supplier and product, normalizes and "
    "stores every need, producer and offer in one transaction; (c) fetches and hashes the file, finds the bookmark "
    "unchanged and emits nothing. Ratios divide by the wall time of (a), measured in the same run: compare ratios "
    "between runs, not seconds.",
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
