package dev.parley.messaging.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The faster highlighter (only the terms that can mark kept, the analysis of a long text stopped once
 * its snippet is known) marks and cuts exactly what the plain one-pass highlighter did: the same HTML
 * for every query shape on English, Chinese and mixed texts, short and long.
 */
class HighlighterEquivalenceTest {

    private static final String[] QUERIES = {"payout", "campaign review", "合作伙伴", "invoice", "\"holiday deadline\"",
        "病毒扫描", "pay*", "report from:sender", "pa*", "payout* 合作", "\"spring campaign\" pay*", "cafe", "e-mail",
        "co* ca* re*", "病毒", "the the", "has:attachment", "伙伴 pay*", "\"payout payout\"", "zzz", "ＰＡＹ*", "don't",
        "payout's", "1,000", "caf*", "ﾊﾟｲ", "パイ*", "\"合作伙伴 payout\"", "伙伴*", "re*"};

    private static List<String> texts() throws Exception {
        List<String> texts = new ArrayList<>();
        for (MessageDocument d : SearchIndexProbe.corpus(400)) {
            texts.add(d.subject());
            texts.add(d.body());
        }
        texts.add("");
        texts.add("   \t\n ");
        texts.add("Café  or\tCAFE\n\nthen   café, e-mail and email  ");
        texts.add("word ".repeat(100) + "the payout appears here " + "tail ".repeat(100) + " payout again");
        texts.add("x".repeat(150) + " payout" + " y".repeat(10) + "payoutpayout " + "z ".repeat(80));
        texts.add("病毒扫描病毒扫描病毒扫描".repeat(40) + " payout");
        texts.add("holiday ".repeat(30) + "holiday deadline ".repeat(30));
        texts.add(("合作伙伴的 campaign review " + "padding ".repeat(25)).repeat(30)); // longer than analyzed
        texts.add("\u2003 payout\u00A0campaign \u2003");
        texts.add("a <b>payout</b> & \"quotes\" 'single' " + "filler ".repeat(40) + "<payout>");
        texts.add("repay payout pay-out payouts PAYOUT Payout's don't don’t 1,000 1，000 ＰＡＹＯＵＴ ｐａｙ");
        texts.add("合作伙伴payout 合作伙伴 payout\t合作\u3000伙伴 ﾊﾟｲ パイ caféteria cafe\u0301 pay\u00ADout 😀payout pay😀");
        texts.add("y".repeat(600) + "payout " + "pay".repeat(100) + " payout");
        texts.add(("lorem ipsum " + "padding ".repeat(20) + "repay ").repeat(10) + "payout " + "end ".repeat(50));
        texts.add("PAYOUT\n\nreview\r\ncampaign\u000Breview\fcampaign review 病毒扫描 病毒 扫描");
        return texts;
    }

    @Test
    void marksAndSnippetsAreTheSameAsThePlainHighlighter() throws Exception {
        SearchAnalyzer analyzer = new SearchAnalyzer();
        int compared = 0;
        int marked = 0;
        for (String q : QUERIES) {
            ParsedQuery parsed = SearchQueryParser.parse(q);
            Highlighter fast = new Highlighter(analyzer, parsed);
            ReferenceHighlighter plain = new ReferenceHighlighter(analyzer, parsed);
            for (String t : texts()) {
                String whole = fast.whole(t);
                assertEquals(plain.whole(t), whole, () -> "whole, query " + q + ", text " + t);
                for (int length : new int[] {20, 80, SearchService.SNIPPET_LENGTH, 1000}) {
                    assertEquals(plain.snippet(t, length), fast.snippet(t, length),
                            () -> "snippet " + length + ", query " + q + ", text " + t);
                }
                compared++;
                if (whole.contains("<mark>")) {
                    marked++;
                }
            }
        }
        assertTrue(marked > 1000, "the texts hold matches of the queries: " + marked + " of " + compared);
    }

    @Test
    void whitespaceIsFoldedAsBefore() {
        for (String t : new String[] {"", " ", "a", " a ", "a  b", "a\tb", "a\r\n b\u000B\fc", "\u2003a\u2003 b\u00A0c\u2003",
            "a \u2003 b", "ab"}) {
            assertEquals(t.replaceAll("\\s+", " ").strip(), Highlighter.foldWhitespace(t), () -> "[" + t + "]");
        }
    }
}
