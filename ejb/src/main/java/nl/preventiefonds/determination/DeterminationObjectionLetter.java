package nl.preventiefonds.determination;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import nl.preventiefonds.decision.ObjectionClause;
import nl.preventiefonds.decision.ObjectionOutcome;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.DutchNumberWords;
import nl.preventiefonds.platform.LetterPdf;

/**
 * The letter 'Beslissing op bezwaar' on an objection against a final determination, as an A4 PDF, always Dutch. It
 * says how the objection was decided; upheld, it revokes the contested determination and fixes the grant anew
 * (Awb 7:11), with what that means for payment and reclaim (Awb 4:52, 4:57). It carries the appeal clause instead
 * of an objection clause (Awb 7:1, 8:1).
 */
public final class DeterminationObjectionLetter {
    private static final Locale NL = Amsterdam.DUTCH;

    private DeterminationObjectionLetter() {
    }

    /**
     * The letter's facts. {@code newFinal} is null unless upheld; {@code payment} zero when nothing is paid;
     * {@code reclaimBefore}/{@code reclaimAfter} null when there is no reclaim.
     */
    public record Data(String municipalityName, String fundName, String reference, LocalDate letterDate,
                       String applicantName, String contactName, String initiativeTitle, LocalDate receivedOn,
                       LocalDate contestedOn, BigDecimal contestedFinal, BigDecimal awarded, ObjectionOutcome outcome,
                       String notes, BigDecimal newFinal, String reasons, BigDecimal payment, LocalDate paymentDueOn,
                       BigDecimal reclaimBefore, BigDecimal reclaimAfter, BigDecimal reclaimReceived,
                       LocalDate reclaimDueOn, String reclaimIban, LocalDate appealDeadline, String appealCourt,
                       String signatory) {
        public Data {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(appealDeadline, "appealDeadline");
            if (outcome.leadsToNewDetermination() != (newFinal != null)) {
                throw new IllegalArgumentException("a new final amount exactly when upheld");
            }
        }
    }

    /** "beslissing-op-bezwaar-vaststelling-&lt;reference&gt;.pdf". */
    public static String filename(String reference) {
        return "beslissing-op-bezwaar-vaststelling-" + reference + ".pdf";
    }

    public static byte[] render(Data d) {
        return render(d, LetterPdf.Letterhead.NONE);
    }

    /** Under the municipality's letterhead (logo, address, contact details). */
    public static byte[] render(Data d, LetterPdf.Letterhead letterhead) {
        LetterPdf letter = LetterPdf.letter(new LetterPdf.Header(d.municipalityName(), d.fundName(),
                        "Beslissing op bezwaar " + d.reference(), d.reference(), d.letterDate(), d.applicantName(),
                        d.contactName(), "Beslissing op bezwaar tegen de vaststelling van uw subsidie voor '"
                        + d.initiativeTitle() + "'"), letterhead)
                .space()
                .paragraph("Geachte heer, mevrouw,")
                .paragraph("Op " + date(d.receivedOn()) + " ontvingen wij uw bezwaarschrift tegen ons besluit van "
                        + date(d.contestedOn()) + ". Met dat besluit hebben wij uw subsidie vastgesteld op "
                        + euros(d.contestedFinal()) + ". In deze brief leest u onze beslissing op uw bezwaar.");
        letter.heading("Beslissing");
        switch (d.outcome()) {
            case UPHELD, PARTLY_UPHELD -> upheld(letter, d);
            case DISMISSED -> letter.paragraph("Wij verklaren uw bezwaar ongegrond. Het besluit van "
                    + date(d.contestedOn()) + " blijft in stand: de subsidie blijft vastgesteld op "
                    + euros(d.contestedFinal()) + ".");
            case INADMISSIBLE -> letter.paragraph("Wij verklaren uw bezwaar niet-ontvankelijk (artikel 6:6 en 6:9"
                    + " Algemene wet bestuursrecht). Wij behandelen het daarom niet inhoudelijk. Het besluit van "
                    + date(d.contestedOn()) + " blijft in stand.");
            case WITHDRAWN -> letter.paragraph("U heeft uw bezwaar ingetrokken. Het besluit van "
                    + date(d.contestedOn()) + " blijft in stand.");
        }
        if (!blank(d.notes())) {
            letter.paragraph("Onze overwegingen: " + d.notes());
        }
        ObjectionClause.writeAppeal(letter, d.appealDeadline(), d.appealCourt(), d.municipalityName());
        letter.keepTogether(7)
                .space()
                .paragraph("Met vriendelijke groet,")
                .space()
                .paragraph((blank(d.signatory()) ? "" : d.signatory())
                        + "\nnamens het college van burgemeester en wethouders van " + d.municipalityName());
        return letter.toBytes("Pagina %d van %d");
    }

    private static void upheld(LetterPdf letter, Data d) {
        letter.paragraph("Wij verklaren uw bezwaar " + (d.outcome() == ObjectionOutcome.PARTLY_UPHELD
                        ? "gedeeltelijk gegrond" : "gegrond") + ". Wij herroepen het besluit van "
                        + date(d.contestedOn()) + " en stellen de subsidie opnieuw vast op " + euros(d.newFinal())
                        + " (zegge: " + DutchNumberWords.euros(d.newFinal()) + "). Dit besluit vervangt het besluit van "
                        + date(d.contestedOn()) + " (artikel 7:11 Algemene wet bestuursrecht).");
        if (d.newFinal().compareTo(d.awarded()) < 0) {
            letter.paragraph("Dat is " + euros(d.awarded().subtract(d.newFinal())) + " lager dan het bedrag dat wij u"
                    + " hebben verleend, om de volgende reden (artikel 4:46 Algemene wet bestuursrecht):")
                    .paragraph(blank(d.reasons()) ? "-" : d.reasons());
        } else if (!blank(d.reasons())) {
            letter.paragraph(d.reasons());
        }
        letter.heading("Betaling");
        if (d.payment().signum() > 0) {
            letter.paragraph("Wij betalen u " + euros(d.payment()) + " uiterlijk " + date(d.paymentDueOn())
                    + ", binnen vier weken na deze beslissing (artikel 4:52 Algemene wet bestuursrecht).");
        }
        if (d.reclaimAfter() != null && d.reclaimBefore() != null
                && d.reclaimAfter().compareTo(d.reclaimBefore()) != 0) {
            BigDecimal open = d.reclaimAfter().subtract(d.reclaimReceived());
            letter.paragraph("De terugvordering van " + euros(d.reclaimBefore()) + " wordt "
                    + (d.reclaimAfter().compareTo(d.reclaimBefore()) < 0 ? "verlaagd" : "verhoogd") + " tot "
                    + euros(d.reclaimAfter()) + "." + (open.signum() > 0 ? reclaimSentence(d, open)
                    : d.reclaimAfter().signum() == 0 ? " U hoeft niets terug te betalen."
                    : " U heeft dat bedrag al terugbetaald."));
        } else if (d.reclaimAfter() != null && d.reclaimBefore() == null) {
            letter.paragraph("U heeft " + euros(d.reclaimAfter()) + " te veel ontvangen. Wij vorderen dit bedrag"
                    + " terug (artikel 4:57 Algemene wet bestuursrecht)." + reclaimSentence(d, d.reclaimAfter()));
        } else if (d.payment().signum() == 0) {
            letter.paragraph("Voor de betalingen verandert er niets.");
        }
    }

    private static String reclaimSentence(Data d, BigDecimal open) {
        return " Maak " + euros(open) + " uiterlijk " + date(d.reclaimDueOn()) + " over naar "
                + (blank(d.reclaimIban()) ? "de gemeente" : "rekeningnummer " + d.reclaimIban() + " van de gemeente "
                + d.municipalityName()) + " onder vermelding van " + d.reference() + ".";
    }

    private static String euros(BigDecimal amount) {
        return Amsterdam.euros(amount, NL);
    }

    private static String date(LocalDate date) {
        return date == null ? "-" : Amsterdam.longDate(date, NL);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
