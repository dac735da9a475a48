/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-basemap.c: times dm_basemap_draw_tile on every tile over the South
 * Caucasus (36–52°E, 36–45°N) at zooms 4 to 9, at 1x and 2x, and prints the
 * median per tile.  Not a test: run.sh runs it beside Mapnik. */
#include "config.h"

#include <stdlib.h>

#include "dm-basemap.h"
#include "dm-countries.h"
#include "dm-mercator.h"

#define WEST 36.0
#define EAST 52.0
#define SOUTH 36.0
#define NORTH 45.0

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static double
bench_scale (double      scale,
             int         min_zoom,
             int         max_zoom,
             const char *write_dir,
             guint      *n_tiles)
{
  const DmPalette *palette = dm_palette_get_light ();
  int size = (int) (DM_TILE_SIZE * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  DmBasemapOptions options;
  double median;

  dm_basemap_options_init (&options);
  cairo_surface_set_device_scale (surface, scale, scale);

  for (int pass = 0; pass < 2; pass++)   /* the first pass warms the caches */
    for (int zoom = min_zoom; zoom <= max_zoom; zoom++)
      {
        int x0, y0, x1, y1;

        dm_mercator_tile_at (NORTH, WEST, zoom, &x0, &y0);
        dm_mercator_tile_at (SOUTH, EAST, zoom, &x1, &y1);
        for (int y = y0; y <= y1; y++)
          for (int x = x0; x <= x1; x++)
            {
              cairo_t *cr = cairo_create (surface);
              gint64 start = g_get_monotonic_time ();
              double ms;

              dm_basemap_draw_tile (cr, zoom, x, y, scale, palette, &options);
              cairo_surface_flush (surface);
              ms = (g_get_monotonic_time () - start) / 1000.0;
              cairo_destroy (cr);

              if (pass == 0)
                continue;
              g_array_append_val (times, ms);
              if (write_dir != NULL)
                {
                  g_autofree char *name = g_strdup_printf ("%d-%d-%d@%gx.png", zoom, x, y, scale);
                  g_autofree char *path = g_build_filename (write_dir, name, NULL);
                  cairo_surface_write_to_png (surface, path);
                }
            }
      }

  g_array_sort (times, compare_doubles);
  *n_tiles = times->len;
  median = times->len ? g_array_index (times, double, times->len / 2) : 0;
  cairo_surface_destroy (surface);

  return median;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *write_dir = NULL;
  int min_zoom = 4, max_zoom = 9;
  guint n1, n2;
  double m1, m2;
  gint64 start;

  /* bench-basemap [--write DIR] [MIN_ZOOM MAX_ZOOM] */
  if (argc > 2 && g_str_equal (argv[1], "--write"))
    {
      write_dir = argv[2];
      g_mkdir_with_parents (write_dir, 0755);
      argc -= 2;
      argv += 2;
    }
  if (argc == 3)
    {
      min_zoom = atoi (argv[1]);
      max_zoom = atoi (argv[2]);
    }

  start = g_get_monotonic_time ();
  if (dm_countries_get_default (&error) == NULL)
    {
      g_printerr ("bench-basemap: %s\n", error->message);
      return 1;
    }
  g_print ("load: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  m1 = bench_scale (1, min_zoom, max_zoom, write_dir, &n1);
  m2 = bench_scale (2, min_zoom, max_zoom, write_dir, &n2);
  g_print ("diplomap 1x: %u tiles, median %.3f ms/tile\n", n1, m1);
  g_print ("diplomap 2x: %u tiles, median %.3f ms/tile\n", n2, m2);

  return 0;
}
