package org.sealdrop.ui.viewer;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Watches folder trees for files that contain a document's plaintext: a snapshot of every file's size
 * and modification time before and after, and a {@link WatchService} in between that reads each file
 * as soon as it is created or written, so a scratch file deleted before the second snapshot is still
 * read (unless it is deleted before the watch thread gets to it).
 */
final class DiskWatch implements AutoCloseable {

    /** Larger files are not read: no viewer scratch file of a test document comes near this. */
    private static final long MAX_SCANNED_BYTES = 256L * 1024 * 1024;

    private final List<Path> roots;
    private final Predicate<Path> skipped;
    private final PlaintextFingerprint fingerprint;
    private final Map<Path, String> before;
    private final WatchService watcher;
    private final Map<WatchKey, Path> watchedFolders = new ConcurrentHashMap<>();
    private final Set<Path> seenDuringWatch = ConcurrentHashMap.newKeySet();
    private final Map<Path, String> findings = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean stopping;

    /**
     * Takes the first snapshot and starts watching.
     *
     * @param skipped folders not to enter, such as other programs' private folders
     */
    DiskWatch(List<Path> roots, Predicate<Path> skipped, PlaintextFingerprint fingerprint) throws IOException {
        this.roots = roots;
        this.skipped = skipped;
        this.fingerprint = fingerprint;
        this.watcher = FileSystems.getDefault().newWatchService();
        this.before = snapshot(true);
        this.thread = new Thread(this::watch, "disk-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Number of files in the first snapshot, to show that the snapshot saw the trees at all. */
    int filesBefore() {
        return before.size();
    }

    /** Number of files the watch service reported as created or written. */
    int filesSeenDuringWatch() {
        return seenDuringWatch.size();
    }

    /** Tells whether the watch has found plaintext in {@code file} since it started. */
    boolean hasFound(Path file) {
        return findings.containsKey(file);
    }

    /**
     * Stops watching, takes the second snapshot and reads every new or changed file.
     *
     * @return one line per file that contains plaintext: path, offset and when it was first found
     */
    List<String> finish() throws IOException, InterruptedException {
        stopping = true;
        thread.join(TimeUnit.SECONDS.toMillis(30));
        Map<Path, String> after = snapshot(false);
        for (Map.Entry<Path, String> file : after.entrySet()) {
            if (!file.getValue().equals(before.get(file.getKey()))) {
                check(file.getKey(), "after");
            }
        }
        return new ArrayList<>(new java.util.TreeMap<>(findings).values());
    }

    @Override
    public void close() throws IOException {
        stopping = true;
        watcher.close();
    }

    private void watch() {
        while (true) {
            WatchKey key;
            try {
                key = watcher.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
                return;
            }
            if (key == null) {
                if (stopping) {
                    return;
                }
                continue;
            }
            Path folder = watchedFolders.get(key);
            for (WatchEvent<?> event : key.pollEvents()) {
                if (folder == null || !(event.context() instanceof Path name)) {
                    continue;
                }
                Path changed = folder.resolve(name);
                if (Files.isDirectory(changed)) {
                    register(changed);
                } else if (Files.isRegularFile(changed)) {
                    seenDuringWatch.add(changed);
                    check(changed, "during the view");
                }
            }
            key.reset();
        }
    }

    private void check(Path file, String when) {
        try {
            if (Files.size(file) > MAX_SCANNED_BYTES) {
                return;
            }
            byte[] content = Files.readAllBytes(file);
            int offset = fingerprint.find(content);
            if (offset >= 0) {
                findings.putIfAbsent(file, file + " at byte " + offset + " (" + when + ")");
            }
        } catch (IOException e) {
            // Deleted meanwhile, or not readable by this user: nothing this test can read.
        }
    }

    private Map<Path, String> snapshot(boolean watch) throws IOException {
        Map<Path, String> files = new HashMap<>();
        for (Path root : roots) {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                    if (!folder.equals(root) && skipped.test(folder)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (watch) {
                        register(folder);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        files.put(file, attributes.size() + "/" + attributes.lastModifiedTime().toMillis());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return files;
    }

    private void register(Path folder) {
        try {
            watchedFolders.put(folder.register(watcher, ENTRY_CREATE, ENTRY_MODIFY), folder);
        } catch (IOException e) {
            // A folder that vanished, or the inotify limit: the snapshots still cover its files.
        }
    }
}
