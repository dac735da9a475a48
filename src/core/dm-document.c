/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-document.c: one article and its normalized text.
 *
 * Besides holding the metadata, a document converts byte offsets (what the
 * program uses) into character offsets (what the exchange formats use).  The
 * analysis asks for offsets in increasing order, millions of times on a big
 * text, so the conversion keeps a checkpoint to walk forward from and a sparse
 * index (one count every 4 KiB, built lazily) for jumps and backward steps.
 */
#include "config.h"

#include "dm-document.h"

#include <string.h>

#define INDEX_STRIDE 4096

struct _DmDocument
{
  GObject parent_instance;

  char    *id;
  char    *title;
  char    *source;
  char    *date;
  char    *url;
  const char *language; /* interned */
  char    *text;
  gsize    length;
  gboolean title_in_text;

  /* The offset cache is mutable state behind an immutable object: a mutex
   * keeps dm_document_char_offset() safe when views and workers share it. */
  GMutex  offset_lock;
  GArray *index;       /* glong: characters before byte k * INDEX_STRIDE */
  gsize   cache_byte;
  glong   cache_char;
};

G_DEFINE_FINAL_TYPE (DmDocument, dm_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SOURCE,
  PROP_DATE,
  PROP_URL,
  PROP_LANGUAGE,
  PROP_TEXT,
  PROP_TITLE_IN_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dm_document_finalize (GObject *object)
{
  DmDocument *self = DM_DOCUMENT (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->source);
  g_free (self->date);
  g_free (self->url);
  g_free (self->text);
  g_clear_pointer (&self->index, g_array_unref);
  g_mutex_clear (&self->offset_lock);

  G_OBJECT_CLASS (dm_document_parent_class)->finalize (object);
}

static void
dm_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DmDocument *self = DM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, dm_document_get_language (self));
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_TITLE_IN_TEXT:
      g_value_set_boolean (value, self->title_in_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DmDocument *self = DM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (self->id);
      self->id = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      break;
    case PROP_SOURCE:
      g_free (self->source);
      self->source = g_value_dup_string (value);
      break;
    case PROP_DATE:
      g_free (self->date);
      self->date = g_value_dup_string (value);
      break;
    case PROP_URL:
      g_free (self->url);
      self->url = g_value_dup_string (value);
      break;
    case PROP_LANGUAGE:
      /* NULL: detected from the text when first asked for */
      self->language = g_value_get_string (value) && *g_value_get_string (value)
                       ? g_intern_string (g_value_get_string (value)) : NULL;
      break;
    case PROP_TEXT:
      g_free (self->text);
      /* Every offset points into the text, so it is never NULL. */
      self->text = g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
      self->length = strlen (self->text);
      break;
    case PROP_TITLE_IN_TEXT:
      self->title_in_text = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_document_class_init (DmDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                            | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dm_document_finalize;
  object_class->get_property = dm_document_get_property;
  object_class->set_property = dm_document_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_TITLE_IN_TEXT] =
    g_param_spec_boolean ("title-in-text", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dm_document_init (DmDocument *self)
{
  g_mutex_init (&self->offset_lock);
  self->text = g_strdup ("");
}

DmDocument *
dm_document_new (const char *id,
                 const char *title,
                 const char *source,
                 const char *date,
                 const char *url,
                 const char *text,
                 gboolean    title_in_text)
{
  return dm_document_new_take_text (id, title, source, date, url, g_strdup (text ? text : ""), title_in_text);
}

DmDocument *
dm_document_new_with_language (const char *id,
                               const char *title,
                               const char *source,
                               const char *date,
                               const char *url,
                               const char *language,
                               const char *text,
                               gboolean    title_in_text)
{
  DmDocument *self = dm_document_new (id, title, source, date, url, text, title_in_text);

  self->language = language && *language ? g_intern_string (language) : NULL;
  return self;
}

DmDocument *
dm_document_new_take_text (const char *id,
                           const char *title,
                           const char *source,
                           const char *date,
                           const char *url,
                           char       *text,
                           gboolean    title_in_text)
{
  DmDocument *self;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (DM_TYPE_DOCUMENT,
                       "id", id,
                       "title", title,
                       "source", source,
                       "date", date,
                       "url", url,
                       "title-in-text", title_in_text,
                       NULL);
  g_free (self->text);
  self->text = text;
  self->length = strlen (text);
  return self;
}

const char *
dm_document_get_id (DmDocument *self)
{
  g_return_val_if_fail (DM_IS_DOCUMENT (self), NULL);
  return self->id;
}

const char *
dm_document_get_title (DmDocument *self)
{
  g_return_val_if_fail (DM_IS_DOCUMENT (self), NULL);
  return self->title;
}

const char *
dm_document_get_source (DmDocument *self)
{
  g_return_val_if_fail (DM_IS_DOCUMENT (self), NULL);
  return self->source;
}

const char *
dm_document_get_date (DmDocument *self)
{
  g_return_val_if_fail (DM_IS_DOCUMENT (self), NULL);
  return self->date;
}

const char *
dm_document_get_url (DmDocument *self)
{
  g_return_val_if_fail (DM_IS_DOCUMENT (self), NULL);
  return self->url;
}

const char *
dm_document_get_text (DmDocument *self)
{
  g_return_val_if_fail (DM_IS_DOCUMENT (self), NULL);
  return self->text;
}

/* Letters only: digits, punctuation and the Latin of URLs and agency
 * names in a Russian article would otherwise dilute the share. */
const char *
dm_detect_language (const char *text,
                    gsize       length)
{
  const char *p = text, *end;
  gsize latin = 0, cyrillic = 0, armenian = 0, georgian = 0, letters;

  g_return_val_if_fail (text != NULL || length == 0, "en");

  end = text + MIN (length, 65536);
  while (p < end)
    {
      guchar c = (guchar) *p;
      gunichar ch;

      if (c < 0x80)
        {
          latin += g_ascii_isalpha (c) != 0;
          p++;
          continue;
        }
      ch = g_utf8_get_char_validated (p, end - p);
      if (ch == (gunichar) -1 || ch == (gunichar) -2)
        break;
      if (ch >= 0x0400 && ch <= 0x04FF)
        cyrillic++;
      else if (ch >= 0x0530 && ch <= 0x058F)
        armenian++;
      else if (ch >= 0x10A0 && ch <= 0x10FF)
        georgian++;
      else if (g_unichar_isalpha (ch) && ch < 0x0250)
        latin++;
      p = g_utf8_next_char (p);
    }

  letters = latin + cyrillic + armenian + georgian;
  if (letters == 0)
    return g_intern_static_string ("en");
  if (cyrillic * 3 >= letters)
    return g_intern_static_string ("ru");
  if (armenian * 3 >= letters)
    return g_intern_static_string ("hy");
  if (georgian * 3 >= letters)
    return g_intern_static_string ("ka");
  return g_intern_static_string ("en");
}

/* Detected on first use, not at construction: a loader that is told the
 * language never pays for the scan.  The result is an interned string,
 * so a race between two threads stores the same pointer. */
const char *
dm_document_get_language (DmDocument *self)
{
  g_return_val_if_fail (DM_IS_DOCUMENT (self), NULL);

  if (self->language == NULL)
    self->language = dm_detect_language (self->text, self->length);
  return self->language;
}

gsize
dm_document_get_length (DmDocument *self)
{
  g_return_val_if_fail (DM_IS_DOCUMENT (self), 0);
  return self->length;
}

gboolean
dm_document_get_title_in_text (DmDocument *self)
{
  g_return_val_if_fail (DM_IS_DOCUMENT (self), FALSE);
  return self->title_in_text;
}

/* The analysis renames documents to keep ids unique across files; that is
 * the one change a document allows after construction. */
void
dm_document_set_id (DmDocument *self,
                    const char *id)
{
  g_return_if_fail (DM_IS_DOCUMENT (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
dm_document_set_date (DmDocument *self,
                      const char *date)
{
  g_return_if_fail (DM_IS_DOCUMENT (self));

  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/* Characters that start in text[from, to): every byte that is not a
 * continuation byte (10xxxxxx) starts one, which also holds for ranges
 * that start or end mid-character, so the index can use fixed strides.
 * Eight bytes at a time, counting the continuation bytes of each word at
 * once: the writers and the article view ask for millions of offsets. */
static glong
count_chars (const char *text,
             gsize       from,
             gsize       to)
{
  const guchar *p = (const guchar *) text + from;
  const guchar *end = (const guchar *) text + to;
  gsize continuation = 0;

  while (end - p >= 8)
    {
      guint64 word, flags;

      memcpy (&word, p, 8);
      /* 0x80 in each byte whose top bits are 10 */
      flags = word & ~(word << 1) & G_GUINT64_CONSTANT (0x8080808080808080);
      /* the eight flags, now 0 or 1 a byte, summed into the top byte */
      continuation += ((flags >> 7) * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56;
      p += 8;
    }
  for (; p < end; p++)
    continuation += (*p & 0xC0) == 0x80;

  return (glong) ((to - from) - continuation);
}

static glong
indexed_chars (DmDocument *self,
               gsize       block)
{
  if (self->index == NULL)
    {
      glong zero = 0;

      self->index = g_array_new (FALSE, FALSE, sizeof (glong));
      g_array_append_val (self->index, zero);
    }

  while (self->index->len <= block)
    {
      gsize k = self->index->len;
      glong n = g_array_index (self->index, glong, k - 1)
                + count_chars (self->text, (k - 1) * INDEX_STRIDE, k * INDEX_STRIDE);
      g_array_append_val (self->index, n);
    }

  return g_array_index (self->index, glong, block);
}

glong
dm_document_char_offset (DmDocument *self,
                         gsize       byte_offset)
{
  glong result;

  g_return_val_if_fail (DM_IS_DOCUMENT (self), -1);

  byte_offset = MIN (byte_offset, self->length);

  g_mutex_lock (&self->offset_lock);

  if (byte_offset >= self->cache_byte && byte_offset - self->cache_byte < INDEX_STRIDE)
    {
      result = self->cache_char + count_chars (self->text, self->cache_byte, byte_offset);
    }
  else
    {
      gsize block = byte_offset / INDEX_STRIDE;

      result = indexed_chars (self, block)
               + count_chars (self->text, block * INDEX_STRIDE, byte_offset);
    }

  self->cache_byte = byte_offset;
  self->cache_char = result;

  g_mutex_unlock (&self->offset_lock);

  return result;
}
