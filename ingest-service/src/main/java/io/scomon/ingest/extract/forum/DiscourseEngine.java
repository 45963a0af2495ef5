package io.scomon.ingest.extract.forum;

import org.jsoup.nodes.Document;

/** Discourse, as served to clients without JavaScript ({@code crawler-post} markup). */
final class DiscourseEngine extends MarkupForumEngine {

  DiscourseEngine() {
    super(new ForumMarkup(
        ".crawler-post [itemprop=text], .topic-body .cooked, .topic-post .cooked",
        ".creator [itemprop=name], .creator a, .names .username, .username",
        ".crawler-post-infos time, time.post-time, .post-date, time[datetime]",
        "[itemprop=position], .post-number",
        ForumMarkup.COMMON_CHROME + ", .crawler-linkback-list, .cooked-selection-barrier,"
            + " aside.onebox, .onebox-body",
        ".post-date a, a.post-date, a.widget-link.post-date"));
  }

  @Override
  public String name() {
    return "discourse";
  }

  @Override
  public boolean recognises(Document doc) {
    return generatorSays(doc, "discourse")
        || doc.selectFirst(".topic-body.crawler-post, .topic-post .cooked") != null;
  }
}
