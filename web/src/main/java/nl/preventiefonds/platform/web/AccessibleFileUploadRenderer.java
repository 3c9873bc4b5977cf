package nl.preventiefonds.platform.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.Set;
import org.primefaces.component.fileupload.FileUpload;
import org.primefaces.component.fileupload.FileUploadRenderer;

/**
 * p:fileUpload (skinned simple mode) whose file input is announced. That input is what takes the keyboard focus
 * (the styled button is only its look), yet PrimeFaces marks it aria-hidden and gives it no name: a focus stop
 * without name or role (axe rules "aria-hidden-focus" and "label", WCAG 4.1.2). Here it keeps its role and is
 * named by the button's visible text (PrimeFaces gives that span the id {@code <clientId>_label}).
 */
public class AccessibleFileUploadRenderer extends FileUploadRenderer {
    private static final Set<String> LEFT_OUT = Set.of("aria-hidden");

    @Override
    protected void encodeInputField(FacesContext context, FileUpload fileUpload, String clientId, String tabindex)
            throws IOException {
        ResponseWriter writer = context.getResponseWriter();
        String labelledBy = fileUpload.isSkinSimple() && fileUpload.getLabel() != null
                ? fileUpload.getClientId(context) + "_label" : null;
        context.setResponseWriter(new WithoutAttributes(writer, LEFT_OUT) {
            @Override
            public void startElement(String name, UIComponent component) throws IOException {
                super.startElement(name, component);
                if ("input".equals(name) && labelledBy != null) {
                    super.writeAttribute("aria-labelledby", labelledBy, null);
                }
            }
        });
        try {
            super.encodeInputField(context, fileUpload, clientId, tabindex);
        } finally {
            context.setResponseWriter(writer);
        }
    }
}
