package nl.preventiefonds.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageServletTest {
    @Test
    void goesBackToAPageOfThisApplication() {
        assertEquals("/open/register.xhtml?year=2025&place=Pittelo",
                LanguageServlet.back("/open/register.xhtml?year=2025&place=Pittelo"));
        assertEquals("/index.xhtml", LanguageServlet.back("/index.xhtml"));
    }

    @Test
    void anyOtherAddressIsTheStartPage() {
        for (String back : new String[] {null, "", "index.xhtml", "//evil.example/", "/\\evil.example",
            "https://evil.example/", "/index.xhtml\r\nSet-Cookie: x=y", "/a\tb", "/" + "x".repeat(2001)}) {
            assertEquals("/index.xhtml", LanguageServlet.back(back), "back: " + back);
        }
    }
}
