package io.scomon.ingest.extract.forum;

/**
 * Where an engine keeps the parts of a post, as CSS selectors evaluated inside each post.
 *
 * @param body the post's own text (its matches, outermost first, are the posts)
 * @param author user name
 * @param time element with the post time ({@code datetime}, {@code title} or text)
 * @param number element with the post number ("#3", {@code name="3"}, {@code content="3"})
 * @param chrome user chrome and signatures to remove from the body
 * @param permalink link to the single post
 */
public record ForumMarkup(
    String body, String author, String time, String number, String chrome, String permalink) {

  static final String COMMON_AUTHOR = "[itemprop=author] [itemprop=name], .owner .user-details a,"
      + " [data-username], [itemprop=author],"
      + " [data-author], .username, .author-name, .post-author, .author a, .author,"
      + " a[href*=member], a[href*=/u/], a[href*=profile], a[href*=/user]";
  static final String COMMON_TIME = ".owner .relativetime, [itemprop=dateCreated],"
      + " time[datetime], [itemprop=datePublished], [data-time],"
      + " [data-timestamp], .date, .post-date, .postdate, .time, [class*=date],"
      + " a[href*=#p], a[href*=#post], a[href*=/post-]";
  static final String SIGNATURES = ".signature, .signaturecontainer, .message-signature,"
      + " .postbit-signature, .sig, aside[class*=signature]";
  static final String COMMON_CHROME = ".signature, .signaturecontainer, .message-signature,"
      + " .post-signature, .sig, [class*=signature], .bbCodeBlock-expandLink,"
      + " .js-selectToQuoteEnd, .postfoot, .post-footer, .post-controls,"
      + " .post-actions, .reactionsBar, .likes, .post-menu-area, .reply-to-tab, .quote-controls,"
      + " .user-info, .userinfo, .postprofile, .message-userDetails, button, .message-lastEdit,"
      + " [class*=lastEdit], [class*=last-edit], [class*=edited], .editedby";
}
