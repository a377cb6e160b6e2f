package org.beacon.protocol.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.WritableTypeId;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import org.beacon.protocol.ServerMessage;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes an {@code ok} reply flat: {@code type}, then {@code id}, then the result's fields in the
 * same object. A result field named {@code type} or {@code id} would be ambiguous and is rejected.
 */
public final class OkSerializer extends StdSerializer<ServerMessage.Ok> {
    private static final long serialVersionUID = 1L;

    public OkSerializer() {
        super(ServerMessage.Ok.class);
    }

    @Override
    public void serialize(ServerMessage.Ok ok, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeStartObject(ok);
        writeFields(ok, gen, provider);
        gen.writeEndObject();
    }

    @Override
    public void serializeWithType(ServerMessage.Ok ok, JsonGenerator gen, SerializerProvider provider,
            TypeSerializer typeSer) throws IOException {
        WritableTypeId typeId = typeSer.writeTypePrefix(gen, typeSer.typeId(ok, JsonToken.START_OBJECT));
        writeFields(ok, gen, provider);
        typeSer.writeTypeSuffix(gen, typeId);
    }

    private static void writeFields(ServerMessage.Ok ok, JsonGenerator gen, SerializerProvider provider)
            throws IOException {
        if (ok.id() == null) {
            gen.writeNullField("id");
        } else {
            gen.writeNumberField("id", ok.id());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = ok.result().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("type") || field.getKey().equals("id")) {
                throw new IllegalStateException("ok result may not carry a field named " + field.getKey());
            }
            gen.writeFieldName(field.getKey());
            provider.defaultSerializeValue(field.getValue(), gen);
        }
    }
}
