package io.weir.testutils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PKCS12 key store with a new RSA key and a self-signed certificate for {@code localhost} and
 * {@code 127.0.0.1}, made by the JDK's own {@code keytool} (no crypto library needed): for tests of
 * TLS settings such as {@code security.ssl.internal.keystore}. The same file serves as key store and
 * trust store, since the JDK trusts the certificate of a key entry.
 */
public final class SelfSignedKeyStore {
    private static final long KEYTOOL_TIMEOUT_SECONDS = 120;

    private SelfSignedKeyStore() {}

    /**
     * Writes a new key store to {@code file} whose store and key password is {@code password} and
     * whose certificate's subject is {@code CN=<commonName>}.
     *
     * @throws IOException if keytool fails or takes longer than two minutes, with its output
     */
    public static Path create(Path file, String password, String commonName) throws IOException, InterruptedException {
        Files.deleteIfExists(file);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path log = Files.createTempFile("keytool", ".log");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", commonName,
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=" + commonName,
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", password, "-keypass", password))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("keytool took longer than " + KEYTOOL_TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed (" + process.exitValue() + "): "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        Files.delete(log);
        return file;
    }
}
