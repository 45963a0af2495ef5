package io.scomon.ingest.source;

import java.util.regex.Pattern;

/**
 * Which absolute URLs on a section page or forum board are stories (or threads): a regular
 * expression, or a glob where {@code *} matches within one path segment, {@code **} across
 * segments and {@code ?} one character. The whole URL must match.
 */
public record LinkPattern(String text, boolean glob, Pattern pattern) {

  public static LinkPattern regex(String regex) {
    return new LinkPattern(regex, false, Pattern.compile(regex));
  }

  public static LinkPattern glob(String glob) {
    return new LinkPattern(glob, true, Pattern.compile(globToRegex(glob)));
  }

  public boolean matches(String url) {
    return pattern.matcher(url).matches();
  }

  static String globToRegex(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          re.append(".*");
          i++;
        } else {
          re.append("[^/?#]*");
        }
      } else if (c == '?') {
        re.append("[^/]");
      } else if ("\\.[]{}()+-^$|".indexOf(c) >= 0) {
        re.append('\\').append(c);
      } else {
        re.append(c);
      }
    }
    return re.toString();
  }

  @Override
  public String toString() {
    return (glob ? "glob " : "regex ") + text;
  }
}
