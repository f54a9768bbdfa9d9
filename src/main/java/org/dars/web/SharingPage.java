package org.dars.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.dars.platform.Actor;
import org.dars.platform.DarsException;
import org.dars.sharing.InstanceIdentity;
import org.dars.sharing.InstanceResource.InstanceView;
import org.dars.sharing.PartnerService;
import org.dars.sharing.PartnerService.PartnerView;
import org.dars.sharing.SyncService;

/**
 * The partners half of the sharing page ({@code /sharing.xhtml}): this instance's identity for a
 * partner's administrator, the partners with their pull-sync status, registering or updating one,
 * issuing a partner token (shown on this page once, never again), and "sync now". Every action is
 * the call the REST API makes ({@link PartnerService}, {@link SyncService}); the package export
 * and import are the {@link PackageExchange}'s.
 */
@Named
@ViewScoped
public class SharingPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject InstanceIdentity identity;
  @Inject PartnerService partners;
  @Inject SyncService sync;
  @Inject Actor actor;
  @Inject Ui ui;

  /** A token just issued: for whom, and the token itself, which this page shows once. */
  public record Issued(String partnerName, String token) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** What the last "sync now" did, in numbers. */
  public record SyncSummary(String partnerName, String outcome, int listed, int imported, List<String> errors)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private String instanceId;
  private String name;
  private String publicKey;
  private String baseUrl;
  private String token;
  private Issued issued;
  private SyncSummary synced;

  public InstanceView getInstance() {
    return identity.view();
  }

  public List<PartnerView> getPartners() {
    return partners.list();
  }

  /** Registers a partner, or updates the one with this instance id. */
  public void register() {
    JsonObjectBuilder body = Json.createObjectBuilder();
    add(body, "instanceId", instanceId);
    add(body, "name", name);
    add(body, "publicKey", publicKey);
    add(body, "baseUrl", baseUrl);
    add(body, "token", token);
    try {
      PartnerView p = partners.register(body.build(), actor.name());
      PageMessages.info(ui.format("sharing.registered", p.name()));
      instanceId = null;
      name = null;
      publicKey = null;
      baseUrl = null;
      token = null;
    } catch (DarsException e) {
      PageMessages.error(ui.problem(e));
    }
  }

  private static void add(JsonObjectBuilder body, String key, String value) {
    if (value != null && !value.isBlank()) {
      body.add(key, value.strip());
    }
  }

  /** Fills the form with a partner's details, to change them (its token is never shown). */
  public void edit(PartnerView p) {
    instanceId = p.instanceId();
    name = p.name();
    publicKey = p.publicKey();
    baseUrl = p.baseUrl();
    token = null;
  }

  public void issueToken(PartnerView p) {
    try {
      PartnerService.IssuedToken t = partners.issueToken(UUID.fromString(p.instanceId()), actor.name());
      issued = new Issued(p.name(), t.token());
    } catch (DarsException e) {
      PageMessages.error(ui.problem(e));
    }
  }

  /** Pulls the partner's new releases now; the page waits for the bounded attempts to end. */
  public void syncNow(PartnerView p) {
    try {
      SyncService.SyncReport r = sync.sync(UUID.fromString(p.instanceId()), actor.name());
      synced = new SyncSummary(p.name(), r.outcome(), r.listed(), r.imports().size(), List.copyOf(r.errors()));
      if (r.errors().isEmpty()) {
        PageMessages.info(ui.format("sharing.synced", r.imports().size(), p.name()));
      } else {
        PageMessages.error(ui.format("sharing.syncFailed", p.name()));
      }
    } catch (DarsException e) {
      PageMessages.error(ui.problem(e));
    }
  }

  /** Forgets the token shown, once its holder has copied it. */
  public void dismissToken() {
    issued = null;
  }

  public Issued getIssued() {
    return issued;
  }

  public SyncSummary getSynced() {
    return synced;
  }

  public String getInstanceId() {
    return instanceId;
  }

  public void setInstanceId(String instanceId) {
    this.instanceId = instanceId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPublicKey() {
    return publicKey;
  }

  public void setPublicKey(String publicKey) {
    this.publicKey = publicKey;
  }

  public String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }
}
