package io.scomon.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.scomon.ingest.source.LinkPattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class PageLinksTest {

  @Test
  void sectionLinksAreThoseMatchingThePatternOnceEach() {
    Document doc = Jsoup.parse("""
        <nav><a href="/ria/politics/">Политика</a><a href="/ria/docs/about/">О проекте</a></nav>
        <div class="list">
          <a href="/ria/20210714/shos-afganistan-dushanbe.html"><img src="x.jpg"></a>
          <a href="/ria/20210714/shos-afganistan-dushanbe.html#comments">Главы МИД стран ШОС</a>
          <a href="https://ria.ru/20210713/lavrov.html">Лавров прибыл в Душанбе</a>
        </div>""", "https://ria.ru/ria/politics/");

    var found = PageLinks.matching(doc, LinkPattern.regex("https://ria\\.ru/(ria/)?\\d{8}/[a-z-]+\\.html"));

    assertThat(found).extracting(Discovered::url).containsExactly(
        "https://ria.ru/ria/20210714/shos-afganistan-dushanbe.html", "https://ria.ru/20210713/lavrov.html");
    assertThat(found.get(0).title()).isEqualTo("Главы МИД стран ШОС");
  }

  @Test
  void boardThreadsAreFoundWithoutAPatternAndPageVariantsAreSkipped() {
    Document doc = Jsoup.parse("""
        <a href="showthread.php?t=4711" id="thread_title_4711">SCO and the Afghan drug trade</a>
        <a href="showthread.php?t=4711&amp;page=2">2</a>
        <a href="showthread.php?goto=lastpost&amp;t=4711">last</a>
        <a href="member.php?u=12">Zarina_K</a>
        <a href="https://defence.pk/pdf/threads/sco-summit-2024.781234/">SCO summit 2024</a>
        <a href="https://meta.discourse.example/t/sco-and-brics/1234">Discourse topic</a>
        """, "https://www.cssforum.com.pk/forum/forumdisplay.php?f=12");

    assertThat(PageLinks.threads(doc, null)).extracting(Discovered::url).containsExactly(
        "https://www.cssforum.com.pk/forum/showthread.php?t=4711",
        "https://defence.pk/pdf/threads/sco-summit-2024.781234/",
        "https://meta.discourse.example/t/sco-and-brics/1234");
  }

  @Test
  void theNextPageOfAThreadIsItsRelNextLink() {
    Document doc = Jsoup.parse("""
        <div class="pagenav"><a class="smallfont" href="showthread.php?t=4711&amp;page=1">1</a>
        <a rel="next" class="smallfont" href="showthread.php?t=4711&amp;page=2" title="Next Page">&gt;</a></div>
        """, "https://www.cssforum.com.pk/forum/showthread.php?t=4711");

    assertThat(PageLinks.nextPage(doc)).contains("https://www.cssforum.com.pk/forum/showthread.php?page=2&t=4711");
  }

  @Test
  void aNextLinkToAnotherSiteOrToItselfIsIgnored() {
    Document doc = Jsoup.parse("<link rel=\"next\" href=\"https://evil.example/page2\">"
        + "<a rel=\"next\" href=\"showthread.php?t=9\">self</a>", "https://forum.example/showthread.php?t=9");

    assertThat(PageLinks.nextPage(doc)).isEmpty();
  }
}
