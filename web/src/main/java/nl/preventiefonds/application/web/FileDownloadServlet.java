package nl.preventiefonds.application.web;

import jakarta.inject.Inject;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import nl.preventiefonds.application.ApplicationQueries;
import nl.preventiefonds.application.AttachmentService;
import nl.preventiefonds.application.IssuedDocument;
import nl.preventiefonds.platform.AccessDeniedException;
import nl.preventiefonds.platform.ValidationFailedException;

/**
 * Attachments and issued documents. The services decide per object who may download; anything
 * the caller may not see answers 404, exactly like something that does not exist.
 */
@WebServlet(urlPatterns = {"/files/attachment/*", "/files/document/*"})
public class FileDownloadServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    private AttachmentService attachments;

    @Inject
    private ApplicationQueries queries;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id;
        try {
            id = Long.parseLong(request.getPathInfo() == null ? "" : request.getPathInfo().substring(1));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            if (request.getServletPath().endsWith("/attachment")) {
                AttachmentService.Download download = attachments.download(id);
                send(response, download.filename(), download.mediaType(), download.content());
            } else {
                IssuedDocument document = queries.document(id);
                send(response, document.getFilename(), "application/pdf", document.getContent());
            }
        } catch (ValidationFailedException | AccessDeniedException | EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static void send(HttpServletResponse response, String filename, String mediaType, byte[] content)
            throws IOException {
        response.setContentType(mediaType);
        response.setContentLength(content.length);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, no-store");
        // Always a download, never rendered inline: an uploaded file cannot run as a page of ours.
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "_")
                + "\"; filename*=UTF-8''" + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
        response.getOutputStream().write(content);
    }
}
