/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-segmenter.h: paragraphs and sentences with exact byte offsets. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Offsets are 32-bit, as in the analysis' records: a document is at most
 * DM_MAX_INPUT_SIZE (64 MiB), and a large corpus has millions of
 * sentences, whose records are fresh memory to fill. */
typedef struct {
  guint32 start;
  guint32 end;
} DmParagraph;

typedef struct {
  guint32 start;          /* byte offset of the first character */
  guint32 end;            /* byte offset past the last character, trailing space excluded */
  guint   paragraph : 31; /* index into the paragraph array */
  guint   is_title : 1;   /* the document's title line */
} DmSentence;

/* Appends to @paragraphs (DmParagraph) and @sentences (DmSentence).
 * @title_in_text: the first paragraph is the title.  @length is at most
 * G_MAXUINT32. */
void dm_segment_text (const char *text,
                      gsize       length,
                      gboolean    title_in_text,
                      GArray     *paragraphs,
                      GArray     *sentences);

G_END_DECLS
