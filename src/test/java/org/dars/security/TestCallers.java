package org.dars.security;

import java.util.concurrent.Callable;

/** For tests inside the server: runs a piece of work as a given caller, as the request filter would. */
public final class TestCallers {
  private TestCallers() {}

  public static <T> T as(Caller caller, Callable<T> work) throws Exception {
    Caller before = Access.set(caller);
    try {
      return work.call();
    } finally {
      Access.restore(before);
    }
  }

  public static <T> T asSystem(Callable<T> work) throws Exception {
    return as(Caller.SYSTEM, work);
  }
}
