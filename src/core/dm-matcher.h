/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-matcher.h: finds every actor mention in a text in one pass.
 *
 * All aliases of the gazetteer are compiled once into an Aho-Corasick
 * automaton over case-folded bytes; candidates are then checked for whole
 * words and case rules, and resolved leftmost-longest.
 */
#pragma once

#include "dm-gazetteer.h"
#include "dm-lexicon.h"

G_BEGIN_DECLS

typedef enum {
  DM_MATCH_AMBIGUOUS = 1 << 0, /* counted with a lower confidence, flagged */
} DmMatchFlags;

typedef struct {
  gsize        start;      /* byte offsets into the text */
  gsize        end;
  guint        actor;
  guint        alias;      /* index into the gazetteer's aliases */
  guint        sentence;   /* index into the sentences given */
  float        confidence; /* 1.0, lower when ambiguous */
  DmMatchFlags flags;
} DmMatch;

typedef struct _DmMatcher DmMatcher;

DmMatcher *dm_matcher_new (DmGazetteer *gazetteer);
/* Also scans for @lexicon's cue forms, in the same pass: see
 * dm_matcher_find_with_cues(). */
DmMatcher *dm_matcher_new_with_cues (DmGazetteer *gazetteer, DmLexicon *lexicon);
void       dm_matcher_free (DmMatcher *self);

/* Appends the mentions of @text to @out (DmMatch), in text order.
 * @sentences (DmSentence) must cover the text as the segmenter made them.
 * A matcher keeps a scratch buffer: one thread at a time may use it. */
void dm_matcher_find (DmMatcher   *self,
                      const char  *text,
                      gsize        length,
                      const GArray *sentences,
                      GArray      *out);

/* The same, and appends to @cue_hits (DmHit, by end; pattern = the
 * lexicon's form index) the raw hits of the cue forms of a matcher made by
 * dm_matcher_new_with_cues(), for dm_lexicon_select_cues(): one pass over
 * the text finds actors and cues alike. */
void dm_matcher_find_with_cues (DmMatcher    *self,
                                const char   *text,
                                gsize         length,
                                const GArray *sentences,
                                GArray       *out,
                                GArray       *cue_hits);

/* Counts raw automaton hits with no checks: the benchmark's baseline. */
gsize dm_matcher_count_raw (DmMatcher *self, const char *text, gsize length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmMatcher, dm_matcher_free)

G_END_DECLS
