package io.scomon.enrich.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scomon.enrich.EnrichApp;
import io.scomon.enrich.config.EnrichConfig;
import io.scomon.infra.junit.KafkaCluster;
import io.scomon.infra.junit.RealKafka;
import io.scomon.schemas.Article;
import io.scomon.schemas.EnrichedArticle;
import io.scomon.schemas.SourceType;
import io.scomon.schemas.id.ArticleIds;
import io.scomon.schemas.topic.TopicProvisioner;
import io.scomon.schemas.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exactly-once across a restart of the app, on a real broker. */
@RealKafka
class ExactlyOnceIT {

  private static final int ARTICLES = 400;

  @TempDir Path stateDir;

  @Test
  void everyArticleAppearsExactlyOnceInTheCommittedOutputAcrossARestart(KafkaCluster kafka) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      new TopicProvisioner(admin, (short) 1).ensureAll();
    }
    List<Article> input = IntStream.range(0, ARTICLES).mapToObj(ExactlyOnceIT::article).toList();
    Set<String> ids = input.stream().map(Article::getId).collect(Collectors.toSet());
    EnrichConfig config = EnrichConfig.load(Map.of(
        "enrich.kafka.bootstrap-servers", kafka.bootstrapServers(),
        "enrich.application-id", "enrich-eos-it",
        "enrich.state-dir", stateDir.toString(),
        "enrich.http.port", "0",
        "enrich.api.enabled", "false",
        "enrich.commit-interval-ms", "200"));

    Article agencyStory = story("https://khovar.tj/eng/sco-ministers", Instant.parse("2025-01-02T00:00:00Z"));
    Article laterCopy = story("https://news.example.org/world/sco-ministers", Instant.parse("2025-01-03T00:00:00Z"));
    try (KafkaProducer<String, Article> producer = producer(kafka)) {
      produce(producer, List.of(agencyStory));
      produce(producer, input.subList(0, ARTICLES / 2));

      EnrichApp first = EnrichApp.start(config);
      await().atMost(Duration.ofSeconds(90)).until(() -> committedOutput(kafka, ids).size() >= ARTICLES / 8);
      await().atMost(Duration.ofSeconds(30)).until(() -> !committed(kafka, Set.of(agencyStory.getId())).isEmpty());
      produce(producer, input.subList(ARTICLES / 2, ARTICLES)); // more arrives while it runs
      first.close(); // stopped in the middle of the load

      EnrichApp second = EnrichApp.start(config);
      try {
        await().atMost(Duration.ofSeconds(30)).until(() -> second.state() == KafkaStreams.State.RUNNING);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
            .until(() -> committedOutput(kafka, ids).size() >= ARTICLES);
        // the story index of the restarted app is rebuilt from its stores: a copy finds the story seen before the restart
        produce(producer, List.of(laterCopy));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
            .until(() -> !committed(kafka, Set.of(laterCopy.getId())).isEmpty());
        EnrichedArticle copy = committed(kafka, Set.of(laterCopy.getId())).get(0);
        assertThat(copy.getDuplicateOf()).isEqualTo(agencyStory.getId());
        assertThat(copy.getStoryId()).isEqualTo(agencyStory.getId());
      } finally {
        second.close();
      }
    }

    List<String> output = committedOutput(kafka, ids);
    Map<String, Long> counts = output.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    assertThat(counts.keySet()).isEqualTo(ids);
    assertThat(counts.values()).as("no article twice in the committed output").containsOnly(1L);
  }

  /** Article ids of the output, read from the beginning with isolation.level=read_committed. */
  private static List<String> committedOutput(KafkaCluster kafka, Set<String> ids) {
    return committed(kafka, ids).stream().map(a -> a.getArticle().getId()).toList();
  }

  /** The enriched articles of the output with these ids, read from the beginning with isolation.level=read_committed. */
  private static List<EnrichedArticle> committed(KafkaCluster kafka, Set<String> ids) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<EnrichedArticle> seen = new ArrayList<>();
    try (KafkaConsumer<String, EnrichedArticle> consumer = new KafkaConsumer<>(props,
        Topics.ARTICLES_ENRICHED.keySerde().deserializer(), Topics.ARTICLES_ENRICHED.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES_ENRICHED.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, EnrichedArticle> r : consumer.poll(Duration.ofMillis(200))) {
          if (ids.contains(r.key())) {
            seen.add(r.value());
          }
        }
      }
    }
    return seen;
  }

  private static void produce(KafkaProducer<String, Article> producer, List<Article> articles) throws Exception {
    for (Article a : articles) {
      producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), a.getId(), a));
    }
    producer.flush();
  }

  private static KafkaProducer<String, Article> producer(KafkaCluster kafka) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.LINGER_MS_CONFIG, 5),
        Topics.ARTICLES.keySerde().serializer(), Topics.ARTICLES.valueSerde().serializer());
  }

  /** One agency story, as two sites publish it. */
  private static Article story(String url, Instant fetchedAt) {
    return Article.newBuilder()
        .setId(ArticleIds.ofUrl(url)).setCanonicalUrl(url).setUrl(url)
        .setSourceId("eos").setSourceType(SourceType.NEWS).setSiteName("EOS")
        .setTitle("SCO foreign ministers meet in Dushanbe")
        .setBody("Foreign ministers of the Shanghai Cooperation Organization met in Dushanbe on Wednesday to prepare "
            + "the heads of state summit. They discussed the situation in Afghanistan, the fight against drug "
            + "trafficking and new transport corridors between Central Asia and South Asia. The ministers signed a "
            + "plan on cooperation in emergencies and agreed to meet again in Tashkent next spring.")
        .setAuthors(List.of()).setPublishedAt(fetchedAt).setFetchedAt(fetchedAt).setContentHash("story")
        .build();
  }

  private static Article article(int i) {
    String url = "https://news.example.org/eos/" + i;
    return Article.newBuilder()
        .setId(ArticleIds.ofUrl(url)).setCanonicalUrl(url).setUrl(url)
        .setSourceId("eos").setSourceType(SourceType.NEWS).setSiteName("EOS")
        .setTitle("SCO security meeting " + i)
        .setBody("Delegations of the Shanghai Cooperation Organization discussed terrorism, extremism and drug "
            + "trafficking from Afghanistan in meeting number " + i + ". Regional security cooperation was agreed.")
        .setAuthors(List.of()).setPublishedAt(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i))
        .setFetchedAt(Instant.parse("2025-01-02T00:00:00Z")).setContentHash("h" + i)
        .build();
  }
}
