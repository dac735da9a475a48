/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-map-window.c: the map view alone in a 1000×700 window on the
 * sample article, for bench/startup/run.sh while (or besides) the full
 * application: what the map costs to start.  Set
 * DIPLOMAP_REPORT_FIRST_FRAME=1 for the map's own first-frame stamp. */
#include "config.h"

#include <gtk/gtk.h>

#include "dm-core.h"
#include "dm-map-view.h"

static void
on_activate_cb (GtkApplication *app,
                const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmGazetteer) gazetteer = dm_gazetteer_new_default (&error);
  g_autoptr(DmLexicon) lexicon = dm_lexicon_new_default (&error);
  g_autoptr(GPtrArray) documents = dm_load_documents_from_path (path, &error);
  g_autoptr(DmAnalysis) analysis = NULL;
  g_autoptr(DmSelection) selection = dm_selection_new ();
  GtkWidget *window, *map;

  if (documents == NULL)
    g_error ("%s", error->message);
  analysis = dm_analysis_new (gazetteer, lexicon, documents, NULL, &error);

  window = gtk_application_window_new (app);
  gtk_window_set_title (GTK_WINDOW (window), "Diplomap");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  map = dm_map_view_new ();
  dm_map_view_set_selection (DM_MAP_VIEW (map), selection);
  dm_map_view_set_analysis (DM_MAP_VIEW (map), analysis);
  gtk_window_set_child (GTK_WINDOW (window), map);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkApplication) app = NULL;
  const char *path = argc > 1 ? argv[1] : SOURCE_DATADIR "/articles/blinken-aliyev-call.txt";

  app = gtk_application_new ("io.github.diplomap.MapBench", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), (gpointer) path);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
