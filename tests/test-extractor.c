/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-extractor.c: one rule or trap per case, on sentences written for
 * these tests.  Each case lists every link the text must give, sorted:
 * "A>B kind" for directed links, "A-B kind" for undirected ones. */
#include "config.h"

#include <glib.h>

#include "dm-core.h"

static DmGazetteer *gazetteer;
static DmLexicon *lexicon;

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

static char *
describe_links_full (const char *text, gboolean title_in_text)
{
  g_autoptr (GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (DmAnalysis) analysis = NULL;
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;

  g_ptr_array_add (documents, dm_document_new ("t", NULL, NULL, NULL, NULL, text, title_in_text));
  analysis = dm_analysis_new (gazetteer, lexicon, documents, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < dm_analysis_get_n_links (analysis); i++)
    {
      const DmLink *link = dm_analysis_get_link (analysis, i);
      const char *source = dm_gazetteer_get_actor (gazetteer, link->source)->code;
      const char *target = dm_gazetteer_get_actor (gazetteer, link->target)->code;

      /* an undirected pair is written in code order */
      if (!link->directed && g_strcmp0 (source, target) > 0)
        {
          const char *t = source;
          source = target;
          target = t;
        }
      g_ptr_array_add (lines, g_strdup_printf ("%s%s%s %s", source, link->directed ? ">" : "-", target,
                                               dm_link_kind_to_string (link->kind)));
    }
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv (", ", (char **) lines->pdata);
}

static char *
describe_links (const char *text)
{
  return describe_links_full (text, FALSE);
}

typedef struct {
  const char *name;
  const char *text;
  const char *expected;
} Case;

static const Case cases[] = {
  /* subject → object of a verb */
  { "verb-urge", "Russia urged Georgia to release the detainees.", "RUS>GEO appeal" },
  { "verb-condemn-possessive-object", "Turkey condemned Iran's naval drills.", "TUR>IRN accuse" },
  { "verb-warn", "Iran warned Azerbaijan against hosting foreign troops.", "IRN>AZE warn" },
  { "verb-seize", "Azerbaijani forces seized several villages in Karabakh.", "AZE>NKR seize" },
  { "noun-aid-for", "The EU announced new aid for Armenia.", "EU>ARM aid" },
  /* symmetric kinds and coordination */
  { "meet-with-place", "Pashinyan met Putin in Moscow on Monday.", "ARM-RUS consult" },
  { "coordinated-subject-symmetric", "Aliyev and Erdogan met in Ankara.", "AZE-TUR consult" },
  { "between-pair", "Tensions between Russia and Armenia rose sharply.", "ARM-RUS tension" },
  /* a noun of kin before the second name, with or without an apposition's comma */
  { "between-pair-kin", "Tensions between Armenia and its neighbour Azerbaijan rose.", "ARM-AZE tension" },
  { "between-pair-apposition", "Tensions rose between Baku and neighbour, Iran.", "AZE-IRN tension" },
  { "coordinated-subject-apposition", "Armenia and its ally, France, urged Azerbaijan to withdraw.",
    "ARM>AZE appeal, FRA>AZE appeal" },
  { "reciprocal-directed", "Armenia and Azerbaijan traded accusations of shelling on Monday.",
    "ARM>AZE accuse, AZE>ARM accuse" },
  { "coordinated-demonyms", "Azerbaijani and Armenian forces exchanged fire near the border.", "ARM-AZE fight" },
  { "possessor-of-governed-noun", "Paris spoke of Azerbaijan's large-scale military aggression against Karabakh.",
    "AZE-NKR fight" },
  { "mediator-targets", "Russian peacekeepers are ensuring contacts between the Azerbaijani and Armenian sides.",
    "RUS>ARM mediate, RUS>AZE mediate" },
  { "pair-reference", "Fighting broke out between Armenia and Azerbaijan, and both sides blamed each other.",
    "ARM-AZE fight, ARM>AZE accuse, AZE>ARM accuse" },
  /* roles that are not the nearest actor */
  { "participial-subject", "Blinken phoned Aliyev on Tuesday, urging him to resume the talks.",
    "AZE-USA consult, USA>AZE appeal" },
  { "relative-clause", "France, which backs Armenia, sent observers.", "FRA>ARM cooperate" },
  { "passive-agent", "Georgia was attacked by Russia in 2008.", "GEO-RUS fight" },
  { "possessor-of-noun", "Azerbaijan's capture of Karabakh ended the war.", "AZE>NKR seize" },
  { "pronoun-across-sentences", "Lavrov spoke to reporters. He urged Armenia to show restraint.", "RUS>ARM appeal" },
  { "mediator-over-noun", "Moscow brokered a ceasefire between Baku and Yerevan.",
    "ARM-AZE negotiate, RUS>ARM mediate, RUS>AZE mediate" },
  { "from-names-the-agent", "Karabakh held out with military support from Armenia.", "ARM>NKR aid" },
  { "warning-from", "Paris ignored the warning from the Azerbaijani side.", "AZE>FRA warn" },
  { "dashed-aside-coordination", "Georgia \xe2\x80\x93 and Ukraine \xe2\x80\x93 condemned Russia.",
    "GEO>RUS accuse, UKR>RUS accuse" },
  { "arms-near-object", "Russia armed both Armenia and Azerbaijan.", "RUS>ARM aid, RUS>AZE aid" },
  { "passive-agent-phrase", "The truce was agreed by the two warring countries of Armenia and Azerbaijan.",
    "ARM-AZE negotiate" },
  { "participle-after-comma", "Azerbaijani troops crossed into Karabakh, sparking heavy fighting with Karabakh Armenian forces.",
    "AZE-NKR fight" },
  { "discuss-with-party", "Lavrov discussed Karabakh with Bayramov.", "AZE-RUS consult" },
  { "host-of-talks-mediates", "Putin hosted Aliyev and Pashinyan for trilateral talks in Sochi.",
    "ARM-AZE consult, RUS>ARM mediate, RUS>AZE mediate" },
  { "host-of-talks-between", "Washington hosted talks between Baku and Yerevan.",
    "USA>ARM mediate, USA>AZE mediate" },
  { "host-alone-cooperates", "Azerbaijan will host a UN summit.", "AZE>UN cooperate" },
  { "noun-by-agent", "Baku rejected accusations by Yerevan.", "ARM>AZE accuse" },
  { "amount-in-aid", "The United States pledged $65 million in aid to Armenia.", "USA>ARM aid" },
  /* summoning an envoy is a protest: the summoner accuses */
  { "summoned-ambassador", "Baku summoned the French ambassador over the remarks.", "AZE>FRA accuse" },
  { "appeal-to-addressee", "Georgia wrote to the Security Council, requesting an urgent meeting.", "GEO>UN appeal" },
  { "hashtag-handle", "#Armenia wrote to @UN, asking for help.", "ARM>UN appeal" },
  { "appeal-object-is-addressee", "Armenia wrote to the UN, urging Azerbaijan to stop.", "ARM>AZE appeal" },
  { "opening-phrase-is-not-coordinated", "According to the Kremlin, Putin and Pashinyan discussed trade.",
    "ARM-RUS consult" },
  { "recalled-ambassador", "Armenia recalled its ambassador from Moscow for consultations.", "ARM-RUS tension" },
  /* "it" and "its" stand for the clause's subject */
  { "it-is-the-subject", "Georgia says Russia failed to protect it from its rival Azerbaijan.", "AZE-GEO tension" },
  { "its-in-a-new-clause", "Paris sold radars to Yerevan, as Armenia drifts away from its old ally Russia.",
    "ARM-RUS tension, FRA>ARM aid" },
  { "its-is-no-object", "Azerbaijan retook its breakaway region of Karabakh.", "AZE>NKR seize" },
  /* what should happen has not: no contact */
  { "it-without-antecedent", "It said Armenia and Azerbaijan should talk.", "" },
  /* messages, that-clauses, ellipses */
  { "letter-from-to", "Blinken handed over a letter from Biden to Aliyev.", "AZE-USA consult" },
  { "letter-to-is-no-contact", "Armenia sent a letter to the UN.", "" },
  /* relations that would be damaged are not damaged yet */
  { "warned-that", "Moscow warned that Yerevan's decision would damage relations.", "RUS>ARM warn" },
  { "demand-that-passive", "Washington repeated its demand that Georgia be admitted to NATO.", "" },
  /* a truce brokered between two parties is one they agreed */
  { "mediation-ellipsis", "One truce was brokered by Russia and another by France, but Armenia and Azerbaijan ignored both.",
    "ARM-AZE negotiate, FRA>ARM mediate, FRA>AZE mediate, RUS>ARM mediate, RUS>AZE mediate" },
  { "relation-in", "Armenia suspended its membership in the CSTO.", "ARM-CSTO tension" },
  { "relation-in-neutral", "Georgia's membership in NATO was discussed in Brussels.", "" },
  /* answered acts, wars in a state, counterparts */
  { "rejected-demands", "Baku rejected Yerevan's demands.", "ARM>AZE appeal" },
  { "responding-to-attack", "Russian air defences fired, responding to a Ukrainian drone attack.", "RUS-UKR fight" },
  { "war-in-with-author", "Russia's war in Ukraine dominated the summit.", "RUS-UKR fight" },
  { "war-in-without-author", "The war in Ukraine dominated the summit.", "" },
  { "his-counterpart-is-the-other-side", "Lecornu said the deal was signed at a meeting with his Armenian counterpart.",
    "ARM-FRA consult" },
  { "tension-heading-sentence", "The rift with Moscow means Armenia will skip the summit.", "ARM-RUS tension" },
  { "tension-in-amid-clause", "Armenia and France held joint drills amid tensions with Azerbaijan.", "ARM>FRA cooperate, FRA>ARM cooperate" },
  { "host-of-a-person", "Erdogan hosted Aliyev in Ankara.", "AZE-TUR consult" },
  { "offense-by", "Tbilisi called the move a provocation by Moscow.", "GEO>RUS accuse" },
  { "co-agent", "Armenia, in coordination with France, asked the Security Council to meet.", "ARM>UN appeal, FRA>UN appeal" },
  { "co-agent-not-of-a-possessor", "Armenia, together with France, condemned Azerbaijan's offensive against Karabakh.",
    "ARM>AZE accuse, AZE-NKR fight, FRA>AZE accuse" },
  { "economic-deal", "The EU signed a gas deal with Azerbaijan.", "EU>AZE cooperate" },
  { "peace-deal", "Armenia signed a peace deal with Azerbaijan.", "ARM-AZE negotiate" },
  { "appeal-complement", "The UN urged Armenia and Azerbaijan to sign a peace treaty.", "UN>ARM appeal, UN>AZE appeal" },
  { "appeal-complement-keeps-tension", "Blinken urged Aliyev to ease tensions with Armenia.", "ARM-AZE tension, USA>AZE appeal" },
  { "discussed-topic", "Lavrov and Bayramov discussed cooperation in energy.", "AZE-RUS consult" },
  { "question", "Will Pashinyan meet Aliyev in Prague?", "" },
  { "conditional", "If Azerbaijan attacks Armenia, France will respond.", "" },
  { "message-meant-for", "Iran staged drills near the border, a warning aimed at Azerbaijan.", "IRN>AZE warn" },
  { "message-meant-for-nobody-named", "Iran staged drills near the border, a warning aimed at its neighbours.", "" },
  { "possessed-that-clause", "Russia's claim that any new base would be a threat alarmed Georgia.", "" },
  { "possessed-assertion-red-line", "Turkey's assertion that the corridor is a red line was meant for Armenia.", "TUR>ARM warn" },
  { "appeal-in-a-call", "In a call with Aliyev, Blinken urged restraint.", "AZE-USA consult, USA>AZE appeal" },
  { "host-with-gerund", "Mirzoyan and Bayramov will meet next month, with Kazakhstan hosting the talks.",
    "ARM-AZE consult, ARM-AZE negotiate, KAZ>ARM mediate, KAZ>AZE mediate" },
  { "possessor-of-kin-is-not-the-agent", "Russia, Armenia's traditional ally, criticised the EU mission.",
    "RUS>EU accuse" },
  { "possessor-of-a-ministry-acts", "Azerbaijan's foreign ministry criticised France.", "AZE>FRA accuse" },
  { "relations-soured", "Relations between Turkey and Iran have soured.", "IRN-TUR tension" },
  { "relations-neutral", "Relations between Turkey and Iran were on the agenda.", "" },
  /* no link */
  { "co-mention-trade", "The EU is Armenia's largest trading partner, while Russia remains its main supplier of gas.", "" },
  { "co-mention-travel", "Speaking in Baku, the Turkish foreign minister said the region needed peace.", "" },
  { "war-over-topic", "Armenia and Azerbaijan fought a war over Karabakh.", "ARM-AZE fight" },
  { "discuss-topic", "Lavrov discussed Karabakh in Moscow.", "" },
  { "armed-forces-is-no-aid", "The armed forces of Armenia paraded in Yerevan.", "" },
  { "avoided", "Baku avoided talks with Yerevan.", "" },
  { "that-opens-a-clause", "Yerevan confirmed that the meeting of the Security Council will happen.", "" },
  { "meeting-on-topic", "A meeting on Karabakh opened in Vienna.", "" },
  { "noun-inside-of-phrase", "Baku and Yerevan discussed the settlement of the Karabakh conflict.",
    "ARM-AZE consult, ARM-AZE negotiate" },
  { "his-is-not-the-patient", "Mirzoyan met his Azerbaijani counterpart in Geneva.", "ARM-AZE consult" },
  { "co-mention-only", "Armenia and Azerbaijan are neighbours of Iran.", "" },
  { "negated", "Putin did not meet Pashinyan this year.", "" },
  { "location-is-not-a-party", "Officials met in Brussels to discuss the budget.", "" },
  { "so-called-is-not-a-cue", "The so-called Georgian Dream of Georgia.", "" },
  { "noun-in-is-place", "Russia, busy with the war in Ukraine, stayed silent.", "" },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *got = describe_links (c->text);

  g_assert_cmpstr (got, ==, c->expected);
}

/* A headline joins names with a comma where a sentence would say "and". */
static void
test_headline_comma (void)
{
  g_autofree char *title = describe_links_full ("Armenia, Azerbaijan sign peace deal\nThe text was not published.", TRUE);
  g_autofree char *body = describe_links_full ("Pashinyan, Armenia's leader, praised the peace deal.", FALSE);

  g_assert_cmpstr (title, ==, "ARM-AZE negotiate");
  g_assert_cmpstr (body, ==, "");
}

/* A "sentence" of many kilobytes (a list, a page without full stops) is
 * read in windows: links at either end are still found. */
static void
test_long_sentence (void)
{
  g_autoptr (GString) text = g_string_new ("Russia urged Armenia to act, ");
  g_autofree char *got = NULL;

  for (guint i = 0; i < 400; i++)
    g_string_append (text, "officials met in a hall and talked, ");
  g_string_append (text, "and Turkey warned Iran.");
  g_assert_cmpuint (text->len, >, 10000);
  got = describe_links (text->str);
  g_assert_cmpstr (got, ==, "RUS>ARM appeal, TUR>IRN warn");
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
  lexicon = dm_lexicon_new_default (&error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/extractor/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/extractor/headline-comma", test_headline_comma);
  g_test_add_func ("/extractor/long-sentence", test_long_sentence);
  status = g_test_run ();
  g_object_unref (lexicon);
  g_object_unref (gazetteer);
  return status;
}
