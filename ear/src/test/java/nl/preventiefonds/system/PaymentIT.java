package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A decision's schedule becomes payment instructions; the fund manager marks them paid or exports them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PaymentIT {
    private static final String FUND_MANAGER = "beheerder@demo.preventiefonds.nl";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    private WebSession login(String email) throws Exception {
        return WebSession.loggedIn(base, email);
    }

    private static JsonObject instructionFor(JsonArray list, long applicationId) {
        return list.stream().map(v -> v.asJsonObject())
                .filter(o -> o.getJsonNumber("applicationId").longValue() == applicationId)
                .findFirst().orElseThrow(() -> new AssertionError("no instruction for " + applicationId + ": " + list));
    }

    @Test
    void aScheduleBecomesInstructionsThatArePaidOnceAndExported() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("100000.00");
        long id = Fixtures.applicationInAssessment(fund.callId(), "Betaald initiatief", "10000.00");
        Fixtures.completedReview(id, Fixtures.OFFICER);
        WebSession decider = login(Fixtures.DECISION_MAKER);
        HttpResponse<String> decided = decider.api("POST", "applications/" + id + "/decision",
                "{\"outcome\":\"AWARD\",\"advancePercent\":80,\"tranches\":[{\"label\":\"Tweede termijn\",\"dueOn\":\""
                        + LocalDate.now().plusMonths(5) + "\",\"amount\":1000}]}");
        assertEquals(200, decided.statusCode(), decided.body());

        WebSession manager = login(FUND_MANAGER);
        HttpResponse<String> due = manager.api("GET", "payments?status=DUE&size=500", null);
        assertEquals(200, due.statusCode(), due.body());
        JsonArray list = Json.createReader(new StringReader(due.body())).readArray();
        JsonObject advance = instructionFor(list, id);
        assertEquals("Voorschot", advance.getString("label"));
        assertEquals(0, new java.math.BigDecimal("8000.00").compareTo(advance.getJsonNumber("amount").bigDecimalValue()));
        assertEquals(LocalDate.now().plusDays(14).toString(), advance.getString("dueOn"));
        assertEquals("NL91ABNA0417164300", advance.getString("payeeIban"));
        assertEquals(2, TestDatabase.count("SELECT COUNT(*) FROM payment_instruction WHERE application_id = ?", id));

        // Export: due up to 30 days ahead has the advance, not the tranche in five months.
        HttpResponse<String> csv = manager.get("api/payments/export?dueBefore=" + LocalDate.now().plusDays(30));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals("betaling;referentie;omschrijving;begunstigde;iban;bedrag;vervaldatum", lines.get(0));
        String reference = (String) TestDatabase.query("SELECT reference FROM application WHERE id = ?", id).get(0).get(0);
        assertTrue(lines.stream().anyMatch(l -> l.contains(reference) && l.contains(";8000.00;")), csv.body());
        assertFalse(lines.stream().anyMatch(l -> l.contains(reference) && l.contains(";1000.00;")), csv.body());

        long paymentId = advance.getJsonNumber("id").longValue();
        HttpResponse<String> future = manager.api("POST", "payments/" + paymentId + "/paid",
                "{\"paidOn\":\"" + LocalDate.now().plusDays(3) + "\"}");
        assertEquals(422, future.statusCode());
        assertTrue(future.body().contains("payment.paidOnInvalid"), future.body());
        assertEquals(200, manager.api("POST", "payments/" + paymentId + "/paid",
                "{\"paidOn\":\"" + LocalDate.now() + "\",\"bankReference\":\"BNK-2026-0042\"}").statusCode());
        HttpResponse<String> twice = manager.api("POST", "payments/" + paymentId + "/paid",
                "{\"paidOn\":\"" + LocalDate.now() + "\"}");
        assertTrue(twice.body().contains("payment.alreadyPaid"), twice.body());
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'PAYMENT_MARKED_PAID'"
                + " AND subject_id = ? AND after_summary LIKE '%BNK-2026-0042%'", String.valueOf(id)));
        String after = manager.get("api/payments/export?dueBefore=" + LocalDate.now().plusDays(30)).body();
        assertFalse(after.contains(reference + ";Voorschot"), "a paid instruction is no longer exported: " + after);

        // The list is paged without a count: links to the first and next page while a page comes back full.
        HttpResponse<String> onePerPage = manager.api("GET", "payments?size=1&first=1", null);
        String links = String.join(", ", onePerPage.headers().allValues("Link"));
        assertTrue(links.contains("first=0") && links.contains("rel=\"first\""), links);
        assertTrue(links.contains("rel=\"prev\"") && links.contains("rel=\"next\"") && links.contains("first=2"),
                "two or more payments exist, so page 2 of size 1 is full: " + links);
        assertFalse(links.contains("rel=\"last\""), "no last page without a count: " + links);
        String beyond = String.join(", ", manager.api("GET", "payments?size=500&first=100000", null).headers()
                .allValues("Link"));
        assertFalse(beyond.contains("rel=\"next\""), "an empty page is the last: " + beyond);

        // Only fund managers see payments.
        assertEquals(403, login(Fixtures.OFFICER).api("GET", "payments", null).statusCode());
        assertEquals(403, decider.get("api/payments/export").statusCode());
    }
}
