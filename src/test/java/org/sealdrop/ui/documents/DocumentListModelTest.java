package org.sealdrop.ui.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sealdrop.app.DocumentSummary;

/**
 * The table's view model without a running toolkit: search as you type over many rows, the count
 * and placeholder texts, and the sort comparator surviving a replacement of the rows.
 */
class DocumentListModelTest {

    private static final int MANY = 100_000;

    @Test
    void filterOnManyRowsMatchesBruteForce() {
        DocumentListModel model = new DocumentListModel();
        List<DocumentSummary> rows = syntheticRows(MANY);
        model.setAll(rows);

        model.queryProperty().set("consent MRN-000042");

        List<DocumentSummary> expected = rows.stream()
                .filter(row -> row.name().toLowerCase().contains("consent"))
                .filter(row -> row.patientReference() != null && row.patientReference().toLowerCase().contains("mrn-000042"))
                .toList();
        assertFalse(expected.isEmpty(), "the synthetic rows contain matches");
        assertEquals(expected.size(), model.matchingCount());
        assertEquals(ids(expected), ids(model.rows()));
        assertEquals(MANY, model.totalCount());
    }

    @Test
    void everyWordMustMatch() {
        DocumentListModel model = new DocumentListModel();
        model.setAll(List.of(row(1, "Lab results.pdf", "MRN 7"), row(2, "Lab request.pdf", "MRN 8"),
                row(3, "Consent.pdf", "MRN 7")));

        model.queryProperty().set("lab 7");

        assertEquals(List.of("Lab results.pdf"), names(model.rows()));
    }

    @Test
    void caseAndAccentsAreIgnored() {
        DocumentListModel model = new DocumentListModel();
        model.setAll(List.of(row(1, "Überweisung Müller.pdf", null), row(2, "Referral.pdf", "José Núñez")));

        model.queryProperty().set("MULLER");
        assertEquals(List.of("Überweisung Müller.pdf"), names(model.rows()));

        model.queryProperty().set("nunez jose");
        assertEquals(List.of("Referral.pdf"), names(model.rows()));

        model.queryProperty().set("überweisung");
        assertEquals(List.of("Überweisung Müller.pdf"), names(model.rows()));
    }

    @Test
    void wordDoesNotSpanNameAndReference() {
        DocumentListModel model = new DocumentListModel();
        model.setAll(List.of(row(1, "scan", "abc")));

        model.queryProperty().set("scanabc");

        assertEquals(0, model.matchingCount());
    }

    @Test
    void countAndPlaceholderFollowQuery() {
        DocumentListModel model = new DocumentListModel();
        assertEquals("0 documents", model.countTextProperty().get());
        assertEquals("No documents yet. Drop files above to add them.", model.placeholderTextProperty().get());

        model.setAll(List.of(row(1, "a.pdf", null), row(2, "b.pdf", null), row(3, "c.png", null)));
        assertEquals("3 documents", model.countTextProperty().get());

        model.queryProperty().set("pdf");
        assertEquals("2 of 3 documents", model.countTextProperty().get());

        model.queryProperty().set("zzz");
        assertEquals("0 of 3 documents", model.countTextProperty().get());
        assertEquals("No document matches 'zzz'.", model.placeholderTextProperty().get());

        model.queryProperty().set("  ");
        assertEquals("3 documents", model.countTextProperty().get());
        assertEquals(3, model.matchingCount());
    }

    @Test
    void newRowsKeepQueryAndSort() {
        DocumentListModel model = new DocumentListModel();
        model.sorted().setComparator(Comparator.comparing(DocumentSummary::name));
        model.setAll(List.of(row(1, "b referral", null), row(2, "a referral", null), row(3, "note", null)));
        model.queryProperty().set("referral");

        boolean changed = model.setAll(List.of(row(4, "c referral", null), row(1, "b referral", null),
                row(2, "a referral", null), row(3, "note", null)));

        assertTrue(changed);
        assertEquals(List.of("a referral", "b referral", "c referral"), names(model.rows()));
        assertEquals("3 of 4 documents", model.countTextProperty().get());
    }

    @Test
    void sameRowsAreNotReplaced() {
        DocumentListModel model = new DocumentListModel();
        List<DocumentSummary> rows = List.of(row(1, "a", null));
        model.setAll(rows);

        assertFalse(model.setAll(List.copyOf(rows)));
    }

    @Test
    void removeAndClear() {
        DocumentListModel model = new DocumentListModel();
        DocumentSummary first = row(1, "first", null);
        model.setAll(List.of(first, row(2, "second", null)));

        model.remove(first.id());
        assertEquals(List.of("second"), names(model.rows()));
        assertEquals("1 document", model.countTextProperty().get());

        model.queryProperty().set("sec");
        model.clear();
        assertEquals("", model.queryProperty().get());
        assertEquals(0, model.totalCount());
    }

    @Test
    void kindsFromMediaTypes() {
        assertEquals(DocumentKinds.PDF, DocumentKinds.of("application/pdf"));
        assertEquals(DocumentKinds.PDF, DocumentKinds.of("Application/PDF; version=1.7"));
        assertEquals(DocumentKinds.JPEG, DocumentKinds.of("image/jpeg"));
        assertEquals(DocumentKinds.PNG, DocumentKinds.of("image/png"));
        assertEquals(DocumentKinds.TIFF, DocumentKinds.of("image/tiff"));
        assertEquals(DocumentKinds.TEXT, DocumentKinds.of("text/plain; charset=utf-8"));
        assertEquals(DocumentKinds.TEXT, DocumentKinds.of("text/csv"));
        assertEquals(DocumentKinds.OTHER, DocumentKinds.of("application/octet-stream"));
        assertEquals(DocumentKinds.OTHER, DocumentKinds.of(""));
        assertEquals(DocumentKinds.OTHER, DocumentKinds.of(null));
    }

    /** Rows named like a clinic's documents, with every 7th patient reference missing. */
    private static List<DocumentSummary> syntheticRows(int count) {
        String[] kinds = {"Referral", "Lab results", "Consent form", "Discharge letter", "Scan"};
        List<DocumentSummary> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String reference = i % 7 == 0 ? null : String.format("MRN-%06d", i % 5000);
            rows.add(row(i, kinds[i % kinds.length] + " " + i + ".pdf", reference));
        }
        return rows;
    }

    private static DocumentSummary row(long number, String name, String patientReference) {
        return new DocumentSummary(new UUID(0, number), name, "application/pdf", 1000 + number, "reception",
                Instant.ofEpochSecond(1_700_000_000L + number), patientReference, "uploaded");
    }

    private static List<UUID> ids(List<DocumentSummary> rows) {
        return rows.stream().map(DocumentSummary::id).toList();
    }

    private static List<String> names(List<DocumentSummary> rows) {
        return rows.stream().map(DocumentSummary::name).toList();
    }
}
