/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-regressions.c: replays the inputs that once crashed a fuzzer.
 *
 * Each file of tests/data/regressions/ goes through the path of the fuzz
 * target its name starts with (fuzz/fuzz-analyze.c, fuzz/fuzz-gazetteer.c):
 * "analyze-*" is loaded as an article (detected format, then the explicit
 * format its first byte picks) and analysed and written out; "gazetteer-*"
 * is loaded as an actors.json, alone and merged into the built-in one, and
 * matched against a fixed text.  Run under the CI's sanitizer build, a
 * regression shows up as a crash here.  One test case per file.
 *
 * Inputs that crashed by their size rather than their bytes (100 000
 * levels of nesting, lists a million words long) are made here instead of
 * stored, and replayed the same way, in every format.
 */
#include "config.h"

#include <string.h>

#include "dm-core.h"

static DmGazetteer *default_gazetteer;
static DmLexicon *default_lexicon;

static const char sample[] =
  "U.S. Secretary of State Antony Blinken called Azerbaijan's President Ilham Aliyev.\n"
  "Armenian troops and the EU mission met in Yerevan; \"us\" said Baku-based officials.\n"
  "WASHINGTON \xe2\x80\x94 Georgia\xe2\x80\x99s envoy, Mr. Washington, left for Atlanta.\n";

static void
analyze_and_write (GPtrArray *documents)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DmAnalysis) analysis = NULL;
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;

  analysis = dm_analysis_new (default_gazetteer, default_lexicon, documents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (analysis);
  json = dm_analysis_to_json (analysis);
  csv = dm_analysis_to_csv (analysis);
  text = dm_analysis_to_text (analysis);
  g_assert_nonnull (json);
  g_assert_nonnull (csv);
  g_assert_nonnull (text);
}

static void
load_and_analyze (GBytes *bytes, DmDocumentFormat format)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents = NULL;

  documents = dm_load_documents_from_bytes (bytes, "regression", format, &error);
  if (!documents)
    {
      g_assert_nonnull (error);
      g_assert_nonnull (error->message);
      return;
    }
  g_assert_no_error (error);
  analyze_and_write (documents);
}

static void
replay_analyze (GBytes *bytes)
{
  static const DmDocumentFormat explicit_formats[] = {
    DM_FORMAT_TEXT, DM_FORMAT_HTML, DM_FORMAT_JSON,
  };
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  load_and_analyze (bytes, DM_FORMAT_AUTO);
  if (size > 0)
    load_and_analyze (bytes, explicit_formats[data[0] % G_N_ELEMENTS (explicit_formats)]);
}

static void
match_sample (DmGazetteer *gazetteer)
{
  g_autoptr (DmMatcher) matcher = dm_matcher_new (gazetteer);
  g_autoptr (GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (DmParagraph));
  g_autoptr (GArray) sentences = g_array_new (FALSE, FALSE, sizeof (DmSentence));
  g_autoptr (GArray) matches = g_array_new (FALSE, FALSE, sizeof (DmMatch));
  gsize length = strlen (sample);

  dm_segment_text (sample, length, FALSE, paragraphs, sentences);
  dm_matcher_find (matcher, sample, length, sentences, matches);
  for (guint i = 0; i < matches->len; i++)
    {
      const DmMatch *m = &g_array_index (matches, DmMatch, i);
      g_assert_cmpuint (m->start, <, m->end);
      g_assert_cmpuint (m->end, <=, length);
      g_assert_cmpuint (m->actor, <, dm_gazetteer_get_n_actors (gazetteer));
      g_assert_cmpuint (m->alias, <, dm_gazetteer_get_n_aliases (gazetteer));
    }
  (void) dm_matcher_count_raw (matcher, sample, length);
}

static void
replay_gazetteer (GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DmGazetteer) own = NULL;
  g_autoptr (DmGazetteer) merged = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  own = dm_gazetteer_new_from_data (data, size, "regression.json", &error);
  if (own)
    match_sample (own);
  else
    g_assert_nonnull (error);
  g_clear_error (&error);

  merged = dm_gazetteer_new_default (&error);
  g_assert_no_error (error);
  if (!dm_gazetteer_merge_data (merged, data, size, "regression.json", &error))
    {
      g_assert_nonnull (error);
      /* A failed merge leaves the gazetteer as it was. */
      g_assert_cmpuint (dm_gazetteer_get_n_actors (merged), ==,
                        dm_gazetteer_get_n_actors (default_gazetteer));
      g_assert_cmpuint (dm_gazetteer_get_n_aliases (merged), ==,
                        dm_gazetteer_get_n_aliases (default_gazetteer));
    }
  match_sample (merged);
}

static void
test_replay (gconstpointer data)
{
  const char *path = data;
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  if (g_str_has_prefix (base, "analyze-"))
    replay_analyze (bytes);
  else if (g_str_has_prefix (base, "gazetteer-"))
    replay_gazetteer (bytes);
  else
    g_assert_not_reached ();
}

/* What each made input repeats, and around what. */
typedef struct
{
  const char *name;   /* analyze-* or gazetteer-*, as the files */
  const char *before;
  const char *unit;   /* @repeat times */
  guint       repeat;
  const char *after;
} Generated;

#define ACTOR_BEFORE_ALIAS \
  "{\"version\": 1, \"actors\": [{\"code\": \"QX\", \"name\": \"Q\", \"kind\": \"state\"," \
  " \"color\": \"#000000\", \"anchor\": {\"name\": \"Q\", \"lat\": 0, \"lon\": 0}," \
  " \"aliases\": {\"names\": [\"Q"

static const Generated generated[] = {
  /* json-glib's parser recurses once per level and has no limit before
   * 1.10, nor for "var a = var b = …" at all. */
  { "analyze-json-arrays", "", "[", 100000, "" },
  { "analyze-json-objects", "", "{\"a\": ", 100000, "" },
  { "analyze-json-in-article", "[{\"text\": \"Armenia urged Azerbaijan.\", \"notes\": ", "[",
    100000, "" },
  { "analyze-json-var-chain", "", "var a=", 500000, "[]" },
  /* libxml2 stops at 256 levels. */
  { "analyze-html-divs", "<html><body><p>Armenia urged Azerbaijan.</p>", "<div>", 100000,
    "Russia warned Turkey.</body></html>" },
  { "analyze-html-headers", "<html><body><article>", "<header>", 100000,
    "Russia warned Turkey.</body></html>" },
  /* The segmenter counts quotation depth; it must not overflow or recurse. */
  { "analyze-text-curly-quotes", "Armenia urged ", "\xe2\x80\x9c", 100000,
    " Azerbaijan to talk.\n" },
  { "analyze-text-straight-quotes", "Armenia urged ", " \"", 100000, " Azerbaijan to talk.\n" },
  { "analyze-text-guillemets", "Armenia urged ", "\xc2\xab", 100000, " Azerbaijan to talk.\n" },
  { "analyze-text-brackets", "Armenia urged ", "([{", 100000, " Azerbaijan to talk.\n" },
  { "analyze-text-closers", "Armenia urged Azerbaijan to talk.", ")\xe2\x80\x9d", 100000,
    " Then Russia warned Turkey.\n" },
  /* Role finding is quadratic in a sentence's length: a run-on "sentence"
   * of 1.4 MB is read in windows (quadratic, it took minutes). */
  { "analyze-text-run-on-sentence", "", "Armenia urged Azerbaijan and ", 50000, "Russia.\n" },
  /* ... in Russian, read by its own role finder */
  { "analyze-text-run-on-sentence-ru", "", "\xd0\x90\xd1\x80\xd0\xbc\xd0\xb5\xd0\xbd\xd0\xb8\xd1\x8f "
    "\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb7\xd0\xb2\xd0\xb0\xd0\xbb\xd0\xb0 "
    "\xd0\x91\xd0\xb0\xd0\xba\xd1\x83 \xd0\xb8 ", 8000, "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd1\x83.\n" },
  /* ... and one without a space to cut at */
  { "analyze-text-compound-run", "Armenia urged ", "US-", 100000, "EU.\n" },
  /* The walk down a list of coordinated demonyms recursed once a word. */
  { "analyze-text-demonym-list", "Armenian", ", A", 1000000, " troops clashed with Azerbaijan.\n" },
  { "gazetteer-json-arrays", "{\"version\": 1, \"actors\": ", "[", 100000, "" },
  { "gazetteer-json-var-chain", "", "var a=", 500000, "{\"version\": 1, \"actors\": []}" },
  /* An alias's typographic variants recursed once a dash, and doubled or
   * quadrupled with each. */
  { "gazetteer-alias-dashes", ACTOR_BEFORE_ALIAS, "-q", 100000, "\"]}}]}" },
  { "gazetteer-alias-apostrophes", ACTOR_BEFORE_ALIAS, "'q", 100000, "\"]}}]}" },
};

static void
test_generated (gconstpointer data)
{
  static const DmDocumentFormat formats[] = {
    DM_FORMAT_TEXT, DM_FORMAT_HTML, DM_FORMAT_JSON,
  };
  const Generated *g = data;
  g_autoptr (GString) input = g_string_new (g->before);
  g_autoptr (GBytes) bytes = NULL;

  for (guint i = 0; i < g->repeat; i++)
    g_string_append (input, g->unit);
  g_string_append (input, g->after);
  bytes = g_string_free_to_bytes (g_steal_pointer (&input));

  if (g_str_has_prefix (g->name, "analyze-"))
    {
      load_and_analyze (bytes, DM_FORMAT_AUTO);
      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        load_and_analyze (bytes, formats[i]);
    }
  else
    replay_gazetteer (bytes);
}

/* Every file must say which path it replays, or it would be skipped
 * silently. */
static void
test_names (gconstpointer data)
{
  const GPtrArray *paths = data;

  g_assert_cmpuint (paths->len, >, 0);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (paths, i));
      if (!g_str_has_prefix (base, "analyze-") && !g_str_has_prefix (base, "gazetteer-"))
        g_error ("%s: name it analyze-* or gazetteer-*", base);
    }
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) dir = NULL;
  g_autofree char *folder = NULL;
  const char *name;

  g_test_init (&argc, &argv, NULL);

  default_gazetteer = dm_gazetteer_new_default (&error);
  g_assert_no_error (error);
  default_lexicon = dm_lexicon_new_default (&error);
  g_assert_no_error (error);

  folder = g_test_build_filename (G_TEST_DIST, "data", "regressions", NULL);
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)))
    if (name[0] != '.')
      g_ptr_array_add (paths, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (paths, compare_strings);

  g_test_add_data_func ("/regressions/names", paths, test_names);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *test_path = g_strconcat ("/regressions/", base, NULL);
      g_test_add_data_func (test_path, path, test_replay);
    }
  for (guint i = 0; i < G_N_ELEMENTS (generated); i++)
    {
      g_autofree char *test_path = g_strconcat ("/regressions/generated/", generated[i].name, NULL);
      g_test_add_data_func (test_path, &generated[i], test_generated);
    }

  {
    int status = g_test_run ();
    g_clear_object (&default_gazetteer);
    g_clear_object (&default_lexicon);
    return status;
  }
}
