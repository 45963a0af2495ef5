package io.scomon.ingest.extract.forum;

import io.scomon.ingest.extract.DateParser;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Reads posts from markup described by a {@link ForumMarkup}: each outermost body match is one
 * post; its container is the largest ancestor holding no other post, and author, time, number,
 * id and permalink are looked up in that container outside the post text (so a quoted user name
 * is never taken for the author).
 */
abstract class MarkupForumEngine implements ForumEngine {

  private static final Pattern ID = Pattern.compile(
      "(?i)(?:^|[^a-z])(?:post|p|js-post|post_message|postcontainer|elcomment|comment|answer"
          + "|question|entry|msg|message|reply|t3|t1|thing)[-_]?(\\d+)$");
  private static final Pattern DIGITS = Pattern.compile("(\\d+)");
  private static final Pattern NUMBER = Pattern.compile("^\\s*#?\\s*(\\d{1,6})\\s*$");

  private final ForumMarkup markup;

  MarkupForumEngine(ForumMarkup markup) {
    this.markup = markup;
  }

  /** The markup to read this page with; engines that choose per page override it. */
  ForumMarkup markup(Document doc) {
    return markup;
  }

  @Override
  public List<ForumPost> posts(Document doc) {
    ForumMarkup markup = markup(doc);
    // signatures can reuse the post-body markup; they must not count as posts
    doc.select(ForumMarkup.SIGNATURES).remove();
    List<Element> bodies = outermost(doc.select(markup.body()));
    Map<Element, Integer> counts = new IdentityHashMap<>();
    for (Element b : bodies) {
      for (Element p = b.parent(); p != null; p = p.parent()) {
        counts.merge(p, 1, Integer::sum);
      }
    }
    List<ForumPost> posts = new ArrayList<>();
    for (Element body : bodies) {
      Element container = body;
      while (container.parent() != null && counts.getOrDefault(container.parent(), 0) == 1) {
        container = container.parent();
      }
      posts.add(read(markup, body, container));
    }
    for (ForumPost p : posts) {
      p.content().select(markup.chrome()).remove();
    }
    return withoutRepeats(posts);
  }

  /**
   * Drops a post whose text repeats its neighbour's (boards that show the opening post twice,
   * as a preview and as the post), keeping the copy that carries more metadata.
   */
  private static List<ForumPost> withoutRepeats(List<ForumPost> posts) {
    List<ForumPost> out = new ArrayList<>(posts.size());
    String previous = null;
    for (ForumPost p : posts) {
      String text = p.content().text();
      if (text.equals(previous)) {
        ForumPost last = out.get(out.size() - 1);
        if (known(p) > known(last)) {
          out.set(out.size() - 1, p);
        }
        continue;
      }
      out.add(p);
      previous = text;
    }
    return out;
  }

  private static int known(ForumPost p) {
    return (p.author() == null ? 0 : 1) + (p.published() == null ? 0 : 1)
        + (p.postId() == null ? 0 : 1) + (p.number() == null ? 0 : 1);
  }

  private static ForumPost read(ForumMarkup markup, Element body, Element container) {
    Element authorEl = authorElement(markup, body, container);
    String author = authorEl == null ? null : nameOf(authorEl);
    boolean headerFirst = authorEl == null || precedes(authorEl, body);
    OffsetDateTime time = null;
    String timeText = null;
    for (Element t : inOrder(container, markup.time(), body)) {
      time = dateOf(t);
      if (time != null) {
        String shown = t.text().strip();
        timeText = shown.isEmpty() || shown.length() > 80 ? null : shown;
        break;
      }
    }
    Integer number = null;
    if (markup.number() != null) {
      for (Element n : inOrder(container, markup.number(), body)) {
        number = numberOf(n);
        if (number != null) {
          break;
        }
      }
    }
    String id = postId(body, container);
    String link = null;
    if (markup.permalink() != null) {
      for (Element a : inOrder(container, markup.permalink(), body)) {
        String href = a.absUrl("href");
        if (!href.isEmpty()) {
          link = href;
          break;
        }
      }
    }
    return new ForumPost(body, author, time, number, id, link, timeText, headerFirst);
  }

  /** The element naming the author: an attribute holder above the body, or a name element. */
  private static Element authorElement(ForumMarkup markup, Element body, Element container) {
    for (Element e = body; e != null; e = e.parent()) {
      if ((e.hasAttr("data-author") && !e.attr("data-author").isBlank())
          || (e.hasAttr("author") && !e.attr("author").isBlank())) {
        return e;
      }
      if (e == container) {
        break;
      }
    }
    for (Element a : inOrder(container, markup.author(), body)) {
      if (!nameOf(a).isEmpty() && nameOf(a).length() <= 60) {
        return a;
      }
    }
    return null;
  }

  private static String nameOf(Element a) {
    String name = a.hasAttr("data-author") ? a.attr("data-author")
        : a.hasAttr("author") ? a.attr("author")
        : a.hasAttr("data-username") ? a.attr("data-username")
        : a.hasAttr("content") && a.text().isBlank() ? a.attr("content") : a.text();
    return name.strip();
  }

  /** Whether {@code a} comes before {@code b} in document order ({@code b} not inside a). */
  static boolean precedes(Element a, Element b) {
    List<Element> pathA = new ArrayList<>();
    for (Element e = a; e != null; e = e.parent()) {
      pathA.add(0, e);
    }
    List<Element> pathB = new ArrayList<>();
    for (Element e = b; e != null; e = e.parent()) {
      pathB.add(0, e);
    }
    int i = 0;
    while (i < pathA.size() && i < pathB.size() && pathA.get(i) == pathB.get(i)) {
      i++;
    }
    if (i == pathA.size() || i == pathB.size()) {
      return i == pathA.size(); // one contains the other: the ancestor comes first
    }
    return pathA.get(i).elementSiblingIndex() < pathB.get(i).elementSiblingIndex();
  }

  /**
   * The post time: a machine-readable attribute, unless the text the board displays reads as
   * another calendar day (the board's own time zone), in which case the displayed time.
   */
  private static OffsetDateTime dateOf(Element t) {
    String shown = t.text();
    OffsetDateTime fromText = shown.length() <= 200 ? DateParser.parse(shown) : null;
    for (String attr : new String[] {"datetime", "content", "data-time", "data-timestamp",
        "title", "data-date"}) {
      if (t.hasAttr(attr)) {
        OffsetDateTime d = DateParser.parse(t.attr(attr));
        if (d != null) {
          return fromText != null && !fromText.toLocalDate().equals(d.toLocalDate())
              ? fromText : d;
        }
      }
    }
    return fromText;
  }

  private static Integer numberOf(Element n) {
    for (String v : new String[] {n.attr("content"), n.attr("name"), n.text()}) {
      Matcher m = NUMBER.matcher(v);
      if (m.matches()) {
        return Integer.valueOf(m.group(1));
      }
    }
    return null;
  }

  private static String postId(Element body, Element container) {
    for (Element e = body; e != null; e = e.parent()) {
      for (String attr : new String[] {"data-post-id", "data-postid", "data-pid",
          "data-answerid", "data-questionid", "data-node-id", "data-content", "id",
          "data-fullname", "thingid"}) {
        String v = e.attr(attr);
        if (v.isEmpty()) {
          continue;
        }
        Matcher m = attr.equals("id") || attr.equals("data-content") || attr.equals("thingid")
            || attr.equals("data-fullname") ? ID.matcher(v) : DIGITS.matcher(v);
        if (attr.equals("id") || attr.equals("data-content") || attr.equals("thingid")
            || attr.equals("data-fullname") ? m.find() : m.matches()) {
          return m.group(1);
        }
      }
      if (e == container) {
        break;
      }
    }
    return null;
  }

  /**
   * Matches of a selector list outside {@code body}, by selector priority first (the list's
   * order), then document order: {@code select("a, b")} alone would mix the two.
   */
  private static List<Element> inOrder(Element container, String selectors, Element body) {
    List<Element> out = new ArrayList<>();
    for (String sel : selectors.split(",")) {
      out.addAll(outside(container.select(sel.strip()), body));
    }
    return out;
  }

  /** The elements that are not inside {@code body}. */
  private static List<Element> outside(Elements found, Element body) {
    List<Element> out = new ArrayList<>(found.size());
    for (Element e : found) {
      if (!isInside(e, body)) {
        out.add(e);
      }
    }
    return out;
  }

  private static boolean isInside(Element e, Element ancestor) {
    for (Element p = e; p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** Drops matches nested in another match, keeping document order. */
  static List<Element> outermost(Elements found) {
    Map<Element, Boolean> set = new IdentityHashMap<>();
    for (Element e : found) {
      set.put(e, Boolean.TRUE);
    }
    List<Element> out = new ArrayList<>();
    for (Element e : found) {
      boolean nested = false;
      for (Element p = e.parent(); p != null; p = p.parent()) {
        if (set.containsKey(p)) {
          nested = true;
          break;
        }
      }
      if (!nested && !e.text().isBlank()) {
        out.add(e);
      }
    }
    return out;
  }

  /** Whether the generator meta tag names this software. */
  static boolean generatorSays(Document doc, String software) {
    for (Element m : doc.select("meta[name=generator]")) {
      if (m.attr("content").toLowerCase(java.util.Locale.ROOT).contains(software)) {
        return true;
      }
    }
    return false;
  }
}
