/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-l10n.c: the German catalogue reaches everything drawn or printed
 * without a display: link kinds and quad classes, the legend's entries, the
 * actors' display names and place names, and the text
 * of `diplomap --analyze`, while the JSON exchange format keeps the
 * untranslated names.
 *
 * Runs with LC_ALL=de_DE.UTF-8, LANGUAGE=de and DIPLOMAP_LOCALEDIR set to
 * the build's po/ folder (tests/meson.build); skips when the locale is not
 * installed (build-aux/install-deps installs locales-all). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "dm-core.h"
#include "dm-legend.h"

static DmAnalysis *sample;

static char *
sample_path (void)
{
  return g_build_filename (g_getenv ("DM_SOURCE_ROOT") != NULL ? g_getenv ("DM_SOURCE_ROOT") : "..",
                           "data", "articles", "blinken-aliyev-call.txt", NULL);
}

static DmAnalysis *
load_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmGazetteer) gazetteer = NULL;
  g_autoptr(DmLexicon) lexicon = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree char *path = sample_path ();
  DmAnalysis *analysis;

  documents = dm_load_documents_from_path (path, &error);
  g_assert_no_error (error);
  gazetteer = dm_gazetteer_new_default (&error);
  g_assert_no_error (error);
  lexicon = dm_lexicon_new_default (&error);
  g_assert_no_error (error);
  analysis = dm_analysis_new (gazetteer, lexicon, documents, NULL, &error);
  g_assert_no_error (error);

  return analysis;
}

static void
test_link_kinds (void)
{
  g_assert_cmpstr (dm_link_kind_get_label (DM_LINK_CONSULT), ==, "Konsultation");
  g_assert_cmpstr (dm_link_kind_get_label (DM_LINK_TENSION), ==, "Spannung");
  g_assert_cmpstr (dm_quad_get_label (DM_QUAD_VERBAL_CONFLICT), ==, "Verbaler Konflikt");
  /* the stable identifiers of the exchange format stay English */
  g_assert_cmpstr (dm_link_kind_to_string (DM_LINK_CONSULT), ==, "consult");
}

static void
test_legend (void)
{
  static const char * const english[] = {
    "Consultation", "Appeal", "Negotiation", "Cooperation", "Aid", "Accusation", "Warning",
    "Tension", "Fighting", "Seizure", "Mediation", "Verbal cooperation", "Material cooperation",
    "Verbal conflict", "Material conflict", NULL
  };
  g_autoptr(GArray) entries = dm_legend_collect_entries (sample);
  gboolean consult = FALSE, cooperation = FALSE;

  g_assert_cmpuint (entries->len, >, 0);
  for (guint i = 0; i < entries->len; i++)
    {
      const DmLegendEntry *entry = &g_array_index (entries, DmLegendEntry, i);
      const char *label = dm_legend_entry_get_label (entry);

      /* every entry is translated: none is its English msgid */
      g_assert_false (g_strv_contains (english, label));
      g_assert_false (g_strv_contains (english, dm_legend_entry_get_quad_label (entry)));
      if (g_str_equal (label, "Konsultation"))
        consult = TRUE;
      if (g_str_equal (dm_legend_entry_get_quad_label (entry), "Verbale Kooperation"))
        cooperation = TRUE;
    }
  g_assert_true (consult);
  g_assert_true (cooperation);
}

static void
test_actor_names (void)
{
  DmGazetteer *gazetteer = dm_analysis_get_gazetteer (sample);
  const DmActorInfo *arm = dm_gazetteer_get_actor (gazetteer, dm_gazetteer_lookup_code (gazetteer, "ARM"));
  const DmActorInfo *osce = dm_gazetteer_get_actor (gazetteer, dm_gazetteer_lookup_code (gazetteer, "OSCE"));
  const DmActorInfo *csto = dm_gazetteer_get_actor (gazetteer, dm_gazetteer_lookup_code (gazetteer, "CSTO"));

  g_assert_cmpstr (arm->name, ==, "Armenia");
  g_assert_cmpstr (dm_actor_info_get_display_name (arm), ==, "Armenien");
  g_assert_cmpstr (dm_actor_info_get_display_anchor_name (arm), ==, "Jerewan");
  g_assert_cmpstr (dm_actor_info_get_display_name (osce), ==, "OSZE");
  g_assert_cmpstr (dm_actor_info_get_display_name (csto), ==, "OVKS");
  /* countries the basemap labels, and names the catalogue does not know */
  g_assert_cmpstr (dm_place_name_translate ("Turkey"), ==, "Türkei");
  g_assert_cmpstr (dm_place_name_translate ("Nowhere Land"), ==, "Nowhere Land");
  g_assert_cmpstr (dm_place_name_translate (""), ==, "");
  g_assert_null (dm_place_name_translate (NULL));
}

static char *
run_diplomap (const char *format)
{
  g_autofree char *path = sample_path ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("DIPLOMAP"), "--analyze", "--format", format, path, NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&out);
}

static void
test_analyze_text (void)
{
  g_autofree char *text = NULL;

  if (g_getenv ("DIPLOMAP") == NULL)
    {
      g_test_skip ("DIPLOMAP is not set");
      return;
    }

  text = run_diplomap ("text");
  g_assert_nonnull (strstr (text, "\nQuelle: AFP\n"));
  g_assert_nonnull (strstr (text, "\nAkteure (8)\n"));
  g_assert_nonnull (strstr (text, "\nVerbindungen (16)\n"));
  g_assert_nonnull (strstr (text, "  ARM  Armenien "));
  g_assert_nonnull (strstr (text, "Spannung · Verbaler Konflikt"));
  g_assert_null (strstr (text, "Actors ("));
}

static void
test_analyze_json (void)
{
  g_autofree char *json = NULL;

  if (g_getenv ("DIPLOMAP") == NULL)
    {
      g_test_skip ("DIPLOMAP is not set");
      return;
    }

  /* the exchange format is the same in every language */
  json = run_diplomap ("json");
  g_assert_nonnull (strstr (json, "\"Armenia\""));
  g_assert_null (strstr (json, "Armenien"));
  g_assert_null (strstr (json, "Konsultation"));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("DIPLOMAP_LOCALEDIR");
  int status;

  g_test_init (&argc, &argv, NULL);

  if (setlocale (LC_ALL, "") == NULL || localedir == NULL ||
      g_strcmp0 (g_getenv ("LANGUAGE"), "de") != 0)
    {
      g_print ("1..0 # SKIP needs LC_ALL=de_DE.UTF-8 (locales-all), LANGUAGE=de and DIPLOMAP_LOCALEDIR\n");
      return 0;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  sample = load_sample ();

  g_test_add_func ("/l10n/link-kinds", test_link_kinds);
  g_test_add_func ("/l10n/legend", test_legend);
  g_test_add_func ("/l10n/actor-names", test_actor_names);
  g_test_add_func ("/l10n/analyze-text", test_analyze_text);
  g_test_add_func ("/l10n/analyze-json", test_analyze_json);

  status = g_test_run ();
  g_clear_object (&sample);

  return status;
}
