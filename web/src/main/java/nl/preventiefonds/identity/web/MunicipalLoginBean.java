package nl.preventiefonds.identity.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import nl.preventiefonds.identity.MunicipalLoginService;
import nl.preventiefonds.identity.MunicipalLoginSettings;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.municipality.MunicipalityDirectory;
import nl.preventiefonds.platform.web.Messages;

/**
 * Installation administrator: a municipality's login through its own identity provider (installation/
 * municipal-login.xhtml?code=GM0106). The client secret is write-only: the form never holds the stored one.
 */
@Named
@ViewScoped
public class MunicipalLoginBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private MunicipalLoginService logins;

    @Inject
    private MunicipalityDirectory municipalities;

    @Inject
    private OidcProviders providers;

    private String code;
    private Long municipalityId;
    private String municipalityName;
    private boolean secretSet;

    private String issuer;
    private String clientId;
    private String clientSecret;
    private String groupsClaim = "groups";
    private String officerGroups;
    private String decisionMakerGroups;
    private String fundManagerGroups;
    private boolean enabled = true;

    public void load() {
        municipalities.byCode(code).ifPresent(this::fill);
    }

    private void fill(Municipality municipality) {
        municipalityId = municipality.getId();
        municipalityName = municipality.getName();
        secretSet = logins.hasSecret(municipalityId);
        logins.settings(municipalityId).ifPresent(s -> {
            issuer = s.issuer();
            clientId = s.clientId();
            groupsClaim = s.groupsClaim();
            officerGroups = s.officerGroups();
            decisionMakerGroups = s.decisionMakerGroups();
            fundManagerGroups = s.fundManagerGroups();
            enabled = s.enabled();
        });
    }

    public void save() {
        String before = logins.settings(municipalityId).map(MunicipalLoginSettings::issuer).orElse(null);
        try {
            logins.configure(municipalityId, new MunicipalLoginSettings(issuer, clientId, groupsClaim, officerGroups,
                    decisionMakerGroups, fundManagerGroups, enabled), clientSecret);
        } finally {
            clientSecret = null;
        }
        if (before != null) {
            providers.forget(before);
        }
        Messages.info("oidc.admin.saved", municipalityName);
        load();
    }

    public boolean isFound() {
        return municipalityId != null;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getMunicipalityName() {
        return municipalityName;
    }

    public boolean isSecretSet() {
        return secretSet;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    /** Always empty: the stored secret is never sent to a browser. */
    public String getClientSecret() {
        return null;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getGroupsClaim() {
        return groupsClaim;
    }

    public void setGroupsClaim(String groupsClaim) {
        this.groupsClaim = groupsClaim;
    }

    public String getOfficerGroups() {
        return officerGroups;
    }

    public void setOfficerGroups(String officerGroups) {
        this.officerGroups = officerGroups;
    }

    public String getDecisionMakerGroups() {
        return decisionMakerGroups;
    }

    public void setDecisionMakerGroups(String decisionMakerGroups) {
        this.decisionMakerGroups = decisionMakerGroups;
    }

    public String getFundManagerGroups() {
        return fundManagerGroups;
    }

    public void setFundManagerGroups(String fundManagerGroups) {
        this.fundManagerGroups = fundManagerGroups;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
