package io.scomon.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class TitleFinderTest {

  private static String title(String head, String body) {
    return PageExtractor.extract(
        Jsoup.parse("<html><head>" + head + "</head><body>" + body + "</body></html>",
            "https://news.example.org/a"),
        ExtractionHints.NONE).first().title();
  }

  @Test
  void stripsSiteNameSuffixFromTitleElement() {
    assertThat(TitleFinder.stripSite("SCO summit opens in Astana | The Daily Star", "The Daily Star"))
        .isEqualTo("SCO summit opens in Astana");
    assertThat(TitleFinder.stripSite("How the SCO admitted Iran | Cookshack", null))
        .isEqualTo("How the SCO admitted Iran");
    assertThat(TitleFinder.stripSite("Reuters - SCO summit opens in Astana", "Reuters"))
        .isEqualTo("SCO summit opens in Astana");
  }

  @Test
  void takesTheLongestPartOfATitleSplitInThree() {
    assertThat(TitleFinder.stripSite(
        "CSS Forums - View Single Post - The Role of the SCO in Counteracting Threats", null))
        .isEqualTo("The Role of the SCO in Counteracting Threats");
  }

  @Test
  void prefersTheHeadlineThatMetadataConfirms() {
    assertThat(title("<title>SCO foreign ministers meet | Asia Daily</title>"
            + "<meta property='og:title' content='SCO foreign ministers meet'>",
        "<header><h1 class='logo'>Asia Daily</h1></header><article><h1>SCO foreign ministers "
            + "meet</h1><p>Text of the story that is long enough to be a paragraph.</p></article>"))
        .isEqualTo("SCO foreign ministers meet");
  }

  @Test
  void dropsForumPrefixLabelsBeforeTheThreadTitle() {
    assertThat(title("<meta property='og:title' content='Iran joins the SCO'>",
        "<h1><span class='label'>News</span> Iran joins the SCO</h1>"))
        .isEqualTo("Iran joins the SCO");
  }

  @Test
  void fallsBackToTheFeedTitleWhenThePageHasNone() {
    ExtractedPage page = PageExtractor.extract(Jsoup.parse("<p>Only text here.</p>"),
        ExtractionHints.fromFeed(null, "Title from the feed"));
    assertThat(page.first().title()).isEqualTo("Title from the feed");
  }
}
