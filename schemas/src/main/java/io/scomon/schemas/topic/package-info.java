/** The topics of the pipeline as typed values: name, key and value serdes, and how each topic is created. */
package io.scomon.schemas.topic;
