package org.sealdrop.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.sealdrop.SealDropException;
import org.sealdrop.auditserver.AuditServer;
import org.sealdrop.auditserver.ServerTls;
import org.sealdrop.auditserver.TokenFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sealdrop audit-server}: runs the reference audit receiver until it is stopped. */
@Command(name = "audit-server", mixinStandardHelpOptions = true,
        description = "Run the reference audit receiver: stores events in a SQLite file, drops duplicates by event id."
                + " Serves HTTPS with --tls-keystore, otherwise plain HTTP on a loopback address only.")
final class AuditServerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "N", description = "TCP port to listen on (0 picks a free one).")
    int port;

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "SQLite file that stores the events.")
    Path database;

    @Option(names = "--token-file", paramLabel = "F",
            description = "File with the accepted bearer tokens, one a line (default: a new random token in FILE.token).")
    Path tokenFile;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "IP address to listen on (default: ${DEFAULT-VALUE}); other than loopback only with --tls-keystore.")
    String bind;

    @Option(names = "--tls-keystore", paramLabel = "FILE.p12",
            description = "PKCS12 key store with the receiver's private key and certificate chain; serves HTTPS (TLS 1.2 and 1.3).")
    Path tlsKeyStore;

    @Option(names = "--tls-password-file", paramLabel = "F",
            description = "File whose first line is the password of the --tls-keystore file.")
    Path tlsPasswordFile;

    @Override
    public Integer call() throws InterruptedException {
        InetSocketAddress address = bindAddress();
        ServerTls tls = tls();
        Path defaultTokens = database.resolveSibling(database.getFileName() + ".token");
        boolean createdTokens = tokenFile == null && !Files.exists(defaultTokens);
        Path tokens = tokenFile != null ? tokenFile : createTokenFile(defaultTokens);
        CountDownLatch stopped = new CountDownLatch(1);
        AuditServer started;
        try {
            started = AuditServer.start(address, database, TokenFile.read(tokens), tls);
        } catch (RuntimeException e) {
            if (createdTokens) {
                deleteQuietly(tokens);
            }
            throw e;
        }
        try (AuditServer server = started) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "audit-server-shutdown"));
            spec.commandLine().getOut().println("Audit receiver listening at " + server.baseUrl()
                    + "; events are stored in " + database.toAbsolutePath() + "; tokens are read from " + tokens.toAbsolutePath()
                    + ". Press Ctrl+C to stop.");
            spec.commandLine().getOut().flush();
            stopped.await();
        }
        return 0;
    }

    /** Returns the address to listen on. Only IP literals are accepted, so the receiver never binds where a DNS answer points. */
    private InetSocketAddress bindAddress() {
        boolean literal = bind.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (bind.contains(":") && bind.matches("[0-9A-Fa-f:.]+"));
        if (!literal) {
            throw new UsageException("The bind address " + bind + " is not an IP address; give one such as 127.0.0.1.");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(bind), port);
        } catch (UnknownHostException e) {
            throw new UsageException("The bind address " + bind + " is not a valid IP address; give one such as 127.0.0.1.");
        }
    }

    /** Returns the TLS set-up of the two TLS options, or null for plain HTTP when neither is given. */
    private ServerTls tls() {
        if (tlsKeyStore == null && tlsPasswordFile == null) {
            return null;
        }
        if (tlsKeyStore == null || tlsPasswordFile == null) {
            throw new UsageException("--tls-keystore and --tls-password-file go together; give both to serve HTTPS.");
        }
        char[] password = PassphraseOption.readFirstLine(tlsPasswordFile, "TLS key store password");
        try {
            return ServerTls.fromPkcs12(tlsKeyStore, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The token file stays; the next start reuses it.
        }
    }

    /** Writes one random token to {@code file} readable by its owner only, unless the file exists already. */
    private static Path createTokenFile(Path file) {
        if (Files.exists(file)) {
            return file;
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // NOTE: on Windows the file keeps the folder's ACL; the token is as private as the folder.
            }
            Files.writeString(file, HexFormat.of().formatHex(random) + "\n", StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new SealDropException("SD-AUDIT-TOKEN", "The token file " + file
                    + " could not be created; pass --token-file or make the folder writable.");
        }
    }
}
