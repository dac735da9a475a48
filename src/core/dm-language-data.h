/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-language-data.h (private): the per-language data of data/<lang>/
 * (data/ru/actors-ru.json), expanded into the forms the matcher needs. */
#pragma once

#include "dm-gazetteer.h"

G_BEGIN_DECLS

/* One form of a language's alias, for the gazetteer to add to the actor
 * of @code. */
typedef struct {
  char        *code;
  char        *text;
  DmAliasGroup group;
  DmCaseRule   case_rule;
  guint8       gram_cases; /* DmRuCase bits */
} DmLanguageAlias;

/* The resources of the languages the core reads besides English. */
extern const char *const dm_language_alias_resources[];

/* Appends to @aliases (DmLanguageAlias, cleared by the array) every form of
 * every alias of the resource @path, and to @state_nouns (char *, lower
 * case) every form of its state nouns. */
gboolean dm_language_aliases_load (const char *path,
                                   GArray     *aliases,
                                   GPtrArray  *state_nouns,
                                   GError    **error);

GArray  *dm_language_aliases_new (void);

G_END_DECLS
