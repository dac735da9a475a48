/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-document-loader.h: turn files, folders and bytes (plain text, HTML,
 * JSON, JSON Lines, RSS and Atom feeds) into documents, with a precise error
 * for anything that is not an article.  Every document's date is made an
 * ISO 8601 day ("2022-12-15") or NULL (dm-date.h). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DM_MAX_INPUT_SIZE ((gsize) 64 * 1024 * 1024)

#define DM_LOAD_ERROR (dm_load_error_quark ())
GQuark dm_load_error_quark (void);

typedef enum {
  DM_LOAD_ERROR_NOT_FOUND,
  DM_LOAD_ERROR_IS_DIRECTORY,
  DM_LOAD_ERROR_UNREADABLE,
  DM_LOAD_ERROR_EMPTY,
  DM_LOAD_ERROR_BINARY,
  DM_LOAD_ERROR_ENCODING,
  DM_LOAD_ERROR_MALFORMED,
  DM_LOAD_ERROR_TOO_LARGE,
} DmLoadError;

typedef enum {
  DM_FORMAT_AUTO,
  DM_FORMAT_TEXT,
  DM_FORMAT_HTML,
  DM_FORMAT_JSON,
  DM_FORMAT_JSON_LINES,
  DM_FORMAT_FEED,
} DmDocumentFormat;

/* Loads @path ("-" is standard input).  Returns a GPtrArray of DmDocument
 * (a JSON file or a feed may hold several), or NULL with @error set; the
 * message names the file and the reason.  A folder is read as
 * dm_load_documents_from_path_full() does, its skipped files unreported. */
GPtrArray *dm_load_documents_from_path (const char *path, GError **error);

/* The same; a folder is read recursively: every .txt, .html, .htm, .json,
 * .jsonl, .rss, .atom and .xml file inside (names starting with "." aside),
 * in the byte order of their paths, symbolic links followed but a folder
 * never read twice (so a link loop ends).  A file or folder inside that
 * cannot be read is skipped and, when @skipped is not NULL, appended to it
 * as a GError (DM_LOAD_ERROR) whose message names it and says why; the load
 * fails only when @path itself cannot be read or holds no article at all. */
GPtrArray *dm_load_documents_from_path_full (const char   *path,
                                             GPtrArray    *skipped,
                                             GCancellable *cancellable,
                                             GError      **error);

GPtrArray *dm_load_documents_from_file (GFile *file, GCancellable *cancellable, GError **error);

/* @name is used for ids and messages ("article.txt", "<stdin>"). */
GPtrArray *dm_load_documents_from_bytes (GBytes          *bytes,
                                         const char      *name,
                                         DmDocumentFormat format,
                                         GError         **error);

/* Gives documents that share an id (two "article.txt" from two folders)
 * distinct ids: "article", "article-2", …; an empty id becomes "document". */
void dm_documents_make_ids_unique (GPtrArray *documents);

/* Plain text already in memory (pasted text). */
GPtrArray *dm_load_documents_from_text (const char *text, const char *name, GError **error);

G_END_DECLS
