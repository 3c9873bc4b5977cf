package nl.preventiefonds.identity.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import nl.preventiefonds.identity.BrokerKind;
import nl.preventiefonds.identity.BrokerLoginService;
import nl.preventiefonds.identity.BrokerLoginSettings;
import nl.preventiefonds.identity.LevelOfAssurance;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.municipality.MunicipalityDirectory;
import nl.preventiefonds.platform.web.Messages;

/**
 * Installation administrator: a municipality's eHerkenning or DigiD broker (installation/broker-login.xhtml?code=
 * GM0106&amp;kind=eherkenning), and for eHerkenning the level a submission on behalf of an organisation needs. The
 * client secret is write-only; every change is audited by the service.
 */
@Named
@ViewScoped
public class BrokerLoginBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private BrokerLoginService brokers;

    @Inject
    private MunicipalityDirectory municipalities;

    @Inject
    private OidcProviders providers;

    private String code;
    private BrokerKind kind = BrokerKind.EHERKENNING;
    private Long municipalityId;
    private String municipalityName;
    private boolean secretSet;

    private String issuer;
    private String clientId;
    private String clientSecret;
    private LevelOfAssurance requiredLevel = LevelOfAssurance.EH3;
    private boolean enabled = true;

    public void load() {
        municipalities.byCode(code).ifPresent(this::fill);
    }

    private void fill(Municipality municipality) {
        municipalityId = municipality.getId();
        municipalityName = municipality.getName();
        secretSet = brokers.hasSecret(municipalityId, kind);
        if (kind == BrokerKind.DIGID) {
            requiredLevel = LevelOfAssurance.DIGID_MIDDEN;
        }
        brokers.settings(municipalityId, kind).ifPresent(s -> {
            issuer = s.issuer();
            clientId = s.clientId();
            requiredLevel = s.requiredSubmitLevel();
            enabled = s.enabled();
        });
    }

    public void save() {
        String before = brokers.settings(municipalityId, kind).map(BrokerLoginSettings::issuer).orElse(null);
        try {
            brokers.configure(municipalityId, kind, new BrokerLoginSettings(issuer, clientId, requiredLevel, enabled),
                    clientSecret);
        } finally {
            clientSecret = null;
        }
        if (before != null) {
            providers.forget(before);
        }
        Messages.info("broker.admin.saved", municipalityName);
        load();
    }

    public String getHeadingKey() {
        return "broker.admin.heading." + kind.urlName();
    }

    public boolean isEherkenning() {
        return kind == BrokerKind.EHERKENNING;
    }

    public List<LevelOfAssurance> getLevels() {
        return Arrays.stream(LevelOfAssurance.values()).filter(l -> l.kind() == kind).toList();
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

    public String getKind() {
        return kind.urlName();
    }

    public void setKind(String kind) {
        this.kind = BrokerKind.parse(kind).orElse(BrokerKind.EHERKENNING);
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

    public LevelOfAssurance getRequiredLevel() {
        return requiredLevel;
    }

    public void setRequiredLevel(LevelOfAssurance requiredLevel) {
        this.requiredLevel = requiredLevel;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
