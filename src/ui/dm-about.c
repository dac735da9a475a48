/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-about.c: the About window, filled from the AppStream metainfo that
 * also describes the app to software centres, so that name, summary,
 * version, release notes and addresses are written in one place.  The
 * metainfo is read with libxml2: libadwaita 1.2 cannot read it itself. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "dm-about.h"

#define METAINFO_RESOURCE "/io/github/diplomap/Diplomap/metainfo.xml"

static char *
dup_content (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = content ? g_strstrip (g_strdup ((const char *) content)) : NULL;

  xmlFree (content);
  return text;
}

static xmlNode *
find_child (xmlNode *parent, const char *name, const char *type)
{
  for (xmlNode *child = parent ? parent->children : NULL; child; child = child->next)
    {
      xmlChar *attr;
      gboolean match;

      if (child->type != XML_ELEMENT_NODE || !xmlStrEqual (child->name, BAD_CAST name))
        continue;
      if (!type)
        return child;
      attr = xmlGetProp (child, BAD_CAST "type");
      match = attr && xmlStrEqual (attr, BAD_CAST type);
      xmlFree (attr);
      if (match)
        return child;
    }
  return NULL;
}

/* The release description as libadwaita's release-notes markup: the
 * paragraphs and list items it knows, their text escaped. */
static char *
release_notes (xmlNode *description)
{
  GString *markup = g_string_new (NULL);

  for (xmlNode *node = description ? description->children : NULL; node; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrEqual (node->name, BAD_CAST "p"))
        {
          g_autofree char *text = dup_content (node);
          g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);
          g_string_append_printf (markup, "<p>%s</p>", escaped);
        }
      else if (xmlStrEqual (node->name, BAD_CAST "ul") || xmlStrEqual (node->name, BAD_CAST "ol"))
        {
          g_string_append_printf (markup, "<%s>", (const char *) node->name);
          for (xmlNode *item = node->children; item; item = item->next)
            if (item->type == XML_ELEMENT_NODE && xmlStrEqual (item->name, BAD_CAST "li"))
              {
                g_autofree char *text = dup_content (item);
                g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);
                g_string_append_printf (markup, "<li>%s</li>", escaped);
              }
          g_string_append_printf (markup, "</%s>", (const char *) node->name);
        }
    }
  return g_string_free (markup, FALSE);
}

gboolean
dm_about_info_load (DmAboutInfo *info,
                    GError     **error)
{
  g_autoptr (GBytes) bytes = g_resources_lookup_data (METAINFO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  const char *data;
  gsize size;
  xmlDoc *doc;
  xmlNode *root, *releases, *release;
  g_autofree char *summary = NULL;

  memset (info, 0, sizeof *info);
  if (!bytes)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  doc = xmlReadMemory (data, (int) size, "metainfo.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  root = doc ? xmlDocGetRootElement (doc) : NULL;
  if (!root || !xmlStrEqual (root->name, BAD_CAST "component"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: not an AppStream component", METAINFO_RESOURCE);
      xmlFreeDoc (doc);
      return FALSE;
    }

  info->name = dup_content (find_child (root, "name", NULL));
  summary = dup_content (find_child (root, "summary", NULL));
  /* the summary is in the message catalogue through the metainfo */
  info->summary = summary ? g_strdup (g_dgettext (GETTEXT_PACKAGE, summary)) : NULL;
  info->developer = dup_content (find_child (find_child (root, "developer", NULL), "name", NULL));
  info->homepage = dup_content (find_child (root, "url", "homepage"));
  info->bugtracker = dup_content (find_child (root, "url", "bugtracker"));
  releases = find_child (root, "releases", NULL);
  release = find_child (releases, "release", NULL);  /* the newest comes first */
  if (release)
    {
      xmlChar *version = xmlGetProp (release, BAD_CAST "version");
      info->version = version ? g_strdup ((const char *) version) : NULL;
      xmlFree (version);
      info->release_notes = release_notes (find_child (release, "description", NULL));
    }
  xmlFreeDoc (doc);
  return info->name != NULL;
}

void
dm_about_info_clear (DmAboutInfo *info)
{
  g_clear_pointer (&info->name, g_free);
  g_clear_pointer (&info->summary, g_free);
  g_clear_pointer (&info->developer, g_free);
  g_clear_pointer (&info->homepage, g_free);
  g_clear_pointer (&info->bugtracker, g_free);
  g_clear_pointer (&info->version, g_free);
  g_clear_pointer (&info->release_notes, g_free);
}

GtkWidget *
dm_about_present (GtkWindow *parent)
{
  g_autoptr (GError) error = NULL;
  DmAboutInfo info;
  const char *developers[] = { NULL, NULL };
  /* Translators: credits of the about window: the name, then the address
   * after a space; keep the address as it is */
  const char *map_data[] = {
    _("Natural Earth (public domain) https://www.naturalearthdata.com"),
    _("OpenStreetMap contributors (online tiles) https://www.openstreetmap.org/copyright"),
    NULL
  };
  static const char *sample[] = { "AFP", NULL };
  GtkWidget *widget;

  if (!dm_about_info_load (&info, &error))
    g_warning ("Cannot read the metainfo: %s", error ? error->message : "no name");
  developers[0] = info.developer;

#if ADW_CHECK_VERSION (1, 5, 0)
  {
    AdwAboutDialog *about = ADW_ABOUT_DIALOG (adw_about_dialog_new ());

    adw_about_dialog_set_application_name (about, info.name ? info.name : PACKAGE_NAME);
    adw_about_dialog_set_application_icon (about, APPLICATION_ID);
    adw_about_dialog_set_version (about, info.version ? info.version : PACKAGE_VERSION);
    adw_about_dialog_set_developer_name (about, info.developer ? info.developer : "");
    adw_about_dialog_set_license_type (about, GTK_LICENSE_GPL_3_0);
    adw_about_dialog_set_website (about, info.homepage);
    adw_about_dialog_set_issue_url (about, info.bugtracker);
    adw_about_dialog_set_comments (about, info.summary ? info.summary : "");
    adw_about_dialog_set_release_notes (about, info.release_notes ? info.release_notes : "");
    if (info.developer)
      adw_about_dialog_set_developers (about, developers);
    adw_about_dialog_set_translator_credits (about, _("translator-credits"));
    adw_about_dialog_add_acknowledgement_section (about, _("Map Data"), map_data);
    adw_about_dialog_add_acknowledgement_section (about, _("Sample Article"), sample);
    adw_about_dialog_add_legal_section (about, "Natural Earth", NULL, GTK_LICENSE_CUSTOM,
                                        _("Natural Earth vector map data is in the public domain."));
    adw_dialog_present (ADW_DIALOG (about), GTK_WIDGET (parent));
    widget = GTK_WIDGET (about);
  }
#else
  {
    AdwAboutWindow *about = ADW_ABOUT_WINDOW (adw_about_window_new ());

    gtk_window_set_transient_for (GTK_WINDOW (about), parent);
    adw_about_window_set_application_name (about, info.name ? info.name : PACKAGE_NAME);
    adw_about_window_set_application_icon (about, APPLICATION_ID);
    adw_about_window_set_version (about, info.version ? info.version : PACKAGE_VERSION);
    adw_about_window_set_developer_name (about, info.developer ? info.developer : "");
    adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
    adw_about_window_set_website (about, info.homepage);
    adw_about_window_set_issue_url (about, info.bugtracker);
    adw_about_window_set_comments (about, info.summary ? info.summary : "");
    adw_about_window_set_release_notes (about, info.release_notes ? info.release_notes : "");
    if (info.developer)
      adw_about_window_set_developers (about, developers);
    adw_about_window_set_translator_credits (about, _("translator-credits"));
    adw_about_window_add_acknowledgement_section (about, _("Map Data"), map_data);
    adw_about_window_add_acknowledgement_section (about, _("Sample Article"), sample);
    adw_about_window_add_legal_section (about, "Natural Earth", NULL, GTK_LICENSE_CUSTOM,
                                        _("Natural Earth vector map data is in the public domain."));
    gtk_window_present (GTK_WINDOW (about));
    widget = GTK_WIDGET (about);
  }
#endif
  dm_about_info_clear (&info);
  return widget;
}
