package io.scomon.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForumExtractionTest {

  private static List<String> authors(ExtractedPage page) {
    return page.articles().stream().map(a -> String.join(",", a.authors())).toList();
  }

  @Test
  void readsVBulletinSinglePostWithoutUserChrome() {
    ExtractedPage page = Fixtures.extract("vbulletin-single-post.html",
        "https://www.cssforum.example.com.pk/showpost.php?p=1012345&postcount=1");

    assertThat(page.forumEngine()).isEqualTo("vbulletin");
    assertThat(page.articles()).hasSize(1);
    ExtractedArticle post = page.first();
    assertThat(post.authors()).containsExactly("Sheikh Arham");
    assertThat(post.postNumber()).isEqualTo(1);
    assertThat(post.postId()).isEqualTo("1012345");
    assertThat(post.published().toLocalDate()).isEqualTo(LocalDate.of(2020, 7, 2));
    assertThat(post.threadTitle())
        .isEqualTo("The Role of the SCO in Counteracting Threats to Peace and Security");
    assertThat(post.postUrl()).isEqualTo(
        "https://www.cssforum.example.com.pk/showpost.php?p=1012345&postcount=1");
    assertThat(post.body())
        .startsWith("The Shanghai Cooperation Organization (SCO) was established as a multilateral "
            + "association to ensure security")
        .contains("\n\nSCO Expansion – the Organization’s Capacity-building\n\n")
        .contains("prevent 20 terrorist attacks while still in the planning stages")
        .endsWith("to combat this severe global threat.");
    assertThat(post.body()).doesNotContain("Join Date", "Banned", "is offline", "Posts: 31",
        "Thanked 13 Times", "Reply With Quote", "distinguished road", "Location: Lahore",
        "__________", "courage to continue", "View Single Post", "Default");
    assertThat(post.isForumPost()).isTrue();
  }

  @Test
  void splitsVBulletinThreadIntoOnePostEachWithNumbersAndNoSignatures() {
    ExtractedPage page = Fixtures.extract("vbulletin-thread.html",
        "https://www.regionalforum.example.com/showthread.php?t=98765");

    assertThat(page.forumEngine()).isEqualTo("vbulletin");
    assertThat(authors(page)).containsExactly("karachi_observer", "TashkentTrader", "Aftab Ahmed");
    assertThat(page.articles()).extracting(ExtractedArticle::postNumber).containsExactly(1, 2, 3);
    assertThat(page.articles()).extracting(ExtractedArticle::postId)
        .containsExactly("2101", "2102", "2103");
    assertThat(page.articles().get(2).published())
        .hasToString("2021-06-17T20:05Z");
    assertThat(page.articles().get(1).body()).isEqualTo(
        "Membership matters less than the transport agreements. The international road transport "
            + "agreement signed in 2014 already cut our border waiting times.\n\n"
            + "What our exporters need is the Uzbekistan–Kyrgyzstan–China railway.");
    assertThat(page.articles()).allSatisfy(a -> {
      assertThat(a.threadTitle()).isEqualTo("Will the Dushanbe summit finally admit Iran?");
      assertThat(a.threadUrl()).isEqualTo(
          "https://www.regionalforum.example.com/showthread.php?t=98765");
      assertThat(a.body()).doesNotContain("Pakistan Zindabad", "Silk Road logistics",
          "Join Date", "Senior Member", "Reply With Quote", "Similar Threads");
    });
  }

  @Test
  void readsPhpBbThreadWithPostTimesAndWithoutProfilesOrSignatures() {
    ExtractedPage page = Fixtures.extract("phpbb-thread.html",
        "https://forum.centralasia.example.org/viewtopic.php?t=3300");

    assertThat(page.forumEngine()).isEqualTo("phpbb");
    assertThat(authors(page)).containsExactly("steppe_analyst", "Bishkek_Blogger", "mirzo");
    assertThat(page.articles()).extracting(ExtractedArticle::postId)
        .containsExactly("3301", "3302", "3307");
    assertThat(page.first().published()).hasToString("2021-07-15T06:02:11Z");
    assertThat(page.first().threadTitle()).isEqualTo("SCO-Afghanistan contact group in Dushanbe");
    assertThat(page.articles().get(2).postUrl())
        .isEqualTo("https://forum.centralasia.example.org/viewtopic.php?p=3307#p3307");
    assertThat(page.first().body()).isEqualTo(
        "The contact group meeting in Dushanbe was the first with the Afghan foreign minister "
            + "since the withdrawal began.\nNorov asked for a joint programme against terrorism, "
            + "separatism and extremism for 2022-2024.");
    assertThat(page.articles()).allSatisfy(a -> assertThat(a.body())
        .doesNotContain("Views are my own", "mirzo from Khujand", "Joined:", "Posts:",
            "Quote", "Top", "Re: SCO"));
  }

  @Test
  void readsXenForoThreadKeepingQuotesButNotUserDetailsOrSignatures() {
    ExtractedPage page = Fixtures.extract("xenforo-thread.html",
        "https://eurasia-forum.example.net/threads/iran-joins-the-sco.777/");

    assertThat(page.forumEngine()).isEqualTo("xenforo");
    assertThat(authors(page)).containsExactly("Gulnara", "Rustam_T", "DelhiDesk");
    assertThat(page.articles()).extracting(ExtractedArticle::postNumber).containsExactly(1, 2, 3);
    assertThat(page.articles()).extracting(ExtractedArticle::postId)
        .containsExactly("5001", "5002", "5004");
    assertThat(page.articles().get(2).published()).hasToString("2021-09-18T08:15+05:30");
    assertThat(page.first().threadTitle()).isEqualTo("Iran joins the SCO");
    assertThat(page.articles().get(1).postUrl())
        .isEqualTo("https://eurasia-forum.example.net/threads/iran-joins-the-sco.777/post-5002");
    assertThat(page.articles().get(1).body())
        .contains("Gulnara said:")
        .endsWith("Pakistan and India needed two summits to finish the memorandum of obligations.")
        .doesNotContain("Click to expand");
    assertThat(page.articles()).allSatisfy(a -> assertThat(a.body())
        .doesNotContain("Eurasian Studies Society", "Joined", "Messages", "Well-known member",
            "Like", "Reply", "Share"));
  }

  @Test
  void readsDiscourseCrawlerViewWithPositionsAndBylines() {
    ExtractedPage page = Fixtures.extract("discourse-thread.html",
        "https://talk.eurasia.example.org/t/sco-afghanistan-contact-group-meets-in-dushanbe/4242");

    assertThat(page.forumEngine()).isEqualTo("discourse");
    assertThat(authors(page)).containsExactly("norov_watch", "opium_routes", "caspian_cable");
    assertThat(page.articles()).extracting(ExtractedArticle::postNumber).containsExactly(1, 2, 3);
    assertThat(page.first().threadTitle())
        .isEqualTo("SCO-Afghanistan Contact Group meets in Dushanbe");
    assertThat(page.first().byline()).isEqualTo("norov_watch\nJuly 14, 2021, 8:30am");
    assertThat(page.articles().get(1).body()).isEqualTo("They agreed to keep the roadmap of "
        + "subsequent actions, which includes joint work against drug trafficking along the "
        + "northern route.");
    assertThat(page.articles()).allSatisfy(a -> assertThat(a.body())
        .doesNotContain("Likes", "next page", "Powered by"));
  }

  @Test
  void readsNewsPagesAsSingleArticlesNotAsForums() {
    for (String name : List.of("news-interview.html", "sco-secretariat.html",
        "khovar-read-also.html", "qna-split-words.html", "russian-news.html",
        "chinese-news.html")) {
      ExtractedPage page = Fixtures.extract(name, "https://news.example.org/2021/story");
      assertThat(page.isForum()).as(name).isFalse();
      assertThat(page.articles()).as(name).hasSize(1);
    }
  }
}
