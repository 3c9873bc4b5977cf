package nl.preventiefonds.identity.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.primefaces.model.StreamedContent;
import nl.preventiefonds.identity.PartnerAdministration;
import nl.preventiefonds.identity.PartnerForm;
import nl.preventiefonds.partner.PartnerOrganisation;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.web.FieldProblems;
import nl.preventiefonds.platform.web.Messages;
import nl.preventiefonds.platform.web.TableDownload;

/** Fund manager: the municipality's partner organisations (admin/partners.xhtml), kept and downloaded. */
@Named
@ViewScoped
public class PartnerAdminBean implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String FORM = "partnerForm:";

    @Inject
    private PartnerAdministration administration;

    private List<PartnerOrganisation> partners = List.of();
    private PartnerForm form;

    @PostConstruct
    void init() {
        reload();
    }

    private void reload() {
        partners = List.copyOf(administration.partners());
    }

    public void newPartner() {
        form = new PartnerForm();
        form.setCoalitionMember(true);
    }

    public void edit(long id) {
        form = administration.load(id);
    }

    public void save() {
        FieldProblems.bind("form.notSaved", PartnerAdminBean::fieldOf);
        boolean created = form.getId() == null;
        administration.save(form);
        Messages.info(created ? "partners.created" : "partners.saved", form.getName().strip());
        form = null;
        reload();
    }

    public void cancel() {
        form = null;
    }

    private static String fieldOf(Problem problem) {
        return switch (problem.key()) {
            case "partner.nameRequired", "partner.nameTooLong", "partner.nameTaken" -> FORM + "name";
            case "partner.kvkInvalid" -> FORM + "kvk";
            case "partner.kindRequired" -> FORM + "kind";
            case "partner.contactNameTooLong" -> FORM + "contactName";
            case "partner.contactEmailInvalid" -> FORM + "contactEmail";
            case "partner.contactPhoneInvalid" -> FORM + "contactPhone";
            default -> null;
        };
    }

    private TableDownload.Table table() {
        List<List<Object>> rows = new ArrayList<>();
        for (PartnerOrganisation p : administration.partners()) {
            rows.add(Arrays.asList(p.getName(), p.getKvkNumber(), Messages.text("partnerKind." + p.getKind()),
                    p.getContactName(), p.getContactEmail(), p.getContactPhone(),
                    Messages.text(p.isCoalitionMember() ? "partners.yes" : "partners.no")));
        }
        return new TableDownload.Table(Messages.text("partners.title"), List.of(Messages.text("field.name"),
                Messages.text("partners.kvk"), Messages.text("partners.kind"), Messages.text("field.contactName"),
                Messages.text("field.contactEmail"), Messages.text("field.contactPhone"),
                Messages.text("partners.coalition")), rows);
    }

    public StreamedContent getCsvFile() {
        return TableDownload.csvFile("partners", table());
    }

    public StreamedContent getXlsxFile() {
        return TableDownload.xlsxFile("partners", table());
    }

    public List<String> getKinds() {
        return PartnerForm.KINDS;
    }

    public List<PartnerOrganisation> getPartners() {
        return partners;
    }

    public boolean isEditing() {
        return form != null;
    }

    public PartnerForm getForm() {
        return form;
    }
}
