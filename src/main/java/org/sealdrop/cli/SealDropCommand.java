package org.sealdrop.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sealdrop.SealDropException;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.ServiceOptions;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.instance.HandOffClient;
import org.sealdrop.instance.HandOffListener;
import org.sealdrop.instance.InstanceLock;
import org.sealdrop.selftest.SelfTest;
import org.sealdrop.ui.DesktopLauncher;
import org.sealdrop.ui.HandedFiles;
import org.sealdrop.ui.Messages;
import org.sealdrop.ui.theme.UiPreferences;
import org.sealdrop.ui.theme.UiTheme;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sealdrop [FILE...]}: without a subcommand it opens the window on the home folder's vault and
 * queues the files. When a window of the same home folder is already open, it hands the files to
 * that window instead, requests that it come to the front and exits without opening the index.
 */
@Command(name = "sealdrop", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Encrypts clinic documents on this computer, uploads them to S3 and records every access.",
        subcommands = {InitCommand.class, UploadCommand.class, ListCommand.class, ExportCommand.class,
            VerifyCommand.class, DeleteCommand.class, IndexCommand.class, VaultCommand.class, AuditServerCommand.class,
            AuditCommand.class, DemoCommand.class, DoctorCommand.class, SettingsCommand.class})
public final class SealDropCommand implements Callable<Integer> {

    /** Exit status of a failed operation. */
    public static final int EXIT_FAILURE = 1;
    /** Exit status of a command line that could not be understood. */
    public static final int EXIT_USAGE = 2;

    @Mixin
    HomeOption home;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Files or folders to upload in the window; handed to the open window if SealDrop already runs.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--self-test", description = "Check encryption, SQLite, TLS, S3 and audit delivery against servers"
            + " started on 127.0.0.1, print one line per check and exit 0 when all pass; touches no home folder.")
    boolean selfTest;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Creates the command line with SealDrop's error handling: one sentence on stderr, status 1 or 2. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SealDropCommand());
        commandLine.setExecutionExceptionHandler(SealDropCommand::handleFailure);
        commandLine.setParameterExceptionHandler(SealDropCommand::handleUsageError);
        commandLine.registerConverter(java.util.UUID.class, SealDropCommand::documentId);
        return commandLine;
    }

    @Override
    public Integer call() {
        if (selfTest) {
            return SelfTest.allChecks(LocalServices.APP_VERSION).run(spec.commandLine().getOut()) ? 0 : EXIT_FAILURE;
        }
        List<Path> absolute = existingFiles();
        HomeFolder folder = home.folder();
        Optional<InstanceLock> lock = InstanceLock.tryAcquire(folder);
        if (lock.isEmpty()) {
            HandOffClient.send(folder, absolute, HandOffClient.DEFAULT_PATIENCE);
            spec.commandLine().getOut().println(Messages.text(absolute.isEmpty() ? "handOff.focused" : "handOff.sent"));
            return 0;
        }
        HandedFiles handedFiles = new HandedFiles();
        handedFiles.add(absolute);
        try (InstanceLock held = lock.get();
                HandOffListener listener = listen(held, folder, handedFiles);
                LocalServices services = LocalServices.open(folder, ServiceOptions.defaults())) {
            UiTheme.load(UiPreferences.in(folder.root()));
            DesktopLauncher.launch(services.vault(), services.documents(), handedFiles);
            services.flushAudit(java.time.Duration.ofSeconds(5));
        }
        return 0;
    }

    /**
     * Starts the hand-off listener, or returns {@code null} when the socket cannot be opened: the
     * window still works then, and a second start reports that the window did not take its files.
     */
    static HandOffListener listen(InstanceLock lock, HomeFolder folder, HandedFiles handedFiles) {
        try {
            return HandOffListener.start(lock, folder, handedFiles);
        } catch (SealDropException e) {
            org.slf4j.LoggerFactory.getLogger(SealDropCommand.class).warn("{} [{}]", e.getMessage(), e.errorCode());
            return null;
        }
    }

    /**
     * Returns the file arguments as absolute paths. An argument that names no file is far more often a
     * mistyped command than a file, so it is a usage error rather than a failed upload.
     */
    private List<Path> existingFiles() {
        List<Path> absolute = new ArrayList<>();
        for (Path file : files) {
            if (!Files.exists(file)) {
                throw new UsageException("'" + file + "' is neither a command nor an existing file or folder;"
                        + " run `sealdrop --help` for the commands.");
            }
            absolute.add(file.toAbsolutePath().normalize());
        }
        return absolute;
    }

    private static java.util.UUID documentId(String text) {
        try {
            return java.util.UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + text
                    + "' is not a document id; copy the id from the first column of `sealdrop list`.");
        }
    }

    private static int handleFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (e instanceof SealDropException failure) {
            commandLine.getErr().println("sealdrop: " + failure.getMessage() + " [" + failure.errorCode() + "]");
            return EXIT_FAILURE;
        }
        if (e instanceof UsageException usage) {
            commandLine.getErr().println("sealdrop: " + usage.getMessage());
            return EXIT_USAGE;
        }
        commandLine.getErr().println("sealdrop: an unexpected " + e.getClass().getSimpleName()
                + " occurred; see the log in the home folder's logs folder and report it to IT.");
        org.slf4j.LoggerFactory.getLogger(SealDropCommand.class).error("Unexpected failure", e);
        return EXIT_FAILURE;
    }

    private static int handleUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        commandLine.getErr().println("sealdrop: " + e.getMessage());
        commandLine.getErr().println("Run `" + commandLine.getCommandSpec().qualifiedName() + " --help` for the options.");
        return EXIT_USAGE;
    }
}
