package io.scomon.enrich.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.scomon.enrich.text.TextAnalyzer;
import io.scomon.schemas.Article;
import io.scomon.schemas.EnrichedArticle;
import io.scomon.schemas.Entity;
import io.scomon.schemas.EntityType;
import io.scomon.schemas.SourceType;
import io.scomon.schemas.SubscriptionFilters;
import io.scomon.schemas.TopicTag;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubscriptionIndexTest {

  private final SubscriptionIndex index = new SubscriptionIndex(new TextAnalyzer().lucene(), 100_000);

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void matchesInflectedRussianFormsAndHighlightsThem() {
    index.upsert(Subscriptions.subscription("ru-drugs", "наркотики AND Афганистан").build());

    List<SubscriptionMatch> matches = index.match(article("Борьба с наркотрафиком",
        "Министры обсудили контрабанду наркотиков из Афганистана и сотрудничество в рамках ШОС.", "ru"));

    assertThat(matches).singleElement().satisfies(m -> {
      assertThat(m.subscription().getId()).isEqualTo("ru-drugs");
      assertThat(m.matchedTerms()).containsExactly("наркотиков", "афганистана");
      assertThat(m.snippet()).contains("**наркотиков**").contains("**Афганистана**");
    });
  }

  @Test
  void matchesChineseTextAsAPhrase() {
    index.upsert(Subscriptions.subscription("zh-sco", "上合组织 AND 禁毒").build());

    assertThat(index.match(article("上合组织禁毒合作", "上合组织成员国加强禁毒合作，打击毒品走私。", "zh"))).hasSize(1);
    assertThat(index.match(article("组织", "上海的合作组织讨论了毒品问题。", "zh"))).isEmpty();
  }

  @Test
  void honoursProximityAndEnglishInflections() {
    index.upsert(Subscriptions.subscription("near", "\"opium trafficking\"~3").build());

    assertThat(index.match(article("Report", "Opium was trafficked across the border in large amounts.", "en"))).hasSize(1);
    assertThat(index.match(article("Report", "Opium prices rose. Months later, police described human trafficking "
        + "networks operating in another province far away.", "en"))).isEmpty();
  }

  @Test
  void changesBetweenTwoMatchesAreAppliedInOrderAndTheLastOneWins() {
    EnrichedArticle opium = article("Report", "Opium was seized near Dushanbe.", "en");
    index.upsert(Subscriptions.subscription("a", "opium").build());
    index.upsert(Subscriptions.subscription("b", "opium").build());
    index.remove("b");
    index.upsert(Subscriptions.subscription("c", "heroin").build());
    index.upsert(Subscriptions.subscription("c", "Dushanbe").build());
    assertThat(index.match(opium)).extracting(m -> m.subscription().getId()).containsExactlyInAnyOrder("a", "c");

    index.remove("a");
    index.upsert(Subscriptions.subscription("b", "seized").build());
    assertThat(index.match(opium)).extracting(m -> m.subscription().getId()).containsExactlyInAnyOrder("b", "c");
    assertThat(index.size()).isEqualTo(2);
  }

  @Test
  void appliesTopicLanguageAndCountryFilters() {
    index.upsert(Subscriptions.subscription("filtered", "SCO")
        .setFilters(SubscriptionFilters.newBuilder().setTopics(List.of("narcotics")).setLanguages(List.of("en"))
            .setCountries(List.of("AF")).setSourceIds(List.of()).setSourceTypes(List.of()).build()).build());

    EnrichedArticle tagged = article("SCO meeting", "The SCO discussed drug trafficking.", "en");
    tagged.setTopics(List.of(TopicTag.newBuilder().setName("narcotics").setScore(3.0).setEvidence(List.of()).build()));
    tagged.setEntities(List.of(Entity.newBuilder().setType(EntityType.COUNTRY).setId("AF").setName("Afghanistan").build()));
    EnrichedArticle untagged = article("SCO meeting", "The SCO discussed drug trafficking.", "en");

    assertThat(index.match(tagged)).hasSize(1);
    assertThat(index.match(untagged)).isEmpty();
  }

  @Test
  void forgetsDeletedAndInactiveSubscriptions() {
    index.upsert(Subscriptions.subscription("a", "terrorism").build());
    index.upsert(Subscriptions.subscription("b", "terrorism").build());
    index.remove("a");
    index.upsert(Subscriptions.subscription("b", "terrorism").setActive(false).build());

    assertThat(index.match(article("Terrorism", "Terrorism was discussed.", "en"))).isEmpty();
    assertThat(index.size()).isZero();
  }

  @Test
  void fuzzyTermsAndWildcardsInAnyCaseAreExpandedAgainstEachArticlesOwnWords() {
    index.upsert(Subscriptions.subscription("smuggling", "Smuggl* AND Dushanbe~1 NOT pharma*").build());

    assertThat(index.match(article("Border", "Opium smuggling rose near Dushanbe.", "en")))
        .singleElement().satisfies(m -> assertThat(m.matchedTerms()).containsExactly("smuggling", "dushanbe"));
    assertThat(index.match(article("Border", "Two smugglers were detained in Dushanbeh.", "en")))
        .singleElement().satisfies(m -> assertThat(m.matchedTerms()).containsExactly("smugglers", "dushanbeh"));
    assertThat(index.match(article("Border", "Smuggling in Dushanbe worries pharmacists.", "en"))).isEmpty();
  }

  @Test
  void bothBranchesOfAnOrAreHighlightedWhenBothMatch() {
    index.upsert(Subscriptions.subscription("either", "opium OR heroin").build());

    assertThat(index.match(article("Seizure", "Heroin and opium were seized.\n\n  Police said the heroin came from Badakhshan.",
        "en"))).singleElement().satisfies(m -> {
          assertThat(m.matchedTerms()).containsExactly("heroin", "opium");
          assertThat(m.snippet()).isEqualTo(
              "**Heroin** and **opium** were seized. Police said the **heroin** came from Badakhshan.");
        });
  }

  @Test
  void aPhraseIsHighlightedAsOneAndATitleOnlyMatchShowsTheTitle() {
    index.upsert(Subscriptions.subscription("phrase", "\"border security\"").build());
    index.upsert(Subscriptions.subscription("title", "title:summit").build());

    List<SubscriptionMatch> matches = index.match(article("SCO  summit\nin Astana",
        "Leaders discussed border security. " + "Trade was also on the agenda. ".repeat(10), "en"));

    assertThat(matches).extracting(m -> m.subscription().getId()).containsExactlyInAnyOrder("phrase", "title");
    SubscriptionMatch phrase = matches.stream().filter(m -> m.subscription().getId().equals("phrase")).findFirst().get();
    assertThat(phrase.matchedTerms()).containsExactly("border security");
    assertThat(phrase.snippet()).startsWith("Leaders discussed **border security**. Trade").endsWith(" …");
    SubscriptionMatch title = matches.stream().filter(m -> m.subscription().getId().equals("title")).findFirst().get();
    assertThat(title.snippet()).isEqualTo("SCO **summit** in Astana");
  }

  @Test
  void aChangedQueryIsMatchedAsChangedNotAsRemembered() {
    EnrichedArticle article = article("Report", "Opium was seized near Dushanbe.", "en");
    index.upsert(Subscriptions.subscription("s", "opium AND Dushanbe").build());
    assertThat(index.match(article)).hasSize(1);

    index.upsert(Subscriptions.subscription("s", "opium AND Kabul").build());
    assertThat(index.match(article)).isEmpty();
    index.upsert(Subscriptions.subscription("s", "seized AND Dushanbe").build());
    assertThat(index.match(article)).singleElement()
        .satisfies(m -> assertThat(m.matchedTerms()).containsExactly("seized", "dushanbe"));
  }

  @Test
  void wordsWithoutAFieldAreFoundInTitleOrBodyButAPhraseDoesNotRunFromOneIntoTheOther() {
    index.upsert(Subscriptions.subscription("either", "opium AND Dushanbe").build());
    index.upsert(Subscriptions.subscription("phrase", "\"Dushanbe opium\"").build());
    index.upsert(Subscriptions.subscription("body-only", "body:Dushanbe").build());

    List<SubscriptionMatch> matches = index.match(article("Seizure in Dushanbe", "Opium was seized at the border.", "en"));

    assertThat(matches).singleElement().satisfies(m -> {
      assertThat(m.subscription().getId()).isEqualTo("either");
      assertThat(m.matchedTerms()).containsExactly("dushanbe", "opium");
      assertThat(m.snippet()).isEqualTo("**Opium** was seized at the border.");
    });
    assertThat(index.match(article("Seizure", "Police in Dushanbe seized opium.", "en")))
        .extracting(m -> m.subscription().getId()).containsExactlyInAnyOrder("either", "body-only");
    assertThat(index.match(article("!!!", "Police in Dushanbe seized opium.", "en")))
        .filteredOn(m -> m.subscription().getId().equals("body-only")).singleElement()
        .satisfies(m -> assertThat(m.snippet()).isEqualTo("Police in **Dushanbe** seized opium."));
  }

  @Test
  void aBodyFieldOnlyInANegatedClauseIsStillIndexedAndFollowsTheSubscriptionsChanges() {
    index.upsert(Subscriptions.subscription("s", "opium -body:heroin").build());
    EnrichedArticle both = article("Seizure", "Opium and heroin were seized.", "en");
    EnrichedArticle heroinInTitle = article("Heroin", "Opium was seized.", "en");

    assertThat(index.match(both)).isEmpty();
    assertThat(index.match(heroinInTitle)).hasSize(1);

    index.upsert(Subscriptions.subscription("s", "opium").build()); // no subscription names body: any more
    assertThat(index.match(both)).hasSize(1);
    index.upsert(Subscriptions.subscription("s", "body:heroin").build());
    assertThat(index.match(both)).hasSize(1);
    assertThat(index.match(heroinInTitle)).isEmpty();
  }

  static EnrichedArticle article(String title, String body, String language) {
    Article article = Article.newBuilder()
        .setId("id-" + Math.abs(body.hashCode())).setCanonicalUrl("https://example.org/a").setUrl("https://example.org/a")
        .setSourceId("src").setSourceType(SourceType.NEWS).setTitle(title).setBody(body).setAuthors(List.of())
        .setFetchedAt(Instant.EPOCH).setContentHash("h").build();
    return EnrichedArticle.newBuilder().setArticle(article).setLanguage(language).setTopics(List.of())
        .setEntities(List.of()).setFingerprint(1L).setStoryId(article.getId()).setTaxonomyVersion("t")
        .setEnrichedAt(Instant.EPOCH).build();
  }
}
