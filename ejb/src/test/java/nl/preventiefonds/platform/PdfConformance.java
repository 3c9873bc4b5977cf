package nl.preventiefonds.platform;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.verapdf.core.ValidationException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Validates generated PDFs with veraPDF, the PDF Association's reference validator, against PDF/A-2a (archivable,
 * tagged) and PDF/UA-1 (accessible). A failure lists every failed rule with its clause and how often it failed.
 */
public final class PdfConformance {
    public static final List<PDFAFlavour> PROFILES = List.of(PDFAFlavour.PDFA_2_A, PDFAFlavour.PDFUA_1);

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfConformance() {
    }

    /** Fails with the failed rules when {@code pdf} breaks any rule of PDF/A-2a or PDF/UA-1. */
    public static void assertArchivableAndAccessible(String what, byte[] pdf) {
        List<String> problems = new ArrayList<>();
        for (PDFAFlavour flavour : PROFILES) {
            problems.addAll(failedRules(flavour, pdf));
        }
        if (!problems.isEmpty()) {
            fail(what + " breaks " + problems.size() + " rule(s):\n" + String.join("\n", problems));
        }
    }

    /** Each failed rule once: "PDF/UA-1 7.1-3 (2x): description". Empty when the document conforms. */
    public static List<String> failedRules(PDFAFlavour flavour, byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            Map<String, Integer> counts = new TreeMap<>();
            Map<String, String> descriptions = new TreeMap<>();
            for (TestAssertion assertion : result.getTestAssertions()) {
                if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                    String rule = flavour.getId() + " " + assertion.getRuleId().getClause() + "-"
                            + assertion.getRuleId().getTestNumber();
                    counts.merge(rule, 1, Integer::sum);
                    descriptions.putIfAbsent(rule, assertion.getMessage() + " [" + assertion.getLocation()
                            .getContext() + "]");
                }
            }
            List<String> failed = new ArrayList<>();
            counts.forEach((rule, count) -> failed.add(rule + " (" + count + "x): " + descriptions.get(rule)));
            if (failed.isEmpty() && !result.isCompliant()) {
                failed.add(flavour.getId() + ": not compliant, without a failed rule");
            }
            return failed;
        } catch (ValidationException | RuntimeException e) {
            return List.of(flavour.getId() + ": veraPDF could not validate: " + e);
        } catch (Exception e) {
            return List.of(flavour.getId() + ": " + e);
        }
    }
}
