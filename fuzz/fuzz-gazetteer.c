/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-gazetteer.c: libFuzzer target for the gazetteer schema reader.
 *
 * The input is an actors.json: it is loaded on its own and merged into the
 * built-in gazetteer, and whichever loads is compiled into a matcher and run
 * over a short fixed text, so that odd aliases (empty, all punctuation,
 * huge, many dashes) reach the automaton too.  Built by fuzz/meson.build,
 * run by build-aux/fuzz.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "dm-gazetteer.h"
#include "dm-matcher.h"
#include "dm-segmenter.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char sample[] =
  "U.S. Secretary of State Antony Blinken called Azerbaijan's President Ilham Aliyev.\n"
  "Armenian troops and the EU mission met in Yerevan; \"us\" said Baku-based officials.\n"
  "WASHINGTON \xe2\x80\x94 Georgia\xe2\x80\x99s envoy, Mr. Washington, left for Atlanta.\n";

/* The built-in gazetteer's size: a failed merge must leave it so. */
static guint default_n_actors, default_n_aliases;

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
  g_autoptr (DmGazetteer) probe = NULL;

  g_log_set_writer_func (drop_log_cb, NULL, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL);

  probe = dm_gazetteer_new_default (&error);
  if (!probe)
    g_error ("built-in gazetteer: %s", error->message);
  default_n_actors = dm_gazetteer_get_n_actors (probe);
  default_n_aliases = dm_gazetteer_get_n_aliases (probe);
  return 0;
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
      g_assert (m->start < m->end && m->end <= length);
      g_assert (m->actor < dm_gazetteer_get_n_actors (gazetteer));
      g_assert (m->alias < dm_gazetteer_get_n_aliases (gazetteer));
    }
  (void) dm_matcher_count_raw (matcher, sample, length);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DmGazetteer) own = NULL;
  g_autoptr (DmGazetteer) merged = NULL;

  own = dm_gazetteer_new_from_data ((const char *) data, size, "fuzz.json", &error);
  if (own)
    match_sample (own);
  else
    g_assert (error != NULL);
  g_clear_error (&error);

  merged = dm_gazetteer_new_default (&error);
  g_assert_no_error (error);
  if (dm_gazetteer_merge_data (merged, (const char *) data, size, "fuzz.json", &error))
    match_sample (merged);
  else
    {
      g_assert (error != NULL);
      g_assert_cmpuint (dm_gazetteer_get_n_actors (merged), ==, default_n_actors);
      g_assert_cmpuint (dm_gazetteer_get_n_aliases (merged), ==, default_n_aliases);
      match_sample (merged);
    }
  return 0;
}
