package org.sealdrop.selftest;

import java.nio.file.Path;

/** One check of {@code sealdrop --self-test}: it exercises one part of the installed program on this computer. */
interface SelfTestCheck {

    /** Returns the short name printed at the start of the check's line, such as {@code crypto}. */
    String name();

    /**
     * Runs the check with its files under {@code workFolder}, a private folder that the self-test deletes
     * afterwards, and returns a short description of what passed.
     *
     * @throws Exception any failure; its message is printed on the check's line
     */
    String run(Path workFolder) throws Exception;
}
