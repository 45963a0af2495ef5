package io.scomon.enrich.text;

import java.util.Arrays;

/**
 * One field of an article after analysis: its tokens in order (the index is the position), each
 * with its normalised form, the offsets of its surface form in {@link #source()} and its script.
 * Immutable.
 */
public final class AnalyzedText {

  private final String source;
  private final String[] terms;
  private final int[] starts;
  private final int[] ends;
  private final Script[] scripts;

  AnalyzedText(String source, String[] terms, int[] starts, int[] ends, Script[] scripts) {
    this.source = source;
    this.terms = terms;
    this.starts = starts;
    this.ends = ends;
    this.scripts = scripts;
  }

  /** The text the offsets refer to: the input, bounded and with markup stripped. */
  public String source() {
    return source;
  }

  public int size() {
    return terms.length;
  }

  /** The normalised (lower-cased, stemmed) form of the token at {@code position}. */
  public String term(int position) {
    return terms[position];
  }

  /** The token as written in the source, e.g. "US" for the term "us". */
  public String surface(int position) {
    return source.substring(starts[position], ends[position]);
  }

  /** The source text from the first character of token {@code from} to the last of token {@code to - 1}. */
  public String surface(int from, int to) {
    return source.substring(starts[from], ends[to - 1]);
  }

  public Script script(int position) {
    return scripts[position];
  }

  /** The normalised terms, e.g. for building a phrase key. */
  public String[] terms() {
    return terms.clone();
  }

  /** The number of letters of the given script over all tokens. */
  public int letterCount(Script script) {
    int count = 0;
    for (int i = 0; i < terms.length; i++) {
      if (scripts[i] == script) {
        count += ends[i] - starts[i];
      }
    }
    return count;
  }

  @Override
  public String toString() {
    return Arrays.toString(terms);
  }
}
