package org.dars.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.dars.Http;

/**
 * Organisations, accounts, partners and content for the access tests, made over HTTP by the test
 * server's administrator and authors exactly as people would make them.
 */
final class SecurityFixtures {
  static final String PASSWORD = "گذرواژه-آزمون-دسترسی-۱۴۰۵";

  /** Keeps user names apart when several access tests meet on one server. */
  private static final String RUN = Integer.toString(ThreadLocalRandom.current().nextInt(1000, 10000));

  final Http anonymous;
  final Http admin;

  SecurityFixtures(URL base) {
    anonymous = new Http(base);
    admin = anonymous.asAdmin();
  }

  /** A person's account, and a client that signs in as them with HTTP Basic. */
  record Person(String id, String username, Http http) {}

  /** A registered partner instance, and a client that sends the partner-sync token issued to it. */
  record Partner(String id, String tokenId, Http http) {}

  /** Creates the organisation, or sets the flags of the one an earlier test made. */
  void organisation(String id, String name, boolean partner, boolean reviewRequired) {
    String body = Json.createObjectBuilder().add("id", id).add("name", name).add("partner", partner)
        .add("reviewRequired", reviewRequired).build().toString();
    HttpResponse<String> r = admin.postJson("api/v1/organisations", body);
    if (r.statusCode() == 409) {
      r = admin.put("api/v1/organisations/" + id, body);
      assertEquals(200, r.statusCode(), r.body());
    } else {
      assertEquals(201, r.statusCode(), r.body());
    }
  }

  void partnerOrganisation(String id, boolean partner) {
    HttpResponse<String> r = admin.put("api/v1/organisations/" + id, "{\"partner\": " + partner + "}");
    assertEquals(200, r.statusCode(), r.body());
  }

  Person person(String name, String organisation, String... roles) {
    String username = name + "." + RUN;
    HttpResponse<String> r = admin.postJson("api/v1/users", Json.createObjectBuilder().add("username", username)
        .add("displayName", name).add("organisation", organisation).add("roles", Json.createArrayBuilder(List.of(roles)))
        .add("password", PASSWORD).build().toString());
    assertEquals(201, r.statusCode(), r.body());
    return new Person(Http.json(r.body()).getString("id"), username, anonymous.as(username, PASSWORD));
  }

  /** Registers a partner instance with a fresh Ed25519 key and issues its partner-sync token. */
  Partner partner(String name) throws GeneralSecurityException {
    String id = UUID.randomUUID().toString();
    String key = Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
    HttpResponse<String> r = admin.postJson("api/v1/partners", Json.createObjectBuilder().add("instanceId", id)
        .add("name", name).add("publicKey", key).build().toString());
    assertEquals(201, r.statusCode(), r.body());
    HttpResponse<String> issued = admin.post("api/v1/partners/" + id + "/tokens", null, new byte[0]);
    assertEquals(201, issued.statusCode(), issued.body());
    JsonObject token = Http.json(issued.body());
    return new Partner(id, token.getString("tokenId"), anonymous.withToken(token.getString("token")));
  }

  /** Uploads a text item as this author with the given visibility; waits until its text is extracted. */
  static String item(Http author, String title, String language, String text, String visibility) {
    String meta = Json.createObjectBuilder().add("title", title).add("language", Json.createArrayBuilder().add(language))
        .add("visibility", visibility).build().toString();
    HttpResponse<String> r = author.upload("api/v1/items", "درس.txt", text.getBytes(StandardCharsets.UTF_8), meta);
    assertEquals(201, r.statusCode(), r.body());
    String id = Http.json(r.body()).getString("id");
    author.await("api/v1/items/" + id, o -> o.getString("status").equals("READY"), Duration.ofSeconds(60));
    return id;
  }

  /** A Persian curriculum of the author's organisation: one module, one lesson holding the items. */
  static String curriculum(Http author, String visibility, String title, String... items) {
    JsonArrayBuilder ops = Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("op", "addModule").add("id", "m1").add("title", "نگهداری و تعمیرات"))
        .add(Json.createObjectBuilder().add("op", "addLesson").add("id", "l1").add("parent", "m1").add("title", "ایمنی کارگاه"));
    for (String item : items) {
      ops.add(Json.createObjectBuilder().add("op", "addEntry").add("parent", "l1").add("item", item));
    }
    HttpResponse<String> r = author.postJson("api/v1/curricula", Json.createObjectBuilder()
        .add("title", Json.createObjectBuilder().add("fa", title)).add("language", "fa").add("visibility", visibility)
        .add("operations", ops).build().toString());
    assertEquals(201, r.statusCode(), r.body());
    return Http.json(r.body()).getString("id");
  }

  static HttpResponse<String> publish(Http author, String curriculum, String version) {
    return author.postJson("api/v1/curricula/" + curriculum + "/releases",
        Json.createObjectBuilder().add("version", version).add("notes", "انتشار " + version).build().toString());
  }
}
