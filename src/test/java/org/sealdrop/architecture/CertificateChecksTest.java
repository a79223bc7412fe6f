package org.sealdrop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Certificate errors are never ignored: no production class brings its own trust manager or hostname
 * verifier, or switches on the AWS SDK's trust-all option or the JDK HTTP client's switch that turns
 * off hostname verification. Each rule is also run against the planted classes at the bottom of this
 * file, so a rule that stopped matching would fail here.
 */
class CertificateChecksTest {

    /** SDK option names, Apache HttpClient classes and JDK properties that turn certificate checks off. */
    private static final Set<String> TRUST_ALL_CLASSES = Set.of(
            "org.apache.http.conn.ssl.NoopHostnameVerifier",
            "org.apache.http.conn.ssl.AllowAllHostnameVerifier",
            "org.apache.http.conn.ssl.TrustAllStrategy",
            "org.apache.http.conn.ssl.TrustSelfSignedStrategy",
            "org.apache.hc.client5.http.conn.ssl.NoopHostnameVerifier",
            "org.apache.hc.client5.http.ssl.NoopHostnameVerifier",
            "org.apache.hc.client5.http.ssl.TrustAllStrategy",
            "io.netty.handler.ssl.util.InsecureTrustManagerFactory");
    private static final Set<String> TRUST_ALL_WORDS = Set.of("TRUST_ALL_CERTIFICATES", "trustAllCertificates",
            "disableHostnameVerification", "InsecureTrustManagerFactory", "NoopHostnameVerifier");
    private static final Set<String> VERIFIER_SETTERS = Set.of("setHostnameVerifier", "setDefaultHostnameVerifier",
            "setDefaultSSLSocketFactory", "setSSLHostnameVerifier", "trustAllCertificates");

    private static final ArchRule NO_OWN_TRUST_MANAGER = noClasses()
            .should().implement(TrustManager.class)
            .orShould().beAssignableTo(TrustManager.class)
            .because("a trust manager of our own is where certificate errors get ignored; load a KeyStore into "
                    + "the JDK's TrustManagerFactory instead");

    private static final ArchRule NO_OWN_HOSTNAME_VERIFIER = noClasses()
            .should().beAssignableTo(HostnameVerifier.class)
            .orShould().callMethodWhere(named(VERIFIER_SETTERS))
            .because("the host name in the certificate must always be checked");

    private static final ArchRule NO_TRUST_ALL_OPTION = noClasses()
            .should().accessFieldWhere(fieldNamed("TRUST_ALL_CERTIFICATES"))
            .orShould().dependOnClassesThat().haveNameMatching(alternatives(TRUST_ALL_CLASSES))
            .because("the SDK's and Apache HttpClient's trust-all switches accept any certificate");

    private static final List<ArchRule> RULES = List.of(NO_OWN_TRUST_MANAGER, NO_OWN_HOSTNAME_VERIFIER,
            NO_TRUST_ALL_OPTION);

    @Test
    void productionClassesKeepCertificateChecks() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sealdrop");
        assertTrue(production.size() > 200, "the import found the production classes: " + production.size());

        for (ArchRule rule : RULES) {
            EvaluationResult result = rule.evaluate(production);
            assertFalse(result.hasViolation(), result.getFailureReport().toString());
        }
    }

    @Test
    void rulesCatchPlantedTrustAll() {
        JavaClasses planted = new ClassFileImporter().importClasses(TrustEverything.class, SkipHostnames.class,
                SdkTrustAll.class);

        for (ArchRule rule : RULES) {
            assertTrue(rule.evaluate(planted).hasViolation(), "rule matched nothing planted: " + rule.getDescription());
        }
    }

    @Test
    void productionSourcesNameNoTrustAllSwitch() throws IOException {
        Path sources = Path.of("src", "main", "java");
        assertTrue(Files.isDirectory(sources), "tests run from the project folder");

        List<String> hits;
        try (Stream<Path> files = Files.walk(sources)) {
            hits = files.filter(path -> path.toString().endsWith(".java"))
                    .flatMap(CertificateChecksTest::trustAllWordsIn)
                    .toList();
        }
        assertEquals(List.of(), hits);
    }

    @Test
    void sourceScanCatchesPlantedSwitch() throws IOException {
        Path planted = Path.of("src", "test", "java", "org", "sealdrop", "architecture", "CertificateChecksTest.java");

        assertFalse(trustAllWordsIn(planted).toList().isEmpty(), "this file names the switches it looks for");
    }

    private static Stream<String> trustAllWordsIn(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return TRUST_ALL_WORDS.stream().filter(text::contains).map(word -> file + ": " + word);
    }

    private static DescribedPredicate<JavaMethodCall> named(Set<String> names) {
        return DescribedPredicate.describe("a method named one of " + names,
                call -> names.contains(call.getTarget().getName()));
    }

    private static DescribedPredicate<JavaFieldAccess> fieldNamed(String name) {
        return DescribedPredicate.describe("a field named " + name, access -> access.getTarget().getName().equals(name));
    }

    private static String alternatives(Set<String> classNames) {
        return String.join("|", classNames.stream().map(name -> name.replace(".", "\\.")).toList());
    }

    /** Planted: the classic trust manager that accepts every chain. */
    static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }
    }

    /** Planted: a hostname verifier that accepts every name, installed for all connections. */
    static final class SkipHostnames implements HostnameVerifier {
        @Override
        public boolean verify(String hostname, SSLSession session) {
            return true;
        }

        static void install() {
            HttpsURLConnection.setDefaultHostnameVerifier(new SkipHostnames());
        }
    }

    /** Planted: the AWS SDK's trust-all option. */
    static final class SdkTrustAll {
        static AttributeMap options() {
            return AttributeMap.builder().put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, Boolean.TRUE).build();
        }
    }
}
