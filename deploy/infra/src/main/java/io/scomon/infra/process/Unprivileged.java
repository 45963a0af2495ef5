package io.scomon.infra.process;

import io.scomon.infra.InfraException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;

/**
 * Running a program as the unprivileged user {@code nobody} when this JVM runs as root, as
 * Elasticsearch refuses to run as root.
 */
public final class Unprivileged {

  public static final String USER = "nobody";
  public static final String GROUP = "nogroup";

  private Unprivileged() {}

  public static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** The command prefix that drops to nobody when root, or nothing when not root. */
  public static List<String> prefix() {
    if (!runningAsRoot()) {
      return List.of();
    }
    Path setpriv = Path.of("/usr/bin/setpriv");
    if (!Files.isExecutable(setpriv)) {
      throw new InfraException("running as root, and Elasticsearch refuses root: /usr/bin/setpriv (util-linux) is needed "
          + "to run it as '" + USER + "'. Install util-linux, or run the build as an ordinary user.");
    }
    return List.of(setpriv.toString(), "--reuid=" + USER, "--regid=" + GROUP, "--clear-groups");
  }

  /** Gives a directory tree to nobody when root, so the unprivileged program can write there. */
  public static void handOver(Path root) {
    if (!runningAsRoot()) {
      return;
    }
    try {
      UserPrincipalLookupService lookup = root.getFileSystem().getUserPrincipalLookupService();
      var user = lookup.lookupPrincipalByName(USER);
      var group = lookup.lookupPrincipalByGroupName(GROUP);
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          own(dir);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          own(file);
          return FileVisitResult.CONTINUE;
        }

        private void own(Path path) throws IOException {
          PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
          view.setOwner(user);
          view.setGroup(group);
        }
      });
    } catch (IOException e) {
      throw new InfraException("cannot give " + root + " to user " + USER + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks that nobody can reach a directory: every parent must be searchable by others. A clone
   * under /root is not, which is why distributions and run directories live under the temp dir.
   */
  public static void requireReachable(Path dir) {
    if (!runningAsRoot()) {
      return;
    }
    for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
      try {
        var perms = Files.getPosixFilePermissions(p);
        if (!perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
          throw new InfraException(dir + " is not reachable by user " + USER + " because " + p
              + " is not searchable by others (chmod o+x " + p + ", or use a directory under /tmp).");
        }
      } catch (IOException e) {
        throw new InfraException("cannot check permissions of " + p + ": " + e.getMessage(), e);
      }
    }
  }
}
