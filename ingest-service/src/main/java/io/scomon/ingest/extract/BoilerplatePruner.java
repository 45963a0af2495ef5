package io.scomon.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * First cleaning stage: removes from a (copied) document what can never be article text:
 * scripts, forms controls, hidden elements, navigation, and blocks whose class or id names them
 * as chrome (share bars, related links, comments, ads...). An element holding a large share of
 * the page's text is kept whatever its name says, so a badly named content wrapper survives.
 */
final class BoilerplatePruner {

  private static final Set<String> ALWAYS = Set.of(
      "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
      "button", "select", "textarea", "input", "link", "meta", "map", "dialog", "head", "math",
      "label", "audio", "video", "source", "track", "picture");

  private static final Set<String> CHROME_TAGS = Set.of("nav", "footer", "aside", "menu");

  /** Above this share of the page's text an element is never dropped by its name alone. */
  private static final double MAX_SHARE = 0.45;

  private BoilerplatePruner() {}

  /** Removes boilerplate from {@code body} in place; {@code body} must be a private copy. */
  static void prune(Element body, boolean keepComments) {
    prune(body, keepComments, false, new ClassNames());
  }

  /**
   * Removes boilerplate from {@code body} in place. With {@code broad} (pages that are not
   * stories) a header holding plain text is kept: on product and service pages it is the pitch.
   */
  static void prune(Element body, boolean keepComments, boolean broad, ClassNames names) {
    TextStats stats = TextStats.of(body);
    int total = Math.max(1, stats.chars(body));
    List<Element> doomed = new ArrayList<>();
    collect(body, stats, total, keepComments, broad, names, doomed);
    for (Element e : doomed) {
      e.remove();
    }
  }

  /** Removes scripts, styles and hidden elements only (the forum path's cleaning). */
  static void removeInvisible(Element body) {
    if (body == null) {
      return;
    }
    List<Element> doomed = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      String tag = e.normalName();
      if (tag.equals("script") || tag.equals("style") || tag.equals("template")
          || isHidden(e)) {
        doomed.add(e);
      }
    }
    for (Element e : doomed) {
      e.remove();
    }
  }

  private static void collect(Element e, TextStats stats, int total, boolean keepComments,
      boolean broad, ClassNames names, List<Element> doomed) {
    for (Element child : e.children()) {
      if (isBoilerplate(child, stats, total, keepComments, names)
          && !(broad && isTextHeader(child, stats))) {
        doomed.add(child);
      } else {
        collect(child, stats, total, keepComments, broad, names, doomed);
      }
    }
  }

  private static boolean isTextHeader(Element e, TextStats stats) {
    return e.normalName().equals("header") && stats.linkDensity(e) < 0.3
        && stats.chars(e) >= 100;
  }

  static boolean isBoilerplate(
      Element e, TextStats stats, int total, boolean keepComments, ClassNames names) {
    String tag = e.normalName();
    if (ALWAYS.contains(tag)) {
      return true;
    }
    if (isHidden(e) && stats.chars(e) < total * MAX_SHARE) {
      return true;
    }
    double share = (double) stats.chars(e) / total;
    if (CHROME_TAGS.contains(tag)) {
      return share < MAX_SHARE || stats.linkDensity(e) > 0.5;
    }
    if (tag.equals("header")) {
      return stats.paragraphs(e) < 2 || share < 0.1;
    }
    String role = e.attr("role");
    if (role.equals("navigation") || role.equals("banner") || role.equals("contentinfo")
        || role.equals("complementary") || role.equals("search") || role.equals("menu")) {
      return share < MAX_SHARE;
    }
    String ci = Boilerplate.classAndId(e);
    if (ci.isEmpty() || tag.equals("body") || tag.equals("html") || tag.equals("article")
        || tag.equals("main")) {
      return false;
    }
    if (keepComments && ci.contains("comment")) {
      return false;
    }
    if (names.isChromeBlock(ci, stats.chars(e), stats.linkDensity(e))
        && !names.isBodyContainer(e)) {
      return share < MAX_SHARE || Boilerplate.isConsentName(ci);
    }
    return false;
  }

  private static boolean isHidden(Element e) {
    if (e.hasAttr("hidden") || "true".equals(e.attr("aria-hidden"))) {
      return true;
    }
    String style = e.attr("style");
    if (!style.isEmpty()) {
      String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
      if (s.contains("display:none") || s.contains("visibility:hidden")) {
        return true;
      }
    }
    String cls = e.className();
    if (!cls.isEmpty()) {
      for (String c : e.classNames()) {
        if (c.equals("hidden") || c.equals("hide") || c.equals("is-hidden")) {
          return true;
        }
      }
    }
    return false;
  }
}
