package nl.preventiefonds.decision;

import java.time.LocalDate;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.LetterPdf;

/**
 * The objection clause every decision letter of the municipality carries (Awb 3:45, 6:5, 6:7, 8:81): the award or
 * rejection and the final determination alike, so the legal text lives in one place.
 */
public final class ObjectionClause {
    private ObjectionClause() {
    }

    public static void write(LetterPdf letter, LocalDate deadline, String objectionAddress, String municipalityName,
                             String reference) {
        String address = objectionAddress == null || objectionAddress.isBlank()
                ? "het college van burgemeester en wethouders van " + municipalityName : objectionAddress;
        letter.heading("Bent u het niet eens met dit besluit?")
                .paragraph("Dan kunt u bezwaar maken. Dat doet u binnen zes weken na de dag waarop wij dit besluit"
                        + " hebben verzonden (artikel 6:7 Algemene wet bestuursrecht). Uw bezwaarschrift moet dus"
                        + " uiterlijk " + Amsterdam.longDate(deadline, Amsterdam.DUTCH) + " bij ons binnen zijn."
                        + " Stuur het naar: " + address + ".")
                .paragraph("Zet in uw bezwaarschrift (artikel 6:5 Algemene wet bestuursrecht):")
                .bullet("uw naam en adres;")
                .bullet("de datum;")
                .bullet("een omschrijving van het besluit waartegen u bezwaar maakt, bijvoorbeeld het"
                        + " referentienummer " + reference + ";")
                .bullet("de redenen waarom u het niet eens bent met het besluit;")
                .bullet("uw handtekening.")
                .space()
                .paragraph("Het besluit blijft gelden terwijl wij uw bezwaar behandelen. Is een snelle beslissing"
                        + " nodig, dan kunt u de voorzieningenrechter van de rechtbank vragen om een voorlopige"
                        + " voorziening (artikel 8:81 Algemene wet bestuursrecht). Daarvoor moet u wel bezwaar"
                        + " hebben gemaakt, en u betaalt griffierecht.");
    }

    /**
     * Against a decision on objection (on a decision or a determination) there is no second objection, but appeal
     * to the court (Awb 7:1, 8:1).
     */
    public static void writeAppeal(LetterPdf letter, LocalDate deadline, String court, String municipality) {
        String to = court == null || court.isBlank()
                ? "de rechtbank in het arrondissement waarin de gemeente " + municipality + " ligt" : court;
        letter.heading("Bent u het niet eens met deze beslissing?")
                .paragraph("Dan kunt u beroep instellen bij " + to + ". Dat doet u binnen zes weken na de dag waarop"
                        + " wij deze beslissing hebben verzonden (artikel 6:7 en 8:1 Algemene wet bestuursrecht)."
                        + " Uw beroepschrift moet dus uiterlijk " + Amsterdam.longDate(deadline, Amsterdam.DUTCH)
                        + " bij de rechtbank binnen zijn. Opnieuw bezwaar maken bij ons is niet mogelijk (artikel 7:1"
                        + " Algemene wet bestuursrecht). Voor het beroep betaalt u griffierecht.");
    }
}
