/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-segmenter.h: paragraphs and sentences with exact byte offsets. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  gsize start;
  gsize end;
} DmParagraph;

typedef struct {
  gsize    start;     /* byte offset of the first character */
  gsize    end;       /* byte offset past the last character, trailing space excluded */
  guint    paragraph; /* index into the paragraph array */
  gboolean is_title;  /* the document's title line */
} DmSentence;

/* Appends to @paragraphs (DmParagraph) and @sentences (DmSentence).
 * @title_in_text: the first paragraph is the title. */
void dm_segment_text (const char *text,
                      gsize       length,
                      gboolean    title_in_text,
                      GArray     *paragraphs,
                      GArray     *sentences);

G_END_DECLS
