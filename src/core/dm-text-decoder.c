/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-text-decoder.c: from bytes to the clean UTF-8 text of an article.
 *
 * Three steps, shared by all readers: recognizing what is not text at all
 * (images, archives, NUL bytes), decoding (UTF-8, UTF-16/32 with a byte order
 * mark, else the Windows-1252 of old newsroom files), and normalizing plain
 * text into paragraphs, one per line, with the headline and the "Source:"
 * line recognized.  Everything downstream counts on that shape: LF only, no
 * blank lines, no invisible characters, one space between words.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-readers-private.h"

#include <string.h>

/* Lines longer than this are paragraphs, never the product of hard wrapping. */
#define MAX_WRAP_WIDTH 120
#define MIN_WRAP_WIDTH 50
#define MAX_TITLE_CHARS 200
#define MAX_SOURCE_CHARS 80

typedef struct {
  gsize        offset;
  gsize        length;
  const char  *bytes;
  const char  *what;
} Magic;

/* Formats people drop on the window by mistake; the name makes the error
 * message say what the file is instead of just "binary". */
static const Magic magics[] = {
  { 0, 8, "\x89PNG\r\n\x1a\n", N_("PNG image") },
  { 0, 3, "\xff\xd8\xff", N_("JPEG image") },
  { 0, 6, "GIF87a", N_("GIF image") },
  { 0, 6, "GIF89a", N_("GIF image") },
  { 0, 4, "II*\0", N_("TIFF image") },
  { 0, 4, "MM\0*", N_("TIFF image") },
  { 8, 4, "WEBP", N_("WebP image") },
  { 0, 5, "%PDF-", N_("PDF document") },
  { 0, 4, "%!PS", N_("PostScript document") },
  { 0, 5, "{\\rtf", N_("RTF document") },
  { 0, 4, "PK\x03\x04", N_("ZIP archive") },
  { 0, 4, "PK\x05\x06", N_("ZIP archive") },
  { 0, 8, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", N_("Microsoft Office document") },
  { 0, 2, "\x1f\x8b", N_("gzip archive") },
  { 0, 3, "BZh", N_("bzip2 archive") },
  { 0, 6, "\xfd" "7zXZ\0", N_("xz archive") },
  { 0, 4, "\x28\xb5\x2f\xfd", N_("zstd archive") },
  { 0, 6, "7z\xbc\xaf\x27\x1c", N_("7-Zip archive") },
  { 0, 6, "Rar!\x1a\x07", N_("RAR archive") },
  { 257, 5, "ustar", N_("tar archive") },
  { 0, 4, "\x7f" "ELF", N_("executable") },
  { 0, 16, "SQLite format 3\0", N_("SQLite database") },
  { 0, 4, "OggS", N_("Ogg media") },
  { 0, 3, "ID3", N_("MP3 audio") },
  { 4, 4, "ftyp", N_("MP4 media") },
  { 0, 4, "\x1a\x45\xdf\xa3", N_("Matroska media") },
  { 0, 4, "\0asm", N_("WebAssembly module") },
};

gboolean
dm_text_has_wide_bom (const guint8 *data,
                      gsize         size)
{
  return (size >= 2 && data[0] == 0xFF && data[1] == 0xFE)
         || (size >= 2 && data[0] == 0xFE && data[1] == 0xFF)
         || (size >= 4 && memcmp (data, "\0\0\xfe\xff", 4) == 0);
}

const char *
dm_text_sniff_binary (const guint8 *data,
                      gsize         size)
{
  gsize controls = 0;
  gsize sample;

  for (guint i = 0; i < G_N_ELEMENTS (magics); i++)
    {
      const Magic *m = &magics[i];

      if (size >= m->offset + m->length
          && memcmp (data + m->offset, m->bytes, m->length) == 0)
        return m->what;
    }

  /* UTF-16 and UTF-32 text is full of NUL bytes; its BOM vouches for it.
   * Without a BOM we do not guess: such files are rare and NUL-heavy. */
  if (dm_text_has_wide_bom (data, size))
    return NULL;

  if (memchr (data, '\0', size) != NULL)
    return N_("NUL bytes");

  /* Random bytes without NULs still show up as a mass of C0 controls. */
  sample = MIN (size, 4096);
  for (gsize i = 0; i < sample; i++)
    if ((data[i] < 0x20 && data[i] != '\t' && data[i] != '\n' && data[i] != '\r'
         && data[i] != '\f' && data[i] != '\v' && data[i] != 0x1b)
        || data[i] == 0x7f)
      controls++;

  if (controls * 10 > sample)
    return N_("control characters");

  return NULL;
}

static char *
convert_wide (const guint8 *data,
              gsize         size,
              gsize         bom_length,
              const char   *charset,
              const char   *name,
              gsize        *out_length,
              GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize bytes_read = 0;
  char *utf8;

  utf8 = g_convert ((const char *) data + bom_length, size - bom_length,
                    "UTF-8", charset, &bytes_read, out_length, &local_error);
  if (utf8 == NULL)
    {
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_ENCODING,
                   _("%s: invalid %s text at byte %lu"),
                   name, charset, (gulong) (bytes_read + bom_length));
      return NULL;
    }

  /* U+0000 would cut every C string we hand out. */
  if (memchr (utf8, '\0', *out_length) != NULL)
    {
      g_free (utf8);
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_BINARY,
                   _("%s: binary data (NUL characters), not an article"), name);
      return NULL;
    }

  return utf8;
}

/* Text that is mostly good UTF-8 with a few bad bytes is damaged UTF-8, not
 * Windows-1252: decoding it as the latter would turn every accented letter
 * into mojibake, so we report it instead. */
static gboolean
looks_like_damaged_utf8 (const guint8 *data,
                         gsize         size)
{
  gsize good = 0, bad = 0;
  gsize i = 0;

  while (i < size)
    {
      gsize n = g_utf8_skip[data[i]];
      gunichar ch;

      if (data[i] < 0x80)
        {
          i++;
          continue;
        }

      ch = n >= 2 && i + n <= size
           ? g_utf8_get_char_validated ((const char *) data + i, n)
           : (gunichar) -1;
      if (ch != (gunichar) -1 && ch != (gunichar) -2)
        {
          good++;
          i += n;
        }
      else
        {
          bad++;
          i++;
        }
    }

  return good > 0 && good >= bad;
}

/* For reading text eight bytes at a time: 1 in each byte, and each byte's
 * top bit. */
#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* Whether one of the eight bytes in @w is 0.  Exact as a yes or no. */
static inline gboolean
has_zero_byte (guint64 w)
{
  return ((w - ONES) & ~w & HIGHS) != 0;
}

/* g_utf8_validate_len(), with the ASCII between multi-byte characters
 * skipped eight bytes at a time.  A multi-byte character has no ASCII byte
 * in it, so validating each run of non-ASCII bytes on its own finds the
 * same first error. */
static gboolean
validate_utf8 (const char  *text,
               gsize        length,
               const char **bad)
{
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      const char *run;

      for (guint64 w; end - p >= 8; p += 8)
        {
          memcpy (&w, p, 8);
          if ((w & HIGHS) != 0 || has_zero_byte (w))
            break;
        }
      while (p < end && (guchar) *p < 0x80 && *p != '\0')
        p++;
      if (p == end)
        break;

      /* Like g_utf8_validate_len(), refuse NUL. */
      if (*p == '\0')
        {
          *bad = p;
          return FALSE;
        }

      for (run = p; p < end && (guchar) *p >= 0x80; p++)
        ;
      if (!g_utf8_validate_len (run, p - run, bad))
        return FALSE;
    }

  *bad = end;
  return TRUE;
}

/* Whether @data is valid UTF-8 after a UTF-8 byte order mark of @skip bytes,
 * if any: the common case, which needs no conversion.  When it is not and
 * has no UTF-16/32 byte order mark, @bad is its first invalid byte. */
static gboolean
is_utf8 (const guint8 *data,
         gsize         size,
         gsize        *skip,
         const char  **bad)
{
  *skip = 0;
  *bad = NULL;

  if (dm_text_has_wide_bom (data, size))
    return FALSE;

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    *skip = 3;

  return validate_utf8 ((const char *) data + *skip, size - *skip, bad);
}

/* Decodes what is_utf8() refused: UTF-16/32 with a byte order mark, else
 * Windows-1252 unless it is damaged UTF-8. */
static char *
decode_non_utf8 (const guint8 *data,
                 gsize         size,
                 gsize         skip,
                 const char   *bad,
                 const char   *name,
                 gsize        *out_length,
                 GError      **error)
{
  char *utf8;

  if (size >= 4 && memcmp (data, "\xff\xfe\0\0", 4) == 0)
    return convert_wide (data, size, 4, "UTF-32LE", name, out_length, error);
  if (size >= 4 && memcmp (data, "\0\0\xfe\xff", 4) == 0)
    return convert_wide (data, size, 4, "UTF-32BE", name, out_length, error);
  if (size >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    return convert_wide (data, size, 2, "UTF-16LE", name, out_length, error);
  if (size >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    return convert_wide (data, size, 2, "UTF-16BE", name, out_length, error);

  if (skip > 0 || looks_like_damaged_utf8 (data, size))
    {
      g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_ENCODING,
                   _("%s: invalid UTF-8 at byte %lu"),
                   name, (gulong) (bad - (const char *) data));
      return NULL;
    }

  /* Windows-1252 leaves five bytes undefined; Latin-1 takes them all,
   * and the C1 controls it makes of them are dropped later. */
  utf8 = g_convert ((const char *) data, size, "UTF-8", "WINDOWS-1252",
                    NULL, out_length, NULL);
  if (utf8 == NULL)
    utf8 = g_convert ((const char *) data, size, "UTF-8", "ISO-8859-1",
                      NULL, out_length, NULL);
  if (utf8 == NULL)
    g_set_error (error, DM_LOAD_ERROR, DM_LOAD_ERROR_ENCODING,
                 _("%s: text is neither UTF-8 nor Windows-1252"), name);

  return utf8;
}

char *
dm_text_decode (const guint8 *data,
                gsize         size,
                const char   *name,
                gsize        *out_length,
                GError      **error)
{
  const char *bad;
  gsize length = 0;
  gsize skip;
  char *utf8;

  if (is_utf8 (data, size, &skip, &bad))
    {
      length = size - skip;
      utf8 = g_strndup ((const char *) data + skip, length);
    }
  else
    utf8 = decode_non_utf8 (data, size, skip, bad, name, &length, error);

  if (utf8 != NULL && out_length != NULL)
    *out_length = length;

  return utf8;
}

GBytes *
dm_text_decode_bytes (GBytes     *bytes,
                      const char *name,
                      GError    **error)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  const char *bad;
  gsize length = 0;
  gsize skip;
  char *utf8;

  /* The input itself, less its BOM: the text of a 64 MiB file is not
   * copied only to be read once more. */
  if (is_utf8 (data, size, &skip, &bad))
    return g_bytes_new_from_bytes (bytes, skip, size - skip);

  utf8 = decode_non_utf8 (data, size, skip, bad, name, &length, error);
  if (utf8 == NULL)
    return NULL;

  return g_bytes_new_take (utf8, length);
}

typedef enum {
  CHAR_KEEP,
  CHAR_SPACE,
  CHAR_NEWLINE,
  CHAR_DROP,
} CharClass;

static CharClass
classify (gunichar ch)
{
  if (ch < 0x80)
    {
      if (ch > 0x20 && ch < 0x7F)
        return CHAR_KEEP;
      if (ch == ' ' || ch == '\t')
        return CHAR_SPACE;
      if (ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v')
        return CHAR_NEWLINE;
      return CHAR_DROP;
    }

  switch (ch)
    {
    case 0x0085: /* next line */
    case 0x2028: /* line separator */
    case 0x2029: /* paragraph separator */
      return CHAR_NEWLINE;

    case 0x00A0: /* no-break space */
    case 0x1680:
    case 0x202F: /* narrow no-break space */
    case 0x205F:
    case 0x3000:
      return CHAR_SPACE;

    case 0x00AD: /* soft hyphen: invisible, and it splits names for the matcher */
    case 0x200B: /* zero-width space */
    case 0x200C: /* zero-width non-joiner */
    case 0x200D: /* zero-width joiner */
    case 0x200E: /* left-to-right mark */
    case 0x200F: /* right-to-left mark */
    case 0x2060: /* word joiner */
    case 0xFEFF: /* BOM inside the text, where it means a zero-width no-break space */
      return CHAR_DROP;

    default:
      break;
    }

  if (ch >= 0x2000 && ch <= 0x200A)
    return CHAR_SPACE;
  if (ch < 0xA0) /* C1 controls */
    return CHAR_DROP;
  if ((ch >= 0x202A && ch <= 0x202E) || (ch >= 0x2061 && ch <= 0x2069))
    return CHAR_DROP; /* bidi embeddings and invisible operators */

  return CHAR_KEEP;
}

/* The normalization's state as it walks the text.  The output is never
 * longer than the input: every byte written stands for at least one byte
 * read (a kept character for itself, a newline for a line break, the one
 * space between words for the space character that came before it, still
 * unwritten), so that callers can write into a buffer of the input's size.
 * At any point, out + pending_space <= the bytes read so far. */
typedef struct {
  char    *out;
  gboolean keep_newlines;
  gboolean line_has_text;
  gboolean pending_space;
} Cleaner;

/* The clean text is copied PLAIN_BLOCK bytes at a time where it is plain:
 * printable ASCII or spaces (0x20 to 0x7E), no space right after another.
 * In such a run every character is kept and every space separates two
 * words (one at its start aside), so the run is copied as it is. */
#define PLAIN_BLOCK 16

/* 0x80 in each byte of @w that is below a space or above '~'.  These and
 * the next are the usual word tricks, made carry-free to be exact in each
 * byte. */
static inline guint64
find_unprintable (guint64 w)
{
  guint64 low = w & ~HIGHS;
  guint64 below_space = ~(low + ONES * (0x80 - 0x20)) & ~w & HIGHS;
  guint64 above_tilde = ((low + ONES) | w) & HIGHS;

  return below_space | above_tilde;
}

/* 0x80 in each byte of @w that is a space. */
static inline guint64
find_spaces (guint64 w)
{
  guint64 x = w ^ (ONES * ' ');

  return ~(((x & ~HIGHS) + ~HIGHS) | x | ~HIGHS);
}

/* How many of the PLAIN_BLOCK bytes at @p, from the first, are plain. */
static inline guint
count_plain_bytes (const char *p)
{
  guint64 w[2], spaces[2], not_plain[2];

  for (guint i = 0; i < 2; i++)
    {
      memcpy (&w[i], p + 8 * i, 8);
      w[i] = GUINT64_FROM_LE (w[i]); /* the first byte in the low bits */
      spaces[i] = find_spaces (w[i]);
    }

  /* A space after another, within a word or across the two. */
  not_plain[0] = find_unprintable (w[0]) | (spaces[0] & (spaces[0] << 8));
  not_plain[1] = find_unprintable (w[1]) | (spaces[1] & ((spaces[1] << 8) | (spaces[0] >> 56)));

  if (not_plain[0] != 0)
    return (guint) __builtin_ctzll (not_plain[0]) / 8;
  if (not_plain[1] != 0)
    return 8 + (guint) __builtin_ctzll (not_plain[1]) / 8;
  return PLAIN_BLOCK;
}

/* Copies the first @n plain bytes at @p (see count_plain_bytes()).  A
 * space at their end may be followed by more space or a line break, so it
 * is left pending.  Without branches on the bytes: a space is written,
 * then kept only when one was pending; the whole block is copied, since
 * the Cleaner's invariant leaves room for it as long as a whole block is
 * left to read. */
static inline void
clean_plain_bytes (Cleaner    *cleaner,
                   const char *p,
                   guint       n)
{
  gboolean space_at_end = p[n - 1] == ' ';

  *cleaner->out = ' ';
  cleaner->out += cleaner->pending_space;
  memcpy (cleaner->out, p, PLAIN_BLOCK);
  cleaner->out += n - space_at_end;
  cleaner->pending_space = space_at_end;
  cleaner->line_has_text = TRUE;
}

/* Normalizes the character at @p; returns where the next one starts.
 * Inlined, so that the compiler keeps the cleaner in registers. */
static inline const char *
clean_char (Cleaner    *cleaner,
            const char *p,
            const char *end)
{
  guchar c = (guchar) *p;
  const char *next;
  CharClass cls;

  if (c < 0x80)
    {
      cls = classify (c);
      next = p + 1;
      if (c == '\r' && next < end && *next == '\n')
        next++;
    }
  else
    {
      gunichar ch = g_utf8_get_char_validated (p, end - p);

      if (ch == (gunichar) -1 || ch == (gunichar) -2)
        {
          /* Callers validate; this only keeps a bad caller from looping. */
          cls = CHAR_DROP;
          next = p + 1;
        }
      else
        {
          cls = classify (ch);
          next = g_utf8_next_char (p);
        }
    }

  if (cls == CHAR_NEWLINE && !cleaner->keep_newlines)
    cls = CHAR_SPACE;

  switch (cls)
    {
    case CHAR_KEEP:
      if (cleaner->pending_space)
        *cleaner->out++ = ' ';
      memcpy (cleaner->out, p, next - p);
      cleaner->out += next - p;
      cleaner->line_has_text = TRUE;
      cleaner->pending_space = FALSE;
      break;

    case CHAR_SPACE:
      cleaner->pending_space = cleaner->line_has_text;
      break;

    case CHAR_NEWLINE:
      *cleaner->out++ = '\n';
      cleaner->line_has_text = FALSE;
      cleaner->pending_space = FALSE;
      break;

    case CHAR_DROP:
    default:
      break;
    }

  return next;
}

/* The core of the normalization, one linear pass that must keep up with
 * 64 MiB inputs: plain ASCII goes a block at a time, anything else (line
 * breaks, other characters, the last bytes) one character at a time.
 * Writes at most @length bytes to @out and returns how many (no final
 * NUL). */
static gsize
clean_into (char       *out,
            const char *text,
            gsize       length,
            gboolean    keep_newlines)
{
  Cleaner cleaner = { out, keep_newlines, FALSE, FALSE };
  const char *p = text;
  const char *end = text + length;

  while (end - p >= PLAIN_BLOCK)
    {
      guint n = count_plain_bytes (p);

      /* A leading space is copied only when it separates two words. */
      if (n > 0 && !(p[0] == ' ' && (cleaner.pending_space || !cleaner.line_has_text)))
        {
          clean_plain_bytes (&cleaner, p, n);
          p += n;
          if (n == PLAIN_BLOCK)
            continue;
        }

      p = clean_char (&cleaner, p, end);
    }

  while (p < end)
    p = clean_char (&cleaner, p, end);

  return cleaner.out - out;
}

char *
dm_text_clean_inline (const char *text,
                      gssize      length)
{
  char *out;

  if (text == NULL)
    return NULL;
  if (length < 0)
    length = strlen (text);

  out = g_malloc (length + 1);
  out[clean_into (out, text, length, FALSE)] = '\0';

  return out;
}

void
dm_plain_text_clear (DmPlainText *plain)
{
  g_clear_pointer (&plain->text, g_free);
  g_clear_pointer (&plain->title, g_free);
  g_clear_pointer (&plain->source, g_free);
  plain->title_in_text = FALSE;
}

typedef struct {
  const char *start;
  gsize       length;  /* bytes */
  glong       chars;   /* exact up to MAX_WRAP_WIDTH, else any larger number */
  glong       first_word; /* characters of the first word */
  gboolean    removed;
} Line;

/* The characters of a line, for find_wrapped_lines(), which only needs the
 * widths of lines that may be hard-wrapped.  A line of more than
 * 4 * MAX_WRAP_WIDTH bytes has more than MAX_WRAP_WIDTH characters,
 * whatever they are, and is not counted.  Others are counted as
 * g_utf8_strlen() would in valid UTF-8, without decoding: their bytes less
 * their continuation bytes (10xxxxxx), eight at a time. */
static glong
count_line_chars (const char *p,
                  gsize       length)
{
  guint64 lanes = 0; /* continuation bytes in each byte lane: at most 60 */
  gsize continuations;
  gsize i = 0;

  G_STATIC_ASSERT (4 * MAX_WRAP_WIDTH / 8 < 256);

  if (length > 4 * MAX_WRAP_WIDTH)
    return (glong) length;

  for (; i + 8 <= length; i += 8)
    {
      guint64 w;

      memcpy (&w, p + i, 8);
      lanes += (w & ~(w << 1) & HIGHS) >> 7; /* 1 where bit 7 is set, bit 6 not */
    }

  /* The sum of the lanes: in pairs, in 16-bit lanes, then all four. */
  lanes = (lanes & G_GUINT64_CONSTANT (0x00FF00FF00FF00FF))
          + ((lanes >> 8) & G_GUINT64_CONSTANT (0x00FF00FF00FF00FF));
  continuations = (lanes * G_GUINT64_CONSTANT (0x0001000100010001)) >> 48;

  for (; i < length; i++)
    continuations += ((guchar) p[i] & 0xC0) == 0x80;

  return (glong) (length - continuations);
}

static gboolean
line_is_empty (const Line *line)
{
  return line->removed || line->length == 0;
}

/* "Source: AFP" alone on a line: a label, a short value, no sentence. */
static char *
match_source_line (const Line *line)
{
  const char *p = line->start;
  const char *end = line->start + line->length;
  guint spaces = 0;

  if (line->length < 8 || g_ascii_strncasecmp (p, "source", 6) != 0)
    return NULL;

  p += 6;
  while (p < end && *p == ' ')
    p++;
  if (p >= end || *p != ':')
    return NULL;
  p++;
  while (p < end && *p == ' ')
    p++;

  if (end > p && end[-1] == '.')
    end--;
  if (p >= end || g_utf8_strlen (p, end - p) > MAX_SOURCE_CHARS)
    return NULL;

  /* "Source: the ministry said on Monday that ..." is a sentence. */
  for (const char *s = p; s < end; s++)
    spaces += *s == ' ';
  if (spaces > 7)
    return NULL;

  return g_strndup (p, end - p);
}

static gboolean
looks_like_title (const char *text,
                  gsize       length)
{
  const char *end = text + length;
  gunichar last = 0;

  if (length == 0 || g_utf8_strlen (text, length) >= MAX_TITLE_CHARS)
    return FALSE;

  /* The last character that is not a closing quote or bracket: a quoted
   * sentence ("… he said.”") is not a headline either. */
  while (end > text)
    {
      const char *prev = g_utf8_find_prev_char (text, end);

      last = g_utf8_get_char (prev);
      if (last != '"' && last != '\'' && last != ')' && last != 0x201D && last != 0x2019
          && last != 0x00BB)
        break;
      end = prev;
    }

  if (last == '.' || last == ',' || last == ';' || last == ':' || last == 0x2026)
    return FALSE;

  /* One word ("World", "News") is page furniture, not a headline. */
  return memchr (text, ' ', length) != NULL && !g_unichar_islower (g_utf8_get_char (text));
}

static int
compare_glong (gconstpointer a,
               gconstpointer b)
{
  glong x = *(const glong *) a;
  glong y = *(const glong *) b;

  return (x > y) - (x < y);
}

/* Whether the break after line @i falls inside a sentence: no terminal
 * punctuation before it, or a lowercase word after it. */
static gboolean
breaks_mid_sentence (const Line *line,
                     const Line *next)
{
  const char *last = g_utf8_find_prev_char (line->start, line->start + line->length);
  gunichar end = last != NULL ? g_utf8_get_char (last) : 0;

  if (!g_unichar_ispunct (end) || end == ',' || end == '-')
    return TRUE;

  return g_unichar_islower (g_utf8_get_char (next->start));
}

/* Hard-wrapped text is recognized by what greedy wrapping guarantees: a
 * line ends early only when the next word would not have fitted.  Lines
 * that break early are real breaks (headline, byline, end of paragraph), so
 * the same rule finds paragraphs even without blank lines between them.
 * Fills @join[i] when line i continues on line i + 1. */
static void
find_wrapped_lines (Line     *lines,
                    guint     n_lines,
                    gboolean *join)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (glong));
  gboolean has_blank = FALSE;
  gboolean seen_text = FALSE;
  guint candidates = 0, greedy = 0, mid_sentence = 0;
  glong width;

  for (guint i = 0; i < n_lines; i++)
    {
      if (line_is_empty (&lines[i]))
        {
          has_blank |= seen_text;
          continue;
        }
      seen_text = TRUE;

      if (i + 1 < n_lines && !line_is_empty (&lines[i + 1]) && lines[i].chars <= MAX_WRAP_WIDTH)
        g_array_append_val (widths, lines[i].chars);
    }

  if (widths->len < 2)
    return;

  /* The wrap width: the 90th percentile, robust to an odd long line such as
   * a headline.  Narrower than this is a list, not wrapped prose. */
  g_array_sort (widths, compare_glong);
  width = g_array_index (widths, glong, (widths->len * 9 + 9) / 10 - 1);
  if (width < MIN_WRAP_WIDTH)
    return;

  for (guint i = 0; i + 1 < n_lines; i++)
    {
      if (line_is_empty (&lines[i]) || line_is_empty (&lines[i + 1]))
        continue;

      candidates++;
      join[i] = lines[i].chars <= MAX_WRAP_WIDTH
                && lines[i].chars + 1 + lines[i + 1].first_word > width;
      if (join[i])
        {
          greedy++;
          mid_sentence += breaks_mid_sentence (&lines[i], &lines[i + 1]);
        }
    }

  /* One-paragraph-per-line articles pass the width test by chance on a line
   * or two, and their lines end sentences; wrapped prose passes it nearly
   * everywhere and breaks mostly inside sentences. */
  if (greedy < 2 || greedy * 10 < candidates * (has_blank ? 6 : 8) || mid_sentence * 2 < greedy)
    memset (join, 0, n_lines * sizeof (gboolean));
}

/* Splits the clean text into lines, the last one possibly empty. */
static GArray *
split_lines (const char *text,
             gsize       length)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  const char *p = text;
  const char *end = text + length;
  guint n_lines = 1, i = 0;

  /* Counted first (memchr is fast), so that the array is sized once. */
  for (const char *nl = memchr (p, '\n', length); nl != NULL; nl = memchr (nl + 1, '\n', end - nl - 1))
    n_lines++;
  g_array_set_size (lines, n_lines);

  while (p <= end)
    {
      const char *nl = memchr (p, '\n', end - p);
      Line *line = &g_array_index (lines, Line, i++);
      const char *w;

      if (nl == NULL)
        nl = end;

      line->start = p;
      line->length = nl - p;
      line->chars = count_line_chars (p, line->length);
      /* Its characters' first bytes, as in count_line_chars() */
      for (w = p; w < nl && *w != ' '; w++)
        line->first_word += ((guchar) *w & 0xC0) != 0x80;

      p = nl + 1;
    }
  g_assert (i == n_lines);

  return lines;
}

/* Writes the paragraphs over the clean text they come from, in place: a
 * line never moves forward, since lines only lose their breaks or vanish,
 * and what is written after a line (a space or a newline) takes the place
 * of its own line break at the latest.  Returns the length of the text;
 * @first_end is where its first paragraph ends. */
static gsize
join_lines (char           *text,
            const Line     *lines,
            guint           n_lines,
            const gboolean *join,
            gsize          *first_end,
            guint          *n_paragraphs)
{
  gsize length = 0;

  for (guint i = 0; i < n_lines; i++)
    {
      const Line *line = &lines[i];

      if (line_is_empty (line))
        continue;

      if (text + length != line->start)
        memmove (text + length, line->start, line->length);
      length += line->length;

      if (join[i])
        {
          /* A word hyphenated across lines ("pro-\nRussian") keeps its hyphen
           * and loses the break.  The line's copy is read: the move may
           * have overwritten its end in the original. */
          const char *copy = text + length - line->length;
          gboolean hyphen = line->length >= 2 && copy[line->length - 1] == '-'
                            && g_ascii_isalpha (copy[line->length - 2]);

          if (!hyphen)
            text[length++] = ' ';
          continue;
        }

      if ((*n_paragraphs)++ == 0)
        *first_end = length;
      text[length++] = '\n';
    }

  if (length > 0)
    length--;
  text[length] = '\0';

  return length;
}

gboolean
dm_plain_text_parse (const char  *utf8,
                     gsize        length,
                     DmPlainText *plain)
{
  /* The clean text is never longer than the input (see Cleaner), and is
   * joined into paragraphs in place.  Its buffer becomes the document's
   * text, so it is sized to the input, not rounded up for reuse: the
   * rounding would leave a freed remainder behind every document. */
  g_autofree char *text = g_malloc (length + 1);
  g_autoptr(GArray) lines = NULL;
  g_autofree gboolean *join = NULL;
  gsize first_end = 0;
  guint n_paragraphs = 0;

  memset (plain, 0, sizeof *plain);

  lines = split_lines (text, clean_into (text, utf8, length, TRUE));

  for (guint i = lines->len; i > 0; i--)
    {
      Line *line = &g_array_index (lines, Line, i - 1);

      if (line_is_empty (line))
        continue;

      plain->source = match_source_line (line);
      if (plain->source != NULL)
        {
          line->removed = TRUE;
          break;
        }
    }

  join = g_new0 (gboolean, lines->len);
  find_wrapped_lines ((Line *) (void *) lines->data, lines->len, join);

  if (join_lines (text, (Line *) (void *) lines->data, lines->len, join, &first_end,
                  &n_paragraphs) == 0)
    {
      dm_plain_text_clear (plain);
      return FALSE;
    }

  if (n_paragraphs >= 2 && looks_like_title (text, first_end))
    {
      plain->title = g_strndup (text, first_end);
      plain->title_in_text = TRUE;
    }

  plain->text = g_steal_pointer (&text);
  return TRUE;
}
