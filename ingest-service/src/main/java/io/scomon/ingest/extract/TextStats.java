package io.scomon.ingest.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text measures of every element of a subtree, computed bottom-up in one pass so that the
 * scoring stages never call {@code Element.text()} on nested elements (which would be quadratic).
 * Counts are of visible non-space characters.
 */
final class TextStats {

  /** Per element: [chars, chars inside links, commas, paragraphs]. */
  private final Map<Element, int[]> stats = new IdentityHashMap<>();

  private TextStats() {}

  /** Measures {@code root} and everything below it. */
  static TextStats of(Element root) {
    TextStats s = new TextStats();
    NodeTraversor.traverse(s.new Counter(), root);
    return s;
  }

  int chars(Element e) {
    int[] v = stats.get(e);
    return v == null ? 0 : v[0];
  }

  int linkChars(Element e) {
    int[] v = stats.get(e);
    return v == null ? 0 : v[1];
  }

  int commas(Element e) {
    int[] v = stats.get(e);
    return v == null ? 0 : v[2];
  }

  /** Number of {@code <p>} elements with some text in the subtree. */
  int paragraphs(Element e) {
    int[] v = stats.get(e);
    return v == null ? 0 : v[3];
  }

  /** Share of the element's text that sits inside links (0 when it has no text). */
  double linkDensity(Element e) {
    int[] v = stats.get(e);
    return v == null || v[0] == 0 ? 0 : (double) v[1] / v[0];
  }

  private final class Counter implements NodeVisitor {
    private int linkDepth;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof Element e) {
        stats.put(e, new int[4]);
        if (e.normalName().equals("a")) {
          linkDepth++;
        }
      } else if (node instanceof TextNode t && t.parent() != null) {
        int[] v = stats.get(t.parent());
        if (v == null) {
          return;
        }
        String s = t.getWholeText();
        int chars = 0;
        int commas = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
          char c = s.charAt(i);
          if (!TextNormalizer.isSpace(c) && !TextNormalizer.isInvisible(c)) {
            chars++;
            if (c == ',' || c == '，' || c == '、' || c == '،') {
              commas++;
            }
          }
        }
        v[0] += chars;
        v[2] += commas;
        if (linkDepth > 0) {
          v[1] += chars;
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e) {
        int[] v = stats.get(e);
        if (e.normalName().equals("a")) {
          linkDepth--;
        }
        if (e.normalName().equals("p") && v[0] > 0) {
          v[3]++;
        }
        if (e.parent() != null) {
          int[] pv = stats.get(e.parent());
          if (pv != null) {
            for (int i = 0; i < 4; i++) {
              pv[i] += v[i];
            }
          }
        }
      }
    }
  }
}
