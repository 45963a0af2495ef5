package io.scomon.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void namesEveryTopicOfTheDesignOnce() {
    Set<String> names = Topics.all().stream().map(Topic::name).collect(Collectors.toSet());

    assertThat(names).containsExactlyInAnyOrder("scomon.fetch.requests", "scomon.articles",
        "scomon.articles.enriched", "scomon.alerts", "scomon.subscriptions", "scomon.crawl.state", "scomon.dlq");
    assertThat(Topics.all()).hasSize(names.size());
  }

  @Test
  void createsStateAndSubscriptionTopicsCompacted() {
    NewTopic state = Topics.CRAWL_STATE.newTopic((short) 1);
    NewTopic subscriptions = Topics.SUBSCRIPTIONS.newTopic((short) 1);
    NewTopic articles = Topics.ARTICLES.newTopic((short) 1);

    assertThat(state.configs()).containsEntry("cleanup.policy", "compact");
    assertThat(subscriptions.configs()).containsEntry("cleanup.policy", "compact");
    assertThat(articles.configs()).doesNotContainKey("cleanup.policy").containsEntry("retention.ms", "2592000000");
  }
}
