/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-extractor.c: who does what to whom, one sentence at a time.
 *
 * The sentence becomes a short list of units (dm-sentence-units.c): actor
 * phrases, relation cues, function words and clause punctuation.  For each
 * cue the extractor looks for its agent on the left
 * (the nearest actor phrase that no preposition governs, the subject of the
 * main clause for ", urging", the antecedent of ", which") and its patient on
 * the right (the object of a verb; for a noun, the phrase after "with",
 * "between", "to", "of", "for", "against").  A cue with no two distinct
 * actors in those roles gives no link: co-mention alone is never a link.
 */
#include "config.h"

#include <string.h>

#include "dm-extractor.h"
#include "dm-sentence-units.h"

typedef struct {
  DmLexicon   *lexicon;
  DmGazetteer *gazetteer;
  const char  *text;
  GArray      *units;
  gboolean     reciprocal;  /* "trading accusations", "each other" */
  gboolean     hosting_talks; /* the cue at hand hosts talks: a mediation */
  int          kind_override; /* a DmLinkKind the cue at hand states instead of its own, or -1 */
  guint        mediate_rule;  /* the rule shown for a mediation no cue word states ("Russian-brokered") */
} Context;

/* ── Roles ──────────────────────────────────────────────────────────── */

static gboolean
is_clause_boundary (const DmUnit *u)
{
  if (u->type == DM_UNIT_PUNCT)
    return dm_unit_is_punct (u, ";") || dm_unit_is_punct (u, ":") || dm_unit_is_punct (u, "\xe2\x80\x94")
           || dm_unit_is_punct (u, "(") || dm_unit_is_punct (u, ")");
  return dm_unit_in (u, DM_WORD_CLAUSE_OPENER);
}

static gboolean
unit_is_one_of (const DmUnit *u, const char *const *words)
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
static gboolean
is_governed (Context *ctx, int i)
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
static gboolean
is_governed_by (Context *ctx, int i, const char *preposition)
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

static int
clause_start (Context *ctx, int i)
{
  int k;

  for (k = i - 1; k >= 0; k--)
    if (is_clause_boundary (dm_units_get (ctx->units, k)))
      break;
  return k + 1;
}

static int
clause_end (Context *ctx, int i)
{
  guint k;

  for (k = i + 1; k < ctx->units->len; k++)
    if (is_clause_boundary (dm_units_get (ctx->units, k)))
      break;
  return k;
}

/* The first ungoverned actor phrase of the clause that holds unit @i. */
static int
clause_subject (Context *ctx, int i)
{
  int start = clause_start (ctx, i);

  for (int k = start; k < i; k++)
    if (dm_units_get (ctx->units, k)->type == DM_UNIT_ACTOR && !is_governed (ctx, k))
      return k;
  return -1;
}

static gboolean
is_gerund (Context *ctx, const DmUnit *cue)
{
  gsize n = cue->end - cue->start;
  const char *p = ctx->text + cue->start;
  const char *space = memchr (p, ' ', n);
  gsize head = space ? (gsize) (space - p) : n;

  return head > 4 && strncmp (p + head - 3, "ing", 3) == 0;
}

static gboolean
is_ing_word (const DmUnit *u)
{
  gsize n = u->type == DM_UNIT_WORD ? strlen (u->word) : 0;
  return n > 4 && g_str_has_suffix (u->word, "ing");
}

static gboolean is_modifier (Context *ctx, int i);
static gboolean is_nominal_gerund (Context *ctx, int cue);
static gboolean is_participle (Context *ctx, const DmUnit *cue);

/* TRUE when a preposition governs the noun cue at @cue ("settlement of
 * the Karabakh conflict", "in a swift offensive"): such a noun is not the
 * clause's own act, so the clause subject is not its agent. */
static gboolean
is_governed_noun (Context *ctx, int cue)
{
  for (int k = cue - 1; k >= 0 && k >= cue - 5; k--)
    {
      DmUnit *u = dm_units_get (ctx->units, k);
      if (dm_unit_in (u, DM_WORD_PREPOSITION) && !dm_unit_in (u, DM_WORD_CLAUSE_OPENER))
        return dm_unit_in (u, DM_WORD_NESTING);
      if ((u->type == DM_UNIT_ACTOR && !u->possessive && is_modifier (ctx, k)) || dm_unit_is_punct (u, "-"))
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

/* "Azerbaijan's large-scale military aggression": a possessor before the
 * noun's adjectives is its agent, whatever governs the phrase. */
static int
find_possessor (Context *ctx, int cue)
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

static int
find_agent (Context *ctx, int cue)
{
  int start = clause_start (ctx, cue);
  DmUnit *before = dm_units_get (ctx->units, cue - 1);
  const DmCueRule *rule = dm_lexicon_get_rule (ctx->lexicon, dm_units_get (ctx->units, cue)->rule);
  int possessor = rule->possessor_is_patient ? -1 : find_possessor (ctx, cue);

  if (possessor >= 0)
    return possessor;
  if ((rule->pos == DM_CUE_NOUN || is_nominal_gerund (ctx, cue)) && is_governed_noun (ctx, cue))
    return -1;

  /* ", urging him": the subject of the clause the comma ends. */
  if (before && dm_unit_is_punct (before, ",") && is_gerund (ctx, dm_units_get (ctx->units, cue)))
    {
      int subject = clause_subject (ctx, cue - 1);
      int opener = clause_start (ctx, cue - 1) - 1;
      /* "Armenia is allied to Russia, but has pivoted west, accusing
       * Moscow": a clause joined by "but" or "and" shares the subject */
      if (subject < 0 && opener > 0
          && (dm_unit_is_word (dm_units_get (ctx->units, opener), "but") || dm_unit_is_word (dm_units_get (ctx->units, opener), "yet")))
        subject = clause_subject (ctx, opener - 1);
      return subject;
    }

  for (int k = cue - 1; k >= start; k--)
    {
      DmUnit *u = dm_units_get (ctx->units, k);
      if (u->type == DM_UNIT_ACTOR && !is_governed (ctx, k))
        return k;
      if (dm_unit_in (u, DM_WORD_NEGATION))
        return -2;
      /* ", sparking deadly fighting with …": a participle after a comma
       * takes the subject of the clause before it */
      if (dm_unit_is_punct (u, ",") && k + 1 < cue && is_ing_word (dm_units_get (ctx->units, k + 1)))
        return clause_subject (ctx, k);
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
        }
    }
  return -1;
}

static int find_noun_patient (Context *ctx, int cue, gboolean *between, const char **link_word);
static int actor_after (Context *ctx, guint k, guint window);

/* The subject of the that-clause opened at @k, when it acts there: "the
 * demand that Armenia change" names Armenia, "demands that Georgia be
 * allowed in" asks nothing of Georgia. */
static int
that_clause_subject (Context *ctx, int k)
{
  int subject = actor_after (ctx, k, 3);

  if (subject < 0 || dm_unit_is_word (dm_units_get (ctx->units, subject + 1), "be"))
    return -1;
  return subject;
}
static void extract_offense (Context *ctx, int cue, GArray *out);
static void emit (Context *ctx, const DmUnit *cue, guint source, guint target, float confidence, GArray *out);

/* "delivered a letter from Biden to Pashinyan": a message links its sender
 * and its addressee; "sent a letter to the UN" alone is the sending's. */
static void
extract_from_to (Context *ctx, int cue, GArray *out)
{
  int from, to;

  if (!dm_unit_is_word (dm_units_get (ctx->units, cue + 1), "from"))
    return;
  from = actor_after (ctx, cue + 1, 4);
  if (from < 0 || !dm_unit_is_word (dm_units_get (ctx->units, from + 1), "to"))
    return;
  to = actor_after (ctx, from + 1, 5);
  if (to < 0)
    return;
  for (guint i = 0; i < dm_units_get (ctx->units, from)->n_actors; i++)
    for (guint j = 0; j < dm_units_get (ctx->units, to)->n_actors; j++)
      emit (ctx, dm_units_get (ctx->units, cue), dm_units_get (ctx->units, from)->actors[i],
            dm_units_get (ctx->units, to)->actors[j],
            MIN (dm_units_get (ctx->units, from)->confidence, dm_units_get (ctx->units, to)->confidence), out);
}
static int find_co_agent (Context *ctx, int cue, int agent, int patient);
static int find_participle_agent (Context *ctx, int cue, int *patient);
static gboolean is_party (Context *ctx, int i);

/* "for control of Nagorno-Karabakh", "over Karabakh": what a fight is
 * about, not who fights. */
static gboolean
is_fought_over (Context *ctx, int i)
{
  static const char *stakes[] = { "control", "sovereignty", "status", "possession", NULL };

  for (int k = i - 1; k >= 0 && k >= i - 4; k--)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      if (dm_unit_in (u, DM_WORD_NOUN_MODIFIER))
        continue;
      if (dm_unit_is_word (u, "over") || dm_unit_is_word (u, "about"))
        return TRUE;
      return dm_unit_is_word (u, "of") && unit_is_one_of (dm_units_get (ctx->units, k - 1), stakes);
    }
  return FALSE;
}
static gboolean follows_meeting_noun (Context *ctx, int k);
static gboolean is_gerund (Context *ctx, const DmUnit *cue);

/* "the Karabakh conflict", "the Karabakh peace process": an actor phrase
 * that qualifies the next cue is its topic, not a party. */
static gboolean
is_modifier (Context *ctx, int i)
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
      && unit_is_one_of (next, topic_nouns))
    return TRUE;
  return (next && next->type == DM_UNIT_CUE
          && dm_lexicon_get_rule (ctx->lexicon, next->rule)->pos == DM_CUE_NOUN)
         || (next && next->type == DM_UNIT_WORD && after && after->type == DM_UNIT_CUE
             && (dm_unit_is_word (next, "peace") || dm_unit_is_word (next, "conflict") || dm_unit_is_word (next, "region")));
}

/* "a meeting", "France's equipping of Armenia": a gerund used as a noun;
 * and "the much-needed support", "their backing": a verb's bare form
 * after a determiner. */
static gboolean
is_nominal_gerund (Context *ctx, int cue)
{
  static const char *determiners[] = { "the", "a", "an", "their", "its", "his", "her", "our",
                                       "such", "continued", NULL };
  DmUnit *before = dm_units_get (ctx->units, cue - 1);

  if (before && (unit_is_one_of (before, determiners) || (before->type == DM_UNIT_ACTOR && before->possessive))
      && !is_participle (ctx, dm_units_get (ctx->units, cue)))
    return TRUE;
  if (!before || !is_gerund (ctx, dm_units_get (ctx->units, cue)))
    return FALSE;
  return (before->type == DM_UNIT_ACTOR && before->possessive)
         || dm_unit_is_word (before, "a") || dm_unit_is_word (before, "an") || dm_unit_is_word (before, "the")
         || dm_unit_is_word (before, "emergency") || dm_unit_is_word (before, "their") || dm_unit_is_word (before, "its")
         || dm_unit_is_word (before, "his") || dm_unit_is_word (before, "her") || dm_unit_is_word (before, "deadly")
         || dm_unit_is_word (before, "heavy") || dm_unit_is_word (before, "renewed");
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
    if (unit_is_one_of (dm_units_get (ctx->units, j), words))
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
      if (u->type == DM_UNIT_ACTOR && is_governed_by (ctx, k, "to") && follows_sending (ctx, k))
        return k;
      if (is_clause_boundary (u))
        return -1;
    }
  return -1;
}

static int
find_verb_patient (Context *ctx, int cue)
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
          int parties = find_noun_patient (ctx, k, &between, &link_word);
          return between ? parties : -1;
        }
      if (is_clause_boundary (u) || u->type == DM_UNIT_CUE || dm_unit_is_punct (u, ",") || dm_unit_is_punct (u, ".")
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
          if (rule->kind == DM_LINK_FIGHT && is_fought_over (ctx, k))
            continue;
          /* "discuss Karabakh" names a topic; "discuss with Baku" a party */
          if (rule->prepositional_object && !is_governed_by (ctx, k, "with")
              && !is_governed_by (ctx, k, "to"))
            continue;
          if (is_modifier (ctx, k))
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

static int
find_noun_patient (Context *ctx, int cue, gboolean *between, const char **link_word)
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
      if (is_clause_boundary (u) || u->type == DM_UNIT_CUE || dm_unit_is_punct (u, ",") || dm_unit_is_punct (u, "."))
        return -1;
      if (u->type == DM_UNIT_ACTOR)
        {
          if (u->capital && (dm_unit_is_word (dm_units_get (ctx->units, j - 1), "in") || dm_unit_is_word (dm_units_get (ctx->units, j - 1), "at")))
            continue;
          if (is_modifier (ctx, j))
            return -1;
          /* "two wars for control of Nagorno-Karabakh" */
          if (kind == DM_LINK_FIGHT && is_fought_over (ctx, j))
            return -1;
          return j;
        }
    }
  return -1;
}

static gboolean
is_participle (Context *ctx, const DmUnit *cue)
{
  const char *p = ctx->text + cue->start;
  gsize n = cue->end - cue->start;
  const char *space = memchr (p, ' ', n);
  gsize head = space ? (gsize) (space - p) : n;

  return (head > 3 && (strncmp (p + head - 2, "ed", 2) == 0 || strncmp (p + head - 2, "en", 2) == 0))
         || (head == 3 && strncmp (p, "met", 3) == 0) || (head == 6 && strncmp (p, "fought", 6) == 0);
}

/* "was attacked by Azerbaijan", "brokered by Russia": the agent follows. */
static int
find_passive_agent (Context *ctx, int cue)
{
  if (!is_participle (ctx, dm_units_get (ctx->units, cue)))
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

static void
emit (Context *ctx, const DmUnit *cue, guint source, guint target, float confidence, GArray *out)
{
  const DmCueRule *rule = dm_lexicon_get_rule (ctx->lexicon, cue->rule);
  DmExtractedLink link;

  if (source == target)
    return;
  if (ctx->kind_override >= 0)
    {
      link.kind = ctx->kind_override;
      link.directed = dm_link_kind_is_directed (link.kind);
    }
  else
    {
      link.kind = ctx->hosting_talks ? DM_LINK_MEDIATE : rule->kind;
      link.directed = ctx->hosting_talks ? TRUE : rule->directed;
    }
  if (!link.directed && source > target)
    {
      guint t = source;
      source = target;
      target = t;
    }
  link.source = source;
  link.target = target;
  link.cue_start = cue->start;
  link.cue_end = cue->end;
  link.rule = cue->rule;
  link.confidence = rule->confidence * confidence;

  /* One sentence states a link once. */
  for (guint i = 0; i < out->len; i++)
    {
      DmExtractedLink *o = &g_array_index (out, DmExtractedLink, i);
      if (o->source == source && o->target == target && o->kind == link.kind)
        {
          o->confidence = MAX (o->confidence, link.confidence);
          return;
        }
    }
  g_array_append_val (out, link);
}

static void
emit_within (Context *ctx, const DmUnit *cue, const DmUnit *group, float confidence, GArray *out)
{
  const DmCueRule *rule = dm_lexicon_get_rule (ctx->lexicon, cue->rule);
  gboolean directed = ctx->kind_override >= 0 ? dm_link_kind_is_directed (ctx->kind_override) : rule->directed;

  for (guint a = 0; a < group->n_actors; a++)
    for (guint b = 0; b < group->n_actors; b++)
      if (a != b && (directed || a < b))
        emit (ctx, cue, group->actors[a], group->actors[b], confidence, out);
}



/* ── What a cue states, and what it only speaks of ─────────────────── */

/* "if Russia attacks", "whether Baku will sign", "could meet": a cue that
 * a condition or a possibility governs states no act. */
static gboolean
is_hypothetical (Context *ctx, int cue)
{
  int start = clause_start (ctx, cue);
  const DmUnit *opener = dm_units_get (ctx->units, start - 1);

  if (opener && dm_unit_in (opener, DM_WORD_HYPOTHETICAL))
    return TRUE;
  /* "denied that Armenia had threatened Azerbaijan" */
  if (opener && dm_unit_is_word (opener, "that") && dm_unit_in (dm_units_get (ctx->units, start - 2), DM_WORD_NEGATION))
    return TRUE;
  for (int k = start; k < cue; k++)
    if (dm_unit_in (dm_units_get (ctx->units, k), DM_WORD_HYPOTHETICAL))
      return TRUE;
  return FALSE;
}

/* What one side may ask another to do: meet, agree, help, mediate.  A
 * tension or a fight named in the complement ("urged him to ease
 * tensions", "to stop the shelling") is there already. */
static gboolean
is_act_asked_for (Context *ctx, int cue)
{
  DmLinkKind kind = dm_lexicon_get_rule (ctx->lexicon, dm_units_get (ctx->units, cue)->rule)->kind;

  return kind == DM_LINK_NEGOTIATE || kind == DM_LINK_CONSULT || kind == DM_LINK_COOPERATE
         || kind == DM_LINK_AID || kind == DM_LINK_MEDIATE;
}

/* "called on Armenia and Azerbaijan to reach an agreement", "urged Baku
 * to resume talks", "warned Yerevan against joining": what one side asks
 * or warns another to do has not happened, so a cue inside that
 * complement states nothing. */
static gboolean
is_in_appeal_complement (Context *ctx, int cue)
{
  int start = clause_start (ctx, cue);
  gboolean complement = FALSE;

  for (int k = cue - 1; k >= start && k >= cue - 20; k--)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      if (dm_unit_is_word (u, "to") || dm_unit_is_word (u, "against"))
        complement = TRUE;
      else if (u->type == DM_UNIT_CUE)
        {
          const DmCueRule *rule = dm_lexicon_get_rule (ctx->lexicon, u->rule);
          if (rule->pos == DM_CUE_VERB && (rule->kind == DM_LINK_APPEAL || rule->kind == DM_LINK_WARN))
            return complement && is_act_asked_for (ctx, cue);
        }
    }
  return FALSE;
}


/* "to discuss regional issues and cooperation", "talked about the war":
 * a noun that a verb of talking takes as its object is the topic of the
 * talk, not an act; a settlement discussed is still negotiated. */
static gboolean
is_discussed_topic (Context *ctx, int cue)
{
  const DmCueRule *rule = dm_lexicon_get_rule (ctx->lexicon, dm_units_get (ctx->units, cue)->rule);

  if (rule->pos != DM_CUE_NOUN || rule->kind == DM_LINK_NEGOTIATE)
    return FALSE;
  for (int k = cue - 1; k >= 0 && k >= cue - 6; k--)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      if (u->type == DM_UNIT_CUE)
        return dm_lexicon_get_rule (ctx->lexicon, u->rule)->prepositional_object;
      if (u->type != DM_UNIT_WORD || dm_unit_in (u, DM_WORD_CLAUSE_OPENER))
        return FALSE;
      if (dm_unit_in (u, DM_WORD_PREPOSITION) && !dm_unit_is_word (u, "about") && !dm_unit_is_word (u, "on"))
        return FALSE;
    }
  return FALSE;
}

/* An agreement on gas, trade or arms is cooperation; one on peace, a
 * ceasefire or borders is a negotiation between parties to a conflict. */
static gboolean
is_economic_agreement (Context *ctx, int cue)
{
  static const char *economic[] = {
    "gas", "oil", "energy", "trade", "economic", "investment", "investments", "arms", "weapons",
    "supply", "supplies", "contract", "commercial", "business", "transit", "loan", "credit",
    "customs", "pipeline", "electricity", "defence", "defense", "military", "security",
    "cooperation", "co-operation", "partnership", "visa", "aviation", "flights", "grain",
    "export", "exports", "import", "imports", "free-trade", "tourism", "cultural", NULL
  };
  static const char *peace[] = {
    "peace", "ceasefire", "truce", "settlement", "normalization", "normalisation", "border",
    "borders", "delimitation", "demarcation", "prisoners", "hostilities", "conflict", NULL
  };
  int start = MAX (clause_start (ctx, cue), cue - 3), end = MIN (clause_end (ctx, cue), cue + 5);
  gboolean found = FALSE;

  for (int k = start; k < end; k++)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      if (unit_is_one_of (u, peace))
        return FALSE;
      if (u->type == DM_UNIT_CUE && k != cue && !dm_lexicon_get_rule (ctx->lexicon, u->rule)->relational)
        {
          DmLinkKind kind = dm_lexicon_get_rule (ctx->lexicon, u->rule)->kind;
          if (kind == DM_LINK_NEGOTIATE && k > cue)
            return FALSE;
          found = found || kind == DM_LINK_COOPERATE || kind == DM_LINK_AID;
        }
      found = found || unit_is_one_of (u, economic);
    }
  return found;
}

/* ── Relations: the words around "relations", "ties", "partnership" ──── */


static gboolean
is_prediction (Context *ctx, int k)
{
  static const char *modals[] = { "would", "will", "could", "might", "may", "can", NULL };

  return unit_is_one_of (dm_units_get (ctx->units, k - 1), modals)
         || unit_is_one_of (dm_units_get (ctx->units, k - 2), modals);
}

/* Whether the clause of the relation noun at @cue says relations got worse
 * (-1), better (+1) or neither (0).  The word nearest to the noun wins;
 * a tension cue in the clause ("strained", "rift") counts as worse. */
static int
relation_polarity (Context *ctx, int cue)
{
  int start = clause_start (ctx, cue), end = clause_end (ctx, cue);
  int best = 0, best_distance = G_MAXINT;

  for (int k = start; k < end; k++)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      int polarity = 0, distance = ABS (k - cue);

      if (k == cue)
        continue;
      /* "would damage relations", "will improve": a prediction */
      if (is_prediction (ctx, k))
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

static void
extract_relation (Context *ctx, int cue, GArray *out)
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

  patient = find_noun_patient (ctx, cue, &between, &link_word);
  /* "its participation in the CSTO", "membership in the European Union" */
  if (patient < 0 && dm_unit_is_word (dm_units_get (ctx->units, cue + 1), "in"))
    {
      patient = actor_after (ctx, cue + 1, 4);
      link_word = patient >= 0 ? "in" : NULL;
    }
  if (between && patient >= 0 && dm_units_get (ctx->units, patient)->n_actors >= 2)
    {
      /* "relations between A and B": both sides at once, both ways */
      emit_within (ctx, c, dm_units_get (ctx->units, patient), dm_units_get (ctx->units, patient)->confidence, out);
      return;
    }
  pair = find_compound_pair (ctx, cue);
  if (pair >= 0)
    {
      emit_within (ctx, c, dm_units_get (ctx->units, pair), dm_units_get (ctx->units, pair)->confidence, out);
      return;
    }
  agent = find_agent (ctx, cue);
  if (agent == -2)
    return;
  if (agent >= 0 && patient >= 0)
    {
      const DmUnit *a = dm_units_get (ctx->units, agent), *p = dm_units_get (ctx->units, patient);
      for (guint i = 0; i < a->n_actors; i++)
        for (guint j = 0; j < p->n_actors; j++)
          emit (ctx, c, a->actors[i], p->actors[j], MIN (a->confidence, p->confidence), out);
      return;
    }
  /* "Armenia and Turkey restored diplomatic relations" */
  if (agent >= 0 && dm_units_get (ctx->units, agent)->n_actors >= 2)
    {
      emit_within (ctx, c, dm_units_get (ctx->units, agent), dm_units_get (ctx->units, agent)->confidence, out);
      return;
    }
  /* "those ties have frayed": only a change of relations said of no one
   * in particular stands for the sentence's pair */
  if (patient < 0 && !link_word && polarity != 0 && find_sentence_pair (ctx, &sentence_pair))
    emit_within (ctx, c, &sentence_pair, sentence_pair.confidence * 0.9f, out);
}

static gboolean
group_has_any (const DmUnit *group, const guint *actors, guint n)
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
    if (!group_has_any (b, &a->actors[i], 1))
      return FALSE;
  return TRUE;
}

/* Adds @from's actors to @into's, once each. */
static void
absorb_actors (DmUnit *into, const DmUnit *from)
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


/* The actor after "with" that a contact noun of the sentence names ("his
 * conversations with Aliyev and Pashinyan", "a call with Aliyev"), or -1. */
static int
partner_of_contact (Context *ctx, int cue)
{
  for (guint k = 0; k < ctx->units->len; k++)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      if ((int) k != cue && u->type == DM_UNIT_CUE && dm_lexicon_get_rule (ctx->lexicon, u->rule)->kind == DM_LINK_CONSULT
          && dm_lexicon_get_rule (ctx->lexicon, u->rule)->pos == DM_CUE_NOUN
          && dm_unit_is_word (dm_units_get (ctx->units, k + 1), "with"))
        return actor_after (ctx, k + 1, 3);
    }
  return -1;
}

/* Whether the noun cue at @cue, whose author is @agent, is the object of
 * a verb of answering or refusing: "rebuffed US demands", "responding to
 * a Ukrainian drone attack". */
static gboolean
answers_act (Context *ctx, int cue, int agent)
{
  static const char *answers[] = { "rebuffed", "rejected", "rejects", "reject", "dismissed", "dismisses",
                                   "ignored", "ignores", "heeded", "accepted", "resisted", "defied",
                                   "refuted", "responded", "responding", "respond", "retaliated",
                                   "retaliating", "repelled", "repelling", "repulsed", NULL };
  int from = MIN (agent, cue);

  for (int k = from - 1; k >= 0 && k >= from - 5; k--)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      if (unit_is_one_of (u, answers))
        return TRUE;
      if (u->type != DM_UNIT_WORD || dm_unit_in (u, DM_WORD_CLAUSE_OPENER))
        return FALSE;
    }
  return FALSE;
}

/* The last actor phrase naming a person before unit @k, or -1. */
static int
last_person_before (Context *ctx, int k)
{
  for (int j = k - 1; j >= 0; j--)
    if (dm_units_get (ctx->units, j)->type == DM_UNIT_ACTOR && dm_units_get (ctx->units, j)->person)
      return j;
  return -1;
}

/* The one actor phrase of the sentence, other than @patient's actors and
 * places, when there is exactly one; else -1. */
static int
only_other_actor (Context *ctx, int patient)
{
  int found = -1;

  for (guint k = 0; k < ctx->units->len; k++)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      if ((int) k == patient || u->type != DM_UNIT_ACTOR || u->pair_ref || u->capital)
        continue;
      if (group_has_any (u, dm_units_get (ctx->units, patient)->actors, dm_units_get (ctx->units, patient)->n_actors))
        continue;
      if (found >= 0 && !same_group (dm_units_get (ctx->units, found), u))
        return -1;
      found = k;
    }
  return found;
}

/* "Putin hosted Aliyev and Pashinyan for talks": a host of talks or
 * negotiations later in its clause mediates between its guests. */
static gboolean
clause_has_talks (Context *ctx, int cue)
{
  for (guint k = cue + 1; k < ctx->units->len && k <= (guint) cue + 12; k++)
    {
      DmUnit *u = dm_units_get (ctx->units, k);
      if (is_clause_boundary (u))
        return FALSE;
      if (u->type == DM_UNIT_CUE)
        {
          DmLinkKind kind = dm_lexicon_get_rule (ctx->lexicon, u->rule)->kind;
          return kind == DM_LINK_CONSULT || kind == DM_LINK_NEGOTIATE;
        }
    }
  return FALSE;
}

static void
extract_cue (Context *ctx, int cue, GArray *out)
{
  const DmUnit *c = dm_units_get (ctx->units, cue);
  const DmCueRule *rule = dm_lexicon_get_rule (ctx->lexicon, c->rule);
  gboolean between = FALSE;
  const char *link_word = NULL;
  int agent, patient, passive_agent;
  const DmUnit *a, *p;
  float confidence;

  ctx->kind_override = -1;
  if (is_hypothetical (ctx, cue) || is_in_appeal_complement (ctx, cue) || is_discussed_topic (ctx, cue))
    return;
  if (rule->relational)
    {
      extract_relation (ctx, cue, out);
      ctx->kind_override = -1;
      return;
    }
  if (rule->offense)
    {
      extract_offense (ctx, cue, out);
      return;
    }
  if (rule->from_to)
    {
      extract_from_to (ctx, cue, out);
      return;
    }
  if (rule->hosts_talks && follows_meeting_noun (ctx, cue))
    return;  /* "a summit hosted by Putin": the mediation frame's */
  ctx->hosting_talks = rule->hosts_talks && clause_has_talks (ctx, cue);
  if (rule->kind == DM_LINK_NEGOTIATE && is_economic_agreement (ctx, cue))
    ctx->kind_override = DM_LINK_COOPERATE;
  if (rule->pos == DM_CUE_NOUN || is_nominal_gerund (ctx, cue))
    patient = find_noun_patient (ctx, cue, &between, &link_word);
  else
    patient = find_verb_patient (ctx, cue);
  /* "France is one of Yerevan's strongest backers" */
  if (rule->possessor_is_patient && patient < 0)
    patient = find_possessor (ctx, cue);
  /* "During his call with Aliyev, he called for restraint": an appeal
   * without an addressee goes to the other side of the call it is made in */
  if (patient < 0 && (rule->kind == DM_LINK_APPEAL || rule->kind == DM_LINK_WARN))
    patient = partner_of_contact (ctx, cue);
  /* "against long-standing rival Azerbaijan" */
  if (rule->apposition && patient < 0 && dm_units_get (ctx->units, cue + 1)
      && dm_units_get (ctx->units, cue + 1)->type == DM_UNIT_ACTOR)
    patient = cue + 1;
  /* "Russia's war in Ukraine": a state a fight is waged in, by a named
   * author, is its other side ("the war in Ukraine" alone names none) */
  if (rule->kind == DM_LINK_FIGHT && rule->pos == DM_CUE_NOUN && patient < 0 && find_possessor (ctx, cue) >= 0
      && (dm_unit_is_word (dm_units_get (ctx->units, cue + 1), "in") || dm_unit_is_word (dm_units_get (ctx->units, cue + 1), "against")))
    {
      int place = actor_after (ctx, cue + 1, 3);
      if (place >= 0 && dm_gazetteer_get_actor (ctx->gazetteer, dm_units_get (ctx->units, place)->actors[0])->kind == DM_ACTOR_STATE
          && !dm_units_get (ctx->units, place)->capital)
        patient = place;
    }

  /* "tensions between Armenia and Azerbaijan"; but a mediator's "contacts
   * between the two sides" are its targets, found below */
  if (between && patient >= 0 && dm_units_get (ctx->units, patient)->n_actors >= 2
      && (!rule->directed || rule->reciprocal || rule->kind != DM_LINK_MEDIATE))
    {
      p = dm_units_get (ctx->units, patient);
      emit_within (ctx, c, p, p->confidence, out);
      return;
    }

  agent = find_agent (ctx, cue);
  if (agent == -2)
    return;  /* negated: "did not attend the meetings" */

  passive_agent = rule->pos == DM_CUE_VERB && !rule->reciprocal ? find_passive_agent (ctx, cue) : -1;
  /* "support from Armenia", "the warning from the Azerbaijani side": the
   * phrase after "from" acts on the one before */
  if (passive_agent < 0 && patient >= 0 && link_word
      && (g_str_equal (link_word, "from") || g_str_equal (link_word, "by")))
    passive_agent = patient;
  /* "a joint probe by Azerbaijan and Russia": the parties of a joint act
   * act on each other, not on the sentence's subject */
  if (passive_agent >= 0 && rule->reciprocal && dm_units_get (ctx->units, passive_agent)->n_actors >= 2)
    {
      emit_within (ctx, c, dm_units_get (ctx->units, passive_agent), dm_units_get (ctx->units, passive_agent)->confidence, out);
      return;
    }
  if (passive_agent >= 0)
    {
      patient = agent;
      agent = passive_agent;
    }
  /* "the criticism of Georgia by the European Parliament" */
  if (rule->pos == DM_CUE_NOUN && patient >= 0 && passive_agent < 0 && link_word && g_str_equal (link_word, "of")
      && dm_unit_is_word (dm_units_get (ctx->units, patient + 1), "by"))
    {
      int by_agent = actor_after (ctx, patient + 1, 4);
      if (by_agent >= 0)
        agent = by_agent;
    }
  if (rule->pos == DM_CUE_NOUN && patient < 0)
    {
      int participle_patient;
      int participle_agent = find_participle_agent (ctx, cue, &participle_patient);
      if (participle_agent >= 0)
        {
          agent = participle_agent;
          patient = participle_patient;
        }
    }

  /* "rebuffed US demands", "rejected Baku's accusations", "responding
   * to a Ukrainian drone attack": an act answered by the clause's subject
   * was aimed at it */
  if (patient < 0)
    {
      const DmUnit *before = dm_units_get (ctx->units, cue - 1);
      int author = find_possessor (ctx, cue);
      if (author < 0 && before && before->type == DM_UNIT_ACTOR && !before->pair_ref)
        author = cue - 1;
      if (author >= 0 && answers_act (ctx, cue, author))
        {
          int subject = clause_subject (ctx, author);
          if (subject >= 0 && subject != author)
            {
              agent = author;
              patient = subject;
            }
        }
    }
  /* "a meeting with his Armenian counterpart": "his" is the person named
   * before, who is the other side */
  if (agent < 0 && patient >= 0 && dm_unit_is_word (dm_units_get (ctx->units, patient - 1), "his"))
    agent = last_person_before (ctx, patient - 1);
  /* "The freezing of relations with the CSTO means Armenia …": a tension
   * whose one side is all the sentence says has the other actor it names */
  if (agent < 0 && patient >= 0 && rule->kind == DM_LINK_TENSION && clause_start (ctx, cue) == 0 && !is_governed_noun (ctx, cue))
    agent = only_other_actor (ctx, patient);

  a = agent >= 0 ? dm_units_get (ctx->units, agent) : NULL;
  p = patient >= 0 ? dm_units_get (ctx->units, patient) : NULL;
  /* a host mediates between two guests or more; one guest is a partner */
  if (ctx->hosting_talks && (!p || p->n_actors < 2))
    ctx->hosting_talks = FALSE;

  /* "Putin signed an agreement with Aliyev and Pashinyan", "A and B
   * signed the roadmap with C": in a three-way agreement, the one on its
   * own side is the mediator between the two on the other. */
  if (a && p && rule->kind == DM_LINK_NEGOTIATE && !ctx->hosting_talks
      && ((a->n_actors == 1 && p->n_actors >= 2) || (p->n_actors == 1 && a->n_actors >= 2)))
    {
      const DmUnit *single = a->n_actors == 1 ? a : p, *pair = a->n_actors == 1 ? p : a;
      if (!group_has_any (pair, single->actors, 1))
        {
          confidence = MIN (a->confidence, p->confidence);
          emit_within (ctx, c, pair, confidence, out);
          ctx->kind_override = DM_LINK_MEDIATE;
          for (guint j = 0; j < pair->n_actors; j++)
            emit (ctx, c, single->actors[0], pair->actors[j], confidence * 0.9f, out);
          ctx->kind_override = -1;
          return;
        }
    }

  /* "Putin hosted Pashinyan", "will be hosted by Bayramov": a host of a
   * person meets the guest; a host of an event supports it */
  if (a && p && rule->hosts_talks && !ctx->hosting_talks && (p->person || a->person))
    ctx->kind_override = DM_LINK_CONSULT;

  if (a && p)
    {
      int co_agent = a->possessive ? -1 : find_co_agent (ctx, cue, agent, patient);
      confidence = MIN (a->confidence, p->confidence);
      for (guint i = 0; i < a->n_actors; i++)
        for (guint j = 0; j < p->n_actors; j++)
          emit (ctx, c, a->actors[i], p->actors[j], confidence, out);
      /* "joint exercises with the US": a joint act goes both ways */
      if (rule->reciprocal && rule->directed)
        for (guint i = 0; i < a->n_actors; i++)
          for (guint j = 0; j < p->n_actors; j++)
            emit (ctx, c, p->actors[j], a->actors[i], confidence, out);
      if (co_agent >= 0)
        {
          const DmUnit *co = dm_units_get (ctx->units, co_agent);
          for (guint i = 0; i < co->n_actors; i++)
            for (guint j = 0; j < p->n_actors; j++)
              emit (ctx, c, co->actors[i], p->actors[j], confidence * 0.9f, out);
        }
      return;
    }

  /* "Armenia and Azerbaijan have fought two wars", "both sides trading
   * accusations": a coordinated agent acting on itself. */
  if (a && a->n_actors >= 2 && (!rule->directed || ctx->reciprocal || rule->reciprocal || a->pair_ref))
    emit_within (ctx, c, a, a->confidence * 0.9f, out);
}


/* ── Mediation: a third party between the parties of a sentence ────── */

/* Whether the actor phrase at @i may be a party to what the sentence
 * says: not a topic ("discuss Karabakh", "the Karabakh conflict"), not a
 * place or a thing fought over ("in Vienna", "for control of Karabakh",
 * "war in Nagorno-Karabakh"). */
static gboolean
is_party (Context *ctx, int i)
{
  const DmUnit *u = dm_units_get (ctx->units, i);
  const DmUnit *prev = dm_units_get (ctx->units, i - 1);

  if (u->type != DM_UNIT_ACTOR || u->n_actors == 0 || is_modifier (ctx, i))
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
static int
actor_after (Context *ctx, guint k, guint window)
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

static gboolean
follows_meeting_noun (Context *ctx, int k)
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
          return find_passive_agent (ctx, k);
        }
      if (rule->hosts_talks && follows_meeting_noun (ctx, k))
        return find_passive_agent (ctx, k);
      if (rule->kind == DM_LINK_MEDIATE && rule->pos == DM_CUE_NOUN)
        {
          int possessor = find_possessor (ctx, k);
          if (possessor >= 0)
            return possessor;
          if (prev && prev->type == DM_UNIT_ACTOR && !prev->pair_ref)
            return k - 1;
          if (dm_unit_is_word (next, "of") || dm_unit_is_word (next, "by"))
            return actor_after (ctx, k + 1, 5);
        }
      return -1;
    }
  if (dm_unit_is_word (u, "by") && is_organizing_word (dm_units_get (ctx->units, k - 1)) && follows_meeting_noun (ctx, k - 1))
    return actor_after (ctx, k, 5);
  if (dm_unit_is_word (u, "auspices") && dm_unit_is_word (dm_units_get (ctx->units, k + 1), "of"))
    return actor_after (ctx, k + 1, 5);
  /* "two brokered by Russia and one by the US": a mediation said once
   * and its ellipsis */
  if (dm_unit_is_word (u, "by") && unit_is_one_of (dm_units_get (ctx->units, k - 1), quantities))
    {
      for (int j = k - 2; j >= 0; j--)
        {
          const DmUnit *w = dm_units_get (ctx->units, j);
          if (w->type == DM_UNIT_CUE && dm_lexicon_get_rule (ctx->lexicon, w->rule)->kind == DM_LINK_MEDIATE
              && dm_lexicon_get_rule (ctx->lexicon, w->rule)->pos == DM_CUE_VERB)
            return actor_after (ctx, k, 3);
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
static void
extract_mediation (Context *ctx, GArray *out)
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
      if (u->type != DM_UNIT_ACTOR || group_has_any (u, mediators, n_mediators) || !is_party (ctx, k))
        continue;
      absorb_actors (&parties, u);
    }
  if (parties.n_actors == 0)
    return;

  ctx->kind_override = DM_LINK_MEDIATE;
  for (guint m = 0; m < n_mediators; m++)
    for (guint p = 0; p < parties.n_actors; p++)
      emit (ctx, &cue, mediators[m], parties.actors[p], parties.confidence * 0.9f, out);
  if (talks && parties.n_actors >= 2)
    {
      ctx->kind_override = DM_LINK_NEGOTIATE;
      emit_within (ctx, &cue, &parties, parties.confidence * 0.85f, out);
    }
  ctx->kind_override = -1;
}


/* ── Offenses, co-agents, agents after a participle ─────────────────── */

/* The author of the offense noun at @cue: "the Kremlin's betrayal", "a
 * betrayal by the Kremlin", "another Russian provocation". */
static int
find_offender (Context *ctx, int cue)
{
  const DmUnit *prev = dm_units_get (ctx->units, cue - 1);
  int possessor = find_possessor (ctx, cue);

  if (possessor >= 0)
    return possessor;
  if (prev && prev->type == DM_UNIT_ACTOR && !prev->pair_ref)
    return cue - 1;
  if (dm_unit_is_word (dm_units_get (ctx->units, cue + 1), "by") || dm_unit_is_word (dm_units_get (ctx->units, cue + 1), "of"))
    return actor_after (ctx, cue + 1, 5);
  return -1;
}

/* "what Yerevan sees as a betrayal by the Kremlin", "calling the changes
 * another Russian provocation": the one who speaks of an offense accuses
 * its author. */
static void
extract_offense (Context *ctx, int cue, GArray *out)
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
      if (is_clause_boundary (u) && !dm_unit_is_word (u, "as"))
        break;
      if (k != offender && u->type == DM_UNIT_ACTOR && !is_governed (ctx, k))
        accuser = k;
    }
  if (accuser < 0)
    {
      /* ", calling the changes …": the subject of the clause before */
      for (int k = cue - 1; k >= 0; k--)
        if (dm_unit_is_punct (dm_units_get (ctx->units, k), ",") && is_ing_word (dm_units_get (ctx->units, k + 1)))
          {
            accuser = clause_subject (ctx, k);
            break;
          }
    }
  if (accuser < 0)
    return;
  a = dm_units_get (ctx->units, accuser);
  o = dm_units_get (ctx->units, offender);
  for (guint i = 0; i < a->n_actors; i++)
    for (guint j = 0; j < o->n_actors; j++)
      emit (ctx, c, a->actors[i], o->actors[j], MIN (a->confidence, o->confidence), out);
}

/* "in parallel with France", "together with Russia", "along with the
 * EU", "in coordination with NATO", "the US with the EU regrets": an actor
 * that shares the act of the clause's subject, or -1. */
static int
find_co_agent (Context *ctx, int cue, int agent, int patient)
{
  int start = clause_start (ctx, cue);

  for (int k = start; k < (int) ctx->units->len && k < clause_end (ctx, cue); k++)
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
      actor = actor_after (ctx, k, 4);
      if (actor >= 0 && actor != agent && actor != patient && (actor < cue || k > cue))
        return actor;
    }
  return -1;
}

/* "lawsuits filed by Armenia against Azerbaijan", "the deal signed by
 * Baku": a participle and "by" after a noun give its agent; returns it, and
 * in @patient the phrase after "against", "with" or "to" that follows. */
static int
find_participle_agent (Context *ctx, int cue, int *patient)
{
  const DmUnit *next = dm_units_get (ctx->units, cue + 1);
  int agent;

  *patient = -1;
  if (!next || next->type != DM_UNIT_WORD || !g_str_has_suffix (next->word, "ed")
      || !dm_unit_is_word (dm_units_get (ctx->units, cue + 2), "by"))
    return -1;
  agent = actor_after (ctx, cue + 2, 4);
  if (agent < 0)
    return -1;
  {
    const DmUnit *link = dm_units_get (ctx->units, agent + 1);
    if (dm_unit_is_word (link, "against") || dm_unit_is_word (link, "with") || dm_unit_is_word (link, "to"))
      *patient = actor_after (ctx, agent + 1, 4);
  }
  return agent;
}

/* Whether @mentions and @previous_person hold two different actors. */
static gboolean
names_two_actors (const DmMatch *mentions,
                  guint          n_mentions,
                  guint          previous_person)
{
  guint first = previous_person;

  for (guint i = 0; i < n_mentions; i++)
    {
      if (first == DM_NO_ACTOR)
        first = mentions[i].actor;
      else if (mentions[i].actor != first)
        return TRUE;
    }
  return FALSE;
}

/* "Will Aliyev meet Pashinyan?": a question states nothing.  Its mark is
 * the sentence's last, before closing quotes and brackets. */
static gboolean
is_question (Context *ctx)
{
  for (int k = (int) ctx->units->len - 1; k >= 0; k--)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      if (u->type != DM_UNIT_PUNCT)
        return FALSE;
      if (dm_unit_is_punct (u, "?"))
        return TRUE;
      if (dm_unit_is_punct (u, ".") || dm_unit_is_punct (u, "!"))
        return FALSE;
    }
  return FALSE;
}

/* DIPLOMAP_DEBUG_UNITS=1 prints each sentence's units on stderr: how the
 * role finder saw it, for whoever writes a rule. */
static gboolean
debug_units (void)
{
  static int enabled = -1;

  if (enabled < 0)
    enabled = g_getenv ("DIPLOMAP_DEBUG_UNITS") != NULL;
  return enabled;
}

static void
dump_units (Context *ctx)
{
  g_autoptr (GString) line = g_string_new ("units:");

  for (guint i = 0; i < ctx->units->len; i++)
    {
      const DmUnit *u = dm_units_get (ctx->units, i);
      switch (u->type)
        {
        case DM_UNIT_ACTOR:
          g_string_append (line, " [");
          for (guint k = 0; k < u->n_actors; k++)
            g_string_append_printf (line, "%s%s", k ? "+" : "", dm_gazetteer_get_actor (ctx->gazetteer, u->actors[k])->code);
          g_string_append_printf (line, "%s%s]", u->possessive ? "'s" : "", u->pair_ref ? " pair" : "");
          break;
        case DM_UNIT_CUE:
          g_string_append_printf (line, " <%s:%.*s>", dm_lexicon_get_rule (ctx->lexicon, u->rule)->rule,
                                  (int) (u->end - u->start), ctx->text + u->start);
          break;
        default:
          g_string_append_printf (line, " %s", u->word);
        }
    }
  g_printerr ("%s\n", line->str);
}

struct _DmExtractor {
  DmLexicon   *lexicon;
  DmGazetteer *gazetteer;
  /* per sentence, kept between sentences */
  GArray      *hits;   /* DmHit, the lexicon's */
  GArray      *cues;   /* DmCueMatch */
  GArray      *units;  /* DmUnit */
  guint        mediate_rule;
};

DmExtractor *
dm_extractor_new (DmLexicon   *lexicon,
                  DmGazetteer *gazetteer)
{
  DmExtractor *self = g_new0 (DmExtractor, 1);

  self->lexicon = g_object_ref (lexicon);
  self->gazetteer = g_object_ref (gazetteer);
  self->hits = g_array_new (FALSE, FALSE, sizeof (DmHit));
  self->cues = g_array_new (FALSE, FALSE, sizeof (DmCueMatch));
  self->units = g_array_sized_new (FALSE, FALSE, sizeof (DmUnit), 64);
  self->mediate_rule = G_MAXUINT;
  for (guint i = 0; i < dm_lexicon_get_n_rules (lexicon); i++)
    if (dm_lexicon_get_rule (lexicon, i)->kind == DM_LINK_MEDIATE && dm_lexicon_get_rule (lexicon, i)->pos == DM_CUE_VERB)
      {
        self->mediate_rule = i;
        break;
      }
  return self;
}

void
dm_extractor_free (DmExtractor *self)
{
  if (!self)
    return;
  g_object_unref (self->lexicon);
  g_object_unref (self->gazetteer);
  g_array_unref (self->hits);
  g_array_unref (self->cues);
  g_array_unref (self->units);
  g_free (self);
}

void
dm_extract_links (DmExtractor      *self,
                  const char       *text,
                  const DmSentence *sentence,
                  const DmMatch    *mentions,
                  guint             n_mentions,
                  const DmHit      *cue_hits,
                  guint             n_cue_hits,
                  guint             previous_person,
                  GArray           *out)
{
  Context ctx = { self->lexicon, self->gazetteer, text, self->units, FALSE, FALSE, -1, self->mediate_rule };

  /* A link joins two different actors, and the only actors a sentence
   * can speak of are the ones it names and the person "he" may stand
   * for; most sentences of an article name fewer than two, so this cheap
   * test comes before the cues are looked at. */
  if (!names_two_actors (mentions, n_mentions, previous_person))
    return;
  g_array_set_size (self->cues, 0);
  g_array_set_size (self->hits, 0);
  for (guint i = 0; i < n_cue_hits; i++)
    if (cue_hits[i].start >= sentence->start && cue_hits[i].end <= sentence->end)
      g_array_append_val (self->hits, cue_hits[i]);
  dm_lexicon_select_cues (self->lexicon, text, sentence->start, sentence->end, self->hits, self->cues);
  if (self->cues->len == 0)
    return;

  dm_sentence_units_build (self->units, self->gazetteer, text, sentence, mentions, n_mentions, self->cues,
                           previous_person);

  if (G_UNLIKELY (debug_units ()))
    dump_units (&ctx);
  if (is_question (&ctx))
    return;

  for (guint i = 0; i < ctx.units->len; i++)
    if (dm_unit_in (dm_units_get (ctx.units, i), DM_WORD_RECIPROCAL))
      ctx.reciprocal = TRUE;

  for (guint i = 0; i < ctx.units->len; i++)
    if (dm_units_get (ctx.units, i)->type == DM_UNIT_CUE)
      extract_cue (&ctx, i, out);
  extract_mediation (&ctx, out);
}
