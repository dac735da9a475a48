/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-extractor.c: who does what to whom, one sentence at a time.
 *
 * The sentence becomes a short list of units (dm-sentence-units.c): actor
 * phrases, relation cues, function words and clause punctuation.  For each
 * cue that states an act (dm-extractor-scope.c) the extractor finds its
 * agent and its patient (dm-extractor-roles.c, over the clause structure
 * of dm-extractor-clauses.c) and emits a typed link; relation nouns,
 * mediations, messages and offenses have frames of their own
 * (dm-extractor-frames.c).  A cue with no two distinct actors in those
 * roles gives no link: co-mention alone is never a link.
 */
#include "config.h"

#include <string.h>

#include "dm-extractor-private.h"

void
_dm_emit (Context *ctx, const DmUnit *cue, guint source, guint target, float confidence, GArray *out)
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

void
_dm_emit_within (Context *ctx, const DmUnit *cue, const DmUnit *group, float confidence, GArray *out)
{
  const DmCueRule *rule = dm_lexicon_get_rule (ctx->lexicon, cue->rule);
  gboolean directed = ctx->kind_override >= 0 ? dm_link_kind_is_directed (ctx->kind_override) : rule->directed;

  for (guint a = 0; a < group->n_actors; a++)
    for (guint b = 0; b < group->n_actors; b++)
      if (a != b && (directed || a < b))
        _dm_emit (ctx, cue, group->actors[a], group->actors[b], confidence, out);
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
  if (_dm_is_hypothetical (ctx, cue) || _dm_is_in_appeal_complement (ctx, cue) || _dm_is_discussed_topic (ctx, cue))
    return;
  if (rule->relational)
    {
      _dm_extract_relation (ctx, cue, out);
      ctx->kind_override = -1;
      return;
    }
  if (rule->offense)
    {
      _dm_extract_offense (ctx, cue, out);
      return;
    }
  if (rule->from_to)
    {
      _dm_extract_from_to (ctx, cue, out);
      return;
    }
  if (rule->hosts_talks && _dm_follows_meeting_noun (ctx, cue))
    return;  /* "a summit hosted by Putin": the mediation frame's */
  ctx->hosting_talks = rule->hosts_talks && _dm_clause_has_talks (ctx, cue);
  if (rule->kind == DM_LINK_NEGOTIATE && _dm_is_economic_agreement (ctx, cue))
    ctx->kind_override = DM_LINK_COOPERATE;
  if (rule->pos == DM_CUE_NOUN || _dm_is_nominal_gerund (ctx, cue))
    patient = _dm_find_noun_patient (ctx, cue, &between, &link_word);
  else
    patient = _dm_find_verb_patient (ctx, cue);
  /* "France is one of Yerevan's strongest backers" */
  if (rule->possessor_is_patient && patient < 0)
    patient = _dm_find_possessor (ctx, cue);
  /* "During his call with Aliyev, he called for restraint": an appeal
   * without an addressee goes to the other side of the call it is made in */
  if (patient < 0 && (rule->kind == DM_LINK_APPEAL || rule->kind == DM_LINK_WARN))
    patient = _dm_partner_of_contact (ctx, cue);
  if (patient < 0 && (rule->kind == DM_LINK_APPEAL || rule->kind == DM_LINK_WARN || rule->kind == DM_LINK_ACCUSE))
    patient = _dm_find_intended_addressee (ctx, cue);
  /* "against long-standing rival Azerbaijan" */
  if (rule->apposition && patient < 0 && dm_units_get (ctx->units, cue + 1)
      && dm_units_get (ctx->units, cue + 1)->type == DM_UNIT_ACTOR)
    patient = cue + 1;
  /* "Russia's war in Ukraine": a state a fight is waged in, by a named
   * author, is its other side ("the war in Ukraine" alone names none) */
  if (rule->kind == DM_LINK_FIGHT && rule->pos == DM_CUE_NOUN && patient < 0 && _dm_find_possessor (ctx, cue) >= 0
      && (dm_unit_is_word (dm_units_get (ctx->units, cue + 1), "in") || dm_unit_is_word (dm_units_get (ctx->units, cue + 1), "against")))
    {
      int place = _dm_actor_after (ctx, cue + 1, 3);
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
      _dm_emit_within (ctx, c, p, p->confidence, out);
      return;
    }

  agent = _dm_find_agent (ctx, cue);
  if (agent == -2)
    return;  /* negated: "did not attend the meetings" */

  passive_agent = rule->pos == DM_CUE_VERB && !rule->reciprocal ? _dm_find_passive_agent (ctx, cue) : -1;
  /* "support from Armenia", "the warning from the Azerbaijani side": the
   * phrase after "from" acts on the one before */
  if (passive_agent < 0 && patient >= 0 && link_word
      && (g_str_equal (link_word, "from") || g_str_equal (link_word, "by")))
    passive_agent = patient;
  /* "a joint probe by Azerbaijan and Russia": the parties of a joint act
   * act on each other, not on the sentence's subject */
  if (passive_agent >= 0 && rule->reciprocal && dm_units_get (ctx->units, passive_agent)->n_actors >= 2)
    {
      _dm_emit_within (ctx, c, dm_units_get (ctx->units, passive_agent), dm_units_get (ctx->units, passive_agent)->confidence, out);
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
      int by_agent = _dm_actor_after (ctx, patient + 1, 4);
      if (by_agent >= 0)
        agent = by_agent;
    }
  if (rule->pos == DM_CUE_NOUN && patient < 0)
    {
      int participle_patient;
      int participle_agent = _dm_find_participle_agent (ctx, cue, &participle_patient);
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
      int author = _dm_find_possessor (ctx, cue);
      if (author < 0 && before && before->type == DM_UNIT_ACTOR && !before->pair_ref)
        author = cue - 1;
      if (author >= 0 && _dm_answers_act (ctx, cue, author))
        {
          int subject = _dm_clause_subject (ctx, author);
          if (subject >= 0 && subject != author)
            {
              agent = author;
              patient = subject;
            }
        }
    }
  if (agent < 0 && patient >= 0 && rule->kind == DM_LINK_CONSULT)
    agent = _dm_find_subject_after_opening (ctx, cue);
  /* "a meeting with his Armenian counterpart": "his" is the person named
   * before, who is the other side */
  if (agent < 0 && patient >= 0 && dm_unit_is_word (dm_units_get (ctx->units, patient - 1), "his"))
    agent = _dm_last_person_before (ctx, patient - 1);
  /* "The freezing of relations with the CSTO means Armenia …": a tension
   * whose one side is all the sentence says has the other actor it names */
  if (agent < 0 && patient >= 0 && rule->kind == DM_LINK_TENSION && _dm_clause_start (ctx, cue) == 0 && !_dm_is_governed_noun (ctx, cue))
    agent = _dm_only_other_actor (ctx, patient);

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
      if (!_dm_group_has_any (pair, single->actors, 1))
        {
          confidence = MIN (a->confidence, p->confidence);
          _dm_emit_within (ctx, c, pair, confidence, out);
          ctx->kind_override = DM_LINK_MEDIATE;
          for (guint j = 0; j < pair->n_actors; j++)
            _dm_emit (ctx, c, single->actors[0], pair->actors[j], confidence * 0.9f, out);
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
      int co_agent = a->possessive ? -1 : _dm_find_co_agent (ctx, cue, agent, patient);
      confidence = MIN (a->confidence, p->confidence);
      for (guint i = 0; i < a->n_actors; i++)
        for (guint j = 0; j < p->n_actors; j++)
          _dm_emit (ctx, c, a->actors[i], p->actors[j], confidence, out);
      /* "joint exercises with the US": a joint act goes both ways */
      if (rule->reciprocal && rule->directed)
        for (guint i = 0; i < a->n_actors; i++)
          for (guint j = 0; j < p->n_actors; j++)
            _dm_emit (ctx, c, p->actors[j], a->actors[i], confidence, out);
      if (co_agent >= 0)
        {
          const DmUnit *co = dm_units_get (ctx->units, co_agent);
          for (guint i = 0; i < co->n_actors; i++)
            for (guint j = 0; j < p->n_actors; j++)
              _dm_emit (ctx, c, co->actors[i], p->actors[j], confidence * 0.9f, out);
        }
      return;
    }

  /* "Armenia and Azerbaijan have fought two wars", "both sides trading
   * accusations": a coordinated agent acting on itself. */
  if (a && a->n_actors >= 2 && (!rule->directed || ctx->reciprocal || rule->reciprocal || a->pair_ref))
    _dm_emit_within (ctx, c, a, a->confidence * 0.9f, out);
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
  /* the pair the previous sentence of the paragraph named, for "the two
   * leaders" in the next: valid while @pair_text and @pair_paragraph are
   * the sentence's */
  const char  *pair_text;
  guint        pair_paragraph;
  guint        pair[2];
  const guint *previous_pair;  /* the sentence at hand's: @pair or NULL */
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

/* Whether the sentence may speak of a pair it does not name: "the two
 * leaders", "both sides", "each other".  Only asked of the few sentences
 * that name fewer than two actors after one that named a pair. */
static gboolean
mentions_pair_phrase (const char *text, const DmSentence *sentence)
{
  static const char *phrases[] = { "two ", "both ", "each other", "one another", NULL };
  gsize length = MIN (sentence->end - sentence->start, 2000);
  g_autofree char *lower = g_ascii_strdown (text + sentence->start, length);

  for (guint i = 0; phrases[i]; i++)
    if (strstr (lower, phrases[i]))
      return TRUE;
  return FALSE;
}

/* Remembers the pair @sentence names, when it names exactly two actors,
 * for the next sentence of its paragraph; forgets it when it names more. */
static void
remember_pair (DmExtractor *self, const char *text, const DmSentence *sentence,
               const DmMatch *mentions, guint n_mentions)
{
  guint actors[3], n = 0;

  if (self->pair_text != text || self->pair_paragraph != sentence->paragraph)
    {
      self->pair_text = NULL;
      self->pair_paragraph = sentence->paragraph;
    }
  for (guint i = 0; i < n_mentions && n < 3; i++)
    {
      const DmMatch *m = &mentions[i];
      gboolean seen = FALSE;

      /* "met in Prague": a venue is no side */
      if (dm_gazetteer_get_alias (self->gazetteer, m->alias)->group == DM_ALIAS_CAPITAL && m->start >= 3
          && (strncmp (text + m->start - 3, "in ", 3) == 0 || strncmp (text + m->start - 3, "at ", 3) == 0))
        continue;
      for (guint k = 0; k < n; k++)
        seen = seen || actors[k] == mentions[i].actor;
      if (!seen)
        actors[n++] = mentions[i].actor;
    }
  if (n == 2)
    {
      self->pair_text = text;
      self->pair[0] = actors[0];
      self->pair[1] = actors[1];
    }
  else if (n > 2)
    self->pair_text = NULL;
}

/* The links of one stretch of text, a sentence or a window of one. */
static void
extract_span (DmExtractor      *self,
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
  if (!dm_mentions_name_two_actors (mentions, n_mentions, previous_person)
      && !(self->previous_pair && mentions_pair_phrase (text, sentence)))
    return;
  dm_lexicon_select_span_cues (self->lexicon, text, sentence->start, sentence->end, cue_hits, n_cue_hits,
                               self->hits, self->cues);
  if (self->cues->len == 0)
    return;

  dm_sentence_units_build_with_pair (self->units, self->gazetteer, text, sentence, mentions, n_mentions,
                                     self->cues, previous_person, self->previous_pair);

  if (G_UNLIKELY (debug_units ()))
    dump_units (&ctx);
  if (dm_units_end_in_question (ctx.units))
    return;

  for (guint i = 0; i < ctx.units->len; i++)
    if (dm_unit_in (dm_units_get (ctx.units, i), DM_WORD_RECIPROCAL))
      ctx.reciprocal = TRUE;

  for (guint i = 0; i < ctx.units->len; i++)
    if (dm_units_get (ctx.units, i)->type == DM_UNIT_CUE)
      extract_cue (&ctx, i, out);
  _dm_extract_mediation (&ctx, out);
}

/* Prose sentences are a few hundred bytes; a "sentence" of many
 * kilobytes is a list or a page without full stops.  Roles are looked for
 * within a clause, so such a text is read in overlapping windows: every
 * cue has half a window around it in one of them, and the work stays
 * linear in the length, whatever the input. */
#define LONG_SENTENCE 4000
#define WINDOW 2000
#define STRIDE (WINDOW / 2)

void
dm_extract_in_windows (DmExtractSpanFunc  extract,
                       gpointer           extractor,
                       const char        *text,
                       const DmSentence  *sentence,
                       const DmMatch     *mentions,
                       guint              n_mentions,
                       const DmHit       *cue_hits,
                       guint              n_cue_hits,
                       guint              previous_person,
                       GArray            *out)
{
  guint first_mention = 0, first_hit = 0;

  if (sentence->end - sentence->start <= LONG_SENTENCE)
    {
      extract (extractor, text, sentence, mentions, n_mentions, cue_hits, n_cue_hits, previous_person, out);
      return;
    }
  for (gsize start = sentence->start; start < sentence->end; start += STRIDE)
    {
      DmSentence window = *sentence;
      guint n_window_mentions = 0, n_window_hits = 0;

      /* a window starts after a space and ends at one, if one is near;
       * else on a character's boundary (a name cut there is left out) */
      window.start = start;
      while (window.start > sentence->start && window.start < sentence->end && window.start < start + 64
             && text[window.start - 1] != ' ')
        window.start++;
      while (window.start < sentence->end && ((guchar) text[window.start] & 0xC0) == 0x80)
        window.start++;
      window.end = MIN (start + WINDOW, sentence->end);
      while (window.end < sentence->end && window.end < start + WINDOW + 64 && text[window.end] != ' ')
        window.end++;
      while (window.end < sentence->end && ((guchar) text[window.end] & 0xC0) == 0x80)
        window.end++;
      if (window.start >= window.end)
        continue;

      while (first_mention < n_mentions && mentions[first_mention].start < window.start)
        first_mention++;
      while (first_mention + n_window_mentions < n_mentions && mentions[first_mention + n_window_mentions].end <= window.end)
        n_window_mentions++;
      /* the hits come by their end; the span's reader drops those that
       * start before the window */
      while (first_hit < n_cue_hits && cue_hits[first_hit].end <= window.start)
        first_hit++;
      while (first_hit + n_window_hits < n_cue_hits && cue_hits[first_hit + n_window_hits].end <= window.end)
        n_window_hits++;

      extract (extractor, text, &window, mentions + first_mention, n_window_mentions,
               cue_hits + first_hit, n_window_hits, start == sentence->start ? previous_person : DM_NO_ACTOR, out);
      if (window.end >= sentence->end)
        break;
    }
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
  self->previous_pair = self->pair_text == text && self->pair_paragraph == sentence->paragraph ? self->pair : NULL;
  dm_extract_in_windows ((DmExtractSpanFunc) extract_span, self, text, sentence, mentions, n_mentions,
                         cue_hits, n_cue_hits, previous_person, out);
  remember_pair (self, text, sentence, mentions, n_mentions);
}
