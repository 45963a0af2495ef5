/** Pure mapping of Avro messages to the Elasticsearch documents a Kibana user sees, and the monthly index names. */
package io.scomon.index.document;
