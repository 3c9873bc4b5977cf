package nl.preventiefonds.template;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The letters whose text a municipality words itself, each with the placeholders it offers and its built-in text.
 * The built-in texts are the wording the letters had before templates, so a letter reads the same until an
 * administrator saves a text of their own. The template is the letter's opening and decision; the parts the law
 * or the money fixes (obligations, payment, reporting, the objection clause with its address and term, the
 * signature) and the letterhead and address block stay in the letter itself, so no template can leave them out.
 */
public enum LetterKind {
    AWARD("toekenning", """
            Geachte heer, mevrouw,

            U heeft bij ons subsidie aangevraagd voor '{{titel}}'. In deze brief leest u ons besluit.

            # Besluit

            Wij verlenen u een subsidie van {{bedrag}} (zegge: {{bedrag_in_woorden}}) voor {{titel}}.

            {{motivering}}

            Dit besluit is genomen op grond van {{grondslag}}.
            """),
    PARTIAL_AWARD("gedeeltelijke toekenning", """
            Geachte heer, mevrouw,

            U heeft bij ons subsidie aangevraagd voor '{{titel}}'. In deze brief leest u ons besluit.

            # Besluit

            Wij verlenen u een subsidie van {{bedrag}} (zegge: {{bedrag_in_woorden}}) voor {{titel}}.

            U vroeg {{gevraagd_bedrag}}. Wij verlenen een lager bedrag, om de volgende reden:

            {{motivering}}

            Dit besluit is genomen op grond van {{grondslag}}.
            """),
    REJECTION("afwijzing", """
            Geachte heer, mevrouw,

            U heeft bij ons subsidie aangevraagd voor '{{titel}}'. In deze brief leest u ons besluit.

            # Besluit

            U vroeg een subsidie van {{gevraagd_bedrag}} voor {{titel}}. Wij wijzen uw aanvraag af.

            # Waarom

            {{motivering}}

            Dit besluit is genomen op grond van {{grondslag}}.
            """),
    DETERMINATION("vaststelling", """
            Geachte heer, mevrouw,

            {{inleiding}}

            # Besluit

            Wij stellen de subsidie vast op {{bedrag}} (zegge: {{bedrag_in_woorden}}).

            {{verschil}}

            {{motivering}}

            Dit besluit is genomen op grond van {{grondslag}}, artikelen 4:42 tot en met 4:46.
            """);

    /** Offered by every kind. */
    static final List<String> COMMON = List.of("aanvrager", "contactpersoon", "adres", "titel", "kenmerk",
            "subsidieronde", "gemeente", "fonds", "datum_besluit", "bedrag", "bedrag_in_woorden", "gevraagd_bedrag",
            "motivering", "grondslag");
    /** Offered by the determination only. */
    static final List<String> DETERMINATION_ONLY = List.of("verleend_bedrag", "datum_verlening", "inleiding",
            "verschil");

    private final String dutchName;
    private final String builtIn;

    LetterKind(String dutchName, String builtIn) {
        this.dutchName = dutchName;
        this.builtIn = builtIn;
    }

    /** "toekenning": as printed in the letter's footer and shown to the administrator. */
    public String dutchName() {
        return dutchName;
    }

    /** Today's wording, used while the municipality has saved no text of its own. */
    public String builtInText() {
        return builtIn;
    }

    /** The placeholders this kind offers, in the order the administrator sees them. */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>(COMMON);
        if (this == DETERMINATION) {
            names.addAll(DETERMINATION_ONLY);
        }
        return names;
    }
}
