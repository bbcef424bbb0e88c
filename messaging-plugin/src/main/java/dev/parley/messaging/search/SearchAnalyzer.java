package dev.parley.messaging.search;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * One analyzer for every language in the same field: Unicode word breaking (StandardTokenizer), full
 * and half width folded, lower case, accents folded, and Chinese, Japanese and Korean runs turned
 * into overlapping bigrams (as CJKAnalyzer, without stop words). A CJK word in a query thus becomes a
 * phrase of bigrams and matches only where its characters stand together, while English words
 * stay whole words. No stemming: "pleas" never stands for "please".
 */
public final class SearchAnalyzer extends Analyzer {

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new CJKWidthCharFilter(reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new CJKWidthCharFilter(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new LowerCaseFilter(source);
        ts = new ASCIIFoldingFilter(ts);
        ts = new CJKBigramFilter(ts);
        return new TokenStreamComponents(source, ts);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    /** Keeps phrases from matching across two values of a multi-valued field (subject, then body). */
    @Override
    public int getPositionIncrementGap(String fieldName) {
        return 100;
    }
}
