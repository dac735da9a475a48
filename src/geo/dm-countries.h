/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-countries.h: the country polygons of the map, and which country a point
 * is in.
 *
 * Two layers come from Natural Earth: the whole world at 1:50m, and the
 * South Caucasus and its neighbours at 1:10m, cut to a box around the region.
 * Inside the "detail box" (dm_countries_get_detail_box) only the 1:10m layer
 * counts, for drawing and for lookups; outside it only the 1:50m one.  A
 * country crossing the box edge (Russia, Turkey, Iran, …) is thus two
 * DmCountry entries with the same ISO code, one per layer.
 *
 * Geometry is stored projected, in normalized Web Mercator coordinates
 * (dm-mercator.h), and simplified per integer zoom on first use.  The
 * disputed areas (today only the former Nagorno-Karabakh Autonomous Oblast,
 * hand-digitised) are kept apart from the countries: they overlay them and
 * never change what dm_countries_lookup() answers.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Axis-aligned box in normalized Mercator coordinates (y grows south). */
typedef struct {
  double x0, y0;   /* north-west corner */
  double x1, y1;   /* south-east corner */
} DmGeoRect;

/* A closed ring: n_points (x, y) pairs in normalized Mercator coordinates,
 * the first point not repeated at the end. */
typedef struct {
  guint         n_points;
  const double *points;
  DmGeoRect     bounds;
} DmGeoRing;

/* The rings of one feature.  Outer rings and holes of all its polygons are
 * mixed: fill with the even-odd rule (CAIRO_FILL_RULE_EVEN_ODD). */
typedef struct {
  guint            n_rings;
  const DmGeoRing *rings;
  DmGeoRect        bounds;
} DmGeoShape;

typedef enum {
  DM_GEO_LAYER_WORLD,     /* 1:50m, applies outside the detail box */
  DM_GEO_LAYER_REGION,    /* 1:10m, applies inside the detail box */
  DM_GEO_LAYER_DISPUTED,  /* overlay, see dm_countries_get_disputed() */
} DmGeoLayer;

typedef struct {
  const char *iso;       /* ISO 3166-1 alpha-3 (or a stable pseudo code) */
  const char *name;      /* English short name, as in Natural Earth */
  DmGeoLayer  layer;
  DmGeoRect   bounds;    /* of the full-detail shape */
  double      label_x;   /* a point inside the largest ring, normalized */
  double      label_y;
  double      area;      /* of the full-detail shape, normalized units² */
} DmCountry;

/* Simplification levels exist for these integer zooms; other zooms are
 * clamped into the range. */
#define DM_COUNTRIES_MIN_ZOOM 2
#define DM_COUNTRIES_MAX_ZOOM 10

#define DM_TYPE_COUNTRIES (dm_countries_get_type ())
G_DECLARE_FINAL_TYPE (DmCountries, dm_countries, DM, COUNTRIES, GObject)

/* The shared instance, loaded from the compiled-in resources on first call.
 * Transfer none: it lives until the process ends.  Thread-safe. */
DmCountries      *dm_countries_get_default   (GError     **error);

/* A fresh instance loaded from the compiled-in resources (tests, timing). */
DmCountries      *dm_countries_new           (GError     **error);

/* Loads from GeoJSON files instead; @disputed_path may be NULL. */
DmCountries      *dm_countries_new_from_files (const char  *world_path,
                                               const char  *region_path,
                                               const char  *disputed_path,
                                               GError     **error);

/* Countries of both layers, in drawing order: world layer first. */
guint             dm_countries_get_n_countries (DmCountries *self);
const DmCountry  *dm_countries_get_country   (DmCountries  *self,
                                              guint         index);

/* The entry of @iso that matters for the region: the 1:10m one if the
 * country is in the regional layer, else the 1:50m one; NULL if unknown. */
const DmCountry  *dm_countries_find          (DmCountries  *self,
                                              const char   *iso);

/* ISO code of the country containing the point, or NULL for the sea and
 * for land no country claims.  Uses the 1:10m layer inside the detail box. */
const char       *dm_countries_lookup        (DmCountries  *self,
                                              double        lat,
                                              double        lon);
const DmCountry  *dm_countries_lookup_country (DmCountries *self,
                                               double       lat,
                                               double       lon);

/* Where the 1:10m layer replaces the 1:50m one (normalized Mercator). */
void              dm_countries_get_detail_box (DmCountries *self,
                                               DmGeoRect   *box);

/* Geometry of @country simplified for @zoom (about 0.5 px tolerance at that
 * zoom, 1x scale; pass zoom + log2 (scale) for HiDPI).  A ring with area
 * never disappears: at worst it becomes a triangle or quad.  The result is
 * owned by @self and valid as long as it lives.  Thread-safe.  Pass
 * zoom = -1 for the full-detail geometry. */
const DmGeoShape *dm_countries_get_shape     (DmCountries     *self,
                                              const DmCountry *country,
                                              int              zoom);

/* Disputed areas (layer DM_GEO_LAYER_DISPUTED): "Nagorno-Karabakh". */
guint             dm_countries_get_n_disputed (DmCountries *self);
const DmCountry  *dm_countries_get_disputed  (DmCountries  *self,
                                              guint         index);
/* The disputed area containing the point, or NULL. */
const DmCountry  *dm_countries_lookup_disputed (DmCountries *self,
                                                double       lat,
                                                double       lon);

/* Even-odd point-in-shape test in normalized Mercator coordinates. */
gboolean          dm_geo_shape_contains      (const DmGeoShape *shape,
                                              double            x,
                                              double            y);

/* Sum of the absolute areas of the rings (normalized units²). */
double            dm_geo_shape_area          (const DmGeoShape *shape);

/* A good place for a label: the middle of the widest horizontal run inside
 * @shape, preferring runs near the vertical middle, looked for only within
 * @within (NULL: anywhere).  *width is the run's length.  FALSE if no part
 * of the shape is within. */
gboolean          dm_geo_shape_label_point   (const DmGeoShape *shape,
                                              const DmGeoRect  *within,
                                              double           *x,
                                              double           *y,
                                              double           *width);

gboolean          dm_geo_rect_intersects     (const DmGeoRect  *a,
                                              const DmGeoRect  *b);

G_END_DECLS
