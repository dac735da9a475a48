/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-application.c: DmApplication.  App actions are a GActionEntry table
 * added in startup; window actions live on DmWindow's class.  The style
 * preference maps onto AdwStyleManager's colour scheme here, once for all
 * windows. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-application.h"
#include "dm-about.h"
#include "dm-preferences-window.h"
#include "dm-ui-resources.h"
#include "dm-window.h"

struct _DmApplication
{
  AdwApplication parent_instance;

  GSettings     *settings;
  GFile         *actors;     /* --actors, or NULL */
};

G_DEFINE_FINAL_TYPE (DmApplication, dm_application, ADW_TYPE_APPLICATION)

void
dm_ui_register_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      dm_ui_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

static void
update_color_scheme (DmApplication *self)
{
  g_autofree char *style = g_settings_get_string (self->settings, "style");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (style, "light") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (style, "dark") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static void
on_style_changed_cb (DmApplication *self,
                     const char    *key,
                     GSettings     *settings)
{
  update_color_scheme (self);
}

static gpointer
ref_window (gconstpointer window,
            gpointer      user_data)
{
  return g_object_ref ((gpointer) window);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (app)),
                                     ref_window, NULL);

  /* Closing rather than quitting outright lets each window save its state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  DmApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *window = dm_preferences_window_new (parent, self->settings);

  gtk_window_present (GTK_WINDOW (window));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  DmApplication *self = user_data;

  dm_about_present (gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
};

static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.next-passage", { "F3", "<Control>g", NULL } },
  { "win.previous-passage", { "<Shift>F3", "<Control><Shift>g", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
  { "win.zoom-out", { "<Control>minus", NULL } },
  { "win.fit", { "<Control>0", NULL } },
};

static DmWindow *
create_window (DmApplication *self)
{
  DmWindow *window = dm_window_new (GTK_APPLICATION (self), self->settings);

  dm_window_set_actors_file (window, self->actors);
  return window;
}

static void
dm_application_startup (GApplication *application)
{
  DmApplication *self = DM_APPLICATION (application);

  G_APPLICATION_CLASS (dm_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  g_signal_connect_object (self->settings, "changed::style", G_CALLBACK (on_style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_color_scheme (self);
  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
dm_application_activate (GApplication *application)
{
  DmApplication *self = DM_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      DmWindow *new_window = create_window (self);

      dm_window_restore_session (new_window);
      window = GTK_WINDOW (new_window);
    }

  gtk_window_present (window);
}

static void
dm_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  DmApplication *self = DM_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (create_window (self));

  dm_window_open_files (DM_WINDOW (window), files, n_files);
  gtk_window_present (window);
}

static void
dm_application_dispose (GObject *object)
{
  DmApplication *self = DM_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->actors);

  G_OBJECT_CLASS (dm_application_parent_class)->dispose (object);
}

static void
dm_application_class_init (DmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = dm_application_dispose;
  app_class->startup = dm_application_startup;
  app_class->activate = dm_application_activate;
  app_class->open = dm_application_open;

  /* Before startup: AdwApplication loads the style sheet from the
   * resource base path. */
  dm_ui_register_resources ();
}

static void
dm_application_init (DmApplication *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
}

DmApplication *
dm_application_new (void)
{
  return g_object_new (DM_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/diplomap/Diplomap",
                       NULL);
}

GSettings *
dm_application_get_settings (DmApplication *self)
{
  g_return_val_if_fail (DM_IS_APPLICATION (self), NULL);
  return self->settings;
}

int
dm_application_run_window (const char * const *files,
                           const char         *actors)
{
  g_autoptr(DmApplication) app = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);

  if (!gtk_init_check ())
    {
      g_printerr ("%s: %s\n", PACKAGE_NAME,
                  _("Cannot open the window: no display is available; "
                    "run “diplomap --analyze FILE…” to print the analysis instead"));
      return 1;
    }

  g_ptr_array_add (argv, g_strdup (PACKAGE_NAME));
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      /* Absolute paths, so that GApplication never reads one as an option. */
      if (g_strcmp0 (files[i], "-") == 0)
        {
          g_printerr ("%s: %s\n", PACKAGE_NAME,
                      _("The window cannot read standard input; paste the text with Ctrl+V instead"));
          continue;
        }
      g_ptr_array_add (argv, g_canonicalize_filename (files[i], NULL));
    }
  g_ptr_array_add (argv, NULL);

  g_set_application_name (_("Diplomap"));
  app = dm_application_new ();
  if (actors != NULL)
    app->actors = g_file_new_for_commandline_arg (actors);

  return g_application_run (G_APPLICATION (app), (int) argv->len - 1, (char **) argv->pdata);
}
