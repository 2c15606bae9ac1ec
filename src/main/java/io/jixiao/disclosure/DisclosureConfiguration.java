package io.jixiao.disclosure;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class DisclosureConfiguration {

  /** Before security and everything else but the request size and parameter limits: a refused request costs little. */
  @Bean
  FilterRegistrationBean<PublicRateLimitFilter> publicRateLimitFilter(RateLimitProperties properties) {
    var limiter = new RateLimiter(properties.capacity(), properties.refillPerSecond(), properties.maxClients(),
        System::nanoTime);
    var registration = new FilterRegistrationBean<>(new PublicRateLimitFilter(limiter));
    registration.addUrlPatterns("/public", "/public/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3); // after the size limit, MultipartGate and the parameter limit
    registration.setEnabled(properties.enabled());
    registration.setName("publicRateLimitFilter");
    return registration;
  }
}
