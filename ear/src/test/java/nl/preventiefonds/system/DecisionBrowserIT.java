package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * In a real browser: an officer assigns themself to an application in assessment, declares no
 * conflict of interest, scores the four criteria (seeing the weighted total change as they go)
 * and advises to award; then a decision maker awards part of the amount and sees the decision
 * with its objection deadline and the decision letter among the documents.
 */
class DecisionBrowserIT extends BrowserTestBase {
    private WebElement byId(String id) {
        return chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(id)));
    }

    private void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks the label of a PrimeFaces radio button or checkbox (the input itself is hidden). */
    private void clickLabelFor(String inputId) {
        chromium.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("label[for='" + inputId + "']"))).click();
    }

    private void waitFor(String id, String step) throws Exception {
        try {
            chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        } catch (TimeoutException e) {
            chromium.fullPageScreenshot("decision-stuck-" + step);
            throw new AssertionError("did not reach " + step + "; messages on the page: "
                    + browser.findElement(By.id("messages")).getText(), e);
        }
    }

    @Test
    void officerReviewsAndDecisionMakerDecidesAPartialAward() throws Exception {
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("100000.00");
        long applicationId = Fixtures.applicationInAssessment(fund.callId(), "Buurtkamer Pittelo", "20000.00");
        long officerId = TestDatabase.userId(Fixtures.OFFICER);
        // A second, weaker application that asks more than is left once the first is counted.
        long second = Fixtures.applicationInAssessment(fund.callId(), "Schuldhulpcafé Lariks", "90000.00");
        Fixtures.completedReview(second, Fixtures.OFFICER);

        // The officer assigns themself as reviewer.
        chromium.login(base.toString(), Fixtures.OFFICER, Fixtures.PASSWORD);
        browser.get(base + "applications/view.xhtml?id=" + applicationId);
        waitFor("assignForm", "assign");
        WebElement box = browser.findElement(By.cssSelector("input[name='assignForm:reviewers'][value='" + officerId + "']"));
        clickLabelFor(box.getAttribute("id"));
        byId("assignForm:assign").click();

        // First the conflict of interest declaration, then the scores.
        waitFor("declareForm", "declare");
        clickLabelFor("declareForm:conflicted:0");
        byId("declareForm:declare").click();
        waitFor("reviewForm", "review");

        int[] scores = {8, 7, 6, 9};
        for (int i = 0; i < scores.length; i++) {
            type(byId("reviewForm:criteria:" + i + ":score_input"), scores[i] + "" + Keys.TAB);
            type(byId("reviewForm:criteria:" + i + ":rationale"), "Onderbouwing bij criterium " + (i + 1) + ".");
        }
        // 8 x 40% + 7 x 25% + 6 x 20% + 9 x 15% = 7,50, shown before anything is saved.
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("reviewForm:weightedTotal"), "Gewogen score: 7,50 van 10"));
        assertFalse(browser.findElement(By.id("reviewForm:weightedTotal")).getText().contains("nog niet"));
        clickLabelFor("reviewForm:advice:0");
        type(byId("reviewForm:adviceReasons"), "Sterk plan met veel vrijwilligers.");
        chromium.fullPageScreenshot("review-scored");
        byId("reviewForm:submitReview").click();

        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Gewogen score: 7,50 van 10"));
        WebElement row = browser.findElement(By.cssSelector("#reviews tr[data-reviewer='" + Fixtures.OFFICER + "']"));
        String rowText = row.getText();
        assertTrue(rowText.contains("7,50") && rowText.contains("verlenen") && rowText.contains("€ 20.000,00"), rowText);
        assertTrue(browser.findElements(By.id("reviewForm")).isEmpty(), "the review is complete");
        assertTrue(browser.findElements(By.id("decide")).isEmpty(), "officers do not decide");
        chromium.fullPageScreenshot("review-completed");

        // A decision maker sees both waiting, and the ranking: 7,50 first, then where the money runs out.
        chromium.login(base.toString(), Fixtures.DECISION_MAKER, Fixtures.PASSWORD);
        browser.get(base + "decision/index.xhtml");
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("awaitingTable")));
        String waiting = browser.findElement(By.id("awaitingTable")).getText();
        assertTrue(waiting.contains("Buurtkamer Pittelo") && waiting.contains("Schuldhulpcafé Lariks"), waiting);
        browser.get(base + "applications/ranking.xhtml?call=" + fund.callId());
        waitFor("rankingTable", "ranking");
        List<WebElement> ranked = browser.findElements(By.cssSelector("#rankingTable tbody tr[data-fits]"));
        assertEquals(2, ranked.size());
        assertTrue(ranked.get(0).getText().contains("Buurtkamer Pittelo") && ranked.get(0).getText().contains("7,50"),
                ranked.get(0).getText());
        assertEquals("true", ranked.get(0).getAttribute("data-fits"));
        assertEquals("false", ranked.get(1).getAttribute("data-fits"));
        assertTrue(ranked.get(1).getText().contains("past niet meer in het budget"), ranked.get(1).getText());
        assertFalse(browser.findElements(By.id("budgetLine")).isEmpty(), "the line where the money runs out");
        assertTrue(browser.findElement(By.id("remaining")).getText().contains("€ 100.000,00"));
        chromium.fullPageScreenshot("ranking");

        // A partial award without amount and reasons: both problems at once, what was typed stays.
        browser.get(base + "applications/view.xhtml?id=" + applicationId);
        waitFor("decideForm", "decide");
        clickLabelFor("decideForm:outcome:1");
        WebElement amount = byId("decideForm:amount_input");
        String obligations = "Vermeld het Preventiefonds op uw flyers.\nHoud een presentielijst bij.";
        type(byId("decideForm:obligations"), obligations);
        byId("decideForm:decideButton").click();
        chromium.waitUpTo(10).until(ExpectedConditions.alertIsPresent());
        browser.switchTo().alert().accept();
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Vul het bedrag in"));
        String problems = browser.findElement(By.id("messages")).getText();
        assertTrue(problems.contains("Motiveer waarom"), problems);
        assertEquals(obligations, byId("decideForm:obligations").getAttribute("value"));
        assertTrue(browser.findElement(By.id("decideForm:outcome:1")).isSelected(), "the chosen outcome stays");

        // Now with amount and reasons.
        amount = byId("decideForm:amount_input");
        type(amount, "15000,00" + Keys.TAB);
        type(byId("decideForm:reasons"), "Het budget voor materiaal is hoger dan nodig.");
        chromium.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("decideForm:summary"),
                "€ 15.000,00"));
        assertTrue(browser.findElement(By.id("decideForm:summary")).getText().contains("€ 12.000,00"),
                "80% advance: " + browser.findElement(By.id("decideForm:summary")).getText());
        chromium.fullPageScreenshot("decision-form");
        byId("decideForm:decideButton").click();
        chromium.waitUpTo(10).until(ExpectedConditions.alertIsPresent());
        browser.switchTo().alert().accept();

        waitFor("decisionResult", "decided");
        assertEquals("PARTIAL_AWARD", browser.findElement(By.id("decisionResult")).getAttribute("data-outcome"));
        assertEquals("€ 15.000,00", browser.findElement(By.id("decisionAmount")).getText());
        assertTrue(browser.findElement(By.id("objectionDeadline")).getText().matches("\\d{1,2} \\p{L}+ \\d{4}"),
                browser.findElement(By.id("objectionDeadline")).getText());
        assertEquals("Activiteitenverslag", browser.findElement(By.id("reportKind")).getText());
        assertEquals("PARTIALLY_AWARDED", browser.findElement(By.id("status")).getAttribute("data-status"));
        List<WebElement> letters = browser.findElements(By.cssSelector("a[data-document-kind=DECISION_LETTER]"));
        assertEquals(1, letters.size(), "the decision letter is among the documents");
        assertTrue(browser.findElements(By.id("decide")).isEmpty(), "decided once");
        assertTrue(browser.findElement(By.id("decisionTranches")).getText().contains("€ 12.000,00"));
        assertFalse(browser.findElements(By.id("objectionForm")).isEmpty(), "objections can be registered");
        chromium.fullPageScreenshot("decision-taken");

        // An objection, registered on time.
        type(byId("objectionForm:lodgedBy"), "Stichting Café Noë");
        type(byId("objectionForm:grounds"), "Het materiaal is wel nodig.");
        byId("objectionForm:registerObjection").click();
        waitFor("concludeForm", "objection");
        String objection = browser.findElement(By.id("objectionTable")).getText();
        assertTrue(objection.contains("Stichting Café Noë") && objection.contains("ja") && objection.contains("open"),
                objection);

        // The organiser sees the decision too, without the staff sections.
        chromium.login(base.toString(), Fixtures.ORGANISER, Fixtures.PASSWORD);
        browser.get(base + "applications/view.xhtml?id=" + applicationId);
        waitFor("decisionResult", "organiser");
        assertEquals("€ 15.000,00", browser.findElement(By.id("decisionAmount")).getText());
        assertTrue(browser.findElements(By.id("assessment")).isEmpty());
        assertTrue(browser.findElements(By.id("objections")).isEmpty());
    }
}
