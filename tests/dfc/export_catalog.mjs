// Writes a small catalogue of Ariège and Haute-Garonne producers with the official DFC connector
// (@datafoodconsortium/connector, connector.export()), then imports it back with the same library
// to prove the file is what DFC tools read. The bioariegegaronne connector's tests sync this file.
//
//   node export_catalog.mjs OUTPUT.jsonld
//
// No taxonomy file is loaded (they are not in the package): units, product types and
// certifications are SKOS concepts named by their IRIs, which is what the exporter writes anyway.
import { writeFileSync } from 'node:fs';
import { Connector, SKOSConcept } from '@datafoodconsortium/connector';

const output = process.argv[2];
if (!output) {
    console.error('usage: node export_catalog.mjs OUTPUT.jsonld');
    process.exit(2);
}

const connector = new Connector();
const MEASURES = 'https://github.com/datafoodconsortium/taxonomies/releases/latest/download/measures.rdf#';
const PRODUCT_TYPES = 'https://github.com/datafoodconsortium/taxonomies/releases/latest/download/productTypes.rdf#';
const FACETS = 'https://github.com/datafoodconsortium/taxonomies/releases/latest/download/facets.rdf#';
const BASE = 'https://bio-ariege-garonne.example/api/dfc';

const concept = (iri) => new SKOSConcept({ connector, semanticId: iri, doNotStore: true });
const unit = (name) => concept(MEASURES + name);
const productType = (name) => concept(PRODUCT_TYPES + name);
const certification = (name) => concept(FACETS + name);
const euro = unit('Euro');

function enterprise({ id, name, description, street, postalCode, city, email, phone, website }) {
    const address = connector.createAddress({
        semanticId: `${BASE}/addresses/${id}`, street, postalCode, city,
    });
    const e = connector.createEnterprise({
        semanticId: `${BASE}/enterprises/${id}`, name, description, localizations: [address],
    });
    if (email) e.addEmailAddress(email);
    if (website) e.addWebsite(website);
    // Referenced objects are exported only when passed to export(): `extra` collects them.
    const extra = [address];
    if (phone) {
        const number = connector.createPhoneNumber({
            semanticId: `${BASE}/enterprises/${id}/phone`, countryCode: 33, phoneNumber: phone,
        });
        e.addPhoneNumber(number);
        extra.push(number);
    }
    return { enterprise: e, extra };
}

// One product on sale: SuppliedProduct + CatalogItem + Offer with its Price.
function item(owner, { id, name, description, type, quantity, weight, volume, price, vat, certifications, stock }) {
    const physicalCharacteristics = [];
    if (weight) {
        physicalCharacteristics.push(connector.createPhysicalCharacteristic({
            value: weight.value, unit: unit(weight.unit), physicalDimension: unit('Weight'),
        }));
    }
    if (volume) {
        physicalCharacteristics.push(connector.createPhysicalCharacteristic({
            value: volume.value, unit: unit(volume.unit), physicalDimension: unit('Volume'),
        }));
    }
    const product = connector.createSuppliedProduct({
        semanticId: `${BASE}/supplied_products/${id}`,
        name,
        description,
        productType: productType(type),
        quantity: connector.createQuantity({ value: quantity.value, unit: unit(quantity.unit) }),
        certifications: (certifications || []).map(certification),
        physicalCharacteristics,
    });
    const offer = connector.createOffer({
        semanticId: `${BASE}/offers/${id}`,
        price: connector.createPrice({ value: price, vatRate: vat, unit: euro }),
        stockLimitation: stock,
    });
    const catalogItem = connector.createCatalogItem({
        semanticId: `${BASE}/catalog_items/${id}`, product, sku: `BAG-${id}`, offers: [offer], stockLimitation: stock,
    });
    offer.setOfferedItem(catalogItem);
    owner.supplyProduct(product);
    owner.manageCatalogItem(catalogItem);
    return [product, catalogItem, offer];
}

const couserans = enterprise({
    id: 'ferme-du-couserans', name: 'Ferme du Couserans', description: 'Maraîchage et volailles en agriculture biologique',
    street: '12 chemin du Moulin', postalCode: '09200', city: 'Saint-Girons',
    email: 'contact@ferme-du-couserans.example', phone: '0561662233', website: 'https://ferme-du-couserans.example',
});
// The DFC ontology has no SIRET property: platforms add their own. The connector accepts any
// property named "siret" (see plugins/bioariegegaronne/FORMAT.md).
couserans.enterprise.setSemanticPropertyLiteral('dfc-b:siret', '81234567600017');
const fronton = enterprise({
    id: 'domaine-de-la-colombiere', name: 'Domaine de la Colombière', description: 'Vins de Fronton',
    street: '5 route de Vacquiers', postalCode: '31620', city: 'Fronton',
});

const objects = [couserans.enterprise, ...couserans.extra, fronton.enterprise, ...fronton.extra];
objects.push(
    ...item(couserans.enterprise, {
        id: 'carottes', name: 'Carottes', description: 'Carottes des sables, lavées', type: 'carrot',
        quantity: { value: 1, unit: 'Kilogram' }, price: 2.4, vat: 5.5, certifications: ['Organic-AB', 'Organic-EU'], stock: 40,
    }),
    ...item(couserans.enterprise, {
        id: 'pommes-de-terre', name: 'Pommes de terre Agata', type: 'potato',
        quantity: { value: 5, unit: 'Kilogram' }, price: 7.5, vat: 5.5, certifications: ['Organic-AB'], stock: 12,
    }),
    ...item(couserans.enterprise, {
        id: 'oeufs', name: 'Œufs fermiers', type: 'egg',
        quantity: { value: 1, unit: 'HalfDozen' }, price: 2.1, vat: 5.5, certifications: ['Organic-EU'], stock: 30,
    }),
    ...item(couserans.enterprise, {
        id: 'poulet', name: 'Poulet fermier Label Rouge', type: 'chicken',
        quantity: { value: 1, unit: 'Piece' }, weight: { value: 1.8, unit: 'Kilogram' }, price: 16.2, vat: 5.5,
        certifications: ['RedLabel_FR'], stock: 8,
    }),
    ...item(couserans.enterprise, {
        id: 'tomme', name: 'Tomme des Pyrénées', type: 'mature-cheese',
        quantity: { value: 500, unit: 'Gram' }, price: 9.25, vat: 5.5, certifications: ['IGP_EU'], stock: 15,
    }),
    ...item(fronton.enterprise, {
        id: 'fronton-rouge', name: 'Fronton rouge 2022', type: 'wine',
        quantity: { value: 1, unit: 'Bottle' }, volume: { value: 75, unit: 'Centilitre' }, price: 9.5, vat: 20,
        certifications: ['AOC_FR', 'HEV'], stock: 60,
    }),
    ...item(fronton.enterprise, {
        id: 'jus-de-raisin', name: 'Jus de raisin', type: 'fruit-juice',
        quantity: { value: 1, unit: 'Litre' }, price: 3.2, vat: 5.5, certifications: ['NatureEtProgres'], stock: 24,
    }),
);

// A point of sale: the Saturday market, run by the Ferme du Couserans.
const marketAddress = connector.createAddress({
    semanticId: `${BASE}/addresses/marche-saint-girons`, street: 'Place des Poilus', postalCode: '09200', city: 'Saint-Girons',
});
const saturday = connector.createOpeningHoursSpecification({
    semanticId: `${BASE}/places/marche-saint-girons/hours/saturday`, dayOfWeek: 'Saturday', opens: '08:00', closes: '13:00',
});
const market = connector.createPhysicalPlace({
    semanticId: `${BASE}/places/marche-saint-girons`, name: 'Marché de Saint-Girons', address: marketAddress,
});
market.addMainContact(couserans.enterprise);
market.addOpeningHour(saturday);
objects.push(market, marketAddress, saturday);

const json = await connector.export(objects);
writeFileSync(output, json);

// Round trip through the same library: the file must be a catalogue DFC tools read.
const imported = await connector.import(json);
const items = imported.filter((o) => String(o.getSemanticType()).endsWith('CatalogItem'));
if (items.length !== 7) {
    console.error(`re-import gave ${items.length} catalog items, expected 7`);
    process.exit(1);
}
console.log(`${output}: ${imported.length} objects, ${items.length} catalog items`);
