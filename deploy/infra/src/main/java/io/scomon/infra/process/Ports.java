package io.scomon.infra.process;

import io.scomon.infra.InfraException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback ports: finding a free one, and refusing clearly when a wanted one is taken. */
public final class Ports {

  public static final String LOOPBACK = "127.0.0.1";

  private Ports() {}

  /** A port on 127.0.0.1 that nothing listens on right now. */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new InfraException("cannot find a free port on " + LOOPBACK + ": " + e.getMessage(), e);
    }
  }

  /** Whether something already listens on 127.0.0.1:port. */
  public static boolean taken(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 1);
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** Fails with a message naming the port and what wanted it when the port is taken. */
  public static void requireFree(int port, String what, String setting) {
    if (port != 0 && taken(port)) {
      throw new InfraException(what + " cannot use port " + port + " on " + LOOPBACK
          + ": another process listens there. Stop that process, or choose another port with "
          + setting + " (0 picks a free one).");
    }
  }
}
