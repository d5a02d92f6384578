// Browser tests of the HTML pages (issue 5, "Done when"): Debian's chromium, driven by
// playwright-core, against the real daemon serving a temp copy of the bundled samples plus two
// sources whose records are named like attacks. They search, filter, open an offer, a producer, a
// need and its matching offers, and a source's rejects; every page must show the hostile names as
// text (no dialog, no injected element, no CSP violation), fit a 360 px screen without sideways
// scrolling, and is saved as a screenshot at desktop and phone width.
//
// Environment: RECOLTE_BINARY (the recolte executable), RECOLTE_SOURCE_DIR (the repository),
// RECOLTE_E2E_OUTPUT (where screenshots go; default build/test-output/e2e).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SOURCE_DIR = process.env.RECOLTE_SOURCE_DIR || path.resolve(HERE, '../..');
const BINARY = process.env.RECOLTE_BINARY || path.join(SOURCE_DIR, 'build/bin/recolte');
const OUTPUT = process.env.RECOLTE_E2E_OUTPUT || path.join(SOURCE_DIR, 'build/test-output/e2e');
const SAMPLES = path.join(SOURCE_DIR, 'data/samples');

// The flags of /work/shared/STACK-NOTES.md; the user-data-dir is a fresh temp folder per run.
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=fr-FR'];
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 740 };
const MAX_SHOT_HEIGHT = 12000;  // a long phone page is cut there: enough to judge the layout

// Hostile names, each must come out as text.
const XSS = {
  offerScript: '<script>alert(1)</script>',
  offerImg: '<img src=x onerror=alert(2)>',
  rejectScript: '<script>alert(3)</script>',
  producerImg: '<img src=x onerror=alert(4)>',
  needScript: '<script>alert(5)</script>',
  buyerImg: '<img src=x onerror=alert(6)>',
};

const SOURCES = ['ferme-du-couserans', 'cooperative-lauragais', 'mangerbio-occitanie', 'agrilocal-09', 'hostile',
  'agrilocal-e2e'];

let workDir;
let profileDir;
let daemon;
let daemonLog = '';
let base;
let context;
let page;
const dialogs = [];
const cspViolations = [];
const pageErrors = [];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function writeWorkspace(dir) {
  const data = path.join(dir, 'data');
  fs.mkdirSync(data, { recursive: true });
  for (const f of ['ferme-du-couserans.csv', 'cooperative-lauragais.csv', 'mangerbio-occitanie.csv', 'agrilocal-09.xml'])
    fs.copyFileSync(path.join(SAMPLES, f), path.join(data, f));
  // A price list whose product names are attacks; the last row is refused and its excerpt is one too.
  fs.writeFileSync(path.join(data, 'hostile.csv'), [
    'Référence;Produit;Catégorie;Prix HT;Unité;Conditionnement;TVA;Labels;Disponible du;Disponible au',
    `H-1;${XSS.offerScript};Légumes;2,50;kg;;5,5;AB;;`,
    `H-2;${XSS.offerImg};Légumes;3,10;kg;;5,5;HVE;2026-01-01;2099-12-31`,
    `H-3;${XSS.rejectScript};Légumes;pas un prix;kg;;5,5;;;`,
    '',
  ].join('\n'));
  // An open need far in the future (the bundled sample's deadlines pass), titled like an attack.
  fs.writeFileSync(path.join(data, 'agrilocal-e2e.xml'), `<?xml version="1.0" encoding="UTF-8"?>
<export site="09" genere-le="2026-11-20T06:00:00+01:00" version="1">
  <consultations>
    <consultation id="E2E-1">
      <intitule>${xmlText(XSS.needScript)} Légumes pour la cantine</intitule>
      <acheteur siret="26090012300019" type="ccas"><nom>${xmlText(XSS.buyerImg)}</nom></acheteur>
      <produit type="légumes">Légumes de saison</produit>
      <quantite unite="kg">300</quantite>
      <livraison debut="2099-01-04" fin="2099-03-31">
        <lieu><rue>1 rue du Palais</rue><code-postal>09000</code-postal><commune>Foix</commune></lieu>
      </livraison>
      <date-limite>2098-12-15T12:00</date-limite>
      <contrat>Commande ponctuelle</contrat>
      <statut>ouverte</statut>
    </consultation>
  </consultations>
</export>
`);
  const config = `http: {bind: 127.0.0.1, port: 0}
store: {sqlite: ${path.join(dir, 'hub.db')}}
log: {level: warn}
sources:
  - name: ferme-du-couserans
    connector: csv
    path: data/ferme-du-couserans.csv
    producer_name: Ferme du Couserans
    producer_siret: "81234567600017"
    producer_street: Le Bourg
    producer_postcode: "09200"
    producer_city: Saint-Girons
  - name: cooperative-lauragais
    connector: csv
    path: data/cooperative-lauragais.csv
  - name: mangerbio-occitanie
    connector: mangerbio
    path: data/mangerbio-occitanie.csv
  - name: agrilocal-09
    connector: agrilocal
    path: data/agrilocal-09.xml
  - name: hostile
    connector: csv
    path: data/hostile.csv
    producer_name: "${XSS.producerImg} Ferme"
    producer_postcode: "09000"
    producer_city: Foix
  - name: agrilocal-e2e
    connector: agrilocal
    path: data/agrilocal-e2e.xml
`;
  fs.writeFileSync(path.join(dir, 'recolte.yaml'), config);
  return path.join(dir, 'recolte.yaml');
}

function xmlText(s) {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

async function waitForSync(timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (daemon.exitCode !== null) throw new Error(`daemon exited with ${daemon.exitCode}:\n${daemonLog}`);
    try {
      const res = await fetch(`${base}/api/v1/sources`);
      if (res.ok) {
        const body = await res.json();
        const synced = new Set(body.items.filter((s) => s.last_sync).map((s) => s.name));
        if (SOURCES.every((s) => synced.has(s))) return body;
      }
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`daemon not ready after ${timeoutMs} ms:\n${daemonLog}`);
}

async function api(pathAndQuery) {
  const res = await fetch(base + pathAndQuery);
  assert.equal(res.status, 200, pathAndQuery);
  return res.json();
}

async function open(url, expectedStatus = 200) {
  const response = await page.goto(base + url);
  assert.equal(response.status(), expectedStatus, `status of ${url}`);
  await checkPage(url);
  return response;
}

// What every page must be: French, one h1, nothing injected, nothing the CSP had to block.
async function checkPage(label) {
  const facts = await page.evaluate(() => {
    const scripts = [...document.scripts];
    return {
      lang: document.documentElement.lang,
      h1: document.querySelectorAll('h1').length,
      inlineScripts: scripts.filter((s) => !s.src).length,
      foreignScripts: scripts.filter((s) => s.src && new URL(s.src).pathname !== '/static/recolte.js').length,
      images: document.querySelectorAll('img, iframe, object, embed').length,
      handlers: [...document.querySelectorAll('*')]
        .filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on'))).length,
      unlabelled: [...document.querySelectorAll('input, select, textarea')]
        .filter((el) => el.type !== 'hidden' && !(el.id && document.querySelector(`label[for="${el.id}"]`))).length,
      lowContrast: lowContrastTexts(),
    };
    // WCAG 2.1 contrast of every visible text against the first opaque background behind it:
    // at least 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold).
    function lowContrastTexts() {
      const rgb = (s) => (s.match(/[\d.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => {
        const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
      };
      const background = (el) => {
        for (let e = el; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const bad = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!node.textContent.trim() || !el || !el.getClientRects().length) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || el.closest('.skip-link')) continue;
        const l1 = lum(rgb(style.color).slice(0, 3));
        const l2 = lum(background(el));
        const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        if (ratio < (large ? 3 : 4.5)) bad.push(`"${node.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}:1`);
      }
      return bad;
    }
  });
  assert.equal(facts.lang, 'fr', `${label}: lang`);
  assert.equal(facts.h1, 1, `${label}: one h1`);
  assert.equal(facts.inlineScripts, 0, `${label}: inline script`);
  assert.equal(facts.foreignScripts, 0, `${label}: foreign script`);
  assert.equal(facts.images, 0, `${label}: injected image or frame`);
  assert.equal(facts.handlers, 0, `${label}: element with an on* attribute`);
  assert.equal(facts.unlabelled, 0, `${label}: form control without a label`);
  assert.deepEqual(facts.lowContrast, [], `${label}: text with too little contrast`);
  assert.deepEqual(dialogs, [], `${label}: a dialog opened`);
  assert.deepEqual(cspViolations, [], `${label}: CSP violation`);
  assert.deepEqual(pageErrors, [], `${label}: script error`);
}

// Desktop and phone screenshots; at phone width the page must not scroll sideways.
async function shoot(name) {
  fs.mkdirSync(OUTPUT, { recursive: true });
  for (const [suffix, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    await page.setViewportSize(viewport);
    if (viewport === PHONE) {
      // Loaded again at phone width, as a phone would (the script folds the filters there).
      await page.reload();
      await checkPage(`${name} (phone)`);
    }
    const size = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      height: document.documentElement.scrollHeight,
    }));
    assert.ok(size.scrollWidth <= size.innerWidth,
      `${name} at ${viewport.width} px scrolls sideways (${size.scrollWidth} px wide)`);
    await page.screenshot({
      path: path.join(OUTPUT, `${name}-${suffix}.png`),
      fullPage: true,
      clip: { x: 0, y: 0, width: viewport.width, height: Math.min(size.height, MAX_SHOT_HEIGHT) },
    });
  }
  await page.setViewportSize(DESKTOP);
}

async function submitFilters() {
  await Promise.all([page.waitForNavigation(), page.locator('form.filters button[type=submit]').click()]);
  await checkPage(page.url());
}

async function rowTexts(selector) {
  return page.locator(selector).allInnerTexts();
}

// "2,50 €/kg" -> 2.5 (for ordering only).
function amount(text) {
  const m = text.replace(/[\u00a0\u202f ]/g, '').match(/(-?[0-9]+(?:,[0-9]+)?)€/);
  assert.ok(m, `no amount in "${text}"`);
  return Number(m[1].replace(',', '.'));
}

before(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'recolte-e2e-'));
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'recolte-e2e-profile-'));
  const config = writeWorkspace(workDir);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  daemon = spawn(BINARY, ['serve', '--config', config, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  daemon.stdout.on('data', (d) => { daemonLog += d; });
  daemon.stderr.on('data', (d) => { daemonLog += d; });
  await waitForSync();

  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: DESKTOP,
    locale: 'fr-FR',
  });
  page = context.pages()[0] || await context.newPage();
  page.on('dialog', async (d) => { dialogs.push(`${d.type()}: ${d.message()}`); await d.dismiss(); });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
});

after(async () => {
  if (context) await context.close();
  if (daemon && daemon.exitCode === null) {
    daemon.kill('SIGTERM');
    await new Promise((r) => { daemon.once('exit', r); setTimeout(r, 10000); });
  }
  for (const d of [workDir, profileDir]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

test('catalogue: accent- and case-insensitive search', async () => {
  await open('/');
  await shoot('catalogue');
  const total = (await api('/api/v1/offers?limit=1')).total;
  assert.match(await page.locator('#resultats').innerText(), new RegExp(`^${total} offres`));

  await page.fill('#f-q', 'TOMME pyrenees');
  await submitFilters();
  // The script leaves empty fields out of the address.
  assert.deepEqual([...new URL(page.url()).searchParams.keys()], ['q']);
  const names = await rowTexts('table.offers tbody th a');
  assert.ok(names.length >= 2, `found ${names.length} tommes`);
  for (const n of names) assert.match(n, /Tomme des Pyrénées/);
  await shoot('catalogue-recherche');
});

test('catalogue: filters, date and sort by unit price', async () => {
  await open('/');
  await page.selectOption('#f-product_type', 'dairy-product');
  await page.selectOption('#f-label', 'BIO');
  await page.selectOption('#f-sort', 'unit_price');
  await submitFilters();
  const params = new URL(page.url()).searchParams;
  assert.equal(params.get('product_type'), 'dairy-product');
  const rows = page.locator('table.offers tbody tr');
  const count = await rows.count();
  assert.ok(count >= 2, `only ${count} organic dairy offers`);
  for (let i = 0; i < count; ++i) {
    const row = rows.nth(i);
    assert.match(await row.locator('th .sub').innerText(), /Produits laitiers/);
    assert.match(await row.locator('td[data-label="Labels"]').innerText(), /Bio \(AB\)/);
  }
  const prices = (await rowTexts('table.offers tbody .unit-price')).map(amount);
  assert.deepEqual(prices, [...prices].sort((a, b) => a - b), 'sorted by unit price');
  await shoot('catalogue-filtres');

  await open('/');
  await page.selectOption('#f-departement', '31');
  await submitFilters();
  const producers = await rowTexts('table.offers tbody td[data-label="Producteur"]');
  assert.ok(producers.length > 0);
  for (const p of producers) assert.match(p, /31 · Haute-Garonne/);

  // Available on a date: offers whose period ended before are left out.
  const all = (await api('/api/v1/offers?limit=1')).total;
  const later = (await api('/api/v1/offers?limit=1&available_on=2099-06-01')).total;
  assert.ok(later < all, 'the samples have offers with a period');
  await open('/');
  await page.fill('#f-available_on', '2099-06-01');
  await submitFilters();
  assert.match(await page.locator('#resultats').innerText(), new RegExp(`^${later} offres?`));
});

test('offer page: fields, price history and comparable offers', async () => {
  await open('/?product_type=vegetable&sort=unit_price');
  const first = page.locator('table.offers tbody th a').first();
  const name = await first.innerText();
  await Promise.all([page.waitForNavigation(), first.click()]);
  await checkPage('offer');
  assert.match(new URL(page.url()).pathname, /^\/offres\/[0-9a-f]+$/);
  assert.equal(await page.locator('h1').innerText(), name);
  assert.match(await page.locator('.headline .unit-price').innerText(), /^[0-9]+,[0-9]{2}\u00a0€\/(kg|L|pièce)$/);
  assert.match(await page.locator('#historique + .table-wrap').innerText(), /Ajoutée/);
  const others = await rowTexts('section[aria-labelledby=autres] table.offers tbody th .sub');
  assert.ok(others.length > 0, 'other vegetables listed');
  for (const t of others) assert.equal(t, 'Légumes');
  const prices = (await rowTexts('section[aria-labelledby=autres] .unit-price')).map(amount);
  assert.deepEqual(prices, [...prices].sort((a, b) => a - b));
  await shoot('offre');
});

test('producers: directory and one producer', async () => {
  await open('/producteurs');
  assert.match(await page.locator('a[href^="/export/producteurs.csv"]').innerText(), /Exporter/);
  await shoot('producteurs');

  await open('/?q=tomme');
  await Promise.all([page.waitForNavigation(), page.locator('table.offers tbody th a').first().click()]);
  const producerLink = page.locator('dl.details a[href^="/producteurs/"]');
  const producer = await producerLink.innerText();
  await Promise.all([page.waitForNavigation(), producerLink.click()]);
  await checkPage('producer');
  assert.equal(await page.locator('h1').innerText(), producer);
  assert.match(await page.locator('#points + ul.cards').innerText(), /Marché de Saint-Girons/);
  const platforms = await page.locator('dl.details').innerText();
  for (const s of ['ferme-du-couserans', 'mangerbio-occitanie', 'agrilocal-09']) assert.match(platforms, new RegExp(s));
  assert.ok(await page.locator('section[aria-labelledby=offres] table.offers tbody tr').count() >= 3);
  await shoot('producteur');
});

test('needs: open needs, one need and the offers that could answer it', async () => {
  await open('/besoins');
  await shoot('besoins');
  const needLink = page.locator('table tbody th a', { hasText: 'Légumes pour la cantine' });
  assert.equal(await needLink.innerText(), `${XSS.needScript} Légumes pour la cantine`);
  await Promise.all([page.waitForNavigation(), needLink.click()]);
  await checkPage('need');
  assert.equal(await page.locator('h1').innerText(), `${XSS.needScript} Légumes pour la cantine`);
  assert.match(await page.locator('dl.details').innerText(), new RegExp(XSS.buyerImg.replace(/[()]/g, '\\$&')));
  const rows = page.locator('section[aria-labelledby=offres] table.offers tbody tr');
  const count = await rows.count();
  assert.ok(count >= 3, `only ${count} matching offers`);
  const near = [];
  for (let i = 0; i < count; ++i) {
    assert.equal(await rows.nth(i).locator('th .sub').innerText(), 'Légumes');
    near.push(await rows.nth(i).locator('.badge.near').count() === 1);
  }
  // The buyer's département first.
  assert.ok(near[0], 'an Ariège offer comes first');
  assert.deepEqual(near, [...near].sort((a, b) => Number(b) - Number(a)), 'same département first');
  await shoot('besoin');
});

test('sources: last syncs and a source\'s rejects', async () => {
  await open('/sources');
  assert.equal(await page.locator('table.sources tbody tr').count(), SOURCES.length);
  await shoot('sources');
  const link = page.locator('table.sources a', { hasText: 'cooperative-lauragais' }).first();
  await Promise.all([page.waitForNavigation(), link.click()]);
  await checkPage('source');
  const rejects = await page.locator('table.rejects tbody').innerText();
  assert.match(rejects, /SIRET invalide/);
  assert.match(rejects, /ligne 12/);
  assert.match(rejects, /brouette/);
  await shoot('source-refus');
});

test('hostile names show as text on every page', async () => {
  await open('/?source=hostile');
  const names = await rowTexts('table.offers tbody th a');
  assert.deepEqual(names.sort(), [XSS.offerScript, XSS.offerImg].sort());
  assert.match(await page.locator('table.offers').innerText(), new RegExp(`${XSS.producerImg.replace(/[()]/g, '\\$&')} Ferme`));
  await shoot('hostile-catalogue');

  const offers = (await api('/api/v1/offers?source=hostile')).items;
  for (const o of offers) {
    await open(`/offres/${o.id}`);
    assert.equal(await page.locator('h1').innerText(), o.name);
  }
  await open(`/producteurs/${offers[0].producer.id}`);
  assert.equal(await page.locator('h1').innerText(), `${XSS.producerImg} Ferme`);
  await shoot('hostile-producteur');
  await open(`/?q=${encodeURIComponent(XSS.offerScript)}`);
  assert.equal(await page.locator('#f-q').inputValue(), XSS.offerScript);
  await open('/producteurs?q=ferme');
  await open('/sources/hostile');
  assert.match(await page.locator('table.rejects').innerText(), new RegExp(XSS.rejectScript.replace(/[()]/g, '\\$&')));
  await shoot('hostile-source');
});

test('errors are French pages, not crashes', async () => {
  await open('/?available_on=demain', 400);
  assert.equal(await page.locator('h1').innerText(), 'Paramètre invalide');
  assert.match(await page.locator('[role=alert]').innerText(), /AAAA-MM-JJ/);
  await shoot('erreur-400');
  await open('/?couleur=rouge', 400);
  assert.equal(await page.locator('h1').innerText(), 'Paramètre inconnu');
  await open('/offres/inconnue', 404);
  assert.equal(await page.locator('h1').innerText(), 'Page introuvable');
  await open('/besoins/inconnu', 404);
  await open('/sources/inconnue', 404);
});

test('keyboard: the skip link comes first and the focus is visible', async () => {
  await open('/');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return { text: el.textContent, outline: style.outlineStyle, width: style.outlineWidth, top: box.top };
  });
  assert.equal(focused.text, 'Aller au contenu');
  assert.notEqual(focused.outline, 'none');
  assert.ok(focused.top >= 0, 'the skip link shows when focused');
  await page.keyboard.press('Enter');
  assert.equal(new URL(page.url()).hash, '#contenu');
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => document.activeElement.id);
  assert.equal(next, 'f-q', 'after the skip link, the search box');
});
