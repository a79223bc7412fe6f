package org.sealdrop.app;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the document list, with its metadata decrypted in memory. The fields {@code name} and
 * {@code patientReference} are PHI: show them, never log them.
 *
 * @param id document id (also the random part of its object key)
 * @param name original file name
 * @param mediaType media type detected at upload, such as {@code application/pdf}
 * @param size plaintext size in bytes
 * @param addedBy user who uploaded it
 * @param addedAt upload time (UTC)
 * @param patientReference patient reference typed at upload, or {@code null}
 * @param status state in the index, such as {@code uploaded}
 */
public record DocumentSummary(UUID id, String name, String mediaType, long size, String addedBy,
        Instant addedAt, String patientReference, String status) {
}
