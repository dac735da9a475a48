/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-basemap-source.h: the offline basemap as a libshumate map source.
 *
 * Tiles are drawn by dm_basemap_draw_tile() on worker threads, at the
 * widget's scale factor.  A source is immutable: its palette, actor tint
 * and scale are fixed at construction and its id carries a generation
 * number, so a map that needs other tiles (new tint, dark palette, HiDPI)
 * makes a new source instead of invalidating the old one's cached tiles.
 */
#pragma once

#include <shumate/shumate.h>

#include "dm-palette.h"

G_BEGIN_DECLS

#define DM_BASEMAP_SOURCE_ID "diplomap-natural-earth"

#define DM_TYPE_BASEMAP_SOURCE (dm_basemap_source_get_type ())
G_DECLARE_FINAL_TYPE (DmBasemapSource, dm_basemap_source, DM, BASEMAP_SOURCE, ShumateMapSource)

/* @tint may be NULL; it is referenced and must not change afterwards.
 * @generation is appended to the id ("diplomap-natural-earth-3") so the
 * map layers' memory caches never mix tiles of two sources. */
DmBasemapSource *dm_basemap_source_new           (gboolean           dark,
                                                  DmActorTint       *tint,
                                                  int                scale_factor,
                                                  guint              generation);

gboolean         dm_basemap_source_get_dark      (DmBasemapSource   *self);
int              dm_basemap_source_get_scale_factor (DmBasemapSource *self);

/* Tiles asked for and not finished yet (cancelled ones included until
 * their worker returns), and tiles delivered so far.  "tile-filled" is
 * emitted on the main thread after each delivered tile. */
guint            dm_basemap_source_get_n_pending (DmBasemapSource   *self);
guint            dm_basemap_source_get_n_filled  (DmBasemapSource   *self);

G_END_DECLS
