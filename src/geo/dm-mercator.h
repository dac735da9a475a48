/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-mercator.h: spherical Web Mercator (EPSG:3857) math.
 *
 * Everything in the geo layer stores geometry in *normalized* world
 * coordinates: x and y in [0, 1], x growing east from 180°W, y growing south
 * from 85.0511°N, exactly the frame of the slippy-map tile scheme.  Pixels
 * are those coordinates multiplied by the world size at a zoom, so the same
 * projected data serves every zoom, tile and view.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Logical size of one map tile, as libshumate and every slippy map use. */
#define DM_TILE_SIZE 256

/* Latitude where the square Web Mercator world ends. */
#define DM_MERCATOR_MAX_LATITUDE 85.05112877980659

/* Latitudes beyond ±DM_MERCATOR_MAX_LATITUDE are clamped; longitudes are not
 * wrapped, so x may leave [0, 1] for |lon| > 180. */
void   dm_mercator_project        (double  lat,
                                   double  lon,
                                   double *x,
                                   double *y);
void   dm_mercator_unproject      (double  x,
                                   double  y,
                                   double *lat,
                                   double *lon);

/* Size of the whole world in pixels at @zoom (may be fractional):
 * DM_TILE_SIZE * 2^zoom * @scale. */
double dm_mercator_world_size     (double  zoom,
                                   double  scale);

/* Number of tiles along one side of the world at integer @zoom: 2^zoom. */
int    dm_mercator_tile_count     (int     zoom);

/* Pixel of a point in the world image at @zoom (top-left of the world is 0,0). */
void   dm_mercator_to_pixel       (double  lat,
                                   double  lon,
                                   double  zoom,
                                   double  scale,
                                   double *px,
                                   double *py);
void   dm_mercator_from_pixel     (double  px,
                                   double  py,
                                   double  zoom,
                                   double  scale,
                                   double *lat,
                                   double *lon);

/* The tile holding a point at integer @zoom (clamped to the valid range). */
void   dm_mercator_tile_at        (double  lat,
                                   double  lon,
                                   int     zoom,
                                   int    *tile_x,
                                   int    *tile_y);

/* Geographic bounds of tile (@tile_x, @tile_y) at @zoom. */
void   dm_mercator_tile_bounds    (int     zoom,
                                   int     tile_x,
                                   int     tile_y,
                                   double *north,
                                   double *west,
                                   double *south,
                                   double *east);

/* Metres on the ground per logical pixel at @lat and @zoom. */
double dm_mercator_ground_resolution (double lat,
                                      double zoom);

G_END_DECLS
