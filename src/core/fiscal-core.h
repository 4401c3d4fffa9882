/* fiscal-core.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fiscal-types.h"
#include "fiscal-audit.h"
#include "fiscal-catalog.h"
#include "fiscal-chart.h"
#include "fiscal-csv.h"
#include "fiscal-disclosure.h"
#include "fiscal-document.h"
#include "fiscal-error.h"
#include "fiscal-export-xlsx.h"
#include "fiscal-export-pdf.h"
#include "fiscal-file.h"
#include "fiscal-framework.h"
#include "fiscal-import.h"
#include "fiscal-import-source.h"
#include "fiscal-indicator.h"
#include "fiscal-line.h"
#include "fiscal-money.h"
#include "fiscal-narrative.h"
#include "fiscal-output.h"
#include "fiscal-paste.h"
#include "fiscal-pivot.h"
#include "fiscal-print.h"
#include "fiscal-profile.h"
#include "fiscal-project.h"
#include "fiscal-recovery.h"
#include "fiscal-summary.h"
#include "fiscal-table.h"
#include "fiscal-table-io.h"
#include "fiscal-targets.h"
#include "fiscal-unit.h"
#include "fiscal-validate.h"
