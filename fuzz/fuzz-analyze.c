/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-analyze.c: libFuzzer target for the whole reading path.
 *
 * The input is an article file: it is loaded with format detection, then
 * again as the explicit format its first byte picks, and every set of
 * documents that loads is analysed with the built-in gazetteer and lexicon
 * and written out as JSON, CSV and text.  Built by fuzz/meson.build, run by
 * build-aux/fuzz.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "dm-analysis.h"
#include "dm-analysis-writer.h"
#include "dm-document-loader.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static DmGazetteer *gazetteer;
static DmLexicon *lexicon;

/* Errors are the expected outcome for most inputs: keep libFuzzer's output
 * readable.  A critical is a broken precondition inside the core, so it is
 * fatal and counts as a crash. */
static GLogWriterOutput
drop_log_cb (GLogLevelFlags   level,
             const GLogField *fields,
             gsize            n_fields,
             gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_FLAG_FATAL))
    return g_log_writer_standard_streams (level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;

  g_log_set_writer_func (drop_log_cb, NULL, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL);

  gazetteer = dm_gazetteer_new_default (&error);
  if (!gazetteer)
    g_error ("built-in gazetteer: %s", error->message);
  lexicon = dm_lexicon_new_default (&error);
  if (!lexicon)
    g_error ("built-in lexicon: %s", error->message);
  return 0;
}

static void
analyze_and_write (GPtrArray *documents)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DmAnalysis) analysis = NULL;
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;

  analysis = dm_analysis_new (gazetteer, lexicon, documents, NULL, &error);
  if (!analysis)
    g_error ("dm_analysis_new failed without a cancellable: %s",
             error ? error->message : "no error set");

  json = dm_analysis_to_json (analysis);
  csv = dm_analysis_to_csv (analysis);
  text = dm_analysis_to_text (analysis);
  g_assert (json != NULL && csv != NULL && text != NULL);
}

static void
load_and_analyze (GBytes *bytes, DmDocumentFormat format)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents = NULL;

  documents = dm_load_documents_from_bytes (bytes, "fuzz-input", format, &error);
  if (!documents)
    {
      /* Failure must say why. */
      g_assert (error != NULL && error->message != NULL);
      return;
    }
  g_assert (error == NULL);
  analyze_and_write (documents);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  static const DmDocumentFormat explicit_formats[] = {
    DM_FORMAT_TEXT, DM_FORMAT_HTML, DM_FORMAT_JSON,
  };

  load_and_analyze (bytes, DM_FORMAT_AUTO);
  if (size > 0)
    load_and_analyze (bytes, explicit_formats[data[0] % G_N_ELEMENTS (explicit_formats)]);
  return 0;
}
