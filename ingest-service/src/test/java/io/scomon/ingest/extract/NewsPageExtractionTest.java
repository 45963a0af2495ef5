package io.scomon.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class NewsPageExtractionTest {

  private static ExtractedArticle only(ExtractedPage page) {
    assertThat(page.isForum()).isFalse();
    assertThat(page.articles()).hasSize(1);
    return page.first();
  }

  @Test
  void readsInterviewWithMetadataFromJsonLdAndKeepsItsSubheading() {
    ExtractedArticle a = only(Fixtures.extract("news-interview.html",
        "https://capitalherald.example.pk/national/2021/06/03/x"));

    assertThat(a.title())
        .isEqualTo("Afghan conflict can only be solved through political dialogue, says SCO chief");
    assertThat(a.authors()).containsExactly("Nadia Rahman");
    assertThat(a.published().toLocalDate()).isEqualTo(LocalDate.of(2021, 6, 3));
    assertThat(a.publishedAt()).hasToString("2021-06-03T04:15:00Z");
    assertThat(a.siteName()).isEqualTo("Daily Capital Herald");
    assertThat(a.languageHint()).isEqualTo("en-PK");
    assertThat(a.canonicalUrl()).isEqualTo(
        "https://capitalherald.example.pk/national/2021/06/03/afghan-conflict-political-dialogue-sco");
    assertThat(a.body())
        .startsWith("ISLAMABAD – Secretary-General of the Shanghai Cooperation Organization (SCO)")
        .contains("The next high-level meeting of the liaison group will be held in Dushanbe in July this year.")
        .contains("\n\nPakistan, India addition to SCO Club welcomed\n\n")
        .endsWith("criminal situation in Afghanistan.");
    assertThat(a.body()).doesNotContain("Share this story", "Facebook", "WhatsApp",
        "Advertisement", "Buy gold coins", "Leave a Reply", "roadmap works", "Most Read",
        "Petrol prices", "Subscribe to our newsletter", "We use cookies", "All rights reserved",
        "Tags:", "Photo: file", "Contact us");
    assertThat(a.isForumPost()).isFalse();
  }

  @Test
  void separatesParagraphsByOneBlankLine() {
    ExtractedArticle a = only(Fixtures.extract("sco-secretariat.html", ""));

    assertThat(a.body().split("\n\n")).hasSize(9);
    assertThat(a.body()).doesNotContain("\n\n\n");
    assertThat(a.body().split("\n\n")[1]).isEqualTo("Foreign Minister of Afghanistan Mohammad "
        + "Haneef Atmar attended the event together with the foreign ministers of the SCO member "
        + "states and the heads of permanent SCO bodies.");
  }

  @Test
  void readsSecretariatItemWithDateFromTimeElementAndNoAuthor() {
    ExtractedArticle a = only(Fixtures.extract("sco-secretariat.html",
        "http://eng.sectsco.org/news/20210714/782358.html"));

    assertThat(a.title()).isEqualTo(
        "SCO Secretary-General attends meeting of the SCO-Afghanistan Contact Group in Dushanbe");
    assertThat(a.published().toLocalDate()).isEqualTo(LocalDate.of(2021, 7, 14));
    assertThat(a.authors()).isEmpty();
    assertThat(a.body())
        .startsWith("On 14 July 2021, SCO Secretary-General Vladimir Norov visited Dushanbe")
        .contains("free from terrorism, war and narcotic drugs");
    assertThat(a.body()).doesNotContain("14.07.2021", "Other news", "Print version",
        "film festival", "About SCO", "Ritan Road", "Русский");
  }

  @Test
  void dropsReadAlsoWidgetFromStateAgencyReport() {
    ExtractedArticle a = only(Fixtures.extract("khovar-read-also.html", ""));

    assertThat(a.title()).isEqualTo("Dushanbe Hosts SCO Security Council Secretaries Meeting");
    assertThat(a.published().toLocalDate()).isEqualTo(LocalDate.of(2021, 6, 24));
    assertThat(a.body())
        .startsWith("DUSHANBE, 24.06.2021 (NIAT Khovar) – Yesterday, the Secretary of the Security "
            + "Council of Tajikistan Nasrullo Mahmudzoda chaired")
        .contains("Secretary of the Russian Security Council Nikolai Patrushev")
        .endsWith("in relation to terrorists, separatists and extremists was confirmed.");
    assertThat(a.body()).doesNotContain("Read also", "Wang Yi", "Dushanbe Water Process",
        "Latest news", "Cotton harvest", "Telegram", "1,204 views");
  }

  @Test
  void rejoinsWordsSplitByMarkupSoftHyphensAndZeroWidthCharacters() {
    ExtractedArticle a = only(Fixtures.extract("qna-split-words.html", ""));

    assertThat(a.title()).isEqualTo("Shanghai Cooperation Organization: Prominent Role in "
        + "Confronting Threats to Peace and Security -1-");
    assertThat(a.published().toLocalDate()).isEqualTo(LocalDate.of(2024, 7, 3));
    assertThat(a.body())
        .contains("balanced", "China but also serves", "unique opportunity to delve",
            "transnational organized crime", "good neighborly relations",
            "Shanghai Cooperation Organization (SCO) continues", "cultural heritage")
        .doesNotContain("\u00AD", "\u200B", "\u200D", "ba lanced", "Ch ina", "o pportunity",
            "Share on X", "Related Articles", "Amir receives")
        .startsWith("The Shanghai Cooperation Organization (SCO) continues to coordinate");
  }

  @Test
  void readsRussianPageWithRussianDateAndReadAlsoWidget() {
    ExtractedArticle a = only(Fixtures.extract("russian-news.html", ""));

    assertThat(a.title())
        .isEqualTo("В Душанбе прошло заседание секретарей советов безопасности стран ШОС");
    assertThat(a.languageHint()).isEqualTo("ru");
    assertThat(a.authors()).containsExactly("Ирина Петрова");
    assertThat(a.published().toLocalDate()).isEqualTo(LocalDate.of(2021, 6, 24));
    assertThat(a.body())
        .startsWith("Секретарь Совета безопасности Таджикистана Насрулло Махмудзода")
        .contains("незаконному обороту наркотиков")
        .endsWith("которое состоится 16–17 сентября в Душанбе.")
        .doesNotContain("Читайте также", "Лавров", "Популярное", "ВКонтакте");
    assertThat(a.siteName()).isEqualTo("Новости Азии");
  }

  @Test
  void readsChinesePageWithChineseDateAndTitleWithoutChannelSuffix() {
    ExtractedArticle a = only(Fixtures.extract("chinese-news.html", ""));

    assertThat(a.title()).isEqualTo("上海合作组织成员国外长理事会会议在杜尚别举行");
    assertThat(a.languageHint()).isEqualTo("zh-CN");
    assertThat(a.published().toLocalDate()).isEqualTo(LocalDate.of(2021, 7, 14));
    assertThat(a.body())
        .startsWith("当地时间7月14日，上海合作组织成员国外长理事会会议在塔吉克斯坦首都杜尚别举行。")
        .contains("支持“阿人主导、阿人所有”的和平和解进程")
        .doesNotContain("相关新闻", "王毅会见", "热点推荐", "台风");
  }

  @Test
  void leavesTheInputDocumentUntouched() {
    Document doc = Fixtures.page("news-interview.html", "https://capitalherald.example.pk/a");
    String before = doc.outerHtml();

    PageExtractor.extract(doc, ExtractionHints.NONE);

    assertThat(doc.outerHtml()).isEqualTo(before);
  }

  @Test
  void returnsAnEmptyBodyForAPageWithoutText() {
    ExtractedPage page = PageExtractor.extract(
        org.jsoup.Jsoup.parse("<html><head><title>Empty</title></head><body></body></html>"),
        ExtractionHints.NONE);

    assertThat(page.first().title()).isEqualTo("Empty");
    assertThat(page.first().body()).isEmpty();
    assertThat(page.first().published()).isNull();
  }
}
