/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-application.h: the GNOME application: its actions, accelerators,
 * style, and the windows it opens on files or on the last session. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DM_TYPE_APPLICATION (dm_application_get_type ())
G_DECLARE_FINAL_TYPE (DmApplication, dm_application, DM, APPLICATION, AdwApplication)

DmApplication *dm_application_new          (void);
GSettings     *dm_application_get_settings (DmApplication *self);

/* Registers the UI resource (templates, CSS, the sample); idempotent. */
void           dm_ui_register_resources    (void);

/* The window mode of the command line: opens @files (NULL or empty for
 * the last session) and runs until the last window closes.  Without a
 * display it prints why on stderr and returns 1. */
/* @actors: the --actors file, or NULL */
int            dm_application_run_window   (const char * const *files,
                                            const char         *actors);

G_END_DECLS
