/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-extractor-clauses.c: the shape of a sentence's units as the role
 * finder needs it: where a clause starts and ends, which actor phrase a
 * preposition governs, which is a noun's topic, a place or a party, and
 * the small set operations on coordinated actor phrases. */
#include "config.h"

#include <string.h>

#include "dm-extractor-private.h"

gboolean
_dm_is_clause_boundary (const DmUnit *u)
{
  if (u->type == DM_UNIT_PUNCT)
    return dm_unit_is_punct (u, ";") || dm_unit_is_punct (u, ":") || dm_unit_is_punct (u, "\xe2\x80\x94")
           || dm_unit_is_punct (u, "(") || dm_unit_is_punct (u, ")");
  return dm_unit_in (u, DM_WORD_CLAUSE_OPENER);
}

gboolean
_dm_unit_is_one_of (const DmUnit *u, const char *const *words)
{
  if (!u || u->type != DM_UNIT_WORD)
    return FALSE;
  for (guint i = 0; words[i]; i++)
    if (strcmp (u->word, words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* "#Armenia", "@UN": a hashtag's or a handle's sign is part of the name */
static gboolean
is_name_sign (const DmUnit *u)
{
  return dm_unit_is_punct (u, "#") || dm_unit_is_punct (u, "@");
}

/* TRUE when a preposition governs the actor phrase at @i ("with Armenia",
 * "of the Nagorno-Karabakh region"). */
gboolean
_dm_is_governed (Context *ctx, int i)
{
  /* "with both sides trading accusations": a pair is its clause's subject */
  if (dm_units_get (ctx->units, i)->pair_ref)
    return FALSE;
  for (int k = i - 1; k >= 0 && k >= i - 4; k--)
    {
      DmUnit *u = dm_units_get (ctx->units, k);
      if (is_name_sign (u))
        continue;
      /* "after Azerbaijani troops seized": a subordinate clause's subject */
      if (dm_unit_in (u, DM_WORD_CLAUSE_OPENER))
        return FALSE;
      /* "the leaders of Azerbaijan and Armenia", "a spokesperson for
       * Iran's Supreme Leader" act for their states */
      if ((dm_unit_is_word (u, "of") || dm_unit_is_word (u, "for")) && k > 0
          && dm_unit_in (dm_units_get (ctx->units, k - 1), DM_WORD_HEAD_OF_STATE))
        return FALSE;
      if (dm_unit_in (u, DM_WORD_PREPOSITION))
        return TRUE;
      if (!dm_unit_in (u, DM_WORD_NOUN_MODIFIER))
        return FALSE;
    }
  return FALSE;
}

/* TRUE when @preposition governs the actor phrase at @i. */
gboolean
_dm_is_governed_by (Context *ctx, int i, const char *preposition)
{
  for (int k = i - 1; k >= 0 && k >= i - 4; k--)
    {
      DmUnit *u = dm_units_get (ctx->units, k);
      if (is_name_sign (u))
        continue;
      if (dm_unit_is_word (u, preposition))
        return TRUE;
      if (!dm_unit_in (u, DM_WORD_NOUN_MODIFIER))
        return FALSE;
    }
  return FALSE;
}

int
_dm_clause_start (Context *ctx, int i)
{
  int k;

  for (k = i - 1; k >= 0; k--)
    if (_dm_is_clause_boundary (dm_units_get (ctx->units, k)))
      break;
  return k + 1;
}

int
_dm_clause_end (Context *ctx, int i)
{
  guint k;

  for (k = i + 1; k < ctx->units->len; k++)
    if (_dm_is_clause_boundary (dm_units_get (ctx->units, k)))
      break;
  return k;
}

/* The first ungoverned actor phrase of the clause that holds unit @i. */
int
_dm_clause_subject (Context *ctx, int i)
{
  int start = _dm_clause_start (ctx, i);

  for (int k = start; k < i; k++)
    if (dm_units_get (ctx->units, k)->type == DM_UNIT_ACTOR && !_dm_is_governed (ctx, k))
      return k;
  return -1;
}

gboolean
_dm_is_gerund (Context *ctx, const DmUnit *cue)
{
  gsize n = cue->end - cue->start;
  const char *p = ctx->text + cue->start;
  const char *space = memchr (p, ' ', n);
  gsize head = space ? (gsize) (space - p) : n;

  return head > 4 && strncmp (p + head - 3, "ing", 3) == 0;
}

gboolean
_dm_is_ing_word (const DmUnit *u)
{
  gsize n = u->type == DM_UNIT_WORD ? strlen (u->word) : 0;
  return n > 4 && g_str_has_suffix (u->word, "ing");
}


/* TRUE when a preposition governs the noun cue at @cue ("settlement of
 * the Karabakh conflict", "in a swift offensive"): such a noun is not the
 * clause's own act, so the clause subject is not its agent. */
gboolean
_dm_is_governed_noun (Context *ctx, int cue)
{
  for (int k = cue - 1; k >= 0 && k >= cue - 5; k--)
    {
      DmUnit *u = dm_units_get (ctx->units, k);
      if (dm_unit_in (u, DM_WORD_PREPOSITION) && !dm_unit_in (u, DM_WORD_CLAUSE_OPENER))
        return dm_unit_in (u, DM_WORD_NESTING);
      if ((u->type == DM_UNIT_ACTOR && !u->possessive && _dm_is_modifier (ctx, k)) || dm_unit_is_punct (u, "-"))
        continue;
      if (u->type != DM_UNIT_WORD || dm_unit_in (u, DM_WORD_CLAUSE_OPENER))
        return FALSE;
      /* determiners and adjectives, not verbs */
      if (!dm_unit_in (u, DM_WORD_NOUN_MODIFIER) && !g_str_has_suffix (u->word, "al")
          && !g_str_has_suffix (u->word, "ing") && !dm_unit_in (u, DM_WORD_SIZE))
        return FALSE;
    }
  return FALSE;
}

/* "for control of Nagorno-Karabakh", "over Karabakh": what a fight is
 * about, not who fights. */
gboolean
_dm_is_fought_over (Context *ctx, int i)
{
  static const char *stakes[] = { "control", "sovereignty", "status", "possession", NULL };

  for (int k = i - 1; k >= 0 && k >= i - 4; k--)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      if (dm_unit_in (u, DM_WORD_NOUN_MODIFIER))
        continue;
      if (dm_unit_is_word (u, "over") || dm_unit_is_word (u, "about"))
        return TRUE;
      return dm_unit_is_word (u, "of") && _dm_unit_is_one_of (dm_units_get (ctx->units, k - 1), stakes);
    }
  return FALSE;
}

/* "the Karabakh conflict", "the Karabakh peace process": an actor phrase
 * that qualifies the next cue is its topic, not a party. */
gboolean
_dm_is_modifier (Context *ctx, int i)
{
  DmUnit *next = dm_units_get (ctx->units, i + 1);
  DmUnit *after = dm_units_get (ctx->units, i + 2);
  DmUnit *u = dm_units_get (ctx->units, i);

  /* "the Azerbaijani offensive": a demonym before a noun is its agent */
  if (u->possessive || u->n_actors != 1 || u->demonym)
    return FALSE;
  /* "a UN summit", "an EU mission": an organization owns what it names */
  if (dm_gazetteer_get_actor (ctx->gazetteer, u->actors[0])->kind == DM_ACTOR_ORGANIZATION)
    return FALSE;
  static const char *topic_nouns[] = { "refugee", "refugees", "crisis", "issue", "question", "problem",
                                       "dispute", "settlement", "process", "war", "conflict",
                                       "peace", "corridor", "exodus", "population", "people", "file",
                                       "status", "negotiations", "humanitarian", "situation", NULL };

  /* "the Karabakh refugee crisis", "Karabakh Refugee Crisis": a region's
   * name before a noun is what the noun is about */
  if (dm_gazetteer_get_actor (ctx->gazetteer, u->actors[0])->kind == DM_ACTOR_DE_FACTO && !u->demonym
      && _dm_unit_is_one_of (next, topic_nouns))
    return TRUE;
  return (next && next->type == DM_UNIT_CUE
          && dm_lexicon_get_rule (ctx->lexicon, next->rule)->pos == DM_CUE_NOUN)
         || (next && next->type == DM_UNIT_WORD && after && after->type == DM_UNIT_CUE
             && (dm_unit_is_word (next, "peace") || dm_unit_is_word (next, "conflict") || dm_unit_is_word (next, "region")));
}

/* "a meeting", "France's equipping of Armenia": a gerund used as a noun;
 * and "the much-needed support", "their backing": a verb's bare form
 * after a determiner. */
gboolean
_dm_is_nominal_gerund (Context *ctx, int cue)
{
  static const char *determiners[] = { "the", "a", "an", "their", "its", "his", "her", "our",
                                       "such", "continued", NULL };
  DmUnit *before = dm_units_get (ctx->units, cue - 1);

  if (before && (_dm_unit_is_one_of (before, determiners) || (before->type == DM_UNIT_ACTOR && before->possessive))
      && !_dm_is_participle (ctx, dm_units_get (ctx->units, cue)))
    return TRUE;
  if (!before || !_dm_is_gerund (ctx, dm_units_get (ctx->units, cue)))
    return FALSE;
  return (before->type == DM_UNIT_ACTOR && before->possessive)
         || dm_unit_is_word (before, "a") || dm_unit_is_word (before, "an") || dm_unit_is_word (before, "the")
         || dm_unit_is_word (before, "emergency") || dm_unit_is_word (before, "their") || dm_unit_is_word (before, "its")
         || dm_unit_is_word (before, "his") || dm_unit_is_word (before, "her") || dm_unit_is_word (before, "deadly")
         || dm_unit_is_word (before, "heavy") || dm_unit_is_word (before, "renewed");
}

gboolean
_dm_is_participle (Context *ctx, const DmUnit *cue)
{
  const char *p = ctx->text + cue->start;
  gsize n = cue->end - cue->start;
  const char *space = memchr (p, ' ', n);
  gsize head = space ? (gsize) (space - p) : n;

  return (head > 3 && (strncmp (p + head - 2, "ed", 2) == 0 || strncmp (p + head - 2, "en", 2) == 0))
         || (head == 3 && strncmp (p, "met", 3) == 0) || (head == 6 && strncmp (p, "fought", 6) == 0);
}

gboolean
_dm_group_has_any (const DmUnit *group, const guint *actors, guint n)
{
  for (guint a = 0; a < group->n_actors; a++)
    for (guint b = 0; b < n; b++)
      if (group->actors[a] == actors[b])
        return TRUE;
  return FALSE;
}

static gboolean
same_group (const DmUnit *a, const DmUnit *b)
{
  if (a->n_actors != b->n_actors)
    return FALSE;
  for (guint i = 0; i < a->n_actors; i++)
    if (!_dm_group_has_any (b, &a->actors[i], 1))
      return FALSE;
  return TRUE;
}

/* Adds @from's actors to @into's, once each. */
void
_dm_absorb_actors (DmUnit *into, const DmUnit *from)
{
  for (guint a = 0; a < from->n_actors; a++)
    {
      gboolean seen = FALSE;
      for (guint b = 0; b < into->n_actors; b++)
        seen = seen || into->actors[b] == from->actors[a];
      if (!seen && into->n_actors < DM_UNIT_MAX_GROUP)
        into->actors[into->n_actors++] = from->actors[a];
    }
  into->confidence = MIN (into->confidence, from->confidence);
}

/* The last actor phrase naming a person before unit @k, or -1. */
int
_dm_last_person_before (Context *ctx, int k)
{
  for (int j = k - 1; j >= 0; j--)
    if (dm_units_get (ctx->units, j)->type == DM_UNIT_ACTOR && dm_units_get (ctx->units, j)->person)
      return j;
  return -1;
}

/* The one actor phrase of the sentence, other than @patient's actors and
 * places, when there is exactly one; else -1. */
int
_dm_only_other_actor (Context *ctx, int patient)
{
  int found = -1;

  for (guint k = 0; k < ctx->units->len; k++)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      if ((int) k == patient || u->type != DM_UNIT_ACTOR || u->pair_ref || u->capital)
        continue;
      if (_dm_group_has_any (u, dm_units_get (ctx->units, patient)->actors, dm_units_get (ctx->units, patient)->n_actors))
        continue;
      if (found >= 0 && !same_group (dm_units_get (ctx->units, found), u))
        return -1;
      found = k;
    }
  return found;
}


/* Whether the actor phrase at @i may be a party to what the sentence
 * says: not a topic ("discuss Karabakh", "the Karabakh conflict"), not a
 * place or a thing fought over ("in Vienna", "for control of Karabakh",
 * "war in Nagorno-Karabakh"). */
gboolean
_dm_is_party (Context *ctx, int i)
{
  const DmUnit *u = dm_units_get (ctx->units, i);
  const DmUnit *prev = dm_units_get (ctx->units, i - 1);

  if (u->type != DM_UNIT_ACTOR || u->n_actors == 0 || _dm_is_modifier (ctx, i))
    return FALSE;
  if (prev && prev->type == DM_UNIT_CUE && dm_lexicon_get_rule (ctx->lexicon, prev->rule)->prepositional_object)
    return FALSE;
  for (int k = i - 1; k >= 0 && k >= i - 4; k--)
    {
      const DmUnit *w = dm_units_get (ctx->units, k);
      if (is_name_sign (w) || dm_unit_in (w, DM_WORD_NOUN_MODIFIER))
        continue;
      if (dm_unit_is_word (w, "of") && dm_unit_in (dm_units_get (ctx->units, k - 1), DM_WORD_HEAD_OF_STATE))
        return TRUE;
      /* "collapsed after Armenia and Azerbaijan traded accusations": a
       * conjunction opens a clause, its subject is a party */
      if (dm_unit_in (w, DM_WORD_CLAUSE_OPENER))
        return TRUE;
      if (dm_unit_in (w, DM_WORD_PREPOSITION))
        return dm_unit_is_word (w, "by") || dm_unit_is_word (w, "with") || dm_unit_is_word (w, "between")
               || dm_unit_is_word (w, "to") || dm_unit_is_word (w, "for") || dm_unit_is_word (w, "against")
               || dm_unit_is_word (w, "from");
      break;
    }
  return TRUE;
}

/* The actor phrase after "by", "of" or "with" at @k, over determiners and
 * titles ("by the Organization…", "of Georgia's Prime Minister"), or -1. */
int
_dm_actor_after (Context *ctx, guint k, guint window)
{
  for (guint j = k + 1; j < ctx->units->len && j <= k + window; j++)
    {
      const DmUnit *u = dm_units_get (ctx->units, j);
      /* "the Russian-led Collective Security Treaty Organization" */
      if (u->type == DM_UNIT_ACTOR && u->compound == DM_COMPOUND_OTHER && j + 1 < ctx->units->len
          && dm_units_get (ctx->units, j + 1)->type == DM_UNIT_ACTOR)
        continue;
      if (u->type == DM_UNIT_ACTOR)
        return j;
      if (!(dm_unit_in (u, DM_WORD_NOUN_MODIFIER | DM_WORD_HEAD_OF_STATE | DM_WORD_TITLE) || is_name_sign (u)
            || dm_unit_is_punct (u, "/")))
        return -1;
    }
  return -1;
}
