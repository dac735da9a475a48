/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-article-view.c: the documents in one GtkTextBuffer, one after another
 * (with a heading each when there are several), and the highlights of the
 * shared selection as text tags.
 *
 * GtkTextBuffer counts in characters, so a mention lands in the buffer at
 * its document's start plus the character offset of its first byte
 * (dm_document_char_offset()).  The passages are kept as sorted buffer
 * ranges for Next/Previous. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-article-view.h"

typedef struct {
  int start, end;  /* buffer characters */
} Range;

struct _DmArticleView
{
  GtkWidget       parent_instance;

  GtkLabel       *title_label;
  GtkLabel       *source_label;
  GtkLabel       *passage_label;
  GtkScrolledWindow *scroller;
  GtkTextView    *text_view;

  GtkTextBuffer  *buffer;
  GtkTextTag     *title_tag;
  GtkTextTag     *heading_tag;
  GtkTextTag     *passage_tag;
  GtkTextTag     *evidence_tag;
  GtkTextTag     *mention_tag;
  GtkTextTag     *cue_tag;

  DmAnalysis     *analysis;
  DmSelection    *selection;
  gulong          changed_id;
  GArray         *doc_starts;  /* int, buffer characters */
  GArray         *passages;    /* Range, sorted */
  int             current;     /* passage index of the cursor, -1 */
  gboolean        dark;
  guint32         mention_rgb;
};

G_DEFINE_FINAL_TYPE (DmArticleView, dm_article_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ANALYSIS,
  PROP_SELECTION,
  PROP_DARK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rgba_from_rgb (GdkRGBA *rgba,
               guint32  rgb,
               float    alpha)
{
  rgba->red = ((rgb >> 16) & 0xff) / 255.0f;
  rgba->green = ((rgb >> 8) & 0xff) / 255.0f;
  rgba->blue = (rgb & 0xff) / 255.0f;
  rgba->alpha = alpha;
}

/* Tints that read on both backgrounds: the passage a warm yellow, the
 * evidence a blue, the mention the actor's own colour. */
static void
update_tag_colors (DmArticleView *self)
{
  GdkRGBA passage, evidence, cue, mention, underline;

  rgba_from_rgb (&passage, 0xf6d32d, self->dark ? 0.16f : 0.22f);
  rgba_from_rgb (&evidence, 0x3584e4, self->dark ? 0.25f : 0.16f);
  rgba_from_rgb (&cue, 0x3584e4, self->dark ? 0.55f : 0.38f);
  rgba_from_rgb (&mention, self->mention_rgb, self->dark ? 0.45f : 0.30f);
  rgba_from_rgb (&underline, self->mention_rgb, 1.0f);

  g_object_set (self->passage_tag, "background-rgba", &passage, NULL);
  g_object_set (self->evidence_tag, "background-rgba", &evidence, NULL);
  g_object_set (self->cue_tag, "background-rgba", &cue, NULL);
  g_object_set (self->mention_tag,
                "background-rgba", &mention,
                "underline-rgba", &underline,
                NULL);
}

static void
update_passage_label (DmArticleView *self)
{
  g_autofree char *text = NULL;
  guint n = self->passages->len;

  if (n == 0)
    text = g_strdup ("");
  else if (self->current < 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage", "%u passages", n), n);
  else
    /* Translators: "Passage 2 of 7" */
    text = g_strdup_printf (_("Passage %d of %u"), self->current + 1, n);

  gtk_label_set_text (self->passage_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.next-passage", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.previous-passage", n > 0);
}

static int
doc_start (DmArticleView *self,
           guint          doc)
{
  return doc < self->doc_starts->len ? g_array_index (self->doc_starts, int, doc) : 0;
}

static void
apply_tag (DmArticleView *self,
           GtkTextTag    *tag,
           int            start,
           int            end)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &b, end);
  gtk_text_buffer_apply_tag (self->buffer, tag, &a, &b);
}

static void
add_passage (DmArticleView *self,
             int            start,
             int            end)
{
  Range range = { start, end };

  /* Sources are in document order; skip a repeat of the last one. */
  if (self->passages->len > 0)
    {
      Range *last = &g_array_index (self->passages, Range, self->passages->len - 1);

      if (last->start == start && last->end == end)
        return;
    }
  g_array_append_val (self->passages, range);
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const Range *ra = a, *rb = b;

  return ra->start != rb->start ? (ra->start < rb->start ? -1 : 1) : (ra->end - rb->end);
}

static void
scroll_to_offset (DmArticleView *self,
                  int            offset)
{
  GtkTextIter iter;
  GtkTextMark *insert;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, offset);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
  insert = gtk_text_buffer_get_insert (self->buffer);
  gtk_text_view_scroll_to_mark (self->text_view, insert, 0.05, TRUE, 0.0, 0.25);
}

static void
highlight_actor (DmArticleView *self,
                 int            actor)
{
  const DmActorSummary *summary = dm_analysis_find_actor (self->analysis, actor);
  const GArray *mentions = dm_analysis_get_mentions (self->analysis);
  const DmActorInfo *info = dm_gazetteer_get_actor (dm_analysis_get_gazetteer (self->analysis), actor);

  self->mention_rgb = info != NULL ? info->color : 0x3584e4;
  update_tag_colors (self);

  if (summary == NULL)
    return;

  for (guint i = 0; i < summary->mentions->len; i++)
    {
      const DmMention *m = &g_array_index (mentions, DmMention, g_array_index (summary->mentions, guint, i));
      const GArray *sentences = dm_analysis_get_sentences (self->analysis, m->doc);
      const DmSentence *sentence = &g_array_index (sentences, DmSentence, m->sentence);
      DmDocument *document = dm_analysis_get_document (self->analysis, m->doc);
      int base = doc_start (self, m->doc);

      apply_tag (self, self->mention_tag,
                 base + dm_document_char_offset (document, m->start),
                 base + dm_document_char_offset (document, m->end));
      add_passage (self,
                   base + dm_document_char_offset (document, sentence->start),
                   base + dm_document_char_offset (document, sentence->end));
    }
}

static void
highlight_link (DmArticleView *self,
                int            link_index)
{
  const DmLink *link = dm_analysis_get_link (self->analysis, link_index);

  for (guint i = 0; i < link->weight; i++)
    {
      const DmEvidence *e = &link->evidence[i];
      DmDocument *document = dm_analysis_get_document (self->analysis, e->doc);
      int base = doc_start (self, e->doc);
      int start = base + dm_document_char_offset (document, e->start);
      int end = base + dm_document_char_offset (document, e->end);

      apply_tag (self, self->evidence_tag, start, end);
      apply_tag (self, self->cue_tag,
                 base + dm_document_char_offset (document, e->cue_start),
                 base + dm_document_char_offset (document, e->cue_end));
      add_passage (self, start, end);
    }
}

static void
update_highlights (DmArticleView *self,
                   gboolean       scroll)
{
  GtkTextIter start, end;
  int actor = -1, link = -1;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->passage_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->evidence_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->mention_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->cue_tag, &start, &end);
  g_array_set_size (self->passages, 0);
  self->current = -1;

  if (self->analysis != NULL && self->selection != NULL)
    {
      actor = dm_selection_get_actor (self->selection);
      link = dm_selection_get_link (self->selection);
      if (link >= (int) dm_analysis_get_n_links (self->analysis))
        link = -1;
    }

  if (link >= 0)
    {
      highlight_link (self, link);
      /* The actor's mentions stay marked; the passages are the evidence. */
      if (actor >= 0)
        {
          g_autoptr(GArray) evidence = g_array_copy (self->passages);

          highlight_actor (self, actor);
          g_array_set_size (self->passages, 0);
          g_array_append_vals (self->passages, evidence->data, evidence->len);
        }
    }
  else if (actor >= 0)
    {
      highlight_actor (self, actor);
      for (guint i = 0; i < self->passages->len; i++)
        {
          Range *r = &g_array_index (self->passages, Range, i);
          apply_tag (self, self->passage_tag, r->start, r->end);
        }
    }

  g_array_sort (self->passages, compare_ranges);

  if (scroll && self->passages->len > 0)
    {
      self->current = 0;
      scroll_to_offset (self, g_array_index (self->passages, Range, 0).start);
    }

  update_passage_label (self);
}

static void
on_selection_changed_cb (DmArticleView *self,
                         DmSelection   *selection)
{
  update_highlights (self, TRUE);
}

static char *
dup_heading (DmDocument *document,
             guint       index,
             guint       n)
{
  const char *title = dm_document_get_title (document);
  const char *source = dm_document_get_source (document);
  g_autofree char *counter = g_strdup_printf (_("Article %u of %u"), index + 1, n);

  if (title != NULL && *title != '\0' && !dm_document_get_title_in_text (document))
    return g_strdup_printf ("%s · %s", counter, title);
  if (source != NULL && *source != '\0')
    return g_strdup_printf ("%s · %s", counter, source);
  return g_steal_pointer (&counter);
}

static void
fill_buffer (DmArticleView *self)
{
  guint n = self->analysis != NULL ? dm_analysis_get_n_documents (self->analysis) : 0;
  GtkTextIter iter;
  g_autoptr(GString) source = g_string_new (NULL);

  gtk_text_buffer_set_text (self->buffer, "", 0);
  g_array_set_size (self->doc_starts, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), FALSE);
  gtk_text_buffer_get_start_iter (self->buffer, &iter);

  for (guint i = 0; i < n; i++)
    {
      DmDocument *document = dm_analysis_get_document (self->analysis, i);
      const GArray *sentences = dm_analysis_get_sentences (self->analysis, i);
      int start;

      if (n > 1)
        {
          g_autofree char *heading = dup_heading (document, i, n);

          if (i > 0)
            gtk_text_buffer_insert (self->buffer, &iter, "\n", 1);
          gtk_text_buffer_insert_with_tags (self->buffer, &iter, heading, -1, self->heading_tag, NULL);
          gtk_text_buffer_insert (self->buffer, &iter, "\n", 1);
        }

      start = gtk_text_iter_get_offset (&iter);
      g_array_append_val (self->doc_starts, start);
      gtk_text_buffer_insert (self->buffer, &iter, dm_document_get_text (document),
                              dm_document_get_length (document));

      /* The title line of the text reads as the headline it is. */
      if (dm_document_get_title_in_text (document) && sentences->len > 0)
        for (guint s = 0; s < sentences->len; s++)
          {
            const DmSentence *sentence = &g_array_index (sentences, DmSentence, s);

            if (!sentence->is_title)
              break;
            apply_tag (self, self->title_tag,
                       start + dm_document_char_offset (document, sentence->start),
                       start + dm_document_char_offset (document, sentence->end));
          }
    }

  /* Above the text: the source (and the title when the text lacks it). */
  if (n == 1)
    {
      DmDocument *document = dm_analysis_get_document (self->analysis, 0);
      const char *title = dm_document_get_title (document);

      if (title != NULL && *title != '\0' && !dm_document_get_title_in_text (document))
        {
          gtk_label_set_text (self->title_label, title);
          gtk_widget_set_visible (GTK_WIDGET (self->title_label), TRUE);
        }
      if (dm_document_get_source (document) != NULL)
        g_string_append (source, dm_document_get_source (document));
      if (dm_document_get_date (document) != NULL)
        g_string_append_printf (source, source->len > 0 ? " · %s" : "%s",
                                dm_document_get_date (document));
      if (source->len == 0)
        g_string_append (source, dm_document_get_id (document));
    }
  else if (n > 1)
    g_string_append_printf (source, g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n), n);

  gtk_label_set_text (self->source_label, source->str);

  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
}

/* Buffer offset → the mention under it, through the documents' starts and
 * a binary search of the mentions (ordered by document, then offset). */
static const DmMention *
find_mention_at (DmArticleView *self,
                 int            offset)
{
  const GArray *mentions;
  guint doc = 0;
  glong c;
  guint lo, hi;

  if (self->analysis == NULL || self->doc_starts->len == 0)
    return NULL;

  for (guint i = 0; i < self->doc_starts->len; i++)
    if (g_array_index (self->doc_starts, int, i) <= offset)
      doc = i;
  c = offset - doc_start (self, doc);

  mentions = dm_analysis_get_mentions (self->analysis);
  lo = 0;
  hi = mentions->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const DmMention *m = &g_array_index (mentions, DmMention, mid);

      if (m->doc < doc
          || (m->doc == doc && dm_analysis_char_offset (self->analysis, doc, m->start) <= c))
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo == 0)
    return NULL;

  {
    const DmMention *m = &g_array_index (mentions, DmMention, lo - 1);

    if (m->doc == doc && c >= dm_analysis_char_offset (self->analysis, doc, m->start)
        && c < dm_analysis_char_offset (self->analysis, doc, m->end))
      return m;
  }

  return NULL;
}

static int
offset_at_point (DmArticleView *self,
                 double         x,
                 double         y,
                 gboolean      *inside)
{
  GtkTextIter iter;
  GdkRectangle rect;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by);
  gtk_text_view_get_iter_location (self->text_view, &iter, &rect);
  *inside = bx >= rect.x - 1 && bx <= rect.x + rect.width + 1 &&
            by >= rect.y && by < rect.y + rect.height;

  return gtk_text_iter_get_offset (&iter);
}

static void
on_click_released_cb (DmArticleView   *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  const DmMention *mention;
  gboolean inside;
  int offset;

  if (n_press != 1 || self->selection == NULL ||
      gtk_text_buffer_get_has_selection (self->buffer))
    return;

  offset = offset_at_point (self, x, y, &inside);
  mention = inside ? find_mention_at (self, offset) : NULL;
  if (mention != NULL && dm_selection_get_actor (self->selection) != (int) mention->actor)
    {
      dm_selection_select_actor (self->selection, (int) mention->actor);
      /* Stay where the reader clicked rather than jump to the first passage. */
      for (guint i = 0; i < self->passages->len; i++)
        if (g_array_index (self->passages, Range, i).start <= offset)
          self->current = i;
      update_passage_label (self);
    }
}

static void
on_motion_cb (DmArticleView            *self,
              double                    x,
              double                    y,
              GtkEventControllerMotion *motion)
{
  gboolean inside;
  int offset = offset_at_point (self, x, y, &inside);
  gboolean over = inside && find_mention_at (self, offset) != NULL;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view), over ? "pointer" : NULL);
}

static gboolean
move_passage (DmArticleView *self,
              int            direction)
{
  int cursor = dm_article_view_get_cursor (self);
  int n = self->passages->len;
  int target = -1;

  if (n == 0)
    return FALSE;

  if (direction > 0)
    {
      for (int i = 0; i < n && target < 0; i++)
        if (g_array_index (self->passages, Range, i).start > cursor)
          target = i;
      if (target < 0)
        target = 0;
    }
  else
    {
      for (int i = n - 1; i >= 0 && target < 0; i--)
        if (g_array_index (self->passages, Range, i).start < cursor)
          target = i;
      if (target < 0)
        target = n - 1;
    }

  self->current = target;
  scroll_to_offset (self, g_array_index (self->passages, Range, target).start);
  update_passage_label (self);

  return TRUE;
}

static void
next_passage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  dm_article_view_next_passage (DM_ARTICLE_VIEW (widget));
}

static void
previous_passage_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  dm_article_view_previous_passage (DM_ARTICLE_VIEW (widget));
}

static void
dm_article_view_dispose (GObject *object)
{
  DmArticleView *self = DM_ARTICLE_VIEW (object);

  dm_article_view_set_selection (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DM_TYPE_ARTICLE_VIEW);
  /* Children the template did not bind (separators, boxes) go too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->analysis);

  G_OBJECT_CLASS (dm_article_view_parent_class)->dispose (object);
}

static void
dm_article_view_finalize (GObject *object)
{
  DmArticleView *self = DM_ARTICLE_VIEW (object);

  g_array_unref (self->doc_starts);
  g_array_unref (self->passages);

  G_OBJECT_CLASS (dm_article_view_parent_class)->finalize (object);
}

static void
dm_article_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DmArticleView *self = DM_ARTICLE_VIEW (object);

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
dm_article_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DmArticleView *self = DM_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      dm_article_view_set_analysis (self, g_value_get_object (value));
      break;
    case PROP_SELECTION:
      dm_article_view_set_selection (self, g_value_get_object (value));
      break;
    case PROP_DARK:
      dm_article_view_set_dark (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
dm_article_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (DM_ARTICLE_VIEW (widget)->text_view));
}

static void
dm_article_view_class_init (DmArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_article_view_dispose;
  object_class->finalize = dm_article_view_finalize;
  object_class->get_property = dm_article_view_get_property;
  object_class->set_property = dm_article_view_set_property;
  widget_class->grab_focus = dm_article_view_grab_focus;

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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/diplomap/Diplomap/dm-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DmArticleView, title_label);
  gtk_widget_class_bind_template_child (widget_class, DmArticleView, source_label);
  gtk_widget_class_bind_template_child (widget_class, DmArticleView, passage_label);
  gtk_widget_class_bind_template_child (widget_class, DmArticleView, scroller);
  gtk_widget_class_bind_template_child (widget_class, DmArticleView, text_view);

  gtk_widget_class_install_action (widget_class, "article.next-passage", NULL, next_passage_action);
  gtk_widget_class_install_action (widget_class, "article.previous-passage", NULL,
                                   previous_passage_action);
  gtk_widget_class_set_css_name (widget_class, "articleview");
}

static void
dm_article_view_init (DmArticleView *self)
{
  GtkGesture *click;
  GtkEventController *motion;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->doc_starts = g_array_new (FALSE, FALSE, sizeof (int));
  self->passages = g_array_new (FALSE, FALSE, sizeof (Range));
  self->current = -1;
  self->mention_rgb = 0x3584e4;
  self->buffer = gtk_text_view_get_buffer (self->text_view);

  /* Later tags win: the cue over the evidence over the passage. */
  self->title_tag = gtk_text_buffer_create_tag (self->buffer, "title",
                                                "weight", PANGO_WEIGHT_BOLD,
                                                "scale", 1.3,
                                                "pixels-below-lines", 14,
                                                NULL);
  self->heading_tag = gtk_text_buffer_create_tag (self->buffer, "heading",
                                                  "weight", PANGO_WEIGHT_BOLD,
                                                  "pixels-above-lines", 12,
                                                  "pixels-below-lines", 6,
                                                  NULL);
  self->passage_tag = gtk_text_buffer_create_tag (self->buffer, "passage", NULL);
  self->evidence_tag = gtk_text_buffer_create_tag (self->buffer, "evidence", NULL);
  self->mention_tag = gtk_text_buffer_create_tag (self->buffer, "mention",
                                                  "weight", PANGO_WEIGHT_BOLD,
                                                  "underline", PANGO_UNDERLINE_SINGLE,
                                                  NULL);
  self->cue_tag = gtk_text_buffer_create_tag (self->buffer, "cue",
                                              "weight", PANGO_WEIGHT_BOLD,
                                              "underline", PANGO_UNDERLINE_SINGLE,
                                              NULL);
  update_tag_colors (self);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_click_released_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), motion);

  update_passage_label (self);
}

GtkWidget *
dm_article_view_new (void)
{
  return g_object_new (DM_TYPE_ARTICLE_VIEW, NULL);
}

void
dm_article_view_set_analysis (DmArticleView *self,
                              DmAnalysis    *analysis)
{
  g_return_if_fail (DM_IS_ARTICLE_VIEW (self));
  g_return_if_fail (analysis == NULL || DM_IS_ANALYSIS (analysis));

  if (!g_set_object (&self->analysis, analysis))
    return;

  fill_buffer (self);
  update_highlights (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

void
dm_article_view_set_selection (DmArticleView *self,
                               DmSelection   *selection)
{
  g_return_if_fail (DM_IS_ARTICLE_VIEW (self));
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

  update_highlights (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

void
dm_article_view_set_dark (DmArticleView *self,
                          gboolean       dark)
{
  g_return_if_fail (DM_IS_ARTICLE_VIEW (self));

  dark = !!dark;
  if (self->dark == dark)
    return;

  self->dark = dark;
  update_tag_colors (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

GtkTextBuffer *
dm_article_view_get_buffer (DmArticleView *self)
{
  g_return_val_if_fail (DM_IS_ARTICLE_VIEW (self), NULL);
  return self->buffer;
}

int
dm_article_view_get_document_start (DmArticleView *self,
                                    guint          doc)
{
  g_return_val_if_fail (DM_IS_ARTICLE_VIEW (self), 0);
  return doc_start (self, doc);
}

guint
dm_article_view_get_n_passages (DmArticleView *self)
{
  g_return_val_if_fail (DM_IS_ARTICLE_VIEW (self), 0);
  return self->passages->len;
}

gboolean
dm_article_view_next_passage (DmArticleView *self)
{
  g_return_val_if_fail (DM_IS_ARTICLE_VIEW (self), FALSE);
  return move_passage (self, 1);
}

gboolean
dm_article_view_previous_passage (DmArticleView *self)
{
  g_return_val_if_fail (DM_IS_ARTICLE_VIEW (self), FALSE);
  return move_passage (self, -1);
}

int
dm_article_view_get_cursor (DmArticleView *self)
{
  GtkTextIter iter;

  g_return_val_if_fail (DM_IS_ARTICLE_VIEW (self), 0);

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  return gtk_text_iter_get_offset (&iter);
}

void
dm_article_view_show_range (DmArticleView *self,
                            guint          doc,
                            glong          cstart,
                            glong          cend)
{
  int base;

  g_return_if_fail (DM_IS_ARTICLE_VIEW (self));

  base = doc_start (self, doc);
  for (guint i = 0; i < self->passages->len; i++)
    if (g_array_index (self->passages, Range, i).start == base + cstart)
      self->current = i;
  scroll_to_offset (self, base + cstart);
  update_passage_label (self);
}
