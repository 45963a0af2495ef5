package io.scomon.enrich.tag;

import java.util.List;

/**
 * "A within N words of B": an occurrence of a {@code terms} phrase counts, with {@code weight},
 * only when a {@code near} phrase stands at most {@code within} tokens before or after it (e.g.
 * "drug" near "trafficking"). For Chinese, where tokens are characters, the window is doubled.
 */
public record Proximity(List<Term> terms, List<Term> near, int within, double weight) {

  public Proximity {
    terms = List.copyOf(terms);
    near = List.copyOf(near);
  }

  /** How the rule is shown in evidence, e.g. "drug ~4 trafficking". */
  static String label(String term, int within, String near) {
    return term + " ~" + within + " " + near;
  }
}
