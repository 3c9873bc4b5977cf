package nl.preventiefonds.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A violated constraint names the field as the caller sent it, not the Java method and parameter. */
class ConstraintFieldTest {

    @Test
    void theFieldIsNamedWithoutMethodAndParameter() {
        assertEquals("q", ProblemResponses.ConstraintMapper.lastNode("reclaims.q"));
        assertEquals("title", ProblemResponses.ConstraintMapper.lastNode("save.arg1.title"));
        assertEquals("title", ProblemResponses.ConstraintMapper.lastNode("save.form.title"));
        assertEquals("items[0].applicationId",
                ProblemResponses.ConstraintMapper.lastNode("decideBatch.body.items[0].applicationId"));
        assertEquals("size", ProblemResponses.ConstraintMapper.lastNode("size"));
    }
}
