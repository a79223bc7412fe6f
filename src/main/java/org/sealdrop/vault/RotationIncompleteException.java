package org.sealdrop.vault;

import org.sealdrop.SealDropException;

/**
 * A rotation re-wrapped some objects but not all. The new key version is in place and wraps new
 * documents; the failed objects still use older versions, and the next rotate resumes with them.
 */
public class RotationIncompleteException extends SealDropException {

    private static final long serialVersionUID = 1L;

    private final transient RotationReport report;

    public RotationIncompleteException(RotationReport report) {
        super("SD-ROTATION-INCOMPLETE", report.failures().size() + " of " + report.objects()
                + " objects could not be re-wrapped to vault key version " + report.targetVersion()
                + "; run `sealdrop vault rotate` again to retry them, and tell IT if they keep failing.");
        this.report = report;
    }

    /** Returns what the rotation did, with the failed objects. */
    public RotationReport report() {
        return report;
    }
}
