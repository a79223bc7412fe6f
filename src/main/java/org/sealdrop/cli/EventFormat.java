package org.sealdrop.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.sealdrop.SealDropException;
import picocli.CommandLine;

/**
 * Output formats of stored audit events for {@code sealdrop audit query} and {@code audit export}.
 * JSON and JSON lines write each body as the receiver stored it, so hashes over them still match.
 */
enum EventFormat {

    /** Aligned columns for reading in a terminal. */
    TABLE,
    /** RFC 4180: a header row, CRLF line ends, fields with a comma, quote or line break quoted. */
    CSV,
    /** One JSON array of the event objects. */
    JSON,
    /** JSON lines: one event object a line, LF line ends. */
    JSONL;

    /** The event fields in wire order, which is also the column order of CSV. */
    static final List<String> FIELDS = List.of("eventId", "time", "user", "deviceId", "action", "documentId",
            "outcome", "reason", "appVersion", "sequence", "previousHash");

    /** The columns of the table: the fields an investigator reads, without the chain hash. */
    private static final List<String> TABLE_FIELDS = List.of("time", "user", "deviceId", "action", "documentId",
            "outcome", "reason", "sequence", "eventId");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Converts a format name in any letter case, such as {@code csv}, to its constant. */
    static final class Converter implements CommandLine.ITypeConverter<EventFormat> {
        @Override
        public EventFormat convert(String value) {
            for (EventFormat format : values()) {
                if (format.name().equalsIgnoreCase(value)) {
                    return format;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a format; give table, csv, json or jsonl.");
        }
    }

    /** Writes {@code bodies}, event bodies as stored, to {@code out} in this format. */
    void write(List<String> bodies, PrintWriter out) {
        switch (this) {
            case TABLE -> writeTable(bodies, out);
            case CSV -> writeCsv(bodies, out);
            case JSON -> writeJsonArray(bodies, out);
            case JSONL -> bodies.forEach(body -> out.print(jsonLine(body) + "\n"));
        }
        out.flush();
    }

    /**
     * Returns {@code body} as one line. A SealDrop body has no line break, so it is returned as is. A body
     * that another client sent with line breaks between tokens is serialised again compactly.
     */
    static String jsonLine(String body) {
        if (body.indexOf('\n') < 0 && body.indexOf('\r') < 0) {
            return body;
        }
        return parse(body).toString();
    }

    /** Quotes {@code value} as RFC 4180 requires: in double quotes, with each quote doubled, when needed. */
    static String csvField(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static void writeCsv(List<String> bodies, PrintWriter out) {
        out.print(String.join(",", FIELDS) + "\r\n");
        for (String body : bodies) {
            JsonNode event = parse(body);
            List<String> row = new ArrayList<>();
            for (String field : FIELDS) {
                row.add(csvField(text(event, field)));
            }
            out.print(String.join(",", row) + "\r\n");
        }
    }

    private static void writeJsonArray(List<String> bodies, PrintWriter out) {
        out.print("[");
        for (int i = 0; i < bodies.size(); i++) {
            out.print((i == 0 ? "\n" : ",\n") + jsonLine(bodies.get(i)));
        }
        out.print(bodies.isEmpty() ? "]\n" : "\n]\n");
    }

    private static void writeTable(List<String> bodies, PrintWriter out) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(TABLE_FIELDS);
        for (String body : bodies) {
            JsonNode event = parse(body);
            rows.add(TABLE_FIELDS.stream().map(field -> text(event, field)).toList());
        }
        int[] widths = new int[TABLE_FIELDS.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println(bodies.size() + (bodies.size() == 1 ? " event" : " events"));
    }

    /** Returns a field as text: "" for null or absent, digits for a number. */
    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            // Bodies were parsed before they were stored, so this means the file was edited by hand.
            throw new SealDropException("SD-AUDIT-STORE", "A stored audit event is not valid JSON; the database"
                    + " was changed outside the receiver, so run `sealdrop audit verify` on it.", e);
        }
    }
}
