/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-viewport.h: a rectangular map view on the Web Mercator world.
 *
 * A viewport is a plain value: centre, fractional zoom, size in logical
 * (device-independent) pixels and the device scale.  The basemap, the
 * relationship view and the export all place things through it, so a point
 * lands on the same pixel on screen and in a PNG.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DM_VIEWPORT_MIN_ZOOM 2.0
#define DM_VIEWPORT_MAX_ZOOM 10.0

typedef struct {
  double center_lat;
  double center_lon;
  double zoom;     /* fractional; clamped to [MIN_ZOOM, MAX_ZOOM] by _fit */
  int    width;    /* logical pixels */
  int    height;   /* logical pixels */
  double scale;    /* device pixels per logical pixel (1, 2, …) */
} DmViewport;

void     dm_viewport_init       (DmViewport       *viewport,
                                 double            center_lat,
                                 double            center_lon,
                                 double            zoom,
                                 int               width,
                                 int               height,
                                 double            scale);

/* World size in logical pixels at the viewport's zoom (256 * 2^zoom). */
double   dm_viewport_get_world_size (const DmViewport *viewport);

/* Top-left corner of the view in logical world pixels: a normalized point
 * (x, y) is at view pixel (x * world_size - origin_x, y * world_size - origin_y). */
void     dm_viewport_get_origin (const DmViewport *viewport,
                                 double           *origin_x,
                                 double           *origin_y);

/* Logical view pixel of a geographic point, and back. */
void     dm_viewport_project    (const DmViewport *viewport,
                                 double            lat,
                                 double            lon,
                                 double           *px,
                                 double           *py);
void     dm_viewport_unproject  (const DmViewport *viewport,
                                 double            px,
                                 double            py,
                                 double           *lat,
                                 double           *lon);

/* Logical view pixel of a normalized Mercator point (see dm-mercator.h). */
void     dm_viewport_project_normalized (const DmViewport *viewport,
                                         double            x,
                                         double            y,
                                         double           *px,
                                         double           *py);

/* Geographic bounds of what the view shows. */
void     dm_viewport_get_bounds (const DmViewport *viewport,
                                 double           *north,
                                 double           *west,
                                 double           *south,
                                 double           *east);

/* Sets centre and zoom so that all @n points are visible with at least
 * @padding logical pixels to every edge.  The zoom is fractional and clamped
 * to [DM_VIEWPORT_MIN_ZOOM, DM_VIEWPORT_MAX_ZOOM]; width, height and scale
 * are kept.  With @n == 0 nothing changes; with a single point the view is
 * centred on it at the maximum zoom.  Returns FALSE if nothing changed. */
gboolean dm_viewport_fit        (DmViewport       *viewport,
                                 const double     *lats,
                                 const double     *lons,
                                 guint             n,
                                 double            padding);

G_END_DECLS
