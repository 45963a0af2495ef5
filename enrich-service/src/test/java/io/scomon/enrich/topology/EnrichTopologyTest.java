package io.scomon.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.scomon.enrich.alert.SubscriptionIndex;
import io.scomon.schemas.Article;
import io.scomon.schemas.DeadLetter;
import io.scomon.schemas.EnrichedArticle;
import io.scomon.schemas.Entity;
import io.scomon.schemas.TopicTag;
import io.scomon.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichTopologyTest {

  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  private final List<String> deadLetterStages = new ArrayList<>();
  private final SubscriptionIndex subscriptions = new SubscriptionIndex(Articles.ANALYZER.lucene(), 100_000);
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> articles;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, DeadLetter> dlq;

  @BeforeEach
  void startDriver() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(EnrichTopology.build(Articles.shippedEnrichment(),
        5, 3, Clock.fixed(NOW, ZoneOffset.UTC), subscriptions,
        (event, detail) -> { if (event.equals("dead.letters")) deadLetterStages.add(detail); }), props);
    articles = driver.createInputTopic(Topics.ARTICLES.name(), new StringSerializer(), new ByteArraySerializer());
    enriched = driver.createOutputTopic(Topics.ARTICLES_ENRICHED.name(),
        Topics.ARTICLES_ENRICHED.keySerde().deserializer(), Topics.ARTICLES_ENRICHED.valueSerde().deserializer());
    dlq = driver.createOutputTopic(Topics.DLQ.name(), Topics.DLQ.keySerde().deserializer(), Topics.DLQ.valueSerde().deserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void tagsAnSecretariatReportWithItsTopicsEntitiesAndLanguage() {
    Article article = Articles.article("https://eng.sectsco.org/news/20210714/contact-group.html",
        "SCO Secretary-General attends SCO-Afghanistan Contact Group meeting in Dushanbe",
        Articles.resource("sco-afghanistan-contact-group.txt"));

    send(article);

    EnrichedArticle out = enriched.readValue();
    assertThat(out.getArticle()).isEqualTo(article);
    assertThat(out.getLanguage()).isEqualTo("en");
    assertThat(out.getTopics()).extracting(TopicTag::getName).contains("terrorism", "narcotics", "afghanistan");
    assertThat(out.getTopics()).allSatisfy(tag -> {
      assertThat(tag.getScore()).isPositive();
      assertThat(tag.getEvidence()).isNotEmpty();
    });
    assertThat(out.getEntities()).extracting(Entity::getId).contains("AF", "sco", "dushanbe", "vladimir-norov");
    assertThat(out.getEntities()).filteredOn(e -> e.getId().equals("AF")).singleElement()
        .satisfies(e -> assertThat(e.getMentions()).isGreaterThan(1));
    assertThat(out.getTaxonomyVersion()).isEqualTo(Articles.TAXONOMY.version());
    assertThat(out.getStoryId()).isEqualTo(article.getId());
    assertThat(out.getDuplicateOf()).isNull();
    assertThat(out.getFingerprint()).isNotZero();
    assertThat(out.getEnrichedAt()).isEqualTo(NOW);
    assertThat(dlq.isEmpty()).isTrue();
  }

  @Test
  void givesASyndicatedCopyOnAnotherSiteTheFirstArticlesStory() {
    String story = Articles.resource("khovar-report.txt");
    Article original = Articles.article("https://khovar.tj/eng/2021/07/sco-meeting/", "SCO foreign ministers meet", story);
    Article copy = Articles.article("https://news.example.org/world/sco-ministers-meet", "SCO ministers meet in Dushanbe",
        "DUSHANBE (Reuters-like wire) - " + story + "\nShare this article on social networks.");
    Article unrelated = Articles.article("https://eng.sectsco.org/news/other.html", "Contact group",
        Articles.resource("sco-afghanistan-contact-group.txt"));

    send(original);
    send(copy);
    send(unrelated);

    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).hasSize(3);
    assertThat(out.get(1).getStoryId()).isEqualTo(original.getId());
    assertThat(out.get(1).getDuplicateOf()).isEqualTo(original.getId());
    assertThat(out.get(2).getStoryId()).isEqualTo(unrelated.getId());
    assertThat(out.get(2).getDuplicateOf()).isNull();
  }

  @Test
  void keepsTheStoryOfAnArticleThatIsFetchedAgain() {
    String story = Articles.resource("khovar-report.txt");
    Article original = Articles.article("https://khovar.tj/eng/2021/07/sco-meeting/", "SCO foreign ministers meet", story);
    Article copy = Articles.article("https://news.example.org/world/sco-ministers-meet", "SCO ministers meet", story);
    send(original);
    send(copy);
    send(copy); // re-fetched or replayed

    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).extracting(EnrichedArticle::getStoryId).containsOnly(original.getId());
    assertThat(out.get(2).getDuplicateOf()).isEqualTo(original.getId());
  }

  @Test
  void comparesANewArticleWithTheLatestRememberedArticlesOnly() { // this driver remembers 3
    String story = Articles.resource("khovar-report.txt");
    Article original = Articles.article("https://khovar.tj/eng/2021/07/sco-meeting/", "SCO foreign ministers meet", story);
    send(original);
    send(Articles.article("https://news.example.org/a", "SCO ministers meet", story));
    send(Articles.article("https://eng.sectsco.org/news/other.html", "Contact group",
        Articles.resource("sco-afghanistan-contact-group.txt")));
    send(Articles.article("https://news.example.org/metro", "Tashkent metro",
        "The Tashkent metro opened three new stations on its circle line on Saturday, the city administration said. "
            + "Trains will run every seven minutes at peak hours, and fares stay unchanged until the end of the year. "
            + "Engineers from Uzbekistan and Kazakhstan built the tunnels in two years."));
    send(Articles.article("https://news.example.org/harvest", "Cotton harvest",
        "Farmers in the Fergana valley finished the cotton harvest two weeks early this autumn, helped by a dry "
            + "September. Regional officials expect exports to rise, while prices at local markets fell slightly "
            + "as growers sold their crop before the winter."));
    Article lateCopy = Articles.article("https://news.example.org/b", "SCO ministers meet", story);
    send(lateCopy);

    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).hasSize(6);
    assertThat(out.get(1).getDuplicateOf()).as("within the window").isEqualTo(original.getId());
    assertThat(out.get(5).getDuplicateOf()).as("the original and the first copy left the window").isNull();
    assertThat(out.get(5).getStoryId()).isEqualTo(lateCopy.getId());
  }

  @Test
  void deadLettersBytesThatAreNotAnArticleAndGoesOnWithTheNextRecord() {
    byte[] garbage = "<html>not avro</html>".getBytes(StandardCharsets.UTF_8);
    articles.pipeInput(new TestRecord<>("bad-key", garbage));
    Article good = Articles.article("https://eng.sectsco.org/news/good.html", "SCO", "Terrorism and drug trafficking.");
    send(good);

    DeadLetter letter = dlq.readValue();
    assertThat(letter.getService()).isEqualTo("enrich");
    assertThat(letter.getStage()).isEqualTo("decode");
    assertThat(letter.getReason()).contains("not an Avro single-object message").contains(Topics.ARTICLES.name());
    assertThat(letter.getSourceTopic()).isEqualTo(Topics.ARTICLES.name());
    assertThat(letter.getSourcePartition()).isZero();
    assertThat(letter.getSourceOffset()).isZero();
    assertThat(letter.getOriginalValue().array()).isEqualTo(garbage);
    assertThat(StandardCharsets.UTF_8.decode(letter.getOriginalKey()).toString()).isEqualTo("bad-key");
    assertThat(deadLetterStages).containsExactly("decode");
    assertThat(enriched.readValue().getArticle().getId()).isEqualTo(good.getId());
  }

  @Test
  void deadLettersAnArticleWhoseIdDiffersFromItsKey() {
    Article article = Articles.article("https://eng.sectsco.org/news/a.html", "SCO", "Text.");
    articles.pipeInput(new TestRecord<>("another-id", Topics.ARTICLES.valueSerde().serializer().serialize(Topics.ARTICLES.name(), article)));

    DeadLetter letter = dlq.readValue();
    assertThat(letter.getStage()).isEqualTo("validate");
    assertThat(letter.getReason()).contains("differs from the record key 'another-id'");
    assertThat(letter.getContext()).containsEntry("url", "https://eng.sectsco.org/news/a.html");
    assertThat(enriched.isEmpty()).isTrue();
  }

  @Test
  void enrichesAnEmptyArticleAsUndeterminedWithoutTopics() {
    Article empty = Articles.article("https://eng.sectsco.org/news/empty.html", "", "");

    send(empty);

    EnrichedArticle out = enriched.readValue();
    assertThat(out.getLanguage()).isEqualTo("und");
    assertThat(out.getTopics()).isEmpty();
    assertThat(out.getFingerprint()).isZero();
    assertThat(out.getStoryId()).isEqualTo(empty.getId());
  }

  private void send(Article article) {
    articles.pipeInput(new TestRecord<>(article.getId(), Topics.ARTICLES.valueSerde().serializer().serialize(Topics.ARTICLES.name(), article)));
  }
}
