package org.dars.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.dars.Http;

/**
 * The expected answer of every operation under {@code /api/v1} for every kind of caller: one row a
 * request, one column a caller. Everything the rows touch belongs to the home organisation, so the
 * columns read as "who may": home's instructor, author, reviewer and administrator, a partner
 * instance's machine account, and an author and instructor of another organisation.
 *
 * <p>Reads aim at home content with visibility {@code organisation}, the most telling target; a few
 * aim at public samples too. Writes send a request that passes the access check and is then refused
 * by validation or by the state of the target (412, 409, 422, 428), so the data barely change; the
 * three real changes (a delete, a token revocation, a partner token) hit throwaway fixtures.
 */
final class AccessMatrix {
  private AccessMatrix() {}

  /** The callers, in the order of the columns below. */
  enum Who {
    ANONYMOUS("anonymous"),
    INSTRUCTOR("home instructor"),
    AUTHOR("home author"),
    REVIEWER("home reviewer"),
    ADMIN("home admin"),
    PARTNER_SYNC("partner-sync"),
    MAYSAN_AUTHOR("maysan author"),
    MAYSAN_INSTRUCTOR("maysan instructor");

    final String label;

    Who(String label) {
      this.label = label;
    }

    /** Belongs to no organisation that owns the rows' targets, so a 404 must look like an unknown id. */
    boolean outsider() {
      return this == ANONYMOUS || this == PARTNER_SYNC || this == MAYSAN_AUTHOR || this == MAYSAN_INSTRUCTOR;
    }
  }

  /**
   * The ids the rows fill path templates with: public samples, home's organisation-only item and
   * curriculum (releases 1.0, withdrawn, and 1.1), and throwaway targets for the real changes.
   */
  record Targets(String publicItem, String publicCurriculum, String publicRelease, String item, String curriculum, String doomedItem,
      String organisation, String partner, String sparePartner, String instructorToken, String user) {}

  record Request(String path, String contentType, byte[] body, String... headers) {}

  record Row(String method, String template, String what, Function<Targets, Request> request, int[] expected) {
    int expected(Who who) {
      return expected[who.ordinal()];
    }
  }

  private static final String JSON = "application/json";

  static List<Row> rows() {
    return List.of(
        // method, template, target                                                    anon inst auth rev  adm  sync m-au m-in
        row("GET", "/admin/audit", "audit log", t -> get("admin/audit?limit=5"),        401, 403, 403, 403, 200, 403, 403, 403),
        row("POST", "/admin/fixity", "fixity audit", t -> post("admin/fixity"),         401, 403, 403, 403, 200, 403, 403, 403),
        row("GET", "/admin/index", "index status", t -> get("admin/index"),             401, 403, 403, 403, 200, 403, 403, 403),
        row("POST", "/admin/index/rebuild", "rebuild", t -> post("admin/index/rebuild"), 401, 403, 403, 403, 202, 403, 403, 403),
        row("POST", "/imports", "no path", t -> json("imports", "{}"),                  401, 403, 403, 403, 422, 403, 403, 403),
        row("GET", "/organisations", "", t -> get("organisations"),                     401, 403, 403, 403, 200, 403, 403, 403),
        row("POST", "/organisations", "no id", t -> json("organisations", "{}"),        401, 403, 403, 403, 422, 403, 403, 403),
        row("GET", "/organisations/{id}", "maysan", t -> get("organisations/" + t.organisation()),
                                                                                        401, 403, 403, 403, 200, 403, 403, 403),
        row("PUT", "/organisations/{id}", "maysan, empty body", t -> json("organisations/" + t.organisation(), ""),
                                                                                        401, 403, 403, 403, 400, 403, 403, 403),
        row("GET", "/partners", "", t -> get("partners"),                               401, 403, 403, 403, 200, 403, 403, 403),
        row("POST", "/partners", "no instanceId", t -> json("partners", "{}"),          401, 403, 403, 403, 422, 403, 403, 403),
        row("GET", "/partners/{id}", "partner", t -> get("partners/" + t.partner()),    401, 403, 403, 403, 200, 403, 403, 403),
        row("GET", "/partners/{id}/sync", "partner", t -> get("partners/" + t.partner() + "/sync"),
                                                                                        401, 403, 403, 403, 200, 403, 403, 403),
        row("POST", "/partners/{id}/sync", "partner without base URL", t -> post("partners/" + t.partner() + "/sync"),
                                                                                        401, 403, 403, 403, 409, 403, 403, 403),
        row("POST", "/partners/{id}/tokens", "spare partner", t -> post("partners/" + t.sparePartner() + "/tokens"),
                                                                                        401, 403, 403, 403, 201, 403, 403, 403),
        row("GET", "/users", "", t -> get("users"),                                     401, 403, 403, 403, 200, 403, 403, 403),
        row("POST", "/users", "no username", t -> json("users", "{}"),                  401, 403, 403, 403, 422, 403, 403, 403),
        row("GET", "/users/{id}", "home instructor", t -> get("users/" + t.user()),     401, 403, 403, 403, 200, 403, 403, 403),
        row("PUT", "/users/{id}", "home instructor, empty body", t -> json("users/" + t.user(), ""),
                                                                                        401, 403, 403, 403, 400, 403, 403, 403),

        row("GET", "/me", "", t -> get("me"),                                           401, 200, 200, 200, 200, 200, 200, 200),
        row("POST", "/me/password", "no fields", t -> json("me/password", "{}"),        401, 422, 422, 422, 422, 403, 422, 422),
        row("GET", "/tokens", "", t -> get("tokens"),                                   401, 200, 200, 200, 200, 403, 200, 200),
        row("POST", "/tokens", "no name", t -> json("tokens", "{}"),                    401, 422, 422, 422, 422, 403, 422, 422),
        row("DELETE", "/tokens/{id}", "home instructor's token", t -> delete("tokens/" + t.instructorToken()),
                                                                                        401, 200, 404, 404, 200, 403, 404, 404),

        row("GET", "/instance", "", t -> get("instance"),                               200, 200, 200, 200, 200, 200, 200, 200),
        row("GET", "/sharing/releases", "", t -> get("sharing/releases"),               401, 403, 403, 403, 403, 200, 403, 403),
        row("GET", "/search", "", t -> get("search?q=" + Http.q("خرما")),               200, 200, 200, 200, 200, 200, 200, 200),
        row("GET", "/suggest", "", t -> get("suggest?q=" + Http.q("خرم")),              200, 200, 200, 200, 200, 200, 200, 200),

        row("GET", "/items", "", t -> get("items?size=5"),                              200, 200, 200, 200, 200, 200, 200, 200),
        row("POST", "/items", "no file part", t -> upload("items"),                     401, 403, 400, 403, 403, 403, 400, 403),
        row("GET", "/items/{id}", "organisation item", t -> get("items/" + t.item()),   401, 200, 200, 200, 200, 404, 404, 404),
        row("GET", "/items/{id}", "public sample", t -> get("items/" + t.publicItem()), 200, 200, 200, 200, 200, 404, 200, 200),
        row("PATCH", "/items/{id}", "malformed patch", t -> raw("items/" + t.item(), "application/merge-patch+json", "{"),
                                                                                        401, 403, 400, 403, 403, 403, 404, 403),
        row("DELETE", "/items/{id}", "throwaway item", t -> delete("items/" + t.doomedItem()),
                                                                                        401, 403, 200, 403, 403, 403, 404, 403),
        row("GET", "/items/{id}/content", "organisation item", t -> get("items/" + t.item() + "/content"),
                                                                                        401, 200, 200, 200, 200, 404, 404, 404),
        row("GET", "/items/{id}/content", "public sample", t -> get("items/" + t.publicItem() + "/content"),
                                                                                        200, 200, 200, 200, 200, 404, 200, 200),
        row("GET", "/items/{id}/history", "organisation item", t -> get("items/" + t.item() + "/history"),
                                                                                        401, 200, 200, 200, 200, 404, 404, 404),
        row("GET", "/items/{id}/links", "organisation item", t -> get("items/" + t.item() + "/links"),
                                                                                        401, 200, 200, 200, 200, 403, 404, 404),
        row("POST", "/items/{id}/links", "no url", t -> json("items/" + t.item() + "/links", "{}"),
                                                                                        401, 422, 422, 422, 422, 403, 404, 404),
        row("POST", "/items/{id}/review", "approve a published item", t -> json("items/" + t.item() + "/review", APPROVE),
                                                                                        401, 403, 403, 409, 403, 403, 404, 403),
        row("POST", "/items/{id}/review", "approve a public sample", t -> json("items/" + t.publicItem() + "/review", APPROVE),
                                                                                        401, 403, 403, 409, 403, 403, 403, 403),
        row("GET", "/items/{id}/text", "organisation item", t -> get("items/" + t.item() + "/text"),
                                                                                        401, 200, 200, 200, 200, 404, 404, 404),
        row("GET", "/items/{id}/usage", "organisation item", t -> get("items/" + t.item() + "/usage"),
                                                                                        401, 200, 200, 200, 200, 404, 404, 404),
        row("GET", "/items/{id}/usage", "public sample", t -> get("items/" + t.publicItem() + "/usage"),
                                                                                        200, 200, 200, 200, 200, 404, 200, 200),
        row("GET", "/items/{id}/versions", "organisation item", t -> get("items/" + t.item() + "/versions"),
                                                                                        401, 200, 200, 200, 200, 404, 404, 404),
        row("POST", "/items/{id}/versions", "no file part", t -> upload("items/" + t.item() + "/versions"),
                                                                                        401, 403, 400, 403, 403, 403, 404, 403),
        row("GET", "/items/{id}/versions/{n}", "organisation item", t -> get("items/" + t.item() + "/versions/1"),
                                                                                        401, 200, 200, 200, 200, 404, 404, 404),
        row("GET", "/items/{id}/versions/{n}/content", "organisation item", t -> get("items/" + t.item() + "/versions/1/content"),
                                                                                        401, 200, 200, 200, 200, 404, 404, 404),
        row("POST", "/items/{id}/versions/{n}/extraction", "retry a READY version",
            t -> post("items/" + t.item() + "/versions/1/extraction"),                  401, 403, 409, 403, 409, 403, 404, 403),
        row("GET", "/items/{id}/versions/{n}/text", "organisation item", t -> get("items/" + t.item() + "/versions/1/text"),
                                                                                        401, 200, 200, 200, 200, 404, 404, 404),

        row("GET", "/curricula", "", t -> get("curricula?size=5"),                      200, 200, 200, 200, 200, 200, 200, 200),
        row("POST", "/curricula", "no title", t -> json("curricula", "{}"),             401, 403, 422, 403, 403, 403, 422, 403),
        row("GET", "/curricula/{id}", "organisation curriculum", t -> get("curricula/" + t.curriculum()),
                                                                                        401, 200, 200, 200, 200, 404, 404, 404),
        row("GET", "/curricula/{id}", "public sample", t -> get("curricula/" + t.publicCurriculum()),
                                                                                        200, 200, 200, 200, 200, 404, 200, 200),
        row("GET", "/curricula/{id}/adoption", "not adopted", t -> get("curricula/" + t.curriculum() + "/adoption"),
                                                                                        401, 403, 404, 403, 403, 403, 404, 403),
        row("POST", "/curricula/{id}/adoption", "not adopted", t -> post("curricula/" + t.curriculum() + "/adoption?take=1.1"),
                                                                                        401, 403, 404, 403, 403, 403, 404, 403),
        row("GET", "/curricula/{id}/diff", "1.0 to 1.1", t -> get("curricula/" + t.curriculum() + "/diff?from=1.0&to=1.1"),
                                                                                        401, 200, 200, 200, 200, 404, 404, 404),
        row("POST", "/curricula/{id}/draft/operations", "no If-Match",
            t -> json("curricula/" + t.curriculum() + "/draft/operations", RENAME),
                                                                                        401, 403, 428, 403, 403, 403, 404, 403),
        row("POST", "/curricula/{id}/drafts", "revert without If-Match", t -> post("curricula/" + t.curriculum() + "/drafts?from=1.0"),
                                                                                        401, 403, 428, 403, 403, 403, 404, 403),
        row("GET", "/curricula/{id}/history", "organisation curriculum", t -> get("curricula/" + t.curriculum() + "/history"),
                                                                                        401, 200, 200, 200, 200, 404, 404, 404),
        row("GET", "/curricula/{id}/items", "organisation curriculum", t -> get("curricula/" + t.curriculum() + "/items"),
                                                                                        401, 200, 200, 200, 200, 404, 404, 404),
        row("GET", "/curricula/{id}/links", "organisation curriculum", t -> get("curricula/" + t.curriculum() + "/links"),
                                                                                        401, 200, 200, 200, 200, 403, 404, 404),
        row("POST", "/curricula/{id}/links", "no url", t -> json("curricula/" + t.curriculum() + "/links", "{}"),
                                                                                        401, 422, 422, 422, 422, 403, 404, 404),
        row("GET", "/curricula/{id}/releases", "organisation curriculum", t -> get("curricula/" + t.curriculum() + "/releases"),
                                                                                        401, 200, 200, 200, 200, 404, 404, 404),
        row("POST", "/curricula/{id}/releases", "1.1 again", t -> json("curricula/" + t.curriculum() + "/releases", "{\"version\": \"1.1\"}"),
                                                                                        401, 403, 409, 403, 403, 403, 404, 403),
        row("GET", "/curricula/{id}/releases/{version}", "1.1", t -> get("curricula/" + t.curriculum() + "/releases/1.1"),
                                                                                        401, 200, 200, 200, 200, 404, 404, 404),
        row("POST", "/curricula/{id}/releases/{version}/adoptions", "a local curriculum",
            t -> post("curricula/" + t.curriculum() + "/releases/1.1/adoptions"),      401, 403, 409, 403, 403, 403, 404, 403),
        row("GET", "/curricula/{id}/releases/{version}/impact", "1.1", t -> get("curricula/" + t.curriculum() + "/releases/1.1/impact"),
                                                                                        401, 403, 200, 403, 200, 403, 404, 403),
        row("GET", "/curricula/{id}/releases/{version}/package", "organisation curriculum 1.1",
            t -> get("curricula/" + t.curriculum() + "/releases/1.1/package"),          401, 403, 200, 403, 200, 404, 404, 403),
        row("GET", "/curricula/{id}/releases/{version}/package", "public sample's latest release",
            t -> get("curricula/" + t.publicCurriculum() + "/releases/" + t.publicRelease() + "/package"),    401, 403, 200, 403, 200, 200, 200, 403),
        row("POST", "/curricula/{id}/releases/{version}/withdrawal", "1.0, already withdrawn",
            t -> json("curricula/" + t.curriculum() + "/releases/1.0/withdrawal", "{\"reason\": \"جایگزین شد\"}"),
                                                                                        401, 403, 409, 403, 403, 403, 404, 403),
        row("POST", "/curricula/{id}/review", "approve a draft not in review", t -> json("curricula/" + t.curriculum() + "/review", APPROVE),
                                                                                        401, 403, 403, 409, 403, 403, 404, 403),
        row("POST", "/curricula/{id}/review", "approve a public sample", t -> json("curricula/" + t.publicCurriculum() + "/review", APPROVE),
                                                                                        401, 403, 403, 409, 403, 403, 403, 403),
        row("PUT", "/curricula/{id}/visibility", "unchanged", t -> json("curricula/" + t.curriculum() + "/visibility",
            "{\"visibility\": \"organisation\"}"),                                      401, 403, 200, 403, 403, 403, 404, 403));
  }

  private static final String APPROVE = "{\"action\": \"approve\"}";
  private static final String RENAME = "{\"operations\": [{\"op\": \"rename\", \"node\": \"l1\", \"title\": \"ایمنی\"}]}";

  private static Row row(String method, String template, String what, Function<Targets, Request> request, int... expected) {
    if (expected.length != Who.values().length) {
      throw new IllegalArgumentException(method + " " + template + ": " + expected.length + " statuses for " + Who.values().length + " callers");
    }
    return new Row(method, template, what, request, expected);
  }

  private static Request get(String path) {
    return new Request(path, null, null);
  }

  private static Request post(String path) {
    return new Request(path, null, new byte[0]);
  }

  private static Request delete(String path) {
    return new Request(path, null, null);
  }

  private static Request json(String path, String body) {
    return raw(path, JSON, body);
  }

  private static Request raw(String path, String contentType, String body) {
    return new Request(path, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A well-formed upload with a metadata part and no file: refused after the access check. */
  private static Request upload(String path) {
    Http.Multipart m = new Http.Multipart().part("metadata", null, JSON,
        "{\"title\": \"بدون پرونده\"}".getBytes(StandardCharsets.UTF_8));
    return new Request(path, m.contentType(), m.bytes());
  }
}
