// SPDX-License-Identifier: GPL-3.0-or-later
// build-geodata.mjs: makes Diplomap's country polygons (data/geo) from the
// Natural Earth TopoJSON that the world-atlas package ships.
//
//   cd tools/geo && npm ci && node build-geodata.mjs
//
// Writes, relative to the repository root:
//   data/geo/world-50m.geojson        1:50m, whole world, 4 decimals
//   data/geo/region-10m.geojson       1:10m, countries touching the region
//                                     box, clipped to it, 4 decimals
//   data/geo/nagorno-karabakh.geojson hand-digitised NKAO outline
// The output is deterministic: same inputs, same bytes.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as topojson from 'topojson-client';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', '..', 'data', 'geo');

// The 1:10m layer is cut to this box (degrees).  The app only switches to it
// inside a smaller box (see dm-countries.c), so the artificial edges the cut
// makes are never drawn.
const REGION_BOX = { west: 30, east: 58, south: 33, north: 48 };
const DECIMALS = 4;   // ~11 m, finer than a pixel at zoom 10

// ISO 3166-1 numeric → alpha-3, for the ids world-atlas uses.
const ISO_NUMERIC = {
  '004': 'AFG', '008': 'ALB', '010': 'ATA', '012': 'DZA', '016': 'ASM',
  '020': 'AND', '024': 'AGO', '028': 'ATG', '031': 'AZE', '032': 'ARG',
  '036': 'AUS', '040': 'AUT', '044': 'BHS', '048': 'BHR', '050': 'BGD',
  '051': 'ARM', '052': 'BRB', '056': 'BEL', '060': 'BMU', '064': 'BTN',
  '068': 'BOL', '070': 'BIH', '072': 'BWA', '076': 'BRA', '084': 'BLZ',
  '086': 'IOT', '090': 'SLB', '092': 'VGB', '096': 'BRN', '100': 'BGR',
  '104': 'MMR', '108': 'BDI', '112': 'BLR', '116': 'KHM', '120': 'CMR',
  '124': 'CAN', '132': 'CPV', '136': 'CYM', '140': 'CAF', '144': 'LKA',
  '148': 'TCD', '152': 'CHL', '156': 'CHN', '158': 'TWN', '170': 'COL',
  '174': 'COM', '178': 'COG', '180': 'COD', '184': 'COK', '188': 'CRI',
  '191': 'HRV', '192': 'CUB', '196': 'CYP', '203': 'CZE', '204': 'BEN',
  '208': 'DNK', '212': 'DMA', '214': 'DOM', '218': 'ECU', '222': 'SLV',
  '226': 'GNQ', '231': 'ETH', '232': 'ERI', '233': 'EST', '234': 'FRO',
  '238': 'FLK', '239': 'SGS', '242': 'FJI', '246': 'FIN', '248': 'ALA',
  '250': 'FRA', '258': 'PYF', '260': 'ATF', '262': 'DJI', '266': 'GAB',
  '268': 'GEO', '270': 'GMB', '275': 'PSE', '276': 'DEU', '288': 'GHA',
  '292': 'GIB', '296': 'KIR', '300': 'GRC', '304': 'GRL', '308': 'GRD',
  '316': 'GUM', '320': 'GTM', '324': 'GIN', '328': 'GUY', '332': 'HTI',
  '334': 'HMD', '336': 'VAT', '340': 'HND', '344': 'HKG', '348': 'HUN',
  '352': 'ISL', '356': 'IND', '360': 'IDN', '364': 'IRN', '368': 'IRQ',
  '372': 'IRL', '376': 'ISR', '380': 'ITA', '384': 'CIV', '388': 'JAM',
  '392': 'JPN', '398': 'KAZ', '400': 'JOR', '404': 'KEN', '408': 'PRK',
  '410': 'KOR', '414': 'KWT', '417': 'KGZ', '418': 'LAO', '422': 'LBN',
  '426': 'LSO', '428': 'LVA', '430': 'LBR', '434': 'LBY', '438': 'LIE',
  '440': 'LTU', '442': 'LUX', '446': 'MAC', '450': 'MDG', '454': 'MWI',
  '458': 'MYS', '462': 'MDV', '466': 'MLI', '470': 'MLT', '478': 'MRT',
  '480': 'MUS', '484': 'MEX', '492': 'MCO', '496': 'MNG', '498': 'MDA',
  '499': 'MNE', '500': 'MSR', '504': 'MAR', '508': 'MOZ', '512': 'OMN',
  '516': 'NAM', '520': 'NRU', '524': 'NPL', '528': 'NLD', '531': 'CUW',
  '533': 'ABW', '534': 'SXM', '540': 'NCL', '548': 'VUT', '554': 'NZL',
  '558': 'NIC', '562': 'NER', '566': 'NGA', '570': 'NIU', '574': 'NFK',
  '578': 'NOR', '580': 'MNP', '581': 'UMI', '583': 'FSM', '584': 'MHL',
  '585': 'PLW', '586': 'PAK', '591': 'PAN', '598': 'PNG', '600': 'PRY',
  '604': 'PER', '608': 'PHL', '612': 'PCN', '616': 'POL', '620': 'PRT',
  '624': 'GNB', '626': 'TLS', '630': 'PRI', '634': 'QAT', '642': 'ROU',
  '643': 'RUS', '646': 'RWA', '652': 'BLM', '654': 'SHN', '659': 'KNA',
  '660': 'AIA', '662': 'LCA', '663': 'MAF', '666': 'SPM', '670': 'VCT',
  '674': 'SMR', '678': 'STP', '682': 'SAU', '686': 'SEN', '688': 'SRB',
  '690': 'SYC', '694': 'SLE', '702': 'SGP', '703': 'SVK', '704': 'VNM',
  '705': 'SVN', '706': 'SOM', '710': 'ZAF', '716': 'ZWE', '724': 'ESP',
  '728': 'SSD', '729': 'SDN', '732': 'ESH', '740': 'SUR', '748': 'SWZ',
  '752': 'SWE', '756': 'CHE', '760': 'SYR', '762': 'TJK', '764': 'THA',
  '768': 'TGO', '776': 'TON', '780': 'TTO', '784': 'ARE', '788': 'TUN',
  '792': 'TUR', '795': 'TKM', '796': 'TCA', '798': 'TUV', '800': 'UGA',
  '804': 'UKR', '807': 'MKD', '818': 'EGY', '826': 'GBR', '831': 'GGY',
  '832': 'JEY', '833': 'IMN', '834': 'TZA', '840': 'USA', '850': 'VIR',
  '854': 'BFA', '858': 'URY', '860': 'UZB', '862': 'VEN', '876': 'WLF',
  '882': 'WSM', '887': 'YEM', '894': 'ZMB',
};

// Features without an ISO numeric id get Natural Earth's own ADM0_A3 code
// (Kosovo the user-assigned XKX that most software uses), so they stay
// stable across regenerations.
const PSEUDO_BY_NAME = {
  'Kosovo': 'XKX', 'N. Cyprus': 'CYN', 'Somaliland': 'SOL',
  'Akrotiri': 'WSB', 'Dhekelia': 'ESB', 'Cyprus U.N. Buffer Zone': 'CNM',
  'Baikonur': 'KAB', 'Siachen Glacier': 'KAS', 'Indian Ocean Ter.': 'IOA',
  'Coral Sea Is.': 'CSI', 'Spratly Is.': 'PGA', 'Clipperton I.': 'CLP',
  'Bajo Nuevo Bank': 'BJN', 'Serranilla Bank': 'SER',
  'Scarborough Reef': 'SCR', 'USNB Guantanamo Bay': 'USG',
  // Shares Australia's numeric id 036 in world-atlas.
  'Ashmore and Cartier Is.': 'ATC',
};

function isoOf (geometry) {
  const name = geometry.properties.name;
  if (name in PSEUDO_BY_NAME)
    return PSEUDO_BY_NAME[name];
  const iso = ISO_NUMERIC[geometry.id];
  if (!iso)
    throw new Error(`no alpha-3 code for ${geometry.id} ${name}`);
  return iso;
}

const round = (v) => {
  const f = 10 ** DECIMALS;
  return Math.round(v * f) / f + 0;   // + 0 turns -0 into 0
};

function ringArea (ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return a / 2;
}

// Rounds, drops repeated points, closes the ring; null if it has no area left.
function cleanRing (ring) {
  const out = [];
  for (const [x, y] of ring) {
    const p = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1])
      out.push(p);
  }
  if (out.length > 1 && out[0][0] === out[out.length - 1][0] &&
      out[0][1] === out[out.length - 1][1])
    out.pop();
  if (out.length < 3 || ringArea(out) === 0)
    return null;
  out.push([out[0][0], out[0][1]]);
  return out;
}

// Sutherland–Hodgman against one axis-aligned half-plane.  On a concave
// ring it can leave zero-width bridges along the box edge; they have no area
// and lie on the cut, outside what the app draws from this layer.
function clipEdge (ring, inside, cross) {
  const out = [];
  for (let i = 0; i < ring.length; i++) {
    const cur = ring[i];
    const prev = ring[(i + ring.length - 1) % ring.length];
    const curIn = inside(cur), prevIn = inside(prev);
    if (curIn) {
      if (!prevIn)
        out.push(cross(prev, cur));
      out.push(cur);
    } else if (prevIn) {
      out.push(cross(prev, cur));
    }
  }
  return out;
}

function clipRing (ring, box) {
  let r = ring.slice(0, -1);   // open
  const atX = (x) => (a, b) => [x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])];
  const atY = (y) => (a, b) => [a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y];
  r = clipEdge(r, (p) => p[0] >= box.west, atX(box.west));
  r = clipEdge(r, (p) => p[0] <= box.east, atX(box.east));
  r = clipEdge(r, (p) => p[1] >= box.south, atY(box.south));
  r = clipEdge(r, (p) => p[1] <= box.north, atY(box.north));
  return r;
}

// Russia and Fiji have rings that jump from +180° to -180° and back; drawn
// as they are, those jumps become lines across the whole world.  Unwrap such
// a ring into continuous longitudes and cut it at ±180°, once for each side.
// Antarctica's jumps run along the South Pole, which Mercator never shows,
// so it is left alone.
function hasJump (ring) {
  for (let i = 1; i < ring.length; i++)
    if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180)
      return true;
  return false;
}

function splitAtAntimeridian (ring) {
  const unwrapped = [ring[0]];
  let offset = 0;
  for (let i = 1; i < ring.length; i++) {
    const d = ring[i][0] - ring[i - 1][0];
    if (d > 180) offset -= 360;
    if (d < -180) offset += 360;
    unwrapped.push([ring[i][0] + offset, ring[i][1]]);
  }
  const world = { west: -180, east: 180, south: -90, north: 90 };
  const pieces = [];
  for (const shift of [-360, 0, 360]) {
    const shifted = unwrapped.map(([x, y]) => [x + shift, y]);
    const r = clipRing(shifted, world);
    if (r.length >= 3)
      pieces.push([...r, r[0]]);
  }
  return pieces;
}

function ringBox (ring) {
  return bboxOf([[ring]]);
}

function fixAntimeridian (polygons) {
  const out = [];
  for (const poly of polygons) {
    const minLat = Math.min(...poly[0].map((p) => p[1]));
    if (minLat < -89 || !poly.some(hasJump)) {
      out.push(poly);
      continue;
    }
    const outers = splitAtAntimeridian(poly[0]).map((r) => [r]);
    for (const hole of poly.slice(1))
      for (const piece of hasJump(hole) ? splitAtAntimeridian(hole) : [hole]) {
        const b = ringBox(piece);
        const home = outers.find((o) => {
          const ob = ringBox(o[0]);
          return b[0] >= ob[0] && b[2] <= ob[2] && b[1] >= ob[1] && b[3] <= ob[3];
        });
        (home || outers[0]).push(piece);
      }
    out.push(...outers);
  }
  return out;
}

function polygonsOf (geometry) {
  if (geometry.type === 'Polygon')
    return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon')
    return geometry.coordinates;
  return [];
}

function bboxOf (polygons) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of polygons)
    for (const ring of poly)
      for (const [x, y] of ring) {
        b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y);
        b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y);
      }
  return b;
}

function makeFeature (iso, name, polygons) {
  const kept = [];
  for (const poly of polygons) {
    const rings = poly.map(cleanRing);
    if (!rings[0])
      continue;   // the outer ring vanished: so did its holes
    kept.push(rings.filter((r) => r));
  }
  if (kept.length === 0)
    return null;
  return {
    type: 'Feature',
    properties: { iso, name },
    geometry: kept.length === 1
      ? { type: 'Polygon', coordinates: kept[0] }
      : { type: 'MultiPolygon', coordinates: kept },
  };
}

function loadCountries (file) {
  const topology = JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), 'utf8'));
  const collection = topojson.feature(topology, topology.objects.countries);
  return collection.features.map((f, i) => ({
    iso: isoOf(topology.objects.countries.geometries[i]),
    name: f.properties.name,
    polygons: fixAntimeridian(polygonsOf(f.geometry)),
  }));
}

function writeCollection (path, features) {
  // One feature per line: small diffs when the data changes.
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  writeFileSync(path, `{"type":"FeatureCollection","features":[\n${body}\n]}\n`);
  console.log(`${path}: ${features.length} features`);
}

function buildWorld () {
  const features = [];
  for (const c of loadCountries('countries-50m.json')) {
    const f = makeFeature(c.iso, c.name, c.polygons);
    if (f)
      features.push(f);
  }
  features.sort((a, b) => a.properties.iso.localeCompare(b.properties.iso) ||
                          a.properties.name.localeCompare(b.properties.name));
  return features;
}

function buildRegion () {
  const box = REGION_BOX;
  const features = [];
  for (const c of loadCountries('countries-10m.json')) {
    const b = bboxOf(c.polygons);
    if (b[2] < box.west || b[0] > box.east || b[3] < box.south || b[1] > box.north)
      continue;
    const clipped = [];
    for (const poly of c.polygons) {
      const rings = poly.map((ring) => {
        const r = clipRing(ring, box);
        return r.length >= 3 ? [...r, r[0]] : null;
      });
      if (!rings[0])
        continue;
      clipped.push(rings.filter((r) => r));
    }
    const f = makeFeature(c.iso, c.name, clipped);
    if (f)
      features.push(f);
  }
  features.sort((a, b) => a.properties.iso.localeCompare(b.properties.iso));
  return features;
}

// The former Nagorno-Karabakh Autonomous Oblast (1923–1991), digitised by
// hand from small-scale maps, clockwise from the north-west, [lat, lon].
// Good to a few kilometres: enough to hatch it on a regional map, not for
// anything finer.  Checks used: Stepanakert, Shusha, Askeran, Martakert,
// Martuni and Hadrut inside; Aghdam, Fuzuli, Lachin and Kalbajar outside.
const NKAO = [
  [40.26, 46.36], [40.29, 46.48], [40.28, 46.60], [40.30, 46.72],
  [40.27, 46.84], [40.22, 46.93], [40.14, 46.96], [40.06, 46.93],
  [39.99, 46.88], [39.92, 46.93], [39.87, 47.02], [39.82, 47.10],
  [39.75, 47.16], [39.67, 47.14], [39.60, 47.10], [39.53, 47.10],
  [39.46, 47.05], [39.41, 46.97], [39.41, 46.88], [39.46, 46.80],
  [39.52, 46.74], [39.58, 46.66], [39.64, 46.63], [39.70, 46.60],
  [39.75, 46.58], [39.82, 46.52], [39.88, 46.45], [39.95, 46.40],
  [40.03, 46.33], [40.12, 46.30], [40.20, 46.31],
];

function buildNagornoKarabakh () {
  // GeoJSON wants [lon, lat] and, by RFC 7946, counter-clockwise outer rings.
  const ring = NKAO.map(([lat, lon]) => [lon, lat]).reverse();
  ring.push(ring[0]);
  return [{
    type: 'Feature',
    properties: {
      name: 'Nagorno-Karabakh',
      disputed: true,
      source: 'hand-digitised, approximate outline of the former NKAO',
    },
    geometry: { type: 'Polygon', coordinates: [ring] },
  }];
}

mkdirSync(outDir, { recursive: true });
writeCollection(join(outDir, 'world-50m.geojson'), buildWorld());
writeCollection(join(outDir, 'region-10m.geojson'), buildRegion());
writeCollection(join(outDir, 'nagorno-karabakh.geojson'), buildNagornoKarabakh());
