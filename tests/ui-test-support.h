/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui-test-support.h: main-loop helpers shared by the tests that open
 * windows (suite ui and the translated window tests). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef gboolean (*DmTestCondition) (gpointer data);

/* Runs the main loop until @condition holds or @timeout_ms pass; FALSE on
 * timeout. */
gboolean dm_test_wait_for (DmTestCondition condition, gpointer data, int timeout_ms);

/* Runs the main loop for @ms, so that what was filled is also drawn. */
void dm_test_settle (int ms);

G_END_DECLS
