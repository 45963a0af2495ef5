package io.scomon.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scomon.ingest.fetch.FailureReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParserTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsRss2ItemsWithLinkTitleAndDate() throws Exception {
    List<Discovered> found = FeedParser.parse(utf8("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>TASS</title><link>https://tass.com</link><description>d</description>
          <item><title>SCO foreign ministers meet in Dushanbe</title>
            <link>https://tass.com/politics/1315427?utm_source=rss&amp;utm_medium=feed</link>
            <pubDate>Wed, 14 Jul 2021 10:20:00 GMT</pubDate></item>
          <item><title>Лавров: у афганского конфликта нет военного решения</title>
            <link>https://tass.ru/politika/11901213</link><pubDate>Wed, 14 Jul 2021 13:05:00 +0300</pubDate></item>
        </channel></rss>
        """), "https://tass.com/rss/v2.xml");

    assertThat(found).containsExactly(
        new Discovered("https://tass.com/politics/1315427", "SCO foreign ministers meet in Dushanbe",
            Instant.parse("2021-07-14T10:20:00Z")),
        new Discovered("https://tass.ru/politika/11901213", "Лавров: у афганского конфликта нет военного решения",
            Instant.parse("2021-07-14T10:05:00Z")));
  }

  @Test
  void readsAtomEntriesAndResolvesRelativeLinksAgainstTheFeed() throws Exception {
    List<Discovered> found = FeedParser.parse(utf8("""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Khovar</title><id>tag:khovar</id>
          <updated>2021-06-24T09:15:00+05:00</updated>
          <entry><title>Dushanbe Hosts SCO Security Council Secretaries Meeting</title>
            <link rel="alternate" href="/eng/2021/06/dushanbe-hosts-sco-security-council-secretaries-meeting/"/>
            <id>tag:khovar.tj,2021:118342</id><published>2021-06-24T09:12:00+05:00</published>
            <updated>2021-06-24T09:15:00+05:00</updated></entry>
        </feed>
        """), "https://khovar.tj/eng/atom.xml");

    assertThat(found).singleElement().isEqualTo(new Discovered(
        "https://khovar.tj/eng/2021/06/dushanbe-hosts-sco-security-council-secretaries-meeting/",
        "Dushanbe Hosts SCO Security Council Secretaries Meeting", Instant.parse("2021-06-24T04:12:00Z")));
  }

  @Test
  void aFeedThatIsNotXmlIsAClearFailure() {
    DiscoveryException e = catchThrowableOfType(DiscoveryException.class,
        () -> FeedParser.parse(utf8("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>"),
            "https://eurasianet.org/rss.xml"));

    assertThat(e.reason()).isEqualTo(FailureReason.FEED_NOT_XML);
    assertThat(e).hasMessageStartingWith("https://eurasianet.org/rss.xml: not an RSS or Atom feed");
  }

  @Test
  void aFeedWithADoctypeIsRefused() {
    DiscoveryException e = catchThrowableOfType(DiscoveryException.class, () -> FeedParser.parse(utf8("""
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><title>&xxe;</title><link>x</link><description>d</description></channel></rss>
        """), "https://evil.example/feed"));

    assertThat(e.reason()).isEqualTo(FailureReason.FEED_NOT_XML);
  }
}
