package io.scomon.ingest.guard;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's resolver: resolves with the delegate, then asks the {@link AddressGuard} about
 * every address and refuses the host if any one is refused (a name with one public and one private
 * answer is not trusted). Every connection the client opens, the first and each redirect's,
 * goes through here, so the judged address is the address connected to.
 */
public final class GuardedDnsResolver implements DnsResolver {

  private final DnsResolver delegate;
  private final AddressGuard guard;
  private final boolean allowPrivate;

  public GuardedDnsResolver(DnsResolver delegate, AddressGuard guard, boolean allowPrivate) {
    this.delegate = delegate;
    this.guard = guard;
    this.allowPrivate = allowPrivate;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] addresses = delegate.resolve(host);
    if (addresses == null || addresses.length == 0) {
      throw new UnknownHostException(host + ": no address");
    }
    for (InetAddress a : addresses) {
      Verdict v = guard.check(a, allowPrivate);
      if (!v.allowed()) {
        throw new BlockedAddressException(host, a, v.reason());
      }
    }
    return addresses;
  }

  @Override
  public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
    InetAddress[] addresses = resolve(host);
    List<InetSocketAddress> out = new ArrayList<>(addresses.length);
    for (InetAddress a : addresses) {
      out.add(new InetSocketAddress(a, port));
    }
    return out;
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return delegate.resolveCanonicalHostname(host);
  }
}
