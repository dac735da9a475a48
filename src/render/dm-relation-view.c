/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-relation-view.c: the relationship view, one cairo function for the
 * screen and the export.
 *
 * Layout first (dm_relation_layout_new): markers at the actors' anchors,
 * actors whose anchor is off the view pinned to its edge in the direction
 * of their real place, arcs between them (parallel links bowed apart),
 * label boxes placed where they collide with nothing, the legend, title
 * and attribution boxes.  Drawing then paints that layout over the
 * basemap, and the hit test reads the same layout.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "dm-basemap.h"
#include "dm-countries.h"
#include "dm-edge-pins.h"
#include "dm-legend.h"
#include "dm-mercator.h"
#include "dm-relation-view.h"

/* Room between a pinned marker and the view edge: the outward arrow. */
#define PIN_MARGIN 30.0
/* Pins keep this far apart along the edge, and wrap their labels at
 * this width. */
#define PIN_GAP 8.0
#define PIN_LABEL_WIDTH 150.0
#define LEGEND_MARGIN 16.0
#define DIM_ALPHA 0.3
#define LABEL_SIZE 13.0
#define LABEL_SELECTED_SIZE 14.5
#define SUBLABEL_SIZE 11.0
#define TITLE_SIZE 19.0
#define SUBTITLE_SIZE 12.0
#define TITLE_PADDING_X 20.0
#define TITLE_PADDING_Y 12.0
#define ATTRIBUTION_SIZE 10.5
#define COUNTRY_SIZE 11.0

/* The region whose actors the default view frames, and the South
 * Caucasus box it always shows. */
#define REGION_WEST 30.0
#define REGION_EAST 60.0
#define REGION_SOUTH 33.0
#define REGION_NORTH 50.0
#define CORE_WEST 40.0
#define CORE_EAST 50.9
#define CORE_SOUTH 38.3
#define CORE_NORTH 43.6
#define FIT_MIN_ZOOM 4.0
#define FIT_MAX_ZOOM 7.0
#define FIT_PADDING 70.0

void
dm_relation_selection_init (DmRelationSelection *selection)
{
  selection->actor = -1;
  selection->link = -1;
}

void
dm_relation_view_options_init (DmRelationViewOptions *options)
{
  options->dark = FALSE;
  options->show_basemap = TRUE;
  options->show_legend = TRUE;
  options->show_title = TRUE;
  options->online_tiles = FALSE;
  options->n_covered = 0;
}

/* Geometry helpers */

static double
overlap_area (const DmRelationRect *a,
              const DmRelationRect *b)
{
  double w = MIN (a->x1, b->x1) - MAX (a->x0, b->x0);
  double h = MIN (a->y1, b->y1) - MAX (a->y0, b->y0);

  return w > 0 && h > 0 ? w * h : 0;
}

static gboolean
rect_contains (const DmRelationRect *r,
               double                x,
               double                y)
{
  return x >= r->x0 && x <= r->x1 && y >= r->y0 && y <= r->y1;
}

void
dm_relation_arc_get_point (const DmRelationArc *arc,
                           double               t,
                           double              *x,
                           double              *y)
{
  double u = 1 - t;

  *x = u * u * arc->x0 + 2 * u * t * arc->cx + t * t * arc->x1;
  *y = u * u * arc->y0 + 2 * u * t * arc->cy + t * t * arc->y1;
}

static double
point_segment_distance (double px,
                        double py,
                        double ax,
                        double ay,
                        double bx,
                        double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;

  t = CLAMP (t, 0, 1);

  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

#define ARC_SAMPLES 48

static double
arc_distance (const DmRelationArc *arc,
              double               x,
              double               y)
{
  double best = G_MAXDOUBLE, ax = arc->x0, ay = arc->y0;

  for (int i = 1; i <= ARC_SAMPLES; i++)
    {
      double bx, by;

      dm_relation_arc_get_point (arc, (double) i / ARC_SAMPLES, &bx, &by);
      best = MIN (best, point_segment_distance (x, y, ax, ay, bx, by));
      ax = bx;
      ay = by;
    }

  return best;
}

static double
arc_length (const DmRelationArc *arc,
            double               t_end)
{
  double length = 0, ax = arc->x0, ay = arc->y0;

  for (int i = 1; i <= ARC_SAMPLES; i++)
    {
      double bx, by;

      dm_relation_arc_get_point (arc, t_end * i / ARC_SAMPLES, &bx, &by);
      length += hypot (bx - ax, by - ay);
      ax = bx;
      ay = by;
    }

  return length;
}

/* The parameter of @curve nearest to the middle of @arc: the drawn line of
 * a directed link stops short of the arrow tip, so its own middle is not
 * the arc's. */
static double
nearest_t (const DmRelationArc *curve,
           const DmRelationArc *arc)
{
  double mx, my, best = G_MAXDOUBLE, best_t = 0.5;

  dm_relation_arc_get_point (arc, 0.5, &mx, &my);
  for (int i = 0; i <= 4 * ARC_SAMPLES; i++)
    {
      double t = (double) i / (4 * ARC_SAMPLES), x, y, d;

      dm_relation_arc_get_point (curve, t, &x, &y);
      d = hypot (x - mx, y - my);
      if (d < best)
        best = d, best_t = t;
    }

  return best_t;
}

/* Arrowheads grow with the line they end. */
static void
get_arrow_size (double  width,
                double *length,
                double *half_width)
{
  *length = 8.0 + 2.2 * width;
  *half_width = 4.0 + 1.2 * width;
}

/* Layout */

typedef struct {
  const DmActorInfo *info;
  guint              n_mentions;
  double             ax, ay;      /* projected anchor, view pixels */
} NodeExtra;

static double
node_radius (guint n_mentions)
{
  return CLAMP (5.0 + 1.6 * sqrt (n_mentions), 6.5, 13.0);
}

static char *
dup_label_markup (const DmRelationNode *node,
                  const DmActorInfo    *info)
{
  /* A pinned actor says where it really is: the reader should not take
   * the edge of the map for its place. */
  if (node->pinned && info->anchor_name != NULL && *info->anchor_name != '\0')
    return g_markup_printf_escaped ("%s\n<span size=\"%d\" weight=\"normal\">%s</span>",
                                    dm_actor_info_get_display_name (info),
                                    (int) (SUBLABEL_SIZE * 0.75 * PANGO_SCALE),
                                    dm_actor_info_get_display_anchor_name (info));

  return g_markup_escape_text (dm_actor_info_get_display_name (info), -1);
}

/* The label of @node, as drawn when it is emphasized or not. */
static PangoLayout *
make_label_as (PangoContext         *context,
               const DmRelationNode *node,
               const DmActorInfo    *info,
               gboolean              emphasized)
{
  g_autofree char *markup = dup_label_markup (node, info);
  PangoLayout *layout = dm_render_create_text (context, "",
                                               emphasized ? LABEL_SELECTED_SIZE : LABEL_SIZE,
                                               emphasized ? PANGO_WEIGHT_BOLD
                                                          : PANGO_WEIGHT_SEMIBOLD);

  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  /* A long name ("International Committee of the Red Cross") on the top
   * edge would take the room of three pins: pins' labels wrap. */
  if (node->pinned)
    {
      pango_layout_set_width (layout, (int) (PIN_LABEL_WIDTH * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
    }

  return layout;
}

static PangoLayout *
make_label (PangoContext         *context,
            const DmRelationNode *node,
            const DmActorInfo    *info)
{
  return make_label_as (context, node, info, node->emphasized);
}

typedef enum { RIGHT, LEFT, ABOVE, BELOW } Side;

static DmRelationRect
label_rect_at (const DmRelationNode *node,
               Side                  side,
               double                w,
               double                h)
{
  double gap = node->radius + 5, x, y;

  switch (side)
    {
    case RIGHT:
      x = node->x + gap, y = node->y - h / 2;
      break;
    case LEFT:
      x = node->x - gap - w, y = node->y - h / 2;
      break;
    case ABOVE:
      x = node->x - w / 2, y = node->y - node->radius - 3 - h;
      break;
    case BELOW:
    default:
      x = node->x - w / 2, y = node->y + node->radius + 3;
      break;
    }
  x = round (x);
  y = round (y);

  return (DmRelationRect) { x, y, x + w, y + h };
}

/* Tries right, left, above and below and takes the first place that is
 * free and inside the view, else the one that covers the least.  (Pins
 * of off-map actors have their labels placed with them.) */
static void
place_label (DmRelationLayout *layout,
             DmRelationNode   *node,
             GArray           *obstacles,
             double            w,
             double            h)
{
  Side order[4] = { RIGHT, LEFT, ABOVE, BELOW };
  DmRelationRect view = { 2, 2, layout->viewport.width - 2, layout->viewport.height - 2 };
  DmRelationRect best = { 0 };
  double best_cost = G_MAXDOUBLE;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      DmRelationRect r = label_rect_at (node, order[i], w, h);
      DmRelationRect padded = { r.x0 - 2, r.y0 - 1, r.x1 + 2, r.y1 + 1 };
      double cost = 0;

      for (guint j = 0; j < obstacles->len; j++)
        cost += overlap_area (&padded, &g_array_index (obstacles, DmRelationRect, j));
      /* leaving the view is worse than covering something */
      cost += 4 * ((r.x1 - r.x0) * (r.y1 - r.y0) - overlap_area (&r, &view));
      cost += i * 0.5;  /* the preferred order breaks ties */

      if (cost < best_cost)
        {
          best_cost = cost;
          best = r;
        }
      if (cost < 1)
        break;
    }

  node->label = best;
  node->has_label = TRUE;
  g_array_append_val (obstacles, best);
}

static PangoLayout *
make_country_label (PangoContext *context,
                    const char   *name)
{
  g_autofree char *upper = g_utf8_strup (name, -1);
  PangoLayout *layout = dm_render_create_text (context, upper, COUNTRY_SIZE, PANGO_WEIGHT_NORMAL);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (1.5 * PANGO_SCALE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static int
compare_area (gconstpointer a,
              gconstpointer b)
{
  const DmCountry *ca = *(const DmCountry * const *) a, *cb = *(const DmCountry * const *) b;

  return ca->area > cb->area ? -1 : ca->area < cb->area ? 1 : 0;
}

/* The basemap's own labels would repeat the actors' names beside their
 * markers; the relationship view names only the other countries, quietly,
 * biggest first, where they fit inside their land and hide nothing. */
static void
place_country_labels (DmRelationLayout *layout,
                      DmAnalysis       *analysis,
                      GArray           *obstacles)
{
  DmCountries *countries = dm_countries_get_default (NULL);
  DmGazetteer *gazetteer = dm_analysis_get_gazetteer (analysis);
  g_autoptr(GHashTable) owned = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  double world = dm_viewport_get_world_size (&layout->viewport), ox, oy;
  DmGeoRect within;
  int level;

  if (countries == NULL)
    return;

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DmRelationNode *node = &g_array_index (layout->nodes, DmRelationNode, i);
      const DmActorInfo *info = dm_gazetteer_get_actor (gazetteer, node->actor);

      if (info->iso != NULL)
        g_hash_table_add (owned, info->iso);
    }

  dm_viewport_get_origin (&layout->viewport, &ox, &oy);
  within = (DmGeoRect) {
    (ox + 20) / world, (oy + layout->title.y1 + 20) / world,
    (ox + layout->viewport.width - 20) / world, (oy + layout->viewport.height - 20) / world,
  };
  level = CLAMP ((int) floor (layout->viewport.zoom), DM_COUNTRIES_MIN_ZOOM, DM_COUNTRIES_MAX_ZOOM);

  for (guint i = 0; i < dm_countries_get_n_countries (countries); i++)
    {
      const DmCountry *country = dm_countries_get_country (countries, i);

      if (country->iso == NULL || country->name == NULL ||
          dm_countries_find (countries, country->iso) != country ||
          g_hash_table_contains (owned, country->iso) ||
          !dm_geo_rect_intersects (&country->bounds, &within))
        continue;
      g_ptr_array_add (candidates, (gpointer) country);
    }
  g_ptr_array_sort (candidates, compare_area);

  for (guint i = 0; i < candidates->len; i++)
    {
      const DmCountry *country = g_ptr_array_index (candidates, i);
      const DmGeoShape *shape = dm_countries_get_shape (countries, country, level);
      g_autoptr(PangoLayout) text = NULL;
      DmRelationCountryLabel label;
      double x, y, run, px, py, cost = 0;
      int w, h;

      if (shape == NULL || !dm_geo_shape_label_point (shape, &within, &x, &y, &run))
        continue;
      text = make_country_label (layout->pango, dm_place_name_translate (country->name));
      pango_layout_get_pixel_size (text, &w, &h);
      if (w > run * world * 0.9)
        continue;

      dm_viewport_project_normalized (&layout->viewport, x, y, &px, &py);
      label.name = dm_place_name_translate (country->name);
      label.rect = (DmRelationRect) { round (px - w / 2.0), round (py - h / 2.0),
                                      round (px - w / 2.0) + w, round (py - h / 2.0) + h };
      if (label.rect.x0 < 4 || label.rect.x1 > layout->viewport.width - 4 ||
          label.rect.y0 < layout->title.y1 + 4 || label.rect.y1 > layout->viewport.height - 4)
        continue;
      for (guint j = 0; j < obstacles->len; j++)
        cost += overlap_area (&label.rect, &g_array_index (obstacles, DmRelationRect, j));
      if (cost > 0)
        continue;

      g_array_append_val (layout->country_labels, label);
      g_array_append_val (obstacles, label.rect);
    }
}

static void
measure_title (DmRelationLayout *layout,
               DmAnalysis       *analysis,
               PangoLayout     **title_out,
               PangoLayout     **subtitle_out,
               PangoLayout     **brand_out);

static void
measure_attribution (DmRelationLayout            *layout,
                     const DmRelationViewOptions *options,
                     PangoLayout                **out);

static double
title_band_height (DmRelationLayout *layout,
                   DmAnalysis       *analysis)
{
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  g_autoptr(PangoLayout) brand = NULL;
  int tw, th, sw, sh;

  measure_title (layout, analysis, &title, &subtitle, &brand);
  pango_layout_get_pixel_size (title, &tw, &th);
  pango_layout_get_pixel_size (subtitle, &sw, &sh);

  return ceil (2 * TITLE_PADDING_Y + th + 2 + sh);
}

static void
select_items (DmRelationLayout          *layout,
              DmAnalysis                *analysis,
              const DmRelationSelection *selection)
{
  gboolean actor_selected = FALSE, any = FALSE;
  g_autofree gboolean *lit = NULL;

  if (selection == NULL)
    return;

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      DmRelationNode *node = &g_array_index (layout->nodes, DmRelationNode, i);

      if (selection->actor >= 0 && node->actor == (guint) selection->actor)
        node->emphasized = actor_selected = any = TRUE;
    }

  lit = g_new0 (gboolean, layout->nodes->len);
  for (guint i = 0; i < layout->arcs->len; i++)
    {
      DmRelationArc *arc = &g_array_index (layout->arcs, DmRelationArc, i);
      const DmRelationNode *s = &g_array_index (layout->nodes, DmRelationNode, arc->source);
      const DmRelationNode *t = &g_array_index (layout->nodes, DmRelationNode, arc->target);

      if ((selection->link >= 0 && arc->link == (guint) selection->link) ||
          (actor_selected && (s->emphasized || t->emphasized)))
        {
          arc->emphasized = any = TRUE;
          lit[arc->source] = lit[arc->target] = TRUE;
        }
    }

  if (!any)
    return;

  /* Dim, do not hide: the context of the selection stays readable. */
  for (guint i = 0; i < layout->arcs->len; i++)
    {
      DmRelationArc *arc = &g_array_index (layout->arcs, DmRelationArc, i);

      arc->dimmed = !arc->emphasized;
    }
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      DmRelationNode *node = &g_array_index (layout->nodes, DmRelationNode, i);

      node->dimmed = !node->emphasized && !lit[i];
    }
}

static void
layout_arcs (DmRelationLayout *layout,
             DmAnalysis       *analysis,
             const int        *node_of_actor,
             guint             n_actors)
{
  g_autoptr(GHashTable) pair_counts = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) pair_seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint n_links = dm_analysis_get_n_links (analysis);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_links; i++)
      {
        const DmLink *link = dm_analysis_get_link (analysis, i);
        int a, b;
        guint lo, hi, key, count, ordinal;
        const DmRelationNode *na, *nb, *from, *to;
        DmRelationArc arc = { 0 };
        double len, nx, ny, bow, step, off, mx, my, ux, uy, ulen;

        if (link->source >= n_actors || link->target >= n_actors)
          continue;
        a = node_of_actor[link->source];
        b = node_of_actor[link->target];
        if (a < 0 || b < 0 || a == b)
          continue;

        lo = MIN (a, b), hi = MAX (a, b);
        key = lo * 65536 + hi + 1;

        if (pass == 0)
          {
            count = GPOINTER_TO_UINT (g_hash_table_lookup (pair_counts, GUINT_TO_POINTER (key)));
            g_hash_table_insert (pair_counts, GUINT_TO_POINTER (key), GUINT_TO_POINTER (count + 1));
            continue;
          }

        count = GPOINTER_TO_UINT (g_hash_table_lookup (pair_counts, GUINT_TO_POINTER (key)));
        ordinal = GPOINTER_TO_UINT (g_hash_table_lookup (pair_seen, GUINT_TO_POINTER (key)));
        g_hash_table_insert (pair_seen, GUINT_TO_POINTER (key), GUINT_TO_POINTER (ordinal + 1));

        /* Bows are measured on the pair's own axis (lower node to higher),
         * so A→B and B→A links take different lanes, never the same. */
        na = &g_array_index (layout->nodes, DmRelationNode, lo);
        nb = &g_array_index (layout->nodes, DmRelationNode, hi);
        len = hypot (nb->x - na->x, nb->y - na->y);
        if (len < 1)
          continue;
        nx = -(nb->y - na->y) / len;
        ny = (nb->x - na->x) / len;

        step = MAX (0.13 * len, 22.0);
        if (count == 1)
          bow = MAX (0.16 * len, 18.0);
        else
          bow = step * (1 + ordinal / 2) * (ordinal % 2 == 0 ? 1 : -1);
        bow = CLAMP (bow, -0.7 * len, 0.7 * len);

        from = &g_array_index (layout->nodes, DmRelationNode, a);
        to = &g_array_index (layout->nodes, DmRelationNode, b);
        mx = (na->x + nb->x) / 2;
        my = (na->y + nb->y) / 2;

        arc.link = i;
        arc.source = a;
        arc.target = b;
        arc.directed = link->directed;
        arc.width = 1.5 + 1.2 * log2 (MAX (link->weight, 1));
        arc.cx = mx + nx * bow;
        arc.cy = my + ny * bow;

        /* Trim to the marker outlines along the curve's end tangents. */
        ux = arc.cx - from->x, uy = arc.cy - from->y;
        ulen = hypot (ux, uy);
        off = from->radius + 2.5;
        arc.x0 = from->x + ux / ulen * off;
        arc.y0 = from->y + uy / ulen * off;
        ux = to->x - arc.cx, uy = to->y - arc.cy;
        ulen = hypot (ux, uy);
        off = to->radius + (link->directed ? 2.0 : 2.5);
        arc.x1 = to->x - ux / ulen * off;
        arc.y1 = to->y - uy / ulen * off;

        g_array_append_val (layout->arcs, arc);
      }
}

/* The off-map actors' pins along the edge (dm-edge-pins.c), with room
 * for their labels as the selection draws them, so that selecting a pin
 * moves none. */
static void
place_pins (DmRelationLayout            *layout,
            NodeExtra                   *extras,
            const DmRelationRect        *frame,
            const DmRelationSelection   *selection,
            const DmRelationViewOptions *options)
{
  g_autoptr(GArray) pins = g_array_new (FALSE, TRUE, sizeof (DmEdgePin));
  g_autoptr(GArray) avoid = g_array_new (FALSE, FALSE, sizeof (DmRelationRect));
  g_autofree guint *node_of_pin = g_new (guint, MAX (layout->nodes->len, 1));
  DmRelationRect bounds = { 4, layout->title.y1 + 4,
                            layout->viewport.width - 4, layout->viewport.height - 4 };

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DmRelationNode *node = &g_array_index (layout->nodes, DmRelationNode, i);
      g_autoptr(PangoLayout) label = NULL;
      DmEdgePin pin = { 0 };
      int lw, lh;

      if (!node->pinned)
        continue;
      label = make_label_as (layout->pango, node, extras[i].info, TRUE);
      pango_layout_get_pixel_size (label, &lw, &lh);
      pin.tx = extras[i].ax;
      pin.ty = extras[i].ay;
      pin.radius = node->radius;
      pin.label_w = lw;
      pin.label_h = lh;
      pin.rank = i;
      node_of_pin[pins->len] = i;
      g_array_append_val (pins, pin);
    }
  if (pins->len == 0)
    return;

  if (layout->has_legend)
    g_array_append_val (avoid, layout->legend);
  g_array_append_val (avoid, layout->attribution);
  for (guint i = 0; i < options->n_covered && i < DM_RELATION_VIEW_MAX_COVERED; i++)
    g_array_append_val (avoid, options->covered[i]);

  dm_edge_pins_layout ((DmEdgePin *) pins->data, pins->len, frame, &bounds,
                       (const DmRelationRect *) avoid->data, avoid->len, PIN_GAP);

  for (guint k = 0; k < pins->len; k++)
    {
      const DmEdgePin *pin = &g_array_index (pins, DmEdgePin, k);
      DmRelationNode *node = &g_array_index (layout->nodes, DmRelationNode, node_of_pin[k]);

      gboolean selected = selection != NULL && selection->actor == (int) node->actor;

      node->x = pin->x;
      node->y = pin->y;
      node->dx = pin->dx;
      node->dy = pin->dy;
      node->has_label = pin->has_label;
      if (pin->has_label)
        {
          g_autoptr(PangoLayout) label =
            make_label_as (layout->pango, node, extras[node_of_pin[k]].info, selected);
          int lw, lh;

          /* the label as drawn, in the room kept for the selected one */
          pango_layout_get_pixel_size (label, &lw, &lh);
          dm_edge_pin_place_label (pin, lw, lh, &node->label);
        }
    }
}

DmRelationLayout *
dm_relation_layout_new (const DmViewport            *viewport,
                        DmAnalysis                  *analysis,
                        const DmRelationSelection   *selection,
                        const DmRelationViewOptions *options)
{
  DmRelationViewOptions defaults;
  DmRelationLayout *layout;
  DmGazetteer *gazetteer;
  guint n_actors, n_present;
  g_autofree int *node_of_actor = NULL;
  g_autofree NodeExtra *extras = NULL;
  g_autoptr(GArray) obstacles = NULL;
  g_autoptr(PangoLayout) attribution = NULL;
  DmRelationRect inner;
  double w, h;
  int aw, ah;

  g_return_val_if_fail (viewport != NULL, NULL);
  g_return_val_if_fail (DM_IS_ANALYSIS (analysis), NULL);

  if (options == NULL)
    {
      dm_relation_view_options_init (&defaults);
      options = &defaults;
    }

  layout = g_new0 (DmRelationLayout, 1);
  layout->viewport = *viewport;
  layout->nodes = g_array_new (FALSE, TRUE, sizeof (DmRelationNode));
  layout->arcs = g_array_new (FALSE, TRUE, sizeof (DmRelationArc));
  layout->country_labels = g_array_new (FALSE, TRUE, sizeof (DmRelationCountryLabel));
  layout->pango = dm_render_create_pango_context ();
  w = viewport->width;
  h = viewport->height;

  /* Fixed boxes first: pins and labels make room for them. */
  if (options->show_title)
    {
      layout->has_title = TRUE;
      layout->title = (DmRelationRect) { 0, 0, w, title_band_height (layout, analysis) };
    }

  layout->legend_entries = dm_legend_collect_entries (analysis);
  if (options->show_legend && layout->legend_entries->len > 0)
    {
      double lw, lh;

      dm_legend_measure (layout->pango, layout->legend_entries, &lw, &lh);
      /* a legend that would cover most of a small view is left out */
      if (lw < 0.6 * w && lh < 0.6 * (h - layout->title.y1))
        {
          layout->has_legend = TRUE;
          layout->legend = (DmRelationRect) {
            LEGEND_MARGIN, h - LEGEND_MARGIN - lh, LEGEND_MARGIN + lw, h - LEGEND_MARGIN,
          };
        }
    }

  measure_attribution (layout, options, &attribution);
  pango_layout_get_pixel_size (attribution, &aw, &ah);
  layout->attribution = (DmRelationRect) { w - aw - 12, h - ah - 6, w, h };

  /* Nodes */
  gazetteer = dm_analysis_get_gazetteer (analysis);
  n_actors = dm_gazetteer_get_n_actors (gazetteer);
  n_present = dm_analysis_get_n_actors (analysis);
  node_of_actor = g_new (int, MAX (n_actors, 1));
  for (guint i = 0; i < n_actors; i++)
    node_of_actor[i] = -1;
  extras = g_new0 (NodeExtra, MAX (n_present, 1));

  inner = (DmRelationRect) { PIN_MARGIN, layout->title.y1 + PIN_MARGIN,
                             w - PIN_MARGIN, h - PIN_MARGIN };
  if (inner.x1 <= inner.x0 || inner.y1 <= inner.y0)
    inner = (DmRelationRect) { w / 2, h / 2, w / 2 + 1, h / 2 + 1 };

  for (guint i = 0; i < n_present; i++)
    {
      const DmActorSummary *summary = dm_analysis_get_actor (analysis, i);
      const DmActorInfo *info;
      DmRelationNode node = { 0 };
      NodeExtra *e = &extras[layout->nodes->len];

      if (summary->actor >= n_actors)
        continue;
      info = dm_gazetteer_get_actor (gazetteer, summary->actor);
      node.actor = summary->actor;
      node.radius = node_radius (summary->n_mentions);
      dm_viewport_project (viewport, info->anchor_lat, info->anchor_lon, &e->ax, &e->ay);
      e->info = info;
      e->n_mentions = summary->n_mentions;

      if (rect_contains (&inner, e->ax, e->ay))
        {
          node.x = e->ax;
          node.y = e->ay;
        }
      else
        node.pinned = TRUE;

      node_of_actor[summary->actor] = layout->nodes->len;
      g_array_append_val (layout->nodes, node);
    }

  place_pins (layout, extras, &inner, selection, options);

  /* Two actors sharing a seat (Moscow: Russia and the CSTO) must not hide
   * one another. */
  for (guint i = 1; i < layout->nodes->len; i++)
    {
      DmRelationNode *node = &g_array_index (layout->nodes, DmRelationNode, i);

      if (node->pinned)
        continue;
      for (guint j = 0; j < i; j++)
        {
          const DmRelationNode *other = &g_array_index (layout->nodes, DmRelationNode, j);

          if (hypot (node->x - other->x, node->y - other->y) < node->radius + other->radius)
            {
              node->x = other->x + (node->radius + other->radius + 3) * 0.7071;
              node->y = other->y + (node->radius + other->radius + 3) * 0.7071;
              j = (guint) -1;  /* check again against all */
            }
        }
    }

  layout_arcs (layout, analysis, node_of_actor, n_actors);
  select_items (layout, analysis, selection);

  /* Labels: markers, pins with their arrows and labels, and the boxes are
   * in the way; the selected actor goes first, then by mentions (the
   * analysis order). */
  obstacles = g_array_new (FALSE, FALSE, sizeof (DmRelationRect));
  if (layout->has_title)
    g_array_append_val (obstacles, layout->title);
  if (layout->has_legend)
    g_array_append_val (obstacles, layout->legend);
  g_array_append_val (obstacles, layout->attribution);
  for (guint i = 0; i < options->n_covered && i < DM_RELATION_VIEW_MAX_COVERED; i++)
    g_array_append_val (obstacles, options->covered[i]);
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      DmRelationNode *node = &g_array_index (layout->nodes, DmRelationNode, i);
      double r = node->radius + 2;
      DmRelationRect marker = { node->x - r, node->y - r, node->x + r, node->y + r };

      g_array_append_val (obstacles, marker);
      if (node->pinned)
        {
          double tx = node->x + node->dx * (node->radius + 12);
          double ty = node->y + node->dy * (node->radius + 12);
          DmRelationRect arrow = { tx - 6, ty - 6, tx + 6, ty + 6 };

          g_array_append_val (obstacles, arrow);
          if (node->has_label)
            g_array_append_val (obstacles, node->label);
        }
    }

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < layout->nodes->len; i++)
      {
        DmRelationNode *node = &g_array_index (layout->nodes, DmRelationNode, i);
        g_autoptr(PangoLayout) label = NULL;
        int lw, lh;

        if (node->pinned || node->emphasized != (pass == 0))
          continue;
        label = make_label (layout->pango, node, extras[i].info);
        pango_layout_get_pixel_size (label, &lw, &lh);
        place_label (layout, node, obstacles, lw, lh);
      }

  place_country_labels (layout, analysis, obstacles);

  return layout;
}

void
dm_relation_layout_free (DmRelationLayout *layout)
{
  if (layout == NULL)
    return;

  g_clear_pointer (&layout->nodes, g_array_unref);
  g_clear_pointer (&layout->arcs, g_array_unref);
  g_clear_pointer (&layout->country_labels, g_array_unref);
  g_clear_pointer (&layout->legend_entries, g_array_unref);
  g_clear_object (&layout->pango);
  g_free (layout);
}

const DmRelationNode *
dm_relation_layout_find_node (const DmRelationLayout *layout,
                              guint                   actor)
{
  for (guint i = 0; i < layout->nodes->len; i++)
    if (g_array_index (layout->nodes, DmRelationNode, i).actor == actor)
      return &g_array_index (layout->nodes, DmRelationNode, i);

  return NULL;
}

const DmRelationArc *
dm_relation_layout_find_arc (const DmRelationLayout *layout,
                             guint                   link)
{
  for (guint i = 0; i < layout->arcs->len; i++)
    if (g_array_index (layout->arcs, DmRelationArc, i).link == link)
      return &g_array_index (layout->arcs, DmRelationArc, i);

  return NULL;
}

/* Text of the title band and the attribution */

static char *
dup_clean_title (DmAnalysis *analysis)
{
  g_autofree char *title = dm_analysis_dup_title (analysis);
  g_auto(GStrv) words = NULL;

  if (title == NULL)
    return g_strdup ("");

  /* titles of wrapped plain text carry their line breaks */
  g_strdelimit (title, "\r\n\t", ' ');
  words = g_strsplit (g_strstrip (title), " ", -1);
  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) kept = NULL;

    for (guint i = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        g_strv_builder_add (builder, words[i]);
    kept = g_strv_builder_end (builder);

    return g_strjoinv (" ", kept);
  }
}

static void
measure_title (DmRelationLayout *layout,
               DmAnalysis       *analysis,
               PangoLayout     **title_out,
               PangoLayout     **subtitle_out,
               PangoLayout     **brand_out)
{
  g_autofree char *title = dup_clean_title (analysis);
  g_autofree char *actors = NULL;
  g_autofree char *links = NULL;
  g_autofree char *subtitle = NULL;
  guint n_actors = dm_analysis_get_n_actors (analysis);
  guint n_links = dm_analysis_get_n_links (analysis);
  int bw, bh;
  double width;

  actors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u actor", "%u actors", n_actors), n_actors);
  links = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u link", "%u links", n_links), n_links);
  /* TRANSLATORS: the line under the title of an exported map: "8 actors · 16 links" */
  subtitle = g_strdup_printf (_("%s · %s"), actors, links);

  *brand_out = dm_render_create_text (layout->pango, "Diplomap", SUBTITLE_SIZE, PANGO_WEIGHT_BOLD);
  pango_layout_get_pixel_size (*brand_out, &bw, &bh);
  width = layout->viewport.width - 3 * TITLE_PADDING_X - bw;

  *title_out = dm_render_create_text (layout->pango, title, TITLE_SIZE, PANGO_WEIGHT_BOLD);
  pango_layout_set_width (*title_out, (int) (MAX (width, 40) * PANGO_SCALE));
  pango_layout_set_ellipsize (*title_out, PANGO_ELLIPSIZE_END);

  *subtitle_out = dm_render_create_text (layout->pango, subtitle, SUBTITLE_SIZE, PANGO_WEIGHT_NORMAL);
}

static void
measure_attribution (DmRelationLayout            *layout,
                     const DmRelationViewOptions *options,
                     PangoLayout                **out)
{
  g_autofree char *text = NULL;

  if (options->online_tiles)
    /* TRANSLATORS: credits at the bottom-right of the map */
    text = g_strdup_printf ("%s · %s", _("Map data: Natural Earth"), _("© OpenStreetMap contributors"));
  else
    text = g_strdup (_("Map data: Natural Earth"));

  *out = dm_render_create_text (layout->pango, text, ATTRIBUTION_SIZE, PANGO_WEIGHT_NORMAL);
}

/* Drawing */

typedef struct {
  cairo_t                     *cr;
  const DmRelationLayout      *layout;
  DmAnalysis                  *analysis;
  DmGazetteer                 *gazetteer;
  const DmRelationViewOptions *options;
  const DmPalette             *palette;
} Painter;

static void
set_source (cairo_t      *cr,
            const DmRgba *color,
            double        alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
set_source_rgb (cairo_t *cr,
                guint32  rgb,
                double   alpha)
{
  DmRgba color;

  dm_rgba_from_rgb (rgb, &color);
  set_source (cr, &color, alpha);
}

/* A dimmed item is drawn whole into a group then faded, so that its
 * overlapping parts (halo, line, arrowhead) do not show through one
 * another.  The clip keeps the group as small as the item. */
static void
begin_item (cairo_t              *cr,
            gboolean              dimmed,
            const DmRelationRect *bounds)
{
  cairo_save (cr);
  if (!dimmed)
    return;
  cairo_rectangle (cr, floor (bounds->x0), floor (bounds->y0),
                   ceil (bounds->x1 - bounds->x0) + 1, ceil (bounds->y1 - bounds->y0) + 1);
  cairo_clip (cr);
  cairo_push_group (cr);
}

static void
end_item (cairo_t  *cr,
          gboolean  dimmed)
{
  if (dimmed)
    {
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, DIM_ALPHA);
    }
  cairo_restore (cr);
}

static void
draw_basemap (Painter *p)
{
  const DmRelationLayout *layout = p->layout;
  g_autoptr(DmActorTint) tint = dm_actor_tint_new ();
  DmBasemapOptions options;

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const DmRelationNode *node = &g_array_index (layout->nodes, DmRelationNode, i);
      const DmActorInfo *info = dm_gazetteer_get_actor (p->gazetteer, node->actor);

      if (info->iso == NULL)
        continue;
      dm_actor_tint_set_color (tint, info->iso, info->color);
      if (node->emphasized)
        dm_actor_tint_set_selected (tint, info->iso);
    }

  dm_basemap_options_init (&options);
  options.tint = tint;
  /* the actors' markers stand on the capitals */
  options.show_capitals = FALSE;
  options.show_labels = FALSE;
  options.dim_untinted = TRUE;
  dm_basemap_draw (p->cr, &layout->viewport, p->palette, &options);
}

static void
arc_bounds (const DmRelationArc *arc,
            DmRelationRect      *r)
{
  double m = arc->width + 16;

  r->x0 = MIN (MIN (arc->x0, arc->x1), arc->cx) - m;
  r->y0 = MIN (MIN (arc->y0, arc->y1), arc->cy) - m;
  r->x1 = MAX (MAX (arc->x0, arc->x1), arc->cx) + m;
  r->y1 = MAX (MAX (arc->y0, arc->y1), arc->cy) + m;
}

static void
draw_arc (Painter             *p,
          const DmRelationArc *arc)
{
  cairo_t *cr = p->cr;
  const DmLink *link = dm_analysis_get_link (p->analysis, arc->link);
  DmQuad quad = dm_link_kind_get_quad (link->kind);
  double width = arc->emphasized ? arc->width * 1.5 + 1.0 : arc->width;
  double alen = 0, ahw = 0, ux = 0, uy = 0, ex = arc->x1, ey = arc->y1;
  double cx = arc->cx, cy = arc->cy, length, period;
  DmRelationRect bounds;
  DmRgba color;

  dm_legend_get_quad_color (quad, p->options->dark, &color);
  arc_bounds (arc, &bounds);
  begin_item (cr, arc->dimmed, &bounds);

  if (arc->directed)
    {
      double ulen;

      get_arrow_size (width, &alen, &ahw);
      ux = arc->x1 - arc->cx, uy = arc->y1 - arc->cy;
      ulen = hypot (ux, uy);
      ux /= ulen, uy /= ulen;
      /* the line stops inside the arrowhead, so no dash pokes out of it */
      ex = arc->x1 - ux * alen * 0.7;
      ey = arc->y1 - uy * alen * 0.7;
    }

  /* a halo under the line keeps it readable across borders and tints */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, arc->x0, arc->y0);
  cairo_curve_to (cr,
                  arc->x0 + 2.0 / 3 * (cx - arc->x0), arc->y0 + 2.0 / 3 * (cy - arc->y0),
                  ex + 2.0 / 3 * (cx - ex), ey + 2.0 / 3 * (cy - ey),
                  ex, ey);
  set_source (cr, &p->palette->label_halo, 0.55);
  cairo_set_line_width (cr, width + 2.5);
  cairo_stroke_preserve (cr);

  /* Centre the dash pattern on the middle of the arc: both ends look the
   * same, and the middle, where the eye (and the test) looks, is ink. */
  set_source (cr, &color, 1.0);
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, dm_legend_quad_is_dashed (quad) ? CAIRO_LINE_CAP_BUTT
                                                           : CAIRO_LINE_CAP_ROUND);
  period = dm_legend_get_dash_period (quad, width);
  if (period > 0)
    {
      DmRelationArc drawn = *arc;
      double on, rest;

      drawn.x1 = ex, drawn.y1 = ey;
      length = arc_length (&drawn, nearest_t (&drawn, arc));
      on = period - (3.0 + 1.2 * width);
      rest = fmod (on / 2 - length, period);
      if (rest < 0)
        rest += period;
      dm_legend_set_dash (cr, quad, width, rest);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  if (arc->directed)
    {
      double bx = arc->x1 - ux * alen, by = arc->y1 - uy * alen;

      cairo_move_to (cr, arc->x1, arc->y1);
      cairo_line_to (cr, bx - uy * ahw, by + ux * ahw);
      cairo_line_to (cr, bx + ux * alen * 0.18, by + uy * alen * 0.18);
      cairo_line_to (cr, bx + uy * ahw, by - ux * ahw);
      cairo_close_path (cr);
      set_source (cr, &p->palette->label_halo, 0.8);
      cairo_set_line_width (cr, 1.5);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke_preserve (cr);
      set_source (cr, &color, 1.0);
      cairo_fill (cr);
    }

  end_item (cr, arc->dimmed);
}

static void
draw_marker (Painter              *p,
             const DmRelationNode *node)
{
  cairo_t *cr = p->cr;
  const DmActorInfo *info = dm_gazetteer_get_actor (p->gazetteer, node->actor);
  double r = node->emphasized ? node->radius + 3 : node->radius;
  double m = r + 22;
  DmRelationRect bounds = { node->x - m, node->y - m, node->x + m, node->y + m };

  begin_item (cr, node->dimmed, &bounds);

  if (node->emphasized)
    {
      /* a ring of the actor's colour around the selected marker */
      cairo_arc (cr, node->x, node->y, r + 5, 0, 2 * G_PI);
      set_source_rgb (cr, info->color, 0.35);
      cairo_fill (cr);
    }

  if (node->pinned)
    {
      /* the way to the actor's real place */
      double ux = node->dx, uy = node->dy;
      double bx = node->x + ux * (r + 4), by = node->y + uy * (r + 4);
      double tx = node->x + ux * (r + 15), ty = node->y + uy * (r + 15);

      cairo_move_to (cr, tx, ty);
      cairo_line_to (cr, bx - uy * 6, by + ux * 6);
      cairo_line_to (cr, bx + uy * 6, by - ux * 6);
      cairo_close_path (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 2);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke_preserve (cr);
      set_source_rgb (cr, info->color, 1.0);
      cairo_fill (cr);
    }

  /* shadow, fill, white outline */
  cairo_arc (cr, node->x + 0.6, node->y + 1.2, r + 1.5, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.28);
  cairo_fill (cr);
  cairo_arc (cr, node->x, node->y, r, 0, 2 * G_PI);
  set_source_rgb (cr, info->color, 1.0);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, node->emphasized ? 2.5 : 2.0);
  cairo_stroke (cr);

  if (node->pinned)
    {
      /* a dot in the middle tells a pin from a marker at its place */
      cairo_arc (cr, node->x, node->y, r * 0.32, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);
    }

  end_item (cr, node->dimmed);
}

static void
show_with_halo (cairo_t      *cr,
                PangoLayout  *layout,
                double        x,
                double        y,
                const DmRgba *color,
                const DmRgba *halo,
                double        alpha)
{
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  set_source (cr, halo, alpha);
  cairo_set_line_width (cr, 3.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_move_to (cr, x, y);
  set_source (cr, color, alpha);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_label (Painter              *p,
            const DmRelationNode *node)
{
  const DmActorInfo *info = dm_gazetteer_get_actor (p->gazetteer, node->actor);
  g_autoptr(PangoLayout) label = NULL;

  if (!node->has_label)
    return;

  label = make_label (p->layout->pango, node, info);
  begin_item (p->cr, node->dimmed, &node->label);
  show_with_halo (p->cr, label, node->label.x0, node->label.y0,
                  &p->palette->label, &p->palette->label_halo, 1.0);
  end_item (p->cr, node->dimmed);
}

static void
draw_country_labels (Painter *p)
{
  for (guint i = 0; i < p->layout->country_labels->len; i++)
    {
      const DmRelationCountryLabel *label =
        &g_array_index (p->layout->country_labels, DmRelationCountryLabel, i);
      g_autoptr(PangoLayout) text = make_country_label (p->layout->pango, label->name);

      show_with_halo (p->cr, text, label->rect.x0, label->rect.y0,
                      &p->palette->label, &p->palette->label_halo, 0.6);
    }
}

static void
draw_title (Painter *p)
{
  cairo_t *cr = p->cr;
  const DmRelationLayout *layout = p->layout;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  g_autoptr(PangoLayout) brand = NULL;
  const DmRgba band = p->options->dark ? (DmRgba) { 0.12, 0.12, 0.13, 0.9 }
                                       : (DmRgba) { 1, 1, 1, 0.9 };
  const DmRgba muted = p->options->dark ? (DmRgba) { 0.75, 0.75, 0.74, 1 }
                                        : (DmRgba) { 0.37, 0.36, 0.39, 1 };
  int tw, th, bw, bh;

  measure_title ((DmRelationLayout *) layout, p->analysis, &title, &subtitle, &brand);
  pango_layout_get_pixel_size (title, &tw, &th);
  pango_layout_get_pixel_size (brand, &bw, &bh);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, layout->title.x1, layout->title.y1);
  set_source (cr, &band, 1.0);
  cairo_fill (cr);
  cairo_rectangle (cr, 0, layout->title.y1, layout->title.x1, 1);
  cairo_set_source_rgba (cr, 0, 0, 0, p->options->dark ? 0.5 : 0.12);
  cairo_fill (cr);

  cairo_move_to (cr, TITLE_PADDING_X, TITLE_PADDING_Y);
  set_source (cr, &p->palette->label, 1.0);
  pango_cairo_show_layout (cr, title);
  cairo_move_to (cr, TITLE_PADDING_X, TITLE_PADDING_Y + th + 2);
  set_source (cr, &muted, 1.0);
  pango_cairo_show_layout (cr, subtitle);

  cairo_move_to (cr, layout->title.x1 - TITLE_PADDING_X - bw, TITLE_PADDING_Y + (th - bh) / 2.0 + 2);
  set_source (cr, &muted, 1.0);
  pango_cairo_show_layout (cr, brand);
  cairo_restore (cr);
}

static void
draw_attribution (Painter *p)
{
  g_autoptr(PangoLayout) text = NULL;
  const DmRelationRect *r = &p->layout->attribution;

  measure_attribution ((DmRelationLayout *) p->layout, p->options, &text);
  cairo_save (p->cr);
  cairo_rectangle (p->cr, r->x0 - 6, r->y0 - 3, r->x1 - r->x0 + 6, r->y1 - r->y0 + 3);
  set_source (p->cr, &p->palette->label_halo, 0.7);
  cairo_fill (p->cr);
  cairo_move_to (p->cr, r->x0, r->y0);
  set_source (p->cr, &p->palette->label, 0.85);
  pango_cairo_show_layout (p->cr, text);
  cairo_restore (p->cr);
}

void
dm_relation_view_draw_layout (cairo_t                     *cr,
                              const DmRelationLayout      *layout,
                              DmAnalysis                  *analysis,
                              const DmRelationViewOptions *options)
{
  DmRelationViewOptions defaults;
  Painter p;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (DM_IS_ANALYSIS (analysis));

  if (options == NULL)
    {
      dm_relation_view_options_init (&defaults);
      options = &defaults;
    }

  p = (Painter) {
    .cr = cr,
    .layout = layout,
    .analysis = analysis,
    .gazetteer = dm_analysis_get_gazetteer (analysis),
    .options = options,
    .palette = dm_palette_get (options->dark),
  };

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, layout->viewport.width, layout->viewport.height);
  cairo_clip (cr);

  /* Without the basemap the view is an overlay: what is beneath (the
   * map's own tiles) must show through. */
  if (options->show_basemap)
    draw_basemap (&p);

  /* dimmed things first, the selection last, on top */
  for (int pass = 0; pass < 3; pass++)
    for (guint i = 0; i < layout->arcs->len; i++)
      {
        const DmRelationArc *arc = &g_array_index (layout->arcs, DmRelationArc, i);
        int rank = arc->dimmed ? 0 : arc->emphasized ? 2 : 1;

        if (rank == pass)
          draw_arc (&p, arc);
      }

  for (int pass = 0; pass < 3; pass++)
    for (guint i = 0; i < layout->nodes->len; i++)
      {
        const DmRelationNode *node = &g_array_index (layout->nodes, DmRelationNode, i);
        int rank = node->dimmed ? 0 : node->emphasized ? 2 : 1;

        if (rank == pass)
          draw_marker (&p, node);
      }

  draw_country_labels (&p);
  for (guint i = 0; i < layout->nodes->len; i++)
    draw_label (&p, &g_array_index (layout->nodes, DmRelationNode, i));

  if (layout->has_legend)
    dm_legend_draw (cr, layout->pango, layout->legend_entries,
                    layout->legend.x0, layout->legend.y0, options->dark);
  if (layout->has_title)
    draw_title (&p);
  draw_attribution (&p);

  cairo_restore (cr);
}

void
dm_relation_view_draw (cairo_t                     *cr,
                       const DmViewport            *viewport,
                       DmAnalysis                  *analysis,
                       const DmRelationSelection   *selection,
                       const DmRelationViewOptions *options)
{
  g_autoptr(DmRelationLayout) layout = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (viewport != NULL);
  g_return_if_fail (DM_IS_ANALYSIS (analysis));

  layout = dm_relation_layout_new (viewport, analysis, selection, options);
  dm_relation_view_draw_layout (cr, layout, analysis, options);
}

/* Default view and hit test */

void
dm_relation_view_fit (DmViewport *viewport,
                      DmAnalysis *analysis,
                      int         width,
                      int         height)
{
  DmGazetteer *gazetteer = dm_analysis_get_gazetteer (analysis);
  g_autoptr(GArray) lats = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lons = g_array_new (FALSE, FALSE, sizeof (double));
  const double core[4][2] = {
    { CORE_NORTH, CORE_WEST }, { CORE_NORTH, CORE_EAST },
    { CORE_SOUTH, CORE_WEST }, { CORE_SOUTH, CORE_EAST },
  };
  DmViewport content;
  double band = 0, lat, lon;

  g_return_if_fail (viewport != NULL);
  g_return_if_fail (DM_IS_ANALYSIS (analysis));

  for (guint i = 0; i < G_N_ELEMENTS (core); i++)
    {
      g_array_append_val (lats, core[i][0]);
      g_array_append_val (lons, core[i][1]);
    }

  for (guint i = 0; i < dm_analysis_get_n_actors (analysis); i++)
    {
      const DmActorSummary *summary = dm_analysis_get_actor (analysis, i);
      const DmActorInfo *info;

      if (summary->actor >= dm_gazetteer_get_n_actors (gazetteer))
        continue;
      info = dm_gazetteer_get_actor (gazetteer, summary->actor);
      if (info->anchor_lat < REGION_SOUTH || info->anchor_lat > REGION_NORTH ||
          info->anchor_lon < REGION_WEST || info->anchor_lon > REGION_EAST)
        continue;
      g_array_append_val (lats, info->anchor_lat);
      g_array_append_val (lons, info->anchor_lon);
    }

  /* Fit below the title band, then move the centre up by half of it. */
  {
    DmRelationLayout probe = { .viewport = { .width = width } };

    probe.pango = dm_render_create_pango_context ();
    band = title_band_height (&probe, analysis);
    g_object_unref (probe.pango);
  }

  dm_viewport_init (&content, (CORE_NORTH + CORE_SOUTH) / 2, (CORE_WEST + CORE_EAST) / 2,
                    FIT_MAX_ZOOM, MAX (width, 1), MAX (height - (int) band, 1), 1.0);
  dm_viewport_fit (&content, (const double *) lats->data, (const double *) lons->data,
                   lats->len, MIN (FIT_PADDING, MIN (width, height) / 6.0));
  content.zoom = CLAMP (content.zoom, FIT_MIN_ZOOM, FIT_MAX_ZOOM);

  dm_viewport_init (viewport, content.center_lat, content.center_lon, content.zoom,
                    width, height, 1.0);
  dm_viewport_unproject (viewport, width / 2.0, height / 2.0 - band / 2, &lat, &lon);
  viewport->center_lat = lat;
  viewport->center_lon = lon;
}

gboolean
dm_relation_layout_hit_test (const DmRelationLayout *layout,
                             double                  x,
                             double                  y,
                             int                    *actor,
                             int                    *link)
{
  double best = G_MAXDOUBLE;
  int found_link = -1;

  *actor = -1;
  *link = -1;

  /* markers are drawn over the links, and the emphasized ones on top */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = layout->nodes->len; i-- > 0;)
      {
        const DmRelationNode *node = &g_array_index (layout->nodes, DmRelationNode, i);
        double r = (node->emphasized ? node->radius + 3 : node->radius) + 3;

        if (node->emphasized != (pass == 0))
          continue;
        if (hypot (x - node->x, y - node->y) <= r ||
            (node->has_label && rect_contains (&node->label, x, y)))
          {
            *actor = node->actor;
            return TRUE;
          }
      }

  for (guint i = 0; i < layout->arcs->len; i++)
    {
      const DmRelationArc *arc = &g_array_index (layout->arcs, DmRelationArc, i);
      double width = arc->emphasized ? arc->width * 1.5 + 1.0 : arc->width;
      double d = arc_distance (arc, x, y);

      if (d <= width / 2 + 4 && d < best)
        {
          best = d;
          found_link = arc->link;
        }
    }

  *link = found_link;

  return found_link >= 0;
}

gboolean
dm_relation_view_hit_test (const DmViewport            *viewport,
                           DmAnalysis                  *analysis,
                           const DmRelationSelection   *selection,
                           const DmRelationViewOptions *options,
                           double                       x,
                           double                       y,
                           int                         *actor,
                           int                         *link)
{
  g_autoptr(DmRelationLayout) layout = NULL;
  int a, l;
  gboolean hit;

  g_return_val_if_fail (viewport != NULL, FALSE);
  g_return_val_if_fail (DM_IS_ANALYSIS (analysis), FALSE);

  layout = dm_relation_layout_new (viewport, analysis, selection, options);
  hit = dm_relation_layout_hit_test (layout, x, y, &a, &l);
  if (actor != NULL)
    *actor = a;
  if (link != NULL)
    *link = l;

  return hit;
}
