package org.dars.curriculum;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dars.platform.DarsException;

/** The curriculum problems that more than one class raises, with messages that say what to do. */
final class Problems {
  private static final String TYPE_PREFIX = "https://dars.example/problems/";

  private Problems() {}

  static DarsException unknownCurriculum(CurriculumId id) {
    return DarsException.notFound("unknown-curriculum", "There is no curriculum " + id + " in this repository.");
  }

  static DarsException unknownRelease(CurriculumId id, ReleaseVersion version) {
    return DarsException.notFound("unknown-release",
        "Curriculum " + id + " has no release " + version + ". GET /api/v1/curricula/" + id + "/releases lists them.");
  }

  static DarsException unknownNode(NodeId node) {
    return DarsException.invalid("unknown-node", "The draft has no node '" + node + "'.");
  }

  /** The same problem, saying which operation of a batch caused it. */
  static DarsException atOperation(int index, String op, DarsException e) {
    Map<String, Object> extensions = new LinkedHashMap<>(e.extensions());
    extensions.put("operation", index);
    String type = e.type().toString().substring(TYPE_PREFIX.length());
    return new DarsException(e.status(), type, e.title(),
        "Operation " + index + " (" + op + "): " + e.getMessage() + " Nothing in the batch was applied.",
        extensions, e);
  }

  static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 64 ? text : text.substring(0, 64) + "…";
  }
}
