/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-geojson.c: reads the GeoJSON country files straight into ring arrays.
 *
 * json-glib builds a node per number: for the 1.9 MB world file that took
 * 150 ms before any geometry was made, against the 100 ms the whole load
 * may take.  This reader is a plain recursive-descent JSON parser that
 * keeps only what the map needs (properties "iso" and "name", polygon
 * coordinates) and skips everything else, about ten times faster.  It is
 * strict JSON otherwise, and reports the byte offset of an error.
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "dm-geojson-private.h"

#define MAX_DEPTH 64

typedef struct {
  const char *p;
  const char *start;
  const char *end;
  GError    **error;
  GArray     *scratch;   /* doubles, reused by every ring */
} Reader;

static gboolean
fail (Reader     *r,
      const char *what)
{
  if (r->error != NULL && *r->error == NULL)
    g_set_error (r->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 "Invalid GeoJSON at byte %" G_GSIZE_FORMAT ": %s",
                 (gsize) (r->p - r->start), what);
  return FALSE;
}

static void
skip_ws (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
    r->p++;
}

static gboolean
expect (Reader *r,
        char    c)
{
  skip_ws (r);
  if (r->p >= r->end || *r->p != c)
    {
      char what[] = "expected ' '";
      what[10] = c;
      return fail (r, what);
    }
  r->p++;
  return TRUE;
}

static gboolean
peek_is (Reader *r,
         char    c)
{
  skip_ws (r);
  return r->p < r->end && *r->p == c;
}

/* After a member or element: TRUE and *more if a comma follows, TRUE and
 * !*more at @close. */
static gboolean
next_item (Reader   *r,
           char      close,
           gboolean *more)
{
  skip_ws (r);
  if (r->p < r->end && *r->p == ',')
    {
      r->p++;
      *more = TRUE;
      return TRUE;
    }
  if (r->p < r->end && *r->p == close)
    {
      r->p++;
      *more = FALSE;
      return TRUE;
    }
  return fail (r, "expected ',' or a closing bracket");
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Reader   *r,
           gunichar *out)
{
  gunichar v = 0;

  if (r->end - r->p < 4)
    return fail (r, "short \\u escape");
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (r->p[i]);
      if (h < 0)
        return fail (r, "bad \\u escape");
      v = v << 4 | h;
    }
  r->p += 4;
  *out = v;
  return TRUE;
}

/* Reads a string; @out may be NULL to skip it. */
static gboolean
read_string (Reader  *r,
             GString *out)
{
  if (!expect (r, '"'))
    return FALSE;

  while (r->p < r->end)
    {
      const char *run = r->p;

      while (r->p < r->end && *r->p != '"' && *r->p != '\\')
        r->p++;
      if (out != NULL)
        g_string_append_len (out, run, r->p - run);
      if (r->p >= r->end)
        break;
      if (*r->p == '"')
        {
          r->p++;
          return TRUE;
        }

      /* an escape */
      r->p++;
      if (r->p >= r->end)
        break;
      switch (*r->p++)
        {
        case '"': if (out) g_string_append_c (out, '"'); break;
        case '\\': if (out) g_string_append_c (out, '\\'); break;
        case '/': if (out) g_string_append_c (out, '/'); break;
        case 'b': if (out) g_string_append_c (out, '\b'); break;
        case 'f': if (out) g_string_append_c (out, '\f'); break;
        case 'n': if (out) g_string_append_c (out, '\n'); break;
        case 'r': if (out) g_string_append_c (out, '\r'); break;
        case 't': if (out) g_string_append_c (out, '\t'); break;
        case 'u':
          {
            gunichar c, low;

            if (!read_hex4 (r, &c))
              return FALSE;
            if (c >= 0xd800 && c < 0xdc00)
              {
                if (r->end - r->p < 6 || r->p[0] != '\\' || r->p[1] != 'u')
                  return fail (r, "lone surrogate");
                r->p += 2;
                if (!read_hex4 (r, &low) || low < 0xdc00 || low > 0xdfff)
                  return fail (r, "bad surrogate pair");
                c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
              }
            if (out)
              g_string_append_unichar (out, c);
          }
          break;
        default:
          return fail (r, "bad escape");
        }
    }

  return fail (r, "unterminated string");
}

static const double powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static gboolean
read_number (Reader *r,
             double *out)
{
  const char *begin;
  gboolean negative = FALSE;
  guint64 mantissa = 0;
  int digits = 0, frac = 0;

  skip_ws (r);
  begin = r->p;
  if (r->p < r->end && *r->p == '-')
    {
      negative = TRUE;
      r->p++;
    }
  while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
    {
      mantissa = mantissa * 10 + (*r->p++ - '0');
      digits++;
    }
  if (r->p < r->end && *r->p == '.')
    {
      r->p++;
      while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
        {
          mantissa = mantissa * 10 + (*r->p++ - '0');
          digits++;
          frac++;
        }
    }
  if (digits == 0)
    return fail (r, "expected a number");

  /* Up to 15 digits and no exponent: mantissa and power are exact doubles,
   * so one division is correctly rounded, as strtod would be. */
  if (digits <= 15 && frac < (int) G_N_ELEMENTS (powers_of_ten) &&
      (r->p >= r->end || (*r->p != 'e' && *r->p != 'E')))
    {
      double v = (double) mantissa / powers_of_ten[frac];
      *out = negative ? -v : v;
      return TRUE;
    }
  else
    {
      g_autofree char *copy = NULL;
      char *stop;

      while (r->p < r->end && strchr ("0123456789eE+-.", *r->p) != NULL)
        r->p++;
      copy = g_strndup (begin, r->p - begin);
      *out = g_ascii_strtod (copy, &stop);
      if (*stop != '\0')
        return fail (r, "bad number");
      return TRUE;
    }
}

static gboolean
skip_literal (Reader     *r,
              const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (r->end - r->p) < n || memcmp (r->p, word, n) != 0)
    return fail (r, "unexpected character");
  r->p += n;
  return TRUE;
}

static gboolean
skip_value (Reader *r,
            int     depth)
{
  gboolean more;

  if (depth > MAX_DEPTH)
    return fail (r, "nested too deeply");

  skip_ws (r);
  if (r->p >= r->end)
    return fail (r, "unexpected end");

  switch (*r->p)
    {
    case '"':
      return read_string (r, NULL);
    case '{':
      r->p++;
      if (peek_is (r, '}'))
        {
          r->p++;
          return TRUE;
        }
      do
        {
          if (!read_string (r, NULL) || !expect (r, ':') || !skip_value (r, depth + 1) ||
              !next_item (r, '}', &more))
            return FALSE;
        }
      while (more);
      return TRUE;
    case '[':
      r->p++;
      if (peek_is (r, ']'))
        {
          r->p++;
          return TRUE;
        }
      do
        {
          if (!skip_value (r, depth + 1) || !next_item (r, ']', &more))
            return FALSE;
        }
      while (more);
      return TRUE;
    case 't':
      return skip_literal (r, "true");
    case 'f':
      return skip_literal (r, "false");
    case 'n':
      return skip_literal (r, "null");
    default:
      {
        double v;
        return read_number (r, &v);
      }
    }
}

static void
clear_ring (gpointer data)
{
  DmGeoRing *ring = data;

  g_free ((double *) ring->points);
}

/* Reads a ring, an array of positions, and appends it to @rings unless it
 * has fewer than three distinct positions. */
static gboolean
read_ring (Reader *r,
           GArray *rings)
{
  GArray *points = r->scratch;
  gboolean more;
  DmGeoRing ring = { 0, };
  guint n;

  g_array_set_size (points, 0);
  if (!expect (r, '['))
    return FALSE;
  if (peek_is (r, ']'))
    {
      r->p++;
      return TRUE;
    }
  do
    {
      double lon, lat;
      gboolean more_coords;

      if (!expect (r, '[') || !read_number (r, &lon) || !expect (r, ',') ||
          !read_number (r, &lat) || !next_item (r, ']', &more_coords))
        return FALSE;
      while (more_coords)   /* an altitude, ignored */
        {
          double ignored;
          if (!read_number (r, &ignored) || !next_item (r, ']', &more_coords))
            return FALSE;
        }
      g_array_append_val (points, lon);
      g_array_append_val (points, lat);
      if (!next_item (r, ']', &more))
        return FALSE;
    }
  while (more);

  n = points->len / 2;
  if (n > 1)
    {
      const double *p = (const double *) points->data;
      if (p[0] == p[2 * n - 2] && p[1] == p[2 * n - 1])
        n--;
    }
  if (n < 3)
    return TRUE;

  ring.n_points = n;
  /* one exact allocation per ring instead of a growing array each */
  ring.points = g_memdup2 (points->data, 2 * n * sizeof (double));
  g_array_append_val (rings, ring);

  return TRUE;
}

/* An array of rings (a polygon) if @depth is 1, of polygons if 2. */
static gboolean
read_ring_arrays (Reader *r,
                  int     depth,
                  GArray *rings)
{
  gboolean more;

  if (!expect (r, '['))
    return FALSE;
  if (peek_is (r, ']'))
    {
      r->p++;
      return TRUE;
    }
  do
    {
      if (!(depth == 1 ? read_ring (r, rings) : read_ring_arrays (r, depth - 1, rings)) ||
          !next_item (r, ']', &more))
        return FALSE;
    }
  while (more);

  return TRUE;
}

static gboolean
read_geometry (Reader  *r,
               GArray **rings_out)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GString) type = g_string_new (NULL);
  const char *coordinates = NULL;
  gboolean more;

  if (peek_is (r, 'n'))
    return skip_literal (r, "null");

  if (!expect (r, '{'))
    return FALSE;
  if (peek_is (r, '}'))
    {
      r->p++;
      return TRUE;
    }
  do
    {
      g_string_truncate (key, 0);
      if (!read_string (r, key) || !expect (r, ':'))
        return FALSE;
      if (g_str_equal (key->str, "type"))
        {
          if (!read_string (r, type))
            return FALSE;
        }
      else
        {
          /* "type" may come after "coordinates": remember where they are */
          if (g_str_equal (key->str, "coordinates"))
            {
              skip_ws (r);
              coordinates = r->p;
            }
          if (!skip_value (r, 1))
            return FALSE;
        }
      if (!next_item (r, '}', &more))
        return FALSE;
    }
  while (more);

  if (coordinates != NULL &&
      (g_str_equal (type->str, "Polygon") || g_str_equal (type->str, "MultiPolygon")))
    {
      Reader sub = *r;
      g_autoptr(GArray) rings = g_array_new (FALSE, FALSE, sizeof (DmGeoRing));

      g_array_set_clear_func (rings, clear_ring);
      sub.p = coordinates;
      if (!read_ring_arrays (&sub, g_str_equal (type->str, "Polygon") ? 1 : 2, rings))
        return FALSE;
      *rings_out = g_steal_pointer (&rings);
    }

  return TRUE;
}

static gboolean
read_properties (Reader  *r,
                 GString *iso,
                 GString *name)
{
  g_autoptr(GString) key = g_string_new (NULL);
  gboolean more;

  if (peek_is (r, 'n'))
    return skip_literal (r, "null");
  if (!expect (r, '{'))
    return FALSE;
  if (peek_is (r, '}'))
    {
      r->p++;
      return TRUE;
    }
  do
    {
      GString *target = NULL;

      g_string_truncate (key, 0);
      if (!read_string (r, key) || !expect (r, ':'))
        return FALSE;
      if (g_str_equal (key->str, "iso"))
        target = iso;
      else if (g_str_equal (key->str, "name"))
        target = name;
      if (target != NULL && peek_is (r, '"'))
        {
          g_string_truncate (target, 0);
          if (!read_string (r, target))
            return FALSE;
        }
      else if (!skip_value (r, 1))
        return FALSE;
      if (!next_item (r, '}', &more))
        return FALSE;
    }
  while (more);

  return TRUE;
}

static gboolean
read_feature (Reader               *r,
              DmGeoJsonFeatureFunc  func,
              gpointer              user_data)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GString) iso = g_string_new (NULL);
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GArray) rings = NULL;
  gboolean more;

  if (!expect (r, '{'))
    return FALSE;
  if (peek_is (r, '}'))
    {
      r->p++;
      return TRUE;
    }
  do
    {
      g_string_truncate (key, 0);
      if (!read_string (r, key) || !expect (r, ':'))
        return FALSE;
      if (g_str_equal (key->str, "properties"))
        {
          if (!read_properties (r, iso, name))
            return FALSE;
        }
      else if (g_str_equal (key->str, "geometry"))
        {
          g_clear_pointer (&rings, g_array_unref);
          if (!read_geometry (r, &rings))
            return FALSE;
        }
      else if (!skip_value (r, 1))
        return FALSE;
      if (!next_item (r, '}', &more))
        return FALSE;
    }
  while (more);

  if (rings == NULL || rings->len == 0)
    return TRUE;

  /* the callback owns the points from here on */
  g_array_set_clear_func (rings, NULL);
  return func (iso->str, name->str, g_steal_pointer (&rings), user_data, r->error);
}

gboolean
dm_geojson_read (const char            *data,
                 gsize                  length,
                 DmGeoJsonFeatureFunc   func,
                 gpointer               user_data,
                 GError               **error)
{
  g_autoptr(GArray) scratch = g_array_sized_new (FALSE, FALSE, sizeof (double), 4096);
  Reader r = { data, data, data + length, error, scratch };
  g_autoptr(GString) key = g_string_new (NULL);
  gboolean more, seen_features = FALSE;

  if (!expect (&r, '{'))
    return FALSE;
  if (peek_is (&r, '}'))
    return fail (&r, "not a FeatureCollection");
  do
    {
      g_string_truncate (key, 0);
      if (!read_string (&r, key) || !expect (&r, ':'))
        return FALSE;
      if (g_str_equal (key->str, "features"))
        {
          seen_features = TRUE;
          if (!expect (&r, '['))
            return FALSE;
          if (peek_is (&r, ']'))
            r.p++;
          else
            {
              gboolean more_features;
              do
                {
                  if (!read_feature (&r, func, user_data) ||
                      !next_item (&r, ']', &more_features))
                    return FALSE;
                }
              while (more_features);
            }
        }
      else if (!skip_value (&r, 1))
        return FALSE;
      if (!next_item (&r, '}', &more))
        return FALSE;
    }
  while (more);

  skip_ws (&r);
  if (r.p != r.end && !(r.p + 1 == r.end && *r.p == '\0'))
    return fail (&r, "trailing data");
  if (!seen_features)
    return fail (&r, "not a FeatureCollection");

  return TRUE;
}
