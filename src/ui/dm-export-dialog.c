/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-export-dialog.c: the Export dialog and the job it produces: the map
 * as an image, or the analysis as a graph (GEXF, GraphML, CSV) for other
 * tools.
 *
 * The job copies the viewport, the selection and the view options, and
 * holds a reference on the immutable analysis, so dm_export_write_full()
 * can run in a GTask thread while the user goes on clicking. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <math.h>

#include "dm-export-dialog.h"

#define DEFAULT_WIDTH 1600
#define DEFAULT_HEIGHT 1000

typedef enum {
  SIZE_CURRENT,
  SIZE_FULL_HD,
  SIZE_4K,
  SIZE_CUSTOM,
} SizeChoice;

struct _DmExportDialog
{
  AdwWindow      parent_instance;

  AdwPreferencesGroup *options_group;
  AdwComboRow   *format_row;
  AdwComboRow   *size_row;
  AdwActionRow  *width_row;
  AdwActionRow  *height_row;
  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
  AdwComboRow   *scale_row;

  DmViewport     screen;
  char          *basename;
#if !GTK_CHECK_VERSION (4, 10, 0)
  GtkFileChooserNative *chooser;
#endif
};

G_DEFINE_FINAL_TYPE (DmExportDialog, dm_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* by DmExportFormat, the order of the format row's items */
static const char * const extensions[] = { "png", "svg", "pdf", "gexf", "graphml", "csv" };

void
dm_export_adapt_viewport (const DmViewport *screen,
                          int               width,
                          int               height,
                          DmViewport       *out)
{
  double ratio;

  *out = *screen;
  out->width = width;
  out->height = height;
  out->scale = 1.0;

  if (screen->width <= 0 || screen->height <= 0)
    return;

  ratio = MIN ((double) width / screen->width, (double) height / screen->height);
  out->zoom = CLAMP (screen->zoom + log2 (ratio), DM_VIEWPORT_MIN_ZOOM, DM_VIEWPORT_MAX_ZOOM);
}

gboolean
dm_export_job_run (const DmExportJob *job,
                   DmAnalysis        *analysis,
                   const char        *path,
                   GError           **error)
{
  g_return_val_if_fail (job != NULL, FALSE);
  g_return_val_if_fail (DM_IS_ANALYSIS (analysis), FALSE);

  if (!dm_export_format_is_graph (job->format) &&
      !dm_export_check_size (job->width, job->height, job->scale, error))
    return FALSE;

  return dm_export_write_full (path, job->format, job->width, job->height, job->scale,
                               analysis, &job->viewport, &job->selection, &job->options, error);
}

typedef struct {
  DmExportJob job;
  DmAnalysis *analysis;
  char       *path;
} ExportTaskData;

static void
export_task_data_free (ExportTaskData *data)
{
  g_clear_object (&data->analysis);
  g_free (data->path);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportTaskData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (dm_export_job_run (&data->job, data->analysis, data->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
dm_export_job_run_async (const DmExportJob   *job,
                         DmAnalysis          *analysis,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportTaskData *data = g_new0 (ExportTaskData, 1);

  data->job = *job;
  data->analysis = g_object_ref (analysis);
  data->path = g_file_get_path (file);

  g_task_set_source_tag (task, dm_export_job_run_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_task_data_free);

  if (data->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Diplomap can only export to local files"));
      return;
    }

  g_task_run_in_thread (task, export_thread);
}

gboolean
dm_export_job_run_finish (GAsyncResult *result,
                          GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static DmExportFormat
get_format (DmExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  G_STATIC_ASSERT (G_N_ELEMENTS (extensions) == DM_EXPORT_FORMAT_CSV + 1);

  return selected <= DM_EXPORT_FORMAT_CSV ? (DmExportFormat) selected : DM_EXPORT_FORMAT_PNG;
}

static void
get_size (DmExportDialog *self,
          int            *width,
          int            *height)
{
  switch ((SizeChoice) adw_combo_row_get_selected (self->size_row))
    {
    case SIZE_CURRENT:
      *width = self->screen.width > 0 ? self->screen.width : DEFAULT_WIDTH;
      *height = self->screen.height > 0 ? self->screen.height : DEFAULT_HEIGHT;
      break;
    case SIZE_FULL_HD:
      *width = 1920;
      *height = 1080;
      break;
    case SIZE_4K:
      *width = 3840;
      *height = 2160;
      break;
    case SIZE_CUSTOM:
    default:
      *width = gtk_spin_button_get_value_as_int (self->width_spin);
      *height = gtk_spin_button_get_value_as_int (self->height_spin);
      break;
    }
}

void
dm_export_dialog_get_job (DmExportDialog *self,
                          DmExportJob    *job)
{
  g_return_if_fail (DM_IS_EXPORT_DIALOG (self));

  memset (job, 0, sizeof *job);
  job->format = get_format (self);
  get_size (self, &job->width, &job->height);
  job->scale = job->format == DM_EXPORT_FORMAT_PNG && adw_combo_row_get_selected (self->scale_row) == 1
               ? 2.0 : 1.0;
  dm_export_adapt_viewport (&self->screen, job->width, job->height, &job->viewport);
  dm_relation_selection_init (&job->selection);
  dm_relation_view_options_init (&job->options);
}

static void
on_format_changed_cb (DmExportDialog *self)
{
  DmExportFormat format = get_format (self);
  gboolean graph = dm_export_format_is_graph (format);

  /* A graph has no size: the rows stay, greyed, so the dialog keeps its
   * height and the user sees why they do not apply. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->size_row), !graph);
  gtk_widget_set_sensitive (GTK_WIDGET (self->width_row), !graph);
  gtk_widget_set_sensitive (GTK_WIDGET (self->height_row), !graph);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), format == DM_EXPORT_FORMAT_PNG);

  if (format == DM_EXPORT_FORMAT_CSV)
    adw_preferences_group_set_description (self->options_group,
                                           _("Every actor and link of the analysis, with the sentences that support each link, for Gephi, Cytoscape or a spreadsheet: two files, NAME-nodes.csv and NAME-edges.csv."));
  else if (graph)
    adw_preferences_group_set_description (self->options_group,
                                           _("Every actor and link of the analysis, with the sentences that support each link, for Gephi, Cytoscape, yEd or networkx."));
  else
    adw_preferences_group_set_description (self->options_group,
                                           _("The map as it is now, with the selection. A bigger size shows the same area in more detail."));
}

static void
on_size_changed_cb (DmExportDialog *self)
{
  gboolean custom = adw_combo_row_get_selected (self->size_row) == SIZE_CUSTOM;

  gtk_widget_set_visible (GTK_WIDGET (self->width_row), custom);
  gtk_widget_set_visible (GTK_WIDGET (self->height_row), custom);
}

/* The file keeps the extension of the chosen format, whatever was typed. */
static GFile *
fix_extension (DmExportDialog *self,
               GFile          *file)
{
  const char *extension = extensions[get_format (self)];
  g_autofree char *basename = g_file_get_basename (file);
  const char *dot = strrchr (basename, '.');
  g_autoptr(GFile) parent = NULL;
  g_autofree char *fixed = NULL;

  if (dot != NULL && g_ascii_strcasecmp (dot + 1, extension) == 0)
    return g_object_ref (file);

  parent = g_file_get_parent (file);
  fixed = g_strdup_printf ("%s.%s", basename, extension);
  return g_file_get_child (parent, fixed);
}

static void
emit_export (DmExportDialog *self,
             GFile          *file)
{
  g_autoptr(GFile) fixed = fix_extension (self, file);

  g_signal_emit (self, signals[EXPORT], 0, fixed);
  gtk_window_destroy (GTK_WINDOW (self));
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_save_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(DmExportDialog) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  if (file != NULL)
    emit_export (self, file);
}
#else
static void
on_chooser_response_cb (DmExportDialog       *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        emit_export (self, file);
    }

  g_clear_object (&self->chooser);
}
#endif

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DmExportDialog *self = DM_EXPORT_DIALOG (widget);
  g_autofree char *name = g_strdup_printf ("%s.%s", self->basename, extensions[get_format (self)]);
  g_autoptr(GFile) folder = NULL;
  /* pictures to Pictures, data for other programs to Documents */
  const char *special = g_get_user_special_dir (dm_export_format_is_graph (get_format (self))
                                                ? G_USER_DIRECTORY_DOCUMENTS
                                                : G_USER_DIRECTORY_PICTURES);

  if (special != NULL)
    folder = g_file_new_for_path (special);

  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Export"));
    gtk_file_dialog_set_accept_label (dialog, _("_Export"));
    gtk_file_dialog_set_initial_name (dialog, name);
    if (folder != NULL)
      gtk_file_dialog_set_initial_folder (dialog, folder);
    gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, on_save_cb, g_object_ref (self));
  }
#else
  self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
#endif
}

static void
dm_export_dialog_dispose (GObject *object)
{
#if !GTK_CHECK_VERSION (4, 10, 0)
  DmExportDialog *self = DM_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
#endif

  gtk_widget_dispose_template (GTK_WIDGET (object), DM_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (dm_export_dialog_parent_class)->dispose (object);
}

static void
dm_export_dialog_finalize (GObject *object)
{
  DmExportDialog *self = DM_EXPORT_DIALOG (object);

  g_free (self->basename);

  G_OBJECT_CLASS (dm_export_dialog_parent_class)->finalize (object);
}

static void
dm_export_dialog_class_init (DmExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_export_dialog_dispose;
  object_class->finalize = dm_export_dialog_finalize;

  /**
   * DmExportDialog::export:
   * @file: where to write
   *
   * The user chose a file; dm_export_dialog_get_job() says what to write.
   */
  signals[EXPORT] = g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/diplomap/Diplomap/dm-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, height_row);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, DmExportDialog, scale_row);
  gtk_widget_class_bind_template_callback (widget_class, on_format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_size_changed_cb);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dm_export_dialog_init (DmExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dm_export_dialog_new (GtkWindow        *parent,
                      const DmViewport *screen,
                      const char       *basename)
{
  DmExportDialog *self;
  g_autoptr(GtkStringList) sizes = NULL;
  g_autofree char *current = NULL;

  g_return_val_if_fail (screen != NULL, NULL);

  self = g_object_new (DM_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->screen = *screen;
  self->basename = g_strdup (basename != NULL && *basename != '\0' ? basename : "diplomap");

  /* Translators: the size of the map on screen, "Current View (812 × 540)" */
  current = g_strdup_printf (_("Current View (%d × %d)"),
                             screen->width > 0 ? screen->width : DEFAULT_WIDTH,
                             screen->height > 0 ? screen->height : DEFAULT_HEIGHT);
  sizes = gtk_string_list_new (NULL);
  gtk_string_list_append (sizes, current);
  gtk_string_list_append (sizes, _("Full HD (1920 × 1080)"));
  gtk_string_list_append (sizes, _("4K (3840 × 2160)"));
  gtk_string_list_append (sizes, _("Custom"));
  adw_combo_row_set_model (self->size_row, G_LIST_MODEL (sizes));
  adw_combo_row_set_selected (self->size_row, SIZE_FULL_HD);

  gtk_spin_button_set_value (self->width_spin, screen->width > 0 ? screen->width : DEFAULT_WIDTH);
  gtk_spin_button_set_value (self->height_spin, screen->height > 0 ? screen->height : DEFAULT_HEIGHT);
  on_size_changed_cb (self);
  on_format_changed_cb (self);

  return GTK_WIDGET (self);
}
