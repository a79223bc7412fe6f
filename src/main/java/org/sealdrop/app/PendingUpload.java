package org.sealdrop.app;

import java.time.Instant;
import java.util.UUID;

/**
 * An upload that started on this computer and was not finished, for example because the program was
 * closed or the computer lost power.
 *
 * @param id the document id it gets once uploaded
 * @param name the file's original name, PHI: show it to the user, never log it; empty when the
 *     stored header cannot be read
 * @param size the file's size in bytes
 * @param started when the upload started
 */
public record PendingUpload(UUID id, String name, long size, Instant started) {
}
