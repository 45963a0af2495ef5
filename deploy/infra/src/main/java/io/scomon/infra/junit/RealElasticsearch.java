package io.scomon.infra.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class talks to a real Elasticsearch, started once for the whole test run and stopped at
 * its end; ask for an {@link ElasticsearchCluster} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(InfraExtension.class)
public @interface RealElasticsearch {}
