package nl.preventiefonds.monitoring.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import nl.preventiefonds.monitoring.ReminderKind;
import nl.preventiefonds.monitoring.ReportPurpose;
import nl.preventiefonds.monitoring.ReportRequestStatus;
import nl.preventiefonds.monitoring.ReviewOutcome;
import nl.preventiefonds.payment.PaymentKind;
import nl.preventiefonds.payment.PaymentStatus;
import nl.preventiefonds.payment.ReclaimStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every label the monitoring, payment and deadline screens look up exists in Dutch and English, once. */
class MonitoringTextsTest {
    /** The kinds DeadlineService puts on its items (deadline.kind.NAME). */
    private static final List<String> DEADLINE_KINDS = List.of("REPORT", "DECISION", "INFORMATION", "PAYMENT",
            "RECLAIM", "OBJECTION", "DETERMINATION_OBJECTION", "REVIEW_REPORT", "DETERMINE", "INTAKE");
    /** What DeterminationService.readiness can give as its reason; the page shows msg[reasonKey]. */
    private static final List<String> READINESS_REASONS = List.of("determination.alreadyDetermined",
            "determination.notRunning", "determination.reportAwaitingReview",
            "determination.finalReportOutstanding");

    private static String file(String language) {
        return "/nl/preventiefonds/web/messages" + (language.equals("nl") ? "" : "_" + language) + ".properties";
    }

    private static Properties own(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MonitoringTextsTest.class.getResourceAsStream(file(language))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static List<String> labelKeys() {
        List<String> keys = new ArrayList<>();
        for (PaymentStatus s : PaymentStatus.values()) {
            keys.add("paymentStatus." + s.name());
        }
        for (PaymentKind k : PaymentKind.values()) {
            keys.add("paymentKind." + k.name());
        }
        for (ReclaimStatus s : ReclaimStatus.values()) {
            keys.add("reclaimStatus." + s.name());
        }
        for (ReportRequestStatus s : ReportRequestStatus.values()) {
            keys.add("reportStatus." + s.name());
        }
        for (ReportPurpose p : ReportPurpose.values()) {
            keys.add("reportPurpose." + p.name());
        }
        for (ReminderKind k : ReminderKind.values()) {
            keys.add("monitoring.reminderKind." + k.name());
        }
        for (ReviewOutcome o : ReviewOutcome.values()) {
            keys.add("monitoring.outcome." + o.name());
        }
        DEADLINE_KINDS.forEach(k -> keys.add("deadline.kind." + k));
        keys.addAll(READINESS_REASONS);
        keys.add("document.DETERMINATION_LETTER");
        return keys;
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "en"})
    void everyStatusKindAndReasonHasALabel(String language) throws IOException {
        Properties bundle = own(language);
        for (String key : labelKeys()) {
            assertTrue(bundle.containsKey(key), language + " lacks " + key);
            assertFalse(bundle.getProperty(key).isBlank(), language + " has an empty " + key);
        }
    }

    @Test
    void dutchAndEnglishHaveTheSameKeys() throws IOException {
        assertEquals(own("nl").stringPropertyNames(), own("en").stringPropertyNames());
    }

    /** A key twice in one file silently loses its first text; a merge of two branches can do that. */
    @ParameterizedTest
    @ValueSource(strings = {"nl", "en"})
    void noKeyIsDefinedTwice(String language) throws IOException {
        Set<String> seen = new HashSet<>();
        List<String> twice = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                MonitoringTextsTest.class.getResourceAsStream(file(language)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
                    continue;
                }
                String key = trimmed.substring(0, trimmed.indexOf('=')).strip();
                if (!seen.add(key)) {
                    twice.add(key);
                }
            }
        }
        assertEquals(List.of(), twice, language);
    }
}
