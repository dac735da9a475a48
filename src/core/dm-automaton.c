/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-automaton.c: Aho-Corasick over ASCII-case-folded bytes.
 *
 * The trie is finished into a complete DFA over byte classes (bytes that no
 * pattern contains share class 0), so a scan is one table lookup per byte
 * and the table stays small enough to live in cache.
 */
#include "config.h"

#include <string.h>

#include "dm-automaton.h"

/* Which ends of a pattern are ASCII word characters. */
enum {
  WORD_AT_START = 1 << 0,
  WORD_AT_END   = 1 << 1,
};

struct _DmAutomaton {
  gatomicrefcount ref_count;
  guint8   byte_class[256];
  guint    n_classes;
  guint    n_states;
  gint32  *delta;        /* n_states × n_classes, while building; becomes @step */
  /* The scanning table: entry (state × n_classes + class) holds the next
   * state's row offset (state × n_classes) shifted left once, with the low
   * bit set when that state reports patterns.  The scan then needs neither
   * a multiplication nor a second table read per byte. */
  guint32 *step;
  guint32 *out_start;    /* per state: first index into out_patterns */
  guint32 *out_count;    /* per state: patterns ending here (own and inherited) */
  guint32 *out_patterns;
  guint   *lengths;      /* per pattern */
  guint    max_length;   /* of the longest pattern */
  guint8  *edges;        /* per pattern: WORD_AT_START | WORD_AT_END */
};

static inline gboolean
is_ascii_word_byte (guchar c)
{
  return g_ascii_isalnum (c) || c == '_';
}

static inline guchar
fold_byte (guchar c)
{
  return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

static const char *apostrophes[] = { "'", "\xe2\x80\x99", NULL };
static const char *hyphens[] = { "-", "\xe2\x80\x90", "\xe2\x80\x91", "\xe2\x80\x93", NULL };

/* More would cost more patterns than an alias is worth: 64 is three dashes
 * (or six apostrophes); an alias with more keeps its plain form only. */
#define MAX_VARIANTS 64

void
dm_expand_punctuation_variants (const char *text,
                                GPtrArray  *out)
{
  const char *const *groups[8];
  const char *marks[8];
  guint choice[8] = { 0 };
  guint n_marks = 0;
  gsize n_variants = 1;
  g_autoptr (GString) variant = NULL;

  /* Counted first and built by an odometer, not by recursing once per
   * mark: an alias from a user's file may hold any number of them. */
  for (const char *p = text; *p; p++)
    {
      const char *const *group = *p == '\'' ? apostrophes : *p == '-' ? hyphens : NULL;

      if (group == NULL)
        continue;
      /* Groups have two variants or more: the count passes the bound
       * before the arrays fill up. */
      groups[n_marks] = group;
      marks[n_marks++] = p;
      n_variants *= g_strv_length ((char **) group);
      if (n_variants > MAX_VARIANTS)
        break;
    }

  /* Also bounded by what @out already holds, as callers have relied on. */
  if (n_marks == 0 || n_variants > MAX_VARIANTS || out->len > 32)
    {
      g_ptr_array_add (out, g_strdup (text));
      return;
    }

  /* The first mark varies slowest, each in its group's order. */
  variant = g_string_new (NULL);
  for (gsize v = 0; v < n_variants; v++)
    {
      const char *from = text;

      g_string_truncate (variant, 0);
      for (guint m = 0; m < n_marks; m++)
        {
          g_string_append_len (variant, from, marks[m] - from);
          g_string_append (variant, groups[m][choice[m]]);
          from = marks[m] + 1;
        }
      g_string_append (variant, from);
      g_ptr_array_add (out, g_strdup (variant->str));

      for (guint m = n_marks; m-- > 0;)
        {
          if (groups[m][++choice[m]] != NULL)
            break;
          choice[m] = 0;
        }
    }
}

static void
build_byte_classes (DmAutomaton       *self,
                    const char *const *patterns,
                    guint              n_patterns)
{
  gboolean used[256] = { FALSE };

  for (guint i = 0; i < n_patterns; i++)
    for (const char *p = patterns[i]; *p; p++)
      used[fold_byte ((guchar) *p)] = TRUE;
  self->n_classes = 1;
  for (guint b = 0; b < 256; b++)
    self->byte_class[b] = used[b] ? self->n_classes++ : 0;
  for (guint b = 'A'; b <= 'Z'; b++)
    self->byte_class[b] = self->byte_class[b + ('a' - 'A')];
}

static void
free_pattern_list (gpointer list)
{
  if (list)
    g_array_unref (list);
}

DmAutomaton *
dm_automaton_new (const char *const *patterns,
                  guint              n_patterns)
{
  DmAutomaton *self = g_new0 (DmAutomaton, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint32));
  g_autoptr (GPtrArray) own = g_ptr_array_new_with_free_func (free_pattern_list);
  g_autofree guint *fail = NULL;
  g_autofree guint *queue = NULL;
  g_autoptr (GArray) flat = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint nc, head = 0, tail = 0;

  build_byte_classes (self, patterns, n_patterns);
  nc = self->n_classes;
  self->lengths = g_new (guint, MAX (n_patterns, 1));
  self->edges = g_new0 (guint8, MAX (n_patterns, 1));

  /* The trie: state 0 is the root; -1 is a missing edge. */
  g_array_set_size (rows, nc);
  memset (rows->data, 0xff, nc * sizeof (gint32));
  g_ptr_array_add (own, NULL);
  for (guint i = 0; i < n_patterns; i++)
    {
      guint state = 0;

      self->lengths[i] = strlen (patterns[i]);
      self->max_length = MAX (self->max_length, self->lengths[i]);
      if (self->lengths[i] > 0)
        {
          if (is_ascii_word_byte (patterns[i][0]))
            self->edges[i] |= WORD_AT_START;
          if (is_ascii_word_byte (patterns[i][self->lengths[i] - 1]))
            self->edges[i] |= WORD_AT_END;
        }
      for (const char *p = patterns[i]; *p; p++)
        {
          guint c = self->byte_class[(guchar) *p];
          gint32 next = g_array_index (rows, gint32, state * nc + c);
          if (next < 0)
            {
              next = rows->len / nc;
              g_array_set_size (rows, rows->len + nc);
              memset (&g_array_index (rows, gint32, next * nc), 0xff, nc * sizeof (gint32));
              g_ptr_array_add (own, NULL);
              g_array_index (rows, gint32, state * nc + c) = next;
            }
          state = next;
        }
      if (!g_ptr_array_index (own, state))
        g_ptr_array_index (own, state) = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_array_append_val ((GArray *) g_ptr_array_index (own, state), i);
    }

  self->n_states = rows->len / nc;
  self->delta = (gint32 *) g_array_free (g_steal_pointer (&rows), FALSE);
  fail = g_new0 (guint, self->n_states);
  queue = g_new (guint, self->n_states);

  /* Breadth-first, each missing edge borrows its failure state's edge:
   * the trie becomes a complete DFA. */
  for (guint c = 0; c < nc; c++)
    {
      gint32 next = self->delta[c];
      if (next < 0)
        self->delta[c] = 0;
      else
        queue[tail++] = next;
    }
  while (head < tail)
    {
      guint state = queue[head++];
      for (guint c = 0; c < nc; c++)
        {
          gint32 next = self->delta[state * nc + c];
          if (next < 0)
            self->delta[state * nc + c] = self->delta[fail[state] * nc + c];
          else
            {
              fail[next] = self->delta[fail[state] * nc + c];
              queue[tail++] = next;
            }
        }
    }

  /* A state reports its own patterns, then its failure state's; in BFS
   * order the failure state is always done first. */
  self->out_start = g_new0 (guint32, self->n_states);
  self->out_count = g_new0 (guint32, self->n_states);
  for (guint q = 0; q <= tail; q++)
    {
      guint state = q == 0 ? 0 : queue[q - 1];
      GArray *mine = g_ptr_array_index (own, state);

      self->out_start[state] = flat->len;
      if (mine)
        g_array_append_vals (flat, mine->data, mine->len);
      /* Grown first and copied after: appending a slice of @flat to itself
       * would read the old block once g_array_append_vals reallocates. */
      if (state != 0 && self->out_count[fail[state]] > 0)
        {
          guint32 from = self->out_start[fail[state]];
          guint32 n = self->out_count[fail[state]];

          g_array_set_size (flat, flat->len + n);
          memcpy (&g_array_index (flat, guint32, flat->len - n),
                  &g_array_index (flat, guint32, from), n * sizeof (guint32));
        }
      self->out_count[state] = flat->len - self->out_start[state];
    }
  self->out_patterns = (guint32 *) g_array_free (g_steal_pointer (&flat), FALSE);

  /* The scanning table takes the place of the transitions, entry by
   * entry: a table of its own would be as much fresh memory again. */
  self->step = (guint32 *) (void *) g_steal_pointer (&self->delta);
  for (gsize e = 0; e < (gsize) self->n_states * nc; e++)
    {
      guint32 next = self->step[e];
      self->step[e] = (next * nc) << 1 | (self->out_count[next] > 0);
    }
  return self;
}

DmAutomaton *
dm_automaton_ref (DmAutomaton *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
dm_automaton_unref (DmAutomaton *self)
{
  if (!self || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->delta);
  g_free (self->step);
  g_free (self->edges);
  g_free (self->out_start);
  g_free (self->out_count);
  g_free (self->out_patterns);
  g_free (self->lengths);
  g_free (self);
}

/* The shared automata: a few, the most recently asked for first, each with
 * its patterns as the key (joined, NUL after each), compared in full. */
#define SHARED_MAX 3

typedef struct {
  GBytes      *key;
  DmAutomaton *automaton;
} SharedEntry;

static GMutex shared_lock;
static SharedEntry shared[SHARED_MAX];

static GBytes *
patterns_key (const char *const *patterns,
              guint              n_patterns)
{
  GByteArray *key = g_byte_array_new ();

  for (guint i = 0; i < n_patterns; i++)
    g_byte_array_append (key, (const guint8 *) patterns[i], strlen (patterns[i]) + 1);
  return g_byte_array_free_to_bytes (key);
}

DmAutomaton *
dm_automaton_new_shared (const char *const *patterns,
                         guint              n_patterns)
{
  g_autoptr (GBytes) key = patterns_key (patterns, n_patterns);
  DmAutomaton *automaton = NULL;
  SharedEntry found = { NULL, NULL };
  guint i;

  g_mutex_lock (&shared_lock);
  for (i = 0; i < SHARED_MAX && shared[i].key != NULL; i++)
    if (g_bytes_equal (shared[i].key, key))
      break;
  if (i < SHARED_MAX && shared[i].key != NULL)
    {
      /* to the front */
      found = shared[i];
      memmove (&shared[1], &shared[0], i * sizeof (SharedEntry));
      shared[0] = found;
      automaton = dm_automaton_ref (found.automaton);
    }
  g_mutex_unlock (&shared_lock);
  if (automaton != NULL)
    return automaton;

  /* Built outside the lock: another thread may build the same one
   * meanwhile, which costs only time. */
  automaton = dm_automaton_new (patterns, n_patterns);
  g_mutex_lock (&shared_lock);
  if (shared[SHARED_MAX - 1].key != NULL)
    {
      g_bytes_unref (shared[SHARED_MAX - 1].key);
      dm_automaton_unref (shared[SHARED_MAX - 1].automaton);
    }
  memmove (&shared[1], &shared[0], (SHARED_MAX - 1) * sizeof (SharedEntry));
  shared[0].key = g_steal_pointer (&key);
  shared[0].automaton = dm_automaton_ref (automaton);
  g_mutex_unlock (&shared_lock);
  return automaton;
}

/* Hits gathered on the stack and added to their array in blocks: a scan
 * of a long text finds millions. */
typedef struct {
  GArray *out;
  guint   n;
  DmHit   buffer[128];
} HitSink;

static void
flush_hits (HitSink *sink)
{
  if (sink->n > 0)
    g_array_append_vals (sink->out, sink->buffer, sink->n);
  sink->n = 0;
}

/* The hits ending at byte @i, where the scan reached @state, that start
 * before @limit.  A hit glued to an ASCII letter, digit or underscore, on
 * a side where the pattern itself ends in one, is left out: both callers
 * want whole words ("us" is not in "thus"), and this cheap test spares
 * them their Unicode checks on most raw hits.  The ends of the scanned
 * range, @start and @end, count as boundaries. */
static void
report_hits (const DmAutomaton *self,
             const char        *text,
             gsize              start,
             gsize              end,
             gsize              limit,
             gsize              i,
             guint              state,
             HitSink           *sink)
{
  for (guint k = 0; k < self->out_count[state]; k++)
    {
      guint pattern = self->out_patterns[self->out_start[state] + k];
      DmHit hit = { i + 1 - self->lengths[pattern], i + 1, pattern };

      if (hit.start >= limit)
        continue;
      if ((self->edges[pattern] & WORD_AT_START) && hit.start > start
          && is_ascii_word_byte (text[hit.start - 1]))
        continue;
      if ((self->edges[pattern] & WORD_AT_END) && hit.end < end && is_ascii_word_byte (text[hit.end]))
        continue;
      sink->buffer[sink->n++] = hit;
      if (sink->n == G_N_ELEMENTS (sink->buffer))
        flush_hits (sink);
    }
}

/* Below this many bytes one lane does. */
#define TWO_LANES_FROM 4096

/* Appends to @hits what the lanes found, by end: @hits already holds lane
 * A's; @later, lane B's, all ending after @mid.  Only lane A's last few
 * (in the window where both lanes ran) can end after one of lane B's, and
 * on equal ends lane A's, which start earlier, come first, as they would
 * from one lane. */
static void
merge_lanes (GArray *hits,
             GArray *later,
             gsize   mid)
{
  guint first_late = hits->len;
  g_autoptr (GArray) tail = NULL;
  guint a = 0, b = 0;

  while (first_late > 0 && g_array_index (hits, DmHit, first_late - 1).end > mid)
    first_late--;
  tail = g_array_sized_new (FALSE, FALSE, sizeof (DmHit), hits->len - first_late);
  if (hits->len > first_late)  /* (an empty array may have no memory to point into) */
    g_array_append_vals (tail, &g_array_index (hits, DmHit, first_late), hits->len - first_late);
  g_array_set_size (hits, first_late);

  while (a < tail->len || b < later->len)
    {
      const DmHit *x = a < tail->len ? &g_array_index (tail, DmHit, a) : NULL;
      const DmHit *y = b < later->len ? &g_array_index (later, DmHit, b) : NULL;

      if (x && (!y || x->end <= y->end))
        {
          g_array_append_val (hits, *x);
          a++;
        }
      else
        {
          g_array_append_val (hits, *y);
          b++;
        }
    }
}

/* One byte of a scan: the next state, and its hits if it has any. */
static inline void
scan_byte (const DmAutomaton *self,
           const char        *text,
           gsize              start,
           gsize              end,
           gsize              limit,
           gsize              i,
           guint32           *row,
           HitSink           *sink)
{
  guint32 entry = self->step[*row + self->byte_class[(guchar) text[i]]];

  *row = entry >> 1;
  if (G_UNLIKELY (entry & 1))
    report_hits (self, text, start, end, limit, i, *row / self->n_classes, sink);
}

void
dm_automaton_scan (const DmAutomaton *self,
                   const char        *text,
                   gsize              start,
                   gsize              end,
                   GArray            *hits,
                   GArray            *scratch)
{
  guint32 row_a = 0, row_b = 0;
  gsize mid, len_a, len_b, both, i;
  g_autoptr (GArray) own_scratch = NULL;
  GArray *later = scratch;
  HitSink lane_a, lane_b;

  lane_a.out = hits;
  lane_a.n = 0;
  if (end - start < TWO_LANES_FROM)
    {
      for (i = start; i < end; i++)
        scan_byte (self, text, start, end, G_MAXSIZE, i, &row_a, &lane_a);
      flush_hits (&lane_a);
      return;
    }

  /* Two lanes in one loop: each step of a scan waits for the table read
   * of the step before, so two independent scans, over the two halves,
   * run in nearly the time of one.  Lane B starts afresh at @mid and so
   * finds every hit that starts there or later; lane A runs on to where
   * no hit that starts before @mid can end, and keeps only those. */
  mid = start + (end - start) / 2;
  len_a = MIN (end, mid + self->max_length) - start;
  len_b = end - mid;
  both = MIN (len_a, len_b);
  if (later == NULL)
    later = own_scratch = g_array_new (FALSE, FALSE, sizeof (DmHit));
  g_array_set_size (later, 0);
  lane_b.out = later;
  lane_b.n = 0;
  for (i = 0; i < both; i++)
    {
      scan_byte (self, text, start, end, mid, start + i, &row_a, &lane_a);
      scan_byte (self, text, start, end, G_MAXSIZE, mid + i, &row_b, &lane_b);
    }
  for (i = both; i < len_a; i++)
    scan_byte (self, text, start, end, mid, start + i, &row_a, &lane_a);
  for (i = both; i < len_b; i++)
    scan_byte (self, text, start, end, G_MAXSIZE, mid + i, &row_b, &lane_b);
  flush_hits (&lane_a);
  flush_hits (&lane_b);
  merge_lanes (hits, later, mid);
}

static gboolean
hit_before (const DmHit *x,
            const DmHit *y)
{
  if (x->start != y->start)
    return x->start < y->start;
  if (x->end != y->end)
    return x->end > y->end;
  return x->pattern < y->pattern;
}

void
dm_hits_sort_by_start (GArray *hits)
{
  DmHit *h = (DmHit *) (void *) hits->data;

  /* insertion sort: hits are nearly in order already */
  for (guint i = 1; i < hits->len; i++)
    {
      DmHit moving = h[i];
      guint j = i;

      while (j > 0 && hit_before (&moving, &h[j - 1]))
        {
          h[j] = h[j - 1];
          j--;
        }
      h[j] = moving;
    }
}

gsize
dm_automaton_count (const DmAutomaton *self,
                    const char        *text,
                    gsize              length)
{
  const guint32 *step = self->step;
  const guint8 *cls = self->byte_class;
  guint32 row = 0;
  gsize hits = 0;

  for (gsize i = 0; i < length; i++)
    {
      guint32 entry = step[row + cls[(guchar) text[i]]];

      row = entry >> 1;
      if (G_UNLIKELY (entry & 1))
        hits += self->out_count[row / self->n_classes];
    }
  return hits;
}
