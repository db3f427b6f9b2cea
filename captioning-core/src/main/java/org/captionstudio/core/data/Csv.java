package org.captionstudio.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 CSV parser: commas, double-quoted fields with "" for a quote, line breaks inside
 * quotes, CRLF or LF line ends, and a leading byte-order mark ignored. A quote left open at the end
 * of the file ends the last field, so a truncated file still parses as far as it goes.
 */
final class Csv {
  private Csv() {}

  static List<List<String>> parse(BufferedReader in) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int c = in.read();
    if (c == '\uFEFF') {
      c = in.read();
    }
    for (; c != -1; c = in.read()) {
      any = true;
      if (quoted) {
        if (c == '"') {
          in.mark(1);
          int next = in.read();
          if (next == '"') {
            field.append('"');
          } else {
            quoted = false;
            if (next == -1) {
              break;
            }
            c = next;
            // fall through to the unquoted handling of the character after the quote
            if (handleUnquoted(c, in, row, field, rows)) {
              row = new ArrayList<>();
            }
          }
        } else {
          field.append((char) c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (handleUnquoted(c, in, row, field, rows)) {
        row = new ArrayList<>();
      }
    }
    if (any && (field.length() > 0 || !row.isEmpty())) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }

  /** Handles one character outside quotes; returns true when it ended the row. */
  private static boolean handleUnquoted(
      int c, BufferedReader in, List<String> row, StringBuilder field, List<List<String>> rows)
      throws IOException {
    if (c == ',') {
      row.add(field.toString());
      field.setLength(0);
      return false;
    }
    if (c == '\r' || c == '\n') {
      if (c == '\r') {
        in.mark(1);
        if (in.read() != '\n') {
          in.reset();
        }
      }
      row.add(field.toString());
      field.setLength(0);
      rows.add(row);
      return true;
    }
    field.append((char) c);
    return false;
  }
}
