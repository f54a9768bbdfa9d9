package org.dars.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import org.dars.security.AccountService.OrganisationView;

/**
 * A new organisation, or changes to one, as the administration page collects them; it becomes the
 * JSON body of {@code POST /organisations} or {@code PUT /organisations/{id}}.
 */
public class OrganisationForm implements Serializable {
  private static final long serialVersionUID = 1L;

  private String id;
  private String name;
  private boolean partner;
  private boolean reviewRequired;

  static OrganisationForm of(OrganisationView o) {
    OrganisationForm f = new OrganisationForm();
    f.id = o.id();
    f.name = o.name();
    f.partner = o.partner();
    f.reviewRequired = o.reviewRequired();
    return f;
  }

  /** The body for creating it (with its id) or changing it (without). */
  JsonObject body(boolean withId) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    if (withId) {
      o.add("id", id == null ? "" : id.strip());
    }
    return o.add("name", name == null ? "" : name.strip()).add("partner", partner).add("reviewRequired", reviewRequired)
        .build();
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isPartner() {
    return partner;
  }

  public void setPartner(boolean partner) {
    this.partner = partner;
  }

  public boolean isReviewRequired() {
    return reviewRequired;
  }

  public void setReviewRequired(boolean reviewRequired) {
    this.reviewRequired = reviewRequired;
  }
}
