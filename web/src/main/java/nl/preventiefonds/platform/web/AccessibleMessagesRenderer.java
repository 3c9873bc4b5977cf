package nl.preventiefonds.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.Set;
import org.primefaces.component.messages.Messages;
import org.primefaces.component.messages.MessagesRenderer;

/**
 * p:messages without role="alert" on each list item: that role takes the items out of their list, so screen
 * readers meet a broken list (axe rule "list", WCAG 1.3.1). The container is still an aria-live region, so new
 * messages are announced.
 */
public class AccessibleMessagesRenderer extends MessagesRenderer {
    private static final Set<String> LEFT_OUT = Set.of("role", "aria-atomic");

    @Override
    protected void encodeMessage(ResponseWriter writer, Messages messages, FacesMessage message, String severity,
                                 boolean escape) throws IOException {
        super.encodeMessage(new WithoutAttributes(writer, LEFT_OUT), messages, message, severity, escape);
    }
}
