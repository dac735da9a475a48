/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-edge-pins.c: the pins of off-map actors, laid out along the edge.
 *
 * Each pin wants the point where the straight line, on the screen, from
 * the frame's centre to its place crosses the frame: Web Mercator screen
 * space rather than the great circle, because the map is a Mercator map:
 * panning the view in the pin's direction brings the place into it, and
 * the pin's links leave the view the way they would go if it were larger.
 * (A great-circle bearing would send Tokyo's pin north-east from the
 * Caucasus, where no pan of this map finds Tokyo.)
 *
 * Every edge is then a line of its own: pins are sorted along it (which,
 * on a frame around its centre, is their order by angle) and pushed
 * apart by merging neighbours that collide into clusters, each centred on
 * the mean of what its members want (the least squares placement) and
 * kept within the edge's free stretch.  Labels go inwards: beside the pin
 * on the left and right edges, below or above it on the top and bottom
 * ones, so that a pin's share of its edge is its label's height on a
 * side and its label's width on the top or bottom.  The top and bottom
 * edges own the corners (their labels are shallow, the sides' are wide),
 * and boxes over the corners (legend, attribution, the window's buttons)
 * cut the edges they touch.  An edge with more pins than room passes its
 * outermost pins on to the next edges round the corner, keeping the
 * order; when every edge is full, the least mentioned pins lose their
 * labels, then, at worst, the pins of an edge are squeezed evenly.
 */
#include "config.h"

#include <math.h>

#include "dm-edge-pins.h"

/* What a marker and its arrow take along the edge, beyond the circle. */
#define ARROW_ROOM 12.0
/* The smallest part of the arrow pointing out of the view (sin 20°): a
 * place just beyond the edge but far along it still gets an arrow that
 * reads as "out there", not one lying along the edge. */
#define MIN_OUTWARD 0.34
/* Added to the gap between two labels side by side on the top or bottom. */
#define WORD_GAP 10.0
#define N_EDGES 4

typedef struct {
  DmEdgePin *pin;
  double     want;      /* wanted centre along the edge */
  double     extent;    /* share of the edge, gap included */
  double     pos;       /* centre found */
} Slot;

typedef struct {
  double lo, hi;        /* free stretch along the edge */
} Segment;

static gboolean
is_horizontal (DmEdge edge)
{
  return edge == DM_EDGE_TOP || edge == DM_EDGE_BOTTOM;
}

static gboolean
pin_has_label (const DmEdgePin *pin)
{
  return pin->has_label && pin->label_w > 0 && pin->label_h > 0;
}

/* The pin's share of an edge of @edge's orientation. */
static double
pin_extent (const DmEdgePin *pin,
            DmEdge           edge,
            double           gap)
{
  double marker = 2 * pin->radius + ARROW_ROOM;
  double label = 0;

  if (pin_has_label (pin))
    label = is_horizontal (edge) ? pin->label_w : pin->label_h;

  /* Names side by side need more air than names one above the other to
   * read as two. */
  return MAX (marker, label) + (is_horizontal (edge) && label > marker ? gap + WORD_GAP : gap);
}

/* How far into the view a pin on the top or bottom edge reaches. */
static double
pin_depth (const DmEdgePin *pin)
{
  if (pin_has_label (pin))
    return pin->radius + DM_EDGE_PIN_LABEL_GAP + pin->label_h;

  return pin->radius + ARROW_ROOM;
}

static gboolean
rects_intersect (const DmRelationRect *a,
                 const DmRelationRect *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* The free stretch of each edge, before the corners are shared out:
 * @bounds, cut by the boxes in the way of the strip along the edge that
 * its pins and labels may cover. */
static void
compute_fixed_segments (Segment              *segments,
                        const DmEdgePin      *pins,
                        guint                 n_pins,
                        const DmRelationRect *frame,
                        const DmRelationRect *bounds,
                        const DmRelationRect *avoid,
                        guint                 n_avoid,
                        double                gap)
{
  double reach_w = 0, reach_h = 0;
  DmRelationRect strips[N_EDGES];
  double mid_x = (bounds->x0 + bounds->x1) / 2, mid_y = (bounds->y0 + bounds->y1) / 2;

  for (guint i = 0; i < n_pins; i++)
    {
      double r = pins[i].radius + DM_EDGE_PIN_LABEL_GAP;

      reach_w = MAX (reach_w, r + pins[i].label_w);
      reach_h = MAX (reach_h, r + pins[i].label_h);
      reach_w = MAX (reach_w, pins[i].radius + ARROW_ROOM);
      reach_h = MAX (reach_h, pins[i].radius + ARROW_ROOM);
    }

  strips[DM_EDGE_TOP] = (DmRelationRect) { bounds->x0, bounds->y0, bounds->x1, frame->y0 + reach_h };
  strips[DM_EDGE_BOTTOM] = (DmRelationRect) { bounds->x0, frame->y1 - reach_h, bounds->x1, bounds->y1 };
  strips[DM_EDGE_LEFT] = (DmRelationRect) { bounds->x0, bounds->y0, frame->x0 + reach_w, bounds->y1 };
  strips[DM_EDGE_RIGHT] = (DmRelationRect) { frame->x1 - reach_w, bounds->y0, bounds->x1, bounds->y1 };

  for (int e = 0; e < N_EDGES; e++)
    {
      Segment *s = &segments[e];

      if (is_horizontal (e))
        *s = (Segment) { bounds->x0, bounds->x1 };
      else
        *s = (Segment) { bounds->y0, bounds->y1 };

      for (guint k = 0; k < n_avoid; k++)
        {
          const DmRelationRect *box = &avoid[k];

          if (!rects_intersect (box, &strips[e]))
            continue;
          if (is_horizontal (e))
            {
              if ((box->x0 + box->x1) / 2 < mid_x)
                s->lo = MAX (s->lo, box->x1 + gap);
              else
                s->hi = MIN (s->hi, box->x0 - gap);
            }
          else
            {
              if ((box->y0 + box->y1) / 2 < mid_y)
                s->lo = MAX (s->lo, box->y1 + gap);
              else
                s->hi = MIN (s->hi, box->y0 - gap);
            }
        }
      if (s->hi < s->lo)
        s->hi = s->lo;
    }
}

/* The fixed stretches, with the sides cut below the band of the top
 * pins' labels and above that of the bottom ones. */
static void
compute_segments (Segment              *segments,
                  const Segment        *fixed,
                  const DmEdgePin      *pins,
                  guint                 n_pins,
                  const DmRelationRect *frame,
                  double                gap)
{
  double top_band = -G_MAXDOUBLE, bottom_band = G_MAXDOUBLE;

  for (guint i = 0; i < n_pins; i++)
    {
      if (pins[i].edge == DM_EDGE_TOP)
        top_band = MAX (top_band, frame->y0 + pin_depth (&pins[i]) + gap);
      else if (pins[i].edge == DM_EDGE_BOTTOM)
        bottom_band = MIN (bottom_band, frame->y1 - pin_depth (&pins[i]) - gap);
    }

  for (int e = 0; e < N_EDGES; e++)
    {
      segments[e] = fixed[e];
      if (!is_horizontal (e))
        {
          segments[e].lo = MAX (segments[e].lo, top_band);
          segments[e].hi = MIN (segments[e].hi, bottom_band);
          if (segments[e].hi < segments[e].lo)
            segments[e].hi = segments[e].lo;
        }
    }
}

/* Clockwise from the frame's top-left corner. */
static double
perimeter_position (const DmRelationRect *frame,
                    DmEdge                edge,
                    double                along)
{
  double w = frame->x1 - frame->x0, h = frame->y1 - frame->y0;

  switch (edge)
    {
    case DM_EDGE_TOP:
      return along - frame->x0;
    case DM_EDGE_RIGHT:
      return w + (along - frame->y0);
    case DM_EDGE_BOTTOM:
      return w + h + (frame->x1 - along);
    case DM_EDGE_LEFT:
    default:
      return 2 * w + h + (frame->y1 - along);
    }
}

/* Where the ray from the centre of @frame towards (@tx, @ty) leaves it. */
static void
intersect_ray (const DmRelationRect *frame,
               double                tx,
               double                ty,
               DmEdge               *edge,
               double               *along)
{
  double cx = (frame->x0 + frame->x1) / 2, cy = (frame->y0 + frame->y1) / 2;
  double dx = tx - cx, dy = ty - cy, t = G_MAXDOUBLE;
  DmEdge e = DM_EDGE_RIGHT;

  if (dx > 0 && (frame->x1 - cx) / dx < t)
    t = (frame->x1 - cx) / dx, e = DM_EDGE_RIGHT;
  else if (dx < 0 && (frame->x0 - cx) / dx < t)
    t = (frame->x0 - cx) / dx, e = DM_EDGE_LEFT;
  if (dy > 0 && (frame->y1 - cy) / dy < t)
    t = (frame->y1 - cy) / dy, e = DM_EDGE_BOTTOM;
  else if (dy < 0 && (frame->y0 - cy) / dy < t)
    t = (frame->y0 - cy) / dy, e = DM_EDGE_TOP;
  if (t == G_MAXDOUBLE)
    t = 0;

  *edge = e;
  *along = is_horizontal (e) ? cx + t * dx : cy + t * dy;
}

/* A wanted point in a stretch the boxes took goes to the nearest free
 * stretch round the frame. */
static void
move_to_free_segment (DmEdgePin            *pin,
                      double               *want,
                      const Segment        *fixed,
                      const DmRelationRect *frame)
{
  double w = frame->x1 - frame->x0, h = frame->y1 - frame->y0, p = 2 * (w + h);
  double s = perimeter_position (frame, pin->edge, *want), best = G_MAXDOUBLE;
  DmEdge best_edge = pin->edge;
  double best_want = *want;

  if (*want >= fixed[pin->edge].lo && *want <= fixed[pin->edge].hi)
    return;

  for (int e = 0; e < N_EDGES; e++)
    {
      double ends[2] = { fixed[e].lo, fixed[e].hi };

      if (fixed[e].hi <= fixed[e].lo)
        continue;
      for (int k = 0; k < 2; k++)
        {
          double d = fabs (perimeter_position (frame, e, ends[k]) - s);

          d = MIN (d, p - d);
          if (d < best)
            {
              best = d;
              best_edge = e;
              best_want = ends[k];
            }
        }
    }

  pin->edge = best_edge;
  *want = best_want;
}

static int
compare_want (gconstpointer a,
              gconstpointer b)
{
  const Slot *sa = a, *sb = b;

  return sa->want < sb->want ? -1 : sa->want > sb->want ? 1 : 0;
}

/* Collects the pins of @edge, sorted along it. */
static GArray *
collect_slots (DmEdgePin *pins,
               guint      n_pins,
               double    *wants,
               DmEdge     edge,
               double     gap)
{
  GArray *slots = g_array_new (FALSE, FALSE, sizeof (Slot));

  for (guint i = 0; i < n_pins; i++)
    if (pins[i].edge == edge)
      {
        Slot slot = { &pins[i], wants[i], pin_extent (&pins[i], edge, gap), 0 };

        g_array_append_val (slots, slot);
      }
  g_array_sort (slots, compare_want);

  return slots;
}

static double
total_extent (GArray *slots)
{
  double total = 0;

  for (guint i = 0; i < slots->len; i++)
    total += g_array_index (slots, Slot, i).extent;

  return total;
}

/* The start of a cluster of slots [first, last] that best fits what its
 * members want, within [lo, hi]. */
static double
place_cluster (Slot   *slots,
               guint   first,
               guint   last,
               double  lo,
               double  hi)
{
  double offset = 0, sum = 0, length = 0, start;

  for (guint i = first; i <= last; i++)
    {
      sum += slots[i].want - (offset + slots[i].extent / 2);
      offset += slots[i].extent;
    }
  length = offset;
  start = sum / (last - first + 1);

  return CLAMP (start, lo, MAX (lo, hi - length));
}

/* Pushes the slots apart along [lo, hi], each as near as it can be to
 * what it wants.  The slots are sorted by what they want. */
static void
spread_slots (GArray *array,
              double  lo,
              double  hi)
{
  Slot *slots = (Slot *) array->data;
  guint n = array->len, n_clusters = n;
  g_autofree guint *first = g_new (guint, MAX (n, 1));
  g_autofree guint *last = g_new (guint, MAX (n, 1));
  g_autofree double *start = g_new (double, MAX (n, 1));
  double total = total_extent (array), squeeze = 1;

  if (n == 0)
    return;

  /* No room: an even squeeze keeps the order, the overlap is the least. */
  if (total > hi - lo && total > 0)
    {
      squeeze = MAX (hi - lo, 0) / total;
      for (guint i = 0; i < n; i++)
        slots[i].extent *= squeeze;
    }

  for (guint i = 0; i < n; i++)
    {
      first[i] = last[i] = i;
      start[i] = place_cluster (slots, i, i, lo, hi);
    }

  for (;;)
    {
      gboolean merged = FALSE;

      for (guint k = 0; k + 1 < n_clusters; k++)
        {
          double end = start[k];

          for (guint i = first[k]; i <= last[k]; i++)
            end += slots[i].extent;
          if (end <= start[k + 1] + 1e-9)
            continue;

          last[k] = last[k + 1];
          start[k] = place_cluster (slots, first[k], last[k], lo, hi);
          for (guint j = k + 1; j + 1 < n_clusters; j++)
            {
              first[j] = first[j + 1];
              last[j] = last[j + 1];
              start[j] = start[j + 1];
            }
          n_clusters--;
          merged = TRUE;
          break;
        }

      if (!merged)
        break;
    }

  for (guint k = 0; k < n_clusters; k++)
    {
      double offset = start[k];

      for (guint i = first[k]; i <= last[k]; i++)
        {
          slots[i].pos = offset + slots[i].extent / 2;
          offset += slots[i].extent;
        }
    }

  for (guint i = 0; i < n; i++)
    slots[i].extent /= squeeze;
}

void
dm_edge_pin_place_label (const DmEdgePin *pin,
                         double           w,
                         double           h,
                         DmRelationRect  *out)
{
  double gap = pin->radius + DM_EDGE_PIN_LABEL_GAP, x, y;

  switch (pin->edge)
    {
    case DM_EDGE_TOP:
      x = pin->along - w / 2, y = pin->y + gap;
      break;
    case DM_EDGE_BOTTOM:
      x = pin->along - w / 2, y = pin->y - gap - h;
      break;
    case DM_EDGE_LEFT:
      x = pin->x + gap, y = pin->along - h / 2;
      break;
    case DM_EDGE_RIGHT:
    default:
      x = pin->x - gap - w, y = pin->along - h / 2;
      break;
    }

  x = round (x);
  y = round (y);
  *out = (DmRelationRect) { x, y, x + w, y + h };
}

/* Points the arrow at the place, but never less than MIN_OUTWARD out of
 * the view. */
static void
set_direction (DmEdgePin *pin)
{
  double dx = pin->tx - pin->x, dy = pin->ty - pin->y, len = hypot (dx, dy);
  double nx = 0, ny = 0, out, side;

  switch (pin->edge)
    {
    case DM_EDGE_TOP: ny = -1; break;
    case DM_EDGE_BOTTOM: ny = 1; break;
    case DM_EDGE_LEFT: nx = -1; break;
    case DM_EDGE_RIGHT: default: nx = 1; break;
    }

  if (len <= 0)
    {
      pin->dx = nx, pin->dy = ny;
      return;
    }
  dx /= len, dy /= len;

  out = dx * nx + dy * ny;
  if (out < MIN_OUTWARD)
    {
      /* keep the side it leans to, raise the outward part */
      side = nx != 0 ? dy : dx;
      side = (side < 0 ? -1 : 1) * sqrt (1 - MIN_OUTWARD * MIN_OUTWARD);
      if (nx != 0)
        dx = nx * MIN_OUTWARD, dy = side;
      else
        dy = ny * MIN_OUTWARD, dx = side;
    }

  pin->dx = dx, pin->dy = dy;
}

void
dm_edge_pins_layout (DmEdgePin            *pins,
                     guint                 n_pins,
                     const DmRelationRect *frame,
                     const DmRelationRect *bounds,
                     const DmRelationRect *avoid,
                     guint                 n_avoid,
                     double                gap)
{
  Segment fixed[N_EDGES], segments[N_EDGES];
  g_autofree double *wants = NULL;
  g_autofree gboolean *moved = NULL;
  guint n_moves = 0;

  if (n_pins == 0)
    return;

  wants = g_new (double, n_pins);
  moved = g_new0 (gboolean, n_pins);

  compute_fixed_segments (fixed, pins, n_pins, frame, bounds, avoid, n_avoid, gap);
  for (guint i = 0; i < n_pins; i++)
    {
      pins[i].has_label = pins[i].label_w > 0 && pins[i].label_h > 0;
      intersect_ray (frame, pins[i].tx, pins[i].ty, &pins[i].edge, &wants[i]);
      move_to_free_segment (&pins[i], &wants[i], fixed, frame);
    }

  /* Share out the room: pass pins round the corners, then drop labels. */
  for (guint round = 0; round < 4 * n_pins + 4; round++)
    {
      int full = -1;
      double need[N_EDGES];

      compute_segments (segments, fixed, pins, n_pins, frame, gap);
      for (int e = 0; e < N_EDGES; e++)
        {
          g_autoptr(GArray) slots = collect_slots (pins, n_pins, wants, e, gap);

          need[e] = total_extent (slots);
          if (full < 0 && need[e] > segments[e].hi - segments[e].lo + 1e-6)
            full = e;
        }
      if (full < 0)
        break;

      {
        g_autoptr(GArray) slots = collect_slots (pins, n_pins, wants, full, gap);
        /* the first pin goes to the edge before this one round the frame
         * (clockwise), the last to the one after, each to the near end */
        static const DmEdge before[N_EDGES] = { DM_EDGE_LEFT, DM_EDGE_TOP, DM_EDGE_LEFT, DM_EDGE_TOP };
        static const DmEdge after[N_EDGES] = { DM_EDGE_RIGHT, DM_EDGE_BOTTOM, DM_EDGE_RIGHT, DM_EDGE_BOTTOM };
        static const gboolean before_at_lo[N_EDGES] = { TRUE, FALSE, FALSE, TRUE };
        static const gboolean after_at_lo[N_EDGES] = { TRUE, FALSE, FALSE, TRUE };
        Slot *ends[2] = { &g_array_index (slots, Slot, 0),
                          &g_array_index (slots, Slot, slots->len - 1) };
        DmEdge dests[2] = { before[full], after[full] };
        gboolean at_lo[2] = { before_at_lo[full], after_at_lo[full] };
        double best_room = -1;
        int best = -1;

        for (int k = 0; k < 2; k++)
          {
            DmEdgePin *pin = ends[k]->pin;
            double room;

            if (moved[pin - pins] || (k == 1 && slots->len == 1 && best >= 0))
              continue;
            room = segments[dests[k]].hi - segments[dests[k]].lo - need[dests[k]] -
                   pin_extent (pin, dests[k], gap);
            if (room >= 0 && room > best_room)
              {
                best_room = room;
                best = k;
              }
          }

        if (best >= 0)
          {
            DmEdgePin *pin = ends[best]->pin;
            guint i = pin - pins;

            n_moves++;
            pin->edge = dests[best];
            moved[i] = TRUE;
            /* behind the pins already passed to that corner: the order
             * round the frame stays that of the directions */
            wants[i] = at_lo[best] ? segments[dests[best]].lo - n_moves * 1e-3
                                   : segments[dests[best]].hi + n_moves * 1e-3;
            continue;
          }

        /* No edge has room: the least mentioned pin here loses its label. */
        {
          DmEdgePin *victim = NULL;

          for (guint k = 0; k < slots->len; k++)
            {
              DmEdgePin *pin = g_array_index (slots, Slot, k).pin;

              if (pin_has_label (pin) && (victim == NULL || pin->rank > victim->rank))
                victim = pin;
            }
          /* every pin here is bare already: room must come from the
           * edges round the corners, so the least mentioned labelled pin
           * anywhere gives up its label, and pins can move again */
          for (guint k = 0; victim == NULL && k < n_pins; k++)
            if (pin_has_label (&pins[k]))
              for (guint j = 0; j < n_pins; j++)
                if (pin_has_label (&pins[j]) && (victim == NULL || pins[j].rank > victim->rank))
                  victim = &pins[j];
          if (victim == NULL)
            break;
          victim->has_label = FALSE;
        }
      }
    }

  compute_segments (segments, fixed, pins, n_pins, frame, gap);
  for (int e = 0; e < N_EDGES; e++)
    {
      g_autoptr(GArray) slots = collect_slots (pins, n_pins, wants, e, gap);

      spread_slots (slots, segments[e].lo, segments[e].hi);
      for (guint k = 0; k < slots->len; k++)
        {
          Slot *slot = &g_array_index (slots, Slot, k);
          DmEdgePin *pin = slot->pin;

          switch (e)
            {
            case DM_EDGE_TOP:
              pin->x = CLAMP (slot->pos, frame->x0, frame->x1), pin->y = frame->y0;
              break;
            case DM_EDGE_BOTTOM:
              pin->x = CLAMP (slot->pos, frame->x0, frame->x1), pin->y = frame->y1;
              break;
            case DM_EDGE_LEFT:
              pin->x = frame->x0, pin->y = slot->pos;
              break;
            case DM_EDGE_RIGHT:
            default:
              pin->x = frame->x1, pin->y = slot->pos;
              break;
            }

          pin->along = slot->pos;
          if (pin->has_label)
            dm_edge_pin_place_label (pin, pin->label_w, pin->label_h, &pin->label);
          else
            pin->label = (DmRelationRect) { pin->x, pin->y, pin->x, pin->y };
          set_direction (pin);
        }
    }
}
