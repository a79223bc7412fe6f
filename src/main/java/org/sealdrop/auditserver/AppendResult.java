package org.sealdrop.auditserver;

import java.util.List;

/** Event ids of one batch: those stored now, and those the store already had. */
record AppendResult(List<String> stored, List<String> duplicates) {
}
