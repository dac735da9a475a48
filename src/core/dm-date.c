/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-date.c: publication dates to ISO 8601 days.
 *
 * Feeds write RFC 822 dates, pages ISO 8601 instants, wire stories a
 * dateline ("YEREVAN, Dec 15 (Reuters) -"), European sites "15.12.2022".
 * One small scanner reads all of them; the time of day and the zone are
 * dropped on purpose, since the day as printed is what an analyst filters
 * on, and converting to UTC would move late-evening articles to the next
 * day.  English month names only: they are what these formats use.
 */
#include "config.h"

#include "dm-date.h"

#include <string.h>

/* How far into a line a dateline may start ("NEW YORK/WASHINGTON, "). */
#define DATELINE_MAX_PREFIX 48
/* How many lines from the top may hold the dateline (title, byline, …). */
#define DATELINE_MAX_LINES 4

static const char *const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december",
};

static const char *const weekday_names[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

typedef struct {
  int      year, month, day;
  gboolean has_year;
} Day;

static gboolean
is_day (int year, int month, int day)
{
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1
         && day <= g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

/* Reads @n digits exactly (no more follow). */
static gboolean
read_digits (const char **p, const char *end, int min, int max, int *out)
{
  const char *q = *p;
  int value = 0, n = 0;

  while (q < end && g_ascii_isdigit (*q) && n < max)
    {
      value = value * 10 + (*q - '0');
      q++;
      n++;
    }
  if (n < min || (q < end && g_ascii_isdigit (*q)))
    return FALSE;
  *p = q;
  *out = value;
  return TRUE;
}

/* The index of the table name that the word at @p is (in full or its first
 * three letters, "Sept" too), -1 when none; a final '.' is part of it. */
static int
read_name (const char **p, const char *end, const char *const *names, guint n_names)
{
  const char *q = *p;
  gsize length;
  char word[16];

  while (q < end && g_ascii_isalpha (*q))
    q++;
  length = q - *p;
  if (length < 3 || length >= sizeof word)
    return -1;
  for (gsize i = 0; i < length; i++)
    word[i] = g_ascii_tolower ((*p)[i]);
  word[length] = '\0';

  for (guint k = 0; k < n_names; k++)
    if (strcmp (word, names[k]) == 0 || (length == 3 && strncmp (word, names[k], 3) == 0)
        || (length == 4 && strcmp (word, "sept") == 0 && k == 8 && names == month_names))
      {
        if (q < end && *q == '.')
          q++;
        *p = q;
        return (int) k;
      }
  return -1;
}

static void
skip_spaces (const char **p, const char *end)
{
  while (*p < end && (**p == ' ' || **p == '\t' || (guchar) **p == 0xc2))
    {
      /* a no-break space (U+00A0) is two bytes, C2 A0 */
      if ((guchar) **p == 0xc2)
        {
          if (*p + 1 < end && (guchar) (*p)[1] == 0xa0)
            (*p)++;
          else
            return;
        }
      (*p)++;
    }
}

static int
expand_year (int year, const char *start, const char *after)
{
  /* RFC 822 allows two digits */
  if (after - start == 2)
    return year < 50 ? 2000 + year : 1900 + year;
  return year;
}

/* One date at @p in any of the accepted forms; @after is where it ends.
 * A day and month without a year only when @yearless_ok. */
static gboolean
read_day (const char *p, const char *end, gboolean yearless_ok, Day *out, const char **after)
{
  const char *q = p;
  const char *start;
  int a, b, c, month;

  *out = (Day) { 0 };

  /* 2022-12-15, 2022/12/15 */
  start = q;
  if (read_digits (&q, end, 4, 4, &a) && q < end && (*q == '-' || *q == '/'))
    {
      char separator = *q++;

      if (read_digits (&q, end, 1, 2, &b) && q < end && *q == separator)
        {
          q++;
          if (read_digits (&q, end, 1, 2, &c) && is_day (a, b, c))
            {
              *out = (Day) { a, b, c, TRUE };
              *after = q;
              return TRUE;
            }
        }
      return FALSE;
    }

  /* 15.12.2022 */
  q = start;
  if (read_digits (&q, end, 1, 2, &a) && q < end && *q == '.')
    {
      q++;
      if (read_digits (&q, end, 1, 2, &b) && q < end && *q == '.')
        {
          q++;
          if (read_digits (&q, end, 4, 4, &c) && is_day (c, b, a))
            {
              *out = (Day) { c, b, a, TRUE };
              *after = q;
              return TRUE;
            }
        }
      return FALSE;
    }

  /* "Thu, " before either of the word forms */
  q = start;
  if (read_name (&q, end, weekday_names, G_N_ELEMENTS (weekday_names)) >= 0)
    {
      if (q < end && *q == ',')
        q++;
      skip_spaces (&q, end);
      start = q;
    }
  else
    q = start;

  /* 15 Dec 2022, 15 December 2022, 15 Dec 22 */
  if (read_digits (&q, end, 1, 2, &a))
    {
      skip_spaces (&q, end);
      if (q < end && *q == '-') /* 15-Dec-2022 */
        q++;
      if ((month = read_name (&q, end, month_names, G_N_ELEMENTS (month_names))) < 0)
        return FALSE;
      if (q < end && (*q == ' ' || *q == '-' || *q == ',' || (guchar) *q == 0xc2))
        {
          const char *year_start;

          if (*q == '-' || *q == ',')
            q++;
          skip_spaces (&q, end);
          year_start = q;
          if (read_digits (&q, end, 2, 4, &c) && q - year_start != 3
              && is_day (expand_year (c, year_start, q), month + 1, a))
            {
              *out = (Day) { expand_year (c, year_start, q), month + 1, a, TRUE };
              *after = q;
              return TRUE;
            }
        }
      return FALSE;
    }

  /* Dec 15, 2022; December 15 2022; Dec. 15 */
  q = start;
  if ((month = read_name (&q, end, month_names, G_N_ELEMENTS (month_names))) < 0)
    return FALSE;
  skip_spaces (&q, end);
  if (!read_digits (&q, end, 1, 2, &a) || a < 1 || a > 31)
    return FALSE;
  if (q + 1 < end && g_ascii_isalpha (q[0]) && g_ascii_isalpha (q[1])) /* "15th" */
    q += 2;
  {
    const char *before_year = q;
    const char *year_start;

    if (q < end && *q == ',')
      q++;
    skip_spaces (&q, end);
    year_start = q;
    if (read_digits (&q, end, 4, 4, &c))
      {
        if (!is_day (c, month + 1, a))
          return FALSE;
        *out = (Day) { c, month + 1, a, TRUE };
        *after = q;
        return TRUE;
      }
    (void) year_start;
    if (!yearless_ok)
      return FALSE;
    *out = (Day) { 0, month + 1, a, FALSE };
    *after = before_year;
    return TRUE;
  }
}

static char *
format_day (const Day *day)
{
  return g_strdup_printf ("%04d-%02d-%02d", day->year, day->month, day->day);
}

char *
dm_date_normalize (const char *text)
{
  const char *p, *end, *after;
  Day day;

  if (text == NULL)
    return NULL;

  p = text;
  end = text + strlen (text);
  while (p < end && g_ascii_isspace (*p))
    p++;

  if (!read_day (p, end, FALSE, &day, &after))
    return NULL;

  /* "2022-12-15T10:30:00Z", "… 10:30:00 +0400": the time is not ours; but
   * "2022-12-150" or "15.12.20221" is not a date at all. */
  if (after < end && g_ascii_isalnum (*after) && *after != 'T' && *after != 't')
    return NULL;

  return format_day (&day);
}

/* Whether what follows a date at @p ends a dateline: the line's end, the
 * agency in parentheses, or a dash, bar or colon before the story. */
static gboolean
ends_dateline (const char *p, const char *end, gboolean has_year)
{
  skip_spaces (&p, end);
  if (p >= end)
    return has_year;
  if (*p == '(' || *p == '-' || *p == '|' || *p == ':' || g_str_has_prefix (p, "–")
      || g_str_has_prefix (p, "—"))
    return TRUE;
  return has_year && (*p == ',' || *p == '/');
}

/* A place or a label before the date ("YEREVAN", "Baku", "Published"): a
 * few words, no digits, ending in a separator. */
static gboolean
is_dateline_prefix (const char *line, const char *p)
{
  guint words = 0;

  for (const char *q = line; q < p; q++)
    {
      if (g_ascii_isdigit (*q))
        return FALSE;
      if (*q == ' ')
        words++;
    }
  return words <= 5;
}

static gboolean
ends_with (const char *start, const char *p, const char *suffix)
{
  gsize n = strlen (suffix);

  return (gsize) (p - start) >= n && memcmp (p - n, suffix, n) == 0;
}

static void
resolve_year (Day *day, GDateTime *reference)
{
  g_autoptr(GDateTime) now = NULL;
  int ref_year, ref_month, ref_day;

  if (reference == NULL)
    reference = now = g_date_time_new_now_local ();
  g_date_time_get_ymd (reference, &ref_year, &ref_month, &ref_day);

  /* A day later than the reference's is last year's (a day's slack for
   * time zones). */
  day->year = ref_year;
  if (day->month > ref_month || (day->month == ref_month && day->day > ref_day + 1))
    day->year--;
}

char *
dm_date_find_dateline (const char *text,
                       gsize       length,
                       GDateTime  *reference)
{
  const char *line = text;
  const char *end = text + MIN (length, 4096);

  for (guint n = 0; n < DATELINE_MAX_LINES && line < end; n++)
    {
      const char *line_end = memchr (line, '\n', end - line);
      const char *limit;

      if (line_end == NULL)
        line_end = end;
      limit = MIN (line_end, line + DATELINE_MAX_PREFIX);

      for (const char *p = line; p < limit; p++)
        {
          Day day;
          const char *after;

          /* at the line's start or after a separator that follows a place */
          if (p > line)
            {
              gboolean after_separator = (p[-1] == ' ' && p - 2 >= line
                                          && (p[-2] == ',' || p[-2] == ':' || p[-2] == '-'))
                                         || ends_with (line, p, "– ") || ends_with (line, p, "— ");
              if (!after_separator || !is_dateline_prefix (line, p))
                continue;
            }

          if (read_day (p, line_end, TRUE, &day, &after) && is_day (day.has_year ? day.year : 2000, day.month, day.day)
              && ends_dateline (after, line_end, day.has_year))
            {
              if (!day.has_year)
                {
                  resolve_year (&day, reference);
                  if (!is_day (day.year, day.month, day.day))
                    return NULL;
                }
              return format_day (&day);
            }
        }

      line = line_end + 1;
    }

  return NULL;
}

gboolean
dm_date_parse_bound (const char *text,
                     gboolean    end,
                     char        out[DM_DATE_SIZE])
{
  const char *p = text;
  const char *stop;
  int year, month = 0, day = 0;

  if (text == NULL)
    return FALSE;
  stop = text + strlen (text);

  if (!read_digits (&p, stop, 4, 4, &year) || year < 1)
    return FALSE;
  if (p < stop)
    {
      if (*p++ != '-' || !read_digits (&p, stop, 2, 2, &month) || month < 1 || month > 12)
        return FALSE;
      if (p < stop && (*p++ != '-' || !read_digits (&p, stop, 2, 2, &day)))
        return FALSE;
    }
  if (p != stop)
    return FALSE;

  if (month == 0)
    month = end ? 12 : 1;
  if (day == 0)
    day = end ? g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year) : 1;
  if (!is_day (year, month, day))
    return FALSE;

  g_snprintf (out, DM_DATE_SIZE, "%04d-%02d-%02d", year, month, day);
  return TRUE;
}
