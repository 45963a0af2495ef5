package io.scomon.ingest.extract.forum;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Fallback for other boards and Q&A sites: repeated post bodies marked up with schema.org
 * microdata ({@code DiscussionForumPosting}, {@code Comment}, {@code Answer}) or with the class
 * names most boards use ({@code post-body}, {@code postbody}, {@code message-body},
 * {@code data-post-id} containers...). A page counts as a thread when it has at least two such
 * bodies and says it is a discussion (schema.org type or thread-like URL), or has three or more
 * and does not declare itself a news article.
 */
final class GenericForumEngine extends MarkupForumEngine {

  /** Post-body markers, most specific first; the first group found on the page is used. */
  static final List<String> BODY_GROUPS = List.of(
      ".js-post-body",
      "[data-role=commentContent]",
      ".message-body .bbWrapper, .bbWrapper",
      ".postmsg",
      ".post-body, .postbody, .post_body, .post-message, .post_message, .postmessage,"
          + " .message-body, .messageText, .post-text, .posttext, .forum-post-body,"
          + " .post__body, .Post-body, .reply-content",
      "[slot=text-body], [slot=comment], .usertext-body",
      "[data-post-id] .content, [data-post-id] .post-content",
      "[itemtype*=DiscussionForumPosting] [itemprop=text],"
          + " [itemtype*=DiscussionForumPosting] [itemprop=articleBody],"
          + " [itemtype*=Comment] [itemprop=text], [itemtype*=Answer] [itemprop=text],"
          + " [itemtype*=Question] [itemprop=text]",
      ".message-content, .ipsComment_content");

  static final String BODIES = String.join(", ", BODY_GROUPS);

  GenericForumEngine() {
    super(markupFor(BODIES));
  }

  private static ForumMarkup markupFor(String bodies) {
    return new ForumMarkup(
        bodies,
        ForumMarkup.COMMON_AUTHOR,
        ForumMarkup.COMMON_TIME,
        "[itemprop=position], .post-number, .postNumber, .post-count, .postcounter",
        ForumMarkup.COMMON_CHROME,
        "a[href*=#post], a[href*=/post-], a[href*=#p], a[href*=#comment], a[href*=/posts/]");
  }

  @Override
  ForumMarkup markup(Document doc) {
    String fallback = null;
    for (String group : BODY_GROUPS) {
      int n = outermost(doc.select(group)).size();
      if (n >= 2) {
        return markupFor(group);
      }
      if (n == 1 && fallback == null) {
        fallback = group;
      }
    }
    return markupFor(fallback == null ? BODIES : fallback);
  }

  @Override
  public String name() {
    return "generic";
  }

  @Override
  public boolean recognises(Document doc) {
    if (saysFaq(doc)) {
      return false; // question/answer markup of an FAQ section, not a thread
    }
    int n = outermost(doc.select(BODIES)).size();
    if (n < 2) {
      return n == 1 && saysDiscussion(doc);
    }
    return saysDiscussion(doc) || (n >= 3 && !saysNewsArticle(doc));
  }

  private static boolean saysFaq(Document doc) {
    if (doc.selectFirst("[itemtype*=FAQPage]") != null) {
      return doc.selectFirst("[itemtype*=QAPage], [itemtype*=DiscussionForumPosting]") == null;
    }
    for (Element s : doc.select("script[type=application/ld+json]")) {
      String d = s.data();
      if (d.contains("FAQPage") && !d.contains("QAPage")
          && !d.contains("DiscussionForumPosting")) {
        return true;
      }
    }
    return false;
  }

  private static boolean saysDiscussion(Document doc) {
    if (doc.selectFirst("[itemtype*=DiscussionForumPosting], [itemtype*=QAPage]") != null) {
      return true;
    }
    for (Element s : doc.select("script[type=application/ld+json]")) {
      String d = s.data();
      if (d.contains("DiscussionForumPosting") || d.contains("QAPage")) {
        return true;
      }
    }
    String url = doc.location().toLowerCase(Locale.ROOT);
    return url.contains("/thread") || url.contains("/topic") || url.contains("viewtopic")
        || url.contains("showthread") || url.contains("/t/") || url.contains("/questions/")
        || url.contains("/comments/") || url.contains("/forum") || url.contains("/discussion");
  }

  private static boolean saysNewsArticle(Document doc) {
    for (Element s : doc.select("script[type=application/ld+json]")) {
      String d = s.data();
      if (d.contains("NewsArticle") || d.contains("\"Article\"") || d.contains("BlogPosting")) {
        return true;
      }
    }
    Element type = doc.selectFirst("meta[property=og:type]");
    return type != null && type.attr("content").toLowerCase(Locale.ROOT).contains("article");
  }
}
