package io.groupdeal.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpHeaders;

/** An HTTP answer: status, headers, body, and the body as JSON. */
public record Reply(int status, HttpHeaders headers, String body) {

    public JsonObject json() {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    /** The problem name of a problem+json answer: {@code /problems/not-found} gives {@code not-found}. */
    public String problem() {
        return json().getString("type").replace("/problems/", "");
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
