package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.preventiefonds.demo.DemoWorld;
import nl.preventiefonds.identity.Role;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An organiser fills in the application form across steps in a real browser, leaves, comes
 * back to find everything kept, submits, and downloads the receipt, whose text is checked.
 */
class ApplicationBrowserIT extends BrowserTestBase {
    private WebElement byId(String id) {
        return chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(id)));
    }

    private WebElement byIdSuffix(String suffix) {
        return chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[id$='" + suffix + "']")));
    }

    private void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    private void goToStep(String button, String stepPanel) throws IOException {
        byId(button).click();
        try {
            chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(stepPanel)));
        } catch (org.openqa.selenium.TimeoutException e) {
            chromium.screenshot("wizard-stuck-before-" + stepPanel.replace(':', '-'));
            throw new AssertionError("did not reach " + stepPanel + "; messages on the page: "
                    + browser.findElement(By.id("messages")).getText(), e);
        }
    }

    /**
     * Starts an application in Assen's open demo call, whose neighbourhoods and partners the tests tick: the
     * dashboard lists the open calls of every municipality, soonest closing first (Stichtse Vecht's comes first).
     */
    private void startAssenApplication() {
        By assen = By.xpath("//article[h3[contains(., 'sterke sociale basis in de wijk')]]"
                + "//*[contains(@id, ':startApplication')]");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("callsForm:openCalls")));
        // Ten calls a page, soonest closing first: the calls earlier test classes opened may come before it.
        for (int page = 0; page < 20 && browser.findElements(assen).isEmpty(); page++) {
            List<WebElement> next = browser.findElements(By.cssSelector("#callsForm\\:openCalls .ui-paginator-next"));
            if (next.isEmpty() || next.get(0).getAttribute("class").contains("ui-state-disabled")) {
                break;
            }
            WebElement firstTitle = browser.findElement(By.cssSelector("#callsForm\\:openCalls article h3"));
            next.get(0).click();
            chromium.waitUpTo(20).until(ExpectedConditions.stalenessOf(firstTitle));
        }
        chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(assen)).click();
    }

    /** Ticks the checkbox whose label reads exactly this text. */
    private void tick(String label) {
        WebElement box = browser.findElement(By.xpath("//label[normalize-space(.)='" + label + "']"));
        box.click();
    }

    @Test
    void organiserFillsInLeavesComesBackSubmitsAndDownloadsTheReceipt() throws Exception {
        chromium.login(base.toString(), DemoWorld.LOGINS.get(Role.ORGANISER), DemoWorld.PASSWORD);
        startAssenApplication();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("wizard:step0")));
        String reference = browser.findElement(By.id("reference")).getText();
        assertTrue(reference.startsWith("PF-"), reference);

        // Step 1: organisation (prefilled from the organiser's earlier application, corrected here)
        type(byId("wizard:orgName"), "Buurtvereniging Kloosterveen");
        choose("wizard:legalForm", "Vereniging");
        type(byId("wizard:kvk"), "40012345");
        type(byId("wizard:iban"), "NL91 ABNA 0417 1643 00");
        type(byId("wizard:accountHolder"), "Buurtvereniging Kloosterveen");
        // The postal address the letters go to: a postcode that is not Dutch is refused even for a draft, and
        // everything else typed stays on the form.
        type(byId("wizard:postalStreet"), "Kloosterveste 12");
        type(byId("wizard:postalCode"), "94O8 AD");
        type(byId("wizard:postalTown"), "Assen");
        byId("wizard:next").click();
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Vul een Nederlandse postcode in"));
        assertFalse(browser.findElements(By.id("wizard:step0")).isEmpty(), "still on the first step");
        assertEquals("Buurtvereniging Kloosterveen", byId("wizard:orgName").getAttribute("value"));
        assertEquals("Kloosterveste 12", byId("wizard:postalStreet").getAttribute("value"));
        assertEquals("94O8 AD", byId("wizard:postalCode").getAttribute("value"), "the bad postcode as typed");
        assertEquals("Assen", byId("wizard:postalTown").getAttribute("value"));
        type(byId("wizard:postalCode"), "9408ad");
        chromium.screenshot("wizard-1-organisation");
        goToStep("wizard:next", "wizard:step1");

        // Step 2: the initiative
        type(byId("wizard:title"), "Samen aan tafel in Kloosterveen");
        type(byId("wizard:summary"), "Wekelijkse maaltijd voor alleenstaande ouderen.");
        type(byId("wizard:description"), "Vrijwilligers koken elke donderdag in het wijkcentrum.");
        tick("Kloosterveen");
        tick("Minder eenzaamheid");
        tick("Ouderen");
        LocalDate start = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusMonths(1);
        DateTimeFormatter dutch = DateTimeFormatter.ofPattern("dd-MM-yyyy");
        type(byId("wizard:startDate_input"), start.format(dutch) + Keys.TAB);
        type(byId("wizard:endDate_input"), start.plusMonths(6).format(dutch) + Keys.TAB);
        goToStep("wizard:next", "wizard:step2");

        // Leave for the dashboard and come back: everything so far is kept.
        browser.get(base + "organiser/index.xhtml");
        browser.findElement(By.linkText(reference)).click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("wizard:step2")));
        goToStep("wizard:previous", "wizard:step1");
        assertEquals("Samen aan tafel in Kloosterveen", byId("wizard:title").getAttribute("value"));
        assertEquals(start.format(dutch), byId("wizard:startDate_input").getAttribute("value"));
        assertEquals(start.plusMonths(6).format(dutch), byId("wizard:endDate_input").getAttribute("value"));
        goToStep("wizard:next", "wizard:step2");

        // Step 3: activities and the care they should prevent
        byId("wizard:addActivity").click();
        type(byIdSuffix(":activityName"), "Maaltijd op donderdag");
        type(byIdSuffix(":participants_input"), "25");
        tick("Wmo-ondersteuning (begeleiding, huishoudelijke hulp, dagbesteding)");
        type(byId("wizard:theoryOfChange"), "Samen eten voorkomt eenzaamheid en daarmee vraag naar begeleiding.");
        goToStep("wizard:next", "wizard:step3");

        // Step 4: budget, with the requested amount computed on the page
        byId("wizard:addCost").click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[id$=':budgetDescription']")));
        List<WebElement> descriptions = browser.findElements(By.cssSelector("[id$=':budgetDescription']"));
        type(descriptions.get(descriptions.size() - 1), "Boodschappen en huur keuken");
        List<WebElement> amounts = browser.findElements(By.cssSelector("[id$=':budgetAmount_input']"));
        type(amounts.get(amounts.size() - 1), "4250,75");
        byId("wizard:save").click();
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("requestedAmount"),
                "4.250,75"));
        chromium.screenshot("wizard-4-budget");
        goToStep("wizard:next", "wizard:step4");
        goToStep("wizard:next", "wizard:step5");

        // Step 6: everything checks out, submit
        chromium.screenshot("wizard-6-check");
        String problems = browser.findElements(By.id("wizard:problems")).stream().map(WebElement::getText)
                .collect(Collectors.joining());
        assertEquals("", problems, "no eligibility problems left");
        byId("wizard:submit").click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
        assertEquals("SUBMITTED", browser.findElement(By.id("status")).getAttribute("data-status"));
        String due = browser.findElement(By.id("decisionDue")).getText();
        chromium.screenshot("application-submitted");

        // The receipt, downloaded with the browser's own session.
        String href = browser.findElement(By.cssSelector("a[data-document-kind=RECEIPT]")).getAttribute("href");
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document);
        }
        assertTrue(text.contains(reference), text);
        assertTrue(text.contains("€ 4.250,75"), text);
        assertTrue(text.contains("Kloosterveste 12") && text.contains("9408 AD Assen"),
                "the postal address in the address block: " + text);
        assertTrue(text.contains(due), "deadline " + due + " in: " + text);
        assertTrue(due.matches("\\d{1,2} \\p{L}+ \\d{4}") && due.equals(due.toLowerCase(Locale.ROOT)), due);
    }

    /**
     * Regression (issue 17 §2): uploading an attachment in the last step re-rendered the whole form from the
     * model, which had not received the ticks yet, so the chosen partner was unticked. Then the draft is
     * discarded (issue 17 §3) and is gone from the organiser's list.
     */
    @Test
    void uploadingAnAttachmentKeepsTheTickedPartnerAndADraftCanBeDiscarded() throws Exception {
        long partnerId = Fixtures.demoPartnerId();
        String partnerName = (String) TestDatabase.query("SELECT name FROM partner_organisation WHERE id = ?",
                partnerId).get(0).get(0);
        chromium.login(base.toString(), DemoWorld.LOGINS.get(Role.ORGANISER), DemoWorld.PASSWORD);
        startAssenApplication();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("wizard:step0")));
        String reference = browser.findElement(By.id("reference")).getText();
        byIdSuffix(":4:stepLink").click();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("wizard:step4")));

        tick(partnerName);
        WebElement box = browser.findElement(By.cssSelector("[id='wizard:partners'] input[type=checkbox][value='"
                + partnerId + "']"));
        assertEquals("true", box.getDomProperty("checked"), "ticked before the upload");
        java.nio.file.Path pdf = java.nio.file.Files.createTempFile("werkplan", ".pdf");
        java.nio.file.Files.write(pdf, ApplicationJourneyIT.samplePdf());
        browser.findElement(By.id("wizard:upload_input")).sendKeys(pdf.toAbsolutePath().toString());
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("wizard:attachmentList"),
                pdf.getFileName().toString()));
        chromium.screenshot("wizard-5-after-upload");
        box = browser.findElement(By.cssSelector("[id='wizard:partners'] input[type=checkbox][value='" + partnerId
                + "']"));
        assertEquals("true", box.getDomProperty("checked"), "the upload must not untick the partner");

        // Saved with the application.
        byId("wizard:save").click();
        long id = TestDatabase.count("SELECT id FROM application WHERE reference = ?", reference);
        chromium.waitUpTo(20).until(d -> {
            try {
                return TestDatabase.count("SELECT COUNT(*) FROM application_partner WHERE application_id = ?"
                        + " AND partner_id = ?", id, partnerId) == 1;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM attachment WHERE application_id = ?", id));

        // Discarding the draft: confirmed, gone from the list and from the database.
        byId("wizard:discard").click();
        chromium.waitUpTo(10).until(ExpectedConditions.alertIsPresent()).accept();
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("startPage")));
        assertTrue(browser.findElements(By.linkText(reference)).isEmpty(), "the discarded draft is not listed");
        assertTrue(browser.findElement(By.id("messages")).getText().contains("Het concept is verwijderd."),
                browser.findElement(By.id("messages")).getText());
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM application WHERE id = ?", id));
    }

    /** Regression: after intake the page showed the state before it (no reviewers to assign) until a reload. */
    @Test
    void theOfficerSeesTheAssessmentRightAfterCompletingTheIntake() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("50000.00");
        long id = Fixtures.applicationInAssessment(fund.callId(), "Taalcafé Marsdijk", "3000.00");
        TestDatabase.update("UPDATE application SET status = 'SUBMITTED', intake_completed_at = NULL WHERE id = ?", id);

        chromium.login(base.toString(), Fixtures.OFFICER, Fixtures.PASSWORD);
        browser.get(base + "applications/view.xhtml?id=" + id);
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("intake")));
        assertTrue(browser.findElements(By.id("assignForm")).isEmpty(), "no reviewers before intake");
        byId("completeForm:completeIntake").click();

        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "De aanvraag is compleet verklaard en gaat naar de beoordeling."));
        assertEquals("IN_ASSESSMENT", browser.findElement(By.id("status")).getAttribute("data-status"));
        assertTrue(browser.findElements(By.id("intake")).isEmpty(), "the intake is done");
        assertFalse(browser.findElements(By.id("assignForm")).isEmpty(),
                "the reviewers can be assigned at once, without reloading the page");
        assertTrue(browser.getCurrentUrl().endsWith("applications/view.xhtml?id=" + id),
                "a reload repeats nothing: " + browser.getCurrentUrl());
        chromium.fullPageScreenshot("intake-completed");
    }
}
