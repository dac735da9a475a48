/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dm-geo.h: the public headers of the geo layer in one include. */
#pragma once

#include "dm-mercator.h"
#include "dm-viewport.h"
#include "dm-countries.h"
