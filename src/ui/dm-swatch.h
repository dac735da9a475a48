/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-swatch.h: a small colour dot: an actor's colour in the list, a link
 * class's colour in the links panel. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DM_TYPE_SWATCH (dm_swatch_get_type ())
G_DECLARE_FINAL_TYPE (DmSwatch, dm_swatch, DM, SWATCH, GtkWidget)

GtkWidget *dm_swatch_new       (void);
/* 0xRRGGBB */
void       dm_swatch_set_color (DmSwatch *self,
                                guint32   rgb);
/* Drawn as a short bar, dashed when @dashed, rather than a dot. */
void       dm_swatch_set_line  (DmSwatch *self,
                                gboolean  line,
                                gboolean  dashed);

G_END_DECLS
