package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.sealdrop.SealDropException;

class ErrorReportTest {

    @ParameterizedTest
    @ValueSource(strings = {"SD-WRONG-PASSPHRASE", "SD-S3-UNREACHABLE", "SD-S3-ACCESS-DENIED", "SD-INTEGRITY"})
    void knownCodesHaveTheirOwnText(String code) {
        SealDropException failure = new SealDropException(code, "Service sentence for " + code + ".");

        ErrorReport report = ErrorReport.of(failure);

        assertEquals(code, report.code());
        assertEquals(Messages.text("error.known." + code + ".title"), report.title());
        assertEquals(Messages.text("error.known." + code + ".message") + " "
                + Messages.text("error.known." + code + ".next"), report.text());
        assertTrue(report.known(), code);
        assertTrue(report.details().contains(code), report.details());
    }

    @Test
    void otherCodesShowServiceMessageAndDetails() {
        SealDropException failure = new SealDropException("SD-INDEX-OPEN", "Could not open the index; check the folder.");

        ErrorReport report = ErrorReport.of(failure);

        assertEquals("SD-INDEX-OPEN", report.code());
        assertEquals(Messages.text("error.unexpected.title"), report.title());
        assertEquals("Could not open the index; check the folder.", report.presentation().message());
        assertFalse(report.known());
        assertTrue(report.details().contains("SD-INDEX-OPEN"), report.details());
        assertTrue(report.details().contains("Could not open the index"), report.details());
        assertTrue(report.details().contains(SealDropException.class.getName()), report.details());
    }

    @Test
    void wrappedSealDropExceptionIsFound() {
        SealDropException cause = new SealDropException("SD-INTEGRITY", "Chunk 3 failed authentication.");

        ErrorReport report = ErrorReport.of(new ExecutionException(cause));

        assertEquals("SD-INTEGRITY", report.code());
    }

    /** A JDK exception message may contain a path, which can be PHI; details carry only its type. */
    @Test
    void unexpectedExceptionHidesItsMessage() {
        NoSuchFileException failure = new NoSuchFileException("/home/reception/Smith-John-referral.pdf");

        ErrorReport report = ErrorReport.of(failure);

        assertEquals(ErrorReport.UNEXPECTED, report.code());
        assertFalse(report.details().contains("Smith"), report.details());
        assertFalse(report.text().contains("Smith"), report.text());
        assertTrue(report.details().contains(NoSuchFileException.class.getName()), report.details());
    }
}
