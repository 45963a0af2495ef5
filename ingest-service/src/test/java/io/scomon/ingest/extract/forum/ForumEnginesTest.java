package io.scomon.ingest.extract.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class ForumEnginesTest {

  private static final String QA_PAGE = "<html><head><title>How do SCO observers join?</title>"
      + "</head><body itemscope itemtype='https://schema.org/QAPage'>"
      + "<div class='question' data-questionid='101' itemprop='mainEntity' itemscope "
      + "itemtype='https://schema.org/Question'>"
      + "<div class='s-prose js-post-body' itemprop='text'><p>How does an observer state become a "
      + "full member of the SCO?</p></div>"
      + "<div class='comment-body' itemscope itemtype='https://schema.org/Comment'>"
      + "<span class='comment-copy' itemprop='text'>Good question.</span></div>"
      + "<div class='post-signature owner'><div class='user-action-time'>asked "
      + "<span title='2021-09-17 10:00:00Z' class='relativetime'>Sep 17, 2021 at 10:00</span></div>"
      + "<div class='user-details'><a href='/users/7/aziz'>aziz</a> 1,204</div></div></div>"
      + "<div class='answer' data-answerid='102' itemscope itemtype='https://schema.org/Answer'>"
      + "<div class='s-prose js-post-body' itemprop='text'><p>It signs a memorandum of "
      + "obligations and adopts the SCO's treaties, as India and Pakistan did in 2017.</p></div>"
      + "<div class='post-signature'><div class='user-details'><a href='/users/8/lena'>lena</a>"
      + "</div></div></div></body></html>";

  @Test
  void readsQuestionAndAnswersButNotCommentsOnAQuestionAndAnswerPage() {
    Document doc = Jsoup.parse(QA_PAGE, "https://qa.example.org/questions/101/x");

    ForumEngine engine = ForumEngines.detect(doc).orElseThrow();
    List<ForumPost> posts = engine.posts(doc);

    assertThat(engine.name()).isEqualTo("generic");
    assertThat(posts).extracting(ForumPost::postId).containsExactly("101", "102");
    assertThat(posts).extracting(ForumPost::author).containsExactly("aziz", "lena");
    assertThat(posts.get(0).published()).hasToString("2021-09-17T10:00Z");
    assertThat(posts.get(0).headerFirst()).isFalse();
    assertThat(posts.get(1).content().text()).startsWith("It signs a memorandum of obligations");
    assertThat(posts).noneMatch(p -> p.content().text().contains("Good question"));
  }

  @Test
  void doesNotTakeAnFaqSectionForAThread() {
    Document doc = Jsoup.parse("<html><body><article><h1>SCO explained</h1>"
        + "<p>The Shanghai Cooperation Organisation was founded in 2001 by six states.</p>"
        + "<div itemscope itemtype='https://schema.org/FAQPage'>"
        + "<div itemscope itemtype='https://schema.org/Question'><h3 itemprop='name'>Who?</h3>"
        + "<div itemscope itemtype='https://schema.org/Answer'><p itemprop='text'>Nine states."
        + "</p></div></div>"
        + "<div itemscope itemtype='https://schema.org/Question'><h3 itemprop='name'>Where?</h3>"
        + "<div itemscope itemtype='https://schema.org/Answer'><p itemprop='text'>Beijing."
        + "</p></div></div></div></article></body></html>", "https://news.example.org/sco");

    assertThat(ForumEngines.detect(doc)).isEmpty();
  }

  @Test
  void recognisesEnginesByMarkupNotByDomain() {
    Document vb = Jsoup.parse("<div id='post_message_1'>text</div>", "https://anything.example/");
    Document xf = Jsoup.parse("<html id='XF'><body><article class='message message--post'>"
        + "<div class='message-body'><div class='bbWrapper'>text</div></div></article></body>"
        + "</html>", "https://vbulletin.example/");

    assertThat(ForumEngines.detect(vb)).map(ForumEngine::name).contains("vbulletin");
    assertThat(ForumEngines.detect(xf)).map(ForumEngine::name).contains("xenforo");
    assertThat(ForumEngines.detect(Jsoup.parse("<p>An ordinary page.</p>"))).isEmpty();
  }

  @Test
  void tellsWhichOfTwoElementsComesFirst() {
    Document doc = Jsoup.parse("<div><p id='a'>a</p><section><p id='b'>b</p></section></div>");

    assertThat(MarkupForumEngine.precedes(doc.getElementById("a"), doc.getElementById("b")))
        .isTrue();
    assertThat(MarkupForumEngine.precedes(doc.getElementById("b"), doc.getElementById("a")))
        .isFalse();
  }
}
