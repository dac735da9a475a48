/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-geojson-private.h: a small, fast reader for GeoJSON feature
 * collections of (multi)polygons, as data/geo holds them. */
#pragma once

#include <glib.h>

#include "dm-countries.h"

G_BEGIN_DECLS

/* Called once per feature with a Polygon or MultiPolygon geometry.
 * @rings: DmGeoRing values whose points are (longitude, latitude) pairs,
 * without GeoJSON's repeated closing position; outer rings and holes of all
 * polygons in order.  The callback takes ownership of @rings and of the
 * points.  Returning FALSE (with @error set) stops the reading. */
typedef gboolean (*DmGeoJsonFeatureFunc) (const char  *iso,
                                          const char  *name,
                                          GArray      *rings,
                                          gpointer     user_data,
                                          GError     **error);

gboolean dm_geojson_read (const char            *data,
                          gsize                  length,
                          DmGeoJsonFeatureFunc   func,
                          gpointer               user_data,
                          GError               **error);

G_END_DECLS
