/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-basemap.h: the offline basemap, drawn with cairo from the geo layer.
 *
 * Two entry points share one painter: a whole view (screen overlay, export)
 * and single 256 px Web Mercator tiles (what a ShumateMapSource asks for).
 * Both fill land per country, lay the actor tints over it, then stroke
 * borders, so adjacent tiles meet without seams.
 */
#pragma once

#include <cairo.h>

#include "dm-palette.h"
#include "dm-viewport.h"

G_BEGIN_DECLS

typedef struct {
  const DmActorTint *tint;     /* nullable: no actor colours */
  gboolean show_labels;        /* country names */
  gboolean show_capitals;      /* capital dots + names, when zoomed in */
  gboolean show_disputed;      /* Nagorno-Karabakh hatch and outline */
  gboolean dim_untinted;       /* land without an actor colour is dimmed */
} DmBasemapOptions;

/* Defaults: no tint, labels, capitals and disputed areas shown, no dimming. */
void     dm_basemap_options_init (DmBasemapOptions *options);

/* Draws the view.  @cr's user space must be the view's logical pixels
 * (0..width, 0..height); for HiDPI scale the surface (device scale or
 * cairo_scale) and set viewport->scale to match.  @options may be NULL. */
void     dm_basemap_draw         (cairo_t                *cr,
                                  const DmViewport       *viewport,
                                  const DmPalette        *palette,
                                  const DmBasemapOptions *options);

/* Draws tile (@x, @y) at integer @zoom (2..10; others are clamped for the
 * geometry detail).  @cr's user space must be the tile's logical pixels
 * (0..256), with @scale device pixels per logical pixel already applied to
 * the surface (a 2x tile is a 512 px surface with device scale 2).  Labels
 * are not drawn in tiles: they would be cut at tile edges.  @options may be
 * NULL.  Returns FALSE if the geo data could not be loaded (the tile is then
 * plain sea). */
gboolean dm_basemap_draw_tile    (cairo_t                *cr,
                                  int                     zoom,
                                  int                     x,
                                  int                     y,
                                  double                  scale,
                                  const DmPalette        *palette,
                                  const DmBasemapOptions *options);

/* As dm_basemap_draw_tile(), with @border logical pixels of the
 * neighbouring tiles around it: @cr's user space is then
 * -@border..256+@border, its origin at the tile's top-left corner.  Tiles
 * drawn a little larger than their place overlap, and no seam shows
 * between them at fractional zoom levels. */
gboolean dm_basemap_draw_tile_with_border (cairo_t                *cr,
                                           int                     zoom,
                                           int                     x,
                                           int                     y,
                                           int                     border,
                                           double                  scale,
                                           const DmPalette        *palette,
                                           const DmBasemapOptions *options);

G_END_DECLS
