package dev.flywayzdm.callback;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.flywaydb.core.api.callback.Callback;

/**
 * A JDK proxy for a callback, generated at run time against the {@link Callback} interface of the
 * Flyway on the class path. A class compiled against Flyway 11.13+ carries bridge methods whose
 * signatures name {@code CallbackEvent}; Flyway 11.7 lacks that type, so reflecting over such a
 * class (as Spring does with every bean) fails. The proxy class only has the methods of the
 * interface that is really there.
 */
final class CallbackProxy implements InvocationHandler {

  private final Callback target;

  private CallbackProxy(Callback target) {
    this.target = target;
  }

  static Callback of(Callback target) {
    return (Callback) Proxy.newProxyInstance(Callback.class.getClassLoader(), new Class<?>[] {Callback.class},
        new CallbackProxy(target));
  }

  /** The callback this proxy delegates to. */
  Callback target() {
    return target;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> "proxy of " + target;
      };
    }
    try {
      // The interface method (Callback's on 11.7, GenericCallback's on 11.13+) dispatches to the
      // target's implementation, through its bridge where it has one.
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      // Flyway must see the callback's own exception, e.g. MigrationRefusedException.
      throw e.getCause();
    }
  }
}
