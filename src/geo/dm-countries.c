/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-countries.c: loads the country polygons, answers "which country is
 * this point in", and simplifies the outlines per zoom for drawing.
 *
 * Lookups go through a uniform grid over the normalized Mercator square
 * whose cells list the rings (not the countries) whose bounding box meets
 * them: a country's parity under the even-odd rule is the XOR of "inside"
 * over its rings, and a ring whose box misses the point contributes
 * nothing, so only a handful of small rings are ever tested.
 */
#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "dm-countries.h"
#include "dm-geojson-private.h"
#include "dm-geo-resources.h"
#include "dm-mercator.h"

#define RESOURCE_PATH "/io/github/diplomap/Diplomap/geo/"
#define N_LEVELS (DM_COUNTRIES_MAX_ZOOM - DM_COUNTRIES_MIN_ZOOM + 1)
#define GRID_SIZE 256

/* Inside this box (degrees) the 1:10m layer replaces the 1:50m one.  It is
 * a degree inside the box the 1:10m data was cut to (30–58°E, 33–48°N, see
 * tools/geo/build-geodata.mjs), so the cut edges are never drawn. */
#define DETAIL_WEST 31.0
#define DETAIL_EAST 57.0
#define DETAIL_SOUTH 34.0
#define DETAIL_NORTH 47.0

typedef struct {
  DmCountry   pub;        /* first: a DmCountry* is a Feature* */
  char       *iso;
  char       *name;
  DmGeoShape  full;
  DmGeoShape *levels[N_LEVELS];
} Feature;

typedef struct {
  guint feature;
  guint ring;
} RingRef;

struct _DmCountries
{
  GObject     parent_instance;

  GPtrArray  *features;   /* Feature*: world layer, then region layer */
  GPtrArray  *disputed;   /* Feature* */
  GHashTable *by_iso;     /* iso → Feature*, the one that matters for the region */
  DmGeoRect   detail_box;

  guint      *cell_start; /* GRID_SIZE² + 1 offsets into cell_rings */
  RingRef    *cell_rings;

  GMutex      lock;       /* guards the lazily built Feature.levels */
};

G_DEFINE_FINAL_TYPE (DmCountries, dm_countries, G_TYPE_OBJECT)

static void
shape_clear (DmGeoShape *shape)
{
  for (guint i = 0; i < shape->n_rings; i++)
    g_free ((double *) shape->rings[i].points);
  g_free ((DmGeoRing *) shape->rings);
  memset (shape, 0, sizeof *shape);
}

static void
feature_free (Feature *feature)
{
  shape_clear (&feature->full);
  for (guint i = 0; i < N_LEVELS; i++)
    if (feature->levels[i] != NULL)
      {
        shape_clear (feature->levels[i]);
        g_free (feature->levels[i]);
      }
  g_free (feature->iso);
  g_free (feature->name);
  g_free (feature);
}

static void
dm_countries_finalize (GObject *object)
{
  DmCountries *self = DM_COUNTRIES (object);

  g_clear_pointer (&self->features, g_ptr_array_unref);
  g_clear_pointer (&self->disputed, g_ptr_array_unref);
  g_clear_pointer (&self->by_iso, g_hash_table_unref);
  g_clear_pointer (&self->cell_start, g_free);
  g_clear_pointer (&self->cell_rings, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (dm_countries_parent_class)->finalize (object);
}

static void
dm_countries_class_init (DmCountriesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dm_countries_finalize;
}

static void
dm_countries_init (DmCountries *self)
{
  double x0, y0, x1, y1;

  g_mutex_init (&self->lock);
  self->features = g_ptr_array_new_with_free_func ((GDestroyNotify) feature_free);
  self->disputed = g_ptr_array_new_with_free_func ((GDestroyNotify) feature_free);
  self->by_iso = g_hash_table_new (g_str_hash, g_str_equal);

  dm_mercator_project (DETAIL_NORTH, DETAIL_WEST, &x0, &y0);
  dm_mercator_project (DETAIL_SOUTH, DETAIL_EAST, &x1, &y1);
  self->detail_box = (DmGeoRect) { x0, y0, x1, y1 };
}

/* Geometry helpers */

gboolean
dm_geo_rect_intersects (const DmGeoRect *a,
                        const DmGeoRect *b)
{
  return a->x0 <= b->x1 && b->x0 <= a->x1 && a->y0 <= b->y1 && b->y0 <= a->y1;
}

static gboolean
rect_contains (const DmGeoRect *r,
               double           x,
               double           y)
{
  return x >= r->x0 && x <= r->x1 && y >= r->y0 && y <= r->y1;
}

static double
ring_signed_area (const double *p,
                  guint         n)
{
  double a = 0;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    a += (p[2 * j] - p[2 * i]) * (p[2 * j + 1] + p[2 * i + 1]);

  return a / 2.0;
}

static gboolean
ring_contains (const DmGeoRing *ring,
               double           x,
               double           y)
{
  const double *p = ring->points;
  guint n = ring->n_points;
  gboolean inside = FALSE;

  if (!rect_contains (&ring->bounds, x, y))
    return FALSE;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    {
      double xi = p[2 * i], yi = p[2 * i + 1];
      double xj = p[2 * j], yj = p[2 * j + 1];

      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
        inside = !inside;
    }

  return inside;
}

gboolean
dm_geo_shape_contains (const DmGeoShape *shape,
                       double            x,
                       double            y)
{
  gboolean inside = FALSE;

  if (!rect_contains (&shape->bounds, x, y))
    return FALSE;

  for (guint i = 0; i < shape->n_rings; i++)
    if (ring_contains (&shape->rings[i], x, y))
      inside = !inside;

  return inside;
}

double
dm_geo_shape_area (const DmGeoShape *shape)
{
  double area = 0;

  for (guint i = 0; i < shape->n_rings; i++)
    area += fabs (ring_signed_area (shape->rings[i].points, shape->rings[i].n_points));

  return area;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static gboolean
find_label_point (const DmGeoShape *shape,
                  const DmGeoRect  *within,
                  int               n_lines,
                  double           *x,
                  double           *y,
                  double           *width)
{
  DmGeoRect area = shape->bounds;
  g_autoptr(GArray) crossings = g_array_new (FALSE, FALSE, sizeof (double));
  double best_score = -1;

  if (within != NULL)
    {
      if (!dm_geo_rect_intersects (&area, within))
        return FALSE;
      area.x0 = MAX (area.x0, within->x0);
      area.y0 = MAX (area.y0, within->y0);
      area.x1 = MIN (area.x1, within->x1);
      area.y1 = MIN (area.y1, within->y1);
    }

  for (int line = 0; line < n_lines; line++)
    {
      double t = (line + 0.5) / n_lines;
      double ly = area.y0 + t * (area.y1 - area.y0);
      /* a long run near the middle beats a slightly longer one at the edge */
      double weight = 1.0 - 0.8 * fabs (t - 0.5);

      g_array_set_size (crossings, 0);
      for (guint r = 0; r < shape->n_rings; r++)
        {
          const DmGeoRing *ring = &shape->rings[r];
          const double *p = ring->points;
          guint n = ring->n_points;

          if (ly < ring->bounds.y0 || ly > ring->bounds.y1)
            continue;
          for (guint i = 0, j = n - 1; i < n; j = i++)
            {
              double yi = p[2 * i + 1], yj = p[2 * j + 1];

              if ((yi > ly) != (yj > ly))
                {
                  double cx = p[2 * i] + (p[2 * j] - p[2 * i]) * (ly - yi) / (yj - yi);
                  g_array_append_val (crossings, cx);
                }
            }
        }
      g_array_sort (crossings, compare_doubles);

      for (guint i = 0; i + 1 < crossings->len; i += 2)
        {
          double a = MAX (g_array_index (crossings, double, i), area.x0);
          double b = MIN (g_array_index (crossings, double, i + 1), area.x1);
          double score = (b - a) * weight;

          if (b > a && score > best_score)
            {
              best_score = score;
              *x = (a + b) / 2.0;
              *y = ly;
              *width = b - a;
            }
        }
    }

  return best_score >= 0;
}

gboolean
dm_geo_shape_label_point (const DmGeoShape *shape,
                          const DmGeoRect  *within,
                          double           *x,
                          double           *y,
                          double           *width)
{
  return find_label_point (shape, within, 17, x, y, width);
}

/* Simplification */

static double
segment_distance2 (const double *p,
                   const double *a,
                   const double *b)
{
  double dx = b[0] - a[0], dy = b[1] - a[1];
  double len2 = dx * dx + dy * dy;
  double t = 0, ex, ey;

  if (len2 > 0)
    t = CLAMP (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2, 0.0, 1.0);
  ex = a[0] + t * dx - p[0];
  ey = a[1] + t * dy - p[1];

  return ex * ex + ey * ey;
}

/* Douglas–Peucker over pts[first..last] (indices into a ring seen as n + 1
 * points, the last one the first again), with an explicit stack so that
 * long coastlines cannot overflow the C stack. */
static void
douglas_peucker (const double *pts,
                 guint         n,
                 guint         first,
                 guint         last,
                 double        tol2,
                 gboolean     *keep,
                 GArray       *stack)
{
#define PT(i) (&pts[2 * ((i) % n)])
  g_array_set_size (stack, 0);
  g_array_append_val (stack, first);
  g_array_append_val (stack, last);

  while (stack->len > 0)
    {
      guint b = g_array_index (stack, guint, stack->len - 1);
      guint a = g_array_index (stack, guint, stack->len - 2);
      double max_d2 = -1;
      guint max_i = a;

      g_array_set_size (stack, stack->len - 2);
      for (guint i = a + 1; i < b; i++)
        {
          double d2 = segment_distance2 (PT (i), PT (a), PT (b));
          if (d2 > max_d2)
            {
              max_d2 = d2;
              max_i = i;
            }
        }
      if (max_d2 > tol2)
        {
          keep[max_i % n] = TRUE;
          g_array_append_val (stack, a);
          g_array_append_val (stack, max_i);
          g_array_append_val (stack, max_i);
          g_array_append_val (stack, b);
        }
    }
#undef PT
}

static void
set_ring_bounds (DmGeoRing *ring)
{
  const double *p = ring->points;
  DmGeoRect b = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

  for (guint i = 0; i < ring->n_points; i++)
    {
      b.x0 = MIN (b.x0, p[2 * i]);
      b.y0 = MIN (b.y0, p[2 * i + 1]);
      b.x1 = MAX (b.x1, p[2 * i]);
      b.y1 = MAX (b.y1, p[2 * i + 1]);
    }
  ring->bounds = b;
}

static void
set_shape_bounds (DmGeoShape *shape)
{
  DmGeoRect b = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

  for (guint i = 0; i < shape->n_rings; i++)
    {
      const DmGeoRect *r = &shape->rings[i].bounds;
      b.x0 = MIN (b.x0, r->x0);
      b.y0 = MIN (b.y0, r->y0);
      b.x1 = MAX (b.x1, r->x1);
      b.y1 = MAX (b.y1, r->y1);
    }
  shape->bounds = b;
}

/* Returns FALSE if the ring has no area to keep. */
static gboolean
simplify_ring (const DmGeoRing *in,
               double           tol2,
               DmGeoRing       *out,
               GArray          *stack)
{
  const double *p = in->points;
  guint n = in->n_points;
  g_autofree gboolean *keep = g_new0 (gboolean, n);
  double *q;
  guint far = 0, count = 0, k = 0;
  double far_d2 = -1;

  /* Anchor the closed ring at its first point and the point farthest from
   * it, then simplify both halves. */
  for (guint i = 1; i < n; i++)
    {
      double dx = p[2 * i] - p[0], dy = p[2 * i + 1] - p[1];
      if (dx * dx + dy * dy > far_d2)
        {
          far_d2 = dx * dx + dy * dy;
          far = i;
        }
    }
  if (far == 0)
    return FALSE;

  keep[0] = keep[far] = TRUE;
  douglas_peucker (p, n, 0, far, tol2, keep, stack);
  douglas_peucker (p, n, far, n, tol2, keep, stack);

  for (guint i = 0; i < n; i++)
    count += keep[i];

  /* Below a pixel the ring would collapse to a segment: keep the point
   * farthest from it so that the country stays a (tiny) triangle. */
  if (count < 3)
    {
      double max_d2 = 0;
      guint max_i = 0;

      for (guint i = 0; i < n; i++)
        {
          double d2 = segment_distance2 (&p[2 * i], &p[0], &p[2 * far]);
          if (!keep[i] && d2 > max_d2)
            {
              max_d2 = d2;
              max_i = i;
            }
        }
      if (max_d2 <= 0)
        return FALSE;
      keep[max_i] = TRUE;
      count++;
    }

  q = g_new (double, 2 * count);
  for (guint i = 0; i < n; i++)
    if (keep[i])
      {
        q[2 * k] = p[2 * i];
        q[2 * k + 1] = p[2 * i + 1];
        k++;
      }
  out->points = q;
  out->n_points = count;
  set_ring_bounds (out);

  return TRUE;
}

static DmGeoShape *
simplify_shape (const DmGeoShape *in,
                int               zoom)
{
  DmGeoShape *out = g_new0 (DmGeoShape, 1);
  DmGeoRing *rings = g_new0 (DmGeoRing, MAX (in->n_rings, 1));
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  double tol = 0.5 / dm_mercator_world_size (zoom, 1.0);

  for (guint i = 0; i < in->n_rings; i++)
    if (simplify_ring (&in->rings[i], tol * tol, &rings[out->n_rings], stack))
      out->n_rings++;

  out->rings = rings;
  set_shape_bounds (out);

  return out;
}

const DmGeoShape *
dm_countries_get_shape (DmCountries     *self,
                        const DmCountry *country,
                        int              zoom)
{
  Feature *feature = (Feature *) country;
  guint level;

  g_return_val_if_fail (DM_IS_COUNTRIES (self), NULL);
  g_return_val_if_fail (country != NULL, NULL);

  if (zoom < 0)
    return &feature->full;

  level = CLAMP (zoom, DM_COUNTRIES_MIN_ZOOM, DM_COUNTRIES_MAX_ZOOM) - DM_COUNTRIES_MIN_ZOOM;

  g_mutex_lock (&self->lock);
  if (feature->levels[level] == NULL)
    feature->levels[level] = simplify_shape (&feature->full, level + DM_COUNTRIES_MIN_ZOOM);
  g_mutex_unlock (&self->lock);

  return feature->levels[level];
}

/* Loading */

typedef struct {
  DmGeoLayer  layer;
  GPtrArray  *into;
} LoadContext;

static gboolean
add_feature_cb (const char  *iso,
                const char  *name,
                GArray      *rings,
                gpointer     user_data,
                GError     **error)
{
  LoadContext *context = user_data;
  Feature *feature = g_new0 (Feature, 1);
  const DmGeoRing *largest = NULL;
  double largest_area = -1, width;

  /* Project once here: everything downstream works in Mercator. */
  for (guint i = 0; i < rings->len; i++)
    {
      DmGeoRing *ring = &g_array_index (rings, DmGeoRing, i);
      double *p = (double *) ring->points;

      for (guint k = 0; k < ring->n_points; k++)
        dm_mercator_project (p[2 * k + 1], p[2 * k], &p[2 * k], &p[2 * k + 1]);
      set_ring_bounds (ring);
    }

  feature->iso = g_strdup (iso);
  feature->name = g_strdup (name);
  feature->full.n_rings = rings->len;
  feature->full.rings = (DmGeoRing *) g_array_free (rings, FALSE);
  set_shape_bounds (&feature->full);

  feature->pub.iso = feature->iso;
  feature->pub.name = feature->name;
  feature->pub.layer = context->layer;
  feature->pub.bounds = feature->full.bounds;
  feature->pub.area = dm_geo_shape_area (&feature->full);

  /* Label the largest ring: France's label belongs in Europe, not Guyana. */
  for (guint i = 0; i < feature->full.n_rings; i++)
    {
      const DmGeoRing *ring = &feature->full.rings[i];
      double area = fabs (ring_signed_area (ring->points, ring->n_points));

      if (area > largest_area)
        {
          largest_area = area;
          largest = ring;
        }
    }
  /* Fewer scan lines than for on-screen labels: this runs for every
   * country at start-up, and the renderer looks again within the view. */
  if (!find_label_point (&feature->full, &largest->bounds, 9,
                         &feature->pub.label_x, &feature->pub.label_y, &width))
    {
      feature->pub.label_x = (largest->bounds.x0 + largest->bounds.x1) / 2.0;
      feature->pub.label_y = (largest->bounds.y0 + largest->bounds.y1) / 2.0;
    }

  g_ptr_array_add (context->into, feature);

  return TRUE;
}

static gboolean
load_collection (DmCountries  *self,
                 GBytes       *bytes,
                 const char   *what,
                 DmGeoLayer    layer,
                 GPtrArray    *into,
                 GError      **error)
{
  LoadContext context = { layer, into };
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!dm_geojson_read (data, size, add_feature_cb, &context, error))
    {
      g_prefix_error (error, "%s: ", what);
      return FALSE;
    }

  return TRUE;
}

static void
build_index (DmCountries *self)
{
  const double n = GRID_SIZE;
  guint total = 0;
  g_autofree guint *fill = NULL;

  self->cell_start = g_new0 (guint, GRID_SIZE * GRID_SIZE + 1);

  /* Two passes over the ring boxes: count per cell, then place. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint f = 0; f < self->features->len; f++)
        {
          Feature *feature = g_ptr_array_index (self->features, f);

          for (guint r = 0; r < feature->full.n_rings; r++)
            {
              const DmGeoRect *b = &feature->full.rings[r].bounds;
              int cx0 = CLAMP ((int) floor (b->x0 * n), 0, GRID_SIZE - 1);
              int cy0 = CLAMP ((int) floor (b->y0 * n), 0, GRID_SIZE - 1);
              int cx1 = CLAMP ((int) floor (b->x1 * n), 0, GRID_SIZE - 1);
              int cy1 = CLAMP ((int) floor (b->y1 * n), 0, GRID_SIZE - 1);

              for (int cy = cy0; cy <= cy1; cy++)
                for (int cx = cx0; cx <= cx1; cx++)
                  {
                    guint cell = cy * GRID_SIZE + cx;

                    if (pass == 0)
                      self->cell_start[cell + 1]++;
                    else
                      self->cell_rings[fill[cell]++] = (RingRef) { f, r };
                  }
            }
        }

      if (pass == 0)
        {
          for (guint c = 0; c < GRID_SIZE * GRID_SIZE; c++)
            self->cell_start[c + 1] += self->cell_start[c];
          total = self->cell_start[GRID_SIZE * GRID_SIZE];
          self->cell_rings = g_new (RingRef, MAX (total, 1));
          fill = g_memdup2 (self->cell_start, sizeof (guint) * GRID_SIZE * GRID_SIZE);
        }
    }
}

static gboolean
load (DmCountries  *self,
      GBytes       *world,
      GBytes       *region,
      GBytes       *disputed,
      GError      **error)
{
  if (!load_collection (self, world, "world-50m", DM_GEO_LAYER_WORLD, self->features, error) ||
      !load_collection (self, region, "region-10m", DM_GEO_LAYER_REGION, self->features, error))
    return FALSE;
  if (disputed != NULL &&
      !load_collection (self, disputed, "nagorno-karabakh", DM_GEO_LAYER_DISPUTED,
                        self->disputed, error))
    return FALSE;

  /* Later entries win: the 1:10m one replaces the 1:50m one of a country. */
  for (guint i = 0; i < self->features->len; i++)
    {
      Feature *feature = g_ptr_array_index (self->features, i);

      if (feature->iso[0] != '\0')
        g_hash_table_insert (self->by_iso, feature->iso, feature);
    }

  build_index (self);

  return TRUE;
}

static GBytes *
lookup_resource (const char  *name,
                 GError     **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_PATH, name, NULL);

  /* Asking our own resource directly also keeps the linker from dropping
   * it out of the static library. */
  return g_resource_lookup_data (dm_geo_get_resource (), path,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

DmCountries *
dm_countries_new (GError **error)
{
  g_autoptr(DmCountries) self = g_object_new (DM_TYPE_COUNTRIES, NULL);
  g_autoptr(GBytes) world = NULL;
  g_autoptr(GBytes) region = NULL;
  g_autoptr(GBytes) disputed = NULL;

  if (!(world = lookup_resource ("world-50m.geojson", error)) ||
      !(region = lookup_resource ("region-10m.geojson", error)) ||
      !(disputed = lookup_resource ("nagorno-karabakh.geojson", error)))
    return NULL;

  if (!load (self, world, region, disputed, error))
    return NULL;

  return g_steal_pointer (&self);
}

static GBytes *
read_file_bytes (const char  *path,
                 GError     **error)
{
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  return g_bytes_new_take (contents, length);
}

DmCountries *
dm_countries_new_from_files (const char  *world_path,
                             const char  *region_path,
                             const char  *disputed_path,
                             GError     **error)
{
  g_autoptr(DmCountries) self = g_object_new (DM_TYPE_COUNTRIES, NULL);
  g_autoptr(GBytes) world = NULL;
  g_autoptr(GBytes) region = NULL;
  g_autoptr(GBytes) disputed = NULL;

  g_return_val_if_fail (world_path != NULL && region_path != NULL, NULL);

  if (!(world = read_file_bytes (world_path, error)) ||
      !(region = read_file_bytes (region_path, error)))
    return NULL;
  if (disputed_path != NULL && !(disputed = read_file_bytes (disputed_path, error)))
    return NULL;

  if (!load (self, world, region, disputed, error))
    return NULL;

  return g_steal_pointer (&self);
}

DmCountries *
dm_countries_get_default (GError **error)
{
  static DmCountries *instance;
  static GMutex mutex;
  DmCountries *result;

  /* Not g_once: a failed load must report its error to every caller. */
  g_mutex_lock (&mutex);
  if (instance == NULL)
    instance = dm_countries_new (error);
  result = instance;
  g_mutex_unlock (&mutex);

  return result;
}

/* Access and lookup */

guint
dm_countries_get_n_countries (DmCountries *self)
{
  g_return_val_if_fail (DM_IS_COUNTRIES (self), 0);

  return self->features->len;
}

const DmCountry *
dm_countries_get_country (DmCountries *self,
                          guint        index)
{
  g_return_val_if_fail (DM_IS_COUNTRIES (self), NULL);
  g_return_val_if_fail (index < self->features->len, NULL);

  return g_ptr_array_index (self->features, index);
}

const DmCountry *
dm_countries_find (DmCountries *self,
                   const char  *iso)
{
  g_return_val_if_fail (DM_IS_COUNTRIES (self), NULL);

  if (iso == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_iso, iso);
}

void
dm_countries_get_detail_box (DmCountries *self,
                             DmGeoRect   *box)
{
  g_return_if_fail (DM_IS_COUNTRIES (self));

  *box = self->detail_box;
}

const DmCountry *
dm_countries_lookup_country (DmCountries *self,
                             double       lat,
                             double       lon)
{
  DmGeoLayer layer;
  double x, y;
  int cx, cy;
  guint cell;
  g_autoptr(GHashTable) parity = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (DM_IS_COUNTRIES (self), NULL);

  if (lat < -DM_MERCATOR_MAX_LATITUDE || lat > DM_MERCATOR_MAX_LATITUDE)
    return NULL;

  dm_mercator_project (lat, lon, &x, &y);
  if (x < 0 || x > 1)
    return NULL;

  layer = rect_contains (&self->detail_box, x, y) ? DM_GEO_LAYER_REGION : DM_GEO_LAYER_WORLD;
  cx = CLAMP ((int) floor (x * GRID_SIZE), 0, GRID_SIZE - 1);
  cy = CLAMP ((int) floor (y * GRID_SIZE), 0, GRID_SIZE - 1);
  cell = cy * GRID_SIZE + cx;

  /* Features whose parity is odd contain the point. */
  parity = g_hash_table_new (NULL, NULL);
  for (guint i = self->cell_start[cell]; i < self->cell_start[cell + 1]; i++)
    {
      const RingRef *ref = &self->cell_rings[i];
      Feature *feature = g_ptr_array_index (self->features, ref->feature);

      if (feature->pub.layer != layer)
        continue;
      if (ring_contains (&feature->full.rings[ref->ring], x, y))
        {
          if (g_hash_table_contains (parity, feature))
            g_hash_table_remove (parity, feature);
          else
            g_hash_table_add (parity, feature);
        }
    }

  g_hash_table_iter_init (&iter, parity);
  if (g_hash_table_iter_next (&iter, &key, NULL))
    return key;

  return NULL;
}

const char *
dm_countries_lookup (DmCountries *self,
                     double       lat,
                     double       lon)
{
  const DmCountry *country = dm_countries_lookup_country (self, lat, lon);

  return country ? country->iso : NULL;
}

guint
dm_countries_get_n_disputed (DmCountries *self)
{
  g_return_val_if_fail (DM_IS_COUNTRIES (self), 0);

  return self->disputed->len;
}

const DmCountry *
dm_countries_get_disputed (DmCountries *self,
                           guint        index)
{
  g_return_val_if_fail (DM_IS_COUNTRIES (self), NULL);
  g_return_val_if_fail (index < self->disputed->len, NULL);

  return g_ptr_array_index (self->disputed, index);
}

const DmCountry *
dm_countries_lookup_disputed (DmCountries *self,
                              double       lat,
                              double       lon)
{
  double x, y;

  g_return_val_if_fail (DM_IS_COUNTRIES (self), NULL);

  dm_mercator_project (lat, lon, &x, &y);
  for (guint i = 0; i < self->disputed->len; i++)
    {
      Feature *feature = g_ptr_array_index (self->disputed, i);

      if (dm_geo_shape_contains (&feature->full, x, y))
        return &feature->pub;
    }

  return NULL;
}
