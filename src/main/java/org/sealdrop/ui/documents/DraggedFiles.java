package org.sealdrop.ui.documents;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;

/**
 * The local files a drag carries, read from its dragboard.
 *
 * <p>The file list comes first. A drag without one may still offer a {@code text/uri-list}
 * (RFC 2483): some Linux file managers offer only that, and its {@code file:} URIs are local files. A
 * browser link ({@code http:}, {@code https:}), a {@code mailto:} or any other URI names no local file,
 * and neither does plain text or a mail program's attachment that has no path, so such a drag carries
 * no files.
 */
final class DraggedFiles {

    private DraggedFiles() {
    }

    /** Returns the local files of {@code board}, empty when the drag carries none. */
    static List<File> of(Clipboard board) {
        if (board.hasFiles() && board.getFiles() != null && !board.getFiles().isEmpty()) {
            return board.getFiles();
        }
        Object uriList = board.getContent(DataFormat.URL);
        return uriList instanceof String text ? fileUris(text) : List.of();
    }

    /** Returns the files of the {@code file:} URIs in a {@code text/uri-list}; other lines are left out. */
    static List<File> fileUris(String uriList) {
        List<File> files = new ArrayList<>();
        for (String line : uriList.split("\r?\n")) {
            String entry = line.strip();
            // Lines starting with # are comments in a text/uri-list.
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            try {
                URI uri = new URI(entry);
                if (uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).equals("file")
                        && uri.getPath() != null && (uri.getHost() == null || uri.getHost().equals("localhost"))) {
                    files.add(new File(uri.getPath()));
                }
            } catch (URISyntaxException e) {
                // Not a URI, such as text that was dragged as a link: it names no file.
            }
        }
        return files;
    }
}
