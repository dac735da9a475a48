/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-extractor.c: who does what to whom, one sentence at a time.
 *
 * The sentence becomes a short list of units: actor phrases (a title and a
 * name of the same actor are one phrase, "A and B" or "US-EU" one
 * coordinated phrase), relation cues, function words and clause
 * punctuation.  For each cue the extractor looks for its agent on the left
 * (the nearest actor phrase that no preposition governs, the subject of the
 * main clause for ", urging", the antecedent of ", which") and its patient on
 * the right (the object of a verb; for a noun, the phrase after "with",
 * "between", "to", "of", "for", "against").  A cue with no two distinct
 * actors in those roles gives no link: co-mention alone is never a link.
 */
#include "config.h"

#include <string.h>

#include "dm-extractor.h"

#define MAX_GROUP 6
#define MAX_WORD 24

typedef enum {
  UNIT_ACTOR,
  UNIT_CUE,
  UNIT_WORD,
  UNIT_PUNCT,
} UnitType;

typedef struct {
  UnitType type;
  gsize    start, end;
  /* UNIT_ACTOR */
  guint    actors[MAX_GROUP];
  guint    n_actors;
  gboolean person;      /* names a person, so "he" may refer to it */
  gboolean capital;     /* a capital city: "in Baku" is a place, not a party */
  gboolean pair_ref;    /* "both sides": the pair the sentence names */
  gboolean possessive;  /* "Azerbaijan's" */
  float    confidence;
  /* UNIT_CUE */
  guint    rule;
  /* UNIT_WORD (lower case) and UNIT_PUNCT */
  char     word[MAX_WORD];
  guint32  classes;     /* UNIT_WORD: the word lists it belongs to */
} Unit;

typedef struct {
  DmLexicon   *lexicon;
  DmGazetteer *gazetteer;
  const char  *text;
  GArray      *units;
  guint        previous_person;
  gboolean     reciprocal;  /* "trading accusations", "each other" */
  gboolean     hosting_talks; /* the cue at hand hosts talks: a mediation */
} Context;

static const char *prepositions[] = {
  "in", "at", "from", "with", "to", "of", "by", "for", "on", "against", "between", "about",
  "over", "into", "toward", "towards", "across", "through", "within", "near", "beyond",
  "under", "amid", "among", "including", "like", "than", "via", "as", "upon", "after",
  "before", "during", "despite", "without", "inside", "outside", NULL
};

/* Prepositions that attach the patient to a noun cue.  "over" and
 * "about" give a topic ("wars over Karabakh"), never a party. */
static const char *linking_prepositions[] = {
  "with", "between", "to", "of", "for", "against", "on", "toward", "towards", "into", "at",
  "from", "w", NULL
};

static const char *clause_openers[] = {
  "which", "who", "whom", "whose", "while", "whereas", "although", "though", "but",
  "because", "when", "since", "until", "if", "unless", "amid", "after", "before", "as",
  "where", "however", "yet", "so", "that", NULL
};

static const char *negations[] = {
  "not", "never", "no", "refused", "refuses", "refuse", "refrained", "refrain", "declined",
  "denied", "denies", "without", "n't", "nor", "avoid", "avoids", "avoided", "avoiding",
  "failed", "fails", "instead", NULL
};

static const char *reciprocal_words[] = {
  "trade", "trades", "traded", "trading", "exchange", "exchanged", "exchanging",
  "mutual", "reciprocal", NULL
};

/* Words allowed between two mentions of one actor that form one phrase:
 * "US Secretary of State Antony Blinken", "State Department spokesman
 * Matthew Miller". */
static const char *title_words[] = {
  "of", "the", "'s", "spokesman", "spokeswoman", "spokesperson", "minister", "secretary",
  "president", "envoy", "ambassador", "chief", "leader", "head", "deputy", "foreign",
  "prime", "special", "representative", "adviser", "advisor", "official", "senator", NULL
};

static const char *pair_phrases[] = {
  "both sides", "the two sides", "both countries", "the two countries", "both nations",
  "the two nations", "each other", "one another", "the neighbours", "the neighbors",
  "the two neighbours", "the two neighbors", "both parties", "the two parties",
  "the two states", "both states", "the two leaders", "both leaders", "either side", NULL
};

/* Prepositions after which a noun is a thing talked about or a
 * circumstance ("settlement of the conflict", "amid hostilities"), not
 * the act of the clause's subject. */
static const char *nesting_prepositions[] = { "of", "into", "amid", NULL };

/* Adjectives of size and degree ("large-scale", "full-scale") */
static const char *size_words[] = { "large", "full", "small", "scale", "major", "new", "fresh", "renewed", NULL };

/* Words that may stand between a preposition and its actor phrase. */
static const char *noun_modifiers[] = {
  "the", "a", "an", "its", "their", "his", "her", "both", "neighboring", "neighbouring",
  "neighbor", "neighbour", "long-standing", "longstanding", "rival", "eastern", "western",
  "northern", "southern", "central", "breakaway", "disputed", "occupied", "mountainous",
  "former", "fellow", "ally", "allied", "traditional", "key", "strategic", "two", "warring",
  NULL
};

/* Nouns whose "of X" stands for X itself. */
static const char *heads_of_state[] = {
  "leaders", "leader", "leadership", "president", "presidents", "government", "governments",
  "minister", "ministers", "ministry", "authorities", "officials", "head", "heads", "army",
  "forces", "troops", "delegation", "delegations", "parliament", "countries", "nations",
  "states", "sides", NULL
};

/* "his" and "her" are left out: "his Armenian counterpart" is somebody
 * else than the one "his" refers to. */
static const char *person_pronouns[] = { "he", "him", "she", NULL };

/* Every word list above gets a bit; a word's bits are looked up once, when
 * the sentence is cut into units, so that role finding never compares
 * strings. */
static const char *const *const word_lists[] = {
  prepositions, linking_prepositions, clause_openers, negations, reciprocal_words,
  title_words, nesting_prepositions, size_words, noun_modifiers, heads_of_state,
  person_pronouns,
};

/* Pair phrases cut into words once: "both sides" → { "both", "sides" };
 * their first words carry this bit. */
#define PAIR_START (1u << 31)
#define MAX_PAIR_WORDS 3
static const char *pair_words[G_N_ELEMENTS (pair_phrases)][MAX_PAIR_WORDS + 1];

static GHashTable *
get_word_classes (void)
{
  static GHashTable *classes;

  if (g_once_init_enter (&classes))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint l = 0; l < G_N_ELEMENTS (word_lists); l++)
        for (guint i = 0; word_lists[l][i]; i++)
          {
            guint32 bits = GPOINTER_TO_UINT (g_hash_table_lookup (table, word_lists[l][i]));
            g_hash_table_insert (table, (gpointer) word_lists[l][i], GUINT_TO_POINTER (bits | (1u << l)));
          }
      for (guint p = 0; pair_phrases[p]; p++)
        {
          /* the words live as long as the program, in pair_words */
          char **words = g_strsplit (pair_phrases[p], " ", MAX_PAIR_WORDS);
          guint32 bits = GPOINTER_TO_UINT (g_hash_table_lookup (table, words[0]));

          for (guint k = 0; words[k] && k < MAX_PAIR_WORDS; k++)
            pair_words[p][k] = words[k];
          g_hash_table_insert (table, words[0], GUINT_TO_POINTER (bits | PAIR_START));
          g_free (words);  /* the array only: its strings are kept */
        }
      g_once_init_leave (&classes, table);
    }
  return classes;
}

static guint32
class_bit (const char *const *list)
{
  for (guint l = 0; l < G_N_ELEMENTS (word_lists); l++)
    if (word_lists[l] == list)
      return 1u << l;
  g_return_val_if_reached (0);
}

static gboolean
word_in (const Unit *u, const char *const *list)
{
  return u && u->type == UNIT_WORD && (u->classes & class_bit (list));
}

static gboolean
is_word (const Unit *u, const char *w)
{
  return u && u->type == UNIT_WORD && g_str_equal (u->word, w);
}

static gboolean
is_punct (const Unit *u, const char *p)
{
  return u && u->type == UNIT_PUNCT && g_str_equal (u->word, p);
}

static Unit *
unit_at (Context *ctx, int i)
{
  if (i < 0 || (guint) i >= ctx->units->len)
    return NULL;
  return &g_array_index (ctx->units, Unit, i);
}

/* ── Building the units ─────────────────────────────────────────────── */

static gboolean
is_word_char_at (const char *p)
{
  gunichar c = g_utf8_get_char (p);
  return g_unichar_isalnum (c) || c == '_';
}

static gboolean
is_apostrophe_at (const char *p)
{
  return *p == '\'' || strncmp (p, "\xe2\x80\x99", 3) == 0;
}

/* Words, "'s" as a word of its own, and one unit per punctuation mark. */
static void
add_plain_units (Context *ctx, gsize start, gsize end)
{
  const char *text = ctx->text;
  gsize pos = start;

  while (pos < end)
    {
      const char *p = text + pos;
      gunichar c = g_utf8_get_char (p);
      Unit u = { 0 };

      if (g_unichar_isspace (c))
        {
          pos = g_utf8_next_char (p) - text;
          continue;
        }
      u.start = pos;
      if (is_apostrophe_at (p) && pos + (*p == '\'' ? 1 : 3) < end
          && (p[*p == '\'' ? 1 : 3] == 's') && !is_word_char_at (p + (*p == '\'' ? 2 : 4)))
        {
          u.type = UNIT_WORD;
          strcpy (u.word, "'s");
          u.classes = GPOINTER_TO_UINT (g_hash_table_lookup (get_word_classes (), u.word));
          pos += (*p == '\'' ? 2 : 4);
        }
      else if (is_word_char_at (p))
        {
          gsize w = pos, n = 0;

          while (w < end && (is_word_char_at (text + w)
                             || (is_apostrophe_at (text + w) && w + 1 < end
                                 && text[w + (text[w] == '\'' ? 1 : 3)] == 't')))
            w = g_utf8_next_char (text + w) - text;
          for (gsize k = pos; k < w && n < MAX_WORD - 1; k++)
            u.word[n++] = g_ascii_tolower (text[k]);
          u.word[n] = '\0';
          u.type = UNIT_WORD;
          if (g_str_has_suffix (u.word, "n't"))
            strcpy (u.word, "n't");
          u.classes = GPOINTER_TO_UINT (g_hash_table_lookup (get_word_classes (), u.word));
          pos = w;
        }
      else
        {
          const char *next = g_utf8_next_char (p);
          gsize n = MIN ((gsize) (next - p), MAX_WORD - 1);

          u.type = UNIT_PUNCT;
          memcpy (u.word, p, n);
          u.word[n] = '\0';
          pos = next - text;
        }
      u.end = pos;
      g_array_append_val (ctx->units, u);
    }
}

static void
add_actor_unit (Context *ctx, const DmMatch *m)
{
  const DmAlias *alias = dm_gazetteer_get_alias (ctx->gazetteer, m->alias);
  Unit u = { 0 };

  u.type = UNIT_ACTOR;
  u.start = m->start;
  u.end = m->end;
  u.actors[0] = m->actor;
  u.n_actors = 1;
  u.person = alias->group == DM_ALIAS_OFFICE_HOLDER;
  u.capital = alias->group == DM_ALIAS_CAPITAL;
  u.confidence = m->confidence;
  g_array_append_val (ctx->units, u);
}

static void
build_units (Context *ctx, const DmSentence *sentence, const DmMatch *mentions, guint n_mentions,
             const GArray *cues)
{
  gsize pos = sentence->start;
  guint mi = 0, ci = 0;

  while (mi < n_mentions || ci < cues->len)
    {
      const DmMatch *m = mi < n_mentions ? &mentions[mi] : NULL;
      const DmCueMatch *c = ci < cues->len ? &g_array_index (cues, DmCueMatch, ci) : NULL;

      /* A cue inside a name ("Peace" in a party's name) is no cue. */
      if (m && c && c->start < m->end && m->start < c->end)
        {
          ci++;
          continue;
        }
      if (m && (!c || m->start < c->start))
        {
          add_plain_units (ctx, pos, m->start);
          add_actor_unit (ctx, m);
          pos = m->end;
          mi++;
        }
      else
        {
          Unit u = { 0 };
          add_plain_units (ctx, pos, c->start);
          u.type = UNIT_CUE;
          u.start = c->start;
          u.end = c->end;
          u.rule = c->rule;
          g_array_append_val (ctx->units, u);
          pos = c->end;
          ci++;
        }
    }
  add_plain_units (ctx, pos, sentence->end);
}

static gboolean
unit_has_actor (const Unit *u, guint actor)
{
  for (guint k = 0; k < u->n_actors; k++)
    if (u->actors[k] == actor)
      return TRUE;
  return FALSE;
}

static void
absorb (Unit *into, const Unit *from)
{
  for (guint k = 0; k < from->n_actors; k++)
    if (!unit_has_actor (into, from->actors[k]) && into->n_actors < MAX_GROUP)
      into->actors[into->n_actors++] = from->actors[k];
  into->end = MAX (into->end, from->end);
  into->person = into->person || from->person;
  into->capital = into->capital && from->capital;
  into->confidence = MIN (into->confidence, from->confidence);
}

/* Removes units (first, last] after absorbing the actor units among them
 * into unit @first. */
static void
merge_range (Context *ctx, guint first, guint last)
{
  Unit *head = unit_at (ctx, first);

  for (guint k = first + 1; k <= last; k++)
    {
      Unit *u = unit_at (ctx, k);
      if (u->type == UNIT_ACTOR)
        absorb (head, u);
      head->end = MAX (head->end, u->end);
    }
  g_array_remove_range (ctx->units, first + 1, last - first);
}

static gboolean
same_actors (const Unit *a, const Unit *b)
{
  if (a->n_actors != b->n_actors)
    return FALSE;
  for (guint k = 0; k < a->n_actors; k++)
    if (!unit_has_actor (b, a->actors[k]))
      return FALSE;
  return TRUE;
}

static gboolean
is_title_word (const Context *ctx, const Unit *u)
{
  if (u->type != UNIT_WORD)
    return FALSE;
  return word_in (u, title_words) || g_ascii_isupper (ctx->text[u->start]);
}

/* "US Secretary of State Antony Blinken" is one phrase of one actor. */
static void
merge_titles (Context *ctx)
{
  for (guint i = 0; i < ctx->units->len; i++)
    {
      Unit *u = unit_at (ctx, i);
      guint j;

      if (u->type != UNIT_ACTOR)
        continue;
      for (j = i + 1; j < ctx->units->len && j <= i + 5 && is_title_word (ctx, unit_at (ctx, j)); j++)
        ;
      if (j < ctx->units->len && unit_at (ctx, j)->type == UNIT_ACTOR && same_actors (u, unit_at (ctx, j)))
        {
          merge_range (ctx, i, j);
          i--;  /* it may join a third mention */
        }
    }
}

static gboolean
is_dash (const Unit *u)
{
  return is_punct (u, "\xe2\x80\x93") || is_punct (u, "\xe2\x80\x94");
}

/* "Armenia and Azerbaijan", "Aliyev and Pashinyan", "US-EU", "France,
 * Russia and the U.S." become one coordinated phrase. */
static void
merge_coordination (Context *ctx)
{
  for (guint i = 0; i + 2 < ctx->units->len; i++)
    {
      Unit *u = unit_at (ctx, i);
      guint j = i + 1;

      if (u->type != UNIT_ACTOR)
        continue;
      /* A, B and C */
      while (j + 1 < ctx->units->len && is_punct (unit_at (ctx, j), ",")
             && unit_at (ctx, j + 1)->type == UNIT_ACTOR)
        {
          guint k = j + 2;
          if (k < ctx->units->len && (is_word (unit_at (ctx, k), "and") || is_punct (unit_at (ctx, k), ",")))
            j = k;
          else
            break;
        }
      if (j >= ctx->units->len)
        continue;
      /* "Armenia – and France – accuse": an aside set off by dashes */
      if (j + 1 < ctx->units->len && is_dash (unit_at (ctx, j)) && is_word (unit_at (ctx, j + 1), "and"))
        j++;
      {
        Unit *link = unit_at (ctx, j);
        guint k = j + 1;
        if (!(is_word (link, "and") || is_word (link, "or") || is_punct (link, "&")
              || is_punct (link, "-") || is_punct (link, "\xe2\x80\x93") || is_punct (link, "/")))
          continue;
        /* "and the neighbouring", "and European Union leaders" */
        while (k < ctx->units->len && k <= j + 2 && (is_word (unit_at (ctx, k), "the")
                                                     || is_word (unit_at (ctx, k), "neighbouring")
                                                     || is_word (unit_at (ctx, k), "neighboring")))
          k++;
        if (k < ctx->units->len && unit_at (ctx, k)->type == UNIT_ACTOR)
          {
            if (k + 1 < ctx->units->len && is_dash (unit_at (ctx, k + 1)) && is_dash (unit_at (ctx, i + 1)))
              k++;
            merge_range (ctx, i, k);
            i--;
          }
      }
    }
}

/* "both sides", "the two countries": a phrase standing for the pair that the
 * sentence names. */
static void
mark_pair_references (Context *ctx)
{
  get_word_classes ();  /* cuts the pair phrases into words */
  for (guint i = 0; i < ctx->units->len; i++)
    {
      if (unit_at (ctx, i)->type != UNIT_WORD || !(unit_at (ctx, i)->classes & PAIR_START))
        continue;
      for (guint p = 0; pair_phrases[p]; p++)
        {
          const char *const *words = pair_words[p];
          guint n = g_strv_length ((char **) words), k;

          for (k = 0; k < n && i + k < ctx->units->len && is_word (unit_at (ctx, i + k), words[k]); k++)
            ;
          if (k == n)
            {
              Unit *u = unit_at (ctx, i);
              u->type = UNIT_ACTOR;
              u->pair_ref = TRUE;
              u->n_actors = 0;
              u->confidence = 0.9f;
              u->end = unit_at (ctx, i + n - 1)->end;
              if (n > 1)
                g_array_remove_range (ctx->units, i + 1, n - 1);
              break;
            }
        }
    }
}

/* The two actors a pair reference stands for: a coordinated pair of the
 * sentence, or else its only two actors. */
static void
resolve_pair_references (Context *ctx)
{
  guint pair[2], n = 0;
  gboolean found = FALSE;

  for (guint i = 0; i < ctx->units->len && !found; i++)
    {
      Unit *u = unit_at (ctx, i);
      if (u->type == UNIT_ACTOR && !u->pair_ref && u->n_actors == 2)
        {
          pair[0] = u->actors[0];
          pair[1] = u->actors[1];
          found = TRUE;
        }
    }
  if (!found)
    {
      for (guint i = 0; i < ctx->units->len; i++)
        {
          Unit *u = unit_at (ctx, i);
          if (u->type != UNIT_ACTOR || u->pair_ref)
            continue;
          for (guint k = 0; k < u->n_actors; k++)
            {
              if (n > 0 && pair[0] == u->actors[k])
                continue;
              if (n > 1 && pair[1] == u->actors[k])
                continue;
              if (n < 2)
                pair[n] = u->actors[k];
              n++;
            }
        }
      found = n == 2;
    }
  for (guint i = 0; i < ctx->units->len; i++)
    {
      Unit *u = unit_at (ctx, i);
      if (u->type == UNIT_ACTOR && u->pair_ref && found)
        {
          u->actors[0] = pair[0];
          u->actors[1] = pair[1];
          u->n_actors = 2;
        }
    }
}

/* "he", "him", "his": the last person named before it. */
static void
resolve_pronouns (Context *ctx)
{
  guint last_person = ctx->previous_person;

  for (guint i = 0; i < ctx->units->len; i++)
    {
      Unit *u = unit_at (ctx, i);

      if (u->type == UNIT_ACTOR && u->person && u->n_actors == 1)
        last_person = u->actors[0];
      else if (word_in (u, person_pronouns) && last_person != DM_NO_ACTOR)
        {
          u->type = UNIT_ACTOR;
          u->actors[0] = last_person;
          u->n_actors = 1;
          u->person = TRUE;
          u->confidence = 0.8f;
        }
    }
}

static void
attach_possessives (Context *ctx)
{
  for (guint i = 0; i + 1 < ctx->units->len; i++)
    if (unit_at (ctx, i)->type == UNIT_ACTOR && is_word (unit_at (ctx, i + 1), "'s"))
      {
        unit_at (ctx, i)->end = unit_at (ctx, i + 1)->end;
        unit_at (ctx, i)->possessive = TRUE;
        g_array_remove_index (ctx->units, i + 1);
      }
}

/* ── Roles ──────────────────────────────────────────────────────────── */

static gboolean
is_clause_boundary (const Unit *u)
{
  if (u->type == UNIT_PUNCT)
    return is_punct (u, ";") || is_punct (u, ":") || is_punct (u, "\xe2\x80\x94")
           || is_punct (u, "(") || is_punct (u, ")");
  return word_in (u, clause_openers);
}

/* "#Armenia", "@UN": a hashtag's or a handle's sign is part of the name */
static gboolean
is_name_sign (const Unit *u)
{
  return is_punct (u, "#") || is_punct (u, "@");
}

/* TRUE when a preposition governs the actor phrase at @i ("with Armenia",
 * "of the Nagorno-Karabakh region"). */
static gboolean
is_governed (Context *ctx, int i)
{
  /* "with both sides trading accusations": a pair is its clause's subject */
  if (unit_at (ctx, i)->pair_ref)
    return FALSE;
  for (int k = i - 1; k >= 0 && k >= i - 4; k--)
    {
      Unit *u = unit_at (ctx, k);
      if (is_name_sign (u))
        continue;
      /* "after Azerbaijani troops seized": a subordinate clause's subject */
      if (word_in (u, clause_openers))
        return FALSE;
      /* "the leaders of Azerbaijan and Armenia" act for their states */
      if (is_word (u, "of") && k > 0 && word_in (unit_at (ctx, k - 1), heads_of_state))
        return FALSE;
      if (word_in (u, prepositions))
        return TRUE;
      if (!word_in (u, noun_modifiers))
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
      Unit *u = unit_at (ctx, k);
      if (is_name_sign (u))
        continue;
      if (is_word (u, preposition))
        return TRUE;
      if (!word_in (u, noun_modifiers))
        return FALSE;
    }
  return FALSE;
}

static int
clause_start (Context *ctx, int i)
{
  int k;

  for (k = i - 1; k >= 0; k--)
    if (is_clause_boundary (unit_at (ctx, k)))
      break;
  return k + 1;
}

/* The first ungoverned actor phrase of the clause that holds unit @i. */
static int
clause_subject (Context *ctx, int i)
{
  int start = clause_start (ctx, i);

  for (int k = start; k < i; k++)
    if (unit_at (ctx, k)->type == UNIT_ACTOR && !is_governed (ctx, k))
      return k;
  return -1;
}

static gboolean
is_gerund (Context *ctx, const Unit *cue)
{
  gsize n = cue->end - cue->start;
  const char *p = ctx->text + cue->start;
  const char *space = memchr (p, ' ', n);
  gsize head = space ? (gsize) (space - p) : n;

  return head > 4 && strncmp (p + head - 3, "ing", 3) == 0;
}

static gboolean
is_ing_word (const Unit *u)
{
  gsize n = u->type == UNIT_WORD ? strlen (u->word) : 0;
  return n > 4 && g_str_has_suffix (u->word, "ing");
}

static gboolean is_modifier (Context *ctx, int i);
static gboolean is_nominal_gerund (Context *ctx, int cue);

/* TRUE when a preposition governs the noun cue at @cue ("settlement of
 * the Karabakh conflict", "in a swift offensive"): such a noun is not the
 * clause's own act, so the clause subject is not its agent. */
static gboolean
is_governed_noun (Context *ctx, int cue)
{
  for (int k = cue - 1; k >= 0 && k >= cue - 5; k--)
    {
      Unit *u = unit_at (ctx, k);
      if (word_in (u, prepositions) && !word_in (u, clause_openers))
        return word_in (u, nesting_prepositions);
      if ((u->type == UNIT_ACTOR && !u->possessive && is_modifier (ctx, k)) || is_punct (u, "-"))
        continue;
      if (u->type != UNIT_WORD || word_in (u, clause_openers))
        return FALSE;
      /* determiners and adjectives, not verbs */
      if (!word_in (u, noun_modifiers) && !g_str_has_suffix (u->word, "al")
          && !g_str_has_suffix (u->word, "ing") && !word_in (u, size_words))
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
      Unit *u = unit_at (ctx, k);
      if (u->type == UNIT_ACTOR)
        return u->possessive ? k : -1;
      if (is_punct (u, "-"))
        continue;  /* "large-scale" */
      if (u->type != UNIT_WORD || word_in (u, prepositions))
        return -1;
    }
  return -1;
}

static int
find_agent (Context *ctx, int cue)
{
  int start = clause_start (ctx, cue);
  Unit *before = unit_at (ctx, cue - 1);
  const DmCueRule *rule = dm_lexicon_get_rule (ctx->lexicon, unit_at (ctx, cue)->rule);
  int possessor = find_possessor (ctx, cue);

  if (possessor >= 0)
    return possessor;
  if ((rule->pos == DM_CUE_NOUN || is_nominal_gerund (ctx, cue)) && is_governed_noun (ctx, cue))
    return -1;

  /* ", urging him": the subject of the clause the comma ends. */
  if (before && is_punct (before, ",") && is_gerund (ctx, unit_at (ctx, cue)))
    return clause_subject (ctx, cue - 1);

  for (int k = cue - 1; k >= start; k--)
    {
      Unit *u = unit_at (ctx, k);
      if (u->type == UNIT_ACTOR && !is_governed (ctx, k))
        return k;
      if (word_in (u, negations))
        return -2;
      /* ", sparking deadly fighting with …": a participle after a comma
       * takes the subject of the clause before it */
      if (is_punct (u, ",") && k + 1 < cue && is_ing_word (unit_at (ctx, k + 1)))
        return clause_subject (ctx, k);
    }
  /* ", which sides with Baku": the phrase before the relative pronoun. */
  if (start > 0)
    {
      Unit *opener = unit_at (ctx, start - 1);
      if (is_word (opener, "which") || is_word (opener, "who"))
        {
          int k = start - 2;
          if (k >= 0 && is_punct (unit_at (ctx, k), ","))
            k--;
          if (k >= 0 && unit_at (ctx, k)->type == UNIT_ACTOR)
            return k;
        }
    }
  return -1;
}

static int find_noun_patient (Context *ctx, int cue, gboolean *between, const char **link_word);
static gboolean is_gerund (Context *ctx, const Unit *cue);

/* "the Karabakh conflict", "the Karabakh peace process": an actor phrase
 * that qualifies the next cue is its topic, not a party. */
static gboolean
is_modifier (Context *ctx, int i)
{
  Unit *next = unit_at (ctx, i + 1);
  Unit *after = unit_at (ctx, i + 2);
  Unit *u = unit_at (ctx, i);

  if (u->possessive || u->n_actors != 1)
    return FALSE;
  /* "a UN summit", "an EU mission": an organization owns what it names */
  if (dm_gazetteer_get_actor (ctx->gazetteer, u->actors[0])->kind == DM_ACTOR_ORGANIZATION)
    return FALSE;
  return (next && next->type == UNIT_CUE
          && dm_lexicon_get_rule (ctx->lexicon, next->rule)->pos == DM_CUE_NOUN)
         || (next && next->type == UNIT_WORD && after && after->type == UNIT_CUE
             && (is_word (next, "peace") || is_word (next, "conflict") || is_word (next, "region")));
}

/* "a meeting", "France's equipping of Armenia": a gerund used as a noun. */
static gboolean
is_nominal_gerund (Context *ctx, int cue)
{
  Unit *before = unit_at (ctx, cue - 1);

  if (!before || !is_gerund (ctx, unit_at (ctx, cue)))
    return FALSE;
  return (before->type == UNIT_ACTOR && before->possessive)
         || is_word (before, "a") || is_word (before, "an") || is_word (before, "the")
         || is_word (before, "emergency") || is_word (before, "their") || is_word (before, "its")
         || is_word (before, "his") || is_word (before, "her") || is_word (before, "deadly")
         || is_word (before, "heavy") || is_word (before, "renewed");
}

/* The patient of a verb: the first actor phrase after it in the clause,
 * except a capital after "in" or "at" (a place, not a party).  A mediator
 * acts on the parties of the process it mediates ("brokered a ceasefire
 * between Baku and Yerevan"). */
/* "sent a letter to the Security Council, requesting a meeting": an
 * appeal whose object is a thing goes to the addressee named before it
 * with "to".  Returns that addressee, or -1. */
static int
find_addressee (Context *ctx, int cue)
{
  guint next = cue + 1;

  while (next < ctx->units->len && (is_word (unit_at (ctx, next), "a") || is_word (unit_at (ctx, next), "an")
                                    || is_word (unit_at (ctx, next), "the")))
    next++;
  if (next < ctx->units->len && unit_at (ctx, next)->type == UNIT_ACTOR)
    return -1;  /* "urged Azerbaijan": the object is the addressee */
  for (int k = cue - 1; k >= 0; k--)
    {
      Unit *u = unit_at (ctx, k);
      if (u->type == UNIT_ACTOR && is_governed_by (ctx, k, "to"))
        return k;
      if (is_clause_boundary (u))
        return -1;
    }
  return -1;
}

static int
find_verb_patient (Context *ctx, int cue)
{
  const DmCueRule *rule = dm_lexicon_get_rule (ctx->lexicon, unit_at (ctx, cue)->rule);
  guint window = rule->object_window ? rule->object_window : 10;

  if (rule->kind == DM_LINK_APPEAL)
    {
      int addressee = find_addressee (ctx, cue);
      if (addressee >= 0)
        return addressee;
    }

  for (guint k = cue + 1; k < ctx->units->len && k <= (guint) cue + window; k++)
    {
      Unit *u = unit_at (ctx, k);
      if (u->type == UNIT_CUE && (rule->kind == DM_LINK_MEDIATE || ctx->hosting_talks))
        {
          gboolean between;
          const char *link_word;
          int parties = find_noun_patient (ctx, k, &between, &link_word);
          return between ? parties : -1;
        }
      if (is_clause_boundary (u) || u->type == UNIT_CUE || is_punct (u, ",") || is_punct (u, "."))
        return -1;
      if (u->type == UNIT_ACTOR)
        {
          Unit *prev = unit_at (ctx, k - 1);
          if (u->capital && (is_word (prev, "in") || is_word (prev, "at")))
            continue;
          /* "discuss Karabakh" names a topic; "discuss with Baku" a party */
          if (rule->prepositional_object && !is_governed_by (ctx, k, "with")
              && !is_governed_by (ctx, k, "to"))
            continue;
          if (is_modifier (ctx, k))
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
cue_final_preposition (Context *ctx, const Unit *cue)
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
static int
find_noun_patient (Context *ctx, int cue, gboolean *between, const char **link_word)
{
  const Unit *c = unit_at (ctx, cue);
  DmLinkKind kind = dm_lexicon_get_rule (ctx->lexicon, c->rule)->kind;
  const char *final = cue_final_preposition (ctx, c);
  guint k = cue + 1;

  *between = FALSE;
  *link_word = NULL;
  if (final)
    {
      *link_word = final;
      k = cue;
    }
  else
    {
      /* up to two words ("economic support for", "call to") before the link */
      while (k < ctx->units->len && k <= (guint) cue + 2 && unit_at (ctx, k)->type == UNIT_WORD
             && !word_in (unit_at (ctx, k), linking_prepositions) && !word_in (unit_at (ctx, k), clause_openers)
             && !is_word (unit_at (ctx, k), "by"))
        k++;
      if (k >= ctx->units->len)
        return -1;
      if (!word_in (unit_at (ctx, k), linking_prepositions) && !(k == (guint) cue + 1 && is_word (unit_at (ctx, k), "by")))
        return -1;
      *link_word = unit_at (ctx, k)->word;
    }
  /* "accusations by Yerevan": the agent, right after the noun */
  if (!final && k == (guint) cue + 1 && is_word (unit_at (ctx, k), "by"))
    *link_word = "by";
  /* "talks on Karabakh", "tensions on the border": a topic or a place */
  if (g_str_equal (*link_word, "on")
      && (kind == DM_LINK_CONSULT || kind == DM_LINK_NEGOTIATE || kind == DM_LINK_MEDIATE || kind == DM_LINK_TENSION))
    return -1;
  *between = g_str_equal (*link_word, "between");
  for (guint j = k + 1; j < ctx->units->len && j <= k + 5; j++)
    {
      Unit *u = unit_at (ctx, j);
      if (is_clause_boundary (u) || u->type == UNIT_CUE || is_punct (u, ",") || is_punct (u, "."))
        return -1;
      if (u->type == UNIT_ACTOR)
        {
          if (u->capital && (is_word (unit_at (ctx, j - 1), "in") || is_word (unit_at (ctx, j - 1), "at")))
            continue;
          if (is_modifier (ctx, j))
            return -1;
          return j;
        }
    }
  return -1;
}

static gboolean
is_participle (Context *ctx, const Unit *cue)
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
  if (!is_participle (ctx, unit_at (ctx, cue)))
    return -1;
  for (guint k = cue + 1; k < ctx->units->len && k <= (guint) cue + 2; k++)
    if (is_word (unit_at (ctx, k), "by"))
      {
        for (guint j = k + 1; j < ctx->units->len && j <= k + 6; j++)
          {
            Unit *u = unit_at (ctx, j);
            if (u->type == UNIT_ACTOR)
              return j;
            if (!(word_in (u, noun_modifiers) || word_in (u, heads_of_state) || is_word (u, "of")))
              return -1;
          }
        return -1;
      }
  return -1;
}

static void
emit (Context *ctx, const Unit *cue, guint source, guint target, float confidence, GArray *out)
{
  const DmCueRule *rule = dm_lexicon_get_rule (ctx->lexicon, cue->rule);
  DmExtractedLink link;

  if (source == target)
    return;
  link.kind = ctx->hosting_talks ? DM_LINK_MEDIATE : rule->kind;
  link.directed = ctx->hosting_talks ? TRUE : rule->directed;
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
emit_within (Context *ctx, const Unit *cue, const Unit *group, float confidence, GArray *out)
{
  const DmCueRule *rule = dm_lexicon_get_rule (ctx->lexicon, cue->rule);

  for (guint a = 0; a < group->n_actors; a++)
    for (guint b = 0; b < group->n_actors; b++)
      if (a != b && (rule->directed || a < b))
        emit (ctx, cue, group->actors[a], group->actors[b], confidence, out);
}

/* "Putin hosted Aliyev and Pashinyan for talks": a host of talks or
 * negotiations later in its clause mediates between its guests. */
static gboolean
clause_has_talks (Context *ctx, int cue)
{
  for (guint k = cue + 1; k < ctx->units->len && k <= (guint) cue + 12; k++)
    {
      Unit *u = unit_at (ctx, k);
      if (is_clause_boundary (u))
        return FALSE;
      if (u->type == UNIT_CUE)
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
  const Unit *c = unit_at (ctx, cue);
  const DmCueRule *rule = dm_lexicon_get_rule (ctx->lexicon, c->rule);
  gboolean between = FALSE;
  const char *link_word = NULL;
  int agent, patient, passive_agent;
  const Unit *a, *p;
  float confidence;

  ctx->hosting_talks = rule->hosts_talks && clause_has_talks (ctx, cue);
  if (rule->pos == DM_CUE_NOUN || is_nominal_gerund (ctx, cue))
    patient = find_noun_patient (ctx, cue, &between, &link_word);
  else
    patient = find_verb_patient (ctx, cue);

  /* "tensions between Armenia and Azerbaijan"; but a mediator's "contacts
   * between the two sides" are its targets, found below */
  if (between && patient >= 0 && unit_at (ctx, patient)->n_actors >= 2
      && (!rule->directed || rule->reciprocal || rule->kind != DM_LINK_MEDIATE))
    {
      p = unit_at (ctx, patient);
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
  if (passive_agent >= 0)
    {
      patient = agent;
      agent = passive_agent;
    }

  a = agent >= 0 ? unit_at (ctx, agent) : NULL;
  p = patient >= 0 ? unit_at (ctx, patient) : NULL;
  /* a host mediates between two guests or more; one guest is a partner */
  if (ctx->hosting_talks && (!p || p->n_actors < 2))
    ctx->hosting_talks = FALSE;

  if (a && p)
    {
      confidence = MIN (a->confidence, p->confidence);
      for (guint i = 0; i < a->n_actors; i++)
        for (guint j = 0; j < p->n_actors; j++)
          emit (ctx, c, a->actors[i], p->actors[j], confidence, out);
      return;
    }

  /* "Armenia and Azerbaijan have fought two wars", "both sides trading
   * accusations": a coordinated agent acting on itself. */
  if (a && a->n_actors >= 2 && (!rule->directed || ctx->reciprocal || rule->reciprocal || a->pair_ref))
    emit_within (ctx, c, a, a->confidence * 0.9f, out);
}

void
dm_extract_links (DmLexicon        *lexicon,
                  DmGazetteer      *gazetteer,
                  const char       *text,
                  const DmSentence *sentence,
                  const DmMatch    *mentions,
                  guint             n_mentions,
                  guint             previous_person,
                  GArray           *out)
{
  g_autoptr (GArray) cues = g_array_new (FALSE, FALSE, sizeof (DmCueMatch));
  g_autoptr (GArray) units = NULL;
  Context ctx = { lexicon, gazetteer, text, NULL, previous_person, FALSE };

  /* A link needs at least one actor phrase (two actors, or one with a
   * pair reference or a pronoun) and a cue; the cheap test first. */
  if (n_mentions == 0 && previous_person == DM_NO_ACTOR)
    return;
  dm_lexicon_find (lexicon, text, sentence->start, sentence->end, cues);
  if (cues->len == 0)
    return;

  units = g_array_sized_new (FALSE, FALSE, sizeof (Unit), 64);
  ctx.units = units;
  build_units (&ctx, sentence, mentions, n_mentions, cues);
  merge_titles (&ctx);
  attach_possessives (&ctx);
  mark_pair_references (&ctx);
  merge_coordination (&ctx);
  resolve_pronouns (&ctx);
  resolve_pair_references (&ctx);

  for (guint i = 0; i < units->len; i++)
    if (word_in (unit_at (&ctx, i), reciprocal_words))
      ctx.reciprocal = TRUE;

  for (guint i = 0; i < units->len; i++)
    if (unit_at (&ctx, i)->type == UNIT_CUE)
      extract_cue (&ctx, i, out);
}
