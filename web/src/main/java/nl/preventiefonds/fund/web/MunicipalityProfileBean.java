package nl.preventiefonds.fund.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Base64;
import nl.preventiefonds.fund.MunicipalityProfileForm;
import nl.preventiefonds.fund.MunicipalityProfileService;
import nl.preventiefonds.municipality.LogoImage;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.web.FieldProblems;
import nl.preventiefonds.platform.web.Messages;
import org.primefaces.event.FileUploadEvent;

/**
 * Fund manager: the profile and logo of their own municipality (admin/municipality.xhtml). A refused save keeps
 * everything as typed; a logo change keeps the unsaved fields on the page and carries the new version to the form.
 */
@Named
@ViewScoped
public class MunicipalityProfileBean implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String FORM = "profileForm:";

    @Inject
    private MunicipalityProfileService service;

    private MunicipalityProfileForm form;
    private String municipalityName;
    /** The logo as a data: address for the preview; null without one. */
    private String logoDataUri;

    @PostConstruct
    void init() {
        Municipality municipality = service.own();
        municipalityName = municipality.getName();
        form = MunicipalityProfileForm.of(municipality);
        refreshLogo();
    }

    public void save() {
        FieldProblems.bind("form.notSaved", MunicipalityProfileBean::fieldOf);
        form = service.save(form);
        Messages.info("municipalityProfile.saved");
    }

    public void upload(FileUploadEvent event) {
        byte[] content;
        try (InputStream in = event.getFile().getInputStream()) {
            content = in.readNBytes(LogoImage.MAX_BYTES + 1);
        } catch (IOException e) {
            Messages.error("logoForm:logoFile", "municipality.logoNotImage");
            return;
        }
        FieldProblems.bind(problem -> "logoForm:logoFile");
        form.setVersion(service.replaceLogo(form.getVersion(), content));
        refreshLogo();
        Messages.info("municipalityProfile.logoStored");
    }

    public void removeLogo() {
        FieldProblems.bind(problem -> null);
        form.setVersion(service.removeLogo(form.getVersion()));
        refreshLogo();
        Messages.info("municipalityProfile.logoRemoved");
    }

    private void refreshLogo() {
        logoDataUri = service.logo().map(png -> "data:" + LogoImage.CONTENT_TYPE + ";base64,"
                + Base64.getEncoder().encodeToString(png)).orElse(null);
    }

    static String fieldOf(Problem problem) {
        return switch (problem.key()) {
            case "municipality.addressIncomplete" -> FORM + "street";
            case "municipality.postalCodeInvalid" -> FORM + "postalCode";
            case "municipality.phoneInvalid" -> FORM + "phone";
            case "municipality.emailInvalid" -> FORM + "email";
            case "municipality.websiteInvalid" -> FORM + "website";
            case "municipality.ibanInvalid" -> FORM + "reclaimIban";
            case "municipality.funderIdInvalid" -> FORM + "funderId";
            case "municipality.givingPrefixInvalid" -> FORM + "givingPrefix";
            default -> null;
        };
    }

    public MunicipalityProfileForm getForm() {
        return form;
    }

    public String getMunicipalityName() {
        return municipalityName;
    }

    public String getLogoDataUri() {
        return logoDataUri;
    }

    public String getLogoAlt() {
        return Messages.text("municipalityProfile.logoAlt", municipalityName);
    }

    public boolean isHasLogo() {
        return logoDataUri != null;
    }

    public int getMaxLogoBytes() {
        return LogoImage.MAX_BYTES;
    }
}
