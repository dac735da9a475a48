// SPDX-License-Identifier: GPL-3.0-or-later
// fill-po.mjs: brings the new names of the gazetteer into po/*.po with the
// translations of names-l10n.json (CLDR's, and the hand-kept ones where
// CLDR has none), so that no one types 250 country names four times.
//
//   build-aux/extract-actor-names           # src/core/dm-actor-names.c
//   meson compile -C _build diplomap-pot    # po/diplomap.pot
//   node tools/actors/fill-po.mjs           # merge and fill po/LANG.po
//
// Each catalogue is merged with the template by msgmerge without fuzzy
// matching (a guess from "Niger" for "Nigeria" would be wrong, and a fuzzy
// message fails the po tests); then every message left untranslated whose
// text is a name in names-l10n.json gets that name.  Translations already
// in a catalogue are kept.  Prints what is still untranslated.

import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const po = join(root, 'po');
const names = JSON.parse(readFileSync(join(here, 'names-l10n.json'), 'utf8'));
const langs = readFileSync(join(po, 'LINGUAS'), 'utf8').split(/\s+/).filter(Boolean);

const unquote = (s) => JSON.parse(s.replace(/\\t/g, '\t'));
const quote = (s) => JSON.stringify(s);

for (const lang of langs) {
  const file = join(po, `${lang}.po`);
  execFileSync('msgmerge', ['--quiet', '--no-fuzzy-matching', '--update', '--backup=none',
                            file, join(po, 'diplomap.pot')]);
  const blocks = readFileSync(file, 'utf8').split(/\n\n/);
  const left = [];
  let filled = 0;
  const out = blocks.map((block) => {
    const lines = block.split('\n');
    const id = lines.findIndex((l) => l.startsWith('msgid "'));
    const str = lines.findIndex((l) => l.startsWith('msgstr "'));
    // one-line messages only: names never wrap
    if (id < 0 || str !== id + 1 || lines[str] !== 'msgstr ""' || str + 1 < lines.length)
      return block;
    const msgid = unquote(lines[id].slice(6));
    if (!msgid)
      return block;
    const translation = names[msgid] && names[msgid][lang];
    if (!translation) {
      left.push(msgid);
      return block;
    }
    lines[str] = `msgstr ${quote(translation)}`;
    filled++;
    return lines.join('\n');
  });
  writeFileSync(file, out.join('\n\n'));
  console.log(`${lang}: ${filled} names filled${left.length ? `; untranslated: ${left.join(' | ')}` : ''}`);
}
