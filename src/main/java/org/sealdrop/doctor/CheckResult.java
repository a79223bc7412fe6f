package org.sealdrop.doctor;

import java.util.Objects;

/**
 * One line of the doctor's checklist. {@code detail} describes what was found, or why the check was
 * skipped. {@code fix} is the action to take, empty unless the status is FAIL or WARN. Neither may
 * hold PHI or secrets.
 */
public record CheckResult(CheckStatus status, String name, String detail, String fix) {

    public CheckResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(name, "name");
        detail = detail == null ? "" : detail;
        fix = fix == null ? "" : fix;
    }

    public static CheckResult ok(String name, String detail) {
        return new CheckResult(CheckStatus.OK, name, detail, "");
    }

    public static CheckResult warn(String name, String detail, String fix) {
        return new CheckResult(CheckStatus.WARN, name, detail, fix);
    }

    public static CheckResult fail(String name, String detail, String fix) {
        return new CheckResult(CheckStatus.FAIL, name, detail, fix);
    }

    public static CheckResult skip(String name, String reason) {
        return new CheckResult(CheckStatus.SKIP, name, reason, "");
    }
}
