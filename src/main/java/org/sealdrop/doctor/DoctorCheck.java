package org.sealdrop.doctor;

/** One set-up check of {@code sealdrop doctor}. A check sends only read requests and reports a problem it finds as a result. */
public interface DoctorCheck {

    /** Returns the result; a problem found is a FAIL result, never an exception. */
    CheckResult run();
}
