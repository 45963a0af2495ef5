package io.scomon.ingest.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.Test;

/** Decisions only: addresses are built from bytes, nothing is resolved or connected. */
class AddressGuardTest {

  private final AddressGuard guard = new AddressGuard();

  private static InetAddress ip(String literal) {
    InetAddress a = AddressGuard.literal(literal);
    if (a == null) {
      throw new IllegalArgumentException(literal);
    }
    return a;
  }

  private Verdict strict(String url, String resolved) {
    return guard.check(URI.create(url), ip(resolved), false);
  }

  private Verdict permissive(String url, String resolved) {
    return guard.check(URI.create(url), ip(resolved), true);
  }

  @Test
  void refusesPrivateLoopbackLinkLocalAndUniqueLocalAddresses() {
    assertThat(strict("http://intranet.example/", "10.0.0.5").reason()).startsWith("private address");
    assertThat(strict("http://x.example/", "172.20.1.1").allowed()).isFalse();
    assertThat(strict("http://x.example/", "192.168.1.10").allowed()).isFalse();
    assertThat(strict("http://metadata.example/latest/meta-data/", "169.254.169.254").reason())
        .startsWith("link-local address");
    assertThat(strict("http://[::1]/", "::1").reason()).startsWith("loopback address");
    assertThat(strict("http://x.example/", "fc00::1").reason()).startsWith("unique-local address");
    assertThat(strict("http://x.example/", "fd12:3456::1").allowed()).isFalse();
    assertThat(strict("http://x.example/", "fe80::1").reason()).startsWith("link-local address");
    assertThat(strict("http://x.example/", "100.64.0.1").reason()).startsWith("carrier-grade NAT");
    assertThat(strict("http://x.example/", "0.0.0.0").allowed()).isFalse();
    assertThat(strict("http://x.example/", "224.0.0.1").allowed()).isFalse();
  }

  @Test
  void aPublicNameResolvingToLoopbackPlayingAMetadataServiceIsRefused() {
    Verdict v = strict("http://news.example.com/latest/meta-data/iam", "127.0.0.9");

    assertThat(v.allowed()).isFalse();
    assertThat(v.reason()).isEqualTo("loopback address (the source does not allow private addresses)");
  }

  @Test
  void aSourceThatAllowsPrivateAddressesReachesLoopbackButNeverMetadata() {
    assertThat(permissive("http://127.0.0.1:8080/", "127.0.0.1").allowed()).isTrue();
    assertThat(permissive("http://127.0.0.9:8080/", "127.0.0.9").allowed()).isTrue();
    assertThat(permissive("http://10.0.0.5/", "10.0.0.5").allowed()).isTrue();
    assertThat(permissive("http://169.254.169.254/", "169.254.169.254").allowed()).isFalse();
    assertThat(permissive("http://x/", "fd00:ec2::254").reason()).startsWith("cloud metadata");
    assertThat(permissive("http://x/", "100.100.100.200").reason()).startsWith("cloud metadata");
  }

  @Test
  void ipv6FormsThatEmbedAnIpv4AddressAreJudgedByIt() {
    assertThat(strict("http://x/", "::ffff:10.0.0.5").allowed()).isFalse();
    assertThat(strict("http://x/", "::ffff:169.254.169.254").reason()).startsWith("link-local");
    assertThat(strict("http://x/", "64:ff9b::a9fe:a9fe").reason()).startsWith("link-local");
    assertThat(strict("http://x/", "2002:7f00:1::1").reason()).startsWith("loopback");
  }

  @Test
  void publicAddressesAreAllowed() {
    assertThat(strict("https://tass.com/rss/v2.xml", "93.184.216.34").allowed()).isTrue();
    assertThat(strict("https://example.org/", "2606:2800:220:1:248:1893:25c8:1946").allowed()).isTrue();
  }

  @Test
  void onlyHttpAndHttpsAreFetched() {
    assertThat(strict("file:///etc/passwd", "93.184.216.34").reason()).startsWith("scheme 'file'");
    assertThat(strict("gopher://x.example/", "93.184.216.34").allowed()).isFalse();
  }

  @Test
  void theResolverRefusesANameWhenAnyOfItsAddressesIsRefused() throws Exception {
    Map<String, InetAddress[]> dns = Map.of(
        "news.example", new InetAddress[] {ip("93.184.216.34")},
        "rebind.example", new InetAddress[] {ip("93.184.216.34"), ip("10.0.0.5")},
        "local.example", new InetAddress[] {ip("127.0.0.1")});
    DnsResolver fake = new DnsResolver() {
      @Override
      public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] a = dns.get(host);
        if (a == null) {
          throw new UnknownHostException(host);
        }
        return a;
      }

      @Override
      public String resolveCanonicalHostname(String host) {
        return host;
      }
    };
    GuardedDnsResolver strictResolver = new GuardedDnsResolver(fake, guard, false);
    GuardedDnsResolver permissiveResolver = new GuardedDnsResolver(fake, guard, true);

    assertThat(strictResolver.resolve("news.example")).containsExactly(ip("93.184.216.34"));
    assertThatThrownBy(() -> strictResolver.resolve("rebind.example"))
        .isInstanceOf(BlockedAddressException.class)
        .hasMessage("refused to connect to rebind.example (10.0.0.5): private address"
            + " (the source does not allow private addresses)");
    assertThatThrownBy(() -> strictResolver.resolve("local.example", 80)).isInstanceOf(BlockedAddressException.class);
    assertThat(permissiveResolver.resolve("local.example", 8080)).singleElement()
        .satisfies(a -> assertThat(a.getPort()).isEqualTo(8080));
  }
}
