/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-extractor-frames.c: constructions that span more than a cue and its
 * two roles: relation nouns whose kind the words around them decide,
 * mediation named anywhere in a sentence, three-way parties, messages
 * from one side to another, and offenses that accuse their author. */
#include "config.h"

#include <string.h>

#include "dm-extractor-private.h"

/* ── Messages ───────────────────────────────────────────────────────── */

/* "delivered a letter from Biden to Pashinyan": a message links its sender
 * and its addressee; "sent a letter to the UN" alone is the sending's. */
void
_dm_extract_from_to (Context *ctx, int cue, GArray *out)
{
  int from, to;

  if (!dm_unit_is_word (dm_units_get (ctx->units, cue + 1), "from"))
    return;
  from = _dm_actor_after (ctx, cue + 1, 4);
  if (from < 0 || !dm_unit_is_word (dm_units_get (ctx->units, from + 1), "to"))
    return;
  to = _dm_actor_after (ctx, from + 1, 5);
  if (to < 0)
    return;
  for (guint i = 0; i < dm_units_get (ctx->units, from)->n_actors; i++)
    for (guint j = 0; j < dm_units_get (ctx->units, to)->n_actors; j++)
      _dm_emit (ctx, dm_units_get (ctx->units, cue), dm_units_get (ctx->units, from)->actors[i],
            dm_units_get (ctx->units, to)->actors[j],
            MIN (dm_units_get (ctx->units, from)->confidence, dm_units_get (ctx->units, to)->confidence), out);
}

/* ── Relations: the words around "relations", "ties", "partnership" ──── */

/* Whether the clause of the relation noun at @cue says relations got worse
 * (-1), better (+1) or neither (0).  The word nearest to the noun wins;
 * a tension cue in the clause ("strained", "rift") counts as worse. */
static int
relation_polarity (Context *ctx, int cue)
{
  int start = _dm_clause_start (ctx, cue), end = _dm_clause_end (ctx, cue);
  int best = 0, best_distance = G_MAXINT;

  for (int k = start; k < end; k++)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      int polarity = 0, distance = ABS (k - cue);

      if (k == cue)
        continue;
      /* "would damage relations", "will improve": a prediction */
      if (_dm_is_prediction (ctx, k))
        continue;
      if (dm_unit_in (u, DM_WORD_RELATION_WORSE))
        polarity = -1;
      else if (dm_unit_in (u, DM_WORD_RELATION_BETTER))
        polarity = 1;
      else if (u->type == DM_UNIT_CUE && dm_lexicon_get_rule (ctx->lexicon, u->rule)->kind == DM_LINK_TENSION)
        polarity = -1;
      if (polarity != 0 && (distance < best_distance || (distance == best_distance && polarity < 0)))
        {
          best = polarity;
          best_distance = distance;
        }
    }
  return best;
}

/* "EU-Georgia relations", "the US-Georgia Strategic Partnership": a
 * coordinated phrase just before the noun names its two sides. */
static int
find_compound_pair (Context *ctx, int cue)
{
  for (int k = cue - 1; k >= 0 && k >= cue - 3; k--)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      if (u->type == DM_UNIT_ACTOR)
        return u->n_actors >= 2 && !u->possessive ? k : -1;
      if (u->type != DM_UNIT_WORD || dm_unit_in (u, DM_WORD_PREPOSITION | DM_WORD_CLAUSE_OPENER | DM_WORD_NEGATION))
        return -1;
    }
  return -1;
}

/* The only two actors a sentence names, for "those ties have frayed": a
 * relation whose sides are not said is the sentence's pair.  Places ("in
 * Baku") do not count. */
static gboolean
find_sentence_pair (Context *ctx, DmUnit *pair)
{
  memset (pair, 0, sizeof *pair);
  pair->type = DM_UNIT_ACTOR;
  pair->confidence = 1.0f;
  for (guint k = 0; k < ctx->units->len; k++)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      const DmUnit *prev = dm_units_get (ctx->units, (int) k - 1);
      if (u->type != DM_UNIT_ACTOR || u->pair_ref)
        continue;
      if (u->capital && (dm_unit_is_word (prev, "in") || dm_unit_is_word (prev, "at")))
        continue;
      for (guint a = 0; a < u->n_actors; a++)
        {
          gboolean seen = FALSE;
          for (guint b = 0; b < pair->n_actors; b++)
            seen = seen || pair->actors[b] == u->actors[a];
          if (seen)
            continue;
          if (pair->n_actors == 2)
            return FALSE;
          pair->actors[pair->n_actors++] = u->actors[a];
        }
      pair->confidence = MIN (pair->confidence, u->confidence);
    }
  return pair->n_actors == 2;
}

void
_dm_extract_relation (Context *ctx, int cue, GArray *out)
{
  const DmUnit *c = dm_units_get (ctx->units, cue);
  const DmCueRule *rule = dm_lexicon_get_rule (ctx->lexicon, c->rule);
  int polarity = relation_polarity (ctx, cue);
  gboolean between;
  const char *link_word;
  int patient, agent, pair;
  DmUnit sentence_pair;

  if (polarity < 0)
    ctx->kind_override = DM_LINK_TENSION;
  else if (polarity > 0)
    ctx->kind_override = DM_LINK_COOPERATE;
  else if (rule->has_neutral_kind)
    ctx->kind_override = rule->neutral_kind;
  else
    return;

  patient = _dm_find_noun_patient (ctx, cue, &between, &link_word);
  /* "its participation in the CSTO", "membership in the European Union" */
  if (patient < 0 && dm_unit_is_word (dm_units_get (ctx->units, cue + 1), "in"))
    {
      patient = _dm_actor_after (ctx, cue + 1, 4);
      link_word = patient >= 0 ? "in" : NULL;
    }
  if (between && patient >= 0 && dm_units_get (ctx->units, patient)->n_actors >= 2)
    {
      /* "relations between A and B": both sides at once, both ways */
      _dm_emit_within (ctx, c, dm_units_get (ctx->units, patient), dm_units_get (ctx->units, patient)->confidence, out);
      return;
    }
  pair = find_compound_pair (ctx, cue);
  if (pair >= 0)
    {
      _dm_emit_within (ctx, c, dm_units_get (ctx->units, pair), dm_units_get (ctx->units, pair)->confidence, out);
      return;
    }
  agent = _dm_find_agent (ctx, cue);
  if (agent == -2)
    return;
  if (agent >= 0 && patient >= 0)
    {
      const DmUnit *a = dm_units_get (ctx->units, agent), *p = dm_units_get (ctx->units, patient);
      for (guint i = 0; i < a->n_actors; i++)
        for (guint j = 0; j < p->n_actors; j++)
          _dm_emit (ctx, c, a->actors[i], p->actors[j], MIN (a->confidence, p->confidence), out);
      return;
    }
  /* "Armenia and Turkey restored diplomatic relations" */
  if (agent >= 0 && dm_units_get (ctx->units, agent)->n_actors >= 2)
    {
      _dm_emit_within (ctx, c, dm_units_get (ctx->units, agent), dm_units_get (ctx->units, agent)->confidence, out);
      return;
    }
  /* "those ties have frayed": only a change of relations said of no one
   * in particular stands for the sentence's pair */
  if (patient < 0 && !link_word && polarity != 0 && find_sentence_pair (ctx, &sentence_pair))
    _dm_emit_within (ctx, c, &sentence_pair, sentence_pair.confidence * 0.9f, out);
}

/* ── Hosts and mediators ────────────────────────────────────────────── */

/* "Putin hosted Aliyev and Pashinyan for talks": a host of talks or
 * negotiations later in its clause mediates between its guests. */
gboolean
_dm_clause_has_talks (Context *ctx, int cue)
{
  for (guint k = cue + 1; k < ctx->units->len && k <= (guint) cue + 12; k++)
    {
      DmUnit *u = dm_units_get (ctx->units, k);
      if (_dm_is_clause_boundary (u))
        return FALSE;
      if (u->type == DM_UNIT_CUE)
        {
          DmLinkKind kind = dm_lexicon_get_rule (ctx->lexicon, u->rule)->kind;
          return kind == DM_LINK_CONSULT || kind == DM_LINK_NEGOTIATE;
        }
    }
  return FALSE;
}

/* Words that, after a meeting noun and before "by", make the agent its
 * organizer: "a meeting organized by the OSCE", "talks convened by". */
static gboolean
is_organizing_word (const DmUnit *u)
{
  static const char *words[] = { "organized", "organised", "convened", "sponsored", "arranged",
                                 "chaired", "co-chaired", "facilitated", "initiated", NULL };

  for (guint i = 0; u && u->type == DM_UNIT_WORD && words[i]; i++)
    if (strcmp (u->word, words[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
_dm_follows_meeting_noun (Context *ctx, int k)
{
  for (int j = k - 1; j >= 0 && j >= k - 3; j--)
    {
      const DmUnit *u = dm_units_get (ctx->units, j);
      if (u->type == DM_UNIT_CUE)
        {
          const DmCueRule *rule = dm_lexicon_get_rule (ctx->lexicon, u->rule);
          return rule->pos == DM_CUE_NOUN && (rule->kind == DM_LINK_CONSULT || rule->kind == DM_LINK_NEGOTIATE);
        }
      if (u->type != DM_UNIT_WORD)
        return FALSE;
    }
  return FALSE;
}

/* Whether a meeting noun follows unit @k, over determiners: "hosting the
 * talks", "hosting a summit". */
static gboolean
precedes_meeting_noun (Context *ctx, int k)
{
  for (guint j = k + 1; j < ctx->units->len && j <= (guint) k + 3; j++)
    {
      const DmUnit *u = dm_units_get (ctx->units, j);
      if (u->type == DM_UNIT_CUE)
        {
          const DmCueRule *rule = dm_lexicon_get_rule (ctx->lexicon, u->rule);
          return (rule->pos == DM_CUE_NOUN || _dm_is_nominal_gerund (ctx, j))
                 && (rule->kind == DM_LINK_CONSULT || rule->kind == DM_LINK_NEGOTIATE);
        }
      if (u->type != DM_UNIT_WORD)
        return FALSE;
    }
  return FALSE;
}

/* The mediator that unit @k names, or -1: "Russian-brokered", "brokered
 * by Russia", "with EU mediation", "Turkey's mediation", "the mediation of
 * Qatar", "a meeting organized by the OSCE", "a summit hosted by Russia",
 * "under the auspices of the UN". */
static int
mediator_at (Context *ctx, int k)
{
  static const char *quantities[] = { "one", "two", "three", "another", "other", "others", "third", NULL };
  const DmUnit *u = dm_units_get (ctx->units, k);

  if (u->type == DM_UNIT_ACTOR)
    return u->compound == DM_COMPOUND_MEDIATED ? k : -1;
  if (u->type == DM_UNIT_CUE)
    {
      const DmCueRule *rule = dm_lexicon_get_rule (ctx->lexicon, u->rule);
      const DmUnit *next = dm_units_get (ctx->units, k + 1);
      const DmUnit *prev = dm_units_get (ctx->units, k - 1);

      if (rule->kind == DM_LINK_MEDIATE && rule->pos == DM_CUE_VERB)
        {
          /* "the Moscow-brokered truce" */
          if (prev && dm_unit_is_punct (prev, "-") && dm_units_get (ctx->units, k - 2)
              && dm_units_get (ctx->units, k - 2)->type == DM_UNIT_ACTOR)
            return k - 2;
          return _dm_find_passive_agent (ctx, k);
        }
      if (rule->hosts_talks && _dm_follows_meeting_noun (ctx, k))
        return _dm_find_passive_agent (ctx, k);
      /* "with Kazakhstan hosting the talks" */
      if (rule->hosts_talks && prev && prev->type == DM_UNIT_ACTOR && _dm_is_gerund (ctx, u)
          && precedes_meeting_noun (ctx, k))
        return k - 1;
      if (rule->kind == DM_LINK_MEDIATE && rule->pos == DM_CUE_NOUN)
        {
          int possessor = _dm_find_possessor (ctx, k);
          if (possessor >= 0)
            return possessor;
          if (prev && prev->type == DM_UNIT_ACTOR && !prev->pair_ref)
            return k - 1;
          if (dm_unit_is_word (next, "of") || dm_unit_is_word (next, "by"))
            return _dm_actor_after (ctx, k + 1, 5);
        }
      return -1;
    }
  if (dm_unit_is_word (u, "by") && is_organizing_word (dm_units_get (ctx->units, k - 1)) && _dm_follows_meeting_noun (ctx, k - 1))
    return _dm_actor_after (ctx, k, 5);
  if (dm_unit_is_word (u, "auspices") && dm_unit_is_word (dm_units_get (ctx->units, k + 1), "of"))
    return _dm_actor_after (ctx, k + 1, 5);
  /* "two brokered by Russia and one by the US": a mediation said once
   * and its ellipsis */
  if (dm_unit_is_word (u, "by") && _dm_unit_is_one_of (dm_units_get (ctx->units, k - 1), quantities))
    {
      for (int j = k - 2; j >= 0; j--)
        {
          const DmUnit *w = dm_units_get (ctx->units, j);
          if (w->type == DM_UNIT_CUE && dm_lexicon_get_rule (ctx->lexicon, w->rule)->kind == DM_LINK_MEDIATE
              && dm_lexicon_get_rule (ctx->lexicon, w->rule)->pos == DM_CUE_VERB)
            return _dm_actor_after (ctx, k, 3);
        }
    }
  /* "the Moscow-brokered truce", read as a word after the dash */
  if ((dm_unit_is_word (u, "brokered") || dm_unit_is_word (u, "mediated") || dm_unit_is_word (u, "sponsored"))
      && dm_unit_is_punct (dm_units_get (ctx->units, k - 1), "-") && dm_units_get (ctx->units, k - 2)
      && dm_units_get (ctx->units, k - 2)->type == DM_UNIT_ACTOR)
    return k - 2;
  return -1;
}


/* A mediator acts on each party the sentence names; the parties negotiate
 * when the sentence speaks of talks or of an agreement. */
void
_dm_extract_mediation (Context *ctx, GArray *out)
{
  guint mediators[DM_UNIT_MAX_GROUP], n_mediators = 0;
  DmUnit parties = { 0 };
  DmUnit cue = { 0 };
  gboolean talks = FALSE;

  for (guint k = 0; k < ctx->units->len; k++)
    {
      int m = mediator_at (ctx, k);
      const DmUnit *u = dm_units_get (ctx->units, k);

      if (u->type == DM_UNIT_CUE)
        {
          DmLinkKind kind = dm_lexicon_get_rule (ctx->lexicon, u->rule)->kind;
          talks = talks || kind == DM_LINK_NEGOTIATE || kind == DM_LINK_CONSULT;
        }
      if (m < 0)
        continue;
      if (n_mediators == 0)
        {
          /* the evidence's cue: the mediation word, or the compound */
          cue.type = DM_UNIT_CUE;
          cue.start = u->start;
          cue.end = u->end;
          cue.rule = u->type == DM_UNIT_CUE ? u->rule : ctx->mediate_rule;
        }
      for (guint a = 0; a < dm_units_get (ctx->units, m)->n_actors && n_mediators < DM_UNIT_MAX_GROUP; a++)
        mediators[n_mediators++] = dm_units_get (ctx->units, m)->actors[a];
    }
  if (n_mediators == 0 || cue.rule == G_MAXUINT)
    return;

  parties.type = DM_UNIT_ACTOR;
  parties.confidence = 1.0f;
  for (guint k = 0; k < ctx->units->len; k++)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      if (u->type != DM_UNIT_ACTOR || _dm_group_has_any (u, mediators, n_mediators) || !_dm_is_party (ctx, k))
        continue;
      _dm_absorb_actors (&parties, u);
    }
  if (parties.n_actors == 0)
    return;

  ctx->kind_override = DM_LINK_MEDIATE;
  for (guint m = 0; m < n_mediators; m++)
    for (guint p = 0; p < parties.n_actors; p++)
      _dm_emit (ctx, &cue, mediators[m], parties.actors[p], parties.confidence * 0.9f, out);
  if (talks && parties.n_actors >= 2)
    {
      ctx->kind_override = DM_LINK_NEGOTIATE;
      _dm_emit_within (ctx, &cue, &parties, parties.confidence * 0.85f, out);
    }
  ctx->kind_override = -1;
}


/* ── Offenses ───────────────────────────────────────────────────────── */

/* The author of the offense noun at @cue: "the Kremlin's betrayal", "a
 * betrayal by the Kremlin", "another Russian provocation". */
static int
find_offender (Context *ctx, int cue)
{
  const DmUnit *prev = dm_units_get (ctx->units, cue - 1);
  int possessor = _dm_find_possessor (ctx, cue);

  if (possessor >= 0)
    return possessor;
  if (prev && prev->type == DM_UNIT_ACTOR && !prev->pair_ref)
    return cue - 1;
  if (dm_unit_is_word (dm_units_get (ctx->units, cue + 1), "by") || dm_unit_is_word (dm_units_get (ctx->units, cue + 1), "of"))
    return _dm_actor_after (ctx, cue + 1, 5);
  return -1;
}

/* "what Yerevan sees as a betrayal by the Kremlin", "calling the changes
 * another Russian provocation": the one who speaks of an offense accuses
 * its author. */
void
_dm_extract_offense (Context *ctx, int cue, GArray *out)
{
  const DmUnit *c = dm_units_get (ctx->units, cue);
  int offender = find_offender (ctx, cue);
  int accuser = -1;
  const DmUnit *a, *o;

  if (offender < 0)
    return;
  /* "sees as", "regards as", "calls it": "as" opens no clause of its own here */
  for (int k = cue - 1; k >= 0 && accuser < 0; k--)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      if (_dm_is_clause_boundary (u) && !dm_unit_is_word (u, "as"))
        break;
      if (k != offender && u->type == DM_UNIT_ACTOR && !_dm_is_governed (ctx, k))
        accuser = k;
    }
  if (accuser < 0)
    {
      /* ", calling the changes …": the subject of the clause before */
      for (int k = cue - 1; k >= 0; k--)
        if (dm_unit_is_punct (dm_units_get (ctx->units, k), ",") && _dm_is_ing_word (dm_units_get (ctx->units, k + 1)))
          {
            accuser = _dm_clause_subject (ctx, k);
            break;
          }
    }
  if (accuser < 0)
    return;
  a = dm_units_get (ctx->units, accuser);
  o = dm_units_get (ctx->units, offender);
  for (guint i = 0; i < a->n_actors; i++)
    for (guint j = 0; j < o->n_actors; j++)
      _dm_emit (ctx, c, a->actors[i], o->actors[j], MIN (a->confidence, o->confidence), out);
}
