package org.sealdrop.cli;

/** A command line that names values the command cannot use; exit status 2. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
