package io.scomon.local;

import io.scomon.infra.InfraException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The demo's source list (shipped with ingest-service), pointed at the running demo site. */
final class DemoSources {

  static final String RESOURCE = "/sources/demo-sources.yml";

  private DemoSources() {}

  static Path write(String baseUrl, int port, Path target) {
    try (InputStream in = DemoSources.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new InfraException("the demo source list " + RESOURCE + " is missing from ingest-service");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("{{BASE_URL}}", baseUrl)
          .replace("${SCOMON_DEMO_PORT}", Integer.toString(port));
      Files.writeString(target, text, StandardCharsets.UTF_8);
      return target;
    } catch (IOException e) {
      throw new InfraException("cannot write the demo source list to " + target + ": " + e.getMessage(), e);
    }
  }
}
