package org.sealdrop.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.sealdrop.cli.SealDropCommand;
import picocli.CommandLine;

/** Runs the {@code sealdrop} command line in this JVM and captures its exit status and output. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        CommandLine commandLine = SealDropCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** Runs the command line with {@code --home} set to {@code home} before {@code args}. */
    public static CliRun inHome(org.sealdrop.config.HomeFolder home, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--home";
        all[1] = home.root().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return of(all);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
