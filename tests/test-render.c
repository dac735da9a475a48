/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-render.c: the relationship view of the sample article, checked on
 * image surfaces without a display: country tints under the markers, the
 * sea, the selection, the colour of an arc, the legend's entries, the pins
 * of off-map actors and the hit test.  It also writes PNGs of the sample
 * (light, dark, Armenia selected) to the meson log folder to look at. */
#include "config.h"

#include <math.h>

#include "dm-core.h"
#include "dm-countries.h"
#include "dm-edge-pins.h"
#include "dm-export.h"
#include "dm-legend.h"
#include "dm-relation-view.h"

#define WIDTH 1600
#define HEIGHT 1000

typedef struct {
  int red, green, blue;
} Pixel;

static DmAnalysis *sample;
/* tests/data/world-article.txt with tests/data/world-actors.json: 40
 * actors, 29 of them far from the Caucasus (India, China, Japan, Brazil…) */
static DmAnalysis *world;

static DmAnalysis *
load_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmGazetteer) gazetteer = NULL;
  g_autoptr(DmLexicon) lexicon = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree char *path = NULL;
  DmAnalysis *analysis;

  path = g_build_filename (g_getenv ("DM_SOURCE_ROOT") != NULL ? g_getenv ("DM_SOURCE_ROOT") : "..",
                           "data", "articles", "blinken-aliyev-call.txt", NULL);
  documents = dm_load_documents_from_path (path, &error);
  g_assert_no_error (error);
  gazetteer = dm_gazetteer_new_default (&error);
  g_assert_no_error (error);
  lexicon = dm_lexicon_new_default (&error);
  g_assert_no_error (error);
  analysis = dm_analysis_new (gazetteer, lexicon, documents, NULL, &error);
  g_assert_no_error (error);

  return analysis;
}

static DmAnalysis *
load_world (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmGazetteer) gazetteer = NULL;
  g_autoptr(DmLexicon) lexicon = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  const char *root = g_getenv ("DM_SOURCE_ROOT") != NULL ? g_getenv ("DM_SOURCE_ROOT") : "..";
  g_autofree char *article = g_build_filename (root, "tests", "data", "world-article.txt", NULL);
  g_autofree char *actors = g_build_filename (root, "tests", "data", "world-actors.json", NULL);
  DmAnalysis *analysis;

  documents = dm_load_documents_from_path (article, &error);
  g_assert_no_error (error);
  gazetteer = dm_gazetteer_new_default (&error);
  g_assert_no_error (error);
  g_assert_true (dm_gazetteer_merge_file (gazetteer, actors, &error));
  g_assert_no_error (error);
  lexicon = dm_lexicon_new_default (&error);
  g_assert_no_error (error);
  analysis = dm_analysis_new (gazetteer, lexicon, documents, NULL, &error);
  g_assert_no_error (error);

  return analysis;
}

static int
actor_index (const char *code)
{
  int index = dm_gazetteer_lookup_code (dm_analysis_get_gazetteer (sample), code);

  g_assert_cmpint (index, >=, 0);

  return index;
}

static Pixel
get_pixel (cairo_surface_t *surface,
           double           x,
           double           y)
{
  const guint8 *data;
  guint32 v;
  int px = (int) floor (x), py = (int) floor (y);

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (surface));

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  v = *(const guint32 *) (data + py * cairo_image_surface_get_stride (surface) + 4 * px);

  return (Pixel) { v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff };
}

static gboolean
pixel_near (Pixel         pixel,
            const DmRgba *color,
            int           tolerance)
{
  return ABS (pixel.red - (int) round (color->red * 255)) <= tolerance &&
         ABS (pixel.green - (int) round (color->green * 255)) <= tolerance &&
         ABS (pixel.blue - (int) round (color->blue * 255)) <= tolerance;
}

static void
assert_pixel_is (Pixel         pixel,
                 const DmRgba *color,
                 int           tolerance)
{
  if (!pixel_near (pixel, color, tolerance))
    g_error ("pixel #%02x%02x%02x, expected #%02x%02x%02x",
             pixel.red, pixel.green, pixel.blue, (int) round (color->red * 255),
             (int) round (color->green * 255), (int) round (color->blue * 255));
}

static void
fit_sample (DmViewport *viewport)
{
  dm_relation_view_fit (viewport, sample, WIDTH, HEIGHT);
}

static cairo_surface_t *
render (const DmRelationSelection   *selection,
        const DmRelationViewOptions *options)
{
  DmViewport viewport;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  fit_sample (&viewport);
  dm_relation_view_draw (cr, &viewport, sample, selection, options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  return surface;
}

static DmRelationLayout *
make_layout (const DmRelationSelection *selection)
{
  DmViewport viewport;

  fit_sample (&viewport);

  return dm_relation_layout_new (&viewport, sample, selection, NULL);
}

/* Is (x, y) clear of every marker, label, arc and box of @layout? */
static gboolean
is_clear (const DmRelationLayout *layout,
          double                  x,
          double                  y,
          double                  margin)
{
  int actor, link;
  const DmRelationRect *boxes[] = { &layout->title, &layout->legend, &layout->attribution };

  for (guint i = 0; i < G_N_ELEMENTS (boxes); i++)
    if (x >= boxes[i]->x0 - margin && x <= boxes[i]->x1 + margin &&
        y >= boxes[i]->y0 - margin && y <= boxes[i]->y1 + margin)
      return FALSE;

  for (int dx = -1; dx <= 1; dx++)
    for (int dy = -1; dy <= 1; dy++)
      if (dm_relation_layout_hit_test (layout, x + dx * margin, y + dy * margin, &actor, &link))
        return FALSE;

  return TRUE;
}

/* A point of @iso near (@lat, @lon), away from borders and from anything
 * drawn over the map: there only the basemap shows. */
static gboolean
find_clear_point (const DmRelationLayout *layout,
                  const DmRelationLayout *also,
                  const char             *iso,
                  double                  lat,
                  double                  lon,
                  double                 *px,
                  double                 *py)
{
  DmCountries *countries = dm_countries_get_default (NULL);

  for (double r = 0; r < 1.5; r += 0.05)
    for (int k = 0; k < 16; k++)
      {
        double a = k * G_PI / 8, plat = lat + r * sin (a), plon = lon + r * cos (a);
        gboolean inside = TRUE;

        /* well inside: the neighbours of the point are in @iso too */
        for (int j = 0; j < 4 && inside; j++)
          {
            double b = j * G_PI / 2;

            inside = g_strcmp0 (dm_countries_lookup (countries, plat + 0.08 * sin (b),
                                                     plon + 0.08 * cos (b)), iso) == 0;
          }
        if (!inside)
          continue;

        dm_viewport_project (&layout->viewport, plat, plon, px, py);
        if (is_clear (layout, *px, *py, 12) && (also == NULL || is_clear (also, *px, *py, 12)))
          return TRUE;
      }

  return FALSE;
}

static void
test_tints (void)
{
  g_autoptr(DmRelationLayout) layout = make_layout (NULL);
  cairo_surface_t *surface = render (NULL, NULL);
  const DmPalette *palette = dm_palette_get_light ();
  const DmActorInfo *arm = dm_gazetteer_get_actor (dm_analysis_get_gazetteer (sample),
                                                   actor_index ("ARM"));
  DmRgba expected;
  double x, y;

  /* Armenia, near Yerevan: land with Armenia's colour */
  g_assert_true (find_clear_point (layout, NULL, "ARM", 40.18, 44.51, &x, &y));
  dm_rgba_blend (&palette->land, arm->color, palette->tint_alpha, &expected);
  assert_pixel_is (get_pixel (surface, x, y), &expected, 3);

  /* the Caspian Sea */
  dm_viewport_project (&layout->viewport, 42.0, 50.6, &x, &y);
  g_assert_true (is_clear (layout, x, y, 6));
  assert_pixel_is (get_pixel (surface, x, y), &palette->sea, 3);

  cairo_surface_destroy (surface);
}

static void
test_selection (void)
{
  g_autoptr(DmRelationLayout) layout = make_layout (NULL);
  DmRelationSelection selection = { actor_index ("ARM"), -1 };
  g_autoptr(DmRelationLayout) selected_layout = make_layout (&selection);
  cairo_surface_t *plain = render (NULL, NULL);
  cairo_surface_t *selected = render (&selection, NULL);
  const DmRelationNode *node;
  Pixel a, b;
  double x, y;

  /* a point clear in both layouts: only the basemap's tint differs */
  g_assert_true (find_clear_point (layout, selected_layout, "ARM", 40.6, 44.9, &x, &y));
  a = get_pixel (plain, x, y);
  b = get_pixel (selected, x, y);
  g_assert_true (a.red != b.red || a.green != b.green || a.blue != b.blue);

  /* the selected actor is emphasized, others dimmed, its links lit */
  node = dm_relation_layout_find_node (selected_layout, actor_index ("ARM"));
  g_assert_nonnull (node);
  g_assert_true (node->emphasized);
  g_assert_false (node->dimmed);
  node = dm_relation_layout_find_node (selected_layout, actor_index ("UN"));
  g_assert_nonnull (node);
  g_assert_true (node->dimmed);
  for (guint i = 0; i < selected_layout->arcs->len; i++)
    {
      const DmRelationArc *arc = &g_array_index (selected_layout->arcs, DmRelationArc, i);
      const DmLink *link = dm_analysis_get_link (sample, arc->link);
      gboolean touches = link->source == (guint) selection.actor ||
                         link->target == (guint) selection.actor;

      g_assert_cmpint (arc->emphasized, ==, touches);
      g_assert_cmpint (arc->dimmed, ==, !touches);
    }

  cairo_surface_destroy (plain);
  cairo_surface_destroy (selected);
}

static int
find_link (DmLinkKind  kind,
           const char *source,
           const char *target)
{
  for (guint i = 0; i < dm_analysis_get_n_links (sample); i++)
    {
      const DmLink *link = dm_analysis_get_link (sample, i);

      if (link->kind == kind && link->source == (guint) actor_index (source) &&
          link->target == (guint) actor_index (target))
        return i;
    }

  return -1;
}

static void
test_arc_color (void)
{
  g_autoptr(DmRelationLayout) layout = make_layout (NULL);
  cairo_surface_t *surface = render (NULL, NULL);
  int appeal = find_link (DM_LINK_APPEAL, "USA", "AZE");
  const DmRelationArc *arc;
  const DmRelationNode *usa;
  DmRgba expected;
  double x, y;

  g_assert_cmpint (appeal, >=, 0);
  arc = dm_relation_layout_find_arc (layout, appeal);
  g_assert_nonnull (arc);
  g_assert_true (arc->directed);
  usa = dm_relation_layout_find_node (layout, actor_index ("USA"));
  g_assert_true (usa->pinned);
  g_assert_true (&g_array_index (layout->nodes, DmRelationNode, arc->source) == usa);

  dm_relation_arc_get_point (arc, 0.5, &x, &y);
  dm_legend_get_quad_color (DM_QUAD_VERBAL_COOPERATION, FALSE, &expected);
  assert_pixel_is (get_pixel (surface, x, y), &expected, 8);

  cairo_surface_destroy (surface);
}

static void
test_parallel_arcs (void)
{
  g_autoptr(DmRelationLayout) layout = make_layout (NULL);

  /* links between the same two actors never lie on top of each other */
  for (guint i = 0; i < layout->arcs->len; i++)
    for (guint j = i + 1; j < layout->arcs->len; j++)
      {
        const DmRelationArc *a = &g_array_index (layout->arcs, DmRelationArc, i);
        const DmRelationArc *b = &g_array_index (layout->arcs, DmRelationArc, j);
        double ax, ay, bx, by;

        if (MIN (a->source, a->target) != MIN (b->source, b->target) ||
            MAX (a->source, a->target) != MAX (b->source, b->target))
          continue;
        dm_relation_arc_get_point (a, 0.5, &ax, &ay);
        dm_relation_arc_get_point (b, 0.5, &bx, &by);
        g_assert_cmpfloat (hypot (ax - bx, ay - by), >=, 8.0);
      }
}

static void
test_legend_entries (void)
{
  g_autoptr(GArray) entries = dm_legend_collect_entries (sample);
  gboolean present[DM_N_LINK_KINDS] = { FALSE };
  guint n_present = 0;

  for (guint i = 0; i < dm_analysis_get_n_links (sample); i++)
    present[dm_analysis_get_link (sample, i)->kind] = TRUE;
  for (guint k = 0; k < DM_N_LINK_KINDS; k++)
    n_present += present[k];

  g_assert_cmpuint (entries->len, ==, n_present);
  for (guint i = 0; i < entries->len; i++)
    {
      const DmLegendEntry *entry = &g_array_index (entries, DmLegendEntry, i);

      g_assert_true (present[entry->kind]);
      g_assert_cmpint (entry->quad, ==, dm_link_kind_get_quad (entry->kind));
      if (i > 0)
        g_assert_cmpint (entry->quad, >=, g_array_index (entries, DmLegendEntry, i - 1).quad);
    }

  /* the sample: no mediation, but tension, aid, consultation, appeal… */
  g_assert_false (present[DM_LINK_MEDIATE]);
  g_assert_true (present[DM_LINK_APPEAL]);
  g_assert_true (present[DM_LINK_AID]);

  /* the four quad colours differ, and verbal links are the dashed ones */
  for (guint q = 0; q < DM_N_QUADS; q++)
    for (guint r = q + 1; r < DM_N_QUADS; r++)
      {
        DmRgba a, b;

        dm_legend_get_quad_color (q, FALSE, &a);
        dm_legend_get_quad_color (r, FALSE, &b);
        g_assert_true (fabs (a.red - b.red) + fabs (a.green - b.green) + fabs (a.blue - b.blue) > 0.3);
      }
  g_assert_true (dm_legend_quad_is_dashed (DM_QUAD_VERBAL_COOPERATION));
  g_assert_true (dm_legend_quad_is_dashed (DM_QUAD_VERBAL_CONFLICT));
  g_assert_false (dm_legend_quad_is_dashed (DM_QUAD_MATERIAL_COOPERATION));
  g_assert_false (dm_legend_quad_is_dashed (DM_QUAD_MATERIAL_CONFLICT));
}

static gboolean
on_edge (const DmRelationLayout *layout,
         const DmRelationNode   *node)
{
  double w = layout->viewport.width, h = layout->viewport.height;
  double top = layout->title.y1;
  double d = MIN (MIN (node->x, w - node->x), MIN (node->y - top, h - node->y));

  return d < 40 && node->x > 0 && node->x < w && node->y > top && node->y < h;
}

static void
test_pins (void)
{
  g_autoptr(DmRelationLayout) layout = make_layout (NULL);
  const DmRelationNode *usa = dm_relation_layout_find_node (layout, actor_index ("USA"));
  const DmRelationNode *eu = dm_relation_layout_find_node (layout, actor_index ("EU"));
  const DmRelationNode *un = dm_relation_layout_find_node (layout, actor_index ("UN"));
  const DmRelationNode *arm = dm_relation_layout_find_node (layout, actor_index ("ARM"));
  const DmRelationNode *aze = dm_relation_layout_find_node (layout, actor_index ("AZE"));

  g_assert_nonnull (usa);
  g_assert_nonnull (eu);
  g_assert_nonnull (un);
  g_assert_false (arm->pinned);
  g_assert_false (aze->pinned);

  /* Washington and Brussels: on the view's edge, to the west of the
   * Caucasus, the arrow pointing out that way */
  g_assert_true (usa->pinned);
  g_assert_true (on_edge (layout, usa));
  g_assert_cmpfloat (usa->x, <, 60);
  g_assert_cmpfloat (usa->dx, <, -0.9);
  g_assert_cmpfloat (fabs (usa->dy), <, 0.3);

  g_assert_true (eu->pinned);
  g_assert_true (on_edge (layout, eu));
  g_assert_cmpfloat (eu->dx, <, -0.8);
  g_assert_cmpfloat (eu->dy, <, -0.1);   /* north of west: Brussels is at 51°N */
  g_assert_cmpfloat (eu->y, <, arm->y);

  /* New York is nearly in line with Washington: the pins are spread */
  g_assert_true (un->pinned);
  g_assert_cmpfloat (hypot (un->x - usa->x, un->y - usa->y), >=, un->radius + usa->radius + 8);

  /* the pins' labels are inside the view */
  g_assert_true (usa->has_label);
  g_assert_cmpfloat (usa->label.x0, >=, 0);
  g_assert_cmpfloat (usa->label.x1, <=, WIDTH);
}

static void
test_hit_test (void)
{
  g_autoptr(DmRelationLayout) layout = make_layout (NULL);
  const DmRelationNode *aze = dm_relation_layout_find_node (layout, actor_index ("AZE"));
  int appeal = find_link (DM_LINK_APPEAL, "USA", "AZE");
  const DmRelationArc *arc = dm_relation_layout_find_arc (layout, appeal);
  DmViewport viewport;
  int actor, link;
  double x, y;

  /* Baku's marker */
  fit_sample (&viewport);
  g_assert_true (dm_relation_view_hit_test (&viewport, sample, NULL, NULL,
                                            aze->x + 2, aze->y - 1, &actor, &link));
  g_assert_cmpint (actor, ==, actor_index ("AZE"));
  g_assert_cmpint (link, ==, -1);

  /* the middle of the appeal arc */
  dm_relation_arc_get_point (arc, 0.5, &x, &y);
  g_assert_true (dm_relation_layout_hit_test (layout, x, y, &actor, &link));
  g_assert_cmpint (actor, ==, -1);
  g_assert_cmpint (link, ==, appeal);

  /* the open sea */
  dm_viewport_project (&layout->viewport, 42.0, 50.6, &x, &y);
  g_assert_false (dm_relation_layout_hit_test (layout, x, y, &actor, &link));
  g_assert_cmpint (actor, ==, -1);
  g_assert_cmpint (link, ==, -1);
}

static void
test_link_selection (void)
{
  int appeal = find_link (DM_LINK_APPEAL, "USA", "AZE");
  DmRelationSelection selection = { -1, appeal };
  g_autoptr(DmRelationLayout) layout = make_layout (&selection);

  for (guint i = 0; i < layout->arcs->len; i++)
    {
      const DmRelationArc *arc = &g_array_index (layout->arcs, DmRelationArc, i);

      g_assert_cmpint (arc->emphasized, ==, arc->link == (guint) appeal);
      g_assert_cmpint (arc->dimmed, ==, arc->link != (guint) appeal);
    }
  g_assert_false (dm_relation_layout_find_node (layout, actor_index ("USA"))->dimmed);
  g_assert_false (dm_relation_layout_find_node (layout, actor_index ("AZE"))->dimmed);
  g_assert_true (dm_relation_layout_find_node (layout, actor_index ("RUS"))->dimmed);
}

static void
test_fit (void)
{
  DmViewport viewport;
  double north, west, south, east;

  fit_sample (&viewport);
  g_assert_cmpint (viewport.width, ==, WIDTH);
  g_assert_cmpint (viewport.height, ==, HEIGHT);
  g_assert_cmpfloat (viewport.zoom, >=, 4.0);
  g_assert_cmpfloat (viewport.zoom, <=, 7.0);

  /* the whole South Caucasus is in view */
  dm_viewport_get_bounds (&viewport, &north, &west, &south, &east);
  g_assert_cmpfloat (west, <, 40.0);
  g_assert_cmpfloat (east, >, 50.9);
  g_assert_cmpfloat (south, <, 38.3);
  g_assert_cmpfloat (north, >, 43.6);

  /* a small view still works, zoomed out */
  dm_relation_view_fit (&viewport, sample, 400, 300);
  g_assert_cmpfloat (viewport.zoom, >=, 4.0);
  g_assert_cmpfloat (viewport.zoom, <, 6.0);
}

static void
test_scale_matches (void)
{
  DmViewport viewport;
  cairo_surface_t *one, *two;
  Pixel a, b;
  double x, y;

  /* the 2x image is the 1x one, enlarged: the marker centres agree */
  one = dm_export_draw_image (800, 500, 1.0, sample, NULL, NULL, NULL);
  two = dm_export_draw_image (800, 500, 2.0, sample, NULL, NULL, NULL);
  g_assert_cmpint (cairo_image_surface_get_width (two), ==, 1600);
  g_assert_cmpint (cairo_image_surface_get_height (two), ==, 1000);
  dm_relation_view_fit (&viewport, sample, 800, 500);
  {
    g_autoptr(DmRelationLayout) small = dm_relation_layout_new (&viewport, sample, NULL, NULL);
    const DmRelationNode *node = dm_relation_layout_find_node (small, actor_index ("ARM"));

    x = node->x;
    y = node->y;
  }
  a = get_pixel (one, x, y);
  b = get_pixel (two, 2 * x, 2 * y);
  g_assert_cmpint (ABS (a.red - b.red) + ABS (a.green - b.green) + ABS (a.blue - b.blue), <, 30);

  cairo_surface_destroy (one);
  cairo_surface_destroy (two);
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
write_png (const char                *name,
           const DmRelationSelection *selection,
           gboolean                   dark)
{
  DmRelationViewOptions options;
  g_autofree char *dir = get_output_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  dm_relation_view_options_init (&options);
  options.dark = dark;
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  dm_export_write_full (path, DM_EXPORT_FORMAT_PNG, WIDTH, HEIGHT, 1.0, sample, NULL,
                        selection, &options, &error);
  g_assert_no_error (error);
  g_test_message ("wrote %s in %.0f ms", path, (g_get_monotonic_time () - start) / 1000.0);
}


/* The world-scale views: the pins of off-map actors. */

static const DmRelationNode *
world_node (const DmRelationLayout *layout,
            const char             *code)
{
  int actor = dm_gazetteer_lookup_code (dm_analysis_get_gazetteer (world), code);
  const DmRelationNode *node;

  g_assert_cmpint (actor, >=, 0);
  node = dm_relation_layout_find_node (layout, actor);
  g_assert_nonnull (node);

  return node;
}

static guint32
world_color (const char *code)
{
  DmGazetteer *gazetteer = dm_analysis_get_gazetteer (world);

  return dm_gazetteer_get_actor (gazetteer, dm_gazetteer_lookup_code (gazetteer, code))->color;
}

static DmRelationLayout *
make_world_layout (int         width,
                   int         height,
                   DmViewport *viewport)
{
  dm_relation_view_fit (viewport, world, width, height);

  return dm_relation_layout_new (viewport, world, NULL, NULL);
}

static cairo_surface_t *
render_world (const DmViewport *viewport,
              const char       *name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, viewport->width,
                                                         viewport->height);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *dir = get_output_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);

  dm_relation_view_draw (cr, viewport, world, NULL, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  g_mkdir_with_parents (dir, 0755);
  cairo_surface_write_to_png (surface, path);

  return surface;
}

static gboolean
rects_overlap (const DmRelationRect *a,
               const DmRelationRect *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* The pins' frame: PIN_MARGIN (30) inside the view, below the title. */
static DmRelationRect
pin_frame (const DmRelationLayout *layout)
{
  return (DmRelationRect) { 30, layout->title.y1 + 30,
                            layout->viewport.width - 30, layout->viewport.height - 30 };
}

static void
test_world_pin_directions (void)
{
  DmViewport viewport;
  g_autoptr(DmRelationLayout) layout = make_world_layout (WIDTH, HEIGHT, &viewport);
  cairo_surface_t *surface = render_world (&viewport, "render-world-1600x1000.png");
  DmRelationRect frame = pin_frame (layout);
  double cx = (frame.x0 + frame.x1) / 2, cy = (frame.y0 + frame.y1) / 2;
  const struct {
    const char *code;
    double      lat, lon;
    double      max_angle;  /* degrees between the pin and its place, seen from
                               the centre: a crowded edge (Brazil's, with the
                               Americas and Europe) pushes pins along it */
  } far[] = {
    { "IND", 28.61, 77.21, 10 },
    { "CHN", 39.90, 116.40, 10 },
    { "JPN", 35.68, 139.69, 10 },
    { "BRA", -15.79, -47.88, 15 },
  };

  /* in the view: Armenia and Azerbaijan; off it: the four */
  g_assert_false (world_node (layout, "ARM")->pinned);
  g_assert_false (world_node (layout, "AZE")->pinned);

  for (guint i = 0; i < G_N_ELEMENTS (far); i++)
    {
      const DmRelationNode *node = world_node (layout, far[i].code);
      DmRgba color, white = { 1, 1, 1, 1 };
      double ax, ay, pin_angle, place_angle, diff, r = node->radius;
      double out_x, out_y, to_x, to_y, len;

      g_assert_true (node->pinned);
      /* on the border: on one of the frame's four lines, inside the view */
      g_assert_true (fabs (node->x - frame.x0) < 0.5 || fabs (node->x - frame.x1) < 0.5 ||
                     fabs (node->y - frame.y0) < 0.5 || fabs (node->y - frame.y1) < 0.5);
      g_assert_cmpfloat (node->x, >=, frame.x0 - 0.5);
      g_assert_cmpfloat (node->x, <=, frame.x1 + 0.5);
      g_assert_cmpfloat (node->y, >=, layout->title.y1);
      g_assert_cmpfloat (node->y, <=, frame.y1 + 0.5);

      /* in the direction of the place (Web Mercator screen space) */
      dm_viewport_project (&viewport, far[i].lat, far[i].lon, &ax, &ay);
      pin_angle = atan2 (node->y - cy, node->x - cx) * 180 / G_PI;
      place_angle = atan2 (ay - cy, ax - cx) * 180 / G_PI;
      diff = fabs (fmod (pin_angle - place_angle + 540, 360) - 180);
      g_test_message ("%s: pin at %.0f,%.0f, %.1f° from its place's direction",
                      far[i].code, node->x, node->y, diff);
      g_assert_cmpfloat (diff, <=, far[i].max_angle);

      /* the arrow points from the pin at the place */
      to_x = ax - node->x, to_y = ay - node->y;
      len = hypot (to_x, to_y);
      g_assert_cmpfloat (node->dx * to_x / len + node->dy * to_y / len, >, 0.9);

      /* Exact pixels: the white dot in the middle (a pin, not a marker at
       * its place), the actor's colour in the ring and in the arrow
       * beyond it, pointing out of the view. */
      dm_rgba_from_rgb (world_color (far[i].code), &color);
      assert_pixel_is (get_pixel (surface, node->x, node->y), &white, 8);
      out_x = node->dx, out_y = node->dy;
      assert_pixel_is (get_pixel (surface, node->x - out_y * 0.68 * r, node->y + out_x * 0.68 * r),
                       &color, 10);
      assert_pixel_is (get_pixel (surface, node->x + out_x * (r + 8), node->y + out_y * (r + 8)),
                       &color, 10);
    }

  /* each on the side its place is on */
  g_assert_cmpfloat (world_node (layout, "JPN")->x, >, frame.x1 - 0.5);
  g_assert_cmpfloat (world_node (layout, "CHN")->x, >, frame.x1 - 0.5);
  g_assert_cmpfloat (world_node (layout, "IND")->x, >, cx);
  g_assert_cmpfloat (world_node (layout, "IND")->y, >, cy);
  g_assert_cmpfloat (world_node (layout, "BRA")->x, <, cx);
  g_assert_cmpfloat (world_node (layout, "BRA")->y, >, cy);

  cairo_surface_destroy (surface);
}

/* No two pins or labels overlap, labels stay in the picture and clear of
 * the legend and the attribution, at three sizes down to a small one. */
static void
test_world_pins_apart (void)
{
  const int sizes[][2] = { { WIDTH, HEIGHT }, { 900, 700 }, { 640, 560 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      int w = sizes[s][0], h = sizes[s][1];
      DmViewport viewport;
      g_autoptr(DmRelationLayout) layout = make_world_layout (w, h, &viewport);
      g_autofree char *name = g_strdup_printf ("render-world-%dx%d.png", w, h);
      cairo_surface_t *surface = render_world (&viewport, name);
      const DmPalette *palette = dm_palette_get_light ();
      guint n_pins = 0, n_labels = 0;

      for (guint i = 0; i < layout->nodes->len; i++)
        {
          const DmRelationNode *a = &g_array_index (layout->nodes, DmRelationNode, i);
          const DmActorInfo *info = dm_gazetteer_get_actor (dm_analysis_get_gazetteer (world), a->actor);
          DmRgba color;
          guint ink = 0;

          if (!a->pinned)
            continue;
          n_pins++;

          for (guint j = 0; j < layout->nodes->len; j++)
            {
              const DmRelationNode *b = &g_array_index (layout->nodes, DmRelationNode, j);

              if (j == i || !b->pinned)
                continue;
              g_assert_cmpfloat (hypot (a->x - b->x, a->y - b->y), >=, a->radius + b->radius + 4);
              if (a->has_label && b->has_label)
                g_assert_false (rects_overlap (&a->label, &b->label));
              if (a->has_label)
                {
                  double r = b->radius + 2;
                  DmRelationRect marker = { b->x - r, b->y - r, b->x + r, b->y + r };

                  g_assert_false (rects_overlap (&a->label, &marker));
                }
            }

          /* the marker's ring is its own colour: nothing covers it */
          dm_rgba_from_rgb (info->color, &color);
          assert_pixel_is (get_pixel (surface, a->x - a->dy * 0.68 * a->radius,
                                      a->y + a->dx * 0.68 * a->radius), &color, 10);

          if (!a->has_label)
            continue;
          n_labels++;
          g_assert_cmpfloat (a->label.x0, >=, 0);
          g_assert_cmpfloat (a->label.x1, <=, w);
          g_assert_cmpfloat (a->label.y0, >=, layout->title.y1);
          g_assert_cmpfloat (a->label.y1, <=, h);
          g_assert_false (rects_overlap (&a->label, &layout->attribution));
          if (layout->has_legend)
            g_assert_false (rects_overlap (&a->label, &layout->legend));

          /* and its text is drawn there, in the label colour */
          for (double y = a->label.y0; y < a->label.y1; y++)
            for (double x = a->label.x0; x < a->label.x1; x++)
              if (pixel_near (get_pixel (surface, x, y), &palette->label, 24))
                ink++;
          g_assert_cmpuint (ink, >, 20);
        }

      g_test_message ("%d×%d: %u pins, %u with labels", w, h, n_pins, n_labels);
      g_assert_cmpuint (n_pins, >=, 25);
      /* at the export's size every pin keeps its label */
      if (s == 0)
        g_assert_cmpuint (n_labels, ==, n_pins);
      cairo_surface_destroy (surface);
    }
}

/* China and the SCO share Beijing: the same direction, two pins side by
 * side, neither hiding the other; and the layout module on its own, with
 * pins wanting one point. */
static void
test_world_same_direction (void)
{
  DmViewport viewport;
  g_autoptr(DmRelationLayout) layout = make_world_layout (WIDTH, HEIGHT, &viewport);
  const DmRelationNode *chn = world_node (layout, "CHN");
  const DmRelationNode *sco = world_node (layout, "SCO");
  DmRelationRect frame = { 30, 30, 770, 570 }, bounds = { 4, 4, 796, 596 };
  DmEdgePin pins[6] = { 0 };

  g_assert_true (chn->pinned);
  g_assert_true (sco->pinned);
  g_assert_cmpfloat (hypot (chn->x - sco->x, chn->y - sco->y), >=, chn->radius + sco->radius + 4);
  g_assert_false (rects_overlap (&chn->label, &sco->label));

  /* six places in nearly one direction, east and a little south */
  for (guint i = 0; i < G_N_ELEMENTS (pins); i++)
    {
      pins[i].tx = 5000;
      pins[i].ty = 400 + i * 0.5;
      pins[i].radius = 8;
      pins[i].label_w = 90;
      pins[i].label_h = 30;
      pins[i].rank = i;
    }
  dm_edge_pins_layout (pins, G_N_ELEMENTS (pins), &frame, &bounds, NULL, 0, 6);
  for (guint i = 0; i < G_N_ELEMENTS (pins); i++)
    {
      g_assert_cmpint (pins[i].edge, ==, DM_EDGE_RIGHT);
      g_assert_cmpfloat (pins[i].x, ==, frame.x1);
      g_assert_true (pins[i].has_label);
      /* kept in order, spaced, centred on what they want */
      if (i > 0)
        {
          g_assert_cmpfloat (pins[i].y, >, pins[i - 1].y);
          g_assert_false (rects_overlap (&pins[i].label, &pins[i - 1].label));
          g_assert_cmpfloat (pins[i].y - pins[i - 1].y, >=, 2 * 8 + 6);
        }
      g_assert_cmpfloat (pins[i].label.x1, <=, bounds.x1);
      g_assert_cmpfloat (pins[i].dx, >, 0.9);
    }
  /* where the line from the frame's centre (400, 300) to (5000, ~401)
   * crosses the right edge */
  g_assert_cmpfloat (fabs ((pins[0].y + pins[5].y) / 2 - (300 + 101.25 * 370 / 4600)), <, 1);
}

static void
test_write_samples (void)
{
  DmRelationSelection selection = { actor_index ("ARM"), -1 };

  write_png ("render-sample-light.png", NULL, FALSE);
  write_png ("render-sample-dark.png", NULL, TRUE);
  write_png ("render-sample-arm-selected.png", &selection, FALSE);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  sample = load_sample ();
  world = load_world ();

  g_test_add_func ("/render/relation-view/tints", test_tints);
  g_test_add_func ("/render/relation-view/selection", test_selection);
  g_test_add_func ("/render/relation-view/link-selection", test_link_selection);
  g_test_add_func ("/render/relation-view/arc-color", test_arc_color);
  g_test_add_func ("/render/relation-view/parallel-arcs", test_parallel_arcs);
  g_test_add_func ("/render/relation-view/legend-entries", test_legend_entries);
  g_test_add_func ("/render/relation-view/pins", test_pins);
  g_test_add_func ("/render/relation-view/hit-test", test_hit_test);
  g_test_add_func ("/render/relation-view/fit", test_fit);
  g_test_add_func ("/render/relation-view/scale", test_scale_matches);
  g_test_add_func ("/render/relation-view/samples", test_write_samples);
  g_test_add_func ("/render/world/pin-directions", test_world_pin_directions);
  g_test_add_func ("/render/world/pins-apart", test_world_pins_apart);
  g_test_add_func ("/render/world/same-direction", test_world_same_direction);

  status = g_test_run ();
  g_clear_object (&sample);
  g_clear_object (&world);

  return status;
}
