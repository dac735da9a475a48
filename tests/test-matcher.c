/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-matcher.c: the gazetteer matcher on the traps of real news text:
 * leftmost-longest, whole words, possessives and compounds, case rules,
 * demonyms, ambiguity.  Each case lists every mention with its byte offset. */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "dm-core.h"

static DmGazetteer *gazetteer;
static DmMatcher *matcher;

/* "CODE@start:text CODE@start:text …", with '?' after CODE for a flagged
 * (ambiguous) mention. */
static char *
describe_matches (const char *text, gboolean title_in_text)
{
  g_autoptr (GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (DmParagraph));
  g_autoptr (GArray) sentences = g_array_new (FALSE, FALSE, sizeof (DmSentence));
  g_autoptr (GArray) matches = g_array_new (FALSE, FALSE, sizeof (DmMatch));
  GString *out = g_string_new (NULL);

  dm_segment_text (text, strlen (text), title_in_text, paragraphs, sentences);
  dm_matcher_find (matcher, text, strlen (text), sentences, matches);
  for (guint i = 0; i < matches->len; i++)
    {
      const DmMatch *m = &g_array_index (matches, DmMatch, i);
      g_string_append_printf (out, "%s%s%s@%" G_GSIZE_FORMAT ":%.*s", i ? " " : "",
                              dm_gazetteer_get_actor (gazetteer, m->actor)->code,
                              (m->flags & DM_MATCH_AMBIGUOUS) ? "?" : "", m->start,
                              (int) (m->end - m->start), text + m->start);
    }
  return g_string_free (out, FALSE);
}

typedef struct {
  const char *name;
  const char *text;
  const char *expected;
} Case;

static const Case cases[] = {
  { "longest-nagorno", "Fighting in Nagorno-Karabakh resumed.", "NKR@12:Nagorno-Karabakh" },
  { "longest-separatists", "Talks with Armenian separatists stalled.", "NKR@11:Armenian separatists" },
  { "longest-union", "The European Union said so.", "EU@4:European Union" },
  { "possessive-typographic", "Azerbaijan\xe2\x80\x99s President spoke.", "AZE@0:Azerbaijan" },
  { "possessive-plain", "It was Armenia's choice.", "ARM@7:Armenia" },
  { "hyphen-compound", "A US-EU initiative began.", "USA@2:US EU@5:EU" },
  { "acronym-case", "Let us see what the US does.", "USA@20:US" },
  { "dateline-capitals", "MOSCOW (Reuters) - Moscow replied.", "RUS@19:Moscow" },
  { "glued-word", "Armeniaalso replied.", "" },
  { "hashtag", "Support #Armenia now.", "ARM@9:Armenia" },
  { "demonym-noun", "Armenian troops moved.", "ARM@0:Armenian troops" },
  { "demonym-media", "Armenian media reported it.", "" },
  /* a state noun in quotes, the writer's doubt about the word */
  { "demonym-quoted-noun", "Russian \"peacekeepers\" left.", "RUS@0:Russian \"peacekeepers\"" },
  { "demonym-curly-quoted-noun", "Russian \xe2\x80\x9cpeacekeepers\xe2\x80\x9d left.",
    "RUS@0:Russian \xe2\x80\x9cpeacekeepers\xe2\x80\x9d" },
  { "demonym-quoted-media", "Russian \"media\" said so.", "" },
  { "demonym-people", "Armenians and Azerbaijanis live here.", "" },
  { "demonym-led", "A Russian-led alliance met.", "RUS@2:Russian-led" },
  { "demonym-coordinated", "Azerbaijani and Armenian troops clashed.",
    "AZE@0:Azerbaijani ARM@16:Armenian troops" },
  { "demonym-list", "Russian, Turkish and Iranian officials met.",
    "RUS@0:Russian TUR@9:Turkish IRN@21:Iranian officials" },
  /* One list's verdict is not another's. */
  { "demonym-lists-apart", "Russian and Turkish media met. Armenian and Iranian officials met.",
    "ARM@31:Armenian IRN@44:Iranian officials" },
  { "demonym-list-then-media", "Armenian and Iranian officials, Turkish media.",
    "ARM@0:Armenian IRN@13:Iranian officials" },
  { "demonym-coordinated-not-state", "Armenian and Azerbaijani peoples live here.", "" },
  { "demonym-prime-minister", "Armenian Prime Minister Nikol Pashinyan spoke.",
    "ARM@0:Armenian Prime Minister ARM@24:Nikol Pashinyan" },
  { "nkr-forces", "They fought ethnic Armenian forces there.", "NKR@12:ethnic Armenian forces" },
  { "sentence-initial-lowercase-alias", "Ethnic Armenian forces withdrew.", "NKR@0:Ethnic Armenian forces" },
  { "office-holders", "Blinken called Aliyev.", "USA@0:Blinken AZE@15:Aliyev" },
  { "abbreviation-us", "The U.S. State Department said.", "USA@4:U.S. USA@9:State Department" },
  { "minsk-group", "The OSCE Minsk Group met.", "OSCE@4:OSCE Minsk Group" },
  { "georgia-us-state", "Georgia voters in Atlanta went to the polls.", "GEO?@0:Georgia" },
  { "georgia-country", "Georgia and Armenia signed a deal.", "GEO@0:Georgia ARM@12:Armenia" },
  { "washington-surname", "Actor Denzel Washington smiled.", "USA?@13:Washington" },
  { "washington-capital", "Officials in Washington said no.", "USA@13:Washington" },
  { "kremlin", "The Kremlin said Putin would go.", "RUS@4:Kremlin RUS@17:Putin" },
  { "en-dash-variant", "Peace in Nagorno\xe2\x80\x93Karabakh holds.", "NKR@9:Nagorno\xe2\x80\x93Karabakh" },
  { "council-of-europe-is-not-eu", "The Council of Europe met.", "COE@4:Council of Europe" },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *got = describe_matches (c->text, FALSE);

  g_assert_cmpstr (got, ==, c->expected);
}

static void
test_title_case_insensitive (void)
{
  g_autofree char *got = describe_matches ("ARMENIA AND AZERBAIJAN TALK\nMOSCOW said nothing.", TRUE);

  /* Capitals are a headline's style, not a dateline, in the title only. */
  g_assert_cmpstr (got, ==, "ARM@0:ARMENIA AZE@12:AZERBAIJAN");
}

static void
test_count_raw (void)
{
  const char *text = "Armenia, Armenia and Azerbaijan";

  /* Raw hits include overlapping and unchecked ones ("Armenia" in every
   * form of the name); at least the three names are there. */
  g_assert_cmpuint (dm_matcher_count_raw (matcher, text, strlen (text)), >=, 3);
}

/* A list of demonyms is as long as the text makes it: the walk down it is
 * a loop (a recursion overflowed the stack at a million words), and each
 * word of it is looked at once, not once per demonym before it. */
static void
test_demonym_long_list (void)
{
  g_autoptr (GString) text = g_string_new ("Armenian");
  g_autoptr (GArray) matches = g_array_new (FALSE, FALSE, sizeof (DmMatch));
  gint64 start;

  for (guint i = 0; i < 100000; i++)
    g_string_append (text, ", Armenian");
  g_string_append (text, " troops moved.");
  start = g_get_monotonic_time ();
  dm_matcher_find (matcher, text->str, text->len, NULL, matches);
  g_test_message ("100 001 demonyms: %.3f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (matches->len, ==, 100001);
  g_assert_cmpuint (g_array_index (matches, DmMatch, 100000).end, ==, text->len - strlen (" moved."));

  g_string_assign (text, "Armenian");
  for (guint i = 0; i < 1000000; i++)
    g_string_append (text, ", A");
  g_string_append (text, " troops moved.");
  g_array_set_size (matches, 0);
  dm_matcher_find (matcher, text->str, text->len, NULL, matches);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpuint (g_array_index (matches, DmMatch, 0).end, ==, strlen ("Armenian"));
}

/* Matchers share their automaton while the aliases are the same; one made
 * after a user's file added an alias must find it. */
static void
test_after_merge (void)
{
  static const char extra[] =
    "{\"version\": 1, \"actors\": [{\"code\": \"QX\", \"name\": \"Quuxland\", \"kind\": \"state\","
    " \"color\": \"#000000\", \"anchor\": {\"name\": \"Q\", \"lat\": 0, \"lon\": 0},"
    " \"aliases\": {\"names\": [\"Quuxland\"]}}]}";
  const char *text = "Armenia and Quuxland met.";
  g_autoptr (GError) error = NULL;
  g_autoptr (DmGazetteer) own = dm_gazetteer_new_default (&error);
  g_autoptr (DmMatcher) before = NULL;
  g_autoptr (DmMatcher) after = NULL;
  g_autoptr (GArray) found_before = g_array_new (FALSE, FALSE, sizeof (DmMatch));
  g_autoptr (GArray) found_after = g_array_new (FALSE, FALSE, sizeof (DmMatch));

  g_assert_no_error (error);
  before = dm_matcher_new (own);
  g_assert_true (dm_gazetteer_merge_data (own, extra, -1, "extra.json", &error));
  g_assert_no_error (error);
  after = dm_matcher_new (own);
  dm_matcher_find (before, text, strlen (text), NULL, found_before);
  dm_matcher_find (after, text, strlen (text), NULL, found_after);
  g_assert_cmpuint (found_before->len, ==, 1);
  g_assert_cmpuint (found_after->len, ==, 2);
  g_assert_cmpstr (dm_gazetteer_get_actor (own, g_array_index (found_after, DmMatch, 1).actor)->code, ==, "QX");
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  gazetteer = dm_gazetteer_new_default (&error);
  g_assert_no_error (error);
  matcher = dm_matcher_new (gazetteer);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/matcher/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/matcher/title-case-insensitive", test_title_case_insensitive);
  g_test_add_func ("/matcher/count-raw", test_count_raw);
  g_test_add_func ("/matcher/after-merge", test_after_merge);
  g_test_add_func ("/matcher/demonym-long-list", test_demonym_long_list);

  status = g_test_run ();
  dm_matcher_free (matcher);
  g_object_unref (gazetteer);
  return status;
}
