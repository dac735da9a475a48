/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c: runs the built diplomap (DIPLOMAP) as a user or a script
 * would, and checks its exit status, its messages and what it prints: the
 * text sections, the JSON exchange format (every offset checked against the
 * document text) and the CSV quoting.  Inputs that must fail are written to
 * a temporary folder that is removed at the end.
 *
 * Assertions are non-fatal so that one failing case does not hide the
 * others; each case returns early where going on would crash. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

static char *tmp_dir;
static char *sample_path;

/* The sample's actors, as the specification of the sample says. */
static const char *const sample_actors[] = {
  "ARM", "AZE", "USA", "EU", "RUS", "UKR", "UN", "NKR",
};

typedef struct {
  int   status;    /* exit status, or 128 + signal */
  char *out;
  char *err;
} RunResult;

static void
run_result_clear (RunResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RunResult, run_result_clear)

/* "@name" is a file in the temporary folder, "%sample" the sample article. */
static char *
expand_arg (const char *arg)
{
  if (arg[0] == '@')
    return g_build_filename (tmp_dir, arg + 1, NULL);
  if (g_str_equal (arg, "%sample"))
    return g_strdup (sample_path);
  return g_strdup (arg);
}

/* As a string; an empty GBytes may have no data at all. */
static char *
dup_bytes (GBytes *bytes)
{
  gsize size = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &size) : NULL;

  return data != NULL ? g_strndup (data, size) : g_strdup ("");
}

static gboolean
run_argv (const char * const *argv,
          const char         *stdin_text,
          RunResult          *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) input = g_bytes_new (stdin_text ? stdin_text : "", stdin_text ? strlen (stdin_text) : 0);
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;

  process = g_subprocess_newv (argv,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE |
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  if (process == NULL)
    return FALSE;

  g_subprocess_communicate (process, input, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (error != NULL)
    return FALSE;

  result->out = dup_bytes (out);
  result->err = dup_bytes (err);
  if (g_subprocess_get_if_exited (process))
    result->status = g_subprocess_get_exit_status (process);
  else
    result->status = 128 + g_subprocess_get_term_sig (process);

  if (g_test_verbose () && result->err[0] != '\0')
    g_test_message ("stderr: %s", result->err);
  return TRUE;
}

/* Runs diplomap with @args (NULL-terminated, expanded as expand_arg()). */
static gboolean
run_diplomap (const char * const *args,
              const char         *stdin_text,
              RunResult          *result)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (argv, g_strdup (g_getenv ("DIPLOMAP")));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, expand_arg (args[i]));
  g_ptr_array_add (argv, NULL);

  return run_argv ((const char * const *) argv->pdata, stdin_text, result);
}

static void
write_tmp_file (const char *name,
                const char *contents,
                gssize      length)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

static JsonNode *
parse_json (const char *data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_data (parser, data, -1, &error))
    {
      g_test_message ("JSON does not parse: %s", error->message);
      g_test_fail ();
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

/* ---------------------------------------------------- errors and usage --- */

typedef struct {
  const char *name;
  const char *args[8];
  int         status;
  /* Each must match stderr (GRegex, multi-line). */
  const char *err_patterns[3];
} UsageCase;

static const UsageCase usage_cases[] = {
  { "missing-file", { "--analyze", "@missing.txt" }, 1,
    { "^diplomap: .*missing\\.txt" } },
  { "folder-without-articles", { "--analyze", "@no-articles" }, 1,
    { "^diplomap: .*no-articles: no article file in the folder$" } },
  { "empty-file", { "--analyze", "@empty.txt" }, 1,
    { "^diplomap: .*empty\\.txt" } },
  { "binary-file", { "--analyze", "@image.png" }, 1,
    { "^diplomap: .*image\\.png" } },
  /* The error is on line 4; a column must be given too. */
  { "malformed-json-article", { "--analyze", "@bad-article.json" }, 1,
    { "^diplomap: .*bad-article\\.json", "(:4:\\d+|line 4\\D+\\d+)" } },
  { "malformed-actors", { "--analyze", "--actors", "@bad-actors.json", "%sample" }, 1,
    { "^diplomap: .*bad-actors\\.json", "(:3:\\d+|line 3\\D+\\d+)" } },
  /* All or nothing: the good file is not printed. */
  { "good-and-bad", { "--analyze", "%sample", "@missing.txt" }, 1,
    { "missing\\.txt" } },
  { "two-bad-files", { "--analyze", "@missing.txt", "@empty.txt" }, 1,
    { "^diplomap: .*missing\\.txt.*\\n^diplomap: .*empty\\.txt" } },
  { "unknown-option", { "--analyze", "--frobnicate", "%sample" }, 2,
    { "^diplomap: .*frobnicate", "Run “diplomap --help”" } },
  { "unknown-format", { "--analyze", "--format", "xml", "%sample" }, 2,
    { "^diplomap: .*xml", "--help" } },
  { "format-without-analyze", { "--format", "json", "%sample" }, 2,
    { "--help" } },
  { "no-files", { "--analyze" }, 2,
    { "^diplomap: ", "--help" } },
  /* Without --analyze or --export the window opens; these tests run with
   * no display (main() unsets it), so it says why it cannot. */
  { "no-mode", { "%sample" }, 1,
    { "^diplomap: .*display", "--analyze" } },
  { "no-arguments", { NULL }, 1,
    { "^diplomap: .*display", "--analyze" } },
};

static void
test_usage (gconstpointer data)
{
  const UsageCase *tc = data;
  g_auto(RunResult) result = { 0 };

  if (!run_diplomap (tc->args, NULL, &result))
    return;

  g_assert_cmpint (result.status, ==, tc->status);
  g_assert_cmpstr (result.out, ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (tc->err_patterns) && tc->err_patterns[i] != NULL; i++)
    if (!g_regex_match_simple (tc->err_patterns[i], result.err, G_REGEX_MULTILINE, 0))
      {
        g_test_message ("stderr %s does not match %s", result.err, tc->err_patterns[i]);
        g_test_fail ();
      }

  /* One line per input error, each naming the program. */
  if (tc->status == 1)
    {
      g_auto(GStrv) lines = g_strsplit (result.err, "\n", -1);

      for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
        if (!g_str_has_prefix (lines[i], "diplomap: "))
          {
            g_test_message ("stray stderr line: %s", lines[i]);
            g_test_fail ();
          }
    }
}

static void
test_version (void)
{
  const char *args[] = { "--version", NULL };
  g_auto(RunResult) result = { 0 };

  if (!run_diplomap (args, NULL, &result))
    return;
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, PACKAGE_NAME " " PACKAGE_VERSION "\n");
}

static void
test_help (void)
{
  const char *args[] = { "--help", NULL };
  g_auto(RunResult) result = { 0 };

  if (!run_diplomap (args, NULL, &result))
    return;
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "--analyze"));
  g_assert_nonnull (strstr (result.out, "--format"));
  g_assert_nonnull (strstr (result.out, "--actors"));
}

/* A write error (disk full, closed stdout) is an error, not a silent loss. */
static void
test_write_error (gconstpointer data)
{
  const char *redirect = data;
  g_autofree char *script = g_strdup_printf ("exec \"$0\" --analyze \"$1\" %s", redirect);
  const char *argv[] = { "/bin/sh", "-c", script, g_getenv ("DIPLOMAP"), sample_path, NULL };
  g_auto(RunResult) result = { 0 };

  if (g_str_has_prefix (redirect, ">/dev/full") && !g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }

  if (!run_argv (argv, NULL, &result))
    return;
  g_assert_cmpint (result.status, ==, 1);
  g_assert_true (g_regex_match_simple ("^diplomap: .+", result.err, G_REGEX_MULTILINE, 0));
}

/* ------------------------------------------------------------- outputs --- */

static void
test_text (void)
{
  const char *args[] = { "--analyze", "%sample", NULL };
  const char *args_explicit[] = { "--analyze", "--format", "text", "%sample", NULL };
  g_auto(RunResult) result = { 0 };
  g_auto(RunResult) explicit = { 0 };

  if (!run_diplomap (args, NULL, &result) || !run_diplomap (args_explicit, NULL, &explicit))
    return;

  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpstr (result.out, ==, explicit.out);

  g_assert_nonnull (strstr (result.out, "Blinken urges Azerbaijani President"));
  g_assert_nonnull (strstr (result.out, "AFP"));
  g_assert_true (g_regex_match_simple ("^Actors \\(\\d+\\)$", result.out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Links \\(\\d+\\)$", result.out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^  AZE +Azerbaijan +\\d+  “", result.out, G_REGEX_MULTILINE, 0));
  /* A directed link, with its evidence quoted and its cue marked. */
  g_assert_true (g_regex_match_simple ("^  [A-Z]+ → [A-Z]+  .+ ×\\d+$", result.out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^      “.*«.+».*", result.out, G_REGEX_MULTILINE, 0));
}

/* The substring of @text between character offsets, or NULL when they are
 * out of range. */
static char *
dup_chars (const char *text,
           gint64      start,
           gint64      end)
{
  glong length = g_utf8_strlen (text, -1);

  if (start < 0 || start > end || end > length)
    return NULL;
  return g_utf8_substring (text, start, end);
}

static void
check_span (JsonObject *object,
            const char *text,
            const char *what)
{
  gint64 start = json_object_get_int_member (object, "start");
  gint64 end = json_object_get_int_member (object, "end");
  const char *expected = json_object_get_string_member (object, "text");
  g_autofree char *actual = dup_chars (text, start, end);

  if (g_strcmp0 (actual, expected) != 0)
    {
      g_test_message ("%s [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ") is “%s” in the text but “%s” in the file",
                      what, start, end, actual ? actual : "(out of range)", expected);
      g_test_fail ();
    }
}

static JsonNode *
analyze_json (const char * const *files,
              const char         *stdin_text)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(RunResult) result = { 0 };

  g_ptr_array_add (args, (gpointer) "--analyze");
  g_ptr_array_add (args, (gpointer) "--format");
  g_ptr_array_add (args, (gpointer) "json");
  for (guint i = 0; files[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) files[i]);
  g_ptr_array_add (args, NULL);

  if (!run_diplomap ((const char * const *) args->pdata, stdin_text, &result))
    return NULL;
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  if (result.status != 0)
    return NULL;
  return parse_json (result.out);
}

/* Checks what every exchange file must satisfy: the version, the members,
 * and that every offset points at the text it claims. */
static void
check_exchange (JsonNode *root)
{
  JsonObject *object = json_node_get_object (root);
  g_autoptr(GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *documents, *actors, *links;

  g_assert_cmpint (json_object_get_int_member (object, "diplomap"), ==, 1);
  documents = json_object_get_array_member (object, "documents");
  actors = json_object_get_array_member (object, "actors");
  links = json_object_get_array_member (object, "links");
  g_assert_nonnull (documents);
  g_assert_nonnull (actors);
  g_assert_nonnull (links);
  if (documents == NULL || actors == NULL || links == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *document = json_array_get_object_element (documents, i);
      static const char *const members[] = { "id", "title", "source", "date", "url", "text" };

      for (guint j = 0; j < G_N_ELEMENTS (members); j++)
        g_assert_true (json_object_has_member (document, members[j]));
      /* Ids are unique: the offsets below are looked up by id. */
      g_assert_false (g_hash_table_contains (texts, json_object_get_string_member (document, "id")));
      g_hash_table_insert (texts,
                           (gpointer) json_object_get_string_member (document, "id"),
                           (gpointer) json_object_get_string_member (document, "text"));
    }

  for (guint i = 0; i < json_array_get_length (actors); i++)
    {
      JsonObject *actor = json_array_get_object_element (actors, i);
      JsonArray *mentions = json_object_get_array_member (actor, "mentions");
      const char *color = json_object_get_string_member (actor, "color");

      g_assert_true (g_regex_match_simple ("^#[0-9a-f]{6}$", color, 0, 0));
      g_assert_true (json_object_has_member (actor, "anchor"));
      g_assert_true (json_object_has_member (actor, "iso"));
      g_assert_cmpint (json_object_get_int_member (actor, "count"), ==, json_array_get_length (mentions));

      for (guint j = 0; j < json_array_get_length (mentions); j++)
        {
          JsonObject *mention = json_array_get_object_element (mentions, j);
          const char *text = g_hash_table_lookup (texts, json_object_get_string_member (mention, "doc"));

          g_assert_nonnull (text);
          if (text == NULL)
            continue;
          check_span (mention, text, "mention");
          g_assert_true (json_object_has_member (mention, "ambiguous"));
          g_assert_true (json_object_has_member (mention, "sentence"));
          g_assert_true (json_object_has_member (mention, "confidence"));
        }
    }

  for (guint i = 0; i < json_array_get_length (links); i++)
    {
      JsonObject *link = json_array_get_object_element (links, i);
      JsonArray *evidence = json_object_get_array_member (link, "evidence");

      g_assert_cmpint (json_object_get_int_member (link, "weight"), ==, json_array_get_length (evidence));
      for (guint j = 0; j < json_array_get_length (evidence); j++)
        {
          JsonObject *item = json_array_get_object_element (evidence, j);
          JsonObject *cue = json_object_get_object_member (item, "cue");
          const char *text = g_hash_table_lookup (texts, json_object_get_string_member (item, "doc"));

          g_assert_nonnull (text);
          g_assert_nonnull (cue);
          if (text == NULL || cue == NULL)
            continue;
          check_span (item, text, "evidence");
          check_span (cue, text, "cue");
          g_assert_cmpint (json_object_get_int_member (cue, "start"), >=, json_object_get_int_member (item, "start"));
          g_assert_cmpint (json_object_get_int_member (cue, "end"), <=, json_object_get_int_member (item, "end"));
          g_assert_nonnull (json_object_get_string_member (item, "rule"));
        }
    }
}

static char *
dup_actor_codes (JsonNode *root)
{
  JsonArray *actors = json_object_get_array_member (json_node_get_object (root), "actors");
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; actors != NULL && i < json_array_get_length (actors); i++)
    g_ptr_array_add (codes, (gpointer) json_object_get_string_member (json_array_get_object_element (actors, i), "code"));
  g_ptr_array_add (codes, NULL);
  return g_strjoinv (" ", (char **) codes->pdata);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The codes of the actors of @root, sorted, space-separated. */
static char *
dup_sorted_codes (JsonNode *root)
{
  JsonArray *actors = json_object_get_array_member (json_node_get_object (root), "actors");
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; actors != NULL && i < json_array_get_length (actors); i++)
    g_ptr_array_add (codes, (gpointer) json_object_get_string_member (json_array_get_object_element (actors, i), "code"));
  g_ptr_array_sort (codes, compare_strings);
  g_ptr_array_add (codes, NULL);
  return g_strjoinv (" ", (char **) codes->pdata);
}

static void
test_json (void)
{
  const char *files[] = { "%sample", NULL };
  g_autoptr(JsonNode) root = analyze_json (files, NULL);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autofree char *expected_codes = NULL;
  g_autofree char *codes = NULL;
  JsonArray *documents;

  if (root == NULL)
    return;
  check_exchange (root);

  /* The set of actors; their order is by mentions and not pinned here. */
  for (guint i = 0; i < G_N_ELEMENTS (sample_actors); i++)
    g_ptr_array_add (expected, (gpointer) sample_actors[i]);
  g_ptr_array_sort (expected, compare_strings);
  g_ptr_array_add (expected, NULL);
  expected_codes = g_strjoinv (" ", (char **) expected->pdata);
  codes = dup_sorted_codes (root);
  g_assert_cmpstr (codes, ==, expected_codes);

  documents = json_object_get_array_member (json_node_get_object (root), "documents");
  g_assert_cmpuint (json_array_get_length (documents), ==, 1);
  if (json_array_get_length (documents) == 1)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (documents, 0), "source"), ==, "AFP");
}

/* RFC 4180 reader: returns rows of fields, or NULL when malformed. */
static GPtrArray *
parse_csv (const char *data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = data;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++;; p++)
            {
              if (*p == '\0')
                return NULL;
              if (*p == '"')
                {
                  if (p[1] != '"')
                    break;
                  p++;
                }
              g_string_append_c (field, *p);
            }
          p++;
          if (*p != ',' && *p != '\r' && *p != '\n' && *p != '\0')
            return NULL;
        }
      else
        {
          for (; *p != ',' && *p != '\r' && *p != '\n' && *p != '\0'; p++)
            {
              if (*p == '"')
                return NULL;
              g_string_append_c (field, *p);
            }
        }

      g_ptr_array_add (row, g_strdup (field->str));
      g_string_truncate (field, 0);

      if (*p == ',')
        p++;
      else
        {
          if (*p == '\r')
            p++;
          if (*p == '\n')
            p++;
          g_ptr_array_add (rows, g_steal_pointer (&row));
          row = g_ptr_array_new_with_free_func (g_free);
        }
    }

  return g_steal_pointer (&rows);
}

static const char csv_header[] =
  "source,target,kind,quad,directed,weight,doc,sentence_start,sentence_end,cue,rule,confidence,sentence";

/* Checks the CSV of @files against their JSON: one row per evidence, in the
 * same order, with the same sentence and cue.  Returns the rows. */
static GPtrArray *
check_csv (const char * const *files)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(RunResult) result = { 0 };
  g_autoptr(JsonNode) root = analyze_json (files, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  JsonArray *links;
  guint row = 1;

  g_ptr_array_add (args, (gpointer) "--analyze");
  g_ptr_array_add (args, (gpointer) "--format");
  g_ptr_array_add (args, (gpointer) "csv");
  for (guint i = 0; files[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) files[i]);
  g_ptr_array_add (args, NULL);

  if (root == NULL || !run_diplomap ((const char * const *) args->pdata, NULL, &result))
    return NULL;
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_str_has_prefix (result.out, csv_header));
  g_assert_true (g_str_has_prefix (result.out + strlen (csv_header), "\r\n"));

  rows = parse_csv (result.out);
  g_assert_nonnull (rows);
  if (rows == NULL)
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, i))->len, ==, 13);

  links = json_object_get_array_member (json_node_get_object (root), "links");
  for (guint i = 0; i < json_array_get_length (links); i++)
    {
      JsonObject *link = json_array_get_object_element (links, i);
      JsonArray *evidence = json_object_get_array_member (link, "evidence");

      for (guint j = 0; j < json_array_get_length (evidence); j++, row++)
        {
          JsonObject *item = json_array_get_object_element (evidence, j);
          GPtrArray *fields;

          g_assert_cmpuint (row, <, rows->len);
          if (row >= rows->len)
            return NULL;
          fields = g_ptr_array_index (rows, row);
          if (fields->len != 13)
            continue;
          g_assert_cmpstr (g_ptr_array_index (fields, 0), ==, json_object_get_string_member (link, "source"));
          g_assert_cmpstr (g_ptr_array_index (fields, 1), ==, json_object_get_string_member (link, "target"));
          g_assert_cmpstr (g_ptr_array_index (fields, 2), ==, json_object_get_string_member (link, "kind"));
          g_assert_cmpstr (g_ptr_array_index (fields, 6), ==, json_object_get_string_member (item, "doc"));
          g_assert_cmpint (g_ascii_strtoll (g_ptr_array_index (fields, 7), NULL, 10), ==,
                           json_object_get_int_member (item, "start"));
          g_assert_cmpint (g_ascii_strtoll (g_ptr_array_index (fields, 8), NULL, 10), ==,
                           json_object_get_int_member (item, "end"));
          g_assert_cmpstr (g_ptr_array_index (fields, 9), ==,
                           json_object_get_string_member (json_object_get_object_member (item, "cue"), "text"));
          g_assert_cmpstr (g_ptr_array_index (fields, 10), ==, json_object_get_string_member (item, "rule"));
          g_assert_cmpstr (g_ptr_array_index (fields, 12), ==, json_object_get_string_member (item, "text"));
        }
    }
  g_assert_cmpuint (row, ==, rows->len);

  return g_steal_pointer (&rows);
}

static void
test_csv (void)
{
  const char *files[] = { "%sample", NULL };
  g_autoptr(GPtrArray) rows = check_csv (files);

  if (rows == NULL)
    return;
  /* The sample states links (Blinken urges Aliyev, at least). */
  g_assert_cmpuint (rows->len, >, 1);
}

/* A sentence with commas and quotes comes back out of the CSV unchanged. */
static void
test_csv_quoting (void)
{
  const char *files[] = { "@quoting/article.txt", NULL };
  g_autoptr(GPtrArray) rows = NULL;
  gboolean found = FALSE;

  write_tmp_file ("quoting/article.txt",
                  "Armenia accuses Azerbaijan\n"
                  "Armenia accused Azerbaijan of \"provocations, shelling and lies\" on Tuesday.\n",
                  -1);
  rows = check_csv (files);
  if (rows == NULL)
    return;

  for (guint i = 1; i < rows->len; i++)
    {
      GPtrArray *fields = g_ptr_array_index (rows, i);

      if (fields->len == 13 &&
          g_str_equal (g_ptr_array_index (fields, 12),
                       "Armenia accused Azerbaijan of \"provocations, shelling and lies\" on Tuesday."))
        found = TRUE;
    }
  g_assert_true (found);
}

static void
test_stdin (void)
{
  const char *from_file[] = { "%sample", NULL };
  const char *from_stdin[] = { "-", NULL };
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) file_root = NULL;
  g_autoptr(JsonNode) stdin_root = NULL;
  g_autofree char *file_codes = NULL;
  g_autofree char *stdin_codes = NULL;

  g_assert_true (g_file_get_contents (sample_path, &contents, NULL, NULL));
  file_root = analyze_json (from_file, NULL);
  stdin_root = analyze_json (from_stdin, contents);
  if (file_root == NULL || stdin_root == NULL)
    return;

  check_exchange (stdin_root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (stdin_root), "documents")), ==, 1);
  file_codes = dup_actor_codes (file_root);
  stdin_codes = dup_actor_codes (stdin_root);
  g_assert_cmpstr (stdin_codes, ==, file_codes);
  g_assert_cmpstr (stdin_codes, !=, "");
}

static void
test_same_basename (void)
{
  const char *files[] = { "@one/article.txt", "@two/article.txt", NULL };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *documents;

  write_tmp_file ("one/article.txt", "Armenia and Azerbaijan\nArmenia urged Azerbaijan to talk.\n", -1);
  write_tmp_file ("two/article.txt", "Russia and Turkey\nRussia warned Turkey on Monday.\n", -1);

  root = analyze_json (files, NULL);
  if (root == NULL)
    return;
  check_exchange (root);

  documents = json_object_get_array_member (json_node_get_object (root), "documents");
  g_assert_cmpuint (json_array_get_length (documents), ==, 2);
  if (json_array_get_length (documents) != 2)
    return;
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (documents, 0), "id"), !=,
                   json_object_get_string_member (json_array_get_object_element (documents, 1), "id"));
}

/* ------------------------------------------------- hostile nesting --- */

/* @unit @repeat times between @before and @after. */
static char *
repeat_between (const char *before,
                const char *unit,
                guint       repeat,
                const char *after)
{
  GString *out = g_string_new (before);

  for (guint i = 0; i < repeat; i++)
    g_string_append (out, unit);
  g_string_append (out, after);
  return g_string_free (out, FALSE);
}

/* Nesting that crashed json-glib's recursive parser (a segmentation
 * fault, status 139) is refused with one line: the file, the line and
 * column of the bracket past 256 levels, and why.  The article's errors
 * are still reported after a bad --actors file. */
static void
test_deep_json (void)
{
  const char *article[] = { "--analyze", "@deep.json", NULL };
  const char *actors[] = { "--analyze", "--actors", "@deep-actors.json", "%sample", NULL };
  const char *both[] = { "--analyze", "--actors", "@deep-actors.json", "@deep.json", NULL };
  const char *var_chain[] = { "--analyze", "@var-chain.json", NULL };
  g_autofree char *article_path = expand_arg ("@deep.json");
  g_autofree char *actors_path = expand_arg ("@deep-actors.json");
  g_autofree char *var_path = expand_arg ("@var-chain.json");
  g_autofree char *deep = repeat_between ("", "[", 100000, "");
  g_autofree char *deep_actors = repeat_between ("{\"version\": 1,\n \"actors\": ", "[", 100000, "");
  g_autofree char *vars = repeat_between ("", "var a=", 500000, "[]");
  g_autofree char *article_error = g_strdup_printf (
    "diplomap: %s: JSON nested too deeply at line 1, column 257: more than 256 levels\n",
    article_path);
  g_autofree char *actors_error = g_strdup_printf (
    "diplomap: %s: JSON nested too deeply at line 2, column 267: more than 256 levels\n",
    actors_path);
  g_autofree char *var_error = g_strdup_printf (
    "diplomap: %s: JSON nested too deeply at line 1, column 1537: more than 256 levels\n",
    var_path);
  g_autofree char *both_errors = g_strconcat (actors_error, article_error, NULL);

  write_tmp_file ("deep.json", deep, -1);
  write_tmp_file ("deep-actors.json", deep_actors, -1);
  write_tmp_file ("var-chain.json", vars, -1);

  {
    g_auto(RunResult) result = { 0 };

    if (!run_diplomap (article, NULL, &result))
      return;
    g_assert_cmpint (result.status, ==, 1);
    g_assert_cmpstr (result.out, ==, "");
    g_assert_cmpstr (result.err, ==, article_error);
  }
  {
    g_auto(RunResult) result = { 0 };

    if (!run_diplomap (actors, NULL, &result))
      return;
    g_assert_cmpint (result.status, ==, 1);
    g_assert_cmpstr (result.out, ==, "");
    g_assert_cmpstr (result.err, ==, actors_error);
  }
  {
    g_auto(RunResult) result = { 0 };

    if (!run_diplomap (both, NULL, &result))
      return;
    g_assert_cmpint (result.status, ==, 1);
    g_assert_cmpstr (result.err, ==, both_errors);
  }
  {
    g_auto(RunResult) result = { 0 };

    if (!run_diplomap (var_chain, NULL, &result))
      return;
    g_assert_cmpint (result.status, ==, 1);
    g_assert_cmpstr (result.err, ==, var_error);
  }
}

/* Brackets that are not JSON are text: read from standard input, where
 * there is no extension to say otherwise, "[[[[…" is analysed. */
static void
test_deep_brackets_stdin (void)
{
  const char *args[] = { "--analyze", "-", NULL };
  g_autofree char *text = repeat_between ("", "[", 100000, " Armenia urged Azerbaijan to talk.\n");
  g_auto(RunResult) result = { 0 };

  if (!run_diplomap (args, text, &result))
    return;
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_true (g_regex_match_simple ("^  ARM → AZE  ", result.out, G_REGEX_MULTILINE, 0));
}

/* libxml2 stops at 256 levels of elements; what is past them is missing,
 * so the page is refused rather than analysed in part. */
static void
test_deep_html (void)
{
  const char *args[] = { "--analyze", "@deep.html", NULL };
  g_autofree char *path = expand_arg ("@deep.html");
  g_autofree char *escaped = g_regex_escape_string (path, -1);
  g_autofree char *pattern = g_strdup_printf (
    "^diplomap: %s: HTML nested too deeply at line 1, column \\d+: more than 256 levels\\n$",
    escaped);
  g_autofree char *html = repeat_between ("<html><body><p>Armenia urged Azerbaijan to talk.</p>",
                                          "<div>", 100000, "Russia warned Turkey.</body></html>");
  g_auto(RunResult) result = { 0 };

  write_tmp_file ("deep.html", html, -1);
  if (!run_diplomap (args, NULL, &result))
    return;
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.out, ==, "");
  if (!g_regex_match_simple (pattern, result.err, 0, 0))
    {
      g_test_message ("stderr %s does not match %s", result.err, pattern);
      g_test_fail ();
    }
}

/* Texts whose size drove a recursion or a count: quotes and brackets that
 * never close, a list of a million coordinated words, an alias of 100 000
 * dashes in --actors.  All are analysed. */
typedef struct
{
  const char *name;
  const char *before;
  const char *unit;
  guint       repeat;
  const char *after;
  gboolean    as_actors; /* the file is --actors, the sample the article */
} HostileText;

static const HostileText hostile_texts[] = {
  { "quotes.txt", "Armenia urged ", "\xe2\x80\x9c", 100000, " Azerbaijan to talk.\n", FALSE },
  { "straight-quotes.txt", "Armenia urged ", " \"", 100000, " Azerbaijan to talk.\n", FALSE },
  { "brackets.txt", "Armenia urged ", "([{", 100000, " Azerbaijan to talk.\n", FALSE },
  { "demonyms.txt", "Armenian", ", A", 1000000, " troops clashed with Azerbaijan.\n", FALSE },
  { "dashes.json",
    "{\"version\": 1, \"actors\": [{\"code\": \"QX\", \"name\": \"Q\", \"kind\": \"state\","
    " \"color\": \"#000000\", \"anchor\": {\"name\": \"Q\", \"lat\": 0, \"lon\": 0},"
    " \"aliases\": {\"names\": [\"Q", "-q", 100000, "\"]}}]}", TRUE },
};

static void
test_hostile_text (gconstpointer data)
{
  const HostileText *c = data;
  g_autofree char *at_name = g_strconcat ("@", c->name, NULL);
  g_autofree char *contents = repeat_between (c->before, c->unit, c->repeat, c->after);
  const char *article[] = { "--analyze", at_name, NULL };
  const char *actors[] = { "--analyze", "--actors", at_name, "%sample", NULL };
  g_auto(RunResult) result = { 0 };

  write_tmp_file (c->name, contents, -1);
  if (!run_diplomap (c->as_actors ? actors : article, NULL, &result))
    return;
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_true (g_regex_match_simple ("^  ARM ", result.out, G_REGEX_MULTILINE, 0));
}

int
main (int argc, char *argv[])
{
  static const guchar png_magic[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
                                      0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0 };
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* The command line is tested without a display, even under xvfb-run. */
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  g_test_set_nonfatal_assertions ();

  if (g_getenv ("DIPLOMAP") == NULL || g_getenv ("DM_SOURCE_ROOT") == NULL)
    {
      g_printerr ("DIPLOMAP and DM_SOURCE_ROOT must be set (meson test sets them)\n");
      return 1;
    }

  sample_path = g_build_filename (g_getenv ("DM_SOURCE_ROOT"), "data", "articles", "blinken-aliyev-call.txt", NULL);
  tmp_dir = g_dir_make_tmp ("diplomap-test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  if (tmp_dir == NULL)
    return 1;

  write_tmp_file ("empty.txt", "", 0);
  write_tmp_file ("image.png", (const char *) png_magic, sizeof png_magic);
  write_tmp_file ("bad-article.json",
                  "{\n"
                  "  \"title\": \"Broken\",\n"
                  "  \"source\": \"Test\",\n"
                  "  \"text\": \"Armenia and Azerbaijan\",,\n"
                  "}\n", -1);
  write_tmp_file ("bad-actors.json",
                  "{\n"
                  "  \"version\": 1,\n"
                  "  \"actors\": [ { \"code\": \"XYZ\" \"name\": \"X\" } ]\n"
                  "}\n", -1);
  write_tmp_file ("folder/placeholder.txt", "Armenia\n", -1);
  write_tmp_file ("no-articles/notes.md", "Armenia\n", -1);

  for (guint i = 0; i < G_N_ELEMENTS (usage_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/usage/%s", usage_cases[i].name);
      g_test_add_data_func (path, &usage_cases[i], test_usage);
    }
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_data_func ("/cli/write-error/full", ">/dev/full", test_write_error);
  g_test_add_data_func ("/cli/write-error/closed", ">&-", test_write_error);
  g_test_add_func ("/cli/text", test_text);
  g_test_add_func ("/cli/json", test_json);
  g_test_add_func ("/cli/csv", test_csv);
  g_test_add_func ("/cli/csv-quoting", test_csv_quoting);
  g_test_add_func ("/cli/stdin", test_stdin);
  g_test_add_func ("/cli/same-basename", test_same_basename);
  g_test_add_func ("/cli/hostile/deep-json", test_deep_json);
  g_test_add_func ("/cli/hostile/deep-brackets-stdin", test_deep_brackets_stdin);
  g_test_add_func ("/cli/hostile/deep-html", test_deep_html);
  for (guint i = 0; i < G_N_ELEMENTS (hostile_texts); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/hostile/%s", hostile_texts[i].name);
      g_test_add_data_func (path, &hostile_texts[i], test_hostile_text);
    }

  status = g_test_run ();

  remove_tree (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
  g_clear_pointer (&sample_path, g_free);
  return status;
}
