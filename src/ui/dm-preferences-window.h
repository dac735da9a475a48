/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-preferences-window.h: basemap (offline / OpenStreetMap) and style
 * (follow the system / light / dark), stored in GSettings. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DM_TYPE_PREFERENCES_WINDOW (dm_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (DmPreferencesWindow, dm_preferences_window, DM, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *dm_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

G_END_DECLS
