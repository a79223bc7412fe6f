package org.sealdrop.ui.documents;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.ui.Messages;

/**
 * The view model of the document table: every document of the index, the rows that match the search
 * query, sorted by whatever comparator the table binds, and the texts of the count and of the empty
 * table.
 *
 * <p>Each row's {@linkplain SearchQuery#searchKey search key} is computed once, when the rows are
 * set, so a keystroke in the search field filters 100,000 rows without I/O or normalization. It needs
 * only {@code javafx.base}, not a running toolkit. Call it on one thread, the application thread in
 * the window.
 */
final class DocumentListModel {

    private final ObservableList<DocumentSummary> all = FXCollections.observableArrayList();
    // Keyed by identity: the lists hold exactly these instances, and a record's hashCode would hash every field.
    private final Map<DocumentSummary, String> searchKeys = new IdentityHashMap<>();
    // The filter comes after the sort. A SortedList over a FilteredList inserts every row that a keystroke
    // brings back one by one, which took 150 ms or more per keystroke on 100,000 rows. Refiltering a
    // sorted list is one pass (docs/ARCHITECTURE.md gives the measurement).
    private final SortedList<DocumentSummary> sorted = new SortedList<>(all);
    private final FilteredList<DocumentSummary> rows = new FilteredList<>(sorted);
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper placeholderText = new ReadOnlyStringWrapper(this, "placeholderText", "");

    DocumentListModel() {
        query.addListener((property, before, typed) -> applyQuery(typed));
        updateTexts();
    }

    /** Rows to show: the documents that match the query, in the order of {@link #sorted()}. */
    FilteredList<DocumentSummary> rows() {
        return rows;
    }

    /** Returns every document in the order of its comparator, which the table binds to its own sort order. */
    SortedList<DocumentSummary> sorted() {
        return sorted;
    }

    /** Returns the text typed in the search field. It is PHI when it names a patient, so it is never logged. */
    StringProperty queryProperty() {
        return query;
    }

    /** "12 documents", or "3 of 12 documents" while a query narrows the rows. */
    ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** Text of the empty table: that the vault has no documents, or that none matches the query. */
    ReadOnlyStringProperty placeholderTextProperty() {
        return placeholderText.getReadOnlyProperty();
    }

    /**
     * Replaces the documents, unless {@code documents} equals them already, and keeps the query and the
     * sort order.
     *
     * @return whether the rows changed
     */
    boolean setAll(List<DocumentSummary> documents) {
        if (all.equals(documents)) {
            return false;
        }
        searchKeys.clear();
        for (DocumentSummary document : documents) {
            searchKeys.put(document, SearchQuery.searchKey(document));
        }
        all.setAll(documents);
        updateTexts();
        return true;
    }

    /** Removes the document with {@code id}, such as one just deleted, without waiting for the next list. */
    void remove(UUID id) {
        all.removeIf(document -> {
            boolean match = document.id().equals(id);
            if (match) {
                searchKeys.remove(document);
            }
            return match;
        });
        updateTexts();
    }

    /** Empties the model and the query, so no document name or patient reference stays in memory here. */
    void clear() {
        query.set("");
        all.clear();
        searchKeys.clear();
        updateTexts();
    }

    /** Number of documents of the index, whatever the query. */
    int totalCount() {
        return all.size();
    }

    /** Number of documents that match the query. */
    int matchingCount() {
        return rows.size();
    }

    private void applyQuery(String typed) {
        SearchQuery parsed = SearchQuery.parse(typed);
        if (parsed.isEmpty()) {
            rows.setPredicate(null);
        } else {
            rows.setPredicate(document -> parsed.matches(searchKeys.getOrDefault(document, "")));
        }
        updateTexts();
    }

    private void updateTexts() {
        boolean searching = !SearchQuery.parse(query.get()).isEmpty();
        countText.set(searching
                ? Messages.text("documents.search.countMatching", rows.size(), all.size())
                : Messages.text("documents.search.count", all.size()));
        if (all.isEmpty()) {
            placeholderText.set(Messages.text("documents.table.empty"));
        } else {
            placeholderText.set(Messages.text("documents.search.noMatch", query.get().strip()));
        }
    }
}
