package org.dars.linking;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dars.content.Item;
import org.dars.content.ItemId;
import org.dars.content.ItemRepository;
import org.dars.content.ItemVersion;
import org.dars.content.Tombstone;
import org.dars.curriculum.CurriculumId;
import org.dars.curriculum.ReleaseService;
import org.dars.curriculum.ReleaseVersion;
import org.dars.curriculum.ReleaseView;
import org.dars.platform.DarsException;
import org.dars.platform.JsonbResolver;
import org.dars.platform.Problem;
import org.jboss.logging.Logger;

/**
 * The stable links courses use, outside the versioned API:
 *
 * <pre>
 * /p/items/{id}                 the latest version of an item
 * /p/items/{id}/v/{n}           exactly version n
 * /p/curricula/{id}             the latest release (newest not withdrawn)
 * /p/curricula/{id}/r/{version} exactly that release
 * </pre>
 *
 * A servlet rather than JAX-RS: the REST application owns /api/v1, and a second JAX-RS application
 * would by default pick up every resource class again under /p. Browsers get a page, clients that
 * prefer application/json get JSON; a deleted item answers 410 with its tombstone, in either form.
 */
@WebServlet(urlPatterns = "/p/*")
public class StableLinkServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(StableLinkServlet.class);
  private static final Jsonb JSON = JsonbResolver.JSONB;

  @Inject transient ItemRepository items;
  @Inject transient org.dars.content.ItemService itemService;
  @Inject transient ReleaseService releases;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    boolean json = Accept.wantsJson(req.getHeader("Accept"));
    resp.setHeader("Vary", "Accept");
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    String[] p = path.split("/");
    try {
      if (p.length == 3 && p[1].equals("items")) {
        item(ItemId.parse(p[2]), null, json, resp);
      } else if (p.length == 5 && p[1].equals("items") && p[3].equals("v")) {
        item(ItemId.parse(p[2]), org.dars.platform.Params.number("version", p[4], 1, Integer.MAX_VALUE), json, resp);
      } else if (p.length == 3 && p[1].equals("curricula")) {
        CurriculumId id = CurriculumId.parse(p[2]);
        ReleaseView r = releases.current(id).orElseThrow(() -> DarsException.notFound("not-released",
            "Curriculum " + id + " has no release yet; its links work once the first release is published."));
        curriculum(r, json, resp);
      } else if (p.length == 5 && p[1].equals("curricula") && p[3].equals("r")) {
        ReleaseView r = releases.release(CurriculumId.parse(p[2]), ReleaseVersion.parse(p[4]));
        if (r.newerRelease() != null) {
          resp.setHeader("Link", "</p/curricula/" + r.curriculum() + "/r/" + r.newerRelease() + ">; rel=\"latest-version\"");
        }
        curriculum(r, json, resp);
      } else {
        throw DarsException.notFound("unknown-link",
            "Stable links have the forms /p/items/{id}, /p/items/{id}/v/{n}, /p/curricula/{id} and /p/curricula/{id}/r/{version}.");
      }
    } catch (Gone gone) {
      Tombstone t = gone.tombstone;
      Map<String, Object> tombstone = new LinkedHashMap<>();
      tombstone.put("id", t.id().toString());
      tombstone.put("title", t.title());
      tombstone.put("deletedAt", t.deletedAt().toString());
      tombstone.put("reason", t.reason());
      tombstone.put("replacement", t.replacement());
      String detail = "Item " + t.id() + " ('" + t.title() + "') was deleted on " + t.deletedAt()
          + (t.reason() == null ? "." : ": " + t.reason());
      if (json) {
        problem(resp, 410, "item-deleted", "Gone", detail, Map.of("tombstone", tombstone));
      } else {
        write(resp, 410, "text/html;charset=UTF-8", LinkPages.tombstone(t));
      }
    } catch (DarsException e) {
      if (e.status() == 401 && !json) {
        // A course link followed by someone not yet signed in: sign in, then come back here.
        resp.sendRedirect(req.getContextPath() + "/login.xhtml?next=" + java.net.URLEncoder.encode(
            req.getRequestURI(), java.nio.charset.StandardCharsets.UTF_8));
        return;
      }
      if (json) {
        problem(resp, e.status(), e.type().toString(), e.title(), e.getMessage(), e.extensions());
      } else {
        write(resp, e.status(), "text/html;charset=UTF-8", LinkPages.error(e.status(), e.title(), e.getMessage()));
      }
    } catch (RuntimeException e) {
      LOG.errorf(e, "Stable link %s failed", path);
      throw e;
    }
  }

  private void item(ItemId id, Integer number, boolean json, HttpServletResponse resp) throws IOException {
    Item item = items.find(id).orElseThrow(() ->
        DarsException.notFound("unknown-item", "There is no item " + id + " in this repository, and there never was."));
    itemService.checkRead(item);
    if (item.isDeleted()) {
      throw new Gone(item.tombstone().orElseThrow());
    }
    int latest = item.latestVersion();
    int n = number == null ? latest : number;
    ItemVersion v = items.version(id, n).orElseThrow(() ->
        DarsException.notFound("unknown-version", "Item " + id + " has versions 1 to " + latest + ", not " + n + "."));
    String base = "/p/items/" + id;
    ItemLinkView view = new ItemLinkView(id.toString(), item.title(), item.metadata().description(), item.metadata().language(),
        n, latest, n < latest, v.status().name(), v.mediaType(), v.fileName(), v.size(), base + "/v/" + n,
        base, "/api/v1/items/" + id + "/versions/" + n + "/content");
    if (view.superseded()) {
      resp.setHeader("Link", "<" + base + "/v/" + latest + ">; rel=\"latest-version\"");
    }
    if (json) {
      write(resp, 200, "application/json;charset=UTF-8", JSON.toJson(view));
    } else {
      write(resp, 200, "text/html;charset=UTF-8", LinkPages.item(view));
    }
  }

  private void curriculum(ReleaseView r, boolean json, HttpServletResponse resp) throws IOException {
    if (json) {
      write(resp, 200, "application/json;charset=UTF-8", JSON.toJson(r));
    } else {
      write(resp, 200, "text/html;charset=UTF-8", LinkPages.curriculum(r));
    }
  }

  private static void problem(HttpServletResponse resp, int status, String type, String title, String detail,
      Map<String, Object> extensions) throws IOException {
    Problem.write(resp, status, type, title, detail, extensions);
  }

  private static void write(HttpServletResponse resp, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    resp.setStatus(status);
    resp.setContentType(type);
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }

  /** A deleted item, answered with its tombstone rather than as a plain problem. */
  private static final class Gone extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Tombstone tombstone;

    Gone(Tombstone tombstone) {
      super(null, null, false, false);
      this.tombstone = tombstone;
    }
  }
}
