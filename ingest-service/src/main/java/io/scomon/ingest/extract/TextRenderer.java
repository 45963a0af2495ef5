package io.scomon.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Renders an element as plain text the way a reader sees it: each block (paragraph, heading, list
 * item, quote, table row...) becomes its own paragraph, paragraphs are separated by one blank
 * line, a {@code <br>} starts a new line, and inline markup adds no space, so a word split by
 * stray tags ({@code ba<span>lanced</span>}) is whole again. One pass over the subtree.
 */
final class TextRenderer {

  private static final Set<String> BLOCKS = Set.of(
      "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2",
      "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table",
      "thead", "tbody", "tfoot", "tr", "caption", "figure", "figcaption", "form", "fieldset",
      "address", "hr", "details", "summary", "center", "hgroup", "body", "html", "menu", "legend",
      "picture", "video", "audio", "noscript", "option", "dialog", "search");

  private static final Set<String> CELLS = Set.of("td", "th");

  private TextRenderer() {}

  static boolean isBlock(String tag) {
    return BLOCKS.contains(tag);
  }

  /** The element's text as paragraphs separated by blank lines. */
  static String render(Element root) {
    return String.join("\n\n", paragraphs(root));
  }

  /** The element's text as a list of paragraphs (lines inside one are joined by newlines). */
  static List<String> paragraphs(Element root) {
    Collector c = new Collector();
    NodeTraversor.traverse(c, root);
    c.flush();
    return c.out;
  }

  private static final class Collector implements NodeVisitor {
    final List<String> out = new ArrayList<>();
    final StringBuilder cur = new StringBuilder();
    int pre;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        if (pre > 0) {
          appendPre(t.getWholeText());
        } else {
          TextNormalizer.appendCollapsed(cur, t.getWholeText());
        }
      } else if (node instanceof Element e) {
        String tag = e.normalName();
        if (tag.equals("br")) {
          trimTrailingSpace();
          cur.append('\n');
        } else if (CELLS.contains(tag)) {
          if (cur.length() > 0 && cur.charAt(cur.length() - 1) != ' ') {
            cur.append(' ');
          }
        } else if (BLOCKS.contains(tag)) {
          flush();
        } else if (tag.equals("img") || tag.equals("input")) {
          if (cur.length() > 0 && cur.charAt(cur.length() - 1) != ' ') {
            cur.append(' ');
          }
        }
        if (tag.equals("pre") || tag.equals("textarea")) {
          pre++;
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e) {
        String tag = e.normalName();
        if (tag.equals("pre") || tag.equals("textarea")) {
          pre--;
        }
        if (BLOCKS.contains(tag)) {
          flush();
        } else if (CELLS.contains(tag)) {
          if (cur.length() > 0 && cur.charAt(cur.length() - 1) != ' ') {
            cur.append(' ');
          }
        }
      }
    }

    private void appendPre(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (TextNormalizer.isInvisible(c) && c != '\u0085') {
          continue;
        }
        if (c == '\r') {
          continue;
        }
        cur.append(c == '\u00A0' || c == '\t' ? ' ' : c);
      }
    }

    private void trimTrailingSpace() {
      int len = cur.length();
      while (len > 0 && cur.charAt(len - 1) == ' ') {
        len--;
      }
      cur.setLength(len);
    }

    void flush() {
      if (cur.length() == 0) {
        return;
      }
      tidy(cur, out, pre == 0);
      cur.setLength(0);
    }

    /**
     * Trims every line and adds the result to {@code out}; outside {@code <pre>} an empty line
     * (two {@code <br>} in a row) splits the text into separate paragraphs.
     */
    private static void tidy(CharSequence s, List<String> out, boolean splitOnBlankLines) {
      StringBuilder sb = new StringBuilder(s.length());
      int start = 0;
      int n = s.length();
      for (int i = 0; i <= n; i++) {
        if (i == n || s.charAt(i) == '\n') {
          int a = start;
          int b = i;
          while (a < b && s.charAt(a) == ' ') {
            a++;
          }
          while (b > a && s.charAt(b - 1) == ' ') {
            b--;
          }
          if (b > a) {
            if (sb.length() > 0) {
              sb.append('\n');
            }
            sb.append(s, a, b);
          } else if (splitOnBlankLines && sb.length() > 0 && i < n) {
            out.add(sb.toString());
            sb.setLength(0);
          }
          start = i + 1;
        }
      }
      if (sb.length() > 0) {
        out.add(sb.toString());
      }
    }
  }
}
