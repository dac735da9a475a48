/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-viewport.c: placing points in a map view, and framing a set of points. */
#include "config.h"

#include <math.h>

#include "dm-mercator.h"
#include "dm-viewport.h"

void
dm_viewport_init (DmViewport *viewport,
                  double      center_lat,
                  double      center_lon,
                  double      zoom,
                  int         width,
                  int         height,
                  double      scale)
{
  viewport->center_lat = center_lat;
  viewport->center_lon = center_lon;
  viewport->zoom = zoom;
  viewport->width = width;
  viewport->height = height;
  viewport->scale = scale > 0 ? scale : 1.0;
}

double
dm_viewport_get_world_size (const DmViewport *viewport)
{
  return dm_mercator_world_size (viewport->zoom, 1.0);
}

void
dm_viewport_get_origin (const DmViewport *viewport,
                        double           *origin_x,
                        double           *origin_y)
{
  double size = dm_viewport_get_world_size (viewport);
  double cx, cy;

  dm_mercator_project (viewport->center_lat, viewport->center_lon, &cx, &cy);
  *origin_x = cx * size - viewport->width / 2.0;
  *origin_y = cy * size - viewport->height / 2.0;
}

void
dm_viewport_project_normalized (const DmViewport *viewport,
                                double            x,
                                double            y,
                                double           *px,
                                double           *py)
{
  double size = dm_viewport_get_world_size (viewport);
  double ox, oy;

  dm_viewport_get_origin (viewport, &ox, &oy);
  *px = x * size - ox;
  *py = y * size - oy;
}

void
dm_viewport_project (const DmViewport *viewport,
                     double            lat,
                     double            lon,
                     double           *px,
                     double           *py)
{
  double x, y;

  dm_mercator_project (lat, lon, &x, &y);
  dm_viewport_project_normalized (viewport, x, y, px, py);
}

void
dm_viewport_unproject (const DmViewport *viewport,
                       double            px,
                       double            py,
                       double           *lat,
                       double           *lon)
{
  double size = dm_viewport_get_world_size (viewport);
  double ox, oy;

  dm_viewport_get_origin (viewport, &ox, &oy);
  dm_mercator_unproject ((px + ox) / size, (py + oy) / size, lat, lon);
}

void
dm_viewport_get_bounds (const DmViewport *viewport,
                        double           *north,
                        double           *west,
                        double           *south,
                        double           *east)
{
  dm_viewport_unproject (viewport, 0, 0, north, west);
  dm_viewport_unproject (viewport, viewport->width, viewport->height, south, east);
}

gboolean
dm_viewport_fit (DmViewport   *viewport,
                 const double *lats,
                 const double *lons,
                 guint         n,
                 double        padding)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double avail_w, avail_h, zoom_x, zoom_y, zoom, lat, lon;

  if (n == 0 || viewport->width <= 0 || viewport->height <= 0)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      double x, y;

      dm_mercator_project (lats[i], lons[i], &x, &y);
      x0 = MIN (x0, x);
      y0 = MIN (y0, y);
      x1 = MAX (x1, x);
      y1 = MAX (y1, y);
    }

  /* A view smaller than twice the padding still gets one pixel to work in. */
  avail_w = MAX (1.0, viewport->width - 2.0 * padding);
  avail_h = MAX (1.0, viewport->height - 2.0 * padding);

  /* world_size(zoom) * extent = available pixels, solved for zoom */
  zoom_x = x1 > x0 ? log2 (avail_w / ((x1 - x0) * DM_TILE_SIZE)) : DM_VIEWPORT_MAX_ZOOM;
  zoom_y = y1 > y0 ? log2 (avail_h / ((y1 - y0) * DM_TILE_SIZE)) : DM_VIEWPORT_MAX_ZOOM;
  zoom = CLAMP (MIN (zoom_x, zoom_y), DM_VIEWPORT_MIN_ZOOM, DM_VIEWPORT_MAX_ZOOM);

  dm_mercator_unproject ((x0 + x1) / 2.0, (y0 + y1) / 2.0, &lat, &lon);
  viewport->center_lat = lat;
  viewport->center_lon = lon;
  viewport->zoom = zoom;

  return TRUE;
}
