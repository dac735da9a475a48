/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-about.h: the About window, built from the app's AppStream metainfo. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the About window shows from the metainfo (compiled into the UI
 * resource), so that a test can compare it with the file. */
typedef struct {
  char *name;
  char *summary;        /* translated */
  char *developer;
  char *homepage;
  char *bugtracker;
  char *version;        /* of the newest release */
  char *release_notes;  /* its description, as the markup libadwaita takes */
} DmAboutInfo;

gboolean dm_about_info_load (DmAboutInfo *info, GError **error);
void     dm_about_info_clear (DmAboutInfo *info);

/* Presents the About window (an AdwAboutWindow, or an AdwAboutDialog on
 * libadwaita 1.5+) over @parent and returns it. */
GtkWidget *dm_about_present (GtkWindow *parent);

G_END_DECLS
