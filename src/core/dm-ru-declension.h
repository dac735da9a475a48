/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-ru-declension.h (private): the case forms of a Russian name or noun
 * phrase, from a declension class per word.
 *
 * Russian names inflect (Армения, Армении, Армению, Арменией), so a
 * gazetteer alias or a cue phrase written once in data/ru/ stands for all
 * its forms; the matcher finds them in the same automaton as every other
 * alias, and the case a form can be in travels with it, so that the Russian
 * role finder can tell the partner of a talk (instrumental) from its agent
 * (nominative).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The cases a form may be in, one bit each; a form such as "Армении" is
 * several at once (genitive, dative, prepositional). */
typedef enum {
  DM_RU_NOM    = 1 << 0,
  DM_RU_GEN    = 1 << 1,
  DM_RU_DAT    = 1 << 2,
  DM_RU_ACC    = 1 << 3,
  DM_RU_INS    = 1 << 4,
  DM_RU_PREP   = 1 << 5,
  DM_RU_PLURAL = 1 << 6, /* the form is a plural one */
} DmRuCase;

#define DM_RU_ALL_CASES 0x3f

typedef struct {
  char  *text;
  guint8 cases;   /* DmRuCase bits */
} DmRuForm;

/* A DmRuForm array that frees its texts. */
GArray  *dm_ru_forms_new (void);

/* Appends to @forms the six case forms singular of @text (and the six
 * plural when @plural), merging forms that coincide: one class per word of
 * @text, separated by spaces as the words are:
 *
 *   -      indeclinable (Баку, США, and the genitives after a head: "Армения"
 *          in "Республика Армения")
 *   m      masculine, hard consonant (Ереван, Азербайджан, Париж)
 *   soft   masculine in -ь (Кремль)      j     masculine in -й (Сергей)
 *   ov     surname in -ов/-ев/-ин/-ын (Путин, Алиев: instrumental -ым)
 *   ova    feminine surname in -ова/-ева/-ина (Захарова)
 *   a      feminine in -а (Москва, Анкара, Америка)
 *   ija    feminine in -ия (Армения)     ja    feminine in -ея/-ая (ассамблея)
 *   fs     feminine in -ь (власть)
 *   o      neuter in -о (министерство)  ije   neuter in -ие (собрание)
 *   adj    adjective: every gender and number (армянский: армянская,
 *          армянских…), @plural implied
 *   adjm adjf adjn adjpl   an adjective that agrees with its noun: the gender
 *          it is written in
 *
 * A "+" after a noun class makes it animate (its accusative is its genitive):
 * "m+" for Пашинян.  Hyphenated words inflect at their end
 * (премьер-министр).  Returns FALSE, with nothing appended, for an unknown
 * class or a class count that does not match the words. */
gboolean dm_ru_decline (const char *text,
                        const char *classes,
                        gboolean    plural,
                        GArray     *forms);

/* Adds to @forms, for each form with "ё", the same with "е" (Russian
 * print writes either), and, when @capitalize, for each form starting with a
 * small letter, the same capitalized (a demonym or a cue at the start of a
 * sentence): the automaton folds ASCII case only. */
void     dm_ru_add_variants (GArray  *forms,
                             gboolean capitalize);

/* The cases the ending of a common noun or a title word may mark, guessed
 * from its last letters alone ("президенту": dative; "министром":
 * instrumental); DM_RU_ALL_CASES when the ending says nothing. */
guint8   dm_ru_guess_cases (const char *word,
                            gsize       length);

G_END_DECLS

G_BEGIN_DECLS

/* Appends to @forms (char *) the forms of a verb phrase whose first word
 * is an infinitive ("призвать", "встретиться", "взять под контроль"): the
 * infinitive, the past (m, f, n, plural), the third persons of the present
 * or perfective future (by the conjugation the infinitive suggests), the
 * perfective gerund, and with @participle the past passive participle in
 * every gender, number and case.  An infinitive in -ти or -чь has no
 * regular past: its forms come from the data. */
void     dm_ru_conjugate (const char *phrase,
                          gboolean    participle,
                          GPtrArray  *forms);

G_END_DECLS
