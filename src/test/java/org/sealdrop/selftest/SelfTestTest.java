package org.sealdrop.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The self-test's runner: one line per check, later checks still run after a failure, no folder left behind. */
class SelfTestTest {

    @Test
    void failedCheckIsReportedAndOthersRun() {
        List<Path> workFolders = new ArrayList<>();
        SelfTest selfTest = new SelfTest(List.of(
                check("first", folder -> {
                    workFolders.add(folder);
                    throw new IllegalStateException("the first check broke", new UnsatisfiedLinkError("libmissing.so"));
                }),
                check("second", folder -> "fine")));
        StringWriter out = new StringWriter();

        boolean passed = selfTest.run(new PrintWriter(out));

        assertFalse(passed);
        List<String> lines = out.toString().lines().toList();
        assertEquals("FAIL first: IllegalStateException: the first check broke <- UnsatisfiedLinkError: libmissing.so",
                lines.get(0));
        assertEquals("ok   second: fine", lines.get(1));
        assertEquals("self-test failed: 1 of 2 checks", lines.get(2));
        assertFalse(Files.exists(workFolders.get(0)), "the work folder is deleted");
    }

    @Test
    void workFolderIsPrivateAndDeleted() throws Exception {
        List<Path> workFolders = new ArrayList<>();
        List<String> permissions = new ArrayList<>();
        SelfTest selfTest = new SelfTest(List.of(check("folder", folder -> {
            workFolders.add(folder);
            Files.writeString(folder.resolve("written.txt"), "check output");
            permissions.add(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
            return "wrote a file";
        })));

        boolean passed = selfTest.run(new PrintWriter(new StringWriter()));

        assertTrue(passed);
        assertEquals(List.of("rwx------"), permissions);
        assertFalse(Files.exists(workFolders.get(0)));
    }

    @Test
    void sqliteFolderPropertyIsRestored() {
        String before = System.getProperty("org.sqlite.tmpdir");
        List<String> during = new ArrayList<>();
        SelfTest selfTest = new SelfTest(List.of(check("property", folder -> {
            during.add(System.getProperty("org.sqlite.tmpdir"));
            return "read";
        })));

        selfTest.run(new PrintWriter(new StringWriter()));

        assertEquals(before, System.getProperty("org.sqlite.tmpdir"));
        assertTrue(during.get(0).contains("sealdrop-self-test-"), during.get(0));
    }

    private interface CheckBody {
        String run(Path folder) throws Exception;
    }

    private static SelfTestCheck check(String name, CheckBody body) {
        return new SelfTestCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String run(Path workFolder) throws Exception {
                return body.run(workFolder);
            }
        };
    }
}
