/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-geo.c: the geo layer without a display: Web Mercator round trips,
 * viewports, country lookups, and the per-zoom simplification. */
#include "config.h"

#include <math.h>

#include "dm-geo.h"

static DmCountries *
get_countries (void)
{
  g_autoptr(GError) error = NULL;
  DmCountries *countries = dm_countries_get_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (countries);

  return countries;
}

static void
test_mercator_round_trip (void)
{
  const double points[][2] = {
    { 0, 0 }, { 40.18, 44.51 }, { -33.87, 151.21 }, { 85.0, -179.9 },
    { -85.0, 179.9 }, { 55.75, 37.62 }, { 39.815, 46.752 }, { -0.0001, 0.0001 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      double x, y, lat, lon;

      dm_mercator_project (points[i][0], points[i][1], &x, &y);
      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (x, <=, 1);
      g_assert_cmpfloat (y, >=, 0);
      g_assert_cmpfloat (y, <=, 1);
      dm_mercator_unproject (x, y, &lat, &lon);
      g_assert_cmpfloat_with_epsilon (lat, points[i][0], 1e-9);
      g_assert_cmpfloat_with_epsilon (lon, points[i][1], 1e-9);
    }
}

static void
test_mercator_tiles (void)
{
  double x, y, north, west, south, east, px, py, lat, lon;
  int tx, ty;

  /* The equator and prime meridian are the middle of the world. */
  dm_mercator_project (0, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (dm_mercator_world_size (3, 2), 256 * 8 * 2, 1e-9);
  g_assert_cmpint (dm_mercator_tile_count (6), ==, 64);

  /* Yerevan at zoom 6 is tile (39, 24), as every slippy map has it. */
  dm_mercator_tile_at (40.18, 44.51, 6, &tx, &ty);
  g_assert_cmpint (tx, ==, 39);
  g_assert_cmpint (ty, ==, 24);
  dm_mercator_tile_bounds (6, tx, ty, &north, &west, &south, &east);
  g_assert_cmpfloat (north, >, 40.18);
  g_assert_cmpfloat (south, <, 40.18);
  g_assert_cmpfloat (west, <, 44.51);
  g_assert_cmpfloat (east, >, 44.51);

  dm_mercator_to_pixel (40.18, 44.51, 7.5, 2, &px, &py);
  dm_mercator_from_pixel (px, py, 7.5, 2, &lat, &lon);
  g_assert_cmpfloat_with_epsilon (lat, 40.18, 1e-9);
  g_assert_cmpfloat_with_epsilon (lon, 44.51, 1e-9);

  /* ~156 km per pixel at the equator at zoom 0 */
  g_assert_cmpfloat_with_epsilon (dm_mercator_ground_resolution (0, 0), 156543.03, 0.1);
}

static void
test_viewport_round_trip (void)
{
  DmViewport vp;
  const double points[][2] = {
    { 40.5, 45.5 }, { 40.18, 44.51 }, { 41.72, 44.79 }, { 36.0, 52.0 }, { 45.0, 36.0 },
  };
  double px, py, lat, lon, north, west, south, east;

  dm_viewport_init (&vp, 40.5, 45.5, 6.3, 1200, 800, 2);

  /* The centre is the middle of the view. */
  dm_viewport_project (&vp, 40.5, 45.5, &px, &py);
  g_assert_cmpfloat_with_epsilon (px, 600, 1e-6);
  g_assert_cmpfloat_with_epsilon (py, 400, 1e-6);

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      dm_viewport_project (&vp, points[i][0], points[i][1], &px, &py);
      dm_viewport_unproject (&vp, px, py, &lat, &lon);
      g_assert_cmpfloat_with_epsilon (lat, points[i][0], 1e-9);
      g_assert_cmpfloat_with_epsilon (lon, points[i][1], 1e-9);
    }

  dm_viewport_get_bounds (&vp, &north, &west, &south, &east);
  g_assert_cmpfloat (north, >, 40.5);
  g_assert_cmpfloat (south, <, 40.5);
  g_assert_cmpfloat (west, <, 45.5);
  g_assert_cmpfloat (east, >, 45.5);
  /* Pixels are logical: east - west spans width / world_size of 360°. */
  g_assert_cmpfloat_with_epsilon (east - west,
                                  360.0 * 1200 / dm_viewport_get_world_size (&vp), 1e-9);
}

static void
test_viewport_fit (void)
{
  /* Yerevan, Baku, Tbilisi */
  const double lats[] = { 40.1792, 40.4093, 41.7151 };
  const double lons[] = { 44.4991, 49.8671, 44.8271 };
  const double padding = 48;
  DmViewport vp;

  dm_viewport_init (&vp, 0, 0, 2, 1200, 800, 1);
  g_assert_true (dm_viewport_fit (&vp, lats, lons, G_N_ELEMENTS (lats), padding));
  g_assert_cmpfloat (vp.zoom, >=, DM_VIEWPORT_MIN_ZOOM);
  g_assert_cmpfloat (vp.zoom, <=, DM_VIEWPORT_MAX_ZOOM);

  for (guint i = 0; i < G_N_ELEMENTS (lats); i++)
    {
      double px, py;

      dm_viewport_project (&vp, lats[i], lons[i], &px, &py);
      g_assert_cmpfloat (px, >=, padding - 1e-6);
      g_assert_cmpfloat (px, <=, vp.width - padding + 1e-6);
      g_assert_cmpfloat (py, >=, padding - 1e-6);
      g_assert_cmpfloat (py, <=, vp.height - padding + 1e-6);
    }

  /* Tight: the limiting axis (east–west here) touches the padding. */
  {
    double west_px, py, east_px;

    dm_viewport_project (&vp, 40.1792, 44.4991, &west_px, &py);
    dm_viewport_project (&vp, 40.4093, 49.8671, &east_px, &py);
    g_assert_cmpfloat_with_epsilon (east_px - west_px, vp.width - 2 * padding, 1e-6);
  }

  /* One point: centred, zoom clamped to the maximum. */
  g_assert_true (dm_viewport_fit (&vp, lats, lons, 1, padding));
  g_assert_cmpfloat (vp.zoom, ==, DM_VIEWPORT_MAX_ZOOM);
  g_assert_cmpfloat_with_epsilon (vp.center_lat, lats[0], 1e-9);

  /* The whole world in a small view is clamped to the minimum zoom. */
  {
    const double wl[] = { -60, 70 }, wo[] = { -170, 170 };
    vp.width = 600;
    vp.height = 400;
    g_assert_true (dm_viewport_fit (&vp, wl, wo, 2, padding));
    g_assert_cmpfloat (vp.zoom, ==, DM_VIEWPORT_MIN_ZOOM);
  }

  g_assert_false (dm_viewport_fit (&vp, NULL, NULL, 0, padding));
}

static void
test_lookup (void)
{
  DmCountries *countries = get_countries ();
  const struct {
    double lat, lon;
    const char *iso;
  } cases[] = {
    { 40.18, 44.51, "ARM" },   /* Yerevan */
    { 40.41, 49.87, "AZE" },   /* Baku */
    { 41.72, 44.79, "GEO" },   /* Tbilisi */
    { 55.75, 37.62, "RUS" },   /* Moscow, outside the detail box */
    { 41.5, 50.5, NULL },      /* the middle of the Caspian Sea */
    { 39.2, 45.4, "AZE" },     /* Nakhchivan */
    { 39.815, 46.752, "AZE" }, /* Stepanakert */
    { 39.93, 32.86, "TUR" },   /* Ankara */
    { 35.69, 51.39, "IRN" },   /* Tehran */
    { 43.0, 34.0, NULL },      /* the Black Sea */
    { 48.85, 2.35, "FRA" },    /* Paris, 1:50m layer */
    { 0.0, -30.0, NULL },      /* the Atlantic */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *iso = dm_countries_lookup (countries, cases[i].lat, cases[i].lon);

      g_test_message ("(%g, %g) → %s", cases[i].lat, cases[i].lon, iso ? iso : "(null)");
      g_assert_cmpstr (iso, ==, cases[i].iso);
    }

  /* Inside the detail box the answer comes from the 1:10m layer. */
  g_assert_cmpint (dm_countries_lookup_country (countries, 40.18, 44.51)->layer, ==,
                   DM_GEO_LAYER_REGION);
  g_assert_cmpint (dm_countries_lookup_country (countries, 55.75, 37.62)->layer, ==,
                   DM_GEO_LAYER_WORLD);
  g_assert_cmpint (dm_countries_find (countries, "ARM")->layer, ==, DM_GEO_LAYER_REGION);
  g_assert_cmpstr (dm_countries_find (countries, "GEO")->name, ==, "Georgia");
  g_assert_null (dm_countries_find (countries, "XXX"));
}

static void
test_disputed (void)
{
  DmCountries *countries = get_countries ();
  const DmCountry *nk;

  g_assert_cmpuint (dm_countries_get_n_disputed (countries), ==, 1);
  nk = dm_countries_get_disputed (countries, 0);
  g_assert_cmpstr (nk->name, ==, "Nagorno-Karabakh");
  g_assert_cmpint (nk->layer, ==, DM_GEO_LAYER_DISPUTED);

  g_assert_true (dm_countries_lookup_disputed (countries, 39.815, 46.752) == nk); /* Stepanakert */
  g_assert_true (dm_countries_lookup_disputed (countries, 39.76, 46.75) == nk);   /* Shusha */
  g_assert_null (dm_countries_lookup_disputed (countries, 40.41, 49.87));         /* Baku */
  g_assert_null (dm_countries_lookup_disputed (countries, 39.99, 46.93));         /* Aghdam */
  /* An overlay: the country underneath is still Azerbaijan. */
  g_assert_cmpstr (dm_countries_lookup (countries, 39.815, 46.752), ==, "AZE");
}

static void
test_simplification_keeps_countries (void)
{
  DmCountries *countries = get_countries ();
  guint n = dm_countries_get_n_countries (countries);

  g_assert_cmpuint (n, >, 200);

  for (int zoom = DM_COUNTRIES_MIN_ZOOM; zoom <= DM_COUNTRIES_MAX_ZOOM; zoom++)
    {
      guint full_points = 0, points = 0;

      for (guint i = 0; i < n; i++)
        {
          const DmCountry *country = dm_countries_get_country (countries, i);
          const DmGeoShape *full = dm_countries_get_shape (countries, country, -1);
          const DmGeoShape *shape = dm_countries_get_shape (countries, country, zoom);
          gboolean has_area = FALSE;

          /* Cached: the same pointer the second time. */
          g_assert_true (shape == dm_countries_get_shape (countries, country, zoom));
          g_assert_cmpuint (shape->n_rings, >, 0);
          g_assert_cmpuint (shape->n_rings, <=, full->n_rings);
          for (guint r = 0; r < shape->n_rings; r++)
            {
              const DmGeoShape one = { 1, &shape->rings[r], shape->rings[r].bounds };

              g_assert_cmpuint (shape->rings[r].n_points, >=, 3);
              has_area |= dm_geo_shape_area (&one) > 0;
              points += shape->rings[r].n_points;
            }
          for (guint r = 0; r < full->n_rings; r++)
            full_points += full->rings[r].n_points;
          if (!has_area)
            g_error ("%s (%s) has no area at zoom %d", country->name, country->iso, zoom);
        }

      g_test_message ("zoom %d: %u of %u points kept", zoom, points, full_points);
      g_assert_cmpuint (points, <, full_points);
    }
}

static void
test_simplification_is_faithful (void)
{
  DmCountries *countries = get_countries ();
  const DmCountry *arm = dm_countries_find (countries, "ARM");
  const DmGeoShape *z6 = dm_countries_get_shape (countries, arm, 6);
  const DmGeoShape *z10 = dm_countries_get_shape (countries, arm, 10);
  double x, y, full_area = arm->area;

  /* Within a few per cent of the real area, and the capital still inside. */
  g_assert_cmpfloat (fabs (dm_geo_shape_area (z6) - full_area) / full_area, <, 0.05);
  g_assert_cmpfloat (fabs (dm_geo_shape_area (z10) - full_area) / full_area, <, 0.005);
  dm_mercator_project (40.18, 44.51, &x, &y);
  g_assert_true (dm_geo_shape_contains (z6, x, y));
  g_assert_true (dm_geo_shape_contains (z10, x, y));
  /* More detail at higher zoom. */
  g_assert_cmpuint (z10->rings[0].n_points, >, z6->rings[0].n_points);
}

static void
test_label_points (void)
{
  DmCountries *countries = get_countries ();
  const char *isos[] = { "ARM", "AZE", "GEO", "TUR", "IRN", "FRA", "RUS" };

  for (guint i = 0; i < G_N_ELEMENTS (isos); i++)
    {
      const DmCountry *country = dm_countries_find (countries, isos[i]);
      const DmGeoShape *full = dm_countries_get_shape (countries, country, -1);
      double lat, lon;

      dm_mercator_unproject (country->label_x, country->label_y, &lat, &lon);
      g_test_message ("%s label at (%.2f, %.2f)", isos[i], lat, lon);
      g_assert_true (dm_geo_shape_contains (full, country->label_x, country->label_y));
    }
}

static void
test_load_time (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmCountries) countries = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  countries = dm_countries_new (&error);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_no_error (error);
  g_test_message ("loading %u countries took %.1f ms",
                  dm_countries_get_n_countries (countries), ms);
  if (g_test_verbose ())
    g_printerr ("load time: %.1f ms\n", ms);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geo/mercator/round-trip", test_mercator_round_trip);
  g_test_add_func ("/geo/mercator/tiles", test_mercator_tiles);
  g_test_add_func ("/geo/viewport/round-trip", test_viewport_round_trip);
  g_test_add_func ("/geo/viewport/fit", test_viewport_fit);
  g_test_add_func ("/geo/countries/load-time", test_load_time);
  g_test_add_func ("/geo/countries/lookup", test_lookup);
  g_test_add_func ("/geo/countries/disputed", test_disputed);
  g_test_add_func ("/geo/countries/simplification", test_simplification_keeps_countries);
  g_test_add_func ("/geo/countries/simplification-faithful", test_simplification_is_faithful);
  g_test_add_func ("/geo/countries/label-points", test_label_points);

  return g_test_run ();
}
