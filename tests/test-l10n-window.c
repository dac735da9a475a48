/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-l10n-window.c: the window in another language (LANGUAGE=de, fr, ru
 * or hy, with LC_ALL set to a matching UTF-8 locale and DIPLOMAP_LOCALEDIR
 * to the build's po/ folder; see tests/meson.build).  The header bar's
 * Export button, an actor row, its counts and the links panel are
 * translated, and the longer labels still fit the window at 1280×800 and at
 * the smallest size it is meant for (800×600).  Screenshots go to the meson
 * log folder as screenshot-l10n-LANG.png.  Skips (a TAP skip plan) without
 * a display or without the locale. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "dm-application.h"
#include "dm-core.h"
#include "dm-map-view-private.h"
#include "dm-window.h"
#include "ui-test-support.h"

#define WIDTH 1280
#define HEIGHT 800
#define TIMEOUT_MS 20000

typedef struct {
  const char *language;
  const char *export_label;   /* the header bar's button, with its mnemonic */
  const char *armenia;        /* the actor row */
  const char *mentions;       /* "14\u00a0mentions" */
  const char *links_title;    /* the links panel's title with ARM selected */
} Expected;

static const Expected expectations[] = {
  { "de", "_Exportieren", "Armenien", "14\u00a0Erwähnungen", "Armenien: Verbindungen (11)" },
  { "fr", "_Exporter", "Arménie", "14\u00a0mentions", "Arménie\u00a0: liens (11)" },
  { "ru", "_Экспортировать", "Армения", "14\u00a0упоминаний", "Связи: Армения (11)" },
  { "hy", "_Արտահանել", "Հայաստան", "14\u00a0հիշատակում", "Հայաստան․ կապեր (11)" },
};


static const Expected *expected;
static DmApplication *app;
static DmWindow      *window;
static int            extra_width, extra_height;

static gboolean
window_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (window)) && gtk_widget_get_width (GTK_WIDGET (window)) > 0;
}

static gboolean
window_ready (gpointer data)
{
  GtkWidget *map = dm_window_get_map_view (window);

  return gtk_widget_get_mapped (GTK_WIDGET (window)) &&
         gtk_widget_get_width (GTK_WIDGET (window)) == WIDTH &&
         gtk_widget_get_height (GTK_WIDGET (window)) == HEIGHT &&
         gtk_widget_get_width (map) > 0 &&
         !dm_map_view_is_loading (DM_MAP_VIEW (map));
}

/* The first visible widget under @widget (depth first) for which @match
 * holds, or NULL. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             gboolean  (*match) (GtkWidget *widget, const char *text),
             const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (match (widget, text))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_button_labelled (GtkWidget  *widget,
                    const char *text)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0;
}

static gboolean
is_label_with (GtkWidget  *widget,
               const char *text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* A label that GTK had to shorten: its text is wider than the room it got. */
static gboolean
is_ellipsized (GtkWidget  *widget,
               const char *text)
{
  int natural = 0;

  if (!GTK_IS_LABEL (widget) || !gtk_widget_get_mapped (widget) ||
      gtk_label_get_ellipsize (GTK_LABEL (widget)) == PANGO_ELLIPSIZE_NONE)
    return FALSE;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);

  return natural > gtk_widget_get_width (widget) + 1 &&
         (text == NULL || strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL);
}

static void
save_screenshot (const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));
  g_autofree char *file = g_strdup_printf ("screenshot-l10n-%s.png", name);
  g_autofree char *logs = g_build_filename (g_getenv ("MESON_BUILD_ROOT") != NULL
                                            ? g_getenv ("MESON_BUILD_ROOT")
                                            : g_test_get_dir (G_TEST_BUILT), "..", "meson-logs", NULL);
  g_autofree char *path = NULL;

  /* The paintable has nothing to give until the window's next frame has
   * been drawn; on a loaded machine that frame may come late. */
  for (guint attempt = 0; attempt < 30 && node == NULL; attempt++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (attempt > 0)
        {
          gtk_widget_queue_draw (GTK_WIDGET (window));
          dm_test_settle (100);
        }
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_to_node (snapshot);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_mkdir_with_parents (logs, 0755);
  path = g_build_filename (logs, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
test_labels (void)
{
  GtkWidget *root = GTK_WIDGET (window);
  int arm = dm_gazetteer_lookup_code (dm_analysis_get_gazetteer (dm_window_get_analysis (window)), "ARM");

  g_assert_nonnull (find_widget (root, is_button_labelled, expected->export_label));
  g_assert_nonnull (find_widget (root, is_label_with, expected->armenia));
  g_assert_nonnull (find_widget (root, is_label_with, expected->mentions));
  /* nothing is left in English where a translation exists */
  g_assert_null (find_widget (root, is_button_labelled, "_Export"));

  g_assert_cmpint (arm, >=, 0);
  dm_selection_select_actor (dm_window_get_selection (window), arm);
  dm_test_settle (300);
  g_assert_true (dm_test_wait_for (window_ready, NULL, TIMEOUT_MS));
  g_assert_nonnull (find_widget (root, is_label_with, expected->links_title));
}

static void
test_fits (void)
{
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *cut;

  /* The selection of test_labels shows the links panel too. */
  g_assert_true (dm_test_wait_for (window_ready, NULL, TIMEOUT_MS));
  dm_test_settle (300);
  save_screenshot (expected->language);
  g_assert_cmpint (gtk_widget_get_width (root), ==, WIDTH);
  g_assert_cmpint (gtk_widget_get_height (root), ==, HEIGHT);
  /* No label of the actor list or the links panel is cut short (the
   * header bar's title is the article's, in its own language). */
  cut = find_widget (dm_window_get_actor_list (window), is_ellipsized, NULL);
  if (cut != NULL)
    g_test_message ("shortened label: “%s”", gtk_label_get_text (GTK_LABEL (cut)));
  g_assert_null (cut);
  cut = find_widget (dm_window_get_links_panel (window), is_ellipsized, NULL);
  if (cut != NULL)
    g_test_message ("shortened label: “%s”", gtk_label_get_text (GTK_LABEL (cut)));
  g_assert_null (cut);

  /* The smallest size the window is meant for: longer labels must not
   * make it wider. */
  gtk_window_set_default_size (GTK_WINDOW (window), 800 + extra_width, 600 + extra_height);
  dm_test_settle (500);
  {
    g_autofree char *name = g_strdup_printf ("%s-small", expected->language);
    save_screenshot (name);
  }
  g_assert_cmpint (gtk_widget_get_width (root), ==, 800);
  g_assert_cmpint (gtk_widget_get_height (root), ==, 600);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH + extra_width, HEIGHT + extra_height);
  g_assert_true (dm_test_wait_for (window_ready, NULL, TIMEOUT_MS));
}

static gboolean
ignore_session_bus (const char     *log_domain,
                    GLogLevelFlags  log_level,
                    const char     *message,
                    gpointer        user_data)
{
  /* Xvfb has no session bus; GtkApplication says so and goes on. */
  return strstr (message, "session bus") == NULL;
}

int
main (int    argc,
      char **argv)
{
  gboolean tap = g_strv_contains ((const char * const *) argv, "--tap");
  const char *localedir = g_getenv ("DIPLOMAP_LOCALEDIR");
  const char *language = g_getenv ("LANGUAGE");
  g_autoptr(GError) error = NULL;
  int status;

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", FALSE);
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    if (g_strcmp0 (language, expectations[i].language) == 0)
      expected = &expectations[i];

  if (expected == NULL || localedir == NULL || setlocale (LC_ALL, "") == NULL)
    {
      g_print ("1..0 # SKIP needs LANGUAGE (de, fr, ru or hy), its UTF-8 locale and DIPLOMAP_LOCALEDIR\n");
      return tap ? 0 : 77;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP cannot open a display\n");
      return tap ? 0 : 77;
    }
  g_test_log_set_fatal_handler (ignore_session_bus, NULL);

  app = dm_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = dm_window_new (GTK_APPLICATION (app), dm_application_get_settings (app));
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (dm_window_load_sample_sync (window, &error));
  g_assert_no_error (error);
  g_assert_true (dm_test_wait_for (window_mapped, NULL, TIMEOUT_MS));
  dm_test_settle (200);
  extra_width = WIDTH - gtk_widget_get_width (GTK_WIDGET (window));
  extra_height = HEIGHT - gtk_widget_get_height (GTK_WIDGET (window));
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH + extra_width, HEIGHT + extra_height);
  g_assert_true (dm_test_wait_for (window_ready, NULL, TIMEOUT_MS));

  g_test_add_func ("/l10n/window/labels", test_labels);
  g_test_add_func ("/l10n/window/fits", test_fits);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  dm_test_settle (50);
  g_clear_object (&app);

  return status;
}
