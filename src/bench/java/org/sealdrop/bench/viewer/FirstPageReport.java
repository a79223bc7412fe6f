package org.sealdrop.bench.viewer;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.sealdrop.bench.Machine;
import org.sealdrop.bench.ui.Samples;

/** Writes the Markdown body of {@code first-page.md} from the timed opens of both PDFs. */
final class FirstPageReport {

    private FirstPageReport() {
    }

    static String write(int rounds, long smallSize, List<FirstPageOpen.Result> small, long largeSize,
            List<FirstPageOpen.Result> large) {
        StringBuilder out = new StringBuilder();
        out.append("Interval: from the call `DocumentService.open(id)` to `PageRenderer.renderPage(0, 1.0, 0)` ")
                .append("returning page 1 as an image (96 dpi), in process, without JavaFX. It covers the open's ")
                .append("audit event, the S3 requests, verification and decryption, PDFBox parsing and rendering. ")
                .append("It leaves out the unlock before it, the conversion to a JavaFX image and painting. Each open ")
                .append("uses new services (new S3 client and chunk cache) on the same JVM. ")
                .append(rounds).append(" rounds, the two sizes alternating within each round.\n\n");

        out.append("| PDF | bytes | opened by | runs, total (ms) | median open (ms) | median parse (ms) "
                + "| median render (ms) | median total (ms) | ratio to 5 MiB | S3 requests | S3 body bytes | share of file |\n");
        out.append("| --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        double baseline = median(small, FirstPageOpen.Result::totalMillis);
        row(out, "5 MiB", smallSize, small, baseline);
        row(out, "500 MiB", largeSize, large, baseline);

        out.append("\nS3 header bytes (start lines and headers, both directions), median: 5 MiB ")
                .append(String.format("%,.0f", median(small, result -> result.headerBytes())))
                .append(", 500 MiB ")
                .append(String.format("%,.0f", median(large, result -> result.headerBytes())))
                .append(".\n\nMachine at the end of the run: ").append(Machine.describe()).append("\n");
        return out.toString();
    }

    private static void row(StringBuilder out, String label, long size, List<FirstPageOpen.Result> results,
            double baseline) {
        Samples totals = new Samples();
        results.forEach(result -> totals.addMillis(result.totalMillis()));
        double total = totals.median();
        double bodyBytes = median(results, result -> result.bodyBytes());
        out.append("| ").append(label)
                .append(" | ").append(String.format("%,d", size))
                .append(" | ").append(results.get(0).ranged() ? "ranged reads" : "full download")
                .append(" | ").append(totals.list())
                .append(" | ").append(Samples.format(median(results, result -> result.openNanos() / 1e6)))
                .append(" | ").append(Samples.format(median(results, result -> result.parseNanos() / 1e6)))
                .append(" | ").append(Samples.format(median(results, result -> result.renderNanos() / 1e6)))
                .append(" | ").append(Samples.format(total))
                .append(" | ").append(Samples.ratio(total, baseline))
                .append(" | ").append(String.format("%.0f", median(results, result -> result.requests())))
                .append(" | ").append(String.format("%,.0f", bodyBytes))
                .append(" | ").append(String.format("%.2f %%", 100.0 * bodyBytes / size))
                .append(" |\n");
    }

    private static double median(List<FirstPageOpen.Result> results, ToDoubleFunction<FirstPageOpen.Result> value) {
        return Samples.median(results.stream().map(value::applyAsDouble).toList());
    }
}
