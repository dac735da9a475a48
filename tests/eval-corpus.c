/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eval-corpus.c: precision and recall of the analysis on the shared
 * development corpus (../shared/dev-corpus: real excerpts with gold actors,
 * mention counts and links).  The texts stay where they are; nothing of them
 * is copied into the repository.
 *
 *   eval-corpus [--check] [--verbose] [DIR]
 *
 * Prints per-file and total figures for actors (present or not), mentions
 * (counts per actor) and links (source, target, kind; undirected kinds in
 * either order).  Gold links of kind "other" are outside the eleven kinds and
 * are reported apart.  With --check, exits 1 when a total falls under the
 * floor recorded below, so a regression fails the test suite; exits 77
 * (skipped) when the corpus is absent.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "dm-core.h"

/* Floors for --check, a little under what the extractor reaches today: a
 * change that loses ground fails, an improvement raises them. */
#define FLOOR_ACTOR_F1   0.90
#define FLOOR_MENTION_F1 0.85
#define FLOOR_LINK_P     0.85
#define FLOOR_LINK_R     0.55

typedef struct {
  guint tp, fp, fn;
} Score;

static double
precision (const Score *s)
{
  return s->tp + s->fp ? (double) s->tp / (s->tp + s->fp) : 1.0;
}

static double
recall (const Score *s)
{
  return s->tp + s->fn ? (double) s->tp / (s->tp + s->fn) : 1.0;
}

static double
f1 (const Score *s)
{
  double p = precision (s), r = recall (s);
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static void
add_score (Score *total, const Score *s)
{
  total->tp += s->tp;
  total->fp += s->fp;
  total->fn += s->fn;
}

static char *
link_key (const char *source, const char *target, const char *kind, gboolean directed)
{
  if (!directed && g_strcmp0 (source, target) > 0)
    {
      const char *t = source;
      source = target;
      target = t;
    }
  return g_strdup_printf ("%s %s %s", kind, source, target);
}

static gboolean
evaluate_file (const char  *dir,
               const char  *id,
               DmGazetteer *gazetteer,
               DmLexicon   *lexicon,
               gboolean     verbose,
               Score       *actors,
               Score       *mentions,
               Score       *links,
               guint       *other_links)
{
  g_autofree char *text_path = g_strdup_printf ("%s/%s.txt", dir, id);
  g_autofree char *gold_path = g_strdup_printf ("%s/%s.json", dir, id);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (DmAnalysis) analysis = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GHashTable) gold_links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) seen_actors = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *gold, *gold_actors;
  JsonArray *gold_link_array;
  Score a = { 0 }, m = { 0 }, l = { 0 };

  documents = dm_load_documents_from_path (text_path, &error);
  if (!documents || !json_parser_load_from_file (parser, gold_path, &error))
    {
      g_printerr ("eval-corpus: %s\n", error->message);
      return FALSE;
    }
  analysis = dm_analysis_new (gazetteer, lexicon, documents, NULL, &error);
  gold = json_node_get_object (json_parser_get_root (parser));
  gold_actors = json_object_get_object_member (gold, "actors");
  gold_link_array = json_object_get_array_member (gold, "links");

  /* Actors and mention counts */
  for (guint i = 0; i < dm_analysis_get_n_actors (analysis); i++)
    {
      const DmActorSummary *s = dm_analysis_get_actor (analysis, i);
      const char *code = dm_gazetteer_get_actor (gazetteer, s->actor)->code;
      guint gold_count = 0;

      g_hash_table_add (seen_actors, (gpointer) code);
      if (json_object_has_member (gold_actors, code))
        {
          gold_count = json_object_get_int_member (json_object_get_object_member (gold_actors, code), "count");
          a.tp++;
        }
      else
        a.fp++;
      m.tp += MIN (gold_count, s->n_mentions);
      m.fp += s->n_mentions > gold_count ? s->n_mentions - gold_count : 0;
      m.fn += gold_count > s->n_mentions ? gold_count - s->n_mentions : 0;
      if (verbose && gold_count != s->n_mentions)
        g_print ("  %s: %s mentions %u, gold %u\n", id, code, s->n_mentions, gold_count);
    }
  {
    g_autoptr (GList) codes = json_object_get_members (gold_actors);
    for (GList *c = codes; c; c = c->next)
      if (!g_hash_table_contains (seen_actors, c->data))
        {
          a.fn++;
          m.fn += json_object_get_int_member (json_object_get_object_member (gold_actors, c->data), "count");
          if (verbose)
            g_print ("  %s: missed actor %s\n", id, (char *) c->data);
        }
  }

  /* Links */
  for (guint i = 0; i < json_array_get_length (gold_link_array); i++)
    {
      JsonObject *link = json_array_get_object_element (gold_link_array, i);
      const char *kind = json_object_get_string_member (link, "kind");
      if (g_str_equal (kind, "other"))
        {
          (*other_links)++;
          continue;
        }
      g_hash_table_insert (gold_links,
                           link_key (json_object_get_string_member (link, "source"),
                                     json_object_get_string_member (link, "target"), kind,
                                     json_object_get_boolean_member (link, "directed")),
                           g_strdup (json_object_get_string_member (link, "evidence")));
    }
  for (guint i = 0; i < dm_analysis_get_n_links (analysis); i++)
    {
      const DmLink *link = dm_analysis_get_link (analysis, i);
      g_autofree char *key = link_key (dm_gazetteer_get_actor (gazetteer, link->source)->code,
                                       dm_gazetteer_get_actor (gazetteer, link->target)->code,
                                       dm_link_kind_to_string (link->kind), link->directed);
      if (g_hash_table_remove (gold_links, key))
        l.tp++;
      else
        {
          l.fp++;
          if (verbose)
            {
              const DmEvidence *ev = &link->evidence[0];
              const char *text = dm_document_get_text (dm_analysis_get_document (analysis, ev->doc));
              g_print ("  %s: extra  %-28s [%s] %.*s\n", id, key,
                       dm_lexicon_get_rule (lexicon, ev->rule)->rule,
                       (int) MIN (ev->end - ev->start, 160), text + ev->start);
            }
        }
    }
  l.fn = g_hash_table_size (gold_links);
  if (verbose)
    {
      GHashTableIter iter;
      gpointer key, value;
      g_hash_table_iter_init (&iter, gold_links);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_print ("  %s: missed %-28s %.160s\n", id, (char *) key, (char *) value);
    }

  g_print ("%s  actors P %.2f R %.2f   mentions P %.2f R %.2f   links P %.2f R %.2f (%u/%u)\n",
           id, precision (&a), recall (&a), precision (&m), recall (&m),
           precision (&l), recall (&l), l.tp, l.tp + l.fn);
  add_score (actors, &a);
  add_score (mentions, &m);
  add_score (links, &l);
  return TRUE;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

int
main (int argc, char *argv[])
{
  gboolean check = FALSE, verbose = FALSE;
  const char *dir = NULL;
  g_autofree char *default_dir = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DmGazetteer) gazetteer = NULL;
  g_autoptr (DmLexicon) lexicon = NULL;
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) listing = NULL;
  Score actors = { 0 }, mentions = { 0 }, links = { 0 };
  guint other_links = 0;
  const char *name;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--check"))
        check = TRUE;
      else if (g_str_equal (argv[i], "--verbose"))
        verbose = TRUE;
      else
        dir = argv[i];
    }
  if (!dir)
    {
      const char *shared = g_getenv ("DM_SHARED_DIR");
      default_dir = g_build_filename (shared ? shared : "../shared", "dev-corpus", NULL);
      dir = default_dir;
    }
  listing = g_dir_open (dir, 0, NULL);
  if (!listing)
    {
      g_print ("SKIP: no development corpus at %s (../shared is not beside the repository)\n", dir);
      return 77;
    }
  while ((name = g_dir_read_name (listing)))
    if (g_str_has_suffix (name, ".json") && g_ascii_isdigit (name[0]))
      g_ptr_array_add (ids, g_strndup (name, strlen (name) - 5));
  g_ptr_array_sort (ids, compare_names);

  gazetteer = dm_gazetteer_new_default (&error);
  lexicon = gazetteer ? dm_lexicon_new_default (&error) : NULL;
  if (!lexicon)
    {
      g_printerr ("eval-corpus: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < ids->len; i++)
    if (!evaluate_file (dir, g_ptr_array_index (ids, i), gazetteer, lexicon, verbose,
                        &actors, &mentions, &links, &other_links))
      return 1;

  g_print ("total  actors P %.3f R %.3f F1 %.3f   mentions P %.3f R %.3f F1 %.3f   "
           "links P %.3f R %.3f F1 %.3f (%u of %u; %u gold links of kind \"other\" not counted)\n",
           precision (&actors), recall (&actors), f1 (&actors),
           precision (&mentions), recall (&mentions), f1 (&mentions),
           precision (&links), recall (&links), f1 (&links), links.tp, links.tp + links.fn, other_links);

  if (check && (f1 (&actors) < FLOOR_ACTOR_F1 || f1 (&mentions) < FLOOR_MENTION_F1
                || precision (&links) < FLOOR_LINK_P || recall (&links) < FLOOR_LINK_R))
    {
      g_print ("FAIL: under the floors (actor F1 %.2f, mention F1 %.2f, link P %.2f, link R %.2f)\n",
               FLOOR_ACTOR_F1, FLOOR_MENTION_F1, FLOOR_LINK_P, FLOOR_LINK_R);
      return 1;
    }
  return 0;
}
