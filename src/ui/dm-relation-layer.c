/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-relation-layer.c: the relationship view over the map.
 *
 * The layout is made lazily for the viewport of the frame being drawn and
 * kept until the viewport, the analysis or the selection changes; clicks
 * are tested against that same layout, so a click lands on what was
 * drawn.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dm-relation-layer.h"

struct _DmRelationLayer
{
  ShumateLayer parent_instance;

  DmAnalysis          *analysis;
  DmRelationSelection  selection;
  DmRelationViewOptions options;
  DmRelationLayout    *layout;    /* nullable: stale */
};

G_DEFINE_FINAL_TYPE (DmRelationLayer, dm_relation_layer, SHUMATE_TYPE_LAYER)

static void
invalidate_layout (DmRelationLayer *self)
{
  g_clear_pointer (&self->layout, dm_relation_layout_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_viewport_changed_cb (DmRelationLayer *self)
{
  invalidate_layout (self);
}

void
dm_relation_layer_get_dm_viewport (DmRelationLayer *self,
                                   DmViewport      *out)
{
  ShumateViewport *viewport;

  g_return_if_fail (DM_IS_RELATION_LAYER (self));
  g_return_if_fail (out != NULL);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  /* Not dm_viewport_init(): it would clamp nothing here, but the zoom
   * must be the map's exactly for markers to sit on the tiles. */
  out->center_lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  out->center_lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  out->zoom = shumate_viewport_get_zoom_level (viewport);
  out->width = gtk_widget_get_width (GTK_WIDGET (self));
  out->height = gtk_widget_get_height (GTK_WIDGET (self));
  out->scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

const DmRelationLayout *
dm_relation_layer_get_layout (DmRelationLayer *self)
{
  DmViewport viewport;

  g_return_val_if_fail (DM_IS_RELATION_LAYER (self), NULL);

  if (self->analysis == NULL)
    return NULL;

  dm_relation_layer_get_dm_viewport (self, &viewport);
  if (viewport.width <= 0 || viewport.height <= 0)
    return NULL;

  /* The viewport's notifications normally clear it; the size and scale
   * are checked here. */
  if (self->layout != NULL &&
      (self->layout->viewport.width != viewport.width ||
       self->layout->viewport.height != viewport.height ||
       self->layout->viewport.scale != viewport.scale ||
       self->layout->viewport.zoom != viewport.zoom ||
       self->layout->viewport.center_lat != viewport.center_lat ||
       self->layout->viewport.center_lon != viewport.center_lon))
    g_clear_pointer (&self->layout, dm_relation_layout_free);

  if (self->layout == NULL)
    self->layout = dm_relation_layout_new (&viewport, self->analysis,
                                           &self->selection, &self->options);

  return self->layout;
}

gboolean
dm_relation_layer_hit_test (DmRelationLayer *self,
                            double           x,
                            double           y,
                            int             *actor,
                            int             *link)
{
  const DmRelationLayout *layout;

  g_return_val_if_fail (DM_IS_RELATION_LAYER (self), FALSE);

  *actor = -1;
  *link = -1;

  layout = dm_relation_layer_get_layout (self);
  if (layout == NULL)
    return FALSE;

  return dm_relation_layout_hit_test (layout, x, y, actor, link);
}

static void
dm_relation_layer_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  DmRelationLayer *self = DM_RELATION_LAYER (widget);
  const DmRelationLayout *layout;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  layout = dm_relation_layer_get_layout (self);
  if (layout == NULL)
    return;

  /* Without a basemap the view paints no background: straight into the
   * render node, with no surface of our own to fill and upload. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  dm_relation_view_draw_layout (cr, layout, self->analysis, &self->options);
  cairo_destroy (cr);
}

static void
dm_relation_layer_constructed (GObject *object)
{
  DmRelationLayer *self = DM_RELATION_LAYER (object);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (dm_relation_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_signal_connect_object (viewport, "notify::latitude",
                           G_CALLBACK (on_viewport_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::longitude",
                           G_CALLBACK (on_viewport_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::zoom-level",
                           G_CALLBACK (on_viewport_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
dm_relation_layer_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  /* The layout is checked against the size when it is next needed. */
  gtk_widget_queue_draw (widget);
}

static void
dm_relation_layer_dispose (GObject *object)
{
  DmRelationLayer *self = DM_RELATION_LAYER (object);

  g_clear_pointer (&self->layout, dm_relation_layout_free);
  g_clear_object (&self->analysis);

  G_OBJECT_CLASS (dm_relation_layer_parent_class)->dispose (object);
}

static void
dm_relation_layer_class_init (DmRelationLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dm_relation_layer_constructed;
  object_class->dispose = dm_relation_layer_dispose;

  widget_class->snapshot = dm_relation_layer_snapshot;
  widget_class->size_allocate = dm_relation_layer_size_allocate;
}

static void
dm_relation_layer_init (DmRelationLayer *self)
{
  dm_relation_selection_init (&self->selection);
  dm_relation_view_options_init (&self->options);
  self->options.show_basemap = FALSE;
  self->options.show_legend = TRUE;
  self->options.show_title = FALSE;

  /* Clicks are the map view's: they go through to the map beneath. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

DmRelationLayer *
dm_relation_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (DM_TYPE_RELATION_LAYER, "viewport", viewport, NULL);
}

void
dm_relation_layer_set_analysis (DmRelationLayer *self,
                                DmAnalysis      *analysis)
{
  g_return_if_fail (DM_IS_RELATION_LAYER (self));
  g_return_if_fail (analysis == NULL || DM_IS_ANALYSIS (analysis));

  if (g_set_object (&self->analysis, analysis))
    invalidate_layout (self);
}

void
dm_relation_layer_set_selection (DmRelationLayer           *self,
                                 const DmRelationSelection *selection)
{
  DmRelationSelection none;

  g_return_if_fail (DM_IS_RELATION_LAYER (self));

  if (selection == NULL)
    {
      dm_relation_selection_init (&none);
      selection = &none;
    }

  if (self->selection.actor == selection->actor && self->selection.link == selection->link)
    return;

  self->selection = *selection;
  invalidate_layout (self);
}

void
dm_relation_layer_set_dark (DmRelationLayer *self,
                            gboolean         dark)
{
  g_return_if_fail (DM_IS_RELATION_LAYER (self));

  dark = !!dark;
  if (self->options.dark == dark)
    return;

  self->options.dark = dark;
  invalidate_layout (self);
}

void
dm_relation_layer_set_online_tiles (DmRelationLayer *self,
                                    gboolean         online)
{
  g_return_if_fail (DM_IS_RELATION_LAYER (self));

  online = !!online;
  if (self->options.online_tiles == online)
    return;

  self->options.online_tiles = online;
  invalidate_layout (self);
}

void
dm_relation_layer_set_covered (DmRelationLayer      *self,
                               const DmRelationRect *boxes,
                               guint                 n_boxes)
{
  g_return_if_fail (DM_IS_RELATION_LAYER (self));
  g_return_if_fail (n_boxes == 0 || boxes != NULL);

  n_boxes = MIN (n_boxes, DM_RELATION_VIEW_MAX_COVERED);
  if (self->options.n_covered == n_boxes &&
      memcmp (self->options.covered, boxes, n_boxes * sizeof (DmRelationRect)) == 0)
    return;

  self->options.n_covered = n_boxes;
  if (n_boxes > 0)
    memcpy (self->options.covered, boxes, n_boxes * sizeof (DmRelationRect));
  invalidate_layout (self);
}
