/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-mercator.c: spherical Web Mercator, normalized to the unit square. */
#include "config.h"

#include <math.h>

#include "dm-mercator.h"

void
dm_mercator_project (double  lat,
                     double  lon,
                     double *x,
                     double *y)
{
  double s;

  lat = CLAMP (lat, -DM_MERCATOR_MAX_LATITUDE, DM_MERCATOR_MAX_LATITUDE);
  s = sin (lat * G_PI / 180.0);
  *x = (lon + 180.0) / 360.0;
  /* atanh form: one log, exact inverse of unproject's atan(sinh) */
  *y = 0.5 - log ((1.0 + s) / (1.0 - s)) / (4.0 * G_PI);
}

void
dm_mercator_unproject (double  x,
                       double  y,
                       double *lat,
                       double *lon)
{
  *lon = x * 360.0 - 180.0;
  *lat = atan (sinh (G_PI * (1.0 - 2.0 * y))) * 180.0 / G_PI;
}

double
dm_mercator_world_size (double zoom,
                        double scale)
{
  return DM_TILE_SIZE * exp2 (zoom) * scale;
}

int
dm_mercator_tile_count (int zoom)
{
  return 1 << CLAMP (zoom, 0, 30);
}

void
dm_mercator_to_pixel (double  lat,
                      double  lon,
                      double  zoom,
                      double  scale,
                      double *px,
                      double *py)
{
  double x, y, size = dm_mercator_world_size (zoom, scale);

  dm_mercator_project (lat, lon, &x, &y);
  *px = x * size;
  *py = y * size;
}

void
dm_mercator_from_pixel (double  px,
                        double  py,
                        double  zoom,
                        double  scale,
                        double *lat,
                        double *lon)
{
  double size = dm_mercator_world_size (zoom, scale);

  dm_mercator_unproject (px / size, py / size, lat, lon);
}

void
dm_mercator_tile_at (double  lat,
                     double  lon,
                     int     zoom,
                     int    *tile_x,
                     int    *tile_y)
{
  int n = dm_mercator_tile_count (zoom);
  double x, y;

  dm_mercator_project (lat, lon, &x, &y);
  *tile_x = CLAMP ((int) floor (x * n), 0, n - 1);
  *tile_y = CLAMP ((int) floor (y * n), 0, n - 1);
}

void
dm_mercator_tile_bounds (int     zoom,
                         int     tile_x,
                         int     tile_y,
                         double *north,
                         double *west,
                         double *south,
                         double *east)
{
  double n = dm_mercator_tile_count (zoom);

  dm_mercator_unproject (tile_x / n, tile_y / n, north, west);
  dm_mercator_unproject ((tile_x + 1) / n, (tile_y + 1) / n, south, east);
}

double
dm_mercator_ground_resolution (double lat,
                               double zoom)
{
  const double earth_circumference = 2.0 * G_PI * 6378137.0;

  return cos (lat * G_PI / 180.0) * earth_circumference /
         dm_mercator_world_size (zoom, 1.0);
}
