/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-segmenter.c: sentence and paragraph bounds, exact to the byte.
 *
 * Most cases are a text and the sentences it must give; since a sentence is
 * compared as the exact byte range it covers, a wrong start or end fails.
 * A few cases check the raw offsets, the sample article, invariants on
 * random input, and speed on a large text.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "dm-core.h"

#define MAX_SENTENCES 8

typedef struct
{
  const char *name;
  const char *text;
  const char *sentences[MAX_SENTENCES + 1]; /* NULL-terminated */
} SegmentCase;

static const SegmentCase segment_cases[] = {
  /* abbreviations and titles */
  { "titles", "Mr. Aliyev met Mrs. Smith and Dr. Jones. They talked.",
    { "Mr. Aliyev met Mrs. Smith and Dr. Jones.", "They talked." } },
  { "us-secretary", "The U.S. Secretary of State called. He said so.",
    { "The U.S. Secretary of State called.", "He said so." } },
  { "us-end", "Blinken flew back to the U.S. The talks resumed a week later.",
    { "Blinken flew back to the U.S.", "The talks resumed a week later." } },
  { "us-end-however", "Aid came from the U.S. However, it was not enough.",
    { "Aid came from the U.S.", "However, it was not enough." } },
  { "uk-eu-un", "Officials from the U.K. and the E.U. met the U.N. envoy in Baku.",
    { "Officials from the U.K. and the E.U. met the U.N. envoy in Baku." } },
  { "ranks", "Gen. Smith, Lt. Col. Brown and Sen. Menendez spoke. Rep. Schiff and Gov. Newsom did not.",
    { "Gen. Smith, Lt. Col. Brown and Sen. Menendez spoke.", "Rep. Schiff and Gov. Newsom did not." } },
  { "months", "It happened on Jan. 5 and Sept. 12. On Dec. 1 it ended.",
    { "It happened on Jan. 5 and Sept. 12.", "On Dec. 1 it ended." } },
  { "month-end", "The vote was set for Feb. The delay angered Yerevan.",
    { "The vote was set for Feb.", "The delay angered Yerevan." } },
  { "saint", "They met in St. Petersburg. Prof. Ivanov chaired.",
    { "They met in St. Petersburg.", "Prof. Ivanov chaired." } },
  { "number", "Resolution No. 5 passed. No. It did not.",
    { "Resolution No. 5 passed.", "No.", "It did not." } },
  { "decimals", "Growth was 3.5 percent. Inflation fell to 2.1. Prices rose.",
    { "Growth was 3.5 percent.", "Inflation fell to 2.1.", "Prices rose." } },
  { "initials", "J. Smith and John F. Kennedy spoke. They agreed.",
    { "J. Smith and John F. Kennedy spoke.", "They agreed." } },
  { "company", "Acme Inc. signed the deal with Globex Corp. The firm declined to comment.",
    { "Acme Inc. signed the deal with Globex Corp.", "The firm declined to comment." } },
  { "company-name", "Acme Inc. Chief Executive Jane Doe spoke.",
    { "Acme Inc. Chief Executive Jane Doe spoke." } },
  { "vs-etc", "France vs. Germany ended. Apples, pears, etc. were sold. They sold grain, oil, etc. The market closed.",
    { "France vs. Germany ended.", "Apples, pears, etc. were sold.", "They sold grain, oil, etc.",
      "The market closed." } },
  { "eg-ie", "Some states, e.g. Armenia, agreed. Others, i.e. Azerbaijan, did not.",
    { "Some states, e.g. Armenia, agreed.", "Others, i.e. Azerbaijan, did not." } },
  { "eg-capital", "Several capitals, e.g. Baku and Yerevan, replied.",
    { "Several capitals, e.g. Baku and Yerevan, replied." } },
  { "approx", "It costs approx. 5 million. Nobody paid.",
    { "It costs approx. 5 million.", "Nobody paid." } },
  { "am-pm", "They met at 10 a.m. The talks lasted an hour. Flights left at 9 p.m. Moscow time.",
    { "They met at 10 a.m.", "The talks lasted an hour.", "Flights left at 9 p.m. Moscow time." } },
  { "no-space", "Armenia signed.Azerbaijan did not. See example.com. Done.",
    { "Armenia signed.Azerbaijan did not.", "See example.com.", "Done." } },

  /* quotes, brackets, ellipses */
  { "quote-said", "“We want peace.” he said. Then he left.",
    { "“We want peace.” he said.", "Then he left." } },
  { "quote-new-sentence", "“We want peace.” The talks then resumed.",
    { "“We want peace.”", "The talks then resumed." } },
  { "straight-quotes", "\"We want peace,\" he said. \"Now.\" Blinken said nothing more.",
    { "\"We want peace,\" he said.", "\"Now.\"", "Blinken said nothing more." } },
  { "quote-comma", "“It is a new page,” Mr. Pashinyan said.",
    { "“It is a new page,” Mr. Pashinyan said." } },
  { "single-quotes", "He called it ‘a new chapter.’ The talks resumed.",
    { "He called it ‘a new chapter.’", "The talks resumed." } },
  { "guillemets", "«Nous voulons la paix.» Le ministre est parti.",
    { "«Nous voulons la paix.»", "Le ministre est parti." } },
  { "ellipsis-in-quote", "“We hope… The rest is unclear,” he said. Later he left.",
    { "“We hope… The rest is unclear,” he said.", "Later he left." } },
  { "dots-in-quote", "\"We hope... The rest is unclear,\" he said.",
    { "\"We hope... The rest is unclear,\" he said." } },
  { "ellipsis-outside", "Talks stalled… Then came the war. They paused… and resumed.",
    { "Talks stalled…", "Then came the war.", "They paused… and resumed." } },
  { "three-dots", "We waited... Nothing happened.", { "We waited...", "Nothing happened." } },
  { "ellipsis-closing-quote", "He said “we will see…” Nobody replied.",
    { "He said “we will see…”", "Nobody replied." } },
  { "question-exclamation", "Is it over? Yes! It is. Really?! Yes.",
    { "Is it over?", "Yes!", "It is.", "Really?!", "Yes." } },
  { "question-in-quote", "“Why?” he asked. Nobody answered.",
    { "“Why?” he asked.", "Nobody answered." } },
  { "brackets", "The talks ended (finally.) Both sides left. He left. (He returned later.)",
    { "The talks ended (finally.)", "Both sides left.", "He left.", "(He returned later.)" } },
  { "digit-start", "The vote was held. 25 members agreed.", { "The vote was held.", "25 members agreed." } },
  { "lowercase-next", "The talks ended. and then nothing.", { "The talks ended. and then nothing." } },

  /* other scripts */
  { "cyrillic", "Пашинян прибыл в Москву. Переговоры начались.",
    { "Пашинян прибыл в Москву.", "Переговоры начались." } },
  { "armenian", "Հանդիպումը տեղի ունեցավ: Բանակցությունները շարունակվեցին. Վերջ։",
    { "Հանդիպումը տեղի ունեցավ: Բանակցությունները շարունակվեցին.", "Վերջ։" } },
  { "armenian-full-stop", "Հանդիպումը տեղի ունեցավ։ Բանակցությունները շարունակվեցին։",
    { "Հանդիպումը տեղի ունեցավ։", "Բանակցությունները շարունակվեցին։" } },
  { "georgian", "შეხვედრა შედგა. მხარეები შეთანხმდნენ.", { "შეხვედრა შედგა.", "მხარეები შეთანხმდნენ." } },

  /* edges */
  { "trailing-abbreviation", "He thanked Mr.", { "He thanked Mr." } },
  { "no-final-punctuation", "Armenia and Azerbaijan agree", { "Armenia and Azerbaijan agree" } },
  { "nbsp", "One.\xc2\xa0Two.\xc2\xa0", { "One.", "Two." } },
  { "spaces", "  One.   Two.  ", { "One.", "Two." } },
};

static GPtrArray *
segment (const char *text, gboolean title_in_text, GArray **out_paragraphs, GArray **out_sentences)
{
  g_autoptr(GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (DmParagraph));
  g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (DmSentence));
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  dm_segment_text (text, strlen (text), title_in_text, paragraphs, sentences);

  for (guint i = 0; i < sentences->len; i++)
    {
      const DmSentence *s = &g_array_index (sentences, DmSentence, i);

      g_assert_cmpuint (s->start, <, s->end);
      g_ptr_array_add (texts, g_strndup (text + s->start, s->end - s->start));
    }

  if (out_paragraphs != NULL)
    *out_paragraphs = g_steal_pointer (&paragraphs);
  if (out_sentences != NULL)
    *out_sentences = g_steal_pointer (&sentences);

  return texts;
}

static void
test_segment_case (gconstpointer data)
{
  const SegmentCase *c = data;
  g_autoptr(GPtrArray) texts = segment (c->text, FALSE, NULL, NULL);
  guint expected = 0;

  while (c->sentences[expected] != NULL)
    expected++;

  for (guint i = 0; i < MIN (texts->len, expected); i++)
    g_assert_cmpstr (g_ptr_array_index (texts, i), ==, c->sentences[i]);
  g_assert_cmpuint (texts->len, ==, expected);
}

static void
test_offsets (void)
{
  const char *text = "  One.   Two.  \n\n\t Three “x.”\nFour";
  g_autoptr(GArray) paragraphs = NULL;
  g_autoptr(GArray) sentences = NULL;
  g_autoptr(GPtrArray) texts = segment (text, FALSE, &paragraphs, &sentences);
  static const DmParagraph expected_paragraphs[] = { { 2, 13 }, { 19, 33 }, { 34, 38 } };
  static const DmSentence expected_sentences[] = {
    { 2, 6, 0, FALSE },
    { 9, 13, 0, FALSE },
    { 19, 33, 1, FALSE },
    { 34, 38, 2, FALSE },
  };

  g_assert_cmpuint (paragraphs->len, ==, G_N_ELEMENTS (expected_paragraphs));
  for (guint i = 0; i < paragraphs->len; i++)
    {
      g_assert_cmpuint (g_array_index (paragraphs, DmParagraph, i).start, ==,
                        expected_paragraphs[i].start);
      g_assert_cmpuint (g_array_index (paragraphs, DmParagraph, i).end, ==,
                        expected_paragraphs[i].end);
    }

  g_assert_cmpuint (sentences->len, ==, G_N_ELEMENTS (expected_sentences));
  for (guint i = 0; i < sentences->len; i++)
    {
      const DmSentence *s = &g_array_index (sentences, DmSentence, i);

      g_assert_cmpuint (s->start, ==, expected_sentences[i].start);
      g_assert_cmpuint (s->end, ==, expected_sentences[i].end);
      g_assert_cmpuint (s->paragraph, ==, expected_sentences[i].paragraph);
      g_assert_false (s->is_title);
    }
}

static void
test_title (void)
{
  const char *text = "U.S. envoy visits Baku. Talks due\nFirst. Second.\n\nThird.";
  g_autoptr(GArray) paragraphs = NULL;
  g_autoptr(GArray) sentences = NULL;
  g_autoptr(GPtrArray) texts = segment (text, TRUE, &paragraphs, &sentences);
  const char *expected[] = { "U.S. envoy visits Baku. Talks due", "First.", "Second.", "Third." };
  const guint expected_paragraph[] = { 0, 1, 1, 2 };

  g_assert_cmpuint (paragraphs->len, ==, 3);
  g_assert_cmpuint (texts->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < texts->len; i++)
    {
      const DmSentence *s = &g_array_index (sentences, DmSentence, i);

      g_assert_cmpstr (g_ptr_array_index (texts, i), ==, expected[i]);
      g_assert_cmpuint (s->paragraph, ==, expected_paragraph[i]);
      g_assert_cmpint (s->is_title, ==, i == 0);
    }

  /* Without title_in_text the first line is ordinary prose. */
  g_clear_pointer (&texts, g_ptr_array_unref);
  texts = segment (text, FALSE, NULL, NULL);
  g_assert_cmpuint (texts->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "U.S. envoy visits Baku.");
}

/* "Appends": indices point into the whole paragraph array. */
static void
test_append (void)
{
  g_autoptr(GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (DmParagraph));
  g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (DmSentence));

  dm_segment_text ("One. Two.", 9, FALSE, paragraphs, sentences);
  dm_segment_text ("C.\nD.", 5, FALSE, paragraphs, sentences);

  g_assert_cmpuint (paragraphs->len, ==, 3);
  g_assert_cmpuint (sentences->len, ==, 4);
  g_assert_cmpuint (g_array_index (sentences, DmSentence, 3).paragraph, ==, 2);
}

static void
test_empty (void)
{
  g_autoptr(GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (DmParagraph));
  g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (DmSentence));

  dm_segment_text ("", 0, TRUE, paragraphs, sentences);
  dm_segment_text (" \n\t\n  ", 6, TRUE, paragraphs, sentences);
  dm_segment_text ("abc", 0, FALSE, paragraphs, sentences);

  g_assert_cmpuint (paragraphs->len, ==, 0);
  g_assert_cmpuint (sentences->len, ==, 0);

  /* @length is honoured: nothing past it is read. */
  dm_segment_text ("One. Two. Three.", 9, FALSE, paragraphs, sentences);
  g_assert_cmpuint (sentences->len, ==, 2);
  g_assert_cmpuint (g_array_index (sentences, DmSentence, 1).end, ==, 9);
}

static char *
sample_path (void)
{
  const char *root = g_getenv ("DM_SOURCE_ROOT");

  if (root != NULL)
    return g_build_filename (root, "data", "articles", "blinken-aliyev-call.txt", NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "articles", "blinken-aliyev-call.txt",
                                NULL);
}

static void
test_sample (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = dm_load_documents_from_path (path, &error);
  g_autoptr(GArray) paragraphs = NULL;
  g_autoptr(GArray) sentences = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  DmDocument *document;
  const char *text;

  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  document = g_ptr_array_index (documents, 0);
  text = dm_document_get_text (document);
  texts = segment (text, dm_document_get_title_in_text (document), &paragraphs, &sentences);

  g_assert_cmpuint (paragraphs->len, ==, 9);
  g_assert_cmpuint (sentences->len, ==, 13);

  g_assert_true (g_array_index (sentences, DmSentence, 0).is_title);
  g_assert_cmpuint (g_array_index (sentences, DmSentence, 0).start, ==, 0);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==,
                   "US Secretary of State Antony Blinken urges Azerbaijani President to "
                   "de-escalate tensions with Armenia");
  g_assert_cmpstr (g_ptr_array_index (texts, 1), ==,
                   "US Secretary of State Antony Blinken calls Azerbaijan’s President Ilham Aliyev "
                   "to ease tensions with neighboring Armenia as call preceded US-EU initiative to "
                   "bolster economic support for Yerevan");
  g_assert_cmpstr (
      g_ptr_array_index (texts, 3), ==,
      "The call preceded a scheduled US-EU initiative to bolster economic support for Yerevan.");
  g_assert_cmpstr (g_ptr_array_index (texts, 4), ==,
                   "During the conversation, Blinken expressed support for the ongoing peace "
                   "negotiations between Azerbaijan and Armenia, emphasizing the potential "
                   "“economic benefits to the entire region” that could result from a resolution "
                   "to the longstanding conflict.");
  g_assert_cmpstr (g_ptr_array_index (texts, 7), ==,
                   "Notably, despite being a significant extractor of fossil fuels, Azerbaijan is "
                   "set to host this year’s UN climate summit.");
  g_assert_true (g_str_has_suffix (g_ptr_array_index (texts, 12), "much to Armenia’s dismay."));
  g_assert_cmpuint (g_array_index (sentences, DmSentence, 12).end, ==, strlen (text));
  g_assert_cmpuint (g_array_index (sentences, DmSentence, 12).paragraph, ==, 8);
  for (guint i = 1; i < sentences->len; i++)
    g_assert_false (g_array_index (sentences, DmSentence, i).is_title);
}

/* Whatever the bytes, the bounds hold: in order, inside their paragraph,
 * never starting or ending with a space. */
static void
test_random_invariants (void)
{
  static const char *const pieces[] = {
    "U.S.", " ",        "  ",       "\n",   ".",    "?",   "!",   "…",    "“", "”",
    "\"",   "'",        "’",        "(",    ")",    "Mr.", "The", "the",  "A", "3.5",
    "...",  "\xc2\xa0", "\xe2\x80", "\xc2", "\xff", "Ə",   "x",   "e.g.",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (DmParagraph));
      g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (DmSentence));
      guint n = g_rand_int_range (rand, 0, 40);
      gsize last_end = 0;

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

      dm_segment_text (text->str, text->len, round % 2, paragraphs, sentences);

      for (guint i = 0; i < sentences->len; i++)
        {
          const DmSentence *s = &g_array_index (sentences, DmSentence, i);
          const DmParagraph *p;

          g_assert_cmpuint (s->paragraph, <, paragraphs->len);
          p = &g_array_index (paragraphs, DmParagraph, s->paragraph);
          g_assert_cmpuint (s->start, <, s->end);
          g_assert_cmpuint (s->start, >=, last_end);
          g_assert_cmpuint (s->start, >=, p->start);
          g_assert_cmpuint (s->end, <=, p->end);
          g_assert_false (g_ascii_isspace (text->str[s->start]));
          g_assert_false (g_ascii_isspace (text->str[s->end - 1]));
          last_end = s->end;
        }
    }
}

/* One linear pass: a large text in well under a second or two (100 MB
 * with -m slow). */
static void
test_speed (void)
{
  static const char unit[]
      = "Mr. Blinken called the U.S. Secretary of State on Jan. 5, “urging peace.” "
        "Growth was 3.5 percent… Then talks resumed in St. Petersburg! Was it over?\n";
  gsize size = g_test_slow () ? 100 * 1000 * 1000 : 20 * 1000 * 1000;
  gsize unit_length = sizeof unit - 1;
  gsize n_units = size / unit_length;
  g_autofree char *text = g_malloc (n_units * unit_length + 1);
  g_autoptr(GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (DmParagraph));
  g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (DmSentence));
  gdouble seconds;

  for (gsize i = 0; i < n_units; i++)
    memcpy (text + i * unit_length, unit, unit_length);
  text[n_units * unit_length] = '\0';

  g_test_timer_start ();
  dm_segment_text (text, n_units * unit_length, FALSE, paragraphs, sentences);
  seconds = g_test_timer_elapsed ();

  g_test_message ("%" G_GSIZE_FORMAT " bytes: %.3f s", n_units * unit_length, seconds);
  g_assert_cmpuint (paragraphs->len, ==, n_units);
  g_assert_cmpuint (sentences->len, ==, n_units * 4);
  /* generous: sanitizer builds are several times slower */
  g_assert_cmpfloat (seconds, <, 20.0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (segment_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/segmenter/case/%s", segment_cases[i].name);
      g_test_add_data_func (name, &segment_cases[i], test_segment_case);
    }

  g_test_add_func ("/segmenter/offsets", test_offsets);
  g_test_add_func ("/segmenter/title", test_title);
  g_test_add_func ("/segmenter/append", test_append);
  g_test_add_func ("/segmenter/empty", test_empty);
  g_test_add_func ("/segmenter/sample", test_sample);
  g_test_add_func ("/segmenter/random-invariants", test_random_invariants);
  g_test_add_func ("/segmenter/speed", test_speed);

  return g_test_run ();
}
