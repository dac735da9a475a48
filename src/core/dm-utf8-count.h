/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-utf8-count.h (private): counting the characters of valid UTF-8.
 *
 * Offsets in the exchange format are in characters, so the analysis turns
 * millions of byte offsets into character offsets; this is its inner loop.
 * Every byte that is not a continuation byte (10xxxxxx) starts a
 * character, which also holds for ranges that start or end mid-character.
 */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* Characters that start in text[from, to): eight bytes at a time, counting
 * the continuation bytes of each word at once. */
static inline gsize
dm_utf8_count_chars (const char *text,
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

  return (to - from) - continuation;
}

G_END_DECLS
