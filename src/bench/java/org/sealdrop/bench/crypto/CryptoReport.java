package org.sealdrop.bench.crypto;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.sealdrop.bench.Machine;

/**
 * Collects the rounds of the crypto suite and renders {@code crypto.md}: rates in MB/s (10^6 bytes
 * per second, from JMH's operations per second times the object size) and each rate's ratio to raw
 * GCM of the same round, size and operation.
 */
final class CryptoReport {

    /** Benchmark class to the library name in the table, in table order. */
    private static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("RawGcmBench", "raw JDK AES-256-GCM, 64 KiB records (baseline)");
        LIBRARIES.put("SealDropBench", "SealDrop object format");
        LIBRARIES.put("S3EncryptionClientBench", "S3 Encryption Client 4.0.0");
        LIBRARIES.put("CryptolibBench", "cryptolib 2.2.1 SIV_GCM");
        LIBRARIES.put("Sha256Bench", "JDK SHA-256 (reference)");
    }

    private static final String BASELINE = "RawGcmBench";

    /** Benchmark method to the operation in the table and the raw GCM operation it is compared with. */
    private static final Map<String, String[]> OPERATIONS = new LinkedHashMap<>();

    static {
        OPERATIONS.put("encrypt", new String[] {"encrypt", "encrypt"});
        OPERATIONS.put("encryptParts", new String[] {"encrypt as 8 MiB parts, no whole-plaintext SHA-256", "encrypt"});
        OPERATIONS.put("decrypt", new String[] {"decrypt", "decrypt"});
        OPERATIONS.put("decryptChunks", new String[] {"decrypt chunk by chunk, no whole-plaintext SHA-256", "decrypt"});
        OPERATIONS.put("hash", new String[] {"SHA-256 (compared with raw encrypt)", "encrypt"});
    }

    /** One measured rate. */
    record Rate(String benchmarkClass, String operation, int size, double megabytesPerSecond, double error) {
    }

    private final String command;
    private final String settings;
    private final String machine = Machine.describe();
    private final List<String> loads = new ArrayList<>();
    private final List<List<Rate>> rounds = new ArrayList<>();

    CryptoReport(String command, String settings) {
        this.command = command;
        this.settings = settings;
    }

    void addRound(String loadBefore, String loadAfter, List<RunResult> results) {
        loads.add("round " + (loads.size() + 1) + ": " + loadBefore + " at the start, " + loadAfter + " at the end");
        List<Rate> rates = new ArrayList<>();
        for (RunResult result : results) {
            // The benchmark name is package.Class.method.
            String[] nameParts = result.getParams().getBenchmark().split("\\.");
            String benchmarkClass = nameParts[nameParts.length - 2];
            String method = nameParts[nameParts.length - 1];
            int size = Integer.parseInt(result.getParams().getParam("size"));
            Result<?> primary = result.getPrimaryResult();
            double megabytesPerOperation = size / 1e6;
            rates.add(new Rate(benchmarkClass, method, size, primary.getScore() * megabytesPerOperation,
                    primary.getScoreError() * megabytesPerOperation));
        }
        rounds.add(rates);
    }

    String markdown() {
        StringBuilder out = new StringBuilder("## Crypto throughput\n\n");
        out.append("Command: `").append(command).append("`\n\n");
        out.append("Machine (at the start): ").append(machine).append("\n\n");
        out.append("Settings: ").append(settings).append(".\n\n");
        out.append("Load average (1, 5, 15 minutes):\n\n");
        loads.forEach(line -> out.append("- ").append(line).append('\n'));
        out.append('\n');
        out.append("MB/s is 10^6 bytes of plaintext per second, the mean of the rounds; ± is the largest "
                + "99.9 % confidence half-width JMH gave in a round. The ratio divides each rate by raw GCM's rate "
                + "for the same operation and size in the same round; the table shows the mean ratio and, in "
                + "brackets, the lowest and highest round.\n\n");
        out.append("| library | operation | object size | MB/s | ± | ratio to raw GCM |\n");
        out.append("| --- | --- | ---: | ---: | ---: | ---: |\n");
        for (int size : sizes()) {
            for (String benchmarkClass : LIBRARIES.keySet()) {
                for (String operation : OPERATIONS.keySet()) {
                    appendRow(out, benchmarkClass, operation, size);
                }
            }
        }
        return out.toString();
    }

    private void appendRow(StringBuilder out, String benchmarkClass, String operation, int size) {
        List<Double> rates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        double error = 0;
        for (List<Rate> round : rounds) {
            Rate rate = find(round, benchmarkClass, operation, size);
            if (rate == null) {
                continue;
            }
            rates.add(rate.megabytesPerSecond());
            // JMH gives no error for fewer than three measurement iterations.
            error = Math.max(error, rate.error());
            Rate baseline = find(round, BASELINE, OPERATIONS.get(operation)[1], size);
            if (baseline != null) {
                ratios.add(rate.megabytesPerSecond() / baseline.megabytesPerSecond());
            }
        }
        if (rates.isEmpty()) {
            return;
        }

        String ratio = ratios.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", mean(ratios),
                ratios.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                ratios.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        String errorText = Double.isNaN(error) ? "n/a" : String.format(Locale.ROOT, "%.0f", error);
        out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %s | %s |%n", LIBRARIES.get(benchmarkClass),
                OPERATIONS.get(operation)[0], sizeLabel(size), mean(rates), errorText, ratio));
    }

    private List<Integer> sizes() {
        return rounds.stream().flatMap(List::stream).map(Rate::size).distinct().sorted(Comparator.reverseOrder()).toList();
    }

    private static Rate find(List<Rate> round, String benchmarkClass, String operation, int size) {
        return round.stream()
                .filter(rate -> rate.benchmarkClass().equals(benchmarkClass) && rate.operation().equals(operation)
                        && rate.size() == size)
                .findFirst()
                .orElse(null);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static String sizeLabel(int size) {
        return size % (1024 * 1024) == 0 ? size / (1024 * 1024) + " MiB" : size + " B";
    }
}
