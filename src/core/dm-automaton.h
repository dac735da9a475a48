/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-automaton.h (private): an Aho-Corasick automaton over ASCII-case-folded
 * bytes, shared by the actor matcher and the cue lexicon.  It reports raw
 * hits; what a hit means is the caller's business. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  gsize start;
  gsize end;
  guint pattern;   /* index in the order the patterns were given */
} DmHit;

typedef struct _DmAutomaton DmAutomaton;

/* @patterns: NUL-terminated strings, matched with ASCII case folded. */
DmAutomaton *dm_automaton_new (const char *const *patterns, guint n_patterns);
/* The same, from a small cache of the process keyed by the patterns
 * themselves: an analysis builds its matcher each time, and the automaton
 * of the same gazetteer and lexicon takes milliseconds to build and megabytes
 * to fault in.  An automaton is read-only once built, so threads share it. */
DmAutomaton *dm_automaton_new_shared (const char *const *patterns, guint n_patterns);
DmAutomaton *dm_automaton_ref (DmAutomaton *self);
void         dm_automaton_unref (DmAutomaton *self);

/* Appends the hits in text[start, end) to @hits (DmHit), by end position,
 * working in @scratch (a DmHit array, or NULL) on long texts,
 * leaving out those glued to an ASCII letter, digit or underscore on a side
 * where the pattern has one ("us" in "thus"); the range's ends count as
 * boundaries.  Other boundary rules (Unicode letters) are the caller's. */
void  dm_automaton_scan (const DmAutomaton *self, const char *text, gsize start, gsize end, GArray *hits,
                         GArray *scratch);
gsize dm_automaton_count (const DmAutomaton *self, const char *text, gsize length);

/* Sorts @hits (DmHit) by start, the longest first, then by pattern: the
 * order of a leftmost-longest choice.  A scan reports them by end, which
 * is the same order but where hits overlap, so this is one pass mostly. */
void  dm_hits_sort_by_start (GArray *hits);

/* Adds @text and its typographic variants (’ for ', en dash and
 * non-breaking hyphens for -) to @out. */
void dm_expand_punctuation_variants (const char *text, GPtrArray *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmAutomaton, dm_automaton_unref)

G_END_DECLS
