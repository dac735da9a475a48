/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-map-view.c: the map of actors and links.
 *
 * A ShumateMap with, bottom to top: the offline basemap (DmBasemapSource
 * in a ShumateMapLayer), OpenStreetMap tiles when asked for, and the
 * relationship view (DmRelationLayer); zoom buttons and a scale float
 * over it.  The map owns no state of its own beyond the view: the
 * analysis and the shared DmSelection decide what is drawn.
 *
 * Tiles carry the actors' tints and the selected country's emphasis, as
 * the export draws them.  A source never changes once made, so another
 * tint means another source (with another id, so cached tiles never mix)
 * in another layer, put over the old one; the old layer goes once the new
 * one has filled its tiles, so the map never flashes empty.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <shumate/shumate.h>
#include <string.h>
#include <unistd.h>

#include "dm-countries.h"
#include "dm-map-view-private.h"
#include "dm-relation-view.h"

#define PAN_STEP 96.0            /* logical pixels per arrow key press */
#define OLD_LAYER_TIMEOUT_MS 1000
#define DEFAULT_LAT 41.0         /* the South Caucasus, before a document */
#define DEFAULT_LON 45.5
#define DEFAULT_ZOOM 5.0

struct _DmMapView
{
  GtkWidget parent_instance;

  GtkWidget           *overlay;
  ShumateMap          *map;
  ShumateViewport     *viewport;
  ShumateScale        *scale;
  GtkWidget           *zoom_box;

  /* the basemap: current source and layer, and the one it replaces */
  DmBasemapSource     *source;
  ShumateMapLayer     *base_layer;
  ShumateMapLayer     *old_base_layer;
  guint                old_layer_timeout_id;
  guint                generation;
  char                *tinted_selection;   /* ISO the tiles emphasize */
  gboolean             basemap_held;       /* no layer, only the source */

  ShumateMapSourceRegistry *registry;
  ShumateMapLayer     *online_layer;
  DmRelationLayer     *relation_layer;

  DmAnalysis          *analysis;
  DmSelection         *selection;
  gboolean             dark;
  gboolean             online_tiles;
  gboolean             fit_pending;
  int                  press_actor;        /* what the first press hit */
  int                  press_link;

  /* DIPLOMAP_REPORT_FIRST_FRAME */
  gulong               after_paint_id;
  gboolean             drawn;
  gboolean             reported_frame;
};

G_DEFINE_FINAL_TYPE (DmMapView, dm_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ANALYSIS,
  PROP_SELECTION,
  PROP_DARK,
  PROP_ONLINE_TILES,
  N_PROPS
};

enum {
  ACTOR_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
get_relation_selection (DmMapView           *self,
                        DmRelationSelection *out)
{
  dm_relation_selection_init (out);
  if (self->selection != NULL)
    {
      out->actor = dm_selection_get_actor (self->selection);
      out->link = dm_selection_get_link (self->selection);
    }
}

/* ISO code of the selected actor's country, if it has one. */
static const char *
get_selected_iso (DmMapView *self)
{
  DmGazetteer *gazetteer;
  int actor;

  if (self->analysis == NULL || self->selection == NULL)
    return NULL;

  actor = dm_selection_get_actor (self->selection);
  gazetteer = dm_analysis_get_gazetteer (self->analysis);
  if (actor < 0 || (guint) actor >= dm_gazetteer_get_n_actors (gazetteer))
    return NULL;

  return dm_gazetteer_get_actor (gazetteer, actor)->iso;
}

/* The tint of the tiles: every actor of the analysis that owns a country,
 * and the selected one emphasized, as dm-relation-view.c paints the
 * export's basemap. */
static DmActorTint *
create_tint (DmMapView *self)
{
  DmActorTint *tint;
  DmGazetteer *gazetteer;

  if (self->analysis == NULL)
    return NULL;

  tint = dm_actor_tint_new ();
  gazetteer = dm_analysis_get_gazetteer (self->analysis);
  for (guint i = 0; i < dm_analysis_get_n_actors (self->analysis); i++)
    {
      const DmActorSummary *summary = dm_analysis_get_actor (self->analysis, i);
      const DmActorInfo *info;

      if (summary->actor >= dm_gazetteer_get_n_actors (gazetteer))
        continue;
      info = dm_gazetteer_get_actor (gazetteer, summary->actor);
      if (info->iso != NULL)
        dm_actor_tint_set_color (tint, info->iso, info->color);
    }
  dm_actor_tint_set_selected (tint, self->tinted_selection);

  return tint;
}

static void
remove_old_base_layer (DmMapView *self)
{
  g_clear_handle_id (&self->old_layer_timeout_id, g_source_remove);
  if (self->old_base_layer != NULL)
    {
      shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->old_base_layer));
      g_clear_object (&self->old_base_layer);
        }
}

static gboolean
old_layer_timeout_cb (gpointer user_data)
{
  DmMapView *self = user_data;

  self->old_layer_timeout_id = 0;
  remove_old_base_layer (self);

  return G_SOURCE_REMOVE;
}

static void
on_tile_filled_cb (DmMapView       *self,
                   DmBasemapSource *source)
{
  /* All visible tiles are asked for at once, so none in flight means the
   * new layer covers the old one. */
  if (source == self->source && dm_basemap_source_get_n_pending (source) == 0)
    remove_old_base_layer (self);
}

/* Puts a new basemap layer over the current one: for a new tint, palette
 * or scale factor. */
static void
rebuild_basemap (DmMapView *self)
{
  g_autoptr(DmActorTint) tint = NULL;
  g_autoptr(DmBasemapSource) old_source = NULL;
  ShumateMapLayer *layer;

  tint = create_tint (self);

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  old_source = g_steal_pointer (&self->source);
  self->source = dm_basemap_source_new (self->dark, tint,
                                        gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                        ++self->generation);
  g_signal_connect_object (self->source, "tile-filled",
                           G_CALLBACK (on_tile_filled_cb), self, G_CONNECT_SWAPPED);
  shumate_viewport_set_reference_map_source (self->viewport, SHUMATE_MAP_SOURCE (self->source));

  /* The source alone still gives the viewport its projection and the
   * scale its units. */
  if (self->basemap_held)
    return;

  layer = shumate_map_layer_new (SHUMATE_MAP_SOURCE (self->source), self->viewport);

  /* Under everything else: the online tiles and the relationship view
   * (neither exists yet when the map is made). */
  if (self->base_layer == NULL)
    {
      ShumateLayer *above = self->online_layer != NULL ? SHUMATE_LAYER (self->online_layer)
                          : self->relation_layer != NULL ? SHUMATE_LAYER (self->relation_layer)
                          : NULL;

      shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (layer), above);
      self->base_layer = g_object_ref (layer);
      return;
    }

  /* Rapid changes: the layer that was being replaced is not needed. */
  remove_old_base_layer (self);

  shumate_map_insert_layer_above (self->map, SHUMATE_LAYER (layer),
                                  SHUMATE_LAYER (self->base_layer));
  self->old_base_layer = g_steal_pointer (&self->base_layer);
  self->base_layer = g_object_ref (layer);

  /* A layer that has not shown a tile yet (the untinted one of the first
   * frames, before the analysis) hides nothing: it goes at once rather
   * than draw its tiles only to be covered. */
  if (dm_basemap_source_get_n_filled (old_source) == 0)
    {
      remove_old_base_layer (self);
      return;
    }

  self->old_layer_timeout_id = g_timeout_add (OLD_LAYER_TIMEOUT_MS, old_layer_timeout_cb, self);
}

static void
update_accessible_description (DmMapView *self)
{
  const char *description = "";
  int actor = self->selection != NULL ? dm_selection_get_actor (self->selection) : -1;

  if (self->analysis != NULL && actor >= 0)
    {
      DmGazetteer *gazetteer = dm_analysis_get_gazetteer (self->analysis);

      if ((guint) actor < dm_gazetteer_get_n_actors (gazetteer))
        description = dm_actor_info_get_display_name (dm_gazetteer_get_actor (gazetteer, actor));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
sync_selection (DmMapView *self)
{
  DmRelationSelection selection;
  const char *iso;

  get_relation_selection (self, &selection);
  dm_relation_layer_set_selection (self->relation_layer, &selection);

  iso = get_selected_iso (self);
  if (g_strcmp0 (iso, self->tinted_selection) != 0)
    {
      g_free (self->tinted_selection);
      self->tinted_selection = g_strdup (iso);
      rebuild_basemap (self);
    }

  update_accessible_description (self);
}

static void
on_selection_changed_cb (DmMapView   *self,
                         DmSelection *selection)
{
  sync_selection (self);
}

static void
on_scale_factor_changed_cb (DmMapView *self)
{
  if (self->source != NULL &&
      dm_basemap_source_get_scale_factor (self->source) != gtk_widget_get_scale_factor (GTK_WIDGET (self)))
    rebuild_basemap (self);
}

/* Geography */

static gboolean
get_dm_viewport (DmMapView  *self,
                 DmViewport *out)
{
  dm_relation_layer_get_dm_viewport (self->relation_layer, out);
  if (out->width <= 0 || out->height <= 0)
    {
      /* not allocated yet: the layer has no size, the widget may */
      out->width = gtk_widget_get_width (GTK_WIDGET (self));
      out->height = gtk_widget_get_height (GTK_WIDGET (self));
    }

  return out->width > 0 && out->height > 0;
}

static void
apply_fit (DmMapView *self,
           int        width,
           int        height)
{
  DmViewport viewport;

  dm_relation_view_fit (&viewport, self->analysis, width, height);
  shumate_viewport_set_zoom_level (self->viewport, viewport.zoom);
  shumate_location_set_location (SHUMATE_LOCATION (self->viewport),
                                 viewport.center_lat, viewport.center_lon);
}

/* The actor of the analysis whose country is under the point, the most
 * mentioned one if several share it. */
static int
find_actor_of_country (DmMapView *self,
                       double     lat,
                       double     lon)
{
  DmCountries *countries = dm_countries_get_default (NULL);
  DmGazetteer *gazetteer;
  const char *iso;

  if (countries == NULL || self->analysis == NULL)
    return -1;

  iso = dm_countries_lookup (countries, lat, lon);
  if (iso == NULL)
    return -1;

  gazetteer = dm_analysis_get_gazetteer (self->analysis);
  for (guint i = 0; i < dm_analysis_get_n_actors (self->analysis); i++)
    {
      const DmActorSummary *summary = dm_analysis_get_actor (self->analysis, i);

      if (summary->actor < dm_gazetteer_get_n_actors (gazetteer) &&
          g_strcmp0 (dm_gazetteer_get_actor (gazetteer, summary->actor)->iso, iso) == 0)
        return summary->actor;
    }

  return -1;
}

/* Zooms in one level keeping the point under (x, y) where it is. */
static void
zoom_in_at (DmMapView *self,
            double     x,
            double     y)
{
  DmViewport now, next;
  double lat, lon, px, py, clat, clon;

  if (!get_dm_viewport (self, &now))
    return;

  dm_viewport_unproject (&now, x, y, &lat, &lon);
  next = now;
  next.zoom = MIN (now.zoom + 1, DM_VIEWPORT_MAX_ZOOM);
  dm_viewport_project (&next, lat, lon, &px, &py);
  dm_viewport_unproject (&next, now.width / 2.0 + (px - x), now.height / 2.0 + (py - y),
                         &clat, &clon);
  shumate_map_go_to_full (self->map, clat, clon, next.zoom);
}

void
dm_map_view_click_at (DmMapView *self,
                      double     x,
                      double     y,
                      int        n_press)
{
  int actor = -1, link = -1;

  g_return_if_fail (DM_IS_MAP_VIEW (self));

  /* The first press may have changed the layout (a selected marker grows,
   * labels move): the second press means what the first one hit. */
  if (n_press >= 2)
    {
      actor = self->press_actor;
      link = self->press_link;
    }
  else if (self->analysis != NULL)
    dm_relation_layer_hit_test (self->relation_layer, x, y, &actor, &link);

  if (n_press < 2 && actor < 0 && link < 0 && self->analysis != NULL)
    {
      DmViewport viewport;
      double lat, lon;

      if (get_dm_viewport (self, &viewport))
        {
          dm_viewport_unproject (&viewport, x, y, &lat, &lon);
          actor = find_actor_of_country (self, lat, lon);
        }
    }

  if (n_press < 2)
    {
      self->press_actor = actor;
      self->press_link = link;
    }

  if (n_press >= 2)
    {
      if (actor >= 0)
        {
          const DmRelationLayout *layout = dm_relation_layer_get_layout (self->relation_layer);
          const DmRelationNode *node = layout ? dm_relation_layout_find_node (layout, actor) : NULL;

          if (node != NULL && node->pinned)
            {
              const DmActorInfo *info =
                dm_gazetteer_get_actor (dm_analysis_get_gazetteer (self->analysis), actor);

              shumate_map_go_to (self->map, info->anchor_lat, info->anchor_lon);
            }
          g_signal_emit (self, signals[ACTOR_ACTIVATED], 0, actor);
        }
      else if (link < 0)
        zoom_in_at (self, x, y);
      return;
    }

  if (self->selection == NULL)
    return;

  if (actor >= 0)
    dm_selection_select_actor (self->selection, actor);
  else if (link >= 0)
    dm_selection_select_link (self->selection, link);
  else
    dm_selection_clear (self->selection);
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      DmMapView       *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  dm_map_view_click_at (self, x, y, n_press);
}

/* Actions */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  dm_map_view_zoom_in (DM_MAP_VIEW (widget));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  dm_map_view_zoom_out (DM_MAP_VIEW (widget));
}

static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  DmMapView *self = DM_MAP_VIEW (widget);

  if (g_str_equal (action_name, "map.pan-left"))
    dm_map_view_pan (self, -PAN_STEP, 0);
  else if (g_str_equal (action_name, "map.pan-right"))
    dm_map_view_pan (self, PAN_STEP, 0);
  else if (g_str_equal (action_name, "map.pan-up"))
    dm_map_view_pan (self, 0, -PAN_STEP);
  else if (g_str_equal (action_name, "map.pan-down"))
    dm_map_view_pan (self, 0, PAN_STEP);
}

/* First frame report (bench/startup) */

static void
on_after_paint_cb (GdkFrameClock *clock,
                   DmMapView     *self)
{
  gint64 now = g_get_monotonic_time ();

  if (!self->drawn)
    return;

  if (!self->reported_frame)
    {
      g_autofree char *stat = NULL;
      gint64 since_start = -1;

      /* Field 22 of /proc/self/stat: start time in clock ticks after
       * boot, which CLOCK_MONOTONIC also counts from. */
      if (g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL))
        {
          const char *p = strrchr (stat, ')');
          g_auto(GStrv) fields = p ? g_strsplit (p + 2, " ", 0) : NULL;

          if (fields != NULL && g_strv_length (fields) > 19)
            since_start = now - g_ascii_strtoll (fields[19], NULL, 10) * G_USEC_PER_SEC / sysconf (_SC_CLK_TCK);
        }
      g_printerr ("first-frame %" G_GINT64_FORMAT " monotonic=%" G_GINT64_FORMAT "\n",
                  since_start, now);
      self->reported_frame = TRUE;
    }

  if (!dm_map_view_is_loading (self))
    {
      g_printerr ("map-complete monotonic=%" G_GINT64_FORMAT "\n", now);
      g_clear_signal_handler (&self->after_paint_id, clock);
    }
}

/* GtkWidget */

/* The zoom buttons and the scale float over the map's top corners: the
 * pins of off-map actors and their labels must not go under them. */
static void
update_covered (DmMapView *self)
{
  GtkWidget *widgets[] = { self->zoom_box, GTK_WIDGET (self->scale) };
  DmRelationRect boxes[G_N_ELEMENTS (widgets)];
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      graphene_rect_t bounds;

      if (widgets[i] == NULL || !gtk_widget_get_visible (widgets[i]) ||
          !gtk_widget_compute_bounds (widgets[i], GTK_WIDGET (self), &bounds))
        continue;
      boxes[n++] = (DmRelationRect) {
        bounds.origin.x, bounds.origin.y,
        bounds.origin.x + bounds.size.width, bounds.origin.y + bounds.size.height,
      };
    }

  if (self->relation_layer != NULL)
    dm_relation_layer_set_covered (self->relation_layer, boxes, n);
}

static void
dm_map_view_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  DmMapView *self = DM_MAP_VIEW (widget);

  /* Fit before the layers get their size, so the first frame already
   * shows the actors. */
  if (self->fit_pending && self->analysis != NULL && width > 0 && height > 0)
    {
      self->fit_pending = FALSE;
      apply_fit (self, width, height);
    }

  gtk_widget_size_allocate (self->overlay, &(GtkAllocation) { 0, 0, width, height }, baseline);
  update_covered (self);
}

static void
dm_map_view_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  DmMapView *self = DM_MAP_VIEW (widget);

  gtk_widget_measure (self->overlay, orientation, for_size, minimum, natural, NULL, NULL);
  *natural = MAX (*natural, orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 480);
}

static void
dm_map_view_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  DmMapView *self = DM_MAP_VIEW (widget);

  self->drawn = TRUE;
  gtk_widget_snapshot_child (widget, self->overlay, snapshot);
}

static void
dm_map_view_realize (GtkWidget *widget)
{
  DmMapView *self = DM_MAP_VIEW (widget);

  GTK_WIDGET_CLASS (dm_map_view_parent_class)->realize (widget);

  if (!self->reported_frame && self->after_paint_id == 0 &&
      g_strcmp0 (g_getenv ("DIPLOMAP_REPORT_FIRST_FRAME"), "1") == 0)
    self->after_paint_id = g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                                             G_CALLBACK (on_after_paint_cb), self);
}

static void
dm_map_view_unrealize (GtkWidget *widget)
{
  DmMapView *self = DM_MAP_VIEW (widget);

  if (self->after_paint_id != 0)
    g_clear_signal_handler (&self->after_paint_id, gtk_widget_get_frame_clock (widget));

  GTK_WIDGET_CLASS (dm_map_view_parent_class)->unrealize (widget);
}

/* GObject */

static void
dm_map_view_dispose (GObject *object)
{
  DmMapView *self = DM_MAP_VIEW (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_selection_changed_cb, self);
  g_clear_object (&self->selection);
  g_clear_handle_id (&self->old_layer_timeout_id, g_source_remove);
  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);

  g_clear_pointer (&self->overlay, gtk_widget_unparent);
  g_clear_object (&self->old_base_layer);
  g_clear_object (&self->base_layer);
  g_clear_object (&self->online_layer);
  g_clear_object (&self->source);
  g_clear_object (&self->registry);
  g_clear_object (&self->analysis);
  g_clear_pointer (&self->tinted_selection, g_free);

  G_OBJECT_CLASS (dm_map_view_parent_class)->dispose (object);
}

static void
dm_map_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DmMapView *self = DM_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;
    case PROP_ONLINE_TILES:
      g_value_set_boolean (value, self->online_tiles);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_map_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DmMapView *self = DM_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      dm_map_view_set_analysis (self, g_value_get_object (value));
      break;
    case PROP_SELECTION:
      dm_map_view_set_selection (self, g_value_get_object (value));
      break;
    case PROP_DARK:
      dm_map_view_set_dark (self, g_value_get_boolean (value));
      break;
    case PROP_ONLINE_TILES:
      dm_map_view_set_online_tiles (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_map_view_class_init (DmMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_map_view_dispose;
  object_class->get_property = dm_map_view_get_property;
  object_class->set_property = dm_map_view_set_property;

  widget_class->measure = dm_map_view_measure;
  widget_class->size_allocate = dm_map_view_size_allocate;
  widget_class->snapshot = dm_map_view_snapshot;
  widget_class->realize = dm_map_view_realize;
  widget_class->unrealize = dm_map_view_unrealize;

  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL, DM_TYPE_ANALYSIS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, DM_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ONLINE_TILES] =
    g_param_spec_boolean ("online-tiles", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DmMapView::actor-activated:
   * @actor: gazetteer index
   *
   * An actor was double-clicked on the map.
   */
  signals[ACTOR_ACTIVATED] =
    g_signal_new ("actor-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "map.pan-left", NULL, pan_action);
  gtk_widget_class_install_action (widget_class, "map.pan-right", NULL, pan_action);
  gtk_widget_class_install_action (widget_class, "map.pan-up", NULL, pan_action);
  gtk_widget_class_install_action (widget_class, "map.pan-down", NULL, pan_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "map.pan-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "map.pan-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "map.pan-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "map.pan-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "map.pan-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "map.pan-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "map.pan-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "map.pan-down", NULL);

  gtk_widget_class_set_css_name (widget_class, "dm-map-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
create_zoom_buttons (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *button;

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_end (box, 12);

  button = gtk_button_new_from_icon_name ("zoom-in-symbolic");
  gtk_widget_set_tooltip_text (button, _("Zoom In"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "map.zoom-in");
  gtk_widget_set_focusable (button, FALSE);
  gtk_box_append (GTK_BOX (box), button);

  button = gtk_button_new_from_icon_name ("zoom-out-symbolic");
  gtk_widget_set_tooltip_text (button, _("Zoom Out"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "map.zoom-out");
  gtk_widget_set_focusable (button, FALSE);
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

static void
dm_map_view_init (DmMapView *self)
{
  GtkGesture *click;

  self->press_actor = -1;
  self->press_link = -1;
  self->overlay = gtk_overlay_new ();
  gtk_widget_set_parent (self->overlay, GTK_WIDGET (self));

  self->map = shumate_map_new ();
  /* double-clicks belong to the actors (see dm_map_view_click_at) */
  shumate_map_set_zoom_on_double_click (self->map, FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self->map), FALSE);
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->map));

  self->viewport = shumate_map_get_viewport (self->map);
  shumate_viewport_set_min_zoom_level (self->viewport, (guint) DM_VIEWPORT_MIN_ZOOM);
  shumate_viewport_set_max_zoom_level (self->viewport, (guint) DM_VIEWPORT_MAX_ZOOM);

  rebuild_basemap (self);

  self->relation_layer = dm_relation_layer_new (self->viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->relation_layer));

  shumate_viewport_set_zoom_level (self->viewport, DEFAULT_ZOOM);
  shumate_location_set_location (SHUMATE_LOCATION (self->viewport), DEFAULT_LAT, DEFAULT_LON);

  self->zoom_box = create_zoom_buttons ();
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->zoom_box);

  /* top-left: the legend takes the bottom-left corner, the attribution
   * the bottom-right */
  self->scale = shumate_scale_new (self->viewport);
  gtk_widget_set_halign (GTK_WIDGET (self->scale), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self->scale), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (self->scale), 8);
  gtk_widget_set_margin_start (GTK_WIDGET (self->scale), 8);
  gtk_widget_set_can_target (GTK_WIDGET (self->scale), FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->scale));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  /* ahead of the map's own gestures; a drag still cancels it */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed_cb), NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map of actors and links"),
                                  -1);
}

/* Public API */

GtkWidget *
dm_map_view_new (void)
{
  return g_object_new (DM_TYPE_MAP_VIEW, NULL);
}

void
dm_map_view_set_analysis (DmMapView  *self,
                          DmAnalysis *analysis)
{
  g_return_if_fail (DM_IS_MAP_VIEW (self));
  g_return_if_fail (analysis == NULL || DM_IS_ANALYSIS (analysis));

  if (!g_set_object (&self->analysis, analysis))
    return;

  dm_relation_layer_set_analysis (self->relation_layer, analysis);
  g_clear_pointer (&self->tinted_selection, g_free);
  self->tinted_selection = g_strdup (get_selected_iso (self));
  rebuild_basemap (self);
  update_accessible_description (self);

  if (analysis != NULL)
    dm_map_view_fit (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

DmAnalysis *
dm_map_view_get_analysis (DmMapView *self)
{
  g_return_val_if_fail (DM_IS_MAP_VIEW (self), NULL);

  return self->analysis;
}

void
dm_map_view_set_selection (DmMapView   *self,
                           DmSelection *selection)
{
  g_return_if_fail (DM_IS_MAP_VIEW (self));
  g_return_if_fail (selection == NULL || DM_IS_SELECTION (selection));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_selection_changed_cb, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    g_signal_connect_object (selection, "changed",
                             G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);

  if (self->relation_layer != NULL)
    sync_selection (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

DmSelection *
dm_map_view_get_selection (DmMapView *self)
{
  g_return_val_if_fail (DM_IS_MAP_VIEW (self), NULL);

  return self->selection;
}

void
dm_map_view_set_dark (DmMapView *self,
                      gboolean   dark)
{
  g_return_if_fail (DM_IS_MAP_VIEW (self));

  dark = !!dark;
  if (self->dark == dark)
    return;

  self->dark = dark;
  dm_relation_layer_set_dark (self->relation_layer, dark);
  rebuild_basemap (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

gboolean
dm_map_view_get_dark (DmMapView *self)
{
  g_return_val_if_fail (DM_IS_MAP_VIEW (self), FALSE);

  return self->dark;
}

void
dm_map_view_set_online_tiles (DmMapView *self,
                              gboolean   online)
{
  g_return_if_fail (DM_IS_MAP_VIEW (self));

  online = !!online;
  if (self->online_tiles == online)
    return;

  self->online_tiles = online;

  if (online)
    {
      ShumateMapSource *osm;

      /* OpenStreetMap refuses generic user agents */
      shumate_set_user_agent ("Diplomap/" PACKAGE_VERSION " (+https://github.com/diplomap/diplomap)");
      if (self->registry == NULL)
        self->registry = shumate_map_source_registry_new_with_defaults ();
      osm = shumate_map_source_registry_get_by_id (self->registry, SHUMATE_MAP_SOURCE_OSM_MAPNIK);
      if (osm != NULL)
        {
          self->online_layer = shumate_map_layer_new (osm, self->viewport);
          /* under the relationship view, over the offline map */
          shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->online_layer),
                                           SHUMATE_LAYER (self->relation_layer));
        }
    }
  else if (self->online_layer != NULL)
    {
      shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->online_layer));
      g_clear_object (&self->online_layer);
    }

  dm_relation_layer_set_online_tiles (self->relation_layer, online);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE_TILES]);
}

gboolean
dm_map_view_get_online_tiles (DmMapView *self)
{
  g_return_val_if_fail (DM_IS_MAP_VIEW (self), FALSE);

  return self->online_tiles;
}

void
dm_map_view_get_viewport (DmMapView  *self,
                          DmViewport *out)
{
  g_return_if_fail (DM_IS_MAP_VIEW (self));
  g_return_if_fail (out != NULL);

  get_dm_viewport (self, out);
}

void
dm_map_view_set_view (DmMapView *self,
                      double     lat,
                      double     lon,
                      double     zoom)
{
  g_return_if_fail (DM_IS_MAP_VIEW (self));

  self->fit_pending = FALSE;
  shumate_map_stop_go_to (self->map);
  shumate_viewport_set_zoom_level (self->viewport,
                                   CLAMP (zoom, DM_VIEWPORT_MIN_ZOOM, DM_VIEWPORT_MAX_ZOOM));
  shumate_location_set_location (SHUMATE_LOCATION (self->viewport), lat, lon);
}

void
dm_map_view_fit (DmMapView *self)
{
  int width, height;

  g_return_if_fail (DM_IS_MAP_VIEW (self));

  if (self->analysis == NULL)
    return;

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (width <= 0 || height <= 0)
    {
      /* done in size_allocate, before the first frame */
      self->fit_pending = TRUE;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      return;
    }

  shumate_map_stop_go_to (self->map);
  apply_fit (self, width, height);
}

void
dm_map_view_zoom_in (DmMapView *self)
{
  g_return_if_fail (DM_IS_MAP_VIEW (self));

  shumate_map_zoom_in (self->map);
}

void
dm_map_view_zoom_out (DmMapView *self)
{
  g_return_if_fail (DM_IS_MAP_VIEW (self));

  shumate_map_zoom_out (self->map);
}

void
dm_map_view_pan (DmMapView *self,
                 double     dx,
                 double     dy)
{
  DmViewport viewport;
  double lat, lon;

  g_return_if_fail (DM_IS_MAP_VIEW (self));

  if (!get_dm_viewport (self, &viewport))
    return;

  dm_viewport_unproject (&viewport, viewport.width / 2.0 + dx, viewport.height / 2.0 + dy,
                         &lat, &lon);
  shumate_map_stop_go_to (self->map);
  shumate_location_set_location (SHUMATE_LOCATION (self->viewport), lat, lon);
}

void
dm_map_view_set_basemap_held (DmMapView *self,
                              gboolean   held)
{
  g_return_if_fail (DM_IS_MAP_VIEW (self));

  held = !!held;
  if (self->basemap_held == held)
    return;

  self->basemap_held = held;
  if (held)
    {
      remove_old_base_layer (self);
      if (self->base_layer != NULL)
        {
          shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->base_layer));
          g_clear_object (&self->base_layer);
        }
    }
  else
    rebuild_basemap (self);
}

gboolean
dm_map_view_project (DmMapView *self,
                     double     lat,
                     double     lon,
                     double    *x,
                     double    *y)
{
  DmViewport viewport;

  g_return_val_if_fail (DM_IS_MAP_VIEW (self), FALSE);

  if (!get_dm_viewport (self, &viewport))
    return FALSE;

  dm_viewport_project (&viewport, lat, lon, x, y);
  return TRUE;
}

/* Private API */

ShumateMap *
dm_map_view_get_map (DmMapView *self)
{
  g_return_val_if_fail (DM_IS_MAP_VIEW (self), NULL);

  return self->map;
}

DmRelationLayer *
dm_map_view_get_relation_layer (DmMapView *self)
{
  g_return_val_if_fail (DM_IS_MAP_VIEW (self), NULL);

  return self->relation_layer;
}

DmBasemapSource *
dm_map_view_get_basemap_source (DmMapView *self)
{
  g_return_val_if_fail (DM_IS_MAP_VIEW (self), NULL);

  return self->source;
}

gboolean
dm_map_view_is_loading (DmMapView *self)
{
  g_return_val_if_fail (DM_IS_MAP_VIEW (self), FALSE);

  return self->old_base_layer != NULL ||
         (self->source != NULL &&
          (dm_basemap_source_get_n_pending (self->source) > 0 ||
           dm_basemap_source_get_n_filled (self->source) == 0));
}
