package io.scomon.index;

import io.scomon.index.config.ConfigException;
import io.scomon.index.config.IndexConfig;
import io.scomon.index.config.IndexConfigLoader;
import io.scomon.index.deliver.DeliveryConfig;
import io.scomon.index.deliver.DeliveryService;
import java.util.concurrent.CountDownLatch;

/**
 * Runs index-service until the process is stopped: the Elasticsearch writer ({@link IndexService}) and
 * alert delivery ({@link DeliveryService}). Configuration: {@code index-defaults.properties} and the environment.
 */
public final class IndexApp {

  private IndexApp() {}

  public static void main(String[] args) throws InterruptedException {
    IndexConfig config;
    DeliveryConfig delivery;
    try {
      config = IndexConfigLoader.load();
      delivery = DeliveryConfig.load();
    } catch (ConfigException e) {
      System.err.println("index-service: bad configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    IndexService service = IndexService.start(config);
    DeliveryService deliveries;
    try {
      deliveries = DeliveryService.start(config, delivery, service.metrics().registry());
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      deliveries.close();
      service.close();
      stopped.countDown();
    }, "index-shutdown"));
    stopped.await();
  }
}
