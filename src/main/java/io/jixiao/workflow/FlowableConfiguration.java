package io.jixiao.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FlowableConfiguration {

  @Bean
  EngineConfigurationConfigurer<SpringProcessEngineConfiguration> taskProjectionListener(TaskProjection projection) {
    return configuration -> configuration.setEventListeners(List.of(projection));
  }

  /**
   * The application's clock is the engine's (reminders, issue 11): what decides when a timer is due also
   * stamps what it does, so a test that moves the engine's clock moves both.
   */
  @Bean
  Clock clock(ProcessEngineConfiguration engine) {
    return new EngineClock(engine, ZoneOffset.UTC);
  }

  private static final class EngineClock extends Clock {
    private final ProcessEngineConfiguration engine;
    private final ZoneId zone;

    EngineClock(ProcessEngineConfiguration engine, ZoneId zone) {
      this.engine = engine;
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new EngineClock(engine, other);
    }

    @Override
    public Instant instant() {
      return engine.getClock().getCurrentTime().toInstant();
    }
  }
}
