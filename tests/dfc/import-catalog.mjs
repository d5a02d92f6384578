// Imports a DFC catalogue with the official DFC connector (@datafoodconsortium/connector,
// connector.import(), offline: the 1.16 context is bundled in the package) and prints what it read
// as JSON, so that a test can compare it with the hub's JSON API:
//   {"products": [{"id", "name", "sku", "price", "vat", "unit", "enterprise"}...], "enterprises": N}
//
//   node import-catalog.mjs CATALOG.jsonld
//
// Each SuppliedProduct is followed the way a DFC platform does: its CatalogItem (referencedBy),
// the item's Offer (offeredThrough), the offer's Price; and the Enterprise that supplies it.
import { readFileSync } from 'node:fs';
import { Connector } from '@datafoodconsortium/connector';

const input = process.argv[2];
if (!input) {
    console.error('usage: node import-catalog.mjs CATALOG.jsonld');
    process.exit(2);
}

const DFC_B = 'https://github.com/datafoodconsortium/ontology/releases/latest/download/DFC_BusinessOntology.owl#';
const connector = new Connector();
// Offline: anything not in the document is a failure, never a download.
connector.setDefaultFetchFunction(async (id) => { throw new Error(`not in the document: ${id}`); });

const objects = await connector.import(readFileSync(input, 'utf8'));
const ofType = (name) => objects.filter((o) => o.isSemanticTypeOf(DFC_B + name));

const supplier = new Map();
for (const enterprise of ofType('Enterprise')) {
    for (const product of await enterprise.getSuppliedProducts()) supplier.set(product.getSemanticId(), enterprise.getName());
}

const products = [];
for (const product of ofType('SuppliedProduct')) {
    const items = await product.getCatalogItems();
    if (items.length !== 1) throw new Error(`${product.getSemanticId()}: ${items.length} catalog items`);
    const offers = await items[0].getOfferers();
    if (offers.length !== 1) throw new Error(`${product.getSemanticId()}: ${offers.length} offers`);
    const price = offers[0].getPrice();
    // The unit's IRI as written: following it would need the measures taxonomy (not bundled).
    const unit = price.getSemanticProperty('dfc-b:hasUnit');
    products.push({
        id: product.getSemanticId(),
        name: product.getName(),
        sku: items[0].getSku(),
        price: price.getQuantityValue(),
        vat: price.getVatRate(),
        unit: unit ?? null,
        enterprise: supplier.get(product.getSemanticId()) ?? null,
    });
}
console.log(JSON.stringify({ products, enterprises: ofType('Enterprise').length }));
