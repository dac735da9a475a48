/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-preferences-window.c: every choice is a radio check button bound to a
 * stateful action that g_settings_create_action() makes from the key, so the
 * window holds no state of its own and follows changes made elsewhere. */
#include "config.h"

#include "dm-preferences-window.h"

struct _DmPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings           *settings;
};

G_DEFINE_FINAL_TYPE (DmPreferencesWindow, dm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dm_preferences_window_constructed (GObject *object)
{
  DmPreferencesWindow *self = DM_PREFERENCES_WINDOW (object);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  static const char * const keys[] = { "basemap", "style" };

  G_OBJECT_CLASS (dm_preferences_window_parent_class)->constructed (object);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GAction) action = g_settings_create_action (self->settings, keys[i]);
      g_action_map_add_action (G_ACTION_MAP (group), action);
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "prefs", G_ACTION_GROUP (group));
}

static void
dm_preferences_window_dispose (GObject *object)
{
  DmPreferencesWindow *self = DM_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dm_preferences_window_parent_class)->dispose (object);
}

static void
dm_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DmPreferencesWindow *self = DM_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DmPreferencesWindow *self = DM_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_preferences_window_class_init (DmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dm_preferences_window_constructed;
  object_class->dispose = dm_preferences_window_dispose;
  object_class->get_property = dm_preferences_window_get_property;
  object_class->set_property = dm_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/diplomap/Diplomap/dm-preferences-window.ui");
}

static void
dm_preferences_window_init (DmPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dm_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (DM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       NULL);
}
