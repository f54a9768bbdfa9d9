package org.dars.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dars.platform.DarsException;
import java.util.EnumSet;
import org.dars.security.Account;
import org.dars.security.AccountService;
import org.dars.security.OrganisationId;
import org.dars.security.Role;

/**
 * Partners and partner tokens. A partner is registered by an administrator with its instance id,
 * name, public key and optionally its base URL and the token it issued to us. Registering also
 * creates the organisation that stands for the partner (a partner organisation) and its machine
 * account with the single role partner-sync. A token this instance issues to the partner is an
 * ordinary API token of that account, scoped to partner-sync: shown once, kept as SHA-256, revoked
 * like any other ({@code DELETE /api/v1/tokens/{id}}).
 */
@ApplicationScoped
public class PartnerService {
  @Inject SharingRepository repository;
  @Inject AccountService accounts;

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

  /** A freshly issued token: shown this once; {@code tokenId} revokes it. */
  public record IssuedToken(String partner, String tokenId, String token, String use) {}

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
    OrganisationId org = OrganisationId.forPartner(id);
    accounts.ensureOrganisation(org, name, true);
    if (p.account().isEmpty()) {
      p.account(accounts.ensureAccount("partner-" + id, name, org, EnumSet.of(Role.PARTNER_SYNC), Optional.empty()).id());
    }
    return PartnerView.of(p);
  }

  public List<PartnerView> list() {
    return repository.partners().stream().map(PartnerView::of).toList();
  }

  public PartnerView view(UUID id) {
    return PartnerView.of(find(id));
  }

  /** Issues a new token for a partner's machine account, scoped to partner-sync; only its SHA-256 is stored. */
  @Transactional
  public IssuedToken issueToken(UUID partner, String actor) {
    Partner p = find(partner);
    Account account = accounts.account(p.account().orElseThrow(() -> new IllegalStateException("Partner " + partner + " has no account")));
    AccountService.IssuedToken t = accounts.issue(account, "partner sync: " + p.name(), Optional.of(EnumSet.of(Role.PARTNER_SYNC)),
        Optional.empty());
    return new IssuedToken(partner.toString(), t.token().id(), t.secret(),
        "Give this token to the partner's administrator once; it is not shown again. The partner registers this instance"
            + " with it, and sends it as 'Authorization: Bearer <token>'. Revoke it with DELETE /api/v1/tokens/" + t.token().id() + ".");
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
