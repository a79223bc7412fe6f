package org.sealdrop.transfer;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.sealdrop.SealDropException;

/**
 * End of a job that the user cancelled: a {@link SealDropException} with code {@value #ERROR_CODE},
 * recorded in the audit trail as outcome failure with reason {@value #AUDIT_REASON}.
 */
public final class Cancellation {

    /** Error code of a cancelled job; the storage layer throws the same code for a cancelled upload. */
    public static final String ERROR_CODE = "SD-CANCELLED";
    /** Audit reason of a cancelled job, in place of an error code, because a cancel is no error. */
    public static final String AUDIT_REASON = "cancelled";

    private Cancellation() {
    }

    /**
     * Throws when the job's listener reports a cancel.
     *
     * @param job what was cancelled, such as "The upload of document 3f2b…"; never a file name
     * @throws SealDropException {@value #ERROR_CODE} when {@code progress} reports a cancel
     */
    static void throwIfRequested(Progress progress, String job) {
        if (progress.cancelRequested()) {
            throw cancelled(job);
        }
    }

    static SealDropException cancelled(String job) {
        return new SealDropException(ERROR_CODE, job + " was cancelled, so nothing was kept.");
    }

    /** Returns the audit reason for a failure: {@value #AUDIT_REASON} for a cancel, else the error code. */
    static String auditReason(SealDropException failure) {
        return ERROR_CODE.equals(failure.errorCode()) ? AUDIT_REASON : failure.errorCode();
    }

    /** Wraps {@code sink} so that each write first checks for a cancel, for jobs that write a file. */
    static OutputStream checked(OutputStream sink, Progress progress, String job) {
        return new FilterOutputStream(sink) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                throwIfRequested(progress, job);
                out.write(bytes, offset, length);
            }

            @Override
            public void write(int value) throws IOException {
                throwIfRequested(progress, job);
                out.write(value);
            }
        };
    }
}
