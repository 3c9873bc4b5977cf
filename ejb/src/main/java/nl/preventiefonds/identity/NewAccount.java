package nl.preventiefonds.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * What a fund manager fills in to create an account. Without a password the account is an invitation: the person
 * chooses their own password through the link in the invitation mail.
 */
public record NewAccount(String email, String displayName, Role role, Long partnerId, String password) {

    public boolean isInvitation() {
        return password == null || password.isEmpty();
    }

    /** Message keys of every rule this request breaks. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!EmailAddress.isValid(email)) {
            problems.add("email.invalid");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 120) {
            problems.add("name.required");
        }
        if (role == null) {
            problems.add("role.required");
        }
        if (role == Role.PARTNER && partnerId == null) {
            problems.add("partner.required");
        }
        if (!isInvitation()) {
            problems.addAll(PasswordPolicy.violations(password, email));
        }
        return problems;
    }
}
