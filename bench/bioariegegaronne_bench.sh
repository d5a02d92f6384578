#!/usr/bin/env bash
# DFC catalogue benchmark: how long `recolte sync` takes to land a big DFC JSON-LD catalogue with
# the bioariegegaronne connector, against a plain parse of the same bytes by Python's json module
# (C accelerated), measured in the same run.
#
#   bench/bioariegegaronne_bench.sh                # 100,000 catalog items (about a minute)
#   ITEMS=10000 bench/bioariegegaronne_bench.sh    # quick check
#
# Environment: ITEMS (default 100000), BUILD (default build-bench), OUT (work folder, default
# bench/out/bioariegegaronne-ITEMS), RESULTS (default bench/results/bioariegegaronne-YYYYMMDD.md,
# with -ITEMSitems appended when ITEMS is not the default), SEED (default 42).
#
# The catalogue is written as the official DFC connector writes one: an @graph of enterprises,
# addresses, catalog items, supplied products, offers, and blank-node prices and quantities
# referenced by id, numbers as strings. 5 nodes per item, about 1.1 kB per item.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
ITEMS=${ITEMS:-100000}
SEED=${SEED:-42}
BUILD=${BUILD:-$ROOT/build-bench}
RECOLTE=$BUILD/bin/recolte
OUT=${OUT:-$BENCH_DIR/out/bioariegegaronne-$ITEMS}
STAMP=$(date +%Y%m%d)
if [[ -z "${RESULTS:-}" ]]; then
    RESULTS=$BENCH_DIR/results/bioariegegaronne-$STAMP.md
    [[ "$ITEMS" == 100000 ]] || RESULTS=$BENCH_DIR/results/bioariegegaronne-$STAMP-${ITEMS}items.md
fi
PY=/usr/bin/python3

[[ -x "$RECOLTE" ]] || { echo "missing $RECOLTE: build it first (see bench/README.md; target recolte_connector_bioariegegaronne too)" >&2; exit 1; }
[[ -f "$BUILD/lib/recolte/plugins/libbioariegegaronne.so" ]] || { echo "missing the bioariegegaronne plugin in $BUILD" >&2; exit 1; }

rm -rf "$OUT"
mkdir -p "$OUT" "$(dirname "$RESULTS")"

source "$BENCH_DIR/lib.sh"  # timed, fail

echo "== generating $ITEMS catalog items (seed $SEED) into $OUT"
"$PY" - "$ITEMS" "$SEED" "$OUT/catalogue.jsonld" <<'EOF'
import json, random, sys

items, seed, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rnd = random.Random(seed)
BASE = "https://bench.example/api/dfc"
towns = [("09000", "Foix"), ("09100", "Pamiers"), ("09200", "Saint-Girons"), ("09300", "Lavelanet"),
         ("31000", "Toulouse"), ("31410", "Lavernose-Lacasse"), ("31560", "Nailloux"), ("31620", "Fronton"),
         ("11270", "Fanjeaux"), ("11300", "Limoux")]
products = [("Carottes", "carrot"), ("Pommes de terre", "potato"), ("Tomates", "tomato"), ("Courgettes", "courgette"),
            ("Poireaux", "leek"), ("Salade batavia", "lettuce"), ("Pommes", "apples"), ("Poires", "pear"),
            ("Miel de montagne", "honey"), ("Tomme des Pyrénées", "mature-cheese"), ("Yaourt de brebis", "sheep-natural-yogurt"),
            ("Œufs", "egg"), ("Jus de pomme", "fruit-juice"), ("Farine T80", "flour"), ("Lentilles vertes", "lentils")]
quantities = [("1", "Kilogram"), ("500", "Gram"), ("5", "Kilogram"), ("1", "Piece"), ("1", "HalfDozen"),
              ("1", "Litre"), ("1", "Jar"), ("250", "Gram"), ("1", "Bunch"), ("75", "Centilitre")]
certifications = [[], ["dfc-f:Organic-AB", "dfc-f:Organic-EU"], ["dfc-f:Organic-EU"], ["dfc-f:RedLabel_FR"],
                  ["dfc-f:IGP_EU"], ["dfc-f:HEV"], ["dfc-f:AOC_FR"]]

def luhn_siret(n):
    body = f"{n:013d}"
    for last in range(10):
        s = body + str(last)
        total = 0
        for i, c in enumerate(reversed(s)):
            d = int(c) * (2 if i % 2 else 1)
            total += d - 9 if d > 9 else d
        if total % 10 == 0:
            return s

enterprises = max(1, items // 200)
graph = []
managed = {e: [] for e in range(enterprises)}
blank = 0
for i in range(items):
    e = rnd.randrange(enterprises)
    name, ptype = rnd.choice(products)
    value, unit = rnd.choice(quantities)
    blank += 2
    q, p = f"_:b{blank - 1}", f"_:b{blank}"
    managed[e].append(f"{BASE}/catalog_items/{i}")
    graph.append({"@id": q, "@type": "dfc-b:QuantitativeValue", "dfc-b:hasUnit": f"dfc-m:{unit}", "dfc-b:value": value})
    graph.append({"@id": p, "@type": "dfc-b:Price", "dfc-b:VATrate": "5.5", "dfc-b:hasUnit": "dfc-m:Euro",
                  "dfc-b:value": f"{rnd.randint(50, 4000) / 100:.2f}"})
    graph.append({"@id": f"{BASE}/catalog_items/{i}", "@type": "dfc-b:CatalogItem",
                  "dfc-b:offeredThrough": f"{BASE}/offers/{i}", "dfc-b:references": f"{BASE}/supplied_products/{i}",
                  "dfc-b:sku": f"SKU-{i}", "dfc-b:stockLimitation": str(rnd.randint(0, 500))})
    graph.append({"@id": f"{BASE}/offers/{i}", "@type": "dfc-b:Offer", "dfc-b:hasPrice": p,
                  "dfc-b:offeredItem": {"@id": f"{BASE}/catalog_items/{i}"}})
    product = {"@id": f"{BASE}/supplied_products/{i}", "@type": "dfc-b:SuppliedProduct",
               "dfc-b:description": f"{name} de la ferme n°{e}", "dfc-b:hasQuantity": q,
               "dfc-b:hasType": f"dfc-pt:{ptype}", "dfc-b:name": f"{name} {i}"}
    certs = rnd.choice(certifications)
    if certs:
        product["dfc-b:hasCertification"] = certs if len(certs) > 1 else certs[0]
    graph.append(product)
for e in range(enterprises):
    postcode, city = towns[e % len(towns)]
    graph.append({"@id": f"{BASE}/addresses/{e}", "@type": "dfc-b:Address", "dfc-b:hasCity": city,
                  "dfc-b:hasPostalCode": postcode, "dfc-b:hasStreet": f"{e} chemin des Producteurs"})
    graph.append({"@id": f"{BASE}/enterprises/{e}", "@type": "dfc-b:Enterprise", "dfc-b:hasAddress": f"{BASE}/addresses/{e}",
                  "dfc-b:manages": managed[e], "dfc-b:name": f"Ferme n°{e}", "dfc-b:siret": luhn_siret(812345676000 + e)})
doc = {"@context": "https://www.datafoodconsortium.org/wp-content/plugins/wordpress-context-jsonld/context_1.16.0.jsonld",
       "@graph": graph}
with open(path, "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
EOF
FILE_MB=$(awk -v b="$(stat -c %s "$OUT/catalogue.jsonld")" 'BEGIN { printf "%.1f", b / 1048576 }')
echo "   $FILE_MB MB"

echo "== (a) python3 json.load (the reference)"
timed json_load "$PY" -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$OUT/catalogue.jsonld" \
    || fail "json.load" json_load

cat >"$OUT/recolte.yaml" <<EOF
http: {bind: 127.0.0.1, port: 0}
store: {sqlite: $OUT/hub.db}
plugins: $BUILD/lib/recolte/plugins
log: {level: warn}
sources:
  - {name: dfc, connector: bioariegegaronne, path: $OUT/catalogue.jsonld}
EOF

sync_step() {  # LABEL
    echo "== $1"
    timed "$1" "$RECOLTE" sync --config "$OUT/recolte.yaml" dfc || fail "recolte sync ($1)" "$1"
    grep -E '^dfc: ' "$OUT/$1.out" || { cat "$OUT/$1.out"; fail "no result line ($1)" "$1"; }
}
sync_step sync_fresh
sync_step sync_unchanged

"$PY" - "$OUT" "$ITEMS" "$RESULTS" "$FILE_MB" <<'EOF'
import datetime, os, re, subprocess, sys
out, items, results, file_mb = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

def timing(label):
    wall, rss = open(os.path.join(out, label + ".time")).read().split()[-2:]
    return float(wall), int(rss) / 1024

def sync_line(label):
    for line in open(os.path.join(out, label + ".out"), encoding="utf-8"):
        if line.startswith("dfc: "):
            return line.strip()
    return ""

def counts(line):
    return {k: int(v) for k, v in re.findall(r"(read|accepted|rejected|added|changed|removed|unchanged) (\d+)", line)}

ref_s, _ = timing("json_load")
steps = [("json_load", "(a) python3 json.load (reference)", False),
         ("sync_fresh", "(b) recolte sync, fresh store", True),
         ("sync_unchanged", "(c) recolte sync, unchanged file", True)]
table = ["| step | items | seconds | items/s | peak RSS MB | × json.load | sync counts |",
         "|---|---:|---:|---:|---:|---:|---|"]
for label, title, is_sync in steps:
    wall, rss = timing(label)
    c = counts(sync_line(label)) if is_sync else {}
    shown = ", ".join(f"{k} {c[k]}" for k in ("read", "accepted", "rejected", "added", "unchanged") if k in c)
    rate = items / wall if wall > 0 else float("inf")
    table.append(f"| {title} | {items:,} | {wall:.2f} | {rate:,.0f} | {rss:.0f} | {wall / ref_s:.2f} | {shown} |")

fresh = counts(sync_line("sync_fresh"))
if fresh.get("accepted") != items:
    sys.exit(f"the fresh sync accepted {fresh.get('accepted')} items, expected {items}")
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
py = subprocess.run(["/usr/bin/python3", "--version"], capture_output=True, text=True).stdout.strip()
report = [
    f"# DFC catalogue benchmark (bioariegegaronne), {datetime.date.today().isoformat()}",
    "",
    f"Machine: {os.cpu_count()} CPUs ({cpu}), load average before the table: {os.getloadavg()[0]:.2f}. {py}.",
    f"Input: {items:,} catalog items in one DFC JSON-LD document written like the official connector's export "
    f"({file_mb} MB, @graph of 5 nodes per item plus enterprises and addresses).",
    "",
    *table,
    "",
    "Ratios divide by the wall time of (a), measured in the same run: compare ratios between runs, not seconds.",
    "(a) only parses the bytes into Python objects; (b) also parses them (sdk::json), resolves the JSON-LD",
    "references, maps units, labels and producers, normalizes, hashes and stores every offer in one transaction;",
    "(c) reads and hashes the file and finds the bookmark unchanged.",
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
