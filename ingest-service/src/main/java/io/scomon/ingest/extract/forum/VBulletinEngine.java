package io.scomon.ingest.extract.forum;

import org.jsoup.nodes.Document;

/** vBulletin 3, 4 and 5: {@code post_message_N} bodies, {@code postbit} layouts. */
final class VBulletinEngine extends MarkupForumEngine {

  VBulletinEngine() {
    super(new ForumMarkup(
        "[id^=post_message_], .postbit .postcontent, .postbitlegacy .postcontent,"
            + " .js-post__content-text",
        ".bigusername, a.username, .username, .popupmenu.memberaction a, .author a,"
            + " [itemprop=author]",
        ".postdate, .date, .b-post__timestamp, time[datetime], td.thead, .thead",
        "a[id^=postcount], a.postcounter, .postcounter, .b-post__count",
        ForumMarkup.COMMON_CHROME + ", .after_content, .postbitfoot",
        "a[href*=showpost], a.postcounter, a[href*=#post], a[id^=postcount]"));
  }

  @Override
  public String name() {
    return "vbulletin";
  }

  @Override
  public boolean recognises(Document doc) {
    return generatorSays(doc, "vbulletin")
        || doc.selectFirst("[id^=post_message_], li.postbit, li.postbitlegacy, .b-post") != null;
  }
}
