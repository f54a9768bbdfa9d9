package org.dars.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dars.platform.DarsConfig;
import org.dars.platform.DarsException;
import org.dars.storage.BlobStore;
import org.dars.storage.BlobTooLargeException;
import org.dars.storage.StagedBlob;

/**
 * Reads a {@code multipart/form-data} upload straight from the request stream, writing the {@code
 * file} part into the blob store as it arrives: constant memory and one write, whatever the size.
 * Every refusal removes what was staged, so a bad upload leaves nothing behind.
 */
@ApplicationScoped
public class MultipartReceiver {
  private static final Pattern SHA256_DIGEST =
      Pattern.compile("(?i)(?:^|,)\\s*sha-256\\s*=\\s*:([A-Za-z0-9+/=]+):");
  private static final int MAX_FILE_NAME = 255;

  @Inject DarsConfig config;
  @Inject BlobStore blobs;

  /** The digests a client may send, on the request or on the file part, to have the bytes checked. */
  public record ClientDigests(Optional<String> reprDigest, Optional<String> contentMd5) {}

  public Upload receive(InputStream body, String contentType, long contentLength, ClientDigests digests) {
    if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      throw new DarsException(415, "unsupported-media-type", "Unsupported media type",
          "Send the upload as multipart/form-data with a 'file' part and an optional 'metadata' part.");
    }
    long limit = config.uploadMaxBytes();
    if (contentLength > limit + config.metadataMaxBytes() + 64 * 1024) {
      throw DarsException.tooLarge(tooLargeMessage(limit));
    }
    StagedBlob staged = null;
    String fileName = null;
    String metadata = null;
    ClientDigests partDigests = new ClientDigests(Optional.empty(), Optional.empty());
    try {
      MultipartStream parts = new MultipartStream(body, contentType);
      for (Optional<MultipartStream.Part> next = parts.next(); next.isPresent(); next = parts.next()) {
        MultipartStream.Part part = next.get();
        String name = part.name();
        if ("file".equals(name)) {
          if (staged != null) {
            throw DarsException.badRequest("duplicate-file-part", "Send exactly one 'file' part per upload.");
          }
          fileName = checkFileName(part.fileName().orElse(null));
          partDigests = new ClientDigests(part.header("Repr-Digest"), part.header("Content-MD5"));
          staged = blobs.stage(part, limit, digests.contentMd5().isPresent() || partDigests.contentMd5().isPresent());
        } else if ("metadata".equals(name)) {
          if (metadata != null) {
            throw DarsException.badRequest("duplicate-metadata-part", "Send at most one 'metadata' part.");
          }
          byte[] bytes = part.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.metadataMaxBytes() + 1));
          if (bytes.length > config.metadataMaxBytes()) {
            throw DarsException.tooLarge("The 'metadata' part is larger than " + config.metadataMaxBytes() + " bytes.");
          }
          metadata = new String(bytes, StandardCharsets.UTF_8);
        } else {
          throw DarsException.badRequest(
              "unknown-part",
              "The upload has a part named '" + ItemId.abbreviate(name) + "'. Send only 'file' and 'metadata'.");
        }
      }
      if (staged == null) {
        throw DarsException.badRequest(
            "missing-file-part", "The upload has no 'file' part. Send the file as a multipart part named 'file'.");
      }
      if (staged.size() == 0) {
        throw DarsException.badRequest("empty-file", "The file '" + fileName + "' is empty (0 bytes). Nothing was stored.");
      }
      verify(staged, digests);
      verify(staged, partDigests);
      return new Upload(staged, fileName, Optional.ofNullable(metadata));
    } catch (BlobTooLargeException e) {
      throw DarsException.tooLarge(tooLargeMessage(limit));
    } catch (MultipartStream.MalformedException e) {
      discard(staged);
      throw DarsException.badRequest(
          "malformed-multipart", "The multipart body could not be read: " + e.getMessage()
              + ". Check the boundary and that every part is complete.");
    } catch (IOException e) {
      discard(staged);
      throw DarsException.badRequest(
          "upload-interrupted",
          "The upload ended before it was complete (" + e.getClass().getSimpleName()
              + "). Nothing was stored; send it again.");
    } catch (RuntimeException e) {
      discard(staged);
      throw e;
    }
  }

  private void discard(StagedBlob staged) {
    if (staged != null) {
      blobs.discard(staged);
    }
  }

  private static String tooLargeMessage(long limit) {
    return "The upload is larger than this instance accepts (" + limit
        + " bytes, configured by dars.upload.max-bytes). Nothing was stored.";
  }

  /** Refuses names that could be read as paths or that hide their true text. */
  static String checkFileName(String raw) {
    if (raw == null || raw.isBlank()) {
      return "upload";
    }
    if (raw.length() > MAX_FILE_NAME) {
      throw DarsException.badRequest(
          "unsafe-file-name", "The file name is " + raw.length() + " characters long; the limit is " + MAX_FILE_NAME + ".");
    }
    String problem = null;
    if (raw.indexOf('/') >= 0 || raw.indexOf('\\') >= 0) {
      problem = "contains a path separator (/ or \\)";
    } else if (raw.equals(".") || raw.equals("..")) {
      problem = "is a relative path";
    } else {
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (Character.getType(c) == Character.CONTROL) {
          problem = "contains a control character (U+" + String.format(java.util.Locale.ROOT, "%04X", (int) c) + ")";
          break;
        }
        if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
          problem = "contains a bidirectional override (U+" + String.format(java.util.Locale.ROOT, "%04X", (int) c)
              + "), which can disguise a file's real extension";
          break;
        }
      }
    }
    if (problem != null) {
      throw DarsException.badRequest(
          "unsafe-file-name", "The file name " + problem + ". Rename the file and upload it again.");
    }
    return raw.strip();
  }

  private static void verify(StagedBlob staged, ClientDigests digests) {
    digests.reprDigest().ifPresent(header -> {
      Matcher m = SHA256_DIGEST.matcher(header);
      if (!m.find()) {
        throw DarsException.badRequest(
            "unsupported-digest", "Repr-Digest must carry sha-256, as in Repr-Digest: sha-256=:<base64>:");
      }
      byte[] sent = decode(m.group(1), "Repr-Digest");
      if (!java.util.Arrays.equals(sent, staged.sha256().bytes())) {
        throw DarsException.badRequest(
            "digest-mismatch",
            "The file's SHA-256 is " + Base64.getEncoder().encodeToString(staged.sha256().bytes())
                + " but Repr-Digest says " + m.group(1) + ". The file was damaged on the way; nothing was stored.");
      }
    });
    digests.contentMd5().ifPresent(header -> {
      byte[] sent = decode(header.trim(), "Content-MD5");
      byte[] md5 = staged.md5().orElseThrow(() -> new IllegalStateException("MD5 was not computed"));
      if (!java.util.Arrays.equals(sent, md5)) {
        throw DarsException.badRequest(
            "digest-mismatch",
            "The file's MD5 is " + Base64.getEncoder().encodeToString(md5)
                + " but Content-MD5 says " + header.trim() + ". The file was damaged on the way; nothing was stored.");
      }
    });
  }

  private static byte[] decode(String base64, String header) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw DarsException.badRequest("malformed-digest", header + " is not valid base64.");
    }
  }
}
