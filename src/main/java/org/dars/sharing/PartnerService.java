package org.dars.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dars.platform.DarsException;
import org.dars.storage.Sha256;

/**
 * Partners and partner tokens. A partner is registered by an administrator with its instance id,
 * name, public key and optionally its base URL and the token it issued to us. A token this instance
 * issues to a partner is shown once and kept only as its SHA-256; requests from the partner carry
 * it as {@code Authorization: Bearer <token>}. The later security issue can map a valid token to a
 * "partner" role without changing how tokens are stored.
 */
@ApplicationScoped
public class PartnerService {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject SharingRepository repository;

  /** A partner as the API shows it; never the token. */
  public record PartnerView(String instanceId, String name, String publicKey, String baseUrl, boolean hasToken,
      Instant createdAt, SyncStatus sync) {
    static PartnerView of(Partner p) {
      return new PartnerView(p.id().toString(), p.name(), p.publicKey(), p.baseUrl().orElse(null), p.remoteToken().isPresent(),
          p.createdAt(), new SyncStatus(p.lastAttemptAt().orElse(null), p.lastSuccessAt().orElse(null),
              p.lastError().orElse(null), p.bytesTransferred()));
    }
  }

  public record SyncStatus(Instant lastAttempt, Instant lastSuccess, String lastError, long bytesTransferred) {}

  /** A freshly issued token: shown this once. */
  public record IssuedToken(String partner, String token, String use) {}

  /** Registers a partner, or updates its name, key, base URL and token. */
  @Transactional
  public PartnerView register(JsonObject body, String actor) {
    UUID id = parseId(string(body, "instanceId", 36, true));
    String name = string(body, "name", 200, true);
    String key = string(body, "publicKey", 4000, true);
    PublicKey parsed;
    try {
      parsed = Signatures.publicKey(key);
    } catch (IllegalArgumentException e) {
      throw DarsException.invalid("invalid-public-key",
          "'publicKey' must be the partner's Ed25519 public key, base64 of its X.509 encoding or a PEM 'PUBLIC KEY' block,"
              + " as GET /api/v1/instance shows it on the partner.");
    }
    String baseUrl = string(body, "baseUrl", 2000, false);
    if (baseUrl != null) {
      try {
        URI u = URI.create(baseUrl);
        if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
          throw new IllegalArgumentException();
        }
      } catch (IllegalArgumentException e) {
        throw DarsException.invalid("invalid-base-url", "'baseUrl' must be an http or https URL such as https://dars.example.iq/.");
      }
    }
    String token = string(body, "token", 200, false);
    String encoded = Signatures.encode(parsed);
    Optional<Partner> existing = repository.partnerForUpdate(id);
    Partner p;
    if (existing.isPresent()) {
      p = existing.get();
      p.update(name, encoded, baseUrl, token);
    } else {
      p = new Partner(id, name, encoded, baseUrl, token, actor, Instant.now());
      repository.persist(p);
    }
    return PartnerView.of(p);
  }

  public List<PartnerView> list() {
    return repository.partners().stream().map(PartnerView::of).toList();
  }

  public PartnerView view(UUID id) {
    return PartnerView.of(find(id));
  }

  /** Issues a new token for a partner; only its SHA-256 is stored. */
  @Transactional
  public IssuedToken issueToken(UUID partner, String actor) {
    find(partner);
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = "dars_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    repository.persist(new PartnerToken(partner, hash(token), actor, Instant.now()));
    return new IssuedToken(partner.toString(), token,
        "Give this token to the partner's administrator once; it is not shown again. The partner registers this instance"
            + " with it, and sends it as 'Authorization: Bearer <token>'.");
  }

  /**
   * The partner a bearer token belongs to. No header: empty (the API is open until the security
   * issue). A header with an unknown or revoked token: 401.
   */
  public Optional<UUID> authenticate(String authorization, boolean required) {
    if (authorization == null || authorization.isBlank()) {
      if (required) {
        throw unauthorized("This resource needs a partner token: 'Authorization: Bearer <token>'.");
      }
      return Optional.empty();
    }
    String a = authorization.strip();
    if (!a.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw unauthorized("Send the partner token as 'Authorization: Bearer <token>'.");
    }
    Optional<PartnerToken> t = repository.token(hash(a.substring(7).strip()));
    if (t.isEmpty() || t.get().isRevoked()) {
      throw unauthorized("The partner token is unknown or revoked. Ask this instance's administrator for a new one.");
    }
    return Optional.of(t.get().partner());
  }

  Optional<PublicKey> key(UUID instance) {
    return repository.partner(instance).map(p -> Signatures.publicKey(p.publicKey()));
  }

  Partner find(UUID id) {
    return repository.partner(id).orElseThrow(() -> DarsException.notFound("unknown-partner",
        "There is no partner " + id + ". GET /api/v1/partners lists them."));
  }

  @Transactional
  void recordSync(UUID id, Instant at, long bytes, String error) {
    repository.partnerForUpdate(id).ifPresent(p -> p.synced(at, bytes, error));
  }

  static String hash(String token) {
    try {
      return Sha256.of(java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8))).hex();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static UUID parseId(String text) {
    try {
      if (text != null && text.length() == 36) {
        return UUID.fromString(text);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw DarsException.badRequest("malformed-instance-id",
        "'" + Manifest.abbreviate(text) + "' is not an instance id. Instance ids are UUIDs; GET /api/v1/instance shows one.");
  }

  private static DarsException unauthorized(String detail) {
    return new DarsException(401, "partner-token-required", "Unauthorized", detail);
  }

  private static String string(JsonObject o, String key, int max, boolean required) {
    JsonValue v = o.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        throw DarsException.invalid("invalid-field", "'" + key + "' is required.");
      }
      return null;
    }
    if (!(v instanceof JsonString s) || s.getString().isBlank() || s.getString().length() > max) {
      throw DarsException.invalid("invalid-field", "'" + key + "' must be a non-empty string of at most " + max + " characters.");
    }
    return s.getString().strip();
  }
}
