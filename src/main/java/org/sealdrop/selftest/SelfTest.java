package org.sealdrop.selftest;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.sealdrop.SealDropException;

/**
 * {@code sealdrop --self-test}: checks that this installation can encrypt, keep its index, speak TLS,
 * reach S3 and post audit events, using only servers it starts on 127.0.0.1. It prints one line per
 * check and needs no display, network or vault.
 *
 * <p>Every file it writes lives in a new private folder under the system temp folder, deleted at the
 * end, so the user's home folder, index, key file and logs are never read or written. SQLite's native
 * library is extracted to that folder too ({@code org.sqlite.tmpdir}), which must therefore allow
 * executing files.
 */
public final class SelfTest {

    private final List<SelfTestCheck> checks;

    SelfTest(List<SelfTestCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** Returns the self-test with every check, in the order they run. */
    public static SelfTest allChecks(String appVersion) {
        return new SelfTest(List.of(new CryptoCheck(), new SqliteCheck(), new TlsCheck(), new S3Check(),
                new AuditCheck(appVersion), new JavaFxLibrariesCheck()));
    }

    /**
     * Runs every check, also after one failed, and prints {@code ok NAME: DETAIL} or
     * {@code FAIL NAME: REASON} for each.
     *
     * @return true when every check passed
     * @throws SealDropException with code {@code SD-SELF-TEST} when the private work folder cannot be created
     */
    public boolean run(PrintWriter out) {
        Path workFolder = createWorkFolder();
        String previousSqliteFolder = System.getProperty("org.sqlite.tmpdir");
        System.setProperty("org.sqlite.tmpdir", workFolder.toString());
        int failures = 0;
        try {
            for (SelfTestCheck check : checks) {
                failures += runOne(check, workFolder, out) ? 0 : 1;
            }
        } finally {
            restoreProperty("org.sqlite.tmpdir", previousSqliteFolder);
            deleteQuietly(workFolder);
        }
        out.println(failures == 0 ? "self-test passed: " + checks.size() + " checks"
                : "self-test failed: " + failures + " of " + checks.size() + " checks");
        out.flush();
        return failures == 0;
    }

    private static boolean runOne(SelfTestCheck check, Path workFolder, PrintWriter out) {
        try {
            out.println("ok   " + check.name() + ": " + check.run(workFolder));
            return true;
        } catch (Exception | LinkageError e) {
            // LinkageError covers a class or native library missing from the runtime image.
            out.println("FAIL " + check.name() + ": " + describe(e));
            return false;
        } finally {
            out.flush();
        }
    }

    /** Returns the exception's message with its causes, which name the missing module or library. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null && text.length() < 600; cause = cause.getCause()) {
            if (text.length() > 0) {
                text.append(" <- ");
            }
            text.append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }

    private static Path createWorkFolder() {
        try {
            Path base = Path.of(System.getProperty("java.io.tmpdir"));
            if (base.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                return Files.createTempDirectory(base, "sealdrop-self-test-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            return Files.createTempDirectory(base, "sealdrop-self-test-");
        } catch (IOException e) {
            throw new SealDropException("SD-SELF-TEST", "The self-test could not create its folder in "
                    + System.getProperty("java.io.tmpdir") + "; check that the temp folder is writable.", e);
        }
    }

    private static void restoreProperty(String name, String previous) {
        if (previous == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, previous);
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // NOTE: on Windows a file that is still open keeps the folder, which stays in the temp folder and contains no PHI.
        }
    }
}
