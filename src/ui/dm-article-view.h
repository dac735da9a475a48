/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-article-view.h: the article as read-only text, with the selected
 * actor's mentions and passages (or the selected link's evidence and cues)
 * highlighted, and Next/Previous passage. */
#pragma once

#include <gtk/gtk.h>

#include "dm-analysis.h"
#include "dm-selection.h"

G_BEGIN_DECLS

#define DM_TYPE_ARTICLE_VIEW (dm_article_view_get_type ())
G_DECLARE_FINAL_TYPE (DmArticleView, dm_article_view, DM, ARTICLE_VIEW, GtkWidget)

GtkWidget     *dm_article_view_new               (void);
void           dm_article_view_set_analysis      (DmArticleView *self,
                                                  DmAnalysis    *analysis);
void           dm_article_view_set_selection     (DmArticleView *self,
                                                  DmSelection   *selection);
/* Tag colours for a dark background. */
void           dm_article_view_set_dark          (DmArticleView *self,
                                                  gboolean       dark);

GtkTextBuffer *dm_article_view_get_buffer        (DmArticleView *self);
/* Character offset in the buffer where document @doc's text starts (with
 * several documents each one follows its heading). */
int            dm_article_view_get_document_start (DmArticleView *self,
                                                   guint          doc);

/* Passages: the sentences that mention the selected actor, or the evidence
 * of the selected link.  Moving places the cursor at the start of the
 * next (previous) passage after (before) the cursor, wrapping around, and
 * scrolls to it; FALSE when there are none. */
guint          dm_article_view_get_n_passages    (DmArticleView *self);
gboolean       dm_article_view_next_passage      (DmArticleView *self);
gboolean       dm_article_view_previous_passage  (DmArticleView *self);
/* Buffer character offset of the cursor. */
int            dm_article_view_get_cursor        (DmArticleView *self);

/* Scrolls to characters [@cstart, @cend) of document @doc and places the
 * cursor there (an evidence row was activated). */
void           dm_article_view_show_range        (DmArticleView *self,
                                                  guint          doc,
                                                  glong          cstart,
                                                  glong          cend);

G_END_DECLS
