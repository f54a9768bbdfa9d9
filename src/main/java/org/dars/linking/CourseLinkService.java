package org.dars.linking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.dars.content.ItemId;
import org.dars.content.ItemService;
import org.dars.curriculum.CurriculumId;
import org.dars.curriculum.CurriculumService;
import org.dars.platform.DarsException;

/**
 * Registering and listing course links. Registering the same course URL twice for one target
 * returns the link already registered, so an LMS can register on every course save.
 */
@ApplicationScoped
public class CourseLinkService {
  @PersistenceContext(unitName = "dars")
  EntityManager em;

  @Inject ItemService items;
  @Inject CurriculumService curricula;

  /** The registered link and whether it is new. */
  record Registered(CourseLinkView link, boolean created) {}

  @Transactional
  Registered registerForItem(ItemId item, JsonObject body, String actor) {
    items.live(item);
    return register(CourseLink.Target.ITEM, item.value(), body, actor);
  }

  @Transactional
  Registered registerForCurriculum(CurriculumId curriculum, JsonObject body, String actor) {
    curricula.view(curriculum);
    return register(CourseLink.Target.CURRICULUM, curriculum.value(), body, actor);
  }

  public List<CourseLinkView> linksTo(ItemId item) {
    return links(CourseLink.Target.ITEM, item.value());
  }

  public List<CourseLinkView> linksTo(CurriculumId curriculum) {
    return links(CourseLink.Target.CURRICULUM, curriculum.value());
  }

  private Registered register(CourseLink.Target target, UUID id, JsonObject body, String actor) {
    String url = checkedUrl(text(body, "url", 2000));
    String title = text(body, "title", 1000);
    String lms = text(body, "lms", 200);
    List<CourseLink> existing = em.createQuery(
            "select l from CourseLink l where l.targetKind = :k and l.targetId = :t and l.url = :u", CourseLink.class)
        .setParameter("k", target.name()).setParameter("t", id).setParameter("u", url)
        .getResultList();
    if (!existing.isEmpty()) {
      return new Registered(existing.get(0).view(), false);
    }
    CourseLink link = new CourseLink(target, id, url, title, lms, actor, Instant.now());
    em.persist(link);
    em.flush();
    return new Registered(link.view(), true);
  }

  private List<CourseLinkView> links(CourseLink.Target target, UUID id) {
    return em.createQuery("select l from CourseLink l where l.targetKind = :k and l.targetId = :t order by l.createdAt, l.id", CourseLink.class)
        .setParameter("k", target.name()).setParameter("t", id)
        .getResultStream().map(CourseLink::view).toList();
  }

  static String checkedUrl(String url) {
    if (url == null) {
      throw DarsException.invalid("invalid-field", "'url' is required: the address of the course page that links here.");
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw DarsException.invalid("invalid-url", "'url' must be an absolute http or https address, such as https://lms.example/course/42.");
  }

  private static String text(JsonObject body, String key, int max) {
    JsonValue v = body.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.STRING) {
      throw DarsException.invalid("invalid-field", "'" + key + "' must be a string.");
    }
    String s = body.getString(key).strip();
    if (s.length() > max) {
      throw DarsException.invalid("invalid-field", "'" + key + "' is limited to " + max + " characters.");
    }
    return s.isEmpty() ? null : s;
  }
}
