package io.scomon.ingest.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Picks the element(s) holding the main text of a pruned page, by text-density scoring: every
 * paragraph-like block gives points for its length and commas to its ancestors (less the further
 * up), containers named like article bodies get a bonus, and each score is discounted by the
 * share of link text. The best container is returned together with the siblings that score
 * almost as well (stories split over several wrappers).
 */
final class ContentSelector {

  private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "td", "blockquote", "li",
      "h2", "h3", "h4", "dd");

  private ContentSelector() {}

  /**
   * The chosen containers in document order; empty when the page has no scorable text. With
   * {@code broad} (pages that are not stories: products, services, listings) the container
   * grows until it holds most of the page's paragraph text.
   */
  static List<Element> select(Element body, boolean broad) {
    return select(body, broad, new ClassNames());
  }

  static List<Element> select(Element body, boolean broad, ClassNames names) {
    TextStats stats = TextStats.of(body);
    Map<Element, double[]> scores = new IdentityHashMap<>();
    Map<Element, int[]> textChars = new IdentityHashMap<>();
    List<Element> candidates = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      int len = blockChars(e, stats);
      if (len < 25) {
        continue;
      }
      for (Element a = PARAGRAPHS.contains(e.normalName()) ? e.parent() : e; a != null;
          a = a.parent()) {
        textChars.computeIfAbsent(a, k -> new int[1])[0] += len;
        if (a == body) {
          break;
        }
      }
      double points = 1 + Math.min(stats.commas(e), 20) + Math.min(len / 100.0, 3);
      if (e.normalName().equals("li") || e.normalName().equals("dd")) {
        points *= 0.5;
      }
      // a container with loose text is itself the paragraph's home
      Element anc = PARAGRAPHS.contains(e.normalName()) ? e.parent() : e;
      for (int level = 0; anc != null && level < 5; level++, anc = anc.parent()) {
        double[] s = scores.get(anc);
        if (s == null) {
          s = initial(anc, names);
          scores.put(anc, s);
          candidates.add(anc);
        }
        s[0] += level == 0 ? points : level == 1 ? points / 2 : points / (level * 3);
        if (anc == body) {
          break;
        }
      }
    }
    Element best = null;
    double bestScore = 0;
    // in first-scored order, so that ties always go the same way
    for (Element c : candidates) {
      double[] s = scores.get(c);
      double f = s[0] * (1 - stats.linkDensity(c));
      s[1] = f;
      if (f > bestScore) {
        bestScore = f;
        best = c;
      }
    }
    if (best == null) {
      return List.of();
    }
    best = climb(best, textChars, stats, body);
    best = withRepeats(best, body, names);
    if (broad) {
      int[] all = textChars.get(body);
      while (best.parent() != null && best != body && all != null
          && textChars.getOrDefault(best, new int[1])[0] < all[0] * 0.8) {
        best = best.parent();
      }
    }
    return withSiblings(best, scores, stats);
  }

  /** Characters a block contributes as a paragraph, or 0 when it is not paragraph-like. */
  private static int blockChars(Element e, TextStats stats) {
    String tag = e.normalName();
    if (PARAGRAPHS.contains(tag)) {
      return stats.chars(e) - stats.linkChars(e);
    }
    if (tag.equals("div") || tag.equals("section") || tag.equals("span") || tag.equals("font")
        || tag.equals("article")) {
      // a container with loose text of its own counts for that text only
      int own = 0;
      for (Node n : e.childNodes()) {
        if (n instanceof TextNode t) {
          own += t.text().strip().length();
        } else if (n instanceof Element c && !TextRenderer.isBlock(c.normalName())
            && !c.normalName().equals("a") && !PARAGRAPHS.contains(c.normalName())
            && !c.normalName().equals("br")) {
          own += stats.chars(c) - stats.linkChars(c);
        }
      }
      return own;
    }
    return 0;
  }

  private static double[] initial(Element e, ClassNames names) {
    double s;
    switch (e.normalName()) {
      case "article" -> s = 10;
      case "main" -> s = 5;
      case "div", "section" -> s = 5;
      case "pre", "td", "blockquote" -> s = 3;
      case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> s = -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> s = -5;
      default -> s = 0;
    }
    if (names.isBodyContainer(e)) {
      s += 40;
    } else {
      String ci = Boilerplate.classAndId(e);
      if (names.isNegative(ci)) {
        s -= 25;
      }
      if (names.isPositive(ci)) {
        s += 25;
      }
    }
    return new double[] {s, 0};
  }

  /**
   * Moves up from the best element while the parent holds clearly more paragraph text (not
   * just more links): a story split over many sibling blocks is then taken whole.
   */
  private static Element climb(
      Element best, Map<Element, int[]> textChars, TextStats stats, Element body) {
    Element cur = best;
    while (cur.parent() != null && cur.parent() != body) {
      Element p = cur.parent();
      int[] pt = textChars.get(p);
      int[] ct = textChars.get(cur);
      if (pt == null || ct == null) {
        break;
      }
      double ld = stats.linkDensity(p);
      if (pt[0] >= ct[0] * 1.25 && ld <= Math.max(0.3, stats.linkDensity(cur) + 0.1)) {
        cur = p;
      } else if (pt[0] == ct[0] && stats.chars(p) < stats.chars(cur) * 1.1) {
        cur = p; // a bare wrapper
      } else {
        break;
      }
    }
    return cur;
  }

  /**
   * When the chosen element is one of several content blocks of the same class (posts of a
   * thread, entries of a blog page), their closest common ancestor holds the text.
   */
  private static Element withRepeats(Element best, Element body, ClassNames names) {
    if (!names.isBodyContainer(best) || best.className().isEmpty()) {
      return best;
    }
    Element common = best;
    int repeats = 0;
    for (Element e : body.getElementsByClass(best.classNames().iterator().next())) {
      if (e != best && e.className().equals(best.className()) && !isInside(e, best)
          && !isInside(best, e)) {
        common = commonAncestor(common, e);
        repeats++;
      }
    }
    return repeats == 0 || common == null || common == body.parent() ? best : common;
  }

  private static boolean isInside(Element e, Element ancestor) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static Element commonAncestor(Element a, Element b) {
    for (Element p = a; p != null; p = p.parent()) {
      if (p == b || isInside(b, p)) {
        return p;
      }
    }
    return null;
  }

  private static List<Element> withSiblings(
      Element best, Map<Element, double[]> scores, TextStats stats) {
    Element parent = best.parent();
    List<Element> chosen = new ArrayList<>();
    if (parent == null) {
      chosen.add(best);
      return chosen;
    }
    double[] own = scores.get(best);
    double bestScore = own == null ? 0 : own[1];
    for (Element c : best.children()) {
      double[] cs = scores.get(c);
      if (cs != null) {
        bestScore = Math.max(bestScore, cs[1]);
      }
    }
    double threshold = Math.max(10, bestScore * 0.2);
    String bestClass = best.className();
    for (Element sib : parent.children()) {
      if (sib == best) {
        chosen.add(sib);
        continue;
      }
      double bonus = !bestClass.isEmpty() && bestClass.equals(sib.className()) ? bestScore * 0.2 : 0;
      double[] s = scores.get(sib);
      if (s != null && s[1] + bonus >= threshold) {
        chosen.add(sib);
      } else if (sib.normalName().equals("p")) {
        int len = stats.chars(sib);
        double ld = stats.linkDensity(sib);
        if ((len > 80 && ld < 0.25) || (len > 0 && ld == 0 && endsSentence(sib))) {
          chosen.add(sib);
        }
      }
    }
    return chosen;
  }

  private static boolean endsSentence(Element p) {
    String t = p.text();
    return t.length() > 20 && (t.endsWith(".") || t.endsWith("。") || t.endsWith("!")
        || t.endsWith("?") || t.endsWith("»") || t.endsWith("\""));
  }
}
