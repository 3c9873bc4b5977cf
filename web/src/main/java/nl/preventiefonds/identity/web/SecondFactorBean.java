package nl.preventiefonds.identity.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.List;
import nl.preventiefonds.identity.SecondFactor;
import nl.preventiefonds.identity.TotpCodes;
import nl.preventiefonds.platform.web.Messages;

/**
 * Enrolment of the second factor: a new secret as a QR code (and as text, for typing in), confirmed with a code of
 * the app; then the recovery codes, shown once. The secret lives in this view only until it is confirmed, and is
 * never shown again after.
 */
@Named
@ViewScoped
public class SecondFactorBean implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String PAGE = "/account/second-factor.xhtml";

    @Inject
    private SecondFactor secondFactor;

    private SecondFactor.Status status;
    private String secret;
    private String code;
    private List<String> recoveryCodes;

    @PostConstruct
    void load() {
        status = secondFactor.status();
        if (!status.enrolled()) {
            secret = TotpCodes.newSecret();
        }
    }

    public void enrol() {
        String typed = code;
        code = null;
        recoveryCodes = secondFactor.enrol(secret, typed);
        secret = null;
        status = secondFactor.status();
        HttpSession session = ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest()).getSession(false);
        if (session != null) {
            session.removeAttribute(LoginBean.MUST_ENROL);
        }
        Messages.info("secondFactor.enrolled");
    }

    public void renewRecoveryCodes() {
        String typed = code;
        code = null;
        recoveryCodes = secondFactor.renewRecoveryCodes(typed);
        status = secondFactor.status();
        Messages.info("secondFactor.recoveryRenewed");
    }

    public void remove() {
        String typed = code;
        code = null;
        secondFactor.remove(typed);
        status = secondFactor.status();
        secret = TotpCodes.newSecret();
        Messages.info("secondFactor.removed");
    }

    /** Whether the login was sent here because the role asks for a second factor the account lacks. */
    public boolean isMustEnrol() {
        HttpSession session = ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest()).getSession(false);
        return session != null && session.getAttribute(LoginBean.MUST_ENROL) != null;
    }

    public SecondFactor.Status getStatus() {
        return status;
    }

    /** The QR code of the otpauth URI, as inline SVG (built here from the secret; no input of the visitor). */
    public String getQrSvg() {
        return secret == null ? "" : TotpCodes.qrSvg(secondFactor.otpauthUri(secret));
    }

    /** The secret in groups of four, for typing it into an app that cannot scan. */
    public String getSecretGroups() {
        return secret == null ? "" : secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    public List<String> getRecoveryCodes() {
        return recoveryCodes;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
