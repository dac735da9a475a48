/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-document-loader.c: from a path, a file, bytes or pasted text to
 * documents.
 *
 * The loader does the input side (size check before reading, bounded reads
 * from files and standard input), refuses what is not an article (binary
 * data, empty files) and picks the reader by extension or by content.  Its
 * errors are one line that names the input and the reason, because they are
 * shown as they are on the command line and in the window.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-document-loader.h"
#include "dm-readers-private.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

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

GPtrArray *
dm_load_documents_from_bytes (GBytes          *bytes,
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

  return load_text (utf8, length, name, error);
}

GPtrArray *
dm_load_documents_from_text (const char *text,
                             const char *name,
                             GError    **error)
{
  gsize length;
  const char *bad = NULL;

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

  return load_text (text, length, name, error);
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
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
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

  return dm_load_documents_from_bytes (bytes, name, DM_FORMAT_AUTO, error);
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
  return dm_load_documents_from_bytes (bytes, name, DM_FORMAT_AUTO, error);
}

GPtrArray *
dm_load_documents_from_path (const char *path,
                             GError    **error)
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

  /* A path, never a URI: loading must not reach the network. */
  file = g_file_new_for_path (path);

  return load_file (file, path, NULL, error);
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
