/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-lexicon.h: the relation cues of data/cues.json, inflected and compiled
 * into one automaton, and the lookup of cues in a sentence. */
#pragma once

#include <glib-object.h>
#include "dm-automaton.h"
#include "dm-link-kind.h"

G_BEGIN_DECLS

typedef enum {
  DM_CUE_VERB,        /* "urge": the subject acts on the object */
  DM_CUE_NOUN,        /* "tensions between A and B", "A's seizure of B" */
} DmCuePos;

typedef struct {
  char      *rule;       /* "appeal.urge" */
  DmLinkKind kind;
  DmCuePos   pos;
  gboolean   directed;   /* copied from the kind unless the entry overrides */
  float      confidence;
  gboolean   reciprocal; /* "joint drills": every party acts on the others */
  gboolean   prepositional_object; /* "discuss X" is a topic, "discuss with X" a party */
  guint      object_window; /* units a verb's object may lie after it; 0: the default */
  gboolean   hosts_talks;   /* "host": with talks in its clause, a mediation */
  /* "relations", "ties", "partnership": the words around the noun say
   * whether it states a tension ("soured", "severed") or cooperation
   * ("improved", "restored"); with neither, @neutral_kind, or no link
   * when @has_neutral_kind is FALSE ("relations between A and B" alone
   * states nothing). */
  gboolean   possessor_is_patient; /* "Yerevan's backers": the possessor is acted on */
  gboolean   offense;    /* "a betrayal by the Kremlin", "a Russian provocation": whoever
                          * names the offense accuses its author */
  gboolean   apposition; /* "long-time rival Azerbaijan": the name right after is the patient */
  gboolean   from_to;    /* "a letter from X to Y": only that form, X the agent, Y the patient */
  gboolean   relational;
  gboolean   has_neutral_kind;
  DmLinkKind neutral_kind;
  /* The language of the phrases ("en", "ru"; interned), and for Russian how
   * the cue takes its patient: "acc", "с+ins", "от+gen" (NULL-terminated,
   * NULL for English), and whether it states a mediation only beside a
   * negotiation ("при участии"). */
  const char *language;
  GStrv      governs;
  gboolean   needs_talks;
} DmCueRule;

typedef struct {
  gsize start;           /* byte offsets into the text */
  gsize end;
  guint rule;            /* index into the lexicon's rules */
  gboolean passive;      /* "was attacked by" */
} DmCueMatch;

#define DM_TYPE_LEXICON (dm_lexicon_get_type ())
G_DECLARE_FINAL_TYPE (DmLexicon, dm_lexicon, DM, LEXICON, GObject)

DmLexicon *dm_lexicon_new_default (GError **error);
DmLexicon *dm_lexicon_new_from_data (const char *data, gssize length, const char *name, GError **error);

guint            dm_lexicon_get_n_rules (DmLexicon *self);
const DmCueRule *dm_lexicon_get_rule (DmLexicon *self, guint index);

/* Appends the cues found in text[start, end) to @out (DmCueMatch). */
void dm_lexicon_find (DmLexicon  *self,
                      const char *text,
                      gsize       start,
                      gsize       end,
                      GArray     *out);

/* Every form of every cue (inflected, with typographic variants), the
 * patterns of dm_lexicon_find(): for a caller that scans for them in the
 * same pass as something else.  Owned by the lexicon. */
const char *const *dm_lexicon_get_forms (DmLexicon *self,
                                         guint     *n_forms);

/* The second half of dm_lexicon_find(): from @hits, the raw hits of the
 * forms (DmHit, pattern = form index) lying in text[start, end), reordered
 * in place, appends the whole-word cues, leftmost-longest, to @out. */
void dm_lexicon_select_cues (DmLexicon  *self,
                             const char *text,
                             gsize       start,
                             gsize       end,
                             GArray     *hits,
                             GArray     *out);

/* dm_lexicon_select_cues() on the raw @hits (@n_hits, by end) of a
 * whole text, for its span [start, end): those lying inside are copied to
 * @scratch (DmHit, emptied first), and @out (emptied first) gets the
 * cues. */
void dm_lexicon_select_span_cues (DmLexicon   *self,
                                  const char  *text,
                                  gsize        start,
                                  gsize        end,
                                  const DmHit *hits,
                                  guint        n_hits,
                                  GArray      *scratch,
                                  GArray      *out);

G_END_DECLS
