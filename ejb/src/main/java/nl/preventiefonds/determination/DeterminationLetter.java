package nl.preventiefonds.determination;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import nl.preventiefonds.decision.ObjectionClause;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.LetterPdf;
import nl.preventiefonds.template.LetterKind;
import nl.preventiefonds.template.LetterText;
import nl.preventiefonds.template.LetterValues;

/**
 * The determination letter (beschikking tot subsidievaststelling, Awb 4:42-4:46) as an A4 PDF. Always Dutch: it
 * is a formal document of a Dutch municipality. It fixes the final amount in figures and words, gives the reasons
 * when it is lower than awarded (Awb 4:46), shows what was realised against the plan, settles the payment (pay the
 * rest within four weeks, Awb 4:52, or reclaim what was paid too much, Awb 4:57) and carries the objection clause
 * (Awb 3:45, 6:5, 6:7).
 */
public final class DeterminationLetter {
    private static final Locale NL = Amsterdam.DUTCH;

    private DeterminationLetter() {
    }

    /** "vaststelling-&lt;reference&gt;.pdf". */
    public static String filename(String reference) {
        return "vaststelling-" + reference + ".pdf";
    }

    public static byte[] render(DeterminationLetterData d) {
        return render(d, LetterPdf.Letterhead.NONE);
    }

    /** Under the municipality's letterhead (logo, address, contact details), with the built-in text. */
    public static byte[] render(DeterminationLetterData d, LetterPdf.Letterhead letterhead) {
        return render(d, letterhead, LetterText.builtIn(LetterKind.DETERMINATION), null);
    }

    /**
     * Under the municipality's letterhead, addressed to {@code postalAddress} (null: the name alone), with the
     * opening and decision from {@code template} (its label printed in the footer). What was realised, the
     * payment, the objection clause and the signature are always the letter's own.
     */
    public static byte[] render(DeterminationLetterData d, LetterPdf.Letterhead letterhead, LetterText template,
                                String postalAddress) {
        String municipality = d.municipalityName();
        String title = d.initiativeTitle();
        LetterPdf letter = LetterPdf.letter(new LetterPdf.Header(municipality, d.fundName(),
                        "Vaststelling " + d.reference(), d.reference(), d.letterDate(), d.applicantName(),
                        d.contactName(), "Vaststelling van uw subsidie voor '" + title + "'", postalAddress),
                        letterhead)
                .space();
        template.writeTo(letter, values(d, postalAddress));
        realised(letter, d.realised());
        payment(letter, d);
        ObjectionClause.write(letter, d.objectionDeadline(), d.objectionAddress(), d.municipalityName(),
                d.reference());

        letter.keepTogether(7) // the closing and signature stay on one page
                .space()
                .paragraph("Met vriendelijke groet,")
                .space()
                .paragraph(orDefault(d.signatory(), "") + "\nnamens het college van burgemeester en wethouders van "
                        + municipality);
        return letter.toBytes(template.footerPattern());
    }

    /**
     * The placeholders' values: the opening as the case requires ({{inleiding}}), and below the amount whether it is
     * what was awarded ({{verschil}}); a lower amount always states a reason (Awb 4:46).
     */
    static Map<String, String> values(DeterminationLetterData d, String postalAddress) {
        boolean lower = d.finalAmount().compareTo(d.awardedAmount()) < 0;
        String difference = lower ? "Dat is " + euros(d.awardedAmount().subtract(d.finalAmount())) + " lager dan het"
                + " bedrag dat wij u hebben verleend. Wij stellen de subsidie lager vast om de volgende"
                + " reden (artikel 4:46 Algemene wet bestuursrecht):"
                : "Dat is het bedrag dat wij u hebben verleend.";
        return LetterValues.of(d.applicantName(), d.contactName(), postalAddress, d.initiativeTitle(), d.reference(),
                        null, d.municipalityName(), d.fundName(), d.letterDate(), d.finalAmount(), null,
                        lower ? orDefault(d.reasons(), "-") : d.reasons(), d.legalBasis())
                .with("verleend_bedrag", euros(d.awardedAmount()))
                .with("datum_verlening", d.decisionDate() == null ? "-" : date(d.decisionDate()))
                .with("inleiding", opening(d))
                .with("verschil", difference)
                .asMap();
    }

    private static String opening(DeterminationLetterData d) {
        String award = "Met ons besluit" + (d.decisionDate() == null ? "" : " van " + date(d.decisionDate()))
                + " hebben wij u een subsidie van " + euros(d.awardedAmount()) + " verleend voor '"
                + d.initiativeTitle() + "'.";
        if (d.direct()) {
            return award + " Subsidies tot het bedrag waarvoor de regeling directe vaststelling toestaat, stellen"
                    + " wij vast zonder dat u een activiteitenverslag hoeft te sturen. Met deze brief stellen wij uw"
                    + " subsidie vast. Wel kunnen wij u later vragen aan te tonen dat de activiteiten zijn"
                    + " uitgevoerd. Bewaar daarom uw administratie.";
        }
        if (d.onRequest()) {
            return award + " U heeft ons gevraagd de subsidie vast te stellen en daarvoor uw verslag van de"
                    + " activiteiten gestuurd. In deze brief leest u ons besluit.";
        }
        return award + " Wij stellen de subsidie nu ambtshalve vast: uit onszelf, zonder dat u ons daarom heeft"
                + " gevraagd. In deze brief leest u ons besluit.";
    }

    private static void realised(LetterPdf letter, DeterminationLetterData.Realised r) {
        if (r == null || r.participants() == null && r.plannedParticipants() == null && r.sessions() == null
                && r.plannedSessions() == null && r.volunteers() == null && r.plannedVolunteers() == null) {
            return; // nothing to show: no empty heading
        }
        letter.heading("Gerealiseerd")
                .paragraph("Wat u had gepland en wat u heeft gerealiseerd:");
        figures(letter, "Deelnemers", r.plannedParticipants(), r.participants());
        figures(letter, "Bijeenkomsten", r.plannedSessions(), r.sessions());
        figures(letter, "Vrijwilligers", r.plannedVolunteers(), r.volunteers());
        letter.space();
    }

    private static void figures(LetterPdf letter, String label, Integer planned, Integer realised) {
        if (planned == null && realised == null) {
            return;
        }
        letter.bullet(label + ": gepland " + count(planned) + ", gerealiseerd " + count(realised));
    }

    private static void payment(LetterPdf letter, DeterminationLetterData d) {
        letter.heading("Betaling");
        boolean paid = d.paidBefore().signum() > 0;
        String before = paid ? "U heeft van ons al " + euros(d.paidBefore()) + " ontvangen."
                : "U heeft van ons nog geen betaling ontvangen.";
        BigDecimal balance = d.balance();
        String settlement = switch (balance.signum()) {
            case 1 -> (paid ? "Het restant van " : "Het bedrag van ") + euros(balance) + " betalen wij uiterlijk "
                    + date(d.balancePayableBy()) + ", binnen vier weken na deze vaststelling (artikel 4:52"
                    + " Algemene wet bestuursrecht).";
            case -1 -> "U heeft " + euros(balance.negate()) + " te veel ontvangen. Wij vorderen dit bedrag terug"
                    + " (artikel 4:57 Algemene wet bestuursrecht). Maak het uiterlijk " + date(d.reclaimDueOn())
                    + " over naar " + (blank(d.reclaimIban()) ? "de gemeente"
                    : "rekeningnummer " + d.reclaimIban() + " van de gemeente " + d.municipalityName())
                    + " onder vermelding van " + d.reference() + ".";
            default -> paid ? "U heeft het volledige bedrag al ontvangen; er volgt geen betaling of terugvordering."
                    : "Er volgt daarom geen betaling of terugvordering.";
        };
        letter.paragraph(before + " " + settlement);
    }

    private static String count(Integer n) {
        return n == null ? "-" : NumberFormat.getIntegerInstance(NL).format(n);
    }

    private static String euros(BigDecimal amount) {
        return Amsterdam.euros(amount, NL);
    }

    private static String date(LocalDate date) {
        return Amsterdam.longDate(date, NL);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String orDefault(String text, String fallback) {
        return blank(text) ? fallback : text;
    }
}
