package io.scomon.ingest.guard;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Decides whether a fetch may connect to an address. It judges the address a host name RESOLVED
 * to (the caller resolves once and connects to exactly what was judged), so a public name pointing
 * at a private address is refused too.
 *
 * <p>Always refused: unspecified (0.0.0.0, ::), link-local (169.254/16, fe80::/10, where cloud
 * metadata services live), multicast, broadcast, reserved and documentation ranges, and the
 * well-known metadata addresses outside link-local. Refused unless the source allows private
 * addresses: loopback (127/8, ::1), private (10/8, 172.16/12, 192.168/16), carrier-grade NAT
 * (100.64/10) and unique-local IPv6 (fc00::/7). IPv6 forms that embed an IPv4 address (mapped,
 * compatible, NAT64, 6to4) are judged by that IPv4 address.
 */
public final class AddressGuard {

  /** Judges a URL's scheme and a resolved address of its host. */
  public Verdict check(URI url, InetAddress resolved, boolean allowPrivate) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Verdict.refuse("scheme '" + scheme + "' is not http or https");
    }
    return check(resolved, allowPrivate);
  }

  /** Judges one resolved address. */
  public Verdict check(InetAddress address, boolean allowPrivate) {
    if (address instanceof Inet6Address v6) {
      return check6(v6, allowPrivate);
    }
    return check4(address.getAddress(), allowPrivate);
  }

  private Verdict check4(byte[] a, boolean allowPrivate) {
    int b0 = a[0] & 0xff;
    int b1 = a[1] & 0xff;
    int b2 = a[2] & 0xff;
    int b3 = a[3] & 0xff;
    if (b0 == 0) {
      return Verdict.refuse("unspecified address (0.0.0.0/8)");
    }
    if (b0 == 169 && b1 == 254) {
      return Verdict.refuse("link-local address (169.254.0.0/16, cloud metadata)");
    }
    if (b0 >= 224) {
      return Verdict.refuse(b0 < 240 ? "multicast address" : "reserved or broadcast address");
    }
    if ((b0 == 100 && b1 == 100 && b2 == 100 && b3 == 200) || (b0 == 168 && b1 == 63 && b2 == 129 && b3 == 16)) {
      return Verdict.refuse("cloud metadata address");
    }
    if ((b0 == 192 && b1 == 0 && b2 == 2) || (b0 == 198 && b1 == 51 && b2 == 100) || (b0 == 203 && b1 == 0 && b2 == 113)
        || (b0 == 192 && b1 == 0 && b2 == 0) || (b0 == 198 && (b1 == 18 || b1 == 19))) {
      return Verdict.refuse("reserved address (documentation, protocol assignment or benchmarking)");
    }
    String privateKind = null;
    if (b0 == 127) {
      privateKind = "loopback address";
    } else if (b0 == 10 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168)) {
      privateKind = "private address";
    } else if (b0 == 100 && b1 >= 64 && b1 <= 127) {
      privateKind = "carrier-grade NAT address (100.64.0.0/10)";
    }
    if (privateKind != null) {
      return allowPrivate ? new Verdict(true, privateKind + " allowed for this source")
          : Verdict.refuse(privateKind + " (the source does not allow private addresses)");
    }
    return Verdict.ALLOW;
  }

  private Verdict check6(Inet6Address address, boolean allowPrivate) {
    byte[] a = address.getAddress();
    byte[] embedded = embeddedIpv4(a);
    if (embedded != null) {
      return check4(embedded, allowPrivate);
    }
    if (address.isAnyLocalAddress()) {
      return Verdict.refuse("unspecified address (::)");
    }
    if (address.isLinkLocalAddress()) {
      return Verdict.refuse("link-local address (fe80::/10)");
    }
    if (address.isSiteLocalAddress()) {
      return Verdict.refuse("deprecated site-local address (fec0::/10)");
    }
    if (address.isMulticastAddress()) {
      return Verdict.refuse("multicast address");
    }
    int w0 = ((a[0] & 0xff) << 8) | (a[1] & 0xff);
    int w1 = ((a[2] & 0xff) << 8) | (a[3] & 0xff);
    if (w0 == 0xfd00 && w1 == 0x0ec2) {
      return Verdict.refuse("cloud metadata address (fd00:ec2::/32)");
    }
    if (w0 == 0x2001 && w1 == 0x0db8) {
      return Verdict.refuse("reserved address (documentation, 2001:db8::/32)");
    }
    if (w0 == 0x0100 && w1 == 0 && a[4] == 0 && a[5] == 0 && a[6] == 0 && a[7] == 0) {
      return Verdict.refuse("reserved address (discard prefix 100::/64)");
    }
    String privateKind = null;
    if (address.isLoopbackAddress()) {
      privateKind = "loopback address";
    } else if ((a[0] & 0xfe) == 0xfc) {
      privateKind = "unique-local address (fc00::/7)";
    }
    if (privateKind != null) {
      return allowPrivate ? new Verdict(true, privateKind + " allowed for this source")
          : Verdict.refuse(privateKind + " (the source does not allow private addresses)");
    }
    return Verdict.ALLOW;
  }

  /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 or 6to4 address, else null. */
  static byte[] embeddedIpv4(byte[] a) {
    boolean zeros80 = true;
    for (int i = 0; i < 10; i++) {
      zeros80 &= a[i] == 0;
    }
    boolean mapped = zeros80 && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
    boolean compatible = zeros80 && a[10] == 0 && a[11] == 0 && !(isZero(a, 12, 15) && (a[15] == 0 || a[15] == 1));
    boolean nat64 = (a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b
        && isZero(a, 4, 12);
    if (mapped || compatible || nat64) {
      return new byte[] {a[12], a[13], a[14], a[15]};
    }
    if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
      return new byte[] {a[2], a[3], a[4], a[5]};
    }
    return null;
  }

  private static boolean isZero(byte[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** The address of an IP-literal host (no DNS lookup), or null when the host is a name. */
  public static InetAddress literal(String host) {
    if (host == null) {
      return null;
    }
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    boolean v4 = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean v6 = h.indexOf(':') >= 0 && h.matches("[0-9A-Fa-f:.%a-zA-Z]+");
    if (!v4 && !v6) {
      return null;
    }
    try {
      return InetAddress.getByName(h);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
