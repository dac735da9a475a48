/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-json-depth.c: refuses JSON nested too deeply before json-glib sees it.
 *
 * json-glib parses by recursive descent, a few stack frames per array or
 * object: a file of 100 000 "[" overflows the stack, and the program dies
 * of a segmentation fault before the parser can report anything.  Version
 * 1.10 stops at 1024 levels itself; Debian 12's 1.6 has no limit.  One pass
 * over the bytes counts the levels the parser would descend into and stops
 * at the first bracket past DM_JSON_MAX_DEPTH, so that the user gets a line
 * and a column instead of a crash.
 *
 * The pass must see brackets where json-glib's scanner sees them.  That
 * scanner reads more than JSON: besides "…" strings (backslash escapes the
 * next byte) it takes '…' as a string without escapes and skips comments
 * from one "/" to the next; brackets in any of these are text, not levels.
 * It also accepts "var name = " before a value, and a chain of them
 * ("var a = var b = …") recurses as deeply as brackets do: each "var" is a
 * level that never closes.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dm-json-depth-private.h"

typedef struct {
  guint       line;
  const char *line_start;
} Position;

static inline void
count_line (Position   *position,
            const char *newline)
{
  position->line++;
  position->line_start = newline + 1;
}

/* Just past the @closer that ends the string or comment whose body starts
 * at @p, or @end when it is not closed; json-glib will report that. */
static const char *
skip_past (const char *p,
           const char *end,
           char        closer,
           gboolean    escapes,
           Position   *position)
{
  for (; p < end; p++)
    {
      if (*p == closer)
        return p + 1;
      if (*p == '\\' && escapes && p + 1 < end)
        p++;
      if (*p == '\n')
        count_line (position, p);
    }
  return end;
}

static inline gboolean
is_name_byte (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-';
}

/* "var" as a word of its own, as the scanner reads the keyword. */
static inline gboolean
is_var_at (const char *data,
           const char *p,
           const char *end)
{
  return end - p >= 3 && memcmp (p, "var", 3) == 0
         && (p == data || !is_name_byte (p[-1]))
         && (end - p == 3 || !is_name_byte (p[3]));
}

/* Columns count characters, as editors show them, not bytes. */
static guint
column_of (const char *line_start,
           const char *p)
{
  guint column = 1;

  for (const char *q = line_start; q < p; q++)
    if (((guchar) *q & 0xC0) != 0x80)
      column++;
  return column;
}

gboolean
dm_json_check_depth (const char *data,
                     gssize      length,
                     const char *name,
                     GQuark      domain,
                     int         code,
                     GError    **error)
{
  const char *p = data;
  const char *end;
  Position position = { 1, data };
  guint depth = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (data == NULL)
    return TRUE;
  end = data + (length < 0 ? strlen (data) : (gsize) length);

  while (p < end)
    {
      switch (*p)
        {
        case '"':
          p = skip_past (p + 1, end, '"', TRUE, &position);
          continue;

        case '\'':
          p = skip_past (p + 1, end, '\'', FALSE, &position);
          continue;

        case '/':
          p = skip_past (p + 1, end, '/', FALSE, &position);
          continue;

        case '\n':
          count_line (&position, p);
          break;

        case '[':
        case '{':
          if (++depth > DM_JSON_MAX_DEPTH)
            goto too_deep;
          break;

        case ']':
        case '}':
          /* An unmatched closer is malformed, and json-glib stops there. */
          if (depth > 0)
            depth--;
          break;

        case 'v':
          if (is_var_at (data, p, end) && ++depth > DM_JSON_MAX_DEPTH)
            goto too_deep;
          break;

        default:
          break;
        }
      p++;
    }

  return TRUE;

too_deep:
  g_set_error (error, domain, code,
               /* Translators: the file, the line and column of the bracket
                * that opens one level too many, and the limit (256) */
               _("%s: JSON nested too deeply at line %u, column %u: more than %u levels"),
               name, position.line, column_of (position.line_start, p),
               (guint) DM_JSON_MAX_DEPTH);
  return FALSE;
}
