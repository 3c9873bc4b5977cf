package nl.preventiefonds.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conversation on an application over HTTP, on the real EAR: the officer writes a message and an internal note
 * on the application page, the organiser reads the message but never the note (nor its file) and answers; the mail
 * goes out through the outbox. Another organiser and another municipality's officer see nothing of the thread, and
 * a forged post of the form from outside writes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConversationIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    private URL base;

    @Test
    void officerAndOrganiserTalkTheNoteStaysWithStaffAndOutsidersSeeNothing() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Fixtures.FundAndCall fund = Fixtures.fundWithCall("100000");
        long app = Fixtures.applicationInAssessment(fund.callId(), "Gesprek " + marker, "4000");
        String page = "applications/view.xhtml?id=" + app;
        String message = "Mogen wij de begroting van de koffieochtenden zien? " + marker;
        String note = "Intern: aanvrager eerder goed gerapporteerd " + marker;

        WebSession officer = WebSession.loggedIn(base, Fixtures.OFFICER);
        HttpResponse<String> posted = post(officer, page, Map.of("threadBody", message), null, null);
        assertEquals(302, posted.statusCode(), "posted and redirected (post/redirect/get): " + posted.body());
        // The note with a file, through the form's upload: the attachment policy's checks, stored as the note's
        posted = post(officer, page, Map.of("threadBody", note, "threadNote", "true"), "notitie-" + marker + ".pdf",
                ApplicationJourneyIT.samplePdf());
        assertEquals(302, posted.statusCode(), posted.body());
        assertEquals(1, count("SELECT COUNT(*) FROM thread_message WHERE application_id = ? AND kind = 'MESSAGE'"
                + " AND author_side = 'STAFF'", app));
        assertEquals(1, count("SELECT COUNT(*) FROM thread_message WHERE application_id = ? AND kind = 'NOTE'", app));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE subject_type = 'Application' AND subject_id = ?"
                + " AND action = 'THREAD_MESSAGE_POSTED' AND actor = ?", String.valueOf(app), Fixtures.OFFICER));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE subject_id = ? AND action = 'THREAD_NOTE_POSTED'",
                String.valueOf(app)));
        List<List<Object>> mails = TestDatabase.query("SELECT body FROM outbound_mail WHERE recipient = ?"
                + " AND body LIKE ?", Fixtures.ORGANISER, "%view.xhtml?id=" + app + "%");
        assertEquals(1, mails.size(), "one mail to the organiser, for the message and not for the note");
        assertFalse(((String) mails.get(0).get(0)).contains("begroting van de koffieochtenden"),
                "the mail does not carry the message itself");

        long noteId = count("SELECT id FROM thread_message WHERE application_id = ? AND kind = 'NOTE'", app);
        long noteFile = count("SELECT id FROM attachment WHERE thread_message_id = ?", noteId);
        assertEquals(0, count("SELECT COUNT(*) FROM attachment WHERE thread_message_id = ? AND id <> ?", noteId,
                noteFile), "one file");

        WebSession organiser = WebSession.loggedIn(base, Fixtures.ORGANISER);
        HttpResponse<String> seen = organiser.get(page);
        assertEquals(200, seen.statusCode());
        assertTrue(seen.body().contains(message), "the organiser reads the message");
        assertFalse(seen.body().contains(note), "never the note");
        assertFalse(seen.body().contains("notitie-" + marker), "nor its file");
        assertFalse(seen.body().contains("threadNote"), "nor the option to write one");
        assertEquals(404, organiser.getBytes("files/attachment/" + noteFile).statusCode(),
                "the note's file is to the organiser as one that does not exist");
        HttpResponse<String> staffView = officer.get(page);
        assertTrue(staffView.body().contains(note), "staff read the note");
        assertTrue(staffView.body().contains("notitie-" + marker));
        assertEquals(200, officer.getBytes("files/attachment/" + noteFile).statusCode());

        String answer = "De begroting staat in de bijlagen " + marker;
        posted = post(organiser, page, Map.of("threadBody", answer), null, null);
        assertEquals(302, posted.statusCode(), posted.body());
        assertEquals(1, count("SELECT COUNT(*) FROM thread_message WHERE application_id = ? AND author_side = 'ORGANISER'",
                app));
        assertTrue(count("SELECT COUNT(*) FROM outbound_mail WHERE recipient = ? AND body LIKE ?", Fixtures.OFFICER,
                "%view.xhtml?id=" + app + "%") >= 1, "the officers are mailed");
        assertTrue(officer.get(page).body().contains(answer));

        // Outsiders: another organiser, and an officer of another municipality
        long before = count("SELECT COUNT(*) FROM thread_message WHERE application_id = ?", app);
        WebSession otherOrganiser = WebSession.loggedIn(base, TestDatabase.cloneAccount(Fixtures.ORGANISER, null));
        WebSession vechtOfficer = WebSession.loggedIn(base, vechtOfficer());
        for (WebSession outsider : List.of(otherOrganiser, vechtOfficer)) {
            HttpResponse<String> refused = outsider.get(page);
            assertEquals(404, refused.statusCode());
            assertFalse(refused.body().contains(marker), "nothing of the thread");
            assertEquals(404, outsider.getBytes("files/attachment/" + noteFile).statusCode());
            // The form posted from outside, with a view state of the page they got: nothing is written.
            post(outsider, page, Map.of("threadBody", "Ingebroken " + marker, "threadNote", "true"), null, null);
        }
        assertEquals(before, count("SELECT COUNT(*) FROM thread_message WHERE application_id = ?", app));
    }

    private static long count(String sql, Object... parameters) throws SQLException {
        return TestDatabase.count(sql, parameters);
    }

    private static final Pattern VIEW_STATE = Pattern.compile(
            "name=\"jakarta.faces.ViewState\" id=\"[^\"]*\" value=\"([^\"]+)\"");

    /**
     * The thread form posted as a browser posts it (multipart, for its file field), with the view state of the page
     * as the session gets it; a page without any form is posted with none (as a forger without one would).
     */
    private static HttpResponse<String> post(WebSession session, String page, Map<String, String> fields,
                                             String filename, byte[] file) throws Exception {
        Matcher viewState = VIEW_STATE.matcher(session.get(page).body());
        String boundary = "----pf" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("threadForm", "threadForm");
        fields.forEach((name, value) -> form.put("threadForm:" + name, value));
        form.put("threadForm:threadPost", "");
        form.put("jakarta.faces.ViewState", viewState.find() ? viewState.group(1) : "stateless");
        for (Map.Entry<String, String> field : form.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"threadForm:threadFile\"; filename=\""
                + (filename == null ? "" : filename) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(file == null ? new byte[0] : file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return session.request("POST", page, "multipart/form-data; boundary=" + boundary, body.toByteArray(), false);
    }

    /** An officer of Stichtse Vecht: the demo officer's clone, moved there. */
    private static String vechtOfficer() throws SQLException {
        List<List<Object>> found = TestDatabase.query("SELECT id FROM municipality WHERE code = 'GM1904'");
        if (found.isEmpty()) {
            TestDatabase.update("INSERT INTO municipality (code, name) VALUES ('GM1904', 'Stichtse Vecht')");
            found = TestDatabase.query("SELECT id FROM municipality WHERE code = 'GM1904'");
        }
        String clone = TestDatabase.cloneAccount(Fixtures.OFFICER, null);
        assertEquals(1, TestDatabase.moveToMunicipality(clone, found.get(0).get(0)));
        return clone;
    }
}
