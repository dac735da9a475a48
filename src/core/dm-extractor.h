/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-extractor.h: from one sentence's actor mentions and relation cues to
 * typed, directed links.  Co-mention alone never makes a link. */
#pragma once

#include "dm-gazetteer.h"
#include "dm-automaton.h"
#include "dm-lexicon.h"
#include "dm-matcher.h"
#include "dm-segmenter.h"

G_BEGIN_DECLS

typedef struct {
  guint      source;     /* gazetteer indices */
  guint      target;
  DmLinkKind kind;
  gboolean   directed;
  gsize      cue_start;  /* bytes into the text */
  gsize      cue_end;
  guint      rule;       /* lexicon rule index */
  float      confidence;
} DmExtractedLink;

#define DM_NO_ACTOR G_MAXUINT

/* An extractor holds the lexicon, the gazetteer and working arrays kept
 * from one sentence to the next: one thread at a time may use it. */
typedef struct _DmExtractor DmExtractor;

DmExtractor *dm_extractor_new (DmLexicon *lexicon, DmGazetteer *gazetteer);
void         dm_extractor_free (DmExtractor *self);

/* Appends to @out (DmExtractedLink) the links stated by @sentence of @text.
 * @mentions are the sentence's mentions in text order; @cue_hits the raw
 * hits of the lexicon's forms that end inside it (those that start before
 * it are left out here), as dm_matcher_find_with_cues() gives them.
 * @previous_person is the actor of the last person named before this
 * sentence in its paragraph (for "he", "him"), or DM_NO_ACTOR. */
void dm_extract_links (DmExtractor      *self,
                       const char       *text,
                       const DmSentence *sentence,
                       const DmMatch    *mentions,
                       guint             n_mentions,
                       const DmHit      *cue_hits,
                       guint             n_cue_hits,
                       guint             previous_person,
                       GArray           *out);

/* The links of one stretch of @text (a sentence, or a window of one),
 * as an extractor of some language reads them. */
typedef void (*DmExtractSpanFunc) (gpointer          extractor,
                                   const char       *text,
                                   const DmSentence *span,
                                   const DmMatch    *mentions,
                                   guint             n_mentions,
                                   const DmHit      *cue_hits,
                                   guint             n_cue_hits,
                                   guint             previous_person,
                                   GArray           *out);

/* Calls @extract on @sentence, or, for a "sentence" of many kilobytes (a
 * list, a page without full stops), on overlapping windows of it, so that
 * role finding stays linear in the text's length. */
void dm_extract_in_windows (DmExtractSpanFunc  extract,
                            gpointer           extractor,
                            const char        *text,
                            const DmSentence  *sentence,
                            const DmMatch     *mentions,
                            guint              n_mentions,
                            const DmHit       *cue_hits,
                            guint              n_cue_hits,
                            guint              previous_person,
                            GArray            *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmExtractor, dm_extractor_free)

G_END_DECLS
