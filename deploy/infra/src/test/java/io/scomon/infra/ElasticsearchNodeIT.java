package io.scomon.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scomon.infra.elasticsearch.ElasticsearchDistribution;
import io.scomon.infra.elasticsearch.ElasticsearchNode;
import io.scomon.infra.process.Ports;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Starting and stopping dedicated nodes, and the clear refusals. */
class ElasticsearchNodeIT {

  private final ElasticsearchDistribution distribution = ElasticsearchDistribution.fromSystemProperties();

  @Test
  void refusesATakenPortNamingThePortAndTheSetting() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
      var settings = ElasticsearchNode.Settings.throwaway().withHttpPort(taken.getLocalPort());

      assertThatThrownBy(() -> ElasticsearchNode.start(distribution, settings))
          .isInstanceOf(InfraException.class)
          .hasMessageContaining("cannot use port " + taken.getLocalPort())
          .hasMessageContaining("scomon.elasticsearch.port");
    }
  }

  @Test
  void refusesAMissingJdkSayingWhatToInstall() {
    var settings = new ElasticsearchNode.Settings(0, 0, null, "512m", Path.of("/nonexistent/jdk"), Duration.ofSeconds(30));

    assertThatThrownBy(() -> ElasticsearchNode.start(distribution, settings))
        .isInstanceOf(InfraException.class)
        .hasMessageContaining("no JDK at /nonexistent/jdk")
        .hasMessageContaining("Java 17");
  }

  @Test
  void stopsTheWholeProcessTreeAndDeletesAThrowawayHome() {
    ElasticsearchNode node = ElasticsearchNode.start(distribution, ElasticsearchNode.Settings.throwaway());
    ProcessHandle root = ProcessHandle.of(node.pid()).orElseThrow();
    var tree = root.descendants().toList();
    Path home = node.home();
    assertThat(tree).as("watchdog -> elasticsearch launcher -> server").isNotEmpty();

    node.close();

    assertThat(root.isAlive()).isFalse();
    // an exited child may linger a moment until init reaps it
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> tree.stream().noneMatch(ProcessHandle::isAlive));
    assertThat(Files.exists(home)).isFalse();
    assertThat(Ports.taken(node.httpPort())).isFalse();
  }

  @Test
  void explainsADataDirectoryLockedByAnotherNode() throws Exception {
    Path home = Files.createTempDirectory("scomon-es-locked-");
    try (ElasticsearchNode first = ElasticsearchNode.start(distribution, ElasticsearchNode.Settings.throwaway().withHome(home))) {
      assertThatThrownBy(() -> ElasticsearchNode.start(distribution, ElasticsearchNode.Settings.throwaway().withHome(home)))
          .isInstanceOf(InfraException.class)
          .hasMessageContaining("locked by another Elasticsearch");
      assertThat(first.isAlive()).isTrue();
    } finally {
      deleteQuietly(home);
    }
  }

  private static void deleteQuietly(Path root) throws Exception {
    try (var walk = Files.walk(root)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
