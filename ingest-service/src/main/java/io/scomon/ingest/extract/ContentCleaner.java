package io.scomon.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Second cleaning stage, inside the chosen content: drops blocks made mostly of links (related
 * lists, tag clouds, share bars that carried no telling class), "Read also" widgets with the
 * links they introduce, and chrome named by class or id relative to the content's own size.
 */
final class ContentCleaner {

  private static final Set<String> LIST_LIKE = Set.of("ul", "ol", "dl", "div", "section", "table",
      "nav", "aside", "span", "form", "center", "header", "footer", "figure", "article");
  private static final Set<String> LINE_LIKE = Set.of("p", "li", "h2", "h3", "h4", "h5", "h6",
      "strong", "b", "em", "dt", "dd");

  private ContentCleaner() {}

  /** Cleans every root in place (they must belong to a private copy of the page). */
  static void clean(List<Element> roots, boolean keepComments) {
    clean(roots, keepComments, false, new ClassNames());
  }

  /**
   * Cleans every root in place. With {@code listing} (product, listing and service pages)
   * blocks of links are the content and stay.
   */
  static void clean(
      List<Element> roots, boolean keepComments, boolean listing, ClassNames names) {
    for (Element root : roots) {
      TextStats stats = TextStats.of(root);
      int total = Math.max(1, stats.chars(root));
      List<Element> doomed = new ArrayList<>();
      walk(root, root, stats, total, keepComments, listing, names, doomed);
      for (Element e : doomed) {
        e.remove();
      }
    }
  }

  private static void walk(Element root, Element e, TextStats stats, int total,
      boolean keepComments, boolean listing, ClassNames names, List<Element> doomed) {
    List<Element> children = e.children();
    for (int i = 0; i < children.size(); i++) {
      Element c = children.get(i);
      if (isChrome(c, stats, total, keepComments, listing, names)) {
        doomed.add(c);
        continue;
      }
      if (isRelatedWidgetLabel(c, stats)) {
        doomed.add(c);
        // the links the label introduces
        if (i + 1 < children.size()) {
          Element next = children.get(i + 1);
          if (stats.linkDensity(next) > 0.3 || next.normalName().equals("ul")
              || next.normalName().equals("ol")) {
            doomed.add(next);
            i++;
          }
        }
        continue;
      }
      walk(root, c, stats, total, keepComments, listing, names, doomed);
    }
  }

  private static boolean isChrome(
      Element e, TextStats stats, int total, boolean keepComments, boolean listing,
      ClassNames names) {
    String tag = e.normalName();
    if (tag.equals("figcaption")) {
      return true;
    }
    int chars = stats.chars(e);
    double ld = stats.linkDensity(e);
    if (chars > 0 && LIST_LIKE.contains(tag) && !(listing && chars >= 200)) {
      if (ld > 0.55 && chars < total * 0.5) {
        return true;
      }
    }
    if (!listing && LINE_LIKE.contains(tag) && chars > 0 && chars < 200 && ld > 0.9
        && stats.commas(e) == 0 && (tag.equals("li") || tag.startsWith("h"))) {
      return true;
    }
    String ci = Boilerplate.classAndId(e);
    if (!ci.isEmpty() && !(keepComments && ci.contains("comment"))
        && names.isChromeBlock(ci, chars, ld) && !names.isBodyContainer(e)
        && chars < total * 0.3) {
      return true;
    }
    return false;
  }

  /** A short block that only announces related links ("Read also", "Related", "Tags"...). */
  private static boolean isRelatedWidgetLabel(Element e, TextStats stats) {
    int chars = stats.chars(e);
    if (chars == 0 || chars > 250) {
      return false;
    }
    String text = e.text();
    if (Boilerplate.isRelatedLabel(text)) {
      return true;
    }
    // "Read also: <link to another story>" as one paragraph
    int colon = text.indexOf(':');
    if (colon > 0 && colon < 30 && stats.linkDensity(e) > 0.5
        && Boilerplate.isRelatedLabel(text.substring(0, colon))) {
      return true;
    }
    return false;
  }
}
