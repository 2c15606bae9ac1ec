package io.jixiao.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real SMTP server (GreenMail) on a free port in the test JVM, started for every context of the
 * {@code test} profile and named to it as {@code spring.mail.host/port}: the app's mails (reminders) go
 * there, and tests read them back. One server for the JVM, as the contexts are shared. Registered in
 * {@code src/test/resources/META-INF/spring.factories}.
 */
public final class TestMail implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static GreenMail server;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    var environment = context.getEnvironment();
    if (!Arrays.asList(environment.getActiveProfiles()).contains("test")) {
      return;
    }
    GreenMail smtp = server();
    environment.getPropertySources().addFirst(new MapPropertySource("test-mail", Map.of(
        "spring.mail.host", "127.0.0.1",
        "spring.mail.port", String.valueOf(smtp.getSmtp().getPort()))));
  }

  public static synchronized GreenMail server() {
    if (server == null) {
      server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }
    return server;
  }

  /** Every mail received so far. */
  public static List<MimeMessage> received() {
    return List.of(server().getReceivedMessages());
  }
}
