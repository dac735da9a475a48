/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-basemap-source.c: the offline basemap as a ShumateMapSource.
 *
 * fill_tile_async() hands the drawing to a worker thread (the country
 * polygons are read-only once loaded, and each source owns a tint nobody
 * changes), then, back on the main thread, wraps the pixels in a
 * GdkMemoryTexture, which needs no copy: cairo's ARGB32 is GDK's default
 * memory format on either endianness.  The workers are a pool of their
 * own, no more threads than cores: GIO's pool would start up to ten for
 * the tiles of one view, each competing with the main thread for a core
 * and keeping a malloc arena of its own (about 2 MiB each) for good.
 *
 * libshumate 1.0 puts tiles at fractional pixels, so the edges of two
 * neighbours each cover part of the pixel between them and what lies
 * under the layer shows through as a thin line.  Each tile is therefore
 * drawn with BORDER pixels of its neighbours around it, and its paintable
 * (DmOverlapTile) draws that border over the neighbours: where two tiles
 * overlap, both show the same map.
 */
#include "config.h"

#include <gio/gio.h>

#include "dm-basemap.h"
#include "dm-basemap-source.h"

struct _DmBasemapSource
{
  ShumateMapSource parent_instance;

  gboolean     dark;
  DmActorTint *tint;
  int          scale_factor;
  guint        n_pending;
  guint        n_filled;
};

G_DEFINE_FINAL_TYPE (DmBasemapSource, dm_basemap_source, SHUMATE_TYPE_MAP_SOURCE)

/* logical pixels of the neighbours drawn around each tile */
#define BORDER 1

/* A tile's texture, drawn BORDER texels beyond the place it is given. */
#define DM_TYPE_OVERLAP_TILE (dm_overlap_tile_get_type ())
G_DECLARE_FINAL_TYPE (DmOverlapTile, dm_overlap_tile, DM, OVERLAP_TILE, GObject)

struct _DmOverlapTile
{
  GObject     parent_instance;

  GdkTexture *texture;   /* (256 + 2 BORDER) × scale pixels square */
};

static void
dm_overlap_tile_snapshot (GdkPaintable *paintable,
                          GdkSnapshot  *snapshot,
                          double        width,
                          double        height)
{
  DmOverlapTile *self = DM_OVERLAP_TILE (paintable);
  double bx = width * BORDER / 256.0;
  double by = height * BORDER / 256.0;

  gtk_snapshot_append_texture (GTK_SNAPSHOT (snapshot), self->texture,
                               &GRAPHENE_RECT_INIT (-bx, -by, width + 2 * bx, height + 2 * by));
}

static int
dm_overlap_tile_get_intrinsic_size (GdkPaintable *paintable)
{
  return 256;
}

static GdkPaintableFlags
dm_overlap_tile_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE | GDK_PAINTABLE_STATIC_CONTENTS;
}

static void
dm_overlap_tile_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = dm_overlap_tile_snapshot;
  iface->get_intrinsic_width = dm_overlap_tile_get_intrinsic_size;
  iface->get_intrinsic_height = dm_overlap_tile_get_intrinsic_size;
  iface->get_flags = dm_overlap_tile_get_flags;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (DmOverlapTile, dm_overlap_tile, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, dm_overlap_tile_paintable_init))

static void
dm_overlap_tile_finalize (GObject *object)
{
  g_clear_object (&DM_OVERLAP_TILE (object)->texture);

  G_OBJECT_CLASS (dm_overlap_tile_parent_class)->finalize (object);
}

static void
dm_overlap_tile_class_init (DmOverlapTileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dm_overlap_tile_finalize;
}

static void
dm_overlap_tile_init (DmOverlapTile *self)
{
}

enum {
  TILE_FILLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a worker needs: plain values and a reference on the tint. */
typedef struct {
  int              zoom, x, y;
  int              scale;
  const DmPalette *palette;
  DmActorTint     *tint;
  /* results */
  GBytes          *pixels;
  int              stride;
} TileJob;

static void
tile_job_free (TileJob *job)
{
  g_clear_pointer (&job->tint, dm_actor_tint_unref);
  g_clear_pointer (&job->pixels, g_bytes_unref);
  g_free (job);
}

/* In the tile pool; takes the task's reference. */
static void
draw_tile_in_thread (gpointer data,
                     gpointer user_data)
{
  g_autoptr(GTask) task = data;
  TileJob *job = g_task_get_task_data (task);
  int size = (256 + 2 * BORDER) * job->scale;
  DmBasemapOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (g_task_return_error_if_cancelled (task))
    return;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_surface_set_device_scale (surface, job->scale, job->scale);
  cr = cairo_create (surface);
  cairo_translate (cr, BORDER, BORDER);

  dm_basemap_options_init (&options);
  options.tint = job->tint;
  /* as the export draws it (dm-relation-view.c): the markers stand on
   * the capitals, and land outside the story is dimmed */
  options.show_labels = FALSE;
  options.show_capitals = FALSE;
  options.dim_untinted = TRUE;
  dm_basemap_draw_tile_with_border (cr, job->zoom, job->x, job->y, BORDER, job->scale,
                                    job->palette, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (g_task_return_error_if_cancelled (task))
    {
      cairo_surface_destroy (surface);
      return;
    }

  job->stride = cairo_image_surface_get_stride (surface);
  /* The bytes keep the surface alive: no copy of the pixels. */
  job->pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                            (gsize) job->stride * size,
                                            (GDestroyNotify) cairo_surface_destroy,
                                            surface);
  g_task_return_boolean (task, TRUE);
}

static GThreadPool *
get_tile_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    {
      GThreadPool *new_pool = g_thread_pool_new (draw_tile_in_thread, NULL,
                                                 CLAMP ((int) g_get_num_processors (), 1, 4),
                                                 FALSE, NULL);

      g_once_init_leave (&pool, new_pool);
    }

  return pool;
}

static void
on_tile_drawn_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  DmBasemapSource *self = DM_BASEMAP_SOURCE (object);
  g_autoptr(GTask) outer = user_data;
  ShumateTile *tile = g_task_get_task_data (outer);
  TileJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(DmOverlapTile) paintable = NULL;
  int size = (256 + 2 * BORDER) * job->scale;

  self->n_pending--;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  paintable = g_object_new (DM_TYPE_OVERLAP_TILE, NULL);
  paintable->texture = gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, job->pixels, job->stride);
  shumate_tile_set_fade_in (tile, FALSE);
  shumate_tile_set_paintable (tile, GDK_PAINTABLE (paintable));
  shumate_tile_set_state (tile, SHUMATE_STATE_DONE);
  self->n_filled++;

  g_task_return_boolean (outer, TRUE);
  g_signal_emit (self, signals[TILE_FILLED], 0);
}

static void
dm_basemap_source_fill_tile_async (ShumateMapSource    *source,
                                   ShumateTile         *tile,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  DmBasemapSource *self = DM_BASEMAP_SOURCE (source);
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  TileJob *job;

  g_return_if_fail (SHUMATE_IS_TILE (tile));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, dm_basemap_source_fill_tile_async);
  g_task_set_task_data (outer, g_object_ref (tile), g_object_unref);

  shumate_tile_set_state (tile, SHUMATE_STATE_LOADING);

  job = g_new0 (TileJob, 1);
  job->zoom = shumate_tile_get_zoom_level (tile);
  job->x = shumate_tile_get_x (tile);
  job->y = shumate_tile_get_y (tile);
  job->scale = self->scale_factor;
  job->palette = dm_palette_get (self->dark);
  job->tint = self->tint != NULL ? dm_actor_tint_ref (self->tint) : NULL;

  inner = g_task_new (self, cancellable, on_tile_drawn_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (inner, draw_tile_in_thread);
  g_task_set_task_data (inner, job, (GDestroyNotify) tile_job_free);
  self->n_pending++;
  g_thread_pool_push (get_tile_pool (), g_steal_pointer (&inner), NULL);
}

static gboolean
dm_basemap_source_fill_tile_finish (ShumateMapSource  *source,
                                    GAsyncResult      *result,
                                    GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
dm_basemap_source_finalize (GObject *object)
{
  DmBasemapSource *self = DM_BASEMAP_SOURCE (object);

  g_clear_pointer (&self->tint, dm_actor_tint_unref);

  G_OBJECT_CLASS (dm_basemap_source_parent_class)->finalize (object);
}

static void
dm_basemap_source_class_init (DmBasemapSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->finalize = dm_basemap_source_finalize;

  source_class->fill_tile_async = dm_basemap_source_fill_tile_async;
  source_class->fill_tile_finish = dm_basemap_source_fill_tile_finish;

  /**
   * DmBasemapSource::tile-filled:
   *
   * A tile got its texture (main thread).
   */
  signals[TILE_FILLED] =
    g_signal_new ("tile-filled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
dm_basemap_source_init (DmBasemapSource *self)
{
  self->scale_factor = 1;
}

DmBasemapSource *
dm_basemap_source_new (gboolean     dark,
                       DmActorTint *tint,
                       int          scale_factor,
                       guint        generation)
{
  g_autofree char *id = g_strdup_printf ("%s-%u", DM_BASEMAP_SOURCE_ID, generation);
  DmBasemapSource *self;

  self = g_object_new (DM_TYPE_BASEMAP_SOURCE,
                       "id", id,
                       "name", "Natural Earth",
                       "license", "Made with Natural Earth",
                       "license-uri", "https://www.naturalearthdata.com/",
                       "min-zoom-level", (guint) 2,
                       "max-zoom-level", (guint) 10,
                       "tile-size", (guint) 256,
                       "projection", SHUMATE_MAP_PROJECTION_MERCATOR,
                       NULL);
  self->dark = !!dark;
  self->tint = tint != NULL ? dm_actor_tint_ref (tint) : NULL;
  self->scale_factor = CLAMP (scale_factor, 1, 4);

  return self;
}

gboolean
dm_basemap_source_get_dark (DmBasemapSource *self)
{
  g_return_val_if_fail (DM_IS_BASEMAP_SOURCE (self), FALSE);

  return self->dark;
}

int
dm_basemap_source_get_scale_factor (DmBasemapSource *self)
{
  g_return_val_if_fail (DM_IS_BASEMAP_SOURCE (self), 1);

  return self->scale_factor;
}

guint
dm_basemap_source_get_n_pending (DmBasemapSource *self)
{
  g_return_val_if_fail (DM_IS_BASEMAP_SOURCE (self), 0);

  return self->n_pending;
}

guint
dm_basemap_source_get_n_filled (DmBasemapSource *self)
{
  g_return_val_if_fail (DM_IS_BASEMAP_SOURCE (self), 0);

  return self->n_filled;
}
