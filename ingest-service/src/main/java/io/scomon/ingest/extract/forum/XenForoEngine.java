package io.scomon.ingest.extract.forum;

import org.jsoup.nodes.Document;

/** XenForo 1 and 2: {@code message--post} articles with {@code bbWrapper} bodies. */
final class XenForoEngine extends MarkupForumEngine {

  XenForoEngine() {
    super(new ForumMarkup(
        ".message-body .bbWrapper, .message-content .bbWrapper, .messageContent .messageText,"
            + " blockquote.messageText",
        ".message-name .username, h4.message-name, .message-userDetails .username,"
            + " .messageUserInfo .username, .username",
        ".message-attribution-main time, time.u-dt, .DateTime, time[datetime]",
        ".message-attribution-opposite li:last-child a, .message-attribution-opposite a,"
            + " .postNumber",
        ForumMarkup.COMMON_CHROME + ", .message-userExtras, .message-lastEdit,"
            + " .js-selectToQuoteEnd, .message-footer",
        ".message-attribution-main a[href*=post-], a[href*=/post-], a.datePermalink"));
  }

  @Override
  public String name() {
    return "xenforo";
  }

  @Override
  public boolean recognises(Document doc) {
    return doc.selectFirst("html#XF, .message--post .bbWrapper, li.message .messageText,"
        + " .message-body .bbWrapper") != null;
  }
}
