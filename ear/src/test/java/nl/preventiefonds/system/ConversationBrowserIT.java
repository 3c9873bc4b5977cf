package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import jakarta.json.Json;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The conversation in a real browser: the officer asks for information and writes a message with a file and an
 * internal note on the application page; the organiser finds the message marked new (not the note), opens the
 * file, answers the request from the thread (the decision term runs again) and writes back; the officer reads it.
 */
class ConversationBrowserIT extends BrowserTestBase {

    private WebElement byId(String id) {
        return chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(id)));
    }

    private void waitForMessage(String text) {
        // The messages area is replaced by the ajax update; Chrome can answer a read of the old node with an error
        // that is not a stale-element one, so every such read is tried again.
        chromium.waitUpTo(20).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), text));
    }

    @Test
    void officerWritesTheOrganiserReadsAndAnswersFromTheThread() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        long id = submittedApplication(marker);
        String page = base + "applications/view.xhtml?id=" + id;
        Path file = Files.createTempFile("begroting-", ".pdf");
        Files.write(file, ApplicationJourneyIT.samplePdf());

        // The officer: a request for information (intake), then a message with a file, then an internal note
        chromium.login(base.toString(), Fixtures.OFFICER, Fixtures.PASSWORD);
        browser.get(page);
        byId("requestForm:requestMessage").sendKeys("Stuur de offerte van de zaalhuur mee. " + marker);
        byId("requestForm:sendRequest").click();
        chromium.waitUpTo(20).until(ExpectedConditions.attributeToBe(By.id("status"), "data-status",
                "INFORMATION_REQUESTED"));
        byId("threadForm:threadBody").sendKeys("Ik bel u morgen even over de planning. " + marker);
        browser.findElement(By.id("threadForm:threadFile")).sendKeys(file.toString());
        byId("threadForm:threadPost").click();
        waitForMessage("Uw bericht is geplaatst.");
        byId("threadForm:threadBody").sendKeys("Intern: zaalhuur lijkt hoog. " + marker);
        byId("threadForm:threadNote").click();
        byId("threadForm:threadPost").click();
        waitForMessage("De interne notitie is geplaatst.");
        List<WebElement> items = browser.findElements(By.cssSelector("#threadItems > li"));
        assertEquals(List.of("REQUEST", "MESSAGE", "NOTE"), items.stream().map(i -> i.getAttribute("data-type"))
                .toList());
        chromium.fullPageScreenshot("conversation-officer");

        // The organiser: the message is new, the note is not there, the request is answered from the thread
        chromium.login(base.toString(), Fixtures.ORGANISER, Fixtures.PASSWORD);
        browser.get(page);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("threadItems")));
        assertTrue(browser.findElement(By.id("threadUnread")).getText().startsWith("1"),
                browser.findElement(By.id("threadHeading")).getText());
        WebElement message = browser.findElement(By.cssSelector("#threadItems > li[data-type='MESSAGE']"));
        assertEquals("true", message.getAttribute("data-unread"));
        assertTrue(message.getText().contains("Nieuw"), "marked new in words, not only by colour");
        assertTrue(message.getText().contains("Ik bel u morgen"));
        assertTrue(browser.findElements(By.cssSelector("#threadItems > li[data-type='NOTE']")).isEmpty());
        assertFalse(browser.getPageSource().contains("zaalhuur lijkt hoog"), "the note never reaches the organiser");
        assertTrue(browser.findElements(By.id("threadForm:threadNote")).isEmpty());
        String fileLink = message.findElement(By.cssSelector("a[href*='/files/attachment/']")).getAttribute("href");
        assertNotNull(fileLink);
        assertTrue(message.getText().contains(file.getFileName().toString()));

        byId("threadAnswerForm:threadAnswer").sendKeys("De offerte staat hieronder als bijlage. " + marker);
        byId("threadAnswerForm:sendThreadAnswer").click();
        waitForMessage("Uw antwoord is verstuurd.");
        assertEquals("SUBMITTED", browser.findElement(By.id("status")).getAttribute("data-status"));
        assertFalse(browser.findElement(By.id("decisionDue")).getText().isBlank(), "the decision term runs again");
        assertEquals(List.of("REQUEST", "MESSAGE", "ANSWER"), browser.findElements(By.cssSelector("#threadItems > li"))
                .stream().map(i -> i.getAttribute("data-type")).toList());
        assertTrue(browser.findElements(By.id("threadUnread")).isEmpty(), "read now");
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_entry WHERE subject_id = ?"
                + " AND action = 'INFORMATION_PROVIDED'", String.valueOf(id)));

        byId("threadForm:threadBody").sendKeys("Bellen is goed, na 10 uur. " + marker);
        byId("threadForm:threadPost").click();
        waitForMessage("Uw bericht is geplaatst.");
        chromium.fullPageScreenshot("conversation-organiser");

        // The officer reads the answer and the reply
        chromium.login(base.toString(), Fixtures.OFFICER, Fixtures.PASSWORD);
        browser.get(page);
        WebElement reply = chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#threadItems > li[data-type='MESSAGE'][data-unread='true']")));
        assertTrue(reply.getText().contains("Bellen is goed"));
        assertTrue(browser.findElement(By.cssSelector("#threadItems > li[data-type='ANSWER']")).getText()
                .contains("De offerte staat hieronder"));
    }

    /** An application of the demo organiser, complete and submitted through the API (awaiting intake). */
    private long submittedApplication(String marker) throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("100000");
        WebSession organiser = WebSession.loggedIn(base, Fixtures.ORGANISER);
        HttpResponse<String> started = organiser.api("POST", "calls/" + fund.callId() + "/applications", null);
        assertEquals(201, started.statusCode(), started.body());
        long id = Json.createReader(new StringReader(started.body())).readObject().getJsonNumber("id").longValue();
        LocalDate start = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusMonths(1);
        String form = Json.createObjectBuilder()
                .add("id", id)
                .add("version", TestDatabase.count("SELECT version FROM application WHERE id = ?", id))
                .add("organisationName", "Stichting Gesprek")
                .add("legalForm", "FOUNDATION")
                .add("kvkNumber", "4001 2345")
                .add("iban", "NL91ABNA0417164300")
                .add("accountHolder", "Stichting Gesprek")
                .add("contactName", "Anna de Vries")
                .add("contactEmail", Fixtures.ORGANISER)
                .add("postalStreet", "Kerkplein 1")
                .add("postalCode", "9401 AB")
                .add("postalTown", "Assen")
                .add("title", "Gesprek " + marker)
                .add("summary", "Een buurtkamer waar ouderen elkaar ontmoeten.")
                .add("description", "Elke week open, met vrijwilligers.")
                .add("theoryOfChange", "Minder eenzaamheid, dus minder vraag naar Wmo-begeleiding.")
                .add("startDate", start.toString())
                .add("endDate", start.plusMonths(10).toString())
                .add("neighbourhoodIds", Json.createArrayBuilder()
                        .add(TestDatabase.count("SELECT MIN(id) FROM neighbourhood WHERE municipality_id ="
                                + " (SELECT municipality_id FROM fund WHERE id = ?)", fund.fundId())))
                .add("themes", Json.createArrayBuilder().add("MEETING_PLACE"))
                .add("targetGroups", Json.createArrayBuilder().add("OLDER_PEOPLE"))
                .add("careDomains", Json.createArrayBuilder().add("WMO"))
                .add("activities", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("name", "Wekelijkse inloop").add("plannedParticipants", 40)
                        .add("plannedSessions", 40).add("plannedVolunteers", 6)))
                .add("budgetLines", Json.createArrayBuilder().add(Json.createObjectBuilder().add("kind", "COST")
                        .add("description", "Huur").add("amount", new BigDecimal("6000.00"))))
                .build().toString();
        HttpResponse<String> saved = organiser.api("PUT", "applications/" + id + "/form", form);
        assertEquals(200, saved.statusCode(), saved.body());
        HttpResponse<String> sent = organiser.api("POST", "applications/" + id + "/submit", null);
        assertEquals(200, sent.statusCode(), sent.body());
        return id;
    }
}
