package org.captionstudio.core.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.captionstudio.core.DatasetException;

/**
 * Streaming JSON reading with one plain sentence per failure: missing, empty, truncated, not UTF-8,
 * not JSON, or of the wrong shape. A UTF-8 byte-order mark is accepted.
 */
final class JsonFiles {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonFiles() {}

  /** A JSON reading step that may fail. */
  @FunctionalInterface
  interface Reader<T> {
    T read(JsonParser parser) throws IOException, DatasetException;
  }

  /** Opens {@code file} and hands a parser positioned on the first token to {@code reader}. */
  static <T> T read(Path file, Reader<T> reader) throws DatasetException {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    if (Files.isDirectory(file)) {
      throw new DatasetException(name + " is a folder, not a JSON file.");
    }
    try (InputStream in = Files.newInputStream(file);
        JsonParser parser = FACTORY.createParser(in)) {
      if (parser.nextToken() == null) {
        throw new DatasetException(name + " is empty.");
      }
      return reader.read(parser);
    } catch (NoSuchFileException e) {
      throw new DatasetException(name + " does not exist (" + file + ").", e);
    } catch (AccessDeniedException e) {
      throw new DatasetException(name + " cannot be read: permission denied.", e);
    } catch (JsonEOFException e) {
      throw new DatasetException(
          name + " ends too early" + where(e) + ": the file looks truncated.", e);
    } catch (CharConversionException e) {
      throw new DatasetException(name + " is not UTF-8 text: " + firstLine(e.getMessage()), e);
    } catch (JsonProcessingException e) {
      if (String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
        throw new DatasetException(
            name + " ends too early" + where(e) + ": the file looks truncated.", e);
      }
      if (String.valueOf(e.getOriginalMessage()).startsWith("Invalid UTF-8")) {
        throw new DatasetException(
            name + " is not UTF-8 text" + where(e) + ": save it as UTF-8 and try again.", e);
      }
      throw new DatasetException(
          name + " is not valid JSON" + where(e) + ": " + firstLine(e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new DatasetException(name + " cannot be read: " + firstLine(e.getMessage()), e);
    }
  }

  /** Fails unless the parser is on {@code expected}, naming what was found instead. */
  static void expect(JsonParser parser, JsonToken expected, String name, String what)
      throws DatasetException {
    if (parser.currentToken() != expected) {
      throw new DatasetException(
          name
              + ": "
              + what
              + " must be "
              + describe(expected)
              + ", found "
              + describe(parser.currentToken())
              + where(parser.currentTokenLocation())
              + ".");
    }
  }

  /**
   * Fails unless the file's top level is {@code expected}: "NAME is not KIND: it must be SHAPE,
   * found an array."
   */
  static void expectTopLevel(
      JsonParser parser, JsonToken expected, String name, String kind, String shape)
      throws DatasetException {
    if (parser.currentToken() != expected) {
      throw new DatasetException(
          name
              + " is not "
              + kind
              + ": it must be "
              + shape
              + ", found "
              + describe(parser.currentToken())
              + ".");
    }
  }

  /** An id given as a JSON number or string, as text; null for anything else. */
  static String idText(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      double value = parser.getDoubleValue();
      if (value == Math.rint(value) && Math.abs(value) < 1e15) {
        return Long.toString((long) value);
      }
    }
    parser.skipChildren();
    return null;
  }

  static String describe(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_OBJECT, END_OBJECT -> "an object";
      case START_ARRAY, END_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  static String where(JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static String where(JsonProcessingException e) {
    return where(e.getLocation());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
