package org.duet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesNestedStructuresWithEscapedStrings() throws Exception {
        String s = new Json()
                .beginObject()
                .key("a")
                .beginArray()
                .value(1)
                .value(2.5)
                .value("q\"\\\n\t\u0001\u2028é")
                .beginObject()
                .endObject()
                .beginArray()
                .endArray()
                .value(true)
                .value((String) null)
                .value(Double.NaN)
                .endArray()
                .key("b")
                .value(-0.0)
                .endObject()
                .toString();
        assertThat(s).isEqualTo("{\"a\":[1,2.5,\"q\\\"\\\\\\n\\t\\u0001\\u2028é\",{},[],true,null,null],\"b\":0}");
        JsonNode j = new ObjectMapper().readTree(s);
        assertThat(j.get("a").get(2).asText()).isEqualTo("q\"\\\n\t\u0001\u2028é");
    }
}
