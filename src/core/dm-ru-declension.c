/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-ru-declension.c: case forms of Russian names and noun phrases.
 *
 * A small table per declension class (the ending a class strips and the
 * endings of its six cases, singular and plural) and the three spelling
 * rules that the data would otherwise have to spell out (ы → и after a
 * velar or a hushing consonant, -ом → -ем after a hushing one, -ов → -ей).
 * It knows no stress, so it never guesses "Парижем" from "Париж" by itself:
 * the class says what the ending is, the table does the rest.
 */
#include "config.h"

#include <string.h>

#include "dm-ru-declension.h"

enum { NOM, GEN, DAT, ACC, INS, PREP, N_CASES };

typedef struct {
  const char *name;
  guint       strip;          /* letters the ending takes off the written form */
  gboolean    masculine;      /* its animate accusative singular is its genitive */
  const char *sg[N_CASES];
  const char *pl[N_CASES];
} NounClass;

static const NounClass noun_classes[] = {
  { "m",    0, TRUE,  { "", "а", "у", "", "ом", "е" },     { "ы", "ов", "ам", "ы", "ами", "ах" } },
  { "soft", 1, TRUE,  { "ь", "я", "ю", "ь", "ём", "е" },   { "и", "ей", "ям", "и", "ями", "ях" } },
  { "j",    1, TRUE,  { "й", "я", "ю", "й", "ем", "е" },   { "и", "ев", "ям", "и", "ями", "ях" } },
  { "ov",   0, TRUE,  { "", "а", "у", "а", "ым", "е" },    { "ы", "ых", "ым", "ых", "ыми", "ых" } },
  { "ova",  1, FALSE, { "а", "ой", "ой", "у", "ой", "ой" }, { "ы", "ых", "ым", "ых", "ыми", "ых" } },
  { "a",    1, FALSE, { "а", "ы", "е", "у", "ой", "е" },   { "ы", "", "ам", "ы", "ами", "ах" } },
  { "ija",  1, FALSE, { "я", "и", "и", "ю", "ей", "и" },   { "и", "й", "ям", "и", "ями", "ях" } },
  { "ja",   1, FALSE, { "я", "и", "е", "ю", "ей", "е" },   { "и", "й", "ям", "и", "ями", "ях" } },
  { "fs",   1, FALSE, { "ь", "и", "и", "ь", "ью", "и" },   { "и", "ей", "ям", "и", "ями", "ях" } },
  { "o",    1, FALSE, { "о", "а", "у", "о", "ом", "е" },   { "а", "", "ам", "а", "ами", "ах" } },
  { "ije",  1, FALSE, { "е", "я", "ю", "е", "ем", "и" },   { "я", "й", "ям", "я", "ями", "ях" } },
};

typedef enum { ADJ_HARD, ADJ_VELAR, ADJ_SOFT, N_ADJ_TYPES } AdjType;
typedef enum { G_M, G_F, G_N, G_PL, N_GENDERS } Gender;

static const char *const adjective_endings[N_ADJ_TYPES][N_GENDERS][N_CASES] = {
  [ADJ_HARD] = {
    [G_M] = { "ый", "ого", "ому", "ый", "ым", "ом" },
    [G_F] = { "ая", "ой", "ой", "ую", "ой", "ой" },
    [G_N] = { "ое", "ого", "ому", "ое", "ым", "ом" },
    [G_PL] = { "ые", "ых", "ым", "ые", "ыми", "ых" },
  },
  [ADJ_VELAR] = {
    [G_M] = { "ий", "ого", "ому", "ий", "им", "ом" },
    [G_F] = { "ая", "ой", "ой", "ую", "ой", "ой" },
    [G_N] = { "ое", "ого", "ому", "ое", "им", "ом" },
    [G_PL] = { "ие", "их", "им", "ие", "ими", "их" },
  },
  [ADJ_SOFT] = {
    [G_M] = { "ий", "его", "ему", "ий", "им", "ем" },
    [G_F] = { "яя", "ей", "ей", "юю", "ей", "ей" },
    [G_N] = { "ее", "его", "ему", "ее", "им", "ем" },
    [G_PL] = { "ие", "их", "им", "ие", "ими", "их" },
  },
};

static void
form_clear (gpointer data)
{
  g_free (((DmRuForm *) data)->text);
}

GArray *
dm_ru_forms_new (void)
{
  GArray *forms = g_array_new (FALSE, TRUE, sizeof (DmRuForm));

  g_array_set_clear_func (forms, form_clear);
  return forms;
}

static void
add_form (GArray     *forms,
          const char *text,
          guint8      cases)
{
  DmRuForm form;

  for (guint i = 0; i < forms->len; i++)
    {
      DmRuForm *f = &g_array_index (forms, DmRuForm, i);
      if (strcmp (f->text, text) == 0)
        {
          f->cases |= cases;
          return;
        }
    }
  form.text = g_strdup (text);
  form.cases = cases;
  g_array_append_val (forms, form);
}

static gboolean
is_velar_or_hushing (gunichar c)
{
  return (c == 0x433 || c == 0x43A || c == 0x445 || c == 0x436 || c == 0x448 || c == 0x449 || c == 0x447);
}

static gboolean
is_hushing (gunichar c)
{
  return c == 0x436 || c == 0x448 || c == 0x449 || c == 0x447 || c == 0x446; /* ж ш щ ч ц */
}

/* The last letter of text[0, length) and the one before it. */
static gunichar
letter_before (const char *text,
               const char *end,
               guint       back)
{
  const char *p = end;

  for (guint i = 0; i <= back; i++)
    {
      if (p <= text)
        return 0;
      p = g_utf8_prev_char (p);
    }
  return g_utf8_get_char (p);
}

/* Length in bytes of @text less its last @n letters. */
static gsize
strip_letters (const char *text,
               gsize       length,
               guint       n)
{
  const char *p = text + length;

  for (guint i = 0; i < n && p > text; i++)
    p = g_utf8_prev_char (p);
  return p - text;
}

static const NounClass *
find_noun_class (const char *name,
                 gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (noun_classes); i++)
    if (strlen (noun_classes[i].name) == length && memcmp (noun_classes[i].name, name, length) == 0)
      return &noun_classes[i];
  return NULL;
}

/* The gender an adjective is written in and its stem's type. */
static gboolean
classify_adjective (const char *word,
                    gsize       length,
                    Gender     *gender,
                    AdjType    *type,
                    gboolean   *stressed)
{
  const char *end = word + length;
  gunichar last = letter_before (word, end, 0);
  gunichar vowel = letter_before (word, end, 1);
  gunichar stem = letter_before (word, end, 2);
  gboolean velar = is_velar_or_hushing (stem);

  *stressed = FALSE;
  if (last == 0x439) /* й */
    {
      *gender = G_M;
      if (vowel == 0x44B) /* ый */
        *type = ADJ_HARD;
      else if (vowel == 0x43E) /* ой */
        *type = velar ? ADJ_VELAR : ADJ_HARD, *stressed = TRUE;
      else if (vowel == 0x438) /* ий */
        *type = velar ? ADJ_VELAR : ADJ_SOFT;
      else
        return FALSE;
      return TRUE;
    }
  if (last == 0x44F && vowel == 0x430) /* ая */
    *gender = G_F, *type = velar ? ADJ_VELAR : ADJ_HARD;
  else if (last == 0x44F && vowel == 0x44F) /* яя */
    *gender = G_F, *type = ADJ_SOFT;
  else if (last == 0x435 && vowel == 0x43E) /* ое */
    *gender = G_N, *type = velar ? ADJ_VELAR : ADJ_HARD;
  else if (last == 0x435 && vowel == 0x435) /* ее */
    *gender = G_N, *type = ADJ_SOFT;
  else if (last == 0x435 && vowel == 0x44B) /* ые */
    *gender = G_PL, *type = ADJ_HARD;
  else if (last == 0x435 && vowel == 0x438) /* ие */
    *gender = G_PL, *type = velar ? ADJ_VELAR : ADJ_SOFT;
  else
    return FALSE;
  return TRUE;
}

static void
append_adjective (GString    *out,
                  const char *word,
                  gsize       length,
                  Gender      gender,
                  AdjType     type,
                  gboolean    stressed,
                  int         c,
                  gboolean    animate)
{
  const char *ending;

  if (animate && c == ACC && (gender == G_M || gender == G_PL))
    c = GEN;
  ending = adjective_endings[type][gender][c];
  if (stressed && gender == G_M && (c == NOM || c == ACC))
    ending = "ой";
  g_string_append_len (out, word, strip_letters (word, length, 2));
  g_string_append (out, ending);
}

static void
append_noun (GString         *out,
             const char      *word,
             gsize            length,
             const NounClass *cls,
             gboolean         plural,
             int              c,
             gboolean         animate)
{
  gsize stem = strip_letters (word, length, cls->strip);
  gunichar last;
  const char *ending;

  if (animate && c == ACC && (plural || cls->masculine))
    c = GEN;
  ending = plural ? cls->pl[c] : cls->sg[c];
  last = letter_before (word, word + stem, 0);
  /* The spelling rules: Америки, Парижем, врачей. */
  if (is_velar_or_hushing (last) && g_str_has_prefix (ending, "ы"))
    ending = g_str_equal (ending, "ы") ? "и" : ending;
  if (is_hushing (last) && !plural && c == INS && g_str_equal (ending, "ом"))
    ending = "ем";
  if (is_hushing (last) && last != 0x446 && g_str_equal (ending, "ов"))
    ending = "ей";
  g_string_append_len (out, word, stem);
  g_string_append (out, ending);
}

/* One word of a phrase in case @c: FALSE for an unknown class. */
static gboolean
append_word (GString    *out,
             const char *word,
             gsize       length,
             const char *cls,
             gsize       cls_length,
             gboolean    plural,
             int         c,
             gboolean    animate)
{
  const NounClass *noun;
  Gender gender;
  AdjType type;
  gboolean stressed;

  if (cls_length > 0 && cls[cls_length - 1] == '+')
    cls_length--;
  if (cls_length == 1 && cls[0] == '-')
    {
      g_string_append_len (out, word, length);
      return TRUE;
    }
  if (cls_length >= 3 && memcmp (cls, "adj", 3) == 0)
    {
      if (!classify_adjective (word, length, &gender, &type, &stressed))
        return FALSE;
      if (plural)
        gender = G_PL;
      append_adjective (out, word, length, gender, type, stressed, c, animate);
      return TRUE;
    }
  noun = find_noun_class (cls, cls_length);
  if (noun == NULL)
    return FALSE;
  append_noun (out, word, length, noun, plural, c, animate);
  return TRUE;
}

/* Hyphenated words inflect at their end: the part before the last hyphen
 * is copied. */
static gboolean
append_phrase_word (GString    *out,
                    const char *word,
                    gsize       length,
                    const char *cls,
                    gsize       cls_length,
                    gboolean    plural,
                    int         c,
                    gboolean    animate)
{
  const char *dash = g_strrstr_len (word, length, "-");

  if (dash != NULL && cls_length != 1)
    {
      g_string_append_len (out, word, dash + 1 - word);
      length -= dash + 1 - word;
      word = dash + 1;
    }
  return append_word (out, word, length, cls, cls_length, plural, c, animate);
}

static gboolean
decline_phrase (GStrv     words,
                GStrv     classes,
                gboolean  plural,
                gboolean  animate,
                GArray   *forms)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (int c = 0; c < N_CASES; c++)
    {
      g_string_truncate (out, 0);
      for (guint w = 0; words[w]; w++)
        {
          if (w > 0)
            g_string_append_c (out, ' ');
          if (!append_phrase_word (out, words[w], strlen (words[w]), classes[w], strlen (classes[w]),
                                   plural, c, animate))
            return FALSE;
        }
      add_form (forms, out->str, (guint8) ((1 << c) | (plural ? DM_RU_PLURAL : 0)));
    }
  return TRUE;
}

gboolean
dm_ru_decline (const char *text,
               const char *classes,
               gboolean    plural,
               GArray     *forms)
{
  g_auto (GStrv) words = NULL;
  g_auto (GStrv) word_classes = NULL;
  g_autoptr (GArray) made = dm_ru_forms_new ();
  gboolean animate = FALSE;
  guint n_words;

  g_return_val_if_fail (text != NULL && classes != NULL, FALSE);

  words = g_strsplit (text, " ", -1);
  word_classes = g_strsplit (classes, " ", -1);
  n_words = g_strv_length (words);
  if (n_words == 0 || n_words != g_strv_length (word_classes))
    return FALSE;
  for (guint w = 0; w < n_words; w++)
    animate |= g_str_has_suffix (word_classes[w], "+");

  /* A lone demonym: every gender, then the plural. */
  if (n_words == 1 && g_str_equal (word_classes[0], "adj"))
    {
      Gender gender;
      AdjType type;
      gboolean stressed;
      g_autoptr (GString) out = g_string_new (NULL);
      gsize length = strlen (words[0]);

      if (!classify_adjective (words[0], length, &gender, &type, &stressed))
        return FALSE;
      for (Gender g = G_M; g < N_GENDERS; g++)
        for (int c = 0; c < N_CASES; c++)
          for (int anim = 0; anim < 2; anim++)
            {
              g_string_truncate (out, 0);
              append_adjective (out, words[0], length, g, type, stressed && g == G_M, c, anim);
              add_form (made, out->str, (guint8) ((1 << c) | (g == G_PL ? DM_RU_PLURAL : 0)));
            }
    }
  else if (!decline_phrase (words, word_classes, FALSE, animate, made)
           || (plural && !decline_phrase (words, word_classes, TRUE, animate, made)))
    return FALSE;

  for (guint i = 0; i < made->len; i++)
    {
      DmRuForm *f = &g_array_index (made, DmRuForm, i);
      add_form (forms, f->text, f->cases);
    }
  return TRUE;
}

/* "ё" is U+0451 (d1 91), "Ё" U+0401 (d0 81); "е" d0 b5, "Е" d0 95. */
static char *
fold_yo (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if ((guchar) p[0] == 0xD1 && (guchar) p[1] == 0x91)
        g_string_append (out, "\xD0\xB5"), p++;
      else if ((guchar) p[0] == 0xD0 && (guchar) p[1] == 0x81)
        g_string_append (out, "\xD0\x95"), p++;
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

void
dm_ru_add_variants (GArray  *forms,
                    gboolean capitalize)
{
  guint n = forms->len;

  for (guint i = 0; i < n; i++)
    {
      DmRuForm f = g_array_index (forms, DmRuForm, i);

      if (strstr (f.text, "\xD1\x91") != NULL || strstr (f.text, "\xD0\x81") != NULL)
        {
          g_autofree char *folded = fold_yo (f.text);
          add_form (forms, folded, f.cases);
        }
    }
  if (!capitalize)
    return;
  n = forms->len;
  for (guint i = 0; i < n; i++)
    {
      DmRuForm f = g_array_index (forms, DmRuForm, i);
      gunichar first = g_utf8_get_char (f.text);

      if (g_unichar_islower (first))
        {
          char head[8];
          int k = g_unichar_to_utf8 (g_unichar_toupper (first), head);
          g_autofree char *upper = g_strconcat ((head[k] = '\0', head), g_utf8_next_char (f.text), NULL);

          add_form (forms, upper, f.cases);
        }
    }
}

static gboolean
ends_with (const char *word,
           gsize       length,
           const char *ending)
{
  gsize n = strlen (ending);

  return length >= n && memcmp (word + length - n, ending, n) == 0;
}

guint8
dm_ru_guess_cases (const char *word,
                   gsize       length)
{
  static const struct { const char *ending; guint8 cases; } endings[] = {
    { "ами", DM_RU_INS }, { "ями", DM_RU_INS },
    { "ах", DM_RU_PREP }, { "ях", DM_RU_PREP },
    { "ам", DM_RU_DAT }, { "ям", DM_RU_DAT },
    { "ов", DM_RU_GEN | DM_RU_ACC }, { "ев", DM_RU_GEN | DM_RU_ACC },
    { "ом", DM_RU_INS }, { "ем", DM_RU_INS | DM_RU_PREP }, { "ём", DM_RU_INS },
    { "ой", DM_RU_GEN | DM_RU_DAT | DM_RU_INS | DM_RU_PREP },
    { "ей", DM_RU_GEN | DM_RU_DAT | DM_RU_INS | DM_RU_PREP | DM_RU_ACC },
    { "у", DM_RU_DAT | DM_RU_ACC }, { "ю", DM_RU_DAT | DM_RU_ACC },
    { "а", DM_RU_GEN | DM_RU_ACC | DM_RU_NOM }, { "я", DM_RU_GEN | DM_RU_ACC | DM_RU_NOM },
    { "е", DM_RU_DAT | DM_RU_PREP },
    /* and the plural nominative, which is the inanimate accusative */
    { "ы", DM_RU_GEN | DM_RU_NOM | DM_RU_ACC },
    { "и", DM_RU_GEN | DM_RU_DAT | DM_RU_PREP | DM_RU_NOM | DM_RU_ACC },
    { "ь", DM_RU_NOM | DM_RU_ACC },
  };
  gunichar last;

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    if (ends_with (word, length, endings[i].ending))
      return endings[i].cases;
  if (length == 0)
    return DM_RU_ALL_CASES;
  last = letter_before (word, word + length, 0);
  /* a consonant: the bare stem of a masculine noun */
  if (last >= 0x430 && last <= 0x44F)
    return DM_RU_NOM | DM_RU_ACC;
  return DM_RU_ALL_CASES;
}

static void
add_verb_form (GPtrArray  *forms,
               const char *stem,
               const char *ending,
               const char *reflexive,
               const char *tail)
{
  g_ptr_array_add (forms, g_strconcat (stem, ending, reflexive, tail, NULL));
}

void
dm_ru_conjugate (const char *phrase,
                 gboolean    participle,
                 GPtrArray  *forms)
{
  const char *space = strchr (phrase, ' ');
  g_autofree char *head = space ? g_strndup (phrase, space - phrase) : g_strdup (phrase);
  const char *tail = space ? space : "";
  gsize n = strlen (head);
  gboolean reflexive = FALSE;
  g_autofree char *stem = NULL;
  gunichar last;

  g_ptr_array_add (forms, g_strdup (phrase));
  if (g_str_has_suffix (head, "ся") || g_str_has_suffix (head, "сь"))
    {
      reflexive = TRUE;
      n -= strlen ("ся");
      head[n] = '\0';
    }
  if (!g_str_has_suffix (head, "ть"))
    return;
  stem = g_strndup (head, n - strlen ("ть"));
  last = letter_before (stem, stem + strlen (stem), 0);

  /* the past: призвал, призвала, призвало, призвали; встретился, -лась */
  add_verb_form (forms, stem, "л", reflexive ? "ся" : "", tail);
  add_verb_form (forms, stem, "ла", reflexive ? "сь" : "", tail);
  add_verb_form (forms, stem, "ло", reflexive ? "сь" : "", tail);
  add_verb_form (forms, stem, "ли", reflexive ? "сь" : "", tail);
  /* the perfective gerund: призвав, встретившись */
  add_verb_form (forms, stem, reflexive ? "вши" : "в", reflexive ? "сь" : "", tail);

  /* the third persons: обвинит/обвинят, атакует/атакуют, обсуждает/-ают */
  if (g_str_has_suffix (stem, "ова") || g_str_has_suffix (stem, "ева"))
    {
      g_autofree char *base = g_strndup (stem, strlen (stem) - strlen ("ова"));

      add_verb_form (forms, base, "ует", reflexive ? "ся" : "", tail);
      add_verb_form (forms, base, "уют", reflexive ? "ся" : "", tail);
    }
  else if (last == 0x438) /* и: the second conjugation */
    {
      g_autofree char *base = g_strndup (stem, strlen (stem) - strlen ("и"));
      gunichar before = letter_before (base, base + strlen (base), 0);

      add_verb_form (forms, base, "ит", reflexive ? "ся" : "", tail);
      add_verb_form (forms, base, is_hushing (before) ? "ат" : "ят", reflexive ? "ся" : "", tail);
    }
  else if (last == 0x430 || last == 0x44F || last == 0x435) /* а я е */
    {
      add_verb_form (forms, stem, "ет", reflexive ? "ся" : "", tail);
      add_verb_form (forms, stem, "ют", reflexive ? "ся" : "", tail);
    }

  /* подписанный, подписанное, подписанного…: the agreement "signed by" */
  if (participle && (last == 0x430 || last == 0x44F))
    {
      g_autoptr (GArray) adjective = dm_ru_forms_new ();
      g_autofree char *nominative = g_strconcat (stem, "нный", NULL);

      if (dm_ru_decline (nominative, "adj", FALSE, adjective))
        for (guint i = 0; i < adjective->len; i++)
          g_ptr_array_add (forms, g_strconcat (g_array_index (adjective, DmRuForm, i).text, tail, NULL));
    }
}
