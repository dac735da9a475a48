/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-extractor-roles.c: the agent and the patient of one cue: the
 * nearest actor phrase that no preposition governs, the subject of the
 * clause a participle or a relative pronoun hangs on, a possessor, the
 * object of a verb, the phrase a noun's preposition attaches, the agent
 * after "by", and the roles that answers, contacts and co-agents give. */
#include "config.h"

#include <string.h>

#include "dm-extractor-private.h"

/* "Azerbaijan's large-scale military aggression": a possessor before the
 * noun's adjectives is its agent, whatever governs the phrase. */
int
_dm_find_possessor (Context *ctx, int cue)
{
  for (int k = cue - 1; k >= 0 && k >= cue - 6; k--)
    {
      DmUnit *u = dm_units_get (ctx->units, k);
      if (u->type == DM_UNIT_ACTOR)
        return u->possessive ? k : -1;
      if (dm_unit_is_punct (u, "-"))
        continue;  /* "large-scale" */
      if (u->type != DM_UNIT_WORD || dm_unit_in (u, DM_WORD_PREPOSITION))
        return -1;
    }
  return -1;
}

/* "Russia, Armenia's traditional ally, criticised …": the possessor of a
 * noun of kin is somebody else than the one who acts. */
static gboolean
is_possessor_of_kin (Context *ctx, int k)
{
  static const char *kin[] = { "ally", "allies", "partner", "partners", "neighbour", "neighbours",
                               "neighbor", "neighbors", "friend", "friends", "backer", "backers",
                               "patron", "protector", "rival", "rivals", "adversary", "foe",
                               "enemy", "enemies", NULL };

  if (!dm_units_get (ctx->units, k)->possessive)
    return FALSE;
  for (int j = k + 1; j < (int) ctx->units->len && j <= k + 4; j++)
    {
      const DmUnit *u = dm_units_get (ctx->units, j);
      if (_dm_unit_is_one_of (u, kin))
        return TRUE;
      if (u->type != DM_UNIT_WORD || dm_unit_in (u, DM_WORD_PREPOSITION | DM_WORD_CLAUSE_OPENER))
        return FALSE;
    }
  return FALSE;
}

int
_dm_find_agent (Context *ctx, int cue)
{
  int start = _dm_clause_start (ctx, cue);
  DmUnit *before = dm_units_get (ctx->units, cue - 1);
  const DmCueRule *rule = dm_lexicon_get_rule (ctx->lexicon, dm_units_get (ctx->units, cue)->rule);
  int possessor = rule->possessor_is_patient ? -1 : _dm_find_possessor (ctx, cue);

  if (possessor >= 0)
    return possessor;
  if ((rule->pos == DM_CUE_NOUN || _dm_is_nominal_gerund (ctx, cue)) && _dm_is_governed_noun (ctx, cue))
    return -1;

  /* ", urging him": the subject of the clause the comma ends. */
  if (before && dm_unit_is_punct (before, ",") && _dm_is_gerund (ctx, dm_units_get (ctx->units, cue)))
    {
      int subject = _dm_clause_subject (ctx, cue - 1);
      int opener = _dm_clause_start (ctx, cue - 1) - 1;
      /* "Armenia is allied to Russia, but has pivoted west, accusing
       * Moscow": a clause joined by "but" or "and" shares the subject */
      if (subject < 0 && opener > 0
          && (dm_unit_is_word (dm_units_get (ctx->units, opener), "but") || dm_unit_is_word (dm_units_get (ctx->units, opener), "yet")))
        subject = _dm_clause_subject (ctx, opener - 1);
      return subject;
    }

  for (int k = cue - 1; k >= start; k--)
    {
      DmUnit *u = dm_units_get (ctx->units, k);
      if (u->type == DM_UNIT_ACTOR && !_dm_is_governed (ctx, k) && !is_possessor_of_kin (ctx, k))
        return k;
      if (dm_unit_in (u, DM_WORD_NEGATION))
        return -2;
      /* ", sparking deadly fighting with …": a participle after a comma
       * takes the subject of the clause before it */
      if (dm_unit_is_punct (u, ",") && k + 1 < cue && _dm_is_ing_word (dm_units_get (ctx->units, k + 1)))
        return _dm_clause_subject (ctx, k);
    }
  /* ", which sides with Baku": the phrase before the relative pronoun. */
  if (start > 0)
    {
      DmUnit *opener = dm_units_get (ctx->units, start - 1);
      if (dm_unit_is_word (opener, "which") || dm_unit_is_word (opener, "who") || dm_unit_is_word (opener, "that"))
        {
          int k = start - 2;
          if (k >= 0 && dm_unit_is_punct (dm_units_get (ctx->units, k), ","))
            k--;
          if (k >= 0 && dm_units_get (ctx->units, k)->type == DM_UNIT_ACTOR)
            return k;
          /* "Iran's assertion that any change would cross a red line": a
           * that-clause without a subject of its own speaks for the
           * possessor of the noun it completes */
          if (dm_unit_is_word (opener, "that") && k >= 1 && dm_units_get (ctx->units, k)->type == DM_UNIT_WORD
              && dm_units_get (ctx->units, k - 1)->type == DM_UNIT_ACTOR && dm_units_get (ctx->units, k - 1)->possessive)
            return k - 1;
        }
    }
  return -1;
}


/* The subject of the that-clause opened at @k, when it acts there: "the
 * demand that Armenia change" names Armenia, "demands that Georgia be
 * allowed in" asks nothing of Georgia. */
static int
that_clause_subject (Context *ctx, int k)
{
  int subject = _dm_actor_after (ctx, k, 3);

  if (subject < 0 || dm_unit_is_word (dm_units_get (ctx->units, subject + 1), "be"))
    return -1;
  return subject;
}

/* The patient of a verb: the first actor phrase after it in the clause,
 * except a capital after "in" or "at" (a place, not a party).  A mediator
 * acts on the parties of the process it mediates ("brokered a ceasefire
 * between Baku and Yerevan"). */
/* "wrote to", "sent a letter to", "appealed to": the phrase after "to" at
 * @k is the addressee of a message, not a place ("with regard to"). */
static gboolean
follows_sending (Context *ctx, int k)
{
  static const char *words[] = { "wrote", "write", "writes", "written", "sent", "send", "sends",
                                 "letter", "letters", "message", "appealed", "turned", "addressed",
                                 "submitted", "complaint", "note", NULL };

  for (int j = k - 1; j >= 0 && j >= k - 5; j--)
    if (_dm_unit_is_one_of (dm_units_get (ctx->units, j), words))
      return TRUE;
  return FALSE;
}

/* "sent a letter to the Security Council, requesting a meeting": an
 * appeal whose object is a thing goes to the addressee named before it
 * with "to".  Returns that addressee, or -1. */
static int
find_addressee (Context *ctx, int cue)
{
  guint next = cue + 1;

  while (next < ctx->units->len && (dm_unit_is_word (dm_units_get (ctx->units, next), "a") || dm_unit_is_word (dm_units_get (ctx->units, next), "an")
                                    || dm_unit_is_word (dm_units_get (ctx->units, next), "the")))
    next++;
  if (next < ctx->units->len && dm_units_get (ctx->units, next)->type == DM_UNIT_ACTOR)
    return -1;  /* "urged Azerbaijan": the object is the addressee */
  for (int k = cue - 1; k >= 0; k--)
    {
      DmUnit *u = dm_units_get (ctx->units, k);
      if (u->type == DM_UNIT_ACTOR && _dm_is_governed_by (ctx, k, "to") && follows_sending (ctx, k))
        return k;
      if (_dm_is_clause_boundary (u))
        return -1;
    }
  return -1;
}

int
_dm_find_verb_patient (Context *ctx, int cue)
{
  const DmCueRule *rule = dm_lexicon_get_rule (ctx->lexicon, dm_units_get (ctx->units, cue)->rule);
  guint window = rule->object_window ? rule->object_window : 10;

  if (rule->kind == DM_LINK_APPEAL)
    {
      int addressee = find_addressee (ctx, cue);
      if (addressee >= 0)
        return addressee;
    }

  /* "warned that Armenia's move would …", "urged that Baku withdraw":
   * a speech act's that-clause names whom it is about */
  if ((rule->kind == DM_LINK_WARN || rule->kind == DM_LINK_APPEAL)
      && dm_unit_is_word (dm_units_get (ctx->units, cue + 1), "that"))
    return that_clause_subject (ctx, cue + 1);

  for (guint k = cue + 1; k < ctx->units->len && k <= (guint) cue + window; k++)
    {
      DmUnit *u = dm_units_get (ctx->units, k);
      if (u->type == DM_UNIT_CUE && (rule->kind == DM_LINK_MEDIATE || ctx->hosting_talks))
        {
          gboolean between;
          const char *link_word;
          int parties = _dm_find_noun_patient (ctx, k, &between, &link_word);
          return between ? parties : -1;
        }
      if (_dm_is_clause_boundary (u) || u->type == DM_UNIT_CUE || dm_unit_is_punct (u, ",") || dm_unit_is_punct (u, ".")
          || dm_unit_in (u, DM_WORD_NEGATION))
        return -1;  /* "sided with neither Russia nor the West" */
      if (u->type == DM_UNIT_ACTOR)
        {
          DmUnit *prev = dm_units_get (ctx->units, k - 1);
          /* "retook its breakaway region of Nagorno-Karabakh": "its" is
           * the object's determiner */
          if (u->pronoun && u->possessive)
            continue;
          /* "welcomed the support provided by Azerbaijan": the phrase
           * after "by" is another verb's agent, not this one's object */
          if (dm_unit_is_word (prev, "by"))
            return -1;
          /* a place ("in Baku", "in Armenia") or a source ("from
           * Karabakh") is no party; what is seized or fought "in" a
           * region is the region's */
          if ((u->capital || rule->kind == DM_LINK_COOPERATE || rule->kind == DM_LINK_AID || rule->kind == DM_LINK_CONSULT)
              && (dm_unit_is_word (prev, "in") || dm_unit_is_word (prev, "at")))
            continue;
          if (dm_unit_is_word (prev, "from") && (rule->kind == DM_LINK_AID || rule->kind == DM_LINK_COOPERATE))
            continue;
          /* "fought two wars for control of Karabakh": what is fought
           * over is no party */
          if (rule->kind == DM_LINK_FIGHT && _dm_is_fought_over (ctx, k))
            continue;
          /* "discuss Karabakh" names a topic; "discuss with Baku" a party */
          if (rule->prepositional_object && !_dm_is_governed_by (ctx, k, "with")
              && !_dm_is_governed_by (ctx, k, "to"))
            continue;
          if (_dm_is_modifier (ctx, k))
            return -1;
          /* "moves away from its traditional ally Russia": the name after
           * a possessor's nouns of kin is the object */
          if (u->possessive)
            {
              guint j = k + 1;
              while (j < ctx->units->len && j <= (guint) k + 3 && dm_unit_in (dm_units_get (ctx->units, j), DM_WORD_NOUN_MODIFIER))
                j++;
              if (j > (guint) k + 1 && j < ctx->units->len && dm_units_get (ctx->units, j)->type == DM_UNIT_ACTOR)
                return j;
            }
          /* "engaged in with Azerbaijan" is no talk */
          if (rule->prepositional_object && dm_unit_is_word (dm_units_get (ctx->units, cue + 1), "in"))
            return -1;
          return k;
        }
    }
  return -1;
}

/* The patient of a noun cue: "tensions with Armenia", "seizure of the
 * region", "support for Yerevan". */
/* The last word of a cue phrase ("concerns about", "ensuring contacts
 * between") when it is itself the link to the patient. */
static const char *
cue_final_preposition (Context *ctx, const DmUnit *cue)
{
  static const char *finals[] = { "about", "between", "with", "to", "for", "against", "on", "at", NULL };
  const char *p = ctx->text + cue->start;
  const char *end = ctx->text + cue->end;
  const char *space = g_strrstr_len (p, end - p, " ");
  g_autofree char *last = NULL;

  if (!space)
    return NULL;
  last = g_ascii_strdown (space + 1, end - space - 1);
  for (guint i = 0; finals[i]; i++)
    if (g_str_equal (last, finals[i]))
      return finals[i];
  return NULL;
}

/* The patient of a noun cue: "tensions with Armenia", "seizure of the
 * region", "support for Yerevan".  @link_word is the preposition that
 * introduced it ("from" names the agent: "support from Armenia"). */
/* Whether the units strictly between @from and @to are all determiners,
 * adjectives or nouns of kin ("its", "rival", "neighbouring"). */
static gboolean
only_modifiers_between (Context *ctx, guint from, guint to)
{
  for (guint k = from + 1; k < to; k++)
    if (!dm_unit_in (dm_units_get (ctx->units, k), DM_WORD_NOUN_MODIFIER))
      return FALSE;
  return TRUE;
}

int
_dm_find_noun_patient (Context *ctx, int cue, gboolean *between, const char **link_word)
{
  const DmUnit *c = dm_units_get (ctx->units, cue);
  DmLinkKind kind = dm_lexicon_get_rule (ctx->lexicon, c->rule)->kind;
  const char *final = cue_final_preposition (ctx, c);
  guint k = cue + 1;

  *between = FALSE;
  *link_word = NULL;
  if ((kind == DM_LINK_APPEAL || kind == DM_LINK_WARN) && dm_unit_is_word (dm_units_get (ctx->units, cue + 1), "that"))
    {
      int subject = that_clause_subject (ctx, cue + 1);
      if (subject >= 0)
        {
          *link_word = "that";
          return subject;
        }
    }
  if (final)
    {
      *link_word = final;
      k = cue;
    }
  else
    {
      /* up to two words ("economic support for", "call to") before the link */
      while (k < ctx->units->len && k <= (guint) cue + 2 && dm_units_get (ctx->units, k)->type == DM_UNIT_WORD
             && !dm_unit_in (dm_units_get (ctx->units, k), DM_WORD_LINKING) && !dm_unit_in (dm_units_get (ctx->units, k), DM_WORD_CLAUSE_OPENER)
             && !dm_unit_is_word (dm_units_get (ctx->units, k), "by"))
        k++;
      if (k >= ctx->units->len)
        return -1;
      if (!dm_unit_in (dm_units_get (ctx->units, k), DM_WORD_LINKING) && !(k == (guint) cue + 1 && dm_unit_is_word (dm_units_get (ctx->units, k), "by")))
        return -1;
      *link_word = dm_units_get (ctx->units, k)->word;
    }
  /* "accusations by Yerevan": the agent, right after the noun */
  if (!final && k == (guint) cue + 1 && dm_unit_is_word (dm_units_get (ctx->units, k), "by"))
    *link_word = "by";
  /* "talks on Karabakh", "tensions on the border": a topic or a place */
  if (g_str_equal (*link_word, "on")
      && (kind == DM_LINK_CONSULT || kind == DM_LINK_NEGOTIATE || kind == DM_LINK_MEDIATE || kind == DM_LINK_TENSION))
    return -1;
  *between = g_str_equal (*link_word, "between");
  for (guint j = k + 1; j < ctx->units->len && j <= k + 5; j++)
    {
      DmUnit *u = dm_units_get (ctx->units, j);
      /* "with its rival, Azerbaijan": a comma after the link's own
       * determiners and nouns of kin sets off the name */
      if (dm_unit_is_punct (u, ",") && j > k + 1 && j + 1 < ctx->units->len
          && dm_units_get (ctx->units, j + 1)->type == DM_UNIT_ACTOR && only_modifiers_between (ctx, k, j))
        continue;
      if (_dm_is_clause_boundary (u) || u->type == DM_UNIT_CUE || dm_unit_is_punct (u, ",") || dm_unit_is_punct (u, "."))
        return -1;
      if (u->type == DM_UNIT_ACTOR)
        {
          if (u->capital && (dm_unit_is_word (dm_units_get (ctx->units, j - 1), "in") || dm_unit_is_word (dm_units_get (ctx->units, j - 1), "at")))
            continue;
          if (_dm_is_modifier (ctx, j))
            return -1;
          /* "two wars for control of Nagorno-Karabakh" */
          if (kind == DM_LINK_FIGHT && _dm_is_fought_over (ctx, j))
            return -1;
          return j;
        }
    }
  return -1;
}

/* "was attacked by Azerbaijan", "brokered by Russia": the agent follows. */
int
_dm_find_passive_agent (Context *ctx, int cue)
{
  if (!_dm_is_participle (ctx, dm_units_get (ctx->units, cue)))
    return -1;
  for (guint k = cue + 1; k < ctx->units->len && k <= (guint) cue + 2; k++)
    if (dm_unit_is_word (dm_units_get (ctx->units, k), "by"))
      {
        for (guint j = k + 1; j < ctx->units->len && j <= k + 6; j++)
          {
            DmUnit *u = dm_units_get (ctx->units, j);
            if (u->type == DM_UNIT_ACTOR)
              return j;
            if (!(dm_unit_in (u, DM_WORD_NOUN_MODIFIER) || dm_unit_in (u, DM_WORD_HEAD_OF_STATE) || dm_unit_is_word (u, "of")))
              return -1;
          }
        return -1;
      }
  return -1;
}


/* The actor after "with" that a contact noun of the sentence names ("his
 * conversations with Aliyev and Pashinyan", "a call with Aliyev"), or -1. */
int
_dm_partner_of_contact (Context *ctx, int cue)
{
  for (guint k = 0; k < ctx->units->len; k++)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      if ((int) k != cue && u->type == DM_UNIT_CUE && dm_lexicon_get_rule (ctx->lexicon, u->rule)->kind == DM_LINK_CONSULT
          && (dm_lexicon_get_rule (ctx->lexicon, u->rule)->pos == DM_CUE_NOUN || _dm_is_nominal_gerund (ctx, k))
          && dm_unit_is_word (dm_units_get (ctx->units, k + 1), "with"))
        return _dm_actor_after (ctx, k + 1, 3);
    }
  return -1;
}

/* Whether the noun cue at @cue, whose author is @agent, is the object of
 * a verb of answering or refusing: "rebuffed US demands", "responding to
 * a Ukrainian drone attack". */
gboolean
_dm_answers_act (Context *ctx, int cue, int agent)
{
  static const char *answers[] = { "rebuffed", "rejected", "rejects", "reject", "dismissed", "dismisses",
                                   "ignored", "ignores", "heeded", "accepted", "resisted", "defied",
                                   "refuted", "responded", "responding", "respond", "retaliated",
                                   "retaliating", "repelled", "repelling", "repulsed", NULL };
  int from = MIN (agent, cue);

  for (int k = from - 1; k >= 0 && k >= from - 5; k--)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      if (_dm_unit_is_one_of (u, answers))
        return TRUE;
      if (u->type != DM_UNIT_WORD || dm_unit_in (u, DM_WORD_CLAUSE_OPENER))
        return FALSE;
    }
  return FALSE;
}

/* "in parallel with France", "together with Russia", "along with the
 * EU", "in coordination with NATO", "the US with the EU regrets": an actor
 * that shares the act of the clause's subject, or -1. */
int
_dm_find_co_agent (Context *ctx, int cue, int agent, int patient)
{
  int start = _dm_clause_start (ctx, cue), end = _dm_clause_end (ctx, cue);

  for (int k = start; k < end; k++)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      gboolean with = dm_unit_is_word (u, "with") || dm_unit_is_word (u, "w");
      const DmUnit *before = dm_units_get (ctx->units, k - 1);
      int actor;

      if (!with || k == patient - 1)
        continue;
      /* "X with Y regrets": right after the subject, before the verb */
      if (!(dm_unit_in (before, DM_WORD_CO_AGENT) || (k - 1 == agent && k < cue)))
        continue;
      actor = _dm_actor_after (ctx, k, 4);
      if (actor >= 0 && actor != agent && actor != patient && (actor < cue || k > cue))
        return actor;
    }
  return -1;
}

/* "lawsuits filed by Armenia against Azerbaijan", "the deal signed by
 * Baku": a participle and "by" after a noun give its agent; returns it, and
 * in @patient the phrase after "against", "with" or "to" that follows. */
int
_dm_find_participle_agent (Context *ctx, int cue, int *patient)
{
  const DmUnit *next = dm_units_get (ctx->units, cue + 1);
  int agent;

  *patient = -1;
  if (!next || next->type != DM_UNIT_WORD || !g_str_has_suffix (next->word, "ed")
      || !dm_unit_is_word (dm_units_get (ctx->units, cue + 2), "by"))
    return -1;
  agent = _dm_actor_after (ctx, cue + 2, 4);
  if (agent < 0)
    return -1;
  {
    const DmUnit *link = dm_units_get (ctx->units, agent + 1);
    if (dm_unit_is_word (link, "against") || dm_unit_is_word (link, "with") || dm_unit_is_word (link, "to"))
      *patient = _dm_actor_after (ctx, agent + 1, 4);
  }
  return agent;
}

/* "a red line – a message meant for Azerbaijan", "a warning aimed at
 * Moscow": the addressee a speech act is said to be meant for, in the
 * words that follow it, or -1. */
int
_dm_find_intended_addressee (Context *ctx, int cue)
{
  static const char *intended[] = { "meant", "aimed", "directed", "intended", "addressed", "targeted", NULL };

  for (guint k = cue + 1; k + 1 < ctx->units->len && k <= (guint) cue + 8; k++)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      const DmUnit *next = dm_units_get (ctx->units, k + 1);
      if (dm_unit_is_punct (u, ".") || dm_unit_is_punct (u, ";"))
        return -1;
      if (_dm_unit_is_one_of (u, intended)
          && (dm_unit_is_word (next, "for") || dm_unit_is_word (next, "at") || dm_unit_is_word (next, "to")))
        return _dm_actor_after (ctx, k + 1, 3);
    }
  return -1;
}

/* "In a call with Aliyev, Blinken urged …": a contact named in a
 * sentence's opening phrase is the main clause's subject's; returns that
 * subject, after the comma that ends the phrase, or -1. */
int
_dm_find_subject_after_opening (Context *ctx, int cue)
{
  guint k;

  if (_dm_clause_start (ctx, cue) != 0 || !dm_unit_in (dm_units_get (ctx->units, 0), DM_WORD_PREPOSITION))
    return -1;
  for (k = cue + 1; k < ctx->units->len && !dm_unit_is_punct (dm_units_get (ctx->units, k), ","); k++)
    if (_dm_is_clause_boundary (dm_units_get (ctx->units, k)))
      return -1;
  for (k++; k < ctx->units->len; k++)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      if (u->type == DM_UNIT_ACTOR)
        return _dm_is_governed (ctx, k) ? -1 : (int) k;
      if (_dm_is_clause_boundary (u) || u->type == DM_UNIT_CUE)
        return -1;
    }
  return -1;
}
