/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-sentence-units.c: cuts a sentence into actor phrases, cues, words and
 * punctuation, and groups the phrases (titles with names, coordination,
 * possessives, pair references, pronouns) so that the extractor can reason
 * about roles over a short list. */
#include "config.h"

#include <string.h>

#include "dm-sentence-units.h"

typedef struct {
  DmGazetteer *gazetteer;
  const char  *text;
  GArray      *units;
  guint        previous_person;
  const guint *previous_pair; /* the previous sentence's pair, or NULL */
  gboolean     in_title;    /* a headline: its own punctuation rules */
  guint32      seen_classes; /* the DmWordClass bits of all its words */
  gboolean     seen_possessive; /* a "'s" among its words */
} Builder;

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
  "where", "however", "yet", "so", "that", "whether", NULL
};

static const char *negations[] = {
  "not", "never", "no", "refused", "refuses", "refuse", "refrained", "refrain", "declined",
  "denied", "denies", "without", "n't", "nor", "avoid", "avoids", "avoided", "avoiding",
  "failed", "fails", "instead", "neither", NULL
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
  "the two states", "both states", "the two leaders", "both leaders", "either side",
  "those countries", "these countries", "the two ministers", "both ministers", "the two governments",
  "both governments", "the two capitals", NULL
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
  "states", "sides", "spokesperson", "spokesman", "spokeswoman", "envoy", "envoys", "ambassador",
  "representative", "representatives", "adviser", "advisor", "aide", "office", "embassy", NULL
};

/* "his" and "her" are left out: "his Armenian counterpart" is somebody
 * else than the one "his" refers to. */
static const char *person_pronouns[] = { "he", "him", "she", NULL };

static const char *thing_pronouns[] = { "it", "its", NULL };

/* Words that say relations are getting worse or ended, around a
 * relation noun ("relations have soured", "severed diplomatic ties",
 * "suspended the strategic partnership"). */
static const char *relation_worse_words[] = {
  "soured", "sour", "souring", "frayed", "fray", "fraying", "deteriorated", "deteriorate",
  "deteriorating", "deterioration", "worsened", "worsen", "worsening", "strained", "tense",
  "tenser", "chilly", "chilled", "cooled", "cooling", "frosty", "icy", "low", "lowest", "edge",
  "crisis", "rupture", "ruptured", "severed", "sever", "severing", "suspended", "suspend",
  "suspends", "suspending", "suspension", "froze", "frozen", "freeze", "freezing", "cut",
  "cuts", "cutting", "downgraded", "downgrade", "downgrading", "broke", "broken", "breaking",
  "break", "ended", "ending", "terminated", "terminate", "violated", "damaged", "damage",
  "hurt", "undermined", "troubled", "rocky", "difficult", "uneasy", "hostile", "turbulent",
  "collapse", "collapsed", "halted", "halt", "poisoned", "spoiled", NULL
};

static const char *relation_better_words[] = {
  "improved", "improve", "improving", "improvement", "warmed", "warming", "thawed", "thaw",
  "normalized", "normalised", "normalize", "normalise", "normalizing", "normalising",
  "restored", "restore", "restoring", "restoration", "established", "establish",
  "establishing", "establishment", "strengthened", "strengthen", "strengthening",
  "deepened", "deepen", "deepens", "deepening", "expanded", "expand", "expanding", "boosted",
  "boost", "upgraded", "upgrade", "install", "installed", "resumed", "resume", "resuming",
  "revived", "revive", "reset", "good", "friendly", "cordial", "warm", "warmer", "strong",
  "stronger", "excellent", "closer", "flourishing", "developing", "developed", "develop",
  "enhance", "enhanced", "enhancing", NULL
};

/* A cue under these states a possibility, not an act: "if Russia attacks",
 * "could meet", "whether Baku will sign", "should talk", "must withdraw".
 * "would" is left out: reported speech says "said it would send" of a
 * plan. */
static const char *hypothetical_words[] = {
  "if", "unless", "whether", "could", "might", "should", "must", NULL
};

/* "in parallel with", "together with", "along with", "jointly with", "in
 * coordination with", "in conjunction with": the phrase after "with"
 * shares the act of the clause's subject. */
static const char *co_agent_words[] = {
  "parallel", "together", "along", "alongside", "jointly", "coordination", "conjunction",
  "tandem", "concert", NULL
};

/* Every word list above gets a bit, in the order of DmWordClass; a word's
 * bits are looked up once, when the sentence is cut into units, so that
 * role finding never compares strings. */
static const char *const *const word_lists[] = {
  prepositions, linking_prepositions, clause_openers, negations, reciprocal_words,
  title_words, nesting_prepositions, size_words, noun_modifiers, heads_of_state,
  person_pronouns, relation_worse_words, relation_better_words, hypothetical_words,
  co_agent_words, thing_pronouns,
};
G_STATIC_ASSERT (1u << (G_N_ELEMENTS (word_lists) - 1) == DM_WORD_THING_PRONOUN);

/* Pair phrases cut into words once: "both sides" → { "both", "sides" };
 * their first words carry DM_WORD_PAIR_START. */
#define MAX_PAIR_WORDS 3
static const char *pair_words[G_N_ELEMENTS (pair_phrases)][MAX_PAIR_WORDS + 1];
static guint pair_n_words[G_N_ELEMENTS (pair_phrases)];

/* The class bits of every listed word, in an open-addressing table looked
 * up once per word of every sentence that has a cue: a hash computed on
 * the lower-cased word and a short probe, no allocation, no callback. */
#define WORD_TABLE_SIZE 1024  /* a power of two, well over twice the listed words */

typedef struct {
  char    word[DM_UNIT_MAX_WORD];
  guint32 classes;
  guint32 pair_phrases;  /* bit p: pair phrase p starts with this word */
} WordEntry;

static WordEntry word_table[WORD_TABLE_SIZE];

static inline guint32
word_hash (const char *word,
           gsize       length)
{
  guint32 h = 2166136261u;  /* FNV-1a */

  for (gsize i = 0; i < length; i++)
    h = (h ^ (guchar) word[i]) * 16777619u;
  return h;
}

static WordEntry *
find_word_entry (const char *word,
                 gsize       length)
{
  guint32 slot = word_hash (word, length) & (WORD_TABLE_SIZE - 1);

  /* The table is never full, so an empty slot ends every probe. */
  while (word_table[slot].word[0] != '\0'
         && (strncmp (word_table[slot].word, word, length) != 0 || word_table[slot].word[length] != '\0'))
    slot = (slot + 1) & (WORD_TABLE_SIZE - 1);
  return &word_table[slot];
}

static WordEntry *
add_word_class (const char *word,
                guint32     bits)
{
  gsize length = strlen (word);
  WordEntry *entry;

  g_assert (length > 0 && length < DM_UNIT_MAX_WORD);
  entry = find_word_entry (word, length);
  if (entry->word[0] == '\0')
    memcpy (entry->word, word, length + 1);
  entry->classes |= bits;
  return entry;
}

static void
ensure_word_table (void)
{
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      guint n_words = 0;

      for (guint l = 0; l < G_N_ELEMENTS (word_lists); l++)
        for (guint i = 0; word_lists[l][i]; i++, n_words++)
          add_word_class (word_lists[l][i], 1u << l);
      for (guint p = 0; pair_phrases[p]; p++)
        {
          /* the words live as long as the program, in pair_words */
          char **words = g_strsplit (pair_phrases[p], " ", MAX_PAIR_WORDS);

          for (guint k = 0; words[k] && k < MAX_PAIR_WORDS; k++)
            pair_words[p][k] = words[k];
          pair_n_words[p] = g_strv_length (words);
          add_word_class (words[0], DM_WORD_PAIR_START)->pair_phrases |= 1u << p;
          n_words++;
          if (words[1] != NULL)
            {
              add_word_class (words[1], DM_WORD_PAIR_SECOND);
              n_words++;
            }
          g_free (words);  /* the array only: its strings are kept */
        }
      g_assert (n_words * 2 < WORD_TABLE_SIZE);
      G_STATIC_ASSERT (G_N_ELEMENTS (pair_phrases) - 1 <= 32);
      g_once_init_leave (&ready, 1);
    }
}

/* Sets @u's class bits and pair phrases from its lower-case word, of
 * @length bytes. */
static void
classify_unit_word (Builder *ctx,
                    DmUnit  *u,
                    gsize    length)
{
  const WordEntry *entry;

  ensure_word_table ();
  entry = find_word_entry (u->word, length);
  u->classes = entry->classes;
  u->pair_phrases = entry->pair_phrases;
  ctx->seen_classes |= entry->classes;
}

/* ASCII first: nearly every byte of an English article is. */
static inline gboolean
is_word_char_at (const char *p)
{
  guchar c = (guchar) *p;

  if (c < 0x80)
    return g_ascii_isalnum (c) || c == '_';
  return g_unichar_isalnum (g_utf8_get_char (p));
}

static inline gboolean
is_space_at (const char *p)
{
  guchar c = (guchar) *p;

  if (c < 0x80)
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  return g_unichar_isspace (g_utf8_get_char (p));
}

static inline char
ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static gboolean
is_apostrophe_at (const char *p)
{
  return *p == '\'' || strncmp (p, "\xe2\x80\x99", 3) == 0;
}

/* The bytes of the word at @pos, lower-cased into @u->word (cut at
 * DM_UNIT_MAX_WORD - 1 bytes); returns its end.  A word runs over letters,
 * digits and underscores, and over an apostrophe before "t" ("don't"). */
static gsize
read_word (const char *text, gsize pos, gsize end, DmUnit *u, gsize *length, gboolean *apostrophe)
{
  gsize w = pos, n = 0;

  while (w < end)
    {
      guchar c = (guchar) text[w];
      gsize next;

      if (c < 0x80 && (g_ascii_isalnum (c) || c == '_'))
        next = w + 1;  /* the common case, without decoding */
      else if (c >= 0x80 && is_word_char_at (text + w))
        next = g_utf8_next_char (text + w) - text;
      else if (is_apostrophe_at (text + w) && w + 1 < end && text[w + (c == '\'' ? 1 : 3)] == 't')
        {
          *apostrophe = TRUE;
          next = g_utf8_next_char (text + w) - text;
        }
      else
        break;
      for (; w < next; w++)
        if (n < DM_UNIT_MAX_WORD - 1)
          u->word[n++] = ascii_lower (text[w]);
    }
  u->word[n] = '\0';
  *length = n;
  return w;
}

/* Words, "'s" as a word of its own, and one unit per punctuation mark. */
static void
add_plain_units (Builder *ctx, gsize start, gsize end)
{
  const char *text = ctx->text;
  guint n_units = ctx->units->len;
  DmUnit *units;
  gsize pos = start;

  /* Every unit takes one byte at least: room for all of them at once, and
   * the array cut to what was used at the end. */
  g_array_set_size (ctx->units, n_units + (end - start));
  units = (DmUnit *) (void *) ctx->units->data;

  while (pos < end)
    {
      const char *p = text + pos;
      DmUnit *u;

      if (is_space_at (p))
        {
          pos = g_utf8_next_char (p) - text;
          continue;
        }

      u = &units[n_units++];
      memset (u, 0, sizeof *u);
      u->start = pos;
      if (is_apostrophe_at (p) && pos + (*p == '\'' ? 1 : 3) < end
          && (p[*p == '\'' ? 1 : 3] == 's') && !is_word_char_at (p + (*p == '\'' ? 2 : 4)))
        {
          u->type = DM_UNIT_WORD;
          strcpy (u->word, "'s");
          classify_unit_word (ctx, u, 2);
          ctx->seen_possessive = TRUE;
          pos += (*p == '\'' ? 2 : 4);
        }
      else if (is_word_char_at (p))
        {
          gsize n;
          gboolean apostrophe = FALSE;

          pos = read_word (text, pos, end, u, &n, &apostrophe);
          u->type = DM_UNIT_WORD;
          if (apostrophe && g_str_has_suffix (u->word, "n't"))
            n = strlen (strcpy (u->word, "n't"));
          classify_unit_word (ctx, u, n);
        }
      else
        {
          const char *next = g_utf8_next_char (p);
          gsize n = MIN ((gsize) (next - p), DM_UNIT_MAX_WORD - 1);

          u->type = DM_UNIT_PUNCT;
          memcpy (u->word, p, n);
          u->word[n] = '\0';
          pos = next - text;
        }
      u->end = pos;
    }
  g_array_set_size (ctx->units, n_units);
}

static DmCompound
compound_of (const char *mention, gsize length)
{
  static const struct { const char *ending; DmCompound compound; } endings[] = {
    { "-brokered", DM_COMPOUND_MEDIATED }, { "-mediated", DM_COMPOUND_MEDIATED },
    { "-sponsored", DM_COMPOUND_MEDIATED }, { "-facilitated", DM_COMPOUND_MEDIATED },
    { "-backed", DM_COMPOUND_BACKED }, { "-supported", DM_COMPOUND_BACKED },
    { "-funded", DM_COMPOUND_BACKED }, { "-armed", DM_COMPOUND_BACKED },
  };
  const char *dash = g_strrstr_len (mention, length, "-");

  if (!dash)
    return DM_COMPOUND_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    if ((gsize) (mention + length - dash) == strlen (endings[i].ending)
        && g_ascii_strncasecmp (dash, endings[i].ending, strlen (endings[i].ending)) == 0)
      return endings[i].compound;
  return DM_COMPOUND_OTHER;
}

static void
add_actor_unit (Builder *ctx, const DmMatch *m)
{
  const DmAlias *alias = dm_gazetteer_get_alias (ctx->gazetteer, m->alias);
  DmUnit u = { 0 };

  u.type = DM_UNIT_ACTOR;
  u.start = m->start;
  u.end = m->end;
  u.actors[0] = m->actor;
  u.n_actors = 1;
  u.person = alias->group == DM_ALIAS_OFFICE_HOLDER;
  u.capital = alias->group == DM_ALIAS_CAPITAL;
  u.demonym = alias->group == DM_ALIAS_DEMONYM;
  u.compound = compound_of (ctx->text + m->start, m->end - m->start);
  u.confidence = m->confidence;
  g_array_append_val (ctx->units, u);
}

static void
build_units (Builder *ctx, const DmSentence *sentence, const DmMatch *mentions, guint n_mentions,
             const GArray *cues)
{
  gsize pos = sentence->start;
  guint mi = 0, ci = 0;

  while (mi < n_mentions || ci < cues->len)
    {
      const DmMatch *m = mi < n_mentions ? &mentions[mi] : NULL;
      const DmCueMatch *c = ci < cues->len ? &g_array_index (cues, DmCueMatch, ci) : NULL;

      /* A demonym's state noun may be a cue itself: "Azerbaijani
       * offensive", "Russian provocation", "US demands" are the state and
       * its act, so the phrase is cut before the cue. */
      if (m && c && c->start > m->start && c->start < m->end && c->end >= m->end
          && dm_gazetteer_get_alias (ctx->gazetteer, m->alias)->group == DM_ALIAS_DEMONYM)
        {
          DmUnit u = { 0 };
          gsize end = c->start;

          while (end > m->start && (ctx->text[end - 1] == ' ' || ctx->text[end - 1] == '-'))
            end--;
          add_plain_units (ctx, pos, m->start);
          add_actor_unit (ctx, m);
          g_array_index (ctx->units, DmUnit, ctx->units->len - 1).end = end;
          u.type = DM_UNIT_CUE;
          u.start = c->start;
          u.end = c->end;
          u.rule = c->rule;
          g_array_append_val (ctx->units, u);
          pos = c->end;
          mi++;
          ci++;
          continue;
        }
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
          DmUnit u = { 0 };
          add_plain_units (ctx, pos, c->start);
          u.type = DM_UNIT_CUE;
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
unit_has_actor (const DmUnit *u, guint actor)
{
  for (guint k = 0; k < u->n_actors; k++)
    if (u->actors[k] == actor)
      return TRUE;
  return FALSE;
}

static void
absorb (DmUnit *into, const DmUnit *from)
{
  for (guint k = 0; k < from->n_actors; k++)
    if (!unit_has_actor (into, from->actors[k]) && into->n_actors < DM_UNIT_MAX_GROUP)
      into->actors[into->n_actors++] = from->actors[k];
  into->end = MAX (into->end, from->end);
  into->person = into->person || from->person;
  into->capital = into->capital && from->capital;
  into->confidence = MIN (into->confidence, from->confidence);
}

/* Removes units (first, last] after absorbing the actor units among them
 * into unit @first. */
static void
merge_range (Builder *ctx, guint first, guint last)
{
  DmUnit *head = dm_units_get (ctx->units, first);

  for (guint k = first + 1; k <= last; k++)
    {
      DmUnit *u = dm_units_get (ctx->units, k);
      if (u->type == DM_UNIT_ACTOR)
        absorb (head, u);
      head->end = MAX (head->end, u->end);
    }
  g_array_remove_range (ctx->units, first + 1, last - first);
}

static gboolean
same_actors (const DmUnit *a, const DmUnit *b)
{
  if (a->n_actors != b->n_actors)
    return FALSE;
  for (guint k = 0; k < a->n_actors; k++)
    if (!unit_has_actor (b, a->actors[k]))
      return FALSE;
  return TRUE;
}

static gboolean
is_title_word (const Builder *ctx, const DmUnit *u)
{
  if (u->type != DM_UNIT_WORD)
    return FALSE;
  return dm_unit_in (u, DM_WORD_TITLE) || g_ascii_isupper (ctx->text[u->start]);
}

static gboolean ends_opening_phrase (Builder *ctx, guint i);

/* "US Secretary of State Antony Blinken" is one phrase of one actor. */
static void
merge_titles (Builder *ctx)
{
  for (guint i = 0; i < ctx->units->len; i++)
    {
      DmUnit *u = dm_units_get (ctx->units, i);
      guint j;

      if (u->type != DM_UNIT_ACTOR)
        continue;
      for (j = i + 1; j < ctx->units->len && j <= i + 5 && is_title_word (ctx, dm_units_get (ctx->units, j)); j++)
        ;
      /* "his Azerbaijani counterpart, Jeyhun Bayramov": an apposition */
      if (j == i + 1 && j + 1 < ctx->units->len && dm_unit_is_punct (dm_units_get (ctx->units, j), ",")
          && !ends_opening_phrase (ctx, i))
        j++;
      if (j < ctx->units->len && dm_units_get (ctx->units, j)->type == DM_UNIT_ACTOR && same_actors (u, dm_units_get (ctx->units, j)))
        {
          merge_range (ctx, i, j);
          i--;  /* it may join a third mention */
        }
    }
}

static gboolean
is_dash (const DmUnit *u)
{
  return dm_unit_is_punct (u, "\xe2\x80\x93") || dm_unit_is_punct (u, "\xe2\x80\x94");
}

/* "Armenia and Azerbaijan", "Aliyev and Pashinyan", "US-EU", "France,
 * Russia and the U.S." become one coordinated phrase. */
/* TRUE when the unit at @i ends a sentence's opening phrase ("According
 * to the Kremlin,", "In Moscow,"): a preposition among the sentence's
 * first words governs it.  Mid-sentence ("co-chaired by France, Russia and
 * the U.S.") a comma after it goes on with a list. */
static gboolean
ends_opening_phrase (Builder *ctx, guint i)
{
  for (int k = (int) i - 1; k >= 0 && k >= (int) i - 3; k--)
    {
      DmUnit *u = dm_units_get (ctx->units, k);
      if (dm_unit_in (u, DM_WORD_PREPOSITION))
        return k <= 2;
      if (!dm_unit_in (u, DM_WORD_NOUN_MODIFIER))
        return FALSE;
    }
  return FALSE;
}

/* "Turkey, Pakistan and Azerbaijan": a capitalised word the gazetteer
 * does not know, between a list's commas, is a name of that list. */
static gboolean
is_unknown_list_name (Builder *ctx, guint k)
{
  const DmUnit *u = dm_units_get (ctx->units, k);
  const DmUnit *next = dm_units_get (ctx->units, k + 1);

  return u && u->type == DM_UNIT_WORD && u->classes == 0 && g_ascii_isupper (ctx->text[u->start])
         && next && (dm_unit_is_word (next, "and") || dm_unit_is_punct (next, ","));
}

static void
merge_coordination (Builder *ctx)
{
  for (guint i = 0; i + 2 < ctx->units->len; i++)
    {
      DmUnit *u = dm_units_get (ctx->units, i);
      guint j = i + 1;

      if (u->type != DM_UNIT_ACTOR)
        continue;
      /* A headline's "Armenia, Azerbaijan sign peace deal": a comma joins
       * two names that a verb follows */
      if (ctx->in_title && j + 2 < ctx->units->len && dm_unit_is_punct (dm_units_get (ctx->units, j), ",")
          && dm_units_get (ctx->units, j + 1)->type == DM_UNIT_ACTOR
          && dm_units_get (ctx->units, j + 2)->type != DM_UNIT_ACTOR
          && !dm_unit_is_punct (dm_units_get (ctx->units, j + 2), ","))
        {
          merge_range (ctx, i, j + 1);
          i--;
          continue;
        }
      /* A, B and C; but not across the comma that ends an opening phrase
       * ("According to the Kremlin, Putin and Pashinyan discussed") */
      while (!ends_opening_phrase (ctx, i) && j + 1 < ctx->units->len && dm_unit_is_punct (dm_units_get (ctx->units, j), ",")
             && (dm_units_get (ctx->units, j + 1)->type == DM_UNIT_ACTOR || is_unknown_list_name (ctx, j + 1)))
        {
          guint k = j + 2;
          if (k < ctx->units->len && (dm_unit_is_word (dm_units_get (ctx->units, k), "and") || dm_unit_is_punct (dm_units_get (ctx->units, k), ",")))
            j = k;
          else
            break;
        }
      if (j >= ctx->units->len)
        continue;
      /* "Azerbaijan, Russia, and Kazakhstan": the serial comma */
      if (j > i + 1 && dm_unit_is_punct (dm_units_get (ctx->units, j), ",") && j + 2 < ctx->units->len
          && (dm_unit_is_word (dm_units_get (ctx->units, j + 1), "and") || dm_unit_is_word (dm_units_get (ctx->units, j + 1), "or"))
          && dm_units_get (ctx->units, j + 2)->type == DM_UNIT_ACTOR)
        j++;
      /* "Azerbaijan, Russia, and Kazakhstan": a list that ends on a name the
       * gazetteer does not know still joins the names it does */
      if (j > i + 1 && dm_unit_is_punct (dm_units_get (ctx->units, j), ",") && j + 2 < ctx->units->len
          && dm_unit_is_word (dm_units_get (ctx->units, j + 1), "and")
          && dm_units_get (ctx->units, j + 2)->type == DM_UNIT_WORD
          && g_ascii_isupper (ctx->text[dm_units_get (ctx->units, j + 2)->start]))
        {
          merge_range (ctx, i, j - 1);
          continue;
        }
      /* "Armenia – and France – accuse": an aside set off by dashes */
      if (j + 1 < ctx->units->len && is_dash (dm_units_get (ctx->units, j)) && dm_unit_is_word (dm_units_get (ctx->units, j + 1), "and"))
        j++;
      {
        DmUnit *link = dm_units_get (ctx->units, j);
        guint k = j + 1;
        if (!(dm_unit_is_word (link, "and") || dm_unit_is_word (link, "or") || dm_unit_is_punct (link, "&")
              || dm_unit_is_punct (link, "-") || dm_unit_is_punct (link, "\xe2\x80\x93") || dm_unit_is_punct (link, "/")))
          continue;
        /* "and the neighbouring", "and its neighbour Azerbaijan", and with
         * an apposition, "and its rival, Azerbaijan" */
        while (k < ctx->units->len && k <= j + 3 && dm_unit_in (dm_units_get (ctx->units, k), DM_WORD_NOUN_MODIFIER))
          k++;
        if (k > j + 1 && k + 1 < ctx->units->len && dm_unit_is_punct (dm_units_get (ctx->units, k), ",")
            && dm_units_get (ctx->units, k + 1)->type == DM_UNIT_ACTOR)
          k++;
        if (k < ctx->units->len && dm_units_get (ctx->units, k)->type == DM_UNIT_ACTOR)
          {
            if (k + 1 < ctx->units->len && is_dash (dm_units_get (ctx->units, k + 1)) && is_dash (dm_units_get (ctx->units, i + 1)))
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
mark_pair_references (Builder *ctx)
{
  ensure_word_table ();  /* cuts the pair phrases into words */
  for (guint i = 0; i < ctx->units->len; i++)
    {
      guint32 phrases;

      if (dm_units_get (ctx->units, i)->type != DM_UNIT_WORD)
        continue;
      phrases = dm_units_get (ctx->units, i)->pair_phrases;
      for (guint p = 0; phrases != 0; p++, phrases >>= 1)
        {
          const char *const *words = pair_words[p];
          guint n = pair_n_words[p], k;

          if (!(phrases & 1))
            continue;

          for (k = 0; k < n && i + k < ctx->units->len && dm_unit_is_word (dm_units_get (ctx->units, i + k), words[k]); k++)
            ;
          if (k == n)
            {
              DmUnit *u = dm_units_get (ctx->units, i);
              u->type = DM_UNIT_ACTOR;
              u->pair_ref = TRUE;
              u->n_actors = 0;
              u->confidence = 0.9f;
              u->end = dm_units_get (ctx->units, i + n - 1)->end;
              if (n > 1)
                g_array_remove_range (ctx->units, i + 1, n - 1);
              break;
            }
        }
    }
}

/* The first coordinated phrase of two actors or more before unit @i. */
static const DmUnit *
first_group_before (Builder *ctx, guint i)
{
  for (guint k = 0; k < i; k++)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      if (u->type == DM_UNIT_ACTOR && !u->pair_ref && u->n_actors >= 2)
        return u;
    }
  return NULL;
}

/* The two actors a pair reference stands for: a coordinated pair of the
 * sentence, or else its only two actors. */
static void
resolve_pair_references (Builder *ctx)
{
  guint pair[2], n = 0;
  gboolean found = FALSE;

  for (guint i = 0; i < ctx->units->len && !found; i++)
    {
      DmUnit *u = dm_units_get (ctx->units, i);
      if (u->type == DM_UNIT_ACTOR && !u->pair_ref && u->n_actors == 2)
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
          DmUnit *u = dm_units_get (ctx->units, i);
          if (u->type != DM_UNIT_ACTOR || u->pair_ref)
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
  /* a sentence naming no pair of its own speaks of the previous one's */
  if (!found && n < 2 && ctx->previous_pair)
    {
      pair[0] = ctx->previous_pair[0];
      pair[1] = ctx->previous_pair[1];
      found = TRUE;
    }
  for (guint i = 0; i < ctx->units->len; i++)
    {
      DmUnit *u = dm_units_get (ctx->units, i);
      const DmUnit *group;

      if (u->type != DM_UNIT_ACTOR || !u->pair_ref)
        continue;
      /* "military drills by Turkey, Pakistan and Azerbaijan … warn those
       * countries": "those" and "these" stand for a list of any length */
      group = (g_ascii_strncasecmp (ctx->text + u->start, "those", 5) == 0
               || g_ascii_strncasecmp (ctx->text + u->start, "these", 5) == 0)
              ? first_group_before (ctx, i) : NULL;
      if (group)
        {
          memcpy (u->actors, group->actors, group->n_actors * sizeof (guint));
          u->n_actors = group->n_actors;
        }
      else if (found)
        {
          u->actors[0] = pair[0];
          u->actors[1] = pair[1];
          u->n_actors = 2;
        }
    }
}

/* "he", "him", "his": the last person named before it. */
static void
resolve_pronouns (Builder *ctx)
{
  guint last_person = ctx->previous_person;

  for (guint i = 0; i < ctx->units->len; i++)
    {
      DmUnit *u = dm_units_get (ctx->units, i);

      if (u->type == DM_UNIT_ACTOR && u->person && u->n_actors == 1)
        last_person = u->actors[0];
      else if (dm_unit_in (u, DM_WORD_PERSON_PRONOUN) && last_person != DM_NO_ACTOR)
        {
          u->type = DM_UNIT_ACTOR;
          u->actors[0] = last_person;
          u->n_actors = 1;
          u->person = TRUE;
          u->confidence = 0.8f;
        }
    }
}

/* "it" and "its" stand for the sentence's subject, a state or an
 * organization named before them: "Armenia accuses Russia of failing to
 * defend it", "Azerbaijan retook its breakaway region". */
static void
resolve_it (Builder *ctx)
{
  const DmUnit *subject = NULL, *sentence_subject = NULL;

  for (guint i = 0; i < ctx->units->len; i++)
    {
      DmUnit *u = dm_units_get (ctx->units, i);

      /* a new clause has a subject of its own: "France sold arms to
       * Armenia, as Yerevan moves away from its ally" */
      if (dm_unit_in (u, DM_WORD_CLAUSE_OPENER) || dm_unit_is_punct (u, ";"))
        {
          sentence_subject = sentence_subject ? sentence_subject : subject;
          subject = NULL;
          continue;
        }
      if (!subject && u->type == DM_UNIT_ACTOR && u->n_actors == 1 && !u->possessive && !u->person
          && !u->pair_ref && !u->capital)
        {
          const DmUnit *prev = dm_units_get (ctx->units, (int) i - 1);
          if (!prev || !dm_unit_in (prev, DM_WORD_PREPOSITION))
            subject = u;
        }
      else if ((subject || sentence_subject) && (dm_unit_is_word (u, "it") || dm_unit_is_word (u, "its")))
        {
          const DmUnit *antecedent = subject ? subject : sentence_subject;
          gboolean possessive = dm_unit_is_word (u, "its");
          gsize start = u->start, end = u->end;

          *u = (DmUnit) { 0 };
          u->type = DM_UNIT_ACTOR;
          u->start = start;
          u->end = end;
          u->actors[0] = antecedent->actors[0];
          u->n_actors = 1;
          u->possessive = possessive;
          u->pronoun = TRUE;
          u->confidence = 0.7f;
        }
    }
}

static void
attach_possessives (Builder *ctx)
{
  for (guint i = 0; i + 1 < ctx->units->len; i++)
    if (dm_units_get (ctx->units, i)->type == DM_UNIT_ACTOR && dm_unit_is_word (dm_units_get (ctx->units, i + 1), "'s"))
      {
        dm_units_get (ctx->units, i)->end = dm_units_get (ctx->units, i + 1)->end;
        dm_units_get (ctx->units, i)->possessive = TRUE;
        g_array_remove_index (ctx->units, i + 1);
      }
}

void
dm_sentence_units_build_with_pair (GArray           *units,
                                   DmGazetteer      *gazetteer,
                                   const char       *text,
                                   const DmSentence *sentence,
                                   const DmMatch    *mentions,
                                   guint             n_mentions,
                                   const GArray     *cues,
                                   guint             previous_person,
                                   const guint      *previous_pair)
{
  Builder builder = { gazetteer, text, units, previous_person, previous_pair, sentence->is_title };

  g_array_set_size (units, 0);

  build_units (&builder, sentence, mentions, n_mentions, cues);
  /* The passes a sentence's words call for: most have no "'s", no
   * pair phrase, no "he". */
  merge_titles (&builder);
  if (builder.seen_possessive)
    attach_possessives (&builder);
  if ((builder.seen_classes & DM_WORD_PAIR_START) && (builder.seen_classes & DM_WORD_PAIR_SECOND))
    mark_pair_references (&builder);
  merge_coordination (&builder);
  if (builder.seen_classes & DM_WORD_PERSON_PRONOUN)
    resolve_pronouns (&builder);
  if (builder.seen_classes & DM_WORD_THING_PRONOUN)
    resolve_it (&builder);
  if ((builder.seen_classes & DM_WORD_PAIR_START) && (builder.seen_classes & DM_WORD_PAIR_SECOND))
    resolve_pair_references (&builder);
}

void
dm_sentence_units_build (GArray           *units,
                         DmGazetteer      *gazetteer,
                         const char       *text,
                         const DmSentence *sentence,
                         const DmMatch    *mentions,
                         guint             n_mentions,
                         const GArray     *cues,
                         guint             previous_person)
{
  dm_sentence_units_build_with_pair (units, gazetteer, text, sentence, mentions, n_mentions, cues,
                                     previous_person, NULL);
}

gboolean
dm_mentions_name_two_actors (const DmMatch *mentions,
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

gboolean
dm_units_end_in_question (GArray *units)
{
  for (int k = (int) units->len - 1; k >= 0; k--)
    {
      const DmUnit *u = dm_units_get (units, k);
      if (u->type != DM_UNIT_PUNCT)
        return FALSE;
      if (dm_unit_is_punct (u, "?"))
        return TRUE;
      if (dm_unit_is_punct (u, ".") || dm_unit_is_punct (u, "!"))
        return FALSE;
    }
  return FALSE;
}
