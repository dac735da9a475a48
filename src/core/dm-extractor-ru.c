/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-extractor-ru.c: who does what to whom in a Russian sentence.
 *
 * The sentence's units (dm-sentence-units.c) are grouped again the
 * Russian way: an actor phrase takes the title words and modifiers before
 * it ("премьер-министр Армении Никол Пашинян", "власти России"), lists
 * joined by "и" and commas become one phrase, and each phrase gets the
 * preposition that governs it and the cases it may be in (from the forms
 * the gazetteer matched, or from its head word's ending).  A cue's patient
 * is then the phrase its government asks for ("призвал" + accusative,
 * "встретился" + "с" and the instrumental, "потребовал" + "от" and the
 * genitive), wherever it stands, and its agent a nominative phrase of its
 * clause, before or after it, else the subject an earlier clause left to
 * it ("Алиев потребовал…, а … подверг критике").  As in English,
 * co-mention alone is never a link.
 */
#include "config.h"

#include <string.h>

#include "dm-extractor-ru.h"
#include "dm-extractor.h"
#include "dm-ru-declension.h"
#include "dm-sentence-units.h"

#define MAX_PHRASES 48

typedef struct {
  int      first, last;       /* units it covers, its title words included */
  int      head;              /* its first actor unit */
  guint    actors[DM_UNIT_MAX_GROUP];
  guint    n_actors;
  guint8   cases;             /* DmRuCase bits of its role */
  guint8   inner;             /* the cases of its names themselves */
  gboolean titled;            /* "президент Азербайджана": the genitive is the actor itself */
  gboolean person;
  gboolean capital;
  gboolean demonym;
  char     prep[24];          /* the preposition that governs it, or "" */
  int      clause;
  float    confidence;
} Phrase;

struct _DmExtractorRu {
  DmLexicon   *lexicon;
  DmGazetteer *gazetteer;
  GHashTable  *title_words;   /* lower case: the Russian state nouns and titles */
  GArray      *hits;
  GArray      *cues;
  GArray      *units;
  GPtrArray   *lower;         /* per unit: its word in lower case, or NULL */
  int         *clause;        /* per unit */
  guint        n_clause;
};

typedef struct {
  DmExtractorRu    *self;
  const char       *text;
  GArray           *units;
  GPtrArray        *lower;
  const DmMatch    *mentions;
  guint             n_mentions;
  guint             previous_person;
  Phrase            phrases[MAX_PHRASES];
  guint             n_phrases;
  gboolean          trilateral; /* "трёхсторонний": a list of three is two parties and a mediator */
  GArray           *out;
  guint             first_out;
} Context;

static const char *const prepositions[] = {
  "с", "со", "от", "к", "ко", "на", "по", "в", "во", "о", "об", "обо", "между", "против", "для", "у",
  "при", "из", "за", "над", "под", "после", "до", "без", "через", "перед", "около", "среди", NULL
};

/* Two- and three-word prepositions, as they are written. */
static const char *const long_prepositions[] = {
  "в адрес", "по поводу", "в связи с", "в отношении", "со стороны", "в ходе", NULL
};

static const char *const clause_words[] = {
  "что", "чтобы", "который", "которая", "которое", "которые", "которого", "которой", "которому",
  "котором", "которым", "которых", "которую", "которыми", "а", "но", "однако", "поскольку", "если",
  "когда", "хотя", "пока", "где", "ибо", "причём", "причем", "зато", NULL
};

/* Titles that are not state nouns of actors-ru.json (a demonym before
 * them does not make it a state: "бывший советник"), by their start. */
static const char *const title_prefixes[] = {
  "госсекретар", "замглавы", "замминистр", "пресс-секретар", "генсек", "канцлер", "вице-премьер",
  "вице-президент", "советник", "помощник", "экс-", "председател", "глав", "министр", "президент",
  "премьер", "посл", "представител", "спецпредставител", "лидер", "руководител", "власт", NULL
};

/* Words that may stand inside a title chain: "министр иностранных дел". */
static const char *const chain_words[] = {
  "иностранных", "дел", "обороны", "безопасности", "внешней", "разведки", "по", "вопросам", "и",
  "обязанности", "государства", "правительства", NULL
};

static const char *const pronouns_nom[] = { "он", "она", NULL };
static const char *const pronouns_other[] = { "его", "ему", "ним", "нём", "нем", "него", "нему", "её", "ее", "ей", "неё", "нее", "ней", NULL };

/* Words around "отношения" that make them bad or good. */
static const char *const worse_prefixes[] = {
  "ухудш", "испорт", "обостр", "охлад", "разорв", "разрыв", "кризис", "замороз", "напряж", "отсутств", NULL
};
static const char *const better_prefixes[] = { "улучш", "укреп", "восстанов", "развива", "развит", "потепл", NULL };

/* Before a cue in its clause: a condition, a possibility, an obligation or
 * an intention, which state no act ("готова к переговорам", "может
 * напасть"); as "if", "could", "should" in English. */
static const char *const hypothetical_words[] = {
  "бы", "если", "может", "могут", "мог", "могла", "могли", "должен", "должна", "должны", "готов", "готова",
  "готовы", "намерен", "намерена", "намерены", "планирует", "планируют", "собирается", "собираются",
  "хочет", "хотят", "чтобы", NULL
};

static gboolean
in_list (const char *word, const char *const *list)
{
  for (guint i = 0; word && list[i]; i++)
    if (strcmp (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_prefix_in (const char *word, const char *const *list)
{
  for (guint i = 0; word && list[i]; i++)
    if (g_str_has_prefix (word, list[i]))
      return TRUE;
  return FALSE;
}

static const char *
lower_at (Context *ctx, int i)
{
  if (i < 0 || (guint) i >= ctx->lower->len)
    return NULL;
  return g_ptr_array_index (ctx->lower, i);
}

static gboolean
is_title_word (Context *ctx, int i)
{
  const char *w = lower_at (ctx, i);

  return w && (g_hash_table_contains (ctx->self->title_words, w) || has_prefix_in (w, title_prefixes));
}

/* An adjective in lower case ("нынешний", "российского") or a word of a
 * title chain, or an abbreviation in capitals ("МИД"). */
static gboolean
is_chain_modifier (Context *ctx, int i)
{
  static const char *const endings[] = {
    "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им",
    "ых", "их", "ую", "юю", "ыми", "ими", NULL
  };
  const DmUnit *u = dm_units_get (ctx->units, i);
  const char *w = lower_at (ctx, i);

  if (u && u->type == DM_UNIT_PUNCT && (strcmp (u->word, "-") == 0))
    return TRUE;
  if (!w)
    return FALSE;
  if (in_list (w, chain_words))
    return TRUE;
  if (g_unichar_isupper (g_utf8_get_char (ctx->text + u->start))
      && g_unichar_isupper (g_utf8_get_char (g_utf8_next_char (ctx->text + u->start))))
    return TRUE;
  for (guint k = 0; endings[k]; k++)
    if (g_str_has_suffix (w, endings[k]) && g_utf8_strlen (w, -1) > 4)
      return g_unichar_islower (g_utf8_get_char (ctx->text + u->start));
  return FALSE;
}

/* ── Phrases ────────────────────────────────────────────────────────── */

static guint8
cases_of_unit (Context *ctx, const DmUnit *u, gboolean *person, guint8 *inner)
{
  guint8 person_cases = 0, all = DM_RU_ALL_CASES, any = 0;

  for (guint m = 0; m < ctx->n_mentions; m++)
    {
      const DmMatch *match = &ctx->mentions[m];
      const DmAlias *alias;
      guint8 c;

      if (match->start < u->start || match->end > u->end)
        continue;
      alias = dm_gazetteer_get_alias (ctx->self->gazetteer, match->alias);
      c = alias->gram_cases & DM_RU_ALL_CASES;
      if (c == 0)
        c = DM_RU_ALL_CASES;
      if (alias->group == DM_ALIAS_OFFICE_HOLDER)
        {
          *person = TRUE;
          if (c != DM_RU_ALL_CASES || person_cases == 0)
            person_cases = c;
        }
      if (c != DM_RU_ALL_CASES)
        all &= c;
      any |= c;
    }
  if (all == 0)
    all = any;
  *inner = all;
  return person_cases ? person_cases : all;
}

/* The preposition that ends just before unit @i, or "". */
static void
find_preposition (Context *ctx, int i, char *out, gsize size)
{
  const char *w1 = lower_at (ctx, i - 1), *w2 = lower_at (ctx, i - 2), *w3 = lower_at (ctx, i - 3);

  out[0] = '\0';
  if (w1 && w2 && w3)
    {
      g_autofree char *three = g_strjoin (" ", w3, w2, w1, NULL);
      if (in_list (three, long_prepositions))
        {
          g_strlcpy (out, three, size);
          return;
        }
    }
  if (w1 && w2)
    {
      g_autofree char *two = g_strjoin (" ", w2, w1, NULL);
      if (in_list (two, long_prepositions))
        {
          g_strlcpy (out, two, size);
          return;
        }
    }
  if (w1 && in_list (w1, prepositions))
    g_strlcpy (out, w1, size);
}

static void
add_phrase (Context *ctx, int unit)
{
  const DmUnit *u = dm_units_get (ctx->units, unit);
  Phrase *p;
  int k = unit - 1, head_title = -1;

  if (ctx->n_phrases >= MAX_PHRASES)
    return;
  p = &ctx->phrases[ctx->n_phrases++];
  memset (p, 0, sizeof *p);
  p->first = p->last = p->head = unit;
  memcpy (p->actors, u->actors, sizeof u->actors);
  p->n_actors = u->n_actors;
  p->capital = u->capital;
  p->demonym = u->demonym;
  p->confidence = u->confidence;
  p->cases = cases_of_unit (ctx, u, &p->person, &p->inner);
  p->person |= u->person;

  /* the title words and modifiers before it: "Глава МИД Армении" */
  while (k >= 0 && unit - k <= 6 && (is_title_word (ctx, k) || is_chain_modifier (ctx, k)))
    {
      if (is_title_word (ctx, k))
        head_title = k;
      k--;
    }
  if (head_title >= 0)
    {
      const char *w = lower_at (ctx, head_title);

      p->first = head_title;
      p->titled = TRUE;
      /* the name agrees with its title; without one the title's ending says */
      if (!p->person)
        p->cases = dm_ru_guess_cases (w, strlen (w));
      /* "и" may belong to a list inside the title: start after it */
      while (p->first < unit && in_list (lower_at (ctx, p->first), (const char *const[]) { "и", "по", NULL }))
        p->first++;
    }
  find_preposition (ctx, p->first, p->prep, sizeof p->prep);
}

static gboolean
cases_meet (guint8 a, guint8 b)
{
  return a == DM_RU_ALL_CASES || b == DM_RU_ALL_CASES || (a & b) != 0;
}

static void
absorb_phrase (Phrase *into, const Phrase *from)
{
  for (guint k = 0; k < from->n_actors; k++)
    {
      gboolean seen = FALSE;
      for (guint j = 0; j < into->n_actors; j++)
        seen |= into->actors[j] == from->actors[k];
      if (!seen && into->n_actors < DM_UNIT_MAX_GROUP)
        into->actors[into->n_actors++] = from->actors[k];
    }
  into->last = from->last;
  into->person = into->person && from->person;
  into->confidence = MIN (into->confidence, from->confidence);
  if (into->inner == DM_RU_ALL_CASES)
    into->inner = from->inner;
  else if (from->inner != DM_RU_ALL_CASES && (into->inner & from->inner))
    into->inner &= from->inner;
  if (!into->titled)
    into->cases = into->inner;
}

/* "Армении, Азербайджана и России", "Пашинян и Алиев": one phrase when
 * the cases agree; a comma joins only a list that "и" ends. */
static void
merge_lists (Context *ctx)
{
  for (guint i = 0; i + 1 < ctx->n_phrases; i++)
    {
      Phrase *a = &ctx->phrases[i];
      guint j = i + 1;
      gboolean merged = FALSE;

      for (;;)
        {
          Phrase *b = j < ctx->n_phrases ? &ctx->phrases[j] : NULL;
          const DmUnit *link;
          const char *word;
          gboolean comma;

          if (!b || b->first != a->last + 2 || b->prep[0] != '\0')
            break;
          link = dm_units_get (ctx->units, a->last + 1);
          word = lower_at (ctx, a->last + 1);
          comma = link->type == DM_UNIT_PUNCT && strcmp (link->word, ",") == 0;
          if (!(g_strcmp0 (word, "и") == 0 || comma))
            break;
          if (!(b->titled ? cases_meet (a->cases, b->cases) : cases_meet (a->inner, b->inner)))
            break;
          if (comma)
            {
              /* a list must go on to its "и" */
              guint k = j + 1;
              gboolean ends = FALSE;
              const Phrase *prev = b;

              for (; k < ctx->n_phrases; prev = &ctx->phrases[k], k++)
                {
                  const Phrase *c = &ctx->phrases[k];
                  const char *w = lower_at (ctx, prev->last + 1);
                  if (c->first != prev->last + 2)
                    break;
                  if (g_strcmp0 (w, "и") == 0)
                    {
                      ends = TRUE;
                      break;
                    }
                  if (!dm_unit_is_punct (dm_units_get (ctx->units, prev->last + 1), ","))
                    break;
                }
              if (!ends && !(g_strcmp0 (lower_at (ctx, b->last + 1), "и") == 0))
                break;
            }
          absorb_phrase (a, b);
          memmove (b, b + 1, (ctx->n_phrases - j - 1) * sizeof *b);
          ctx->n_phrases--;
          merged = TRUE;
        }
      (void) merged;
    }
}

/* "Он выразил возмущение": a pronoun is the last person named. */
static void
add_pronouns (Context *ctx)
{
  for (guint i = 0; i < ctx->units->len && ctx->n_phrases < MAX_PHRASES; i++)
    {
      const char *w = lower_at (ctx, i);
      gboolean nominative = in_list (w, pronouns_nom);
      guint actor = ctx->previous_person;
      Phrase *p;
      guint at = 0;

      if (!nominative && !in_list (w, pronouns_other))
        continue;
      for (guint k = 0; k < ctx->n_phrases; k++)
        if (ctx->phrases[k].last < (int) i && ctx->phrases[k].person && ctx->phrases[k].n_actors == 1)
          actor = ctx->phrases[k].actors[0];
      if (actor == DM_NO_ACTOR)
        continue;
      while (at < ctx->n_phrases && ctx->phrases[at].first < (int) i)
        at++;
      memmove (&ctx->phrases[at + 1], &ctx->phrases[at], (ctx->n_phrases - at) * sizeof (Phrase));
      ctx->n_phrases++;
      p = &ctx->phrases[at];
      memset (p, 0, sizeof *p);
      p->first = p->last = p->head = i;
      p->actors[0] = actor;
      p->n_actors = 1;
      p->person = TRUE;
      p->confidence = 0.9f;
      p->cases = p->inner = nominative ? DM_RU_NOM : (DM_RU_ALL_CASES & ~DM_RU_NOM);
      find_preposition (ctx, i, p->prep, sizeof p->prep);
    }
}

/* Clause numbers: punctuation and conjunctions that open a clause, but not
 * the commas of a list. */
static void
number_clauses (Context *ctx, int *clause)
{
  int n = 0;
  guint pi = 0;

  for (guint i = 0; i < ctx->units->len; i++)
    {
      const DmUnit *u = dm_units_get (ctx->units, i);
      gboolean inside = FALSE;

      while (pi < ctx->n_phrases && ctx->phrases[pi].last < (int) i)
        pi++;
      inside = pi < ctx->n_phrases && ctx->phrases[pi].first <= (int) i;
      if (!inside && u->type == DM_UNIT_PUNCT
          && (strcmp (u->word, ",") == 0 || strcmp (u->word, ";") == 0 || strcmp (u->word, ":") == 0
              || strcmp (u->word, "\xe2\x80\x94") == 0 || strcmp (u->word, "\xe2\x80\x93") == 0
              || strcmp (u->word, "(") == 0 || strcmp (u->word, ")") == 0))
        n++;
      else if (!inside && in_list (lower_at (ctx, i), clause_words)
               && !(i > 0 && dm_unit_is_punct (dm_units_get (ctx->units, i - 1), ",")))
        n++;
      clause[i] = n;
    }
  for (guint k = 0; k < ctx->n_phrases; k++)
    ctx->phrases[k].clause = clause[ctx->phrases[k].head];
}

/* ── Roles ──────────────────────────────────────────────────────────── */

static gboolean
can_be (const Phrase *p, guint8 c)
{
  return (p->cases & c) != 0;
}

static gboolean
is_place (const Phrase *p)
{
  return p->capital && (strcmp (p->prep, "в") == 0 || strcmp (p->prep, "во") == 0 || strcmp (p->prep, "на") == 0
                        || strcmp (p->prep, "из") == 0);
}

static guint8
case_named (const char *name)
{
  if (strcmp (name, "nom") == 0) return DM_RU_NOM;
  if (strcmp (name, "gen") == 0) return DM_RU_GEN;
  if (strcmp (name, "dat") == 0) return DM_RU_DAT;
  if (strcmp (name, "acc") == 0) return DM_RU_ACC;
  if (strcmp (name, "ins") == 0) return DM_RU_INS;
  if (strcmp (name, "prep") == 0) return DM_RU_PREP;
  return DM_RU_ALL_CASES;
}

/* Whether the words @prep stand between unit @from and unit @to with no
 * actor between: "возмущение по поводу высказываний … властей". */
static gboolean
preposition_between (Context *ctx, int from, int to, const char *prep)
{
  g_auto (GStrv) words = g_strsplit (prep, " ", -1);
  guint n = g_strv_length (words);

  for (int k = from + 1; k + (int) n <= to; k++)
    {
      gboolean all = TRUE;
      for (guint w = 0; w < n && all; w++)
        all = g_strcmp0 (lower_at (ctx, k + w), words[w]) == 0;
      if (all)
        return TRUE;
    }
  return FALSE;
}

/* "установить контроль над": the cue itself ends with the preposition. */
static gboolean
cue_ends_with (Context *ctx, int cue, const char *prep)
{
  const DmUnit *u = dm_units_get (ctx->units, cue);
  gsize n = strlen (prep);

  return u->end - u->start > n && ctx->text[u->end - n - 1] == ' '
         && memcmp (ctx->text + u->end - n, prep, n) == 0;
}

/* Whether phrase @p fills one of @rule's governments for the cue at @cue. */
static gboolean
fills_government (Context *ctx, const DmCueRule *rule, int cue, const Phrase *p, gboolean noun)
{
  for (guint g = 0; rule->governs && rule->governs[g]; g++)
    {
      const char *gov = rule->governs[g];
      const char *plus = strchr (gov, '+');

      if (plus)
        {
          g_autofree char *prep = g_strndup (gov, plus - gov);
          guint8 c = case_named (plus + 1);

          if ((g_str_equal (p->prep, prep) || (g_str_equal (prep, "с") && g_str_equal (p->prep, "со"))
               || (p->first == cue + 1 && cue_ends_with (ctx, cue, prep)))
              && can_be (p, c))
            return TRUE;
          /* "протест в связи с заявлениями Вашингтона": the preposition
           * governs a noun, and the actor is its owner, in the genitive */
          if (p->first > cue && p->prep[0] == '\0' && preposition_between (ctx, cue, p->first, prep)
              && can_be (p, DM_RU_GEN))
            return TRUE;
        }
      else
        {
          guint8 c = case_named (gov);

          if (p->prep[0] != '\0' || is_place (p))
            continue;
          /* a noun's genitive stands right after it */
          if (noun && c == DM_RU_GEN)
            {
              gboolean adjacent = TRUE;
              for (int k = cue + 1; k < p->first && adjacent; k++)
                adjacent = is_chain_modifier (ctx, k) || dm_units_get (ctx->units, k)->type == DM_UNIT_CUE;
              if (p->first > cue && adjacent && can_be (p, c))
                return TRUE;
              continue;
            }
          if (can_be (p, c))
            return TRUE;
          /* "подверг критике заявление Франции", "осудил действия
           * Азербайджана": the owner of the act acted on */
          if (c == DM_RU_ACC && !noun && p->first == cue + 2 && can_be (p, DM_RU_GEN)
              && dm_units_get (ctx->units, cue + 1)->type != DM_UNIT_PUNCT
              && !in_list (lower_at (ctx, cue + 1), prepositions))
            return TRUE;
        }
    }
  return FALSE;
}

static int
cue_clause (Context *ctx, int cue)
{
  return ctx->self->clause[cue];
}

/* The patient: the phrase of the clause the government asks for, after
 * the cue first; of several, one that cannot be a subject. */
static int
find_patient (Context *ctx, const DmCueRule *rule, int cue, int agent, gboolean noun)
{
  int clause = cue_clause (ctx, cue);
  int first = -1;

  for (int pass = 0; pass < 2; pass++)
    {
      for (guint k = 0; k < ctx->n_phrases; k++)
        {
          const Phrase *p = &ctx->phrases[pass == 0 ? k : ctx->n_phrases - 1 - k];
          int index = pass == 0 ? (int) k : (int) (ctx->n_phrases - 1 - k);

          if (index == agent || p->clause != clause)
            continue;
          if (pass == 0 ? p->first <= cue : p->last >= cue)
            continue;
          /* a noun takes its patient after it, but for the dative a
           * light verb puts before it ("выделил Армении помощь") */
          if (pass == 1 && noun && !(p->prep[0] == '\0' && can_be (p, DM_RU_DAT) && !can_be (p, DM_RU_NOM)
                                     && rule->governs && g_strv_contains ((const char *const *) rule->governs, "dat")))
            continue;
          if (!fills_government (ctx, rule, cue, p, noun))
            continue;
          if (!can_be (p, DM_RU_NOM) || p->prep[0] != '\0')
            return index;
          if (first < 0)
            first = index;
        }
    }
  return first;
}

static gboolean
can_be_subject (const Phrase *p)
{
  return p->prep[0] == '\0' && can_be (p, DM_RU_NOM) && !is_place (p);
}

/* The agent: a subject of the cue's clause, before it or after it, else
 * the subject an earlier clause of the sentence leaves to it. */
static int
find_agent (Context *ctx, int cue, int patient)
{
  int clause = cue_clause (ctx, cue);
  int best = -1;

  for (guint k = 0; k < ctx->n_phrases; k++)
    {
      const Phrase *p = &ctx->phrases[k];
      if ((int) k != patient && p->clause == clause && p->last < cue && can_be_subject (p))
        best = k;
    }
  if (best >= 0)
    return best;
  for (guint k = 0; k < ctx->n_phrases; k++)
    {
      const Phrase *p = &ctx->phrases[k];
      if ((int) k != patient && p->clause == clause && p->first > cue && can_be_subject (p))
        return k;
    }
  for (guint k = 0; k < ctx->n_phrases; k++)
    {
      const Phrase *p = &ctx->phrases[k];
      if ((int) k != patient && p->clause < clause && p->last < cue && can_be_subject (p))
        best = k;
    }
  return best;
}

/* ── Links ──────────────────────────────────────────────────────────── */

static void
emit_kind (Context *ctx, const DmUnit *cue, DmLinkKind kind, gboolean directed, guint source, guint target,
           float confidence)
{
  const DmCueRule *rule = dm_lexicon_get_rule (ctx->self->lexicon, cue->rule);
  DmExtractedLink link;

  if (source == target || source == DM_NO_ACTOR || target == DM_NO_ACTOR)
    return;
  if (!directed && source > target)
    {
      guint t = source;
      source = target;
      target = t;
    }
  link.source = source;
  link.target = target;
  link.kind = kind;
  link.directed = directed;
  link.cue_start = cue->start;
  link.cue_end = cue->end;
  link.rule = cue->rule;
  link.confidence = rule->confidence * confidence;
  for (guint i = ctx->first_out; i < ctx->out->len; i++)
    {
      DmExtractedLink *o = &g_array_index (ctx->out, DmExtractedLink, i);
      if (o->source == source && o->target == target && o->kind == kind)
        {
          o->confidence = MAX (o->confidence, link.confidence);
          return;
        }
    }
  g_array_append_val (ctx->out, link);
}

static void
emit_between (Context *ctx, const DmUnit *cue, DmLinkKind kind, gboolean directed, const Phrase *a,
              const Phrase *b, float confidence)
{
  for (guint i = 0; i < a->n_actors; i++)
    for (guint j = 0; j < b->n_actors; j++)
      emit_kind (ctx, cue, kind, directed, a->actors[i], b->actors[j], confidence);
}

/* Every party of a list with every other (both ways when directed). */
static void
emit_within (Context *ctx, const DmUnit *cue, DmLinkKind kind, gboolean directed, const Phrase *group,
             float confidence)
{
  /* "лидерами Армении, Азербайджана и России" of a trilateral statement:
   * the last named mediates between the two others */
  if (kind == DM_LINK_NEGOTIATE && group->n_actors == 3 && ctx->trilateral)
    {
      emit_kind (ctx, cue, DM_LINK_NEGOTIATE, FALSE, group->actors[0], group->actors[1], confidence);
      emit_kind (ctx, cue, DM_LINK_MEDIATE, TRUE, group->actors[2], group->actors[0], confidence * 0.9f);
      emit_kind (ctx, cue, DM_LINK_MEDIATE, TRUE, group->actors[2], group->actors[1], confidence * 0.9f);
      return;
    }
  for (guint i = 0; i < group->n_actors; i++)
    for (guint j = 0; j < group->n_actors; j++)
      if (i != j && (directed || i < j))
        emit_kind (ctx, cue, kind, directed, group->actors[i], group->actors[j], confidence);
}

static gboolean
clause_has (Context *ctx, int clause, const char *const *words, gboolean prefixes)
{
  for (guint i = 0; i < ctx->units->len; i++)
    {
      const char *w = lower_at (ctx, i);
      const DmUnit *u = dm_units_get (ctx->units, i);

      if (ctx->self->clause[i] != clause)
        continue;
      if (u->type == DM_UNIT_CUE)
        {
          g_autofree char *cue = g_utf8_strdown (ctx->text + u->start, u->end - u->start);
          if (prefixes ? has_prefix_in (cue, words) : in_list (cue, words))
            return TRUE;
        }
      if (w && (prefixes ? has_prefix_in (w, words) : in_list (w, words)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
clause_has_kind (Context *ctx, int clause, DmLinkKind kind, int after)
{
  for (guint i = after + 1; i < ctx->units->len; i++)
    {
      const DmUnit *u = dm_units_get (ctx->units, i);
      if (ctx->self->clause[i] == clause && u->type == DM_UNIT_CUE
          && dm_lexicon_get_rule (ctx->self->lexicon, u->rule)->kind == kind
          && !dm_lexicon_get_rule (ctx->self->lexicon, u->rule)->relational)
        return TRUE;
      if (ctx->self->clause[i] == clause && u->type == DM_UNIT_CUE
          && dm_lexicon_get_rule (ctx->self->lexicon, u->rule)->relational
          && dm_lexicon_get_rule (ctx->self->lexicon, u->rule)->has_neutral_kind
          && dm_lexicon_get_rule (ctx->self->lexicon, u->rule)->neutral_kind == kind)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_hypothetical (Context *ctx, int cue)
{
  for (int k = cue - 1; k >= 0 && ctx->self->clause[k] == ctx->self->clause[cue]; k--)
    if (in_list (lower_at (ctx, k), hypothetical_words))
      return TRUE;
  return FALSE;
}

static gboolean
is_participle (Context *ctx, const DmUnit *cue)
{
  static const char *const endings[] = {
    "нный", "нная", "нное", "нные", "нного", "нной", "нному", "нным", "нных", "нную", "нными", "нном",
    "тый", "тая", "тое", "тые", "того", "той", "тому", "тым", "тых", "тую", "тыми", "том", NULL
  };
  g_autofree char *text = g_utf8_strdown (ctx->text + cue->start, cue->end - cue->start);

  for (guint k = 0; endings[k]; k++)
    if (g_str_has_suffix (text, endings[k]))
      return TRUE;
  return FALSE;
}

/* "не призвал", "не будет воевать", "не намерена атаковать" */
static gboolean
is_negated (Context *ctx, int cue)
{
  return g_strcmp0 (lower_at (ctx, cue - 1), "не") == 0
         || (g_strcmp0 (lower_at (ctx, cue - 2), "не") == 0 && lower_at (ctx, cue - 1) != NULL);
}

static int earlier_verb_cue (Context *ctx, int cue);

static gboolean
verb_acts_on_noun (Context *ctx, int cue)
{
  int verb = earlier_verb_cue (ctx, cue);
  DmLinkKind kind;

  if (verb < 0)
    return FALSE;
  kind = dm_lexicon_get_rule (ctx->self->lexicon, dm_units_get (ctx->units, verb)->rule)->kind;
  return kind == DM_LINK_ACCUSE || kind == DM_LINK_WARN || kind == DM_LINK_APPEAL || kind == DM_LINK_COOPERATE;
}

/* "призвала Баку и Ереван продолжить переговоры": a cue in what an appeal
 * asks for states nothing yet; nor does one after a verb of the clause
 * take that verb's subject ("осудила удары Украины"). */
static int
earlier_verb_cue (Context *ctx, int cue)
{
  for (int k = cue - 1; k >= 0 && ctx->self->clause[k] == ctx->self->clause[cue]; k--)
    {
      const DmUnit *u = dm_units_get (ctx->units, k);
      if (u->type == DM_UNIT_CUE && dm_lexicon_get_rule (ctx->self->lexicon, u->rule)->pos == DM_CUE_VERB)
        return k;
    }
  return -1;
}

/* A mediation: the mediator named after "при посредничестве" or before
 * "выступила посредником"; its parties the list "между A и B", else those
 * of the negotiations the sentence states. */
static void
extract_mediation (Context *ctx, int c, const DmUnit *cue, const DmCueRule *rule)
{
  int clause = cue_clause (ctx, c);
  int mediator = -1, parties = -1;
  g_autoptr (GArray) others = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint k = 0; k < ctx->n_phrases; k++)
    {
      const Phrase *p = &ctx->phrases[k];
      if (p->first == c + 1 && p->prep[0] == '\0' && mediator < 0 && rule->pos == DM_CUE_NOUN)
        mediator = k;
      if (p->last == c - 1 && p->demonym && mediator < 0)
        mediator = k;
      if (g_str_equal (p->prep, "между") && p->n_actors >= 2 && p->clause == clause && p->first > c)
        parties = k;
    }
  if (mediator < 0 && rule->pos == DM_CUE_VERB)
    mediator = find_agent (ctx, c, parties);
  if (mediator < 0)
    return;
  if (parties >= 0)
    {
      emit_between (ctx, cue, DM_LINK_MEDIATE, TRUE, &ctx->phrases[mediator], &ctx->phrases[parties], 1.0f);
      return;
    }
  /* the parties of the sentence's negotiations */
  for (guint i = ctx->first_out; i < ctx->out->len; i++)
    {
      const DmExtractedLink *l = &g_array_index (ctx->out, DmExtractedLink, i);
      if (l->kind == DM_LINK_NEGOTIATE)
        {
          g_array_append_val (others, l->source);
          g_array_append_val (others, l->target);
        }
    }
  if (others->len == 0 && rule->needs_talks)
    return;
  /* "встретились при посредничестве Евросоюза": else the sentence's
   * other parties */
  if (others->len == 0)
    for (guint k = 0; k < ctx->n_phrases; k++)
      if ((int) k != mediator && !is_place (&ctx->phrases[k]))
        for (guint j = 0; j < ctx->phrases[k].n_actors; j++)
          g_array_append_val (others, ctx->phrases[k].actors[j]);
  for (guint i = 0; i < others->len; i++)
    for (guint a = 0; a < ctx->phrases[mediator].n_actors; a++)
      emit_kind (ctx, cue, DM_LINK_MEDIATE, TRUE, ctx->phrases[mediator].actors[a],
                 g_array_index (others, guint, i), 0.9f);
}

static void
extract_offense (Context *ctx, int c, const DmUnit *cue)
{
  int clause = cue_clause (ctx, c);
  int author = -1, accuser = -1;

  for (guint k = 0; k < ctx->n_phrases; k++)
    {
      const Phrase *p = &ctx->phrases[k];
      if (p->last == c - 1 && p->demonym)
        author = k;
    }
  if (author < 0)
    author = find_agent (ctx, c, -1);
  if (author < 0 || ctx->phrases[author].clause != clause)
    {
      /* "провокация Баку": the genitive after it */
      for (guint k = 0; k < ctx->n_phrases && author < 0; k++)
        if (ctx->phrases[k].first == c + 1 && ctx->phrases[k].prep[0] == '\0')
          author = k;
    }
  if (author < 0)
    return;
  /* whoever says it: the subject of the clause that reports it */
  for (guint k = 0; k < ctx->n_phrases; k++)
    {
      const Phrase *p = &ctx->phrases[k];
      if ((int) k != author && p->clause < ctx->phrases[author].clause && can_be_subject (p))
        accuser = k;
    }
  if (accuser < 0)
    return;
  emit_between (ctx, cue, DM_LINK_ACCUSE, TRUE, &ctx->phrases[accuser], &ctx->phrases[author], 0.9f);
}

static void
extract_cue (Context *ctx, int c)
{
  const DmUnit *cue = dm_units_get (ctx->units, c);
  const DmCueRule *rule = dm_lexicon_get_rule (ctx->self->lexicon, cue->rule);
  int clause = cue_clause (ctx, c);
  gboolean noun = rule->pos == DM_CUE_NOUN;
  DmLinkKind kind = rule->kind;
  gboolean directed = rule->directed;
  int agent = -1, patient = -1;
  const Phrase *a, *p;

  if (is_negated (ctx, c) || is_hypothetical (ctx, c)
      || clause_has (ctx, clause, (const char *const[]) { "ли", NULL }, FALSE))
    return;
  if (kind == DM_LINK_MEDIATE)
    return;  /* after the others: see extract_mediation() */
  if (earlier_verb_cue (ctx, c) >= 0
      && dm_lexicon_get_rule (ctx->self->lexicon, dm_units_get (ctx->units, earlier_verb_cue (ctx, c))->rule)->kind
         == DM_LINK_APPEAL)
    return;
  if (rule->offense)
    {
      extract_offense (ctx, c, cue);
      return;
    }
  if (rule->relational)
    {
      if (g_strcmp0 (lower_at (ctx, c - 1), "в") == 0
          && in_list (lower_at (ctx, c + 1), (const char *const[]) { "с", "со", NULL }))
        return;
      if (clause_has (ctx, clause, worse_prefixes, TRUE))
        kind = DM_LINK_TENSION;
      else if (clause_has (ctx, clause, better_prefixes, TRUE))
        kind = DM_LINK_COOPERATE;
      else if (rule->has_neutral_kind)
        kind = rule->neutral_kind;
      else
        return;
      /* "кризис в отношениях" is a cue of its own, "отношений" within it
       * states the same */
      if (kind == DM_LINK_TENSION && c > 0 && dm_units_get (ctx->units, c - 1)->type == DM_UNIT_CUE)
        return;
      directed = dm_link_kind_is_directed (kind);
    }
  /* "подписали хартию о партнёрстве": the signature is the cooperation
   * it speaks of, stated by that cue */
  if (kind == DM_LINK_NEGOTIATE && clause_has_kind (ctx, clause, DM_LINK_COOPERATE, c))
    return;

  if (!noun && is_participle (ctx, cue))
    {
      /* "подписанное лидерами …": the instrumental is the agent */
      for (guint k = 0; k < ctx->n_phrases && agent < 0; k++)
        if (ctx->phrases[k].first > c && ctx->phrases[k].clause == clause && ctx->phrases[k].prep[0] == '\0'
            && ctx->phrases[k].cases == DM_RU_INS)
          agent = k;
      patient = find_patient (ctx, rule, c, agent, FALSE);
      if (agent < 0)
        {
          /* "договорённости, достигнутые с Азербайджаном": the sentence's
           * subject reached them */
          for (guint k = 0; k < ctx->n_phrases; k++)
            if ((int) k != patient && ctx->phrases[k].last < c && can_be_subject (&ctx->phrases[k]))
              agent = k;
        }
    }
  else
    {
      patient = find_patient (ctx, rule, c, -1, noun);
      if (noun)
        {
          /* "российская помощь": the demonym before the noun */
          for (guint k = 0; k < ctx->n_phrases; k++)
            if (ctx->phrases[k].last == c - 1 && ctx->phrases[k].demonym && (int) k != patient)
              agent = k;
        }
      /* a noun that a verb of its clause judges or welcomes is that verb's
       * object, with no subject of its own ("осудила удары Украины",
       * "приветствовал переговоры"); "подписали соглашение о партнёрстве"
       * is the signers' own */
      if (agent < 0 && !(noun && verb_acts_on_noun (ctx, c)))
        agent = find_agent (ctx, c, patient);
    }

  a = agent >= 0 ? &ctx->phrases[agent] : NULL;
  p = patient >= 0 ? &ctx->phrases[patient] : NULL;

  /* "встреча Пашиняна и Алиева", "отношений России и Азербайджана",
   * "между Грузией и Россией": the pair is the link's two sides */
  if (p && p->n_actors >= 2 && (g_str_equal (p->prep, "между") || (noun && p->prep[0] == '\0')))
    {
      if (a && !noun && kind != DM_LINK_NEGOTIATE)
        emit_between (ctx, cue, kind, directed, a, p, 1.0f);
      else
        emit_within (ctx, cue, kind, directed || rule->reciprocal, p, 1.0f);
      return;
    }
  if (!a && !p)
    return;
  if (a && !p)
    {
      /* "Пашинян и Алиев встретились", "Армения и США … о партнёрстве" */
      if (a->n_actors >= 2 && (!directed || rule->reciprocal))
        emit_within (ctx, cue, kind, directed, a, 1.0f);
      return;
    }
  if (!a)
    return;

  /* "A и B … с C парафировали мирное соглашение": the one on its own side
   * mediates between the two on the other */
  if (kind == DM_LINK_NEGOTIATE && ((a->n_actors >= 2 && p->n_actors == 1) || (a->n_actors == 1 && p->n_actors >= 2)))
    {
      const Phrase *single = a->n_actors == 1 ? a : p, *pair = a->n_actors == 1 ? p : a;
      gboolean inside = FALSE;

      for (guint j = 0; j < pair->n_actors; j++)
        inside |= pair->actors[j] == single->actors[0];
      if (!inside)
        {
          emit_within (ctx, cue, DM_LINK_NEGOTIATE, FALSE, pair, 1.0f);
          for (guint j = 0; j < pair->n_actors; j++)
            emit_kind (ctx, cue, DM_LINK_MEDIATE, TRUE, single->actors[0], pair->actors[j], 0.9f);
          return;
        }
    }
  emit_between (ctx, cue, kind, directed, a, p, MIN (a->confidence, p->confidence));
  if (rule->reciprocal)
    emit_between (ctx, cue, kind, directed, p, a, MIN (a->confidence, p->confidence));
}

/* A meeting that is the negotiation or the mediation the sentence states
 * is not a consultation besides ("на встрече … парафировали"). */
static void
drop_subsumed_consultations (Context *ctx)
{
  for (guint i = ctx->first_out; i < ctx->out->len; i++)
    {
      const DmExtractedLink *l = &g_array_index (ctx->out, DmExtractedLink, i);
      gboolean subsumed = FALSE;

      if (l->kind != DM_LINK_CONSULT)
        continue;
      for (guint j = ctx->first_out; j < ctx->out->len && !subsumed; j++)
        {
          const DmExtractedLink *o = &g_array_index (ctx->out, DmExtractedLink, j);
          subsumed = (o->kind == DM_LINK_NEGOTIATE || o->kind == DM_LINK_MEDIATE)
                     && ((o->source == l->source && o->target == l->target)
                         || (o->source == l->target && o->target == l->source));
        }
      if (subsumed)
        {
          g_array_remove_index (ctx->out, i);
          i--;
        }
    }
}

/* ── The extractor ──────────────────────────────────────────────────── */

DmExtractorRu *
dm_extractor_ru_new (DmLexicon   *lexicon,
                     DmGazetteer *gazetteer)
{
  DmExtractorRu *self = g_new0 (DmExtractorRu, 1);
  GStrv nouns = dm_gazetteer_get_state_nouns (gazetteer);

  self->lexicon = g_object_ref (lexicon);
  self->gazetteer = g_object_ref (gazetteer);
  self->title_words = g_hash_table_new (g_str_hash, g_str_equal);
  /* the state nouns of one word, those outside ASCII: the Russian ones */
  for (guint i = 0; nouns && nouns[i]; i++)
    if ((guchar) nouns[i][0] >= 0x80 && strchr (nouns[i], ' ') == NULL)
      g_hash_table_add (self->title_words, nouns[i]);
  self->hits = g_array_new (FALSE, FALSE, sizeof (DmHit));
  self->cues = g_array_new (FALSE, FALSE, sizeof (DmCueMatch));
  self->units = g_array_sized_new (FALSE, FALSE, sizeof (DmUnit), 64);
  self->lower = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
dm_extractor_ru_free (DmExtractorRu *self)
{
  if (!self)
    return;
  g_object_unref (self->lexicon);
  g_object_unref (self->gazetteer);
  g_hash_table_unref (self->title_words);
  g_array_unref (self->hits);
  g_array_unref (self->cues);
  g_array_unref (self->units);
  g_ptr_array_unref (self->lower);
  g_free (self->clause);
  g_free (self);
}

/* DIPLOMAP_DEBUG_UNITS=1: each phrase as the Russian role finder sees it,
 * "[ARM+AZE ins с cl2]", and each cue with its clause. */
static void
dump_phrases (Context *ctx)
{
  static const char *const names[] = { "nom", "gen", "dat", "acc", "ins", "prep" };
  g_autoptr (GString) line = g_string_new ("phrases:");

  for (guint k = 0; k < ctx->n_phrases; k++)
    {
      const Phrase *p = &ctx->phrases[k];

      g_string_append (line, " [");
      for (guint a = 0; a < p->n_actors; a++)
        g_string_append_printf (line, "%s%s", a ? "+" : "", dm_gazetteer_get_actor (ctx->self->gazetteer, p->actors[a])->code);
      for (guint c = 0; c < 6; c++)
        if (p->cases & (1 << c) && p->cases != DM_RU_ALL_CASES)
          g_string_append_printf (line, " %s", names[c]);
      g_string_append_printf (line, "%s%s cl%d]", p->prep[0] ? " " : "", p->prep, p->clause);
    }
  for (guint i = 0; i < ctx->units->len; i++)
    {
      const DmUnit *u = dm_units_get (ctx->units, i);
      if (u->type == DM_UNIT_CUE)
        g_string_append_printf (line, " <%s:%.*s cl%d>", dm_lexicon_get_rule (ctx->self->lexicon, u->rule)->rule,
                                (int) (u->end - u->start), ctx->text + u->start, ctx->self->clause[i]);
    }
  g_printerr ("%s\n", line->str);
}

static void
extract_span_ru (DmExtractorRu    *self,
                 const char       *text,
                 const DmSentence *sentence,
                 const DmMatch    *mentions,
                 guint             n_mentions,
                 const DmHit      *cue_hits,
                 guint             n_cue_hits,
                 guint             previous_person,
                 GArray           *out)
{
  g_autofree Context *ctx = NULL;

  if (!dm_mentions_name_two_actors (mentions, n_mentions, previous_person))
    return;
  dm_lexicon_select_span_cues (self->lexicon, text, sentence->start, sentence->end, cue_hits, n_cue_hits,
                               self->hits, self->cues);
  if (self->cues->len == 0)
    return;
  dm_sentence_units_build (self->units, self->gazetteer, text, sentence, mentions, n_mentions, self->cues,
                           previous_person);
  if (dm_units_end_in_question (self->units))
    return;

  ctx = g_new0 (Context, 1);
  ctx->self = self;
  ctx->text = text;
  ctx->units = self->units;
  ctx->lower = self->lower;
  ctx->mentions = mentions;
  ctx->n_mentions = n_mentions;
  ctx->previous_person = previous_person;
  ctx->out = out;
  ctx->first_out = out->len;

  g_ptr_array_set_size (self->lower, 0);
  for (guint i = 0; i < self->units->len; i++)
    {
      const DmUnit *u = dm_units_get (self->units, i);
      /* cues too: "связи" of "в связи с" is a preposition's word */
      g_ptr_array_add (self->lower, u->type == DM_UNIT_WORD || u->type == DM_UNIT_CUE
                                    ? g_utf8_strdown (text + u->start, u->end - u->start) : NULL);
      if (u->type == DM_UNIT_WORD && g_str_has_prefix (g_ptr_array_index (self->lower, i), "трехсторон"))
        ctx->trilateral = TRUE;
      if (u->type == DM_UNIT_WORD && g_str_has_prefix (g_ptr_array_index (self->lower, i), "трёхсторон"))
        ctx->trilateral = TRUE;
    }
  if (self->n_clause < self->units->len)
    {
      self->n_clause = self->units->len * 2;
      self->clause = g_renew (int, self->clause, self->n_clause);
    }

  for (guint i = 0; i < self->units->len; i++)
    if (dm_units_get (self->units, i)->type == DM_UNIT_ACTOR)
      add_phrase (ctx, i);
  merge_lists (ctx);
  add_pronouns (ctx);
  number_clauses (ctx, self->clause);

  if (G_UNLIKELY (g_getenv ("DIPLOMAP_DEBUG_UNITS") != NULL))
    dump_phrases (ctx);

  for (guint i = 0; i < self->units->len; i++)
    if (dm_units_get (self->units, i)->type == DM_UNIT_CUE)
      extract_cue (ctx, i);
  for (guint i = 0; i < self->units->len; i++)
    {
      const DmUnit *u = dm_units_get (self->units, i);
      const DmCueRule *rule;

      if (u->type != DM_UNIT_CUE)
        continue;
      rule = dm_lexicon_get_rule (self->lexicon, u->rule);
      if (rule->kind == DM_LINK_MEDIATE && !is_negated (ctx, i))
        extract_mediation (ctx, i, u, rule);
    }
  drop_subsumed_consultations (ctx);
}

void
dm_extract_links_ru (DmExtractorRu    *self,
                     const char       *text,
                     const DmSentence *sentence,
                     const DmMatch    *mentions,
                     guint             n_mentions,
                     const DmHit      *cue_hits,
                     guint             n_cue_hits,
                     guint             previous_person,
                     GArray           *out)
{
  dm_extract_in_windows ((DmExtractSpanFunc) extract_span_ru, self, text, sentence, mentions, n_mentions,
                         cue_hits, n_cue_hits, previous_person, out);
}
