/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-gazetteer.h: the actors Diplomap knows and every name they go by.
 *
 * Loaded from data/actors.json (built in) and optionally merged with a user
 * file of the same schema, which may add actors or override them by code.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  DM_ACTOR_STATE,
  DM_ACTOR_ORGANIZATION,
  DM_ACTOR_DE_FACTO,
} DmActorKind;

typedef enum {
  DM_ALIAS_NAME,
  DM_ALIAS_DEMONYM,       /* counts only before a state noun ("Armenian troops") */
  DM_ALIAS_CAPITAL,
  DM_ALIAS_INSTITUTION,
  DM_ALIAS_OFFICE_HOLDER,
  DM_N_ALIAS_GROUPS,
} DmAliasGroup;

typedef enum {
  DM_CASE_NAME,  /* first letter exact (any case at sentence start), the rest
                    any case, never all capitals unless the alias is; any case
                    in a title */
  DM_CASE_EXACT, /* acronyms: byte for byte, everywhere */
} DmCaseRule;

typedef struct {
  char        *text;
  guint        actor;       /* index into the gazetteer's actors */
  DmAliasGroup group;
  DmCaseRule   case_rule;
  /* Words that, when present in the same paragraph, make this alias mean
   * something else (Georgia → Atlanta); NULL when none. */
  GStrv        ambiguous_context;
  /* A capitalized word just before it makes it a surname (Washington). */
  gboolean     ambiguous_as_surname;
  /* A capitalized word just after it makes it a first name ("Chad Smith",
   * "Jordan Bardella") or a feature named after it ("Niger Delta"). */
  gboolean     ambiguous_as_first_name;
  /* The alias alone names no single actor ("Korea", "Congo"): always
   * kept with a low confidence. */
  gboolean     ambiguous_always;
  /* The grammatical cases a form of a declined language's alias may be in
   * (DmRuCase bits: "Пашиняном" instrumental); 0 for English aliases. */
  guint8       gram_cases;
} DmAlias;

typedef struct {
  char       *code;
  char       *name;
  DmActorKind kind;
  guint32     color;        /* 0xRRGGBB */
  char       *anchor_name;
  double      anchor_lat;
  double      anchor_lon;
  char       *iso;          /* ISO 3166-1 alpha-3 of the polygon it owns, or NULL */
} DmActorInfo;

#define DM_GAZETTEER_ERROR (dm_gazetteer_error_quark ())
GQuark dm_gazetteer_error_quark (void);

typedef enum {
  DM_GAZETTEER_ERROR_INVALID,
} DmGazetteerError;

#define DM_TYPE_GAZETTEER (dm_gazetteer_get_type ())
G_DECLARE_FINAL_TYPE (DmGazetteer, dm_gazetteer, DM, GAZETTEER, GObject)

/* The built-in gazetteer (a resource of the core library). */
DmGazetteer *dm_gazetteer_new_default (GError **error);
DmGazetteer *dm_gazetteer_new_from_data (const char *data, gssize length, const char *name, GError **error);
DmGazetteer *dm_gazetteer_new_from_file (const char *path, GError **error);

/* Adds or overrides actors from a file of the same schema.  On error @self
 * is unchanged and the message gives the file, line and column.
 * Malformed JSON is reported in JSON_PARSER_ERROR ("FILE: malformed JSON at
 * line L, column C: …", or "FILE: JSON nested too deeply at line L, column
 * C: …" past 256 levels), an unreadable file in G_FILE_ERROR, and a schema
 * violation as DM_GAZETTEER_ERROR_INVALID ("FILE: actors[3].color: …"). */
gboolean dm_gazetteer_merge_file (DmGazetteer *self, const char *path, GError **error);
gboolean dm_gazetteer_merge_data (DmGazetteer *self, const char *data, gssize length, const char *name, GError **error);

guint              dm_gazetteer_get_n_actors (DmGazetteer *self);
const DmActorInfo *dm_gazetteer_get_actor (DmGazetteer *self, guint index);
/* -1 when unknown */
int                dm_gazetteer_lookup_code (DmGazetteer *self, const char *code);

guint              dm_gazetteer_get_n_aliases (DmGazetteer *self);
const DmAlias     *dm_gazetteer_get_alias (DmGazetteer *self, guint index);
/* Index of the first alias whose text is exactly @text, or -1; a linear
 * scan for tests and tools, not for matching. */
int                dm_gazetteer_lookup_alias (DmGazetteer *self, const char *text);

/* Lower-case nouns (one or more words) that make a demonym stand for the
 * state: "government", "prime minister", "troops", …; NULL-terminated and
 * owned by @self, valid until the next merge. */
GStrv              dm_gazetteer_get_state_nouns (DmGazetteer *self);

const char        *dm_actor_kind_to_string (DmActorKind kind);

/* The actor's name and the name of its anchor in the user's language
 * (the catalogue knows the built-in actors' names: see
 * build-aux/extract-actor-names); an unknown name is returned as it is.
 * The exchange formats (JSON, CSV) keep the untranslated names. */
const char        *dm_actor_info_get_display_name (const DmActorInfo *info);
const char        *dm_actor_info_get_display_anchor_name (const DmActorInfo *info);

/* Any name of the built-in data (an actor, its anchor, a country or a
 * capital of the basemap) in the user's language; NULL stays NULL. */
const char        *dm_place_name_translate (const char *name);

G_END_DECLS
