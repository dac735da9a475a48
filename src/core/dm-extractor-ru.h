/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-extractor-ru.h (private): the role finder for sentences in Russian.
 *
 * It works on the same units as the English one (dm-sentence-units.h) and
 * gives the same links; what differs is how roles are marked: Russian word
 * order is free ("Об этом заявил министр", "Пашиняна поддержал Макрон"),
 * and cases say who is who (the instrumental of "с премьер-министром
 * Армении" is a talk's partner, the accusative of "призвал Баку" the
 * patient, the genitive of "президент Азербайджана" the actor itself).
 */
#pragma once

#include "dm-extractor.h"

G_BEGIN_DECLS

typedef struct _DmExtractorRu DmExtractorRu;

DmExtractorRu *dm_extractor_ru_new (DmLexicon *lexicon, DmGazetteer *gazetteer);
void           dm_extractor_ru_free (DmExtractorRu *self);

/* As dm_extract_links(), for a sentence of a Russian document. */
void dm_extract_links_ru (DmExtractorRu    *self,
                          const char       *text,
                          const DmSentence *sentence,
                          const DmMatch    *mentions,
                          guint             n_mentions,
                          const DmHit      *cue_hits,
                          guint             n_cue_hits,
                          guint             previous_person,
                          GArray           *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmExtractorRu, dm_extractor_ru_free)

G_END_DECLS
