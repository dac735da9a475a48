/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-core.h: everything of the core layer; no GTK here, ever. */
#pragma once

#include "dm-document.h"
#include "dm-document-loader.h"
#include "dm-segmenter.h"
#include "dm-gazetteer.h"
#include "dm-matcher.h"
#include "dm-link-kind.h"
#include "dm-lexicon.h"
#include "dm-extractor.h"
#include "dm-analysis.h"
#include "dm-analysis-writer.h"
#include "dm-date.h"
#include "dm-filter.h"
#include "dm-graph-writer.h"
#include "dm-selection.h"
