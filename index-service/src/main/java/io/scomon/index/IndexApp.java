package io.scomon.index;

import io.scomon.index.config.ConfigException;
import io.scomon.index.config.IndexConfig;
import io.scomon.index.config.IndexConfigLoader;
import java.util.concurrent.CountDownLatch;

/** Runs index-service until the process is stopped. Configuration: {@code index-defaults.properties} and the environment. */
public final class IndexApp {

  private IndexApp() {}

  public static void main(String[] args) throws InterruptedException {
    IndexConfig config;
    try {
      config = IndexConfigLoader.load();
    } catch (ConfigException e) {
      System.err.println("index-service: bad configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    IndexService service = IndexService.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      stopped.countDown();
    }, "index-shutdown"));
    stopped.await();
  }
}
