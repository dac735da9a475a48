/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-matcher.c: one pass over the text finds every alias of every actor
 * (and, for the analysis, every cue form of the lexicon too).
 *
 * The aliases (with their apostrophe and dash variants) are compiled into an
 * Aho-Corasick automaton over ASCII-case-folded bytes, stored as a complete
 * transition table over byte classes so that the scan costs one lookup per
 * byte; matchers of the same patterns share it.  Each raw hit of an alias is
 * then checked: whole word, case rule, demonym before a state noun,
 * ambiguity; the survivors are resolved leftmost-longest.  The hits of cue
 * forms are handed back raw, for dm_lexicon_select_cues().
 */
#include "config.h"

#include <string.h>

#include "dm-matcher.h"
#include "dm-segmenter.h"
#include "dm-automaton.h"

typedef struct {
  guint    alias;      /* gazetteer alias index */
  guint    length;     /* bytes of this variant */
  char    *bytes;      /* the variant as written (not folded), for the case check */
  gboolean word_first; /* starts with a word character, so needs a boundary before */
  gboolean word_last;  /* ends with one, so needs a boundary after */
} Pattern;

struct _DmMatcher {
  DmGazetteer *gazetteer;
  GArray      *patterns;      /* Pattern */
  DmAutomaton *automaton;
  GHashTable  *state_nouns;   /* lower-case noun phrase → itself */
  guint        max_noun_words;
  GArray      *candidates;    /* Candidate: kept between calls, so a long
                               * analysis does not grow a fresh one per document */
  guint        n_alias_patterns; /* patterns past these are cue forms */
  GArray      *lane_scratch;  /* DmHit, the automaton's, kept likewise */
  GString     *phrase;        /* state_noun_end()'s, kept likewise */
  GHashTable  *list_verdicts; /* word end → whether its list has a state
                               * noun: coordinated_state_noun_end()'s, per text */
  GArray      *list_words;    /* gsize, the word ends of one walk down a list */
};

typedef DmHit Candidate;

static void
pattern_clear (gpointer data)
{
  Pattern *p = data;
  g_free (p->bytes);
}

static gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return c == '_' || g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

DmMatcher *
dm_matcher_new (DmGazetteer *gazetteer)
{
  return dm_matcher_new_with_cues (gazetteer, NULL);
}

DmMatcher *
dm_matcher_new_with_cues (DmGazetteer *gazetteer,
                          DmLexicon   *lexicon)
{
  DmMatcher *self = g_new0 (DmMatcher, 1);
  GStrv nouns;

  g_return_val_if_fail (DM_IS_GAZETTEER (gazetteer), NULL);
  g_return_val_if_fail (lexicon == NULL || DM_IS_LEXICON (lexicon), NULL);

  self->gazetteer = g_object_ref (gazetteer);
  self->patterns = g_array_new (FALSE, FALSE, sizeof (Pattern));
  g_array_set_clear_func (self->patterns, pattern_clear);

  for (guint a = 0; a < dm_gazetteer_get_n_aliases (gazetteer); a++)
    {
      const DmAlias *alias = dm_gazetteer_get_alias (gazetteer, a);
      g_autoptr (GPtrArray) variants = g_ptr_array_new_with_free_func (g_free);

      if (!alias->text || !*alias->text)
        continue;
      dm_expand_punctuation_variants (alias->text, variants);
      for (guint v = 0; v < variants->len; v++)
        {
          Pattern p = { a, strlen (g_ptr_array_index (variants, v)), NULL, FALSE, FALSE };
          p.bytes = g_steal_pointer (&g_ptr_array_index (variants, v));
          p.word_first = is_word_char (g_utf8_get_char (p.bytes));
          p.word_last = is_word_char (g_utf8_get_char (g_utf8_find_prev_char (p.bytes, p.bytes + p.length)));
          g_array_append_val (self->patterns, p);
        }
    }
  {
    guint n_forms = 0;
    const char *const *forms = lexicon ? dm_lexicon_get_forms (lexicon, &n_forms) : NULL;
    g_autofree const char **texts = g_new (const char *, MAX (self->patterns->len + n_forms, 1));

    self->n_alias_patterns = self->patterns->len;
    for (guint i = 0; i < self->patterns->len; i++)
      texts[i] = g_array_index (self->patterns, Pattern, i).bytes;
    for (guint i = 0; i < n_forms; i++)
      texts[self->patterns->len + i] = forms[i];
    self->automaton = dm_automaton_new_shared (texts, self->patterns->len + n_forms);
  }

  self->state_nouns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  nouns = dm_gazetteer_get_state_nouns (gazetteer);
  for (guint i = 0; nouns && nouns[i]; i++)
    {
      char *lower = g_utf8_strdown (nouns[i], -1);
      guint words = 1;
      for (const char *p = lower; *p; p++)
        words += *p == ' ';
      self->max_noun_words = MAX (self->max_noun_words, words);
      g_hash_table_add (self->state_nouns, lower);
    }
  self->candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  self->lane_scratch = g_array_new (FALSE, FALSE, sizeof (DmHit));
  self->phrase = g_string_new (NULL);
  self->list_verdicts = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->list_words = g_array_new (FALSE, FALSE, sizeof (gsize));
  return self;
}

void
dm_matcher_free (DmMatcher *self)
{
  if (!self)
    return;
  g_clear_object (&self->gazetteer);
  g_array_unref (self->patterns);
  dm_automaton_unref (self->automaton);
  g_hash_table_unref (self->state_nouns);
  g_array_unref (self->candidates);
  g_array_unref (self->lane_scratch);
  g_string_free (self->phrase, TRUE);
  g_hash_table_unref (self->list_verdicts);
  g_array_unref (self->list_words);
  g_free (self);
}

gsize
dm_matcher_count_raw (DmMatcher  *self,
                      const char *text,
                      gsize       length)
{
  return dm_automaton_count (self->automaton, text, length);
}


/* The character before @pos; an ASCII byte is its own character, which
 * is nearly always the case and spares the decoding. */
static gunichar
char_before (const char *text,
             gsize       pos)
{
  const char *prev;

  if (pos == 0)
    return 0;
  if ((guchar) text[pos - 1] < 0x80)
    return (guchar) text[pos - 1];
  prev = g_utf8_find_prev_char (text, text + pos);
  return prev ? g_utf8_get_char_validated (prev, text + pos - prev) : 0;
}

static gunichar
char_at (const char *text,
         gsize       length,
         gsize       pos)
{
  if (pos >= length)
    return 0;
  if ((guchar) text[pos] < 0x80)
    return (guchar) text[pos];
  return g_utf8_get_char_validated (text + pos, length - pos);
}

/* An alias that itself starts or ends with punctuation ("U.S.") needs no
 * boundary on that side. */
static gboolean
is_whole_word (const char *text,
               gsize       length,
               const Pattern *p,
               gsize       start,
               gsize       end)
{
  gunichar before, after;

  if (p->word_first)
    {
      before = char_before (text, start);
      if (before == (gunichar) -1 || before == (gunichar) -2 || is_word_char (before))
        return FALSE;
    }
  if (p->word_last)
    {
      after = char_at (text, length, end);
      if (after == (gunichar) -1 || after == (gunichar) -2 || is_word_char (after))
        return FALSE;
    }
  return TRUE;
}

/* TRUE when only opening punctuation stands between the sentence start and
 * @pos, so a capital letter there may be the sentence's own. */
static gboolean
is_sentence_initial (const char *text,
                     const DmSentence *sentence,
                     gsize       pos)
{
  for (const char *p = text + sentence->start; p < text + pos; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_ispunct (c) && !g_unichar_isspace (c))
        return FALSE;
    }
  return TRUE;
}

static gboolean
has_lower_letter (const char *s, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (s[i] >= 'a' && s[i] <= 'z')
      return TRUE;
  return FALSE;
}

static gboolean
passes_case_rule (const DmAlias   *alias,
                  const Pattern   *p,
                  const char      *text,
                  gsize            start,
                  const DmSentence *sentence)
{
  const char *got = text + start;

  if (alias->case_rule == DM_CASE_EXACT)
    return memcmp (got, p->bytes, p->length) == 0;

  if (sentence && sentence->is_title)
    return TRUE;

  /* First letter exactly as the alias has it, or capitalized at the start
   * of a sentence ("Von der Leyen said"). */
  if (got[0] != p->bytes[0])
    {
      if (!(g_ascii_islower (p->bytes[0]) && got[0] == g_ascii_toupper (p->bytes[0])
            && sentence && is_sentence_initial (text, sentence, start)))
        return FALSE;
    }
  /* The rest in any case ("Minsk group"), but an all-capitals run is a
   * dateline or a shout ("MOSCOW (Reuters) -"), not a name. */
  if (p->length > 1 && has_lower_letter (p->bytes + 1, p->length - 1)
      && !has_lower_letter (got + 1, p->length - 1))
    return FALSE;
  return TRUE;
}

/* Words that are capitalized before a surname for another reason than being
 * a first name: titles, and words that start a sentence. */
static const char *not_first_names[] = {
  "President", "Prime", "Minister", "Secretary", "Chancellor", "Mr", "Mrs", "Ms", "Dr",
  "Senator", "Sen", "Gov", "Governor", "General", "Gen", "Commissioner", "Spokesman",
  "Spokeswoman", "Chairman", "Ambassador", "Envoy", "Chief", "Premier", "Leader",
  "In", "At", "From", "To", "Of", "And", "But", "For", "With", "By", "On", "As", "When",
  "While", "After", "Before", "The", "Then", "Meanwhile", "Both", "Since", "Under",
  NULL
};

static gboolean
looks_like_surname (const char *text,
                    const DmSentence *sentence,
                    gsize start)
{
  const char *p = text + start;
  const char *word_end, *word_start;
  g_autofree char *word = NULL;

  if (start <= sentence->start + 1 || p[-1] != ' ')
    return FALSE;
  word_end = p - 1;
  word_start = word_end;
  while (word_start > text + sentence->start && g_ascii_isalpha (word_start[-1]))
    word_start--;
  if (word_start == word_end || !g_ascii_isupper (word_start[0]))
    return FALSE;
  word = g_strndup (word_start, word_end - word_start);
  return !g_strv_contains (not_first_names, word);
}

/* Capitalized words that may follow a state's name for another reason than
 * its being a first name: titles and offices ("Jordan Foreign Minister"),
 * and words that open a clause. */
static const char *not_surnames[] = {
  "President", "Prime", "Minister", "Foreign", "Defence", "Defense", "Interior", "King", "Queen",
  "Crown", "Emir", "Sultan", "Government", "Army", "Armed", "Parliament", "Senate", "Ambassador",
  "Envoy", "Embassy", "Secretary", "Chancellor", "Premier", "Leader", "Spokesman", "Spokeswoman",
  "The", "And", "But", "On", "In", "At", "To", "As", "If", "When", "While", "Monday", "Tuesday",
  "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  NULL
};

/* "Chad Smith", "Jordan Bardella", "Niger Delta": a capitalized word right
 * after the alias, in a sentence that is not a title (where every word is
 * capitalized). */
static gboolean
looks_like_first_name (const char       *text,
                       gsize             length,
                       const DmSentence *sentence,
                       gsize             end)
{
  gsize word_start = end + 1, word_end;
  g_autofree char *word = NULL;

  if (sentence->is_title || end + 1 >= MIN (length, sentence->end) || text[end] != ' ')
    return FALSE;
  if (!g_unichar_isupper (g_utf8_get_char_validated (text + word_start, length - word_start)))
    return FALSE;
  word_end = word_start;
  while (word_end < length && (g_ascii_isalpha (text[word_end]) || (guchar) text[word_end] >= 0x80))
    word_end++;
  word = g_strndup (text + word_start, word_end - word_start);
  return !g_strv_contains (not_surnames, word);
}

static gboolean
contains_word (const char *haystack,
               gsize       length,
               const char *needle)
{
  gsize n = strlen (needle);
  const char *end = haystack + length;

  for (const char *p = haystack; p + n <= end; p++)
    {
      p = memchr (p, needle[0], end - p);
      if (!p || p + n > end)
        return FALSE;
      if (memcmp (p, needle, n) == 0
          && (p == haystack || !g_ascii_isalnum (p[-1]))
          && (p + n == end || !g_ascii_isalnum (p[n])))
        return TRUE;
    }
  return FALSE;
}

/* The paragraph around @sentence, as a byte range. */
static void
paragraph_range (const GArray *sentences,
                 guint         index,
                 gsize        *start,
                 gsize        *end)
{
  const DmSentence *s = &g_array_index (sentences, DmSentence, index);
  guint first = index, last = index;

  while (first > 0 && g_array_index (sentences, DmSentence, first - 1).paragraph == s->paragraph)
    first--;
  while (last + 1 < sentences->len && g_array_index (sentences, DmSentence, last + 1).paragraph == s->paragraph)
    last++;
  *start = g_array_index (sentences, DmSentence, first).start;
  *end = g_array_index (sentences, DmSentence, last).end;
}

/* The length of the quotation mark at @p, an opening one when @opening,
 * or 0. */
static gsize
quote_length (const char *p, gsize n, gboolean opening)
{
  static const char *const opening_marks[] = { "\"", "\xe2\x80\x9c", "\xc2\xab", "'", "\xe2\x80\x98", NULL };
  static const char *const closing_marks[] = { "\"", "\xe2\x80\x9d", "\xc2\xbb", "'", "\xe2\x80\x99", NULL };
  const char *const *marks = opening ? opening_marks : closing_marks;

  for (guint i = 0; marks[i]; i++)
    if (n >= strlen (marks[i]) && strncmp (p, marks[i], strlen (marks[i])) == 0)
      return strlen (marks[i]);
  return 0;
}

/* A demonym stands for the state only before a state noun ("Armenian
 * troops", "Russian-led"); returns the end of the noun, or 0. */
static gsize
state_noun_end (DmMatcher  *self,
                const char *text,
                gsize       length,
                gsize       end)
{
  gsize pos = end, best = 0, quote;
  GString *phrase;

  if (pos < length && text[pos] == '-')
    {
      gsize w = pos + 1;
      while (w < length && g_ascii_isalpha (text[w]))
        w++;
      g_autofree char *suffix = g_ascii_strdown (text + pos, w - pos);
      return g_hash_table_contains (self->state_nouns, suffix) ? w : 0;
    }
  if (pos >= length || text[pos] != ' ')
    return 0;

  phrase = self->phrase;
  g_string_truncate (phrase, 0);
  pos++;
  /* Russian "peacekeepers": a state noun in quotes is still one */
  quote = quote_length (text + pos, length - pos, TRUE);
  pos += quote;
  for (guint words = 0; words < self->max_noun_words && pos < length; words++)
    {
      gsize w = pos;
      gboolean ascii = TRUE;

      /* Letters of any script: Russian state nouns follow Russian
       * demonyms ("армянская сторона"). */
      while (w < length && (g_ascii_isalpha (text[w]) || text[w] == '-'
                            || ((guchar) text[w] >= 0x80 && is_word_char (char_at (text, length, w)))))
        {
          if ((guchar) text[w] >= 0x80)
            {
              ascii = FALSE;
              w = g_utf8_next_char (text + w) - text;
            }
          else
            w++;
        }
      if (w == pos)
        break;
      if (words > 0)
        g_string_append_c (phrase, ' ');
      if (!ascii)
        {
          g_autofree char *lower = g_utf8_strdown (text + pos, w - pos);
          g_string_append (phrase, lower);
        }
      else
        for (gsize k = pos; k < w; k++)
          g_string_append_c (phrase, g_ascii_isupper (text[k]) ? text[k] + ('a' - 'A') : text[k]);
      if (g_hash_table_contains (self->state_nouns, phrase->str))
        best = w;
      else if (phrase->len > 1 && phrase->str[phrase->len - 1] == 's')
        {
          /* plural of a listed noun: "officials" for "official" */
          g_string_truncate (phrase, phrase->len - 1);
          if (g_hash_table_contains (self->state_nouns, phrase->str))
            best = w;
          g_string_append_c (phrase, 's');
        }
      if (w >= length || text[w] != ' ')
        break;
      pos = w + 1;
    }
  if (best > 0 && quote > 0)
    best += quote_length (text + best, length - best, FALSE);
  return best;
}

/* The end of the capitalized word that " and ", " or " or ", " joins to
 * the word ending at @end, or 0. */
static gsize
next_coordinated_word (const char *text,
                       gsize       length,
                       gsize       end)
{
  static const char *joints[] = { " and ", " or ", ", ", NULL };

  for (guint i = 0; joints[i]; i++)
    {
      gsize n = strlen (joints[i]);
      gsize w;

      if (end + n >= length || strncmp (text + end, joints[i], n) != 0)
        continue;
      w = end + n;
      if (!g_ascii_isupper (text[w]))
        return 0;
      while (w < length && g_ascii_isalpha (text[w]))
        w++;
      return w;
    }
  return 0;
}

/* "Azerbaijani and Armenian troops": a demonym coordinated with another
 * capitalized adjective that has a state noun also stands for its state;
 * so does one in a longer list ("Russian, Turkish and Iranian officials").
 * Returns the end of the demonym itself, or 0.
 *
 * A loop, not a recursion, since the list is as long as the text makes it;
 * and every word reached is given the list's verdict, so that each demonym
 * of "Armenian, Armenian, … troops" stops at the next word instead of
 * walking the rest of the list again. */
static gsize
coordinated_state_noun_end (DmMatcher  *self,
                            const char *text,
                            gsize       length,
                            gsize       end)
{
  gboolean found = FALSE;
  gsize w = end;

  g_array_set_size (self->list_words, 0);
  while ((w = next_coordinated_word (text, length, w)) > 0)
    {
      gpointer verdict;

      if (g_hash_table_lookup_extended (self->list_verdicts, GSIZE_TO_POINTER (w), NULL,
                                        &verdict))
        {
          found = GPOINTER_TO_INT (verdict);
          break;
        }
      g_array_append_val (self->list_words, w);
      if (state_noun_end (self, text, length, w) > 0)
        {
          found = TRUE;
          break;
        }
    }

  for (guint i = 0; i < self->list_words->len; i++)
    g_hash_table_insert (self->list_verdicts,
                         GSIZE_TO_POINTER (g_array_index (self->list_words, gsize, i)),
                         GINT_TO_POINTER (found));
  return found ? end : 0;
}

/* Moves the hits of cue forms out of @candidates into @cue_hits, in the
 * same order, numbered as the lexicon numbers its forms. */
static void
set_cue_hits_apart (DmMatcher *self,
                    GArray    *candidates,
                    GArray    *cue_hits)
{
  Candidate *c = (Candidate *) (void *) candidates->data;
  guint kept = 0;

  for (guint i = 0; i < candidates->len; i++)
    {
      if (c[i].pattern < self->n_alias_patterns)
        c[kept++] = c[i];
      else if (cue_hits)
        {
          DmHit hit = { c[i].start, c[i].end, c[i].pattern - self->n_alias_patterns };
          g_array_append_val (cue_hits, hit);
        }
    }
  g_array_set_size (candidates, kept);
}

void
dm_matcher_find (DmMatcher    *self,
                 const char   *text,
                 gsize         length,
                 const GArray *sentences,
                 GArray       *out)
{
  dm_matcher_find_with_cues (self, text, length, sentences, out, NULL);
}

void
dm_matcher_find_with_cues (DmMatcher    *self,
                           const char   *text,
                           gsize         length,
                           const GArray *sentences,
                           GArray       *out,
                           GArray       *cue_hits)
{
  GArray *candidates = self->candidates;
  const DmAlias *aliases;
  guint si = 0;
  gsize taken_until = 0;
  guint context_paragraph = G_MAXUINT, context_alias = G_MAXUINT;
  gboolean context_found = FALSE;

  g_array_set_size (candidates, 0);
  g_hash_table_remove_all (self->list_verdicts);
  dm_automaton_scan (self->automaton, text, 0, length, candidates, self->lane_scratch);
  set_cue_hits_apart (self, candidates, cue_hits);
  if (candidates->len == 0)
    return;
  /* The gazetteer's aliases, looked up once a call rather than once a
   * candidate (a merge of a user's file may move them in between). */
  aliases = dm_gazetteer_get_alias (self->gazetteer, 0);

  /* Validate first, so that a hit that fails its checks ("us") never
   * blocks a shorter valid one. */
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      const Pattern *p = &g_array_index (self->patterns, Pattern, c->pattern);
      const DmAlias *alias = &aliases[p->alias];

      if (!is_whole_word (text, length, p, c->start, c->end))
        {
          c->end = 0;
          continue;
        }
      if (alias->group == DM_ALIAS_DEMONYM)
        {
          gsize noun_end = state_noun_end (self, text, length, c->end);
          if (noun_end == 0)
            noun_end = coordinated_state_noun_end (self, text, length, c->end);
          c->end = noun_end;  /* 0 drops it */
        }
    }
  dm_hits_sort_by_start (candidates);

  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);
      const Pattern *p = &g_array_index (self->patterns, Pattern, c->pattern);
      const DmAlias *alias = &aliases[p->alias];
      const DmSentence *sentence = NULL;
      DmMatch m;

      if (c->end == 0 || c->start < taken_until)
        continue;
      if (sentences && sentences->len)
        {
          while (si + 1 < sentences->len && g_array_index (sentences, DmSentence, si + 1).start <= c->start)
            si++;
          sentence = &g_array_index (sentences, DmSentence, si);
        }
      if (!passes_case_rule (alias, p, text, c->start, sentence))
        continue;

      m.start = c->start;
      m.end = c->end;
      m.actor = alias->actor;
      m.alias = p->alias;
      m.sentence = si;
      m.confidence = 1.0f;
      m.flags = 0;

      if (alias->ambiguous_always
          || (sentence && alias->ambiguous_as_surname && looks_like_surname (text, sentence, c->start))
          || (sentence && alias->ambiguous_as_first_name
              && looks_like_first_name (text, length, sentence, c->end)))
        {
          m.confidence = 0.3f;
          m.flags |= DM_MATCH_AMBIGUOUS;
        }
      if (sentence && alias->ambiguous_context)
        {
          /* The paragraph's verdict holds for every mention of the alias
           * in it: looked up once. */
          if (sentence->paragraph != context_paragraph || p->alias != context_alias)
            {
              gsize pstart, pend;

              paragraph_range (sentences, si, &pstart, &pend);
              context_paragraph = sentence->paragraph;
              context_alias = p->alias;
              context_found = FALSE;
              for (guint k = 0; alias->ambiguous_context[k] && !context_found; k++)
                context_found = contains_word (text + pstart, pend - pstart, alias->ambiguous_context[k]);
            }
          if (context_found)
            {
              m.confidence = 0.3f;
              m.flags |= DM_MATCH_AMBIGUOUS;
            }
        }
      g_array_append_val (out, m);
      taken_until = c->end;
    }
}
