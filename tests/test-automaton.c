/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-automaton.c: the Aho-Corasick scan against a naive search.
 *
 * Long ranges are scanned in two lanes that meet in the middle, short ones
 * in one: for texts on both sides of that size, with hits across the
 * middle, both must report exactly what trying every pattern at every
 * position reports, in the same order. */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "dm-automaton.h"

static const char *patterns[] = {
  "armenia", "armenian", "nia", "us", "u.s.", "peace talks", "talks", "a", "talks", "-eu",
};

/* Pieces of text that make overlapping, nested and glued hits. */
static const char *pieces[] = {
  "Armenia", "Armenian", "armenians", "US", "us", "thus", "U.S.", "peace talks", "talks",
  "peacetalks", "a", "an", "-EU", "US-EU", "_us", "us_", " ", " ", " ", ", ", ". ", "\n", "Ye",
  "\xc3\xa9", "nia",
};

static gboolean
is_word_byte (guchar c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Every pattern at every position, with the scan's boundary rule, ordered
 * as one lane reports: by end, then longest first, then pattern order. */
static GArray *
naive_hits (const char *text, gsize start, gsize end)
{
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (DmHit));
  gsize longest = 0;

  for (guint p = 0; p < G_N_ELEMENTS (patterns); p++)
    longest = MAX (longest, strlen (patterns[p]));
  for (gsize e = start + 1; e <= end; e++)
    for (gsize len = MIN (e - start, longest); len > 0; len--)
      for (guint p = 0; p < G_N_ELEMENTS (patterns); p++)
        {
          gsize s = e - len;
          const char *pat = patterns[p];

          if (strlen (pat) != len || g_ascii_strncasecmp (text + s, pat, len) != 0)
            continue;
          if (is_word_byte (pat[0]) && s > start && is_word_byte (text[s - 1]))
            continue;
          if (is_word_byte (pat[len - 1]) && e < end && is_word_byte (text[e]))
            continue;
          g_array_append_val (hits, ((DmHit) { s, e, p }));
        }
  return hits;
}

static void
check_range (DmAutomaton *automaton, const char *text, gsize start, gsize end)
{
  g_autoptr (GArray) got = g_array_new (FALSE, FALSE, sizeof (DmHit));
  g_autoptr (GArray) want = naive_hits (text, start, end);

  dm_automaton_scan (automaton, text, start, end, got, NULL);
  g_assert_cmpuint (got->len, ==, want->len);
  for (guint i = 0; i < want->len; i++)
    {
      const DmHit *g = &g_array_index (got, DmHit, i);
      const DmHit *w = &g_array_index (want, DmHit, i);

      g_assert_cmpuint (g->start, ==, w->start);
      g_assert_cmpuint (g->end, ==, w->end);
      g_assert_cmpuint (g->pattern, ==, w->pattern);
    }
}

static void
test_against_naive (gconstpointer data)
{
  gsize length = GPOINTER_TO_SIZE (data);
  DmAutomaton *automaton = dm_automaton_new (patterns, G_N_ELEMENTS (patterns));
  g_autoptr (GRand) rand = g_rand_new_with_seed (length);

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr (GString) text = g_string_new (NULL);

      while (text->len < length)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      g_string_truncate (text, length);
      check_range (automaton, text->str, 0, text->len);
      /* a range inside the text: its ends are boundaries */
      if (length > 5)
        check_range (automaton, text->str, 3, text->len - 2);
      /* the middle on a hit: "peace talks" across it */
      if (length > 40)
        {
          gsize mid = length / 2;
          memcpy (text->str + mid - 7, " peace talks ", 13);
          check_range (automaton, text->str, 0, text->len);
        }
    }
  dm_automaton_unref (automaton);
}

/* The shared automata are keyed by their patterns: the same patterns give
 * the same automaton, other patterns (a gazetteer merged with a user's
 * file) never an old one, and the cache holds a few. */
static void
test_shared (void)
{
  static const char *one[] = { "armenia", "baku" };
  static const char *other[] = { "armenia", "bakuu" };
  static const char *text = "Baku and bakuu, Armenia";
  g_autoptr (DmAutomaton) a = dm_automaton_new_shared (one, G_N_ELEMENTS (one));
  g_autoptr (DmAutomaton) b = dm_automaton_new_shared (one, G_N_ELEMENTS (one));
  g_autoptr (DmAutomaton) c = dm_automaton_new_shared (other, G_N_ELEMENTS (other));
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (DmHit));

  g_assert_true (a == b);
  g_assert_true (a != c);
  dm_automaton_scan (c, text, 0, strlen (text), hits, NULL);
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpuint (g_array_index (hits, DmHit, 0).start, ==, 9);   /* bakuu */
  g_assert_cmpuint (g_array_index (hits, DmHit, 0).pattern, ==, 1);
  g_assert_cmpuint (g_array_index (hits, DmHit, 1).start, ==, 16);  /* Armenia */

  /* more pattern sets than the cache holds: each still scans as its own */
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < 6; i++)
      {
        g_autofree char *word = g_strdup_printf ("w%u", i);
        const char *single[] = { word };
        g_autofree char *sample = g_strdup_printf ("w0 w1 w2 w3 w4 w5");
        g_autoptr (DmAutomaton) d = dm_automaton_new_shared (single, 1);
        g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (DmHit));

        dm_automaton_scan (d, sample, 0, strlen (sample), found, NULL);
        g_assert_cmpuint (found->len, ==, 1);
        g_assert_cmpuint (g_array_index (found, DmHit, 0).start, ==, 3 * i);
      }
}

int
main (int argc, char *argv[])
{
  static const gsize lengths[] = { 1, 37, 4095, 4096, 4097, 9000, 20011 };

  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autofree char *path = g_strdup_printf ("/automaton/against-naive/%" G_GSIZE_FORMAT, lengths[i]);
      g_test_add_data_func (path, GSIZE_TO_POINTER (lengths[i]), test_against_naive);
    }
  g_test_add_func ("/automaton/shared", test_shared);
  return g_test_run ();
}
