/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the main window under Xvfb: the sample loads, the shared
 * selection drives the list, the text tags and the links panel, passages
 * are walked, opening and pasting go through the worker thread, and an
 * export from the window equals the command line's pixel for pixel.
 * Screenshots (light and dark, ARM selected, 1280×800) go to the meson log
 * folder, and to docs/ when DM_UPDATE_SCREENSHOTS=1.  Skips (77, or a TAP
 * skip plan) without a display. */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dm-actor-item.h"
#include "dm-actor-list.h"
#include "dm-about.h"
#include "dm-application.h"
#include "dm-article-view.h"
#include "dm-core.h"
#include "dm-export-dialog.h"
#include "dm-links-panel.h"
#include "dm-map-view-private.h"
#include "dm-preferences-window.h"
#include "dm-window.h"
#include "ui-test-support.h"

#define WIDTH 1280
#define HEIGHT 800
#define TIMEOUT_MS 20000

static DmApplication *app;
static DmWindow      *window;
/* What the default size adds to the window's own (the frame's borders). */
static int            extra_width, extra_height;

static DmAnalysis *
analysis (void)
{
  return dm_window_get_analysis (window);
}

static DmSelection *
selection (void)
{
  return dm_window_get_selection (window);
}

static int
actor_index (const char *code)
{
  int index = dm_gazetteer_lookup_code (dm_analysis_get_gazetteer (analysis ()), code);

  g_assert_cmpint (index, >=, 0);
  return index;
}

static gboolean
not_loading (gpointer data)
{
  return !dm_window_is_loading (window);
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

static gboolean
window_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (window)) && gtk_widget_get_width (GTK_WIDGET (window)) > 0;
}

static DmArticleView *
article_view (void)
{
  return DM_ARTICLE_VIEW (dm_window_get_article_view (window));
}

/* The ranges [start, end) of buffer characters that carry tag @name. */
static GArray *
tag_ranges (const char *name)
{
  GtkTextBuffer *buffer = dm_article_view_get_buffer (article_view ());
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (int));
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (!gtk_text_iter_starts_tag (&iter, tag))
    gtk_text_iter_forward_to_tag_toggle (&iter, tag);

  while (!gtk_text_iter_is_end (&iter))
    {
      int start = gtk_text_iter_get_offset (&iter);
      int end;

      gtk_text_iter_forward_to_tag_toggle (&iter, tag);
      end = gtk_text_iter_get_offset (&iter);
      g_array_append_val (ranges, start);
      g_array_append_val (ranges, end);
      if (!gtk_text_iter_forward_to_tag_toggle (&iter, tag))
        break;
    }

  return ranges;
}

static char *
buffer_slice (int start,
              int end)
{
  GtkTextBuffer *buffer = dm_article_view_get_buffer (article_view ());
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  return gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
}

static gboolean
ranges_contain (GArray *ranges,
                int     start,
                int     end)
{
  for (guint i = 0; i + 1 < ranges->len; i += 2)
    if (g_array_index (ranges, int, i) == start && g_array_index (ranges, int, i + 1) == end)
      return TRUE;
  return FALSE;
}

/* Adjacent ranges merge into one toggle span: merge the expectation too. */
static GArray *
merge_ranges (GArray *pairs)
{
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      int start = g_array_index (pairs, int, i);
      int end = g_array_index (pairs, int, i + 1);

      if (merged->len > 0 && g_array_index (merged, int, merged->len - 1) >= start)
        {
          int *last = &g_array_index (merged, int, merged->len - 1);
          *last = MAX (*last, end);
          continue;
        }
      g_array_append_val (merged, start);
      g_array_append_val (merged, end);
    }

  return merged;
}

static void
assert_ranges_equal (GArray *actual,
                     GArray *expected)
{
  g_assert_cmpuint (actual->len, ==, expected->len);
  for (guint i = 0; i < actual->len; i++)
    g_assert_cmpint (g_array_index (actual, int, i), ==, g_array_index (expected, int, i));
}

static void
select_in_list (const char *code)
{
  DmActorList *list = DM_ACTOR_LIST (dm_window_get_actor_list (window));
  GtkSingleSelection *model = GTK_SINGLE_SELECTION (dm_actor_list_get_model (list));
  int actor = actor_index (code);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      guint index;

      g_object_get (item, "actor", &index, NULL);
      if ((int) index == actor)
        {
          gtk_single_selection_set_selected (model, i);
          return;
        }
    }

  g_assert_not_reached ();
}

static void
test_sample_loaded (void)
{
  DmActorList *list = DM_ACTOR_LIST (dm_window_get_actor_list (window));
  GListModel *model = dm_actor_list_get_model (list);
  guint previous = G_MAXUINT;

  g_assert_nonnull (analysis ());
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, dm_analysis_get_n_actors (analysis ()));
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 8);

  /* Most mentioned first. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      guint n;

      g_object_get (item, "n-mentions", &n, NULL);
      g_assert_cmpuint (n, <=, previous);
      previous = n;
    }

  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)),
                                   "US Secretary of State Antony Blinken urges"));
  g_assert_cmpint (dm_selection_get_actor (selection ()), ==, -1);
}

static void
test_select_actor (void)
{
  int arm = actor_index ("ARM");
  const DmActorSummary *summary = dm_analysis_find_actor (analysis (), arm);
  const GArray *mentions = dm_analysis_get_mentions (analysis ());
  int base = dm_article_view_get_document_start (article_view (), 0);
  g_autoptr(GArray) expected_mentions = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) expected_passages = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) mention_ranges = NULL;
  g_autoptr(GArray) passage_ranges = NULL;
  g_autoptr(GArray) merged = NULL;
  g_autofree char *armenia = NULL;
  g_autofree char *prime_minister = NULL;
  int last_sentence = -1;

  select_in_list ("ARM");
  g_assert_cmpint (dm_selection_get_actor (selection ()), ==, arm);

  /* Every mention of ARM, exactly, from the analysis. */
  for (guint i = 0; i < summary->mentions->len; i++)
    {
      const DmMention *m = &g_array_index (mentions, DmMention, g_array_index (summary->mentions, guint, i));
      const DmSentence *s = &g_array_index (dm_analysis_get_sentences (analysis (), 0), DmSentence, m->sentence);
      DmDocument *document = dm_analysis_get_document (analysis (), 0);
      int start = base + dm_document_char_offset (document, m->start);
      int end = base + dm_document_char_offset (document, m->end);

      g_array_append_val (expected_mentions, start);
      g_array_append_val (expected_mentions, end);
      if ((int) m->sentence != last_sentence)
        {
          int s_start = base + dm_document_char_offset (document, s->start);
          int s_end = base + dm_document_char_offset (document, s->end);

          g_array_append_val (expected_passages, s_start);
          g_array_append_val (expected_passages, s_end);
          last_sentence = m->sentence;
        }
    }

  mention_ranges = tag_ranges ("mention");
  merged = merge_ranges (expected_mentions);
  assert_ranges_equal (mention_ranges, merged);
  g_assert_cmpuint (summary->mentions->len, ==, 14);

  /* A few known ones, by hand. */
  g_assert_true (ranges_contain (mention_ranges, 94, 101));
  armenia = buffer_slice (94, 101);
  g_assert_cmpstr (armenia, ==, "Armenia");
  g_assert_true (ranges_contain (mention_ranges, 1938, 1961));
  prime_minister = buffer_slice (1938, 1961);
  g_assert_cmpstr (prime_minister, ==, "Armenian Prime Minister");

  /* The sentences that mention ARM. */
  passage_ranges = tag_ranges ("passage");
  g_clear_pointer (&merged, g_array_unref);
  merged = merge_ranges (expected_passages);
  assert_ranges_equal (passage_ranges, merged);
  g_assert_cmpint (g_array_index (passage_ranges, int, 0), ==, 0);       /* the headline */
  g_assert_cmpint (g_array_index (passage_ranges, int, 1), ==, 101);
  g_assert_cmpuint (dm_article_view_get_n_passages (article_view ()), ==, expected_passages->len / 2);

  /* No link yet: no evidence tags. */
  {
    g_autoptr(GArray) evidence = tag_ranges ("evidence");
    g_assert_cmpuint (evidence->len, ==, 0);
  }
}

static gboolean
strv_has (GStrv       strv,
          const char *value)
{
  return g_strv_contains ((const char * const *) strv, value);
}

static void
test_links_panel (void)
{
  DmLinksPanel *panel = DM_LINKS_PANEL (dm_window_get_links_panel (window));
  g_auto(GStrv) rows = NULL;

  dm_selection_select_actor (selection (), actor_index ("ARM"));
  rows = dm_links_panel_dup_link_rows (panel);

  for (guint i = 0; rows[i] != NULL; i++)
    g_test_message ("link row: %s", rows[i]);

  g_assert_true (strv_has (rows, "consult — USA 1"));
  g_assert_true (strv_has (rows, "consult — EU 1"));
  g_assert_true (strv_has (rows, "tension — AZE 3"));
  g_assert_true (strv_has (rows, "negotiate — AZE 1"));
  g_assert_true (strv_has (rows, "fight — AZE 1"));
  g_assert_true (strv_has (rows, "aid ← USA 2"));
  g_assert_true (strv_has (rows, "aid ← EU 2"));
  g_assert_true (strv_has (rows, "tension — RUS 1"));
  g_assert_true (strv_has (rows, "accuse → AZE 1"));
  g_assert_true (strv_has (rows, "accuse ← AZE 1"));

  /* Every link of ARM, and no other. */
  {
    guint n = 0;
    for (guint i = 0; i < dm_analysis_get_n_links (analysis ()); i++)
      {
        const DmLink *link = dm_analysis_get_link (analysis (), i);
        n += (int) link->source == actor_index ("ARM") || (int) link->target == actor_index ("ARM");
      }
    g_assert_cmpuint (g_strv_length (rows), ==, n);
  }
}

static void
test_link_evidence (void)
{
  DmLinksPanel *panel = DM_LINKS_PANEL (dm_window_get_links_panel (window));
  int arm = actor_index ("ARM");
  g_auto(GStrv) rows = NULL;
  g_auto(GStrv) evidence_rows = NULL;
  g_autoptr(GArray) evidence = NULL;
  g_autoptr(GArray) cues = NULL;
  g_autoptr(GArray) expected_evidence = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) expected_cues = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) merged = NULL;
  const DmLink *link;
  int row = -1;
  int base = dm_article_view_get_document_start (article_view (), 0);

  dm_selection_select_actor (selection (), arm);
  rows = dm_links_panel_dup_link_rows (panel);
  for (guint i = 0; rows[i] != NULL; i++)
    if (g_str_equal (rows[i], "tension — AZE 3"))
      row = i;
  g_assert_cmpint (row, >=, 0);

  /* A click on the row selects the link and keeps the actor. */
  dm_links_panel_activate_row (panel, row);
  g_assert_cmpint (dm_selection_get_actor (selection ()), ==, arm);
  g_assert_cmpint (dm_selection_get_link (selection ()), >=, 0);
  link = dm_analysis_get_link (analysis (), dm_selection_get_link (selection ()));
  g_assert_cmpint (link->kind, ==, DM_LINK_TENSION);
  g_assert_cmpuint (link->weight, ==, 3);

  for (guint i = 0; i < link->weight; i++)
    {
      const DmEvidence *e = &link->evidence[i];
      DmDocument *document = dm_analysis_get_document (analysis (), e->doc);
      int v[4] = {
        base + (int) dm_document_char_offset (document, e->start), base + (int) dm_document_char_offset (document, e->end),
        base + (int) dm_document_char_offset (document, e->cue_start), base + (int) dm_document_char_offset (document, e->cue_end),
      };

      g_array_append_vals (expected_evidence, v, 2);
      g_array_append_vals (expected_cues, v + 2, 2);
    }

  evidence = tag_ranges ("evidence");
  merged = merge_ranges (expected_evidence);
  assert_ranges_equal (evidence, merged);
  cues = tag_ranges ("cue");
  g_clear_pointer (&merged, g_array_unref);
  merged = merge_ranges (expected_cues);
  assert_ranges_equal (cues, merged);
  {
    g_autofree char *cue = buffer_slice (g_array_index (cues, int, 0), g_array_index (cues, int, 1));
    g_assert_cmpstr (cue, ==, "tensions");
  }
  /* Passages are now the evidence, not the mentions' sentences. */
  {
    g_autoptr(GArray) passages = tag_ranges ("passage");
    g_assert_cmpuint (passages->len, ==, 0);
    g_assert_cmpuint (dm_article_view_get_n_passages (article_view ()), ==, 3);
  }

  evidence_rows = dm_links_panel_dup_evidence_rows (panel);
  g_assert_cmpuint (g_strv_length (evidence_rows), ==, 3);
  for (guint i = 0; evidence_rows[i] != NULL; i++)
    {
      g_test_message ("evidence: %s", evidence_rows[i]);
      g_assert_true (g_str_has_prefix (evidence_rows[i], "rule tension."));
      g_assert_true (g_str_has_suffix (evidence_rows[i], ": “tensions”"));
    }

  /* Back to the links: the link goes, the actor stays. */
  gtk_widget_activate_action (GTK_WIDGET (panel), "links.back", NULL);
  g_assert_cmpint (dm_selection_get_link (selection ()), ==, -1);
  g_assert_cmpint (dm_selection_get_actor (selection ()), ==, arm);
  {
    g_auto(GStrv) after = dm_links_panel_dup_link_rows (panel);
    g_assert_cmpuint (g_strv_length (after), ==, g_strv_length (rows));
  }

  /* The USA's appeal shows the rule of the brief's example. */
  dm_selection_select_actor (selection (), actor_index ("USA"));
  {
    g_auto(GStrv) usa_rows = dm_links_panel_dup_link_rows (panel);
    g_auto(GStrv) why = NULL;
    int appeal = -1;

    for (guint i = 0; usa_rows[i] != NULL; i++)
      if (g_str_equal (usa_rows[i], "appeal → AZE 2"))
        appeal = i;
    g_assert_cmpint (appeal, >=, 0);
    dm_links_panel_activate_row (panel, appeal);
    why = dm_links_panel_dup_evidence_rows (panel);
    g_assert_cmpstr (why[0], ==, "rule appeal.urge: “urges”");
  }
}

static void
test_passages (void)
{
  DmArticleView *view = article_view ();
  g_autoptr(GArray) passages = NULL;
  guint n;

  dm_selection_select_actor (selection (), actor_index ("ARM"));
  passages = tag_ranges ("passage");
  n = dm_article_view_get_n_passages (view);
  g_assert_cmpuint (n, >=, 3);

  /* Selecting moves the cursor to the first passage. */
  g_assert_cmpint (dm_article_view_get_cursor (view), ==, g_array_index (passages, int, 0));

  /* Next passage: the next sentence that mentions ARM; passages that touch
   * merge into one tag span, so compare with the starts the view keeps. */
  g_assert_true (dm_article_view_next_passage (view));
  {
    int cursor = dm_article_view_get_cursor (view);
    GtkTextBuffer *buffer = dm_article_view_get_buffer (view);
    GtkTextIter iter;
    GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "passage");

    g_assert_cmpint (cursor, >, g_array_index (passages, int, 0));
    gtk_text_buffer_get_iter_at_offset (buffer, &iter, cursor);
    g_assert_true (gtk_text_iter_has_tag (&iter, tag));
    /* The second ARM sentence is the standfirst, line 2. */
    g_assert_cmpint (cursor, ==, 102);
  }

  /* F3 through the window action, then Shift+F3 back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-passage", NULL);
  g_assert_cmpint (dm_article_view_get_cursor (view), >, 102);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-passage", NULL);
  g_assert_cmpint (dm_article_view_get_cursor (view), ==, 102);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-passage", NULL);
  g_assert_cmpint (dm_article_view_get_cursor (view), ==, 0);
  /* It wraps around. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-passage", NULL);
  g_assert_cmpint (dm_article_view_get_cursor (view), >, 102);
}

static void
test_shared_selection (void)
{
  DmActorList *list = DM_ACTOR_LIST (dm_window_get_actor_list (window));

  /* As a map click does: through the shared selection only. */
  dm_selection_select_actor (selection (), actor_index ("AZE"));
  g_assert_cmpint (dm_actor_list_get_selected_actor (list), ==, actor_index ("AZE"));
  {
    g_autoptr(GArray) mentions = tag_ranges ("mention");
    g_autofree char *first = buffer_slice (g_array_index (mentions, int, 0), g_array_index (mentions, int, 1));
    g_assert_cmpstr (first, ==, "Azerbaijani President");
  }

  /* Clicking the sea clears it: no row, no tags. */
  dm_selection_clear (selection ());
  g_assert_cmpint (dm_actor_list_get_selected_actor (list), ==, -1);
  {
    g_autoptr(GArray) mentions = tag_ranges ("mention");
    g_autoptr(GArray) passages = tag_ranges ("passage");
    g_assert_cmpuint (mentions->len, ==, 0);
    g_assert_cmpuint (passages->len, ==, 0);
  }

  /* Escape clears it too. */
  dm_selection_select_actor (selection (), actor_index ("RUS"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-selection", NULL);
  g_assert_cmpint (dm_selection_get_actor (selection ()), ==, -1);
}

static void
test_search (void)
{
  DmActorList *list = DM_ACTOR_LIST (dm_window_get_actor_list (window));
  GListModel *model = dm_actor_list_get_model (list);

  dm_selection_select_actor (selection (), actor_index ("ARM"));

  dm_actor_list_set_search (list, "arm");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  dm_actor_list_set_search (list, "usa");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  /* Hiding the selected row does not unselect the actor. */
  g_assert_cmpint (dm_selection_get_actor (selection ()), ==, actor_index ("ARM"));
  dm_actor_list_set_search (list, "UNITED");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);  /* States, Nations */
  dm_actor_list_set_search (list, "zzz");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  dm_actor_list_set_search (list, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, dm_analysis_get_n_actors (analysis ()));
  g_assert_cmpint (dm_actor_list_get_selected_actor (list), ==, actor_index ("ARM"));

  /* Ctrl+F focuses the entry. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  g_assert_true (GTK_IS_EDITABLE (gtk_root_get_focus (GTK_ROOT (window))) ||
                 GTK_IS_TEXT (gtk_root_get_focus (GTK_ROOT (window))));
  dm_selection_clear (selection ());
}

/* The dialogs build from their templates without a warning (which the
 * test would make fatal), and the export dialog describes a job. */
/* The About window shows what the metainfo says, read from the file
 * itself here. */
static void
test_about_from_metainfo (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("DM_SOURCE_ROOT"), "data",
                                            "io.github.diplomap.Diplomap.metainfo.xml.in", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *release = NULL;
  g_autoptr (GError) error = NULL;
  DmAboutInfo info;
  GtkWidget *about;
  char *comments = NULL, *version = NULL;

  if (g_getenv ("DM_SOURCE_ROOT") == NULL)
    {
      g_test_skip ("DM_SOURCE_ROOT is not set");
      return;
    }
  g_assert_true (g_file_get_contents (path, &xml, NULL, &error));
  g_assert_true (dm_about_info_load (&info, &error));
  g_assert_no_error (error);

  summary = g_strdup_printf ("<summary>%s</summary>", info.summary);
  release = g_strdup_printf ("<release version=\"%s\"", info.version);
  g_assert_nonnull (strstr (xml, summary));
  g_assert_nonnull (strstr (xml, release));
  g_assert_cmpstr (info.name, ==, "Diplomap");
  g_assert_true (g_str_has_prefix (info.homepage, "https://"));
  g_assert_true (g_str_has_prefix (info.release_notes, "<p>"));

  about = dm_about_present (GTK_WINDOW (window));
  dm_test_settle (100);
  g_object_get (about, "comments", &comments, "version", &version, NULL);
  g_assert_cmpstr (comments, ==, info.summary);
  g_assert_cmpstr (version, ==, info.version);
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_force_close (ADW_DIALOG (about));
#else
  gtk_window_destroy (GTK_WINDOW (about));
#endif
  g_free (comments);
  g_free (version);
  dm_about_info_clear (&info);
}

static void
test_dialogs (void)
{
  GtkWidget *prefs = dm_preferences_window_new (GTK_WINDOW (window), dm_application_get_settings (app));
  GtkWidget *dialog;
  GtkShortcutsWindow *overlay;
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                "win.show-help-overlay");
  DmViewport screen;
  DmExportJob job;

  /* The shortcuts window is built when first asked for, then kept. */
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  dm_test_settle (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  gtk_window_close (GTK_WINDOW (overlay));
  dm_test_settle (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);
  dm_test_settle (50);
  gtk_window_close (GTK_WINDOW (overlay));
  dm_test_settle (50);

  gtk_window_present (GTK_WINDOW (prefs));
  dm_test_settle (100);
  g_settings_set_string (dm_application_get_settings (app), "style", "dark");
  dm_test_settle (50);
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  g_settings_set_string (dm_application_get_settings (app), "style", "follow");
  dm_test_settle (50);
  gtk_window_destroy (GTK_WINDOW (prefs));

  dm_map_view_get_viewport (DM_MAP_VIEW (dm_window_get_map_view (window)), &screen);
  g_assert_cmpint (screen.width, >, 0);
  dialog = dm_export_dialog_new (GTK_WINDOW (window), &screen, "sample");
  gtk_window_present (GTK_WINDOW (dialog));
  dm_test_settle (100);
  dm_export_dialog_get_job (DM_EXPORT_DIALOG (dialog), &job);
  g_assert_cmpint (job.format, ==, DM_EXPORT_FORMAT_PNG);
  g_assert_cmpint (job.width, ==, 1920);
  g_assert_cmpint (job.height, ==, 1080);
  g_assert_cmpfloat (job.scale, ==, 1.0);
  g_assert_cmpfloat (job.viewport.center_lat, ==, screen.center_lat);

  /* The graph formats follow the images, in DmExportFormat's order; they
   * have no size nor scale, and the job writes the analysis's graph. */
  {
    AdwComboRow *format_row = ADW_COMBO_ROW (gtk_widget_get_template_child (dialog, DM_TYPE_EXPORT_DIALOG,
                                                                            "format_row"));
    GtkWidget *size_row = GTK_WIDGET (gtk_widget_get_template_child (dialog, DM_TYPE_EXPORT_DIALOG, "size_row"));
    GtkWidget *scale_row = GTK_WIDGET (gtk_widget_get_template_child (dialog, DM_TYPE_EXPORT_DIALOG, "scale_row"));
    const DmExportFormat graphs[] = { DM_EXPORT_FORMAT_GEXF, DM_EXPORT_FORMAT_GRAPHML, DM_EXPORT_FORMAT_CSV };
    g_autoptr(GError) error = NULL;
    g_autofree char *dir = g_dir_make_tmp ("diplomap-dialog-XXXXXX", &error);
    g_autofree char *path = NULL;
    g_autofree char *nodes = NULL;
    g_autofree char *edges = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (format_row)), ==, 6);
    g_assert_true (gtk_widget_get_sensitive (size_row));
    for (guint i = 0; i < G_N_ELEMENTS (graphs); i++)
      {
        adw_combo_row_set_selected (format_row, graphs[i]);
        dm_export_dialog_get_job (DM_EXPORT_DIALOG (dialog), &job);
        g_assert_cmpint (job.format, ==, graphs[i]);
        g_assert_false (gtk_widget_get_sensitive (size_row));
        g_assert_false (gtk_widget_get_sensitive (scale_row));
      }

    /* CSV is selected: the job writes the pair */
    path = g_build_filename (dir, "sample.csv", NULL);
    dm_graph_csv_paths (path, &nodes, &edges);
    g_assert_true (dm_export_job_run (&job, dm_window_get_analysis (window), path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (nodes, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (edges, G_FILE_TEST_IS_REGULAR));
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_unlink (nodes);
    g_unlink (edges);
    g_rmdir (dir);

    adw_combo_row_set_selected (format_row, DM_EXPORT_FORMAT_PNG);
    g_assert_true (gtk_widget_get_sensitive (size_row));
    g_assert_true (gtk_widget_get_sensitive (scale_row));
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  dm_test_settle (50);
}

static void
test_adapt_viewport (void)
{
  DmViewport screen, out;

  dm_viewport_init (&screen, 40.5, 45.5, 5.0, 960, 540, 1.0);
  dm_export_adapt_viewport (&screen, 960, 540, &out);
  g_assert_cmpfloat (out.zoom, ==, 5.0);
  dm_export_adapt_viewport (&screen, 3840, 2160, &out);
  g_assert_cmpfloat_with_epsilon (out.zoom, 7.0, 1e-9);
  g_assert_cmpfloat (out.center_lat, ==, 40.5);
  g_assert_cmpfloat (out.center_lon, ==, 45.5);
  g_assert_cmpint (out.width, ==, 3840);
  /* A wider picture keeps the whole height: the smaller ratio wins. */
  dm_export_adapt_viewport (&screen, 1920, 540, &out);
  g_assert_cmpfloat (out.zoom, ==, 5.0);
  /* Clamped. */
  dm_export_adapt_viewport (&screen, 16384, 9216, &out);
  g_assert_cmpfloat (out.zoom, <=, DM_VIEWPORT_MAX_ZOOM);
}

static cairo_surface_t *
load_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

/* Tolerance: no channel of any pixel may differ by more than 2 of 255 —
 * both sides run the same drawing code, so in practice they are equal. */
static void
assert_same_pixels (cairo_surface_t *a,
                    cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  int max_diff = 0;
  guint64 differing = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  cairo_surface_flush (a);
  cairo_surface_flush (b);

  for (int y = 0; y < height; y++)
    {
      const guint8 *ra = cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a);
      const guint8 *rb = cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b);

      for (int x = 0; x < width * 4; x++)
        {
          int d = ABS ((int) ra[x] - (int) rb[x]);
          max_diff = MAX (max_diff, d);
          differing += d != 0;
        }
    }

  g_test_message ("export vs command line: %" G_GUINT64_FORMAT " differing channels, max %d",
                  differing, max_diff);
  g_assert_cmpint (max_diff, <=, 2);
}

typedef struct {
  gboolean done;
  gboolean ok;
} ExportWait;

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ExportWait *wait = user_data;
  g_autoptr(GError) error = NULL;

  wait->ok = dm_export_job_run_finish (result, &error);
  g_assert_no_error (error);
  wait->done = TRUE;
}

static gboolean
export_done (gpointer data)
{
  return ((ExportWait *) data)->done;
}

static void
test_export_matches_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("diplomap-window-XXXXXX", NULL);
  g_autofree char *window_png = g_build_filename (dir, "window.png", NULL);
  g_autofree char *cli_png = g_build_filename (dir, "cli.png", NULL);
  g_autofree char *sample = g_build_filename (g_getenv ("DM_SOURCE_ROOT"), "data", "articles",
                                              "blinken-aliyev-call.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  cairo_surface_t *a, *b;
  DmExportJob job = { 0 };
  int status = 0;
  const char *argv[] = {
    g_getenv ("DIPLOMAP"), "--export", cli_png, "--size", "800x500",
    "--center", "40.5,45.5", "--zoom", "5.5", "--select", "ARM", sample, NULL
  };

  if (g_getenv ("DIPLOMAP") == NULL || g_getenv ("DM_SOURCE_ROOT") == NULL)
    {
      g_test_skip ("DIPLOMAP and DM_SOURCE_ROOT are not set");
      return;
    }

  /* The window's export path, driven with a fixed viewport and size. */
  dm_selection_select_actor (selection (), actor_index ("ARM"));
  job.format = DM_EXPORT_FORMAT_PNG;
  job.width = 800;
  job.height = 500;
  job.scale = 1.0;
  dm_viewport_init (&job.viewport, 40.5, 45.5, 5.5, 800, 500, 1.0);
  dm_window_fill_export_job (window, &job);
  g_assert_cmpint (job.selection.actor, ==, actor_index ("ARM"));
  g_assert_false (job.options.dark);
  g_assert_true (dm_export_job_run (&job, analysis (), window_png, &error));
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                &status, &error);
  g_assert_no_error (error);
  if (status != 0)
    g_test_message ("diplomap --export: %s", err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  a = load_png (window_png);
  b = load_png (cli_png);
  assert_same_pixels (a, b);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);

  /* And through the thread, as the dialog does. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (window_png);
    ExportWait wait = { FALSE, FALSE };

    g_remove (window_png);
    dm_export_job_run_async (&job, analysis (), file, NULL, on_export_done_cb, &wait);
    g_assert_true (dm_test_wait_for (export_done, &wait, TIMEOUT_MS));
    g_assert_true (wait.ok);
  }
  a = load_png (window_png);
  b = load_png (cli_png);
  assert_same_pixels (a, b);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);

  g_remove (window_png);
  g_remove (cli_png);
  g_rmdir (dir);
  dm_selection_clear (selection ());
}

/* The first visible label under @widget whose text holds @text, or NULL. */
static GtkWidget *
find_label_with (GtkWidget  *widget,
                 const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_label (gpointer data)
{
  return find_label_with (GTK_WIDGET (window), data) != NULL;
}

static void
test_open_errors (void)
{
  DmAnalysis *before = analysis ();
  g_autofree char *dir = g_dir_make_tmp ("diplomap-window-XXXXXX", NULL);
  g_autofree char *binary = g_build_filename (dir, "binary.txt", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/article.txt");
  g_autoptr(GFile) binary_file = g_file_new_for_path (binary);

  g_assert_true (g_file_set_contents (binary, "\x00\x01\x02PK\x03\x04\x00\x00", 10, NULL));

  dm_window_open_files (window, &missing, 1);
  g_assert_true (dm_window_is_loading (window));
  g_assert_true (dm_test_wait_for (not_loading, NULL, TIMEOUT_MS));
  g_assert_true (analysis () == before);

  dm_window_open_files (window, &binary_file, 1);
  g_assert_true (dm_test_wait_for (not_loading, NULL, TIMEOUT_MS));
  g_assert_true (analysis () == before);

  /* Nesting that crashed json-glib (and the window with it) comes back
   * from the loading thread as a toast that says where and why. */
  {
    g_autofree char *deep = g_build_filename (dir, "Q&A <deep>.json", NULL);
    g_autoptr(GFile) deep_file = g_file_new_for_path (deep);
    g_autofree char *expected = g_strdup_printf (
      "%s: JSON nested too deeply at line 1, column 257: more than 256 levels", deep);
    g_autofree char *brackets = g_malloc (100001);

    memset (brackets, '[', 100000);
    brackets[100000] = '\0';
    g_assert_true (g_file_set_contents (deep, brackets, -1, NULL));

    dm_window_open_files (window, &deep_file, 1);
    g_assert_true (dm_test_wait_for (not_loading, NULL, TIMEOUT_MS));
    g_assert_true (analysis () == before);
    g_assert_true (dm_test_wait_for (has_label, expected, TIMEOUT_MS));
    g_remove (deep);
  }

  g_remove (binary);
  g_rmdir (dir);
}

static void
test_open_newest_wins (void)
{
  g_autofree char *dir = g_dir_make_tmp ("diplomap-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "talks.txt", NULL);
  g_autoptr(GFile) sample = g_file_new_for_uri (DM_SAMPLE_URI);
  g_autoptr(GFile) talks = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, "Georgia and Turkey held talks in Tbilisi.\n", -1, NULL));

  /* The second open cancels the first; only the second is shown. */
  dm_window_open_files (window, &sample, 1);
  dm_window_open_files (window, &talks, 1);
  g_assert_true (dm_test_wait_for (not_loading, NULL, TIMEOUT_MS));
  g_assert_cmpuint (dm_analysis_get_n_documents (analysis ()), ==, 1);
  g_assert_cmpstr (dm_document_get_id (dm_analysis_get_document (analysis (), 0)), ==, "talks");
  g_assert_nonnull (dm_analysis_find_actor (analysis (), actor_index ("GEO")));

  /* Pasted text goes the same way. */
  dm_window_open_text (window, "Armenia and Azerbaijan resumed peace negotiations in Brussels.");
  g_assert_true (dm_test_wait_for (not_loading, NULL, TIMEOUT_MS));
  g_assert_nonnull (dm_analysis_find_actor (analysis (), actor_index ("ARM")));
  g_assert_cmpuint (dm_analysis_get_n_links (analysis ()), >=, 1);

  g_remove (path);
  g_rmdir (dir);

  g_assert_true (dm_window_load_sample_sync (window, NULL));
}

static gboolean
window_done_loading (gpointer data)
{
  return !dm_window_is_loading (DM_WINDOW (data));
}

static gboolean
map_done_loading (gpointer data)
{
  return !dm_map_view_is_loading (DM_MAP_VIEW (data));
}

/* At startup the last session is opened before the window is shown: the
 * open waits for the window's first frame, then fills it, and the map
 * draws no basemap before the analysis tints it.  A window that is never
 * shown gets its documents all the same. */
static void
test_open_before_first_frame (void)
{
  DmWindow *shown = dm_window_new (GTK_APPLICATION (app), dm_application_get_settings (app));
  DmWindow *hidden = dm_window_new (GTK_APPLICATION (app), dm_application_get_settings (app));
  DmMapView *map = DM_MAP_VIEW (dm_window_get_map_view (shown));

  dm_window_open_sample (shown);
  dm_window_open_sample (hidden);
  g_assert_true (dm_window_is_loading (shown));
  g_assert_true (dm_map_view_is_loading (map));
  gtk_window_present (GTK_WINDOW (shown));
  g_assert_null (dm_window_get_analysis (shown));

  g_assert_true (dm_test_wait_for (window_done_loading, shown, TIMEOUT_MS));
  g_assert_nonnull (dm_window_get_analysis (shown));
  g_assert_cmpuint (dm_analysis_get_n_actors (dm_window_get_analysis (shown)), ==,
                    dm_analysis_get_n_actors (analysis ()));
  g_assert_true (dm_test_wait_for (map_done_loading, map, TIMEOUT_MS));
  g_assert_cmpuint (dm_basemap_source_get_n_filled (dm_map_view_get_basemap_source (map)), >, 0);
  /* The basemap came back under the relationship view. */
  g_assert_null (gtk_widget_get_next_sibling (GTK_WIDGET (dm_map_view_get_relation_layer (map))));

  g_assert_true (dm_test_wait_for (window_done_loading, hidden, TIMEOUT_MS));
  g_assert_nonnull (dm_window_get_analysis (hidden));

  gtk_window_destroy (GTK_WINDOW (shown));
  gtk_window_destroy (GTK_WINDOW (hidden));
  dm_test_settle (50);
}

/* The window as drawn, through the renderer the window itself uses. */
static void
save_screenshot_full (const char *name,
                      gboolean    docs_too)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));
  g_autofree char *file = g_strdup_printf ("screenshot-%s.png", name);
  g_autofree char *logs = g_build_filename (g_getenv ("MESON_BUILD_ROOT") != NULL
                                            ? g_getenv ("MESON_BUILD_ROOT")
                                            : g_test_get_dir (G_TEST_BUILT), "..", "meson-logs", NULL);
  g_autofree char *log_path = NULL;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_mkdir_with_parents (logs, 0755);
  log_path = g_build_filename (logs, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, log_path));
  g_test_message ("screenshot: %s", log_path);

  if (docs_too && g_strcmp0 (g_getenv ("DM_UPDATE_SCREENSHOTS"), "1") == 0 &&
      g_getenv ("DM_SOURCE_ROOT") != NULL)
    {
      g_autofree char *docs = g_build_filename (g_getenv ("DM_SOURCE_ROOT"), "docs", file, NULL);
      g_assert_true (gdk_texture_save_to_png (texture, docs));
    }
}

static void
save_screenshot (const char *name)
{
  save_screenshot_full (name, FALSE);
}

static void
test_screenshots (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  dm_selection_select_actor (selection (), actor_index ("ARM"));
  g_assert_true (dm_test_wait_for (window_ready, NULL, TIMEOUT_MS));
  dm_test_settle (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, WIDTH);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, HEIGHT);
  save_screenshot_full ("light", TRUE);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  dm_test_settle (100);
  g_assert_true (dm_test_wait_for (window_ready, NULL, TIMEOUT_MS));
  dm_test_settle (300);
  save_screenshot_full ("dark", TRUE);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  dm_test_settle (100);

  /* A link with its evidence (the log folder only). */
  {
    DmLinksPanel *panel = DM_LINKS_PANEL (dm_window_get_links_panel (window));
    g_auto(GStrv) rows = dm_links_panel_dup_link_rows (panel);

    for (guint i = 0; rows[i] != NULL; i++)
      if (g_str_equal (rows[i], "tension — AZE 3"))
        dm_links_panel_activate_row (panel, i);
    g_assert_cmpint (dm_selection_get_link (selection ()), >=, 0);
    dm_test_settle (300);
    g_assert_true (dm_test_wait_for (window_ready, NULL, TIMEOUT_MS));
    dm_test_settle (300);
    save_screenshot ("link");
  }

  /* The smallest size it is meant for: the panes stack. */
  gtk_window_set_default_size (GTK_WINDOW (window), 800 + extra_width, 600 + extra_height);
  dm_test_settle (500);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, 800);
  save_screenshot ("small");
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH + extra_width, HEIGHT + extra_height);
  g_assert_true (dm_test_wait_for (window_ready, NULL, TIMEOUT_MS));
  dm_selection_clear (selection ());
}


/* A world-scale article (tests/data: 40 actors, 29 of them far from the
 * Caucasus) through --actors: the list sorted and searched by alias, an
 * edge pin selected by a click on it or on its label, and the window's
 * screenshot with India's pin selected. */
static void
test_world (void)
{
  g_autofree char *root = g_strdup (g_getenv ("DM_SOURCE_ROOT"));
  g_autoptr(GFile) actors = NULL;
  g_autoptr(GFile) article = NULL;
  DmWindow *main_window = window;
  DmActorList *list;
  GListModel *model;
  DmMapView *map;
  const DmRelationLayout *layout;
  const DmRelationNode *node;
  const struct { const char *search; const char *code; } by_alias[] = {
    { "Modi", "IND" }, { "xi jinping", "CHN" }, { "KISHIDA", "JPN" }, { "brasília", "BRA" },
    { "Red Cross", "ICRC" }, { "UAE", "ARE" }, { "Lukashenko", "BLR" }, { "Kremlin", "RUS" },
  };
  guint previous = G_MAXUINT;
  double pin_x, pin_y;
  int india;

  if (root == NULL)
    {
      g_test_skip ("DM_SOURCE_ROOT is not set");
      return;
    }
  actors = g_file_new_build_filename (root, "tests", "data", "world-actors.json", NULL);
  article = g_file_new_build_filename (root, "tests", "data", "world-article.txt", NULL);

  /* a window of its own, at the main one's size: none of the other
   * tests' toasts in its screenshot; the helpers read `window` */
  window = dm_window_new (GTK_APPLICATION (app), dm_application_get_settings (app));
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH + extra_width, HEIGHT + extra_height);
  list = DM_ACTOR_LIST (dm_window_get_actor_list (window));
  model = dm_actor_list_get_model (list);
  map = DM_MAP_VIEW (dm_window_get_map_view (window));
  dm_window_set_actors_file (window, actors);
  dm_window_open_files (window, &article, 1);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (dm_test_wait_for (not_loading, NULL, TIMEOUT_MS));
  g_assert_true (dm_test_wait_for (window_ready, NULL, TIMEOUT_MS));
  g_assert_cmpuint (dm_analysis_get_n_actors (analysis ()), ==, 40);
  india = actor_index ("IND");

  /* every actor a row, most mentioned first */
  dm_actor_list_set_search (list, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 40);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DmActorItem) item = g_list_model_get_item (model, i);

      g_assert_cmpuint (dm_actor_item_get_n_mentions (item), <=, previous);
      previous = dm_actor_item_get_n_mentions (item);
    }

  /* by alias (office holders, capitals, short forms), in any case */
  for (guint i = 0; i < G_N_ELEMENTS (by_alias); i++)
    {
      g_autoptr(DmActorItem) item = NULL;

      dm_actor_list_set_search (list, by_alias[i].search);
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
      item = g_list_model_get_item (model, 0);
      g_assert_cmpstr (dm_actor_item_get_code (item), ==, by_alias[i].code);
    }
  /* by name and code as before */
  dm_actor_list_set_search (list, "south");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);  /* Africa, Korea */
  dm_actor_list_set_search (list, "sco");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  dm_actor_list_set_search (list, "");

  /* India's pin, on the map's edge: a click on it selects India, in the
   * list too; so does a click on its label */
  layout = dm_relation_layer_get_layout (dm_map_view_get_relation_layer (map));
  g_assert_nonnull (layout);
  node = dm_relation_layout_find_node (layout, india);
  g_assert_nonnull (node);
  g_assert_true (node->pinned);
  g_assert_true (node->has_label);
  pin_x = node->x, pin_y = node->y;
  dm_map_view_click_at (map, node->x, node->y, 1);
  g_assert_cmpint (dm_selection_get_actor (selection ()), ==, india);
  g_assert_cmpint (dm_actor_list_get_selected_actor (list), ==, india);

  dm_selection_clear (selection ());
  layout = dm_relation_layer_get_layout (dm_map_view_get_relation_layer (map));
  node = dm_relation_layout_find_node (layout, india);
  dm_map_view_click_at (map, (node->label.x0 + node->label.x1) / 2,
                        (node->label.y0 + node->label.y1) / 2, 1);
  g_assert_cmpint (dm_selection_get_actor (selection ()), ==, india);

  /* selecting it moves no pin */
  {
    const DmRelationNode *selected =
      dm_relation_layout_find_node (dm_relation_layer_get_layout (dm_map_view_get_relation_layer (map)), india);

    g_assert_true (selected->emphasized);
    g_assert_cmpfloat (selected->x, ==, pin_x);
    g_assert_cmpfloat (selected->y, ==, pin_y);
  }

  dm_test_settle (300);
  g_assert_true (dm_test_wait_for (map_done_loading, map, TIMEOUT_MS));
  g_assert_true (dm_test_wait_for (window_ready, NULL, TIMEOUT_MS));
  dm_test_settle (300);
  save_screenshot_full ("offmap-pins", TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
  window = main_window;
  dm_test_settle (50);
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
  g_autoptr(GError) error = NULL;
  int status;

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", FALSE);
  g_test_init (&argc, &argv, NULL);

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
  /* The default size counts the frame's invisible resize borders: make
   * the window itself WIDTH × HEIGHT. */
  dm_test_settle (200);
  extra_width = WIDTH - gtk_widget_get_width (GTK_WIDGET (window));
  extra_height = HEIGHT - gtk_widget_get_height (GTK_WIDGET (window));
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH + extra_width, HEIGHT + extra_height);
  g_assert_true (dm_test_wait_for (window_ready, NULL, TIMEOUT_MS));

  g_test_add_func ("/ui/window/sample-loaded", test_sample_loaded);
  g_test_add_func ("/ui/window/select-actor", test_select_actor);
  g_test_add_func ("/ui/window/links-panel", test_links_panel);
  g_test_add_func ("/ui/window/link-evidence", test_link_evidence);
  g_test_add_func ("/ui/window/passages", test_passages);
  g_test_add_func ("/ui/window/shared-selection", test_shared_selection);
  g_test_add_func ("/ui/window/search", test_search);
  g_test_add_func ("/ui/window/screenshots", test_screenshots);
  g_test_add_func ("/ui/window/dialogs", test_dialogs);
  g_test_add_func ("/ui/window/about-from-metainfo", test_about_from_metainfo);
  g_test_add_func ("/ui/window/adapt-viewport", test_adapt_viewport);
  g_test_add_func ("/ui/window/export-matches-cli", test_export_matches_cli);
  g_test_add_func ("/ui/window/open-errors", test_open_errors);
  g_test_add_func ("/ui/window/open-newest-wins", test_open_newest_wins);
  g_test_add_func ("/ui/window/open-before-first-frame", test_open_before_first_frame);
  g_test_add_func ("/ui/window/world", test_world);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  dm_test_settle (50);
  g_clear_object (&app);

  return status;
}
