package io.scomon.ingest.extract.forum;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One cheap pass over a page telling whether any forum engine could recognise it: class
 * names, ids and attributes that every supported board markup uses. Pages without any (most news
 * pages) skip the engines' own, costlier selector checks.
 */
final class ForumMarkers {

  private static final Set<String> CLASSES = Set.of("postbit", "postbitlegacy", "b-post",
      "postcontent", "postbody", "postprofile", "topic-body", "crawler-post", "cooked",
      "message--post", "messagetext", "bbwrapper", "message-body", "js-post-body", "post-body",
      "post_body", "post-message", "post_message", "postmessage", "post-text", "posttext",
      "forum-post-body", "post__body", "reply-content", "usertext-body", "message-content",
      "ipscomment_content", "postmsg", "topic-post");

  private ForumMarkers() {}

  /** Cheap test: every marker class contains one of these fragments. */
  private static boolean mayHold(String cls) {
    return cls.contains("post") || cls.contains("Post") || cls.contains("message")
        || cls.contains("Message") || cls.contains("topic") || cls.contains("cooked")
        || cls.contains("bbWrapper") || cls.contains("reply") || cls.contains("usertext")
        || cls.contains("ipsComment") || cls.contains("crawler") || cls.contains("b-post");
  }

  static boolean present(Document doc) {
    for (Element m : doc.getElementsByTag("meta")) {
      if (m.attr("name").equalsIgnoreCase("generator")) {
        String g = m.attr("content").toLowerCase(Locale.ROOT);
        if (g.contains("vbulletin") || g.contains("discourse")) {
          return true;
        }
      }
    }
    for (Element e : doc.getAllElements()) {
      if (e.hasAttr("data-post-id") || e.hasAttr("slot") || e.hasAttr("data-role")) {
        return true;
      }
      String itemtype = e.attr("itemtype");
      if (!itemtype.isEmpty() && (itemtype.contains("DiscussionForumPosting")
          || itemtype.contains("Comment") || itemtype.contains("Answer")
          || itemtype.contains("Question") || itemtype.contains("QAPage"))) {
        return true;
      }
      String id = e.id();
      if (!id.isEmpty() && (id.startsWith("post_message_") || id.equals("phpbb")
          || id.equals("XF"))) {
        return true;
      }
      String cls = e.className();
      if (!cls.isEmpty() && mayHold(cls)) {
        for (String c : cls.split("\\s+")) {
          if (CLASSES.contains(c.toLowerCase(Locale.ROOT))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
