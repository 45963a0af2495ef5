package io.scomon.local;

import io.scomon.infra.InfraException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The local stack's API token: made once, kept in the data directory (mode 600), the same on every run. */
final class ApiToken {

  private ApiToken() {}

  static String loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        String token = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (token.length() >= 16) {
          return token;
        }
      }
      byte[] random = new byte[20];
      new SecureRandom().nextBytes(random);
      String token = HexFormat.of().formatHex(random);
      Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      return token;
    } catch (IOException e) {
      throw new InfraException("cannot keep the API token in " + file + ": " + e.getMessage(), e);
    }
  }
}
