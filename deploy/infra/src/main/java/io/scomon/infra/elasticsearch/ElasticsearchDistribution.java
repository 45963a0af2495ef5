package io.scomon.infra.elasticsearch;

import io.scomon.infra.InfraException;
import io.scomon.infra.process.Unprivileged;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Elasticsearch server from Maven Central's integ-test zip, unpacked once under the system temp
 * directory (which every user can reach) and shared read-only by every node started from it.
 */
public final class ElasticsearchDistribution {

  /** System property naming the zip; set by the build for tests and by the launcher for local runs. */
  public static final String ZIP_PROPERTY = "scomon.infra.elasticsearch.zip";
  public static final String VERSION_PROPERTY = "scomon.infra.elasticsearch.version";
  public static final String DEFAULT_VERSION = "8.19.21";

  private final Path home;
  private final String version;

  private ElasticsearchDistribution(Path home, String version) {
    this.home = home;
    this.version = version;
  }

  /** The distribution named by the system properties, or the default version in ~/.m2. */
  public static ElasticsearchDistribution fromSystemProperties() {
    String version = System.getProperty(VERSION_PROPERTY, DEFAULT_VERSION);
    String zip = System.getProperty(ZIP_PROPERTY);
    Path zipPath = zip != null ? Path.of(zip) : Path.of(System.getProperty("user.home"), ".m2", "repository",
        "org", "elasticsearch", "distribution", "integ-test-zip", "elasticsearch", version,
        "elasticsearch-" + version + ".zip");
    return unpack(zipPath, version, Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** Unpacks the zip under {@code parent} unless an earlier run already did. Safe against concurrent runs. */
  public static ElasticsearchDistribution unpack(Path zip, String version, Path parent) {
    Path target = parent.resolve("scomon-elasticsearch-" + version);
    Path home = target.resolve("elasticsearch-" + version);
    if (Files.isExecutable(home.resolve("bin/elasticsearch")) && Files.exists(target.resolve(".complete"))) {
      return new ElasticsearchDistribution(home, version);
    }
    if (!Files.isRegularFile(zip)) {
      throw new InfraException("Elasticsearch distribution not found at " + zip + ". Run 'mvn -B install -DskipTests' "
          + "once (it downloads org.elasticsearch.distribution.integ-test-zip:elasticsearch:" + version
          + ":zip from Maven Central), or set -D" + ZIP_PROPERTY + "=<path to the zip>.");
    }
    Path staging;
    try {
      staging = Files.createTempDirectory(parent, "scomon-elasticsearch-unpack-");
      extract(zip, staging);
      Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.createFile(staging.resolve(".complete"));
    } catch (IOException e) {
      throw new InfraException("cannot unpack " + zip + " under " + parent + ": " + e.getMessage(), e);
    }
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
      deleteTree(staging); // another run unpacked it first
    } catch (AtomicMoveNotSupportedException e) {
      throw new InfraException("cannot move " + staging + " to " + target + " atomically", e);
    } catch (IOException e) {
      deleteTree(staging);
      if (!Files.exists(target.resolve(".complete"))) {
        throw new InfraException("cannot install Elasticsearch under " + target + ": " + e.getMessage()
            + ". Delete " + target + " and try again.", e);
      }
    }
    if (!Files.isExecutable(home.resolve("bin/elasticsearch"))) {
      throw new InfraException(target + " holds no usable Elasticsearch " + version + " (an interrupted unpack?). "
          + "Delete that directory and try again.");
    }
    Unprivileged.requireReachable(home);
    return new ElasticsearchDistribution(home, version);
  }

  public Path home() {
    return home;
  }

  public String version() {
    return version;
  }

  private static void extract(Path zip, Path into) throws IOException {
    try (InputStream raw = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(raw)) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        Path out = into.resolve(entry.getName()).normalize();
        if (!out.startsWith(into)) {
          throw new IOException("zip entry outside the target directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
          continue;
        }
        Files.createDirectories(out.getParent());
        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        boolean executable = out.getParent().getFileName().toString().equals("bin") && !out.toString().endsWith(".bat");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
    try (Stream<Path> dirs = Files.walk(into)) {
      for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }

  static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      throw new InfraException("cannot delete " + root + ": " + e.getMessage(), e);
    }
  }
}
