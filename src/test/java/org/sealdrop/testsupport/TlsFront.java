package org.sealdrop.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An HTTPS front on 127.0.0.1 for a plain-HTTP server on 127.0.0.1, such as S3Proxy: it terminates
 * TLS with a test certificate and relays the decrypted bytes unchanged, so the Host header and every
 * signature stay as the client sent them. {@link #forwardedConnections()} counts the connections whose
 * client sent application data, which a client that rejects the certificate never does. (With TLS 1.3
 * the server side may finish its handshake before the client has checked the certificate, so a
 * finished server handshake proves nothing.)
 */
public final class TlsFront implements AutoCloseable {

    private static final char[] KEY_STORE_PASSWORD = "tls-front".toCharArray();

    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger forwarded = new AtomicInteger();

    private TlsFront(ServerSocket server, int targetPort) {
        this.server = server;
        this.targetPort = targetPort;
    }

    /**
     * Starts a front that presents {@code certificate} and relays to {@code target}.
     *
     * @param folder where the front writes its PKCS12 key store
     * @throws IllegalArgumentException if {@code target} is not on 127.0.0.1
     */
    public static TlsFront start(TestCertificates certificate, URI target, Path folder) throws Exception {
        if (!"127.0.0.1".equals(target.getHost())) {
            throw new IllegalArgumentException("The TLS front forwards only to 127.0.0.1, not " + target);
        }
        Path keyStoreFile = certificate.writeKeyStore(folder.resolve("tls-front.p12"), KEY_STORE_PASSWORD);
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(keyStoreFile)) {
            keyStore.load(in, KEY_STORE_PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, KEY_STORE_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);

        ServerSocket server = context.getServerSocketFactory().createServerSocket(0, 50, TestCertificates.loopback());
        TlsFront front = new TlsFront(server, target.getPort());
        Thread accept = new Thread(front::acceptLoop, "tls-front-accept");
        accept.setDaemon(true);
        accept.start();
        return front;
    }

    /** Returns {@code https://HOST:PORT} of the front with {@code host} as the name the client uses. */
    public URI endpoint(String host) {
        return URI.create("https://" + host + ":" + server.getLocalPort());
    }

    /** Connections whose client sent at least one byte of application data to the target. */
    public int forwardedConnections() {
        return forwarded.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(TlsFront::closeQuietly);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread handshake = new Thread(() -> relay((SSLSocket) client), "tls-front-handshake");
                handshake.setDaemon(true);
                handshake.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Relays one client after its handshake; a failed handshake (an untrusting client) just closes it. */
    private void relay(SSLSocket client) {
        try {
            client.startHandshake();
            Socket target = new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), targetPort);
            sockets.add(target);
            Thread back = new Thread(() -> copy(target, client, null), "tls-front-back");
            back.setDaemon(true);
            back.start();
            copy(client, target, forwarded);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    /** Copies until either side closes; counts the connection in {@code counter} at its first byte. */
    private static void copy(Socket from, Socket to, AtomicInteger counter) {
        byte[] buffer = new byte[16 * 1024];
        boolean counted = counter == null;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (!counted && read > 0) {
                    counter.incrementAndGet();
                    counted = true;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // One side closed; closing both ends stops the other direction too.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}
