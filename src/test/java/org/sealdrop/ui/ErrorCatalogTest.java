package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sealdrop.SealDropException;
import org.sealdrop.app.VaultAccess;

/** The mapping from error codes to window text, and the PHI-free details for IT. */
class ErrorCatalogTest {

    private static final String CANARY = "Canary-Patient-Doe-4711";
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-12-05T03:00:00Z"), ZoneOffset.UTC);

    static Stream<String> knownCodes() {
        return ErrorCatalog.KNOWN_CODES.stream();
    }

    @ParameterizedTest
    @MethodSource("knownCodes")
    void knownCodeHasBundleKeys(String code) {
        for (String part : new String[] {"title", "message", "next"}) {
            String key = "error.known." + code + "." + part;
            assertTrue(Messages.has(key), "missing bundle key " + key);
            assertFalse(Messages.text(key).isBlank(), key);
        }
    }

    @ParameterizedTest
    @MethodSource("knownCodes")
    void knownCodeIsRaisedSomewhere(String code) throws IOException {
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            boolean raised = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.getFileName().toString().equals("ErrorCatalog.java"))
                    .anyMatch(file -> contains(file, "\"" + code + "\""));
            assertTrue(raised, code + " is in the catalog but no main class uses it");
        }
    }

    @ParameterizedTest
    @MethodSource("knownCodes")
    void knownCodePresentsItsOwnText(String code) {
        ErrorPresentation shown = ErrorCatalog.presentation(code, "Service sentence that the window does not show.");

        assertTrue(shown.known());
        assertEquals(Messages.text("error.known." + code + ".title"), shown.title());
        assertEquals(Messages.text("error.known." + code + ".message"), shown.message());
        assertEquals(Messages.text("error.known." + code + ".next"), shown.nextStep());
        assertFalse(shown.text().contains("Service sentence"), shown.text());
    }

    @Test
    void shortPassphraseTextNamesTheRule() {
        String text = ErrorCatalog.presentation("SD-PASSPHRASE-SHORT", null).text();

        assertTrue(text.contains(String.valueOf(VaultAccess.MIN_PASSPHRASE_LENGTH)), text);
    }

    @Test
    void unknownSealDropCodeShowsItsMessage() {
        ErrorPresentation shown = ErrorCatalog.presentation("SD-INDEX-OPEN", "The index could not be opened.");

        assertFalse(shown.known());
        assertEquals(Messages.text("error.unexpected.title"), shown.title());
        assertEquals("The index could not be opened.", shown.message());
        assertEquals(Messages.text("error.unexpected.next"), shown.nextStep());
    }

    @Test
    void internalFailureShowsGenericText() {
        ErrorReport report = ErrorReport.of(new IllegalStateException(CANARY));

        assertEquals(ErrorCatalog.INTERNAL, report.code());
        assertEquals("SD-INTERNAL", report.code());
        assertEquals(Messages.text("error.unexpected.title"), report.title());
        assertEquals(Messages.text("error.unexpected.message"), report.presentation().message());
        assertFalse(report.text().contains(CANARY), report.text());
    }

    @Test
    void detailsLeaveOutForeignMessages() {
        UUID documentId = UUID.fromString("0190c2d4-0000-7000-8000-000000000001");
        Exception failure = new RuntimeException("Wrapped " + CANARY,
                new UncheckedIOException(new NoSuchFileException("/home/reception/" + CANARY + ".pdf")));

        String details = ErrorReport.of(failure, documentId, FIXED).details();

        assertFalse(details.contains(CANARY), details);
        assertTrue(details.contains("Error code: SD-INTERNAL"), details);
        assertTrue(details.contains("Time (UTC): 2026-12-05T03:00:00Z"), details);
        assertTrue(details.contains("Document id: " + documentId), details);
        assertTrue(details.contains("Java: " + System.getProperty("java.version")), details);
        assertTrue(details.contains("OS: " + System.getProperty("os.name")), details);
        assertTrue(details.contains("SealDrop: "), details);
        assertTrue(details.contains("Exception: java.lang.RuntimeException"), details);
        assertTrue(details.contains("Caused by: java.io.UncheckedIOException"), details);
        assertTrue(details.contains("Caused by: java.nio.file.NoSuchFileException"), details);
        assertTrue(details.contains("at " + ErrorCatalogTest.class.getName() + ".detailsLeaveOutForeignMessages("),
                details);
    }

    @Test
    void detailsKeepSealDropMessages() {
        SealDropException failure = new SealDropException("SD-INDEX-OPEN", "The index could not be opened.",
                new IOException(CANARY));

        String details = ErrorReport.of(failure, null, FIXED).details();

        assertTrue(details.contains("Error code: SD-INDEX-OPEN"), details);
        assertTrue(details.contains("[SD-INDEX-OPEN]: The index could not be opened."), details);
        assertTrue(details.contains("Caused by: java.io.IOException"), details);
        assertFalse(details.contains(CANARY), details);
        assertFalse(details.contains("Document id"), details);
    }

    @Test
    void detailsCutLongStacks() {
        String details = ErrorReport.of(deepFailure(ErrorDetails.MAX_FRAMES + 20), null, FIXED).details();

        long frames = details.lines().filter(line -> line.startsWith("    at ")).count();
        assertEquals(ErrorDetails.MAX_FRAMES, frames, details);
        assertTrue(details.contains(" more"), details);
    }

    private static RuntimeException deepFailure(int depth) {
        if (depth == 0) {
            return new IllegalStateException(CANARY);
        }
        return deepFailure(depth - 1);
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
