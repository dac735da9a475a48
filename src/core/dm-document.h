/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-document.h: one article, its metadata and its normalized UTF-8 text.
 *
 * The text is what every offset in Diplomap points into: byte offsets inside
 * the program, Unicode character offsets in the exchange formats.  A document
 * never changes once made.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DM_TYPE_DOCUMENT (dm_document_get_type ())
G_DECLARE_FINAL_TYPE (DmDocument, dm_document, DM, DOCUMENT, GObject)

/* @text must be valid UTF-8 with LF line ends.  @title_in_text says the first
 * line of @text is the title (so headline case rules apply to it). */
DmDocument *dm_document_new (const char *id,
                             const char *title,
                             const char *source,
                             const char *date,
                             const char *url,
                             const char *text,
                             gboolean    title_in_text);

/* The same, taking @text (NUL-terminated, freed with g_free()) instead of
 * copying it: a loader hands over the text it built. */
DmDocument *dm_document_new_take_text (const char *id,
                                       const char *title,
                                       const char *source,
                                       const char *date,
                                       const char *url,
                                       char       *text,
                                       gboolean    title_in_text);

const char *dm_document_get_id (DmDocument *self);
const char *dm_document_get_title (DmDocument *self);
const char *dm_document_get_source (DmDocument *self);
const char *dm_document_get_date (DmDocument *self);
const char *dm_document_get_url (DmDocument *self);
/* The language of the text (ISO 639-1: "en", "ru", "hy", "ka"): the one
 * the loader was told (a JSON article's "language"), else the one its
 * letters show (dm_detect_language()).  Never NULL. */
const char *dm_document_get_language (DmDocument *self);
const char *dm_document_get_text (DmDocument *self);
gsize       dm_document_get_length (DmDocument *self);
gboolean    dm_document_get_title_in_text (DmDocument *self);
void        dm_document_set_id (DmDocument *self, const char *id);
/* For the loader, which finds a dateline in the text after the document is
 * made; @date is "YYYY-MM-DD" or NULL. */
void        dm_document_set_date (DmDocument *self, const char *date);

/* A document with the language given (NULL: detected from @text). */
DmDocument *dm_document_new_with_language (const char *id,
                                           const char *title,
                                           const char *source,
                                           const char *date,
                                           const char *url,
                                           const char *language,
                                           const char *text,
                                           gboolean    title_in_text);

/* The language of @text by the script of its letters (the first 64 KiB):
 * "ru" when Cyrillic letters are at least a third of them, "hy" for
 * Armenian, "ka" for Georgian, else "en", the language the analysis reads
 * by default.  An interned string. */
const char *dm_detect_language (const char *text, gsize length);

/* Character offset of a byte offset that lies on a character boundary.
 * Amortized O(1) for increasing offsets; any order is correct. */
glong dm_document_char_offset (DmDocument *self, gsize byte_offset);

G_END_DECLS
