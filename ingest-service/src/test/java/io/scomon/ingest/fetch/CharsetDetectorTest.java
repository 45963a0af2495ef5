package io.scomon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetDetectorTest {

  private static final Charset CP1251 = Charset.forName("windows-1251");
  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final String RUSSIAN = "Министры иностранных дел государств — членов Шанхайской организации "
      + "сотрудничества на встрече в Душанбе обсудили обострение обстановки в Афганистане и призвали стороны "
      + "конфликта к скорейшему началу содержательных межафганских переговоров. Страны ШОС обеспокоены угрозой "
      + "перетекания терроризма и наркотрафика с афганской территории в Центральную Азию.";
  private static final String CHINESE = "上海合作组织成员国外长理事会会议14日在塔吉克斯坦首都杜尚别举行。与会外长就上合组织"
      + "框架内各领域合作以及共同关心的国际和地区问题深入交换意见。各方同意加强在打击恐怖主义、分裂主义和极端主义以及禁毒、"
      + "信息安全等领域的合作，继续发挥上合组织地区反恐怖机构的作用，维护地区安全稳定。";

  private static byte[] page(String meta, String text, Charset cs) {
    return ("<html><head>" + meta + "<title>t</title></head><body><p>" + text + "</p></body></html>").getBytes(cs);
  }

  @Test
  void theHeaderCharsetIsUsedWhenTheBytesAgree() {
    CharsetDetector.Decoded d = CharsetDetector.decode(page("", RUSSIAN, CP1251), "windows-1251");

    assertThat(d.method()).isEqualTo(CharsetDetector.Method.HEADER);
    assertThat(d.text()).contains("Шанхайской организации");
    assertThat(d.declaredWrong()).isFalse();
  }

  @Test
  void aMetaDeclarationIsUsedWithoutAHeader() {
    CharsetDetector.Decoded d = CharsetDetector.decode(
        page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", CHINESE, GB18030), null);

    assertThat(d.method()).isEqualTo(CharsetDetector.Method.META);
    assertThat(d.charset()).isEqualTo(GB18030);
    assertThat(d.text()).contains("上海合作组织");
  }

  @Test
  void aHeaderClaimingUtf8OnWindows1251BytesIsOverruledByTheMetaTag() {
    CharsetDetector.Decoded d = CharsetDetector.decode(page("<meta charset=\"windows-1251\">", RUSSIAN, CP1251),
        "utf-8");

    assertThat(d.declaredWrong()).isTrue();
    assertThat(d.method()).isEqualTo(CharsetDetector.Method.META);
    assertThat(d.text()).contains("Министры иностранных дел");
  }

  @Test
  void aWrongDeclarationWithoutAnyOtherHintIsSniffed() {
    CharsetDetector.Decoded d = CharsetDetector.decode(page("", RUSSIAN, CP1251), "utf-8");

    assertThat(d.declaredWrong()).isTrue();
    assertThat(d.method()).isEqualTo(CharsetDetector.Method.SNIFFED);
    assertThat(d.charset()).isEqualTo(CP1251);
    assertThat(d.text()).contains("Душанбе");
  }

  @Test
  void utf8BytesServedAsLatin1AreReadAsUtf8() {
    CharsetDetector.Decoded d = CharsetDetector.decode(page("", CHINESE, StandardCharsets.UTF_8), "ISO-8859-1");

    assertThat(d.declaredWrong()).isTrue();
    assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(d.text()).contains("杜尚别");
  }

  @Test
  void aGenericServerDefaultGivesWayToThePagesOwnDeclaration() {
    CharsetDetector.Decoded d = CharsetDetector.decode(page("<meta charset=\"windows-1251\">", RUSSIAN, CP1251),
        "ISO-8859-1");

    assertThat(d.method()).isEqualTo(CharsetDetector.Method.META);
    assertThat(d.text()).contains("Афганистане");
  }

  @Test
  void aByteOrderMarkWinsAndIsRemoved() {
    byte[] body = ("\uFEFF<p>" + CHINESE + "</p>").getBytes(StandardCharsets.UTF_8);

    CharsetDetector.Decoded d = CharsetDetector.decode(body, "windows-1252");

    assertThat(d.method()).isEqualTo(CharsetDetector.Method.BOM);
    assertThat(d.text()).startsWith("<p>上海");
  }

  @Test
  void withNothingToGoByUtf8IsTheFallback() {
    CharsetDetector.Decoded d = CharsetDetector.decode("<p>plain ascii</p>".getBytes(StandardCharsets.US_ASCII), null);

    assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(d.text()).isEqualTo("<p>plain ascii</p>");
  }
}
