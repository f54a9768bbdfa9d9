package org.dars.content;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parts of a {@code multipart/form-data} body one after another, each as a stream, in a
 * fixed 64 KiB buffer. It replaces commons-fileupload's streaming parser, whose byte-by-byte
 * boundary scan took nearly all the server's CPU on a gigabyte upload (see BENCHMARKS.md): here the
 * delimiter is searched with Boyer-Moore-Horspool, which on binary data looks at about one byte in
 * forty.
 *
 * <p>A body that breaks the structure (no boundary, a part without {@code Content-Disposition},
 * headers too long, too many parts) raises {@link MalformedException}; a body that simply stops
 * raises {@link EOFException}.
 */
final class MultipartStream {
  static final int MAX_PARTS = 10;
  static final int MAX_HEADER_BYTES = 10 * 1024;
  private static final int BUFFER = 1 << 16;
  private static final Pattern BOUNDARY =
      Pattern.compile("(?i);\\s*boundary\\s*=\\s*(?:\"([^\"]{1,70})\"|([^\\s;\"]{1,70}))\\s*(?:;|$)");
  private static final Pattern PARAMETER =
      Pattern.compile("(?i);\\s*([a-z*]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s;\"]*))");

  /** The body is not well-formed multipart. */
  static final class MalformedException extends IOException {
    MalformedException(String message) {
      super(message);
    }
  }

  private final InputStream in;
  private final byte[] delimiter;
  private final int[] shift = new int[256];
  private final byte[] buf = new byte[BUFFER];
  private int head;
  private int tail;
  private int parts;
  private Part current;
  private boolean finished;

  MultipartStream(InputStream in, String contentType) throws MalformedException {
    Matcher m = BOUNDARY.matcher(contentType);
    if (!m.find()) {
      throw new MalformedException("the Content-Type has no boundary of 1 to 70 characters");
    }
    String boundary = m.group(1) != null ? m.group(1) : m.group(2);
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int last = delimiter.length - 1;
    java.util.Arrays.fill(shift, delimiter.length);
    for (int k = 0; k < last; k++) {
      shift[delimiter[k] & 0xff] = last - k;
    }
    // The first delimiter may open the body without the line break before it: pretend there was one.
    buf[0] = '\r';
    buf[1] = '\n';
    tail = 2;
  }

  /** The next part, or empty after the closing delimiter; the previous part is skipped if unread. */
  Optional<Part> next() throws IOException {
    if (finished) {
      return Optional.empty();
    }
    if (current == null) {
      try {
        new Part(Map.of()).transferTo(java.io.OutputStream.nullOutputStream());
      } catch (EOFException e) {
        throw new MalformedException("the body has no delimiter line for its boundary");
      }
    } else {
      current.transferTo(java.io.OutputStream.nullOutputStream());
    }
    int a = readByte();
    int b = readByte();
    if (a == '-' && b == '-') {
      finished = true;
      return Optional.empty();
    }
    if (a != '\r' || b != '\n') {
      throw new MalformedException("a delimiter line is not followed by a line break");
    }
    if (++parts > MAX_PARTS) {
      throw new MalformedException("it has more than " + MAX_PARTS + " parts");
    }
    current = new Part(readHeaders());
    return Optional.of(current);
  }

  private Map<String, String> readHeaders() throws IOException {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
    int total = 0;
    String previous = null;
    while (true) {
      int c = readByte();
      if (++total > MAX_HEADER_BYTES) {
        throw new MalformedException("a part's headers are longer than " + MAX_HEADER_BYTES + " bytes");
      }
      if (c != '\n') {
        line.write(c);
        continue;
      }
      String text = line.toString(StandardCharsets.UTF_8);
      line.reset();
      if (!text.endsWith("\r")) {
        throw new MalformedException("a part's header line does not end with CR LF");
      }
      text = text.substring(0, text.length() - 1);
      if (text.isEmpty()) {
        return headers;
      }
      if ((text.charAt(0) == ' ' || text.charAt(0) == '\t') && previous != null) {
        headers.merge(previous, " " + text.strip(), String::concat);
        continue;
      }
      int colon = text.indexOf(':');
      if (colon <= 0) {
        throw new MalformedException("a part's header line has no name");
      }
      previous = text.substring(0, colon).strip();
      headers.putIfAbsent(previous, text.substring(colon + 1).strip());
    }
  }

  private int readByte() throws IOException {
    if (head == tail && !fill()) {
      throw new EOFException("the body ended inside the multipart structure");
    }
    return buf[head++] & 0xff;
  }

  /** Moves the unread bytes to the front and reads more after them; false at the end of input. */
  private boolean fill() throws IOException {
    System.arraycopy(buf, head, buf, 0, tail - head);
    tail -= head;
    head = 0;
    int n = in.read(buf, tail, buf.length - tail);
    if (n < 0) {
      return false;
    }
    tail += n;
    return true;
  }

  /** Where the delimiter starts in {@code buf[from, tail)}, or -1. */
  private int find(int from) {
    int last = delimiter.length - 1;
    int i = from;
    while (i + last < tail) {
      int j = last;
      while (buf[i + j] == delimiter[j]) {
        if (j == 0) {
          return i;
        }
        j--;
      }
      i += shift[buf[i + last] & 0xff];
    }
    return -1;
  }

  /** One part's body, up to (and consuming) the delimiter that ends it. */
  final class Part extends InputStream {
    private final Map<String, String> headers;
    private int limit;
    private boolean atDelimiter;
    private boolean ended;

    private Part(Map<String, String> headers) {
      this.headers = headers;
      this.limit = head;
    }

    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name));
    }

    /** The form field name, from {@code Content-Disposition: form-data; name="…"}. */
    String name() throws MalformedException {
      return disposition("name").orElseThrow(
          () -> new MalformedException("a part has no Content-Disposition: form-data with a name"));
    }

    Optional<String> fileName() {
      return disposition("filename");
    }

    private Optional<String> disposition(String parameter) {
      String value = headers.get("Content-Disposition");
      if (value == null || !value.strip().toLowerCase(Locale.ROOT).startsWith("form-data")) {
        return Optional.empty();
      }
      Matcher m = PARAMETER.matcher(value);
      while (m.find()) {
        if (m.group(1).equalsIgnoreCase(parameter)) {
          return Optional.of(m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3));
        }
      }
      return Optional.empty();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (ended) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      while (head == limit) {
        if (atDelimiter) {
          head += delimiter.length;
          ended = true;
          return -1;
        }
        locate();
      }
      int n = Math.min(len, limit - head);
      System.arraycopy(buf, head, b, off, n);
      head += n;
      return n;
    }

    /** Sets how far the part's bytes safely go: to the delimiter, or to where one could begin. */
    private void locate() throws IOException {
      int at = find(head);
      if (at >= 0) {
        limit = at;
        atDelimiter = true;
        return;
      }
      int safe = Math.max(head, tail - (delimiter.length - 1));
      if (safe > head) {
        limit = safe;
        return;
      }
      if (!fill()) {
        throw new EOFException("the body ended inside a part");
      }
      limit = head;
    }
  }
}
