package io.scomon.ingest.guard;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A host resolved to an address the guard refuses. An {@link UnknownHostException}, so the HTTP
 * client stops before opening a socket.
 */
public final class BlockedAddressException extends UnknownHostException {

  private static final long serialVersionUID = 1L;

  private final String host;
  private final transient InetAddress address;
  private final String reason;

  public BlockedAddressException(String host, InetAddress address, String reason) {
    super("refused to connect to " + host + " (" + address.getHostAddress() + "): " + reason);
    this.host = host;
    this.address = address;
    this.reason = reason;
  }

  public String host() {
    return host;
  }

  public InetAddress address() {
    return address;
  }

  public String reason() {
    return reason;
  }
}
