/* fiscal-test-util.h
 *
 * What several test programs share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-core.h"

char           *fiscal_test_example_path  (int year);
FiscalDocument *fiscal_test_load_example  (int year);
