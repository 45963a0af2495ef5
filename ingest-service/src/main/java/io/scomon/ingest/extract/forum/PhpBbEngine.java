package io.scomon.ingest.extract.forum;

import org.jsoup.nodes.Document;

/** phpBB 3 ({@code div.post} with {@code postbody}/{@code postprofile}) and phpBB 2 tables. */
final class PhpBbEngine extends MarkupForumEngine {

  PhpBbEngine() {
    super(new ForumMarkup(
        ".post .postbody .content, .postbody > .content, td.postbody > .postbody,"
            + " span.postbody",
        ".postprofile a.username, .postprofile a.username-coloured, .author a.username,"
            + " .author a.username-coloured, .author strong, .username, .username-coloured,"
            + " .name, b.postauthor",
        ".author time[datetime], time[datetime], p.author, .author, .postdetails",
        null,
        ForumMarkup.COMMON_CHROME + ", .notice, .post-buttons",
        ".author a[href*=#p], h3 a[href*=#p], a[href*=viewtopic][href*=#p], a[href*=#p]"));
  }

  @Override
  public String name() {
    return "phpbb";
  }

  @Override
  public boolean recognises(Document doc) {
    return doc.selectFirst("body#phpbb, #phpbb, .postprofile + .postbody, .postbody + .postprofile,"
        + " div.post.has-profile, .post .postbody .content") != null;
  }
}
