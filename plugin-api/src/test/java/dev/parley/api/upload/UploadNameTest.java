package dev.parley.api.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.api.upload.UploadName.Problem;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What counts as a plain file name for every upload in Parley. */
class UploadNameTest {

    @Test
    void plainNamesPass() {
        for (String name : new String[] {"report.pdf", "Q3 results (final).csv", "..hidden.png", "a..b.gif", "报告.pdf",
                " spaced.pdf "}) {
            assertEquals(Optional.empty(), UploadName.problem(name), name);
        }
    }

    @Test
    void pathsAreRefused() {
        for (String name : new String[] {"../../etc/passwd.pdf", "a/b.pdf", "..\\..\\x.png", "C:\\temp\\x.csv", "/x.pdf",
                "..", ".", "dir\\", " .. "}) {
            assertEquals(Optional.of(Problem.PATH), UploadName.problem(name), name);
        }
    }

    @Test
    void controlCharactersAndEmptyNamesAreRefused() {
        assertEquals(Optional.of(Problem.CONTROL), UploadName.problem("evil\u0000.pdf"));
        assertEquals(Optional.of(Problem.CONTROL), UploadName.problem("two\nlines.pdf"));
        assertEquals(Optional.of(Problem.CONTROL), UploadName.problem("bell\u0007.csv"));
        assertEquals(Optional.of(Problem.MISSING), UploadName.problem(null));
        assertEquals(Optional.of(Problem.MISSING), UploadName.problem(""));
        assertEquals(Optional.of(Problem.MISSING), UploadName.problem(" \u3000 "));
    }

    @Test
    void refusedNamesAreQuotedSafely() {
        assertEquals("../../etc/passwd.pdf", UploadName.shown("../../etc/passwd.pdf"));
        assertEquals("evil?.pdf", UploadName.shown("evil\u0000.pdf"));
        assertEquals("invoice?fdp.exe", UploadName.shown("invoice\u202Efdp.exe"), "no right-to-left trick");
        String shown = UploadName.shown("x".repeat(500) + ".pdf");
        assertEquals(120, shown.length());
    }
}
