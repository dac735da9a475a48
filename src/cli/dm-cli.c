/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-cli.c: the command line.  Options are parsed into a DmCliOptions once,
 * then one mode runs: --version, --analyze (print the analysis as text, JSON
 * or CSV without a display) or, with neither, the window, which main()
 * plugs in through dm_cli_set_window_func() so that this library (and its
 * tests) need no GTK.  --export (write the relationship view as an image)
 * lives in dm-cli-export.c: its options are one field here, the rest is
 * there.
 *
 * Output is all-or-nothing: every input is loaded and analysed before a byte
 * goes to standard output, so a script never reads half an analysis. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

#include "dm-cli.h"
#include "dm-cli-export.h"
#include "dm-core.h"

enum {
  DM_EXIT_OK = 0,
  DM_EXIT_INPUT = 1,
  DM_EXIT_USAGE = 2,
};

typedef enum {
  DM_CLI_FORMAT_TEXT,
  DM_CLI_FORMAT_JSON,
  DM_CLI_FORMAT_CSV,
} DmCliFormat;

static const struct {
  const char *name;
  DmCliFormat format;
} formats[] = {
  { "text", DM_CLI_FORMAT_TEXT },
  { "json", DM_CLI_FORMAT_JSON },
  { "csv", DM_CLI_FORMAT_CSV },
};

typedef struct {
  gboolean    version;
  gboolean    analyze;
  char       *format_name;  /* as given, NULL when not */
  DmCliFormat format;
  char       *actors;       /* --actors FILE */
  char       *since;        /* --since DATE, as given */
  char       *until;        /* --until DATE */
  char       *kinds;        /* --kinds LIST */
  DmFilter    filter;       /* from the three above */
  GStrv       files;        /* the remaining arguments; "-" is stdin */
  DmCliExportOptions export;
} DmCliOptions;

static void
dm_cli_options_clear (DmCliOptions *options)
{
  g_clear_pointer (&options->format_name, g_free);
  g_clear_pointer (&options->actors, g_free);
  g_clear_pointer (&options->since, g_free);
  g_clear_pointer (&options->until, g_free);
  g_clear_pointer (&options->kinds, g_free);
  g_clear_pointer (&options->files, g_strfreev);
  dm_cli_export_options_clear (&options->export);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DmCliOptions, dm_cli_options_clear)

/* Messages go to stderr on one line each, so that a script can read them
 * line by line; a multi-line GError message is folded. */
static void
print_error_line (const char *message)
{
  g_autofree char *line = g_strdup (message);

  g_strdelimit (line, "\r\n", ' ');
  g_printerr ("%s: %s\n", PACKAGE_NAME, line);
}

static int
usage_error (const char *message)
{
  print_error_line (message);
  /* The wording GApplication uses, so that it stays the same when the
   * window arrives and GApplication parses the options. */
  g_printerr (_("Run “%s --help” to see a full list of available command line options."),
              PACKAGE_NAME);
  g_printerr ("\n");
  return DM_EXIT_USAGE;
}

/* Reports @error about the input @path as "diplomap: FILE: reason".  The
 * loader and the gazetteer already name the file; others may not. */
static void
print_input_error (const char *path,
                   GError     *error)
{
  g_autofree char *display = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (path, "-") == 0)
    display = g_strdup ("<stdin>");
  else
    display = g_filename_display_name (path);

  if (g_str_has_prefix (error->message, display) ||
      g_str_has_prefix (error->message, path))
    message = g_strdup (error->message);
  else
    message = g_strdup_printf ("%s: %s", display, error->message);

  print_error_line (message);
}

static int
parse_options (int           argc,
               char        **argv,
               DmCliOptions *options)
{
  const GOptionEntry entries[] = {
    { "analyze", 'a', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &options->analyze,
      N_("Print the analysis of the files instead of opening a window"), NULL },
    { "format", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &options->format_name,
      N_("Format of --analyze: text (the default), json or csv"), N_("FORMAT") },
    { "actors", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &options->actors,
      N_("Add or override actors with those of FILE"), N_("FILE") },
    { "since", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &options->since,
      N_("Keep only articles dated DATE or later (YYYY-MM-DD, YYYY-MM or YYYY); "
         "articles of unknown date are left out"), N_("DATE") },
    { "until", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &options->until,
      N_("Keep only articles dated DATE or earlier; articles of unknown date are left out"),
      N_("DATE") },
    { "kinds", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &options->kinds,
      N_("Keep only the links of these kinds, comma-separated (appeal,fight)"), N_("LIST") },
    { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &options->version,
      N_("Show the version and quit"), NULL },
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &options->files,
      NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  /* parse_strv() rather than parse(): it leaves main()'s argv alone. */
  g_auto(GStrv) args = g_new0 (char *, argc + 1);

  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  context = g_option_context_new (_("[FILE…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  dm_cli_export_add_entries (context, &options->export);
  g_option_context_set_summary (context,
                                _("Read news articles and show who does what to whom.\n"
                                  "A FILE may be plain text, HTML, JSON, JSON Lines, an RSS or Atom "
                                  "feed, or a folder, read with every article file inside; "
                                  "“-” reads standard input."));
  {
    g_autofree char *kinds = NULL;
    g_autofree char *description = NULL;
    g_autoptr(GString) names = g_string_new (NULL);

    for (guint k = 0; k < DM_N_LINK_KINDS; k++)
      g_string_append_printf (names, "%s%s", k > 0 ? ", " : "", dm_link_kind_to_string (k));
    kinds = g_string_free (g_steal_pointer (&names), FALSE);
    description = g_strdup_printf (_("Link kinds: %s.\n"
                                     "--since and --until keep the articles of those days, and the "
                                     "links stated in them; an article whose date is unknown is "
                                     "left out of any date range.\n"
                                     "A file in a folder that cannot be read is named on standard "
                                     "error and skipped.\n"
                                     "Exit status: 0 on success, 1 when an input cannot be read "
                                     "or analysed, 2 on a usage error."), kinds);
    g_option_context_set_description (context, description);
  }

  if (!g_option_context_parse_strv (context, &args, &error))
    return usage_error (error->message);

  /* GOption leaves what it does not know in args; with G_OPTION_REMAINING
   * everything lands in files, so args holds only the program name. */
  if (options->format_name != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        if (g_strcmp0 (options->format_name, formats[i].name) == 0)
          {
            options->format = formats[i].format;
            found = TRUE;
          }

      if (!found)
        {
          g_autofree char *message =
            g_strdup_printf (_("Unknown format “%s”: use text, json or csv"), options->format_name);
          return usage_error (message);
        }

      if (!options->analyze)
        return usage_error (_("--format only applies to --analyze"));
    }

  if (options->analyze && dm_cli_export_requested (&options->export))
    return usage_error (_("--analyze and --export cannot be used together"));

  if ((options->since != NULL || options->until != NULL || options->kinds != NULL)
      && !options->analyze && !dm_cli_export_requested (&options->export))
    return usage_error (_("--since, --until and --kinds only apply to --analyze and --export"));

  {
    static const char *const names[] = { "--since", "--until", "--kinds" };
    const char *values[] = { options->since, options->until, options->kinds };

    for (guint k = 0; k < G_N_ELEMENTS (names); k++)
      {
        gboolean ok = TRUE;

        if (values[k] == NULL)
          continue;
        if (k == 0)
          ok = dm_filter_set_since (&options->filter, values[k], &error);
        else if (k == 1)
          ok = dm_filter_set_until (&options->filter, values[k], &error);
        else
          ok = dm_filter_set_kinds (&options->filter, values[k], &error);
        if (!ok)
          {
            g_autofree char *message = g_strdup_printf ("%s: %s", names[k], error->message);
            return usage_error (message);
          }
      }
    if (!dm_filter_check (&options->filter, &error))
      return usage_error (error->message);
  }

  return DM_EXIT_OK;
}

/* Loads every file, reporting every failure rather than the first only, so
 * that one run shows all that must be fixed.  A file named on the command
 * line that cannot be read fails the run; one found in a folder is only
 * reported, since a corpus of ten thousand files should not be refused for
 * one bad file. */
static gboolean
load_all (GStrv      files,
          GPtrArray *documents)
{
  gboolean ok = TRUE;

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
      g_autoptr(GPtrArray) loaded = dm_load_documents_from_path_full (files[i], skipped, NULL, &error);

      for (guint j = 0; j < skipped->len; j++)
        print_error_line (((GError *) g_ptr_array_index (skipped, j))->message);

      if (loaded == NULL)
        {
          print_input_error (files[i], error);
          ok = FALSE;
          continue;
        }

      for (guint j = 0; j < loaded->len; j++)
        g_ptr_array_add (documents, g_object_ref (g_ptr_array_index (loaded, j)));
    }

  return ok;
}

static gboolean
stdout_is_open (void)
{
#ifdef G_OS_UNIX
  /* Checked before any file is opened: with fd 1 closed, the next open()
   * would get it and the analysis would land in that file. */
  return fcntl (STDOUT_FILENO, F_GETFD) != -1 || errno != EBADF;
#else
  return TRUE;
#endif
}

static int
write_output (const char *data)
{
  gsize length = strlen (data);
  int saved_errno = 0;

  errno = 0;
  if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
    saved_errno = errno != 0 ? errno : EIO;

  if (saved_errno != 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("Could not write the analysis: %s"), g_strerror (saved_errno));
      print_error_line (message);
      return DM_EXIT_INPUT;
    }

  return DM_EXIT_OK;
}

/* Loads the gazetteer, --actors and every file, and analyses them: what
 * --analyze and --export share.  Reports errors itself. */
static int
build_analysis (DmCliOptions  *options,
                DmAnalysis   **out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmGazetteer) gazetteer = NULL;
  g_autoptr(DmLexicon) lexicon = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  DmAnalysis *analysis;
  gboolean ok = TRUE;

  gazetteer = dm_gazetteer_new_default (&error);
  if (gazetteer == NULL)
    {
      print_error_line (error->message);
      return DM_EXIT_INPUT;
    }

  if (options->actors != NULL &&
      !dm_gazetteer_merge_file (gazetteer, options->actors, &error))
    {
      print_input_error (options->actors, error);
      g_clear_error (&error);
      ok = FALSE;
    }

  lexicon = dm_lexicon_new_default (&error);
  if (lexicon == NULL)
    {
      print_error_line (error->message);
      return DM_EXIT_INPUT;
    }

  /* Keep going after a bad --actors file so that the articles' errors are
   * reported in the same run. */
  if (!load_all (options->files, documents) || !ok)
    return DM_EXIT_INPUT;

  dm_documents_make_ids_unique (documents);

  analysis = dm_analysis_new (gazetteer, lexicon, documents, NULL, &error);
  if (analysis == NULL)
    {
      print_error_line (error->message);
      return DM_EXIT_INPUT;
    }

  /* Filtered after the analysis rather than before: the ids stay those of
   * the whole set, and a link's evidence is the same sentences. */
  *out = dm_filter_apply (&options->filter, analysis);
  g_object_unref (analysis);
  return DM_EXIT_OK;
}

static int
run_analyze (DmCliOptions *options)
{
  g_autoptr(DmAnalysis) analysis = NULL;
  g_autofree char *output = NULL;
  int status;

  if (options->files == NULL || options->files[0] == NULL)
    return usage_error (_("--analyze needs at least one FILE (“-” for standard input)"));

  if (!stdout_is_open ())
    {
      g_autofree char *message =
        g_strdup_printf (_("Could not write the analysis: %s"), g_strerror (EBADF));
      print_error_line (message);
      return DM_EXIT_INPUT;
    }

  status = build_analysis (options, &analysis);
  if (status != DM_EXIT_OK)
    return status;

  switch (options->format)
    {
    case DM_CLI_FORMAT_JSON:
      output = dm_analysis_to_json (analysis);
      break;
    case DM_CLI_FORMAT_CSV:
      output = dm_analysis_to_csv (analysis);
      break;
    case DM_CLI_FORMAT_TEXT:
    default:
      output = dm_analysis_to_text (analysis);
      break;
    }

  return write_output (output);
}

/* The image is checked for all that needs no article first, so that a
 * typo in --size does not wait for the analysis. */
static int
run_export (DmCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmAnalysis) analysis = NULL;
  int status;

  if (options->files == NULL || options->files[0] == NULL)
    return usage_error (_("--export needs at least one FILE (“-” for standard input)"));

  if (!dm_cli_export_validate (&options->export, &error))
    {
      print_error_line (error->message);
      return DM_EXIT_INPUT;
    }

  status = build_analysis (options, &analysis);
  if (status != DM_EXIT_OK)
    return status;

  if (!dm_cli_export_write (&options->export, analysis, &error))
    {
      print_error_line (error->message);
      return DM_EXIT_INPUT;
    }

  return DM_EXIT_OK;
}

static DmCliWindowFunc window_func;

void
dm_cli_set_window_func (DmCliWindowFunc func)
{
  window_func = func;
}

static int
run_window (DmCliOptions *options)
{
  if (window_func != NULL)
    {
      static const char * const no_files[] = { NULL };

      return window_func (options->files != NULL ? (const char * const *) options->files : no_files,
                          options->actors);
    }

  print_error_line (_("The window is not available in this build"));
  g_printerr (_("Run “%s --analyze FILE…” to print the analysis of articles."), PACKAGE_NAME);
  g_printerr ("\n");
  return DM_EXIT_USAGE;
}

int
dm_cli_run (int    argc,
            char **argv)
{
  g_auto(DmCliOptions) options = { 0 };
  int status;

  status = parse_options (argc, argv, &options);
  if (status != DM_EXIT_OK)
    return status;

  if (options.version)
    return write_output (PACKAGE_NAME " " PACKAGE_VERSION "\n");

  if (options.analyze)
    return run_analyze (&options);

  if (dm_cli_export_requested (&options.export))
    return run_export (&options);

  return run_window (&options);
}
