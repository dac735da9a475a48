/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-window.c: the main window.
 *
 * The window owns the one DmSelection and hands it to the actor list, the
 * map, the article and the links panel; none of them talks to another.
 * Opening runs the loader and the analysis in a GTask thread: each open
 * gets a fresh GCancellable and cancels the one before, and a result that
 * is no longer the newest is dropped.  An open asked for before the
 * window's first frame (the last session, at startup) starts right after
 * that frame, so that the window shows as soon as GTK can draw it.  The
 * panes are laid out side by side when the window is wide and stacked
 * when it is narrow; their positions, the window's size and the map's
 * view are saved when the window closes. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dm-actor-list.h"
#include "dm-article-view.h"
#include "dm-core.h"
#include "dm-countries.h"
#include "dm-export-dialog.h"
#include "dm-links-panel.h"
#include "dm-map-view.h"
#include "dm-window.h"

/* At this width and above, map and article stand side by side. */
#define WIDE_WIDTH 1100
#define MAX_RECENT 10
#define SPINNER_DELAY_MS 300

struct _DmWindow
{
  AdwApplicationWindow parent_instance;

  /* template */
  AdwWindowTitle  *window_title;
  GtkSpinner      *spinner;
  AdwToastOverlay *toast_overlay;
  GtkPaned        *sidebar_paned;
  GtkPaned        *content_paned;
  GtkPaned        *detail_paned;
  DmActorList     *actor_list;
  DmMapView       *map_view;
  DmArticleView   *article_view;
  DmLinksPanel    *links_panel;
  GMenu           *recent_section;

  GSettings       *settings;
  DmSelection     *selection;
  DmAnalysis      *analysis;
  GCancellable    *load_cancellable;

  /* An open waits for the window's first frame (see start_load). */
  gulong           after_paint_id;
  guint            held_idle;
  gboolean         drawn;
  GTask           *held_load;

  guint            layout_idle;
  guint            spinner_timeout;
  gboolean         wide;
  gboolean         laid_out;
  GFile           *actors_file;   /* --actors, or NULL */
};

G_DEFINE_FINAL_TYPE (DmWindow, dm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Loading */

typedef struct {
  GPtrArray *files;     /* GFile, or NULL */
  char      *text;      /* pasted text, or NULL */
  gboolean   restoring; /* reopening the last session */
  GFile     *actors;    /* actors to add or override, or NULL */
} LoadData;

typedef struct {
  DmAnalysis *analysis;
  GStrv       uris;
} LoadResult;

static void
load_data_free (LoadData *data)
{
  g_clear_pointer (&data->files, g_ptr_array_unref);
  g_clear_object (&data->actors);
  g_free (data->text);
  g_free (data);
}

static void
load_result_free (LoadResult *result)
{
  g_clear_object (&result->analysis);
  g_strfreev (result->uris);
  g_free (result);
}

/* Runs in a worker thread (or, for tests, in the caller's). */
static LoadResult *
load_and_analyse (LoadData      *data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GStrvBuilder) uris = g_strv_builder_new ();
  g_autoptr(DmGazetteer) gazetteer = NULL;
  g_autoptr(DmLexicon) lexicon = NULL;
  LoadResult *result;

  if (data->text != NULL)
    {
      g_autoptr(GPtrArray) loaded = dm_load_documents_from_text (data->text, _("Pasted text"), error);

      if (loaded == NULL)
        return NULL;
      g_ptr_array_extend_and_steal (documents, g_steal_pointer (&loaded));
    }

  for (guint i = 0; data->files != NULL && i < data->files->len; i++)
    {
      GFile *file = g_ptr_array_index (data->files, i);
      g_autoptr(GPtrArray) loaded = dm_load_documents_from_file (file, cancellable, error);
      g_autofree char *uri = g_file_get_uri (file);

      if (loaded == NULL)
        return NULL;
      g_ptr_array_extend_and_steal (documents, g_steal_pointer (&loaded));
      g_strv_builder_add (uris, uri);
    }

  if (documents->len == 0)
    {
      g_set_error_literal (error, DM_LOAD_ERROR, DM_LOAD_ERROR_EMPTY, _("Nothing to analyse"));
      return NULL;
    }

  dm_documents_make_ids_unique (documents);

  gazetteer = dm_gazetteer_new_default (error);
  if (gazetteer == NULL)
    return NULL;
  if (data->actors != NULL)
    {
      g_autofree char *path = g_file_get_path (data->actors);

      if (path == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("The actors file must be a local file"));
          return NULL;
        }
      if (!dm_gazetteer_merge_file (gazetteer, path, error))
        return NULL;
    }
  lexicon = dm_lexicon_new_default (error);
  if (lexicon == NULL)
    return NULL;

  result = g_new0 (LoadResult, 1);
  result->analysis = dm_analysis_new (gazetteer, lexicon, documents, cancellable, error);
  if (result->analysis == NULL)
    {
      load_result_free (result);
      return NULL;
    }
  result->uris = g_strv_builder_end (uris);

  /* The map's labels and tiles need the country polygons: read them here
   * rather than on the main thread in the first frame that shows the
   * analysis.  A failure shows in the map itself. */
  dm_countries_get_default (NULL);

  return result;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  LoadResult *result = load_and_analyse (task_data, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

/* A toast's title is Pango markup: a message that names "Q&A.json" would
 * show as a blank toast, so plain text is escaped. */
static void
show_toast (DmWindow   *self,
            const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_recent_menu (DmWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-documents");

  g_menu_remove_all (self->recent_section);

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *label = g_filename_display_name (basename != NULL ? basename : recent[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      /* Underscores in file names are not mnemonics. */
      {
        g_autoptr(GString) escaped = g_string_new (label);
        g_string_replace (escaped, "_", "__", 0);
        g_menu_item_set_label (item, escaped->str);
      }
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_section, item);
    }

  if (recent[0] == NULL)
    g_menu_append (self->recent_section, _("No Recent Articles"), "win.none");
}

static void
remember_documents (DmWindow *self,
                    GStrv     uris)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-documents");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) last = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  g_auto(GStrv) last_uris = NULL;
  guint n = 0;

  /* Pasted text cannot be reopened: the last session keeps its files. */
  if (uris == NULL || uris[0] == NULL)
    return;

  for (guint i = 0; uris[i] != NULL; i++)
    if (g_strcmp0 (uris[i], DM_SAMPLE_URI) != 0)
      {
        g_strv_builder_add (last, uris[i]);
        if (n++ < MAX_RECENT)
          g_strv_builder_add (builder, uris[i]);
      }
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    if (!g_strv_contains ((const char * const *) uris, recent[i]))
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }

  updated = g_strv_builder_end (builder);
  last_uris = g_strv_builder_end (last);
  g_settings_set_strv (self->settings, "recent-documents", (const char * const *) updated);
  /* An empty list reopens the sample. */
  g_settings_set_strv (self->settings, "last-documents", (const char * const *) last_uris);
  update_recent_menu (self);
}

static void
apply_analysis (DmWindow   *self,
                LoadResult *result,
                gboolean    restoring)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  DmAnalysis *analysis = result->analysis;
  guint n_documents = dm_analysis_get_n_documents (analysis);

  g_set_object (&self->analysis, analysis);
  dm_selection_clear (self->selection);

  dm_actor_list_set_analysis (self->actor_list, analysis);
  dm_article_view_set_analysis (self->article_view, analysis);
  dm_links_panel_set_analysis (self->links_panel, analysis);
  dm_map_view_set_analysis (self->map_view, analysis);

  if (restoring && g_settings_get_double (self->settings, "map-zoom") > 0)
    dm_map_view_set_view (self->map_view,
                          g_settings_get_double (self->settings, "map-latitude"),
                          g_settings_get_double (self->settings, "map-longitude"),
                          g_settings_get_double (self->settings, "map-zoom"));

  title = dm_analysis_dup_title (analysis);
  if (n_documents == 1)
    subtitle = g_strdup (dm_document_get_source (dm_analysis_get_document (analysis, 0)));
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", TRUE);
  remember_documents (self, result->uris);
}

static gboolean
show_spinner_cb (gpointer user_data)
{
  DmWindow *self = user_data;

  self->spinner_timeout = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_set_spinning (self->spinner, TRUE);

  return G_SOURCE_REMOVE;
}

/* The spinner shows only once the work has taken long enough to notice:
 * a shorter flash is noise, and at startup it would cost the first frames
 * its icon (an SVG, hence librsvg, 6 MiB of it). */
static void
set_loading (DmWindow *self,
             gboolean  loading)
{
  /* Before the first frame, the delay has not begun (see
   * on_first_after_paint_cb). */
  if (loading)
    {
      if (self->drawn && self->spinner_timeout == 0 &&
          !gtk_widget_get_visible (GTK_WIDGET (self->spinner)))
        self->spinner_timeout = g_timeout_add (SPINNER_DELAY_MS, show_spinner_cb, self);
      return;
    }

  g_clear_handle_id (&self->spinner_timeout, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_spinner_set_spinning (self->spinner, FALSE);
}

static void
on_load_done_cb (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  DmWindow *self = DM_WINDOW (source);
  GTask *task = G_TASK (res);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  LoadResult *result;

  result = g_task_propagate_pointer (task, &error);

  /* A newer open took over: its result is the one that counts. */
  if (g_task_get_cancellable (task) != self->load_cancellable)
    {
      g_clear_pointer (&result, load_result_free);
      return;
    }

  g_clear_object (&self->load_cancellable);
  set_loading (self, FALSE);

  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("Could not open: %s"), error->message);
          show_toast (self, message);
        }
      /* The last session's files are gone: show the sample instead. */
      if (data->restoring && self->analysis == NULL)
        dm_window_open_sample (self);
    }
  else
    {
      apply_analysis (self, result, data->restoring);
      load_result_free (result);
    }

  if (self->load_cancellable == NULL)
    dm_map_view_set_basemap_held (self->map_view, FALSE);
}

static void
start_held_load (DmWindow *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->held_load);

  g_clear_handle_id (&self->held_idle, g_source_remove);
  if (task != NULL)
    g_task_run_in_thread (task, load_thread);
}

static void
on_first_after_paint_cb (DmWindow      *self,
                         GdkFrameClock *clock)
{
  g_clear_signal_handler (&self->after_paint_id, clock);
  self->drawn = TRUE;

  start_held_load (self);
  /* the spinner's delay begins now */
  if (self->load_cancellable != NULL)
    set_loading (self, TRUE);
}

/* GTK draws every window it shows; one that is still hidden once the
 * caller is done (a window opened and presented at once is shown by
 * then) has no frame to wait for. */
static gboolean
held_idle_cb (gpointer user_data)
{
  DmWindow *self = user_data;

  self->held_idle = 0;
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    start_held_load (self);

  return G_SOURCE_REMOVE;
}

static void
start_load (DmWindow  *self,
            LoadData  *data)
{
  g_autoptr(GTask) task = NULL;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  if (self->actors_file != NULL)
    g_set_object (&data->actors, self->actors_file);

  task = g_task_new (self, self->load_cancellable, on_load_done_cb, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  set_loading (self, TRUE);
  /* The first document's tiles are tinted: none before them. */
  if (self->analysis == NULL && !self->drawn)
    dm_map_view_set_basemap_held (self->map_view, TRUE);

  /* Until the window's first frame is on screen, the open waits for it:
   * on two busy cores, the loader, the analysis and the tiles they bring
   * would slow that frame down; it shows the window, and the documents
   * follow a few frames later. */
  if (!self->drawn)
    {
      /* The open it replaces still has to return (cancelled). */
      if (self->held_load != NULL)
        {
          g_autoptr(GTask) old = g_steal_pointer (&self->held_load);
          g_task_return_error_if_cancelled (old);
        }
      self->held_load = g_steal_pointer (&task);
      if (self->held_idle == 0)
        self->held_idle = g_idle_add (held_idle_cb, self);
      return;
    }

  g_task_run_in_thread (task, load_thread);
}

/* Layout */

static gboolean
update_layout_idle_cb (gpointer user_data)
{
  DmWindow *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int content_width, content_height;
  gboolean wide = width >= WIDE_WIDTH;
  gboolean changed = wide != self->wide;

  self->layout_idle = 0;
  self->wide = wide;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->content_paned),
                                  wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->detail_paned),
                                  wide ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);

  content_width = MAX (width - gtk_paned_get_position (self->sidebar_paned), 200);
  content_height = MAX (height - 47, 200);

  if (!self->laid_out)
    {
      int content = g_settings_get_int (self->settings, "content-position");
      int detail = g_settings_get_int (self->settings, "detail-position");

      self->laid_out = TRUE;
      if (content > 0 && detail > 0)
        {
          gtk_paned_set_position (self->content_paned, content);
          gtk_paned_set_position (self->detail_paned, detail);
          return G_SOURCE_REMOVE;
        }
      changed = TRUE;
    }

  /* The map takes a little over half; the article more than the links. */
  if (changed)
    {
      if (wide)
        {
          gtk_paned_set_position (self->content_paned, content_width * 0.56);
          gtk_paned_set_position (self->detail_paned, content_height * 0.56);
        }
      else
        {
          gtk_paned_set_position (self->content_paned, content_height * 0.48);
          gtk_paned_set_position (self->detail_paned, content_width * 0.55);
        }
    }

  return G_SOURCE_REMOVE;
}

static void
dm_window_realize (GtkWidget *widget)
{
  DmWindow *self = DM_WINDOW (widget);

  GTK_WIDGET_CLASS (dm_window_parent_class)->realize (widget);

  if (!self->drawn && self->after_paint_id == 0)
    self->after_paint_id = g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                                                    G_CALLBACK (on_first_after_paint_cb), self,
                                                    G_CONNECT_SWAPPED);
}

static void
dm_window_unrealize (GtkWidget *widget)
{
  DmWindow *self = DM_WINDOW (widget);

  if (self->after_paint_id != 0)
    g_clear_signal_handler (&self->after_paint_id, gtk_widget_get_frame_clock (widget));

  GTK_WIDGET_CLASS (dm_window_parent_class)->unrealize (widget);
}

static void
dm_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  DmWindow *self = DM_WINDOW (widget);

  GTK_WIDGET_CLASS (dm_window_parent_class)->size_allocate (widget, width, height, baseline);

  /* Changing the panes during an allocation would queue another one; do
   * it right after. */
  if ((!self->laid_out || (width >= WIDE_WIDTH) != self->wide) && self->layout_idle == 0)
    self->layout_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_layout_idle_cb, self, NULL);
}

static void
save_state (DmWindow *self)
{
  DmViewport viewport;
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_int (self->settings, "sidebar-position", gtk_paned_get_position (self->sidebar_paned));
  if (self->laid_out)
    {
      g_settings_set_int (self->settings, "content-position", gtk_paned_get_position (self->content_paned));
      g_settings_set_int (self->settings, "detail-position", gtk_paned_get_position (self->detail_paned));
    }
  if (self->analysis != NULL)
    {
      dm_map_view_get_viewport (self->map_view, &viewport);
      if (viewport.zoom > 0)
        {
          g_settings_set_double (self->settings, "map-latitude", viewport.center_lat);
          g_settings_set_double (self->settings, "map-longitude", viewport.center_lon);
          g_settings_set_double (self->settings, "map-zoom", viewport.zoom);
        }
    }
  g_settings_apply (self->settings);
}

static gboolean
dm_window_close_request (GtkWindow *window)
{
  save_state (DM_WINDOW (window));

  return GTK_WINDOW_CLASS (dm_window_parent_class)->close_request (window);
}

/* Style */

static void
update_dark (DmWindow *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  dm_map_view_set_dark (self->map_view, dark);
  dm_article_view_set_dark (self->article_view, dark);
  dm_links_panel_set_dark (self->links_panel, dark);
}

static void
on_dark_changed_cb (DmWindow        *self,
                    GParamSpec      *pspec,
                    AdwStyleManager *manager)
{
  update_dark (self);
}

static void
on_basemap_changed_cb (DmWindow   *self,
                       const char *key,
                       GSettings  *settings)
{
  g_autofree char *basemap = g_settings_get_string (settings, "basemap");

  dm_map_view_set_online_tiles (self->map_view, g_strcmp0 (basemap, "online") == 0);
}

/* Opening */

static void
open_file_list (DmWindow *self,
                GSList   *files)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new ();

  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (array, l->data);
  if (array->len > 0)
    dm_window_open_files (self, (GFile **) array->pdata, array->len);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_open_dialog_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DmWindow) self = user_data;
  g_autoptr(GListModel) files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (object), result, NULL);
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (array, g_list_model_get_item (files, i));
  if (array->len > 0)
    dm_window_open_files (self, (GFile **) array->pdata, array->len);
}
#else
static void
on_open_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  DmWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      if (array->len > 0)
        dm_window_open_files (self, (GFile **) array->pdata, array->len);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}
#endif

static GListStore *
create_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) articles = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (articles, _("Articles"));
  gtk_file_filter_add_mime_type (articles, "text/plain");
  gtk_file_filter_add_mime_type (articles, "text/html");
  gtk_file_filter_add_mime_type (articles, "application/json");
  gtk_file_filter_add_suffix (articles, "txt");
  gtk_file_filter_add_suffix (articles, "html");
  gtk_file_filter_add_suffix (articles, "json");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, articles);
  g_list_store_append (filters, all);

  return filters;
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);
  g_autoptr(GListStore) filters = create_filters ();

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _("Open Articles"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_open_multiple (dialog, GTK_WINDOW (self), NULL, on_open_dialog_cb, g_object_ref (self));
#else
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Articles"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (filters)); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (G_LIST_MODEL (filters), i);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
#endif
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  dm_window_open_files (DM_WINDOW (widget), &file, 1);
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  dm_window_open_sample (DM_WINDOW (widget));
}

static void
on_clipboard_text_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DmWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);

  if (text == NULL || *g_strstrip (text) == '\0')
    {
      show_toast (self, _("The clipboard holds no text to analyse"));
      return;
    }

  dm_window_open_text (self, text);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);

  gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_text_cb, g_object_ref (widget));
}

/* Ctrl+V analyses the clipboard unless the focus is in something that
 * takes text (the search entry), which pastes as usual. */
static gboolean
paste_shortcut_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));

  if (focus != NULL &&
      (GTK_IS_EDITABLE (focus) ||
       (GTK_IS_TEXT_VIEW (focus) && gtk_text_view_get_editable (GTK_TEXT_VIEW (focus)))))
    return FALSE;

  gtk_widget_activate_action (widget, "win.paste", NULL);
  return TRUE;
}

static gboolean
on_drop_cb (DmWindow      *self,
            const GValue  *value,
            double         x,
            double         y,
            GtkDropTarget *target)
{
  GdkFileList *list;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = g_value_get_boxed (value);
  {
    GSList *files = gdk_file_list_get_files (list);
    open_file_list (self, files);
    g_slist_free (files);
  }

  return TRUE;
}

/* Export */

static void
show_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

  gtk_file_launcher_launch (launcher, GTK_WINDOW (widget), NULL, NULL, NULL);
#else
  gtk_show_uri (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
#endif
}

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;  /* carries the window and the file */
  DmWindow *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  set_loading (self, self->load_cancellable != NULL);

  if (!dm_export_job_run_finish (result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not export: %s"), error->message);
      show_toast (self, message);
    }
  else
    {
      const char *csv_title = g_object_get_data (G_OBJECT (task), "title");
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *display = g_filename_display_name (basename);
      g_autofree char *title = csv_title != NULL ? g_strdup (csv_title)
                                                 : g_strdup_printf (_("Exported to %s"), display);
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      g_autofree char *uri = g_file_get_uri (file);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.show-export");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_export_cb (DmWindow       *self,
              GFile          *file,
              DmExportDialog *dialog)
{
  DmExportJob job;
  GTask *task;

  if (self->analysis == NULL)
    return;

  dm_export_dialog_get_job (dialog, &job);
  dm_window_fill_export_job (self, &job);

  /* A task only to keep the window and the file for the callback. */
  task = g_task_new (self, NULL, NULL, NULL);
  if (job.format == DM_EXPORT_FORMAT_CSV)
    {
      /* two files, so the toast names both and opens their folder */
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *nodes = NULL;
      g_autofree char *edges = NULL;
      g_autofree char *nodes_name = NULL;
      g_autofree char *edges_name = NULL;

      if (path != NULL)
        {
          dm_graph_csv_paths (path, &nodes, &edges);
          nodes_name = g_filename_display_basename (nodes);
          edges_name = g_filename_display_basename (edges);
          /* Translators: the two files of a CSV export, "graph-nodes.csv"
           * and "graph-edges.csv" */
          g_object_set_data_full (G_OBJECT (task), "title",
                                  g_strdup_printf (_("Exported to %s and %s"), nodes_name, edges_name),
                                  g_free);
        }
      {
        GFile *folder = g_file_get_parent (file);

        g_task_set_task_data (task, folder != NULL ? folder : g_object_ref (file), g_object_unref);
      }
    }
  else
    g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  set_loading (self, TRUE);
  dm_export_job_run_async (&job, self->analysis, file, NULL, on_export_done_cb, task);
}

static char *
dup_export_basename (DmWindow *self)
{
  DmDocument *document = dm_analysis_get_document (self->analysis, 0);
  const char *id = dm_document_get_id (document);
  const char *dot = strrchr (id, '.');

  if (dm_analysis_get_n_documents (self->analysis) > 1)
    return g_strdup ("diplomap");

  return dot != NULL && dot != id ? g_strndup (id, dot - id) : g_strdup (id);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);
  g_autofree char *basename = NULL;
  DmViewport viewport;
  GtkWidget *dialog;

  if (self->analysis == NULL)
    return;

  dm_map_view_get_viewport (self->map_view, &viewport);
  basename = dup_export_basename (self);
  dialog = dm_export_dialog_new (GTK_WINDOW (self), &viewport, basename);
  g_signal_connect_object (dialog, "export", G_CALLBACK (on_export_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shortcuts */

/* Built when first asked for rather than with the window (see
 * dm-ui.gresource.xml); GtkApplicationWindow then owns it as its help
 * overlay. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/diplomap/Diplomap/dm-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

/* Navigation */

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  dm_actor_list_focus_search (DM_WINDOW (widget)->actor_list);
}

static void
next_passage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  dm_article_view_next_passage (DM_WINDOW (widget)->article_view);
}

static void
previous_passage_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  dm_article_view_previous_passage (DM_WINDOW (widget)->article_view);
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  dm_selection_clear (DM_WINDOW (widget)->selection);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);

  if (g_str_equal (action_name, "win.zoom-in"))
    dm_map_view_zoom_in (self->map_view);
  else if (g_str_equal (action_name, "win.zoom-out"))
    dm_map_view_zoom_out (self->map_view);
  else
    dm_map_view_fit (self->map_view);
}

static void
on_evidence_activated_cb (DmWindow     *self,
                          guint         doc,
                          glong         cstart,
                          glong         cend,
                          DmLinksPanel *panel)
{
  dm_article_view_show_range (self->article_view, doc, cstart, cend);
}

/* GObject */

static void
dm_window_constructed (GObject *object)
{
  DmWindow *self = DM_WINDOW (object);
  AdwStyleManager *style = adw_style_manager_get_default ();

  G_OBJECT_CLASS (dm_window_parent_class)->constructed (object);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               MAX (g_settings_get_int (self->settings, "window-width"), 720),
                               MAX (g_settings_get_int (self->settings, "window-height"), 540));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->sidebar_paned,
                          CLAMP (g_settings_get_int (self->settings, "sidebar-position"), 200, 480));

  g_signal_connect_object (style, "notify::dark", G_CALLBACK (on_dark_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_dark (self);
  g_signal_connect_object (self->settings, "changed::basemap", G_CALLBACK (on_basemap_changed_cb),
                           self, G_CONNECT_SWAPPED);
  on_basemap_changed_cb (self, "basemap", self->settings);
  update_recent_menu (self);
}

static void
dm_window_dispose (GObject *object)
{
  DmWindow *self = DM_WINDOW (object);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->actors_file);
  g_clear_handle_id (&self->layout_idle, g_source_remove);
  g_clear_handle_id (&self->held_idle, g_source_remove);
  g_clear_handle_id (&self->spinner_timeout, g_source_remove);
  if (self->held_load != NULL)
    {
      g_autoptr(GTask) task = g_steal_pointer (&self->held_load);
      g_task_return_error_if_cancelled (task);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), DM_TYPE_WINDOW);

  g_clear_object (&self->analysis);
  g_clear_object (&self->selection);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dm_window_parent_class)->dispose (object);
}

static void
dm_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  DmWindow *self = DM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  DmWindow *self = DM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_window_class_init (DmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = dm_window_constructed;
  object_class->dispose = dm_window_dispose;
  object_class->get_property = dm_window_get_property;
  object_class->set_property = dm_window_set_property;
  widget_class->realize = dm_window_realize;
  widget_class->unrealize = dm_window_unrealize;
  widget_class->size_allocate = dm_window_size_allocate;
  window_class->close_request = dm_window_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DM_TYPE_ACTOR_LIST);
  g_type_ensure (DM_TYPE_ARTICLE_VIEW);
  g_type_ensure (DM_TYPE_LINKS_PANEL);
  g_type_ensure (DM_TYPE_MAP_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/diplomap/Diplomap/dm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, sidebar_paned);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, content_paned);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, detail_paned);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, actor_list);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, links_panel);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, recent_section);
  gtk_widget_class_bind_template_callback (widget_class, on_evidence_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.show-export", "s", show_export_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.next-passage", NULL, next_passage_action);
  gtk_widget_class_install_action (widget_class, "win.previous-passage", NULL, previous_passage_action);
  gtk_widget_class_install_action (widget_class, "win.clear-selection", NULL, clear_selection_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.fit", NULL, zoom_action);

  /* Bubble phase: the search entry gets Escape first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.clear-selection", NULL);
}

static void
dm_window_init (DmWindow *self)
{
  GtkDropTarget *drop;
  GtkEventController *shortcuts;
  GtkShortcut *paste;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = dm_selection_new ();
  dm_actor_list_set_selection (self->actor_list, self->selection);
  dm_article_view_set_selection (self->article_view, self->selection);
  dm_links_panel_set_selection (self->links_panel, self->selection);
  dm_map_view_set_selection (self->map_view, self->selection);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  /* Capture phase, so that the read-only article's own Ctrl+V binding
   * does not swallow it; paste_shortcut_cb lets entries have it. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  paste = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_v, GDK_CONTROL_MASK),
                            gtk_callback_action_new (paste_shortcut_cb, NULL, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), paste);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

DmWindow *
dm_window_new (GtkApplication *application,
               GSettings      *settings)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (DM_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       NULL);
}

void
dm_window_set_actors_file (DmWindow *self,
                           GFile    *file)
{
  g_return_if_fail (DM_IS_WINDOW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->actors_file, file);
}

void
dm_window_open_files (DmWindow  *self,
                      GFile    **files,
                      guint      n_files)
{
  LoadData *data;

  g_return_if_fail (DM_IS_WINDOW (self));
  g_return_if_fail (n_files > 0);

  data = g_new0 (LoadData, 1);
  data->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (data->files, g_object_ref (files[i]));
  start_load (self, data);
}

void
dm_window_open_text (DmWindow   *self,
                     const char *text)
{
  LoadData *data;

  g_return_if_fail (DM_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  data = g_new0 (LoadData, 1);
  data->text = g_strdup (text);
  start_load (self, data);
}

void
dm_window_open_sample (DmWindow *self)
{
  g_autoptr(GFile) sample = g_file_new_for_uri (DM_SAMPLE_URI);

  g_return_if_fail (DM_IS_WINDOW (self));

  dm_window_open_files (self, &sample, 1);
}

void
dm_window_restore_session (DmWindow *self)
{
  g_auto(GStrv) uris = NULL;
  LoadData *data;

  g_return_if_fail (DM_IS_WINDOW (self));

  uris = g_settings_get_strv (self->settings, "last-documents");
  data = g_new0 (LoadData, 1);
  data->restoring = TRUE;
  data->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; uris[i] != NULL; i++)
    g_ptr_array_add (data->files, g_file_new_for_uri (uris[i]));
  if (data->files->len == 0)
    g_ptr_array_add (data->files, g_file_new_for_uri (DM_SAMPLE_URI));
  start_load (self, data);
}

gboolean
dm_window_is_loading (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), FALSE);
  return self->load_cancellable != NULL;
}

gboolean
dm_window_load_sample_sync (DmWindow  *self,
                            GError   **error)
{
  LoadData data = { 0 };
  LoadResult *result;

  g_return_val_if_fail (DM_IS_WINDOW (self), FALSE);

  data.files = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (data.files, g_file_new_for_uri (DM_SAMPLE_URI));
  result = load_and_analyse (&data, NULL, error);
  g_ptr_array_unref (data.files);
  if (result == NULL)
    return FALSE;

  apply_analysis (self, result, FALSE);
  load_result_free (result);
  return TRUE;
}

DmAnalysis *
dm_window_get_analysis (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);
  return self->analysis;
}

DmSelection *
dm_window_get_selection (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);
  return self->selection;
}

GtkWidget *
dm_window_get_actor_list (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->actor_list);
}

GtkWidget *
dm_window_get_article_view (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->article_view);
}

GtkWidget *
dm_window_get_links_panel (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->links_panel);
}

GtkWidget *
dm_window_get_map_view (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->map_view);
}

void
dm_window_fill_export_job (DmWindow    *self,
                           DmExportJob *job)
{
  g_autofree char *basemap = NULL;

  g_return_if_fail (DM_IS_WINDOW (self));

  dm_relation_selection_init (&job->selection);
  job->selection.actor = dm_selection_get_actor (self->selection);
  job->selection.link = dm_selection_get_link (self->selection);

  basemap = g_settings_get_string (self->settings, "basemap");
  dm_relation_view_options_init (&job->options);
  job->options.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  job->options.online_tiles = g_strcmp0 (basemap, "online") == 0;
}
