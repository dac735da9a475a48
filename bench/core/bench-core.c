/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-core.c: times each stage of the core pipeline on a large corpus.
 *
 *   bench-core [--part-kb N] CORPUS   load, segment, match, extract, analysis
 *   bench-core --dump-aliases         every alias of the built-in gazetteer,
 *                                     one a line (for grep -F -f)
 *   bench-core --gazetteer-only [--reference-actors FILE]
 *                                     the gazetteer's load time alone
 *
 * In one process: the corpus is cut at article boundaries (blank lines)
 * into parts of at most --part-kb, or one article when an article is
 * larger, and written to a temporary folder, one document per file.  The
 * default, 1 MiB, reads the corpus much as grep reads its one file (the
 * loader refuses files over DM_MAX_INPUT_SIZE); 4 KiB is about one
 * article a file, as the app opens them.  Then each stage is timed over all
 * of it: load (dm_load_documents_from_path), the whole dm_analysis_new
 * (which finds actors and cues in one scan), and again segment
 * (dm_segment_text) and match (dm_matcher_find, actors only) on their own;
 * extract is the analysis less those two and the matcher's construction.
 * Peak RSS (ru_maxrss) is read right after the analysis, before the
 * separate stages run.  Prints one "STAGE SECONDS MB/S WALL" line per
 * stage (MB = 10^6 bytes) and "#" comments; bench/core/run.sh turns that
 * into a table against grep.
 *
 * First of all, before anything builds a matcher, the gazetteer's load is
 * timed (see time_gazetteer): "gazetteer WHAT MS" lines, medians of
 * --gazetteer-runs runs, each in a fresh process.
 */
#include "config.h"

#include <errno.h>
#include <malloc.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <json-glib/json-glib.h>

#include "dm-core.h"

/* A stage's time: on a shared machine the CPU time (user + system) is the
 * figure that does not depend on what else runs; the wall time is printed
 * beside it. */
typedef struct {
  double cpu;
  double wall;
  long   faults;  /* minor page faults: first touches of fresh memory */
} Stamp;

static Stamp
now (void)
{
  struct timespec ts;
  Stamp s;

  struct rusage usage;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  getrusage (RUSAGE_SELF, &usage);
  s.cpu = ts.tv_sec + ts.tv_nsec / 1e9;
  s.wall = g_get_monotonic_time () / 1e6;
  s.faults = usage.ru_minflt;
  return s;
}

static Stamp
since (Stamp start)
{
  Stamp end = now ();
  return (Stamp) { end.cpu - start.cpu, end.wall - start.wall, end.faults - start.faults };
}

static void
write_file (const char *name, GString *contents)
{
  g_autoptr (GError) error = NULL;

  if (!g_file_set_contents (name, contents->str, contents->len, &error))
    {
      g_printerr ("bench-core: %s\n", error->message);
      exit (1);
    }
}

static gsize
peak_rss_bytes (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gsize) usage.ru_maxrss * 1024;
}

static int
dump_aliases (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DmGazetteer) gazetteer = dm_gazetteer_new_default (&error);

  if (!gazetteer)
    {
      g_printerr ("bench-core: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < dm_gazetteer_get_n_aliases (gazetteer); i++)
    {
      const DmAlias *alias = dm_gazetteer_get_alias (gazetteer, i);
      if (alias->text && *alias->text)
        printf ("%s\n", alias->text);
    }
  return 0;
}

/* The gazetteer's load, against two references timed the same way: json-glib
 * parsing the same bytes (the floor of any loader of this file), and a
 * smaller gazetteer (--reference-actors, e.g. the 15-actor one of before
 * the world gazetteer).  Each run is a fresh process (fork), because
 * matchers of the same aliases share their automaton: in one process only
 * the first dm_matcher_new () would build it, as only the app's first
 * analysis does.  The parent loads both files once first, so that no run
 * pays for registering types or the resource, or for the page cache. */
enum
{
  GAZ_JSON,
  GAZ_LOAD,
  GAZ_MATCHER,
  N_GAZ
};

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
time_gazetteer_once (GBytes *reference,
                     double  *ms)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (DmGazetteer) gazetteer = NULL;
  DmMatcher *matcher;
  const char *data;
  gsize size;
  double t;

  bytes = reference ? g_bytes_ref (reference)
                    : g_resources_lookup_data ("/io/github/diplomap/Diplomap/core/actors.json", 0,
                                               &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);

  t = cpu_ms ();
  if (!json_parser_load_from_data (parser, data, size, &error))
    g_error ("bench-core: %s", error->message);
  ms[GAZ_JSON] = cpu_ms () - t;

  t = cpu_ms ();
  gazetteer = reference ? dm_gazetteer_new_from_data (data, size, "reference", &error)
                        : dm_gazetteer_new_default (&error);
  ms[GAZ_LOAD] = cpu_ms () - t;
  g_assert_no_error (error);

  t = cpu_ms ();
  matcher = dm_matcher_new (gazetteer);
  ms[GAZ_MATCHER] = cpu_ms () - t;
  dm_matcher_free (matcher);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
time_gazetteer (const char *reference_path,
                int         runs)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) reference = NULL;
  g_autoptr (DmGazetteer) gazetteer = dm_gazetteer_new_default (&error);
  g_autoptr (DmGazetteer) small = NULL;
  GArray *samples[2][N_GAZ] = { { NULL } };
  static const char *const names[N_GAZ] = { "json", "load", "matcher" };
  guint n_sides = 1;

  g_assert_no_error (error);
  if (reference_path)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (reference_path, &contents, &length, &error))
        g_error ("bench-core: %s", error->message);
      reference = g_bytes_new_take (g_steal_pointer (&contents), length);
      small = dm_gazetteer_new_from_data (g_bytes_get_data (reference, NULL), length,
                                          reference_path, &error);
      if (!small)
        g_error ("bench-core: %s", error->message);
      n_sides = 2;
    }
  printf ("# gazetteer: %u actors, %u aliases", dm_gazetteer_get_n_actors (gazetteer),
          dm_gazetteer_get_n_aliases (gazetteer));
  if (small)
    printf ("; reference %s: %u actors, %u aliases", reference_path,
            dm_gazetteer_get_n_actors (small), dm_gazetteer_get_n_aliases (small));
  printf ("; CPU ms, median of %d runs, each in a fresh process\n", runs);
  fflush (stdout);

  for (guint side = 0; side < n_sides; side++)
    for (guint k = 0; k < N_GAZ; k++)
      samples[side][k] = g_array_new (FALSE, FALSE, sizeof (double));
  /* The two sides alternate, so that a busy spell slows both alike. */
  for (int r = 0; r < runs; r++)
    for (guint side = 0; side < n_sides; side++)
      {
        double ms[N_GAZ];
        int fds[2];
        int status;
        pid_t pid;

        if (pipe (fds) != 0 || (pid = fork ()) < 0)
          g_error ("bench-core: %s", g_strerror (errno));
        if (pid == 0)
          {
            close (fds[0]);
            time_gazetteer_once (side ? reference : NULL, ms);
            _exit (write (fds[1], ms, sizeof ms) == sizeof ms ? 0 : 1);
          }
        close (fds[1]);
        if (read (fds[0], ms, sizeof ms) != sizeof ms || waitpid (pid, &status, 0) != pid
            || status != 0)
          g_error ("bench-core: a gazetteer run failed");
        close (fds[0]);
        for (guint k = 0; k < N_GAZ; k++)
          g_array_append_val (samples[side][k], ms[k]);
      }
  for (guint side = 0; side < n_sides; side++)
    for (guint k = 0; k < N_GAZ; k++)
      {
        GArray *a = samples[side][k];

        g_array_sort (a, compare_doubles);
        printf ("gazetteer %s%s %.3f %.3f %.3f\n", side ? "ref_" : "", names[k],
                g_array_index (a, double, a->len / 2), g_array_index (a, double, 0),
                g_array_index (a, double, a->len - 1));
        g_array_unref (a);
      }
  fflush (stdout);
}

/* Cuts @path into files of at most @part_size bytes in @folder, at blank
 * lines, at least one article each; returns their paths.  Streamed, so
 * that the corpus itself never counts in the peak RSS. */
static GPtrArray *
write_parts (const char *path,
             const char *folder,
             gsize       part_size,
             gsize      *total)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) part = g_string_new (NULL);
  g_autoptr (GString) article = g_string_new (NULL);
  g_autofree char *line = NULL;
  size_t capacity = 0;
  ssize_t n;
  FILE *in = fopen (path, "r");

  if (!in)
    {
      g_printerr ("bench-core: %s: %s\n", path, g_strerror (errno));
      exit (1);
    }
  *total = 0;
  do
    {
      n = getline (&line, &capacity, in);
      if (n > 0)
        {
          g_string_append_len (article, line, n);
          *total += n;
        }
      /* An article ends at a blank line or at the end of the file. */
      if ((n == 1 && line[0] == '\n') || (n < 0 && article->len > 0))
        {
          if (part->len > 0 && part->len + article->len > part_size)
            {
              g_ptr_array_add (parts, g_strdup_printf ("%s/part-%06u.txt", folder, parts->len));
              write_file (g_ptr_array_index (parts, parts->len - 1), part);
              g_string_truncate (part, 0);
            }
          g_string_append_len (part, article->str, article->len);
          g_string_truncate (article, 0);
        }
    }
  while (n >= 0);
  if (part->len > 0)
    {
      g_ptr_array_add (parts, g_strdup_printf ("%s/part-%06u.txt", folder, parts->len));
      write_file (g_ptr_array_index (parts, parts->len - 1), part);
    }
  fclose (in);
  return g_steal_pointer (&parts);
}

static void
print_stage (const char *stage, Stamp t, gsize bytes)
{
  printf ("%-9s %8.3f %9.2f %8.3f\n", stage, t.cpu, bytes / 1e6 / MAX (t.cpu, 1e-9), t.wall);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GPtrArray) parts = NULL;
  g_autoptr (GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) sentences = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr (DmGazetteer) gazetteer = NULL;
  g_autoptr (DmLexicon) lexicon = NULL;
  g_autoptr (DmAnalysis) analysis = NULL;
  g_autoptr (DmMatcher) matcher = NULL;
  g_autofree char *folder = NULL;
  gboolean dump = FALSE, gazetteer_only = FALSE;
  g_autofree char *reference_actors = NULL;
  int part_kb = 1024, gazetteer_runs = 21;
  gsize total = 0, text_bytes = 0, rss_before, rss_peak, n_sentences = 0, n_matches = 0, raw_hits = 0;
  Stamp t, t_load, t_analysis, t_segment, t_match, t_matcher_new, t_raw, t_extract, t_whole;
  GOptionEntry entries[] = {
    { "dump-aliases", 0, 0, G_OPTION_ARG_NONE, &dump, "Print every alias of the built-in gazetteer", NULL },
    { "part-kb", 0, 0, G_OPTION_ARG_INT, &part_kb, "Largest part (document) the corpus is cut into, in KiB (default 1024; 4 is about one article)", "N" },
    { "gazetteer-runs", 0, 0, G_OPTION_ARG_INT, &gazetteer_runs, "Runs of the gazetteer's load (default 21; 0: none)", "N" },
    { "reference-actors", 0, 0, G_OPTION_ARG_FILENAME, &reference_actors, "A gazetteer file whose load is timed beside the built-in one's", "FILE" },
    { "gazetteer-only", 0, 0, G_OPTION_ARG_NONE, &gazetteer_only, "Time the gazetteer's load, nothing else", NULL },
    { NULL }
  };

  context = g_option_context_new ("CORPUS");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-core: %s\n", error->message);
      return 2;
    }
  if (dump)
    return dump_aliases ();
  if (gazetteer_runs > 0 || gazetteer_only)
    time_gazetteer (reference_actors, MAX (gazetteer_runs, 1));
  if (gazetteer_only)
    return 0;
  if (argc != 2 || part_kb < 1 || (gsize) part_kb * 1024 > DM_MAX_INPUT_SIZE)
    {
      g_printerr ("usage: bench-core [--part-kb N] [--gazetteer-runs N] [--reference-actors FILE] CORPUS\n"
                  "       bench-core --gazetteer-only [--reference-actors FILE] | bench-core --dump-aliases\n");
      return 2;
    }

  gazetteer = dm_gazetteer_new_default (&error);
  g_assert_no_error (error);
  lexicon = dm_lexicon_new_default (&error);
  g_assert_no_error (error);

  folder = g_dir_make_tmp ("diplomap-bench-XXXXXX", &error);
  g_assert_no_error (error);
  parts = write_parts (argv[1], folder, (gsize) part_kb * 1024, &total);
  rss_before = peak_rss_bytes ();

  /* load */
  t = now ();
  for (guint i = 0; i < parts->len; i++)
    {
      g_autoptr (GPtrArray) docs = dm_load_documents_from_path (g_ptr_array_index (parts, i), &error);
      if (!docs)
        {
          g_printerr ("bench-core: %s\n", error->message);
          return 1;
        }
      for (guint d = 0; d < docs->len; d++)
        g_ptr_array_add (documents, g_object_ref (g_ptr_array_index (docs, d)));
    }
  t_load = since (t);
  for (guint i = 0; i < parts->len; i++)
    g_unlink (g_ptr_array_index (parts, i));
  g_rmdir (folder);
  for (guint d = 0; d < documents->len; d++)
    text_bytes += dm_document_get_length (g_ptr_array_index (documents, d));

#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
  {
    struct mallinfo2 info = mallinfo2 ();
    printf ("# malloc: %.1f MB in use after loading, RSS peak %.1f MB\n",
            (info.uordblks + info.hblkhd) / 1e6, peak_rss_bytes () / 1e6);
  }
#endif

  /* the whole analysis */
  t = now ();
  analysis = dm_analysis_new (gazetteer, lexicon, documents, NULL, &error);
  t_analysis = since (t);
  g_assert_no_error (error);
  rss_peak = peak_rss_bytes ();
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
  {
    struct mallinfo2 info = mallinfo2 ();
    printf ("# malloc: %.1f MB in use after the analysis (%.1f MB of it in mmapped blocks)\n",
            (info.uordblks + info.hblkhd) / 1e6, info.hblkhd / 1e6);
  }
#endif
  printf ("# input %" G_GSIZE_FORMAT " bytes in %u parts, %u documents, %" G_GSIZE_FORMAT " bytes of text\n",
          total, parts->len, documents->len, text_bytes);
  printf ("# analysis: %u mentions, %u actors, %u links\n",
          dm_analysis_get_mentions (analysis)->len, dm_analysis_get_n_actors (analysis),
          dm_analysis_get_n_links (analysis));
  {
    gsize n_evidence = 0, n_analysis_sentences = 0;
    for (guint i = 0; i < dm_analysis_get_n_links (analysis); i++)
      n_evidence += dm_analysis_get_link (analysis, i)->weight;
    for (guint d = 0; d < documents->len; d++)
      n_analysis_sentences += dm_analysis_get_sentences (analysis, d)->len;
    /* What the analysis holds, by the size of its public records: where
     * the peak RSS goes. */
    printf ("# held: text %.1f MB, mentions %.1f MB, evidence %.1f MB (%" G_GSIZE_FORMAT "),"
            " sentences %.1f MB\n",
            text_bytes / 1e6,
            dm_analysis_get_mentions (analysis)->len * sizeof (DmMention) / 1e6,
            n_evidence * sizeof (DmEvidence) / 1e6, n_evidence,
            n_analysis_sentences * sizeof (DmSentence) / 1e6);
  }
  g_clear_object (&analysis);

  /* segment */
  t = now ();
  for (guint d = 0; d < documents->len; d++)
    {
      DmDocument *doc = g_ptr_array_index (documents, d);
      g_autoptr (GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (DmParagraph));
      GArray *s = g_array_new (FALSE, FALSE, sizeof (DmSentence));

      dm_segment_text (dm_document_get_text (doc), dm_document_get_length (doc),
                       dm_document_get_title_in_text (doc), paragraphs, s);
      n_sentences += s->len;
      g_ptr_array_add (sentences, s);
    }
  t_segment = since (t);

  /* match */
  t = now ();
  matcher = dm_matcher_new (gazetteer);
  t_matcher_new = since (t);
  t = now ();
  for (guint d = 0; d < documents->len; d++)
    {
      DmDocument *doc = g_ptr_array_index (documents, d);
      g_autoptr (GArray) matches = g_array_new (FALSE, FALSE, sizeof (DmMatch));

      dm_matcher_find (matcher, dm_document_get_text (doc), dm_document_get_length (doc),
                       g_ptr_array_index (sentences, d), matches);
      n_matches += matches->len;
    }
  t_match = since (t);

  /* the automaton alone, for reference */
  t = now ();
  for (guint d = 0; d < documents->len; d++)
    {
      DmDocument *doc = g_ptr_array_index (documents, d);
      raw_hits += dm_matcher_count_raw (matcher, dm_document_get_text (doc), dm_document_get_length (doc));
    }
  t_raw = since (t);

  t_extract.cpu = MAX (t_analysis.cpu - t_segment.cpu - t_match.cpu - t_matcher_new.cpu, 0);
  t_extract.wall = MAX (t_analysis.wall - t_segment.wall - t_match.wall - t_matcher_new.wall, 0);
  t_whole.cpu = t_load.cpu + t_analysis.cpu;
  t_whole.wall = t_load.wall + t_analysis.wall;
  printf ("# %" G_GSIZE_FORMAT " sentences, %" G_GSIZE_FORMAT " matches, %" G_GSIZE_FORMAT " raw automaton hits;"
          " matcher built in %.1f ms\n", n_sentences, n_matches, raw_hits, t_matcher_new.cpu * 1e3);
  printf ("# peak RSS %.1f MB after the analysis (%.1f MB before loading): %.2f x the input\n",
          rss_peak / 1e6, rss_before / 1e6, (double) rss_peak / total);
  /* On a virtual machine a first touch of a page can cost more than the
   * work done on it: the counts say how much fresh memory each stage
   * touched (4 KiB a fault). */
  printf ("# page faults: load %ld (%.0f MB), analysis %ld (%.0f MB)\n",
          t_load.faults, t_load.faults * 4096 / 1e6, t_analysis.faults, t_analysis.faults * 4096 / 1e6);
  printf ("# stage   cpu s     MB/s(cpu)  wall s\n");
  print_stage ("load", t_load, total);
  print_stage ("segment", t_segment, total);
  print_stage ("match", t_match, total);
  print_stage ("scan", t_raw, total);
  print_stage ("extract", t_extract, total);
  print_stage ("analysis", t_analysis, total);
  print_stage ("whole", t_whole, total);
  printf ("peak_rss_ratio %.3f\n", (double) rss_peak / total);
  return 0;
}
