/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-window.h: the main window: actor list, map, article and links around
 * one shared DmSelection; opening (files, drops, the clipboard, the sample)
 * off the main thread; export; and the state kept in GSettings. */
#pragma once

#include <adwaita.h>

#include "dm-analysis.h"
#include "dm-export-dialog.h"
#include "dm-selection.h"

G_BEGIN_DECLS

#define DM_TYPE_WINDOW (dm_window_get_type ())
G_DECLARE_FINAL_TYPE (DmWindow, dm_window, DM, WINDOW, AdwApplicationWindow)

/* The URI of the bundled sample article (a resource). */
#define DM_SAMPLE_URI "resource:///io/github/diplomap/Diplomap/articles/blinken-aliyev-call.txt"

DmWindow    *dm_window_new             (GtkApplication *application,
                                        GSettings      *settings);

/* Each open replaces the documents shown once it has been analysed, and
 * cancels an open still running; on error a toast says why and the
 * current documents stay. */
/* Actors (a file of the gazetteer's schema, as --actors) added to the
 * built-in ones, or overriding them by code, in every open from now on;
 * NULL for none.  A bad file makes the open fail with its error. */
void         dm_window_set_actors_file (DmWindow       *self,
                                        GFile          *file);
void         dm_window_open_files      (DmWindow       *self,
                                        GFile         **files,
                                        guint           n_files);
void         dm_window_open_text       (DmWindow       *self,
                                        const char     *text);
void         dm_window_open_sample     (DmWindow       *self);
/* Reopens the documents of the last session (with the map where it was),
 * or the sample. */
void         dm_window_restore_session (DmWindow       *self);
/* Whether an open is running. */
gboolean     dm_window_is_loading      (DmWindow       *self);

DmAnalysis  *dm_window_get_analysis    (DmWindow       *self);
DmSelection *dm_window_get_selection   (DmWindow       *self);
GtkWidget   *dm_window_get_actor_list  (DmWindow       *self);
GtkWidget   *dm_window_get_article_view (DmWindow      *self);
GtkWidget   *dm_window_get_links_panel (DmWindow       *self);
GtkWidget   *dm_window_get_map_view    (DmWindow       *self);

/* For tests: loads the sample in the calling thread. */
gboolean     dm_window_load_sample_sync (DmWindow      *self,
                                         GError       **error);

/* The part of an export job the window knows: the current selection and
 * the view options (dark style, online tiles).  Format, size and viewport
 * come from the export dialog. */
void         dm_window_fill_export_job (DmWindow       *self,
                                        DmExportJob    *job);

G_END_DECLS
