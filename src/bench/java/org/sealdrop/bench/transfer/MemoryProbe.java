package org.sealdrop.bench.transfer;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.ServiceOptions;
import org.sealdrop.app.TransferListener;
import org.sealdrop.app.VaultSetup;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.testsupport.TestEnvironment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Run by {@link MemoryBench} in a JVM of its own: uploads one file through {@link LocalServices} to
 * the parent's S3Proxy, exports it again and prints one {@code RESULT} line with the peak heap and
 * peak resident memory of each step. S3Proxy and the audit receiver run in the parent, so their
 * memory is not counted here.
 *
 * <p>Arguments: home folder, source file, S3 endpoint, bucket, audit URL, audit token file. The S3
 * access key and secret come on standard input, one per line, so they appear in no process list.
 */
public final class MemoryProbe {

    private static final double MIB = 1024.0 * 1024;

    private MemoryProbe() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path home = Path.of(args[0]);
        Path source = Path.of(args[1]);
        URI endpoint = URI.create(args[2]);
        S3Clients.requireLoopback(endpoint);
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        var credentials = AwsBasicCredentials.create(input.readLine(), input.readLine());

        ServiceOptions options = ServiceOptions.defaults()
                .withCredentials(StaticCredentialsProvider.create(credentials), null)
                .withArgon2(TestEnvironment.TEST_ARGON2);
        try (LocalServices services = LocalServices.open(new HomeFolder(home), options)) {
            services.vault().setUp(new VaultSetup(endpoint, "us-east-1", args[3], "memory-" + UUID.randomUUID(),
                    URI.create(args[4]), Path.of(args[5])), TestEnvironment.PASSPHRASE.toCharArray());

            Peaks.reset();
            String idle = Peaks.read();
            DocumentSummary uploaded = services.documents().upload(source, null, TransferListener.NONE);
            String upload = Peaks.read();

            Peaks.reset();
            Path exported = home.resolveSibling("exported.bin");
            services.documents().export(uploaded.id(), exported, TransferListener.NONE);
            String export = Peaks.read();
            Files.delete(exported);
            services.documents().delete(uploaded.id());

            System.out.println("RESULT idle " + idle + " upload " + upload + " export " + export + " maxHeap "
                    + String.format(Locale.ROOT, "%.0f", Runtime.getRuntime().maxMemory() / MIB));
        }
    }

    /**
     * Peak heap in use (sampled every millisecond, garbage included), the largest heap left after a
     * collection, and peak resident set size (VmHWM) since the last reset.
     *
     * <p>Heap use is sampled because G1 updates its pools' usage figures only at collections, so a
     * pool's peak misses a step during which no collection ran.
     */
    private static final class Peaks {

        private static final AtomicLong MAX_USED = new AtomicLong();
        /** Largest heap in use right after a collection since the last reset; -1 when none ran. */
        private static final AtomicLong MAX_AFTER_GC = new AtomicLong(-1);
        private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());

        static {
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        return;
                    }
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(pool -> HEAP_POOLS.contains(pool.getKey()))
                            .mapToLong(pool -> pool.getValue().getUsed()).sum();
                    MAX_AFTER_GC.accumulateAndGet(after, Math::max);
                }, null, null);
            }
            Thread sampler = new Thread(() -> {
                Runtime runtime = Runtime.getRuntime();
                while (true) {
                    MAX_USED.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        /** Collects garbage, then resets the peaks and the kernel's VmHWM to the current values. */
        static void reset() throws IOException, InterruptedException {
            System.gc();
            // The collection's notification arrives on another thread; let it land before the reset.
            Thread.sleep(200);
            MAX_AFTER_GC.set(-1);
            Runtime runtime = Runtime.getRuntime();
            MAX_USED.set(runtime.totalMemory() - runtime.freeMemory());
            // Writing 5 to clear_refs resets VmHWM to the current resident size (Linux 4.0 and later).
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        }

        /** Returns "heapPeakMiB afterGcMiB rssPeakMiB", with "-" for after GC when no collection ran. */
        static String read() throws IOException {
            long hwmKiB = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(-1);
            long afterGc = MAX_AFTER_GC.get();
            return String.format(Locale.ROOT, "%.0f %s %.0f", MAX_USED.get() / MIB,
                    afterGc < 0 ? "-" : String.format(Locale.ROOT, "%.0f", afterGc / MIB), hwmKiB / 1024.0);
        }
    }
}
