/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-analysis.c: the whole pipeline on the bundled sample article: the
 * exact actors, every mention at its exact character offset, the links the
 * article states and the ones it does not; then several documents at once,
 * cancellation, and character offsets past multi-byte characters. */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "dm-core.h"

static DmGazetteer *gazetteer;
static DmLexicon *lexicon;
static DmAnalysis *sample;

static DmAnalysis *
analyze_text (const char *text)
{
  g_autoptr (GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  DmAnalysis *analysis;

  g_ptr_array_add (documents, dm_document_new ("t", NULL, NULL, NULL, NULL, text, FALSE));
  analysis = dm_analysis_new (gazetteer, lexicon, documents, NULL, &error);
  g_assert_no_error (error);
  return analysis;
}

static const char *
code_of (guint actor)
{
  return dm_gazetteer_get_actor (gazetteer, actor)->code;
}

/* Every mention of the sample, "start:text", per actor, in text order.  The
 * offsets are Unicode characters into the document's text. */
static const struct {
  const char *code;
  const char *mentions;
} sample_mentions[] = {
  { "ARM", "94:Armenia 215:Armenia 289:Yerevan 530:Armenia 618:Yerevan 736:Armenia 1525:Armenia "
           "1938:Armenian Prime Minister 1962:Nikol Pashinyan 2030:Pashinyan 2223:Armenia "
           "2319:Armenia 2474:Pashinyan 2589:Armenia" },
  { "USA", "0:US 22:Antony Blinken 102:US 124:Antony Blinken 240:US 381:US 403:Antony Blinken "
           "569:US 652:Blinken 878:State Department 905:Matthew Miller 929:Blinken 1249:Blinken 2066:Blinken" },
  { "AZE", "43:Azerbaijani President 145:Azerbaijan 168:Ilham Aliyev 435:Azerbaijan 458:Ilham Aliyev "
           "721:Azerbaijan 1295:Azerbaijan 1318:Aliyev 1420:Azerbaijan 1537:Azerbaijan 1675:Azerbaijan "
           "1927:Aliyev 2539:Azerbaijan" },
  { "EU", "243:EU 572:EU 2078:European Union 2104:Brussels" },
  { "RUS", "2311:Russia 2347:Moscow 2407:Russia" },
  { "NKR", "1703:Nagorno-Karabakh 1732:Armenian separatists" },
  { "UKR", "2448:Ukraine" },
  { "UN", "1458:UN" },
};

static void
test_sample_actors (void)
{
  g_assert_cmpuint (dm_analysis_get_n_actors (sample), ==, G_N_ELEMENTS (sample_mentions));
  for (guint i = 0; i < G_N_ELEMENTS (sample_mentions); i++)
    {
      int actor = dm_gazetteer_lookup_code (gazetteer, sample_mentions[i].code);
      const DmActorSummary *summary;

      g_assert_cmpint (actor, >=, 0);
      summary = dm_analysis_find_actor (sample, actor);
      g_assert_nonnull (summary);
    }
  /* sorted by mentions, most first */
  for (guint i = 1; i < dm_analysis_get_n_actors (sample); i++)
    g_assert_cmpuint (dm_analysis_get_actor (sample, i - 1)->n_mentions, >=,
                      dm_analysis_get_actor (sample, i)->n_mentions);
}

static void
test_sample_mentions (void)
{
  DmDocument *document = dm_analysis_get_document (sample, 0);
  const char *text = dm_document_get_text (document);
  const GArray *mentions = dm_analysis_get_mentions (sample);

  for (guint i = 0; i < G_N_ELEMENTS (sample_mentions); i++)
    {
      const DmActorSummary *summary =
        dm_analysis_find_actor (sample, dm_gazetteer_lookup_code (gazetteer, sample_mentions[i].code));
      GString *got = g_string_new (NULL);

      for (guint k = 0; k < summary->mentions->len; k++)
        {
          const DmMention *m = &g_array_index (mentions, DmMention, g_array_index (summary->mentions, guint, k));
          glong cstart = dm_analysis_char_offset (sample, m->doc, m->start);
          g_autofree char *by_chars = g_utf8_substring (text, cstart, dm_analysis_char_offset (sample, m->doc, m->end));

          /* the character offsets and the byte offsets name the same text */
          g_assert_cmpint (strlen (by_chars), ==, m->end - m->start);
          g_assert_true (strncmp (by_chars, text + m->start, m->end - m->start) == 0);
          g_string_append_printf (got, "%s%ld:%s", k ? " " : "", cstart, by_chars);
        }
      g_assert_cmpstr (got->str, ==, sample_mentions[i].mentions);
      g_assert_cmpuint (summary->n_mentions, ==, summary->mentions->len);
      g_string_free (got, TRUE);
    }
}

static const DmLink *
find_link (DmAnalysis *analysis, const char *source, const char *target, DmLinkKind kind)
{
  int s = dm_gazetteer_lookup_code (gazetteer, source);
  int t = dm_gazetteer_lookup_code (gazetteer, target);

  for (guint i = 0; i < dm_analysis_get_n_links (analysis); i++)
    {
      const DmLink *link = dm_analysis_get_link (analysis, i);
      if (link->kind != kind)
        continue;
      if ((int) link->source == s && (int) link->target == t)
        return link;
      if (!link->directed && (int) link->source == t && (int) link->target == s)
        return link;
    }
  return NULL;
}

static void
test_sample_links (void)
{
  static const struct {
    const char *source, *target;
    DmLinkKind kind;
  } expected[] = {
    { "USA", "AZE", DM_LINK_APPEAL },
    { "USA", "AZE", DM_LINK_CONSULT },
    { "USA", "ARM", DM_LINK_AID },
    { "EU", "ARM", DM_LINK_AID },
    { "ARM", "AZE", DM_LINK_FIGHT },
    { "ARM", "AZE", DM_LINK_NEGOTIATE },
    { "ARM", "AZE", DM_LINK_TENSION },
    { "AZE", "NKR", DM_LINK_SEIZE },
    { "ARM", "USA", DM_LINK_CONSULT },
    { "ARM", "EU", DM_LINK_CONSULT },
    { "ARM", "RUS", DM_LINK_TENSION },
  };
  static const char *unlinked[][2] = { { "EU", "RUS" }, { "USA", "RUS" }, { "ARM", "UKR" } };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const DmLink *link = find_link (sample, expected[i].source, expected[i].target, expected[i].kind);
      if (!link)
        g_test_message ("missing %s %s %s", expected[i].source, expected[i].target,
                        dm_link_kind_to_string (expected[i].kind));
      g_assert_nonnull (link);
      g_assert_cmpint (link->directed, ==, dm_link_kind_is_directed (expected[i].kind));
    }
  /* direction: the actor that acts is the source */
  g_assert_null (find_link (sample, "AZE", "USA", DM_LINK_APPEAL));
  g_assert_null (find_link (sample, "NKR", "AZE", DM_LINK_SEIZE));

  for (guint i = 0; i < G_N_ELEMENTS (unlinked); i++)
    for (DmLinkKind kind = 0; kind < DM_N_LINK_KINDS; kind++)
      {
        g_assert_null (find_link (sample, unlinked[i][0], unlinked[i][1], kind));
        g_assert_null (find_link (sample, unlinked[i][1], unlinked[i][0], kind));
      }
}

static void
test_sample_evidence (void)
{
  DmDocument *document = dm_analysis_get_document (sample, 0);
  const char *text = dm_document_get_text (document);
  const DmLink *appeal = find_link (sample, "USA", "AZE", DM_LINK_APPEAL);
  const DmEvidence *first;
  g_autofree char *cue = NULL;

  for (guint i = 0; i < dm_analysis_get_n_links (sample); i++)
    {
      const DmLink *link = dm_analysis_get_link (sample, i);
      for (guint k = 0; k < link->weight; k++)
        {
          const DmEvidence *ev = &link->evidence[k];
          /* the cue lies inside its sentence, in bytes and in characters */
          g_assert_cmpuint (ev->start, <=, ev->cue_start);
          g_assert_cmpuint (ev->cue_end, <=, ev->end);
          g_assert_cmpint (dm_analysis_char_offset (sample, ev->doc, ev->start), <=,
                           dm_analysis_char_offset (sample, ev->doc, ev->cue_start));
          g_assert_cmpint (dm_analysis_char_offset (sample, ev->doc, ev->cue_end), <=,
                           dm_analysis_char_offset (sample, ev->doc, ev->end));
          g_assert_cmpuint (ev->rule, <, dm_lexicon_get_n_rules (lexicon));
          g_assert_cmpfloat (ev->confidence, >, 0.0);
          /* each link's own records, one per sentence, in text order */
          g_assert_cmpint (dm_lexicon_get_rule (lexicon, ev->rule)->kind, ==, link->kind);
          if (k > 0)
            g_assert_cmpuint (ev->sentence, >, link->evidence[k - 1].sentence);
        }
    }
  /* links whose evidence interleaves in the text keep their own */
  {
    const DmLink *tension = find_link (sample, "ARM", "AZE", DM_LINK_TENSION);
    const DmLink *call = find_link (sample, "AZE", "USA", DM_LINK_CONSULT);
    const DmLink *eu_aid = find_link (sample, "EU", "ARM", DM_LINK_AID);

    g_assert_cmpuint (tension->weight, ==, 3);
    g_assert_cmpuint (tension->evidence[0].sentence, ==, 0);
    g_assert_cmpuint (tension->evidence[1].sentence, ==, 1);
    g_assert_cmpuint (tension->evidence[2].sentence, ==, 2);
    g_assert_cmpuint (call->weight, ==, 2);
    g_assert_cmpuint (call->evidence[0].sentence, ==, 1);
    g_assert_cmpuint (call->evidence[1].sentence, ==, 2);
    g_assert_cmpuint (eu_aid->weight, ==, 2);
    g_assert_cmpuint (eu_aid->evidence[0].sentence, ==, 1);
    g_assert_cmpuint (eu_aid->evidence[1].sentence, ==, 3);
  }

  /* the title's "urges" is the first evidence of the appeal */
  g_assert_nonnull (appeal);
  first = &appeal->evidence[0];
  g_assert_cmpuint (first->sentence, ==, 0);
  cue = g_utf8_substring (text, dm_analysis_char_offset (sample, 0, first->cue_start),
                          dm_analysis_char_offset (sample, 0, first->cue_end));
  g_assert_cmpstr (cue, ==, "urges");
  g_assert_cmpstr (dm_lexicon_get_rule (lexicon, first->rule)->rule, ==, "appeal.urge");
}

static void
test_several_documents (void)
{
  g_autoptr (GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (DmAnalysis) analysis = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  const GArray *mentions;
  const DmLink *link;

  g_ptr_array_add (documents, dm_document_new ("a", "First", NULL, NULL, NULL, "Russia urged Georgia to talk.", FALSE));
  g_ptr_array_add (documents, dm_document_new ("b", "Second", NULL, NULL, NULL, "Moscow urged Tbilisi again.", FALSE));
  analysis = dm_analysis_new (gazetteer, lexicon, documents, NULL, &error);
  g_assert_no_error (error);

  title = dm_analysis_dup_title (analysis);
  g_assert_cmpstr (title, ==, "2 articles");
  mentions = dm_analysis_get_mentions (analysis);
  g_assert_cmpuint (mentions->len, ==, 4);
  g_assert_cmpuint (g_array_index (mentions, DmMention, 0).doc, ==, 0);
  g_assert_cmpuint (g_array_index (mentions, DmMention, 3).doc, ==, 1);
  g_assert_cmpint (dm_analysis_char_offset (analysis, 1, g_array_index (mentions, DmMention, 2).start), ==, 0);

  /* one link, two evidence sentences from two documents */
  g_assert_cmpuint (dm_analysis_get_n_links (analysis), ==, 1);
  link = find_link (analysis, "RUS", "GEO", DM_LINK_APPEAL);
  g_assert_nonnull (link);
  g_assert_cmpuint (link->weight, ==, 2);
  g_assert_cmpuint (link->evidence[0].doc, ==, 0);
  g_assert_cmpuint (link->evidence[1].doc, ==, 1);
}

/* A gazetteer too large for the analysis' table of every possible link
 * keeps its links in a hash table: the same links come out. */
static void
test_many_actors (void)
{
  g_autoptr (GString) data = g_string_new ("{\"version\": 1, \"actors\": [");
  g_autoptr (GError) error = NULL;
  g_autoptr (DmGazetteer) big = NULL;
  g_autoptr (GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (DmAnalysis) analysis = NULL;
  const guint n = 1100;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (data,
                            "%s{\"code\": \"X%u\", \"name\": \"Xland %u\", \"kind\": \"state\","
                            " \"color\": \"#000000\", \"anchor\": {\"name\": \"X\", \"lat\": 0, \"lon\": 0},"
                            " \"aliases\": {\"names\": [\"Xland%u\"]}}",
                            i ? ", " : "", i, i, i);
  g_string_append (data, "]}");
  big = dm_gazetteer_new_from_data (data->str, data->len, "big.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dm_gazetteer_get_n_actors (big), ==, n);

  g_ptr_array_add (documents, dm_document_new ("a", NULL, NULL, NULL, NULL,
                                               "Xland7 urged Xland1090. Xland1090 urged Xland7. Xland7 urged Xland1090.",
                                               FALSE));
  analysis = dm_analysis_new (big, lexicon, documents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dm_analysis_get_n_links (analysis), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const DmLink *link = dm_analysis_get_link (analysis, i);
      const DmActorInfo *source = dm_gazetteer_get_actor (big, link->source);

      g_assert_cmpint (link->kind, ==, DM_LINK_APPEAL);
      if (g_str_equal (source->code, "X7"))
        {
          g_assert_cmpstr (dm_gazetteer_get_actor (big, link->target)->code, ==, "X1090");
          g_assert_cmpuint (link->weight, ==, 2);
          g_assert_cmpuint (link->evidence[0].sentence, ==, 0);
          g_assert_cmpuint (link->evidence[1].sentence, ==, 2);
        }
      else
        {
          g_assert_cmpstr (source->code, ==, "X1090");
          g_assert_cmpuint (link->weight, ==, 1);
          g_assert_cmpuint (link->evidence[0].sentence, ==, 1);
        }
    }
}

static void
test_cancelled (void)
{
  g_autoptr (GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DmAnalysis) analysis = NULL;

  g_ptr_array_add (documents, dm_document_new ("a", NULL, NULL, NULL, NULL, "Russia urged Georgia.", FALSE));
  g_cancellable_cancel (cancellable);
  analysis = dm_analysis_new (gazetteer, lexicon, documents, cancellable, &error);
  g_assert_null (analysis);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_multibyte_offsets (void)
{
  /* "Ереван — Yerevan": Cyrillic letters are two bytes, the dash three;
   * the Russian name is a mention too */
  g_autoptr (DmAnalysis) analysis = analyze_text ("«Ереван» — Yerevan’s talks with Baku stalled.");
  const GArray *mentions = dm_analysis_get_mentions (analysis);
  const DmMention *erevan = &g_array_index (mentions, DmMention, 0);
  const DmMention *yerevan = &g_array_index (mentions, DmMention, 1);
  const DmMention *baku = &g_array_index (mentions, DmMention, 2);

  g_assert_cmpuint (mentions->len, ==, 3);
  g_assert_cmpstr (code_of (erevan->actor), ==, "ARM");
  g_assert_cmpint (dm_analysis_char_offset (analysis, 0, erevan->start), ==, 1);
  g_assert_cmpint (dm_analysis_char_offset (analysis, 0, erevan->end), ==, 7);
  g_assert_cmpstr (code_of (yerevan->actor), ==, "ARM");
  g_assert_cmpint (dm_analysis_char_offset (analysis, 0, yerevan->start), ==, 11);
  g_assert_cmpint (dm_analysis_char_offset (analysis, 0, yerevan->end), ==, 18);
  g_assert_cmpuint (yerevan->start, ==, 21);
  g_assert_cmpstr (code_of (baku->actor), ==, "AZE");
  g_assert_cmpint (dm_analysis_char_offset (analysis, 0, baku->start), ==, 32);
}

static void
test_ambiguous_mentions_make_no_links (void)
{
  /* Georgia the US state, by its context */
  g_autoptr (DmAnalysis) analysis = analyze_text ("In Atlanta, Georgia urged Russia to help.");
  const GArray *mentions = dm_analysis_get_mentions (analysis);
  const DmMention *georgia = &g_array_index (mentions, DmMention, 0);

  g_assert_cmpstr (code_of (georgia->actor), ==, "GEO");
  g_assert_true (georgia->flags & DM_MATCH_AMBIGUOUS);
  g_assert_cmpfloat (georgia->confidence, <, 0.5);
  g_assert_cmpuint (dm_analysis_get_n_links (analysis), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autofree char *path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  gazetteer = dm_gazetteer_new_default (&error);
  g_assert_no_error (error);
  lexicon = dm_lexicon_new_default (&error);
  g_assert_no_error (error);
  path = g_build_filename (g_getenv ("DM_SOURCE_ROOT") ? g_getenv ("DM_SOURCE_ROOT") : "..",
                           "data", "articles", "blinken-aliyev-call.txt", NULL);
  documents = dm_load_documents_from_path (path, &error);
  g_assert_no_error (error);
  sample = dm_analysis_new (gazetteer, lexicon, documents, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/analysis/sample/actors", test_sample_actors);
  g_test_add_func ("/analysis/sample/mentions", test_sample_mentions);
  g_test_add_func ("/analysis/sample/links", test_sample_links);
  g_test_add_func ("/analysis/sample/evidence", test_sample_evidence);
  g_test_add_func ("/analysis/several-documents", test_several_documents);
  g_test_add_func ("/analysis/many-actors", test_many_actors);
  g_test_add_func ("/analysis/cancelled", test_cancelled);
  g_test_add_func ("/analysis/multibyte-offsets", test_multibyte_offsets);
  g_test_add_func ("/analysis/ambiguous-mentions-make-no-links", test_ambiguous_mentions_make_no_links);

  status = g_test_run ();
  g_object_unref (sample);
  g_object_unref (lexicon);
  g_object_unref (gazetteer);
  return status;
}
