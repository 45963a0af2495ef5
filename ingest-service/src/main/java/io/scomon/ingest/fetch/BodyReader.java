package io.scomon.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.apache.hc.core5.http.ConnectionClosedException;

/**
 * Reads a response body with every cap applied: at most {@code maxBytes} on the wire, at most
 * {@code maxBytes} after gzip/deflate decompression (a gzip bomb stops there), and never past the
 * deadline (a server that drips bytes is cut off).
 */
final class BodyReader {

  private static final int CHUNK = 16 * 1024;

  private BodyReader() {}

  /**
   * @param deadlineNanos {@link System#nanoTime()} after which reading stops
   * @param cancelled whether the deadline watchdog already aborted the request
   */
  static byte[] read(InputStream raw, String contentEncoding, long maxBytes, long deadlineNanos,
      BooleanSupplier cancelled, URI url) throws FetchException {
    String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
    boolean compressed = !encoding.isEmpty() && !encoding.equals("identity");
    CappedStream wire = new CappedStream(raw, maxBytes);
    ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK);
    try (InputStream decoded = decoder(wire, encoding, url)) {
      byte[] buf = new byte[CHUNK];
      long total = 0;
      int n;
      while ((n = decoded.read(buf)) != -1) {
        total += n;
        if (total > maxBytes) {
          throw compressed
              ? new FetchException(FailureReason.DECOMPRESSED_TOO_LARGE, url,
                  "body inflates past " + maxBytes + " bytes (" + encoding + ", " + wire.count + " bytes on the wire)")
              : new FetchException(FailureReason.BODY_TOO_LARGE, url, "body is larger than " + maxBytes + " bytes");
        }
        out.write(buf, 0, n);
        if (System.nanoTime() - deadlineNanos > 0) {
          throw new FetchException(FailureReason.DEADLINE_EXCEEDED, url,
              "deadline passed after " + total + " body bytes");
        }
      }
      return out.toByteArray();
    } catch (WireCapExceeded e) {
      throw new FetchException(FailureReason.BODY_TOO_LARGE, url, "body is larger than " + maxBytes + " bytes on the wire");
    } catch (FetchException e) {
      throw e;
    } catch (IOException e) {
      if (cancelled.getAsBoolean() || System.nanoTime() - deadlineNanos > 0) {
        throw new FetchException(FailureReason.DEADLINE_EXCEEDED, url,
            "deadline passed while reading the body (" + out.size() + " bytes read)", e);
      }
      throw classify(e, url, out.size());
    }
  }

  static FetchException classify(IOException e, URI url, int bytesRead) {
    if (e instanceof SocketTimeoutException) {
      return new FetchException(FailureReason.READ_TIMEOUT, url,
          "server stalled: no data within the read timeout after " + bytesRead + " body bytes", e);
    }
    if (e instanceof ConnectionClosedException || e instanceof EOFException) {
      return new FetchException(FailureReason.TRUNCATED_BODY, url,
          "body ended early after " + bytesRead + " bytes: " + e.getMessage(), e);
    }
    if (e instanceof ZipException) {
      return new FetchException(FailureReason.TRUNCATED_BODY, url, "corrupt compressed body: " + e.getMessage(), e);
    }
    return new FetchException(FailureReason.IO_ERROR, url, "reading the body failed: " + e, e);
  }

  private static InputStream decoder(InputStream wire, String encoding, URI url) throws IOException, FetchException {
    return switch (encoding) {
      case "", "identity" -> wire;
      case "gzip", "x-gzip" -> new GZIPInputStream(wire, CHUNK);
      case "deflate" -> {
        PushbackInputStream in = new PushbackInputStream(wire, 2);
        int b0 = in.read();
        int b1 = in.read();
        if (b1 != -1) {
          in.unread(b1);
        }
        if (b0 != -1) {
          in.unread(b0);
        }
        boolean zlib = b0 != -1 && b1 != -1 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
        yield new InflaterInputStream(in, new Inflater(!zlib), CHUNK);
      }
      default -> throw new FetchException(FailureReason.UNSUPPORTED_ENCODING, url,
          "Content-Encoding '" + encoding + "' is not supported");
    };
  }

  /** Thrown inside the stream when the wire cap is passed; turned into a FetchException above. */
  private static final class WireCapExceeded extends IOException {
    private static final long serialVersionUID = 1L;
  }

  private static final class CappedStream extends FilterInputStream {
    private final long max;
    private long count;

    CappedStream(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b != -1 && ++count > max) {
        throw new WireCapExceeded();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
        if (count > max) {
          throw new WireCapExceeded();
        }
      }
      return n;
    }
  }
}
