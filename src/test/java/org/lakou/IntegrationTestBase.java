package org.lakou;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lakou.members.MemberApi;
import org.lakou.members.MemberCategory;
import org.lakou.members.NewMember;
import org.lakou.members.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One live Lakou (embedded Mongo and Solr) shared by every integration test class: Spring caches
 * the context because every subclass has this same configuration. Its data lives in a fresh
 * directory per JVM, so runs never see each other's records. It also brings a real SMTP server
 * (GreenMail, on a port fixed for the JVM), a clock tests can move, and one account per role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestSupportConfiguration.class)
public abstract class IntegrationTestBase {

    protected static final Path DATA_DIR = newDataDir();
    /** The one folder tree tests may import over HTTP ({@code lakou.ingest.import-roots}). */
    protected static final Path IMPORT_ROOT = DATA_DIR.resolveSibling(DATA_DIR.getFileName() + "-import");
    protected static final int SMTP_PORT = freePort();
    protected static final String PASSWORD = "correct horse battery staple";
    protected static final String ADMIN = "admin@lakou.test";
    protected static final String DOCUMENTALIST = "documentaliste@lakou.test";
    protected static final String MEMBER = "adherent@lakou.test";

    @RegisterExtension
    protected static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @LocalServerPort
    protected int port;

    @Autowired
    protected MemberApi memberApi;

    @Autowired
    protected MutableClock clock;

    @DynamicPropertySource
    static void lakouProperties(DynamicPropertyRegistry registry) {
        registry.add("lakou.storage.data-dir", DATA_DIR::toString);
        registry.add("lakou.ingest.import-roots", () -> createDirectories(IMPORT_ROOT).toString());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("lakou.members.admin-email", () -> ADMIN);
        registry.add("lakou.members.admin-password", () -> PASSWORD);
        registry.add("lakou.members.bcrypt-strength", () -> 4);
    }

    @BeforeEach
    void testAccounts() {
        account(DOCUMENTALIST, "Documentaliste de test", Role.DOCUMENTALIST);
        account(MEMBER, "Adhérent de test", Role.MEMBER);
    }

    private void account(String email, String name, Role role) {
        if (memberApi.findByEmail(email).isEmpty()) {
            memberApi.create(new NewMember(email, name, "Ville caraïbe", MemberCategory.ASSOCIATION, role, PASSWORD));
        }
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected TestHttp anonymous() {
        return new TestHttp(baseUrl());
    }

    protected TestHttp admin() {
        return anonymous().as(ADMIN, PASSWORD);
    }

    protected TestHttp documentalist() {
        return anonymous().as(DOCUMENTALIST, PASSWORD);
    }

    protected TestHttp member() {
        return anonymous().as(MEMBER, PASSWORD);
    }

    protected String memberId(String email) {
        return memberApi.findByEmail(email).orElseThrow().id();
    }

    private static Path newDataDir() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), "it-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
