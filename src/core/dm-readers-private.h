/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-readers-private.h: what the document loader calls in its readers.
 *
 * dm-text-decoder.c turns bytes into clean UTF-8 and plain text into an
 * article (paragraphs, title, source line); dm-html-reader.c and
 * dm-json-reader.c build documents from HTML and JSON.  Every error they set
 * is in DM_LOAD_ERROR and its message already names the file.
 */
#pragma once

#include "dm-document.h"
#include "dm-document-loader.h"

G_BEGIN_DECLS

/* dm-text-decoder.c */

/* A short description ("PNG image", "NUL bytes") when @data is clearly not
 * text, else NULL.  A UTF-16/32 byte order mark makes NUL bytes legitimate. */
const char *dm_text_sniff_binary (const guint8 *data,
                                  gsize         size);

/* TRUE when @data starts with a UTF-16 or UTF-32 byte order mark. */
gboolean dm_text_has_wide_bom (const guint8 *data,
                               gsize         size);

/* Decodes @data (UTF-8 with or without BOM, UTF-16/32 with BOM, else
 * Windows-1252 or Latin-1) to UTF-8 without BOM. */
char *dm_text_decode (const guint8 *data,
                      gsize         size,
                      const char   *name,
                      gsize        *out_length,
                      GError      **error);

/* dm_text_decode() for the loader: the same text, as @bytes itself (less
 * its BOM) when it is already UTF-8, so that nothing is copied. */
GBytes *dm_text_decode_bytes (GBytes     *bytes,
                              const char *name,
                              GError    **error);

/* One line of clean text from any UTF-8 span: every kind of space and line
 * break becomes one space, invisible and control characters go, the ends are
 * trimmed.  For HTML text runs and metadata fields. */
char *dm_text_clean_inline (const char *text,
                            gssize      length);

typedef struct {
  char    *text;           /* one paragraph per line, no final newline */
  char    *title;          /* first line when it looks like a headline */
  char    *source;         /* from a "Source: X" line, removed from text */
  gboolean title_in_text;
} DmPlainText;

void dm_plain_text_clear (DmPlainText *plain);

/* Normalizes a plain-text article (valid UTF-8).  Returns FALSE when no text
 * is left. */
gboolean dm_plain_text_parse (const char  *utf8,
                              gsize        length,
                              DmPlainText *plain);

/* dm-html-reader.c */

/* Builds one document from HTML bytes in any encoding. */
DmDocument *dm_html_read (const guint8 *data,
                          gsize         size,
                          const char   *name,
                          const char   *id,
                          GError      **error);

/* The text of an HTML fragment (a feed item's description), one paragraph
 * a line, as dm_html_read() reads a page's body; NULL when it has none. */
char *dm_html_fragment_to_text (const char *utf8,
                                gsize       length);

/* dm-feed-reader.c */

/* Whether @data (raw bytes) opens like an RSS or Atom feed: an optional
 * XML declaration and comments, then <rss, <feed or <rdf:RDF. */
gboolean dm_feed_looks_like_feed (const guint8 *data,
                                  gsize         size);

/* One document per item (RSS 2.0) or entry (Atom), "@id#N" in feed order;
 * the feed's title is each one's source. */
GPtrArray *dm_feed_read (const guint8 *data,
                         gsize         size,
                         const char   *name,
                         const char   *id,
                         GError      **error);

/* dm-json-reader.c */

/* Documents from one article object or an array of them.  @id names a single
 * article; array items get "@id#N". */
GPtrArray *dm_json_read (const char *utf8,
                         gsize       length,
                         const char *name,
                         const char *id,
                         GError    **error);

/* JSON Lines: one article object a line, "@id#N" with N the line number;
 * blank lines are allowed.  A bad line fails the file, naming the line. */
GPtrArray *dm_jsonl_read (const char *utf8,
                          gsize       length,
                          const char *name,
                          const char *id,
                          GError    **error);

/* Whether @utf8 (leading space skipped) opens like a JSON article: "{" then
 * a member name, or "[" then an object.  Sniffing uses it to tell malformed
 * JSON from text that merely starts with a bracket. */
gboolean dm_json_looks_like_json (const char *utf8,
                                  gsize       length);

G_END_DECLS
