/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-export-dialog.h: Export: format, size and scale, then the file
 * chooser; and the export job it describes, run off the main thread. */
#pragma once

#include <adwaita.h>

#include "dm-analysis.h"
#include "dm-export.h"
#include "dm-relation-view.h"
#include "dm-viewport.h"

G_BEGIN_DECLS

/* Everything an export needs, copied, so that it can run in a thread
 * while the window goes on. */
typedef struct {
  DmExportFormat        format;
  int                   width, height;  /* logical pixels */
  double                scale;          /* PNG only */
  DmViewport            viewport;       /* centre and zoom for that size */
  DmRelationSelection   selection;
  DmRelationViewOptions options;
} DmExportJob;

/* The view of @width × @height that shows what @screen shows: the same
 * centre, and the zoom changed by log2 of the smaller of the two size
 * ratios, so the area on screen stays whole in the picture and a bigger
 * picture shows it in more detail rather than a wider area with the
 * actors crowded in its middle.  The zoom is clamped to the viewport's
 * range. */
void     dm_export_adapt_viewport  (const DmViewport *screen,
                                    int               width,
                                    int               height,
                                    DmViewport       *out);

gboolean dm_export_job_run         (const DmExportJob   *job,
                                    DmAnalysis          *analysis,
                                    const char          *path,
                                    GError             **error);
void     dm_export_job_run_async   (const DmExportJob   *job,
                                    DmAnalysis          *analysis,
                                    GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean dm_export_job_run_finish  (GAsyncResult        *result,
                                    GError             **error);

#define DM_TYPE_EXPORT_DIALOG (dm_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DmExportDialog, dm_export_dialog, DM, EXPORT_DIALOG, AdwWindow)

/* @screen: the map's current view; @basename: the suggested file name
 * without extension.  When the user has chosen a file the dialog emits
 * "export" (GFile *file) with the job filled in (its selection and options
 * left for the caller), then closes. */
GtkWidget *dm_export_dialog_new     (GtkWindow        *parent,
                                     const DmViewport *screen,
                                     const char       *basename);
void       dm_export_dialog_get_job (DmExportDialog   *self,
                                     DmExportJob      *job);

G_END_DECLS
