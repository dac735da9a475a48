/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-actor-list.c: the actors as a GtkListView over
 * GListStore → GtkFilterListModel (the search) → GtkSingleSelection.
 *
 * The single selection mirrors the shared DmSelection both ways; `syncing`
 * keeps a change from echoing back, and a row that the search hides leaves
 * the shared selection alone (hiding is not unselecting). */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "dm-actor-item.h"
#include "dm-actor-list.h"
#include "dm-swatch.h"

struct _DmActorList
{
  GtkWidget           parent_instance;

  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;

  GListStore         *store;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection_model;
  char               *search_key;    /* casefolded, NULL when empty */
  /* gazetteer index → its aliases, casefolded, one a line: the search
   * finds "Modi" or "Beijing" as well as India or CHN */
  GHashTable         *aliases;
  /* No actor's name or code has the key: look in the aliases.  Tiers,
   * not one pool, so that "arm" still finds Armenia alone and not the
   * Karabakh actor's "Armenian separatists" or the "EU Mission in
   * Armenia". */
  gboolean            search_aliases;

  DmAnalysis         *analysis;
  DmSelection        *selection;
  gulong              changed_id;
  gboolean            syncing;
};

G_DEFINE_FINAL_TYPE (DmActorList, dm_actor_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ANALYSIS,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
match_name_or_code (DmActorList *self,
                    DmActorItem *actor)
{
  g_autofree char *name = g_utf8_casefold (dm_actor_item_get_name (actor), -1);
  g_autofree char *code = g_utf8_casefold (dm_actor_item_get_code (actor), -1);

  return strstr (name, self->search_key) != NULL || strstr (code, self->search_key) != NULL;
}

static void
update_search_tier (DmActorList *self)
{
  GListModel *store = G_LIST_MODEL (self->store);

  self->search_aliases = self->search_key != NULL;
  for (guint i = 0; self->search_aliases && i < g_list_model_get_n_items (store); i++)
    {
      g_autoptr(DmActorItem) item = g_list_model_get_item (store, i);

      if (match_name_or_code (self, item))
        self->search_aliases = FALSE;
    }
}

static gboolean
match_item (gpointer item,
            gpointer user_data)
{
  DmActorList *self = user_data;
  DmActorItem *actor = item;
  const char *aliases;

  if (self->search_key == NULL)
    return TRUE;
  if (match_name_or_code (self, actor))
    return TRUE;
  if (!self->search_aliases)
    return FALSE;

  aliases = self->aliases != NULL
            ? g_hash_table_lookup (self->aliases, GUINT_TO_POINTER (dm_actor_item_get_actor (actor)))
            : NULL;

  return aliases != NULL && strstr (aliases, self->search_key) != NULL;
}

static void
free_string (gpointer string)
{
  g_string_free (string, TRUE);
}

/* One pass over the gazetteer's aliases (thousands, with the whole
 * world), not one per row. */
static GHashTable *
collect_aliases (DmGazetteer *gazetteer)
{
  g_autoptr(GHashTable) builders = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                          free_string);
  GHashTable *aliases = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < dm_gazetteer_get_n_aliases (gazetteer); i++)
    {
      const DmAlias *alias = dm_gazetteer_get_alias (gazetteer, i);
      GString *text = g_hash_table_lookup (builders, GUINT_TO_POINTER (alias->actor));
      g_autofree char *folded = g_utf8_casefold (alias->text, -1);

      if (text == NULL)
        {
          text = g_string_new (NULL);
          g_hash_table_insert (builders, GUINT_TO_POINTER (alias->actor), text);
        }
      g_string_append (text, folded);
      g_string_append_c (text, '\n');
    }

  g_hash_table_iter_init (&iter, builders);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_insert (aliases, key, g_string_free (value, FALSE));
      g_hash_table_iter_steal (&iter);
    }

  return aliases;
}

static guint
find_position (DmActorList *self,
               int          actor)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  if (actor < 0)
    return GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DmActorItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if ((int) dm_actor_item_get_actor (item) == actor)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
sync_from_selection (DmActorList *self)
{
  int actor = self->selection != NULL ? dm_selection_get_actor (self->selection) : -1;
  guint position = find_position (self, actor);

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection_model, position);
  self->syncing = FALSE;

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
update_empty_state (DmActorList *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  if (self->search_key != NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Actors"));
      adw_status_page_set_description (self->empty_page, _("Try another name, code or alias"));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Actors"));
      adw_status_page_set_description (self->empty_page,
                                       _("The article names none of the actors Diplomap knows"));
    }

  /* Before any analysis (the first frames, while the documents load)
   * there is nothing to say: the list stays blank rather than claim that
   * the article names no actor. */
  gtk_stack_set_visible_child_name (self->stack, empty && self->analysis != NULL ? "empty" : "list");
}

static void
on_selected_changed_cb (DmActorList        *self,
                        GParamSpec         *pspec,
                        GtkSingleSelection *model)
{
  DmActorItem *item;

  if (self->syncing || self->selection == NULL)
    return;

  item = gtk_single_selection_get_selected_item (model);
  dm_selection_select_actor (self->selection, item != NULL ? (int) dm_actor_item_get_actor (item) : -1);
}

static void
on_selection_changed_cb (DmActorList *self,
                         DmSelection *selection)
{
  sync_from_selection (self);
}

static void
on_search_changed_cb (DmActorList    *self,
                      GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search_key, g_free);
  if (*stripped != '\0')
    self->search_key = g_utf8_casefold (stripped, -1);
  update_search_tier (self);

  self->syncing = TRUE;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  self->syncing = FALSE;

  sync_from_selection (self);
  update_empty_state (self);
}

static void
on_stop_search_cb (DmActorList    *self,
                   GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Enter in the search selects the first match and moves on to the list. */
static void
on_search_activate_cb (DmActorList    *self,
                       GtkSearchEntry *entry)
{
  g_autoptr(DmActorItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);

  if (item == NULL)
    return;

  if (self->selection != NULL)
    dm_selection_select_actor (self->selection, (int) dm_actor_item_get_actor (item));
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = dm_swatch_new ();
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *code = gtk_label_new (NULL);
  GtkWidget *counts = gtk_label_new (NULL);

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 4);
  gtk_widget_set_margin_end (row, 4);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "actor-name");
  gtk_label_set_xalign (GTK_LABEL (code), 0);
  gtk_widget_add_css_class (code, "dim-label");
  gtk_widget_add_css_class (code, "caption");
  gtk_widget_add_css_class (code, "actor-code");
  gtk_label_set_xalign (GTK_LABEL (counts), 0);
  /* Wrapped, not ellipsized: in some languages ("14 Erwähnungen · 11
   * Verbindungen") the counts are wider than the list. */
  gtk_label_set_wrap (GTK_LABEL (counts), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (counts), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (counts, "dim-label");
  gtk_widget_add_css_class (counts, "caption");

  gtk_box_append (GTK_BOX (title_box), name);
  gtk_box_append (GTK_BOX (title_box), code);
  gtk_box_append (GTK_BOX (labels), title_box);
  gtk_box_append (GTK_BOX (labels), counts);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (row), swatch);
  gtk_box_append (GTK_BOX (row), labels);

  g_object_set_data (G_OBJECT (row), "swatch", swatch);
  g_object_set_data (G_OBJECT (row), "name", name);
  g_object_set_data (G_OBJECT (row), "code", code);
  g_object_set_data (G_OBJECT (row), "counts", counts);
  gtk_list_item_set_child (list_item, row);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  DmActorItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  guint n_mentions = dm_actor_item_get_n_mentions (item);
  guint n_links = dm_actor_item_get_n_links (item);
  g_autofree char *mentions = NULL;
  g_autofree char *links = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *accessible = NULL;

  mentions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions", n_mentions),
                              n_mentions);
  links = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u link", "%u links", n_links), n_links);
  /* Translators: "14 mentions · 6 links" */
  counts = g_strdup_printf (_("%s · %s"), mentions, links);
  accessible = g_strdup_printf ("%s, %s, %s", dm_actor_item_get_name (item), mentions, links);

  dm_swatch_set_color (g_object_get_data (G_OBJECT (row), "swatch"), dm_actor_item_get_color (item));
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "name"), dm_actor_item_get_name (item));
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "code"), dm_actor_item_get_code (item));
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "counts"), counts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
dm_actor_list_dispose (GObject *object)
{
  DmActorList *self = DM_ACTOR_LIST (object);

  dm_actor_list_set_selection (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DM_TYPE_ACTOR_LIST);
  /* Children the template did not bind (separators, boxes) go too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection_model);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->analysis);
  g_clear_pointer (&self->aliases, g_hash_table_unref);

  G_OBJECT_CLASS (dm_actor_list_parent_class)->dispose (object);
}

static void
dm_actor_list_finalize (GObject *object)
{
  DmActorList *self = DM_ACTOR_LIST (object);

  g_free (self->search_key);

  G_OBJECT_CLASS (dm_actor_list_parent_class)->finalize (object);
}

static void
dm_actor_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DmActorList *self = DM_ACTOR_LIST (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_actor_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DmActorList *self = DM_ACTOR_LIST (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      dm_actor_list_set_analysis (self, g_value_get_object (value));
      break;
    case PROP_SELECTION:
      dm_actor_list_set_selection (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
dm_actor_list_grab_focus (GtkWidget *widget)
{
  DmActorList *self = DM_ACTOR_LIST (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
dm_actor_list_class_init (DmActorListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_actor_list_dispose;
  object_class->finalize = dm_actor_list_finalize;
  object_class->get_property = dm_actor_list_get_property;
  object_class->set_property = dm_actor_list_set_property;
  widget_class->grab_focus = dm_actor_list_grab_focus;

  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL, DM_TYPE_ANALYSIS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, DM_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/diplomap/Diplomap/dm-actor-list.ui");
  gtk_widget_class_bind_template_child (widget_class, DmActorList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DmActorList, stack);
  gtk_widget_class_bind_template_child (widget_class, DmActorList, list_view);
  gtk_widget_class_bind_template_child (widget_class, DmActorList, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_set_css_name (widget_class, "actorlist");
}

static void
dm_actor_list_init (DmActorList *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (DM_TYPE_ACTOR_ITEM);
  self->filter = gtk_custom_filter_new (match_item, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->selection_model = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection_model, FALSE);
  gtk_single_selection_set_can_unselect (self->selection_model, TRUE);
  gtk_single_selection_set_selected (self->selection_model, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection_model, "notify::selected",
                           G_CALLBACK (on_selected_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection_model));

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
  update_empty_state (self);
}

GtkWidget *
dm_actor_list_new (void)
{
  return g_object_new (DM_TYPE_ACTOR_LIST, NULL);
}

void
dm_actor_list_set_analysis (DmActorList *self,
                            DmAnalysis  *analysis)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (DM_IS_ACTOR_LIST (self));
  g_return_if_fail (analysis == NULL || DM_IS_ANALYSIS (analysis));

  if (!g_set_object (&self->analysis, analysis))
    return;

  g_clear_pointer (&self->aliases, g_hash_table_unref);
  if (analysis != NULL)
    self->aliases = collect_aliases (dm_analysis_get_gazetteer (analysis));

  /* The analysis already orders its actors by mentions, then code. */
  for (guint i = 0; analysis != NULL && i < dm_analysis_get_n_actors (analysis); i++)
    g_ptr_array_add (items, dm_actor_item_new (analysis, i));

  self->syncing = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  if (self->search_key != NULL)
    {
      update_search_tier (self);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
    }
  self->syncing = FALSE;

  sync_from_selection (self);
  update_empty_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

void
dm_actor_list_set_selection (DmActorList *self,
                             DmSelection *selection)
{
  g_return_if_fail (DM_IS_ACTOR_LIST (self));
  g_return_if_fail (selection == NULL || DM_IS_SELECTION (selection));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_clear_signal_handler (&self->changed_id, self->selection);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    self->changed_id = g_signal_connect_object (selection, "changed",
                                                G_CALLBACK (on_selection_changed_cb), self,
                                                G_CONNECT_SWAPPED);

  sync_from_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

void
dm_actor_list_focus_search (DmActorList *self)
{
  g_return_if_fail (DM_IS_ACTOR_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
dm_actor_list_set_search (DmActorList *self,
                          const char  *text)
{
  g_return_if_fail (DM_IS_ACTOR_LIST (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* search-changed is delayed; the model must follow now. */
  on_search_changed_cb (self, self->search_entry);
}

int
dm_actor_list_get_selected_actor (DmActorList *self)
{
  DmActorItem *item;

  g_return_val_if_fail (DM_IS_ACTOR_LIST (self), -1);

  item = gtk_single_selection_get_selected_item (self->selection_model);
  return item != NULL ? (int) dm_actor_item_get_actor (item) : -1;
}

GListModel *
dm_actor_list_get_model (DmActorList *self)
{
  g_return_val_if_fail (DM_IS_ACTOR_LIST (self), NULL);

  return G_LIST_MODEL (self->selection_model);
}
