package io.scomon.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for one generated Avro type, in Avro single-object encoding: a two-byte marker, the
 * writer schema's 64-bit fingerprint, then the binary datum. Reads every historical version known to
 * {@link SchemaHistory}; a null value (a tombstone) stays null both ways. Thread-safe.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {

  static {
    // Avro 1.12.2 resolves generated classes only from trusted packages; ours are trusted, nothing else.
    ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
    ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
        previous, type -> type.getName().startsWith("io.scomon.schemas.")));
  }

  private final Class<T> type;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  private AvroSerde(Class<T> type, Schema schema, SchemaHistory history) {
    this.type = type;
    SpecificData model = SpecificData.getForClass(type); // the generated class's model, with its logical types
    this.encoder = new BinaryMessageEncoder<>(model, schema);
    this.decoder = new BinaryMessageDecoder<>(model, schema, history.store());
  }

  /** A serde for a generated type, reading every version in the shipped history. */
  public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
    return of(type, SchemaHistory.shipped());
  }

  public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type, SchemaHistory history) {
    return new AvroSerde<>(type, SpecificData.get().getSchema(type), history);
  }

  public Class<T> type() {
    return type;
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    try {
      ByteBuffer buffer = encoder.encode(data);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
      throw new org.apache.kafka.common.errors.SerializationException(
          "cannot encode " + type.getSimpleName() + " for topic " + topic + ": " + e.getMessage(), e);
    }
  }

  /** Encodes outside Kafka (tests, files). */
  public byte[] serialize(T data) {
    return serialize(null, data);
  }

  @Override
  public T deserialize(String topic, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return decoder.decode(bytes);
    } catch (MissingSchemaException e) {
      throw new UnknownSchemaException(topic, type.getSimpleName(), fingerprintOf(bytes), e);
    } catch (BadHeaderException e) {
      throw new AvroDecodingException(topic, "not an Avro single-object message (" + e.getMessage()
          + ") where " + type.getSimpleName() + " was expected", e);
    } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | ClassCastException e) {
      throw new AvroDecodingException(topic, "corrupt " + type.getSimpleName() + " message: " + e, e);
    }
  }

  /** Decodes outside Kafka (tests, files). */
  public T deserialize(byte[] bytes) {
    return deserialize(null, bytes);
  }

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }

  @Override
  public void configure(java.util.Map<String, ?> configs, boolean isKey) {
    // nothing to configure: the type and the schema history are fixed at construction
  }

  @Override
  public void close() {
    // stateless: nothing to release
  }

  private static long fingerprintOf(byte[] bytes) {
    return bytes.length < 10 ? 0L : ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }
}
