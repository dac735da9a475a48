/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-basemap.c: the basemap painter, checked pixel by pixel on image
 * surfaces (no display): land and sea colours, actor tints and selection,
 * seamless tiles, palettes.  It also writes PNGs of the region to look at. */
#include "config.h"

#include <math.h>

#include "dm-basemap.h"
#include "dm-countries.h"
#include "dm-mercator.h"

typedef struct {
  int red, green, blue;
} Pixel;

static Pixel
get_pixel (cairo_surface_t *surface,
           int              x,
           int              y)
{
  const guint8 *data;
  guint32 v;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  v = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + 4 * x);

  /* opaque, so premultiplication changes nothing */
  return (Pixel) { v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff };
}

static void
assert_pixel_is (Pixel         pixel,
                 const DmRgba *color,
                 int           tolerance)
{
  int r = (int) round (color->red * 255);
  int g = (int) round (color->green * 255);
  int b = (int) round (color->blue * 255);

  if (ABS (pixel.red - r) > tolerance || ABS (pixel.green - g) > tolerance ||
      ABS (pixel.blue - b) > tolerance)
    g_error ("pixel #%02x%02x%02x, expected #%02x%02x%02x",
             pixel.red, pixel.green, pixel.blue, r, g, b);
}

/* The pixel of a geographic point in tile-sized image of its tile. */
static cairo_surface_t *
render_tile_at (double                  lat,
                double                  lon,
                int                     zoom,
                double                  scale,
                const DmPalette        *palette,
                const DmBasemapOptions *options,
                int                    *px,
                int                    *py)
{
  int size = (int) (DM_TILE_SIZE * scale), tx, ty;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (surface);
  double wx, wy;

  cairo_surface_set_device_scale (surface, scale, scale);
  dm_mercator_tile_at (lat, lon, zoom, &tx, &ty);
  g_assert_true (dm_basemap_draw_tile (cr, zoom, tx, ty, scale, palette, options));
  cairo_destroy (cr);

  dm_mercator_to_pixel (lat, lon, zoom, scale, &wx, &wy);
  *px = (int) floor (wx - tx * size);
  *py = (int) floor (wy - ty * size);

  return surface;
}

static void
no_labels (DmBasemapOptions *options)
{
  dm_basemap_options_init (options);
  options->show_labels = FALSE;
  options->show_capitals = FALSE;
}

static void
test_land_and_sea (void)
{
  const DmPalette *light = dm_palette_get_light ();
  DmBasemapOptions options;
  cairo_surface_t *surface;
  int px, py;

  no_labels (&options);

  /* Yerevan is on land, at zoom 4 to 10 */
  for (int zoom = 4; zoom <= 10; zoom += 3)
    {
      surface = render_tile_at (40.18, 44.51, zoom, 1, light, &options, &px, &py);
      assert_pixel_is (get_pixel (surface, px, py), &light->land, 1);
      cairo_surface_destroy (surface);
    }

  /* the middle of the Caspian Sea is sea */
  surface = render_tile_at (41.5, 50.5, 6, 1, light, &options, &px, &py);
  assert_pixel_is (get_pixel (surface, px, py), &light->sea, 1);
  cairo_surface_destroy (surface);

  /* so is the Atlantic, drawn from the 1:50m layer */
  surface = render_tile_at (40.0, -40.0, 3, 2, light, &options, &px, &py);
  assert_pixel_is (get_pixel (surface, px, py), &light->sea, 1);
  cairo_surface_destroy (surface);

  /* and Paris is land */
  surface = render_tile_at (48.85, 2.35, 5, 2, light, &options, &px, &py);
  assert_pixel_is (get_pixel (surface, px, py), &light->land, 1);
  cairo_surface_destroy (surface);
}

static void
test_tint_and_selection (void)
{
  const DmPalette *light = dm_palette_get_light ();
  g_autoptr(DmActorTint) tint = dm_actor_tint_new ();
  DmBasemapOptions options;
  cairo_surface_t *surface;
  DmRgba tinted, selected;
  Pixel plain_pixel, tinted_pixel, selected_pixel;
  int px, py;

  no_labels (&options);
  surface = render_tile_at (40.18, 44.51, 6, 1, light, &options, &px, &py);
  plain_pixel = get_pixel (surface, px, py);
  cairo_surface_destroy (surface);

  dm_actor_tint_set_color (tint, "ARM", 0xe66100);
  dm_actor_tint_set_color (tint, "AZE", 0x1c71d8);
  options.tint = tint;
  surface = render_tile_at (40.18, 44.51, 6, 1, light, &options, &px, &py);
  tinted_pixel = get_pixel (surface, px, py);
  dm_rgba_blend (&light->land, 0xe66100, light->tint_alpha, &tinted);
  assert_pixel_is (tinted_pixel, &tinted, 1);
  cairo_surface_destroy (surface);

  dm_actor_tint_set_selected (tint, "ARM");
  surface = render_tile_at (40.18, 44.51, 6, 1, light, &options, &px, &py);
  selected_pixel = get_pixel (surface, px, py);
  dm_rgba_blend (&light->land, 0xe66100, light->selected_alpha, &selected);
  assert_pixel_is (selected_pixel, &selected, 1);
  cairo_surface_destroy (surface);

  g_assert_true (memcmp (&plain_pixel, &tinted_pixel, sizeof (Pixel)) != 0);
  g_assert_true (memcmp (&tinted_pixel, &selected_pixel, sizeof (Pixel)) != 0);

  /* Baku keeps Azerbaijan's lighter tint: it is not selected. */
  surface = render_tile_at (40.41, 49.87, 6, 1, light, &options, &px, &py);
  dm_rgba_blend (&light->land, 0x1c71d8, light->tint_alpha, &tinted);
  assert_pixel_is (get_pixel (surface, px + 4, py - 4), &tinted, 1);
  cairo_surface_destroy (surface);

  /* Dimming: Tbilisi, no actor colour, gets the dimmed land. */
  options.dim_untinted = TRUE;
  surface = render_tile_at (41.72, 44.79, 6, 1, light, &options, &px, &py);
  assert_pixel_is (get_pixel (surface, px, py), &light->land_dimmed, 1);
  cairo_surface_destroy (surface);
}

static void
test_palettes_differ (void)
{
  const DmPalette *light = dm_palette_get_light ();
  const DmPalette *dark = dm_palette_get_dark ();
  DmBasemapOptions options;
  cairo_surface_t *a, *b;
  Pixel pa, pb;
  int px, py;

  g_assert_true (dm_palette_get (FALSE) == light);
  g_assert_true (dm_palette_get (TRUE) == dark);

  no_labels (&options);
  a = render_tile_at (41.5, 50.5, 6, 1, light, &options, &px, &py);
  b = render_tile_at (41.5, 50.5, 6, 1, dark, &options, &px, &py);
  pa = get_pixel (a, px, py);
  pb = get_pixel (b, px, py);
  assert_pixel_is (pb, &dark->sea, 1);
  /* dark sea is darker than light sea */
  g_assert_cmpint (pa.red + pa.green + pa.blue, >, pb.red + pb.green + pb.blue + 200);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* Renders tiles (x, y) and (x + dx, y + dy) separately, and a view covering
 * exactly both, and compares them pixel by pixel. */
static void
check_seam (int    zoom,
            int    x,
            int    y,
            int    dx,
            int    dy,
            double scale)
{
  const DmPalette *palette = dm_palette_get_light ();
  int tile = (int) (DM_TILE_SIZE * scale);
  int width = tile * (1 + dx), height = tile * (1 + dy);
  cairo_surface_t *whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_surface_t *parts = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  g_autoptr(DmActorTint) tint = dm_actor_tint_new ();
  DmBasemapOptions options;
  DmViewport vp;
  cairo_t *cr;
  double lat, lon, n = dm_mercator_tile_count (zoom);
  int max_diff = 0, n_diff = 0, seam_n = 0;
  double seam_sum = 0;

  no_labels (&options);
  dm_actor_tint_set_color (tint, "ARM", 0xe66100);
  dm_actor_tint_set_color (tint, "AZE", 0x1c71d8);
  dm_actor_tint_set_selected (tint, "AZE");
  options.tint = tint;

  /* the view centred on the middle of the pair */
  dm_mercator_unproject ((x + (1 + dx) / 2.0) / n, (y + (1 + dy) / 2.0) / n, &lat, &lon);
  dm_viewport_init (&vp, lat, lon, zoom, width / scale, height / scale, scale);
  cairo_surface_set_device_scale (whole, scale, scale);
  cr = cairo_create (whole);
  dm_basemap_draw (cr, &vp, palette, &options);
  cairo_destroy (cr);

  for (int i = 0; i <= 1; i++)
    {
      cairo_surface_t *one = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, tile, tile);

      cairo_surface_set_device_scale (one, scale, scale);
      cr = cairo_create (one);
      dm_basemap_draw_tile (cr, zoom, x + i * dx, y + i * dy, scale, palette, &options);
      cairo_destroy (cr);
      /* composite device pixel for device pixel */
      cairo_surface_set_device_scale (one, 1, 1);

      cr = cairo_create (parts);
      cairo_set_source_surface (cr, one, i * dx * tile, i * dy * tile);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (one);
    }

  for (int py = 0; py < height; py++)
    for (int px = 0; px < width; px++)
      {
        Pixel a = get_pixel (whole, px, py), b = get_pixel (parts, px, py);
        int d = MAX (ABS (a.red - b.red), MAX (ABS (a.green - b.green), ABS (a.blue - b.blue)));
        /* distance of the pixel from the tile edge between the two tiles */
        int from_edge = dx ? ABS (px - tile) : ABS (py - tile);

        max_diff = MAX (max_diff, d);
        n_diff += d > 2;
        if (from_edge <= 1 || px == tile - 2 || py == tile - 2)
          seam_sum += d, seam_n++;
      }

  if (g_getenv ("DM_SEAM_DEBUG"))
    {
      cairo_surface_write_to_png (whole, "/tmp/seam-whole.png");
      cairo_surface_write_to_png (parts, "/tmp/seam-parts.png");
    }
  g_test_message ("zoom %d tiles (%d,%d)+(%d,%d) at %gx: max difference %d, %d pixels > 2, "
                  "mean along the seam %.3f",
                  zoom, x, y, dx, dy, scale, max_diff, n_diff, seam_sum / seam_n);
  /* A seam would be a line of differing pixels along the tile edge.  Away
   * from it cairo may rasterize a stroke a few levels differently, because
   * it clips paths to a different surface. */
  g_assert_cmpfloat (seam_sum / seam_n, <, 1.0);
  g_assert_cmpint (n_diff, <=, width * height / 1000);
  g_assert_cmpint (max_diff, <=, 48);

  cairo_surface_destroy (whole);
  cairo_surface_destroy (parts);
}

static void
test_tile_seams (void)
{
  int tx, ty;

  /* Armenia and Azerbaijan (with their borders, tints and the hatched
   * Nagorno-Karabakh) across horizontal and vertical tile edges */
  dm_mercator_tile_at (40.18, 44.51, 6, &tx, &ty);
  check_seam (6, tx, ty, 1, 0, 1);
  check_seam (6, tx, ty, 0, 1, 1);
  check_seam (6, tx, ty, 1, 0, 2);
  dm_mercator_tile_at (39.815, 46.752, 8, &tx, &ty);
  check_seam (8, tx, ty, 1, 0, 1);
  check_seam (8, tx - 1, ty, 1, 0, 2);
  check_seam (8, tx, ty - 1, 0, 1, 1);
  /* the 1:50m / 1:10m switch at the detail box edge (57°E) */
  dm_mercator_tile_at (38.0, 57.0, 7, &tx, &ty);
  check_seam (7, tx - 1, ty, 1, 0, 1);
}

static char *
get_output_dir (void)
{
  const char *build_root = g_getenv ("MESON_BUILD_ROOT");
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");

  if (build_root != NULL)
    return g_build_filename (build_root, "meson-logs", NULL);
  if (builddir != NULL)
    return g_build_filename (builddir, "..", "meson-logs", NULL);

  return g_strdup (g_test_get_dir (G_TEST_BUILT));
}

static void
write_view (const char             *name,
            const DmViewport       *vp,
            const DmPalette        *palette,
            const DmBasemapOptions *options)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree char *dir = get_output_dir ();
  g_autofree char *path = NULL;
  gint64 start;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) (vp->width * vp->scale),
                                        (int) (vp->height * vp->scale));
  cairo_surface_set_device_scale (surface, vp->scale, vp->scale);
  cr = cairo_create (surface);
  start = g_get_monotonic_time ();
  dm_basemap_draw (cr, vp, palette, options);
  g_test_message ("%s: drawn in %.1f ms", name, (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("wrote %s", path);
  cairo_surface_destroy (surface);
}

static void
test_region_views (void)
{
  g_autoptr(DmActorTint) tint = dm_actor_tint_new ();
  DmBasemapOptions options;
  DmViewport vp;

  dm_basemap_options_init (&options);
  dm_viewport_init (&vp, 40.5, 45.5, 6, 1200, 800, 1);
  write_view ("basemap-region-light.png", &vp, dm_palette_get_light (), &options);
  write_view ("basemap-region-dark.png", &vp, dm_palette_get_dark (), &options);

  dm_actor_tint_set_color (tint, "ARM", 0xe66100);
  dm_actor_tint_set_color (tint, "AZE", 0x1c71d8);
  dm_actor_tint_set_color (tint, "RUS", 0xc01c28);
  dm_actor_tint_set_color (tint, "TUR", 0x9141ac);
  dm_actor_tint_set_selected (tint, "AZE");
  options.tint = tint;
  write_view ("basemap-region-tinted.png", &vp, dm_palette_get_light (), &options);
  options.dim_untinted = TRUE;
  write_view ("basemap-region-tinted-dark.png", &vp, dm_palette_get_dark (), &options);

  /* closer in, HiDPI */
  dm_basemap_options_init (&options);
  dm_viewport_init (&vp, 40.0, 46.0, 7.5, 800, 600, 2);
  write_view ("basemap-caucasus-zoom7.5-2x.png", &vp, dm_palette_get_light (), &options);

  /* the world, from the 1:50m layer */
  dm_viewport_init (&vp, 30, 20, 2, 1024, 640, 1);
  write_view ("basemap-world.png", &vp, dm_palette_get_light (), &options);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/basemap/land-and-sea", test_land_and_sea);
  g_test_add_func ("/render/basemap/tint-and-selection", test_tint_and_selection);
  g_test_add_func ("/render/basemap/palettes-differ", test_palettes_differ);
  g_test_add_func ("/render/basemap/tile-seams", test_tile_seams);
  g_test_add_func ("/render/basemap/region-views", test_region_views);

  return g_test_run ();
}
