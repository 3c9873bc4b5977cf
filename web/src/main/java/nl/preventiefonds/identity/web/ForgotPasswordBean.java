package nl.preventiefonds.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import nl.preventiefonds.identity.PasswordReset;

/** "Forgot password": the answer is the same whether or not the address has an account. */
@Named
@RequestScoped
public class ForgotPasswordBean {

    @Inject
    private PasswordReset reset;

    private String email;
    private boolean submitted;

    public void request() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        reset.request(email, request.getRemoteAddr(), RegistrationBean.applicationUrl(request));
        submitted = true;
    }

    public boolean isSubmitted() {
        return submitted;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
