/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-analysis.h: the result of reading a set of documents: actors with their
 * mentions, sentences, and aggregated links with evidence.  Immutable once
 * made; every view reads from it and none re-analyses. */
#pragma once

#include <gio/gio.h>
#include "dm-document.h"
#include "dm-gazetteer.h"
#include "dm-lexicon.h"
#include "dm-segmenter.h"
#include "dm-matcher.h"

G_BEGIN_DECLS

/* Offsets are 32-bit bytes: a document is at most DM_MAX_INPUT_SIZE
 * (64 MiB), and an analysis of a large corpus holds millions of these
 * records, each written to fresh memory.  Character offsets, for a text
 * buffer or the exchange format, come from dm_analysis_char_offset(). */
typedef struct {
  guint   doc;
  guint   actor;          /* gazetteer index */
  guint   sentence;       /* index into the document's sentences */
  guint32 start, end;     /* bytes into the document's text */
  float   confidence;
  DmMatchFlags flags;
} DmMention;

typedef struct {
  guint   doc;
  guint   sentence;
  guint32 start, end;           /* the sentence, bytes */
  guint32 cue_start, cue_end;   /* the cue, bytes */
  guint   rule;                 /* lexicon rule index */
  float   confidence;
} DmEvidence;

typedef struct {
  guint      source;      /* gazetteer index; for undirected links source < target */
  guint      target;
  DmLinkKind kind;
  gboolean   directed;
  guint      weight;      /* number of evidence sentences */
  float      confidence;  /* the best evidence's */
  /* @weight records, in document order; owned by the analysis, which
   * keeps all evidence in one block */
  const DmEvidence *evidence;
} DmLink;

typedef struct {
  guint  actor;           /* gazetteer index */
  guint  n_mentions;
  guint  n_links;
  GArray *mentions;       /* guint indices into the analysis's mentions */
} DmActorSummary;

#define DM_TYPE_ANALYSIS (dm_analysis_get_type ())
G_DECLARE_FINAL_TYPE (DmAnalysis, dm_analysis, DM, ANALYSIS, GObject)

/* Analyses @documents (DmDocument).  Cancellable; never fails otherwise. */
DmAnalysis *dm_analysis_new (DmGazetteer  *gazetteer,
                             DmLexicon    *lexicon,
                             GPtrArray    *documents,
                             GCancellable *cancellable,
                             GError      **error);

DmGazetteer *dm_analysis_get_gazetteer (DmAnalysis *self);
DmLexicon   *dm_analysis_get_lexicon (DmAnalysis *self);

guint        dm_analysis_get_n_documents (DmAnalysis *self);
DmDocument  *dm_analysis_get_document (DmAnalysis *self, guint doc);
/* DmSentence array of one document */
const GArray *dm_analysis_get_sentences (DmAnalysis *self, guint doc);
const GArray *dm_analysis_get_paragraphs (DmAnalysis *self, guint doc);

/* All mentions, ordered by document then offset. */
const GArray *dm_analysis_get_mentions (DmAnalysis *self);

/* Actors present, sorted by mentions (most first), then code. */
guint                 dm_analysis_get_n_actors (DmAnalysis *self);
const DmActorSummary *dm_analysis_get_actor (DmAnalysis *self, guint index);
/* The summary of gazetteer actor @actor, or NULL when it is absent. */
const DmActorSummary *dm_analysis_find_actor (DmAnalysis *self, guint actor);

/* Links, sorted by weight (heaviest first), then source, target, kind. */
guint         dm_analysis_get_n_links (DmAnalysis *self);
const DmLink *dm_analysis_get_link (DmAnalysis *self, guint index);

/* The first and the last day ("YYYY-MM-DD") of the documents of @link's
 * evidence: each evidence has its document's date.  Undated documents are
 * left out; both are NULL when none has a date.  The strings belong to the
 * documents. */
void dm_analysis_get_link_dates (DmAnalysis   *self,
                                 const DmLink *link,
                                 const char  **first,
                                 const char  **last);

/* A new analysis of the documents of @self whose @keep_document entry is
 * TRUE (all when NULL), renumbered in their order, holding the links of the
 * kinds in @kinds (a bit per DmLinkKind, 0 for all) with only the evidence
 * from those documents; weights, order and actors are recomputed, nothing
 * is analysed again and @self is unchanged.  What dm-filter.c builds the
 * filtered view with. */
DmAnalysis *dm_analysis_new_subset (DmAnalysis     *self,
                                    const gboolean *keep_document,
                                    guint           kinds);

/* The Unicode character offset of byte @byte of document @doc's text
 * (dm_document_char_offset(): fast when called in text order). */
glong dm_analysis_char_offset (DmAnalysis *self, guint doc, gsize byte);

/* A short title: the document's title, or "N articles". Free with g_free(). */
char *dm_analysis_dup_title (DmAnalysis *self);

G_END_DECLS
