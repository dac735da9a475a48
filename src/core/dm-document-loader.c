/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-document-loader.c: from a path, a folder, a file, bytes or pasted text
 * to documents.
 *
 * The loader does the input side (size check before reading, bounded reads
 * from files and standard input), refuses what is not an article (binary
 * data, empty files) and picks the reader by extension or by content.  Its
 * errors are one line that names the input and the reason, because they are
 * shown as they are on the command line and in the window.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-date.h"
#include "dm-document-loader.h"
#include "dm-readers-private.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <unistd.h>
#endif

#define READ_CHUNK (64 * 1024)

G_DEFINE_QUARK (dm-load-error-quark, dm_load_error)

/* "file is 70.0 MB, over the 64 MiB limit": not g_format_size(), whose
 * translated text and no-break space do not belong in a one-line error that
 * scripts may parse. */
static char *
describe_limit_excess (guint64 size)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean giga = size >= G_GUINT64_CONSTANT (1000000000);

  g_ascii_formatd (number, sizeof number, "%.1f", (double) size / (giga ? 1e9 : 1e6));

  /* Translators: "file is 70.0 MB, over the 64 MiB limit"; the second %s
   * is GB or MB */
  return g_strdup_printf (_("file is %s %s, over the %u MiB limit"), number, giga ? _("GB") : _("MB"),
                          (guint) (DM_MAX_INPUT_SIZE / (1024 * 1024)));
}

/* The id of a document: the file name without directory and extension. */
static char *
make_id (const char *name)
{
  g_autofree char *base = NULL;
  char *dot;

  if (name == NULL || *name == '\0')
    return g_strdup ("text");
  if (g_str_equal (name, "<stdin>"))
    return g_strdup ("stdin");

  base = g_path_get_basename (name);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_steal_pointer (&base);
}

static DmDocumentFormat
format_from_extension (const char *name)
{
  const char *dot = name != NULL ? strrchr (name, '.') : NULL;

  if (dot == NULL || strchr (dot, '/') != NULL)
    return DM_FORMAT_AUTO;

  if (g_ascii_strcasecmp (dot, ".txt") == 0 || g_ascii_strcasecmp (dot, ".text") == 0)
    return DM_FORMAT_TEXT;
  if (g_ascii_strcasecmp (dot, ".html") == 0 || g_ascii_strcasecmp (dot, ".htm") == 0
      || g_ascii_strcasecmp (dot, ".xhtml") == 0)
    return DM_FORMAT_HTML;
  if (g_ascii_strcasecmp (dot, ".json") == 0)
    return DM_FORMAT_JSON;
  if (g_ascii_strcasecmp (dot, ".jsonl") == 0 || g_ascii_strcasecmp (dot, ".ndjson") == 0)
    return DM_FORMAT_JSON_LINES;
  if (g_ascii_strcasecmp (dot, ".rss") == 0 || g_ascii_strcasecmp (dot, ".atom") == 0)
    return DM_FORMAT_FEED;

  /* .xml may be a feed or XHTML: sniffed */
  return DM_FORMAT_AUTO;
}

static gboolean
has_prefix_ci (const char *p,
               const char *end,
               const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && g_ascii_strncasecmp (p, prefix, n) == 0;
}

/* Sniffing looks at ASCII markup only, so the raw bytes do unless they are
 * UTF-16/32, in which case @utf8 (decoded) is used. */
static DmDocumentFormat
sniff_format (const char *data,
              gsize       size)
{
  static const char *const html_openings[] = {
    "<!doctype html", "<html", "<head", "<body", "<p>", "<p ", "<div", "<article",
    "<h1", "<h2", "<meta", "<title", "<!--", "<?xml",
  };
  const char *p = data;
  const char *end = data + size;

  if (size >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;

  if (p < end && (*p == '{' || *p == '['))
    return DM_FORMAT_JSON;

  for (guint k = 0; k < G_N_ELEMENTS (html_openings); k++)
    if (has_prefix_ci (p, end, html_openings[k]))
      return DM_FORMAT_HTML;

  return DM_FORMAT_TEXT;
}

static GPtrArray *
load_text (const char *utf8,
           gsize       length,
           const char *name,
           GError    **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *id = make_id (name);
  DmPlainText plain;

  if (!dm_plain_text_parse (utf8, length, &plain))
    {
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_EMPTY,
                   _("%s: no text (the input is empty or only white space)"), name);
      return NULL;
    }

  /* The parser's buffer has room to spare: cut to the text (in place),
   * then handed over rather than copied. */
  plain.text = g_realloc (plain.text, strlen (plain.text) + 1);
  g_ptr_array_add (documents, dm_document_new_take_text (id, plain.title, plain.source, NULL, NULL,
                                                         g_steal_pointer (&plain.text), plain.title_in_text));
  dm_plain_text_clear (&plain);

  return g_steal_pointer (&documents);
}

static GPtrArray *
read_bytes (GBytes          *bytes,
            const char      *name,
            DmDocumentFormat format,
            GError         **error)
{
  g_autoptr(GBytes) decoded = NULL;
  g_autofree char *id = NULL;
  const guint8 *data;
  const char *utf8;
  const char *binary;
  gsize size = 0;
  gsize length = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = "<data>";

  data = g_bytes_get_data (bytes, &size);

  if (size == 0)
    {
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_EMPTY, _("%s: empty file"), name);
      return NULL;
    }

  if (size > DM_MAX_INPUT_SIZE)
    {
      g_autofree char *reason = describe_limit_excess (size);

      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_TOO_LARGE, "%s: %s", name, reason);
      return NULL;
    }

  binary = dm_text_sniff_binary (data, size);
  if (binary != NULL)
    {
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_BINARY,
                   _("%s: binary data (%s), not an article"), name, _(binary));
      return NULL;
    }

  if (format == DM_FORMAT_AUTO)
    format = format_from_extension (name);

  id = make_id (name);

  /* A feed goes to libxml2 undecoded too: its XML declaration says how. */
  if (format == DM_FORMAT_FEED
      || (format == DM_FORMAT_AUTO && dm_feed_looks_like_feed (data, size)))
    return dm_feed_read (data, size, name, id, error);

  /* HTML goes to libxml2 undecoded: the page may declare its charset. */
  if (format == DM_FORMAT_HTML
      || (format == DM_FORMAT_AUTO && !dm_text_has_wide_bom (data, size)
          && sniff_format ((const char *) data, size) == DM_FORMAT_HTML))
    {
      g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
      DmDocument *document = dm_html_read (data, size, name, id, error);

      if (document == NULL)
        return NULL;
      g_ptr_array_add (documents, document);
      return g_steal_pointer (&documents);
    }

  decoded = dm_text_decode_bytes (bytes, name, error);
  if (decoded == NULL)
    return NULL;
  utf8 = g_bytes_get_data (decoded, &length);
  if (utf8 == NULL) /* what GBytes may give for no data */
    utf8 = "";

  if (format == DM_FORMAT_AUTO)
    {
      format = sniff_format (utf8, length);

      if (format == DM_FORMAT_HTML)
        {
          g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
          DmDocument *document = dm_html_read ((const guint8 *) utf8, length, name, id, error);

          if (document == NULL)
            return NULL;
          g_ptr_array_add (documents, document);
          return g_steal_pointer (&documents);
        }

      /* "[Update] Armenia and ..." is text; '{"title": ...' that fails to
       * parse is broken JSON and deserves the parser's line and column. */
      if (format == DM_FORMAT_JSON)
        {
          g_autoptr(GError) json_error = NULL;
          GPtrArray *documents = dm_json_read (utf8, length, name, id, &json_error);

          if (documents != NULL)
            return documents;
          if (!g_error_matches (json_error, DM_LOAD_ERROR, DM_LOAD_ERROR_MALFORMED)
              || dm_json_looks_like_json (utf8, length))
            {
              g_propagate_error (error, g_steal_pointer (&json_error));
              return NULL;
            }
          format = DM_FORMAT_TEXT;
        }
    }

  if (format == DM_FORMAT_JSON)
    return dm_json_read (utf8, length, name, id, error);
  if (format == DM_FORMAT_JSON_LINES)
    return dm_jsonl_read (utf8, length, name, id, error);

  return load_text (utf8, length, name, error);
}

/* Every date made a day; a document without one gets its dateline's.
 * Here rather than in each reader, so that every format gets the same
 * rules. */
static void
settle_dates (GPtrArray *documents,
              GDateTime *reference)
{
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      DmDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *day = dm_date_normalize (dm_document_get_date (document));

      if (day == NULL)
        day = dm_date_find_dateline (dm_document_get_text (document),
                                     dm_document_get_length (document), reference);
      dm_document_set_date (document, day);
    }
}

static GPtrArray *
load_bytes (GBytes          *bytes,
            const char      *name,
            DmDocumentFormat format,
            GDateTime       *reference,
            GError         **error)
{
  GPtrArray *documents = read_bytes (bytes, name, format, error);

  settle_dates (documents, reference);
  return documents;
}

GPtrArray *
dm_load_documents_from_bytes (GBytes          *bytes,
                              const char      *name,
                              DmDocumentFormat format,
                              GError         **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_bytes (bytes, name, format, NULL, error);
}

GPtrArray *
dm_load_documents_from_text (const char *text,
                             const char *name,
                             GError    **error)
{
  gsize length;
  const char *bad = NULL;
  GPtrArray *documents;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = _("pasted text");

  length = strlen (text);
  if (length > DM_MAX_INPUT_SIZE)
    {
      g_autofree char *reason = describe_limit_excess (length);

      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_TOO_LARGE, "%s: %s", name, reason);
      return NULL;
    }

  if (!g_utf8_validate_len (text, length, &bad))
    {
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_ENCODING,
                   _("%s: invalid UTF-8 at byte %lu"), name, (gulong) (bad - text));
      return NULL;
    }

  documents = load_text (text, length, name, error);
  settle_dates (documents, NULL);
  return documents;
}

/* Reads at most DM_MAX_INPUT_SIZE bytes: the size a file reported may be
 * stale, and a pipe reports none.  The buffer starts larger than
 * @size_hint, so that a file whose size was right is read without growing
 * it, and the last read, which finds the end, still has room.  Its size is
 * a power of two, so that when many files are loaded, each one's buffer
 * fits where the previous one was freed: a buffer a few bytes too large for
 * that place would take fresh memory, and touching fresh memory for the
 * first time is what loading many files costs most. */
static GBytes *
read_bounded (GInputStream *stream,
              gsize         size_hint,
              const char   *name,
              GCancellable *cancellable,
              GError      **error)
{
  gsize capacity = MIN ((gsize) 1 << g_bit_storage (MIN (size_hint, DM_MAX_INPUT_SIZE)),
                        DM_MAX_INPUT_SIZE + 1);
  g_autofree guint8 *data = g_malloc (capacity);
  gsize length = 0;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gssize n;

      if (length == capacity)
        {
          capacity = MIN (MAX (capacity * 2, READ_CHUNK), DM_MAX_INPUT_SIZE + 1);
          data = g_realloc (data, capacity);
        }

      n = g_input_stream_read (stream, data + length, capacity - length, cancellable,
                               &local_error);
      if (n < 0)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_UNREADABLE,
                         _("%s: cannot read: %s"), name, local_error->message);
          return NULL;
        }

      if (n == 0)
        break;
      length += n;

      if (length > DM_MAX_INPUT_SIZE)
        {
          g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_TOO_LARGE,
                       _("%s: input is over the %u MiB limit"), name,
                       (guint) (DM_MAX_INPUT_SIZE / (1024 * 1024)));
          return NULL;
        }
    }

  return g_bytes_new_take (g_steal_pointer (&data), length);
}

static GPtrArray *
load_file (GFile        *file,
           const char   *name,
           GCancellable *cancellable,
           GError      **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE
                            "," G_FILE_ATTRIBUTE_TIME_MODIFIED,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_NOT_FOUND, _("%s: No such file"), name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
        g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_NOT_FOUND,
                     _("%s: No such file (a parent is not a folder)"), name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_UNREADABLE,
                     _("%s: cannot read: %s"), name, local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_IS_DIRECTORY,
                   _("%s: is a folder, not an article"), name);
      return NULL;
    }

  /* Before reading: a 2 GB video dropped by mistake must not be loaded. */
  if ((guint64) g_file_info_get_size (info) > DM_MAX_INPUT_SIZE)
    {
      g_autofree char *reason = describe_limit_excess (g_file_info_get_size (info));

      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_TOO_LARGE, "%s: %s", name, reason);
      return NULL;
    }

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_UNREADABLE,
                     _("%s: Permission denied"), name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_IS_DIRECTORY,
                     _("%s: is a folder, not an article"), name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_NOT_FOUND, _("%s: No such file"), name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_UNREADABLE,
                     _("%s: cannot read: %s"), name, local_error->message);
      return NULL;
    }

  bytes = read_bounded (G_INPUT_STREAM (stream), g_file_info_get_size (info), name, cancellable,
                        error);
  if (bytes == NULL)
    return NULL;

  /* A yearless dateline is dated from the file's time (dm-date.h). */
  {
    g_autoptr(GDateTime) modified = g_file_info_get_modification_date_time (info);

    return load_bytes (bytes, name, DM_FORMAT_AUTO, modified, error);
  }
}

/* stdio rather than a GUnixInputStream: it works everywhere and the core
 * library needs no gio-unix. */
static GPtrArray *
load_stdin (GError **error)
{
  const char *name = "<stdin>";
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *chunk = g_malloc (READ_CHUNK);
  size_t n;

  while ((n = fread (chunk, 1, READ_CHUNK, stdin)) > 0)
    {
      g_byte_array_append (buffer, chunk, n);
      if (buffer->len > DM_MAX_INPUT_SIZE)
        {
          g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_TOO_LARGE,
                       _("%s: input is over the %u MiB limit"), name,
                       (guint) (DM_MAX_INPUT_SIZE / (1024 * 1024)));
          return NULL;
        }
    }

  if (ferror (stdin))
    {
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_UNREADABLE,
                   _("%s: cannot read: %s"), name, g_strerror (errno));
      clearerr (stdin);
      return NULL;
    }
  clearerr (stdin);

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
  return load_bytes (bytes, name, DM_FORMAT_AUTO, NULL, error);
}

/* ---- folders ---------------------------------------------------------- */

/* Deeper than any archive of articles is nested; what lies below is
 * reported, not read, so that a deep tree costs bounded stack. */
#define MAX_FOLDER_DEPTH 64

static const char *const article_extensions[] = {
  ".txt", ".html", ".htm", ".json", ".jsonl", ".rss", ".atom", ".xml",
};

static gboolean
has_article_extension (const char *name)
{
  const char *dot = strrchr (name, '.');

  if (dot == NULL || dot == name)
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (article_extensions); k++)
    if (g_ascii_strcasecmp (dot, article_extensions[k]) == 0)
      return TRUE;
  return FALSE;
}

static void
add_skipped (GPtrArray *skipped,
             GError    *error)
{
  if (skipped != NULL)
    g_ptr_array_add (skipped, error);
  else
    {
      g_debug ("%s", error->message);
      g_error_free (error);
    }
}

static void
skip_errno (GPtrArray  *skipped,
            const char *path,
            int         saved_errno)
{
  if (saved_errno == EACCES || saved_errno == EPERM)
    add_skipped (skipped, g_error_new (DM_LOAD_ERROR, DM_LOAD_ERROR_UNREADABLE,
                                       _("%s: Permission denied"), path));
  else if (saved_errno == ENOENT)
    add_skipped (skipped, g_error_new (DM_LOAD_ERROR, DM_LOAD_ERROR_NOT_FOUND,
                                       _("%s: No such file (a broken link?)"), path));
  else if (saved_errno == ELOOP)
    add_skipped (skipped, g_error_new (DM_LOAD_ERROR, DM_LOAD_ERROR_UNREADABLE,
                                       _("%s: symbolic link loop, skipped"), path));
  else
    add_skipped (skipped, g_error_new (DM_LOAD_ERROR, DM_LOAD_ERROR_UNREADABLE,
                                       _("%s: cannot read: %s"), path, g_strerror (saved_errno)));
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Adds the article files under @dir to @files.  @visited holds the device
 * and inode of every folder entered: a folder met again (a link to an
 * ancestor, or two links to one folder) is reported and not entered. */
static void
collect_folder (const char   *dir,
                guint         depth,
                GHashTable   *visited,
                GPtrArray    *files,
                GPtrArray    *skipped,
                GCancellable *cancellable)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) handle = NULL;
  const char *entry;

  if (depth > MAX_FOLDER_DEPTH)
    {
      add_skipped (skipped, g_error_new (DM_LOAD_ERROR, DM_LOAD_ERROR_UNREADABLE,
                                         _("%s: folders nested more than %u deep, skipped"), dir,
                                         (guint) MAX_FOLDER_DEPTH));
      return;
    }

  handle = g_dir_open (dir, 0, &local_error);
  if (handle == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ACCES)
          || g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_PERM))
        skip_errno (skipped, dir, EACCES);
      else
        add_skipped (skipped, g_error_new (DM_LOAD_ERROR, DM_LOAD_ERROR_UNREADABLE,
                                           _("%s: cannot read: %s"), dir, local_error->message));
      return;
    }

  while ((entry = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf info;

      if (g_cancellable_is_cancelled (cancellable))
        return;

      /* .git, editors' backups, macOS's ._ files: never articles */
      if (entry[0] == '.')
        continue;

      path = g_build_filename (dir, entry, NULL);
      if (g_stat (path, &info) != 0)
        {
          int saved_errno = errno;
          GStatBuf link_info;

          /* A dangling link to something that is not an article is no
           * loss worth a line. */
          if (saved_errno == ENOENT && g_lstat (path, &link_info) == 0 && !has_article_extension (entry))
            continue;
          skip_errno (skipped, path, saved_errno);
          continue;
        }

      if (S_ISDIR (info.st_mode))
        {
          g_autofree char *key = g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                                                  (guint64) info.st_dev, (guint64) info.st_ino);
          const char *first = g_hash_table_lookup (visited, key);

          if (first != NULL)
            {
              add_skipped (skipped, g_error_new (DM_LOAD_ERROR, DM_LOAD_ERROR_IS_DIRECTORY,
                                                 _("%s: leads to %s, a folder already read (a symbolic link loop?), skipped"),
                                                 path, first));
              continue;
            }
          g_hash_table_insert (visited, g_steal_pointer (&key), g_strdup (path));
          collect_folder (path, depth + 1, visited, files, skipped, cancellable);
        }
      else if (S_ISREG (info.st_mode) && has_article_extension (entry))
        g_ptr_array_add (files, g_steal_pointer (&path));
    }
}

static GPtrArray *
load_folder (const char   *path,
             GPtrArray    *skipped,
             GCancellable *cancellable,
             GError      **error)
{
  g_autoptr(GHashTable) visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  GStatBuf info;
  guint n_bad = 0;

  if (g_stat (path, &info) == 0)
    g_hash_table_insert (visited,
                         g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                                          (guint64) info.st_dev, (guint64) info.st_ino),
                         g_strdup (path));

  if (g_access (path, R_OK | X_OK) != 0)
    {
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_UNREADABLE, _("%s: Permission denied"), path);
      return NULL;
    }

  collect_folder (path, 1, visited, files, skipped, cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* By path, so that the documents and their ids come in the same order
   * on every machine, whatever order the file system lists them in. */
  g_ptr_array_sort (files, compare_paths);

  for (guint i = 0; i < files->len; i++)
    {
      const char *file_path = g_ptr_array_index (files, i);
      g_autoptr(GFile) file = g_file_new_for_path (file_path);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GPtrArray) loaded = load_file (file, file_path, cancellable, &local_error);

      if (loaded == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          add_skipped (skipped, g_steal_pointer (&local_error));
          n_bad++;
          continue;
        }
      g_ptr_array_extend_and_steal (documents, g_steal_pointer (&loaded));
    }

  if (documents->len == 0)
    {
      if (files->len == 0)
        g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_EMPTY,
                     _("%s: no article file in the folder"), path);
      else
        g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_EMPTY,
                     _("%s: none of the %u article files in the folder could be read"), path,
                     n_bad);
      return NULL;
    }

  return g_steal_pointer (&documents);
}

GPtrArray *
dm_load_documents_from_path_full (const char   *path,
                                  GPtrArray    *skipped,
                                  GCancellable *cancellable,
                                  GError      **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_str_equal (path, "-"))
    return load_stdin (error);

  if (*path == '\0')
    {
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_NOT_FOUND, _("\"\": No such file"));
      return NULL;
    }

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return load_folder (path, skipped, cancellable, error);

  /* A path, never a URI: loading must not reach the network. */
  file = g_file_new_for_path (path);

  return load_file (file, path, cancellable, error);
}

GPtrArray *
dm_load_documents_from_path (const char *path,
                             GError    **error)
{
  return dm_load_documents_from_path_full (path, NULL, NULL, error);
}

GPtrArray *
dm_load_documents_from_file (GFile        *file,
                             GCancellable *cancellable,
                             GError      **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);

  return load_file (file, name, cancellable, error);
}

void
dm_documents_make_ids_unique (GPtrArray *documents)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < documents->len; i++)
    {
      DmDocument *document = g_ptr_array_index (documents, i);
      const char *id = dm_document_get_id (document);
      g_autofree char *unique = NULL;

      if (id == NULL || *id == '\0')
        id = "document";

      unique = g_strdup (id);
      for (guint n = 2; g_hash_table_contains (used, unique); n++)
        {
          g_free (unique);
          unique = g_strdup_printf ("%s-%u", id, n);
        }

      if (g_strcmp0 (unique, dm_document_get_id (document)) != 0)
        dm_document_set_id (document, unique);
      g_hash_table_add (used, g_steal_pointer (&unique));
    }
}
