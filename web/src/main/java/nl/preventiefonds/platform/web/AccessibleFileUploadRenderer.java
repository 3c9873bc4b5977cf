package nl.preventiefonds.platform.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.Set;
import org.primefaces.component.fileupload.FileUpload;
import org.primefaces.component.fileupload.FileUploadRenderer;

/**
 * p:fileUpload whose file input is not aria-hidden. In the skinned simple mode that input is what takes the
 * keyboard focus (the styled button is only its look), so hiding it from screen readers leaves a focus stop
 * without a name or role (axe rule "aria-hidden-focus", WCAG 4.1.2). Its label is the p:outputLabel of the page.
 */
public class AccessibleFileUploadRenderer extends FileUploadRenderer {
    private static final Set<String> LEFT_OUT = Set.of("aria-hidden");

    @Override
    protected void encodeInputField(FacesContext context, FileUpload fileUpload, String clientId, String tabindex)
            throws IOException {
        ResponseWriter writer = context.getResponseWriter();
        context.setResponseWriter(new WithoutAttributes(writer, LEFT_OUT));
        try {
            super.encodeInputField(context, fileUpload, clientId, tabindex);
        } finally {
            context.setResponseWriter(writer);
        }
    }
}
