package org.sealdrop.doctor;

/** One set-up check of {@code sealdrop doctor}. A check reads only; it never throws for what it finds. */
public interface DoctorCheck {

    /** Returns the result; a problem found is a FAIL result, never an exception. */
    CheckResult run();
}
