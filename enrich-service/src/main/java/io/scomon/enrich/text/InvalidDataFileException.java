package io.scomon.enrich.text;

/**
 * A taxonomy or gazetteer file that cannot be used, with where and why: the file, the 1-based line
 * and column, the key path (e.g. {@code topics.narcotics.threshold}) and the reason.
 */
public final class InvalidDataFileException extends RuntimeException {

  private final String source;
  private final int line;
  private final int column;
  private final String reason;

  public InvalidDataFileException(String source, int line, int column, String reason, Throwable cause) {
    super(source + ":" + line + ":" + column + ": " + reason, cause);
    this.source = source;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  /** The file name or resource the data came from. */
  public String source() {
    return source;
  }

  /** 1-based line of the offending value, or 0 when the whole file is at fault. */
  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public String reason() {
    return reason;
  }
}
