package org.beacon.protocol.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.beacon.protocol.ServerMessage;

/** Reads an {@code ok} reply: {@code id} becomes the reply id, every other field the result. */
public final class OkDeserializer extends StdDeserializer<ServerMessage.Ok> {
    private static final long serialVersionUID = 1L;

    public OkDeserializer() {
        super(ServerMessage.Ok.class);
    }

    @Override
    public ServerMessage.Ok deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        ObjectNode fields = ctxt.readValue(p, ObjectNode.class);
        fields.remove("type");
        JsonNode id = fields.remove("id");
        Long requestId = id == null || id.isNull() ? null : id.asLong();
        return new ServerMessage.Ok(requestId, fields);
    }
}
