package org.sealdrop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sealdrop.SealDropException;
import org.sealdrop.app.CheckedFile;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.TransferListener;
import org.sealdrop.transfer.FolderExpansion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealdrop upload}: encrypts and uploads files and folders, one output line per document. A file
 * whose content the vault already holds, or an earlier file of the same run has, is skipped unless
 * {@code --allow-duplicates} is given; its line names the existing document and ends with
 * {@value #DUPLICATE_MARK}. Skipped duplicates do not change the exit status.
 */
@Command(name = "upload", mixinStandardHelpOptions = true,
        description = {"Encrypt files (folders recursively) and upload them; prints one line per document: id, size, name.",
                "A file whose content is already in the vault (or earlier in this run) is skipped: its line shows the"
                + " existing document's id and ends with a tab and \"" + UploadCommand.DUPLICATE_MARK + "\".",
                "With --resume, finishes the uploads of this home folder that were interrupted, one line per document id."})
final class UploadCommand implements Callable<Integer> {

    /** Last column of the line of a skipped duplicate. */
    static final String DUPLICATE_MARK = "duplicate, skipped";

    @ParentCommand
    SealDropCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--patient", paramLabel = "REF", description = "Patient reference stored encrypted with every document of this run.")
    String patientReference;

    @Option(names = "--allow-duplicates",
            description = "Upload files whose content is already in the vault or earlier in this run, instead of skipping them.")
    boolean allowDuplicates;

    @Option(names = "--resume", description = "Finish every interrupted upload of this home folder instead of adding files.")
    boolean resume;

    @Option(names = "--discard", description = "With --resume: remove interrupted uploads whose file's folder is not "
            + "available (such as an unplugged drive) instead of keeping them for a later resume.")
    boolean discard;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or folders to upload.")
    List<Path> paths;

    @Mixin
    PassphraseOption passphrase;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean hasPaths = paths != null && !paths.isEmpty();
        if (resume && hasPaths) {
            throw new UsageException("Pass either --resume or files to upload, not both.");
        }
        if (discard && !resume) {
            throw new UsageException("--discard works only together with --resume.");
        }
        if (resume) {
            try (UnlockedSession session = UnlockedSession.open(parent.home.folder(), passphrase, err)) {
                return new ResumedUploads(session.documents(), out, err).resumeAll(discard);
            }
        }
        if (!hasPaths) {
            throw new UsageException("Pass the files or folders to upload, or --resume.");
        }
        FolderExpansion.Result sources = FolderExpansion.expand(paths);
        int failures = 0;
        for (FolderExpansion.Skipped skipped : sources.skipped()) {
            err.println("sealdrop: " + skipped.path() + " was skipped: " + describe(skipped.reason()));
            if (skipped.reason() != FolderExpansion.Reason.SYSTEM_FILE && skipped.reason() != FolderExpansion.Reason.HIDDEN) {
                failures++;
            }
        }
        try (UnlockedSession session = UnlockedSession.open(parent.home.folder(), passphrase, err)) {
            // Uploaded documents by file, so a later file with the same content can name the document.
            Map<Path, DocumentSummary> uploaded = new HashMap<>();
            for (CheckedFile checked : session.documents().checkContent(sources.files())) {
                Path file = checked.file();
                Optional<String> existing = allowDuplicates ? Optional.empty() : existingDocument(checked, uploaded);
                if (existing.isPresent()) {
                    out.println(existing.get() + "\t" + file.getFileName() + "\t" + DUPLICATE_MARK);
                    out.flush();
                    continue;
                }
                try {
                    DocumentSummary document = session.documents().upload(checked, patientReference, TransferListener.NONE);
                    uploaded.put(file, document);
                    checked.earlierFile().ifPresent(earlier -> uploaded.putIfAbsent(earlier, document));
                    out.println(document.id() + "\t" + document.size() + "\t" + document.name());
                    out.flush();
                } catch (SealDropException e) {
                    err.println("sealdrop: " + file + " was not uploaded: " + e.getMessage() + " [" + e.errorCode() + "]");
                    failures++;
                }
            }
        }
        return failures == 0 ? 0 : SealDropCommand.EXIT_FAILURE;
    }

    /**
     * Returns "id<TAB>size" of the document that already has this file's content: the oldest one in the
     * vault, else the one uploaded for the earlier file of this run. When that earlier upload failed,
     * this file is uploaded in its place.
     */
    private static Optional<String> existingDocument(CheckedFile checked, Map<Path, DocumentSummary> uploaded) {
        if (!checked.existingDocuments().isEmpty()) {
            return Optional.of(checked.existingDocuments().get(0) + "\t" + checked.size());
        }
        return checked.earlierFile()
                .map(uploaded::get)
                .map(document -> document.id() + "\t" + document.size());
    }

    private static String describe(FolderExpansion.Reason reason) {
        return switch (reason) {
            case UNREADABLE -> "it could not be read; check the disk or network share, or ask IT for read access.";
            case NOT_A_REGULAR_FILE -> "it is not a regular file.";
            case LINKED_FOLDER -> "it is a link to a folder, which is not followed so a link loop cannot repeat files.";
            case MISSING -> "it does not exist; check the path.";
            case SYSTEM_FILE -> "it is an operating system file.";
            case HIDDEN -> "it is hidden inside a folder; pass it by its own path to upload it.";
        };
    }
}
