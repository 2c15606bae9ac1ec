package io.jixiao.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application executes on the calling thread while {@link #count} runs
 * (a MockMvc request runs on the test's thread): the application's DataSource is wrapped so that,
 * only while counting, each connection it hands out counts every {@code execute*} of its statements.
 * Outside {@link #count} connections pass through untouched. Part of every {@link ApiTest} context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

  private static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();

  /** What {@code work} returned and how many statements it executed. */
  public record Counted<T>(T result, int statements) {}

  public static <T> Counted<T> count(Callable<T> work) throws Exception {
    int[] previous = COUNT.get();
    int[] counter = {0};
    COUNT.set(counter);
    try {
      T result = work.call();
      return new Counted<>(result, counter[0]);
    } finally {
      if (previous == null) {
        COUNT.remove();
      } else {
        COUNT.set(previous);
      }
    }
  }

  @Bean
  static BeanPostProcessor countingDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource dataSource && name.equals("dataSource") ? new Counting(dataSource) : bean;
      }
    };
  }

  static final class Counting extends DelegatingDataSource {

    Counting(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return counted(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return counted(super.getConnection(username, password));
    }

    private static Connection counted(Connection connection) {
      if (COUNT.get() == null) {
        return connection;
      }
      return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
          new Class<?>[] {Connection.class}, forward(connection, true));
    }

    private static InvocationHandler forward(Object target, boolean connection) {
      return (proxy, method, args) -> {
        Object result = invoke(target, method, args);
        if (connection && result instanceof Statement statement && method.getReturnType().isInterface()) {
          return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
              new Class<?>[] {method.getReturnType()}, forward(statement, false));
        }
        return result;
      };
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
      if (!(target instanceof Connection) && method.getName().startsWith("execute")) {
        int[] counter = COUNT.get();
        if (counter != null) {
          counter[0]++;
        }
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
