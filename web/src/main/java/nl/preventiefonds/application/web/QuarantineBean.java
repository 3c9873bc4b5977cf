package nl.preventiefonds.application.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import nl.preventiefonds.application.Quarantine;
import nl.preventiefonds.application.QuarantineEntry;

/**
 * The administrators' list of quarantined uploads (admin/quarantine.xhtml for a fund manager, installation/
 * quarantine.xhtml for the installation administrator): the service decides whose files each sees. A list only;
 * a quarantined file is never offered for download.
 */
@Named
@ViewScoped
public class QuarantineBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private Quarantine quarantine;

    private List<QuarantineEntry> files;

    @PostConstruct
    void init() {
        files = quarantine.list();
    }

    public List<QuarantineEntry> getFiles() {
        return files;
    }

    /** "12,3 kB": the size as people read it. */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.forLanguageTag("nl"), "%.1f kB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.forLanguageTag("nl"), "%.1f MB", bytes / (1024.0 * 1024));
    }
}
