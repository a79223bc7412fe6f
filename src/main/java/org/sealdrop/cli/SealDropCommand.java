package org.sealdrop.cli;

import java.util.concurrent.Callable;
import org.sealdrop.SealDropException;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.ServiceOptions;
import org.sealdrop.ui.DesktopLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sealdrop}: without a subcommand it opens the window on the home folder's vault. */
@Command(name = "sealdrop", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Encrypts clinic documents on this computer, uploads them to S3 and records every access.",
        subcommands = {InitCommand.class, UploadCommand.class, ListCommand.class, ExportCommand.class,
            VerifyCommand.class, IndexCommand.class, VaultCommand.class, AuditServerCommand.class, AuditCommand.class,
            DemoCommand.class, DoctorCommand.class})
public final class SealDropCommand implements Callable<Integer> {

    /** Exit status of a failed operation. */
    public static final int EXIT_FAILURE = 1;
    /** Exit status of a command line that could not be understood. */
    public static final int EXIT_USAGE = 2;

    @Mixin
    HomeOption home;

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
        try (LocalServices services = LocalServices.open(home.folder(), ServiceOptions.defaults())) {
            DesktopLauncher.launch(services.vault(), services.documents());
            services.flushAudit(java.time.Duration.ofSeconds(5));
        }
        return 0;
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
