package org.sealdrop.index;

import java.sql.SQLException;

/** A write transaction could not begin because another connection held the write lock for every attempt. */
final class IndexBusyException extends SQLException {

    private static final long serialVersionUID = 1L;

    /** SQLite's primary result code {@code SQLITE_BUSY}; extended codes such as {@code SQLITE_BUSY_SNAPSHOT} keep it in their low byte. */
    private static final int SQLITE_BUSY = 5;

    IndexBusyException(int attempts, SQLException last) {
        super("BEGIN IMMEDIATE found the index busy " + attempts + " times", last);
    }

    /** Tells whether {@code e} is SQLite's {@code SQLITE_BUSY} or one of its extended codes. */
    static boolean isBusy(SQLException e) {
        return (e.getErrorCode() & 0xff) == SQLITE_BUSY;
    }
}
