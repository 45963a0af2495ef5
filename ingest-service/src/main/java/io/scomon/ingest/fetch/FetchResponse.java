package io.scomon.ingest.fetch;

import java.net.URI;

/**
 * A response worth reading: 2xx with its (decompressed, capped) body, or 304 Not Modified.
 *
 * @param url the URL asked for
 * @param finalUrl the URL after redirects
 * @param status 2xx or 304
 * @param mediaType media type without parameters, lower case, or null when the server sent none
 * @param charset the charset parameter of Content-Type, or null
 * @param body the body, empty for 304
 * @param etag the ETag validator, or null
 * @param lastModified the Last-Modified validator, or null
 */
public record FetchResponse(
    URI url, URI finalUrl, int status, String mediaType, String charset, byte[] body, String etag,
    String lastModified) {

  public boolean notModified() {
    return status == 304;
  }
}
