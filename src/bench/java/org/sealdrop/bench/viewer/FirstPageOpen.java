package org.sealdrop.bench.viewer;

import java.time.Duration;
import java.util.UUID;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.OpenedDocument;
import org.sealdrop.app.ServiceOptions;
import org.sealdrop.app.TransferListener;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.testsupport.ByteCountingProxy;
import org.sealdrop.testsupport.TestEnvironment;
import org.sealdrop.viewer.DocumentKind;
import org.sealdrop.viewer.PageRenderer;
import org.sealdrop.viewer.RenderedPage;

/**
 * One cold open of a document up to its first page as an image, along the path of the viewer window
 * ({@code ViewerWindow.openRenderer} and {@code PagedView.render}) without JavaFX: {@code
 * DocumentService.open}, then {@code PageRenderer.openPdf} on the ranged content of a large PDF or
 * {@code PageRenderer.open} on the decrypted bytes of any other, then {@code renderPage(0, 1, 0)}.
 */
final class FirstPageOpen {

    /** Zoom 1.0: 96 pixels per inch, so an A4 page becomes about 794 × 1123 pixels. */
    private static final float ZOOM = 1f;

    private final HomeFolder home;
    private final ServiceOptions options;
    private final ByteCountingProxy proxy;
    private final RequestCountingProxy requests;

    FirstPageOpen(HomeFolder home, ServiceOptions options, ByteCountingProxy proxy, RequestCountingProxy requests) {
        this.home = home;
        this.options = options;
        this.proxy = proxy;
        this.requests = requests;
    }

    /**
     * Opens the services of the home folder anew, unlocks the vault, and times the open of {@code id}
     * up to the rendered page 1. Unlocking and closing lie outside the timed interval.
     */
    Result open(UUID id) {
        try (LocalServices services = LocalServices.open(home, options)) {
            services.vault().unlock(TestEnvironment.PASSPHRASE.toCharArray());
            proxy.reset();
            requests.reset();

            long start = System.nanoTime();
            Result result;
            try (OpenedDocument opened = services.documents().open(id, TransferListener.NONE)) {
                long openedAt = System.nanoTime();
                try (PageRenderer renderer = parse(opened)) {
                    long parsedAt = System.nanoTime();
                    RenderedPage page = renderer.renderPage(0, ZOOM, 0);
                    long renderedAt = System.nanoTime();
                    if (page.image().getWidth() < 100) {
                        throw new IllegalStateException("Page 1 rendered as only " + page.image().getWidth()
                                + " pixels wide; check the PDF written for the benchmark.");
                    }
                    result = new Result(opened.isRanged(), openedAt - start, parsedAt - openedAt,
                            renderedAt - parsedAt, proxy.bodyBytes(), proxy.headerBytes(), requests.requests());
                }
            }
            services.flushAudit(Duration.ofSeconds(30));
            return result;
        }
    }

    private static PageRenderer parse(OpenedDocument opened) {
        if (opened.isRanged()) {
            return PageRenderer.openPdf(opened.rangedContent());
        }
        DocumentKind kind = DocumentKind.detect(opened.summary().mediaType(), opened.content());
        return PageRenderer.open(kind, opened.content());
    }

    /**
     * One timed open.
     *
     * @param ranged whether the open went through ranged reads
     * @param openNanos {@code DocumentService.open}: the audit event, the HEAD and header reads, and for a
     *     document that is not ranged the whole download, verification and decryption
     * @param parseNanos PDFBox parsing the PDF (for a ranged one, fetching the chunks it reads)
     * @param renderNanos rendering page 1 (for a ranged one, fetching the chunks its content needs)
     * @param bodyBytes bytes of HTTP bodies between SealDrop and S3 during the timed interval
     * @param headerBytes bytes of HTTP start lines and headers in the same interval
     * @param requests HTTP requests to S3 in the same interval
     */
    record Result(boolean ranged, long openNanos, long parseNanos, long renderNanos, long bodyBytes, long headerBytes,
            long requests) {

        double totalMillis() {
            return (openNanos + parseNanos + renderNanos) / 1e6;
        }
    }
}
