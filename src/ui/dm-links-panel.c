/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-links-panel.c: two boxed lists rebuilt from the analysis on every
 * selection change: the selected actor's links, then the selected link's
 * evidence.  The lists are short (an actor has tens of links at most), so
 * plain GtkListBox rows are simpler than a list model here. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dm-legend.h"
#include "dm-links-panel.h"
#include "dm-swatch.h"

struct _DmLinksPanel
{
  GtkWidget    parent_instance;

  GtkStack    *stack;
  GtkLabel    *links_title;
  GtkListBox  *links_list;
  GtkWidget   *evidence_box;
  GtkLabel    *evidence_title;
  GtkLabel    *evidence_subtitle;
  GtkListBox  *evidence_list;

  DmAnalysis  *analysis;
  DmSelection *selection;
  gulong       changed_id;
  gboolean     dark;
  gboolean     syncing;
  int          shown_actor;    /* whose links the list holds, -1 */
  gboolean     dirty;          /* the list must be rebuilt */
  GPtrArray   *link_rows;      /* "KIND ARROW CODE WEIGHT" per row */
  GPtrArray   *evidence_rows;  /* "why" per row */
};

G_DEFINE_FINAL_TYPE (DmLinksPanel, dm_links_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ANALYSIS,
  PROP_SELECTION,
  PROP_DARK,
  N_PROPS
};

enum {
  EVIDENCE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static guint32
rgb_from_dm (const DmRgba *rgba)
{
  return ((guint32) (rgba->red * 255 + 0.5) << 16) |
         ((guint32) (rgba->green * 255 + 0.5) << 8) |
         (guint32) (rgba->blue * 255 + 0.5);
}

static const char *
actor_name (DmAnalysis *analysis,
            guint       actor)
{
  return dm_actor_info_get_display_name (dm_gazetteer_get_actor (dm_analysis_get_gazetteer (analysis), actor));
}

static const char *
actor_code (DmAnalysis *analysis,
            guint       actor)
{
  return dm_gazetteer_get_actor (dm_analysis_get_gazetteer (analysis), actor)->code;
}

static GtkWidget *
create_link_row (DmLinksPanel *self,
                 guint         index,
                 int           actor)
{
  const DmLink *link = dm_analysis_get_link (self->analysis, index);
  DmQuad quad = dm_link_kind_get_quad (link->kind);
  guint counterpart = (int) link->source == actor ? link->target : link->source;
  const char *arrow;
  GtkWidget *row, *box, *swatch, *kind, *weight;
  g_autofree char *weight_text = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *tooltip = NULL;
  DmRgba color;

  if (!link->directed)
    arrow = "—";
  else if ((int) link->source == actor)
    arrow = "→";
  else
    arrow = "←";

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  swatch = dm_swatch_new ();
  dm_legend_get_quad_color (quad, self->dark, &color);
  dm_swatch_set_color (DM_SWATCH (swatch), rgb_from_dm (&color));
  dm_swatch_set_line (DM_SWATCH (swatch), TRUE, dm_legend_quad_is_dashed (quad));
  gtk_box_append (GTK_BOX (box), swatch);

  {
    g_autofree char *kind_markup = g_markup_escape_text (dm_link_kind_get_label (link->kind), -1);
    g_autofree char *name_markup = g_markup_escape_text (actor_name (self->analysis, counterpart), -1);
    /* The arrow stays with the name (no-break space), and a row too
     * narrow for both wraps between kind and name rather than cutting
     * the name: kinds run long in Russian and Armenian. */
    g_autofree char *markup = g_strdup_printf ("<b>%s</b>  %s\u00a0%s", kind_markup, arrow, name_markup);

    kind = gtk_label_new (NULL);
    gtk_label_set_markup (GTK_LABEL (kind), markup);
    gtk_label_set_xalign (GTK_LABEL (kind), 0);
    gtk_label_set_wrap (GTK_LABEL (kind), TRUE);
    gtk_label_set_wrap_mode (GTK_LABEL (kind), PANGO_WRAP_WORD_CHAR);
    gtk_widget_set_hexpand (kind, TRUE);
    gtk_box_append (GTK_BOX (box), kind);
  }

  weight_text = g_strdup_printf ("×%u", link->weight);
  weight = gtk_label_new (weight_text);
  gtk_widget_add_css_class (weight, "dim-label");
  gtk_widget_add_css_class (weight, "numeric");
  gtk_box_append (GTK_BOX (box), weight);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "link", GUINT_TO_POINTER (index));

  if (!link->directed)
    /* Translators: "Tension with Azerbaijan, 3 sentences" */
    accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s with %s, %u sentence",
                                               "%s with %s, %u sentences", link->weight),
                                  dm_link_kind_get_label (link->kind),
                                  actor_name (self->analysis, counterpart), link->weight);
  else if ((int) link->source == actor)
    accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s to %s, %u sentence",
                                               "%s to %s, %u sentences", link->weight),
                                  dm_link_kind_get_label (link->kind),
                                  actor_name (self->analysis, counterpart), link->weight);
  else
    accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s from %s, %u sentence",
                                               "%s from %s, %u sentences", link->weight),
                                  dm_link_kind_get_label (link->kind),
                                  actor_name (self->analysis, counterpart), link->weight);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  tooltip = g_strdup_printf ("%s · %s", accessible, dm_quad_get_label (quad));
  gtk_widget_set_tooltip_text (row, tooltip);

  g_ptr_array_add (self->link_rows,
                   g_strdup_printf ("%s %s %s %u", dm_link_kind_to_string (link->kind), arrow,
                                    actor_code (self->analysis, counterpart), link->weight));

  return row;
}

static GtkWidget *
create_evidence_row (DmLinksPanel     *self,
                     const DmEvidence *evidence)
{
  DmDocument *document = dm_analysis_get_document (self->analysis, evidence->doc);
  const char *text = dm_document_get_text (document);
  const DmCueRule *rule = dm_lexicon_get_rule (dm_analysis_get_lexicon (self->analysis), evidence->rule);
  g_autofree char *before = g_markup_escape_text (text + evidence->start, evidence->cue_start - evidence->start);
  g_autofree char *cue = g_markup_escape_text (text + evidence->cue_start, evidence->cue_end - evidence->cue_start);
  g_autofree char *after = g_markup_escape_text (text + evidence->cue_end, evidence->end - evidence->cue_end);
  g_autofree char *cue_plain = g_strndup (text + evidence->cue_start, evidence->cue_end - evidence->cue_start);
  g_autofree char *markup = NULL;
  g_autofree char *why = NULL;
  g_autofree char *sentence_plain = NULL;
  GtkWidget *row, *box, *sentence, *why_label;

  markup = g_strdup_printf ("%s<b><u>%s</u></b>%s", before, cue, after);
  /* Translators: the reason a link exists: the lexicon rule and the words
   * that matched it, as in "rule appeal.urge: “urges”" */
  why = g_strdup_printf (_("rule %s: “%s”"), rule->rule, cue_plain);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);

  sentence = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (sentence), markup);
  gtk_label_set_wrap (GTK_LABEL (sentence), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (sentence), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (sentence), 0);
  gtk_widget_add_css_class (sentence, "evidence-sentence");
  gtk_box_append (GTK_BOX (box), sentence);

  why_label = gtk_label_new (why);
  gtk_label_set_xalign (GTK_LABEL (why_label), 0);
  gtk_label_set_wrap (GTK_LABEL (why_label), TRUE);
  gtk_widget_add_css_class (why_label, "dim-label");
  gtk_widget_add_css_class (why_label, "caption");
  gtk_box_append (GTK_BOX (box), why_label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, _("Show in the article"));
  sentence_plain = g_strndup (text + evidence->start, evidence->end - evidence->start);
  {
    g_autofree char *accessible = g_strdup_printf ("%s (%s)", sentence_plain, why);
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  }
  g_object_set_data (G_OBJECT (row), "doc", GUINT_TO_POINTER (evidence->doc));
  g_object_set_data (G_OBJECT (row), "cstart",
                     GSIZE_TO_POINTER ((gsize) dm_document_char_offset (document, evidence->start)));
  g_object_set_data (G_OBJECT (row), "cend",
                     GSIZE_TO_POINTER ((gsize) dm_document_char_offset (document, evidence->end)));

  g_ptr_array_add (self->evidence_rows, g_steal_pointer (&why));

  return row;
}

static void
fill_evidence (DmLinksPanel *self,
               int           link_index)
{
  const DmLink *link;
  g_autofree char *title = NULL;

  remove_all_rows (self->evidence_list);
  g_ptr_array_set_size (self->evidence_rows, 0);

  if (link_index < 0)
    return;

  link = dm_analysis_get_link (self->analysis, link_index);
  /* Translators: "Tension: Armenia — Azerbaijan" */
  title = g_strdup_printf (_("%s: %s %s %s"), dm_link_kind_get_label (link->kind),
                           actor_name (self->analysis, link->source), link->directed ? "→" : "—",
                           actor_name (self->analysis, link->target));
  gtk_label_set_text (self->evidence_title, title);
  {
    g_autofree char *subtitle =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u sentence says so", "%s · %u sentences say so",
                                    link->weight),
                       dm_quad_get_label (dm_link_kind_get_quad (link->kind)), link->weight);
    gtk_label_set_text (self->evidence_subtitle, subtitle);
  }

  for (guint i = 0; i < link->weight; i++)
    gtk_list_box_append (self->evidence_list,
                         create_evidence_row (self, &link->evidence[i]));

}

static void
rebuild (DmLinksPanel *self)
{
  int actor = -1, link = -1;
  GtkListBoxRow *selected_row = NULL;

  self->syncing = TRUE;

  if (self->analysis != NULL && self->selection != NULL)
    {
      actor = dm_selection_get_actor (self->selection);
      link = dm_selection_get_link (self->selection);
      if (link >= (int) dm_analysis_get_n_links (self->analysis))
        link = -1;
      /* A link picked on the map with no actor: show its source's links. */
      if (actor < 0 && link >= 0)
        actor = dm_analysis_get_link (self->analysis, link)->source;
    }

  /* Only the link changed: keep the rows (and the focus on them). */
  if (!self->dirty && actor == self->shown_actor)
    {
      for (guint i = 0; ; i++)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->links_list, i);

          if (row == NULL)
            break;
          if ((int) GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "link")) == link)
            selected_row = row;
        }
      gtk_list_box_select_row (self->links_list, selected_row);
      fill_evidence (self, link);
      gtk_stack_set_visible_child_name (self->stack, link >= 0 ? "evidence" : "links");
      self->syncing = FALSE;
      return;
    }

  remove_all_rows (self->links_list);
  g_ptr_array_set_size (self->link_rows, 0);
  self->shown_actor = actor;
  self->dirty = FALSE;

  if (actor < 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      fill_evidence (self, -1);
      self->syncing = FALSE;
      return;
    }

  for (guint i = 0; i < dm_analysis_get_n_links (self->analysis); i++)
    {
      const DmLink *l = dm_analysis_get_link (self->analysis, i);
      GtkWidget *row;

      if ((int) l->source != actor && (int) l->target != actor)
        continue;

      row = create_link_row (self, i, actor);
      gtk_list_box_append (self->links_list, row);
      if ((int) i == link)
        selected_row = GTK_LIST_BOX_ROW (row);
    }

  {
    guint n = self->link_rows->len;
    g_autofree char *title = NULL;

    if (n == 0)
      title = g_strdup_printf (_("%s has no links in this article"), actor_name (self->analysis, actor));
    else
      /* Translators: "Links of Armenia (11)" */
      title = g_strdup_printf (_("Links of %s (%u)"), actor_name (self->analysis, actor), n);
    gtk_label_set_text (self->links_title, title);
    gtk_widget_set_visible (GTK_WIDGET (self->links_list), n > 0);
  }

  gtk_list_box_select_row (self->links_list, selected_row);
  fill_evidence (self, link);
  gtk_stack_set_visible_child_name (self->stack, link >= 0 ? "evidence" : "links");
  self->syncing = FALSE;
}

static void
on_selection_changed_cb (DmLinksPanel *self,
                         DmSelection  *selection)
{
  rebuild (self);
}

static void
on_link_row_activated_cb (DmLinksPanel  *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  if (self->selection == NULL || self->syncing)
    return;

  dm_selection_select_link (self->selection, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "link")));
}

static void
on_evidence_row_activated_cb (DmLinksPanel  *self,
                              GtkListBoxRow *row,
                              GtkListBox    *list)
{
  g_signal_emit (self, signals[EVIDENCE_ACTIVATED], 0,
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "doc")),
                 (glong) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "cstart")),
                 (glong) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "cend")));
}

/* Back to the actor's links: the link is unselected, the actor stays. */
static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DmLinksPanel *self = DM_LINKS_PANEL (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->links_list);

  if (self->selection == NULL || dm_selection_get_link (self->selection) < 0)
    return;

  if (dm_selection_get_actor (self->selection) >= 0)
    dm_selection_select_actor (self->selection, dm_selection_get_actor (self->selection));
  else
    dm_selection_select_link (self->selection, -1);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
dm_links_panel_dispose (GObject *object)
{
  DmLinksPanel *self = DM_LINKS_PANEL (object);

  dm_links_panel_set_selection (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DM_TYPE_LINKS_PANEL);
  /* Children the template did not bind (separators, boxes) go too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->analysis);

  G_OBJECT_CLASS (dm_links_panel_parent_class)->dispose (object);
}

static void
dm_links_panel_finalize (GObject *object)
{
  DmLinksPanel *self = DM_LINKS_PANEL (object);

  g_ptr_array_unref (self->link_rows);
  g_ptr_array_unref (self->evidence_rows);

  G_OBJECT_CLASS (dm_links_panel_parent_class)->finalize (object);
}

static void
dm_links_panel_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DmLinksPanel *self = DM_LINKS_PANEL (object);

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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_links_panel_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DmLinksPanel *self = DM_LINKS_PANEL (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      dm_links_panel_set_analysis (self, g_value_get_object (value));
      break;
    case PROP_SELECTION:
      dm_links_panel_set_selection (self, g_value_get_object (value));
      break;
    case PROP_DARK:
      dm_links_panel_set_dark (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_links_panel_class_init (DmLinksPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_links_panel_dispose;
  object_class->finalize = dm_links_panel_finalize;
  object_class->get_property = dm_links_panel_get_property;
  object_class->set_property = dm_links_panel_set_property;

  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL, DM_TYPE_ANALYSIS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, DM_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DmLinksPanel::evidence-activated:
   * @doc: the document
   * @cstart: the sentence's first character
   * @cend: past its last character
   *
   * An evidence row was activated: the article should show that sentence.
   */
  signals[EVIDENCE_ACTIVATED] =
    g_signal_new ("evidence-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_LONG, G_TYPE_LONG);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/diplomap/Diplomap/dm-links-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DmLinksPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, DmLinksPanel, links_title);
  gtk_widget_class_bind_template_child (widget_class, DmLinksPanel, links_list);
  gtk_widget_class_bind_template_child (widget_class, DmLinksPanel, evidence_box);
  gtk_widget_class_bind_template_child (widget_class, DmLinksPanel, evidence_title);
  gtk_widget_class_bind_template_child (widget_class, DmLinksPanel, evidence_subtitle);
  gtk_widget_class_bind_template_child (widget_class, DmLinksPanel, evidence_list);
  gtk_widget_class_bind_template_callback (widget_class, on_link_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_evidence_row_activated_cb);
  gtk_widget_class_install_action (widget_class, "links.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "links.back", NULL);
  gtk_widget_class_set_css_name (widget_class, "linkspanel");
}

static void
dm_links_panel_init (DmLinksPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->link_rows = g_ptr_array_new_with_free_func (g_free);
  self->evidence_rows = g_ptr_array_new_with_free_func (g_free);
  self->shown_actor = -1;
  self->dirty = TRUE;
  rebuild (self);
}

GtkWidget *
dm_links_panel_new (void)
{
  return g_object_new (DM_TYPE_LINKS_PANEL, NULL);
}

void
dm_links_panel_set_analysis (DmLinksPanel *self,
                             DmAnalysis   *analysis)
{
  g_return_if_fail (DM_IS_LINKS_PANEL (self));
  g_return_if_fail (analysis == NULL || DM_IS_ANALYSIS (analysis));

  if (!g_set_object (&self->analysis, analysis))
    return;

  self->dirty = TRUE;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

void
dm_links_panel_set_selection (DmLinksPanel *self,
                              DmSelection  *selection)
{
  g_return_if_fail (DM_IS_LINKS_PANEL (self));
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

  self->dirty = TRUE;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

void
dm_links_panel_set_dark (DmLinksPanel *self,
                         gboolean      dark)
{
  g_return_if_fail (DM_IS_LINKS_PANEL (self));

  dark = !!dark;
  if (self->dark == dark)
    return;

  self->dark = dark;
  self->dirty = TRUE;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

static GStrv
dup_strv (GPtrArray *array)
{
  GStrv strv = g_new0 (char *, array->len + 1);

  for (guint i = 0; i < array->len; i++)
    strv[i] = g_strdup (g_ptr_array_index (array, i));

  return strv;
}

GStrv
dm_links_panel_dup_link_rows (DmLinksPanel *self)
{
  g_return_val_if_fail (DM_IS_LINKS_PANEL (self), NULL);
  return dup_strv (self->link_rows);
}

GStrv
dm_links_panel_dup_evidence_rows (DmLinksPanel *self)
{
  g_return_val_if_fail (DM_IS_LINKS_PANEL (self), NULL);
  return dup_strv (self->evidence_rows);
}

void
dm_links_panel_activate_row (DmLinksPanel *self,
                             guint         index)
{
  GtkListBoxRow *row;

  g_return_if_fail (DM_IS_LINKS_PANEL (self));

  row = gtk_list_box_get_row_at_index (self->links_list, index);
  if (row != NULL)
    g_signal_emit_by_name (self->links_list, "row-activated", row);
}
