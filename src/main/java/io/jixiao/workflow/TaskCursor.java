package io.jixiao.workflow;

import io.jixiao.shared.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where a queue page ends: the sort key (due, created, id) of its last row, as an opaque string
 * for the {@code after} parameter. The next page is the rows after it in that order (keyset paging:
 * no offset to skip, and rows inserted meanwhile neither repeat nor hide others). The cursor grants
 * nothing (the caller's scope is in the query), so it is not secret; a checksum only makes an edited
 * or truncated one a 400 instead of a silently different position.
 */
public record TaskCursor(OffsetDateTime dueKey, OffsetDateTime created, String id) {

  /** The sort key of a task without due date: after every dated one (the column {@code due_key}). */
  public static final OffsetDateTime NO_DUE = OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC);

  static final int MAX_LENGTH = 200;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  static TaskCursor after(OpenTask task) {
    return new TaskCursor(task.due() == null ? NO_DUE : task.due(), task.created(), task.id());
  }

  public String encode() {
    String body = micros(dueKey) + "." + micros(created) + "." + id;
    return base64(body + "." + checksum(body));
  }

  /** The cursor a client sent back; anything not made by {@link #encode()} is a 400. */
  public static TaskCursor decode(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      if (text.length() > MAX_LENGTH) {
        throw new IllegalArgumentException("too long");
      }
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
      int last = plain.lastIndexOf('.');
      String body = plain.substring(0, Math.max(last, 0));
      if (last < 0 || !plain.substring(last + 1).equals(checksum(body))) {
        throw new IllegalArgumentException("checksum");
      }
      String[] parts = body.split("\\.", 3);
      if (parts.length != 3 || !ID.matcher(parts[2]).matches()) {
        throw new IllegalArgumentException("shape");
      }
      return new TaskCursor(time(parts[0]), time(parts[1]), parts[2]);
    } catch (RuntimeException e) {
      throw new InvalidInput("after 不是有效的分页位置");
    }
  }

  private static long micros(OffsetDateTime time) {
    Instant instant = time.toInstant(); // by hand: Instant.until(MICROS) overflows through nanoseconds at 9999
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
  }

  private static OffsetDateTime time(String micros) {
    return OffsetDateTime.ofInstant(Instant.EPOCH.plus(Long.parseLong(micros), ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  private static String base64(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static String checksum(String body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("jixiao-task-cursor." + body).getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 9));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
