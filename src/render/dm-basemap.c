/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-basemap.c: paints the offline basemap with cairo and Pango.
 *
 * One painter serves views and tiles.  It works in logical pixels of a
 * window onto the world image at some zoom: a view's window starts wherever
 * its centre puts it, a tile's at a multiple of 256, so the same projected
 * geometry lands on the same device pixels in both and adjacent tiles meet
 * exactly.  Order: sea, land per country (actor tints are opaque blends, so
 * nothing is composited twice), borders as one stroke per layer, the
 * selected country's outline, the disputed area, then labels.
 *
 * The 1:50m world layer is clipped out of the detail box and the 1:10m
 * regional layer into it; the box edges are snapped to device pixels so the
 * two layers do not leave a faint line where they meet.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "dm-basemap.h"
#include "dm-countries.h"
#include "dm-gazetteer.h"
#include "dm-mercator.h"

/* Logical pixels beyond the drawn area that paths keep, wider than any
 * stroke, so that outlines are not cut short at the edges. */
#define CULL_MARGIN 4.0
#define LABEL_FONT "Cantarell, Noto Sans, DejaVu Sans, Sans"
#define HATCH_SPACING 6.0

typedef struct {
  cairo_t          *cr;
  DmCountries      *countries;
  const DmPalette  *palette;
  DmBasemapOptions  options;
  double            zoom;
  int               level;       /* simplification zoom */
  double            world_size;  /* logical pixels */
  double            origin_x;    /* logical world pixel at the top-left */
  double            origin_y;
  double            width;       /* logical */
  double            height;
  double            scale;
  DmGeoRect         visible;     /* normalized, with the cull margin */
  DmGeoRect         detail;      /* normalized detail box */
  double            detail_px[4];/* its x0, y0, x1, y1 in logical pixels, snapped */
} Painter;

typedef struct {
  double x0, y0, x1, y1;
} LabelRect;

typedef struct {
  const char *name;
  double      lat, lon;
} Capital;

/* The capitals of the region and of the powers around it. */
static const Capital capitals[] = {
  { N_("Yerevan"), 40.1792, 44.4991 },
  { N_("Baku"), 40.4093, 49.8671 },
  { N_("Tbilisi"), 41.7151, 44.8271 },
  { N_("Ankara"), 39.9334, 32.8597 },
  { N_("Tehran"), 35.6892, 51.3890 },
  { N_("Moscow"), 55.7558, 37.6173 },
};

/* Countries whose names go first when labels compete for room. */
static const char *focus_countries[] = { "ARM", "AZE", "GEO" };

void
dm_basemap_options_init (DmBasemapOptions *options)
{
  options->tint = NULL;
  options->show_labels = TRUE;
  options->show_capitals = TRUE;
  options->show_disputed = TRUE;
  options->dim_untinted = FALSE;
}

static void
set_source (cairo_t      *cr,
            const DmRgba *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static double
snap (const Painter *p,
      double         v)
{
  return round (v * p->scale) / p->scale;
}

static gboolean
painter_init (Painter                *p,
              cairo_t                *cr,
              const DmPalette        *palette,
              const DmBasemapOptions *options,
              double                  zoom,
              double                  scale,
              double                  origin_x,
              double                  origin_y,
              double                  width,
              double                  height)
{
  g_autoptr(GError) error = NULL;
  double m;

  p->cr = cr;
  p->palette = palette != NULL ? palette : dm_palette_get_light ();
  if (options != NULL)
    p->options = *options;
  else
    dm_basemap_options_init (&p->options);
  p->zoom = zoom;
  p->scale = scale > 0 ? scale : 1.0;
  p->level = CLAMP ((int) ceil (zoom + log2 (p->scale) - 1e-6),
                    DM_COUNTRIES_MIN_ZOOM, DM_COUNTRIES_MAX_ZOOM);
  p->world_size = dm_mercator_world_size (zoom, 1.0);
  p->origin_x = origin_x;
  p->origin_y = origin_y;
  p->width = width;
  p->height = height;

  m = CULL_MARGIN / p->world_size;
  p->visible = (DmGeoRect) {
    origin_x / p->world_size - m, origin_y / p->world_size - m,
    (origin_x + width) / p->world_size + m, (origin_y + height) / p->world_size + m,
  };

  p->countries = dm_countries_get_default (&error);
  if (p->countries == NULL)
    {
      g_warning ("Cannot load the country polygons: %s", error->message);
      return FALSE;
    }

  dm_countries_get_detail_box (p->countries, &p->detail);
  p->detail_px[0] = snap (p, p->detail.x0 * p->world_size - origin_x);
  p->detail_px[1] = snap (p, p->detail.y0 * p->world_size - origin_y);
  p->detail_px[2] = snap (p, p->detail.x1 * p->world_size - origin_x);
  p->detail_px[3] = snap (p, p->detail.y1 * p->world_size - origin_y);

  return TRUE;
}

static void
to_view (const Painter *p,
         double         x,
         double         y,
         double        *px,
         double        *py)
{
  *px = x * p->world_size - p->origin_x;
  *py = y * p->world_size - p->origin_y;
}

/* Adds a ring to the current path.  With @reduce, runs of points that all
 * lie beyond the same edge of the (margin-extended) area are replaced by
 * their end points: the shortcut stays beyond that edge, so neither the
 * even-odd fill nor the stroke inside the area changes, and a tile of
 * Russia does not walk cairo through its whole coastline. */
static void
add_ring (const Painter   *p,
          const DmGeoRing *ring,
          gboolean         reduce)
{
  const double *pts = ring->points;
  const double w = p->world_size, ox = p->origin_x, oy = p->origin_y;
  const double xmin = -CULL_MARGIN, ymin = -CULL_MARGIN;
  const double xmax = p->width + CULL_MARGIN, ymax = p->height + CULL_MARGIN;
  double last_x = 0, last_y = 0;
  gboolean pending = FALSE;
  unsigned run = 0;

  for (guint i = 0; i < ring->n_points; i++)
    {
      double x = pts[2 * i] * w - ox, y = pts[2 * i + 1] * w - oy;
      unsigned code = (x < xmin) | (x > xmax) << 1 | (y < ymin) << 2 | (y > ymax) << 3;

      if (i == 0)
        {
          cairo_move_to (p->cr, x, y);
          run = code;
          continue;
        }
      if (reduce && (run & code) != 0)
        {
          run &= code;
          last_x = x;
          last_y = y;
          pending = TRUE;
          continue;
        }
      if (pending)
        cairo_line_to (p->cr, last_x, last_y);
      cairo_line_to (p->cr, x, y);
      run = code;
      pending = FALSE;
    }
  if (pending)
    cairo_line_to (p->cr, last_x, last_y);
  cairo_close_path (p->cr);
}

static void
add_shape (const Painter    *p,
           const DmGeoShape *shape,
           gboolean          reduce)
{
  for (guint r = 0; r < shape->n_rings; r++)
    if (dm_geo_rect_intersects (&shape->rings[r].bounds, &p->visible))
      add_ring (p, &shape->rings[r], reduce);
}

static void
clip_to_layer (const Painter *p,
               DmGeoLayer     layer)
{
  cairo_t *cr = p->cr;
  const double *d = p->detail_px;

  cairo_new_path (cr);
  if (layer == DM_GEO_LAYER_WORLD)
    {
      /* everything but the detail box */
      cairo_rectangle (cr, -CULL_MARGIN, -CULL_MARGIN,
                       p->width + 2 * CULL_MARGIN, p->height + 2 * CULL_MARGIN);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
    }
  cairo_rectangle (cr, d[0], d[1], d[2] - d[0], d[3] - d[1]);
  cairo_clip (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
}

static gboolean
layer_shows (const Painter   *p,
             const DmCountry *country)
{
  if (!dm_geo_rect_intersects (&country->bounds, &p->visible))
    return FALSE;

  if (country->layer == DM_GEO_LAYER_REGION)
    return dm_geo_rect_intersects (&country->bounds, &p->detail);

  /* a world-layer country wholly inside the detail box is drawn at 1:10m */
  return !(country->bounds.x0 >= p->detail.x0 && country->bounds.x1 <= p->detail.x1 &&
           country->bounds.y0 >= p->detail.y0 && country->bounds.y1 <= p->detail.y1);
}

static void
land_color (const Painter   *p,
            const DmCountry *country,
            DmRgba          *color)
{
  const DmActorTint *tint = p->options.tint;
  guint32 rgb;

  if (tint != NULL && dm_actor_tint_lookup (tint, country->iso, &rgb))
    {
      const char *selected = dm_actor_tint_get_selected (tint);
      double alpha = g_strcmp0 (selected, country->iso) == 0
                     ? p->palette->selected_alpha : p->palette->tint_alpha;

      dm_rgba_blend (&p->palette->land, rgb, alpha, color);
    }
  else if (tint != NULL && p->options.dim_untinted && dm_actor_tint_get_n_colors (tint) > 0)
    *color = p->palette->land_dimmed;
  else
    *color = p->palette->land;
}

static void
draw_layer (const Painter *p,
            DmGeoLayer     layer)
{
  cairo_t *cr = p->cr;
  guint n = dm_countries_get_n_countries (p->countries);

  cairo_save (cr);
  clip_to_layer (p, layer);

  for (guint i = 0; i < n; i++)
    {
      const DmCountry *country = dm_countries_get_country (p->countries, i);
      DmRgba color;

      if (country->layer != layer || !layer_shows (p, country))
        continue;

      land_color (p, country, &color);
      cairo_new_path (cr);
      add_shape (p, dm_countries_get_shape (p->countries, country, p->level), TRUE);
      set_source (cr, &color);
      cairo_fill (cr);
    }

  /* One stroke for all borders: a border shared by two countries is drawn
   * once, and hides the hairline gap antialiasing leaves between them. */
  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    {
      const DmCountry *country = dm_countries_get_country (p->countries, i);

      if (country->layer == layer && layer_shows (p, country))
        add_shape (p, dm_countries_get_shape (p->countries, country, p->level), TRUE);
    }
  set_source (cr, &p->palette->border);
  cairo_set_line_width (cr, p->palette->border_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);

  cairo_restore (cr);
}

static void
draw_selected (const Painter *p)
{
  cairo_t *cr = p->cr;
  const char *selected;
  guint n = dm_countries_get_n_countries (p->countries);
  guint32 rgb;
  DmRgba color;

  if (p->options.tint == NULL ||
      (selected = dm_actor_tint_get_selected (p->options.tint)) == NULL)
    return;

  /* The actor's colour pulled towards the label colour: darker on the light
   * palette, lighter on the dark one, so the outline reads against its fill
   * either way. */
  if (dm_actor_tint_lookup (p->options.tint, selected, &rgb))
    dm_rgba_blend (&p->palette->label, rgb, 0.7, &color);
  else
    color = p->palette->label;

  for (guint i = 0; i < n; i++)
    {
      const DmCountry *country = dm_countries_get_country (p->countries, i);

      if (g_strcmp0 (country->iso, selected) != 0 || !layer_shows (p, country))
        continue;

      cairo_save (cr);
      clip_to_layer (p, country->layer);
      cairo_new_path (cr);
      add_shape (p, dm_countries_get_shape (p->countries, country, p->level), TRUE);
      set_source (cr, &color);
      cairo_set_line_width (cr, p->palette->selected_border_width);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static void
draw_disputed (const Painter *p)
{
  cairo_t *cr = p->cr;
  static const double dashes[] = { 4.0, 3.0 };

  for (guint i = 0; i < dm_countries_get_n_disputed (p->countries); i++)
    {
      const DmCountry *area = dm_countries_get_disputed (p->countries, i);
      const DmGeoShape *shape;
      double bx0, by0, bx1, by1, shift;
      long k0, k1;

      if (!dm_geo_rect_intersects (&area->bounds, &p->visible))
        continue;
      shape = dm_countries_get_shape (p->countries, area, p->level);
      to_view (p, shape->bounds.x0, shape->bounds.y0, &bx0, &by0);
      to_view (p, shape->bounds.x1, shape->bounds.y1, &bx1, &by1);

      /* Hatch lines sit on x - y = k * spacing in *world* pixels, so they
       * run on unbroken from one tile to the next. */
      cairo_save (cr);
      cairo_new_path (cr);
      add_shape (p, shape, FALSE);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_clip (cr);
      shift = p->origin_x - p->origin_y;
      k0 = (long) ceil ((bx0 - by1 + shift) / HATCH_SPACING);
      k1 = (long) floor ((bx1 - by0 + shift) / HATCH_SPACING);
      for (long k = k0; k <= k1; k++)
        {
          double c = k * HATCH_SPACING - shift;

          cairo_move_to (cr, c + by0, by0);
          cairo_line_to (cr, c + by1, by1);
        }
      set_source (cr, &p->palette->disputed_hatch);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
      cairo_restore (cr);

      /* Not reduced: the dashes must start at the same vertex in every
       * tile to line up across tile edges. */
      cairo_save (cr);
      cairo_new_path (cr);
      add_shape (p, shape, FALSE);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_set_line_width (cr, 1.2);
      set_source (cr, &p->palette->disputed_outline);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

/* Labels */

static gboolean
rects_overlap (const LabelRect *a,
               const LabelRect *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* Takes @rect if it is inside the view and free; FALSE if not. */
static gboolean
claim_rect (const Painter   *p,
            GArray          *placed,
            const LabelRect *rect)
{
  if (rect->x0 < 2 || rect->y0 < 2 || rect->x1 > p->width - 2 || rect->y1 > p->height - 2)
    return FALSE;
  for (guint i = 0; i < placed->len; i++)
    if (rects_overlap (&g_array_index (placed, LabelRect, i), rect))
      return FALSE;
  g_array_append_val (placed, *rect);

  return TRUE;
}

static PangoLayout *
make_layout (const Painter *p,
             const char    *text,
             double         size,
             PangoWeight    weight,
             PangoStyle     style)
{
  PangoLayout *layout = pango_cairo_create_layout (p->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (LABEL_FONT);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static void
show_layout_with_halo (const Painter *p,
                       PangoLayout   *layout,
                       double         x,
                       double         y,
                       const DmRgba  *color)
{
  cairo_t *cr = p->cr;

  cairo_save (cr);
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  set_source (cr, &p->palette->label_halo);
  cairo_set_line_width (cr, 3.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_move_to (cr, x, y);
  set_source (cr, color);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* Places a label centred on (@cx, @cy), or just above or below it if that
 * is taken. */
static gboolean
place_centered_label (const Painter *p,
                      GArray        *placed,
                      PangoLayout   *layout,
                      double         cx,
                      double         cy,
                      const DmRgba  *color)
{
  static const double shifts[] = { 0, -1.1, 1.1 };
  PangoRectangle ink, logical;

  pango_layout_get_pixel_extents (layout, &ink, &logical);
  for (guint i = 0; i < G_N_ELEMENTS (shifts); i++)
    {
      double x = round (cx - logical.width / 2.0);
      double y = round (cy - logical.height / 2.0 + shifts[i] * logical.height);
      LabelRect rect = { x - 2, y, x + logical.width + 2, y + logical.height };

      if (claim_rect (p, placed, &rect))
        {
          show_layout_with_halo (p, layout, x, y, color);
          return TRUE;
        }
    }

  return FALSE;
}

static void
draw_disputed_labels (const Painter *p,
                      GArray        *placed)
{
  if (p->zoom < 5.0)
    return;

  for (guint i = 0; i < dm_countries_get_n_disputed (p->countries); i++)
    {
      const DmCountry *area = dm_countries_get_disputed (p->countries, i);
      g_autoptr(PangoLayout) layout = NULL;
      double px, py;

      to_view (p, area->label_x, area->label_y, &px, &py);
      layout = make_layout (p, dm_place_name_translate (area->name), p->zoom >= 7 ? 12 : 10,
                            PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC);
      place_centered_label (p, placed, layout, px, py, &p->palette->disputed_outline);
    }
}

static void
draw_capitals (const Painter *p,
               GArray        *placed)
{
  cairo_t *cr = p->cr;

  if (p->zoom < 4.5)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (capitals); i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      PangoRectangle ink, logical;
      double x, y, px, py, r = 2.5;
      LabelRect dot, text;

      dm_mercator_project (capitals[i].lat, capitals[i].lon, &x, &y);
      to_view (p, x, y, &px, &py);
      dot = (LabelRect) { px - r - 1, py - r - 1, px + r + 1, py + r + 1 };
      layout = make_layout (p, dm_place_name_translate (capitals[i].name), 11, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
      pango_layout_get_pixel_extents (layout, &ink, &logical);

      /* A dot without its name says nothing: place both or neither.  The
       * name goes right of the dot, else left of it. */
      if (!claim_rect (p, placed, &dot))
        continue;
      text = (LabelRect) { px + r + 3, py - logical.height / 2.0,
                           px + r + 3 + logical.width, py + logical.height / 2.0 };
      if (!claim_rect (p, placed, &text))
        {
          text.x0 = px - r - 3 - logical.width;
          text.x1 = px - r - 3;
          if (!claim_rect (p, placed, &text))
            {
              g_array_set_size (placed, placed->len - 1);   /* release the dot */
              continue;
            }
        }

      cairo_new_path (cr);
      cairo_arc (cr, px, py, r, 0, 2 * G_PI);
      set_source (cr, &p->palette->label_halo);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke_preserve (cr);
      set_source (cr, &p->palette->capital);
      cairo_fill (cr);
      show_layout_with_halo (p, layout, round (text.x0), round (text.y0), &p->palette->capital);
    }
}

typedef struct {
  const DmCountry *country;
  double           x, y;      /* normalized label point */
  double           run;       /* logical pixels of land across it */
  double           priority;
} CountryLabel;

static int
compare_labels (gconstpointer a,
                gconstpointer b)
{
  const CountryLabel *la = a, *lb = b;

  return (la->priority < lb->priority) - (la->priority > lb->priority);
}

static void
draw_country_labels (const Painter *p,
                     GArray        *placed)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (CountryLabel));
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = dm_countries_get_n_countries (p->countries);
  double m = 12.0 / p->world_size;
  DmGeoRect inner = {
    p->visible.x0 + m, p->visible.y0 + m, p->visible.x1 - m, p->visible.y1 - m,
  };

  for (guint i = 0; i < n; i++)
    {
      const DmCountry *country = dm_countries_get_country (p->countries, i);
      CountryLabel label = { country, };
      DmGeoRect within = inner;
      double run;

      if (!layer_shows (p, country))
        continue;
      /* Look for room only where this layer is the one drawn. */
      if (country->layer == DM_GEO_LAYER_REGION)
        {
          within.x0 = MAX (within.x0, p->detail.x0);
          within.y0 = MAX (within.y0, p->detail.y0);
          within.x1 = MIN (within.x1, p->detail.x1);
          within.y1 = MIN (within.y1, p->detail.y1);
          if (within.x0 >= within.x1 || within.y0 >= within.y1)
            continue;
        }
      if (!dm_geo_shape_label_point (dm_countries_get_shape (p->countries, country, p->level),
                                     &within, &label.x, &label.y, &run))
        continue;
      label.run = run * p->world_size;
      label.priority = label.run;
      for (guint f = 0; f < G_N_ELEMENTS (focus_countries); f++)
        if (g_str_equal (country->iso, focus_countries[f]))
          label.priority += 1e6;
      g_array_append_val (candidates, label);
    }

  g_array_sort (candidates, compare_labels);

  for (guint i = 0; i < candidates->len; i++)
    {
      const CountryLabel *label = &g_array_index (candidates, CountryLabel, i);
      g_autoptr(PangoLayout) layout = NULL;
      PangoRectangle ink, logical;
      gboolean focus = label->priority >= 1e6;
      double px, py;

      if (g_hash_table_contains (done, label->country->iso))
        continue;
      layout = make_layout (p, dm_place_name_translate (label->country->name), focus ? 13 : 11.5,
                            focus ? PANGO_WEIGHT_SEMIBOLD : PANGO_WEIGHT_NORMAL,
                            PANGO_STYLE_NORMAL);
      pango_layout_get_pixel_extents (layout, &ink, &logical);
      /* A name much wider than its country would sit on its neighbours. */
      if (label->run < 0.6 * logical.width)
        continue;
      to_view (p, label->x, label->y, &px, &py);
      if (place_centered_label (p, placed, layout, px, py, &p->palette->label))
        g_hash_table_add (done, (gpointer) label->country->iso);
    }
}

static void
draw_labels (const Painter *p)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (LabelRect));

  if (p->options.show_disputed && p->options.show_labels)
    draw_disputed_labels (p, placed);
  if (p->options.show_capitals)
    draw_capitals (p, placed);
  if (p->options.show_labels)
    draw_country_labels (p, placed);
}

static void
paint (const Painter *p,
       gboolean       labels)
{
  cairo_t *cr = p->cr;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, p->width, p->height);
  cairo_clip (cr);

  set_source (cr, &p->palette->sea);
  cairo_paint (cr);

  if (p->countries != NULL)
    {
      draw_layer (p, DM_GEO_LAYER_WORLD);
      draw_layer (p, DM_GEO_LAYER_REGION);
      draw_selected (p);
      if (p->options.show_disputed)
        draw_disputed (p);
      if (labels)
        draw_labels (p);
    }

  cairo_restore (cr);
}

void
dm_basemap_draw (cairo_t                *cr,
                 const DmViewport       *viewport,
                 const DmPalette        *palette,
                 const DmBasemapOptions *options)
{
  Painter p = { 0, };
  double ox, oy;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (viewport != NULL);

  dm_viewport_get_origin (viewport, &ox, &oy);
  painter_init (&p, cr, palette, options, viewport->zoom, viewport->scale,
                ox, oy, viewport->width, viewport->height);
  paint (&p, TRUE);
}

gboolean
dm_basemap_draw_tile (cairo_t                *cr,
                      int                     zoom,
                      int                     x,
                      int                     y,
                      double                  scale,
                      const DmPalette        *palette,
                      const DmBasemapOptions *options)
{
  Painter p = { 0, };
  gboolean loaded;

  g_return_val_if_fail (cr != NULL, FALSE);

  loaded = painter_init (&p, cr, palette, options, zoom, scale,
                         (double) x * DM_TILE_SIZE, (double) y * DM_TILE_SIZE,
                         DM_TILE_SIZE, DM_TILE_SIZE);
  paint (&p, FALSE);

  return loaded;
}

gboolean
dm_basemap_draw_tile_with_border (cairo_t                *cr,
                                  int                     zoom,
                                  int                     x,
                                  int                     y,
                                  int                     border,
                                  double                  scale,
                                  const DmPalette        *palette,
                                  const DmBasemapOptions *options)
{
  Painter p = { 0, };
  gboolean loaded;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (border >= 0, FALSE);

  /* painter_init() puts the view's origin at (0, 0) */
  cairo_save (cr);
  cairo_translate (cr, -border, -border);
  loaded = painter_init (&p, cr, palette, options, zoom, scale,
                         (double) x * DM_TILE_SIZE - border, (double) y * DM_TILE_SIZE - border,
                         DM_TILE_SIZE + 2 * border, DM_TILE_SIZE + 2 * border);
  paint (&p, FALSE);
  cairo_restore (cr);

  return loaded;
}
