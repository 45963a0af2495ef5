package io.scomon.infra.junit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts the Kafka and Elasticsearch a test class asks for ({@link RealKafka}, {@link RealElasticsearch})
 * once per test run, both at the same time when both are needed, and stops them when the run ends
 * (the root extension context closes them), also when tests fail. The processes themselves also stop
 * when the JVM is interrupted (shutdown hooks) or killed (a watchdog).
 */
public final class InfraExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(InfraExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    boolean kafka = AnnotationSupport.isAnnotated(context.getRequiredTestClass(), RealKafka.class);
    boolean elasticsearch = AnnotationSupport.isAnnotated(context.getRequiredTestClass(), RealElasticsearch.class);
    try {
      CompletableFuture<?> es = elasticsearch
          ? CompletableFuture.runAsync(() -> elasticsearch(context)) : CompletableFuture.completedFuture(null);
      if (kafka) {
        kafka(context);
      }
      es.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == KafkaCluster.class || type == ElasticsearchCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == KafkaCluster.class) {
      return kafka(context);
    }
    if (type == ElasticsearchCluster.class) {
      return elasticsearch(context);
    }
    throw new ParameterResolutionException("cannot resolve " + type);
  }

  private static KafkaCluster kafka(ExtensionContext context) {
    return store(context).getOrComputeIfAbsent("kafka", key -> InfraBackend.selected().startKafka(),
        InfraBackend.RunningKafka.class);
  }

  private static ElasticsearchCluster elasticsearch(ExtensionContext context) {
    return store(context).getOrComputeIfAbsent("elasticsearch", key -> InfraBackend.selected().startElasticsearch(),
        InfraBackend.RunningElasticsearch.class);
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE);
  }
}
