package io.scomon.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class ExtractionHintsTest {

  private static final String PAGE = "<html><head><title>Generic title</title></head><body>"
      + "<div class='story'><h2 class='hl'>Hinted headline</h2>"
      + "<span class='who'>Aziz Karimov</span><span class='when'>2021-09-17</span>"
      + "<p>First paragraph of the story, long enough to count as real text for a reader.</p>"
      + "<p class='promo'>Subscribe to our channel for more news.</p>"
      + "<p>Second paragraph of the story, also long enough to count as real text.</p></div>"
      + "<div class='other'><p>Unrelated block with much more text than the story itself, so "
      + "that the generic scoring would rather pick it: lorem ipsum dolor sit amet, consectetur "
      + "adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua, ut "
      + "enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip.</p>"
      + "</div></body></html>";

  @Test
  void usesTheCallersSelectorsWhenTheyMatch() {
    ExtractionHints hints = new ExtractionHints(".story", ".hl", ".who", ".when",
        List.of(".promo", ".hl", ".who", ".when"), null, null);

    ExtractedArticle a = PageExtractor.extract(Jsoup.parse(PAGE), hints).first();

    assertThat(a.title()).isEqualTo("Hinted headline");
    assertThat(a.authors()).containsExactly("Aziz Karimov");
    assertThat(a.published().toLocalDate()).isEqualTo(LocalDate.of(2021, 9, 17));
    assertThat(a.body()).isEqualTo("First paragraph of the story, long enough to count as real "
        + "text for a reader.\n\nSecond paragraph of the story, also long enough to count as real "
        + "text.");
  }

  @Test
  void fallsBackToTheFeedDateWhenThePageHasNone() {
    Instant feed = Instant.parse("2021-09-18T06:00:00Z");

    ExtractedArticle a = PageExtractor.extract(Jsoup.parse(PAGE),
        ExtractionHints.fromFeed(feed, null)).first();

    assertThat(a.publishedAt()).isEqualTo(feed);
  }

  @Test
  void hasNoHintsByDefault() {
    assertThat(ExtractionHints.NONE.bodySelector()).isNull();
    assertThat(ExtractionHints.NONE.removeSelectors()).isEmpty();
  }
}
