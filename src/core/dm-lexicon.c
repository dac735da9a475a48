/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-lexicon.c: the relation cues of data/cues.json.
 *
 * Each entry names a rule, a link kind and phrases; verb phrases are
 * inflected on their first word (urge, urges, urged, urging; "call on",
 * "called on"), noun phrases on their last (tension, tensions).  All forms
 * go into one automaton; a scan keeps whole-word hits, leftmost-longest.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <json-glib/json-glib.h>
#include <string.h>

#include "dm-automaton.h"
#include "dm-core-resources.h"
#include "dm-lexicon.h"
#include "dm-ru-declension.h"

/* The cues of the other languages the core reads, loaded after cues.json
 * into the same lexicon, so that one scan finds the cues of both. */
static const char *const language_cue_resources[] = {
  "/io/github/diplomap/Diplomap/core/ru/cues-ru.json",
  NULL
};

struct _DmLexicon {
  GObject      parent_instance;
  GArray      *rules;      /* DmCueRule */
  GArray      *form_rule;  /* guint: rule of each form */
  GPtrArray   *forms;      /* char *: every form, for a scanner of its own */
  /* Built on the first dm_lexicon_find(): the analysis finds cues in its
   * matcher's scan (dm_lexicon_get_forms()), so most programs never need
   * it, and it would cost their start-up some milliseconds. */
  DmAutomaton *automaton;
  GMutex       automaton_lock;
};

G_DEFINE_FINAL_TYPE (DmLexicon, dm_lexicon, G_TYPE_OBJECT)

static void
rule_clear (gpointer data)
{
  DmCueRule *rule = data;
  g_free (rule->rule);
  g_strfreev (rule->governs);
}

static void
dm_lexicon_finalize (GObject *object)
{
  DmLexicon *self = DM_LEXICON (object);

  g_array_unref (self->rules);
  g_array_unref (self->form_rule);
  g_clear_pointer (&self->forms, g_ptr_array_unref);
  dm_automaton_unref (self->automaton);
  g_mutex_clear (&self->automaton_lock);
  G_OBJECT_CLASS (dm_lexicon_parent_class)->finalize (object);
}

static void
dm_lexicon_class_init (DmLexiconClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dm_lexicon_finalize;
}

static void
dm_lexicon_init (DmLexicon *self)
{
  self->rules = g_array_new (FALSE, TRUE, sizeof (DmCueRule));
  g_array_set_clear_func (self->rules, rule_clear);
  self->form_rule = g_array_new (FALSE, FALSE, sizeof (guint));
  g_mutex_init (&self->automaton_lock);
}

static gboolean
is_vowel (char c)
{
  return strchr ("aeiou", c) != NULL;
}

static char *
third_person (const char *verb)
{
  gsize n = strlen (verb);

  if (g_str_has_suffix (verb, "s") || g_str_has_suffix (verb, "x") || g_str_has_suffix (verb, "z")
      || g_str_has_suffix (verb, "ch") || g_str_has_suffix (verb, "sh"))
    return g_strconcat (verb, "es", NULL);
  if (n > 1 && verb[n - 1] == 'y' && !is_vowel (verb[n - 2]))
    return g_strdup_printf ("%.*sies", (int) n - 1, verb);
  return g_strconcat (verb, "s", NULL);
}

/* @double_final: "stop" → "stopped"; English spelling cannot be told from
 * the letters alone, so the lexicon says it. */
static char *
past (const char *verb, gboolean double_final)
{
  gsize n = strlen (verb);

  if (double_final)
    return g_strdup_printf ("%s%ced", verb, verb[n - 1]);
  if (g_str_has_suffix (verb, "e"))
    return g_strconcat (verb, "d", NULL);
  if (n > 1 && verb[n - 1] == 'y' && !is_vowel (verb[n - 2]))
    return g_strdup_printf ("%.*sied", (int) n - 1, verb);
  return g_strconcat (verb, "ed", NULL);
}

static char *
gerund (const char *verb, gboolean double_final)
{
  gsize n = strlen (verb);

  if (double_final)
    return g_strdup_printf ("%s%cing", verb, verb[n - 1]);
  if (g_str_has_suffix (verb, "ie"))
    return g_strdup_printf ("%.*sying", (int) n - 2, verb);
  if (n > 2 && verb[n - 1] == 'e' && verb[n - 2] != 'e')
    return g_strdup_printf ("%.*sing", (int) n - 1, verb);
  return g_strconcat (verb, "ing", NULL);
}

static char *
plural (const char *noun)
{
  return third_person (noun);
}

/* Adds every inflected form of @phrase to @forms: a verb phrase inflects
 * its first word, a noun phrase its last. */
static void
inflect (const char        *phrase,
         DmCuePos           pos,
         gboolean           double_final,
         const char *const *irregular,
         GPtrArray         *forms)
{
  g_ptr_array_add (forms, g_strdup (phrase));
  if (pos == DM_CUE_VERB)
    {
      const char *space = strchr (phrase, ' ');
      g_autofree char *head = space ? g_strndup (phrase, space - phrase) : g_strdup (phrase);
      const char *tail = space ? space : "";
      g_autofree char *s = third_person (head);
      g_autofree char *ing = gerund (head, double_final);

      g_ptr_array_add (forms, g_strconcat (s, tail, NULL));
      g_ptr_array_add (forms, g_strconcat (ing, tail, NULL));
      if (irregular && irregular[0])
        for (guint i = 0; irregular[i]; i++)
          g_ptr_array_add (forms, g_strconcat (irregular[i], tail, NULL));
      else
        {
          g_autofree char *ed = past (head, double_final);
          g_ptr_array_add (forms, g_strconcat (ed, tail, NULL));
        }
    }
  else
    {
      const char *space = strrchr (phrase, ' ');
      g_autofree char *head = space ? g_strndup (phrase, space + 1 - phrase) : g_strdup ("");
      g_autofree char *many = plural (space ? space + 1 : phrase);

      g_ptr_array_add (forms, g_strconcat (head, many, NULL));
    }
}

static gboolean
fail_at (GError    **error,
         const char *name,
         guint       index,
         const char *what)
{
  g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
               _("%s: cues[%u]: %s"), name, index, what);
  return FALSE;
}

static GStrv
dup_string_array (JsonObject *entry,
                  const char *member)
{
  JsonArray *array;
  GStrvBuilder *builder;

  if (!json_object_has_member (entry, member))
    return NULL;
  array = json_object_get_array_member (entry, member);
  if (!array)
    return NULL;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
      else
        {
          g_strv_builder_unref (builder);
          return NULL;
        }
    }
  {
    GStrv strv = g_strv_builder_end (builder);
    g_strv_builder_unref (builder);
    return strv;
  }
}

/* ── Languages of articles (issue 13) ─────────────────────────────────
 * A Russian entry's phrases: infinitives that dm_ru_conjugate() inflects,
 * or noun phrases with their declension classes as in actors-ru.json; each
 * form also capitalized (a sentence may start with it) and with "е" for
 * "ё", since the automaton folds ASCII case only. */
static gboolean
inflect_russian (JsonObject *entry,
                 DmCuePos    pos,
                 GPtrArray  *forms)
{
  JsonArray *phrases = json_object_get_array_member (entry, "phrases");
  g_autoptr (GArray) all = dm_ru_forms_new ();
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  gboolean inflected = json_object_get_boolean_member_with_default (entry, "inflect", TRUE);
  gboolean participle = json_object_get_boolean_member_with_default (entry, "participle", FALSE);
  JsonArray *extra = json_object_has_member (entry, "forms") ? json_object_get_array_member (entry, "forms") : NULL;

  if (phrases == NULL || json_array_get_length (phrases) == 0)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (phrases); i++)
    {
      JsonNode *node = json_array_get_element (phrases, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          if (pos == DM_CUE_VERB && inflected)
            dm_ru_conjugate (json_node_get_string (node), participle, texts);
          else
            g_ptr_array_add (texts, g_strdup (json_node_get_string (node)));
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *pair = json_node_get_array (node);
          gsize n = json_array_get_length (pair);

          if (n < 2 || !dm_ru_decline (json_array_get_string_element (pair, 0), json_array_get_string_element (pair, 1),
                                       n >= 3 && g_strcmp0 (json_array_get_string_element (pair, 2), "pl") == 0, all))
            return FALSE;
        }
      else if (JSON_NODE_HOLDS_OBJECT (node) && json_object_has_member (json_node_get_object (node), "forms"))
        {
          JsonArray *list = json_object_get_array_member (json_node_get_object (node), "forms");

          for (guint k = 0; list && k < json_array_get_length (list); k++)
            g_ptr_array_add (texts, g_strdup (json_array_get_string_element (list, k)));
        }
      else
        return FALSE;
    }
  for (guint k = 0; extra && k < json_array_get_length (extra); k++)
    g_ptr_array_add (texts, g_strdup (json_array_get_string_element (extra, k)));
  for (guint k = 0; k < texts->len; k++)
    {
      DmRuForm form = { g_strdup (g_ptr_array_index (texts, k)), DM_RU_ALL_CASES };
      g_array_append_val (all, form);
    }
  dm_ru_add_variants (all, TRUE);
  for (guint k = 0; k < all->len; k++)
    {
      const char *text = g_array_index (all, DmRuForm, k).text;
      gboolean seen = FALSE;

      for (guint f = 0; f < k && !seen; f++)
        seen = strcmp (g_array_index (all, DmRuForm, f).text, text) == 0;
      if (!seen)
        g_ptr_array_add (forms, g_strdup (text));
    }
  return TRUE;
}

static gboolean
load_entry (DmLexicon  *self,
            JsonNode   *node,
            guint       index,
            const char *name,
            const char *language,
            GPtrArray  *forms,
            GError    **error)
{
  JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *kind_id, *pos_id, *rule_id;
  g_auto (GStrv) phrases = NULL;
  g_auto (GStrv) irregular = NULL;
  DmCueRule rule = { 0 };
  guint rule_index = self->rules->len;

  if (!entry)
    return fail_at (error, name, index, _("not an object"));
  rule_id = json_object_get_string_member_with_default (entry, "rule", NULL);
  kind_id = json_object_get_string_member_with_default (entry, "kind", NULL);
  pos_id = json_object_get_string_member_with_default (entry, "pos", "verb");
  phrases = language == NULL ? dup_string_array (entry, "phrases") : NULL;
  irregular = dup_string_array (entry, "irregular");
  if (!rule_id || !*rule_id)
    return fail_at (error, name, index, _("missing \"rule\""));
  if (!kind_id || !dm_link_kind_from_string (kind_id, &rule.kind))
    return fail_at (error, name, index, _("missing or unknown \"kind\""));
  if (g_str_equal (pos_id, "verb"))
    rule.pos = DM_CUE_VERB;
  else if (g_str_equal (pos_id, "noun"))
    rule.pos = DM_CUE_NOUN;
  else
    return fail_at (error, name, index, _("\"pos\" must be \"verb\" or \"noun\""));
  if (language == NULL && (!phrases || !phrases[0]))
    return fail_at (error, name, index, _("\"phrases\" must be a non-empty array of strings"));

  rule.rule = g_strdup (rule_id);
  rule.directed = json_object_get_boolean_member_with_default (entry, "directed",
                                                               dm_link_kind_is_directed (rule.kind));
  rule.confidence = json_object_get_double_member_with_default (entry, "confidence", 0.8);
  rule.reciprocal = json_object_get_boolean_member_with_default (entry, "reciprocal", FALSE);
  rule.prepositional_object = g_strcmp0 (json_object_get_string_member_with_default (entry, "object", NULL),
                                         "prepositional") == 0;
  rule.object_window = json_object_get_int_member_with_default (entry, "object_window", 0);
  rule.hosts_talks = json_object_get_boolean_member_with_default (entry, "hosts_talks", FALSE);
  rule.possessor_is_patient = g_strcmp0 (json_object_get_string_member_with_default (entry, "possessor", NULL),
                                         "patient") == 0;
  rule.offense = json_object_get_boolean_member_with_default (entry, "offense", FALSE);
  rule.apposition = json_object_get_boolean_member_with_default (entry, "apposition", FALSE);
  rule.from_to = json_object_get_boolean_member_with_default (entry, "from_to", FALSE);
  rule.relational = g_strcmp0 (json_object_get_string_member_with_default (entry, "frame", NULL), "relations") == 0;
  if (rule.relational)
    {
      const char *neutral = json_object_get_string_member_with_default (entry, "neutral", "none");
      rule.has_neutral_kind = dm_link_kind_from_string (neutral, &rule.neutral_kind);
      if (!rule.has_neutral_kind && !g_str_equal (neutral, "none"))
        {
          g_free (rule.rule);
          return fail_at (error, name, index, _("missing or unknown \"kind\""));
        }
    }
  rule.language = g_intern_string (language ? language : "en");
  rule.governs = dup_string_array (entry, "governs");
  rule.needs_talks = json_object_get_boolean_member_with_default (entry, "needs_talks", FALSE);
  if (language != NULL)
    {
      guint first = forms->len;

      if (!json_object_has_member (entry, "phrases") || !inflect_russian (entry, rule.pos, forms))
        {
          g_free (rule.rule);
          g_strfreev (rule.governs);
          g_ptr_array_set_size (forms, first);
          return fail_at (error, name, index, _("\"phrases\" must be a non-empty array of strings"));
        }
      g_array_append_val (self->rules, rule);
      while (self->form_rule->len < forms->len)
        g_array_append_val (self->form_rule, rule_index);
      return TRUE;
    }
  g_array_append_val (self->rules, rule);

  for (guint i = 0; phrases[i]; i++)
    {
      g_autoptr (GPtrArray) inflected = g_ptr_array_new_with_free_func (g_free);

      if (json_object_get_boolean_member_with_default (entry, "inflect", TRUE))
        inflect (phrases[i], rule.pos,
                 json_object_get_boolean_member_with_default (entry, "double", FALSE),
                 (const char *const *) irregular, inflected);
      else
        g_ptr_array_add (inflected, g_strdup (phrases[i]));
      for (guint k = 0; k < inflected->len; k++)
        dm_expand_punctuation_variants (g_ptr_array_index (inflected, k), forms);
      while (self->form_rule->len < forms->len)
        g_array_append_val (self->form_rule, rule_index);
    }
  return TRUE;
}

/* Appends the cues of one file to @self: English ones unless the file
 * says its "language". */
static gboolean
load_cues (DmLexicon  *self,
           const char *data,
           gssize      length,
           const char *name,
           GPtrArray  *forms,
           GError    **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) local_error = NULL;
  JsonObject *root;
  JsonArray *cues;
  const char *language;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                   _("%s: malformed JSON: %s"), name, local_error->message);
      return FALSE;
    }
  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
         ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  cues = root && json_object_has_member (root, "cues") ? json_object_get_array_member (root, "cues") : NULL;
  if (!cues)
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   _("%s: expected an object with a \"cues\" array"), name);
      return FALSE;
    }
  language = json_object_get_string_member_with_default (root, "language", NULL);
  if (g_strcmp0 (language, "en") == 0)
    language = NULL;
  for (guint i = 0; i < json_array_get_length (cues); i++)
    if (!load_entry (self, json_array_get_element (cues, i), i, name, language, forms, error))
      return FALSE;
  return TRUE;
}

DmLexicon *
dm_lexicon_new_from_data (const char *data,
                          gssize      length,
                          const char *name,
                          GError    **error)
{
  g_autoptr (DmLexicon) self = g_object_new (DM_TYPE_LEXICON, NULL);
  g_autoptr (GPtrArray) forms = g_ptr_array_new_with_free_func (g_free);

  if (!load_cues (self, data, length, name, forms, error))
    return NULL;
  self->forms = g_steal_pointer (&forms);
  return g_steal_pointer (&self);
}

DmLexicon *
dm_lexicon_new_default (GError **error)
{
  /* Looked up in the library's own resource, so nothing needs to have
   * registered it (a static library may drop the registering constructor). */
  g_autoptr (GBytes) bytes = g_resource_lookup_data (dm_core_get_resource (),
                                                     "/io/github/diplomap/Diplomap/core/cues.json",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autoptr (DmLexicon) self = NULL;
  gsize size;
  const char *data;

  if (!bytes)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  self = dm_lexicon_new_from_data (data, size, "cues.json", error);
  if (self == NULL)
    return NULL;
  for (guint r = 0; language_cue_resources[r]; r++)
    {
      g_autoptr (GBytes) more = g_resource_lookup_data (dm_core_get_resource (), language_cue_resources[r],
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      g_autofree char *base = g_path_get_basename (language_cue_resources[r]);

      if (more == NULL
          || !load_cues (self, g_bytes_get_data (more, NULL), g_bytes_get_size (more), base, self->forms, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

guint
dm_lexicon_get_n_rules (DmLexicon *self)
{
  g_return_val_if_fail (DM_IS_LEXICON (self), 0);
  return self->rules->len;
}

const DmCueRule *
dm_lexicon_get_rule (DmLexicon *self,
                     guint      index)
{
  g_return_val_if_fail (DM_IS_LEXICON (self), NULL);
  g_return_val_if_fail (index < self->rules->len, NULL);
  return &g_array_index (self->rules, DmCueRule, index);
}

static gboolean
is_word_byte (const char *text, gsize pos)
{
  gunichar c = g_utf8_get_char_validated (text + pos, -1);
  return c == '_' || (c != (gunichar) -1 && c != (gunichar) -2 && g_unichar_isalnum (c));
}

static gboolean
is_boundary_before (const char *text, gsize start, gsize pos)
{
  const char *prev;

  if (pos <= start)
    return TRUE;
  prev = g_utf8_find_prev_char (text + start, text + pos);
  if (!prev)
    return TRUE;
  /* "so-called", "de-escalate": a cue glued to a prefix is another word. */
  if (*prev == '-')
    return FALSE;
  return !is_word_byte (text, prev - text);
}

static gboolean
is_boundary_after (const char *text, gsize end, gsize pos)
{
  if (pos >= end)
    return TRUE;
  if (text[pos] == '-' && pos + 1 < end && g_ascii_isalpha (text[pos + 1]))
    return FALSE;
  return !is_word_byte (text, pos);
}

void
dm_lexicon_select_cues (DmLexicon  *self,
                        const char *text,
                        gsize       start,
                        gsize       end,
                        GArray     *hits,
                        GArray     *out)
{
  gsize taken_until = start;

  g_return_if_fail (DM_IS_LEXICON (self));

  dm_hits_sort_by_start (hits);
  for (guint i = 0; i < hits->len; i++)
    {
      const DmHit *hit = &g_array_index (hits, DmHit, i);
      DmCueMatch cue;

      if (hit->start < taken_until)
        continue;
      if (!is_boundary_before (text, start, hit->start) || !is_boundary_after (text, end, hit->end))
        continue;
      cue.start = hit->start;
      cue.end = hit->end;
      cue.rule = g_array_index (self->form_rule, guint, hit->pattern);
      cue.passive = FALSE;
      g_array_append_val (out, cue);
      taken_until = hit->end;
    }
}

static const DmAutomaton *
get_automaton (DmLexicon *self)
{
  const DmAutomaton *automaton;

  g_mutex_lock (&self->automaton_lock);
  if (self->automaton == NULL)
    self->automaton = dm_automaton_new ((const char *const *) self->forms->pdata, self->forms->len);
  automaton = self->automaton;
  g_mutex_unlock (&self->automaton_lock);
  return automaton;
}

void
dm_lexicon_find (DmLexicon  *self,
                 const char *text,
                 gsize       start,
                 gsize       end,
                 GArray     *out)
{
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (DmHit));

  g_return_if_fail (DM_IS_LEXICON (self));

  dm_automaton_scan (get_automaton (self), text, start, end, hits, NULL);
  dm_lexicon_select_cues (self, text, start, end, hits, out);
}

const char *const *
dm_lexicon_get_forms (DmLexicon *self,
                      guint     *n_forms)
{
  g_return_val_if_fail (DM_IS_LEXICON (self), NULL);

  *n_forms = self->forms->len;
  return (const char *const *) self->forms->pdata;
}

void
dm_lexicon_select_span_cues (DmLexicon   *self,
                             const char  *text,
                             gsize        start,
                             gsize        end,
                             const DmHit *hits,
                             guint        n_hits,
                             GArray      *scratch,
                             GArray      *out)
{
  g_array_set_size (out, 0);
  g_array_set_size (scratch, 0);
  for (guint i = 0; i < n_hits; i++)
    if (hits[i].start >= start && hits[i].end <= end)
      g_array_append_val (scratch, hits[i]);
  dm_lexicon_select_cues (self, text, start, end, scratch, out);
}
