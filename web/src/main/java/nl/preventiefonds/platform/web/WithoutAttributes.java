package nl.preventiefonds.platform.web;

import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import java.io.IOException;
import java.util.Set;

/** A response writer that leaves out the named attributes: for fixing ARIA in markup of third-party renderers. */
class WithoutAttributes extends ResponseWriterWrapper {
    private final Set<String> left;

    WithoutAttributes(ResponseWriter wrapped, Set<String> left) {
        super(wrapped);
        this.left = left;
    }

    @Override
    public void writeAttribute(String name, Object value, String property) throws IOException {
        if (!left.contains(name)) {
            super.writeAttribute(name, value, property);
        }
    }
}
