/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-segmenter.c: paragraphs and sentences of a normalized text.
 *
 * Evidence in Diplomap is a sentence, so its bounds must be right in news
 * prose: "U.S. Secretary", "Mr. Aliyev", "Jan. 5", "J. Smith" and "3.5" do
 * not end sentences, "…peace,” he said" keeps its closing quote, and "the
 * U.S. The talks" does end one.  One linear pass over the text; the only
 * look-behind and look-ahead are a word on either side of a full stop.
 */
#include "config.h"

#include "dm-segmenter.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "dm-core-resources.h"

/* How an abbreviation before a full stop affects the split. */
typedef enum {
  ABBR_NONE,    /* an ordinary word: the full stop ends the sentence */
  ABBR_NEVER,   /* precedes what follows ("Mr.", "e.g."): never split */
  ABBR_STARTER, /* may end a sentence ("U.S.", "Inc."): split only before a word that starts one */
  ABBR_NUMBER,  /* "No. 5": no split before a digit */
} AbbrKind;

typedef struct {
  const char *word;
  gsize       length;
  AbbrKind    kind;
} Abbreviation;

#define A(word, kind) { word, sizeof word - 1, kind }

static const Abbreviation abbreviations[] = {
  /* titles and ranks: always followed by a name */
  A ("Mr", ABBR_NEVER), A ("Mrs", ABBR_NEVER), A ("Ms", ABBR_NEVER),
  A ("Dr", ABBR_NEVER), A ("Prof", ABBR_NEVER), A ("Gen", ABBR_NEVER),
  A ("Lt", ABBR_NEVER), A ("Col", ABBR_NEVER), A ("Maj", ABBR_NEVER),
  A ("Capt", ABBR_NEVER), A ("Cmdr", ABBR_NEVER), A ("Adm", ABBR_NEVER),
  A ("Brig", ABBR_NEVER), A ("Sgt", ABBR_NEVER), A ("Sen", ABBR_NEVER),
  A ("Rep", ABBR_NEVER), A ("Gov", ABBR_NEVER), A ("Amb", ABBR_NEVER),
  A ("Pres", ABBR_NEVER), A ("Rev", ABBR_NEVER), A ("Hon", ABBR_NEVER),
  A ("St", ABBR_NEVER), A ("Mt", ABBR_NEVER), A ("Ft", ABBR_NEVER),
  /* mid-sentence by nature */
  A ("vs", ABBR_NEVER), A ("v", ABBR_NEVER), A ("cf", ABBR_NEVER),
  A ("viz", ABBR_NEVER), A ("approx", ABBR_NEVER), A ("Approx", ABBR_NEVER),
  A ("ca", ABBR_NEVER), A ("incl", ABBR_NEVER),
  /* before numbers */
  A ("No", ABBR_NUMBER), A ("no", ABBR_NUMBER), A ("Nos", ABBR_NUMBER),
  A ("Art", ABBR_NUMBER), A ("art", ABBR_NUMBER), A ("Vol", ABBR_NUMBER),
  A ("vol", ABBR_NUMBER), A ("p", ABBR_NUMBER), A ("pp", ABBR_NUMBER),
  A ("Fig", ABBR_NUMBER), A ("fig", ABBR_NUMBER), A ("para", ABBR_NUMBER),
  /* months: "Jan. 5" never splits, "in Jan. The" does */
  A ("Jan", ABBR_STARTER), A ("Feb", ABBR_STARTER), A ("Mar", ABBR_STARTER),
  A ("Apr", ABBR_STARTER), A ("Jun", ABBR_STARTER), A ("Jul", ABBR_STARTER),
  A ("Aug", ABBR_STARTER), A ("Sep", ABBR_STARTER), A ("Sept", ABBR_STARTER),
  A ("Oct", ABBR_STARTER), A ("Nov", ABBR_STARTER), A ("Dec", ABBR_STARTER),
  /* end names, and so sometimes sentences */
  A ("Inc", ABBR_STARTER), A ("Corp", ABBR_STARTER), A ("Ltd", ABBR_STARTER),
  A ("Co", ABBR_STARTER), A ("Bros", ABBR_STARTER), A ("Jr", ABBR_STARTER),
  A ("Sr", ABBR_STARTER), A ("al", ABBR_STARTER),
};

#undef A

/* The longest word in the table above. */
#define MAX_ABBREVIATION 6

/* Dotted abbreviations that never end a sentence (the dots inside are
 * already gone: "e.g." is looked up as "e.g"). */
static const char *const never_dotted[] = { "e.g", "i.e", "E.g", "I.e", "a.k.a" };

/* Words that begin sentences and hardly ever a name: after "U.S." they say
 * the abbreviation also ended the sentence. */
static const char *const starters[] = {
  "A", "According", "After", "Also", "Although", "An", "And", "As", "Asked",
  "At", "Before", "Both", "But", "By", "Despite", "During", "Each", "Earlier",
  "For", "From", "He", "Her", "Here", "His", "How", "However", "I", "If", "In",
  "Instead", "It", "Its", "Last", "Later", "Many", "Meanwhile", "Moreover",
  "Most", "Nevertheless", "Next", "No", "Not", "On", "One", "Our", "Several",
  "She", "Since", "So", "Some", "Still", "Such", "That", "The", "Their",
  "Then", "There", "These", "They", "This", "Those", "Though", "Thus", "To",
  "Under", "Until", "We", "What", "When", "Where", "While", "Who", "Why",
  "With", "Without", "Yet", "You",
};

/* Bytes the scan must stop at: terminators, quotes and the lead bytes of
 * the multibyte ones (… “ ” « » and the Armenian full stop ։). */
static const guint8 interesting[256] = {
  ['.'] = 1, ['!'] = 1, ['?'] = 1, ['"'] = 1, [0xC2] = 1, [0xD6] = 1, [0xE2] = 1,
};

static inline gboolean
is_armenian_stop_at (const char *text,
                     gsize       i,
                     gsize       end)
{
  return i + 1 < end && (guchar) text[i] == 0xD6 && (guchar) text[i + 1] == 0x89;
}

static inline gboolean
is_space_at (const char *text,
             gsize       i,
             gsize       end)
{
  guchar c = (guchar) text[i];

  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v')
    return TRUE;
  /* U+00A0, in case a caller hands us text the loader did not normalize */
  return c == 0xC2 && i + 1 < end && (guchar) text[i + 1] == 0xA0;
}

static inline gsize
space_length (const char *text,
              gsize       i)
{
  return (guchar) text[i] == 0xC2 ? 2 : 1;
}

/* Length in bytes of a closing quote or bracket at @i, else 0. */
static inline gsize
closer_length (const char *text,
               gsize       i,
               gsize       end,
               gboolean   *is_quote)
{
  guchar c = (guchar) text[i];

  *is_quote = FALSE;
  if (c == ')' || c == ']' || c == '}' || c == '\'')
    return 1;
  if (c == '"')
    {
      *is_quote = TRUE;
      return 1;
    }
  if (c == 0xE2 && i + 2 < end && (guchar) text[i + 1] == 0x80)
    {
      guchar d = (guchar) text[i + 2];

      if (d == 0x9D) /* ” */
        {
          *is_quote = TRUE;
          return 3;
        }
      if (d == 0x99) /* ’ */
        return 3;
    }
  if (c == 0xC2 && i + 1 < end && (guchar) text[i + 1] == 0xBB) /* » */
    {
      *is_quote = TRUE;
      return 2;
    }
  return 0;
}

static inline gboolean
is_ellipsis_at (const char *text,
                gsize       i,
                gsize       end)
{
  return i + 2 < end && (guchar) text[i] == 0xE2 && (guchar) text[i + 1] == 0x80
         && (guchar) text[i + 2] == 0xA6;
}

/* Whether what follows a terminator can begin a sentence: a capital (or a
 * letter of a script without case), a digit, an opening quote or bracket. */
static gboolean
can_start_sentence (const char *text,
                    gsize       i,
                    gsize       end,
                    gboolean    letters_only)
{
  guchar c = (guchar) text[i];
  gunichar ch;

  if (c < 0x80)
    {
      if (g_ascii_isupper (c))
        return TRUE;
      if (letters_only)
        return FALSE;
      return g_ascii_isdigit (c) || c == '"' || c == '\'' || c == '(' || c == '[';
    }

  ch = g_utf8_get_char_validated (text + i, end - i);
  if (ch == (gunichar) -1 || ch == (gunichar) -2)
    return FALSE;

  if (!letters_only && (ch == 0x201C || ch == 0x2018 || ch == 0x00AB || ch == 0x201E))
    return TRUE;

  /* Georgian Mkhedruli is lowercase to Unicode since Mtavruli got encoded,
   * yet Georgian prose never capitalizes: any letter may start a sentence. */
  if (ch >= 0x10D0 && ch <= 0x10FF)
    return TRUE;

  return g_unichar_isupper (ch) || g_unichar_istitle (ch)
         || (g_unichar_isalpha (ch) && !g_unichar_islower (ch));
}

static gboolean
word_in (const char        *word,
         gsize              length,
         const char *const *list,
         gsize              n)
{
  for (gsize k = 0; k < n; k++)
    if (strlen (list[k]) == length && memcmp (list[k], word, length) == 0)
      return TRUE;
  return FALSE;
}

static gboolean next_language_word_is_starter (const char *text, gsize i, gsize end);

static gboolean
next_word_is_starter (const char *text,
                      gsize       i,
                      gsize       end)
{
  gsize j = i;

  if ((guchar) text[i] >= 0x80 && g_unichar_isalpha (g_utf8_get_char_validated (text + i, end - i)))
    return next_language_word_is_starter (text, i, end);

  /* A quotation opening after "U.S." begins a new sentence. */
  if (!g_ascii_isalpha (text[i]))
    return !g_ascii_isdigit (text[i]);

  while (j < end && j - i < 16 && g_ascii_isalpha (text[j]))
    j++;

  return word_in (text + i, j - i, starters, G_N_ELEMENTS (starters));
}

/* ── Languages of articles (issue 13) ─────────────────────────────────
 * The abbreviations of the other languages the segmenter knows, from
 * data/ru/abbreviations.json: looked up for words that start with a
 * letter outside ASCII, so that English never pays for them and a
 * Cyrillic word never clashes with an English one.  Built once. */
typedef struct {
  GHashTable *kinds;    /* word → AbbrKind + 1 */
  GHashTable *starters; /* words that start sentences after a "г." */
} LanguageAbbreviations;

static void
add_words (GHashTable *table,
           JsonObject *root,
           const char *member,
           AbbrKind    kind)
{
  JsonArray *words = json_object_has_member (root, member) ? json_object_get_array_member (root, member) : NULL;

  for (guint i = 0; words && i < json_array_get_length (words); i++)
    g_hash_table_insert (table, g_strdup (json_array_get_string_element (words, i)),
                         GUINT_TO_POINTER (kind + 1));
}

static const LanguageAbbreviations *
get_language_abbreviations (void)
{
  static LanguageAbbreviations tables;
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr (GBytes) bytes = g_resource_lookup_data (dm_core_get_resource (),
                                                         "/io/github/diplomap/Diplomap/core/ru/abbreviations.json",
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr (JsonParser) parser = json_parser_new ();

      tables.kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      tables.starters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      if (bytes != NULL
          && json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL)
          && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          JsonObject *root = json_node_get_object (json_parser_get_root (parser));

          add_words (tables.kinds, root, "number", ABBR_NUMBER);
          add_words (tables.kinds, root, "starter", ABBR_STARTER);
          add_words (tables.kinds, root, "never", ABBR_NEVER);
          add_words (tables.starters, root, "starters", ABBR_STARTER);
        }
      g_once_init_leave (&loaded, 1);
    }
  return &tables;
}

static AbbrKind
classify_language_word (const char *word,
                        gsize       length)
{
  const LanguageAbbreviations *tables = get_language_abbreviations ();
  g_autofree char *key = g_strndup (word, length);
  gpointer kind = g_hash_table_lookup (tables->kinds, key);

  if (kind != NULL)
    return (AbbrKind) (GPOINTER_TO_UINT (kind) - 1);
  return ABBR_NONE;
}

/* After an initial or "г.", a Cyrillic word that starts sentences says the
 * sentence ended; another initial ("В. В. Путин") or a name says not. */
static gboolean
next_language_word_is_starter (const char *text,
                               gsize       i,
                               gsize       end)
{
  const LanguageAbbreviations *tables = get_language_abbreviations ();
  gsize j = i;
  g_autofree char *word = NULL;

  while (j < end && j - i < 48)
    {
      gunichar c = g_utf8_get_char_validated (text + j, end - j);

      if (c == (gunichar) -1 || c == (gunichar) -2 || !(g_unichar_isalpha (c) || c == '-'))
        break;
      j = g_utf8_next_char (text + j) - text;
    }
  if (j < end && text[j] == '.' && g_utf8_strlen (text + i, j - i) == 1)
    return FALSE;
  word = g_strndup (text + i, j - i);
  return g_hash_table_contains (tables->starters, word);
}

static AbbrKind
classify_word (const char *word,
               gsize       length)
{
  gboolean dotted = FALSE;

  if (length == 0)
    return ABBR_NONE;

  if ((guchar) word[0] >= 0x80 && !(length == 2 && g_unichar_isupper (g_utf8_get_char_validated (word, 2))))
    return classify_language_word (word, length);

  /* Initials: "J. Smith", but "Plan B. The talks". */
  if (length == 1 && g_ascii_isupper (word[0]))
    return ABBR_STARTER;
  if (length == 2 && (guchar) word[0] >= 0x80 && g_unichar_isupper (g_utf8_get_char_validated (word, 2)))
    return ABBR_STARTER;

  if (memchr (word, '.', length) != NULL)
    {
      gsize piece = 0;

      if (word_in (word, length, never_dotted, G_N_ELEMENTS (never_dotted)))
        return ABBR_NEVER;

      /* "U.S", "U.N", "a.m": short letter groups between dots.  A domain
       * name or a missing space ("talks.The") has longer groups. */
      for (gsize k = 0; k < length; k++)
        {
          if (word[k] == '.')
            {
              if (piece == 0)
                return ABBR_NONE;
              piece = 0;
              dotted = TRUE;
            }
          else if (g_ascii_isalpha (word[k]) && ++piece <= 2)
            continue;
          else
            return ABBR_NONE;
        }
      return dotted ? ABBR_STARTER : ABBR_NONE;
    }

  if (length > MAX_ABBREVIATION)
    return ABBR_NONE;

  for (gsize k = 0; k < G_N_ELEMENTS (abbreviations); k++)
    if (abbreviations[k].length == length && memcmp (abbreviations[k].word, word, length) == 0)
      return abbreviations[k].kind;

  return ABBR_NONE;
}

/* The word before a full stop at @dot, without opening quotes or brackets. */
static AbbrKind
classify_word_before (const char *text,
                      gsize       start,
                      gsize       dot)
{
  gsize w = dot;

  while (w > start && dot - w < 24)
    {
      guchar c = (guchar) text[w - 1];

      if (c == ' ' || c == '\t' || c == '(' || c == '[' || c == '"' || c == '\'')
        break;
      /* “ ‘ and a no-break space */
      if (w - start >= 3 && (guchar) text[w - 3] == 0xE2 && (guchar) text[w - 2] == 0x80
          && (c == 0x9C || c == 0x98))
        break;
      if (w - start >= 2 && (guchar) text[w - 2] == 0xC2 && c == 0xA0)
        break;
      w--;
    }

  if (dot - w >= 24)
    return ABBR_NONE;

  return classify_word (text + w, dot - w);
}

static void
add_sentence (GArray  *sentences,
              gsize    start,
              gsize    end,
              guint    paragraph,
              gboolean is_title)
{
  DmSentence s = { start, end, paragraph, is_title };

  g_array_append_val (sentences, s);
}

static void
segment_paragraph (const char *text,
                   gsize       start,
                   gsize       end,
                   guint       paragraph,
                   GArray     *sentences)
{
  gsize sentence = start;
  gsize i = start;
  int depth = 0; /* quotation nesting; an ellipsis inside a quote never splits */
  int guillemets = 0; /* «» nesting: Russian prose keeps a quoted passage in its sentence */

  while (i < end)
    {
      guchar c = (guchar) text[i];
      gsize j, next;
      guint dots = 0, strong = 0;
      gboolean ellipsis = FALSE;
      gboolean split;

      if (!interesting[c])
        {
          i++;
          continue;
        }

      if (c == '"')
        {
          guchar prev = i > start ? (guchar) text[i - 1] : ' ';

          if (prev == ' ' || prev == '(' || prev == '[' || prev == '-' || prev == '\t')
            depth++;
          else if (depth > 0)
            depth--;
          i++;
          continue;
        }

      if (c == 0xD6 && !is_armenian_stop_at (text, i, end))
        {
          i++;
          continue;
        }

      if (c == 0xE2 || c == 0xC2)
        {
          if (i + 1 < end && c == 0xC2)
            {
              if ((guchar) text[i + 1] == 0xAB) /* « */
                depth++, guillemets++;
              else if ((guchar) text[i + 1] == 0xBB && depth > 0) /* » */
                depth--;
              if ((guchar) text[i + 1] == 0xBB && guillemets > 0)
                guillemets--;
              i += 2;
              continue;
            }
          if (i + 2 < end && (guchar) text[i + 1] == 0x80)
            {
              guchar d = (guchar) text[i + 2];

              if (d == 0x9C) /* “ */
                depth++;
              else if (d == 0x9D && depth > 0) /* ” */
                depth--;
              if (d != 0xA6) /* anything but … */
                {
                  i += 3;
                  continue;
                }
            }
          else
            {
              i++;
              continue;
            }
        }

      /* A run of terminators: ".", "?!", "...", "…" */
      j = i;
      while (j < end)
        {
          if (text[j] == '.')
            dots++, j++;
          else if (text[j] == '!' || text[j] == '?')
            strong++, j++;
          else if (is_ellipsis_at (text, j, end))
            ellipsis = TRUE, j += 3;
          else if (is_armenian_stop_at (text, j, end))
            strong++, j += 2;
          else
            break;
        }
      ellipsis = strong == 0 && (ellipsis || dots >= 2);

      /* Closing quotes and brackets stay with the sentence they close. */
      for (;;)
        {
          gboolean is_quote;
          gsize n = j < end ? closer_length (text, j, end, &is_quote) : 0;

          if (n == 0)
            break;
          if (is_quote && depth > 0)
            depth--;
          if (n == 2 && (guchar) text[j] == 0xC2 && guillemets > 0)
            guillemets--;
          j += n;
        }

      if (j >= end || !is_space_at (text, j, end))
        {
          i = j;
          continue;
        }

      next = j;
      while (next < end && is_space_at (text, next, end))
        next += space_length (text, next);
      if (next >= end)
        break;

      if (ellipsis)
        split = depth == 0 && can_start_sentence (text, next, end, TRUE);
      else if (!can_start_sentence (text, next, end, FALSE))
        split = FALSE;
      else if (strong > 0)
        split = TRUE;
      else
        switch (classify_word_before (text, sentence, i))
          {
          case ABBR_NEVER:
            split = FALSE;
            break;
          case ABBR_STARTER:
            split = next_word_is_starter (text, next, end);
            break;
          case ABBR_NUMBER:
            split = !g_ascii_isdigit (text[next]);
            break;
          case ABBR_NONE:
          default:
            split = TRUE;
            break;
          }

      /* «Мы готовы. Переговоры продолжатся», — сказал он: one sentence,
       * as long as the quotation closes in the paragraph. */
      if (split && guillemets > 0 && g_strstr_len (text + j, end - j, "\xc2\xbb") != NULL)
        split = FALSE;

      if (split)
        {
          add_sentence (sentences, sentence, j, paragraph, FALSE);
          sentence = next;
        }
      i = next;
    }

  if (sentence < end)
    add_sentence (sentences, sentence, end, paragraph, FALSE);
}

void
dm_segment_text (const char *text,
                 gsize       length,
                 gboolean    title_in_text,
                 GArray     *paragraphs,
                 GArray     *sentences)
{
  gsize line = 0;
  gboolean first = TRUE;

  g_return_if_fail (text != NULL || length == 0);
  g_return_if_fail (length <= G_MAXUINT32);
  g_return_if_fail (paragraphs != NULL);
  g_return_if_fail (sentences != NULL);

  while (line < length)
    {
      const char *nl = memchr (text + line, '\n', length - line);
      gsize line_end = nl != NULL ? (gsize) (nl - text) : length;
      gsize start = line, end = line_end;
      DmParagraph paragraph;

      while (start < end && is_space_at (text, start, end))
        start += space_length (text, start);
      while (end > start && (is_space_at (text, end - 1, end)
                             || (end - start >= 2 && (guchar) text[end - 2] == 0xC2
                                 && (guchar) text[end - 1] == 0xA0)))
        end -= (guchar) text[end - 1] == 0xA0 ? 2 : 1;

      if (start < end)
        {
          paragraph.start = start;
          paragraph.end = end;
          g_array_append_val (paragraphs, paragraph);

          if (first && title_in_text)
            add_sentence (sentences, start, end, paragraphs->len - 1, TRUE);
          else
            segment_paragraph (text, start, end, paragraphs->len - 1, sentences);
          first = FALSE;
        }

      line = line_end + 1;
    }
}
