package nl.preventiefonds.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnonymisationReplacementTest {
    @Test
    void aReplacementNeverOutgrowsWhatItReplaces() {
        for (String personal : new String[] {"Jan", "Els Kok", "0612345678", "j.devries@example.nl",
            "NL91ABNA0417164300"}) {
            String replacement = Anonymisation.replacementFor(personal);
            assertTrue(replacement.length() <= personal.length(), personal + " -> " + replacement);
            assertTrue(!replacement.contains(personal), personal + " -> " + replacement);
        }
        assertEquals("***", Anonymisation.replacementFor("Jan"));
        assertEquals(Anonymisation.PLACEHOLDER, Anonymisation.replacementFor("j.devries@example.nl"));
        // A narrative at its limit stays at its limit after every occurrence of the name is replaced.
        String narrative = "Jan ".repeat(2000);
        assertEquals(narrative.length(), narrative.replace("Jan", Anonymisation.replacementFor("Jan")).length());
    }
}
