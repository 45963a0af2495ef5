/** Avro single-object encoding of every message, with a schema store that knows every version ever shipped. */
package io.scomon.schemas.serde;
