/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-sentence-units.h (private): a sentence cut into the units the
 * extractor reasons about: actor phrases (a title and a name of one actor
 * are one phrase, "A and B" or "US-EU" one coordinated phrase, "both
 * sides" the pair the sentence names, "he" the last person named), relation
 * cues, function words (with the word lists they belong to) and
 * punctuation. */
#pragma once

#include <string.h>

#include "dm-gazetteer.h"
#include "dm-lexicon.h"
#include "dm-matcher.h"
#include "dm-segmenter.h"

#ifndef DM_NO_ACTOR
#define DM_NO_ACTOR G_MAXUINT
#endif

G_BEGIN_DECLS

#define DM_UNIT_MAX_GROUP 6
#define DM_UNIT_MAX_WORD 24

typedef enum {
  DM_UNIT_ACTOR,
  DM_UNIT_CUE,
  DM_UNIT_WORD,
  DM_UNIT_PUNCT,
} DmUnitType;

/* The word lists of dm-sentence-units.c, one bit each, in their order. */
typedef enum {
  DM_WORD_PREPOSITION    = 1u << 0,
  DM_WORD_LINKING        = 1u << 1,  /* attaches a noun's patient: "tensions with" */
  DM_WORD_CLAUSE_OPENER  = 1u << 2,
  DM_WORD_NEGATION       = 1u << 3,
  DM_WORD_RECIPROCAL     = 1u << 4,  /* "trading", "mutual" */
  DM_WORD_TITLE          = 1u << 5,  /* may stand inside one actor's phrase */
  DM_WORD_NESTING        = 1u << 6,  /* "settlement of the conflict" */
  DM_WORD_SIZE           = 1u << 7,  /* "large-scale" */
  DM_WORD_NOUN_MODIFIER  = 1u << 8,  /* may stand between a preposition and its actor */
  DM_WORD_HEAD_OF_STATE  = 1u << 9,  /* "the leaders of X" act for X */
  DM_WORD_PERSON_PRONOUN = 1u << 10,
  DM_WORD_RELATION_WORSE = 1u << 11, /* "soured", "severed": relations at their worst */
  DM_WORD_RELATION_BETTER = 1u << 12, /* "improved", "restored" */
  DM_WORD_HYPOTHETICAL   = 1u << 13, /* "if", "would": a cue that states nothing */
  DM_WORD_CO_AGENT       = 1u << 14, /* "together (with)", "along (with)": a second agent */
  DM_WORD_THING_PRONOUN  = 1u << 15, /* "it", "its": the sentence's subject */
  DM_WORD_PAIR_SECOND    = 1u << 30, /* may be second in one: "sides", "other" */
  DM_WORD_PAIR_START     = 1u << 31, /* may start "both sides", "each other" */
} DmWordClass;

/* What a demonym's or name's hyphenated ending makes of it: "Russian-
 * brokered" mediates, "US-backed" supports, "Russian-led" leads (structure). */
typedef enum {
  DM_COMPOUND_NONE,
  DM_COMPOUND_MEDIATED,
  DM_COMPOUND_BACKED,
  DM_COMPOUND_OTHER,
} DmCompound;

typedef struct {
  DmUnitType type;
  gsize      start, end;
  /* DM_UNIT_ACTOR */
  guint      actors[DM_UNIT_MAX_GROUP];
  guint      n_actors;
  gboolean   person;      /* names a person, so "he" may refer to it */
  gboolean   capital;     /* a capital city: "in Baku" is a place, not a party */
  gboolean   pair_ref;    /* "both sides": the pair the sentence names */
  gboolean   possessive;  /* "Azerbaijan's" */
  gboolean   demonym;     /* "Azerbaijani troops": an adjective, it may be a noun's agent */
  gboolean   pronoun;     /* "it", "its" standing for the clause's subject */
  DmCompound compound;
  float      confidence;
  /* DM_UNIT_CUE */
  guint      rule;
  /* DM_UNIT_WORD (lower case) and DM_UNIT_PUNCT */
  char       word[DM_UNIT_MAX_WORD];
  guint32    classes;     /* DM_UNIT_WORD: its DmWordClass bits */
  guint32    pair_phrases; /* DM_UNIT_WORD: the pair phrases it may start */
} DmUnit;

/* Fills @units (DmUnit, emptied first) with the units of @sentence of
 * @text, grouped as said above.  @mentions are the sentence's (text order),
 * @cues its DmCueMatch; @previous_person is the actor "he" stands for at
 * the sentence's start, or DM_NO_ACTOR. */
void dm_sentence_units_build (GArray           *units,
                              DmGazetteer      *gazetteer,
                              const char       *text,
                              const DmSentence *sentence,
                              const DmMatch    *mentions,
                              guint             n_mentions,
                              const GArray     *cues,
                              guint             previous_person);

/* The same, with the pair the paragraph's previous sentence named (two
 * actor indices, or NULL): "Aliyev and Pashinyan met in Prague. The two
 * leaders agreed …" — a pair phrase of a sentence that names no pair of
 * its own stands for it. */
void dm_sentence_units_build_with_pair (GArray           *units,
                                        DmGazetteer      *gazetteer,
                                        const char       *text,
                                        const DmSentence *sentence,
                                        const DmMatch    *mentions,
                                        guint             n_mentions,
                                        const GArray     *cues,
                                        guint             previous_person,
                                        const guint      *previous_pair);

/* Whether @mentions (and @previous_person, the actor "he" may stand for,
 * or DM_NO_ACTOR) hold two different actors: a sentence that does not can
 * state no link, whatever its language. */
gboolean dm_mentions_name_two_actors (const DmMatch *mentions,
                                      guint          n_mentions,
                                      guint          previous_person);

/* "Will Aliyev meet Pashinyan?": whether the sentence's last mark, before
 * closing quotes and brackets, is a question mark. */
gboolean dm_units_end_in_question (GArray *units);

/* NULL outside the array: callers look one unit before or after freely. */
static inline DmUnit *
dm_units_get (GArray *units, int i)
{
  if (i < 0 || (guint) i >= units->len)
    return NULL;
  return &g_array_index (units, DmUnit, i);
}

static inline gboolean
dm_unit_in (const DmUnit *u, DmWordClass word_class)
{
  return u && u->type == DM_UNIT_WORD && (u->classes & word_class);
}

/* strcmp, which the compiler expands for a literal, and the first byte
 * before it: these run for every unit of every sentence with a cue. */
static inline gboolean
dm_unit_is_word (const DmUnit *u, const char *w)
{
  return u && u->type == DM_UNIT_WORD && u->word[0] == w[0] && strcmp (u->word, w) == 0;
}

static inline gboolean
dm_unit_is_punct (const DmUnit *u, const char *p)
{
  return u && u->type == DM_UNIT_PUNCT && u->word[0] == p[0] && strcmp (u->word, p) == 0;
}

G_END_DECLS
