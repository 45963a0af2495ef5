package io.scomon.ingest.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decides how to decode an HTML body: byte-order mark, then the Content-Type header's charset,
 * then the page's {@code <meta>} declaration, then a guess by juniversalchardet, then UTF-8. A
 * declaration is believed only if the bytes agree with it: declared UTF-8 must be valid UTF-8,
 * a declared single-byte charset on bytes that are valid multi-byte UTF-8 is taken for UTF-8, and a
 * generic server default (ISO-8859-1, US-ASCII) gives way to the page's own declaration or a
 * confident guess. Labels are mapped as browsers do (ISO-8859-1 is windows-1252, GB2312 is GB18030).
 */
public final class CharsetDetector {

  /** How the charset was chosen. */
  public enum Method { BOM, HEADER, META, SNIFFED, FALLBACK }

  /**
   * The decoded text.
   *
   * @param declared what the header or page declared (the first declaration), or null
   * @param declaredWrong whether a declaration was present but contradicted by the bytes
   */
  public record Decoded(String text, Charset charset, Method method, String declared, boolean declaredWrong) {}

  private static final int HEAD = 4096;
  private static final int SNIFF = 64 * 1024;
  private static final Pattern META_CHARSET = Pattern.compile(
      "(?is)<meta[^>]+?charset\\s*=\\s*[\"']?\\s*([a-z0-9_.:-]+)");
  private static final Set<String> GENERIC_DEFAULTS = Set.of("iso-8859-1", "us-ascii", "windows-1252", "latin1",
      "ascii", "iso8859-1", "cp1252");
  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("iso-8859-1", "windows-1252"), Map.entry("iso8859-1", "windows-1252"),
      Map.entry("latin1", "windows-1252"), Map.entry("us-ascii", "windows-1252"),
      Map.entry("ascii", "windows-1252"), Map.entry("gb2312", "GB18030"), Map.entry("gbk", "GB18030"),
      Map.entry("x-gbk", "GB18030"), Map.entry("utf8", "UTF-8"), Map.entry("shift_jis", "windows-31j"),
      Map.entry("x-sjis", "windows-31j"), Map.entry("cp1251", "windows-1251"), Map.entry("win-1251", "windows-1251"));

  private CharsetDetector() {}

  public static Decoded decode(byte[] body, String headerCharset) {
    Charset bom = bom(body);
    if (bom != null) {
      int skip = bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
      return new Decoded(new String(body, skip, body.length - skip, bom), bom, Method.BOM, headerCharset, false);
    }
    String metaLabel = metaCharset(body);
    String declared = headerCharset != null ? headerCharset : metaLabel;
    boolean wrong = false;

    if (headerCharset != null) {
      Charset header = charset(headerCharset);
      boolean generic = GENERIC_DEFAULTS.contains(headerCharset.strip().toLowerCase(Locale.ROOT));
      Charset meta = metaLabel == null ? null : charset(metaLabel);
      if (header != null && !(generic && meta != null && !meta.equals(header))) {
        Verdict v = verdict(body, header);
        if (v == Verdict.FITS && !(generic && meta == null && sniffedOtherThan(body, header))) {
          return decoded(body, header, Method.HEADER, declared, false);
        }
        if (v == Verdict.IS_UTF8) {
          return decoded(body, StandardCharsets.UTF_8, Method.SNIFFED, declared, true);
        }
      }
      wrong = true;
    }
    if (metaLabel != null) {
      Charset meta = charset(metaLabel);
      if (meta != null) {
        Verdict v = verdict(body, meta);
        if (v == Verdict.FITS) {
          return decoded(body, meta, Method.META, declared, wrong);
        }
        if (v == Verdict.IS_UTF8) {
          return decoded(body, StandardCharsets.UTF_8, Method.SNIFFED, declared, true);
        }
      }
      wrong = true;
    }
    if (isAscii(body)) {
      return decoded(body, StandardCharsets.UTF_8, declared == null ? Method.FALLBACK : Method.SNIFFED, declared,
          wrong);
    }
    Charset sniffed = sniff(body);
    if (sniffed != null && verdict(body, sniffed) != Verdict.DOES_NOT_FIT) {
      return decoded(body, sniffed, Method.SNIFFED, declared, wrong);
    }
    if (isValidUtf8(body)) {
      return decoded(body, StandardCharsets.UTF_8, declared == null ? Method.FALLBACK : Method.SNIFFED, declared, wrong);
    }
    return decoded(body, StandardCharsets.UTF_8, Method.FALLBACK, declared, wrong);
  }

  private enum Verdict { FITS, IS_UTF8, DOES_NOT_FIT }

  private static Verdict verdict(byte[] body, Charset cs) {
    if (cs.equals(StandardCharsets.UTF_8)) {
      return isValidUtf8(body) ? Verdict.FITS : Verdict.DOES_NOT_FIT;
    }
    if (isSingleByte(cs)) {
      return hasMultiByteUtf8(body) ? Verdict.IS_UTF8 : Verdict.FITS;
    }
    return decodesStrictly(body, cs) ? Verdict.FITS : Verdict.DOES_NOT_FIT;
  }

  /** Whether juniversalchardet is confident of a non-Latin single-byte or a multi-byte charset instead. */
  private static boolean sniffedOtherThan(byte[] body, Charset declared) {
    Charset s = sniff(body);
    return s != null && !s.equals(declared) && !isLatin(s) && verdict(body, s) == Verdict.FITS;
  }

  private static boolean isLatin(Charset cs) {
    String n = cs.name().toLowerCase(Locale.ROOT);
    return n.equals("windows-1252") || n.equals("iso-8859-1") || n.equals("iso-8859-15") || n.equals("us-ascii");
  }

  private static Decoded decoded(byte[] body, Charset cs, Method m, String declared, boolean wrong) {
    return new Decoded(new String(body, cs), cs, m, declared, wrong);
  }

  static Charset charset(String label) {
    if (label == null) {
      return null;
    }
    String l = label.strip().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
    String mapped = LABELS.getOrDefault(l, l);
    if (mapped.startsWith("utf-16") || mapped.startsWith("utf-32")) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(mapped);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  static String metaCharset(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, HEAD), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? m.group(1) : null;
  }

  private static Charset bom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  private static Charset sniff(byte[] body) {
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(body, 0, Math.min(body.length, SNIFF));
    detector.dataEnd();
    String name = detector.getDetectedCharset();
    return name == null ? null : charset(name);
  }

  static boolean isValidUtf8(byte[] body) {
    return decodesStrictly(body, StandardCharsets.UTF_8);
  }

  private static boolean decodesStrictly(byte[] body, Charset cs) {
    try {
      cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean hasMultiByteUtf8(byte[] body) {
    boolean nonAscii = false;
    for (byte b : body) {
      if (b < 0) {
        nonAscii = true;
        break;
      }
    }
    return nonAscii && isValidUtf8(body);
  }

  private static boolean isAscii(byte[] body) {
    for (byte b : body) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSingleByte(Charset cs) {
    return cs.newEncoder().maxBytesPerChar() <= 1.0f;
  }
}
