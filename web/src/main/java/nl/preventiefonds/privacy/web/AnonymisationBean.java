package nl.preventiefonds.privacy.web;

import jakarta.inject.Inject;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import nl.preventiefonds.platform.web.Messages;
import nl.preventiefonds.privacy.Anonymisation;
import nl.preventiefonds.privacy.RetainedOrganiser;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Fund manager: organisers past the retention term, paged in the database, and anonymising one after confirming. */
@Named
@ViewScoped
public class AnonymisationBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private Anonymisation anonymisation;

    private RetainedOrganiser selected;

    private final LazyDataModel<RetainedOrganiser> organisers = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, anonymisation.countPastRetention());
        }

        @Override
        public List<RetainedOrganiser> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                            Map<String, FilterMeta> filterBy) {
            return anonymisation.pastRetention(first, pageSize);
        }

        @Override
        public String getRowKey(RetainedOrganiser organiser) {
            return String.valueOf(organiser.getId());
        }
    };

    /** Remembers the row the confirmation dialog is about. */
    public void choose(RetainedOrganiser organiser) {
        selected = organiser;
    }

    public void anonymise() {
        if (selected == null) {
            return;
        }
        try {
            Anonymisation.Result result = anonymisation.anonymise(selected.getId());
            Messages.info("anonymise.done", selected.getDisplayName(), result.applications(),
                    result.attachmentsRemoved(), result.documentsReplaced());
        } finally {
            selected = null;
        }
    }

    public LazyDataModel<RetainedOrganiser> getOrganisers() {
        return organisers;
    }

    public RetainedOrganiser getSelected() {
        return selected;
    }
}
