package org.sealdrop.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.ServiceOptions;
import org.sealdrop.doctor.CheckResult;
import org.sealdrop.doctor.Doctor;
import org.sealdrop.transfer.OrphanUploads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealdrop doctor}: without options, the set-up checklist (settings, endpoint, credentials, clock,
 * bucket configuration, audit receiver); with {@code --orphans}, the multipart upload clean-up.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check this computer's set-up and print a checklist with a fix for each failure; with --orphans, "
                + "clean up orphan multipart uploads. Exits 0 when nothing failed, 1 otherwise.")
final class DoctorCommand implements Callable<Integer> {

    /** Age below which a multipart upload is kept, because another computer may still be sending it. */
    static final long DEFAULT_ORPHAN_HOURS = 24;

    @ParentCommand
    SealDropCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--orphans", description = "List multipart uploads under the vault prefix and abort those that no "
            + "interrupted upload on this computer can resume and that are older than --older-than.")
    boolean orphans;

    @Option(names = "--older-than", paramLabel = "HOURS", defaultValue = "24",
            description = "With --orphans: abort only multipart uploads initiated at least this many hours ago "
                    + "(default: ${DEFAULT-VALUE}).")
    long olderThanHours;

    @Override
    public Integer call() {
        if (!orphans) {
            return checklist();
        }
        if (olderThanHours < 0) {
            throw new UsageException("--older-than must be 0 or more hours, not " + olderThanHours + ".");
        }
        try (LocalServices services = LocalServices.open(ConfiguredHome.require(parent.home.folder()),
                ServiceOptions.defaults())) {
            return reportOrphans(services.abortOrphanUploads(Duration.ofHours(olderThanHours)));
        }
    }

    /** Prints one line per set-up check, and under each FAIL or warning the fix. Needs no passphrase. */
    private int checklist() {
        List<CheckResult> results = new Doctor(parent.home.folder(), Clock.systemUTC()).run();
        PrintWriter out = spec.commandLine().getOut();
        for (CheckResult result : results) {
            out.printf("%-4s  %-20s  %s%n", result.status().label(), result.name(), result.detail());
            if (!result.fix().isEmpty()) {
                out.println("      fix: " + result.fix());
            }
        }
        out.flush();
        return Doctor.anyFailed(results) ? SealDropCommand.EXIT_FAILURE : 0;
    }

    /** Prints one line per multipart upload: action, key, upload id, initiated time, parts and bytes. */
    private int reportOrphans(List<OrphanUploads.Finding> findings) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int remaining = 0;
        for (OrphanUploads.Finding finding : findings) {
            var upload = finding.upload();
            String action = switch (finding.action()) {
                case KEPT_RESUMABLE -> "kept (resumable here)";
                case KEPT_RECENT -> "kept (younger than " + olderThanHours + " h)";
                case ABORTED -> "aborted";
                case ABORT_FAILED -> "abort failed: " + finding.errorCode();
            };
            out.println(action + "\t" + upload.key() + "\t" + upload.uploadId() + "\t" + upload.initiated() + "\t"
                    + upload.parts() + " parts\t" + upload.bytes() + " bytes");
            if (finding.action() == OrphanUploads.Action.ABORT_FAILED) {
                remaining++;
            }
        }
        out.flush();
        if (findings.isEmpty()) {
            err.println("sealdrop: no unfinished multipart uploads under the vault prefix.");
        }
        if (remaining > 0) {
            err.println("sealdrop: " + remaining + " multipart uploads could not be aborted; check the bucket "
                    + "permissions (s3:AbortMultipartUpload) and run `sealdrop doctor --orphans` again.");
            return SealDropCommand.EXIT_FAILURE;
        }
        return 0;
    }
}
