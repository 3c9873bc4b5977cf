package nl.preventiefonds.fund.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import nl.preventiefonds.identity.AccessPolicy;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.municipality.MunicipalityDirectory;

/**
 * The CBS codes and name the help texts' examples use: of the municipality the member of staff works for, so every
 * municipality sees examples of its own (WK + the four digits of its GM code) and none of another's.
 */
@Named
@RequestScoped
public class ExampleCodes {
    @Inject
    private AccessPolicy access;

    @Inject
    private MunicipalityDirectory municipalities;

    private Optional<Municipality> own;

    private Optional<Municipality> own() {
        if (own == null) {
            Long id = access.caller().municipalityId();
            own = id == null ? Optional.empty() : municipalities.find(id);
        }
        return own;
    }

    /** The digits of the municipality's GM code ("0106" of GM0106); "0000" for someone who works for none. */
    public String getDigits() {
        return own().map(m -> m.getCode().substring(2)).orElse("0000");
    }

    public String getName() {
        return own().map(Municipality::getName).orElse("");
    }
}
