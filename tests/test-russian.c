/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-russian.c: Russian articles, on sentences written for these tests:
 * the language of a document, the declension of every alias class in every
 * case, the segmenter's Russian rules, the actors' case forms and the
 * state-use rule of demonyms, and each Russian cue family with sentences
 * that state its link and sentences that do not.  Links are written as in
 * test-extractor.c: "A>B kind" directed, "A-B kind" undirected, sorted. */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dm-core.h"
#include "dm-ru-declension.h"

static DmGazetteer *gazetteer;
static DmLexicon *lexicon;

/* ── Language ──────────────────────────────────────────────────────── */

typedef struct {
  const char *text;
  const char *language;
} LanguageCase;

static const LanguageCase language_cases[] = {
  { "Армения и Азербайджан подписали соглашение.", "ru" },
  { "Armenia and Azerbaijan signed an agreement.", "en" },
  /* Latin names and addresses in a Russian text do not outweigh it */
  { "Как сообщает Reuters (www.reuters.com), Пашинян прибыл в Брюссель на саммит EU.", "ru" },
  { "Yerevan (Ереван) is the capital of Armenia and its largest city.", "en" },
  { "Հայաստանի վարչապետը այցելեց Մոսկվա", "hy" },
  { "საქართველოს პრემიერ-მინისტრი", "ka" },
  { "", "en" },
  { "12345 — 67", "en" },
};

static void
test_language (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (language_cases); i++)
    {
      const LanguageCase *c = &language_cases[i];
      g_autoptr (DmDocument) document = dm_document_new ("t", NULL, NULL, NULL, NULL, c->text, FALSE);

      g_test_message ("%s", c->text);
      g_assert_cmpstr (dm_detect_language (c->text, strlen (c->text)), ==, c->language);
      g_assert_cmpstr (dm_document_get_language (document), ==, c->language);
    }
}

static void
test_language_given (void)
{
  g_autoptr (DmDocument) given = dm_document_new_with_language ("t", NULL, NULL, NULL, NULL, "ru",
                                                                 "An English text.", FALSE);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "diplomap-test-russian.json", NULL);
  g_autoptr (GPtrArray) documents = NULL;

  g_assert_cmpstr (dm_document_get_language (given), ==, "ru");

  /* a JSON article's "language" overrides the letters */
  g_assert_true (g_file_set_contents (path, "[{\"text\": \"Армения.\", \"language\": \"en\"}, {\"text\": \"Армения.\"}]",
                                      -1, &error));
  documents = dm_load_documents_from_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 2);
  g_assert_cmpstr (dm_document_get_language (g_ptr_array_index (documents, 0)), ==, "en");
  g_assert_cmpstr (dm_document_get_language (g_ptr_array_index (documents, 1)), ==, "ru");
  g_unlink (path);
}

/* ── Declension ────────────────────────────────────────────────────── */

typedef struct {
  const char *text;
  const char *classes;
  gboolean    plural;
  const char *forms[6]; /* nominative, genitive, dative, accusative, instrumental, prepositional */
} DeclensionCase;

static const DeclensionCase declension_cases[] = {
  { "Армения", "ija", FALSE, { "Армения", "Армении", "Армении", "Армению", "Арменией", "Армении" } },
  { "Ереван", "m", FALSE, { "Ереван", "Еревана", "Еревану", "Ереван", "Ереваном", "Ереване" } },
  { "Пашинян", "m+", FALSE, { "Пашинян", "Пашиняна", "Пашиняну", "Пашиняна", "Пашиняном", "Пашиняне" } },
  { "Париж", "m", FALSE, { "Париж", "Парижа", "Парижу", "Париж", "Парижем", "Париже" } },
  { "Путин", "ov", FALSE, { "Путин", "Путина", "Путину", "Путина", "Путиным", "Путине" } },
  { "Захарова", "ova", FALSE, { "Захарова", "Захаровой", "Захаровой", "Захарову", "Захаровой", "Захаровой" } },
  { "Москва", "a", FALSE, { "Москва", "Москвы", "Москве", "Москву", "Москвой", "Москве" } },
  { "Америка", "a", FALSE, { "Америка", "Америки", "Америке", "Америку", "Америкой", "Америке" } },
  { "Кремль", "soft", FALSE, { "Кремль", "Кремля", "Кремлю", "Кремль", "Кремлём", "Кремле" } },
  { "Шмыгаль", "soft+", FALSE, { "Шмыгаль", "Шмыгаля", "Шмыгалю", "Шмыгаля", "Шмыгалём", "Шмыгале" } },
  { "Сергей", "j+", FALSE, { "Сергей", "Сергея", "Сергею", "Сергея", "Сергеем", "Сергее" } },
  { "ассамблея", "ja", FALSE, { "ассамблея", "ассамблеи", "ассамблее", "ассамблею", "ассамблеей", "ассамблее" } },
  { "власть", "fs", FALSE, { "власть", "власти", "власти", "власть", "властью", "власти" } },
  { "министерство", "o", FALSE, { "министерство", "министерства", "министерству", "министерство", "министерством", "министерстве" } },
  { "собрание", "ije", FALSE, { "собрание", "собрания", "собранию", "собрание", "собранием", "собрании" } },
  { "Баку", "-", FALSE, { "Баку", "Баку", "Баку", "Баку", "Баку", "Баку" } },
  { "Зеленский", "adjm+", FALSE, { "Зеленский", "Зеленского", "Зеленскому", "Зеленского", "Зеленским", "Зеленском" } },
  { "премьер-министр", "m+", FALSE, { "премьер-министр", "премьер-министра", "премьер-министру", "премьер-министра", "премьер-министром", "премьер-министре" } },
  { "Нагорный Карабах", "adjm m", FALSE,
    { "Нагорный Карабах", "Нагорного Карабаха", "Нагорному Карабаху", "Нагорный Карабах", "Нагорным Карабахом", "Нагорном Карабахе" } },
  { "Европейская комиссия", "adjf ija", FALSE,
    { "Европейская комиссия", "Европейской комиссии", "Европейской комиссии", "Европейскую комиссию", "Европейской комиссией", "Европейской комиссии" } },
  { "Национальное собрание Армении", "adjn ije -", FALSE,
    { "Национальное собрание Армении", "Национального собрания Армении", "Национальному собранию Армении",
      "Национальное собрание Армении", "Национальным собранием Армении", "Национальном собрании Армении" } },
  { "Владимир Путин", "m+ ov", FALSE,
    { "Владимир Путин", "Владимира Путина", "Владимиру Путину", "Владимира Путина", "Владимиром Путиным", "Владимире Путине" } },
  { "сторона", "a", TRUE, { "стороны", "сторон", "сторонам", "стороны", "сторонами", "сторонах" } },
  { "пограничник", "m+", TRUE, { "пограничники", "пограничников", "пограничникам", "пограничников", "пограничниками", "пограничниках" } },
  { "делегация", "ija", TRUE, { "делегации", "делегаций", "делегациям", "делегации", "делегациями", "делегациях" } },
  { "правительство", "o", TRUE, { "правительства", "правительств", "правительствам", "правительства", "правительствами", "правительствах" } },
};

static gboolean
has_form (GArray *forms, const char *text, guint8 cases)
{
  for (guint i = 0; i < forms->len; i++)
    {
      const DmRuForm *f = &g_array_index (forms, DmRuForm, i);
      if (strcmp (f->text, text) == 0 && (f->cases & cases) == cases)
        return TRUE;
    }
  return FALSE;
}

static void
test_declension (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (declension_cases); i++)
    {
      const DeclensionCase *c = &declension_cases[i];
      g_autoptr (GArray) forms = dm_ru_forms_new ();

      g_test_message ("%s (%s)", c->text, c->classes);
      g_assert_true (dm_ru_decline (c->text, c->classes, c->plural, forms));
      for (guint k = 0; k < 6; k++)
        {
          guint8 cases = (1 << k) | (c->plural ? DM_RU_PLURAL : 0);
          if (!has_form (forms, c->forms[k], cases))
            g_error ("%s: no form \"%s\" for case %u", c->text, c->forms[k], k);
        }
    }
}

static void
test_declension_demonym (void)
{
  static const char *const expected[] = {
    "армянский", "армянского", "армянскому", "армянским", "армянском", "армянская", "армянской",
    "армянскую", "армянское", "армянские", "армянских", "армянскими",
  };
  g_autoptr (GArray) forms = dm_ru_forms_new ();
  g_autoptr (GArray) soft = dm_ru_forms_new ();

  /* every gender, number and case, and no other form */
  g_assert_true (dm_ru_decline ("армянский", "adj", FALSE, forms));
  g_assert_cmpuint (forms->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (has_form (forms, expected[i], 0));
  g_assert_true (has_form (forms, "армянских", DM_RU_GEN | DM_RU_ACC | DM_RU_PREP | DM_RU_PLURAL));
  g_assert_true (has_form (forms, "армянскими", DM_RU_INS | DM_RU_PLURAL));

  /* a capitalized variant for the start of a sentence, "ё" also as "е" */
  dm_ru_add_variants (forms, TRUE);
  g_assert_true (has_form (forms, "Армянская", DM_RU_NOM) || has_form (forms, "Армянская", 0));
  g_assert_true (dm_ru_decline ("Кремль", "soft", FALSE, soft));
  dm_ru_add_variants (soft, FALSE);
  g_assert_true (has_form (soft, "Кремлем", DM_RU_INS));

  /* unknown classes and a class count that does not fit are refused */
  g_assert_false (dm_ru_decline ("Армения", "zz", FALSE, forms));
  g_assert_false (dm_ru_decline ("Республика Армения", "a", FALSE, forms));
}

typedef struct {
  const char *verb;
  const char *forms[6];
} ConjugationCase;

static const ConjugationCase conjugation_cases[] = {
  { "призвать", { "призвал", "призвала", "призвало", "призвали", "призвав", "призвать" } },
  { "встретиться", { "встретился", "встретилась", "встретились", "встретится", "встретятся", "встретившись" } },
  { "обвинить", { "обвинил", "обвинила", "обвинили", "обвинит", "обвинят", "обвинив" } },
  { "атаковать", { "атаковал", "атаковала", "атаковали", "атакует", "атакуют", "атаковав" } },
  { "взять под контроль", { "взял под контроль", "взяла под контроль", "взяли под контроль", "взяв под контроль",
                            "взять под контроль", "взяло под контроль" } },
  { "обсуждать", { "обсуждал", "обсуждала", "обсуждали", "обсуждает", "обсуждают", "обсуждать" } },
};

static void
test_conjugation (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (conjugation_cases); i++)
    {
      const ConjugationCase *c = &conjugation_cases[i];
      g_autoptr (GPtrArray) forms = g_ptr_array_new_with_free_func (g_free);

      dm_ru_conjugate (c->verb, FALSE, forms);
      for (guint k = 0; k < 6; k++)
        {
          gboolean found = FALSE;
          for (guint f = 0; f < forms->len && !found; f++)
            found = strcmp (g_ptr_array_index (forms, f), c->forms[k]) == 0;
          if (!found)
            g_error ("%s: no form \"%s\"", c->verb, c->forms[k]);
        }
    }
  {
    g_autoptr (GPtrArray) forms = g_ptr_array_new_with_free_func (g_free);
    gboolean found = FALSE;

    dm_ru_conjugate ("подписать", TRUE, forms);
    for (guint f = 0; f < forms->len; f++)
      found |= strcmp (g_ptr_array_index (forms, f), "подписанное") == 0;
    g_assert_true (found);
  }
}

/* ── Sentences ─────────────────────────────────────────────────────── */

typedef struct {
  const char *name;
  const char *text;
  guint       n_sentences;
} SegmentCase;

static const SegmentCase segment_cases[] = {
  { "year", "Соглашение подписали в 2022 г. в Ереване. Стороны довольны.", 2 },
  { "year-ends", "Это было в 1990-х гг. Затем всё изменилось.", 2 },
  { "year-before-name", "В 2020 г. Армения и Азербайджан подписали заявление.", 1 },
  { "te-dotted", "Он уступил, т.е. пообещал отвести войска. Все согласились.", 2 },
  { "te-spaced", "Он уступил, т. е. пообещал отвести войска. Все согласились.", 2 },
  { "td", "Обсуждали торговлю, транспорт и т. д. Затем министры ушли.", 2 },
  { "td-mid", "Обсуждали торговлю, транспорт и т. д. и пообедали.", 1 },
  { "street", "Митинг прошёл на ул. Абовяна в центре города.", 1 },
  { "named-after", "Школа им. Чаренца открылась после ремонта.", 1 },
  { "see", "Подробности см. Приложение 2 к договору.", 1 },
  { "initials", "В. В. Путин прибыл в Ереван с визитом.", 1 },
  { "initials-mid", "Пресс-секретарь Д. С. Песков заявил об этом журналистам.", 1 },
  { "initial-then-starter", "Встречу вёл Н. Затем выступил министр.", 2 },
  { "date", "Документ подписан 15.12.2022 в Москве. Затем начались переговоры.", 2 },
  { "quote", "«Мы готовы. Переговоры продолжатся», — сказал министр.", 1 },
  { "quote-nested", "Он сказал: «Мы готовы к переговорам». Затем он уехал.", 2 },
  { "number", "Об этом говорится в ст. 5 договора.", 1 },
  { "plain", "Армения готова к миру. Азербайджан тоже.", 2 },
};

static void
test_segmenter (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (segment_cases); i++)
    {
      const SegmentCase *c = &segment_cases[i];
      g_autoptr (GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (DmParagraph));
      g_autoptr (GArray) sentences = g_array_new (FALSE, FALSE, sizeof (DmSentence));

      dm_segment_text (c->text, strlen (c->text), FALSE, paragraphs, sentences);
      if (sentences->len != c->n_sentences)
        g_error ("%s: %u sentences, not %u: \"%s\"", c->name, sentences->len, c->n_sentences, c->text);
    }
}

/* ── Actors ────────────────────────────────────────────────────────── */

typedef struct {
  const char *text;
  const char *mentions; /* "CODE:form" separated by ", " */
} MentionCase;

static const MentionCase mention_cases[] = {
  { "Армения, Армении, Армению и Арменией.", "ARM:Армения, ARM:Армении, ARM:Армению, ARM:Арменией" },
  { "Пашинян встретился с Пашиняном и Пашиняну.", "ARM:Пашинян, ARM:Пашиняном, ARM:Пашиняну" },
  { "Из Кремля и в Кремле сказали о Кремлём.", "RUS:Кремля, RUS:Кремле, RUS:Кремлём" },
  { "Кремлем не доволен.", "RUS:Кремлем" },
  { "Ереван и Еревана, Баку и Тбилиси.", "ARM:Ереван, ARM:Еревана, AZE:Баку, GEO:Тбилиси" },
  /* the state-use rule */
  { "Армянская сторона и российские миротворцы ответили.", "ARM:Армянская сторона, RUS:российские миротворцы" },
  { "Об этом пишут армянские СМИ и российские блогеры.", "" },
  { "Заявление грузинских властей и азербайджанского МИД.", "GEO:грузинских властей, AZE:азербайджанского МИД" },
  /* abbreviations, case for case */
  { "США, ЕС, РФ, ОДКБ, ОБСЕ, ООН и НАТО.", "USA:США, EU:ЕС, RUS:РФ, CSTO:ОДКБ, OSCE:ОБСЕ, UN:ООН, NATO:НАТО" },
  { "Сша и нато не аббревиатуры.", "" },
  /* whole words only */
  { "Армениями и Россиянин не имена.", "" },
  { "Владимиру Путину позвонил Ильхам Алиев.", "RUS:Владимиру Путину, AZE:Ильхам Алиев" },
};

static void
test_mentions (void)
{
  g_autoptr (DmMatcher) matcher = dm_matcher_new (gazetteer);

  for (guint i = 0; i < G_N_ELEMENTS (mention_cases); i++)
    {
      const MentionCase *c = &mention_cases[i];
      g_autoptr (GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (DmParagraph));
      g_autoptr (GArray) sentences = g_array_new (FALSE, FALSE, sizeof (DmSentence));
      g_autoptr (GArray) matches = g_array_new (FALSE, FALSE, sizeof (DmMatch));
      g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *joined = NULL;

      dm_segment_text (c->text, strlen (c->text), FALSE, paragraphs, sentences);
      dm_matcher_find (matcher, c->text, strlen (c->text), sentences, matches);
      for (guint m = 0; m < matches->len; m++)
        {
          const DmMatch *match = &g_array_index (matches, DmMatch, m);
          g_ptr_array_add (found, g_strdup_printf ("%s:%.*s", dm_gazetteer_get_actor (gazetteer, match->actor)->code,
                                                   (int) (match->end - match->start), c->text + match->start));
        }
      g_ptr_array_add (found, NULL);
      joined = g_strjoinv (", ", (char **) found->pdata);
      g_test_message ("%s", c->text);
      g_assert_cmpstr (joined, ==, c->mentions);
    }
}

static void
test_alias_cases (void)
{
  int instrumental = dm_gazetteer_lookup_alias (gazetteer, "Пашиняном");
  int genitive = dm_gazetteer_lookup_alias (gazetteer, "Армении");

  g_assert_cmpint (instrumental, >=, 0);
  g_assert_cmpuint (dm_gazetteer_get_alias (gazetteer, instrumental)->gram_cases & DM_RU_ALL_CASES, ==, DM_RU_INS);
  g_assert_cmpint (genitive, >=, 0);
  g_assert_true (dm_gazetteer_get_alias (gazetteer, genitive)->gram_cases & DM_RU_GEN);
  g_assert_cmpstr (dm_gazetteer_get_actor (gazetteer, dm_gazetteer_get_alias (gazetteer, genitive)->actor)->code, ==, "ARM");
}

/* ── Cues ──────────────────────────────────────────────────────────── */

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

static char *
describe_links (const char *text)
{
  g_autoptr (GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (DmAnalysis) analysis = NULL;
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;

  g_ptr_array_add (documents, dm_document_new ("t", NULL, NULL, NULL, NULL, text, FALSE));
  analysis = dm_analysis_new (gazetteer, lexicon, documents, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < dm_analysis_get_n_links (analysis); i++)
    {
      const DmLink *link = dm_analysis_get_link (analysis, i);
      const char *source = dm_gazetteer_get_actor (gazetteer, link->source)->code;
      const char *target = dm_gazetteer_get_actor (gazetteer, link->target)->code;

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

typedef struct {
  const char *family;
  const char *text;
  const char *links;
} CueCase;

static const CueCase cue_cases[] = {
  /* consult */
  { "consult", "Президент Азербайджана Ильхам Алиев провёл телефонный разговор с премьер-министром Армении Николом Пашиняном.", "ARM-AZE consult" },
  { "consult", "Лавров встретился с Мирзояном в Москве.", "ARM-RUS consult" },
  { "consult", "Эрдоган позвонил Алиеву по случаю праздника.", "AZE-TUR consult" },
  { "consult", "Лавров встретился с журналистами в Ереване.", "" },
  { "consult", "Встреча Пашиняна и Алиева прошла в Праге.", "ARM-AZE consult" },
  /* appeal */
  { "appeal", "Госдеп призвал Баку к сдержанности.", "USA>AZE appeal" },
  { "appeal", "Ереван потребовал от Москвы выполнить обязательства.", "ARM>RUS appeal" },
  { "appeal", "Пашинян не призывал Россию к этому.", "" },
  { "appeal", "Призыв к миру прозвучал в Баку и Ереване.", "" },
  /* negotiate */
  { "negotiate", "Армения и Азербайджан подписали мирное соглашение.", "ARM-AZE negotiate" },
  { "negotiate", "Переговоры Мирзояна и Байрамова прошли в Вашингтоне.", "ARM-AZE negotiate" },
  { "negotiate", "Мирный договор обсуждают в Ереване и Баку.", "" },
  /* mediate */
  { "mediate", "Россия выступила посредником между Арменией и Азербайджаном.", "RUS>ARM mediate, RUS>AZE mediate" },
  { "mediate", "Армения и Азербайджан заключили перемирие при посредничестве Евросоюза.",
    "ARM-AZE negotiate, EU>ARM mediate, EU>AZE mediate" },
  { "mediate", "Пашинян и Алиев встретились при участии Евросоюза.", "ARM-AZE consult" },
  /* cooperate */
  { "cooperate", "Макрон поддержал Пашиняна.", "FRA>ARM cooperate" },
  { "cooperate", "Пашиняна поддержал Макрон.", "FRA>ARM cooperate" },
  { "cooperate", "Армения и Франция подписали соглашение о стратегическом партнёрстве.", "ARM>FRA cooperate, FRA>ARM cooperate" },
  { "cooperate", "Отношения Армении и Франции остаются прежними.", "" },
  /* aid */
  { "aid", "Россия оказала гуманитарную помощь Армении.", "RUS>ARM aid" },
  { "aid", "Франция поставляет оружие Армении.", "FRA>ARM aid" },
  { "aid", "Волонтёры оказали помощь пострадавшим в Баку и Тбилиси.", "" },
  /* accuse */
  { "accuse", "Баку обвинил Ереван в провокациях на границе.", "AZE>ARM accuse" },
  { "accuse", "МИД Азербайджана подверг критике заявление Франции.", "AZE>FRA accuse" },
  { "accuse", "Песков заявил, что США играют дестабилизирующую роль в регионе.", "RUS>USA accuse" },
  { "accuse", "Лавров раскритиковал западные СМИ в Москве и Баку.", "" },
  /* warn */
  { "warn", "Кремль предупредил Тбилиси о последствиях.", "RUS>GEO warn" },
  { "warn", "Иран пригрозил Азербайджану ответными мерами.", "IRN>AZE warn" },
  { "warn", "Армения предупредила граждан о погоде в Тбилиси.", "" },
  /* tension */
  { "tension", "Напряжённость между Арменией и Азербайджаном растёт.", "ARM-AZE tension" },
  { "tension", "Эксперты отмечают ухудшение отношений России и Азербайджана.", "AZE-RUS tension" },
  { "tension", "Отношения Армении и Грузии остаются стабильными.", "" },
  /* fight */
  { "fight", "Азербайджан обстрелял армянские позиции.", "ARM-AZE fight" },
  { "fight", "Боевые действия между Арменией и Азербайджаном возобновились.", "ARM-AZE fight" },
  { "fight", "Война в Украине продолжается, сообщает Москва.", "" },
  /* seize */
  { "seize", "Азербайджан взял под контроль Степанакерт.", "AZE>NKR seize" },
  { "seize", "Азербайджан не захватил Степанакерт.", "" },
  { "seize", "Азербайджан восстановил суверенитет над Карабахом.", "AZE>NKR seize" },
  /* what an appeal asks for is not yet done; a verb's object has no subject */
  { "appeal", "Глава Еврокомиссии призвала Баку и Ереван продолжить переговоры.", "EU>ARM appeal, EU>AZE appeal" },
  { "accuse", "Москва осудила удары Украины по Белгороду.", "RUS>UKR accuse" },
  { "aid", "Вашингтон выделил Армении помощь в размере 65 млн долларов.", "USA>ARM aid" },
  { "cooperate", "Турция и Азербайджан провели совместные военные учения.", "AZE>TUR cooperate, TUR>AZE cooperate" },
  { "fight", "Пашинян заявил, что Армения не будет воевать с Азербайджаном.", "" },
  { "negotiate", "Министр иностранных дел Армении Арарат Мирзоян провёл переговоры с главой МИД Азербайджана Джейхуном Байрамовым.",
    "ARM-AZE negotiate" },
  { "consult", "Об этом заявил министр иностранных дел России Сергей Лавров после встречи с Мирзояном.", "ARM-RUS consult" },
  { "negotiate", "По словам Лаврова, Россия готова к переговорам с Азербайджаном.", "" },
  { "fight", "Эксперты считают, что Иран может атаковать Азербайджан.", "" },
  { "consult", "Пашинян приехал в Москву, чтобы встретиться с Путиным.", "" },
  { "accuse", "МИД России выразил протест в связи с заявлениями Вашингтона.", "RUS>USA accuse" },
  { "consult", "Премьер-министр Грузии Ираклий Кобахидзе провёл встречу с послом США в Тбилиси.", "GEO-USA consult" },
  { "consult", "Армянские СМИ сообщили о визите делегации из Москвы в Ереван.", "" },
  /* questions and conditions state nothing */
  { "question", "Встретится ли Пашинян с Алиевым?", "" },
};

static void
test_cues (gconstpointer data)
{
  const CueCase *c = data;
  g_autofree char *links = describe_links (c->text);

  g_test_message ("%s", c->text);
  g_assert_cmpstr (links, ==, c->links);
}

static void
test_cue_rules (void)
{
  gboolean russian = FALSE;

  /* one lexicon: the Russian rules come after the English ones, with their
   * language and their government */
  for (guint i = 0; i < dm_lexicon_get_n_rules (lexicon); i++)
    {
      const DmCueRule *rule = dm_lexicon_get_rule (lexicon, i);

      if (g_str_equal (rule->language, "ru"))
        {
          russian = TRUE;
          g_assert_true (strstr (rule->rule, ".ru.") != NULL);
        }
      else
        g_assert_false (russian);
    }
  g_assert_true (russian);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  gazetteer = dm_gazetteer_new_default (&error);
  g_assert_no_error (error);
  lexicon = dm_lexicon_new_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/russian/language", test_language);
  g_test_add_func ("/russian/language-given", test_language_given);
  g_test_add_func ("/russian/declension", test_declension);
  g_test_add_func ("/russian/declension-demonym", test_declension_demonym);
  g_test_add_func ("/russian/conjugation", test_conjugation);
  g_test_add_func ("/russian/segmenter", test_segmenter);
  g_test_add_func ("/russian/mentions", test_mentions);
  g_test_add_func ("/russian/alias-cases", test_alias_cases);
  g_test_add_func ("/russian/cue-rules", test_cue_rules);
  for (guint i = 0; i < G_N_ELEMENTS (cue_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/russian/cues/%s/%u", cue_cases[i].family, i);
      g_test_add_data_func (path, &cue_cases[i], test_cues);
    }

  status = g_test_run ();
  g_clear_object (&gazetteer);
  g_clear_object (&lexicon);
  return status;
}
