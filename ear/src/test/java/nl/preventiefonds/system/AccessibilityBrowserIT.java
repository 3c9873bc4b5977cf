package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * WCAG 2.1 AA in a real browser: axe-core checks every main page, opened by the role that uses it (one login per
 * role, pages grouped by role). A serious or critical violation fails that page's test with the rule, its help and
 * the offending elements; moderate and minor findings are counted per page and written to
 * target/accessibility-summary.txt. See docs/accessibility.md.
 */
class AccessibilityBrowserIT extends BrowserTestBase {
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final List<String> FAILING = List.of("critical", "serious");
    private static final String ANONYMOUS = "";

    private static String loggedInAs;
    private static Ids ids;
    private static Long draftId;
    private static final Map<String, String> SUMMARY = new TreeMap<>();
    /** Milliseconds spent in axe and in opening the pages (logins included), for the summary. */
    private static final long[] AXE_MILLIS = new long[2];

    @FunctionalInterface
    interface Visit {
        void open(AccessibilityBrowserIT test) throws Exception;
    }

    record Page(String name, String login, Visit visit) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Applications and requests the pages show: the demo world's, plus three of our own in assessment. */
    record Ids(long running, long completed, long informationRequested, long submitted, long organiserReport,
               long partnerReport, long demoCall, long toDecide, long toDeclare, long toReview, long rankedCall) {
    }

    static Stream<Page> pages() {
        String organiser = Fixtures.ORGANISER;
        String officer = Fixtures.OFFICER;
        String decisionMaker = Fixtures.DECISION_MAKER;
        String fundManager = "beheerder@demo.preventiefonds.nl";
        String installationAdmin = nl.preventiefonds.demo.DemoWorld.LOGINS
                .get(nl.preventiefonds.identity.Role.INSTALLATION_ADMIN);
        return Stream.of(
                new Page("start page (anonymous)", ANONYMOUS, t -> t.open("index.xhtml", "#municipalityHeading")),
                new Page("login", ANONYMOUS, t -> t.open("login.xhtml", "#login")),
                new Page("login, wrong password", ANONYMOUS, AccessibilityBrowserIT::failedLogin),
                new Page("registration", ANONYMOUS, t -> t.open("register.xhtml", "#registration")),
                new Page("activation, unknown link", ANONYMOUS,
                        t -> t.open("activate.xhtml?token=unknown", "#activationFailed")),
                new Page("public register", ANONYMOUS, t -> t.open("open/register.xhtml", "#openRegister")),
                new Page("public register of one municipality", ANONYMOUS,
                        t -> t.open("open/register.xhtml?municipality=GM0106", "#openRegister")),
                new Page("page not found", ANONYMOUS, t -> t.open("no-such-page.xhtml", "#errorPage")),
                new Page("session expired", ANONYMOUS, t -> t.open("error/expired.xhtml", "#errorPage")),
                new Page("error", ANONYMOUS, t -> t.open("error/error.xhtml", "#errorPage")),

                new Page("organiser dashboard", organiser, t -> t.open("organiser/index.xhtml", "#startPage")),
                new Page("start page (organiser)", organiser, t -> t.open("index.xhtml", "#municipalityHeading")),
                new Page("wizard 1 organisation", organiser, t -> t.wizardStep(0)),
                new Page("wizard 2 initiative", organiser, t -> t.wizardStep(1)),
                new Page("wizard 3 activities", organiser, t -> t.wizardStep(2)),
                new Page("wizard 4 budget", organiser, t -> t.wizardStep(3)),
                new Page("wizard 5 attachments", organiser, t -> t.wizardStep(4)),
                new Page("wizard 6 check and submit", organiser, t -> t.wizardStep(5)),
                new Page("application, information requested (organiser)", organiser,
                        t -> t.open("applications/view.xhtml?id=" + ids().informationRequested(), "#summary")),
                new Page("application, running grant (organiser)", organiser,
                        t -> t.open("applications/view.xhtml?id=" + ids().running(), "#decisionResult")),
                new Page("report (organiser)", organiser,
                        t -> t.open("reports/report.xhtml?request=" + ids().organiserReport(), "#reportForm")),
                new Page("password change", organiser, t -> t.open("account/password.xhtml", "#password")),
                new Page("my organisation (administrator)", organiser,
                        t -> t.open("organiser/organisation.xhtml", "#myOrganisationIntro")),
                new Page("forbidden", organiser, t -> t.open("admin/index.xhtml", "#errorPage")),

                new Page("partner portal", Fixtures.PARTNER, t -> t.open("partner/index.xhtml", "#startPage")),
                new Page("partner upload", Fixtures.PARTNER, t -> t.open("partner/upload.xhtml", "#uploadIntro")),
                new Page("report (partner)", Fixtures.PARTNER,
                        t -> t.open("reports/report.xhtml?request=" + ids().partnerReport(), "#reportForm")),
                new Page("application (partner)", Fixtures.PARTNER,
                        t -> t.open("applications/view.xhtml?id=" + ids().running(), "#summary")),

                new Page("officer application list", officer, t -> t.open("officer/index.xhtml", "#startPage")),
                new Page("application, intake (officer)", officer,
                        t -> t.open("applications/view.xhtml?id=" + ids().submitted(), "#summary")),
                new Page("application, declaring interests (officer)", officer,
                        t -> t.open("applications/view.xhtml?id=" + ids().toDeclare(), "#assessment")),
                new Page("application, scoring (officer)", officer,
                        t -> t.open("applications/view.xhtml?id=" + ids().toReview(), "#scoreTable")),
                new Page("application, monitoring (officer)", officer,
                        t -> t.open("applications/view.xhtml?id=" + ids().running(), "#decisionResult")),
                new Page("application, determined and reclaimed (officer)", officer,
                        t -> t.open("applications/view.xhtml?id=" + ids().completed(), "#determinationResult")),
                new Page("deadlines", officer, t -> t.open("officer/deadlines.xhtml", "#deadlinesIntro")),
                new Page("organisation registry", officer, t -> t.open("organisations/index.xhtml", "#organisationTable")),
                new Page("organisation in the registry", officer,
                        t -> t.open("organisations/view.xhtml?kvk=40023871", "#deMinimisTotal")),
                new Page("ranking", officer,
                        t -> t.open("applications/ranking.xhtml?call=" + ids().rankedCall(), "#rankingTable")),
                new Page("impact dashboard", officer, AccessibilityBrowserIT::impactDashboard),

                new Page("decision maker start page", decisionMaker,
                        t -> t.open("decision/index.xhtml", "#awaitingDecision")),
                new Page("application, deciding (decision maker)", decisionMaker,
                        t -> t.open("applications/view.xhtml?id=" + ids().toDecide(), "#decide")),
                new Page("application, decided with objections (decision maker)", decisionMaker,
                        t -> t.open("applications/view.xhtml?id=" + ids().running(), "#objections")),

                new Page("fund manager start page", fundManager, t -> t.open("admin/index.xhtml", "#startPage")),
                new Page("payments and reclaims", fundManager, t -> t.open("admin/payments.xhtml", "#payments")),
                new Page("users", fundManager, t -> t.open("admin/users.xhtml", "#newUser")),
                new Page("funds", fundManager, t -> t.open("admin/funds.xhtml", "#fundsForm")),
                new Page("municipality profile", fundManager,
                        t -> t.open("admin/municipality.xhtml", "#profileForm")),
                new Page("letter templates", fundManager,
                        t -> t.open("admin/templates.xhtml", "#templateForm")),
                new Page("mail templates", fundManager,
                        t -> t.open("admin/mail-templates.xhtml", "#mailForm")),
                new Page("neighbourhoods", fundManager,
                        t -> t.open("admin/neighbourhoods.xhtml", "#neighbourhoodsIntro")),
                new Page("partners", fundManager, t -> t.open("admin/partners.xhtml", "#partnersIntro")),
                new Page("calls", fundManager, t -> t.open("admin/calls.xhtml", "#callsForm")),
                new Page("call editor", fundManager,
                        t -> t.open("admin/call.xhtml?id=" + ids().demoCall(), "#callForm")),
                new Page("care-demand indicators", fundManager,
                        t -> t.open("admin/indicators.xhtml", "#indicatorsIntro")),
                new Page("audit log", fundManager, t -> t.open("admin/audit.xhtml", "#auditFilter")),
                new Page("equated days (read-only)", fundManager,
                        t -> t.open("admin/equated-days.xhtml", "#equatedDaysForm")),
                new Page("anonymisation", fundManager, t -> t.open("admin/anonymise.xhtml", "#anonymise")),
                new Page("outgoing mail", fundManager, t -> t.open("admin/mail.xhtml", "#mailIntro")),
                new Page("quarantine", fundManager, t -> t.open("admin/quarantine.xhtml", "#quarantineIntro")),

                new Page("installation start page", installationAdmin,
                        t -> t.open("installation/index.xhtml", "#startPage")),
                new Page("equated days (installation)", installationAdmin,
                        t -> t.open("installation/equated-days.xhtml", "#equatedDayForm")),
                new Page("quarantine (installation)", installationAdmin,
                        t -> t.open("installation/quarantine.xhtml", "#quarantineIntro")),
                new Page("eHerkenning broker (installation)", installationAdmin,
                        t -> t.open("installation/broker-login.xhtml?code=GM0106&kind=eherkenning", "#brokerForm")),
                new Page("DigiD broker (installation)", installationAdmin,
                        t -> t.open("installation/broker-login.xhtml?code=GM0106&kind=digid", "#brokerForm")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void hasNoSeriousOrCriticalViolations(Page page) throws Exception {
        if (!page.login().equals(loggedInAs)) {
            if (page.login().equals(ANONYMOUS)) {
                browser.manage().deleteAllCookies();
            } else {
                chromium.login(base.toString(), page.login(), Fixtures.PASSWORD);
            }
            loggedInAs = page.login();
        }
        long started = System.nanoTime();
        page.visit().open(this);
        long opened = System.nanoTime();

        // Legacy mode runs axe in the page itself instead of opening a blank window to merge the results of
        // frames: the pages have no iframes, and it saves a window per page.
        Results results = new AxeBuilder().withTags(WCAG_21_AA).setLegacyMode(true).analyze(browser);
        AXE_MILLIS[0] += (System.nanoTime() - opened) / 1_000_000;
        AXE_MILLIS[1] += (opened - started) / 1_000_000;
        assertFalse(results.isErrored(), () -> "axe did not run on " + page + ": " + results.getErrorMessage());
        assertTrue(results.getPasses().size() > 10, "axe checked the page: " + results.getPasses().size());

        Map<String, Long> counts = results.getViolations().stream()
                .collect(Collectors.groupingBy(Rule::getImpact, TreeMap::new, Collectors.counting()));
        String minor = results.getViolations().stream().filter(r -> !FAILING.contains(r.getImpact()))
                .map(r -> r.getId() + "(" + r.getImpact() + "," + r.getNodes().size() + ")")
                .collect(Collectors.joining(" "));
        // "Incomplete" are checks axe could not decide (e.g. contrast over a gradient): for a person to look at.
        String line = counts + (minor.isEmpty() ? "" : " " + minor) + " · to review by hand: "
                + results.getIncomplete().stream().map(Rule::getId).collect(Collectors.joining(","));
        SUMMARY.put(String.format("%-55s", page.name()), line);
        System.out.println("axe " + page + ": " + line);

        List<Rule> failing = results.getViolations().stream().filter(r -> FAILING.contains(r.getImpact())).toList();
        if (!failing.isEmpty()) {
            chromium.fullPageScreenshot("axe-" + page.name().replaceAll("[^A-Za-z0-9]+", "-"));
            fail(page + " (" + browser.getCurrentUrl() + ") has " + failing.size()
                    + " serious or critical WCAG 2.1 AA violation(s):\n" + describe(failing));
        }
    }

    @AfterAll
    static void writeSummary() throws IOException {
        String text = SUMMARY.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("\n", "axe-core, WCAG 2.0/2.1 A and AA: violations by impact per page\n",
                        "\n" + SUMMARY.size() + " pages; axe " + AXE_MILLIS[0] + " ms, opening pages " + AXE_MILLIS[1]
                                + " ms\n"));
        System.out.println(text);
        Path target = Path.of(System.getProperty("pf.screenshots.dir", "target/screenshots")).getParent();
        Files.writeString(target.resolve("accessibility-summary.txt"), text, StandardCharsets.UTF_8);
    }

    private static String describe(List<Rule> rules) {
        StringBuilder text = new StringBuilder();
        for (Rule rule : rules) {
            text.append("- ").append(rule.getId()).append(" [").append(rule.getImpact()).append("] ")
                    .append(rule.getHelp()).append(" (").append(rule.getHelpUrl()).append(")\n");
            for (CheckedNode node : rule.getNodes()) {
                String html = node.getHtml() == null ? "" : node.getHtml();
                text.append("    ").append(node.getTarget()).append("  ")
                        .append(html.length() > 160 ? html.substring(0, 160) + "…" : html).append('\n');
                if (node.getFailureSummary() != null) {
                    text.append("      ").append(node.getFailureSummary().replace("\n", " ")).append('\n');
                }
            }
        }
        return text.toString();
    }

    /** Opens a page of the application and waits until it has drawn the element that shows it is that page. */
    private void open(String path, String readyWhen) throws IOException {
        browser.get(base + path);
        waitFor(readyWhen, path);
    }

    private void waitFor(String css, String what) throws IOException {
        try {
            chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
            chromium.waitUpTo(20).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return document.readyState === 'complete'"
                            + " && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty())")));
        } catch (TimeoutException e) {
            chromium.fullPageScreenshot("axe-stuck-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
            throw new AssertionError("did not reach " + what + " (" + css + ") at " + browser.getCurrentUrl(), e);
        }
    }

    private void failedLogin() throws IOException {
        open("login.xhtml", "#login");
        browser.findElement(By.id("login:email")).sendKeys("niemand@example.org");
        browser.findElement(By.id("login:password")).sendKeys("niet-het-wachtwoord");
        browser.findElement(By.id("login:submit")).click();
        waitFor("#messages .ui-messages-error", "failed login");
    }

    private void impactDashboard() throws IOException {
        open("impact/dashboard.xhtml", "#dash");
        waitFor("#dash\\:trendChart_canvas", "impact charts");
    }

    /** One new application of the demo organiser, walked through every step of the wizard. */
    private void wizardStep(int step) throws IOException {
        if (draftId == null) {
            open("organiser/index.xhtml", "#startPage");
            browser.findElement(By.cssSelector("[id$=':startApplication']")).click();
            waitFor("#wizard\\:step0", "new application");
            draftId = Long.valueOf(browser.getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
        }
        if (step == 0) {
            return;
        }
        if (!browser.getCurrentUrl().contains("organiser/application.xhtml")) {
            open("organiser/application.xhtml?id=" + draftId, "#wizard");
        }
        browser.findElement(By.cssSelector("nav.pf-steps li:nth-child(" + (step + 1) + ") a")).click();
        waitFor("#wizard\\:step" + step, "wizard step " + step);
    }

    private static Ids ids() throws Exception {
        if (ids == null) {
            Fixtures.FundAndCall fund = Fixtures.fundWithCall("100000.00");
            long toDecide = Fixtures.applicationInAssessment(fund.callId(), "Toegankelijk ontmoeten", "12000.00");
            Fixtures.completedReview(toDecide, Fixtures.OFFICER);
            long toDeclare = Fixtures.applicationInAssessment(fund.callId(), "Samen sporten", "8000.00");
            assign(toDeclare, false);
            long toReview = Fixtures.applicationInAssessment(fund.callId(), "Buurtmoestuin", "6000.00");
            assign(toReview, true);
            ids = new Ids(demo("Voorlezen en ontmoeten in Kloosterveen"),
                    demo("Huiskamer van de wijk Assen-Oost en Peelo"), demo("Mantelzorgcafé Lariks"),
                    demo("Samen koken, samen eten"),
                    request("Voorlezen en ontmoeten in Kloosterveen", false),
                    request("Voorlezen en ontmoeten in Kloosterveen", true),
                    TestDatabase.count("SELECT MIN(id) FROM funding_call"), toDecide, toDeclare, toReview,
                    fund.callId());
        }
        return ids;
    }

    private static long demo(String title) throws Exception {
        return TestDatabase.count("SELECT MIN(id) FROM application WHERE title = ?", title);
    }

    private static long request(String title, boolean partner) throws Exception {
        return TestDatabase.count("SELECT MIN(r.id) FROM report_request r JOIN application a ON a.id = r.application_id"
                + " WHERE a.title = ? AND r.purpose = 'PROGRESS' AND r.partner_id IS " + (partner ? "NOT NULL" : "NULL"),
                title);
    }

    /** The officer as reviewer: still to declare interests, or declared free and about to score. */
    private static void assign(long applicationId, boolean declared) throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        TestDatabase.update("INSERT INTO review_assignment (application_id, reviewer_id, assigned_at, assigned_by,"
                        + " conflict_of_interest, declared_at, version) VALUES (?, ?, ?, ?, ?, ?, 0)", applicationId,
                TestDatabase.userId(Fixtures.OFFICER), now, Fixtures.OFFICER, declared ? Boolean.FALSE : null,
                declared ? now : null);
    }
}
