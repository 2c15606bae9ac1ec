package io.jixiao.workflow;

import java.util.List;
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
}
